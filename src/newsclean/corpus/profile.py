"""Learned site boilerplate: lines a site repeats across many of its documents.

:func:`learn_profile` reads records once, in order, and counts for every site (the ``site`` field,
else the host of ``url``, without a leading ``www.``: :func:`~newsclean.record.site_of`, case
folded) in how many of its documents each line occurs. Lines are grouped by a *signature* with
digits masked, so "© 2024 Example News" and "© 2025 Example News" count as one.

Memory is bounded: at most ``max_entries`` (site, signature) counters are held. When the table is
full, the Misra-Gries step frees half of it (every count is lowered by the same amount and those
at zero are dropped), so a count is a lower bound, short by at most the total lowered (reported as
``count_floor``), and a line in a large share of the documents is never lost.
Each entry costs about 300 bytes (a signature of at most ``max_line_chars`` characters, a count and
the dictionary slot): the default 100 000 entries stay under about 30 MB, whatever the corpus
size. The result depends only on the records and their order: the same input gives the same
profile, byte for byte.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsclean._patterns import DEFAULT_TIMEOUT, compile_pattern
from newsclean.errors import ConfigError
from newsclean.record import site_of

FORMAT = "newsclean-site-profile"
VERSION = 1

DIGITS_RE = compile_pattern(r"\d+(?:[.,:/-]\d+)*")


def line_signature(text: str, timeout: float | None = DEFAULT_TIMEOUT) -> str:
    """A line with case folded, spaces collapsed and every number masked as ``#``.

    >>> line_signature("© 2024 Example News")
    '© # example news'
    >>> line_signature("© 2025  Example NEWS") == line_signature("© 2024 Example News")
    True
    """
    masked = DIGITS_RE.sub("#", text.casefold(), timeout=timeout)
    return " ".join(masked.split())


@dataclass(frozen=True)
class Profile:
    """Per site: how many documents were seen and the repeated line signatures (with counts)."""

    sites: Mapping[str, Mapping[str, int]] = field(default_factory=dict)
    documents: Mapping[str, int] = field(default_factory=dict)
    params: Mapping[str, Any] = field(default_factory=dict)

    def lines_for(self, site: str | None) -> Mapping[str, int]:
        if site is None:
            return {}
        return self.sites.get(site.casefold().removeprefix("www."), {})

    def __len__(self) -> int:
        return sum(len(v) for v in self.sites.values())

    def to_dict(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "version": VERSION,
            "params": dict(self.params),
            "sites": {
                site: {
                    "documents": self.documents.get(site, 0),
                    "lines": dict(sorted(lines.items())),
                }
                for site, lines in sorted(self.sites.items())
            },
        }

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=1, sort_keys=True) + "\n"

    def save(self, path: str | Path) -> None:
        Path(path).write_text(self.to_json(), encoding="utf-8")

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], source: str = "profile") -> Profile:
        if not isinstance(data, Mapping) or data.get("format") != FORMAT:
            msg = f"{source}: not a newsclean site profile (no format {FORMAT!r})"
            raise ConfigError(msg)
        if data.get("version") != VERSION:
            msg = (
                f"{source}: profile version {data.get('version')!r}; this newsclean reads {VERSION}"
            )
            raise ConfigError(msg)
        sites: dict[str, dict[str, int]] = {}
        documents: dict[str, int] = {}
        raw_sites = data.get("sites", {})
        if not isinstance(raw_sites, Mapping):
            msg = f"{source}: 'sites' must be an object"
            raise ConfigError(msg)
        for site, entry in raw_sites.items():
            lines = entry.get("lines", {}) if isinstance(entry, Mapping) else None
            if not isinstance(lines, Mapping):
                msg = f"{source}: site {site!r} needs a 'lines' object"
                raise ConfigError(msg)
            try:
                sites[str(site)] = {str(k): int(v) for k, v in lines.items()}
                documents[str(site)] = int(entry.get("documents", 0))
            except (TypeError, ValueError, OverflowError) as exc:
                msg = f"{source}: site {site!r}: counts must be whole numbers ({exc})"
                raise ConfigError(msg) from exc
        params = data.get("params", {})
        if not isinstance(params, Mapping):
            msg = f"{source}: 'params' must be an object"
            raise ConfigError(msg)
        return cls(sites, documents, dict(params))

    @classmethod
    def load(cls, path: str | Path) -> Profile:
        path = Path(path)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except OSError as exc:
            msg = f"cannot read profile {path}: {exc.strerror or exc}"
            raise ConfigError(msg) from exc
        except json.JSONDecodeError as exc:
            msg = f"{path}: not a newsclean site profile: not JSON: {exc}"
            raise ConfigError(msg) from exc
        except (ValueError, RecursionError) as exc:  # not UTF-8, nested too deeply, ...
            msg = f"{path}: not a newsclean site profile: {type(exc).__name__}: {str(exc)[:200]}"
            raise ConfigError(msg) from exc
        return cls.from_dict(data, str(path))


@functools.lru_cache(maxsize=8)
def load_profile(path: str) -> Profile:
    """A profile file, read once per process."""
    return Profile.load(path)


@dataclass
class _Counter:
    """Document frequencies of (site, signature) under a hard cap on the number of counters."""

    max_entries: int
    counts: dict[tuple[str, str], int] = field(default_factory=dict)
    floor: int = 0  # the total subtracted from every count by pruning
    prunes: int = 0

    def add(self, site: str, signatures: Iterable[str]) -> None:
        for sig in signatures:
            key = (site, sig)
            self.counts[key] = self.counts.get(key, 0) + 1
            if len(self.counts) > self.max_entries:
                self._prune()

    def _prune(self) -> None:
        # Misra-Gries in batches: subtract the count that frees half the table from every
        # counter and drop those at zero. A line in more than N / (max_entries / 2) of N
        # documents always survives; every count stays a lower bound, short by at most
        # ``floor`` (the total subtracted so far). Deterministic, amortized O(1) per line.
        target = self.max_entries // 2
        values = sorted(self.counts.values())
        cut = values[len(values) - target - 1]
        self.counts = {k: v - cut for k, v in self.counts.items() if v > cut}
        self.floor += cut
        self.prunes += 1


def learn_profile(
    records: Iterable[Mapping[str, Any] | str],
    *,
    min_docs: int = 5,
    min_share: float = 0.5,
    min_count: int = 3,
    max_entries: int = 100_000,
    max_line_chars: int = 300,
    text_field: str = "text",
    timeout: float | None = DEFAULT_TIMEOUT,
) -> Profile:
    """Find the lines each site repeats across its documents.

    Args:
        records: mappings with a text and a ``site`` or ``url`` (others are skipped).
        min_docs: sites with fewer documents get no entries.
        min_share: a line must occur in at least this share of the site's documents ...
        min_count: ... and in at least this many of them.
        max_entries: the memory budget, in (site, line) counters (about 300 bytes each).
        max_line_chars: longer lines are never counted (site chrome is short).

    >>> words = ["rain", "sun", "snow", "wind", "fog", "hail"]
    >>> recs = [{"site": "ex", "text": f"Talk of {w}.\\n© {2020 + len(w)} Example"} for w in words]
    >>> learn_profile(recs).lines_for("ex")
    {'© # example': 6}
    """
    if not 0 < min_share <= 1:
        msg = f"min_share must be in (0, 1], not {min_share!r}"
        raise ConfigError(msg)
    if max_entries < 2:
        msg = f"max_entries must be at least 2, not {max_entries!r}"
        raise ConfigError(msg)
    counter = _Counter(max_entries)
    documents: dict[str, int] = {}
    skipped = 0
    for record in records:
        if not isinstance(record, Mapping):
            skipped += 1
            continue
        site = site_of(record.get("site"), record.get("url"))
        site = site.casefold() if site is not None else None
        text = record.get(text_field)
        if site is None or not isinstance(text, str):
            skipped += 1
            continue
        documents[site] = documents.get(site, 0) + 1
        seen: dict[str, None] = {}
        for line in text.split("\n"):
            line = line.strip()
            if line and len(line) <= max_line_chars:
                seen.setdefault(line_signature(line, timeout), None)
        counter.add(site, seen)
    sites: dict[str, dict[str, int]] = {}
    for (site, sig), n in sorted(counter.counts.items()):
        docs = documents[site]
        if docs >= min_docs and n >= min_count and n >= min_share * docs:
            sites.setdefault(site, {})[sig] = n
    params = {
        "min_docs": min_docs,
        "min_share": min_share,
        "min_count": min_count,
        "max_entries": max_entries,
        "max_line_chars": max_line_chars,
        "records_skipped": skipped,
        "prunes": counter.prunes,
        "count_floor": counter.floor,
    }
    return Profile(sites, {s: documents[s] for s in sites}, params)
