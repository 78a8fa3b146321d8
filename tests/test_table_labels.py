"""Table cells labelled with their column's heading (summit_briefings.table_labels), for the
phone layout that shows each row as a card."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from summit_briefings.table_labels import label_table_cells


def labels(html: str) -> list[list[str | None]]:
    rows = BeautifulSoup(label_table_cells(html), "html.parser").select("tbody tr")
    return [[cell.get("data-label") for cell in row.find_all("td")] for row in rows]


def table(head: str, *rows: str) -> str:
    body = "".join(f"<tr>{row}</tr>" for row in rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


@pytest.mark.parametrize(("html", "expected"), [
    (table("<th>Amount</th><th>Period</th>", "<td>US$1</td><td>2030</td>",
           "<td>US$2</td><td>2035</td>"),
     [["Amount", "Period"], ["Amount", "Period"]]),
    (table('<th align="right">Year</th><th><em>Met</em>?</th>',
           '<td align="right">2024</td><td>yes</td>'),
     [["Year", "Met?"]]),
    (table("<th>A &amp; B</th><th>“Quoted” \"here\"</th>", "<td>1</td><td>2</td>"),
     [["A & B", "“Quoted” \"here\""]]),
    (table("<th>Only</th>", "<td>1</td><td>extra</td>"),
     [["Only", ""]]),
])
def test_each_body_cell_is_labelled_with_its_columns_heading(html: str, expected: list):
    assert labels(html) == expected


def test_two_tables_on_a_page_are_labelled_each_by_its_own_headings():
    page = table("<th>Year</th>", "<td>1</td>") + "<p>text</p>" + table("<th>Goal</th>",
                                                                         "<td>2</td>")
    assert labels(page) == [["Year"], ["Goal"]]


def test_a_page_without_tables_is_unchanged():
    page = "<p>No <td>table</td> here</p>"
    assert label_table_cells(page) == page
