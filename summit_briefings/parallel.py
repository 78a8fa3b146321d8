"""Map a function over a list in forked worker processes, keeping the list's order.

Rendering a thousand pages is pure computation over data already in memory, so forked
workers share that data for free and only the rendered text travels back. Where fork is
unavailable, or the list is short, the map runs in this process.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from .errors import BriefingError, Problem

# Below this many items, starting workers costs more than it saves.
MIN_ITEMS_PER_WORKER = 100
# More chunks than workers, so a worker that drew light items takes another chunk.
CHUNKS_PER_WORKER = 4

_work: tuple[Callable[[Any], Any], Sequence[Any], int] | None = None


def available_workers() -> int:
    """CPUs this process may run on, where fork is safe; otherwise 1."""
    if "fork" not in multiprocessing.get_all_start_methods():
        return 1
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1


@dataclass(frozen=True)
class _Failed:
    """A chunk's BriefingError, sent back as data: the exception does not survive pickling."""

    problems: list[Problem]


def _run_chunk(chunk: int) -> list[Any] | _Failed:
    assert _work is not None
    function, items, chunks = _work
    try:
        return [function(item) for item in items[chunk::chunks]]
    except BriefingError as exc:
        return _Failed(exc.problems)


class ForkedMap:
    """``[function(item) for item in items]``, computed by up to ``workers`` forked
    processes (default: every available CPU) while this process goes on with other work;
    ``results()`` waits for them. A BriefingError raised for any item is raised by
    ``results()``, with the problems of every chunk that had one."""

    def __init__(self, function: Callable[[Any], Any], items: Sequence[Any],
                 workers: int | None = None):
        global _work
        self.function, self.items = function, items
        if workers is None:
            workers = min(available_workers(), len(items) // MIN_ITEMS_PER_WORKER)
        workers = min(workers, len(items))
        self.pool: Any = None
        if workers < 2 or "fork" not in multiprocessing.get_all_start_methods():
            return
        self.chunks = workers * CHUNKS_PER_WORKER
        # The workers are forked here, and see the work as it is now.
        _work = (function, items, self.chunks)
        try:
            self.pool = multiprocessing.get_context("fork").Pool(workers)
        finally:
            _work = None
        self.pending = self.pool.map_async(_run_chunk, range(self.chunks), chunksize=1)

    def results(self) -> list[Any]:
        if self.pool is None:
            return [self.function(item) for item in self.items]
        try:
            done = self.pending.get()
        finally:
            self.pool.terminate()
            self.pool.join()
        problems = [p for result in done if isinstance(result, _Failed) for p in result.problems]
        if problems:
            raise BriefingError(problems)
        results: list[Any] = [None] * len(self.items)
        for chunk, values in enumerate(done):
            results[chunk::self.chunks] = values
        return results

