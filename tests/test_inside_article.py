"""Lines the page classifier keeps inside the article: list items, quoted speech, code, a repeat.

Invented pages in several languages: a menu, the article and chrome after it. Each rule has
positives and near misses.
"""

from __future__ import annotations

import pytest

import newsclean
from newsclean.filters.blocks import is_code, is_quoted, item_number, numbered
from newsclean.filters.boilerplate import catalogue

EN1 = (
    "The band announced on Monday that it would return to the road this spring, its first tour "
    "in six years, and that tickets would go on sale at the end of the week."
)
EN2 = (
    "The singer said the new shows would draw on the band's early records as well as the songs "
    "of its latest album, which came out last autumn to warm reviews."
)
ES1 = (
    "El hotel, que abrió sus puertas el pasado mes de junio, se encuentra a pocos metros de la "
    "playa y cuenta con una terraza desde la que se ve todo el puerto de la ciudad."
)
ES2 = (
    "Los responsables del establecimiento explicaron que la mayoría de los clientes son familias "
    "que llegan desde el norte del país y que se quedan una semana o más."
)
DE1 = (
    "Die Stadt hat am Dienstag mitgeteilt, dass die neuen Regeln für den Verkehr in der "
    "Innenstadt ab dem kommenden Monat gelten sollen, nachdem der Rat sie beschlossen hat."
)
DE2 = (
    "Die Händler in der Altstadt hatten sich lange gegen die Pläne gewehrt, weil sie um ihre "
    "Kundschaft fürchten, die bisher mit dem Auto in die Innenstadt kommt."
)
FR1 = (
    "Le gouvernement a présenté mercredi un projet de loi sur le logement, qui doit être examiné "
    "par les députés au début de l'été, après de longs mois de concertation avec les élus."
)
FR2 = (
    "Les associations de locataires ont salué une partie des mesures, tout en regrettant que le "
    "texte ne dise presque rien de la hausse des loyers dans les grandes villes du pays."
)
MENU = ["Home", "News", "Sport", "Culture", "Log in"]
TAIL = ["Share", "Most read", "Contact | Imprint | Privacy"]


def page(*body: str) -> str:
    return "\n".join([*MENU, *body, *TAIL])


def kept(text: str) -> list[str]:
    article = newsclean.default_pipeline("page")({"text": text})
    return [line for p in article.paragraphs for line in p.split("\n")]


@pytest.mark.parametrize(
    ("first", "heading", "label", "items", "after"),
    [
        (
            EN1,
            "What to do in the heat",
            "The authorities advise:",
            [
                "* drink water regularly without waiting to be thirsty;",
                "* avoid physical effort in the hottest hours of the day;",
                "* check on elderly neighbours and those who live alone.",
            ],
            "Schools will stay open this week, the ministry said on Tuesday evening.",
        ),
        (
            ES1,
            "Servicios",
            "Entre sus servicios, el hotel ofrece:",
            [
                "- una piscina climatizada en la azotea;",
                "- un gimnasio abierto las veinticuatro horas;",
                "- aparcamiento gratuito para los clientes.",
            ],
            "Los precios de la temporada alta se publicarán en las próximas semanas, dijeron.",
        ),
        (
            DE1,
            "Was jetzt gilt",
            "Die Stadt rät den Anwohnern:",
            [
                "1. an heißen Tagen viel Wasser zu trinken;",
                "2. in der Mittagszeit nicht in der Sonne zu arbeiten;",
                "3. nach den älteren Nachbarn zu sehen.",
            ],
            "Die Schulen bleiben in dieser Woche geöffnet, sagte die Ministerin am Dienstag.",
        ),
    ],
)
def test_a_list_inside_the_article_stays(
    first: str, heading: str, label: str, items: list[str], after: str
) -> None:
    # a heading and a caption credit stand between the article and the list; the article goes on
    # after it with a short paragraph, then the tags and the page's chrome
    text = page(first, EN2, heading, "Photo: Jane Doe", label, *items, after, "Tags: summer")
    lines = kept(text)
    for line in [first, label, *items, after]:
        assert line in lines
    assert "Photo: Jane Doe" not in lines


def test_a_list_after_an_end_of_article_heading_goes() -> None:
    # near miss: the same run after "Related articles" is a list of links, not the article's
    lines = kept(
        page(EN1, EN2, "Related articles", "* Band splits up", "* Singer's new album", EN1 + " X")
    )
    assert "* Band splits up" not in lines


def test_code_with_chrome_on_one_side_goes() -> None:
    # near miss: script lines after the article, with only chrome after them
    script = ["window.dataLayer = window.dataLayer || [];", "gtag('config', 'G-123');"]
    lines = kept("\n".join([*MENU, EN1, EN2, *script, *TAIL]))
    assert EN2 in lines
    assert not set(script) & set(lines)


@pytest.mark.parametrize(
    "quote",
    [
        '"We are very proud of what the team has built over these years."',
        "«Nous n'avons jamais vu une crise de cette ampleur dans la région.»",
        'The club said in a statement: "The decision was not an easy one."',
    ],
)
def test_quoted_speech_between_paragraphs_stays(quote: str) -> None:
    assert is_quoted(quote)
    after = "Le ministre doit répondre aux questions des députés mardi prochain, a-t-on appris."
    lines = kept(
        page(FR1, FR2, "Réactions", "Photo : Jean Dupont", quote, after, "Tags : logement")
    )
    assert quote in lines
    assert after in lines


def test_is_quoted_near_misses() -> None:
    assert not is_quoted('"Home"')  # too short to be speech
    assert not is_quoted("The club said the decision was not easy.")


def test_code_lines_in_a_programming_article_stay() -> None:
    intro = (
        "The function below adds two numbers and prints the result, which is all that the "
        "first lesson of the course asks of you before we move on to the next one."
    )
    code = ["def add(a, b):", "return a + b", "print(add(1, 2))"]
    after = "That is all for today, and in the next lesson we will read numbers from a file."
    lines = kept(page(EN1, intro, "Example", "Photo: Jane Doe", *code, after, "Tags: python"))
    assert after in lines
    for line in code:
        assert line in lines


@pytest.mark.parametrize(
    "line",
    [
        "def add(a, b):",
        "for (int i = 0; i < n; i++) {",
        "x = compute(y);",
        "print(add(1, 2))",
        "</div>",
        "if a == b:",
    ],
)
def test_is_code(line: str) -> None:
    assert is_code(line)


@pytest.mark.parametrize(
    "line",
    [
        "The party (SPD) won the vote.",
        "Comments (3)",
        "Login | Register",
        "Preis: 20 Euro (inkl. MwSt.)",
        "Le prix : 12 € (TTC)",
        "}",
    ],
)
def test_is_code_near_misses(line: str) -> None:
    assert not is_code(line)


def test_numbered_items_need_a_neighbour() -> None:
    assert item_number("1. First item") == 1
    assert item_number("12) Twelfth") == 12
    assert item_number("2024. The year") is None
    assert item_number("1.5 million") is None
    # a date that starts with a day and a dot is not a list alone
    assert numbered(["Headline", "2. Februar 2020 Jane Doe", "Text"]) == [False, False, False]
    assert numbered(["1. eins", "2. zwei", "x", "4. vier"]) == [True, True, False, False]


def test_a_repeat_inside_the_article_keeps_its_first_copy() -> None:
    repeated = "The council will vote on the plan again in the spring, officials said."
    lines = kept(page(DE1, EN1, "Advertisement", repeated, "Photo: Jane Doe", EN2, repeated, FR1))
    assert lines.count(repeated) == 1


@pytest.mark.parametrize(
    "line",
    [
        "Il fiume in piena a Faenza. | Foto d'archivio",
        "The river in flood. | File photo",
        "Der Rhein bei Köln – Archivbild",
        "Le fleuve en crue à Lyon. | Photo d'archives",
        "El río a su paso por Zaragoza. | Foto de archivo",
    ],
)
def test_a_caption_with_its_credit_after_a_separator(line: str) -> None:
    found = catalogue(()).match(line)
    assert found is not None
    assert found[0] == "boilerplate.credit"


@pytest.mark.parametrize(
    "line",
    [
        "Sport | Football | File photo of the week: vote for the best picture of the season",
        "The file photo shows the river in flood.",
    ],
)
def test_a_credit_word_inside_a_line_is_no_caption(line: str) -> None:
    found = catalogue(()).match(line)
    assert found is None or found[0] != "boilerplate.credit"
