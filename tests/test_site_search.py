"""The served site's search marking (summit_briefings.site_search), on HTML as MkDocs and
Material write it: what Pagefind indexes, how pages weigh, which worker the box talks to."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import urljoin

import pytest
from bs4 import BeautifulSoup

from summit_briefings.site_search import (
    PAGEFIND_FOLDER,
    PAGEFIND_WORKER,
    mark_for_pagefind,
    page_weight,
    search_config,
    use_pagefind_worker,
)

REPO = Path(__file__).resolve().parent.parent
PAGE = """<html><body>
<div class="md-search" data-md-component="search" role="dialog">search</div>
<nav class="md-nav">Summits Leaders</nav>
<article class="md-content__inner md-typeset">
<p class="print-running" hidden data-search-exclude>/summits/x/ · sources as of 2025</p>
<h1 id="x">Lương Cường and Lee Jae Myung in Gyeongju</h1>
<p><button class="md-button print-briefing" type="button" data-search-exclude>Print briefing
</button></p>
<p>Where: Gyeongju<sup id="fnref:1"><a class="footnote-ref" href="#fn:1">1</a></sup></p>
<figure class="chart" markdown="0" data-search-exclude><svg><text>2016</text></svg></figure>
<table><thead><tr><th>Amount</th><th>Period</th></tr></thead>
<tbody><tr><td>US$150 billion</td><td>2030</td></tr></tbody></table>
<div class="footnote"><ol><li id="fn:1"><p>“quoted passage”
<a class="footnote-backref" href="#fnref:1">&#8617;</a></p></li></ol></div>
</article>
<footer>Made with Material</footer>
</body></html>"""
# Material's page config, as its base.html writes it at the end of the body.
PAGE = PAGE.replace("</body>", '<script id="__config" type="application/json">{"base": "../..", '
                    '"search": "../../assets/javascripts/workers/search.a7633da7.min.js", '
                    '"tags": null}</script></body>')


def soup(html: str) -> BeautifulSoup:
    return BeautifulSoup(html, "html.parser")


def indexed_text(html: str) -> str:
    """The text Pagefind reads: the body's, less what is ignored."""
    body = soup(html).select_one("[data-pagefind-body]")
    if body is None:
        return ""
    for ignored in body.select("[data-pagefind-ignore]"):
        ignored.decompose()
    return " ".join(body.get_text(" ").split())


def test_the_article_is_the_body_and_the_rest_of_the_page_is_not():
    html = mark_for_pagefind(PAGE, indexed=True, url="summits/x/")
    bodies = soup(html).select("[data-pagefind-body]")
    assert [b.name for b in bodies] == ["article"]
    text = indexed_text(html)
    assert "Lương Cường and Lee Jae Myung in Gyeongju" in text
    assert "US$150 billion" in text and "quoted passage" in text
    for noise in ("search", "Summits Leaders", "Made with Material"):
        assert noise not in text, noise


@pytest.mark.parametrize("noise", ["Print briefing", "sources as of", "2016", "Amount",
                                   "Period", "Gyeongju 1", "↩"])
def test_buttons_chart_table_headers_citation_numbers_and_running_line_are_ignored(noise):
    assert noise not in indexed_text(mark_for_pagefind(PAGE, indexed=True, url="summits/x/"))


def test_an_excluded_page_has_no_body_so_pagefind_skips_it():
    html = mark_for_pagefind(PAGE, indexed=False, url="guide/data-fields/")
    assert not soup(html).select("[data-pagefind-body]")


def test_marking_leaves_the_page_as_readers_see_it():
    html = mark_for_pagefind(PAGE, indexed=True, url="leaders/luong-cuong/")
    assert soup(html).get_text() == soup(PAGE).get_text()


def test_a_leaders_heading_is_their_name_weighted_and_named_as_the_person_meta():
    heading = soup(mark_for_pagefind(PAGE, indexed=True, url="leaders/luong-cuong/")).h1
    assert heading["data-pagefind-meta"] == "person"
    assert float(heading["data-pagefind-weight"]) > 7  # Pagefind's own h1 weight
    # Only a person's page: a summit page names its leaders in its heading too.
    assert "data-pagefind-meta" not in soup(mark_for_pagefind(
        PAGE, indexed=True, url="summits/x/")).h1.attrs
    assert "data-pagefind-meta" not in soup(mark_for_pagefind(
        PAGE, indexed=True, url="leaders/")).h1.attrs


def test_briefing_pages_weigh_more_than_digests_and_digests_more_than_sources():
    briefings = [page_weight(u) for u in ("leaders/to-lam/", "summits/2024-lima/",
                                          "trade-targets/")]
    digests = [page_weight(u) for u in ("topics/east-sea-maritime/", "evolution/",
                                        "commitments/", "leaders/", "summits/", "")]
    assert min(briefings) > max(digests) > page_weight("sources/000_4f94f2e9d0db3981/")
    body = soup(mark_for_pagefind(PAGE, indexed=True, url="sources/000_x/")).article
    assert float(body["data-pagefind-weight"]) == page_weight("sources/000_x/")


def test_the_search_box_talks_to_the_pagefind_worker_at_the_same_depth():
    html = use_pagefind_worker(PAGE)
    assert f'"search": "../../{PAGEFIND_WORKER}"' in html
    assert "workers/search." not in html
    home = PAGE.replace("../../assets", "assets")
    assert f'"search": "{PAGEFIND_WORKER}"' in use_pagefind_worker(home)
    not_found = PAGE.replace("../../assets", "/assets")
    assert f'"search": "/{PAGEFIND_WORKER}"' in use_pagefind_worker(not_found)


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
