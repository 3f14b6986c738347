"""Language packs: everything one language needs, in one folder, read by one loader.

``data/lang/<xx>/`` holds, one entry a line, ``#`` comments, and a header saying where the entries
came from:

``boilerplate.txt``
    the phrase catalogue (``phrase<TAB>category``), see :mod:`newsclean.filters.boilerplate`
``stopwords.txt``
    function words of the block classifier; ``word<TAB>headline`` also for the headline check
``headline-stopwords.txt``
    words only the headline check skips
``leftovers.txt``
    leftovers of a text-generation step (``pattern<TAB>start|anywhere``)
``months.txt``, ``weekdays.txt``
    calendar names with their numbers (``name<TAB>number``)
``dates.txt``
    how the language orders a date written in numbers (``d/m/y``, ``m/d/y``; one form a line,
    with its separator): a date its forms read two ways is left unread
``bylines.txt``
    byline words (``words<TAB>start|label|joiner``)
``navigation.txt``
    navigation labels ("Read more") and the nouns that may follow one (``word<TAB>noun``)
``titles.txt``
    office titles by kind (``title<TAB>kind``)
``places.txt``
    names of countries and organisations, their short forms and demonyms (``name<TAB>code``)
``facts.txt``
    the words the fact checks read around a mention, in sections (``[name]``): would-be, future,
    conditional and retrospective markers, nationality adjectives (``adjective<TAB>place code``);
    and the words of their patterns: a title's modifiers (``former<TAB>former``, ``ex``,
    ``-elect``), the article before one, the prepositions before a place, the words of a date
    (weekday articles, ordinal endings, "de" before a month or year), a dateline's labels, the
    honorifics, suffixes and inflectional endings of names; see
    :mod:`newsclean.filters.facts.lexicon` (the name particles are ``record.txt``'s)
``voice.txt``
    the words of the structural leftover rules, in sections (``[first_person]``, ``[reader]``,
    ...): assistant voice, bracket slots, journalists' placeholders, the labels, prepositions and
    units around a leaked value (``[value_labels]``, ``[date_prepositions]``, ``[unit_words]``),
    the ends of contractions that stay one word (``[contractions]``), see :mod:`newsclean.voice`

A file a language does not need may be missing. Adding a language is adding a folder: the
languages are the folders. Packs outside the package are read from the folders named in the
environment variable ``NEWSCLEAN_LANG_PATH`` (separated like ``PATH``), each holding ``<xx>/``
folders; a folder of a bundled language adds its entries to the bundled ones. The variable is read
when language data is first needed in a process, so set it before that (worker processes inherit
it).
"""

from __future__ import annotations

import functools
import os
from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Protocol

from newsclean.errors import PatternDataError

#: the environment variable naming folders of extra language packs
LANG_PATH_ENV = "NEWSCLEAN_LANG_PATH"


class _Readable(Protocol):
    """What the loader needs of a folder or file, bundled or on disk."""

    @property
    def name(self) -> str: ...

    def is_dir(self) -> bool: ...

    def is_file(self) -> bool: ...

    def iterdir(self) -> Iterator[_Readable]: ...

    def joinpath(self, child: str, /) -> _Readable: ...

    def read_text(self, encoding: str | None = None) -> str: ...


@dataclass(frozen=True, slots=True)
class Entry:
    """One entry of a pack file: its text and tag (the parts around a tab) and where it is."""

    text: str
    tag: str
    source: str  # "lang/en/boilerplate.txt" for a bundled pack, the file's path for another
    line: int

    @property
    def where(self) -> str:
        """``source:line``, as provenance and error messages name a data line."""
        return f"{self.source}:{self.line}"


def lang_path() -> tuple[str, ...]:
    """The extra pack folders named by :data:`LANG_PATH_ENV`, in order."""
    value = os.environ.get(LANG_PATH_ENV, "")
    return tuple(p for p in value.split(os.pathsep) if p)


@functools.cache
def _packs(extra: tuple[str, ...]) -> dict[str, tuple[tuple[str, _Readable], ...]]:
    """Each language's folders, bundled first: ``(source prefix, folder)``."""
    bundled: _Readable = resources.files("newsclean").joinpath("data").joinpath("lang")
    roots: list[tuple[str | None, _Readable]] = [(None, bundled)]
    for folder in extra:
        path = Path(folder)
        if not path.is_dir():
            msg = f"{LANG_PATH_ENV}: {folder!r} is not a folder"
            raise PatternDataError(msg)
        roots.append((folder, path))
    packs: dict[str, list[tuple[str, _Readable]]] = {}
    for root, base in roots:
        for pack in sorted(base.iterdir(), key=lambda p: p.name):
            if not pack.is_dir() or pack.name.startswith((".", "_")):
                continue
            prefix = f"lang/{pack.name}" if root is None else str(Path(root) / pack.name)
            packs.setdefault(pack.name, []).append((prefix, pack))
    return {lang: tuple(folders) for lang, folders in sorted(packs.items())}


def languages() -> tuple[str, ...]:
    """The languages with a pack, sorted: ``('de', 'en', 'es', ...)``."""
    return tuple(_packs(lang_path()))


def languages_with(name: str) -> tuple[str, ...]:
    """The languages a pack of which has the file ``name`` (``"stopwords.txt"``), sorted."""
    return _languages_with(lang_path(), name)


@functools.lru_cache(maxsize=64)
def _languages_with(extra: tuple[str, ...], name: str) -> tuple[str, ...]:
    return tuple(
        lang
        for lang, folders in _packs(extra).items()
        if any(folder.joinpath(name).is_file() for _, folder in folders)
    )


def entries(lang: str, name: str) -> tuple[Entry, ...]:
    """The entries of ``name`` (``"months.txt"``) in the packs of ``lang``, in file order
    (nothing when no pack of the language has the file)."""
    return _entries(lang_path(), lang, name)


@functools.lru_cache(maxsize=256)
def _entries(extra: tuple[str, ...], lang: str, name: str) -> tuple[Entry, ...]:
    packs = _packs(extra)
    if lang not in packs:
        msg = f"no language pack {lang!r}; available: {', '.join(packs)}"
        raise PatternDataError(msg)
    out: list[Entry] = []
    for prefix, folder in packs[lang]:
        file = folder.joinpath(name)
        if file.is_file():
            out += parse_lines(file.read_text(encoding="utf-8"), f"{prefix}/{name}")
    return tuple(out)


def parse_lines(text: str, source: str) -> Iterator[Entry]:
    """The entries of a pack file's ``text``: non-empty lines that are not ``#`` comments, each
    split at its one tab at most."""
    for lineno, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.count("\t") > 1:
            msg = f"{source}:{lineno}: at most one tab (entry<TAB>tag) per line"
            raise PatternDataError(msg)
        value, _, tag = line.partition("\t")
        yield Entry(value.strip(), tag.strip(), source, lineno)


def all_entries(name: str, langs: Iterable[str] | None = None) -> Iterator[Entry]:
    """The entries of ``name`` in every pack (or those of ``langs``), language by language."""
    for lang in languages() if langs is None else langs:
        yield from entries(lang, name)


def tagged(name: str, tag: str, langs: Iterable[str] | None = None) -> tuple[str, ...]:
    """The entries of ``name`` with ``tag``, in every pack, distinct, in pack order."""
    return tuple(dict.fromkeys(e.text for e in all_entries(name, langs) if e.tag == tag))


def sections(lang: str, name: str, known: Collection[str]) -> dict[str, tuple[Entry, ...]]:
    """The entries of a pack file in sections (``[name]`` header lines), by section: every
    section of ``known``, empty when the file lacks it. A header not in ``known``, or an entry
    before the first header, is an error naming its line."""
    out: dict[str, list[Entry]] = {s: [] for s in known}
    current: list[Entry] | None = None
    for entry in entries(lang, name):
        if entry.text.startswith("[") and entry.text.endswith("]") and not entry.tag:
            header = entry.text[1:-1].strip()
            if header not in out:
                msg = f"{entry.where}: unknown section {entry.text}; known: {', '.join(known)}"
                raise PatternDataError(msg)
            current = out[header]
            continue
        if current is None:
            msg = f"{entry.where}: an entry before the first [section]"
            raise PatternDataError(msg)
        current.append(entry)
    return {s: tuple(v) for s, v in out.items()}


def section(lang: str, name: str, wanted: str) -> tuple[Entry, ...]:
    """The entries of one section (``[wanted]``) of a pack file, empty when it lacks it, without
    checking the names of the others: for a module that reads one section of a file another
    module owns (and checks with :func:`sections`)."""
    out: list[Entry] = []
    inside = False
    for entry in entries(lang, name):
        if entry.text.startswith("[") and entry.text.endswith("]") and not entry.tag:
            inside = entry.text[1:-1].strip() == wanted
        elif inside:
            out.append(entry)
    return tuple(out)
