"""Invariants of the live data's generated Markdown, whatever data/ says: never its wording.

The strict MkDocs build of the live site is tests/test_site_build.py; these read the Markdown
that build starts from, which is enough for what a page states.
"""

from __future__ import annotations

import html
import re

import pytest
from conftest import REPO

from summit_briefings.contexts import links
from summit_briefings.contexts.claims import dated_roles
from summit_briefings.contexts.index_pages import leaders_index, people_by_name
from summit_briefings.contexts.notes import PageNotes, layouts_of
from summit_briefings.evidence.quotes import alternation, normalise
from summit_briefings.evidence.sources import sentence_around
from summit_briefings.evidence.verify import verify_citations
from summit_briefings.model.schema import KIND_WORDS
from summit_briefings.model.validate import validate
from summit_briefings.pipeline import build_site


@pytest.fixture(scope="module")
def pages() -> dict[str, str]:
    return build_site(REPO).pages


def test_every_source_with_an_address_links_to_its_original(pages: dict[str, str]):
    sources = validate(REPO).sources
    assert any(s.url for s in sources)
    for source in sources:
        if source.url:
            link = f'class="source-url" href="{html.escape(source.url, quote=True)}"'
            assert link in pages[links.source_page(source.file)], source.file


def test_every_role_printed_on_the_leaders_index_has_a_date(pages: dict[str, str]):
    corpus = validate(REPO)
    book = PageNotes(links.LEADERS, corpus, verify_citations(corpus), layouts_of(corpus))
    listed = leaders_index(book, corpus, people_by_name(corpus))
    rows = [row for group in listed.groups for row in group.people]
    assert rows
    index = pages[links.LEADERS]
    for row in rows:
        person = corpus.person(row.person.id)
        # Everyone with a role gets their latest one, and it is printed with its date.
        assert (row.role is None) == (not dated_roles(corpus, person)), person.id
        if row.role:
            assert row.role.as_of, person.id
            assert f"{row.role.title} (as of {row.role.as_of}" in index, person.id
        else:
            assert row.described_as or not person.described_as, person.id


def _any_of(words: list[str]) -> re.Pattern[str]:
    return re.compile(rf"(?<!\w)(?:{alternation(normalise(w) for w in words)})(?!\w)",
                      re.IGNORECASE)


def test_every_statement_of_a_target_whose_source_attributes_it_says_so(
        pages: dict[str, str]):
    """Where the source's sentence of a statement's quote attributes it ('…, according to
    media'), every row that words the statement ('… set it') carries an attribution."""
    corpus = validate(REPO)
    evidence = verify_citations(corpus)
    attributions = [h for h in corpus.hedges if h.scope == "sentence"]
    in_source = _any_of([w for h in attributions for w in h.quote_words])
    on_page = _any_of([w for h in attributions for w in h.site_words])
    listing = [page for path, page in pages.items()
               if path.startswith((links.COMMITMENTS.removesuffix(".md"),
                                   links.TRADE.removesuffix(".md")))]
    for target in corpus.trade.targets:
        for statement in target.statements:
            for cite in statement.cite:
                passage = evidence.passage(cite.source, cite.quote)
                sentence = sentence_around(corpus.texts[cite.source], passage.start,
                                           passage.end)
                if not in_source.search(normalise(sentence)):
                    continue
                note = f"[^{cite.source}-{passage.anchor}]"
                rows = [row for page in listing for row in re.split(r"<br>|\| ", page)
                        if note in row and KIND_WORDS[statement.kind] in row]
                assert rows, (target.id, statement.summit)
                for row in rows:
                    assert on_page.search(row), row
