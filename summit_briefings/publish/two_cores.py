"""`mkdocs build` with its pages' Markdown converted on two cores: what `make site` and
`make offline` run (scripts/site.py) in place of `python -m mkdocs`.

MkDocs converts every page's Markdown, one after another, before it renders any page into
the theme. Here a forked copy of the build converts the last pages (about half of the
Markdown, by size) while the build converts the first, and hands its pages back as the build
reaches them: each page is converted by MkDocs' own code (`_populate_page`), with the same
files, configuration and plugins, so the site is the same byte for byte. What the copy logged
is logged by the build, in the pages' order, where it would have been.

Only with plugins that keep nothing from a page's conversion (SAFE_PLUGINS): a plugin that
did would keep it in the copy, and lose it. Otherwise, or without a second core, or if the
copy fails in any way, the build converts every page itself, as plain MkDocs does.
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
# on_page_markdown, on_page_content) keep anything outside the page: the briefings plugin's
# on_page_markdown sets what its Markdown extension reads while that page converts.
SAFE_PLUGINS = frozenset({"briefings", "material/search", "search", "material/offline",
                          "offline"})
# What converting a page sets on it (Page.read_source and Page.render).
CONVERTED = ("markdown", "meta", "content", "toc", "_title_from_render", "present_anchor_ids",
             "links_to_anchors")
MKDOCS_LOGGER = "mkdocs"
log = logging.getLogger(f"{MKDOCS_LOGGER}.two_cores")


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


class PagesOnTwoCores:
    """Stands in for MkDocs' `_populate_page` through one build."""

    def __init__(self) -> None:
        self.populate = build._populate_page
        self.apart: frozenset[str] | None = None  # the pages the copy converts
        self.copy: tuple[int, IO[bytes]] | None = None
        self.converted: dict[str, dict[str, Any]] | None = None

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

    def _start(self, config: MkDocsConfig, files: Files, dirty: bool) -> frozenset[str]:
        """Fork the copy that converts the last pages; the paths of those pages."""
        if dirty or len(os.sched_getaffinity(0)) < 2 or not set(config.plugins) <= SAFE_PLUGINS:
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
        """The copy's pages once it is done, its log logged; none if it failed (the build
        converts them itself, and logs what they log)."""
        assert self.copy is not None
        pid, stream = self.copy
        _, status = os.waitpid(pid, 0)
        with stream:
            done = _read_back(stream, files) if os.waitstatus_to_exitcode(status) == 0 else None
        if done is None:
            log.info("The second process stopped; its %d pages are converted here",
                     len(self.apart or ()))
            return {}
        records, converted = done
        log.info("%d pages converted by a second process, beside this one", len(converted))
        for name, level, message in records:
            logging.getLogger(name).log(level, "%s", message)
        return converted


def _read_back(stream: IO[bytes], files: Files
               ) -> tuple[list[tuple[str, int, str]], dict[str, dict[str, Any]]] | None:
    """What the copy wrote (_convert_apart): its log, and each page's values by its path;
    None if it is not all there."""
    stream.seek(0)
    converted = {}
    try:
        # An unpickler of its own for each page, as each was pickled (_dump).
        while (item := _FilesIn(stream, files).load())[0] == "page":
            converted[item[1]] = item[2]
    except (pickle.UnpicklingError, EOFError, ValueError):
        return None
    return item[1], converted


def _convert_apart(apart: list[File], config: MkDocsConfig, files: Files, stream: IO[bytes],
                   parent: int, populate: Any) -> int:
    """In the copy: convert these pages, pickling what each holds into the stream as it goes,
    then what was logged. Stops (status 1) once the build it was forked from has gone, or at
    any error: the build, if it is still going, converts them itself."""
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
        _dump(stream, ("page", file.src_uri, {name: getattr(page, name) for name in CONVERTED}))
        page.markdown = page.content = None  # only its pickled copy is kept
    _dump(stream, ("log", records.records))
    stream.flush()
    return 0


def _dump(stream: IO[bytes], item: tuple) -> None:
    # A pickler of its own for each page: one for all would keep every page it has pickled.
    _FilesOut(stream, protocol=pickle.HIGHEST_PROTOCOL).dump(item)


def main() -> None:
    from mkdocs.__main__ import cli

    build._populate_page = PagesOnTwoCores()
    cli(prog_name="mkdocs")


if __name__ == "__main__":
    main()
