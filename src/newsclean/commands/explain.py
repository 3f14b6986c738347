"""``newsclean explain``: one document in the terminal, every removal and finding marked in place.

Plain markers (when stdout is not a terminal, or ``--color=never``)::

    [-boilerplate.share: Share this article-]
    Dear [!template.token: {NAME}!], ...

With colour, removed text is struck through and dimmed with its reason after it, and findings are
highlighted (red for errors, yellow for warnings, blue for info) with their code.
"""

from __future__ import annotations

import argparse
import os
import re
import sys

from newsclean.codes import Severity
from newsclean.commands._common import (
    add_pipeline_arguments,
    fields_from_args,
    pipeline_from_args,
)
from newsclean.display import Segment, grouped
from newsclean.errors import InputError
from newsclean.io import Reject, read_items
from newsclean.record import Article, Removal
from newsclean.report import record_from_item

#: a rule that names the data line deciding it: "catalogue:lang/en/boilerplate.txt:328" (a
#: rule of the program's own, short; matched with the standard library, it cannot backtrack far)
DATA_LINE_RULE_RE = re.compile(r"(?P<rule>[a-z_]{1,40}):(?P<source>[^\n]{1,400}:[0-9]{1,9})\Z")

NAME = "explain"
HELP = "show one document with its removals and findings marked in place"

RESET = "\x1b[0m"
STRUCK = "\x1b[2;9m"  # dim, struck through
REASON = "\x1b[2;36m"  # dim cyan
BOLD = "\x1b[1m"
SEVERITY_STYLE = {
    Severity.ERROR: "\x1b[1;97;41m",  # bold white on red
    Severity.WARNING: "\x1b[30;43m",  # black on yellow
    Severity.INFO: "\x1b[30;46m",  # black on cyan
}
CODE_STYLE = {
    Severity.ERROR: "\x1b[1;31m",
    Severity.WARNING: "\x1b[33m",
    Severity.INFO: "\x1b[36m",
}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "input", metavar="FILE", help="a .txt file (one document) or JSONL ('-' for stdin)"
    )
    which = parser.add_mutually_exclusive_group()
    which.add_argument("--id", help="the record with this id (JSONL)")
    which.add_argument(
        "-n", "--index", type=int, default=1, help="the N-th record of the file (default: 1)"
    )
    parser.add_argument(
        "--color",
        choices=["auto", "always", "never"],
        default="auto",
        help="colour: auto (when stdout is a terminal and NO_COLOR is unset), always, never",
    )
    parser.add_argument("--text-field", default="text", help="JSON field holding the text")
    parser.add_argument("--id-field", default="id", help="JSON field holding the record id")
    parser.add_argument("--title-field", default="title", help="JSON field holding the title")
    add_pipeline_arguments(parser)


def use_color(choice: str, stream: object = None) -> bool:
    if choice == "always":
        return True
    if choice == "never":
        return False
    stream = sys.stdout if stream is None else stream
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty()) and not os.environ.get("NO_COLOR")


def _worst(article: Article, codes: tuple[str, ...]) -> Severity:
    return max((f.severity for f in article.findings if f.code in codes), default=Severity.INFO)


def _finding_text(article: Article, seg: Segment, color: bool) -> str:
    if not seg.findings:
        return seg.text
    codes = tuple(sorted({f.code for f in seg.findings}))
    label = ",".join(codes)
    if not color:
        return f"[!{label}: {seg.text}!]" if seg.text else f"[!{label}!]"
    sev = _worst(article, codes)
    mark = f"{CODE_STYLE[sev]}[{label}]{RESET}"
    return f"{SEVERITY_STYLE[sev]}{seg.text}{RESET}{mark}" if seg.text else mark


def removal_decision(removal: Removal) -> str:
    """What decided a removal: the filter, the rule and, when a data line did, its source.

    >>> removal_decision(Removal((0, 5), "Share", "boilerplate.share", "strip_boilerplate",
    ...     "catalogue:lang/en/boilerplate.txt:30"))
    'by strip_boilerplate, rule catalogue, source lang/en/boilerplate.txt:30'
    >>> removal_decision(Removal((0, 5), "Jane", "boilerplate.author_box", "strip_boilerplate",
    ...     "byline"))
    'by strip_boilerplate, rule byline'
    """
    rule, source = removal.rule, ""
    found = DATA_LINE_RULE_RE.match(rule)
    if found is not None:
        rule, source = found.group("rule"), found.group("source")
    parts = [f"by {removal.filter or '?'}", f"rule {rule or '?'}"]
    if source:
        parts.append(f"source {source}")
    return ", ".join(parts)


def render(article: Article, *, color: bool) -> str:
    """The document with its removals and findings marked, and a list of the findings after it."""
    out: list[str] = []
    head = article.title or "(no title)"
    out.append(f"{BOLD}{head}{RESET}" if color else f"title: {head}")
    status = "ok" if article.ok else "NOT OK"
    meta = [f"id: {article.id}"] if article.id else []
    meta += [f"site: {article.site}"] if article.site else []
    meta += [f"{len(article.removals)} removed", f"{len(article.findings)} findings", status]
    out.append(" | ".join(meta))
    out.append("-" * 72)
    body: list[str] = []
    for removal, segs in grouped(article):
        if removal is None:
            body.append("".join(_finding_text(article, seg, color) for seg in segs))
            continue
        if color:
            text = "".join(
                _finding_text(article, seg, color)
                if seg.findings
                # style line by line, so no style runs on past the end of a line
                else "\n".join(f"{STRUCK}{ln}{RESET}" if ln else ln for ln in seg.text.split("\n"))
                for seg in segs
            )
        else:
            text = "".join(_finding_text(article, seg, color) for seg in segs)
        stripped = text.rstrip("\n")
        trailing = text[len(stripped) :]
        if color:
            body.append(f"{stripped} {REASON}‹{removal.reason}›{RESET}{trailing}")
        else:
            body.append(f"[-{removal.reason}: {stripped}-]{trailing}")
    out.append("".join(body).rstrip("\n"))
    if article.removals:
        out.append("-" * 72)
        out.append("removals:")
        for removal in article.removals:
            line = article.original.count("\n", 0, removal.span[0]) + 1
            reason = f"{REASON}{removal.reason}{RESET}" if color else removal.reason
            out.append(f"  line {line}: {reason} {removal_decision(removal)}")
    if article.findings:
        out.append("-" * 72)
        out.append("findings:")
        for f in article.findings:
            line = article.original.count("\n", 0, f.span[0]) + 1
            code = f"{CODE_STYLE[f.severity]}{f.code}{RESET}" if color else f.code
            out.append(f"  line {line}: {code} [{f.severity}] {f.message}")
    return "\n".join(out) + "\n"


def _pick(args: argparse.Namespace) -> Article:
    position = 0
    for item in read_items([args.input], fields_from_args(args)):
        position += 1
        if args.id is not None:
            if item.record is None or str(item.record.get("id")) != args.id:
                continue
        elif position != args.index:
            continue
        record = record_from_item(item, pipeline_from_args(args))
        if isinstance(record, Reject):
            msg = f"{record.source}:{record.line}: {record.reason}"
            raise InputError(msg)
        return record
    what = f"no record with id {args.id!r}" if args.id is not None else f"no record {args.index}"
    msg = f"{what} in {args.input}"
    raise InputError(msg)


def run(args: argparse.Namespace) -> int:
    if args.index < 1:
        msg = "--index counts from 1"
        raise InputError(msg)
    article = _pick(args)
    sys.stdout.write(render(article, color=use_color(args.color)))
    return 0
