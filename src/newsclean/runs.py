"""Running records through a pipeline: one record in, an outcome out, and counts that add up.

Every way of running newsclean over many records — the command line, ``--jobs`` workers, corpus
reports, Dask, Spark and datatrove — goes through this module:

- :func:`clean_record` cleans one record and returns the clean :class:`~newsclean.record.Article`,
  or a :class:`~newsclean.io.Reject` (source, line number, reason, the record's id) for a record that
  cannot be cleaned: one bad record never stops a run.
- :func:`clean_one` does the same for an :class:`~newsclean.io.Item` read from a file (which may
  already be a reject: a line that is not JSON) and returns an :class:`Outcome`.
- :class:`Counts` counts what a run did. Counts add up (``a + b``, like datatrove's ``Stats``), so
  each worker, partition or process counts its own records and the results are summed.

>>> from newsclean.pipeline import default_pipeline
>>> pipeline = default_pipeline()
>>> counts = Counts()
>>> for record in ["Stocks rose.\\nShare this article", {"text": 42, "id": "bad"}]:
...     counts += Counts.of(clean_record(pipeline, record))
>>> counts.read, counts.cleaned, counts.rejected, dict(counts.removals)
(2, 1, 1, {'boilerplate.share': 1})
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal, overload

from newsclean.codes import Severity
from newsclean.io import EXCERPT_CHARS, Item, Reject, json_line
from newsclean.pipeline import Pipeline
from newsclean.record import Article

__all__ = [
    "Counts",
    "Outcome",
    "clean_items",
    "clean_one",
    "clean_record",
    "reject_of",
    "render_one",
]


@overload
def clean_record(
    pipeline: Pipeline,
    record: str | Mapping[str, Any],
    *,
    source: str = ...,
    line: int = ...,
    strict: Literal[True],
) -> Article: ...
@overload
def clean_record(
    pipeline: Pipeline,
    record: str | Mapping[str, Any],
    *,
    source: str = ...,
    line: int = ...,
    strict: bool = ...,
) -> Article | Reject: ...
def clean_record(
    pipeline: Pipeline,
    record: str | Mapping[str, Any],
    *,
    source: str = "",
    line: int = 0,
    strict: bool = False,
) -> Article | Reject:
    """Clean one record: the clean record, or a :class:`Reject` saying why it could not be cleaned.

    ``source`` and ``line`` say where the record came from, for the reject. With ``strict`` the
    error is raised instead (a record that is not a string, a mapping without text, ...).
    """
    try:
        return pipeline(record)
    except Exception as exc:  # one bad record must not stop the stream
        if strict:
            raise
        return reject_of(record, exc, source=source, line=line)


def reject_of(record: object, exc: BaseException, *, source: str = "", line: int = 0) -> Reject:
    """The reject of a record whose cleaning raised ``exc``."""
    rid: Any = None
    text: Any = record
    if isinstance(record, Mapping):
        rid, text = record.get("id"), record.get("text")
    excerpt = text[:EXCERPT_CHARS] if isinstance(text, str) else ""
    return Reject(
        source,
        line,
        f"{type(exc).__name__}: {exc}",
        excerpt,
        id=str(rid) if isinstance(rid, (str, int)) and not isinstance(rid, bool) else None,
    )


@dataclass(frozen=True, slots=True)
class Outcome:
    """What became of one input item: its clean record, or a reject."""

    item: Item
    article: Article | None = None
    reject: Reject | None = None

    @property
    def result(self) -> Article | Reject:
        """The clean record or the reject, whichever there is."""
        result = self.article if self.article is not None else self.reject
        assert result is not None
        return result


def clean_one(pipeline: Pipeline, item: Item) -> Outcome:
    """Clean one input item; any failure becomes a reject with a reason, never a crash of the run."""
    if item.reject is not None:
        return Outcome(item, reject=item.reject)
    assert item.record is not None
    result = clean_record(pipeline, item.record, source=item.source, line=item.line)
    if isinstance(result, Reject):
        return Outcome(item, reject=result)
    return Outcome(item, article=result)


def clean_items(pipeline: Pipeline, items: Iterable[Item]) -> Iterator[Outcome]:
    """:func:`clean_one` for each item, lazily, in order."""
    for item in items:
        yield clean_one(pipeline, item)


def render_one(
    pipeline: Pipeline, item: Item, drop_original: bool = False
) -> tuple[str, Counts] | Reject:
    """Clean one input and render it: its JSON line and counts, or its reject.

    What a ``--jobs`` worker process sends back: small and cheap to pickle.
    """
    outcome = clean_one(pipeline, item)
    if outcome.article is None:
        assert outcome.reject is not None
        return outcome.reject
    record = outcome.article.to_dict()
    if drop_original:
        record.pop("original")
    return json_line(record), Counts.of(outcome.article)


@dataclass
class Counts:
    """What a run did: records read, cleaned and rejected, findings and removals by code.

    Counts of separate runs (processes, partitions, files) add up: ``total = a + b`` or
    ``total += Counts.of(record)``; :meth:`to_dict` is the summary ``newsclean clean`` prints.
    """

    read: int = 0
    cleaned: int = 0
    rejected: int = 0
    not_ok: int = 0
    #: findings by code, and the number of records with at least one of each code
    findings: Counter[str] = field(default_factory=Counter)
    docs_with_finding: Counter[str] = field(default_factory=Counter)
    #: removals by reason, and the number of records with at least one of each reason
    removals: Counter[str] = field(default_factory=Counter)
    docs_with_removal: Counter[str] = field(default_factory=Counter)
    #: the most severe finding seen, if any
    worst: Severity | None = None

    @classmethod
    def of(cls, result: Article | Reject) -> Counts:
        """The counts of one clean record or reject."""
        if isinstance(result, Reject):
            return cls(read=1, rejected=1)
        codes = [f.code for f in result.findings]
        reasons = [r.reason for r in result.removals]
        return cls(
            read=1,
            cleaned=1,
            not_ok=int(not result.ok),
            findings=Counter(codes),
            docs_with_finding=Counter(dict.fromkeys(codes, 1)),
            removals=Counter(reasons),
            docs_with_removal=Counter(dict.fromkeys(reasons, 1)),
            worst=max((f.severity for f in result.findings), default=None),
        )

    def add(self, result: Article | Reject) -> None:
        """Count one more clean record or reject."""
        self += Counts.of(result)

    def __iadd__(self, other: Counts) -> Counts:
        if not isinstance(other, Counts):
            return NotImplemented
        self.read += other.read
        self.cleaned += other.cleaned
        self.rejected += other.rejected
        self.not_ok += other.not_ok
        self.findings.update(other.findings)
        self.docs_with_finding.update(other.docs_with_finding)
        self.removals.update(other.removals)
        self.docs_with_removal.update(other.docs_with_removal)
        if other.worst is not None and (self.worst is None or other.worst > self.worst):
            self.worst = other.worst
        return self

    def __add__(self, other: Counts) -> Counts:
        if not isinstance(other, Counts):
            return NotImplemented
        total = Counts()
        total += self
        total += other
        return total

    def to_dict(self) -> dict[str, Any]:
        """The summary as JSON-ready data (``newsclean clean --summary-json``)."""
        return {
            "read": self.read,
            "cleaned": self.cleaned,
            "rejected": self.rejected,
            "not_ok": self.not_ok,
            "findings": dict(sorted(self.findings.items())),
            "documents_with_finding": dict(sorted(self.docs_with_finding.items())),
            "removals": dict(sorted(self.removals.items())),
        }

    def render(self) -> str:
        """The summary as lines of text for a person."""
        lines = [
            f"read {self.read}, cleaned {self.cleaned}, rejected {self.rejected} (not ok: {self.not_ok})"
        ]
        if self.findings:
            lines.append("findings by code (count, documents):")
            lines += [
                f"  {code:<32} {n:>7} {self.docs_with_finding[code]:>7}"
                for code, n in sorted(self.findings.items())
            ]
        if self.removals:
            lines.append("removals by reason:")
            lines += [f"  {code:<32} {n:>7}" for code, n in sorted(self.removals.items())]
        return "\n".join(lines)
