"""Contexts for the pages that survey the corpus: the home page and the section indexes."""

from __future__ import annotations

from dataclasses import dataclass

from ..evidence.sources import sentence_starts
from ..model.corpus import Corpus
from ..model.dates import format_date, sort_key
from ..model.schema import Milestone, Person, Source, Summit, Topic
from . import archives, links
from .archives import ArchiveOf, Archives
from .brief import BOUNDS, BriefLink, Standing
from .claims import Claim, DescriptionView, RoleView, claim, descriptions, latest_role
from .commitments import Commitment, JudgedTarget, commitment_row, deadline_text, target_what
from .notes import PageNotes
from .refs import CitationRefs, PersonRef, SummitRef, name_sort_key
from .targets import Status
from .trade import Headline


@dataclass(frozen=True)
class PastTarget:
    """A trade target past its deadline and not shown met, as the home page lists it: with
    the citations of the statement that first set it."""

    what: str
    deadline: str
    refs: CitationRefs
    status: Status


def past_target(book: PageNotes, corpus: Corpus, judged: JudgedTarget) -> PastTarget:
    """Cites only the statement it shows: the first."""
    target = judged.target
    return PastTarget(target_what(corpus, target), deadline_text(target.deadline, target.horizon),
                      book.refs(target.statements[0].cite), judged.status)


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
        SummitRow(book.summit_ref(s), bottom_line(book, s, one_line=True),
                  tuple(book.person_ref(p.person) for p in s.participants), s.occasion.kind)
        for s in summits)


def summits_index(book: PageNotes, corpus: Corpus) -> SummitsIndex:
    newest = archives.summits_in_full(corpus.chronological[::-1])
    return SummitsIndex(_summit_rows(book, newest), archives.archives(
        book.page, summits_years(corpus), links.summits_year_page))


def summits_year(book: PageNotes, years: dict[str, list[Summit]], year: str) -> SummitsYear:
    """``years``: summits_years."""
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
    past_targets: tuple[PastTarget, ...]  # past their deadline and not shown met
    more_past_targets: int
    commitments_href: str
    headlines: tuple[Headline, ...]
    timeline: tuple[TimelineEntry, ...]  # since the oldest of the newest summits (archives.py)
    counts: Counts
    relationship_brief: str
    briefs: tuple[BriefLink, ...]  # the counterpart briefs of the newest summit's people
    archives: Archives  # the timeline's


def home_context(book: PageNotes, corpus: Corpus, headlines: tuple[Headline, ...],
                 guides: dict[str, str], known: Standing,
                 briefed: set[str] | None = None) -> HomeContext:
    """``guides``: the editors' hand-written pages, as {title: path under docs/}; ``known``:
    the open commitments, as the briefs judge them (brief.standing); ``briefed``: who has a
    counterpart brief (brief.briefed_people)."""
    page = book.page
    ordered = corpus.chronological
    newest = ordered[-1] if ordered else None
    shown, years = timeline_events(corpus)
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
        past_targets=tuple(past_target(book, corpus, j)
                           for j in known.past_targets[:BOUNDS.targets]),
        more_past_targets=max(0, len(known.past_targets) - BOUNDS.targets),
        commitments_href=links.relative(page, links.COMMITMENTS),
        headlines=headlines,
        # The newest first: a reader preparing a meeting wants the latest.
        timeline=tuple(_timeline_entry(book, event) for event in shown),
        counts=Counts(len(corpus.summits), len(corpus.people), len(corpus.sources)),
        relationship_brief=links.relative(page, links.BRIEF),
        briefs=tuple(BriefLink(corpus.person(p).name, links.relative(page, links.brief_page(p)))
                     for p in dict.fromkeys(x.person for x in newest.participants)
                     if p in (briefed or ())) if newest else (),
        archives=archives.archives(page, years, links.timeline_year_page))


Event = Milestone | Summit  # what the home page's timeline lists


def _date_of(event: Event) -> str:
    return event.date if isinstance(event, Milestone) else event.date.value


def timeline_events(corpus: Corpus) -> tuple[list[Event], dict[str, list[Event]]]:
    """The timeline's events, the newest first: those since the oldest of the newest summits
    (archives.NEWEST_IN_FULL), and its archive pages, a year's events each, or a part of
    a year of many summits (archives.year_parts)."""
    newest_first = sorted((*corpus.milestones, *corpus.chronological),
                          key=lambda e: sort_key(_date_of(e)), reverse=True)
    summits = corpus.chronological[::-1]
    if not archives.archived_summits(summits):
        return newest_first, {}
    oldest_shown = sort_key(archives.summits_in_full(summits)[-1].date.value)
    shown = [e for e in newest_first if sort_key(_date_of(e)) >= oldest_shown]
    years = dict.fromkeys(_date_of(e)[:4] for e in newest_first[len(shown):])
    return shown, {page: events for year in years for page, events in archives.year_parts(
        year, [e for e in newest_first if _date_of(e)[:4] == year], _summit_id).items()}


def _summit_id(event: Event) -> str | None:
    return event.id if isinstance(event, Summit) else None


def _timeline_entry(book: PageNotes, event: Event) -> TimelineEntry:
    if isinstance(event, Milestone):
        return TimelineEntry(format_date(event.date), None, event.text, None,
                             book.refs(event.cite))
    return TimelineEntry(format_date(event.date.value), event.date.inferred_note, event.title,
                         links.relative(book.page, links.summit_page(event.id)), book.refs(()))


@dataclass
class TimelineYear:
    """An archive page of the home page's timeline: one year's events."""

    archive: ArchiveOf
    timeline: tuple[TimelineEntry, ...]


def timeline_year(book: PageNotes, corpus: Corpus, years: dict[str, list[Event]],
                  year: str) -> TimelineYear:
    """``years``: the archive years of timeline_events."""
    return TimelineYear(archives.archive_of(book.page, year, corpus.site.title, links.HOME,
                                            years, links.timeline_year_page),
                        tuple(_timeline_entry(book, event) for event in years[year]))


@dataclass(frozen=True)
class LeaderRow:
    person: PersonRef
    # The latest role the data gives, with its date: a title alone would read as current.
    role: RoleView | None
    described_as: tuple[DescriptionView, ...]  # undated, where no role is given: 'the late …'


# The leaders index lists everyone while everyone fits on a page of PEOPLE_PER_PAGE; beyond
# that it lists the people who took part in the newest summits (archives.NEWEST_IN_FULL) and
# links to each country's people A–Z, in pages of at most PEOPLE_PER_PAGE, so that no page
# grows with the people of the corpus.
PEOPLE_PER_PAGE = 100


@dataclass(frozen=True)
class NameRange:
    """A link to a page of a country's people A–Z, named by its first and last person."""

    first: str
    last: str
    href: str


@dataclass(frozen=True)
class CountryGroup:
    country: str
    people: tuple[LeaderRow, ...]
    pages: tuple[NameRange, ...]  # everyone A–Z, where the index lists only some


@dataclass(frozen=True)
class LeadersIndex:
    groups: tuple[CountryGroup, ...]
    newest: int  # the summits whose people the index lists; 0: it lists everyone


@dataclass(frozen=True)
class LeadersByName:
    """A page of one country's people A–Z, everyone from ``first`` to ``last``."""

    country: str
    first: str
    last: str
    index_href: str
    others: tuple[NameRange, ...]  # the country's other pages
    people: tuple[LeaderRow, ...]


NamePages = dict[str, list[Person]]  # page path → its people, A–Z


def people_by_name(corpus: Corpus) -> dict[str, NamePages]:
    """Each country's people A–Z (as the index sorts them) in pages of at most
    PEOPLE_PER_PAGE, by country code; none where everyone fits on the index."""
    if len(corpus.people) <= PEOPLE_PER_PAGE:
        return {}
    found: dict[str, NamePages] = {}
    for country in corpus.site.countries:
        people = _a_to_z([p for p in corpus.people if p.country == country.code])
        found[country.code] = {
            links.leaders_by_name_page(country.code, start // PEOPLE_PER_PAGE + 1):
            people[start:start + PEOPLE_PER_PAGE]
            for start in range(0, len(people), PEOPLE_PER_PAGE)}
    return found


def _a_to_z(people: list[Person]) -> list[Person]:
    return sorted(people, key=lambda p: name_sort_key(p.name))


def _leader_row(book: PageNotes, person: Person) -> LeaderRow:
    return LeaderRow(book.person_ref(person.id), latest_role(book, person),
                     descriptions(book, person))


def _name_ranges(page: str, pages: NamePages, leaving_out: str = "") -> tuple[NameRange, ...]:
    return tuple(NameRange(people[0].name, people[-1].name, links.relative(page, path))
                 for path, people in pages.items() if path != leaving_out)


def leaders_index(book: PageNotes, corpus: Corpus, by_name: dict[str, NamePages]
                  ) -> LeadersIndex:
    """``by_name``: people_by_name."""
    newest = archives.summits_in_full(corpus.chronological[::-1]) if by_name else []
    listed = {p.person for s in newest for p in s.participants}
    groups = []
    for country in corpus.site.countries:
        people = _a_to_z([p for p in corpus.people if p.country == country.code
                          and (not by_name or p.id in listed)])
        pages = _name_ranges(book.page, by_name.get(country.code, {}))
        if people or pages:
            groups.append(CountryGroup(country.name,
                                       tuple(_leader_row(book, p) for p in people), pages))
    return LeadersIndex(tuple(groups), len(newest))


def leaders_by_name(book: PageNotes, corpus: Corpus, country: str,
                    pages: NamePages) -> LeadersByName:
    """``country``: its code; ``pages``: the country's, from people_by_name."""
    people = pages[book.page]
    return LeadersByName(corpus.country_name(country), people[0].name, people[-1].name,
                         links.relative(book.page, links.LEADERS),
                         _name_ranges(book.page, pages, leaving_out=book.page),
                         tuple(_leader_row(book, p) for p in people))


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
    # Those reporting the newest summits (archives.py), and those that report none.
    sources: tuple[SourceRow, ...]
    archives: Archives


@dataclass(frozen=True)
class SourcesYear:
    """An archive page of the sources index: the sources whose newest summit reported is of
    one year."""

    archive: ArchiveOf
    sources: tuple[SourceRow, ...]


def _source_rows(page: str, sources: list[Source]) -> tuple[SourceRow, ...]:
    return tuple(SourceRow(s, links.relative(page, links.source_page(s.file)),
                           format_date(s.published) if s.published else None) for s in sources)


def sources_bounded(corpus: Corpus, reporting: dict[str, Summit]
                    ) -> tuple[list[Source], dict[str, list[Source]]]:
    """The sources index in full, in file order, and its archive years. ``reporting``: the
    newest summit each source reports (pages.meeting_sources); a source that reports none
    stays on the index."""
    reported = sorted((s for s in corpus.sources if s.id in reporting),
                      key=lambda s: (sort_key(reporting[s.id].date.value),
                                     reporting[s.id].id, s.file), reverse=True)
    years = archives.archived_years(reported, lambda s: reporting[s.id])
    shown = {s.id for s in archives.in_full(reported, lambda s: reporting[s.id])}
    in_year = {s.id: year for year, listed in years.items() for s in listed}
    return ([s for s in corpus.sources if s.id in shown or s.id not in reporting],
            {year: [s for s in corpus.sources if in_year.get(s.id) == year] for year in years})


def sources_index(corpus: Corpus, reporting: dict[str, Summit]) -> SourcesIndex:
    shown, years = sources_bounded(corpus, reporting)
    return SourcesIndex(_source_rows(links.SOURCES, shown),
                        archives.archives(links.SOURCES, years, links.sources_year_page))


def sources_year(years: dict[str, list[Source]], year: str) -> SourcesYear:
    """``years``: the archive years of sources_bounded."""
    page = links.sources_year_page(year)
    return SourcesYear(archives.archive_of(page, year, "Sources", links.SOURCES, years,
                                           links.sources_year_page),
                       _source_rows(page, years[year]))
