"""The built-in filters. Importing this package registers them all."""

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

__all__ = [
    "CheckDates",
    "CheckFacts",
    "CheckHeadline",
    "ClassifyBlocks",
    "DetectTitle",
    "FixEncoding",
    "FixLineBreaks",
    "FlagTemplates",
    "NormalizeWhitespace",
    "StripBoilerplate",
    "StripContext",
    "StripDuplicates",
    "StripEdges",
    "StripInvisible",
    "StripLinesMatching",
    "StripLinkLists",
    "StripSiteRepeated",
    "StripSymbolLines",
]
