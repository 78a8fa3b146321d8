"""Accessibility: axe-core (pinned, from .cache/npm) finds no serious or critical problem on
the fictional site's home page, a summit, a leader and their brief, the trade-targets and
commitments pages, two sources and the 404 page, in the light and the dark colour scheme."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page

from .helpers import AXE

pytestmark = pytest.mark.browser

# The Sud Courier article's run-together paragraph anchors each sentence; the Nord Wire one
# keeps table borders.
PAGES = ["", "summits/2032-03-09-vesk/", "leaders/ana-brenic/", "leaders/ana-brenic/brief/",
         "trade-targets/", "commitments/", "sources/nordwire-2031-04-10-port-arlen/",
         "sources/sudcourier-2032-03-12-vesk-dorn-brenic-open-first-section-arlen-vesk-line/",
         "404.html"]
SCHEMES = {"light": "default", "dark": "slate"}  # the reader's preference → Material's scheme
BLOCKING = {"serious", "critical"}

RUN_AXE = """async () => {
  const result = await axe.run(document, {resultTypes: ['violations']});
  return result.violations.map(v => ({
    id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
    nodes: v.nodes.map(n => ({target: n.target.join(' '), summary: n.failureSummary})),
  }));
}"""


@pytest.fixture(scope="module", params=SCHEMES, ids=str)
def a11y_page(request, browser: Browser) -> Iterator[tuple[Page, str]]:
    context = browser.new_context(viewport={"width": 1280, "height": 900},
                                  color_scheme=request.param)
    # axe is injected as the browser's own script, before the page's: the pages'
    # Content-Security-Policy refuses inline scripts added to the page (add_script_tag), and
    # axe then checks each page as readers get it, policy and all.
    context.add_init_script(path=str(AXE))
    try:
        yield context.new_page(), SCHEMES[request.param]
    finally:
        context.close()


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p.strip("/") or "home")
def test_no_serious_or_critical_axe_violations(a11y_page: tuple[Page, str], fictional_url: str,
                                               fictional_site: Path, path: str):
    page, scheme = a11y_page
    built = (fictional_site / path if path.endswith(".html")
             else fictional_site / path / "index.html")
    assert built.is_file(), f"no page {path!r} in the build"
    page.goto(fictional_url + path, wait_until="networkidle")
    assert page.locator("body").get_attribute("data-md-color-scheme") == scheme
    violations = page.evaluate(RUN_AXE)
    blocking = [v for v in violations if v["impact"] in BLOCKING]
    assert not blocking, (f"/{path} ({scheme}): {len(blocking)} serious/critical axe "
                          f"violations; all violations:\n"
                          f"{json.dumps(violations, indent=1, ensure_ascii=False)}")
