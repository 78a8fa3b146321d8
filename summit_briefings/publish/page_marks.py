"""Attributes the built pages need, added as Python-Markdown builds each page's HTML (the
plugin registers the extension; `make pages` writes plain Markdown without them).

- Every body cell of a table gets its column's heading as ``data-label``: on a phone, where
  a row is shown as a card (briefings.css), the label says what each line is.
- A citation number right after another (``[^a][^b]``) is marked ``next-ref``: the
  stylesheet draws the comma of "1, 2, 3" before it. A stylesheet alone cannot tell that
  nothing stands between two numbers (a selector skips text), and would put a comma
  before every number that follows another in the same paragraph, text between or not.
- With Pagefind (served builds): table header rows ("Amount Period What"), citation numbers
  and the footnotes' "↩" back links get ``data-pagefind-ignore``, as not words readers look
  for and noise in the result snippets; a person's page's heading, their name, is weighted
  and named as the meta "person" that Pagefind ranks first (pagefind-worker.js). The rest of
  Pagefind's marks are the theme's (overrides/main.html: the article as the page's body) and
  Pagefind's own options (site_search.EXCLUDED).
"""

from __future__ import annotations

import html
import xml.etree.ElementTree as etree

from markdown import Markdown
from markdown.extensions import Extension
from markdown.extensions.toc import render_inner_html, strip_tags
from markdown.treeprocessors import Treeprocessor

from ..contexts.links import NAME_HEADING_WEIGHT

IGNORED = "data-pagefind-ignore"
NEXT_REFERENCE = "next-ref"
# After the inline patterns (20), the footnotes (50, duplicates 15), attr_list (8) and toc (5)
# have built each element and its attributes.
PRIORITY = 4


class PageMarks(Extension):
    """The extension, one for the build: the plugin says whether the build searches with
    Pagefind, and before each page is converted whether it is a person's page."""

    def __init__(self, *, pagefind: bool) -> None:
        super().__init__()
        self.pagefind = pagefind
        self.person_page = False

    def extendMarkdown(self, md: Markdown) -> None:
        md.treeprocessors.register(PageMarksTreeprocessor(md, self), "briefings_marks",
                                   PRIORITY)


class PageMarksTreeprocessor(Treeprocessor):
    def __init__(self, md: Markdown, marks: PageMarks) -> None:
        super().__init__(md)
        self.marks = marks

    def run(self, root: etree.Element) -> None:
        for table in root.iter("table"):
            self.label_cells(table)
        for parent in root.iter():
            for before, reference in zip(parent, parent[1:], strict=False):
                if (is_reference(before) and is_reference(reference)
                        and not (before.tail or "").strip()):
                    reference.set("class", NEXT_REFERENCE)
        if not self.marks.pagefind:
            return
        for element in root.iter():
            if (element.tag == "thead" or is_reference(element)
                    or (element.tag == "a" and element.get("class") == "footnote-backref")):
                element.set(IGNORED, "")
        if self.marks.person_page and (heading := root.find(".//h1")) is not None:
            heading.set("data-pagefind-weight", f"{NAME_HEADING_WEIGHT:g}")
            heading.set("data-pagefind-meta", "person")

    def label_cells(self, table: etree.Element) -> None:
        headings = [html.unescape(strip_tags(render_inner_html(heading, self.md)))
                    for heading in table.iter("th")]
        # A Markdown table's body rows have a cell for each heading.
        for row in table.findall("tbody/tr"):
            for cell, heading in zip(row.findall("td"), headings, strict=True):
                cell.set("data-label", heading)


def is_reference(element: etree.Element) -> bool:
    """A citation number: the footnotes extension's ``<sup id="fnref:…">``."""
    return element.tag == "sup" and element.get("id", "").startswith("fnref")
