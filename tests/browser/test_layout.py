"""Screen layout on a desktop and a phone: nothing cut off, the chart legible, no overlaps.

Widths depend on the metrics of the font the text is drawn in (conftest.measured_font).
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

pytestmark = pytest.mark.browser

PAGES = ["", "summits/2032-03-09-vesk/", "summits/2032-03-09-vesk/pack/",
         "summits/2031-04-10-port-arlen/", "leaders/ana-brenic/", "leaders/ana-brenic/brief/",
         "brief/", "trade-targets/", "commitments/", "summits/", "leaders/", "topics/",
         "topics/trade/", "sources/", "sources/nordwire-2031-04-10-port-arlen/", "evolution/",
         "guide/data-fields/", "guide/adding-a-summit/", "guide/exports/",
         # A long source file name, on the page and in its footer.
         "sources/sudcourier-2032-03-12-vesk-dorn-brenic-open-first-section-arlen-vesk-line/"]

OVERFLOW_JS = """() => ({
  page: document.documentElement.scrollWidth - document.documentElement.clientWidth,
  tables: [...document.querySelectorAll('.md-typeset__scrollwrap')]
    .filter(w => w.scrollWidth > w.clientWidth + 1)
    .map(w => (w.querySelector('th')?.textContent ?? '?') + `: ${w.scrollWidth}px in `
              + `${w.clientWidth}px`),
})"""

# Words inside table cells that wrap across lines ("201" / "7"), file names excepted.
BROKEN_WORDS_JS = """() => {
  const broken = [];
  for (const cell of document.querySelectorAll('article td')) {
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (const match of node.textContent.matchAll(/[^\\s\\-–—/]+/g)) {
        if (/[_.]/.test(match[0])) continue;
        const range = document.createRange();
        range.setStart(node, match.index);
        range.setEnd(node, match.index + match[0].length);
        const lines = new Set([...range.getClientRects()].map(r => Math.round(r.top)));
        if (lines.size > 1) broken.push(match[0]);
      }
    }
  }
  return broken;
}"""

# Table cells of three words or more set one word per line: a column squeezed too narrow.
WORD_PER_LINE_JS = """() => {
  const squeezed = [];
  for (const cell of document.querySelectorAll('article td')) {
    const text = cell.innerText.trim();
    const count = text.split(/\\s+/).length;
    if (count < 3 || !cell.checkVisibility()) continue;
    // Lines of the cell's text, citation numbers (raised, in their own boxes) left out.
    const tops = [];
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.parentElement.closest('sup') || !node.textContent.trim()) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      for (const rect of range.getClientRects()) tops.push(rect.top);
    }
    tops.sort((a, b) => a - b);
    const lines = tops.filter((top, i) => i === 0 || top - tops[i - 1] > 4).length;
    if (lines >= count) squeezed.push(text.slice(0, 40));
  }
  return squeezed;
}"""

# The drawing the screen shows (chart.py draws a wide and a narrow one): its labels' overlaps,
# the labels a dashed line (a target with no year) runs through, clipping, and the size each
# is drawn at (its font size times the drawing's scale); and the legend's entries (HTML) with
# their font size.
CHART_JS = """() => {
  const box = el => el.getBoundingClientRect();
  const svg = [...document.querySelectorAll('svg.trade-chart')].find(s => s.checkVisibility());
  const scale = box(svg).width / svg.viewBox.baseVal.width;
  const labels = [...svg.querySelectorAll('text')];
  const overlaps = [];
  for (let i = 0; i < labels.length; i++)
    for (let j = i + 1; j < labels.length; j++) {
      const a = box(labels[i]), b = box(labels[j]);
      if (a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1
          && b.top < a.bottom - 1)
        overlaps.push(`${labels[i].textContent} / ${labels[j].textContent}`);
    }
  const lines = [...svg.querySelectorAll('line.level')].map(box);
  const crossed = labels.filter(t => { const b = box(t);
    return lines.some(l => b.top + 1 < l.top && l.bottom < b.bottom - 1
                           && b.left < l.right && l.left < b.right); })
    .map(t => t.textContent);
  const drawn = labels.map(t => ({text: t.textContent,
                                  px: parseFloat(getComputedStyle(t).fontSize) * scale}));
  const frame = box(svg);
  const clipped = labels.filter(t => { const b = box(t);
    return b.top < frame.top - 0.5 || b.bottom > frame.bottom + 0.5
        || b.left < frame.left - 0.5 || b.right > frame.right + 0.5; })
    .map(t => t.textContent);
  const legend = [...document.querySelectorAll('.chart-legend li')].map(li => ({
    text: li.textContent, px: parseFloat(getComputedStyle(li).fontSize),
    visible: li.checkVisibility()}));
  return {drawing: svg.classList.value, overlaps, crossed, clipped, count: labels.length,
          small: drawn.filter(d => d.px < 12), smallest: Math.min(...drawn.map(d => d.px)),
          legend};
}"""




@pytest.mark.parametrize("path", PAGES, ids=lambda p: p.strip("/") or "home")
def test_nothing_is_cut_off(screen_page: Page, fictional_url: str, path: str, measured_font: str):
    screen_page.goto(fictional_url + path)
    overflow = screen_page.evaluate(OVERFLOW_JS)
    assert overflow["page"] <= 0 and not overflow["tables"], f"{overflow}, text in {measured_font}"


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p.strip("/") or "home")
def test_no_table_column_is_squeezed_to_a_word_per_line(screen_page: Page, fictional_url: str,
                                                        path: str, measured_font: str):
    screen_page.goto(fictional_url + path)
    squeezed = screen_page.evaluate(WORD_PER_LINE_JS)
    assert not squeezed, f"cells set one word per line: {squeezed} (text in {measured_font})"


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p.strip("/") or "home")
def test_table_cells_do_not_break_words(screen_page: Page, fictional_url: str, path: str,
                                        measured_font: str):
    screen_page.goto(fictional_url + path)
    broken = screen_page.evaluate(BROKEN_WORDS_JS)
    assert not broken, (f"words broken across lines in table cells: {broken} (text in "
                        f"{measured_font})")


def test_chart_labels_are_legible_and_do_not_overlap(screen_page: Page, fictional_url: str,
                                                     measured_font: str):
    """Every label and value of the chart, and its legend, at 12 px or more as drawn, on a
    desktop and on a 390 px phone (the narrow drawing there): readable without zooming."""
    screen_page.goto(fictional_url + "trade-targets/")
    chart = screen_page.evaluate(CHART_JS)
    phone = screen_page.viewport_size["width"] < 500
    assert chart["drawing"] == ("trade-chart narrow" if phone else "trade-chart wide"), chart
    assert chart["count"] > 5, chart
    assert not chart["overlaps"], f"{chart}, text in {measured_font}"
    assert not chart["crossed"], f"labels on a dashed line: {chart}"
    assert not chart["clipped"], f"labels cut off at the chart's edge: {chart}"
    assert not chart["small"], f"chart labels drawn under 12 px: {chart}"
    assert len(chart["legend"]) >= 3 and all(e["visible"] and e["px"] >= 12
                                             for e in chart["legend"]), chart["legend"]


def test_the_404_page_offers_search_and_every_section(screen_page: Page, fictional_url: str):
    screen_page.goto(fictional_url + "404.html")
    assert screen_page.locator("article h1").inner_text() == "Page not found"
    assert screen_page.locator("input.md-search__input").count() == 1
    links = screen_page.locator("article a").evaluate_all("as => as.map(a => a.textContent)")
    tabs = screen_page.locator(".md-tabs__link").all_inner_texts()
    assert links == [tab.strip() for tab in tabs], "the 404 page lists every section of the nav"
    assert "Commitments" in links
    # Each leads to its section on this site ('//summits/' would name a host 'summits').
    for href in screen_page.locator("article a").evaluate_all("as => as.map(a => a.href)"):
        assert href.startswith(fictional_url), href
        assert screen_page.request.get(href).ok, href


def test_a_reader_can_switch_between_light_and_dark(screen_page: Page, fictional_url: str):
    screen_page.goto(fictional_url)
    scheme = screen_page.locator("body").get_attribute("data-md-color-scheme")
    toggle = "Switch to dark mode" if scheme == "default" else "Switch to light mode"
    screen_page.locator(f"label[title='{toggle}']").first.click()
    assert screen_page.locator("body").get_attribute("data-md-color-scheme") != scheme
    back = "Switch to light mode" if scheme == "default" else "Switch to dark mode"
    screen_page.locator(f"label[title='{back}']").first.click()  # as the other tests expect
    assert screen_page.locator("body").get_attribute("data-md-color-scheme") == scheme
