"""Shortcuts of the fact checks give what the plain computations give."""

from __future__ import annotations

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from newsclean._patterns import finditer
from newsclean.filters.facts import filters as ff
from newsclean.filters.facts.headline import TOKEN_RE
from newsclean.filters.facts.kb import fold
from newsclean.filters.facts.scan import lowered, word_starts
from newsclean.pipeline import split_blocks


def _plain_fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.replace("’", "'").replace("‘", "'").replace("‐", "-").replace("–", "-")
    text = text.replace("ı", "i").replace("ł", "l").replace("ø", "o").replace("đ", "d")
    return " ".join(text.casefold().split())


@given(st.text(alphabet=st.characters(max_codepoint=127), max_size=30))
def test_ascii_fold_is_the_plain_fold(text: str) -> None:
    assert fold(text) == _plain_fold(text)


@given(st.text(alphabet="aZ1 'ß’-\u2010\u0301\u00a0İ.ł\n", max_size=30))
def test_fold_is_the_plain_fold(text: str) -> None:
    assert fold(text) == _plain_fold(text)


# letters, digits, marks (not word characters here), joiners and what separates words
WORDY = st.text(alphabet="aZ19 '’-\u2010\u0301\n.ß中²_", max_size=40)


@given(WORDY, st.integers(min_value=0, max_value=8))
def test_enough_words_counts_as_the_word_pattern_does(text: str, wanted: int) -> None:
    blocks = list(split_blocks(text))
    joined = "\n".join(b.text for b in blocks)
    count = sum(1 for _ in finditer(TOKEN_RE, joined))
    assert ff._enough_words(blocks, wanted, None) == (count >= wanted)


def _plain_word_starts(text: str, lo: int, hi: int) -> list[int]:
    return [
        i
        for i in range(max(0, lo), min(hi, len(text) - 1) + 1)
        if text[i].isalnum() and (i == 0 or not text[i - 1].isalnum())
    ]


@given(WORDY, st.integers(min_value=-3, max_value=45), st.integers(min_value=-3, max_value=45))
def test_word_starts_are_the_plain_ones(text: str, lo: int, hi: int) -> None:
    assert list(word_starts(text, lo, hi)) == _plain_word_starts(text, lo, hi)


@given(st.text(alphabet=st.characters(max_codepoint=127), max_size=30))
def test_ascii_case_folding_is_lowering(text: str) -> None:
    assert text.casefold() == text.lower() == lowered(text)
