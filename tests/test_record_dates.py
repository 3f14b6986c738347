"""Dates in numbers in the head ("19/06/2024", "03-10-2024", "14.jan.2025"): the order of day and
month comes from the page's language (``data/lang/<xx>/dates.txt``); a date the language could
write either way is left unread."""

from __future__ import annotations

import datetime as dt

import pytest
from tests.test_structure import BODY, MENU, clean_twice

from newsclean.filters.facts.dates import find_dates, find_numeric_dates, numeric_forms
from newsclean.filters.structure import line_dates

FR_BODY = (
    "La mairie a annoncé jeudi que les travaux de la nouvelle école commenceront au printemps, "
    "après deux années de retard dues à des problèmes de financement.\n"
    "Les parents d'élèves se disent soulagés mais restent attentifs au calendrier, qui a déjà "
    "changé plusieurs fois depuis le début du projet."
)
PT_BODY = (
    "O governo anunciou nesta terça-feira que as obras da nova linha de metrô devem começar no "
    "segundo semestre, depois de dois anos de atrasos por falta de recursos.\n"
    "Os moradores da região dizem que esperam a obra há muito tempo e que vão acompanhar o "
    "calendário, que já mudou várias vezes desde o início do projeto."
)


@pytest.mark.parametrize(
    ("lang", "line", "date"),
    [
        ("fr", "Le 14/06/2024 à 07:45", "2024-06-14"),
        ("it", "Pubblicato il 21/09/2024", "2024-09-21"),
        ("nl", "Gepubliceerd: 03-10-2024 14:22", "2024-10-03"),
        ("pt", "Publicado em 02/05/2024 - 06:30", "2024-05-02"),
        ("es", "Publicado el 05/03/2024", "2024-03-05"),
        ("de", "Erstellt am 01/06/2024", "2024-06-01"),
        # English writes both orders: a day above 12 tells them apart
        ("en", "Published on 19/06/2024 at 14:22", "2024-06-19"),
        ("en", "Published 06/19/2024", "2024-06-19"),
    ],
)
def test_a_date_in_numbers_is_read_in_the_order_of_its_language(
    lang: str, line: str, date: str
) -> None:
    got = line_dates(line, 1.0, forms=numeric_forms((lang,)))
    assert got is not None
    assert got.published is not None
    assert got.published[0].isoformat() == date


@pytest.mark.parametrize(
    ("langs", "line"),
    [
        (("en",), "Published 05/03/2024"),  # 5 March or May 3: English does not tell
        (None, "05/03/2024"),  # no language known: every pack's orders
        (("fr",), "Le 31/02/2024"),  # no such day
        (("fr",), "Le 14/06/24"),  # a two-digit year is not read
    ],
)
def test_a_date_in_numbers_the_language_does_not_tell_is_left_unread(
    langs: tuple[str, ...] | None, line: str
) -> None:
    assert line_dates(line, 1.0, forms=numeric_forms(langs)) is None


def test_numbers_that_are_not_a_date_are_not_read() -> None:
    forms = numeric_forms()
    for text in ("Score 3/4/2024/5", "ISBN 978-3-16-148410-0", "1/2 cup", "12-14-20244"):
        assert list(find_numeric_dates(text, forms, timeout=1.0)) == [], text


def test_the_numeric_forms_come_from_the_packs() -> None:
    assert numeric_forms(("en",)).orders["/"] == frozenset({"dm", "md"})
    assert numeric_forms(("fr",)).orders["/"] == frozenset({"dm"})
    assert numeric_forms(("fr",)).read(5, "/", 3, 2024) == dt.date(2024, 3, 5)
    assert numeric_forms(("en",)).read(5, "/", 3, 2024) is None
    assert numeric_forms(("en",)).read(5, "/", 5, 2024) == dt.date(2024, 5, 5)


@pytest.mark.parametrize(
    ("text", "date"),
    [("14.jan.2025 às 9h40", dt.date(2025, 1, 14)), ("3.fev.2024", dt.date(2024, 2, 3))],
)
def test_a_day_month_and_year_joined_by_dots(text: str, date: dt.date) -> None:
    found = [d.date() for d in find_dates(text, timeout=1.0)]
    assert found == [date]


def test_a_page_date_in_numbers_reaches_the_record() -> None:
    article = clean_twice(
        f"{MENU}\nLa nouvelle école ouvrira ses portes au printemps prochain\n"
        f"Le 14/06/2024 à 07:45\n{FR_BODY}"
    )
    assert article.published == "2024-06-14"
    article = clean_twice(
        f"{MENU}\nObras da nova linha de metrô começam no segundo semestre\n"
        f"14.jan.2025 às 9h40\n{PT_BODY}"
    )
    assert article.published == "2025-01-14"


def test_an_english_page_leaves_an_ambiguous_date_unread() -> None:
    article = clean_twice(f"{MENU}\nRain expected across the region tomorrow\n05/03/2024\n{BODY}")
    assert article.published is None
    article = clean_twice(f"{MENU}\nRain expected across the region tomorrow\n19/03/2024\n{BODY}")
    assert article.published == "2024-03-19"


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("1. November 20161. November 2016", dt.date(2016, 11, 1)),
        ("Veröffentlicht am 10. Februar 20199. Februar 2019", dt.date(2019, 2, 10)),
        ("5 de mayo de 20236 de mayo de 2023", dt.date(2023, 5, 5)),
        ("12 marca 202413 marca 2024", dt.date(2024, 3, 12)),
        ("1 juin 20242 juin 2024", dt.date(2024, 6, 1)),
    ],
)
def test_a_published_date_glued_to_the_updated_one(text: str, date: dt.date) -> None:
    # the first date is read; the second, glued to its year, is not taken for a year of its own
    assert [d.date() for d in find_dates(text, timeout=1.0)][:1] == [date]
    read = line_dates(text, 1.0)
    assert read is not None
    assert read.published is not None
    assert read.published[0] == date


@pytest.mark.parametrize(
    "text",
    # near misses: a year run into other digits or words is no year
    ["am 3. Mai 20161. Platz", "im Jahr 20161 Menschen", "3. Mai 201655 Mai", "3. Mai 201612 Mais"],
)
def test_a_year_run_into_digits_is_not_read(text: str) -> None:
    assert all(d.year != 2016 for d in find_dates(text, timeout=1.0))


def test_a_glued_date_line_stands_below_its_headline() -> None:
    article = clean_twice(
        f"{MENU}\nHeavy rain expected across the region tomorrow\n"
        f"1 November 20161 November 2016 newsdesk\n{BODY}"
    )
    assert article.title == "Heavy rain expected across the region tomorrow"
    assert article.published == "2016-11-01"


def test_a_glued_year_is_read_in_linear_time() -> None:
    import time

    text = "1. November 2016" + "1" * 20_000
    start = time.process_time()
    find_dates(text, timeout=1.0)
    assert time.process_time() - start < 1.0
