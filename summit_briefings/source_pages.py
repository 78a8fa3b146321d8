"""Contexts for the source pages: each article verbatim, its cited passages marked."""

from __future__ import annotations

from dataclasses import dataclass

from .corpus import Corpus
from .dates import format_date
from .quotes import Passage
from .schema import Source
from .sources import Paragraph, Segment, has_table_borders, segments


@dataclass
class ParagraphView:
    anchor: str
    label: str  # '¶2'
    segments: tuple[Segment, ...]


@dataclass
class Citing:
    """A fact that cites a source: what it is, and the page that states it."""

    label: str
    text: str
    href: str
    anchor: str


@dataclass
class SourceContext:
    source: Source
    published: str | None
    paragraphs: tuple[ParagraphView, ...]
    citing: tuple[Citing, ...]
    anchors: tuple[str, ...]  # every cited passage: the one a link lands on is highlighted
    borders_left_out: bool  # the stored text has table borders ('|') the page leaves out


PUBLISHED_FROM = {"text": "stated in the text", "page": "from the web page's date line"}


def published_line(source: Source) -> str | None:
    """'23 June 2023 (stated in the text)': the date and where it comes from."""
    if source.published is None or source.published_from is None:
        return None
    return f"{format_date(source.published)} ({PUBLISHED_FROM[source.published_from]})"


def source_context(corpus: Corpus, source: Source, layout: list[Paragraph],
                   passages: list[Passage], citing: list[Citing]) -> SourceContext:
    text = corpus.texts[source.id]
    passages = sorted(set(passages), key=lambda p: (p.start, p.end))
    views = tuple(ParagraphView(para.anchor, para.label, tuple(segments(text, para, passages)))
                  for para in layout)
    return SourceContext(source, published_line(source),
                         views, tuple(sorted(citing, key=lambda c: (c.label, c.href, c.text))),
                         tuple(p.anchor for p in passages), has_table_borders(text))
