"""Normalize-stage filters: encoding repair, invisible characters, whitespace.

Each change becomes an edit with its own code, so the record can say exactly what normalization
did. Unicode form: **NFC**. It composes characters (``e`` + combining acute becomes ``é``) without
the compatibility folding of NFKC, which would rewrite meaningful characters such as ``²``, ``½``
or full-width forms. Curly quotes and full-width characters are kept as written.
"""

from __future__ import annotations

import functools
import hashlib
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import ClassVar, Literal

import ftfy
from ftfy import badness, chardata

from newsclean._offsets import TextEdit
from newsclean._patterns import compile_pattern, finditer
from newsclean.draft import EMPTY, Draft, Proposal, Stage

# U+0085 is left to ftfy, which reads it as the cp1252 ellipsis it nearly always is in scraped text
# a run of line breaks becomes one edit (with as many newlines), so blank-line runs stay cheap
LINE_BREAK_RE = compile_pattern(r"(?:\r\n|[\r\x0b\x0c\u2028\u2029])+")
_ANY_LINE_BREAK_RE = re.compile(r"[\r\x0b\x0c\u2028\u2029]")  # fast path: nothing to do

# ---------------------------------------------------------------------------------------------
# The ftfy fast path: decide, without running ftfy, that ftfy would return a line unchanged.
#
# With our settings, ``ftfy.fix_and_explain`` changes a line only through these steps, each of which
# leaves a line alone unless the line holds something the step acts on:
#
# - ``unescape_html``: needs ``&`` (every entity starts with it);
# - ``fix_encoding``: returns ASCII text and text that ``badness.is_bad`` rejects unchanged: so a
#   line that is not "bad" by ftfy's own test is left alone (we call that same test);
# - ``fix_c1_controls``: U+0080-U+009F; ``fix_latin_ligatures``: the keys of ``chardata.LIGATURES``;
#   ``fix_line_breaks``: CR, U+2028, U+2029, U+0085; ``fix_surrogates``: U+D800-U+DFFF;
#   ``remove_terminal_escapes``: ESC; ``remove_control_chars``: the keys of
#   ``chardata.CONTROL_CHARS``; (``fix_character_width`` and ``uncurl_quotes`` are off);
# - normalization: leaves text alone when ``unicodedata.is_normalized`` says it is in that form.
#
# ``badness.is_bad`` is one regular-expression search, still slow on long lines. Every alternative
# of ftfy's ``BADNESS_RE`` needs at least one character of a small set (C1 controls, the "bad",
# "law", "currency", "numeric", punctuation, box-drawing and upper-case accented categories of
# ``badness.MOJIBAKE_CATEGORIES``, and a few literals), so lines without any of them skip the
# search. That set was derived from the pattern of the ftfy releases we test; if ftfy's pattern
# changes, the set falls back to "any non-ASCII character", which is always safe.
#
# These are single character classes (linear scans that cannot backtrack), run with the standard
# library's ``re``, which scans large non-ASCII classes about 20x faster than ``regex``.
# tests/test_ftfy_fastpath.py checks the result against ftfy on generated and real text.

#: ftfy lines longer than this are split by ftfy itself; they always go through ftfy
_FTFY_MAX_LINE = ftfy.TextFixerConfig().max_decode_length


def _char_class(codepoints: Iterable[int]) -> str:
    return "".join(re.escape(chr(c)) for c in codepoints)


# everything but '&': unescape_html acts only on what matches ftfy's own HTML_ENTITY_RE
_FTFY_ACTS_ON_RE = re.compile(
    "[\x1b\r\x0c\x80-\x9f\u2028\u2029\ud800-\udfff"
    + _char_class(chardata.LIGATURES)
    + _char_class(chardata.CONTROL_CHARS)
    + "]"
)
_HTML_ENTITY_RE = chardata.HTML_ENTITY_RE

#: sha256 of ``badness.BADNESS_RE.pattern`` for the ftfy releases the trigger set was derived from
_KNOWN_BADNESS_PATTERNS = frozenset(
    {"9dcc0f2ac90d9ae3c85eb7b9b2c0b8a8e8126153847c2b30c91a0bb263f3b8c4"}
)


_KNOWN_PATTERN = (
    hashlib.sha256(badness.BADNESS_RE.pattern.encode("utf-8")).hexdigest()
    in _KNOWN_BADNESS_PATTERNS
)
#: no match of the known BADNESS_RE is longer than 7 characters (ГўВЂВ.[A-Za-z ] is the longest)
_BADNESS_WINDOW = 8


def _badness_trigger() -> re.Pattern[str]:
    if not _KNOWN_PATTERN:
        return re.compile("[^\x00-\x7f]")
    cats = badness.MOJIBAKE_CATEGORIES
    names = ["c1", "bad", "law", "currency", "numeric", "start_punctuation", "end_punctuation"]
    names += ["upper_accented", "box"]
    # literals of the remaining alternatives: [Œœ][^A-Za-z], [ÂÃÎÐ]..., × [²³], [ØÙ]..., вЂ,
    # ГўВЂВ, Ã[\xa0¡], [ÃÂ][ ], the degree sign of the Cyrillic and Greek sequences
    return re.compile("[" + "".join(cats[n] for n in names) + "ŒœÂÃÎÐ×ØÙЂ°" + "]")


_BADNESS_TRIGGER_RE = _badness_trigger()


def is_bad(line: str) -> bool:
    """``ftfy.badness.is_bad(line)``, searching only near the characters a match must contain.

    Every match of ftfy's pattern holds a trigger character and is at most 7 characters long,
    so it lies within 8 characters of a trigger: searching those windows finds a match exactly
    when searching the whole line does (``^`` still matches only at the line's real start).
    """
    if not _KNOWN_PATTERN:
        return badness.is_bad(line)
    search = badness.BADNESS_RE.search
    n = len(line)
    start = end = -1
    for m in _BADNESS_TRIGGER_RE.finditer(line):
        a, b = max(0, m.start() - _BADNESS_WINDOW), min(n, m.end() + _BADNESS_WINDOW)
        if a <= end:
            end = b
            continue
        if end >= 0 and search(line, start, end):
            return True
        start, end = a, b
    return end >= 0 and search(line, start, end) is not None


Span = tuple[int, int]


def _lines_with(pattern: re.Pattern[str], text: str) -> list[Span]:
    """The spans of the lines of ``text`` where ``pattern`` matches, one search per such line."""
    out: list[Span] = []
    pos = 0
    while (m := pattern.search(text, pos)) is not None:
        start = text.rfind("\n", 0, m.start()) + 1
        end = text.find("\n", m.end())
        end = len(text) if end == -1 else end
        out.append((start, end))
        pos = end + 1
    return out


def _all_lines(text: str) -> list[Span]:
    out: list[Span] = []
    pos = 0
    for line in text.split("\n"):
        out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def ftfy_suspects(text: str, normalization: str | None = "NFC") -> list[Span]:
    """The spans of the lines of ``text`` that ftfy (with :func:`ftfy_config`) might change.

    Every other line is certainly returned unchanged by :func:`ftfy_line`, so it can skip ftfy.
    The text is scanned as a whole; only suspect lines are looked at one by one.

    >>> ftfy_suspects("Grüße aus Köln, „schön“ – 5 €\\nAT&T\\nschÃ¶n &amp; gut")
    [(35, 51)]
    """
    suspects = set(_lines_with(_FTFY_ACTS_ON_RE, text))
    if "&" in text:
        suspects.update(_lines_with(_HTML_ENTITY_RE, text))
    if text.isascii():
        return sorted(suspects)
    if len(text) > _FTFY_MAX_LINE:  # ftfy cuts lines this long into pieces of its own
        suspects.update(span for span in _all_lines(text) if span[1] - span[0] > _FTFY_MAX_LINE)
    if normalization is not None and not unicodedata.is_normalized(normalization, text):  # type: ignore[arg-type]
        suspects.update(
            span
            for span in _all_lines(text)
            if not unicodedata.is_normalized(normalization, text[span[0] : span[1]])  # type: ignore[arg-type]
        )
    for span in _lines_with(_BADNESS_TRIGGER_RE, text):
        if span not in suspects and _is_bad_line(text[span[0] : span[1]]):
            suspects.add(span)
    return sorted(suspects)


#: lines up to this long have their :func:`is_bad` remembered
_REMEMBERED_LINE = 1_000


@functools.lru_cache(maxsize=4096)
def _is_bad_remembered(line: str) -> bool:
    return is_bad(line)


def _is_bad_line(line: str) -> bool:
    """:func:`is_bad`, remembered for short lines: the normalize stage runs again over lines it
    has seen whenever its last round changed the text, and sites repeat lines."""
    return _is_bad_remembered(line) if len(line) <= _REMEMBERED_LINE else is_bad(line)


def ftfy_unchanged(text: str, normalization: str | None = "NFC") -> bool:
    """True when ftfy (with :func:`ftfy_config`) certainly returns each line of text unchanged.

    >>> ftfy_unchanged("Grüße aus Köln, „schön“ – 5 €")
    True
    >>> ftfy_unchanged("Grüße aus KÃ¶ln")
    False
    """
    return not ftfy_suspects(text, normalization)


_FTFY_CODES = {
    "unescape_html": "normalize.html_entity",
    "remove_terminal_escapes": "normalize.control",
    "remove_control_chars": "normalize.control",
    "fix_c1_controls": "normalize.control",
    "fix_line_breaks": "normalize.line_break",
}


def ftfy_config(normalization: Literal["NFC"] | None = "NFC") -> ftfy.TextFixerConfig:
    """ftfy's settings for news corpora: repair encodings, keep typography as written."""
    return ftfy.TextFixerConfig(
        uncurl_quotes=False,  # curly quotes are real text; models should see them
        fix_character_width=False,  # full-width forms are meaningful in CJK text
        normalization=normalization,
        explain=False,
    )


def ftfy_line(line: str, config: ftfy.TextFixerConfig) -> str:
    """ftfy on one line, as ``ftfy.fix_text`` would treat it on its own."""
    if config.unescape_html == "auto" and "<" in line:
        config = config._replace(unescape_html=False)
    return ftfy.fix_text(line, config)


#: common prefixes and suffixes are compared this many characters at a time first
_COMPARE_BLOCK = 4096


def _trimmed_edit(start: int, old: str, new: str, code: str) -> TextEdit:
    """The smallest edit turning ``old`` (at ``start``) into ``new``.

    The common prefix and suffix are found a block at a time (slices compared in C), then a
    character at a time: a megabyte line costs a few hundred comparisons, not a million.
    """
    limit = min(len(old), len(new))
    step = _COMPARE_BLOCK
    prefix = 0
    while prefix + step <= limit and old[prefix : prefix + step] == new[prefix : prefix + step]:
        prefix += step
    while prefix < limit and old[prefix] == new[prefix]:
        prefix += 1
    room = limit - prefix
    suffix = 0
    n_old, n_new = len(old), len(new)
    while (
        suffix + step <= room
        and old[n_old - suffix - step : n_old - suffix]
        == new[n_new - suffix - step : n_new - suffix]
    ):
        suffix += step
    while suffix < room and old[-1 - suffix] == new[-1 - suffix]:
        suffix += 1
    return TextEdit(
        start + prefix, start + len(old) - suffix, new[prefix : len(new) - suffix], code
    )


def ftfy_fix_line(
    line: str, config: ftfy.TextFixerConfig, past_deadline: Callable[[], bool] | None = None
) -> tuple[str, str, int]:
    """:func:`ftfy_line`, the code of what it changed, and how many characters of the line it
    went through, in one pass over ftfy's own segments of the line (a line longer than
    ``max_decode_length`` is fixed a segment at a time, as ``ftfy.fix_text`` does). When
    ``past_deadline()`` says so between segments, the rest of the line is left as it is.
    """
    if config.unescape_html == "auto" and "<" in line:
        config = config._replace(unescape_html=False)
    explained = config._replace(explain=True)
    size = config.max_decode_length
    pieces: list[str] = []
    steps: list[ftfy.ExplanationStep] = []
    for pos in range(0, len(line), size):
        if pos and past_deadline is not None and past_deadline():
            return "".join(pieces) + line[pos:], _code_of(steps), pos
        fixed, explanation = ftfy.fix_and_explain(line[pos : pos + size], explained)
        pieces.append(fixed)
        steps += explanation or ()
    return "".join(pieces), _code_of(steps), len(line)


def _code_of(steps: Iterable[ftfy.ExplanationStep]) -> str:
    """The edit code of what ftfy's steps did: an encoding repair wins, then the first step
    with a code of its own, then normalization."""
    steps = list(steps)
    for step in steps:
        if step.action in ("encode", "decode", "transcode"):
            return "normalize.encoding"
    for step in steps:
        code = _FTFY_CODES.get(step.parameter)
        if code:
            return code
    if steps and all(s.parameter in ("normalization", "NFC") for s in steps):
        return "normalize.unicode_form"
    return "normalize.encoding"


def _breaks(run: str) -> int:
    return len(run) - run.count("\r\n")


@dataclass(frozen=True, slots=True, kw_only=True)
class FixLineBreaks:
    """Turn CR, CRLF, vertical tab, form feed and Unicode line/paragraph separators into newlines."""

    name: ClassVar[str] = "fix_line_breaks"
    stage: ClassVar[Stage] = Stage.NORMALIZE
    codes: ClassVar[tuple[str, ...]] = ("normalize.line_break",)

    def apply(self, draft: Draft, /) -> Proposal:
        if not draft.plain and _ANY_LINE_BREAK_RE.search(draft.text) is None:
            return EMPTY
        return Proposal(
            edits=tuple(
                TextEdit(m.start(), m.end(), "\n" * _breaks(m.group()), "normalize.line_break")
                for m in finditer(LINE_BREAK_RE, draft.text, timeout=draft.regex_timeout)
            )
        )


@dataclass(frozen=True, slots=True, kw_only=True)
class FixEncoding:
    """Repair mojibake, HTML entities and C1 controls with ftfy, line by line; put text in NFC."""

    name: ClassVar[str] = "fix_encoding"
    stage: ClassVar[Stage] = Stage.NORMALIZE
    codes: ClassVar[tuple[str, ...]] = (
        "normalize.encoding",
        "normalize.html_entity",
        "normalize.control",
        "normalize.line_break",
        "normalize.unicode_form",
    )
    normalization: Literal["NFC"] | None = "NFC"

    def apply(self, draft: Draft, /) -> Proposal:
        """Each suspect line through ftfy, the time budget looked at before each line and
        between ftfy's segments of a long one: past it, the lines repaired so far are kept and
        :attr:`Draft.stopped` says how far it got."""
        text = draft.text
        # the plain path gives every line to ftfy
        suspects = _all_lines(text) if draft.plain else ftfy_suspects(text, self.normalization)
        if not suspects:
            return EMPTY  # the common case, decided in a few linear scans of the whole text
        edits: list[TextEdit] = []
        config = ftfy_config(self.normalization)
        for done, (start, end) in enumerate(suspects):
            if draft.past_deadline():
                draft.stopped = f"{done} of {len(suspects)} lines repaired"
                break
            line = text[start:end]
            fixed, code, through = ftfy_fix_line(line, config, draft.past_deadline)
            if "\n" in fixed:  # an encoded line break ("&#10;") must not split the line
                fixed = fixed.replace("\n", " ")
            if fixed != line:
                edits.append(_trimmed_edit(start, line, fixed, code))
            if through < len(line):
                draft.stopped = (
                    f"{done} of {len(suspects)} lines repaired, and {through} of the "
                    f"{len(line)} characters of the next"
                )
                break
        return Proposal(edits=tuple(edits))


# zero-width space, word joiner, BOM, LRM/RLM/ALM, bidi embeddings, overrides and isolates.
# ZWJ/ZWNJ (U+200C/D) are kept: they carry meaning in Persian, Indic scripts and emoji.
_INVISIBLE = r"\u200b\u2060\ufeff\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069"
_CONTROL = r"\x00-\x08\x0e-\x1f\x7f"
INVISIBLE_RE = compile_pattern(rf"[{_INVISIBLE}]+")
SOFT_HYPHEN_RE = compile_pattern(r"\u00ad+")
CONTROL_RE = compile_pattern(rf"[{_CONTROL}]+")
# fast path: one linear scan (a single character class; the standard library's ``re`` scans
# non-ASCII classes much faster than ``regex``) for any character the three patterns remove
_ANY_INVISIBLE_RE = re.compile(rf"[{_INVISIBLE}\u00ad{_CONTROL}]")


@dataclass(frozen=True, slots=True, kw_only=True)
class StripInvisible:
    """Remove invisible and control characters and soft hyphens."""

    name: ClassVar[str] = "strip_invisible"
    stage: ClassVar[Stage] = Stage.NORMALIZE
    codes: ClassVar[tuple[str, ...]] = (
        "normalize.invisible",
        "normalize.soft_hyphen",
        "normalize.control",
    )

    def apply(self, draft: Draft, /) -> Proposal:
        text = draft.text
        if not draft.plain and _ANY_INVISIBLE_RE.search(text) is None:
            return EMPTY
        edits = []
        for pattern, code in (
            (INVISIBLE_RE, "normalize.invisible"),
            (SOFT_HYPHEN_RE, "normalize.soft_hyphen"),
            (CONTROL_RE, "normalize.control"),
        ):
            edits += [
                TextEdit(m.start(), m.end(), "", code)
                for m in finditer(pattern, text, timeout=draft.regex_timeout)
            ]
        return Proposal(edits=tuple(edits))


_SPACE = r"[ \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]"
# in one pass: leading or trailing space on a line, any unusual space, a run of two or more spaces
WHITESPACE_RE = compile_pattern(rf"(?m)^{_SPACE}+|{_SPACE}+$|{_SPACE}{{2,}}|(?! ){_SPACE}")
# fast path: WHITESPACE_RE proposes an edit exactly when the text has an unusual space, two spaces
# in a row, or a space at the start or end of a line
_UNUSUAL_SPACE_RE = re.compile(_SPACE.replace("[ ", "[", 1))


def _lines_with_space_pair(text: str, pair: str, at: int) -> set[Span]:
    """The spans of the lines holding the character ``at`` of an occurrence of ``pair``."""
    out: set[Span] = set()
    pos = text.find(pair)
    while pos >= 0:
        space = pos + at
        start = text.rfind("\n", 0, space) + 1
        end = text.find("\n", space)
        end = len(text) if end == -1 else end
        out.add((start, end))
        pos = text.find(pair, end)
    return out


def whitespace_lines(text: str) -> list[Span]:
    """The spans of the lines where :class:`NormalizeWhitespace` has something to do.

    The cues of :func:`needs_whitespace_edits`, each traced to its line: every match of
    WHITESPACE_RE holds an unusual space, two spaces, or a space at a line's start or end.
    """
    lines = set(_lines_with(_UNUSUAL_SPACE_RE, text))
    lines |= _lines_with_space_pair(text, "  ", 0)
    lines |= _lines_with_space_pair(text, " \n", 0)
    lines |= _lines_with_space_pair(text, "\n ", 1)
    if text.startswith(" "):
        first_end = text.find("\n")
        lines.add((0, len(text) if first_end == -1 else first_end))
    if text.endswith(" "):
        lines.add((text.rfind("\n") + 1, len(text)))
    return sorted(lines)


def needs_whitespace_edits(text: str) -> bool:
    """Whether :class:`NormalizeWhitespace` has anything to do: a few substring scans.

    >>> needs_whitespace_edits("One line.\\nAnother one.")
    False
    >>> needs_whitespace_edits("One line. \\nAnother\\u00a0one.")
    True
    """
    return (
        "  " in text
        or " \n" in text
        or "\n " in text
        or text.startswith(" ")
        or text.endswith(" ")
        or _UNUSUAL_SPACE_RE.search(text) is not None
    )


@dataclass(frozen=True, slots=True, kw_only=True)
class NormalizeWhitespace:
    """Unify spaces, collapse runs of them, and trim line ends."""

    name: ClassVar[str] = "normalize_whitespace"
    stage: ClassVar[Stage] = Stage.NORMALIZE
    codes: ClassVar[tuple[str, ...]] = ("normalize.whitespace",)

    def apply(self, draft: Draft, /) -> Proposal:
        text = draft.text
        if not draft.plain and not needs_whitespace_edits(text):
            return EMPTY
        edits = []
        # no match spans a line break: the lines with a cue are matched one by one, and the
        # (usually many more) lines without one are skipped in a linear scan (the plain path
        # matches every line)
        lines = _all_lines(text) if draft.plain else whitespace_lines(text)
        for line_start, line_end in lines:
            line = text[line_start:line_end]
            for m in finditer(WHITESPACE_RE, line, timeout=draft.regex_timeout):
                start, end = m.start() + line_start, m.end() + line_start
                at_edge = start == line_start or end == line_end
                replacement = "" if at_edge else " "
                if text[start:end] != replacement:
                    edits.append(TextEdit(start, end, replacement, "normalize.whitespace"))
        return Proposal(edits=tuple(edits))
