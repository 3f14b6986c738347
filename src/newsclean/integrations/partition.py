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
from newsclean.io import Reject
from newsclean.pipeline import Pipeline, default_pipeline
from newsclean.runs import clean_record

Errors = Literal["raise", "reject"]


def clean_partition(
    records: Iterable[str | Mapping[str, Any]],
    pipeline: Pipeline | None = None,
    *,
    drop_original: bool = False,
    errors: Errors = "raise",
) -> Iterator[dict[str, Any]]:
    """Clean records lazily and yield each clean record as a dict.

    Args:
        records: strings, or mappings with ``text`` and optional ``id``, ``title``, ``url``,
            ``site``, ``published``, ``lang`` (other keys go to ``meta``).
        pipeline: the pipeline to run (default: ``default_pipeline()``).
        drop_original: leave ``original`` out of the output (it can double the size).
        errors: ``"raise"`` stops on a record that cannot be cleaned (not a string, no text);
            ``"reject"`` yields ``{"id": ..., "rejected": reason}`` for it and goes on.

    >>> [r["text"] for r in clean_partition(["Stocks rose.\\nShare this article"])]
    ['Stocks rose.']
    """
    if errors not in ("raise", "reject"):
        msg = f"errors must be 'raise' or 'reject', not {errors!r}"
        raise ConfigError(msg)
    pipeline = pipeline if pipeline is not None else default_pipeline()
    for line, record in enumerate(records, 1):
        result = clean_record(pipeline, record, line=line, strict=errors == "raise")
        if isinstance(result, Reject):
            rid = record.get("id") if isinstance(record, Mapping) else None
            yield {"id": rid, "rejected": result.reason}
            continue
        out = result.to_dict()
        if drop_original:
            out.pop("original", None)
        yield out


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
