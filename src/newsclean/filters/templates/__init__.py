"""Unresolved template tokens, leaked empty values, filler and generation leftovers.

:class:`FlagTemplates` reports one finding per occurrence, with the matched text and its *kind* in
the evidence (``{"kind": "jinja", "token": "{{ title }}"}``):

``template.token``
    A placeholder syntax that was never filled: ``{NAME}``, ``{{ name }}``, ``{% … %}``,
    ``${name}``, ``#{name}``, ``%(name)s``, printf ``%s``, ``{0}``, ``[[NAME]]``, ``[Your Name]``,
    ``[INSERT …]``, ``<NAME>``, ``<<NAME>>``, ``__NAME__``, ``$NAME$``, ``<%= … %>``.
``template.empty_value``
    ``undefined``, ``null``, ``NaN``, ``None`` or ``[object Object]`` where a value belongs.
``template.filler``
    Lorem ipsum; ``TODO``, ``TBD``, ``XXX`` standing in for content.
``template.leftover``
    The preamble or tail of a rewrite step ("Here is the rewritten article:"), in the languages
    of ``data/templates/<lang>.txt``.

Precision comes first: every pattern needs a shape that prose, code samples, maths, wiki markup
and editorial brackets do not have, and the ambiguous shapes are dropped in code-like or
programming context (see ``docs/templates.md``).

The package keeps the rules apart from their shortcuts:

- ``data.py`` loads the data: placeholder words, wiki and HTML names, leftover phrases;
- ``rules.py`` holds the checks: what makes a span a token, an empty value, filler or a
  leftover, and what context drops an ambiguous match;
- ``context.py`` computes that context once per draft;
- ``gates.py`` chooses which lines (and phrases) a check looks at, in one way;
- ``filter.py`` holds :class:`FlagTemplates`, which runs the checks on the lines the gates
  choose, or on every line when the draft is plain.
"""

from newsclean.filters.templates.data import (
    KINDS,
    LANGUAGES,
    leftover_languages,
    leftover_patterns,
    leftover_sources,
    placeholder_vocabulary,
    start_pattern,
)
from newsclean.filters.templates.filter import FlagTemplates
from newsclean.filters.templates.rules import is_placeholder_phrase

__all__ = [
    "KINDS",
    "LANGUAGES",
    "FlagTemplates",
    "is_placeholder_phrase",
    "leftover_languages",
    "leftover_patterns",
    "leftover_sources",
    "placeholder_vocabulary",
    "start_pattern",
]
