"""Fact-check findings on real text, printed with context for reading.

    python benchmarks/facts_dev.py [--shared ../shared] [--examples examples/clean] [--field extracted_text]

Runs the default pipeline over the dev pages' ``extracted_text`` (``../shared/data/
boilerplate-dev.jsonl``; skipped when absent) and over the bundled clean examples
(``examples/clean/*.jsonl``), and prints every document that gets a fact finding (codes
``title.*``, ``name.*``, ``date.*``, ``headline.mismatch``, ``headline.leak``) with the text
around the finding, then counts. Reading the output is the precision measurement: every
printed finding is judged right or wrong by a person.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import newsclean

FAMILIES = ("title.", "name.", "date.", "headline.mismatch", "headline.leak")


def is_fact(code: str) -> bool:
    return code.startswith(FAMILIES)


def dev_records(shared: Path, field: str, *, record: bool = False) -> Iterator[dict[str, Any]]:
    """The dev pages; with ``record``, each with the title and date its HTML gives
    (``record-dev.jsonl``): real headlines over their bodies, dated."""
    path = shared / "data" / "boilerplate-dev.jsonl"
    if not path.exists():
        print(f"(no {path}; skipping the dev pages)", file=sys.stderr)
        return
    meta: dict[str, dict[str, Any]] = {}
    if record:
        with (shared / "data" / "record-dev.jsonl").open(encoding="utf-8") as fh:
            meta = {r["id"]: r for r in map(json.loads, fh)}
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            text = row.get(field)
            if text:
                out = {"id": f"dev:{row['id']}", "text": text}
                given = meta.get(row["id"], {})
                if given.get("title"):
                    out["title"] = given["title"]
                if given.get("date"):
                    out["published"] = given["date"]
                yield out


def example_records(folder: Path) -> Iterator[dict[str, Any]]:
    for path in sorted(folder.glob("*.jsonl")):
        with path.open(encoding="utf-8") as fh:
            for n, line in enumerate(fh, 1):
                if not line.strip():
                    continue
                row = json.loads(line)
                row.setdefault("id", f"{path.name}:{n}")
                row["id"] = f"examples:{row['id']}"
                yield row


def run(name: str, records: Iterator[dict[str, Any]], *, context: int, quiet: bool) -> None:
    pipeline = newsclean.default_pipeline()
    docs = flagged = 0
    codes: Counter[str] = Counter()
    started = time.perf_counter()
    for record in records:
        docs += 1
        article = pipeline(record)
        found = [f for f in article.findings if is_fact(f.code)]
        if not found:
            continue
        flagged += 1
        codes.update(f.code for f in found)
        if quiet:
            continue
        print(f"=== {article.id}  title={article.title!r}")
        for f in found:
            a, b = f.span
            before = article.original[max(0, a - context) : a].replace("\n", " ")
            after = article.original[b : b + context].replace("\n", " ")
            print(f"  [{f.code}] {f.message}")
            print(f"      …{before}⟦{article.original[a:b]}⟧{after}…")
    elapsed = time.perf_counter() - started
    print(
        f"--- {name}: {docs} documents, {flagged} with a fact finding "
        f"({dict(sorted(codes.items()))}); {elapsed:.1f}s"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", default="../shared", type=Path)
    parser.add_argument("--examples", default="examples/clean", type=Path)
    parser.add_argument(
        "--field", default="extracted_text", help="dev field: extracted_text or page_text"
    )
    parser.add_argument(
        "--record",
        action="store_true",
        help="give each dev page its title and date from record-dev.jsonl",
    )
    parser.add_argument("--context", type=int, default=90)
    parser.add_argument("-q", "--quiet", action="store_true", help="counts only")
    args = parser.parse_args()
    records = dev_records(args.shared, args.field, record=args.record)
    run("dev pages", records, context=args.context, quiet=args.quiet)
    if args.examples.exists():
        run("examples", example_records(args.examples), context=args.context, quiet=args.quiet)
    else:
        print(f"(no {args.examples}; skipping the examples)", file=sys.stderr)


if __name__ == "__main__":
    main()
