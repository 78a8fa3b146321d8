"""Add a new article: copy it into data/sources/, register it, and draft candidate facts.

    python scripts/new_source.py path/to/article.txt [--id ID]

Writes data/drafts/<file-stem>.yaml with every amount, percentage, date, year, count and
person name found in the text, each with its quote. Nothing in a draft reaches the site.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from summit_briefings.authoring import add_source  # noqa: E402


def run(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("file", type=Path, help="the article, as UTF-8 text")
    parser.add_argument("--id", help="source id (default: derived from the file name)")
    parser.add_argument("--root", type=Path, default=ROOT, help="project folder with data/")
    args = parser.parse_args(argv)
    return add_source(args.root, args.file, args.id)


if __name__ == "__main__":
    sys.exit(run(sys.argv[1:]))
