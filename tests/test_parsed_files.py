"""`mkdocs serve` parses again only the data files a save changed (load.ParsedFiles)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from conftest import copy_project

from summit_briefings.model import load, project_files
from summit_briefings.model.load import ParsedFiles
from summit_briefings.model.problems import BriefingError
from summit_briefings.model.validate import validate


def write(root: Path, text: str) -> Path:
    path = root / "data" / "topics.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_a_file_whose_bytes_did_not_change_is_not_parsed_again(tmp_path: Path):
    parsed = ParsedFiles()
    path = write(tmp_path, "- id: trade\n")
    first = parsed.load(path, tmp_path)
    parsed.next_build()
    assert parsed.load(path, tmp_path) is first


def test_a_changed_file_is_parsed_again(tmp_path: Path):
    parsed = ParsedFiles()
    path = write(tmp_path, "- id: trade\n")
    parsed.load(path, tmp_path)
    parsed.next_build()
    write(tmp_path, "- id: energy\n")
    assert parsed.load(path, tmp_path).data == [{"id": "energy"}]


def test_a_file_with_problems_is_reported_on_every_build(tmp_path: Path):
    parsed = ParsedFiles()
    path = write(tmp_path, "- id: [trade\n")
    for _ in range(2):
        with pytest.raises(BriefingError, match="data/topics.yaml:"):
            parsed.load(path, tmp_path)
        parsed.next_build()


def test_only_the_last_builds_files_are_kept(tmp_path: Path):
    parsed = ParsedFiles()
    path = write(tmp_path, "- id: trade\n")
    first = parsed.load(path, tmp_path)
    parsed.next_build()  # a build that did not read the file
    parsed.next_build()
    assert parsed.load(path, tmp_path) is not first


def test_changed_names_the_files_parsed_anew_and_those_no_longer_read(tmp_path: Path):
    parsed = ParsedFiles()
    topics = write(tmp_path, "- id: trade\n")
    people = tmp_path / "data" / "people.yaml"
    people.write_text("[]\n", encoding="utf-8")
    parsed.load(topics, tmp_path)
    parsed.load(people, tmp_path)
    assert parsed.changed() == {"data/topics.yaml", "data/people.yaml"}
    parsed.next_build()
    parsed.load(topics, tmp_path)
    parsed.load(people, tmp_path)
    assert parsed.changed() == set()
    parsed.next_build()
    write(tmp_path, "- id: energy\n")
    parsed.load(topics, tmp_path)
    assert parsed.changed() == {"data/topics.yaml", "data/people.yaml"}


def test_a_fork_reuses_the_files_parsed_and_keeps_what_it_parses_to_itself(tmp_path: Path):
    parsed = ParsedFiles()
    path = write(tmp_path, "- id: trade\n")
    first = parsed.load(path, tmp_path)
    fork = parsed.fork()
    fork.next_build()
    assert fork.load(path, tmp_path) is first
    write(tmp_path, "- id: energy\n")
    fork.next_build()
    fork.load(path, tmp_path)
    parsed.next_build()
    parsed.load(path, tmp_path)
    assert parsed.changed() == {"data/topics.yaml"}


def _aged(path: Path) -> None:
    """As a file saved a while ago: its modification time beyond a clock's tick."""
    old = path.stat().st_mtime_ns - 10 * load.SAME_TICK_NS
    os.utime(path, ns=(old, old))


def _same_size_edit(path: Path) -> None:
    path.write_text("- id: power\n", encoding="utf-8")


def _edit_keeping_its_times(path: Path) -> None:
    times = path.stat()
    path.write_text("- id: power\n", encoding="utf-8")
    os.utime(path, ns=(times.st_atime_ns, times.st_mtime_ns))  # its change time still moves


def _replaced_by_a_link(path: Path) -> None:
    outside = path.parent.parent.parent / "outside.yaml"
    outside.write_text("- id: power\n", encoding="utf-8")
    path.unlink()
    path.symlink_to(outside)


@pytest.mark.parametrize(("change", "read_again"), [
    (None, False),
    (_same_size_edit, True),
    (_edit_keeping_its_times, True),
    (_replaced_by_a_link, True),
])
def test_a_file_is_read_again_unless_lstat_shows_it_unchanged(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, change, read_again: bool):
    root = tmp_path / "project"
    path = write(root, "- id: trade\n")
    _aged(path)
    parsed = ParsedFiles()
    parsed.load(path, root)
    parsed.next_build()
    if change is not None:
        change(path)
        if change is _same_size_edit:
            _aged(path)
    reads = []
    monkeypatch.setattr(load, "read_bounded",
                        lambda *a: reads.append(a) or project_files.read_bounded(*a))
    try:
        document = parsed.load(path, root)
    except BriefingError as refused:
        assert read_again and "symbolic link" in str(refused)
    else:
        assert document.data == ([{"id": "power"}] if change else [{"id": "trade"}])
    assert bool(reads) == read_again


def test_a_file_modified_within_a_clock_tick_of_its_reading_is_read_again(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """A coarse clock gives an edit made within the same tick the same times and size."""
    path = write(tmp_path, "- id: trade\n")
    parsed = ParsedFiles()
    parsed.load(path, tmp_path)
    parsed.next_build()
    reads = []
    monkeypatch.setattr(load, "read_bounded",
                        lambda *a: reads.append(a) or project_files.read_bounded(*a))
    parsed.load(path, tmp_path)
    assert reads


def test_a_data_folder_replaced_by_a_link_is_refused_though_its_files_are_unchanged(
        tmp_path: Path):
    """Moved out of the project with a link left in its place, data/summits/ holds the same
    files (the same inodes, times and sizes), which ParsedFiles does not read again; the
    build refuses the link itself (project_files.unsafe_files), on every build."""
    root = copy_project(tmp_path / "project").root
    summits = root / "data" / "summits"
    for path in summits.iterdir():
        _aged(path)
    parsed = ParsedFiles()
    validate(root, parsed)
    summits.rename(tmp_path / "summits")
    summits.symlink_to(tmp_path / "summits")
    for _ in range(2):
        parsed.next_build()
        with pytest.raises(BriefingError, match="data/summits:1:1: is a symbolic link"):
            validate(root, parsed)
