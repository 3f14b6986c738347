"""``newsclean kb``: check a knowledge-base file, or import a Wikidata query result into one.

newsclean kb check FILE ...                 problems with file:line; exit 1 when any
newsclean kb import RESULT.json|csv -o OUT  Wikidata SPARQL result (Query A in docs/facts.md)
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import io
import itertools
import json
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

from newsclean.commands._common import eprint
from newsclean.errors import ConfigError
from newsclean.filters.facts.kb import check_file, load_kb, read_rows, validate
from newsclean.filters.facts.places import PLACES
from newsclean.io import atomic_output

NAME = "kb"
HELP = "check or import office-holder knowledge-base files"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(dest="kb_command", metavar="ACTION")
    sub.required = True
    check = sub.add_parser(
        "check",
        help="validate knowledge-base JSONL files (dates, overlaps, duplicate ids)",
        description="Validate knowledge-base JSONL files; every problem with file:line. "
        "Exit 1 when there is any problem.",
    )
    check.add_argument("files", nargs="+", metavar="FILE")
    imp = sub.add_parser(
        "import",
        help="convert a Wikidata SPARQL result (JSON or CSV) to knowledge-base rows",
        description="Convert the result of the documented Wikidata query (docs/facts.md, "
        "Query A), saved as SPARQL JSON or CSV, into knowledge-base JSONL rows.",
    )
    imp.add_argument("source", metavar="RESULT", help="a .json or .csv query result")
    imp.add_argument("-o", "--output", metavar="FILE", help="write rows here (default: stdout)")
    imp.add_argument(
        "--as-of", default=None, help="the date the query was run (default: today), YYYY-MM-DD"
    )


def run(args: argparse.Namespace) -> int:
    if args.kb_command == "check":
        return run_check(args.files)
    return run_import(args.source, args.output, args.as_of)


def run_check(files: Iterable[str]) -> int:
    total = 0
    for name in files:
        problems = check_file(name)
        for p in problems:
            print(p)
        total += len(problems)
        if not problems:
            rows, _ = read_rows(name)
            eprint(f"{name}: {len(rows)} rows, no problems")
    if total:
        eprint(f"{total} problem(s)")
        return 1
    return 0


# ---------------------------------------------------------------------------------------------
# Wikidata import


def _value(cell: Any) -> str:
    if isinstance(cell, Mapping):
        return str(cell.get("value", ""))
    return "" if cell is None else str(cell)


def read_result(path: str) -> list[dict[str, str]]:
    """Rows of a SPARQL result saved as JSON (``results.bindings``) or CSV (header row)."""
    text = Path(path).read_text(encoding="utf-8")
    if path.endswith(".json") or text.lstrip().startswith("{"):
        try:
            data = json.loads(text)
            bindings = data["results"]["bindings"]
        except (json.JSONDecodeError, KeyError, TypeError) as exc:
            msg = f"{path}: not a SPARQL JSON result ({exc})"
            raise ConfigError(msg) from exc
        return [{k: _value(v) for k, v in b.items()} for b in bindings]
    return [dict(r) for r in csv.DictReader(io.StringIO(text))]


def _qid(uri: str) -> str:
    return uri.rstrip("/").rsplit("/", 1)[-1] if uri else ""


def slug(text: str) -> str:
    """``"Antony Blinken"`` -> ``"antony-blinken"``."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def truncate(value: str, precision: str) -> str | None:
    """A Wikidata time value cut to its precision (11 day, 10 month, 9 year; coarser: None)."""
    if not value:
        return None
    m = re.match(r"^\+?(\d{4})-(\d{2})-(\d{2})", value)
    if not m:
        return None
    try:
        p = int(float(precision)) if precision else 11
    except ValueError:
        p = 11
    y, mo, d = m.groups()
    if p >= 11:
        return f"{y}-{mo}-{d}"
    if p == 10:
        return f"{y}-{mo}"
    if p == 9:
        return y
    return None


def _precision(date: str | None) -> str | None:
    if date is None:
        return None
    return {10: "day", 7: "month", 4: "year"}[len(date)]


def position_aliases(label: str, code: str) -> tuple[list[str], list[str]]:
    """Country-prefixed aliases ("French Foreign Minister") and the generic core, if any."""
    words = [w for w in PLACES.get(code.upper(), ()) if not w.startswith("the ")]
    for place in sorted(PLACES.get(code.upper(), ()), key=len, reverse=True):
        for suffix in (f" of {place}", f" ({place})"):
            if label.endswith(suffix):
                core = label[: -len(suffix)]
                aliases = [f"{w} {core}" for w in words] + [f"{words[0]}'s {core}"]
                return sorted(set(aliases) - {label}), [core]
    return [], []


def bundled_offices() -> dict[str, Mapping[str, Any]]:
    """Office QID -> a bundled row of that office, to reuse its id, label and aliases."""
    out: dict[str, Mapping[str, Any]] = {}
    for t in load_kb().tenures:
        qid = t.row.get("position_wikidata")
        if isinstance(qid, str) and qid:
            out.setdefault(qid, t.row)
    return out


OFFICE_FIELDS = (
    "position",
    "position_id",
    "position_aliases",
    "position_aliases_generic",
    "role",
    "jurisdiction",
    "jurisdiction_code",
)


def convert(rows: Iterable[Mapping[str, str]], as_of: str) -> Iterator[dict[str, Any]]:
    """Query A rows -> knowledge-base rows (statements without a start date are dropped).

    An office the bundled knowledge base knows by its Wikidata id keeps the bundled
    ``position_id``, label and aliases, so imported rows extend or override those offices.
    """
    known = bundled_offices()
    seen: set[str] = set()
    for r in rows:
        person, label = _qid(r.get("person", "")), r.get("personLabel", "").strip()
        position, plabel = _qid(r.get("position", "")), r.get("positionLabel", "").strip()
        if not label or not plabel or re.fullmatch(r"Q\d+", label):
            continue
        start = truncate(r.get("start", ""), r.get("startPrecision", ""))
        if start is None:
            continue
        end = truncate(r.get("end", ""), r.get("endPrecision", ""))
        code = r.get("jurisdictionCode", "").strip()
        aliases, generic = position_aliases(plabel, code)
        office: dict[str, Any] = {
            "position": plabel,
            "position_id": f"{(code or 'intl').lower()}.{slug(plabel).replace('-', '_')}",
            "position_aliases": aliases,
            "position_aliases_generic": generic,
            "role": r.get("role", "").strip() or "other",
            "jurisdiction": r.get("jurisdictionLabel", "").strip(),
            "jurisdiction_code": code,
        }
        if position in known:
            office.update({k: known[position][k] for k in OFFICE_FIELDS if k in known[position]})
        rid = f"{office['position_id']}:{slug(label)}:{start}"
        if rid in seen:
            continue
        seen.add(rid)
        nature = r.get("natureLabel", "").lower()
        statement = _qid(r.get("statement", ""))
        yield {
            "id": rid,
            "person": label,
            "person_aliases": [],
            "person_wikidata": person or None,
            **office,
            "position_wikidata": position or None,
            "start": start,
            "start_precision": _precision(start),
            "end": end,
            "end_precision": _precision(end),
            "acting": "acting" in nature or "interim" in nature,
            "as_of": as_of,
            "confidence": "high",
            "provenance": "wikidata",
            "source_ref": f"wikidata:{statement or person}",
            "notes": None,
        }


def close_open_rows(rows: list[dict[str, Any]]) -> None:
    """An open row followed by a later start in the same office ends there (confidence medium)."""
    by_position: dict[str, list[dict[str, Any]]] = {}
    for row in rows:
        if not row["acting"]:
            by_position.setdefault(row["position_id"], []).append(row)
    for group in by_position.values():
        group.sort(key=lambda r: r["start"])
        for a, b in itertools.pairwise(group):
            if a["end"] is None and b["start"] > a["start"]:
                a["end"], a["end_precision"] = b["start"], b["start_precision"]
                a["confidence"] = "medium"
                a["notes"] = "no end date in Wikidata; closed at the next holder's start"


def run_import(source: str, output: str | None, as_of: str | None) -> int:
    as_of = as_of or dt.date.today().isoformat()
    try:
        dt.date.fromisoformat(as_of)
    except ValueError as exc:
        msg = f"--as-of must be YYYY-MM-DD, not {as_of!r}"
        raise ConfigError(msg) from exc
    rows = list(convert(read_result(source), as_of))
    close_open_rows(rows)
    rows.sort(key=lambda r: (r["position_id"], r["start"]))
    with atomic_output(output) as out:
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    eprint(f"{len(rows)} rows from {source}")
    from newsclean.filters.facts.kb import SourcedRow

    problems = validate([SourcedRow(r, output or "<stdout>", i) for i, r in enumerate(rows, 1)])
    for p in problems:
        eprint(f"warning: {p}")
    if problems:
        eprint("review these rows (vandalism and duplicate statements show up here)")
    return 0
