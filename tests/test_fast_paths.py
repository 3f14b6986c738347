"""The fast paths of the structural filters give what the plain versions give."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from rapidfuzz import fuzz, process

from newsclean._patterns import compile_pattern, search, words
from newsclean.filters.boilerplate import (
    AGENCY_LINE_RE,
    BYLINE_RE,
    CAMEL_RE,
    DIGIT_RE,
    EDGE_LEAD_RE,
    EDGE_TRAIL_RE,
    FUZZY_CUTOFF,
    FUZZY_GATE_AFTER,
    MAX_PHRASE_WORDS,
    SEGMENT_RE,
    Catalogue,
    agencies,
    catalogue,
    fuzzy_max_distance,
    has_digit,
    is_agency_line,
    line_key,
    may_be_byline,
    may_split_segments,
    search_camel,
    spelled_line,
)
from newsclean.pipeline import Pipeline, make_filter

#: the plain definition of a word: what ``words()`` finds in one match
PLAIN_WORD_RE = compile_pattern(r"\w+(?:['’.-]\w+)*")

# letters, marks, digits, joiners, spaces and symbols: the characters that decide a word's edges
TEXT = st.text(alphabet="aZ_1 .-'’\u0301é\t!?,ßİ\u00ad\u200b中»©|Łż×÷ªǅ", max_size=40)


@given(TEXT)
def test_words_are_the_plain_pattern_s_words(text: str) -> None:
    assert words(text) == PLAIN_WORD_RE.findall(text)


# characters that are word characters to only one of ``re`` and ``regex`` ("²", "¼", ZWJ, "‿", a
# Cyrillic combining sign), characters beyond the BMP, and some on which both agree
DIFFERING = st.text(alphabet="a1 .-'’²¼\u200d\u203f\u0483\U0001d7d9\U00020000é_", max_size=40)


@given(st.one_of(DIFFERING, st.text(max_size=60)))
def test_words_of_any_text_are_the_plain_pattern_s_words(text: str) -> None:
    assert words(text) == PLAIN_WORD_RE.findall(text)


def test_words_with_a_character_only_regex_counts_as_a_letter() -> None:
    assert words("a\u200db x²") == ["a\u200db", "x"]  # ZWJ joins, "²" is not a word character


def plain_line_key(text: str) -> str:
    folded = text.casefold()
    lead = search(EDGE_LEAD_RE, folded)
    start = lead.end() if lead else 0
    trail = search(EDGE_TRAIL_RE, folded)
    end = trail.start() if trail else len(folded)
    return " ".join(folded[start:end].split()) if start < end else ""


@given(st.one_of(TEXT, st.text(alphabet="aZbByYÄäǅ ", max_size=12)))
def test_spelled_line_from_a_given_casefold_is_the_plain_one(text: str) -> None:
    assert spelled_line(text, 1.0, text.casefold()) == search_camel(text, 1.0).casefold()


@given(TEXT)
def test_line_key_is_the_plain_line_key(text: str) -> None:
    assert line_key(text) == plain_line_key(text)


def test_line_key_with_long_punctuation_runs() -> None:
    for text in ("!" * 40 + "a" + "." * 40, "a" + "." * 40, "." * 40, "Share (12) »"):
        assert line_key(text) == plain_line_key(text)


TABLE = catalogue(("en", "de"))
PHRASE_WORDS = sorted({w for phrase in TABLE.contains for w in phrase})


def plain_contained(words_: tuple[str, ...]) -> str | None:
    """The scan over every run of words: the shortest phrase first, then the leftmost."""
    for size in range(1, min(len(words_), MAX_PHRASE_WORDS) + 1):
        for i in range(len(words_) - size + 1):
            code = TABLE.contains.get(words_[i : i + size])
            if code is not None:
                return code
    return None


@given(st.lists(st.sampled_from([*PHRASE_WORDS, "x", "the"]), max_size=12))
def test_contained_phrase_is_the_plain_scans(words_: list[str]) -> None:
    assert TABLE.contained(tuple(words_)) == plain_contained(tuple(words_))


def test_match_results_are_forgotten_when_the_catalogue_changes() -> None:
    table = Catalogue()
    table.finish()
    assert table.match("Zebra Crossing Weekly") is None
    table.add("Zebra Crossing Weekly", "boilerplate.navigation")
    table.finish()
    assert table.match("Zebra Crossing Weekly") == ("boilerplate.navigation", "catalogue")


@given(st.text(alphabet="a1 .٣²①é", max_size=12))
def test_has_digit_is_the_digit_pattern(text: str) -> None:
    assert has_digit(text) == (search(DIGIT_RE, text) is not None)


# Latin letters of both cases and neither (ª, ß, ĸ), and letters past Latin Extended-A (ǅ, ƀ)
@given(st.text(alphabet="aZbB yY\u0130ÄäǅKéÉªßĸſƀ1", max_size=12))
def test_camel_split_is_the_plain_sub(text: str) -> None:
    assert search_camel(text, 1.0) == CAMEL_RE.sub(" ", text)


@given(st.text(alphabet="aZbByYvVdDpPoOrRiIJ \u0130\u0131Bé.", max_size=12))
def test_byline_prefilter_never_hides_a_byline(text: str) -> None:
    if search(BYLINE_RE, text.strip()) is not None:
        assert may_be_byline(text)


FUZZY_CHOICES = sorted({choice for choices in TABLE.fuzzy.values() for choice in choices})


def plain_fuzzy(key: str) -> str | None:
    """RapidFuzz over every choice of the key's length."""
    choices = TABLE.fuzzy.get(len(key), ())
    best = process.extractOne(
        key, choices, scorer=fuzz.ratio, processor=None, score_cutoff=FUZZY_CUTOFF
    )
    return best[0] if best is not None else None


@st.composite
def near_keys(draw: st.DrawFn) -> str:
    """A fuzzy choice with a few characters inserted, deleted or replaced."""
    key = draw(st.sampled_from(FUZZY_CHOICES))
    for _ in range(draw(st.integers(0, 5))):
        at = draw(st.integers(0, len(key)))
        char = draw(st.sampled_from("ae ist-.ßx"))
        edit = draw(st.sampled_from(("insert", "delete", "replace")))
        if edit == "insert":
            key = key[:at] + char + key[at:]
        else:
            key = key[:at] + (char if edit == "replace" else "") + key[at + 1 :]
    return key


@given(near_keys())
def test_fuzzy_gate_passes_every_key_rapidfuzz_accepts(key: str) -> None:
    gate = TABLE._fuzzy_gate(len(key))
    gated = plain_fuzzy(key) if gate is not None and gate.search(key) else None
    assert gated == plain_fuzzy(key)


def test_fuzzy_max_distance_is_the_cutoff_s() -> None:
    for key_chars in range(8, 41):
        for choice_chars in range(key_chars - 4, key_chars + 5):
            allowed = fuzzy_max_distance(key_chars, choice_chars)
            total = key_chars + choice_chars
            assert allowed == max(
                (
                    d
                    for d in range(total + 1)
                    if 100 * (1 - d / total) >= FUZZY_CUTOFF
                    and d >= abs(key_chars - choice_chars)
                    and (total - d) % 2 == 0
                ),
                default=-1,
            )


#: the boilerplate filter alone, with its gates and on its plain path
STRIP = {
    plain: Pipeline([make_filter("strip_boilerplate", languages=["en", "de"])], plain=plain)
    for plain in (False, True)
}


def _removals(text: str, *, plain: bool) -> list[tuple[str, str]]:
    return [(r.reason, r.rule) for r in STRIP[plain](text).removals]


GATE_WORDS = sorted(
    {w for table in (TABLE.starts, TABLE.contains, TABLE.cues) for phrase in table for w in phrase}
    | {k for k in TABLE.whole if " " not in k}
)
LINE_PARTS = st.sampled_from(
    [
        *GATE_WORDS,
        "x",
        "Die",
        "By",
        "2024",
        "12.03.2024",
        "©",
        "ArticleNext",
        "e-mail",
        " ",
        " - ",
        "|",
    ]
)


# one line for each rule that reads the words
RULE_LINES = [
    "Von Max Muster",
    "Whatsapp Teilen Twittern Pinnen",
    "PC Gamer Newsletter",
    "© 2024 Example News",
    "Photo: Jane Doe © Agency",
    "24. März 2004, 19:49 | Jane Doe",
    "Report (PDF, 1.2 MB)",
    "Nächster Artikel und weitere",
    "Alle Rechte vorbehalten, wir danken",
    "Read more: Ten things to know",
]


@given(
    st.lists(st.one_of(LINE_PARTS, TEXT), max_size=12), st.sampled_from(["", " ", ".", "!", ":"])
)
def test_lines_skipping_the_word_split_match_as_with_it(parts: list[str], end: str) -> None:
    text = " ".join(parts) + end
    assert _removals(text, plain=False) == _removals(text, plain=True)


def test_each_rule_line_matches_as_with_the_word_split() -> None:
    for text in RULE_LINES:
        found = _removals(text, plain=False)
        assert found == _removals(text, plain=True), text
        assert found, text


@given(st.text(alphabet="a -–—|/»›>•·\t\n\u00a0\u2009\u1680\u200bx", max_size=12))
def test_segment_prefilter_is_the_pattern_s_verdict(text: str) -> None:
    assert may_split_segments(text) == (search(SEGMENT_RE, text) is not None)


def test_every_pattern_space_is_a_python_space() -> None:
    spaces = compile_pattern(r"\s").findall("".join(map(chr, range(0x110000))))
    assert spaces
    assert all(space.isspace() for space in spaces)


AGENCY_SPLIT_RE = compile_pattern(r"[/,]")


def plain_is_agency_line(text: str) -> bool:
    stripped = text.strip()
    if search(AGENCY_LINE_RE, stripped) is None:
        return False
    return any(
        part.strip(" ().").casefold() in agencies() for part in AGENCY_SPLIT_RE.split(stripped)
    )


@given(
    st.lists(
        st.sampled_from(
            [
                "dpa",
                "AFP",
                "aja",
                "PAP",
                "lno",
                "Reuters",
                "x",
                "é",
                "1",
                "/",
                ",",
                " ",
                "(",
                ")",
                ".",
            ]
        ),
        max_size=8,
    )
)
def test_agency_line_is_the_plain_check(parts: list[str]) -> None:
    text = "".join(parts)
    assert is_agency_line(text) == plain_is_agency_line(text)


def test_byline_prefilter_keeps_a_byline_the_pattern_finds_through_case_folding() -> None:
    text = "D\u0130 Jane Doe"  # "İ" matches the pattern's "i"
    assert search(BYLINE_RE, text) is not None
    assert may_be_byline(text)


def test_fuzzy_lookups_before_and_after_the_gate_is_built() -> None:
    table = Catalogue(whole=dict(TABLE.whole))
    table.finish()
    key = "share this storyy"
    for _ in range(FUZZY_GATE_AFTER + 2):
        assert table.may_be_fuzzy(key)
    assert table.fuzzy_gates[len(key)] is not None
    assert table.match(key) == ("boilerplate.share", "catalogue_fuzzy")
    assert not table.may_be_fuzzy("zzzzzzzzzzzzzzzzz")
