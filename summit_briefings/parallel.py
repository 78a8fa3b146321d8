"""Map a function over a list in this process and forked ones, keeping the list's order.

Rendering a thousand pages is pure computation over data already in memory, so forked
workers share that data for free and only their results travel back. The process that
starts a map goes on with its own work meanwhile, then takes its share of the items: one
process per CPU in all, and no process only waiting. Where fork is unavailable, or the
list is short, the map runs in this process.
"""

from __future__ import annotations

import gc
import os
import pickle
import signal
import traceback
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from .errors import BriefingError, Problem

# Below this many items, starting workers costs more than it saves.
MIN_ITEMS_PER_WORKER = 100
# More chunks than processes, so one that drew light items, or started late, takes another.
# (At most 256: a chunk's number is one byte.)
CHUNKS_PER_WORKER = 16


def available_workers() -> int:
    """CPUs this process may run on, where fork is available; otherwise 1."""
    if not hasattr(os, "fork"):
        return 1
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1


@dataclass(frozen=True)
class _Failed:
    """A chunk's BriefingError, sent back as data: the exception does not survive pickling."""

    problems: list[Problem]


@dataclass(frozen=True)
class _Crashed:
    """Any other error in a worker, as its traceback."""

    trace: str


class ForkedMap:
    """``[function(item) for item in items]``, computed by ``workers`` processes (default:
    every available CPU): ``workers - 1`` forked ones start now and see the items as they
    are now; this process joins them when ``results()`` is called, and returns the results.
    A BriefingError raised for any item is raised by ``results()``, with the problems of
    every chunk that had one."""

    def __init__(self, function: Callable[[Any], Any], items: Sequence[Any],
                 workers: int | None = None):
        self.function, self.items = function, items
        if workers is None:
            workers = min(available_workers(), len(items) // MIN_ITEMS_PER_WORKER)
        workers = min(workers, len(items))
        self.chunks = max(1, min(workers * CHUNKS_PER_WORKER, 256))
        self.children: list[tuple[int, int]] = []  # process id, end of its result pipe
        self.tickets: int | None = None
        if workers < 2 or not hasattr(os, "fork"):
            return
        # The chunk numbers wait in a pipe, one byte each, and a process that is free reads
        # the next: a one-byte read is atomic, so no two processes take the same chunk.
        self.tickets, numbers = os.pipe()
        os.write(numbers, bytes(range(self.chunks)))
        os.close(numbers)
        try:
            for _ in range(workers - 1):
                read, write = os.pipe()
                pid = os.fork()
                if pid == 0:
                    self._serve(read, write)
                os.close(write)
                self.children.append((pid, read))
        except BaseException:
            self.cancel()
            raise

    def __enter__(self) -> ForkedMap:
        return self

    def __exit__(self, *failure: object) -> None:
        self.cancel()

    def cancel(self) -> None:
        """Stop and reap the workers whose results were not read (this process is failing
        before it asked for them); nothing once ``results()`` has returned."""
        while self.children:
            pid, pipe = self.children.pop()
            os.close(pipe)
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
        if self.tickets is not None:
            os.close(self.tickets)
            self.tickets = None

    def _work(self) -> dict[int, list[Any] | _Failed]:
        done: dict[int, list[Any] | _Failed] = {}
        assert self.tickets is not None
        while ticket := os.read(self.tickets, 1):
            chunk = ticket[0]
            try:
                done[chunk] = [self.function(item) for item in self.items[chunk::self.chunks]]
            except BriefingError as exc:
                done[chunk] = _Failed(exc.problems)
        return done

    def _serve(self, unused: int, pipe: int) -> None:
        """In a forked worker: take chunks until none is left, send the results, exit.

        Nothing may escape this function: the worker would go on running its parent's code.
        """
        status = 0
        # A worker frees almost nothing before it exits, so the cyclic collector's passes
        # would find nothing: they cost a third of the time (see pipeline._collector_paused).
        gc.disable()
        try:
            os.close(unused)
            try:
                found: Any = self._work()
            except BaseException:  # reported by the parent, with its trace
                found = _Crashed(traceback.format_exc())
            with open(pipe, "wb") as out:
                out.write(pickle.dumps(found, protocol=pickle.HIGHEST_PROTOCOL))
        except BaseException:  # the parent reports a worker that sent nothing
            status = 1
        finally:
            # Skip the parent's exit handlers and buffered output: they are not this
            # process's to run.
            os._exit(status)

    def results(self) -> list[Any]:
        if self.tickets is None:
            return [self.function(item) for item in self.items]
        try:
            done = self._work()
            while self.children:
                pid, pipe = self.children[-1]
                blocks = []
                while block := os.read(pipe, 1 << 20):
                    blocks.append(block)
                self.children.pop()
                os.close(pipe)
                os.waitpid(pid, 0)
                sent = b"".join(blocks)
                if not sent:
                    raise RuntimeError("a worker process ended without sending its results")
                found = pickle.loads(sent)
                if isinstance(found, _Crashed):
                    raise RuntimeError(f"a worker process failed:\n{found.trace}")
                done.update(found)
        finally:
            self.cancel()
        problems = [p for value in done.values() if isinstance(value, _Failed)
                    for p in value.problems]
        if problems:
            raise BriefingError(problems)
        results: list[Any] = [None] * len(self.items)
        for chunk, values in done.items():
            results[chunk::self.chunks] = values
        return results
