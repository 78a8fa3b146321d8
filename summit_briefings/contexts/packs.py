"""Meeting packs: for each summit, at /summits/<id>/pack/, what someone takes into the room,
printed on as few sheets as it fills, each with the running line and "page n of N": the
summit's briefing as its page gives it; each participant in a few lines (their titles with
dates, how many summits they took part in, linked to their page and counterpart brief);
trade against the targets, in a table with the newest actual figures; and the pledges and
targets of the summit, with the commitments page's statuses.

A pack is a page like any other: its context is the summit page's (SummitContext) with
these parts added, rendered from pack.md.jinja, which extends summit.md.jinja. It summarises
the participants rather than copying their pages, and shows a bounded number of targets and
figures (brief.Bounds, as a counterpart brief does), so it keeps its size however many
summits there are.
"""

from __future__ import annotations

from dataclasses import dataclass, fields

from ..model.dates import format_date
from ..model.schema import Summit
from . import links
from .brief import BOUNDS, Bounds, Standing, TargetLine, bounded_roles, target_line
from .briefings import Role, SummitContext, summit_context
from .commitments import Commitment, commitment_row
from .notes import PageNotes
from .refs import PersonRef
from .trade import FigureRow, figure_row


@dataclass(frozen=True)
class ParticipantSummary:
    """A participant as a pack shows them: who they are, not everything their page holds."""

    person: PersonRef
    roles: tuple[Role, ...]  # the most recently stated title first, with its dates
    more_roles: int
    summits: int  # how many summits they took part in
    summits_href: str  # the list of them on their page
    brief: str | None  # their counterpart brief; None: they have none


@dataclass
class PackContext(SummitContext):
    """The summit page's context, its title the pack's and its pack link None, with the
    pack's parts."""

    summit_href: str  # the summit's own page
    people: tuple[ParticipantSummary, ...]  # in the order the summit lists them
    targets: tuple[TargetLine, ...]  # still ahead, then past their deadline, not shown met
    more_targets: int
    actual_trade: tuple[FigureRow, ...]  # the newest actual trade figures, the newest first
    more_actual_trade: int
    trade_href: str
    pledges: tuple[Commitment, ...]  # made at this summit
    stated_targets: tuple[TargetLine, ...]  # stated at this summit, by its statement there
    commitments_href: str
    as_of: str  # '30 October 2025': the newest date in the data, the "now" of every status


def pack_context(book: PageNotes, known: Standing, summit: Summit, previous: Summit | None,
                 following: Summit | None, summits_of: dict[str, list[Summit]],
                 briefed: set[str], bounds: Bounds | None = None) -> PackContext:
    """``known``: brief.standing; ``summits_of``: brief.took_part; ``briefed``: who has a
    counterpart brief; ``bounds``: BOUNDS unless given."""
    corpus, page = book.corpus, book.page
    bounds = bounds or BOUNDS
    base = summit_context(book, summit, previous, following)
    people = []
    for pid in dict.fromkeys(p.person for p in summit.participants):
        roles, more_roles = bounded_roles(book, corpus.person(pid), bounds)
        people.append(ParticipantSummary(
            book.person_ref(pid), tuple(roles), more_roles, len(summits_of[pid]),
            links.relative(page, links.leader_page(pid), "summits"),
            links.relative(page, links.brief_page(pid)) if pid in briefed else None))
    figures = sorted(corpus.trade.figures, key=lambda f: -f.year)
    latest = known.latest_figure
    # As many of each as a brief shows: still ahead, and past their deadline.
    shown = [*known.ahead_targets[:bounds.targets], *known.past_targets[:bounds.targets]]
    return PackContext(
        **{f.name: getattr(base, f.name) for f in fields(SummitContext)}
        | {"title": f"Meeting pack: {summit.title}", "pack": None},
        summit_href=base.summit.href,
        people=tuple(people),
        actual_trade=tuple(figure_row(book, f) for f in figures[:bounds.figures]),
        more_actual_trade=max(0, len(figures) - bounds.figures),
        targets=tuple(target_line(book, corpus, j, latest) for j in shown),
        more_targets=len(known.ahead_targets) + len(known.past_targets) - len(shown),
        trade_href=links.relative(page, links.TRADE),
        pledges=tuple(commitment_row(book, corpus, j) for j in known.pledged_at.get(summit.id, ())),
        stated_targets=tuple(target_line(book, corpus, j, latest, s)
                             for j, s in known.stated_at.get(summit.id, ())),
        commitments_href=links.relative(page, links.COMMITMENTS),
        as_of=format_date(known.now),
    )
