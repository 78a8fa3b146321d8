"""The attributes Python-Markdown adds as it builds each page (summit_briefings.publish.page_marks):
column headings on table cells, for the phone layout that shows each row as a card, and on
served builds the marks that keep noise out of Pagefind's index and name a person's page."""

from __future__ import annotations

import markdown
import pytest
from bs4 import BeautifulSoup

from summit_briefings.contexts.links import NAME_HEADING_WEIGHT
from summit_briefings.publish.page_marks import PageMarks


def convert(text: str, *, pagefind: bool = False, person_page: bool = False) -> BeautifulSoup:
    """The page as MkDocs converts it, with mkdocs.yml's extensions and the plugin's."""
    marks = PageMarks(pagefind=pagefind)
    marks.person_page = person_page
    md = markdown.Markdown(extensions=["attr_list", "admonition", "footnotes", "tables", "toc",
                                       marks])
    return BeautifulSoup(md.convert(text), "html.parser")


def labels(text: str) -> list[list[str | None]]:
    rows = convert(text).select("tbody tr")
    return [[cell.get("data-label") for cell in row.find_all("td")] for row in rows]


@pytest.mark.parametrize(("text", "expected"), [
    ("| Amount | Period |\n|---|---|\n| US$1 | 2030 |\n| US$2 | 2035 |\n",
     [["Amount", "Period"], ["Amount", "Period"]]),
    ("| Year | *Met*? |\n|---:|---|\n| 2024 | yes |\n", [["Year", "Met?"]]),
    ('| A & B | “Quoted” "here" | R&amp;D |\n|---|---|---|\n| 1 | 2 | 3 |\n',
     [["A & B", "“Quoted” \"here\"", "R&D"]]),
])
def test_each_body_cell_is_labelled_with_its_columns_heading(text: str, expected: list):
    assert labels(text) == expected


def test_two_tables_on_a_page_are_labelled_each_by_its_own_headings():
    text = "| Year |\n|---|\n| 1 |\n\ntext\n\n| Goal |\n|---|\n| 2 |\n"
    assert labels(text) == [["Year"], ["Goal"]]


PAGE = """# Lương Cường { #luong-cuong }

Where: Gyeongju[^1], again[^1].

| Amount | Period |
|---|---|
| US$150 billion | 2030 |

[^1]: “quoted passage”
"""


def test_with_pagefind_table_headers_citation_numbers_and_back_links_are_ignored():
    page = convert(PAGE, pagefind=True)
    ignored = page.select("[data-pagefind-ignore]")
    assert [e.name for e in ignored] == ["sup", "sup", "thead", "a", "a"]
    assert [e.get_text() for e in ignored if e.name == "sup"] == ["1", "1"]
    assert all("footnote-backref" in e["class"] for e in ignored if e.name == "a")
    # What stays is what readers read.
    for kept in page.select("tbody, p, h1"):
        assert not kept.has_attr("data-pagefind-ignore")


def test_without_pagefind_nothing_but_the_labels_is_added():
    # The offline build searches with Material's index, which reads no Pagefind marks.
    page = convert(PAGE, person_page=True)
    assert not page.select("[data-pagefind-ignore], [data-pagefind-weight], "
                           "[data-pagefind-meta]")
    assert page.select_one("td")["data-label"] == "Amount"


def test_a_persons_heading_is_their_name_weighted_and_named_as_the_person_meta():
    heading = convert(PAGE, pagefind=True, person_page=True).h1
    assert heading["data-pagefind-meta"] == "person"
    assert float(heading["data-pagefind-weight"]) == NAME_HEADING_WEIGHT > 7  # Pagefind's h1
    assert heading["id"] == "luong-cuong" and heading.get_text() == "Lương Cường"
    # Only a person's page: a summit page names its leaders in its heading too.
    assert "data-pagefind-meta" not in convert(PAGE, pagefind=True).h1.attrs


def test_marking_leaves_the_page_as_readers_see_it():
    assert (convert(PAGE, pagefind=True, person_page=True).get_text()
            == convert(PAGE).get_text())


@pytest.mark.parametrize(("text", "expected"), [
    ("Agreed.[^a][^b][^c]", ["", "next-ref", "next-ref"]),
    ("Agreed[^a], and then[^b].", ["", ""]),
    ("- **Who met:** A (President)[^a]; B (Chancellor)[^b][^c]", ["", "", "next-ref"]),
])
def test_only_a_citation_number_right_after_another_is_marked_for_its_comma(
        text: str, expected: list[str]):
    notes = "\n\n[^a]: one\n[^b]: two\n[^c]: three\n"
    references = convert(text + notes).select("sup[id^=fnref]")
    assert [" ".join(sup.get("class", [])) for sup in references] == expected
