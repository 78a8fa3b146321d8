"""A summit page as a reader meets it: how an inferred date (or place) was inferred is one
line under it, opened by a tap, and printed in a few run-in lines, not a box. (That print
splits no sentence between the columns is tests/browser/test_print.py's.)"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page

from .helpers import PAPER, PRINT_MARGIN, pdf_text, print_pdf

pytestmark = pytest.mark.browser

MIN_TARGET = 24  # px: WCAG 2.2's least target size, as for the citation links

# Each "how it was inferred" of the page: the line of the title block above it, its
# summary's box and line height, and whether its reasoning shows.
REASONING_JS = """() => [...document.querySelectorAll('article details.reasoning')].map(d => {
  const summary = d.querySelector('summary'), text = d.querySelector(':scope > p');
  const box = el => el.getBoundingClientRect();
  const style = getComputedStyle(d);
  return {
    title: summary.textContent.trim(),
    above: d.previousElementSibling?.textContent.trim() ?? '',
    open: d.open,
    height: box(d).height,
    summary: {height: box(summary).height, width: box(summary).width,
              line: parseFloat(getComputedStyle(summary).lineHeight)},
    shown: text.checkVisibility() && box(text).height > 0,
    text: text.textContent.trim(),
    border: style.borderTopWidth + ' ' + style.borderLeftWidth,
    background: style.backgroundColor,
  };
})"""


def summits_with_reasoning(site: Path) -> list[str]:
    pages = [f"summits/{p.parent.name}/" for p in sorted((site / "summits").glob("*/index.html"))
             if 'class="reasoning"' in p.read_text(encoding="utf-8")]
    assert pages, "no summit page of the fictional corpus says how a date was inferred"
    return pages




def test_how_the_date_was_inferred_is_one_line_under_it_and_opens_on_a_tap(
        screen_page: Page, fictional_url: str, fictional_site: Path):
    phone = screen_page.viewport_size["width"] < 500
    for path in summits_with_reasoning(fictional_site):
        screen_page.goto(fictional_url + path)
        found = screen_page.evaluate(REASONING_JS)
        assert any(r["title"] == "How the date was inferred" for r in found), path
        for r in found:
            where = f"{path} {r['title']!r}"
            # Right under the line it explains: the date's, or the place's.
            line = "When:" if "date" in r["title"] else "Where:"
            assert r["above"].startswith(line), f"{where}: under {r['above']!r}"
            assert not r["open"] and not r["shown"], f"{where}: open before a tap"
            assert r["height"] < 2 * r["summary"]["line"], f"{where}: more than a line {r}"
            assert min(r["summary"]["height"], r["summary"]["width"]) >= MIN_TARGET, where
        summaries = screen_page.locator("article details.reasoning > summary")
        for i in range(summaries.count()):
            if phone:
                summaries.nth(i).tap()
            else:
                summaries.nth(i).click()
        opened = screen_page.evaluate(REASONING_JS)
        assert all(r["open"] and r["shown"] for r in opened), f"{path}: {opened}"


def test_how_the_date_was_inferred_prints_as_a_run_in_line_not_a_box(
        browser: Browser, fictional_url: str, fictional_site: Path):
    context = browser.new_context()
    page = context.new_page()
    try:
        for path in summits_with_reasoning(fictional_site):
            page.goto(fictional_url + path)
            page.set_viewport_size({"width": round(PAPER["A4"][0] - 2 * PRINT_MARGIN[1]),
                                    "height": 1000})
            page.emulate_media(media="print")
            printed = page.evaluate(REASONING_JS)
            for r in printed:
                where = f"{path} {r['title']!r}"
                assert r["shown"], f"{where}: its reasoning does not print"
                assert r["border"] == "0px 0px", f"{where}: printed in a box {r}"
                assert r["background"] in ("rgba(0, 0, 0, 0)", "transparent"), where
            text = " ".join(pdf_text(print_pdf(page, "A4")).split())
            for r in printed:
                opening = " ".join(r["text"].split()[:6])
                assert re.search(re.escape(f"{r['title']}: {opening}"), text), (
                    f"{path}: {r['title']!r} is not printed with its reasoning run in")
    finally:
        context.close()
