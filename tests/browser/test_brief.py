"""Counterpart briefs on paper, through Chrome's own print (page.pdf): each prints on at most
two A4 and two US Letter sheets; every sheet carries the running line (the site, the page's
address, how recent its sources are) and "page n of N"; body text is 10pt or larger and the
numbered references 8pt or larger; nothing of the page is lost in print.

On the fictional corpus and the live data every brief is printed. On a synthetic corpus of 100
summits, where every list of a brief is at its bound (brief.Bounds) as it would be at 1,000,
the relationship brief and the longest counterpart briefs are printed.

Page counts depend on the metrics of the font the text is drawn in (conftest.measured_font).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import shared_result
from playwright.sync_api import Browser, Page

from .helpers import (
    PAPER,
    PRINT_MARGIN,
    pdf_pages,
    pdf_text,
    print_pdf,
    sheet_fill,
    words,
)
from .test_print import SMALL_TEXT_JS

pytestmark = pytest.mark.browser

PAPERS = ("A4", "Letter")
MAX_SHEETS = 2
MIN_BODY_PX = 10 * 96 / 72  # 10pt
MIN_NOTE_PX = 8 * 96 / 72  # 8pt
SHEETS_MARGIN_MM = (11, 10)  # top and bottom (briefings.css, @page sheets)
# The article's text minus what print may drop (as test_print.KEPT_TEXT_JS: a pack keeps its
# summit page's previous/next line); the running line, which prints in the sheets' margins
# instead (checked on every sheet); and the sources' addresses, which a brief leaves to the
# screen.
KEPT_TEXT_JS = """() => {
  const copy = document.querySelector('article').cloneNode(true);
  copy.querySelectorAll('.cite-quote, .footnote-backref, .print-briefing, .print-running, '
                        + '.summit-pager, .source-url, .screen-only').forEach(el => el.remove());
  return copy.textContent;
}"""
NOTES_PX_JS = """() => [...document.querySelectorAll('.footnote li')]
  .map(li => parseFloat(getComputedStyle(li).fontSize))"""


@dataclass
class BriefPrint:
    """A page printed on several sheets (a brief; test_packs prints meeting packs so too)."""

    sheets: dict[str, list[str]] = field(default_factory=dict)  # each sheet's text, by paper
    fill: dict[str, list[float]] = field(default_factory=dict)  # how far down each sheet
    small_text: list[str] = field(default_factory=list)
    notes_px: list[float] = field(default_factory=list)
    kept_text: str = ""
    print_text: str = ""
    site: str = ""


def brief_pages(site: Path) -> list[str]:
    """The relationship brief and every counterpart brief of a built site."""
    pages = ["/brief/", *(f"/leaders/{p.parent.parent.name}/brief/"
                          for p in sorted(site.glob("leaders/*/brief/index.html")))]
    assert (site / "brief" / "index.html").is_file(), "no relationship brief was built"
    assert len(pages) > 1, "no counterpart brief was built"
    return pages


def print_brief(page: Page, url: str) -> BriefPrint:
    out = BriefPrint()
    page.emulate_media(media="screen")
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(url)
    out.kept_text = page.evaluate(KEPT_TEXT_JS)
    out.site = page.evaluate("document.querySelector('.print-running').textContent"
                             ".split(' · ')[0]")
    width = PAPER["A4"][0] - 2 * PRINT_MARGIN[1]
    page.set_viewport_size({"width": round(width), "height": 1000})
    page.emulate_media(media="print")
    out.print_text = page.locator("article").inner_text()
    out.small_text = page.evaluate(SMALL_TEXT_JS, MIN_BODY_PX)
    out.notes_px = page.evaluate(NOTES_PX_JS)
    for paper in PAPERS:
        pdf = print_pdf(page, paper)
        sheets = pdf_text(pdf).rstrip("\f").split("\f")
        assert len(sheets) == pdf_pages(pdf), url
        out.sheets[paper] = sheets
        out.fill[paper] = sheet_fill(pdf, *SHEETS_MARGIN_MM)
    return out


def print_all(browser: Browser, base: str, keys: list[str]) -> dict[str, BriefPrint]:
    context = browser.new_context()
    page = context.new_page()
    try:
        return {key: print_brief(page, base + key.lstrip("/")) for key in keys}
    finally:
        context.close()


def longest_briefs(site: Path, count: int) -> list[str]:
    """The counterpart briefs with the most text in their article: the likeliest to run over."""
    def length(key: str) -> int:
        html = (site / key.strip("/") / "index.html").read_text(encoding="utf-8")
        return len(BeautifulSoup(html, "html.parser").select_one("article").get_text())

    return sorted(brief_pages(site)[1:], key=length, reverse=True)[:count]


@pytest.fixture(scope="module")
def printed(tmp_path_factory: pytest.TempPathFactory, browser: Browser, fictional_url: str,
            fictional_site: Path, live_site_url: str, live_site: Path,
            synthetic_site: tuple[str, Path]) -> dict[str, dict[str, BriefPrint]]:
    """Briefs printed, once per run for every worker: every one of the fictional corpus and
    of the live data, and the relationship brief and the three longest counterpart briefs
    of the synthetic corpus."""
    synthetic_url, synthetic = synthetic_site
    return shared_result(tmp_path_factory, "briefs-printed", lambda: {
        "fictional": print_all(browser, fictional_url, brief_pages(fictional_site)),
        "live": print_all(browser, live_site_url, brief_pages(live_site)),
        "synthetic": print_all(browser, synthetic_url,
                               ["/brief/", *longest_briefs(synthetic, 3)]),
    })


def summary(printed: dict[str, BriefPrint], font: str) -> str:
    return f"(text in {font})\n" + "\n".join(
        f"  {key}: " + ", ".join(f"{paper} {len(p.sheets[paper])}" for paper in PAPERS)
        for key, p in printed.items())


@pytest.mark.parametrize("data", ["fictional", "live", "synthetic"])
def test_every_brief_prints_on_at_most_two_sheets(printed, data, measured_font):
    briefs = printed[data]
    too_long = {k: p for k, p in briefs.items()
                if max(len(s) for s in p.sheets.values()) > MAX_SHEETS}
    assert not too_long, "briefs over two sheets " + summary(too_long, measured_font)


@pytest.mark.parametrize("data", ["fictional", "live", "synthetic"])
def test_every_sheet_carries_the_running_line_and_its_page_number(printed, data):
    assert_running_line_and_page_numbers(printed[data])


@pytest.mark.parametrize("data", ["fictional", "synthetic"])
def test_printed_body_is_at_least_10pt_and_notes_at_least_8pt(printed, data):
    assert_print_type_sizes(printed[data])


@pytest.mark.parametrize("data", ["fictional", "synthetic"])
def test_a_printed_brief_drops_no_content(printed, data):
    assert_nothing_lost_in_print(printed[data])


# The checks every page printed on sheets passes (the briefs here, the meeting packs too).

def assert_running_line_and_page_numbers(pages: dict[str, BriefPrint]) -> None:
    for key, p in pages.items():
        for paper, sheets in p.sheets.items():
            for number, sheet in enumerate(sheets, 1):
                where = f"{key} ({paper}) sheet {number}"
                flat = " ".join(sheet.split())
                assert f"page {number} of {len(sheets)}" in flat, where
                head = " ".join(sheet.split()[:30])
                assert p.site in head and key in head and "sources as of" in head, (
                    f"{where}: no running line in {head!r}")
                # Once a sheet: the line above the text is not printed as well.
                assert flat.count(f" · {key} · ") == 1, where


def assert_print_type_sizes(pages: dict[str, BriefPrint]) -> None:
    for key, p in pages.items():
        assert not p.small_text, f"{key}: text under 10pt in print: {p.small_text[:5]}"
        assert p.notes_px and min(p.notes_px) >= MIN_NOTE_PX - 0.01, (key, min(p.notes_px))


def assert_nothing_lost_in_print(pages: dict[str, BriefPrint]) -> None:
    for key, p in pages.items():
        hidden = words(p.kept_text) - words(p.print_text)
        assert not hidden, f"{key}: hidden in print: {sorted(hidden)[:20]}"
        for paper, sheets in p.sheets.items():
            flat = unicodedata.normalize("NFKC", "\n".join(sheets)).casefold()
            lost = {word for word in words(p.print_text) if word not in flat}
            assert not lost, f"{key} ({paper}): not in the PDF: {sorted(lost)[:20]}"


def test_the_synthetic_briefs_are_at_their_bounds(printed):
    """What makes the synthetic corpus stand in for 1,000 summits: every list is cut."""
    relationship = " ".join(printed["synthetic"]["/brief/"].print_text.split())
    for cut in ("more earlier meetings", "more open pledges", "more standing targets"):
        assert cut in relationship, cut
    assert any("more earlier meeting" in " ".join(p.print_text.split())
               for key, p in printed["synthetic"].items() if key != "/brief/")
