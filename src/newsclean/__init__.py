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

from newsclean.codes import CODES, Code, Kind, Severity, register_code
from newsclean.errors import (
    ConfigError,
    InputError,
    KnowledgeBaseError,
    NewscleanError,
    PatternDataError,
    UnknownFilterError,
    UnknownOptionError,
)
from newsclean.frames import clean_frame, findings_frame, to_pandas
from newsclean.pipeline import SETUP_LOCK as _SETUP_LOCK
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
def _default_of(preset: str) -> Pipeline:
    return default_pipeline(preset)


def _cached_default(preset: str) -> Pipeline:
    """The default pipeline of ``preset``, built and prepared once however many threads ask."""
    with _SETUP_LOCK:
        return _default_of(preset).prepare()


def clean(
    record: str | Mapping[str, Any],
    /,
    *,
    preset: str = "extracted",
    text_field: str = "text",
    meta: Mapping[str, Any] | None = None,
    **fields: Any,
) -> Article:
    """Clean one record with the default pipeline of ``preset``.

    ``record`` is the text, or a mapping with ``text`` (or the key ``text_field`` names) and
    optional ``title``, ``id``, ``url``, ``site``, ``published`` (ISO date) and ``lang``; keyword
    arguments of those names add or override them, and ``meta=`` adds to ``Article.meta``. Any
    other keyword is an error; pipeline options such as ``kb=`` go to
    :func:`default_pipeline`, whose pipeline is called the same way.

    >>> clean({"page_text": "Body text."}, text_field="page_text", title="A title").title
    'A title'
    """
    return _cached_default(preset)(record, text_field=text_field, meta=meta, **fields)


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
    "Kind",
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
    "UnknownOptionError",
    "__version__",
    "clean",
    "clean_frame",
    "default_pipeline",
    "findings_frame",
    "make_filter",
    "make_pipeline",
    "register_code",
    "register_filter",
    "to_pandas",
]
