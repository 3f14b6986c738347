"""Leftovers and placeholders found by their shape and voice rather than by a phrase list.

Four families of rules, each a pure function of one line (and where the line stands):

*assistant voice* (``template.leftover``)
    a sentence in the first-person voice of an assistant that addresses the reader about the
    text itself (its version, tone, length, changes), a colon-final opener presenting a
    rewritten text, "Note:" followed by a first-person verb, a self-reference as an AI
    followed by a first-person clause, an apology for not browsing, and field labels of a
    generation step ("**Title:**", "Meta description:", "Word count:") at the document's edges.
    Quoted or attributed speech is never voice.
*placeholder grammar* (``template.token``)
    identifier-shaped content inside a delimiter pair from one table (:data:`DELIMITERS`).
*slots* (``template.token`` / ``template.filler``)
    a bracket whose head or tail word is a slot noun or an instruction verb; journalists'
    placeholders (TK, XXX) where a number or a name belongs.
*leaked values* (``template.empty_value``)
    null-like values in value positions and the error strings of formatting libraries.

The words are data (``data/lang/<xx>/voice.txt``, read by :mod:`newsclean.voice`). Every pattern
here starts with a literal or a bounded class, has bounded repetitions and no repeated group
that holds a repetition, and runs through :mod:`newsclean._patterns` under the timeout.
"""

from __future__ import annotations

import bisect
import functools
import itertools
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from newsclean._patterns import (
    DEFAULT_TIMEOUT,
    Match,
    Pattern,
    compile_pattern,
    finditer,
    is_plain,
    literal_pattern,
)
from newsclean._patterns import match as match_pattern
from newsclean._patterns import search as search_pattern
from newsclean.lang import all_entries, languages
from newsclean.voice import (
    Found,
    Token,
    VoiceTable,
    tokens,
    voice_entries,
    voice_languages,
    voice_pattern,
    words_of,
)

_SP = r"[^\S\n]"


#: how many candidates of one kind a line gets judged by their surroundings: placeholders and
#: leaked values are few in a line of prose, and a line with thousands is data, not prose
MAX_JUDGED = 200


@dataclass(frozen=True, slots=True)
class ShapeHit:
    code: str
    kind: str
    start: int  # offsets within the line
    end: int
    evidence: dict[str, Any]
    message: str
    whole_line: bool = False
    weak: bool = False  # dropped near code and in programming articles
    maths: str = ""  # dropped on lines with set notation ("sets")


def _token_hit(
    kind: str, m: Match, what: str, *, why: str = "", weak: bool = False, maths: str = ""
) -> ShapeHit:
    """A ``template.token`` hit for the whole match ``m``: "<what> '<token>'"."""
    token = m.group()
    evidence: dict[str, Any] = {"kind": kind, "token": token}
    if why:
        evidence["why"] = why
    return ShapeHit(
        "template.token",
        kind,
        m.start(),
        m.end(),
        evidence,
        f"{what} {token!r}",
        weak=weak,
        maths=maths,
    )


@dataclass(frozen=True, slots=True)
class Place:
    """Where a line stands: the document's first or last line, or within its edges."""

    first: bool = False
    last: bool = False
    edge: bool = False  # among the first two or last three lines with text


# ---------------------------------------------------------------------------------------------
# placeholder grammar: one table of delimiter pairs

#: an identifier: a dotted path, snake or camel case, Go's ".Title", "$var", "@user.name"
_ID = r"[A-Za-z_$@.][\w.$@]{0,59}+"
#: a string literal
_STR = r"\"[^\"{}\n]{1,60}\"|'[^'{}\n]{1,60}'"
#: what may follow the identifier inside the pair: a filter, a default (FreeMarker's "!"), an
#: argument, a call
_TAIL = (
    r"(?:" + _SP + r"{0,3}[|:?!]" + r"[^{}\n]{0,80}?"
    r"|" + _SP + r"{1,3}[.$\"'@][^{}\n]{0,80}?"
    r"|->[A-Za-z_][^{}\n]{0,80}?"
    r"|[\[(][^{}\n]{0,80}?)?"
)
_ANY = r"(?:" + _ID + r"|" + _STR + r")" + _TAIL
#: UPPER_SNAKE, snake_case or camelCase: a name nobody writes in prose
_STRICT = r"(?:[A-Z][A-Z0-9]{0,30}_[A-Z0-9_]{1,40}|[A-Z]{3,40}|[a-z][a-z0-9]{0,30}_[a-z0-9_]{1,40}|[a-z]{1,20}[A-Z][A-Za-z0-9]{1,40})"
_FREE = r"[^\n]{1,80}?"
_SPEC = r"[<>^=+#0-9.,_a-zA-Z%-]{1,15}"
#: a date format of .NET and Java, with spaces: "{0:dd MMM yyyy}", "{date:HH:mm}"
_DATE_SPEC = r"[dMyHhmsftz]{1,4}(?:[ ./:,-][dMyHhmsftz]{1,4}){1,5}"


@dataclass(frozen=True, slots=True)
class Delimiter:
    """A delimiter pair and the content it takes."""

    kind: str
    open: str
    close: str
    content: str  # "any" (identifier or string, with a tail), "strict", "word", "free"
    weak: bool = True
    trim: str = ""  # trim marks allowed inside the pair ("-~")
    after: str = ""  # a lookbehind right after the opening (so each pattern starts with it)


# fmt: off
DELIMITERS: tuple[Delimiter, ...] = (
    Delimiter("go_comment", "{{", "}}", "go_comment", trim="-"),
    Delimiter("handlebars_comment", "{{!", "}}", "free", after=r"(?<![{\w]\{\{!)"),
    Delimiter("jinja", "{{", "}}", "any", trim="-~", after=r"(?<![{\w]\{\{)"),
    Delimiter("mustache_block", "{{", "}}", "block", trim="~", after=r"(?<![{\w]\{\{)"),
    Delimiter("blade_raw", "{!!", "!!}", "any"),
    Delimiter("jinja_comment", "{#", "#}", "free", trim="-"),
    Delimiter("jinja_block", "{%", "%}", "free", trim="-+"),
    Delimiter("erb", "<%", "%>", "erb", trim="-"),
    Delimiter("php", "<?", "?>", "php"),
    Delimiter("template_toolkit", "[%", "%]", "any", trim="-+"),
    Delimiter("smarty", "{$", "}", "any"),
    Delimiter("merge_field", "{!", "}", "any"),
    Delimiter("dollar_brace", "${", "}", "any"),
    Delimiter("seo", "%%", "%%", "word", weak=False, after=r"(?<!%%%)"),
    Delimiter("at_at", "@@", "@@", "word", weak=False, after=r"(?<!@@@)"),
    Delimiter("merge_tag", "*|", "|*", "merge", weak=False),
    Delimiter("percent", "%", "%", "strict", after=r"(?=[A-Za-z])(?<![\w%]%)"),
    Delimiter("double_paren", "((", "))", "strict", after=r"(?<!\(\(\()"),
    Delimiter("dollar_paren", "$(", ")", "upper"),
    Delimiter("velocity", "$!{", "}", "any"),
    Delimiter("velocity", "$!", "", "snake", after=r"(?<![\w$\\]\$!)"),
    Delimiter("dollar_name", "$", "", "snake", after=r"(?<![\w$\\]\$)"),
    Delimiter("format_spec", "{", "}", "spec", after=r"(?<![\w\\{}$#^_%@]\{)"),
    Delimiter("freemarker_comment", "<#--", "-->", "free"),
    Delimiter("directive", "<#", ">", "directive", after=r"(?<![<\w]<#)"),
    Delimiter("directive_close", "</#", ">", "directive_close"),
)
# fmt: on


def _escape(text: str) -> str:
    return "".join("\\" + c if not c.isalnum() else c for c in text)


def _delimiter_pattern(d: Delimiter) -> str:
    o, c = _escape(d.open), _escape(d.close)
    t = f"[{_escape(d.trim)}]?" if d.trim else ""
    sp = _SP + "{0,3}"
    if d.content == "any":
        inner = sp + r"[#/^>&!=*]?" + _SP + r"{0,2}" + _ANY + sp
    elif d.content == "free":
        inner = sp + _FREE + sp
    elif d.content == "go_comment":
        inner = sp + r"/\*" + r"[^\n]{0,80}?" + r"\*/" + sp
    elif d.content == "erb":
        inner = r"[=#-]?" + sp + _ANY + sp
    elif d.content == "php":
        inner = r"(?:php|=)" + _SP + r"{0,3}[^?<>\n]{1,80}?" + sp
    elif d.content == "word":
        inner = r"[A-Za-z_][\w]{1,40}"
    elif d.content == "merge":
        inner = r"[A-Z][A-Z0-9_:]{1,40}"
    elif d.content == "strict":
        inner = _STRICT
    elif d.content == "upper":
        inner = r"[A-Z][A-Z0-9_]{1,40}"
    elif d.content == "snake":  # a shell's or PHP's variable: "$ARTICLE_TITLE", "$editor_email"
        inner = (
            r"(?:[A-Z][A-Z0-9]{0,30}_[A-Z0-9_]{1,40}|[a-z][a-z0-9]{0,30}_[a-z0-9_]{1,40}"
            r"|[A-Z]{6,30}|[a-z][a-z0-9]{2,30}(?:(?:->|\.)[a-z]{1,30})?)(?![\w$])"
        )
    elif d.content == "block":  # a block helper with its argument: "{{#each related_stories}}"
        inner = (
            sp
            + r"[#^/>]"
            + _SP
            + r"{0,2}[A-Za-z_][\w.-]{0,40}(?:"
            + _SP
            + r"{1,3}[^{}\n]{1,80}?)?"
            + sp
        )
    elif d.content == "directive":  # FreeMarker's "<#if article.updatedAt??>", "<#list items as x>"
        inner = r"[a-z]{2,12}(?:" + _SP + r"{1,3}[^<>\n]{1,80}?)?" + sp + r"/?"
    elif d.content == "directive_close":  # "</#if>", "</#list>"
        inner = r"[a-z]{2,12}"
    else:  # "spec": a named field with a conversion or a format specification
        inner = (
            r"(?:[A-Za-z_][\w.]{0,40}|\d{1,2})?(?:![rsa](?::"
            + _SPEC
            + r")?|:"
            + _SPEC
            + r"|:"
            + _DATE_SPEC
            + r")"
        )
    if d.content in {
        "word",
        "merge",
        "strict",
        "upper",
        "spec",
        "snake",
        "directive",
        "directive_close",
    }:
        t = ""
    return o + d.after + t + inner + t + c


def _check_jinja(text: str, start: int, end: int, skip_names: frozenset[str]) -> bool:
    """``{{reflist}}`` and other one-word wiki templates are markup, not slots."""
    inner = text[start + 2 : end - 2].strip(" -~{}")
    return inner.casefold() not in skip_names


#: each delimiter pair's pattern; each starts with its opening, which a line must hold
_DELIMITER_RES = tuple(compile_pattern(_delimiter_pattern(d)) for d in DELIMITERS)


#: a WordPress-style shortcode with an attribute, or a closing one: ``[caption id="a1"]``
_SHORTCODE_RE = compile_pattern(
    r"\[(?P<name>[a-z][a-z0-9_-]{1,30})" + _SP + r"{1,3}[a-z_][\w-]{0,30}="
    r"(?:\"[^\"\]\n]{0,80}\"|'[^'\]\n]{0,80}'|[^\s\]\"']{1,40})[^\]\n]{0,200}\]"
    r"|\[/(?P<close>[a-z][a-z0-9_-]{1,30})\]"
)


#: Razor's model expressions: "@Model.FechaPartido", "@ViewBag.Title" (a handle has no dots
#: in capitals: "@john.doe" is an account), and its explicit form in parentheses, a default
#: after "??" or not: "@(Model.PublishDate)", '@(Model.Town ?? "the town")'
_RAZOR_RE = compile_pattern(
    r"(?<![\w@./])@[A-Z][A-Za-z0-9_]{1,30}(?:\.[A-Za-z_][A-Za-z0-9_]{0,40}){0,3}"
    r"\.[A-Z][A-Za-z0-9_]{1,40}(?:\([^()\n]{0,40}\))?(?![\w@])"
    r"|(?<![\w@./])@\("
    + _SP
    + r"{0,2}[A-Z][A-Za-z0-9_]{1,30}(?:\.[A-Za-z_][A-Za-z0-9_]{0,40}(?:\([^()\n]{0,40}\))?){1,4}"
    + r"(?:"
    + _SP
    + r"{0,2}\?\?"
    + _SP
    + r"{0,2}(?:\"[^\"\n]{0,40}\"|'[^'\n]{0,40}'|[A-Za-z0-9_.]{1,40}))?"
    + _SP
    + r"{0,2}\)"
)
#: a directive of Blade and the like with a path or key as its argument:
#: "@include('partials.newsletter-box')", "@lang(\"messages.welcome\")"; a handle has no
#: parenthesis right after it
_DIRECTIVE_CALL_RE = compile_pattern(
    r"(?<![\w@./])@[a-z][A-Za-z]{1,20}\("
    + _SP
    + r"{0,2}(?:'[\w./:-]{1,80}'|\"[\w./:-]{1,80}\")"
    + r"(?:"
    + _SP
    + r"{0,2},[^()\n]{1,80})?"
    + _SP
    + r"{0,2}\)"
)
#: a line of nothing but an SEO plugin's variables ("%title% %sep% %sitename%") or of
#: snake-case hash variables ("#post_title #separator_sa #site_title"): two or more
_SEO_VAR = r"%%?[a-z][a-z0-9_]{1,30}%%?"
_HASH_VAR = r"#[a-z][a-z0-9]{0,20}(?:_[a-z0-9]{1,20}){1,4}"
_VAR_GAP = _SP + r"{0,3}[-|–—·•:»]?" + _SP + r"{0,3}"
_VAR_LINE_RE = compile_pattern(
    r"^" + _SP + r"{0,3}(?:" + _SEO_VAR + r"(?:" + _VAR_GAP + _SEO_VAR + r"){1,8}"
    r"|" + _HASH_VAR + r"(?:" + _VAR_GAP + _HASH_VAR + r"){1,8})" + _SP + r"{0,3}$"
)


#: a line of variables is short
_VAR_LINE = 400


def spec_maths(token: str) -> str:
    """What maths drops a format field: set notation and its words, but for a numbered field
    with a format code of letters ("{0:C0}", "{1:N2}"), which set-builder notation never is,
    symbols only ("Bail was set at {0:C0}")."""
    field, _, spec = token[1:-1].partition(":")
    if field.isdigit() and any(c.isalpha() for c in spec):
        return "symbols"
    return "sets"


def placeholder_hits(
    text: str,
    *,
    skip_names: frozenset[str] = frozenset(),
    timeout: float | None = DEFAULT_TIMEOUT,
    table: VoiceTable | None = None,
) -> Iterator[ShapeHit]:
    """Identifier-shaped content inside a delimiter pair of :data:`DELIMITERS`, and shortcodes."""
    for d, pattern in zip(DELIMITERS, _DELIMITER_RES, strict=True):
        if d.open not in text or d.close not in text:
            continue  # a pair needs both its ends
        for found in finditer(pattern, text, timeout=timeout):
            if d.kind == "jinja" and not _check_jinja(text, found.start(), found.end(), skip_names):
                continue
            yield _token_hit(
                d.kind,
                found,
                "unresolved template placeholder",
                weak=d.weak,
                maths=spec_maths(found.group()) if d.kind == "format_spec" else "",
            )
    if ("%" in text or "#" in text) and len(text) <= _VAR_LINE:
        m = match_pattern(_VAR_LINE_RE, text, timeout=timeout)
        if m is not None:
            yield _token_hit("variable_line", m, "unresolved template placeholders", weak=True)
    if "@" in text:
        for m in finditer(_RAZOR_RE, text, timeout=timeout):
            yield _token_hit("razor", m, "unresolved template placeholder", weak=True)
        if "(" in text:
            for m in finditer(_DIRECTIVE_CALL_RE, text, timeout=timeout):
                yield _token_hit("directive", m, "unresolved template directive", weak=True)
    if "[" in text:
        for m in finditer(_SHORTCODE_RE, text, timeout=timeout):
            yield _token_hit("shortcode", m, "unrendered shortcode", weak=True)
        if ":" in text:
            for m in finditer(_ENTITY_TOKEN_RE, text, timeout=timeout):
                yield _token_hit("entity_token", m, "unresolved template placeholder", weak=True)
    if "{" in text and "," in text:
        for m in finditer(_ICU_RE, text, timeout=timeout):
            yield _token_hit("icu_message", m, "unformatted message", weak=True)
    if "{" in text and table is not None:
        for m in itertools.islice(finditer(_BRACE_SLOT_RE, text, timeout=timeout), MAX_JUDGED):
            name = m.group("name")
            if name.split(None, 1)[0].casefold() in skip_names:
                continue  # "{{cite web}}", "{{Infobox city}}": wiki markup
            if bracket_slot(name, table) in {"pending", "desk", "instruction", "slot_noun"}:
                yield _token_hit("brace_slot", m, "unfilled slot", weak=True, maths="sets")
    yield from _slot_word_hits(text, timeout)


#: a CMS's token of an entity and its field: "[node:field_city]", "[site:slogan-text]",
#: "[node:created:short]": lower case, a colon, and a field with "_" or "-" or a second colon
_ENTITY_TOKEN_RE = compile_pattern(
    r"(?<!\[)\[[a-z][a-z-]{1,20}:(?:[a-z][a-z0-9]{0,30}[_-][a-z0-9_-]{1,40}"
    r"|[a-z][a-z0-9_-]{0,40}(?::[a-z0-9_-]{1,40}){1,3})\](?![\](:])"
)
#: words in braces, single or double: "{DATE OF HEARING}", "{{cidade-sede a definir}}"; what
#: :func:`bracket_slot` says of a bracket's content it says of theirs
_BRACE_SLOT_RE = compile_pattern(
    r"(?<!\{)\{\{?(?P<name>[^\W\d_][^{}|\n]{1,60}?[^\W\d_])\}\}?(?!\})"
)
#: an ICU message's argument with its plural or select form: "{count, plural, one {# …}"
_ICU_RE = compile_pattern(
    r"\{"
    + _SP
    + r"{0,2}[A-Za-z_][\w.]{0,30}"
    + _SP
    + r"{0,2},"
    + _SP
    + r"{0,2}(?:plural|selectordinal|select)"
    + _SP
    + r"{0,2},"
)
#: a name of a slot between delimiters that prose does not pair around a word: «VenueName»,
#: <<FirstName>>, %ciudad%, $headline$; each name is judged by :func:`_slot_word`
_SLOT_WORD_RE = compile_pattern(
    r"(?P<g>«)(?P<gn>[A-Za-z][A-Za-z0-9_]{2,40})»"
    r"|(?<!<)<<(?P<an>[A-Za-z][A-Za-z0-9_]{2,40})>>(?!>)"
    r"|(?<![\w%])%(?P<pn>[^\W\d][\w]{2,30})%(?![\w%])"
    r"|(?<![\w$\\])\$(?P<dn>[a-z][a-z_]{2,30})\$(?![\w$])"
)
#: the shortest hump of a name in camel case ("Venue", "Name")
_HUMP = 2


def _slot_word(name: str, *, plain_word: bool) -> bool:
    """Whether a delimited name is a slot's: snake case ("first_name"), camel case ending in a
    slot noun ("VenueName", "firstName"; not a brand such as "YouTube" or "PlayStation"), or,
    where the delimiters pair nothing else (``plain_word``), one slot noun ("ciudad")."""
    if "_" in name.strip("_"):
        parts = name.strip("_").split("_")
        return all(p.isalnum() for p in parts) and len(parts) <= 6
    humps: list[str] = []
    for c in name:
        if c.isupper() or not humps:
            humps.append(c)
        else:
            humps[-1] += c
    nouns = _slot_noun_words()
    if len(humps) >= 2 and all(len(h) >= _HUMP for h in humps) and not name.isupper():
        return humps[-1].casefold() in nouns
    return plain_word and name.islower() and name in nouns


def _slot_word_hits(text: str, timeout: float | None) -> Iterator[ShapeHit]:
    if not any(c in text for c in "«<%$"):
        return
    for m in itertools.islice(finditer(_SLOT_WORD_RE, text, timeout=timeout), MAX_JUDGED):
        name = m.group("gn") or m.group("an") or m.group("pn") or m.group("dn")
        plain_word = m.group("pn") is not None or m.group("dn") is not None
        if not _slot_word(name, plain_word=plain_word):
            continue
        kind = (
            "guillemet"
            if m.group("gn")
            else "double_angle"
            if m.group("an")
            else "percent"
            if m.group("pn")
            else "dollar"
        )
        yield _token_hit(
            kind,
            m,
            "unresolved template placeholder",
            weak=True,
            maths="symbols" if kind == "dollar" else "",
        )


# ---------------------------------------------------------------------------------------------
# slots: brackets and journalists' placeholders

_BRACKET_RE = compile_pattern(
    r"\[(?<!\[\[)" + _SP + r"{0,2}(?P<name>[^\[\]\n]{1,80}?)" + _SP + r"{0,2}\](?![\](:])"
)
_ROMAN = frozenset("ivxlcdm")


def bracket_slot(content: str, table: VoiceTable) -> str:
    """Why a bracket's content is a slot ("instruction", "slot_noun", "pending", "desk") or ""."""
    words = tokens(content, timeout=None)
    if not words or len(words) > 12:
        return ""
    return _slot_content(content, words, table) or _pending_instruction(content, words, table)


def _slot_content(content: str, words: list[Token], table: VoiceTable) -> str:
    """Why a bracket's content is a slot by its words ("instruction", "slot_noun") or ""."""
    letters = [w for w in words if any(c.isalpha() for c in w.raw)]
    if len(letters) != len(words):
        return ""  # numbers, years, citations: "[1]", "[2019]"
    head, colon, rest = content.partition(":")
    if colon and head.strip().isupper() and 0 < len(head.split()) <= 2 and ":" not in rest:
        # "<PLACEHOLDER: photo caption, credit AP>", "[EINFÜGEN: Zitat]": a slot's head in
        # capitals and a colon, what it wants after it
        head_words = tokens(head, timeout=None)
        rest_words = tokens(rest, timeout=None)
        if (table.has("slot_nouns", head_words) or table.has("instruction_verbs", head_words)) and (
            table.has("slot_nouns", rest_words) or table.has("instruction_verbs", rest_words)
        ):
            return "instruction"
    if any(c in content for c in '@/=:"“”…') or content.rstrip().endswith("."):
        return ""  # addresses, links, quotations, ellipses, sentences
    if all(set(w.text) <= _ROMAN for w in words):
        return ""  # "[IV]"
    if table.has("redaction", words):
        return ""  # "[sic]", "[name withheld]", "[REDACTED]"
    n = len(words)
    if words[0].text in {"sic", "redacted"}:
        return ""
    head_instruction = table.find("instruction_verbs", words, 0, min(n, 2))
    if n >= 2 and head_instruction and head_instruction[0].first == 0:
        return "instruction"
    shouted = all(w.raw.isupper() for w in words if any(c.isalpha() for c in w.raw))
    if n >= 3 and shouted and head_instruction:
        # in capitals, a word before the instruction ("[TU WSTAWIĆ KOMENTARZ WÓJTA]", "[HIER
        # EINFÜGEN ZITAT]") and what it wants after it
        return "instruction"
    tail = [f for f in table.find("instruction_verbs", words, max(0, n - 2)) if f.last == n - 1]
    if n >= 2 and tail:
        return "instruction"
    if table.has("editorial_heads", words, 0, 1):
        return ""  # "[the company]", "[his wife]": an editor's insertion
    upper = all(w.raw.isupper() for w in letters)
    title = all(w.raw[:1].isupper() or table.has("of_words", [w]) for w in letters)
    head_noun = table.has("slot_nouns", words, 0, 1)
    tail_nouns = [f for f in table.find("slot_nouns", words, max(0, n - 3)) if f.last == n - 1]
    if n == 1:
        return ""  # "[DATA]", "[LOCAL]": as often a section label (the vocabulary rule decides)
    if tail_nouns:
        return "slot_noun"
    capital = words[0].raw[:1].isupper()
    of_next = table.has("of_words", words, 1, 2)
    if head_noun and capital and (upper or title or of_next):
        return "slot_noun"
    lower = all(w.raw.islower() for w in letters)
    if (
        n == 2
        and lower
        and table.has("number_slots", words, 0, 1)
        and words[1].raw.isalpha()
        and len(words[1].raw) > _FUNCTION_WORD - 1
    ):
        return "slot_noun"  # "[numer drogi]", "[Anzahl Verletzte]": a number's noun and whose
    if head_noun and of_next and n <= 4 and lower:
        return "slot_noun"  # "[nome della via]": a slot noun and its complement, no more
    if head_noun and lower and n <= _NAMED_SLOT_WORDS and _names_whom(words, table):
        # a slot noun and whom it names, a role or another slot noun ("[nom du porte-parole de
        # la préfecture]", "[naam wethouder onderwijs]"); "[name of random hated item]" names
        # nobody
        return "slot_noun"
    return ""


#: how many words stand before a mark of what is still to come ("[Photo caption to come]")
_PENDING_HEAD = 4
#: an instruction of a desk has a verb and what it asks for: three words at least
_DESK_WORDS = 3


def _pending_instruction(content: str, words: list[Token], table: VoiceTable) -> str:
    """Why a bracket's content is a note of what is still to come or a desk's instruction
    ("pending", "desk"), or "".

    - a short noun phrase and a mark of what is to come ("[date TBC]", "[Photo caption to
      come]", "[Headline goes here]"), or that mark before a colon ("[à compléter : réaction de
      l'opposition]");
    - a desk's verb at the head, the bracket in lower case or in capitals, what it asks for
      after it ("[check spelling of surname with desk]", "[embed tweet from @MetOffice]", "[tu
      uzupełnić dane z ratusza]"); a link's label is capitalised ("[Check out our guide]").

    Sentences (a full stop at the end) and quotations are not judged."""
    if any(c in content for c in '"“”„«»') or content.rstrip().endswith((".", "!", "?")):
        return ""
    n = len(words)
    head, colon, rest = content.partition(":")
    if colon and rest.strip() and ":" not in rest:
        head_words = tokens(head, timeout=None)
        marks = table.find("pending_marks", head_words)
        if head_words and any(f.first == 0 and f.last == len(head_words) - 1 for f in marks):
            return "pending"  # "[à compléter : réaction de l'opposition]", "[TBC: venue]"
        verbs = table.find("instruction_verbs", head_words, 0, 1)
        if 2 <= len(head_words) <= _PENDING_HEAD and any(f.first == 0 for f in verbs):
            return "desk"  # "<Insert photo caption: striking nurses outside hospital>"
    if "@" not in content and "/" not in content and ":" not in content:
        tail = [f for f in table.find("pending_marks", words, 1) if f.last == n - 1]
        if tail and 1 <= tail[0].first <= _PENDING_HEAD and words[0].raw[:1].isalpha():
            before = words[: tail[0].first]
            first_person = table.has("first_person", before) or table.has("reader", before)
            if not first_person and not table.has("editorial_heads", before, 0, 1):
                return "pending"
    if n < _DESK_WORDS:
        return ""
    letters = [w.raw for w in words if any(c.isalpha() for c in w.raw)]
    shouted = all(w.isupper() for w in letters)
    lower = all(w.islower() for w in letters[1:])
    for f in table.find("pending_marks", words, 0, 3):
        if f.first != 0 or f.last >= n - 1 or not (shouted or lower):
            continue
        if shouted or table.has("slot_nouns", words, f.last + 1):
            return "pending"  # "[AQUÍ VA LA DECLARACIÓN DE LA CONSEJERA]", "[hier kommt das Zitat]"
    at = 0
    if table.has("here_words", words, 0, 1) and (shouted or words[1].raw.islower()):
        at = 1  # "[tu uzupełnić …]", "[Tu wstawić …]": a place word first
    verb = words[at].raw
    if not (verb.islower() or shouted) or not verb.isalpha():
        return ""
    if any(
        f.first == at
        for section in ("desk_verbs", "instruction_verbs")
        for f in table.find(section, words, at, at + 1)
    ):
        return "desk"
    return ""


def _names_whom(words: list[Token], table: VoiceTable) -> bool:
    """Whether a role or a slot noun follows the head slot noun of ``words`` (not the head's
    own words: "imię i nazwisko")."""
    heads = [f for f in table.find("slot_nouns", words, 0, 1) if f.first == 0]
    lo = max(f.last for f in heads) + 1 if heads else 1
    if table.has("slot_nouns", words, lo):
        return True
    return any(
        len(w.raw) > _FUNCTION_WORD
        for f in table.find("name_cues", words, lo)
        for w in words[f.first : f.last + 1]
    )


#: prepositions and articles are this short in the eight languages ("am", "a", "del", "door")
_FUNCTION_WORD = 4


def _before_count(left: str, right: str, table: VoiceTable) -> bool:
    """Whether a slot stands where a number does: before a count noun, one space between,
    after a space or at the line's start ("[number] people were treated", "[Zahl] Menschen")."""
    if not right.startswith(" ") or (left and not left.endswith(" ")):
        return False
    after = tokens(right[:40], timeout=None)[:1]
    if not after or right[: after[0].start].strip():
        return False
    return bool(table.find("count_nouns", after))


def lone_slot(text: str, start: int, end: int, table: VoiceTable) -> bool:
    """Whether a bracket of one slot noun stands inside a sentence, where its value belongs:
    "findet am [Datum] in der Stadthalle statt", "ascienden a [cifra] millones"; alone, at a
    line's start or end, "[Date]" or "[Link]" is as often a label or a link's text."""
    words = tokens(text[start:end], timeout=None)
    if len(words) != 1 or not words[0].raw.isalpha() or not table.has("slot_nouns", words):
        return False
    if table.has("redaction", words):
        return False
    left, right = text[:start], text[end:]
    if _before_count(left, right, table):
        return True
    if _number_slot_in_sentence(words, left, right, table):
        return True
    if not (left.endswith(" ") and right.startswith((" ", ",", ";"))):
        return False
    before = tokens(left[-40:], timeout=None)
    after = tokens(right[:40], timeout=None)
    if not before or not after or not before[-1].raw.isalpha():
        return False
    if left[-40:][before[-1].end :].strip() or right[: after[0].start].strip(" ,;"):
        return False  # a word right before it and one right after, in one sentence
    if not before[-1].raw.islower():
        return False
    # after a preposition or an article ("am", "a", "on", "the"): where a value goes, not a
    # link's label after a clause ("Rent rose again [source] and …"); a slot noun in capitals
    # between two lower-case words of a sentence names its slot wherever it stands ("the
    # board [DATE] approved"), as a link's label is not written
    shouted = words[0].raw.isupper() and len(words[0].raw) >= _ACRONYM and after[0].raw.islower()
    return len(before[-1].raw) <= _FUNCTION_WORD or shouted


def _number_slot_in_sentence(words: list[Token], left: str, right: str, table: VoiceTable) -> bool:
    """A slot noun for a number, a sum or a year (``[number_slots]``) in brackets after a word of
    its line and before a word or a sentence's punctuation: "founded in [YEAR] by", "cost
    [amount].", "calcinó [número] hectáreas"; no link's label or section's name is a number's
    noun. In title case it is as often a label ("[Number] Street"): lower case or capitals."""
    raw = words[0].raw
    if not (raw.islower() or (raw.isupper() and len(raw) > _ACRONYM)):
        return False
    if not table.has("number_slots", words):
        return False
    before = left[-40:]
    if not before.endswith(" ") or not any(c.isalpha() for c in before):
        return False
    after = right[:3]
    return after[:1] in {",", ".", ";", ":"} or (
        after[:1] == " " and (after[1:2].isalnum() or after[1:2] in {"–", "—", "("})
    )


#: how many words a bracket slot of unknown nouns may have ("[Name Of The Venue]")
_VALUE_SLOT_WORDS = 4
#: how many words a bracket of a slot noun and whom it names may have ("[nom du porte-parole de
#: la préfecture]")
_NAMED_SLOT_WORDS = 6
#: an acronym in capitals alone this short is an acronym ("[AP]", "[USA]"), not a slot
_ACRONYM = 3


def _open_quote_before(text: str, start: int) -> bool:
    """Whether a quotation opened before ``start`` on the line is still open there."""
    before = text[:start]
    opened = sum(before.count(q) for q in "“„«‹") - sum(before.count(q) for q in "”»›")
    return opened > 0 or before.count('"') % 2 == 1


#: the shortest slot noun that ends a compound ("ort" of "Veranstaltungsort" is too short)
_SLOT_TAIL = 4


def _ends_in_slot_noun(word: str) -> bool:
    """Whether a word is, or ends with, a slot noun of four letters or more ("stadtname",
    "firmenname", "eventdatum")."""
    nouns = _slot_tails()
    return any(word[i:] in nouns for i in range(len(word) - _SLOT_TAIL + 1))


@functools.lru_cache(maxsize=1)
def _slot_noun_words() -> frozenset[str]:
    return words_of("slot_nouns", voice_languages())


@functools.lru_cache(maxsize=1)
def _slot_tails() -> frozenset[str]:
    """The slot nouns long enough to end a compound."""
    return frozenset(noun for noun in _slot_noun_words() if len(noun) >= _SLOT_TAIL)


def value_slot(text: str, start: int, end: int, table: VoiceTable) -> bool:
    """Whether a bracket of a short noun phrase in title case or capitals, of any nouns,
    stands where a name or a number belongs: before a count noun, after a role ("Bürgermeister
    [Vollständiger Name] sagte"), after a preposition or an article inside a sentence ("findet in
    [Stadthalle Ort] statt"), or as the subject of a verb of saying ("[FIRMENNAME] teilte mit").
    An editor's insertion in a quotation ("“[Smith] knew”"), "[sic]", redaction marks,
    numbers and acronyms are not slots."""
    content = text[start + 1 : end - 1].strip()
    words = tokens(content, timeout=None)
    if not words or len(words) > _VALUE_SLOT_WORDS or len(content) > 60:
        return False
    if not all(w.raw.replace("-", "").isalpha() for w in words):
        return False
    if "".join(w.raw for w in words) != "".join(content.replace("-", "").split()).replace(
        "-", ""
    ) and any(c in content for c in ".,;:!?'\"/@&"):
        return False
    upper = all(w.raw.isupper() for w in words)
    title = all(w.raw[:1].isupper() or table.has("of_words", [w]) for w in words)
    # or a slot noun and the noun it names, in lower case: "Wethouder [naam wethouder] liet"
    named = (
        len(words) == 2
        and all(w.raw.islower() for w in words)
        and table.has("slot_nouns", words, 0, 1)
    )
    if not named and (not (upper or title) or not words[0].raw[:1].isupper()):
        return False
    if upper and len(words) == 1 and len(words[0].raw) <= _ACRONYM:
        return False
    if len(words) == 1 and not upper and not _ends_in_slot_noun(words[0].text):
        return False  # "[Apple]": a name; "[Stadtname]", "[Veranstaltungsort]": a slot
    if table.has("redaction", words) or table.has("editorial_heads", words, 0, 1):
        return False
    if _open_quote_before(text, start) or single_quoted(text, start, end):
        return False
    left, right = text[:start], text[end:]
    if left.rstrip()[-1:].isalpha() and _before_count(left, right, table):
        # after a word of its sentence: "[VIDEO] Firefighters battle …" labels a line, "Technik >
        # [Windows Expertenwissen] Per Update" is a breadcrumb
        return True
    if not left.endswith(" ") or right[:1] not in {" ", ",", ".", ";"}:
        return False
    before = tokens(left[-40:], timeout=None)
    after = tokens(right[:40], timeout=None)
    if not before:
        return False
    if left[-40:][before[-1].end :] != " ":
        return False
    prev = before[-1]
    next_lower = bool(after) and after[0].raw.islower() and not right[: after[0].start].strip()
    # after a role noun: "Bürgermeister [Name Nachname] sagte", "the mayor, [MAYOR NAME],"
    if any(len(prev.raw) > _FUNCTION_WORD and f.last == 0 for f in table.find("name_cues", [prev])):
        return True
    # after a role heading the sentence, its verb after it: "Wethouder [naam wethouder] liet",
    # "O secretário [NOME DO SECRETÁRIO] afirmou"
    head = left[: len(left) - len(left[-40:]) + prev.start].rstrip(" ")
    opening = (
        not head
        or head[-1:] in {".", "!", "?"}
        or (
            len(before) >= 2
            and table.has("articles", before[-2:-1])
            and not left[: len(left) - len(left[-40:]) + before[-2].start].strip(" ")
        )
    )
    if opening and prev.raw[:1].isupper() and prev.raw[1:].islower() and next_lower:
        return True
    # after a preposition or an article inside a sentence, the sentence going on after it
    if prev.raw.islower() and len(prev.raw) <= _FUNCTION_WORD and prev.raw.isalpha():
        return next_lower or right[:1] in {",", ".", ";"}
    return False


_PAREN_RE = compile_pattern(r"\((?P<name>[^()\n]{3,80})\)")


def paren_hits(
    text: str, table: VoiceTable, *, timeout: float | None = DEFAULT_TIMEOUT
) -> Iterator[ShapeHit]:
    """An instruction in parentheses: an instruction verb at its head or tail and a slot noun
    ("(insert quote from the coach here)", "(Zitat des Trainers einfügen)")."""
    if "(" not in text:
        return
    for m in itertools.islice(finditer(_PAREN_RE, text, timeout=timeout), MAX_JUDGED):
        content = m.group("name")
        if bracket_slot(content, table) != "instruction":
            continue
        words = tokens(content, timeout=timeout)
        if not table.has("slot_nouns", words) or len(words) > 10:
            continue
        yield _token_hit("paren_slot", m, "unfilled instruction", why="instruction")


_ANGLE_RE = compile_pattern(r"<(?![/!?%=])(?P<name>[^<>\n]{3,80})>")


def _titled_in_prose(text: str, start: int, content: str) -> bool:
    """A slot noun's phrase in title case inside a sentence ("… <Company Name> confirmed"):
    a word before it on the line and a lower-case word after it, where no tag's name stands."""
    words = content.split()
    if not all(w[:1].isupper() and w.isalpha() for w in words):
        return False
    before = text[max(0, start - 40) : start]
    if not before.endswith(" ") or not any(c.isalpha() for c in before):
        return False
    after = text[start + len(content) + 2 :].lstrip(" ")
    return after[:1].islower()


def angle_hits(
    text: str, table: VoiceTable, *, timeout: float | None = DEFAULT_TIMEOUT
) -> Iterator[ShapeHit]:
    """An instruction in angle brackets ("<Firmenname einfügen>", "<wpisz nazwę miasta>");
    tags hold no instruction verb at an end, and "<your name>" (a slot noun alone) is as
    often a command line's or a game wiki's notation."""
    if "<" not in text or ">" not in text:
        return
    for m in itertools.islice(finditer(_ANGLE_RE, text, timeout=timeout), MAX_JUDGED):
        content = m.group("name")
        if " " not in content.strip():
            continue
        why = bracket_slot(content, table)
        words = tokens(content, timeout=timeout)
        if why == "slot_noun" and (
            not (_titled_in_prose(text, m.start(), content) or _lower_slot(content, words, table))
            or table.has("reader", words)
        ):
            continue  # "<Your Name>" is a command line's or a form's notation
        if not why and _lower_slot(content, words, table):
            why = "slot_noun"  # "<nome completo>", "<numer drogi>"
        if why not in {"instruction", "slot_noun", "pending", "desk"}:
            continue
        # a slot in lower case is also a command line's notation ("git clone <name of repo>"):
        # it is dropped in code and programming articles
        weak = why == "slot_noun" and not _titled_in_prose(text, m.start(), content)
        yield _token_hit("angle_slot", m, "unfilled instruction", why="instruction", weak=weak)


#: how many words a lower-case slot in angle brackets has at most ("<nombre del portavoz>")
_LOWER_SLOT_WORDS = 4


def _lower_slot(content: str, words: list[Token], table: VoiceTable) -> bool:
    """A slot noun heading a short phrase of words in lower case, nothing else: "<name of
    hospital>", "<nome completo>", "<imię i nazwisko>"; no verb of a sentence has room in it."""
    if not 2 <= len(words) <= _LOWER_SLOT_WORDS or not all(w.raw.islower() for w in words):
        return False
    if any(c in content for c in '.,;:!?"/=()[]{}$%#*'):
        return False
    heads = [f for f in table.find("slot_nouns", words, 0, 1) if f.first == 0]
    if not heads or table.has("redaction", words):
        return False
    return not table.has("reader", words)


def bracket_hits(
    text: str, table: VoiceTable, *, timeout: float | None = DEFAULT_TIMEOUT
) -> Iterator[ShapeHit]:
    """Brackets whose head or tail word is a slot noun or an instruction verb."""
    if "[" not in text:
        return
    for m in finditer(_BRACKET_RE, text, timeout=timeout):
        why = bracket_slot(m.group("name"), table)
        if why:
            yield _token_hit("bracket_slot", m, "unfilled bracket slot", why=why)


_JOURNALIST_RE = compile_pattern(
    r"(?<![\w#])(?P<twice>TK(?:" + _SP + r"?TK){1,2})(?![\w#?])"
    r"|(?<![\w#.,])(?P<decimal>X{1,3}[.,]X{1,3})(?![\w#?.,])"
    r"|(?<![\w#.,])(?P<hashes>#{1,3}[.,]#{1,3})(?![\w#?.,])"
    r"|(?<![\w#])(?P<ph>TK|X{1,6}|N{2,3}|#{2,4}|\?{3})(?![\w#?])"
    r"|(?<![\w#])(?P<low>tk|xxx?)(?![\w#?])"
    r"|(?<=[$€£¥])(?P<money>X{1,6}(?i:" + voice_pattern("magnitudes") + r"))(?!\w)"
    r"|(?<![\w.,:/-])(?P<zeros>00)(?![\w.,:/-])"
    r"|(?<!\w)(?P<year>(?:19|20)XX)(?!\w)"
    r"|(?<![\w/])(?P<date>XX[./]XX(?:[./](?:XX|\d{2,4}))?)(?!\w)"
)


#: a day of zeros before a month's name ("00 March", "il 00 marzo", "am 00. Mai") or a date
#: of zeros with a year ("00/00/2025"): no calendar has a day 0, so it is a placeholder
_ZERO_DATE_RE = compile_pattern(
    r"(?<![\w.,:/-])00\.?" + _SP + r"{1,2}(?:de" + _SP + r")?(?P<month>[^\W\d_]{3,12})(?!\w)"
    r"|(?<![\w.,:/-])00[./-]00[./-](?:\d{4}|\d{2})(?![\w./-])"
)


@functools.lru_cache(maxsize=1)
def _month_names() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """The month names and abbreviations of every pack, lower-cased (``months.txt``); those a
    language writes in lower case (the packs whose names are not written capitalised in prose:
    English "may" in lower case is a verb); and those of the packs that write them capitalised
    (English, German)."""
    every = frozenset(e.text.casefold() for e in all_entries("months.txt"))
    lower = frozenset(
        e.text.casefold() for lang in _LOWER_MONTHS for e in all_entries("months.txt", (lang,))
    )
    capitalised = tuple(lang for lang in languages() if lang not in _LOWER_MONTHS)
    upper = frozenset(e.text.casefold() for e in all_entries("months.txt", capitalised))
    return every, lower, upper


#: a month in lower case is this long at least ("marzo", "mars" are; "mar" is a sea too)
_STEM_MONTH = 4
#: the languages that write month names in lower case
_LOWER_MONTHS = ("fr", "es", "it", "nl", "pl", "pt")


def _zero_dates(text: str, timeout: float | None) -> Iterator[ShapeHit]:
    if "00" not in text:
        return
    for m in itertools.islice(finditer(_ZERO_DATE_RE, text, timeout=timeout), MAX_JUDGED):
        month = m.group("month")
        if month is not None:
            every, lower, _ = _month_names()
            if month.islower() and len(month) < _STEM_MONTH:
                continue  # "00 may", "00 mar": a verb or a word as often as a month
            if month.casefold() not in (lower if month.islower() else every):
                continue
        token = m.group()
        yield ShapeHit(
            "template.filler",
            "journalist",
            m.start(),
            m.end(),
            {"kind": "journalist", "token": token, "where": "date"},
            f"journalist's placeholder {token!r} standing in for content",
        )


#: what every match of :data:`_JOURNALIST_RE` holds, and the same as one pattern of literals
_JOURNALIST_CUES = frozenset({*"TXN#?", "00", "tk", "xx"})
_JOURNALIST_CUES_RE = literal_pattern(_JOURNALIST_CUES)


def journalist_hits(
    text: str, words: list[Token] | None, table: VoiceTable, *, timeout: float | None
) -> Iterator[ShapeHit]:
    """TK, XXX and the like where a number, a name or a date belongs; a date of zeros."""
    yield from _zero_dates(text, timeout)
    if is_plain():
        if not any(c in text for c in _JOURNALIST_CUES):
            return
    elif _JOURNALIST_CUES_RE.search(text) is None:
        return
    starts = [w.start for w in words] if words is not None else []
    found = list(itertools.islice(finditer(_JOURNALIST_RE, text, timeout=timeout), MAX_JUDGED))
    ranged = _ranges(text, found, table, timeout)
    for i, m in enumerate(found):
        start, end = m.span()
        why = "year" if m.group("year") else "date" if m.group("date") else ""
        if m.group("twice"):
            why = "doubled"  # "TKTK", "TK TK": no acronym doubles itself
        if m.group("money"):
            why = "amount"  # "£XXm", "$XXbn": a sum's digits and its magnitude
        if m.group("hashes"):
            why = "number"  # "##.#": a number's digits and its decimal mark, in no language
        if not why and m.group("ph") and _slug_line(text, start, end, table):
            why = "slug"  # "HED TK", "ART TK": a part of the story still to come
        if not why and i in ranged:
            why = "range"
        if not why:
            if words is None:
                words = tokens(text, timeout=timeout)
                starts = [w.start for w in words]
            why = _slot_position(text, start, end, words, starts, table)
        if not why and m.group("ph") in {"XX", "XXX"} and _beside_month(text, start, end):
            why = "date"  # "on March XX", "le XX mars", "am XX. Mai"
        token = m.group()
        if why and token == "X" and text[start - 1 : start] not in {"$", "€", "£", "¥"}:
            continue  # one X is a letter ("Generation X"); after a currency it is a number
        if (
            why
            and m.group("zeros")
            and (why not in {"count", "amount"} or _clock_follows(text, end, table))
        ):
            continue  # "00" is a number's place before a count noun, not a clock's hour
        if not why or _token_named(text, start, end, why):
            continue
        if m.group("low") and why not in {"count", "amount", "range"}:
            continue  # "tk", "xx" in lower case: only where a number is ("by tk votes to 12")
        yield ShapeHit(
            "template.filler",
            "journalist",
            start,
            end,
            {"kind": "journalist", "token": token, "where": why},
            f"journalist's placeholder {token!r} standing in for content",
        )


#: a line of a desk's slug and its mark is this short ("HED TK", "PULL QUOTE TK")
_SLUG_WORDS = 2


def _slug_line(text: str, start: int, end: int, table: VoiceTable) -> bool:
    """Whether a placeholder ends a line that is nothing but it and the name of a part of the
    story (``[desk_slugs]``, a slot noun): "HED TK", "ART TK", "Bildunterschrift XX"."""
    if text[end:].strip(" *_:.–—-") or len(text) > _LINE_LOOK:
        return False
    head = text[:start].strip(" \t*_#>•·:–—-")
    words = tokens(head, timeout=None)
    if not words or len(words) > _SLUG_WORDS or head != " ".join(w.raw for w in words):
        return False
    found = [*table.find("desk_slugs", words), *table.find("slot_nouns", words)]
    return any(f.first == 0 and f.last == len(words) - 1 for f in found)


#: a one-letter word: a symbol a token of that letter may double ("X chromosomes (XX)")
#: an article is this long at most ("Le", "El"; "Via", "Rua" are names' words)
_ARTICLE_LENGTH = 2
#: how many digits a day of the month has
_DAY_DIGITS = 2

#: a word of two to four capitals ("XY", "XXY")
_CAPITALS_RE = compile_pattern(r"(?<![\w$€£¥])[A-Z]{2,4}(?![\w'’])")
_LONE_LETTER_RE = compile_pattern(r"(?<![\w$€£¥])[A-Z](?![\w'’])")


def _token_named(text: str, start: int, end: int, why: str) -> bool:
    """Whether a token in capitals names something rather than stand for it: quoted alone
    (a redaction shown, 'replaced by "XXXX"'), or a letter doubled where the letter stands
    alone as a symbol in the line and beside other capitals of the token's length ("two X
    chromosomes, XX in women and XY in men"); not "XX jobs, or about X% of its staff"."""
    token = text[start:end]
    if (
        _in_quotes(text, start, end)
        and not text[end : end + 2 + _QUOTED_TAIL].lstrip()[:1].isalnum()
    ):
        return True
    if len(set(token)) == 1 and token.isalpha() and why != "doubled":
        line_start = text.rfind("\n", 0, start) + 1
        line_end = text.find("\n", end)
        line = text[line_start : line_end if line_end >= 0 else len(text)]
        look = line[:_LINE_LOOK]
        lone = any(m.group() == token[0] for m in finditer(_LONE_LETTER_RE, look, timeout=None))
        return lone and any(
            len(m.group()) == len(token) and token[0] in m.group() and m.group() != token
            for m in finditer(_CAPITALS_RE, look, timeout=None)
        )
    return False


#: how much of a line is searched for a lone letter
_LINE_LOOK = 600


def _clock_follows(text: str, end: int, table: VoiceTable) -> bool:
    """Whether a clock's word follows ("00 Uhr", "00 h"): "00" is then midnight."""
    return table.has("clock_words", tokens(text[end : end + 20], timeout=None)[:1])


def _beside_month(text: str, start: int, end: int) -> bool:
    """Whether a month's name stands right before a placeholder ("March XX") or right after
    it, a full stop or "de" between ("XX mars", "XX. Mai", "XX de marzo")."""
    every, lower, capitalised = _month_names()

    def month(word: str) -> bool:
        if word.islower():
            return len(word) >= _STEM_MONTH and word.casefold() in lower
        return word[:1].isupper() and word.casefold() in every

    before = tokens(text[max(0, start - 20) : start], timeout=None)[-1:]
    if not (before and text[:start].endswith(before[0].raw + " ")):
        before = []
    elif month(before[0].raw):
        return True
    rest = text[end : end + 24]
    after = tokens(rest, timeout=None)[:3]
    if after and after[0].raw.casefold() == "de" and len(after) > 1:
        after = after[1:]
    if not (after and rest[: after[0].start].strip() in {"", "."} and month(after[0].raw)):
        return False
    if len(after) > 1 and after[1].raw.isdigit() and len(after[1].raw) <= _DAY_DIGITS:
        return False  # the month has its day ("Super Bowl XX August 13"): no day is missing
    # a month its language writes in lower case, in capitals after a word in capitals longer
    # than an article: a street's or a square's name ("Via XX Settembre"), not a date
    name = after[0].raw
    if not (name[:1].isupper() and before and before[0].raw[:1].isupper()):
        return True
    return not (
        len(before[0].raw) > _ARTICLE_LENGTH
        and name.casefold() in lower
        and name.casefold() not in capitalised
    )


def _ranges(text: str, found: list[Match], table: VoiceTable, timeout: float | None) -> set[int]:
    """The placeholders that make a range or a score with the next one: "NNN to NNN",
    "XX-XX", "zwischen XX und XX" (the word between them is a range word of a language)."""
    out: set[int] = set()
    for i in range(len(found) - 1):
        a, b = found[i], found[i + 1]
        if not (a.group("ph") and b.group("ph")) or a.group() != b.group():
            continue
        gap = text[a.end() : b.start()]
        if gap.strip() in {"-", "–", "—", ":", "/"} and len(gap) <= 3:
            out |= {i, i + 1}
            continue
        between = tokens(gap, timeout=timeout)
        alone = len(between) == 1 and not gap.replace(between[0].raw, "").strip()
        if alone and len(gap) <= 12 and table.has("range_words", between):
            out |= {i, i + 1}
    return out


#: letters of Roman numerals: "XX" is also twenty ("siglo XX", "XX secolo")
_ROMAN_UPPER = frozenset("IVXLCDM")


def _slot_position(
    text: str, start: int, end: int, words: list[Token], starts: list[int], table: VoiceTable
) -> str:
    """Where a placeholder stands: before a count noun, after a name cue, between commas, after
    a currency, or inside a sentence where a number or a word belongs."""
    at = bisect.bisect_left(starts, end)
    after = words[at : at + 2]
    before = [w for w in words[max(0, at - 5) : at] if w.end <= start][-3:]
    rest = text[end:].lstrip(" ")
    counted = after and table.find("count_nouns", after)
    if counted and counted[0].first == 0 and text[end : after[0].start].strip() in {"", "%"}:
        return "count"
    if rest[:1] == "%":
        return "count"
    left = text[:start].rstrip(" ")
    if left[-1:] in {"$", "€", "£", "¥"} and len(text[len(left) : start]) <= 1:
        return "amount"  # "$## million", "R$ XX milhões"
    if left[-1:] in {",", "("} and rest[:1] in {",", ")"} and left[-1:] + rest[:1] != "()":
        return "apposition"  # a token alone in parentheses is an abbreviation ("Kasse (TK)")
    if rest[:1] == "," and _role_follows(words[at : at + 3], table):
        return "apposition"  # "TK, a spokesperson for the ministry, declined to comment"
    next_capital = (
        bool(after) and after[0].raw[:1].isupper() and text[end : after[0].start].strip() == ""
    )
    if before and not next_capital:
        cues = table.find("name_cues", before)
        if cues and cues[-1].last == len(before) - 1:
            return "name"
    if before and before[-1].raw.isupper() and text[before[-1].end : start] == " ":
        # a slot noun in capitals names what is to come: "Coach NAME TK declined", "am DATUM
        # XX"; not in a line of capitals ("TEAM TK WINS")
        shouting = bool(after) and after[0].raw.isupper()
        if not shouting and len(before[-1].raw) > 1 and table.has("slot_nouns", before[-1:]):
            return "slot"
    token = text[start:end]
    if "." in token or "," in token:
        return ""  # "X.X" is a number's place only before a count noun or after a currency
    if token.startswith("TK") or not set(token) <= _ROMAN_UPPER | {"N"}:
        return ""  # TK is also an acronym ("die TK", "zwłoka TK sparaliżowała")
    if _inside_sentence(text, start, end, before, after) and not (
        table.has("ordinal_heads", before[-1:]) or table.has("ordinal_heads", after[:1])
    ):
        return "in_sentence"  # "hire XXX workers"; not "the XX century", "siglo XX y"
    return ""


def _role_follows(after: list[Token], table: VoiceTable) -> bool:
    """Whether a role noun that a name's apposition holds opens ``after`` (an article may come
    first): "…, a spokesperson for", "…, der Sprecher der Polizei"."""
    skip = 1 if table.has("articles", after[:1]) or table.has("editorial_heads", after[:1]) else 0
    roles = table.find("name_cues", after, skip, skip + 1)
    return any(
        len(after[f.first].raw) > _FUNCTION_WORD and after[f.first].raw.islower() for f in roles
    )


def _inside_sentence(
    text: str, start: int, end: int, before: list[Token], after: list[Token]
) -> bool:
    """Whether a token stands between two lower-case words of one sentence, a space on each
    side: where no numeral or acronym stands alone in prose but a placeholder does."""
    if not before or not after:
        return False
    prev, nxt = before[-1], after[0]
    if text[prev.end : start] != " " or text[end : nxt.start] != " ":
        return False
    return prev.raw[:1].islower() and nxt.raw[:1].islower() and prev.raw.isalpha()


# ---------------------------------------------------------------------------------------------
# leaked values and formatting libraries' error strings

#: a null-like value; each is then judged by what stands around it (:data:`_VALUE_PLACES`)
_NULL_RE = compile_pattern(
    r"(?<!\w)(?:NULL|Null|null|UNDEFINED|Undefined|undefined|nil|NIL|NONE|None|NaN"
    r"|Invalid Date|NaT)(?!\w)|<no value>|<nil>|<NA>|\(null\)|(?<![\w#/])N/A(?![\w/])"
)
#: a value position ends the field: a separator, a full stop or the line's end
_VALUE_END_RE = compile_pattern(_SP + r"{0,3}(?:$|[|·•,;/)\]–—.])")
_CAPS = frozenset(
    {"NULL", "Null", "UNDEFINED", "Undefined", "nil", "NIL", "NONE", "None", "<no value>", "(null)"}
)
_DATES = frozenset(
    {"undefined", "Undefined", "NULL", "Null", "Invalid Date", "NaN", "NaT", "<no value>"}
)
_PLACES = frozenset({"NULL", "Null", "None", "UNDEFINED", "Undefined", "undefined"})
_AMOUNTS = frozenset({"NaN", "NULL", "UNDEFINED", "Undefined", "undefined"})
#: values that are no word of any language: wherever they stand outside code they leaked
#: (JavaScript's "not a number", Go's and C's empty values, pandas' missing time and value)
_ALIEN = frozenset({"NaN", "NaT", "<NA>", "<no value>", "<nil>", "(null)", "Invalid Date"})
#: a field's label, a publishing verb and the word that may follow it (``voice.txt``'s
#: ``[value_labels]``, ``[published_words]``, ``[published_joiners]``)
_META = "(?i:" + voice_pattern("value_labels") + ")"
_PUBLISHED = "(?i:" + voice_pattern("published_words") + ")"
_PUBLISHED_JOINER = "(?i:" + voice_pattern("published_joiners") + ")"
# fmt: off
#: (kind, the values it takes, what the text just before the value must end with, whether
#: the value must end its field); tried in order, the first that fits names the hit
_VALUE_PLACES: tuple[tuple[str, frozenset[str] | None, Pattern, bool], ...] = (
    ("label_value", None, compile_pattern(
        r"(?:^|\W)" + _META + _SP + r"?:" + _SP + r"{0,3}$"), True),
    ("byline", _CAPS, compile_pattern(
        r"(?:^|\W)(?i:" + voice_pattern("byline_prepositions") + ")" + _SP + r"{1,3}$"), True),
    ("published", _DATES, compile_pattern(
        r"(?:^|\W)" + _PUBLISHED + r"(?:" + _SP + _PUBLISHED_JOINER + r")?:?"
        + _SP + r"{1,3}$"), False),
    ("date", _DATES, compile_pattern(
        r"(?:^|\W)(?i:" + voice_pattern("date_prepositions") + ")" + _SP + r"{1,2}$"), True),
    ("place", _PLACES, compile_pattern(
        r"(?:^|\W)(?:" + voice_pattern("place_prepositions") + ")" + _SP + r"$"), True),
    ("unit", _CAPS | _AMOUNTS, compile_pattern(r"[$€£¥]" + _SP + r"?$"), False),
)
# fmt: on
#: a unit or count after the value: "NaN €", "undefined min read"
_UNIT_AFTER_RE = compile_pattern(
    _SP + r"?(?:%|€|\$|£|(?i:" + voice_pattern("unit_words") + r")(?!\w))"
)
#: what follows a dateline's place: a comma and a date, an agency in brackets, a dash
_DATELINE_AFTER_RE = compile_pattern(_SP + r"{0,2}(?:,|\(|[–—-]" + _SP + r")")
_DATELINE_AFTER_NONE_RE = compile_pattern(_SP + r"{0,2}(?:\(|[–—-]" + _SP + r")")
#: a value glued to a word by a hyphen, as a number is ("null-year-old", "NaN-letni")
_GLUED_RE = compile_pattern(r"-(?P<word>[^\W\d_]{2,30})")
#: what joins the values of a repeated leak ("None, None", "NaN/NaN/NaN", "null null")
_PAIR_GAPS = frozenset({" ", ", ", ",", "/", " / ", "-", ".", ":", " - ", " · "})
_ERRORS: tuple[Pattern, ...] = (
    # Go's fmt: a verb without its operand, a bad one, an extra one
    compile_pattern(
        r"%!(?:[a-zA-Z]\((?:MISSING|BADINDEX|BADPREC|BADWIDTH|NOVERB|PANIC=[^()\n]{0,40}|"
        r"[a-z*.\[\]]{1,20}=[^()\n]{0,40})\)|\(EXTRA[^()\n]{0,60}\)|\(BADINDEX\)|\(NOVERB\))"
    ),
    compile_pattern(r"<no value>"),  # Go's templates
    # Go's fmt with a nil operand or any other bad one: "%!s(<nil>)", "%!d(string=hi)"
    compile_pattern(r"%![a-zA-Z]\((?:<nil>|[^()\n]{1,60})\)"),
    # Python's repr of an object with no text of its own: "<function get_related at 0x7f3b…>",
    # "<app.models.Venue object at 0x10a3f…>"
    compile_pattern(r"<[A-Za-z_][\w.]{0,60}(?: [\w.]{1,40}){0,3} at 0x[0-9a-fA-F]{4,16}>"),
    # Ruby's inspect of an object and PHP's resource: "#<Venue:0x000055d5c3a1b2c8 …>",
    # "Resource id #5"
    compile_pattern(
        r"#<[A-Z][\w:]{0,60}:0x[0-9a-f]{6,16}(?:" + _SP + r"[^<>\n]{0,80})?>"
        r"|(?<!\w)Resource id #\d{1,6}(?!\d)"
    ),
    # Java's Object.toString: a class in its package and its hash ("com.newsroom.model.Venue@6d06d69c")
    compile_pattern(
        r"(?<![\w.@/])(?:[a-z][a-z0-9_]{0,30}\.){1,8}[A-Z][A-Za-z0-9_$]{0,60}@[0-9a-f]{4,8}"
        r"(?![\w@]|\.\w)"
    ),
    # the zero time of Go and .NET where a date was to be printed: "0001-01-01 00:00:00 +0000
    # UTC", "1/1/0001 12:00:00 AM"; no story is dated the first day of the year 1 in these forms
    compile_pattern(
        r"(?<![\w-])0001-01-01(?:[ T]00:00:00(?:\.0{1,9})?(?:Z|" + _SP + r"?[+-]00:?00"
        r"(?:" + _SP + r"UTC)?)?)?(?![\w-])"
        r"|(?<![\w/])0?1/0?1/0001(?:" + _SP + r"(?:12:00:00" + _SP + r"AM|00:00:00))?(?![\w/])"
    ),
    # PHP's array printed where its items belong, the whole value after a label at a line's
    # start: "Filed under: Array", "Tags: Array"
    compile_pattern(r"(?<=^[^\W\d_][^\n:]{0,30}:" + _SP + r"{0,3})Array(?=" + _SP + r"{0,3}$)"),
    compile_pattern(  # Rails' I18n
        r"translation missing:" + _SP + r"{0,2}[a-z]{2}(?:[-_][A-Za-z]{2})?\.[\w.]{1,80}"
    ),
    compile_pattern(r"\[missing \"[^\"\n]{1,80}\" translation\]"),
    # the same message in the languages of the packs, before its key
    compile_pattern(
        r"(?<!\w)(?i:"
        + voice_pattern("missing_translation")
        + r")"
        + _SP
        + r"{0,2}:"
        + _SP
        + r"{0,2}[a-z]{2}(?:[-_][A-Za-z]{2})?\.[\w.]{1,80}"
    ),
    compile_pattern(r"(?<!\w)Invalid Date(?!\w)"),  # JavaScript's Date
    # date libraries' "Invalid date" where a date was to be printed, after a word of the
    # sentence ("scheduled for Invalid date at"); not a sentence's own start
    compile_pattern(r"(?<=[\w,:] )Invalid date(?!\w)"),
    compile_pattern(r"Liquid (?:error|syntax error)(?: \(line \d{1,5}\))?:"),
    # an exception's name and its message where a value was to be printed: Python's
    # "KeyError: 'headline'", JavaScript's "TypeError: Cannot read properties of undefined"
    compile_pattern(
        r"(?<![\w.])(?:[A-Z][a-z]{1,15}){1,3}(?:Error|Exception):" + _SP + r"{0,2}"
        r"(?:'[^'\n]{1,60}'|\"[^\"\n]{1,60}\"|[A-Za-z_$][^\n]{0,80}?(?=[.;]?" + _SP + r"|$))"
    ),
    # PHP's notices about a missing value
    compile_pattern(
        r"(?<!\w)(?:Use of undefined constant|Undefined (?:variable|index|offset|array key"
        r"|property|constant))(?::|" + _SP + r")" + _SP + r"{0,2}[\"'$]?[A-Za-z_][\w.]{0,60}"
    ),
    # spreadsheets' error values in every locale, by their shape: "#" and a word in capitals
    # ending in "!" or "?" ("#VALUE!", "#WERT!", "#¡VALOR!", "#¿NOMBRE?", "#DIV/0!"), or
    # "not available" as two capitals around a slash ("#N/A", "#N/D", "#NV")
    compile_pattern(r"(?<![\w#])#(?:[¡¿]?[A-ZÀ-ÖØ-Þ]{2,8}(?:/0)?[!?]|N/[A-Z]|NV)(?![\w!?/])"),
)
_SHEET_ERROR_RE = _ERRORS[-1]


def _sheet_error(text: str, start: int, end: int, table: VoiceTable | None) -> bool:
    """Whether a spreadsheet's error shape stands where a value does: "#N/A", "#¡VALOR!" are
    no words; "#WERT!" with text after it on the line or after a lower-case word ("stood at
    #VALUE!"), not a hashtag cheered at a line's end ("Go #USA!"); beside a word for an error
    it is a mention ("the #VALUE! error", "der Fehler #WERT!")."""
    token = text[start:end]
    if table is not None:
        near = tokens(text[max(0, start - 30) : start], timeout=None)[-2:]
        near += tokens(text[end : end + 30], timeout=None)[:1]
        if table.has("error_nouns", near):
            return False
    if token[1] in "¡¿" or "/" in token or token[-1] not in "!?":
        return True
    if any(c.isalnum() or c in "$€£¥" for c in text[end : end + 40]):
        return True
    before = text[max(0, start - 40) : start].split()
    return bool(before) and before[-1][:1].islower()


#: every null-like value and error string holds one of these
_VALUE_CUES = (
    "NULL",
    "Null",
    "null",
    "UNDEFINED",
    "ndefined",
    "nil",
    "NIL",
    "NONE",
    "None",
    "<no value>",
    "<nil>",
    "(null)",
    " at 0x",
    "@",
    "0001",
    "Array",
    "Invalid Date",
    "Invalid date",
    "NaN",
    "NaT",
    "<NA>",
    "N/A",
    "%!",
    "translation missing",
    ".",
    "[missing ",
    "Liquid ",
    "Error:",
    "Exception:",
    "#",
)
#: the cues as one pattern of literals (one pass over a line instead of one per cue)
_VALUE_CUES_RE = literal_pattern(frozenset(_VALUE_CUES))
_LEFT = 60  # how far before a value its label or preposition may start


def _counted(
    text: str, end: int, value: str, table: VoiceTable | None, timeout: float | None
) -> bool:
    """Whether a count noun follows the value, as it follows a number ("de null años",
    "undefined euro"), glued by a hyphen or not; a value that is a number word of the count
    noun's language is that number ("null Prozent")."""
    if table is None:
        return False
    glued = match_pattern(_GLUED_RE, text, pos=end, timeout=timeout)
    if glued is not None:
        after = tokens(glued.group("word"), timeout=timeout)
    else:
        rest = text[end : end + 40]
        if rest[:1] not in {" ", "\u00a0"}:
            return False
        after = tokens(rest, timeout=timeout)[:1]
        if not after or rest[: after[0].start].strip():
            return False
    if value[:1].isupper() and value[1:].islower() and after[0].raw[:1].isupper():
        return False  # "Undefined Games", "Null Studios": a name in title case
    found = table.find("count_nouns", after[:1])
    leaders = _languages(text, table, timeout) if found else set()
    if any(f.lang in leaders for f in found):
        # "auf null Euro" in a German line: the count noun of the line's language decides
        # (a number word of it is a number), whatever else "Euro" is
        # (a number word of one of them is a number: "null" on a German and Dutch tie)
        return all(
            value.casefold() not in words_in(table, "number_words", f.lang)
            for f in found
            if f.lang in leaders
        )
    return any(value.casefold() not in words_in(table, "number_words", f.lang) for f in found)


#: the null-like values judged after a preposition (NaN and the like are leaks anywhere)
_PREP_VALUES = frozenset(
    {"null", "Null", "NULL", "undefined", "Undefined", "UNDEFINED", "None", "NONE", "N/A"}
)
#: "not available": a table's value, no word of prose; inside a sentence it is a leak only
#: where a place, a date or a name belongs (after a preposition, in an apposition)
_TABLE_ONLY = frozenset({"N/A"})
#: how many words before an apposition's comma its role noun may stand ("Der Sprecher der
#: Polizei, null, bestätigte")
_ROLE_REACH = 4
#: the sections whose words tell a sentence's language (function words)
_FUNCTION_SECTIONS = (
    "editorial_heads",
    "of_words",
    "articles",
    "value_prepositions",
    "conditional",
)


def _words_before(text: str, start: int, reach: int, timeout: float | None) -> list[Token]:
    """The words in the ``reach`` characters before ``start`` when one space parts the last of
    them from it, else none: the words a value follows inside a sentence."""
    left = text[max(0, start - reach) : start]
    before = tokens(left, timeout=timeout)
    return before if before and left[before[-1].end :] == " " else []


def _after_preposition(
    text: str, start: int, end: int, value: str, table: VoiceTable | None, timeout: float | None
) -> str:
    """A null-like value where a place, a date, a name or a number belongs: after a byline's
    "By"/"Von"/"Por" in title case ("By undefined"), or after a preposition of a language in
    which the value is no word ("am undefined", "em null", "a null il prossimo", "in None
    later": "None" in capitals inside a sentence is no English word). German "auf null", English
    "a null result", "Null Island" and "null-hypothese" are words."""
    if table is None or value not in _PREP_VALUES:
        return ""
    before = _words_before(text, start, 40, timeout)
    if not before:
        return ""
    rest = text[end : end + 40]
    if rest[:1] in {"-", "_", ".", "(", "[", "/"} and rest[1:2].isalnum():
        return ""  # glued to a word, a path, a call: "null-hypothese", "None.x"
    after = tokens(rest, timeout=timeout)[:1]
    title = value[:1].isupper() and value[1:].islower()
    if title and after and not rest[: after[0].start].strip() and after[0].raw[:1].isupper():
        return ""  # "in Null Island", "by Undefined Games": a name
    prep = before[-1]
    if prep.raw[:1].isupper() and prep.raw[1:].islower():
        for found in table.find("byline_words", [prep]):
            if value.casefold() not in words_in(table, "number_words", found.lang):
                return "byline"  # "By undefined", "Por NULL"; not "Von null auf hundert"
        return ""
    if not prep.raw.islower():
        return ""
    langs = {f.lang for f in table.find("value_prepositions", [prep])}
    if not langs:
        return ""
    # every language in which the word before is a function word: "a" is Italian, Spanish
    # and Portuguese for "at", and English for "one"
    either = set(langs)
    for section in _FUNCTION_SECTIONS:
        either |= {f.lang for f in table.find(section, [prep])}
    if all(value not in null_words(table, lang) for lang in either):
        return "preposition"
    leaders = _languages(text, table, timeout)
    if leaders & langs and all(value not in null_words(table, lang) for lang in leaders):
        return "preposition"  # "Il vertice si terrà a null il prossimo": Italian
    # a value that is a word of the line's language ends its phrase where a noun would
    # follow it: "born in undefined and", "died aged null last", "at null."; not a number
    # word ("von null auf hundert") nor before a noun ("in undefined territory")
    ends = rest[:1] in {",", ".", ";"} or (
        bool(after)
        and rest[: after[0].start] == " "
        and after[0].raw.islower()
        and _function_word_of(after[0], either, table)
    )
    if ends and all(value.casefold() not in words_in(table, "number_words", x) for x in either):
        return "preposition"
    return ""


def _named(text: str, start: int, end: int, value: str, table: VoiceTable | None) -> str:
    """A null-like value ending its field right after the words that introduce a name ("The
    victim, identified as None, was …", "un hombre llamado null."): where the name belongs."""
    if table is None or value not in _PREP_VALUES or value in _TABLE_ONLY:
        return ""
    if match_pattern(_VALUE_END_RE, text, pos=end, timeout=None) is None:
        return ""
    before = _words_before(text, start, 60, None)
    if not before:
        return ""
    last = len(before) - 1
    if any(f.last == last for f in table.find("naming_words", before, max(0, last - 5))):
        return "name"
    # the words of a naming phrase with its agent between them ("identified by police as")
    if any(
        f.last == last and f.last > f.first
        for f in table.find("naming_words", before, max(0, last - 5), gap=_NAMING_GAP)
    ):
        return "name"
    return ""


#: the null-like values that may stand for a name after a role; lower-case "none" is an
#: English word there ("the coach none too pleased")
_ROLE_VALUES = frozenset(
    {"null", "NULL", "Null", "undefined", "Undefined", "UNDEFINED", "None", "NONE", "nil", "NaN"}
)


def _after_role(text: str, start: int, end: int, value: str, table: VoiceTable | None) -> str:
    """A null-like value right after a role's noun, where the holder's name belongs ("Mayor
    null unveiled …", "Il sindaco None ha …", "De burgemeester null opende …"); a verb of
    saying, a short word and a number word of the role's language ("der Trainer null
    Punkte") are no such place."""
    if table is None or value not in _ROLE_VALUES:
        return ""
    before = _words_before(text, start, 40, None)
    if not before:
        return ""
    prev = before[-1]
    if (
        len(prev.raw) <= _FUNCTION_WORD
        or not prev.raw.isalpha()
        or table.has("attribution", [prev])
    ):
        return ""
    rest = text[end : end + 40]
    if rest[:1] in {"-", "_", "."} and rest[1:2].isalnum():
        return ""  # glued to a word or a path
    after = tokens(rest, timeout=None)[:1]
    title = value[:1].isupper() and value[1:].islower()
    if title and after and not rest[: after[0].start].strip() and after[0].raw[:1].isupper():
        return ""  # "Null Island", "None Srl": a name
    found = table.find("name_cues", [prev])
    langs = {f.lang for f in found} | _languages(text, table, None)
    if not found or any(value.casefold() in words_in(table, "number_words", x) for x in langs):
        return ""  # "der Trainer null Punkte"
    return "name"


#: how many words may stand between the words of a naming phrase ("identified by police as")
_NAMING_GAP = 3


def _apposition(text: str, start: int, end: int, value: str, table: VoiceTable | None) -> str:
    """A null-like value between commas right after a role that a name follows ("El portavoz,
    None, confirmó", "Der Sprecher der Polizei, null, bestätigte"): a name's apposition."""
    if table is None or value not in _PREP_VALUES:
        return ""
    if not text[:start].endswith(", ") or not (
        text[end : end + 1] == "," or match_pattern(_AGE_RE, text, pos=end, timeout=None)
    ):
        return ""
    if value not in _PREP_VALUES:
        return ""
    left = text[max(0, start - 80) : start - 2]
    before = tokens(left, timeout=None)[-_ROLE_REACH:]
    if not before or left[before[-1].end :].strip():
        return ""
    for k in range(len(before) - 2, -1, -1):  # one clause: nothing but spaces between words
        if left[before[k].end : before[k + 1].start].strip():
            before = before[k + 1 :]
            break
    # a role noun, not a preposition; after a verb of saying ("The spokesman said, None, of
    # them") the clause has its subject already
    if table.has("attribution", before):
        return ""
    if text[end : end + 1] != ",":
        return "apposition"  # an age after it: a person's name belongs there, whatever the role
    if any(len(before[f.first].raw) > _FUNCTION_WORD for f in table.find("name_cues", before)):
        return "apposition"
    return ""


#: an age glued to its noun after a comma, an article before it or not: ", a 34-year-old",
#: ", der 34-Jährige", ", 34-letni"
_AGE_AFTER_RE = compile_pattern(
    r","
    + _SP
    + r"(?:[^\W\d_]{1,3}"
    + _SP
    + r")?[1-9]\d{0,2}-(?i:"
    + voice_pattern("age_words")
    + r")(?!\w)"
)


def _age_apposition(text: str, start: int, end: int, value: str, table: VoiceTable | None) -> str:
    """A null-like value right before a person's age in apposition, where a name belongs: "went to
    undefined, a 34-year-old nurse", "gewann None, der 34-Jährige aus Kiel"."""
    if value not in _PREP_VALUES or table is None:
        return ""
    if match_pattern(_AGE_AFTER_RE, text, pos=end, timeout=None) is None:
        return ""
    return "apposition" if text[max(0, start - 1) : start] == " " else ""


#: an age in parentheses after a name ("De verdachte, NULL (45) uit …")
_AGE_RE = compile_pattern(r" \([1-9]\d{0,2}\)")

#: how many words a sentence's subject before its apposition may have ("Der Verdächtige")
_SUBJECT_WORDS = 3


def _subject_apposition(
    text: str, start: int, end: int, value: str, table: VoiceTable | None
) -> str:
    """A null-like value between commas after a sentence's short subject and before its
    verb ("The suspect, undefined, was released", "Il vincitore, nil, riceverà"): where the
    subject's name belongs; not where the value is a number word of the line's language
    ("Das Ergebnis, null, …" in German)."""
    if table is None or value not in _PREP_VALUES | {"nil", "NIL"}:
        return ""
    if not text[:start].endswith(", ") or text[end : end + 1] != ",":
        return ""
    head = text[: start - 2]
    cut = max(head.rfind(". "), head.rfind("! "), head.rfind("? "))
    clause = head[cut + 2 :] if cut >= 0 else head
    words = tokens(clause, timeout=None)
    if not words or len(words) > _SUBJECT_WORDS or clause[: words[0].start].strip():
        return ""
    if not words[0].raw[:1].isupper() or not all(w.raw.isalpha() for w in words):
        return ""
    rest = text[end + 1 : end + 40]
    after = tokens(rest, timeout=None)[:1]
    if not after or not after[0].raw.islower() or rest[: after[0].start] != " ":
        return ""
    for lang in _languages(text, table, None):
        if value.casefold() in words_in(table, "number_words", lang):
            return ""  # "Das Ergebnis, null, …": a number
    return "apposition"


#: the null-like values judged by the language of their line (a word of one language, no word
#: of another: German has "null", English "none", "nil" and "undefined")
_WORD_VALUES = frozenset(
    {"null", "Null", "NULL", "undefined", "Undefined", "UNDEFINED", "None", "NONE", "nil", "NIL"}
)


def _foreign(
    text: str, start: int, end: int, value: str, table: VoiceTable | None, timeout: float | None
) -> str:
    """A null-like value ending a field inside a sentence whose language has no such word, in
    any letter case: "Jedoch liest man auch, undefined, das …", "die Deutsche None, Bahn".
    In English "None," and "undefined," are words ("hands back None, which …", "largely
    undefined, critics say"), in German "null," is."""
    if table is None or value not in _WORD_VALUES:
        return ""
    rest = text[end : end + 40]
    after = tokens(rest, timeout=timeout)[:1]
    # it ends a field ("au stade undefined.") or stands between words of the sentence ("o
    # godzinie undefined na"); glued to a word or a path it is a name or code
    leaders = _languages(text, table, timeout)
    between = (
        bool(after)
        and rest[: after[0].start] == " "
        and after[0].raw.islower()
        and (
            _function_word_of(after[0], leaders, table)
            or _determined_noun(text[max(0, start - 60) : start], leaders, table, timeout)
        )
    )
    if rest[:1] != "," and not between and not (rest[:1] == "." and not rest[1:2].strip()):
        return ""
    left = text[max(0, start - 40) : start]
    before = tokens(left, timeout=timeout)
    if not before or left[before[-1].end :] not in {" ", ", "}:
        return ""  # after a word, or between commas, inside a sentence
    if rest[:1] != "," and (
        _open_quote_before(text, start) or single_quoted(text, start, end) or value.isupper()
    ):
        return ""  # a quoted value is named ("la valeur « undefined »"); capitals shout
    if not leaders:
        return ""
    folded = value.casefold()
    for lang in leaders:
        if folded in {x.casefold() for x in null_words(table, lang)}:
            return ""
    return "foreign"


def _determined_noun(left: str, langs: set[str], table: VoiceTable, timeout: float | None) -> bool:
    """Whether ``left`` ends in a lower-case noun after an article or a preposition and a
    space ("de l'attaquant ", "allo stadio "): a role or a place whose name follows."""
    before = tokens(left, timeout=timeout)
    if len(before) < 2 or left[before[-1].end :] != " ":
        return False
    noun, det = before[-1], before[-2]
    return (
        noun.raw.isalpha()
        and noun.raw.islower()
        and left[det.end : noun.start] in {"", " "}
        and (det.raw.endswith("'") or left[det.end : noun.start] == " ")
        and _function_word_of(det, langs, table)
    )


def _function_word_of(word: Token, langs: set[str], table: VoiceTable) -> bool:
    """Whether ``word`` is a function word (a preposition, an article) of one of ``langs``."""
    return any(
        f.lang in langs for section in _FUNCTION_SECTIONS for f in table.find(section, [word])
    )


def null_words(table: VoiceTable, lang: str) -> frozenset[str]:
    """The null-like forms that are words of ``lang``, in their letter case ("null", "Null"
    in German; "none" in English, not "None" inside a sentence)."""
    if lang not in table.languages:
        return frozenset()
    return _exact_words("null_words", lang)


@functools.lru_cache(maxsize=64)
def _exact_words(section: str, lang: str) -> frozenset[str]:
    return frozenset(e for e, _ in voice_entries(lang).get(section, ()))


def _languages(text: str, table: VoiceTable, timeout: float | None) -> set[str]:
    """The languages most of a line's function words belong to (more than one on a tie:
    "il" is French and Italian), or none when fewer than two words tell."""
    words = tokens(text[:600], timeout=timeout)
    seen = {(f.first, f.lang) for section in _FUNCTION_SECTIONS for f in table.find(section, words)}
    votes: dict[str, int] = {}
    for _, lang in seen:  # each word counts once for each language it belongs to
        votes[lang] = votes.get(lang, 0) + 1
    best = max(votes.values(), default=0)
    if best < 2:
        return set()
    return {lang for lang, n in votes.items() if n == best}


def words_in(table: VoiceTable, section: str, lang: str) -> frozenset[str]:
    """The one-word entries of ``section`` in ``lang`` (the table's languages only)."""
    if lang not in table.languages:
        return frozenset()
    return _one_words(section, lang)


@functools.lru_cache(maxsize=256)
def _one_words(section: str, lang: str) -> frozenset[str]:
    return words_of(section, (lang,))


def _value_place(
    text: str,
    start: int,
    end: int,
    value: str,
    timeout: float | None,
    table: VoiceTable | None = None,
) -> str:
    """Which value position ``text[start:end]`` stands in, or ""."""
    if value in _TABLE_ONLY:
        return _apposition(text, start, end, value, table) or _after_preposition(
            text, start, end, value, table, timeout
        )
    left = text[max(0, start - _LEFT) : start]
    if not left.strip(" *_•-") and start <= _LEFT:
        # the place of a dateline: "UNDEFINED, March 3 (AP) —", "None (Reuters) -"
        # "None, she said" and "Null, the keeper," begin sentences: a word in title case
        # needs the agency or the dash
        title = value[:1].isupper() and value[1:].islower()
        after = _DATELINE_AFTER_NONE_RE if title else _DATELINE_AFTER_RE
        if match_pattern(after, text, pos=end, timeout=timeout) is not None:
            return "dateline"
    ends_field = match_pattern(_VALUE_END_RE, text, pos=end, timeout=timeout) is not None
    for kind, values, before, must_end in _VALUE_PLACES:
        if values is not None and value not in values:
            continue
        if must_end and not ends_field:
            continue
        if search_pattern(before, left, timeout=timeout) is not None:
            return kind
    if value in _AMOUNTS and match_pattern(_UNIT_AFTER_RE, text, pos=end, timeout=timeout):
        return "unit"
    if value != "None" and _counted(text, end, value, table, timeout):
        return "count"  # "None" begins sentences ("None people …" is no leak, "None of")
    kind = (
        _apposition(text, start, end, value, table)
        or _named(text, start, end, value, table)
        or _after_preposition(text, start, end, value, table, timeout)
        or _foreign(text, start, end, value, table, timeout)
        or _subject_apposition(text, start, end, value, table)
        or _after_role(text, start, end, value, table)
        or _age_apposition(text, start, end, value, table)
    )
    if kind:
        return kind
    if value in _ALIEN and not _in_quotes(text, start, end):
        return "alien"
    return ""


#: a score's number has this many digits at most ("None-2", "3:undefined")
_SCORE_DIGITS = 2


def _score_side(text: str, start: int, end: int, value: str, table: VoiceTable | None) -> bool:
    """Whether a value is one side of a score or a result, a dash or a colon joining it to a
    number ("eindigde in None-2", "won 3:undefined"); not a number word of a language ("a
    2-nil win", "Null-2" in German)."""
    if table is None or any(
        value.casefold() in words_in(table, "number_words", lang) for lang in table.languages
    ):
        return False
    after = text[end : end + 1 + _SCORE_DIGITS + 1]
    if after[:1] in {"-", "–", ":"}:
        digits = len(after[1:]) - len(after[1:].lstrip("0123456789"))
        if 0 < digits <= _SCORE_DIGITS:
            return True
    before = text[max(0, start - 2 - _SCORE_DIGITS) : start]
    if before[-1:] in {"-", "–", ":"}:
        number = before[:-1]
        digits = len(number) - len(number.rstrip("0123456789"))
        return 0 < digits <= _SCORE_DIGITS and not number[: len(number) - digits][-1:].isalnum()
    return False


def _in_quotes(text: str, start: int, end: int) -> bool:
    """Whether quotation marks close right around ``text[start:end]`` ("the app showed
    'Invalid Date'", "« NaN »"), a unit or a short word of its display inside them ("NaN €",
    „NaN zł”): a value named, what a screen showed, not one left unfilled."""
    before = text[max(0, start - 2) : start].rstrip()[-1:]
    if not before or before not in _OPENING_QUOTES + "'":
        return False
    rest = text[end : end + 2 + _QUOTED_TAIL]
    close = next((i for i, c in enumerate(rest) if c in _CLOSING_QUOTES + "'"), -1)
    if close < 0:
        return False
    tail = rest[:close].strip()
    return not tail or (len(tail) <= _QUOTED_TAIL and rest[:1] == " " and " " not in tail)


#: how long a unit or a word shown with a value inside its quotation marks may be ("zł", "EUR")
_QUOTED_TAIL = 4


def _beside_value_noun(text: str, start: int, end: int, table: VoiceTable | None) -> bool:
    """Whether a word for a value or what holds one stands right beside ``text[start:end]``,
    one space between ("NaN values", "des valeurs NaN", "a #REF! cell"): a value named."""
    if table is None:
        return False
    left = text[max(0, start - 24) : start]
    before = tokens(left, timeout=None)[-2:]
    after = tokens(text[end : end + 24], timeout=None)[:2]
    left_noun = (
        bool(before)
        and left.endswith(" ")
        and before[-1].end == len(left) - 1
        and any(f.last == len(before) - 1 for f in table.find("value_nouns", before))
    )
    right_noun = (
        bool(after)
        and after[0].start == 1
        and text[end : end + 1] == " "
        and any(f.first == 0 for f in table.find("value_nouns", after))
    )
    return left_noun or right_noun


def _pairs(text: str, found: list[Match], table: VoiceTable | None = None) -> set[int]:
    """The indices of values repeated with a separator between them ("None, None"); a word
    of a language joined to itself by a hyphen is a compound or a score ("a nil-nil draw")."""
    out: set[int] = set()
    for i in range(len(found) - 1):
        a, b = found[i], found[i + 1]
        gap = text[a.end() : b.start()]
        if a.group() != b.group() or gap not in _PAIR_GAPS:
            continue
        if (
            gap == "-"
            and table is not None
            and any(a.group() in null_words(table, lang) for lang in table.languages)
        ):
            continue
        out |= {i, i + 1}
    return out


def value_hits(
    text: str, table: VoiceTable | None = None, *, timeout: float | None = DEFAULT_TIMEOUT
) -> Iterator[ShapeHit]:
    """Null-like values where a value belongs, and formatting libraries' error strings.

    A value is found first (a literal), then judged by the few characters around it, so a long
    line costs a scan and a short look at each value.
    """
    if is_plain():
        if not any(cue in text for cue in _VALUE_CUES):
            return
    elif _VALUE_CUES_RE.search(text) is None:
        return
    found = list(itertools.islice(finditer(_NULL_RE, text, timeout=timeout), MAX_JUDGED))
    pairs = _pairs(text, found, table) if len(found) > 1 else set()
    for i, m in enumerate(found):
        value = m.group()
        if i in pairs:
            kind = "pair"
        else:
            kind = _value_place(text, m.start(), m.end(), value, timeout, table)
            if not kind and _score_side(text, m.start(), m.end(), value, table):
                kind = "score"
        if kind in {"unit", "count"} and _in_quotes(text, m.start(), m.end()):
            continue  # what a screen or a bill showed: "NaN €", „NaN zł”
        if kind and not (kind != "pair" and _beside_value_noun(text, m.start(), m.end(), table)):
            yield ShapeHit(
                "template.empty_value",
                kind,
                m.start(),
                m.end(),
                {"kind": kind, "value": value},
                f"leaked empty value {value!r} where a value belongs",
                weak=kind in {"alien", "preposition", "foreign", "score"},
            )
    for pattern in _ERRORS:
        for m in itertools.islice(finditer(pattern, text, timeout=timeout), MAX_JUDGED):
            value = m.group()
            if pattern is _SHEET_ERROR_RE and not _sheet_error(text, m.start(), m.end(), table):
                continue
            if _in_quotes(text, m.start(), m.end()) or _beside_value_noun(
                text, m.start(), m.end(), table
            ):
                continue  # what a screen showed, named in quotation marks or as a cell's value
            yield ShapeHit(
                "template.empty_value",
                "error",
                m.start(),
                m.end(),
                {"kind": "error", "value": value},
                f"a formatting library's error text {value!r} where a value belongs",
                weak=True,
            )


# ---------------------------------------------------------------------------------------------
# assistant voice

#: where a sentence ends: ".", "!", "?" or "…" before a space or the line's end (closing quotes
#: and brackets go with it), or a colon that ends the line
_SENTENCE_END_RE = compile_pattern(r"[.!?…]{1,3}[\"”’»)\]*_]{0,3}(?=\s|$)|:[*_\s]{0,6}$")
_QUOTES = '"“”„«»‹›'
_LETTER_RE = compile_pattern(r"[^\W\d_]")
_MAX_VOICE_WORDS = 45
MAX_VOICE_LINE = 5_000


@dataclass(frozen=True, slots=True)
class _Sentence:
    start: int
    end: int
    words: list[Token]
    index: int  # its place in the line
    count: int  # how many sentences the line has


def _sentences(
    text: str, timeout: float | None, words: list[Token] | None = None
) -> list[_Sentence]:
    """The sentences of a line with their words (``words``: the line's, when already split)."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for m in finditer(_SENTENCE_END_RE, text, timeout=timeout):
        spans.append((pos, m.end()))
        pos = m.end()
    if text[pos:].strip():
        spans.append((pos, len(text)))
    if words is None:
        words = tokens(text, timeout=timeout)
    out: list[_Sentence] = []
    spans = [
        (s + len(text[s:e]) - len(text[s:e].lstrip()), e) for s, e in spans if text[s:e].strip()
    ]
    for i, (s, e) in enumerate(spans):
        out.append(_Sentence(s, e, [w for w in words if s <= w.start < e], i, len(spans)))
    return out


def _join_labels(sentences: list[_Sentence], table: VoiceTable) -> list[_Sentence]:
    """A sentence that is nothing but a note's abbreviated label ("N.B.", "P.S.") joined to
    the sentence it labels."""
    out: list[_Sentence] = []
    i = 0
    while i < len(sentences):
        s = sentences[i]
        n = len(s.words)
        whole = [f for f in table.find("note_labels", s.words) if f.first == 0 and f.last == n - 1]
        # a short abbreviation alone is a label too ("P.S.", "P.D."): it goes with what follows
        abbreviation = (
            n == 1
            and s.words[0].raw[:1].isupper()
            and sum(c.isalpha() for c in s.words[0].raw) <= _ABBREVIATION
            and "." in s.words[0].raw
        )
        whole = whole or ([Found("note_labels", "", "", 0, 0)] if abbreviation else [])
        if whole and i + 1 < len(sentences):
            nxt = sentences[i + 1]
            out.append(_Sentence(s.start, nxt.end, s.words + nxt.words, 0, 0))
            i += 2
            continue
        out.append(s)
        i += 1
    if len(out) == len(sentences):
        return sentences
    return [_Sentence(s.start, s.end, s.words, i, len(out)) for i, s in enumerate(out)]


#: a term in quotation marks: a few words, no punctuation of a clause ("the keyword "solar
#: grants"", "das Stichwort „Klima“"), a mention rather than speech
_MENTION_RE = compile_pattern(r"(?<!\w)[\"“„«‹][^\W\d_][^\"“”„«»‹›.,;:!?\n]{0,38}[\"”“»›](?!\w)")
_MENTION_WORDS = 3


def _quoted(text: str, s: _Sentence) -> bool:
    """Inside or holding quotation marks, or after an opening one left open on the line; a
    short term in quotation marks after the sentence's head is a mention, not speech."""
    part = text[s.start : s.end]
    if any(q in part for q in _QUOTES):
        for m in finditer(_MENTION_RE, part, timeout=None):
            if m.start() == 0 or len(m.group().split()) > _MENTION_WORDS:
                return True
            part = part[: m.start()] + " " * (m.end() - m.start()) + part[m.end() :]
        if any(q in part for q in _QUOTES):
            return True
    before = text[: s.start]
    opened = sum(before.count(q) for q in "“„«‹") - sum(before.count(q) for q in "”»›")
    return opened > 0 or before.count('"') % 2 == 1 or single_quoted(text, s.start, s.end)


_SINGLE_OPEN_RE = compile_pattern(r"(?:^|(?<=[\s(\[–—:]))['‘](?=[^\W\d_])")
_SINGLE_CLOSE_RE = compile_pattern(r"(?<=[^\s'‘’])['’](?=[\s,.;:!?–—)]|$)")


def single_quoted(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` overlaps a quotation in single quotes: an opening one at a
    word's start and a closing one after it at a word's end followed by punctuation or a space
    ("'Als AI-taalmodel kan ik …', antwoordde de chatbot"); apostrophes inside words
    ("qu'il", "alinea's") are neither."""
    if "'" not in text and "‘" not in text:
        return False
    for m in finditer(_SINGLE_OPEN_RE, text[: end + 1], timeout=None):
        if m.start() > end:
            break
        close = search_pattern(_SINGLE_CLOSE_RE, text, pos=m.end() + 1, timeout=None)
        if close is None:
            return False
        if close.end() > start and m.start() < end:
            after = text[close.end() : close.end() + 3].lstrip()
            if close.end() == len(text) or after[:1] in {",", ".", "–", "—", ";", "!", "?", ")"}:
                return True
    return False


def _first_person(
    table: VoiceTable, words: list[Token], lang: str, lo: int = 0, hi: int | None = None
) -> bool:
    """A first-person word of ``lang`` among ``words[lo:hi]`` (a pronoun or a verb ending)."""
    if any(f.lang == lang for f in table.find("first_person", words, lo, hi)):
        return True
    return any(table.first_person_verb(w) == lang for w in words[lo:hi])


def _first_person_at(table: VoiceTable, w: list[Token], lang: str, k: int) -> bool:
    """A first-person word of ``lang`` beginning at ``w[k]``, an entry of several words too
    ("não consigo", "nie mogę")."""
    found = table.find("first_person", w, k, k + 3)
    return any(f.first == k and f.lang == lang for f in found) or (
        k < len(w) and table.first_person_verb(w[k]) == lang
    )


def _in(found: list[Found], lang: str) -> list[Found]:
    return [f for f in found if f.lang == lang]


@dataclass(frozen=True, slots=True)
class _Rule:
    kind: str
    lang: str
    start: int = -1  # a part of the sentence only (an aside in parentheses), else -1
    end: int = -1


#: the cues of the voice rule; a sentence counts only with cues of one language
_VOICE_SECTIONS = ("first_person", "reader", "offer", "text_nouns", "edit_words")


def _voice(
    sentence: _Sentence, table: VoiceTable, place: Place, after_ack: bool = False, ask: bool = False
) -> _Rule | None:
    """Whether a sentence is an assistant speaking to the reader about the text (the first or
    the last of its line, or the one after an acknowledgement: "Certo! Ho riscritto …")."""
    w = sentence.words
    edge_sentence = sentence.index in {0, sentence.count - 1} or after_ack
    if not w or len(w) > _MAX_VOICE_WORDS or not edge_sentence:
        return None
    found = {
        section: table.find(section, w, gap=1 if section == "offer" else 0)
        for section in _VOICE_SECTIONS
    }
    if ask and place.edge:
        # a question at the document's edge offering more work: adding is an edit ("Soll ich
        # … ergänzen?") and the parts of a text are about the text ("… of de inleiding
        # inkorten?", "Czy mam … skrócić wstęp?")
        found["edit_words"] = found["edit_words"] + table.find("instruction_verbs", w)
        found["text_nouns"] = found["text_nouns"] + table.find("field_labels", w)
    if not found["edit_words"] and not found["text_nouns"]:
        return None
    langs = {f.lang for group in found.values() for f in group}
    for lang in sorted(langs):
        edits = _in(found["edit_words"], lang)
        # "a shorter version of the budget" is another thing's version, not the text's
        nouns = [f for f in _in(found["text_nouns"], lang) if not _of_other(table, w, f, lang)]
        if not edits and not nouns:
            continue
        off = _in(found["offer"], lang)
        p2 = _in(found["reader"], lang)
        p1 = bool(_in(found["first_person"], lang)) or any(
            table.first_person_verb(x) == lang for x in w
        )
        # an offer with nothing but a text noun is an imperative at the sentence's head ("Laat
        # gerust weten als …"); "De minister laat weten dat …" reports
        if edits and off and (p1 or p2 or (nouns and off[0].first <= 1)):
            return _Rule("voice", lang)
        if edits and p1 and p2:
            return _Rule("voice", lang)
        if nouns and p1 and p2 and off:
            return _Rule("voice", lang)
        # a question at the document's edge opening with an offer of more work from the
        # first person about a text: "Want me to also draft three alternative headlines?"
        if ask and place.edge and nouns and p1 and off and off[0].first <= 1:
            return _Rule("voice", lang)
        # "I've reworked the piece …" at an edge; after an acknowledgement anywhere ("Of
        # course — I've reworked the piece …"); a question at an edge puts the first person
        # after its verb ("Soll ich den Text kürzen?", "Zal ik de tekst inkorten?")
        skip = _acknowledged(table, w)
        reach = 2 if ask and place.edge else 1
        if (
            (place.edge or skip or after_ack)
            and edits
            and nouns
            and _first_person(table, w, lang, skip, skip + reach)
        ):
            return _Rule("voice", lang)
        # a note with no label as the document's first or last line: the first person at its
        # head, an edit word and a word about the text's parts elsewhere ("I kept the original
        # quotes but shortened the second paragraph.", "Ich habe die Zitate beibehalten und den
        # Absatz gekürzt.")
        edited = {i for f in edits for i in range(f.first, f.last + 1)}
        parts = [f for f in _in(table.find("note_words", w), lang) if f.first not in edited]
        if (
            (place.first or place.last)
            and edits
            and parts
            and _first_person(table, w, lang, 0, _NOTE_REACH)
        ):
            return _Rule("note", lang)
    return None


#: how far into a sentence its first person and its verb of choosing may stand ("Die Zitate
#: habe ich …", "Ik heb ervoor gekozen …", "Throughout, I opted …")
_CHOICE_REACH = 6
#: how far after the first person at a sentence's head its verb of leaving out may stand
_OMIT_REACH = 2


def _choice_note(sentence: _Sentence, table: VoiceTable, place: Place) -> _Rule | None:
    """A first-person note about what the text leaves out or keeps: the first person, a verb
    of choosing and a verb of leaving out or naming after it, about a part of a story ("I
    opted to omit the unconfirmed figures.", "Ho preferito eliminare i dettagli …",
    "Zdecydowałem się pominąć niepotwierdzone informacje …"), a line of its own or at an edge;
    or, as the document's first or last line, the first person leaving out a part of the story
    at the sentence's head ("I left out the unconfirmed casualty figure, …"). A newsroom
    speaks as "we"; a columnist choosing without a verb of leaving out and a part of a story
    ("I chose to stay at home") is not one."""
    w = sentence.words
    if not w or len(w) > _MAX_VOICE_WORDS:
        return None
    if not (place.edge or sentence.count == 1):
        return None
    for choice in table.find("choice_verbs", w, 0, _CHOICE_REACH):
        lang = choice.lang
        # a verb of choosing heading the sentence is the first person's where the pronoun is
        # left out ("Decidi retirar …", "Decidí omitir …")
        if choice.first and not _first_person(table, w, lang, 0, _CHOICE_REACH):
            continue
        # Dutch and German put the verb last ("… de namen weg te laten"): the part may come
        # before it, but not the verb itself ("to name")
        for omit in _in(table.find("omit_verbs", w, choice.last + 1), lang):
            if _story_part(table, w, choice.last + 1, lang, skip=(omit.first, omit.last)):
                return _Rule("note", lang)
    if place.first or place.last:
        for omit in table.find("omit_verbs", w, 1, 1 + _OMIT_REACH):
            lang = omit.lang
            if _first_person(table, w, lang, 0, omit.first) and _story_part(
                table, w, omit.last + 1, lang
            ):
                return _Rule("note", lang)
    return None


def _story_part(
    table: VoiceTable, w: list[Token], lo: int, lang: str, skip: tuple[int, int] = (-1, -1)
) -> bool:
    """A part of a story or of a text among ``w[lo:]`` (a name, the figures, a quote), not
    among the words ``skip`` spans and not one's own ("my name", "mijn naam")."""
    for section in ("story_parts", "note_words", "text_nouns"):
        for f in _in(table.find(section, w, lo), lang):
            if skip[0] <= f.first <= skip[1]:
                continue
            if f.first and _first_person(table, w, lang, f.first - 1, f.first):
                continue
            return True
    return False


def _of_other(table: VoiceTable, w: list[Token], noun: Found, lang: str) -> bool:
    """Whether a text noun is followed by "of" and no text noun within two words after it
    ("version of the budget"; "version of the article" is a text's)."""
    after = noun.last + 1
    if not _in(table.find("of_words", w, after, after + 1), lang):
        return False
    return not _in(table.find("text_nouns", w, after + 1, after + 4), lang)


def _offer_question(
    sentence: _Sentence, table: VoiceTable, place: Place, ask: bool, after_ack: bool = False
) -> _Rule | None:
    """A question at the document's edge offering the asker more work on the text: a head that
    offers ("Should I …", "Soll ich …", "Zal ik …", "¿Quieres que …"), a verb of making or
    changing a text and a word for a text or a version of one ("Shall I prepare a shorter
    variant for the newsletter?", "Soll ich noch eine kürzere Variante erstellen?"). A
    columnist's question to readers has no such head with a text and a verb of making, and
    quotations are left out before this rule is asked."""
    w = sentence.words
    if not ask or not place.edge or not w or len(w) > _MAX_VOICE_WORDS:
        return None
    if not (sentence.index in {0, sentence.count - 1} or after_ack):
        return None
    skip = _acknowledged(table, w)
    for head in table.find("offer_ask", w, skip, skip + 3):
        lang = head.lang
        if head.first > skip + 1:
            continue
        rest = head.last + 1
        nouns = _in(table.find("text_nouns", w, rest), lang) + _in(
            table.find("ask_nouns", w, rest), lang
        )
        makes = [
            f
            for s in ("edit_words", "make_verbs", "instruction_verbs")
            for f in _in(table.find(s, w, rest), lang)
        ]
        if nouns and makes:
            return _Rule("voice", lang)
    return None


def _offer_statement(
    sentence: _Sentence, table: VoiceTable, place: Place, ask: bool
) -> _Rule | None:
    """An offer of more work that is no question, as the document's last sentence: the first
    person or an offer ("Happy to", "Posso também", "Mogę też"), a verb of making or changing
    a text, a word for a text or a version of one, and a condition or the reader addressed
    ("Happy to produce a shorter cut for social channels if that would be useful.", "Mogę też
    przygotować wersję do mediów społecznościowych, jeśli będzie potrzebna."). A columnist's
    last line promises no version of a text to the one who asked for it."""
    w = sentence.words
    if ask or not place.last or sentence.index != sentence.count - 1:
        return None
    if not w or len(w) > _MAX_VOICE_WORDS:
        return None
    heads = table.find("offer", w, gap=1) + table.find("first_person", w)
    for head in heads:
        lang = head.lang
        if not (_in(table.find("conditional", w), lang) or _in(table.find("reader", w), lang)):
            continue
        # the verb of making within a few words of its head, a text after it: "I can sketch
        # a few alternatives"; "I will draft my next column" names no text
        reach = head.last + 1 + _OFFER_VERB_REACH
        for make in (
            f
            for s in ("make_verbs", "edit_words", "instruction_verbs")
            for f in _in(table.find(s, w, head.last + 1, reach), lang)
        ):
            rest = make.last + 1
            if _in(table.find("text_nouns", w, rest), lang) or _in(
                table.find("ask_nouns", w, rest), lang
            ):
                return _Rule("voice", lang)
    return None


#: how many words may stand between an offer's head and its verb ("Posso também preparar")
_OFFER_VERB_REACH = 3


def _closing(sentence: _Sentence, table: VoiceTable, place: Place) -> _Rule | None:
    """``Let me know if you need anything else!`` as the document's very last sentence."""
    w = sentence.words
    if not place.last or sentence.index != sentence.count - 1 or not w or len(w) > 12:
        return None
    for off in table.find("offer", w, gap=1):
        lang = off.lang
        if off.first != 0 or not _in(table.find("conditional", w), lang):
            continue  # "Let me know what you think" asks the reader; an assistant offers more
        if _in(table.find("reader", w), lang) and _first_person(table, w, lang):
            return _Rule("voice", lang)
    return None


def _acknowledged(table: VoiceTable, w: list[Token]) -> int:
    """How many words an acknowledgement at a sentence's head takes ("Certainly —", "Claro,",
    "Bien sûr !"), 0 when there is none."""
    for found in table.find("interjections", w, 0, 3):
        if found.first == 0:
            return found.last + 1
    return 0


#: how many words a colon-final opener whose presenter ends it may have
_TAIL_OPENER_WORDS = 12


def _opener(
    text: str, sentence: _Sentence, table: VoiceTable, place: Place, after_ack: bool = False
) -> _Rule | None:
    """``Here is the reworked article for you:``: a colon-final presentation of a text; or one
    after an acknowledgement ("Certainly — below is the article reworked in AP style."), in
    the sentence or just before it, which no article says of itself."""
    w = sentence.words
    if not w or len(w) > 30:
        return None
    skip = _acknowledged(table, w)
    if not text[sentence.start : sentence.end].rstrip(" *_").endswith(":"):
        if skip or after_ack:
            # "Certainly! This is a plagiarism-free version of the text": after an
            # acknowledgement of its own at the document's edge, "this is" presents too
            shown = after_ack and not skip and place.edge
            return _presenting(
                table, w, place, skip, colon=False, acked=True, shown=shown
            ) or _acknowledged_text(text, sentence, table, place, skip)
        if place.first and sentence.index == 0:
            # the document's first sentence presenting a reworked text to the reader or from
            # the first person: "Below is the paraphrased report you requested, …", "Ecco una
            # riformulazione unica del testo che mi hai fornito."
            return _presenting(table, w, place, skip, colon=False, acked=False, both=True)
        return None
    if place.edge and len(w) <= 12:
        # "I've made the following changes:": the first person announcing its edits
        for first in table.find("first_person", w, 0, 1):
            if _in(table.find("edit_words", w, 1), first.lang):
                return _Rule("opener", first.lang)
    if place.edge and len(w) <= _TAIL_OPENER_WORDS:
        # "The rewritten news report follows:", "Der überarbeitete Text folgt:": a presenter
        # ending the colon-final line, a text noun and a word of a new version before it;
        # "The full statement follows:" presents another's words
        for tail in table.find("presenters_tail", w, 1):
            if tail.last != len(w) - 1:
                continue
            lang = tail.lang
            if _in(table.find("text_nouns", w, 0, tail.first), lang) and _in(
                table.find("edit_words", w, 0, tail.first), lang
            ):
                return _Rule("opener", lang)
    if place.edge and len(w) <= 25:
        # "Sure! The article, reworked for clarity:", "J'ai retravaillé la dépêche, la voici :":
        # whatever presents it, a colon-final line at an edge about a reworked text, in the
        # first person or after an acknowledgement; "Read the updated report of our
        # correspondent:" and "Here's a condensed version of the interview:" are neither
        for noun in table.find("text_nouns", w):
            lang = noun.lang
            if not _in(table.find("edit_words", w), lang):
                continue
            if skip or after_ack or _first_person(table, w, lang):
                return _Rule("opener", lang)
    return _presenting(table, w, place, skip, colon=True, acked=bool(skip) or after_ack)


def _acknowledged_text(
    text: str, sentence: _Sentence, table: VoiceTable, place: Place, skip: int
) -> _Rule | None:
    """The document's first sentence after an acknowledgement closed by a mark of its own
    ("Gerne!", "¡Claro!", "Sure —", or a sentence before it: "Of course."), speaking of a text
    with a presenter, an edit word, the first person or the reader: "Absolutely! This
    refreshed draft folds in …", "Jasne! Poniżej tekst uzupełniony o …", "¡Claro! Te dejo el
    texto puesto al día …". An article's first line does not acknowledge a request."""
    w = sentence.words
    if not place.first or sentence.index > 1 or (sentence.index == 1 and skip):
        return None
    if skip and (
        skip >= len(w) or not any(c in text[w[skip - 1].end : w[skip].start] for c in "!.—–:")
    ):
        return None  # "Sure enough, the article …", "Of course the story …"
    for noun in table.find("text_nouns", w, skip):
        lang = noun.lang
        if table.has("of_words", w, noun.last + 1, noun.last + 2):
            continue  # "the revised text of the plan": another's text
        # an edit word anywhere; the one handing the text over before it ("Te dejo el texto",
        # "Poniżej tekst"); "The story you are about to read" is a columnist's
        handed = any(
            _in(table.find(s, w, skip, noun.first), lang) for s in ("presenters", "reader")
        ) or _first_person(table, w, lang, skip, noun.first)
        if handed or _in(table.find("edit_words", w, skip), lang):
            return _Rule("opener", lang)
    return None


def _presenting(
    table: VoiceTable,
    w: list[Token],
    place: Place,
    skip: int,
    *,
    colon: bool,
    acked: bool,
    both: bool = False,
    shown: bool = False,
) -> _Rule | None:
    """A presenter near the head (after ``skip`` words of acknowledgement), a text noun after
    it and a cue that the text is a new version of one; with ``both``, an edit word and the
    reader or the first person."""
    presenters = table.find("presenters", w, skip, skip + 3)
    if shown:
        presenters += [
            f for f in table.find("demonstratives", w, skip, skip + 3) if f.first == skip
        ]
    for presenter in presenters:
        lang = presenter.lang
        if presenter.first > skip + 1:
            continue
        after = presenter.last + 1
        nouns = _in(table.find("text_nouns", w, after), lang)
        if not nouns:
            # "Sure! Here's what I came up with:": after an acknowledgement, the presenter and
            # the first person are enough ("Of course, here's what you need to know" is not)
            if acked and presenter.first == skip and _first_person(table, w, lang, after):
                return _Rule("opener", lang)
            continue
        tail = nouns[0].last + 1
        # "la version actualisée du calendrier": the words that qualify the noun come first
        while tail < len(w) - 1 and _in(table.find("edit_words", w, tail, tail + 1), lang):
            tail += 1
        of_text = False
        if tail < len(w) and _in(table.find("of_words", w, tail, tail + 1), lang):
            of_text = bool(_in(table.find("text_nouns", w, tail + 1, tail + 3), lang))
            rest = _in(table.find("text_nouns", w, tail + 1), lang) or _in(
                table.find("reader", w, tail + 1), lang
            )
            reworked = acked and _in(table.find("edit_words", w, after), lang)
            if not rest and not reworked:
                # "Here is a condensed version of the interview:", "Sure, here's my version
                # of events"; after an acknowledgement a reworked version of anything is one
                # ("Sure! Below you'll find a polished version of the news story")
                continue
        # at the document's start a bare "Here is the text:" presents a text too, when the
        # noun ends the opener ("Ecco il testo integrale della lettera:" presents a letter);
        # "a version of the article:" presents a text made from the article
        bare = colon and ((place.first and tail == len(w)) or of_text)
        # a generation step's own field ("with the focus keyword worked in") edits the text
        edited = _in(table.find("edit_words", w, after), lang) or (
            colon and _in(table.find("field_labels_strong", w, after), lang)
        )
        spoken = _in(table.find("reader", w, after), lang) or _first_person(table, w, lang, after)
        # a presenter heading the document's first sentence needs no speaker ("Below, the
        # revised article.", "Ci-dessous, la version remaniée de l'article."); "Here is the
        # revised report, published by the ministry" presents another's document
        by = [
            f
            for f in _in(table.find("byline_prepositions", w, tail), lang)
            if not table.has("of_words", w, f.first, f.first + 1)
        ]
        alone = presenter.first == skip and not by
        strong = (edited and (spoken or alone)) if both else (edited or spoken or bare)
        if strong:
            return _Rule("opener", lang)
    return None


def _after_label(text: str, w: list[Token], last: int, table: VoiceTable | None = None) -> int:
    """The index of the first word after a label's colon or comma ("Note:", "Note to editor:",
    "Hinweis an die Redaktion:"; up to three words name whom it is for), or -1."""
    if last + 2 < len(w) and table is not None and table.has("note_joiners", w, last + 1, last + 2):
        return last + 2  # "Please note that I've …", "Bitte beachten Sie, dass ich …"
    for k in range(last, min(last + 4, len(w))):
        mark = text[w[k].end : w[k].end + 4].lstrip(" *_")[:1]
        if mark in {":", ","} and (k == last or mark == ":"):
            return k + 1
        if mark == "." and k == last and "." in w[k].raw:
            return k + 1  # an abbreviation's full stop: "N.B. I changed …"
        if k + 1 < len(w) and text[w[k].end : w[k + 1].start].strip():
            return -1  # other punctuation between the words: not a label
    return -1


#: an aside in parentheses inside a sentence (no nesting, one line, bounded: no backtracking)
_ASIDE_RE = compile_pattern(r"\((?P<body>[^()\n]{8,300})\)")
#: how far into an aside's first clause its first person may stand ("(die genaue Zahl habe
#: ich gerundet)": German and Dutch put the subject after the verb when an object leads)
_ASIDE_REACH = 6


def _aside_about(table: VoiceTable, w: list[Token], lang: str) -> bool:
    """Whether ``w`` speaks about the text: an edit word, two note words ("removed …
    paragraph"), or a note word and the reader ("the figures you mentioned")."""
    about = {f.first for f in _in(table.find("note_words", w), lang)}
    if _in(table.find("edit_words", w), lang) or len(about) >= 2:
        return True
    return bool(about) and bool(_in(table.find("reader", w), lang))


def _aside_note(text: str, table: VoiceTable, w: list[Token]) -> str:
    """The language of a note in the words ``w``: the first person in their first clause and
    words about the text; "" when they are not one."""
    for lang in _aside_first_person(text, table, w):
        if _aside_about(table, w, lang):
            return lang
    return ""


def _aside_first_person(text: str, table: VoiceTable, w: list[Token]) -> list[str]:
    """The languages of a first person in the first clause of the words ``w`` of ``text``: a
    pronoun or a first-person verb before its first comma."""
    hi = 0
    while hi < min(len(w), _ASIDE_REACH):
        if hi and "," in text[w[hi - 1].end : w[hi].start]:
            break
        hi += 1
    langs = [f.lang for f in table.find("first_person", w, 0, hi)]
    langs += [table.first_person_verb(x) for x in w[:hi]]
    return list(dict.fromkeys(x for x in langs if x))


def _aside(text: str, sentence: _Sentence, table: VoiceTable) -> _Rule | None:
    """``(I've left out the figures you mentioned)`` inside a sentence: an aside in
    parentheses whose first clause is in the first person and which speaks about the text.
    Only the aside is reported; the sentence around it is the article's."""
    part = text[sentence.start : sentence.end]
    if "(" not in part:
        return None
    for m in finditer(_ASIDE_RE, part, timeout=None):
        start, end = sentence.start + m.start(), sentence.start + m.end()
        w = [x for x in sentence.words if start < x.start and x.end < end]
        if len(w) < 3 or len(w) > _MAX_VOICE_WORDS or _attributed(table, w):
            continue
        lang = _aside_note(text, table, w)
        if lang:
            return _Rule("note", lang, start, end)
    return None


def _note(text: str, sentence: _Sentence, table: VoiceTable, place: Place) -> _Rule | None:
    """``Note: I've kept the quotes as they were.``: a note in the first person about the text;
    a sentence in parentheses is a note too ("(I removed the duplicated paragraph.)",
    "(Den Absatz habe ich weggelassen.)"), and so is an aside in parentheses within one."""
    w = sentence.words
    body = text[sentence.start : sentence.end].strip()
    if w and body.startswith(("(", "[")) and body.rstrip(".!").endswith((")", "]")):
        # the first person in its first clause and two words about the text ("removed …
        # paragraph"), or an edit word: "(I removed my jacket and waited.)" is a columnist's
        # aside
        lang = _aside_note(text, table, w)
        if lang:
            return _Rule("note", lang)
    elif w:
        aside = _aside(text, sentence, table)
        if aside is not None:
            return aside
    for label in table.find("note_labels", w, 0, 3):
        if label.first != 0:
            continue
        lang = label.lang
        lo = _after_label(text, w, label.last, table)
        if lo < 0:
            continue
        # the first person at once, or after the part of the text it is about in its first
        # clause ("Hinweis: Die Zitate des Bürgermeisters habe ich gekürzt …")
        if not _first_person(table, w, lang, lo, lo + 1) and not (
            lang in _aside_first_person(text, table, w[lo:])
            and _in(table.find("note_words", w, lo, lo + 3), lang)
        ):
            continue  # "Note: the author is a shareholder" / "Anmerkung: Irgendwo hab ich …"
        about_text = (
            _in(table.find("edit_words", w, lo), lang)
            or _in(table.find("text_nouns", w, lo), lang)
            or _in(table.find("note_words", w, lo), lang)
        )
        if about_text:
            return _Rule("note", lang)
    if place.edge and sentence.index == 0:
        return _labelled_note(text, w, table)
    return None


#: a note's label of any words: one to three words and a colon, or an abbreviation ("P.S.",
#: "Obs.", "Anm.") at the line's start (a necessary condition, as :func:`may_speak` asks it)
_LABEL_HEAD_RE = compile_pattern(
    r"[^\w\n]{0,3}[^\W\d_][\w.'’-]{0,14}(?:[^\S\n][\w.'’-]{1,14}){0,2}[^\S\n]?[:.]"
)
#: how far into a line a match of :data:`_LABEL_HEAD_RE` can end: the sum of its bounds
LABEL_HEAD_REACH = 3 + 1 + 14 + 2 * (1 + 14) + 1 + 1
#: how long an abbreviation as a label is, in letters ("P.S.", "P.D.", "Obs.", "Anm.")
_ABBREVIATION = 4
#: how many words a note's label of any words may have ("A quick heads-up:")
_LABEL_HEAD_WORDS = 3
#: how far after a label the first person may come ("P.D.: No pude verificar …")
_NOTE_REACH = 2


def _labelled_note(text: str, w: list[Token], table: VoiceTable) -> _Rule | None:
    """A note at the document's edge whose label is no known one ("P.S. I couldn't verify
    the figure, so you may want to check it", "Obs.: Eu mantive as citações originais"): a
    label of one to three words, the first capitalised, and a colon, or a short abbreviation, then the
    first person at once and words about the text or the reader."""
    if len(w) < 4 or not w[0].raw[:1].isupper():
        return None
    lo = -1
    for k in range(min(_LABEL_HEAD_WORDS, len(w) - 1)):
        mark = text[w[k].end : w[k].end + 3].lstrip(" *_")[:1]
        if mark == ":":
            lo = k + 1
            break
        letters = sum(c.isalpha() for c in w[k].raw)
        if k == 0 and "." in text[w[k].start : w[k].end + 1] and letters <= _ABBREVIATION:
            lo = k + 1  # "P.S. I …", "Obs. Eu …"
            break
        if text[w[k].end : w[k + 1].start].strip():
            return None
    if lo < 0:
        return None
    for lang in table.languages:
        if not _first_person(table, w, lang, lo, lo + _NOTE_REACH):
            continue
        if (
            _in(table.find("edit_words", w, lo), lang)
            or _in(table.find("note_words", w, lo), lang)
            or _in(table.find("reader", w, lo), lang)
        ):
            return _Rule("note", lang)
    return None


def _past_article(table: VoiceTable, w: list[Token], i: int, lang: str) -> int:
    """The index after an article at ``i`` ("an", "just an", "nur eine"), or ``i``."""
    found = [f for f in _in(table.find("articles", w, i, i + 3), lang) if f.first == i]
    return max(f.last for f in found) + 1 if found else i


def _ai_run(table: VoiceTable, w: list[Token], i: int, lang: str) -> int:
    """The end (exclusive) of a run of AI words starting at ``i`` holding a core word, or -1."""
    j, core = i, False
    while j < len(w) and j - i < 5:
        found = [f for f in _in(table.find("ai_core", w, j, j + 3), lang) if f.first == j]
        if found:
            core = True
            j = max(f.last for f in found) + 1
            continue
        if _in(table.find("ai_words", w, j, j + 1), lang):
            j += 1
            continue
        if j > i and _in(table.find("of_words", w, j, j + 1), lang):
            j += 1  # "modello di intelligenza artificiale", "model sztucznej inteligencji"
            continue
        break
    return j if core and j > i else -1


def _ai_self(text: str, sentence: _Sentence, table: VoiceTable) -> _Rule | None:
    """``As an AI language model, I …`` or ``I'm an AI …``: an assistant speaking of itself."""
    w = sentence.words
    for found in table.find("as_words", w):
        lang = found.lang
        i = found.last + 1
        i = _past_article(table, w, i, lang)
        end = _ai_run(table, w, i, lang)
        if end < 0:
            continue
        k = end
        while k < len(w) and k - end < 3 and _in(table.find("ai_bridge", w, k, k + 1), lang):
            k += 1
        # the first person after the run and its bridge words, or beginning with one of them
        # ("Como uma IA, não consigo verificar …": "não consigo" is the first person)
        if k < len(w) and _first_person(table, w, lang, k, k + 1):
            return _Rule("ai_self", lang)
        if any(f.first >= end for f in _in(table.find("first_person", w, end, k + 1), lang)):
            return _Rule("ai_self", lang)
        if (
            k > end
        ):  # "As an AI developed by OpenAI, I …": a short phrase, a comma, the first person
            comma = text.find(",", w[k - 1].end, w[min(k + 4, len(w) - 1)].start)
            after = [i for i in range(k, min(k + 5, len(w))) if w[i].start > comma >= 0]
            if after and _first_person(table, w, lang, after[0], after[0] + 1):
                return _Rule("ai_self", lang)
    for found in table.find("copula_first", w):
        lang = found.lang
        i = found.last + 1
        i = _past_article(table, w, i, lang)
        end = _ai_run(table, w, i, lang)
        if end < 0:
            continue
        if end == len(w) or text[w[end - 1].end : w[end].start].strip():
            return _Rule("ai_self", lang)  # the run ends the clause: "I'm an AI, so …"
        if _in(table.find("ai_bridge", w, end, end + 1), lang):
            return _Rule("ai_self", lang)  # "I'm an AI language model and cannot …"
    return None


def _cannot_browse(sentence: _Sentence, table: VoiceTable) -> _Rule | None:
    """``I'm sorry, but I can't browse the internet.``; what is current or live with a way to
    reach it or an apology: "Unfortunately I can't pull live scores", "Da ich keinen Zugriff
    auf aktuelle Meldungen habe"."""
    w = sentence.words
    for neg in table.find("negation", w):
        lang = neg.lang
        if not _first_person(table, w, lang):
            continue
        strong = _in(table.find("capability_strong", w), lang)
        weak = _in(table.find("capability_weak", w), lang)
        excuse = _in(table.find("apology", w), lang) or _in(table.find("ai_core", w), lang)
        if strong or (weak and excuse):
            return _Rule("cannot_browse", lang)
        if (weak or excuse) and _in(table.find("current_words", w, neg.last + 1), lang):
            return _Rule("cannot_browse", lang)
    return None


#: how many words a noun phrase naming a kind of software may have ("automated writing
#: assistant", "asystent oparty na sztucznej inteligencji")
_AGENT_WORDS = 6
#: how many words after that phrase the first person may come ("…, I", "…, nie mogę")
_AGENT_REACH = 3


def _marks_machine(table: VoiceTable, tok: Token, lang: str) -> bool:
    """A word that makes a noun a machine's: a machine or core AI word, or a compound one of
    whose parts is ("text-generation", "KI-Sprachassistent", "AI-powered")."""
    if _in(table.find("machine_words", [tok]), lang) or _in(table.find("ai_core", [tok]), lang):
        return True
    if "-" not in tok.text:
        return False
    parts = [Token(p.lower(), p, tok.start, tok.end) for p in tok.raw.split("-") if p]
    return any(
        _in(table.find("machine_words", [p]), lang) or _in(table.find("ai_core", [p]), lang)
        for p in parts
    )


def _software_phrase(table: VoiceTable, w: list[Token], i: int, lang: str) -> int:
    """The end (exclusive) of a noun phrase from ``i`` naming a kind of software: nothing but
    agent nouns ("assistant", "system", "tool"), machine words ("automated", "conversational",
    "based on"), core AI words and the words that join them ("of"), with an agent noun at
    either end and a machine word in it ("automated writing assistant", "sistema di
    intelligenza artificiale"); -1 when there is none. A person's trade is no such phrase
    ("software engineer", "research assistant": a word of neither kind)."""
    j, heads, marked = i, [], False
    while j < len(w) and j - i < _AGENT_WORDS:
        head = [f for f in _in(table.find("agent_heads", w, j, j + 1), lang) if f.first == j]
        if head:
            heads.append(j)
            marked = marked or _marks_machine(table, w[j], lang)
            j += 1
            continue
        multi = [
            f
            for s in ("machine_words", "ai_core")
            for f in _in(table.find(s, w, j, j + 3), lang)
            if f.first == j
        ]
        if multi:
            marked = True
            j = max(f.last for f in multi) + 1
            continue
        if _marks_machine(table, w[j], lang) or _in(table.find("ai_words", w, j, j + 1), lang):
            marked = marked or _marks_machine(table, w[j], lang)
            j += 1
            continue
        if j > i and _in(table.find("of_words", w, j, j + 1), lang):
            j += 1
            continue
        # one word of another kind between a machine word and an agent noun ("automated
        # drafting tool")
        if (
            marked
            and not heads
            and j + 1 < len(w)
            and _in(table.find("agent_heads", w, j + 1, j + 2), lang)
        ):
            j += 1
            continue
        break
    while j > i and _in(table.find("of_words", w, j - 1, j), lang):
        j -= 1
    if not heads or not marked or (heads[0] != i and heads[-1] != j - 1):
        return -1
    return j


def _phrase_ends(text: str, table: VoiceTable, w: list[Token], end: int, lang: str) -> bool:
    """Whether a noun phrase ending before ``w[end]`` ends its clause's subject there: a mark
    after it, or a joining word, the first person or a negation next ("software" in "software
    engineer" ends nothing)."""
    return (
        end == len(w)
        or bool(text[w[end - 1].end : w[end].start].strip())
        or bool(_in(table.find("ai_bridge", w, end, end + 1), lang))
        or _first_person(table, w, lang, end, end + 1)
        or _denies(table, w[end : end + 1], 0, lang)
    )


def _denies(table: VoiceTable, w: list[Token], lo: int, lang: str) -> bool:
    """A negation of ``lang`` among ``w[lo:]``."""
    return bool(
        _in(table.find("not_words", w, lo), lang) or _in(table.find("negation", w, lo), lang)
    )


def _software_self(text: str, sentence: _Sentence, table: VoiceTable) -> _Rule | None:
    """An assistant naming itself a kind of software in words of its own and denying itself a
    capability: "Being an automated writing assistant, I'm not able to …", "Als
    KI-Sprachassistent kann ich keine …", "Since I'm an AI tool rather than …, … shouldn't …".
    "As" (or "I am") and an article, a noun phrase of :func:`_software_phrase`, then the first
    person within a few words and a negation after it; a third person ("As an AI tool, it
    cannot …") is reporting, and quotations are left out before this rule is asked."""
    w = sentence.words
    for found in table.find("as_words", w):
        lang = found.lang
        end = _software_phrase(table, w, _past_article(table, w, found.last + 1, lang), lang)
        if end < 0 or not _phrase_ends(text, table, w, end, lang):
            continue
        # the first person within _AGENT_REACH words of the phrase's end, that end included
        reach = range(end, min(len(w), end + _AGENT_REACH + 1))
        if any(_first_person_at(table, w, lang, k) for k in reach) and _denies(table, w, end, lang):
            return _Rule("ai_self", lang)
    for found in table.find("copula_first", w):
        lang = found.lang
        end = _software_phrase(table, w, _past_article(table, w, found.last + 1, lang), lang)
        if end >= 0 and _denies(table, w, end, lang) and _phrase_ends(text, table, w, end, lang):
            return _Rule("ai_self", lang)
    return None


#: how many words may stand between a knowledge noun and the time its limit names
_LIMIT_REACH = 8
#: how many words may stand between a limit and its year
_YEAR_REACH = 6


def _year(word: str) -> bool:
    """A year of the recent past, as a word ("2023")."""
    return len(word) == 4 and word.isdigit() and word[:2] in {"19", "20"}


def _knowledge_limit(sentence: _Sentence, table: VoiceTable) -> _Rule | None:
    """An assistant naming the end of what it knows: a first-person possessive beside a
    knowledge noun, then a word that sets a limit, then a year ("My information only runs up
    to early 2023", "Mein Wissensstand reicht bis …", "Le informazioni a mia disposizione si
    fermano al 2023")."""
    w = sentence.words
    for noun in table.find("knowledge_nouns", w):
        lang = noun.lang
        near = [
            f
            for f in _in(table.find("first_person", w, max(0, noun.first - 2), noun.last + 4), lang)
            if f.first != f.last or w[f.first].text not in {"me", "mi"}
        ]
        # knowledge "of" something is a topic, a person's ("my knowledge of the town")
        if not near or _in(table.find("of_words", w, noun.last + 1, noun.last + 2), lang):
            continue
        reach = min(len(w), noun.last + 1 + _LIMIT_REACH)
        for limit in _in(table.find("limit_words", w, noun.last + 1, reach), lang):
            # the year a few words on ("until the end of 2023", "hasta mi fecha de corte (2023)")
            after = range(limit.last + 1, min(reach + 4, len(w), limit.last + _YEAR_REACH + 1))
            if any(_year(w[i].text) for i in after):
                return _Rule("knowledge_cutoff", lang)
    return None


_LABEL_MARKS = " \t*#>_-•·"
#: a label's own note before its colon: "SEO Title (58 characters):", "Titel [max. 60]:"
_LABEL_NOTE_RE = compile_pattern(r"[^\S\n]{0,2}[(\[][^()\[\]\n]{1,30}[)\]]")
#: a count as a field's value: "1.532", "512 words", "~ 600"
_COUNT_VALUE_RE = compile_pattern(r"[~≈]?[^\S\n]{0,2}\d{1,3}(?:[.,\u00a0 ]\d{3}){0,2}(?![\d.,])")
#: how many words a generic label may have ("Recuento de caracteres", "Parole chiave")
_LABEL_WORDS = 3
#: a keyword list: this many items or more, of up to this many words each
_LIST_ITEMS = 3
_ITEM_WORDS = 4


def _keyword_list(value: str) -> bool:
    """``city council, bike lanes, transport``: three or more short items between commas,
    none a clause (no full stop, no question, no quotation) and none a number or an
    address (no digits), one at least in lower case or all of one word (a tag list, not a
    list of names: "Source: CDC, Chicago Department of Public Health")."""
    value = value.strip().rstrip(" *_")
    if not value or len(value) > 240 or any(c in value for c in '.!?:;"“”„«»()[]/@'):
        return False
    if any(c.isdigit() for c in value):
        return False
    items = [x.strip() for x in value.split(",")]
    if len(items) < _LIST_ITEMS or any(not x for x in items):
        return False
    if any(len(x.split()) > _ITEM_WORDS for x in items):
        return False
    if any(x[:1].islower() for x in items):
        return True
    return all(len(x.split()) == 1 for x in items)


#: how many hashtags a value of nothing but hashtags has at least ("#football #transfers")
_HASHTAGS = 2


def _hashtag_list(value: str) -> bool:
    """``#football #premierleague #transfers``: nothing but hashtags, two or more."""
    items = value.strip().rstrip(" *_").split()
    return len(items) >= _HASHTAGS and all(
        x[:1] == "#" and x[1:].replace("_", "").isalnum() and not x[1:].isdigit() for x in items
    )


def _count_value(value: str, label: list[Token], table: VoiceTable) -> bool:
    """``Word count: 512``, ``Zeichen: 1.532``, ``Länge: 600 Wörter``: a number of words or
    characters (a length unit in the label or after the number), nothing else."""
    value = value.strip().rstrip(" *_.")
    head = tokens(value[:30], timeout=None)[:3]
    for found in table.find("approx_words", head):
        # "ca. 480", "approx. 640 words", "około 500 znaków": an approximation first
        after = value[head[found.last].end :].lstrip(". ")
        if found.first == 0 and after[:1].isdigit():
            value = after
            break
    m = match_pattern(_COUNT_VALUE_RE, value, timeout=None)
    if m is None:
        return False
    rest = tokens(value[m.end() :], timeout=None)
    if rest and (len(rest) > 2 or not table.has("length_units", rest)):
        return False
    return bool(rest) or table.has("length_units", label)


#: how many words a title may have as a field's value
_TITLE_WORDS = 20


def _metadata_value(value: str, place: Place) -> bool:
    """Whether a known field label's value, unmarked, is what a generation step lists: a
    keyword list at the document's first or last line, or at its first line a title (a few
    words, no sentence's full stop): "Titel: Stadtrat stimmt zu", not "Fazit: Das Gerät
    überzeugt." at an article's end."""
    if not (place.first or place.last):
        return False
    if _keyword_list(value):
        return True
    value = value.strip().rstrip(" *_")
    n = len(value.split())
    return place.first and 2 <= n <= _TITLE_WORDS and value[-1:].isalnum()


#: what may wrap a count standing alone on a line ("— 587 palavras —", "[~600 words]")
_COUNT_WRAPS = " \t*_()[]—–-•·|"
#: a line of a count alone is short
_COUNT_LINE = 60


def _count_line(text: str, table: VoiceTable, place: Place) -> ShapeHit | None:
    """A count of words or characters alone on the document's first or last line, in any
    wrapping ("— 587 palavras —", "(approx. 640 words)", "[około 500 znaków]"): what a
    generation step says of its output."""
    if not (place.first or place.last) or len(text) > _COUNT_LINE:
        return None
    core = text.strip(_COUNT_WRAPS)
    if not core:
        return None
    if not _count_value(core, [], table):
        # "Word Count – 1,045": a label of a length and a dash in place of the colon
        label, dash, value = core.partition(" – ")
        if not dash:
            label, dash, value = core.partition(" — ")
        label_words = tokens(label, timeout=None)
        if not dash or not label_words or len(label_words) > _LABEL_WORDS:
            return None
        if not table.has("length_units", label_words) or not _count_value(
            value, label_words, table
        ):
            return None
    return _count_hit(text, core)


def _label_hit(
    start: int, end: int, phrase: str, lang: str, where: str, what: str, *, whole: bool = True
) -> ShapeHit:
    """The finding of a generation step's field label, count or heading (``what``) at
    ``[start:end]``."""
    return ShapeHit(
        "template.leftover",
        "field_label",
        start,
        end,
        {"kind": "leftover", "phrase": phrase, "lang": lang, "where": where},
        f"{what} of a text-generation step: {phrase!r}",
        whole_line=whole,
    )


def _count_hit(text: str, core: str) -> ShapeHit:
    """The finding of a count of words on a line of its own."""
    start = text.find(core)
    lang = ""  # a count of any language's unit: no language's cue told it
    return _label_hit(start, start + len(core), core, lang, "word_count", "word count")


def _generic_label(
    text: str, words: list[Token], table: VoiceTable, place: Place
) -> ShapeHit | None:
    """A label of a few words starting the document's first or last line whose value is what
    a generation step lists, whatever the label says: a keyword list or a count of words or
    characters ("Schlagwörter: Stadtrat, Haushalt, Leipzig", "Recuento de caracteres: 1.532")."""
    if not (place.first or place.last) or ":" not in text or len(text) > 300:
        return None
    colon = text.find(":")
    label = [w for w in words if w.end <= colon]
    if not label or len(label) > _LABEL_WORDS or text[: label[0].start].strip(_LABEL_MARKS + "(["):
        return None
    head = text[label[-1].end : colon]
    note = match_pattern(_LABEL_NOTE_RE, head, timeout=None)
    if head.strip(" *_") and (note is None or head[note.end() :].strip(" *_")):
        return None
    if any(not w.raw.isalpha() and "-" not in w.raw for w in label):
        return None  # "E-Mail" is a word; "Nr. 5", "2023" are not labels of this kind
    value = text[colon + 1 :]
    # hashtags as a field's value under a label of a generation field ("Tags: #football
    # #transfers"); "Follow us: #cityhall #news" asks the reader
    tagged = _hashtag_list(value) and (
        table.has("field_labels", label) or table.has("field_labels_strong", label)
    )
    if not (tagged or _keyword_list(value) or _count_value(value, label, table)):
        return None
    start = label[0].start
    while start > 0 and text[start - 1] in "*_#":
        start -= 1
    phrase = text[start : colon + 1]
    lang = ""  # a label of any words: no language's cue told it
    return _label_hit(start, len(text.rstrip()), phrase, lang, "field_label", "field label")


def _field_label(text: str, words: list[Token], table: VoiceTable, place: Place) -> ShapeHit | None:
    """``**Title:**``, ``Meta description:``, ``(Word count: 512)`` at a document's edge."""
    if not words:
        return None
    lead = text[: words[0].start]
    marked = any(c in lead for c in "*#_") or text[words[0].end : words[0].end + 40].find("*") >= 0
    for section, need_mark in (("field_labels_strong", False), ("field_labels", True)):
        for found in table.find(section, words, 0, 4):
            if found.first != 0 and not text[: words[found.first].start].rstrip().endswith(
                ("(", "[")
            ):
                continue
            if found.first == 0 and lead.strip(_LABEL_MARKS + "(["):
                continue  # "(Word count: 512)" opens with its bracket
            label_end = words[found.last].end
            note = match_pattern(_LABEL_NOTE_RE, text, pos=label_end, timeout=None)
            if note is not None and ":" in text[note.end() : note.end() + 6]:
                label_end = note.end()  # "**SEO Title (58 characters):**"
            after = text[label_end : label_end + 6]
            colon = after.find(":")
            if colon < 0 or after[:colon].strip(" *_"):
                continue
            # "**Title:**" in bold from the line's start: a generation step's markup anywhere
            bold = lead.strip() in {"**", "__"} and found.first == 0
            bold = bold and text[label_end + colon + 1 : label_end + colon + 3] == lead.strip()
            if (
                need_mark
                and not (marked and place.edge)
                and not bold
                and not _metadata_value(text[label_end + colon + 1 :], place)
            ):
                continue
            end = label_end + colon + 1
            while end < len(text) and text[end] in "*_":
                end += 1
            start = words[found.first].start
            while start > 0 and text[start - 1] in "*_#":
                start -= 1
            rest = text[end:]
            whole = not any(c.isalpha() for c in rest) and found.first == 0
            phrase = text[start:end]
            return _label_hit(
                start,
                len(text.rstrip()) if whole else end,
                phrase,
                found.lang,
                "field_label",
                "field label",
                whole=whole,
            )
    return None


#: how many words a markdown heading naming a reworked text may have ("## Revised Article")
_HEADING_WORDS = 4


def _heading_label(
    text: str, words: list[Token], table: VoiceTable, place: Place
) -> ShapeHit | None:
    """A markdown heading as the document's first line that names nothing but a reworked text:
    an edit word and a text noun, and articles ("## Revised Article", "# Überarbeiteter
    Artikel", "### Versión reescrita"); "## Revised budget" names another thing."""
    if not place.first or not text.lstrip().startswith("#") or len(words) > _HEADING_WORDS:
        return None
    nouns = table.find("text_nouns", words)
    for lang in dict.fromkeys(f.lang for f in nouns):  # each language once, in the nouns' order
        covered = {i for f in _in(nouns, lang) for i in (f.first, f.last)}
        edits = _in(table.find("edit_words", words), lang)
        covered |= {i for f in edits for i in range(f.first, f.last + 1)}
        covered |= {
            i
            for s in ("articles", "of_words")
            for f in _in(table.find(s, words), lang)
            for i in range(f.first, f.last + 1)
        }
        if edits and covered >= set(range(len(words))):
            start = words[0].start
            phrase = text[start:].rstrip()
            return _label_hit(start, len(text.rstrip()), phrase, lang, "field_label", "heading")
    return None


_OPENING_QUOTES = '"“„«‹‘'
_CLOSING_QUOTES = '"”»›’“'


def speaks_first(text: str, start: int, table: VoiceTable, lang: str) -> bool:
    """Whether the words from ``start`` open in the first person of ``lang`` ("I have
    rewritten …", "Ho riscritto …"): inside an article's body a columnist's own account; an
    assistant's note about its work stands at the document's edges."""
    words = tokens(text[start : start + 80], timeout=None)[:2]
    return bool(words) and _first_person(table, words, lang, 0, 1)


#: how far before a token the noun that names it may stand ("the string %s", "la cadena %s")
_MENTION_REACH = 60
#: how many words may stand between that noun and the token ("a string such as …")
_NAMED_GAP = 2
#: the marks that end a clause: a noun before one of them names something else
_CLAUSE_MARKS = frozenset(".,;:!?()[]")


def code_mention(text: str, start: int, end: int, table: VoiceTable) -> bool:
    """Whether a sentence talks about the token ``text[start:end]`` rather than leaving it
    unfilled: a noun that names a string, a placeholder or a variable just before it ("the
    string %s", "la cadena %s repetida"), or the token inside a quotation in a sentence about
    code or templates ("greeted victims with “Dear {FirstName},” a sign the template …")."""
    left = text[max(0, start - _MENTION_REACH) : start]
    before = tokens(left, timeout=None)
    if (
        before
        and text[start - 1 : start] == " "
        and any(f.last == len(before) - 1 for f in table.find("string_nouns", before))
    ):
        return True
    # the noun a few words before it in one clause ("a string such as ${jndi:…}")
    if before and text[start - 1 : start] == " ":
        for f in table.find("string_nouns", before, max(0, len(before) - 1 - _NAMED_GAP)):
            if f.last < len(before) - 1 and not _CLAUSE_MARKS & set(left[before[f.last].end :]):
                return True
    if not (_open_quote_before(text, start) or single_quoted(text, start, start + 1)):
        return False
    # the sentence's words, not the token's own ("${x?string('dd.MM')}" names no string)
    around = text[max(0, start - 1_000) : start] + " " + text[end : end + 1_000]
    return table.has("code_words", tokens(around, timeout=None))


def reported_speech(text: str, start: int, end: int, table: VoiceTable) -> bool:
    """Whether ``text[start:end]`` is inside a quotation of an attributed line: an opening
    quote before it, a closing one after its start, and a verb of saying on the line
    ("„Lass mich wissen …“, sagte sie")."""
    opened = any(q in text[: start + 1] for q in _OPENING_QUOTES)
    closed = any(q in text[start:] for q in _CLOSING_QUOTES)
    if not (opened and closed) and not single_quoted(text, start, end):
        return False
    if opened and _quote_then_clause(text, start):
        return True
    return _attributed(table, tokens(text[:2_000], timeout=None))


#: how many words the clause after a quotation needs ("“, rief der Architekt")
_CLAUSE_WORDS = 2


def _quote_then_clause(text: str, start: int) -> bool:
    """Whether the quotation around ``start`` closes with a comma or a dash on either side of
    its closing mark and the sentence goes on after it: the shape of attributed speech in
    every language, whatever its verb ("„…“, rief der Architekt zu", "“…,” he told them",
    "« … », a lancé le maire")."""
    close = min((i for q in _CLOSING_QUOTES if (i := text.find(q, start + 1)) >= 0), default=-1)
    if close < 0:
        return False
    inside = text[:close].rstrip()[-1:]
    after = text[close + 1 :].lstrip()
    if not (inside in {",", "–", "—"} or after[:1] in {",", "–", "—"}):
        return False
    return len(tokens(after[:200], timeout=None)) >= _CLAUSE_WORDS


def _attributed(table: VoiceTable, words: list[Token]) -> bool:
    """A verb of saying ("said", "antwoordde", "a répondu") that is not part of an offer to
    the reader ("just say the word", "dis-moi")."""
    said = table.find("attribution", words)
    if not said:
        return False
    # a word that opens a presenter of several words is the presenter ("Dit is de nieuwe
    # versie:" is Dutch, not French "dit")
    presenting = {f.first for f in table.find("presenters", words) if f.last > f.first}
    said = [f for f in said if f.first not in presenting]
    if not said:
        return False
    offered = {i for f in table.find("offer", words, gap=1) for i in range(f.first, f.last + 1)}
    # the reader as the verb's subject is the request answered, not speech reported ("as you
    # asked", "wie Sie gewünscht"): an assistant's words about its task
    # the reader just after it names whose needs or wishes are meant, not who spoke ("selon
    # vos besoins", "according to your needs")
    readers = {f.first for f in table.find("reader", words) if f.first == f.last}
    asked = {i + 1 for i in readers}
    # a verb of saying in a clause of doubt is what the speaker cannot confirm, not whose
    # words these are ("… confirming whether the minister actually said this", "… ob der
    # Minister das gesagt hat")
    doubted = {
        i
        for f in table.find("conditional", words)
        for i in range(f.last + 1, f.last + 1 + _DOUBT_REACH)
    }
    return any(
        not offered & set(range(f.first, f.last + 1))
        and f.first not in asked
        and f.last + 1 not in readers
        and f.first not in doubted
        for f in said
    )


#: how far after "whether", "ob", "si" a verb of saying is the clause's ("whether the minister
#: actually said")
_DOUBT_REACH = 4


def may_speak(text: str, words: list[Token], table: VoiceTable) -> bool:
    """Whether a line can hold anything :func:`voice_hits` reports: each rule needs an entry
    of the sections named here somewhere on the line (a necessary condition, not a sufficient
    one), so a line without them is skipped; the plain path asks every line.

    - a text noun or an edit word: the voice rule, colon-final openers, notes about the text
    - an offer (one word may stand between its words): the closing rule
    - a presenter: presenting openers; a note label: notes
    - a negation with a capability: the browsing apology
    - "as"/"I am" with a core AI word or an agent noun: the self-reference
    - a negation with a word for what is current: the browsing apology
    - a knowledge noun with a word that sets a limit: the knowledge cut-off
    - an offering head of a question with a word for a version: the offer of more work
    - a note word on a line with a parenthesis or bracket: notes in parentheses
    - a field label: generation field labels
    - a verb of choosing or of leaving out: first-person notes about what the text leaves out"""

    starts = table.starts(words)

    def has(section: str) -> bool:
        return section in starts and bool(
            table.find(section, words, gap=1 if section == "offer" else 0)
        )

    return speaking_cues(text, has)


#: the sections :func:`speaking_cues` asks about
SPEAKING_CUES = frozenset(
    {
        "text_nouns",
        "edit_words",
        "offer",
        "presenters",
        "note_labels",
        "field_labels",
        "field_labels_strong",
        "negation",
        "capability_strong",
        "capability_weak",
        "as_words",
        "copula_first",
        "ai_core",
        "note_words",
        "agent_heads",
        "current_words",
        "knowledge_nouns",
        "limit_words",
        "offer_ask",
        "ask_nouns",
        "choice_verbs",
        "omit_verbs",
    }
)


#: the sections of :data:`SPEAKING_CUES` of which a speaking line holds at least one: the others
#: (a negation, "as", "I am") count only beside one of these, so a line with none cannot speak
_SPEAKING = SPEAKING_CUES - {"negation", "as_words", "copula_first", "limit_words", "offer_ask"}


def speaking_cues(text: str, has: Callable[[str], bool]) -> bool:
    """:func:`may_speak`'s condition on a line, given whether it ``has`` an entry of a section
    of :data:`SPEAKING_CUES`: a gate that knows less (the line holds a word such an entry
    needs) asks it with its own ``has`` and gets a superset of the lines."""
    return (
        has("text_nouns")
        or has("edit_words")
        or has("offer")
        or has("presenters")
        or has("note_labels")
        or has("field_labels")
        or has("field_labels_strong")
        or (has("negation") and (has("capability_strong") or has("capability_weak")))
        or ((has("as_words") or has("copula_first")) and (has("ai_core") or has("agent_heads")))
        or (has("negation") and has("current_words"))
        or (has("knowledge_nouns") and has("limit_words"))
        or (has("offer_ask") and has("ask_nouns"))
        or has("choice_verbs")
        or has("omit_verbs")
        or (("(" in text or "[" in text) and has("note_words"))
        or label_head(text)
    )


def label_head(text: str) -> bool:
    """Whether a line starts with a note's label of any words (the one clause of
    :func:`speaking_cues` that no section's word decides, so a word scan cannot stand for it)."""
    return match_pattern(_LABEL_HEAD_RE, text, timeout=None) is not None


def _generic_label_only(
    text: str, words: list[Token] | None, table: VoiceTable, place: Place, timeout: float | None
) -> Iterator[ShapeHit]:
    """:func:`_generic_label` on a line that holds no other voice cue (as :func:`voice_hits`
    judges it on every line of the plain path: not on an attributed line)."""
    if not (place.first or place.last):
        return
    count = _count_line(text, table, place)
    if count is not None:
        yield count
        return
    if ":" not in text:
        return
    if words is None:
        words = tokens(text, timeout=timeout)
    if _attributed(table, words):
        return
    label = _generic_label(text, words, table, place)
    if label is not None:
        yield label


def voice_hits(
    text: str, table: VoiceTable, place: Place, *, timeout: float | None = DEFAULT_TIMEOUT
) -> Iterator[ShapeHit]:
    """Sentences of a line in an assistant's voice, and generation field labels."""
    if len(text) > MAX_VOICE_LINE or search_pattern(_LETTER_RE, text, timeout=timeout) is None:
        return  # no word, no voice; a line this long is data, not an assistant's sentence
    if (
        not is_plain()
        and not table.may_hold(text, _SPEAKING, timeout=timeout)
        and match_pattern(_LABEL_HEAD_RE, text, timeout=timeout) is None
    ):
        # no word of the cues may_speak needs: skipped before splitting the words, but for
        # a label of any words at the document's first or last line
        yield from _generic_label_only(text, None, table, place, timeout)
        return
    words = tokens(text, timeout=timeout)
    if not is_plain() and not may_speak(text, words, table):
        yield from _generic_label_only(text, words, table, place, timeout)
        return
    sentences = [s for s in _sentences(text, timeout, words) if s.words]
    if not sentences:
        return
    sentences = _join_labels(sentences, table)
    # the sentences' words are the line's words, in order: the same list keeps the table's
    # remembered positions
    line_attributed = _attributed(table, words)
    # a label marked up at the line's head is the line's own field, whatever its value says
    # ("**Titre :** La mairie lance un plan …": a headline's verb of saying is no attribution)
    marked_head = text.lstrip()[:1] in {"*", "_", "#"}
    label = (
        None
        if line_attributed and not marked_head
        else _field_label(text, words, table, place) or _heading_label(text, words, table, place)
    )
    if label is None and not line_attributed:
        label = _generic_label(text, words, table, place) or _count_line(text, table, place)
    if label is not None:
        yield label
    rules: list[_Rule | None] = []
    ack = False  # the sentence before was nothing but an acknowledgement ("Sure!")
    for s in sentences:
        rule: _Rule | None = None
        if not _attributed(table, s.words) and not _quoted(text, s):
            asks = text[: s.end].rstrip(" *_)").endswith("?")  # the sentence is a question
            rule = (
                _opener(text, s, table, place, ack)
                or _note(text, s, table, place)
                or _ai_self(text, s, table)
                or _software_self(text, s, table)
                or _knowledge_limit(s, table)
                or _cannot_browse(s, table)
                or _voice(s, table, place, ack, asks)
                or _choice_note(s, table, place)
                or _closing(s, table, place)
                or _offer_statement(s, table, place, asks)
                or _offer_question(s, table, place, asks, ack)
            )
        elif not _quoted(text, s):
            # "Officials said the road (I changed this date to match the source) would …": an
            # aside of its own voice inside a reported sentence
            rule = _aside(text, s, table)
        rules.append(rule)
        ack = _acknowledged(table, s.words) == len(s.words)
    # the line goes when it holds nothing but such sentences and short interjections ("Sure!")
    whole = len(text) <= 600 and all(
        (r is not None and r.start < 0) or len(s.words) <= 3
        for s, r in zip(sentences, rules, strict=True)
    )
    for s, rule in zip(sentences, rules, strict=True):
        if rule is None:
            continue
        if rule.start >= 0:
            start, end = rule.start, rule.end
        else:
            start = s.start
            while start < s.end and not text[start].isalnum() and text[start] not in "¡¿":
                start += 1
            end = len(text[: s.end].rstrip())
        phrase = text[start:end]
        yield ShapeHit(
            "template.leftover",
            rule.kind,
            start,
            end,
            {"kind": "leftover", "phrase": phrase[:200], "lang": rule.lang, "where": rule.kind},
            f"leftover of a text-generation step: {phrase[:120]!r}",
            whole_line=whole,
        )


# ---------------------------------------------------------------------------------------------
# all rules of one line


def line_hits(
    text: str,
    table: VoiceTable,
    place: Place,
    *,
    skip_names: frozenset[str] = frozenset(),
    timeout: float | None = DEFAULT_TIMEOUT,
    detect: Callable[[str], bool] = lambda kind: True,
    voice: bool = True,
) -> Iterator[ShapeHit]:
    """Every structural hit on one line (overlaps are resolved by the caller); ``voice=False``:
    the caller knows the line holds no word :func:`may_speak` needs (a document scan said so),
    so :func:`voice_hits` would find nothing."""
    if detect("token"):
        # brackets are scanned once, by the filter's bracket syntax, which asks bracket_slot
        yield from placeholder_hits(text, skip_names=skip_names, timeout=timeout, table=table)
        yield from paren_hits(text, table, timeout=timeout)
        yield from angle_hits(text, table, timeout=timeout)
    if detect("filler"):
        yield from journalist_hits(text, None, table, timeout=timeout)
    if detect("empty_value"):
        yield from value_hits(text, table, timeout=timeout)
    if voice and detect("leftover"):
        yield from voice_hits(text, table, place, timeout=timeout)
