"""The document model in flight (:class:`Draft`), the filter protocol, and :class:`Pipeline`.

A filter looks at a draft and returns a :class:`Proposal`: text edits (normalize stage only), blocks
to remove and a title (strip stage), flags, a title. It never applies anything itself; the pipeline
applies every proposal in one place, so spans stay right and every change is recorded.
"""

from __future__ import annotations

import contextlib
import dataclasses
import enum
import gc
import time
from collections.abc import Callable, Hashable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar, Protocol, TypeVar, overload, runtime_checkable

from newsclean import codes
from newsclean._offsets import OffsetMap, TextEdit
from newsclean._patterns import DEFAULT_TIMEOUT
from newsclean.codes import Kind, Severity
from newsclean.errors import ConfigError, InputError
from newsclean.record import TEXT_FIELDS, Article, Edit, Finding, Removal, Source, Span
from newsclean.registry import FILTERS

__all__ = [
    "Block",
    "BlockRemoval",
    "Draft",
    "Filter",
    "Flag",
    "Pipeline",
    "Proposal",
    "Stage",
    "TextEdit",
    "make_filter",
    "make_pipeline",
]


T = TypeVar("T")


class Stage(enum.IntEnum):
    """Filters run in non-decreasing stage order. What each stage may propose:

    NORMALIZE: text edits. STRIP: block removals and a title. FLAG: flags only.
    Every stage may flag and annotate. Blocks exist from the strip stage on.
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


@dataclass(frozen=True, slots=True)
class Proposal:
    """What one filter proposes for one draft."""

    edits: tuple[TextEdit, ...] = ()
    removals: tuple[BlockRemoval, ...] = ()
    flags: tuple[Flag, ...] = ()
    title: str | None = None
    annotations: Mapping[str, Any] = field(default_factory=dict)
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
    """A small object with a stable ``name``, a ``stage``, and one pure method."""

    name: ClassVar[str]
    stage: ClassVar[Stage]

    def apply(self, draft: Draft, /) -> Proposal: ...


class Draft:
    """The document in flight. Filters read it; only the pipeline changes it."""

    __slots__ = (
        "_removed",
        "annotations",
        "blocks",
        "edit_filters",
        "extra",
        "fields",
        "findings",
        "id",
        "lang",
        "memo",
        "offsets",
        "original",
        "published",
        "regex_timeout",
        "site",
        "sources",
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
    ) -> None:
        self.original = original
        self.text = original
        self.offsets = OffsetMap()
        self.blocks: tuple[Block, ...] = ()
        self._removed: dict[int, tuple[BlockRemoval, str]] = {}
        self.title = title
        self.title_given = title is not None
        self.id, self.url, self.site = id, url, site
        self.published, self.lang = published, lang
        self.extra: dict[str, Any] = dict(extra or {})
        self.annotations: dict[str, Any] = {}
        self.findings: list[Finding] = []
        self.edit_filters: dict[str, str] = {}  # edit code -> the filter that made such edits
        self.memo: dict[Hashable, Any] = {}
        self.regex_timeout = regex_timeout
        self.fields: dict[str, Any] = {}  # record fields read from the text
        self.sources: dict[str, Source] = {}
        for key in ("title", "published"):
            if getattr(self, key) is not None:
                self.sources[key] = Source("given")

    @classmethod
    def of(cls, text: str) -> Draft:
        """A segmented draft of ``text`` with no normalization: handy for testing one filter."""
        draft = cls(text)
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
# building filters and pipelines


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
            f"filter {name!r} has no option {', '.join(map(repr, unknown))}; "
            f"valid options: {', '.join(valid) or '(none)'}"
        )
        raise ConfigError(msg)
    try:
        instance = cls(**options)
    except (TypeError, ValueError) as exc:
        msg = f"filter {name!r}: {exc}"
        raise ConfigError(msg) from exc
    return instance  # type: ignore[no-any-return]


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


_PIPELINE_OPTIONS = ("regex_timeout", "budget")


class Pipeline:
    """An ordered, validated tuple of filters that turns records into :class:`Article` s.

    Args:
        filters: filter objects, in stage order, with unique names.
        regex_timeout: seconds one pattern may spend on one text (``None``: no limit).
        budget: seconds one document may take before the rest of the pipeline is skipped and a
            ``pipeline.budget_exceeded`` finding is added (``None``: no budget).
    """

    __slots__ = ("_prepared", "budget", "filters", "regex_timeout")

    def __init__(
        self,
        filters: Iterable[Filter] = (),
        *,
        regex_timeout: float | None = DEFAULT_TIMEOUT,
        budget: float | None = None,
    ) -> None:
        self.filters: tuple[Filter, ...] = tuple(filters)
        self.regex_timeout = regex_timeout
        self.budget = budget
        self._prepared = False
        self._validate()

    def _validate(self) -> None:
        seen: set[str] = set()
        last = Stage.NORMALIZE
        for f in self.filters:
            if not isinstance(f, Filter):
                msg = f"{f!r} is not a filter: it needs 'name', 'stage' and 'apply(draft)'"
                raise ConfigError(msg)
            if f.name in seen:
                msg = f"filter name {f.name!r} appears twice; names must be unique"
                raise ConfigError(msg)
            seen.add(f.name)
            if f.stage < last:
                order = ", ".join(f"{g.name} ({g.stage.name.lower()})" for g in self.filters)
                msg = f"filter {f.name!r} is out of stage order: {order}"
                raise ConfigError(msg)
            last = f.stage
        for opt in ("regex_timeout", "budget"):
            value = getattr(self, opt)
            if value is not None and (not isinstance(value, (int, float)) or value <= 0):
                msg = f"{opt} must be a positive number of seconds or None, not {value!r}"
                raise ConfigError(msg)

    # -- sequence protocol ------------------------------------------------------------------

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(f.name for f in self.filters)

    def __len__(self) -> int:
        return len(self.filters)

    def __iter__(self) -> Iterator[Filter]:
        return iter(self.filters)

    @overload
    def __getitem__(self, key: int | str) -> Filter: ...
    @overload
    def __getitem__(self, key: slice) -> Pipeline: ...
    def __getitem__(self, key: int | str | slice) -> Filter | Pipeline:
        if isinstance(key, slice):
            return self._copy(self.filters[key])
        if isinstance(key, str):
            for f in self.filters:
                if f.name == key:
                    return f
            msg = f"no filter named {key!r} in this pipeline; it has: {', '.join(self.names)}"
            raise KeyError(msg)
        return self.filters[key]

    def without(self, *names: str) -> Pipeline:
        """A copy without the named filters."""
        missing = [n for n in names if n not in self.names]
        if missing:
            msg = f"not in this pipeline: {', '.join(missing)}; it has: {', '.join(self.names)}"
            raise ConfigError(msg)
        return self._copy(f for f in self.filters if f.name not in names)

    def replace(self, name: str, /, **options: Any) -> Pipeline:
        """A copy with the named filter rebuilt with changed options."""
        current = self[name]
        config = filter_config(current)
        config.pop("name")
        config.update(options)
        new = make_filter(name, **config)
        return self._copy(new if f.name == name else f for f in self.filters)

    def _copy(self, filters: Iterable[Filter]) -> Pipeline:
        return Pipeline(filters, regex_timeout=self.regex_timeout, budget=self.budget)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Pipeline):
            return NotImplemented
        return self.to_config() == other.to_config()

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"Pipeline([{', '.join(self.names)}])"

    def __getstate__(self) -> dict[str, Any]:
        # what a filter loaded lazily stays behind: a new process prepares again
        return {s: getattr(self, s) for s in self.__slots__ if s != "_prepared"}

    def __setstate__(self, state: dict[str, Any]) -> None:
        for key, value in state.items():
            object.__setattr__(self, key, value)
        object.__setattr__(self, "_prepared", False)

    def prepare(self) -> Pipeline:
        """Load now what filters load lazily (a knowledge base, catalogues).

        Filters may have a ``prepare()`` method for one-time setup. The pipeline calls it before
        the first document, outside that document's time budget; calling it earlier, e.g. in a
        worker's start-up, moves the cost there. A prepared pipeline is not prepared again (a
        copy in another process is, see :meth:`__getstate__`).
        """
        if self._prepared:
            return self
        for f in self.filters:
            hook = getattr(f, "prepare", None)
            if callable(hook):
                hook()
        self._prepared = True
        return self

    # -- configuration ----------------------------------------------------------------------

    def to_config(self) -> dict[str, Any]:
        """The pipeline as plain data (the shape :meth:`from_config` and TOML files use)."""
        out: dict[str, Any] = {"pipeline": {}, "filter": [filter_config(f) for f in self.filters]}
        for opt in _PIPELINE_OPTIONS:
            value = getattr(self, opt)
            if value is not None:
                out["pipeline"][opt] = value
        return out

    @classmethod
    def from_config(cls, config: Mapping[str, Any]) -> Pipeline:
        """Build from plain data: see ``docs/configuration.md``."""
        from newsclean.presets import pipeline_from_config

        return pipeline_from_config(config)

    @classmethod
    def from_toml(cls, path: str | Path) -> Pipeline:
        from newsclean.presets import load_toml

        return cls.from_config(load_toml(path))

    # -- running ----------------------------------------------------------------------------

    def __call__(self, record: str | Mapping[str, Any], /, **meta: Any) -> Article:
        """Clean one record: a string, or a mapping with ``text`` and optional metadata."""
        draft = make_draft(record, meta, regex_timeout=self.regex_timeout)
        return self.run(draft)

    clean = __call__

    def pipe(self, records: Iterable[str | Mapping[str, Any]]) -> Iterator[Article]:
        """Clean records lazily, one at a time, in order."""
        for record in records:
            yield self(record)

    def run(self, draft: Draft) -> Article:
        """Run every filter over a draft and build the record.

        The normalize stage runs to a fixpoint (at most :data:`NORMALIZE_ROUNDS` rounds, a new
        round only when the last one changed something): one fix can expose another, such as a
        soft hyphen hiding mojibake, and a fixpoint is what makes cleaning idempotent.
        """
        if not self._prepared:
            self.prepare()
        started = time.perf_counter()
        normalizers = [f for f in self.filters if f.stage is Stage.NORMALIZE]
        rest = [f for f in self.filters if f.stage is not Stage.NORMALIZE]
        for _ in range(NORMALIZE_ROUNDS):
            changed = False
            for f in normalizers:
                if self._over_budget(draft, f, started):
                    return build_article(draft)
                before = draft.text
                self._apply(draft, f)
                changed = changed or draft.text != before
            if not changed:
                break
        draft.blocks = split_blocks(draft.text)
        draft.memo.clear()
        for f in rest:
            if self._over_budget(draft, f, started):
                break
            self._apply(draft, f)
        return build_article(draft)

    def _over_budget(self, draft: Draft, f: Filter, started: float) -> bool:
        if self.budget is None or time.perf_counter() - started <= self.budget:
            return False
        flag = Flag(
            "pipeline.budget_exceeded",
            (0, len(draft.text)),
            f"document took over {self.budget:g}s; skipped {f.name} and the filters after it",
            {"budget": self.budget, "skipped_from": f.name},
        )
        _flag(draft, f, flag)
        if not draft.blocks:
            draft.blocks = split_blocks(draft.text)
        return True

    @staticmethod
    def _apply(draft: Draft, f: Filter) -> None:
        try:
            proposal = f.apply(draft)
        except TimeoutError:
            flag = Flag(
                "pipeline.regex_timeout",
                (0, len(draft.text)),
                f"a pattern of {f.name} ran out of time ({draft.regex_timeout}s); "
                "its proposals were dropped",
                {"timeout": draft.regex_timeout},
            )
            _flag(draft, f, flag)
            return
        _accept(draft, f, proposal)


#: the most rounds the normalize stage runs to reach a fixpoint
NORMALIZE_ROUNDS = 4


def _flag(draft: Draft, f: Filter, flag: Flag) -> None:
    code = codes.get(flag.code)
    if code.kind is not Kind.FINDING:
        msg = f"{f.name} flagged {flag.code!r}, which is a {code.kind.value} code, not a finding"
        raise ConfigError(msg)
    start, end = flag.span
    if not 0 <= start <= end <= len(draft.text):
        msg = f"{f.name} flagged span {flag.span} outside the text (length {len(draft.text)})"
        raise ConfigError(msg)
    draft.findings.append(
        Finding(
            code=flag.code,
            severity=flag.severity if flag.severity is not None else code.severity,
            span=draft.offsets.span(flag.span),
            message=flag.message,
            evidence=flag.evidence,
            filter=f.name,
        )
    )


def _accept(draft: Draft, f: Filter, proposal: Proposal) -> None:
    """Apply one filter's proposal to the draft: the one place where drafts change."""
    if proposal.edits:
        if f.stage is not Stage.NORMALIZE:
            msg = f"{f.name} proposed text edits, which only normalize-stage filters may do"
            raise ConfigError(msg)
        for e in proposal.edits:
            if codes.get(e.code).kind is not Kind.EDIT:
                msg = f"{f.name} used {e.code!r} for an edit; it is not an edit code"
                raise ConfigError(msg)
    if (proposal.removals or proposal.title is not None) and f.stage is not Stage.STRIP:
        msg = f"{f.name} proposed removals or a title, which only strip-stage filters may do"
        raise ConfigError(msg)
    # flags are in the coordinates of the text the filter saw: record them before any edit
    for flag in proposal.flags:
        _flag(draft, f, flag)
    if proposal.edits:
        draft.text, draft.offsets = draft.offsets.then(draft.text, proposal.edits)
        draft.edit_filters.update({e.code: f.name for e in proposal.edits})
    if proposal.fields and f.stage is not Stage.STRIP:
        msg = f"{f.name} proposed record fields, which only strip-stage filters may do"
        raise ConfigError(msg)
    checked: set[str] = set()  # reasons already known to be removal codes
    # a removal per line of a long page: names looked up once, not per removal
    n_blocks, keep, name = len(draft.blocks), draft._removed.setdefault, f.name
    for removal in proposal.removals:
        reason, index = removal.reason, removal.index
        if reason not in checked:
            if codes.get(reason).kind is not Kind.REMOVAL:
                msg = f"{name} used {reason!r} as a removal reason; it is not a removal code"
                raise ConfigError(msg)
            checked.add(reason)
        if not 0 <= index < n_blocks:
            msg = f"{name} proposed removing block {index}, which does not exist"
            raise ConfigError(msg)
        if removal.replace:
            draft._removed[index] = (removal, name)
        else:
            keep(index, (removal, name))
    if proposal.title is not None and not draft.title_given:
        draft.title = proposal.title
        _source(draft, f, proposal, "title")
    for key, value in proposal.fields.items():
        if key not in READ_FIELDS:
            msg = f"{name} proposed the field {key!r}; fields: {', '.join(sorted(READ_FIELDS))}"
            raise ConfigError(msg)
        given = draft.published if key == "published" else draft.fields.get(key)
        if given is None or given == ():
            if key == "published":
                draft.published = value
            else:
                draft.fields[key] = value
            _source(draft, f, proposal, key)
    draft.annotations.update(proposal.annotations)


def _source(draft: Draft, f: Filter, proposal: Proposal, key: str) -> None:
    where = proposal.sources.get(key)
    if where is not None:
        span, rule = where
        draft.sources[key] = Source(rule, draft.offsets.span(span), f.name)


@collector_paused()
def build_article(draft: Draft) -> Article:
    """Assemble the immutable record from a finished draft."""
    offsets = draft.offsets
    kept = draft.kept()
    # blank lines separate paragraphs when the body has them; otherwise every line is one. Deciding
    # from the kept blocks keeps cleaning idempotent: the output has blank lines exactly then.
    grouped = len({b.para for b in kept}) > 1
    paragraphs: list[str] = []
    spans: list[Span] = []
    current: list[Block] = []

    def flush() -> None:
        if current:
            paragraphs.append("\n".join(b.text.strip() for b in current))
            spans.append(offsets.span((current[0].span[0], current[-1].span[1])))
            current.clear()

    for block in kept:
        if current and (not grouped or block.para != current[-1].para):
            flush()
        current.append(block)
    flush()

    removals = []
    blocks, original, original_span = draft.blocks, draft.original, offsets.span
    for index, (removal, filter_name) in sorted(draft._removed.items()):
        span = original_span(blocks[index].span)
        removals.append(
            Removal(span, original[span[0] : span[1]], removal.reason, filter_name, removal.rule)
        )
    edits = tuple(
        Edit((e.start, e.end), e.replacement, e.code, draft.edit_filters.get(e.code, ""))
        for e in offsets.edits_in_original(draft.text)
    )
    findings = tuple(sorted(draft.findings, key=lambda x: (x.span, x.code)))
    meta = dict(draft.extra)
    if draft.annotations:
        meta.update({k: v for k, v in draft.annotations.items() if not k.startswith("_")})
    return Article(
        text="\n\n".join(paragraphs),
        original=draft.original,
        title=draft.title,
        paragraphs=tuple(paragraphs),
        paragraph_spans=tuple(spans),
        id=draft.id,
        url=draft.url,
        site=draft.site,
        published=draft.published,
        lang=draft.lang,
        findings=findings,
        removals=tuple(removals),
        edits=edits,
        meta=meta,
        subtitle=draft.fields.get("subtitle"),
        authors=tuple(draft.fields.get("authors") or ()),
        agency=draft.fields.get("agency"),
        updated=draft.fields.get("updated"),
        dateline=draft.fields.get("dateline"),
        section=draft.fields.get("section"),
        sources=dict(draft.sources),
    )


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
    meta: Mapping[str, Any] | None = None,
    *,
    regex_timeout: float | None = DEFAULT_TIMEOUT,
) -> Draft:
    """Turn an input record into a draft, with clear errors for records that cannot be cleaned."""
    if isinstance(record, (bytes, bytearray)):
        msg = "newsclean needs text (str), got bytes; decode it first, e.g. data.decode('utf-8')"
        raise InputError(msg)
    fields: dict[str, Any]
    if isinstance(record, str):
        fields = {"text": record}
    elif isinstance(record, Mapping):
        fields = dict(record)
    else:
        msg = (
            f"a record must be a str or a mapping with a 'text' field, not {type(record).__name__}"
        )
        raise InputError(msg)
    fields.update(meta or {})
    text = fields.pop("text", None)
    if text is None:
        msg = "the record has no 'text' field"
        raise InputError(msg)
    if not isinstance(text, str):
        msg = f"field 'text' must be a string, not {type(text).__name__}"
        raise InputError(msg)
    known = {k: _as_optional_str(k, fields.pop(k, None)) for k in RECORD_FIELDS[1:]}
    return Draft(text, extra=fields, regex_timeout=regex_timeout, **known)


def make_pipeline(*filters: Filter, **options: Any) -> Pipeline:
    """A pipeline of the given filters; ``options`` are :class:`Pipeline` options."""
    return Pipeline(filters, **options)
