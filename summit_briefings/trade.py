"""The trade-targets page: every target and actual figure, what follows from them, a chart."""

from __future__ import annotations

from dataclasses import dataclass

from .chart import Level, Point, trade_chart
from .corpus import Corpus
from .dates import format_date, sort_key
from .quotes import canonical_number
from .schema import TradeFigure, TradeTarget
from .views import (
    CitationRefs,
    PageNotes,
    PersonRef,
    SummitRef,
    currency_sign,
    format_amount,
    format_billions,
)


@dataclass(frozen=True)
class TargetRow:
    amount: str
    deadline: str
    summit: SummitRef
    stated_by: tuple[PersonRef, ...]
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


def target_outcome(figures: list[TradeFigure], amount: float, deadline: int) -> Computed:
    """Whether a past target was met, judged only on the figures the sources give (all in
    the target's currency)."""
    currency = figures[0].currency

    def format_billions(value: float) -> str:
        return format_amount(value, "billion", currency)

    question = f"Was the target of {format_billions(amount)} by {deadline} met?"
    same_year = [f for f in figures if f.year == deadline]
    if same_year:
        actual = same_year[0].amount
        met = actual >= amount
        return Computed(question,
                        f"{'Yes' if met else 'No'}: {format_billions(actual)} in {deadline}",
                        f"{canonical_number(actual)} {'≥' if met else '<'} "
                        f"{canonical_number(amount)}")
    later = [f for f in figures if f.year > deadline]
    if later and all(f.amount < amount for f in later):
        best = max(later, key=lambda f: f.amount)
        years = ", ".join(str(f.year) for f in later)
        return Computed(question,
            f"No source gives a figure for {deadline}, so this cannot be settled. Every "
            f"later figure ({years}) is below {format_billions(amount)}: trade had not "
            f"reached that level in any year the sources give (the highest is "
            f"{format_billions(best.amount)} in {best.year})",
            f"max({', '.join(canonical_number(f.amount) for f in later)}) = "
            f"{canonical_number(best.amount)} < {canonical_number(amount)}")
    return Computed(question, f"Cannot tell: the sources give no figure for {deadline} or "
                              "later that settles it", "—")


def trade_context(book: PageNotes, corpus: Corpus) -> TradeContext:
    targets: list[TradeTarget] = sorted(
        corpus.trade.targets, key=lambda t: (corpus.summit(t.summit).date.value, t.amount, t.id))
    figures = sorted(corpus.trade.figures, key=lambda f: f.year)
    target_rows = tuple(
        TargetRow(format_billions(t.amount, t.currency),
                  str(t.deadline) if t.deadline else t.horizon or "",
                  book.summit_ref(corpus.summit(t.summit)),
                  tuple(book.person_ref(p) for p in t.stated_by),
                  book.note(t.cite[0]).href, book.refs(t.cite)) for t in targets)
    figure_rows = tuple(
        FigureRow(f.year, format_billions(f.amount, f.currency), f.measures,
                  f"{f.derived.formula} = {canonical_number(f.amount)}" if f.derived else None,
                  book.note(f.cite[0]).href, book.refs(f.cite)) for f in figures)
    stated = [f for f in figures if not f.derived]
    computed = []
    if stated:
        latest = stated[-1]
        # Only amounts in one currency are compared: no exchange rate is a sourced fact.
        same = [f for f in figures if f.currency == latest.currency]
        deadlines = sorted({(t.deadline, t.amount) for t in targets
                            if t.deadline and t.currency == latest.currency})
        for deadline, amount in deadlines:
            if deadline > latest.year:
                computed.append(required_growth(latest, amount, deadline))
            else:
                computed.append(target_outcome(same, amount, deadline))
    chart = ""
    # One axis has one currency: the chart plots the site's; the tables list every amount.
    site_currency = corpus.site.currency
    sign = currency_sign(site_currency).strip()
    unit = f"{sign} billion"
    plotted = [f for f in figures if f.currency == site_currency]
    plotted_targets = [t for t in targets if t.currency == site_currency]
    if plotted:
        actual = [Point(f.year, f.amount, f"{f.year}: {format_billions(f.amount, f.currency)}"
                        + (" (computed)" if f.derived else ""), bool(f.derived)) for f in plotted]
        dated = sorted({(t.deadline, t.amount) for t in plotted_targets if t.deadline})
        marks = []
        for deadline, amount in dated:
            dates = sorted({corpus.summit(t.summit).date.value for t in plotted_targets
                            if (t.deadline, t.amount) == (deadline, amount)}, key=sort_key)
            when = [format_date(d) for d in dates]
            currency = next(t.currency for t in plotted_targets
                            if (t.deadline, t.amount) == (deadline, amount))
            marks.append(Point(deadline, amount,
                               f"Target {format_billions(amount, currency)} by {deadline}, "
                               f"stated {'; '.join(when)}"))
        undated: dict[float, list[TradeTarget]] = {}
        for t in plotted_targets:
            if not t.deadline:
                undated.setdefault(t.amount, []).append(t)
        levels = tuple(
            Level(amount, f"{amount:g}, " + " / ".join(dict.fromkeys(str(t.horizon) for t in ts)),
                  "; ".join(f"Target {format_billions(t.amount, t.currency)}, {t.horizon}, "
                            f"stated {format_date(corpus.summit(t.summit).date.value)}"
                            for t in ts))
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
