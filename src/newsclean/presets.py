"""The two ready-made pipelines, as data: which filters, in which order, with which options.

``extracted`` (default)
    The input is an HTML extractor's output: mostly article text with some residual chrome.
    Lines are removed only with clear evidence.
``page``
    The input is all the visible text of a page. Also tells body from chrome by block features.

``default_pipeline`` (in :mod:`newsclean.pipeline`) builds one. Importing this module registers
the built-in filters the presets name.
"""

from __future__ import annotations

from typing import Any

import newsclean.filters._builtin  # noqa: F401  (registers the built-in filters)
from newsclean._suggest import did_you_mean
from newsclean.errors import ConfigError

#: filter name -> options, in pipeline order, per preset
PRESETS: dict[str, tuple[tuple[str, dict[str, Any]], ...]] = {
    "extracted": (
        ("fix_line_breaks", {}),
        ("fix_encoding", {}),
        ("strip_invisible", {}),
        ("normalize_whitespace", {}),
        ("strip_boilerplate", {}),
        ("strip_site_repeated", {}),
        ("flag_templates", {}),
        ("strip_duplicates", {}),
        ("strip_link_lists", {"where": "chrome"}),
        ("strip_context", {"edges": False}),
        ("strip_edges", {"cluster": False}),
        ("strip_symbol_lines", {}),
        ("detect_title", {}),
        ("check_facts", {}),
        ("check_dates", {}),
        ("check_headline", {}),
    ),
    "page": (
        ("fix_line_breaks", {}),
        ("fix_encoding", {}),
        ("strip_invisible", {}),
        ("normalize_whitespace", {}),
        ("strip_boilerplate", {}),
        ("strip_site_repeated", {}),
        ("flag_templates", {}),
        ("strip_duplicates", {}),
        ("strip_link_lists", {"where": "anywhere", "bullets": True, "window": 8}),
        ("classify_blocks", {}),
        ("strip_context", {"edges": True}),
        ("strip_edges", {"lists": True}),
        ("strip_symbol_lines", {}),
        ("detect_title", {"min_score": 4.5, "topic": True, "margin": 1.0}),
        ("check_facts", {}),
        ("check_dates", {}),
        ("check_headline", {}),
    ),
}

#: Seconds one document may take in :func:`default_pipeline` before the filters still to run are
#: skipped (with a ``pipeline.budget_exceeded`` finding). A typical article takes milliseconds and
#: 1 MB of typical text about a second, so only pathological inputs reach it. ``budget=None``
#: turns it off (then output never depends on machine speed).
DEFAULT_BUDGET = 10.0


def preset_specs(preset: str) -> list[tuple[str, dict[str, Any]]]:
    """``(filter name, options)`` of a preset, in order: a fresh copy to change."""
    try:
        return [(name, dict(opts)) for name, opts in PRESETS[preset]]
    except KeyError:
        msg = f"unknown preset {preset!r}.{did_you_mean(str(preset), PRESETS)} Presets: {', '.join(PRESETS)}"
        raise ConfigError(msg) from None
