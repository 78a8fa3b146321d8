"""Search on the served site: Pagefind indexes what readers read, behind Material's own box.

Material's search UI talks to a web worker named in each page's `__config`. On served builds
that worker is ours (docs/assets/javascripts/pagefind-worker.js): it answers Material's
messages from Pagefind's index, which loads only the index chunks a query needs, where lunr
loads one JSON index of the whole site (20 MB at 1,000 summits). The offline build, read from
file://, keeps Material's lunr search: browsers refuse Pagefind's module and index there.

What Pagefind indexes is marked as each page is built: the article by the theme
(overrides/main.html), weighted by the kind of page (links.SEARCH_WEIGHTS); the noise in it by
the Markdown extension (page_marks) and Pagefind's own option (EXCLUDED); run_pagefind runs
the indexer (the pinned PyPI binary) over a built site.
"""

from __future__ import annotations

import json
import os
import subprocess
from collections.abc import Mapping
from pathlib import Path

PAGEFIND_WORKER = "assets/javascripts/pagefind-worker.js"
PAGEFIND_FOLDER = "pagefind"
# The pages Pagefind reads. Every page it indexes sits at most two folders deep
# ('summits/x/index.html'): each deeper one is kept out of search (its front matter's `search:
# exclude`, _page.md.jinja), so Pagefind need not read it. A meeting pack
# ('summits/x/pack/index.html') repeats what its summit page says; an archive page a year of a
# leader, a topic or the sources ('leaders/x/2024/index.html'), and a page of a country's
# people A–Z, what the summit, leader and source pages say.
PAGES_INDEXED = "{*.html,*/*.html,*/*/*.html}"

# Marked by the templates for Material's index (print button, chart, printed running line),
# and left out of Pagefind's by its own option. (The other marks: page_marks and
# overrides/main.html.)
EXCLUDED = ("[data-search-exclude]",)


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


def pagefind_environment(environ: Mapping[str, str]) -> dict[str, str]:
    """The environment Pagefind runs in: one indexing thread unless RAYON_NUM_THREADS says
    otherwise. Its thread pool (rayon) starts a thread a core, and on a small machine they
    spend most of their time waiting on each other; one thread writes the same index, sooner
    (BENCHMARKS.md, "Optimisations kept")."""
    return {"RAYON_NUM_THREADS": "1", **environ}


def start_pagefind(site: Path) -> subprocess.Popen[str]:
    """Start indexing a built site into site/pagefind/ with the pinned Pagefind binary."""
    command = [str(pagefind_binary()), "--site", str(site), "--output-subdir", PAGEFIND_FOLDER,
               "--glob", PAGES_INDEXED, "--silent"]
    for selector in EXCLUDED:
        command += ["--exclude-selectors", selector]
    return subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env=pagefind_environment(os.environ))


def finish_pagefind(indexing: subprocess.Popen[str], site: Path) -> None:
    """Wait for an indexing run; PagefindFailed unless it succeeded."""
    out, err = indexing.communicate()
    if indexing.returncode != 0:
        raise PagefindFailed(f"Pagefind could not index {site} (exit {indexing.returncode}):\n"
                             f"{err.strip() or out.strip()}")


def run_pagefind(site: Path) -> None:
    """Index a built site into site/pagefind/, and wait for it."""
    finish_pagefind(start_pagefind(site), site)
