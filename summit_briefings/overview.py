"""Contexts for the pages that survey the corpus: home, indexes, topics and sources."""

from __future__ import annotations

from dataclasses import dataclass

from . import links
from .corpus import Corpus
from .dates import format_date, sort_key
from .quotes import Passage
from .schema import Source, Topic
from .sources import Paragraph, Segment, segments
from .views import CitationRefs, Claim, NoteBook, PersonRef, SummitRef, claim


@dataclass
class SummitRow:
    summit: SummitRef
    leaders: tuple[PersonRef, ...]
    occasion: str


def summit_rows(book: NoteBook, corpus: Corpus) -> tuple[SummitRow, ...]:
    return tuple(SummitRow(book.summit_ref(s),
                           tuple(book.person_ref(p.person)
                                 for p in s.participants), s.occasion.kind)
                 for s in corpus.chronological)


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


def home_context(book: NoteBook, corpus: Corpus, headlines: tuple[Headline, ...],
                 guides: dict[str, str]) -> HomeContext:
    """``guides``: the editors' hand-written pages, as {title: path under docs/}."""
    page = book.page
    ordered = corpus.chronological
    latest = ordered[-1] if ordered else None
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
        latest=book.summit_ref(latest) if latest else None,
        latest_claims=tuple(claim(book, latest, o) for o in latest.outcomes if o.headline)
        if latest else (),
        # The newest first: a reader preparing a meeting wants the latest.
        headlines=headlines,
        timeline=tuple(e for _, e in sorted(entries, key=lambda e: e[0], reverse=True)),
        counts=Counts(len(corpus.summits), len(corpus.people), len(corpus.sources)))


@dataclass(frozen=True)
class CountryGroup:
    country: str
    people: tuple[tuple[PersonRef, str], ...]


def leader_groups(book: NoteBook, corpus: Corpus) -> tuple[CountryGroup, ...]:
    groups = []
    for country in corpus.site.countries:
        people = sorted(((book.person_ref(p.id), p) for p in corpus.people
                         if p.country == country.code), key=lambda pair: pair[0].sort_key)
        if people:
            groups.append(CountryGroup(country.name, tuple(
                (ref, "; ".join(dict.fromkeys(r.title for r in p.roles))) for ref, p in people)))
    return tuple(groups)


@dataclass
class TopicSection:
    summit: SummitRef
    claims: tuple[Claim, ...]


@dataclass
class TopicContext:
    topic: Topic
    sections: tuple[TopicSection, ...]


def topic_context(book: NoteBook, corpus: Corpus, topic: Topic) -> TopicContext:
    return TopicContext(topic, tuple(
        TopicSection(book.summit_ref(summit), tuple(claim(book, summit, o) for o in outcomes))
        for summit, outcomes in corpus.by_topic.get(topic.id, ())))


@dataclass
class ParagraphView:
    anchor: str
    segments: tuple[Segment, ...]


@dataclass
class Citing:
    """A fact that cites a source: what it is, and the page that states it."""

    label: str
    text: str
    href: str
    anchor: str


@dataclass
class SourceContext:
    source: Source
    published: str | None
    paragraphs: tuple[ParagraphView, ...]
    citing: tuple[Citing, ...]
    anchors: tuple[str, ...]  # every cited passage: the one a link lands on is highlighted


PUBLISHED_FROM = {"text": "stated in the text", "page": "from the web page's date line"}


def published_line(source: Source) -> str | None:
    """'23 June 2023 (stated in the text)': the date and where it comes from."""
    if source.published is None or source.published_from is None:
        return None
    return f"{format_date(source.published)} ({PUBLISHED_FROM[source.published_from]})"


def source_context(corpus: Corpus, source: Source, layout: list[Paragraph],
                   passages: list[Passage], citing: list[Citing]) -> SourceContext:
    text = corpus.texts[source.id]
    passages = sorted(set(passages), key=lambda p: (p.start, p.end))
    views = tuple(ParagraphView(para.anchor, tuple(segments(text, para, passages)))
                  for para in layout)
    return SourceContext(source, published_line(source),
                         views, tuple(sorted(citing, key=lambda c: (c.label, c.href, c.text))),
                         tuple(p.anchor for p in passages))
