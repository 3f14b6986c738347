"""The document in flight (:class:`Draft`), what a filter proposes, and the filter protocol.

A filter looks at a draft and returns a :class:`Proposal`: text edits (normalize stage only), blocks
to remove and a title (strip stage), flags. It never applies anything itself; the pipeline
(:mod:`newsclean.pipeline`) applies every proposal in one place, so spans stay right and every
change is recorded. This module knows nothing of pipelines, so a filter depends on it alone.
"""

from __future__ import annotations

import contextlib
import enum
import gc
import os
import time
from collections.abc import Callable, Hashable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, ClassVar, Protocol, TypeVar, runtime_checkable

from newsclean._offsets import OffsetMap, TextEdit
from newsclean._patterns import DEFAULT_TIMEOUT
from newsclean.codes import Severity
from newsclean.errors import InputError, UnknownOptionError
from newsclean.record import TEXT_FIELDS, Finding, Source, Span, text_field_hint

__all__ = [
    "EMPTY",
    "READ_FIELDS",
    "RECORD_FIELDS",
    "Block",
    "BlockRemoval",
    "Draft",
    "Filter",
    "Flag",
    "Proposal",
    "Stage",
    "TextEdit",
    "collector_paused",
    "make_draft",
    "split_blocks",
]


T = TypeVar("T")


class Stage(enum.IntEnum):
    """Filters run in non-decreasing stage order. What each stage may propose:

    NORMALIZE: text edits. STRIP: block removals and a title. FLAG: flags only.
    Every stage may flag. Blocks exist from the strip stage on.
    """

    NORMALIZE = 10
    STRIP = 30
    FLAG = 40


@dataclass(frozen=True, slots=True)
class Block:
    """One non-empty line of the normalized text.

    ``span`` is in the normalized text; ``para`` numbers the blank-line-separated group it is in.
    """

    index: int
    text: str
    span: Span
    para: int


@dataclass(frozen=True, slots=True)
class BlockRemoval:
    """Take block ``index`` out of the body, for ``reason`` (a removal code), by ``rule``.

    ``replace``: the new reason replaces one an earlier filter gave (a line read into the record,
    such as the headline, is not chrome); otherwise the first reason given stays.
    """

    index: int
    reason: str
    rule: str = ""
    replace: bool = False


@dataclass(frozen=True, slots=True)
class Flag:
    """A finding in the making; ``span`` is in the normalized text."""

    code: str
    span: Span
    message: str
    evidence: Mapping[str, Any] = field(default_factory=dict)
    severity: Severity | None = None  # None: the code's default
    #: the block the flag is about, and the severity it takes when another filter removes that
    #: block (None: it keeps its own), so a gate on the output judges the output
    block: int | None = None
    removed_severity: Severity | None = None


@dataclass(frozen=True, slots=True)
class Proposal:
    """What one filter proposes for one draft."""

    edits: tuple[TextEdit, ...] = ()
    removals: tuple[BlockRemoval, ...] = ()
    flags: tuple[Flag, ...] = ()
    title: str | None = None
    #: record fields read from the text (``subtitle``, ``authors``, ``published``, ...): a field
    #: the input record gave, or an earlier filter set, is not changed
    fields: Mapping[str, Any] = field(default_factory=dict)
    #: field name -> (span in the normalized text, rule) for ``fields`` and the title
    sources: Mapping[str, tuple[Span, str]] = field(default_factory=dict)


EMPTY = Proposal()

#: the fields a filter may propose
READ_FIELDS = frozenset({"published", *TEXT_FIELDS})


@runtime_checkable
class Filter(Protocol):
    """A small object with a stable ``name``, a ``stage``, and one pure method.

    A filter may also declare ``codes``, the tuple of codes from :mod:`newsclean.codes` its
    proposals use (every built-in filter does); the pipeline then raises
    :class:`~newsclean.errors.ConfigError` when a proposal uses a code not declared.
    """

    name: ClassVar[str]
    stage: ClassVar[Stage]

    def apply(self, draft: Draft, /) -> Proposal: ...


#: set to ``1`` to run every filter on its plain path (see :attr:`newsclean.pipeline.Pipeline.plain`)
PLAIN_ENV = "NEWSCLEAN_PLAIN"


def plain_from_env() -> bool:
    """Whether the environment asks for the plain path: ``NEWSCLEAN_PLAIN=1`` (or ``true``)."""
    return os.environ.get(PLAIN_ENV, "").strip().lower() in {"1", "true", "yes", "on"}


class Draft:
    """The document in flight. Filters read it; only the pipeline changes it."""

    __slots__ = (
        "_removable",
        "_removed",
        "blocks",
        "deadline",
        "edit_filters",
        "extra",
        "fields",
        "findings",
        "id",
        "lang",
        "memo",
        "offsets",
        "original",
        "plain",
        "published",
        "regex_timeout",
        "site",
        "sources",
        "stopped",
        "text",
        "title",
        "title_given",
        "url",
    )

    def __init__(
        self,
        original: str,
        *,
        title: str | None = None,
        id: str | None = None,
        url: str | None = None,
        site: str | None = None,
        published: str | None = None,
        lang: str | None = None,
        extra: Mapping[str, Any] | None = None,
        regex_timeout: float | None = DEFAULT_TIMEOUT,
        plain: bool | None = None,
    ) -> None:
        self.original = original
        self.text = original
        self.offsets = OffsetMap()
        self.blocks: tuple[Block, ...] = ()
        self._removed: dict[int, tuple[BlockRemoval, str]] = {}
        # findings whose severity changes when their block is removed: (finding, block, severity)
        self._removable: list[tuple[int, int, Severity]] = []
        self.title = title
        self.title_given = title is not None
        self.id, self.url, self.site = id, url, site
        self.published, self.lang = published, lang
        self.extra: dict[str, Any] = dict(extra or {})
        self.findings: list[Finding] = []
        self.edit_filters: dict[str, str] = {}  # edit code -> the filter that made such edits
        self.memo: dict[Hashable, Any] = {}
        self.regex_timeout = regex_timeout
        self.fields: dict[str, Any] = {}  # record fields read from the text
        self.sources: dict[str, Source] = {}
        for key in ("title", "published"):
            if getattr(self, key) is not None:
                self.sources[key] = Source("given")
        # every filter gives every line every check: its gates and fast paths are bypassed
        self.plain = plain_from_env() if plain is None else plain
        #: when the document's time budget runs out (``time.perf_counter()``), or ``None``; a
        #: filter that works long on a document looks at it inside its loop (:meth:`past_deadline`)
        self.deadline: float | None = None
        #: set by a filter that stopped part-way at the deadline: what it got done
        self.stopped: str | None = None

    def past_deadline(self) -> bool:
        """Whether the document's time budget has run out: a filter with a long loop asks this
        as it goes, keeps what it has done, and says so in :attr:`stopped`."""
        return self.deadline is not None and time.perf_counter() > self.deadline

    @classmethod
    def of(cls, text: str, *, plain: bool | None = None) -> Draft:
        """A segmented draft of ``text`` with no normalization: handy for testing one filter."""
        draft = cls(text, plain=plain)
        draft.blocks = split_blocks(text)
        return draft

    def cached(self, key: Hashable, compute: Callable[[], T]) -> T:
        """A value derived from the blocks, computed once per document and shared by filters.

        Blocks do not change after normalization, so what is derived from them alone (a
        language guess, per-line features) can be computed by the first filter that needs it.
        Only such derived values belong here: a filter's decisions go in its proposal.
        """
        try:
            value: T = self.memo[key]
        except KeyError:
            value = self.memo[key] = compute()
        return value

    def is_removed(self, index: int) -> bool:
        return index in self._removed

    def removal_of(self, index: int) -> BlockRemoval | None:
        entry = self._removed.get(index)
        return entry[0] if entry else None

    def kept(self) -> list[Block]:
        """The blocks still in the body."""
        removed = self._removed
        return [b for b in self.blocks if b.index not in removed]

    def body(self) -> str:
        """The kept blocks joined by newlines (spans do not apply to this string)."""
        return "\n".join(b.text for b in self.kept())

    def original_span(self, span: Span) -> Span:
        return self.offsets.span(span)


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while a function builds many acyclic objects.

    A line-dense text makes a block per line and a record per removed line; the collector would
    walk the growing heap again and again for objects that cannot form cycles.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


@collector_paused()
def split_blocks(text: str) -> tuple[Block, ...]:
    """Split text into non-empty lines, numbering blank-line-separated groups."""
    blocks: list[Block] = []
    pos, para, blank = 0, 0, False
    for line in text.split("\n"):
        end = pos + len(line)
        if line.strip():
            if blank and blocks:
                para += 1
            blocks.append(Block(len(blocks), line, (pos, end), para))
            blank = False
        else:
            blank = True
        pos = end + 1
    return tuple(blocks)


# ---------------------------------------------------------------------------------------------
# input records

#: Record keys that map to draft fields; every other key is carried along in ``Article.meta``.
RECORD_FIELDS = ("text", "title", "id", "url", "site", "published", "lang")


def _as_optional_str(key: str, value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, (str, int)) and not isinstance(value, bool):
        text = str(value).strip()
        return text or None
    msg = f"field {key!r} must be a string, not {type(value).__name__}"
    raise InputError(msg)


def make_draft(
    record: str | Mapping[str, Any],
    fields: Mapping[str, Any] | None = None,
    *,
    text_field: str = "text",
    meta: Mapping[str, Any] | None = None,
    regex_timeout: float | None = DEFAULT_TIMEOUT,
    plain: bool | None = None,
) -> Draft:
    """Turn an input record into a draft, with clear errors for records that cannot be cleaned.

    ``fields`` add to or override the record's fields; ``text_field`` names the key of the text
    in a mapping (another ``text`` key is kept, as ``input_text``); ``meta`` adds to the
    record's other keys, which become ``Article.meta``.
    """
    if isinstance(record, (bytes, bytearray)):
        msg = "newsclean needs text (str), got bytes; decode it first, e.g. data.decode('utf-8')"
        raise InputError(msg)
    data: dict[str, Any]
    if isinstance(record, str):
        data = {"text": record}
    elif isinstance(record, Mapping):
        data = dict(record)
        if text_field in data:
            if text_field != "text":
                other = data.pop("text", None)
                data["text"] = data.pop(text_field)
                if other is not None:  # kept, under a name that is not a record field
                    data["input_text"] = other
        elif not (fields and "text" in fields):
            raise InputError(text_field_hint(record, text_field))
    else:
        msg = (
            f"a record must be a str or a mapping with a 'text' field, not {type(record).__name__}"
        )
        raise InputError(msg)
    data.update(fields or {})
    text = data.pop("text", None)
    if text is None:
        msg = f"the record's {text_field!r} field is null"
        raise InputError(msg)
    if not isinstance(text, str):
        msg = f"field {text_field!r} must be a string, not {type(text).__name__}"
        raise InputError(msg)
    known = {k: _as_optional_str(k, data.pop(k, None)) for k in RECORD_FIELDS[1:]}
    if meta is not None:
        if not isinstance(meta, Mapping):
            msg = f"meta must be a mapping, not {type(meta).__name__}"
            raise UnknownOptionError(msg)
        data.update(meta)
    return Draft(text, extra=data, regex_timeout=regex_timeout, plain=plain, **known)
