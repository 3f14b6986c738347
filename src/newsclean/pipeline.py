"""The :class:`Pipeline`: an ordered, validated tuple of filters, and the one place where
proposals are applied to a draft.

The document model and the filter protocol live in :mod:`newsclean.draft`; configuration in
:mod:`newsclean.config`. Their names are importable from here too, as they always were.
"""

from __future__ import annotations

import dataclasses
import threading
import time
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any, overload

from newsclean import codes
from newsclean._patterns import DEFAULT_TIMEOUT, plain_path
from newsclean._suggest import did_you_mean
from newsclean.codes import Kind
from newsclean.config import (
    PIPELINE_OPTIONS,
    filter_config,
    filter_options,
    filters_from_config,
    load_toml,
    make_filter,
    preset_filters,
)
from newsclean.draft import (
    EMPTY,
    PLAIN_ENV,
    READ_FIELDS,
    RECORD_FIELDS,
    Block,
    BlockRemoval,
    Draft,
    Filter,
    Flag,
    Proposal,
    Stage,
    TextEdit,
    collector_paused,
    make_draft,
    plain_from_env,
    split_blocks,
)
from newsclean.errors import ConfigError, UnknownOptionError
from newsclean.filters._builtin import BUILTIN_FILTERS
from newsclean.presets import PRESETS
from newsclean.record import Article, Edit, Finding, Removal, Source, Span

__all__ = [
    "EMPTY",
    "PLAIN_ENV",
    "PRESETS",
    "RECORD_FIELDS",
    "Block",
    "BlockRemoval",
    "Draft",
    "Filter",
    "Flag",
    "Pipeline",
    "Proposal",
    "Stage",
    "TextEdit",
    "default_pipeline",
    "filter_config",
    "filter_options",
    "make_draft",
    "make_filter",
    "make_pipeline",
    "pipeline_from_config",
    "plain_from_env",
    "split_blocks",
]

#: the longest ``regex_timeout`` or ``budget`` (a week, in seconds): past about 1e13 the regex
#: module's clock arithmetic overflows and every pattern times out at once
MAX_SECONDS = 7 * 24 * 3600.0

#: held while a pipeline does its one-time setup: threads that start cold build the catalogues,
#: knowledge base and patterns once, not once each (the caches behind them do not lock)
SETUP_LOCK = threading.RLock()

#: codes the pipeline itself raises (not a filter)
PIPELINE_CODES = ("pipeline.regex_timeout", "pipeline.budget_exceeded")


class _Inherit:
    """The default of an option that a copy takes from the pipeline it copies."""

    def __repr__(self) -> str:
        return "<inherit>"


_INHERIT = _Inherit()


class Pipeline:
    """An ordered, validated tuple of filters that turns records into :class:`Article` s.

    Args:
        filters: filter objects, in stage order, with unique names.
        regex_timeout: seconds one pattern may spend on one text (``None``: no limit).
        budget: seconds one document may take before the rest of the pipeline is skipped and a
            ``pipeline.budget_exceeded`` finding is added (``None``: no budget).
        plain: run every filter on its plain path, every line getting every check, with no
            gate or fast path choosing lines (slower; the output is the same). ``None``: as the
            environment variable ``NEWSCLEAN_PLAIN`` says, when each record is cleaned.
    """

    __slots__ = ("_prepared", "budget", "filters", "plain", "regex_timeout")

    def __init__(
        self,
        filters: Iterable[Filter] = (),
        *,
        regex_timeout: float | _Inherit | None = _INHERIT,
        budget: float | _Inherit | None = _INHERIT,
        plain: bool | _Inherit | None = _INHERIT,
    ) -> None:
        # Pipeline(other) is a copy: it keeps the other's options unless they are given
        base = filters if isinstance(filters, Pipeline) else None
        self.filters: tuple[Filter, ...] = tuple(filters)
        if isinstance(regex_timeout, _Inherit):
            regex_timeout = base.regex_timeout if base is not None else DEFAULT_TIMEOUT
        if isinstance(budget, _Inherit):
            budget = base.budget if base is not None else None
        self.regex_timeout: float | None = regex_timeout
        self.budget: float | None = budget
        if isinstance(plain, _Inherit):
            plain = base.plain if base is not None else None
        self.plain: bool | None = plain
        self._prepared = False
        self._validate()
        declare_codes(self.filters)

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
                msg = (
                    f"filter {f.name!r} is out of stage order: {order}. "
                    "pipeline.add(filter) places a filter by its stage"
                )
                raise ConfigError(msg)
            last = f.stage
        if self.plain not in (None, True, False):
            msg = f"plain must be true, false or None, not {self.plain!r}"
            raise ConfigError(msg)
        for opt in ("regex_timeout", "budget"):
            value = getattr(self, opt)
            if value is not None and (
                isinstance(value, bool)
                or not isinstance(value, (int, float))
                or not 0 < value <= MAX_SECONDS
            ):
                msg = (
                    f"{opt} must be a positive, finite number of seconds (at most {MAX_SECONDS:g}) "
                    f"or None for no limit, not {value!r}"
                )
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
        return Pipeline(
            filters, regex_timeout=self.regex_timeout, budget=self.budget, plain=self.plain
        )

    def add(
        self, *filters: Filter, before: str | None = None, after: str | None = None
    ) -> Pipeline:
        """A copy with ``filters`` added, each after the last filter of its stage.

        ``before=`` or ``after=`` a filter name places them there instead (still checked for
        stage order). The copy keeps this pipeline's ``regex_timeout``, ``budget`` and ``plain``.

        >>> p = default_pipeline().without("strip_duplicates")
        >>> p.add(make_filter("strip_duplicates")).names.index("strip_duplicates") > p.names.index("detect_title")
        True
        """
        if before is not None and after is not None:
            msg = "give before= or after=, not both"
            raise ConfigError(msg)
        out = list(self.filters)
        for f in filters:
            if not isinstance(f, Filter):
                msg = f"{f!r} is not a filter: it needs 'name', 'stage' and 'apply(draft)'"
                raise ConfigError(msg)
            if before is not None or after is not None:
                anchor = str(before if before is not None else after)
                names = [g.name for g in out]
                if anchor not in names:
                    msg = (
                        f"no filter named {anchor!r} in this pipeline.{did_you_mean(anchor, names)}"
                        f" It has: {', '.join(names)}"
                    )
                    raise ConfigError(msg)
                out.insert(names.index(anchor) + (after is not None), f)
                if after is not None:
                    after = f.name  # several filters keep their order
                continue
            at = len(out)
            while at and out[at - 1].stage > f.stage:
                at -= 1
            out.insert(at, f)
        return self._copy(out)

    def __add__(self, other: Filter | Iterable[Filter]) -> Pipeline:
        """``pipeline + filter``, ``+ [filters]`` or ``+ other_pipeline``: :meth:`add` each."""
        if isinstance(other, Filter):
            return self.add(other)
        if isinstance(other, Iterable) and not isinstance(other, (str, bytes)):
            return self.add(*other)
        return NotImplemented

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
        declare_codes(self.filters)

    def prepare(self) -> Pipeline:
        """Load now what filters load lazily (a knowledge base, catalogues).

        Filters may have a ``prepare()`` method for one-time setup. The pipeline calls it before
        the first document, outside that document's time budget; calling it earlier, e.g. in a
        worker's start-up, moves the cost there. A prepared pipeline is not prepared again (a
        copy in another process is, see :meth:`__getstate__`).
        """
        if self._prepared:
            return self
        with SETUP_LOCK:  # one thread sets up; the others wait and find it done
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
        for opt in PIPELINE_OPTIONS:
            value = getattr(self, opt)
            if value is not None:
                out["pipeline"][opt] = value
        return out

    @classmethod
    def from_config(cls, config: Mapping[str, Any]) -> Pipeline:
        """Build from configuration data (see :func:`newsclean.config.filters_from_config`)."""
        filters, options = filters_from_config(config)
        return cls(filters, **options)

    @classmethod
    def from_toml(cls, path: str | Path) -> Pipeline:
        """Build from a TOML file (the shape of :meth:`to_config`)."""
        return cls.from_config(load_toml(path))

    # -- running ----------------------------------------------------------------------------

    def __call__(
        self,
        record: str | Mapping[str, Any],
        /,
        *,
        text_field: str = "text",
        meta: Mapping[str, Any] | None = None,
        **fields: Any,
    ) -> Article:
        """Clean one record: a string, or a mapping with the text and optional metadata.

        Args:
            record: the text, or a mapping with ``text`` (or ``text_field``) and optional
                ``title``, ``id``, ``url``, ``site``, ``published`` (ISO date) and ``lang``;
                its other keys go to ``Article.meta``.
            text_field: the key of the text in a mapping.
            meta: more entries for ``Article.meta``.
            **fields: record fields (``title=``, ``id=``, ...) to add or override. Any other
                keyword is an error: it would otherwise vanish unread.
        """
        if fields:
            check_fields(fields, self)
        draft = make_draft(
            record,
            fields,
            text_field=text_field,
            meta=meta,
            regex_timeout=self.regex_timeout,
            plain=self.plain,
        )
        return self.run(draft)

    clean = __call__

    def pipe(
        self, records: Iterable[str | Mapping[str, Any]], *, text_field: str = "text"
    ) -> Iterator[Article]:
        """Clean records lazily, one at a time, in order."""
        for record in records:
            yield self(record, text_field=text_field)

    def run(self, draft: Draft) -> Article:
        """Run every filter over a draft and build the record.

        The normalize stage runs to a fixpoint (at most :data:`NORMALIZE_ROUNDS` rounds, a new
        round only when the last one changed something): one fix can expose another, such as a
        soft hyphen hiding mojibake, and a fixpoint is what makes cleaning idempotent.
        """
        if not self._prepared:
            self.prepare()
        with plain_path(draft.plain):
            return self._run(draft)

    def _run(self, draft: Draft) -> Article:
        started = time.perf_counter()
        draft.deadline = None if self.budget is None else started + self.budget
        normalizers = [f for f in self.filters if f.stage is Stage.NORMALIZE]
        rest = [f for f in self.filters if f.stage is not Stage.NORMALIZE]
        for _ in range(NORMALIZE_ROUNDS):
            changed = False
            for f in normalizers:
                if self._over_budget(draft, f, started):
                    return build_article(draft)
                before = draft.text
                self._apply(draft, f)
                if draft.stopped is not None:
                    self._cut_short(draft, f)
                    return build_article(draft)
                changed = changed or draft.text != before
            if not changed:
                break
        draft.blocks = split_blocks(draft.text)
        draft.memo.clear()
        for f in rest:
            if self._over_budget(draft, f, started):
                break
            self._apply(draft, f)
            if draft.stopped is not None:
                self._cut_short(draft, f)
                break
        return build_article(draft)

    def _cut_short(self, draft: Draft, f: Filter) -> None:
        """A filter stopped part-way at the deadline: say what it did and skip the rest."""
        flag = Flag(
            "pipeline.budget_exceeded",
            (0, len(draft.text)),
            f"document took over {self.budget:g}s; {f.name} stopped part-way ({draft.stopped}) "
            "and the filters after it were skipped",
            {"budget": self.budget, "stopped_in": f.name, "done": draft.stopped},
        )
        _flag(draft, f, flag, declared=PIPELINE_CODES)
        if not draft.blocks:
            draft.blocks = split_blocks(draft.text)

    def _over_budget(self, draft: Draft, f: Filter, started: float) -> bool:
        if self.budget is None or time.perf_counter() - started <= self.budget:
            return False
        flag = Flag(
            "pipeline.budget_exceeded",
            (0, len(draft.text)),
            f"document took over {self.budget:g}s; skipped {f.name} and the filters after it",
            {"budget": self.budget, "skipped_from": f.name},
        )
        _flag(draft, f, flag, declared=PIPELINE_CODES)
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
            _flag(draft, f, flag, declared=PIPELINE_CODES)
            return
        _accept(draft, f, proposal)


def declare_codes(filters: Iterable[Filter]) -> None:
    """Register the new codes filters declare in ``codes`` (a ``Code`` or a ``(slug, kind,
    severity, summary)`` tuple; a plain slug names a catalogued code).

    This runs whenever a pipeline is built or unpickled, so a worker process knows a custom
    filter's codes before its first document.
    """
    for f in filters:
        for entry in getattr(f, "codes", None) or ():
            if not isinstance(entry, str):
                codes.as_code(entry)


def check_fields(fields: Mapping[str, Any], pipeline: Pipeline | None = None) -> None:
    """Refuse keywords that are not record fields, saying what was probably meant."""
    unknown = [k for k in fields if k not in RECORD_FIELDS]
    if not unknown:
        return
    key = unknown[0]
    options = set(PIPELINE_OPTIONS)
    for f in pipeline.filters if pipeline is not None else ():
        options.update(filter_options(type(f)))
    if key == "preset":
        hint = " The preset is chosen when a pipeline is built: default_pipeline('page')."
    elif key in options:
        hint = (
            f" {key!r} is a pipeline option: build the pipeline with it, "
            f"e.g. newsclean.default_pipeline({key}=...), and call that."
        )
    else:
        hint = did_you_mean(key, [*RECORD_FIELDS, "text_field", "meta"])
    valid = ", ".join([*RECORD_FIELDS, "text_field", "meta"])
    msg = f"unexpected keyword {key!r}.{hint} Keywords: {valid}; put anything else in meta={{...}}"
    raise UnknownOptionError(msg)


#: the most rounds the normalize stage runs to reach a fixpoint
NORMALIZE_ROUNDS = 4


def declared_codes(f: Filter) -> tuple[str, ...] | None:
    """The codes a filter declares it uses (``None``: it declares none, and is not checked)."""
    declared = getattr(f, "codes", None)
    if declared is None:
        return None
    # a filter's own code is declared with its kind (a Code or a tuple): its slug is what counts
    return tuple(
        e if isinstance(e, str) else e.slug if isinstance(e, codes.Code) else e[0] for e in declared
    )


def _check_declared(f: Filter, code: str, declared: tuple[str, ...] | None) -> None:
    if declared is not None and code not in declared:
        msg = (
            f"{f.name} used {code!r}, which is not among the codes it declares: "
            f"{', '.join(declared) or '(none)'}"
        )
        raise ConfigError(msg)


def _flag(draft: Draft, f: Filter, flag: Flag, declared: tuple[str, ...] | None) -> None:
    """Record a flag of ``f`` as a finding; ``declared``: the codes it may use (``None``: any)."""
    code = codes.get(flag.code)
    if code.kind is not Kind.FINDING:
        msg = f"{f.name} flagged {flag.code!r}, which is a {code.kind.value} code, not a finding"
        raise ConfigError(msg)
    _check_declared(f, flag.code, declared)
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
    if flag.block is not None and flag.removed_severity is not None:
        draft._removable.append((len(draft.findings) - 1, flag.block, flag.removed_severity))


def _accept(draft: Draft, f: Filter, proposal: Proposal) -> None:
    """Apply one filter's proposal to the draft: the one place where drafts change."""
    declared = declared_codes(f)
    if proposal.edits:
        if f.stage is not Stage.NORMALIZE:
            msg = f"{f.name} proposed text edits, which only normalize-stage filters may do"
            raise ConfigError(msg)
        for e in proposal.edits:
            if codes.get(e.code).kind is not Kind.EDIT:
                msg = f"{f.name} used {e.code!r} for an edit; it is not an edit code"
                raise ConfigError(msg)
            _check_declared(f, e.code, declared)
    if (proposal.removals or proposal.title is not None) and f.stage is not Stage.STRIP:
        msg = f"{f.name} proposed removals or a title, which only strip-stage filters may do"
        raise ConfigError(msg)
    # flags are in the coordinates of the text the filter saw: record them before any edit
    for flag in proposal.flags:
        _flag(draft, f, flag, declared)
    if proposal.edits:
        draft.text, draft.offsets = draft.offsets.then(draft.text, proposal.edits)
        draft.edit_filters.update({e.code: f.name for e in proposal.edits})
    if proposal.fields and f.stage is not Stage.STRIP:
        msg = f"{f.name} proposed record fields, which only strip-stage filters may do"
        raise ConfigError(msg)
    checked: set[str] = set()  # reasons already known to be declared removal codes
    # a removal per line of a long page: names looked up once, not per removal
    n_blocks, keep, name = len(draft.blocks), draft._removed.setdefault, f.name
    for removal in proposal.removals:
        reason, index = removal.reason, removal.index
        if reason not in checked:
            if codes.get(reason).kind is not Kind.REMOVAL:
                msg = f"{name} used {reason!r} as a removal reason; it is not a removal code"
                raise ConfigError(msg)
            _check_declared(f, reason, declared)
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


def _in_removed_lines(draft: Draft) -> list[Finding]:
    """The findings, those about a line another filter removed marked ``in_removed_line`` and
    given the severity their flag asked for there."""
    if not draft._removable:
        return draft.findings
    findings = list(draft.findings)
    for at, index, severity in draft._removable:
        entry = draft._removed.get(index)
        if entry is None or entry[1] == findings[at].filter:
            continue  # kept, or removed by the filter that flagged it (a line of nothing else)
        old = findings[at]
        evidence = {**old.evidence, "in_removed_line": True}
        findings[at] = dataclasses.replace(old, severity=severity, evidence=evidence)
    return findings


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
    findings = tuple(sorted(_in_removed_lines(draft), key=lambda x: (x.span, x.code)))
    meta = dict(draft.extra)
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


def make_pipeline(*filters: Filter, **options: Any) -> Pipeline:
    """A pipeline of the given filters; ``options`` are :class:`Pipeline` options."""
    return Pipeline(filters, **options)


def default_pipeline(preset: str = "extracted", **options: Any) -> Pipeline:
    """The recommended pipeline for a kind of input.

    Keyword options go to the pipeline (``regex_timeout``, ``budget``) or, by name, to every filter
    of the preset that has an option of that name (``kb=[...]`` reaches the fact checker,
    ``profile=...`` the learned-site filter). An option no filter takes is an error.

    >>> default_pipeline().names[:3]
    ('fix_line_breaks', 'fix_encoding', 'strip_invisible')
    """
    filters, pipeline_options = preset_filters(preset, **options)
    return Pipeline(filters, **pipeline_options)


def raised_by() -> dict[str, list[str]]:
    """Code -> the built-in filters that declare it in their ``codes`` (``pipeline`` for the
    pipeline's own codes), names sorted.

    >>> raised_by()["boilerplate.chrome"]
    ['classify_blocks']
    """
    out: dict[str, list[str]] = {code: ["pipeline"] for code in PIPELINE_CODES}
    for cls in BUILTIN_FILTERS:
        declared = getattr(cls, "codes", None)
        if isinstance(declared, tuple):  # not a property: the codes of every instance
            for code in declared:
                out.setdefault(code, []).append(cls.name)
    return {code: sorted(names) for code, names in out.items()}


def codes_markdown() -> str:
    """``docs/codes.md``: the code catalogue with the filters that raise each code."""
    return codes.markdown_table(raised_by())


def pipeline_from_config(config: Mapping[str, Any]) -> Pipeline:
    """Build a pipeline from configuration data: see :func:`newsclean.config.filters_from_config`."""
    return Pipeline.from_config(config)
