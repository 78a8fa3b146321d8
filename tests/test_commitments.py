"""The commitments page's status of a trade target, computed from the figures alone."""

from __future__ import annotations

import pytest

from summit_briefings.commitments import target_status
from summit_briefings.schema import TradeFigure, TradeTarget

CITE = [{"source": "x", "quote": "a quote of ten characters"}]


def figure(year: int, amount: float, currency: str = "USD") -> TradeFigure:
    return TradeFigure(id=f"trade-{year}", year=year, amount=amount, currency=currency,
                       measures="bilateral trade", cite=CITE)


def target(amount: float, deadline: int | None, currency: str = "USD") -> TradeTarget:
    return TradeTarget(id="t", amount=amount, deadline=deadline, currency=currency,
                       horizon=None if deadline else "near term", summit="s", stated_by=["p"],
                       cite=CITE)


FIGURES = [figure(2017, 63.9), figure(2021, 78.1), figure(2022, 87), figure(2024, 86.7)]


@pytest.mark.parametrize(("given", "status"), [
    (target(60, 2017), "met: US$63.9 billion in 2017"),
    (target(70, 2017), "not met: US$63.9 billion in 2017"),
    (target(100, 2020), "due, no figure: the sources give none for 2020 (every later figure "
                        "is below US$100 billion)"),
    (target(80, 2020), "due, no figure: the sources give none for 2020"),
    (target(150, 2030), "open: the latest figure is US$86.7 billion in 2024"),
    (target(100, None), "open: the latest figure is US$86.7 billion in 2024"),
    (target(100, 2030, "EUR"), "open: no figure in EUR to judge it by"),
])
def test_a_target_is_met_not_met_due_or_open_on_the_figures_given(given, status):
    assert target_status(given, FIGURES) == status
