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

import contextlib
import multiprocessing
import os
import signal
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sized
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
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

#: how often (seconds) a worker looks whether the process that started it is still there
WATCH_PARENT_EVERY = 0.5


class Failed:
    """What a worker sends back for an item whose ``func`` raised: the reason, as text."""

    __slots__ = ("reason",)

    def __init__(self, reason: str) -> None:
        self.reason = reason

    def __reduce__(self) -> tuple[type[Failed], tuple[str]]:
        return (Failed, (self.reason,))


def failure_reason(exc: BaseException) -> str:
    """``"TypeName: message"``, the message cut at 200 characters."""
    return f"{type(exc).__name__}: {str(exc)[:200]}"


def _watch_parent(parent: int, started_by: int) -> None:
    """Exit when the process that asked for this worker is gone: no orphan goes on cleaning."""
    while True:
        time.sleep(WATCH_PARENT_EVERY)
        gone = os.getppid() != started_by
        if not gone:
            try:
                os.kill(parent, 0)
            except ProcessLookupError:
                gone = True
            except OSError:  # pragma: no cover - alive, owned by someone else
                pass
        if gone:
            os._exit(1)


def _init_worker(pipeline: Pipeline, func: Callable[[Pipeline, Any], Any], parent: int) -> None:
    global _worker_pipeline, _worker_func
    # the parent stops the run: Ctrl-C reaches the whole process group, so a worker ignores it
    # and leaves it to the parent, which ends the workers with SIGTERM; that (and SIGHUP) end a
    # worker at once, whatever handler it inherited with a fork
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    for name in ("SIGTERM", "SIGHUP"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), signal.SIG_DFL)
    watcher = threading.Thread(
        target=_watch_parent, args=(parent, os.getppid()), name="newsclean-parent", daemon=True
    )
    watcher.start()
    _worker_pipeline, _worker_func = pipeline.prepare(), func


def _run_chunk(chunk: list[Any]) -> list[Any]:
    assert _worker_pipeline is not None
    assert _worker_func is not None
    pipeline, func = _worker_pipeline, _worker_func
    out: list[Any] = []
    for item in chunk:  # one item that raises never takes its neighbours with it
        try:
            out.append(func(pipeline, item))
        except Exception as exc:
            out.append(Failed(failure_reason(exc)))
    return out


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


def _terminate(pool: ProcessPoolExecutor) -> None:
    """Stop a pool's workers now, not after the chunks they are cleaning."""
    processes = getattr(pool, "_processes", None) or {}
    for process in list(processes.values()):
        with contextlib.suppress(Exception):
            process.terminate()
    pool.shutdown(wait=True, cancel_futures=True)


def _death_note(pool: ProcessPoolExecutor) -> str:
    """Why a pool broke, as far as can be told: the signal that ended a worker."""
    processes = getattr(pool, "_processes", None) or {}
    for process in list(processes.values()):
        code = getattr(process, "exitcode", None)
        if code is not None and code < 0:
            with contextlib.suppress(ValueError):
                return f"a worker process was killed by {signal.Signals(-code).name}"
    return "a worker process died (killed, or out of memory)"


class _Pools:
    """The pool of a run, and the fresh ones that replace it when a worker dies."""

    def __init__(self, func: Callable[[Pipeline, Any], Any], pipeline: Pipeline, jobs: int):
        self.func, self.pipeline, self.jobs = func, pipeline, jobs
        self.main: ProcessPoolExecutor | None = None
        self.spare: ProcessPoolExecutor | None = None

    def _new(self, workers: int) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(
            max_workers=workers,
            mp_context=_context(self.pipeline),
            initializer=_init_worker,
            initargs=(self.pipeline, self.func, os.getpid()),
        )

    def pool(self) -> ProcessPoolExecutor:
        if self.main is None:
            self.main = self._new(self.jobs)
        return self.main

    def drop_main(self) -> None:
        """Shut a broken pool down, its surviving workers killed: one blocked sending a result
        nobody reads any more would otherwise never end."""
        if self.main is not None:
            _terminate(self.main)
            self.main = None

    def run_alone(self, chunk: list[Any]) -> tuple[list[Any] | None, str]:
        """Run one chunk on a fresh worker of its own: its results, or why it failed."""
        if self.spare is None:
            self.spare = self._new(1)
        try:
            return self.spare.submit(_run_chunk, chunk).result(), ""
        except BrokenProcessPool:
            note = _death_note(self.spare)
            _terminate(self.spare)
            self.spare = None
            return None, note
        except Exception as exc:  # the chunk or its results could not be pickled
            return None, failure_reason(exc)

    def close(self, *, now: bool = False) -> None:
        for pool in (self.main, self.spare):
            if pool is not None:
                if now:
                    _terminate(pool)
                else:
                    pool.shutdown(wait=True)
        self.main = self.spare = None


def pool_map(
    func: Callable[[Pipeline, T], R],
    pipeline: Pipeline,
    items: Iterable[T],
    jobs: int,
    *,
    max_items: int = CHUNK_ITEMS,
    max_chars: int = CHUNK_CHARS,
    on_error: Callable[[T, str], R] | None = None,
) -> Iterator[R]:
    """``func(pipeline, item)`` for every item, in order, on ``jobs`` processes.

    ``func`` must be a module-level function (it is pickled by reference). With ``jobs == 1`` it
    runs in this process, with no pool at all.

    ``on_error(item, reason)`` stands in for the result of an item that failed: ``func`` raised
    on it, or the worker cleaning it died, and died again. A chunk that cannot be sent to a
    worker or back (a record nested too deeply to pickle) is run item by item in this process;
    a chunk whose worker died (SIGKILL, the out-of-memory killer) is run again once on a fresh
    worker, then item by item, each on a fresh worker. Without ``on_error`` the error is raised.
    Workers exit when this process is gone.
    """
    jobs = resolve_jobs(jobs)
    if jobs == 1:
        for item in items:
            try:
                result = func(pipeline, item)
            except Exception as exc:
                if on_error is None:
                    raise
                result = on_error(item, failure_reason(exc))
            yield result
        return

    def settle(chunk: list[T], results: list[Any]) -> list[R]:
        out: list[R] = []
        for item, result in zip(chunk, results, strict=True):
            if isinstance(result, Failed):
                if on_error is None:
                    raise RuntimeError(result.reason)
                result = on_error(item, result.reason)
            out.append(result)
        return out

    pools = _Pools(func, pipeline, jobs)

    def one_by_one(chunk: list[T]) -> list[Any]:
        out: list[Any] = []
        for item in chunk:
            results, why = pools.run_alone([item])
            out += results if results is not None else [Failed(why)]
        return out

    def rerun(chunk: list[T]) -> list[Any]:
        """A chunk whose worker died: once more on a fresh worker, then item by item."""
        results, _ = pools.run_alone(chunk)
        return results if results is not None else one_by_one(chunk)

    # each entry: the chunk, and its future or (once settled otherwise) its results
    in_flight: deque[tuple[list[T], Future[list[Any]] | list[Any]]] = deque()
    limit = 2 * jobs

    def submit(chunk: list[T]) -> None:
        try:
            in_flight.append((chunk, pools.pool().submit(_run_chunk, chunk)))
        except BrokenProcessPool:  # a worker died since the last chunk: a fresh pool
            pools.drop_main()
            in_flight.append((chunk, pools.pool().submit(_run_chunk, chunk)))

    def collect() -> list[R]:
        chunk, pending = in_flight.popleft()
        if isinstance(pending, list):
            return settle(chunk, pending)
        try:
            return settle(chunk, pending.result())
        except BrokenProcessPool:
            pass
        except Exception:  # the chunk or its results could not be pickled: item by item, here
            return settle(chunk, [here(item) for item in chunk])
        # a worker died: every chunk in flight on that pool went with it; run each again, in
        # order, on a fresh worker (a chunk that kills its worker then loses only itself)
        pools.drop_main()
        waiting = list(in_flight)
        in_flight.clear()
        head = rerun(chunk)
        for other, fut in waiting:
            if isinstance(fut, list):
                in_flight.append((other, fut))
            elif fut.done() and not fut.cancelled() and fut.exception() is None:
                in_flight.append((other, fut.result()))
            else:
                in_flight.append((other, rerun(other)))
        return settle(chunk, head)

    def here(item: T) -> Any:
        """An item that could not travel to or from a worker (nested too deeply to pickle),
        cleaned in this process: the same result as with one process."""
        try:
            return func(pipeline, item)
        except Exception as exc:
            return Failed(failure_reason(exc))

    try:
        for chunk in chunked(items, max_items, max_chars):
            submit(chunk)
            if len(in_flight) >= limit:
                yield from collect()
        while in_flight:
            yield from collect()
    except BaseException:
        for _, pending in in_flight:
            if isinstance(pending, Future):
                pending.cancel()
        pools.close(now=True)
        raise
    pools.close()
