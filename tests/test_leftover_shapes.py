"""The structural leftover rules: assistant voice, placeholder grammar, slots and leaked values.

The development set (``tests/data/leftovers_dev.jsonl``, written for this project) holds
positives and near misses in the eight catalogue languages; each is put into article bodies at
its placements, as ``benchmarks/leftovers_blind.py`` does with real bodies.
"""

from __future__ import annotations

import json
import re
import time
from pathlib import Path
from typing import Any

import pytest

import newsclean
from newsclean.codes import Severity
from newsclean.filters import shapes
from newsclean.filters.templates import FlagTemplates
from newsclean.pipeline import Draft
from newsclean.record import Article
from newsclean.voice import SECTIONS, tokens, voice_entries, voice_languages, voice_table

DEV = Path(__file__).parent / "data" / "leftovers_dev.jsonl"
ITEMS: list[dict[str, Any]] = [
    json.loads(line) for line in DEV.read_text(encoding="utf-8").splitlines() if line
]

# bodies written for these tests: one with a line per paragraph, one with blank lines
BODIES = (
    "The city council approved the new budget on Tuesday after a long debate.\n"
    "Council members argued for hours about the cost of the new bridge. The mayor defended it.\n"
    "The budget includes money for schools, roads and a new public library in the north.\n"
    "Opposition members said the plan would raise taxes for families in the coming years.\n"
    "A final vote on the details is expected next month, officials said.",
    "Heavy rain flooded several streets in the old town overnight.\n\n"
    "Firefighters pumped water out of dozens of basements. Nobody was hurt, police said.\n\n"
    "The weather service expects more rain on Thursday and warned drivers to take care.\n\n"
    "Residents said the drains had not been cleaned for years.",
)


def inject(body: str, line: str, placement: str) -> tuple[str, int]:
    if placement == "first_line":
        return line + "\n" + body, 0
    if placement == "last_line":
        return body + "\n" + line, len(body) + 1
    if placement == "own_line":
        sep = "\n\n" if "\n\n" in body else "\n"
        head = body.split(sep)[0]
        return head + sep + line + body[len(head) :], len(head) + len(sep)
    at = body.index(". ", body.index("\n")) + 2  # after the first sentence of the second line
    return body[:at] + line + " " + body[at:], at


def verdict(article: Article, span: tuple[int, int]) -> tuple[bool, bool]:
    """(caught, alarm) for the injected span."""

    def over(a: tuple[int, int]) -> bool:
        return a[0] < span[1] and span[0] < a[1]

    found = [f for f in article.findings if f.code.startswith("template.") and over(f.span)]
    removed = [r for r in article.removals if over(r.span)]
    caught = bool(found or removed)
    alarm = any(f.severity >= Severity.WARNING for f in found) or any(
        r.reason.startswith("template.") for r in removed
    )
    return caught, alarm


def trials(item: dict[str, Any]) -> list[tuple[str, int, str, tuple[int, int]]]:
    line, fragment = item["line"], item["fragment"]
    at = line.index(fragment) if fragment else 0
    length = len(fragment) if fragment else len(line)
    out = []
    for placement in item["placements"]:
        for b, body in enumerate(BODIES):
            text, start = inject(body, line, placement)
            out.append((placement, b, text, (start + at, start + at + length)))
    return out


POSITIVE = [i for i in ITEMS if i["kind"] == "positive"]
NEAR = [i for i in ITEMS if i["kind"] == "near_miss"]


def test_the_development_set_covers_every_language() -> None:
    assert {i["lang"] for i in POSITIVE} == set(voice_languages())
    assert {i["lang"] for i in NEAR} == set(voice_languages())
    assert len(POSITIVE) >= 60
    assert len(NEAR) >= 40


@pytest.mark.parametrize("item", POSITIVE, ids=[i["id"] for i in POSITIVE])
def test_positive_is_caught_at_every_placement(item: dict[str, Any]) -> None:
    missed = []
    for placement, b, text, span in trials(item):
        caught, _ = verdict(newsclean.clean(text), span)
        if not caught:
            missed.append((placement, b))
    assert not missed, missed


@pytest.mark.parametrize("item", NEAR, ids=[i["id"] for i in NEAR])
def test_near_miss_raises_no_alarm(item: dict[str, Any]) -> None:
    alarms = []
    for placement, b, text, span in trials(item):
        _, alarm = verdict(newsclean.clean(text), span)
        if alarm:
            alarms.append((placement, b))
    assert not alarms, alarms


def test_bodies_alone_are_clean() -> None:
    for body in BODIES:
        assert not [f for f in newsclean.clean(body).findings if f.code.startswith("template.")]


# ---------------------------------------------------------------------------------------------
# the rules one by one


def kinds(text: str) -> list[tuple[str, str]]:
    article = newsclean.clean(BODIES[0] + "\n" + text)
    return [
        (f.code, f.evidence.get("where") or f.evidence.get("kind", ""))
        for f in article.findings
        if f.code.startswith("template.")
    ]


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("Here's the reworked article for you:", "opener"),
        ("Let me know if you'd like any further adjustments to the tone.", "voice"),
        ("Note: I've kept the original quotes.", "note"),
        ("I'm an AI language model, so I cannot check this.", "ai_self"),
        ("I'm sorry, but I can't browse the internet.", "cannot_browse"),
        ("Meta description: a short summary of the story.", "field_label"),
    ],
)
def test_voice_rules(text: str, where: str) -> None:
    assert ("template.leftover", where) in kinds(text)


def test_a_voice_line_is_removed() -> None:
    article = newsclean.clean("Here's the reworked article for you:\n" + BODIES[0])
    assert article.removals[0].reason == "template.leftover_line"
    assert not article.text.startswith("Here's")


def test_voice_needs_one_language() -> None:
    # a Dutch "je" and a German "Länge" do not make a voice together
    text = "Magirus setzte je einen Leiterpark mit 26 m Länge auf, sagte er nicht."
    assert kinds(text) == []


@pytest.mark.parametrize(
    "token",
    [
        "{{ .Params.author }}",
        "{{- .Title -}}",
        "{{ 'Read more' | t }}",
        "{% if premium -%}",
        "{# editor: add photo #}",
        "<%=headline%>",
        "<?php echo $headline; ?>",
        "[% article.title %]",
        "{$article.title}",
        "{!Contact.FirstName}",
        "${CITY:-Paris}",
        "%%title%%",
        "*|MC:SUBJECT|*",
        "%AUTHOR_NAME%",
        "((reader_name))",
        "$(CITY_NAME)",
        "{amount:,.2f}",
        "{name!r}",
        '[gallery ids="12,13"]',
    ],
)
def test_placeholder_grammar(token: str) -> None:
    found = [h.evidence["token"] for h in shapes.placeholder_hits(f"Text {token} text")]
    assert token in found, found


@pytest.mark.parametrize(
    "text",
    [
        "Prices rose 5% in March and 7% in April.",
        "A 100%% guarantee, they said.",
        "The set {x : x > 0} is open.",
        "Call (555) 123-4567 today.",
        "She scored 3 points (with 2 assists).",
        "[Chorus] We sing along.",
    ],
)
def test_placeholder_grammar_near_misses(text: str) -> None:
    assert list(shapes.placeholder_hits(text)) == []


@pytest.mark.parametrize(
    ("content", "why"),
    [
        ("Insert quote here", "instruction"),
        ("Zitat des Ministers einfügen", "instruction"),
        ("wstaw nazwisko", "instruction"),
        ("Spokesperson Name", "slot_noun"),
        ("company name", "slot_noun"),
        ("Nom de la ville", "slot_noun"),
        ("sic", ""),
        ("REDACTED", ""),
        ("name withheld", ""),
        ("the company", ""),
        ("XIV", ""),
        ("1", ""),
        ("…", ""),
        ("VIDEO", ""),
        ("DATA", ""),
        ("name of random hated item", ""),
        ("Update: the mayor later resigned", ""),
    ],
)
def test_bracket_slots(content: str, why: str) -> None:
    assert shapes.bracket_slot(content, voice_table(tuple(voice_languages()))) == why


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("The storm destroyed TK homes.", "count"),
        ("The plan passed, said XXX.", "name"),
        ("The tower opens in 20XX.", "year"),
        ("The deal, TK, was signed.", "apposition"),
        ("Es kamen XX Menschen.", "count"),
    ],
)
def test_journalist_placeholders(text: str, where: str) -> None:
    table = voice_table(tuple(voice_languages()))
    hits = list(shapes.journalist_hits(text, None, table, timeout=1.0))
    assert [h.evidence["where"] for h in hits] == [where]


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("The bill passed by a vote of NNN to NNN.", "range"),
        ("Es steht XX-XX nach der Pause.", "range"),
        ("The fund has raised $## in donations.", "amount"),
        ("La empresa contratará a XXX trabajadores.", "count"),
        ("The agency said that XXX people were hurt.", "count"),
        ("The firm will hire TK workers.", "count"),
        ("The report names XX suspects in all.", "in_sentence"),
    ],
)
def test_journalist_placeholders_in_more_places(text: str, where: str) -> None:
    table = voice_table(tuple(voice_languages()))
    hits = list(shapes.journalist_hits(text, None, table, timeout=1.0))
    assert where in [h.evidence["where"] for h in hits], hits


@pytest.mark.parametrize(
    "text",
    [
        "Super Bowl XXX was played in 1996.",
        "La catedral, construida a principios del siglo XX y reformada después.",
        "Il museo ospita opere del XX secolo.",
        "Budynek powstał na początku XX wieku.",
        "Pod koniec stycznia zwłoka TK sparaliżowała sądy.",
        "## Results of the vote",
        "TK Maxx opened a new store.",
        "Im XX. Jahrhundert wuchs die Stadt.",
        "Nel XX secolo la città è cresciuta.",
        "A XXL shirt costs more.",
    ],
)
def test_journalist_placeholder_near_misses(text: str) -> None:
    table = voice_table(tuple(voice_languages()))
    assert list(shapes.journalist_hits(text, None, table, timeout=1.0)) == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("By NULL", "NULL"),
        ("Published: Invalid Date", "Invalid Date"),
        ("Updated on undefined.", "undefined"),
        ("The list has %!d(string=ten) names.", "%!d(string=ten)"),
        ("Author: <no value> |", "<no value>"),
        ("translation missing: en.story.title", "translation missing: en.story.title"),
        ('[missing "en.story.title" translation]', '[missing "en.story.title" translation]'),
        ("It costs NaN € a month.", "NaN"),
    ],
)
def test_leaked_values(text: str, value: str) -> None:
    assert value in [h.evidence["value"] for h in shapes.value_hits(text)]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("The null-year-old driver died.", "count"),
        ("El conductor, de null años, fue trasladado.", "count"),
        ("Prezzo del biglietto: undefined euro", "count"),
        ("None, None (Reuters) - Shares fell.", "pair"),
        ("Publié le NaN/NaN/NaN à 08h15", "pair"),
        ("The suspect was arrested in None, officials said.", "place"),
        ("NaN-letni kierowca trafił do szpitala.", "alien"),
        ("KeyError: 'headline'", "error"),
        ("TypeError: Cannot read properties of undefined", "error"),
        ("Notice: Undefined index: title in the page", "error"),
        ("Total: #VALUE! this year", "error"),
        ("UNDEFINED, March 3 (AP) — The storm hit.", "dateline"),
        ("None (Reuters) - Shares fell.", "dateline"),
    ],
)
def test_leaked_values_by_place(text: str, kind: str) -> None:
    table = voice_table(tuple(voice_languages()))
    assert kind in [h.kind for h in shapes.value_hits(text, table)]


@pytest.mark.parametrize(
    "text",
    [
        "The null hypothesis was rejected.",
        "Die Inflationsrate sank im Juni auf null Prozent.",
        "Der Grenzwert im Trinkwasser liegt bei Null, das heisst, jeder Nachweis zählt.",
        "The judge declared the contract null and void.",
        "Goalkeeper Brian Null made six saves.",
        "None of the officials would comment.",
        "An undefined number of troops remain.",
        "None, she said, had been warned.",
        "Null, 34, made six saves.",
        "None of the buyers commented.",
        "Die Inflation lag bei null Prozent.",
        "The result was undefined behaviour in C.",
        "Nan Goldin opened the show.",
    ],
)
def test_leaked_value_near_misses(text: str) -> None:
    table = voice_table(tuple(voice_languages()))
    assert list(shapes.value_hits(text, table)) == []


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Die Veranstaltung findet am [Datum] in der Stadthalle statt.", True),
        ("Las pérdidas ascienden a [cifra] millones de euros.", True),
        ("Rent rose again [source] and the council blamed landlords.", False),
        ("Read the full report [Link]", False),
        ("The documents were [redacted] by the court.", False),
    ],
)
def test_one_slot_noun_in_a_sentence(text: str, found: bool) -> None:
    table = voice_table(tuple(voice_languages()))
    start = text.index("[")
    end = text.index("]") + 1
    assert shapes.lone_slot(text, start, end, table) is found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("The coach was pleased. (insert quote from the coach here)", True),
        ("Der Trainer war zufrieden (Zitat des Trainers einfügen).", True),
        ("Prices (include VAT) rose.", False),
        ("The mayor (who was re-elected in May) spoke.", False),
    ],
)
def test_instructions_in_parentheses(text: str, found: bool) -> None:
    table = voice_table(tuple(voice_languages()))
    assert bool(list(shapes.paren_hits(text, table))) is found


@pytest.mark.parametrize(
    ("content", "why"),
    [
        ("nome della via", "slot_noun"),
        ("imię i nazwisko rzecznika", "slot_noun"),
        ("name of random hated item", ""),
    ],
)
def test_bracket_slots_lower_case(content: str, why: str) -> None:
    assert shapes.bracket_slot(content, voice_table(tuple(voice_languages()))) == why


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("Certainly — below is the article reworked in AP style.", "opener"),
        ("Gladly! Below is the article, trimmed to 400 words.", "opener"),
        ("Note to editor: I couldn't verify the figure, so I kept the original.", "note"),
        ("Being a language model, I have no way of confirming this.", "ai_self"),
        ("As just an AI, I can't tell.", "ai_self"),
        ("As a virtual assistant, I cannot verify the claims.", "ai_self"),
        ("Sure! Here's what I came up with:", "opener"),
        ("Hier ist eine aufgefrischte Fassung des Artikels:", "opener"),
        ("Leider kann ich den verlinkten Beitrag nicht öffnen.", "cannot_browse"),
    ],
)
def test_voice_rules_generalised(text: str, where: str) -> None:
    assert ("template.leftover", where) in kinds(text)


@pytest.mark.parametrize(
    "text",
    [
        "Certainly the council will discuss the article again next week.",
        "Note to readers: this story was updated with the police statement.",
        "Being a mother of three, I know how hard the winter is, she said.",
        "Below is the text of the letter, as published by the ministry.",
        "Of course, here is what you need to know about the vote:",
        "Of course, here's the catch: nobody paid.",
    ],
)
def test_voice_rules_generalised_near_misses(text: str) -> None:
    assert [k for k in kinds(text) if k[0] == "template.leftover"] == []


def test_a_bold_field_label_inside_the_text() -> None:
    text = BODIES[0].replace("\n", "\n**Titel:** Neue Umgehungsstraße entlastet die Stadt\n", 1)
    assert ("template.leftover", "field_label") in [
        (f.code, f.evidence.get("where")) for f in newsclean.clean(text).findings
    ]


@pytest.mark.parametrize(
    "token",
    [
        "$ARTICLE_TITLE",
        "$editor_email",
        "$HEADLINE",
        "$author",
        "$story->headline",
        "@@title@@",
        "{{#each related_stories}}",
        "{{/if}}",
    ],
)
def test_placeholder_grammar_more(token: str) -> None:
    found = [h.evidence["token"] for h in shapes.placeholder_hits(f"Text {token} text")]
    assert token in found, found


@pytest.mark.parametrize(
    "text", ["Shares of $AAPL rose.", "It costs $5bn.", "{{Infobox}}", "Ke$ha sang.", "a@@b"]
)
def test_placeholder_grammar_more_near_misses(text: str) -> None:
    found = [
        h.evidence["token"]
        for h in shapes.placeholder_hits(text, skip_names=frozenset({"infobox"}))
    ]
    assert found == []


def test_a_token_in_a_prefixed_string_literal_is_code() -> None:
    text = BODIES[0] + '\nIn a notebook, f"Hello, {name}" greets the reader by name.'
    assert [f for f in newsclean.clean(text).findings if f.code.startswith("template.")] == []


def test_a_placeholder_is_no_code_cue_for_itself() -> None:
    # "<no value>" looks like an HTML tag; it does not make its own line code
    article = newsclean.clean(BODIES[0] + "\nThe prize went to <no value> this year.")
    assert "template.empty_value" in [f.code for f in article.findings]


def test_voice_stems_match_inflected_words() -> None:
    table = voice_table(("de",))
    found = table.find("edit_words", tokens("eine überarbeiteten Fassung"))
    assert "überarbeit*" in [f.entry for f in found]
    assert table.find("edit_words", tokens("über")) == []


# ---------------------------------------------------------------------------------------------
# findings in removed lines, and the code cue after normalization


def test_a_finding_in_a_removed_line_is_info_and_marked() -> None:
    text = BODIES[0] + "\n%d bloggers like this\nShare this:"
    article = newsclean.clean(text)
    (finding,) = [f for f in article.findings if f.code == "template.token"]
    assert finding.severity is Severity.INFO
    assert finding.evidence["in_removed_line"] is True
    assert article.ok
    warn = newsclean.default_pipeline().replace("flag_templates", removed_line_severity="warning")
    (finding,) = [f for f in warn(text).findings if f.code == "template.token"]
    assert finding.severity is Severity.WARNING


def test_a_finding_in_a_kept_line_keeps_its_severity() -> None:
    article = newsclean.clean(BODIES[0] + "\nThe mayor {{ .Name }} spoke.")
    (finding,) = [f for f in article.findings if f.code == "template.token"]
    assert finding.severity is Severity.ERROR
    assert "in_removed_line" not in finding.evidence
    assert not article.ok


def test_a_line_of_nothing_but_a_token_keeps_its_severity() -> None:
    # removed by the template filter itself: the document held an unfilled slot
    article = newsclean.clean(BODIES[0] + "\n{{ .Title }}")
    (finding,) = [f for f in article.findings if f.code == "template.token"]
    assert finding.severity is Severity.ERROR


def test_the_code_cue_survives_whitespace_normalization() -> None:
    text = (
        "The command below prints a greeting for the user who runs it on the server.\n\n"
        '    printf "Hello %s\\n" "$USER"\n\n'
        "That is all there is to it, and the rest of the story is about the newsroom."
    )
    assert [f for f in newsclean.clean(text).findings if f.code.startswith("template.")] == []
    # the same line without its indentation is a token in prose
    flat = text.replace("    printf", "Printf")
    assert [f.code for f in newsclean.clean(flat).findings] == ["template.token"]


# ---------------------------------------------------------------------------------------------
# data and worst cases


def test_every_voice_file_has_the_core_sections() -> None:
    core = {
        "first_person",
        "reader",
        "offer",
        "text_nouns",
        "edit_words",
        "presenters",
        "note_labels",
        "as_words",
        "ai_core",
        "negation",
        "attribution",
        "field_labels_strong",
        "slot_nouns",
        "instruction_verbs",
        "count_nouns",
        "name_cues",
        "redaction",
        "editorial_heads",
    }
    for lang in voice_languages():
        entries = voice_entries(lang)
        assert set(entries) <= SECTIONS
        missing = {s for s in core if not entries.get(s)}
        assert not missing, (lang, missing)


def test_tokens_split_elisions_and_keep_contractions() -> None:
    assert [t.text for t in tokens("J'ai l'article, I've it, dell'anno")] == [
        "j'",
        "ai",
        "l'",
        "article",
        "i've",
        "it",
        "dell'",
        "anno",
    ]


_UNBOUNDED = re.compile(r"(?<!\\)(?:\*|\+|\{\d+,\})(?![+?])")


def test_shape_patterns_have_bounded_repetitions() -> None:
    patterns = [p.pattern for p in shapes._DELIMITER_RES]
    patterns += [p.pattern for _, _, p, _ in shapes._VALUE_PLACES]
    patterns += [p.pattern for p in shapes._ERRORS] + [shapes._NULL_RE.pattern]
    patterns += [shapes._SHORTCODE_RE.pattern, shapes._BRACKET_RE.pattern]
    patterns += [shapes._JOURNALIST_RE.pattern, shapes._SENTENCE_END_RE.pattern]
    patterns += [shapes._PAREN_RE.pattern, shapes._GLUED_RE.pattern]
    patterns += [shapes._RAZOR_RE.pattern, shapes._ANGLE_RE.pattern]
    patterns += [shapes._SINGLE_OPEN_RE.pattern, shapes._SINGLE_CLOSE_RE.pattern]
    patterns += [shapes._ASIDE_RE.pattern]
    for pattern in patterns:
        # possessive "{0,59}+" is bounded; escaped "\*" and "\+" are literals
        cleaned = pattern.replace("}+", "}").replace("\\\\", "")
        cleaned = re.sub(r"\[(?:\\.|[^\]])*\]", "C", cleaned)  # classes hold no quantifiers
        assert not _UNBOUNDED.search(cleaned), pattern


WORST = {
    "braces": "{{" * 200_000 + "}}" * 200_000,
    "percents": "%" * 900_000,
    "erb": "<%= a" * 180_000 + " %>",
    "merge": "*|A" * 300_000 + "|*",
    "nested": "[" * 300_000 + "{{ x" * 50_000 + "]" * 300_000,
    "tk": "TK, " * 200_000,
    "nulls": "By NULL | " * 90_000,
    "words": ("Let me know if you want me to adjust the tone. " * 100)[:4_990],
    "glued": "NaN-" * 200_000,
    "pairs": "None, " * 150_000,
    "parens": "(insert name " * 60_000 + ")" * 60_000,
    "errors": "KeyError: '" * 80_000,
    "dollars": "$A_" * 250_000,
    "blocks": "{{#a " * 150_000 + "}}",
    "ranges": "XX to " * 120_000,
    "razor": "@Model.A" * 120_000,
    "angles": "<insert name " * 70_000 + ">",
    "sheets": "#WERT! " * 130_000,
    "prepositions": "am undefined " * 70_000,
    "quotes": "'a', " * 200_000,
    "offers": ("sag mir gern " * 400)[:4_990],
    "dates": "{0:dd MM yy MM dd" * 50_000 + "}",
    "razor_explicit": "@(Model.A" * 100_000 + ")",
    "not_available": "on N/A " * 100_000,
    "appositions": "Sprecher, null, " * 50_000,
    "labels": ("N.B. " * 1_000)[:4_990],
    "questions": ("Soll ich den Text kürzen? " * 200)[:4_990],
    "asides": ("(ich habe die Zahl gerundet) " * 200)[:4_990],
    "open_asides": ("(I've left out the figures you " * 200)[:4_990],
    "nested_asides": "(" * 300_000 + "I removed the paragraph" + ")" * 300_000,
    "foreign_values": "die None, " * 100_000,
    "edge_questions": ("Czy mam dodać śródtytuły lub skrócić wstęp? " * 120)[:4_990],
    "hyphen_pairs": "nil-" * 200_000,
}


@pytest.mark.parametrize("name", list(WORST))
def test_worst_lines_are_bounded(name: str) -> None:
    text = WORST[name]
    table = voice_table(tuple(voice_languages()))
    started = time.process_time()  # CPU time: bounds the work, whatever the machine's load
    for _ in shapes.line_hits(text, table, shapes.Place(edge=True), timeout=5.0):
        pass
    assert time.process_time() - started < 5.0


def test_many_short_voice_lines_are_bounded() -> None:
    text = "Let me know if you want me to adjust the tone, she said not.\n" * 5_000
    f = FlagTemplates()
    f.prepare()
    started = time.process_time()  # CPU time: bounds the work, whatever the machine's load
    f.apply(Draft.of(text))
    assert time.process_time() - started < 10.0


@pytest.mark.parametrize(
    "text",
    [
        ("am [Datum] " * 180 + "\n") * 100,
        "The mayor (insert name here) spoke. " * 20_000,
        "XX to " * 100_000,
    ],
)
def test_long_lines_of_slots_are_bounded(text: str) -> None:
    f = FlagTemplates()
    f.prepare()
    started = time.perf_counter()
    f.apply(Draft.of(text))
    assert time.perf_counter() - started < 20.0


def test_gated_and_plain_agree_on_the_development_set() -> None:
    """The structural rules look at every line both ways: the gates change nothing."""
    fast, plain = FlagTemplates(), FlagTemplates()
    for item in ITEMS:
        text = BODIES[0] + "\n" + item["line"] + "\n" + BODIES[1]
        assert fast.apply(Draft.of(text, plain=False)) == plain.apply(Draft.of(text, plain=True))


# ---------------------------------------------------------------------------------------------
# the rules generalised once more: shapes in the eight languages, each beside its near misses


def template_kinds_at(text: str, where: str) -> list[str]:
    """The template findings and removals on ``text`` put as the first, a middle or the last
    line of an article body."""
    if where == "first":
        doc, start = text + "\n" + BODIES[0], 0
    elif where == "last":
        doc, start = BODIES[0] + "\n" + text, len(BODIES[0]) + 1
    else:
        doc = BODIES[0].replace("\n", "\n" + text + "\n", 1)
        start = doc.index(text)
    end = start + len(text)
    article = newsclean.clean(doc)
    found = [
        str(f.evidence.get("where") or f.evidence.get("kind"))
        for f in article.findings
        if f.code.startswith("template.") and f.span[0] < end and start < f.span[1]
    ]
    removed = [
        r.reason
        for r in article.removals
        if r.reason.startswith("template.") and r.span[0] < end and start < r.span[1]
    ]
    return found + removed


@pytest.mark.parametrize(
    ("where", "text"),
    [
        # a reworked text announced after an acknowledgement, in its own sentence or not
        ("first", "Claro, he reescrito la noticia con un tono más neutral. Aquí la tienes:"),
        ("first", "Bien sûr ! J'ai retravaillé l'article pour le rendre plus concis."),
        ("first", "Certo! Ho riscritto il pezzo in uno stile più sobrio. Eccolo:"),
        ("first", "Natürlich! Ich habe den Beitrag überarbeitet und gekürzt. Hier ist er:"),
        ("first", "Jasne! Przeredagowałem artykuł, aby był bardziej zwięzły. Oto on:"),
        ("first", "Claro! Reescrevi a matéria em um tom mais neutro. Aqui está:"),
        ("first", "Tuurlijk! Ik heb het artikel herschreven in een neutralere toon. Hier is het:"),
        ("mid", "Absolutely — I've tightened the story and fixed the headline. Here it is:"),
        ("first", "Voici une version retravaillée de la dépêche, dans un ton plus neutre :"),
        ("first", "Poniżej znajdziesz przeredagowaną wersję tekstu w neutralnym tonie:"),
        ("first", "Hieronder staat de herschreven versie van het persbericht voor je:"),
        ("first", "Sure! Below is a tightened version of the report, rewritten for print:"),
        # closings: an offer (a word may stand inside it) or a condition, to the reader
        ("last", "Si quieres que lo acorte o cambie el titular, solo dímelo."),
        ("last", "Se preferisci una versione più breve o un titolo diverso, fammelo sapere."),
        ("last", "Wenn du möchtest, kann ich den Text noch kürzen oder den Ton anpassen."),
        ("last", "Als je wilt, kan ik de tekst nog inkorten of de toon aanpassen."),
        ("last", "Jeśli chcesz, mogę skrócić tekst albo zmienić tytuł."),
        ("last", "Se quiser, posso encurtar o texto ou mudar o título, é só dizer."),
        ("last", "Want me to trim it down further or make the tone more formal?"),
        ("last", "Sag mir ruhig Bescheid, falls der Text kürzer sein soll."),
        # notes in parentheses, in the first person, about the text
        ("last", "(J'ai supprimé le paragraphe en double et harmonisé les dates.)"),
        ("last", "(Ich habe den doppelten Absatz entfernt und die Daten vereinheitlicht.)"),
        ("last", "(Ho rimosso il paragrafo duplicato e uniformato le date.)"),
        ("last", "(Usunąłem powtórzony akapit i ujednoliciłem daty.)"),
        ("last", "(Removi o parágrafo duplicado e padronizei as datas.)"),
        # an AI self-reference with "of" inside the run, a negation before the first person
        ("last", "Enquanto modelo de inteligência artificial, não posso confirmar os números."),
        ("last", "Jako model sztucznej inteligencji nie mogę sprawdzić tych danych."),
        # apologies about current information
        (
            "last",
            "Leider kann ich keine aktuellen Informationen abrufen, daher fehlt das Ergebnis.",
        ),
        ("last", "Niestety nie mogę sprawdzić aktualnych informacji, więc wyniku brak."),
        ("last", "Sorry, I can't look up current information, so the final score is missing."),
    ],
)
def test_voice_shapes_in_eight_languages(where: str, text: str) -> None:
    assert template_kinds_at(text, where)


@pytest.mark.parametrize(
    "text",
    [
        "La reunión será el undefined en Madrid.",
        "Le concert aura lieu à null samedi prochain.",
        "De wedstrijd wordt gespeeld op undefined in Rotterdam.",
        "Spotkanie odbędzie się w NULL w przyszłym tygodniu.",
        "O jogo será disputado em undefined no sábado.",
        "Die Sitzung findet am undefined im Rathaus statt.",
        "The match will be played in None later this month.",
        "Il vertice si terrà a null il prossimo mese.",
        "Gleichzeitig bestätigte die Bahn By undefined den Termin.",
        "Het verlies bedroeg #WAARDE! euro volgens de raming.",
        "Les pertes s'élèvent à #VALEUR! euros selon le rapport.",
        "A perda chegou a #¡VALOR! reais.",
        "Turnout stood at #N/A in the north.",
        "Ein Sprecher von <Name des Sprechers einfügen> sagte am Montag nichts.",
        "La cifra asciende a <insertar cifra> millones.",
        "Die Feier findet am {0:dd.MM.yyyy} statt.",
        "El partido será el @Model.Fecha en el estadio.",
        "{{!-- add the photo caption --}}",
    ],
)
def test_values_errors_and_slots_in_sentences(text: str) -> None:
    assert template_kinds_at(text, "mid")


@pytest.mark.parametrize(
    ("where", "text"),
    [
        ("mid", "Die Zinsen liegen seit Jahren bei null, sagte der Ökonom."),
        ("mid", "Von null auf hundert in vier Sekunden: der neue Wagen."),
        ("mid", "The band None Like Joshua performed in Boston on Friday."),
        ("mid", "The researchers reported a null result in the trial."),
        ("mid", "Undefined Games, the studio behind the puzzle, cut jobs."),
        ("mid", "The agency Null Studios won the contract in March."),
        ("mid", "Set the field to None to clear it."),
        ("mid", "Fans chanted and waved flags. Vamos #ARG!"),
        ("mid", "#VALUE! errors in Excel usually mean a wrong data type, the tutorial explains."),
        ("mid", "Drücken Sie <Strg> und <C> gleichzeitig."),
        ("mid", "Follow us on @Reuters and @BBCNews. for updates."),
        ("mid", "(I removed my jacket and waited for the rain to stop.)"),
        ("mid", "Die Kölner Agentur Lorem Ipsum gewann den Preis."),
        ("first", "Hier lesen Sie den aktualisierten Bericht unserer Korrespondentin:"),
        ("first", "Read the updated report from our correspondent below:"),
        ("first", "Hieronder de aangepaste versie van de verklaring van de gemeente:"),
        ("mid", "De minister laat weten dat het artikel in de wet is aangepast."),
        ("mid", "Wenn du dein Wissen vertiefen möchtest, wie du es erweitern kannst, komm vorbei."),
        ("last", "If you have a tip about this story, let us know at tips@example.com."),
        ("last", "Let us know in the comments what you think of the changes."),
        (
            "mid",
            "'Als je wilt, kan ik het artikel aanpassen', zei de redacteur tegen de schrijver.",
        ),
        ("mid", "'Als AI-taalmodel kan ik dat niet zeggen', antwoordde de chatbot."),
        ("mid", "„Jako model językowy nie mogę doradzać” – odpowiedział chatbot urzędu."),
        ("mid", "« En tant qu'IA, je ne peux pas répondre », a répondu le logiciel."),
        ("last", "Si tienes dudas, just say the word, dijo el entrenador."),
    ],
)
def test_shapes_near_misses_in_eight_languages(where: str, text: str) -> None:
    alarms = [k for k in template_kinds_at(text, where) if k != "info"]
    assert alarms == [], alarms


def test_offers_take_one_word_inside_and_endings_match_compounds() -> None:
    table = voice_table(("de", "nl"))
    words = tokens("Sag mir gern Bescheid, bitte.")
    assert [f.entry for f in table.find("offer", words, gap=1)] == ["sag mir bescheid"]
    assert table.find("offer", words) == []
    assert table.find("offer", tokens("möchtest, wie du"), gap=1) == []  # not over a comma
    assert table.has("text_nouns", tokens("Nachrichtentext"))
    assert not table.has("text_nouns", tokens("Kontext"))  # four letters before an ending
    assert table.has("text_nouns", tokens("nieuwsartikel"))


def test_single_quotation_marks() -> None:
    line = "'Als AI-taalmodel kan ik dat niet', antwoordde de chatbot."
    assert shapes.single_quoted(line, 1, 10)
    assert not shapes.single_quoted("The players' union met qu'il l'a dit.", 0, 10)


# ---------------------------------------------------------------------------------------------
# generalised on the fourth development set: syntaxes, slots, values, voice by position

#: a body long enough to have a middle: lines that are neither among the first two nor the
#: last three
LONG_BODY = "\n".join(
    [
        "The regional council approved a new plan for public transport on Tuesday evening.",
        "Members of the committee spent the afternoon arguing about the cost of the tram line.",
        "Supporters said the line would cut travel times for thousands of commuters.",
        "Critics warned that the budget did not include enough money for maintenance.",
        "The route would connect the northern suburbs with the main station.",
        "Construction could begin next year if the funding is confirmed in the spring.",
        "A final decision is expected after a public consultation.",
        "The council will publish the full plan on its website next week.",
    ]
)


def kinds_in_middle(text: str) -> list[str]:
    """The template findings and removals on ``text`` put in the middle of a long body."""
    lines = LONG_BODY.split("\n")
    doc = "\n".join([*lines[:4], text, *lines[4:]])
    start = doc.index(text)
    end = start + len(text)
    article = newsclean.clean(doc)
    found = [
        str(f.evidence.get("where") or f.evidence.get("kind"))
        for f in article.findings
        if f.code.startswith("template.") and f.span[0] < end and start < f.span[1]
    ]
    return found + [
        r.reason
        for r in article.removals
        if r.reason.startswith("template.") and r.span[0] < end and start < r.span[1]
    ]


@pytest.mark.parametrize(
    ("where", "text", "kind"),
    [
        # Razor's explicit expression
        ("mid", "Moradores de @(Model.Cidade) relatam falta de água há três dias.", "razor"),
        ("mid", "Updated @(Model.PublishDate) at 14:05 after new figures came in.", "razor"),
        ("mid", "Die Feier findet am @( ViewBag.Datum ) in der Stadthalle statt.", "razor"),
        # a printf specification before an escaped percent sign
        ("mid", "Shares fell %d%% in early trading after the announcement.", "printf"),
        ("mid", "Die Aktie verlor am Montag %.1f%% an Wert.", "printf"),
        ("mid", "Los precios subieron un %s%% en mayo, según el instituto.", "printf"),
        # a journalist's placeholder after a slot noun in capitals
        ("mid", "Coach NAME TK declined to comment after the game.", "slot"),
        ("mid", "Der Trainer NAME XX wollte sich nach dem Spiel nicht äußern.", "slot"),
        ("mid", "Le match aura lieu le DATE TK au stade municipal.", "slot"),
        # "not available" where a place, a date or a name belongs
        ("mid", "The crash happened on N/A near the junction with Route 9.", "preposition"),
        ("mid", "O acidente ocorreu em N/A, segundo a Polícia Rodoviária.", "preposition"),
        ("mid", "Die Sitzung findet am N/A im Rathaus statt.", "preposition"),
        # a null-like value in a name's apposition
        ("mid", "Der Sprecher der Polizei, null, bestätigte den Einsatz.", "apposition"),
        ("mid", "El portavoz, None, confirmó la detención del sospechoso.", "apposition"),
        ("mid", "The spokeswoman, undefined, declined to comment on Monday.", "apposition"),
        # an abbreviated note label, the reader's request
        ("last", "N.B. I changed the headline slightly so it stays under 60 characters.", "note"),
        ("last", "N.B. Ho accorciato il titolo e rimosso un paragrafo.", "note"),
        ("last", "(Note: I removed the byline and the promotional links as you asked.)", "note"),
        # a question at an edge with the first person after its verb
        ("last", "Soll ich den Text noch kürzen oder Zwischenüberschriften ergänzen?", "voice"),
        ("last", "Zal ik de tekst nog wat inkorten of tussenkopjes toevoegen?", "voice"),
        ("last", "Shall I shorten the article a little more?", "voice"),
        ("last", "Just say the word if you want another pass at the intro.", "voice"),
        # the document's first sentence presenting a reworked text, without a colon
        (
            "first",
            "Below is the paraphrased news report you requested, with the structure kept intact.",
            "opener",
        ),
        ("first", "Ecco una riformulazione unica del testo che mi hai fornito.", "opener"),
        ("first", "Aquí tienes una versión única de la noticia que me enviaste.", "opener"),
        ("first", "Hier die umgeschriebene Meldung in eigenen Worten:", "opener"),
    ],
)
def test_shapes_generalised_on_the_fourth_set(where: str, text: str, kind: str) -> None:
    assert kind in template_kinds_at(text, where)


@pytest.mark.parametrize(
    "text",
    [
        "(Approximately 850 words)",
        "Palabras: 734",
        "Etwa 900 Wörter",
        "Environ 600 mots",
        "Circa 500 parole",
        "Ongeveer 800 woorden",
        "(Około 700 słów)",
        "Aproximadamente 650 palavras",
    ],
)
def test_a_line_that_is_a_word_count(text: str) -> None:
    assert template_kinds_at(text, "last")


@pytest.mark.parametrize(
    ("where", "text"),
    [
        ("mid", "Follow @(BBCNews) and @(john.doe) for updates."),
        ("mid", "Rates rose 5%% overnight, a typo in the bank's note said."),
        ("mid", "CITY TK MAXX STORE TO CLOSE IN MARCH"),
        ("mid", "Price: N/A"),
        ("mid", "Respondents could mark the question as N/A if it did not apply."),
        ("mid", "Der Minister sagte, null, sei die richtige Antwort auf die Frage."),
        ("mid", "Die Zahl der Toten, null, wurde am Abend bestätigt."),
        ("last", "N.B. The author owns shares in the company."),
        ("last", "Sollte ich den Vertrag wirklich kündigen?"),
        ("last", "Would you shorten the article if you were the editor?"),
        ("first", "Here is the revised report, published by the ministry on Monday."),
        ("first", "Here is the updated schedule of events for the festival."),
        (
            "first",
            "Voici la version actualisée du calendrier des travaux, publiée lundi par la mairie :",
        ),
        ("first", "Esta es la versión actualizada del calendario de obras:"),
        ("first", "Ecco la versione aggiornata del calendario dei lavori:"),
        ("last", "The speech ran to 850 words."),
        ("last", "Mehr als 850 Wörter umfasst der Brief des Bürgermeisters."),
        ("last", "Palabras: el poder de la lengua en la política"),
        (
            "mid",
            "„Sagen Sie mir Bescheid, wenn Sie Änderungen wünschen“, rief der Architekt den "
            "Anwohnern bei der Bürgerversammlung zu.",
        ),
        (
            "mid",
            "« Dites-moi si vous voulez des modifications », lança le maire aux habitants.",
        ),
    ],
)
def test_fourth_set_near_misses(where: str, text: str) -> None:
    assert template_kinds_at(text, where) == []


@pytest.mark.parametrize(
    "text",
    [
        "Ho riscritto questo articolo tre volte, e ogni volta la vicenda mi sembrava più assurda.",
        "I have rewritten this article three times, and each time the story got stranger.",
        "Ich habe den Artikel dreimal umgeschrieben, und jedes Mal wurde die Sache absurder.",
    ],
)
def test_a_first_person_account_inside_the_body_is_the_author_s(text: str) -> None:
    assert kinds_in_middle(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Ho riscritto l'articolo in modo più conciso.",
        "I have rewritten the article to keep it short.",
    ],
)
def test_the_same_account_at_an_edge_is_a_leftover(text: str) -> None:
    assert template_kinds_at(text, "first")
    assert template_kinds_at(text, "last")


def test_a_quotation_followed_by_its_clause_is_speech() -> None:
    line = "„Sag mir Bescheid, wenn du Änderungen willst“, rief sie ihm zu."
    assert shapes.reported_speech(line, 1, 20, voice_table(("de",)))
    line = "“Let me know if you want changes,” the architect told residents."
    assert shapes.reported_speech(line, 1, 20, voice_table(("en",)))
    # a quotation that ends the line, with no clause after it, is not speech by its shape
    assert not shapes.reported_speech("„Sag mir Bescheid“", 1, 10, voice_table(("de",)))


# ---------------------------------------------------------------------------------------------
# generalised on the fifth development set: asides, closing questions, labels, values by language


@pytest.mark.parametrize(
    ("where", "text", "kind"),
    [
        # an aside in parentheses inside a sentence, in the first person, about the text
        ("mid", "The plan (I've left out the exact figures you mentioned) was approved.", "note"),
        ("mid", "Der Plan (die genaue Zahl habe ich gerundet) wurde beschlossen.", "note"),
        ("mid", "Le projet (j'ai arrondi ce chiffre) a été adopté mardi.", "note"),
        ("mid", "Il piano (ho arrotondato le cifre) è stato approvato.", "note"),
        ("mid", "O plano (arredondei este número) foi aprovado na terça-feira.", "note"),
        # a note in parentheses with its first person after a leading object or as an ending
        ("mid", "(Den Absatz zur Klage habe ich weggelassen, weil er unbelegt war.)", "note"),
        ("mid", "(Pominąłem akapit o pozwie, bo nie dało się go zweryfikować.)", "note"),
        ("mid", "(Retirei o parágrafo sobre o processo porque não o confirmei.)", "note"),
        ("mid", "(I've dropped the paragraph about the lawsuit, as you asked.)", "note"),
        # a closing question offering to add or shorten parts of the text
        ("last", "Zal ik er nog tussenkopjes aan toevoegen of de inleiding inkorten?", "voice"),
        ("last", "Czy mam dodać śródtytuły lub skrócić wstęp?", "voice"),
        ("last", "¿Quieres que añada subtítulos o que lo deje más corto?", "voice"),
        ("last", "Quer que eu acrescente intertítulos ou deixe o texto mais enxuto?", "voice"),
        # "according to your needs" is no speech reported
        ("last", "N'hésitez pas à ajuster le ton selon vos besoins.", "voice"),
        ("last", "No dudes en ajustar el tono según tus necesidades.", "voice"),
        # a single keyword or suggested tags as a generation step's field
        ("last", "Parola chiave: piste ciclabili Bologna", "field_label"),
        ("last", "Słowo kluczowe: ścieżki rowerowe Kraków", "field_label"),
        ("last", "Palavra-chave em foco: ciclovias Curitiba", "field_label"),
        ("last", "Tag suggeriti: Bologna, mobilità, bici", "field_label"),
        ("last", "Suggested tags: Leeds, cycling, transport", "field_label"),
        # a null-like value ending a field in a sentence of a language without that word
        ("mid", "Jedoch liest man auch, undefined, das diese Probleme bekannt sind.", "foreign"),
        ("mid", "Gleichzeitig bestätigte die Deutsche None, Bahn die Pläne.", "foreign"),
        ("mid", "Le suspect, undefined, a été placé en garde à vue.", "foreign"),
        ("mid", "Il vincitore, nil, riceverà un premio di 5.000 euro.", "foreign"),
    ],
)
def test_shapes_generalised_on_the_fifth_set(where: str, text: str, kind: str) -> None:
    assert kind in template_kinds_at(text, where)


@pytest.mark.parametrize(
    ("where", "text"),
    [
        # a columnist's asides: the first person without two words about a text
        ("mid", "The walk (I took my jacket off halfway) ended at the harbour."),
        ("mid", "Der Abend (ich war spät dran) endete im Hafen."),
        ("mid", "La soirée (j'étais en retard) s'est terminée au port."),
        ("mid", "The match (I watched it from the stands) ended in a draw."),
        # an aside in the third person about figures
        ("mid", "The budget (the figures were rounded by the ministry) was approved."),
        # a question at the edge about something else than a text
        ("last", "Soll ich den Vertrag wirklich kündigen?"),
        ("last", "Should I add my name to the petition?"),
        ("last", "Czy mam dodać cukru do herbaty?"),
        # speech attributed, with the reader after another word
        ("last", "« N'hésitez pas à ajuster le ton », a dit le metteur en scène."),
        # a keyword in a sentence is no label
        ("last", "The keyword of the campaign was simple: jobs."),
        # null words of the line's language, and scores joined by a hyphen
        ("mid", "Rovers were held to a nil-nil draw at home for the third week running."),
        ("mid", "Die Partie endete null zu null, beide Torhüter hielten glänzend."),
        ("mid", "The law leaves the term largely undefined, critics say."),
        ("mid", "In Python, a function that returns nothing hands back None, which confuses."),
        ("mid", "Er sagte, null, sei die richtige Antwort."),
        ("mid", "Het duel tussen Feyenoord en PSV eindigde in nul-nul."),
    ],
)
def test_fifth_set_near_misses(where: str, text: str) -> None:
    assert template_kinds_at(text, where) == []


def test_an_aside_is_reported_alone_and_keeps_its_sentence() -> None:
    text = "The plan (I've left out the exact figures you mentioned) was approved on Monday."
    article = newsclean.clean(LONG_BODY + "\n" + text + "\n" + LONG_BODY)
    start = article.original.index("(I've")
    spans = [f.span for f in article.findings if f.code == "template.leftover"]
    assert spans == [(start, start + len("(I've left out the exact figures you mentioned)"))]
    assert "was approved on Monday" in article.text


@pytest.mark.parametrize(
    ("where", "text", "kind"),
    [
        # a short term in quotation marks is a mention, not speech
        (
            "first",
            'Certainly — here is an SEO rewrite of the article, built around the keyword "solar '
            'grants":',
            "opener",
        ),
        ("first", "Klar — hier ist der umgeschriebene Text zum Stichwort „Solar“:", "opener"),
        # the first person beginning with a bridge word after an AI run
        ("mid", "Como uma IA, não consigo verificar esses números.", "ai_self"),
        # a word count in emphasis marks
        ("last", "*Approximately 750 words*", "start"),
        ("last", "_Around 600 words_", "start"),
        # a lone slot noun before a count noun
        ("mid", "Officials said [number] people were treated for smoke inhalation.", "bracket"),
        ("mid", "Laut Polizei wurden [Zahl] Menschen verletzt.", "bracket"),
        ("mid", "Según la policía, [número] personas resultaron heridas.", "bracket"),
        # a slot noun's phrase in title case inside a sentence
        ("mid", "A spokesman for <Company Name> confirmed the job losses.", "angle_slot"),
    ],
)
def test_mentions_counts_and_slots_of_the_fifth_set(where: str, text: str, kind: str) -> None:
    assert kind in template_kinds_at(text, where)


@pytest.mark.parametrize(
    ("where", "text"),
    [
        # quoted speech is still speech
        ("first", '"Here is the rewritten article you asked for," she told the committee.'),
        ("first", 'Here is the "rewritten" article, the minister said.'),
        # a bracket of a number before a count noun, an editor's insertion
        ("mid", "Officials said [2019] people were counted."),
        ("mid", "Officials said [the] people were treated."),
        # a tag, a command line's notation, a name at the line's start
        ("mid", "Run the tool with <Your Name> as the first argument."),
        ("mid", "<Company Name> is a placeholder in the form, the guide explains."),
        ("mid", "The list (as I said, a long one) ends here."),
    ],
)
def test_fifth_set_mentions_and_slots_near_misses(where: str, text: str) -> None:
    assert template_kinds_at(text, where) == []


# ---------------------------------------------------------------------------------------------
# the rules generalised on the sixth set: labels of any words, presenters without a speaker,
# notes with any label, dates of zeros, lines of variables, slots of any nouns


@pytest.mark.parametrize(
    ("where", "text", "kind"),
    [
        # a label of any words at the document's first or last line, whose value is a keyword
        # list or a count of words or characters
        ("last", "Etiquetas temáticas: incendio, Valencia, bomberos, evacuación", "field_label"),
        ("last", "Kernbegriffe: Stadtrat, Haushalt, Kommunalpolitik", "field_label"),
        ("first", "Onderwerpen: gemeenteraad, fietsroute, verkeer, Utrecht", "field_label"),
        ("last", "Conteggio caratteri: 1.532", "field_label"),
        ("last", "Długość tekstu: 612 słów", "field_label"),
        ("last", "Extensão: 540 palavras", "field_label"),
        (
            "first",
            "**SEO Title (58 characters):** Storm Knocks Out Power to 40,000 Homes",
            "field_label",
        ),
        ("first", "Titre : Le conseil municipal adopte le nouveau plan vélo", "field_label"),
        # a presenter heading the first sentence, an edit word, no speaker
        ("first", "Below, the revised article.", "opener"),
        ("first", "Ci-dessous, la version remaniée de l'article.", "opener"),
        ("first", "Hieronder de herschreven versie van het artikel.", "opener"),
        # a question offering more work, in the first person, at the document's edge
        ("last", "Would you like me to write a shorter version for social media?", "voice"),
        # notes labelled by any short label or abbreviation
        (
            "last",
            "P.S. I couldn't verify the attendance figure, so you may want to check it.",
            "note",
        ),
        ("last", "Obs.: Eu mantive as citações originais, mas reorganizei os parágrafos.", "note"),
        ("last", "P.D.: No pude verificar la cifra de asistentes antes de publicar.", "note"),
        # an aside of its own voice inside a reported sentence
        (
            "mid",
            "Officials said the road (I changed this date to match the source) would reopen.",
            "note",
        ),
        # a day of zeros before a month, a date of zeros with a year
        ("mid", "The hearing has been set for 00 March.", "date"),
        ("mid", "L'incidente è avvenuto il 00 marzo sulla provinciale.", "date"),
        ("mid", "Il cantiere sarà completato entro il 00/00/2025, ha detto l'assessore.", "date"),
        ("mid", "Die Sitzung beginnt um XX Uhr im Rathaus.", "count"),
        ("mid", "TK, a spokesperson for the ministry, declined to comment.", "apposition"),
        # lines of variables, Blade, Razor calls, a member after "->"
        ("first", "%title% %sep% %sitename% %currentyear%", "variable_line"),
        ("first", "#post_title #separator_sa #site_title", "variable_line"),
        ("mid", "Price: {!! $product->price !!} only.", "blade_raw"),
        ("mid", 'A exposição foi aberta em @(Model.DataAbertura.ToString("d")) no museu.', "razor"),
        ("mid", 'Published @Model.Date.ToString("dd MMM") by staff.', "razor"),
        # a null-like value in the apposition of a sentence's short subject
        ("mid", "The suspect, undefined, was released on bail.", "apposition"),
        ("mid", "O suspeito, undefined, foi liberado após prestar depoimento.", "apposition"),
        # bracket slots of any nouns where a name or a number belongs
        ("mid", "Die Veranstaltung findet in [Stadthalle Ort] statt.", "bracket"),
        ("mid", "Bürgermeister [Vollständiger Name] sagte, die Stadt zahle.", "bracket"),
        ("mid", "The company hired [NUMBER OF STAFF] workers last year.", "bracket"),
        ("mid", "Wethouder [naam wethouder] liet weten dat de provincie betaalt.", "bracket"),
        ("mid", "Die Veranstaltung findet in [Stadtname] statt.", "bracket"),
        ("mid", "<PLACEHOLDER: photo caption, credit AP>", "angle_slot"),
        # a colon-final opener naming a generation step's field
        (
            "first",
            "Here's the SEO version, with the focus keyword worked into the intro:",
            "opener",
        ),
    ],
)
def test_shapes_of_the_sixth_set(where: str, text: str, kind: str) -> None:
    assert kind in template_kinds_at(text, where)


@pytest.mark.parametrize(
    ("where", "text"),
    [
        # labels whose value is no keyword list, no count, or a label inside the text
        ("last", "Source: CDC, Chicago Department of Public Health"),
        ("first", "Gastgeber: Xing AG, Dammtorstraße 29-32, 20354 Hamburg"),
        ("last", "Erstellt am: 01.11.2023"),
        ("last", "Fazit: Das Gerät überzeugt."),
        ("first", "Coronavirus: New York ramps up mass burials amid outbreak"),
        ("mid", "Tags: city council, bike lanes, transport, local politics"),
        ("last", "Zutaten: Mehl, Zucker und Eier in einer Schüssel verrühren."),
        # a presenter of another's document, a full text
        ("first", "Below is the full text of the revised agreement."),
        ("first", "Here is the revised report, published by the ministry on Monday."),
        # a reader's question, a note in the third person
        ("last", "Would you like to read the full report?"),
        ("last", "Disclosure: the author owns shares in the company."),
        ("last", "Mr. Smith said he would appeal."),
        # zeros that are times, numbers, and a verb after them
        ("mid", "The bus leaves at 00.00 and the score was 00 at half time."),
        ("mid", "Dial 00 may not work abroad, the operator said."),
        # hashtags, percentages
        ("last", "#climate #news #energy_transition"),
        ("mid", "Prices rose 5% to 10% this year."),
        # a number word in apposition, an editor's insertion, a name, redaction marks
        ("mid", '"He [Smith] never called back," she said.'),
        ("mid", "Shares in [Apple] rose sharply on Monday."),
        ("mid", "The report by [AP] said the talks failed."),
        ("mid", "Maria [name changed] told the court she had been threatened."),
        ("mid", "Rent rose again [Source] and then fell."),
        ("mid", "[UPDATE: The mayor resigned on Friday.]"),
        ("mid", "Technik > [Windows Expertenwissen] Per Update spioniert Microsoft."),
        ("first", "Here is the text of the keyword speech:"),
        ("mid", "He said the figures (I checked them twice) were right."),
    ],
)
def test_shapes_of_the_sixth_set_near_misses(where: str, text: str) -> None:
    assert template_kinds_at(text, where) == []


WORST_SIXTH = {
    "variables": "%a% " * 200_000,
    "hash_variables": "#a_b " * 200_000,
    "zero_dates": "00 00 00/00/" * 100_000,
    "label_head": "P.S" * 200_000 + ":",
    "label_notes": "Title (" * 100_000 + "):",
    "counts": "Word count: " + "1.000" * 100_000,
    "keyword_list": "Tags: " + "a, " * 200_000,
    "subject_appositions": "The suspect, undefined, " * 50_000,
    "value_slots": "in [Stadt Name] " * 50_000,
    "razor_calls": "@Model.A(" * 100_000 + ")",
    "blade": "{!! $a->" * 100_000 + " !!}",
}


@pytest.mark.parametrize("name", list(WORST_SIXTH))
@pytest.mark.parametrize(
    "place", [shapes.Place(first=True, edge=True), shapes.Place(last=True, edge=True)]
)
def test_worst_lines_of_the_sixth_set_are_bounded(name: str, place: shapes.Place) -> None:
    text = WORST_SIXTH[name]
    table = voice_table(tuple(voice_languages()))
    started = time.process_time()  # CPU time: bounds the work, whatever the machine's load
    for _ in shapes.line_hits(text, table, place, timeout=5.0):
        pass
    assert time.process_time() - started < 5.0


def test_sixth_set_patterns_have_bounded_repetitions() -> None:
    for pattern in (
        shapes._VAR_LINE_RE,
        shapes._ZERO_DATE_RE,
        shapes._LABEL_HEAD_RE,
        shapes._LABEL_NOTE_RE,
        shapes._COUNT_VALUE_RE,
    ):
        cleaned = pattern.pattern.replace("}+", "}").replace("\\\\", "")
        cleaned = re.sub(r"\[(?:\\.|[^\]])*\]", "C", cleaned)
        assert not _UNBOUNDED.search(cleaned), pattern.pattern


@pytest.mark.parametrize(
    "text",
    [
        "Tags: city council, bike lanes, transport, local politics",
        "Recuento de caracteres: 1.532",
        "P.S. I couldn't verify the attendance figure, so you may want to check it.",
        "Below, the revised article.",
        "%title% %sep% %sitename%",
        "Der Verdächtige, None, wurde freigelassen.",
        "Die Veranstaltung findet in [Stadthalle Ort] statt.",
        "The hearing has been set for 00 March.",
    ],
)
def test_gated_and_plain_agree_on_the_sixth_set(text: str) -> None:
    fast, plain = FlagTemplates(), FlagTemplates()
    for doc in (text + "\n" + BODIES[0], BODIES[0] + "\n" + text, BODIES[1] + "\n" + text):
        assert fast.apply(Draft.of(doc, plain=False)) == plain.apply(Draft.of(doc, plain=True))


# ---------------------------------------------------------------------------------------------
# the seventh set (g): shapes generalised from its misses and alarms


@pytest.mark.parametrize(
    ("where", "text"),
    [
        # openers that end in their presenter, or name a finished text and a style
        ("first", "The rewritten news report follows:"),
        ("first", "Der überarbeitete Bericht folgt:"),
        ("first", "Nachfolgend der fertige Text im Nachrichtenstil:"),
        ("first", "Poniżej gotowy tekst w stylu informacyjnym:"),
        ("first", "Dit is de nieuwe versie, klaar om te publiceren:"),
        ("first", "Here you go — the article rewritten in AP style, with a new headline and lede:"),
        # notes joined by "that", labels of three words, offers of other formats
        ("last", "Please note that I've reordered the paragraphs so the key details come first."),
        (
            "last",
            "A quick heads-up: I couldn't verify the figures, so I kept them as in your draft.",
        ),
        ("last", "Want me to turn this into a Twitter thread as well?"),
        # template syntaxes
        ("mid", "<#if article.updatedAt??>"),
        ("mid", 'The fire started at ${ort!""} on Sunday.'),
        ("mid", "@include('partials.newsletter-box')"),
        ("mid", "Bail was set at {0:C0}, according to court records."),
        # leaked values and placeholders
        ("mid", "The victim, identified as None, was pronounced dead."),
        ("mid", "Le match aura lieu samedi soir au stade undefined."),
        ("mid", "Mecz rozpocznie się o godzinie undefined na stadionie."),
        ("mid", "Kickoff is scheduled for Invalid date at Riverside Park."),
        ("mid", "La conferenza si terrà il NaT presso la sede."),
        ("mid", "The company's chief executive, N/A, did not respond."),
        ("mid", "The fire destroyed TKTK homes before crews contained it."),
        ("mid", "The bridge will reopen on March XX, weeks later than planned."),
        ("mid", "The deal, worth £X million, is expected to close next year."),
        ("mid", "Il bilancio provvisorio è di 00 morti e decine di feriti."),
        ("mid", "Members of the committee [TIME] spent the afternoon arguing."),
        # counts alone on an edge line, or after an approximation
        ("last", "— 587 palavras —"),
        ("last", "(Wortanzahl: ca. 480)"),
    ],
)
def test_shapes_of_the_seventh_set(where: str, text: str) -> None:
    assert template_kinds_at(text, where) != []


@pytest.mark.parametrize(
    ("where", "text"),
    [
        ("first", "The full statement follows:"),
        ("first", "The company said in a statement released late Friday:"),
        ("first", "This is an updated version of a story first published on Monday."),
        ("mid", 'Victims were greeted with "Dear {FirstName}," a sign the template had failed.'),
        ("mid", "Los investigadores hallaron la cadena %s repetida cientos de veces."),
        ("mid", "Die Gemeinde senkt die Gebühr ab August auf null Euro."),
        ("mid", "Respondents could mark the question as N/A if it did not apply."),
        ("mid", "Generation X members voted in large numbers."),
        ("mid", "Die Sperrstunde gilt von 22 bis 00 Uhr."),
        ("mid", "Louis XX was never a king of France."),
        ("mid", "Rent rose again [source] and then fell."),
        ("last", "12 Kommentare"),
        ("mid", "Contestants had to identify the set {2, 3, 5, 7} in the grid."),
    ],
)
def test_shapes_of_the_seventh_set_near_misses(where: str, text: str) -> None:
    assert template_kinds_at(text, where) == []


WORST_SEVENTH = {
    "directives": "<#if " * 100_000 + ">",
    "directive_calls": "@include('a'" * 100_000 + ")",
    "journalist": "TK TK 00 X " * 100_000,
    "label_head": "A b c" * 100_000 + ":",
    "count_line": "— " * 30 + "1 words",
    "months": "March XX " * 100_000,
}


@pytest.mark.parametrize("name", list(WORST_SEVENTH))
@pytest.mark.parametrize(
    "place", [shapes.Place(first=True, edge=True), shapes.Place(last=True, edge=True)]
)
def test_worst_lines_of_the_seventh_set_are_bounded(name: str, place: shapes.Place) -> None:
    text = WORST_SEVENTH[name]
    table = voice_table(tuple(voice_languages()))
    started = time.process_time()
    for _ in shapes.line_hits(text, table, place, timeout=5.0):
        pass
    assert time.process_time() - started < 5.0


def test_eighth_set_patterns_have_bounded_repetitions() -> None:
    cleaned = shapes._JOURNALIST_RE.pattern.replace("}+", "}").replace("\\\\", "")
    cleaned = re.sub(r"\[(?:\\.|[^\]])*\]", "C", cleaned)
    assert not _UNBOUNDED.search(cleaned), shapes._JOURNALIST_RE.pattern


def test_seventh_set_patterns_have_bounded_repetitions() -> None:
    for pattern in (
        shapes._DIRECTIVE_CALL_RE,
        shapes._JOURNALIST_RE,
        shapes._LABEL_HEAD_RE,
        shapes._NULL_RE,
        *shapes._DELIMITER_RES[-2:],
    ):
        cleaned = pattern.pattern.replace("}+", "}").replace("\\\\", "")
        cleaned = re.sub(r"\[(?:\\.|[^\]])*\]", "C", cleaned)
        assert not _UNBOUNDED.search(cleaned), pattern.pattern


@pytest.mark.parametrize(
    "text",
    [
        "The rewritten news report follows:",
        "A quick heads-up: I couldn't verify the figures, so I kept them as in your draft.",
        "Please note that I've reordered the paragraphs.",
        "— 587 palavras —",
        "(Wortanzahl: ca. 480)",
        "Le match aura lieu samedi soir au stade undefined.",
        'Victims were greeted with "Dear {FirstName}," a sign the template had failed.',
    ],
)
def test_gated_and_plain_agree_on_the_seventh_set(text: str) -> None:
    fast, plain = FlagTemplates(), FlagTemplates()
    for doc in (text + "\n" + BODIES[0], BODIES[0] + "\n" + text, BODIES[1] + "\n" + text):
        assert fast.apply(Draft.of(doc, plain=False)) == plain.apply(Draft.of(doc, plain=True))


# notes about what a text leaves out, offers that are no question, slots naming whom


@pytest.mark.parametrize(
    ("where", "text"),
    [
        # a verb of choosing, then one of leaving out or naming, about a part of the story
        ("last", "I opted to omit the unconfirmed figures from the second paragraph."),
        ("mid", "I decided not to include the names of the two witnesses."),
        ("last", "Ich habe mich entschieden, die Namen der beiden Zeugen wegzulassen."),
        ("mid", "J'ai choisi de ne pas mentionner le nom de l'entreprise."),
        ("last", "He decidido omitir los detalles sobre la familia."),
        ("mid", "Ho scelto di non citare i nomi dei testimoni."),
        ("last", "Ik heb besloten de cijfers van de politie weg te laten."),
        ("mid", "Postanowiłem pominąć szczegóły dotyczące rodziny."),
        ("last", "Decidi retirar os detalhes sobre o acidente."),
        # the first person leaving out a part at the head of the document's last line
        ("last", "I omitted the second quote because it repeated the first."),
        # offers of more work that are no question, ending the document
        ("last", "Happy to draft a shorter version for the newsletter if that helps."),
        ("last", "I can also prepare a translation if your editors need one."),
        ("last", "Je peux préparer une variante plus courte si vous le souhaitez."),
        ("last", "Ik kan ook een kortere versie maken als u dat wilt."),
        ("last", "Se ti serve, posso anche preparare una sintesi per i social."),
        # a slot noun and whom it names; an instruction after a word of place, in capitals
        ("mid", "The plan was approved by [name of the council spokesperson] on Monday."),
        ("mid", "Le projet a été validé par [nom de l'adjoint au maire] lundi."),
        ("mid", "Volgens [naam van de wethouder] is het plan klaar."),
        ("own", "[HIER EINFÜGEN ZITAT BÜRGERMEISTER]"),
        # the document's first line after an acknowledgement closed by a mark, about a text
        ("first", "Absolutely! This polished draft brings in the latest figures."),
        ("first", "Gerne! Nachfolgend der Text mit den neuen Zahlen."),
        ("first", "¡Claro! Te dejo el texto con los datos del trimestre."),
        ("first", "Jasne! Poniżej tekst uzupełniony o nowe dane."),
        ("first", "Of course. I've reshaped the story around the flood warnings."),
        # a label marked up at the head whatever its value says; a heading of a reworked text
        ("first", "**Titre :** Le maire lance un appel aux habitants"),
        ("first", "**Standfirst:** Residents divided over the new parking rules"),
        ("first", "**Occhiello:** Il comune approva il piano"),
        ("first", "## Rewritten Story"),
        ("first", "## Überarbeiteter Artikel"),
        # software naming itself, the first person in two words; a doubt about what was said
        ("last", "Como ferramenta de IA, não consigo verificar esta informação."),
        ("last", "As a language model, I can't tell whether the minister said this."),
        # a browsing apology in words of its own shape
        ("last", "Sorry, opening links isn't something I can do."),
        ("last", "Apologies — browsing the web is beyond me, so please check the totals."),
        ("last", "Unfortunately I lack internet access, so the rates may be outdated."),
        # a sum's placeholder with its magnitude; a decimal's before a count noun
        ("mid", "The stadium will cost £XXm, the council said."),
        ("mid", "Le projet coûtera €XXbn selon la mairie."),
        ("mid", "Unemployment rose to X.X per cent in May."),
        ("mid", "Die Arbeitslosigkeit stieg auf X,X Prozent."),
        # hashtags under a generation field's label; a count after a dash; a note's first
        # person after the part it is about
        ("last", "Tags: #election #citycouncil #budget"),
        ("last", "*Word count – 812*"),
        ("first", "Dateline: NULL —"),
        ("last", "Hinweis: Die Zitate der Ministerin habe ich gekürzt."),
        ("last", "Nota: Le cifre della polizia le ho arrotondate."),
        # a null-like value right after a role's noun, where the holder's name belongs
        ("mid", "Mayor null unveiled the plan on Monday."),
        ("mid", "Il sindaco None ha inaugurato la nuova scuola."),
        ("mid", "De burgemeester undefined opende de school."),
    ],
)
def test_shapes_of_the_eighth_set(where: str, text: str) -> None:
    assert template_kinds_at(text, where) != []


@pytest.mark.parametrize(
    ("where", "text"),
    [
        # a choice without a verb of leaving out and a part of a story, or of one's own
        ("last", "I chose to stay at home and watch the match instead."),
        ("last", "I decided not to include my daughter in the trip."),
        ("last", "I have decided to remove my name from the ballot."),
        ("last", "Ik heb besloten mijn naam te schrappen van de lijst."),
        ("last", "We have chosen not to name the victim."),
        ("last", "Decided to leave early and skip the speeches."),
        ("last", "J'ai décidé de retirer ma candidature."),
        ("mid", "Postanowiłem nie podawać ręki prezydentowi."),
        ("mid", '"I chose not to name the minor," the editor said.'),
        # a columnist's last line: no text after the verb of making
        ("last", "If the weather holds, I will draft my next column from the beach."),
        ("last", "If you want a copy of the report, I can send it to you."),
        ("last", "Jeśli pogoda dopisze, mogę przygotować grilla dla sąsiadów."),
        ("last", "Could I prepare a shorter version of the budget if the council asked?"),
        # a bracket of a slot noun that names nobody; bracket labels in capitals
        ("mid", "The prize went to [name of random hated item] again."),
        ("mid", "The report [FULL TEXT] was released on Monday."),
        ("own", "[EN VIVO]"),
        # an acknowledgement without a mark of its own, another's text, the reader after it
        ("first", "Of course, the text of the bill says nothing about it."),
        ("first", "Sure enough, the report I read was wrong."),
        ("first", "Great! The council has published the revised text of the plan."),
        ("first", "Okay. The story you are about to read is true."),
        # a marked label of no generation field; a heading of another thing
        ("first", "**Update:** The mayor says the road will reopen."),
        ("first", "## Revised budget"),
        # not the first person, or a verb of saying outside a clause of doubt
        ("last", "Como ferramenta de IA, o programa não consegue ler."),
        ("mid", "I asked whether the minister said this, and as a reporter I was told no."),
        ("last", "I couldn't believe the latest news when I heard it."),
        ("last", "Sorry, but the link between the two cases isn't clear to me."),
        # letters that are no sum or decimal
        ("mid", "The genes (XX.XY) matter."),
        ("mid", "Version 1.X of the app was released."),
        ("mid", "The XXL store opened on Monday."),
        ("mid", "They met in undefined ways over the years."),
        # hashtags that ask the reader; a note whose first person is in another clause
        ("last", "Follow us: #cityhall #news"),
        ("last", "Hinweis: Die Zahlen stammen aus dem Jahr 2020, wie ich finde."),
        ("last", "Anmerkung: Die Zitate, die ich gelesen habe, waren falsch."),
        ("last", "Word count – a lot of words"),
        # a number word of the line's language, a name in title case, an English idiom
        ("mid", "Der Trainer null Punkte holte am Wochenende."),
        ("mid", "The director Null Island expedition left on Monday."),
        ("mid", "The coach none too pleased left the ground early."),
    ],
)
def test_shapes_of_the_eighth_set_near_misses(where: str, text: str) -> None:
    assert template_kinds_at(text, where) == []


WORST_EIGHTH = {
    "choice": "I chose to omit the name " * 200,
    "choice_long": "I chose to omit the name " * 100_000,
    "offer": "Happy to draft a version if you like " * 120,
    "omit": "I omitted names names " * 200,
    "brackets": "[nom du porte-parole de la " * 100_000 + "]",
    "shouted": "[TU WSTAW " * 100_000 + "]",
    "acknowledged": "Sure! " + "the text of the article " * 300,
    "heading": "## " + "Revised " * 100_000 + "Article",
    "label": "**Titre :** " + "le maire lance " * 100_000,
    "money": "$XXm £XXX.XXbn X.X,X " * 100_000,
    "hashtags": "Tags: " + "#a " * 100_000,
    "count_dash": "Word count – " * 5 + "1",
    "roles": "Mayor null " * 100_000,
}


@pytest.mark.parametrize("name", list(WORST_EIGHTH))
@pytest.mark.parametrize(
    "place", [shapes.Place(first=True, edge=True), shapes.Place(last=True, edge=True)]
)
def test_worst_lines_of_the_eighth_set_are_bounded(name: str, place: shapes.Place) -> None:
    text = WORST_EIGHTH[name]
    table = voice_table(tuple(voice_languages()))
    started = time.process_time()
    for _ in shapes.line_hits(text, table, place, timeout=5.0):
        pass
    for m in re.finditer(r"\[([^\[\]\n]{1,80})\]", text[:10_000]):
        shapes.bracket_slot(m.group(1), table)
    assert time.process_time() - started < 5.0


@pytest.mark.parametrize(
    "text",
    [
        "I opted to omit the unconfirmed figures from the second paragraph.",
        "Ik heb besloten de cijfers van de politie weg te laten.",
        "I omitted the second quote because it repeated the first.",
        "Happy to draft a shorter version for the newsletter if that helps.",
        "Se ti serve, posso anche preparare una sintesi per i social.",
        "I have decided to remove my name from the ballot.",
        "If the weather holds, I will draft my next column from the beach.",
        "Gerne! Nachfolgend der Text mit den neuen Zahlen.",
        "**Titre :** Le maire lance un appel aux habitants",
        "## Rewritten Story",
        "Sorry, opening links isn't something I can do.",
        "Como ferramenta de IA, não consigo verificar esta informação.",
    ],
)
def test_gated_and_plain_agree_on_the_eighth_set(text: str) -> None:
    fast, plain = FlagTemplates(), FlagTemplates()
    for doc in (text + "\n" + BODIES[0], BODIES[0] + "\n" + text, BODIES[1] + "\n" + text):
        assert fast.apply(Draft.of(doc, plain=False)) == plain.apply(Draft.of(doc, plain=True))
