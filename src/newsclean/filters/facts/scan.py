"""Run an expensive pattern only near cheap anchors (title words, digits).

Scanning a whole page with the mention or date pattern costs microseconds per character; the
anchors are found in a fraction of that, and most text has none. Each anchor opens a window of
``before`` + ``after`` characters (widened to whole words); overlapping windows are merged and
the pattern runs over each window slice, so every regex call still has its timeout.
"""

from __future__ import annotations

from collections.abc import Iterator

from newsclean._patterns import Match, Pattern, finditer


def windows(
    anchors: Pattern, text: str, *, before: int, after: int, timeout: float | None
) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for m in finditer(anchors, text, timeout=timeout):
        a = max(0, m.start() - before)
        b = min(len(text), m.end() + after)
        while a > 0 and not text[a - 1].isspace():
            a -= 1
        while b < len(text) and not text[b].isspace():
            b += 1
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


def scan(
    pattern: Pattern,
    anchors: Pattern,
    text: str,
    *,
    before: int,
    after: int,
    timeout: float | None,
) -> Iterator[tuple[Match, int]]:
    """Matches of ``pattern`` in the windows around ``anchors``, with each window's offset."""
    for a, b in windows(anchors, text, before=before, after=after, timeout=timeout):
        for m in finditer(pattern, text[a:b], timeout=timeout):
            yield m, a
