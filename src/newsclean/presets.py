"""Ready-made pipelines and pipelines built from configuration data (dicts or TOML files).

Two presets:

``extracted`` (default)
    The input is an HTML extractor's output: mostly article text with some residual chrome.
    Lines are removed only with clear evidence.
``page``
    The input is all the visible text of a page. Also tells body from chrome by block features.
"""

from __future__ import annotations

import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from newsclean._patterns import DEFAULT_TIMEOUT
from newsclean.errors import ConfigError
from newsclean.pipeline import Filter, Pipeline, filter_options, make_filter
from newsclean.registry import FILTERS

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib  # type: ignore[import-not-found,unused-ignore]

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
        ("detect_title", {"min_score": 3}),
        ("check_facts", {}),
        ("check_dates", {}),
        ("check_headline", {}),
    ),
}

PIPELINE_OPTIONS = ("regex_timeout", "budget")

#: Seconds one document may take in :func:`default_pipeline` before the filters still to run are
#: skipped (with a ``pipeline.budget_exceeded`` finding). A typical article takes milliseconds and
#: 1 MB of typical text about a second, so only pathological inputs reach it. ``budget=None``
#: turns it off (then output never depends on machine speed).
DEFAULT_BUDGET = 10.0


def _preset_filters(preset: str) -> list[tuple[str, dict[str, Any]]]:
    try:
        return [(name, dict(opts)) for name, opts in PRESETS[preset]]
    except KeyError:
        msg = f"unknown preset {preset!r}; presets: {', '.join(PRESETS)}"
        raise ConfigError(msg) from None


def default_pipeline(preset: str = "extracted", /, **options: Any) -> Pipeline:
    """The recommended pipeline for a kind of input.

    Keyword options go to the pipeline (``regex_timeout``, ``budget``) or, by name, to every filter
    of the preset that has an option of that name (``kb=[...]`` reaches the fact checker,
    ``profile=...`` the learned-site filter). An option no filter takes is an error.

    >>> default_pipeline().names[:3]
    ('fix_line_breaks', 'fix_encoding', 'strip_invisible')
    """
    specs = _preset_filters(preset)
    pipeline_kwargs = {k: options.pop(k) for k in PIPELINE_OPTIONS if k in options}
    pipeline_kwargs.setdefault("budget", DEFAULT_BUDGET)
    used: set[str] = set()
    filters: list[Filter] = []
    for name, opts in specs:
        valid = filter_options(FILTERS.get(name))
        for key, value in options.items():
            if key in valid:
                opts[key] = value
                used.add(key)
        filters.append(make_filter(name, **opts))
    unused = sorted(set(options) - used)
    if unused:
        valid_all = sorted({o for n, _ in specs for o in filter_options(FILTERS.get(n))})
        msg = (
            f"no filter of preset {preset!r} takes {', '.join(map(repr, unused))}; "
            f"options: {', '.join([*PIPELINE_OPTIONS, *valid_all])}"
        )
        raise ConfigError(msg)
    return Pipeline(filters, **pipeline_kwargs)


_TOP_KEYS = ("pipeline", "filter", "options")
_PIPELINE_KEYS = ("preset", "without", *PIPELINE_OPTIONS)


def _check_keys(where: str, data: Mapping[str, Any], valid: tuple[str, ...]) -> None:
    unknown = sorted(set(data) - set(valid))
    if unknown:
        msg = (
            f"unknown key(s) {', '.join(map(repr, unknown))} in {where}; valid: {', '.join(valid)}"
        )
        raise ConfigError(msg)


def pipeline_from_config(config: Mapping[str, Any]) -> Pipeline:
    """Build a pipeline from configuration data.

    Either start from a preset (``[pipeline] preset = "page"``, optionally ``without = [...]`` and
    ``[options.<filter>]`` tables), or list the filters yourself (``[[filter]] name = ...``).
    """
    if not isinstance(config, Mapping):
        msg = f"a pipeline configuration must be a table, not {type(config).__name__}"
        raise ConfigError(msg)
    _check_keys("the configuration", config, _TOP_KEYS)
    section = config.get("pipeline", {})
    if not isinstance(section, Mapping):
        msg = "[pipeline] must be a table"
        raise ConfigError(msg)
    _check_keys("[pipeline]", section, _PIPELINE_KEYS)
    listed = config.get("filter")
    overrides = config.get("options", {})
    if not isinstance(overrides, Mapping) or not all(
        isinstance(v, Mapping) for v in overrides.values()
    ):
        msg = "[options] must hold one table of options per filter name"
        raise ConfigError(msg)
    specs: list[tuple[str, dict[str, Any]]]
    if listed is not None:
        if "preset" in section or "without" in section:
            msg = "give either [pipeline] preset (with without/options) or [[filter]] entries, not both"
            raise ConfigError(msg)
        if not isinstance(listed, list) or not all(isinstance(x, Mapping) for x in listed):
            msg = "[[filter]] entries must be tables with a 'name'"
            raise ConfigError(msg)
        specs = []
        for i, entry in enumerate(listed, 1):
            opts = dict(entry)
            name = opts.pop("name", None)
            if not isinstance(name, str):
                msg = f"[[filter]] entry {i} has no 'name'"
                raise ConfigError(msg)
            specs.append((name, opts))
    else:
        specs = _preset_filters(str(section.get("preset", "extracted")))
        without = section.get("without", [])
        if not isinstance(without, list):
            msg = "[pipeline] without must be a list of filter names"
            raise ConfigError(msg)
        names = [n for n, _ in specs]
        missing = [w for w in without if w not in names]
        if missing:
            msg = f"without names filters not in the preset: {', '.join(missing)}; it has: {', '.join(names)}"
            raise ConfigError(msg)
        specs = [(n, o) for n, o in specs if n not in without]
    names = [n for n, _ in specs]
    for name in overrides:
        if name not in names:
            msg = f"[options.{name}] names no filter of this pipeline; it has: {', '.join(names)}"
            raise ConfigError(msg)
    filters = [
        make_filter(name, **{**opts, **dict(overrides.get(name, {}))}) for name, opts in specs
    ]
    kwargs: dict[str, Any] = {"regex_timeout": section.get("regex_timeout", DEFAULT_TIMEOUT)}
    if "budget" in section:
        kwargs["budget"] = section["budget"]
    return Pipeline(filters, **kwargs)


def load_toml(path: str | Path) -> dict[str, Any]:
    """Read a TOML file as data, with the file name in any error."""
    path = Path(path)
    try:
        with path.open("rb") as fh:
            data: dict[str, Any] = tomllib.load(fh)
            return data
    except OSError as exc:
        msg = f"cannot read {path}: {exc.strerror or exc}"
        raise ConfigError(msg) from exc
    except tomllib.TOMLDecodeError as exc:
        msg = f"{path}: not valid TOML: {exc}"
        raise ConfigError(msg) from exc
