"""The site's own sentences say no more than the quotes they cite.

Two checks of the verify stage, over every sentence the site writes itself that cites quotes
(a summit's bottom line, an outcome's text; an outcome that is a leader's words is the quote
itself): a sentence keeps the hedges of its quotes (the classes of data/hedges.yaml), and it
names only people whom its quotes name. Both match words, not meaning: the guide lists what
that misses.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .corpus import Corpus
from .errors import Problem
from .load import Loc
from .quotes import Passage, alternation, fold_ascii, normalise
from .schema import Citation, HedgeClass, Person, Summit
from .validate import walk_models

# Where a source's sentence ends: a full stop, question or exclamation mark (with any closing
# quote or bracket) before a space, or a line break. 'U.S. President' ends one early, which
# only shortens what is searched.
_SENTENCE_END = re.compile(r"[.!?][\"”’')]*(?=\s)|\n")
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


def source_sentence(text: str, passage: Passage) -> str:
    """The sentence (or sentences) of a source text that a quoted passage stands in."""
    ends = [m.end() for m in _SENTENCE_END.finditer(text, 0, passage.start)]
    after = _SENTENCE_END.search(text, passage.end)
    return text[ends[-1] if ends else 0: after.end() if after else len(text)]


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
            quote = normalise(citation.quote)
            match, where = hedge.in_quote.search(quote), "its quote"
            passage = passages.get((citation.source, quote))
            if match is None and hedge.hedge.scope == "sentence" and passage:
                quote = normalise(source_sentence(corpus.texts[citation.source], passage))
                match, where = hedge.in_quote.search(quote), "the source's sentence of its quote"
            if match:
                messages.append(
                    f'"{_excerpt(text)}" drops the hedge \'{match.group()}\' ({hedge.hedge.id}) '
                    f'of {where} "{_around(quote, match)}"; keep it: write one of '
                    + ", ".join(f"'{w}'" for w in hedge.hedge.site_words)
                    + f" (class '{hedge.hedge.id}' of data/hedges.yaml)")
                break
    return messages


def _name_patterns(people: list[Person]) -> dict[str, re.Pattern[str]]:
    """For each person, the words that name them in text without diacritics: every form of
    their name, and each word of one that is long enough and no one else's ('Moon',
    'Cuong'), since sentences and quotes alike name people by one word of the name."""
    def folded_words(person: Person) -> set[str]:
        return {fold_ascii(word) for form in (person.name, *(f.text for f in person.names))
                for word in normalise(form).split()}
    owners: dict[str, set[str]] = {}
    for person in people:
        for word in folded_words(person):
            owners.setdefault(word, set()).add(person.id)
    patterns = {}
    for person in people:
        forms = {fold_ascii(normalise(f.text)) for f in person.names} | {
            fold_ascii(normalise(person.name))}
        forms |= {word for word in folded_words(person)
                  if len(word) >= MIN_NAME_WORD and owners[word] == {person.id}}
        # Names are capitalised: matching case keeps 'moon' the noun from naming Moon.
        patterns[person.id] = re.compile(rf"(?<![\w-])(?:{alternation(forms)})(?![\w-])")
    return patterns


def _named(pattern: re.Pattern[str], text: str) -> str | None:
    """The words of the text that name the person, as the text writes them."""
    text = normalise(text)
    folded = fold_ascii(text)
    match = pattern.search(folded)
    if match is None:
        return None
    # Dropping diacritics keeps the length of NFC Latin text, so the span is the text's own.
    return text[match.start():match.end()] if len(folded) == len(text) else match.group()


def _check_attribution(sentence: Sentence, summit_quotes: list[Citation],
                       people: list[Person], names: dict[str, re.Pattern[str]]) -> list[str]:
    """People the sentence names whom none of its quotes names. One in an outcome's 'by' may
    be named elsewhere, in a quote of this summit from an article it cites: its quotes may
    call them 'he'."""
    messages = []
    sources = {c.source for c in sentence.cite}
    for person in people:
        named = _named(names[person.id], sentence.text)
        if named is None or any(_named(names[person.id], c.quote) for c in sentence.cite):
            continue
        if person.id in sentence.by and any(
                c.source in sources and _named(names[person.id], c.quote)
                for c in summit_quotes):
            continue
        messages.append(
            f'"{_excerpt(sentence.text)}" names {person.name} (as \'{named}\'), whom '
            "none of the quotes it cites names; cite a passage that names them, or reword it "
            "to name only people its quotes name ('the two leaders')"
            + (" (an outcome may list them in 'by' when another quote of this summit, from an "
               "article it cites, names them)" if sentence.loc[0] == "outcomes" else ""))
    return messages


def check_sentences(corpus: Corpus, passages: dict[tuple[str, str], Passage]) -> list[Problem]:
    """Every sentence of every summit that drops a hedge of its quotes, or names a person
    none of its quotes names. ``passages``: where each verified quote stands in its source."""
    hedges = [_Hedge(h, _words(h.quote_words), _words(h.site_words)) for h in corpus.hedges]
    names = _name_patterns(corpus.people)
    problems = []
    for summit in corpus.summits:
        origin = corpus.origin(summit)
        quotes = [model for model, _ in walk_models(summit, ()) if isinstance(model, Citation)]
        for sentence in site_sentences(summit):
            messages = [*_check_hedges(sentence, hedges, corpus, passages),
                        *_check_attribution(sentence, quotes, corpus.people, names)]
            problems += [origin.doc.problem((*origin.loc, *sentence.loc), message)
                         for message in messages]
    return problems
