"""Hypothesis strategies and profiles shared by the property, hostile-input and fuzz-smoke tests.

Profiles: ``fast`` (the default, used by ``make test``) and ``long`` (thousands of examples per
property). Choose one with ``NEWSCLEAN_HYPOTHESIS_PROFILE=long``; ``NEWSCLEAN_HYPOTHESIS_EXAMPLES=N``
overrides the example count of either.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

from newsclean._patterns import phrase_lines

_SUPPRESS = [HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much]

settings.register_profile(
    "fast", max_examples=120, deadline=None, suppress_health_check=_SUPPRESS, print_blob=True
)
settings.register_profile(
    "long", max_examples=2000, deadline=None, suppress_health_check=_SUPPRESS, print_blob=True
)
_profile = os.environ.get("NEWSCLEAN_HYPOTHESIS_PROFILE", "fast")
settings.load_profile(_profile)
if os.environ.get("NEWSCLEAN_HYPOTHESIS_EXAMPLES"):
    settings.register_profile(
        "custom",
        settings.get_profile(_profile),
        max_examples=int(os.environ["NEWSCLEAN_HYPOTHESIS_EXAMPLES"]),
    )
    settings.load_profile("custom")

# ---------------------------------------------------------------------------------------------
# hostile characters

#: every character some part of Python or Unicode treats as a line break
LINE_BREAKS = (
    "\n",
    "\r",
    "\r\n",
    "\x0b",
    "\x0c",
    "\x1c",
    "\x1d",
    "\x1e",
    "\x85",
    "\u2028",
    "\u2029",
)
BIDI = tuple("\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
INVISIBLE = ("\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad", "\u180e")
SPACES = (" ", "  ", "\t", "\u00a0", "\u2003", "\u2009", "\u202f", "\u3000", "\u1680", "\u205f")
CONTROLS = ("\x00", "\x01", "\x07", "\x1b", "\x1f", "\x7f", "\x80", "\x9b", "\x9f")
SURROGATES = ("\ud800", "\udbff", "\udc00", "\udfff", "\ud83d")
COMBINING = (
    "e\u0301",
    "a\u0308",
    "\u0301",
    "n\u0303\u0301\u0323",
    "\u1100\u1161\u11a8",  # Hangul jamo, composed by NFC
    "\u0915\u094d\u0937",  # Devanagari conjunct
    "Å",  # angstrom sign, changed by NFC
)
EMOJI = (
    "👩‍👩‍👧‍👦",
    "🏳️‍🌈",
    "👍🏽",
    "🇺🇦",
    "1️⃣",
    "🧑🏿‍🚀",
)
MOJIBAKE = (
    "Ã©",
    "Ã¢â‚¬â„¢",
    "â€œquotedâ€\x9d",
    "Ã¼ber",
    "&amp;",
    "&lt;b&gt;",
    "&#39;",
    "\x1b[31m",
    "&#10;",
    "&#13;",
    "&#x2028;",
    "&eacute;",
    "&#28;",
)
TEMPLATE_TOKENS = ("{NAME}", "{{ city }}", "{CITY_NAME}", "{{x}}", "{X}", "{a}", "{{ }}", "{{")
HOSTILE_PIECES = (
    *LINE_BREAKS,
    *BIDI,
    *INVISIBLE,
    *SPACES,
    *CONTROLS,
    *SURROGATES,
    *COMBINING,
    *EMOJI,
    *MOJIBAKE,
    *TEMPLATE_TOKENS,
)


def chrome_lines() -> list[str]:
    """Lines from the boilerplate catalogue, in a few of the shapes they take on pages."""
    phrases = [line.partition("\t")[0] for _, line in phrase_lines("lang/en/boilerplate.txt")]
    return phrases or ["Read more"]


CHROME_DECORATIONS = ("{}", "{}:", "› {} »", "{} (12)", "  {}  ", "{}.", "— {} —", "{}\t")

#: arbitrary code points, surrogates included
any_char = st.characters(codec=None, categories=None)

#: pieces that are each one hostile token: line breaks, bidi, surrogates, emoji sequences, ...
hostile_piece = st.sampled_from(HOSTILE_PIECES)

#: arbitrary text with hostile pieces mixed in
hostile_text = st.lists(
    st.one_of(st.text(any_char, max_size=12), hostile_piece, hostile_piece), max_size=40
).map("".join)

# ---------------------------------------------------------------------------------------------
# news-like text

WORDS = [
    "the",
    "minister",
    "said",
    "on",
    "Tuesday",
    "that",
    "talks",
    "would",
    "continue",
    "in",
    "Brussels",
    "next",
    "week",
    "President",
    "Joe",
    "Biden",
    "met",
    "Chancellor",
    "Olaf",
    "Scholz",
    "Prime",
    "Minister",
    "officials",
    "markets",
    "fell",
    "percent",
    "according",
    "to",
    "a",
    "statement",
    "reporters",
    "government",
    "election",
    "city",
    "council",
]

word = st.sampled_from(WORDS)


@st.composite
def headline(draw: st.DrawFn) -> str:
    ws = draw(st.lists(word, min_size=3, max_size=12))
    return " ".join(w.capitalize() for w in ws)


@st.composite
def paragraph(draw: st.DrawFn) -> str:
    sentences = []
    for _ in range(draw(st.integers(1, 4))):
        ws = draw(st.lists(word, min_size=8, max_size=30))
        sentences.append(" ".join(ws).capitalize() + draw(st.sampled_from([".", "!", "?", "…"])))
    return " ".join(sentences)


@st.composite
def chrome_line(draw: st.DrawFn) -> str:
    phrase = draw(st.sampled_from(chrome_lines()))
    shape = draw(st.sampled_from(CHROME_DECORATIONS))
    phrase = draw(st.sampled_from([str, str.title, str.upper, str.capitalize]))(phrase)
    return shape.format(phrase)


@st.composite
def token_line(draw: st.DrawFn) -> str:
    token = draw(st.sampled_from(TEMPLATE_TOKENS))
    if draw(st.booleans()):
        return token
    return f"{draw(paragraph())[:60]} {token} {draw(word)}."


@st.composite
def news_text(draw: st.DrawFn) -> str:
    """A headline, paragraphs, chrome lines and template tokens, with hostile characters mixed in."""
    lines: list[str] = []
    if draw(st.booleans()):
        lines.append(draw(headline()))
    for _ in range(draw(st.integers(0, 8))):
        kind = draw(st.sampled_from(["para", "para", "chrome", "chrome", "token", "dup", "blank"]))
        if kind == "para":
            lines.append(draw(paragraph()))
        elif kind == "chrome":
            lines.append(draw(chrome_line()))
        elif kind == "token":
            lines.append(draw(token_line()))
        elif kind == "dup" and lines:
            lines.append(draw(st.sampled_from(lines)))
        else:
            lines.append("")
    sep = draw(st.sampled_from(["\n", "\n\n", "\r\n", "\r\n\r\n", "\n \n", "\u2029"]))
    text = sep.join(lines)
    # sprinkle hostile pieces at random positions
    for _ in range(draw(st.integers(0, 4))):
        if not text:
            break
        at = draw(st.integers(0, len(text)))
        text = text[:at] + draw(hostile_piece) + text[at:]
    return text


#: the text strategy the properties run over: hostile, news-like, or plain
any_text = st.one_of(hostile_text, news_text(), st.text(any_char, max_size=200))

#: optional metadata that a record may carry
record_meta = st.fixed_dictionaries(
    {},
    optional={
        "title": st.one_of(st.none(), headline(), st.text(any_char, max_size=20)),
        "id": st.one_of(st.none(), st.text(max_size=10), st.integers(0, 10**6)),
        "url": st.one_of(st.none(), st.just("https://example.org/a")),
        "lang": st.one_of(st.none(), st.sampled_from(["en", "de"])),
    },
)
