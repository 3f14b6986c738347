"""The only code that does offset arithmetic.

Normalization replaces stretches of the text. :class:`OffsetMap` remembers, for the current text,
which stretches differ from the original and what they replaced, so that any span in the current
text can be mapped back to a span in the original. Stretches outside a replaced region map one to
one; a position inside a replaced region maps to that region's start (for a span start) or end (for
a span end), so a mapped span always covers everything that produced it.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

Span = tuple[int, int]


@dataclass(frozen=True, slots=True)
class TextEdit:
    """Replace ``text[start:end]`` with ``replacement``; ``code`` says why."""

    start: int
    end: int
    replacement: str
    code: str


@dataclass(frozen=True, slots=True)
class Region:
    """``original[o_start:o_end]`` became ``current[n_start:n_end]``."""

    o_start: int
    o_end: int
    n_start: int
    n_end: int
    code: str


def check_edits(text_length: int, edits: Sequence[TextEdit]) -> list[TextEdit]:
    """Sort edits and make sure they are in bounds and do not overlap."""
    ordered = sorted(edits, key=lambda e: (e.start, e.end))
    last = 0
    for edit in ordered:
        if not 0 <= edit.start <= edit.end <= text_length:
            msg = f"edit {edit.start}:{edit.end} out of bounds for text of length {text_length}"
            raise ValueError(msg)
        if edit.start < last:
            msg = f"edits overlap at {edit.start}"
            raise ValueError(msg)
        last = edit.end
    return ordered


def apply_edits(text: str, edits: Iterable[TextEdit]) -> str:
    """Apply non-overlapping edits to ``text``.

    >>> apply_edits("a\\u00adb  c", [TextEdit(1, 2, "", "x"), TextEdit(3, 5, " ", "y")])
    'ab c'
    """
    ordered = check_edits(len(text), list(edits))
    out: list[str] = []
    pos = 0
    for edit in ordered:
        out.append(text[pos : edit.start])
        out.append(edit.replacement)
        pos = edit.end
    out.append(text[pos:])
    return "".join(out)


class OffsetMap:
    """Maps positions in the current (normalized) text back to the original text."""

    __slots__ = ("_n_starts", "regions")

    def __init__(self, regions: Sequence[Region] = ()) -> None:
        self.regions: tuple[Region, ...] = tuple(regions)
        self._n_starts = [r.n_start for r in self.regions]

    @property
    def identity(self) -> bool:
        return not self.regions

    def start(self, pos: int) -> int:
        """Original position of a span start at ``pos`` in the current text."""
        i = bisect.bisect_right(self._n_starts, pos) - 1
        if i < 0:
            return pos
        region = self.regions[i]
        if pos < region.n_end or pos == region.n_start:
            return region.o_start
        return pos - region.n_end + region.o_end

    def end(self, pos: int) -> int:
        """Original position of a span end at ``pos`` in the current text."""
        i = bisect.bisect_left(self._n_starts, pos) - 1
        if i < 0:
            return pos
        region = self.regions[i]
        if pos <= region.n_end:
            return region.o_end
        return pos - region.n_end + region.o_end

    def span(self, span: Span) -> Span:
        """Map a span of the current text to the original text."""
        start, end = span
        o_start = self.start(start)
        if start == end:
            return (o_start, o_start)
        return (o_start, max(o_start, self.end(end)))

    def then(self, current: str, edits: Sequence[TextEdit]) -> tuple[str, OffsetMap]:
        """Apply ``edits`` (in current-text coordinates); return the new text and its map.

        Old regions and new edits that overlap merge into one region. Ones that only touch stay
        apart, so that a line and the line break next to it never share a region, except that an
        empty one (nothing in the current text: a deletion, or an insertion) merges with what
        starts where it is: a span starting there already maps to its start. Every region boundary
        lies outside every edit.
        """
        ordered = check_edits(len(current), edits)
        if not ordered:
            return current, self
        new_text = apply_edits(current, ordered)

        # (n_start, n_end, o_start, o_end, code, is_new) of old regions and of new edits
        dirty = sorted(
            [(r.n_start, r.n_end, r.o_start, r.o_end, r.code, False) for r in self.regions]
            + [
                (e.start, e.end, self.start(e.start), self.span((e.start, e.end))[1], e.code, True)
                for e in ordered
            ]
        )
        # groups: [n_start, n_end, o_start, o_end, code, new edits in it, ends in an empty item]
        groups: list[list[Any]] = []
        for a, b, o_a, o_b, code, is_new in dirty:
            if groups:
                g = groups[-1]
                if a < g[1] or (a == g[1] and g[6]):
                    if b > g[1]:
                        g[1], g[6] = b, False
                    elif b == g[1]:
                        g[6] = g[6] or a == b
                    g[2], g[3] = min(g[2], o_a), max(g[3], o_b)
                    g[5] += is_new
                    continue
            groups.append([a, b, o_a, o_b, code, int(is_new), a == b])

        cumulative = [0]
        for e in ordered:
            cumulative.append(cumulative[-1] + len(e.replacement) - (e.end - e.start))

        regions = []
        before = 0  # new edits in earlier groups
        for a, b, o_a, o_b, code, n_new, _ in groups:
            regions.append(
                Region(o_a, o_b, a + cumulative[before], b + cumulative[before + n_new], code)
            )
            before += n_new
        return new_text, OffsetMap(regions)

    def edits_in_original(self, current: str) -> list[TextEdit]:
        """The regions as edits of the original: applying them to it gives ``current``."""
        return [
            TextEdit(r.o_start, r.o_end, current[r.n_start : r.n_end], r.code) for r in self.regions
        ]
