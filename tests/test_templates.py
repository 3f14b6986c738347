"""Template tokens, empty values, filler and generation leftovers: every form, and its near misses."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import newsclean
from newsclean import Severity
from newsclean._patterns import data_text
from newsclean.errors import ConfigError
from newsclean.filters.templates import (
    LANGUAGES,
    FlagTemplates,
    is_placeholder_phrase,
    leftover_languages,
    leftover_patterns,
)
from newsclean.pipeline import Draft, Proposal

ROOT = Path(__file__).resolve().parent.parent


def _shared() -> Path:
    """``../shared`` beside the checkout (or beside the folder of worktrees), or $NEWSCLEAN_SHARED."""
    env = os.environ.get("NEWSCLEAN_SHARED")
    candidates = [Path(env)] if env else []
    candidates += [ROOT.parent / "shared", ROOT.parent.parent / "shared"]
    return next((c for c in candidates if c.is_dir()), candidates[0])


DEV = _shared() / "data" / "boilerplate-dev.jsonl"


def run(text: str, **options: Any) -> Proposal:
    return FlagTemplates(**options).apply(Draft.of(text))


def found(text: str, **options: Any) -> list[tuple[str, str, str]]:
    """(code, kind, matched text) of every flag raised on ``text``."""
    return [
        (f.code, f.evidence["kind"], text[f.span[0] : f.span[1]])
        for f in run(text, **options).flags
    ]


# ---------------------------------------------------------------------------------------------
# every form: a positive beside its near misses

# (label, text, code, kind, the matched text)
POSITIVES = [
    # placeholder syntaxes
    (
        "brace_upper",
        "Previous Article\n{REWRITE_TITLE}\nNext Article",
        "template.token",
        "brace",
        "{REWRITE_TITLE}",
    ),
    (
        "brace_name",
        "The minister {NAME} said the talks would resume.",
        "template.token",
        "brace",
        "{NAME}",
    ),
    (
        "brace_lower",
        "Dear {first_name}, thank you for reading our newsletter.",
        "template.token",
        "brace",
        "{first_name}",
    ),
    (
        "brace_title_case",
        "The report was written by {Author} for the council.",
        "template.token",
        "brace",
        "{Author}",
    ),
    (
        "jinja",
        "Read more about {{ title }} in our weekly edition.",
        "template.token",
        "jinja",
        "{{ title }}",
    ),
    (
        "jinja_filter",
        "Published on {{date|format_date('d M Y')}} by the desk.",
        "template.token",
        "jinja",
        "{{date|format_date('d M Y')}}",
    ),
    (
        "thymeleaf",
        'Residents of <span th:text="${notice.region}">region</span> should boil water.',
        "template.token",
        "thymeleaf",
        '<span th:text="${notice.region}">region</span>',
    ),
    (
        "thymeleaf_inline",
        "The mayor of [[${town.name}]] opened the bridge.",
        "template.token",
        "thymeleaf_inline",
        "[[${town.name}]]",
    ),
    (
        "jinja_dotted",
        "Hi {{fullName}}, welcome back to the site.",
        "template.token",
        "jinja",
        "{{fullName}}",
    ),
    (
        "vue_expression",
        "Notifications {{ $store.getters['count'] }} today",
        "template.token",
        "jinja",
        "{{ $store.getters['count'] }}",
    ),
    (
        "mustache_triple",
        "The story continues below {{{body}}} after the break.",
        "template.token",
        "jinja",
        "{{{body}}}",
    ),
    (
        "jinja_block",
        "{% if premium %}Subscribers can read the full story.",
        "template.token",
        "jinja_block",
        "{% if premium %}",
    ),
    (
        "dollar_brace",
        "Tickets cost ${price} and go on sale on Monday.",
        "template.token",
        "dollar_brace",
        "${price}",
    ),
    (
        "hash_brace",
        "The mayor of #{city} opened the new bridge.",
        "template.token",
        "hash_brace",
        "#{city}",
    ),
    (
        "python_percent",
        "Shares of %(company)s rose in early trading.",
        "template.token",
        "python_percent",
        "%(company)s",
    ),
    (
        "printf_s",
        "Police in %s said the road would reopen on Friday.",
        "template.token",
        "printf",
        "%s",
    ),
    ("printf_d", "%d bloggers like this.", "template.token", "printf", "%d"),
    ("format_zero", "You are here: {0}", "template.token", "format_index", "{0}"),
    (
        "format_empty",
        "The deal was signed by {} on Tuesday morning.",
        "template.token",
        "format_index",
        "{}",
    ),
    (
        "double_bracket",
        "Contact [[AUTHOR_NAME]] for comment.",
        "template.token",
        "double_bracket",
        "[[AUTHOR_NAME]]",
    ),
    (
        "bracket_upper",
        "The company's chief executive, [NAME], declined to comment.",
        "template.token",
        "bracket",
        "[NAME]",
    ),
    (
        "bracket_insert",
        "[INSERT QUOTE FROM MAYOR] The council approved the budget.",
        "template.token",
        "bracket",
        "[INSERT QUOTE FROM MAYOR]",
    ),
    (
        "bracket_insert_lower",
        "Officials said [insert figure here] people were evacuated.",
        "template.token",
        "bracket",
        "[insert figure here]",
    ),
    ("bracket_your_name", "Sincerely, [Your Name]", "template.token", "bracket", "[Your Name]"),
    (
        "bracket_company",
        "[Company Name] announced record profits on Thursday.",
        "template.token",
        "bracket",
        "[Company Name]",
    ),
    (
        "bracket_german",
        "Die Stadt [STADT] plant einen neuen Radweg.",
        "template.token",
        "bracket",
        "[STADT]",
    ),
    (
        "bracket_french",
        "Le maire de [Nom de la ville] a inauguré le pont.",
        "template.token",
        "bracket",
        "[Nom de la ville]",
    ),
    (
        "angle",
        "Written by <AUTHOR> for the evening edition.",
        "template.token",
        "angle",
        "<AUTHOR>",
    ),
    (
        "angle_word",
        "Woordvoerder <naam> wilde niet reageren.",
        "template.token",
        "angle_word",
        "<naam>",
    ),
    (
        "double_angle",
        "The event takes place on <<DATE>> in the town hall.",
        "template.token",
        "double_angle",
        "<<DATE>>",
    ),
    (
        "dunder",
        "Filed under __CATEGORY_NAME__ by the newsroom.",
        "template.token",
        "dunder",
        "__CATEGORY_NAME__",
    ),
    (
        "dollar_name",
        "The vote is set for $DATE$ according to officials.",
        "template.token",
        "dollar",
        "$DATE$",
    ),
    (
        "erb",
        "Posted by <%= author.name %> in the politics section.",
        "template.token",
        "erb",
        "<%= author.name %>",
    ),
    # leaked empty values
    (
        "published_undefined",
        "Published: undefined",
        "template.empty_value",
        "label_value",
        "undefined",
    ),
    ("by_null", "By null", "template.empty_value", "byline", "null"),
    ("price_nan", "Price: NaN", "template.empty_value", "label_value", "NaN"),
    ("by_none", "By None | 12 March 2024", "template.empty_value", "byline", "None"),
    ("author_none", "Author: None", "template.empty_value", "label_value", "None"),
    (
        "object_object",
        "Filed under [object Object] on Monday.",
        "template.empty_value",
        "object",
        "[object Object]",
    ),
    (
        "nan_currency",
        "The fare rises to €NaN from next month.",
        "template.empty_value",
        "unit",
        "NaN",
    ),
    ("undefined_read", "undefined min read", "template.empty_value", "unit", "undefined"),
    (
        "undefined_pair",
        "Photo: undefined undefined/Reuters",
        "template.empty_value",
        "pair",
        "undefined undefined",
    ),
    ("posted_on_null", "Posted on null in Politics", "template.empty_value", "published", "null"),
    ("line_undefined", "undefined", "template.empty_value", "line", "undefined"),
    # filler
    (
        "lorem",
        "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor.",
        "template.filler",
        "lorem",
        "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod",
    ),
    (
        "lorem_dummy",
        "Lorem Ipsum is simply dummy text of the printing and typesetting industry.",
        "template.filler",
        "lorem",
        "Lorem Ipsum",
    ),
    ("todo_line", "TODO: add quote from the mayor", "template.filler", "todo", "TODO: "),
    ("tbd_line", "TBD", "template.filler", "line", "TBD"),
    (
        "bracket_tk",
        "The company raised [TK] in its latest round.",
        "template.filler",
        "bracketed",
        "[TK]",
    ),
    (
        "bracket_todo",
        "Revenue grew [TODO: check figure] last year.",
        "template.filler",
        "bracketed",
        "[TODO: check figure]",
    ),
    (
        "xxx_money",
        "The city will spend $XXX million on the new stadium.",
        "template.filler",
        "xxx",
        "$XXX",
    ),
    (
        "xxx_percent",
        "Unemployment fell to XX% in the second quarter.",
        "template.filler",
        "xxx",
        "XX%",
    ),
    # generation leftovers, English
    (
        "here_is",
        "Here is the rewritten article:",
        "template.leftover",
        "leftover",
        "Here is the rewritten article:",
    ),
    (
        "sure_heres",
        "Sure! Here's a rewritten version of the news article with a neutral tone:",
        "template.leftover",
        "leftover",
        "Sure! Here's a rewritten version of the news article with a neutral tone:",
    ),
    (
        "certainly",
        "Certainly, here is a paraphrased version of the article:",
        "template.leftover",
        "leftover",
        "Certainly, here is a paraphrased version of the article:",
    ),
    (
        "as_an_ai",
        "As an AI language model, I cannot browse the internet.",
        "template.leftover",
        "leftover",
        "As an AI language model, I cannot browse the internet.",
    ),
    (
        "rewritten_title",
        "Rewritten title: NATO to Deepen Ties With Ukraine",
        "template.leftover",
        "leftover",
        "Rewritten title:",
    ),
    (
        "markdown_title",
        "**Rewritten Headline:** Fire in Benidorm",
        "template.leftover",
        "leftover",
        "Rewritten Headline:",
    ),
    ("hope_helps", "I hope this helps!", "template.leftover", "leftover", "I hope this helps!"),
    (
        "hope_tail",
        "The summit ends on Friday. I hope this helps.",
        "template.leftover",
        "leftover",
        "I hope this helps.",
    ),
    (
        "let_me_know",
        "Let me know if you need any further changes.",
        "template.leftover",
        "leftover",
        "Let me know if you need any further changes.",
    ),
    (
        "note_paraphrased",
        "Note: This article has been paraphrased from the original report.",
        "template.leftover",
        "leftover",
        "Note: This article has been paraphrased from the original report.",
    ),
    ("word_count", "(Word count: 512)", "template.leftover", "leftover", "Word count: 512)"),
    (
        "below_is",
        "Certainly! Below is the rewritten article:",
        "template.leftover",
        "leftover",
        "Certainly! Below is the rewritten article:",
    ),
    ("heading", "### Rewritten Article", "template.leftover", "leftover", "Rewritten Article"),
    (
        "ai_assistant",
        "As an AI assistant, I cannot browse the web.",
        "template.leftover",
        "leftover",
        "As an AI assistant, I cannot browse the web.",
    ),
    (
        "as_an_ai_comma",
        "As an AI, I cannot predict the election.",
        "template.leftover",
        "leftover",
        "As an AI, I cannot predict the election.",
    ),
    (
        "knowledge_cutoff",
        "As of my last knowledge update in 2023, the law was pending.",
        "template.leftover",
        "leftover",
        "As of my last knowledge update in 2023, the law was pending.",
    ),
    (
        "real_time",
        "I do not have access to real-time information about the summit.",
        "template.leftover",
        "leftover",
        "I do not have access to real-time information about the summit.",
    ),
    # generation leftovers, the other catalogue languages
    (
        "de",
        "Hier ist der umgeschriebene Artikel:",
        "template.leftover",
        "leftover",
        "Hier ist der umgeschriebene Artikel:",
    ),
    (
        "de_ki",
        "Als KI-Sprachmodell kann ich keine aktuellen Nachrichten abrufen.",
        "template.leftover",
        "leftover",
        "Als KI-Sprachmodell kann ich keine aktuellen Nachrichten abrufen.",
    ),
    (
        "fr",
        "Voici l'article réécrit :",
        "template.leftover",
        "leftover",
        "Voici l'article réécrit :",
    ),
    (
        "fr_title",
        "Titre réécrit : L'OTAN renforce ses liens avec l'Ukraine",
        "template.leftover",
        "leftover",
        "Titre réécrit :",
    ),
    (
        "es",
        "¡Claro! Aquí tienes una versión reescrita del artículo:",
        "template.leftover",
        "leftover",
        "¡Claro! Aquí tienes una versión reescrita del artículo:",
    ),
    (
        "it",
        "Ecco l'articolo riscritto:",
        "template.leftover",
        "leftover",
        "Ecco l'articolo riscritto:",
    ),
    (
        "pt",
        "Aqui está o artigo reescrito:",
        "template.leftover",
        "leftover",
        "Aqui está o artigo reescrito:",
    ),
    (
        "nl",
        "Hier is het herschreven artikel:",
        "template.leftover",
        "leftover",
        "Hier is het herschreven artikel:",
    ),
    ("pl", "Oto przepisany artykuł:", "template.leftover", "leftover", "Oto przepisany artykuł:"),
    (
        "it_below",
        "Di seguito trovi l'articolo riscritto:",
        "template.leftover",
        "leftover",
        "Di seguito trovi l'articolo riscritto:",
    ),
    (
        "pt_below",
        "Abaixo está o artigo reescrito:",
        "template.leftover",
        "leftover",
        "Abaixo está o artigo reescrito:",
    ),
    (
        "fr_ia",
        "En tant qu'IA, je ne peux pas consulter l'actualité.",
        "template.leftover",
        "leftover",
        "En tant qu'IA, je ne peux pas consulter l'actualité.",
    ),
]

# (label, text): the near misses of the forms above, which must raise nothing
NEAR_MISSES = [
    # braces: code, JSON, maths, set notation, wiki markup, LaTeX
    ("code_block", "def greet(name):\n    return f\"Hello {name}\"\nprint(greet('Ada'))"),
    ("js_destructure", "const {title} = props;"),
    ("json", 'The API returned {"name": "Ada", "age": 36} for every request.'),
    ("set_notation", "Let S = {a, b, c} and T = {x}; then S ∪ T has four elements."),
    ("set_word", "The empty set {} has no elements, and the set {0} has one."),
    ("latex", "The fraction \\frac{a}{b} and the power x^{2} and the index a_{ij} appear often."),
    ("single_letter", "The variable {x} stands for the unknown in the equation."),
    ("wiki_template", "{{reflist}} and {{Citation needed|date=May 2020}} and {{cite web|url=x}}"),
    (
        "wiki_link",
        "He was born in [[Springfield, Illinois]] and studied at [[Harvard University]].",
    ),
    # square brackets: editorial use
    ("sic", "The sign read “Welcom to Bostn” [sic] for three weeks."),
    (
        "citations",
        "The spell was taught in the sixth year.[3][4] Its incantation was Aguamenti.[5]",
    ),
    ("elision", "“We will not give up […] and we will win,” she said. [...] He agreed."),
    (
        "editorial_insert",
        "“[W]e are proud of [the team's] work,” the coach said. „[V]ielen Dank für [die] Hilfe.“",
    ),
    ("labels", "[UPDATED] Storm hits coast [VIDEO] [PHOTOS] [WATCH] [LIVE]"),
    ("label_lower", "Rent rose again [source] and the council blamed landlords [link]."),
    ("lyrics", "[Chorus]\nWe will rise again\n[Verse 2]"),
    ("email_protected", "Write to [email protected] with your questions."),
    ("name_withheld", "The witness, [name withheld], told the court she saw the car."),
    ("markdown_link", "Read the [Company Name](https://example.com) press release."),
    ("single_word_title", "The magazine's [Player] column runs on Sundays."),
    ("link_texts", "Share: [Facebook] [Twitter] [Email] | [Contact] [Website] [Name]"),
    ("labels_other_languages", "[FOTOS] [EN VIVO] [OPINIÓN] [LOCAL] [DATA] [PORADNIK W PIGUŁCE]"),
    # dollars, percents, angles
    (
        "dollars",
        "The ticket costs $5, or $5.50 with a programme; the $AB$ segment is in the diagram.",
    ),
    ("percent", "Turnout rose 50% and 12.5 % of voters were under 25; 100%d is not a word."),
    ("url_encoded", "See https://example.com/search?q=a%20b%2d%2fs for details."),
    ("heart", "I <3 this city, she wrote, and 2 < 3 > 1."),
    ("angle_html", "The page began with <HTML> and a <TITLE> element."),
    ("angle_key", "Press <ENTER> to continue or <CTRL> to cancel."),
    ("angle_lower", "Name the dish 'Chili de <your name>' to please her."),
    ("guillemets", "Il a dit <<ONU>> et <<Le Monde>> a repris la formule."),
    ("python_dunder", "Python 2.6 added from __future__ import print_function."),
    ("markdown_bold", "__NOTE__ The office is closed on Monday."),
    # empty values in ordinary language
    ("undefined_prose", "The border remains undefined, and undefined behaviour is a bug."),
    ("null_german", "Das interessiert mich null. Von null auf hundert in drei Sekunden."),
    ("null_hypothesis", "Result: null hypothesis rejected at the 5% level."),
    ("none_prose", "None of the buyers were charged. Injuries: None reported."),
    ("none_label", "Competing interests: None declared. Funding: None."),
    ("nan_word", "Nan, her grandmother, baked naan bread for the NaNoWriMo group."),
    # filler look-alikes
    ("lorem_quoted", "The phrase “Lorem ipsum” comes from a text by Cicero."),
    ("tbd_schedule", "Kick-off: TBD. Venue (TBA) will be announced by the league."),
    ("todo_prose", "My todo list is long; the TODO list app is popular."),
    ("roman_xxx", "Super Bowl XXX was played in 1996, and XXL shirts sold out."),
    # leftover look-alikes
    ("quote_hope", "“I hope this helps the families,” the mayor said."),
    ("interview_sure", "Sure! Here's what happened on the night of the fire, he said."),
    ("as_an_ai_researcher", "As an AI researcher, she has warned about language models for years."),
    ("quoted_leftover", "The chatbot replied “As an AI language model, I cannot” and stopped."),
    ("rewrite_news", "The constitution has been rewritten twice since 1990."),
    ("title_label", "Title: The Long Road Home. Director: Jane Smith."),
    ("es_model", "ChatGPT funciona como un modelo de lenguaje entrenado con textos."),
    ("de_natural", "Natürlich! Hier ist alles anders als früher, sagt der Bürgermeister."),
    ("pl_oto", "Oto lista najważniejszych wydarzeń tygodnia."),
    ("edited_transcript", "Here is an edited version of our conversation with the mayor."),
    ("condensed", "Here's a condensed version of the interview:"),
    ("my_version", "Sure, here's my version of events: we left at nine."),
    ("revised_bill", "The revised version is expected to pass the Senate next week."),
    ("help_quote", "“Let me know if you need any help,” she told the volunteers."),
    ("ai_news", "As an AI model trained on public data, the system can draft emails."),
    ("law_text", "L'article a été réécrit pour tenir compte des remarques du Conseil d'État."),
    ("word_count_rules", "Word count: 500 words at most, the jury said."),
    ("fr_hope", "J'espère que cela vous aide à y voir plus clair, conclut la ministre."),
    ("de_ki_modell", "Als KI-Modell ist ChatGPT in Schulen umstritten."),
    ("fr_modele", "En tant que modèle de langage, ChatGPT peut se tromper."),
    ("de_natural_2", "Ich hoffe, das hilft den Familien, sagte der Bürgermeister."),
    ("below_schedule", "Below is the updated schedule for the tournament."),
    ("rewritten_constitution", "The rewritten constitution was approved in a referendum."),
    ("knowledge_prose", "As of my last visit to the museum, the wing was still closed."),
    ("de_fassung", "Hier ist die gekürzte Fassung des Interviews mit der Ministerin."),
    ("es_version", "Aquí está la versión del alcalde sobre lo ocurrido."),
    (
        "ai_disclosure",
        "Note: This article was generated with the help of AI and checked by an editor.",
    ),
]


@pytest.mark.parametrize(
    ("text", "code", "kind", "token"), [p[1:] for p in POSITIVES], ids=[p[0] for p in POSITIVES]
)
def test_positive(text: str, code: str, kind: str, token: str) -> None:
    hits = found(text)
    assert (code, kind, token) in hits, hits


@pytest.mark.parametrize("text", [n[1] for n in NEAR_MISSES], ids=[n[0] for n in NEAR_MISSES])
def test_near_miss(text: str) -> None:
    assert found(text) == []


def test_every_token_kind_and_code_is_covered() -> None:
    from newsclean.filters.templates.rules import _EMPTY, _FILLER, _SYNTAXES

    kinds = {(p[2], p[3]) for p in POSITIVES}
    assert {("template.token", s.kind) for s in _SYNTAXES} <= kinds
    assert {("template.empty_value", k) for k, _ in _EMPTY if k != "pair"} <= kinds
    assert {("template.filler", k) for k, _ in _FILLER} <= kinds
    assert {p[0] for p in POSITIVES} >= set(LANGUAGES) - {"en"}


def test_one_finding_per_occurrence_and_evidence() -> None:
    text = "Hi {{name}}, {{name}} and {NAME} again"
    flags = run(text).flags
    assert [text[f.span[0] : f.span[1]] for f in flags] == ["{{name}}", "{{name}}", "{NAME}"]
    assert dict(flags[0].evidence) == {"kind": "jinja", "token": "{{name}}"}
    assert all(f.severity is None for f in flags)  # the code's default: error


# ---------------------------------------------------------------------------------------------
# context: an article about programming


PROGRAMMING = """How format strings work in C

The printf function takes a format string and a list of values. In the format string, %d stands
for an integer and %s for a string, so printf("%d apples", n) prints the number of apples.
Python's older syntax uses %(name)s, and newer code writes "{0}".format(x) or f"{x}".
Template engines such as Jinja write {{ title }} and {% for item in items %}.
In Ruby, "#{name}" interpolates, and shell scripts write ${HOME}.
"""


def test_programming_article_raises_nothing() -> None:
    assert found(PROGRAMMING) == []


def test_programming_article_still_flags_a_strong_token() -> None:
    text = PROGRAMMING + "\n{REWRITE_TITLE}\n"
    assert [k for _, k, _ in found(text)] == ["brace"]


def test_code_context_can_be_switched_off() -> None:
    assert ("template.token", "printf", "%d") in found(PROGRAMMING, code_context=False)


def test_backticks_are_a_mention() -> None:
    assert found("Write `{NAME}` where the name should go.") == []


# ---------------------------------------------------------------------------------------------
# policy: removal, flag only, severity, kinds, removed blocks


def test_token_only_lines_are_removed() -> None:
    text = "First paragraph of the story.\n{REWRITE_TITLE}\n{{ title }} | {{ date }}\nLast line."
    removals = run(text).removals
    assert [(r.index, r.reason) for r in removals] == [
        (1, "template.token_line"),
        (2, "template.token_line"),
    ]


def test_leftover_and_filler_lines_are_removed_with_their_own_reason() -> None:
    text = "Here is the rewritten article:\nThe summit ends.\nLorem ipsum dolor sit amet.\nTBD"
    reasons = [(r.index, r.reason) for r in run(text).removals]
    assert reasons == [
        (0, "template.leftover_line"),
        (2, "template.filler_line"),
        (3, "template.filler_line"),
    ]


def test_lines_with_content_are_kept() -> None:
    text = "Rewritten title: NATO to Deepen Ties\nPublished: undefined\nThe mayor, [NAME], spoke."
    proposal = run(text)
    assert len(proposal.flags) == 3
    assert proposal.removals == ()


def test_flag_only() -> None:
    proposal = run("Intro.\n{REWRITE_TITLE}\nHere is the rewritten article:", remove_lines=False)
    assert len(proposal.flags) == 2
    assert proposal.removals == ()


def test_severity_option_keeps_records_ok() -> None:
    text = "The story.\n\nPublished: undefined\n\nThe mayor spoke on Monday about the budget plans."
    strict = newsclean.default_pipeline()(text)
    lenient = newsclean.default_pipeline().replace("flag_templates", severity="warning")(text)
    assert not strict.ok
    assert lenient.ok
    assert [f.severity for f in lenient.findings if f.code.startswith("template.")] == [
        Severity.WARNING
    ]


def test_detect_option_limits_kinds() -> None:
    text = "Hi {NAME}. Published: undefined\nLorem ipsum dolor sit amet.\nI hope this helps!"
    assert {c for c, _, _ in found(text, detect=("filler",))} == {"template.filler"}
    assert {c for c, _, _ in found(text)} == {
        "template.token",
        "template.empty_value",
        "template.filler",
        "template.leftover",
    }


def test_languages_option() -> None:
    assert found("Hier ist der umgeschriebene Artikel:", languages=("en",)) == []


@pytest.mark.parametrize(
    "options",
    [{"severity": "fatal"}, {"detect": ("tokens",)}, {"languages": ("xx",)}],
    ids=["severity", "detect", "languages"],
)
def test_bad_options(options: dict[str, Any]) -> None:
    with pytest.raises(ConfigError):
        newsclean.make_filter("flag_templates", **options)


def test_options_from_toml_lists() -> None:
    f = newsclean.make_filter("flag_templates", detect=["token"], languages=["en", "de"])
    assert f.detect == ("token",)  # type: ignore[attr-defined]
    assert f.languages == ("en", "de")  # type: ignore[attr-defined]


def test_seed_token_in_a_removed_navigation_block_is_reported() -> None:
    seed = (ROOT / "examples" / "corpus" / "seed-nato.txt").read_text(encoding="utf-8")
    article = newsclean.clean(seed)
    tokens = [f for f in article.findings if f.code == "template.token"]
    assert len(tokens) == 1
    assert article.original[tokens[0].span[0] : tokens[0].span[1]] == "{REWRITE_TITLE}"
    removed = {r.text: r.reason for r in article.removals}
    assert removed["{REWRITE_TITLE}"].startswith("boilerplate.")
    # reported, marked, at info: the output does not hold it, so the record stays ok
    evidence = {"kind": "brace", "token": "{REWRITE_TITLE}", "in_removed_line": True}
    assert dict(tokens[0].evidence) == evidence
    assert tokens[0].severity is Severity.INFO
    assert article.ok
    # configurable: the finding keeps its own severity
    strict = newsclean.default_pipeline().replace("flag_templates", removed_line_severity=None)
    (token,) = [f for f in strict(seed).findings if f.code == "template.token"]
    assert token.severity is Severity.ERROR
    assert "in_removed_line" not in token.evidence


def test_spans_point_into_the_original_after_normalization() -> None:
    original = "Head\u200bline of the day here\r\n\r\nThe mayor,\u00a0[NAME], said\u00ad so.\r\n{{ title }}\r\n"
    article = newsclean.clean(original)
    tokens = sorted(
        article.original[f.span[0] : f.span[1]]
        for f in article.findings
        if f.code == "template.token"
    )
    assert tokens == ["[NAME]", "{{ title }}"]


# ---------------------------------------------------------------------------------------------
# negatives: realistic article text must raise nothing

ARTICLE_SENTENCES = """
The council approved a budget of $5.2 million, up 12% from last year, after a three-hour debate.
Inflation eased to 2.4% in March, the statistics office said on Tuesday [1].
“We are not going anywhere,” said the union leader, who asked that her name not be used.
The court heard that the defendant “[had] no intention of paying” the £3,000 fine.
Shares of Acme Corp. (NYSE: ACME) closed at $41.17, valuing the company at roughly $12bn.
[UPDATED 14:05] Firefighters say the blaze in La Cala is now under control.
Scientists measured the set {1, 2, 3} of samples against a control group of 40 mice.
The formula E = mc^{2} appeared on the banner outside the physics building.
In the 1990s the team won Super Bowl XXX, and fans still sing about it <3.
Die Regierung will bis 2030 rund 50 % der Energie aus Wind und Sonne gewinnen.
Le ministre a déclaré que « la situation reste sous contrôle » après la réunion.
El Gobierno aprobó ayer un paquete de 3.000 millones de euros para los agricultores.
Il sindaco ha detto che i lavori finiranno entro la fine dell'anno.
O presidente disse que não há data para a votação no Senado.
De gemeente investeert € 4 miljoen in nieuwe fietspaden rond het centrum.
Premier zapowiedział, że decyzja zapadnie do końca miesiąca.
Kickoff time: TBD, the league said, as the stadium awaits a safety inspection.
Her null result surprised the lab, but the data were checked twice.
The software, written in Python, prints %d-style logs that nobody reads.
Editors marked the headline [EXCLUSIVE] and the photo gallery [PHOTOS] on the front page.
Footnote markers such as [a] and [note 3] link to the sources at the end of the page.
Users wrote “I <3 NY” on the wall; the mayor called it a sign of affection.
The C function printf("%s\\n", name); prints the name followed by a newline.
"""


@pytest.mark.parametrize("sentence", ARTICLE_SENTENCES.strip().splitlines())
def test_article_sentences_raise_nothing(sentence: str) -> None:
    assert found(sentence) == []


def test_whole_article_raises_nothing() -> None:
    article = newsclean.clean(ARTICLE_SENTENCES)
    assert not [f for f in article.findings if f.code.startswith("template.")]


CLEAN_EXAMPLES = sorted((ROOT / "examples" / "clean").glob("*.jsonl"))


def _example_texts() -> list[tuple[str, str]]:
    out = []
    for path in CLEAN_EXAMPLES:
        for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if line.strip():
                row = json.loads(line)
                text = row.get("text") or row.get("input") or ""
                out.append((f"{path.stem}:{lineno}", text))
    return out


@pytest.mark.skipif(not CLEAN_EXAMPLES, reason="no examples/clean/*.jsonl")
def test_clean_examples_raise_nothing() -> None:
    bad = []
    for where, text in _example_texts():
        article = newsclean.clean(text)
        hits = [f for f in article.findings if f.code.startswith("template.")]
        if hits:
            bad.append((where, [(f.code, dict(f.evidence)) for f in hits]))
    assert bad == []


@pytest.mark.shared
@pytest.mark.skipif(not DEV.exists(), reason="needs ../shared/data/boilerplate-dev.jsonl")
def test_dev_keep_snippets_raise_nothing() -> None:
    bad = []
    f = FlagTemplates()
    with DEV.open(encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            for snippet in row.get("keep") or []:
                flags = f.apply(Draft.of(snippet)).flags
                if flags:
                    bad.append((row["id"], [dict(x.evidence) for x in flags]))
    assert bad == []


# ---------------------------------------------------------------------------------------------
# worst cases are bounded


WORST = {
    "braces": "{" * 500_000 + "}" * 500_000,
    "brackets": "[" * 500_000 + "]" * 500_000,
    "percents": "%" * 1_000_000,
    "nested": "{[(<%" * 100_000 + "%>)]}" * 100_000,
    "mixed": "{[<%$_ " * 150_000,
    "almost_tokens": "{{ a" * 250_000,
    "almost_leftovers": "here is the rewritten " * 45_000,
    "empty_words": "null: undefined NaN None " * 40_000,
}


@pytest.fixture(scope="module")
def warm_filter() -> FlagTemplates:
    f = FlagTemplates()
    f.apply(Draft.of("Compile the patterns once: {NAME} and I hope this helps."))
    return f


@pytest.mark.parametrize("text", list(WORST.values()), ids=list(WORST))
def test_worst_cases_are_bounded(text: str, warm_filter: FlagTemplates) -> None:
    assert len(text) >= 900_000
    draft = Draft.of(text)
    # processor time: the filter runs on one thread, and a busy machine must not fail it
    started = time.process_time()
    warm_filter.apply(draft)
    elapsed = time.process_time() - started
    assert elapsed < 2.0, elapsed


def test_many_short_lines_of_token_starts_are_bounded(warm_filter: FlagTemplates) -> None:
    """1 MB of short lines in which every character may start a token: linear, a few µs a char."""
    text = ("{{[[<<%%{[(" * 7 + "\n") * 12_800
    started = time.process_time()
    warm_filter.apply(Draft.of(text))
    assert time.process_time() - started < 5.0


# ---------------------------------------------------------------------------------------------
# data files


@pytest.mark.parametrize("lang", LANGUAGES)
def test_leftover_files_compile_and_say_where_they_come_from(lang: str) -> None:
    assert lang in leftover_languages()
    assert "Written for this project" in data_text(f"lang/{lang}/leftovers.txt")
    assert f"L_{lang}" in leftover_patterns((lang,)).start.pattern


def test_placeholder_vocabulary_header() -> None:
    assert "Written for this project" in data_text("templates/placeholders.txt")


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("NAME", True),
        ("Company Name", True),
        ("COMPANY_NAME", True),
        ("Your Name", True),
        ("Insert photo here", True),
        ("Name of Company", True),
        ("UPDATED", False),
        ("VIDEO", False),
        ("sic", False),
        ("1", False),
        ("…", False),
        ("name", False),
        ("Your", False),
        ("email protected", False),
    ],
)
def test_is_placeholder_phrase(content: str, expected: bool) -> None:
    assert is_placeholder_phrase(content) is expected


def test_readme_example_runs_as_shown() -> None:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("## Template tokens", 1)[1].split("\n## ", 1)[0]
    code = section.split("```python\n", 1)[1].split("```", 1)[0]
    namespace: dict[str, Any] = {}
    exec(compile(code, "README.md", "exec"), namespace)
    article = namespace["article"]
    assert [(f.code, dict(f.evidence)) for f in article.findings] == [
        ("template.token", {"kind": "brace", "token": "{REWRITE_TITLE}"}),
        (
            "template.empty_value",
            {"kind": "label_value", "value": "undefined", "label": "Published"},
        ),
    ]
    assert [r.reason for r in article.removals] == ["template.token_line"]


# ---------------------------------------------------------------------------------------------
# properties: any text, valid proposals

TOKENISH = st.text(
    alphabet=st.sampled_from(list("{}[]<>%$_#=()|:;,.!?'\"`\n\t NAMEtitlesdnulx0123ÄéŁ…")),
    max_size=300,
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(TOKENISH, st.text(max_size=300)))
def test_any_text_gives_a_valid_proposal(text: str) -> None:
    draft = Draft.of(text)
    proposal = FlagTemplates().apply(draft)
    for flag in proposal.flags:
        assert 0 <= flag.span[0] < flag.span[1] <= len(text)
        assert flag.code.startswith("template.")
    indices = [r.index for r in proposal.removals]
    assert len(indices) == len(set(indices))
    assert all(0 <= i < len(draft.blocks) for i in indices)


def test_configuration_from_toml_data() -> None:
    config = {
        "pipeline": {"preset": "extracted"},
        "options": {"flag_templates": {"remove_lines": False, "severity": "warning"}},
    }
    pipeline = newsclean.Pipeline.from_config(config)
    article = pipeline("Intro line of the story here.\n\n{REWRITE_TITLE}\n\nThe body goes on.")
    assert article.ok
    assert [f.severity for f in article.findings] == [Severity.WARNING]
    assert not [r for r in article.removals if r.reason.startswith("template.")]


def _unbounded(source: str) -> list[int]:
    """Positions of ``+``, ``*`` or ``{n,}`` quantifiers outside character classes."""
    found = []
    i, in_class = 0, False
    while i < len(source):
        ch = source[i]
        if ch == "\\":
            i += 2
            continue
        if in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
            if source[i + 1 : i + 2] == "]":
                i += 1
        elif ch in "+*":
            found.append(i)
        elif ch == "{":
            close = source.find("}", i)
            body = source[i + 1 : close]
            if body.endswith(",") and body[:-1].isdigit():
                found.append(i)
        i += 1
    return found


def test_every_pattern_has_bounded_repetition() -> None:
    from newsclean.filters.templates import data as d
    from newsclean.filters.templates import rules as t

    patterns = [s.pattern for s in t._SYNTAXES] + [t._TOKEN_RE]
    patterns += [p for _, p in t._EMPTY] + [p for _, p in t._FILLER]
    leftovers = leftover_patterns(LANGUAGES)
    patterns += [leftovers.start, *(a.pattern for a in leftovers.anywhere)]
    patterns += [t._CODE_LINE_RE, t._CLI_FLAG_RE, t._MATHS_RE, t._SETS_RE, t._PROGRAMMING_RE]
    patterns += [t._URLISH_RE, d._LETTERS_RE, t._VOCAB_WORD_RE]
    offenders = {p.pattern[:60]: _unbounded(p.pattern) for p in patterns if _unbounded(p.pattern)}
    assert offenders == {}
    assert _unbounded(r"a+[+*]\+b*c{2,}d{1,3}") == [1, 9, 11]  # the check itself works


CORPUS = ROOT / "examples" / "corpus"


@pytest.mark.skipif(not (CORPUS / "expected.jsonl").exists(), reason="no example corpus")
def test_example_corpus_template_findings_are_the_expected_ones() -> None:
    expected = {}
    for line in (CORPUS / "expected.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        expected[row["id"]] = {c for c in row.get("findings", []) if c.startswith("template.")}
    records = [
        json.loads(line)
        for line in (CORPUS / "articles.jsonl").read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    records.append({"id": "seed-nato", "text": (CORPUS / "seed-nato.txt").read_text("utf-8")})
    got = {}
    for record in records:
        article = newsclean.clean(record)
        got[record["id"]] = {f.code for f in article.findings if f.code.startswith("template.")}
    assert got == {k: expected.get(k, set()) for k in got}


def test_options_round_trip_through_configuration_and_pickle() -> None:
    import pickle

    pipeline = newsclean.default_pipeline().replace(
        "flag_templates", detect=["token"], languages=["en"], severity="warning", remove_lines=False
    )
    assert newsclean.Pipeline.from_config(pipeline.to_config()) == pipeline
    assert pickle.loads(pickle.dumps(pipeline)) == pipeline


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("here is (the|a rewritten\tstart", "unbalanced"),
        ("here is the rewritten article\tsomewhere", "where must be"),
    ],
    ids=["unbalanced", "where"],
)
def test_bad_leftover_data_lines_name_file_and_line(
    monkeypatch: pytest.MonkeyPatch, line: str, message: str
) -> None:
    from newsclean.errors import PatternDataError
    from newsclean.filters.templates import data as t
    from newsclean.lang import parse_lines

    lines = "\n" * 6 + line  # the bad line is line 7
    monkeypatch.setattr(
        t, "entries", lambda lang, name: tuple(parse_lines(lines, f"lang/{lang}/{name}"))
    )
    t.leftover_sources.cache_clear()
    try:
        with pytest.raises(PatternDataError, match=rf"lang/xx/leftovers\.txt:7: .*{message}"):
            t.leftover_sources("xx")
    finally:
        t.leftover_sources.cache_clear()
