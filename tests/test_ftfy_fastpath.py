"""The ftfy fast path changes nothing: FixEncoding's output equals ftfy applied to every line."""

from __future__ import annotations

import json
import os
from pathlib import Path

import ftfy
import pytest
from ftfy import badness
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from newsclean._offsets import apply_edits
from newsclean.filters.normalize import (
    FixEncoding,
    ftfy_config,
    ftfy_line,
    ftfy_unchanged,
    is_bad,
)
from newsclean.pipeline import Draft

ROOT = Path(__file__).resolve().parents[1]
# ../shared beside the repository (or beside the folder of worktrees), or NEWSCLEAN_SHARED
_SHARED = [
    Path(os.environ.get("NEWSCLEAN_SHARED", ROOT.parent / "shared")),
    ROOT.parents[1] / "shared",
]
DEV = next((p for p in _SHARED if p.is_dir()), _SHARED[0]) / "data" / "boilerplate-dev.jsonl"
LINE_BREAKS = str.maketrans(
    {"\r": "\n", "\x0b": "\n", "\x0c": "\n", "\x85": "\n", "\u2028": "\n", "\u2029": "\n"}
)


def filtered(text: str, normalization: str | None = "NFC") -> str:
    f = FixEncoding(normalization=normalization)  # type: ignore[arg-type]
    return apply_edits(text, f.apply(Draft(text)).edits)


def reference(text: str, normalization: str | None = "NFC") -> str:
    config = ftfy_config(normalization)  # type: ignore[arg-type]
    # as the filter does: an encoded line break ("&#10;") must not split the line
    return "\n".join(
        ftfy_line(line, config).replace("\n", " ") if line else line for line in text.split("\n")
    )


def check(text: str) -> None:
    text = text.translate(LINE_BREAKS)
    for line in text.split("\n"):
        assert is_bad(line) == badness.is_bad(line), ascii(line)
    for norm in ("NFC", None):
        assert filtered(text, norm) == reference(text, norm)
        for line in text.split("\n"):
            if ftfy_unchanged(line, norm):  # the claim the fast path rests on
                assert ftfy_line(line, ftfy_config(norm)) == line, ascii(line)  # type: ignore[arg-type]


# letters of many scripts, punctuation, symbols, marks, controls and the mojibake-prone ranges
ALPHABET = st.one_of(
    st.characters(codec="utf-8"),
    st.sampled_from(
        "aeiou AÄÖÜäöüßéèàçñøåœŒ€£¥©®™°±²³µ×÷–—‘’‚“”„†‡•…‰‹›«»¡¿¦¤¨¬¯¸ƒˆ˜"
        "ВГРСвЂўЁЯабвгдеёжз ΑΒΓΞΟαβγ€ ØÙĀāĂ ─│┌┐ ﬁﬂĳ \u00a0\u00ad\u0301\u0308\u200b\ufeff&<>;#"
    ),
    st.sampled_from([chr(c) for c in range(0x80, 0xA0)] + ["\x1b", "\x00", "\x7f", "\ud800"]),
)


def mojibake(text: str, encoding: str) -> str:
    return text.encode("utf-8", "surrogatepass").decode(encoding, "replace")


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(ALPHABET, max_size=80))
@example("Grüße aus Köln, „schön“ – 5 €")
@example("Ã  la carte")
@example("x\nÃ tout")
@example("caf\u0065\u0301 &amp; cr\u00e8me")
@example("AT&T &c. &nbsp &NTILDE; &Eacute; &#x41; &#65; &#10; line")
@example("ГўВЂВњHello ГўВЂВќ x")
@example("Das ist sch\u00c3\u00b6n – „gut“ und © 2024 ™")
def test_generated_text(text: str) -> None:
    check(text)


@settings(max_examples=300, deadline=None)
@given(
    st.text(ALPHABET, max_size=60),
    st.sampled_from(["latin-1", "cp1252", "cp1251", "mac_roman", "cp1253", "cp1257"]),
    st.integers(1, 2),
)
def test_mojibake(text: str, encoding: str, rounds: int) -> None:
    for _ in range(rounds):
        text = mojibake(text, encoding)
    check(text)
    check("Le café est " + text + " très bon.\nZweite Zeile „" + text + "“")


def test_known_mojibake_is_repaired() -> None:
    assert filtered("Das ist schÃ¶n") == "Das ist schön"
    assert filtered("voilÃ  tout") == ftfy.fix_text("voilÃ  tout", ftfy_config())


@pytest.mark.shared
@pytest.mark.skipif(not DEV.exists(), reason="needs ../shared/data/boilerplate-dev.jsonl")
def test_every_dev_line() -> None:
    with DEV.open(encoding="utf-8") as fh:
        for raw in fh:
            record = json.loads(raw)
            for field in ("extracted_text", "page_text"):
                text = record.get(field) or ""
                text = text.replace("\r\n", "\n").translate(LINE_BREAKS)
                assert filtered(text) == reference(text), record["id"]
                for line in text.split("\n"):
                    assert is_bad(line) == badness.is_bad(line), record["id"]


@given(st.text(ALPHABET, max_size=60))
def test_strip_invisible_fast_path_is_the_union(text: str) -> None:
    from newsclean.filters.normalize import (
        _ANY_INVISIBLE_RE,
        CONTROL_RE,
        INVISIBLE_RE,
        SOFT_HYPHEN_RE,
    )

    found = any(p.search(text) for p in (INVISIBLE_RE, SOFT_HYPHEN_RE, CONTROL_RE))
    assert found == (_ANY_INVISIBLE_RE.search(text) is not None)


@given(st.text(st.one_of(ALPHABET, st.sampled_from("\r\n\x0b\x0c\u2028\u2029")), max_size=60))
def test_line_break_fast_path_agrees(text: str) -> None:
    from newsclean.filters.normalize import _ANY_LINE_BREAK_RE, LINE_BREAK_RE

    assert (LINE_BREAK_RE.search(text) is None) == (_ANY_LINE_BREAK_RE.search(text) is None)


SPACES = st.sampled_from(
    [" ", "  ", "\t", "\n", "\n ", " \n", "\u00a0", "\u2009", "\u3000", "a", "b"]
)


@given(st.lists(st.one_of(SPACES, ALPHABET), max_size=40).map("".join))
def test_whitespace_fast_path_is_exact(text: str) -> None:
    from newsclean.filters.normalize import NormalizeWhitespace, needs_whitespace_edits

    edits = NormalizeWhitespace().apply(Draft(text)).edits
    assert needs_whitespace_edits(text) == bool(edits)


@given(st.lists(st.one_of(SPACES, ALPHABET), max_size=60).map("".join))
def test_whitespace_edits_line_by_line_equal_one_pass(text: str) -> None:
    from newsclean.filters.normalize import WHITESPACE_RE, NormalizeWhitespace

    one_pass = []
    for m in WHITESPACE_RE.finditer(text):
        start, end = m.span()
        at_edge = start == 0 or text[start - 1] == "\n" or end == len(text) or text[end] == "\n"
        if text[start:end] != ("" if at_edge else " "):
            one_pass.append((start, end, "" if at_edge else " "))
    edits = NormalizeWhitespace().apply(Draft(text)).edits
    assert [(e.start, e.end, e.replacement) for e in edits] == one_pass
