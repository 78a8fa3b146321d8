"""Build the site with `mkdocs build --strict`, then its Pagefind index, and swap it into
site/ only if both succeed.

    python scripts/site.py [TARGET] [--root DIR] [--config FILE]

DIR's data/ and templates/, built with DIR's mkdocs.yml, or with FILE (relative to DIR):
mkdocs-offline.yml for the build read from file://.

Plain `mkdocs build` empties site/ before it starts, so a failed build would leave no site;
this builds into a staging folder instead (summit_briefings.write.staged_folder).

Pagefind indexes the staged site once the MkDocs process has exited, rather than at the end
of its build (the plugin's option `pagefind`, which mkdocs.yml reads from the environment
variable BRIEFINGS_PAGEFIND): MkDocs holds every page until its build returns, and
Pagefind's own memory would come on top of it.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

from summit_briefings.publish.build_date import source_date_epoch
from summit_briefings.publish.site_search import PagefindFailed, run_pagefind
from summit_briefings.write import staged_folder

ROOT = Path(__file__).resolve().parent.parent
# mkdocs.yml sets the briefings plugin's option `pagefind` from it (`!ENV`), true if unset.
PAGEFIND_IN_MKDOCS = "BRIEFINGS_PAGEFIND"


class BuildFailed(Exception):
    pass


def run(argv: list[str]) -> int:
    arguments = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    arguments.add_argument("target", type=Path, nargs="?", help="default: ROOT/site")
    arguments.add_argument("--root", type=Path, default=ROOT, help="the project folder")
    arguments.add_argument("--config", default="mkdocs.yml",
                           help="its MkDocs configuration (default: mkdocs.yml)")
    args = arguments.parse_args(argv)
    root = args.root.resolve()
    target = args.target or root / "site"
    config = root / args.config
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", PAGEFIND_IN_MKDOCS: "false"}
    # MkDocs dates the sitemap by SOURCE_DATE_EPOCH too: pin it so rebuilds are identical.
    epoch = source_date_epoch(root)
    if epoch:
        env["SOURCE_DATE_EPOCH"] = epoch

    def build(staging: Path) -> None:
        command = [sys.executable, "-m", "mkdocs", "build", "--strict",
                   "--config-file", str(config), "--site-dir", str(staging)]
        if subprocess.run(command, env=env, cwd=root).returncode != 0:
            raise BuildFailed
        if indexed_by_pagefind(config):
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


def indexed_by_pagefind(config: Path) -> bool:
    """Whether the site the configuration builds searches with Pagefind, and has its index
    made (the briefings plugin's options `search` and `pagefind`, as the configuration
    reads without site.py's PAGEFIND_IN_MKDOCS)."""
    from mkdocs.config import load_config

    options = load_config(str(config)).plugins["briefings"].config
    return options.search == "pagefind" and options.pagefind


if __name__ == "__main__":
    sys.exit(run(sys.argv[1:]))
