"""Search through Material's real search box, served by Pagefind (the served build): names
with and without diacritics, places, treaties, phrases, figures and Hangul all find the page a
reader expects; the page opened highlights the words found."""

from __future__ import annotations

import re
import unicodedata
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
    "US$150": {"/trade-targets/", "/summits/2023-06-23-vietnam/"},
    "trade target 2030": {"/trade-targets/"},
    # The Korean copyright line of source 000: proves Hangul is indexed and tokenised.
    "저작권자": {"/sources/000_4f94f2e9d0db3981/"},
    "재배포 금지": {"/sources/000_4f94f2e9d0db3981/"},
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


def article_words(site: Path, key: str) -> str:
    """The article text of a built page ('/summits/x/'), case- and diacritic-folded."""
    html = (site / key.strip("/") / "index.html").read_text(encoding="utf-8")
    article = re.search(r"<article.*?</article>", html, re.S).group(0)
    text = re.sub(r"<[^>]+>", " ", article).lower().replace("đ", "d")
    return "".join(c for c in unicodedata.normalize("NFD", text)
                   if not unicodedata.combining(c))


def test_a_phrase_finds_the_summit_that_discusses_it_before_the_digests(
        search_page: Page, site_url: str, built_site: Path):
    results = search(search_page, "South China Sea", site_url)
    summits = [key for key in results if key.startswith("/summits/") and key != "/summits/"]
    assert summits and results[0] in summits, shown(results)
    first_topic = next((i for i, key in enumerate(results) if key.startswith("/topics/")),
                       len(results))
    assert results.index(summits[0]) < first_topic, shown(results)
    assert "south china sea" in article_words(built_site, results[0])


def test_every_result_holds_every_word_of_the_query(search_page: Page, site_url: str,
                                                    built_site: Path):
    results = search(search_page, "Korean workers quota", site_url)
    assert results, shown(results)
    for key in results:
        words = article_words(built_site, key)
        assert all(stem in words for stem in ("korea", "worker", "quota")), (key, shown(results))


def test_when_no_page_holds_every_word_pages_with_some_come_naming_the_missing_one(
        search_page: Page, site_url: str):
    # The Korean copyright line is on one source article, which never names Gyeongju.
    results = search(search_page, "저작권자 Gyeongju", site_url)
    assert results[0] == "/summits/2025-10-30-gyeongju/", shown(results)
    article = search_page.locator(".md-search-result__item a.md-search-result__link").first
    assert article.locator(".md-search-result__terms del").all_inner_texts() == ["저작권자"]


def test_ascii_query_shows_and_opens_the_page_with_its_diacritics(search_page: Page,
                                                                  site_url: str):
    results = search(search_page, "Luong Cuong", site_url)
    assert results.titles[0] == "Lương Cường", shown(results)
    search_page.locator(".md-search-result__item a.md-search-result__link").first.click()
    search_page.wait_for_url("**/leaders/luong-cuong/**")
    assert search_page.locator("article h1").inner_text() == "Lương Cường"
    body = search_page.locator("article").inner_text()
    assert "Lương Cường" in body
    # search.highlight: the page marks the words found, in the page's own spelling.
    marked = search_page.locator("article mark[data-md-highlight]").all_inner_texts()
    assert any("Lương" in m for m in marked) and any("Cường" in m for m in marked), marked
    search_page.goto(site_url)  # leave the shared page where the other tests expect it


def test_search_answers_on_a_meeting_pack_page(browser: Browser, site_url: str,
                                               built_site: Path):
    # A pack sits a folder deeper than its summit page: the search worker and the site's
    # root are named from the pack's own address.
    pack = min(built_site.glob("summits/*/pack/index.html")).parent.relative_to(built_site)
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    try:
        page.goto(f"{site_url}{pack.as_posix()}/")
        # What the reader chooses here (the colour scheme) is stored for the whole site.
        assert page.evaluate("__md_scope.href") == site_url
        results = search(page, "Gyeongju", site_url)
        assert results and results[0] == "/summits/2025-10-30-gyeongju/", shown(results)
        page.locator(".md-search-result__item a.md-search-result__link").first.click()
        page.wait_for_url("**/summits/2025-10-30-gyeongju/**")
        assert page.locator("article h1").is_visible()
    finally:
        context.close()
