"""Golden snapshots of the generated Markdown of the fixture corpus: one summit, one leader,
the trade page, the commitments page, the briefs (one leader's and the relationship's), the
source page of an article copied with its web page's table borders, and one summit's meeting
pack.

To accept a change on purpose: `make snapshots`, then review `git diff tests/golden`.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from conftest import copy_project

from summit_briefings.pipeline import build_site

GOLDEN = Path(__file__).parent / "golden"
SNAPSHOTS = {
    "summits/2023-06-23-vietnam.md": "summit-2023-06-23-vietnam.md",
    "leaders/luong-cuong.md": "leader-luong-cuong.md",
    "trade-targets.md": "trade-targets.md",
    "commitments.md": "commitments.md",
    "leaders/luong-cuong/brief.md": "brief-luong-cuong.md",
    "brief.md": "brief-relationship.md",
    "sources/001_38cedd2d2f96b738.md": "source-001-gyeongju.md",
    "summits/2023-06-23-vietnam/pack.md": "pack-2023-06-23-vietnam.md",
}


@pytest.fixture(scope="module")
def root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_project(tmp_path_factory.mktemp("golden")).root


@pytest.fixture(scope="module")
def pages(root: Path) -> dict[str, str]:
    return build_site(root).pages


@pytest.mark.parametrize("page", sorted(SNAPSHOTS))
def test_generated_markdown_matches_its_golden_snapshot(pages: dict[str, str], page: str):
    golden = GOLDEN / SNAPSHOTS[page]
    if os.environ.get("UPDATE_GOLDENS"):
        golden.write_text(pages[page], encoding="utf-8", newline="\n")
    assert golden.is_file(), f"no snapshot yet: run `make snapshots` to create {golden}"
    assert pages[page] == golden.read_text(encoding="utf-8"), (
        f"{page} differs from {golden.name}; if the change is intended run `make snapshots` "
        "and review the diff")


def test_generation_is_byte_identical_across_runs(root: Path, pages: dict[str, str]):
    assert build_site(root).pages == pages


def test_every_list_starts_after_a_blank_line_so_markdown_sees_a_list(pages):
    for path, text in pages.items():
        lines = text.splitlines()
        for number, (before, line) in enumerate(zip(lines, lines[1:], strict=False), start=2):
            # A nested item ("    - ") belongs to the list too.
            if line.startswith("- ") and before.strip() and not before.lstrip().startswith("- "):
                raise AssertionError(f"{path}:{number}: list item glued to the line before it")
