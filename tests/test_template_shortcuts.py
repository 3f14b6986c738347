"""The shortcuts of the template filter give what the plain computations give."""

from __future__ import annotations

import bisect
import string
import sys
from collections.abc import Iterable

import regex
from hypothesis import given
from hypothesis import strategies as st

from newsclean._patterns import literal_pattern, literal_starts
from newsclean.filters import templates as tp
from newsclean.pipeline import Draft

#: pieces of prose and of code, so that a line holds few of the marks
CODE_PIECES = [
    "ab",
    "Zz",
    "0",
    " ",
    "\t",
    "\u00a0",
    "\x1c",
    "-",
    ">",
    "<",
    "(",
    ")",
    "=",
    ";",
    "{",
    "}",
    "a->b",
    "f()",
    "f(x);",
    "f(x) {",
    "x;",
    "x {",
    "} else",
    "x == y",
    "a != b",
    "a && b",
    "a || b",
    "a += 1",
    "a := 1",
    "a => b",
    "console.log",
    "print(x)",
    "printf(x)",
    "<b>",
    "</div>",
    "    ",
    "$ ",
    "# ",
    "> ",
    "% ",
    ">>> ",
    "def f",
    "class A:",
    "import os",
    "from a import b",
    "return",
    "var x =",
    "let y =",
    "const z =",
    "function f(",
    "public x",
    "private y",
    "static z",
    "if (",
    "for (",
    "while (",
    "#include",
    "<?php",
]
CODE_LINES = st.lists(st.sampled_from(CODE_PIECES), max_size=4).map("".join)


def test_every_pattern_space_is_a_str_space() -> None:
    spaces = (chr(c) for c in range(sys.maxunicode + 1))
    assert all(c.isspace() for c in spaces if regex.match(r"\s", c))


@given(CODE_LINES)
def test_code_signal_needs_its_marks(line: str) -> None:
    if tp._CODE_LINE_RE.search(line):
        assert tp._may_hold_code_signal(line)


def test_code_signal_needs_its_marks_in_every_piece() -> None:
    for piece in CODE_PIECES:
        for line in (piece, "x " + piece, "  " + piece, piece + " y"):
            if tp._CODE_LINE_RE.search(line):
                assert tp._may_hold_code_signal(line), line


ALL_KEYWORDS = sorted({k for p in tp.leftover_patterns(tp.LANGUAGES).anywhere for k in p.keywords})
KEYWORD_TEXTS = st.lists(
    st.sampled_from(
        ["ab", "ca", "nto", "ü", "ß", "İ", "ẞ", "K", "\n", " ", "x", *ALL_KEYWORDS[::3]]
    ),
    max_size=12,
).map("".join)
KEYWORD_SETS = st.frozensets(st.text(alphabet="abcnotüßx", max_size=6), max_size=6)


def _plain_keyword_scan(
    ctx: tp._Context, keywords: frozenset[str]
) -> tuple[set[str], dict[int, set[str]]]:
    """Every keyword at every position of the folded text, with the block it starts in."""
    folded, starts = ctx._fold()
    present = {""} & keywords
    hits: dict[int, set[str]] = {}
    for keyword in keywords - {""}:
        for at in range(len(folded)):
            if folded.startswith(keyword, at):
                present.add(keyword)
                index = bisect.bisect_right(starts, at) - 1
                if index >= 0:
                    hits.setdefault(index, set()).add(keyword)
    return present, hits


@st.composite
def keywords_and_text(draw: st.DrawFn) -> tuple[frozenset[str], str]:
    """A keyword set and a text made of its keywords, their pieces and other characters."""
    keywords = draw(KEYWORD_SETS)
    pieces = sorted(keywords) + [k[i:] for k in sorted(keywords) for i in range(1, len(k))]
    parts = st.sampled_from([*pieces, "a", "ß", "İ", "\n", " "]) if pieces else KEYWORD_TEXTS
    return keywords, "".join(draw(st.lists(parts, max_size=10)))


@given(keywords_and_text())
def test_anchored_keyword_scan_is_the_plain_search(case: tuple[frozenset[str], str]) -> None:
    keywords, text = case
    phrases = (tp._Anywhere("en", tp._TOKEN_RE, keywords),)  # the pattern is not used
    ctx = tp._Context(Draft.of(text))
    present = ctx._scan_keywords(phrases)
    assert (set(present), ctx._keyword_hits) == _plain_keyword_scan(ctx, keywords)


@given(KEYWORD_TEXTS)
def test_anchored_scan_of_the_leftover_keywords_is_the_plain_search(text: str) -> None:
    phrases = tp.leftover_patterns(tp.LANGUAGES).anywhere
    ctx = tp._Context(Draft.of(text))
    present = ctx._scan_keywords(phrases)
    keywords = frozenset(k for p in phrases for k in p.keywords)
    assert (set(present), ctx._keyword_hits) == _plain_keyword_scan(ctx, keywords)


def test_letters_lower_as_the_pattern_ignores_case() -> None:
    """What ``_programming_matches`` relies on: a character the pattern takes for an ASCII
    letter lower-cases to that letter, save "ſ" and "İ", the only character whose lower case
    is longer; no other character lower-cases to an ASCII letter."""
    letter = regex.compile(r"(?i)[a-z]")
    word = regex.compile(r"\w")
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        lowered = char.lower()
        assert len(lowered) == 1 or char == "İ", char
        if letter.fullmatch(char):
            assert lowered.replace("ſ", "s") in string.ascii_lowercase or char == "İ", char
        elif not word.match(char):
            assert not any("a" <= c <= "z" for c in lowered), char


def _spellings(term: str) -> list[str]:
    """A programming term written out: with and without its optional letter, in three cases."""
    plain = term.replace("\\", "")
    if "?" in plain:
        at = plain.index("?")
        forms = [plain[:at] + plain[at + 1 :], plain[: at - 1] + plain[at + 1 :]]
    else:
        forms = [plain]
    return [f(x) for x in forms for f in (str.lower, str.upper, str.title)]


SPELLINGS = sorted({s for t in tp._PROGRAMMING_TERMS for s in _spellings(t)})
PROGRAMMING_TEXTS = st.lists(
    st.sampled_from(
        [*SPELLINGS, " ", "\n", "/", ".", "-", "x", "é", "ß", "İ", "ſ", "K", "\t", "s", "2", ".a"]
    ),
    max_size=10,
).map("".join)


def _spans(matches: Iterable[regex.Match[str]]) -> list[tuple[int, int]]:
    return [m.span() for m in matches]


@given(PROGRAMMING_TEXTS)
def test_programming_matches_are_the_pattern_s(text: str) -> None:
    assert _spans(tp._programming_matches(text, None)) == _spans(tp._PROGRAMMING_RE.finditer(text))


def test_every_programming_term_is_found() -> None:
    for spelling in SPELLINGS:
        for text in (spelling, f"We use {spelling} here.", f"({spelling})"):
            expected = _spans(tp._PROGRAMMING_RE.finditer(text))
            assert _spans(tp._programming_matches(text, None)) == expected, text


FIRST_WORDS = sorted(tp.leftover_patterns(tp.LANGUAGES).first_words)
LINE_TEXTS = st.lists(
    st.lists(
        st.sampled_from([*FIRST_WORDS[::4], "Here", "ÜBER", "ß", "İ", " ", "\t", "*", "x", "1"]),
        max_size=4,
    ).map("".join),
    max_size=6,
).map("\n".join)


@given(LINE_TEXTS)
def test_blocks_starting_with_is_the_scan_of_the_whole_text(text: str) -> None:
    words = frozenset(FIRST_WORDS)
    ctx = tp._Context(Draft.of(text))
    folded, starts = ctx._fold()
    pattern = literal_pattern(words, line_start=True)
    plain = [bisect.bisect_right(starts, at) - 1 for at, _ in literal_starts(pattern, folded)]
    assert ctx.blocks_starting_with(words) == plain


LOREM_PATTERN = dict(tp._FILLER)["lorem"]
#: the lorem words in mixed case, with the letters that only case folding pairs with them
LOREM_PIECES = ["lorem", "LOREM", "ipsum", "IPSUM", "dolor", "sit", "SIT", "amet", "AMET", "Amet"]
LOREM_PIECES += ["consectetur", "adipiscing", "ADIPIScING", "sed", "ſed", "do", "eiusmod"]
LOREM_PIECES += ["EIUSMOD", "\u212a", "\u0130", "\u0131", " ", "  ", "\n", ".", "x"]


@given(st.lists(st.sampled_from(LOREM_PIECES), max_size=14))
def test_lorem_cue_is_in_every_lorem_match(pieces: list[str]) -> None:
    text = "".join(pieces)
    for m in LOREM_PATTERN.finditer(text):
        assert tp._LOREM_CUE_RE.search(m.group()) is not None


def test_lorem_ipsum_in_capitals_is_filler() -> None:
    found = tp.FlagTemplates().apply(
        Draft.of("Intro line here.\nLOREM IPSUM DOLOR SIT AMET.\nSED DO EIUSMOD TEMPOR.\n")
    )
    tokens = [f.evidence["token"] for f in found.flags]
    assert tokens == ["LOREM IPSUM DOLOR SIT AMET", "SED DO EIUSMOD"]


@given(st.lists(st.sampled_from([*LOREM_PIECES, "ADİPISCING", "ß", "ﬅ", "Ⅰ"]), max_size=14))
def test_lorem_cue_blocks_hold_every_lorem_match(pieces: list[str]) -> None:
    draft = Draft.of("".join(pieces))
    found = tp._Context(draft).blocks_with_lorem_cue()
    for block in draft.blocks:
        if LOREM_PATTERN.search(block.text) is not None:
            assert block.index in found
