"""A head that stands tight around its headline, a short headline read only there, and a kicker
glued to a line of its own: the head's rules read on their own, in several languages, with their
near misses (``page`` preset arguments)."""

from __future__ import annotations

import time

import pytest
from tests.test_structure import view_of

from newsclean.filters import structure
from newsclean.filters.structure import GLUE_RE, HeadReader, View, read_head

PAGE_ARGS = {"min_score": 4.5, "topic": True, "margin": 1.0}

MENU: list[tuple[str, str | None]] = [
    ("* Home", "boilerplate.navigation"),
    ("* News", "boilerplate.navigation"),
    ("* Sport", "boilerplate.navigation"),
]

#: a headline that rewords its body (few of its words in it), a byline with its date, the body
PAGES = {
    "en": (
        "What is innovation?",
        "By Jane Doe | 3 May 2024",
        "In June 2005 a founder of a computer company gave a speech to the graduates of a "
        "university in California, and he told them three stories from his life.\n"
        "A designer later drew a simple answer to the question on a sheet of paper, and the "
        "drawing went round the world within a week.",
    ),
    "de": (
        "Was ist Innovation?",
        "Von Max Muster | 03.05.2024",
        "Im Juni 2005 hielt der Gründer einer Computerfirma eine Rede vor den Absolventen einer "
        "Universität in Kalifornien und erzählte ihnen drei Geschichten aus seinem Leben.\n"
        "Ein Grafiker hat später eine einfache Antwort auf die Frage gezeichnet, und die "
        "Zeichnung ging innerhalb einer Woche um die Welt.",
    ),
    "es": (
        "¿Qué es innovar?",
        "Por Ana Ruiz | 3 de mayo de 2024",
        "En junio de 2005 el fundador de una empresa de ordenadores dio un discurso ante los "
        "graduados de una universidad de California y les contó tres historias de su vida.\n"
        "Un diseñador dibujó más tarde una respuesta sencilla a la pregunta en una hoja de "
        "papel, y el dibujo dio la vuelta al mundo en una semana.",
    ),
    "fr": (
        "Innover, la question ?",
        "Par Jeanne Martin | 3 mai 2024",
        "En juin 2005, le fondateur d'une entreprise d'ordinateurs a prononcé un discours devant "
        "les diplômés d'une université de Californie et leur a raconté trois histoires de sa "
        "vie.\nUn graphiste a dessiné plus tard une réponse simple à la question sur une feuille "
        "de papier, et le dessin a fait le tour du monde en une semaine.",
    ),
}


def _body(lang: str) -> list[tuple[str, str | None]]:
    return [(p, None) for p in PAGES[lang][2].split("\n")]


def _title(lines: list[tuple[str, str | None]]) -> str | None:
    head = read_head(view_of(lines), **PAGE_ARGS)
    return None if head.title is None else head.title_text


@pytest.mark.parametrize("lang", sorted(PAGES))
def test_a_headline_with_its_byline_right_below_and_the_body_after(
    lang: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # headline / byline and date / body, nothing else kept between: the head is complete
    headline, byline, _ = PAGES[lang]
    lines = [*MENU, (headline, None), (byline, None), *_body(lang)]
    assert _title(lines) == headline
    monkeypatch.setitem(structure.EVIDENCE, "tight_head", 0.0)
    assert _title(lines) is None


@pytest.mark.parametrize("lang", sorted(PAGES))
def test_a_head_going_on_above_is_not_tight(lang: str) -> None:
    # near miss: a kept line above the candidate (the head may start higher up)
    headline, byline, _ = PAGES[lang]
    lines = [*MENU, ("Our thoughts on the week ahead", None), (headline, None), (byline, None)]
    assert _title(lines + _body(lang)) is None


@pytest.mark.parametrize("lang", sorted(PAGES))
def test_a_kept_line_before_the_body_is_not_tight(lang: str) -> None:
    # near miss: a kept line between the byline and the body ("Listen to this article")
    headline, byline, _ = PAGES[lang]
    lines = [*MENU, (headline, None), (byline, None), ("Listen to this article now", None)]
    assert _title(lines + _body(lang)) is None


def test_a_copy_of_the_line_above_is_not_tight() -> None:
    # near miss: the headline twice, the copy above removed as a repeat: the copy below takes
    # no extra point over it
    headline, byline, _ = PAGES["en"]
    lines = [*MENU, (headline, "boilerplate.duplicate"), (headline, None), (byline, None)]
    reader = HeadReader(view_of(lines + _body("en")), topic=True)
    assert reader.held_above(4)
    assert not reader.held_above(3)


#: two-word headlines and a date line, per language
SHORT = {
    "en": ("Hello again!", "3 May 2024"),
    "de": ("Tach auch!", "Dienstag, 28. April 2020"),
    "es": ("¡Buenas noticias!", "3 de mayo de 2024"),
    "fr": ("Me revoilà !", "3 mai 2024"),
}


@pytest.mark.parametrize("lang", sorted(SHORT))
def test_a_two_word_headline_right_above_the_date_and_the_body(
    lang: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    headline, date = SHORT[lang]
    lines = [*MENU, (headline, None), (date, None), *_body(lang)]
    assert _title(lines) == headline
    monkeypatch.setattr(HeadReader, "short_headline", lambda self, i, start: None)
    assert _title(lines) is None


@pytest.mark.parametrize("lang", sorted(SHORT))
def test_a_two_word_headline_below_the_date_with_the_url_slug(lang: str) -> None:
    # date / headline / body: a candidate, which the URL's slug then names
    headline, date = SHORT[lang]
    lines = [*MENU, (date, None), (headline, None), *_body(lang)]
    plain = view_of(lines)
    slug = "-".join(w.strip("!¡?¿") for w in headline.casefold().split() if w.strip("!¡?¿"))
    url = f"https://example.org/2024/05/{slug}-blog"  # a slug has three words or more
    view = View(plain.blocks, plain.reasons, url, None)
    head = read_head(view, **PAGE_ARGS)
    assert head.title_text == headline
    reader = HeadReader(view, topic=True)
    assert reader.short_headline(4, 5) is not None


@pytest.mark.parametrize("lang", sorted(SHORT))
@pytest.mark.parametrize(
    "shape",
    ["name", "kept between", "no head line", "colon", "list item", "three words"],
)
def test_short_lines_that_are_no_headline(lang: str, shape: str) -> None:
    headline, date = SHORT[lang]
    body = _body(lang)
    if shape == "name":  # a byline's name above its date line
        lines = [*MENU, ("Jane Doe", None), (date, None), *body]
    elif shape == "kept between":  # a kept line between it and the body
        lines = [*MENU, (date, None), (headline, None), ("Listen to this article", None), *body]
    elif shape == "no head line":  # right above the body, but no byline or date beside it
        lines = [*MENU, (headline, None), *body]
    elif shape == "colon":  # a label
        lines = [*MENU, ("Read more:", None), (date, None), *body]
    elif shape == "list item":
        lines = [*MENU, (f"* {headline}", None), (date, None), *body]
    else:  # three words go through the usual shape, not this one
        lines = [*MENU, (f"{headline} und so", None), (date, None), *body]
    reader = HeadReader(view_of(lines), topic=True)
    assert reader.short_headline(3, len(lines) - 2) is None
    if shape != "three words":
        assert _title(lines) is None


#: a kicker glued to a headline-like line, which the page also gives on its own
GLUED = {
    "en": ("Olympic Games", "Olympics 2022 in Beijing"),
    "de": ("Olympische Spiele", "Olympia 2022 in Peking"),
    "es": ("Juegos Olímpicos", "Pekín 2022 en directo"),
    "fr": ("Jeux olympiques", "Pékin 2022 en direct"),
}


def _glued_page(lang: str, glued: str) -> list[tuple[str, str | None]]:
    kicker, _ = GLUED[lang]
    return [
        (f"* {kicker}", "boilerplate.navigation"),
        ("* Sport", "boilerplate.navigation"),
        ("* Video", "boilerplate.navigation"),
        (glued, None),
        ("Second positive test in the team causes a stir at the games", "boilerplate.chrome"),
        *_body(lang),
        (glued, None),
    ]


@pytest.mark.parametrize("lang", sorted(GLUED))
def test_a_kicker_glued_to_a_line_is_no_headline(
    lang: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    kicker, line = GLUED[lang]
    lines = _glued_page(lang, kicker + line)
    reader = HeadReader(view_of(lines), topic=True)
    assert reader.glued(3, kicker + line)
    assert _title(lines) is None
    monkeypatch.setattr(HeadReader, "glued", lambda self, i, text: False)
    assert _title(lines) == kicker + line


@pytest.mark.parametrize(
    ("lang", "headline"),
    [
        ("en", "LinkedIn cuts jobs at its office in Dublin"),
        ("de", "SportScheck schließt die Filiale in der Innenstadt"),
        ("es", "YouTube cambia las reglas para los vídeos cortos"),
        ("fr", "PayPal ouvre un bureau à Lyon cette année"),
    ],
)
def test_a_name_written_glued_stands_alone_nowhere(lang: str, headline: str) -> None:
    # near miss: a brand written without a space; neither part is a line of the page
    _, byline, _ = PAGES[lang]
    lines = [*MENU, (headline, None), (byline, None), *_body(lang)]
    reader = HeadReader(view_of(lines), topic=True)
    assert not reader.glued(3, headline)


@pytest.mark.parametrize("text", ["aA" * 50_000, "ab1" * 30_000, "aaB" * 30_000, "a" * 100_000])
def test_glue_on_hostile_lines(text: str) -> None:
    started = time.perf_counter()
    list(GLUE_RE.finditer(text, timeout=1.0))
    HeadReader(view_of([(text, None)]), topic=True).glued(0, text)
    assert time.perf_counter() - started < 1


#: a third paragraph, so that the body has enough words of its own to judge a line off its topic
MORE = {
    "en": "Teachers in several countries now show the drawing in their classes, and students "
    "discuss whether a simple picture can explain how new products and services are created.",
    "de": "Lehrer in mehreren Ländern zeigen die Zeichnung heute in ihren Klassen, und Schüler "
    "diskutieren, ob ein einfaches Bild erklären kann, wie neue Produkte entstehen.",
    "es": "Profesores de varios países muestran hoy el dibujo en sus clases, y los alumnos "
    "discuten si una imagen sencilla puede explicar cómo nacen productos y servicios nuevos.",
    "fr": "Des enseignants de plusieurs pays montrent aujourd'hui le dessin en classe, et les "
    "élèves discutent pour savoir si une image simple explique la naissance de produits neufs.",
}


def _long_body(lang: str) -> list[tuple[str, str | None]]:
    return [*_body(lang), (MORE[lang], None)]


#: prompts a page's filters may leave between the head and the body, sharing no word with it
PROMPTS = {
    "en": ("Get the newsletter everyone is talking about", "Sign up for our free daily briefing"),
    "de": (
        "Hol dir den Newsletter, über den alle sprechen",
        "Jetzt kostenlos fürs Briefing anmelden",
    ),
    "es": ("Recibe el boletín del que todos hablan", "Suscríbete gratis al resumen diario"),
    "fr": ("Recevez notre lettre d'information gratuite", "Inscrivez-vous au résumé quotidien"),
}


@pytest.mark.parametrize("lang", sorted(PROMPTS))
def test_prompts_off_the_topic_below_a_byline_do_not_count_against_the_headline(
    lang: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # headline / byline / two prompts the filters left / body: the prompts share no word with
    # the body, so they are no part of the head between the headline and the body
    headline, byline, _ = PAGES[lang]
    lines = [*MENU, (headline, None), (byline, None), *[(p, None) for p in PROMPTS[lang]]]
    lines += _long_body(lang)
    reader = HeadReader(view_of(lines), topic=True)
    assert reader.off_topic(5, 7)
    assert reader.between(3, 7, past_off_topic=True) == 0
    assert _title(lines) == headline
    monkeypatch.setattr(HeadReader, "off_topic", lambda self, i, start: False)
    assert _title(lines) is None


@pytest.mark.parametrize("lang", sorted(PROMPTS))
def test_lines_on_the_topic_between_still_count(lang: str) -> None:
    # near miss: the lines between share the body's words (a second headline, a summary)
    headline, byline, body = PAGES[lang]
    first = body.split("\n")[0]
    between = [" ".join(first.split()[:6]), " ".join(first.split()[6:12])]
    lines = [*MENU, (headline, None), (byline, None), *[(p, None) for p in between]]
    lines += _long_body(lang)
    reader = HeadReader(view_of(lines), topic=True)
    assert not reader.off_topic(5, 7)
    assert reader.between(3, 7, past_off_topic=True) == 2


@pytest.mark.parametrize("lang", sorted(PROMPTS))
def test_off_topic_lines_count_without_a_byline_below(lang: str) -> None:
    # near miss: no byline or date right below the candidate; its head is not plain, and the
    # lines between count against it as before
    headline, _, _ = PAGES[lang]
    lines = [*MENU, (headline, None), *[(p, None) for p in PROMPTS[lang]], *_long_body(lang)]
    reader = HeadReader(view_of(lines), topic=True)
    got = reader.candidate(3, 6, set())
    assert got is None or got[0] < PAGE_ARGS["min_score"]
    assert _title(lines) is None
