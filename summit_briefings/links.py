"""Where each page lives, and relative links between pages (MkDocs resolves .md links)."""

from __future__ import annotations

import posixpath
from functools import lru_cache
from pathlib import PurePosixPath

HOME = "index.md"
SUMMITS = "summits/index.md"
LEADERS = "leaders/index.md"
TOPICS = "topics/index.md"
SOURCES = "sources/index.md"
TRADE = "trade-targets.md"
EVOLUTION = "evolution.md"
FIELDS = "guide/data-fields.md"


def summit_page(summit_id: str) -> str:
    return f"summits/{summit_id}.md"


def leader_page(person_id: str) -> str:
    return f"leaders/{person_id}.md"


def topic_page(topic_id: str) -> str:
    return f"topics/{topic_id}.md"


@lru_cache(maxsize=65536)
def source_page(source_file: str) -> str:
    return f"sources/{PurePosixPath(source_file).stem}.md"


def relative(from_page: str, to_page: str, anchor: str = "") -> str:
    """Link from one page's Markdown file to another's, as MkDocs expects."""
    path = _relpath(to_page, folder(from_page))
    return f"{path}#{anchor}" if anchor else path


@lru_cache(maxsize=65536)
def folder(page: str) -> str:
    """The folder a page's relative links start from."""
    return posixpath.dirname(page) or "."


@lru_cache(maxsize=65536)
def _relpath(to_page: str, folder: str) -> str:
    """``posixpath.relpath`` for two normalised paths inside the docs folder, worked out
    from their names alone: relpath asks the OS for the working directory every time."""
    # Pages sit in a handful of folders, so the same few thousand pairs recur on every page.
    start = [] if folder == "." else folder.split("/")
    target = to_page.split("/")
    common = 0
    while common < min(len(start), len(target)) and start[common] == target[common]:
        common += 1
    return "/".join([".."] * (len(start) - common) + target[common:]) or "."


def url_of(page: str) -> str:
    """The directory-style URL a page gets: 'summits/x.md' → 'summits/x/'."""
    if page == HOME:
        return ""
    if page.endswith("/index.md"):
        return page[: -len("index.md")]
    return page[: -len(".md")] + "/"
