"""The only stage that touches the disk: replace an output folder whole, or not at all.

Everything is written into a fresh sibling folder first; only when that is complete is it
swapped in for the old one. A failure at any step leaves the previous output as it was.
"""

from __future__ import annotations

import os
import posixpath
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path


def replace_folder(target: Path, fill: Callable[[Path], None]) -> None:
    """Call ``fill`` on an empty staging folder, then swap it in for ``target``."""
    target = target.resolve()
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.new-", dir=target.parent))
    staging.chmod(0o755)  # mkdtemp makes it private; a published site must be readable
    try:
        fill(staging)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    retired = target.parent / f".{target.name}.old"
    shutil.rmtree(retired, ignore_errors=True)
    if target.exists():
        os.replace(target, retired)
    os.replace(staging, target)
    shutil.rmtree(retired, ignore_errors=True)


def write_docs_tree(pages: dict[str, str], handwritten: Path, out: Path) -> None:
    """A complete docs folder for any engine: the hand-written docs plus generated pages."""

    def fill(staging: Path) -> None:
        if handwritten.is_dir():
            shutil.copytree(handwritten, staging, dirs_exist_ok=True)
        taken = {p.relative_to(staging).as_posix() for p in staging.rglob("*")}
        clashes = sorted(set(pages) & taken)
        if clashes:
            raise FileExistsError(f"docs/{clashes[0]} is hand-written and would be overwritten "
                                  "by a generated page; rename it")
        for folder in sorted({posixpath.dirname(path) for path in pages}):
            (staging / folder).mkdir(parents=True, exist_ok=True)
        for path, content in pages.items():
            (staging / path).write_bytes(content.encode("utf-8"))

    replace_folder(out, fill)


def sync_folder(files: dict[str, str], folder: Path) -> tuple[int, int]:
    """Make ``folder`` hold exactly ``files``, writing only those whose bytes changed.

    For the live preview: unchanged files keep their modification time, so a dirty
    rebuild skips them. Returns how many files were written and removed.
    """
    written = removed = 0
    for path, content in files.items():
        target = folder / path
        data = content.encode("utf-8")
        if target.is_file() and target.read_bytes() == data:
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        written += 1
    for stale in sorted(p for p in folder.rglob("*") if p.is_file()):
        if stale.relative_to(folder).as_posix() not in files:
            stale.unlink()
            removed += 1
    return written, removed
