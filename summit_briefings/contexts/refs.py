"""References a context holds to other things of the site: to its citation notes
(CitationRefs, footnote labels), to a summit's page (SummitRef) and to a person's (PersonRef)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..evidence.quotes import fold_ascii
from ..model.dates import format_date
from ..model.schema import Summit
from . import links


@dataclass(frozen=True)
class CitationRefs:
    """Footnote references in a context, labelled by note (source and passage), never by
    number: the Markdown engine numbers footnotes in the order a reader meets them."""

    keys: tuple[str, ...]

    def __html__(self) -> str:
        return "".join(f"[^{key}]" for key in self.keys)


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
class SummitRef:
    id: str
    title: str
    date: str
    inferred: str | None  # 'date inferred', 'year inferred'; None when stated
    place: str
    href: str
    on: str  # the date's preposition: 'on' 23 March 2018, 'in' November 2017, 'in' 2024

    def day(self) -> SummitDay:
        return SummitDay(self.id, self.date, self.inferred, self.href, self.on)


@dataclass(frozen=True)
class SummitDay:
    """A summit named by its date alone, linked, where a page prints no more of it (a dated
    statement, a brief's open pledge): without its title, so that a page is rendered again
    after a save only when what it prints has changed (render.RenderCache)."""

    id: str
    date: str
    inferred: str | None
    href: str
    on: str


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
                     links.relative(page, links.summit_page(summit.id)),
                     "on" if "day" in summit.date.given_parts else "in")
