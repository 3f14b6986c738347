"""A question at the text's edge offering the asker more work on the text: an offering head,
a verb of making or changing a text and a word for a text or a version of one.

Every text here is invented for the test; the rule is checked in the eight languages, beside
near misses (a columnist's questions to readers about the topic, a question of a "variant" of
a virus), on both paths, through the voice pre-gate and on a worst-case line."""

from __future__ import annotations

import time

import pytest
from tests.voice_checks import EDGE as LAST
from tests.voice_checks import TABLE, assert_the_gate_passes
from tests.voice_checks import voice_kinds as kinds

from newsclean.filters import shapes

OFFERS = [
    "Shall I put together a punchier variant for the evening bulletin?",
    "Should I adapt the tone for a younger audience?",
    "Sollte ich eine knappere Übersetzung ins Englische anfertigen?",
    "Dois-je préparer une traduction pour le site anglophone ?",
    "¿Prefieres que redacte una alternativa con otro tono?",
    "Devo preparare una variante più breve per la radio?",
    "Moet ik een alternatief met een andere toon schrijven?",
    "Czy powinienem przygotować tłumaczenie na angielski?",
    "Deseja que eu adapte o tom para as redes sociais?",
]


@pytest.mark.parametrize("text", OFFERS)
def test_an_offer_of_more_work_is_a_leftover(text: str) -> None:
    assert "voice" in kinds(text)


NEAR = [
    "Should I write to my MP about the new bus timetable?",
    "Should we trust the headline figures at all?",
    "Shall I compare thee to a summer's day?",
    "Soll ich mich über diese Variante des Virus wirklich aufregen?",
    "Dois-je vraiment croire ce que disent les sondages ?",
    "¿Debo resignarme a pagar más por el alquiler?",
    "Devo davvero rinunciare alle vacanze quest'anno?",
    "Moet ik mijn auto nu echt wegdoen?",
    "Czy mam się bać nowego wariantu wirusa?",
]


@pytest.mark.parametrize("text", NEAR)
def test_a_columnists_question_is_no_offer(text: str) -> None:
    assert "voice" not in kinds(text)


@pytest.mark.parametrize("text", OFFERS + NEAR)
def test_gated_and_plain_agree(text: str) -> None:
    assert kinds(text) == kinds(text, plain=True)


def test_the_voice_gate_passes_every_offer() -> None:
    assert_the_gate_passes(OFFERS)


def test_a_worst_line_is_bounded() -> None:
    line = ("shall I should I variant make " * 200)[:4_990] + "?"
    started = time.process_time()
    for _ in shapes.line_hits(line, TABLE, LAST, timeout=5.0):
        pass
    assert time.process_time() - started < 5.0
