"""Loading pattern data files and matching untrusted text under a time limit.

A ``regex`` pattern that can backtrack runs on scraped text through :func:`finditer`,
:func:`search`, :func:`match` or :func:`fullmatch` (or a method of the compiled pattern given
``timeout=``), with the pipeline's ``regex_timeout`` (``Draft.regex_timeout``). A pattern that runs
out of time raises :class:`TimeoutError`; the pipeline turns that into a ``pipeline.regex_timeout``
finding for the filter that ran it, so one hostile document cannot stall a worker.

Some patterns run with the standard library's ``re`` and no timeout, because they cannot
backtrack: the work at each position is bounded by a constant, so a scan is linear in the text.
They are:

- the literal tries of :func:`literal_pattern` (alternatives of literal strings, no repetition
  but, with ``line_start``, one class of characters skipped from the start of a line, a single
  pass per line; lookarounds of one character): bounded by the longest literal;
- single character classes and fixed-length alternatives used as fast-path gates
  (``[0-9]``, a set of invisible characters, ``[|•·/»›>]|\\s[-–]\\s``): at most a few characters per
  position;
- :data:`WORDS_STDLIB_RE`, possessive repeats over disjoint classes: each character is looked at
  a bounded number of times.
"""

from __future__ import annotations

import contextlib
import contextvars
import functools
import re
from collections.abc import Callable, Iterator
from importlib import resources
from typing import Any

import regex

from newsclean.errors import PatternDataError

#: Seconds a single pattern may spend on one text. The pipeline can change it per run.
DEFAULT_TIMEOUT = 1.0

Pattern = regex.Pattern[str]
Match = regex.Match[str]

#: whether the draft being cleaned runs on the plain path (see ``Draft.plain``): helpers that
#: have no draft at hand (word splitting, catalogue lookups, fact scans) read it here
_PLAIN: contextvars.ContextVar[bool] = contextvars.ContextVar("newsclean_plain", default=False)


#: whether the current draft runs on the plain path: every gate and fast path bypassed (the
#: context variable's own getter: the filters ask it some hundred thousand times a corpus)
is_plain: Callable[[], bool] = _PLAIN.get


@contextlib.contextmanager
def plain_path(on: bool) -> Iterator[None]:
    """Run the block with the plain path on or off (the pipeline sets it for each draft)."""
    token = _PLAIN.set(on)
    try:
        yield
    finally:
        _PLAIN.reset(token)


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


def match(
    pattern: Pattern,
    text: str,
    *,
    timeout: float | None = DEFAULT_TIMEOUT,
    pos: int = 0,
    endpos: int | None = None,
) -> Match | None:
    """``pattern.match`` at ``pos``, seeing the text only up to ``endpos``."""
    return pattern.match(text, pos, endpos, timeout=timeout)


def fullmatch(
    pattern: Pattern, text: str, *, timeout: float | None = DEFAULT_TIMEOUT
) -> Match | None:
    return pattern.fullmatch(text, timeout=timeout)


def alternation(words: list[str]) -> str:
    """Sorted, distinct, non-empty ``words`` as one alternation that branches once per letter
    (a trie), which both ``re`` and ``regex`` try much faster than a flat list of words.

    >>> alternation(["mar", "march", "may"])
    'm(?:a(?:r(?:ch)?|y))'
    """
    branches: dict[str, list[str]] = {}
    for word in words:
        branches.setdefault(word[0], []).append(word[1:])
    parts = []
    for first, rests in branches.items():
        longer = [r for r in rests if r]
        if not longer or rests == longer[:1]:  # a leaf, or a single chain of letters
            parts.append(re.escape(first + "".join(rests)))
            continue
        tail = alternation(longer)
        # a word that ends here and is also the start of longer ones: the longer ones first
        parts.append(re.escape(first) + "(?:" + tail + (")?" if "" in rests else ")"))
    return "|".join(parts)


@functools.lru_cache(maxsize=64)
def literal_pattern(
    words: frozenset[str],
    *,
    after_lowercase: bool = True,
    before_lowercase: bool = True,
    line_start: bool = False,
) -> re.Pattern[str]:
    """One pattern for a set of literal strings, for :func:`literal_starts`.

    It holds literals only, with no repetition, so its work per position is bounded by the
    longest word and it needs no timeout; the standard library's ``re`` tries such a trie of
    literal branches several times faster than ``regex``. ``after_lowercase=False`` skips
    occurrences right after an ASCII lower-case letter, ``before_lowercase=False`` those right
    before one: a cheap first cut where only words or word starts count. ``line_start=True``
    matches from the start of a line that has no ASCII lower-case letter before the literal
    (one linear pass per line: the skipped characters exclude the line break).
    """
    body = alternation(sorted(w for w in words if w))
    return re.compile(
        ("(?m)^[^a-z\n]*" if line_start else "")
        + ("" if after_lowercase else "(?<![a-z])")
        + "(?:"
        + body
        + ")"
        + ("" if before_lowercase else "(?![a-z])")
    )


def literal_starts(pattern: re.Pattern[str], text: str) -> Iterator[tuple[int, int]]:
    """Every position of ``text`` where a literal of :func:`literal_pattern` starts, with the end
    of the longest one there (occurrences may overlap)."""
    pos = 0
    search = pattern.search
    while (m := search(text, pos)) is not None:
        yield m.start(), m.end()
        pos = m.start() + 1


def literal_find(pattern: re.Pattern[str], text: str, start: int = 0) -> int:
    """Where the first literal of :func:`literal_pattern` at or after ``start`` begins, or -1."""
    found = pattern.search(text, start)
    return -1 if found is None else found.start()


def literal_within(pattern: re.Pattern[str], text: str, start: int, end: int) -> bool:
    """Whether a literal of :func:`literal_pattern` lies wholly inside ``text[start:end]``."""
    return pattern.search(text, start, end) is not None


def _check_relative(relative: str) -> None:
    """Data files are named from configuration (``languages = [...]``): stay inside ``data/``."""
    parts = relative.replace("\\", "/").split("/")
    if relative.startswith("/") or any(p in ("", ".", "..") for p in parts) or ":" in relative:
        msg = f"not a data file name: {relative!r}"
        raise PatternDataError(msg)


#: a word as the filters count it: letters or digits, with inner apostrophes, dots and hyphens,
#: written as the captures of one repeated group: a timeout costs a clock check per match, so one
#: match per text is several times faster than ``findall`` of ``\w+(?:['’.-]\w+)*`` on a long line
WORDS_RE = compile_pattern(r"(?:\W*+(\w++(?:['’.-]\w++)*+))*+")
#: the same words for the standard library: possessive repeats over disjoint classes (a word
#: character, or one separator followed by one), so each character is looked at a bounded number
#: of times and there is nothing to time out
WORDS_STDLIB_RE = re.compile(r"\w++(?:['’.-]\w++)*+")


@functools.cache
def _word_class_differs() -> re.Pattern[str]:
    """Characters that ``re`` and ``regex`` do not agree are word characters on (``regex``
    follows Unicode's definition, ``re`` ``str.isalnum``: "²", "¼", ZWJ, "‿", ...), and every
    character outside the Basic Multilingual Plane. Asked of both, for the versions installed."""
    ours, stdlib = regex.compile(r"\w"), re.compile(r"\w")
    differ = [
        c
        for c in map(chr, range(0x10000))
        if (ours.match(c) is None) != (stdlib.match(c) is None) and not 0xD800 <= ord(c) < 0xE000
    ]
    return re.compile("[" + "".join(map(re.escape, differ)) + "\U00010000-\U0010ffff]")


def words(text: str, *, timeout: float | None = DEFAULT_TIMEOUT) -> list[str]:
    """The words of ``text``: with the standard library when it agrees with ``regex`` on every
    character of the text (almost all text), else in one ``regex`` match under the timeout.

    >>> words("U.S. officials didn't say—yet.")
    ['U.S', 'officials', "didn't", 'say', 'yet']
    """
    if not _PLAIN.get() and _word_class_differs().search(text) is None:
        return WORDS_STDLIB_RE.findall(text)
    whole = match(WORDS_RE, text, timeout=timeout)
    found: list[str] = whole.captures(1) if whole else []
    return found


def data_text(relative: str) -> str:
    """Read a package data file, e.g. ``"lang/en/boilerplate.txt"``."""
    _check_relative(relative)
    return (
        resources.files("newsclean").joinpath("data").joinpath(relative).read_text(encoding="utf-8")
    )


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
