"""The commitments page: every trade target and pledge, with what the data says of it since."""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from .corpus import Corpus
from .dates import format_date, sort_key
from .schema import TargetStatement, TradeTarget
from .targets import (
    KIND_WORDS,
    Status,
    evidence_date,
    linked_statements,
    pledge_status,
    target_status,
)
from .views import CitationRefs, PageNotes, PersonRef, SummitRef, format_billions


@dataclass(frozen=True)
class Statement:
    """One source's statement of a target: where, by whom, how, with what qualifier."""

    summit: SummitRef
    made_by: tuple[PersonRef, ...]
    kind: str  # 'agreed it', 'aimed for it' …
    amount: str  # 'more than US$100 billion': qualified as that source qualifies it
    deadline: str  # 'by 2020', 'near term'
    refs: CitationRefs


@dataclass(frozen=True)
class TargetRow:
    what: str
    deadline: str
    first: Statement
    restated: tuple[Statement, ...]
    status: Status  # computed from the data, never stated by a source


@dataclass(frozen=True)
class Commitment:
    what: str
    deadline: str | None  # '2024–2027'; None: not stated
    summit: SummitRef
    made_by: tuple[PersonRef, ...]
    side: str | None  # the country that committed, where no person is named
    status: Status  # computed from the data, never stated by a source
    refs: CitationRefs


@dataclass
class CommitmentsContext:
    targets: tuple[TargetRow, ...]
    pledges: tuple[Commitment, ...]
    latest_figure: str | None  # 'US$86.7 billion in 2024': what statuses are judged against
    as_of: str  # '30 October 2025': the newest date in the data, the "now" of every status
    background: int  # outcomes recorded as background, which the page does not list


def deadline_text(deadline: int | None, horizon: str | None) -> str:
    return f"by {deadline}" if deadline else horizon or "no deadline given"


def statement_row(book: PageNotes, corpus: Corpus, target: TradeTarget,
                  statement: TargetStatement) -> Statement:
    amount = format_billions(target.amount, target.currency or corpus.site.currency)
    return Statement(
        book.summit_ref(corpus.summit(statement.summit)),
        tuple(book.person_ref(p) for p in statement.stated_by), KIND_WORDS[statement.kind],
        f"{statement.qualifier} {amount}" if statement.qualifier else amount,
        deadline_text(statement.deadline, statement.horizon), book.refs(statement.cite))


def commitments_context(book: PageNotes, corpus: Corpus) -> CommitmentsContext:
    figures = sorted(corpus.trade.figures, key=lambda f: f.year)
    now = evidence_date(corpus)
    dates = {s.id: s.date.value for s in corpus.summits}
    targets = sorted(corpus.trade.targets,
                     key=lambda t: (t.deadline or 9999, t.amount, sort_key(dates[t.summit]), t.id))
    target_rows = []
    for t in targets:
        first, *later = [statement_row(book, corpus, t, s) for s in t.statements]
        target_rows.append(TargetRow(
            f"{format_billions(t.amount, t.currency or corpus.site.currency)} in bilateral trade",
            deadline_text(t.deadline, t.horizon), first, tuple(later),
            target_status(t, figures, now, dates)))
    linked = linked_statements(corpus.trade.targets)
    reported_on: dict[str, list[str]] = {}
    for summit in corpus.summits:
        for outcome in summit.outcomes:
            for pledge in outcome.reports_on:
                reported_on.setdefault(pledge, []).append(summit.date.value)
    chronological = corpus.chronological
    pledges = []
    background = 0
    keys = [sort_key(s.date.value) for s in chronological]
    for summit in reversed(chronological):  # the newest first
        # Summits of the same date are not later: bisect past every one of them.
        later = len(keys) - bisect.bisect_right(keys, sort_key(summit.date.value))
        for outcome in summit.outcomes:
            background += outcome.kind == "background"
            if outcome.kind != "pledge":
                continue
            periods = [f.period for f in outcome.figures if f.period]
            pledges.append(Commitment(
                outcome.text, periods[0] if periods else None, book.summit_ref(summit),
                tuple(book.person_ref(p) for p in outcome.by),
                corpus.country_name(outcome.side),
                pledge_status(summit.date.value, linked.get((summit.id, outcome.id), []),
                              reported_on.get(f"{summit.id}/{outcome.id}", []), figures, now,
                              dates, later),
                book.refs(outcome.cite)))
    stated = [f for f in figures if not f.derived]
    latest = (f"{format_billions(stated[-1].amount, stated[-1].currency or '')} in "
              f"{stated[-1].year}" if stated else None)
    return CommitmentsContext(tuple(target_rows), tuple(pledges), latest, format_date(now),
                              background)
