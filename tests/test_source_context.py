"""A source's page (contexts/source_pages.py: source_context), the builder called directly
on the fictional pair (tests/fixtures/fictional-pair: a Nord Wire article whose stored text
keeps a photo caption's table borders, and a Sud Courier article cited by both summits it
reports): the article's paragraphs verbatim with the cited passages marked, and the facts
that cite it, each linked to the page that states it."""

from __future__ import annotations

from collections import defaultdict

import pytest

from summit_briefings.contexts.notes import layouts_of
from summit_briefings.contexts.source_pages import SourceContext, citing_facts, source_context
from summit_briefings.evidence.verified import Evidence
from summit_briefings.model.corpus import Corpus
from summit_briefings.model.schema import Source

NORDWIRE, SUDCOURIER = "nordwire-2031-port-arlen", "sudcourier-2032-vesk"


@pytest.fixture(scope="module")
def pages(fictional: tuple[Corpus, Evidence]) -> dict[str, SourceContext]:
    """Every source's page, by source id, its builder given what the registry gives it."""
    corpus, evidence = fictional
    layouts = layouts_of(corpus)
    passages = defaultdict(list)
    for passage in evidence.passages.values():
        passages[passage.source].append(passage)
    citing = citing_facts(corpus, evidence)
    return {s.id: source_context(corpus, s, layouts[s.id], passages[s.id], citing[s.id])
            for s in corpus.sources}


def marked(page: SourceContext) -> list[str]:
    return [seg.text for para in page.paragraphs for seg in para.segments if seg.marked]


def test_a_source_page_gives_the_article_verbatim_in_numbered_paragraphs(fictional, pages):
    corpus = fictional[0]
    for source_id, page in pages.items():
        labels = [p.label for p in page.paragraphs]
        assert labels == [f"¶{n}" for n in range(1, len(labels) + 1)], source_id
        assert [p.anchor for p in page.paragraphs] == [f"p{n}" for n in range(1, len(labels) + 1)]
        text = corpus.texts[source_id]
        for para in page.paragraphs:
            assert "".join(s.text for s in para.segments) in text


def test_every_quote_cited_from_a_source_is_marked_and_anchored_in_reading_order(
        fictional, pages):
    corpus, evidence = fictional
    for source_id, page in pages.items():
        cited = sorted({p for p in evidence.passages.values() if p.source == source_id},
                       key=lambda p: (p.start, p.end))
        assert page.anchors == tuple(p.anchor for p in cited)
        starts = [a for para in page.paragraphs for seg in para.segments for a in seg.anchors]
        assert sorted(starts) == sorted(page.anchors)
    assert "Dorn pledged EUR 2 billion for the Arlen–Vesk rail line." in marked(pages[NORDWIRE])
    # The photo caption and the credit line are cited by nothing.
    assert not any("at the station" in text or "Nord Wire 한국어" in text
                   for text in marked(pages[NORDWIRE]))


@pytest.mark.parametrize("source, borders", [(NORDWIRE, True), (SUDCOURIER, False)])
def test_a_source_page_says_when_it_leaves_out_table_borders_of_the_stored_text(
        pages, source, borders):
    page = pages[source]
    assert page.borders_left_out is borders
    # The fictional articles hold no '|' but the borders: none is left on the page.
    assert not any("|" in seg.text for para in page.paragraphs for seg in para.segments)


def test_the_facts_citing_a_source_are_sorted_and_each_links_to_a_passage_on_the_page(pages):
    for source_id, page in pages.items():
        assert list(page.citing) == sorted(page.citing, key=lambda c: (c.label, c.href, c.text))
        assert {c.anchor for c in page.citing} <= set(page.anchors), source_id


@pytest.mark.parametrize("source, label, text, href", [
    (NORDWIRE, "Actual trade", "2030: EUR 41.5 billion", "../trade-targets.md"),
    (NORDWIRE, "Ana Brenić", "President, 10 April 2031", "../leaders/ana-brenic.md"),
    (NORDWIRE, "Ana Brenić and Pavel Dorn in Port Arlen · agreement",
     "Set a target of EUR 60 billion in trade by 2036.",
     "../summits/2031-04-10-port-arlen.md"),
    # Korvel's facts cite the Vesk article, which reports the earlier meeting.
    (SUDCOURIER, "Ana Brenić and Pavel Dorn in Korvel · background",
     "The two leaders met on the sidelines of a regional forum.",
     "../summits/2031-11-korvel.md"),
])
def test_a_citing_fact_is_labelled_and_linked_from_the_sources_page_to_where_it_is_stated(
        pages, source, label, text, href):
    assert (label, text, href) in [(c.label, c.text, c.href) for c in pages[source].citing]


@pytest.mark.parametrize("published, published_from, line", [
    ("2031-04-10", "text", "10 April 2031 (stated in the text)"),
    ("2031-04", "page", "April 2031 (from the web page's date line)"),
    (None, None, None),  # no date known: none printed
])
def test_the_publication_date_says_where_it_comes_from(fictional, published, published_from,
                                                       line):
    corpus, evidence = fictional
    source: Source = corpus.source(NORDWIRE).model_copy(
        update={"published": published, "published_from": published_from})
    page = source_context(corpus, source, layouts_of(corpus)[NORDWIRE], [], [])
    assert page.published == line
    assert page.anchors == () and marked(page) == []  # nothing cited, nothing marked

