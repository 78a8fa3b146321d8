"""The whole generator: data/ and templates/ in, Markdown pages out.

validate (model/) → verify (evidence/) → contexts (contexts/registry.py builds every page's
context, notes and footer) → render (render.py, each page's Markdown) → write (write.py, or
the MkDocs plugin, which takes the pages directly).
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from threading import Event

from .contexts.exports import exports
from .contexts.registry import PageContext, Superseded, page_contexts, summit_page_contexts
from .evidence.verified import Evidence
from .evidence.verify import verify_citations
from .model.corpus import Corpus
from .model.load import ParsedFiles
from .model.problems import BriefingError, Problem
from .model.validate import validate
from .render import (
    RenderCache,
    compile_templates,
    environment,
    page_key,
    render_page,
    templates_fingerprint,
)

# Allocations between young-generation collections (Python's default: 700).
GENERATION_0_THRESHOLD = 20_000
# The most a build may generate (pages and exports, in characters): a bound on the site
# that no data can exceed, far above what a large corpus makes (1,000 summits: about 44
# million).
MAX_GENERATED_CHARS = 500_000_000
SUMMIT_FILES = "data/summits/"


@dataclass(frozen=True)
class Site:
    """Every generated page's Markdown by path (relative to docs), data exports (path →
    text), and what verification proved; or, from preview_site, some of the pages."""

    pages: dict[str, str]
    files: dict[str, str]
    corpus: Corpus
    evidence: Evidence
    # Set by preview_site when only the pages of these summit files were built.
    only: frozenset[str] | None = None


def checked_corpus(root: Path, parsed: ParsedFiles | None = None) -> tuple[Corpus, Evidence]:
    """Validate, then verify: the corpus and its evidence. Raises BriefingError listing every
    problem of both stages: when validation fails, the entries that were valid are still
    verified, so one run reports every problem (a misspelt person id does not hide the
    quote errors in the same file)."""
    try:
        corpus = validate(root, parsed)
    except BriefingError as invalid:
        if invalid.partial is None:
            raise
        try:
            verify_citations(invalid.partial)
        except BriefingError as unverified:
            raise BriefingError(invalid.problems + unverified.problems) from None
        raise
    return corpus, verify_citations(corpus)


@contextmanager
def fewer_collections() -> Iterator[None]:
    """Run the cycle collector less often meanwhile. A build allocates hundreds of thousands
    of objects that live to its end (the corpus, the pages); at the default threshold the
    collector walks all of them again and again, although few ever form a cycle."""
    before = gc.get_threshold()
    gc.set_threshold(GENERATION_0_THRESHOLD, *before[1:])
    try:
        yield
    finally:
        gc.set_threshold(*before)


def check_site(root: Path) -> Site:
    """Validate and verify without rendering. Raises BriefingError on bad input."""
    with fewer_collections():
        corpus, evidence = checked_corpus(root)
    return Site({}, {}, corpus, evidence)


def build_site(root: Path, built: str | None = None, cache: RenderCache | None = None,
               parsed: ParsedFiles | None = None, stop: Event | None = None) -> Site:
    """Validate, verify and render every page. Raises BriefingError on bad input.

    ``built`` is the build date to print (see build_date.py); None prints none. With a ``cache``
    and ``parsed`` from an earlier build (``mkdocs serve``), only pages whose content changed
    are rendered again, and only files whose bytes changed are parsed again. Once ``stop`` is
    set, raises Superseded before the next page: `mkdocs serve` builds the whole site beside
    the preview (see preview_site), and a newer save makes that build pointless.
    """
    with fewer_collections():
        if parsed is not None:
            parsed.next_build()
        corpus, evidence = checked_corpus(root, parsed)
        return _whole_site(root, corpus, evidence, built, cache, stop)


def preview_site(root: Path, built: str | None, cache: RenderCache,
                 parsed: ParsedFiles) -> Site:
    """`mkdocs serve`'s build after a save. Everything is validated and verified, as by
    build_site. When the save changed summit files and no other data file, only the pages
    generated from those files alone are rendered (each summit's page and meeting pack), and
    Site.only names the files: the rest of the site follows, from build_site. Otherwise
    every page is. Raises BriefingError on bad input."""
    with fewer_collections():
        parsed.next_build()
        corpus, evidence = checked_corpus(root, parsed)
        changed = frozenset(parsed.changed())
        if not changed or not all(path.startswith(SUMMIT_FILES) for path in changed):
            return _whole_site(root, corpus, evidence, built, cache, None)
        contexts = summit_page_contexts(corpus, evidence, built, changed)
        return Site(_rendered(root, contexts, cache, None), {}, corpus, evidence, changed)


def _whole_site(root: Path, corpus: Corpus, evidence: Evidence, built: str | None,
                cache: RenderCache | None, stop: Event | None) -> Site:
    # Every context first (with its notes and footer), then every page rendered from them.
    contexts = page_contexts(corpus, evidence, built, stop)
    files = exports(corpus)
    pages = _rendered(root, contexts, cache, stop)
    if cache is not None:
        cache.keep_only(set(pages))
    size = sum(map(len, pages.values())) + sum(map(len, files.values()))
    if size > MAX_GENERATED_CHARS:
        raise BriefingError([Problem("data", 1, 1, f"the site would be {size:,} characters of "
            f"pages and exports, over the limit of {MAX_GENERATED_CHARS:,}; look for a text "
            "that is far longer than it should be")])
    return Site(dict(sorted(pages.items())), files, corpus, evidence)


def _rendered(root: Path, contexts: list[PageContext], cache: RenderCache | None,
              stop: Event | None) -> dict[str, str]:
    """Each page's Markdown; with a ``cache``, only pages whose content changed are rendered
    again."""
    env = environment(root / "templates", cache.templates if cache is not None else None)
    compile_templates(env)
    fingerprint = templates_fingerprint(root / "templates") if cache is not None else ""
    if cache is not None:
        cache.rendered = 0
    pages: dict[str, str] = {}
    for page in contexts:
        if stop is not None and stop.is_set():
            raise Superseded
        text = partial(render_page, env, page.template, page.context, page.notes,
                       page.data_file, page.footer)
        if cache is None:
            pages[page.path] = text()
        else:
            key = page_key(fingerprint, page.template, page.context, page.notes,
                           page.data_file, page.footer)
            pages[page.path] = cache.page(page.path, key, text)
    return pages
