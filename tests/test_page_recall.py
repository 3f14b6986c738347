"""Article text the ``page`` preset keeps on whole pages: sub-headings inside the article.

Invented pages in several languages; each rule has near misses (chrome that must still go).
"""

from __future__ import annotations

import newsclean

EN = [
    "The city council met on Tuesday evening to discuss the new budget for the coming year, and "
    "after a long debate the members agreed that the money for schools and roads would rise by a "
    "tenth while other spending stays flat.",
    "Several residents spoke at the meeting and asked the council to explain how the new plan would "
    "change their neighbourhoods, and the mayor promised that the details would be published on the "
    "city's website next week.",
    "The opposition said that the plan was not enough and that the city should have done more for "
    "the people who live in the poorer districts, where many of the streets have not been repaired "
    "for more than ten years.",
]
DE = [
    "Der Stadtrat hat am Dienstagabend über den neuen Haushalt für das kommende Jahr beraten, und "
    "nach einer langen Debatte waren sich die Mitglieder einig, dass das Geld für Schulen und "
    "Straßen um ein Zehntel steigen soll.",
    "Mehrere Anwohner sprachen in der Sitzung und baten den Rat zu erklären, wie der neue Plan ihre "
    "Viertel verändern wird, und der Bürgermeister versprach, dass die Einzelheiten in der nächsten "
    "Woche auf der Webseite der Stadt stehen.",
    "Die Opposition sagte, dass der Plan nicht reiche und dass die Stadt mehr für die Menschen in "
    "den ärmeren Vierteln hätte tun müssen, wo viele der Straßen seit mehr als zehn Jahren nicht "
    "mehr repariert worden sind.",
]
ES = [
    "El consejo de la ciudad se reunió el martes por la tarde para hablar del nuevo presupuesto "
    "para el próximo año, y después de un largo debate los miembros acordaron que el dinero para "
    "las escuelas y las calles subirá un diez por ciento.",
    "Varios vecinos hablaron en la reunión y pidieron al consejo que explicara cómo el nuevo plan "
    "cambiará sus barrios, y el alcalde prometió que los detalles se publicarán en la página de la "
    "ciudad la semana que viene.",
    "La oposición dijo que el plan no es suficiente y que la ciudad debería haber hecho más por las "
    "personas que viven en los barrios más pobres, donde muchas de las calles no se han reparado "
    "desde hace más de diez años.",
]


def clean(lines: list[str]) -> newsclean.Article:
    return newsclean.default_pipeline("page")("\n\n".join(lines))


def paragraphs(article: newsclean.Article) -> list[str]:
    return list(article.paragraphs)


def test_subheading_after_a_read_also_line_stays() -> None:
    # "Read also: ..." between a paragraph and the next section's heading: the heading is article
    for paras, read_also, heading in (
        (EN, "Read also: Mayor opens the new bridge", "Opposition unhappy"),
        (DE, "Lesen Sie auch: Bürgermeister eröffnet die neue Brücke", "Scharfe Kritik"),
        (ES, "Lea también: El alcalde inaugura el nuevo puente", "Críticas duras"),
    ):
        art = clean(
            [
                "Home",
                "News",
                "Council approves the budget",
                paras[0],
                paras[1],
                read_also,
                heading,
                paras[2],
                "Contact | Imprint | Privacy",
            ]
        )
        kept = paragraphs(art)
        assert heading in kept, (heading, art.removals)
        assert read_also not in kept
        assert paras[2] in kept


def test_subheading_between_paragraphs_stays() -> None:
    art = clean(
        ["Home", "Council approves the budget", EN[0], "Right-wing resistance", EN[1], EN[2]]
    )
    assert "Right-wing resistance" in paragraphs(art)


def test_lines_after_a_read_also_line_that_are_not_headings_go() -> None:
    # the same place as the heading above, but not the heading of an article paragraph
    read_also = "Read also: Mayor opens the new bridge"
    near_misses = [
        # a box heading over a short teaser sentence
        ["Current issue", "Our magazine is independent. Support us today!"],
        # a label, a lowercase line, a menu line
        ["More on this:", EN[2]],
        ["click here to read", EN[2]],
        ["World | Business | Sport", EN[2]],
        # a two-word line before a list of links
        ["Top stories", "Mayor opens the new bridge", "Council meets again", "Rain expected"],
    ]
    for after in near_misses:
        page = ["Home", "Council approves the budget", EN[0], EN[1], read_also, *after, "Imprint"]
        kept = paragraphs(clean(page))
        assert after[0] not in kept, after[0]


def test_a_button_before_a_related_list_is_not_a_heading() -> None:
    # what follows the line is a removed list heading, not the paragraph it would head
    for button, related in (
        ("Voir plus de posts", "À lire aussi"),
        ("Mehr Beiträge", "Das könnte Sie auch interessieren"),
    ):
        page = [
            "Home",
            "Council approves the budget",
            EN[0],
            EN[1],
            button,
            related,
            EN[2],
            "Imprint",
        ]
        assert button not in paragraphs(clean(page)), button


def test_author_box_name_is_not_a_heading() -> None:
    bio = (
        "Jane is a reporter who has written about the city's politics and money for the newspaper "
        "since the year two thousand and ten, and before that she worked for the radio station."
    )
    for label in ("Author", "Autor"):
        page = ["Home", "Council approves the budget", EN[0], EN[1], EN[2], label, "Jane Doe", bio]
        kept = paragraphs(clean(page))
        assert "Jane Doe" not in kept


LEAD_DE = [
    "Vor langer Zeit hatte ich schon einmal über diese Behauptung geschrieben, und damals war die "
    "Lage noch anders.",
    "Nun hat sich die Lage geändert. Niemand hat damit gerechnet, dass es so schnell gehen würde.",
]
LEAD_EN = [
    "A long time ago I wrote about this claim for the first time, and back then things were "
    "quite different.",
    "Now the picture has changed. Nobody expected that it would all happen so quickly.",
]
LINKS = [
    "(https://www.example.org/archive/2023/07/the-city-budget-and-what-it-means-for-everyone/)",
    "https://www.example.org/2023/budget/",
]


def long_body(paras: list[str]) -> list[str]:
    # long paragraphs, each written once: the article below the lead
    turns = zip(paras, paras[1:] + paras[:1], paras[2:] + paras[:2], strict=True)
    return [f"{p} {q} {r}" for p, q, r in turns]


def lead_page(menu: list[str], lead: list[str], between: list[str], paras: list[str]) -> list[str]:
    return [*menu, "The city budget", *lead, *between, *long_body(paras), "Imprint"]


def test_lead_above_the_article_past_the_menus_barrier_stays() -> None:
    # a subscription line in the menu opens what follows it; the lead just above the article,
    # with link lines between them, is still the article's
    for menu, lead, paras in (
        (["Startseite", "Newsletter abonnieren", "* Politik", "* Kultur"], LEAD_DE, DE),
        (["Home", "Subscribe to our newsletter", "* Politics", "* Culture"], LEAD_EN, EN),
    ):
        art = clean(lead_page(menu, lead, LINKS, paras))
        for line in lead:
            assert line in paragraphs(art), (line, art.removals)


def test_lines_above_the_article_that_are_not_its_lead_still_go() -> None:
    menu = ["Home", "Subscribe to our newsletter", "* Politics", "* Culture"]
    caption = "The new bridge over the river on a summer day in July."
    near_misses = [
        # a caption: one line, or a line over a picture credit
        ([caption], LINKS),
        ([*LEAD_EN, caption], ["(Photo: Example Agency)", *LINKS]),
        # a box of most-read titles with their counters
        (
            [
                "Mayor opens the new bridge after a long wait, the city says.",
                "12034",
                "Council meets again on Friday to vote on the new tax plan.",
                "9876",
            ],
            LINKS,
        ),
    ]
    for above, between in near_misses:
        kept = paragraphs(clean(lead_page(menu, above, between, EN)))
        assert above[-1] not in kept, above
    # a subscription line between the lead and the article: it belongs to the offer above
    page = lead_page(menu, LEAD_EN, ["Subscribe to our newsletter", *LINKS], EN)
    assert LEAD_EN[0] not in paragraphs(clean(page))


LAST_EN = (
    "Researchers urged residents to keep their phones up to date and to read the council's "
    "newsletter, which will list the new bus times, the roads that close for repairs and the "
    "places where the new schools will be built. The council said that it would answer every "
    "letter it receives about the plan before the end of the year, and that the people of the "
    "poorer districts would be asked first. A final vote on the budget is expected in the spring, "
    "after the city has heard from its residents at three public meetings."
)
LAST_DE = (
    "Die Forscher rieten den Anwohnern, den Newsletter der Stadt zu lesen, in dem die neuen "
    "Fahrzeiten der Busse, die Straßen, die für Reparaturen gesperrt werden, und die Orte stehen, "
    "an denen die neuen Schulen gebaut werden. Die Stadt sagte, sie werde jeden Brief zu dem Plan "
    "noch vor dem Ende des Jahres beantworten, und die Menschen in den ärmeren Vierteln würden "
    "zuerst gefragt. Die letzte Abstimmung über den Haushalt wird im Frühjahr erwartet, nachdem "
    "die Stadt ihre Bürger auf drei öffentlichen Versammlungen angehört hat."
)


def test_a_long_last_paragraph_with_a_cue_word_stays() -> None:
    # the article's last paragraph mentions a newsletter; the comment and share lines after it
    # are the chrome cluster, the paragraph is not
    for paras, last, chrome in (
        (EN, LAST_EN, ["Write a comment", "Share this article:", "* Facebook", "* Twitter"]),
        (DE, LAST_DE, ["Kommentar schreiben", "Artikel teilen:", "* Facebook", "* Twitter"]),
    ):
        assert len(last) >= 500
        art = clean(["Home", "Council approves the budget", *paras, last, *chrome])
        kept = paragraphs(art)
        assert last in kept, art.removals
        assert chrome[0] not in kept


def test_short_cue_lines_and_long_cookie_notices_at_the_end_still_go() -> None:
    cookie = (
        "We use cookies and similar technologies to give you the best experience on our website, "
        "to show you personalised content and advertising and to analyse our traffic. Some of "
        "these cookies are necessary for the site to work, others help us to understand how you "
        "use it and which of our articles you read, so that we can improve what we offer. You can "
        "accept all cookies or choose which ones you allow in the settings, and you can change "
        "your choice at any time on the page about our cookie policy at the bottom of the site."
    )
    assert len(cookie) >= 500
    signup = "Sign up for our newsletter to get the latest news every morning."
    for tail in ([signup, "Write a comment"], ["Write a comment", cookie, "Accept all"]):
        kept = paragraphs(clean(["Home", "Council approves the budget", *EN, *tail]))
        assert signup not in kept
        assert cookie not in kept
        assert EN[2] in kept
