"""Source articles as pages: paragraphs with stable anchors, cited passages marked, and the
sentences of a paragraph."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .quotes import Passage

# A stop (full stop, question or exclamation mark, ellipsis) with any closing quotes or
# brackets, and the word after it. Matched from the stop rather than from each word: most
# words of a text end no sentence.
_STOP = re.compile(r"(?P<stop>[.!?…]+)(?P<close>[\"”’')\]]*)(?P<space>\s*)(?=(?P<next>\S+))")
_OPENERS = "\"“‘'(["
# Single letters with full stops: initials, 'U.S.', 'a.m.', 'S. Korean'.
_INITIALS = re.compile(r"(?:[^\W\d_]\.)+")
# Words whose full stop marks an abbreviation; like initials, one ends a sentence only
# before a word that starts sentences ('Samsung Electronics Co. The …'). A title never
# comes before such a word, so 'Mr. Moon' and 'Dr. Kim' stay whole.
ABBREVIATIONS = frozenset("""
    mr mrs ms dr prof gen lt col maj capt sgt adm sen rep gov rev hon st mt ft
    no nos vol art fig approx est inc co corp ltd jr sr bros etc vs
    jan feb mar apr jun jul aug sep sept oct nov dec
    """.split())
# Words that open sentences and seldom follow an abbreviation or initials inside one
# ('U.S. President' goes on; 'U.S. The' does not).
STARTERS = frozenset("""
    The A An He She It They We I You This That These Those There Its His Her Their Our
    But And Yet So In On At As By For From With After Before During When While If
    Although However Meanwhile Both Each Some
    """.split())


def _word_before(text: str, start: int, at: int) -> str:
    begin = at
    while begin > start and not text[begin - 1].isspace():
        begin -= 1
    return text[begin:at]


def _ends_sentence(text: str, start: int, stop: re.Match[str]) -> bool:
    """Whether a sentence ends at a stop, given the word after it."""
    following = stop["next"].lstrip(_OPENERS)
    if not following[:1].isalpha() or following[:1].islower():
        return False  # a digit or lower-case word: '$63.9', 'No. 1', '"We agree." he said'
    if not stop["space"]:
        # Sentences run together ('…in 2023.The two leaders'): two letters or digits
        # before the stop and a capitalised word after it, so that 'U.S.A' and 'S.Africa'
        # stay whole.
        before = text[max(start, stop.start() - 2):stop.start()]
        return len(before) == 2 and before.isalnum() and following[:1].isupper() \
            and following[1:2].islower()
    stem = _word_before(text, start, stop.start()).lstrip(_OPENERS)
    if stop["stop"] == "." and not stop["close"] and (
            stem.lower() in ABBREVIATIONS or _INITIALS.fullmatch(stem + ".")):
        return re.match(r"\w+", following)[0] in STARTERS
    return True


def sentence_starts(text: str, start: int = 0, end: int | None = None) -> list[int]:
    """Where each sentence of ``text[start:end]`` (one paragraph) starts, as offsets in
    ``text``. A sentence ends at a full stop, question or exclamation mark (with any closing
    quotes) before a capitalised word, but not after an abbreviation or initials unless the
    next word is one that starts sentences ('… in the U.S. The talks'); digits never start
    one. Deterministic: the same text always splits the same way."""
    end = len(text) if end is None else end
    part = text[start:end]
    if not part.strip():
        return []
    first = start + len(part) - len(part.lstrip())
    return [first] + [stop.start("next") for stop in _STOP.finditer(text, start, end)
                      if _ends_sentence(text, start, stop)]



@dataclass(frozen=True)
class Paragraph:
    """A non-blank line of a source; its number is its anchor (#p1, #p2 …)."""

    number: int
    start: int
    end: int

    @property
    def anchor(self) -> str:
        return f"p{self.number}"


@dataclass
class Segment:
    """A run of paragraph text; marked when a citation quotes it."""

    text: str
    marked: bool
    anchors: tuple[str, ...]  # the passages that start here
    within: tuple[str, ...] = ()  # every passage this run is part of


def paragraphs(text: str) -> list[Paragraph]:
    found, offset, number = [], 0, 0
    for line in text.splitlines(keepends=True):
        stripped = line.strip()
        if stripped:
            number += 1
            start = offset + line.index(stripped[0])
            found.append(Paragraph(number, start, start + len(stripped)))
        offset += len(line)
    return found


def paragraph_of(paras: list[Paragraph], passage: Passage) -> Paragraph:
    for para in paras:
        if para.start <= passage.start < para.end:
            return para
    return paras[-1]


def segments(text: str, para: Paragraph, passages: list[Passage]) -> list[Segment]:
    """Split a paragraph where cited passages start or end, so each can be marked."""
    inside = [p for p in passages if p.start < para.end and p.end > para.start]
    cuts = {para.start, para.end}
    for p in inside:
        cuts.update(c for c in (p.start, p.end) if para.start < c < para.end)
    points = sorted(cuts)
    result = []
    for begin, end in zip(points, points[1:], strict=False):
        anchors = tuple(p.anchor for p in inside if p.start == begin)
        within = tuple(p.anchor for p in inside if p.start <= begin and end <= p.end)
        result.append(Segment(text[begin:end], bool(within), anchors, within))
    return result
