"""The trade page and its archive pages (contexts/trade.py: trade_context, trade_year), the
builders called directly on the fictional pair (tests/fixtures/fictional-pair: figures for
2030 and 2031, a target of EUR 60 billion by 2036 set at Port Arlen and restated at Vesk, an
aim of EUR 50 billion in the near term stated at Vesk), and on the pair with a figure no
article states, worked out from one that does."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import AUTO_SHA256, FICTIONAL_DATA, write_project

from summit_briefings.contexts import links
from summit_briefings.contexts.notes import PageNotes, layouts_of
from summit_briefings.contexts.trade import TradeContext, trade_context, trade_year, trade_years
from summit_briefings.evidence.verified import Evidence
from summit_briefings.model.corpus import Corpus
from summit_briefings.pipeline import checked_corpus

PORT_ARLEN, VESK = "2031-04-10-port-arlen", "2032-03-09-vesk"
GROWTH_FILE = "nordwire-2031-trade.txt"
GROWTH_SOURCE = f"""
- id: nordwire-2031-trade
  file: {GROWTH_FILE}
  title: Norland–Sudmark trade grew 10 percent in 2030
  title_editorial: true
  outlet: Nord Wire
  language: en
  {AUTO_SHA256}
"""
DERIVED_FIGURE = """figures:
  - id: trade-2029
    year: 2029
    amount: 37.7
    measures: Trade between Norland and Sudmark, computed from the 2030 figure and its growth
    derived:
      formula: 41.5 / (1 + 10 / 100)
      uses: [trade-2030]
    cite:
      - source: nordwire-2031-trade
        quote: reached EUR 41.5 billion in 2030, up 10 percent from 2029
"""


@pytest.fixture(scope="module")
def with_derived(tmp_path_factory: pytest.TempPathFactory) -> tuple[Corpus, Evidence]:
    """The pair, with the 2029 figure worked out from 2030's and its growth rate."""
    def data(name: str) -> str:
        return (FICTIONAL_DATA / name).read_text(encoding="utf-8")
    project = write_project(tmp_path_factory.mktemp("derived"), {
        f"data/sources/{GROWTH_FILE}": "FICTIONAL ARTICLE: written for the test suite.\n\n"
        "Trade between Norland and Sudmark reached EUR 41.5 billion in 2030, up 10 percent "
        "from 2029.\n",
        "data/sources.yaml": data("sources.yaml") + GROWTH_SOURCE,
        # The 2030 figure cites its growth rate too, which the formula uses.
        "data/trade.yaml": data("trade.yaml").replace("figures:\n", DERIVED_FIGURE, 1).replace(
            "in 2030\n", "in 2030\n      - source: nordwire-2031-trade\n"
            "        quote: up 10 percent from 2029\n", 1),
    }, base=FICTIONAL_DATA)
    return checked_corpus(Path(project.root))


def trade_page(checked: tuple[Corpus, Evidence]) -> TradeContext:
    corpus, evidence = checked
    return trade_context(PageNotes(links.TRADE, corpus, evidence, layouts_of(corpus)), corpus)


def test_targets_are_listed_by_the_date_first_set_with_their_deadline_or_horizon(fictional):
    page = trade_page(fictional)
    assert [(t.amount, t.deadline, t.first.summit.id) for t in page.targets] == [
        ("EUR 60 billion", "by 2036", PORT_ARLEN), ("EUR 50 billion", "near term", VESK)]
    assert page.archives.years == ()


def test_a_target_names_who_first_set_it_and_every_later_statement_of_it(fictional):
    target = trade_page(fictional).targets[0]
    assert ([p.id for p in target.first.made_by], target.first.kind) == (
        ["ana-brenic", "pavel-dorn"], "set it")
    assert [(s.summit.id, s.kind, s.amount, s.deadline) for s in target.restated] == [
        (VESK, "agreed on it", "EUR 60 billion", "by 2036")]
    assert target.href.startswith("sources/nordwire-2031-04-10-port-arlen.md#q")
    assert target.first.summit.href == f"summits/{PORT_ARLEN}.md"


@pytest.mark.parametrize("amount, verdict, evidence_named", [
    # Due after the sources end, and the latest figure and the restatement are the evidence.
    ("EUR 60 billion", "not yet due", ["the deadline is 2036", "EUR 44 billion in 2031",
                                       "sources of 2032 state it again"]),
    ("EUR 50 billion", "no deadline", ["EUR 44 billion in 2031"]),
])
def test_a_targets_status_says_what_evidence_it_rests_on(fictional, amount, verdict,
                                                         evidence_named):
    target = next(t for t in trade_page(fictional).targets if t.amount == amount)
    assert target.status.verdict == verdict
    assert all(part in target.status.why for part in evidence_named), target.status.why


def test_actual_figures_are_listed_by_year_each_linked_to_the_sentence_stating_it(fictional):
    page = trade_page(fictional)
    assert [(f.year, f.amount, f.formula) for f in page.figures] == [
        (2030, "EUR 41.5 billion", None), (2031, "EUR 44 billion", None)]
    assert [f.href.split("#")[0] for f in page.figures] == [
        "sources/nordwire-2031-04-10-port-arlen.md",
        "sources/sudcourier-2032-03-12-vesk-dorn-brenic-open-first-section-arlen-vesk-line.md"]
    assert all(len(f.refs.keys) == 1 for f in page.figures)


def test_the_growth_needed_is_computed_from_the_latest_figure_with_its_formula(fictional):
    [computed] = trade_page(fictional).computed  # the near-term aim has no year to grow to
    assert computed.question == ("Yearly growth needed to go from EUR 44 billion in 2031 to "
                                 "EUR 60 billion by 2036")
    assert computed.answer == "6.4% a year"
    assert computed.formula == "(60 / 44)^(1 / (2036 − 2031)) − 1 = 6.40%"


def test_the_chart_and_the_tables_name_the_currency_they_are_in(fictional):
    page = trade_page(fictional)
    assert (page.chart_unit, page.currencies) == ("EUR billion", "EUR")
    assert page.chart.startswith("<svg")


def test_a_figure_worked_out_from_another_carries_its_formula_and_result(with_derived):
    first = trade_page(with_derived).figures[0]
    assert (first.year, first.amount) == (2029, "EUR 37.7 billion")
    assert first.formula == "41.5 / (1 + 10 / 100) = 37.7"
    assert first.href.startswith(f"sources/{GROWTH_FILE.removesuffix('.txt')}.md#q")


def test_a_computed_figure_is_never_the_latest_actual_trade_the_growth_starts_from(
        with_derived):
    [computed] = trade_page(with_derived).computed
    assert computed.question.startswith("Yearly growth needed to go from EUR 44 billion in 2031")


def test_bounded_the_trade_page_lists_the_targets_of_the_newest_summit_and_archives_the_rest(
        fictional, newest_only):
    page = trade_page(fictional)
    assert [t.amount for t in page.targets] == ["EUR 50 billion"]
    assert [(y.year, y.href) for y in page.archives.years] == [("2031", "trade-targets/2031.md")]
    # The figures and what is computed from them are not bounded by summit.
    assert [f.year for f in page.figures] == [2030, 2031] and len(page.computed) == 1


def test_a_trade_archive_page_holds_the_targets_first_set_in_its_year(fictional, newest_only):
    corpus, evidence = fictional
    years = trade_years(corpus)
    assert list(years) == ["2031"]
    book = PageNotes(links.trade_year_page("2031"), corpus, evidence, layouts_of(corpus))
    page = trade_year(book, corpus, years, "2031")
    assert [(t.amount, t.first.summit.id) for t in page.targets] == [
        ("EUR 60 billion", PORT_ARLEN)]
    assert page.targets[0].first.summit.href == f"../summits/{PORT_ARLEN}.md"
    assert (page.archive.parent_title, page.archive.parent_href) == (
        "Trade targets and actual trade", "../trade-targets.md")
