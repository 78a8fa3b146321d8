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
    PAGEFIND_WORKER,
    pagefind_environment,
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


def indexed(site: Path) -> dict[str, str]:
    """What Pagefind indexed, by URL: each page's text."""
    pages = {}
    for fragment in (site / PAGEFIND_FOLDER / "fragment").glob("*.pf_fragment"):
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
    imported = re.search(r'import\(new URL\("([^"]+)", self\.location\.href\)', worker)
    assert imported, "the worker no longer imports Pagefind as this test expects"
    assert urljoin(urljoin(site, PAGEFIND_WORKER), imported.group(1)) == (
        f"{site}{PAGEFIND_FOLDER}/pagefind.js")
