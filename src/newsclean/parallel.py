"""Cleaning on several processes: input order kept, memory bounded, output as with one process.

:func:`pool_map` applies ``func(pipeline, item)`` to a stream of items on ``jobs`` worker
processes. The pipeline (and ``func``) go to each worker once, when it starts. Items travel in
chunks (a few dozen documents, or a few MB of text, whichever comes first), and at most
``2 * jobs`` chunks are in flight at any time, so a long input streams through in constant memory.
Results come back in input order, so the output of ``jobs=N`` is byte for byte that of ``jobs=1``.

``func`` should return something small and cheap to pickle (a rendered JSON line rather than the
whole record), so the parent process does little more than read and write.

Workers start ready to clean. When this process runs no other thread, it prepares the pipeline
(catalogues, knowledge base, compiled patterns: about a second) and forks the workers, which share
what it built. Otherwise they start from a fork server that has the default catalogue built, and
each prepares the rest when it starts.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sized
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any, TypeVar

from newsclean.errors import ConfigError
from newsclean.pipeline import Pipeline

T = TypeVar("T")
R = TypeVar("R")

#: a chunk is closed at this many items ...
CHUNK_ITEMS = 16
#: ... or at this many characters of text, whichever comes first
CHUNK_CHARS = 1 << 21

_worker_pipeline: Pipeline | None = None
_worker_func: Callable[[Pipeline, Any], Any] | None = None


def _init_worker(pipeline: Pipeline, func: Callable[[Pipeline, Any], Any]) -> None:
    global _worker_pipeline, _worker_func
    _worker_pipeline, _worker_func = pipeline.prepare(), func


def _run_chunk(chunk: list[Any]) -> list[Any]:
    assert _worker_pipeline is not None
    assert _worker_func is not None
    pipeline, func = _worker_pipeline, _worker_func
    return [func(pipeline, item) for item in chunk]


def available_cores() -> int:
    """The CPU cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not on Linux
        return os.cpu_count() or 1


def resolve_jobs(jobs: int) -> int:
    """``jobs`` as a number of processes: 0 means one per available core."""
    if jobs < 0:
        msg = f"--jobs must be 0 (one per core) or a positive number, not {jobs}"
        raise ConfigError(msg)
    return jobs or available_cores()


def _size(item: Any) -> int:
    record = getattr(item, "record", item)
    if isinstance(record, str):
        return len(record)
    if isinstance(record, dict):
        text = record.get("text")
        return len(text) if isinstance(text, str) else 0
    return len(record) if isinstance(record, Sized) else 0


def chunked(
    items: Iterable[T], max_items: int = CHUNK_ITEMS, max_chars: int = CHUNK_CHARS
) -> Iterator[list[T]]:
    """Consecutive chunks of at most ``max_items`` items or about ``max_chars`` characters.

    >>> [len(c) for c in chunked(["a"] * 5, max_items=2)]
    [2, 2, 1]
    """
    chunk: list[T] = []
    chars = 0
    for item in items:
        chunk.append(item)
        chars += _size(item)
        if len(chunk) >= max_items or chars >= max_chars:
            yield chunk
            chunk, chars = [], 0
    if chunk:
        yield chunk


def _context(pipeline: Pipeline) -> multiprocessing.context.BaseContext:
    methods = multiprocessing.get_all_start_methods()
    if "fork" in methods and threading.active_count() == 1:
        # a fork copies this process with nothing half-done in another thread; preparing first
        # means the workers share one copy of what the filters build instead of each building it
        pipeline.prepare()
        return multiprocessing.get_context("fork")
    if "forkserver" not in methods:
        return multiprocessing.get_context("spawn")
    # forkserver: workers start from a clean process (no threads or open files of the parent
    # carried over), faster than spawn; the server imports newsclean once, with the default
    # catalogue built, and each worker is forked from it with the modules loaded
    ctx = multiprocessing.get_context("forkserver")
    ctx.set_forkserver_preload(["newsclean.runs", "newsclean._preload"])
    return ctx


def pool_map(
    func: Callable[[Pipeline, T], R],
    pipeline: Pipeline,
    items: Iterable[T],
    jobs: int,
    *,
    max_items: int = CHUNK_ITEMS,
    max_chars: int = CHUNK_CHARS,
) -> Iterator[R]:
    """``func(pipeline, item)`` for every item, in order, on ``jobs`` processes.

    ``func`` must be a module-level function (it is pickled by reference). With ``jobs == 1`` it
    runs in this process, with no pool at all.
    """
    jobs = resolve_jobs(jobs)
    if jobs == 1:
        for item in items:
            yield func(pipeline, item)
        return
    in_flight: deque[Future[list[R]]] = deque()
    limit = 2 * jobs
    with ProcessPoolExecutor(
        max_workers=jobs,
        mp_context=_context(pipeline),
        initializer=_init_worker,
        initargs=(pipeline, func),
    ) as pool:
        try:
            for chunk in chunked(items, max_items, max_chars):
                in_flight.append(pool.submit(_run_chunk, chunk))
                if len(in_flight) >= limit:
                    yield from in_flight.popleft().result()
            while in_flight:
                yield from in_flight.popleft().result()
        except BaseException:
            for future in in_flight:
                future.cancel()
            pool.shutdown(wait=True, cancel_futures=True)
            raise
