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

Pagefind holds the whole index of a run until it writes it, so a large site is indexed in
parts (PAGES_PER_INDEX pages each, by path), one run after another, each into a bundle of its
own: the first in site/pagefind/, the others in site/pagefind/parts/N/, listed in
site/pagefind/parts.json. The worker searches them as one index (Pagefind's mergeIndex). A
site of up to 1,000 summits is one part, and one bundle, as it was before parts.
"""

from __future__ import annotations

import json
import os
import subprocess
import tempfile
import threading
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
PAGES_INDEXED = ("*.html", "*/*.html", "*/*/*.html")
# Pagefind holds a run's whole index in memory until it writes it, a quarter of a megabyte
# or so a page: a site is indexed in parts of at most this many pages (PAGES_INDEXED's, by
# path), one run after another, and the worker searches their bundles as one index
# (Pagefind's mergeIndex). A site of 1,000 summits has about 2,500 such pages: it stays one
# bundle, ranked as one index, as every smaller site; a larger one is cut into parts whose
# runs each need well under a gigabyte. (A run in which no page has its article marked,
# `data-pagefind-body`, would index whole pages: a part would have to be made only of the
# few unmarked pages at these depths, the 404 page, the brief and the editors' guide.)
PAGES_PER_INDEX = 3_000
# The bundles after the first (bundle_folder), under the first's folder.
PARTS_FOLDER = "parts"
# The list of those bundles, by path from the site's root, that the worker merges: empty for
# a site indexed in one part.
PAGEFIND_PARTS = f"{PAGEFIND_FOLDER}/parts.json"

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


def pages_indexed(site: Path) -> list[str]:
    """The pages PAGES_INDEXED selects in a built site, by path from its root, sorted."""
    return sorted(page.relative_to(site).as_posix()
                  for depth in PAGES_INDEXED for page in site.glob(depth) if page.is_file())


def index_parts(pages: list[str], pages_per_index: int) -> list[list[str]]:
    """The pages cut, in order, into consecutive parts of at most pages_per_index: one part
    (empty) for no pages, which Pagefind indexes as it would the site."""
    return [pages[start:start + pages_per_index]
            for start in range(0, max(len(pages), 1), pages_per_index)]


def bundle_folder(part: int) -> str:
    """Where a part's bundle is written, from the site's root: the first in site/pagefind/,
    where the worker loads Pagefind from; the others in it, numbered from 2."""
    return PAGEFIND_FOLDER if part == 1 else f"{PAGEFIND_FOLDER}/{PARTS_FOLDER}/{part}"


def start_pagefind(pages: Path, bundle: Path) -> subprocess.Popen[str]:
    """Start indexing the pages of a folder (PAGES_INDEXED's) into a bundle with the pinned
    Pagefind binary."""
    command = [str(pagefind_binary()), "--site", str(pages), "--output-path", str(bundle),
               "--glob", f"{{{','.join(PAGES_INDEXED)}}}", "--silent"]
    for selector in EXCLUDED:
        command += ["--exclude-selectors", selector]
    return subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env=pagefind_environment(os.environ))


def finish_pagefind(indexing: subprocess.Popen[str], what: str) -> None:
    """Wait for an indexing run; PagefindFailed unless it succeeded."""
    out, err = indexing.communicate()
    if indexing.returncode != 0:
        raise PagefindFailed(f"Pagefind could not index {what} (exit {indexing.returncode}):\n"
                             f"{err.strip() or out.strip()}")


def linked(site: Path, pages: list[str], folder: Path) -> Path:
    """A folder of links to the pages of a site, at their paths from its root."""
    for page in pages:
        (folder / page).parent.mkdir(parents=True, exist_ok=True)
        (folder / page).symlink_to(site / page)
    return folder


class Indexing:
    """Pagefind over a built site, a part at a time (index_parts). Of a site of several
    parts, each part's pages are linked into a folder of their own, at their paths from the
    site's root, which Pagefind indexes into the part's bundle: its pages' addresses are the
    site's. The bundles after the first are listed in PAGEFIND_PARTS once every part is
    indexed. `stop` (from another thread) ends the run going and starts no other."""

    def __init__(self, site: Path, pages_per_index: int = PAGES_PER_INDEX) -> None:
        self.site = site
        self.pages_per_index = pages_per_index
        self.running: subprocess.Popen[str] | None = None
        self.stopped = False
        self.lock = threading.Lock()

    def run(self) -> None:
        """Index every part, one after another; PagefindFailed if one fails or is stopped."""
        site = self.site.resolve()
        parts = index_parts(pages_indexed(site), self.pages_per_index)
        with tempfile.TemporaryDirectory(prefix="pagefind-parts-") as links:
            for number, pages in enumerate(parts, start=1):
                # A site of one part is read where it is, as it was before parts.
                folder = site if len(parts) == 1 else linked(site, pages, Path(links) / str(number))
                with self.lock:
                    if self.stopped:
                        raise PagefindFailed(f"Indexing {site} was stopped")
                    self.running = start_pagefind(folder, site / bundle_folder(number))
                finish_pagefind(self.running, f"{site} (part {number} of {len(parts)})")
        others = [f"{bundle_folder(number)}/" for number in range(2, len(parts) + 1)]
        (site / PAGEFIND_PARTS).write_text(json.dumps(others), encoding="utf-8")

    def stop(self) -> None:
        with self.lock:
            self.stopped = True
            running = self.running
        if running is not None and running.poll() is None:
            running.terminate()
            running.wait()


def run_pagefind(site: Path, pages_per_index: int = PAGES_PER_INDEX) -> None:
    """Index a built site into site/pagefind/ (and its parts), and wait for it."""
    Indexing(site, pages_per_index).run()
