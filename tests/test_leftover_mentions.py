"""Values, error texts and capital tokens that a sentence names rather than leaves unfilled:
a null-like value beside a word for a value or a cell, what a screen or a bill showed in
quotation marks, a redaction shown in quotation marks, a doubled letter that stands alone as a
symbol in its line, a token alone in parentheses, a street named after a date, a month that
has its day; one side of a score left unfilled ("None-2"); and template syntaxes (Velocity's
quiet references, FreeMarker's comments, Razor's defaults). Each with lines that are still
found, in several languages, the plain path agreeing, and worst-case lines bounded."""

from __future__ import annotations

import time

import pytest

from newsclean import Pipeline, clean, default_pipeline
from newsclean.filters import shapes
from newsclean.filters.templates.data import LANGUAGES
from newsclean.voice import voice_table

TABLE = voice_table(LANGUAGES)


def _wrap(line: str) -> str:
    return "The council met on Monday evening.\n" + line + "\nThe vote is next week."


def _found(line: str, pipeline: Pipeline | None = None) -> list[tuple[str, str]]:
    text = _wrap(line)
    article = (pipeline or default_pipeline())({"text": text})
    return [
        (f.code, text[f.span[0] : f.span[1]])
        for f in article.findings
        if f.code.startswith("template.")
    ]


NAMED = [
    # a null-like value or an error text beside a word for a value or what holds one
    "Engineers counted hundreds of NaN values in the sensor logs last winter.",
    "Die Forscher fanden in den Messreihen viele Werte NaN und leere Zellen.",
    "Les ingénieurs ont trouvé des relevés NaN dans les archives du réseau.",
    "Los técnicos hallaron celdas NaN en la hoja de cálculo del presupuesto.",
    "Gli esperti hanno trovato valori NaN nei dati delle centraline.",
    "The audit found a #DIV/0! cell in the budget model of the city.",
    # what a screen or a bill showed, quoted with its unit
    'Customers received bills reading "NaN €" after the update, the firm said.',
    "Na ekranie bankomatu pojawił się napis „NaN zł” zamiast salda.",
    "Os clientes viram «NaN R$» no aplicativo durante a manhã.",
    # a redaction shown in quotation marks
    'In the released report the names were blacked out and replaced by "XXXX".',
    "Im Bericht wurden die Namen geschwärzt und durch „XXX“ ersetzt.",
    # a doubled letter where the letter stands alone as a symbol in its line
    "Most women have two X chromosomes, XX, while most men have XY.",
    # a token alone in parentheses: an abbreviation
    "Die Techniker Krankenkasse (TK) erhöht im Januar ihren Zusatzbeitrag.",
    "The college's student union (TK) will vote on the budget next week.",
    # a street or a square named after a date; a month that has its day
    "Via XX Settembre è stata chiusa al traffico per la manifestazione.",
    "La manifestación recorrió la Avenida XX de Noviembre hasta el centro.",
    "Super Bowl XX August 13 was the date printed on the old ticket stub.",
]

STILL_FOUND = [
    ("The suspect, named by police as NaN, appeared in court on Friday.", "NaN"),
    ("Tickets now cost NaN € for adults and less for children.", "NaN"),
    ("Le bilan provisoire fait état de NaN % de participation.", "NaN"),
    ("The spokesman, XX, declined to comment on the investigation.", "XX"),
    ("The hearing has been adjourned until June XX.", "XX"),
    ("Il vertice si terrà il XX settembre a Roma.", "XX"),
    ("Die Sitzung findet am XX. März im Rathaus statt.", "XX"),
    ("El acto será el XX de mayo en la plaza mayor.", "XX"),
    ("The new hospital will employ XXX nurses and doctors from next year.", "XXX"),
    ("The firm will cut roughly XX jobs, or about X% of its staff, by spring.", "XX"),
    # one side of a score or a result
    ("De wedstrijd eindigde in None-2, meldt de club.", "None"),
    ("Bayern gewann das Hinspiel 3:undefined gegen Porto.", "undefined"),
    ("La partita è finita NaN-1 dopo i supplementari.", "NaN"),
]

#: a number word of a language beside a score's dash is the score itself
SCORES_OF_WORDS = [
    "England won 2-nil at Wembley on Saturday night.",
    "Das Spiel endete Null-2 aus Sicht der Gäste.",
    "The release None-2016 was withdrawn, the band said.",
]


@pytest.mark.parametrize("line", NAMED + SCORES_OF_WORDS)
def test_a_named_value_or_token_is_no_leftover(line: str) -> None:
    assert _found(line) == []


@pytest.mark.parametrize(("line", "token"), STILL_FOUND)
def test_an_unfilled_value_or_token_is_still_found(line: str, token: str) -> None:
    assert any(token in span for _, span in _found(line)), _found(line)


@pytest.mark.parametrize("line", NAMED + [line for line, _ in STILL_FOUND])
def test_plain_and_fast_agree(line: str) -> None:
    assert _found(line) == _found(line, Pipeline(default_pipeline(), plain=True))


WORST = {
    "value_nouns": ("NaN values " * 500)[:4_990],
    "quoted_units": ('"NaN €" «NaN zł» ' * 300)[:4_990],
    "lone_letters": ("X XX (XX) X " * 450)[:4_990],
    "months": ("Via XX Settembre 13 " * 250)[:4_990],
    "scores": ("None-2 3:undefined 2-nil " * 200)[:4_990],
}


@pytest.mark.parametrize("name", list(WORST))
def test_worst_lines_are_bounded(name: str) -> None:
    started = time.process_time()  # CPU time: bounds the work, whatever the machine's load
    clean(WORST[name])
    list(shapes.value_hits(WORST[name], TABLE, timeout=5.0))
    assert time.process_time() - started < 5.0


# ---------------------------------------------------------------------------------------------
# template syntaxes: Velocity's quiet references, FreeMarker's comments, Razor's defaults


@pytest.mark.parametrize(
    "line",
    [
        "The company's chief executive, $!ceo.name, said profits were stable.",
        "Der Vorstandschef $!{firma.chef} wollte sich nicht äußern.",
        "<#-- headline goes here -->",
        "Le maire <#-- nom du maire --> a inauguré la piscine.",
        'De directeur van @(Model.Bedrijf ?? "het bedrijf") reageerde niet.',
        "El alcalde de @(Model.Ciudad ?? Model.Region) habló ayer.",
    ],
)
def test_template_syntaxes_are_found(line: str) -> None:
    assert any(code == "template.token" for code, _ in _found(line)), _found(line)


@pytest.mark.parametrize(
    "line",
    [
        "Prices rose by a third in a year, $! Wow, said one shopper.",
        'He shouted "$!#%" at the referee and was sent off.',
        "Email me @(home) tomorrow, the coach wrote.",
        "The score was 3 <# 4 on the old scale.",
    ],
)
def test_template_syntax_near_misses(line: str) -> None:
    assert _found(line) == []


@pytest.mark.parametrize(
    "text",
    [
        ("$!a.b $!{ " * 500)[:4_990],
        ("<#-- " * 1000)[:4_990],
        ("@(Model.A ?? " * 400)[:4_990],
    ],
)
def test_template_syntax_worst_lines_are_bounded(text: str) -> None:
    started = time.process_time()
    list(shapes.placeholder_hits(text, timeout=5.0))
    clean(text)
    assert time.process_time() - started < 5.0
