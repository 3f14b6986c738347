"""Line tests that several filters share: does a line read as a headline, as running prose?

One place for what the headline filter, the block classifier, the context filter and the
navigation-title rule of the boilerplate filter all ask of a line, so they ask it the same way.
"""

from __future__ import annotations

import unicodedata

from rapidfuzz import fuzz, utils

from newsclean._patterns import DEFAULT_TIMEOUT, compile_pattern, words

SENTENCE_END_RE = compile_pattern(r"[.!?…。！？][\"'”’»)\]]*$")
TITLE_BAD_END_RE = compile_pattern(r"[.,;:…]$")


def is_symbol_line(text: str) -> bool:
    """No letter, digit or mark: "*", "»", "+", "‑‑‑‑"."""
    return not any(c.isalnum() or unicodedata.category(c)[0] == "M" for c in text)


def looks_like_headline(
    text: str,
    *,
    max_words: int = 30,
    n_words: int | None = None,
    timeout: float | None = DEFAULT_TIMEOUT,
) -> bool:
    """Short, starts with a capital or digit, no sentence-final stop. ``n_words``: the number of
    words of ``text``, when the caller knows it."""
    if len(text) > 300:  # settled before the words are counted
        return False
    n = len(words(text, timeout=timeout)) if n_words is None else n_words
    if not 3 <= n <= max_words:
        return False
    first = text.lstrip("\"'“‘„‚«»‹›¿¡([")[:1]
    if not (first.isupper() or first.isdigit()):
        return False
    return not TITLE_BAD_END_RE.search(text.rstrip("\"'”’»)]"), timeout=timeout)


def looks_like_prose(text: str, *, timeout: float | None = DEFAULT_TIMEOUT) -> bool:
    """A paragraph of running text: several words ending a sentence, or many words."""
    n = len(words(text, timeout=timeout))
    return n >= 25 or (n >= 8 and bool(SENTENCE_END_RE.search(text, timeout=timeout)))


def same_headline(a: str, b: str) -> bool:
    """Two headlines that differ at most by case, punctuation and a typo or two."""
    return fuzz.ratio(a, b, processor=utils.default_process) >= 90
