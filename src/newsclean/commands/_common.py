"""Options and helpers that several subcommands share."""

from __future__ import annotations

import argparse
import contextlib
import signal
import sys
import threading
import types
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from newsclean.codes import Severity
from newsclean.io import FieldMap, Item, Reject, read_items
from newsclean.pipeline import Pipeline
from newsclean.presets import PRESETS, default_pipeline, load_toml, pipeline_from_config
from newsclean.record import Article


def add_input_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "inputs",
        nargs="*",
        default=["-"],
        metavar="FILE",
        help="JSONL files (.gz too), .txt files (one record each) or folders; '-' or none: stdin",
    )
    parser.add_argument(
        "--text-field", default="text", help="JSON field holding the text (default: text)"
    )
    parser.add_argument(
        "--id-field", default="id", help="JSON field holding the record id (default: id)"
    )
    parser.add_argument(
        "--title-field", default="title", help="JSON field holding the title (default: title)"
    )


def add_pipeline_arguments(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("pipeline")
    group.add_argument(
        "--preset",
        choices=sorted(PRESETS),
        default=None,
        help="extracted (default): extractor output; page: all visible text of a page",
    )
    group.add_argument("--config", metavar="TOML", help="build the pipeline from a TOML file")
    group.add_argument(
        "--kb",
        action="append",
        default=None,
        metavar="FILE",
        help="office-holder rows (JSONL) to add to or override the bundled knowledge base; repeatable",
    )
    group.add_argument(
        "--profile", metavar="JSON", help="site profile from 'newsclean learn': remove its lines"
    )


def pipeline_from_args(args: argparse.Namespace, **options: Any) -> Pipeline:
    kb = getattr(args, "kb", None)
    if getattr(args, "config", None):
        config = load_toml(args.config)
        if args.preset:
            config.setdefault("pipeline", {})["preset"] = args.preset
        pipeline = pipeline_from_config(config)
        if kb and "check_facts" in pipeline.names:
            pipeline = pipeline.replace("check_facts", kb=[*pipeline["check_facts"].kb, *kb])  # type: ignore[attr-defined]
        if getattr(args, "profile", None) and "strip_site_repeated" in pipeline.names:
            pipeline = pipeline.replace("strip_site_repeated", profile=args.profile)
        return pipeline
    if kb:
        options["kb"] = kb
    if getattr(args, "profile", None):
        options["profile"] = args.profile
    return default_pipeline(args.preset or "extracted", **options)


def fields_from_args(args: argparse.Namespace) -> FieldMap:
    return FieldMap(text=args.text_field, id=args.id_field, title=args.title_field)


@dataclass(frozen=True, slots=True)
class Tally:
    """What the summary counts of one record: small, so it crosses process boundaries cheaply."""

    ok: bool
    findings: tuple[tuple[str, Severity], ...] = ()
    removals: tuple[str, ...] = ()

    @classmethod
    def of(cls, article: Article) -> Tally:
        return cls(
            article.ok,
            tuple((f.code, f.severity) for f in article.findings),
            tuple(r.reason for r in article.removals),
        )


@dataclass
class Summary:
    """Counts of one run: every input is read, then cleaned or rejected."""

    read: int = 0
    cleaned: int = 0
    rejected: int = 0
    not_ok: int = 0
    findings: Counter[str] = field(default_factory=Counter)
    docs_with: Counter[str] = field(default_factory=Counter)
    removals: Counter[str] = field(default_factory=Counter)
    worst: Severity | None = None

    def add(self, article: Article) -> None:
        self.add_tally(Tally.of(article))

    def add_tally(self, tally: Tally) -> None:
        """Count one cleaned record from its :class:`Tally` (what a worker process sends back)."""
        self.read += 1
        self.cleaned += 1
        self.not_ok += not tally.ok
        self.findings.update(code for code, _ in tally.findings)
        self.docs_with.update({code for code, _ in tally.findings})
        self.removals.update(tally.removals)
        for _, severity in tally.findings:
            if self.worst is None or severity > self.worst:
                self.worst = severity

    def add_reject(self, reject: Reject) -> None:
        self.read += 1
        self.rejected += 1

    def to_dict(self) -> dict[str, Any]:
        return {
            "read": self.read,
            "cleaned": self.cleaned,
            "rejected": self.rejected,
            "not_ok": self.not_ok,
            "findings": dict(sorted(self.findings.items())),
            "documents_with_finding": dict(sorted(self.docs_with.items())),
            "removals": dict(sorted(self.removals.items())),
        }

    def render(self) -> str:
        lines = [
            f"read {self.read}, cleaned {self.cleaned}, rejected {self.rejected} (not ok: {self.not_ok})"
        ]
        if self.findings:
            lines.append("findings by code (count, documents):")
            lines += [
                f"  {code:<32} {n:>7} {self.docs_with[code]:>7}"
                for code, n in sorted(self.findings.items())
            ]
        if self.removals:
            lines.append("removals by reason:")
            lines += [f"  {code:<32} {n:>7}" for code, n in sorted(self.removals.items())]
        return "\n".join(lines)


@dataclass(frozen=True, slots=True)
class Outcome:
    item: Item
    article: Article | None = None
    reject: Reject | None = None


def clean_one(pipeline: Pipeline, item: Item) -> Outcome:
    """Clean one input; any failure becomes a reject with a reason, never a crash of the run."""
    if item.reject is not None:
        return Outcome(item, reject=item.reject)
    assert item.record is not None
    try:
        return Outcome(item, article=pipeline(item.record))
    except Exception as exc:  # one bad record must not stop the stream
        reason = f"{type(exc).__name__}: {exc}"
        text = item.record.get("text")
        excerpt = text[:120] if isinstance(text, str) else ""
        return Outcome(item, reject=Reject(item.source, item.line, reason, excerpt))


def clean_items(pipeline: Pipeline, items: Iterable[Item]) -> Iterator[Outcome]:
    for item in items:
        yield clean_one(pipeline, item)


def iter_items(args: argparse.Namespace) -> Iterator[Item]:
    for item in read_items(args.inputs, fields_from_args(args)):
        stop_if_interrupted()
        yield item


# Ctrl-C raises KeyboardInterrupt wherever the main thread is. When that is inside a finalizer the
# garbage collector runs (a compiled pattern's, say), Python prints the exception and goes on; the
# remembered interrupt then stops the run at the next record instead of letting it finish.
_interrupted = False


def _on_sigint(signum: int, frame: types.FrameType | None) -> None:
    global _interrupted
    _interrupted = True
    raise KeyboardInterrupt


@contextlib.contextmanager
def interrupts_remembered() -> Iterator[None]:
    """Handle SIGINT as Python does, and remember it (only over Python's own handler)."""
    global _interrupted
    _interrupted = False
    if (
        threading.current_thread() is not threading.main_thread()
        or signal.getsignal(signal.SIGINT) is not signal.default_int_handler
    ):
        yield
        return
    signal.signal(signal.SIGINT, _on_sigint)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, signal.default_int_handler)


def stop_if_interrupted() -> None:
    if _interrupted:
        raise KeyboardInterrupt


def eprint(*parts: object) -> None:
    print(*parts, file=sys.stderr)
