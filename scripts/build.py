"""Build the briefing pages from data/, or only check the data (--check).

    python scripts/build.py --check [--root DIR]        validate and verify; print a summary
    python scripts/build.py [--root DIR] [--out DIR]    also write the Markdown pages

The same as `summit-briefings check` and `summit-briefings pages`, run from the project.
"""

from __future__ import annotations

import sys
from pathlib import Path

from summit_briefings.cli import console

if __name__ == "__main__":
    argv = sys.argv[1:]
    command = "check" if "--check" in argv else "pages"
    root = ["--root", str(Path(__file__).resolve().parent.parent)]
    console([command, *root, *(a for a in argv if a != "--check")])
