"""The template filter's gates change nothing: a plain draft, where every line gets every check,
gives the same proposal as the gated one on text made to trip each gate."""

from __future__ import annotations

import string
import sys

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from newsclean.filters.templates import LANGUAGES, FlagTemplates, leftover_patterns
from newsclean.pipeline import Draft, Proposal

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
#: placeholders, empty values and filler of every kind, strong and weak
TOKEN_PIECES = [
    "{name}",
    "{NAME}",
    "{title}",
    "{{ title }}",
    "{% if x %}",
    "${name}",
    "#{name}",
    "%(name)s",
    "%s",
    "{0}",
    "[[NAME]]",
    "[Company Name]",
    "[Insert quote here]",
    "<NAME>",
    "<<NAME>>",
    "__NAME__",
    "$NAME$",
    "<%= name %>",
    "`{NAME}`",
    "undefined",
    "null",
    "NaN",
    "None",
    "By undefined",
    "Author: None",
    "[object Object]",
    "TODO: ",
    "TBD",
    "[TK]",
    "XXX",
    "$XX",
    "XX%",
    "FIXME",
    "http://x.org/a?b=%s",
    "∈",
    "sets",
]
#: lorem ipsum in mixed case, with the letters only case folding pairs with them
LOREM_PIECES = ["lorem", "LOREM", "ipsum", "IPSUM", "dolor", "sit", "SIT", "amet", "AMET"]
LOREM_PIECES += ["consectetur", "adipiscing", "ADIPIScING", "ADİPISCING", "sed", "ſed", "do"]
LOREM_PIECES += ["eiusmod", "EIUSMOD", "\u212a", "\u0130", "\u0131", "ß", "ﬅ", "Ⅰ"]
#: words of programming articles, in three cases
PROGRAMMING_PIECES = ["python", "JavaScript", "PHP", "printf", "Jinja2", "c++", "C#", "asp.net"]
PROGRAMMING_PIECES += ["placeholder", "Variables", "index.php", "/java/", "ſyntax", "SQL"]
_LEFTOVERS = leftover_patterns(LANGUAGES)
#: the words leftover phrases begin with, and the keywords of those that stand anywhere
LEFTOVER_PIECES = sorted(_LEFTOVERS.first_words)[::5]
LEFTOVER_PIECES += sorted({k for p in _LEFTOVERS.anywhere for k in p.keywords})[::4]
LEFTOVER_PIECES += ["Here is the rewritten article:", "Sure! Here's", "Voici", "ÜBER", "İşte"]
LEFTOVER_PIECES += ["I hope this helps", "rewritten", "Note:", "¡Claro"]
SEPARATORS = [" ", "  ", "\n", "\n", "\n\n", "\t", ".", ",", ":", "*", '"', "“", "x", "1"]

PIECES = [*CODE_PIECES, *TOKEN_PIECES, *LOREM_PIECES, *PROGRAMMING_PIECES, *LEFTOVER_PIECES]
TEXTS = st.lists(st.sampled_from(PIECES + SEPARATORS * 3), max_size=40).map("".join)


def _draft(text: str, *, plain: bool) -> Draft:
    draft = Draft.of(text, plain=plain)
    draft.regex_timeout = None  # on a busy machine a slow scan must not tell the two apart
    return draft


def _both_ways(text: str, **options: object) -> tuple[Proposal, Proposal]:
    flag = FlagTemplates(**options)  # type: ignore[arg-type]
    return flag.apply(_draft(text, plain=False)), flag.apply(_draft(text, plain=True))


@given(TEXTS)
def test_gated_and_plain_proposals_are_the_same(text: str) -> None:
    fast, plain = _both_ways(text)
    assert fast == plain


@given(TEXTS)
def test_gated_and_plain_are_the_same_without_code_context(text: str) -> None:
    fast, plain = _both_ways(text, code_context=False, remove_lines=False)
    assert fast == plain


@settings(max_examples=12)  # each example cleans two lines of 2,000 and 20,000 characters
@given(st.lists(st.sampled_from(PIECES + SEPARATORS), min_size=1, max_size=12).map("".join))
def test_gated_and_plain_are_the_same_on_long_lines(piece: str) -> None:
    """Lines past 2,000 and 20,000 characters are judged by windows and by their ends."""
    for repeat in (2_100 // len(piece) + 1, 21_000 // len(piece) + 1):
        text = "Intro.\n" + (piece.replace("\n", " ") + " ") * repeat + "\n" + piece
        fast, plain = _both_ways(text)
        assert fast == plain


def test_every_piece_is_found_the_same_way_alone_and_in_a_line() -> None:
    for piece in PIECES:
        for text in (piece, f"We saw {piece} here.", f"{piece}\nx = 1;\n{piece}"):
            fast, plain = _both_ways(text)
            assert fast == plain, text


def test_every_pattern_space_is_a_str_space() -> None:
    """The code-signal gate strips leading spaces with ``str.lstrip``."""
    spaces = (chr(c) for c in range(sys.maxunicode + 1))
    assert all(c.isspace() for c in spaces if regex.match(r"\s", c))


def test_letters_lower_as_the_pattern_ignores_case() -> None:
    """What the programming-term gate relies on: a character the pattern takes for an ASCII
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


def test_lorem_ipsum_in_capitals_is_filler() -> None:
    found = FlagTemplates().apply(
        Draft.of("Intro line here.\nLOREM IPSUM DOLOR SIT AMET.\nSED DO EIUSMOD TEMPOR.\n")
    )
    tokens = [f.evidence["token"] for f in found.flags]
    assert tokens == ["LOREM IPSUM DOLOR SIT AMET", "SED DO EIUSMOD"]
