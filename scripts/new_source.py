"""Add a new article: copy it into data/sources/, register it, and draft candidate facts.

    python scripts/new_source.py path/to/article.txt [--id ID]

Writes data/drafts/<file-stem>.yaml with every amount, percentage, date, year, count and
person name found in the text, each with its quote. Nothing in a draft reaches the site.
The same as `summit-briefings new-source`, run from the project.
"""

from __future__ import annotations

import sys
from pathlib import Path

from summit_briefings.cli import console

if __name__ == "__main__":
    root = ["--root", str(Path(__file__).resolve().parent.parent)]
    console(["new-source", *root, *sys.argv[1:]])
