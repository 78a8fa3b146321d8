"""Command line of scripts/build.py: problems on stderr as path:line:col, exit status 1."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .authoring import draft_reminders
from .errors import BriefingError
from .pipeline import Site, build_site, check_site
from .stamp import build_date
from .write import docs_tree


def summary_line(site: Site) -> str:
    return (f"{len(site.corpus.sources)} sources, {len(site.corpus.summits)} summits, "
            f"{len(site.corpus.people)} people, {site.evidence.facts} facts, "
            f"{site.evidence.citations} citations verified")


def build_docs(root: Path, built: str | None, out: Path) -> Site:
    """Generate every page into ``out`` (hand-written docs included); ``out`` is replaced
    only if the whole build succeeds."""
    site = build_site(root, built)
    with docs_tree(root / "docs", out) as write_page:
        for path, text in {**site.pages, **site.files}.items():
            write_page(path, text)
    return site


def main(argv: list[str], root: Path, parser: argparse.ArgumentParser) -> None:
    try:
        status, _built = run(argv, root, parser)
    except KeyboardInterrupt:
        print("Interrupted; nothing was written.", file=sys.stderr)
        status = 130
    sys.exit(status)


def run(argv: list[str], root: Path,
        parser: argparse.ArgumentParser) -> tuple[int, Site | None]:
    """The exit status, and what was built (None on bad input)."""
    parser.add_argument("--check", action="store_true",
                        help="only validate the data and verify every citation")
    parser.add_argument("--root", type=Path, default=root, help="project folder with data/")
    parser.add_argument("--out", type=Path, default=None,
                        help="where to write the Markdown pages (default: ROOT/build/docs)")
    args = parser.parse_args(argv)
    try:
        if args.check:
            site = check_site(args.root)
        else:
            out = args.out or args.root / "build" / "docs"
            site = build_docs(args.root, build_date(args.root), out)
    except BriefingError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        print(f"{len(exc.problems)} problem(s) found; nothing was written.", file=sys.stderr)
        return 1, None
    print(summary_line(site))
    for line in draft_reminders(args.root):
        print(line)
    if not args.check:
        print(f"{len(site.pages)} pages written to {out}")
    return 0, site
