"""The project's own files, and nothing else: every file the build reads comes through here.

A file must be a regular file that resolves inside the project. A symlink could publish
anything on the machine (``/etc/passwd``, ``/proc/self/environ``), a FIFO hangs the build
and a device reads without end, so all of them are refused, never followed. A file is
read only up to a limit, checked before reading.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable
from pathlib import Path

from .problems import BriefingError, Problem, display_path

# The folders whose files are read or published: data and sources, hand-written pages,
# page templates and theme overrides.
PROJECT_FOLDERS = ("data", "docs", "templates", "overrides")
_NOT_FOLLOWED = ("is a symbolic link, which is never followed; replace it with the real file "
                 "or folder")


def _kind(mode: int) -> str | None:
    """What a non-regular file is, in an editor's words; None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISDIR(mode):
        return "a folder"
    return "not a regular file"


def unsafe_reason(path: Path, root: Path) -> str | None:
    """Why ``path`` must not be read, or None when it is a regular file inside ``root``."""
    try:
        mode = path.lstat().st_mode
    except OSError as exc:
        return f"cannot be read: {exc.strerror or exc}"
    if not stat.S_ISLNK(mode) and not path.resolve().is_relative_to(root.resolve()):
        return ("lies outside the project (a folder on its way is a symbolic link); move the "
                "file into the project")
    return _mode_reason(mode)


def _mode_reason(mode: int) -> str | None:
    """Why a file of this mode (from lstat) must not be read, or None for a regular file."""
    if stat.S_ISLNK(mode):
        return _NOT_FOLLOWED
    kind = _kind(mode)
    return f"is {kind}, not a file; replace it with a regular file" if kind else None


def absent(path: Path) -> bool:
    """Whether nothing at all is at ``path``: a dangling symlink is something (refused by
    the reading, not reported as missing)."""
    return not path.exists() and not path.is_symlink()


def is_linked(path: Path, root: Path) -> bool:
    """Whether ``path`` is a symlink or reached through one to outside the project."""
    return path.is_symlink() or (path.exists()
                                 and not path.resolve().is_relative_to(root.resolve()))


def read_bounded(path: Path, root: Path, limit: int, what: str) -> bytes:
    """The bytes of a regular file inside the project, refused beyond ``limit`` bytes.

    ``what`` names the kind of file in the message, e.g. "a data file". Raises
    BriefingError with one problem at the file's first line.
    """
    shown = display_path(path, root)

    def refuse(message: str) -> BriefingError:
        return BriefingError([Problem(shown, 1, 1, message)])

    if reason := unsafe_reason(path, root):
        raise refuse(reason)
    try:
        # O_NONBLOCK: a FIFO swapped in after the check above opens at once instead of
        # waiting for a writer, and fstat then refuses it; O_NOFOLLOW refuses a new symlink.
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_NOFOLLOW)
    except OSError as exc:
        raise refuse(f"cannot be read: {exc.strerror or exc}") from None
    with os.fdopen(fd, "rb") as file:
        info = os.fstat(fd)
        if kind := _kind(info.st_mode):
            raise refuse(f"is {kind}, not a file; replace it with a regular file")
        if info.st_size > limit:
            raise refuse(_too_big(info.st_size, limit, what))
        data = file.read(limit + 1)
    if len(data) > limit:  # it grew while being read
        raise refuse(_too_big(len(data), limit, what))
    return data


def _too_big(size: int, limit: int, what: str) -> str:
    return (f"the file is {size:,} bytes, over the {limit:,}-byte limit for {what}; "
            "split it or shorten it")


def unsafe_files(root: Path, folders: Iterable[str] = PROJECT_FOLDERS) -> list[Problem]:
    """Every entry under the project's folders that is not a regular file or folder inside
    the project: symlinks (to files or folders), FIFOs, devices and sockets."""
    problems = []
    for name in folders:
        top = root / name
        if absent(top):
            continue
        if top.is_symlink():
            problems.append(Problem(display_path(top, root), 1, 1, _NOT_FOLLOWED))
            continue
        # os.walk never follows a linked folder, and the walk starts at a folder that is not
        # a link: every entry it reaches lies inside the project, so its own kind is all
        # there is to check (unsafe_reason would resolve each path again).
        for folder, subfolders, files in os.walk(top):
            here = Path(folder)
            for entry in sorted(subfolders) + sorted(files):
                path = here / entry
                mode = path.lstat().st_mode
                if not stat.S_ISDIR(mode) and (reason := _mode_reason(mode)):
                    problems.append(Problem(display_path(path, root), 1, 1, reason))
    return problems
