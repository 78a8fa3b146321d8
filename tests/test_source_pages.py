"""Source pages as readers see them: the stored text as paragraphs, without the table borders a
copied web page leaves ("¶2 |", lines of nothing but "|"), a short provenance box, and the
checksum at the foot."""

from __future__ import annotations

import re

import pytest
import yaml
from bs4 import BeautifulSoup
from conftest import FICTIONAL_DATA, REPO, copy_project

from summit_briefings.evidence.sources import has_table_borders, paragraphs
from summit_briefings.pipeline import build_site

BORDERED = "Lead paragraph.\n    |\n |\n|\nA caption under a photo |\nA | B stays whole.\n"

# What a reader must never see on a source page: a paragraph of nothing but borders, or a
# paragraph number followed by one.
DEBRIS = re.compile(r"^(?:¶\d+\s*)?[|\s]*$|^¶\d+\s*\|")


def test_paragraphs_leave_out_table_borders_and_keep_pipes_inside_the_text():
    found = paragraphs(BORDERED)
    assert [BORDERED[p.start:p.end] for p in found] == [
        "Lead paragraph.", "A caption under a photo", "A | B stays whole."]
    assert [p.anchor for p in found] == ["p1", "p2", "p3"]
    assert has_table_borders(BORDERED) and not has_table_borders("A | B.\nC.")


def shown_lines(page: str) -> list[str]:
    """Each paragraph of a source page's article text as a reader sees it."""
    soup = BeautifulSoup(page, "html.parser")
    return [" ".join(p.get_text(" ").split()) for p in soup.select(".source-text p")]


@pytest.mark.parametrize("data", ["fictional-pair", "live"])
def test_no_source_page_shows_table_debris(tmp_path, data: str):
    """Over the fictional corpus (whose Port Arlen article has the borders) and the live data."""
    root = copy_project(tmp_path, FICTIONAL_DATA).root if data == "fictional-pair" else REPO
    pages = build_site(root).pages
    sources = {path: page for path, page in pages.items()
               if path.startswith("sources/") and path != "sources/index.md"}
    assert sources
    for path, page in sources.items():
        lines = shown_lines(page)
        assert lines, path
        debris = [line for line in lines if DEBRIS.search(line)]
        assert not debris, f"{path}: {debris}"
        # Every paragraph number is in order, from 1: none left for a line of borders.
        assert [line.split()[0] for line in lines] == [f"¶{n}" for n in
                                                       range(1, len(lines) + 1)], path


def test_the_provenance_box_and_the_checksum_at_the_foot(tmp_path):
    project = copy_project(tmp_path, FICTIONAL_DATA)
    sources = project.read("data/sources.yaml").replace(
        "  outlet: Nord Wire\n",
        "  outlet: Nord Wire\n  publisher: Nord Wire Group\n"
        "  url: https://example.org/port-arlen-talks\n  truncated: true\n", 1)
    project.write("data/sources.yaml", sources)
    page = build_site(project.root).pages["sources/nordwire-2031-04-10-port-arlen.md"]
    box, _, rest = page.partition('!!! info provenance-box "Where this text comes from"\n')[2] \
        .partition("\n\n")
    assert "**Publisher:** Nord Wire Group" in box and "**Outlet:** Nord Wire" in box
    assert "**Published:**" in box
    assert 'href="https://example.org/port-arlen-talks"' in box
    assert "**Cut off:** the stored text stops mid-article" in box
    assert "Table borders" in box  # this article's text has them
    assert "sha256" not in box
    checksum = page.rstrip().splitlines()[-1]
    digest = yaml.safe_load(sources)[0]["sha256"]
    assert f"sha256 {digest}" in checksum, "the checksum is not the body's last line"
    assert rest.index("Facts citing this article") < rest.index("sha256")
