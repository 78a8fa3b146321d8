"""No external requests: a reader's browser talks to the site's own server and nothing else
(no fonts, scripts, APIs or images from other hosts), search included."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Route

from .helpers import search

pytestmark = pytest.mark.browser

LOCAL_SCHEMES = ("data:", "blob:", "about:")


def pages(site: Path) -> list[str]:
    summit = max(p.parent.name for p in site.glob("summits/*/index.html"))
    leader = min(p.parent.name for p in site.glob("leaders/*/index.html"))
    source = min(p.parent.name for p in site.glob("sources/*/index.html"))
    return ["", f"summits/{summit}/", f"leaders/{leader}/", "trade-targets/",
            f"sources/{source}/"]


def test_pages_request_nothing_from_other_hosts(browser: Browser, fictional_url: str,
                                                fictional_site: Path):
    site_url, built_site = fictional_url, fictional_site
    own = urlsplit(site_url).netloc
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    requests: list[tuple[str, str]] = []
    current = {"page": ""}
    context.on("request", lambda request: requests.append((current["page"], request.url)))

    def own_host_only(route: Route) -> None:  # abort the rest, so nothing leaves the machine
        if urlsplit(route.request.url).netloc == own:
            route.continue_()
        else:
            route.abort()

    context.route("**/*", own_host_only)
    page = context.new_page()
    try:
        for path in pages(built_site):
            current["page"] = path or "/"
            page.goto(site_url + path, wait_until="networkidle")
            page.mouse.wheel(0, 4000)  # lazy content, the back-to-top button
            page.wait_for_load_state("networkidle")
        current["page"] = "search"
        assert search(page, "Vesk", site_url), "search found nothing"
        page.wait_for_load_state("networkidle")
    finally:
        context.close()
    assert any(url.endswith("search_index.json") for _, url in requests), (
        "the search index request was not seen: are requests being recorded?")
    foreign = [(where, url) for where, url in requests
               if not url.startswith(LOCAL_SCHEMES) and urlsplit(url).netloc != own]
    assert not foreign, "requests to other hosts:\n" + "\n".join(
        f"  {where}: {url}" for where, url in foreign)
