"""Meeting packs as a reader takes one into the room, printed through Chrome's own print
(page.pdf) as test_brief prints a brief: on A4 and US Letter every sheet carries the running
line and "page n of N", and every sheet but the last is at least half full; body text is 10pt
or larger and the numbered references 8pt or larger; nothing of the page is lost in print.
On screen, each summit page links its pack, and a pack's links lead where they say.

Every pack of the fictional corpus and of the live data is printed, and on a synthetic corpus
of 100 summits, where the targets, figures and titles a pack shows are at their bounds as
they would be at 1,000, the three longest packs.

Page counts depend on the metrics of the font the text is drawn in (conftest.measured_font).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import shared_result
from playwright.sync_api import Browser

from .test_brief import (
    PAPERS,
    BriefPrint,
    assert_nothing_lost_in_print,
    assert_print_type_sizes,
    assert_running_line_and_page_numbers,
    print_all,
)

pytestmark = pytest.mark.browser

# The fictional corpus's packs: a summit's briefing, its participants, trade and commitments.
MAX_SHEETS = 2
MIN_FILL = 0.5  # of every sheet but the last


def pack_pages(site: Path) -> list[str]:
    """The address of every meeting pack of a built site."""
    pages = [f"/summits/{p.parent.parent.name}/pack/"
             for p in sorted(site.glob("summits/*/pack/index.html"))]
    assert pages, "no meeting pack was built"
    return pages


def longest_packs(site: Path, count: int) -> list[str]:
    """The packs with the most text in their article: the likeliest to run over."""
    def length(key: str) -> int:
        html = (site / key.strip("/") / "index.html").read_text(encoding="utf-8")
        return len(BeautifulSoup(html, "html.parser").select_one("article").get_text())

    return sorted(pack_pages(site), key=length, reverse=True)[:count]


@pytest.fixture(scope="module")
def printed(tmp_path_factory: pytest.TempPathFactory, browser: Browser, fictional_url: str,
            fictional_site: Path, live_site_url: str, live_site: Path,
            synthetic_site: tuple[str, Path]) -> dict[str, dict[str, BriefPrint]]:
    """Packs printed, once per run for every worker: every one of the fictional corpus and
    of the live data, and the three longest of the synthetic corpus."""
    synthetic_url, synthetic = synthetic_site
    return shared_result(tmp_path_factory, "packs-printed", lambda: {
        "fictional": print_all(browser, fictional_url, pack_pages(fictional_site)),
        "live": print_all(browser, live_site_url, pack_pages(live_site)),
        "synthetic": print_all(browser, synthetic_url, longest_packs(synthetic, 3)),
    })


def summary(printed: dict[str, BriefPrint], font: str) -> str:
    """Each pack's sheets and how full each is, by paper."""
    return f"(text in {font})\n" + "\n".join(
        f"  {key}: " + "; ".join(f"{paper} " + ", ".join(f"{f:.0%}" for f in p.fill[paper])
                                 for paper in PAPERS)
        for key, p in printed.items())


def test_the_fictional_packs_print_on_at_most_two_sheets(printed, measured_font):
    packs = printed["fictional"]
    too_long = {k: p for k, p in packs.items()
                if max(len(s) for s in p.sheets.values()) > MAX_SHEETS}
    assert not too_long, "packs over two sheets " + summary(too_long, measured_font)


@pytest.mark.parametrize("data", ["fictional", "live", "synthetic"])
def test_no_sheet_is_under_half_full_but_the_last(printed, data, measured_font):
    packs = printed[data]
    thin = {k: p for k, p in packs.items()
            if any(min(p.fill[paper][:-1], default=1) < MIN_FILL for paper in PAPERS)}
    assert not thin, "packs with a sheet under half full " + summary(thin, measured_font)


@pytest.mark.parametrize("data", ["fictional", "live", "synthetic"])
def test_every_sheet_carries_the_running_line_and_its_page_number(printed, data):
    assert_running_line_and_page_numbers(printed[data])


@pytest.mark.parametrize("data", ["fictional", "synthetic"])
def test_printed_body_is_at_least_10pt_and_notes_at_least_8pt(printed, data):
    assert_print_type_sizes(printed[data])


@pytest.mark.parametrize("data", ["fictional", "synthetic"])
def test_a_printed_pack_drops_no_content_and_prints_no_buttons(printed, data):
    assert_nothing_lost_in_print(printed[data])
    for key, p in printed[data].items():
        for paper, sheets in p.sheets.items():
            text = "\n".join(sheets)
            for button in ("Print pack", "Print briefing", "Meeting pack]"):
                assert button not in text, (key, paper, button)


def test_a_pack_prints_its_parts_and_the_trade_table_not_a_chart(printed, fictional_site: Path):
    for key, p in printed["fictional"].items():
        text = " ".join(p.print_text.split())
        for part in ("Bottom line", "Participants", "Trade against the targets",
                     "Target Latest stated", "Year Actual trade", "Pledges and targets of this"):
            assert part in text, (key, part)
        html = (fictional_site / key.strip("/") / "index.html").read_text(encoding="utf-8")
        assert not BeautifulSoup(html, "html.parser").select("article svg, article .chart"), key


def test_every_summit_page_links_its_pack(fictional_site: Path):
    for pack in pack_pages(fictional_site):
        summit = fictional_site / pack.strip("/").removesuffix("/pack") / "index.html"
        link = BeautifulSoup(summit.read_text("utf-8"), "html.parser").select_one("a.pack-link")
        assert link is not None and link["href"] == "pack/", pack


def test_links_in_a_pack_lead_where_they_say(browser: Browser, fictional_url: str,
                                              fictional_site: Path):
    pack = pack_pages(fictional_site)[0]
    context = browser.new_context()
    page = context.new_page()
    try:
        page.goto(fictional_url + pack.lstrip("/"))
        hrefs = page.eval_on_selector_all(
            "article a[href]:not([href^='#']):not([href^='http'])",
            "links => links.map(a => a.href)")
        assert hrefs
        for href in sorted(set(hrefs)):
            response = page.request.get(href.split("#")[0])
            assert response.ok, f"{pack}: {href} gives {response.status}"
    finally:
        context.close()
