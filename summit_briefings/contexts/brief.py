"""Counterpart briefs: for each person of the two parties who took part in a summit (at
/leaders/<id>/brief/), and for the relationship as a whole (/brief/), what someone preparing
the next meeting needs on at most two printed sheets: the person's dated roles; every
meeting, the newest first, the newest in full with its bottom line and older ones one line
each; the open and past-deadline commitments, with the commitments page's statuses; trade
now against every standing target; and the last thing each side said on each topic.

What every brief shows alike (the statuses, each side's newest statement on each topic) is
worked out once per build (``standing``). A brief then cites only what it shows, and shows a
bounded number of each kind of item (``Bounds``), counting the rest and linking the page
that lists them all: its notes and sources stay the same size however many summits there are.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, replace
from typing import TypeVar

from ..model.corpus import Corpus
from ..model.dates import format_date
from ..model.schema import Citation, Outcome, Person, Summit, TargetStatement, Topic, TradeFigure
from . import links
from .briefings import Role, and_list
from .claims import Claim, claim, dated_roles, dated_text, same_office
from .commitments import (
    Commitment,
    JudgedPledge,
    JudgedTarget,
    Statement,
    commitment_row,
    deadline_text,
    judged_pledges,
    judged_targets,
    latest_stated_figure,
    qualified_by,
    qualified_text,
    statement_row,
)
from .formatting import format_billions
from .notes import PageNotes
from .refs import CitationRefs, PersonRef, SummitDay, SummitRef, place_text
from .targets import AHEAD, SETTLED, Status, evidence_date
from .trade import Computed, FigureRow, figure_row, needs_growth, required_growth


@dataclass(frozen=True)
class Bounds:
    """How many of each kind of item a brief (or a meeting pack) shows; the rest are counted
    and linked."""

    meetings_in_full: int = 5  # the newest meetings, each with its bottom line
    meetings_listed: int = 8  # older meetings, one line each
    roles: int = 4  # titles, the most recently stated first
    role_dates: int = 3  # dates listed for one title; beyond, the first and the latest
    targets: int = 2  # standing targets; and as many past their deadline
    pledges: int = 5  # open and past-deadline pledges, the newest first
    topics: int = 10  # topics, the most recently discussed first
    figures: int = 5  # actual trade figures, the newest first (a meeting pack's)


BOUNDS = Bounds()


def took_part(corpus: Corpus) -> dict[str, list[Summit]]:
    """Every person who took part in a summit, with the summits they took part in, the
    newest first."""
    found: dict[str, list[Summit]] = defaultdict(list)
    for summit in reversed(corpus.chronological):
        for person in dict.fromkeys(p.person for p in summit.participants):
            found[person].append(summit)
    return dict(found)


def briefed_people(corpus: Corpus) -> dict[str, list[Summit]]:
    """Who gets a brief: every person of the two parties who took part in a summit, with
    the summits they took part in, the newest first."""
    parties = {c.code for c in corpus.site.parties}
    return {person: summits for person, summits in took_part(corpus).items()
            if corpus.person(person).country in parties}


def sides_of(corpus: Corpus, outcome: Outcome) -> tuple[str, ...]:
    """The parties an outcome speaks for, in the parties' order: an agreement is both sides';
    a pledge or a request names its side; otherwise the countries of the people who said or
    did it. Background is context an article gives, said by no side."""
    parties = [c.code for c in corpus.site.parties]
    if outcome.kind == "background":
        return ()
    if outcome.kind == "agreement":
        return tuple(parties)
    if outcome.side:
        return (outcome.side,) if outcome.side in parties else ()
    countries = {corpus.person(p).country for p in outcome.by}
    return tuple(c for c in parties if c in countries)


@dataclass(frozen=True)
class Said:
    """A side's newest statement on a topic: the first of its outcomes on the topic at the
    newest summit where it made any (headline outcomes first); ``also``: how many other
    outcomes of that summit on the topic speak for the same side."""

    summit: Summit
    outcome: Outcome
    sides: tuple[str, ...]  # party codes: both when it is both sides' newest
    also: int


@dataclass(frozen=True)
class Standing:
    """What every brief shows alike, and what each meeting pack looks up, worked out once
    per build."""

    past_targets: tuple[JudgedTarget, ...]  # past their deadline, not shown met
    ahead_targets: tuple[JudgedTarget, ...]  # still ahead, the most recently stated first
    open_pledges: tuple[JudgedPledge, ...]  # not settled, the newest first
    latest_figure: TradeFigure | None
    topics: tuple[tuple[Topic, tuple[Said, ...]], ...]  # the most recently discussed first
    now: str  # the newest date in the data: what every status is judged at
    # By summit id: the targets stated there, with the statement (the commitments page's
    # order), and the pledges made there, each with its status.
    stated_at: dict[str, tuple[tuple[JudgedTarget, TargetStatement], ...]]
    pledged_at: dict[str, tuple[JudgedPledge, ...]]


def standing(corpus: Corpus) -> Standing:
    """The commitments still open and the targets still ahead, with the statuses of the
    commitments page (commitments.judged_*), and each side's newest statement on each
    topic (sides_of)."""
    order = {s.id: index for index, s in enumerate(corpus.chronological)}
    targets = judged_targets(corpus)
    # A target is as recent as the newest source that states it.
    ahead = sorted((j for j in targets if j.status.verdict in AHEAD),
                   key=lambda j: -max(order[s.summit] for s in j.target.statements))
    past = tuple(j for j in targets if j.status.verdict not in AHEAD | SETTLED)
    every_pledge = judged_pledges(corpus)
    pledges = tuple(j for j in every_pledge if j.status.verdict not in SETTLED)
    stated_at: dict[str, list[tuple[JudgedTarget, TargetStatement]]] = defaultdict(list)
    for judged in targets:
        for statement in judged.target.statements:
            stated_at[statement.summit].append((judged, statement))
    pledged_at: dict[str, list[JudgedPledge]] = defaultdict(list)
    for judged_pledge in every_pledge:
        pledged_at[judged_pledge.summit.id].append(judged_pledge)

    newest: dict[str, dict[str, tuple[Summit, Outcome]]] = defaultdict(dict)
    for summit in corpus.chronological:  # a later summit replaces an earlier one
        said: dict[tuple[str, str], list[Outcome]] = defaultdict(list)
        for outcome in sorted(summit.outcomes, key=lambda o: not o.headline):
            for side in sides_of(corpus, outcome):
                said[(outcome.topic, side)].append(outcome)
        for (topic, side), outcomes in said.items():
            newest[topic][side] = (summit, outcomes[0])
    parties = [c.code for c in corpus.site.parties]
    topics = []
    for index, topic in enumerate(corpus.topics):
        by_side = newest.get(topic.id)
        if not by_side:
            continue
        lines: list[tuple[Summit, Outcome, tuple[str, ...]]] = []
        for side in parties:
            if side not in by_side:
                continue
            summit, outcome = by_side[side]
            if lines and lines[-1][1] is outcome:  # both sides' newest: said once
                lines[-1] = (summit, outcome, (*lines[-1][2], side))
            else:
                lines.append((summit, outcome, (side,)))
        said_lines = tuple(Said(summit, outcome, sides, sum(
            1 for o in summit.outcomes if o is not outcome and o.topic == topic.id
            and set(sides_of(corpus, o)) & set(sides))) for summit, outcome, sides in lines)
        recency = max(order[line.summit.id] for line in said_lines)
        topics.append((-recency, index, topic, said_lines))
    return Standing(past, tuple(ahead), pledges, latest_stated_figure(corpus),
                    tuple((topic, lines) for *_, topic, lines in sorted(topics,
                                                                        key=lambda t: t[:2])),
                    evidence_date(corpus),
                    {k: tuple(v) for k, v in stated_at.items()},
                    {k: tuple(v) for k, v in pledged_at.items()})


@dataclass(frozen=True)
class Meeting:
    """A meeting in full: its bottom line, the summit's summary as its page opens with it;
    where none is recorded, the first of its headline outcomes, and how many more it has."""

    summit: SummitRef
    where: str  # the place, less what the summit's title names (refs.place_text)
    met: tuple[PersonRef, ...]  # who took part, but the person the brief is about
    summary: str | None
    summary_refs: CitationRefs | None
    headline: Claim | None  # only where no summary is recorded
    more_headlines: int


@dataclass(frozen=True)
class SideSaid:
    sides: str  # a party's name, or both parties' names ('A and B') for what both said
    summit: SummitDay
    claim: Claim
    also: int  # how many more statements that side made on the topic at that summit


@dataclass(frozen=True)
class TopicLine:
    name: str
    href: str
    said: tuple[SideSaid, ...]


@dataclass(frozen=True)
class TargetLine:
    what: str  # 'US$150 billion in bilateral trade, by 2030', with who qualifies it
    last: Statement  # the newest source that states it (in a meeting pack, its summit's),
    # its summit named by its date (SummitDay)
    statements: int  # how many sources state it
    status: Status  # the commitments page's, computed
    growth: Computed | None  # the yearly growth it needs from the latest figure, computed


@dataclass(frozen=True)
class BriefLink:
    name: str
    href: str


@dataclass
class BriefContext:
    title: str
    person: PersonRef | None  # None: the brief on the relationship as a whole
    parties: str  # the two parties' names, 'A and B'
    roles: tuple[Role, ...]  # the most recently stated title first
    more_roles: int
    meetings: tuple[Meeting, ...]  # the newest, in full
    earlier: tuple[SummitRef, ...]  # older ones, one line each
    more_meetings: int  # older still: counted, listed on the page meetings_href links
    meetings_total: int
    meetings_href: str
    pledges: tuple[Commitment, ...]  # open or past their deadline, the newest first
    more_pledges: int
    past_targets: tuple[TargetLine, ...]
    more_past_targets: int
    commitments_href: str
    latest_figure: FigureRow | None
    targets: tuple[TargetLine, ...]  # still ahead, the most recently stated first
    more_targets: int
    trade_href: str
    topics: tuple[TopicLine, ...]
    more_topics: int
    topics_href: str
    as_of: str  # '30 October 2025': the newest date in the data, the "now" of every status
    leader_href: str | None  # the person's page; None on the relationship brief
    relationship_href: str | None  # the relationship brief; None on it
    counterpart_briefs: tuple[BriefLink, ...]  # on the relationship brief: the newest meetings'


def bounded_roles(book: PageNotes, person: Person, bounds: Bounds) -> tuple[list[Role], int]:
    """Each office the data gives the person, with the dates it is stated as of (from their
    entry and the summits they attended), the most recently stated first. A short title
    stated on a date beside the one full title of the same office (claims.same_office:
    'President' beside 'President of Norland') is shown once, as the full title, its
    citations with the full title's. A title stated on more dates than the bound shows the
    first and the latest, each cited, and counts those between (the leader page lists every
    one)."""
    roles = dated_roles(book.corpus, person)  # oldest first
    country = book.corpus.country_name(person.country)
    dated: dict[str, dict[str, list[Citation]]] = {}
    last: dict[str, int] = {}
    for index, role in enumerate(roles):
        full = {r.title: r for r in roles if same_office(role, r, country)}
        shown = next(iter(full.values())) if len(full) == 1 else role
        dated.setdefault(shown.title, {}).setdefault(dated_text(shown), []).extend(role.cite)
        last[shown.title] = max(last.get(shown.title, index), index)
    rows = []
    for title in sorted(dated, key=lambda t: -last[t]):
        dates = dated[title]
        texts = list(dates)
        if len(texts) > bounds.role_dates:
            shown = [texts[0], texts[-1]]
            between = len(texts) - 2
            as_of = (f"{texts[0]} and {texts[-1]}, and {between} "
                     f"date{'s' if between != 1 else ''} between")
        else:
            shown, as_of = texts, and_list(texts)
        rows.append(Role(title, as_of, book.refs(c for t in shown for c in dates[t])))
    return rows[:bounds.roles], max(0, len(rows) - bounds.roles)


def _meeting(book: PageNotes, summit: Summit, person: str | None) -> Meeting:
    met = tuple(book.person_ref(p) for p in dict.fromkeys(x.person for x in summit.participants)
                if p != person)
    ref, where = book.summit_ref(summit), place_text(summit, after_title=True)
    if summit.summary:
        return Meeting(ref, where, met, summit.summary.text, book.refs(summit.summary.cite),
                       None, 0)
    headline = [o for o in summit.outcomes if o.headline]
    return Meeting(ref, where, met, None, None,
                   claim(book, headline[0]) if headline else None, max(0, len(headline) - 1))


def target_line(book: PageNotes, corpus: Corpus, judged: JudgedTarget,
                latest: TradeFigure | None, shown: TargetStatement | None = None) -> TargetLine:
    """A target with its status; ``shown``: the statement to give, else its newest."""
    t = judged.target
    currency = t.currency or corpus.site.currency
    statements = t.statements
    growth = (required_growth(latest, t.amount, t.deadline)
              if latest and needs_growth(latest, t) else None)
    return TargetLine(
        qualified_text(f"{format_billions(t.amount, currency)} in bilateral trade, "
                       f"{deadline_text(t.deadline, t.horizon)}", qualified_by(corpus, t)),
        dated(statement_row(book, corpus, t, shown or statements[-1])), len(statements),
        judged.status, growth)


Dated = TypeVar("Dated", Statement, Commitment)


def dated(row: Dated) -> Dated:
    """The row with its summit named by its date alone, as the brief prints it."""
    return replace(row, summit=row.summit.day())


def _side_names(corpus: Corpus, sides: tuple[str, ...]) -> str:
    return and_list([corpus.country_name(code) or code for code in sides])


def brief_context(book: PageNotes, known: Standing, person: Person | None,
                  summits: list[Summit], briefed: set[str] | None = None,
                  bounds: Bounds | None = None) -> BriefContext:
    """A person's brief, or with ``person`` None the relationship's. ``summits``: the
    meetings it covers, the newest first (briefed_people's, or every summit); ``briefed``:
    who has a brief, for the relationship brief's links to the newest meetings' people;
    ``bounds``: BOUNDS unless given."""
    corpus, page = book.corpus, book.page
    bounds = bounds or BOUNDS
    pid = person.id if person else None
    in_full = summits[:bounds.meetings_in_full]
    earlier = summits[bounds.meetings_in_full:bounds.meetings_in_full + bounds.meetings_listed]
    roles, more_roles = bounded_roles(book, person, bounds) if person else ([], 0)
    latest = known.latest_figure
    topics = [TopicLine(topic.name, links.relative(page, links.topic_page(topic.id)), tuple(
        SideSaid(_side_names(corpus, said.sides), book.summit_ref(said.summit).day(),
                 claim(book, said.outcome), said.also) for said in lines))
        for topic, lines in known.topics[:bounds.topics]]
    counterparts: dict[str, PersonRef] = {}
    if person is None:
        for summit in in_full:
            for p in summit.participants:
                if p.person in (briefed or ()):
                    counterparts.setdefault(p.person, book.person_ref(p.person))
    parties = and_list([c.name for c in corpus.site.parties])
    return BriefContext(
        title=f"Counterpart brief: {person.name}" if person else f"Relationship brief: {parties}",
        person=book.person_ref(person.id) if person else None,
        parties=parties,
        roles=tuple(roles), more_roles=more_roles,
        meetings=tuple(_meeting(book, s, pid) for s in in_full),
        earlier=tuple(book.summit_ref(s) for s in earlier),
        more_meetings=max(0, len(summits) - len(in_full) - len(earlier)),
        meetings_total=len(summits),
        meetings_href=links.relative(page, links.leader_page(pid), "summits") if person
        else links.relative(page, links.SUMMITS),
        pledges=tuple(dated(commitment_row(book, corpus, j))
                      for j in known.open_pledges[:bounds.pledges]),
        more_pledges=max(0, len(known.open_pledges) - bounds.pledges),
        past_targets=tuple(target_line(book, corpus, j, latest)
                           for j in known.past_targets[:bounds.targets]),
        more_past_targets=max(0, len(known.past_targets) - bounds.targets),
        commitments_href=links.relative(page, links.COMMITMENTS),
        latest_figure=figure_row(book, latest) if latest else None,
        targets=tuple(target_line(book, corpus, j, latest)
                      for j in known.ahead_targets[:bounds.targets]),
        more_targets=max(0, len(known.ahead_targets) - bounds.targets),
        trade_href=links.relative(page, links.TRADE),
        topics=tuple(topics), more_topics=max(0, len(known.topics) - bounds.topics),
        topics_href=links.relative(page, links.TOPICS),
        as_of=format_date(known.now),
        leader_href=links.relative(page, links.leader_page(pid)) if person else None,
        relationship_href=links.relative(page, links.BRIEF) if person else None,
        counterpart_briefs=tuple(
            BriefLink(p.name, links.relative(page, links.brief_page(p.id)))
            for p in sorted(counterparts.values(), key=lambda p: p.sort_key)),
    )
