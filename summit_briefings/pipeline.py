"""The whole generator: data/ and templates/ in, Markdown pages out.

validate (model/) → verify (evidence/) → contexts (contexts/registry.py builds each page's
context, notes and footer) → render (render.py, each page's Markdown) → write (write.py, or
the MkDocs plugin, which takes the pages directly).

The stages after verification run a page at a time: each context is built when the renderer
asks for the next page, and `summit-briefings pages` (write_site) writes each page as soon
as it is rendered, so the build never holds every page's context or Markdown at once. The
MkDocs plugin and the preview take the whole site in memory (build_site).
"""

from __future__ import annotations

import gc
from collections.abc import Iterable, Iterator
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
from .write import docs_tree

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


@dataclass(frozen=True)
class WrittenSite:
    """What write_site wrote: how many pages (the data exports besides), and what
    verification proved."""

    page_count: int
    corpus: Corpus
    evidence: Evidence


@dataclass(frozen=True)
class GeneratedFile:
    """One generated file by path (relative to docs): a page's Markdown, or a data export."""

    path: str
    text: str
    export: bool = False


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


def write_site(root: Path, built: str | None, out: Path, handwritten: Path | None) -> WrittenSite:
    """Validate, verify, and write every page into ``out`` with the hand-written docs
    (unless None), each page as soon as it is rendered (write.docs_tree: ``out`` is replaced
    only if the whole build succeeds). Raises BriefingError on bad input; nothing is written
    then."""
    with fewer_collections():
        corpus, evidence = checked_corpus(root)
        page_count = 0
        with docs_tree(handwritten, out) as write_page:
            for file in generated_files(root, corpus, evidence, built):
                write_page(file.path, file.text)
                page_count += not file.export
    return WrittenSite(page_count, corpus, evidence)


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
        return Site(dict(_rendered(root, contexts, cache, None)), {}, corpus, evidence,
                    changed)


def _whole_site(root: Path, corpus: Corpus, evidence: Evidence, built: str | None,
                cache: RenderCache | None, stop: Event | None) -> Site:
    pages: dict[str, str] = {}
    files: dict[str, str] = {}
    for file in generated_files(root, corpus, evidence, built, cache, stop):
        (files if file.export else pages)[file.path] = file.text
    if cache is not None:
        cache.keep_only(set(pages))
    return Site(dict(sorted(pages.items())), files, corpus, evidence)


def generated_files(root: Path, corpus: Corpus, evidence: Evidence, built: str | None,
                    cache: RenderCache | None = None,
                    stop: Event | None = None) -> Iterator[GeneratedFile]:
    """Every page, each rendered as soon as its context is built, then the data exports.
    Raises BriefingError as soon as their running total passes MAX_GENERATED_CHARS: a
    site over the bound is never all generated, and write_site, which stages what it
    writes, publishes none of it."""
    size = 0
    for path, text in _rendered(root, page_contexts(corpus, evidence, built, stop), cache,
                                stop):
        size = _within_bound(size, text)
        yield GeneratedFile(path, text)
    for path, text in exports(corpus).items():
        size = _within_bound(size, text)
        yield GeneratedFile(path, text, export=True)


def _within_bound(size: int, text: str) -> int:
    """``size`` characters generated so far, and now ``text``: the new total, unless it is
    over MAX_GENERATED_CHARS."""
    size += len(text)
    if size > MAX_GENERATED_CHARS:
        raise BriefingError([Problem("data", 1, 1, f"the site would be at least {size:,} "
            f"characters of pages and exports, over the limit of {MAX_GENERATED_CHARS:,}; "
            "look for a text that is far longer than it should be")])
    return size


def _rendered(root: Path, contexts: Iterable[PageContext], cache: RenderCache | None,
              stop: Event | None) -> Iterator[tuple[str, str]]:
    """Each page's path and Markdown, rendered as its context comes; with a ``cache``, only
    pages whose content changed are rendered again."""
    env = environment(root / "templates", cache.templates if cache is not None else None)
    compile_templates(env)
    fingerprint = templates_fingerprint(root / "templates") if cache is not None else ""
    if cache is not None:
        cache.rendered = 0
    for page in contexts:
        if stop is not None and stop.is_set():
            raise Superseded
        text = partial(render_page, env, page.template, page.context, page.notes,
                       page.data_file, page.footer)
        if cache is None:
            yield page.path, text()
        else:
            key = page_key(fingerprint, page.template, page.context, page.notes,
                           page.data_file, page.footer)
            yield page.path, cache.page(page.path, key, text)
