"""The trade-targets page: every target and actual figure, what follows from them, a chart.

Bounded by design (archives.py): the page lists the targets first set at the newest summits,
and the figures of the newest FIGURE_YEARS_IN_FULL calendar years, which is what the chart
plots too, with the targets due in those years or later. Each earlier year's targets and
figures are on the year's archive page, so the page and its archives hold every figure,
target and citation.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ..evidence.quotes import canonical_number
from ..evidence.verified import Evidence
from ..model.corpus import Corpus
from ..model.dates import format_date, sort_key
from ..model.schema import Summit, TargetStatement, TradeFigure, TradeTarget
from . import archives, links
from .archives import ArchiveOf, Archives
from .briefings import and_list
from .chart import Level, Point, trade_chart
from .commitments import (
    Statement,
    deadline_text,
    latest_stated_figure,
    newest_set_first,
    qualified_by,
    statement_row,
)
from .formatting import currency_sign, format_billions
from .notes import PageNotes
from .refs import CitationRefs
from .targets import Status, evidence_date, target_status

# How many calendar years of actual trade the page lists and charts, up to the latest figure:
# a decade is the record a reader weighs a target against, and a chart of a decade and the
# deadlines ahead keeps its marks apart and its tooltips few.
FIGURE_YEARS_IN_FULL = 10


@dataclass(frozen=True)
class TargetRow:
    amount: str
    qualified: str | None  # 'VNA/VNS: “more than”': the sources that qualify the amount
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
    targets: tuple[TargetRow, ...]  # those first set at the newest summits (archives.py)
    figures: tuple[FigureRow, ...]
    computed: tuple[Computed, ...]
    chart: str
    chart_unit: str  # 'US$ billion': the chart plots amounts in the site's currency only
    currencies: str  # 'US dollars' or 'USD and EUR': what the tables' amounts are in
    figures_from: int | None  # the first year the figures table lists, where earlier ones
    # are on the year pages; None where it lists them all
    archives: Archives


@dataclass
class TradeYear:
    """An archive page of the trade page: the targets first set at one year's summits, and
    that year's figures where they are earlier than the trade page's newest years."""

    archive: ArchiveOf
    targets: tuple[TargetRow, ...]
    figures: tuple[FigureRow, ...]


@dataclass(frozen=True)
class ArchivedYear:
    """What an archive page of the trade page holds (trade_years)."""

    targets: list[TradeTarget]
    figures: list[TradeFigure]


def needs_growth(latest: TradeFigure, target: TradeTarget) -> bool:
    """Whether a target is still ahead of the latest stated figure, in its currency: the
    targets whose yearly growth needed is computed. Whether a past target was met is its
    status (targets.py); no exchange rate is a sourced fact."""
    return (target.deadline is not None and target.deadline > latest.year
            and target.currency == latest.currency)


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


def in_first_set_order(corpus: Corpus) -> list[TradeTarget]:
    """The targets as the page lists them: by the date first set, then amount."""
    dates = {s.id: s.date.value for s in corpus.summits}
    return sorted(corpus.trade.targets, key=lambda t: (sort_key(dates[t.summit]), t.amount, t.id))


def _set_at(corpus: Corpus) -> Callable[[TradeTarget], Summit]:
    return lambda target: corpus.summit(target.summit)


def first_year_in_full(corpus: Corpus) -> int | None:
    """The first of the newest FIGURE_YEARS_IN_FULL years up to the latest figure: the
    figures from it on are listed and charted on the trade page."""
    latest = max((f.year for f in corpus.trade.figures), default=None)
    return None if latest is None else latest - FIGURE_YEARS_IN_FULL + 1


def trade_years(corpus: Corpus) -> dict[str, ArchivedYear]:
    """The archive pages of the trade page, the newest first: each with its targets in the
    page's order and, on a year's first page, the year's figures earlier than the page's
    newest years."""
    listed = in_first_set_order(corpus)
    set_at = _set_at(corpus)
    pages = archives.archived_years(newest_set_first(corpus, listed), set_at)
    targets = archives.in_order(pages, archives.pages_of(pages, set_at), listed, set_at)
    start = first_year_in_full(corpus)
    figures: dict[str, list[TradeFigure]] = {}
    for figure in sorted(corpus.trade.figures, key=lambda f: f.year):
        if start is not None and figure.year < start:
            figures.setdefault(str(figure.year), []).append(figure)
    return {page: ArchivedYear(targets.get(page, []), figures.get(page, []))
            for page in sorted({*targets, *figures}, key=archives.newest_page_first)}


def target_row(book: PageNotes, corpus: Corpus, target: TradeTarget) -> TargetRow:
    dates = {s.id: s.date.value for s in corpus.summits}
    figures = sorted(corpus.trade.figures, key=lambda f: f.year)
    first, *later = [statement_row(book, corpus, target, s) for s in target.statements]
    return TargetRow(
        format_billions(target.amount, target.currency or corpus.site.currency),
        qualified_by(corpus, target), deadline_text(target.deadline, target.horizon), first,
        tuple(later),
        target_status(target, figures, evidence_date(corpus), dates),
        book.note(target.cite[0]).href, book.refs(target.cite))


def stated_on(dates: list[str]) -> str:
    """When a target was stated, from the dates of the summits that stated it: each where
    there are one or two, else how many, the first and the latest (a chart's tooltip stays a
    line however often a target is stated again; the tables list every statement)."""
    ordered = [format_date(d) for d in sorted(set(dates), key=sort_key)]
    if len(ordered) <= 2:
        return f"stated {'; '.join(ordered)}"
    return f"stated on {len(ordered)} dates, the first {ordered[0]}, the latest {ordered[-1]}"


def trade_context(book: PageNotes, corpus: Corpus) -> TradeContext:
    dates = {s.id: s.date.value for s in corpus.summits}
    targets = in_first_set_order(corpus)
    start = first_year_in_full(corpus)
    every_figure = sorted(corpus.trade.figures, key=lambda f: f.year)
    figures = [f for f in every_figure if start is None or f.year >= start]
    years = trade_years(corpus)
    shown = archives.newest_summits(newest_set_first(corpus, targets), _set_at(corpus))
    figure_rows = tuple(figure_row(book, f) for f in figures)
    computed = []
    if latest := latest_stated_figure(corpus):
        deadlines = sorted({(t.deadline, t.amount) for t in targets if needs_growth(latest, t)})
        computed = [required_growth(latest, amount, deadline) for deadline, amount in deadlines]
    chart = ""
    # One axis has one currency: the chart plots the site's; the tables list every amount.
    site_currency = corpus.site.currency
    sign = currency_sign(site_currency).strip()
    unit = f"{sign} billion"
    plotted = [f for f in figures if f.currency == site_currency]
    # Each statement of a target is a mark: a restatement with its own year or horizon
    # ('near term') is drawn where it puts the target. The chart spans the newest years: a
    # target due in them or later, or with no year and stated in them.
    every_statement = [(t, s) for t in targets if t.currency == site_currency
                       for s in t.statements]
    plotted_targets: list[tuple[TradeTarget, TargetStatement]] = [
        (t, s) for t, s in every_statement
        if start is None or (s.deadline or int(dates[s.summit][:4])) >= start]
    figures_from = start if len(figures) < len(every_figure) else None
    charted_from = (start if figures_from or len(plotted_targets) < len(every_statement)
                    else None)
    if plotted:
        actual = [Point(f.year, f.amount, f"{f.year}: {format_billions(f.amount, f.currency)}"
                        + (" (computed)" if f.derived else ""), bool(f.derived)) for f in plotted]
        dated = sorted({(s.deadline, t.amount) for t, s in plotted_targets if s.deadline})
        marks = []
        for deadline, amount in dated:
            stated = [(t, s) for t, s in plotted_targets if (s.deadline, t.amount) == (deadline,
                                                                                      amount)]
            marks.append(Point(deadline, amount,
                               f"Target {format_billions(amount, stated[0][0].currency)} by "
                               f"{deadline}, {stated_on([dates[s.summit] for _, s in stated])}"))
        # A target with no year: a line at its amount, its tooltip a line per horizon.
        undated: dict[float, dict[str, list[str]]] = {}
        currency_of: dict[float, str | None] = {}
        for t, s in plotted_targets:
            if not s.deadline:
                horizons = undated.setdefault(t.amount, {})
                horizons.setdefault(str(s.horizon), []).append(dates[s.summit])
                currency_of.setdefault(t.amount, t.currency)
        levels = tuple(
            Level(amount, f"{canonical_number(amount)}, " + " / ".join(horizons),
                  "; ".join(f"Target {format_billions(amount, currency_of[amount])}, "
                            f"{horizon}, {stated_on(when)}" for horizon, when in horizons.items()))
            for amount, horizons in sorted(undated.items()))
        parties = " and ".join(c.name for c in corpus.site.parties)
        window = (f"The newest {FIGURE_YEARS_IN_FULL} years, from {charted_from}, and the "
                  "targets due in them or later; earlier years are on the trade page's year "
                  "pages. " if charted_from else "")
        chart = trade_chart(
            actual, marks, f"Trade between {parties}: actual figures and targets ({unit})"
            + (f", from {charted_from}" if charted_from else ""),
            f"{window}Line: actual bilateral trade by year, broken where a year has no "
            "figure; hollow point: computed from a stated growth rate; diamonds: targets at "
            "their deadline year; dashed line: a target with no year. The tables on this page"
            + (" and its year pages" if charted_from else "") + " list the same data.",
            levels, f"{sign} bn")
    used = sorted({item.currency for item in [*corpus.trade.figures, *corpus.trade.targets]})
    return TradeContext(
        tuple(target_row(book, corpus, t) for t in targets if t.summit in shown), figure_rows,
        tuple(computed), chart, unit, and_list(used) if used else site_currency, figures_from,
        archives.archives(book.page, years, links.trade_year_page))


def trade_year(book: PageNotes, corpus: Corpus, years: dict[str, ArchivedYear],
               year: str) -> TradeYear:
    """``years``: trade_years."""
    return TradeYear(archives.archive_of(book.page, year, "Trade targets and actual trade",
                                         links.TRADE, years, links.trade_year_page),
                     tuple(target_row(book, corpus, t) for t in years[year].targets),
                     tuple(figure_row(book, f) for f in years[year].figures))


@dataclass(frozen=True)
class Headline:
    """A trade figure the home page opens with: what it is, its value, where it is stated
    (or, computed, worked out)."""

    label: str
    value: str
    href: str


def home_headlines(corpus: Corpus, evidence: Evidence) -> tuple[Headline, ...]:
    """The latest stated trade figure and the latest target, linked to their sentences."""

    def sentence(item: TradeFigure | TradeTarget) -> str:
        cite = item.cite[0]
        passage = evidence.passage(cite.source, cite.quote)
        return links.relative(links.HOME, links.source_page(corpus.source(cite.source).file),
                              passage.anchor)

    def recency(target: TradeTarget) -> tuple[str, float]:
        """A target is as recent as the latest source that states it."""
        return max(sort_key(corpus.summit(s.summit).date.value)
                   for s in target.statements), target.amount

    found = []
    latest = latest_stated_figure(corpus)
    if latest:
        amount = format_billions(latest.amount, latest.currency)
        found.append(Headline("Latest actual trade", f"{amount} in {latest.year}",
                              sentence(latest)))
    newest = max(corpus.trade.targets, default=None, key=recency)
    if newest:
        by = f"by {newest.deadline}" if newest.deadline else newest.horizon
        found.append(Headline("Latest trade target",
                              f"{format_billions(newest.amount, newest.currency)} {by}",
                              sentence(newest)))
    target = max((t for t in corpus.trade.targets if t.deadline), default=None, key=recency)
    if latest and target and needs_growth(latest, target):
        gap = format_billions(target.amount - latest.amount, latest.currency)
        growth = required_growth(latest, target.amount, target.deadline)
        found.append(Headline(
            "Gap to that target (computed)",
            f"{gap} from {latest.year}; {growth.answer} needed",
            links.relative(links.HOME, links.TRADE) + "#computed"))
    return tuple(found)
