"""Shared view objects: what templates receive instead of raw models.

Everything a template shows is computed here once: link targets, formatted dates and
amounts, and the citation notes of the page being built.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from . import links
from .corpus import Corpus
from .dates import format_date, sort_key
from .quotes import Evidence, canonical_number, fold_ascii, quoted_numbers
from .schema import Citation, Figure, Outcome, Person, RoleStatement, Source, Summit
from .sources import Paragraph, paragraphs, place_label

CURRENCY_SIGNS = {"USD": "US$"}


def format_amount(amount: float, unit: str, currency: str | None = None) -> str:
    """'US$100 billion', '13,000', '7%'. Integers lose their '.0'."""
    number = f"{amount:,.0f}" if amount == int(amount) else f"{amount:,}"
    if unit == "percent":
        return f"{number}%"
    if unit == "count":
        return number
    sign = currency_sign(currency) if currency else ""
    return f"{sign}{number} {unit}"


def currency_sign(currency: str) -> str:
    """'US$' for USD; other codes print as themselves, with a space: 'EUR 5 billion'."""
    return CURRENCY_SIGNS.get(currency, f"{currency} ")


def format_billions(amount: float, currency: str) -> str:
    return format_amount(amount, "billion", currency)


def format_figure(figure: Figure) -> str:
    """'US$100 billion'; qualified as the source qualifies it: 'more than US$100 billion'."""
    amount = format_amount(figure.amount, figure.unit, figure.currency)
    return f"{figure.qualifier} {amount}" if figure.qualifier else amount


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
    layouts: dict[str, list[Paragraph]]
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

    def cited_in(self, body: str) -> list[NoteLine]:
        """The notes a rendered page refers to, in the order a reader meets them."""
        cited = dict.fromkeys(match[1] for match in FOOTNOTE_REF.finditer(body))
        notes = [self.notes[key] for key in cited if key in self.notes]
        return [NoteLine(note, index > 0 and note.source_file == notes[index - 1].source_file)
                for index, note in enumerate(notes)]


FOOTNOTE_REF = re.compile(r"\[\^([^\]\s]+)\]")


@dataclass(frozen=True)
class CitationRefs:
    """Footnote references in a context, labelled by note (source and passage), never by
    number: the Markdown engine numbers footnotes in the order a reader meets them."""

    keys: tuple[str, ...]

    def __html__(self) -> str:
        return "".join(f"[^{key}]" for key in self.keys)


def layouts_of(corpus: Corpus) -> dict[str, list[Paragraph]]:
    return {sid: paragraphs(text) for sid, text in corpus.texts.items()}


def name_sort_key(name: str) -> str:
    """Alphabetical as readers type the name: without diacritics, case ignored."""
    return fold_ascii(name).casefold()


@dataclass(frozen=True)
class PersonRef:
    id: str
    name: str
    other_names: tuple[str, ...]  # the forms other than the display name, as sources write them
    country: str
    href: str

    @property
    def sort_key(self) -> str:
        return name_sort_key(self.name)


@dataclass(frozen=True)
class DatedRole:
    """A role with the evidence that dates it: a role the person's entry states, or the role
    they held at a summit, as of that summit's date."""

    title: str
    as_of: str  # a partial date, YYYY to YYYY-MM-DD
    inferred: str | None  # as SummitRef.inferred, for the date of a summit
    cite: tuple[Citation, ...]


def dated_roles(corpus: Corpus, person: Person) -> list[DatedRole]:
    """Every role the data gives a person, oldest first: the latest is the last. A partial date
    sorts as the end of its period (dates.sort_key). On the same date a role at a summit comes
    after the person's own statement of it: it is the role they met in, and names the country."""
    found = [(sort_key(r.as_of), 0, "", r) for r in stated_roles(corpus, person)]
    found += [(sort_key(s.date.value), 1, s.id,
               DatedRole(p.role, s.date.value, s.date.inferred_note, tuple(p.cite)))
              for s in corpus.summits for p in s.participants
              if p.person == person.id and p.role]
    return [role for *_, role in sorted(found, key=lambda f: f[:3])]


def stated_roles(corpus: Corpus, person: Person) -> list[DatedRole]:
    """The roles the person's entry states, oldest first."""
    return sorted((DatedRole(r.title, r.as_of, _inferred_as_of(corpus, r), tuple(r.cite))
                   for r in person.roles), key=lambda r: sort_key(r.as_of))


def _inferred_as_of(corpus: Corpus, role: RoleStatement) -> str | None:
    """A role is dated by the event its source reports: where that event is a summit whose
    date is inferred from the same source, the role's date is inferred as far as the summit's
    is, and says so ('year inferred'), as the summit's page does."""
    sources = {c.source for c in role.cite}
    return next((s.date.inferred_note for s in corpus.summits
                 if s.date.value == role.as_of and s.date.inferred_note
                 and sources & {c.source for c in s.date.cite}), None)


def dated_text(role: DatedRole) -> str:
    """The date a role is stated as of, as a list of dates prints it: '2024 (date inferred)'."""
    return format_date(role.as_of) + (f" ({role.inferred})" if role.inferred else "")


@dataclass(frozen=True)
class RoleView:
    """A role as pages print it: never without the date it is stated as of."""

    title: str
    as_of: str  # '23 June 2023', 'November 2017', '2024'
    inferred: str | None  # 'date inferred' where that date is a summit's inferred one
    refs: CitationRefs


def role_view(book: PageNotes, role: DatedRole) -> RoleView:
    return RoleView(role.title, format_date(role.as_of), role.inferred, book.refs(role.cite))


def latest_role(book: PageNotes, person: Person) -> RoleView | None:
    """The person's latest role by date, from their entry and the summits they attended."""
    roles = dated_roles(book.corpus, person)
    return role_view(book, roles[-1]) if roles else None


@dataclass(frozen=True)
class DescriptionView:
    """How a source describes someone outside any role ('the late …'): printed undated."""

    text: str
    refs: CitationRefs


def descriptions(book: PageNotes, person: Person) -> tuple[DescriptionView, ...]:
    return tuple(DescriptionView(d.text, book.refs(d.cite)) for d in person.described_as)


@dataclass(frozen=True)
class SummitRef:
    id: str
    title: str
    date: str
    inferred: str | None  # 'date inferred', 'year inferred'; None when stated
    place: str
    href: str


@dataclass
class FigureView:
    amount: str
    period: str | None
    href: str
    quote: str


@dataclass
class Claim:
    """An outcome as a page shows it."""

    id: str
    kind: str
    text: str
    refs: CitationRefs
    people: tuple[PersonRef, ...]
    figures: tuple[FigureView, ...]
    side: str | None
    of_side: str | None
    key: bool  # the data marks it one of the summit's key (headline) outcomes


CALLS = {"phone call": "by phone", "video call": "by video call"}


def place_text(summit: Summit, *, after_title: bool = False) -> str:
    """'Vesk, Sudmark'; a call says so: 'by phone', or 'Vesk, Sudmark (by phone)'. Printed
    after the summit's title, without what the title names already: 'Sudmark' after '… in
    Vesk'."""
    place = summit.place
    parts = [p for p in (place.venue, place.city, place.country) if p] if place else []
    call = CALLS.get(summit.mode)
    if after_title:
        parts = [p for p in parts if not re.search(rf"\b{re.escape(p)}\b", summit.title)]
        call = call if call and call not in summit.title else None
    where = ", ".join(parts)
    if where and place and place.basis == "inferred":
        where += " (inferred)"
    if call and where:
        return f"{where} ({call})"
    return where or call or ""


def summit_ref(page: str, summit: Summit) -> SummitRef:
    return SummitRef(summit.id, summit.title, format_date(summit.date.value),
                     summit.date.inferred_note, place_text(summit),
                     links.relative(page, links.summit_page(summit.id)))


def figure_view(book: PageNotes, outcome: Outcome, figure: Figure) -> FigureView:
    """A figure linked to the first of its outcome's quotes that gives its number."""
    amount = canonical_number(figure.amount)
    cite = next((c for c in outcome.cite if amount in quoted_numbers(c.quote)), outcome.cite[0])
    note = book.note(cite)
    return FigureView(format_figure(figure), figure.period, note.href, note.quote)


def claim(book: PageNotes, outcome: Outcome) -> Claim:
    """A summit outcome as this page shows it."""
    figures = tuple(figure_view(book, outcome, f) for f in outcome.figures)
    people = tuple(book.person_ref(p) for p in outcome.by)
    return Claim(outcome.id, outcome.kind, outcome.text, book.refs(outcome.cite), people,
                 figures, book.corpus.country_name(outcome.side),
                 book.corpus.country_name(outcome.of_side), outcome.headline)


@dataclass(frozen=True)
class SourceRef:
    title: str
    label: str  # as citations name it: publisher and date where known
    url: str | None
    href: str


@dataclass(frozen=True)
class Footer:
    """What closes every page: the sources it cites, how recent they are, the build date."""

    sources: tuple[SourceRef, ...]
    sources_as_of: str | None
    built: str | None
    address: str = ""  # '/summits/x/': where the page lives, for the printed running line
    site: str = ""  # the site's title, which opens that line


@dataclass(frozen=True)
class SourceDate:
    date: str
    inferred: str | None  # as SummitRef.inferred


def footer(book: PageNotes, source_dates: dict[str, SourceDate], built: str | None,
           dated_by: frozenset[str] | None = None) -> Footer:
    """The sources a page cited (in file order), dated by the latest event they report;
    ``dated_by`` limits which of them count for the date."""
    files = sorted({note.source_file for note in book.notes.values()})
    by_file = book.corpus.sources_by_file
    refs = tuple(SourceRef(by_file[f].title, source_label(by_file[f]), by_file[f].url,
                           links.relative(book.page, links.source_page(f))) for f in files)
    counted = [by_file[f].id for f in files if dated_by is None or by_file[f].id in dated_by]
    dates = [source_dates[s] for s in counted if s in source_dates]
    latest = max(dates, key=lambda d: sort_key(d.date)) if dates else None
    as_of = (format_date(latest.date) + (f" ({latest.inferred})" if latest.inferred else "")
             if latest else None)
    return Footer(refs, as_of, built, "/" + links.url_of(book.page), book.corpus.site.title)
