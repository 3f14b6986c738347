"""Loading pattern data files and matching untrusted text under a time limit.

Every match on scraped text goes through :func:`finditer` or :func:`search`, which pass a timeout
to ``regex``. A pattern that runs out of time raises :class:`TimeoutError`; the pipeline turns that
into a ``pipeline.regex_timeout`` finding for the filter that ran it, so one hostile document
cannot stall a worker.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from importlib import resources
from typing import Any

import regex

from newsclean.errors import PatternDataError

#: Seconds a single pattern may spend on one text. The pipeline can change it per run.
DEFAULT_TIMEOUT = 1.0

Pattern = regex.Pattern[str]
Match = regex.Match[str]


def compile_pattern(pattern: str, flags: int = 0, **named_lists: Any) -> Pattern:
    """Compile once, with ``regex`` (named lists allowed)."""
    return regex.compile(pattern, flags, **named_lists)


def finditer(
    pattern: Pattern, text: str, *, timeout: float | None = DEFAULT_TIMEOUT, pos: int = 0
) -> Iterator[Match]:
    """``pattern.finditer`` with a timeout on the whole scan."""
    return pattern.finditer(text, pos, timeout=timeout)


def search(
    pattern: Pattern, text: str, *, timeout: float | None = DEFAULT_TIMEOUT, pos: int = 0
) -> Match | None:
    return pattern.search(text, pos, timeout=timeout)


def fullmatch(
    pattern: Pattern, text: str, *, timeout: float | None = DEFAULT_TIMEOUT
) -> Match | None:
    return pattern.fullmatch(text, timeout=timeout)


def _check_relative(relative: str) -> None:
    """Data files are named from configuration (``languages = [...]``): stay inside ``data/``."""
    parts = relative.replace("\\", "/").split("/")
    if relative.startswith("/") or any(p in ("", ".", "..") for p in parts) or ":" in relative:
        msg = f"not a data file name: {relative!r}"
        raise PatternDataError(msg)


#: a word as the filters count it: letters or digits, with inner apostrophes, dots and hyphens
WORD_RE = compile_pattern(r"\w+(?:['’.-]\w+)*")


def words(text: str, *, timeout: float | None = DEFAULT_TIMEOUT) -> list[str]:
    """The words of ``text``.

    >>> words("U.S. officials didn't say—yet.")
    ['U.S', 'officials', "didn't", 'say', 'yet']
    """
    found: list[str] = WORD_RE.findall(text, timeout=timeout)
    return found


# the words of WORD_RE in one match, as the captures of a repeated group: a timeout costs a clock
# check per match, so one match per text is several times faster than findall on a long line
ALL_WORDS_RE = compile_pattern(r"(?:\W*+(\w++(?:['’.-]\w++)*+))*+")


def all_words(text: str, *, timeout: float | None = DEFAULT_TIMEOUT) -> list[str]:
    """The same words as :func:`words`, found in one match.

    >>> all_words("U.S. officials didn't say—yet.")
    ['U.S', 'officials', "didn't", 'say', 'yet']
    """
    match = ALL_WORDS_RE.match(text, timeout=timeout)
    found: list[str] = match.captures(1) if match else []
    return found


def data_text(relative: str) -> str:
    """Read a package data file, e.g. ``"boilerplate/en.txt"``."""
    _check_relative(relative)
    return (
        resources.files("newsclean").joinpath("data").joinpath(relative).read_text(encoding="utf-8")
    )


def data_files(folder: str) -> list[str]:
    """Names of the files in a package data folder, sorted."""
    _check_relative(folder)
    base = resources.files("newsclean").joinpath("data").joinpath(folder)
    return sorted(p.name for p in base.iterdir() if p.is_file())


@functools.lru_cache(maxsize=64)
def phrase_lines(relative: str) -> tuple[tuple[int, str], ...]:
    """The non-empty, non-comment lines of a data file, with their line numbers."""
    out = []
    for lineno, raw in enumerate(data_text(relative).splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if "\t" in raw and raw.count("\t") > 1:
            msg = f"data/{relative}:{lineno}: at most one tab (phrase<TAB>category) per line"
            raise PatternDataError(msg)
        out.append((lineno, line))
    return tuple(out)
