"""One scan of a document for the literals of the language packs: which lines hold which kinds.

The gates of the filters skip a line only when it lacks every word a rule needs. Instead of each
gate looking at each line on its own, one multi-literal automaton (Aho-Corasick) built from the
packs' words runs once over the case-folded document and says, for every line, which kinds of
literal it holds (:meth:`Scanner.scan`). A kind is a name a gate chooses (``voice:offer``: a word
of the voice file's ``[offer]`` section), each literal says where it must stand:

``word``
    a whole word: no word character (``\\w``) right before or after it
``stem``
    the start of a word: none right before it ("überarbeit" of "überarbeitete")
``ending``
    the end of a word: none right after it ("text" of "Nachrichtentext")
``part``
    anywhere, inside a word too ("minister" of "2minister", "Premierminister")

The literals are case-folded and found in the case-folded text, where a word of the text is
the case fold of the word as written: a gate that needs a word whose lower case is a literal
finds it, whatever its letter case (a word character never folds to a non-word one at its
edges, nor the other way round, so a word's edges stay edges). A scan is a superset: a line it
names may still lack the word the gate needs; a line it does not name lacks it.

The automaton is the compiled ``ahocorasick_rs`` library when it is installed. Its pure-Python
twin (:class:`PlainMatcher`: ``str.find`` for each literal) gives the same matches; it runs on
the plain path (``Pipeline(plain=True)``, ``NEWSCLEAN_PLAIN=1``) and when the library is missing.
The filters share one scan per document (:func:`document_scan`): each names the literals it asks
about once per process (:func:`ask`, a key and the needs it stands for, read from the packs or the
knowledge base), and the scanner of the process holds every source named so far; the scan of a
draft is made by the first filter that asks and kept with the draft's derived values.
:func:`pack_scanner` is a scanner of the voice words alone, for chosen languages and sections
(what the tests compare with its pure-Python twin); both are built again when the extra packs
(``NEWSCLEAN_LANG_PATH``) change.

>>> s = Scanner([Need.one("offer", "let me know"), Need.one("noun", "text", "ending")])
>>> found = s.scan("Hi.\\nLet me know!\\nThe Nachrichtentext.\\nContext")
>>> sorted(found.kinds_of(1)), sorted(found.kinds_of(2)), sorted(found.kinds_of(3))
(['offer'], ['noun'], ['noun'])
>>> found.lines("offer")
{1}
"""

from __future__ import annotations

import bisect
import functools
import importlib
import itertools
from collections.abc import Callable, Hashable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from importlib import metadata
from typing import Any
from typing import Literal as Mode

import regex

from newsclean._patterns import is_plain
from newsclean.draft import Draft
from newsclean.lang import lang_path
from newsclean.voice import voice_table


def _load_compiled() -> Any:
    """The compiled automaton's module; without it (None) the pure-Python twin finds the same
    matches."""
    try:
        return importlib.import_module("ahocorasick_rs")
    except ImportError:  # pragma: no cover - a core dependency that may be missing on a platform
        return None


_compiled: Any = _load_compiled()
#: the automaton's layout: of ahocorasick-rs's three, the contiguous NFA scans the packs'
#: literals about a seventh faster than the noncontiguous one and builds as fast, at no
#: measurable memory; the DFA is faster still but takes megabytes per automaton
IMPLEMENTATION = "ContiguousNFA"

#: a word character, as the word patterns of the rules take it
_WORD_CHAR = regex.compile(r"\w")
_ASCII_WORD = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_")
_ASCII_OTHER = frozenset(chr(i) for i in range(128)) - _ASCII_WORD


@functools.lru_cache(maxsize=4096)
def _is_word_char(char: str) -> bool:
    if char in _ASCII_WORD:
        return True
    if char in _ASCII_OTHER:
        return False
    return _WORD_CHAR.match(char) is not None


#: where a literal must stand (see the module's docstring)
Where = Mode["word", "stem", "ending", "part"]


@dataclass(frozen=True, slots=True)
class Literal:
    """A literal, and where it must stand (``word``, ``stem``, ``ending`` or ``part``)."""

    text: str
    mode: Where = "word"


@dataclass(frozen=True, slots=True)
class Need:
    """A line holds ``kind`` when it holds every literal of a need of that kind."""

    kind: str
    literals: tuple[Literal, ...]

    @classmethod
    def one(cls, kind: str, text: str, mode: Where = "word") -> Need:
        return cls(kind, (Literal(text, mode),))


class PlainMatcher:
    """Every occurrence of every literal, overlapping ones too: ``str.find`` for each literal,
    the twin of the compiled automaton."""

    def __init__(self, literals: Sequence[str]) -> None:
        self.literals = tuple(literals)

    def find_matches_as_indexes(
        self, text: str, overlapping: bool = True
    ) -> list[tuple[int, int, int]]:
        out: list[tuple[int, int, int]] = []
        for index, literal in enumerate(self.literals):
            size = len(literal)
            find = text.find
            at = find(literal)
            while at >= 0:
                out.append((index, at, at + size))
                at = find(literal, at + 1)
        return out


def compiled_available() -> bool:
    """Whether the compiled automaton (``ahocorasick_rs``) is installed."""
    return _compiled is not None


def scanner_name(plain: bool = False) -> str:
    """The scanner a draft uses: the compiled library and its version, or pure Python (on the
    plain path, or when the library is missing)."""
    if _compiled is None:
        return "pure Python (str.find per literal; ahocorasick-rs is not installed)"
    if plain:
        return "pure Python (str.find per literal: the plain path's twin)"
    try:
        version = metadata.version("ahocorasick-rs")
    except metadata.PackageNotFoundError:  # pragma: no cover - imported but not installed
        version = "(version unknown)"
    return f"ahocorasick-rs {version} (compiled Aho-Corasick automaton)"


class Scanner:
    """An automaton over the literals of a set of needs (case-folded), and what each means."""

    def __init__(self, needs: Iterable[Need], *, compiled: bool | None = None) -> None:
        index_of: dict[tuple[str, str], int] = {}
        groups: list[tuple[str, int]] = []  # need -> (kind, how many distinct literals)
        members: dict[int, list[int]] = {}  # literal -> the needs holding it
        spelled: dict[int, tuple[str, ...]] = {}
        for need in needs:
            mine: set[int] = set()
            for lit in need.literals:
                key = (lit.text.casefold(), lit.mode)
                if not key[0]:
                    continue
                mine.add(index_of.setdefault(key, len(index_of)))
            if not mine:
                continue
            for index in mine:
                members.setdefault(index, []).append(len(groups))
            groups.append((need.kind, len(mine)))
        texts: list[str] = []
        owner: list[int] = []  # automaton literal -> literal
        check_before: list[bool] = []
        check_after: list[bool] = []
        for (text, mode), index in sorted(index_of.items()):
            spelled[index] = _spellings(text)
            for spelling in spelled[index]:
                texts.append(spelling)
                owner.append(index)
                # a literal's own edge that is not a word character needs nothing around it
                # ("l'" before "article")
                check_before.append(mode in ("word", "stem") and _is_word_char(spelling[0]))
                check_after.append(mode in ("word", "ending") and _is_word_char(spelling[-1]))
        self.texts: tuple[str, ...] = tuple(texts)
        self.owner = tuple(owner)
        self.check_before = tuple(check_before)
        self.check_after = tuple(check_after)
        self.groups = tuple(groups)
        self.members = {index: tuple(found) for index, found in members.items()}
        # a literal that is a need on its own: its kinds, found without counting
        self.alone: dict[int, frozenset[str]] = {}
        for index, found in self.members.items():
            kinds = frozenset(groups[g][0] for g in found if groups[g][1] == 1)
            if kinds:
                self.alone[index] = kinds
        self.plain = PlainMatcher(self.texts)
        use = compiled_available() if compiled is None else compiled and compiled_available()
        self.automaton: Any = (
            _compiled.AhoCorasick(
                self.texts,
                matchkind=_compiled.MatchKind.Standard,
                implementation=getattr(_compiled.Implementation, IMPLEMENTATION),
            )
            if use and self.texts
            else None
        )

    @property
    def compiled(self) -> bool:
        return self.automaton is not None

    def matches(self, folded: str, *, plain: bool | None = None) -> list[tuple[int, int, int]]:
        """Every ``(literal, start, end)`` in ``folded`` (case-folded text) that stands where its
        literal must, overlapping ones too, sorted (``literal`` indexes :attr:`texts`).
        ``plain`` (default: the plain path's switch) takes the pure-Python twin."""
        return sorted(self._kept(folded, plain))

    def _kept(self, folded: str, plain: bool | None) -> Iterator[tuple[int, int, int]]:
        plain = is_plain() if plain is None else plain
        found_all: list[tuple[int, int, int]] | None = None
        if not plain and self.automaton is not None:
            try:
                found_all = self.automaton.find_matches_as_indexes(folded, overlapping=True)
            except UnicodeEncodeError:  # a lone surrogate, which the library cannot take
                found_all = None
        if found_all is None:
            found_all = self.plain.find_matches_as_indexes(folded, overlapping=True)
        before, after = self.check_before, self.check_after
        size = len(folded)
        word = _is_word_char
        for found in found_all:
            index, start, end = found
            if before[index] and start and word(folded[start - 1]):
                continue
            if after[index] and end < size and word(folded[end]):
                continue
            yield found

    def scan(
        self, text: str, *, folded: tuple[str, list[int]] | None = None, plain: bool | None = None
    ) -> DocumentScan:
        """Which lines of ``text`` hold which kinds. ``folded``: the case-folded text and where
        each line starts in it, when the caller has them (lines are the text's lines)."""
        if folded is None:
            parts = [line.casefold() for line in text.split("\n")]
            starts = list(itertools.accumulate((len(p) + 1 for p in parts), initial=0))[:-1]
            folded = ("\n".join(parts), starts)
        fold, starts = folded
        owner = self.owner
        held: dict[int, set[int]] = {}  # line -> the literals it holds
        where = bisect.bisect_right
        for index, start, _ in self._kept(fold, plain):
            line = where(starts, start) - 1
            got = held.get(line)
            if got is None:
                held[line] = {owner[index]}
            else:
                got.add(owner[index])
        by_line: dict[int, frozenset[str]] = {}
        alone, members, groups = self.alone, self.members, self.groups
        for line, literals in held.items():
            kinds: set[str] = set()
            counts: dict[int, int] = {}
            for index in literals:
                kinds.update(alone.get(index, ()))
                for group in members[index]:
                    kind, size = groups[group]
                    if size > 1 and kind not in kinds:
                        counts[group] = count = counts.get(group, 0) + 1
                        if count == size:
                            kinds.add(kind)
            if kinds:
                by_line[line] = frozenset(kinds)
        return DocumentScan(by_line)


def _spellings(text: str) -> tuple[str, ...]:
    """A folded literal as it may be written: an apostrophe also as a typographic one."""
    if "'" in text:
        return (text, text.replace("'", "\u2019"))
    return (text,)


@dataclass(frozen=True, slots=True)
class DocumentScan:
    """What one scan found: line -> the kinds of literal it holds (lines with none left out)."""

    by_line: dict[int, frozenset[str]]

    def kinds_of(self, line: int) -> frozenset[str]:
        return self.by_line.get(line, frozenset())

    def lines(self, kind: str) -> set[int]:
        return {line for line, kinds in self.by_line.items() if kind in kinds}


# ---------------------------------------------------------------------------------------------
# the packs' literals


def voice_kind(section: str) -> str:
    """The kind of the words of a voice section (``voice:offer``)."""
    return f"voice:{section}"


#: how many of an entry's words a line must hold for the entry to be looked for: its longest
#: ones (a necessary condition; more literals, more matches to count)
_ENTRY_LITERALS = 2
_LONG = 3


def voice_needs(languages: tuple[str, ...], sections: frozenset[str]) -> list[Need]:
    """For each entry of ``sections`` in the voice files of ``languages``, literals every match
    of it holds: its longest words, whole, or a stem it begins with or an ending, whole (a word
    of an entry is matched equal, a stem at the start of a word, an ending at its end, see
    :func:`newsclean.voice._same`), lower-cased: a line without them holds no match of it."""
    table = voice_table(languages)
    out: list[Need] = []
    for section in sorted(sections):
        kind = voice_kind(section)
        for keyed in (table.index, table.stems, table.endings):
            for candidates in keyed.get(section, {}).values():
                for entry, _exact, _lang in candidates:
                    out.append(Need(kind, _needed(entry)))
    return out


def _needed(entry: tuple[str, ...]) -> tuple[Literal, ...]:
    """The longest of what an entry's words need: whole words, stems or endings."""
    options: set[Literal] = set()
    for word in entry:
        if word.endswith("*") and len(word) > 1:
            options.add(Literal(word[:-1].lower(), "stem"))
        elif word.startswith("*") and len(word) > 1:
            options.add(Literal(word[1:].lower(), "ending"))
        else:
            options.add(Literal(word.lower(), "word"))
    ranked = sorted(options, key=lambda lit: (-len(lit.text), lit.text, lit.mode))
    # a short word is everywhere: more matches to count than lines it rules out
    more = [lit for lit in ranked[1:] if len(lit.text) >= _LONG]
    return tuple(ranked[:1] + more[: _ENTRY_LITERALS - 1])


def pack_scanner(languages: tuple[str, ...], voice_sections: frozenset[str]) -> Scanner:
    """The scanner of the packs' literals the gates ask about, one per process for the same
    languages and sections; built anew when ``NEWSCLEAN_LANG_PATH`` names other packs."""
    return _pack_scanner(lang_path(), tuple(languages), frozenset(voice_sections))


@functools.lru_cache(maxsize=8)
def _pack_scanner(
    extra: tuple[str, ...], languages: tuple[str, ...], voice_sections: frozenset[str]
) -> Scanner:
    del extra  # a key of the cache: the packs read are those it names
    return Scanner(voice_needs(languages, voice_sections))


# ---------------------------------------------------------------------------------------------
# one scan per document, shared by the filters

#: the sources of literals the filters of this process asked about, by the extra packs in use
#: (``NEWSCLEAN_LANG_PATH``) and the source's key: their needs, read when first asked
_SOURCES: dict[tuple[tuple[str, ...], Hashable], tuple[Need, ...]] = {}


def ask(key: Hashable, needs: Callable[[], Iterable[Need]]) -> None:
    """Have the shared scanner look for ``needs()`` under ``key``, which names what they are
    read from (a filter's file, its languages): a filter asks in its ``prepare()`` and again
    before each scan (a source already named costs a look-up; its needs are read once, with
    the packs in use). A kind two sources both name is held where either's literals are (each
    source names kinds of its own, or the same words for the same kind)."""
    named = (lang_path(), key)
    if named not in _SOURCES:
        _SOURCES[named] = tuple(needs())


def _in_use() -> frozenset[tuple[tuple[str, ...], Hashable]]:
    extra = lang_path()
    return frozenset(named for named in _SOURCES if named[0] == extra)


def shared_scanner() -> Scanner:
    """The scanner of every source asked for so far in this process with the packs in use,
    built anew when another source is named."""
    return _shared_scanner(_in_use())


@functools.lru_cache(maxsize=8)
def _shared_scanner(named: frozenset[tuple[tuple[str, ...], Hashable]]) -> Scanner:
    order = sorted(named, key=repr)  # the same automaton whatever order the sources came in
    return Scanner(itertools.chain.from_iterable(_SOURCES[key] for key in order))


def document_fold(draft: Draft) -> tuple[str, list[int]]:
    """The case-folded text of a draft and where each block starts in it, once per document.

    Case folding maps each character on its own and never makes or takes a line break, so a
    block's fold is its line of the folded text. When folding keeps every length the offsets
    are those of the text; otherwise the blocks' folds are joined by line breaks.
    """

    def fold() -> tuple[str, list[int]]:
        folded = draft.text.casefold()
        if len(folded) == len(draft.text):
            return folded, [b.span[0] for b in draft.blocks]
        parts = [b.text.casefold() for b in draft.blocks]
        starts = list(itertools.accumulate((len(x) + 1 for x in parts), initial=0))
        return "\n".join(parts), starts[:-1]

    return draft.cached("scanner.fold", fold)


def document_scan(draft: Draft) -> DocumentScan:
    """Which blocks of a draft hold which kinds, for every source asked for (:func:`ask`): one
    scan per document, made by the first filter that asks (the draft's blocks do not change
    after normalization). Its lines are block indexes."""
    named = _in_use()
    scanner = _shared_scanner(named)
    return draft.cached(
        ("scanner.scan", named),
        lambda: scanner.scan(draft.text, folded=document_fold(draft)),
    )
