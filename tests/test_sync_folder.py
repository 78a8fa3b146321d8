"""The live preview's folder (write.sync_folder): only files whose text changed are written,
so that a dirty rebuild skips the rest; files no longer generated are removed. The plugin
passes what the last sync wrote, and the folder is then not read at all."""

from __future__ import annotations

from pathlib import Path

import pytest

from summit_briefings.write import sync_folder

FIRST = {"index.md": "home", "summits/a.md": "A", "summits/b.md": "B"}
SECOND = {"index.md": "home", "summits/a.md": "A, edited", "summits/c.md": "C"}


@pytest.mark.parametrize("told", [False, True], ids=["reading the folder", "told what it holds"])
def test_only_changed_files_are_written_and_stale_ones_removed(tmp_path: Path, told: bool):
    assert sync_folder(FIRST, tmp_path) == (3, 0)
    unchanged = (tmp_path / "index.md").stat().st_mtime_ns
    assert sync_folder(SECOND, tmp_path, FIRST if told else None) == (2, 1)
    held = {p.relative_to(tmp_path).as_posix(): p.read_text(encoding="utf-8")
            for p in tmp_path.rglob("*") if p.is_file()}
    assert held == SECOND
    assert (tmp_path / "index.md").stat().st_mtime_ns == unchanged


def test_told_what_it_holds_it_does_not_read_the_folder(tmp_path: Path):
    sync_folder(FIRST, tmp_path)
    (tmp_path / "index.md").write_text("changed behind its back", encoding="utf-8")
    assert sync_folder(FIRST, tmp_path, FIRST) == (0, 0)
