"""Golden snapshots of the generated Markdown of the fictional corpus
(tests/fixtures/fictional-pair): a summit with an inferred day, a leader, the trade page, the
commitments and evolution pages, a source whose run-together paragraph anchors each sentence,
a source copied with its web page's table borders, and the briefs: one leader's and the
relationship's; and one summit's meeting pack.

To accept a change on purpose: `make snapshots`, then review `git diff tests/golden`.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from conftest import fictional_project

from summit_briefings.pipeline import build_site

GOLDEN = Path(__file__).parent / "golden"
SNAPSHOTS = {
    "summits/2032-03-09-vesk.md": "summit-2032-03-09-vesk.md",
    "leaders/pavel-dorn.md": "leader-pavel-dorn.md",
    "trade-targets.md": "trade-targets.md",
    "commitments.md": "commitments.md",
    "evolution.md": "evolution.md",
    # A long file name, as sites give them: a phone's layout must take it.
    "sources/sudcourier-2032-03-12-vesk-dorn-brenic-open-first-section-arlen-vesk-line.md":
        "source-sudcourier-2032-03-12-vesk-dorn-brenic-open-first-section-arlen-vesk-line.md",
    "sources/nordwire-2031-04-10-port-arlen.md": "source-nordwire-2031-04-10-port-arlen.md",
    "leaders/pavel-dorn/brief.md": "brief-pavel-dorn.md",
    "brief.md": "brief-relationship.md",
    "summits/2032-03-09-vesk/pack.md": "pack-2032-03-09-vesk.md",
}


@pytest.fixture(scope="module")
def root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return fictional_project(tmp_path_factory.mktemp("golden") / "project").root


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
