"""The cue gates of the structural rules (one pattern of literals per line) against the plain
path's test of each cue in turn: the same hits."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from newsclean._patterns import plain_path
from newsclean.filters import shapes
from newsclean.filters.templates.data import LANGUAGES
from newsclean.voice import voice_table

TABLE = voice_table(LANGUAGES)

_PARTS = st.sampled_from(
    [
        *shapes._VALUE_CUES,
        "TK",
        "XX",
        "XXX",
        "N",
        "00",
        "?",
        "???",
        "2024",
        "20XX",
        "XX.XX.2024",
        "00.00.0000",
        "Price: ",
        "The mayor is ",
        "name: ",
        "value",
        " ",
        ", ",
        ": ",
        "nul",
        "Nul",
        "#",
        "é",
        "\n",
    ]
)


def _hits(text: str, plain: bool) -> list[tuple[object, ...]]:
    with plain_path(plain):
        found = [
            *shapes.value_hits(text, TABLE),
            *shapes.journalist_hits(text, None, TABLE, timeout=None),
        ]
    return [
        (h.code, h.kind, h.start, h.end, h.weak, tuple(sorted(h.evidence.items()))) for h in found
    ]


@settings(max_examples=400, deadline=None)
@given(st.lists(_PARTS, max_size=12))
def test_cue_gates_agree_with_plain(parts: list[str]) -> None:
    text = "".join(parts)
    assert _hits(text, plain=False) == _hits(text, plain=True), text


def test_the_gates_let_the_rules_run() -> None:
    # near miss and hit: a line with no cue has no hit; a null where a value belongs has one
    assert _hits("The council met on Tuesday.", plain=False) == []
    assert _hits("Price: NULL", plain=False) == _hits("Price: NULL", plain=True)
    assert _hits("Price: NULL", plain=False)
