"""Running newsclean inside other engines: Dask, Spark (a recipe), datatrove.

Each engine module imports its engine lazily, so ``import newsclean`` never needs one. The engines
share :func:`clean_partition`, the function that cleans one partition of records.
"""

from __future__ import annotations

from newsclean.integrations.partition import clean_lines, clean_partition, with_profile

__all__ = ["clean_lines", "clean_partition", "with_profile"]
