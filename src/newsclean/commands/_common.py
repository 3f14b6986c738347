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
from newsclean.errors import ConfigError, NewscleanError
from newsclean.io import (
    MAX_GZIP_RATIO,
    MAX_RECORD_BYTES,
    FieldMap,
    Item,
    ReadLimits,
    parse_size,
    read_items,
)
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
    parser.add_argument(
        "--max-record-size",
        type=_size,
        default=MAX_RECORD_BYTES,
        metavar="SIZE",
        help="a longer record (JSONL line or .txt file) is rejected, never held whole "
        "(e.g. 64M, 1G; default: 64M)",
    )
    parser.add_argument(
        "--max-gzip-ratio",
        type=_ratio,
        default=MAX_GZIP_RATIO,
        metavar="N",
        help=f"stop reading a .gz that decompresses to more than N times its size, past its "
        f"first 64 MB (0: no limit; default: {MAX_GZIP_RATIO})",
    )


def _size(text: str) -> int:
    try:
        return parse_size(text)
    except NewscleanError as exc:  # argparse shows only its own errors' messages
        raise argparse.ArgumentTypeError(str(exc)) from None


def _ratio(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = -1.0
    if not value >= 0 or value == float("inf"):
        msg = f"{text!r} is not a ratio (a number, 0 or more; 0: no limit)"
        raise argparse.ArgumentTypeError(msg)
    return value


def read_limits(args: argparse.Namespace) -> ReadLimits:
    return ReadLimits(
        max_record_bytes=getattr(args, "max_record_size", MAX_RECORD_BYTES),
        max_gzip_ratio=getattr(args, "max_gzip_ratio", MAX_GZIP_RATIO),
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


#: the exit code of a usage, configuration or I/O error (an input that cannot be read to its end)
EXIT_USAGE = 2
#: the exit code of a run that cleaned nothing or rejected more than --max-reject-rate
EXIT_REJECTS = 3


def failed_run(counts: Counts, args: argparse.Namespace) -> int:
    """Print why the run failed and return its exit code, or return 0 when it did not: an input
    that could not be read to its end is an I/O error (:data:`EXIT_USAGE`), then come
    :meth:`Counts.verdict`'s reasons (:data:`EXIT_REJECTS`)."""
    if counts.input_errors:
        for line in counts.input_errors:
            eprint(f"newsclean: error: {line}")
        return EXIT_USAGE
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
    """The pipeline the options ask for, its one-time setup done: a profile, language or
    knowledge base that cannot be used is a configuration error now, before the first record.

    Raises:
        ConfigError: any configuration problem, in one line.
    """
    pipeline = _pipeline_from_args(args, **options)
    try:
        return pipeline.prepare()
    except NewscleanError:
        raise
    except Exception as exc:
        msg = f"cannot set up the pipeline: {type(exc).__name__}: {exc}"
        raise ConfigError(msg) from exc


def _pipeline_from_args(args: argparse.Namespace, **options: Any) -> Pipeline:
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
    for item in read_items(args.inputs, fields_from_args(args), read_limits(args)):
        stop_if_interrupted()
        yield item


# Ctrl-C raises KeyboardInterrupt wherever the main thread is. When that is inside a finalizer the
# garbage collector runs (a compiled pattern's, say), Python prints the exception and goes on; the
# remembered interrupt then stops the run at the next record instead of letting it finish.
# SIGTERM and SIGHUP are handled the same way, so that they too leave no temporary file behind.
_interrupted = 0  # the signal that interrupted the run, or 0

#: signals that end a run cleanly, as Ctrl-C does (exit 128 + the signal's number)
STOP_SIGNALS = tuple(
    getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, name)
)


class Stopped(KeyboardInterrupt):
    """The run was stopped by a signal: ``signum`` says which (the exit code is 128 + it)."""

    def __init__(self, signum: int) -> None:
        super().__init__(signal.Signals(signum).name)
        self.signum = signum


def _on_signal(signum: int, frame: types.FrameType | None) -> None:
    global _interrupted
    _interrupted = signum
    if signum == signal.SIGINT:
        raise KeyboardInterrupt
    raise Stopped(signum)


@contextlib.contextmanager
def interrupts_remembered() -> Iterator[None]:
    """Handle SIGINT as Python does, and SIGTERM and SIGHUP like it, and remember them (only
    over Python's own handlers: one the embedding program set is left alone)."""
    global _interrupted
    _interrupted = 0
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    defaults = {signal.SIGINT: signal.default_int_handler}
    previous = {}
    for signum in STOP_SIGNALS:
        current = signal.getsignal(signum)
        if current is defaults.get(signum, signal.SIG_DFL):
            previous[signum] = current
            signal.signal(signum, _on_signal)
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)


def stop_if_interrupted() -> None:
    if _interrupted == signal.SIGINT:
        raise KeyboardInterrupt
    if _interrupted:
        raise Stopped(_interrupted)


def eprint(*parts: object) -> None:
    print(*parts, file=sys.stderr)
