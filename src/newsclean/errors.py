"""Exceptions for programmer and configuration mistakes.

Problems in the *text* are never exceptions: they become findings. The hierarchy::

    NewscleanError(Exception)
    ├── ConfigError(NewscleanError, ValueError)      bad options, duplicate filter names, stage order
    │   ├── UnknownOptionError(ConfigError, TypeError) a keyword or option nobody understands
    │   ├── PatternDataError(ConfigError)             bad line in a data file (file:line in the message)
    │   └── KnowledgeBaseError(ConfigError)           bad knowledge-base row (file:line in the message)
    ├── UnknownFilterError(NewscleanError, KeyError)  the message lists the available names
    └── InputError(NewscleanError, TypeError)         a record that is not text or a mapping with text
"""

from __future__ import annotations


class NewscleanError(Exception):
    """Base class of every exception newsclean raises on purpose."""


class ConfigError(NewscleanError, ValueError):
    """A pipeline, filter option or configuration file is invalid."""


class UnknownOptionError(ConfigError, TypeError):
    """A keyword argument or option that nothing understands (the message says what would)."""


class PatternDataError(ConfigError):
    """A pattern data file (phrase catalogue, template list) has a bad line."""


class KnowledgeBaseError(ConfigError):
    """A knowledge-base file has a bad row."""


class UnknownFilterError(NewscleanError, KeyError):
    """No filter is registered under the requested name."""

    def __str__(self) -> str:  # KeyError quotes its argument; keep the message readable
        return str(self.args[0]) if self.args else ""


class InputError(NewscleanError, TypeError):
    """An input record cannot be cleaned (not text, or a mapping without a text field)."""
