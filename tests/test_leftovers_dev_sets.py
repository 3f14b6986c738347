"""Development sets of leftovers and placeholders (``tests/data/leftovers_dev_<x>.jsonl``).

Its forms were written from the description of the families alone (assistant preambles,
closings and notes, AI self-references, browsing apologies, field labels, template syntaxes,
bracket slots, journalists' placeholders, leaked values, formatting errors) with near misses
beside them. Each is put into small article bodies at each of its placements: as its own first
line, last line or middle line, and, for "inline", its fragment (or the whole line) after the
fourth word of a middle paragraph. Recall and alarm rates are asserted over the whole set,
per kind and per language, not item by item: a fragment such as "XX" or "undefined" put alone
into a random sentence is, by design, not always a placeholder.

Set ``a`` was the one the rules were developed on; set ``b`` was written afterwards, measured
before any rule saw it, and then became development data too: the rules were generalised on its
misses by their shapes, and its floors are what they reach now (docs/templates.md). Set ``c``
was written after that and measured before and after the rules of set ``b``, with no change made
for it: its floors are the figure for forms nobody tuned for. Set ``d`` was written the same way,
measured on real bodies before any rule saw it (trial recall 0.903, near misses flagged 0.024),
and then became development data: the rules were generalised on its misses and false alarms by
their shapes and positions, and its floors are what they reach now. Set ``e`` was measured the
same way (trial recall 0.815, near misses flagged 0.007, 3 of 489 real bodies flagged) and
generalised on by the shapes of its misses and alarms (asides in parentheses, closing questions
about a text's parts, null-like values by their line's language, slots before count nouns). Set
``f`` was measured before the rules of set ``e`` and after them (0.892 both times), then
generalised on by the shapes of its misses (labels of any words with a keyword list or a count as
their value, notes with any label, bracket slots of any nouns where a name or a number belongs).
Set ``g`` was measured on real bodies before any rule saw it (trial recall 0.837, near misses
flagged 0.032, 3 of 489 real bodies flagged), then generalised on by the shapes of its misses and
alarms (openers ending in their presenter, finished texts and styles, more template syntaxes,
values where a name follows its cue, counts alone on an edge line; tokens named or quoted in a
sentence about code or templates are mentions).
Set ``h`` was measured on real bodies before and after the rules of set ``g`` (trial recall 0.728,
then 0.770; near misses flagged 0.036 both times; 3 of 489 real bodies flagged), then developed
on by the shapes of its misses and alarms (an assistant naming itself a kind of software in words
of its own and denying itself a capability, the end of what it knows, what is current out of its
reach, Thymeleaf attributes and inlined expressions, null-like values where a name belongs after
a naming phrase, an age or a determined noun; tokens named a few words after their noun and error
texts in quotation marks are mentions): 0.877 and 0.022 on real bodies after them.
Set ``i`` was measured on real bodies before and after the rules of set ``h`` (trial recall 0.768,
then 0.812; near misses flagged 0.069, then 0.065; 3 of 489 real bodies flagged), then developed
on by the shapes of its misses and alarms (values and tokens that a sentence names: beside a word
for a value, quoted with their unit, a doubled letter beside its symbols, an abbreviation in
parentheses, a street named after a date; one side of a score; Velocity's quiet references,
FreeMarker comments, Razor's defaults): 0.828 and no near miss flagged on real bodies after them.
Set ``j`` was measured on real bodies before and after the rules of sets h and i (trial recall
0.745, 0.794, 0.794; near misses flagged 0.038, 0.033, 0.015; 3 of 489 real bodies flagged),
then developed on by the shapes of its misses (an assistant naming itself software after a
cause, a question at an edge offering more work, a cut-off named by a word for the limit):
0.822 and 0.015 on real bodies after them, set i 0.846.
Set ``k`` was measured on real bodies before and after the rules of sets h, i and j (trial
recall 0.676, 0.747, 0.747, 0.767; near misses flagged 0.044, 0.044, 0.020, 0.020; 3 of 489 real
bodies flagged), and at 0.767 recall and 0.020 near misses with the earlier bodies before it was
developed on; then it was developed on, with set j, by the shapes of its misses (first-person
notes about what the text leaves out, offers of more work that are no question, the first line
after an acknowledgement, labels marked up at a line's head and headings of a reworked text,
browsing apologies and self-references in shapes of their own, bracket slots naming whom, sums
and decimals of letters, null-like values after a role): 0.916 and 0.021 on real bodies after
them, set j 0.862, set h 0.895, set i 0.874.
Set ``l`` was measured on real bodies before and after the rules of set k (trial recall 0.726,
then 0.738; near misses flagged 0.018 both times; 3 of 489 real bodies flagged), then developed
on for its slots, placeholders and leaked values by their shapes and positions (brackets of what
is still to come and desks' instructions, lower-case slots and slot words in angle brackets and
braces, a number's slot noun in brackets inside a sentence, CMS entity tokens, ICU messages, slot
names between guillemets, percent and dollar signs, desks' slugs, runtimes' reprs and zero
times, a translation library's message in the packs' languages): 0.745, then 0.820 on real
bodies, near misses flagged 0.016 both times.
Sets ``m`` and ``n`` were written next, from the description of the families alone and by
different hands, and measured on real bodies before the rules of set l and after them (``m``:
trial recall 0.913, then 0.925, no near miss flagged; ``n``: 0.914, then 0.950, near misses flagged
0.004 both times; 3 of 489 real bodies flagged throughout). Neither has been developed on: their
floors are the figures for forms nobody tuned for, kept from falling.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any, NamedTuple

import pytest

import newsclean
from newsclean.record import Article

DATA = Path(__file__).parent / "data"


class Floors(NamedTuple):
    """What a set reaches on these bodies (recall of positives, alarms on near misses)."""

    recall: float
    recall_per_language: float
    near_miss_alarms: float
    whole_lines_all_caught: bool


SETS = {
    "a": Floors(0.96, 0.91, 0.01, whole_lines_all_caught=True),
    "b": Floors(0.99, 0.96, 0.01, whole_lines_all_caught=True),
    # c's near misses: 4 alarms when measured, 6 since a line of nothing but a template tag is
    # no longer excused by its original indentation, which a second cleaning does not see, 4
    # since attributed speech is known by its shape (a quotation, a comma, a clause)
    "c": Floors(0.82, 0.79, 0.011, whole_lines_all_caught=False),
    "d": Floors(0.99, 0.97, 0.0, whole_lines_all_caught=True),
    # e: its whole lines are all caught since labels, variables and presenters are known by
    # their shapes; the misses left are fragments put alone into a sentence
    "e": Floors(0.97, 0.95, 0.0, whole_lines_all_caught=True),
    # f: measured before any rule saw it (0.892 on real bodies too), then generalised on by
    # the shapes of its misses; two whole lines are still missed (a null-like value after "as"
    # and after a German preposition, where each is a word)
    "f": Floors(0.99, 0.95, 0.0, whole_lines_all_caught=False),
    # g: measured before any rule saw it (0.837 on real bodies), then generalised on by the
    # shapes of its misses; whole lines still missed: a presentation after "This is" following
    # an acknowledgement, an offer after a participle that reads as a verb of saying ("… added,
    # just say the word"), a bracket of a slot noun and its source, "None" before a German noun
    "g": Floors(0.98, 0.94, 0.0, whole_lines_all_caught=False),
    # h: measured before any rule saw it (0.770), then developed on by the shapes of its
    # misses; left: rewrite preambles and openers of words no pack lists, journalists' zero
    # and question-mark placeholders, "null" where German has the word, error texts of other
    # engines, code and "XX" or "NaN" reported as news
    "h": Floors(0.89, 0.78, 0.022, whole_lines_all_caught=False),
    # i: measured before and after the rules of set h (0.768, then 0.812 on real bodies), then
    # developed on by the shapes of its misses and alarms; left: closings and self-references
    # in words no pack lists, null-like values after a verb and a preposition, "£XXm", bracket
    # slots of several words in capitals
    "i": Floors(0.87, 0.81, 0.0, whole_lines_all_caught=False),
    # j: measured before and after the rules of sets h and i (0.794 on real bodies), then
    # developed on by the shapes of its misses, and again with set k (0.862 on real bodies);
    # left: notes with an object first and no edit word, closings and questions in words no
    # pack lists, brackets of a noun and "to be confirmed"; its alarms: template tags and
    # error texts quoted in news, "undefined" in a sentence
    "j": Floors(0.86, 0.77, 0.015, whole_lines_all_caught=False),
    # k: measured on real bodies before and after the rules of sets h, i and j (0.767 recall,
    # 0.020 near misses), then developed on by the shapes of its misses (0.916 on real
    # bodies); left: preambles without an acknowledgement or a presenter, a self-reference
    # without a denial, cut-offs named by a "refresh", lower-case slots in angle brackets and
    # null-like words of the line's language inside a sentence
    "k": Floors(0.91, 0.82, 0.020, whole_lines_all_caught=False),
    # l: measured on real bodies before and after the rules of set k (0.726, then 0.738; near
    # misses 0.018), then developed on for its slots and leaked values (0.820 on real bodies);
    # left: assistants' words no pack lists, and "XX", "TK", "NULL" put alone into a sentence
    "l": Floors(0.81, 0.75, 0.017, whole_lines_all_caught=False),
    # m and n: measured on real bodies before and after the rules of set l (m 0.913 -> 0.925, n
    # 0.914 -> 0.950) and not developed on; left: assistants' notes and closings in words no pack
    # lists, slots of a noun phrase in brackets, marks and null-like words put alone into a sentence
    "m": Floors(0.92, 0.84, 0.0, whole_lines_all_caught=False),
    "n": Floors(0.945, 0.87, 0.003, whole_lines_all_caught=False),
}


def load(name: str) -> list[dict[str, Any]]:
    path = DATA / f"leftovers_dev_{name}.jsonl"
    return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]


# bodies written for these tests: paragraphs of news prose, one in English, one in German
BODIES = (
    "The regional council approved a new plan for public transport on Tuesday evening.\n"
    "Members of the transport committee spent most of the afternoon arguing about the cost of "
    "the new tram line, which would connect the northern suburbs with the main station and "
    "the university hospital by the end of the decade.\n"
    "Supporters said the line would cut travel times for thousands of commuters every day.\n"
    "Critics warned that the budget did not include enough money for maintenance and staff.\n"
    "A final decision on the route is expected after a public consultation in the spring.",
    "Der Stadtrat hat am Dienstag einen neuen Plan für den Nahverkehr beschlossen.\n"
    "Die Mitglieder des Verkehrsausschusses stritten den ganzen Nachmittag über die Kosten der "
    "neuen Straßenbahnlinie, die die nördlichen Vororte mit dem Hauptbahnhof und der "
    "Universitätsklinik verbinden soll.\n"
    "Befürworter sagten, die Linie werde die Fahrzeiten für Tausende Pendler verkürzen.\n"
    "Kritiker warnten, im Haushalt fehle Geld für Wartung und Personal.\n"
    "Eine Entscheidung über die Strecke wird nach einer Bürgerbeteiligung im Frühjahr erwartet.",
)


def inject(body: str, item: dict[str, Any], placement: str) -> tuple[str, tuple[int, int]]:
    """The body with the item at ``placement``, and where the item (or its fragment) is."""
    line = item["line"]
    lines = body.split("\n")
    mid = len(lines) // 2
    if placement == "first_line":
        return line + "\n" + body, (0, len(line))
    if placement == "last_line":
        start = len(body) + 1
        return body + "\n" + line, (start, start + len(line))
    if placement == "own_line":
        before = "\n".join(lines[:mid]) + "\n"
        return before + line + "\n" + "\n".join(lines[mid:]), (len(before), len(before) + len(line))
    assert placement == "inline", placement
    fragment = item.get("fragment") or line
    index = max(range(len(lines)), key=lambda i: (len(lines[i]) > 120, -abs(i - mid)))
    words = lines[index].split(" ")
    head = " ".join(words[:4]) + " "
    start = sum(len(x) + 1 for x in lines[:index]) + len(head)
    new = head + fragment + " " + " ".join(words[4:])
    return "\n".join([*lines[:index], new, *lines[index + 1 :]]), (start, start + len(fragment))


def caught(article: Article, span: tuple[int, int]) -> bool:
    """A template finding (any severity) or a template removal overlapping the span."""

    def over(other: tuple[int, int]) -> bool:
        return other[0] < span[1] and span[0] < other[1]

    return any(f.code.startswith("template.") and over(f.span) for f in article.findings) or any(
        r.reason.startswith("template.") and over(r.span) for r in article.removals
    )


def trials(item: dict[str, Any]) -> list[tuple[str, int, str, tuple[int, int]]]:
    out = []
    for placement in item["placements"]:
        if placement == "inline" and item["kind"] == "near_miss" and "\n" in item["line"]:
            continue
        for b, body in enumerate(BODIES):
            text, span = inject(body, item, placement)
            out.append((placement, b, text, span))
    return out


Outcome = tuple[dict[str, Any], str, int, bool]


@pytest.fixture(scope="module", params=sorted(SETS))
def dev_set(request: pytest.FixtureRequest) -> tuple[str, list[dict[str, Any]]]:
    return request.param, load(request.param)


@pytest.fixture(scope="module")
def outcomes(dev_set: tuple[str, list[dict[str, Any]]]) -> tuple[Floors, list[Outcome]]:
    name, items = dev_set
    pipeline = newsclean.default_pipeline()
    out = []
    for item in items:
        for placement, b, text, span in trials(item):
            out.append((item, placement, b, caught(pipeline({"text": text}), span)))
    return SETS[name], out


def test_the_set_covers_every_family_and_language(
    dev_set: tuple[str, list[dict[str, Any]]],
) -> None:
    items = dev_set[1]
    positives = [i for i in items if i["kind"] == "positive"]
    near = [i for i in items if i["kind"] == "near_miss"]
    assert len(positives) >= 100
    assert len(near) >= 60
    assert len({i["lang"] for i in positives}) == 8
    assert len({i["category"] for i in positives}) >= 10


def test_the_bodies_alone_are_clean() -> None:
    for body in BODIES:
        article = newsclean.clean(body)
        assert not [f for f in article.findings if f.code.startswith("template.")]


def test_recall_on_positives(outcomes: tuple[Floors, list[Outcome]]) -> None:
    floors, found = outcomes
    hits, total = Counter[str](), Counter[str]()
    missed = []
    for item, placement, b, hit in found:
        if item["kind"] != "positive":
            continue
        for key in ("all", item["lang"]):
            total[key] += 1
            hits[key] += hit
        if not hit:
            missed.append((item["id"], placement, b))
    assert hits["all"] / total["all"] >= floors.recall, missed
    for lang in total:
        assert hits[lang] / total[lang] >= floors.recall_per_language, (lang, missed)


def test_every_positive_is_caught_where_it_stands_whole(
    outcomes: tuple[Floors, list[Outcome]],
) -> None:
    """On a line of its own, at the document's edges or inside it, every positive of the set
    the rules were developed on is caught; the misses left are fragments put alone into a
    sentence."""
    floors, found = outcomes
    if not floors.whole_lines_all_caught:
        return  # a floor of its recall only (test_recall_on_positives)
    missed = [
        (item["id"], placement, b)
        for item, placement, b, hit in found
        if item["kind"] == "positive" and not hit and placement != "inline"
    ]
    assert not missed, missed


def test_near_misses_raise_few_alarms(outcomes: tuple[Floors, list[Outcome]]) -> None:
    floors, found = outcomes
    near = [(i["id"], p, b, hit) for i, p, b, hit in found if i["kind"] == "near_miss"]
    alarms = [n[:3] for n in near if n[3]]
    assert len(alarms) / len(near) <= floors.near_miss_alarms, alarms
