"""The site's own sentences say no more than the quotes they cite.

Two checks of the verify stage, over every sentence the site writes itself that cites quotes
(a summit's bottom line, an outcome's text; an outcome that is a leader's words is the quote
itself): a sentence keeps the hedges of its quotes (the classes of data/hedges.yaml), and it
names only people whom its quotes name. Both match words, not meaning: the guide lists what
that misses. A third keeps every summit title in one order: the parties' leaders in the
order of data/site.yaml.

The pages also compose sentences of their own from each statement of a trade target ('Lee
Jae Myung, Tô Lâm set it, according to media'): the statement reports work out, by the same
two rules, what they may say, and refuse a statement's kind that drops a hedge.
``check_wording`` runs both.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import partial

from ..model.corpus import Corpus, walk_models
from ..model.load import Loc
from ..model.problems import Problem
from ..model.schema import KIND_WORDS, Citation, HedgeClass, Person, Summit, TargetStatement
from .quotes import alternation, fold_ascii, normalise
from .sources import sentence_around
from .verified import Passage, Reported

# Attribution words that name who gives the report after them ('according to media'): the
# words up to the end of their clause are the source's attribution, kept with them.
GIVER_BEFORE = ("according to",)
# The most words such a giver runs to ('Cheong Wa Dae pool reports'); a longer clause is
# more than a name, and only the attribution words are kept.
MAX_GIVER_WORDS = 5
_CLAUSE = re.compile(r"[^,.;:!?()\[\]\"“”]*")

# Shortest word of a name that identifies a person on its own: shorter ones ('To', 'Ho',
# 'Vo') are common words or initials far more often than they are the person.
MIN_NAME_WORD = 3


@dataclass(frozen=True)
class Sentence:
    """Text the site writes in its own words, with what it cites."""

    loc: Loc  # inside its summit's file
    text: str
    cite: list[Citation]
    by: tuple[str, ...] = ()  # who an outcome says did it; a bottom line names no one here


def site_sentences(summit: Summit) -> list[Sentence]:
    found = []
    if summit.summary:
        found.append(Sentence(("summary", "text"), summit.summary.text, summit.summary.cite))
    found += [Sentence(("outcomes", index, "text"), outcome.text, outcome.cite,
                       tuple(outcome.by))
              for index, outcome in enumerate(summit.outcomes) if outcome.kind != "quote"]
    return found


def _words(words: list[str]) -> re.Pattern[str]:
    """Any of the words or phrases, as whole words, in normalised text, in any case."""
    phrases = {normalise(word) for word in words}
    return re.compile(rf"(?<!\w)(?:{alternation(phrases)})(?!\w)", re.IGNORECASE)


def _hedges(corpus: Corpus) -> list[_Hedge]:
    return [_Hedge(h, _words(h.quote_words), _words(h.site_words)) for h in corpus.hedges]


def _named_in(summit: Summit, names: _Names) -> dict[str, set[str]]:
    """Who the summit's quotes from each source name (by source id)."""
    named: dict[str, set[str]] = {}
    for model, _ in walk_models(summit, ()):
        if isinstance(model, Citation):
            named.setdefault(model.source, set()).update(names.named(model.quote))
    return named


def _excerpt(text: str, limit: int = 60) -> str:
    text = normalise(text)
    return text if len(text) <= limit else text[:limit].rstrip() + "…"


def _around(text: str, match: re.Match[str], width: int = 30) -> str:
    """The quote's words around a match: '…agreed on the need to upgrade the…'."""
    start, end = max(0, match.start() - width), min(len(text), match.end() + width)
    return ("…" if start else "") + text[start:end].strip() + ("…" if end < len(text) else "")


@dataclass(frozen=True)
class _Hedge:
    hedge: HedgeClass
    in_quote: re.Pattern[str]
    in_sentence: re.Pattern[str]


@dataclass(frozen=True)
class _Found:
    """A hedge of a quote: the match, in the text it was found in (the quote, or the source's
    sentence of it for a class of sentence scope), and which of the two that is."""

    match: re.Match[str]
    text: str
    where: str


def _hedge_in(citation: Citation, hedge: _Hedge, corpus: Corpus,
              passages: dict[tuple[str, str], Passage]) -> _Found | None:
    """The hedge's quote words in the cited quote, or, for a class of sentence scope, in the
    source's sentence the quote stands in ('…, according to media.')."""
    quote = normalise(citation.quote)
    match = hedge.in_quote.search(quote)
    if match:
        return _Found(match, quote, "its quote")
    passage = passages.get((citation.source, quote))
    if hedge.hedge.scope != "sentence" or passage is None:
        return None
    sentence = normalise(sentence_around(corpus.texts[citation.source], passage.start,
                                         passage.end))
    match = hedge.in_quote.search(sentence)
    return _Found(match, sentence, "the source's sentence of its quote") if match else None


def _check_hedges(sentence: Sentence, hedges: list[_Hedge], corpus: Corpus,
                  passages: dict[tuple[str, str], Passage]) -> list[str]:
    """What each hedge of the sentence's quotes that the sentence drops is: one message per
    class, naming the first quote that carries it."""
    text = normalise(sentence.text)
    messages = []
    for hedge in hedges:
        if hedge.in_sentence.search(text):
            continue
        for citation in sentence.cite:
            found = _hedge_in(citation, hedge, corpus, passages)
            if found:
                messages.append(
                    f'"{_excerpt(text)}" drops the hedge \'{found.match.group()}\' '
                    f'({hedge.hedge.id}) of {found.where} "{_around(found.text, found.match)}"; '
                    "keep it: write one of "
                    + ", ".join(f"'{w}'" for w in hedge.hedge.site_words)
                    + f" (class '{hedge.hedge.id}' of data/hedges.yaml)")
                break
    return messages


class _Names:
    """Who a text names: every form of each person's name, and each word of one that is long
    enough and no one else's ('Moon', 'Cuong'), since sentences and quotes alike name people
    by one word of the name; all in text without diacritics, in one pattern, so that each
    text is read once however many people there are."""

    def __init__(self, people: list[Person]) -> None:
        def folded_words(person: Person) -> set[str]:
            return {fold_ascii(word) for form in (person.name, *(f.text for f in person.names))
                    for word in normalise(form).split()}
        owners: dict[str, set[str]] = {}
        for person in people:
            for word in folded_words(person):
                owners.setdefault(word, set()).add(person.id)
        self.person_of: dict[str, str] = {}
        for person in people:
            forms = {fold_ascii(normalise(f.text)) for f in person.names}
            forms.add(fold_ascii(normalise(person.name)))
            forms |= {word for word in folded_words(person)
                      if len(word) >= MIN_NAME_WORD and owners[word] == {person.id}}
            for form in forms:
                self.person_of.setdefault(form, person.id)
        # Names are capitalised: matching case keeps 'moon' the noun from naming Moon.
        self.pattern = re.compile(rf"(?<![\w-])(?:{alternation(self.person_of)})(?![\w-])")
        # A quote is read once however many sentences cite it.
        self._read: dict[str, dict[str, str]] = {}

    def named(self, text: str) -> dict[str, str]:
        """Each person the text names (by id), with the words that name them as written."""
        if text not in self._read:
            self._read[text] = self._named(text)
        return self._read[text]

    def _named(self, text: str) -> dict[str, str]:
        text = normalise(text)
        folded = fold_ascii(text)
        # Dropping diacritics keeps the length of NFC Latin text, so a span is the text's own.
        same = len(folded) == len(text)
        found: dict[str, str] = {}
        for match in self.pattern.finditer(folded):
            found.setdefault(self.person_of[match.group()],
                             text[match.start():match.end()] if same else match.group())
        return found


def _check_attribution(sentence: Sentence, names: _Names, named_in: dict[str, set[str]],
                       corpus: Corpus) -> list[str]:
    """People the sentence names whom none of its quotes names. One in an outcome's 'by' may
    be named elsewhere, in a quote of this summit from an article it cites (``named_in``:
    who the summit's quotes from each source name): its quotes may call them 'he'."""
    quoted = set().union(*(names.named(c.quote) for c in sentence.cite))
    elsewhere = set().union(*(named_in.get(c.source, set()) for c in sentence.cite))
    messages = []
    for person_id, written in names.named(sentence.text).items():
        if person_id in quoted or (person_id in sentence.by and person_id in elsewhere):
            continue
        messages.append(
            f'"{_excerpt(sentence.text)}" names {corpus.person(person_id).name} (as '
            f"'{written}'), whom none of the quotes it cites names; cite a passage that names "
            "them, or reword it to name only people its quotes name ('the two leaders')"
            + (" (an outcome may list them in 'by' when another quote of this summit, from an "
               "article it cites, names them)" if sentence.loc[0] == "outcomes" else ""))
    return messages


def _check_title_order(summit: Summit, names: _Names, corpus: Corpus) -> list[str]:
    """A title names the two parties' leaders in the order of site.yaml's parties, so that
    every title of the site reads one way ('Moon Jae-in and Tran Dai Quang', never the other
    way round on the next page)."""
    if corpus.site is None:
        return []
    rank = {party.code: index for index, party in enumerate(corpus.site.parties)}
    named = [corpus.person(person_id) for person_id in names.named(summit.title)]
    ranked = [(rank[p.country], p) for p in named if p.country in rank]
    for (first_rank, first), (then_rank, then) in zip(ranked, ranked[1:], strict=False):
        if then_rank < first_rank:
            return [f"the title names {first.name} ({corpus.country_name(first.country)}) "
                    f"before {then.name} ({corpus.country_name(then.country)}); titles name "
                    "the leaders in the order of the parties in data/site.yaml, "
                    f"{corpus.country_name(corpus.site.parties[0].code)}'s first"]
    return []


def _attribution_words(found: _Found) -> str:
    """The source's own words of an attribution: 'reportedly'; 'according to' with whom it
    names, up to the end of its clause ('according to media'). The hedge's words are put in
    lower case, since a page writes them after the kind ('According to media, …')."""
    words = found.match.group().lower()
    if words not in GIVER_BEFORE:
        return words
    clause = _CLAUSE.match(found.text, found.match.end())
    giver = clause.group().split() if clause else []
    return f"{words} {' '.join(giver)}" if 0 < len(giver) <= MAX_GIVER_WORDS else words


def _kinds_keeping(hedge: _Hedge) -> list[str]:
    return [kind for kind, words in KIND_WORDS.items() if hedge.in_sentence.search(words)]


def _report_statement(statement: TargetStatement, hedges: list[_Hedge], names: _Names,
                      named_in: dict[str, set[str]], people: dict[str, Person], corpus: Corpus,
                      passages: dict[tuple[str, str], Passage]) -> tuple[Reported, list[str]]:
    """What a page may say of one statement of a target, and what its kind drops.

    A hedge of sentence scope (an attribution: '…, according to media') is the source's,
    not the speakers': no kind can say it, so a page adds it in the source's own words. Any
    other hedge qualifies what was done ('hoped', 'aim'), which is what the kind records: a
    kind whose words drop it is refused. A person recorded as stating it is named by a page
    where its quotes name them or their country, or (as an outcome's 'by') where a quote of
    the same summit from the same article names them, its own saying 'the two leaders'."""
    kind_words = KIND_WORDS[statement.kind]
    attributions: list[str] = []
    messages = []
    for hedge in hedges:
        if hedge.in_sentence.search(kind_words):
            continue
        for citation in statement.cite:
            found = _hedge_in(citation, hedge, corpus, passages)
            if found is None:
                continue
            if hedge.hedge.scope == "sentence":
                attributions.append(_attribution_words(found))
                continue
            keeping = _kinds_keeping(hedge)
            messages.append(
                f"kind '{statement.kind}' is worded '{kind_words}', which drops the hedge "
                f"'{found.match.group()}' ({hedge.hedge.id}) of {found.where} "
                f'"{_around(found.text, found.match)}"; '
                + (f"record the kind whose words keep it: {', '.join(keeping)}" if keeping
                   else "no kind's words keep it: cite a passage that states the target "
                   "without it, or leave this statement out (an outcome's text can keep the "
                   "hedge)")
                + f" (class '{hedge.hedge.id}' of data/hedges.yaml)")
            break
    quoted = " ".join(normalise(c.quote) for c in statement.cite)
    in_quotes = set().union(*(names.named(c.quote) for c in statement.cite))
    elsewhere = set().union(*(named_in.get(c.source, set()) for c in statement.cite))

    def country_named(person_id: str) -> bool:
        person = people.get(person_id)
        country = corpus.country_name(person.country) if person else None
        return bool(country and _words([country]).search(quoted))

    named = tuple(p for p in statement.stated_by
                  if p in in_quotes or p in elsewhere or country_named(p))
    return Reported(named, tuple(dict.fromkeys(attributions))), messages


def check_wording(corpus: Corpus, passages: dict[tuple[str, str], Passage]
                  ) -> tuple[dict[tuple[str, int], Reported], list[Problem]]:
    """Both wording checks, reading the hedges, the names and each summit's quotes once:
    what a page may say of each statement of each trade target (by target id and its number
    among the target's statements), and every problem of the site's sentences and of the
    statements' kinds. ``passages``: where each verified quote stands in its source."""
    hedges = _hedges(corpus)
    names = _Names(corpus.people)
    people = tuple(corpus.people)
    named_in = {summit.id: corpus.origin(summit).doc.kept_value(
                    "named", (summit, people), partial(_named_in, summit, names))
                for summit in corpus.summits}
    problems = _sentence_problems(corpus, passages, hedges, names, named_in)
    reported, misworded = _statement_reports(corpus, passages, hedges, names, named_in)
    return reported, problems + misworded


def _statement_reports(corpus: Corpus, passages: dict[tuple[str, str], Passage],
                       hedges: list[_Hedge], names: _Names,
                       named_in: dict[str, dict[str, set[str]]]
                       ) -> tuple[dict[tuple[str, int], Reported], list[Problem]]:
    origin = corpus.origin(corpus.trade)
    people = {person.id: person for person in corpus.people}
    reported: dict[tuple[str, int], Reported] = {}
    problems = []
    for index, target in enumerate(corpus.trade.targets):
        for number, statement in enumerate(target.statements):
            # A summit a failed validation left out is reported there; it names no one.
            reported[(target.id, number)], messages = _report_statement(
                statement, hedges, names, named_in.get(statement.summit, {}), people, corpus,
                passages)
            loc = (*origin.loc, "targets", index,
                   *(("restated", number - 1) if number else ()), "kind")
            problems += [origin.doc.problem(loc, f"the statement of {target.id} at "
                                                 f"{statement.summit}: {message}")
                         for message in messages]
    return reported, problems


def _sentence_problems(corpus: Corpus, passages: dict[tuple[str, str], Passage],
                       hedges: list[_Hedge], names: _Names,
                       named_in: dict[str, dict[str, set[str]]]) -> list[Problem]:
    """Every sentence of every summit that drops a hedge of its quotes, or names a person
    none of its quotes names."""
    problems = []
    people, classes = tuple(corpus.people), tuple(corpus.hedges)
    for summit in corpus.summits:
        sentences = site_sentences(summit)
        # Hedges of a sentence's scope are read in the source around the quote.
        read = {c.source: corpus.texts.get(c.source) for each in sentences for c in each.cite}
        problems += corpus.origin(summit).doc.kept_value(
            "sentences", (summit, people, classes, corpus.site, read),
            partial(_summit_sentence_problems, corpus, summit, sentences, passages, hedges,
                    names, named_in[summit.id]))
    return problems


def _summit_sentence_problems(corpus: Corpus, summit: Summit, sentences: list[Sentence],
                              passages: dict[tuple[str, str], Passage], hedges: list[_Hedge],
                              names: _Names, named_in: dict[str, set[str]]) -> list[Problem]:
    origin = corpus.origin(summit)
    problems = []
    for sentence in sentences:
        messages = [*_check_hedges(sentence, hedges, corpus, passages),
                    *_check_attribution(sentence, names, named_in, corpus)]
        problems += [origin.doc.problem((*origin.loc, *sentence.loc), message)
                     for message in messages]
    problems += [origin.doc.problem((*origin.loc, "title"), message)
                 for message in _check_title_order(summit, names, corpus)]
    return problems
