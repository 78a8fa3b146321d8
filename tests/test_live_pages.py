"""Invariants of the live data's generated Markdown, whatever data/ says: never its wording.

The strict MkDocs build of the live site is tests/test_site_build.py; these read the Markdown
that build starts from, which is enough for what a page states.
"""

from __future__ import annotations

import html

import pytest
from conftest import REPO

from summit_briefings import links
from summit_briefings.pipeline import build_site
from summit_briefings.validate import validate


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
