"""The shortcuts of the template filter give what the plain computations give."""

from __future__ import annotations

import sys

import regex
from hypothesis import given
from hypothesis import strategies as st

from newsclean.filters import templates as tp

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
