"""Run an expensive pattern only near cheap anchors (title words, digits).

Scanning a whole page with the mention or date pattern costs microseconds per character; the
anchors are found in a fraction of that, and most text has none. Each anchor opens a window of
``before`` + ``after`` characters (widened to whole words); overlapping windows are merged and
the pattern runs over each window slice, so every regex call still has its timeout.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Iterator, Sequence

from newsclean._patterns import Match, Pattern, finditer, literal_pattern, literal_starts


@functools.lru_cache(maxsize=4)
def lowered(text: str) -> str:
    """``text.lower()``, remembered for the last texts: the fact and date checks both lower the
    whole document."""
    return text.lower()


def find_words(
    words: Iterable[str],
    text: str,
    within: Sequence[tuple[int, int]] | None = None,
    *,
    whole: bool = False,
    cased: bool = False,
) -> list[tuple[int, int]]:
    """Spans where one of the lowercase ``words`` starts a word of ``text`` (any case).

    ``words`` must be prefix-free (no word begins another), so at most one starts at a
    position. One scan of the text for all words at once, with a pattern of literals.
    ``whole``: only where a word is followed by no ASCII lowercase letter (a whole word, or one
    before an accented letter); the words need not be prefix-free then. ``cased``: the words
    are looked for as written, not in the lowercased text (capitalised words: most positions
    are passed over at their first character).

    ``within``: sorted, disjoint spans of ``text`` that each end at a line break or at the end
    of the text; only they are scanned. No word holds a line break, so the spans found are those
    of the whole text that start inside them.
    """
    low = text if cased else lowered(text)
    if len(low) != len(text):  # a character whose lowercase is longer: fall back, per char
        low = "".join(c.lower()[:1] for c in text)
    pattern = literal_pattern(frozenset(words), after_lowercase=False, before_lowercase=not whole)
    if within is None:
        starts: Iterable[tuple[int, int]] = literal_starts(pattern, low)
    else:
        starts = _literal_starts_within(pattern, low, within)
    return [(start, end) for start, end in starts if start == 0 or not low[start - 1].isalpha()]


def _literal_starts_within(
    pattern: re.Pattern[str], low: str, within: Sequence[tuple[int, int]]
) -> Iterator[tuple[int, int]]:
    """:func:`literal_starts` inside each span (the pattern looks behind a span's start)."""
    search = pattern.search
    for pos, end in within:
        while (m := search(low, pos, end)) is not None:
            yield m.start(), m.end()
            pos = m.start() + 1


def windows(
    anchors: Iterable[tuple[int, int]], text: str, *, before: int, after: int
) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    n = len(text)
    for start, end in anchors:
        a = max(0, start - before)
        b = min(n, end + after)
        while b < n and not text[b].isspace():
            b += 1
        # widening moves the start only left: a start already inside the last window merges
        # with it, whatever the widened start would be
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
            continue
        while a > 0 and not text[a - 1].isspace():
            a -= 1
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


def scan(
    pattern: Pattern,
    anchors: Iterable[tuple[int, int]],
    text: str,
    *,
    before: int,
    after: int,
    timeout: float | None,
    may_match: Callable[[int, int], bool] | None = None,
) -> Iterator[tuple[Match, int]]:
    """Matches of ``pattern`` in the windows around the ``anchors`` spans, with each window's
    offset.

    ``may_match(a, b)``: a cheap test that is false only for windows ``text[a:b]`` that
    ``pattern`` certainly does not match; such windows are not scanned.
    """
    for a, b in windows(anchors, text, before=before, after=after):
        if may_match is not None and not may_match(a, b):
            continue
        for m in finditer(pattern, text[a:b], timeout=timeout):
            yield m, a


def word_starts(text: str, lo: int, hi: int) -> Iterator[int]:
    """Positions in ``[lo, hi]`` where a word starts."""
    lo = max(0, lo)
    before = lo > 0 and text[lo - 1 : lo].isalnum()  # each character is tested once
    for i in range(lo, min(hi, len(text) - 1) + 1):
        here = text[i].isalnum()
        if here and not before:
            yield i
        before = here


#: how far past its start one attempt of :func:`scan_starts` sees
REACH = 400


def scan_starts(
    pattern: Pattern,
    anchors: Iterable[tuple[int, int]],
    text: str,
    *,
    before: int,
    timeout: float | None,
    accept: Callable[[int], bool] | None = None,
    context: int = 40,
    limit: int = REACH,
) -> Iterator[tuple[Match, int]]:
    """Matches of an anchored pattern (one that starts with ``\\G``) that start at a word up to
    ``before`` characters ahead of an anchor and reach past its start: the leftmost per anchor,
    never overlapping. ``accept(pos)`` prunes start positions cheaply.

    Each attempt sees only ``context`` characters before its start and ``limit`` after it, so the
    work per anchor does not grow with the text; matches come with the offset of that slice.
    """
    reach = -1
    # positions up to here were tried for an earlier anchor and gave nothing: an attempt depends
    # only on its position, and what ended before that anchor's start ends before this one's
    tried = -1
    for start, _ in anchors:
        if start < reach:
            continue
        for pos in word_starts(text, max(reach, start - before, tried + 1), start):
            if accept is not None and not accept(pos):
                continue
            base = max(0, pos - context)
            # anchored at ``pos`` (the pattern starts with \G): a match there, not a search on
            m = pattern.match(text[base : pos + limit], pos - base, timeout=timeout)
            if m is not None and m.end() + base > start:
                reach = m.end() + base
                yield m, base
                break
        else:
            tried = start
