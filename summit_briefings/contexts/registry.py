"""Every page of the site: its path, its template, how to build its context, and the data it
comes from. Contexts are built here, before rendering; pipeline.py renders them."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ..evidence.sources import Paragraph
from ..evidence.verified import Evidence, Passage
from ..model.corpus import Corpus
from . import links
from .brief import brief_context, briefed_people, standing, took_part
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
from .footer import meeting_sources, newest_reported
from .index_pages import (
    home_context,
    leaders_index,
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
from .notes import PageNotes
from .packs import pack_context
from .source_pages import Citing, Unanchored, source_context
from .trade import home_headlines, trade_context, trade_year, trade_years


@dataclass(frozen=True)
class PageJob:
    """One page to generate: where it goes, its template, how to build its context (given
    the page's citation notebook), and the data it is generated from."""

    path: str
    template: str
    context: Callable[[PageNotes], Any]
    data_file: str
    dated_by: frozenset[str] | None = None  # the sources its "as of" date counts; None: all


def page_jobs(corpus: Corpus, evidence: Evidence, layouts: dict[str, list[Paragraph]],
              citing: dict[str, list[Unanchored]], guides: dict[str, str]) -> list[PageJob]:
    """Every page of the site. ``citing``: see citing_facts; ``guides``: editor_guides."""
    jobs: list[PageJob] = []

    def emit(path: str, template: str, build: Callable[[PageNotes], Any], data_file: str,
             dated_by: frozenset[str] | None = None) -> None:
        jobs.append(PageJob(path, template, build, data_file, dated_by))

    # A page that lists summits shows the newest and links to a page a year for the rest
    # (archives.py); each archive page is generated from the same data as its page.
    for topic in corpus.topics:
        emit(links.topic_page(topic.id), "topic.md.jinja",
             lambda book, t=topic: topic_context(book, corpus, t),
             "data/topics.yaml, data/summits/")
        topic_archive = topic_years(corpus, topic)
        for year in topic_archive:
            emit(links.topic_year_page(topic.id, year), "topic_year.md.jinja",
                 lambda book, t=topic, ys=topic_archive, y=year: topic_year(book, t, ys, y),
                 "data/topics.yaml, data/summits/")
    emit(links.EVOLUTION, "evolution.md.jinja", lambda book: evolution_context(book, corpus),
         "data/tracked.yaml, data/summits/, data/trade.yaml")
    evolution_archive = evolution_years(corpus)
    for year in evolution_archive:
        emit(links.evolution_year_page(year), "evolution_year.md.jinja",
             lambda book, y=year: evolution_year(book, evolution_archive, y),
             "data/summits/, data/trade.yaml")
    emit(links.TRADE, "trade.md.jinja", lambda book: trade_context(book, corpus),
         "data/trade.yaml")
    trade_archive = trade_years(corpus)
    for year in trade_archive:
        emit(links.trade_year_page(year), "trade_year.md.jinja",
             lambda book, y=year: trade_year(book, corpus, trade_archive, y), "data/trade.yaml")
    emit(links.COMMITMENTS, "commitments.md.jinja",
         lambda book: commitments_context(book, corpus), "data/trade.yaml, data/summits/")
    commitments = commitments_bounded(corpus)
    for year in commitments.years:
        emit(links.commitments_year_page(year), "commitments_year.md.jinja",
             lambda book, y=year: commitments_year(book, corpus, commitments, y),
             "data/trade.yaml, data/summits/")
    emit(links.SUMMITS, "summits.md.jinja",
         lambda book: summits_index(book, corpus), "data/summits/")
    summits_archive = summits_years(corpus)
    for year in summits_archive:
        emit(links.summits_year_page(year), "summits_year.md.jinja",
             lambda book, y=year: summits_year(book, summits_archive, y), "data/summits/")
    briefed = briefed_people(corpus)
    has_brief = set(briefed)
    # What every brief shows alike is judged once; each brief and pack cites only what it
    # shows, and so does the home page, which opens with the open commitments.
    known = standing(corpus)
    emit(links.HOME, "home.md.jinja",
         lambda book: home_context(book, corpus, home_headlines(corpus, evidence), guides, known,
                                   has_brief), "data/")
    _, timeline_archive = timeline_events(corpus)
    for year in timeline_archive:
        emit(links.timeline_year_page(year), "timeline_year.md.jinja",
             lambda book, y=year: timeline_year(book, corpus, timeline_archive, y),
             "data/milestones.yaml, data/summits/")
    reporting = newest_reported(corpus)
    emit(links.SOURCES, "sources.md.jinja", lambda book: sources_index(corpus, reporting),
         "data/sources.yaml")
    _, source_years = sources_bounded(corpus, reporting)
    for year in source_years:
        emit(links.sources_year_page(year), "sources_year.md.jinja",
             lambda book, y=year: sources_year(source_years, y),
             "data/sources.yaml, data/summits/")
    emit(links.LEADERS, "leaders.md.jinja",
         lambda book: leaders_index(book, corpus), "data/people.yaml")
    emit(links.TOPICS, "topics.md.jinja", lambda book: topics_index(corpus),
         "data/topics.yaml")
    emit(links.FIELDS, "fields.md.jinja", lambda book: data_fields(),
         "summit_briefings/model/schema.py")

    ordered = corpus.chronological
    summits_of = took_part(corpus)
    by_person: dict[str, list] = defaultdict(list)
    for index, summit in enumerate(ordered):
        previous = ordered[index - 1] if index else None
        following = ordered[index + 1] if index + 1 < len(ordered) else None
        data_file = corpus.origin(summit).doc.path
        emit(links.summit_page(summit.id), "summit.md.jinja",
             lambda book, s=summit, p=previous, f=following: summit_context(book, s, p, f),
             data_file, meeting_sources(summit))
        emit(links.pack_page(summit.id), "pack.md.jinja",
             lambda book, s=summit, p=previous, f=following: pack_context(
                 book, known, s, p, f, summits_of, has_brief),
             f"{data_file}, data/people.yaml, data/trade.yaml")
        involved = {p.person for p in summit.participants}
        involved.update(person for o in summit.outcomes for person in o.by)
        for person in sorted(involved):
            by_person[person].append(summit)
    for person in corpus.people:
        emit(links.leader_page(person.id), "leader.md.jinja",
             lambda book, p=person: leader_context(book, p, by_person[p.id],
                                                   p.id in briefed),
             "data/people.yaml, data/summits/")
        leader_archive = leader_years(by_person[person.id])
        for year in leader_archive:
            emit(links.leader_year_page(person.id, year), "leader_year.md.jinja",
                 lambda book, p=person, ys=leader_archive, y=year: leader_year(book, p, ys, y),
                 "data/people.yaml, data/summits/")

    briefs_from = "data/summits/, data/people.yaml, data/trade.yaml, data/topics.yaml"
    newest_first = list(reversed(ordered))
    emit(links.BRIEF, "brief.md.jinja",
         lambda book: brief_context(book, known, None, newest_first, has_brief),
         briefs_from)
    for person in corpus.people:
        if person.id in briefed:
            emit(links.brief_page(person.id), "brief.md.jinja",
                 lambda book, p=person: brief_context(book, known, p, briefed[p.id]),
                 briefs_from)

    passages: dict[str, list[Passage]] = defaultdict(list)
    for passage in evidence.passages.values():
        passages[passage.source].append(passage)

    def anchored(facts: list[Unanchored]) -> list[Citing]:
        return [Citing(label, text, href, evidence.passage(cite.source, cite.quote).anchor)
                for label, text, href, cite in facts]

    for source in corpus.sources:
        emit(links.source_page(source.file), "source.md.jinja",
             lambda book, s=source: source_context(corpus, s, layouts[s.id], passages[s.id],
                                                   anchored(citing[s.id])),
             f"data/sources/{source.file}")
    return jobs


