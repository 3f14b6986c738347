"""A headline right below a numbered breadcrumb, the breadcrumb's last item copying it, and a
breadcrumb glued to the headline without spaces: the head's rules read on their own, in several
languages, with their near misses."""

from __future__ import annotations

import time

import pytest
from tests.test_structure import view_of

import newsclean
from newsclean.filters.structure import (
    EVIDENCE,
    GLUED_CRUMBS_RE,
    HeadReader,
    View,
    _headline_text,
    read_head,
)

#: a numbered breadcrumb, a short headline (too short to stand out at a menu's end) and the
#: body's first paragraphs, per language
PAGES = {
    "en": (
        ["Home", "Health", "Flu"],
        "Flu vaccine arrives in pharmacies",
        "The new flu vaccine arrives in pharmacies this week, and doctors ask older people to "
        "book an appointment before the winter's first cold days.\n"
        "Pharmacies say the vaccine is free for people over sixty and for those who care for "
        "them, and that the flu season usually starts in December.",
    ),
    "de": (
        ["Startseite", "Gesundheit", "Grippe"],
        "Grippeimpfstoff kommt in die Apotheken",
        "Der neue Grippeimpfstoff kommt in dieser Woche in die Apotheken, und die Ärzte bitten "
        "ältere Menschen, rechtzeitig einen Termin zu vereinbaren.\n"
        "Die Apotheken sagen, der Impfstoff sei für Menschen über sechzig kostenlos, und die "
        "Grippesaison beginne meist im Dezember.",
    ),
    "es": (
        ["Portada", "Salud", "Gripe"],
        "Llega la vacuna de la gripe",
        "La nueva vacuna de la gripe llega esta semana a las farmacias, y los médicos piden a "
        "los mayores que pidan cita antes de los primeros fríos.\n"
        "Las farmacias dicen que la vacuna es gratuita para los mayores de sesenta años y que la "
        "temporada de gripe suele empezar en diciembre.",
    ),
    "fr": (
        ["Accueil", "Santé", "Grippe"],
        "Le vaccin antigrippe arrive en pharmacie",
        "Le nouveau vaccin antigrippe arrive cette semaine en pharmacie, et les médecins "
        "demandent aux personnes âgées de prendre rendez-vous avant les premiers froids.\n"
        "Les pharmacies disent que le vaccin est gratuit après soixante ans et que la saison de "
        "la grippe commence souvent en décembre.",
    ),
}

PAGE_ARGS = {"min_score": 4.5, "topic": True, "margin": 1.0}


def _page(lang: str, crumbs: list[str] | None = None, copy: str | None = None) -> View:
    menu, headline, body = PAGES[lang]
    items = [f"{n}. {w}" for n, w in enumerate(menu, 1)] if crumbs is None else crumbs
    lines: list[tuple[str, str | None]] = [(c, "boilerplate.navigation") for c in items]
    if copy is not None:
        lines.append((copy, None))  # the breadcrumb's last item, left in the text
    lines.append((headline, "boilerplate.link_list"))
    lines += [(p, None) for p in body.split("\n")]
    return view_of(lines)


@pytest.mark.parametrize("lang", sorted(PAGES))
def test_a_headline_below_a_numbered_breadcrumb_is_the_title(lang: str) -> None:
    # the headline was removed as a link; the breadcrumb counting down to "1. " right above it
    # is the page's path to it
    head = read_head(_page(lang), **PAGE_ARGS)
    assert head.title_text == PAGES[lang][1]


@pytest.mark.parametrize("lang", sorted(PAGES))
def test_without_the_breadcrumb_the_short_headline_is_not_enough(lang: str) -> None:
    # near miss: the same lines numbered from 2: no breadcrumb, the headline is too short to
    # stand out at the end of the menu, and nothing else speaks for it
    view = _page(lang, crumbs=[f"{n}. {w}" for n, w in enumerate(PAGES[lang][0], 2)])
    assert read_head(view, **PAGE_ARGS).title is None


@pytest.mark.parametrize("lang", sorted(PAGES))
def test_the_breadcrumb_is_evidence_only_for_the_page_preset(lang: str) -> None:
    view = _page(lang)
    i = len(PAGES[lang][0])
    with_topic = HeadReader(view, topic=True).candidate(i, i + 1, set())
    without = HeadReader(view).candidate(i, i + 1, set())
    assert with_topic is not None
    assert without is not None
    assert with_topic[0] >= without[0] + EVIDENCE["crumbs_above"]


@pytest.mark.parametrize(
    "crumbs",
    [
        ["3. Health", "4. Flu"],  # it does not count down to "1. "
        ["1. Home", "3. Flu"],  # a gap: not one list
        ["1. Home"],  # one item is no breadcrumb
        # an ordered list of tips, its items longer than crumbs
        ["1. Wash your hands often with soap and water", "2. Stay at home when you feel ill"],
    ],
)
def test_lines_that_are_not_a_numbered_breadcrumb(crumbs: list[str]) -> None:
    view = _page("en", crumbs=crumbs)
    assert not HeadReader(view, topic=True).crumbs_above(len(crumbs))


@pytest.mark.parametrize("lang", sorted(PAGES))
def test_the_breadcrumbs_copy_of_the_headline_leaves_with_the_head(lang: str) -> None:
    menu, headline, _ = PAGES[lang]
    copy = f"{len(menu) + 1}. {headline}"
    head = read_head(_page(lang, copy=copy), **PAGE_ARGS)
    assert head.title_text == headline
    assert len(menu) in head.section_lines


def test_a_numbered_line_that_is_not_the_headline_stays() -> None:
    # near miss: the breadcrumb's last item names the section, not the headline
    menu, headline, _ = PAGES["en"]
    head = read_head(_page("en", copy="4. Vaccines"), **PAGE_ARGS)
    assert head.title_text == headline
    assert len(menu) not in head.section_lines


def test_the_copy_leaves_the_body_in_a_cleaned_page() -> None:
    menu, headline, body = PAGES["de"]
    crumbs = [f"{n}. {w}" for n, w in enumerate(menu, 1)]
    text = "\n".join([*crumbs, f"4. {headline}", headline, "Von Max Muster", *body.split("\n")])
    article = newsclean.default_pipeline("page")(text)
    assert article.title == headline
    assert headline not in article.text
    assert article.text.startswith("Der neue Grippeimpfstoff")


@pytest.mark.parametrize(
    ("line", "headline"),
    [
        ("Forum>Garten>Tomaten im Herbst richtig pflanzen", "Tomaten im Herbst richtig pflanzen"),
        ("Home>News>Storm hits the coast tonight", "Storm hits the coast tonight"),
        ("Inicio»Deportes»El equipo gana la final de copa", "El equipo gana la final de copa"),
    ],
)
def test_a_breadcrumb_glued_to_the_headline_is_cut_off(line: str, headline: str) -> None:
    assert _headline_text(line, 1.0) == (headline, "crumbs")


@pytest.mark.parametrize(
    "line",
    [
        "Forum>Garten>kein Platz für Tomaten",  # what is left is no headline
        "News › Sport › Storm hits coast",  # spaced: a breadcrumb of its own, not a headline
        "Win>Lose",  # no headline after the crumbs
    ],
)
def test_lines_that_give_no_headline_after_their_crumbs(line: str) -> None:
    assert _headline_text(line, 1.0) is None


@pytest.mark.parametrize(
    "text", ["a>" * 50_000, ("x" * 29 + ">") * 5_000, ">" * 100_000, "a" * 30 + ">" * 3 + " "]
)
def test_glued_crumbs_on_hostile_lines(text: str) -> None:
    started = time.perf_counter()
    GLUED_CRUMBS_RE.search(text[:400], timeout=1.0)
    _headline_text(text[:399], 1.0)
    assert time.perf_counter() - started < 1


CREDITS = {
    "en": "Photo: Jane Doe / Reuters",
    "de": "Foto: Max Muster / dpa",
    "es": "Foto: Ana Ruiz / EFE",
    "fr": "Photo : Jeanne Martin / AFP",
}


def _with_line_between(lang: str, line: str) -> tuple[View, int]:
    menu, headline, body = PAGES[lang]
    lines: list[tuple[str, str | None]] = [(w, "boilerplate.navigation") for w in menu]
    lines += [(headline, "boilerplate.link_list"), (line, None)]
    lines += [(p, None) for p in body.split("\n")]
    return view_of(lines), len(menu)


@pytest.mark.parametrize("lang", sorted(CREDITS))
def test_a_pictures_credit_below_the_headline_does_not_count_against_it(lang: str) -> None:
    # the picture under the headline leaves its credit in the text: part of the head
    view, i = _with_line_between(lang, CREDITS[lang])
    assert HeadReader(view, topic=True).between(i, i + 2) == 0


@pytest.mark.parametrize("lang", sorted(CREDITS))
def test_another_line_below_the_headline_still_counts_against_it(lang: str) -> None:
    # near miss: a kept line that is no caption (another article's title) stands between
    view, i = _with_line_between(lang, "Ten tips for a quiet weekend in the mountains")
    assert HeadReader(view, topic=True).between(i, i + 2) == 1
