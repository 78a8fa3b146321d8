"""Search through Material's real search box, served by Pagefind (the served build) on the
fictional site: names with and without diacritics, places, phrases, figures, Cyrillic and
Hangul all find the page a reader expects; the page opened highlights the words found."""

from __future__ import annotations

import re
import shutil
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page

from summit_briefings.publish.site_search import (
    PAGEFIND_FOLDER,
    index_parts,
    pages_indexed,
    run_pagefind,
)

from .helpers import search, serve

pytestmark = pytest.mark.browser

# query -> the page that must come first
FIRST = {
    "Ana Brenic": "/leaders/ana-brenic/",
    "Ana Brenić": "/leaders/ana-brenic/",
    "Pavel Dorn": "/leaders/pavel-dorn/",
    "Korvel": "/summits/2031-11-korvel/",
}
# query -> pages of which at least one must be among the first TOP results
AMONG_TOP = {
    "Brenić": {"/leaders/ana-brenic/"},
    "60 billion": {"/trade-targets/", "/summits/2031-04-10-port-arlen/",
                   "/summits/2032-03-09-vesk/"},
    "41.5": {"/trade-targets/", "/summits/2031-04-10-port-arlen/"},
    "EUR 60": {"/trade-targets/", "/summits/2031-04-10-port-arlen/"},
    "trade target 2036": {"/trade-targets/"},
    # Pavel Dorn's name in Cyrillic: proves a second script is indexed and tokenised.
    "Павел Дорн": {"/leaders/pavel-dorn/", "/sources/nordwire-2031-04-10-port-arlen/"},
    # A word of the Nord Wire article's Korean copyright line: Hangul is indexed and split
    # into words.
    "저작권자": {"/sources/nordwire-2031-04-10-port-arlen/"},
}
TOP = 3


@pytest.fixture(scope="module")
def search_page(browser: Browser, fictional_url: str) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(fictional_url)
    try:
        yield page
    finally:
        context.close()


def shown(results) -> str:
    return f"{results.meta}; first results: {list(results[:6])}"


@pytest.mark.parametrize("query", FIRST)
def test_query_finds_its_page_first(search_page: Page, fictional_url: str, query: str):
    results = search(search_page, query, fictional_url)
    assert results and results[0] == FIRST[query], f"{query!r}: {shown(results)}"


@pytest.mark.parametrize("query", AMONG_TOP)
def test_query_finds_a_relevant_page_among_the_first(search_page: Page, fictional_url: str,
                                                       query: str):
    results = search(search_page, query, fictional_url)
    assert AMONG_TOP[query] & set(results[:TOP]), f"{query!r}: {shown(results)}"


def test_a_place_finds_every_summit_that_mentions_it(search_page: Page, fictional_url: str,
                                                    fictional_site: Path):
    mentioning = {f"/summits/{p.parent.name}/"
                  for p in fictional_site.glob("summits/*/index.html")
                  if "Brask" in p.read_text(encoding="utf-8")}
    assert mentioning, "no summit page mentions Brask any more: update this test"
    results = search(search_page, "Brask", fictional_url)
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
        search_page: Page, fictional_url: str, fictional_site: Path):
    results = search(search_page, "third-largest trading partner", fictional_url)
    summits = [key for key in results if key.startswith("/summits/") and key != "/summits/"]
    assert summits and results[0] in summits, shown(results)
    first_topic = next((i for i, key in enumerate(results) if key.startswith("/topics/")),
                       len(results))
    assert results.index(summits[0]) < first_topic, shown(results)
    assert "third-largest trading partner" in article_words(fictional_site, results[0])


def test_every_result_holds_every_word_of_the_query(search_page: Page, fictional_url: str,
                                                    fictional_site: Path):
    results = search(search_page, "freight trains crossing", fictional_url)
    assert results, shown(results)
    for key in results:
        words = article_words(fictional_site, key)
        assert all(stem in words for stem in ("freight", "train", "crossing")), (
            key, shown(results))


def test_when_no_page_holds_every_word_pages_with_some_come_naming_the_missing_one(
        search_page: Page, fictional_url: str):
    # The Korean copyright line is on the Nord Wire article, which never names Brask: Hangul
    # is split into words, and the missing one is named (struck through) on the result.
    results = search(search_page, "저작권자 Brask", fictional_url)
    assert results[0] == "/summits/2032-03-09-vesk/", shown(results)
    article = search_page.locator(".md-search-result__item a.md-search-result__link").first
    assert article.locator(".md-search-result__terms del").all_inner_texts() == ["저작권자"]


def test_ascii_query_shows_and_opens_the_page_with_its_diacritics(search_page: Page,
                                                                  fictional_url: str):
    results = search(search_page, "Ana Brenic", fictional_url)
    assert results.titles[0] == "Ana Brenić", shown(results)
    search_page.locator(".md-search-result__item a.md-search-result__link").first.click()
    search_page.wait_for_url("**/leaders/ana-brenic/**")
    assert search_page.locator("article h1").inner_text() == "Ana Brenić"
    body = search_page.locator("article").inner_text()
    assert "Ana Brenić" in body
    # search.highlight: the page marks the words found, in the page's own spelling.
    marked = search_page.locator("article mark[data-md-highlight]").all_inner_texts()
    assert any("Brenić" in m for m in marked), marked
    search_page.goto(fictional_url)  # leave the shared page where the other tests expect it


def test_search_answers_on_a_meeting_pack_page(browser: Browser, fictional_url: str,
                                               fictional_site: Path):
    # A pack sits a folder deeper than its summit page: the search worker and the site's
    # root are named from the pack's own address.
    pack = min(fictional_site.glob("summits/*/pack/index.html")).parent.relative_to(fictional_site)
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    try:
        page.goto(f"{fictional_url}{pack.as_posix()}/")
        # What the reader chooses here (the colour scheme) is stored for the whole site.
        assert page.evaluate("__md_scope.href") == fictional_url
        results = search(page, "Korvel", fictional_url)
        assert results and results[0] == "/summits/2031-11-korvel/", shown(results)
        page.locator(".md-search-result__item a.md-search-result__link").first.click()
        page.wait_for_url("**/summits/2031-11-korvel/**")
        assert page.locator("article h1").is_visible()
    finally:
        context.close()


# The fictional site's 23 pages indexed in parts of 8: three bundles.
PAGES_PER_PART = 8


@pytest.fixture(scope="module")
def parted_site(browser: Browser, fictional_site: Path,
                tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Page, str, list]]:
    """The fictional site indexed in parts, served below a path (as a GitHub project site
    is), opened in a page: (the page, the site's URL, the parts' pages)."""
    below = tmp_path_factory.mktemp("parted")
    site = below / "briefings"
    shutil.copytree(fictional_site, site)
    shutil.rmtree(site / PAGEFIND_FOLDER)
    run_pagefind(site, pages_per_index=PAGES_PER_PART)
    parts = index_parts(pages_indexed(site), PAGES_PER_PART)
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        with serve(below) as served:
            page = context.new_page()
            page.goto(f"{served}briefings/")
            yield page, f"{served}briefings/", parts
    finally:
        context.close()


def test_a_site_indexed_in_parts_finds_pages_of_every_part_at_their_addresses(parted_site):
    page, url, parts = parted_site
    assert len(parts) == 3
    results = search(page, "Korvel", url)
    found = {number for number, pages in enumerate(parts)
             for key in results if f"{key.strip('/')}/index.html".lstrip("/") in pages}
    assert found == {0, 1, 2}, shown(results)
    links = page.locator(".md-search-result__item a.md-search-result__link")
    hrefs = [links.nth(i).get_attribute("href") for i in range(links.count())]
    assert hrefs and all(href.startswith(url) for href in hrefs), hrefs


@pytest.mark.parametrize("query", FIRST)
def test_a_site_indexed_in_parts_finds_the_same_page_first(parted_site, query: str):
    page, url, _ = parted_site
    results = search(page, query, url)
    assert results and results[0] == FIRST[query], f"{query!r}: {shown(results)}"
