"""The commitments page and its archive pages (contexts/commitments.py: commitments_context,
commitments_year), the builders called directly on the fictional pair
(tests/fixtures/fictional-pair: a target of EUR 60 billion by 2036, an aim of EUR 50 billion
in the near term, and Pavel Dorn's pledge of EUR 2 billion at Port Arlen, which Vesk reports
on), and on the pair with that report removed."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import FICTIONAL_DATA, write_project

from summit_briefings.contexts import links
from summit_briefings.contexts.commitments import (
    CommitmentsContext,
    bounded,
    commitments_context,
    commitments_year,
    shown_period,
)
from summit_briefings.contexts.notes import PageNotes, layouts_of
from summit_briefings.evidence.verified import Evidence
from summit_briefings.model.corpus import Corpus
from summit_briefings.pipeline import checked_corpus

PORT_ARLEN, VESK = "2031-04-10-port-arlen", "2032-03-09-vesk"
VESK_FILE = f"summits/{VESK}.yaml"
REPORTS_ON = "    reports_on: [2031-04-10-port-arlen/rail-line-pledge]\n"


@pytest.fixture(scope="module")
def unreported(tmp_path_factory: pytest.TempPathFactory) -> tuple[Corpus, Evidence]:
    """The pair, with no later outcome recorded as reporting on the pledge."""
    vesk = (FICTIONAL_DATA / VESK_FILE).read_text(encoding="utf-8")
    assert vesk.count(REPORTS_ON) == 1
    project = write_project(tmp_path_factory.mktemp("unreported"),
                            {f"data/{VESK_FILE}": vesk.replace(REPORTS_ON, "")},
                            base=FICTIONAL_DATA)
    return checked_corpus(Path(project.root))


def commitments_page(checked: tuple[Corpus, Evidence]) -> CommitmentsContext:
    corpus, evidence = checked
    book = PageNotes(links.COMMITMENTS, corpus, evidence, layouts_of(corpus))
    return commitments_context(book, corpus)


def test_targets_are_listed_by_deadline_a_target_with_none_last(fictional):
    page = commitments_page(fictional)
    assert [(t.what, t.deadline) for t in page.targets] == [
        ("EUR 60 billion in bilateral trade", "by 2036"),
        ("EUR 50 billion in bilateral trade", "near term")]
    assert page.archives.years == ()


@pytest.mark.parametrize("what, first, kind, restated", [
    ("EUR 60 billion in bilateral trade", PORT_ARLEN, "set it", [(VESK, "agreed on it")]),
    ("EUR 50 billion in bilateral trade", VESK, "aimed for it", []),
])
def test_a_target_gives_its_first_statement_and_every_restatement_with_how_it_was_stated(
        fictional, what, first, kind, restated):
    target = next(t for t in commitments_page(fictional).targets if t.what == what)
    assert (target.first.summit.id, target.first.kind) == (first, kind)
    assert [p.id for p in target.first.made_by] == ["ana-brenic", "pavel-dorn"]
    assert [(s.summit.id, s.kind) for s in target.restated] == restated
    assert len(target.first.refs.keys) == 1


@pytest.mark.parametrize("what, verdict, evidence_named", [
    ("EUR 60 billion in bilateral trade", "not yet due",
     ["the deadline is 2036", "the sources run to 12 March 2032", "EUR 44 billion in 2031"]),
    ("EUR 50 billion in bilateral trade", "no deadline", ["EUR 44 billion in 2031"]),
])
def test_a_targets_status_is_judged_against_the_latest_figure_and_says_so(
        fictional, what, verdict, evidence_named):
    target = next(t for t in commitments_page(fictional).targets if t.what == what)
    assert target.status.verdict == verdict
    assert all(part in target.status.why for part in evidence_named), target.status.why


def test_the_page_says_what_statuses_are_judged_against_and_as_of_when(fictional):
    page = commitments_page(fictional)
    assert page.latest_figure == "EUR 44 billion in 2031"
    assert page.as_of == "12 March 2032"  # the newest source, not the newest summit
    # Port Arlen's and Vesk's trade rank and Korvel's forum meeting: not listed, but counted.
    assert page.background == 3


def test_a_pledge_names_who_made_it_for_which_side_and_cites_it(fictional):
    [pledge] = commitments_page(fictional).pledges
    assert pledge.what == "Pavel Dorn pledged EUR 2 billion for the Arlen–Vesk rail line."
    assert (pledge.summit.id, pledge.side, pledge.deadline) == (PORT_ARLEN, "Sudmark", None)
    assert [p.href for p in pledge.made_by] == ["leaders/pavel-dorn.md"]
    assert pledge.summit.href == f"summits/{PORT_ARLEN}.md"
    assert len(pledge.refs.keys) == 1


@pytest.mark.parametrize("corpus, verdict, why", [
    ("fictional", "reported on", "sources of 2032 state it again or report on it; whether it "
                                 "was kept is not judged"),
    ("unreported", "not reported on", "no statement of the 2 later summits in the data is "
                                      "recorded as restating or reporting on it"),
])
def test_a_pledge_is_reported_on_only_where_a_later_outcome_names_it(
        request, corpus, verdict, why):
    [pledge] = commitments_page(request.getfixturevalue(corpus)).pledges
    assert (pledge.status.verdict, pledge.status.why) == (verdict, why)


def test_bounded_targets_and_pledges_each_show_the_newest_summit_that_has_any(
        fictional, newest_only):
    page = commitments_page(fictional)
    # Vesk set the newest target; Port Arlen, older, made the newest pledge.
    assert [t.first.summit.id for t in page.targets] == [VESK]
    assert [p.summit.id for p in page.pledges] == [PORT_ARLEN]
    assert [(y.year, y.href) for y in page.archives.years] == [("2031", "commitments/2031.md")]
    assert page.background == 3  # counted over every summit, archived or not


def test_a_commitments_archive_page_holds_every_target_and_pledge_of_its_year(
        fictional, newest_only):
    corpus, evidence = fictional
    listed = bounded(corpus)
    assert list(listed.years) == ["2031"]
    book = PageNotes(links.commitments_year_page("2031"), corpus, evidence, layouts_of(corpus))
    page = commitments_year(book, corpus, listed, "2031")
    assert [(t.what, t.first.summit.id) for t in page.targets] == [
        ("EUR 60 billion in bilateral trade", PORT_ARLEN)]
    # The whole of 2031, the pledge the page shows in full too.
    assert [(p.summit.id, p.status.verdict) for p in page.pledges] == [(PORT_ARLEN, "reported on")]
    assert page.pledges[0].summit.href == f"../summits/{PORT_ARLEN}.md"
    assert (page.archive.parent_title, page.archive.parent_href) == (
        "Commitments", "../commitments.md")


@pytest.mark.parametrize(("text", "period", "shown"), [
    ("Korea will provide $200 million from 2024 to 2027.", "2024–2027", None),
    ("They aim for $150 billion by 2030, in a more balanced manner.", "by 2030", None),
    ("Korea will provide $200 million in aid.", "2024–2027", "2024–2027"),
    ("Aid from 2024 on.", "2024–2027", "2024–2027"),
    ("A budget for research over the next decade.", "over the next decade", None),
    ("A budget for research.", "over the next decade", "over the next decade"),
    ("A budget for research.", None, None),
])
def test_a_pledges_period_is_shown_unless_its_words_give_it(text, period, shown):
    assert shown_period(text, period) == shown
