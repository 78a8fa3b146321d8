"""Build the site with `mkdocs build --strict`, then its Pagefind index, and swap it into
site/ only if both succeed.

    python scripts/site.py [TARGET] [--root DIR] [--config FILE]

DIR's data/ and templates/, built with DIR's mkdocs.yml, or with FILE (relative to DIR):
mkdocs-offline.yml for the build read from file://.

Plain `mkdocs build` empties site/ before it starts, so a failed build would leave no site;
this builds into a staging folder instead (summit_briefings.write.staged_folder).

Each step runs in a process of its own, so that none holds another's memory:
- the generated pages are written first (`summit-briefings pages --generated-only`), for
  MkDocs to read (the plugin's option `pages`, which mkdocs.yml reads from the environment
  variable BRIEFINGS_PAGES), rather than generated within the MkDocs build;
- Pagefind indexes the staged site once the MkDocs process has exited, rather than at the
  end of its build (the option `pagefind`, from BRIEFINGS_PAGEFIND): MkDocs holds every
  page until its build returns.
MkDocs itself runs as `mkdocs build` with its pages' Markdown converted on two cores, and
each page's text kept on disk until it is rendered (summit_briefings.publish.mkdocs_build),
which builds the same site.
A configuration that does not read those variables is built as `mkdocs build` would build
it: its pages generated and indexed within MkDocs.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import subprocess
import sys
import tempfile
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from summit_briefings.publish.build_date import source_date_epoch
from summit_briefings.publish.site_search import PagefindFailed, run_pagefind
from summit_briefings.write import staged_folder

if TYPE_CHECKING:
    from summit_briefings.publish.plugin import BriefingsConfig

ROOT = Path(__file__).resolve().parent.parent
# mkdocs.yml sets the briefings plugin's options `pagefind` and `pages` from them (`!ENV`).
PAGEFIND_IN_MKDOCS = "BRIEFINGS_PAGEFIND"
PAGES_GENERATED = "BRIEFINGS_PAGES"


class BuildFailed(Exception):
    pass


def run(argv: list[str]) -> int:
    arguments = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    arguments.add_argument("target", type=Path, nargs="?", help="default: ROOT/site")
    arguments.add_argument("--root", type=Path, default=ROOT, help="the project folder")
    arguments.add_argument("--config", default="mkdocs.yml",
                           help="its MkDocs configuration (default: mkdocs.yml)")
    # Run by separate_steps_apart in a process of its own: print separate_steps' answer.
    arguments.add_argument("--steps-with-pages", type=Path, help=argparse.SUPPRESS)
    args = arguments.parse_args(argv)
    root = args.root.resolve()
    target = args.target or root / "site"
    config = root / args.config
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", PAGEFIND_IN_MKDOCS: "false"}
    if args.steps_with_pages:
        env[PAGES_GENERATED] = str(args.steps_with_pages)
        print(json.dumps(separate_steps(config, env)))
        return 0
    # MkDocs dates the sitemap by SOURCE_DATE_EPOCH too: pin it so rebuilds are identical.
    epoch = source_date_epoch(root)
    if epoch:
        env["SOURCE_DATE_EPOCH"] = epoch

    def build(staging: Path) -> None:
        with pages_folder(root) as pages:
            env[PAGES_GENERATED] = str(pages)
            generate_apart, index_after = separate_steps_apart(root, args.config, pages)
            if generate_apart:
                generate = [sys.executable, "-m", "summit_briefings", "pages",
                            "--generated-only", "--root", str(root), "--out", str(pages)]
                if subprocess.run(generate, env=env, cwd=root).returncode != 0:
                    raise BuildFailed
            # `mkdocs build`, its pages converted on two cores (mkdocs_build).
            command = [sys.executable, "-m", "summit_briefings.publish.mkdocs_build", "build",
                       "--strict", "--config-file", str(config), "--site-dir", str(staging)]
            if subprocess.run(command, env=env, cwd=root).returncode != 0:
                raise BuildFailed
        if index_after:
            try:
                run_pagefind(staging)
            except PagefindFailed as exc:
                print(exc, file=sys.stderr)
                raise BuildFailed from None

    try:
        with staged_folder(target) as staging:
            build(staging)
    except BuildFailed:
        print(f"Build failed; {target} is unchanged.", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        # Ctrl-C reaches MkDocs too, which stops on its own; the staging folder is gone.
        print(f"Interrupted; {target} is unchanged.", file=sys.stderr)
        return 130
    print(f"Site built in {target}")
    return 0


def separate_steps_apart(root: Path, config: str, pages: Path) -> tuple[bool, bool]:
    """separate_steps, read in a process of its own: MkDocs' configuration, once loaded,
    would stay in site.py's memory through every step."""
    probe = subprocess.run([sys.executable, __file__, "--root", str(root), "--config", config,
                            "--steps-with-pages", str(pages)],
                           capture_output=True, text=True, check=False)
    try:
        generate_apart, index_after = json.loads(probe.stdout)
    except ValueError:
        return False, False  # MkDocs reads the configuration next, and says what is wrong
    return bool(generate_apart), bool(index_after)


def separate_steps(config: Path, env: Mapping[str, str]) -> tuple[bool, bool]:
    """Whether the pages are generated, and Pagefind's index made, each in a process of its
    own: so if the configuration reads site.py's environment (BRIEFINGS_PAGES,
    BRIEFINGS_PAGEFIND); otherwise its build does both, as `mkdocs build` would, and a
    configuration whose `pagefind` is false as it is read without them gets no index."""
    intended, built = plugin_options(config, os.environ), plugin_options(config, env)
    return (built.pages is not None,
            intended.search == "pagefind" and intended.pagefind and not built.pagefind)


@contextmanager
def pages_folder(root: Path) -> Iterator[Path]:
    """An empty folder under build/ for the generated pages, removed afterwards."""
    (root / "build").mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=".pages-", dir=root / "build") as folder:
        yield Path(folder)


def plugin_options(config: Path, environ: Mapping[str, str]) -> BriefingsConfig:
    """The briefings plugin's options as the configuration reads them in an environment
    (its `!ENV` tags read os.environ as it is loaded)."""
    from mkdocs.config import load_config

    saved = dict(os.environ)
    os.environ.clear()
    os.environ.update(environ)
    logging.disable()  # a problem is MkDocs' to report, once, when it builds
    try:
        return load_config(str(config)).plugins["briefings"].config
    finally:
        logging.disable(logging.NOTSET)
        os.environ.clear()
        os.environ.update(saved)


if __name__ == "__main__":
    sys.exit(run(sys.argv[1:]))
