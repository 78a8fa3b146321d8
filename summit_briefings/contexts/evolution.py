"""The "how statements evolved" page: claims that change from source to source.

Statements of one tracked claim are set side by side by their as-of date. Two statements
with the same as-of date that say different things are a true contradiction, and flagged.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from ..model.corpus import Corpus
from ..model.dates import format_date, sort_key
from ..model.schema import Summit, TrackedClaim, TradeTarget
from ..model.schema import TargetStatement as TargetStatementModel
from . import archives, links
from .archives import ArchiveOf, Archives
from .formatting import format_billions
from .notes import PageNotes, source_label
from .refs import CitationRefs, PersonRef, SummitRef
from .targets import kind_words


@dataclass(frozen=True)
class Statement:
    as_of: str
    inferred: str | None  # 'year inferred' when the as-of date is the summit's, inferred
    text: str
    source: str  # as citations name it
    summit: SummitRef
    refs: CitationRefs
    changed: bool


@dataclass(frozen=True)
class Track:
    claim: TrackedClaim
    statements: tuple[Statement, ...]
    contradictions: tuple[str, ...]


@dataclass(frozen=True)
class TargetStatement:
    summit: SummitRef
    targets: str
    stated_by: tuple[PersonRef, ...]
    refs: CitationRefs


@dataclass
class EvolutionContext:
    tracks: tuple[Track, ...]
    targets: tuple[TargetStatement, ...]  # the newest summits' (archives.py), oldest first
    archives: Archives


@dataclass
class EvolutionYear:
    """An archive page of the evolution page: one year's summits that state targets."""

    archive: ArchiveOf
    targets: tuple[TargetStatement, ...]


def _contradictions(statements: list[tuple[str, Statement]]) -> tuple[str, ...]:
    """Dates on which the statements (in date order, dates.sort_key) differ, in that order."""
    by_date: dict[str, set[str]] = defaultdict(set)
    for key, statement in statements:
        by_date[key].add(statement.text)
    return tuple(f"Sources disagree about {format_date(key)}: " + " / ".join(sorted(texts))
                 for key, texts in by_date.items() if len(texts) > 1)


def evolution_context(book: PageNotes, corpus: Corpus) -> EvolutionContext:
    grouped: dict[str, list[tuple[str, Statement]]] = defaultdict(list)
    for summit in corpus.chronological:
        for outcome in summit.outcomes:
            if outcome.tracks:
                as_of = outcome.as_of or summit.date.value
                inferred = None if outcome.as_of else summit.date.inferred_note
                grouped[outcome.tracks].append((as_of, Statement(
                    format_date(as_of), inferred, outcome.text,
                    source_label(corpus.source(outcome.cite[0].source)),
                    book.summit_ref(summit), book.refs(outcome.cite), False)))
    tracks = []
    for claim in corpus.tracked:
        rows = sorted(grouped.get(claim.id, []), key=lambda r: (sort_key(r[0]), r[1].text))
        marked = [s if i == 0 or s.text == rows[i - 1][1].text else
                  Statement(s.as_of, s.inferred, s.text, s.source, s.summit, s.refs, True)
                  for i, (_, s) in enumerate(rows)]
        tracks.append(Track(claim, tuple(marked), _contradictions(rows)))
    stating = stating_summits(corpus)
    shown = archives.in_full(stating[::-1], _summit_of)[::-1]
    return EvolutionContext(tuple(tracks), tuple(_target_statement(book, s) for s in shown),
                            archives.archives(book.page, evolution_years(corpus),
                                              links.evolution_year_page))


StatedTargets = tuple[Summit, list[tuple[TradeTarget, TargetStatementModel]]]


def stating_summits(corpus: Corpus) -> list[StatedTargets]:
    """Every statement of every target, first set or stated again, under its summit: the
    summits that state any, oldest first."""
    by_summit: dict[str, list[tuple[TradeTarget, TargetStatementModel]]] = defaultdict(list)
    for target in corpus.trade.targets:
        for statement in target.statements:
            by_summit[statement.summit].append((target, statement))
    return [(summit, sorted(by_summit[summit.id], key=lambda ts: (ts[1].deadline or 0,
                                                                   ts[0].amount)))
            for summit in corpus.chronological if summit.id in by_summit]


def _summit_of(stated: StatedTargets) -> Summit:
    return stated[0]


def evolution_years(corpus: Corpus) -> dict[str, list[StatedTargets]]:
    """The archive years, each with its summits oldest first, as the page lists them."""
    years = archives.archived_years(stating_summits(corpus)[::-1], _summit_of)
    return {year: listed[::-1] for year, listed in years.items()}


def _target_statement(book: PageNotes, stated: StatedTargets) -> TargetStatement:
    summit, statements = stated
    reported = [book.evidence.statements[(t.id, t.statements.index(s))] for t, s in statements]
    text = "; ".join((f"{s.qualifier} " if s.qualifier else "")
                     + f"{format_billions(t.amount, t.currency)} "
                     + (f"by {s.deadline}" if s.deadline else f"({s.horizon})")
                     + f", {kind_words(s.kind, r.attributions)}"
                     for (t, s), r in zip(statements, reported, strict=True))
    people = dict.fromkeys(p for r in reported for p in r.named)
    return TargetStatement(book.summit_ref(summit), text,
                           tuple(book.person_ref(p) for p in people),
                           book.refs(c for _, s in statements for c in s.cite))


def evolution_year(book: PageNotes, years: dict[str, list[StatedTargets]],
                   year: str) -> EvolutionYear:
    """``years``: evolution_years."""
    return EvolutionYear(archives.archive_of(
        book.page, year, "How statements evolved", links.EVOLUTION, years,
        links.evolution_year_page), tuple(_target_statement(book, s) for s in years[year]))
