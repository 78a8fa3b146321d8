"""The citation notes of the page being built (PageNotes): each citation a context takes
a reference to becomes a note, the quote and a link to its place in the source."""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Iterable
from dataclasses import dataclass, field

from ..evidence.sources import Paragraph, paragraphs, place_label
from ..evidence.verified import Evidence
from ..model.corpus import Corpus
from ..model.dates import format_date
from ..model.schema import Citation, Source, Summit
from . import links
from .refs import CitationRefs, PersonRef, SummitRef, summit_ref


@dataclass
class Note:
    """One citation: the quote, and where it sits in its source; ``key`` labels its footnote."""

    key: str
    quote: str
    source_file: str
    place: str  # '¶2', or in a long paragraph '¶2, sentence 3' (sources.place_label)
    href: str
    source_label: str  # 'VNA/VNS': the source as a reader sees it (source_label)


@dataclass(frozen=True)
class NoteLine:
    """A note as the page lists it. On paper a note from the same source as the one before
    it prints only its place ('¶2'): a page drawn from one article would otherwise repeat that
    article's name in every note."""

    note: Note
    same_source: bool


def source_label(source: Source) -> str:
    """A source as a citation names it: its publisher (or outlet) and publication date where
    known, 'VNA/VNS' or 'Test Wire, 6 Mar 2026'; else its file's number, 'source 004'."""
    who = source.credit or f"source {source.file.split('_')[0].removesuffix('.txt')}"
    if source.published:
        return f"{who}, {format_date(source.published, short=True)}"
    return who


@dataclass
class PageNotes:
    """The citations of one page. Contexts take references from it (``CitationRefs``)."""

    page: str
    corpus: Corpus
    evidence: Evidence
    layouts: Layouts
    notes: dict[str, Note] = field(default_factory=dict)

    def note(self, cite: Citation) -> Note:
        """The note for a citation: the quoted passage, and a link to it from this page."""
        passage = self.evidence.passage(cite.source, cite.quote)
        source = self.corpus.source(cite.source)
        key = f"{cite.source}-{passage.anchor}"
        if key not in self.notes:
            self.notes[key] = Note(
                key, self.corpus.texts[cite.source][passage.start:passage.end], source.file,
                place_label(self.layouts[cite.source], passage),
                links.relative(self.page, links.source_page(source.file), passage.anchor),
                source_label(source))
        return self.notes[key]

    def summit_ref(self, summit: Summit) -> SummitRef:
        return summit_ref(self.page, summit)

    def person_ref(self, person_id: str) -> PersonRef:
        person = self.corpus.person(person_id)
        return PersonRef(person.id, person.name,
                         tuple(f.text for f in person.names if f.text != person.name),
                         self.corpus.country_name(person.country),
                         links.relative(self.page, links.leader_page(person.id)))

    def refs(self, cites: Iterable[Citation]) -> CitationRefs:
        keys = [self.note(c).key for c in cites]
        return CitationRefs(tuple(dict.fromkeys(keys)))

    def listed(self, context: object) -> tuple[NoteLine, ...]:
        """The notes a page lists after its text: those its context refers to, in the order a
        reader meets them (cited_keys)."""
        notes = [self.notes[key] for key in dict.fromkeys(cited_keys(context))]
        return tuple(NoteLine(note, index > 0 and note.source_file == notes[index - 1].source_file)
                     for index, note in enumerate(notes))


def cited_keys(value: object) -> list[str]:
    """The notes a context refers to, in the order its template shows them: a context
    declares its fields in that order (tests/test_notes.py checks every page kind), so its
    fields are walked in declaration order, into the dataclasses and sequences they hold."""
    found: list[str] = []
    _collect_keys(value, found)
    return found


def _collect_keys(value: object, found: list[str]) -> None:
    if isinstance(value, CitationRefs):
        found.extend(value.keys)
    elif isinstance(value, list | tuple):
        for item in value:
            _collect_keys(item, found)
    elif names := _field_names(type(value)):
        for name in names:
            _collect_keys(getattr(value, name), found)


@functools.cache
def _field_names(kind: type) -> tuple[str, ...]:
    """A dataclass's fields in declaration order; none for any other type. Asked once per
    type: a page's context holds thousands of values of a few dozen types."""
    if not dataclasses.is_dataclass(kind):
        return ()
    return tuple(each.name for each in dataclasses.fields(kind))


class Layouts(dict[str, list[Paragraph]]):
    """Each source's paragraphs, by source id, laid out when a page first needs them: the
    pages a save in `make serve` renders first cite a few sources of many."""

    def __init__(self, texts: dict[str, str]) -> None:
        super().__init__()
        self.texts = texts

    def __missing__(self, source_id: str) -> list[Paragraph]:
        layout = self[source_id] = paragraphs(self.texts[source_id])
        return layout


def layouts_of(corpus: Corpus) -> Layouts:
    return Layouts(corpus.texts)
