"""The fast paths of the fact checks find what the plain scans find."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from newsclean._patterns import alternation, literal_pattern, literal_starts, match
from newsclean.filters.facts import dates
from newsclean.filters.facts import mentions as mn
from newsclean.filters.facts.kb import load_kb
from newsclean.filters.facts.scan import find_words, scan

GAZ = mn.gazetteer(load_kb())
TRIGGERS = list(GAZ.triggers)

PIECES = st.sampled_from(
    [" ", "  ", ", ", ".", "-", "'s", "\n", "x", "ß", "İ", "Ä", "2022", "12", "3.", "(", ")"]
)


def _texts(words: list[str]) -> st.SearchStrategy[str]:
    cased = st.sampled_from(words).flatmap(
        lambda w: st.sampled_from([w, w.upper(), w.title(), "ab" + w, w[:-1]])
    )
    return st.lists(st.one_of(cased, PIECES), max_size=30).map("".join)


def _find_words_plainly(words: list[str], text: str) -> list[tuple[int, int]]:
    low = text.lower()
    if len(low) != len(text):
        low = "".join(c.lower()[:1] for c in text)
    out = []
    for w in words:
        i = low.find(w)
        while i != -1:
            if i == 0 or not low[i - 1].isalpha():
                out.append((i, i + len(w)))
            i = low.find(w, i + 1)
    return sorted(out)


@given(_texts(TRIGGERS))
def test_find_words_equals_one_search_per_word(text: str) -> None:
    assert find_words(TRIGGERS, text) == _find_words_plainly(TRIGGERS, text)


@given(st.lists(st.text("abc", min_size=1, max_size=4), min_size=1, max_size=8), st.text("abc"))
def test_literal_starts_finds_the_longest_literal_at_every_position(
    words: list[str], text: str
) -> None:
    found = dict(literal_starts(literal_pattern(frozenset(words)), text))
    for i in range(len(text)):
        here = [w for w in words if text.startswith(w, i)]
        assert found.get(i) == (i + max(map(len, here)) if here else None)


def test_alternation_is_a_trie() -> None:
    assert alternation(["mar", "march", "may"]) == "m(?:a(?:r(?:ch)?|y))"


DATE_WORDS = [*dates.WEEKDAYS, *dates.MONTHS, "Mr", "the", "de", "of", "Sept.", "2019-05-30"]


@given(_texts(DATE_WORDS))
def test_date_windows_skipped_hold_no_date(text: str) -> None:
    anchors = dates.date_anchors(text, None)
    options = {"before": 40, "after": 30, "timeout": None}
    every = [(m.span(), at) for m, at in scan(dates.DATE_RE, anchors, text, **options)]
    may_match = dates._may_hold_date(text, None)
    kept = [
        (m.span(), at)
        for m, at in scan(dates.DATE_RE, anchors, text, may_match=may_match, **options)
    ]
    assert kept == every


NAME_PARTS = ["Joe", "Biden", "van", "der", "J.", "al-Assad", "NATO", "met", "Jean-Yves", "Le"]


@given(_texts([*NAME_PARTS, "President", "Foreign Minister", "former", "the"]))
def test_name_outline_holds_wherever_a_name_first_mention_starts(text: str) -> None:
    for pos in range(len(text)):
        if match(GAZ.name_first, text, pos=pos) is not None:
            assert match(mn.NAME_OUTLINE, text, pos=pos) is not None


def test_literal_patterns_stay_linear_on_their_worst_inputs() -> None:
    """Literal tries run without a timeout: their work per position is bounded by the longest
    literal, so near-misses at every position and a long line with no lower-case letter (the
    line-start variant scans it once) stay linear."""
    import time

    words = frozenset(TRIGGERS)
    longest = max(TRIGGERS, key=len)
    cases = [
        (literal_pattern(words), (longest[:-1] + " ") * (200_000 // len(longest))),
        (literal_pattern(words, after_lowercase=False), longest[:-1] * (200_000 // len(longest))),
        (literal_pattern(frozenset({"here is", "rewritten"}), line_start=True), "X" * 200_000),
        (literal_pattern(frozenset({"here is"}), line_start=True), "HERE IX\n" * 25_000),
    ]
    for pattern, text in cases:
        started = time.process_time()
        list(literal_starts(pattern, text))
        small = time.process_time() - started
        started = time.process_time()
        list(literal_starts(pattern, text * 4))
        large = time.process_time() - started
        # four times the text costs about four times as much (generous for timer noise)
        assert large <= 12 * max(small, 0.01), (pattern.pattern[:40], small, large)


def test_word_splitter_stays_linear_on_its_worst_inputs() -> None:
    """The standard-library word splitter runs without a timeout: separators that do not lead on
    to a word, and words joined by every separator, stay linear."""
    import time

    from newsclean._patterns import words

    cases = ["a" * 200_000, "a." * 100_000, "a.'-" * 50_000, "'’.-" * 50_000, "ab " * 70_000]
    for text in cases:
        started = time.process_time()
        words(text)
        small = time.process_time() - started
        started = time.process_time()
        words(text * 4)
        large = time.process_time() - started
        # four times the text costs about four times as much (generous for timer noise)
        assert large <= 12 * max(small, 0.01), (text[:8], small, large)
