"""Clean Dask bags and dataframes partition by partition (``pip install 'newsclean[dask]'``).

The pipeline (with a learned site profile, if given) becomes one node of the task graph, so it is
sent to each worker once, not once per partition or per record. Every partition runs the same
code as a single process, so the result equals cleaning the records one by one.

>>> import dask.bag as db  # doctest: +SKIP
>>> records = db.read_text("corpus-*.jsonl").map(json.loads)  # doctest: +SKIP
>>> clean_bag(records).map(json.dumps).to_textfiles("clean-*.jsonl")  # doctest: +SKIP
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from newsclean.frames import clean_frame
from newsclean.integrations.partition import Errors, clean_partition, with_profile
from newsclean.io import FieldMap, atomic_output, json_line, read_items
from newsclean.pipeline import Pipeline, default_pipeline
from newsclean.runs import Counts, clean_one, shape_record

if TYPE_CHECKING:
    import dask.bag
    import dask.dataframe

__all__ = ["clean_bag", "clean_dataframe", "clean_files", "clean_frame", "ship"]


def _prepare(pipeline: Pipeline | None, profile: object | None) -> Pipeline:
    if pipeline is None:
        return default_pipeline() if profile is None else default_pipeline(profile=profile)
    return pipeline if profile is None else with_profile(pipeline, profile)


def ship(pipeline: Pipeline | None = None, profile: object | None = None) -> Any:
    """The pipeline as one ``dask.delayed`` value: one graph node, sent to each worker once."""
    from dask.delayed import delayed

    prepared = _prepare(pipeline, profile)
    return delayed(prepared, name=f"newsclean-pipeline-{uuid.uuid4().hex}")


def _bag_partition(
    part: Iterable[str | Mapping[str, Any]],
    pipeline: Pipeline,
    drop_original: bool,
    errors: Errors,
    text_field: str,
) -> list[dict[str, Any]]:
    # a list: Dask sends a partition's result between processes, and a generator cannot travel
    return list(
        clean_partition(
            part, pipeline, drop_original=drop_original, errors=errors, text_field=text_field
        )
    )


def clean_bag(
    bag: dask.bag.Bag,
    pipeline: Pipeline | None = None,
    *,
    profile: object | None = None,
    drop_original: bool = False,
    errors: Errors = "raise",
    text_field: str = "text",
) -> dask.bag.Bag:
    """A bag of clean records (``Article.to_dict()`` dicts) from a bag of strings or mappings.

    Each partition's records are held in memory while it is processed (Dask moves a partition's
    result between processes as a whole); for corpora that do not fit, :func:`clean_files`
    streams each file instead.

    Args:
        bag: elements are strings or mappings with ``text`` (or ``text_field``; and ``id``,
            ``title``, ``url``, ``site``, ``published``, ``lang``; other keys go to ``meta``).
        pipeline: the pipeline (default: ``default_pipeline()``).
        profile: a learned site profile, given to every filter that takes one.
        drop_original: leave ``original`` out of the records.
        errors: ``"raise"`` or ``"reject"`` (see :func:`clean_partition`).
        text_field: the key of the text in a mapping.
    """
    map_partitions: Any = bag.map_partitions
    return cast(
        "dask.bag.Bag",
        map_partitions(
            _bag_partition,
            ship(pipeline, profile),
            drop_original=drop_original,
            errors=errors,
            text_field=text_field,
        ),
    )


def _clean_file(
    path: str,
    out_dir: str,
    pipeline: Pipeline,
    text_field: str,
    drop_original: bool,
    fields: tuple[str, ...] | None,
    removals: str,
) -> Counts:
    """One input file, one record at a time: its clean records and its rejects, each to a file."""
    name = Path(path).name.removesuffix(".gz")
    stem = name.rsplit(".", 1)[0]
    counts = Counts()
    with (
        atomic_output(str(Path(out_dir) / name)) as out,
        atomic_output(str(Path(out_dir) / f"{stem}.rejects.jsonl")) as rejects,
    ):
        for item in read_items([path], FieldMap(text=text_field)):
            outcome = clean_one(pipeline, item)
            if outcome.article is None:
                assert outcome.reject is not None
                counts += Counts.of(outcome.reject)
                rejects.write(json_line(outcome.reject.to_dict()))
                continue
            counts += Counts.of(outcome.article)
            record = shape_record(
                outcome.article.to_dict(),
                fields=fields,
                removals=removals,
                drop_original=drop_original,
            )
            out.write(json_line(record))
    return counts


def clean_files(
    paths: Sequence[str | os.PathLike[str]],
    out_dir: str | os.PathLike[str],
    pipeline: Pipeline | None = None,
    *,
    profile: object | None = None,
    text_field: str = "text",
    drop_original: bool = False,
    fields: tuple[str, ...] | None = None,
    removals: str = "full",
) -> Counts:
    """Clean JSONL files on the cluster, one task per file, in bounded memory.

    Each task streams its file through the pipeline as ``newsclean clean`` does (the same
    checks, ids and rejects, one record in memory at a time) and writes ``out_dir/NAME`` and
    ``out_dir/STEM.rejects.jsonl``; the result is the run's summed :class:`~newsclean.runs.Counts`
    (``counts.verdict()`` says whether it may pass). Uses the current Dask scheduler.
    """
    import dask

    api: Any = dask  # untyped
    Path(out_dir).mkdir(parents=True, exist_ok=True)
    shipped = ship(pipeline, profile)
    tasks = [
        api.delayed(_clean_file)(
            os.fspath(p), os.fspath(out_dir), shipped, text_field, drop_original, fields, removals
        )
        for p in paths
    ]
    total = Counts()
    for counts in api.compute(*tasks):
        total += counts
    return total


def clean_dataframe(
    df: dask.dataframe.DataFrame,
    pipeline: Pipeline | None = None,
    *,
    profile: object | None = None,
    text_field: str = "text",
    prefix: str = "clean_",
) -> dask.dataframe.DataFrame:
    """A Dask dataframe with the columns of :func:`~newsclean.frames.clean_frame` added,
    partition by partition; their dtypes are declared, so ``.to_parquet(path)`` works."""
    meta = clean_frame(df._meta, _prepare(pipeline, profile), text_field=text_field, prefix=prefix)
    map_partitions: Any = df.map_partitions
    return cast(
        "dask.dataframe.DataFrame",
        map_partitions(
            clean_frame, ship(pipeline, profile), text_field=text_field, prefix=prefix, meta=meta
        ),
    )
