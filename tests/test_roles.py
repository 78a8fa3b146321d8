"""Roles carry their dates: the context builders choose a person's latest role by date, from
the roles their entry states and the roles they held at summits, once, before rendering.

Runs on the fixture corpus (tests/fixtures/site/data); a role that is a clause or says 'late'
is a data error, a row of tests/test_bad_input.py.
"""

from __future__ import annotations

from conftest import Project

from summit_briefings.briefings import leader_context, summit_context
from summit_briefings.index_pages import leaders_index
from summit_briefings.validate import validate
from summit_briefings.verify import verify_citations
from summit_briefings.views import PageNotes, dated_roles, layouts_of

PEOPLE = "data/people.yaml"
LIMA = "data/summits/2024-lima.yaml"


def _book(project: Project, page: str) -> PageNotes:
    corpus = validate(project.root)
    return PageNotes(page, corpus, verify_citations(corpus), layouts_of(corpus))


def _index_roles(book: PageNotes) -> dict[str, tuple[str, str] | None]:
    return {row.person.id: (row.role.title, row.role.as_of) if row.role else None
            for group in leaders_index(book, book.corpus).groups for row in group.people}


def test_a_role_at_a_later_summit_is_the_latest_role(project: Project):
    # Yoon's entry states 'President of South Korea' as of 23 June 2023; give him a title at
    # Lima (2024), and the later evidence is his latest role.
    project.replace(LIMA, "  - person: yoon-suk-yeol\n", "  - person: yoon-suk-yeol\n"
                    "    role: President of the Republic of Korea\n")
    book = _book(project, "leaders/yoon-suk-yeol.md")
    yoon = book.corpus.person("yoon-suk-yeol")
    assert [r.as_of for r in yoon.roles] == ["2023-06-23"]
    page = leader_context(book, yoon, book.corpus.summits)
    assert page.latest_role is not None
    assert (page.latest_role.title, page.latest_role.as_of, page.latest_role.inferred) == (
        "President of the Republic of Korea", "2024", "date inferred")
    assert _index_roles(_book(project, "leaders/index.md"))["yoon-suk-yeol"] == (
        "President of the Republic of Korea", "2024")


def test_a_participant_whose_source_gives_no_title_has_no_role_there(project: Project):
    # At Lima the source calls Yoon only Lương Cường's "counterpart": no role is inferred,
    # and his latest role stays the one his entry states.
    book = _book(project, "summits/2024-lima.md")
    page = summit_context(book, book.corpus.summit("2024-lima"), None, None)
    yoon = next(p for p in page.participants if p.person.id == "yoon-suk-yeol")
    assert yoon.role is None and yoon.refs
    leader = leader_context(book, book.corpus.person("yoon-suk-yeol"), book.corpus.summits)
    assert leader.latest_role is not None
    assert (leader.latest_role.title, leader.latest_role.as_of) == (
        "President of South Korea", "23 June 2023")
    lima = [a.role for a in leader.summits.attended if a.summit.id == "2024-lima"]
    assert lima == ["no title given"]


def test_the_latest_role_is_chosen_by_date_not_by_the_order_of_the_entry(project: Project):
    # A role as of 2026, listed first, is later than every summit Lương Cường attended.
    project.replace(PEOPLE, "  roles:\n    - title: State President\n      as_of: \"2024\"\n",
                    "  roles:\n    - title: Honorary Chairman\n      as_of: 2026-01-05\n"
                    "      cite:\n        - source: vnavns-2024-lima\n"
                    "          quote: Việt Nam’s State President Lương Cường met his counterpart\n"
                    "    - title: State President\n      as_of: \"2024\"\n")
    book = _book(project, "leaders/luong-cuong.md")
    person = book.corpus.person("luong-cuong")
    assert person.roles[0].title == "Honorary Chairman"
    page = leader_context(book, person, book.corpus.summits)
    assert page.latest_role is not None
    assert (page.latest_role.title, page.latest_role.as_of) == ("Honorary Chairman",
                                                                "5 January 2026")


def test_on_the_same_date_the_role_at_the_summit_is_the_latest(project: Project):
    book = _book(project, "leaders/index.md")
    roles = dated_roles(book.corpus, book.corpus.person("lee-jae-myung"))
    assert roles[-2:][0].as_of == roles[-1].as_of == "2025-10-30"
    assert (roles[-2].title, roles[-1].title) == ("President",
                                                  "President of the Republic of Korea")


def test_every_role_on_the_leaders_index_and_a_summit_page_has_a_date(project: Project):
    book = _book(project, "leaders/index.md")
    people = {p.id: p for p in book.corpus.people}
    for pid, role in _index_roles(book).items():
        assert (role is None) == (not dated_roles(book.corpus, people[pid])), pid
        assert role is None or role[1], pid
    lima = book.corpus.summit("2024-lima")
    page = summit_context(_book(project, "summits/2024-lima.md"), lima, None, None)
    assert {(p.role.title, p.role.as_of, p.role.inferred) for p in page.participants
            if p.role} == {("State President of Vietnam", "2024", "date inferred")}


def test_a_description_is_printed_undated_and_is_not_a_role(project: Project):
    book = _book(project, "leaders/ho-chi-minh.md")
    ho = book.corpus.person("ho-chi-minh")
    assert ho.roles == [] and dated_roles(book.corpus, ho) == []
    page = leader_context(book, ho, book.corpus.summits)
    assert page.latest_role is None
    assert [d.text for d in page.described_as] == ["the late former leader of Vietnam"]
    row = next(row for group in leaders_index(book, book.corpus).groups
               for row in group.people if row.person.id == "ho-chi-minh")
    assert row.role is None and [d.text for d in row.described_as] == [
        "the late former leader of Vietnam"]


def test_a_role_dated_by_a_summit_whose_date_is_inferred_says_so(project: Project):
    # Tô Lâm's role as of 30 October 2025 cites the Gyeongju article, which gives no year: the
    # Gyeongju summit's year is inferred from it, and so is the role's.
    book = _book(project, "leaders/to-lam.md")
    to_lam = book.corpus.person("to-lam")
    latest = dated_roles(book.corpus, to_lam)[-1]
    assert (latest.title, latest.as_of, latest.inferred) == (
        "Party General Secretary", "2025-10-30", "year inferred")
    # A role dated by a stated summit date is not marked.
    moon = dated_roles(book.corpus, book.corpus.person("moon-jae-in"))
    assert [(r.as_of, r.inferred) for r in moon if r.as_of == "2018-03-23"] == [
        ("2018-03-23", None), ("2018-03-23", None)]
