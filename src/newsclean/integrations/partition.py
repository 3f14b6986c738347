"""Cleaning one partition of records: the unit of work of every distributed engine.

:func:`clean_partition` is what a Dask ``map_partitions``, a Spark ``mapPartitions`` or any other
engine calls on each worker: records in (strings or mappings with a ``text`` field), JSON-ready
dicts out (:meth:`Article.to_dict`), in the same order. It runs in one process with no engine at
all, which is how it is tested.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator, Mapping
from typing import Any, Literal

from newsclean.errors import ConfigError
from newsclean.io import FieldMap, Reject, parse_line
from newsclean.pipeline import Pipeline, default_pipeline
from newsclean.runs import clean_one, clean_record, shape_record

Errors = Literal["raise", "reject"]


def clean_partition(
    records: Iterable[str | Mapping[str, Any]],
    pipeline: Pipeline | None = None,
    *,
    drop_original: bool = False,
    errors: Errors = "raise",
    text_field: str = "text",
) -> Iterator[dict[str, Any]]:
    """Clean records lazily and yield each clean record as a dict.

    Args:
        records: strings, or mappings with ``text`` (or ``text_field``) and optional ``id``,
            ``title``, ``url``, ``site``, ``published``, ``lang`` (other keys go to ``meta``).
        pipeline: the pipeline to run (default: ``default_pipeline()``).
        drop_original: leave ``original`` out of the output (it can double the size).
        errors: ``"raise"`` stops on a record that cannot be cleaned (not a string, no text);
            ``"reject"`` yields ``{"id": ..., "rejected": reason}`` for it and goes on.
        text_field: the key of the text in a mapping.

    >>> [r["text"] for r in clean_partition(["Stocks rose.\\nShare this article"])]
    ['Stocks rose.']
    >>> [r["text"] for r in clean_partition([{"page_text": "Stocks rose."}], text_field="page_text")]
    ['Stocks rose.']
    """
    if errors not in ("raise", "reject"):
        msg = f"errors must be 'raise' or 'reject', not {errors!r}"
        raise ConfigError(msg)
    pipeline = pipeline if pipeline is not None else default_pipeline()
    for line, record in enumerate(records, 1):
        result = clean_record(
            pipeline, record, line=line, strict=errors == "raise", text_field=text_field
        )
        if isinstance(result, Reject):
            rid = record.get("id") if isinstance(record, Mapping) else None
            yield {"id": rid, "rejected": result.reason}
            continue
        out = result.to_dict()
        if drop_original:
            out.pop("original", None)
        yield out


def clean_lines(
    lines: Iterable[tuple[str | bytes, int]],
    pipeline: Pipeline | None = None,
    *,
    source: str,
    text_field: str = "text",
    drop_original: bool = False,
    fields: tuple[str, ...] | None = None,
    removals: str = "full",
) -> Iterator[tuple[bool, dict[str, Any]]]:
    """JSONL lines with their line numbers in; ``(True, clean record)`` or ``(False, reject)`` out.

    Each line gets the checks and the cleaning ``newsclean clean`` gives it, so the records and
    the rejects (source, line number, reason, the line's start) are the command's: a malformed
    line, a text that is not a string or is empty, each becomes a reject, not a lost record.
    Blank lines are skipped, as the command skips them. What Spark's ``mapPartitions`` runs.

    >>> [ok for ok, _ in clean_lines([('{"text": "Stocks rose."}', 1), ("{bad", 2)], source="a.jsonl")]
    [True, False]
    """
    pipeline = pipeline if pipeline is not None else default_pipeline()
    fieldmap = FieldMap(text=text_field)
    for raw, lineno in lines:
        if not raw.strip():
            continue
        outcome = clean_one(pipeline, parse_line(source, lineno, raw, fieldmap))
        if outcome.article is None:
            assert outcome.reject is not None
            yield False, outcome.reject.to_dict()
            continue
        record = outcome.article.to_dict()
        yield (
            True,
            shape_record(record, fields=fields, removals=removals, drop_original=drop_original),
        )


def with_profile(pipeline: Pipeline, profile: object) -> Pipeline:
    """A copy of ``pipeline`` whose filters that take a learned ``profile`` get this one.

    Raises:
        ConfigError: no filter of the pipeline takes a profile.
    """
    filters = []
    found = False
    for f in pipeline:
        if dataclasses.is_dataclass(f) and any(
            fl.name == "profile" for fl in dataclasses.fields(f)
        ):
            f = dataclasses.replace(f, profile=profile)
            found = True
        filters.append(f)
    if not found:
        msg = f"no filter of {pipeline!r} takes a learned site profile"
        raise ConfigError(msg)
    return Pipeline(filters, regex_timeout=pipeline.regex_timeout, budget=pipeline.budget)
