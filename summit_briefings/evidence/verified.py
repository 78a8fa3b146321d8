"""What verification proved (Evidence): where each cited quote sits in its source."""

from __future__ import annotations

from dataclasses import dataclass, field
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


@dataclass(frozen=True)
class Reported:
    """What verification found of one statement of a trade target, for the pages that word
    it: who of those recorded as stating it its quotes name, and the attributions its quotes'
    sentences carry, in the source's own words ('according to media')."""

    named: tuple[str, ...]  # person ids, in the statement's order
    attributions: tuple[str, ...]


@dataclass
class Evidence:
    """What verification proved: each (source id, quote) and the passage it names; for
    each figure of an outcome the first of the outcome's citations whose quote gives its
    number; and of each statement of a trade target (by target id and its number among the
    target's statements, 0 the first), what its quotes allow a page to say of it."""

    passages: dict[tuple[str, str], Passage]
    citations: int
    figure_cites: dict[int, Citation]  # by id() of the Figure, as Corpus.origins
    statements: dict[tuple[str, int], Reported] = field(default_factory=dict)

    def passage(self, source: str, quote: str) -> Passage:
        return self.passages[(source, normalise(quote))]

    def figure_cite(self, figure: Figure) -> Citation:
        return self.figure_cites[id(figure)]
