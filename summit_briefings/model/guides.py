"""The editors' guide pages of docs/guide/, read from disk as the data is: the home page
links them by title."""

from __future__ import annotations

from pathlib import Path

from mkdocs.utils.meta import get_data

from .load import utf8_text
from .problems import display_path
from .project_files import read_bounded

MAX_GUIDE_BYTES = 1_000_000


def editor_guides(root: Path) -> dict[str, str]:
    """The hand-written pages of docs/guide/, as {title: path}, the title being the first
    heading: the home page links them for editors; a new site may have none."""
    guides = {}
    for path in sorted((root / "docs" / "guide").glob("*.md")):
        raw = read_bounded(path, root, MAX_GUIDE_BYTES, "a guide page")
        # The page as MkDocs reads it, less its front matter, whose comments are not headings.
        body, _ = get_data(utf8_text(raw, display_path(path, root)))
        heading = next((line[2:].strip() for line in body.splitlines()
                        if line.startswith("# ")), path.stem)
        guides[heading] = f"guide/{path.name}"
    return guides
