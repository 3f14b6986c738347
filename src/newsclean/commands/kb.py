"""``newsclean kb``: check a knowledge-base file, or import a Wikidata query result into one.

newsclean kb check FILE ...                      problems with file:line; exit 1 when any
newsclean kb import --wikidata FILE -o OUT       a Wikidata SPARQL result (Query A in
                                                 docs/facts.md, JSON or CSV) or entity JSON lines
newsclean kb stale --older-than 6m [FILE ...]    offices whose as_of is older than that
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
from newsclean.commands._wikidata import is_sparql_result, read_entities, unique
from newsclean.errors import ConfigError
from newsclean.filters.facts.kb import (
    SourcedRow,
    check_file,
    iso,
    load_kb,
    read_rows,
    validate,
)
from newsclean.filters.facts.places import PLACES
from newsclean.io import atomic_output

NAME = "kb"
HELP = "check, import or age-check office-holder knowledge-base files"


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
        help="convert Wikidata data (a SPARQL result or entity JSON lines) to knowledge-base rows",
        description="Convert the result of the documented Wikidata query (docs/facts.md, "
        "Query A), saved as SPARQL JSON or CSV, or Wikidata entities as JSON lines (one entity "
        "a line, as in the dumps), into knowledge-base JSONL rows.",
    )
    imp.add_argument("source", metavar="RESULT", nargs="?", help="same as --wikidata")
    imp.add_argument(
        "--wikidata",
        metavar="FILE",
        help="a SPARQL result (.json or .csv) or Wikidata entity JSON lines",
    )
    imp.add_argument("-o", "--output", metavar="FILE", help="write rows here (default: stdout)")
    imp.add_argument(
        "--as-of",
        default=None,
        help="the date the data was taken, YYYY-MM-DD (default: the file's modification date)",
    )
    stale = sub.add_parser(
        "stale",
        help="list offices whose as_of is older than an age",
        description="List the offices of the knowledge base (the bundled files merged with "
        "FILEs) whose as_of (the latest of their rows) is older than --older-than before "
        "--today. With --fail, exit 1 when any is.",
    )
    stale.add_argument("files", nargs="*", metavar="FILE", help="files merged over the bundled")
    stale.add_argument(
        "--older-than",
        default="6m",
        metavar="AGE",
        help="an age: N followed by d, w, m or y (default: 6m)",
    )
    stale.add_argument("--today", default=None, help="the reference date (default: today)")
    stale.add_argument("--fail", action="store_true", help="exit 1 when any office is stale")


def run(args: argparse.Namespace) -> int:
    if args.kb_command == "check":
        return run_check(args.files)
    if args.kb_command == "stale":
        return run_stale(args.files, args.older_than, args.today, fail=args.fail)
    source = args.wikidata or args.source
    if not source:
        msg = "kb import needs a file: --wikidata FILE"
        raise ConfigError(msg)
    return run_import(source, args.output, args.as_of)


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
    """Rows of a SPARQL result saved as JSON (``results.bindings``) or CSV (header row), or of
    Wikidata entity JSON lines (one row per position-held statement)."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        msg = f"cannot read {path}: {exc.strerror or exc}"
        raise ConfigError(msg) from exc
    head = text.lstrip()
    if head.startswith("[") or (head.startswith("{") and not is_sparql_result(text)):
        return read_entities(text, path)
    if path.endswith(".json") or head.startswith("{"):
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


def position_aliases(label: str, code: str, place: str = "") -> tuple[list[str], list[str]]:
    """Country-prefixed aliases ("French Foreign Minister") and the generic core, if any.

    ``place`` (the jurisdiction's label) also counts as a name of the country.
    """
    words = [w for w in PLACES.get(code.upper(), ()) if not w.startswith("the ")]
    places = sorted({*PLACES.get(code.upper(), ()), *([place] if place else [])}, key=len)
    for name in reversed(places):
        for suffix in (f" of {name}", f" ({name})"):
            if label.endswith(suffix):
                core = label[: -len(suffix)]
                aliases = [f"{w} {core}" for w in words]
                if words:
                    aliases.append(f"{words[0]}'s {core}")
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
        if r.get("rank", "").rsplit("#", 1)[-1].lower().startswith("deprecated"):
            continue  # a statement Wikidata itself marks as wrong
        person, label = _qid(r.get("person", "")), r.get("personLabel", "").strip()
        position, plabel = _qid(r.get("position", "")), r.get("positionLabel", "").strip()
        if position in known and not plabel:
            plabel = str(known[position]["position"])
        if not label or not plabel or re.fullmatch(r"Q\d+", label):
            continue
        start = truncate(r.get("start", ""), r.get("startPrecision", ""))
        if start is None:
            continue
        end = truncate(r.get("end", ""), r.get("endPrecision", ""))
        code = r.get("jurisdictionCode", "").strip()
        aliases, generic = position_aliases(plabel, code, r.get("jurisdictionLabel", "").strip())
        aliases = unique([*aliases, *_split(r.get("positionAliases", ""))])
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
        rid = f"{office['position_id']}:{slug(label) or person.lower()}:{start}"
        if rid in seen:
            continue
        seen.add(rid)
        nature = r.get("natureLabel", "").lower()
        statement = _qid(r.get("statement", ""))
        yield {
            "id": rid,
            "person": label,
            "person_aliases": [a for a in unique(_split(r.get("personAliases", ""))) if a != label],
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


def _split(cell: str) -> list[str]:
    """An aggregated alias column: forms joined by ``|``."""
    return [part for part in cell.split("|") if part.strip()] if cell else []


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
    if as_of is None:
        try:  # the file's own date: the data is no newer than the file
            as_of = dt.date.fromtimestamp(Path(source).stat().st_mtime).isoformat()
        except OSError as exc:
            msg = f"cannot read {source}: {exc.strerror or exc}"
            raise ConfigError(msg) from exc
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
    problems = validate([SourcedRow(r, output or "<stdout>", i) for i, r in enumerate(rows, 1)])
    for p in problems:
        eprint(f"warning: {p}")
    if problems:
        eprint("review these rows (vandalism and duplicate statements show up here)")
    return 0


# ---------------------------------------------------------------------------------------------
# stale offices

AGE_RE = re.compile(r"^\s*(\d+)\s*([dwmy])\s*$", re.IGNORECASE)


def months_before(date: dt.date, months: int) -> dt.date:
    """The same day ``months`` earlier, clamped to the month's last day."""
    total = date.year * 12 + date.month - 1 - months
    year, month = divmod(total, 12)
    first_next = dt.date(year + (month == 11), (month + 1) % 12 + 1, 1)
    last = (first_next - dt.timedelta(days=1)).day
    return dt.date(year, month + 1, min(date.day, last))


def cutoff(age: str, today: dt.date) -> dt.date:
    """The date ``age`` ("6m", "1y", "90d", "2w") before ``today``.

    >>> cutoff("6m", dt.date(2026, 8, 31)).isoformat()
    '2026-02-28'
    """
    m = AGE_RE.match(age)
    if not m:
        msg = f"--older-than must be a number and d, w, m or y (e.g. 6m), not {age!r}"
        raise ConfigError(msg)
    n, unit = int(m.group(1)), m.group(2).lower()
    if unit == "d":
        return today - dt.timedelta(days=n)
    if unit == "w":
        return today - dt.timedelta(weeks=n)
    return months_before(today, n * (12 if unit == "y" else 1))


def stale_offices(
    files: Iterable[str], older_than: str, today: dt.date
) -> list[tuple[str, str, str, int]]:
    """``(position_id, as_of, label, rows)`` of every office whose as_of is before the cutoff."""
    limit = cutoff(older_than, today).toordinal()
    kb = load_kb(tuple(files))
    out = []
    for position, rows in kb.by_position.items():
        as_of = kb.as_of(position)
        if as_of < limit:
            out.append((position, iso(as_of), kb.position_label[position], len(rows)))
    return sorted(out, key=lambda r: (r[1], r[0]))


def run_stale(files: Iterable[str], older_than: str, today: str | None, *, fail: bool) -> int:
    try:
        ref = dt.date.fromisoformat(today) if today else dt.date.today()
    except ValueError as exc:
        msg = f"--today must be YYYY-MM-DD, not {today!r}"
        raise ConfigError(msg) from exc
    stale = stale_offices(files, older_than, ref)
    for position, as_of, label, n in stale:
        print(f"{position}\t{as_of}\t{n}\t{label}")
    total = len(load_kb(tuple(files)).by_position)
    eprint(
        f"{len(stale)} of {total} offices have an as_of before "
        f"{cutoff(older_than, ref).isoformat()} ({older_than} before {ref.isoformat()})"
    )
    return 1 if fail and stale else 0
