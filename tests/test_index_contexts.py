"""The home page and the section indexes (contexts/index_pages.py): each context builder
called directly on the fictional pair (tests/fixtures/fictional-pair: three summits, 2031–32,
a milestone of 1961, two sources, two people), unbounded and with the pages bounded to the
newest summit, where the older summits and sources go to archive pages a year."""

from __future__ import annotations

import pytest

from summit_briefings.contexts import archives, index_pages, links
from summit_briefings.contexts.brief import briefed_people, standing
from summit_briefings.contexts.footer import newest_reported
from summit_briefings.contexts.index_pages import (
    home_context,
    leaders_by_name,
    leaders_index,
    people_by_name,
    sources_bounded,
    sources_index,
    sources_year,
    summits_index,
    summits_year,
    summits_years,
    timeline_events,
    timeline_year,
    topics_index,
)
from summit_briefings.contexts.notes import PageNotes, layouts_of
from summit_briefings.contexts.trade import home_headlines
from summit_briefings.evidence.verified import Evidence
from summit_briefings.model.corpus import Corpus

PORT_ARLEN, KORVEL, VESK = "2031-04-10-port-arlen", "2031-11-korvel", "2032-03-09-vesk"
NEWEST_FIRST = [VESK, KORVEL, PORT_ARLEN]


@pytest.fixture
def newest_only(monkeypatch: pytest.MonkeyPatch) -> None:
    """Bounded pages show the newest summit alone, and the leaders A–Z one person a page."""
    monkeypatch.setattr(archives, "NEWEST_IN_FULL", 1)
    monkeypatch.setattr(index_pages, "PEOPLE_PER_PAGE", 1)


def book(fictional: tuple[Corpus, Evidence], page: str) -> PageNotes:
    corpus, evidence = fictional
    return PageNotes(page, corpus, evidence, layouts_of(corpus))


def home(fictional: tuple[Corpus, Evidence]) -> index_pages.HomeContext:
    corpus, evidence = fictional
    return home_context(book(fictional, links.HOME), corpus, home_headlines(corpus, evidence),
                        corpus.guides, standing(corpus), set(briefed_people(corpus)))


# The summits index and the home page


def test_the_summits_index_lists_every_summit_newest_first_when_all_fit(fictional):
    page = summits_index(book(fictional, links.SUMMITS), fictional[0])
    assert [row.summit.id for row in page.rows] == NEWEST_FIRST
    assert page.archives.years == ()
    assert [row.summit.href for row in page.rows] == [f"{s}.md" for s in NEWEST_FIRST]


@pytest.mark.parametrize("summit, bottom_line, from_headline", [
    # A bottom line of one sentence is given whole, with its own citations.
    (PORT_ARLEN, "The two leaders agreed to double rail freight by 2035 and set a trade target "
                 "of EUR 60 billion by 2036.", False),
    # No bottom line recorded: the first headline outcome stands in, and says so.
    (KORVEL, "The two leaders met on the sidelines of a regional forum.", True),
])
def test_a_summit_row_gives_its_bottom_line_or_else_its_first_headline_outcome(
        fictional, summit, bottom_line, from_headline):
    corpus = fictional[0]
    row = next(r for r in summits_index(book(fictional, links.SUMMITS), corpus).rows
               if r.summit.id == summit)
    assert row.bottom_line.text == bottom_line
    assert row.bottom_line.headline is from_headline
    cited = corpus.summit(summit).outcomes[0].cite if from_headline \
        else corpus.summit(summit).summary.cite
    assert len(row.bottom_line.refs.keys) == len(cited)


def test_a_summit_row_names_its_leaders_in_the_order_of_the_participants_and_its_occasion(
        fictional):
    row = summits_index(book(fictional, links.SUMMITS), fictional[0]).rows[0]
    assert [p.id for p in row.leaders] == ["pavel-dorn", "ana-brenic"]
    assert [p.href for p in row.leaders] == ["../leaders/pavel-dorn.md",
                                            "../leaders/ana-brenic.md"]
    assert row.occasion == "working visit"
    assert row.summit.inferred == "day inferred"


def test_bounded_the_summits_index_shows_the_newest_and_links_the_older_years(
        fictional, newest_only):
    page = summits_index(book(fictional, links.SUMMITS), fictional[0])
    assert [row.summit.id for row in page.rows] == [VESK]
    assert page.archives.shown == 1
    assert [(y.year, y.label, y.href) for y in page.archives.years] == [
        ("2031", "2031", "2031.md")]


def test_a_summits_archive_page_holds_its_whole_year_newest_first_and_links_back(
        fictional, newest_only):
    years = summits_years(fictional[0])
    assert list(years) == ["2031"]
    page = summits_year(book(fictional, links.summits_year_page("2031")), years, "2031")
    assert [row.summit.id for row in page.rows] == [KORVEL, PORT_ARLEN]
    assert (page.archive.year, page.archive.parent_title, page.archive.parent_href) == (
        "2031", "Summits", "index.md")
    assert page.archive.years == ()  # the only archive year links to no other


def test_the_home_page_opens_with_the_newest_summits_bottom_line_in_full(fictional):
    page = home(fictional)
    assert (page.first.id, page.latest.id) == (PORT_ARLEN, VESK)
    assert page.latest_bottom_line.text == fictional[0].summit(VESK).summary.text
    assert page.latest_claims == ()  # a bottom line is recorded: no headline claims instead


def test_the_home_page_lists_the_open_pledge_with_its_status_and_who_made_it(fictional):
    page = home(fictional)
    assert [(p.what, p.side, p.status.verdict) for p in page.pledges] == [
        ("Pavel Dorn pledged EUR 2 billion for the Arlen–Vesk rail line.", "Sudmark",
         "reported on")]
    assert [p.id for p in page.pledges[0].made_by] == ["pavel-dorn"]
    assert page.pledges[0].summit.href == f"summits/{PORT_ARLEN}.md"
    assert (page.more_pledges, page.past_targets, page.more_past_targets) == (0, (), 0)
    assert page.commitments_href == "commitments.md"


def test_the_home_page_headlines_label_the_gap_to_the_target_as_computed(fictional):
    headlines = {h.label: (h.value, h.href) for h in home(fictional).headlines}
    assert headlines["Latest actual trade"][0] == "EUR 44 billion in 2031"
    assert headlines["Latest trade target"][0] == "EUR 60 billion by 2036"
    computed = [label for label in headlines if "(computed)" in label]
    assert computed == ["Gap to that target (computed)"]
    assert headlines[computed[0]] == ("EUR 16 billion from 2031; 6.4% a year needed",
                                      "trade-targets.md#computed")


def test_the_home_page_counts_the_corpus_and_links_the_briefs_of_the_newest_summits_people(
        fictional):
    page = home(fictional)
    assert (page.counts.summits, page.counts.people, page.counts.sources) == (3, 2, 2)
    assert [(b.name, b.href) for b in page.briefs] == [
        ("Pavel Dorn", "leaders/pavel-dorn/brief.md"),
        ("Ana Brenić", "leaders/ana-brenic/brief.md")]
    assert page.relationship_brief == "brief.md"
    assert ("Data fields", "guide/data-fields.md") in [
        (e.title, e.href) for e in page.editor_pages]


def test_the_home_timeline_runs_newest_first_summits_linked_and_milestones_cited(fictional):
    page = home(fictional)
    assert [(e.date, e.text) for e in page.timeline] == [
        ("9 March 2032", "Ana Brenić and Pavel Dorn in Vesk"),
        ("November 2031", "Ana Brenić and Pavel Dorn in Korvel"),
        ("10 April 2031", "Ana Brenić and Pavel Dorn in Port Arlen"),
        ("March 1961", "The two countries established diplomatic relations.")]
    summits, milestone = page.timeline[:3], page.timeline[3]
    assert [e.href for e in summits] == [f"summits/{s}.md" for s in NEWEST_FIRST]
    assert all(e.refs.keys == () for e in summits)
    assert milestone.href is None and len(milestone.refs.keys) == 1
    assert [e.inferred for e in summits] == ["day inferred", "year inferred", None]
    assert page.archives.years == ()


def test_bounded_the_timeline_keeps_the_newest_summit_and_archives_every_older_year(
        fictional, newest_only):
    page = home(fictional)
    assert [e.text for e in page.timeline] == ["Ana Brenić and Pavel Dorn in Vesk"]
    assert [(y.year, y.href) for y in page.archives.years] == [
        ("2031", "timeline/2031.md"), ("1961", "timeline/1961.md")]


@pytest.mark.parametrize("year, texts, others", [
    ("2031", ["Ana Brenić and Pavel Dorn in Korvel", "Ana Brenić and Pavel Dorn in Port Arlen"],
     [("1961", "1961.md")]),
    ("1961", ["The two countries established diplomatic relations."], [("2031", "2031.md")]),
])
def test_a_timeline_archive_page_holds_its_years_events_and_links_the_other_years(
        fictional, newest_only, year, texts, others):
    corpus = fictional[0]
    _, years = timeline_events(corpus)
    page = timeline_year(book(fictional, links.timeline_year_page(year)), corpus, years, year)
    assert [e.text for e in page.timeline] == texts
    assert [(y.year, y.href) for y in page.archive.years] == others
    assert (page.archive.parent_title, page.archive.parent_href) == (
        corpus.site.title, "../index.md")


# The topics, sources and leaders indexes


def test_the_topics_index_counts_each_topics_outcomes_over_all_summits(fictional):
    page = topics_index(fictional[0])
    assert [(row.topic.id, row.outcomes, row.href) for row in page.topics] == [
        ("transport", 5, "transport.md"), ("trade", 4, "trade.md"),
        ("relations", 1, "relations.md")]


def test_the_sources_index_lists_every_source_in_file_order_with_its_date_when_all_fit(
        fictional):
    corpus = fictional[0]
    page = sources_index(corpus, newest_reported(corpus))
    assert [(row.source.id, row.published) for row in page.sources] == [
        ("nordwire-2031-port-arlen", "10 April 2031"), ("sudcourier-2032-vesk", "12 March 2032")]
    assert [row.href for row in page.sources] == [
        "nordwire-2031-04-10-port-arlen.md",
        "sudcourier-2032-03-12-vesk-dorn-brenic-open-first-section-arlen-vesk-line.md"]
    assert page.archives.years == ()


def test_bounded_a_source_goes_to_the_year_of_the_newest_summit_it_reports(
        fictional, newest_only):
    corpus = fictional[0]
    reporting = newest_reported(corpus)
    page = sources_index(corpus, reporting)
    # The Sud Courier reports Korvel (2031) too, but its newest summit reported is Vesk.
    assert [row.source.id for row in page.sources] == ["sudcourier-2032-vesk"]
    assert [(y.year, y.href) for y in page.archives.years] == [("2031", "by-year/2031.md")]
    _, years = sources_bounded(corpus, reporting)
    archive = sources_year(years, "2031")
    assert [(row.source.id, row.href) for row in archive.sources] == [
        ("nordwire-2031-port-arlen", "../nordwire-2031-04-10-port-arlen.md")]
    assert (archive.archive.parent_title, archive.archive.parent_href) == (
        "Sources", "../index.md")


def test_the_leaders_index_groups_everyone_by_country_in_the_sites_order_when_all_fit(
        fictional):
    corpus = fictional[0]
    page = leaders_index(book(fictional, links.LEADERS), corpus, people_by_name(corpus))
    assert page.newest == 0  # everyone is listed
    assert [(g.country, [r.person.id for r in g.people], g.pages) for g in page.groups] == [
        ("Norland", ["ana-brenic"], ()), ("Sudmark", ["pavel-dorn"], ())]
    assert [r.role.title for g in page.groups for r in g.people] == [
        "President of Norland", "Chancellor of Sudmark"]


def test_bounded_the_leaders_index_lists_the_newest_summits_people_and_links_each_a_to_z(
        fictional, newest_only):
    corpus = fictional[0]
    page = leaders_index(book(fictional, links.LEADERS), corpus, people_by_name(corpus))
    assert page.newest == 1
    assert [(g.country, [r.person.id for r in g.people]) for g in page.groups] == [
        ("Norland", ["ana-brenic"]), ("Sudmark", ["pavel-dorn"])]
    assert [[(n.first, n.last, n.href) for n in g.pages] for g in page.groups] == [
        [("Ana Brenić", "Ana Brenić", "by-name/xn-1.md")],
        [("Pavel Dorn", "Pavel Dorn", "by-name/xs-1.md")]]


def test_a_page_of_a_countrys_people_a_to_z_names_its_range_and_links_the_index(
        fictional, newest_only):
    corpus = fictional[0]
    by_name = people_by_name(corpus)
    assert {code: list(pages) for code, pages in by_name.items()} == {
        "XN": [links.leaders_by_name_page("XN", 1)],
        "XS": [links.leaders_by_name_page("XS", 1)]}
    path = links.leaders_by_name_page("XS", 1)
    page = leaders_by_name(book(fictional, path), corpus, "XS", by_name["XS"])
    assert (page.country, page.first, page.last) == ("Sudmark", "Pavel Dorn", "Pavel Dorn")
    assert [row.person.id for row in page.people] == ["pavel-dorn"]
    role = page.people[0].role  # the latest the data gives, dated by the Vesk summit
    assert (role.title, role.as_of, role.inferred) == (
        "Chancellor of Sudmark", "9 March 2032", "day inferred")
    assert page.people[0].person.href == "../pavel-dorn.md"
    assert page.others == ()  # the country's only page
    assert page.index_href == "../index.md"
