"""The article's head read into the record: headline, byline, dates, dateline, section."""

from __future__ import annotations

import json
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.invariants import check_article, check_idempotent

import newsclean
from newsclean._patterns import plain_path
from newsclean.draft import Block
from newsclean.filters.structure import (
    DATELINE_RE,
    RECORD_SECTIONS,
    SEPARATOR_RE,
    HeadReader,
    View,
    _uncased,
    all_record_words,
    body_start,
    content_stems,
    is_byline_intro,
    is_caption,
    is_tag_run,
    line_dates,
    name_list,
    name_of,
    names_beside_date,
    numbered_item,
    parse_byline,
    read_head,
    slug_words,
)
from newsclean.lang import languages_with
from newsclean.lang import sections as pack_sections
from newsclean.record import Article, Source

BODY = (
    "Heavy rain is expected across the whole region tomorrow morning, the weather service said "
    "on Friday in its latest forecast for the coming days.\n"
    "The service said rivers could rise quickly and asked people living near them to stay alert "
    "through the weekend and to follow the local news."
)
MENU = "Home\nNews\nSport\nWeather\nContact us"


def clean_twice(text: str, preset: str = "page", **meta: str) -> Article:
    pipeline = newsclean.default_pipeline(preset)
    article = pipeline({"text": text, **meta})
    check_article(article)
    again = pipeline(article.text)
    check_idempotent(article, again)
    return article


@pytest.mark.parametrize(
    ("line", "names", "agency"),
    [
        ("By Jane Doe and John Roe", ["Jane Doe", "John Roe"], None),
        ("By Jane Doe, John Roe and Ann Lee", ["Jane Doe", "John Roe", "Ann Lee"], None),
        ("Von Max Muster und Eva Beispiel", ["Max Muster", "Eva Beispiel"], None),
        ("Par Jeanne Exemple", ["Jeanne Exemple"], None),
        ("Por Juan Ejemplo y Ana Muestra", ["Juan Ejemplo", "Ana Muestra"], None),
        ("di Mario Esempio", ["Mario Esempio"], None),
        ("Door Jan de Vries", ["Jan de Vries"], None),
        ("Autor: Tomasz Przykład", ["Tomasz Przykład"], None),
        ("Text: Lena Beispiel", ["Lena Beispiel"], None),
        ("Jane Doe, Associated Press Writer", ["Jane Doe"], None),
        ("By Jane Doe, Reuters", ["Jane Doe"], "Reuters"),
        ("Von Max Muster, dpa", ["Max Muster"], "dpa"),
        ("By Jane Doe | 3 May 2024", ["Jane Doe"], None),
        ("* By Jane Doe, Asia correspondent", ["Jane Doe"], None),
        # a byline word inside a dated head line, glued to the name, or before a user name
        ("12 April 2020 by jdoe 24 Comments", ["jdoe"], None),
        ("by Jane Doe on January 20, 2020", ["Jane Doe"], None),
        ("Veröffentlicht vonJana Beispiel 28. Februar 2016", ["Jana Beispiel"], None),
        ("2.03.2018von Jana Beispiel", ["Jana Beispiel"], None),
        ("VON MARIA MUSTER am 21. April 2020", ["Maria Muster"], None),
        ("3. Mai 2024, 23:39 · von Tobi", ["Tobi"], None),
        ("6. Dezember 2022 von Fatima in Kultur, Reisen", ["Fatima"], None),
        ("Posted in News by jdoe on May 3, 2024", ["jdoe"], None),
        ("May 3, 2024 • words written by Jane Doe • Art by John Roe", ["Jane Doe"], None),
        ("By Jane Doe/May 3, 2024 9:49 am EST", ["Jane Doe"], None),
        ("By Jane DoeStaff Writer", ["Jane Doe"], None),
        ("Jane Doe - Staff writer", ["Jane Doe"], None),
    ],
)
def test_bylines_in_the_catalogue_languages(
    line: str, names: list[str], agency: str | None
) -> None:
    assert parse_byline(line, 1.0) == (names, agency)


@pytest.mark.parametrize(
    "line",
    [
        "By the way, this is a sentence of the article.",
        "by train or by car",
        "Door to door sales are down",
        "Text messages were sent to all residents",
        "Von der Leyen said on Friday",
        "Jane Doe, a teacher",
        "Photo by Jane Doe",
        "Von Anfang an",
        "Von Berlin nach Hamburg und weiter",
        "Der Südosten von Frankreich hat so viel zu bieten",
        "Warschau / autor: Pixabay, Twitter",
        "DiCaprio Says Goodbye",
        # a number closing a clause, then a byline word and a lower-case word
        "Banxico recorta su tasa de interés a 9.5 por ciento | Diario del Valle",
        "El paro sube un 2 por ciento",
        "The team won 2 by far",
    ],
)
def test_lines_that_are_not_bylines(line: str) -> None:
    assert parse_byline(line, 1.0) is None


def test_names_and_intros() -> None:
    assert name_of("Ursula von der Leyen") == "Ursula von der Leyen"
    assert name_of("J. O. Doe") == "J. O. Doe"
    assert name_of("BREAKING NEWS TODAY") is None
    assert name_of("Jane") is None
    assert is_byline_intro("Article by")
    assert is_byline_intro("By")
    assert not is_byline_intro("Stand by me tonight, darling")


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("September 17, 2019 Jane Doe 0", ["Jane Doe"]),
        ("Jane Doe am 18. September 2019", ["Jane Doe"]),
        ("1. Februar 2022 , Jana Beispiel", ["Jana Beispiel"]),
        ("04.02.2022 | 15:33 Uhr | Jana Beispiel", ["Jana Beispiel"]),
        ("19.6.2007 9:40 Uhr Jana Beispiel 71 Kommentare", ["Jana Beispiel"]),
        ("Jana Beispiel Zuletzt geändert am 06.11.2023", ["Jana Beispiel"]),
        ("Jane DoeNovember 6, 2023", ["Jane Doe"]),
        ("5 Min. 1. November 2023 Kommentar Lesezeichen", []),
        ("Updated Mar 12, 2020 @ 10:42 am", []),
        ("3 May 2024", []),
    ],
)
def test_a_name_beside_a_date(line: str, names: list[str]) -> None:
    assert names_beside_date(line, 1.0) == names


def test_a_line_of_names() -> None:
    assert name_list("Jane Doe, John Roe und Ann Lee", 1.0) == ["Jane Doe", "John Roe", "Ann Lee"]
    assert name_list("* Jane Doe", 1.0) == ["Jane Doe"]
    assert name_list("The Daily News", 1.0) == []
    assert name_list("Photo: Jane Doe", 1.0) == []
    assert name_list("Jane Doe 2024", 1.0) == []


def test_date_lines() -> None:
    dates = line_dates("Published 3 May 2024 | Updated 4 May 2024, 10:15", 1.0)
    assert dates is not None
    assert dates.published is not None
    assert dates.published[0].isoformat() == "2024-05-03"
    assert dates.updated is not None
    assert dates.updated[0].isoformat() == "2024-05-04"
    dates = line_dates("Aktualisiert am 04.05.2024", 1.0)
    assert dates is not None
    assert dates.published is None
    assert dates.updated is not None
    # a sentence that mentions a date is about an event, not about itself
    long = "On 3 May 2024 the council voted to close the old bridge for repairs that will take a whole year and cost more than planned"
    assert line_dates(long, 1.0) is None


def test_slug_words() -> None:
    assert slug_words("https://example.org/2024/05/rain-expected-across-region.html") == {
        "rain",
        "expected",
        "across",
        "region",
    }
    assert slug_words("https://example.org/article/12345") == set()
    assert slug_words(None) == set()


def test_the_head_of_a_page_is_read_into_the_record() -> None:
    text = (
        f"{MENU}\nWorld news\nRain Expected Across the Region Tomorrow\nBy Jane Doe and John Roe\n"
        f"Published 3 May 2024 | Updated 4 May 2024\n*\n{BODY}\nShare this article"
    )
    article = clean_twice(text)
    assert article.title == "Rain Expected Across the Region Tomorrow"
    assert article.authors == ("Jane Doe", "John Roe")
    assert article.published == "2024-05-03"
    assert article.updated == "2024-05-04"
    assert article.sources["published"].rule == "date_line"
    start, end = article.sources["published"].span or (0, 0)
    assert article.original[start:end] == "3 May 2024"
    reasons = {r.text: r.reason for r in article.removals}
    assert reasons["Rain Expected Across the Region Tomorrow"] == "structure.title"
    assert reasons["By Jane Doe and John Roe"] == "structure.byline"
    assert reasons["Published 3 May 2024 | Updated 4 May 2024"] == "structure.date"
    assert reasons["*"] == "structure.empty"
    assert article.paragraphs[0].startswith("Heavy rain")


@pytest.mark.parametrize(
    ("head", "authors"),
    [
        # a name under the headline, a date under it: no byline word
        ("Jane Doe\nUpdated Mar 12, 2020 @ 10:42 am", ("Jane Doe",)),
        # a name beside the date on one line
        ("September 17, 2019 Jane Doe 0", ("Jane Doe",)),
        # the names on the lines after a lone byline word
        ("By\nJane Doe\nand\nJohn Roe\nMay 3, 2024", ("Jane Doe", "John Roe")),
        ("Von\nRedaktion\n-\n8. Februar 2022", ("Redaktion",)),
        # a byline word inside a dated line
        ("12 April 2020 by jdoe 24 Comments", ("jdoe",)),
        # a menu's section beside a date is no name: the page writes its words in lower case
        ("Local News\nMay 3, 2024", ()),
    ],
)
def test_bylines_read_by_their_place(head: str, authors: tuple[str, ...]) -> None:
    body = BODY + "\nLocal news and weather for the region are updated twice a day on this site."
    text = f"{MENU}\nRain Expected Across the Region Tomorrow\n{head}\n{body}\nShare this article"
    article = clean_twice(text)
    assert article.title == "Rain Expected Across the Region Tomorrow"
    assert article.authors == authors
    if authors:
        assert article.sources["authors"].rule == "byline"
        assert not any(name in article.text for name in authors)


def test_a_byline_with_its_word_outdoes_a_name_read_without_one() -> None:
    text = (
        f"{MENU}\nJohn Roe\nMay 3, 2024\nRain Expected Across the Region Tomorrow\n"
        f"By Jane Doe\n{BODY}"
    )
    assert clean_twice(text).authors == ("Jane Doe",)


def test_a_dateline_and_its_agency() -> None:
    text = f"Rain Expected Across the Region Tomorrow\nBy Jane Doe\nKYIV (Reuters) — {BODY}"
    article = clean_twice(text, "extracted")
    assert article.title == "Rain Expected Across the Region Tomorrow"
    assert article.dateline == "KYIV"
    assert article.agency == "Reuters"
    assert article.text.startswith("KYIV (Reuters) —")  # the dateline is article text


def test_no_title_when_nothing_qualifies() -> None:
    # a menu, a cookie notice and a share line before the body: none is the headline
    text = f"{MENU}\nWe use cookies to improve your experience\nShare on Facebook\n{BODY}"
    assert clean_twice(text).title is None
    assert clean_twice(BODY, "extracted").title is None
    assert clean_twice("", "page").title is None


def test_a_title_line_with_the_site_name_is_evidence() -> None:
    text = (
        "Rain expected across the region tomorrow | The Daily Example\n"
        f"{MENU}\nRain expected across the region tomorrow\n{BODY}"
    )
    article = clean_twice(text)
    assert article.title == "Rain expected across the region tomorrow"


def test_the_url_slug_is_evidence() -> None:
    text = f"{MENU}\nRain expected across the region tomorrow\nPhoto gallery of the week\n{BODY}"
    url = "https://example.org/news/rain-expected-across-the-region-tomorrow"
    article = clean_twice(text, url=url)
    assert article.title == "Rain expected across the region tomorrow"


def test_a_given_title_stays_and_a_differing_headline_is_flagged() -> None:
    text = f"Rain Expected Across the Region Tomorrow\nBy Jane Doe\n{BODY}"
    article = newsclean.clean({"text": text, "title": "Something else entirely here"})
    assert article.title == "Something else entirely here"
    assert article.sources["title"] == Source("given")
    assert "headline.conflict" in article.codes
    assert article.authors == ("Jane Doe",)


def test_a_given_published_date_wins_over_the_text() -> None:
    text = f"Rain Expected Across the Region Tomorrow\nPublished 3 May 2024\n{BODY}"
    article = newsclean.clean({"text": text, "published": "2024-05-10"})
    assert article.published == "2024-05-10"
    assert article.sources["published"] == Source("given")


def test_fact_checks_use_the_text_date_and_say_so() -> None:
    text = (
        "Ministers Meet in Brussels to Discuss Ukraine Aid\nPublished 3 May 2024\n"
        "Former NATO Secretary General Jens Stoltenberg said on Friday that the allies would "
        "keep supporting Ukraine for as long as it takes, speaking to reporters in Brussels.\n"
        "The ministers agreed to meet again next month to review what had been delivered so far."
    )
    article = newsclean.clean(text)
    assert article.published == "2024-05-03"
    finding = next(f for f in article.findings if f.code == "title.former_but_incumbent")
    assert "text date" in finding.evidence["date_source"]
    assert "3 May 2024" in finding.evidence["date_source"]


def test_record_fields_round_trip() -> None:
    text = f"Rain Expected Across the Region Tomorrow\nBy Jane Doe, Reuters\nPublished 3 May 2024\n{BODY}"
    article = newsclean.clean(text)
    assert article.authors == ("Jane Doe",)
    assert article.agency == "Reuters"
    data = json.loads(article.to_json())
    assert data["authors"] == ["Jane Doe"]
    assert data["sources"]["published"]["rule"] == "date_line"
    assert Article.from_json(article.to_json()) == article
    assert Article.from_dict(Article(text="", original="").to_dict()) == Article(
        text="", original=""
    )


def test_record_fields_in_html_report_and_frames() -> None:
    from newsclean.report import CorpusReport

    text = f"Rain Expected Across the Region Tomorrow\nBy Jane Doe\nPublished 3 May 2024\n{BODY}"
    article = newsclean.clean(text)
    html = article._repr_html_()
    assert "Jane Doe" in html
    assert "2024-05-03 (from the text)" in html
    report = CorpusReport.from_articles([article, newsclean.clean(BODY)])
    assert report.field_rate("authors") == 0.5
    assert report.field_rate("published:text") == 0.5
    assert report.to_dict()["fields"]["title"] == 1
    assert "Record fields" in report.to_html()


def test_record_fields_in_pandas() -> None:
    pytest.importorskip("pandas")
    text = f"Rain Expected Across the Region Tomorrow\nBy Jane Doe\nPublished 3 May 2024\n{BODY}"
    frame = newsclean.to_pandas([newsclean.clean(text)])
    assert frame.loc[0, "authors"] == ["Jane Doe"]
    assert frame.loc[0, "published"] == "2024-05-03"
    assert frame.loc[0, "published_source"] == "date_line"


def test_symbol_only_lines_leave_with_their_own_code() -> None:
    text = f"{BODY}\n»\n+\n* * *\nThe forecast will be updated on Saturday morning at nine."
    for preset in ("extracted", "page"):
        article = clean_twice(text, preset)
        removed = {r.text: r.reason for r in article.removals}
        assert removed["»"] == removed["+"] == removed["* * *"] == "structure.empty"


def test_the_classifier_keeps_quotes_and_list_items_inside_the_article() -> None:
    para = (
        "The band announced on Monday that it would tour the country again this autumn, with "
        "concerts in many of the cities it has not visited for years, and tickets go on sale soon."
    )
    closing = (
        "The band said in a statement that more dates could follow if the first concerts sell out "
        "quickly, as the ones of its last tour did within a few days of going on sale."
    )
    items = "* 3 October: Berlin\n* 5 October: Hamburg\n* 8 October: Munich"
    text = f"{MENU}\n{para}\n{items}\n“We cannot wait to play again,” she said.\n{closing}"
    article = clean_twice(text)
    for line in (
        "* 3 October: Berlin",
        "* 8 October: Munich",
        "“We cannot wait to play again,” she said.",
    ):
        assert line in article.text


def test_the_classifier_keeps_the_lead_above_the_article() -> None:
    lead = (
        "Heavy rain is expected across the whole region tomorrow, and the weather service has "
        "warned of floods."
    )
    text = (
        f"{MENU}\nRain Expected Across the Region Tomorrow\n{lead}\nShare on Facebook\n"
        f"Photo: Jane Doe\n{BODY}\n{BODY.replace('rain', 'snow')}"
    )
    assert lead in clean_twice(text).text


def test_record_words_load_for_every_language() -> None:
    assert set(languages_with("record.txt")) >= {"en", "de", "fr", "es", "it", "pt", "nl", "pl"}
    for lang in languages_with("record.txt"):
        words = pack_sections(lang, "record.txt", RECORD_SECTIONS)
        assert words["byline"]
        assert words["joiner"]
        assert words["published"]
        assert words["updated"]


@pytest.mark.parametrize(
    "text",
    [
        "A" * 100_000,
        "A " * 50_000,
        "A-" * 50_000 + " — x",
        "(" * 50_000,
        " | " * 30_000,
        " - " * 30_000,
    ],
)
def test_head_patterns_on_hostile_lines(text: str) -> None:
    started = time.perf_counter()
    DATELINE_RE.search(text[:120], timeout=1.0)
    SEPARATOR_RE.findall(text[:400], timeout=1.0)
    article = newsclean.default_pipeline("page")(text + "\n" + BODY)
    check_article(article)
    assert time.perf_counter() - started < 10


def test_a_caption_is_never_the_headline() -> None:

    assert is_caption("Rene Doe. Photographer: Jane Roe/Getty Images")
    assert is_caption("Die Brücke am Abend (Foto: Max Muster)")
    assert is_caption("(Jane Doe / Houston Chronicle)")
    assert not is_caption("Heavy rain expected across the region tomorrow")
    assert not is_caption("Photographers gather for the annual awards")
    text = f"{MENU}\nThe river at dawn. Photo: Jane Doe\n{BODY}"
    assert clean_twice(text).title is None


def test_a_line_none_of_whose_words_the_body_uses_is_not_its_headline() -> None:
    # a newsletter box right above the body: nothing of it in the article
    body = (
        f"{BODY}\nFarmers welcomed the water after months of drought, though several roads "
        "near the valley were closed as a precaution, police officers confirmed late yesterday."
    )
    text = f"{MENU}\nGet the newsletter everybody is talking about\nBy Jane Doe\n{body}"
    assert clean_twice(text).title is None
    text = f"{MENU}\nHeavy rain expected across the region\nBy Jane Doe\n{body}"
    article = clean_twice(text)
    assert article.title == "Heavy rain expected across the region"
    assert article.authors == ("Jane Doe",)


def test_a_line_of_dates_is_not_a_headline() -> None:

    assert content_stems("Jueves, 21 de Abril de 202221/04/2022", 1.0) == []
    assert content_stems("Heavy rain expected", 1.0) == ["heavy", "rain", "expec"]


@pytest.mark.parametrize(
    ("standfirst", "byline", "date", "body", "authors", "published"),
    [
        (
            "The new rules come into force next month. Here is what changes for tenants.",
            "By Jane Doe",
            "Friday 17 January 2025, 07:00",
            BODY,
            ("Jane Doe",),
            "2025-01-17",
        ),
        (
            "Das Rentenniveau soll bis 2031 stabil bleiben. Finanziert wird das über Beiträge.",
            "Von Max Muster und Eva Beispiel",
            "14.01.2025, 09.40 Uhr",
            "Der Bundestag hat am Dienstag nach langer Debatte über das Rentenpaket abgestimmt, "
            "wie die Fraktionen am Abend in Berlin mitteilten.\nDie Opposition kritisierte die "
            "Pläne als zu teuer und kündigte an, weiter dagegen zu stimmen.",
            ("Max Muster", "Eva Beispiel"),
            "2025-01-14",
        ),
        (
            "Przeprawa ma mieć 1,2 km długości i kosztować 1,1 mld zł. Most będzie gotowy w 2028.",
            "Piotr Zieliński, Anna Nowak",
            "12.11.2024 06:00",
            "Generalna Dyrekcja Dróg wybrała wykonawcę nowego mostu przez rzekę w mieście, "
            "poinformowano w piątek po południu.\nPrace mają ruszyć jesienią i potrwać trzy lata, "
            "jak zapowiada wykonawca.",
            ("Piotr Zieliński", "Anna Nowak"),
            "2024-11-12",
        ),
    ],
)
def test_a_standfirst_above_the_byline_is_not_the_body_start(
    standfirst: str,
    byline: str,
    date: str,
    body: str,
    authors: tuple[str, ...],
    published: str,
) -> None:
    text = f"{MENU}\n{standfirst}\n{byline}\n{date}\n{body}"
    article = clean_twice(text)
    assert article.authors == authors
    assert article.published == published
    assert body.split("\n")[0] in article.text


def test_a_paragraph_far_above_a_date_line_is_the_body_start() -> None:
    # a near miss: the date line comes after a second paragraph, so the first is the body's
    first, second = BODY.split("\n")
    article = clean_twice(f"{MENU}\n{first}\n{second}\n3 May 2024\n{BODY}")
    assert first in article.text
    assert article.subtitle is None


@pytest.mark.parametrize(
    ("headline", "standfirst", "byline"),
    [
        (
            "Rain to reach the whole region by tomorrow morning",
            "Rivers could rise quickly, the weather service said, and people near them should "
            "stay alert",
            "By Jane Doe",
        ),
        (
            "Starker Regen erreicht morgen früh die ganze Region",
            "Flüsse könnten schnell steigen. Anwohner sollen wachsam bleiben.",
            "Von Max Muster",
        ),
        (
            "La pluie atteindra toute la région demain matin",
            "Les rivières pourraient monter vite, selon le service météo, qui appelle les "
            "riverains à rester vigilants",
            "Par Jeanne Exemple",
        ),
    ],
)
def test_a_headline_above_its_standfirst_is_the_title(
    headline: str, standfirst: str, byline: str
) -> None:
    body = (
        "Heavy rain is expected across the whole region tomorrow morning, the weather service "
        "said on Friday.\nRivers could rise quickly, and people living near them should stay "
        "alert through the weekend, the service said. La pluie, la région, le matin, les "
        "rivières. Regen, Region, morgen, Flüsse, Anwohner."
    )
    article = clean_twice(f"{MENU}\n{headline}\n{standfirst}\n{byline}\n3 May 2024\n{body}")
    assert article.title == headline


def view_of(lines: list[tuple[str, str | None]]) -> View:
    blocks, at = [], 0
    for k, (text, _) in enumerate(lines):
        blocks.append(Block(k, text, (at, at + len(text)), k))
        at += len(text) + 1
    return View(blocks, [reason for _, reason in lines], None, None)


@pytest.mark.parametrize("reason", [None, "boilerplate.link_list", "boilerplate.chrome"])
def test_a_headline_removed_as_a_link_outdoes_its_standfirst_below(reason: str | None) -> None:
    # the headline was removed as a link or chrome and the standfirst is the first kept line:
    # the standfirst's place below the headline, not its being first, decides
    headline = "Rain to reach the whole region by tomorrow morning"
    standfirst = "Rivers could rise quickly, the weather service says, and people should stay alert"
    lines = [(w, "boilerplate.navigation") for w in MENU.split("\n")]
    lines += [(headline, reason), (standfirst, None), ("By Jane Doe", None)]
    lines += [(p, None) for p in BODY.split("\n")]
    head = read_head(view_of(lines))
    assert head.title_text == headline


def test_a_shorter_line_below_a_headline_is_not_its_standfirst() -> None:
    # near miss: a shorter line below reads as a second headline, not as a standfirst
    lines = [(w, "boilerplate.navigation") for w in MENU.split("\n")]
    lines += [("Rain to reach the whole region by tomorrow morning", "boilerplate.link_list")]
    lines += [("Rivers could rise quickly", None), ("By Jane Doe", None)]
    lines += [(p, None) for p in BODY.split("\n")]
    head = read_head(view_of(lines))
    assert head.title_text != "Rain to reach the whole region by tomorrow morning"


def test_a_kicker_above_a_longer_headline_is_not_the_title() -> None:
    # near miss: the line above is shorter than the headline below it, so it is a kicker and
    # the headline keeps its place
    headline = "Heavy rain expected across the whole region tomorrow, weather service says"
    article = clean_twice(f"{MENU}\nWeather service rain warning\n{headline}\nBy Jane Doe\n{BODY}")
    assert article.title == headline


@pytest.mark.parametrize(
    "names", ["Jane Doe, John Roe", "Anna Kowalska, Piotr Wiśniewski", "Ana Ruiz y Luis Gómez"]
)
def test_a_line_of_names_beside_a_date_is_a_byline_not_a_headline(names: str) -> None:
    article = clean_twice(f"{MENU}\n{names}\n3 May 2024\n{BODY}")
    assert article.title is None
    assert article.published == "2024-05-03"


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("Ein Kommentar von Jörg Beispiel", ["Jörg Beispiel"]),
        ("Gastbeitrag von Eva Muster", ["Eva Muster"]),
    ],
)
def test_a_german_opinion_byline_names_its_author(line: str, names: list[str]) -> None:
    got = parse_byline(line, None)
    assert got is not None
    assert got[0] == names


def test_a_stock_photo_credit_is_a_caption() -> None:
    assert is_caption("Symbolbild / Beispiel AG")
    assert not is_caption("Symbolische Politik im Stadtrat")


@pytest.mark.parametrize(
    ("line", "tags"),
    [
        ("Weather /Floods /Climate change /Rivers", True),
        ("Rain | Floods | Weather", True),
        ("Home • Regions • North", True),
        ("Heavy rain expected across the region / weather service", False),
        ("Rain, floods and storms expected tomorrow", False),
    ],
)
def test_a_run_of_tags_is_no_headline(line: str, tags: bool) -> None:
    assert is_tag_run(line, None) is tags


def test_a_run_of_tags_above_the_body_is_not_the_title() -> None:
    # near miss: the first kept line above the body is the article's tags, not its headline
    lines = [(w, "boilerplate.navigation") for w in MENU.split("\n")]
    lines += [("Weather /Rain /Rivers /Region", None)]
    lines += [(p, None) for p in BODY.split("\n")]
    head = read_head(view_of(lines), min_score=4.5, topic=True, margin=1.0)
    assert head.title is None


def test_an_item_of_an_ordered_list_is_no_headline() -> None:
    numbers = frozenset({1, 2, 3})
    assert numbered_item("2. Heavy rain expected across the region", numbers)
    # a club's name starts with a number alone: "1. FC Example"
    assert not numbered_item("1. FC Example wins the cup final", frozenset({1}))
    assert not numbered_item("Heavy rain expected across the region", numbers)


def test_a_numbered_breadcrumb_copy_is_not_the_title() -> None:
    headline = "Heavy rain expected across the whole region tomorrow"
    lines = [("1. Home", "boilerplate.navigation"), ("2. Weather", "boilerplate.navigation")]
    lines += [(f"3. {headline}", None), (headline, "boilerplate.duplicate")]
    lines += [("By Jane Doe", None), ("3 May 2024", None)]
    lines += [(p, None) for p in BODY.split("\n")]
    head = read_head(view_of(lines), min_score=4.5, topic=True, margin=1.0)
    assert head.title_text == headline


def test_a_credit_in_brackets_ends_a_caption() -> None:
    assert is_caption("The river rose over its banks on Friday. (Jane Doe / Example Agency)")
    assert not is_caption("Rain expected (again) across the region")


def test_a_line_below_the_heads_byline_is_not_the_title() -> None:
    # headline, byline and date, then a subheading right above the body: the byline belongs to
    # the headline above it, and the subheading below it is no headline
    headline = "Heavy rain expected across the whole region tomorrow"
    lines = [(w, "boilerplate.navigation") for w in MENU.split("\n")]
    lines += [(headline, "boilerplate.context"), ("By Jane Doe | 3 May 2024", "boilerplate.chrome")]
    lines += [("Rivers in the region could rise quickly", None)]
    lines += [(p, None) for p in BODY.split("\n")]
    view = view_of(lines)
    reader = HeadReader(view, 4.5, topic=True, margin=1.0)
    start = body_start(view)
    assert start is not None
    assert reader.owned_head_line_above(start - 1, start)
    head = read_head(view, min_score=4.5, topic=True, margin=1.0)
    assert head.title_text != "Rivers in the region could rise quickly"


def test_two_headlines_as_good_give_no_title(monkeypatch: pytest.MonkeyPatch) -> None:
    # two headlines apart from each other, scored within the margin: neither is taken; the lines
    # right above and below the best (a kicker, a standfirst) and its copies are no rivals
    lines = [(w, "boilerplate.navigation") for w in MENU.split("\n")]
    lines += [("Heavy rain expected across the whole region tomorrow", None), ("Share", None)]
    lines += [("Rivers expected to rise across the whole region soon", None)]
    lines += [(p, None) for p in BODY.split("\n")]
    view = view_of(lines)
    first, second = len(MENU.split("\n")), len(MENU.split("\n")) + 2
    scores = {first: 5.0, second: 5.5}

    def candidate(
        self: HeadReader, i: int, start: int, slug: set[str]
    ) -> tuple[float, str, str] | None:
        return (scores[i], view.blocks[i].text, "headline") if i in scores else None

    monkeypatch.setattr(HeadReader, "candidate", candidate)
    start = body_start(view)
    assert start is not None
    assert HeadReader(view, 4.5, margin=1.0).headline(start) is None
    assert HeadReader(view, 4.5, margin=0.0).headline(start) == (
        second,
        lines[second][0],
        "headline",
    )
    scores[first] = 4.0  # a full point behind: no rival
    assert HeadReader(view, 4.5, margin=1.0).headline(start) is not None
    scores[first + 1] = 5.2  # right above the best: its kicker, no rival
    assert HeadReader(view, 4.5, margin=1.0).headline(start) is not None


def test_the_first_line_above_the_body_must_share_its_words() -> None:
    # with topic evidence (page preset), the first kept line above the body counts as its
    # headline only when it is about the body
    lines = [(w, "boilerplate.navigation") for w in MENU.split("\n")]
    lines += [("Subscribe to our weekly newsletter today", None)]
    lines += [(p, None) for p in BODY.split("\n")]
    assert read_head(view_of(lines), min_score=4.5, topic=True, margin=1.0).title is None
    lines[len(MENU.split("\n"))] = ("Heavy rain expected across the region tomorrow", None)
    head = read_head(view_of(lines), min_score=2.0, topic=True, margin=1.0)
    assert head.title_text == "Heavy rain expected across the region tomorrow"


def test_a_reworded_first_line_alone_is_a_title_in_extracted_text_only() -> None:
    # an extractor's text starts at the article: its first line above the body is the headline
    # even in other words; a whole page's text holds many such lines, so there a line none of
    # whose words the body uses needs other evidence (a wrong title is worse than none)
    headline = "Storm warning for the coast this weekend"
    assert clean_twice(f"{headline}\n{BODY}", preset="extracted").title == headline
    page = clean_twice(f"{headline}\n{BODY}", preset="page")
    assert page.title is None
    assert page.text.startswith(headline)


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("von jdoe | Eingetragen bei: Sport | 0", ["jdoe"]),
        ("Home | by jane_doe | Weather", ["jane_doe"]),
        ("* Post author By Jane Doe", ["Jane Doe"]),
        ("Post author By Jane Doe | Post date 3 May 2024", ["Jane Doe"]),
    ],
)
def test_a_byline_part_of_a_head_line(line: str, names: list[str]) -> None:
    got = parse_byline(line, None)
    assert got is not None
    assert got[0] == names


@pytest.mark.parametrize(
    "line", ["Reise | von Berlin | Fotos", "Sport | von Berlin nach Hamburg", "von der | Sport"]
)
def test_a_place_after_a_byline_word_is_no_author(line: str) -> None:
    # near miss: "von" also means "from"; one word in title case may be a place
    assert parse_byline(line, None) is None


def test_a_headline_in_a_script_without_capitals_is_a_candidate() -> None:
    # Hebrew letters are neither upper nor lower case; the line ends like no clause
    assert _uncased(
        "\u05d2\u05e9\u05dd \u05db\u05d1\u05d3 \u05e6\u05e4\u05d5\u05d9 \u05de\u05d7\u05e8", None
    )
    # near misses: a clause's end, two words, and Latin script (left to looks_like_headline)
    assert not _uncased("\u05d2\u05e9\u05dd \u05db\u05d1\u05d3 \u05e6\u05e4\u05d5\u05d9:", None)
    assert not _uncased("\u05d2\u05e9\u05dd \u05db\u05d1\u05d3", None)
    assert not _uncased("heavy rain expected tomorrow", None)


_BYLINE_WORDS = list(all_record_words("byline"))
_HEAD_PARTS = st.sampled_from(
    [
        *_BYLINE_WORDS,
        *(w.title() for w in _BYLINE_WORDS),
        *(w.upper() for w in _BYLINE_WORDS),
        "Jane",
        "Doe",
        "jdoe",
        "dpa",
        "3 May 2024",
        "|",
        "·",
        ":",
        "-",
        "Sport",
        "the",
        "Überarbeitete",
        "co2",
        "x1y",
        "Ünal",
        "2024",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_HEAD_PARTS, max_size=8), st.sampled_from(["", " ", ":", "  "]))
def test_byline_and_stem_shortcuts_agree_with_plain(parts: list[str], glue: str) -> None:
    # the one-test-for-all-byline-words shortcuts and the letters-only stems, against the
    # plain path's word-by-word loops
    for line in (" ".join(parts) + glue, glue.join(parts), "".join(parts)):
        with plain_path(False):
            fast = (parse_byline(line, None), is_byline_intro(line), content_stems(line, None))
        with plain_path(True):
            plain = (parse_byline(line, None), is_byline_intro(line), content_stems(line, None))
        assert fast == plain, line


def test_a_user_name_after_a_head_labels_number_is_a_byline() -> None:
    assert parse_byline("Updated 12:30 by jdoe", 1.0) == (["jdoe"], None)


@pytest.mark.parametrize(
    ("slogan", "body"),
    [
        (
            "Magazin für Literatur und Gegenwart",
            "Der Roman erzählt von einer Familie, die im Winter 1946 an die Elbe kommt.",
        ),
        (
            "The quarterly of letters and ideas",
            "The novel follows a family that reaches the coast in the winter of 1946.",
        ),
        (
            "Magazyn o literaturze i współczesności",
            "Powieść opowiada o rodzinie, która zimą 1946 roku przybywa nad Odrę.",
        ),
    ],
)
def test_a_plain_reading_headline_far_above_the_body_gives_no_title(slogan: str, body: str) -> None:
    from newsclean.filters.structure import FAR_ABOVE, Head, View, far_above

    def view(removed: int) -> View:
        texts = [slogan] + [f"* Menu {k}" for k in range(removed)] + [body]
        reasons: list[str | None] = [None] + ["boilerplate.link_list"] * removed + [None]
        blocks = [Block(k, t, (0, 0), k) for k, t in enumerate(texts)]
        return View(blocks, reasons, None, None)

    head = Head(title=0, title_text=slogan)
    # a menu of FAR_ABOVE lines between: still the body's headline (near miss)
    assert not far_above(view(FAR_ABOVE), head)
    assert not far_above(view(0), head)
    # one line more: a slogan above the menus
    assert far_above(view(FAR_ABOVE + 1), head)
    # a byline or date line the head takes is no body line
    dated = View(
        [Block(0, slogan, (0, 0), 0), Block(1, "12.03.2024", (0, 0), 1)]
        + [Block(k, f"* Menu {k}", (0, 0), k) for k in range(2, FAR_ABOVE + 3)]
        + [Block(FAR_ABOVE + 3, body, (0, 0), FAR_ABOVE + 3)],
        [None, None] + ["boilerplate.link_list"] * (FAR_ABOVE + 1) + [None],
        None,
        None,
    )
    assert far_above(dated, Head(title=0, title_text=slogan, dates=[1]))
    assert not far_above(dated, Head(title=0, title_text=slogan))
    # the page's title line "Headline - Site" at the top, its headline again with the menus
    top = f"{body[:40]} - Site"
    texts = [top] + [f"* Menu {k}" for k in range(FAR_ABOVE + 2)] + [body[:40], body]
    copy = View(
        [Block(k, t, (0, 0), k) for k, t in enumerate(texts)],
        [None] + ["boilerplate.link_list"] * (FAR_ABOVE + 3) + [None],
        None,
        None,
    )
    assert not far_above(copy, Head(title=0, title_text=top))
    # a copy of two words only is no copy (near miss)
    short = View(
        [
            Block(k, t, (0, 0), k)
            for k, t in enumerate([*texts[:-2], " ".join(top.split()[:2]), body])
        ],
        [None] + ["boilerplate.link_list"] * (FAR_ABOVE + 3) + [None],
        None,
        None,
    )
    assert far_above(short, Head(title=0, title_text=top))


LIBRARY_DE = (
    "Der Stadtrat hat am Donnerstag beschlossen, die Bibliothek im Zentrum bis zum Sommer zu "
    "sanieren und danach länger zu öffnen.\n"
    "Die Kosten von rund zwei Millionen Euro trägt zum größten Teil das Land, teilte die Stadt am "
    "Abend mit."
)
LIBRARY_EN = (
    "The city council decided on Thursday to renovate the library in the centre by the summer "
    "and to open it longer afterwards.\n"
    "The costs of around two million euros will be borne mostly by the state, the city said in "
    "the evening."
)


@pytest.mark.parametrize(
    ("banner", "body"),
    [
        (
            "Hinweis zur Verwendung von Cookies\nDie auf dieser Website verwendeten Cookies "
            "dienen der technischen Bereitstellung.\nSchließen",
            LIBRARY_DE,
        ),
        ("Cookie-Hinweis\nWir verwenden Cookies.\nSchließen", LIBRARY_DE),
        ("Cookie notice\nWe use cookies to improve your experience.\nClose", LIBRARY_EN),
    ],
)
def test_a_cookie_notice_heading_is_no_headline(banner: str, body: str) -> None:
    article = clean_twice(f"Home\nSearch\n{banner}\n{body}")
    assert article.title is None


def test_a_headline_about_cookies_stays_a_headline() -> None:
    # near miss: the words of a cookie notice's heading inside a longer headline
    headline = "Verwendung von Cookies im Unterricht kritisiert"
    banner = "Die auf dieser Website verwendeten Cookies dienen der technischen Bereitstellung."
    article = clean_twice(f"Startseite\nSuche\n{headline}\n{banner}\nSchließen\n{LIBRARY_DE}")
    assert article.title == headline


@pytest.mark.parametrize(
    ("credit", "lang_body"),
    [
        (
            "Agencia EFE",
            "Madrid, 10 feb (EFE).- El Gobierno aprobó este lunes un plan de vivienda.",
        ),
        (
            "Agence France-Presse",
            "Paris (AFP) - Le gouvernement a présenté lundi un plan logement.",
        ),
        (
            "Deutsche Presse-Agentur",
            "Berlin (dpa) - Die Regierung hat am Montag ein Wohnpaket vorgelegt.",
        ),
    ],
)
def test_an_agencys_full_name_on_its_own_line_is_the_agency_not_an_author(
    credit: str, lang_body: str
) -> None:
    page = (
        "Menu\nNews\nA housing plan for the capital is approved after months of talks\n"
        f"{credit}\n10.02.2025\n{lang_body} {lang_body}\n{lang_body}"
    )
    article = newsclean.default_pipeline("page")(page)
    assert article.agency == credit
    assert article.authors == ()
    assert credit not in article.text.split("\n")


def test_a_persons_name_on_its_own_line_is_still_an_author() -> None:
    page = (
        "Menu\nNews\nA housing plan for the capital is approved after months of talks\n"
        "Jane Doe\n10.02.2025\nThe government approved a housing plan on Monday, officials said.\n"
        "The plan includes new rules for rents and money for social housing in the capital."
    )
    article = newsclean.default_pipeline("page")(page)
    assert article.authors == ("Jane Doe",)
    assert article.agency is None
