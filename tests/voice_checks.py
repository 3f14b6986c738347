"""What the tests of the assistant-voice rules ask of a line: the kinds of its voice hits, on
the gated or the plain path, and whether the voice pre-gate lets every line of a list through
(a line the gate stops is never looked at by the rules)."""

from __future__ import annotations

from newsclean._patterns import plain_path
from newsclean.draft import Draft
from newsclean.filters import shapes
from newsclean.filters.templates import gates
from newsclean.filters.templates.data import LANGUAGES
from newsclean.voice import tokens, voice_table

TABLE = voice_table(LANGUAGES)
#: the document's last line, at its edge
EDGE = shapes.Place(last=True, edge=True)


def voice_kinds(text: str, place: shapes.Place = EDGE, plain: bool = False) -> list[str]:
    """The kinds of the voice hits in ``text`` standing at ``place``."""
    with plain_path(plain):
        return [h.kind for h in shapes.voice_hits(text, TABLE, place)]


def assert_the_gate_passes(lines: list[str]) -> None:
    """Every line may speak, by itself and through the pre-gate of a document of them all."""
    draft = Draft.of("\n".join(lines))
    gate = gates.lines_that_may_speak(gates.Lines(draft), LANGUAGES)
    for block in draft.blocks:
        assert shapes.may_speak(block.text, tokens(block.text), TABLE)
        assert block.index in gate, block.text
