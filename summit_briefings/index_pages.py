"""Contexts for the pages that survey the corpus: the home page and the section indexes."""

from __future__ import annotations

from dataclasses import dataclass

from . import archives, links
from .archives import ArchiveOf, Archives
from .brief import BriefLink
from .corpus import Corpus
from .dates import format_date, sort_key
from .schema import Source, Summit, Topic
from .views import (
    CitationRefs,
    Claim,
    DescriptionView,
    PageNotes,
    PersonRef,
    RoleView,
    SummitRef,
    claim,
    descriptions,
    latest_role,
)


@dataclass
class SummitRow:
    summit: SummitRef
    leaders: tuple[PersonRef, ...]
    occasion: str


@dataclass
class SummitsIndex:
    rows: tuple[SummitRow, ...]  # the newest (archives.NEWEST_IN_FULL), as on the home page
    archives: Archives


@dataclass
class SummitsYear:
    """An archive page of the summits index: one year's summits."""

    archive: ArchiveOf
    rows: tuple[SummitRow, ...]


def summits_years(corpus: Corpus) -> dict[str, list[Summit]]:
    return archives.archived_summits(corpus.chronological[::-1])


def _summit_rows(book: PageNotes, summits: list[Summit]) -> tuple[SummitRow, ...]:
    return tuple(
        SummitRow(book.summit_ref(s), tuple(book.person_ref(p.person) for p in s.participants),
                  s.occasion.kind) for s in summits)


def summits_index(book: PageNotes, corpus: Corpus) -> SummitsIndex:
    newest = archives.summits_in_full(corpus.chronological[::-1])
    return SummitsIndex(_summit_rows(book, newest), archives.archives(
        book.page, summits_years(corpus), links.summits_year_page))


def summits_year(book: PageNotes, corpus: Corpus, year: str) -> SummitsYear:
    years = summits_years(corpus)
    return SummitsYear(archives.archive_of(book.page, year, "Summits", links.SUMMITS, years,
                                           links.summits_year_page),
                       _summit_rows(book, years[year]))


@dataclass
class TimelineEntry:
    date: str
    inferred: str | None  # as SummitRef.inferred
    text: str
    href: str | None
    refs: CitationRefs


@dataclass(frozen=True)
class Headline:
    label: str
    value: str
    href: str


@dataclass(frozen=True)
class Counts:
    summits: int
    people: int
    sources: int


@dataclass(frozen=True)
class EditorPage:
    title: str
    href: str


@dataclass
class HomeContext:
    title: str
    introduction: str
    editor_pages: tuple[EditorPage, ...]
    first: SummitRef | None
    latest: SummitRef | None
    latest_claims: tuple[Claim, ...]
    headlines: tuple[Headline, ...]
    timeline: tuple[TimelineEntry, ...]
    counts: Counts
    relationship_brief: str
    briefs: tuple[BriefLink, ...]  # the counterpart briefs of the newest summit's people


def home_context(book: PageNotes, corpus: Corpus, headlines: tuple[Headline, ...],
                 guides: dict[str, str], briefed: set[str] | None = None) -> HomeContext:
    """``guides``: the editors' hand-written pages, as {title: path under docs/};
    ``briefed``: who has a counterpart brief (brief.briefed_people)."""
    page = book.page
    ordered = corpus.chronological
    newest = ordered[-1] if ordered else None
    entries = [(sort_key(m.date), TimelineEntry(format_date(m.date), None, m.text, None,
                                                 book.refs(m.cite))) for m in corpus.milestones]
    entries += [(sort_key(s.date.value), TimelineEntry(
        format_date(s.date.value), s.date.inferred_note, s.title,
        links.relative(page, links.summit_page(s.id)), book.refs(()))) for s in ordered]
    editors = {**guides, "Data fields": links.FIELDS}
    return HomeContext(
        title=corpus.site.title, introduction=corpus.site.introduction,
        editor_pages=tuple(EditorPage(title, links.relative(page, path))
                           for title, path in editors.items()),
        first=book.summit_ref(ordered[0]) if ordered else None,
        latest=book.summit_ref(newest) if newest else None,
        latest_claims=tuple(claim(book, o) for o in newest.outcomes if o.headline)
        if newest else (),
        headlines=headlines,
        # The newest first: a reader preparing a meeting wants the latest.
        timeline=tuple(e for _, e in sorted(entries, key=lambda e: e[0], reverse=True)),
        counts=Counts(len(corpus.summits), len(corpus.people), len(corpus.sources)),
        relationship_brief=links.relative(page, links.BRIEF),
        briefs=tuple(BriefLink(corpus.person(p).name, links.relative(page, links.brief_page(p)))
                     for p in dict.fromkeys(x.person for x in newest.participants)
                     if p in (briefed or ())) if newest else ())


@dataclass(frozen=True)
class LeaderRow:
    person: PersonRef
    # The latest role the data gives, with its date: a title alone would read as current.
    role: RoleView | None
    described_as: tuple[DescriptionView, ...]  # undated, where no role is given: 'the late …'


@dataclass(frozen=True)
class CountryGroup:
    country: str
    people: tuple[LeaderRow, ...]


@dataclass(frozen=True)
class LeadersIndex:
    groups: tuple[CountryGroup, ...]


def leaders_index(book: PageNotes, corpus: Corpus) -> LeadersIndex:
    groups = []
    for country in corpus.site.countries:
        people = sorted(((book.person_ref(p.id), p) for p in corpus.people
                         if p.country == country.code), key=lambda pair: pair[0].sort_key)
        if people:
            groups.append(CountryGroup(country.name, tuple(
                LeaderRow(ref, latest_role(book, p), descriptions(book, p))
                for ref, p in people)))
    return LeadersIndex(tuple(groups))


@dataclass(frozen=True)
class TopicRow:
    topic: Topic
    href: str
    outcomes: int


@dataclass(frozen=True)
class TopicsIndex:
    topics: tuple[TopicRow, ...]


def topics_index(corpus: Corpus) -> TopicsIndex:
    counts = {topic: sum(len(outcomes) for _, outcomes in listed)
              for topic, listed in corpus.by_topic.items()}
    return TopicsIndex(tuple(
        TopicRow(t, links.relative(links.TOPICS, links.topic_page(t.id)), counts.get(t.id, 0))
        for t in corpus.topics))


@dataclass(frozen=True)
class SourceRow:
    source: Source
    href: str
    published: str | None  # '23 June 2023', where known


@dataclass(frozen=True)
class SourcesIndex:
    sources: tuple[SourceRow, ...]


def sources_index(corpus: Corpus) -> SourcesIndex:
    return SourcesIndex(tuple(
        SourceRow(s, links.relative(links.SOURCES, links.source_page(s.file)),
                  format_date(s.published) if s.published else None)
        for s in corpus.sources))
