"""The gates: which lines (and, for leftovers, which phrases) a rule of ``rules.py`` looks at.

A gate never decides a finding. It skips a line only when the rule could find nothing there: a
line without the literal every match of a rule holds, a line whose first word no leftover phrase
begins with, a phrase whose keywords the line lacks. All lines are found in one way,
:meth:`Lines.holding`: a pattern of literals run over the text (or its case fold), one hit per
line. With the draft's ``plain`` switch the filter passes every line to every rule instead.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from collections.abc import Callable, Iterator

from newsclean._patterns import (
    Match,
    Pattern,
    compile_pattern,
    finditer,
    literal_pattern,
    literal_starts,
)
from newsclean._patterns import match as match_pattern
from newsclean._patterns import search as search_pattern
from newsclean.draft import Draft
from newsclean.filters.shapes import LABEL_HEAD_REACH, SPEAKING_CUES, label_head, speaking_cues
from newsclean.filters.templates.data import (
    _Anywhere,
    leftover_patterns,
    start_pattern,
)
from newsclean.filters.templates.rules import (
    _CLI_FLAG_RE,
    _CODE_LINE_RE,
    _HUGE_LINE,
    _PROGRAMMING_RE,
    _PROGRAMMING_TERMS,
)
from newsclean.scanner import ask, document_fold, document_scan, voice_kind, voice_needs

# ---------------------------------------------------------------------------------------------
# the literals each rule's matches hold

#: the characters one of which every placeholder syntax holds (a fast skip for plain prose)
_TOKEN_CHARS = frozenset("{}[]<>%$_")
_TOKEN_CHARS_RE = literal_pattern(_TOKEN_CHARS)

#: substrings one of which a line must hold for each kind to look further (see ``FlagTemplates._hits``)
_EMPTY_CUES = ("undefined", "null", "NaN", "None", "[object ")
#: what a lorem ipsum match holds, in every letter case the pattern accepts ...
_LOREM_CUES = ("orem", "amet", "adipiscing", "eiusmod")
#: ... looked for in a line: the standard library's IGNORECASE pairs at least the letters
#: ``regex``'s (?i) does ("ſ" with "s", "İ" with "i"); plain literals, so one linear scan
_LOREM_CUE_RE = re.compile("|".join(_LOREM_CUES), re.IGNORECASE)
_FILLER_CUES = ("TODO", "TBD", "XX", "TK", "FIXME")
_EMPTY_CUES_RE = literal_pattern(frozenset(_EMPTY_CUES))
_FILLER_CUES_RE = literal_pattern(frozenset(_FILLER_CUES))
_LOREM_CUES_RE = literal_pattern(frozenset(_LOREM_CUES))


# ---------------------------------------------------------------------------------------------
# one way to find lines


class Lines:
    """A draft's text and its case fold, with where each line (block) starts in each."""

    __slots__ = ("_starts", "draft")

    def __init__(self, draft: Draft) -> None:
        self.draft = draft
        self._starts: list[int] | None = None

    def starts(self) -> list[int]:
        if self._starts is None:
            self._starts = [b.span[0] for b in self.draft.blocks]
        return self._starts

    def fold(self) -> tuple[str, list[int]]:
        """The case-folded text and where each block starts in it (shared by the filters of
        the draft: :func:`newsclean.scanner.document_fold`)."""
        return document_fold(self.draft)

    def holding(
        self, pattern: re.Pattern[str], *, folded: bool = False, at_start: bool = False
    ) -> set[int]:
        """The lines holding a match of ``pattern`` (literals that hold no line break, as
        :func:`~newsclean._patterns.literal_pattern` makes), in the text or its case fold;
        with ``at_start``, a match from the line's start.

        After a hit the search goes on at the next line: one hit per line is enough.
        """
        text, starts = self.fold() if folded else (self.draft.text, self.starts())
        if at_start:
            at_line_start = pattern.match
            return {index for index, start in enumerate(starts) if at_line_start(text, start)}
        found: set[int] = set()
        pos = 0
        while (m := pattern.search(text, pos)) is not None:
            index = bisect.bisect_right(starts, m.start()) - 1
            if index >= 0:
                found.add(index)
            if index + 1 == len(starts):
                break
            pos = starts[index + 1]
        return found

    def hits(
        self, pattern: re.Pattern[str], *, folded: bool = False
    ) -> Iterator[tuple[int, int, int]]:
        """Every place where a literal of ``pattern`` starts, as (line, start, end of the
        longest literal there), in the text or its case fold: for gates that need every hit."""
        text, starts = self.fold() if folded else (self.draft.text, self.starts())
        for at, end in literal_starts(pattern, text):
            yield bisect.bisect_right(starts, at) - 1, at, end


# ---------------------------------------------------------------------------------------------
# the lines each look needs


def lines_for_tokens(lines: Lines) -> set[int]:
    return lines.holding(_TOKEN_CHARS_RE)


def lines_for_empty_values(lines: Lines) -> set[int]:
    return lines.holding(_EMPTY_CUES_RE)


def lines_for_filler(lines: Lines) -> set[int]:
    """Lines with a filler cue, or a lorem cue in any letter case.

    The lorem cues are looked for in the case-folded text (IGNORECASE over the whole text is
    many times slower). Case folding pairs every letter with the cues' that ``regex``'s (?i)
    does, save "İ", which folds to "i" and a combining dot: a text with one is scanned with
    the standard library's IGNORECASE.
    """
    found = lines.holding(_FILLER_CUES_RE)
    if "\u0130" in lines.draft.text:
        return found | lines.holding(_LOREM_CUE_RE)
    return found | lines.holding(_LOREM_CUES_RE, folded=True)


def lines_for_leftover_starts(lines: Lines, languages: tuple[str, ...]) -> set[int]:
    """The lines whose first word, case-folded, may begin with the first word of a phrase.

    A superset, found in the case-folded text: no character but a letter folds to anything
    with an ASCII letter, so a line's first word is where one of the words can first stand
    after other characters than ASCII lower-case letters. The pattern is tried at each line's
    start only.
    """
    words = leftover_patterns(languages).first_words
    return lines.holding(literal_pattern(words, line_start=True), folded=True, at_start=True)


def leftovers_anywhere_by_line(
    lines: Lines, languages: tuple[str, ...]
) -> dict[int, tuple[_Anywhere, ...] | None]:
    """The lines that may hold a leftover phrase standing anywhere, each with the phrases to
    try there (None: find them in the line, see :func:`phrases_in`).

    One scan of the case-folded text for the anchors of all keywords (see
    :func:`_keyword_anchors`) finds each keyword where it stands; lines longer than
    ``_HUGE_LINE`` are looked at in parts, so they are always candidates.
    """
    phrases = leftover_patterns(languages).anywhere
    always, by_keyword = _phrase_index(languages)
    blocks = lines.draft.blocks
    if always:  # a phrase without a safe keyword: always look
        return {b.index: None for b in blocks}
    anchors = _keyword_anchors(frozenset(by_keyword))
    found: dict[int, set[int]] = {}
    if anchors:
        folded, _ = lines.fold()
        prefixes = _keyword_prefixes(frozenset(anchors))
        for index, at, end in lines.hits(_anchor_pattern(frozenset(anchors)), folded=True):
            for anchor in prefixes[folded[at:end]]:
                for keyword, offset in anchors[anchor]:
                    start = at - offset
                    # a keyword never holds a line break: it is in its anchor's line
                    if index >= 0 and start >= 0 and folded.startswith(keyword, start):
                        found.setdefault(index, set()).update(by_keyword[keyword])
    out: dict[int, tuple[_Anywhere, ...] | None] = {
        index: tuple(phrases[i] for i in sorted(chosen)) for index, chosen in found.items()
    }
    for b in blocks:
        if len(b.text) > _HUGE_LINE:
            out[b.index] = None
    return out


def phrases_in(folded: str, languages: tuple[str, ...]) -> tuple[_Anywhere, ...]:
    """The leftover phrases of ``languages`` that may stand anywhere with a keyword in the
    case-folded text ``folded``, in order (a superset is enough: see ``_keywords``)."""
    phrases = leftover_patterns(languages).anywhere
    always, by_keyword = _phrase_index(languages)
    found = set(always)
    for keyword, indices in by_keyword.items():
        if keyword in folded:
            found.update(indices)
    return tuple(phrases[i] for i in sorted(found))


@functools.lru_cache(maxsize=16)
def _phrase_index(
    languages: tuple[str, ...],
) -> tuple[tuple[int, ...], dict[str, tuple[int, ...]]]:
    """The anywhere-phrases without a safe keyword (always looked for), and each keyword -> the
    phrases holding it, by position."""
    phrases = leftover_patterns(languages).anywhere
    always = tuple(i for i, p in enumerate(phrases) if "" in p.keywords)
    by_keyword: dict[str, list[int]] = {}
    for i, p in enumerate(phrases):
        for keyword in p.keywords:
            if keyword:
                by_keyword.setdefault(keyword, []).append(i)
    return always, {k: tuple(v) for k, v in by_keyword.items()}


@functools.lru_cache(maxsize=16)
def _anchor_pattern(anchors: frozenset[str]) -> re.Pattern[str]:
    return literal_pattern(anchors)


@functools.lru_cache(maxsize=16)
def _keyword_prefixes(keywords: frozenset[str]) -> dict[str, frozenset[str]]:
    """Each non-empty keyword -> the keywords it begins with (itself included)."""
    words = [k for k in keywords if k]
    return {w: frozenset(k for k in words if w.startswith(k)) for w in words}


#: ASCII letters from the most to the least common in news text; the others are rarer still
_COMMON_LETTERS = "enirtasodlhucmgbfpkwvzyjqx"
_ANCHOR_LENGTH = 4  # an anchor this long is seldom found where its keyword is not


@functools.lru_cache(maxsize=16)
def _keyword_anchors(keywords: frozenset[str]) -> dict[str, tuple[tuple[str, int], ...]]:
    """Each anchor -> the keywords holding it and where: an anchor is the tail of a keyword
    (``_ANCHOR_LENGTH`` letters or more, or the whole keyword) that begins with one of a few
    uncommon letters.

    Scanning for the anchors instead of the keywords stops at far fewer places. The letters
    are found by leaving out the most common ones while every keyword keeps a place to begin.
    """
    words = sorted(k for k in keywords if k)

    def starts(word: str) -> range:
        return range(len(word) - min(_ANCHOR_LENGTH, len(word)) + 1)

    def commonness(letter: str) -> int:
        at = _COMMON_LETTERS.find(letter)
        return 0 if at < 0 else len(_COMMON_LETTERS) - at

    letters = {word[j] for word in words for j in starts(word)}
    for letter in _COMMON_LETTERS:
        fewer = letters - {letter}
        if all(any(word[j] in fewer for j in starts(word)) for word in words):
            letters = fewer
    anchors: dict[str, list[tuple[str, int]]] = {}
    for word in words:
        offset = min(
            (j for j in starts(word) if word[j] in letters),
            key=lambda j: (commonness(word[j]), j),
        )
        anchors.setdefault(word[offset:], []).append((word, offset))
    return {anchor: tuple(found) for anchor, found in anchors.items()}


def ask_for_voice(languages: tuple[str, ...]) -> None:
    """Have the document scan look for the voice words :func:`lines_that_may_speak` reads."""
    ask(("voice", languages, SPEAKING_CUES), lambda: voice_needs(languages, SPEAKING_CUES))


def lines_that_may_speak(lines: Lines, languages: tuple[str, ...]) -> set[int]:
    """The lines that may hold what the voice rules report (``shapes.may_speak``): one scan of
    the document for the words of the sections it reads (:mod:`newsclean.scanner`), then its
    condition on each line that holds any, with "holds a word the section's entries need" for
    "has an entry of the section". A superset: a line left out has no such entry."""
    ask_for_voice(languages)
    found = document_scan(lines.draft)
    blocks = lines.draft.blocks
    out: set[int] = set()
    for index, kinds in found.by_line.items():
        # the scan is shared: a line that holds only other filters' words holds no voice word
        if (
            0 <= index < len(blocks)
            and not _VOICE_KINDS.isdisjoint(kinds)
            and speaking_cues(blocks[index].text, _holds(kinds))
        ):
            out.add(index)
    # a label of any words decides without a section's word: every line that starts with one
    out.update(b.index for b in blocks if _may_label(b.text) and label_head(b.text))
    # the document's first and last lines: a generic field label needs no cue word at all
    if blocks:
        out.update((0, len(blocks) - 1))
    return out


def _may_label(text: str) -> bool:
    """Whether a line's start has room for :func:`label_head`: its colon or full stop comes
    within the label's reach (:data:`newsclean.filters.shapes.LABEL_HEAD_REACH` characters)."""
    head = text[:LABEL_HEAD_REACH]
    return ":" in head or "." in head


#: the kinds of the voice words the condition reads
_VOICE_KINDS = frozenset(voice_kind(section) for section in SPEAKING_CUES)


def _holds(kinds: frozenset[str]) -> Callable[[str], bool]:
    """Whether a line with ``kinds`` holds the words of a voice section's entries."""

    def has(section: str) -> bool:
        return voice_kind(section) in kinds

    return has


# ---------------------------------------------------------------------------------------------
# leftovers at the start of a line: the phrases a first word allows


@functools.lru_cache(maxsize=4096)
def _start_pattern_for(languages: tuple[str, ...], word: str) -> Pattern | None:
    """The start pattern for a line whose first word is ``word``, or None when none can match.

    A phrase matches only a line whose first word begins with one of the phrase's first
    words: the letters ``regex`` takes for those of the phrase files when it ignores case are
    the letters that ``str.casefold`` folds to them, save "İ", which folds to "i" and a
    combining dot, so a first word with that dot gets every phrase.
    """
    pats = leftover_patterns(languages)
    prefixes = {word[:n] for n in range(1, min(len(word), pats.longest_first) + 1)}
    firsts = prefixes.intersection(pats.first_words)
    if not firsts:
        return None
    if "\u0307" in word:
        return pats.start
    return start_pattern(languages, frozenset(firsts))


def _first_word(text: str) -> str:
    """The first run of letters in the first 200 characters, case-folded."""
    start = -1
    for i, ch in enumerate(text[:200]):
        if ch.isalpha():
            if start < 0:
                start = i
        elif start >= 0:
            return text[start:i].casefold()
    return text[start:200].casefold() if start >= 0 else ""


# ---------------------------------------------------------------------------------------------
# code and programming context


#: every code signal and command-line flag needs one of these; most lines of prose have none
_CODE_CUE_RE = compile_pattern(
    r"[;{}=&|(<-]|console\.|^\s|^[$#>%]|^(?:def|class|import|from|return|var|let|const|function"
    r"|public|private|static|if|for|while)"
)


#: a code signal holds one of these, or starts its line with a space or one of
#: ``_CODE_LINE_STARTS`` (a prompt, ``<?php``, a keyword) after spaces
_CODE_LINE_MARKS = (
    ";",
    "{",
    "}",
    "<",
    "->",
    "()",
    "==",
    "!=",
    "&&",
    "||",
    "+=",
    ":=",
    "=>",
    "console.",
    "print",
)
_CODE_LINE_STARTS = (
    "$",
    "#",
    ">",
    "%",
    "<",
    "def",
    "class",
    "import",
    "from",
    "return",
    "var",
    "let",
    "const",
    "function",
    "public",
    "private",
    "static",
    "if",
    "for",
    "while",
)


def _may_hold_code_signal(line: str) -> bool:
    """False when ``_CODE_LINE_RE`` cannot match ``line``: most lines of prose (a few substring
    tests instead of a pattern tried at every position).

    Every whitespace the pattern knows is ``str.isspace``, so ``lstrip`` passes at least the
    spaces the pattern may skip at the start of the line.
    """
    if line[:1].isspace() or line.lstrip().startswith(_CODE_LINE_STARTS):
        return True
    return any(mark in line for mark in _CODE_LINE_MARKS)


def gated_code_like(line: str, timeout: float | None) -> bool:
    """:func:`~newsclean.filters.templates.rules._code_like`, trying the patterns only on a
    line that holds what they need."""
    if search_pattern(_CODE_CUE_RE, line, timeout=timeout) is None:
        return False
    if _may_hold_code_signal(line) and search_pattern(_CODE_LINE_RE, line, timeout=timeout):
        return True
    flags = itertools.islice(finditer(_CLI_FLAG_RE, line, timeout=timeout), 2)
    return sum(1 for _ in flags) >= 2


def _term_start(term: str) -> str:
    """The letters a programming term begins with (less one followed by "?"), or its first two
    characters ("c#")."""
    letters = len(term) - len(term.lstrip("abcdefghijklmnopqrstuvwxyz"))
    if term[letters : letters + 1] == "?":
        letters -= 1
    return term[:letters] if letters >= 2 else term.replace("\\", "")[:2]


#: what a match of ``_PROGRAMMING_RE`` begins with, lower-cased
_PROGRAMMING_STARTS = literal_pattern(
    frozenset(_term_start(t) for t in _PROGRAMMING_TERMS), after_lowercase=False
)


def gated_programming_matches(text: str, timeout: float | None) -> Iterator[Match]:
    """The matches of ``_PROGRAMMING_RE`` in ``text``, as ``finditer`` gives them.

    The pattern is tried only where the lower-cased text holds the start of a term. Every
    letter the pattern takes for an ASCII letter when it ignores case lower-cases to that
    letter, save "ſ" (kept as it is, so replaced by "s") and "İ", whose lower case is longer:
    when lower-casing keeps the length, a match lies where it does in the lower-cased text.
    No character but a word character lower-cases to an ASCII letter, so a match never
    follows one there.
    """
    lowered = text.lower().replace("ſ", "s")
    if len(lowered) != len(text):
        yield from finditer(_PROGRAMMING_RE, text, timeout=timeout)
        return
    end = 0
    for at, _ in literal_starts(_PROGRAMMING_STARTS, lowered):
        if at < end:
            continue
        found = match_pattern(_PROGRAMMING_RE, text, pos=at, timeout=timeout)
        if found is not None:
            yield found
            end = found.end()


def may_hold_filler(line: str) -> bool:
    """Whether a line holds a cue of the filler patterns other than lorem ipsum."""
    return any(cue in line for cue in _FILLER_CUES)


def may_hold_lorem(line: str) -> bool:
    """Whether a line holds a lorem cue in any letter case."""
    return _LOREM_CUE_RE.search(line) is not None
