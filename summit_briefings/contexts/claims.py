"""What pages state about a summit's outcomes (Claim, with its figures) and a person's roles
(RoleView, always dated), each with the citations that carry it."""

from __future__ import annotations

from dataclasses import dataclass

from ..model.corpus import Corpus
from ..model.dates import format_date, sort_key
from ..model.schema import Citation, Figure, Outcome, Person, RoleStatement
from .formatting import format_figure
from .notes import PageNotes
from .refs import CitationRefs, PersonRef


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
              for s, p in corpus.participations.get(person.id, ()) if p.role]
    return [role for *_, role in sorted(found, key=lambda f: f[:3])]


def same_office(short: DatedRole, full: DatedRole, country: str | None) -> bool:
    """Whether two statements of one person's roles name one office, on one date, the first
    by a short title ('President') and the second in full ('President of Norland'): the full
    title is the short one, ' of ', and the person's country as the site names it, or one
    passage is cited for both (a source that calls her 'Norlandic President' dates both
    'President' and 'President of the Norlandic Republic'). A short title on a date with no
    full one beside it, or on other dates, stays a statement of its own."""
    if short.as_of != full.as_of or not full.title.startswith(f"{short.title} of "):
        return False
    return full.title == f"{short.title} of {country}" or bool(
        {(c.source, c.quote) for c in short.cite} & {(c.source, c.quote) for c in full.cite})


def stated_roles(corpus: Corpus, person: Person) -> list[DatedRole]:
    """The roles the person's entry states, oldest first."""
    return sorted((DatedRole(r.title, r.as_of, _inferred_as_of(corpus, r), tuple(r.cite))
                   for r in person.roles), key=lambda r: sort_key(r.as_of))


def _inferred_as_of(corpus: Corpus, role: RoleStatement) -> str | None:
    """A role is dated by the event its source reports: where that event is a summit whose
    date is inferred from the same source, the role's date is inferred as far as the summit's
    is, and says so ('year inferred'), as the summit's page does."""
    sources = {c.source for c in role.cite}
    return next((s.date.inferred_note for s in corpus.inferred_dates.get(role.as_of, ())
                 if sources & {c.source for c in s.date.cite}), None)


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


def figure_view(book: PageNotes, figure: Figure) -> FigureView:
    """A figure linked to the first of its outcome's quotes that gives its number (as
    verification found it)."""
    note = book.note(book.evidence.figure_cite(figure))
    return FigureView(format_figure(figure), figure.period, note.href, note.quote)


def claim(book: PageNotes, outcome: Outcome) -> Claim:
    """A summit outcome as this page shows it."""
    figures = tuple(figure_view(book, f) for f in outcome.figures)
    people = tuple(book.person_ref(p) for p in outcome.by)
    return Claim(outcome.id, outcome.kind, outcome.text, book.refs(outcome.cite), people,
                 figures, book.corpus.country_name(outcome.side),
                 book.corpus.country_name(outcome.of_side), outcome.headline)
