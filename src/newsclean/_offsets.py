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
        if not self.regions:  # nothing was replaced: positions are the same
            return (start, max(start, end))
        o_start = self.start(start)
        if start == end:
            return (o_start, o_start)
        return (o_start, max(o_start, self.end(end)))

    def then(self, current: str, edits: Sequence[TextEdit]) -> tuple[str, OffsetMap]:
        """Apply ``edits`` (in current-text coordinates); return the new text and its map.

        Old regions and new edits that overlap merge into one region; every region boundary lies
        outside every edit.
        """
        ordered = check_edits(len(current), edits)
        if not ordered:
            return current, self
        new_text = apply_edits(current, ordered)

        # old regions and new edits as [n_start, n_end, o_start, o_end, size change, code]; the
        # size change of an old region is 0 because its n-range is already in current coordinates
        entries = sorted(
            [[r.n_start, r.n_end, r.o_start, r.o_end, 0, r.code] for r in self.regions]
            + [
                [
                    e.start,
                    e.end,
                    self.start(e.start),
                    self.span((e.start, e.end))[1],
                    len(e.replacement) - (e.end - e.start),
                    e.code,
                ]
                for e in ordered
            ],
            key=lambda x: (x[0], x[1]),
        )
        # merge what overlaps; an empty region (a deletion) also merges with what starts where it
        # is, so a span starting there includes what was deleted. Regions that merely touch stay
        # apart, so neighbouring lines keep their own spans.
        merged: list[list[Any]] = []
        for entry in entries:
            a, b = entry[0], entry[1]
            if merged:
                last = merged[-1]
                after_empty = a == last[1] == last[0]
                if a < last[1] or after_empty:
                    last[1] = max(last[1], b)
                    last[2] = min(last[2], entry[2])
                    last[3] = max(last[3], entry[3])
                    last[4] += entry[4]
                    continue
            merged.append(list(entry))

        regions = []
        shift = 0  # total size change of the regions before this one
        for a, b, o_a, o_b, delta, code in merged:
            regions.append(Region(o_a, o_b, a + shift, b + shift + delta, code))
            shift += delta
        return new_text, OffsetMap(regions)

    def edits_in_original(self, current: str) -> list[TextEdit]:
        """The regions as edits of the original: applying them to it gives ``current``."""
        return [
            TextEdit(r.o_start, r.o_end, current[r.n_start : r.n_end], r.code) for r in self.regions
        ]
