"""The words that introduce record fields, per language (``data/lang/<xx>/record.txt``).

Each file has ``[section]`` headers and one phrase a line: ``byline`` (what a byline starts with),
``joiner`` (what stands between two names), ``published`` and ``updated`` (labels before a date),
``writer`` (words after a name that make the line a byline).
"""

from __future__ import annotations

import functools

from newsclean._patterns import data_files, phrase_lines
from newsclean.errors import PatternDataError

SECTIONS = ("byline", "joiner", "published", "updated", "writer")


def record_languages() -> tuple[str, ...]:
    """The languages with a ``record.txt``."""
    return tuple(
        lang for lang in data_files_in("lang") if "record.txt" in data_files(f"lang/{lang}")
    )


def data_files_in(folder: str) -> list[str]:
    """The sub-folders of a data folder, sorted."""
    from importlib import resources

    base = resources.files("newsclean").joinpath("data").joinpath(folder)
    return sorted(p.name for p in base.iterdir() if p.is_dir())


@functools.lru_cache(maxsize=64)
def record_words(lang: str) -> dict[str, tuple[str, ...]]:
    """The phrases of one language by section, case-folded, longest first.

    >>> "by" in record_words("en")["byline"]
    True
    """
    relative = f"lang/{lang}/record.txt"
    out: dict[str, list[str]] = {s: [] for s in SECTIONS}
    section: str | None = None
    for lineno, line in phrase_lines(relative):
        if line.startswith("[") and line.endswith("]"):
            section = line[1:-1].strip()
            if section not in out:
                msg = f"data/{relative}:{lineno}: unknown section {line}; sections: {SECTIONS}"
                raise PatternDataError(msg)
            continue
        if section is None:
            msg = f"data/{relative}:{lineno}: a phrase before the first [section]"
            raise PatternDataError(msg)
        out[section].append(line.casefold())
    return {s: tuple(sorted(set(v), key=lambda p: (-len(p), p))) for s, v in out.items()}


@functools.lru_cache(maxsize=8)
def all_record_words(section: str) -> tuple[str, ...]:
    """One section's phrases of every language, longest first."""
    merged = {p for lang in record_languages() for p in record_words(lang)[section]}
    return tuple(sorted(merged, key=lambda p: (-len(p), p)))
