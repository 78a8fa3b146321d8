"""Problems found in the input, reported as ``path:line:col: message``.

Every stage collects problems instead of stopping at the first one, so an editor sees
all of them in one run.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with the input, located at a file position (1-based)."""

    path: str
    line: int
    col: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.col}: {self.message}"


class BriefingError(Exception):
    """Raised when a stage finds problems; carries all of them, sorted by position.

    ``partial`` is what the stage could still make of the input (validation: the entries that
    were valid), so that the next stage can report its own problems in the same run."""

    def __init__(self, problems: list[Problem], partial: Any = None):
        self.problems = sorted(set(problems))
        self.partial = partial
        super().__init__("\n".join(str(p) for p in self.problems))


def display_path(path: Path, root: Path) -> str:
    """The path as an editor would type it: relative to the project root where possible."""
    # Data files are found under the root as given, so resolving (a stat per folder on the
    # way) is rarely needed.
    if path.is_relative_to(root):
        return path.relative_to(root).as_posix()
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()
