"""The offset map against a slow, obviously correct reference."""

from __future__ import annotations

import itertools

from hypothesis import given
from hypothesis import strategies as st

from newsclean._offsets import OffsetMap, TextEdit, apply_edits


@st.composite
def text_and_edit_rounds(draw: st.DrawFn) -> tuple[str, list[list[TextEdit]]]:
    text = draw(st.text(alphabet="ab \n\u00ad", max_size=24))
    rounds = []
    length = len(text)
    for _ in range(draw(st.integers(1, 3))):
        edits, pos = [], 0
        while pos <= length and draw(st.booleans()):
            start = draw(st.integers(pos, length))
            end = draw(st.integers(start, min(length, start + 3)))
            repl = draw(st.text(alphabet="XY", max_size=2))
            edits.append(TextEdit(start, end, repl, "normalize.whitespace"))
            pos = end + 1
        rounds.append(edits)
        length += sum(len(e.replacement) - (e.end - e.start) for e in edits)
    return text, rounds


def reference_owner(original: str, rounds: list[list[TextEdit]]) -> list[set[int]]:
    """For each character of the final text, the set of original positions it came from."""
    owners: list[set[int]] = [{i} for i in range(len(original))]
    for edits in rounds:
        new: list[set[int]] = []
        pos = 0
        for e in sorted(edits, key=lambda e: e.start):
            new += owners[pos : e.start]
            merged = set().union(*owners[e.start : e.end]) if e.end > e.start else set()
            new += [set(merged) for _ in e.replacement]
            pos = e.end
        new += owners[pos:]
        owners = new
    return owners


@given(text_and_edit_rounds())
def test_edits_in_original_reproduce_current(case: tuple[str, list[list[TextEdit]]]) -> None:
    original, rounds = case
    current, offsets = original, OffsetMap()
    for edits in rounds:
        current, offsets = offsets.then(current, edits)
    assert apply_edits(original, offsets.edits_in_original(current)) == current
    regions = offsets.regions
    assert all(
        a.n_end <= b.n_start and a.o_end <= b.o_start for a, b in itertools.pairwise(regions)
    )


@given(text_and_edit_rounds(), st.data())
def test_mapped_spans_cover_their_sources(
    case: tuple[str, list[list[TextEdit]]], data: st.DataObject
) -> None:
    original, rounds = case
    current, offsets = original, OffsetMap()
    for edits in rounds:
        current, offsets = offsets.then(current, edits)
    owners = reference_owner(original, rounds)
    start = data.draw(st.integers(0, len(current)))
    end = data.draw(st.integers(start, len(current)))
    o_start, o_end = offsets.span((start, end))
    assert 0 <= o_start <= o_end <= len(original)
    for i in range(start, end):
        assert all(o_start <= p < o_end for p in owners[i])
    if not any(r.n_start <= end and start <= r.n_end for r in offsets.regions):
        assert original[o_start:o_end] == current[start:end]


def test_apply_edits_rejects_overlap() -> None:
    import pytest

    with pytest.raises(ValueError, match="overlap"):
        apply_edits("abcdef", [TextEdit(0, 3, "", "x"), TextEdit(2, 4, "", "x")])
    with pytest.raises(ValueError, match="out of bounds"):
        apply_edits("abc", [TextEdit(2, 9, "", "x")])
