"""``newsclean check``: finding rates of a corpus against limits, for CI.

Exit codes: 0 every rate within its limit; 1 a rate above its limit; 2 usage or input error;
3 nothing checked (no document, or more rejects than --max-reject-rate).
"""

from __future__ import annotations

import argparse
import fnmatch
import sys
import time
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from newsclean import codes
from newsclean.commands._common import (
    add_input_arguments,
    add_pipeline_arguments,
    eprint,
    failed_run,
    fields_from_args,
    pipeline_from_args,
    read_limits,
)
from newsclean.errors import ConfigError
from newsclean.io import atomic_output, check_distinct
from newsclean.report import CorpusReport, iter_corpus

NAME = "check"
HELP = "check finding rates of a corpus against limits (exit 1 when a rate is above its limit)"


@dataclass(frozen=True, slots=True)
class Limit:
    """``pattern=rate``: at most this share of documents may have a finding matching pattern."""

    pattern: str
    rate: float

    @classmethod
    def parse(cls, text: str) -> Limit:
        """Read ``'template.*=0'`` or ``'title.*=1%'``.

        >>> Limit.parse("title.*=1%")
        Limit(pattern='title.*', rate=0.01)
        """
        pattern, sep, value = text.partition("=")
        pattern, value = pattern.strip(), value.strip()
        if not sep or not pattern or not value:
            msg = f"--max-rate {text!r}: expected CODE_PATTERN=RATE, e.g. 'template.*=0'"
            raise ConfigError(msg)
        try:
            rate = float(value[:-1]) / 100 if value.endswith("%") else float(value)
        except ValueError:
            msg = f"--max-rate {text!r}: {value!r} is not a number"
            raise ConfigError(msg) from None
        if not 0 <= rate <= 1:
            msg = f"--max-rate {text!r}: the rate must be between 0 and 1 (or 0% and 100%)"
            raise ConfigError(msg)
        try:
            codes.matching(pattern)
        except ConfigError as exc:
            msg = f"--max-rate {text!r}: {exc}"
            raise ConfigError(msg) from None
        return cls(pattern, rate)


@dataclass(frozen=True, slots=True)
class Result:
    limit: Limit
    documents: int
    rate: float

    @property
    def passed(self) -> bool:
        return self.rate <= self.limit.rate


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_input_arguments(parser)
    add_pipeline_arguments(parser)
    parser.add_argument(
        "--max-rate",
        action="append",
        default=[],
        metavar="CODE=RATE",
        help="limit on the share of documents with a finding matching CODE (a code or pattern "
        "such as 'template.*'); RATE from 0 to 1, or a percentage ('1%%'); repeatable. "
        "Without it, the limits under [tool.newsclean.expect] in ./pyproject.toml",
    )
    parser.add_argument(
        "--junit-xml", metavar="FILE", help="also write JUnit XML, one test per limit"
    )
    parser.add_argument("-q", "--quiet", action="store_true", help="print only failures")


def check(report: CorpusReport, limits: list[Limit]) -> list[Result]:
    """Each limit's result against the report."""
    return [
        Result(limit, report.documents_matching(limit.pattern), report.finding_rate(limit.pattern))
        for limit in limits
    ]


def render_table(report: CorpusReport, results: list[Result]) -> str:
    rows = [("code", "documents", "rate", "limit", "result")]
    rows += [
        (
            r.limit.pattern,
            f"{r.documents}/{report.documents}",
            f"{r.rate:.2%}",
            f"{r.limit.rate:.2%}",
            "pass" if r.passed else "FAIL",
        )
        for r in results
    ]
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = []
    for n, row in enumerate(rows):
        cells = [
            cell.ljust(w) if i in (0, 4) else cell.rjust(w)
            for i, (cell, w) in enumerate(zip(row, widths, strict=True))
        ]
        lines.append("  ".join(cells).rstrip())
        if n == 0:
            lines.append("  ".join("-" * w for w in widths))
    failed = sum(not r.passed for r in results)
    lines.append(
        f"{report.documents} documents, {report.rejected} rejected; "
        f"{len(results) - failed} of {len(results)} limits met"
    )
    return "\n".join(lines)


def junit_xml(report: CorpusReport, results: list[Result], seconds: float) -> str:
    failures = sum(not r.passed for r in results)
    suite = ET.Element(
        "testsuite",
        name="newsclean.check",
        tests=str(len(results)),
        failures=str(failures),
        errors="0",
        skipped="0",
        time=f"{seconds:.3f}",
    )
    for r in results:
        case = ET.SubElement(
            suite, "testcase", classname="newsclean.check", name=f"max-rate[{r.limit.pattern}]"
        )
        case.set("time", "0")
        if not r.passed:
            fail = ET.SubElement(
                case,
                "failure",
                message=f"{r.limit.pattern}: rate {r.rate:.2%} above limit {r.limit.rate:.2%}",
                type="RateLimitError",
            )
            examples = [
                f"{code} in {e.id or '(no id)'}: {e.message} [{e.match}]"
                for code, exs in sorted(report.examples.items())
                if code in report.findings and fnmatch.fnmatchcase(code, r.limit.pattern)
                for e in exs
            ]
            fail.text = (
                f"{r.documents} of {report.documents} documents have a finding matching "
                f"{r.limit.pattern}\n" + "\n".join(examples)
            )
    out = ET.SubElement(suite, "system-out")
    out.text = f"{report.documents} documents, {report.rejected} rejected"
    root = ET.Element("testsuites")
    root.append(suite)
    ET.indent(root)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def limits_from_pyproject(path: str | Path) -> list[Limit]:
    """The limits under ``[tool.newsclean.expect]`` of a ``pyproject.toml``."""
    from newsclean.config import load_toml

    table = load_toml(path).get("tool", {}).get("newsclean", {}).get("expect", {})
    if not isinstance(table, dict) or not table:
        msg = f"{path}: no [tool.newsclean.expect] limits; give --max-rate CODE=RATE"
        raise ConfigError(msg)
    limits = []
    for pattern, rate in table.items():
        if isinstance(rate, bool) or not isinstance(rate, int | float):
            msg = f"{path}: [tool.newsclean.expect] {pattern!r} must be a number, not {rate!r}"
            raise ConfigError(msg)
        limits.append(Limit.parse(f"{pattern}={rate}"))
    return limits


def run(args: argparse.Namespace) -> int:
    if args.max_rate:
        limits = [Limit.parse(text) for text in args.max_rate]
    elif Path("pyproject.toml").is_file():
        limits = limits_from_pyproject("pyproject.toml")
    else:
        msg = "no limits: give --max-rate CODE=RATE, or [tool.newsclean.expect] in ./pyproject.toml"
        raise ConfigError(msg)
    check_distinct({"--junit-xml": args.junit_xml}, args.inputs)
    started = time.perf_counter()
    pipeline = pipeline_from_args(args)
    report = CorpusReport.from_articles(
        iter_corpus(
            args.inputs,
            pipeline=pipeline,
            fields=fields_from_args(args),
            limits=read_limits(args),
        )
    )
    failed = failed_run(report.counts, args)
    if failed:  # a gate that checked nothing never passes
        return failed
    results = check(report, limits)
    if args.junit_xml:
        with atomic_output(args.junit_xml) as fh:
            fh.write(junit_xml(report, results, time.perf_counter() - started))
    if not args.quiet or not all(r.passed for r in results):
        print(render_table(report, results), file=sys.stdout)
    if report.rejected:
        eprint(f"newsclean: {report.rejected} input(s) rejected and not counted")
    return 0 if all(r.passed for r in results) else 1
