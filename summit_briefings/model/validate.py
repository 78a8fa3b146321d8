"""Turn loaded YAML into typed models and check every cross-reference between them."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Callable, Iterable
from functools import partial
from pathlib import Path
from typing import Any, NamedTuple, TypeVar

from pydantic import BaseModel, ValidationError

from .corpus import Corpus, Origin, walk_models
from .dates import sort_key
from .guides import editor_guides
from .load import (
    BIDI_CONTROLS,
    Loc,
    ParsedFiles,
    YamlDocument,
    load_data_file,
    position,
    summit_files,
    utf8_text,
)
from .problems import BriefingError, Problem
from .project_files import absent, is_linked, read_bounded, unsafe_files
from .schema import (
    COUNTRY_CODE,
    CURRENCY_CODE,
    LANGUAGE_TAG,
    PEOPLE_BY_NAME,
    SOURCE_FILE,
    Citation,
    Country,
    Derived,
    HedgeClass,
    Milestone,
    Outcome,
    Participant,
    Person,
    SiteSettings,
    Source,
    Summit,
    TargetStatement,
    Topic,
    TrackedClaim,
    Trade,
    TradeTarget,
)

M = TypeVar("M", bound=BaseModel)

# Limits on a source article, so that reading and publishing it stay bounded: news articles
# run to tens of kilobytes and some hundreds of paragraphs (lines of text).
MAX_SOURCE_BYTES = 500_000
MAX_SOURCE_PARAGRAPHS = 2_000

LIST_FILES = {"sources": Source, "people": Person, "topics": Topic, "milestones": Milestone}
KIND_OF_FILE = {"sources": "source", "people": "person", "topics": "topic"}


PATTERN_HINTS = {
    COUNTRY_CODE: "a country is named by its two-letter code in capitals, e.g. 'FR'",
    CURRENCY_CODE: "a currency is named by its three-letter ISO code in capitals, e.g. 'EUR'",
    SOURCE_FILE: "a source file's name uses only letters, digits, '-', '_' and '.', does "
                 "not start with '.' and has at most 200 characters; rename the file, e.g. "
                 "'005_wire-2026.txt'",
    LANGUAGE_TAG: "a language is a BCP 47 tag such as 'en', 'vi', 'ko' or 'zh-Hant'",
}


def _dotted(loc: Iterable[str | int]) -> str:
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text or "(document)"


def _explain(error: dict[str, Any]) -> str:
    kind, msg = error["type"], error["msg"]
    field = error["loc"][-1] if error["loc"] else ""
    if kind == "missing":
        return f"required field '{field}' is missing; add it"
    if kind == "extra_forbidden":
        return f"unknown field '{field}'; check its spelling or remove it"
    if kind == "string_pattern_mismatch":
        hint = PATTERN_HINTS.get(error["ctx"]["pattern"], "ids are lower-case words joined by "
                                 "hyphens, e.g. 'jane-doe'")
        return f"{msg}: got '{error['input']}'; {hint}"
    if kind == "string_too_long":
        return (f"{len(error['input']):,} characters, over the limit of "
                f"{error['ctx']['max_length']:,} for '{field}'; shorten it")
    if kind == "string_too_short" and error["ctx"].get("min_length") == 1:
        return (f"'{field}' is empty; write the text it stands for (an empty value prints an "
                "empty heading or an invisible link)")
    if kind == "value_error":
        return msg.removeprefix("Value error, ")
    if kind == "model_type":
        got = {list: "a list", str: "text", type(None): "nothing"}.get(
            type(error["input"]), f"a {type(error['input']).__name__}")
        return (f"expected a {error['ctx']['class_name']} written as 'field: value' lines, "
                f"got {got}")
    return f"{msg} (got {error['input']!r})" if "input" in error and not isinstance(
        error["input"], dict | list) else msg


def parse_models(doc: YamlDocument, model: type[M], loc: Loc, value: Any,
                 problems: list[Problem]) -> M | None:
    """Validate one value, the document's at ``loc``, as a model; report pydantic's errors at
    their YAML positions. A valid one is kept on the document: a build that reuses the
    document (load.ParsedFiles) gets the same model object."""
    kept = doc.kept.get((model, loc))
    if kept is not None:
        return kept
    try:
        valid = model.model_validate(value)
    except ValidationError as exc:
        for error in exc.errors():
            where = (*loc, *error["loc"])
            problems.append(doc.problem(where, f"{_dotted(where)}: {_explain(error)}"))
        return None
    doc.kept[(model, loc)] = valid
    return valid


def _list_file(doc: YamlDocument, model: type[M], problems: list[Problem],
               origins: dict[int, Origin], unparsed: list[tuple[Origin, Any]]) -> list[M]:
    if not isinstance(doc.data, list):
        problems.append(doc.problem((), f"expected a list of {model.__name__} entries "
                                        "(each starting with '- id: …')"))
        return []
    items = []
    for index, value in enumerate(doc.data):
        item = parse_models(doc, model, (index,), value, problems)
        if item is not None:
            items.append(item)
            origins[id(item)] = Origin(doc, (index,))
        else:
            unparsed.append((Origin(doc, (index,)), value))
    return items


# A source text is prose: line breaks and tabs are its only control characters. Anything
# else (NUL, ESC, bidirectional overrides) would reach the page or the terminal raw.
_SOURCE_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]|" + BIDI_CONTROLS.pattern)


def read_source_text(root: Path, source: Source, doc: YamlDocument, loc: Loc,
                     problems: list[Problem],
                     read: Callable[[Path, Path, int, str], bytes] = read_bounded) -> str | None:
    """The text of a registered source, if its file is safe, UTF-8, plain text within the
    limits, and unchanged; ``read``: read_bounded, or a ParsedFiles' read."""
    where = (*loc, "file")
    # The schema refuses such a name; checked again here because the name becomes a path.
    if not re.fullmatch(SOURCE_FILE, source.file):
        problems.append(doc.problem(where, PATTERN_HINTS[SOURCE_FILE]))
        return None
    candidate = root / "data" / "sources" / source.file
    shown = f"data/sources/{source.file}"
    if absent(candidate):
        problems.append(doc.problem(where, f"source file '{shown}' does not exist; copy the "
                                    "article there or fix the name"))
        return None
    try:
        raw = read(candidate, root, MAX_SOURCE_BYTES, "a source article")
    except BriefingError as exc:
        problems.extend(exc.problems)
        return None
    digest = hashlib.sha256(raw).hexdigest()
    if digest != source.sha256:
        problems.append(doc.problem((*loc, "sha256"), f"{shown} has changed "
            f"(sha256 is {digest}); re-check every quote from it, then update sha256"))
    try:
        text = utf8_text(raw, shown)
    except BriefingError as exc:
        problems.extend(exc.problems)
        return None
    if not text.strip():
        problems.append(doc.problem(where, f"{shown} is empty"))
        return None
    if control := _SOURCE_CONTROLS.search(text):
        problems.append(Problem(shown, *position(text, control.start()), f"the character "
            f"U+{ord(control.group()):04X} is not allowed in a source text (only line breaks "
            "and tabs are); delete it, it is not part of the article"))
        return None
    lines = sum(1 for line in text.splitlines() if line.strip())
    if lines > MAX_SOURCE_PARAGRAPHS:
        problems.append(Problem(shown, 1, 1, f"{lines:,} paragraphs, over the limit of "
            f"{MAX_SOURCE_PARAGRAPHS:,} for a source article; keep only the article's text"))
        return None
    return unicodedata.normalize("NFC", text)


def _duplicates(items: list[Any], key: str, what: str, corpus: Corpus,
                problems: list[Problem]) -> None:
    first: dict[str, Any] = {}
    for item in items:
        value = getattr(item, key)
        if value in first:
            origin, earlier = corpus.origin(item), corpus.origin(first[value])
            line = earlier.doc.where(earlier.loc)[0]
            problems.append(origin.doc.problem((*origin.loc, key),
                f"duplicate {what} '{value}' (also in {earlier.doc.path}:{line}); "
                "ids name pages, so each must be unique"))
        else:
            first[value] = item


# Which fields of which model name an id of which kind (a list field names several).
REFERENCES: dict[type, tuple[tuple[str, str], ...]] = {
    Citation: (("source", "source"),),
    Person: (("country", "country"),),
    Participant: (("person", "person"),),
    Outcome: (("topic", "topic"), ("by", "person"), ("tracks", "tracked claim"),
              ("side", "country"), ("of_side", "country")),
    TradeTarget: (("summit", "summit"), ("stated_by", "person")),
    TargetStatement: (("summit", "summit"), ("stated_by", "person")),
    Derived: (("uses", "fact"),),
}
WHERE_DEFINED = {"source": "data/sources.yaml", "person": "data/people.yaml",
                 "topic": "data/topics.yaml", "summit": "data/summits/",
                 "tracked claim": "data/tracked.yaml", "country": "data/site.yaml",
                 "fact": "data/trade.yaml or an outcome ('<summit-id>/<outcome-id>')"}


def fact_ids(corpus: Corpus) -> set[str]:
    """Ids a ``derived.uses`` may name: trade figures and targets, and summit outcomes."""
    ids = {item.id for item in [*corpus.trade.figures, *corpus.trade.targets]}
    ids.update(f"{s.id}/{o.id}" for s in corpus.summits for o in s.outcomes)
    return ids


KnownIds = dict[str, set[str]]  # kind of id → every id of that kind


def _reference_problems(root_model: Any, origin: Origin, known: KnownIds,
                        incomplete: frozenset[str]) -> list[Problem]:
    """Ids in a root model that name nothing; kinds whose defining file or entries had
    problems are skipped (their ids are unknown only because of those problems, already
    reported)."""
    problems = []
    for model, loc in walk_models(root_model, origin.loc):
        for field, kind in REFERENCES.get(type(model), ()):
            value = getattr(model, field)
            named = enumerate(value) if isinstance(value, list) else [(None, value)]
            for index, ident in named:
                if ident is None or ident in known[kind] or kind in incomplete:
                    continue
                where = (*loc, field) if index is None else (*loc, field, index)
                hint = ", ".join(sorted(known[kind])[:10]) or "none defined yet"
                problems.append(origin.doc.problem(where,
                    f"unknown {kind} '{ident}'; define it in {WHERE_DEFINED[kind]} "
                    f"or use one of: {hint}"))
    return problems


def _summit_rule_problems(summit: Summit, origin: Origin, people: dict[str, Person],
                          parties: list[Country], known_countries: set[str]) -> list[Problem]:
    problems = []
    if not summit.id.startswith(summit.date.value + "-"):
        problems.append(origin.doc.problem((*origin.loc, "id"),
            f"summit id '{summit.id}' must start with its date '{summit.date.value}-'"))
    expected = Path(origin.doc.path).stem
    if summit.id != expected:
        problems.append(origin.doc.problem((*origin.loc, "id"),
            f"summit id '{summit.id}' must match its file name '{expected}.yaml'; rename one"))
    # A participant who is unknown, or from an unknown country, is reported as such already.
    countries = {people[p.person].country for p in summit.participants if p.person in people}
    missing = [party for party in parties if party.code not in countries]
    if people and missing and countries <= known_countries and all(
            p.person in people for p in summit.participants):
        problems.append(origin.doc.problem((*origin.loc, "participants"),
            "a summit needs at least one participant from each of "
            + " and ".join(f"{party.name} ({party.code})" for party in parties)
            + "; none here is from " + " or ".join(party.code for party in missing)))
    outcome_ids: dict[str, int] = {}
    for index, outcome in enumerate(summit.outcomes):
        if outcome.id in outcome_ids:
            problems.append(origin.doc.problem((*origin.loc, "outcomes", index, "id"),
                f"duplicate outcome id '{outcome.id}' in this summit "
                f"(also outcomes[{outcome_ids[outcome.id]}])"))
        outcome_ids.setdefault(outcome.id, index)
    return problems


class _SummitFile(NamedTuple):
    """A summit file, validated and checked as soon as it was read."""

    doc: YamlDocument | None
    summit: Summit | None
    problems: list[Problem]  # reading it, or validating it as a Summit
    references: list[Problem]  # ids in it that name nothing
    rules: list[Problem]  # its id, participants and outcome ids


def _check_summit_file(loaded: YamlDocument | list[Problem], known: KnownIds,
                       incomplete: frozenset[str], people: dict[str, Person],
                       parties: list[Country]) -> _SummitFile:
    """``known`` need not hold summit or fact ids yet: summits do not name them."""
    problems: list[Problem] = []
    doc = _loaded(loaded, problems)
    summit = parse_models(doc, Summit, (), doc.data, problems) if doc else None
    if doc is None or summit is None:
        return _SummitFile(doc, None, problems, [], [])
    origin = Origin(doc, ())
    return _SummitFile(doc, summit, problems,
                       _reference_problems(summit, origin, known, incomplete),
                       _summit_rule_problems(summit, origin, people, parties,
                                             known["country"]))


def _check_references(corpus: Corpus, problems: list[Problem], known: KnownIds,
                      incomplete: frozenset[str], checked: dict[int, _SummitFile]) -> None:
    """Report ids that name nothing, and broken summit rules, root by root; summits were
    checked as they were read (``checked``, by id() of their model)."""
    known.update(summit={s.id for s in corpus.summits}, fact=fact_ids(corpus))
    for root_model in [*corpus.people, *corpus.milestones]:
        problems += _reference_problems(root_model, corpus.origin(root_model), known,
                                        incomplete)
    for summit in corpus.summits:
        problems += checked[id(summit)].references
    problems += _reference_problems(corpus.trade, corpus.origin(corpus.trade), known, incomplete)
    for summit in corpus.summits:
        problems += checked[id(summit)].rules
    if "summit" not in incomplete:
        problems += _target_history_problems(corpus)
        problems += _reports_on_problems(corpus)


def _target_history_problems(corpus: Corpus) -> list[Problem]:
    """A target is one record, and its history runs forward: no two targets give the same
    amount by the same year; each restatement reports a summit later than the one before it
    (so the first is where the target was set); an 'outcome' it names is an outcome of its
    summit."""
    problems = []
    origin = corpus.origin(corpus.trade)
    summits = {s.id: s for s in corpus.summits}
    seen: dict[tuple[float, str | None, int], TradeTarget] = {}
    for index, target in enumerate(corpus.trade.targets):
        loc = (*origin.loc, "targets", index)
        # One target, one record: the same amount by the same year is a restatement.
        if target.deadline is not None:
            key = (target.amount, target.currency, target.deadline)
            if key in seen:
                problems.append(origin.doc.problem((*loc, "amount"),
                    f"'{seen[key].id}' is already a target of this amount by "
                    f"{target.deadline}; list this statement under its 'restated' instead"))
            seen.setdefault(key, target)
        previous = summits.get(target.summit)
        for number, statement in enumerate(target.statements):
            at = loc if number == 0 else (*loc, "restated", number - 1)
            summit = summits.get(statement.summit)
            if summit is None:
                continue  # an unknown summit id is reported by the reference check
            if number and previous and \
                    sort_key(summit.date.value) <= sort_key(previous.date.value):
                problems.append(origin.doc.problem((*at, "summit"),
                    f"'{statement.summit}' ({summit.date.value}) is not later than "
                    f"'{previous.id}' ({previous.date.value}); list restatements oldest first, "
                    "after the summit where the target was first set (move an earlier one "
                    "there)"))
            if statement.outcome and statement.outcome not in {o.id for o in summit.outcomes}:
                problems.append(origin.doc.problem((*at, "outcome"),
                    f"'{statement.outcome}' is not an outcome of '{summit.id}'; name the "
                    "outcome of that summit that states the target, or remove 'outcome'"))
            previous = summit
    return problems


def _reports_on_problems(corpus: Corpus) -> list[Problem]:
    """What an outcome says it reports on is a pledge of an earlier summit."""
    problems = []
    summits = {s.id: s for s in corpus.summits}
    for summit in corpus.summits:
        origin = corpus.origin(summit)
        for index, outcome in enumerate(summit.outcomes):
            for number, reported in enumerate(outcome.reports_on):
                where = (*origin.loc, "outcomes", index, "reports_on", number)
                summit_id, outcome_id = reported.split("/")
                earlier = summits.get(summit_id)
                pledge = next((o for o in earlier.outcomes if o.id == outcome_id),
                              None) if earlier else None
                if earlier is None:
                    message = f"unknown summit '{summit_id}'; name a summit of data/summits/"
                elif pledge is None:
                    message = (f"'{outcome_id}' is not an outcome of '{summit_id}'; name the "
                               "pledge as '<summit-id>/<outcome-id>'")
                elif pledge.kind != "pledge":
                    message = (f"'{reported}' is recorded as {pledge.kind}, not a pledge; "
                               "'reports_on' names pledges, which the commitments page judges")
                elif sort_key(earlier.date.value) >= sort_key(summit.date.value):
                    message = (f"'{summit_id}' ({earlier.date.value}) is not earlier than this "
                               f"summit ({summit.date.value}); an outcome reports on pledges "
                               "made before it")
                else:
                    continue
                problems.append(origin.doc.problem(where, message))
    return problems


def _site_settings(root: Path, problems: list[Problem], origins: dict[int, Origin],
                   parsed: ParsedFiles | None) -> SiteSettings | None:
    path = root / "data" / "site.yaml"
    if absent(path):
        problems.append(Problem("data/site.yaml", 1, 1, "required data file is missing: it names "
            "the two countries, their scripts, the currency and the site's title; "
            "`summit-briefings init NEW-FOLDER` writes an example to copy from"))
        return None
    doc = _loaded(load_data_file(path, root, parsed), problems)
    settings = parse_models(doc, SiteSettings, (), doc.data, problems) if doc else None
    if settings is None:
        return None
    origins[id(settings)] = Origin(doc, ())
    seen: set[str] = set()
    for index, country in enumerate(settings.countries):
        if country.code in seen:
            parties = len(settings.parties)
            where = ("parties", index) if index < parties else ("others", index - parties)
            problems.append(doc.problem((*where, "code"), f"country '{country.code}' is listed "
                                        "twice; list each country once"))
        seen.add(country.code)
    return settings


def _person_rule_problems(person: Person, origin: Origin,
                          country: Country | None) -> list[Problem]:
    """The display name is one of the person's name forms, each in a script of their country;
    the id is not the folder of the people A–Z."""
    problems = []
    if person.id == PEOPLE_BY_NAME:
        problems.append(origin.doc.problem((*origin.loc, "id"), f"the id '{PEOPLE_BY_NAME}' "
            f"names the folder of the leaders A–Z (/leaders/{PEOPLE_BY_NAME}/); give this "
            "person another id"))
    if person.name not in {form.text for form in person.names}:
        problems.append(origin.doc.problem((*origin.loc, "name"), f"the display name "
            f"'{person.name}' is not among this person's 'names'; add it there with its script"))
    for index, form in enumerate(person.names):
        if country and form.script not in country.scripts:
            problems.append(origin.doc.problem((*origin.loc, "names", index, "script"),
                f"'{form.script}' is not a script data/site.yaml lists for {country.name}; "
                "use one of: " + ", ".join(country.scripts) + " (or add it there)"))
    return problems


def _hedge_word_problems(corpus: Corpus) -> list[Problem]:
    """A quote word belongs to one hedge class: the check names the class it finds."""
    problems = []
    first: dict[str, str] = {}
    for hedge in corpus.hedges:
        origin = corpus.origin(hedge)
        for index, word in enumerate(hedge.quote_words):
            key = " ".join(word.lower().split())
            if key in first:
                problems.append(origin.doc.problem((*origin.loc, "quote_words", index),
                    f"'{word}' is a quote word of hedge class '{first[key]}' too; list each "
                    "quote word in one class"))
            first.setdefault(key, hedge.id)
    return problems


def _in_currency(trade: Trade, currency: str) -> Trade:
    """Trade figures and targets that name no currency are in the site's."""
    def filled(items: list[Any]) -> list[Any]:
        return [item if item.currency else item.model_copy(update={"currency": currency})
                for item in items]
    return Trade(figures=filled(trade.figures), targets=filled(trade.targets))


def _loaded(loaded: YamlDocument | list[Problem], problems: list[Problem]) -> YamlDocument | None:
    if isinstance(loaded, list):
        problems.extend(loaded)
        return None
    return loaded


def validate(root: Path, parsed: ParsedFiles | None = None) -> Corpus:
    """Load and validate everything under ``root/data``; raise BriefingError listing them all.
    With ``parsed``, files whose bytes the last build parsed are not parsed again."""
    data = root / "data"
    problems: list[Problem] = []
    origins: dict[int, Origin] = {}
    unparsed: list[tuple[Origin, Any]] = []

    def load(path: Path) -> YamlDocument | None:
        return _loaded(load_data_file(path, root, parsed), problems)

    problems += unsafe_files(root)
    incomplete: set[str] = set()  # kinds of id some of which failed to load
    site = _site_settings(root, problems, origins, parsed)
    if site is None:
        incomplete.add("country")
    lists: dict[str, list[Any]] = {}
    for name, model in LIST_FILES.items():
        before = len(problems)
        doc = load(data / f"{name}.yaml")
        lists[name] = _list_file(doc, model, problems, origins, unparsed) if doc else []
        if len(problems) > before and name in KIND_OF_FILE:
            incomplete.add(KIND_OF_FILE[name])

    before = len(problems)
    trade = Trade(figures=[], targets=[])
    trade_doc = load(data / "trade.yaml") or YamlDocument("data/trade.yaml", None)
    if trade_doc.data is not None:
        valid_trade = parse_models(trade_doc, Trade, (), trade_doc.data, problems)
        if valid_trade is None:
            unparsed.append((Origin(trade_doc, ()), trade_doc.data))
        trade = valid_trade or trade
    if site:
        trade = _in_currency(trade, site.currency)
    origins[id(trade)] = Origin(trade_doc, ())
    if len(problems) > before:
        incomplete.add("fact")
    # Optional: only needed once an outcome 'tracks' a claim across sources.
    tracked: list[TrackedClaim] = []
    if (data / "tracked.yaml").is_file():
        before = len(problems)
        doc = load(data / "tracked.yaml")
        tracked = _list_file(doc, TrackedClaim, problems, origins, unparsed) if doc else []
        if len(problems) > before:
            incomplete.add("tracked claim")

    # Optional too: without it, sentences are not checked for the hedges of their quotes.
    hedges: list[HedgeClass] = []
    if (data / "hedges.yaml").is_file():
        doc = load(data / "hedges.yaml")
        hedges = _list_file(doc, HedgeClass, problems, origins, unparsed) if doc else []

    # A linked data folder is not read at all (unsafe_files reports it): each of its files
    # would be refused anyway.
    linked = {name for name in ("sources", "summits") if is_linked(data / name, root)}
    if "summits" in linked:
        incomplete.update(("summit", "fact"))
    texts: dict[str, str] = {}
    for source in [] if "sources" in linked else lists["sources"]:
        origin = origins[id(source)]
        text = read_source_text(root, source, origin.doc, origin.loc, problems,
                                parsed.read if parsed is not None else read_bounded)
        if text is not None:
            texts[source.id] = text

    known = {"source": {s.id for s in lists["sources"]},
             "person": {p.id for p in lists["people"]},
             "topic": {t.id for t in lists["topics"]},
             "tracked claim": {t.id for t in tracked},
             "country": {c.code for c in site.countries} if site else set()}
    people = {p.id: p for p in lists["people"]}
    parties = site.parties if site else []
    checked_before = frozenset(incomplete)
    paths, folder_problems = summit_files(root) if "summits" not in linked else ([], [])
    problems += folder_problems
    # What a summit file's check reads besides the file: the check is kept on its document
    # while these are equal (a save to one summit file leaves the others' checks standing).
    reads = ({kind: frozenset(ids) for kind, ids in known.items()}, checked_before, people,
             parties)

    def check(path: Path) -> _SummitFile:
        loaded = load_data_file(path, root, parsed)
        work_out = partial(_check_summit_file, loaded, known, checked_before, people, parties)
        return work_out() if isinstance(loaded, list) else loaded.kept_value("checked", reads,
                                                                             work_out)
    checked_files = [check(path) for path in paths]

    summits: list[Summit] = []
    for checked in checked_files:
        if checked.summit:
            summits.append(checked.summit)
            origins[id(checked.summit)] = Origin(checked.doc, ())
        elif checked.doc is not None:
            unparsed.append((Origin(checked.doc, ()), checked.doc.data))
        if checked.problems:
            problems += checked.problems
            incomplete.update(("summit", "fact"))

    try:
        guides = editor_guides(root)
    except BriefingError as unreadable:
        problems += unreadable.problems
        guides = {}

    corpus = Corpus(site=site, sources=lists["sources"], texts=texts, people=lists["people"],
                    topics=lists["topics"], summits=sorted(summits, key=lambda s: s.id),
                    trade=trade, milestones=lists["milestones"], tracked=tracked,
                    hedges=hedges, guides=guides, origins=origins, unparsed=unparsed)
    for kind in ("figures", "targets"):
        for index, item in enumerate(getattr(trade, kind)):
            origins[id(item)] = Origin(trade_doc, (kind, index))
    for items, what in ((corpus.sources, "source id"), (corpus.people, "person id"),
                        (corpus.topics, "topic id"), (corpus.summits, "summit id"),
                        (corpus.milestones, "milestone id"), (corpus.tracked, "tracked claim id"),
                        (corpus.hedges, "hedge class id"),
                        ([*trade.figures, *trade.targets], "trade id")):
        _duplicates(items, "id", what, corpus, problems)
    _duplicates(corpus.sources, "file", "source file", corpus, problems)
    problems += _hedge_word_problems(corpus)
    for person in corpus.people:
        problems += _person_rule_problems(person, corpus.origin(person),
                                          corpus.country(person.country))
    _check_references(corpus, problems, known, frozenset(incomplete),
                      {id(f.summit): f for f in checked_files if f.summit})
    if problems:
        raise BriefingError(problems, partial=corpus)
    return corpus
