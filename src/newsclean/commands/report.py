"""``newsclean report``: one self-contained HTML page about a corpus.

Finding rates by code and by site, removal rates by reason, the distribution of the share of text
removed, and example records per code, as inline SVG charts and tables: no external resources.
"""

from __future__ import annotations

import argparse
import json

from newsclean.commands._common import (
    add_input_arguments,
    add_pipeline_arguments,
    eprint,
    failed_run,
    fields_from_args,
    pipeline_from_args,
    read_limits,
)
from newsclean.filters.facts.kb import pipeline_kb_files
from newsclean.io import atomic_output, check_distinct
from newsclean.report import CorpusReport, iter_corpus

NAME = "report"
HELP = "write an HTML report (charts, rates by code and site, examples) about a corpus"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_input_arguments(parser)
    add_pipeline_arguments(parser)
    parser.add_argument(
        "-o", "--output", metavar="FILE", help="write the HTML page here (default: stdout)"
    )
    parser.add_argument("--json", metavar="FILE", help="also write the report's numbers as JSON")
    parser.add_argument("--title", default="newsclean report", help="the page title")
    parser.add_argument(
        "--examples", type=int, default=3, metavar="N", help="examples per code (default: 3)"
    )
    parser.add_argument("-q", "--quiet", action="store_true", help="no summary on stderr")


def run(args: argparse.Namespace) -> int:
    check_distinct({"-o": args.output, "--json": args.json}, args.inputs)
    pipeline = pipeline_from_args(args)
    report = CorpusReport(
        examples_per_code=max(0, args.examples), knowledge_base=pipeline_kb_files(pipeline)
    )
    report.update(
        iter_corpus(
            args.inputs,
            pipeline=pipeline,
            fields=fields_from_args(args),
            limits=read_limits(args),
        )
    )
    with atomic_output(args.output) as fh:
        fh.write(report.to_html(standalone=True, title=args.title))
    if args.json:
        with atomic_output(args.json) as fh:
            json.dump(report.to_dict(), fh, indent=2, ensure_ascii=False)
    if not args.quiet:
        eprint(
            f"newsclean: report on {report.documents} documents ({report.rejected} rejected)"
            + (f" written to {args.output}" if args.output and args.output != "-" else "")
        )
    return failed_run(report.counts, args)
