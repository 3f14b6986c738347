"""A progress bar for long command-line runs: documents per second and time left, on stderr.

Shown only when stderr is a terminal, the run is not ``--quiet``, and tqdm is installed (the
``progress`` extra: ``pip install 'newsclean[progress]'``). Otherwise nothing is drawn and the
wrapped iterable passes through untouched.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import IO, Any, TypeVar

T = TypeVar("T")

_COUNT_LIMIT = 4 << 30  # do not pre-count lines of inputs larger than this (bytes)


def tqdm_available() -> bool:
    try:
        import tqdm  # noqa: F401
    except ImportError:
        return False
    return True


def wanted(*, quiet: bool, stream: IO[str] | None = None) -> bool:
    """Whether to draw a bar: not quiet, the stream is a terminal, and tqdm is there."""
    stream = stream if stream is not None else sys.stderr
    try:
        tty = stream.isatty()
    except (AttributeError, ValueError):
        tty = False
    return not quiet and tty and tqdm_available()


def count_records(paths: Sequence[str]) -> int | None:
    """How many records the inputs hold, for the ETA; ``None`` when that cannot be known cheaply.

    JSONL lines are counted (blank lines too: a close upper bound); a ``.txt`` file is one record.
    Standard input and compressed files cannot be counted without reading them twice.
    """
    from newsclean.io import expand_paths

    total = 0
    files = expand_paths(paths)
    if any(p == "-" or p.endswith(".gz") or not Path(p).is_file() for p in files):
        return None  # a pipe or a device is read once, by the run
    if sum(Path(p).stat().st_size for p in files if Path(p).is_file()) > _COUNT_LIMIT:
        return None
    for p in files:
        if p.endswith(".txt"):
            total += 1
            continue
        try:
            with Path(p).open("rb") as fh:
                last = b"\n"
                while block := fh.read(1 << 20):
                    total += block.count(b"\n")
                    last = block[-1:]
                total += last != b"\n"
        except OSError:
            return None
    return total


class Progress:
    """Wraps an iterable with a bar when enabled; ``write`` prints a line without breaking it."""

    def __init__(self, *, enabled: bool, total: int | None = None, desc: str = "cleaning") -> None:
        self._bar: Any = None
        if enabled:
            from tqdm import tqdm

            class Bar(tqdm):  # type: ignore[misc]
                # no monitor thread: with no other thread running, ``--jobs`` workers can be
                # forked from this process (see newsclean.parallel)
                monitor_interval = 0

            self._bar = Bar(
                total=total,
                desc=desc,
                unit=" docs",
                file=sys.stderr,
                dynamic_ncols=True,
                mininterval=0.5,
                smoothing=0.05,
            )

    def __enter__(self) -> Progress:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def wrap(self, iterable: Iterable[T]) -> Iterator[T]:
        bar = self._bar
        if bar is None:
            yield from iterable
            return
        for x in iterable:
            yield x
            bar.update(1)

    def write(self, message: str) -> None:
        if self._bar is not None:
            self._bar.write(message, file=sys.stderr)
        else:
            print(message, file=sys.stderr)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()
            self._bar = None
