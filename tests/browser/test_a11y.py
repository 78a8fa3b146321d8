"""Accessibility: axe-core (pinned, from .cache/npm) finds no serious or critical problem on
the home page, a summit, a leader and the trade-targets page."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page

from .helpers import AXE

pytestmark = pytest.mark.browser

PAGES = ["", "summits/2023-06-23-vietnam/", "leaders/luong-cuong/", "trade-targets/"]
BLOCKING = {"serious", "critical"}

RUN_AXE = """async () => {
  const result = await axe.run(document, {resultTypes: ['violations']});
  return result.violations.map(v => ({
    id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
    nodes: v.nodes.map(n => ({target: n.target.join(' '), summary: n.failureSummary})),
  }));
}"""


@pytest.fixture(scope="module")
def a11y_page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        yield context.new_page()
    finally:
        context.close()


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p.strip("/") or "home")
def test_no_serious_or_critical_axe_violations(a11y_page: Page, site_url: str,
                                               built_site: Path, path: str):
    assert (built_site / path / "index.html").is_file(), f"no page {path!r} in the build"
    a11y_page.goto(site_url + path, wait_until="networkidle")
    a11y_page.add_script_tag(path=str(AXE))
    violations = a11y_page.evaluate(RUN_AXE)
    blocking = [v for v in violations if v["impact"] in BLOCKING]
    assert not blocking, (f"/{path}: {len(blocking)} serious/critical axe violations; all "
                          f"violations:\n{json.dumps(violations, indent=1, ensure_ascii=False)}")
