"""Command line of scripts/build.py: problems on stderr as path:line:col, exit status 1.

For a large corpus, forked workers start reading the summit files first, and this process
imports the rest of the generator (pydantic, Jinja) meanwhile: those imports are a tenth
of generating a thousand summits. So this module imports only what starting needs, and
the rest where it is used.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from .errors import BriefingError
from .load import read_summit_files
from .stamp import build_date

if TYPE_CHECKING:
    from .pipeline import Site


def summary_line(site: Site) -> str:
    return (f"{len(site.corpus.sources)} sources, {len(site.corpus.summits)} summits, "
            f"{len(site.corpus.people)} people, {site.evidence.facts} facts, "
            f"{site.evidence.citations} citations verified")


def build_docs(root: Path, built: str | None, out: Path) -> Site:
    """Generate every page into ``out`` (hand-written docs included), writing each page as
    soon as it is rendered; ``out`` is replaced only if the whole build succeeds."""
    with read_summit_files(root) as summit_files:
        from .pipeline import build_site
        from .write import docs_tree

        with docs_tree(root / "docs", out) as write_page:
            return build_site(root, built, sink=write_page, summit_files=summit_files)


def check_data(root: Path) -> Site:
    """Validate the data and verify every citation, writing nothing."""
    with read_summit_files(root) as summit_files:
        from .pipeline import check_site

        return check_site(root, summit_files)


def main(argv: list[str], root: Path, parser: argparse.ArgumentParser) -> NoReturn:
    """scripts/build.py: run, then end the process at once, as mypy does. What was built
    is not freed object by object first: for a thousand summits that alone takes 40 ms,
    and the process is ending anyway."""
    status, _built = run(argv, root, parser)
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(status)


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
            site = check_data(args.root)
        else:
            out = args.out or args.root / "build" / "docs"
            site = build_docs(args.root, build_date(args.root), out)
    except BriefingError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        print(f"{len(exc.problems)} problem(s) found; nothing was written.", file=sys.stderr)
        return 1, None
    from .authoring import draft_reminders

    print(summary_line(site))
    for line in draft_reminders(args.root):
        print(line)
    if not args.check:
        print(f"{len(site.paths)} pages written to {out}")
    return 0, site
