"""One-page print: every summit and leader page prints on one A4 and one US Letter page,
through Chrome's own print (page.pdf: paper size, default margins, scale 1), with no
navigation chrome, body text at 10pt or larger and the numbered references and running line
at 8pt or larger, compact numbered citations and the sources; no sentence split between the
columns and no name in a table set on more than one line.

Page counts depend on the metrics of the font the text is drawn in (conftest.measured_font).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import yaml
from conftest import FICTIONAL_DATA, shared_result
from playwright.sync_api import Browser, Page

from .helpers import PAPER, PRINT_MARGIN, briefing_pages, pdf_pages, pdf_text, print_pdf, words

pytestmark = pytest.mark.browser

TRADE = "/trade-targets/"
PAPERS = ("A4", "Letter")
PT = 96 / 72  # CSS px in a point
MIN_BODY_PX = 10 * PT
MIN_NOTE_PX = 8 * PT  # the numbered references under the text, and the running line
CHROME = (".md-header", ".md-tabs", ".md-sidebar", ".md-search", ".md-footer", ".md-top",
          ".md-content__button", ".print-briefing", ".brief-link", ".summit-pager")

# Visible text nodes of the article whose font is smaller than the body's least (references
# and the running line excepted: they have their own).
SMALL_TEXT_JS = """(minPx) => {
  const small = [];
  const walker = document.createTreeWalker(document.querySelector('article'),
                                           NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const el = node.parentElement;
    if (!node.textContent.trim() || el.closest('.footnote, sup, svg, .print-running')) continue;
    if (!el.checkVisibility()) continue;
    const px = parseFloat(getComputedStyle(el).fontSize);
    if (px < minPx - 0.01)
      small.push(`${px}px <${el.tagName.toLowerCase()} class="${el.className}">`
                 + ` "${node.textContent.trim().slice(0, 50)}"`);
  }
  return small;
}"""

# The article's text minus what print may drop: the quoted passage inside each citation,
# the back-links, the print button and the links beside it, the previous/next line, text
# meant only for a screen; and SVG title/desc (never drawn).
KEPT_TEXT_JS = """() => {
  const copy = document.querySelector('article').cloneNode(true);
  copy.querySelectorAll('.cite-quote, .footnote-backref, .print-briefing, .pack-link, '
                        + '.brief-link, .summit-pager, '
                        + '.screen-only, svg title, svg desc').forEach(el => el.remove());
  return copy.textContent;
}"""

NOTES_JS = """() => [...document.querySelectorAll('.footnote li')].map(li => ({
  text: li.innerText.trim(),
  source: li.querySelector('.note-source').textContent.replace(/, $/, ''),
  visible: li.checkVisibility(),
  px: parseFloat(getComputedStyle(li).fontSize),
  quoteShown: [...li.querySelectorAll('.cite-quote, .footnote-backref')]
                .some(el => el.checkVisibility()),
}))"""


@dataclass
class Printout:
    pages: dict[str, int] = field(default_factory=dict)
    text: dict[str, str] = field(default_factory=dict)
    button_on_screen: bool = False
    button_prints: int = 0
    kept_text: str = ""
    print_text: str = ""
    small_text: list[str] = field(default_factory=list)
    chrome_shown: list[str] = field(default_factory=list)
    notes: list[dict] = field(default_factory=list)
    sources_shown: bool = False
    chart: dict | None = None
    running_px: float = 0
    breaks: dict[str, dict] = field(default_factory=dict)  # PRINT_BREAKS_JS, by paper


# In the print layout: the paragraphs, list items and quotes whose box is cut in two by a
# column break (fragments side by side), and the names (short links) in table cells set on
# more than one line. A box spanning both columns is never split between them.
PRINT_BREAKS_JS = """() => {
  const split = [...document.querySelectorAll(
      'article > p, article li, article blockquote')]
    .filter(el => el.checkVisibility() && !el.closest('.footnote'))
    .filter(el => new Set([...el.getClientRects()].map(r => Math.round(r.left))).size > 1)
    .map(el => el.textContent.trim().slice(0, 60));
  // A person's name: a link of three words or fewer (a summit's title is longer).
  const wrapped = [...document.querySelectorAll('article td a:not(.footnote-ref)')]
    .filter(el => el.checkVisibility() && el.textContent.trim().split(/\\s+/).length <= 3)
    .filter(el => el.getClientRects().length > 1)
    .map(el => el.textContent);
  return {split, wrapped};
}"""


def print_one(page: Page, url: str) -> Printout:
    out = Printout()
    page.emulate_media(media="screen")
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(url)
    button = page.get_by_role("button", name="Print briefing")
    out.button_on_screen = button.count() == 1 and button.is_visible()
    if out.button_on_screen:
        page.evaluate("() => { window.__prints = 0; window.print = () => window.__prints++; }")
        button.click()
        out.button_prints = page.evaluate("window.__prints")
    out.kept_text = page.evaluate(KEPT_TEXT_JS)

    # The print layout at A4 width (the narrower paper), in print media.
    width = PAPER["A4"][0] - 2 * PRINT_MARGIN[1]
    page.set_viewport_size({"width": round(width), "height": 1000})
    page.emulate_media(media="print")
    out.print_text = page.locator("article").inner_text()
    out.small_text = page.evaluate(SMALL_TEXT_JS, MIN_BODY_PX)
    out.chrome_shown = [sel for sel in CHROME
                        if any(page.locator(sel).nth(i).is_visible()
                               for i in range(page.locator(sel).count()))]
    out.notes = page.evaluate(NOTES_JS)
    out.breaks["A4"] = page.evaluate(PRINT_BREAKS_JS)
    out.running_px = page.evaluate(
        "parseFloat(getComputedStyle(document.querySelector('article .print-running')).fontSize)")
    sources = page.locator("article #sources")
    out.sources_shown = (sources.count() == 1 and sources.is_visible()
                         and page.locator("article #sources + ul").is_visible())
    chart = page.locator("article svg.trade-chart.wide")  # paper gets the wide drawing
    if chart.count():
        box = chart.bounding_box()
        out.chart = {"visible": chart.is_visible(), "width": box["width"] if box else 0,
                     "bottom": box["y"] + box["height"] if box else 0}
    for paper in PAPERS:
        pdf = print_pdf(page, paper)
        out.pages[paper] = pdf_pages(pdf)
        out.text[paper] = pdf_text(pdf)
    page.set_viewport_size({"width": round(PAPER["Letter"][0] - 2 * PRINT_MARGIN[1]),
                            "height": 1000})
    out.breaks["Letter"] = page.evaluate(PRINT_BREAKS_JS)
    return out


def print_all(browser: Browser, url: str, site: Path) -> dict[str, Printout]:
    """Every briefing page and the trade page, printed once, in one browser context."""
    context = browser.new_context()
    page = context.new_page()
    try:
        return {key: print_one(page, url + key.lstrip("/"))
                for key in [*briefing_pages(site), TRADE]}
    finally:
        context.close()


@pytest.fixture(scope="module")
def printouts(tmp_path_factory: pytest.TempPathFactory, browser: Browser, fictional_url: str,
              fictional_site: Path) -> dict[str, Printout]:
    """The fictional corpus's pages printed, once per run for every worker."""
    return shared_result(tmp_path_factory, "fictional-printouts",
                         lambda: print_all(browser, fictional_url, fictional_site))


@pytest.fixture(scope="module")
def live_printouts(tmp_path_factory: pytest.TempPathFactory, browser: Browser,
                   live_site_url: str, live_site: Path) -> dict[str, Printout]:
    """The live data's pages printed, once per run for every worker: whatever they say,
    each briefing fits one sheet."""
    return shared_result(tmp_path_factory, "live-printouts",
                         lambda: print_all(browser, live_site_url, live_site))


def table(printouts: dict[str, Printout], font: str) -> str:
    return f"(text in {font})\n" + "\n".join(
        f"  {key}: A4 {p.pages['A4']}, Letter {p.pages['Letter']}"
        for key, p in printouts.items())


@pytest.mark.parametrize("data", ["fictional", "live"])
def test_every_summit_and_leader_page_prints_on_one_page(request, data, measured_font):
    printed = request.getfixturevalue("printouts" if data == "fictional" else "live_printouts")
    too_long = {k: p for k, p in printed.items() if k != TRADE and set(p.pages.values()) != {1}}
    assert not too_long, "pages that do not print on one page " + table(too_long, measured_font)


@pytest.mark.parametrize("data", ["fictional", "live"])
def test_print_splits_no_sentence_between_columns_and_no_name_in_a_table(request, data,
                                                                         measured_font):
    printed = request.getfixturevalue("printouts" if data == "fictional" else "live_printouts")
    found = {f"{key} ({paper})": breaks for key, p in printed.items() if key != TRADE
             for paper, breaks in p.breaks.items() if breaks["split"] or breaks["wrapped"]}
    assert not found, f"split between columns or wrapped in print (text in {measured_font}): " \
                      f"{found}"


def test_trade_page_prints_with_its_chart_on_the_first_page(printouts, measured_font):
    trade = printouts[TRADE]
    assert max(trade.pages.values()) <= 2, table({TRADE: trade}, measured_font)
    assert trade.chart and trade.chart["visible"] and trade.chart["width"] >= 300, trade.chart
    first_page = PAPER["Letter"][1] - 2 * PRINT_MARGIN[0]
    assert trade.chart["bottom"] < first_page, trade.chart


@pytest.mark.parametrize("data", ["fictional", "live"])
def test_printed_body_text_is_at_least_10pt_and_notes_8pt(request, data):
    """The computed sizes in print: every line of the text at 10pt or more, every numbered
    reference and the running line at 8pt or more (a minister reads them without glasses)."""
    printed = request.getfixturevalue("printouts" if data == "fictional" else "live_printouts")
    small = {k: p.small_text for k, p in printed.items() if p.small_text}
    assert not small, "text under 10pt in print:\n" + "\n".join(
        f"  {k}: {lines[:5]}" for k, lines in small.items())
    small_notes = {k: sorted({n["px"] for n in p.notes if n["px"] < MIN_NOTE_PX - 0.01})
                   for k, p in printed.items()}
    assert not any(small_notes.values()), f"references under 8pt (px): {small_notes}"
    small_running = {k: p.running_px for k, p in printed.items()
                     if p.running_px < MIN_NOTE_PX - 0.01}
    assert not small_running, f"running lines under 8pt (px): {small_running}"


def test_print_shows_no_navigation_chrome(printouts):
    shown = {k: p.chrome_shown for k, p in printouts.items() if p.chrome_shown}
    assert not shown, f"navigation chrome visible in print: {shown}"
    for key, p in printouts.items():
        for paper, text in p.text.items():
            for chrome in ("Print briefing", "Meeting pack", "Counterpart brief", "Made with",
                           "Type to start searching"):
                assert chrome not in text, f"{key} ({paper}) prints {chrome!r}"


def test_citations_print_as_compact_numbered_references(printouts):
    for key, p in printouts.items():
        assert p.notes, f"{key}: no citations"
        previous = None
        for number, note in enumerate(p.notes, 1):
            where = f"{key} note {number} {note['text']!r}"
            assert note["visible"] and not note["quoteShown"], where
            assert note["px"] >= MIN_NOTE_PX - 0.01, where
            # "Yonhap / The Korea Post, ¶2": the publisher and paragraph (and in a long
            # paragraph its sentence) on one short line; "¶5" alone after a note from the
            # same source.
            named = note["source"] != previous
            place = r"¶\d+(?:, sentences? \d+(?:–\d+)?)?"
            assert re.fullmatch(rf"{re.escape(note['source'])}, {place}" if named else place,
                                note["text"]), f"{where}: not compact"
            assert len(note["text"]) <= 50, f"{where}: not compact"
            previous = note["source"]
            assert ".txt" not in note["text"], f"{where}: names a file, not the publisher"
            for paper, text in p.text.items():
                assert re.search(rf"(?<!\d){number}\s+{re.escape(note['text'])}", text), (
                    f"{where}: not printed with its number on {paper}")


def test_sources_list_prints(printouts):
    missing = [k for k, p in printouts.items() if not p.sources_shown]
    assert not missing, f"no Sources list in print: {missing}"
    for key, p in printouts.items():
        assert "Sources" in p.text["A4"], key


def test_print_drops_no_content(printouts):
    """Every word of the page (but the quotes inside citations and the chrome) is in the
    print layout, and every word of the print layout is in the PDF: nothing is cut off."""
    for key, p in printouts.items():
        hidden = words(p.kept_text) - words(p.print_text)
        assert not hidden, f"{key}: hidden in print: {sorted(hidden)[:20]}"
        for paper, text in p.text.items():
            # Substrings, not words: pdftotext joins "high-" + "quality" across a line end.
            flat = unicodedata.normalize("NFKC", text).casefold()
            lost = {word for word in words(p.print_text) if word not in flat}
            assert not lost, f"{key} ({paper}): not in the PDF: {sorted(lost)[:20]}"


def test_print_button_is_visible_on_screen_and_prints(printouts):
    for key, p in printouts.items():
        assert p.button_on_screen, f"{key}: no visible 'Print briefing' button"
        assert p.button_prints == 1, f"{key}: the button did not call window.print()"


def test_the_chart_prints_its_values_beside_its_marks(printouts, fictional_site: Path):
    svg = (fictional_site / "trade-targets" / "index.html").read_text(encoding="utf-8")
    values = re.findall(r'<text class="value[^"]*"[^>]*>([^<]+)</text>', svg)
    assert values, "the chart writes no values"
    for paper, text in printouts[TRADE].text.items():
        flat = " ".join(text.split())
        missing = [v for v in values if v not in flat]
        assert not missing, f"{paper}: chart values not printed: {missing}"


def test_every_printed_page_carries_the_site_its_address_and_how_recent_its_sources_are(
        printouts):
    site = yaml.safe_load((FICTIONAL_DATA / "site.yaml").read_text("utf-8"))["title"]
    for key, p in printouts.items():
        for paper, text in p.text.items():
            running = " ".join(text.split("\f")[0].split()[:40])
            assert site in running and key in running and "sources as of" in running, (
                f"{key} ({paper}): no running line in {running!r}")


def test_text_meant_for_a_screen_does_not_print(printouts):
    assert "Each amount links" not in printouts[TRADE].text["A4"]
