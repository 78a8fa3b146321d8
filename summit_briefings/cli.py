"""The `summit-briefings` command: problems on stderr as path:line:col, exit status 1."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .authoring.new_site import init_site
from .authoring.new_source import Provenance, add_source, draft_reminders
from .contexts.facts import all_facts
from .model.problems import BriefingError
from .pipeline import Site, WrittenSite, check_site, write_site
from .publish.build_date import build_date


def summary_line(site: Site | WrittenSite) -> str:
    return (f"{len(site.corpus.sources)} sources, {len(site.corpus.summits)} summits, "
            f"{len(site.corpus.people)} people, {sum(1 for _ in all_facts(site.corpus))} facts, "
            f"{site.evidence.citations} citations verified")


def generate(root: Path, check_only: bool, out: Path | None, handwritten: bool = True) -> int:
    """Check the data, and unless ``check_only`` write the pages; the exit status."""
    site: Site | WrittenSite
    try:
        if check_only:
            site = check_site(root)
        else:
            out = out or root / "build" / "docs"
            site = write_site(root, build_date(root), out,
                              root / "docs" if handwritten else None)
    except BriefingError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        print(f"{len(exc.problems)} problem(s) found; nothing was written.", file=sys.stderr)
        return 1
    print(summary_line(site))
    for line in draft_reminders(root):
        print(line)
    if isinstance(site, WrittenSite):
        print(f"{site.page_count} pages written to {out}")
    return 0


def new_site(folder: Path) -> int:
    problems = init_site(folder)
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        return 1
    print(f"A new site is in {folder}. Next: edit {folder / 'data' / 'site.yaml'} (the two "
          f"countries, the currency, the title), then add an article with `summit-briefings "
          f"new-source FILE --root {folder}`, and preview with `mkdocs serve` in {folder}.")
    return 0


def parser() -> argparse.ArgumentParser:
    commands = argparse.ArgumentParser(
        prog="summit-briefings", description="Summit Briefings: check the data of the site in "
        "the current folder, write its pages as plain Markdown, or add an article.")
    chosen = commands.add_subparsers(dest="command", required=True, metavar="COMMAND")
    chosen.add_parser("check", help="validate data/ and verify every citation")
    pages = chosen.add_parser("pages", help="also write the pages (default: build/docs/)")
    pages.add_argument("--out", type=Path, default=None, help="where to write the pages")
    pages.add_argument("--generated-only", action="store_true",
                       help="the generated pages alone, without docs/ (as scripts/site.py "
                       "hands them to MkDocs)")
    new = chosen.add_parser("new-source", help="add an article and draft its candidate facts")
    new.add_argument("file", type=Path, help="the article, as UTF-8 text")
    new.add_argument("--id", help="source id (default: derived from the file name)")
    new.add_argument("--url", help="the article's web address (http or https)")
    new.add_argument("--published", help="the date the web page gives: YYYY-MM-DD, YYYY-MM "
                     "or YYYY")
    new.add_argument("--publisher", help="the publisher as the web page names it")
    init = chosen.add_parser("init", help="write a new site, with no facts yet, into a folder")
    init.add_argument("folder", type=Path, help="a new or empty folder")
    for command in chosen.choices.values():
        if command is init:
            continue
        command.add_argument("--root", type=Path, default=Path.cwd(),
                             help="project folder with data/ (default: the current folder)")
    return commands


def console(argv: list[str] | None = None) -> None:
    """The ``summit-briefings`` command."""
    args = parser().parse_args(argv)
    try:
        if args.command == "init":
            status = new_site(args.folder)
        elif args.command == "new-source":
            status = add_source(args.root, args.file, args.id, Provenance(
                args.url or None, args.published or None, args.publisher or None))
        else:
            status = generate(args.root, args.command == "check", getattr(args, "out", None),
                              not getattr(args, "generated_only", False))
    except KeyboardInterrupt:
        print("Interrupted; nothing was written.", file=sys.stderr)
        status = 130
    sys.exit(status)
