"""The rules: what makes a span of a line a template token, an empty value, filler or a
leftover, and what context (code, maths, programming articles) drops an ambiguous match.

Every function here looks at the whole of what it is given; the gates (``gates.py``) only choose
which lines and phrases these rules look at, and the plain path gives every line every rule.
Every pattern is linear by construction: it starts with a literal, its repetitions are bounded
and it has no nested quantifiers.
"""

from __future__ import annotations

import functools
import itertools
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from newsclean._patterns import (
    DEFAULT_TIMEOUT,
    Match,
    Pattern,
    alternation,
    compile_pattern,
    finditer,
)
from newsclean._patterns import search as search_pattern
from newsclean.filters.shapes import (
    _ends_in_slot_noun,
    _open_quote_before,
    bracket_slot,
    lone_slot,
    value_slot,
)
from newsclean.filters.templates.data import (
    _HTML_TAGS,
    _SP,
    _WIKI_TEMPLATES,
    placeholder_vocabulary,
)
from newsclean.lang import tagged
from newsclean.voice import voice_languages, voice_pattern, voice_table, words_of

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


#: a Thymeleaf attribute: ``th:`` and a name, a quoted value holding one of its expressions
_TH_ATTR = (
    r"(?<![\w:-])th:[a-z][a-z-]{0,20}=[\"'][^\"'<>\n{}]{0,40}[$*#@~]\{[^{}\n\"']{1,80}\}"
    r"[^\"'<>\n{}]{0,40}[\"']"
)

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
    # Thymeleaf: an attribute of its own name holding one of its expressions
    # (th:text="${story.county}", th:href="@{/news}") and its inlined expressions
    # ([[${story.title}]], [(${story.body})]), whatever markup stands around them
    # the element it stands in is its own markup, no cue of code: the match takes it whole
    _Syntax("thymeleaf", 'th:', compile_pattern(
        r"(?:<[A-Za-z][A-Za-z0-9]{0,10}(?:[^\S\n][^<>\n]{0,120}?)?[^\S\n])?" + _TH_ATTR
        + r"(?:(?<=<[^<>\n]{0,300})[^<>\n]{0,120}>(?:[^<>\n]{0,80}</[A-Za-z][A-Za-z0-9]{0,10}>)?)?")),
    _Syntax("thymeleaf_inline", '{', compile_pattern(
        r"\[\[[$*#@~]\{[^{}\n\[\]]{1,80}\}\]\]|\[\([$*#@~]\{[^{}\n()\[\]]{1,80}\}\)\]")),
    _Syntax("python_percent", '%(', compile_pattern(
        r"%\([A-Za-z_][\w.]{0,59}\)[-+#0]?\d{0,3}(?:\.\d{1,3})?[sdifr](?![A-Za-z])"), weak=True),
    _Syntax("printf", '%', compile_pattern(
        r"%(?<![\w%\\]%)(?:\d{1,2}\$)?[-+#0]{0,2}\d{0,3}(?:\.\d{1,3})?l{0,2}[sdiuf](?![\w-]|%(?!%))"),
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
    # one word of a slot in angle brackets, not in capitals: "<naam>", "<Einwohnerzahl>"
    _Syntax("angle_word", '<', compile_pattern(
        r"<(?<![<\w]<)(?P<name>[^\W\d_][^\W\d_]{2,30})>(?![>\w])"), check="angle_word",
        weak=True),
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

_VOCAB_WORD_RE = compile_pattern(r"[\w'’-]{1,40}|[/&]")


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


#: the words a title-case slot name leaves in lower case (``voice.txt``'s ``[title_lower]``)
_LOWER_OK = words_of("title_lower", voice_languages())


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
    if syntax.check == "angle_word":
        return _angle_word(match)
    if syntax.check == "upper_vocab":
        return is_placeholder_phrase(name, upper_only=True, timeout=timeout)
    words = name.split(None, 1)
    if len(words) > 1 and words[0].casefold() in words_of("editorial_heads", _LANGUAGES):
        return False  # "[The company] has paid": an editor's insertion, not a slot
    if is_placeholder_phrase(name, timeout=timeout):
        return True
    # a slot noun or an instruction verb at the head or tail, in any of the languages, or one
    # slot noun standing where its value belongs
    if syntax.kind != "bracket":
        return False
    table = voice_table(_LANGUAGES)
    why = bracket_slot(name, table)
    if why in {"pending", "desk"} and _open_quote_before(match.string, match.start()):
        return False  # “we will [confirm the deal] soon”: an editor's words inside a quotation
    if why:
        return True
    # a line this long is data, not a sentence: its one-word brackets are not judged
    return len(match.string) <= _LONG_LINE and (
        lone_slot(match.string, match.start(), match.end(), table)
        or value_slot(match.string, match.start(), match.end(), table)
    )


#: how far after an element's opening its closing tag is looked for ("<data>…</data>")
_CLOSING_REACH = 400


def _angle_word(match: Match) -> bool:
    """One word in angle brackets is a slot when it is a slot noun or ends in one ("<naam>",
    "<Einwohnerzahl>"), in lower case or capitalised; not an element of HTML ("<title>",
    "<address>"), nor one whose closing tag follows ("<data>…</data>"), nor in capitals (the
    ``angle`` syntax judges those)."""
    name = match.group("name")
    if name.isupper() or name.upper() in _HTML_TAGS:
        return False
    if not (name.islower() or (name[:1].isupper() and name[1:].islower())):
        return False  # "<BigCo>": a name or markup
    if match.string.find("</" + name, match.end(), match.end() + _CLOSING_REACH) >= 0:
        return False
    word = name.casefold()
    return word in _slot_words() or _ends_in_slot_noun(word)


#: the languages whose slot words judge braces and brackets (those of the voice files)
_LANGUAGES = ("en", "de", "fr", "es", "it", "pt", "nl", "pl")


@functools.lru_cache(maxsize=1)
def _slot_words() -> frozenset[str]:
    """One-word slot names: the slot nouns of every language and the placeholder nouns."""
    nouns = {w for w, role in placeholder_vocabulary().items() if role == "noun"}
    return frozenset(nouns) | words_of("slot_nouns", _LANGUAGES)


# ---------------------------------------------------------------------------------------------
# empty values and filler

#: what an author's value follows: the byline words of the packs (``bylines.txt``)
_BY = (
    "(?i:"
    + alternation(sorted({*tagged("bylines.txt", "start"), *tagged("bylines.txt", "label")}))
    + ")"
)
#: a field's label before Python's empty value (``voice.txt``'s ``[empty_labels]``)
_NONE_LABELS = "(?i:" + voice_pattern("empty_labels") + ")"
#: a word between an author's value and a date; a publishing verb and what may follow it
_BEFORE_DATE = "(?i:" + voice_pattern("before_date") + ")"
_PUBLISHED = "(?i:" + voice_pattern("published_words", ("en",)) + ")"
_PUBLISHED_JOINER = "(?i:" + voice_pattern("published_joiners", ("en",)) + ")"

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
        + r"{0,3}(?:$|[|·•,;)\]–—-]|(?:" + _BEFORE_DATE + r"|\d)\b))")),
    ("published", compile_pattern(
        r"(?<!\w)" + _PUBLISHED + r"(?:" + _SP + _PUBLISHED_JOINER + r")?" + _SP
        + r"{1,3}(?P<value>undefined|null|NaN)(?!\w)")),
    ("unit", compile_pattern(r"[$€£¥]" + _SP + r"?(?P<value>NaN|undefined)(?!\w)")),
    ("unit", compile_pattern(
        r"(?<!\w)(?P<value>NaN|undefined)" + _SP
        + r"?(?:%|€|(?i:" + voice_pattern("page_counts", ("en",)).replace(r"\ ", _SP)
        + r")(?!\w))")),
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


_LONG_LINE = 2_000  # longer lines are judged by a window around each match
_WINDOW = 300
_PROGRAMMING_SCAN = 100_000  # a programming article shows itself in its first 100 kB
_HUGE_LINE = 20_000  # in longer lines, leftovers are looked for near both ends only
_HUGE_EDGE = 5_000
_URLISH_RE = compile_pattern(r"[/=&?]|://|www\.")


def _code_like(line: str, timeout: float | None) -> bool:
    """Whether a line looks like code: a code signal, or two command-line flags."""
    if search_pattern(_CODE_LINE_RE, line, timeout=timeout):
        return True
    flags = itertools.islice(finditer(_CLI_FLAG_RE, line, timeout=timeout), 2)
    return sum(1 for _ in flags) >= 2


def _programming_matches(text: str, timeout: float | None) -> Iterator[Match]:
    """The programming terms in ``text``."""
    return finditer(_PROGRAMMING_RE, text, timeout=timeout)


#: how many lines on each side of a weak token are its code context
_CODE_NEIGHBOURS = 2
#: the indentation of a code sample (as ``_CODE_SIGNALS`` knows it)
_CODE_INDENTS = ("    ", "\t")


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
# hits


@dataclass(frozen=True, slots=True)
class _Hit:
    code: str
    kind: str
    start: int  # offsets within the block's text
    end: int
    evidence: dict[str, Any]
    message: str
    whole_line: bool = False  # a leftover that makes up the whole line


def _token_matches(
    text: str, timeout: float | None, *, plain: bool = False
) -> Iterator[tuple[_Syntax, Match]]:
    """Every match of every syntax in a line (overlaps are resolved later).

    A short line is scanned once with all syntaxes together (a call costs more than the scan);
    a long one with each syntax, which the gate skips when the line lacks its literal (a scan
    costs more than a call).
    """
    if len(text) > _LONG_LINE:
        for syntax in _SYNTAXES:
            if plain or syntax.needle in text:
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
