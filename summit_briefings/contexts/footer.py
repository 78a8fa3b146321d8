"""What closes every page: the sources it cites and how recent they are (the latest event
they report), and the build date."""

from __future__ import annotations

from dataclasses import dataclass

from ..model.corpus import Corpus
from ..model.dates import format_date, sort_key
from ..model.schema import Summit
from . import links
from .notes import PageNotes, source_label


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


def footer_dates(corpus: Corpus) -> dict[str, SourceDate]:
    """How recent each source is: its publication date, else the latest summit it reports
    (inferred when that summit's date is; the check has found every part of such a date in
    the quotes). A source quoted at a summit only in passing is not dated by it, as it need
    not give that date: a 2018 article quoted for background at a 2025 summit."""
    reported: dict[str, SourceDate] = {}
    for summit in corpus.summits:
        for source in meeting_sources(summit):
            current = reported.get(source)
            if current is None or sort_key(summit.date.value) > sort_key(current.date):
                reported[source] = SourceDate(summit.date.value, summit.date.inferred_note)
    return {**reported, **{s.id: SourceDate(s.published, None)
                           for s in corpus.sources if s.published}}


def newest_reported(corpus: Corpus) -> dict[str, Summit]:
    """The newest summit each source reports (meeting_sources), where it reports one."""
    return {source: summit for summit in corpus.chronological
            for source in meeting_sources(summit)}


def meeting_sources(summit: Summit) -> frozenset[str]:
    """The sources that report the meeting itself: those that say who took part. Sources
    cited only for background or a clue to the date do not date its page."""
    return frozenset(c.source for p in summit.participants for c in p.cite)
