"""The served site's search (publish/site_search.py): what Pagefind leaves out by its own
option, how pages weigh, which worker the box talks to. (The marks Python-Markdown adds:
test_page_marks; the built site's index: test_site_build.)"""

from __future__ import annotations

import gzip
import json
import re
from pathlib import Path
from urllib.parse import urljoin

import pytest

from summit_briefings.contexts.links import search_weight
from summit_briefings.publish.site_search import (
    PAGEFIND_FOLDER,
    PAGEFIND_PARTS,
    PAGEFIND_WORKER,
    PagefindFailed,
    index_parts,
    pagefind_environment,
    pages_indexed,
    run_pagefind,
    search_config,
)

REPO = Path(__file__).resolve().parent.parent
# A page as the build writes it for Pagefind: the article marked as the body by the theme
# (overrides/main.html), the citation numbers by page_marks; the print button, the chart and
# the printed running line carry the mark the templates give them for Material's index.
PAGE = """<!doctype html><html lang="en"><head><title>x</title></head><body>
<nav class="md-nav">Summits Leaders</nav>
<article class="md-content__inner md-typeset" data-pagefind-body data-pagefind-weight="2">
<p class="print-running" hidden data-search-exclude>/summits/x/ · sources as of 2025</p>
<h1 id="x">Lương Cường and Lee Jae Myung in Gyeongju</h1>
<p><button class="md-button print-briefing" type="button" data-search-exclude>Print briefing
</button></p>
<p>Where: Gyeongju<sup data-pagefind-ignore id="fnref:1"><a href="#fn:1">1</a></sup></p>
<figure class="chart" markdown="0" data-search-exclude><svg><text>2016</text></svg></figure>
</article>
<footer>Made with Material</footer>
</body></html>"""


def indexed(site: Path, bundle: str = PAGEFIND_FOLDER) -> dict[str, str]:
    """What Pagefind indexed into a bundle, by URL: each page's text."""
    pages = {}
    for fragment in (site / bundle / "fragment").glob("*.pf_fragment"):
        page = json.loads(gzip.decompress(fragment.read_bytes())[len(b"pagefind_dcd"):])
        pages[page["url"]] = page["content"]
    return pages


def test_pagefind_reads_the_article_less_what_is_marked_for_no_search(tmp_path: Path):
    (tmp_path / "x").mkdir()
    (tmp_path / "x" / "index.html").write_text(PAGE, encoding="utf-8")
    run_pagefind(tmp_path)
    text = indexed(tmp_path)["/x/"]
    assert "Lương Cường and Lee Jae Myung in Gyeongju" in text
    for noise in ("Summits Leaders", "Made with Material", "Print briefing", "sources as of",
                  "2016", "Gyeongju 1", "Gyeongju1"):
        assert noise not in text, noise


def test_the_pages_indexed_are_those_two_folders_deep_at_most_by_path(tmp_path: Path):
    for page in ("index.html", "b/index.html", "a/x/index.html", "a/x/pack/index.html",
                 "a/x/data.json"):
        (tmp_path / page).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / page).write_text(PAGE, encoding="utf-8")
    assert pages_indexed(tmp_path) == ["a/x/index.html", "b/index.html", "index.html"]


def test_pages_are_cut_in_order_into_parts_of_at_most_the_size_given():
    pages = [f"p{number}/index.html" for number in range(7)]
    assert index_parts(pages, 3) == [pages[:3], pages[3:6], pages[6:]]
    assert index_parts(pages, 7) == [pages]
    assert index_parts([], 3) == [[]]


def site_of(tmp_path: Path, places: list[str]) -> Path:
    """A site of one page per place, each holding its place's name."""
    for place in places:
        (tmp_path / place).mkdir()
        (tmp_path / place / "index.html").write_text(PAGE.replace("Gyeongju", place),
                                                     encoding="utf-8")
    return tmp_path


def test_a_site_in_parts_has_a_bundle_a_part_the_first_listing_the_others(tmp_path: Path):
    site = site_of(tmp_path, ["arlen", "brask", "korvel"])
    run_pagefind(site, pages_per_index=2)
    assert json.loads((site / PAGEFIND_PARTS).read_text(encoding="utf-8")) == [
        f"{PAGEFIND_FOLDER}/parts/2/"]
    first, second = indexed(site), indexed(site, f"{PAGEFIND_FOLDER}/parts/2")
    assert set(first) == {"/arlen/", "/brask/"} and set(second) == {"/korvel/"}
    assert "Lương Cường and Lee Jae Myung in korvel" in second["/korvel/"]


def test_a_site_in_one_part_lists_no_other_bundle(tmp_path: Path):
    site = site_of(tmp_path, ["arlen", "brask"])
    run_pagefind(site)
    assert json.loads((site / PAGEFIND_PARTS).read_text(encoding="utf-8")) == []
    assert set(indexed(site)) == {"/arlen/", "/brask/"}
    assert not (site / PAGEFIND_FOLDER / "parts").exists()


def test_a_part_that_fails_fails_the_indexing_and_lists_nothing(tmp_path: Path):
    site = site_of(tmp_path, ["arlen", "brask"])
    # The second part's bundle cannot be written: a file stands where its folder goes.
    (site / PAGEFIND_FOLDER).mkdir()
    (site / PAGEFIND_FOLDER / "parts").write_text("", encoding="utf-8")
    with pytest.raises(PagefindFailed, match=r"could not index .* \(part 2 of 2\)"):
        run_pagefind(site, pages_per_index=1)
    assert set(indexed(site)) == {"/arlen/"}
    assert not (site / PAGEFIND_PARTS).exists()


@pytest.mark.parametrize(("environ", "threads"), [
    ({"PATH": "/usr/bin"}, "1"),
    ({"PATH": "/usr/bin", "RAYON_NUM_THREADS": "4"}, "4"),
])
def test_pagefind_indexes_with_one_thread_unless_the_environment_says(environ, threads):
    environment = pagefind_environment(environ)
    assert environment["RAYON_NUM_THREADS"] == threads
    assert environment["PATH"] == "/usr/bin"


def test_briefing_pages_weigh_more_than_digests_and_digests_more_than_sources():
    briefings = [search_weight(p) for p in ("leaders/to-lam.md", "summits/2024-lima.md",
                                            "trade-targets.md")]
    digests = [search_weight(p) for p in ("topics/east-sea-maritime.md", "evolution.md",
                                          "commitments.md", "leaders/index.md",
                                          "summits/index.md", "index.md")]
    assert min(briefings) > max(digests) > search_weight("sources/000_4f94f2e9d0db3981.md")


def test_the_served_index_has_a_separator_and_no_documents():
    # Material's page script reads the separator to highlight the words found on the page
    # opened; the worker answers from Pagefind's index.
    index = json.loads(search_config())
    assert index == {"config": {"separator": index["config"]["separator"]}, "docs": []}
    words = re.split(index["config"]["separator"], "Lương Cường Lee Jae-myung")
    assert words == ["Lương", "Cường", "Lee", "Jae", "myung"]


@pytest.mark.parametrize("site", ["http://127.0.0.1:8000/", "https://owner.github.io/repo/"])
def test_the_worker_loads_pagefind_from_its_own_sites_root(site: str):
    # A project site is served below a path: a URL that climbs past the site's root reaches
    # the host's root, where another site (or nothing) is.
    worker = (REPO / "docs" / PAGEFIND_WORKER).read_text(encoding="utf-8")
    root = re.search(r'const root = new URL\("([^"]+)", self\.location\.href\)', worker)
    assert root, "the worker no longer finds the site's root as this test expects"
    assert urljoin(urljoin(site, PAGEFIND_WORKER), root.group(1)) == site
    # Pagefind and the list of its other bundles, from there; the other bundles' pages are
    # given the site's root as their base.
    for path in (f"{PAGEFIND_FOLDER}/pagefind.js", PAGEFIND_PARTS):
        assert f'new URL("{path}", root)' in worker, path
    assert "baseUrl: root.href" in worker
