"""The live site's invariants: a strict MkDocs build, a page for everything, links that resolve,
no template artefacts.

These tests assert what holds whatever the live data/ says, never its counts or wording, and
they run twice: on the live data as it is, and on a copy with one more article and summit
added (tests/fixtures/added), which is what keeps adding an article free of test changes.
"""

from __future__ import annotations

import csv
import functools
import gzip
import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup, NavigableString
from conftest import (
    LIVE_DATA,
    REPO,
    BuiltSite,
    add_article,
    copy_project,
    count_data,
    fictional_project,
    shared_folder,
    site_build,
)
from mkdocs.config import load_config
from mkdocs.structure.files import get_files

from summit_briefings.model.validate import validate
from summit_briefings.publish.plugin import unsafe_sources
from summit_briefings.publish.site_search import PAGEFIND_WORKER


def build_with_an_article_added(folder: Path) -> None:
    project = copy_project(folder / "project", LIVE_DATA)
    (folder / "added.txt").write_text(add_article(project), encoding="utf-8")
    result = site_build(project.root, folder / "site")
    assert result.returncode == 0, result.stderr
    (folder / "build.log").write_text(result.stderr + result.stdout, encoding="utf-8")


@pytest.fixture(scope="module", params=["live data", "live data with an article added"])
def built(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory,
          ) -> BuiltSite:
    """Each site is built once per test run, whichever workers run its tests."""
    if request.param == "live data":
        return request.getfixturevalue("live_site")
    folder = shared_folder(tmp_path_factory, "live-site-added", build_with_an_article_added)
    return BuiltSite(folder / "project", folder / "site",
                     (folder / "build.log").read_text(encoding="utf-8"),
                     (folder / "added.txt").read_text(encoding="utf-8"))


@functools.cache
def parsed(page: Path) -> BeautifulSoup:
    """A built page, parsed once per worker for every test that reads it; never changed."""
    return BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")


def html_pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("index.html") if "assets" not in p.parts)


def test_strict_build_succeeds_without_warnings(built: BuiltSite):
    assert "WARNING" not in built.log and "ERROR" not in built.log, built.log


def test_site_has_a_page_for_every_summit_leader_source_and_topic(built: BuiltSite):
    corpus = validate(built.root)
    site = built.site
    for folder, ids in (("summits", {s.id for s in corpus.summits}),
                        ("leaders", {p.id for p in corpus.people}),
                        ("sources", {s.file.removesuffix(".txt") for s in corpus.sources}),
                        ("topics", {t.id for t in corpus.topics})):
        pages = {p.name for p in (site / folder).iterdir() if (p / "index.html").is_file()}
        assert pages == ids, folder
        listing = (site / folder / "index.html").read_text(encoding="utf-8")
        assert all(f'href="{page}/"' in listing for page in pages), f"{folder}/ lists them"
    assert (site / "trade-targets" / "index.html").is_file()
    assert "<svg" in (site / "trade-targets" / "index.html").read_text(encoding="utf-8")


def test_every_participant_page_links_to_each_summit_they_took_part_in(built: BuiltSite):
    summits = validate(built.root).summits
    assert built.added is None or built.added in {summit.id for summit in summits}
    for summit in summits:
        for participant in summit.participants:
            page = built.site / "leaders" / participant.person / "index.html"
            assert f"summits/{summit.id}/" in page.read_text(encoding="utf-8"), (
                f"leaders/{participant.person}/ does not link to summits/{summit.id}/")


def test_every_internal_link_and_anchor_resolves(built: BuiltSite):
    site = built.site
    ids: dict[Path, set[str]] = {}

    def anchors(page: Path) -> set[str]:
        if page not in ids:
            ids[page] = {tag["id"] for tag in parsed(page).find_all(id=True)}
        return ids[page]

    checked = 0
    for page in html_pages(site):
        soup = parsed(page)
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
    assert checked > 0


@pytest.mark.parametrize("kind", ["summits", "leaders"])
def test_every_citation_links_to_a_highlighted_passage(built: BuiltSite, kind: str):
    for page in sorted((built.site / kind).glob("*/index.html")):
        check_citations(page)


PLACE = re.compile(r"¶(?P<para>\d+)(?:, sentences? (?P<sentence>\d+)(?:–\d+)?)?$")


def check_citations(page: Path) -> None:
    soup = parsed(page)
    notes = soup.select("div.footnote li")
    assert notes, f"{page}: no citations"
    for note in notes:
        link = note.select_one('a[href*="/sources/"]')
        path, _, anchor = link["href"].partition("#")
        source = parsed((page.parent / path / "index.html").resolve())
        span = source.find(id=anchor)
        assert span is not None and "quote-anchor" in span["class"]
        mark = span.find_next_sibling("mark")
        quote = note.select_one(".cite-quote").get_text().strip("“”")
        assert mark is not None and quote.startswith(mark.get_text().strip("“”")[:20])
        # In a long paragraph (one whose sentences are anchored) the note names the sentence
        # the passage starts in; elsewhere the paragraph alone.
        place = PLACE.search(link.get_text())
        sentence = span.find_previous(class_="sentence-anchor")
        in_long = sentence is not None and sentence.find_parent("p") is span.find_parent("p")
        assert place and bool(place["sentence"]) == in_long, f"{page}: {link.get_text()}"
        if in_long:
            assert sentence["id"] == f"p{place['para']}-s{place['sentence']}", link.get_text()


# Template syntax, and Python values printed as they are: None, nan, an empty tuple or
# list, an object's default repr.
ARTEFACTS = re.compile(r"\{\{|\{%|\bNone\b|\bnan\b|\(\)|\[\]| object at 0x")


def test_no_built_page_contains_a_template_artefact_or_empty_required_cell(built: BuiltSite):
    site = built.site
    for page in html_pages(site):
        soup = parsed(page)
        article = soup.select_one("article")
        text = article.get_text(" ")
        assert not ARTEFACTS.search(text), f"{page.relative_to(site)}: {ARTEFACTS.search(text)}"
        for cell in article.select("td"):
            assert cell.get_text(strip=True), f"{page.relative_to(site)}: empty table cell"


def previous_site(target: Path) -> dict[Path, bytes]:
    """A stand-in for the last good site in ``target``; its files by path."""
    for page in ("index.html", "summits/index.html", "summits/x/index.html"):
        (target / page).parent.mkdir(parents=True, exist_ok=True)
        (target / page).write_text(f"the last good {page}\n", encoding="utf-8")
    return files(target)


def files(folder: Path) -> dict[Path, bytes]:
    return {p.relative_to(folder): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def test_failed_build_leaves_the_previous_site_untouched(tmp_path: Path):
    project = fictional_project(tmp_path / "project")
    project.replace("data/summits/2031-04-10-port-arlen.yaml",
                    "during an official visit by Dorn", "during an oficial visit by Dorn")
    target = tmp_path / "site"
    before = previous_site(target)
    result = site_build(project.root, target)
    assert result.returncode == 1
    assert "2031-04-10-port-arlen.yaml:" in result.stderr and "Traceback" not in result.stderr
    assert files(target) == before


def test_failed_search_index_leaves_the_previous_site_untouched(tmp_path: Path):
    """Pagefind indexes the site after MkDocs has built it; when it fails, the site MkDocs
    built is not swapped in either. (A file where its output folder goes makes it fail.)"""
    project = fictional_project(tmp_path / "project")
    project.write("docs/pagefind", "a file where Pagefind's folder goes\n")
    target = tmp_path / "site"
    before = previous_site(target)
    result = site_build(project.root, target)
    assert result.returncode == 1
    assert "Pagefind could not index" in result.stderr, result.stderr[-3000:]
    assert f"Build failed; {target} is unchanged." in result.stderr
    assert "Traceback" not in result.stderr
    assert files(target) == before
    assert not list(tmp_path.glob(".site.*"))


def test_mkdocs_is_refused_files_from_outside_the_project(tmp_path: Path):
    """The plugin's own check, for what MkDocs collects itself from docs/ and the theme's
    custom folder (it follows symlinks), beside the check of every project folder."""
    project = fictional_project(tmp_path / "project")
    (project.root / "docs" / "passwd.txt").symlink_to("/etc/passwd")
    (project.root / "overrides" / "hostname.txt").symlink_to("/etc/hostname")
    config = load_config(str(project.root / "mkdocs.yml"))
    collected = get_files(config)
    collected.add_files_from_theme(config.theme.get_env(), config)  # as MkDocs does, too
    problems = unsafe_sources(collected, config, project.root)
    assert [str(p) for p in problems] == [
        "docs/passwd.txt:1:1: is a symbolic link, which is never followed; replace it with "
        "the real file or folder",
        "overrides/hostname.txt:1:1: is a symbolic link, which is never followed; replace it "
        "with the real file or folder"]
    target = tmp_path / "site"
    before = previous_site(target)
    result = site_build(project.root, target)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "docs/passwd.txt:1:1: is a symbolic link" in result.stderr
    assert "overrides/hostname.txt:1:1: is a symbolic link" in result.stderr
    assert files(target) == before


def test_site_publishes_fact_exports_and_the_json_schema(built: BuiltSite):
    site = built.site
    facts = json.loads((site / "data" / "facts.json").read_text(encoding="utf-8"))
    with (site / "data" / "facts.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    schema = json.loads((site / "data" / "schema.json").read_text(encoding="utf-8"))
    assert len(facts) == len(rows) == count_data(built.root / "data")["facts"]
    assert set(rows[0]) == {"kind", "subject", "value", "date", "source_file", "quote",
                            "page_url"}
    for row in rows:
        assert (site / row["page_url"] / "index.html").is_file(), row["page_url"]
        for file in row["source_file"].split("\n"):
            assert (built.root / "data" / "sources" / file).is_file()
    titles = {variant["title"] for variant in schema["anyOf"]}
    assert "summit file (data/summits/*.yaml)" in titles and "data/people.yaml" in titles
    assert {"Citation", "Outcome", "Person"} <= set(schema["$defs"])


@pytest.mark.parametrize("stop", [signal.SIGINT, signal.SIGTERM], ids=["ctrl-c", "sigterm"])
def test_a_build_interrupted_or_terminated_stops_cleanly_and_keeps_the_previous_site(
        tmp_path: Path, stop: signal.Signals):
    project = fictional_project(tmp_path / "project")
    # A hook that says when MkDocs is mid-build and holds it there, so that the interrupt
    # lands inside the build however fast or busy the machine is.
    building = tmp_path / "mkdocs-is-building"
    hook = tmp_path / "hold_the_build.py"
    hook.write_text(f"import pathlib, time\n\n\ndef on_files(files, config):\n"
                    f"    pathlib.Path({str(building)!r}).touch()\n"
                    f"    time.sleep(120)\n", encoding="utf-8")
    config = project.root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + f"hooks:\n  - {hook}\n",
                      encoding="utf-8")
    target = tmp_path / "site"
    before = previous_site(target)
    # Started as a terminal starts a command: in its own process group, so that Ctrl-C
    # reaches MkDocs too, and with Ctrl-C not ignored, which it is in a background job (a
    # process started ignoring it passes that on, and Python then keeps ignoring it).
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        build = subprocess.Popen([sys.executable, "scripts/site.py", str(target),
                                  "--root", str(project.root)], cwd=REPO,
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                 start_new_session=True)
    finally:
        signal.signal(signal.SIGINT, previous)
    try:
        deadline = time.monotonic() + 60
        while not building.exists() and build.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
        assert building.exists(), "the build ended or stalled before MkDocs reached the hook"
        assert list(tmp_path.glob(".site.new-*"))  # the build writes into its staging folder
        os.killpg(build.pid, stop)
        _, err = build.communicate(timeout=120)
    finally:  # a failed run leaves no build behind, sleeping in the hook
        if build.poll() is None:
            os.killpg(build.pid, signal.SIGKILL)
            build.communicate()
    assert build.returncode != 0
    assert "Traceback" not in err, err
    assert "Interrupted" in err or "Aborted" in err, err
    assert files(target) == before
    assert not list(tmp_path.glob(".site.*"))


@pytest.mark.parametrize("left", [".site.new-k2j4/", ".site-offline.new-x/", ".site.old/",
                                  "build/.docs.new-1/"])
def test_git_ignores_what_a_killed_build_can_leave(left: str):
    assert subprocess.run(["git", "check-ignore", "-q", left], cwd=REPO).returncode == 0


def test_the_source_list_at_the_foot_of_a_page_has_one_item_per_source(built: BuiltSite):
    checked = 0
    for page in html_pages(built.site):
        soup = parsed(page)
        for article in soup.select("article"):
            heading = article.find("h2", id="sources")
            if heading is None:
                continue
            items = heading.find_next_sibling("ul").find_all("li", recursive=False)
            cited = {a["href"].split("#")[0]
                     for a in article.select("div.footnote a[href*='sources/']")}
            assert len(items) == len(cited), f"{page.relative_to(built.site)}: {len(items)}"
            assert all(len(li.select("a[href*='sources/']")) == 1 for li in items), page
            checked += 1
    assert checked > 0


def pagefind_pages(site: Path) -> dict[str, dict]:
    """What Pagefind indexed, by URL: each page's fragment (url, content, meta)."""
    pages = {}
    for fragment in (site / "pagefind" / "fragment").glob("*.pf_fragment"):
        data = gzip.decompress(fragment.read_bytes())
        assert data.startswith(b"pagefind_dcd"), fragment
        page = json.loads(data[len(b"pagefind_dcd"):])
        pages[page["url"]] = page
    return pages


def test_search_indexes_what_readers_read(built: BuiltSite):
    # The served site searches with Pagefind: the index Material's page script fetches
    # holds no documents.
    index = json.loads((built.site / "search" / "search_index.json").read_text("utf-8"))
    assert index["docs"] == [] and index["config"]["separator"]
    pages = pagefind_pages(built.site)
    folders = (p.parent.relative_to(built.site).as_posix() for p in html_pages(built.site))
    readers = {"/" if folder == "." else f"/{folder}/" for folder in folders}
    editors = {u for u in readers if u.startswith("/guide/")}
    assert editors and not editors & pages.keys(), "the editors' pages are indexed"
    # A meeting pack repeats what its summit page says.
    packs = {u for u in readers if u.endswith("/pack/")}
    assert packs and not packs & pages.keys(), "meeting packs are indexed"
    # So does a brief: a search for a name leads to the leader's page, not to every brief.
    briefs = {u for u in readers if u.endswith("/brief/")}
    assert "/brief/" in briefs and not briefs & pages.keys(), "briefs are indexed"
    # So do the archive pages a year (but the trade page's) and the pages of people A–Z,
    # which a corpus of more summits than a page shows in full has.
    gathered = {u for u in readers if u.startswith("/leaders/by-name/")
                or re.search(r"/\d{4}(-\d+)?/$", u) and not u.startswith("/trade-targets/")}
    assert not gathered & pages.keys(), "archive pages are indexed"
    assert pages.keys() == readers - editors - packs - briefs - gathered
    for url, page in pages.items():
        soup = parsed(built.site / url.lstrip("/") / "index.html")
        text = page["content"]
        assert "Print briefing" not in text, url
        assert "sources as of" not in text, url  # the printed running line
        assert "Skip to content" not in text and "Made with" not in text, url
        # Citation numbers: the word before a reference never runs into its number.
        for ref in soup.select("article sup[id^=fnref]"):
            before = ref.previous_sibling
            if isinstance(before, NavigableString) and len(before.strip()) >= 4:
                assert before.rstrip()[-12:] + ref.get_text() not in text, (url, ref)
        for figure in soup.select("article figure.chart"):
            ticks = " ".join(figure.get_text(" ").split()[:6])
            assert ticks not in text, (url, ticks)
        assert page["meta"]["title"] == soup.select_one("article h1").get_text().strip(), url




def test_every_pages_search_box_talks_to_the_pagefind_worker(built: BuiltSite):
    site = "https://site.test/"
    # The 404 page, shown at any address, offers the search box too (by an absolute URL).
    for path in [*html_pages(built.site), built.site / "404.html"]:
        folder = path.parent.relative_to(built.site).as_posix()
        config = parsed(path).select_one("script#__config")
        worker = json.loads(config.string)["search"]
        assert urljoin(urljoin(site, "" if folder == "." else f"{folder}/"), worker) == (
            site + PAGEFIND_WORKER), path
