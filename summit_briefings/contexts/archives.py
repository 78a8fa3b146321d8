"""Pages bounded by design: a page that lists summits (a leader's, a topic's, the summits
index) shows the newest in full and links to a page a year for the rest, so that no page grows
with the corpus. An archive page holds the whole of its year, and a year with nothing beyond
the newest has none: a reader who opens 2031 finds all of 2031, and the newest page and the
archives together hold every summit, every claim and every citation of the unbounded page.

A year of more summits than an archive page holds (SUMMITS_PER_ARCHIVE) has a page for each
part of it, the newest summits first: '2031' for the first part, then '2031-2', '2031-3'.

A year is the summit's, from its date (partial or inferred dates name their year too).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from ..model.schema import Summit
from . import links

# How many summits a page lists in full before it links to its archives: enough for the
# recent record a reader prepares a meeting from, few enough for a page of a few hundred KB.
NEWEST_IN_FULL = 10
# How many summits an archive page holds at most: a year of more has a page for each part, so
# that no archive page grows with the summits a year (a corpus may hold dozens a year).
SUMMITS_PER_ARCHIVE = 20

Item = TypeVar("Item")


def year_of(summit: Summit) -> str:
    return summit.date.value[:4]


def newest_summits(newest_first: Sequence[Item],
                   summit_of: Callable[[Item], Summit]) -> set[str]:
    """The ids of the newest NEWEST_IN_FULL summits the items belong to."""
    ids: dict[str, None] = {}
    for item in newest_first:
        if len(ids) == NEWEST_IN_FULL:
            break
        ids.setdefault(summit_of(item).id)
    return set(ids)


def in_full(newest_first: Sequence[Item], summit_of: Callable[[Item], Summit]) -> list[Item]:
    """The items of the newest NEWEST_IN_FULL summits: what a bounded page shows in full."""
    shown = newest_summits(newest_first, summit_of)
    return [item for item in newest_first if summit_of(item).id in shown]


def archived_years(newest_first: Sequence[Item],
                   summit_of: Callable[[Item], Summit]) -> dict[str, list[Item]]:
    """The archive pages of the years with an item beyond the newest NEWEST_IN_FULL
    summits (archive_pages); none where all fit."""
    shown = newest_summits(newest_first, summit_of)
    return archive_pages({year_of(summit_of(i)) for i in newest_first
                          if summit_of(i).id not in shown}, newest_first, summit_of)


def archive_pages(years: set[str], newest_first: Sequence[Item],
                  summit_of: Callable[[Item], Summit]) -> dict[str, list[Item]]:
    """The archive pages of ``years``, the newest first, each with its items (the newest
    first): year_parts of each year."""
    grouped: dict[str, list[Item]] = {}
    for item in newest_first:
        if (year := year_of(summit_of(item))) in years:
            grouped.setdefault(year, []).append(item)
    return {page: items for year, listed in grouped.items()
            for page, items in year_parts(year, listed, lambda i: summit_of(i).id).items()}


def year_parts(year: str, newest_first: Sequence[Item],
               summit_id_of: Callable[[Item], str | None]) -> dict[str, list[Item]]:
    """A year's archive pages: the year's items on one page ('2031'), or, for a year of
    more than SUMMITS_PER_ARCHIVE summits, on a page for each part of it, the newest
    summits first ('2031', '2031-2', …). An item of no summit (None: a milestone) goes on
    the page of the item before it."""
    part_of: dict[str, int] = {}  # summit id → its part
    part = 0
    pages: dict[str, list[Item]] = {}
    for item in newest_first:
        if (summit := summit_id_of(item)) is not None:
            part = part_of.setdefault(summit, len(part_of) // SUMMITS_PER_ARCHIVE)
        pages.setdefault(f"{year}-{part + 1}" if part else year, []).append(item)
    return pages


def pages_of(pages: dict[str, list[Item]],
             summit_of: Callable[[Item], Summit]) -> dict[str, str]:
    """The archive page of each summit of ``pages`` (archive_pages), by summit id."""
    return {summit_of(item).id: page for page, items in pages.items() for item in items}


def in_order(pages: Iterable[str], page_of: dict[str, str], listed: Sequence[Item],
             summit_of: Callable[[Item], Summit]) -> dict[str, list[Item]]:
    """Each archive page with the items of ``listed`` whose summit is on it (``page_of``:
    pages_of), in the order of ``listed``."""
    return {page: [i for i in listed if page_of.get(summit_of(i).id) == page]
            for page in pages}


def year_and_part(page: str) -> tuple[str, int]:
    """An archive page's year and which part of it the page is: '2031-2' → ('2031', 2)."""
    year, _, part = page.partition("-")
    return year, int(part or 1)


def year_of_page(page: str) -> str:
    """The year of an archive page: '2031' of '2031-2'."""
    return year_and_part(page)[0]


def newest_page_first(page: str) -> tuple[int, int]:
    """Archive pages in reading order: the newest year first, each year's parts in turn."""
    year, part = year_and_part(page)
    return -int(year), part


def itself(summit: Summit) -> Summit:
    return summit


def summits_in_full(newest_first: Sequence[Summit]) -> list[Summit]:
    return in_full(newest_first, itself)


def archived_summits(newest_first: Sequence[Summit]) -> dict[str, list[Summit]]:
    """archived_years of a list of summits."""
    return archived_years(newest_first, itself)


@dataclass(frozen=True)
class YearLink:
    year: str  # the archive page's key: '2031', or '2031-2' for a year's second part
    label: str  # '2031', or '2031 (2 of 3)'
    href: str


def label(page: str, parts_of: Counter[str]) -> str:
    """What a reader reads for an archive page: its year, and which part of its year where
    the year has more than one (archive_pages); ``parts_of``: parts_by_year of the pages."""
    year, part = year_and_part(page)
    parts = parts_of[year]
    return f"{year} ({part} of {parts})" if parts > 1 else year


def parts_by_year(pages: Iterable[str]) -> Counter[str]:
    """How many archive pages each year has: counted once for every label of a list."""
    return Counter(map(year_of_page, pages))


@dataclass(frozen=True)
class Archives:
    """What a bounded page says of its archives: how many summits it shows, and a link to
    each year's page. No years: the page shows everything."""

    shown: int
    years: tuple[YearLink, ...]


@dataclass(frozen=True)
class ArchiveOf:
    """Where an archive page belongs: its year (or part of a year), the page it continues,
    and the other archive pages."""

    year: str  # as YearLink
    label: str
    parent_title: str
    parent_href: str
    years: tuple[YearLink, ...]


def archive_links(page: str, years: dict[str, list[Item]], page_of: Callable[[str], str],
                  leaving_out: str | None = None) -> tuple[YearLink, ...]:
    """Links from ``page`` to each archive page (``page_of(year)``) but ``leaving_out``."""
    parts_of = parts_by_year(years)
    return tuple(YearLink(year, label(year, parts_of), links.relative(page, page_of(year)))
                 for year in years if year != leaving_out)


def archives(page: str, years: dict[str, list[Item]], page_of: Callable[[str], str]) -> Archives:
    return Archives(NEWEST_IN_FULL, archive_links(page, years, page_of))


def archive_of(page: str, year: str, parent_title: str, parent: str,
               years: dict[str, list[Item]], page_of: Callable[[str], str]) -> ArchiveOf:
    return ArchiveOf(year, label(year, parts_by_year(years)), parent_title,
                     links.relative(page, parent),
                     archive_links(page, years, page_of, leaving_out=year))
