"""What `mkdocs serve` shows while the data has problems (every problem, on the pages), and
when what it showed last may be shown again (inputs_state)."""

from __future__ import annotations

import os
from pathlib import Path

from ..model.problems import Problem
from ..render import markdown_literal


def problems_banner(problems: list[Problem], title: str) -> str:
    """A Material failure admonition listing every problem as ``path:line:col: message``.

    The messages quote the data, so each is escaped to show literally, never as markup.
    """
    items = "\n".join(f"    - {markdown_literal(str(problem))}" for problem in problems)
    return f'!!! failure "{title}"\n\n{items}\n\n'


def preview_pages(problems: list[Problem], good: dict[str, str] | None) -> dict[str, str]:
    """What the preview shows while the data has problems: the last good pages, each with a
    banner listing the problems first; before any good build, only a home page listing them.

    Only generated pages carry the banner. Putting it on docs/ pages too would need them
    rebuilt whenever the data breaks or is fixed, but a dirty rebuild (`make serve`) skips
    a hand-written page whose file did not change, and could leave a stale banner there.
    """
    count = f"{len(problems)} problem{'s' if len(problems) != 1 else ''}"
    if good is None:
        title = f"The data has {count}; nothing has been built yet"
        return {"index.md": f"---\ntitle: The data has problems\n---\n\n"
                            f"# The data has problems\n\n{problems_banner(problems, title)}"}
    banner = problems_banner(problems, f"The data has {count}; this preview shows the last "
                                       "good build")
    return {path: _after_front_matter(text, banner) if path.endswith(".md") else text
            for path, text in good.items()}


def _after_front_matter(page: str, text: str) -> str:
    end = page.find("\n---\n", 3) if page.startswith("---\n") else -1
    at = end + len("\n---\n") if end >= 0 else 0
    return page[:at] + text + page[at:]


# Each file the generator reads from the project's data/ and templates/ (not following
# links): its path, the time it was last written, and its size.
InputsState = tuple[tuple[str, int, int], ...]


def inputs_state(root: Path) -> InputsState:
    """What an editor's save changes. Equal states: no file was saved in between, so pages
    generated from the first are the pages the second would give."""
    found = []
    for folder in ("data", "templates"):
        for where, folders, names in os.walk(root / folder):
            folders.sort()
            for name in sorted(names):
                path = os.path.join(where, name)
                stat = os.lstat(path)
                found.append((path, stat.st_mtime_ns, stat.st_size))
    return tuple(found)
