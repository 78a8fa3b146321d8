"""The commitments page: every trade target and pledge, with what the data says of it since."""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from ..evidence.quotes import number_tokens
from ..model.corpus import Corpus, summit_order
from ..model.dates import format_date, sort_key
from ..model.schema import Outcome, Summit, TargetStatement, TradeFigure, TradeTarget
from . import archives, links
from .archives import ArchiveOf, Archives
from .formatting import format_billions
from .notes import PageNotes, source_label
from .refs import CitationRefs, PersonRef, SummitDay, SummitRef
from .targets import (
    Status,
    evidence_date,
    kind_words,
    linked_statements,
    pledge_status,
    target_status,
)


@dataclass(frozen=True)
class Statement:
    """One source's statement of a target: where, by whom, how, with what qualifier."""

    summit: SummitRef | SummitDay  # SummitDay: as a brief or a target line names it
    made_by: tuple[PersonRef, ...]  # those recorded as making it whom its quotes name
    kind: str  # 'agreed on it', 'set it, according to media': with its source's attribution
    amount: str  # 'more than US$100 billion': qualified as that source qualifies it
    deadline: str  # 'by 2020', 'near term'
    refs: CitationRefs


@dataclass(frozen=True)
class TargetRow:
    what: str  # 'US$100 billion in bilateral trade (VNA/VNS: “more than”)'
    deadline: str
    first: Statement
    restated: tuple[Statement, ...]
    status: Status  # computed from the data, never stated by a source


@dataclass(frozen=True)
class Commitment:
    what: str
    deadline: str | None  # '2024–2027'; None: not stated, or stated in `what` (shown_period)
    summit: SummitRef | SummitDay  # SummitDay: as a brief names it
    made_by: tuple[PersonRef, ...]
    side: str | None  # the country that committed, where no person is named
    status: Status  # computed from the data, never stated by a source
    refs: CitationRefs


@dataclass
class CommitmentsContext:
    # Those first set, and those made, at the newest summits (archives.NEWEST_IN_FULL).
    targets: tuple[TargetRow, ...]
    pledges: tuple[Commitment, ...]
    latest_figure: str | None  # 'US$86.7 billion in 2024': what statuses are judged against
    as_of: str  # '30 October 2025': the newest date in the data, the "now" of every status
    background: int  # outcomes recorded as background, which the page does not list
    archives: Archives


@dataclass
class CommitmentsYear:
    """An archive page of the commitments page: the targets first set, and the pledges made,
    at one year's summits."""

    archive: ArchiveOf
    targets: tuple[TargetRow, ...]
    pledges: tuple[Commitment, ...]


def deadline_text(deadline: int | None, horizon: str | None) -> str:
    return f"by {deadline}" if deadline else horizon or "no deadline given"


def statement_row(book: PageNotes, corpus: Corpus, target: TradeTarget,
                  statement: TargetStatement) -> Statement:
    amount = format_billions(target.amount, target.currency or corpus.site.currency)
    # Statements that are equal are reported alike: the first one's number serves for each.
    reported = book.evidence.statements[(target.id, target.statements.index(statement))]
    return Statement(
        book.summit_ref(corpus.summit(statement.summit)),
        tuple(book.person_ref(p) for p in reported.named),
        kind_words(statement.kind, reported.attributions),
        f"{statement.qualifier} {amount}" if statement.qualifier else amount,
        deadline_text(statement.deadline, statement.horizon), book.refs(statement.cite))


def qualified_by(corpus: Corpus, target: TradeTarget) -> str | None:
    """Who qualifies the target's amount, and how: 'VNA/VNS: “more than”'; None where no
    source does. Printed by the amount the data records the target at, so that a table or a
    line that names one statement still shows that another source gives a bound."""
    given = []
    for statement in target.statements:
        if statement.qualifier:
            quoting = [c for c in statement.cite
                       if statement.qualifier.lower() in c.quote.lower()] or statement.cite
            given.append(f"{source_label(corpus.source(quoting[0].source))}: "
                         f"“{statement.qualifier}”")
    return "; ".join(dict.fromkeys(given)) or None


def qualified_text(text: str, qualified: str | None) -> str:
    return f"{text} ({qualified})" if qualified else text


@dataclass(frozen=True)
class JudgedTarget:
    """A trade target with its status, before any page cites it."""

    target: TradeTarget
    status: Status


@dataclass(frozen=True)
class JudgedPledge:
    """An outcome recorded as a pledge, with its summit and its status."""

    summit: Summit
    outcome: Outcome
    status: Status


def judged_targets(corpus: Corpus) -> list[JudgedTarget]:
    """Every target with its status, in the commitments page's order: by deadline, then
    amount, then the date it was first set."""
    figures = sorted(corpus.trade.figures, key=lambda f: f.year)
    now = evidence_date(corpus)
    dates = {s.id: s.date.value for s in corpus.summits}
    targets = sorted(corpus.trade.targets,
                     key=lambda t: (t.deadline or 9999, t.amount, sort_key(dates[t.summit]), t.id))
    return [JudgedTarget(t, target_status(t, figures, now, dates)) for t in targets]


def judged_pledges(corpus: Corpus) -> list[JudgedPledge]:
    """Every outcome recorded as a pledge with its status, the newest summit first."""
    figures = sorted(corpus.trade.figures, key=lambda f: f.year)
    now = evidence_date(corpus)
    dates = {s.id: s.date.value for s in corpus.summits}
    linked = linked_statements(corpus.trade.targets)
    reported_on: dict[str, list[str]] = {}
    for summit in corpus.summits:
        for outcome in summit.outcomes:
            for pledge in outcome.reports_on:
                reported_on.setdefault(pledge, []).append(summit.date.value)
    chronological = corpus.chronological
    keys = [sort_key(s.date.value) for s in chronological]
    judged = []
    for summit in reversed(chronological):  # the newest first
        # Summits of the same date are not later: bisect past every one of them.
        later = len(keys) - bisect.bisect_right(keys, sort_key(summit.date.value))
        for outcome in summit.outcomes:
            if outcome.kind == "pledge":
                judged.append(JudgedPledge(summit, outcome, pledge_status(
                    summit.date.value, linked.get((summit.id, outcome.id), []),
                    reported_on.get(f"{summit.id}/{outcome.id}", []), figures, now, dates,
                    later)))
    return judged


def target_row(book: PageNotes, corpus: Corpus, judged: JudgedTarget) -> TargetRow:
    t = judged.target
    first, *later = [statement_row(book, corpus, t, s) for s in t.statements]
    return TargetRow(qualified_text(target_what(corpus, t), qualified_by(corpus, t)),
                     deadline_text(t.deadline, t.horizon), first, tuple(later), judged.status)


def target_what(corpus: Corpus, target: TradeTarget) -> str:
    """'US$150 billion in bilateral trade'."""
    amount = format_billions(target.amount, target.currency or corpus.site.currency)
    return f"{amount} in bilateral trade"


def shown_period(text: str, period: str | None) -> str | None:
    """The period to print beside a pledge's words: none where the words already give it,
    by its numbers ('from 2024 to 2027' for '2024–2027', '… by 2030' for 'by 2030') or, a
    period without numbers, in so many words."""
    if period is None:
        return None
    numbers = number_tokens(period)
    given = numbers <= number_tokens(text) if numbers else period.lower() in text.lower()
    return None if given else period


def commitment_row(book: PageNotes, corpus: Corpus, judged: JudgedPledge) -> Commitment:
    outcome = judged.outcome
    periods = [f.period for f in outcome.figures if f.period]
    return Commitment(
        outcome.text, shown_period(outcome.text, periods[0] if periods else None),
        book.summit_ref(judged.summit),
        tuple(book.person_ref(p) for p in outcome.by), corpus.country_name(outcome.side),
        judged.status, book.refs(outcome.cite))


def latest_stated_figure(corpus: Corpus) -> TradeFigure | None:
    """The newest actual trade figure a source states (not one computed from others)."""
    stated = sorted((f for f in corpus.trade.figures if not f.derived), key=lambda f: f.year)
    return stated[-1] if stated else None


def newest_set_first(corpus: Corpus, targets: list[TradeTarget]) -> list[TradeTarget]:
    """The targets, those first set at the newest summit first."""
    return sorted(targets, key=lambda t: summit_order(corpus.summit(t.summit)), reverse=True)


@dataclass(frozen=True)
class Bounded:
    """The commitments page's targets and pledges in full (those first set, or made, at the
    newest summits), and its archive pages (archives.archive_pages) with their own."""

    targets: list[JudgedTarget]
    pledges: list[JudgedPledge]
    years: dict[str, tuple[list[JudgedTarget], list[JudgedPledge]]]


def bounded(corpus: Corpus) -> Bounded:
    targets, pledges = judged_targets(corpus), judged_pledges(corpus)
    judged = {j.target.id: j for j in targets}
    by_set = newest_set_first(corpus, [j.target for j in targets])

    def set_at(target: TradeTarget) -> Summit:
        return corpus.summit(target.summit)

    def made_at(pledge: JudgedPledge) -> Summit:
        return pledge.summit

    def judged_set_at(judged: JudgedTarget) -> Summit:
        return set_at(judged.target)

    shown = archives.newest_summits(by_set, set_at)
    years = {archives.year_of_page(page) for page in (
        *archives.archived_years(by_set, set_at), *archives.archived_years(pledges, made_at))}
    # A year's targets and pledges share its pages: the parts of a year of many summits count
    # the summits that set a target or made a pledge.
    summits = {s.id: s for s in [*map(set_at, by_set), *map(made_at, pledges)]}
    pages = archives.archive_pages(years, sorted(
        summits.values(), key=lambda s: (sort_key(s.date.value), s.id), reverse=True),
        archives.itself)
    page_of = archives.pages_of(pages, archives.itself)
    targets_on = archives.in_order(pages, page_of, [judged[t.id] for t in by_set],
                                   judged_set_at)
    pledges_on = archives.in_order(pages, page_of, pledges, made_at)
    return Bounded(
        [j for j in targets if j.target.summit in shown], archives.in_full(pledges, made_at),
        {page: (targets_on[page], pledges_on[page]) for page in pages})


def commitments_context(book: PageNotes, corpus: Corpus) -> CommitmentsContext:
    latest = latest_stated_figure(corpus)
    background = sum(o.kind == "background" for s in corpus.summits for o in s.outcomes)
    listed = bounded(corpus)
    return CommitmentsContext(
        tuple(target_row(book, corpus, j) for j in listed.targets),
        tuple(commitment_row(book, corpus, j) for j in listed.pledges),
        f"{format_billions(latest.amount, latest.currency or '')} in {latest.year}"
        if latest else None,
        format_date(evidence_date(corpus)), background,
        archives.archives(book.page, listed.years, links.commitments_year_page))


def commitments_year(book: PageNotes, corpus: Corpus, listed: Bounded,
                     year: str) -> CommitmentsYear:
    """``listed``: bounded(corpus), judged once for every archive page."""
    targets, pledges = listed.years[year]
    return CommitmentsYear(
        archives.archive_of(book.page, year, "Commitments", links.COMMITMENTS, listed.years,
                            links.commitments_year_page),
        tuple(target_row(book, corpus, j) for j in targets),
        tuple(commitment_row(book, corpus, j) for j in pledges))
