"""The article's head: headline, standfirst, byline, dates, dateline and section.

A news page puts these together just before the body: a kicker or breadcrumb, the headline, a
standfirst, a byline, a date, a caption. ``detect_title`` finds the body's first paragraph, looks
for the headline among the headline-like lines before it, and takes the one with the best
evidence: what follows it (a byline, a date, an agency credit, a standfirst, the body), the same
words in a ``<title>``-style line ("Headline | Site") or a breadcrumb, the URL's slug. Lines removed
as page chrome by a rule that knew them (a catalogue phrase, a cookie notice, a share bar) are never
candidates; lines removed only by their shape or position (a link-like run, a repeated line, the
classifier) are. With no candidate good enough there is no title: a wrong title is worse than none.

The head's other lines are read into the record (authors, agency, published/updated, section) and
leave the body with ``structure.*`` reasons. Lines that hold no letter or digit leave with
``structure.empty`` (``strip_symbol_lines``).
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import statistics
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import ClassVar
from urllib.parse import unquote, urlsplit

from newsclean._patterns import compile_pattern, is_plain, search
from newsclean._patterns import match as match_pattern
from newsclean._patterns import words as text_words
from newsclean.draft import EMPTY, Block, BlockRemoval, Draft, Flag, Proposal, Stage
from newsclean.filters._shared import (
    TITLE_BAD_END_RE,
    is_symbol_line,
    looks_like_headline,
    looks_like_prose,
    same_headline,
)
from newsclean.filters.blocks import draft_language, stopword_languages, stopwords
from newsclean.filters.boilerplate import TEASER_CODES, agencies, is_agency_line
from newsclean.filters.facts.dates import (
    MONTHS,
    WEEKDAYS,
    NumericForms,
    find_dates,
    find_numeric_dates,
    numeric_forms,
)
from newsclean.lang import languages_with
from newsclean.lang import sections as pack_sections

#: removals that leave a line a possible headline: rules that judged its shape or position only
SOFT_REASONS = frozenset(
    {
        "boilerplate.duplicate",
        "boilerplate.link_list",
        "boilerplate.context",
        "boilerplate.chrome",
        "boilerplate.nav_title",
        "boilerplate.site_repeated",
        "structure.title",
    }
)
#: removals of head lines that may be read into the record (a byline or date caught as chrome)
HEAD_REASONS = SOFT_REASONS | {"boilerplate.author_box", "boilerplate.credit"}
#: how many lines before the body's first paragraph may hold the headline
WINDOW = 20
#: the score a headline needs on a page (``page`` preset): a byline or date right below it and the
#: body after it, or prose after it with a "Headline | Site" line or the URL's slug, or a repeat and
#: a date above it. Extracted text, which an extractor has already cut to the article, needs three
#: (``min_score=3``: the text's first line above the body, or a byline right below it). A wrong
#: title is worse than none: below the score there is no title.
MIN_SCORE = 4.0
#: how far ahead of every other headline the chosen one must score in a whole page's text: two as
#: good are no evidence for either
MARGIN = 1.0
#: the weight of each piece of evidence about a headline candidate (see ``HeadReader.candidate``);
#: a candidate's score is their weighted sum and must reach ``min_score``
EVIDENCE: dict[str, float] = {
    "body_below": 1.0,  # the body's first paragraph within a few lines below
    "head_line_below": 3.0,  # a byline or date within two lines below
    "head_line_further": 1.0,  # ... further down
    "prose_below": 1.0,  # the next line reads as prose (a standfirst, the body)
    "head_line_above": 1.0,  # a byline or date just above
    "repeated": 1.0,  # another line is the same
    "title_line": 2.0,  # another line holds it as one part ("Headline | Site")
    "linked": 0.5,  # removed as a link or a repeat: a page links and repeats its headline
    "between": -2.5,  # kept lines between it and the body that are not head lines (a fifth each)
    "slug": 4.0,  # the URL's slug names it
    "top_line": 2.0,  # the first kept line, of TOP_MIN_WORDS or more, above the first paragraph,
    # on the body's topic
    "standfirst_below": 2.0,  # the next line is its standfirst, the head's lines or body after it
    "headline_above": -1.0,  # the line above is a headline and this line its standfirst
    "on_topic": 1.0,  # most of its content words are in the body
    "under_head": -3.0,  # a byline or date above it belongs to a headline above them
    "menu_end": 1.5,  # removed for its shape or place only, it stands out at the end of a menu's
    # short lines above it
    "crumbs_above": 1.5,  # right below a numbered breadcrumb ("1. Home / 2. Health / 3. Flu")
    "tight_head": 0.5,  # a byline or date right below it, and the body right after them
}
#: a headline that has a standfirst has this many words or more (shorter: a kicker)
PAIR_MIN_WORDS = 5
#: how a standfirst written as a sentence ends
STANDFIRST_ENDS = ".!…"
#: the share of a headline's or standfirst's content words the body must hold
ON_TOPIC = 0.5
#: a line says what its topic is with this many content words or more (fewer: "Purpose of the
#: Review", a subheading, fits any article)
TOPIC_STEMS = 3
#: a first line this long right above the first paragraph reads as its headline (shorter: a
#: site's name or slogan)
TOP_MIN_WORDS = 5
#: headlines are short: a longer line is a teaser or a caption
MAX_WORDS = 20
#: a menu above a headline: how many of its lines are read, the median words of its items at
#: most, and how many times as many words the headline has
MENU_LINES = 3
MENU_WORDS = 3
MENU_RATIO = 4
#: a numbered breadcrumb: at least this many items, counted from "1. ", each of at most
#: CRUMB_WORDS words
CRUMB_ITEMS = 2
CRUMB_WORDS = 4
#: how many more of the head's lines (a byline, a date) may stand between a headline and its dek
HEAD_RUN = 2
#: how many lines after a candidate are read for the head's evidence
AFTER = 6
#: a separator of a breadcrumb or a "Headline | Site" line
SEPARATOR_RE = compile_pattern(r"\s[|»›>/]\s|\s[-–—]\s|\s::\s")
#: two to four crumbs glued to what follows them by a bare ">", "»" or "›" ("Forum>iPhone>"), each
#: of at most 30 characters: bounded, so it cannot backtrack far
GLUED_CRUMBS_RE = compile_pattern(r"^(?:[^\s>»›|][^>»›|\n]{0,29}[>»›](?=\S)){2,4}")
CRUMB_RE = compile_pattern(r"\s?[»›>/|]\s?")
BULLET_CHARS = "*•·-–—+> "
#: where two texts were glued without a space ("Olympische SpieleOlympia 2022", "News & mehr23.01."):
#: a lower-case letter, then a capital and a lower-case letter, or a digit. Fixed width, it cannot
#: backtrack
GLUE_RE = compile_pattern(r"(?<=\p{Ll}\p{Ll})(?:\p{Lu}(?=\p{Ll})|\d)")
#: a name word: a capital, then letters, dots, apostrophes or hyphens
NAME_WORD_RE = compile_pattern(r"^\p{Lu}[\p{L}\p{M}.'’\-]{0,24}$|^\p{Lu}\.$")
# a month name before a number: where a date glued to the names starts ("Jane Doe Apr. 26")
MONTH_BEFORE_NUMBER_RE = compile_pattern(r"\s(\p{L}{3,9})\.?,?\s?\d")
# a dateline at the start of the first paragraph: "KYIV (Reuters) —", "ST CATHERINE, Jamaica —"
DATELINE_RE = compile_pattern(
    r"^\s*(?P<place>\p{Lu}[\p{Lu}\p{M}.'’]*(?:[ -]\p{Lu}[\p{Lu}\p{M}.'’]*){0,3})"
    r"(?:,\s(?P<region>\p{Lu}[\p{L}\p{M}.]{1,20}(?: \p{Lu}[\p{L}\p{M}.]{1,20}){0,2}))?"
    r"\s?(?:\((?P<agency>[\p{L}\p{M} .&/-]{2,30})\))?\s?[—–-]{1,2}\s"
)
# an agency at the start of the first paragraph: "(EFE).-", "(dpa) -"
AGENCY_OPEN_RE = compile_pattern(r"^\s*\((?P<agency>[\p{L}\p{M} .&/-]{2,30})\)\s?[.:]?[—–-]{1,2}")


#: the sections of a pack's ``record.txt``: what a byline starts with ("By"), what stands between
#: two names ("and"), the labels before a published or updated date, the words after a name that
#: make a line a byline ("Associated Press Writer"), lower-case words inside names ("von der"), the
#: words of a picture's caption or credit ("Photo:", "Getty Images"), the words of a time or a
#: count beside a date, and the words that stand between a byline's names and a date's number
RECORD_SECTIONS = (
    "byline",
    "joiner",
    "published",
    "updated",
    "writer",
    "particle",
    "caption",
    "unit",
    "before_date",
    "about_author",
)


@functools.cache
def all_record_words(section: str) -> tuple[str, ...]:
    """One section of every pack's ``record.txt``, case-folded, longest first.

    >>> "by" in all_record_words("byline")
    True
    """
    found = {
        e.text.casefold()
        for lang in languages_with("record.txt")
        for e in pack_sections(lang, "record.txt", RECORD_SECTIONS)[section]
    }
    return tuple(sorted(found, key=lambda p: (-len(p), p)))


#: where a byline's names end: a date, a time, a bar, a bullet or a dash between spaces, or a word
#: before a date's number ("Jane Doe on 3 May", "Von Anna Müller am 3. Mai")
BYLINE_END_RE = compile_pattern(
    r"\s[|•·/]\s?|\s[-–—]\s|[|•·/]|\d|\(|\s(?i:"
    + "|".join(re.escape(w) for w in all_record_words("before_date"))
    + r")\s(?=\d)"
)


@functools.cache
def all_stopwords() -> frozenset[str]:
    """The stop words of every pack, case-folded."""
    return frozenset().union(*(stopwords(lang) for lang in stopword_languages()))


#: how many letters of a content word are compared ("colonial" meets "colonialism")
STEM_CHARS = 5
#: how many content words of the body a headline's words are looked for in
BODY_WORDS = 600
#: a body with fewer distinct content words says too little for a headline's words to be missing
BODY_MIN_WORDS = 30


def content_stems(text: str, timeout: float | None) -> list[str]:
    """The stems of the words of ``text`` that carry its topic: four letters or more, not a
    stop word, a month or a weekday of any pack."""
    stops = all_stopwords()
    # a word of letters only has three: its letters are not counted (not on the plain path)
    lettered = not is_plain()
    out = []
    for w in text_words(text, timeout=timeout):
        f = w.casefold()
        if len(f) < 4 or f in stops or f in MONTHS or f in WEEKDAYS:
            continue
        if not (lettered and f.isalpha()) and sum(c.isalpha() for c in f) < 3:
            continue
        out.append(f[:STEM_CHARS])
    return out


def is_caption(text: str) -> bool:
    """A picture's caption or credit: a caption word of a pack ("Photo:", "Getty Images") at a
    word boundary, or the whole line in brackets ("(Jane Doe / Reuters)")."""
    line = text.strip()
    if line[:1] in "([" and line[-1:] in ")]":
        return True
    if line.endswith(")") and "/" in line[line.rfind("(") :] and line.rfind("(") > 0:
        return True  # a credit in brackets at its end: "… at dusk. (Jane Doe / Agency)"
    low = f" {fold(line)} "
    for word in all_record_words("caption"):
        at = low.find(word)
        while at >= 0:
            before, after = low[at - 1], low[at + len(word) : at + len(word) + 1]
            if not before.isalnum() and (word[-1:] in ":." or not after.isalnum()):
                return True
            at = low.find(word, at + 1)
    return False


def unbulleted(text: str) -> str:
    return text.strip().lstrip(BULLET_CHARS).strip()


def fold(text: str) -> str:
    return " ".join(text.casefold().split())


# ---------------------------------------------------------------------------------------------
# names and bylines


def name_of(text: str, *, strict: bool = False, shouted: bool = False) -> str | None:
    """``text`` when it reads as a person's name: two to five words, the first and last
    capitalised, lower-case words only as name particles.

    ``strict`` (a name with no byline word before it): two to four words, none of them a stop word,
    a month or a weekday of any pack, a label of the record or a word in capitals. ``shouted``
    (after a byline word): a name in capitals is a name ("VON MORITZ MUSTER"), given in title case.

    >>> name_of("Ursula von der Leyen"), name_of("the mayor said")
    ('Ursula von der Leyen', None)
    >>> name_of("The Daily News", strict=True), name_of("MARIA MUSTER", shouted=True)
    (None, 'Maria Muster')
    """
    parts = text.strip(" ,;:.").split()
    if not 2 <= len(parts) <= (4 if strict else 5) or len(text) > 60:
        return None
    for k, part in enumerate(parts):
        if part in all_record_words("particle") and 0 < k < len(parts) - 1:
            continue
        if not NAME_WORD_RE.match(part):
            return None
        if strict and not_a_name_word(part):
            return None
    if all(p.isupper() and len(p) > 3 for p in parts):
        if not shouted or not all(p.isalpha() for p in parts):
            return None  # a shouted heading, not a name
        return " ".join(p.capitalize() for p in parts)
    return " ".join(parts)


def not_a_name_word(word: str) -> bool:
    """A word that is no part of a name read without a byline word: a stop word, a month or a
    weekday of any pack, a word of the record's labels, or a word in capitals ("NEWS")."""
    f = word.casefold().strip(".")
    return (
        f in all_stopwords()
        or f in MONTHS
        or f in WEEKDAYS
        or f in record_label_words()
        or (word.isupper() and len(word) > 3)
    )


@functools.cache
def record_label_words() -> frozenset[str]:
    """The single words of the record's labels in every pack ("published", "von", "photo")."""
    out: set[str] = set()
    for section in ("byline", "published", "updated", "writer", "caption", "joiner", "unit"):
        for phrase in all_record_words(section):
            out.update(w.strip(":.") for w in phrase.split())
    return frozenset(w for w in out if w)


def is_handle(word: str) -> bool:
    """One word that may stand for an author after a byline word: a first name, a user name
    ("jdoe42", "Redaktion"); not a stop word, a month, a weekday or a label.

    >>> is_handle("flerche"), is_handle("der"), is_handle("2024")
    (True, False, False)
    """
    w = word.strip(".,;:")
    if not 2 <= len(w) <= 30 or sum(c.isalpha() for c in w) < 2 or not w[:1].isalnum():
        return False
    if not all(c.isalnum() or c in "._-" for c in w):
        return False
    return not not_a_name_word(w) or (w.isupper() and len(w) <= 5 and w.isalpha())


def _cut(text: str, timeout: float | None) -> str:
    m = search(BYLINE_END_RE, text, timeout=timeout)
    return text[: m.start()] if m else text


def unglued(text: str) -> str:
    """``text`` with a comma where a label, a role or a month is glued to the word before it
    ("Jane DoeStaff Writer", "Jane DoeNovember 6", "jdoeVeröffentlicht am")."""
    if len(text) > 300:
        return text
    words = (
        *all_record_words("writer"),
        *all_record_words("published"),
        *all_record_words("updated"),
        *(m for m in MONTHS if len(m) >= 3),
    )
    low = text.casefold()
    cuts = [
        k
        for k in range(1, len(text))
        if text[k].isupper() and text[k - 1].islower() and low.startswith(words, k)
    ]
    for k in reversed(cuts):
        text = f"{text[:k]}, {text[k:]}"
    return text


def name_list(text: str, timeout: float | None) -> list[str]:
    """The names of a line that holds nothing else: "Jane Doe", "Jane Doe, John Roe and Ann
    Lee" (each a name by :func:`name_of` with ``strict``); empty otherwise.

    >>> name_list("Jane Doe, John Roe und Ann Lee", None), name_list("Sport and Weather", None)
    (['Jane Doe', 'John Roe', 'Ann Lee'], [])
    """
    line = unbulleted(text)
    if len(line) > 120 or any(c.isdigit() for c in line) or is_caption(line):
        return []
    for j in all_record_words("joiner"):
        line = line.replace(f" {j} ", ",") if j.isalpha() else line.replace(j, ",")
    parts = [p.strip() for p in line.split(",")]
    if not parts or len(parts) > 5:
        return []
    names = []
    for part in parts:
        name = name_of(part, strict=True)
        if name is None or is_agency_line(part, timeout):
            return []
        names.append(name)
    return names


def names_beside_date(text: str, timeout: float | None) -> list[str]:
    """The name on a date line with no byline word: "3 May 2024 Jane Doe 2 comments", "Jane Doe
    / 3 May 2024", "Jane Doe | 3 May 2024 | Sport". The first part of the line (between dates
    and separators) that starts with a name by :func:`name_of` with ``strict`` of two or three
    words, and holds nothing but a number, a stop word or a word in lower case after it.

    >>> names_beside_date("3. Mai 2024 Max Muster 2 Kommentare", None)
    ['Max Muster']
    """
    if len(text) > 200:
        return []
    marked = unglued(unbulleted(text))
    found = list(find_dates(marked, timeout=timeout))
    if not found:
        return []
    for d in reversed(found):
        marked = marked[: d.span[0]] + " | " + marked[d.span[1] :]
    low = marked.casefold()
    for label in (*all_record_words("published"), *all_record_words("updated")):
        at = low.find(label)
        while at >= 0:
            end = at + len(label)
            if (at == 0 or not low[at - 1].isalnum()) and (
                end >= len(low) or not low[end].isalnum()
            ):
                marked = marked[:at] + " | " + marked[end:]
                low = marked.casefold()
            at = low.find(label, at + 1)
    for part in NAME_PART_SPLIT_RE.split(marked, timeout=timeout):
        words = part.split()
        while words and fold(words[0]).strip(".") in record_label_words():
            words = words[1:]  # "Uhr Jane Doe": a time's word before the name
        k = 0
        while k < len(words) and k < 4 and words[k][:1].isupper() and not not_a_name_word(words[k]):
            k += 1
        if k < 2:
            continue
        if k == 4 or (k < len(words) and words[k][:1].isupper()):
            continue  # more capitalised words: a heading, not a name
        name = name_of(" ".join(words[:k]), strict=True)
        if name is not None and not is_agency_line(name, timeout):
            return [name]
    return []


#: where a date line splits into parts that may hold a name
NAME_PART_SPLIT_RE = compile_pattern(r"\s*[|•·/,–—:]\s*|\s-\s|\s(?=\d)|(?<=\d)\s")


def _name_run(part: str, *, shouted: bool) -> tuple[str | None, bool]:
    """The name a part of a byline starts with, and whether the names end after it: a part ends
    at its first lower-case word that is not a name particle ("Jane Doe on", "Ana Ruiz en
    Territorio")."""
    words = part.split()
    particles = all_record_words("particle")
    k = 0
    while k < len(words):
        w = words[k]
        if w[:1].isupper() or (
            w in particles and 0 < k < len(words) - 1 and words[k + 1][:1].isupper()
        ):
            k += 1
            continue
        break
    ended = k < len(words)
    return name_of(" ".join(words[:k]), shouted=shouted), ended


def is_agency_name(part: str) -> bool:
    """A part of a byline that is an agency's name as a whole ("Associated Press", "(AFP)")."""
    key = " ".join(part.strip("() ").casefold().split())
    return key.removeprefix("the ") in agencies()


def split_names(
    text: str, timeout: float | None, *, single: bool = False, shouted: bool = False
) -> tuple[list[str], str | None]:
    """The names in the rest of a byline ("Jane Doe and John Roe, Reuters") and an agency.

    ``single``: one word may stand for the author ("by jdoe42 on 3 May 2024") when nothing
    but the end of the names follows it."""
    rest = _cut(unglued(text), timeout)
    # the names end where a date or a date label starts ("Jane Doe Apr. 26, 2022", "Jane Doe
    # Veröffentlicht am …")
    for d in find_dates(rest, timeout=timeout):
        rest = rest[: d.span[0]]
        break
    for m in MONTH_BEFORE_NUMBER_RE.finditer(text, timeout=timeout):
        if m.group(1).casefold() in MONTHS and m.start() < len(rest):
            rest = rest[: m.start()]
            break
    low = rest.casefold()
    for label in (*all_record_words("published"), *all_record_words("updated")):
        at = low.find(" " + label)
        if at >= 0:
            rest, low = rest[:at], low[:at]
    joiners = all_record_words("joiner")
    for j in joiners:
        rest = rest.replace(f" {j} ", ",") if j.isalpha() else rest.replace(j, ",")
        rest = rest.replace(f" {j.capitalize()} ", ",") if j.isalpha() else rest
    names: list[str] = []
    agency: str | None = None
    for part in rest.split(","):
        part = part.strip()
        if not part:
            continue
        if is_agency_line(part, timeout) or is_agency_name(part):
            agency = agency or part.strip("() ")
            continue
        if fold(part) in all_record_words("writer"):
            break  # "Jane Doe, Staff Writer": a role ends the names
        name, ended = _name_run(part, shouted=shouted)
        if name is None:
            words = part.split()
            if (
                single
                and not names
                and words
                and is_handle(words[0])
                and (len(words) == 1 or words[1].casefold() in all_stopwords())
            ):
                names.append(words[0].strip(".,;:"))
            break  # a role ("Asia correspondent") or the end of the names
        names.append(name)
        if ended:
            break
    return names, agency


def parse_byline(text: str, timeout: float | None) -> tuple[list[str], str | None] | None:
    """``(names, agency)`` when the line is a byline in one of the catalogue languages.

    >>> parse_byline("By Jane Doe and John Roe", None)
    (['Jane Doe', 'John Roe'], None)
    >>> parse_byline("Von Max Muster, dpa", None)
    (['Max Muster'], 'dpa')
    >>> parse_byline("By the way, this is prose", None) is None
    True
    >>> parse_byline("12 April 2020 by jdoe 24 Comments", None)
    (['jdoe'], None)
    """
    line = unbulleted(text)
    if len(line) > 160:
        return None
    low = line.casefold()
    n_words = len(line.split())
    found = _after_intro(line, low, timeout, single=n_words == 2 and line.split()[1][:1].isupper())
    if found is not None:
        return found
    if n_words > 16 or looks_like_prose(line, timeout=timeout):
        return None
    # a byline among the parts of a head line: "Home | By Jane Doe | 3 May 2024", "Published
    # 3 May 2024 by Jane Doe", "3 May 2024 · von jdoe"
    dated = False
    marked = line
    for d in reversed(list(find_dates(line, timeout=timeout))):
        marked = marked[: d.span[0]] + " | " + marked[d.span[1] :]
        dated = True
    parts = [p.strip() for p in SEGMENT_SPLIT_RE.split(marked, timeout=timeout)]
    single = dated
    # a byline word after other words only on a line with a date ("Art by …", "Theme by …"
    # credit others)
    inside = dated
    for k, part in enumerate(parts):
        if not part or (k == 0 and part == line):
            found = _intro_inside(part, timeout, single=single) if inside else None
        else:
            # a part of a head line that is a byline word and a user name: "von jdoe | Sport"
            # (a word in title case may be a place: "von Berlin | Fotos")
            words = part.split()
            alone = len(words) == 2 and not words[1][:1].isupper()
            # after a number closing a clause, not a head label's: "… a 9.5 por ciento", "The
            # team won 2 by far" (a label's is short: "Updated 12:30 by jdoe")
            before = parts[k - 1] if k else ""
            if alone and before[-1:].isdigit() and len(before.split()) > 2:
                alone = False
            found = _after_intro(part, part.casefold(), timeout, single=single or alone)
            if inside:
                found = found or _intro_inside(part, timeout, single=single)
        if found is not None and found[0]:
            return found
    # "Jane Doe, Associated Press Writer", "Jane Doe - Staff writer"
    for sep in (",", " - ", " – ", " | "):
        head, found_sep, tail = line.partition(sep)
        if found_sep and fold(tail).strip(" .") in all_record_words("writer"):
            name = name_of(head)
            if name is not None:
                return [name], None
    return None


#: where a head line splits into parts: a bar, slashes, a bullet, or a date label's date
SEGMENT_SPLIT_RE = compile_pattern(r"\s[|•·/]{1,2}\s|(?<=\d)\s(?=\p{Ll})|\s[–—]\s|\|")
#: how many words other than labels and stop words may stand before a byline word inside a part
#: of a head line ("Posted in News by jdoe", "Artikel von Jana Muster")
BEFORE_INTRO = 2


def _after_intro(
    line: str, low: str, timeout: float | None, *, single: bool = False
) -> tuple[list[str], str | None] | None:
    intros = all_record_words("byline")
    if not is_plain() and not low.startswith(intros):
        return None  # no byline word begins the line: one test for them all
    for intro in intros:
        if not low.startswith(intro):
            continue
        after = line[len(intro) :]
        # "vonJane Doe": a byline word in lower case glued to the name
        glued = intro[-1:].isalpha() and after[:1].isupper() and line[: len(intro)].islower()
        if not intro.endswith(":") and not after[:1].isspace() and after[:1] != ":" and not glued:
            continue
        names, agency = split_names(after.lstrip(" :"), timeout, single=single, shouted=True)
        return (names, agency) if names or agency else None
    return None


def _intro_inside(
    part: str, timeout: float | None, *, single: bool
) -> tuple[list[str], str | None] | None:
    """A byline word after a few words of a head line's part: "Posted in News by jdoe",
    "2.03.2018von Jane Doe". Never in a caption ("Photo by Jane Doe")."""
    low = part.casefold()
    for intro in all_record_words("byline"):
        at = low.find(intro, 1)
        while at > 0:
            before = part[:at]
            after = part[at + len(intro) :]
            bounded = not before[-1:].isalpha() and (
                after[:1].isspace()
                or after[:1] == ":"
                or intro.endswith(":")
                or (after[:1].isupper() and part[at : at + len(intro)].islower())
            )
            if bounded and _head_words_before(before) and not is_caption(part):
                names, agency = split_names(
                    after.lstrip(" :"), timeout, single=single, shouted=True
                )
                if names:
                    return names, agency
            at = low.find(intro, at + 1)
    return None


def _head_words_before(before: str) -> bool:
    """The words before a byline word are few, besides labels and stop words."""
    labels = set(all_record_words("published")) | set(all_record_words("updated"))
    n = 0
    for w in before.split():
        f = w.casefold().strip(".,:;·|")
        if not f or f in labels or f in all_stopwords() or not any(c.isalpha() for c in f):
            continue
        n += 1
    return n <= BEFORE_INTRO


def is_byline_intro(text: str) -> bool:
    """A line that only introduces a byline on the next line: "By", "Article by", "Autor:"."""
    line = fold(unbulleted(text))
    low = line.rstrip(" :")
    if not low or len(low.split()) > 3:
        return False
    colon = line.endswith(":")
    if not is_plain():
        alone, ends = _intro_ends()
        if low not in alone and not low.endswith(ends):
            return False  # no byline word is the line or ends it: one test for them all
    return any(
        (low == i.rstrip(": ") or low.endswith(" " + i.rstrip(": ")))
        and (colon or not i.endswith(":"))
        for i in all_record_words("byline")
    )


@functools.cache
def _intro_ends() -> tuple[frozenset[str], tuple[str, ...]]:
    """For :func:`is_byline_intro`: the byline words without a colon or edge spaces, and each
    after a space (what a line that ends with one ends with)."""
    bare = {i.rstrip(": ") for i in all_record_words("byline")}
    return frozenset(bare), tuple(sorted(" " + b for b in bare))


# ---------------------------------------------------------------------------------------------
# dates


@dataclass(frozen=True, slots=True)
class LineDates:
    published: tuple[dt.date, tuple[int, int]] | None
    updated: tuple[dt.date, tuple[int, int]] | None


def line_dates(
    text: str, timeout: float | None, max_words: int = 8, forms: NumericForms | None = None
) -> LineDates | None:
    """The dates of a short line that is about its own dates ("Published 3 May 2024 | Updated
    4 May 2024", "21 April 2022", "Thema des Tages // 02.11.2021"); spans are in ``text``.

    Dates in numbers with "/" or "-" ("19/06/2024") are read in the order of ``forms`` (the
    page's language): one that could be read both ways is not read."""
    if len(text) > 200:
        return None
    found = [(d.date(), d.span) for d in find_dates(text, timeout=timeout) if d.date() is not None]
    if forms is not None:
        found += [
            (date, (a, b))
            for date, (a, b) in find_numeric_dates(text, forms, timeout=timeout)
            if not any(a < e and s < b for _, (s, e) in found)
        ]
        found.sort(key=lambda x: x[1])
    if not found:
        return None
    rest = text
    for _, (a, b) in reversed(found):
        rest = rest[:a] + " " + rest[b:]
    if len(text_words(rest, timeout=timeout)) > max_words or looks_like_prose(rest):
        return None  # a sentence that mentions a date
    published: tuple[dt.date, tuple[int, int]] | None = None
    updated: tuple[dt.date, tuple[int, int]] | None = None
    low = text.casefold()
    for date, span in found:
        assert date is not None
        before = low[: span[0]]
        upd = max((before.rfind(w) for w in all_record_words("updated")), default=-1)
        pub = max((before.rfind(w) for w in all_record_words("published")), default=-1)
        if upd > pub and updated is None:
            updated = (date, span)
        elif (published is None and upd <= pub) or published is None:
            published = (date, span)
    return LineDates(published, updated)


# ---------------------------------------------------------------------------------------------
# the head


@dataclass(slots=True)
class Head:
    """What the head of an article holds, block indices into the draft."""

    title: int | None = None
    title_text: str = ""
    title_rule: str = ""
    subtitle: int | None = None
    byline: list[int] = field(default_factory=list)
    authors: list[str] = field(default_factory=list)
    authors_at: int | None = None
    agency: str | None = None
    agency_at: tuple[int, tuple[int, int]] | None = None
    dates: list[int] = field(default_factory=list)
    published: tuple[str, int, tuple[int, int]] | None = None
    updated: tuple[str, int, tuple[int, int]] | None = None
    section: tuple[str, int] | None = None
    section_lines: list[int] = field(default_factory=list)
    dateline: tuple[str, int, tuple[int, int]] | None = None
    #: the headline line leaves the body, but the record takes no title from it
    title_withheld: bool = False


def slug_words(url: str | None) -> set[str]:
    """The words of a URL's last path segment that has several ("/2024/05/rain-expected-soon")."""
    if not url:
        return set()
    try:
        path = urlsplit(url).path
    except ValueError:
        return set()
    for segment in reversed([s for s in unquote(path).split("/") if s]):
        stem = segment.rsplit(".", 1)[0]
        parts = [p for p in stem.replace("_", "-").split("-") if p.isalpha()]
        if len(parts) >= 3:
            return {p.casefold() for p in parts}
    return set()


@dataclass(frozen=True, slots=True)
class View:
    """The lines the head is looked for in: the draft's blocks and what earlier filters said."""

    blocks: Sequence[Block]
    reasons: Sequence[str | None]  # the removal reason of each block, None when kept
    url: str | None
    timeout: float | None
    #: how the page's language writes a date in numbers ("19/06/2024"); every pack's forms when
    #: the language is not known, so that a date both ways could be read is not
    forms: NumericForms | None = None

    @classmethod
    def of(cls, draft: Draft) -> View:
        reasons = []
        for b in draft.blocks:
            removal = draft.removal_of(b.index)
            reasons.append(removal.reason if removal is not None else None)
        lang = draft_language(draft)
        forms = numeric_forms(None if lang is None else (lang,))
        return cls(draft.blocks, reasons, draft.url, draft.regex_timeout, forms)


#: a paragraph no longer than this with a byline or a date line right below it is the standfirst
#: above the head's lines ("Headline / Standfirst / By Jane Doe / 3 May 2024 / Body"), not the
#: body's first paragraph
STANDFIRST_CHARS = 400
#: how many lines below a standfirst the byline or date line may be: short lines between (a name, an
#: agency, a place, "Share") are part of the head
STANDFIRST_GAP = 3
#: the longest line between a standfirst and its byline or date line
HEAD_LINE_CHARS = 60


def body_start(view: View, begin: int = 0) -> int | None:
    """The first kept line from ``begin`` on that reads as a paragraph of prose, past a
    standfirst: the first such line, when a byline or a date line follows it closely, is the
    body's first paragraph only if no other comes after the head's lines."""
    first: int | None = None
    for i in range(begin, len(view.blocks)):
        text = view.blocks[i].text.strip()
        if (
            view.reasons[i] is None
            and looks_like_prose(text)
            and (len(text) > 200 or not looks_like_headline(text))
            and line_dates(text, view.timeout, forms=view.forms) is None
        ):
            if first is not None:
                return i
            if len(text) > STANDFIRST_CHARS or not _head_line_below(view, i):
                return i
            first = i
    return first


def _head_line_below(view: View, i: int) -> bool:
    """A byline or a date line within :data:`STANDFIRST_GAP` lines below ``i``, past short lines
    only."""
    seen = 0
    for k in range(i + 1, len(view.blocks)):
        text = view.blocks[k].text.strip()
        if is_symbol_line(text):
            continue
        if len(text) <= 200 and (
            is_byline_intro(text)
            or parse_byline(text, view.timeout) is not None
            or line_dates(text, view.timeout, forms=view.forms) is not None
        ):
            return True
        seen += 1
        if seen >= STANDFIRST_GAP or len(text) > HEAD_LINE_CHARS:
            return False
    return False


def _headline_text(text: str, timeout: float | None) -> tuple[str, str] | None:
    """The headline a candidate line holds and the rule: the line, or the first part of a
    "Headline | Site" line."""
    line = text.strip()
    if line[:1] in "*•·+>" or line.startswith(("- ", "– ")):
        return None  # a list item
    if sum(1 for w in line.split() if sum(c.isalpha() for c in w) >= 2) < 2:
        return None  # "0<a>0", "2024 | 15": a headline has words
    if is_tag_run(line, timeout):
        return None  # "Politics / Europe / Elections": tags or a breadcrumb, not a headline
    glued = search(GLUED_CRUMBS_RE, line, timeout=timeout) if len(line) < 400 else None
    if glued is not None:
        # "Forum>iPhone>Headline": a breadcrumb written without spaces ends in the headline
        got = _headline_text(line[glued.end() :], timeout)
        return None if got is None else (got[0], "crumbs")
    found = SEPARATOR_RE.findall(line, timeout=timeout) if len(line) < 400 else ["|"] * 9
    seps = len(found)
    crumbs = sum(1 for sep in found if sep.strip() in "|»›>/")
    if seps == 0 or crumbs == 0:
        # no separator, or dashes only: "Office 365 – HBDI – the third"
        if looks_like_headline(line) or _uncased(line, timeout):
            return line, "headline"
        return None
    if seps == 1:
        m = search(SEPARATOR_RE, line, timeout=timeout)
        assert m is not None
        first, second = line[: m.start()].strip(), line[m.end() :].strip()
        # "Headline | Site": a short last part after a headline is the site's name
        if looks_like_headline(first) and len(second.split()) <= 3:
            return first, "title_line"
        if looks_like_headline(line):
            return line, "headline"  # "Brexit - what happens next for the markets"
    return None


#: where a run of tags or a breadcrumb splits: a slash, a bar or a bullet (not a comma: "Shops,
#: Designer, online kaufen" may end a headline)
TAG_SPLIT_RE = compile_pattern(r"\s?[/|•·]\s?")
#: a run of tags has this many parts or more, each of at most TAG_WORDS words
TAG_PARTS = 3
TAG_WORDS = 3


def is_tag_run(line: str, timeout: float | None) -> bool:
    """A line of short parts between slashes, bars or bullets, none of them a sentence: a run of
    tags or a breadcrumb ("Politics /Europe /Elections", "Rain | Floods | Weather").

    >>> is_tag_run("Weather /Floods /Climate change", None)
    True
    >>> is_tag_run("Rain, floods and storms expected tomorrow", None)
    False
    """
    if len(line) > 300:
        return False
    parts = [p for p in TAG_SPLIT_RE.split(line, timeout=timeout) if p.strip()]
    return len(parts) >= TAG_PARTS and all(len(p.split()) <= TAG_WORDS for p in parts)


#: an ordered list's number at the start of a line ("3. "): anchored and bounded, it cannot
#: backtrack, so it runs without a timeout
LIST_NUMBER_RE = compile_pattern(r"^(\d{1,2})\.\s")


def list_number(text: str) -> tuple[int, int] | None:
    """The ordered list's number that starts ``text`` once stripped ("3. "), and where the
    item's own words start in the stripped text; ``None`` for a line without one."""
    m = match_pattern(LIST_NUMBER_RE, text.strip(), timeout=None)
    return None if m is None else (int(m.group(1)), m.end())


def numbered_item(text: str, numbers: frozenset[int]) -> bool:
    """Line ``text`` starts with a list number ("3. ") and the page has the number before or after
    it at the start of another line: an item of an ordered list (a breadcrumb, a list of tips),
    not a headline (a club's "1. FC" stands alone)."""
    got = list_number(text)
    if got is None:
        return False
    n = got[0]
    return n - 1 in numbers or n + 1 in numbers


def _uncased(line: str, timeout: float | None) -> bool:
    """A headline's shape in a script without capitals (Arabic, Hebrew, CJK), which
    :func:`looks_like_headline` leaves out: three words or more, the first letter neither upper
    nor lower case, no clause's end."""
    first = line.lstrip("\"'“‘„‚«»‹›¿¡([")[:1]
    if not first.isalpha() or first.isupper() or first.islower() or len(line) > 300:
        return False
    if TITLE_BAD_END_RE.search(line.rstrip("\"'”’»)]"), timeout=timeout):
        return False
    return 3 <= len(text_words(line, timeout=timeout)) <= 30


def _site_part(before: str, key: str) -> bool:
    """``key`` ends a "Headline | Site" line as its site part: what stands before it, past the
    separator, has more words than it (a headline before a short site name)."""
    head = before[:-1].strip()
    return len(key.split()) <= 3 and len(head.split()) > len(key.split())


class HeadReader:
    """Reads the head of one view."""

    def __init__(
        self,
        view: View,
        min_score: float = MIN_SCORE,
        max_words: int = MAX_WORDS,
        *,
        topic: bool = False,
        margin: float = 0.0,
    ) -> None:
        self.view = view
        self.min_score = min_score
        self.topic = topic
        self.margin = margin
        self.max_words = max_words
        self.timeout = view.timeout
        self.folded = [fold(b.text) for b in view.blocks]
        self._bylines: dict[int, tuple[list[str], str | None] | None] = {}
        self._dates: dict[int, LineDates | None] = {}
        self._names: dict[int, bool] = {}
        self._standfirst: dict[tuple[int, int], int | None] = {}
        self._body: dict[tuple[int, int], frozenset[str]] = {}
        self._lines: frozenset[str] | None = None
        self._all_lines: frozenset[str] | None = None
        self._lower: frozenset[str] | None = None
        self._numbers: frozenset[int] | None = None

    def body_stems(self, start: int, limit: int = BODY_WORDS) -> frozenset[str]:
        """The content stems of the body's first ``limit`` words, from ``start`` on (kept lines
        only)."""
        key = (start, limit)
        if key not in self._body:
            found: set[str] = set()
            n = 0
            for k in range(start, len(self.view.blocks)):
                if self.view.reasons[k] is not None:
                    continue
                stems = content_stems(self.view.blocks[k].text[:5000], self.timeout)
                found.update(stems)
                n += len(stems)
                if n >= limit:
                    break
            self._body[key] = frozenset(found)
        return self._body[key]

    def evidence(self, i: int) -> str | None:
        """:meth:`meta`, or "byline" for a line an earlier filter removed as a byline or date."""
        kind = self.meta(i)
        if kind is None and self.view.reasons[i] == "boilerplate.author_box":
            return "byline"
        return kind

    def line_set(self) -> frozenset[str]:
        """The page's short lines, case-folded and without bullets."""
        if self._lines is None:
            self._lines = frozenset(
                fold(unbulleted(b.text)) for b in self.view.blocks if len(b.text) <= 60
            )
        return self._lines

    def list_numbers(self) -> frozenset[int]:
        """The list numbers that start the page's lines ("1. ", "2. ")."""
        if self._numbers is None:
            found = set()
            for b in self.view.blocks:
                got = list_number(b.text)
                if got is not None:
                    found.add(got[0])
            self._numbers = frozenset(found)
        return self._numbers

    def lower_words(self) -> frozenset[str]:
        """The words the page writes in lower case (not in an address): common words, which a
        name read without a byline word never holds ("Local News", "Street Style")."""
        if self._lower is None:
            found: set[str] = set()
            for b in self.view.blocks:
                for token in b.text[:5000].split():
                    w = token.strip(".,;:!?\"'()[]«»“”„‘’")
                    if w.isalpha() and w.islower():
                        found.add(w)
            self._lower = frozenset(found)
        return self._lower

    def plain_names(self, names: list[str], start: int) -> list[str]:
        """``names`` read without a byline word, or none when a word of one is written in lower
        case on the page (a common word: "Local News") or is a line of its own on it (a menu's
        section: "Gesundheit")."""
        if not names:
            return names
        lower = self.lower_words()
        particles = all_record_words("particle")
        for name in names:
            for w in name.split():
                f = w.casefold()
                if f in particles:
                    continue
                if f in lower or (len(f) >= 3 and f in self.line_set()):
                    return []
        return names

    def byline(self, i: int) -> tuple[list[str], str | None] | None:
        if i not in self._bylines:
            self._bylines[i] = parse_byline(self.view.blocks[i].text, self.timeout)
        return self._bylines[i]

    def names(self, i: int) -> bool:
        """A line of names alone ("Jane Doe, John Roe") beside a date line: a byline without a
        byline word."""
        if i not in self._names:
            text = self.view.blocks[i].text
            self._names[i] = bool(
                self.plain_names(name_list(text, self.timeout), 0)
            ) and _beside_head_line(self.view, self, i, dates_only=True)
        return self._names[i]

    def dates(self, i: int) -> LineDates | None:
        if i not in self._dates:
            self._dates[i] = line_dates(
                self.view.blocks[i].text, self.timeout, forms=self.view.forms
            )
        return self._dates[i]

    def agency(self, i: int) -> bool:
        text = self.view.blocks[i].text
        line = unbulleted(text)
        return len(text) <= 60 and (is_agency_line(line, self.timeout) or is_agency_name(line))

    def meta(self, i: int) -> str | None:
        """What kind of head line block ``i`` is: byline, date, agency, symbol, or None."""
        text = self.view.blocks[i].text
        if is_symbol_line(text):
            return "symbol"
        if self.byline(i) or is_byline_intro(text):
            return "byline"
        if self.dates(i):
            return "date"
        if self.names(i):
            return "byline"
        if self.agency(i):
            return "agency"
        return None

    def repeated(self, i: int, headline: str) -> int:
        """2 when another line holds the headline as one part of its own ("Headline | Site", a
        breadcrumb ending in it), 1 when another line is the same (a teaser of it elsewhere)."""
        key = fold(headline)
        if len(key) < 12:
            return 0
        best = 0
        for j, other in enumerate(self.folded):
            if j == i or key not in other:
                continue
            if other == key:
                best = 1
                continue
            at = other.find(key)
            before, after = other[:at].rstrip(), other[at + len(key) :].lstrip()
            crumb = not before or before[-1] in "|»›>/-–—:" or before.rstrip(".").isdigit()
            if crumb and before and not after and before[-1] in "|-–—:" and _site_part(before, key):
                continue  # the site's name after a longer headline: "Headline | Site"
            if crumb and (not after or after[0] in "|-–—:"):
                return 2
        return best

    def glued(self, i: int, text: str) -> bool:
        """Line ``i`` is another line of the page glued to a kicker or a crumb without a space
        ("Olympische SpieleOlympia 2022 in Peking", "StartseiteNews & mehr23.01.2022 - Headline"):
        its text before or after a glued place, of two words or more, stands as a line of its own
        elsewhere. A name written so ("SportScheck", "LinkedIn") stands alone nowhere, and a
        menu's one word ("Sport") is no kicker of it."""
        if len(text) > 300:
            return False
        if self._all_lines is None:
            self._all_lines = frozenset(fold(unbulleted(b.text)) for b in self.view.blocks)
        for m in GLUE_RE.finditer(text, timeout=self.timeout):
            for part in (text[: m.start()], text[m.start() :]):
                key = fold(part)
                if len(key.split()) >= 2 and key in self._all_lines and key != self.folded[i]:
                    return True
        return False

    def off_topic(self, i: int, start: int) -> bool:
        """None of the content words of line ``i`` (two or more) is in the body, which has
        :data:`BODY_MIN_WORDS` of its own: a prompt or a notice the filters left ("Get the
        newsletter everyone is talking about"), no part of the head."""
        words, shared, body = self._overlap(i, start)
        return words >= 2 and body >= BODY_MIN_WORDS and not shared

    def _overlap(self, i: int, start: int) -> tuple[int, int, int]:
        """How many content words line ``i`` has, how many of them are in the body from
        ``start``, and how many the body has."""
        stems = content_stems(self.view.blocks[i].text, self.timeout)
        body = self.body_stems(start)
        return len(stems), sum(1 for w in stems if w in body), len(body)

    def on_topic(self, i: int, start: int) -> bool:
        """Most of the content words of line ``i`` (two or more) are in the body."""
        words, shared, _ = self._overlap(i, start)
        return words >= 2 and shared >= ON_TOPIC * words

    def standfirst_of(self, i: int, start: int) -> int | None:
        """The line right below headline-like line ``i`` when it reads as its standfirst: a
        headline-like or prose line on the body's topic, with the head's lines (a byline, a
        date) or the body right after it ("Headline / Standfirst / By Jane Doe / Body")."""
        key = (i, start)
        if key not in self._standfirst:
            self._standfirst[key] = self._find_standfirst(i, start)
        return self._standfirst[key]

    def _find_standfirst(self, i: int, start: int) -> int | None:
        view = self.view
        j = _next_line(view, i)
        if j is None or j >= start:
            return None
        for k in (i, j):
            reason = view.reasons[k]
            if (reason is not None and reason not in SOFT_REASONS) or self.meta(k) is not None:
                return None
        got = _headline_text(view.blocks[i].text, self.timeout)
        if got is None or not PAIR_MIN_WORDS <= len(got[0].split()) <= self.max_words:
            return None
        text = view.blocks[j].text.strip()
        if len(text) > STANDFIRST_CHARS or is_caption(text):
            return None
        if not looks_like_prose(text) and _headline_text(text, self.timeout) is None:
            return None
        # a standfirst says more than its headline: a sentence, or more words (a shorter line
        # below a longer one is not its standfirst, and a line above a longer headline is a kicker)
        if not (
            looks_like_prose(text)
            or text[-1:] in STANDFIRST_ENDS
            or len(text.split()) > len(got[0].split())
        ):
            return None
        if not (self.on_topic(i, start) and self.on_topic(j, start)):
            return None
        seen = 0
        for k in range(j + 1, start + 1):
            if k == start or self.evidence(k) in ("byline", "date", "agency"):
                return j
            reason = view.reasons[k]
            if is_symbol_line(view.blocks[k].text) or (
                reason is not None and reason not in HEAD_REASONS
            ):
                continue  # chrome a rule knew ("Share") stands between
            seen += 1
            if seen >= STANDFIRST_GAP:
                break
        return None

    def candidate(self, i: int, start: int, slug: set[str]) -> tuple[float, str, str] | None:
        """``(score, headline, rule)`` for block ``i`` before the body start ``start``: the sum
        of :data:`EVIDENCE` for what speaks for and against it."""
        view = self.view
        reason = view.reasons[i]
        if reason is not None and reason not in SOFT_REASONS:
            return None
        got = _headline_text(view.blocks[i].text, self.timeout)
        if got is None and self.topic:
            got = self.short_headline(i, start)
        if got is None or self.meta(i) is not None:
            return None
        if numbered_item(view.blocks[i].text, self.list_numbers()):
            return None
        n_words = len(text_words(got[0], timeout=self.timeout))
        if n_words > self.max_words:
            return None
        headline, rule = got
        low = headline.casefold()
        if any(
            low.startswith(w)
            for w in (*all_record_words("published"), *all_record_words("updated"))
        ):
            return None  # a date line whose date did not parse
        if is_caption(headline):
            return None
        if self.topic and self.glued(i, unbulleted(view.blocks[i].text)):
            return None  # a kicker or a crumb glued to a line of its own
        stems = content_stems(headline, self.timeout)
        if not stems:
            return None  # dates, numbers and little words: no topic
        body = self.body_stems(start)
        shared = sum(1 for w in stems if w in body)
        top = (
            reason is None
            and n_words >= TOP_MIN_WORDS
            and all(view.reasons[k] is not None for k in range(i + 1, start))
            and not any(
                view.reasons[k] is None and not is_symbol_line(view.blocks[k].text)
                for k in range(i)
            )
        )
        if len(stems) >= 2 and not shared and len(body) >= BODY_MIN_WORDS and not top:
            # none of its words in the body: chrome, or another article's title (the text's
            # first line right above the body is left to the evidence: a headline may reword)
            return None
        standfirst = self.standfirst_of(i, start)
        above = _previous_line(view, i)
        under = above is not None and self.standfirst_of(above, start) == i
        found: dict[str, float] = {
            "top_line": float(top and not under),
            "standfirst_below": float(standfirst is not None),
            "headline_above": float(under),
        }
        # what follows: the head's lines, a standfirst, the body
        seen = 0
        first_after: str | None = None
        for j in range(i + 1, min(len(view.blocks), start + 1)):
            kind = self.evidence(j)
            if kind == "symbol":
                continue
            seen += 1
            if seen > AFTER:
                break
            if j == start:
                found["body_below"] = 1.0
                first_after = first_after or "prose"
                break
            if kind is not None:
                first_after = first_after or kind
                # a byline or date right below the headline; further down, weaker evidence
                found["head_line_below" if seen <= 2 else "head_line_further"] = 1.0
                continue
            text = view.blocks[j].text
            if view.reasons[j] is not None and view.reasons[j] not in SOFT_REASONS:
                continue  # chrome a rule knew ("Share", "Get a summary") says nothing either way
            if first_after is None:
                if looks_like_prose(text) or (
                    len(text) >= 60 and text.rstrip()[-1:] in ".!?…»\"'”"
                ):
                    first_after = "prose"
                elif _headline_text(text, self.timeout) is not None and view.reasons[j] is None:
                    first_after = "heading"
                else:
                    first_after = "other"
        found["prose_below"] = float(first_after == "prose")
        about = len(stems) >= 2 and shared >= ON_TOPIC * len(stems)
        found["on_topic"] = float(self.topic and about and len(stems) >= TOPIC_STEMS)
        owned = self.owned_head_line_above(i, start)
        found["head_line_above"] = float(
            not owned
            and i >= 1
            and any(self.evidence(k) in ("date", "byline") for k in range(max(0, i - 2), i))
        )
        found["under_head"] = float(owned)
        found["crumbs_above"] = float(self.topic and self.crumbs_above(i))
        found["menu_end"] = float(
            self.topic
            and reason in SOFT_REASONS
            and len(stems) >= 2
            and self.ends_menu(i, headline)
        )
        if self.topic and not about:
            found["top_line"] = 0.0  # the first line above the body, but not about it
        repeated = self.repeated(i, headline)
        found["repeated"] = float(repeated == 1)
        found["title_line"] = float(repeated == 2)
        found["linked"] = float(reason in ("boilerplate.link_list", "boilerplate.duplicate"))
        between = self.between(
            i, start, past_off_topic=self.topic and found.get("head_line_below", 0.0) > 0
        )
        if standfirst is not None and view.reasons[standfirst] is None:
            between -= 1  # the standfirst is part of the head
        found["between"] = min(5, between) / 5
        found["tight_head"] = float(
            self.topic
            and between == 0
            and first_after in ("byline", "date")
            and found.get("head_line_below", 0.0) > 0
            and found.get("body_below", 0.0) > 0
            and not self.held_above(i)
        )
        if slug:
            hw = {w.casefold() for w in text_words(headline, timeout=self.timeout)}
            found["slug"] = float(len(slug & hw) >= max(2, 0.6 * len(slug)))
        score = sum(EVIDENCE[k] * v for k, v in found.items())
        return score, headline, rule

    def held_above(self, i: int) -> bool:
        """The head goes on above line ``i``: the line above is kept and no byline or date
        line, or it is a copy of line ``i`` (the headline twice, the copy above)."""
        above = _previous_line(self.view, i)
        if above is None:
            return False
        if self.folded[above] == self.folded[i]:
            return True
        return self.view.reasons[above] is None and self.evidence(above) is None

    def short_headline(self, i: int, start: int) -> tuple[str, str] | None:
        """A headline too short for :func:`_headline_text` (two words: "Tach auch!", "OUTDOOR
        LOVERS"), read only where a head stands tight around it: a byline or date line right
        below it and the body right after that, or a byline or date line right above it and the
        body right below it."""
        line = unbulleted(self.view.blocks[i].text)
        if not line or line[:1] != self.view.blocks[i].text.strip()[:1] or len(line) > 120:
            return None  # a list item
        first = line.lstrip("\"'“‘„‚«»‹›¿¡([")[:1]
        if not (first.isupper() or first.isdigit()):
            return None
        if len(text_words(line, timeout=self.timeout)) != 2:
            return None
        if sum(1 for w in line.split() if sum(c.isalpha() for c in w) >= 2) < 2:
            return None
        if TITLE_BAD_END_RE.search(line, timeout=self.timeout):
            return None  # "Home:", "Read more…", "Photo credit."
        if name_list(line, self.timeout):
            return None  # "Jane Doe" above a date line: the byline's name
        below = _next_line(self.view, i)
        above = _previous_line(self.view, i)
        if below is None or below > start:
            return None
        if below == start:
            tight = above is not None and self.evidence(above) in ("byline", "date")
        else:
            after = _next_line(self.view, below)
            tight = self.evidence(below) in ("byline", "date") and after == start
        return (line, "short") if tight else None

    def owned_head_line_above(self, i: int, start: int) -> bool:
        """A byline or date line stands just above line ``i`` (within two lines) and right below
        another headline-like line on the body's topic (past up to :data:`HEAD_RUN` more byline
        or date lines): the head is above, and line ``i`` is a standfirst, a subheading or a
        caption below it. A breadcrumb's numbered item is no such headline."""
        for k in range(i - 1, max(-1, i - 3), -1):
            if self.evidence(k) not in ("date", "byline"):
                continue
            above = _previous_line(self.view, k)
            for _ in range(HEAD_RUN):  # past the head's other lines: "By Jane Doe / 3 May 2024"
                if above is None or self.evidence(above) not in ("date", "byline"):
                    break
                above = _previous_line(self.view, above)
            if above is None:
                return False
            reason = self.view.reasons[above]
            if reason is not None and reason not in SOFT_REASONS:
                return False
            text = self.view.blocks[above].text
            if self.meta(above) is not None or numbered_item(text, self.list_numbers()):
                return False  # a head line, or a breadcrumb's last item ("5. Politics")
            got = _headline_text(text, self.timeout)
            return got is not None and self.on_topic(above, start)
        return False

    def ends_menu(self, i: int, headline: str) -> bool:
        """Line ``i`` stands out at the end of a menu: the :data:`MENU_LINES` lines above it were
        removed too, and they are short (a median of :data:`MENU_WORDS` words or fewer) while the
        headline has :data:`MENU_RATIO` times as many words or more. A related list's headlines
        are as long as it, a menu's items, tags and crumbs are not."""
        counts: list[int] = []
        k = i - 1
        while k >= 0 and len(counts) < MENU_LINES:
            text = self.view.blocks[k].text
            if not is_symbol_line(text):
                if self.view.reasons[k] is None:
                    return False
                counts.append(len(unbulleted(text).split()))
            k -= 1
        if len(counts) < MENU_LINES:
            return False  # the text's first lines: a site's name and its slogan
        median = statistics.median(counts)
        return median <= MENU_WORDS and len(headline.split()) >= MENU_RATIO * max(1, median)

    def crumbs_above(self, i: int, last: int | None = None) -> bool:
        """Line ``i`` stands right below a numbered breadcrumb: the lines above it (symbol lines
        skipped) count down to "1. " item by item ("1. Home / 2. Health / 3. Flu"), at least
        :data:`CRUMB_ITEMS` of them, each of :data:`CRUMB_WORDS` words or fewer. A page's
        breadcrumb ends at the page's own headline. ``last``: the number the item right above
        must have."""
        expect = last
        items = 0
        k = i - 1
        while k >= 0:
            text = self.view.blocks[k].text.strip()
            k -= 1
            if is_symbol_line(text):
                continue
            got = list_number(text)
            if got is None or len(text.split()) - 1 > CRUMB_WORDS:
                return False
            n = got[0]
            if expect is not None and n != expect:
                return False
            items += 1
            if n == 1:
                return items >= CRUMB_ITEMS
            expect = n - 1
        return False

    def between(self, i: int, start: int, *, past_off_topic: bool = False) -> int:
        """How many kept lines between ``i`` and the body start are not head lines; a picture's
        caption or credit there ("Photo: Jane Doe / Agency") belongs to the head's picture."""
        return sum(
            1
            for k in range(i + 1, start)
            if self.view.reasons[k] is None
            and self.meta(k) is None
            and not is_caption(self.view.blocks[k].text)
            and not (past_off_topic and self.off_topic(k, start))
        )

    def headline(self, start: int, floor: int = 0) -> tuple[int, str, str] | None:
        """The best candidate, when it reaches the score and no other headline comes within the
        margin of it (two as good: no title). A tie goes to the line nearer the body; another
        copy of the same headline, and the lines right above and below it (a kicker, a
        standfirst), are no rivals."""
        slug = slug_words(self.view.url)
        found: list[tuple[float, int, str, str]] = []
        for i in range(start - 1, max(floor - 1, start - 1 - WINDOW), -1):
            got = self.candidate(i, start, slug)
            if got is not None:
                found.append((got[0], i, got[1], got[2]))
        if not found:
            return None
        best = max(found, key=lambda c: (c[0], c[1]))
        if best[0] < self.min_score:
            return None
        key = fold(best[2])
        # the lines right above and below it are its kicker or standfirst, not a rival headline
        near = {_previous_line(self.view, best[1]), _next_line(self.view, best[1])}
        for score, k, text, _ in found:
            if score <= best[0] - self.margin or k in near:
                continue
            if fold(text) != key and not same_headline(text, best[2]):
                return None
        return best[1], best[2], best[3]


def read_head(
    view: View,
    *,
    dateline: bool = True,
    min_score: float = MIN_SCORE,
    max_words: int = MAX_WORDS,
    topic: bool = False,
    margin: float = 0.0,
) -> Head:
    """The head of the article in ``view``."""
    head = Head()
    start = body_start(view)
    if start is None:
        return head
    reader = HeadReader(view, min_score, max_words, topic=topic, margin=margin)
    found = reader.headline(start)
    if found is None and topic:
        later = _later_start(view, start)
        if later is not None:
            found = reader.headline(later, floor=start + 1)
            if found is not None:
                start = later
    top = max(0, start - 8)
    if found is not None:
        head.title, head.title_text, head.title_rule = found
        top = max(0, head.title - 3)
    _read_lines(view, reader, head, top, start)
    if not head.authors:
        _nearest_byline(view, reader, head, start)
    if not head.authors:
        _tail_byline(view, reader, head, start)
    if dateline:
        _read_dateline(view, head, start)
    if head.title is not None:
        _read_section(view, head)
        _crumb_copy(view, reader, head)
    return head


def _crumb_copy(view: View, reader: HeadReader, head: Head) -> None:
    """A numbered breadcrumb's last item right above the headline that copies it ("1. Home /
    2. Press / 3. Wind power gains ground" above "Wind power gains ground") leaves the body with
    the head, as the breadcrumb's part of it."""
    assert head.title is not None
    k = _previous_line(view, head.title)
    if k is None or view.reasons[k] is not None:
        return
    text = view.blocks[k].text.strip()
    got = list_number(text)
    if got is None or fold(text[got[1] :]) != fold(head.title_text):
        return
    if reader.crumbs_above(k, last=got[0] - 1):
        head.section_lines.append(k)


def _later_start(view: View, start: int) -> int | None:
    """The next paragraph of prose after ``start`` when the lines right after ``start`` were
    removed as chrome: a notice standing alone among the page's chrome ("Javascript is off",
    "Welcome to our site", a newsletter's call) reads as prose above the article's head."""
    nxt = _next_line(view, start)
    if nxt is None or view.reasons[nxt] is None:
        return None
    later = body_start(view, nxt)
    if later is None or later - start > WINDOW:
        return None
    if any(view.reasons[k] in TEASER_CODES for k in range(start + 1, later)):
        return None  # a list of other articles follows the paragraph: the body has begun
    return later


def _nearest_byline(view: View, reader: HeadReader, head: Head, start: int) -> None:
    """A byline with its intro ("By Jane Doe") near the body's start, when the head held none."""
    lo, hi = max(0, start - WINDOW), min(len(view.blocks), start + 3)
    for j in sorted(range(lo, hi), key=lambda k: abs(k - start)):
        if j == start or j == head.title or j in head.byline or j in head.dates:
            continue
        reason = view.reasons[j]
        if reason is not None and reason not in HEAD_REASONS:
            continue
        by = reader.byline(j)
        if by is not None and by[0]:
            head.authors, head.authors_at = by[0], j
            head.byline.append(j)
            if head.published is None:
                _read_dates(view, reader, head, j)  # "Posted on 3 May 2024 by Jane Doe"
            return


#: how many lines past the article's last paragraph a byline at its end may stand; an "About the
#: author" heading, which says whose box it is, may stand below the article's tags too
TAIL_GAP = 3
ABOUT_GAP = 8


def is_about_author(text: str) -> bool:
    """The heading of an author box: "About the author", "Über die Autorin", "O autorze"."""
    key = fold(unbulleted(text)).strip(" :").replace("’", "'")
    return key in all_record_words("about_author")


def _bio_name(text: str) -> str | None:
    """The author a line below an "About the author" heading names: the whole line ("Jane Doe"),
    or the name a sentence about her starts with ("Jane Doe is a senior fellow at …")."""
    line = unbulleted(text).strip()
    name = name_of(line, strict=True)
    if name is not None or not looks_like_prose(line):
        return name
    run, ended = _name_run(line, shouted=False)
    return name_of(run, strict=True) if run is not None and ended else None


#: an author box may be followed by this many short notes ("Opinions are the author's own")
BOX_NOTES = 2
BOX_NOTE_CHARS = 200


def _notes(view: View, lines: list[int]) -> bool:
    """``lines`` are a few short notes below an author box, not paragraphs of the article."""
    return len(lines) <= BOX_NOTES and all(
        len(view.blocks[k].text) <= BOX_NOTE_CHARS for k in lines
    )


def _related_headline(view: View, k: int) -> bool:
    """Line ``k`` reads as another article's headline (kept or removed): a byline below it is
    that article's."""
    got = _headline_text(view.blocks[k].text, view.timeout)
    return got is not None and len(got[0].split()) >= PAIR_MIN_WORDS


def _tail_byline(view: View, reader: HeadReader, head: Head, start: int) -> None:
    """An author box at the end of the article, when the head held no byline: a byline ("Posted
    on 3 May 2024 by Jane Doe") or an "About the author" heading and a line starting with a name,
    after the article's last paragraph (a few lines at most, no headline between: a related
    article's byline follows its headline) and with no paragraph of the article after it (below
    an "About the author" box, a short note or two: "Opinions are the author's own")."""
    n = len(view.blocks)
    prose = [
        k
        for k in range(start, n)
        if view.reasons[k] is None and looks_like_prose(view.blocks[k].text)
    ]
    for j in range(start + 1, n):
        reason = view.reasons[j]
        if reason is not None and reason not in HEAD_REASONS:
            continue
        text = view.blocks[j].text
        box: set[int] = {j}
        names: list[str] = []
        byline_form = False
        if is_about_author(text):
            k = _next_line(view, j)
            name = _bio_name(view.blocks[k].text) if k is not None else None
            if k is None or name is None:
                continue
            box.add(k)
            names = [name]
        elif len(text) <= 160:
            by = reader.byline(j)
            if by is None or not by[0]:
                continue
            names, byline_form = by[0], True
        else:
            continue
        before = [k for k in prose if k < j and k not in box]
        after = [k for k in prose if k > max(box)]
        if not before or (after and (byline_form or not _notes(view, after))):
            continue  # no paragraph above it, or one of the article's below it
        between = [k for k in range(before[-1] + 1, j) if not is_symbol_line(view.blocks[k].text)]
        if len(between) >= (TAIL_GAP if byline_form else ABOUT_GAP) or any(
            _related_headline(view, k) for k in between
        ):
            continue
        head.authors, head.authors_at = names, j if byline_form else max(box)
        if byline_form:
            head.byline.append(j)
            if head.published is None:
                _read_dates(view, reader, head, j)  # "Posted on 3 May 2024 by Jane Doe"
        return


#: how a byline's names were read: without a byline word ("Jane Doe" beside a date), with one
PLAIN, INTRODUCED = 1, 2


def _read_lines(view: View, reader: HeadReader, head: Head, top: int, start: int) -> None:
    """Bylines, dates and agency credits between ``top`` and the body start; the standfirst."""
    intro = False
    below = head.title is not None and top > head.title  # below the headline
    names_at: int | None = None  # the last line whose names were read
    strength = 0  # how the authors were read: PLAIN (no byline word) or INTRODUCED
    plain_ok = head.title is None  # a name line above the headline needs a date line beside it
    for j in range(top, start):
        if j == head.title:
            below = True
            continue
        reason = view.reasons[j]
        if reason is not None and reason not in HEAD_REASONS:
            intro = False
            continue
        text = view.blocks[j].text
        if is_symbol_line(text):
            continue
        by = reader.byline(j)
        this = INTRODUCED
        if by is None and intro:
            # the names on the line after "By" (or after a joiner line "and")
            line = unbulleted(text)
            name = name_of(line, shouted=True) or (line if is_handle(line) else None)
            by = ([name], None) if name else None
        if by is None and below and names_at is not None and is_joiner_line(text):
            intro = True  # "By / Jane Doe / and / John Roe"
            head.byline.append(j)
            names_at = j
            continue
        intro = is_byline_intro(text)
        if intro and (below or _next_is_name(view, j)):
            head.byline.append(j)
            continue
        if by is None and reader.dates(j) is None and reader.agency(j) is False:
            this = PLAIN
            names = reader.plain_names(_trimmed(reader, name_list(text, view.timeout)), start)
            placed = below and (
                _previous_line(view, j) == head.title or _next_line(view, j) == start
            )
            if names and (placed or _beside_head_line(view, reader, j, dates_only=not plain_ok)):
                by = (names, None)
        if by is None and reader.dates(j) is not None and strength < PLAIN:
            names = reader.plain_names(
                _trimmed(reader, names_beside_date(text, view.timeout)), start
            )
            if names:
                head.authors, head.authors_at = names, j
                names_at, strength = j, PLAIN
        if by is not None:
            names, agency = by
            if names and names_at is not None and names_at == _previous_line(view, j):
                head.authors.extend(n for n in names if n not in head.authors)
                names_at = j
            elif names and (not head.authors or this > strength):
                # a byline with a byline word outdoes names read without one
                head.authors, head.authors_at = _trimmed(reader, names), j
                names_at, strength = j, this
            if agency and head.agency is None:
                head.agency = agency
                head.agency_at = (j, view.blocks[j].span)
            head.byline.append(j)
            _read_dates(view, reader, head, j)  # "By Jane Doe | 3 May 2024"
            continue
        if _read_dates(view, reader, head, j):
            head.dates.append(j)
            continue
        if reader.agency(j):
            if head.agency is None:
                head.agency = unbulleted(text).strip("()")
                head.agency_at = (j, view.blocks[j].span)
            head.byline.append(j)
            continue
        if (
            head.title is not None
            and j > head.title
            and head.subtitle is None
            and not head.byline
            and not head.dates
            and reason is None
            and looks_like_prose(text)
            and len(text) <= 400
            and _has_head_line_after(view, reader, j, start)
        ):
            head.subtitle = j


def _read_dates(view: View, reader: HeadReader, head: Head, j: int) -> bool:
    """The published and updated dates of line ``j``, when it is a date line."""
    dates = reader.dates(j)
    if dates is None:
        return False
    offset = view.blocks[j].span[0]
    if dates.published and head.published is None:
        d, (a, b) = dates.published
        head.published = (d.isoformat(), j, (offset + a, offset + b))
    if dates.updated and head.updated is None:
        d, (a, b) = dates.updated
        head.updated = (d.isoformat(), j, (offset + a, offset + b))
    return True


def _next_is_name(view: View, j: int) -> bool:
    """The line after ``j`` (past symbol lines) is a name: "By / Jane Doe"."""
    for k in range(j + 1, min(len(view.blocks), j + 3)):
        text = view.blocks[k].text
        if is_symbol_line(text):
            continue
        line = unbulleted(text)
        return name_of(line, shouted=True) is not None or is_handle(line)
    return False


def is_joiner_line(text: str) -> bool:
    """A line that only joins two names: "and", "und", "&"."""
    return fold(unbulleted(text)) in all_record_words("joiner")


def is_role_line(text: str) -> bool:
    """A line that only gives an author's role: "Political Editor", "Redakteurin"."""
    return fold(unbulleted(text)).strip(" .") in all_record_words("writer")


def _previous_line(view: View, j: int) -> int | None:
    """The line before ``j`` that holds a letter or digit."""
    for k in range(j - 1, -1, -1):
        if not is_symbol_line(view.blocks[k].text):
            return k
    return None


def _next_line(view: View, j: int) -> int | None:
    """The line after ``j`` that holds a letter or digit."""
    for k in range(j + 1, len(view.blocks)):
        if not is_symbol_line(view.blocks[k].text):
            return k
    return None


def _beside_head_line(view: View, reader: HeadReader, j: int, *, dates_only: bool = False) -> bool:
    """A date line, a byline word or an author's role on the line before or after ``j`` (a date
    line only, with ``dates_only``)."""
    for step in (-1, 1):
        k = j + step
        while 0 <= k < len(view.blocks) and is_symbol_line(view.blocks[k].text):
            k += step
        if not 0 <= k < len(view.blocks):
            continue
        text = view.blocks[k].text
        if reader.dates(k) is not None:
            return True
        if not dates_only and (is_byline_intro(text) or is_role_line(text)):
            return True
    return False


def _trimmed(reader: HeadReader, names: list[str]) -> list[str]:
    """Names of three words or more lose a last word that is a line of its own elsewhere on the
    page (a section in its menu: "Jane Doe Sport")."""
    out = []
    for name in names:
        words = name.split()
        if len(words) >= 3 and fold(words[-1]) in reader.line_set():
            name = " ".join(words[:-1])
        out.append(name)
    return out


def _has_head_line_after(view: View, reader: HeadReader, j: int, start: int) -> bool:
    """A byline or date follows the line before the body: the line is a standfirst."""
    return any(reader.meta(k) in ("byline", "date") for k in range(j + 1, start))


def _read_dateline(view: View, head: Head, start: int) -> None:
    text = view.blocks[start].text[:120]
    offset = view.blocks[start].span[0]
    m = search(DATELINE_RE, text, timeout=view.timeout)
    if m is not None and len(m.group("place")) >= 3:
        place = m.group("place").strip()
        if m.group("region"):
            place = f"{place}, {m.group('region')}"
        head.dateline = (place, start, (offset + m.start("place"), offset + m.end()))
        agency = m.group("agency")
        if agency and head.agency is None and is_agency_line(agency, view.timeout):
            head.agency = agency.strip()
            head.agency_at = (start, (offset + m.start("agency"), offset + m.end("agency")))
        return
    m = search(AGENCY_OPEN_RE, text, timeout=view.timeout)
    if m is not None and head.agency is None and is_agency_line(m.group("agency"), view.timeout):
        head.agency = m.group("agency").strip()
        head.agency_at = (start, (offset + m.start("agency"), offset + m.end("agency")))


def _read_section(view: View, head: Head) -> None:
    """The breadcrumb or kicker just above the headline."""
    assert head.title is not None
    key = fold(head.title_text)
    for k in range(head.title - 1, max(-1, head.title - 4), -1):
        text = unbulleted(view.blocks[k].text)
        if not text or is_symbol_line(text):
            continue
        parts = [p.strip() for p in CRUMB_RE.split(text, timeout=view.timeout) if p.strip()]
        if len(parts) >= 2 and all(len(p.split()) <= 4 for p in parts[:-1]):
            crumbs = [p for p in parts if fold(p) != key and fold(p) not in key]
            if crumbs and len(crumbs[-1].split()) <= 4 and not crumbs[-1][:1].isdigit():
                head.section = (crumbs[-1], k)
                if view.reasons[k] is not None:
                    head.section_lines.append(k)
            return
        kicker_reasons = (None, *SOFT_REASONS, "boilerplate.navigation")
        if (
            k == head.title - 1
            and 1 <= len(text.split()) <= 3
            and view.reasons[k] in kicker_reasons
            and not any(c.isdigit() for c in text)
            and not text.endswith((".", ":", "!", "?"))
        ):
            head.section = (text.strip(" /"), k)
            if view.reasons[k] is not None:
                head.section_lines.append(k)
        return


def _lift(head: Head, kept: list[Block]) -> Head:
    """``head`` read from the kept blocks alone, in the draft's block numbers."""

    def at(k: int | None) -> int | None:
        return None if k is None else kept[k].index

    out = Head(
        title=at(head.title),
        title_text=head.title_text,
        title_rule=head.title_rule,
        subtitle=at(head.subtitle),
        byline=[kept[k].index for k in head.byline],
        authors=list(head.authors),
        authors_at=at(head.authors_at),
        agency=head.agency,
        dates=[kept[k].index for k in head.dates],
        section=None if head.section is None else (head.section[0], kept[head.section[1]].index),
    )
    if head.agency_at is not None:
        out.agency_at = (kept[head.agency_at[0]].index, head.agency_at[1])
    if head.published is not None:
        out.published = (head.published[0], kept[head.published[1]].index, head.published[2])
    if head.updated is not None:
        out.updated = (head.updated[0], kept[head.updated[1]].index, head.updated[2])
    return out


#: the most lines the earlier filters removed that may stand between a headline found by the
#: plain reading of the body and the body below it
FAR_ABOVE = 8
#: the fewest words of a removed line that repeats such a headline
MIN_COPY_WORDS = 3


def far_above(view: View, head: Head) -> bool:
    """Whether more than ``FAR_ABOVE`` removed lines stand between ``head``'s headline and the
    first body line below it (a site's slogan above the menus, not the article's headline). A
    headline repeated by a removed line between (the page's title line "Headline - Site" at the
    top, the headline itself with the menus) is near its body however far."""
    assert head.title is not None
    taken = {*head.byline, *head.dates, *head.section_lines, head.subtitle}
    headline = view.blocks[head.title].text.strip().casefold()
    removed = 0
    far = False
    for k in range(head.title + 1, len(view.blocks)):
        if view.reasons[k] is None and k not in taken:
            return far
        if view.reasons[k] is not None:
            line = view.blocks[k].text.strip().casefold()
            if len(line.split()) >= MIN_COPY_WORDS and headline.startswith(line):
                return False
            removed += 1
            far = removed > FAR_ABOVE
    return False


@dataclass(frozen=True, slots=True, kw_only=True)
class DetectTitle:
    """Find the headline and the head's lines around it, and read them into the record.

    The headline moves into ``title`` (``structure.title``), a standfirst into ``subtitle``,
    bylines into ``authors``/``agency``, date lines into ``published``/``updated``, a breadcrumb or
    kicker into ``section``, a dateline's place ("KYIV (Reuters) —") into ``dateline``. A title
    the input gave stays; a headline in the text that differs from it is flagged.
    """

    name: ClassVar[str] = "detect_title"
    stage: ClassVar[Stage] = Stage.STRIP
    codes: ClassVar[tuple[str, ...]] = (
        "structure.title",
        "structure.subtitle",
        "structure.byline",
        "structure.date",
        "structure.section",
        "headline.conflict",
    )
    max_words: int = MAX_WORDS
    fields: bool = True
    min_score: float = 3.0
    #: a headline's words in the body count for it, and the first line above the body must share
    #: them (``page``: a page holds many headline-like lines)
    topic: bool = False
    #: how far ahead of every other headline the chosen one must score (``page``: 1)
    margin: float = 0.0

    def apply(self, draft: Draft, /) -> Proposal:
        if not draft.blocks:
            return EMPTY
        view = View.of(draft)
        head = read_head(
            view,
            min_score=self.min_score,
            max_words=self.max_words,
            topic=self.topic,
            margin=self.margin,
        )
        head = self._stable(draft, view, head)
        return self._proposal(draft, head)

    def _stable(self, draft: Draft, view: View, head: Head) -> Head:
        """Cleaning the body again must take nothing more from it.

        The body left is read again as a plain text would be (what a second cleaning sees).
        Head lines found there are taken now, and a headline found there after ours is the
        standfirst. When the head read with the earlier filters' help does not settle so, the
        plain reading of the body is taken instead, settled the same way; failing that, nothing.
        """
        if head.title is None and not head.byline and not head.dates:
            head = Head()
        for candidate in (head, None):
            settled = self._settle(view, candidate)
            if settled is not None:
                if candidate is None and settled.title is not None:
                    settled.title_withheld = far_above(view, settled)
                return settled
        return Head()

    def _plain(self, view: View, gone: set[int]) -> tuple[list[Block], Head]:
        kept = [b for b in view.blocks if view.reasons[b.index] is None and b.index not in gone]
        plain = View(
            [Block(k, b.text, b.span, b.para) for k, b in enumerate(kept)],
            [None] * len(kept),
            None,
            view.timeout,
            view.forms,
        )
        return kept, read_head(
            plain,
            dateline=False,
            min_score=self.min_score,
            max_words=self.max_words,
            topic=self.topic,
            margin=self.margin,
        )

    def _settle(self, view: View, head: Head | None) -> Head | None:
        if head is None:
            # the plain reading of the body as it stands, in the draft's block numbers
            kept, again = self._plain(view, set())
            head = _lift(again, kept)
        for _ in range(3):
            kept, again = self._plain(view, self._taken(head))
            if not self._taken(again):
                return head
            if again.title is not None:
                index = kept[again.title].index
                if head.subtitle is not None or head.title is None or index < head.title:
                    return None
                head.subtitle = index
                if again.subtitle is not None:
                    return None
            head.byline.extend(kept[k].index for k in again.byline)
            head.dates.extend(kept[k].index for k in again.dates)
            head.section_lines.extend(kept[k].index for k in again.section_lines)
        return None

    @staticmethod
    def _taken(head: Head) -> set[int]:
        gone = {*head.byline, *head.dates, *head.section_lines}
        if head.title is not None:
            gone.add(head.title)
        if head.subtitle is not None:
            gone.add(head.subtitle)
        return gone

    def _proposal(self, draft: Draft, head: Head) -> Proposal:
        blocks = draft.blocks
        removals: list[BlockRemoval] = []
        fields: dict[str, object] = {}
        sources: dict[str, tuple[tuple[int, int], str]] = {}
        title: str | None = None
        flags: tuple[Flag, ...] = ()
        if head.title is not None:
            i = head.title
            removals.append(BlockRemoval(i, "structure.title", head.title_rule, replace=True))
            if draft.title_given and draft.title is not None:
                if not same_headline(head.title_text, draft.title):
                    flags = (
                        Flag(
                            "headline.conflict",
                            blocks[i].span,
                            f"the given title {draft.title!r} differs from the text's headline "
                            f"{head.title_text!r}",
                            {"given": draft.title, "in_text": head.title_text},
                        ),
                    )
            elif not head.title_withheld:
                title = head.title_text
                sources["title"] = (blocks[i].span, head.title_rule)
        if not self.fields:
            return Proposal(removals=tuple(removals), title=title, flags=flags, sources=sources)
        if head.subtitle is not None:
            b = blocks[head.subtitle]
            removals.append(BlockRemoval(b.index, "structure.subtitle", "standfirst"))
            fields["subtitle"] = b.text.strip()
            sources["subtitle"] = (b.span, "standfirst")
        for k in head.byline:
            removals.append(BlockRemoval(k, "structure.byline", "byline", replace=True))
        for k in head.dates:
            removals.append(BlockRemoval(k, "structure.date", "date_line", replace=True))
        for k in head.section_lines:  # a kept kicker stays in the body, a crumb's copy goes
            removals.append(BlockRemoval(k, "structure.section", "section", replace=True))
        if head.authors and head.authors_at is not None:
            fields["authors"] = tuple(head.authors)
            sources["authors"] = (blocks[head.authors_at].span, "byline")
        if head.agency and head.agency_at is not None:
            fields["agency"] = head.agency
            sources["agency"] = (head.agency_at[1], "agency")
        if head.published is not None:
            fields["published"] = head.published[0]
            sources["published"] = (head.published[2], "date_line")
        if head.updated is not None:
            fields["updated"] = head.updated[0]
            sources["updated"] = (head.updated[2], "date_line")
        if head.dateline is not None:
            fields["dateline"] = head.dateline[0]
            sources["dateline"] = (head.dateline[2], "dateline")
        if head.section is not None:
            fields["section"] = head.section[0]
            sources["section"] = (blocks[head.section[1]].span, "section")
        return Proposal(
            removals=tuple(removals), title=title, flags=flags, fields=fields, sources=sources
        )


#: what a line left alone by ``strip_symbol_lines`` may hold
ELLIPSIS_LINE = "… \t"


@dataclass(frozen=True, slots=True, kw_only=True)
class StripSymbolLines:
    """Remove lines that hold no letter and no digit ("*", "»", "+", "‑‑‑‑") as
    ``structure.empty``: they say nothing, and a scraped page leaves many. A line of ellipses
    only stays: NEL (U+0085) is normalized to "…", and a line of it was blank in the input, which
    no removal may record; cleaning the result again must leave it as well."""

    name: ClassVar[str] = "strip_symbol_lines"
    stage: ClassVar[Stage] = Stage.STRIP
    codes: ClassVar[tuple[str, ...]] = ("structure.empty",)

    def apply(self, draft: Draft, /) -> Proposal:
        removals = []
        for b in draft.blocks:
            if draft.is_removed(b.index) or len(b.text) > 200 or not is_symbol_line(b.text):
                continue
            if not b.text.strip(ELLIPSIS_LINE):
                continue  # NEL is read as a mis-decoded "…": a line of it was blank before
            removals.append(BlockRemoval(b.index, "structure.empty", "symbols_only"))
        return Proposal(removals=tuple(removals))
