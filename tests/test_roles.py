"""Roles carry their dates: the context builders choose a person's latest role by date, from
the roles their entry states and the roles they held at summits, once, before rendering.

Runs on the fictional corpus (tests/fixtures/fictional-pair), whose leaders' entries state
their roles as of the first summit (Port Arlen, stated date), who hold titles again at Vesk
(day inferred) and none at Korvel. A role that is a clause or says 'late' is a data error, a
row of tests/test_bad_input.py.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from conftest import AUTO_SHA256, FICTIONAL_DATA, Project

from summit_briefings.contexts.brief import Bounds, bounded_roles
from summit_briefings.contexts.briefings import leader_context, summit_context
from summit_briefings.contexts.claims import dated_roles
from summit_briefings.contexts.index_pages import leaders_index, people_by_name
from summit_briefings.contexts.notes import PageNotes, layouts_of
from summit_briefings.evidence.verify import verify_citations
from summit_briefings.model.validate import validate

PEOPLE = "data/people.yaml"
WIDE = Bounds(roles=100, role_dates=100)


@pytest.fixture
def fictional(make_project: Callable[..., Project]) -> Project:
    return make_project(base=FICTIONAL_DATA)


def _book(project: Project, page: str) -> PageNotes:
    corpus = validate(project.root)
    return PageNotes(page, corpus, verify_citations(corpus), layouts_of(corpus))


def _index_roles(book: PageNotes) -> dict[str, tuple[str, str] | None]:
    return {row.person.id: (row.role.title, row.role.as_of) if row.role else None
            for group in leaders_index(book, book.corpus, people_by_name(book.corpus)).groups
            for row in group.people}


def test_a_role_at_a_later_summit_is_the_latest_role(fictional: Project):
    # Brenić's entry states 'President' as of 10 April 2031; at Vesk (2032) the source calls
    # her 'President of Norland', and the later evidence is her latest role.
    book = _book(fictional, "leaders/ana-brenic.md")
    brenic = book.corpus.person("ana-brenic")
    assert [r.as_of for r in brenic.roles] == ["2031-04-10"]
    page = leader_context(book, brenic, book.corpus.summits)
    assert page.latest_role is not None
    assert (page.latest_role.title, page.latest_role.as_of, page.latest_role.inferred) == (
        "President of Norland", "9 March 2032", "day inferred")
    assert _index_roles(_book(fictional, "leaders/index.md"))["ana-brenic"] == (
        "President of Norland", "9 March 2032")


def test_a_participant_whose_source_gives_no_title_has_no_role_there(fictional: Project):
    # At Korvel the source says only that 'the two leaders' met: no role is inferred there.
    book = _book(fictional, "summits/2031-11-korvel.md")
    page = summit_context(book, book.corpus.summit("2031-11-korvel"), None, None)
    dorn = next(p for p in page.participants if p.person.id == "pavel-dorn")
    assert dorn.role is None and dorn.refs
    leader = leader_context(book, book.corpus.person("pavel-dorn"), book.corpus.summits)
    assert leader.latest_role is not None
    assert (leader.latest_role.title, leader.latest_role.as_of) == (
        "Chancellor of Sudmark", "9 March 2032")
    assert [a.role for a in leader.summits.attended if a.summit.id == "2031-11-korvel"] == [
        "no title given"]


def test_the_latest_role_is_chosen_by_date_not_by_the_order_of_the_entry(fictional: Project):
    # A role as of 2033, listed first, is later than every summit Brenić attended.
    fictional.replace(PEOPLE, "  roles:\n    - title: President\n",
                      "  roles:\n    - title: Honorary Chairman\n      as_of: 2033-01-05\n"
                      "      cite:\n        - source: nordwire-2031-port-arlen\n"
                      "          quote: Norlandic President Ana Brenić\n"
                      "    - title: President\n")
    book = _book(fictional, "leaders/ana-brenic.md")
    person = book.corpus.person("ana-brenic")
    assert person.roles[0].title == "Honorary Chairman"
    page = leader_context(book, person, book.corpus.summits)
    assert page.latest_role is not None
    assert (page.latest_role.title, page.latest_role.as_of) == ("Honorary Chairman",
                                                                "5 January 2033")


def test_on_the_same_date_the_role_at_the_summit_is_the_latest(fictional: Project):
    book = _book(fictional, "leaders/index.md")
    roles = dated_roles(book.corpus, book.corpus.person("pavel-dorn"))
    assert [r.title for r in roles if r.as_of == "2031-04-10"] == [
        "Chancellor", "Chancellor of Sudmark"]


def test_every_role_on_the_leaders_index_and_a_summit_page_has_a_date(fictional: Project):
    book = _book(fictional, "leaders/index.md")
    people = {p.id: p for p in book.corpus.people}
    for pid, role in _index_roles(book).items():
        assert (role is None) == (not dated_roles(book.corpus, people[pid])), pid
        assert role is None or role[1], pid
    summit_book = _book(fictional, "summits/2032-03-09-vesk.md")
    vesk = summit_book.corpus.summit("2032-03-09-vesk")
    page = summit_context(summit_book, vesk, None, None)
    assert {(p.role.title, p.role.as_of, p.role.inferred) for p in page.participants
            if p.role} == {("Chancellor of Sudmark", "9 March 2032", "day inferred"),
                           ("President of Norland", "9 March 2032", "day inferred")}


# A person the sources only describe (test input, fictional).
FOUNDER_TEXT = ("FICTIONAL ARTICLE: written for the Summit Briefings test suite.\n\n"
                "Brenić laid a wreath for Oskar Lind, the late founder of Norland.\n")
FOUNDER_SOURCE = f"""- id: wreath-2031
  file: wreath-2031.txt
  title: A wreath in Port Arlen
  title_editorial: true
  outlet: null
  language: en
  {AUTO_SHA256}
"""
FOUNDER = """- id: oskar-lind
  name: Oskar Lind
  names:
    - {text: Oskar Lind, script: Norlandic}
  country: XN
  cite:
    - source: wreath-2031
      quote: Oskar Lind, the late founder of Norland
  described_as:
    - text: the late founder of Norland
      cite:
        - source: wreath-2031
          quote: Oskar Lind, the late founder of Norland
"""


def test_a_description_is_printed_undated_and_is_not_a_role(
        make_project: Callable[..., Project]):
    project = make_project(base=FICTIONAL_DATA, files={
        "data/sources/wreath-2031.txt": FOUNDER_TEXT,
        "data/sources.yaml": (FICTIONAL_DATA / "sources.yaml").read_text(encoding="utf-8")
        + FOUNDER_SOURCE,
        PEOPLE: (FICTIONAL_DATA / "people.yaml").read_text(encoding="utf-8") + FOUNDER})
    book = _book(project, "leaders/oskar-lind.md")
    lind = book.corpus.person("oskar-lind")
    assert lind.roles == [] and dated_roles(book.corpus, lind) == []
    page = leader_context(book, lind, book.corpus.summits)
    assert page.latest_role is None
    assert [d.text for d in page.described_as] == ["the late founder of Norland"]
    row = next(row for group in leaders_index(book, book.corpus, people_by_name(book.corpus)).groups
               for row in group.people if row.person.id == "oskar-lind")
    assert row.role is None and [d.text for d in row.described_as] == [
        "the late founder of Norland"]


def test_a_role_dated_by_a_summit_whose_date_is_inferred_says_so(fictional: Project):
    # Dorn's role at Vesk is dated by that summit, whose day is worked out from 'on Tuesday'.
    book = _book(fictional, "leaders/pavel-dorn.md")
    latest = dated_roles(book.corpus, book.corpus.person("pavel-dorn"))[-1]
    assert (latest.title, latest.as_of, latest.inferred) == (
        "Chancellor of Sudmark", "2032-03-09", "day inferred")
    # A role dated by a stated summit date is not marked.
    brenic = dated_roles(book.corpus, book.corpus.person("ana-brenic"))
    assert [(r.as_of, r.inferred) for r in brenic if r.as_of == "2031-04-10"] == [
        ("2031-04-10", None), ("2031-04-10", None)]



# A brief or a meeting pack shows each office once (contexts/brief.py bounded_roles): a short
# title stated on a date beside the one full title of the same office (claims.same_office) is
# shown as the full title, with its citations; anything else stays a row of its own.
PORT_ARLEN_BRENIC = ("nordwire-2031-port-arlen", "Norlandic President Ana Brenić")
PORT_ARLEN_DORN = ("nordwire-2031-port-arlen", "Sudmark Chancellor Pavel Dorn (Павел Дорн)")
VESK_BOTH = ("sudcourier-2032-vesk", "Sudmark Chancellor Pavel Dorn received Norlandic "
             "President Ana Brenić")
FIRST_ROLE = {"ana-brenic": "    - title: President\n", "pavel-dorn": "    - title: Chancellor\n"}
VESK = "data/summits/2032-03-09-vesk.yaml"
BRENIC_BOTH = ("President of Norland", "10 April 2031 and 9 March 2032 (day inferred)",
               {"nordwire-2031-port-arlen-q225-255", "sudcourier-2032-vesk-q241-310"})
DORN_BOTH = ("Chancellor of Sudmark", "10 April 2031 and 9 March 2032 (day inferred)",
             {"nordwire-2031-port-arlen-q260-302", "sudcourier-2032-vesk-q241-310"})
OFFICES = {
    # Her entry's 'President' and Port Arlen's 'President of Norland', both of 10 April 2031.
    "short and full on one date, the full naming the country": ("ana-brenic", [], {}, [
        BRENIC_BOTH]),
    "a short title on a date of its own stays": (
        "ana-brenic", [("President", "2031-06-01", PORT_ARLEN_BRENIC)], {}, [
            BRENIC_BOTH, ("President", "1 June 2031", {"nordwire-2031-port-arlen-q225-255"})]),
    # No country named, but one passage calls her 'President' and dates both titles.
    "short and full citing one passage": (
        "ana-brenic", [("President", "2032-03-09", VESK_BOTH)],
        {"role: President of Norland": "role: President of the Norlandic Republic"}, [
            ("President of the Norlandic Republic", "9 March 2032 (day inferred)",
             {"sudcourier-2032-vesk-q241-310"}),
            ("President of Norland", "10 April 2031", {"nordwire-2031-port-arlen-q225-255"})]),
    # Neither his country nor a passage in common: another office, on the same date.
    "a second office on the same date stays": (
        "pavel-dorn", [("Chancellor of the Rail League", "2031-04-10", PORT_ARLEN_BRENIC)], {},
        [DORN_BOTH, ("Chancellor of the Rail League", "10 April 2031",
                     {"nordwire-2031-port-arlen-q225-255"})]),
    # 'Chancellor' beside two full titles of its date: which one it is, the data cannot say.
    "a short title beside two full ones stays": (
        "pavel-dorn", [("Chancellor of the Rail League", "2031-04-10", PORT_ARLEN_DORN)], {},
        [DORN_BOTH, ("Chancellor", "10 April 2031", {"nordwire-2031-port-arlen-q260-302"}),
         ("Chancellor of the Rail League", "10 April 2031",
          {"nordwire-2031-port-arlen-q260-302"})]),
}


def _brief_roles(project: Project, case, bounds: Bounds = WIDE):
    person_id, added, summit_changes, _ = case
    project.replace(PEOPLE, FIRST_ROLE[person_id], "".join(
        f"    - title: {title}\n      as_of: {as_of}\n      cite:\n"
        f"        - source: {source}\n          quote: {quote}\n"
        for title, as_of, (source, quote) in added) + FIRST_ROLE[person_id])
    for old, new in summit_changes.items():
        project.replace(VESK, old, new)
    book = _book(project, f"leaders/{person_id}/brief.md")
    return bounded_roles(book, book.corpus.person(person_id), bounds)


@pytest.mark.parametrize("case", OFFICES.values(), ids=OFFICES.keys())
def test_a_brief_shows_each_office_once_with_every_date_and_citation(fictional: Project, case):
    rows, more = _brief_roles(fictional, case)
    assert [(r.title, r.as_of, set(r.refs.keys)) for r in rows] == case[-1]
    assert more == 0


def test_a_brief_counts_the_offices_beyond_its_bound(fictional: Project):
    rows, more = _brief_roles(fictional, OFFICES["a second office on the same date stays"],
                              Bounds(roles=1))
    assert [r.title for r in rows] == ["Chancellor of Sudmark"] and more == 1
