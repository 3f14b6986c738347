"""Options and helpers that several subcommands share."""

from __future__ import annotations

import argparse
import contextlib
import signal
import sys
import threading
import types
from collections.abc import Iterator
from typing import Any

from newsclean.config import load_toml
from newsclean.io import FieldMap, Item, read_items
from newsclean.pipeline import Pipeline, default_pipeline, pipeline_from_config
from newsclean.presets import PRESETS
from newsclean.runs import Counts


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
    parser.add_argument(
        "--max-reject-rate",
        type=_rate,
        default=0.5,
        metavar="RATE",
        help="exit 3 when more than this share of the records is rejected, or none is cleaned "
        "(0 to 1, or a percentage; default: 0.5)",
    )


def _rate(text: str) -> float:
    try:
        value = float(text[:-1]) / 100 if text.endswith("%") else float(text)
    except ValueError:
        msg = f"{text!r} is not a rate (0 to 1, or a percentage such as 5%)"
        raise argparse.ArgumentTypeError(msg) from None
    if not 0 <= value <= 1:
        msg = f"{text!r}: a rate is between 0 and 1 (0% and 100%)"
        raise argparse.ArgumentTypeError(msg)
    return value


#: the exit code of a run that cleaned nothing or rejected more than --max-reject-rate
EXIT_REJECTS = 3


def failed_run(counts: Counts, args: argparse.Namespace) -> int:
    """Print why the run failed and return :data:`EXIT_REJECTS`, or return 0 when it did not."""
    problem = counts.verdict(max_reject_rate=args.max_reject_rate, text_field=args.text_field)
    if problem is None:
        return 0
    eprint(f"newsclean: error: {problem}")
    return EXIT_REJECTS


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
