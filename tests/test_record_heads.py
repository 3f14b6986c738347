"""The head's rules on their own: the site part of a "Headline | Site" line, author boxes at the
end of an article, widget lines, kickers and numbered list items as would-be headlines."""

from __future__ import annotations

import pytest
from tests.test_structure import BODY, MENU, clean_twice, view_of

from newsclean.filters.structure import HeadReader, parse_byline, read_head


@pytest.mark.parametrize("sep", ["|", "-", "–"])
def test_the_site_part_of_a_title_line_is_not_a_headline_it_repeats(sep: str) -> None:
    headline = "La ciudad inaugura el nuevo hospital tras seis años de obras"
    view = view_of([(f"{headline} {sep} Diario del Sur", None), ("Diario del Sur", None)])
    reader = HeadReader(view)
    assert reader.repeated(1, "Diario del Sur") == 0
    assert reader.repeated(0, headline) == 0  # no other line holds the headline


@pytest.mark.parametrize(
    "other",
    [
        "Rain expected across the region tomorrow | The Daily Example",  # Headline | Site
        "News > Weather > Rain expected across the region tomorrow",  # a breadcrumb ending in it
        "Weather | Rain expected across the region tomorrow",  # a short part before a longer one
    ],
)
def test_a_line_holding_the_headline_as_one_part_is_evidence(other: str) -> None:
    # near misses: the headline is the longer part, or a breadcrumb ends in it
    headline = "Rain expected across the region tomorrow"
    view = view_of([(other, None), (headline, None)])
    assert HeadReader(view).repeated(1, headline) == 2


FR_BODY = (
    "La mairie a annoncé jeudi que les travaux de la nouvelle école commenceront au printemps, "
    "après deux années de retard dues à des problèmes de financement.\n"
    "Les parents d'élèves se disent soulagés mais restent attentifs au calendrier, qui a déjà "
    "changé plusieurs fois depuis le début du projet."
)
PL_BODY = (
    "Władze miasta ogłosiły w czwartek, że budowa nowej szkoły ruszy wiosną, po dwóch latach "
    "opóźnień spowodowanych brakiem pieniędzy na inwestycję.\n"
    "Rodzice uczniów mówią, że czekają na tę szkołę od dawna i będą uważnie śledzić harmonogram "
    "prac, który zmieniał się już kilka razy."
)
HEADLINE = "Rain expected across the whole region tomorrow"
MORE = (
    "Emergency crews have moved pumps and sandbags to the towns along the river, and schools "
    "near the water will stay closed until the warning is lifted.\n"
    "The last flood of this size, ten years ago, cut the main road to the coast for a week and "
    "left hundreds of homes without power."
)


@pytest.mark.parametrize(
    ("body", "box", "authors"),
    [
        (BODY, "Posted on 17 September 2024 by Jane Doe\nTags: weather, rivers", ("Jane Doe",)),
        (FR_BODY, "Article rédigé le 02/07/2024 par Jeanne Exemple", ("Jeanne Exemple",)),
        (
            PL_BODY,
            "O autorze\nTomasz Przykład\nDziennikarz działu miejskiego.",
            ("Tomasz Przykład",),
        ),
        (
            BODY,
            "About the author\nJane Doe is a senior fellow at the Institute for Local Futures.",
            ("Jane Doe",),
        ),
    ],
)
def test_an_author_box_after_the_last_paragraph_names_the_author(
    body: str, box: str, authors: tuple[str, ...]
) -> None:
    article = clean_twice(f"{MENU}\n{HEADLINE}\n3 May 2024\n{body}\n{box}\nContact us")
    assert article.authors == authors


def test_a_dated_byline_at_the_end_gives_the_date_when_the_head_has_none() -> None:
    article = clean_twice(f"{MENU}\n{HEADLINE}\n{BODY}\nPosted on 17 September 2024 by Jane Doe")
    assert article.authors == ("Jane Doe",)
    assert article.published == "2024-09-17"


def test_a_byline_in_the_head_outdoes_one_at_the_end() -> None:
    # near miss: the head names the author, so a byline at the end is another article's
    text = f"{MENU}\n{HEADLINE}\nBy Jane Doe\n{BODY}\nBy John Roe"
    assert clean_twice(text).authors == ("Jane Doe",)


def test_a_related_articles_byline_at_the_end_is_not_the_authors() -> None:
    # near miss: a related article's headline stands between the body and the byline
    related = "Flood barriers to be raised along the river before winter"
    text = f"{MENU}\n{HEADLINE}\n3 May 2024\n{BODY}\n{related}\nBy John Roe\nContact us"
    assert clean_twice(text).authors == ()


def test_a_byline_above_more_of_the_article_is_not_an_author_box() -> None:
    # near miss: the article goes on below the line, so it is no box at its end
    third, fourth = MORE.split("\n")
    text = f"{MENU}\n{HEADLINE}\n3 May 2024\n{BODY}\n{third}\nPosted by John Roe\n{fourth}"
    assert clean_twice(text).authors == ()


def test_about_the_author_needs_a_name_below() -> None:
    text = (
        f"{MENU}\n{HEADLINE}\n3 May 2024\n{BODY}\nAbout the author\n"
        "Our writers cover the region every day."
    )
    assert clean_twice(text).authors == ()


@pytest.mark.parametrize(
    ("line", "names", "agency"),
    [
        ("By MARIA DELGADO, Associated Press", ["Maria Delgado"], "Associated Press"),
        ("By Jane Doe, The Associated Press", ["Jane Doe"], "The Associated Press"),
        ("By Jane Doe and Ann Press", ["Jane Doe", "Ann Press"], None),  # near miss
    ],
)
def test_an_agency_of_two_words_after_the_names_is_the_agency(
    line: str, names: list[str], agency: str | None
) -> None:
    assert parse_byline(line, None) == (names, agency)


NOTICES = {
    "en": (
        "JavaScript is turned off in your browser. Some parts of this site will not work "
        "without it, so please turn it on to read everything.",
        "Heavy rain expected across the whole region tomorrow",
        "17 September 2024",
        BODY,
    ),
    "de": (
        "Achtung! In Ihrem Browser ist JavaScript ausgeschaltet. Ohne JavaScript funktionieren "
        "einige Teile dieser Seite nur eingeschränkt.",
        "Neue Schule in der Altstadt soll im Frühjahr gebaut werden",
        "12.03.2024 10:15",
        "Die Stadt hat am Donnerstag angekündigt, dass der Bau der neuen Schule in der Altstadt "
        "im Frühjahr beginnt, nach zwei Jahren Verzögerung wegen der Finanzierung.\n"
        "Die Eltern der Schüler sind erleichtert, wollen den Zeitplan der neuen Schule aber genau "
        "verfolgen.",
    ),
}


def _notice_page(lang: str, between: list[tuple[str, str | None]]) -> list[tuple[str, str | None]]:
    notice, headline, date, body = NOTICES[lang]
    lines: list[tuple[str, str | None]] = [(w, "boilerplate.navigation") for w in MENU.split("\n")]
    lines += [(notice, None), *between]
    lines += [(headline, "boilerplate.nav_title"), (date, None)]
    lines += [(p, None) for p in body.split("\n")]
    return lines


@pytest.mark.parametrize("lang", ["en", "de"])
def test_a_notice_alone_among_chrome_is_read_past_for_the_head(lang: str) -> None:
    # a paragraph of prose with the page's chrome right after it (a notice, a welcome) comes
    # before the article's head: the headline is looked for above the next paragraph
    menu = [("Start", "boilerplate.navigation"), ("Newsroom", "boilerplate.chrome")]
    head = read_head(view_of(_notice_page(lang, menu)), min_score=4.5, topic=True, margin=1.0)
    assert head.title_text == NOTICES[lang][1]


@pytest.mark.parametrize("lang", ["en", "de"])
def test_no_head_is_read_past_a_list_of_other_articles(lang: str) -> None:
    # near miss: a list of related articles after the first paragraph means the body had begun
    # (an author's box, a teaser), and a headline with its date below it is another article's
    between = [("Related articles", "boilerplate.related"), ("Start", "boilerplate.navigation")]
    view = view_of(_notice_page(lang, between))
    assert read_head(view, min_score=4.5, topic=True, margin=1.0).title is None


def test_no_head_is_read_past_a_paragraph_the_body_goes_on_from() -> None:
    # near miss: the first paragraph is followed by kept text (the body goes on), and in
    # extracted text (no topic rule) the first paragraph is always the body's start
    more = "The story goes on in a second paragraph, which the first one runs into right here."
    lines = _notice_page("en", [(more, None)])
    assert read_head(view_of(lines), min_score=4.5, topic=True, margin=1.0).title is None
    lines = _notice_page("en", [("Start", "boilerplate.navigation")])
    assert read_head(view_of(lines), min_score=4.5).title is None
