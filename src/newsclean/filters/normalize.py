"""Normalize-stage filters: encoding repair, invisible characters, whitespace.

Each change becomes an edit with its own code, so the record can say exactly what normalization
did. Unicode form: **NFC**. It composes characters (``e`` + combining acute becomes ``é``) without
the compatibility folding of NFKC, which would rewrite meaningful characters such as ``²``, ``½``
or full-width forms. Curly quotes and full-width characters are kept as written.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar, Literal

import ftfy

from newsclean._offsets import TextEdit
from newsclean._patterns import compile_pattern, finditer
from newsclean.pipeline import EMPTY, Draft, Proposal, Stage
from newsclean.registry import register_filter

# U+0085 is left to ftfy, which reads it as the cp1252 ellipsis it nearly always is in scraped text
# a run of line breaks becomes one edit (with as many newlines), so blank-line runs stay cheap
LINE_BREAK_RE = compile_pattern(r"(?:\r\n|[\r\x0b\x0c\u2028\u2029])+")

# Text made only of these (printable ASCII, tab, newline, and no '&' that could start an HTML entity)
# is returned unchanged by ftfy with the settings below: the fast path skips ftfy for it.
FTFY_NOOP_RE = compile_pattern(r"[\t\n\x20-\x25\x27-\x7e]*")

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


def _trimmed_edit(start: int, old: str, new: str, code: str) -> TextEdit:
    """The smallest edit turning ``old`` (at ``start``) into ``new``."""
    prefix = 0
    limit = min(len(old), len(new))
    while prefix < limit and old[prefix] == new[prefix]:
        prefix += 1
    suffix = 0
    while suffix < limit - prefix and old[-1 - suffix] == new[-1 - suffix]:
        suffix += 1
    return TextEdit(
        start + prefix, start + len(old) - suffix, new[prefix : len(new) - suffix], code
    )


def _ftfy_code(line: str, fixed: str, config: ftfy.TextFixerConfig) -> str:
    _, steps = ftfy.fix_and_explain(line, config._replace(explain=True))
    for step in steps or ():
        if step.action in ("encode", "decode", "transcode"):
            return "normalize.encoding"
    for step in steps or ():
        code = _FTFY_CODES.get(step.parameter)
        if code:
            return code
    if steps and all(s.parameter in ("normalization", "NFC") for s in steps):
        return "normalize.unicode_form"
    return "normalize.encoding"


def _breaks(run: str) -> int:
    return len(run) - run.count("\r\n")


@register_filter
@dataclass(frozen=True, slots=True, kw_only=True)
class FixLineBreaks:
    """Turn CR, CRLF, vertical tab, form feed and Unicode line/paragraph separators into newlines."""

    name: ClassVar[str] = "fix_line_breaks"
    stage: ClassVar[Stage] = Stage.NORMALIZE

    def apply(self, draft: Draft, /) -> Proposal:
        return Proposal(
            edits=tuple(
                TextEdit(m.start(), m.end(), "\n" * _breaks(m.group()), "normalize.line_break")
                for m in finditer(LINE_BREAK_RE, draft.text, timeout=draft.regex_timeout)
            )
        )


@register_filter
@dataclass(frozen=True, slots=True, kw_only=True)
class FixEncoding:
    """Repair mojibake, HTML entities and C1 controls with ftfy, line by line; put text in NFC."""

    name: ClassVar[str] = "fix_encoding"
    stage: ClassVar[Stage] = Stage.NORMALIZE
    normalization: Literal["NFC"] | None = "NFC"

    def apply(self, draft: Draft, /) -> Proposal:
        text = draft.text
        if FTFY_NOOP_RE.fullmatch(text, timeout=draft.regex_timeout):
            return EMPTY
        edits: list[TextEdit] = []
        config = ftfy_config(self.normalization)
        pos = 0
        for line in text.split("\n"):
            if line and not FTFY_NOOP_RE.fullmatch(line, timeout=draft.regex_timeout):
                fixed = ftfy_line(line, config)
                if "\n" in fixed:  # an encoded line break ("&#10;") must not split the line
                    fixed = fixed.replace("\n", " ")
                if fixed != line:
                    code = _ftfy_code(line, fixed, config)
                    edits.append(_trimmed_edit(pos, line, fixed, code))
            pos += len(line) + 1
        return Proposal(edits=tuple(edits))


# zero-width space, word joiner, BOM, LRM/RLM/ALM, bidi embeddings, overrides and isolates.
# ZWJ/ZWNJ (U+200C/D) are kept: they carry meaning in Persian, Indic scripts and emoji.
INVISIBLE_RE = compile_pattern(r"[\u200b\u2060\ufeff\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]+")
SOFT_HYPHEN_RE = compile_pattern(r"\u00ad+")
CONTROL_RE = compile_pattern(r"[\x00-\x08\x0e-\x1f\x7f]+")


@register_filter
@dataclass(frozen=True, slots=True, kw_only=True)
class StripInvisible:
    """Remove invisible and control characters and soft hyphens."""

    name: ClassVar[str] = "strip_invisible"
    stage: ClassVar[Stage] = Stage.NORMALIZE

    def apply(self, draft: Draft, /) -> Proposal:
        text = draft.text
        if text.isascii() and not CONTROL_RE.search(text, timeout=draft.regex_timeout):
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


@register_filter
@dataclass(frozen=True, slots=True, kw_only=True)
class NormalizeWhitespace:
    """Unify spaces, collapse runs of them, and trim line ends."""

    name: ClassVar[str] = "normalize_whitespace"
    stage: ClassVar[Stage] = Stage.NORMALIZE

    def apply(self, draft: Draft, /) -> Proposal:
        text = draft.text
        edits = []
        for m in finditer(WHITESPACE_RE, text, timeout=draft.regex_timeout):
            start, end = m.span()
            at_edge = start == 0 or text[start - 1] == "\n" or end == len(text) or text[end] == "\n"
            replacement = "" if at_edge else " "
            if text[start:end] != replacement:
                edits.append(TextEdit(start, end, replacement, "normalize.whitespace"))
        return Proposal(edits=tuple(edits))
