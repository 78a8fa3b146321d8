"""Search through Material's real search box: names with and without diacritics, places,
treaties, numbers and Hangul all find the page a reader expects."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page

from .helpers import search

pytestmark = pytest.mark.browser

# query -> the page that must come first
FIRST = {
    "Luong Cuong": "/leaders/luong-cuong/",
    "Lương Cường": "/leaders/luong-cuong/",
    "To Lam": "/leaders/to-lam/",
    "Vo Van Thuong": "/leaders/vo-van-thuong/",
    "Tran Dai Quang": "/leaders/tran-dai-quang/",
    "Lee Jae Myung": "/leaders/lee-jae-myung/",
    "Lee Jae-myung": "/leaders/lee-jae-myung/",
    "Gyeongju": "/summits/2025-10-30-gyeongju/",
}
# query -> pages of which at least one must be among the first TOP results
AMONG_TOP = {
    "Yoon": {"/leaders/yoon-suk-yeol/"},
    "150 billion": {"/trade-targets/", "/summits/2023-06-23-vietnam/",
                    "/summits/2025-08-seoul/"},
    "86.7": {"/trade-targets/", "/summits/2025-08-seoul/"},
    # The Korean copyright line of source 000: proves Hangul is indexed and tokenised.
    "저작권자": {"/sources/000_4f94f2e9d0db3981/"},
}
TOP = 3


@pytest.fixture(scope="module")
def search_page(browser: Browser, site_url: str) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(site_url)
    try:
        yield page
    finally:
        context.close()


def shown(results) -> str:
    return f"{results.meta}; first results: {list(results[:6])}"


@pytest.mark.parametrize("query", FIRST)
def test_query_finds_its_page_first(search_page: Page, site_url: str, query: str):
    results = search(search_page, query, site_url)
    assert results and results[0] == FIRST[query], f"{query!r}: {shown(results)}"


@pytest.mark.parametrize("query", AMONG_TOP)
def test_query_finds_a_relevant_page_among_the_first(search_page: Page, site_url: str,
                                                       query: str):
    results = search(search_page, query, site_url)
    assert AMONG_TOP[query] & set(results[:TOP]), f"{query!r}: {shown(results)}"


def test_unclos_finds_every_summit_that_mentions_it(search_page: Page, site_url: str,
                                                    built_site: Path):
    mentioning = {f"/summits/{p.parent.name}/" for p in built_site.glob("summits/*/index.html")
                  if "UNCLOS" in p.read_text(encoding="utf-8")}
    assert mentioning, "no summit page mentions UNCLOS any more: update this test"
    results = search(search_page, "UNCLOS", site_url)
    assert results[0] in mentioning, shown(results)
    assert mentioning <= set(results[:len(mentioning) + 2]), shown(results)


def test_ascii_query_shows_and_opens_the_page_with_its_diacritics(search_page: Page,
                                                                  site_url: str):
    results = search(search_page, "Luong Cuong", site_url)
    assert results.titles[0] == "Lương Cường", shown(results)
    search_page.locator(".md-search-result__item a.md-search-result__link").first.click()
    search_page.wait_for_url("**/leaders/luong-cuong/**")
    assert search_page.locator("article h1").inner_text() == "Lương Cường"
    body = search_page.locator("article").inner_text()
    assert "Lương Cường" in body
    search_page.goto(site_url)  # leave the shared page where the other tests expect it
