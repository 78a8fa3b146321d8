"""The "how statements evolved" page and its archive pages (contexts/evolution.py:
evolution_context, evolution_year), the builders called directly on the fictional pair
(tests/fixtures/fictional-pair: Sudmark's rank among Norland's trading partners, fourth at
Port Arlen and third at Vesk; targets stated at Port Arlen and at Vesk), and on the pair with a
second, different statement of the rank on Port Arlen's date."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
import yaml
from conftest import FICTIONAL_DATA, write_project

from summit_briefings.contexts import links
from summit_briefings.contexts.evolution import (
    EvolutionContext,
    evolution_context,
    evolution_year,
    evolution_years,
)
from summit_briefings.contexts.notes import PageNotes, layouts_of
from summit_briefings.evidence.verified import Evidence
from summit_briefings.model.corpus import Corpus
from summit_briefings.pipeline import checked_corpus

PORT_ARLEN, VESK = "2031-04-10-port-arlen", "2032-03-09-vesk"
FOURTH = "Sudmark is Norland's fourth-largest trading partner."
THIRD = ("Sudmark is Norland's third-largest trading partner, according to the Norland "
         "statistics office.")
FIFTH = "Sudmark is Norland's fifth-largest trading partner."


@pytest.fixture(scope="module")
def disagreeing(tmp_path_factory: pytest.TempPathFactory) -> tuple[Corpus, Evidence]:
    """The pair, with Port Arlen's rank also recorded, misread, as fifth on the same date."""
    rel = f"summits/{PORT_ARLEN}.yaml"
    summit = yaml.safe_load((FICTIONAL_DATA / rel).read_text(encoding="utf-8"))
    rank = next(o for o in summit["outcomes"] if o["id"] == "trade-rank")
    summit["outcomes"].append({**copy.deepcopy(rank), "id": "trade-rank-misread",
                               "text": FIFTH})
    project = write_project(tmp_path_factory.mktemp("disagreeing"), {
        f"data/{rel}": yaml.safe_dump(summit, allow_unicode=True, sort_keys=False)},
        base=FICTIONAL_DATA)
    return checked_corpus(Path(project.root))


def evolution_page(checked: tuple[Corpus, Evidence]) -> EvolutionContext:
    corpus, evidence = checked
    book = PageNotes(links.EVOLUTION, corpus, evidence, layouts_of(corpus))
    return evolution_context(book, corpus)


def test_a_tracked_claims_statements_run_oldest_first_a_change_marked(fictional):
    [track] = evolution_page(fictional).tracks
    assert track.claim.id == "xs-rank-in-xn-trade"
    assert [(s.as_of, s.text, s.changed) for s in track.statements] == [
        ("10 April 2031", FOURTH, False), ("9 March 2032", THIRD, True)]
    assert track.contradictions == ()


@pytest.mark.parametrize("index, summit, inferred, source", [
    # Dated by its summit: an inferred summit date says it is inferred.
    (0, PORT_ARLEN, None, "Nord Wire, 10 Apr 2031"),
    (1, VESK, "day inferred", "Sud Courier Media, 12 Mar 2032"),
])
def test_a_statement_is_dated_by_its_summit_and_names_its_source_as_citations_do(
        fictional, index, summit, inferred, source):
    statement = evolution_page(fictional).tracks[0].statements[index]
    assert (statement.summit.id, statement.inferred, statement.source) == (
        summit, inferred, source)
    assert statement.summit.href == f"summits/{summit}.md"
    assert len(statement.refs.keys) == 1


def test_sources_disagreeing_about_one_date_are_a_contradiction_naming_both(disagreeing):
    [track] = evolution_page(disagreeing).tracks
    assert track.contradictions == (
        f"Sources disagree about 10 April 2031: {FIFTH} / {FOURTH}",)
    # Same date: ordered by text; the second differs from the first, so it is marked changed.
    assert [(s.text, s.changed) for s in track.statements] == [
        (FIFTH, False), (FOURTH, True), (THIRD, True)]


def test_the_targets_each_summit_states_are_listed_oldest_summit_first(fictional):
    page = evolution_page(fictional)
    assert [(t.summit.id, t.targets) for t in page.targets] == [
        (PORT_ARLEN, "EUR 60 billion by 2036, set it"),
        # A target with no year after those with one.
        (VESK, "EUR 50 billion (near term), aimed for it; EUR 60 billion by 2036, agreed on it")]
    assert all([p.id for p in t.stated_by] == ["ana-brenic", "pavel-dorn"]
               for t in page.targets)
    assert [len(t.refs.keys) for t in page.targets] == [1, 2]
    assert page.archives.years == ()


def test_bounded_the_page_keeps_every_tracked_statement_and_the_newest_targets(
        fictional, newest_only):
    page = evolution_page(fictional)
    assert len(page.tracks[0].statements) == 2  # tracks are not bounded by summit
    assert [t.summit.id for t in page.targets] == [VESK]
    assert [(y.year, y.href) for y in page.archives.years] == [("2031", "evolution/2031.md")]


def test_an_evolution_archive_page_holds_its_years_target_statements(fictional, newest_only):
    corpus, evidence = fictional
    years = evolution_years(corpus)
    assert list(years) == ["2031"]
    book = PageNotes(links.evolution_year_page("2031"), corpus, evidence, layouts_of(corpus))
    page = evolution_year(book, years, "2031")
    assert [(t.summit.id, t.targets) for t in page.targets] == [
        (PORT_ARLEN, "EUR 60 billion by 2036, set it")]
    assert page.targets[0].summit.href == f"../summits/{PORT_ARLEN}.md"
    assert (page.archive.parent_title, page.archive.parent_href) == (
        "How statements evolved", "../evolution.md")
