"""Contexts for the briefing pages: a summit, a leader, and a topic across summits."""

from __future__ import annotations

from dataclasses import dataclass

from ..model.corpus import Corpus, summit_order
from ..model.schema import Outcome, Person, Summit, Topic
from . import archives, links
from .archives import ArchiveOf, Archives, archived_summits
from .claims import (
    Claim,
    DatedRole,
    DescriptionView,
    RoleView,
    claim,
    dated_text,
    descriptions,
    latest_role,
    role_view,
    stated_roles,
)
from .notes import PageNotes
from .refs import CALLS, CitationRefs, PersonRef, SummitRef

# The order the summit template shows outcome kinds in, after the bottom line and figures.
# A leader's summits table, where the source gives no title for the role they met in.
NO_ROLE = "no title given"
SECTIONS = (("agreement", "Agreements"), ("pledge", "Pledges"), ("position", "Positions"),
            ("invitation", "Invitations and visits"), ("background", "Background"))


@dataclass(frozen=True)
class Participant:
    person: PersonRef
    role: RoleView | None  # as of the summit's date; None where the source gives no title
    refs: CitationRefs


@dataclass(frozen=True)
class Section:
    title: str
    claims: tuple[Claim, ...]


@dataclass
class SummitContext:
    title: str  # the summit's; a meeting pack's own (packs.PackContext)
    summit: SummitRef
    pack: str | None  # the summit's meeting pack; None on the pack itself
    date_reasoning: str | None
    date_refs: CitationRefs
    place_refs: CitationRefs | None  # None: a call with no place given
    place_reasoning: str | None
    call: str | None  # 'by phone', 'by video call'; None in person
    participants_label: str  # 'Who met', 'Who spoke'
    occasion_kind: str
    occasion_text: str
    occasion_refs: CitationRefs
    participants: tuple[Participant, ...]
    summary: str | None
    summary_refs: CitationRefs | None
    # The key outcomes, listed as the bottom line where no summary is recorded; a summary is
    # the bottom line, and is not followed by the key outcomes it sums up again. Every
    # outcome, key or not, is listed in its own section below (figures, sections, requests,
    # quotes), a key one marked there (Claim.key).
    bottom_line: tuple[Claim, ...]
    figures: tuple[Claim, ...]  # the outcomes that give figures, but the key ones
    sections: tuple[Section, ...]
    requests: tuple[Section, ...]
    quotes: tuple[Claim, ...]
    previous: SummitRef | None
    next: SummitRef | None


def summit_context(book: PageNotes, summit: Summit,
                   previous: Summit | None, following: Summit | None) -> SummitContext:
    # Citations are labelled, not numbered, so the order these are built in does not matter.
    claims = [claim(book, o) for o in summit.outcomes]
    summary = summit.summary.text if summit.summary else None
    # A key outcome is listed with its kind (an agreement among the agreements), amounts and
    # all; the figures' table gives the others that state amounts.
    rest = [c for c in claims if c.key or not c.figures]
    requests = []
    for side in sorted({c.side for c in rest if c.kind == "request" and c.side}):
        asked = tuple(c for c in rest if c.kind == "request" and c.side == side)
        requests.append(Section(f"{side} asked {asked[0].of_side or 'the other side'}", asked))
    participants = tuple(
        Participant(book.person_ref(p.person), role_view(book, DatedRole(
            p.role, summit.date.value, summit.date.inferred_note, tuple(p.cite)))
            if p.role else None, book.refs(p.cite))
        for p in summit.participants)
    return SummitContext(
        title=summit.title,
        summit=book.summit_ref(summit),
        pack=links.relative(book.page, links.pack_page(summit.id)),
        date_reasoning=summit.date.reasoning, date_refs=book.refs(summit.date.cite),
        place_refs=book.refs(summit.place.cite) if summit.place else None,
        place_reasoning=summit.place.reasoning if summit.place else None,
        call=CALLS.get(summit.mode),
        participants_label="Who spoke" if summit.mode in CALLS else "Who met",
        occasion_kind=summit.occasion.kind,
        occasion_text=summit.occasion.text, occasion_refs=book.refs(summit.occasion.cite),
        participants=participants,
        summary=summary,
        summary_refs=book.refs(summit.summary.cite) if summit.summary else None,
        bottom_line=() if summary else tuple(c for c in claims if c.key),
        figures=tuple(c for c in claims if c.figures and not c.key),
        sections=tuple(Section(title, tuple(c for c in rest if c.kind == kind))
                       for kind, title in SECTIONS if any(c.kind == kind for c in rest)),
        requests=tuple(requests),
        quotes=tuple(c for c in rest if c.kind == "quote"),
        previous=book.summit_ref(previous) if previous else None,
        next=book.summit_ref(following) if following else None,
    )


@dataclass(frozen=True)
class Role:
    title: str
    as_of: str
    refs: CitationRefs


@dataclass(frozen=True)
class Attendance:
    summit: SummitRef
    role: str
    counterparts: tuple[PersonRef, ...]
    refs: CitationRefs


@dataclass
class NameFormView:
    text: str
    script: str


def and_list(items: list[str]) -> str:
    """'a', 'a and b', 'a, b and c'."""
    return " and ".join(filter(None, (", ".join(items[:-1]), items[-1])))


@dataclass
class SummitClaims:
    """Outcomes of one summit, shown under it once rather than each naming it again."""

    summit: SummitRef
    claims: tuple[Claim, ...]


@dataclass
class LeaderSummits:
    """A leader's record at a run of summits, each list the newest first: on their page the
    newest summits (archives.NEWEST_IN_FULL), on an archive page one year's."""

    attended: tuple[Attendance, ...]
    quotes: tuple[SummitClaims, ...]
    statements: tuple[SummitClaims, ...]
    mentioned_at: tuple[SummitRef, ...]


@dataclass
class LeaderContext:
    person: PersonRef
    names: tuple[NameFormView, ...]  # the forms other than the display name
    unwritten_script: str | None  # the country's own script, where no source writes the name in it
    name_refs: CitationRefs
    # The latest by date, from the roles stated and the summits attended, with its date.
    latest_role: RoleView | None
    described_as: tuple[DescriptionView, ...]  # undated: not a role ('the late …')
    attended: int  # summits attended in all, the archived ones too
    counterparts: tuple[PersonRef, ...]  # everyone met, at the archived summits too
    roles: tuple[Role, ...]
    summits: LeaderSummits
    archives: Archives
    brief: str | None  # the person's counterpart brief; None: they took part in no summit


@dataclass
class LeaderYear:
    """A leader's archive page: their record at one year's summits."""

    person: PersonRef
    archive: ArchiveOf
    summits: LeaderSummits


def newest_first(summits: list[Summit]) -> list[Summit]:
    """The newest first, as every list of summits is but the evolution page's history."""
    return sorted(summits, key=summit_order, reverse=True)


def counterparts_met(book: PageNotes, person: Person, summits: list[Summit]) -> list[PersonRef]:
    """The people of the other countries at each summit the person attended, as often as met."""
    people = book.corpus.person
    return [book.person_ref(p.person) for summit in summits
            if any(p.person == person.id for p in summit.participants)
            for p in summit.participants if people(p.person).country != person.country]


def leader_summits(book: PageNotes, person: Person, summits: list[Summit]) -> LeaderSummits:
    """The person's record at these summits (the newest first)."""
    people, pid = book.corpus.person, person.id
    attended, mentioned, quotes, statements = [], [], [], []
    for summit in summits:
        at = book.summit_ref(summit)
        there = [p for p in summit.participants if p.person == pid]
        for participant in there:
            others = tuple(book.person_ref(p.person) for p in summit.participants
                           if people(p.person).country != person.country)
            attended.append(Attendance(at, participant.role or NO_ROLE, others,
                                       book.refs(participant.cite)))
        own = [o for o in summit.outcomes if pid in o.by]
        if own and not there:
            mentioned.append(at)
        said = [claim(book, o) for o in own if o.kind == "quote"]
        stated = [claim(book, o) for o in own
                  if o.kind in ("request", "pledge", "position") and len(o.by) == 1]
        if said:
            quotes.append(SummitClaims(at, tuple(said)))
        if stated:
            statements.append(SummitClaims(at, tuple(stated)))
    return LeaderSummits(tuple(attended), tuple(quotes), tuple(statements), tuple(mentioned))


def leader_context(book: PageNotes, person: Person, summits: list[Summit],
                   briefed: bool = False) -> LeaderContext:
    """``summits``: every summit the person took part in or is named at; ``briefed``: whether
    the person has a counterpart brief (brief.briefed_people)."""
    pid = person.id
    ordered = newest_first(summits)
    # One row per run of the same title: "President" as of 2018 and as of 2025 is one role.
    runs: list[list[DatedRole]] = []
    for r in stated_roles(book.corpus, person):
        if runs and runs[-1][-1].title == r.title:
            runs[-1].append(r)
        else:
            runs.append([r])
    own_script = book.corpus.country(person.country).scripts[0]
    roles = tuple(Role(run[0].title, and_list(list(dict.fromkeys(map(dated_text, run)))),
                       book.refs(c for r in run for c in r.cite)) for run in runs)
    counterparts = {p.id: p for p in counterparts_met(book, person, ordered)}
    return LeaderContext(
        person=book.person_ref(person.id),
        names=tuple(NameFormView(f.text, f.script) for f in person.names if f.text != person.name),
        unwritten_script=own_script if own_script not in {f.script for f in person.names}
        else None,
        name_refs=book.refs(person.cite), roles=roles,
        latest_role=latest_role(book, person), described_as=descriptions(book, person),
        attended=sum(p.person == pid for s in ordered for p in s.participants),
        counterparts=tuple(sorted(counterparts.values(), key=lambda p: p.sort_key)),
        summits=leader_summits(book, person, archives.summits_in_full(ordered)),
        archives=archives.archives(book.page, leader_years(summits),
                                   lambda year: links.leader_year_page(pid, year)),
        brief=links.relative(book.page, links.brief_page(pid)) if briefed else None,
    )


def leader_years(summits: list[Summit]) -> dict[str, list[Summit]]:
    """The archive pages of a leader who took part in or is named at these summits."""
    return archived_summits(newest_first(summits))


def leader_year(book: PageNotes, person: Person, years: dict[str, list[Summit]],
                year: str) -> LeaderYear:
    """One year of the person's record; ``years``: leader_years of their summits."""
    return LeaderYear(book.person_ref(person.id), archives.archive_of(
        book.page, year, person.name, links.leader_page(person.id), years,
        lambda y: links.leader_year_page(person.id, y)),
        leader_summits(book, person, years[year]))


@dataclass
class TopicContext:
    topic: Topic
    sections: tuple[SummitClaims, ...]  # the newest summits' (archives.NEWEST_IN_FULL)
    archives: Archives


@dataclass
class TopicYear:
    """A topic's archive page: one year's summits."""

    topic: Topic
    archive: ArchiveOf
    sections: tuple[SummitClaims, ...]


TopicListing = tuple[Summit, list[Outcome]]  # a summit, and its outcomes under the topic


def topic_listings(corpus: Corpus, topic: Topic) -> list[TopicListing]:
    """The topic's outcomes, summit by summit, the newest first."""
    return list(reversed(corpus.by_topic.get(topic.id, ())))


def topic_years(corpus: Corpus, topic: Topic) -> dict[str, list[TopicListing]]:
    return archives.archived_years(topic_listings(corpus, topic), _listed_summit)


def _listed_summit(listing: TopicListing) -> Summit:
    return listing[0]


def _topic_sections(book: PageNotes, listed: list[TopicListing]) -> tuple[SummitClaims, ...]:
    return tuple(SummitClaims(book.summit_ref(summit), tuple(claim(book, o) for o in outcomes))
                 for summit, outcomes in listed)


def topic_context(book: PageNotes, corpus: Corpus, topic: Topic) -> TopicContext:
    listed = topic_listings(corpus, topic)
    return TopicContext(topic, _topic_sections(book, archives.in_full(listed, _listed_summit)),
                        archives.archives(book.page, topic_years(corpus, topic),
                                          lambda year: links.topic_year_page(topic.id, year)))


def topic_year(book: PageNotes, topic: Topic, years: dict[str, list[TopicListing]],
               year: str) -> TopicYear:
    """``years``: topic_years of the topic."""
    return TopicYear(topic, archives.archive_of(
        book.page, year, topic.name, links.topic_page(topic.id), years,
        lambda y: links.topic_year_page(topic.id, y)), _topic_sections(book, years[year]))
