"""The status of a trade target or a pledge: one function (targets.py) judges both, on the
figures the sources give and the later sources that state the target again."""

from __future__ import annotations

import re

import pytest
from conftest import LIVE_DATA

from summit_briefings.contexts.briefings import and_list
from summit_briefings.contexts.targets import Linked, pledge_status, target_status
from summit_briefings.contexts.trade import needs_growth
from summit_briefings.model.schema import TargetStatement, TradeFigure, TradeTarget
from summit_briefings.pipeline import build_site

CITE = [{"source": "x", "quote": "a quote of ten characters"}]
# Summit ids of the small fixture, with their dates; "now" is the newest of them.
DATES = {"s2018": "2018-03-23", "s2023": "2023-06-23", "s2024": "2024", "s2025": "2025-10-30"}
NOW = "2025-10-30"


def figure(year: int, amount: float, currency: str = "USD",
           derived: str | None = None) -> TradeFigure:
    return TradeFigure(id=f"trade-{year}", year=year, amount=amount, currency=currency,
                       measures="bilateral trade", cite=CITE,
                       derived={"formula": derived, "uses": ["trade-2022"]} if derived else None)


def again(summit: str, **fields: object) -> TargetStatement:
    return TargetStatement(summit=summit, kind="aimed", cite=CITE, **fields)


def target(amount: float, deadline: int | None, currency: str = "USD", qualifier: str | None = None,
           restated: tuple[TargetStatement, ...] = ()) -> TradeTarget:
    return TradeTarget(id="t", amount=amount, deadline=deadline, currency=currency,
                       horizon=None if deadline else "near term", summit="s2018", stated_by=["p"],
                       kind="agreed", qualifier=qualifier, cite=CITE, restated=list(restated))


FIGURES = [figure(2017, 63.9), figure(2021, 78.1, derived="87 / 1.114"), figure(2022, 87),
           figure(2024, 86.7)]


@pytest.mark.parametrize(("given", "status"), [
    # met: a figure for the deadline year at or above the target
    (target(60, 2017), "met: US$63.9 billion in 2017 (63.9 ≥ 60)"),
    (target(63.9, 2017, qualifier="more than"), "not met: US$63.9 billion in 2017 (63.9 ≤ 63.9)"),
    (target(70, 2017), "not met: US$63.9 billion in 2017 (63.9 < 70)"),
    # past its deadline, not shown met: why, and the later sources that state it again
    (target(100, 2020, restated=(again("s2023", horizon="no year given"),
                                 again("s2024", horizon="near term"))),
     "past its deadline, not shown met: no figure for 2020; every later figure, for 2021 "
     "(computed), 2022 and 2024, is below US$100 billion, the highest US$87 billion in 2022; "
     "sources of 2023 and 2024 state it again as a goal"),
    (target(80, 2020), "past its deadline, not shown met: no figure for 2020; the latest "
                       "figure is US$86.7 billion in 2024"),
    (target(80, 2019), "past its deadline, not shown met: no figure for 2019; the latest "
                       "figure is US$86.7 billion in 2024"),
    # not yet due, with the latest figure
    (target(150, 2030), "not yet due: the deadline is 2030, and the sources run to 30 October "
                        "2025; the latest figure is US$86.7 billion in 2024"),
    (target(150, 2025), "not yet due: the deadline is 2025, and the sources run to 30 October "
                        "2025; the latest figure is US$86.7 billion in 2024"),
    # restated: every later source is named by its year
    (target(150, 2030, restated=(again("s2024", deadline=2030), again("s2025", deadline=2030))),
     "not yet due: the deadline is 2030, and the sources run to 30 October 2025; the latest "
     "figure is US$86.7 billion in 2024; sources of 2024 and 2025 state it again"),
    (target(100, None, restated=(again("s2023", horizon="near term"),)),
     "no deadline: the latest figure is US$86.7 billion in 2024; sources of 2023 state it again"),
    (target(100, 2030, "EUR"), "cannot be judged: the sources give no figure in EUR"),
])
def test_a_status_says_what_the_evidence_says(given, status):
    assert target_status(given, FIGURES, NOW, DATES).text == status


ROW = re.compile(r"^\| (?:\[)?(?P<amount>[^]|]*?)(?:\]\([^)]*\)\{ \.amount \}\S*)?"
                 r"(?: in bilateral trade)?(?:, | \| )(?P<deadline>by \d{4}|[^|]+?) \|.*"
                 r'<span class="computed">(?P<status>[^<]*)</span> \|$', re.MULTILINE)


def target_statuses(page: str) -> dict[tuple[str, str], str]:
    table = page.split("{ #targets }", 1)[1].split("\n## ", 1)[0]
    return {(m["amount"], m["deadline"]): m["status"] for m in ROW.finditer(table)}


def test_both_pages_give_one_status_per_target_and_none_is_due_after_its_deadline():
    site = build_site(LIVE_DATA.parent, None)
    targets = site.corpus.trade.targets
    commitments = target_statuses(site.pages["commitments.md"])
    trade = target_statuses(site.pages["trade-targets.md"])
    assert len(commitments) == len(targets), commitments
    assert commitments == trade
    newest = max([s.date.value for s in site.corpus.summits]
                 + [s.published for s in site.corpus.sources if s.published])
    for (_, deadline), status in commitments.items():
        if deadline.startswith("by ") and int(deadline[3:]) < int(newest[:4]):
            assert "due" not in status.replace("past its deadline", ""), status


TARGET_150 = target(150, 2030, restated=(again("s2024", deadline=2030),
                                         again("s2025", deadline=2030)))
TARGET_100 = target(100, 2020, restated=(again("s2024", horizon="near term"),))


@pytest.mark.parametrize(("made_on", "linked", "reported_on", "later", "status"), [
    # a pledge a target statement records, stated again later: restated, with the target's
    # own status
    ("2024", [Linked(TARGET_150, TARGET_150.restated[0])], [], 1,
     "restated: US$150 billion by 2030, a statement of the target US$150 billion by 2030; "
     "stated again by sources of 2025; the target is not yet due (the deadline is 2030, and "
     "the sources run to 30 October 2025; the latest figure is US$86.7 billion in 2024; "
     "sources of 2024 and 2025 state it again)"),
    # stated again by no later source: the target's verdict
    ("2024", [Linked(TARGET_100, TARGET_100.restated[0])], [], 1,
     "past its deadline, not shown met: US$100 billion (near term), a statement of the target "
     "US$100 billion by 2020; the target is past its deadline, not shown met (no figure for "
     "2020; every later figure, for 2021 (computed), 2022 and 2024, is below US$100 billion, "
     "the highest US$87 billion in 2022; sources of 2024 state it again as a goal)"),
    # recorded by no target statement: what the data holds after it
    # a pledge later outcomes name in 'reports_on': restated, by the years of their summits
    ("2023-06-23", [], ["2025-10-30", "2024"], 3, "reported on: sources of 2024 and 2025 state "
     "it again or report on it; whether it was kept is not judged"),
    ("2023-06-23", [], [], 3, "not reported on: no statement of the 3 later summits in the "
                              "data is recorded as restating or reporting on it"),
    ("2024", [], [], 1, "not reported on: no statement of the one later summit in the data "
                        "is recorded as restating or reporting on it"),
    ("2025-10-30", [], [], 0, "not reported on: no source in the data reports a later summit"),
])
def test_a_pledge_is_judged_by_the_targets_and_reports_that_state_it(made_on, linked,
                                                                       reported_on, later, status):
    assert pledge_status(made_on, linked, reported_on, FIGURES, NOW, DATES,
                         later).text == status


@pytest.mark.parametrize(("given", "needs"), [
    (target(150, 2030), True),               # ahead of the 2024 figure
    (target(150, 2024), False),              # the figure's own year: its status says
    (target(100, 2020), False),              # past
    (target(150, None), False),              # a horizon, no year to grow to
    (target(150, 2030, currency="EUR"), False),  # no exchange rate is a sourced fact
])
def test_a_target_needs_a_growth_rate_only_ahead_of_the_latest_figure_in_its_currency(
        given, needs):
    assert needs_growth(figure(2024, 90), given) is needs


@pytest.mark.parametrize(("items", "text"), [
    (["2024"], "2024"), (["2024", "2025"], "2024 and 2025"),
    (["2023", "2024", "2025"], "2023, 2024 and 2025"), (["USD", "EUR", "GBP"], "USD, EUR and GBP"),
])
def test_a_list_in_the_sites_words_is_joined_by_commas_and_a_last_and(items, text):
    """As a status lists years, a brief its dates and sides, the trade page its currencies."""
    assert and_list(items) == text
