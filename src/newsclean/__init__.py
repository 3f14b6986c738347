"""newsclean: scraped news text in, clean article records out, with every decision explained.

>>> import newsclean
>>> article = newsclean.clean("Headline Of The Day Here\\n\\nShare this article\\n\\nThe body has a sentence that ends here.")
>>> article.title
'Headline Of The Day Here'
>>> article.text
'The body has a sentence that ends here.'
>>> [r.reason for r in article.removals]
['structure.title', 'boilerplate.share']
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from typing import Any

from newsclean.codes import CODES, Code, Severity
from newsclean.errors import (
    ConfigError,
    InputError,
    KnowledgeBaseError,
    NewscleanError,
    PatternDataError,
    UnknownFilterError,
)
from newsclean.frames import findings_frame, to_pandas
from newsclean.pipeline import (
    Block,
    BlockRemoval,
    Draft,
    Filter,
    Flag,
    Pipeline,
    Proposal,
    Stage,
    TextEdit,
    default_pipeline,
    make_filter,
    make_pipeline,
)
from newsclean.presets import PRESETS
from newsclean.record import Article, Edit, Finding, Removal
from newsclean.registry import FILTERS, register_filter
from newsclean.report import CorpusReport

__version__ = "0.1.0"


@functools.lru_cache(maxsize=4)
def _cached_default(preset: str) -> Pipeline:
    return default_pipeline(preset)


def clean(record: str | Mapping[str, Any], /, *, preset: str = "extracted", **meta: Any) -> Article:
    """Clean one record with the default pipeline of ``preset``.

    ``record`` is the text, or a mapping with ``text`` and optional ``title``, ``id``, ``url``,
    ``site``, ``published`` (ISO date) and ``lang``; keyword arguments add or override those.
    """
    return _cached_default(preset)(record, **meta)


__all__ = [
    "CODES",
    "FILTERS",
    "PRESETS",
    "Article",
    "Block",
    "BlockRemoval",
    "Code",
    "ConfigError",
    "CorpusReport",
    "Draft",
    "Edit",
    "Filter",
    "Finding",
    "Flag",
    "InputError",
    "KnowledgeBaseError",
    "NewscleanError",
    "PatternDataError",
    "Pipeline",
    "Proposal",
    "Removal",
    "Severity",
    "Stage",
    "TextEdit",
    "UnknownFilterError",
    "__version__",
    "clean",
    "default_pipeline",
    "findings_frame",
    "make_filter",
    "make_pipeline",
    "register_filter",
    "to_pandas",
]
