"""Meeting packs as a reader takes one into the room: each summit's pack prints its briefing,
each participant's page and the trade chart, one sheet each, every sheet headed by the
address of the page it comes from; on screen, its links work from the pack's address."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Browser

from .helpers import pdf_pages, pdf_text, print_pdf

pytestmark = pytest.mark.browser


def packs(site: Path) -> dict[str, list[str]]:
    """Each pack's address, with the addresses of its parts in order (from their running
    lines: '/summits/x/', '/leaders/y/', '/trade-targets/')."""
    found = {}
    for path in sorted(site.glob("summits/*/pack/index.html")):
        html = path.read_text(encoding="utf-8")
        found[f"/summits/{path.parent.parent.name}/pack/"] = re.findall(
            r'<p class="print-running"[^>]*>[^<]*? · (/[^ <]*)', html)
    assert found, "no meeting pack was built"
    return found


@pytest.fixture(scope="module")
def printed(browser: Browser, site_url: str, built_site: Path) -> dict[tuple[str, str], str]:
    """Each pack printed on A4 and Letter: its text, sheets separated by form feeds."""
    context = browser.new_context()
    page = context.new_page()
    out = {}
    try:
        for pack in packs(built_site):
            page.goto(site_url + pack.lstrip("/"))
            page.emulate_media(media="print")
            for paper in ("A4", "Letter"):
                pdf = print_pdf(page, paper)
                out[(pack, paper)] = pdf_text(pdf).rstrip("\f")
                assert pdf_pages(pdf) == out[(pack, paper)].count("\f") + 1
    finally:
        context.close()
    return out


def test_every_summit_page_links_its_pack(built_site: Path):
    for pack in packs(built_site):
        summit = built_site / pack.strip("/").removesuffix("/pack") / "index.html"
        assert 'class="md-button pack-link" href="pack/"' in summit.read_text("utf-8"), pack


def test_each_pack_holds_the_briefing_its_participants_and_the_trade_chart(built_site: Path):
    for pack, parts in packs(built_site).items():
        assert parts[0] == pack.removesuffix("pack/"), parts
        assert parts[-1] == "/trade-targets/", parts
        assert len(parts) >= 4 and all(p.startswith("/leaders/") for p in parts[1:-1]), parts


def test_a_pack_prints_one_sheet_per_part_each_headed_by_its_address(printed, built_site,
                                                                     measured_font):
    for pack, parts in packs(built_site).items():
        for paper in ("A4", "Letter"):
            sheets = printed[(pack, paper)].split("\f")
            assert len(sheets) == len(parts), (pack, paper, [s[:60] for s in sheets])
            for sheet, address in zip(sheets, parts, strict=True):
                heading = "\n".join(sheet.strip().splitlines()[:2])
                assert address in heading, (pack, paper, sheet[:80])


def test_a_pack_prints_no_buttons(printed):
    for (pack, paper), text in printed.items():
        assert "Print pack" not in text and "Print briefing" not in text, (pack, paper)
        assert "Meeting pack" not in text, (pack, paper)


def test_links_in_a_pack_lead_where_they_led_on_their_own_pages(browser: Browser,
                                                                  site_url: str,
                                                                  built_site: Path):
    pack = next(iter(packs(built_site)))
    context = browser.new_context()
    page = context.new_page()
    try:
        page.goto(site_url + pack.lstrip("/"))
        hrefs = page.eval_on_selector_all(
            "article a[href]:not([href^='#']):not([href^='http'])",
            "links => links.map(a => a.href)")
        assert hrefs
        for href in sorted(set(hrefs)):
            response = page.request.get(href.split("#")[0])
            assert response.ok, f"{pack}: {href} gives {response.status}"
    finally:
        context.close()
