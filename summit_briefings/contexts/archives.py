"""Pages bounded by design: a page that lists summits (a leader's, a topic's, the summits
index) shows the newest in full and links to a page a year for the rest, so that no page grows
with the corpus. An archive page holds the whole of its year, and a year with nothing beyond
the newest has none: a reader who opens 2031 finds all of 2031, and the newest page and the
archives together hold every summit, every claim and every citation of the unbounded page.

A year is the summit's, from its date (partial or inferred dates name their year too).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from ..model.schema import Summit
from . import links

# How many summits a page lists in full before it links to its archives: enough for the
# recent record a reader prepares a meeting from, few enough for a page of a few hundred KB.
NEWEST_IN_FULL = 10

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
    """The years with an item beyond the newest NEWEST_IN_FULL summits, the newest year
    first, each with every item of that year (the newest first); none where all fit."""
    shown = newest_summits(newest_first, summit_of)
    years = dict.fromkeys(year_of(summit_of(i)) for i in newest_first
                          if summit_of(i).id not in shown)
    grouped: dict[str, list[Item]] = {year: [] for year in years}
    for item in newest_first:
        if (year := year_of(summit_of(item))) in grouped:
            grouped[year].append(item)
    return grouped


def _itself(summit: Summit) -> Summit:
    return summit


def summits_in_full(newest_first: Sequence[Summit]) -> list[Summit]:
    return in_full(newest_first, _itself)


def archived_summits(newest_first: Sequence[Summit]) -> dict[str, list[Summit]]:
    """archived_years of a list of summits."""
    return archived_years(newest_first, _itself)


@dataclass(frozen=True)
class YearLink:
    year: str
    href: str


@dataclass(frozen=True)
class Archives:
    """What a bounded page says of its archives: how many summits it shows, and a link to
    each year's page. No years: the page shows everything."""

    shown: int
    years: tuple[YearLink, ...]


@dataclass(frozen=True)
class ArchiveOf:
    """Where an archive page belongs: its year, the page it continues, and the other years'
    archives."""

    year: str
    parent_title: str
    parent_href: str
    years: tuple[YearLink, ...]


def archive_links(page: str, years: dict[str, list[Item]],
                  page_of: Callable[[str], str]) -> tuple[YearLink, ...]:
    """Links from ``page`` to each year's archive (``page_of(year)``)."""
    return tuple(YearLink(year, links.relative(page, page_of(year))) for year in years)


def archives(page: str, years: dict[str, list[Item]], page_of: Callable[[str], str]) -> Archives:
    return Archives(NEWEST_IN_FULL, archive_links(page, years, page_of))


def archive_of(page: str, year: str, parent_title: str, parent: str,
               years: dict[str, list[Item]], page_of: Callable[[str], str]) -> ArchiveOf:
    others = {other: items for other, items in years.items() if other != year}
    return ArchiveOf(year, parent_title, links.relative(page, parent),
                     archive_links(page, others, page_of))
