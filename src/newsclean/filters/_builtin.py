"""Registers the built-in filters: the one place that puts them in the registry.

The registry imports no filter and no filter module registers itself (as spaCy keeps its
registrations in one module). :mod:`newsclean.presets` imports this module, so ``import newsclean``
registers every built-in filter.
"""

from __future__ import annotations

from typing import Any

from newsclean.filters.blocks import ClassifyBlocks, StripContext, StripEdges, StripLinkLists
from newsclean.filters.boilerplate import StripBoilerplate, StripDuplicates
from newsclean.filters.custom import StripLinesMatching
from newsclean.filters.facts import CheckDates, CheckFacts, CheckHeadline
from newsclean.filters.normalize import (
    FixEncoding,
    FixLineBreaks,
    NormalizeWhitespace,
    StripInvisible,
)
from newsclean.filters.site import StripSiteRepeated
from newsclean.filters.structure import DetectTitle, StripSymbolLines
from newsclean.filters.templates import FlagTemplates
from newsclean.registry import FILTERS

#: every built-in filter class, in the order of the ``page`` preset (then the optional ones)
BUILTIN_FILTERS: tuple[type[Any], ...] = (
    FixLineBreaks,
    FixEncoding,
    StripInvisible,
    NormalizeWhitespace,
    StripBoilerplate,
    StripSiteRepeated,
    FlagTemplates,
    StripDuplicates,
    StripLinkLists,
    ClassifyBlocks,
    StripContext,
    StripEdges,
    StripSymbolLines,
    DetectTitle,
    CheckFacts,
    CheckDates,
    CheckHeadline,
    StripLinesMatching,
)

for _cls in BUILTIN_FILTERS:
    FILTERS.register(_cls)
