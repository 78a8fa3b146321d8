"""Source articles as pages: paragraphs with stable anchors, cited passages marked."""

from __future__ import annotations

from dataclasses import dataclass

from .quotes import Passage


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
