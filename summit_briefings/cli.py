"""Command line of scripts/build.py: problems on stderr as path:line:col, exit status 1."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .errors import BriefingError
from .validate import validate
from .verify import verify_citations


def summary(root: Path) -> str:
    """Validate and verify the data under root; the one-line summary of what passed."""
    corpus = validate(root)
    evidence = verify_citations(corpus)
    return (f"{len(corpus.sources)} sources, {len(corpus.summits)} summits, "
            f"{len(corpus.people)} people, {evidence.facts} facts, "
            f"{evidence.citations} citations verified")


def run(argv: list[str], root: Path, parser: argparse.ArgumentParser) -> int:
    parser.add_argument("--check", action="store_true", help="only validate and verify")
    parser.add_argument("--root", type=Path, default=root, help="project folder with data/")
    args = parser.parse_args(argv)
    try:
        print(summary(args.root))
    except BriefingError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        print(f"{len(exc.problems)} problem(s) found; nothing was built.", file=sys.stderr)
        return 1
    return 0
