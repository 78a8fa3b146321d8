"""The commitments page: every trade target and pledge, with what the data says of it since."""

from __future__ import annotations

from dataclasses import dataclass

from .corpus import Corpus
from .dates import sort_key
from .schema import TradeFigure, TradeTarget
from .views import CitationRefs, PageNotes, PersonRef, SummitRef, format_billions


@dataclass(frozen=True)
class Commitment:
    what: str
    deadline: str | None  # 'by 2030', 'near term', '2024–2027'; None: not stated
    summit: SummitRef
    made_by: tuple[PersonRef, ...]
    side: str | None  # the country that committed, where no person is named
    status: str  # computed from the data, never stated by a source
    refs: CitationRefs


@dataclass
class CommitmentsContext:
    targets: tuple[Commitment, ...]
    pledges: tuple[Commitment, ...]
    latest_figure: str | None  # 'US$86.7 billion in 2024': what statuses are judged against


def target_status(target: TradeTarget, figures: list[TradeFigure]) -> str:
    """Met, not met, due with no figure, or open: judged only on the figures the sources
    give in the target's currency."""
    same = [f for f in figures if f.currency == target.currency]
    if not same:
        return f"open: no figure in {target.currency} to judge it by"
    latest = same[-1]
    amount = format_billions(target.amount, target.currency)
    if target.deadline is None or target.deadline > latest.year:
        return (f"open: the latest figure is {format_billions(latest.amount, latest.currency)} "
                f"in {latest.year}")
    at_deadline = [f for f in same if f.year == target.deadline]
    if at_deadline:
        actual = at_deadline[0]
        verdict = "met" if actual.amount >= target.amount else "not met"
        return f"{verdict}: {format_billions(actual.amount, actual.currency)} in {actual.year}"
    later = [f for f in same if f.year > target.deadline]
    below = " (every later figure is below " + amount + ")" if later and all(
        f.amount < target.amount for f in later) else ""
    return f"due, no figure: the sources give none for {target.deadline}{below}"


def commitments_context(book: PageNotes, corpus: Corpus) -> CommitmentsContext:
    figures = sorted(corpus.trade.figures, key=lambda f: f.year)
    targets = sorted(corpus.trade.targets,
                     key=lambda t: (t.deadline or 9999, t.amount,
                                    sort_key(corpus.summit(t.summit).date.value), t.id))
    target_rows = tuple(
        Commitment(f"{format_billions(t.amount, t.currency)} in bilateral trade",
                   f"by {t.deadline}" if t.deadline else t.horizon or "no deadline given",
                   book.summit_ref(corpus.summit(t.summit)),
                   tuple(book.person_ref(p) for p in t.stated_by), None,
                   target_status(t, figures), book.refs(t.cite))
        for t in targets)
    pledges = []
    for summit in reversed(corpus.chronological):  # the newest first
        for outcome in summit.outcomes:
            if outcome.kind != "pledge":
                continue
            periods = [f.period for f in outcome.figures if f.period]
            pledges.append(Commitment(
                outcome.text, periods[0] if periods else None, book.summit_ref(summit),
                tuple(book.person_ref(p) for p in outcome.by),
                corpus.country_name(outcome.side),
                "open: no later source reports on it", book.refs(outcome.cite)))
    stated = [f for f in figures if not f.derived]
    latest = (f"{format_billions(stated[-1].amount, stated[-1].currency)} in {stated[-1].year}"
              if stated else None)
    return CommitmentsContext(target_rows, tuple(pledges), latest)
