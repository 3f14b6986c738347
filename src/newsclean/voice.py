"""Per-language words of the structural leftover rules: ``data/lang/<xx>/voice.txt``.

Each file has sections (``[first_person]``, ``[reader]``, ``[text_nouns]``, ...); an entry is
one word or a sequence of words, matched against a line's words (:func:`tokens`). An entry with
a capital letter matches only in that letter case (German "Sie", the formal you, is not "sie",
she); the others ignore case. A word ending in ``*`` is a stem: it matches every word that
begins with it and is at least as long ("überarbeit*" is "überarbeitete", "überarbeiteten"),
for languages whose words inflect. A word beginning with ``*`` is an ending: it matches a word
that ends with it after at least four more letters ("*text" is "Nachrichtentext", not "Kontext"),
for the compounds of German and Dutch. ``find(..., gap=1)`` lets one word stand between the
words of an entry ("sag mir gern Bescheid" is "sag mir bescheid").

>>> table = voice_table(("en",))
>>> [t.text for t in tokens("Let me know if you'd like changes.")][:3]
['let', 'me', 'know']
>>> [(m.section, m.entry) for m in table.find("offer", tokens("Let me know, please."))]
[('offer', 'let me know')]
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from typing import NamedTuple

from newsclean._patterns import DEFAULT_TIMEOUT, compile_pattern, finditer, is_plain
from newsclean.lang import lang_path, languages_with
from newsclean.lang import section as pack_section
from newsclean.lang import sections as pack_sections

#: the sections a voice file may have
SECTIONS = frozenset(
    {
        "first_person",
        "first_person_suffixes",
        "reader",
        "offer",
        "conditional",
        "text_nouns",
        "edit_words",
        "presenters",
        "presenters_tail",
        "note_joiners",
        "code_words",
        "string_nouns",
        "clock_words",
        "naming_words",
        "approx_words",
        "demonstratives",
        "of_words",
        "note_labels",
        "note_words",
        "as_words",
        "articles",
        "ai_core",
        "ai_words",
        "ai_bridge",
        "copula_first",
        "negation",
        "capability_strong",
        "capability_weak",
        "apology",
        "attribution",
        "field_labels_strong",
        "field_labels",
        "slot_nouns",
        "instruction_verbs",
        "count_nouns",
        "number_words",
        "range_words",
        "ordinal_heads",
        "interjections",
        "name_cues",
        "redaction",
        "editorial_heads",
        "value_prepositions",
        "null_words",
        "byline_words",
        "error_nouns",
        "value_nouns",
        "value_labels",
        "published_words",
        "published_joiners",
        "byline_prepositions",
        "date_prepositions",
        "place_prepositions",
        "unit_words",
        "page_counts",
        "before_date",
        "empty_labels",
        "title_lower",
        "contractions",
        "length_units",
        "agent_heads",
        "machine_words",
        "not_words",
        "knowledge_nouns",
        "limit_words",
        "current_words",
        "offer_ask",
        "ask_nouns",
        "choice_verbs",
        "omit_verbs",
        "story_parts",
        "magnitudes",
        "make_verbs",
        "pending_marks",
        "desk_verbs",
        "here_words",
        "desk_slugs",
        "missing_translation",
        "number_slots",
        "age_words",
    }
)

#: a word: letters or digits with inner apostrophes, dots and hyphens, and a final apostrophe
#: (French "j'", Italian "dell'"); the separators are not word characters, so no backtracking
_TOKEN_RE = compile_pattern(r"\w++(?:['’.\-]\w++)*+['’]?")
_MAX_ELIDED = 5
#: how many words' candidate entries a table keeps (see VoiceTable._starting)
_CACHE_WORDS = 200_000


class Token(NamedTuple):
    """A word (a named tuple: a line makes dozens, and a frozen dataclass is slow to build)."""

    text: str  # ``raw`` lower-cased
    raw: str  # as written, apostrophes as "'"
    start: int
    end: int


def tokens(text: str, *, timeout: float | None = DEFAULT_TIMEOUT) -> list[Token]:
    """The words of ``text`` with their offsets, elided words split off.

    The words come from one ``findall`` and their offsets from ``str.find`` after the end of
    the word before: a word begins with a word character and the gap before it holds none, so
    its first occurrence there is where the pattern matched it. :func:`tokens_plain` takes the
    offsets from the match objects; both give the same words."""
    if is_plain():
        return tokens_plain(text, timeout=timeout)
    out: list[Token] = []
    append = out.append
    pos = 0
    find = text.find
    for found in _TOKEN_RE.findall(text, timeout=timeout):
        start = find(found, pos)
        pos = start + len(found)
        if "'" in found or "’" in found:
            _add(out, found.replace("’", "'"), start, pos)
        else:
            append(Token(found.lower(), found, start, pos))
    return out


def tokens_plain(text: str, *, timeout: float | None = DEFAULT_TIMEOUT) -> list[Token]:
    """:func:`tokens` with each word's offsets from its match."""
    out: list[Token] = []
    for m in finditer(_TOKEN_RE, text, timeout=timeout):
        _add(out, m.group().replace("’", "'"), m.start(), m.end())
    return out


def _add(out: list[Token], raw: str, start: int, end: int) -> None:
    """Append the word ``raw`` at ``start:end``, an elided article or pronoun split off."""
    cut = raw.find("'")
    if 0 < cut < len(raw) - 1 and cut <= _MAX_ELIDED:
        tail = raw[cut + 1 :]
        if tail.lower() not in _contractions() and "'" not in tail:
            out.append(Token(raw[: cut + 1].lower(), raw[: cut + 1], start, start + cut + 1))
            out.append(Token(tail.lower(), tail, start + cut + 1, end))
            return
    out.append(Token(raw.lower(), raw, start, end))


@dataclass(frozen=True, slots=True)
class Found:
    section: str
    entry: str
    lang: str
    first: int  # index of the first token
    last: int  # index of the last token, inclusive


#: key -> (section, (entry words, exact case, lang)), for all sections at once
_ByKey = dict[str, list[tuple[str, tuple[tuple[str, ...], bool, str]]]]

#: a stem is indexed by this many first letters, and is at least this long; an ending is
#: indexed by this many last letters, is at least this long, and needs as many letters before it
_STEM_KEY = 4


def _same(word: str, entry: str) -> bool:
    """Whether a word is an entry's word: equal, beginning with a stem ("stem*"), or ending
    with an ending after at least ``_STEM_KEY`` letters ("*text")."""
    if entry.endswith("*"):
        return word.startswith(entry[:-1])
    if entry.startswith("*") and len(entry) > 1:
        return word.endswith(entry[1:]) and len(word) >= len(entry) - 1 + _STEM_KEY
    return word == entry


@dataclass(frozen=True)
class VoiceTable:  # no slots: the word cache is a cached property
    """The entries of the chosen languages, by section and by first word."""

    languages: tuple[str, ...]
    # section -> first word -> (entry words, exact case, lang)
    index: Mapping[str, Mapping[str, tuple[tuple[tuple[str, ...], bool, str], ...]]]
    suffixes: tuple[tuple[str, str], ...]  # first-person verb endings, with their language
    # section -> the first letters of a stem -> (entry words, exact case, lang), for entries
    # whose first word is a stem
    stems: Mapping[str, Mapping[str, tuple[tuple[tuple[str, ...], bool, str], ...]]] = (
        dataclasses.field(default_factory=dict)
    )
    # section -> the last letters of an ending -> (entry words, exact case, lang), for entries
    # whose first word is an ending ("*text")
    endings: Mapping[str, Mapping[str, tuple[tuple[tuple[str, ...], bool, str], ...]]] = (
        dataclasses.field(default_factory=dict)
    )

    def find(
        self, section: str, words: list[Token], lo: int = 0, hi: int | None = None, gap: int = 0
    ) -> list[Found]:
        """Every occurrence of an entry of ``section`` among ``words[lo:hi]``; with ``gap``,
        up to that many other words may stand between two words of an entry.

        Each word's candidate entries of every section are looked up once and kept by the word
        (:meth:`_starting`); :meth:`find_plain` looks them up on every call, in the same order."""
        if is_plain():
            return self.find_plain(section, words, lo, hi, gap)
        positions = self._positions(words).get(section)
        if positions is None:
            return []
        hi = len(words) if hi is None else min(hi, len(words))
        found: list[Found] = []
        starting = self._starting
        for i in positions:
            if i < lo:
                continue
            if i >= hi:
                break
            for entry, exact, lang in starting(words[i].raw)[section]:
                last = _match_from(words, i, hi, entry, exact, gap)
                if last >= 0:
                    found.append(Found(section, " ".join(entry), lang, i, last))
        return found

    def may_hold(
        self, text: str, sections: frozenset[str], *, timeout: float | None = DEFAULT_TIMEOUT
    ) -> bool:
        """Whether an entry of one of ``sections`` may be among the words of ``text``: a word it
        needs, or its stem or ending, is there, whatever the letter case (a necessary condition
        for :meth:`find`, checked without building the words: one pattern pass, set lookups)."""
        first, stem, end = self._keys(sections)
        words = set(_TOKEN_RE.findall(text.replace("’", "'"), timeout=timeout))
        for word in list(words):
            if "'" in word:  # "l'article" is "l'" and "article" too
                cut = word.find("'")
                words.update((word[: cut + 1], word[cut + 1 :]))
        for word in words:
            low = word.lower()
            if low in first or low[:_STEM_KEY] in stem or low[-_STEM_KEY:] in end:
                return True
        return False

    def _keys(self, sections: frozenset[str]) -> tuple[frozenset[str], ...]:
        """For :meth:`may_hold`, lower-cased: one word each entry of ``sections`` needs (its
        longest whole word, which is rarer than its first: "the following" needs "following"),
        and the stem and ending keys of entries that begin with a stem or an ending."""
        got = self._keys_of.get(sections)
        if got is None:
            words = {
                max((w for w in entry if "*" not in w), key=len, default=entry[0]).lower()
                for section in sections
                for candidates in self.index.get(section, {}).values()
                for entry, _exact, _lang in candidates
            }
            stems = {k.lower() for section in sections for k in self.stems.get(section, {})}
            ends = {k.lower() for section in sections for k in self.endings.get(section, {})}
            got = (frozenset(words), frozenset(stems), frozenset(ends))
            self._keys_of[sections] = got
        return got

    @functools.cached_property
    def _keys_of(self) -> dict[frozenset[str], tuple[frozenset[str], ...]]:
        return {}

    def starts(self, words: list[Token]) -> Collection[str]:
        """The sections with an entry whose first word (or stem, or ending) is one of ``words``:
        a section not among them has no entry there."""
        if is_plain():
            return self.sections
        return self._positions(words).keys()

    @functools.cached_property
    def sections(self) -> frozenset[str]:
        """Every section with an entry."""
        return frozenset(self.index) | frozenset(self.stems) | frozenset(self.endings)

    def _positions(self, words: list[Token]) -> Mapping[str, list[int]]:
        """Section -> the indices of the words of ``words`` where an entry of it may start.
        The rules ask about one sentence's words many times in a row, so the last list asked
        about is remembered (by identity and length; the lists are not changed once made)."""
        last_words, last_len, last_out = self._last[0]
        if last_words is words and last_len == len(words):
            return last_out
        out: dict[str, list[int]] = {}
        starting, seen = self._starting, self._cache
        for i, tok in enumerate(words):
            # the words seen are read from the cache here: one call fewer for nearly each word
            got = seen.get(tok.raw)
            for section in starting(tok.raw) if got is None else got:
                out.setdefault(section, []).append(i)
        self._last[0] = (words, len(words), out)  # one item replaced whole: safe across threads
        return out

    def _starting(self, raw: str) -> Mapping[str, tuple[tuple[tuple[str, ...], bool, str], ...]]:
        """The entries of every section that may start at a word written ``raw``, in the order
        :meth:`find_plain` tries them; kept for the words seen (bounded)."""
        cache = self._cache
        got = cache.get(raw)
        if got is not None:
            return got
        text = raw.lower()
        first, stem, end = self._by_word
        found: dict[str, list[tuple[tuple[str, ...], bool, str]]] = {}
        for by, key, exact in (
            (first, text, False),
            (first, raw, True),
            (stem, text[:_STEM_KEY], False),
            (stem, raw[:_STEM_KEY], True),
            (end, text[-_STEM_KEY:], False),
            (end, raw[-_STEM_KEY:], True),
        ):
            for section, candidate in by.get(key, ()):
                if candidate[1] == exact:
                    found.setdefault(section, []).append(candidate)
        out = {section: tuple(candidates) for section, candidates in found.items()}
        if len(cache) >= _CACHE_WORDS:
            cache.clear()  # a bound on memory; the words of ordinary text come back soon
        cache[raw] = out
        return out

    @functools.cached_property
    def _by_word(self) -> tuple[_ByKey, _ByKey, _ByKey]:
        """The first words, stems and endings of every section together: key -> (section,
        candidate), each section's candidates in their order in that section."""
        out: tuple[_ByKey, _ByKey, _ByKey] = ({}, {}, {})
        for by, table in zip(out, (self.index, self.stems, self.endings), strict=True):
            for section, keyed in table.items():
                for key, candidates in keyed.items():
                    by.setdefault(key, []).extend((section, c) for c in candidates)
        return out

    @functools.cached_property
    def _last(self) -> list[tuple[list[Token] | None, int, Mapping[str, list[int]]]]:
        return [(None, -1, {})]

    @functools.cached_property
    def _cache(self) -> dict[str, Mapping[str, tuple[tuple[tuple[str, ...], bool, str], ...]]]:
        return {}

    def find_plain(
        self, section: str, words: list[Token], lo: int = 0, hi: int | None = None, gap: int = 0
    ) -> list[Found]:
        """:meth:`find` without the per-word cache: every word's candidates looked up anew."""
        by_first = self.index.get(section, {})
        by_stem = self.stems.get(section, {})
        by_end = self.endings.get(section, {})
        hi = len(words) if hi is None else min(hi, len(words))
        found: list[Found] = []
        if not by_first and not by_stem and not by_end:
            return found
        for i in range(lo, hi):
            tok = words[i]
            candidates = [c for c in by_first.get(tok.text, ()) if not c[1]]
            candidates += [c for c in by_first.get(tok.raw, ()) if c[1]]
            if by_stem:
                candidates += [c for c in by_stem.get(tok.text[:_STEM_KEY], ()) if not c[1]]
                candidates += [c for c in by_stem.get(tok.raw[:_STEM_KEY], ()) if c[1]]
            if by_end:
                candidates += [c for c in by_end.get(tok.text[-_STEM_KEY:], ()) if not c[1]]
                candidates += [c for c in by_end.get(tok.raw[-_STEM_KEY:], ()) if c[1]]
            for entry, exact, lang in candidates:
                last = _match_from(words, i, hi, entry, exact, gap)
                if last >= 0:
                    found.append(Found(section, " ".join(entry), lang, i, last))
        return found

    def has(self, section: str, words: list[Token], lo: int = 0, hi: int | None = None) -> bool:
        return bool(self.find(section, words, lo, hi))

    def first_person_verb(self, tok: Token) -> str:
        """The language whose first-person verb ending ``tok`` has, or ""."""
        for suffix, lang in self.suffixes:
            if len(tok.text) > len(suffix) + 2 and tok.text.endswith(suffix):
                return lang
        return ""


def _match_from(
    words: list[Token], i: int, hi: int, entry: tuple[str, ...], exact: bool, gap: int
) -> int:
    """The index of the last word of ``entry`` matched from ``words[i]`` (up to ``gap`` other
    words between two of its words, the nearest taken, with nothing but a space between any
    two: a gap does not cross punctuation), or -1."""
    pos = i
    for k, part in enumerate(entry):
        limit = pos + 1 if k == 0 else min(hi, pos + 1 + gap)
        for j in range(pos, limit):
            if j < hi and _same(words[j].raw if exact else words[j].text, part):
                pos = j + 1
                break
        else:
            return -1
    last = pos - 1
    if last - i + 1 > len(entry) and any(
        words[j].start - words[j - 1].end > 1 for j in range(i + 1, last + 1)
    ):
        return -1
    return last


@functools.cache
def _contractions() -> frozenset[str]:
    """The ends of contractions (``[contractions]``: "ve" of "I've", "t" of "don't"): they stay one
    word with what comes before the apostrophe; other apostrophes split an elided article or
    pronoun from its word ("l'article" -> "l'", "article")."""
    return frozenset(
        e.text.lower()
        for lang in voice_languages()
        for e in pack_section(lang, "voice.txt", "contractions")
    )


def voice_languages() -> tuple[str, ...]:
    """The languages whose pack has a voice file, sorted."""
    return languages_with("voice.txt")


def voice_entries(lang: str) -> Mapping[str, tuple[tuple[str, int], ...]]:
    """One language's entries: section -> (entry, line number); sections it lacks are empty."""
    return {
        s: tuple((e.text, e.line) for e in found)
        for s, found in pack_sections(lang, "voice.txt", sorted(SECTIONS)).items()
    }


def voice_table(languages: tuple[str, ...]) -> VoiceTable:
    """The entries of ``languages`` indexed for :meth:`VoiceTable.find`, one per process for the
    same languages; built anew when ``NEWSCLEAN_LANG_PATH`` names other packs."""
    return _voice_table(lang_path(), languages)


@functools.lru_cache(maxsize=16)
def _voice_table(extra: tuple[str, ...], languages: tuple[str, ...]) -> VoiceTable:
    del extra  # a key of the cache: the packs read are those it names
    index: dict[str, dict[str, list[tuple[tuple[str, ...], bool, str]]]] = {}
    stems: dict[str, dict[str, list[tuple[tuple[str, ...], bool, str]]]] = {}
    endings: dict[str, dict[str, list[tuple[tuple[str, ...], bool, str]]]] = {}
    suffixes: list[tuple[str, str]] = []
    for lang in languages:
        for section, entries in voice_entries(lang).items():
            for entry, _lineno in entries:
                if section == "first_person_suffixes":
                    suffixes.append((entry.lower(), lang))
                    continue
                exact = entry != entry.lower()
                words = _entry_words(entry, exact)
                if not words:
                    continue  # punctuation only ("%"): not a word
                if words[0].endswith("*"):
                    key = words[0][:_STEM_KEY]
                    stems.setdefault(section, {}).setdefault(key, []).append((words, exact, lang))
                    continue
                if words[0].startswith("*"):
                    key = words[0][-_STEM_KEY:]
                    endings.setdefault(section, {}).setdefault(key, []).append((words, exact, lang))
                    continue
                index.setdefault(section, {}).setdefault(words[0], []).append((words, exact, lang))
    return VoiceTable(
        tuple(languages),
        {s: {k: tuple(v) for k, v in by.items()} for s, by in index.items()},
        tuple(suffixes),
        {s: {k: tuple(v) for k, v in by.items()} for s, by in stems.items()},
        {s: {k: tuple(v) for k, v in by.items()} for s, by in endings.items()},
    )


def _entry_words(entry: str, exact: bool) -> tuple[str, ...]:
    """An entry's words as :func:`tokens` reads them; a word ending in "*" keeps its star, and
    so does a first word beginning with one (a stem or an ending shorter than ``_STEM_KEY``
    letters is an error in the data)."""
    out: list[str] = []
    for n, word in enumerate(entry.split()):
        if n == 0 and word.startswith("*") and len(word) > 1 and " " not in entry:
            found = tokens(word[1:], timeout=None)
            if len(found) != 1 or len(found[0].text) < _STEM_KEY:
                msg = f"ending {word!r} is not one word of {_STEM_KEY} letters or more"
                raise ValueError(msg)
            return ("*" + (found[0].raw if exact else found[0].text),)
        star = word.endswith("*") and len(word) > 1
        found = tokens(word.rstrip("*") if star else word, timeout=None)
        texts = [t.raw if exact else t.text for t in found]
        if star and texts:
            if len(texts[-1]) < _STEM_KEY:
                msg = f"stem {word!r} is shorter than {_STEM_KEY} letters"
                raise ValueError(msg)
            texts[-1] += "*"
        out += texts
    return tuple(out)


def words_of(section: str, languages: Iterable[str]) -> frozenset[str]:
    """The one-word entries of ``section`` in ``languages``, lower-cased."""
    out: set[str] = set()
    for lang in languages:
        for entry, _ in voice_entries(lang).get(section, ()):
            if " " not in entry:
                out.add(entry.lower())
    return frozenset(out)


def voice_pattern(section: str, languages: Iterable[str] | None = None) -> str:
    """The entries of ``section`` in ``languages`` (by default every language with a voice file)
    as the alternatives of a pattern: escaped, longest first, as written (a space is a space);
    one that never matches when there are none.

    >>> voice_pattern("byline_prepositions", ("en", "de"))
    'von|by'
    """
    chosen = voice_languages() if languages is None else tuple(languages)
    found = {entry for lang in chosen for entry, _ in voice_entries(lang)[section]}
    return "|".join(re.escape(w) for w in sorted(found, key=lambda w: (-len(w), w))) or "(?!)"
