"""The whole generator as one function: data/ and templates/ in, Markdown pages out.

load → validate → verify citations → build page contexts → render. Nothing here touches
the output folder; ``write.py`` does that, and the MkDocs hook uses the pages directly.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

from . import links
from .briefings import leader_context, summit_context
from .commitments import commitments_context
from .corpus import Corpus
from .dates import format_date, sort_key
from .errors import BriefingError
from .evolution import evolution_context
from .exports import exports
from .overview import (
    Citing,
    Headline,
    home_context,
    leader_groups,
    source_context,
    summit_rows,
    topic_context,
)
from .quotes import Evidence, Passage
from .reference import model_docs
from .render import (
    RenderCache,
    compile_templates,
    environment,
    page_key,
    render_page,
    templates_fingerprint,
)
from .schema import Citation, Summit
from .sources import Paragraph
from .trade import required_growth, trade_context
from .validate import validate, walk_models
from .verify import verify_citations
from .views import NoteBook, SourceDate, footer, format_billions, layouts_of, place_text


@dataclass(frozen=True)
class Site:
    """Every generated page's Markdown by path (relative to docs), data exports (path →
    text), and what verification proved."""

    pages: dict[str, str]
    files: dict[str, str]
    corpus: Corpus
    evidence: Evidence


# A fact citing a source, before verification says which passage it quotes.
Unanchored = tuple[str, str, str, Citation]  # label, text, href of its page, citation


def citing_facts(corpus: Corpus) -> dict[str, list[Unanchored]]:
    """For each source, the facts that cite it and the page each appears on."""
    found: dict[str, list[Unanchored]] = defaultdict(list)

    def add(cites: list[Citation], label: str, text: str, page: str) -> None:
        for cite in cites:
            href = links.relative(links.source_page(corpus.source(cite.source).file), page)
            found[cite.source].append((label, text, href, cite))

    for summit in corpus.summits:
        page = links.summit_page(summit.id)
        add(summit.date.cite, f"{summit.title} · date", format_date(summit.date.value), page)
        if summit.place:
            add(summit.place.cite, f"{summit.title} · place", place_text(summit), page)
        add(summit.occasion.cite, f"{summit.title} · occasion", summit.occasion.text, page)
        if summit.summary:
            add(summit.summary.cite, f"{summit.title} · bottom line", summit.summary.text, page)
        for participant in summit.participants:
            add(participant.cite, f"{summit.title} · participant",
                f"{corpus.person(participant.person).name}, {participant.role}", page)
        for outcome in summit.outcomes:
            add(outcome.cite, f"{summit.title} · {outcome.kind}", outcome.text, page)
    for person in corpus.people:
        page = links.leader_page(person.id)
        add(person.cite, person.name, "name as written", page)
        for role in person.roles:
            add(role.cite, person.name, f"{role.title}, {format_date(role.as_of)}", page)
    for figure in corpus.trade.figures:
        amount = format_billions(figure.amount, figure.currency)
        add(figure.cite, "Actual trade", f"{figure.year}: {amount}", links.TRADE)
    for target in corpus.trade.targets:
        amount = format_billions(target.amount, target.currency)
        add(target.cite, "Trade target", f"{amount} by {target.deadline or target.horizon}",
            links.TRADE)
    for milestone in corpus.milestones:
        add(milestone.cite, "Milestone", milestone.text, links.HOME)
    return found


def source_dates(corpus: Corpus) -> dict[str, SourceDate]:
    """How recent each source is: its publication date, else the latest summit it reports
    (inferred when that summit's date is)."""
    reported: dict[str, SourceDate] = {}
    for summit in corpus.summits:
        for model, _ in walk_models(summit, ()):
            if isinstance(model, Citation):
                current = reported.get(model.source)
                if current is None or sort_key(summit.date.value) > sort_key(current.date):
                    reported[model.source] = SourceDate(summit.date.value,
                                                        summit.date.inferred_note)
    return {**reported, **{s.id: SourceDate(s.published, None)
                           for s in corpus.sources if s.published}}


def meeting_sources(summit: Summit) -> frozenset[str]:
    """The sources that report the meeting itself: those that say who took part. Sources
    cited only for background or a clue to the date do not date its page."""
    return frozenset(c.source for p in summit.participants for c in p.cite)


def checked_corpus(root: Path) -> tuple[Corpus, Evidence]:
    """Validate, then verify: the corpus and its evidence. Raises BriefingError listing every
    problem of both stages: when validation fails, the entries that were valid are still
    verified, so one run reports every problem (a misspelt person id does not hide the
    quote errors in the same file)."""
    try:
        corpus = validate(root)
    except BriefingError as invalid:
        if invalid.partial is None:
            raise
        try:
            verify_citations(invalid.partial)
        except BriefingError as unverified:
            raise BriefingError(invalid.problems + unverified.problems) from None
        raise
    return corpus, verify_citations(corpus)


def check_site(root: Path) -> Site:
    """Validate and verify without rendering. Raises BriefingError on bad input."""
    corpus, evidence = checked_corpus(root)
    return Site({}, {}, corpus, evidence)


def build_site(root: Path, built: str | None = None, cache: RenderCache | None = None) -> Site:
    """Validate, verify and render every page. Raises BriefingError on bad input.

    ``built`` is the build date to print (see stamp.py); None prints none. With a ``cache``
    from an earlier build (``mkdocs serve``), only pages whose content changed are rendered
    again.
    """
    corpus, evidence = checked_corpus(root)
    env = environment(root / "templates")
    compile_templates(env)
    layouts = layouts_of(corpus)
    dates = source_dates(corpus)
    fingerprint = templates_fingerprint(root / "templates") if cache is not None else ""
    if cache is not None:
        cache.rendered = 0
    pages: dict[str, str] = {}
    for job in page_jobs(corpus, evidence, layouts, citing_facts(corpus),
                         editor_guides(root / "docs")):
        book = NoteBook(job.path, corpus, evidence, layouts)
        page = job.context(book)
        closing = footer(book, dates, built, job.dated_by)
        text = partial(render_page, env, job.template, page, book, job.data_file, closing)
        if cache is None:
            pages[job.path] = text()
        else:
            key = page_key(fingerprint, job.template, page, book.notes, job.data_file, closing)
            pages[job.path] = cache.page(job.path, key, text)
    if cache is not None:
        cache.keep_only(set(pages))
    return Site(dict(sorted(pages.items())), exports(corpus), corpus, evidence)


@dataclass(frozen=True)
class PageJob:
    """One page to generate: where it goes, its template, how to build its context (given
    the page's citation notebook), and the data it is generated from."""

    path: str
    template: str
    context: Callable[[NoteBook], Any]
    data_file: str
    dated_by: frozenset[str] | None = None  # the sources its "as of" date counts; None: all


def editor_guides(docs: Path) -> dict[str, str]:
    """The hand-written pages of docs/guide/, as {title: path}, the title being the first
    heading: the home page links them for editors; a new site may have none."""
    guides = {}
    for path in sorted((docs / "guide").glob("*.md")):
        text = path.read_text(encoding="utf-8")
        if text.startswith("---\n"):  # front matter: its comments are not headings
            text = text.partition("\n---\n")[2]
        heading = next((line[2:].strip() for line in text.splitlines()
                        if line.startswith("# ")), path.stem)
        guides[heading] = f"guide/{path.name}"
    return guides


def page_jobs(corpus: Corpus, evidence: Evidence, layouts: dict[str, list[Paragraph]],
              citing: dict[str, list[Unanchored]], guides: dict[str, str]) -> list[PageJob]:
    """Every page of the site. ``citing``: see citing_facts; ``guides``: editor_guides."""
    jobs: list[PageJob] = []

    def emit(path: str, template: str, build: Callable[[NoteBook], Any], data_file: str,
             dated_by: frozenset[str] | None = None) -> None:
        jobs.append(PageJob(path, template, build, data_file, dated_by))

    for topic in corpus.topics:
        emit(links.topic_page(topic.id), "topic.md.jinja",
             lambda book, t=topic: topic_context(book, corpus, t),
             "data/topics.yaml, data/summits/")
    emit(links.EVOLUTION, "evolution.md.jinja", lambda book: evolution_context(book, corpus),
         "data/tracked.yaml, data/summits/, data/trade.yaml")
    emit(links.TRADE, "trade.md.jinja", lambda book: trade_context(book, corpus),
         "data/trade.yaml")
    emit(links.COMMITMENTS, "commitments.md.jinja",
         lambda book: commitments_context(book, corpus), "data/trade.yaml, data/summits/")
    emit(links.SUMMITS, "summits.md.jinja",
         lambda book: summit_rows(book, corpus), "data/summits/")
    emit(links.HOME, "home.md.jinja",
         lambda book: home_context(book, corpus, _headlines(corpus, evidence), guides), "data/")
    emit(links.SOURCES, "sources.md.jinja",
         lambda book: tuple((s, links.relative(links.SOURCES, links.source_page(s.file)),
                             format_date(s.published) if s.published else None)
                            for s in corpus.sources), "data/sources.yaml")
    emit(links.LEADERS, "leaders.md.jinja",
         lambda book: leader_groups(book, corpus), "data/people.yaml")
    counts = {topic: sum(len(outcomes) for _, outcomes in listed)
              for topic, listed in corpus.by_topic.items()}
    emit(links.TOPICS, "topics.md.jinja",
         lambda book: tuple((t, links.relative(links.TOPICS, links.topic_page(t.id)),
                             counts.get(t.id, 0)) for t in corpus.topics), "data/topics.yaml")
    emit(links.FIELDS, "fields.md.jinja", lambda book: model_docs(),
         "summit_briefings/schema.py")

    ordered = corpus.chronological
    by_person: dict[str, list] = defaultdict(list)
    for index, summit in enumerate(ordered):
        previous = ordered[index - 1] if index else None
        following = ordered[index + 1] if index + 1 < len(ordered) else None
        data_file = corpus.origin(summit).doc.path
        emit(links.summit_page(summit.id), "summit.md.jinja",
             lambda book, s=summit, p=previous, f=following, d=data_file:
             summit_context(book, s, d, p, f), data_file, meeting_sources(summit))
        involved = {p.person for p in summit.participants}
        involved.update(person for o in summit.outcomes for person in o.by)
        for person in sorted(involved):
            by_person[person].append(summit)
    for person in corpus.people:
        emit(links.leader_page(person.id), "leader.md.jinja",
             lambda book, p=person: leader_context(book, p, by_person[p.id]),
             "data/people.yaml, data/summits/")

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
    found = []
    stated = sorted((f for f in corpus.trade.figures if not f.derived), key=lambda f: f.year)
    for label, item in (
        ("Latest actual trade", stated[-1] if stated else None),
        ("Latest trade target", max(corpus.trade.targets, default=None,
                                    key=lambda t: (corpus.summit(t.summit).date.value, t.amount))),
    ):
        if item is None:
            continue
        cite = item.cite[0]
        passage = evidence.passage(cite.source, cite.quote)
        href = links.relative(links.HOME, links.source_page(corpus.source(cite.source).file),
                              passage.anchor)
        amount = format_billions(item.amount, item.currency)
        when = f"in {item.year}" if hasattr(item, "year") else (
            f"by {item.deadline}" if item.deadline else item.horizon)
        found.append(Headline(label, f"{amount} {when}", href))
    target = max((t for t in corpus.trade.targets if t.deadline), default=None,
                 key=lambda t: (corpus.summit(t.summit).date.value, t.amount))
    if stated and target and target.deadline > stated[-1].year \
            and target.currency == stated[-1].currency:
        latest = stated[-1]
        gap = format_billions(target.amount - latest.amount, latest.currency)
        growth = required_growth(latest, target.amount, target.deadline)
        found.append(Headline(
            "Gap to that target (computed)",
            f"{gap} from {latest.year}; {growth.answer} needed",
            links.relative(links.HOME, links.TRADE) + "#computed"))
    return tuple(found)
