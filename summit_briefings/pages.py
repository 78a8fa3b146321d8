"""Every page of the site: its path, its template, how to build its context, and the data it
comes from. Contexts are built here, before rendering; pipeline.py renders them."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mkdocs.utils.meta import get_data

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
from .commitments import commitments_context, commitments_year, latest_stated_figure
from .corpus import Corpus
from .data_fields import data_fields
from .dates import sort_key
from .errors import display_path
from .evolution import evolution_context, evolution_year, evolution_years
from .facts import all_facts
from .index_pages import (
    Headline,
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
from .load import utf8_text
from .packs import pack_context
from .project_files import read_bounded
from .quotes import Evidence, Passage
from .schema import Citation, Summit, TradeFigure, TradeTarget
from .source_pages import Citing, source_context
from .sources import Paragraph
from .trade import needs_growth, required_growth, trade_context, trade_year, trade_years
from .views import PageNotes, SourceDate, format_billions

# A fact citing a source, before verification says which passage it quotes.
Unanchored = tuple[str, str, str, Citation]  # label, text, href of its page, citation


def citing_facts(corpus: Corpus) -> dict[str, list[Unanchored]]:
    """For each source, the facts that cite it and the page each appears on."""
    found: dict[str, list[Unanchored]] = defaultdict(list)
    for fact in all_facts(corpus):
        for cite in fact.cites:
            href = links.relative(links.source_page(corpus.source(cite.source).file), fact.page)
            found[cite.source].append((fact.label, fact.text, href, cite))
    return found


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


@dataclass(frozen=True)
class PageJob:
    """One page to generate: where it goes, its template, how to build its context (given
    the page's citation notebook), and the data it is generated from."""

    path: str
    template: str
    context: Callable[[PageNotes], Any]
    data_file: str
    dated_by: frozenset[str] | None = None  # the sources its "as of" date counts; None: all


MAX_GUIDE_BYTES = 1_000_000


def editor_guides(root: Path) -> dict[str, str]:
    """The hand-written pages of docs/guide/, as {title: path}, the title being the first
    heading: the home page links them for editors; a new site may have none."""
    guides = {}
    for path in sorted((root / "docs" / "guide").glob("*.md")):
        raw = read_bounded(path, root, MAX_GUIDE_BYTES, "a guide page")
        # The page as MkDocs reads it, less its front matter, whose comments are not headings.
        text, _ = get_data(utf8_text(raw, display_path(path, root)))
        heading = next((line[2:].strip() for line in text.splitlines()
                        if line.startswith("# ")), path.stem)
        guides[heading] = f"guide/{path.name}"
    return guides


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
         lambda book: home_context(book, corpus, _headlines(corpus, evidence), guides, known,
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
    # Where not everyone fits on the leaders index, it lists the people of the newest summits.
    by_name = people_by_name(corpus)
    emit(links.LEADERS, "leaders.md.jinja", lambda book: leaders_index(book, corpus, by_name),
         "data/people.yaml, data/summits/" if by_name else "data/people.yaml")
    for country, name_pages in by_name.items():
        for path in name_pages:
            emit(path, "leaders_by_name.md.jinja",
                 lambda book, c=country, ps=name_pages: leaders_by_name(book, corpus, c, ps),
                 "data/people.yaml")
    emit(links.TOPICS, "topics.md.jinja", lambda book: topics_index(corpus),
         "data/topics.yaml")
    emit(links.FIELDS, "fields.md.jinja", lambda book: data_fields(),
         "summit_briefings/schema.py")

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


def _headlines(corpus: Corpus, evidence: Evidence) -> tuple[Headline, ...]:
    """The latest stated trade figure and the latest target, linked to their sentences."""

    def sentence(item: TradeFigure | TradeTarget) -> str:
        cite = item.cite[0]
        passage = evidence.passage(cite.source, cite.quote)
        return links.relative(links.HOME, links.source_page(corpus.source(cite.source).file),
                              passage.anchor)

    def recency(target: TradeTarget) -> tuple[str, float]:
        """A target is as recent as the latest source that states it."""
        return max(sort_key(corpus.summit(s.summit).date.value)
                   for s in target.statements), target.amount

    found = []
    latest = latest_stated_figure(corpus)
    if latest:
        amount = format_billions(latest.amount, latest.currency)
        found.append(Headline("Latest actual trade", f"{amount} in {latest.year}",
                              sentence(latest)))
    newest = max(corpus.trade.targets, default=None, key=recency)
    if newest:
        by = f"by {newest.deadline}" if newest.deadline else newest.horizon
        found.append(Headline("Latest trade target",
                              f"{format_billions(newest.amount, newest.currency)} {by}",
                              sentence(newest)))
    target = max((t for t in corpus.trade.targets if t.deadline), default=None, key=recency)
    if latest and target and needs_growth(latest, target):
        gap = format_billions(target.amount - latest.amount, latest.currency)
        growth = required_growth(latest, target.amount, target.deadline)
        found.append(Headline(
            "Gap to that target (computed)",
            f"{gap} from {latest.year}; {growth.answer} needed",
            links.relative(links.HOME, links.TRADE) + "#computed"))
    return tuple(found)
