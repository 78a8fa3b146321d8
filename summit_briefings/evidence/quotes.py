"""Source text as citations see it: normalised once, searched directly or by rarest word.

Each source text is normalised once. The first SCANS_BEFORE_INDEX quotes from a source
are found by scanning its text (str.find, in C); a source cited more often is indexed
(word → positions) and each further quote is looked up through its rarest word, so the
cost grows with the total text, not with the number of facts times the text.
"""

from __future__ import annotations

import ast
import math
import operator
import re
import unicodedata
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cached_property

_FOLD = {
    "‘": "'", "’": "'", "‚": "'", "‛": "'", "′": "'", "`": "'",
    "“": '"', "”": '"', "„": '"', "‟": '"', "″": '"',
    "‐": "-", "‑": "-", "‒": "-", "–": "-", "—": "-", "―": "-", "−": "-",
}
_WORD = re.compile(r"\w+")
_WHITESPACE_RUN = re.compile(r"\s{2,}")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
# Indexing a text costs as much as a few hundred scans of it (str.find runs in C), so a
# source is indexed only once it has been searched this many times.
SCANS_BEFORE_INDEX = 200
# Numbers a text may write as words: those that count things ('seven agreements', which
# drafts.py offers as counts), and beside them the words a quote may give a number by ('the
# fifth summit', 'a decade').
NUMBER_WORDS = {
    "one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6",
    "seven": "7", "eight": "8", "nine": "9", "ten": "10", "eleven": "11", "twelve": "12",
    "twenty": "20", "thirty": "30",
}
_QUOTED_NUMBER_WORDS = {
    **NUMBER_WORDS, "hundred": "100", "first": "1", "second": "2", "third": "3", "fourth": "4",
    "fifth": "5", "decade": "10",
}


def fold_typography(text: str) -> str:
    """Typographic quotes and dashes as their ASCII forms."""
    # One C-speed search per character beats str.translate's per-character dict lookups.
    for typographic, plain in _FOLD.items():
        if typographic in text:
            text = text.replace(typographic, plain)
    return text


def normalise(text: str) -> str:
    """NFC, typographic quotes and dashes folded to ASCII, whitespace runs to one space."""
    return " ".join(fold_typography(unicodedata.normalize("NFC", text)).split())


def number_tokens(text: str) -> set[str]:
    """Numbers written in digits, as canonical strings ('13,000' → '13000', '100.0' → '100')."""
    return {canonical_number(m.group()) for m in _NUMBER.finditer(text)}


def quoted_numbers(quote: str) -> frozenset[str]:
    """Numbers a quote supports: in digits, and in words ('ten' supports 10)."""
    words = (_QUOTED_NUMBER_WORDS[w] for w in _WORD.findall(quote.lower())
             if w in _QUOTED_NUMBER_WORDS)
    return frozenset(number_tokens(quote).union(words))


def mentions(quotes: Iterable[str], words: Iterable[str]) -> bool:
    """Whether any of the quotes has one of the words, as a whole word, in any case."""
    text = " ".join(normalise(quote) for quote in quotes)
    return any(re.search(rf"\b{re.escape(word)}\b", text, re.IGNORECASE) for word in words)


def canonical_number(value: str | float | int) -> str:
    if isinstance(value, int | float):
        value = repr(float(value))
    value = re.sub(r",(?=\d{3}\b)", "", str(value))
    if "." in value:
        value = value.rstrip("0").rstrip(".")
    return value


@dataclass
class IndexedSource:
    """A source text normalised once, with a map back to the original characters."""

    text: str
    normalised: str = ""
    # Where the normalised text falls further behind the original: at its start, and after
    # each run of two or more whitespace characters (a single one only becomes a space).
    # The same places in the normalised and in the original text.
    shifts_normalised: list[int] = field(default_factory=list)
    shifts_original: list[int] = field(default_factory=list)
    searches: int = 0

    def __post_init__(self) -> None:
        folded = fold_typography(self.text)
        self.normalised = " ".join(folded.split())
        removed = len(folded) - len(folded.lstrip())
        self.shifts_normalised, self.shifts_original = [0], [removed]
        for run in _WHITESPACE_RUN.finditer(folded, removed):
            removed += run.end() - run.start() - 1
            self.shifts_normalised.append(run.end() - removed)
            self.shifts_original.append(run.end())

    @cached_property
    def words(self) -> dict[str, list[int]]:
        words: dict[str, list[int]] = defaultdict(list)
        for match in _WORD.finditer(self.normalised):
            words[match.group()].append(match.start())
        return dict(words)

    def original_offset(self, offset: int) -> int:
        """Where a character of the normalised text sits in the original text."""
        shift = bisect_right(self.shifts_normalised, offset) - 1
        return self.shifts_original[shift] + offset - self.shifts_normalised[shift]

    def find_all(self, quote: str) -> list[int]:
        """Start offsets (in the normalised text) of every occurrence of a normalised quote."""
        self.searches += 1
        # Only a word with a non-word character on both sides inside the quote is a whole
        # word wherever the quote occurs; the first and last may be parts of longer words.
        inner = [] if self.searches <= SCANS_BEFORE_INDEX else [
            m for m in _WORD.finditer(quote) if 0 < m.start() and m.end() < len(quote)]
        if not inner:
            hits, start = [], self.normalised.find(quote)
            while start >= 0:
                hits.append(start)
                start = self.normalised.find(quote, start + 1)
            return hits
        rarest = min(inner, key=lambda m: len(self.words.get(m.group(), ())))
        hits = []
        for position in self.words.get(rarest.group(), ()):
            start = position - rarest.start()
            if start >= 0 and self.normalised.startswith(quote, start):
                hits.append(start)
        return hits

    def span(self, start: int, length: int) -> tuple[int, int]:
        """Original-text character span of a normalised match."""
        return self.original_offset(start), self.original_offset(start + length - 1) + 1

    def closest(self, quote: str) -> str:
        """The source passage sharing the longest run of words with the start or the end of
        a quote that was not found (so a typo near either end still finds its passage)."""
        words = quote.split(" ")

        def longest(part: Callable[[int], str]) -> tuple[int, int]:
            """Most words k for which part(k) occurs, and where it occurs (binary search)."""
            best, position = 0, -1
            low, high = 1, len(words)
            while low <= high:
                middle = (low + high) // 2
                found = self.normalised.find(part(middle))
                if found >= 0:
                    best, position = middle, found
                    low = middle + 1
                else:
                    high = middle - 1
            return best, position

        head, head_at = longest(lambda k: " ".join(words[:k]))
        tail, tail_at = longest(lambda k: " ".join(words[-k:]))
        if not head and not tail:
            return ""
        if tail > head:
            end = tail_at + len(" ".join(words[-tail:]))
            start = self.normalised.rfind(" ", 0, max(0, end - len(quote)) + 1) + 1
        else:
            start = head_at
        return self.normalised[start: start + len(quote) + 10]


_OPS = {
    ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul,
    ast.Div: operator.truediv, ast.Pow: operator.pow, ast.USub: operator.neg,
}


def evaluate_formula(formula: str) -> float:
    """Evaluate arithmetic on numbers only; raise ValueError on anything else."""

    def walk(node: ast.AST) -> float:
        if isinstance(node, ast.Constant) and isinstance(node.value, int | float) \
                and not isinstance(node.value, bool):
            return float(node.value)
        if isinstance(node, ast.BinOp) and type(node.op) in _OPS:
            return _OPS[type(node.op)](walk(node.left), walk(node.right))
        if isinstance(node, ast.UnaryOp) and type(node.op) in _OPS:
            return _OPS[type(node.op)](walk(node.operand))
        raise ValueError("only numbers, + - * / ** and parentheses are allowed")

    try:
        value = walk(ast.parse(formula, mode="eval").body)
    except (SyntaxError, ZeroDivisionError) as exc:
        raise ValueError(str(exc)) from None
    except OverflowError:
        raise ValueError("a number in it, or its result, is too large") from None
    except RecursionError:
        raise ValueError("the formula is too long or too deeply nested") from None
    if not isinstance(value, float) or not math.isfinite(value):
        raise ValueError(f"the result {value} is not a finite real number")
    return value


def fold_ascii(text: str) -> str:
    """Drop diacritics: NFD, remove combining marks, đ→d, then NFC."""
    stripped = "".join(c for c in unicodedata.normalize("NFD", text)
                       if not unicodedata.combining(c))
    return unicodedata.normalize("NFC", stripped.replace("đ", "d").replace("Đ", "D"))


def alternation(words: Iterable[str]) -> str:
    """A regular expression matching any of the words, longer words first; one that matches
    nothing when there are none."""
    ordered = sorted(words, key=len, reverse=True)
    return "|".join(map(re.escape, ordered)) if ordered else "(?!)"
