"""A summit page says each thing once where it can, and loses nothing: a recorded summary is
the bottom line, not followed by the key outcomes it sums up (where none is recorded, the key
outcomes are), and every outcome, key or not, is listed in its own section, a key one marked
there in words and listed with its kind even when it states an amount.

Runs on the fictional pair (tests/fixtures/fictional-pair), changed in a copy where a test
needs another case; on the live data/ only the invariants that hold whatever it says.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from conftest import LIVE_DATA, Project, copy_data, copy_project

from summit_briefings.contexts.briefings import SummitContext, summit_context
from summit_briefings.contexts.claims import Claim
from summit_briefings.contexts.notes import PageNotes, layouts_of
from summit_briefings.pipeline import build_site, checked_corpus

FICTIONAL = Path(__file__).parent / "fixtures" / "fictional-pair" / "data"
PORT_ARLEN = "data/summits/2031-04-10-port-arlen.yaml"


def summit_pages(root: Path) -> dict[str, SummitContext]:
    """Every summit's page context, by summit id."""
    corpus, evidence = checked_corpus(root)
    ordered = corpus.summits
    pages = {}
    for i, summit in enumerate(ordered):
        book = PageNotes(f"summits/{summit.id}.md", corpus, evidence, layouts_of(corpus))
        pages[summit.id] = summit_context(book, summit, ordered[i - 1] if i else None,
                                          ordered[i + 1] if i + 1 < len(ordered) else None)
    return pages


def listed(page: SummitContext) -> list[Claim]:
    """The outcomes as the sections below the bottom line list them, in page order."""
    return [*page.figures, *(c for s in page.sections for c in s.claims),
            *(c for s in page.requests for c in s.claims), *page.quotes]


def fictional(tmp_path: Path) -> Project:
    return copy_data(tmp_path / "project", FICTIONAL)


def test_a_summary_is_the_bottom_line_and_its_key_outcomes_are_marked_in_their_sections(
        tmp_path: Path):
    # The summary: "The two leaders agreed to double rail freight by 2035 and set a trade
    # target of EUR 60 billion by 2036." Its key outcome is not listed under it again.
    page = summit_pages(fictional(tmp_path).root)["2031-04-10-port-arlen"]
    assert page.summary and page.bottom_line == ()
    agreements = next(s for s in page.sections if s.title == "Agreements")
    assert [(c.id, c.key) for c in agreements.claims] == [("rail-freight", True)]
    assert [(c.id, c.key) for c in page.figures] == [("rail-line-pledge", False),
                                                     ("trade-target", False)]


def test_a_key_outcome_that_states_an_amount_is_listed_with_its_kind(tmp_path: Path):
    project = fictional(tmp_path)
    project.replace(PORT_ARLEN, "  - id: rail-line-pledge\n",
                    "  - id: rail-line-pledge\n    headline: true\n")
    page = summit_pages(project.root)["2031-04-10-port-arlen"]
    pledges = next(s for s in page.sections if s.title == "Pledges")
    assert [(c.id, c.key, bool(c.figures)) for c in pledges.claims] == [
        ("rail-line-pledge", True, True)]
    assert [c.id for c in page.figures] == ["trade-target"]
    outcomes = yaml.safe_load(project.read(PORT_ARLEN))["outcomes"]
    assert sorted(c.id for c in listed(page)) == sorted(o["id"] for o in outcomes)


def test_with_no_summary_the_key_outcomes_are_the_bottom_line_and_stay_in_their_sections(
        tmp_path: Path):
    project = fictional(tmp_path)
    text = project.read(PORT_ARLEN)
    start, end = text.index("summary:\n"), text.index("outcomes:\n")
    project.write(PORT_ARLEN, text[:start] + text[end:])
    page = summit_pages(project.root)["2031-04-10-port-arlen"]
    assert page.summary is None
    assert [c.id for c in page.bottom_line] == ["rail-freight"]
    assert "rail-freight" in [c.id for c in listed(page) if c.key]


def test_a_key_outcome_is_marked_in_words_in_its_section_of_the_page(
        tmp_path_factory: pytest.TempPathFactory):
    project = copy_project(tmp_path_factory.mktemp("summit-page"), FICTIONAL)
    page = build_site(project.root).pages["summits/2031-04-10-port-arlen.md"]
    agreements = page[page.index("## Agreements"):].split("\n## ")[0]
    assert '- <span class="key-outcome">Key outcome</span> Agreed to double rail freight' in (
        agreements)
    assert "Key outcome" not in page[page.index("## Figures"):].split("\n## ")[0]
    bottom = page[page.index("## Bottom line"):].split("\n## ")[0]
    assert "\n- " not in bottom  # the summary alone


def test_every_outcome_of_every_live_summit_is_listed_once_in_its_section():
    """Invariant of the live data: nothing is lost to the bottom line, nothing is listed twice
    below it, and only key outcomes, where no summary is recorded, make the bottom line."""
    corpus, _ = checked_corpus(LIVE_DATA.parent)
    pages = summit_pages(LIVE_DATA.parent)
    for summit in corpus.summits:
        page = pages[summit.id]
        shown = listed(page)
        assert sorted(c.id for c in shown) == sorted(o.id for o in summit.outcomes), summit.id
        assert {c.id for c in shown if c.key} == {o.id for o in summit.outcomes if o.headline}
        assert all(c.key for c in page.bottom_line), summit.id
        assert not (page.summary and page.bottom_line), summit.id
