"""Filters and pipelines from configuration data: names and options, dicts, TOML files.

What this module builds is a list of filters and the pipeline's options; :mod:`newsclean.pipeline`
turns them into a :class:`~newsclean.pipeline.Pipeline` (``Pipeline.from_config``,
``Pipeline.from_toml``, ``default_pipeline``).
"""

from __future__ import annotations

import dataclasses
import math
import os
import sys
import types
import typing
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Literal, Union

from newsclean._patterns import DEFAULT_TIMEOUT
from newsclean._suggest import did_you_mean
from newsclean.draft import Filter
from newsclean.errors import ConfigError, UnknownOptionError
from newsclean.lang import languages as pack_languages
from newsclean.presets import DEFAULT_BUDGET, preset_specs
from newsclean.registry import FILTERS

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib  # type: ignore[import-not-found,unused-ignore]

#: the options of a pipeline itself (every other option belongs to a filter)
PIPELINE_OPTIONS = ("regex_timeout", "budget", "plain")


def filter_options(cls: type[Any]) -> list[str]:
    """The option names a filter class accepts."""
    if dataclasses.is_dataclass(cls):
        return [f.name for f in dataclasses.fields(cls) if f.init]
    return []


def make_filter(name: str, /, **options: Any) -> Filter:
    """Build a registered filter by name, checking its options.

    >>> make_filter("strip_duplicates", min_chars=3).min_chars
    3
    """
    cls = FILTERS.get(name)
    valid = filter_options(cls)
    unknown = sorted(set(options) - set(valid))
    if unknown:
        msg = (
            f"filter {name!r} has no option {', '.join(map(repr, unknown))}."
            f"{did_you_mean(unknown[0], valid)} valid options: {', '.join(valid) or '(none)'}"
        )
        raise UnknownOptionError(msg)
    check_option_types(name, cls, options)
    try:
        instance = cls(**options)
    except (TypeError, ValueError) as exc:
        msg = f"filter {name!r}: {exc}"
        raise ConfigError(msg) from exc
    return instance  # type: ignore[no-any-return]


#: options that take one path or a list of them
_ONE_OR_MANY = frozenset({"kb"})


def _describe(hint: Any) -> str:
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin in (Union, types.UnionType):
        return " or ".join(_describe(a) for a in args)
    if origin is Literal:
        return " or ".join(repr(a) for a in args)
    if origin is tuple:
        plural = {str: "strings", int: "whole numbers", float: "numbers", bool: "true or false"}
        return f"a list of {plural.get(args[0], _describe(args[0]))}" if args else "a list"
    if hint is type(None):
        return "none"
    return {bool: "true or false", int: "a whole number", float: "a number", str: "a string"}.get(
        hint, getattr(hint, "__name__", str(hint))
    )


def _conforms(value: Any, hint: Any) -> bool:
    """Whether an option's value has the type its filter declares (the types filters use:
    scalars, literals, ``X | None``, ``tuple[X, ...]``; any other type is the filter's to check).
    Numbers must be finite."""
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if hint is Any:
        return True
    if origin in (Union, types.UnionType):
        return any(_conforms(value, a) for a in args)
    if origin is Literal:
        return any(value == a and type(value) is type(a) for a in args)
    if hint is type(None):
        return value is None
    if hint is bool:
        return isinstance(value, bool)
    if hint is int:
        return isinstance(value, int) and not isinstance(value, bool)
    if hint is float:
        return (
            isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)
        )
    if hint is str:
        return isinstance(value, (str, os.PathLike))
    if origin is tuple:
        if not isinstance(value, (list, tuple)):
            return False
        inner = args[0] if args else Any
        return all(_conforms(v, inner) for v in value)
    return not isinstance(hint, type) or isinstance(value, hint)


def check_option_types(name: str, cls: type[Any], options: Mapping[str, Any]) -> None:
    """Refuse an option whose value is not of the type the filter declares, and a language
    without a pack (``languages = ["xx"]``), naming the filter, the option and what it takes.

    Raises:
        ConfigError: an option of the wrong type, or an unknown language.
    """
    try:
        hints = typing.get_type_hints(cls)
    except Exception:  # pragma: no cover - annotations this process cannot resolve
        return
    for key, value in options.items():
        hint = hints.get(key)
        if hint is None:
            continue
        if key in _ONE_OR_MANY and (isinstance(value, (str, os.PathLike)) or value is None):
            continue
        if not _conforms(value, hint):
            msg = f"filter {name!r}: option {key!r} must be {_describe(hint)}, not {value!r}"
            raise ConfigError(msg)
        if key == "languages":
            known = pack_languages()
            unknown = [lang for lang in value if lang not in known]
            if unknown:
                msg = (
                    f"filter {name!r}: no language pack for {', '.join(map(repr, unknown))}; "
                    f"languages: {', '.join(known)}"
                )
                raise ConfigError(msg)


def filter_config(f: Filter) -> dict[str, Any]:
    """A filter as a plain dict ``{"name": ..., **options}`` (non-default options only)."""
    out: dict[str, Any] = {"name": f.name}
    if dataclasses.is_dataclass(f):
        for fld in dataclasses.fields(f):
            if not fld.init:
                continue
            value = getattr(f, fld.name)
            default = fld.default
            if fld.default_factory is not dataclasses.MISSING:
                default = fld.default_factory()
            if value != default:
                out[fld.name] = list(value) if isinstance(value, tuple) else value
    return out


def preset_filters(preset: str, /, **options: Any) -> tuple[list[Filter], dict[str, Any]]:
    """The filters of a preset and the pipeline's options (see ``default_pipeline``).

    Keyword options go to the pipeline (``regex_timeout``, ``budget``, ``plain``) or, by name, to every filter
    of the preset that has an option of that name. An option no filter takes is an error.
    """
    specs = preset_specs(preset)
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
        known = [*PIPELINE_OPTIONS, *valid_all]
        msg = (
            f"no filter of preset {preset!r} takes {', '.join(map(repr, unused))}."
            f"{did_you_mean(unused[0], known)} Options: {', '.join(known)}"
        )
        raise UnknownOptionError(msg)
    return filters, pipeline_kwargs


_TOP_KEYS = ("pipeline", "filter", "options")
_PIPELINE_KEYS = ("preset", "without", *PIPELINE_OPTIONS)


def _check_keys(where: str, data: Mapping[str, Any], valid: tuple[str, ...]) -> None:
    unknown = sorted(set(data) - set(valid))
    if unknown:
        msg = (
            f"unknown key(s) {', '.join(map(repr, unknown))} in {where}."
            f"{did_you_mean(unknown[0], valid)} Valid: {', '.join(valid)}"
        )
        raise UnknownOptionError(msg)


def filters_from_config(config: Mapping[str, Any]) -> tuple[list[Filter], dict[str, Any]]:
    """The filters and the pipeline's options that configuration data describes.

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
        preset = section.get("preset", "extracted")
        if not isinstance(preset, str):
            msg = f"[pipeline] preset must be a preset's name, not {preset!r}"
            raise ConfigError(msg)
        specs = preset_specs(preset)
        without = section.get("without", [])
        if not isinstance(without, list) or not all(isinstance(w, str) for w in without):
            msg = f"[pipeline] without must be a list of filter names, not {without!r}"
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
    if "plain" in section:
        kwargs["plain"] = section["plain"]
    return filters, kwargs


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
