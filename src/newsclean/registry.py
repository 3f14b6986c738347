"""The one registry of filters: a stable name for every filter class, for configs and the CLI.

A leaf: it imports no filter. The built-in filters are registered by
:mod:`newsclean.filters._builtin`, which ``import newsclean`` runs; user filters register
themselves with :func:`register_filter`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any, TypeVar

from rapidfuzz import process, utils

from newsclean.errors import UnknownFilterError

T = TypeVar("T", bound=type[Any])


class Registry:
    """Name -> class, with a helpful error for a name that is not there."""

    def __init__(self, kind: str) -> None:
        self.kind = kind
        self._entries: dict[str, type[Any]] = {}

    def register(self, cls: T) -> T:
        """Register a class under its ``name`` attribute. Usable as a decorator."""
        name = getattr(cls, "name", None)
        if not isinstance(name, str) or not name:
            msg = f"{cls.__qualname__} needs a non-empty class attribute 'name' to be registered"
            raise TypeError(msg)
        known = self._entries.get(name)
        if known is not None and known is not cls:
            msg = f"{self.kind} name {name!r} is already taken by {known.__qualname__}"
            raise ValueError(msg)
        self._entries[name] = cls
        return cls

    def get(self, name: str) -> type[Any]:
        try:
            return self._entries[name]
        except KeyError:
            names = sorted(self._entries)
            best = process.extractOne(name, names, processor=utils.default_process, score_cutoff=70)
            hint = f" Did you mean {best[0]!r}?" if best else ""
            msg = f"no {self.kind} named {name!r}.{hint} Available names: {', '.join(names)}"
            raise UnknownFilterError(msg) from None

    def names(self) -> list[str]:
        return sorted(self._entries)

    def __contains__(self, name: object) -> bool:
        return name in self._entries

    def __iter__(self) -> Iterator[str]:
        return iter(self.names())


FILTERS = Registry("filter")
register_filter: Callable[[T], T] = FILTERS.register
