"""The trade page prints every amount in its own currency, and every target as its sources
qualify it. Runs on the fictional corpus (in euros)."""

from __future__ import annotations

import re
from collections.abc import Callable

from conftest import FICTIONAL_DATA, Project
from test_page_marks import convert

from summit_briefings.pipeline import build_site

TRADE, SOURCES = "data/trade.yaml", "data/sources.yaml"


def test_amounts_print_in_their_own_currency_and_are_never_compared_across_currencies(
        make_project: Callable[..., Project]):
    # The first amount in trade.yaml (a figure or a target, whichever comes first) in dollars.
    project = make_project(base=FICTIONAL_DATA, whole_site=True)
    project.write(TRADE, re.sub(r"(?m)^(\s+)amount: (.*)$", r"\1amount: \2\n\1currency: USD",
                                project.read(TRADE), count=1))
    page = build_site(project.root, None).pages["trade-targets.md"]
    assert "US$" in page and "EUR " in page
    for line in page.splitlines():
        if line.startswith("- **"):  # a computed answer
            assert not ("EUR" in line and "US$" in line), line


# A second report of the Port Arlen summit (test input, fictional) that words the target as
# one side's hope, qualified.
HOPE = ("FICTIONAL ARTICLE: written for the Summit Briefings test suite.\n\n"
        "Brenić hoped for trade of more than EUR 60 billion by 2036.\n")
HOPE_SOURCE = """- id: hope-2031-port-arlen
  file: hope-2031-port-arlen.txt
  title: A hope in Port Arlen
  title_editorial: true
  outlet: null
  language: en
  sha256: auto
"""


def test_a_target_prints_its_qualifier_and_kind_on_both_pages(
        make_project: Callable[..., Project]):
    project = make_project(base=FICTIONAL_DATA, whole_site=True, files={
        "data/sources/hope-2031-port-arlen.txt": HOPE,
        SOURCES: (FICTIONAL_DATA / "sources.yaml").read_text(encoding="utf-8") + HOPE_SOURCE})
    project.replace(TRADE, """    kind: set
    cite:
      - source: nordwire-2031-port-arlen
        quote: the leaders set a target of EUR 60 billion by 2036""", """    kind: hoped
    qualifier: more than
    cite:
      - source: hope-2031-port-arlen
        quote: Brenić hoped for trade of more than EUR 60 billion by 2036""")
    project.replace(TRADE, "    stated_by: [ana-brenic, pavel-dorn]\n    kind: hoped",
                    "    stated_by: [ana-brenic]\n    kind: hoped")
    pages = build_site(project.root, None).pages
    for name in ("trade-targets.md", "commitments.md"):
        assert "hoped for it, more than EUR 60 billion, by 2036" in pages[name], name


def test_a_target_stated_once_is_labelled_for_what_its_cell_holds(
        make_project: Callable[..., Project]):
    """On a phone each table row is a card whose lines carry their column's heading
    (publish/page_marks.py): the statements column's heading must fit a target stated once
    (the fictional EUR 50 billion, near term) as well as one stated again (EUR 60 billion)."""
    project = make_project(base=FICTIONAL_DATA, whole_site=True)
    pages = build_site(project.root, None).pages
    for name in ("trade-targets.md", "commitments.md"):
        restated = {td.get("data-label") for td in convert(pages[name]).select("tbody td")
                    if "Again:" in td.get_text()}
        assert restated == {"Stated at"}, (name, restated)
        column = [td.get_text() for td in convert(pages[name]).select("tbody td")
                  if td.get("data-label") == "Stated at"]
        assert any("Again:" not in text for text in column), (name, column)
