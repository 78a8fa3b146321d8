"""A leader's page and its archive pages (contexts/briefings.py: leader_context, leader_year),
the builders called directly on the fictional pair (tests/fixtures/fictional-pair: Ana Brenić
of Norland and Pavel Dorn of Sudmark met three times, 2031–32). The roles and their dates
are tests/test_roles.py's; this module pins the record: summits attended, counterparts,
statements, name forms, the brief, and the archive years when the page is bounded."""

from __future__ import annotations

import pytest

from summit_briefings.contexts import links
from summit_briefings.contexts.briefings import (
    LeaderContext,
    leader_context,
    leader_year,
    leader_years,
)
from summit_briefings.contexts.notes import PageNotes, layouts_of
from summit_briefings.evidence.verified import Evidence
from summit_briefings.model.corpus import Corpus
from summit_briefings.model.schema import Summit

PORT_ARLEN, KORVEL, VESK = "2031-04-10-port-arlen", "2031-11-korvel", "2032-03-09-vesk"


def involving(corpus: Corpus, person_id: str) -> list[Summit]:
    """The summits a person took part in or is named at, as the registry gives them."""
    return [s for s in corpus.chronological
            if person_id in {p.person for p in s.participants}
            or any(person_id in o.by for o in s.outcomes)]


def book(fictional: tuple[Corpus, Evidence], page: str) -> PageNotes:
    corpus, evidence = fictional
    return PageNotes(page, corpus, evidence, layouts_of(corpus))


def leader_page(fictional: tuple[Corpus, Evidence], person_id: str,
                briefed: bool = True) -> LeaderContext:
    corpus = fictional[0]
    return leader_context(book(fictional, links.leader_page(person_id)),
                          corpus.person(person_id), involving(corpus, person_id), briefed)


@pytest.mark.parametrize("person, counterpart, own_statements", [
    ("ana-brenic", "pavel-dorn", [(VESK, ["rail-authority"])]),
    ("pavel-dorn", "ana-brenic", [(VESK, ["rail-line-opened"]),
                                  (PORT_ARLEN, ["rail-line-pledge"])]),
])
def test_a_leader_page_lists_every_summit_attended_newest_first_with_the_counterpart_met(
        fictional, person, counterpart, own_statements):
    page = leader_page(fictional, person)
    assert page.attended == 3
    attended = page.summits.attended
    assert [a.summit.id for a in attended] == [VESK, KORVEL, PORT_ARLEN]
    assert all([c.id for c in a.counterparts] == [counterpart] for a in attended)
    assert [c.id for c in page.counterparts] == [counterpart]  # once, though met three times
    assert [(s.summit.id, [c.id for c in s.claims]) for s in page.summits.statements] == \
        own_statements
    assert page.summits.mentioned_at == ()


def test_a_statement_made_jointly_is_not_listed_among_a_leaders_own(fictional):
    own = {c.id for s in leader_page(fictional, "ana-brenic").summits.statements
           for c in s.claims}
    # rail-freight and brask-crossing are both leaders' agreements, not Ana Brenić's alone.
    assert own.isdisjoint({"rail-freight", "brask-crossing", "trade-target"})


@pytest.mark.parametrize("summit, role", [
    (VESK, "President of Norland"),
    (KORVEL, "no title given"),  # the source names no title for Korvel
    (PORT_ARLEN, "President of Norland"),
])
def test_each_attendance_carries_the_role_held_there_and_cites_it(fictional, summit, role):
    attendance = next(a for a in leader_page(fictional, "ana-brenic").summits.attended
                      if a.summit.id == summit)
    assert attendance.role == role
    assert len(attendance.refs.keys) == 1


@pytest.mark.parametrize("person, other_forms, unwritten", [
    ("ana-brenic", [("Ana Brenic", "without diacritics")], None),
    ("pavel-dorn", [("Павел Дорн", "Cyrillic")], None),
])
def test_a_leader_page_gives_the_other_forms_of_the_name_with_their_script(
        fictional, person, other_forms, unwritten):
    page = leader_page(fictional, person)
    assert [(n.text, n.script) for n in page.names] == other_forms
    assert page.unwritten_script == unwritten
    assert len(page.name_refs.keys) == 1


@pytest.mark.parametrize("briefed, brief", [(True, "ana-brenic/brief.md"), (False, None)])
def test_a_leader_page_links_the_counterpart_brief_only_where_there_is_one(
        fictional, briefed, brief):
    assert leader_page(fictional, "ana-brenic", briefed).brief == brief


def test_bounded_a_leader_page_shows_the_newest_summit_yet_counts_them_all(
        fictional, newest_only):
    page = leader_page(fictional, "pavel-dorn")
    assert [a.summit.id for a in page.summits.attended] == [VESK]
    assert page.attended == 3
    assert [c.id for c in page.counterparts] == ["ana-brenic"]
    assert [(y.year, y.href) for y in page.archives.years] == [("2031", "pavel-dorn/2031.md")]


def test_a_leaders_archive_page_holds_the_years_record_and_links_back(fictional, newest_only):
    corpus = fictional[0]
    person = corpus.person("pavel-dorn")
    years = leader_years(involving(corpus, person.id))
    assert list(years) == ["2031"]
    page = leader_year(book(fictional, links.leader_year_page(person.id, "2031")), person,
                       years, "2031")
    assert page.person.id == "pavel-dorn"
    assert [(a.summit.id, a.role) for a in page.summits.attended] == [
        (KORVEL, "no title given"), (PORT_ARLEN, "Chancellor of Sudmark")]
    assert [a.summit.href for a in page.summits.attended] == [
        f"../../summits/{KORVEL}.md", f"../../summits/{PORT_ARLEN}.md"]
    assert [(s.summit.id, [c.id for c in s.claims]) for s in page.summits.statements] == [
        (PORT_ARLEN, ["rail-line-pledge"])]
    assert (page.archive.parent_title, page.archive.parent_href, page.archive.years) == (
        "Pavel Dorn", "../pavel-dorn.md", ())
