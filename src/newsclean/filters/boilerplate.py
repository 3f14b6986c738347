"""Strip-stage boilerplate filters: the phrase catalogue, navigation blocks, in-document repeats.

The catalogue lives in ``data/lang/<xx>/boilerplate.txt``, one ``phrase<TAB>category`` a line. It is
compiled once into hash tables, so a line costs a few dictionary lookups however long the
catalogue grows; the only scan over phrases is RapidFuzz's (in C), for short lines that missed
the exact tables. Five kinds of entry (see ``data/lang/en/boilerplate.txt``):

``phrase``
    the whole line, after :func:`line_key` normalization ("› Share this article (12)").
``phrase:``
    a label: "phrase: anything short" ("Read more: <title>", "Photo: Jane Doe").
``phrase ...``
    the line starts with these words and is short ("Sign up for our newsletter and ...").
``... phrase ...``
    the line contains these words and is short ("© 2024 Example News. All rights reserved.").
``~ words``
    a cue ("newsletter"): weak evidence, used only for lines in the chrome clusters at the start
    or end of a text (``strip_edges``).
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import ClassVar, TypeVar

import regex
from rapidfuzz import fuzz, process

from newsclean._patterns import (
    DEFAULT_TIMEOUT,
    Pattern,
    alternation,
    compile_pattern,
    finditer,
    is_plain,
    literal_pattern,
    phrase_lines,
    search,
)
from newsclean._patterns import words as text_words
from newsclean.draft import Block, BlockRemoval, Draft, Proposal, Stage
from newsclean.errors import PatternDataError
from newsclean.filters._shared import looks_like_prose
from newsclean.lang import entries, languages_with, section, tagged
from newsclean.scanner import Need, ask, document_scan

# symbols, digits, counters and punctuation around a chrome phrase: "› Next Article »", "Share (12)";
# the trailing one is matched right to left ((?r)), so a long run of symbols stays linear
EDGE_LEAD_RE = compile_pattern(r"^[^\p{L}\p{M}]+")
EDGE_TRAIL_RE = compile_pattern(r"(?r)[^\p{L}\p{M}]+$")
# the words of a line, for the start-of-line and contained-phrase entries
# separators of a menu or share bar written on one line: "Home | News | Sport", "Facebook · X"
SEGMENT_RE = compile_pattern(r"\s*(?:[|•·/»›>]|\s-\s|\s–\s)\s*")
#: what SEGMENT_RE needs: one of its signs, or a dash with white space on both sides (the
#: pattern's white space and ``re``'s are both ``str.isspace``'s); fixed-length branches
SEGMENT_CUE_RE = re.compile(r"[|•·/»›>]|\s[-–]\s")


def may_split_segments(text: str) -> bool:
    """False when :data:`SEGMENT_RE` finds no separator in ``text``, found in one linear scan."""
    return SEGMENT_CUE_RE.search(text) is not None


DASHES = frozenset("-–—|")
# a breadcrumb trail: "Home › World › Asia", "Accueil > Culture > Patrimoine"
CRUMB_SEPARATORS = ("›", ">", "»", "/")
#: ASCII characters, for the shortcut tables derived from the patterns' own letters
ASCII_CHARS = tuple(map(chr, range(128)))


@dataclass(frozen=True, slots=True)
class BylineRule:
    """The byline pattern and its shortcut, both built from the same words, so they cannot
    disagree: "By Jane Doe", "By Jane Doe, Asia correspondent", "Von Max Muster und Eva Beispiel".

    ``ascii_starts`` are the ASCII characters the pattern takes for the first letter of a start
    word (both cases, asked of ``regex`` itself), ``ascii_heads`` the ASCII pairs it takes for the
    first two characters of a line.
    """

    pattern: Pattern
    ascii_starts: frozenset[str]
    ascii_heads: frozenset[str]

    def may_match(self, text: str) -> bool:
        """False when the first two characters rule out :attr:`pattern`, without running it."""
        head = text.lstrip()[:2]
        if not head[:1].isascii():
            return True
        # a non-ASCII second character may still match ("İ" does "i" in the pattern)
        return head[:1] in self.ascii_starts and (not head.isascii() or head in self.ascii_heads)


def _ascii_matching(char_pattern: str) -> set[str]:
    """The ASCII characters ``char_pattern`` (one character's pattern) matches."""
    compiled = regex.compile(char_pattern)
    return {c for c in ASCII_CHARS if compiled.fullmatch(c) is not None}


def byline_rule(starts: Iterable[str], joiners: Iterable[str]) -> BylineRule:
    """A :class:`BylineRule` for the words a byline starts with and those that join its names."""
    start_words = sorted({w for w in starts if w})
    joiner_words = sorted({w for w in joiners if w})
    never = "(?!)"
    pattern = compile_pattern(
        r"^(?i:" + (alternation(start_words) or never) + r")\s+\p{Lu}[\p{L}'’.-]+"
        r"(?:\s+\p{Lu}[\p{L}'’.-]+){0,3}(?:\s*(?:,|\||\s-\s|\s–\s|\s(?i:"
        + (alternation(joiner_words) or never)
        + r")\s)[^.!?]*)?$"
    )
    space = _ascii_matching(r"\s")
    starts_set: set[str] = set()
    heads: set[str] = set()
    for word in start_words:
        firsts = _ascii_matching("(?i:" + regex.escape(word[0]) + ")")
        # a one-letter word is followed by the white space the pattern needs after it
        seconds = _ascii_matching("(?i:" + regex.escape(word[1]) + ")") if word[1:] else space
        starts_set |= firsts
        heads |= {a + b for a in firsts for b in seconds}
    return BylineRule(pattern, frozenset(starts_set), frozenset(heads))


BYLINE = byline_rule(tagged("bylines.txt", "start"), tagged("bylines.txt", "joiner"))
BYLINE_RE = BYLINE.pattern


def may_be_byline(text: str) -> bool:
    """False when the first two characters rule out :data:`BYLINE_RE`, without running it."""
    return BYLINE.may_match(text)


# a lower-case letter followed by a capital: two words glued together by the text extraction
CAMEL_RE = compile_pattern(r"(?<=\p{Ll})(?=\p{Lu})")
#: the endings of an English ordinal day ("March 3rd"): ``facts.txt``'s ``[ordinals]``
_ORDINALS = "|".join(
    regex.escape(w)
    for w in sorted(
        {e.text for e in section("en", "facts.txt", "ordinals")}, key=lambda w: (-len(w), w)
    )
)
# a date or a time: 12.03.2024, 2024-03-12, 3 March 2024, March 3, 2024, 10:15, 8:05 PM
DATE_RE = compile_pattern(
    r"\b(?:\d{1,2}[./-]\d{1,2}[./-](?:\d{4}|\d{2})|\d{4}-\d{2}-\d{2}"
    r"|\d{1,2}:\d{2}(?:\s?[ap]\.?m\.?)?|\d{1,2}\.?\s\p{L}{3,12}\.?,?\s\d{4}"
    r"|\p{L}{3,12}\.?\s\d{1,2}(?:" + _ORDINALS + r")?,?\s\d{4})\b",
    flags=regex.IGNORECASE,
)
# a match of DATE_RE that is a time of day only: "18:30", "8:05 pm"
TIME_ONLY_RE = compile_pattern(r"^\d{1,2}:\d{2}(?:\s?[ap]\.?m\.?)?$", flags=regex.IGNORECASE)
#: a dateline has at most this many words besides its dates ("24 March 2004, 19:49 | Jane")
DATELINE_OTHER_WORDS = 5
# a label written with a dash or bar instead of a colon: "ANZEIGE - …", "Video | …"
LABEL_DASH_RE = compile_pattern(r"\s(?:-|–|—|\|)\s")
# a download link: "Report (PDF, 1.2 MB)", "Flyer PDF | 38 KB"
FILE_LINK_RE = compile_pattern(
    r"\b(?:pdf|docx?|xlsx?|pptx?|zip|mp3)\b\W{0,4}\d+(?:[.,]\d+)?\s?[kmg]i?b\b",
    flags=regex.IGNORECASE,
)
#: the codes a catalogue line may carry (``phrase<TAB>category``): what the catalogue can decide
CATALOGUE_CODES = (
    "boilerplate.navigation",
    "boilerplate.summary_widget",
    "boilerplate.share",
    "boilerplate.subscribe",
    "boilerplate.cookie",
    "boilerplate.ad",
    "boilerplate.related",
    "boilerplate.comments",
    "boilerplate.credit",
    "boilerplate.author_box",
    "boilerplate.footer",
    "boilerplate.teaser",
)
#: a line of at most this many words with a strong cue ("PC Gamer Newsletter") is a widget heading
CUE_HEADING_WORDS = 4
HEADING_CUE_CODES = frozenset(
    {"boilerplate.subscribe", "boilerplate.share", "boilerplate.comments", "boilerplate.cookie"}
)
#: a line of at most this many words with a © after its start is a caption with its credit
CAPTION_WORDS = 40
#: a caption whose last segment is a credit ("The river in flood. | File photo") is this short
CAPTION_SEGMENT_CHARS = 250
BAR_CODES = frozenset({"boilerplate.share", "boilerplate.navigation"})
# a line that is only a date, maybe with a time: "23.10.2018", "2024-03-12 | 10:15"
DATE_ONLY_RE = compile_pattern(
    r"^\W{0,3}(?:\d{1,2}[./-]\d{1,2}[./-](?:\d{4}|\d{2})|\d{4}-\d{2}-\d{2})"
    r"(?:[\s,|–-]{1,5}\d{1,2}:\d{2}(?::\d{2})?)?\W{0,3}$"
)
# an agency sign-off: "dpa/lno", "aja/PAP", "(AFP)", "FMW/Bloomberg" (parts checked against
# data/credits/agencies.txt)
AGENCY_LINE_RE = compile_pattern(r"^\(?\s?\p{L}{1,12}(?:\s?[/,]\s?\p{L}{1,12}){0,3}\s?\)?\.?$")
#: an agency sign-off has at most this many characters
AGENCY_LINE_CHARS = 60
# a copyright or legal-footer line: "© 2024 Example News", "(c) Example", "Copyright 2024 …"
COPYRIGHT_RE = compile_pattern(r"^\W{0,3}(?:©|\(c\)|copyright\b|℗)", flags=0)

#: longer lines are never catalogue chrome (and are not normalized for the lookup)
MAX_LINE_CHARS = 400
#: entries that match a line's start or an inner run apply to lines of at most this many words
SHORT_LINE_WORDS = 30
#: start entries ("Sign up ...") apply to lines of at most this many words
START_LINE_WORDS = 50
#: contained phrases ("... our newsletter ...") apply to lines of at most this many words
CONTAINS_LINE_WORDS = 50
#: a label's head ("Read more", "ANZEIGE") has at most this many characters
LABEL_HEAD_CHARS = 40
#: a label's text ("Read more: <this>") may have at most this many words
LABEL_REST_WORDS = 30
#: how many words the head of a label, a start entry or a contained phrase may have
MAX_PHRASE_WORDS = 6
#: lines whose key has this many characters are tried against the catalogue with RapidFuzz
FUZZY_MIN_CHARS, FUZZY_MAX_CHARS = 8, 40
#: RapidFuzz ``fuzz.ratio`` cutoff: about one typo in ten characters
FUZZY_CUTOFF = 92.0
#: a key length's fuzzy gate is built at this lookup (see Catalogue.may_be_fuzzy)
FUZZY_GATE_AFTER = 256
#: a word count above every rule's limit, for lines whose words no rule needs
UNCOUNTED_WORDS = MAX_LINE_CHARS + 1
#: how many recent lines' match results a catalogue keeps
MATCH_MEMO_LINES = 8192


DIGIT_RE = compile_pattern(r"[\p{Nt=De}\p{Nt=Di}]")  # what str.isdigit() accepts
ASCII_DIGIT_RE = re.compile("[0-9]")  # one class: a linear scan, faster than a set of chars


def has_digit(text: str, timeout: float | None = DEFAULT_TIMEOUT) -> bool:
    """Whether ``text`` has a digit; ASCII digits and ASCII text are settled without the pattern."""
    if is_plain():
        return search(DIGIT_RE, text, timeout=timeout) is not None
    if ASCII_DIGIT_RE.search(text) is not None:
        return True
    return not text.isascii() and search(DIGIT_RE, text, timeout=timeout) is not None


def has_copyright_sign(text: str, folded: str) -> bool:
    """Whether a line (``folded``: its casefold) holds what :data:`COPYRIGHT_RE` needs, or a ©."""
    return "©" in text or "(c)" in folded or "copyright" in folded or "℗" in text


def line_key(text: str, timeout: float | None = DEFAULT_TIMEOUT) -> str:
    """A line reduced to what identifies it as chrome: case folded, edges stripped.

    >>> line_key("› Share this article (12) »")
    'share this article'
    """
    return folded_key(text.casefold(), timeout)


def folded_key(folded: str, timeout: float | None = DEFAULT_TIMEOUT) -> str:
    """:func:`line_key` of a line given its casefold."""
    start = _lead_end(folded, timeout)
    end = _trail_start(folded, timeout)
    return " ".join(folded[start:end].split()) if start < end else ""


# most lines start and end with a Latin letter or ASCII punctuation: those edges are found without
# a pattern. Latin-1 and Latin Extended-A letters have been letters in every Unicode version.
LATIN_LETTERS = frozenset(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
    + "".join(chr(c) for c in range(0xC0, 0x180) if c not in (0xD7, 0xF7))
)
ASCII_NON_LETTERS = frozenset(map(chr, range(128))) - LATIN_LETTERS
#: edge punctuation scanned by hand; a longer run goes to the pattern
EDGE_SCAN_CHARS = 16


def _lead_end(folded: str, timeout: float | None) -> int:
    """Where the symbols, digits and punctuation before a line's first letter end."""
    start, stop = 0, 0 if is_plain() else min(len(folded), EDGE_SCAN_CHARS)
    while start < stop and folded[start] in ASCII_NON_LETTERS:
        start += 1
    if stop and folded[start : start + 1] in LATIN_LETTERS:
        return start
    lead = search(EDGE_LEAD_RE, folded, timeout=timeout)
    return lead.end() if lead else 0


def _trail_start(folded: str, timeout: float | None) -> int:
    """Where the symbols, digits and punctuation after a line's last letter start."""
    end = len(folded)
    if not is_plain():
        stop = max(0, end - EDGE_SCAN_CHARS)
        while end > stop and folded[end - 1] in ASCII_NON_LETTERS:
            end -= 1
        if end and folded[end - 1] in LATIN_LETTERS:
            return end
    trail = search(EDGE_TRAIL_RE, folded, timeout=timeout)
    return trail.start() if trail else len(folded)


def key_words(text: str, timeout: float | None = DEFAULT_TIMEOUT) -> tuple[str, ...]:
    """The case-folded words of a line (inner punctuation dropped).

    >>> key_words("Fot. Jane Doe / Agency")
    ('fot', 'jane', 'doe', 'agency')
    """
    return tuple(text_words(spelled_line(text, timeout), timeout=timeout))


def spelled_line(
    text: str, timeout: float | None = DEFAULT_TIMEOUT, folded: str | None = None
) -> str:
    """What :func:`key_words` splits into words: glued words split, case folded (``folded``,
    when given, is ``text.casefold()``: most lines have no glued words and keep it)."""
    split = search_camel(text, timeout)
    if split is text and folded is not None:
        return folded
    return split.casefold()


def search_camel(text: str, timeout: float | None) -> str:
    """Split words that page text glued together: "Previous ArticleNext" -> "Previous Article Next"."""
    if len(text) > MAX_LINE_CHARS * 2:
        return text
    if not is_plain() and text.isascii() and "aA" not in text.translate(ASCII_CASES):
        return text  # no lower-case letter before a capital
    return CAMEL_RE.sub(" ", text, timeout=timeout)


# ASCII text by letter case: "a" for a lower-case letter, "A" for a capital, " " for the rest
ASCII_CASES = str.maketrans(
    {chr(c): "a" if chr(c).islower() else "A" if chr(c).isupper() else " " for c in range(128)}
)


def with_source(rule: str, source: str) -> str:
    """A rule named with the data line that decided it: ``catalogue:lang/en/boilerplate.txt:328``
    (the rule alone when the entry came from no file)."""
    return f"{rule}:{source}" if source else rule


def rule_kind(rule: str) -> str:
    """The rule without its data line: ``rule_kind("catalogue:lang/en/boilerplate.txt:3")``
    is ``"catalogue"``."""
    return rule.partition(":")[0]


_Key = TypeVar("_Key", str, tuple[str, ...])


@dataclass(frozen=True, slots=True, eq=False)
class LineWords:
    """What the document scan found in a line, for the catalogue's gates: a word the
    catalogue's :meth:`Catalogue.gate_words` finds anywhere, standing whole (``words``), an
    agency's name standing whole (``agency``). There are four, made once (:func:`line_words`
    gives them): each is its own key of the match memo, hashed as an object."""

    words: bool
    agency: bool


_LINE_WORDS = {(w, a): LineWords(w, a) for w in (False, True) for a in (False, True)}
#: what a line holds when the scan found neither
NO_WORDS = _LINE_WORDS[False, False]


@dataclass(frozen=True)
class Catalogue:
    """Compiled phrase tables: normalized phrase -> removal code, by kind of entry; ``sources``
    says which data line each entry came from (``"lang/en/boilerplate.txt:328"``)."""

    whole: dict[str, str] = field(default_factory=dict)
    labels: dict[str, str] = field(default_factory=dict)
    starts: dict[tuple[str, ...], str] = field(default_factory=dict)
    contains: dict[tuple[str, ...], str] = field(default_factory=dict)
    cues: dict[tuple[str, ...], str] = field(default_factory=dict)
    cue_words: int = 0  # the longest cue, in words
    # (table, key) -> the data line the entry came from; table is "whole", "label", "start",
    # "contains" or "cue"
    sources: dict[tuple[str, object], str] = field(default_factory=dict, repr=False, compare=False)
    fuzzy: dict[int, tuple[str, ...]] = field(default_factory=dict)
    # by key length: pieces of the fuzzy choices, one of which a key near enough to a choice holds
    # (None: no choice to hold), built after FUZZY_GATE_AFTER lookups of that length
    fuzzy_gates: dict[int, re.Pattern[str] | None] = field(
        default_factory=dict, repr=False, compare=False
    )
    fuzzy_lookups: dict[int, int] = field(default_factory=dict, repr=False, compare=False)
    # contained phrases and cues by their first word, so a line costs one lookup per word
    contains_by_first: dict[str, list[tuple[tuple[str, ...], str]]] = field(
        default_factory=dict, repr=False, compare=False
    )
    cues_by_first: dict[str, list[tuple[tuple[str, ...], str]]] = field(
        default_factory=dict, repr=False, compare=False
    )
    # cheap tests on a line that every rule reading its words needs to pass (see may_need_words):
    # a start entry's first word at the line's start, or one word of a contained phrase, a share
    # bar or a heading cue anywhere; None until finish() builds them
    word_gates: tuple[re.Pattern[str] | None, re.Pattern[str] | None] | None = field(
        default=None, repr=False, compare=False
    )
    # match results by line: chrome repeats within a page and across the pages of a site
    _memo: functools._lru_cache_wrapper[tuple[str, str] | None] = field(
        init=False, repr=False, compare=False
    )

    def __post_init__(self) -> None:
        object.__setattr__(self, "_memo", functools.lru_cache(MATCH_MEMO_LINES)(self._match))

    def add(self, phrase: str, code: str, source: str = "") -> None:
        """Add one entry; ``source`` names its data line (``"lang/en/boilerplate.txt:328"``)."""
        self._memo.cache_clear()
        object.__setattr__(self, "word_gates", None)  # stale until finish()
        text = phrase.strip()
        if text.startswith("~"):
            self._put("cue", self.cues, key_words(text[1:]), code, source)
        elif text.startswith("...") and text.endswith("...") and len(text) > 6:
            self._put("contains", self.contains, key_words(text[3:-3]), code, source)
        elif text.endswith(("...", "…")):
            self._put("start", self.starts, key_words(text.rstrip(".…")), code, source)
        elif text.endswith(":"):
            key = line_key(text)
            self._put("label", self.labels, key, code, source)
            if key not in self.whole:  # a label is also its whole line, unless that is known
                self._put("whole", self.whole, key, code, source)
        else:
            self._put("whole", self.whole, line_key(text), code, source)

    def _put(self, kind: str, table: dict[_Key, str], key: _Key, code: str, source: str) -> None:
        """``table[key] = code``; an entry that repeats one of another language with the same
        code keeps the first one's source."""
        if table.get(key) != code or (kind, key) not in self.sources:
            self.sources[kind, key] = source
        table[key] = code

    def source(self, table: str, key: object) -> str:
        """The data line of an entry (empty when it came from no file)."""
        return self.sources.get((table, key), "")

    def finish(self) -> None:
        """Bucket the whole-line phrases by length for fuzzy matching; index phrases by first word."""
        self._memo.cache_clear()
        object.__setattr__(self, "cue_words", max((len(k) for k in self.cues), default=0))
        for table, index, longest in (
            (self.contains, self.contains_by_first, MAX_PHRASE_WORDS),
            (self.cues, self.cues_by_first, self.cue_words),
        ):
            index.clear()
            # shortest first: the shortest phrase at a position is the one that counts
            for phrase, code in sorted(table.items(), key=lambda item: len(item[0])):
                if 1 <= len(phrase) <= longest:
                    index.setdefault(phrase[0], []).append((phrase, code))
        object.__setattr__(self, "word_gates", self._word_gates())
        long_keys = sorted(k for k in self.whole if len(k) >= FUZZY_MIN_CHARS)
        self.fuzzy_gates.clear()
        self.fuzzy_lookups.clear()
        for n in range(FUZZY_MIN_CHARS, FUZZY_MAX_CHARS + 1):
            slack = max(1, n // 10)
            self.fuzzy[n] = tuple(k for k in long_keys if abs(len(k) - n) <= slack)

    def _fuzzy_gate(self, key_chars: int) -> re.Pattern[str] | None:
        """The pieces of the fuzzy choices for keys of ``key_chars`` (None when there are none)."""
        pieces = {
            piece
            for choice in self.fuzzy.get(key_chars, ())
            for piece in fuzzy_pieces(choice, fuzzy_max_distance(key_chars, len(choice)))
        }
        return literal_pattern(frozenset(pieces)) if pieces else None

    def compile_fuzzy_gates(self) -> None:
        """Compile every key length's fuzzy gate now, not at its FUZZY_GATE_AFTER-th lookup (for
        workers started from a fork server, which share what the server built)."""
        for n in range(FUZZY_MIN_CHARS, FUZZY_MAX_CHARS + 1):
            if n not in self.fuzzy_gates:
                self.fuzzy_gates[n] = self._fuzzy_gate(n)

    def may_be_fuzzy(self, key: str) -> bool:
        """False when ``key`` holds no piece of any choice of its length: then none is near enough
        (see :func:`fuzzy_pieces`). A length's pieces are compiled at its FUZZY_GATE_AFTER-th
        lookup: on fewer lines the compiling costs more than it saves."""
        n = len(key)
        if n not in self.fuzzy_gates:
            self.fuzzy_lookups[n] = self.fuzzy_lookups.get(n, 0) + 1
            if self.fuzzy_lookups[n] < FUZZY_GATE_AFTER:
                return True
            self.fuzzy_gates[n] = self._fuzzy_gate(n)
        gate = self.fuzzy_gates[n]
        return gate is not None and gate.search(key) is not None

    def gate_words(self) -> tuple[frozenset[str], frozenset[str]]:
        """The words every rule that reads a line's words needs one of: a start entry's first
        word (first in the line), or a word of a contained phrase, a share bar or a heading cue
        (anywhere in it)."""
        firsts = {p[0] for p in self.starts if 1 <= len(p) <= MAX_PHRASE_WORDS}
        # one word of each phrase is enough: its longest, as the least common
        anywhere = {max(p, key=len) for p in self.contains if 1 <= len(p) <= MAX_PHRASE_WORDS}
        anywhere |= {
            max(p, key=len) for p, code in self.cues.items() if p and code in HEADING_CUE_CODES
        }
        anywhere |= {k for k, code in self.whole.items() if code in BAR_CODES and " " not in k}
        return frozenset(firsts), frozenset(anywhere)

    def _word_gates(self) -> tuple[re.Pattern[str] | None, re.Pattern[str] | None]:
        firsts, anywhere = self.gate_words()
        # words stand between non-word characters: never next to an ASCII lower-case letter
        return (
            literal_pattern(frozenset(firsts), line_start=True, before_lowercase=False)
            if firsts
            else None,
            literal_pattern(frozenset(anywhere), after_lowercase=False, before_lowercase=False)
            if anywhere
            else None,
        )

    def may_need_words(
        self, text: str, folded: str, spelled: str, digit: bool, words: bool | None = None
    ) -> bool:
        """False when no rule that reads or counts the words of a line can hold: each needs one of
        these (``spelled`` is :func:`spelled_line`, ``digit`` whether the line has one).

        ``words``: whether the document scan found a word of :meth:`gate_words` that may stand
        anywhere standing whole in the line's fold (None: not asked). Such a word of the line's
        words (of ``spelled``) stands whole there when ``spelled`` is the fold (no glued words
        split): a scan that found none settles the contained phrases, share bars and heading
        cues.
        """
        if self.word_gates is None:
            return True
        first, anywhere = self.word_gates
        if words is False and spelled == folded:
            anywhere = None
        return (
            digit  # dateline, file link
            or may_be_byline(text)
            or has_copyright_sign(text, folded)  # copyright, caption credit
            or (first is not None and first.search(spelled) is not None)  # start entry
            # contained phrase, share bar, cue heading
            or (anywhere is not None and anywhere.search(spelled) is not None)
        )

    def match(
        self,
        text: str,
        *,
        fuzzy: bool = True,
        timeout: float | None = DEFAULT_TIMEOUT,
        held: LineWords | None = None,
    ) -> tuple[str, str] | None:
        """``(code, rule)`` when the line is a catalogue phrase, else ``None``; a rule decided by
        one entry names its data line. ``held``: what the document scan found in the line
        (:func:`line_words`), for the gates; None when it was not asked.

        >>> code, rule = catalogue(("en",)).match("Read more: Ten things to know")
        >>> code, rule_kind(rule), rule.split(":")[1]
        ('boilerplate.teaser', 'catalogue_label', 'lang/en/boilerplate.txt')
        >>> catalogue(("en",)).match("Read more about it in the report.") is None
        True
        """
        if len(text) > MAX_LINE_CHARS:
            return None
        return self._memo(text, fuzzy, timeout, is_plain(), held)

    def _match(
        self, text: str, fuzzy: bool, timeout: float | None, plain: bool, held: LineWords | None
    ) -> tuple[str, str] | None:
        """:meth:`match`; ``plain`` bypasses the gates, each of which skips a rule only when
        the line lacks what the rule needs."""
        if plain:
            held = None
        folded = text.casefold()  # the key, the spelled line and the copyright test share it
        key = folded_key(folded, timeout)
        if not key:
            if has_digit(text, timeout) and search(DATE_ONLY_RE, text.strip(), timeout=timeout):
                return "boilerplate.author_box", "dateline"
            return None
        code = self.whole.get(key)
        if code is not None:
            return code, with_source("catalogue", self.source("whole", key))
        if (
            len(text) <= AGENCY_LINE_CHARS
            and (held is None or held.agency)
            and is_agency_line(text, timeout)
        ):
            return "boilerplate.credit", "agency_credit"
        head, sep, rest = text.partition(":")
        if (not sep or len(head) > LABEL_HEAD_CHARS) and (
            plain or not DASHES.isdisjoint(text[: LABEL_HEAD_CHARS + 3])
        ):
            dash = search(LABEL_DASH_RE, text[: LABEL_HEAD_CHARS + 3], timeout=timeout)
            if dash is not None:
                head, sep, rest = text[: dash.start()], dash.group(), text[dash.end() :]
        if sep:
            head_key = line_key(head, timeout)
            code = self.labels.get(head_key)
            if code is not None and len(key_words(rest, timeout)) <= LABEL_REST_WORDS:
                return code, with_source("catalogue_label", self.source("label", head_key))
        spelled = spelled_line(text, timeout, folded)
        digit = has_digit(text, timeout)
        words_held = None if held is None else held.words
        if plain or self.may_need_words(text, folded, spelled, digit, words_held):
            words = tuple(text_words(spelled, timeout=timeout))  # key_words(text), spelled once
            n = len(words)
        else:
            # no rule below that reads the words can hold: a count above each one's limit
            words, n = (), UNCOUNTED_WORDS
        if n <= START_LINE_WORDS:
            for size in range(1, min(n, MAX_PHRASE_WORDS) + 1):
                code = self.starts.get(words[:size])
                if code is not None:
                    start = self.source("start", words[:size])
                    return code, with_source("catalogue_start", start)
        if n <= CONTAINS_LINE_WORDS:
            found = self.contained_entry(words)
            if found is not None:
                phrase, code = found
                return code, with_source("catalogue_contains", self.source("contains", phrase))
        if (
            n <= SHORT_LINE_WORDS
            and (plain or has_copyright_sign(text, folded))
            and search(COPYRIGHT_RE, folded, timeout=timeout)
        ):
            return "boilerplate.footer", "copyright"
        segments: list[str] = []
        # without a separator the only segment is the line itself, whose key is not in the table
        if plain or may_split_segments(text):
            keys = (line_key(s, timeout) for s in SEGMENT_RE.splititer(text, timeout=timeout))
            first = next((k for k in keys if k), "")
            # both rules below need a known first segment: most lines are settled by it
            if first in self.whole:
                segments = [first, *(k for k in keys if k)]
        if len(segments) >= 2 and all(s in self.whole for s in segments):
            first_source = self.source("whole", segments[0])
            return self.whole[segments[0]], with_source("catalogue_segments", first_source)
        if len(text) <= CAPTION_SEGMENT_CHARS and (plain or may_split_segments(text)):
            # a caption with its credit after a separator: "The river in flood. | File photo"
            pieces = [x for x in SEGMENT_RE.splititer(text, timeout=timeout) if x.strip()]
            last = line_key(pieces[-1], timeout) if len(pieces) >= 2 else ""
            if self.whole.get(last) == "boilerplate.credit":
                return "boilerplate.credit", with_source(
                    "caption_segment", self.source("whole", last)
                )
        if (
            len(segments) >= 2
            and self.whole.get(segments[0]) == "boilerplate.navigation"
            and any(sep in text for sep in CRUMB_SEPARATORS)
            and all(len(s.split()) <= 4 for s in segments)
        ):
            return "boilerplate.navigation", with_source(
                "breadcrumb", self.source("whole", segments[0])
            )
        if (
            n <= 10
            and (plain or may_be_byline(text))
            and search(BYLINE_RE, text.strip(), timeout=timeout)
        ):
            return "boilerplate.author_box", "byline"
        if 3 <= n <= 8 and self.share_bar(words):
            return "boilerplate.share", "share_bar"
        if n <= CAPTION_WORDS and "©" in text[1:]:
            return "boilerplate.credit", "caption_credit"
        if n <= SHORT_LINE_WORDS and digit:
            if n <= 3 * DATELINE_OTHER_WORDS and self.is_dateline(text, n, timeout):
                return "boilerplate.author_box", "dateline"
            if search(FILE_LINK_RE, text, timeout=timeout):
                return "boilerplate.link_list", "file_link"
        if n <= CUE_HEADING_WORDS and not text.rstrip().endswith((".", "!", "?")):
            cue = self.cue_entry(words)  # the words of the whole line: it is short
            if cue is not None and cue[1] in HEADING_CUE_CODES:
                return cue[1], with_source("cue_heading", self.source("cue", cue[0]))
        if (
            fuzzy
            and FUZZY_MIN_CHARS <= len(key) <= FUZZY_MAX_CHARS
            and (plain or self.may_be_fuzzy(key))
        ):
            choices = self.fuzzy.get(len(key), ())
            best = process.extractOne(
                key, choices, scorer=fuzz.ratio, processor=None, score_cutoff=FUZZY_CUTOFF
            )
            if best is not None:
                return self.whole[best[0]], with_source(
                    "catalogue_fuzzy", self.source("whole", best[0])
                )
        return None

    def contained(self, words: tuple[str, ...]) -> str | None:
        """The code of the shortest contained phrase in ``words`` (the leftmost of equal length)."""
        found = self.contained_entry(words)
        return found[1] if found is not None else None

    def contained_entry(self, words: tuple[str, ...]) -> tuple[tuple[str, ...], str] | None:
        """``(phrase, code)`` of the shortest contained phrase in ``words`` (the leftmost of equal
        length)."""
        best: tuple[int, int, tuple[str, ...], str] | None = None
        for i, word in enumerate(words):
            for phrase, code in self.contains_by_first.get(word, ()):
                size = len(phrase)
                if best is not None and size >= best[0]:
                    break
                if words[i : i + size] == phrase:
                    best = (size, i, phrase, code)
                    break
        return (best[2], best[3]) if best is not None else None

    def share_bar(self, words: tuple[str, ...]) -> bool:
        """Most words are one-word share or menu phrases: "Whatsapp Teilen Twittern Pinnen"."""
        bar = sum(1 for w in words if self.whole.get(w) in BAR_CODES)
        return bar >= 0.75 * len(words)

    @staticmethod
    def is_dateline(text: str, n_words: int, timeout: float | None = DEFAULT_TIMEOUT) -> bool:
        """A line that is a date, maybe with a time, and a few words around it (a byline or
        timestamp). A time without a date is a schedule item ("Warm Up 11:00 Uhr"), not chrome.

        >>> Catalogue.is_dateline("24. März 2004, 19:49 | Jane Doe", 7)
        True
        >>> Catalogue.is_dateline("On 3 March 2024 the council voted to close the old bridge.", 12)
        False
        >>> Catalogue.is_dateline("Siegerehrung 18:30 Uhr", 4)
        False
        """
        dates = [m.group() for m in finditer(DATE_RE, text, timeout=timeout)]
        if all(search(TIME_ONLY_RE, d, timeout=timeout) for d in dates):
            return False  # no dates, or times only
        stripped = text.rstrip()
        if stripped.endswith((".", "!", "?")) and not stripped[-2:-1].isdigit():
            return False
        date_words = sum(len(key_words(d, timeout)) for d in dates)
        return n_words - date_words <= DATELINE_OTHER_WORDS

    def cue(self, text: str, *, timeout: float | None = DEFAULT_TIMEOUT) -> str | None:
        """The code of the first cue word in ``text`` (weak evidence), else ``None``.

        >>> catalogue(("en",)).cue("Sign up for the daily newsletter today")
        'boilerplate.subscribe'
        """
        return self.cue_in(key_words(text[: MAX_LINE_CHARS * 2], timeout))

    def cue_in(self, words: tuple[str, ...]) -> str | None:
        """The code of the first cue among ``words`` (as :func:`key_words` gives them)."""
        found = self.cue_entry(words)
        return found[1] if found is not None else None

    def cue_entry(self, words: tuple[str, ...]) -> tuple[tuple[str, ...], str] | None:
        """``(cue, code)`` of the first cue among ``words``."""
        for i, word in enumerate(words):
            for phrase, code in self.cues_by_first.get(word, ()):
                if words[i : i + len(phrase)] == phrase:
                    return phrase, code
        return None


@functools.cache
def fuzzy_max_distance(key_chars: int, choice_chars: int) -> int:
    """The largest Indel distance at which a key and a choice of these lengths still reach
    :data:`FUZZY_CUTOFF` (-1 when none does), asked of the lookup itself: ``fuzz.ratio`` depends
    only on the lengths and the longest common subsequence, which runs of "a" and "b" set."""
    best = -1
    key = "a" * key_chars
    for common in range(min(key_chars, choice_chars) + 1):
        choice = "a" * common + "b" * (choice_chars - common)
        hit = process.extractOne(
            key, (choice,), scorer=fuzz.ratio, processor=None, score_cutoff=FUZZY_CUTOFF
        )
        if hit is not None:
            best = max(best, key_chars + choice_chars - 2 * common)
    return best


def fuzzy_pieces(choice: str, distance: int) -> list[str]:
    """``choice`` cut into ``distance + 1`` pieces (none when ``distance`` < 0).

    Each insertion or deletion breaks at most one piece, so a key within ``distance`` of
    ``choice`` holds at least one piece unbroken, as a substring.

    >>> fuzzy_pieces("share this", 2)
    ['sha', 're ', 'this']
    """
    parts = distance + 1
    size = len(choice)
    return [choice[i * size // parts : (i + 1) * size // parts] for i in range(parts)]


@functools.lru_cache(maxsize=1)
def agencies() -> frozenset[str]:
    """The case-folded short names of news agencies (``data/credits/agencies.txt``)."""
    return frozenset(name.casefold() for _, name in phrase_lines("credits/agencies.txt"))


def is_agency_line(text: str, timeout: float | None = DEFAULT_TIMEOUT) -> bool:
    """A line that only signs off agency copy: initials and agency names joined by "/" or ",".

    >>> is_agency_line("aja/PAP"), is_agency_line("(dpa)"), is_agency_line("Hemden/ Blusen")
    (True, True, False)
    """
    stripped = text.strip()
    names = agencies()
    # an agency among the parts ("/" or "," between them) first: it settles most short lines
    # without the pattern
    if not any(
        part.strip(" ().").casefold() in names for part in stripped.replace(",", "/").split("/")
    ):
        return False
    return search(AGENCY_LINE_RE, stripped, timeout=timeout) is not None


def original_text(draft: Draft, block: Block) -> str:
    """The block's text before normalization, stripped (empty for NEL turned into "…")."""
    start, end = draft.original_span(block.span)
    return draft.original[start:end].strip()


def available_languages() -> tuple[str, ...]:
    """The languages with a phrase catalogue, e.g. ``('de', 'en', ...)``."""
    return languages_with("boilerplate.txt")


def parse_catalogue_lines(
    lines: Iterable[tuple[int, str]], source: str, into: Catalogue | None = None
) -> Catalogue:
    """Add ``phrase<TAB>category`` lines to a catalogue; a bad line raises with ``source:line``."""
    table = into if into is not None else Catalogue()
    for lineno, line in lines:
        phrase, tab, category = line.partition("\t")
        code = f"boilerplate.{category.strip()}"
        if not tab or not phrase.strip():
            msg = f"{source}:{lineno}: expected 'phrase<TAB>category', got {line!r}"
            raise PatternDataError(msg)
        if code not in CATALOGUE_CODES:
            valid = sorted(c.split(".", 1)[1] for c in CATALOGUE_CODES)
            msg = (
                f"{source}:{lineno}: unknown category {category.strip()!r}; "
                f"categories: {', '.join(valid)}"
            )
            raise PatternDataError(msg)
        table.add(phrase, code, f"{source}:{lineno}")
    return table


@functools.lru_cache(maxsize=8)
def catalogue(languages: tuple[str, ...] = ()) -> Catalogue:
    """The compiled catalogue of ``languages`` (all bundled languages when empty)."""
    langs = sorted(set(languages or available_languages()))
    known = set(available_languages())
    table = Catalogue()
    for lang in langs:
        if lang not in known:
            msg = f"no boilerplate catalogue for language {lang!r}; available: {', '.join(sorted(known))}"
            raise PatternDataError(msg)
        # a language's entries may come from more than one file (a pack of the user's own)
        for source, group in itertools.groupby(
            entries(lang, "boilerplate.txt"), key=lambda e: e.source
        ):
            lines = [(e.line, f"{e.text}\t{e.tag}" if e.tag else e.text) for e in group]
            parse_catalogue_lines(lines, source, table)
    table.finish()
    return table


def words_kind(languages: tuple[str, ...]) -> str:
    """The kind of the document scan's lines holding a gate word of the catalogue of
    ``languages``."""
    return "boilerplate.words:" + ",".join(languages)


#: the kind of the document scan's lines holding an agency's name (``credits/agencies.txt``)
AGENCY_KIND = "boilerplate.agency"


def ask_for_words(languages: tuple[str, ...]) -> None:
    """Have the document scan look for the catalogue's gate words that may stand anywhere in a
    line (:meth:`Catalogue.gate_words`: the first words of start entries are many and short, and
    the gate finds them at a line's start at little cost) and the agencies' names, each standing
    whole: a word of a line's words stands between
    characters that are not word characters, and so does an agency's name that is a part of
    a sign-off line (:func:`is_agency_line`: between slashes, commas, brackets, dots, spaces)."""
    kind = words_kind(languages)

    def needs() -> list[Need]:
        anywhere = catalogue(languages).gate_words()[1]
        out = [Need.one(kind, word, "word") for word in sorted(anywhere)]
        return out + [Need.one(AGENCY_KIND, name, "word") for name in sorted(agencies())]

    ask(("boilerplate.words", languages), needs)


def line_words(kinds: frozenset[str], words: str) -> LineWords:
    """The :class:`LineWords` of a line whose scan found ``kinds`` (``words``: the
    :func:`words_kind` of the catalogue's languages)."""
    if not kinds:
        return NO_WORDS
    return _LINE_WORDS[words in kinds, AGENCY_KIND in kinds]


NAV_CODES = frozenset({"boilerplate.navigation"})
TEASER_CODES = frozenset({"boilerplate.related", "boilerplate.teaser"})


@dataclass(frozen=True, slots=True, kw_only=True)
class StripBoilerplate:
    """Remove lines that are known chrome, and the title a navigation label introduces.

    A navigation label ("Previous Article", "Next Article") followed by a title-like line that is
    itself followed by more chrome or ends the text takes that line with it (``nav_title``); a
    read-also or related heading on its own line ("Read also", "Leia também") takes the title-like
    line after it.
    """

    name: ClassVar[str] = "strip_boilerplate"
    stage: ClassVar[Stage] = Stage.STRIP
    codes: ClassVar[tuple[str, ...]] = (
        *CATALOGUE_CODES,
        "boilerplate.nav_title",
        "boilerplate.link_list",
    )
    languages: tuple[str, ...] = ()
    fuzzy: bool = True
    nav_title_max_words: int = 25

    def prepare(self) -> None:
        """Build the catalogue (about a third of a second, once per process)."""
        catalogue(tuple(self.languages))
        ask_for_words(tuple(self.languages))

    def apply(self, draft: Draft, /) -> Proposal:
        languages = tuple(self.languages)
        table = catalogue(languages)
        kept = draft.kept()
        found: dict[int, tuple[str, str]] = {}
        scan = None
        if not draft.plain:
            ask_for_words(languages)
            scan = document_scan(draft)
        kind = words_kind(languages)
        for block in kept:
            held = None if scan is None else line_words(scan.kinds_of(block.index), kind)
            hit = table.match(block.text, fuzzy=self.fuzzy, timeout=draft.regex_timeout, held=held)
            if hit is not None and original_text(draft, block):
                found[block.index] = hit
        removals = [BlockRemoval(i, code, rule) for i, (code, rule) in found.items()]
        for pos, block in enumerate(kept[:-1]):
            hit = found.get(block.index)
            if hit is None or hit[0] not in NAV_CODES | TEASER_CODES:
                continue
            title = kept[pos + 1]
            if (
                title.index in found
                or not self._title_like(title, draft.regex_timeout)
                or not original_text(draft, title)
            ):
                continue
            after = kept[pos + 2] if pos + 2 < len(kept) else None
            if (
                hit[0] in TEASER_CODES
                and rule_kind(hit[1]) == "catalogue"
                and not title.text.lstrip().startswith(("-", "•", "*", "·"))
                and (
                    after is None
                    or after.index in found
                    or not self._title_like(after, draft.regex_timeout)
                )
            ):
                # "Read also" / "Leia também" on its own line: the next line is the link (a
                # list of them is left to strip_link_lists)
                rule = "after_teaser_label"
            elif hit[0] in NAV_CODES and (after is None or after.index in found):
                rule = "after_nav_label"
            else:
                continue
            removals.append(BlockRemoval(title.index, "boilerplate.nav_title", rule))
        removals.sort(key=lambda r: r.index)
        return Proposal(removals=tuple(removals))

    def _title_like(self, block: Block, timeout: float | None) -> bool:
        n = len(text_words(block.text, timeout=timeout))
        return n <= self.nav_title_max_words and not looks_like_prose(block.text, timeout=timeout)


@dataclass(frozen=True, slots=True, kw_only=True)
class StripDuplicates:
    """Remove later copies of a line already seen in the same document."""

    name: ClassVar[str] = "strip_duplicates"
    stage: ClassVar[Stage] = Stage.STRIP
    codes: ClassVar[tuple[str, ...]] = ("boilerplate.duplicate",)
    min_chars: int = 1

    def apply(self, draft: Draft, /) -> Proposal:
        seen: set[str] = set()
        keys: dict[str, str] = {}  # line text -> its key: a line repeated is keyed once
        # unless normalization changed the text, a block's original is its own (non-blank) text
        normalized = bool(draft.offsets.regions)
        removals = []
        for block in draft.blocks:
            key = keys.get(block.text)
            if key is None:
                key = keys[block.text] = (
                    line_key(block.text, draft.regex_timeout) or block.text.strip()
                )
            if len(key) < self.min_chars or not block.text.strip("… \t"):
                # a line of ellipses may be NEL normalized, blank in the input: never a repeat,
                # so that cleaning the result again keeps it too
                continue
            if key in seen:
                if not draft.is_removed(block.index) and (
                    not normalized or original_text(draft, block)
                ):
                    removals.append(
                        BlockRemoval(block.index, "boilerplate.duplicate", "repeated_line")
                    )
            else:
                seen.add(key)
        return Proposal(removals=tuple(removals))
