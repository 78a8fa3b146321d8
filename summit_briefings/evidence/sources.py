"""Source texts as readers and checks count them: paragraphs (lines) and their sentences,
the anchors of source pages (every paragraph, and each sentence of a long one), cited
passages marked, and where a citation says its passage sits ('¶2, sentence 3')."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from .verified import Passage

# A paragraph a reader takes in at a glance needs no sentence numbers: up to three sentences
# and 600 characters (about a hundred words, the upper end of a wire story's paragraph). Past
# either, citations name the sentence as well (docs/guide/adding-a-summit.md says why).
MAX_SENTENCES = 3
MAX_CHARACTERS = 600

# A stop (full stop, question or exclamation mark, ellipsis) with any closing quotes or
# brackets, and the word after it. Matched from the stop rather than from each word: most
# words of a text end no sentence.
_STOP = re.compile(r"(?P<stop>[.!?…]+)(?P<close>[\"”’')\]]*)(?P<space>\s*)(?=(?P<next>\S+))")
_OPENERS = "\"“‘'(["
# Single letters with full stops: initials, 'U.S.', 'a.m.', 'J. Smith'.
_INITIALS = re.compile(r"(?:[^\W\d_]\.)+")
# Words whose full stop marks an abbreviation; like initials, one ends a sentence only
# before a word that starts sentences ('Acme Trading Co. The …'). A title never
# comes before such a word, so 'Mr. Smith' and 'Dr. Jones' stay whole.
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


def sentence_around(text: str, start: int, end: int) -> str:
    """The sentence (or sentences) of a source text that ``text[start:end]`` stands in."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    starts = sentence_starts(text, line_start, line_end)
    after = bisect_left(starts, end)
    return text[starts[max(0, bisect_right(starts, start) - 1)]:
                starts[after] if after < len(starts) else line_end].strip()


@dataclass(frozen=True)
class Paragraph:
    """A line of a source that holds more than table borders; its number is its anchor
    (#p1, #p2 …). In a long one each sentence has an anchor too (#p2-s3)."""

    number: int
    start: int
    end: int
    sentences: tuple[int, ...] = ()  # where each sentence starts; only in a long paragraph

    @property
    def anchor(self) -> str:
        return f"p{self.number}"

    @property
    def label(self) -> str:
        """'¶2', as the page numbers the paragraph and a citation names it."""
        return f"¶{self.number}"

    def sentence_anchor(self, number: int) -> str:
        return f"{self.anchor}-s{number}"

    def sentence_at(self, offset: int) -> int:
        """The number of the sentence that holds an offset (1 for the first)."""
        return max(1, bisect_right(self.sentences, offset))


@dataclass
class Segment:
    """A run of paragraph text; marked when a citation quotes it."""

    text: str
    marked: bool
    anchors: tuple[str, ...]  # the passages that start here
    within: tuple[str, ...] = ()  # every passage this run is part of
    sentence: str | None = None  # the anchor of the sentence that starts here (#p2-s3)


# What a page's table leaves at the ends of its lines when it is copied as text: the cell
# borders, as lines of nothing but '|' ("¶2 |") or a caption ending in one ("… Myung |").
TABLE_BORDER = " \t|"


def has_table_borders(text: str) -> bool:
    """Whether any line of a source has table borders that its paragraphs leave out."""
    return any(line.strip() != line.strip().strip(TABLE_BORDER) for line in text.splitlines())


def paragraphs(text: str) -> list[Paragraph]:
    """The paragraphs of a source, numbered from 1: its lines with words in them, without
    the table borders at their ends (the stored text keeps them, and its checksum)."""
    found, offset, number = [], 0, 0
    for line in text.splitlines(keepends=True):
        stripped = line.strip().strip(TABLE_BORDER)
        if stripped:
            number += 1
            start = offset + line.index(stripped)
            end = start + len(stripped)
            starts = sentence_starts(text, start, end)
            long = len(starts) > MAX_SENTENCES or (
                len(starts) > 1 and end - start > MAX_CHARACTERS)
            found.append(Paragraph(number, start, end, tuple(starts) if long else ()))
        offset += len(line)
    return found


def place_label(paras: list[Paragraph], passage: Passage) -> str:
    """Where a passage sits, as its citation names it: '¶2', the paragraph it starts in, or
    in a long paragraph '¶2, sentence 3' or '¶2, sentences 3–4', the sentences it spans
    there."""
    para = next((p for p in paras if p.start <= passage.start < p.end), paras[-1])
    where = para.label
    if not para.sentences:
        return where
    first = para.sentence_at(passage.start)
    last = para.sentence_at(min(passage.end, para.end) - 1)
    if first == last:
        return f"{where}, sentence {first}"
    return f"{where}, sentences {first}–{last}"


def segments(text: str, para: Paragraph, passages: list[Passage]) -> list[Segment]:
    """Split a paragraph where cited passages start or end, so each can be marked, and where
    each of its numbered sentences starts, so each can be anchored."""
    inside = [p for p in passages if p.start < para.end and p.end > para.start]
    sentences = {start: number for number, start in enumerate(para.sentences, 1)}
    cuts = {para.start, para.end, *sentences}
    for p in inside:
        cuts.update(c for c in (p.start, p.end) if para.start < c < para.end)
    points = sorted(cuts)
    result = []
    for begin, end in zip(points, points[1:], strict=False):
        anchors = tuple(p.anchor for p in inside if p.start == begin)
        within = tuple(p.anchor for p in inside if p.start <= begin and end <= p.end)
        sentence = para.sentence_anchor(sentences[begin]) if begin in sentences else None
        result.append(Segment(text[begin:end], bool(within), anchors, within, sentence))
    return result
