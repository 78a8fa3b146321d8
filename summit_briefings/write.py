"""The only stage that touches the disk: replace an output folder whole, or not at all.

Everything is written into a fresh sibling folder first; only when that is complete is it
swapped in for the old one. A failure at any step leaves the previous output as it was.
"""

from __future__ import annotations

import os
import posixpath
import shutil
import signal
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from .model.problems import BriefingError, Problem


def _interrupted(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


@contextmanager
def _signals_handled(handler: object, signals: tuple[int, ...]) -> Iterator[None]:
    """``handler`` for ``signals`` meanwhile. Only the main thread may set a handler;
    elsewhere nothing changes."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = {number: signal.signal(number, handler) for number in signals}
    try:
        yield
    finally:
        for number, before in previous.items():
            signal.signal(number, before)


@contextmanager
def staged_folder(target: Path) -> Iterator[Path]:
    """An empty staging folder to fill in the ``with`` block; swapped in for ``target``
    when the block ends, removed if it raises or the process is interrupted or terminated
    meanwhile."""
    target = target.resolve()
    target.parent.mkdir(parents=True, exist_ok=True)
    # SIGTERM (a closed terminal, a stopped CI job, `kill`) unwinds like Ctrl-C, so the
    # staging folder is removed; by default it would end the process on the spot.
    with _signals_handled(_interrupted, (signal.SIGTERM,)):
        staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.new-", dir=target.parent))
        staging.chmod(0o755)  # mkdtemp makes it private; a published site must be readable
        try:
            yield staging
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
    # Stopped between the two renames, the old site would be gone and the new one not yet
    # in place: the swap finishes whatever arrives.
    retired = target.parent / f".{target.name}.old"
    with _signals_handled(signal.SIG_IGN, (signal.SIGTERM, signal.SIGINT)):
        shutil.rmtree(retired, ignore_errors=True)
        if target.exists():
            os.replace(target, retired)
        os.replace(staging, target)
    shutil.rmtree(retired, ignore_errors=True)


class PageWriter:
    """Writes generated pages into a docs folder that already holds the hand-written ones,
    refusing to overwrite any of those."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.handwritten = {p.relative_to(folder).as_posix() for p in folder.rglob("*")}
        self.made: set[str] = set()

    def __call__(self, path: str, text: str) -> None:
        if path in self.handwritten:
            raise BriefingError([Problem(f"docs/{path}", 1, 1, "a generated page has this "
                                         "path, so it would be overwritten; rename this file")])
        folder = posixpath.dirname(path)
        if folder not in self.made:
            (self.folder / folder).mkdir(parents=True, exist_ok=True)
            self.made.add(folder)
        (self.folder / path).write_bytes(text.encode("utf-8"))


@contextmanager
def docs_tree(handwritten: Path | None, out: Path) -> Iterator[PageWriter]:
    """A complete docs folder for any engine: the hand-written docs (unless None), plus
    every page given to the writer this yields. It replaces ``out`` only if the ``with``
    block succeeds."""
    with staged_folder(out) as staging:
        if handwritten is not None and handwritten.is_dir():
            shutil.copytree(handwritten, staging, dirs_exist_ok=True)
        yield PageWriter(staging)


def sync_folder(files: dict[str, str], folder: Path,
                held: dict[str, str] | None = None) -> tuple[int, int]:
    """Make ``folder`` hold exactly ``files``, writing only those whose bytes changed.

    For the live preview: unchanged files keep their modification time, so a dirty
    rebuild skips them. ``held``: what the folder holds, as the last call made it; without
    it, every file is read to find out. Returns how many files were written and removed.
    """
    written = removed = 0
    for path, content in files.items():
        target = folder / path
        if held is not None and held.get(path) == content:
            continue
        data = content.encode("utf-8")
        if held is None and target.is_file() and target.read_bytes() == data:
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        written += 1
    stale = (sorted(folder / path for path in held.keys() - files.keys()) if held is not None
             else sorted(p for p in folder.rglob("*") if p.is_file()
                         and p.relative_to(folder).as_posix() not in files))
    for path in stale:
        path.unlink()
        removed += 1
    return written, removed
