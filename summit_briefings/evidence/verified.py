"""What verification proved (Evidence): where each cited quote sits in its source."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from ..model.schema import Citation, Figure
from .quotes import normalise


@dataclass(frozen=True)
class Passage:
    """Where a verified quote sits in its source's original (NFC) text."""

    source: str
    start: int
    end: int

    @cached_property  # asked for some fifty thousand times in a build
    def anchor(self) -> str:
        return f"q{self.start}-{self.end}"


@dataclass
class Evidence:
    """What verification proved: each (source id, quote) and the passage it names, and for
    each figure of an outcome the first of the outcome's citations whose quote gives its
    number."""

    passages: dict[tuple[str, str], Passage]
    citations: int
    figure_cites: dict[int, Citation]  # by id() of the Figure, as Corpus.origins

    def passage(self, source: str, quote: str) -> Passage:
        return self.passages[(source, normalise(quote))]

    def figure_cite(self, figure: Figure) -> Citation:
        return self.figure_cites[id(figure)]
