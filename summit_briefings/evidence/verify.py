"""The verify stage: quotes against their sources, numbers against their quotes."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import partial
from typing import Any

from ..model.corpus import Corpus, walk_models
from ..model.dates import year_and_day
from ..model.load import Loc, YamlDocument
from ..model.problems import BriefingError, Problem
from ..model.schema import (
    Citation,
    Milestone,
    Occasion,
    Outcome,
    Participant,
    Person,
    Place,
    RoleStatement,
    Summary,
    Summit,
    SummitDate,
    TradeFigure,
    TradeTarget,
)
from .dating import check_summit_date
from .quotes import (
    IndexedSource,
    alternation,
    canonical_number,
    evaluate_formula,
    fold_ascii,
    mentions,
    normalise,
    number_tokens,
    quoted_numbers,
)
from .verified import Evidence, Passage
from .wording import check_wording


def stated_numbers(model: Any) -> list[str]:
    """The numbers a fact asserts, each of which one of its quotes must contain."""
    if isinstance(model, SummitDate):
        return year_and_day(model.value, model.stated_parts)
    if isinstance(model, Outcome):
        numbers = sorted(number_tokens(model.text))
        for figure in model.figures:
            numbers.append(canonical_number(figure.amount))
            numbers += sorted(number_tokens(figure.period or ""))
        if model.as_of:
            numbers.append(model.as_of[:4])
        return numbers
    if isinstance(model, TradeFigure):
        return [] if model.derived else [str(model.year), canonical_number(model.amount)]
    if isinstance(model, TradeTarget):
        return [canonical_number(model.amount),
                *([str(model.deadline)] if model.deadline else [])]
    if isinstance(model, Milestone):
        return [model.date[:4], *sorted(number_tokens(model.text))]
    if isinstance(model, Summary):
        return sorted(number_tokens(model.text))
    if isinstance(model, RoleStatement):
        return sorted(number_tokens(model.title))
    if isinstance(model, Participant):
        return sorted(number_tokens(model.role or ""))
    if isinstance(model, Place | Occasion):
        values = [v for k, v in model if isinstance(v, str)]
        return sorted(set().union(*(number_tokens(v) for v in values)))
    return []


@dataclass
class _Checked:
    """What checking one root model (a summit, a person, …) found."""

    passages: dict[tuple[str, str], Passage] = field(default_factory=dict)
    citations: int = 0
    sources: set[str] = field(default_factory=set)  # that its citations name
    fact_numbers: dict[str, set[str]] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)


def _check_root(corpus: Corpus, indexes: dict[str, IndexedSource], root: Any) -> _Checked:
    """Every citation and stated number in one root model and the models inside it."""
    found = _Checked()
    origin = corpus.origin(root)
    doc = origin.doc
    for model, loc in walk_models(root, origin.loc):
        if isinstance(model, Citation):
            found.citations += 1
            found.sources.add(model.source)
            text = corpus.texts.get(model.source)
            if text is None:
                continue
            passage = _find_quote(corpus, indexes, model.source, model.quote, doc,
                                  (*loc, "quote"), found.problems)
            if passage:
                found.passages[(model.source, normalise(model.quote))] = passage
            continue
        if not isinstance(getattr(model, "cite", None), list) or isinstance(model, Person):
            continue
        stated = stated_numbers(model)
        if not stated and not isinstance(model, TradeFigure | TradeTarget):
            continue  # nothing to find in its quotes
        quoted = set().union(*(quoted_numbers(c.quote) for c in model.cite))
        if isinstance(model, TradeFigure | TradeTarget):
            found.fact_numbers[model.id] = quoted | set(stated)
        missing = [n for n in dict.fromkeys(stated) if n not in quoted]
        otherwise = ("set basis: inferred and give the reasoning" if isinstance(model, SummitDate)
                     else "mark the value 'derived'")
        for number in missing:
            found.problems.append(doc.problem(loc, f"the number {number} is not in any of this "
                f"fact's quotes; quote the passage that states it, or {otherwise}"))
    if isinstance(root, Summit):
        for outcome in root.outcomes:
            found.fact_numbers[f"{root.id}/{outcome.id}"] = set().union(
                *(quoted_numbers(c.quote) for c in outcome.cite))
    return found


def _kept_check(corpus: Corpus, indexes: dict[str, IndexedSource],
                files: dict[str, str], root: Any) -> _Checked:
    """_check_root's finding, kept on the root's document: a build that reuses the document
    (load.ParsedFiles) has the same root object, and the finding stands while each source
    its citations name has the same text and file name."""
    origin = corpus.origin(root)
    key = ("verified", origin.loc)
    kept = origin.doc.kept.get(key)
    if kept is not None:
        kept_root, read, found = kept
        if kept_root is root and all((corpus.texts.get(source), files.get(source)) == text
                                     for source, text in read.items()):
            return found
    found = _check_root(corpus, indexes, root)
    origin.doc.kept[key] = (root, {source: (corpus.texts.get(source), files.get(source))
                                   for source in found.sources}, found)
    return found


def _find_quote(corpus: Corpus, indexes: dict[str, IndexedSource], source: str, quote: str,
                doc: YamlDocument, where: Loc, problems: list[Problem]) -> Passage | None:
    """Where a quote sits in its source; None, with a problem, unless it occurs exactly once."""
    if source not in indexes:
        indexes[source] = IndexedSource(corpus.texts[source])
    index = indexes[source]
    quote = normalise(quote)
    hits = index.find_all(quote)
    if len(hits) == 1:
        start, end = index.span(hits[0], len(quote))
        return Passage(source, start, end)
    file = corpus.source(source).file
    if not hits:
        closest = index.closest(quote)
        hint = f'; closest passage: "{closest}…"' if closest else ""
        problems.append(doc.problem(where, f"quote not found in {file}{hint}; "
                                           "copy the passage verbatim from the source"))
    else:
        problems.append(doc.problem(where, f"quote occurs {len(hits)} times in {file}; add "
                                           "words before or after it so it names one passage"))
    return None


def _check_unparsed(corpus: Corpus, indexes: dict[str, IndexedSource]) -> list[Problem]:
    """The quotes of entries that failed the schema: their other problems are reported by
    validation, and these are checked too, so that one run reports everything."""
    problems: list[Problem] = []

    def walk(doc: YamlDocument, loc: Loc, value: Any) -> None:
        if isinstance(value, dict):
            source, quote = value.get("source"), value.get("quote")
            if isinstance(source, str) and isinstance(quote, str) and source in corpus.texts:
                _find_quote(corpus, indexes, source, quote, doc, (*loc, "quote"), problems)
            for key, item in value.items():
                walk(doc, (*loc, key), item)
        elif isinstance(value, list):
            for number, item in enumerate(value):
                walk(doc, (*loc, number), item)

    for origin, value in corpus.unparsed:
        walk(origin.doc, origin.loc, value)
    return problems


def verify_citations(corpus: Corpus) -> Evidence:
    """Check every citation and number; raise BriefingError listing every problem."""
    indexes: dict[str, IndexedSource] = {}
    roots = [*corpus.people, *corpus.milestones, *corpus.summits, corpus.trade]
    files = {source.id: source.file for source in corpus.sources}
    checked = [_kept_check(corpus, indexes, files, root) for root in roots]
    passages: dict[tuple[str, str], Passage] = {}
    fact_numbers: dict[str, set[str]] = {}
    problems: list[Problem] = []
    for found in checked:
        passages.update(found.passages)
        fact_numbers.update(found.fact_numbers)
        problems += found.problems
    for figure in corpus.trade.figures:
        if figure.derived:
            problems += _check_derived(corpus, figure, fact_numbers)
    figure_cites: dict[int, Citation] = {}
    for summit in corpus.summits:
        doc = corpus.origin(summit).doc
        # A date worked out from a weekday rests on its first source's publication date.
        first = summit.date.cite[0].source
        read = (corpus.sources_by_id.get(first), first in corpus.texts)
        problems += doc.kept_value("date", (summit, read),
                                   partial(check_summit_date, corpus, summit))
        qualified, cites = doc.kept_value("qualifiers", (summit,),
                                          partial(_check_qualifiers, corpus, summit))
        problems += qualified
        figure_cites.update(cites)
    problems += _check_target_statements(corpus)
    problems += _check_names(corpus)
    problems += _check_name_forms(corpus)
    reported, misworded = check_wording(corpus, passages)
    problems += misworded
    problems += _check_unparsed(corpus, indexes)
    problems += _check_published(corpus)
    if problems:
        raise BriefingError(problems)
    return Evidence(passages, sum(f.citations for f in checked), figure_cites, reported)


def _check_derived(corpus: Corpus, figure: TradeFigure,
                   fact_numbers: dict[str, set[str]]) -> list[Problem]:
    origin = corpus.origin(figure)
    where = (*origin.loc, "derived", "formula")
    assert figure.derived is not None
    try:
        value = evaluate_formula(figure.derived.formula)
    except ValueError as exc:
        return [origin.doc.problem(where, f"formula cannot be evaluated: {exc}")]
    # 1 and 100 turn percentages into factors; every other number must come from a cited fact.
    available = {"1", "100"}.union(*(fact_numbers.get(u, set()) for u in figure.derived.uses))
    problems = [origin.doc.problem(where, f"the formula uses {n}, which none of the facts in "
                                          "'uses' states; list the fact that does")
                for n in sorted(number_tokens(figure.derived.formula)) if n not in available]
    decimals = len(canonical_number(figure.amount).partition(".")[2])
    if round(value, decimals) != round(figure.amount, decimals):
        problems.append(origin.doc.problem((*origin.loc, "amount"),
            f"amount {canonical_number(figure.amount)} does not match its formula, which gives "
            f"{value:.{decimals + 2}f}; fix the amount or the formula"))
    return problems


def _check_names(corpus: Corpus) -> list[Problem]:
    """Every name form is in the person's quotes; a form without diacritics may instead be
    a quoted form with them dropped, as readers type it."""
    problems = []
    for person in corpus.people:
        origin = corpus.origin(person)
        quoted = " ".join(normalise(c.quote) for c in person.cite)
        written = {normalise(form.text) for form in person.names
                   if normalise(form.text) in quoted}
        for index, form in enumerate(person.names):
            text = normalise(form.text)
            if text in written or text in {fold_ascii(w) for w in written}:
                continue
            problems.append(origin.doc.problem((*origin.loc, "names", index, "text"),
                f"name '{form.text}' does not appear in this person's quotes; cite a passage "
                "that writes it (a form without diacritics may be a quoted form with them "
                "dropped)"))
    return problems


def _check_published(corpus: Corpus) -> list[Problem]:
    """A publication date the text states has its year and day in the text."""
    problems = []
    for source in corpus.sources:
        text = corpus.texts.get(source.id)
        if source.published_from != "text" or source.published is None or text is None:
            continue
        numbers = {str(int(n)) for n in number_tokens(text) if n.isdigit()}
        origin = corpus.origin(source)
        problems += [origin.doc.problem((*origin.loc, "published"),
                     f"the number {n} of this date is not in {source.file}; if the date comes "
                     "from the web page, set published_from: page")
                     for n in year_and_day(source.published) if n not in numbers]
    return problems


def _check_qualifiers(corpus: Corpus, summit: Summit
                      ) -> tuple[list[Problem], dict[int, Citation]]:
    """A qualified figure ('more than US$100 billion') has its qualifier in a quote that gives
    its number: a page must not print 'nearly' where the source says 'over'. With the first
    citation whose quote gives each figure's number (by the figure's id()), which its pages
    link the figure to (every number is in a quote: _check_root)."""
    problems = []
    figure_cites: dict[int, Citation] = {}
    origin = corpus.origin(summit)
    for index, outcome in enumerate(summit.outcomes):
        for number, figure in enumerate(outcome.figures):
            amount = canonical_number(figure.amount)
            giving = [c for c in outcome.cite if amount in quoted_numbers(c.quote)]
            if giving:
                figure_cites[id(figure)] = giving[0]
            if figure.qualifier and not mentions([c.quote for c in giving],
                                                 (figure.qualifier,)):
                problems.append(origin.doc.problem(
                    (*origin.loc, "outcomes", index, "figures", number, "qualifier"),
                    f"'{figure.qualifier}' is not in a quote that gives {amount}; quote the "
                    "passage that qualifies the number, or remove the qualifier"))
    return problems, figure_cites


def _check_target_statements(corpus: Corpus) -> list[Problem]:
    """Each later statement of a target gives the target's amount (and its own year, if it
    gives one) in its quotes, and its qualifier in a quote that gives the amount; so does the
    first statement's qualifier. The first statement's numbers are checked with every fact's."""
    problems = []
    origin = corpus.origin(corpus.trade)
    for index, target in enumerate(corpus.trade.targets):
        amount = canonical_number(target.amount)
        for number, statement in enumerate(target.statements):
            loc = (*origin.loc, "targets", index,
                   *(("restated", number - 1) if number else ()))
            quoted = set().union(*(quoted_numbers(c.quote) for c in statement.cite))
            stated = [amount, *([str(statement.deadline)] if statement.deadline else [])]
            for missing in [n for n in stated if n not in quoted] if number else []:
                problems.append(origin.doc.problem(loc, f"the number {missing} is not in any "
                    "of this restatement's quotes; quote the passage that states the target "
                    "again, with its year if it gives one"))
            giving = [c.quote for c in statement.cite if amount in quoted_numbers(c.quote)]
            if statement.qualifier and not mentions(giving, (statement.qualifier,)):
                problems.append(origin.doc.problem((*loc, "qualifier"),
                    f"'{statement.qualifier}' is not in a quote that gives {amount}; quote the "
                    "passage that qualifies the number, or remove the qualifier"))
    return problems


def _other_forms(person: Person) -> dict[str, str]:
    """Spellings of a person's name that paraphrases must not use, each with the display form
    to write instead: every other form of the full name ('Luong Cuong' for 'Lương Cường') and
    the given name without diacritics ('Cuong' for 'Cường'; short ones such as 'Lam' are
    common words and are left alone)."""
    forms = {form.text: person.name for form in person.names if form.text != person.name}
    given = person.name.split()[-1]
    if len(fold_ascii(given)) >= 4 and fold_ascii(given) != given:
        forms[fold_ascii(given)] = given
    return forms


def _check_name_forms(corpus: Corpus) -> list[Problem]:
    """Everything the site writes in its own words names a person one way: the display name.
    Quotes, and outcomes that are a leader's words, keep the source's spelling."""
    # A form that is a word of someone's display name ('Quan' of 'Le Van Quan') may well be
    # that person, not 'Quân' misspelt: it is left alone, and display names are taken out of
    # the text before the others are looked for.
    names = {person.name for person in corpus.people}
    name_words = {word for name in names for word in name.split()}
    write_for = {form: write for person in corpus.people
                 for form, write in _other_forms(person).items() if form not in name_words}
    # One alternation each, longest first, so a full name is matched before a word of it.
    display_names = re.compile(alternation(names))
    other_forms = re.compile(rf"\b(?:{alternation(write_for)})\b")

    def misnamed(text: str) -> list[tuple[str, str]]:
        """The (form, display name) pairs a text writes in another form than the site's."""
        found = dict.fromkeys(m.group() for m in other_forms.finditer(
            display_names.sub(" ", text)))
        return [(form, write_for[form]) for form in found]
    problems = []
    for source in corpus.sources:
        # An editorial title is our words; an article's own headline keeps its spelling.
        origin = corpus.origin(source)
        problems += [origin.doc.problem((*origin.loc, "title"),
                     f"writes '{form}' where the site names this person '{write}'; an "
                     "editorial title names each person one way")
                     for form, write in (misnamed(source.title) if source.title_editorial
                                         else [])]
    def summit_problems(summit: Summit) -> list[Problem]:
        origin = corpus.origin(summit)
        written = [(("title",), summit.title), (("occasion", "text"), summit.occasion.text),
                   *([(("summary", "text"), summit.summary.text)] if summit.summary else []),
                   *((("outcomes", i, "text"), o.text) for i, o in enumerate(summit.outcomes)
                     if o.kind != "quote")]
        return [origin.doc.problem((*origin.loc, *loc),
                f"writes '{form}' where the site names this person '{write}'; pages "
                "name each person one way (quotes keep the source's spelling)")
                for loc, text in written for form, write in misnamed(text)]
    people = tuple(corpus.people)
    for summit in corpus.summits:
        problems += corpus.origin(summit).doc.kept_value(
            "name forms", (summit, people), partial(summit_problems, summit))
    return problems
