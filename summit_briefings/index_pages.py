"""Contexts for the pages that survey the corpus: the home page and the section indexes."""

from __future__ import annotations

from dataclasses import dataclass

from . import links
from .brief import BOUNDS, BriefLink, Standing
from .commitments import Commitment, TargetRow, commitment_row, target_row
from .corpus import Corpus
from .dates import format_date, sort_key
from .schema import Source, Summit, Topic
from .sources import sentence_starts
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


@dataclass(frozen=True)
class BottomLine:
    """What a summit came to, as cited: its bottom line (or, in one line, the bottom line's
    first sentence) with the bottom line's citations; where none is recorded, its first
    headline outcome."""

    text: str
    refs: CitationRefs
    headline: bool  # the first headline outcome, as no bottom line is recorded


def bottom_line(book: PageNotes, summit: Summit, *, one_line: bool) -> BottomLine | None:
    if summit.summary:
        text = summit.summary.text
        starts = sentence_starts(text)
        if one_line and len(starts) > 1:
            text = text[:starts[1]].rstrip()
        return BottomLine(text, book.refs(summit.summary.cite), False)
    headline = next((o for o in summit.outcomes if o.headline), None)
    return BottomLine(headline.text, book.refs(headline.cite), True) if headline else None


@dataclass
class SummitRow:
    summit: SummitRef
    bottom_line: BottomLine | None  # in one line
    leaders: tuple[PersonRef, ...]
    occasion: str


@dataclass
class SummitsIndex:
    rows: tuple[SummitRow, ...]  # the newest first, as on the home page


def summits_index(book: PageNotes, corpus: Corpus) -> SummitsIndex:
    return SummitsIndex(tuple(
        SummitRow(book.summit_ref(s), bottom_line(book, s, one_line=True),
                  tuple(book.person_ref(p.person) for p in s.participants), s.occasion.kind)
        for s in reversed(corpus.chronological)))


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
    latest_bottom_line: BottomLine | None  # its bottom line in full
    latest_claims: tuple[Claim, ...]  # its headline outcomes, where no bottom line is recorded
    pledges: tuple[Commitment, ...]  # open pledges, the newest first, as the briefs bound them
    more_pledges: int
    past_targets: tuple[TargetRow, ...]  # past their deadline and not shown met
    more_past_targets: int
    commitments_href: str
    headlines: tuple[Headline, ...]
    timeline: tuple[TimelineEntry, ...]
    counts: Counts
    relationship_brief: str
    briefs: tuple[BriefLink, ...]  # the counterpart briefs of the newest summit's people


def home_context(book: PageNotes, corpus: Corpus, headlines: tuple[Headline, ...],
                 guides: dict[str, str], known: Standing,
                 briefed: set[str] | None = None) -> HomeContext:
    """``guides``: the editors' hand-written pages, as {title: path under docs/}; ``known``:
    the open commitments, as the briefs judge them (brief.standing); ``briefed``: who has a
    counterpart brief (brief.briefed_people)."""
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
        latest_bottom_line=bottom_line(book, newest, one_line=False)
        if newest and newest.summary else None,
        latest_claims=tuple(claim(book, o) for o in newest.outcomes if o.headline)
        if newest and not newest.summary else (),
        pledges=tuple(commitment_row(book, corpus, j)
                      for j in known.open_pledges[:BOUNDS.pledges]),
        more_pledges=max(0, len(known.open_pledges) - BOUNDS.pledges),
        past_targets=tuple(target_row(book, corpus, j)
                           for j in known.past_targets[:BOUNDS.targets]),
        more_past_targets=max(0, len(known.past_targets) - BOUNDS.targets),
        commitments_href=links.relative(page, links.COMMITMENTS),
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
