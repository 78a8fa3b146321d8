"""The offline build (`make offline`) read from file:// with no network: pages, links and
search work, and no page even tries a request that is not a file. Search there is Material's
own (lunr, from search_index.js): browsers refuse Pagefind's module and index over file://."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, Route

from .helpers import page_key, search

pytestmark = pytest.mark.browser

LOCAL_SCHEMES = ("file:", "data:", "blob:", "about:")


@pytest.fixture
def offline_page(browser: Browser) -> Iterator[tuple[Page, list[str]]]:
    """A page with the network switched off and every non-file request aborted and noted."""
    context = browser.new_context(offline=True, viewport={"width": 1280, "height": 900})
    attempted: list[str] = []
    context.on("request", lambda request: attempted.append(request.url))

    def only_files(route: Route) -> None:
        if route.request.url.startswith(LOCAL_SCHEMES):
            route.continue_()
        else:
            route.abort()

    context.route("**/*", only_files)
    try:
        yield context.new_page(), attempted
    finally:
        context.close()


def test_offline_build_has_no_remote_scripts(fictional_offline_site: Path):
    for html in fictional_offline_site.rglob("*.html"):
        text = html.read_text(encoding="utf-8")
        assert "unpkg.com" not in text and "<script src=\"http" not in text, html
    assert (fictional_offline_site / "assets/javascripts/iframe-worker-shim.js").is_file()
    assert (fictional_offline_site / "search/search_index.js").is_file()
    assert not (fictional_offline_site / "pagefind").exists()
    page = (fictional_offline_site / "index.html").read_text(encoding="utf-8")
    assert '"search": "assets/javascripts/workers/search.' in page


def test_offline_pages_links_and_search_work_from_file(fictional_offline_site: Path, offline_page):
    page, attempted = offline_page
    root = fictional_offline_site.as_uri() + "/"
    summit = max(p for p in fictional_offline_site.glob("summits/*.html") if p.name != "index.html")
    page.goto(summit.as_uri())
    assert page.locator("article h1").is_visible()

    # Follow a link in the text to a leader page.
    link = page.locator("article a[href*='leaders/']").first
    target = (summit.parent / link.get_attribute("href")).resolve()
    link.click()
    page.wait_for_url(target.as_uri())
    assert target.is_file() and page.locator("article h1").is_visible()
    assert page_key(page.url, root).startswith("/leaders/")

    # Search: the worker runs in an iframe (the vendored shim) and reads search_index.js.
    results = search(page, "Vesk", root)
    assert results, f"offline search found nothing: {results.meta}"
    assert any(key.startswith("/summits/") for key in results[:3]), list(results)
    page.locator(".md-search-result__item a.md-search-result__link").first.click()
    page.wait_for_url(f"**{results[0].rstrip('/')}.html*")
    assert page.locator("article h1").is_visible()

    # Folded names still find their page: the offline index carries the folded fields.
    page.goto(summit.as_uri())
    results = search(page, "Ana Brenic", root)
    assert results and results[0] == "/leaders/ana-brenic/", list(results)

    assert any("search_index.js" in url for url in attempted), "requests were not recorded"
    remote = [url for url in attempted if not url.startswith(LOCAL_SCHEMES)]
    assert not remote, f"requests attempted from file://: {remote}"


def test_the_offline_404_page_is_styled_and_its_links_open_from_file(fictional_offline_site: Path,
                                                                     offline_page):
    # MkDocs names an error page's files from the server's root ('/assets/…'); from
    # file:// that is the disk's root.
    page, _ = offline_page
    failed: list[str] = []
    # A request cut short by the next navigation (net::ERR_ABORTED) did not fail to find
    # its file; the loop below navigates away from pages still loading.
    page.on("requestfailed", lambda request: None if request.failure == "net::ERR_ABORTED"
            else failed.append(f"{request.url} ({request.failure})"))
    page.goto((fictional_offline_site / "404.html").as_uri())
    sheets = page.eval_on_selector_all("link[rel=stylesheet]", "ls => ls.map(l => l.href)")
    assert any("/assets/stylesheets/main." in href for href in sheets), sheets
    site = fictional_offline_site.as_uri() + "/"
    assert all(href.startswith(site) for href in sheets), sheets
    assert not failed, f"requests that failed from file://: {failed}"
    # Material's stylesheet applied: the header stays on top as the page scrolls.
    assert page.evaluate(
        "getComputedStyle(document.querySelector('.md-header')).position") == "sticky"

    sections = page.locator("article a")
    names = sections.all_inner_texts()
    tabs = [tab.strip() for tab in page.locator(".md-tabs__link").all_inner_texts()]
    assert names == tabs and "Evolution" in names, names
    for name in names:
        page.goto((fictional_offline_site / "404.html").as_uri())
        page.locator("article a", has_text=name).first.click()
        page.wait_for_load_state()
        opened = page.url.removeprefix(site)
        assert opened.endswith(".html"), f"{name} opens {page.url}, not a page of the site"
        assert page.locator("article h1").is_visible(), f"{name}: {page.url}"
    assert not failed, f"requests that failed from file://: {failed}"
