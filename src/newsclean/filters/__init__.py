"""The built-in filters. Importing this package registers them all."""

from newsclean.filters.boilerplate import StripBoilerplate, StripDuplicates
from newsclean.filters.custom import StripLinesMatching
from newsclean.filters.facts import CheckDates, CheckFacts, CheckHeadline
from newsclean.filters.normalize import (
    FixEncoding,
    FixLineBreaks,
    NormalizeWhitespace,
    StripInvisible,
)
from newsclean.filters.segment import DetectTitle
from newsclean.filters.templates import FlagTemplates

__all__ = [
    "CheckDates",
    "CheckFacts",
    "CheckHeadline",
    "DetectTitle",
    "FixEncoding",
    "FixLineBreaks",
    "FlagTemplates",
    "NormalizeWhitespace",
    "StripBoilerplate",
    "StripDuplicates",
    "StripInvisible",
    "StripLinesMatching",
]
