"""``newsclean clean``: records in, clean records out, rejects accounted for."""

from __future__ import annotations

import argparse
import json

from newsclean.codes import Severity
from newsclean.commands._common import (
    Summary,
    add_input_arguments,
    add_pipeline_arguments,
    clean_items,
    eprint,
    iter_items,
    pipeline_from_args,
)
from newsclean.io import atomic_output, json_line

NAME = "clean"
HELP = "clean records and write them as JSONL"


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
    parser.add_argument("--summary-json", metavar="FILE", help="also write the summary as JSON")
    parser.add_argument("-q", "--quiet", action="store_true", help="no summary on stderr")


def run(args: argparse.Namespace) -> int:
    pipeline = pipeline_from_args(args)
    summary = Summary()
    rejects: list[dict[str, object]] = []
    with atomic_output(args.output) as out:
        for outcome in clean_items(pipeline, iter_items(args)):
            if outcome.article is not None:
                summary.add(outcome.article)
                record = outcome.article.to_dict()
                if args.drop_original:
                    record.pop("original")
                out.write(json_line(record))
            else:
                assert outcome.reject is not None
                summary.add_reject(outcome.reject)
                rejects.append(outcome.reject.to_dict())
                if not args.rejects and not args.quiet:
                    r = outcome.reject
                    eprint(f"newsclean: rejected {r.source}:{r.line}: {r.reason}")
    if args.rejects:
        with atomic_output(args.rejects) as fh:
            for rec in rejects:
                fh.write(json_line(rec))
    if args.summary_json:
        with atomic_output(args.summary_json) as fh:
            json.dump(summary.to_dict(), fh, indent=2)
    if not args.quiet:
        eprint(summary.render())
    worst = summary.worst
    if args.fail_on != "never" and worst is not None and worst >= Severity.parse(args.fail_on):
        return 1
    return 0
