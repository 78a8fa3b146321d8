"""The real site: a strict MkDocs build, links that resolve, no template artefacts."""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    site = tmp_path_factory.mktemp("built") / "site"
    result = subprocess.run([sys.executable, "scripts/site.py", str(site)], cwd=ROOT,
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    return site, result.stderr + result.stdout


def html_pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("index.html") if "assets" not in p.parts)


def test_strict_build_succeeds_without_warnings(built):
    _, log = built
    assert "WARNING" not in log and "ERROR" not in log, log


def test_site_has_every_summit_leader_source_and_topic_page(built):
    site, _ = built
    for folder, count in (("summits", 6), ("leaders", 13), ("sources", 5), ("topics", 9)):
        pages = [p for p in (site / folder).iterdir() if (p / "index.html").is_file()]
        assert len(pages) == count, folder
    assert (site / "trade-targets" / "index.html").is_file()
    assert "<svg" in (site / "trade-targets" / "index.html").read_text(encoding="utf-8")


def test_every_internal_link_and_anchor_resolves(built):
    site, _ = built
    ids: dict[Path, set[str]] = {}

    def anchors(page: Path) -> set[str]:
        if page not in ids:
            soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
            ids[page] = {tag["id"] for tag in soup.find_all(id=True)}
        return ids[page]

    checked = 0
    for page in html_pages(site):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for link in soup.select("article a[href]"):
            url = urlsplit(link["href"])
            if url.scheme or url.netloc:
                continue
            target = (page.parent / unquote(url.path)).resolve() if url.path else page
            if target.is_dir():
                target = target / "index.html"
            assert target.is_file(), f"{page.relative_to(site)}: broken link {link['href']}"
            if url.fragment:
                assert unquote(url.fragment) in anchors(target), (
                    f"{page.relative_to(site)}: no anchor for {link['href']}")
            checked += 1
    assert checked > 500


def test_every_citation_links_to_a_highlighted_passage(built):
    site, _ = built
    page = site / "summits" / "2018-03-23-hanoi" / "index.html"
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    notes = soup.select("div.footnote li")
    assert len(notes) > 20
    for note in notes:
        link = note.select_one('a[href*="/sources/"]')
        path, _, anchor = link["href"].partition("#")
        source = BeautifulSoup((page.parent / path / "index.html").read_text(encoding="utf-8"),
                               "html.parser")
        span = source.find(id=anchor)
        assert span is not None and "quote-anchor" in span["class"]
        mark = span.find_next_sibling("mark")
        quote = note.select_one(".cite-quote").get_text().strip("“”")
        assert mark is not None and quote.startswith(mark.get_text()[:20])


# Template syntax, and Python values printed as they are: None, nan, an empty tuple or
# list, an object's default repr.
ARTEFACTS = re.compile(r"\{\{|\{%|\bNone\b|\bnan\b|\(\)|\[\]| object at 0x")


def test_no_built_page_contains_a_template_artefact_or_empty_required_cell(built):
    site, _ = built
    for page in html_pages(site):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        article = soup.select_one("article")
        text = article.get_text(" ")
        assert not ARTEFACTS.search(text), f"{page.relative_to(site)}: {ARTEFACTS.search(text)}"
        for cell in article.select("td"):
            assert cell.get_text(strip=True), f"{page.relative_to(site)}: empty table cell"


def test_failed_build_leaves_the_previous_site_untouched(tmp_path: Path, built):
    site, _ = built
    broken = tmp_path / "project"
    broken.mkdir()
    for part in ("data", "docs", "templates", "scripts", "summit_briefings", "mkdocs.yml"):
        subprocess.run(["cp", "-r", str(ROOT / part), str(broken / part)], check=True)
    summit = broken / "data" / "summits" / "2018-03-23-hanoi.yaml"
    summit.write_text(summit.read_text(encoding="utf-8").replace(
        "welcomed the recent rapprochement", "welcomed the recant rapprochement"),
        encoding="utf-8")
    target = tmp_path / "site"
    subprocess.run(["cp", "-r", str(site), str(target)], check=True)
    before = {p.relative_to(target): p.read_bytes() for p in target.rglob("*") if p.is_file()}
    result = subprocess.run([sys.executable, "scripts/site.py", str(target)], cwd=broken,
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 1
    assert "2018-03-23-hanoi.yaml:" in result.stderr and "Traceback" not in result.stderr
    after = {p.relative_to(target): p.read_bytes() for p in target.rglob("*") if p.is_file()}
    assert after == before


def test_site_publishes_fact_exports_and_the_json_schema(built):
    import csv
    import json

    from summit_briefings.validate import validate
    from summit_briefings.verify import verify_citations

    site, _ = built
    facts = json.loads((site / "data" / "facts.json").read_text(encoding="utf-8"))
    with (site / "data" / "facts.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    schema = json.loads((site / "data" / "schema.json").read_text(encoding="utf-8"))
    evidence = verify_citations(validate(ROOT))
    assert len(facts) == len(rows) == evidence.facts
    assert set(rows[0]) == {"kind", "subject", "value", "date", "source_file", "quote",
                            "page_url"}
    for row in rows:
        assert (site / row["page_url"] / "index.html").is_file(), row["page_url"]
        for file in row["source_file"].split("\n"):
            assert (ROOT / "data" / "sources" / file).is_file()
    titles = {variant["title"] for variant in schema["anyOf"]}
    assert "summit file (data/summits/*.yaml)" in titles and "data/people.yaml" in titles
    assert {"Citation", "Outcome", "Person"} <= set(schema["$defs"])


def test_ctrl_c_during_a_build_stops_cleanly_and_keeps_the_previous_site(tmp_path: Path, built):
    site, _ = built
    target = tmp_path / "site"
    shutil.copytree(site, target)
    before = {p.relative_to(target): p.read_bytes() for p in target.rglob("*") if p.is_file()}
    # Its own process group, as a terminal makes one: Ctrl-C reaches MkDocs too.
    build = subprocess.Popen([sys.executable, "scripts/site.py", str(target)], cwd=ROOT,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                             start_new_session=True)
    deadline = time.monotonic() + 60
    while not list(tmp_path.glob(".site.new-*")) and time.monotonic() < deadline:
        time.sleep(0.05)
    time.sleep(0.5)  # into MkDocs' build
    os.killpg(build.pid, signal.SIGINT)
    _, err = build.communicate(timeout=120)
    assert build.returncode != 0
    assert "Traceback" not in err, err
    assert "Interrupted" in err or "Aborted" in err, err
    after = {p.relative_to(target): p.read_bytes() for p in target.rglob("*") if p.is_file()}
    assert after == before
    assert not list(tmp_path.glob(".site.*"))
