"""Headline against body: a headline whose key terms the body lacks, and leaked foreign titles.

Key terms of a headline are its names (capitalised words past the first), numbers, and longer
content words. A term counts as present when the body has a word with the same first five letters
(plurals, cases and compounds). A trailing title-like line is a leak when a navigation label
introduces it, or when it is in title case, and its terms hardly occur in the rest of the body.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from newsclean._patterns import Pattern, alternation, compile_pattern, finditer, search
from newsclean.lang import all_entries, entries

TOKEN_RE = compile_pattern(r"[\p{L}\p{N}]+(?:['’\-][\p{L}\p{N}]+)*")


def _nav_pattern() -> Pattern:
    """A line that is only a navigation label of a pack (``navigation.txt``), maybe followed by
    one of its nouns ("Next article")."""
    labels = {e.text.casefold() for e in all_entries("navigation.txt") if not e.tag}
    nouns = {e.text.casefold() for e in all_entries("navigation.txt") if e.tag == "noun"}
    never = "(?!)"
    return compile_pattern(
        r"^\W*(?i:" + (alternation(sorted(labels)) or never) + ")"
        r"(?:\s+(?i:" + (alternation(sorted(nouns)) or never) + r"))?\W*$"
    )


def _headline_stopwords() -> frozenset[str]:
    """The words the headline check skips: the stop words a pack marks ``headline``, and the
    pack's ``headline-stopwords.txt``."""
    marked = {e.text.casefold() for e in all_entries("stopwords.txt") if e.tag == "headline"}
    return frozenset(marked | {e.text.casefold() for e in all_entries("headline-stopwords.txt")})


NAV_RE = _nav_pattern()
STOPWORDS = _headline_stopwords()

TITLE_MAX_WORDS = 20


def tokens(text: str, *, timeout: float | None = 1.0) -> list[str]:
    return [m.group() for m in finditer(TOKEN_RE, text, timeout=timeout)]


def key_terms(headline: str, *, timeout: float | None = 1.0) -> list[str]:
    """The headline's names, numbers and longer content words (case-folded), in order, unique.

    Numbers are left out: dates, times and amounts are too often written another way.

    >>> key_terms("NATO to Deepen Ties With Ukraine")
    ['nato', 'deepen', 'ties', 'ukraine']
    """
    out: list[str] = []
    for i, word in enumerate(tokens(headline, timeout=timeout)):
        key = word.casefold()
        if key in STOPWORDS or key in out:
            continue
        if any(c.isdigit() for c in word):
            continue  # dates, times and counts: too often written another way in the body
        capital = word[:1].isupper() and (i > 0 or word.isupper())
        if capital or len(key) >= 5 or (i == 0 and len(key) >= 4):
            out.append(key)
    return out


def _prefixes(words: Iterable[str]) -> set[str]:
    return {w[:5] for w in words}


def coverage(terms: Sequence[str], body_words: set[str]) -> tuple[list[str], list[str]]:
    """The terms present in and absent from the body."""
    prefixes = _prefixes(body_words)
    present: list[str] = []
    absent: list[str] = []
    for t in terms:
        (present if t in body_words or t[:5] in prefixes else absent).append(t)
    return present, absent


#: one word character, and what may join two runs of them inside a word (as in ``TOKEN_RE``)
WORD_CHAR_RE = compile_pattern(r"[\p{L}\p{N}]")
JOINERS = "'’-"
#: occurrences of one term looked at before :func:`coverage_in_text` gives up
MAX_OCCURRENCES = 1000


def _word_start(text: str, i: int, *, timeout: float | None) -> bool:
    """Whether a word of ``TOKEN_RE`` starts at ``i``: the previous character neither is a word
    character nor joins one to ``i``."""
    if i > 0 and WORD_CHAR_RE.match(text, i - 1, timeout=timeout):
        return False
    return not (
        i > 1 and text[i - 1] in JOINERS and WORD_CHAR_RE.match(text, i - 2, timeout=timeout)
    )


def _key_at(text: str, i: int, *, timeout: float | None) -> str | None:
    """The first five letters of the case-folded word starting at ``i`` (None: no word starts
    there). Six characters are enough to tell them: a word is cut only after a letter."""
    if not _word_start(text, i, timeout=timeout):
        return None
    m = TOKEN_RE.match(text, i, i + 6, timeout=timeout)
    return m.group()[:5].casefold()[:5] if m else None


def _positions(text: str, sub: str) -> Iterator[int]:
    i = text.find(sub)
    while i != -1:
        yield i
        i = text.find(sub, i + 1)


def coverage_in_text(
    terms: Sequence[str], text: str, *, timeout: float | None = 1.0
) -> tuple[list[str], list[str]] | None:
    """:func:`coverage` against the words of ``text``, without splitting all of it into words.

    A term is present when a word's case-folded form starts with the term's first five letters
    (or is the term, if shorter). Those letters are looked up in the case-folded text and each
    place is checked where it stands. Returns None when a term occurs too often to check each
    place; then tokenise the text.
    """
    # characters that fold to more than one (ß -> ss) are masked, so that a position in the
    # folded text is a position in the text; words starting near one are checked one by one
    wide = [c for c in set(text) if len(c.casefold()) != 1]
    masked = text
    for c in wide:
        masked = masked.replace(c, "\x00")
    folded = masked.casefold()
    if len(folded) != len(text):
        return None
    near = {s for c in wide for j in _positions(text, c) for s in range(max(0, j - 4), j + 1)}
    if len(near) > MAX_OCCURRENCES:
        return None
    keys: dict[int, str | None] = {}

    def key(i: int) -> str | None:
        if i not in keys:
            keys[i] = _key_at(text, i, timeout=timeout)
        return keys[i]

    present: list[str] = []
    absent: list[str] = []
    # the words starting near a wide character, looked up once for all terms
    near_keys = {key(s) for s in near} if terms else set()
    for t in terms:
        prefix = t[:5]
        found = prefix in near_keys
        for n, i in enumerate(_positions(folded, prefix)):
            if found:
                break
            if n >= MAX_OCCURRENCES:
                return None
            found = key(i) == prefix
        (present if found else absent).append(t)
    return present, absent


@dataclass(frozen=True, slots=True)
class Verdict:
    present: tuple[str, ...]
    absent: tuple[str, ...]

    @property
    def share(self) -> float:
        n = len(self.present) + len(self.absent)
        return len(self.present) / n if n else 1.0


def is_nav_label(text: str, *, timeout: float | None = 1.0) -> bool:
    return len(text) < 60 and search(NAV_RE, text.strip(), timeout=timeout) is not None


#: lowercase function words of English title case ("Aftermath of a Major Fire")
TITLE_CASE_SMALL = frozenset(e.text.casefold() for e in entries("en", "title-case.txt"))


def english_title_case(text: str, *, timeout: float | None = 1.0) -> bool:
    """Six or more words, the longer ones capitalised, with English small words in lowercase.

    >>> english_title_case("Aftermath of a Major Fire in La Cala, Benidorm: Injuries and Recovery")
    True
    >>> english_title_case("Vielen Dank für Ihre Nachricht")
    False
    >>> english_title_case("AFTERMATH OF A MAJOR FIRE IN LA CALA, BENIDORM")
    True
    """
    words = tokens(text, timeout=timeout)
    if len(words) < 6 or "|" in text or "©" in text:
        return False
    if ":" in " ".join(text.split()[:2]):
        return False  # a labelled line ("Theme: ...", "Words: ..."), not a title
    if in_capitals(text):
        # a title in capitals: the small words are there, only not in lowercase
        return any(w.lower() in TITLE_CASE_SMALL for w in words)
    if not any(w in TITLE_CASE_SMALL for w in words):
        return False
    return title_case_share(text, timeout=timeout) >= 0.8


def in_capitals(text: str) -> bool:
    """Whether the letters of a line are (nearly) all capitals.

    >>> in_capitals("NATO CHIEF WARNS OF A LONG WAR IN UKRAINE"), in_capitals("NATO Chief Warns")
    (True, False)
    """
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 10 and sum(c.isupper() for c in letters) >= 0.95 * len(letters)


def title_case_share(text: str, *, timeout: float | None = 1.0) -> float:
    """Share of the longer words (4+ letters, not stopwords) that start with a capital."""
    words = [
        w for w in tokens(text, timeout=timeout) if len(w) >= 4 and w.casefold() not in STOPWORDS
    ]
    if not words:
        return 0.0
    return sum(w[:1].isupper() for w in words) / len(words)
