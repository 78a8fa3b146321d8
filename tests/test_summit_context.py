"""A summit's page (contexts/briefings.py: summit_context), the builder called directly on the
fictional pair (tests/fixtures/fictional-pair: Port Arlen, stated date; Korvel, year inferred,
no summary; Vesk, day inferred). What a summary or the key outcomes make of the bottom line is
tests/test_summit_page.py's, the roles' dates tests/test_roles.py's; this module pins the rest
of the page: the way to the summits before and after, how the date and place are known, the
occasion, the participants, and which section lists each outcome."""

from __future__ import annotations

import pytest
from conftest import FICTIONAL_DATA

from summit_briefings.contexts import links
from summit_briefings.contexts.briefings import SummitContext, summit_context
from summit_briefings.contexts.notes import PageNotes, layouts_of
from summit_briefings.pipeline import checked_corpus

PORT_ARLEN, KORVEL, VESK = "2031-04-10-port-arlen", "2031-11-korvel", "2032-03-09-vesk"


@pytest.fixture(scope="module")
def pages() -> dict[str, SummitContext]:
    """Every summit's page, by summit id, given its neighbours in date order as the registry
    gives them."""
    corpus, evidence = checked_corpus(FICTIONAL_DATA.parent)
    ordered = corpus.chronological
    layouts = layouts_of(corpus)
    return {summit.id: summit_context(
        PageNotes(links.summit_page(summit.id), corpus, evidence, layouts), summit,
        ordered[i - 1] if i else None, ordered[i + 1] if i + 1 < len(ordered) else None)
        for i, summit in enumerate(ordered)}


@pytest.mark.parametrize("summit, previous, following", [
    (PORT_ARLEN, None, KORVEL),
    (KORVEL, PORT_ARLEN, VESK),  # an inferred month sorts among the stated days
    (VESK, KORVEL, None),
])
def test_a_summit_page_leads_to_the_summits_before_and_after_it_by_date(
        pages, summit, previous, following):
    page = pages[summit]
    assert (page.previous.id if page.previous else None) == previous
    assert (page.next.id if page.next else None) == following
    for neighbour in (page.previous, page.next):
        if neighbour:
            assert neighbour.href == f"{neighbour.id}.md"


@pytest.mark.parametrize("summit, date, inferred, reasoning_from, date_cites", [
    (PORT_ARLEN, "10 April 2031", None, None, 1),
    # An inferred date gives its reasoning, and cites the article's dateline it counts from.
    (KORVEL, "November 2031", "year inferred", "The article, dated March 12, 2032", 2),
    (VESK, "9 March 2032", "day inferred", "The article, dated March 12, 2032", 2),
])
def test_an_inferred_date_says_so_and_gives_its_reasoning_and_citations(
        pages, summit, date, inferred, reasoning_from, date_cites):
    page = pages[summit]
    assert (page.summit.date, page.summit.inferred) == (date, inferred)
    if reasoning_from is None:
        assert page.date_reasoning is None
    else:
        assert page.date_reasoning.startswith(reasoning_from)
    assert len(page.date_refs.keys) == date_cites


@pytest.mark.parametrize("summit, place, occasion", [
    (PORT_ARLEN, "Port Arlen, Norland", "official visit"),
    (KORVEL, "Korvel, Norland", "regional forum sidelines"),
    (VESK, "the Chancellery, Vesk, Sudmark", "working visit"),
])
def test_a_summit_met_in_person_gives_its_cited_place_and_occasion(pages, summit, place,
                                                                   occasion):
    page = pages[summit]
    assert (page.summit.place, page.occasion_kind) == (place, occasion)
    assert (page.call, page.participants_label) == (None, "Who met")
    assert page.place_refs.keys and page.occasion_refs.keys and page.place_reasoning is None


@pytest.mark.parametrize("summit, participants", [
    (PORT_ARLEN, [("ana-brenic", "President of Norland"), ("pavel-dorn", "Chancellor of Sudmark")]),
    (KORVEL, [("ana-brenic", None), ("pavel-dorn", None)]),  # the source gives no titles
    (VESK, [("pavel-dorn", "Chancellor of Sudmark"), ("ana-brenic", "President of Norland")]),
])
def test_the_participants_are_listed_in_the_data_order_each_with_the_role_held_there(
        pages, summit, participants):
    page = pages[summit]
    assert [(p.person.id, p.role.title if p.role else None) for p in page.participants] == \
        participants
    assert all(p.person.href == f"../leaders/{p.person.id}.md" and p.refs.keys
               for p in page.participants)


@pytest.mark.parametrize("summit, figures, sections", [
    # Outcomes that state an amount go to the figures; the rest to a section for their kind.
    (PORT_ARLEN, ["rail-line-pledge", "trade-target"],
     [("Agreements", ["rail-freight"]), ("Background", ["trade-rank"])]),
    (KORVEL, [], [("Background", ["forum-meeting"])]),
    (VESK, ["trade-target"], [("Agreements", ["brask-crossing"]),
                              ("Positions", ["rail-line-opened", "rail-authority"]),
                              ("Background", ["trade-rank"])]),
])
def test_each_outcome_is_listed_in_the_figures_or_the_section_of_its_kind(
        pages, summit, figures, sections):
    page = pages[summit]
    assert [c.id for c in page.figures] == figures
    assert [(s.title, [c.id for c in s.claims]) for s in page.sections] == sections
    assert (page.requests, page.quotes) == ((), ())


def test_a_figure_carries_its_amount_and_the_quote_that_states_it(pages):
    [figure] = next(c for c in pages[PORT_ARLEN].figures if c.id == "trade-target").figures
    assert (figure.amount, figure.period) == ("EUR 60 billion", "by 2036")
    assert figure.quote == "the leaders set a target of EUR 60 billion by 2036"
    assert figure.href.startswith("../sources/nordwire-2031-04-10-port-arlen.md#q")


def test_a_summit_page_links_its_meeting_pack(pages):
    assert {s: p.pack for s, p in pages.items()} == {
        s: f"{s}/pack.md" for s in (PORT_ARLEN, KORVEL, VESK)}
