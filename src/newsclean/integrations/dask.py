"""Clean Dask bags and dataframes partition by partition (``pip install 'newsclean[dask]'``).

The pipeline (with a learned site profile, if given) becomes one node of the task graph, so it is
sent to each worker once, not once per partition or per record. Every partition runs the same
code as a single process, so the result equals cleaning the records one by one.

>>> import dask.bag as db  # doctest: +SKIP
>>> records = db.read_text("corpus-*.jsonl").map(json.loads)  # doctest: +SKIP
>>> clean_bag(records).map(json.dumps).to_textfiles("clean-*.jsonl")  # doctest: +SKIP
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any, cast

from newsclean.frames import clean_frame
from newsclean.integrations.partition import Errors, clean_partition, with_profile
from newsclean.pipeline import Pipeline, default_pipeline

if TYPE_CHECKING:
    import dask.bag
    import dask.dataframe

__all__ = ["clean_bag", "clean_dataframe", "clean_frame", "ship"]


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
) -> list[dict[str, Any]]:
    return list(clean_partition(part, pipeline, drop_original=drop_original, errors=errors))


def clean_bag(
    bag: dask.bag.Bag,
    pipeline: Pipeline | None = None,
    *,
    profile: object | None = None,
    drop_original: bool = False,
    errors: Errors = "raise",
) -> dask.bag.Bag:
    """A bag of clean records (``Article.to_dict()`` dicts) from a bag of strings or mappings.

    Args:
        bag: elements are strings or mappings with ``text`` (and ``id``, ``title``, ``url``,
            ``site``, ``published``, ``lang``; other keys go to ``meta``).
        pipeline: the pipeline (default: ``default_pipeline()``).
        profile: a learned site profile, given to every filter that takes one.
        drop_original: leave ``original`` out of the records.
        errors: ``"raise"`` or ``"reject"`` (see :func:`clean_partition`).
    """
    map_partitions: Any = bag.map_partitions
    return cast(
        "dask.bag.Bag",
        map_partitions(
            _bag_partition, ship(pipeline, profile), drop_original=drop_original, errors=errors
        ),
    )


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
