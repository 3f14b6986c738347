"""Fact checks on development cases written from the fact-check issue's descriptions
(``tests/data/facts_dev_a.jsonl``: errors and correct texts in eight languages), and the checks
they led to: headlines naming people the body does not, surnames one letter off, places after
the title, and never-held offices shortly after the knowledge base's ``as_of``."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

import newsclean
from newsclean.filters.facts import CheckDates, CheckFacts, CheckHeadline
from newsclean.filters.facts import names as nm
from newsclean.filters.facts.kb import load_kb
from newsclean.pipeline import Pipeline
from newsclean.record import Article

CASES = Path(__file__).parent / "data" / "facts_dev_a.jsonl"
#: a second set, written the same way, after the first had become a test
CASES_B = Path(__file__).parent / "data" / "facts_dev_b.jsonl"
#: a third, written after the second had become a test and measured before any rule saw it
CASES_C = Path(__file__).parent / "data" / "facts_dev_c.jsonl"
#: a fourth and a fifth, each measured before any rule saw it
CASES_D = Path(__file__).parent / "data" / "facts_dev_d.jsonl"
CASES_E = Path(__file__).parent / "data" / "facts_dev_e.jsonl"
#: a sixth, measured before any rule saw it (59 of 79 errors found then, 61 after the rules
#: developed on the fifth, 72 after the central banks, successions and surname rule it led to)
CASES_F = Path(__file__).parent / "data" / "facts_dev_f.jsonl"
#: a seventh, measured before any rule saw it and not worked on since (77 of 92 errors found
#: then, 83 after the rules developed on the sixth)
CASES_G = Path(__file__).parent / "data" / "facts_dev_g.jsonl"
FAMILIES = ("title.", "name.", "date.", "headline.mismatch", "headline.leak")


def warned(article: Article) -> bool:
    return any(f.code.startswith(FAMILIES) and str(f.severity) != "info" for f in article.findings)


def run(item: dict[str, Any], pipeline: Pipeline) -> Article:
    record: dict[str, Any] = {"text": item["text"]}
    if item.get("headline"):
        record["title"] = item["headline"]
    if item.get("published"):
        record["published"] = item["published"]
    return pipeline(record)


#: each set: its file, how many errors and correct texts it has, and the errors the checks find
#: (a: 78 of 82 when written; b: 47 of 74 before the rows and rules it led to; c: 71 of 108
#: before the rules of b and the cabinet offices, none made for it; e: 87 of 107 before the
#: rows and words it led to). Left: headlines naming an
#: event the body tells otherwise, offices outside the knowledge base (mayors, regional
#: presidents, most cabinet ministers), given names spelt another way, "M." + another spelling,
#: and holders just over three years out of office
DEV_SETS = {
    "a": (CASES, 82, 82, 78),
    "b": (CASES_B, 74, 99, 62),
    "c": (CASES_C, 108, 153, 82),
    "d": (CASES_D, 97, 99, 90),
    "e": (CASES_E, 107, 104, 96),
    "f": (CASES_F, 79, 81, 72),
    "g": (CASES_G, 92, 88, 83),
}


@pytest.mark.parametrize("name", sorted(DEV_SETS))
def test_development_sets_errors_found_and_correct_texts_never_warned(name: str) -> None:
    path, errors, correct, found = DEV_SETS[name]
    pipeline = newsclean.default_pipeline()
    items = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    counts: Counter[str] = Counter()
    false_alarms = []
    for item in items:
        hit = warned(run(item, pipeline))
        counts[item["expect"]] += 1
        counts[item["expect"] + "_hit"] += hit
        if item["expect"] == "correct" and hit:
            false_alarms.append(item["id"])
    assert (counts["error"], counts["correct"]) == (errors, correct)
    assert false_alarms == []
    assert counts["error_hit"] >= found


def check(text: str, published: str | None = None, title: str | None = None) -> Article:
    record: dict[str, Any] = {"text": text}
    if published:
        record["published"] = published
    if title:
        record["title"] = title
    return Pipeline([CheckFacts(), CheckDates(), CheckHeadline()])(record)


def codes(text: str, published: str | None = None, title: str | None = None) -> list[str]:
    return sorted(
        f.code for f in check(text, published, title).findings if str(f.severity) != "info"
    )


# -- names --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "surname", "slip"),
    [
        ("rutter", "rutte", True),  # a letter no language adds
        ("powel", "powell", True),  # one letter short
        ("lagard", "lagarde", True),
        ("putina", "putin", False),  # Polish genitive
        ("ruttem", "rutte", False),  # Polish instrumental
        ("haaviston", "haavisto", False),  # Finnish genitive
        ("clintons", "clinton", False),
        ("sikorskiego", "sikorski", False),
    ],
)
def test_one_letter_more_or_less_is_a_slip_unless_an_ending(
    written: str, surname: str, slip: bool
) -> None:
    assert nm.one_slip(written, surname) is slip


@pytest.mark.parametrize(
    "text",
    [
        "NATO Secretary General Mark Rutter said allies must spend more.",
        "Fed Chair Jerome Powel said the increase was unusually large.",
        "La présidente de la BCE, Christine Lagard, a annoncé une hausse des taux.",
    ],
)
def test_a_surname_one_letter_off_under_a_title(text: str) -> None:
    assert codes(text) == ["name.variant"]


def test_another_spelling_of_the_given_name_before_the_surname() -> None:
    text = (
        "Le président Emmanuel Macron a annoncé le retour de l'ambassadeur. "
        "Emanuel Macron a précisé que les militaires quitteraient le pays."
    )
    article = check(text, "2023-09-25")
    (f,) = [f for f in article.findings if f.code == "name.inconsistent"]
    assert article.original[f.span[0] : f.span[1]] == "Emanuel Macron"


def test_a_given_name_that_goes_on_is_someone_else() -> None:
    text = "President Emmanuel Macron spoke. Later Emanuel Macron Junior scored twice."
    assert "name.inconsistent" not in codes(text)


# -- places after the title -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        (
            "El presidente de México, Enrique Peña Nieto, anunció un plan de seguridad.",
            "2019-03-20",
            ["title.not_incumbent"],
        ),
        (
            "La presidenta de México, Claudia Sheinbaum, defendió la reforma.",
            "2024-11-06",
            [],
        ),
        ("Prezydent Francji Emmanuel Macron przyjechał do Warszawy.", "2023-05-10", []),
        ("Prezydent Francji François Hollande przyjechał do Warszawy.", "2023-05-10", []),
    ],
)
def test_a_place_after_the_title(text: str, published: str, expected: list[str]) -> None:
    assert codes(text, published) == expected


def test_a_place_after_the_title_is_a_mention() -> None:
    article = check("La presidenta de México, Claudia Sheinbaum, defendió la reforma.")
    assert article.findings == () or all(f.code != "title.never_held" for f in article.findings)


# -- headline against body -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "text"),
    [
        (
            "Macron meets Biden at White House",
            "German Chancellor Olaf Scholz met President Joe Biden at the White House.",
        ),
        (
            "Prezydent Duda spotkał się z Zełenskim",
            "Premier Donald Tusk spotkał się w Warszawie z prezydentem Ukrainy.",
        ),
        (
            "IMF chief warns of looming debt crisis",
            "World Bank President Ajay Banga warned that poor countries face debt burdens.",
        ),
    ],
)
def test_a_headline_naming_someone_the_body_never_mentions(title: str, text: str) -> None:
    article = check(text, "2024-02-10", title)
    (f,) = [f for f in article.findings if f.code == "headline.mismatch"]
    assert str(f.severity) == "warning"
    assert f.evidence["headline"] == title


@pytest.mark.parametrize(
    ("title", "text"),
    [
        # the body names them, in another spelling or inflected
        (
            "Selenskyj trifft Scholz in Berlin",
            "Bundeskanzler Olaf Scholz empfing Präsident Wolodymyr Selenskyj in Berlin.",
        ),
        (
            "Duda spotkał się z Zełenskim",
            "Prezydent Andrzej Duda spotkał się z prezydentem Wołodymyrem Zełenskim.",
        ),
        # a surname that is part of a phrase is no person
        (
            "The Green Deal Is Not Enough",
            "Commission President Ursula von der Leyen defended the climate plan.",
        ),
        # the body names no known person: nothing to compare
        ("Macron visits the harbour", "The president walked along the quay on Monday."),
    ],
)
def test_a_headline_whose_people_the_body_names(title: str, text: str) -> None:
    assert "headline.mismatch" not in codes(text, "2024-02-10", title)


# -- after as_of ---------------------------------------------------------------------------------


ELSEWHERE = "European Commission President Mark Rutte opened the meeting."


def test_never_held_shortly_after_as_of_when_both_rows_are_open() -> None:
    article = check(ELSEWHERE, "2026-01-12")
    (f,) = article.findings
    assert (f.code, str(f.severity)) == ("title.never_held", "warning")
    assert f.message.startswith("as of 2025-06-30")
    assert f.evidence["holder"] == "Ursula von der Leyen"


def test_never_held_after_the_window_is_unverifiable() -> None:
    (f,) = check(ELSEWHERE, "2027-03-12").findings
    assert (f.code, str(f.severity)) == ("title.unverifiable", "info")


def test_refreshed_rows_know_the_successions() -> None:
    assert codes("Fed Chair Kevin Warsh said rates would stay.", "2026-06-01") == []
    assert codes("Fed Chair Jerome Powell said rates would stay.", "2026-06-01") == [
        "title.not_incumbent"
    ]
    assert codes("Prezydent Karol Nawrocki podpisał ustawę.", "2025-09-01") == []


# -- rules found with the second set ------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # "ex" written together with the title
        (
            "El expresidente mexicano Andrés Manuel López Obrador presentó un paquete de reformas.",
            "2024-02-10",
            ["title.former_but_incumbent"],
        ),
        (
            "El expresidente mexicano Andrés Manuel López Obrador presentó un libro.",
            "2025-02-10",
            [],
        ),
        ("El experto Pedro Sánchez habló.", "2024-02-10", []),
        # a "then" word of a language the short text is not recognised as
        ("Ówczesny premier Mateusz Morawiecki zapowiadał budowę elektrowni.", "2024-05-10", []),
        # finance and interior titles in the catalogue languages
        (
            "Le ministre de l'Intérieur Jean-Yves Le Drian s'est rendu à Calais.",
            "2018-02-10",
            ["title.never_held"],
        ),
        ("Le ministre de l'Intérieur Gérald Darmanin s'est rendu à Calais.", "2021-02-10", []),
        (
            "Finanzministerin Annalena Baerbock wies Forderungen nach neuen Schulden zurück.",
            "2023-03-15",
            ["title.never_held"],
        ),
        # a German nationality adjective before the title
        ("Der französische Präsident Emmanuel Macron reiste nach Berlin.", "2023-03-15", []),
        # the Polish accusative weekday before the date
        (
            "Wybory odbyły się w sobotę 15 października 2023 r.",
            "2023-10-16",
            ["date.weekday_mismatch"],
        ),
        ("Wybory odbyły się w niedzielę 15 października 2023 r.", "2023-10-16", []),
    ],
)
def test_second_set_rules(text: str, published: str, expected: list[str]) -> None:
    assert codes(text, published) == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # the titles of EU, UN and NATO offices in the other catalogue languages
        (
            "Przewodniczący Rady Europejskiej Donald Tusk zwołał szczyt w Brukseli.",
            "2025-05-20",
            ["title.not_incumbent"],
        ),
        (
            "Przewodniczący Rady Europejskiej António Costa zwołał szczyt w Brukseli.",
            "2025-05-20",
            [],
        ),
        (
            "O presidente do Conselho Europeu, Charles Michel, abriu a cimeira.",
            "2025-06-26",
            ["title.not_incumbent"],
        ),
        ("O presidente do Conselho Europeu, Charles Michel, abriu a cimeira.", "2023-06-26", []),
        (
            "Le secrétaire général de l'ONU, Ban Ki-moon, a appelé à la trêve.",
            "2018-03-01",
            ["title.not_incumbent"],
        ),
        (
            "Le secrétaire général de l'ONU, António Guterres, a appelé à la trêve.",
            "2018-03-01",
            [],
        ),
        # the Italian head of government stays a title of its own
        ("Il presidente del Consiglio Giorgia Meloni ha parlato a Roma.", "2024-03-01", []),
        # out of every office for three years, not only of the one named
        (
            "EZB-Präsident Mario Draghi kündigte eine Zinserhöhung an.",
            "2023-05-04",
            ["title.not_incumbent"],
        ),
        (
            "ECB President Mario Draghi said rates would rise.",
            "2023-05-04",
            ["title.not_incumbent"],
        ),
        ("EZB-Präsident Mario Draghi kündigte eine Zinserhöhung an.", "2017-05-04", []),
        # ... long out of every office: a reference to the past
        ("ECB President Jean-Claude Trichet said rates would rise.", "2019-05-04", []),
        # "Ministerpräsident" and "Regierungschef" name a state's office only with a place
        (
            "Der italienische Ministerpräsident Pedro Sánchez forderte eine Anerkennung.",
            "2024-03-15",
            ["title.never_held"],
        ),
        (
            "Der spanische Regierungschef Mario Draghi forderte eine Anerkennung.",
            "2024-03-15",
            ["title.never_held"],
        ),
        (
            "Der spanische Ministerpräsident Pedro Sánchez forderte eine Anerkennung.",
            "2024-03-15",
            [],
        ),
        ("Ministerpräsident Gerhard Schröder besuchte Hannover.", "1997-03-15", []),
        ("Der bayerische Ministerpräsident Markus Söder sprach in München.", "2024-03-15", []),
        # other offices of the knowledge base: the WTO and De Nederlandsche Bank
        (
            "World Bank President Ngozi Okonjo-Iweala cut the growth forecast.",
            "2022-06-10",
            ["title.never_held"],
        ),
        ("WTO Director-General Ngozi Okonjo-Iweala cut the trade forecast.", "2022-06-10", []),
        (
            "ECB-president Klaas Knot maakte bekend dat de rente stijgt.",
            "2023-09-14",
            ["title.never_held"],
        ),
        ("DNB-president Klaas Knot maakte bekend dat de rente stijgt.", "2023-09-14", []),
        # re-checked holders: "former" while in office
        (
            "Der frühere Verteidigungsminister Boris Pistorius stellte das Gesetz vor.",
            "2025-11-20",
            ["title.former_but_incumbent"],
        ),
        ("Verteidigungsminister Boris Pistorius stellte das Gesetz vor.", "2025-11-20", []),
        (
            "L'ex ministro degli Esteri Antonio Tajani ha convocato l'ambasciatore.",
            "2025-11-18",
            ["title.former_but_incumbent"],
        ),
        ("Il ministro degli Esteri Antonio Tajani ha convocato l'ambasciatore.", "2025-11-18", []),
    ],
)
def test_fourth_set_rules(text: str, published: str, expected: list[str]) -> None:
    assert [c for c in codes(text, published) if c != "title.unverifiable"] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # two neighbouring letters swapped in a surname
        (
            "German Finance Minister Lars Klingbeil defended the budget. Klingbiel told reporters.",
            ["name.inconsistent"],
        ),
        (
            "Finanzminister Lars Klingbeil verteidigte den Haushalt. Klingbiel sagte, es eile.",
            ["name.inconsistent"],
        ),
        ("Finanzminister Lars Klingbeil verteidigte den Haushalt. Klingbeil sagte, es eile.", []),
    ],
)
def test_swapped_letters(text: str, expected: list[str]) -> None:
    assert [c for c in codes(text, "2025-06-18") if c.startswith("name.")] == expected


def test_cyrillic_kh_and_ch_are_one_letter() -> None:
    kb = load_kb()
    mishustin = next(iter(kb.persons_named("Mikhail Mishustin")))
    assert nm.transliterated(kb, mishustin, "Michail Mischustin")
    assert not nm.transliterated(kb, mishustin, "Mikhail Mishustan")


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # Dutch: a nationality adjective before the title, inflected after "de"
        (
            "De Belgische premier Dick Schoof kondigde maatregelen aan tegen de importheffingen.",
            "2025-04-10",
            ["title.never_held"],
        ),
        (
            "De Nederlandse premier Dick Schoof kondigde maatregelen aan tegen de importheffingen.",
            "2025-04-10",
            [],
        ),
        ("De Duitse bondskanselier Olaf Scholz kondigde maatregelen aan.", "2023-04-10", []),
        # Spanish "canciller" and Portuguese "chanceler": a chancellor or a foreign minister
        (
            "El canciller alemán Sebastian Kurz rechazó el reparto obligatorio de refugiados.",
            "2019-05-01",
            ["title.never_held"],
        ),
        (
            "El canciller austriaco Sebastian Kurz rechazó el reparto obligatorio de refugiados.",
            "2019-05-01",
            [],
        ),
        (
            "El canciller austriaco Sebastian Kurz rechazó el reparto obligatorio de refugiados.",
            "2016-03-01",
            [],
        ),
        ("La canciller alemana Angela Merkel rechazó el reparto de refugiados.", "2019-05-01", []),
        ("El canciller ruso Serguéi Lavrov llegó a Río de Janeiro.", "2024-02-21", []),
        (
            "O chanceler alemão Mauro Vieira participou da reunião do G20 no Rio de Janeiro.",
            "2024-02-21",
            ["title.never_held"],
        ),
        (
            "O chanceler brasileiro Mauro Vieira participou da reunião do G20 no Rio de Janeiro.",
            "2024-02-21",
            [],
        ),
        ("O chanceler alemão Olaf Scholz participou da reunião do G20.", "2023-02-21", []),
        # French and Portuguese write the hard g of Sergei as "gue": a transliteration
        (
            "O chanceler russo Serguei Lavrov participou da reunião do G20 no Rio de Janeiro.",
            "2024-02-21",
            [],
        ),
        # organisation titles: short forms in other languages
        (
            "NAVO-chef Jens Stoltenberg riep de bondgenoten op meer te investeren.",
            "2025-01-15",
            ["title.not_incumbent"],
        ),
        ("NAVO-chef Mark Rutte riep de bondgenoten op meer te investeren.", "2025-01-15", []),
        (
            "Nato-Chef Jens Stoltenberg rief die Verbündeten auf, mehr zu investieren.",
            "2025-01-15",
            ["title.not_incumbent"],
        ),
        (
            "Il presidente del Parlamento europeo David Sassoli ha aperto la sessione plenaria.",
            "2023-01-20",
            ["title.not_incumbent"],
        ),
        (
            "La presidente del Parlamento europeo Roberta Metsola ha aperto la sessione plenaria.",
            "2023-01-20",
            [],
        ),
        (
            "Sec. of State Mike Pompeo met his Israeli counterpart to discuss the ceasefire.",
            "2021-06-01",
            ["title.not_incumbent"],
        ),
        (
            "Sec. of State Antony Blinken met his Israeli counterpart to discuss the ceasefire.",
            "2021-06-01",
            [],
        ),
        # the WTO from 2013
        (
            "Le directeur général de l'OMC, Roberto Azevêdo, a appelé à lever les brevets.",
            "2021-06-01",
            ["title.not_incumbent"],
        ),
        (
            "Le directeur général de l'OMC, Roberto Azevêdo, a appelé à baisser les droits.",
            "2019-06-01",
            [],
        ),
    ],
)
def test_fifth_set_words(text: str, published: str, expected: list[str]) -> None:
    assert [c for c in codes(text, published) if c != "title.unverifiable"] == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # the reshuffle of 2025-09-05: Lammy to Deputy Prime Minister, Cooper to the Foreign Office
        (
            "Foreign Secretary David Lammy will meet his Indian counterpart next week.",
            "2025-09-12",
            ["title.not_incumbent"],
        ),
        (
            "Foreign Secretary David Lammy will meet his Indian counterpart next week.",
            "2025-08-12",
            [],
        ),
        (
            "Foreign Secretary Yvette Cooper will meet her Indian counterpart next week.",
            "2025-09-12",
            [],
        ),
        # re-checked in office after June 2025
        (
            "Former Bank of England governor Andrew Bailey told MPs that inflation would fall.",
            "2026-01-20",
            ["title.former_but_incumbent"],
        ),
        (
            "Ex-Außenminister Johann Wadephul warnte in Peking vor Exportbeschränkungen.",
            "2025-11-05",
            ["title.former_but_incumbent"],
        ),
        (
            "Außenminister Johann Wadephul warnte in Peking vor Exportbeschränkungen.",
            "2025-11-05",
            [],
        ),
    ],
)
def test_rows_checked_after_june_2025(text: str, published: str, expected: list[str]) -> None:
    assert [c for c in codes(text, published) if c != "title.unverifiable"] == expected


def test_cyrillic_hard_g_before_e_and_i() -> None:
    kb = load_kb()
    lavrov = next(iter(kb.persons_named("Sergey Lavrov")))
    assert nm.transliterated(kb, lavrov, "Sergueï Lavrov")
    assert nm.transliterated(kb, lavrov, "Serguei Lavrov")
    assert not nm.transliterated(kb, lavrov, "Serguei Lavrev")


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # a surname one slip away from a known full name written without a title
        (
            "Karol Nawrocki took the oath of office on Wednesday. Later, Nawrocky said he would "
            "oppose the euro.",
            "2025-08-07",
            ["name.inconsistent"],
        ),
        (
            "Karol Nawrocki złożył przysięgę w środę. Potem Nawrocky powiedział, że euro nie będzie.",
            "2025-08-07",
            ["name.inconsistent"],
        ),
        (
            "Friedrich Merz sprach am Montag in Berlin. Später sagte Merz, die Regierung bleibe.",
            "2025-08-07",
            [],
        ),
        # inflected forms and other words are no slip
        (
            "Karol Nawrocki złożył przysięgę w środę. Wyborcy Nawrockiego świętowali w Warszawie.",
            "2025-08-07",
            [],
        ),
        (
            "Karol Nawrocki took the oath of office. National leaders attended the ceremony.",
            "2025-08-07",
            [],
        ),
        # a noun after a function word, a word of a longer name: no surname
        (
            "Martin Schulz sprach in Brüssel. Die Kinder lernen das in der Schule.",
            "2013-05-07",
            [],
        ),
        (
            "Liz Truss visited the charity. The Prince's Trust was set up in 1976.",
            "2024-05-07",
            [],
        ),
    ],
)
def test_surname_slip_after_a_full_name(text: str, published: str, expected: list[str]) -> None:
    assert [c for c in codes(text, published) if c.startswith("name.")] == expected
