"""The built-in filters. Importing this package registers them all."""

from newsclean.filters.boilerplate import StripBoilerplate, StripDuplicates
from newsclean.filters.normalize import (
    FixEncoding,
    FixLineBreaks,
    NormalizeWhitespace,
    StripInvisible,
)
from newsclean.filters.segment import DetectTitle
from newsclean.filters.templates import FlagTemplates

__all__ = [
    "DetectTitle",
    "FixEncoding",
    "FixLineBreaks",
    "FlagTemplates",
    "NormalizeWhitespace",
    "StripBoilerplate",
    "StripDuplicates",
    "StripInvisible",
]
