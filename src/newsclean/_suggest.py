"""Did-you-mean hints for names nobody understands (options, codes, fields)."""

from __future__ import annotations

from collections.abc import Iterable

from rapidfuzz import process, utils


def nearest(word: str, choices: Iterable[str], *, limit: int = 3, cutoff: float = 60) -> list[str]:
    """The choices closest to ``word``, best first.

    >>> nearest("titel", ["title", "text", "url"])
    ['title']
    """
    found = process.extract(
        word, list(choices), processor=utils.default_process, score_cutoff=cutoff, limit=limit
    )
    return [choice for choice, _, _ in found]


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """`` Did you mean 'x'?`` (with a leading space), or an empty string.

    >>> did_you_mean("titel", ["title", "text"])
    " Did you mean 'title'?"
    """
    best = nearest(word, choices, limit=1, cutoff=70)
    return f" Did you mean {best[0]!r}?" if best else ""
