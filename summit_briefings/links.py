"""Where each page lives, and relative links between pages (MkDocs resolves .md links)."""

from __future__ import annotations

from pathlib import PurePosixPath

HOME = "index.md"
SUMMITS = "summits/index.md"
LEADERS = "leaders/index.md"
TOPICS = "topics/index.md"
SOURCES = "sources/index.md"
TRADE = "trade-targets.md"
COMMITMENTS = "commitments.md"
EVOLUTION = "evolution.md"
FIELDS = "guide/data-fields.md"


def summit_page(summit_id: str) -> str:
    return f"summits/{summit_id}.md"


def leader_page(person_id: str) -> str:
    return f"leaders/{person_id}.md"


def topic_page(topic_id: str) -> str:
    return f"topics/{topic_id}.md"


def source_page(source_file: str) -> str:
    return f"sources/{PurePosixPath(source_file).stem}.md"


def relative(from_page: str, to_page: str, anchor: str = "") -> str:
    """Link from one page's Markdown file to another's, as MkDocs expects. Page paths are
    plain relative paths (no '.' or '..' parts), so the link is worked out from their parts
    alone, as posixpath.relpath would without consulting the working folder."""
    from_folders, to_parts = from_page.split("/")[:-1], to_page.split("/")
    shared = 0
    while shared < min(len(from_folders), len(to_parts) - 1) \
            and from_folders[shared] == to_parts[shared]:
        shared += 1
    path = "/".join([".."] * (len(from_folders) - shared) + to_parts[shared:])
    return f"{path}#{anchor}" if anchor else path


def url_of(page: str) -> str:
    """The directory-style URL a page gets: 'summits/x.md' → 'summits/x/'."""
    if page == HOME:
        return ""
    if page.endswith("/index.md"):
        return page[: -len("index.md")]
    return page[: -len(".md")] + "/"
