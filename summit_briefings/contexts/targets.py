"""The status of a trade target or a pledge: the one judgement both the commitments page and
the trade-targets page print, so the two can never disagree.

A status says what the evidence says and names it: the figures the sources give, in the
target's currency, and the later sources that state the target again. "Now" is the date of
the newest evidence in the data (see ``evidence_date``), never the build date, so a build
of the same data always prints the same statuses.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

from ..evidence.quotes import canonical_number
from ..model.corpus import Corpus
from ..model.dates import format_date, sort_key
from ..model.schema import KIND_WORDS, TargetStatement, TradeFigure, TradeTarget
from .briefings import and_list
from .formatting import format_billions

Verdict = Literal["met", "not met", "past its deadline, not shown met", "not yet due",
                  "no deadline", "restated", "reported on", "not reported on",
                  "cannot be judged"]

# A commitment with one of these verdicts is settled: the figure for its deadline is in.
SETTLED: frozenset[Verdict] = frozenset({"met", "not met"})
# A target with one of these is still ahead: its deadline has not passed, it has none, or no
# figure in its currency can judge it.
AHEAD: frozenset[Verdict] = frozenset({"not yet due", "no deadline", "cannot be judged"})

def kind_words(kind: str, attributions: Sequence[str]) -> str:
    """How a page words a statement of a kind after who made it, keeping the attributions of
    its quotes' sentences in the source's words: 'set it, according to media'."""
    return ", ".join([KIND_WORDS[kind], *attributions])


# A qualifier that makes the target itself a bound to pass, not reach.
STRICT = {"more than", "over"}


@dataclass(frozen=True)
class Status:
    verdict: Verdict
    why: str  # the evidence, in words: figures, years, later sources

    @property
    def text(self) -> str:
        return f"{self.verdict}: {self.why}"


def evidence_date(corpus: Corpus) -> str:
    """The newest date the data gives (a summit's date or a source's publication date): the
    "now" statuses are judged at."""
    dates = [s.date.value for s in corpus.summits]
    dates += [s.published for s in corpus.sources if s.published]
    return max(dates, key=sort_key) if dates else "0000"


def _years(values: Sequence[str]) -> str:
    """'2024', '2024 and 2025', '2023, 2024 and 2025'."""
    return and_list(list(dict.fromkeys(v[:4] for v in values)))


def target_status(target: TradeTarget, figures: Sequence[TradeFigure], now: str,
                  dates: Mapping[str, str]) -> Status:
    """Met, not met, past its deadline and not shown met, not yet due, or no deadline; each
    with its evidence. ``dates`` maps summit ids to their dates; ``now`` is the date the data
    runs to. Only figures in the target's currency count: no exchange rate is a sourced fact."""
    same = sorted((f for f in figures if f.currency == target.currency), key=lambda f: f.year)
    amount = format_billions(target.amount, target.currency or "")
    later = sorted(target.restated, key=lambda s: sort_key(dates[s.summit]))
    again = ""
    if later:
        when = _years([dates[s.summit] for s in later])
        again = f"sources of {when} state it again"
    if not same:
        return Status("cannot be judged", "; ".join(
            [f"the sources give no figure in {target.currency}", *filter(None, [again])]))
    latest = same[-1]
    latest_text = f"the latest figure is {format_billions(latest.amount, latest.currency or '')}" \
                  f" in {latest.year}"
    deadline = target.deadline
    if deadline is None:
        return Status("no deadline", "; ".join(filter(None, [latest_text, again])))
    at_deadline = [f for f in same if f.year == deadline]
    if at_deadline:
        actual = at_deadline[0]
        met = (actual.amount > target.amount if target.qualifier in STRICT
               else actual.amount >= target.amount)
        sign = (">" if target.qualifier in STRICT else "≥") if met else (
            "≤" if target.qualifier in STRICT else "<")
        return Status("met" if met else "not met", "; ".join(filter(None, [
            f"{format_billions(actual.amount, actual.currency or '')} in {deadline} "
            f"({canonical_number(actual.amount)} {sign} {canonical_number(target.amount)})",
            again])))
    if deadline >= int(now[:4]):
        return Status("not yet due", "; ".join(filter(None, [
            f"the deadline is {deadline}, and the sources run to {format_date(now)}",
            latest_text, again])))
    why = [f"no figure for {deadline}"]
    after = [f for f in same if f.year > deadline]
    if after and all(f.amount < target.amount for f in after):
        best = max(after, key=lambda f: f.amount)
        highest = format_billions(best.amount, best.currency or "")
        years = [f"{f.year}{' (computed)' if f.derived else ''}" for f in after]
        why.append(f"every later figure, for {and_list(years)}, is below {amount}, the highest "
                   f"{highest} in {best.year}")
    elif after:
        why.append(latest_text)
    past = [s for s in later if int(dates[s.summit][:4]) > deadline]
    if past:
        why.append(f"sources of {_years([dates[s.summit] for s in past])} state it again as a "
                   "goal")
    return Status("past its deadline, not shown met", "; ".join(why))


@dataclass(frozen=True)
class Linked:
    """A target statement made at a summit, as the outcome it is recorded as."""

    target: TradeTarget
    statement: TargetStatement


def linked_statements(targets: Sequence[TradeTarget]) -> dict[tuple[str, str], list[Linked]]:
    """(summit id, outcome id) → the target statements recorded as that outcome."""
    found: dict[tuple[str, str], list[Linked]] = {}
    for target in targets:
        for statement in target.statements:
            if statement.outcome:
                found.setdefault((statement.summit, statement.outcome), []).append(
                    Linked(target, statement))
    return found


def pledge_status(made_on: str, linked: Sequence[Linked], reported_on: Sequence[str],
                  figures: Sequence[TradeFigure], now: str, dates: Mapping[str, str],
                  later_summits: int) -> Status:
    """A pledge made on ``made_on`` (its summit's date), judged as a target is: by the later
    sources that state it again and the figures. A pledge no target statement records is
    judged by the later outcomes that name it in 'reports_on' (``reported_on``: their
    summits' dates); with none, the status says how many later summits the data holds."""
    if not linked:
        if reported_on:
            # The data records that a later outcome takes the pledge up, not whether it says
            # the pledge was kept: the status claims no more.
            return Status("reported on", f"sources of {_years(sorted(reported_on, key=sort_key))} "
                          "state it again or report on it; whether it was kept is not judged")
        if not later_summits:
            return Status("not reported on", "no source in the data reports a later summit")
        summits = ("the one later summit" if later_summits == 1
                   else f"the {later_summits} later summits")
        return Status("not reported on", f"no statement of {summits} in the data is "
                      "recorded as restating or reporting on it")
    parts = []
    restated = False
    verdicts: list[Verdict] = []
    for link in linked:
        target, said = link.target, link.statement
        amount = format_billions(target.amount, target.currency or "")
        said_text = f"{amount} " + (f"by {said.deadline}" if said.deadline else
                                    f"({said.horizon})")
        target_text = f"{amount} " + (f"by {target.deadline}" if target.deadline else
                                      f"({target.horizon})")
        clauses = [said_text if said_text == target_text and said.summit == target.summit
                   else f"{said_text}, a statement of the target {target_text}"]
        after = [s for s in target.statements
                 if sort_key(dates[s.summit]) > sort_key(made_on)]
        if after:
            restated = True
            clauses.append(f"stated again by sources of "
                           f"{_years([dates[s.summit] for s in after])}")
        status = target_status(target, figures, now, dates)
        verdicts.append(status.verdict)
        clauses.append(f"the target is {status.verdict} ({status.why})")
        parts.append("; ".join(clauses))
    return Status("restated" if restated else verdicts[0], ". ".join(parts))
