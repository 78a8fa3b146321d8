"""`mkdocs build` with its pages' Markdown converted on two cores, and each page's text kept
on disk from its conversion until it is rendered: what `make site` and `make offline` run
(scripts/site.py) in place of `python -m mkdocs`.

MkDocs converts every page's Markdown, one after another, before it renders any page into
the theme. Here a forked copy of the build converts the last pages (about half of the
Markdown, by size) while the build converts the first, and hands its pages back as the build
reaches them: each page is converted by MkDocs' own code (`_populate_page`), with the same
files, configuration and plugins, so the site is the same byte for byte. What the copy logged
is logged by the build, in the pages' order, where it would have been.

MkDocs also holds every page's text (its Markdown and its HTML) from its conversion until
the build ends: the whole site at once. Only the page's own rendering (`_build_page`) reads
its text, so each page's is written to a temporary file once it is converted, and read back
for its rendering alone (_Texts).

Only with plugins that keep nothing from a page's conversion and read no page's text but
while it is rendered (SAFE_PLUGINS): a plugin that did would keep it in the copy, and lose
it. Otherwise, or for a `--dirty` build, the build is plain MkDocs'. Without a second core,
or if the copy fails in any way, the build converts every page itself.
"""

from __future__ import annotations

import logging
import os
import pickle
import sys
import tempfile
from typing import IO, Any

from mkdocs.commands import build
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

# Plugins none of whose events during a page's conversion (on_pre_page, on_page_read_source,
# on_page_markdown, on_page_content) keep anything outside the page, and none of which reads
# a page's text (page.markdown, page.content) but in the events of its rendering
# (on_page_context, on_post_page): the briefings plugin's on_page_markdown sets what its
# Markdown extension reads while that page converts.
SAFE_PLUGINS = frozenset({"briefings", "material/search", "search", "material/offline",
                          "offline"})
# What converting a page sets on it (Page.read_source and Page.render): its text, which only
# its own rendering reads, and what the rest of the build reads too (the navigation's titles,
# the anchors checked once every page is written).
TEXT = ("markdown", "content")
KEPT = ("meta", "toc", "_title_from_render", "present_anchor_ids", "links_to_anchors")
LENGTH_BYTES = 8
MKDOCS_LOGGER = "mkdocs"
log = logging.getLogger(f"{MKDOCS_LOGGER}.mkdocs_build")


class _Records(logging.Handler):
    """What the copy logs, kept to be logged by the build."""

    def __init__(self) -> None:
        super().__init__()
        self.records: list[tuple[str, int, str]] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append((record.name, record.levelno, record.getMessage()))


class _FilesOut(pickle.Pickler):
    """Pickles a converted page's values, naming each File it refers to (links_to_anchors'
    keys) by its path: the build puts back its own File of that path."""

    def persistent_id(self, obj: Any) -> str | None:
        return obj.src_uri if isinstance(obj, File) else None


class _FilesIn(pickle.Unpickler):
    def __init__(self, stream: IO[bytes], files: Files) -> None:
        super().__init__(stream)
        self.files = files

    def persistent_load(self, pid: Any) -> File:
        file = self.files.get_file_from_path(pid)
        if file is None:
            raise pickle.UnpicklingError(f"no file {pid}")
        return file


def _put_text(stream: IO[bytes], page: Page) -> int:
    """Append the page's text to a stream, a block of its own (its length, then its pickle),
    and let the page's copy of it go; the pickle's length."""
    block = pickle.dumps(tuple(getattr(page, name) for name in TEXT),
                         protocol=pickle.HIGHEST_PROTOCOL)
    stream.write(len(block).to_bytes(LENGTH_BYTES))
    stream.write(block)
    _let_go(page)
    return len(block)


def _let_go(page: Page) -> None:
    # Empty, not None: a page whose Markdown is None reads as not yet read (its title None).
    for name in TEXT:
        setattr(page, name, "")


class _Texts:
    """Where each converted page's text is, on disk (_put_text), until it is rendered."""

    def __init__(self) -> None:
        self.at: dict[str, tuple[IO[bytes], int, int]] = {}

    def put(self, stream: IO[bytes], page: Page) -> None:
        self.at[page.file.src_uri] = (stream, stream.seek(0, os.SEEK_END) + LENGTH_BYTES,
                                      _put_text(stream, page))

    def note(self, stream: IO[bytes], src_uri: str) -> None:
        """The block at the stream's position is this page's; move past it."""
        length = int.from_bytes(stream.read(LENGTH_BYTES))
        self.at[src_uri] = (stream, stream.tell(), length)
        stream.seek(length, os.SEEK_CUR)

    def take(self, page: Page) -> bool:
        """Give the page its text back, if it is kept here."""
        if (where := self.at.pop(page.file.src_uri, None)) is None:
            return False
        stream, offset, length = where
        stream.seek(offset)
        for name, value in zip(TEXT, pickle.loads(stream.read(length)), strict=True):
            setattr(page, name, value)
        return True


class ConvertedPages:
    """Stands in for MkDocs' `_populate_page` and `_build_page` through one build."""

    def __init__(self) -> None:
        self.populate = build._populate_page
        self.render = build._build_page
        self.apart: frozenset[str] | None = None  # the pages the copy converts
        self.copy: tuple[int, IO[bytes]] | None = None
        self.converted: dict[str, dict[str, Any]] | None = None
        # The build's own pages' text, on disk until rendered; None: held as MkDocs holds it.
        self.own_texts: IO[bytes] | None = None
        self.texts = _Texts()

    def __call__(self, page: Page, config: MkDocsConfig, files: Files,
                 dirty: bool = False) -> None:
        if self.apart is None:
            self.apart = self._start(config, files, dirty)
        if page.file.src_uri in self.apart:
            if self.converted is None:
                self.converted = self._receive(files)
            if (values := self.converted.pop(page.file.src_uri, None)) is not None:
                for name, value in values.items():
                    setattr(page, name, value)
                return
        self.populate(page, config, files, dirty)
        if self.own_texts is not None:
            self.texts.put(self.own_texts, page)

    def build_page(self, page: Page, *args: Any, **kwargs: Any) -> None:
        """MkDocs' `_build_page`, with the page's text read back for it, and let go after."""
        taken = self.texts.take(page)
        try:
            self.render(page, *args, **kwargs)
        finally:
            if taken:
                _let_go(page)

    def _start(self, config: MkDocsConfig, files: Files, dirty: bool) -> frozenset[str]:
        """Keep the pages' text on disk, and fork the copy that converts the last pages; the
        paths of those pages."""
        if dirty or not set(config.plugins) <= SAFE_PLUGINS:
            return frozenset()
        self.own_texts = tempfile.TemporaryFile()
        if len(os.sched_getaffinity(0)) < 2:
            return frozenset()
        pages = list(files.documentation_pages(inclusion=InclusionLevel.is_included))
        sizes = [os.path.getsize(file.abs_src_path) if file.abs_src_path
                 else len(file.content_bytes) for file in pages]
        half, tail, apart_size = sum(sizes) / 2, len(pages), 0
        while tail > 0 and apart_size + sizes[tail - 1] <= half:
            tail -= 1
            apart_size += sizes[tail]
        apart = pages[tail:]
        if not apart:
            return frozenset()
        stream = tempfile.TemporaryFile()
        parent = os.getpid()
        sys.stdout.flush()
        sys.stderr.flush()
        pid = os.fork()
        if pid == 0:  # the copy
            status = 1
            try:
                status = _convert_apart(apart, config, files, stream, parent, self.populate)
            finally:
                os._exit(status)
        self.copy = (pid, stream)
        return frozenset(file.src_uri for file in apart)

    def _receive(self, files: Files) -> dict[str, dict[str, Any]]:
        """The copy's pages once it is done (their text left on disk), its log logged; none
        if it failed (the build converts them itself, and logs what they log)."""
        assert self.copy is not None
        pid, stream = self.copy
        _, status = os.waitpid(pid, 0)
        done = (_read_back(stream, files, self.texts) if os.waitstatus_to_exitcode(status) == 0
                else None)
        if done is None:
            stream.close()
            log.info("The second process stopped; its %d pages are converted here",
                     len(self.apart or ()))
            return {}
        records, converted = done
        log.info("%d pages converted by a second process, beside this one", len(converted))
        for name, level, message in records:
            logging.getLogger(name).log(level, "%s", message)
        return converted


def _read_back(stream: IO[bytes], files: Files, texts: _Texts
               ) -> tuple[list[tuple[str, int, str]], dict[str, dict[str, Any]]] | None:
    """What the copy wrote (_convert_apart): its log, and each page's values by its path,
    its text noted in ``texts``; None if it is not all there."""
    stream.seek(0)
    converted = {}
    noted = _Texts()
    try:
        # An unpickler of its own for each page, as each was pickled (_dump).
        while (item := _FilesIn(stream, files).load())[0] == "page":
            converted[item[1]] = item[2]
            noted.note(stream, item[1])
    except (pickle.UnpicklingError, EOFError, ValueError):
        return None
    texts.at.update(noted.at)
    return item[1], converted


def _convert_apart(apart: list[File], config: MkDocsConfig, files: Files, stream: IO[bytes],
                   parent: int, populate: Any) -> int:
    """In the copy: convert these pages, writing what each holds into the stream as it goes
    (its values, then its text), then what was logged. Stops (status 1) once the build it was
    forked from has gone, or at any error: the build, if it is still going, converts them
    itself."""
    records = _Records()
    logger = logging.getLogger(MKDOCS_LOGGER)
    logger.handlers = [records]
    for file in apart:
        if os.getppid() != parent:
            return 1
        page = file.page if file.page is not None else Page(None, file, config)
        try:
            populate(page, config, files)
        except Exception:  # the build converts the page again, and reports what is wrong
            return 1
        _dump(stream, ("page", file.src_uri, {name: getattr(page, name) for name in KEPT}))
        _put_text(stream, page)
    _dump(stream, ("log", records.records))
    stream.flush()
    return 0


def _dump(stream: IO[bytes], item: tuple) -> None:
    # A pickler of its own for each page: one for all would keep every page it has pickled.
    _FilesOut(stream, protocol=pickle.HIGHEST_PROTOCOL).dump(item)


def main() -> None:
    from mkdocs.__main__ import cli

    pages = ConvertedPages()
    build._populate_page = pages
    build._build_page = pages.build_page
    cli(prog_name="mkdocs")


if __name__ == "__main__":
    main()
