"""Search on the served site: Pagefind indexes what readers read, behind Material's own box.

Material's search UI talks to a web worker named in each page's `__config`. On served builds
that worker is ours (docs/assets/javascripts/pagefind-worker.js): it answers Material's
messages from Pagefind's index, which loads only the index chunks a query needs, where lunr
loads one JSON index of the whole site (20 MB at 1,000 summits). The offline build, read from
file://, keeps Material's lunr search: browsers refuse Pagefind's module and index there.

Pure functions over HTML text and the index JSON, called from the plugin; run_pagefind
runs the indexer (the pinned PyPI binary) over a built site.
"""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

PAGEFIND_WORKER = "assets/javascripts/pagefind-worker.js"
PAGEFIND_FOLDER = "pagefind"
# Every page sits at most two folders deep ('summits/x/index.html'), but the archive pages of
# a leader, a topic or the sources, three deep ('leaders/x/2024/index.html'); a meeting pack,
# three deep too ('summits/x/pack/index.html'), repeats pages indexed on their own and is
# marked for no index, so Pagefind need not read it at all.
PAGES_INDEXED = ("{*.html,*/*.html,*/*/*.html,leaders/*/*/*.html,topics/*/*/*.html,"
                 "sources/by-year/*/*.html}")

# The page's article: Pagefind indexes it alone, so navigation, the header, the footer and the
# search dialog stay out of the index.
_ARTICLE = re.compile(r'<article class="md-content__inner md-typeset"')
_H1 = re.compile(r"<h1(?=[\s>])")
# Marked by the templates for Material's index (print button, chart, printed running line).
_SEARCH_EXCLUDE = re.compile(r"(<[a-zA-Z][^<>]*?\sdata-search-exclude)(?=[\s/>])")
# Table header rows ("Amount Period What") and citation numbers: not words readers look for,
# and noise in the result snippets. The footnote back links are a "↩" arrow.
_IGNORED_OPENINGS = (
    (re.compile(r"<thead>"), "<thead data-pagefind-ignore>"),
    (re.compile(r'<sup id="fnref'), '<sup data-pagefind-ignore id="fnref'),
    (re.compile(r'<a class="footnote-backref"'),
     '<a data-pagefind-ignore class="footnote-backref"'),
)
# The worker URL in Material's page config: '"search": "../../assets/…/search.<hash>.min.js"'.
_WORKER_URL = re.compile(
    r'("search": ")((?:\.\./)*|\./|[^"]*/)?assets/javascripts/workers/search\.[0-9a-f]+\.min\.js"')


# Ranking: the weight of each kind of page's words (Pagefind's default is 1; headings count
# more within a page). A person's name finds their page first (every summit page names its
# leaders too), a place or a treaty its summits, a target or an amount the trade page; the
# digests (topics, evolution, commitments) and the source articles they summarise, which
# repeat the same words at length, come after. The first prefix that matches applies; a
# section index ("leaders/") is a list of names and counts as a digest.
SEARCH_WEIGHTS = (("leaders/", 2.0), ("summits/", 2.0), ("trade-targets/", 2.0),
                  ("sources/", 0.3), ("", 0.4))
SECTION_INDEXES = {"leaders/", "summits/", "sources/", "topics/"}
# A leader page's heading is the name itself.
NAME_HEADING_WEIGHT = 10.0


def page_weight(url: str) -> float:
    """The weight of a page's words, by its URL ('leaders/to-lam/')."""
    if url in SECTION_INDEXES:
        return SEARCH_WEIGHTS[-1][1]
    return next(weight for prefix, weight in SEARCH_WEIGHTS if url.startswith(prefix))


def mark_for_pagefind(html: str, *, indexed: bool, url: str = "") -> str:
    """The page with its article marked as Pagefind's body (weighted by the kind of page
    its URL names) and the noise in it ignored.

    A page not marked as a body is left out of the index altogether (Pagefind indexes only
    marked pages once any page is marked): the editors' pages (front matter `search:
    exclude: true`) pass indexed=False.
    """
    if indexed:
        weight = page_weight(url)
        html = _ARTICLE.sub(rf'\g<0> data-pagefind-body data-pagefind-weight="{weight:g}"',
                            html, count=1)
        if url.startswith("leaders/") and url != "leaders/":
            html = _H1.sub(rf'<h1 data-pagefind-weight="{NAME_HEADING_WEIGHT:g}" '
                           'data-pagefind-meta="person"', html, count=1)
    html = _SEARCH_EXCLUDE.sub(r"\1 data-pagefind-ignore", html)
    for pattern, replacement in _IGNORED_OPENINGS:
        html = pattern.sub(replacement, html)
    return html


def use_pagefind_worker(html: str) -> str:
    """The page with Material's search worker swapped for ours (same folder depth)."""
    def swap(match: re.Match) -> str:
        return f'{match.group(1)}{match.group(2) or ""}{PAGEFIND_WORKER}"'

    return _WORKER_URL.sub(swap, html, count=1)


# Where Material's page script fetches its search index from (served builds).
SEARCH_CONFIG = "search/search_index.json"
# Material's page script splits the terms the worker names for each result (single words, as
# the worker reads the query: split at white space and hyphens) at this separator to
# highlight them on the page opened. It is Material's own for English.
HIGHLIGHT_SEPARATOR = r"[\s\-]+"


def search_config() -> str:
    """The index that Material's page script fetches, with no documents: the page hands it
    to the search worker, whose documents are Pagefind's, and reads its separator."""
    return json.dumps({"config": {"separator": HIGHLIGHT_SEPARATOR}, "docs": []})


class PagefindFailed(RuntimeError):
    pass


def pagefind_binary() -> Path:
    # The extended build (pagefind-bin-extended) segments Chinese and Japanese too.
    import pagefind_bin_extended

    return pagefind_bin_extended.get_executable()


def run_pagefind(site: Path) -> None:
    """Index a built site into site/pagefind/ with the pinned Pagefind binary."""
    command = [str(pagefind_binary()), "--site", str(site), "--output-subdir", PAGEFIND_FOLDER,
               "--glob", PAGES_INDEXED, "--silent"]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise PagefindFailed(f"Pagefind could not index {site} (exit {done.returncode}):\n"
                             f"{done.stderr.strip() or done.stdout.strip()}")
