"""The fact checks' shortcuts that skip text find what the plain computations find."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from newsclean.filters.facts import dates
from newsclean.pipeline import split_blocks

PIECES = st.sampled_from(
    [" ", "  ", ", ", ".", "-", "\n", "\n\n", "x", "ß", "İ", "2022", "12", "3.", "(", ")", "1.5."]
)
DATE_WORDS = [*dates.WEEKDAYS, *dates.MONTHS, "the", "de", "of", "Sept.", "2019-05-30"]


def _texts(words: list[str]) -> st.SearchStrategy[str]:
    cased = st.sampled_from(words).flatmap(
        lambda w: st.sampled_from([w, w.upper(), w.title(), "ab" + w, w[:-1]])
    )
    return st.lists(st.one_of(cased, PIECES), max_size=30).map("".join)


def _inside(span: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    return any(a <= span[0] and span[1] <= b for a, b in spans)


@given(_texts(DATE_WORDS), st.data())
def test_dates_within_spans_are_those_of_the_whole_text(text: str, data: st.DataObject) -> None:
    """Skipping the windows that miss every wanted line loses no date inside those lines."""
    blocks = split_blocks(text)
    wanted = [b.span for b in blocks if data.draw(st.booleans())]
    every = [d for d in dates.find_dates(text, timeout=None) if _inside(d.span, wanted)]
    found = dates.find_dates(text, timeout=None, within=wanted)
    assert [d for d in found if _inside(d.span, wanted)] == every


@given(_texts(DATE_WORDS))
def test_dates_within_the_whole_text_are_all_dates(text: str) -> None:
    whole = [(0, len(text))]
    assert list(dates.find_dates(text, timeout=None, within=whole)) == list(
        dates.find_dates(text, timeout=None)
    )


@given(
    st.lists(st.tuples(st.integers(0, 40), st.integers(1, 6)), max_size=6),
    st.integers(0, 50),
    st.integers(0, 10),
)
def test_overlap_test_is_the_plain_one(
    pieces: list[tuple[int, int]], start: int, length: int
) -> None:
    spans: list[tuple[int, int]] = []
    at = 0
    for gap, size in pieces:
        spans.append((at + gap, at + gap + size))
        at += gap + size
    end = start + length
    plain = any(a < end and start < b for a, b in spans)
    assert dates.overlaps_any(spans)(start, end) == plain
