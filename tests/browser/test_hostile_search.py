"""Search results show data as the text it is: the hostile build of test_hostile_values (every
display field planted with markup, and with LITERAL, text that reads like markup escaped
once), searched through Material's real box and our Pagefind worker."""

from __future__ import annotations

import html
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser
from test_hostile_values import LITERAL, hostile_site

from .helpers import search, serve

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def hostile_url(tmp_path_factory: pytest.TempPathFactory, browser_tools: None) -> Iterator[str]:
    with serve(hostile_site(tmp_path_factory)) as url:
        yield url


def test_results_show_text_that_reads_like_markup_as_those_characters(browser: Browser,
                                                                     hostile_url: str):
    # Each result's title and passage, and each section's heading, show LITERAL as written;
    # Pagefind's own excerpts and anchor texts would show it decoded, as "<b>Quokkaquill".
    page = browser.new_page()
    try:
        page.goto(hostile_url)
        results = search(page, "Quokkaquill", hostile_url)
        shown = page.locator("article.md-search-result__article").all_text_contents()
    finally:
        page.close()
    assert results and LITERAL in results.titles[0], (results.meta, results.titles[:3])
    assert any(text.count(LITERAL) >= 2 for text in shown), shown[:2]  # heading and passage
    decoded = [text for text in shown if html.unescape(LITERAL)[:16] in text]
    assert not decoded, decoded[:2]
