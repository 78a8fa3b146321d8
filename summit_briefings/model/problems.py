"""Problems found in the input, reported as ``path:line:col: message``.

Every stage collects problems instead of stopping at the first one, so an editor sees
all of them in one run.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

# Control characters (C0, DEL, C1) and bidirectional controls. A message quotes data and
# sources: printed raw, an escape sequence could clear the screen, recolour it or plant a
# link, and a bidi control could reorder what the line shows.
_UNSAFE_IN_TERMINAL = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e"
                                 "\u2066-\u2069]")


def terminal_safe(text: str) -> str:
    """``text`` with every control character written out as its escape, e.g. ``\\x1b``."""
    return _UNSAFE_IN_TERMINAL.sub(lambda found: ascii(found.group())[1:-1], text)


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with the input, located at a file position (1-based)."""

    path: str
    line: int
    col: int
    message: str

    def __str__(self) -> str:
        return terminal_safe(f"{self.path}:{self.line}:{self.col}: {self.message}")


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
