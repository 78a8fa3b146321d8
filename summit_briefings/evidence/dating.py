"""The verify stage's date rule: every part of a summit date is given by its quotes or worked
out from them, so that no page prints a date that no source gives."""

from __future__ import annotations

from ..model.corpus import Corpus
from ..model.dates import (
    DATE_PARTS,
    last_month_or_day,
    last_weekday,
    month_words,
    named_parts,
    year_and_day,
)
from ..model.load import Loc, YamlDocument
from ..model.problems import Problem
from ..model.schema import Summit, SummitDate
from .quotes import mentions, quoted_numbers


def check_summit_date(corpus: Corpus, summit: Summit) -> list[Problem]:
    """A stated month is in the date's quotes (a stated year and day are checked as numbers);
    an inferred year's digits or month's name is in a quote, or a 'weekday' or
    'latest_before' works it out; an inferred day only a weekday can give. What these work
    out must be the date."""
    date = summit.date
    origin = corpus.origin(summit)
    where = (*origin.loc, "date")
    quotes = [c.quote for c in date.cite]
    if "month" in date.stated_parts and not mentions(quotes, month_words(date.value)):
        return [origin.doc.problem(where, f"the month ({named_parts(date.value)['month']}) of this "
            "date is not in any of its quotes; quote the passage that states it, or set "
            "basis: inferred and give the reasoning")]
    problems = _unsupported_parts(date, origin.doc, (*where, "value"))
    if date.latest_before:
        problems += _check_latest_before(date, origin.doc, where)
    if date.weekday and date.cite[0].source in corpus.texts:
        problems += _check_weekday(corpus, date, origin.doc, where)
    return problems


def _unsupported_parts(date: SummitDate, doc: YamlDocument, where: Loc) -> list[Problem]:
    """The inferred parts of a date that no quote gives and nothing works out: made up."""
    quotes = [c.quote for c in date.cite]
    worked_out = {*(DATE_PARTS if date.weekday else ()),
                  *(("year",) if date.latest_before else ())}
    given = {"year": date.value[:4] in set().union(*map(quoted_numbers, quotes)),
             "month": len(date.value) > 4 and mentions(quotes, month_words(date.value)),
             "day": False}  # a day a quote gives is stated, not inferred
    missing = [p for p in date.inferred if p not in worked_out and not given[p]]
    if not missing:
        return []
    names = named_parts(date.value)
    unquoted = [p for p in missing if p != "day"]
    them = "them" if unquoted[1:] else "it"
    said = []
    if unquoted:
        parts = " and ".join(f"{part} ({names[part]})" for part in unquoted)
        said.append(f"the {parts} of this inferred date {'are' if unquoted[1:] else 'is'} in "
                    f"none of its quotes, and nothing works {them} out")
    if "day" in missing:
        said.append(f"an inferred day ({names['day']}) needs a 'weekday' that a quote names to "
                    "work it out (a day a quote gives is stated: leave it out of "
                    "'inferred_parts')")
    advice = f"cite a quote that gives {them}" if unquoted else ""
    if unquoted == ["year"] and "month" in names:
        advice += ", or work the year out with 'latest_before' (see the guide)"
    supported = "-".join(date.value.split("-")[:date.given_parts.index(missing[0])])
    if supported:
        advice += (", or " if advice else "") + ("record only the precision the texts "
                                                 f'support: value: "{supported}"')
    else:
        advice += (f"; if no stored article gives {them}, register a report that does as a "
                   "source (a short excerpt is enough)")
    return [doc.problem(where, "; ".join([*said, advice]))]


def _check_latest_before(date: SummitDate, doc: YamlDocument, where: Loc) -> list[Problem]:
    """'latest_before' is a date that one quote states, and the date's year is that of the
    latest such month (or day) on or before it."""
    anchor = date.latest_before
    assert anchor is not None
    if not any(mentions([c.quote], month_words(anchor))
               and set(year_and_day(anchor)) <= quoted_numbers(c.quote) for c in date.cite):
        return [doc.problem((*where, "latest_before"), f"{anchor} is not stated in any of this "
            "date's quotes; cite the passage that gives its year, month and day (the "
            "article's own date, say)")]
    worked_out = last_month_or_day(date.value[5:], anchor)
    if worked_out != date.value:
        names = named_parts(date.value)
        when = " ".join(names[p] for p in ("day", "month") if p in names)
        return [doc.problem((*where, "value"), f"the last {when} on or before {anchor} is "
            f"{worked_out}, not {date.value}; fix the date or 'latest_before'")]
    return []


def _check_weekday(corpus: Corpus, date: SummitDate, doc: YamlDocument,
                   where: Loc) -> list[Problem]:
    """A date worked out from a weekday is the last such day on or before the page date of
    its first cited source."""
    assert date.weekday is not None
    if not mentions([c.quote for c in date.cite], (date.weekday,)):
        return [doc.problem((*where, "weekday"), f"'{date.weekday}' is not in any of "
                            "this date's quotes; quote the passage that gives it")]
    source = corpus.source(date.cite[0].source)
    if source.published is None or len(source.published) != 10:
        return [doc.problem((*where, "weekday"), f"a date worked out from a weekday needs "
            f"the day the article was published: give source '{source.id}' a full "
            "'published' date (YYYY-MM-DD), or cite the source that has one first")]
    worked_out = last_weekday(date.weekday, source.published)
    if worked_out != date.value:
        return [doc.problem((*where, "value"), f"the last {date.weekday} on or before "
            f"{source.published} (when '{source.id}' was published) is {worked_out}, not "
            f"{date.value}; fix the date or the weekday")]
    return []
