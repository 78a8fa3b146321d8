"""Contexts for the source pages: each article verbatim, its cited passages marked."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from ..evidence.sources import Paragraph, Segment, has_table_borders, segments
from ..evidence.verified import Evidence, Passage
from ..model.corpus import Corpus
from ..model.dates import format_date
from ..model.schema import Source
from . import links
from .facts import all_facts


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


def citing_facts(corpus: Corpus, evidence: Evidence) -> dict[str, list[Citing]]:
    """For each source, the facts that cite it, the page each appears on and the passage
    each quotes."""
    found: dict[str, list[Citing]] = defaultdict(list)
    for fact in all_facts(corpus):
        for cite in fact.cites:
            href = links.relative(links.source_page(corpus.source(cite.source).file), fact.page)
            anchor = evidence.passage(cite.source, cite.quote).anchor
            found[cite.source].append(Citing(fact.label, fact.text, href, anchor))
    return found
