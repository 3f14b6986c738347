"""Unresolved template tokens, leaked empty values, filler and generation leftovers.

:class:`FlagTemplates` reports one finding per occurrence, with the matched text and its *kind* in
the evidence (``{"kind": "jinja", "token": "{{ title }}"}``):

``template.token``
    A placeholder syntax that was never filled: ``{NAME}``, ``{{ name }}``, ``{% … %}``,
    ``${name}``, ``#{name}``, ``%(name)s``, printf ``%s``, ``{0}``, ``[[NAME]]``, ``[Your Name]``,
    ``[INSERT …]``, ``<NAME>``, ``<<NAME>>``, ``__NAME__``, ``$NAME$``, ``<%= … %>``.
``template.empty_value``
    ``undefined``, ``null``, ``NaN``, ``None`` or ``[object Object]`` where a value belongs.
``template.filler``
    Lorem ipsum; ``TODO``, ``TBD``, ``XXX`` standing in for content.
``template.leftover``
    The preamble or tail of a rewrite step ("Here is the rewritten article:"), in the languages
    of ``data/templates/<lang>.txt``.

Precision comes first: every pattern needs a shape that prose, code samples, maths, wiki markup
and editorial brackets do not have, and the ambiguous shapes are dropped in code-like or
programming context (see ``docs/templates.md``). Every pattern is linear by construction: it
starts with a literal, its repetitions are bounded and it has no nested quantifiers.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, ClassVar

import regex

from newsclean._patterns import (
    DEFAULT_TIMEOUT,
    Match,
    Pattern,
    compile_pattern,
    data_files,
    finditer,
    literal_find,
    literal_pattern,
    literal_starts,
    phrase_lines,
)
from newsclean._patterns import match as match_pattern
from newsclean._patterns import search as search_pattern
from newsclean.codes import Severity
from newsclean.errors import ConfigError, PatternDataError
from newsclean.filters.shapes import (
    Place,
    ShapeHit,
    bracket_slot,
    line_hits,
    reported_speech,
)
from newsclean.pipeline import Block, BlockRemoval, Draft, Flag, Proposal, Stage
from newsclean.registry import register_filter
from newsclean.voice import voice_table, words_of

KINDS = ("token", "empty_value", "filler", "leftover")
LANGUAGES = ("en", "de", "fr", "es", "it", "pt", "nl", "pl")

_SP = r"[^\S\n]"  # a space that is not a line break

# ---------------------------------------------------------------------------------------------
# placeholder syntaxes


@dataclass(frozen=True, slots=True)
class _Syntax:
    kind: str  # evidence kind, e.g. "jinja"
    needle: str  # a substring every match contains: a fast skip
    pattern: Pattern
    check: str = ""  # how to judge the captured name: "ident", "wiki", "vocab", "upper_vocab",
    # "angle_vocab" (upper_vocab without HTML element names) or ""
    weak: bool = False  # dropped in programming documents and near code
    maths: str = ""  # dropped on lines with maths "symbols", or also with set words ("sets")


# fmt: off
_SYNTAXES: tuple[_Syntax, ...] = (
    _Syntax("jinja", '{{', compile_pattern(
        r"\{(?<![{\w]\{)\{\{?" + _SP + r"{0,3}[#/^>&!]?" + _SP + r"{0,2}(?P<name>[A-Za-z_$][\w.$]{0,59})"
        + r"(?:" + _SP + r"{0,3}\|[^{}\n]{0,80}|[\[(][^{}\n]{0,80})?" + _SP + r"{0,3}\}\}\}?"),
        check="wiki", weak=True),
    _Syntax("jinja_block", '{%', compile_pattern(
        r"\{%[-+]?" + _SP + r"{0,3}[A-Za-z][^{}%\n]{0,80}%\}"), weak=True),
    _Syntax("erb", '<%', compile_pattern(r"<%[=#-]?" + _SP + r"{1,3}[^%<>\n]{1,80}%>"), weak=True),
    _Syntax("dollar_brace", '${', compile_pattern(
        r"\$\{" + _SP + r"{0,2}[A-Za-z_][\w.]{0,59}" + _SP + r"{0,2}\}"), weak=True),
    _Syntax("hash_brace", '#{', compile_pattern(r"#\{[A-Za-z_@][\w.]{0,59}\}"), weak=True),
    _Syntax("python_percent", '%(', compile_pattern(
        r"%\([A-Za-z_][\w.]{0,59}\)[-+#0]?\d{0,3}(?:\.\d{1,3})?[sdifr](?![A-Za-z])"), weak=True),
    _Syntax("printf", '%', compile_pattern(
        r"%(?<![\w%\\]%)(?:\d{1,2}\$)?[-+#0]{0,2}\d{0,3}(?:\.\d{1,3})?l{0,2}[sdiuf](?![\w%-])"),
        weak=True),
    _Syntax("format_index", '{', compile_pattern(
        r"\{(?<![\w\\{}$#^_%@]\{)\d{0,2}(?::[<>^=+#0-9.,_a-zA-Z%-]{1,15})?\}(?!\})"),
        weak=True, maths="sets"),
    _Syntax("brace", '{', compile_pattern(
        r"\{(?<![\w\\{}$#^_%@]\{)" + _SP + r"{0,2}(?P<name>[A-Za-z_][\w.-]{0,59})" + _SP
        + r"{0,2}\}(?!\})"), check="ident", maths="sets"),
    _Syntax("double_bracket", '[[', compile_pattern(
        r"\[\[" + _SP + r"{0,2}(?P<name>[^\[\]|\n]{1,60}?)" + _SP + r"{0,2}\]\]"), check="vocab"),
    _Syntax("bracket", '[', compile_pattern(
        r"\[(?<!\[\[)" + _SP + r"{0,2}(?P<name>[^\[\]\n]{1,60}?)" + _SP + r"{0,2}\](?![\](:])"),
        check="vocab"),
    _Syntax("double_angle", '<<', compile_pattern(
        r"<<" + _SP + r"?(?P<name>[A-Z][A-Z0-9_ ]{0,40}?)" + _SP + r"?>>"), check="angle_vocab"),
    _Syntax("angle", '<', compile_pattern(
        r"<(?<![<\w]<)(?P<name>[A-Z][A-Z0-9_ ]{0,40}?)>(?!>)"), check="angle_vocab", weak=True),
    _Syntax("dunder", '__', compile_pattern(
        r"__(?<!\w__)(?P<name>[A-Z][A-Z0-9_]{0,58}[A-Z0-9])__(?!\w)"), check="upper_vocab",
        weak=True),
    _Syntax("dollar", '$', compile_pattern(
        r"\$(?<![\w$\\]\$)(?P<name>[A-Z][A-Z0-9_]{1,59})\$(?![\w$])"), check="upper_vocab",
        weak=True, maths="symbols"),
)
# fmt: on

#: every syntax in one pattern, for short lines; group ``k_<kind>`` tells which matched
_TOKEN_RE = compile_pattern("|".join(f"(?P<k_{x.kind}>{x.pattern.pattern})" for x in _SYNTAXES))

#: the characters one of which every placeholder syntax holds (a fast skip for plain prose)
_TOKEN_CHARS = frozenset("{}[]<>%$_")

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

_VOCAB_WORD_RE = compile_pattern(r"[\w'’-]{1,40}|[/&]")


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


def _is_snake(content: str) -> bool:
    """``AUTHOR_NAME``, ``first_name``, ``user_name.first``: an identifier with an underscore."""
    parts = content.replace(".", "_").split("_")
    return (
        "_" in content
        and 2 <= len(parts) <= 7
        and content[:1].isalpha()
        and all(p.isascii() and p.isalnum() for p in parts)
    )


def _is_upper_or_title(words: Sequence[str]) -> bool:
    letters = [w for w in words if any(c.isalpha() for c in w)]
    if not letters:
        return False
    if all(w.isupper() for w in letters):
        return True
    if all(w[0].isupper() or w.casefold() in _LOWER_OK for w in letters):
        return True  # Title Case
    # Sentence case of two words or more: "[Company name]", "[Nom de la ville]"
    return len(letters) >= 2 and letters[0][0].isupper() and all(w.islower() for w in letters[1:])


_LOWER_OK = frozenset({"of", "the", "and", "or", "de", "du", "des", "la", "le", "del", "di", "da"})


def is_placeholder_phrase(
    content: str, *, upper_only: bool = False, timeout: float | None = DEFAULT_TIMEOUT
) -> bool:
    """Whether the inside of a bracket names a slot rather than saying something.

    >>> is_placeholder_phrase("Company Name"), is_placeholder_phrase("VIDEO")
    (True, False)
    >>> is_placeholder_phrase("Insert quote from the mayor here"), is_placeholder_phrase("sic")
    (True, False)
    """
    content = content.strip()
    if not content or len(content) > 60:
        return False
    if _is_snake(content):
        return not upper_only or content.isupper()
    if upper_only and not content.replace("_", "").replace(" ", "").isupper():
        return False
    vocab = placeholder_vocabulary()
    first = content.split(None, 1)
    if vocab.get(first[0].casefold()) == "insert":
        # "[Insert quote here]", "[INSERT NAME]": an instruction, whatever follows
        return len(first) == 2 and (first[0].isupper() or first[0].istitle() or first[0].islower())
    words = [m.group() for m in finditer(_VOCAB_WORD_RE, content, timeout=timeout)]
    if not words or "".join(words) != "".join(content.split()):
        return False  # other punctuation: not a slot name
    roles = [vocab.get(w.casefold(), "") for w in words]
    if roles[0] == "prefix":
        rest = roles[1:]
        return bool(rest) and "noun" in rest and all(r in {"noun", "joiner"} for r in rest)
    if "" in roles or "insert" in roles or "prefix" in roles or "noun" not in roles:
        return False
    if len(words) == 1:  # "[NAME]" is a slot; "[Name]", "[Email]" are as often link texts
        return bool(words[0].isupper())
    return _is_upper_or_title(words)


def _name_ok(syntax: _Syntax, match: Match, timeout: float | None) -> bool:
    if not syntax.check:
        return True
    name = match.group("name")
    if syntax.check == "ident":
        if "_" in name or "." in name.strip("."):
            return True
        letters = name.replace("-", "")
        if letters.isupper():
            return len(letters) >= 2
        if len(letters) < 3:
            return False
        if any(c.isupper() for c in letters[1:]):
            return True  # camelCase: "{vendorCount}"
        # a plain word is a slot only when it names one: "{title}", "{Author}"; not "{nothing}"
        return letters.casefold() in _slot_words()
    if syntax.check == "wiki":
        return name.casefold() not in _WIKI_TEMPLATES
    if syntax.check == "angle_vocab":
        return name.strip() not in _HTML_TAGS and is_placeholder_phrase(
            name, upper_only=True, timeout=timeout
        )
    if syntax.check == "upper_vocab":
        return is_placeholder_phrase(name, upper_only=True, timeout=timeout)
    table = voice_table(LANGUAGES)
    words = name.split(None, 1)
    if len(words) > 1 and words[0].casefold() in words_of("editorial_heads", LANGUAGES):
        return False  # "[The company] has paid": an editor's insertion, not a slot
    if is_placeholder_phrase(name, timeout=timeout):
        return True
    # a slot noun or an instruction verb at the head or tail, in any of the languages
    return syntax.kind == "bracket" and bool(bracket_slot(name, table))


@functools.lru_cache(maxsize=1)
def _slot_words() -> frozenset[str]:
    """One-word slot names: the slot nouns of every language and the placeholder nouns."""
    nouns = {w for w, role in placeholder_vocabulary().items() if role == "noun"}
    return frozenset(nouns) | words_of("slot_nouns", LANGUAGES)


# ---------------------------------------------------------------------------------------------
# empty values and filler

_BY = r"(?i:by|written by|posted by|von|par|por|di|door|przez|autor|author)"
_NONE_LABELS = (
    r"(?i:author|by|byline|published|updated|date|title|source|category|tags|location|image|"
    r"caption|credit|price|url|name|views)"
)

# fmt: off
_EMPTY: tuple[tuple[str, Pattern], ...] = (
    ("object", compile_pattern(r"\[object [A-Z]\w{0,30}\]")),
    ("label_value", compile_pattern(
        r"(?<=\w" + _SP + r"?):" + _SP + r"{0,3}(?P<value>undefined|null|NaN)(?=" + _SP
        + r"{0,3}(?:$|[|·•,;/)\]–—]))")),
    ("label_value", compile_pattern(
        r"(?<=(?<!\w)" + _NONE_LABELS + _SP + r"?):" + _SP + r"{0,3}(?P<value>None)(?=" + _SP
        + r"{0,3}(?:$|[|·•,;/)\]–—]))")),
    ("byline", compile_pattern(
        r"(?<!\w)" + _BY + _SP + r"{1,3}(?P<value>undefined|null|NaN|None)(?=" + _SP
        + r"{0,3}(?:$|[|·•,;)\]–—-]|(?i:on|am|le|el|il|op|\d)\b))")),
    ("published", compile_pattern(
        r"(?<!\w)(?i:published|updated|posted|modified)(?:" + _SP + r"(?i:on|at))?" + _SP
        + r"{1,3}(?P<value>undefined|null|NaN)(?!\w)")),
    ("unit", compile_pattern(r"[$€£¥]" + _SP + r"?(?P<value>NaN|undefined)(?!\w)")),
    ("unit", compile_pattern(
        r"(?<!\w)(?P<value>NaN|undefined)" + _SP
        + r"?(?:%|€|(?i:min(?:ute)?s?" + _SP + r"read|views?|comments?|likes?|shares?)(?!\w))")),
    ("pair", compile_pattern(r"(?<!\w)(?P<value>undefined" + _SP + r"undefined)(?!\w)")),
    ("line", compile_pattern(
        r"^[\W_]{0,4}(?P<value>undefined|null|NaN)[\W_]{0,4}$")),
)

_FILLER: tuple[tuple[str, Pattern], ...] = (
    ("lorem", compile_pattern(
        r"(?i)(?<!\w)(?:lorem" + _SP + r"{1,3}ipsum|dolor" + _SP + r"sit" + _SP + r"amet|consectetur"
        + _SP + r"adipiscing|sed" + _SP + r"do" + _SP + r"eiusmod)(?!\w)")),
    ("todo", compile_pattern(r"^[^\w\n]{0,4}(?:TODO|FIXME|TBD)" + _SP + r"{0,2}:" + _SP)),
    ("bracketed", compile_pattern(r"\[(?:TBD|TODO|TK|XXX|FIXME)(?:[^\[\]\w][^\[\]\n]{0,60})?\]")),
    ("line", compile_pattern(r"^[^\w\n]{0,4}(?:TBD|TODO|XXX|TK|FIXME)[^\w\n]{0,4}$")),
    ("xxx", compile_pattern(
        r"[$€£]" + _SP + r"?X{2,6}(?![\w])|(?<!\w)X{1,3},XXX(?!\w)|(?<!\w)XX(?:[.,]X{1,2})?"
        + _SP + r"?%")),
)
# fmt: on

_LOREM_GAP = 300  # lorem cues closer than this are one occurrence

#: substrings one of which a line must hold for each kind to look further (see ``_hits``)
_EMPTY_CUES = ("undefined", "null", "NaN", "None", "[object ")
#: what a lorem ipsum match holds, in every letter case the pattern accepts ...
_LOREM_CUES = ("orem", "amet", "adipiscing", "eiusmod")
#: ... looked for in a line: the standard library's IGNORECASE pairs at least the letters
#: ``regex``'s (?i) does ("ſ" with "s", "İ" with "i"); plain literals, so one linear scan
_LOREM_CUE_RE = re.compile("|".join(_LOREM_CUES), re.IGNORECASE)
_FILLER_CUES = ("TODO", "TBD", "XX", "TK", "FIXME")


# ---------------------------------------------------------------------------------------------
# generation leftovers: phrase data compiled to patterns


def _phrase_to_regex(phrase: str) -> str:
    """Compile one entry of ``data/templates/<lang>.txt`` (syntax in ``en.txt``) to a pattern."""
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
            # the sentence ends: a full stop or "!" (not inside a quotation), or the line ends
            out.append(_SP + r"{0,2}(?:[.!…]{1,3}(?![\w”\"’»])|\)?$)")
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
    relative = f"templates/{lang}.txt"
    for lineno, line in phrase_lines(relative):
        phrase, _, where = line.partition("\t")
        where = where.strip()
        if where not in {"start", "anywhere"}:
            msg = f"data/{relative}:{lineno}: where must be 'start' or 'anywhere', not {where!r}"
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
            msg = f"data/{relative}:{lineno}: {exc}"
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


@functools.lru_cache(maxsize=4096)
def _start_pattern_for(languages: tuple[str, ...], word: str) -> Pattern | None:
    """The start pattern for a line whose first word is ``word``, or None when none can match.

    A phrase matches only a line whose first word begins with one of the phrase's first
    words: the letters ``regex`` takes for those of the phrase files when it ignores case are
    the letters that ``str.casefold`` folds to them, save "İ", which folds to "i" and a
    combining dot, so a first word with that dot gets every phrase.
    """
    pats = leftover_patterns(languages)
    prefixes = {word[:n] for n in range(1, min(len(word), pats.longest_first) + 1)}
    firsts = prefixes.intersection(pats.first_words)
    if not firsts:
        return None
    if "\u0307" in word:
        return pats.start
    return start_pattern(languages, frozenset(firsts))


def leftover_languages() -> tuple[str, ...]:
    """The languages with a leftover phrase file."""
    return tuple(
        name[:-4] for name in data_files("templates") if name.endswith(".txt") and len(name) == 6
    )


# ---------------------------------------------------------------------------------------------
# context: code samples, maths, programming articles

# fmt: off
_CODE_SIGNALS = (
    # a statement ending in ";" on a line with "(" or "=", or a line ending in "{"
    r"^(?=[^\n]{0,400}[(=])[^\n]{0,400}[\w)\]}'\"]" + _SP + r"{0,3};" + _SP + r"{0,3}$",
    r"[\w)]" + _SP + r"{0,3}\{" + _SP + r"{0,3}$",
    r"^" + _SP + r"{0,8}\}[;),]{0,2}" + _SP + r"{0,3}(?:$|else|catch|while)",
    # line starts: prompts, keywords, preprocessor
    r"^" + _SP + r"{0,8}(?:[$#>%]" + _SP + r"|>>>" + _SP + r"|def" + _SP + r"\w|class" + _SP
    + r"\w{1,40}[:(]|import" + _SP + r"[\w.]{1,40}$|from" + _SP + r"[\w.]{1,40}" + _SP
    + r"import|return(?:" + _SP + r"|;|$)|(?:var|let|const)" + _SP + r"\w{1,40}" + _SP
    + r"?=|function" + _SP + r"?\w{0,40}\(|(?:public|private|static)" + _SP + r"\w"
    + r"|(?:if|for|while)" + _SP + r"?\(|#include|<\?php)",
    # operators between operands, calls, tags
    r"\w" + _SP + r"?(?:==|!=|&&|\|\||\+=|:=|=>)" + _SP + r"?[\w\"'(]",
    r"\w->\w|\w\(\)|\w\([^()\n]{0,40}\)" + _SP + r"{0,2}[;{]|console\.|print\(|printf\(",
    r"</?[a-z][a-z0-9]{0,10}(?:" + _SP + r"[^<>\n]{0,80})?>",
    r"^" + _SP + r"{4}|^\t",
)
_CODE_LINE_RE = compile_pattern("|".join(_CODE_SIGNALS))
# fmt: on
_CLI_FLAG_RE = compile_pattern(r"(?<!\S)--?[A-Za-z][\w-]{0,20}(?=\s)")
_MATHS_RE = compile_pattern(r"[=∈∉∪∩⊂⊆⊃∅≤≥≠∑∫√^×÷]")
_SETS_RE = compile_pattern(
    r"[=∈∉∪∩⊂⊆⊃∅≤≥≠∑∫√^×÷]|(?i:(?<!\w)(?:sets?|subsets?|Mengen?|ensembles?|conjuntos?|insiem[ei]"
    + r"|zbi[oó]r\w{0,3}|verzameling\w{0,2})(?!\w))"
)
# fmt: off
_PROGRAMMING_TERMS = (
    "printf", "sprintf", "format strings?", "string formatting", "python", "javascript",
    "typescript", "php", "ruby", "perl", "golang", "rust", "c\\+\\+", "c#", "jinja2?", "django",
    "flask", "mustache", "handlebars", "templating", "template engines?", "placeholders?",
    "interpolation", "variables?", "syntax", "source code", "compiler", "bash", "shell",
    "regex", "github", "npm", "json", "yaml", "html", "css", "sql", "programming",
    "programmers?", "developers?", "code snippets?", "stack overflow", "erb", "asp\\.net", "java",
)
#: programming words as words, not inside a URL or file name ("index.php", "/java/")
_PROGRAMMING_RE = compile_pattern(
    r"(?i)(?<![\w./-])(?:" + "|".join(t.replace(" ", _SP) for t in _PROGRAMMING_TERMS)
    + r")(?![\w/-]|\.\w)"
)
# fmt: on


def _term_start(term: str) -> str:
    """The letters a programming term begins with (less one followed by "?"), or its first two
    characters ("c#")."""
    letters = len(term) - len(term.lstrip("abcdefghijklmnopqrstuvwxyz"))
    if term[letters : letters + 1] == "?":
        letters -= 1
    return term[:letters] if letters >= 2 else term.replace("\\", "")[:2]


#: what a match of ``_PROGRAMMING_RE`` begins with, lower-cased
_PROGRAMMING_STARTS = literal_pattern(
    frozenset(_term_start(t) for t in _PROGRAMMING_TERMS), after_lowercase=False
)


def _programming_matches(text: str, timeout: float | None) -> Iterator[Match]:
    """The matches of ``_PROGRAMMING_RE`` in ``text``, as ``finditer`` gives them.

    The pattern is tried only where the lower-cased text holds the start of a term. Every
    letter the pattern takes for an ASCII letter when it ignores case lower-cases to that
    letter, save "ſ" (kept as it is, so replaced by "s") and "İ", whose lower case is longer:
    when lower-casing keeps the length, a match lies where it does in the lower-cased text.
    No character but a word character lower-cases to an ASCII letter, so a match never
    follows one there.
    """
    lowered = text.lower().replace("ſ", "s")
    if len(lowered) != len(text):
        yield from finditer(_PROGRAMMING_RE, text, timeout=timeout)
        return
    end = 0
    for at, _ in literal_starts(_PROGRAMMING_STARTS, lowered):
        if at < end:
            continue
        found = match_pattern(_PROGRAMMING_RE, text, pos=at, timeout=timeout)
        if found is not None:
            yield found
            end = found.end()


_LONG_LINE = 2_000  # longer lines are judged by a window around each match
_WINDOW = 300
_PROGRAMMING_SCAN = 100_000  # a programming article shows itself in its first 100 kB
_HUGE_LINE = 20_000  # in longer lines, leftovers are looked for near both ends only
_HUGE_EDGE = 5_000
_URLISH_RE = compile_pattern(r"[/=&?]|://|www\.")


@functools.lru_cache(maxsize=16)
def _keyword_prefixes(keywords: frozenset[str]) -> dict[str, frozenset[str]]:
    """Each non-empty keyword -> the keywords it begins with (itself included)."""
    words = [k for k in keywords if k]
    return {w: frozenset(k for k in words if w.startswith(k)) for w in words}


#: ASCII letters from the most to the least common in news text; the others are rarer still
_COMMON_LETTERS = "enirtasodlhucmgbfpkwvzyjqx"
_ANCHOR_LENGTH = 4  # an anchor this long is seldom found where its keyword is not


@functools.lru_cache(maxsize=16)
def _keyword_anchors(keywords: frozenset[str]) -> dict[str, tuple[tuple[str, int], ...]]:
    """Each anchor -> the keywords holding it and where: an anchor is the tail of a keyword
    (``_ANCHOR_LENGTH`` letters or more, or the whole keyword) that begins with one of a few
    uncommon letters.

    Scanning for the anchors instead of the keywords stops at far fewer places. The letters
    are found by leaving out the most common ones while every keyword keeps a place to begin.
    """
    words = sorted(k for k in keywords if k)

    def starts(word: str) -> range:
        return range(len(word) - min(_ANCHOR_LENGTH, len(word)) + 1)

    def commonness(letter: str) -> int:
        at = _COMMON_LETTERS.find(letter)
        return 0 if at < 0 else len(_COMMON_LETTERS) - at

    letters = {word[j] for word in words for j in starts(word)}
    for letter in _COMMON_LETTERS:
        fewer = letters - {letter}
        if all(any(word[j] in fewer for j in starts(word)) for word in words):
            letters = fewer
    anchors: dict[str, list[tuple[str, int]]] = {}
    for word in words:
        offset = min(
            (j for j in starts(word) if word[j] in letters),
            key=lambda j: (commonness(word[j]), j),
        )
        anchors.setdefault(word[offset:], []).append((word, offset))
    return {anchor: tuple(found) for anchor, found in anchors.items()}


#: every code signal and command-line flag needs one of these; most lines of prose have none
_CODE_CUE_RE = compile_pattern(
    r"[;{}=&|(<-]|console\.|^\s|^[$#>%]|^(?:def|class|import|from|return|var|let|const|function"
    r"|public|private|static|if|for|while)"
)


#: a code signal holds one of these, or starts its line with a space or one of
#: ``_CODE_LINE_STARTS`` (a prompt, ``<?php``, a keyword) after spaces
_CODE_LINE_MARKS = (
    ";",
    "{",
    "}",
    "<",
    "->",
    "()",
    "==",
    "!=",
    "&&",
    "||",
    "+=",
    ":=",
    "=>",
    "console.",
    "print",
)
_CODE_LINE_STARTS = (
    "$",
    "#",
    ">",
    "%",
    "<",
    "def",
    "class",
    "import",
    "from",
    "return",
    "var",
    "let",
    "const",
    "function",
    "public",
    "private",
    "static",
    "if",
    "for",
    "while",
)


def _may_hold_code_signal(line: str) -> bool:
    """False when ``_CODE_LINE_RE`` cannot match ``line``: most lines of prose (a few substring
    tests instead of a pattern tried at every position).

    Every whitespace the pattern knows is ``str.isspace``, so ``lstrip`` passes at least the
    spaces the pattern may skip at the start of the line.
    """
    if line[:1].isspace() or line.lstrip().startswith(_CODE_LINE_STARTS):
        return True
    return any(mark in line for mark in _CODE_LINE_MARKS)


def _code_like(line: str, timeout: float | None) -> bool:
    if search_pattern(_CODE_CUE_RE, line, timeout=timeout) is None:
        return False
    if _may_hold_code_signal(line) and search_pattern(_CODE_LINE_RE, line, timeout=timeout):
        return True
    flags = itertools.islice(finditer(_CLI_FLAG_RE, line, timeout=timeout), 2)
    return sum(1 for _ in flags) >= 2


@dataclass(slots=True)
class _Context:
    """Lazily computed facts about a draft that decide whether an ambiguous match counts."""

    draft: Draft
    _code: dict[int, bool] = field(default_factory=dict)
    _live: list[int] | None = None
    _ticks: dict[int, tuple[int, int]] = field(default_factory=dict)
    _maths: dict[tuple[int, str], bool] = field(default_factory=dict)
    _programming: bool | None = None
    _active: tuple[_Anywhere, ...] | None = None
    _present: frozenset[str] | None = None
    _folded: tuple[str, list[int]] | None = None
    _starts: list[int] | None = None
    _block_keywords: dict[int, set[str]] | None = None  # block -> the keywords it holds
    _keyword_hits: dict[int, set[str]] = field(default_factory=dict)
    leads: dict[int, Match] = field(default_factory=dict)  # block -> its leftover at the start
    shape_memo: dict[tuple[str, Place], list[ShapeHit]] = field(default_factory=dict)

    def code_line(self, index: int) -> bool:
        if index not in self._code:
            blocks = self.draft.blocks
            self._code[index] = 0 <= index < len(blocks) and (
                _code_like(blocks[index].text[:_LONG_LINE], self.draft.regex_timeout)
                or self._indented_originally(blocks[index])
            )
        return self._code[index]

    def _indented_originally(self, block: Block) -> bool:
        """Whether the line was indented like code before whitespace was unified: the
        indentation is the code cue, and normalization trims it."""
        draft = self.draft
        if draft.text is draft.original or block.text[:1].isspace():
            return False
        start = draft.original_span(block.span)[0]
        line_start = draft.original.rfind("\n", 0, start) + 1
        return draft.original.startswith(_CODE_INDENTS, line_start)

    def near_code(self, index: int) -> bool:
        """Whether the line or one of the two nearest lines on each side still in the text
        (not blank, not removed) looks like code: the lines a second cleaning would see."""
        if self.code_line(index):
            return True
        live = self._live_lines()
        at = bisect.bisect_left(live, index)
        after = at + 1 if at < len(live) and live[at] == index else at
        near = live[max(0, at - _CODE_NEIGHBOURS) : at] + live[after : after + _CODE_NEIGHBOURS]
        return any(self.code_line(i) for i in near)

    def _live_lines(self) -> list[int]:
        """The indices of the lines still in the text, in order (found once per document)."""
        if self._live is None:
            draft = self.draft
            self._live = [
                b.index for b in draft.blocks if b.text.strip() and not draft.is_removed(b.index)
            ]
        return self._live

    def backticks(self, block: Block) -> tuple[int, int]:
        """Where the first and last backtick of a line are (-1 when there is none)."""
        found = self._ticks.get(block.index)
        if found is None:
            found = self._ticks[block.index] = (block.text.find("`"), block.text.rfind("`"))
        return found

    def maths(self, block: Block, which: str) -> bool:
        key = (block.index, which)
        if key not in self._maths:
            pattern = _SETS_RE if which == "sets" else _MATHS_RE
            hit = search_pattern(pattern, block.text, timeout=self.draft.regex_timeout)
            self._maths[key] = hit is not None
        return self._maths[key]

    def active_phrases(self, phrases: tuple[_Anywhere, ...]) -> tuple[_Anywhere, ...]:
        """The anywhere-phrases whose keywords occur somewhere in the document."""
        if self._active is None:
            present = self._keywords_present(phrases)
            self._active = tuple(p for p in phrases if not present.isdisjoint(p.keywords))
        return self._active

    def _fold(self) -> tuple[str, list[int]]:
        """The case-folded text and where each block starts in it.

        Case folding maps each character on its own and never makes or takes a line break, so
        a block's fold is its line of the folded text. When folding keeps every length the
        offsets are those of the text; otherwise the blocks' folds are joined by line breaks.
        """
        if self._folded is None:
            folded = self.draft.text.casefold()
            if len(folded) == len(self.draft.text):
                self._folded = (folded, self._block_starts())
            else:
                parts = [b.text.casefold() for b in self.draft.blocks]
                starts = list(itertools.accumulate((len(x) + 1 for x in parts), initial=0))
                self._folded = ("\n".join(parts), starts[:-1])
        return self._folded

    def _keywords_present(self, phrases: tuple[_Anywhere, ...]) -> frozenset[str]:
        if self._present is None:
            self._present = self._scan_keywords(phrases)
        return self._present

    def _scan_keywords(self, phrases: tuple[_Anywhere, ...]) -> frozenset[str]:
        """The keywords of ``phrases`` the case-folded text holds (and, in ``_keyword_hits``,
        the blocks holding each).

        One scan for the anchors of all keywords (see :func:`_keyword_anchors`): at each
        position it finds the longest anchor starting there, every anchor that starts the same
        text is a prefix of that one, and each keyword holding one of them is checked in place.
        """
        folded, starts = self._fold()
        keywords = frozenset(k for p in phrases for k in p.keywords)
        present: set[str] = {""} & keywords  # the empty keyword: always look
        hits: dict[int, set[str]] = {}
        anchors = _keyword_anchors(keywords)
        if anchors:
            prefixes = _keyword_prefixes(frozenset(anchors))
            for at, end in literal_starts(literal_pattern(frozenset(anchors)), folded):
                for anchor in prefixes[folded[at:end]]:
                    for keyword, offset in anchors[anchor]:
                        start = at - offset
                        if start < 0 or not folded.startswith(keyword, start):
                            continue
                        present.add(keyword)
                        # a keyword never holds a line break: it is in the block starting last
                        index = bisect.bisect_right(starts, start) - 1
                        if index >= 0:
                            hits.setdefault(index, set()).add(keyword)
        self._keyword_hits = hits
        return frozenset(present)

    def _block_starts(self) -> list[int]:
        if self._starts is None:
            self._starts = [b.span[0] for b in self.draft.blocks]
        return self._starts

    @staticmethod
    def _blocks_at(text: str, cue: str, starts: list[int]) -> Iterator[int]:
        """Every block holding ``cue`` (no line break in it), given where blocks start."""
        pos = text.find(cue)
        while pos >= 0:
            index = bisect.bisect_right(starts, pos) - 1
            if index >= 0:
                yield index
            if index + 1 == len(starts):
                return
            pos = text.find(cue, starts[index + 1])

    def blocks_with(self, cues: Iterable[str]) -> set[int]:
        """The blocks holding one of ``cues``."""
        found: set[int] = set()
        text = self.draft.text
        for cue in cues:
            if cue in text:
                found.update(self._blocks_at(text, cue, self._block_starts()))
        return found

    def blocks_with_lorem_cue(self) -> set[int]:
        """The blocks holding a lorem cue in any letter case, found in the case-folded text
        (IGNORECASE over the whole text is many times slower). Case folding pairs every letter
        with the cues' that ``regex``'s (?i) does, save "İ", which folds to "i" and a combining
        dot: a text with one is scanned with the pattern."""
        if "\u0130" in self.draft.text:
            return self.blocks_matching(_LOREM_CUE_RE)
        folded, starts = self._fold()
        found: set[int] = set()
        for cue in _LOREM_CUES:
            found.update(self._blocks_at(folded, cue, starts))
        return found

    def blocks_matching(self, pattern: re.Pattern[str]) -> set[int]:
        """The blocks holding a match of ``pattern`` (a pattern of literals without line breaks)."""
        starts = self._block_starts()
        found: set[int] = set()
        for m in pattern.finditer(self.draft.text):
            index = bisect.bisect_right(starts, m.start()) - 1
            if index >= 0:
                found.add(index)
        return found

    def blocks_starting_with(self, words: frozenset[str]) -> list[int]:
        """The blocks whose first word, case-folded, may begin with one of ``words``, in order.

        A superset, found in the case-folded text: no character but a letter folds to anything
        with an ASCII letter, so a line's first word is where one of ``words`` can first stand
        after other characters than ASCII lower-case letters. The pattern is tried at each
        block's start only (the other lines are blank), not at every character of the text.
        """
        folded, starts = self._fold()
        at_line_start = literal_pattern(words, line_start=True).match
        return [index for index, start in enumerate(starts) if at_line_start(folded, start)]

    def blocks_with_chars(self, chars: frozenset[str]) -> set[int]:
        """The blocks holding one of ``chars`` (none of them a line break)."""
        found: set[int] = set()
        text = self.draft.text
        starts = self._block_starts()
        pattern = literal_pattern(chars)
        pos = 0
        while True:
            at = literal_find(pattern, text, pos)
            if at < 0:
                return found
            index = bisect.bisect_right(starts, at) - 1
            if index >= 0:
                found.add(index)
            if index + 1 == len(starts):
                return found
            pos = starts[index + 1]

    def blocks_with_keywords(self, phrases: tuple[_Anywhere, ...]) -> set[int]:
        """The blocks whose case-folded text holds a keyword of one of ``phrases``.

        Lines longer than ``_HUGE_LINE`` are looked at in parts, so they are always candidates.
        """
        present = self._keywords_present(phrases)
        blocks = self.draft.blocks
        if not present:
            return set()
        if "" in present:
            return {b.index for b in blocks}
        self._block_keywords = self._keyword_hits
        return set(self._keyword_hits) | {b.index for b in blocks if len(b.text) > _HUGE_LINE}

    def block_phrases(
        self, block: Block, phrases: tuple[_Anywhere, ...]
    ) -> tuple[_Anywhere, ...] | None:
        """The phrases with a keyword in ``block``, in order; None when not known beforehand."""
        if self._block_keywords is None or len(block.text) > _HUGE_LINE:
            return None
        found = self._block_keywords.get(block.index)
        if not found:
            return ()
        return tuple(p for p in phrases if not found.isdisjoint(p.keywords))

    def programming(self) -> bool:
        if self._programming is None:
            terms: set[str] = set()
            count = 0
            # the lines still in the text, as a second cleaning would see them
            blocks = self.draft.blocks
            lines: list[str] = []
            size = 0
            for i in self._live_lines():
                if size >= _PROGRAMMING_SCAN:
                    break
                lines.append(blocks[i].text)
                size += len(blocks[i].text) + 1
            head = "\n".join(lines)[:_PROGRAMMING_SCAN]
            for m in _programming_matches(head, self.draft.regex_timeout):
                terms.add(m.group().casefold())
                count += 1
                if len(terms) >= 3 or count >= 6:
                    break
            code_lines = 0
            if len(terms) < 3 and count < 6:
                for index in self._live_lines()[:400]:
                    if self.code_line(index):
                        code_lines += 1
                        if code_lines >= 2:
                            break
            self._programming = len(terms) >= 3 or count >= 6 or code_lines >= 2
        return self._programming


#: how many lines on each side of a weak token are its code context
_CODE_NEIGHBOURS = 2
#: the indentation of a code sample (as ``_CODE_SIGNALS`` knows it)
_CODE_INDENTS = ("    ", "\t")
#: a document's edges for the voice rules: its first two and last three lines
_EDGE_FIRST = 2
_EDGE_LAST = 3
#: the voice rules read sentences; a longer line is data, not a sentence of an assistant
_SHAPE_VOICE_LINE = 5_000


def _quoted_mention(line: str, start: int, end: int) -> bool:
    """``“Lorem ipsum”`` or ``'{name}'`` inside a sentence: the text talks about the token."""
    if start == 0 or line[start - 1] not in "\"'“‘«„":
        return False
    return start - 1 > 16 or bool(line[: start - 1].strip())


def _inside_url(line: str, start: int, end: int, timeout: float | None) -> bool:
    lo = max(0, start - 200)
    left = line.rfind(" ", lo, start) + 1 or lo
    right = line.find(" ", end, end + 200)
    word = line[left : right if right >= 0 else end + 200]
    return bool(search_pattern(_URLISH_RE, word, timeout=timeout))


# ---------------------------------------------------------------------------------------------
# the filter


@dataclass(frozen=True, slots=True)
class _Hit:
    code: str
    kind: str
    start: int  # offsets within the block's text
    end: int
    evidence: dict[str, Any]
    message: str
    whole_line: bool = False  # a leftover that makes up the whole line


_CODE_OF = {
    "token": "template.token",
    "empty_value": "template.empty_value",
    "filler": "template.filler",
    "leftover": "template.leftover",
}


@register_filter
@dataclass(frozen=True, slots=True, kw_only=True)
class FlagTemplates:
    """Flag unresolved placeholders, empty values, filler and generation leftovers.

    Every occurrence becomes a finding, also inside a block another filter removed. A line that
    is nothing but such findings (and punctuation) is removed, unless ``remove_lines`` is false.

    Args:
        remove_lines: remove lines that hold nothing but tokens, filler or a leftover.
        severity: the severity of every finding (default: the code's, which is error, so a
            record with a finding is not ``ok``); ``"warning"`` keeps such records ok.
        detect: which kinds to look for: ``token``, ``empty_value``, ``filler``, ``leftover``.
        languages: languages of the leftover phrase lists.
        code_context: drop ambiguous matches in code samples and programming articles.
        removed_line_severity: the severity of a finding in a line another filter removes (its
            evidence then says ``in_removed_line``): ``"info"`` by default, so a gate on the
            output judges the output; None keeps the finding's own severity.

    >>> from newsclean.pipeline import Draft
    >>> p = FlagTemplates().apply(Draft.of("Intro line here.\\n{REWRITE_TITLE}\\nBody text."))
    >>> [(f.code, f.evidence["token"]) for f in p.flags], [r.reason for r in p.removals]
    ([('template.token', '{REWRITE_TITLE}')], ['template.token_line'])
    """

    name: ClassVar[str] = "flag_templates"
    stage: ClassVar[Stage] = Stage.STRIP
    remove_lines: bool = True
    severity: str | None = None
    detect: tuple[str, ...] = KINDS
    languages: tuple[str, ...] = LANGUAGES
    code_context: bool = True
    removed_line_severity: str | None = "info"

    def __post_init__(self) -> None:
        if self.severity is not None:
            Severity.parse(self.severity)
        if self.removed_line_severity is not None:
            Severity.parse(self.removed_line_severity)
        detect = tuple(self.detect)
        unknown = sorted(set(detect) - set(KINDS))
        if unknown:
            msg = f"unknown kind(s) {', '.join(map(repr, unknown))}; kinds: {', '.join(KINDS)}"
            raise ConfigError(msg)
        languages = tuple(self.languages)
        available = leftover_languages()
        missing = sorted(set(languages) - set(available))
        if missing:
            msg = (
                f"no leftover phrases for {', '.join(map(repr, missing))}; "
                f"languages: {', '.join(available)}"
            )
            raise ConfigError(msg)
        object.__setattr__(self, "detect", detect)
        object.__setattr__(self, "languages", languages)

    def prepare(self) -> None:
        """Compile the leftover phrases of the chosen languages (once per process)."""
        if "leftover" in self.detect:
            leftover_patterns(self.languages)
        voice_table(self.languages)

    def apply(self, draft: Draft, /) -> Proposal:
        ctx = _Context(draft)
        severity = Severity.parse(self.severity) if self.severity is not None else None
        removed_severity = (
            Severity.parse(self.removed_line_severity)
            if self.removed_line_severity is not None
            else None
        )
        flags: list[Flag] = []
        removals: list[BlockRemoval] = []
        candidates = self._candidates(ctx)
        for index in sorted(candidates):
            block = draft.blocks[index]
            hits = _resolve(self._hits(block, ctx, candidates[index]))
            if not hits:
                continue
            base = block.span[0]
            for hit in hits:
                flags.append(
                    Flag(
                        hit.code,
                        (base + hit.start, base + hit.end),
                        hit.message,
                        hit.evidence,
                        severity,
                        block=block.index,
                        removed_severity=removed_severity,
                    )
                )
            if self.remove_lines and not draft.is_removed(block.index):
                reason = _line_removal(block.text, hits)
                if reason is not None:
                    removals.append(BlockRemoval(block.index, reason, "nothing_but_template"))
        return Proposal(removals=tuple(removals), flags=tuple(flags))

    # -- finding candidates ---------------------------------------------------------------

    def _candidates(self, ctx: _Context) -> dict[int, set[str]]:
        """Which looks (a kind, or ``start`` and ``anywhere`` for leftovers) each block needs.

        A block gets a look when it passes that look's first test in :meth:`_hits` (a
        substring it must hold, or the first word of a leftover); every other look yields
        nothing. The substrings are looked for in the whole text at once: a block is a line.
        """
        draft = ctx.draft
        looks: dict[int, set[str]] = {}

        def add(indices: Iterable[int], look: str) -> None:
            for index in indices:
                looks.setdefault(index, set()).add(look)

        if "token" in self.detect:
            add(ctx.blocks_with_chars(_TOKEN_CHARS), "token")
        if "empty_value" in self.detect:
            add(ctx.blocks_with(_EMPTY_CUES), "empty_value")
        if "filler" in self.detect:
            add(ctx.blocks_with(_FILLER_CUES) | ctx.blocks_with_lorem_cue(), "filler")
        if "leftover" in self.detect:
            # the leftover that starts a line depends on the line alone: look once per text
            leads: dict[str, Match | None] = {}
            first_words = leftover_patterns(self.languages).first_words
            for index in ctx.blocks_starting_with(first_words):
                block = draft.blocks[index]
                text = block.text
                if text not in leads:
                    pattern = _start_pattern_for(self.languages, _first_word(text))
                    leads[text] = (
                        None
                        if pattern is None
                        else search_pattern(pattern, text, timeout=draft.regex_timeout)
                    )
                lead = leads[text]
                if lead is not None:
                    ctx.leads[block.index] = lead
                    add((block.index,), "start")
            add(ctx.blocks_with_keywords(leftover_patterns(self.languages).anywhere), "anywhere")
        # the structural rules read every line: their cues are words, not literals
        add(range(len(draft.blocks)), "shape")
        return looks

    def _hits(self, block: Block, ctx: _Context, looks: set[str]) -> Iterator[_Hit]:
        text = block.text
        timeout = ctx.draft.regex_timeout
        if "token" in looks:
            yield from self._tokens(block, ctx)
        if "empty_value" in looks:
            for kind, pattern in _EMPTY:
                for m in finditer(pattern, text, timeout=timeout):
                    if self._suppressed(block, ctx, m.start(), m.end(), weak=True):
                        continue
                    value = m.groupdict().get("value") or m.group()
                    start, end = m.span("value") if m.groupdict().get("value") else m.span()
                    label = _label_before(text, m.start()) if kind == "label_value" else ""
                    evidence = {"kind": kind, "value": value}
                    if label:
                        evidence["label"] = label
                    yield _Hit(
                        "template.empty_value",
                        kind,
                        start,
                        end,
                        evidence,
                        f"leaked empty value {value!r} where a value belongs",
                    )
        if "filler" in looks:
            yield from self._filler(block, ctx)
        leftovers: list[_Hit] = []
        if "start" in looks:
            leftovers.append(self._leftover_hit(block, ctx, ctx.leads[block.index], "start"))
        if "anywhere" in looks:
            leftovers.extend(self._leftovers(block, ctx))
        for hit in leftovers:
            if not reported_speech(text, hit.start, hit.end, voice_table(self.languages)):
                yield hit
        if "shape" in looks:
            yield from self._shapes(block, ctx)

    def _shapes(self, block: Block, ctx: _Context) -> Iterator[_Hit]:
        """The structural rules of :mod:`newsclean.filters.shapes` on one line."""
        text = block.text
        n = len(ctx.draft.blocks)
        place = Place(
            first=block.index == 0,
            last=block.index == n - 1,
            edge=block.index < _EDGE_FIRST or block.index >= n - _EDGE_LAST,
        )
        detect = set(self.detect)
        if len(text) > _SHAPE_VOICE_LINE:
            detect.discard("leftover")  # voice is in sentences, never in a line this long
        key = (text, place)
        hits = ctx.shape_memo.get(key)
        if hits is None:  # a line's hits depend on its text and place alone: repeats are free
            hits = ctx.shape_memo[key] = list(
                line_hits(
                    text,
                    voice_table(self.languages),
                    place,
                    skip_names=_WIKI_TEMPLATES,
                    timeout=ctx.draft.regex_timeout,
                    detect=detect.__contains__,
                )
            )
        for hit in hits:
            if self._suppressed(block, ctx, hit.start, hit.end, weak=hit.weak, maths=hit.maths):
                continue
            if hit.code == "template.leftover" and _quoted_mention(text, hit.start, hit.end):
                continue
            yield _Hit(
                hit.code,
                hit.kind,
                hit.start,
                hit.end,
                hit.evidence,
                hit.message,
                whole_line=hit.whole_line,
            )

    def _suppressed(
        self,
        block: Block,
        ctx: _Context,
        start: int,
        end: int,
        *,
        weak: bool,
        maths: str = "",
    ) -> bool:
        if not self.code_context:
            return False
        line = block.text
        first, last = ctx.backticks(block)
        if 0 <= first < start and last >= end:
            return True  # `{NAME}`: the text talks about the token
        timeout = ctx.draft.regex_timeout
        if len(line) > _LONG_LINE:
            # a very long line: judge the surroundings of the match, not the whole line
            window = line[max(0, start - _WINDOW) : end + _WINDOW]
            if weak and maths:
                pattern = _SETS_RE if maths == "sets" else _MATHS_RE
                if search_pattern(pattern, window, timeout=timeout):
                    return True
            return _code_like(window, timeout) or (weak and ctx.programming())
        if weak and maths and ctx.maths(block, maths):
            return True
        if weak:
            return ctx.near_code(block.index) or ctx.programming()
        return ctx.code_line(block.index)

    def _tokens(self, block: Block, ctx: _Context) -> Iterator[_Hit]:
        text = block.text
        timeout = ctx.draft.regex_timeout
        for syntax, m in _token_matches(text, timeout):
            if not _name_ok(syntax, m, timeout):
                continue
            weak = syntax.weak or (syntax.check == "ident" and _weak_ident(m.group("name")))
            if syntax.kind in {"printf", "python_percent"} and _inside_url(
                text, m.start(), m.end(), timeout
            ):
                continue
            if self._suppressed(block, ctx, m.start(), m.end(), weak=weak, maths=syntax.maths):
                continue
            yield _token_hit(syntax, m)

    def _filler(self, block: Block, ctx: _Context) -> Iterator[_Hit]:
        text = block.text
        timeout = ctx.draft.regex_timeout
        for kind, pattern in _FILLER:
            if kind == "lorem":
                yield from self._lorem(block, ctx, pattern)
                continue
            if not any(cue in text for cue in _FILLER_CUES):
                break
            for m in finditer(pattern, text, timeout=timeout):
                if self._suppressed(block, ctx, m.start(), m.end(), weak=kind != "line"):
                    continue
                token = m.group().strip()
                yield _Hit(
                    "template.filler",
                    kind,
                    m.start(),
                    m.end(),
                    {"kind": kind, "token": token},
                    f"filler standing in for content: {token!r}",
                )

    def _lorem(self, block: Block, ctx: _Context, pattern: Pattern) -> Iterator[_Hit]:
        text = block.text
        if _LOREM_CUE_RE.search(text) is None:
            return
        group: list[Match] = []
        for m in finditer(pattern, text, timeout=ctx.draft.regex_timeout):
            if group and m.start() - group[-1].end() > _LOREM_GAP:
                yield from self._lorem_hit(block, ctx, group)
                group = []
            group.append(m)
        if group:
            yield from self._lorem_hit(block, ctx, group)

    def _lorem_hit(self, block: Block, ctx: _Context, group: list[Match]) -> Iterator[_Hit]:
        start, end = group[0].start(), group[-1].end()
        if _quoted_mention(block.text, start, end) or self._suppressed(
            block, ctx, start, end, weak=False
        ):
            return
        token = block.text[start:end]
        yield _Hit(
            "template.filler",
            "lorem",
            start,
            end,
            {"kind": "lorem", "token": token[:200]},
            "lorem ipsum filler standing in for content",
        )

    def _leftovers(self, block: Block, ctx: _Context) -> Iterator[_Hit]:
        """Leftover phrases that may stand anywhere in the block."""
        text = block.text
        timeout = ctx.draft.regex_timeout
        pats = leftover_patterns(self.languages)
        # very long lines: leftovers are preambles and tails, so look near both ends only
        if len(text) > _HUGE_LINE:
            parts = [(0, text[:_HUGE_EDGE]), (len(text) - _HUGE_EDGE, text[-_HUGE_EDGE:])]
        else:
            parts = [(0, text)]
        active = ctx.active_phrases(pats.anywhere)
        if not active:
            return
        known = ctx.block_phrases(block, active)
        for offset, part in parts:
            if known is None:
                folded = part.casefold()
                phrases = [p for p in active if any(k in folded for k in p.keywords)]
            else:
                phrases = list(known)
            for phrase in phrases:
                for m in finditer(phrase.pattern, part, timeout=timeout):
                    if _quoted_mention(part, m.start(), m.end()):
                        continue
                    yield self._leftover_hit(block, ctx, m, "anywhere", offset, phrase.lang)

    def _leftover_hit(
        self, block: Block, ctx: _Context, m: Match, where: str, offset: int = 0, lang: str = ""
    ) -> _Hit:
        text = block.text
        lang = lang or (m.lastgroup or "L_").removeprefix("L_")
        start, m_end = m.start() + offset, m.end() + offset
        while start < m_end and not text[start].isalnum() and text[start] not in "¡¿":
            start += 1
        phrase = text[start:m_end]
        if len(text) > _LONG_LINE:  # a leftover never makes up a line this long
            return _Hit(
                "template.leftover",
                where,
                start,
                m_end,
                {"kind": "leftover", "phrase": phrase, "lang": lang, "where": where},
                f"leftover of a text-generation step: {phrase!r}",
            )
        rest = text[m_end:].strip()
        prefix = text[:start].strip(' \t*_#>-–—•·"“„«([')
        words = len(text.split())
        label = phrase.rstrip(" *_").endswith(":")  # "Rewritten title: …" keeps what follows
        whole = not prefix and (
            not any(c.isalnum() for c in rest)
            or (not label and rest.rstrip("*_ ").endswith(":") and words <= 40)
            or (not label and ":" not in rest and words <= 30)
        )
        end = len(text.rstrip()) if whole else m_end
        return _Hit(
            "template.leftover",
            where,
            start,
            end,
            {"kind": "leftover", "phrase": phrase, "lang": lang, "where": where},
            f"leftover of a text-generation step: {phrase!r}",
            whole_line=whole,
        )


def _first_word(text: str) -> str:
    """The first run of letters in the first 200 characters, case-folded."""
    start = -1
    for i, ch in enumerate(text[:200]):
        if ch.isalpha():
            if start < 0:
                start = i
        elif start >= 0:
            return text[start:i].casefold()
    return text[start:200].casefold() if start >= 0 else ""


def _token_matches(text: str, timeout: float | None) -> Iterator[tuple[_Syntax, Match]]:
    """Every match of every syntax in a line (overlaps are resolved later).

    A short line is scanned once with all syntaxes together (a call costs more than the scan);
    a long one with each syntax whose literal it contains (a scan costs more than a call).
    """
    if len(text) > _LONG_LINE:
        for syntax in _SYNTAXES:
            if syntax.needle in text:
                for m in finditer(syntax.pattern, text, timeout=timeout):
                    yield syntax, m
        return
    pos = 0
    while True:
        found = search_pattern(_TOKEN_RE, text, timeout=timeout, pos=pos)
        if found is None:
            return
        # "[Chorus {NAME}]": after a bracket, look inside it too
        pos = found.start() + 1
        yield next(x for x in _SYNTAXES if found.group(f"k_{x.kind}") is not None), found


def _token_hit(syntax: _Syntax, m: Match) -> _Hit:
    token = m.group()
    return _Hit(
        "template.token",
        syntax.kind,
        m.start(),
        m.end(),
        {"kind": syntax.kind, "token": token},
        f"unresolved template placeholder {token!r}",
    )


def _weak_ident(name: str) -> bool:
    """``{title}`` is a placeholder in prose but an everyday name in code; ``{TITLE}`` is not."""
    return not (name.isupper() or ("_" in name and name.upper() == name))


def _label_before(text: str, colon: int) -> str:
    head = text[max(0, colon - 80) : colon].rstrip()
    return " ".join(head.split()[-3:])


def _resolve(hits: Iterable[_Hit]) -> list[_Hit]:
    """One finding per occurrence: of overlapping hits keep the earliest, then the longest."""
    ordered = sorted(hits, key=lambda h: (h.start, -(h.end - h.start)))
    kept: list[_Hit] = []
    for hit in ordered:
        if kept and hit.start < kept[-1].end:
            continue
        kept.append(hit)
    return kept


def _line_removal(line: str, hits: Sequence[_Hit]) -> str | None:
    """The removal reason when a line is nothing but template findings, else None."""
    if any(h.whole_line for h in hits):
        return "template.leftover_line"
    pieces = []
    pos = 0
    for hit in hits:
        pieces.append(line[pos : hit.start])
        pos = hit.end
    pieces.append(line[pos:])
    if any(ch.isalnum() for piece in pieces for ch in piece):
        return None
    if any(h.code == "template.leftover" for h in hits):
        return "template.leftover_line"
    if all(h.code == "template.filler" for h in hits):
        return "template.filler_line"
    return "template.token_line"
