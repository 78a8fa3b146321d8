"""Candidate facts in a new article: amounts, percentages, dates, counts and people.

`make new-source` writes them to data/drafts/<stem>.yaml, each with its quote (the whole
sentence it sits in) already copied verbatim. Drafts never reach the site; an editor
turns them into facts by editing YAML.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from ..evidence.quotes import NUMBER_WORDS, IndexedSource, fold_ascii, normalise
from ..evidence.sources import paragraphs, sentence_starts
from ..model.dates import MONTHS as MONTH_NAMES
from ..model.dates import WEEKDAYS as WEEKDAY_NAMES
from ..model.schema import Person

MONTHS = "|".join(MONTH_NAMES)
WEEKDAYS = "|".join(WEEKDAY_NAMES)
COUNT_WORDS = "|".join(NUMBER_WORDS)
COUNTED = ("documents|agreements|memoranda|MOUs|companies|firms|enterprises|projects|"
           "workers|laborers|labourers|people|nations|countries|students|visitors")
PATTERNS = {
    "money": r"(?:US\$|\$|USD ?)\d[\d,.]*(?: ?(?:trillion|billion|million))?"
             r"|\d[\d,.]* ?(?:trillion|billion|million) ?(?:USD|US dollars|dollars)",
    "percent": r"\d+(?:\.\d+)? ?(?:%|percent|per cent)",
    "date": rf"(?:{MONTHS}) \d{{1,2}}(?:, \d{{4}})?|\d{{1,2}} (?:{MONTHS})(?: \d{{4}})?"
            rf"|(?:{MONTHS}) \d{{4}}|\d{{4}}-\d{{2}}-\d{{2}}|\b(?:{WEEKDAYS})\b",
    "count": rf"\b(?:\d{{1,3}}(?:,\d{{3}})+|\d+|{COUNT_WORDS}) (?:[\w-]+ ){{0,3}}?"
             rf"(?:{COUNTED})\b",
    "year": r"\b(?:19|20)\d{2}\b",
}
TITLES = (r"(?:President|Prime Minister|General Secretary|Party General Secretary|Chairman|"
          r"Chairwoman|Minister|Foreign Minister|leader)")
# A title followed by two to four capitalised words: an official the article names.
NAMED_OFFICIAL = re.compile(rf"{TITLES} ((?:[A-Z][\w'-]+ ){{1,3}}[A-Z][\w'-]+)")
_BILATERAL = re.compile(r"two (?:countries|nations|sides|leaders)")


@dataclass(frozen=True)
class Candidate:
    kind: str
    value: str
    quote: str
    person: str | None = None


def sentences(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each sentence of the original text, as citations count them."""
    for para in paragraphs(text):
        starts = sentence_starts(text, para.start, para.end)
        for start, end in zip(starts, [*starts[1:], para.end], strict=True):
            yield start, start + len(text[start:end].rstrip())


def _unique_quote(index: IndexedSource, text: str, start: int, end: int) -> str:
    """The sentence, lengthened into the next one until it occurs only once."""
    quote = text[start:end].strip()
    while len(index.find_all(normalise(quote))) > 1 and end < len(text):
        end = min(len(text), end + 80)
        quote = text[start:end].strip()
    return quote


def _fold(text: str) -> str:
    """Lower-case, without diacritics, character for character: a match in it is a match at
    the same offsets in ``text``."""
    folded = (fold_ascii(c) for c in text)
    return "".join(f if len(f) == 1 else c for f, c in zip(folded, text, strict=True)).lower()


def find_candidates(text: str, people: list[Person], cut_off: bool = False) -> list[Candidate]:
    """One candidate per value (per person for names), with the first sentence that gives it
    as its quote. Names are given as the text writes them, with the person they match. A
    cut-off last sentence gives none: its numbers may be cut too ('US$2 bill…')."""
    index = IndexedSource(text)
    spans = list(sentences(text))
    found: dict[tuple[str, str], Candidate] = {}
    forms = [(fold_ascii(form).lower(), person) for person in people
             for form in {person.name, *(f.text for f in person.names)}]
    for start, end in spans[:-1] if cut_off else spans:
        sentence = text[start:end]
        hits: list[tuple[str, str, str | None]] = []
        taken: list[tuple[int, int]] = []
        for kind, pattern in PATTERNS.items():
            for match in re.finditer(pattern, sentence):
                if any(a <= match.start() < b for a, b in taken):
                    continue  # '2020' inside 'March 23, 2020' is already a date
                if _BILATERAL.fullmatch(match.group()):
                    continue  # 'the two countries' names the parties, it counts nothing
                taken.append(match.span())
                hits.append((kind, match.group().strip(), None))
        folded = _fold(sentence)
        for form, person in forms:
            if match := re.search(rf"\b{re.escape(form)}\b", folded):
                hits.append(("person", sentence[match.start():match.end()], person.id))
        for match in NAMED_OFFICIAL.finditer(sentence):
            name = fold_ascii(match.group(1)).lower()
            if not any(name in form or form in name for form, _ in forms):
                hits.append(("person", match.group(1), None))
        if hits:
            quote = _unique_quote(index, text, start, end)
            for kind, value, person in hits:
                found.setdefault((kind, person or value), Candidate(kind, value, quote, person))
    return sorted(found.values(), key=lambda c: (list(PATTERNS).index(c.kind)
                  if c.kind in PATTERNS else len(PATTERNS), text.find(c.quote), c.value))
