"""Slots, placeholders and leaked values found by their shape and position: brackets of what is
still to come and desks' instructions, lower-case slots and slot words in angle brackets, CMS
entity tokens, ICU messages, slot names between guillemets, percent or dollar signs, desks'
slugs, runtimes' reprs and zero times; each beside the near misses it must leave alone."""

from __future__ import annotations

import time

import pytest

from newsclean.draft import Draft
from newsclean.filters import shapes
from newsclean.filters.templates import FlagTemplates
from newsclean.voice import voice_languages, voice_table

BEFORE = "The council met on Monday evening to discuss the budget for the coming year."
AFTER = "Residents may comment on the proposals until the end of the month, the clerk said."


def _doc(line: str) -> tuple[str, int]:
    text = BEFORE + "\n" + line + "\n" + AFTER
    return text, len(BEFORE) + 1


def flagged(line: str, fragment: str) -> bool:
    """Whether a template finding covers ``fragment`` of ``line`` in a small article."""
    text, base = _doc(line)
    start = base + line.index(fragment)
    end = start + len(fragment)
    proposal = FlagTemplates().apply(Draft.of(text))
    return any(
        f.code.startswith("template.") and f.span[0] < end and start < f.span[1]
        for f in proposal.flags
    )


def flags_on(line: str) -> list[str]:
    text, base = _doc(line)
    proposal = FlagTemplates().apply(Draft.of(text))
    return [
        text[f.span[0] : f.span[1]]
        for f in proposal.flags
        if f.code.startswith("template.") and base <= f.span[0] < base + len(line)
    ]


POSITIVES = [
    # brackets of what is still to come, desks' instructions
    ("The trial is set to begin on [date TBC].", "[date TBC]"),
    ("[Photo caption to come]", "[Photo caption to come]"),
    ("[Headline goes here]", "[Headline goes here]"),
    ("Le concert aura lieu le [date à confirmer] au Zénith.", "[date à confirmer]"),
    ("La partita si giocherà il [orario da confermare].", "[orario da confermare]"),
    ("Das Konzert beginnt um [Uhrzeit folgt] im Park.", "[Uhrzeit folgt]"),
    ("[à compléter : réaction de l'opposition]", "[à compléter : réaction de l'opposition]"),
    ("[expand this paragraph with background on the 2019 protests]", "[expand"),
    ("[embed tweet from @MetOffice]", "[embed tweet from @MetOffice]"),
    ("[CHECK SPELLING OF SURNAME WITH DESK]", "[CHECK SPELLING OF SURNAME WITH DESK]"),
    ("[tu uzupełnić dane z ratusza]", "[tu uzupełnić dane z ratusza]"),
    ("[verificar cifra con la policía]", "[verificar cifra con la policía]"),
    ("[bevestigen aantal slachtoffers bij politie]", "[bevestigen aantal"),
    ("[AQUÍ VA LA DECLARACIÓN DE LA CONSEJERA]", "[AQUÍ VA"),
    ("[hier kommt das Zitat des Trainers]", "[hier kommt"),
    ("[Tu wstawić komentarz burmistrza]", "[Tu wstawić"),
    ("<Insert photo caption: striking nurses outside hospital>", "<Insert photo caption"),
    # slots in braces
    ("The ruling was issued on {DATE OF HEARING}.", "{DATE OF HEARING}"),
    ("Selon {porte-parole à confirmer}, l'usine restera ouverte.", "{porte-parole"),
    ("A cerimônia acontece em {{cidade-sede a definir}} no próximo mês.", "{{cidade-sede"),
    # slots of any noun phrase in angle or square brackets
    ("<name of hospital> said the patient was in a stable condition.", "<name of hospital>"),
    ("El portavoz, <nombre del portavoz>, no quiso hacer comentarios.", "<nombre del portavoz>"),
    ("Rzecznik, <imię i nazwisko>, odmówił komentarza.", "<imię i nazwisko>"),
    ("O porta-voz, <nome completo>, não comentou o caso.", "<nome completo>"),
    ("Do wypadku doszło na drodze <numer drogi> pod Radomiem.", "<numer drogi>"),
    ("Die Gemeinde hat <Einwohnerzahl> Einwohner.", "<Einwohnerzahl>"),
    ("Woordvoerder <naam> wilde niet reageren.", "<naam>"),
    ("L'accident s'est produit sur la [numéro de la départementale].", "[numéro de la"),
    ("The company was founded in [YEAR] by two former engineers.", "[YEAR]"),
    ("Officials said [number] homes were without power overnight.", "[number]"),
    ("El incendio calcinó [número] hectáreas de monte bajo.", "[número]"),
    ("Die Kosten liegen bei [Betrag].", "[Betrag]"),
    ("Do wypadku doszło na drodze [numer drogi] pod Radomiem.", "[numer drogi]"),
    ("traduction manquante : fr.article.lire_aussi", "traduction manquante"),
    ("Übersetzung fehlt: de.artikel.mehr_lesen", "Übersetzung fehlt"),
    # template syntaxes by the shape of their names
    ("Officials in [node:field_city] confirmed the closure.", "[node:field_city]"),
    ("Published on [node:created:short] by the desk.", "[node:created:short]"),
    (
        "The rules affect {count, plural, one {# household} other {# households}} here.",
        "{count, plural,",
    ),
    ("The festival returns to «VenueName» next spring.", "«VenueName»"),
    ("Le festival revient à «nom_salle» au printemps.", "«nom_salle»"),
    ("El evento se celebrará en %ciudad% el próximo sábado.", "%ciudad%"),
    ("$headline$", "$headline$"),
    ("<<FirstName>>, thank you for subscribing to the morning briefing.", "<<FirstName>>"),
    # journalists' marks
    ("HED TK", "TK"),
    ("ART TK", "TK"),
    ("Bildunterschrift XX", "XX"),
    ("The project is expected to cost $##.# billion over a decade.", "##.#"),
    ("The motion passed by tk votes to 12.", "tk"),
    ("La policía detuvo a xx personas durante la madrugada.", "xx"),
    ("The award went to undefined, a 34-year-old nurse from Leeds.", "undefined"),
    ("Nagrodę otrzymał NULL, 34-letni nauczyciel z Gdańska.", "NULL"),
    # leaked values: runtimes' reprs, zero times, nil
    ("Related: <function get_related at 0x7f3b2c1d9e50>", "<function get_related"),
    ("Lieu : <app.models.Venue object at 0x10a3f2b50>", "<app.models.Venue"),
    ("Venue: com.newsroom.model.Venue@6d06d69c", "com.newsroom.model.Venue@6d06d69c"),
    ("Ort: #<Venue:0x000055d5c3a1b2c8 @name=nil>", "#<Venue:0x000055d5c3a1b2c8"),
    ("Autor: Resource id #5", "Resource id #5"),
    ("Published 0001-01-01 00:00:00 +0000 UTC", "0001-01-01"),
    ("Aktualisiert am 1/1/0001 12:00:00 AM", "1/1/0001"),
    ("O evento acontece em %!s(<nil>) no próximo sábado.", "%!s(<nil>)"),
    ("The storm made landfall near <nil> early on Tuesday.", "<nil>"),
    ("Filed under: Array", "Array"),
    ("Etiquetas: Array", "Array"),
]


@pytest.mark.parametrize(("line", "fragment"), POSITIVES)
def test_slot_shapes_are_found(line: str, fragment: str) -> None:
    assert flagged(line, fragment), flags_on(line)


NEAR_MISSES = [
    # editorial brackets, redaction, footnotes, links' labels
    "“We will [confirm the deal] on Monday,” the chief executive said.",
    "“[The minister] knew about it,” the aide said.",
    "He called it “a disgrace [sic]” and left the room.",
    "The name of the witness was [REDACTED] in the court papers.",
    "The letter, signed by [name withheld], arrived on Friday.",
    "The report [1] found that rents rose by 4 per cent.",
    "Translated by the desk [Ed.] from the original German.",
    "[Check out our guide to the best beaches]",
    "The coalition, he said, wanted “to add insult to injury [to add insult to injury]”.",
    "[Update: The company said on Tuesday it would appeal.]",
    "Kick-off is at 3pm (TBC), the club said.",
    "The best is yet to come [the best is yet to come], she sang.",
    "[Number] Street is closed until Friday.",
    "[VIDEO] Firefighters battle the blaze near the harbour",
    "Read the missing translation of the poem in the appendix.",
    "[Here goes nothing], she wrote on the poster.",
    "The article cites {{cite web}} and {{Infobox city}} in its source.",
    "Let {x in R : x > 0} be the set of positive numbers.",
    "The sets {name, date} and {place} were compared.",
    # Roman numerals, TK as a name, marks in prose
    "The Super Bowl XX halftime show was broadcast in 1986.",
    "El siglo XX fue testigo de dos guerras mundiales.",
    "TK Maxx opened its first store in the town in 1994.",
    "TEAM TK WINS THE CUP",
    "The XXX Olympics were held in London in 2012.",
    # brands and words in guillemets, percent and dollar signs in prose and maths
    "Le groupe «YouTube» et la console «PlayStation» dominent le marché.",
    "L'application «WhatsApp» a été bloquée, selon «LinkedIn».",
    "Prices rose 50% ciudad by 30% in the centre.",
    "Let $x$ be the number of seats and $n$ the number of voters.",
    "Costs rose from $5 to $8 between 2019 and 2023.",
    "Love you xx, see you at the match tomorrow!",
    "Join the tk team for a walk along the river.",
    "The variable stays undefined, a 2-step fix is needed.",
    "Die TK zahlt 2025 mehr für Vorsorge, sagte die Kasse.",
    # angle brackets in code and markup, tags
    "The page's <title> element tells the browser what to show in the tab.",
    "He wrote <b>bold</b> in the template.",
    "If x <y and y> z then the order holds.",
    # brackets with colons: wiki links, times, scores
    "See [[Category:Local_news]] for more.",
    "The match ended [2:1] after extra time.",
    # values and dates that are real
    "An array of options was presented to the council.",
    "Array Networks reported higher quarterly revenue.",
    "The vault, numbered 0001, held the town's charter.",
    "Write to first.Last@gmail.com for tickets.",
    "The Go function returned nil and the test passed, the engineer explained.",
]


@pytest.mark.parametrize("line", NEAR_MISSES)
def test_near_misses_are_left_alone(line: str) -> None:
    assert flags_on(line) == []


@pytest.mark.parametrize("line", [p[0] for p in POSITIVES] + NEAR_MISSES)
def test_gated_and_plain_agree_on_slots(line: str) -> None:
    text, _ = _doc(line)
    fast, plain = FlagTemplates(), FlagTemplates()
    assert fast.apply(Draft.of(text, plain=False)) == plain.apply(Draft.of(text, plain=True))


def test_bracket_reasons() -> None:
    table = voice_table(tuple(voice_languages()))
    assert shapes.bracket_slot("date TBC", table) == "pending"
    assert shapes.bracket_slot("à compléter : réaction de l'opposition", table) == "pending"
    assert shapes.bracket_slot("check spelling of surname with desk", table) == "desk"
    assert shapes.bracket_slot("Check out our guide", table) == ""
    assert shapes.bracket_slot("the best is yet to come", table) == ""
    assert shapes.bracket_slot("insert quote from the coach here", table) == "instruction"


WORST = [
    "[a:" * 20_000,
    "[node:" + "a_" * 20_000,
    "{a, " * 20_000,
    "{a, plural" * 10_000,
    "«A" + "b" * 50_000,
    "«" * 50_000,
    "%a" * 40_000,
    "%" + "a" * 50_000,
    "$a" * 40_000,
    "<<A" * 30_000,
    "<a" + " b" * 30_000 + " at 0x",
    "<a.b at 0x1234" * 8_000,
    "a." * 30_000 + "A@",
    "com.a." * 10_000 + "B@1234",
    "0001-01-01 " * 10_000,
    "1/1/0001 " * 10_000,
    "%!s(" * 20_000,
    "Tags: " + "Array " * 20_000,
    "##.#" * 20_000,
    "#<A:0x" + "a" * 50_000,
    "#<A:0x123456 " + "a" * 50_000,
    "HED " * 20_000 + "TK",
    "[check " + "a " * 20_000 + "]",
    "<nil> " * 20_000,
    "{a" + " b" * 30_000 + "}",
    "{{" + "a " * 30_000,
    "{DATE OF HEARING} " * 5_000,
]


@pytest.mark.parametrize("text", WORST, ids=range(len(WORST)))
def test_slot_shapes_are_bounded(text: str) -> None:
    table = voice_table(tuple(voice_languages()))
    started = time.process_time()  # CPU time: bounds the work, whatever the machine's load
    for _ in shapes.line_hits(text, table, shapes.Place(edge=True), timeout=5.0):
        pass
    assert time.process_time() - started < 5.0
    f = FlagTemplates()
    started = time.process_time()
    f.apply(Draft.of(text))
    assert time.process_time() - started < 20.0
