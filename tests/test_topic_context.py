"""A topic's page and its archive pages (contexts/briefings.py: topic_context, topic_year),
the builders called directly on the fictional pair (tests/fixtures/fictional-pair): each
summit's outcomes under the topic, the newest summit first, and with the page bounded to the
newest summit, the older years on archive pages."""

from __future__ import annotations

import pytest

from summit_briefings.contexts import links
from summit_briefings.contexts.briefings import topic_context, topic_year, topic_years
from summit_briefings.contexts.notes import PageNotes, layouts_of
from summit_briefings.evidence.verified import Evidence
from summit_briefings.model.corpus import Corpus
from summit_briefings.model.schema import Topic

PORT_ARLEN, KORVEL, VESK = "2031-04-10-port-arlen", "2031-11-korvel", "2032-03-09-vesk"


def topic_of(corpus: Corpus, topic_id: str) -> Topic:
    return next(t for t in corpus.topics if t.id == topic_id)


def topic_page(fictional: tuple[Corpus, Evidence], topic_id: str):
    corpus, evidence = fictional
    book = PageNotes(links.topic_page(topic_id), corpus, evidence, layouts_of(corpus))
    return topic_context(book, corpus, topic_of(corpus, topic_id))


def sections(page) -> list[tuple[str, list[str]]]:
    return [(s.summit.id, [c.id for c in s.claims]) for s in page.sections]


@pytest.mark.parametrize("topic, listed", [
    ("transport", [(VESK, ["brask-crossing", "rail-line-opened", "rail-authority"]),
                   (PORT_ARLEN, ["rail-freight", "rail-line-pledge"])]),
    ("trade", [(VESK, ["trade-target", "trade-rank"]),
               (PORT_ARLEN, ["trade-target", "trade-rank"])]),
    # Korvel's only outcome: no other summit has a section on the page.
    ("relations", [(KORVEL, ["forum-meeting"])]),
])
def test_a_topic_lists_each_summits_outcomes_under_it_newest_summit_first_in_data_order(
        fictional, topic, listed):
    page = topic_page(fictional, topic)
    assert sections(page) == listed
    assert page.archives.years == ()


@pytest.mark.parametrize("topic, summit, key", [
    ("transport", VESK, ["brask-crossing"]),
    ("transport", PORT_ARLEN, ["rail-freight"]),
    ("trade", VESK, []),
    ("relations", KORVEL, ["forum-meeting"]),
])
def test_only_headline_outcomes_are_key_on_a_topic_page(fictional, topic, summit, key):
    section = next(s for s in topic_page(fictional, topic).sections if s.summit.id == summit)
    assert [c.id for c in section.claims if c.key] == key


def test_a_claim_on_a_topic_page_names_its_people_side_and_cited_figures(fictional):
    pledge = next(c for s in topic_page(fictional, "transport").sections for c in s.claims
                  if c.id == "rail-line-pledge")
    assert (pledge.kind, pledge.side) == ("pledge", "Sudmark")
    assert [p.href for p in pledge.people] == ["../leaders/pavel-dorn.md"]
    [figure] = pledge.figures
    assert (figure.amount, figure.period) == ("EUR 2 billion", None)
    assert figure.quote == "Dorn pledged EUR 2 billion for the Arlen–Vesk rail line."
    assert figure.href.startswith("../sources/nordwire-2031-04-10-port-arlen.md#q")
    assert len(pledge.refs.keys) == 1


def test_a_topic_page_links_each_summit_from_the_topics_folder(fictional):
    page = topic_page(fictional, "transport")
    assert [s.summit.href for s in page.sections] == [f"../summits/{VESK}.md",
                                                      f"../summits/{PORT_ARLEN}.md"]


@pytest.mark.parametrize("topic, shown, archived", [
    ("transport", [VESK], ["2031"]),
    # The topic's own newest summit is shown, though newer summits exist.
    ("relations", [KORVEL], []),
])
def test_bounded_a_topic_shows_its_own_newest_summit_and_links_older_years(
        fictional, newest_only, topic, shown, archived):
    page = topic_page(fictional, topic)
    assert [s.summit.id for s in page.sections] == shown
    assert page.archives.shown == 1
    assert [(y.year, y.href) for y in page.archives.years] == [
        (year, f"{topic}/{year}.md") for year in archived]


def test_a_topics_archive_page_holds_its_year_and_links_back_to_the_topic(
        fictional, newest_only):
    corpus, evidence = fictional
    topic = topic_of(corpus, "transport")
    years = topic_years(corpus, topic)
    assert list(years) == ["2031"]
    book = PageNotes(links.topic_year_page(topic.id, "2031"), corpus, evidence,
                     layouts_of(corpus))
    page = topic_year(book, topic, years, "2031")
    assert page.topic is topic
    assert sections(page) == [(PORT_ARLEN, ["rail-freight", "rail-line-pledge"])]
    assert (page.archive.label, page.archive.parent_title, page.archive.parent_href) == (
        "2031", "Transport", "../transport.md")
    assert page.sections[0].summit.href == f"../../summits/{PORT_ARLEN}.md"
