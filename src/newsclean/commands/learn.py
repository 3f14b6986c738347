"""``newsclean learn``: find the lines each site repeats, for ``newsclean clean --profile``."""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from typing import Any

from newsclean.commands._common import add_input_arguments, eprint, failed_run, iter_items
from newsclean.corpus.profile import learn_profile
from newsclean.io import atomic_output, check_distinct
from newsclean.runs import Counts

NAME = "learn"
HELP = "learn the lines each site repeats across its documents (a site profile)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_input_arguments(parser)
    parser.add_argument(
        "-o", "--output", metavar="FILE", help="write the profile here (default: stdout)"
    )
    parser.add_argument(
        "--min-docs", type=int, default=5, help="sites with fewer documents are left out (5)"
    )
    parser.add_argument(
        "--min-share",
        type=float,
        default=0.5,
        help="a line must occur in at least this share of a site's documents (0.5)",
    )
    parser.add_argument(
        "--min-count", type=int, default=3, help="... and in at least this many of them (3)"
    )
    parser.add_argument(
        "--max-entries",
        type=int,
        default=100_000,
        help="memory budget in (site, line) counters, about 300 bytes each (100000)",
    )
    parser.add_argument("-q", "--quiet", action="store_true", help="no summary on stderr")


def run(args: argparse.Namespace) -> int:
    check_distinct({"-o": args.output}, args.inputs)
    counts = Counts()

    def records() -> Iterator[dict[str, Any]]:
        nonlocal counts
        for item in iter_items(args):
            if item.record is None:
                assert item.reject is not None
                counts += Counts.of(item.reject)
                continue
            counts.read += 1
            counts.cleaned += 1  # read whole, for learning
            yield item.record

    profile = learn_profile(
        records(),
        min_docs=args.min_docs,
        min_share=args.min_share,
        min_count=args.min_count,
        max_entries=args.max_entries,
    )
    with atomic_output(args.output) as out:
        out.write(profile.to_json())
    if not args.quiet:
        eprint(
            f"learned {len(profile)} repeated lines for {len(profile.sites)} sites "
            f"({profile.params['records_skipped']} records without site or text, "
            f"{counts.rejected} rejected)"
        )
    return failed_run(counts, args)
