"""The fast paths of the voice rules agree with their plain twins.

- ``VoiceTable.find`` looks each word's candidate entries up once (kept by the word, and the
  last word list's start positions remembered); ``find_plain`` looks them up on every call.
- ``voice_hits`` skips a line whose words start no entry of the sections its rules need
  (``shapes.may_speak``); the plain path asks every line.
"""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from newsclean._patterns import plain_path
from newsclean.filters import shapes
from newsclean.voice import SECTIONS, tokens, voice_entries, voice_languages, voice_table

TABLE = voice_table(voice_languages())

#: every entry of every section, and some words of ordinary prose, as material for lines
_VOCAB = sorted(
    {
        entry.rstrip("*").lstrip("*")
        for lang in voice_languages()
        for found in voice_entries(lang).values()
        for entry, _ in found
    }
)
_PROSE = ["The", "minister", "said", "on", "Tuesday", "that", "Ich", "habe", "la", "nota", ","]
_PUNCT = [" ", ", ", ": ", ". ", " (", ") ", " — ", "! ", "? ", " **", "\u2019"]

words_of_lines = st.lists(
    st.one_of(st.sampled_from(_VOCAB), st.sampled_from(_PROSE), st.text(max_size=8)),
    min_size=1,
    max_size=14,
)


def _line(parts: list[str], seps: list[str]) -> str:
    out = []
    for i, part in enumerate(parts):
        out.append(part)
        out.append(seps[i % len(seps)] if seps else " ")
    return "".join(out).strip()


@settings(max_examples=300, deadline=None)
@given(
    words_of_lines,
    st.lists(st.sampled_from(_PUNCT), max_size=5),
    st.integers(0, 4),
    st.integers(0, 20),
    st.integers(0, 1),
)
def test_find_agrees_with_find_plain(
    parts: list[str], seps: list[str], lo: int, span: int, gap: int
) -> None:
    words = tokens(_line(parts, seps))
    for section in sorted(SECTIONS - {"first_person_suffixes"}):
        for hi in (None, lo + span):
            fast = TABLE.find(section, words, lo, hi, gap)
            assert fast == TABLE.find_plain(section, words, lo, hi, gap), section
            # asked again of the same list (the remembered positions) and of a copy
            assert TABLE.find(section, words, lo, hi, gap) == fast
            assert TABLE.find(section, list(words), lo, hi, gap) == fast


def _hits(text: str, place: shapes.Place, plain: bool) -> list[tuple[object, ...]]:
    with plain_path(plain):
        return [
            (h.code, h.kind, h.start, h.end, h.whole_line)
            for h in shapes.voice_hits(text, TABLE, place)
        ]


_PLACES = [
    shapes.Place(),
    shapes.Place(first=True, edge=True),
    shapes.Place(last=True, edge=True),
    shapes.Place(edge=True),
]


@settings(max_examples=300, deadline=None)
@given(words_of_lines, st.lists(st.sampled_from(_PUNCT), max_size=5), st.sampled_from(_PLACES))
def test_voice_gate_agrees_with_plain(
    parts: list[str], seps: list[str], place: shapes.Place
) -> None:
    text = _line(parts, seps)
    assert _hits(text, place, plain=False) == _hits(text, place, plain=True)


def _dev_lines() -> list[str]:
    lines: list[str] = []
    for path in sorted((Path(__file__).parent / "data").glob("leftovers_dev*.jsonl")):
        for row in path.read_text(encoding="utf-8").splitlines():
            if row.strip():
                item = json.loads(row)
                lines.append(item["line"])
                if item.get("fragment"):
                    lines.append(item["fragment"])
    return lines


def test_voice_gate_agrees_on_every_development_form() -> None:
    lines = _dev_lines()
    assert len(lines) > 500
    caught = 0
    for text in lines:
        for line in text.split("\n"):
            for place in _PLACES:
                fast = _hits(line, place, plain=False)
                assert fast == _hits(line, place, plain=True), (line, place)
                caught += bool(fast)
    assert caught > 300  # the forms exercise the rules, not only the gate


def test_gate_skips_ordinary_prose() -> None:
    prose = "The minister said on Tuesday that the budget would be approved next month."
    assert not shapes.may_speak(prose, tokens(prose), TABLE)
    preamble = "Here is the rewritten article:"
    assert shapes.may_speak(preamble, tokens(preamble), TABLE)


def test_version_says_how_text_is_scanned() -> None:
    import os
    import subprocess
    import sys

    env = {**os.environ, "NEWSCLEAN_PLAIN": "1"}
    out = subprocess.run(
        [sys.executable, "-c", "from newsclean.cli import main; main(['--version'])"],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    ).stdout
    assert out.startswith("newsclean ")
    assert "scanner: pure Python" in out
    assert "no compiled modules" in out
    assert "plain path (NEWSCLEAN_PLAIN): on" in out
    for library in ("regex", "ftfy", "rapidfuzz"):
        assert f"{library} " in out


@settings(max_examples=500, deadline=None)
@given(
    st.text(
        alphabet=st.one_of(st.sampled_from("aéß'’.-_ 1²¼‿\u200d\nİ"), st.characters(codec="utf-8")),
        max_size=60,
    )
)
def test_tokens_agree_with_tokens_plain(text: str) -> None:
    from newsclean.voice import tokens_plain

    assert tokens(text) == tokens_plain(text)
