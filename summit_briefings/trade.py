"""The trade-targets page: every target and actual figure, what follows from them, a chart."""

from __future__ import annotations

from dataclasses import dataclass

from .chart import Level, Point, trade_chart
from .commitments import Statement, deadline_text, statement_row
from .corpus import Corpus
from .dates import format_date, sort_key
from .quotes import canonical_number
from .schema import TargetStatement, TradeFigure, TradeTarget
from .targets import Status, evidence_date, target_status
from .views import (
    CitationRefs,
    PageNotes,
    currency_sign,
    format_billions,
)


@dataclass(frozen=True)
class TargetRow:
    amount: str
    deadline: str
    first: Statement  # where, by whom and how a source first states it
    restated: tuple[Statement, ...]  # every later source that states it again
    status: Status  # the same judgement the commitments page prints
    href: str
    refs: CitationRefs


@dataclass(frozen=True)
class FigureRow:
    year: int
    amount: str
    measures: str
    formula: str | None
    href: str
    refs: CitationRefs


@dataclass(frozen=True)
class Computed:
    """A number no source states, with the formula that gives it from ones they do."""

    question: str
    answer: str
    formula: str


@dataclass
class TradeContext:
    targets: tuple[TargetRow, ...]
    figures: tuple[FigureRow, ...]
    computed: tuple[Computed, ...]
    chart: str
    chart_unit: str  # 'US$ billion': the chart plots amounts in the site's currency only
    currencies: str  # 'US dollars' or 'USD and EUR': what the tables' amounts are in


def required_growth(latest: TradeFigure, amount: float, deadline: int) -> Computed:
    years = deadline - latest.year
    rate = ((amount / latest.amount) ** (1 / years) - 1) * 100
    a, b = canonical_number(amount), canonical_number(latest.amount)
    return Computed(
        f"Yearly growth needed to go from {format_billions(latest.amount, latest.currency)} "
        f"in {latest.year} to {format_billions(amount, latest.currency)} by {deadline}",
        f"{rate:.1f}% a year", f"({a} / {b})^(1 / ({deadline} − {latest.year})) − 1 = {rate:.2f}%")


def figure_row(book: PageNotes, figure: TradeFigure) -> FigureRow:
    """An actual trade figure, linked to the sentence that states it; a computed one with
    its formula."""
    return FigureRow(figure.year, format_billions(figure.amount, figure.currency),
                     figure.measures, f"{figure.derived.formula} = "
                     f"{canonical_number(figure.amount)}" if figure.derived else None,
                     book.note(figure.cite[0]).href, book.refs(figure.cite))


def trade_context(book: PageNotes, corpus: Corpus) -> TradeContext:
    dates = {s.id: s.date.value for s in corpus.summits}
    targets: list[TradeTarget] = sorted(
        corpus.trade.targets, key=lambda t: (sort_key(dates[t.summit]), t.amount, t.id))
    figures = sorted(corpus.trade.figures, key=lambda f: f.year)
    now = evidence_date(corpus)
    target_rows = []
    for t in targets:
        first, *later = [statement_row(book, corpus, t, s) for s in t.statements]
        target_rows.append(TargetRow(
            format_billions(t.amount, t.currency or corpus.site.currency),
            deadline_text(t.deadline, t.horizon), first, tuple(later),
            target_status(t, figures, now, dates), book.note(t.cite[0]).href, book.refs(t.cite)))
    figure_rows = tuple(figure_row(book, f) for f in figures)
    stated = [f for f in figures if not f.derived]
    computed = []
    if stated:
        latest = stated[-1]
        # Only amounts in one currency are compared: no exchange rate is a sourced fact.
        # Whether a past target was met is its status, in the targets table; a target
        # still ahead gets the growth it needs.
        deadlines = sorted({(t.deadline, t.amount) for t in targets
                            if t.deadline and t.currency == latest.currency})
        computed = [required_growth(latest, amount, deadline)
                    for deadline, amount in deadlines if deadline > latest.year]
    chart = ""
    # One axis has one currency: the chart plots the site's; the tables list every amount.
    site_currency = corpus.site.currency
    sign = currency_sign(site_currency).strip()
    unit = f"{sign} billion"
    plotted = [f for f in figures if f.currency == site_currency]
    # Each statement of a target is a mark: a restatement with its own year or horizon
    # ('near term') is drawn where it puts the target.
    plotted_targets: list[tuple[TradeTarget, TargetStatement]] = [
        (t, s) for t in targets if t.currency == site_currency for s in t.statements]
    if plotted:
        actual = [Point(f.year, f.amount, f"{f.year}: {format_billions(f.amount, f.currency)}"
                        + (" (computed)" if f.derived else ""), bool(f.derived)) for f in plotted]
        dated = sorted({(s.deadline, t.amount) for t, s in plotted_targets if s.deadline})
        marks = []
        for deadline, amount in dated:
            stated = [(t, s) for t, s in plotted_targets if (s.deadline, t.amount) == (deadline,
                                                                                      amount)]
            when = [format_date(d) for d in sorted({dates[s.summit] for _, s in stated},
                                                   key=sort_key)]
            marks.append(Point(deadline, amount,
                               f"Target {format_billions(amount, stated[0][0].currency)} by "
                               f"{deadline}, stated {'; '.join(when)}"))
        undated: dict[float, list[tuple[TradeTarget, TargetStatement]]] = {}
        for t, s in plotted_targets:
            if not s.deadline:
                undated.setdefault(t.amount, []).append((t, s))
        levels = tuple(
            Level(amount, f"{amount:g}, " + " / ".join(dict.fromkeys(str(s.horizon)
                                                                   for _, s in ts)),
                  "; ".join(f"Target {format_billions(t.amount, t.currency)}, {s.horizon}, "
                            f"stated {format_date(dates[s.summit])}" for t, s in ts))
            for amount, ts in sorted(undated.items()))
        parties = " and ".join(c.name for c in corpus.site.parties)
        chart = trade_chart(
            actual, marks, f"Trade between {parties}: actual figures and targets ({unit})",
            "Line: actual bilateral trade by year, broken where a year has no figure; hollow "
            "point: computed from a stated growth rate; diamonds: targets at their deadline "
            "year; dashed line: a target with no year. The tables on this page list the same "
            "data.", levels, f"{sign} bn")
    used = sorted({item.currency for item in [*corpus.trade.figures, *corpus.trade.targets]})
    return TradeContext(target_rows, figure_rows, tuple(computed), chart, unit,
                        " and ".join(used) or site_currency)
