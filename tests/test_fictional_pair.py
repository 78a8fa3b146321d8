"""A site for an invented pair of countries, built end to end from `summit-briefings init`
and the fictional data of tests/fixtures/fictional-pair: countries, name scripts and currency
come from data/site.yaml alone, and nothing of the first site's pair is left in the output."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import init

FIXTURE = Path(__file__).parent / "fixtures" / "fictional-pair"
PACKAGE = Path(__file__).resolve().parent.parent / "summit_briefings"
TEMPLATES = PACKAGE.parent / "templates"
# Words of the first site's pair: the code must not hold them, and a site for another pair
# (in euros) must not print them, nor its currency.
PAIR_WORDS = re.compile(r"korea|vietnam|hangul", re.IGNORECASE)
FIRST_SITE = re.compile(rf"{PAIR_WORDS.pattern}|US\$", re.IGNORECASE)


@pytest.fixture(scope="module")
def site(initialised_fictional_site: Path) -> Path:
    """The fictional corpus's site from `init`, shared with the hostile-values tests."""
    return initialised_fictional_site


def test_init_refuses_a_folder_that_is_not_empty(tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]):
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    assert init(tmp_path) == 1
    assert "exists and is not an empty folder" in capsys.readouterr().err
    assert [p.name for p in tmp_path.iterdir()] == ["notes.txt"]


def page(site: Path, path: str) -> BeautifulSoup:
    return BeautifulSoup((site / path / "index.html").read_text(encoding="utf-8"), "html.parser")


def test_no_output_file_names_the_first_sites_pair(site: Path):
    named = {str(path.relative_to(site)): FIRST_SITE.findall(path.read_text(encoding="utf-8"))
             for path in site.rglob("*") if path.suffix in {".html", ".json", ".csv", ".xml"}}
    assert {path: words for path, words in named.items() if words} == {}


def test_the_header_bar_title_and_home_page_take_the_site_file(site: Path):
    home = page(site, ".")
    assert home.title.get_text().startswith("Norland–Sudmark summit briefings")
    assert "Norland–Sudmark" in home.select_one(".md-header__topic").get_text()
    assert "two invented countries" in home.select_one("article").get_text()


def test_amounts_print_in_their_own_currency(site: Path):
    trade = page(site, "trade-targets").select_one("article")
    text = trade.get_text(" ")
    assert "EUR 60 billion" in text and "EUR 41.5 billion" in text
    assert trade.select_one("svg .axis").get_text() == "EUR bn"
    assert "Trade between Norland and Sudmark" in trade.select_one("svg title").get_text()
    summit = page(site, "summits/2031-04-10-port-arlen").select_one("article").get_text(" ")
    assert "EUR 2 billion" in summit


def test_leaders_are_grouped_by_the_site_files_countries_with_their_name_forms(site: Path):
    leaders = page(site, "leaders").select_one("article")
    # The index cites each role it dates: its footer lists those sources under one more h2.
    groups = [h.get_text() for h in leaders.select("h2") if h.get("id") != "sources"]
    assert groups == ["Norland", "Sudmark"]
    dorn = page(site, "leaders/pavel-dorn").select_one("article").get_text(" ")
    assert "Cyrillic:" in dorn and "Павел Дорн" in dorn and "Sudmark" in dorn
    brenic = page(site, "leaders/ana-brenic").select_one("article").get_text(" ")
    assert "without diacritics:" in brenic and "Ana Brenic" in brenic


def test_the_package_and_templates_name_no_country():
    files = [*PACKAGE.rglob("*.py"), *TEMPLATES.rglob("*.jinja")]
    assert files
    named = {str(path.name): PAIR_WORDS.findall(path.read_text(encoding="utf-8"))
             for path in files}
    assert {name: words for name, words in named.items() if words} == {}
