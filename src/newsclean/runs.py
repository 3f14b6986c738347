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

import re
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal, overload

from newsclean._suggest import did_you_mean
from newsclean.codes import Severity
from newsclean.errors import UnknownOptionError
from newsclean.io import EXCERPT_CHARS, Item, Reject, json_line
from newsclean.pipeline import Pipeline
from newsclean.record import Article

__all__ = [
    "Counts",
    "Outcome",
    "clean_items",
    "clean_one",
    "clean_record",
    "item_reject",
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
    text_field: str = ...,
) -> Article: ...
@overload
def clean_record(
    pipeline: Pipeline,
    record: str | Mapping[str, Any],
    *,
    source: str = ...,
    line: int = ...,
    strict: bool = ...,
    text_field: str = ...,
) -> Article | Reject: ...
def clean_record(
    pipeline: Pipeline,
    record: str | Mapping[str, Any],
    *,
    source: str = "",
    line: int = 0,
    strict: bool = False,
    text_field: str = "text",
) -> Article | Reject:
    """Clean one record: the clean record, or a :class:`Reject` saying why it could not be cleaned.

    ``source`` and ``line`` say where the record came from, for the reject. With ``strict`` the
    error is raised instead (a record that is not a string, a mapping without text, ...).
    ``text_field`` names the text's key in a mapping.

    The pipeline's one-time setup runs first, outside the record's isolation: a setup that
    fails (an unreadable profile or knowledge base) is a configuration error of the run, raised,
    not a reject of every record.
    """
    pipeline.prepare()
    try:
        return pipeline(record, text_field=text_field)
    except Exception as exc:  # one bad record never stops a stream
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


#: what ``--removals`` may keep of each removal
REMOVALS = ("full", "codes", "none")


def output_fields(names: str | Iterable[str]) -> tuple[str, ...]:
    """Check the names of ``--fields``: record keys (``Article.to_dict()``) or ``meta.NAME``.

    >>> output_fields("id,title,text,meta.author")
    ('id', 'title', 'text', 'meta.author')
    """
    if isinstance(names, str):
        names = names.split(",")
    out = tuple(n.strip() for n in names if n.strip())
    valid = tuple(Article(text="", original="").to_dict())
    for name in out:
        if name not in valid and not (name.startswith("meta.") and len(name) > 5):
            msg = (
                f"no output field {name!r}.{did_you_mean(name, valid)} Fields: "
                f"{', '.join(valid)}, or meta.NAME for an entry of meta"
            )
            raise UnknownOptionError(msg)
    if not out:
        msg = "no output fields given"
        raise UnknownOptionError(msg)
    return out


def shape_record(
    record: dict[str, Any],
    *,
    fields: tuple[str, ...] | None = None,
    removals: str = "full",
    drop_original: bool = False,
) -> dict[str, Any]:
    """A record dict cut down for output: only ``fields`` (``meta.NAME`` reaches into meta),
    removals in full, as codes only (``["boilerplate.share", ...]``), or left out.

    >>> shape_record({"id": "a", "text": "x", "removals": [{"reason": "boilerplate.share"}],
    ...               "meta": {"author": "Jo"}}, fields=("id", "removals", "meta.author"),
    ...              removals="codes")
    {'id': 'a', 'removals': ['boilerplate.share'], 'meta.author': 'Jo'}
    """
    if removals not in REMOVALS:
        msg = f"removals must be one of {', '.join(REMOVALS)}, not {removals!r}"
        raise UnknownOptionError(msg)
    if drop_original:
        record.pop("original", None)
    if removals == "none":
        record.pop("removals", None)
    elif removals == "codes" and "removals" in record:
        record["removals"] = [r["reason"] for r in record["removals"]]
    if fields is None:
        return record
    meta = record.get("meta") or {}
    return {
        name: meta.get(name[5:]) if name.startswith("meta.") else record[name]
        for name in fields
        if name in record or name.startswith("meta.")
    }


def render_one(
    pipeline: Pipeline,
    item: Item,
    drop_original: bool = False,
    *,
    fields: tuple[str, ...] | None = None,
    removals: str = "full",
) -> tuple[str, Counts] | Reject:
    """Clean one input and render it: its JSON line and counts, or its reject.

    What a ``--jobs`` worker process sends back: small and cheap to pickle. ``fields`` and
    ``removals`` shape the line (see :func:`shape_record`). A record that cannot be written (a
    NaN in its metadata, nesting too deep for JSON) is a reject too.
    """
    outcome = clean_one(pipeline, item)
    if outcome.article is None:
        assert outcome.reject is not None
        return outcome.reject
    try:
        record = shape_record(
            outcome.article.to_dict(), fields=fields, removals=removals, drop_original=drop_original
        )
        return json_line(record), Counts.of(outcome.article)
    except Exception as exc:
        return item_reject(item, exc, "cannot be written as JSON")


def item_reject(item: Item, exc: BaseException | str, what: str = "failed") -> Reject:
    """The reject of an input item that failed outside the pipeline (rendering it, sending it
    to a worker process), with its line number, id and excerpt."""
    reason = exc if isinstance(exc, str) else f"{type(exc).__name__}: {str(exc)[:200]}"
    base = reject_of(item.record, RuntimeError(), source=item.source, line=item.line)
    return Reject(item.source, item.line, f"{what}: {reason}", base.excerpt, id=base.id)


#: distinct reject reasons a summary tells apart; the rest are pooled
MAX_REASONS = 50
OTHER_REASONS = "(other reasons)"
_NUMBER = re.compile(r"\d+")


def reason_key(reason: str) -> str:
    """A reject reason without what differs from record to record (its fields, positions), so
    that repeated reasons are summarised once.

    >>> reason_key("missing text field 'text'; fields: id, page_text")
    "missing text field 'text'"
    >>> reason_key("invalid JSON: Expecting value (column 12)")
    'invalid JSON: Expecting value (column N)'
    """
    return _NUMBER.sub("N", reason.split("; fields:", 1)[0])


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
    #: rejects by reason (see :func:`reason_key`), and the first place each was seen
    reject_reasons: Counter[str] = field(default_factory=Counter)
    first_reject: dict[str, str] = field(default_factory=dict)
    #: for records without their text field: how many, the string fields they had (longest
    #: first, as votes), and where the text most likely is
    missing_text: int = 0
    fields_seen: Counter[str] = field(default_factory=Counter)
    text_guesses: Counter[str] = field(default_factory=Counter)
    #: files that could not be read to their end, each as ``"source:line: reason"``
    input_errors: list[str] = field(default_factory=list)

    @classmethod
    def of(cls, result: Article | Reject) -> Counts:
        """The counts of one clean record or reject."""
        if isinstance(result, Reject):
            key = reason_key(result.reason)
            missing = bool(result.fields_seen) or result.reason.startswith("missing text field")
            return cls(
                read=1,
                rejected=1,
                reject_reasons=Counter({key: 1}),
                first_reject={key: f"{result.source}:{result.line}"},
                missing_text=int(missing),
                fields_seen=Counter(result.fields_seen),
                text_guesses=Counter([result.text_guess] if result.text_guess else []),
                input_errors=[f"{result.source}:{result.line}: {result.reason}"]
                if result.unreadable
                else [],
            )
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
        for key, n in other.reject_reasons.items():
            if key not in self.reject_reasons and len(self.reject_reasons) >= MAX_REASONS:
                key = OTHER_REASONS
            self.reject_reasons[key] += n
            self.first_reject.setdefault(key, other.first_reject.get(key, ""))
        self.missing_text += other.missing_text
        self.fields_seen.update(other.fields_seen)
        self.text_guesses.update(other.text_guesses)
        self.input_errors += other.input_errors
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
            "rejected_by_reason": dict(self.reject_reasons.most_common()),
            "input_errors": list(self.input_errors),
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
        if self.reject_reasons:
            lines.append("rejected by reason (count, first at):")
            lines += [
                f"  {n:>7}  {reason}  ({self.first_reject.get(reason, '')})"
                for reason, n in self.reject_reasons.most_common()
            ]
        return "\n".join(lines)

    def verdict(
        self,
        *,
        max_reject_rate: float = 0.5,
        text_field: str = "text",
        option: str = "--text-field",
    ) -> str | None:
        """Why this run must not pass as a success, in one line; ``None`` when it may.

        It fails when it read nothing, cleaned nothing, or rejected more than
        ``max_reject_rate`` of what it read; the line names the missing text field and the
        fields seen instead, and the commonest reasons with their counts.

        >>> c = Counts.of(Reject("in.jsonl", 1, "missing text field 'text'", "",
        ...                      fields_seen=("page_text", "source"), text_guess="page_text"))
        >>> c.verdict()
        "no record has 'text'; fields seen: page_text, source; try --text-field page_text"
        """
        if self.read == 0:
            return "no records were read: the input is empty"
        if self.cleaned and self.rejected <= max_reject_rate * self.read:
            return None
        if self.missing_text and self.missing_text == self.rejected:
            seen = ", ".join(name for name, _ in self.fields_seen.most_common(5))
            guess = self.text_guesses.most_common(1)[0][0] if self.text_guesses else None
            who = (
                "no record has"
                if not self.cleaned
                else f"{self.missing_text} of {self.read} records have no"
            )
            line = f"{who} {text_field!r}; fields seen: {seen or '(none)'}"
            if guess is not None and guess != text_field:
                line += f"; try {option} {guess}"
            return line
        reasons = "; ".join(f"{n}x {reason}" for reason, n in self.reject_reasons.most_common(3))
        if not self.cleaned:
            return f"no record was cleaned: {self.rejected} rejected ({reasons})"
        return (
            f"{self.rejected} of {self.read} records rejected ({self.rejected / self.read:.0%}), "
            f"more than the {max_reject_rate:.0%} allowed ({reasons})"
        )
