from __future__ import annotations

import time
from pathlib import Path

import pytest

import newsclean
from newsclean import Draft, PatternDataError, make_filter
from newsclean._patterns import data_text
from newsclean.filters.blocks import guess_language
from newsclean.filters.boilerplate import (
    available_languages,
    catalogue,
    line_key,
    parse_catalogue_lines,
    rule_kind,
)
from newsclean.pipeline import BlockRemoval, Proposal

SEED = Path(__file__).parent.parent / "examples" / "corpus" / "seed-nato.txt"
LANGS = ("en", "de", "fr", "es", "it", "pt", "nl", "pl")

PARA = (
    "The ministry said on Tuesday that the new rules would take effect next month, after a "
    "consultation that ran for most of the year and drew thousands of replies."
)
PARA2 = (
    "Officials expect the change to affect several hundred firms, most of them small, and plan "
    "to publish guidance for them before the end of the quarter."
)


def removed(proposal: Proposal) -> dict[int, BlockRemoval]:
    return {r.index: r for r in proposal.removals}


def run_filters(text: str, *names: str, **options: object) -> Draft:
    """Apply filters in order to a draft the way the pipeline would."""
    from newsclean.pipeline import _accept

    draft = Draft.of(text)
    for name in names:
        f = make_filter(name, **options.get(name, {}))  # type: ignore[arg-type]
        _accept(draft, f, f.apply(draft))
    return draft


# -- catalogue ---------------------------------------------------------------------------------


def test_every_language_file_loads() -> None:
    assert set(LANGS) <= set(available_languages())
    for lang in LANGS:
        table = catalogue((lang,))
        assert len(table.whole) > 50, lang


def test_bad_category_names_file_and_line() -> None:
    with pytest.raises(PatternDataError, match=r"data/boilerplate/xx\.txt:7: unknown category"):
        parse_catalogue_lines([(7, "share this\tnot_a_category")], "data/boilerplate/xx.txt")


def test_missing_tab_names_file_and_line() -> None:
    with pytest.raises(PatternDataError, match=r"xx\.txt:3: expected 'phrase<TAB>category'"):
        parse_catalogue_lines([(3, "share this")], "xx.txt")


def test_unknown_language_is_a_config_error() -> None:
    with pytest.raises(PatternDataError, match="no boilerplate catalogue for language 'zz'"):
        catalogue(("zz",))


@pytest.mark.parametrize(
    ("line", "code", "rule"),
    [
        ("› Share this article (12) »", "boilerplate.share", "catalogue"),
        ("SHARE THIS ARTICLE", "boilerplate.share", "catalogue"),
        ("| Previous Article |", "boilerplate.navigation", "catalogue"),
        ("12 Comments", "boilerplate.comments", "catalogue"),
        ("Read more: Ten things to know about the budget", "boilerplate.teaser", "catalogue_label"),
        ("Lesen Sie auch: Neue Regeln für Mieter", "boilerplate.teaser", "catalogue_label"),
        ("Lea también: Impiden el paso en la frontera", "boilerplate.teaser", "catalogue_label"),
        ("Photo: Jane Doe / Example Agency", "boilerplate.credit", "catalogue_label"),
        ("Fot. Jan Kowalski / Agencja", "boilerplate.credit", "catalogue_start"),
        (
            "Sign up for our daily newsletter and never miss a story",
            "boilerplate.subscribe",
            "catalogue_start",
        ),
        ("© 2024 Example News", "boilerplate.footer", "copyright"),
        ("Example News 2024. All rights reserved.", "boilerplate.footer", "catalogue_contains"),
        ("Facebook | Twitter | Email", "boilerplate.share", "catalogue_segments"),
        ("Share this artcle", "boilerplate.share", "catalogue_fuzzy"),
        ("Vorheriger BeitragNeue Regeln für Mieter", "boilerplate.navigation", "catalogue_start"),
        ("Udostępnij", "boilerplate.share", "catalogue"),
        ("Leia também: O que muda no imposto", "boilerplate.teaser", "catalogue_label"),
        ("Home › World › Asia", "boilerplate.navigation", "breadcrumb"),
        ("Accueil > Culture > Patrimoine", "boilerplate.navigation", "breadcrumb"),
        ("By Jane Doe, Asia correspondent", "boilerplate.author_box", "byline"),
        ("Whatsapp Teilen Twittern Pinnen", "boilerplate.share", "share_bar"),
        (
            "The mayor opens the new bridge. | © Example Agency",
            "boilerplate.credit",
            "caption_credit",
        ),
        ("Annual report (PDF, 1.2 MB)", "boilerplate.link_list", "file_link"),
        ("PC Gamer Newsletter", "boilerplate.subscribe", "cue_heading"),
        # widgets of common site software, in every catalogue language
        ("Teilen Sie dies mit:", "boilerplate.share", "catalogue"),
        ("Wird geladen …", "boilerplate.share", "catalogue"),
        ("Jump to Recipe", "boilerplate.navigation", "catalogue"),
        ("Zurück zur Startseite", "boilerplate.navigation", "catalogue"),
        ("Empfohlen für dich", "boilerplate.related", "catalogue"),
        ("Externer Inhalt", "boilerplate.cookie", "catalogue"),
        ("E-Mail (wird benötigt und nicht veröffentlicht)", "boilerplate.comments", "catalogue"),
        ("Imprimer la recette", "boilerplate.share", "catalogue"),
        ("¿Qué son las cookies?", "boilerplate.cookie", "catalogue"),
        ("Consigliati per te", "boilerplate.related", "catalogue"),
        ("Compartilhe isso:", "boilerplate.share", "catalogue"),
        ("Terug naar het overzicht", "boilerplate.navigation", "catalogue"),
        ("Pokaż komentarze", "boilerplate.comments", "catalogue"),
        # appeals to the reader after the article
        ("While you are here…", "boilerplate.subscribe", "catalogue"),
        (
            "If you liked this post, would you consider supporting our work? Thanks!",
            "boilerplate.subscribe",
            "catalogue_contains",
        ),
        ("We ask that comments are civil and on topic.", "boilerplate.comments", "catalogue_start"),
        (
            "Gefällt dir unser Magazin? Dann unterstütze uns!",
            "boilerplate.subscribe",
            "catalogue_start",
        ),
        ("Weitere Beiträge aus der Kolumne:", "boilerplate.related", "catalogue_start"),
        (
            "Haz periodismo con nosotros. Cancela cuando quieras.",
            "boilerplate.subscribe",
            "catalogue_contains",
        ),
        ("Möchten Sie den Artikel teilen?", "boilerplate.share", "catalogue"),
        ("Vos réactions (11)", "boilerplate.comments", "catalogue"),
        ("Du willst nichts mehr verpassen?", "boilerplate.subscribe", "catalogue_contains"),
        ("Nachfolgebeitrag: Was hier noch passiert", "boilerplate.navigation", "catalogue_label"),
        # WordPress.com and Jetpack widgets
        ("%d Bloggern gefällt das:", "boilerplate.share", "catalogue"),
        (
            "Du kommentierst mit Deinem Twitter-Konto. ( Abmelden / Ändern )",
            "boilerplate.comments",
            "catalogue_start",
        ),
        (
            "Create a free website or blog at WordPress.com.",
            "boilerplate.footer",
            "catalogue_contains",
        ),
        ("Navigation des articles", "boilerplate.navigation", "catalogue"),
        # agency sign-offs
        ("aja/PAP", "boilerplate.credit", "agency_credit"),
        ("dpa/lno", "boilerplate.credit", "agency_credit"),
        ("(KNA, DR)", "boilerplate.credit", "agency_credit"),
    ],
)
def test_catalogue_matches(line: str, code: str, rule: str) -> None:
    hit = catalogue().match(line)
    assert hit is not None
    assert (hit[0], rule_kind(hit[1])) == (code, rule)


@pytest.mark.parametrize(
    ("line", "phrase"),
    [
        ("› Share this article (12) »", "share this article"),
        ("Read more: Ten things to know about the budget", "read more:"),
        ("Lesen Sie auch: Neue Regeln für Mieter", "lesen sie auch:"),
        ("Example News 2024. All rights reserved.", "... all rights reserved ..."),
        ("Facebook | Twitter | Email", "facebook"),
        ("Share this artcle", "share this article"),
    ],
)
def test_a_catalogue_rule_names_the_data_line_that_decided_it(line: str, phrase: str) -> None:
    hit = catalogue().match(line)
    assert hit is not None
    rule, source, lineno = hit[1].split(":")
    assert rule.startswith("catalogue")
    assert source.startswith("lang/")
    assert source.endswith("/boilerplate.txt")
    data_line = data_text(source).splitlines()[int(lineno) - 1]
    assert data_line.partition("\t")[0].strip().casefold() == phrase


@pytest.mark.parametrize(
    "line",
    [
        "Share prices fell 3%",
        "Read more about it in the report.",
        "The company said it would share the data with regulators.",
        "Comments from the minister drew criticism on Monday.",
        "Photography has changed a great deal since the 1990s.",
        "Follow-up talks are planned for next week.",
        "By Monday, the river had risen.",
        "By contrast, prices rose",
        "De Gaulle and the war",
        "The newsletter business is booming, analysts say.",
        "Laden",  # a German subheading (charging, shop): no catalogue has it alone
        "Zurück zur Normalität",
        "All articles of the treaty were signed.",
        "Hemden/ Blusen",  # a menu pair, not an agency
        "Ana/Maria",
        "The company moved its blog to WordPress.com in 2019 and traffic grew, the founder said.",
        "Teile dieses Beitrags wurden gekürzt, sagte der Verlag zu den Vorwürfen am Montag.",
        "We need your support to rebuild the school, the mayor said.",
        "28:25",  # a handball score, not a time stamp
        PARA,
    ],
)
def test_catalogue_leaves_article_lines(line: str) -> None:
    assert catalogue().match(line) is None


def test_line_key_strips_symbols_and_counters() -> None:
    assert line_key("»  Comments (3)  «") == "comments"
    assert line_key("12") == ""


def test_catalogue_on_a_one_megabyte_line_is_fast() -> None:
    line = "Share " + "x" * 1_000_000
    started = time.process_time()  # CPU time: bounds the work, whatever the machine's load
    assert catalogue().match(line) is None
    assert catalogue().match("!" * 1_000_000 + "a") is None
    assert time.process_time() - started < 1.0


# -- structural rules --------------------------------------------------------------------------


def test_navigation_label_takes_the_title_it_introduces() -> None:
    text = f"{PARA}\n\nPrevious Article\n\nA Title Of Another Story\n\nNext Article\n\nYet Another Title Here"
    draft = run_filters(text, "strip_boilerplate")
    reasons = [draft.removal_of(i).reason for i in range(1, 5)]  # type: ignore[union-attr]
    assert reasons == [
        "boilerplate.navigation",
        "boilerplate.nav_title",
        "boilerplate.navigation",
        "boilerplate.nav_title",
    ]
    assert not draft.is_removed(0)


def test_read_also_heading_takes_one_title() -> None:
    text = f"{PARA}\nRead also\nTen Things About the Budget\n{PARA2}"
    draft = run_filters(text, "strip_boilerplate")
    assert draft.removal_of(2) == BlockRemoval(2, "boilerplate.nav_title", "after_teaser_label")
    listed = f"{PARA}\nRelated\n- 200 g flour\n{PARA2}"
    assert not run_filters(listed, "strip_boilerplate").is_removed(2)


def test_heading_after_back_to_top_stays() -> None:
    draft = run_filters(f"{PARA}\nBack to top\nWhat Happens Next\n{PARA2}", "strip_boilerplate")
    assert draft.is_removed(1)
    assert not draft.is_removed(2)


def test_link_run_under_a_related_heading_goes() -> None:
    text = "\n".join(
        [
            PARA,
            PARA2,
            "Related articles",
            "Budget talks stall again",
            "Rail strike called off",
            "New mayor sworn in",
        ]
    )
    draft = run_filters(text, "strip_boilerplate", "strip_link_lists")
    assert [draft.removal_of(i).reason for i in (3, 4, 5)] == ["boilerplate.link_list"] * 3  # type: ignore[union-attr]
    assert not draft.is_removed(0)
    assert not draft.is_removed(1)


def test_link_run_without_evidence_stays_in_extracted_mode() -> None:
    text = "\n".join([PARA, "Flour and sugar", "Two large eggs", "Butter for the tin", PARA2])
    draft = run_filters(text, "strip_boilerplate", "strip_link_lists")
    assert not any(draft.is_removed(i) for i in range(5))


def test_link_run_anywhere_in_page_mode() -> None:
    opts = {"where": "anywhere", "bullets": True}
    menu = "\n".join(["World", "Europe news today", "Markets live", "Climate desk", PARA, PARA2])
    draft = run_filters(menu, "strip_link_lists", strip_link_lists=opts)
    assert [draft.is_removed(i) for i in range(6)] == [True, True, True, True, False, False]
    # between two paragraphs of running text the same run is a list inside the article
    inside = "\n".join([PARA, "World", "Europe news today", "Markets live", PARA2])
    draft = run_filters(inside, "strip_link_lists", strip_link_lists=opts)
    assert not any(draft.is_removed(i) for i in range(5))


def test_bulleted_content_list_stays() -> None:
    text = "\n".join([PARA, "Related", "- 200 g flour", "- 2 eggs", "- a pinch of salt", PARA2])
    draft = run_filters(text, "strip_boilerplate", "strip_link_lists")
    assert [draft.is_removed(i) for i in range(6)] == [False, True, False, False, False, False]


def test_short_line_between_chrome_goes_between_paragraphs_stays() -> None:
    text = "\n".join(
        [PARA, "Share this article", "Example Daily", "Advertisement", PARA2, "In brief", PARA]
    )
    draft = run_filters(text, "strip_boilerplate", "strip_context", strip_context={"edges": False})
    assert draft.removal_of(2) == BlockRemoval(2, "boilerplate.context", "between_chrome")
    assert not draft.is_removed(5)


def test_tail_cluster_needs_evidence() -> None:
    with_cue = "\n".join([PARA, PARA2, "Get the morning newsletter", "Weekend Reads"])
    draft = run_filters(with_cue, "strip_boilerplate", "strip_edges")
    assert draft.is_removed(2)
    assert draft.is_removed(3)
    plain = "\n".join([PARA, PARA2, "Jane Doe, Berlin", "Additional reporting by John Roe"])
    draft = run_filters(plain, "strip_boilerplate", "strip_edges")
    assert not draft.is_removed(2)
    assert not draft.is_removed(3)


def test_comments_heading_takes_the_comment_section() -> None:
    text = "\n".join(
        [PARA, PARA2, PARA, "Comments", "Great piece, thank you for writing it.", "Anna"]
    )
    draft = run_filters(text, "strip_boilerplate", "strip_edges")
    assert [rule_kind(draft.removal_of(i).rule) for i in (3, 4, 5)] == [  # type: ignore[union-attr]
        "catalogue",
        "after_comments_heading",
        "after_comments_heading",
    ]


def test_in_document_repeat() -> None:
    draft = run_filters(
        f"{PARA}\nExample Daily Briefing\n{PARA2}\nExample Daily Briefing", "strip_duplicates"
    )
    assert draft.removal_of(3) == BlockRemoval(3, "boilerplate.duplicate", "repeated_line")
    assert not draft.is_removed(1)


def test_block_classifier_keeps_body_drops_chrome() -> None:
    page = "\n".join(
        [
            "Home",
            "World",
            "Business",
            "Log in",
            "City Council Approves New Budget",
            PARA,
            PARA2,
            PARA,
            "Most read",
            "Stocks slide as rates rise",
            "Contact us | Imprint | Privacy",
        ]
    )
    draft = run_filters(page, "strip_boilerplate", "classify_blocks")
    kept = [b.text for b in draft.kept()]
    assert kept == ["City Council Approves New Budget", PARA, PARA2, PARA]


def test_block_classifier_keeps_the_article_past_a_caption() -> None:
    # a long caption line inside the article must not take the paragraphs after it along
    caption = (
        "18/05/2020 Dr Jane Doe, Chief Medical Officer, Department of Health, "
        "pictured on Monday 18th May Example Agency Images"
    )
    live = [f"{PARA} Update {k}." for k in range(12)]
    page = "\n".join(
        [
            "Home",
            "News",
            PARA2,
            caption,
            "Officials said the rules would be reviewed.",
            "They did not say when that would be.",
            "Sign up for our newsletter",
            *live,
            "Contact us | Imprint | Privacy",
        ]
    )
    draft = run_filters(page, "strip_boilerplate", "classify_blocks")
    kept = [b.text for b in draft.kept()]
    assert "Officials said the rules would be reviewed." in kept
    assert "They did not say when that would be." in kept
    assert caption not in kept
    # without the bridge, the lines after the caption went with it
    unbridged = run_filters(
        page, "strip_boilerplate", "classify_blocks", classify_blocks={"region_bridge": 0}
    )
    assert "Officials said the rules would be reviewed." not in [b.text for b in unbridged.kept()]


def test_language_guess() -> None:
    assert (
        guess_language(Draft.of("Le chat est sur la table et il dort dans la maison.").blocks)
        == "fr"
    )
    assert guess_language(Draft.of("Αγαπητέ λαέ της Ευρώπης, σε Ελλάδα και αλλού.").blocks) is None


# -- presets -----------------------------------------------------------------------------------


@pytest.mark.parametrize("preset", ["extracted", "page"])
def test_seed_in_both_presets(preset: str) -> None:
    original = SEED.read_text(encoding="utf-8")
    article = newsclean.clean(original, preset=preset)
    assert article.title == "NATO to Deepen Ties With Ukraine and Expand Regional Security Efforts"
    assert len(article.paragraphs) == 5
    assert article.paragraphs[0].startswith("The North Atlantic Alliance member states")
    assert article.paragraphs[-1].endswith("rather than hasty deadlines.")
    reasons = {r.text.strip(): r.reason for r in article.removals}
    assert reasons["Previous Article"] == "boilerplate.navigation"
    assert reasons[
        "Aftermath of a Major Fire in La Cala, Benidorm: Injuries, Evacuations, and Recovery"
    ] == ("boilerplate.nav_title")
    assert all(r.reason and r.filter and r.rule for r in article.removals)


NEGATIVE = f"""Markets Slide as Rates Rise

Share prices fell 3% on Monday as investors weighed the central bank's latest move. {PARA}

Read more about it in the report. {PARA2}

Analysts said the fall could continue. "We expect more volatility," one said.

Follow the money, she added, and the picture becomes clear.
"""


@pytest.mark.parametrize("preset", ["extracted", "page"])
def test_article_lines_stay(preset: str) -> None:
    article = newsclean.clean(NEGATIVE, preset=preset)
    if preset == "page":
        # a whole page's text: the first line shares no word with the body and nothing else
        # speaks for it as the headline, so it stays in the body rather than risk a wrong title
        assert article.removals == ()
        assert article.title is None
        assert len(article.paragraphs) == 5
        return
    assert [r.reason for r in article.removals] == ["structure.title"]
    assert article.title == "Markets Slide as Rates Rise"
    assert len(article.paragraphs) == 4


@pytest.mark.parametrize("preset", ["extracted", "page"])
def test_presets_survive_hostile_lines(preset: str) -> None:
    text = "Share\n" + ("word " * 200_000) + "\n" + ("|" * 100_000) + "\n" + "!" * 500_000 + "a"
    started = time.process_time()  # CPU time: bounds the work, whatever the machine's load
    article = newsclean.clean(text, preset=preset)
    assert time.process_time() - started < 10
    assert article.removals


def test_default_pipeline_routes_profile() -> None:
    from newsclean.corpus import Profile

    profile = Profile({"example.com": {"subscribe to example weekly": 9}}, {"example.com": 9})
    pipe = newsclean.default_pipeline(profile=profile)
    article = pipe({"text": f"{PARA}\nSubscribe to Example Weekly", "url": "https://example.com/x"})
    assert article.removals[-1].reason in {"boilerplate.site_repeated", "boilerplate.subscribe"}
    assert pipe["strip_site_repeated"].profile is profile  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("24. März 2004, 19:49 | Jane Doe", True),
        ("March 3, 2024 at 8:05 PM", True),
        ("12.03.2024 | Berlin", True),
        ("23.10.2018", True),
        ("— 2024-03-12 | 10:15 —", True),
        ("3.5.2", False),
        # a time without a date is a schedule item or a timeline entry
        ("Siegerehrung 18:30 Uhr", False),
        ("6:20 PM Arrives outside the house", False),
        ("13:00 – 13:15 Uhr", False),
        ("On 3 March 2024 the council voted to close the old bridge.", False),
        ("The vote is set for 12.03.2024 in the city hall after the summer.", False),
    ],
)
def test_dateline(line: str, expected: bool) -> None:
    hit = catalogue().match(line)
    assert (hit == ("boilerplate.author_box", "dateline")) is expected
