"""``newsclean clean``: records in, clean records out, rejects accounted for."""

from __future__ import annotations

import argparse
import contextlib
import functools
import json

from newsclean.codes import Severity
from newsclean.commands._common import (
    add_input_arguments,
    add_pipeline_arguments,
    eprint,
    failed_run,
    iter_items,
    pipeline_from_args,
)
from newsclean.errors import UnknownOptionError
from newsclean.io import Item, Reject, atomic_output, check_distinct, json_line
from newsclean.parallel import available_cores, pool_map, resolve_jobs
from newsclean.progress import Progress, count_records, wanted
from newsclean.runs import REMOVALS, Counts, item_reject, output_fields, render_one

#: rejects told one by one on stderr when there is no --rejects file
SHOWN_REJECTS = 5

NAME = "clean"
HELP = "clean records and write them as JSONL"


def _fields(text: str) -> tuple[str, ...]:
    try:
        return output_fields(text)
    except UnknownOptionError as exc:  # argparse shows only its own errors' messages
        raise argparse.ArgumentTypeError(str(exc)) from None


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_input_arguments(parser)
    add_pipeline_arguments(parser)
    parser.add_argument(
        "-o", "--output", metavar="FILE", help="write records here (default: stdout)"
    )
    parser.add_argument("--rejects", metavar="FILE", help="write rejected inputs here as JSONL")
    parser.add_argument(
        "--fail-on",
        choices=["error", "warning", "info", "never"],
        default="never",
        help="exit 1 when any finding is at or above this severity (default: never)",
    )
    parser.add_argument("--drop-original", action="store_true", help="leave the original text out")
    parser.add_argument(
        "--fields",
        type=_fields,
        default=None,
        metavar="A,B,...",
        help="write only these fields of each record, e.g. id,title,text,published,findings "
        "(meta.NAME: an entry of meta, such as an input field); default: all",
    )
    parser.add_argument(
        "--removals",
        choices=REMOVALS,
        default="full",
        help="each removal in full (span, text, reason, filter, rule), as its code only, or none",
    )
    parser.add_argument("--summary-json", metavar="FILE", help="also write the summary as JSON")
    parser.add_argument(
        "-q", "--quiet", action="store_true", help="no summary and no progress bar on stderr"
    )
    parser.add_argument(
        "-j",
        "--jobs",
        type=int,
        default=1,
        metavar="N",
        help="clean on N processes (0: one per core; at most one per core); output is the same "
        "as with 1 (default: 1)",
    )


def _failed(item: Item, reason: str) -> Reject:
    return item_reject(item, reason, "not cleaned")


def run(args: argparse.Namespace) -> int:
    outputs = {"-o": args.output, "--rejects": args.rejects, "--summary-json": args.summary_json}
    check_distinct(outputs, args.inputs)
    jobs = resolve_jobs(args.jobs)
    cores = available_cores()
    if jobs > cores:
        if not args.quiet:
            eprint(f"newsclean: note: --jobs {jobs} capped at {cores}, the cores available")
        jobs = cores
    pipeline = pipeline_from_args(args)
    summary = Counts()
    show_bar = wanted(quiet=args.quiet)
    total = count_records(args.inputs) if show_bar else None
    func = functools.partial(
        render_one, drop_original=args.drop_original, fields=args.fields, removals=args.removals
    )
    shown = 0  # rejects told one by one on stderr (without --rejects); the rest are summarised
    with contextlib.ExitStack() as stack:  # records and rejects both stream to their files
        out = stack.enter_context(atomic_output(args.output))
        rejects = stack.enter_context(atomic_output(args.rejects)) if args.rejects else None
        bar = stack.enter_context(Progress(enabled=show_bar, total=total))
        results = pool_map(func, pipeline, iter_items(args), jobs, on_error=_failed)
        for rendered in bar.wrap(results):
            if isinstance(rendered, Reject):
                summary.add(rendered)
                if rejects is not None:
                    rejects.write(json_line(rendered.to_dict()))
                elif not args.quiet and shown < SHOWN_REJECTS:
                    r = rendered
                    bar.write(f"newsclean: rejected {r.source}:{r.line}: {r.reason}")
                    shown += 1
            else:
                line, counts = rendered
                summary += counts
                out.write(line)
    if args.summary_json:
        with atomic_output(args.summary_json) as fh:
            json.dump(summary.to_dict(), fh, indent=2)
    if not args.quiet:
        eprint(summary.render())
    failed = failed_run(summary, args)
    if failed:
        return failed
    worst = summary.worst
    if args.fail_on != "never" and worst is not None and worst >= Severity.parse(args.fail_on):
        return 1
    return 0
