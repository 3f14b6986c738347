"""The document scanner: the compiled automaton and its pure-Python twin find the same literals,
and the voice gate built on it passes every line ``shapes.may_speak`` passes.

- :class:`~newsclean.scanner.Scanner` with the compiled library (when installed) and with
  ``str.find`` per literal give the same matches and the same lines, on the development pages,
  the examples and generated text: letter case, Unicode that folds to other lengths, overlapping
  literals, a literal's edges.
- ``gates.lines_that_may_speak`` is a superset of the lines ``may_speak`` passes.
"""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.test_voice_fast import _dev_lines

from newsclean._patterns import plain_path
from newsclean.draft import Draft
from newsclean.filters import shapes
from newsclean.filters.templates import gates
from newsclean.filters.templates.data import LANGUAGES
from newsclean.scanner import (
    Need,
    PlainMatcher,
    Scanner,
    compiled_available,
    pack_scanner,
    scanner_name,
    voice_needs,
)
from newsclean.voice import tokens, voice_table

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data" / "boilerplate-dev.jsonl"
TABLE = voice_table(LANGUAGES)
PACK = pack_scanner(LANGUAGES, shapes.SPEAKING_CUES)

needs_compiled = pytest.mark.skipif(not compiled_available(), reason="ahocorasick-rs missing")


def _answers(scanner: Scanner, text: str, plain: bool) -> tuple[object, ...]:
    folded = text.casefold()
    return (scanner.matches(folded, plain=plain), scanner.scan(text, plain=plain).by_line)


def _example_texts() -> list[str]:
    out: list[str] = []
    for path in sorted((ROOT / "examples").rglob("*")):
        if path.suffix == ".jsonl":
            for row in path.read_text(encoding="utf-8").splitlines():
                if row.strip():
                    item = json.loads(row)
                    if isinstance(item, dict) and isinstance(item.get("text"), str):
                        out.append(item["text"])
        elif path.suffix in {".txt", ".md"}:
            out.append(path.read_text(encoding="utf-8"))
    return out


def test_the_plain_matcher_finds_overlapping_occurrences() -> None:
    found = PlainMatcher(["aa", "a", "aab"]).find_matches_as_indexes("aaab", overlapping=True)
    assert sorted(found) == [(0, 0, 2), (0, 1, 3), (1, 0, 1), (1, 1, 2), (1, 2, 3), (2, 1, 4)]


@pytest.mark.parametrize("compiled", [False, True])
def test_modes_case_and_apostrophes(compiled: bool) -> None:
    if compiled and not compiled_available():
        pytest.skip("ahocorasick-rs missing")
    s = Scanner(
        [
            Need.one("word", "know"),
            Need.one("stem", "überarbeit", "stem"),
            Need.one("ending", "text", "ending"),
            Need.one("elided", "l'"),
            Need("pair", (Need.one("", "let").literals[0], Need.one("", "know").literals[0])),
        ],
        compiled=compiled,
    )
    text = (
        "Let me KNOW.\nknowledge\nÜBERARBEITETE Fassung\nNachrichtenTEXT\nl’article\n"
        "unknown\nlet it be"
    )
    got = s.scan(text).by_line
    assert got == {
        0: frozenset({"word", "pair"}),
        2: frozenset({"stem"}),
        3: frozenset({"ending"}),
        4: frozenset({"elided"}),
    }
    assert s.compiled is compiled


def test_lines_fold_to_other_lengths() -> None:
    # "ß" folds to "ss", "İ" to "i" and a combining dot: the lines of the fold still line up
    s = Scanner([Need.one("k", "strasse"), Need.one("i", "istanbul")])
    text = "Die Straße\nİSTANBUL\nMASSE STRASSE"
    for plain in (False, True):
        assert s.scan(text, plain=plain).by_line == {0: frozenset({"k"}), 2: frozenset({"k"})}


_ALPHABET = st.sampled_from(
    [*"aAbBßẞİıſKÅåéÉ  \n'’-.", "ab", "ba", "ss", "\u0307", "ﬁ", "σς", "ΣΑ", "x1"]
)
_LITERALS = st.lists(
    st.tuples(
        st.text(alphabet=st.sampled_from(list("abßsiσ'-")), min_size=1, max_size=4),
        st.sampled_from(["word", "stem", "ending", "part"]),
    ),
    min_size=1,
    max_size=8,
)


@needs_compiled
@settings(max_examples=300, deadline=None)
@given(_LITERALS, st.lists(_ALPHABET, max_size=40))
def test_compiled_and_plain_agree_on_generated_text(
    literals: list[tuple[str, str]], parts: list[str]
) -> None:
    needs = [
        Need.one(f"k{i % 3}", text, mode)  # type: ignore[arg-type]
        for i, (text, mode) in enumerate(literals)
    ]
    needs.append(Need("both", tuple(n.literals[0] for n in needs[:2])))
    compiled, plain = Scanner(needs, compiled=True), Scanner(needs, compiled=False)
    text = "".join(parts)
    assert _answers(compiled, text, plain=False) == _answers(plain, text, plain=False)
    assert _answers(compiled, text, plain=False) == _answers(compiled, text, plain=True)


@needs_compiled
def test_compiled_and_plain_agree_on_the_examples() -> None:
    texts = _example_texts()
    assert texts
    for text in texts:
        assert _answers(PACK, text, plain=False) == _answers(PACK, text, plain=True)


@needs_compiled
@pytest.mark.shared
@pytest.mark.skipif(not SHARED.exists(), reason="../shared is absent")
def test_compiled_and_plain_agree_on_development_pages() -> None:
    rows = [json.loads(line) for line in SHARED.read_text(encoding="utf-8").splitlines()]
    for row in rows[::8]:
        for field in ("extracted_text", "page_text"):
            text = row.get(field) or ""
            assert _answers(PACK, text, plain=False) == _answers(PACK, text, plain=True)


def _speaking_lines(text: str) -> tuple[set[int], set[int]]:
    draft = Draft.of(text)
    gate = gates.lines_that_may_speak(gates.Lines(draft), LANGUAGES)
    with plain_path(False):
        spoken = {b.index for b in draft.blocks if shapes.may_speak(b.text, tokens(b.text), TABLE)}
    return gate, spoken


def test_voice_gate_passes_every_development_form() -> None:
    lines = _dev_lines()
    assert len(lines) > 500
    spoken_total = 0
    for chunk in itertools.batched(lines, 50) if hasattr(itertools, "batched") else [lines]:
        gate, spoken = _speaking_lines("\n".join(line.replace("\n", " ") for line in chunk))
        assert spoken <= gate
        spoken_total += len(spoken)
    assert spoken_total > 300


#: the literals of the voice gate, as material for lines
_VOCAB = sorted(
    {lit.text for need in voice_needs(LANGUAGES, shapes.SPEAKING_CUES) for lit in need.literals}
)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.sampled_from(
                ["Let me know", "I hope this helps", "as an AI language model", "Hier ist der"]
            ),
            st.sampled_from(["the", "Text", "artikel", "überarbeitete", "(Note:", "[", "KI"]),
            st.sampled_from(_VOCAB),
            st.text(max_size=6),
            st.sampled_from([" ", "\n", ", ", "’", "ẞ", "İ"]),
        ),
        max_size=25,
    )
)
def test_voice_gate_is_a_superset_on_generated_text(parts: list[str]) -> None:
    gate, spoken = _speaking_lines(" ".join(parts))
    assert spoken <= gate


def test_the_scanner_names_itself() -> None:
    name = scanner_name()
    assert ("ahocorasick-rs" in name) is compiled_available()
    assert name.startswith("ahocorasick-rs ") is compiled_available()
    assert scanner_name(plain=True).startswith("pure Python")
    assert PACK.compiled is compiled_available()


@needs_compiled
def test_version_names_the_compiled_scanner() -> None:
    import os
    import subprocess
    import sys

    env = {k: v for k, v in os.environ.items() if k != "NEWSCLEAN_PLAIN"}
    out = subprocess.run(
        [sys.executable, "-m", "newsclean.cli", "--version"],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    ).stdout
    assert "scanner: ahocorasick-rs " in out
    assert "plain path (NEWSCLEAN_PLAIN): off" in out


def test_the_speaking_condition_reads_only_its_sections() -> None:
    cues = sorted(shapes.SPEAKING_CUES)
    asked: set[str] = set()
    for bits in itertools.product((False, True), repeat=len(cues)):
        held = {c for c, bit in zip(cues, bits, strict=True) if bit}

        def has(section: str, held: set[str] = held) -> bool:
            asked.add(section)
            return section in held

        shapes.speaking_cues("a (note)", has)
    assert asked == shapes.SPEAKING_CUES


@pytest.mark.parametrize(
    "text",
    [
        # a field label of words no pack lists, at the document's first and last lines
        "Etiquetas clave: ayuntamiento, presupuesto, Valladolid\n"
        + "El pleno aprobó el presupuesto por mayoría el martes por la tarde.",
        "Der Stadtrat hat am Dienstag den Haushalt beschlossen.\n"
        + "Trefwoorden raad: begroting, gemeente, Utrecht",
        # a note's label of any words inside the document
        "The council met on Tuesday.\nP.S.: I kept every figure from the source.\nIt ended late.",
    ],
)
def test_voice_gate_passes_labels_with_no_cue_word(text: str) -> None:
    import newsclean

    def findings(plain: bool) -> list[tuple[str, tuple[int, int]]]:
        art = newsclean.default_pipeline(plain=plain)(text)
        return [(f.code, f.span) for f in art.findings]

    assert findings(False) == findings(True)
    assert any(code == "template.leftover" for code, _ in findings(False))
    draft = Draft.of(text)
    gate = gates.lines_that_may_speak(gates.Lines(draft), LANGUAGES)
    assert {0, len(draft.blocks) - 1} <= gate
