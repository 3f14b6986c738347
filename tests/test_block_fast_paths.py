"""The shortcuts of the structural rules give what the plain computations give."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from newsclean._offsets import TextEdit
from newsclean._patterns import words
from newsclean.filters import blocks as bl
from newsclean.filters._shared import looks_like_headline
from newsclean.pipeline import Draft, split_blocks

LINES = st.text(alphabet="aZ1 .…*\t\u0085\u00a0-|:", max_size=12)
TEXTS = st.lists(LINES, max_size=8).map("\n".join)


def _plain_blank(draft: Draft, index: int) -> bool:
    text = draft.blocks[index].text
    if len(text) <= bl.MAX_SHORT_CHARS and not any(c.isalnum() for c in text):
        return True
    start, end = draft.original_span(draft.blocks[index].span)
    return not draft.original[start:end].strip()


def _normalized(text: str) -> Draft:
    """A draft whose next-line characters became "…", as normalization does."""
    draft = Draft(text)
    edits = [TextEdit(i, i + 1, "…", "test") for i, c in enumerate(text) if c == "\u0085"]
    draft.text, draft.offsets = draft.offsets.then(text, edits)
    draft.blocks = split_blocks(draft.text)
    return draft


@given(TEXTS)
def test_blank_in_original_is_the_plain_check(text: str) -> None:
    for draft in (Draft.of(text), _normalized(text)):
        for b in draft.blocks:
            assert bl.blank_in_original(draft, b.index) == _plain_blank(draft, b.index)


@given(TEXTS)
def test_block_features_are_the_line_s_features(text: str) -> None:
    draft = Draft.of(text)
    stops = bl.stopwords("en")
    for _ in range(2):  # computed, then remembered
        for b in draft.blocks:
            assert bl.block_features(draft, b.index, stops) == bl.features(b.text, stops)
            assert bl.draft_folded_words(draft, b.text) == [
                w.casefold() for w in bl.line_words(b.text)
            ]


@given(st.text(alphabet="aZ1 .-'’\u0301éßİ\t!?,\u00ad中ǅ", max_size=40))
def test_folded_words_are_the_words_case_folded(text: str) -> None:
    assert bl.folded_line_words(text) == [w.casefold() for w in bl.line_words(text)]


@given(st.text(alphabet=st.characters(max_codepoint=127), max_size=40))
def test_ascii_folded_words_are_the_words_case_folded(text: str) -> None:
    assert bl.folded_line_words(text) == [w.casefold() for w in bl.line_words(text)]


@given(st.text(alphabet="aZ1 .-'’\u0301éßİ\t!?,\u00ad中ǅ:«", max_size=60))
def test_headline_check_with_the_features_word_count(text: str) -> None:
    draft = Draft.of(text)
    for b in draft.blocks:
        n_words = bl.block_features(draft, b.index, None).words
        assert n_words == len(words(b.text.strip()))
        for max_words in (3, 30):
            assert looks_like_headline(
                b.text.strip(), max_words=max_words, n_words=n_words
            ) == looks_like_headline(b.text.strip(), max_words=max_words)


def _plain_features(text: str, stops: frozenset[str] | None) -> bl.Features:
    stripped = text.strip()
    found = words(stripped[:5000])
    n = len(found)
    density = -1.0
    if stops is not None and n:
        density = sum(w.casefold() in stops for w in found) / n
    tail = stripped.rstrip(bl.CLOSERS)
    return bl.Features(
        chars=len(stripped),
        words=n if len(stripped) <= 5000 else max(n, len(stripped) // 6),
        stop_density=density,
        sentence_end=bool(tail) and tail[-1] in bl.SENTENCE_END,
        bullet=stripped.startswith(bl.BULLETS),
        separators=stripped.count("|") + stripped.count("•") + stripped.count("·"),
        label=stripped.endswith(":"),
        letters=bl.letter_share(stripped[:500]),
    )


@given(st.text(alphabet="aZ1 .-'’\u0301éßİ\t!?,\u00ad中ǅ:|•·»)\"", max_size=60))
def test_features_are_the_plain_features(text: str) -> None:
    for stops in (None, bl.stopwords("en"), bl.stopwords("de")):
        assert bl.features(text, stops) == _plain_features(text, stops)
