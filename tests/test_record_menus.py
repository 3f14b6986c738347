"""A headline that stands out at the end of a menu's short lines, and a dek below a byline and a
date line: the head's rules read on their own, in several languages, with their near misses."""

from __future__ import annotations

import pytest
from tests.test_structure import view_of

from newsclean.filters.structure import (
    EVIDENCE,
    MENU_RATIO,
    HeadReader,
    View,
    read_head,
)

#: a page's menu, its headline and the body's first paragraphs, per language
PAGES = {
    "en": (
        ["Home", "News", "Local", "Weather", "Sport"],
        "Flood barriers raised along the river as heavy rain reaches the valley",
        "Flood barriers were raised along the river on Friday as heavy rain reached the valley, "
        "and the council asked people near the water to move their cars before nightfall.\n"
        "Engineers said the barriers would hold if the river rose by less than two metres, which "
        "the weather service expects after a week of heavy rain in the valley.",
    ),
    "de": (
        ["Startseite", "Nachrichten", "Region", "Wetter", "Sport"],
        "Hochwasserschutz am Fluss nach starkem Regen im Tal aufgebaut",
        "Der Hochwasserschutz am Fluss ist am Freitag aufgebaut worden, nachdem starker Regen das "
        "Tal erreicht hatte. Die Stadt bat die Anwohner, ihre Autos wegzustellen.\n"
        "Die Ingenieure sagen, der Hochwasserschutz halte, wenn der Fluss um weniger als zwei "
        "Meter steige, was der Wetterdienst nach dem Regen im Tal erwartet.",
    ),
    "es": (
        ["Portada", "Noticias", "Región", "Tiempo", "Deportes"],
        "Suben las barreras contra inundaciones en el río por la lluvia en el valle",
        "Las barreras contra inundaciones subieron el viernes en el río porque la lluvia llegó al "
        "valle, y el ayuntamiento pidió a los vecinos que movieran sus coches.\n"
        "Los ingenieros dicen que las barreras aguantan si el río sube menos de dos metros, lo "
        "que el servicio del tiempo espera tras una semana de lluvia en el valle.",
    ),
    "fr": (
        ["Accueil", "Actualités", "Région", "Météo", "Sport"],
        "Les barrières anti-crue dressées le long de la rivière sous la pluie",
        "Les barrières anti-crue ont été dressées vendredi le long de la rivière, alors que la "
        "pluie atteignait la vallée, et la mairie a demandé aux riverains de déplacer leurs "
        "voitures.\nLes ingénieurs disent que les barrières tiendront si la rivière monte de "
        "moins de deux mètres, ce que prévoit la météo après une semaine de pluie.",
    ),
}

PAGE_ARGS = {"min_score": 4.5, "topic": True, "margin": 1.0}


def _page(
    lang: str,
    menu_reason: str | None = "boilerplate.navigation",
    above: list[str] | None = None,
) -> View:
    menu, headline, body = PAGES[lang]
    items = menu if above is None else above
    lines: list[tuple[str, str | None]] = [(f"* {w}", menu_reason) for w in items]
    lines.append((headline, "boilerplate.link_list"))
    lines += [(p, None) for p in body.split("\n")]
    return view_of(lines)


@pytest.mark.parametrize("lang", sorted(PAGES))
def test_a_headline_at_the_end_of_a_menu_is_the_title(lang: str) -> None:
    # the headline was removed as a link, like the menu's items above it, but it stands out
    # among them: many more words than they have, right above the body
    head = read_head(_page(lang), **PAGE_ARGS)
    assert head.title_text == PAGES[lang][1]


@pytest.mark.parametrize("lang", sorted(PAGES))
def test_the_end_of_a_menu_is_evidence_only_for_the_page_preset(lang: str) -> None:
    view = _page(lang)
    i = len(PAGES[lang][0])
    start = i + 1
    with_topic = HeadReader(view, topic=True).candidate(i, start, set())
    without = HeadReader(view).candidate(i, start, set())
    assert with_topic is not None
    assert without is not None
    # the topic point and the menu's end; extracted text (no topic rule) gets neither
    assert with_topic[0] >= without[0] + EVIDENCE["on_topic"] + EVIDENCE["menu_end"]


@pytest.mark.parametrize("lang", sorted(PAGES))
def test_the_last_of_a_related_list_is_not_the_title(lang: str) -> None:
    # near miss: a list of related articles whose items share the body's words; its last item
    # is as long as the others, so it does not stand out as a headline
    _, headline, _ = PAGES[lang]
    related = [f"{headline} ({n})" for n in range(2, 5)]
    head = read_head(_page(lang, menu_reason="boilerplate.link_list", above=related), **PAGE_ARGS)
    assert head.title is None


@pytest.mark.parametrize("lang", sorted(PAGES))
def test_a_menu_left_in_the_text_gives_no_such_evidence(lang: str) -> None:
    # near miss: the short lines above were kept, so they are not a menu the page removed
    view = _page(lang, menu_reason=None)
    i = len(PAGES[lang][0])
    assert not HeadReader(view, topic=True).ends_menu(i, PAGES[lang][1])


def test_a_site_name_and_its_slogan_are_no_menu() -> None:
    # near miss: the text's first lines (a site's name, then its slogan) have fewer lines above
    # than a menu has
    _, _, body = PAGES["en"]
    slogan = "Flood news and weather from the valley every single day of the week"
    lines: list[tuple[str, str | None]] = [
        ("Valley Courier", "boilerplate.chrome"),
        (slogan, "boilerplate.chrome"),
    ]
    lines += [(p, None) for p in body.split("\n")]
    reader = HeadReader(view_of(lines), topic=True)
    assert not reader.ends_menu(1, slogan)


def test_a_short_line_after_a_menu_does_not_stand_out() -> None:
    # near miss: a line with fewer than MENU_RATIO times the words of the menu's items
    menu, _, body = PAGES["en"]
    short = "Heavy rain in the valley"
    assert len(short.split()) < MENU_RATIO * 2
    lines: list[tuple[str, str | None]] = [(f"* {w} {w}", "boilerplate.navigation") for w in menu]
    lines.append((short, "boilerplate.link_list"))
    lines += [(p, None) for p in body.split("\n")]
    assert not HeadReader(view_of(lines), topic=True).ends_menu(len(menu), short)


DEKS = {
    "en": ("By Jane Doe", "17 September 2024"),
    "de": ("Von Max Muster", "17.09.2024, 10:15 Uhr"),
    "fr": ("Par Jeanne Martin", "17 septembre 2024"),
}


@pytest.mark.parametrize("lang", sorted(DEKS))
def test_a_dek_below_a_byline_and_a_date_belongs_to_the_headline_above(lang: str) -> None:
    # headline / byline / date / dek / body: the dek below the head's two lines is not a rival
    # headline, so the headline above them is the title
    menu, headline, body = PAGES[lang]
    byline, date = DEKS[lang]
    first, rest = body.split("\n")
    dek = first.split(",")[0]
    lines: list[tuple[str, str | None]] = [(f"* {w}", "boilerplate.navigation") for w in menu]
    lines += [(headline, None), (byline, None), (date, None), (dek, None), (rest, None)]
    view = view_of(lines)
    reader = HeadReader(view, topic=True)
    dek_at = len(menu) + 3
    assert reader.owned_head_line_above(dek_at, dek_at + 1)
    assert read_head(view, **PAGE_ARGS).title_text == headline


def test_a_breadcrumbs_last_item_above_the_head_lines_owns_nothing() -> None:
    # near miss: a breadcrumb's numbered item ("4. Weather") above the date and byline is not a
    # headline, so the line below them is no dek of it
    _, headline, body = PAGES["en"]
    lines: list[tuple[str, str | None]] = [
        ("1. Home", None),
        ("2. News", None),
        ("3. Local news", None),
        ("4. Heavy rain and flood barriers in the valley", None),
        ("17 September 2024", None),
        ("By Jane Doe", None),
        (headline, None),
    ]
    lines += [(p, None) for p in body.split("\n")]
    reader = HeadReader(view_of(lines), topic=True)
    assert not reader.owned_head_line_above(6, 7)
