"""The template filter's data: placeholder words, wiki and HTML names, leftover phrases.

Leftover phrases come from ``data/lang/<xx>/leftovers.txt`` (syntax in ``lang/en/leftovers.txt``) and are compiled
here into the patterns the rules match, with the words the gates look for.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

import regex

from newsclean._patterns import (
    Pattern,
    compile_pattern,
    finditer,
    phrase_lines,
)
from newsclean.errors import PatternDataError
from newsclean.lang import entries, languages_with

KINDS = ("token", "empty_value", "filler", "leftover")


def leftover_languages() -> tuple[str, ...]:
    """The languages whose pack has leftover phrases (``data/lang/<xx>/leftovers.txt``)."""
    return languages_with("leftovers.txt")


LANGUAGES = leftover_languages()

_SP = r"[^\S\n]"  # a space that is not a line break

#: single-word wiki templates that leak from wiki pages: markup, not unfilled slots
_WIKI_TEMPLATES = frozenset(
    [
        "reflist",
        "refbegin",
        "refend",
        "notelist",
        "cite",
        "citation",
        "sfn",
        "efn",
        "lang",
        "ipa",
        "convert",
        "main",
        "see",
        "cn",
        "fact",
        "nowrap",
        "circa",
        "flagicon",
        "flag",
        "small",
        "smallcaps",
        "abbr",
        "ill",
        "wikt",
        "anchor",
        "harvnb",
        "rp",
        "refn",
        "ref",
        "portal",
        "commons",
        "defaultsort",
        "coord",
        "ndash",
        "mdash",
        "nbsp",
        "clear",
        "clarify",
        "when",
        "who",
        "which",
        "dead",
        "stub",
        "sic",
        "citation_needed",
        "cquote",
        "quote",
        "blockquote",
        "infobox",
        "navbox",
        "sortname",
        "dts",
        "age",
    ]
)

#: upper-case HTML element names: leaked markup, not placeholders
_HTML_TAGS = frozenset(
    [
        "A",
        "ABBR",
        "ADDRESS",
        "B",
        "BR",
        "BODY",
        "DATA",
        "DIV",
        "EM",
        "FORM",
        "H1",
        "H2",
        "H3",
        "H4",
        "H5",
        "H6",
        "HEAD",
        "HR",
        "HTML",
        "I",
        "IMG",
        "INPUT",
        "LI",
        "LINK",
        "META",
        "OL",
        "P",
        "PRE",
        "SCRIPT",
        "SMALL",
        "SOURCE",
        "SPAN",
        "STRONG",
        "STYLE",
        "TABLE",
        "TD",
        "TH",
        "TIME",
        "TITLE",
        "TR",
        "U",
        "UL",
    ]
)


@functools.lru_cache(maxsize=1)
def placeholder_vocabulary() -> dict[str, str]:
    """Lower-cased word -> role (noun, insert, prefix, joiner), from ``templates/placeholders.txt``."""
    table: dict[str, str] = {}
    for lineno, line in phrase_lines("templates/placeholders.txt"):
        word, _, role = line.partition("\t")
        role = role.strip()
        if role not in {"noun", "insert", "prefix", "joiner"}:
            msg = f"data/templates/placeholders.txt:{lineno}: unknown role {role!r}"
            raise PatternDataError(msg)
        table.setdefault(word.strip().casefold(), role)
    return table


# generation leftovers: phrase data compiled to patterns


def _phrase_to_regex(phrase: str) -> str:
    """Compile one entry of a ``leftovers.txt`` (syntax in ``lang/en/leftovers.txt``) to a pattern."""
    out: list[str] = []
    i = 0
    n = len(phrase)

    def literal(text: str) -> str:
        parts = []
        for ch in text:
            if ch == " ":
                parts.append(_SP + "{1,3}")
            elif ch in "'’":
                parts.append("['’]")
            elif ch in "!?:;":
                parts.append(_SP + "?" + "\\" + ch)
            elif ch == "#":
                parts.append(r"\d{1,6}")
            elif ch == "…":
                parts.append(r"[^\n]{0,80}?")
            elif ch == "*":
                parts.append(r"\w{0,20}")
            else:
                parts.append(regex.escape(ch))
        return "".join(parts)

    while i < n:
        ch = phrase[i]
        if ch == "(":
            j = phrase.find(")", i)
            if j < 0:
                msg = f"unbalanced '(' in {phrase!r}"
                raise ValueError(msg)
            alts = phrase[i + 1 : j].split("|")
            glued = i > 0 and phrase[i - 1] != " "
            i = j + 1
            # an optional group absorbs the space after it, so "(a|) b" matches "b"; glued to
            # the word before it, the empty choice keeps that space: "seguito(,|) trovi"
            if "" in alts and i < n and phrase[i] == " ":
                alts = [a + " " if a or glued else a for a in alts]
                i += 1
            out.append("(?:" + "|".join(literal(a) for a in alts) + ")")
            continue
        if ch == "$" and i == n - 1:
            # the sentence ends: a full stop or "!" (not inside a quotation), or the line ends,
            # after a closing bracket or the emphasis marks the line's start may open with
            # ("*Approximately 750 words*")
            out.append(_SP + r"{0,2}(?:[.!…]{1,3}(?![\w”\"’»])|[)*_]{0,3}$)")
            i += 1
            continue
        j = i
        while j < n and phrase[j] not in "()" and not (phrase[j] == "$" and j == n - 1):
            j += 1
        out.append(literal(phrase[i:j]))
        i = j
    body = "".join(out)
    last = phrase.rstrip("$)")[-1:]
    if last.isalnum() or last == "*":
        body += r"(?!\w)"
    return body


_LETTERS_RE = compile_pattern(r"[^\W\d_]{1,60}")


def _segments(phrase: str) -> list[list[str]]:
    """A phrase as a list of segments, each a list of alternatives (one for plain text)."""
    out: list[list[str]] = []
    i = 0
    while i < len(phrase):
        if phrase[i] == "(":
            j = phrase.find(")", i)
            if j < 0:
                msg = f"unbalanced '(' in {phrase!r}"
                raise ValueError(msg)
            out.append(phrase[i + 1 : j].split("|"))
            i = j + 1
        else:
            j = phrase.find("(", i)
            j = len(phrase) if j < 0 else j
            out.append([phrase[i:j]])
            i = j
    return out


def _letters(text: str) -> list[str]:
    return [m.group().casefold() for m in finditer(_LETTERS_RE, text)]


def _first_words(phrase: str) -> set[str]:
    """Every word a line can begin with when it begins with ``phrase``."""
    words: set[str] = set()
    for alts in _segments(phrase):
        open_ended = False
        for alt in alts:
            found = _letters(alt)
            if found:
                words.add(found[0])
            else:
                open_ended = True
        if not open_ended:
            break
    return words


def _keywords(phrase: str) -> frozenset[str]:
    """Words of which a text must contain at least one to hold ``phrase``.

    Every plain word is such a set on its own, and so is a group whose alternatives all have a
    word (one word from each); the set whose shortest word is longest is the most selective.
    """
    options: list[frozenset[str]] = []
    for alts in _segments(phrase):
        words = [_letters(a) for a in alts]
        if len(alts) == 1:
            options += [frozenset([w]) for w in words[0]]
        elif all(words):
            options.append(frozenset(max(w, key=len) for w in words))
    if not options:
        return frozenset([""])  # no safe keyword: always look
    return max(options, key=lambda o: (min(map(len, o)), -len(o)))


@dataclass(frozen=True, slots=True)
class _Anywhere:
    """One phrase that may stand anywhere, and the words one of which a text must hold."""

    lang: str
    pattern: Pattern
    keywords: frozenset[str]


@dataclass(frozen=True, slots=True)
class _Leftovers:
    start: Pattern  # phrases that begin a line; the group name says the language
    anywhere: tuple[_Anywhere, ...]  # phrases that may stand anywhere
    first_words: frozenset[str]  # a line's first word must begin with one of these
    longest_first: int  # the length of the longest first word


@functools.lru_cache(maxsize=16)
def leftover_sources(
    lang: str,
) -> tuple[tuple[tuple[str, frozenset[str]], ...], tuple[_Anywhere, ...], frozenset[str]]:
    """One language's leftover phrases: start sources with their first words, anywhere
    phrases, and all first words."""
    start: list[tuple[str, frozenset[str]]] = []
    anywhere: list[_Anywhere] = []
    first: set[str] = set()
    for entry in entries(lang, "leftovers.txt"):
        phrase, where = entry.text, entry.tag
        if where not in {"start", "anywhere"}:
            msg = f"{entry.where}: where must be 'start' or 'anywhere', not {where!r}"
            raise PatternDataError(msg)
        try:
            pattern = _phrase_to_regex(phrase.strip())
            if where == "start":
                words = frozenset(_first_words(phrase.strip()))
                first |= words
                start.append((pattern, words))
            else:
                compiled = compile_pattern(r"(?i)(?<!\w)" + pattern)
                anywhere.append(_Anywhere(lang, compiled, _keywords(phrase.strip())))
        except (ValueError, regex.error) as exc:
            msg = f"{entry.where}: {exc}"
            raise PatternDataError(msg) from exc
    return tuple(start), tuple(anywhere), frozenset(first)


@functools.lru_cache(maxsize=16)
def leftover_patterns(languages: tuple[str, ...]) -> _Leftovers:
    """One pattern for line starts over all ``languages``, and the phrases that stand anywhere.

    In the start pattern each language is a named group ``L_<lang>``, so a match tells its
    language.
    """
    anywheres: list[_Anywhere] = []
    first: set[str] = set()
    for lang in languages:
        _, anywhere, lang_first = leftover_sources(lang)
        first |= lang_first
        anywheres += anywhere
    return _Leftovers(
        start_pattern(languages),
        tuple(anywheres),
        frozenset(first),
        max(map(len, first), default=0),
    )


@functools.lru_cache(maxsize=256)
def start_pattern(languages: tuple[str, ...], words: frozenset[str] | None = None) -> Pattern:
    """The pattern for line starts, with only the phrases that may begin with one of ``words``
    (all phrases when ``words`` is None); the phrases keep their order."""
    starts: list[str] = []
    for lang in languages:
        start = [p for p, first in leftover_sources(lang)[0] if words is None or first & words]
        if start:
            starts.append(f"(?P<L_{lang}>" + "|".join(start) + ")")
    never = "(?!)"
    return compile_pattern(
        r"(?i)^"
        + _SP
        + r"{0,4}[-–—>*#_\"“„«•·(\[]{0,4}"
        + _SP
        + r"{0,2}(?:"
        + ("|".join(starts) or never)
        + ")"
    )
