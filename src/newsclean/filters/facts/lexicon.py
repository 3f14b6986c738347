"""The words the fact checks read around a mention, per language (``data/lang/<xx>/facts.txt``,
read through :mod:`newsclean.lang`, so a pack on ``NEWSCLEAN_LANG_PATH`` adds to them).

Each file holds ``[section]`` headers and one word or phrase a line (``phrase<TAB>code`` in
``[nationality]``). Phrases are compared as folded word sequences (no case, no accents, elided
articles and apostrophes split off: "s'il" is "s il"), so one tokeniser serves the text and the
data.

The other sections hold the words of the fact checks' patterns, read as written (:func:`words`):
the modifiers of a title and what they say of it (``form<TAB>meaning``, :data:`MEANINGS`), the
prepositions before a place, the words of a date, a dateline's labels, the honorifics and endings
of names.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

from newsclean.errors import PatternDataError
from newsclean.filters.facts.kb import fold
from newsclean.lang import languages_with, sections

#: the pack file these words live in (``data/lang/<xx>/facts.txt``)
FILE = "facts.txt"

SECTIONS = (
    "future_before",
    "conditional",
    "conditional_start",
    "future_after",
    "retrospective_before",
    "retrospective_after",
    "nationality",
    "articles",
    "places",
    "places_genitive",
    # the words of the mention patterns (see :mod:`newsclean.filters.facts.mentions`)
    "title_articles",
    "modifiers",
    "modifier_prefixes",
    "modifier_bare",
    "modifier_after",
    "place_prepositions",
    "place_elided",
    # the words of the date patterns (see :mod:`newsclean.filters.facts.dates`)
    "weekday_articles",
    "day_of",
    "year_of",
    "ordinals",
    "dateline_labels",
    "time_words",
    # names (see :mod:`newsclean.filters.facts.kb` and :mod:`newsclean.filters.facts.names`)
    "honorifics",
    "name_suffixes",
    "inflections",
)
#: what a modifier says of the title it stands by (the tag of a ``[modifier*]`` entry)
MEANINGS = ("former", "current", "elect", "acting", "late", "then")
#: a word: letters and digits with inner hyphens; apostrophes separate words. Linear: no
#: nested repeats over overlapping classes.
TOKEN_RE = re.compile(r"\w+(?:-\w+)*")

Phrase = tuple[str, ...]


def tokens(text: str) -> list[str]:
    """Folded words as the phrases are compared.

    >>> tokens("à l'époque, the would-be")
    ['a', 'l', 'epoque', 'the', 'would-be']
    """
    return TOKEN_RE.findall(fold(text))


def languages() -> tuple[str, ...]:
    """The languages whose pack has a ``facts.txt``."""
    return languages_with(FILE)


@functools.cache
def _read(lang: str) -> dict[str, tuple[tuple[str, str | None], ...]]:
    return {
        s: tuple((e.text, e.tag or None) for e in found)
        for s, found in sections(lang, FILE, SECTIONS).items()
    }


def phrases(lang: str, section: str) -> tuple[Phrase, ...]:
    """The tokenised phrases of one section of one language (empty when it has none)."""
    if lang not in languages():
        return ()
    return tuple(t for p, _ in _read(lang)[section] if (t := tuple(tokens(p))))


def words(section: str, langs: tuple[str, ...] | None = None) -> tuple[str, ...]:
    """The entries of one section as written, over ``langs`` (every language when None),
    distinct, in pack order.

    >>> "former" in words("modifiers", ("en",))
    True
    """
    chosen = languages() if langs is None else [lang for lang in langs if lang in languages()]
    return tuple(dict.fromkeys(w for lang in chosen for w, _ in _read(lang)[section]))


def listed(section: str, langs: tuple[str, ...] | None = None) -> list[str]:
    """:func:`words` as a named list of a pattern (``\\L<name>``), sorted; never empty, as an
    empty list would match the empty string."""
    return sorted(words(section, langs)) or ["\x00"]


def spaced(found: Iterable[str]) -> str:
    """Words or phrases as one alternation for a pattern, escaped, longest first, a space standing
    for any run of spaces or tabs; one that never matches when there are none.

    >>> print(spaced(["de", "de la"]))
    de[ \\t]+la|de
    """
    ordered = sorted(set(found), key=lambda w: (-len(w), w))
    return "|".join(r"[ \t]+".join(map(re.escape, w.split())) for w in ordered) or "(?!)"


@functools.cache
def meanings(section: str) -> dict[str, str]:
    """Folded form -> meaning (one of :data:`MEANINGS`), of the entries of a modifier section
    that have one, over every language; a form without one is read as part of the mention, which
    then says nothing of the title.

    >>> meanings("modifiers")["fruhere"], meanings("modifier_prefixes")["ex"]
    ('former', 'former')
    """
    out: dict[str, str] = {}
    for lang in languages():
        for entry in sections(lang, FILE, SECTIONS)[section]:
            if entry.tag and entry.tag not in MEANINGS:
                msg = f"{entry.where}: unknown meaning {entry.tag!r}; known: {', '.join(MEANINGS)}"
                raise PatternDataError(msg)
            if entry.tag:
                out.setdefault(fold(entry.text).strip("-"), entry.tag)
    return out


@functools.cache
def nationality_adjectives() -> dict[str, frozenset[str]]:
    """Adjective as written (lower case) -> place codes, over every language."""
    out: dict[str, set[str]] = {}
    for lang in languages():
        for word, code in _read(lang)["nationality"]:
            if code:
                out.setdefault(word, set()).add(code)
    return {w: frozenset(c) for w, c in out.items()}


@functools.cache
def native_places(section: str = "places") -> dict[str, frozenset[str]]:
    """Place names of the catalogue languages as written -> place codes, over every language:
    ``places`` (after a preposition, or before the title) or ``places_genitive`` (right after the
    title, without one)."""
    out: dict[str, set[str]] = {}
    for lang in languages():
        for word, code in _read(lang)[section]:
            if code:
                out.setdefault(word, set()).add(code)
    return {w: frozenset(c) for w, c in out.items()}


#: how far around a mention its clause is looked for
BEFORE_CHARS = 160
AFTER_CHARS = 120
#: where a clause ends: sentence marks followed by a space, and line breaks
CLAUSE_MARKS = (". ", "! ", "? ", "; ", ": ", "\n")
#: words after a mention within which a [future_after] or [retrospective_after] phrase must start
AFTER_WORDS = 6


def _contains(words: list[str], phrase: Phrase, *, within: int | None = None) -> bool:
    n = len(phrase)
    last = len(words) - n if within is None else min(len(words) - n, within - 1)
    return any(tuple(words[i : i + n]) == phrase for i in range(last + 1))


def _ends_with(words: list[str], phrase: Phrase) -> bool:
    return len(words) >= len(phrase) and tuple(words[-len(phrase) :]) == phrase


def reading(
    text: str,
    start: int,
    end: int,
    langs: tuple[str, ...],
    *,
    retrospective: tuple[str, ...] | None = None,
) -> str | None:
    """How the words around a mention ``text[start:end]`` make it read.

    ``retrospective``: the languages whose "then" words are read (default ``langs``).

    ``"hypothetical"``: a would-be, future, conditional or candidate holder, not a present claim;
    ``"then"``: the title held at the time told of; ``None``: a plain present claim.

    >>> reading("If Labour wins, Prime Minister Keir Starmer would act.", 16, 43, ("en",))
    'hypothetical'
    >>> reading("der damalige Kanzler Olaf Scholz sagte", 13, 32, ("de",))
    'then'
    """
    before = text[max(0, start - BEFORE_CHARS) : start]
    cut = max(before.rfind(mark) for mark in CLAUSE_MARKS)
    if cut >= 0:
        before = before[cut + 1 :]
    after = text[end : end + AFTER_CHARS]
    stops = [i for i in (after.find(mark) for mark in CLAUSE_MARKS) if i >= 0]
    if stops:
        after = after[: min(stops)]
    # the words right before the mention: nothing but spaces or a hyphen between them and it
    close = before
    for mark in (",", "(", "\u201c", '"', "«", "—", "–"):
        close = close.rsplit(mark, 1)[-1]
    clause_words, close_words, after_words = tokens(before), tokens(close), tokens(after)
    # "sous le président", "unter dem Kanzler": the phrase may stand before an article
    articles = {p[0] for lang in langs for p in phrases(lang, "articles")}
    bare = list(close_words)
    while bare and bare[-1] in articles:
        bare.pop()
    closes = (close_words, bare) if len(bare) < len(close_words) else (close_words,)
    for lang in langs:
        if any(_ends_with(w, p) for w in closes for p in phrases(lang, "future_before")):
            return "hypothetical"
        if any(_contains(clause_words, p) for p in phrases(lang, "conditional")):
            return "hypothetical"
        if any(_contains(clause_words, p, within=1) for p in phrases(lang, "conditional_start")):
            return "hypothetical"
        if any(
            _contains(after_words, p, within=AFTER_WORDS) for p in phrases(lang, "future_after")
        ):
            return "hypothetical"
    for lang in retrospective or langs:
        if any(
            _ends_with(w, p) for w in closes for p in phrases(lang, "retrospective_before")
        ) or any(
            _contains(after_words, p, within=AFTER_WORDS)
            for p in phrases(lang, "retrospective_after")
        ):
            return "then"
    return None
