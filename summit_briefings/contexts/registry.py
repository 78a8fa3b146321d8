"""The page registry: every kind of page (KINDS: its template and the function that builds
its context), and every page of the site, its context, notes and footer built one at a time,
as the renderer asks for the next (page_contexts); pipeline.py renders them."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from threading import Event
from typing import Any

from ..evidence.verified import Evidence, Passage
from ..model.corpus import Corpus
from . import links
from .brief import Standing, brief_context, briefed_people, standing, took_part
from .briefings import (
    leader_context,
    leader_year,
    leader_years,
    summit_context,
    topic_context,
    topic_year,
    topic_years,
)
from .commitments import bounded as commitments_bounded
from .commitments import commitments_context, commitments_year
from .data_fields import data_fields
from .evolution import evolution_context, evolution_year, evolution_years
from .footer import Footer, footer, footer_dates, meeting_sources, newest_reported
from .index_pages import (
    home_context,
    leaders_by_name,
    leaders_index,
    people_by_name,
    sources_bounded,
    sources_index,
    sources_year,
    summits_index,
    summits_year,
    summits_years,
    timeline_events,
    timeline_year,
    topics_index,
)
from .notes import NoteLine, PageNotes, layouts_of
from .packs import pack_context
from .source_pages import citing_facts, source_context
from .trade import home_headlines, trade_context, trade_year, trade_years


@dataclass(frozen=True)
class PageKind:
    """A kind of page: its template, the function that builds its context (given first the
    page's notes, PageNotes, where the page cites anything), and the data it is generated
    from; ``{file}`` there stands for the page's own data file."""

    template: str
    build: Callable[..., Any]
    data: str
    cites: bool = True


TOPICS = "data/topics.yaml, data/summits/"
BRIEFS = "data/summits/, data/people.yaml, data/trade.yaml, data/topics.yaml"
KINDS: dict[str, PageKind] = {
    "home": PageKind("home.md.jinja", home_context, "data/"),
    "timeline_year": PageKind("timeline_year.md.jinja", timeline_year,
                              "data/milestones.yaml, data/summits/"),
    "summits": PageKind("summits.md.jinja", summits_index, "data/summits/"),
    "summits_year": PageKind("summits_year.md.jinja", summits_year, "data/summits/"),
    "summit": PageKind("summit.md.jinja", summit_context, "{file}"),
    "pack": PageKind("pack.md.jinja", pack_context,
                     "{file}, data/people.yaml, data/trade.yaml"),
    # The summits too where not everyone fits and it lists the people of the newest summits.
    "leaders": PageKind("leaders.md.jinja", leaders_index, "{file}"),
    "leaders_by_name": PageKind("leaders_by_name.md.jinja", leaders_by_name, "data/people.yaml"),
    "leader": PageKind("leader.md.jinja", leader_context, "data/people.yaml, data/summits/"),
    "leader_year": PageKind("leader_year.md.jinja", leader_year,
                            "data/people.yaml, data/summits/"),
    "brief": PageKind("brief.md.jinja", brief_context, BRIEFS),
    "topics": PageKind("topics.md.jinja", topics_index, "data/topics.yaml", cites=False),
    "topic": PageKind("topic.md.jinja", topic_context, TOPICS),
    "topic_year": PageKind("topic_year.md.jinja", topic_year, TOPICS),
    "trade": PageKind("trade.md.jinja", trade_context, "data/trade.yaml"),
    "trade_year": PageKind("trade_year.md.jinja", trade_year, "data/trade.yaml"),
    "commitments": PageKind("commitments.md.jinja", commitments_context,
                            "data/trade.yaml, data/summits/"),
    "commitments_year": PageKind("commitments_year.md.jinja", commitments_year,
                                 "data/trade.yaml, data/summits/"),
    "evolution": PageKind("evolution.md.jinja", evolution_context,
                          "data/tracked.yaml, data/summits/, data/trade.yaml"),
    "evolution_year": PageKind("evolution_year.md.jinja", evolution_year,
                               "data/summits/, data/trade.yaml"),
    "sources": PageKind("sources.md.jinja", sources_index, "data/sources.yaml", cites=False),
    "sources_year": PageKind("sources_year.md.jinja", sources_year,
                             "data/sources.yaml, data/summits/", cites=False),
    "source": PageKind("source.md.jinja", source_context, "data/sources/{file}", cites=False),
    "fields": PageKind("fields.md.jinja", data_fields, "summit_briefings/model/schema.py",
                       cites=False),
}


@dataclass(frozen=True)
class PageContext:
    """One page, ready to render: where it goes, its template and context, the notes it
    lists, its footer, and the data it is generated from."""

    path: str
    template: str
    context: Any
    notes: tuple[NoteLine, ...]
    footer: Footer
    data_file: str


class Superseded(Exception):
    """A build was stopped (its ``stop`` was set) because a newer one replaces it."""


class _Pages:
    """What every page's context is built with, and how one is built (page)."""

    def __init__(self, corpus: Corpus, evidence: Evidence, built: str | None,
                 stop: Event | None = None) -> None:
        self.corpus = corpus
        self.stop = stop
        self.evidence = evidence
        self.built = built
        self.layouts = layouts_of(corpus)
        self.source_dates = footer_dates(corpus)

    def page(self, kind: str, path: str, *args: Any, file: str = "",
             dated_by: frozenset[str] | None = None) -> PageContext:
        """``args``: what its builder takes after the notes; ``file``: its own data file;
        ``dated_by``: the sources its "as of" date counts (None: all)."""
        if self.stop is not None and self.stop.is_set():
            raise Superseded
        page_kind = KINDS[kind]
        book = PageNotes(path, self.corpus, self.evidence, self.layouts)
        context = page_kind.build(book, *args) if page_kind.cites else page_kind.build(*args)
        return PageContext(path, page_kind.template, context, book.listed(context),
                           footer(book, self.source_dates, self.built, dated_by),
                           page_kind.data.format(file=file))

    def summits(self, known: Standing, has_brief: set[str],
                files: frozenset[str] | None = None) -> Iterator[PageContext]:
        """Each summit's page and meeting pack; with ``files``, only those of the summits
        read from those data files."""
        corpus = self.corpus
        ordered = corpus.chronological
        summits_of = took_part(corpus)
        for index, summit in enumerate(ordered):
            data_file = corpus.origin(summit).doc.path
            if files is not None and data_file not in files:
                continue
            previous = ordered[index - 1] if index else None
            following = ordered[index + 1] if index + 1 < len(ordered) else None
            yield self.page("summit", links.summit_page(summit.id), summit, previous,
                            following, file=data_file, dated_by=meeting_sources(summit))
            yield self.page("pack", links.pack_page(summit.id), known, summit, previous,
                            following, summits_of, has_brief, file=data_file)


def summit_page_contexts(corpus: Corpus, evidence: Evidence, built: str | None,
                         files: frozenset[str]) -> list[PageContext]:
    """The pages generated from these summit files alone, each summit's page and meeting
    pack: what `mkdocs serve` shows first after a save to them (the other pages follow)."""
    pages = _Pages(corpus, evidence, built)
    return list(pages.summits(standing(corpus), set(briefed_people(corpus)), files))


def page_contexts(corpus: Corpus, evidence: Evidence, built: str | None,
                  stop: Event | None = None) -> Iterator[PageContext]:
    """Every page of the site, its context built when the next page is asked for: what
    several pages share (an archive's years, who took part in which summit, the standing of
    the commitments) is worked out once, before the first of them; no page's context needs
    another's, so each can be rendered, and let go, before the next is built. ``built``: the
    build date to print (None: none); once ``stop`` is set, raises Superseded before the
    next page."""
    pages = _Pages(corpus, evidence, built, stop)
    page = pages.page

    # A page that lists summits shows the newest and links to a page a year for the rest
    # (archives.py); each archive page is generated from the same data as its page.
    for topic in corpus.topics:
        yield page("topic", links.topic_page(topic.id), corpus, topic)
        topic_archive = topic_years(corpus, topic)
        for year in topic_archive:
            yield page("topic_year", links.topic_year_page(topic.id, year), topic,
                       topic_archive, year)
    yield page("evolution", links.EVOLUTION, corpus)
    evolution_archive = evolution_years(corpus)
    for year in evolution_archive:
        yield page("evolution_year", links.evolution_year_page(year), evolution_archive, year)
    yield page("trade", links.TRADE, corpus)
    trade_archive = trade_years(corpus)
    for year in trade_archive:
        yield page("trade_year", links.trade_year_page(year), corpus, trade_archive, year)
    yield page("commitments", links.COMMITMENTS, corpus)
    commitments = commitments_bounded(corpus)
    for year in commitments.years:
        yield page("commitments_year", links.commitments_year_page(year), corpus,
                   commitments, year)
    yield page("summits", links.SUMMITS, corpus)
    summits_archive = summits_years(corpus)
    for year in summits_archive:
        yield page("summits_year", links.summits_year_page(year), summits_archive, year)
    briefed = briefed_people(corpus)
    has_brief = set(briefed)
    # What every brief shows alike is judged once; each brief and pack cites only what it
    # shows, and so does the home page, which opens with the open commitments.
    known = standing(corpus)
    yield page("home", links.HOME, corpus, home_headlines(corpus, evidence), corpus.guides,
               known, has_brief)
    _, timeline_archive = timeline_events(corpus)
    for year in timeline_archive:
        yield page("timeline_year", links.timeline_year_page(year), corpus,
                   timeline_archive, year)
    reporting = newest_reported(corpus)
    yield page("sources", links.SOURCES, corpus, reporting)
    _, source_years = sources_bounded(corpus, reporting)
    for year in source_years:
        yield page("sources_year", links.sources_year_page(year), source_years, year)
    # Where not everyone fits on the leaders index, it lists the people of the newest summits.
    by_name = people_by_name(corpus)
    yield page("leaders", links.LEADERS, corpus, by_name,
               file="data/people.yaml, data/summits/" if by_name else "data/people.yaml")
    for country, name_pages in by_name.items():
        for path in name_pages:
            yield page("leaders_by_name", path, corpus, country, name_pages)
    yield page("topics", links.TOPICS, corpus)
    yield page("fields", links.FIELDS)

    yield from pages.summits(known, has_brief)
    ordered = corpus.chronological
    by_person: dict[str, list] = defaultdict(list)
    for summit in ordered:
        involved = {p.person for p in summit.participants}
        involved.update(person for o in summit.outcomes for person in o.by)
        for person in sorted(involved):
            by_person[person].append(summit)
    for person in corpus.people:
        yield page("leader", links.leader_page(person.id), person, by_person[person.id],
                   person.id in briefed)
        leader_archive = leader_years(by_person[person.id])
        for year in leader_archive:
            yield page("leader_year", links.leader_year_page(person.id, year), person,
                       leader_archive, year)

    yield page("brief", links.BRIEF, known, None, list(reversed(ordered)), has_brief)
    for person in corpus.people:
        if person.id in briefed:
            yield page("brief", links.brief_page(person.id), known, person, briefed[person.id])

    passages: dict[str, list[Passage]] = defaultdict(list)
    for passage in evidence.passages.values():
        passages[passage.source].append(passage)
    citing = citing_facts(corpus, evidence)
    for source in corpus.sources:
        yield page("source", links.source_page(source.file), corpus, source,
                   pages.layouts[source.id], passages[source.id], citing[source.id],
                   file=source.file)
