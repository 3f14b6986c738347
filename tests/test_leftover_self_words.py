"""The assistant's words about itself that no pack lists: a kind of software named in words of
its own with a capability denied, the end of what it knows, what is current beyond its reach.

Every text here is invented for the test; each rule is checked in the eight languages, beside
near misses (a person's trade, the third person, a columnist's memory), on both paths (the
voice pre-gate and the plain path find the same), and on worst-case lines."""

from __future__ import annotations

import time

import pytest
from tests.voice_checks import EDGE, TABLE, assert_the_gate_passes
from tests.voice_checks import voice_kinds as kinds

from newsclean.filters import shapes

MIDDLE = shapes.Place()


SOFTWARE_SELF = [
    "Being an automated drafting tool, I am not able to judge the ruling.",
    "As a conversational text system I don't take sides in the election.",
    "Since I'm an AI tool rather than a lawyer, none of this is legal advice.",
    "Als automatisiertes Schreibprogramm kann ich keine Prognose abgeben.",
    "Als KI-Textwerkzeug habe ich keine eigene Meinung zum Urteil.",
    "En tant qu'outil de rédaction automatisé, je ne peux pas juger ce verdict.",
    "Como herramienta de redacción automatizada, no puedo opinar sobre el fallo.",
    "In quanto strumento di scrittura automatico, non posso giudicare la vicenda.",
    "Als digitaal schrijfprogramma kan ik geen oordeel geven over de zaak.",
    "Jako narzędzie oparte na sztucznej inteligencji nie mogę ocenić tej decyzji.",
    "Como ferramenta de redação automatizada, não posso avaliar a decisão.",
    # a cause in place of "as": "since I am …", "da ich … bin", "al ser …"
    "Since I'm a computerised drafting aid, I can't predict the outcome of the vote.",
    "Because I am an automated text helper, I do not have views on the strike.",
    "Da ich ein maschinelles Schreibwerkzeug bin, kann ich das Urteil nicht bewerten.",
    "Puisque je suis un outil de génération de texte, je ne peux pas trancher ce débat.",
    "Al ser una herramienta automática, no puedo valorar la sentencia.",
    "Poiché sono un programma di scrittura automatico, non posso commentare il voto.",
    "Aangezien ik een digitale tekstgenerator ben, kan ik de uitslag niet voorspellen.",
    "Ponieważ jestem wirtualnym asystentem, nie mogę komentować wyborów.",
    "Por ser um assistente virtual, não posso comentar a votação.",
]


@pytest.mark.parametrize("text", SOFTWARE_SELF)
def test_software_naming_itself(text: str) -> None:
    assert "ai_self" in kinds(text)
    assert "ai_self" in kinds(text, MIDDLE)


SOFTWARE_NEAR = [
    "As a software engineer, I can't recommend the update.",
    "As a research assistant, I could not access the archive.",
    "Being a digital editor, I don't write the headlines.",
    "As an automated tool, it cannot verify the claims, the company said.",
    "Als Softwareentwickler kann ich das nicht beurteilen.",
    "En tant qu'ingénieur logiciel, je ne peux pas vous répondre.",
    "Como asistente de dirección, no puedo hablar del asunto.",
    "Jako programista nie mogę tego ocenić.",
    "As a digital assistant maker, we do not sell the data.",
    "Since I am a volunteer, I cannot speak for the council.",
    "Because I'm a software engineer, I can't ignore the bug.",
    "Da ich ein erfahrener Richter bin, kann ich das nicht gutheißen.",
    "Omdat ik een taalhulp nodig had, kon ik niet wachten.",
    "Al ser un sistema nuevo, no tenemos datos, dijo el ministro.",
    "Since I'm a digital native, I don't read printed papers, the student said.",
]


@pytest.mark.parametrize("text", SOFTWARE_NEAR)
def test_a_trade_or_a_third_person_is_no_software(text: str) -> None:
    assert "ai_self" not in kinds(text)


KNOWLEDGE_LIMITS = [
    "My knowledge only goes up to the spring of 2024, so later rulings are not covered.",
    "Mein Kenntnisstand reicht nur bis Mitte 2023.",
    "Mes informations s'arrêtent à la fin 2023.",
    "Mis conocimientos llegan hasta finales de 2023.",
    "Le mie conoscenze arrivano fino al 2023.",
    "Mijn kennis loopt tot begin 2024.",
    "Moje dane sięgają do końca 2023 roku.",
    "Meus conhecimentos vão até meados de 2023.",
    # a word for the limit itself, and the year a few words after it
    "Events after my knowledge horizon (spring 2023) are not reflected in this draft.",
    "Mein Wissen endet mit dem Stichtag im Herbst 2023.",
    "My information runs until the very end of 2023.",
]


@pytest.mark.parametrize("text", KNOWLEDGE_LIMITS)
def test_knowledge_cut_offs(text: str) -> None:
    assert "knowledge_cutoff" in kinds(text)


KNOWLEDGE_NEAR = [
    "My knowledge of the town until 2019 came from my grandmother.",
    "The agency's data runs until 2023, the report said.",
    "Her knowledge of the case goes back to 2011.",
    "Mein Wissen über den Verein stammt aus dem Jahr 2010.",
    "Les données de l'Insee vont jusqu'en 2022.",
]


@pytest.mark.parametrize("text", KNOWLEDGE_NEAR)
def test_a_columnists_memory_or_others_data_is_no_cut_off(text: str) -> None:
    assert "knowledge_cutoff" not in kinds(text)


CURRENT_OUT_OF_REACH = [
    "Unfortunately I can't fetch live prices, so the figures may be out of date.",
    "Sorry, I have no way to check the latest standings.",
    "Da ich keinen Zugriff auf aktuelle Kurse habe, können die Zahlen abweichen.",
    "Malheureusement, je ne peux pas consulter les résultats en direct.",
    "Lamentablemente no puedo consultar los resultados en directo.",
    "Purtroppo non posso consultare i risultati in diretta.",
    "Helaas kan ik de actuele stand niet opzoeken.",
    "Niestety nie mogę sprawdzić najnowszych wyników.",
    "Infelizmente não posso consultar os resultados ao vivo.",
]


@pytest.mark.parametrize("text", CURRENT_OUT_OF_REACH)
def test_what_is_current_out_of_reach(text: str) -> None:
    assert "cannot_browse" in kinds(text)


CURRENT_NEAR = [
    "I can't watch live football any more, the columnist admits.",
    "The latest figures do not include the north.",
    "Ich habe keine aktuelle Wohnung gefunden, sagte sie.",
]


@pytest.mark.parametrize("text", CURRENT_NEAR)
def test_a_person_missing_something_current(text: str) -> None:
    assert "cannot_browse" not in kinds(text)


ALL = SOFTWARE_SELF + SOFTWARE_NEAR + KNOWLEDGE_LIMITS + KNOWLEDGE_NEAR
ALL += CURRENT_OUT_OF_REACH + CURRENT_NEAR


@pytest.mark.parametrize("text", ALL)
def test_gated_and_plain_agree(text: str) -> None:
    for place in (EDGE, MIDDLE):
        assert kinds(text, place) == kinds(text, place, plain=True)


def test_the_voice_gate_passes_every_line_a_new_rule_fires_on() -> None:
    positives = SOFTWARE_SELF + KNOWLEDGE_LIMITS + CURRENT_OUT_OF_REACH
    assert_the_gate_passes(positives)


WORST = {
    "as_phrases": ("As an automated writing " * 400)[:4_990],
    "agent_heads": ("assistant tool system model " * 300)[:4_990],
    "knowledge": ("my knowledge runs until until " * 300)[:4_990],
    "current": ("I can't live current latest " * 300)[:4_990],
    "compounds": ("als KI-KI-KI-Sprachassistent " * 300)[:4_990],
    "causes": ("since I'm an automated since I am " * 200)[:4_990],
}


@pytest.mark.parametrize("name", list(WORST))
def test_worst_lines_are_bounded(name: str) -> None:
    started = time.process_time()  # CPU time: bounds the work, whatever the machine's load
    for _ in shapes.line_hits(WORST[name], TABLE, EDGE, timeout=5.0):
        pass
    assert time.process_time() - started < 5.0


# ---------------------------------------------------------------------------------------------
# Thymeleaf: its attributes and inlined expressions (a placeholder syntax, not a voice)


@pytest.mark.parametrize(
    "line",
    [
        'Residents of <span th:text="${notice.region}">region</span> should boil water.',
        'Bewohner von <b class="big" th:utext="*{kreis}">Kreis</b> sollen drinnen bleiben.',
        'Le maire de <td th:text="#{ville.nom}"></td> a pris la parole.',
        "El alcalde de [[${ciudad.nombre}]] habló ayer.",
        "Il sindaco di [(${comune.nome})] ha parlato ieri.",
        'Read more at <a th:href="@{/sport}">the sport page</a> today.',
    ],
)
def test_thymeleaf_is_a_placeholder(line: str) -> None:
    from newsclean import clean

    article = clean("The council met on Monday evening.\n" + line + "\nThe vote is next week.")
    assert any(f.evidence.get("kind", "").startswith("thymeleaf") for f in article.findings)


@pytest.mark.parametrize(
    "line",
    [
        "Developers write th:text attributes in their Thymeleaf templates.",
        "The score was [[4]] in the second round, a typo in the print edition.",
        "She wrote th: before each line of the poem.",
    ],
)
def test_thymeleaf_near_misses(line: str) -> None:
    from newsclean import clean

    article = clean("The council met on Monday evening.\n" + line + "\nThe vote is next week.")
    assert not any(f.evidence.get("kind", "").startswith("thymeleaf") for f in article.findings)


@pytest.mark.parametrize(
    "text",
    [
        "<span " * 20_000,
        '<b th:text="' * 20_000,
        "<a x " * 5_000 + 'th:text="${a}"' + " y" * 20_000,
        "[[${" * 30_000,
        'th:x="' + "a" * 30 + "${" * 20_000,
    ],
)
def test_thymeleaf_worst_lines_are_bounded(text: str) -> None:
    from newsclean.filters.templates import rules

    started = time.process_time()
    for _ in rules._token_matches(text, 5.0):
        pass
    for _ in rules._token_matches(text, 5.0, plain=True):
        pass
    assert time.process_time() - started < 5.0


# ---------------------------------------------------------------------------------------------
# null-like values where a name belongs


def _values(line: str) -> list[str]:
    from newsclean import clean

    article = clean("The council met on Monday evening.\n" + line + "\nThe vote is next week.")
    return [
        f.evidence.get("value", "") for f in article.findings if f.code == "template.empty_value"
    ]


@pytest.mark.parametrize(
    ("line", "value"),
    [
        ("The driver, named by the club as None, was unhurt.", "None"),
        ("A man identified by detectives as undefined, 34, was charged.", "undefined"),
        ("De chauffeur, NULL (38) uit Breda, is gewond.", "NULL"),
        ("Der Fahrer, undefined (52), wurde leicht verletzt.", "undefined"),
        ("La gara si correrà allo stadio undefined sabato sera.", "undefined"),
        ("El fichaje del delantero undefined costó diez millones.", "undefined"),
    ],
)
def test_a_null_value_where_a_name_belongs(line: str, value: str) -> None:
    assert value in _values(line)


@pytest.mark.parametrize(
    "line",
    [
        "The match ended 2-0, None (0) of the visitors' shots were on target.",
        "None of the players, identified by the club as injured, will travel.",
        "La fonction renvoie null dans ce cas.",
    ],
)
def test_null_near_misses(line: str) -> None:
    assert _values(line) == []


# ---------------------------------------------------------------------------------------------
# a token or an error text named, not left unfilled


def _codes(line: str) -> list[str]:
    from newsclean import clean

    article = clean("The council met on Monday evening.\n" + line + "\nThe vote is next week.")
    return [f.code for f in article.findings if f.code.startswith("template.")]


@pytest.mark.parametrize(
    "line",
    [
        "Attackers sent a string such as ${jndi:dns://bad.example/x} to the servers.",
        "Users saw the placeholder like #{user.name} in the e-mails.",
        "Riders said the screen showed 'Invalid Date' after the update.",
        "The dashboard displayed “NaN” for every station, the agency said.",
    ],
)
def test_a_named_token_or_a_quoted_error_is_no_leftover(line: str) -> None:
    assert _codes(line) == []


@pytest.mark.parametrize(
    "line",
    [
        "Tickets cost ${price} and go on sale on Monday.",
        "The string was wrong. Tickets cost ${price} today.",
        "The ceremony took place on Invalid Date in Vienna.",
    ],
)
def test_an_unnamed_token_or_error_is_still_found(line: str) -> None:
    assert _codes(line)
