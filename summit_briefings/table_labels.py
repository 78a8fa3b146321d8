"""Column headings on table cells, for tables shown as cards on a phone."""

from __future__ import annotations

import html
import re

_TABLE = re.compile(r"<table>(.*?)</table>", re.S)
_HEADER_CELL = re.compile(r"<th[^>]*>(.*?)</th>", re.S)
_ROW = re.compile(r"<tr>(.*?)</tr>", re.S)
_CELL_START = re.compile(r"<td(?=[ >])")
_TAG = re.compile(r"<[^>]+>")


def label_table_cells(page_html: str) -> str:
    """Each body cell of a table gets its column's heading as ``data-label``: on a phone,
    where a row is shown as a card (briefings.css), the label says what each line is."""
    def label_table(table: re.Match[str]) -> str:
        headings = [html.escape(html.unescape(_TAG.sub("", h)).strip(), quote=True)
                    for h in _HEADER_CELL.findall(table[1])]

        def label_row(row: re.Match[str]) -> str:
            cells = iter(headings)
            return "<tr>" + _CELL_START.sub(
                lambda cell: f'<td data-label="{next(cells, "")}"', row[1]) + "</tr>"

        return "<table>" + _ROW.sub(label_row, table[1]) + "</table>"

    return _TABLE.sub(label_table, page_html)
