"""Template findings on the dev pages, printed for reading.

    python benchmarks/templates_dev.py [--shared ../shared] [--field extracted_text] [--preset extracted]

Cleans every page's text with the default pipeline and prints each document that gets a
``template.*`` finding: its id, and for each finding the code, kind, matched text and the text
around it, so that every flagged document can be judged by eye. Ends with the counts.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

import newsclean


def context(text: str, span: tuple[int, int], width: int = 70) -> str:
    start, end = span
    left = text[max(0, start - width) : start].replace("\n", " ⏎ ")
    right = text[end : end + width].replace("\n", " ⏎ ")
    return f"…{left}【{text[start:end][:120]}】{right}…"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument(
        "--shared", default="../shared", help="the shared folder (default ../shared)"
    )
    parser.add_argument("--field", default="extracted_text", help="page_text or extracted_text")
    parser.add_argument("--preset", default="extracted")
    args = parser.parse_args(argv)
    path = Path(args.shared) / "data" / "boilerplate-dev.jsonl"
    if not path.exists():
        print(f"{path} not found; nothing to do", file=sys.stderr)
        return 0
    pipeline = newsclean.default_pipeline(args.preset)
    docs = flagged = 0
    codes: Counter[str] = Counter()
    kinds: Counter[str] = Counter()
    started = time.perf_counter()
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            text = row.get(args.field) or ""
            docs += 1
            article = pipeline({"text": text, "id": row["id"]})
            found = [f for f in article.findings if f.code.startswith("template.")]
            if not found:
                continue
            flagged += 1
            print(f"## {row['id']}  ({len(found)} finding(s))")
            for f in found:
                kind = f.evidence.get("kind", "")
                codes[f.code] += 1
                kinds[f"{f.code}/{kind}"] += 1
                print(f"  {f.code:<22} {kind:<14} {context(article.original, f.span)}")
            print()
    elapsed = time.perf_counter() - started
    print(f"documents: {docs}; with a template finding: {flagged}; {elapsed:.1f}s")
    for key, n in sorted(kinds.items()):
        print(f"  {key}: {n}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
