"""Clean the bundled example corpus and print each clean record and a summary.

Run with ``make demo`` (or ``python examples/demo.py``).
"""

from __future__ import annotations

import sys
from pathlib import Path

import newsclean
from newsclean.io import read_items
from newsclean.runs import Counts, clean_items

CORPUS = Path(__file__).parent / "corpus"


def show(article: newsclean.Article) -> None:
    print("=" * 100)
    print(f"id:    {article.id}")
    print(f"title: {article.title}")
    print(f"ok:    {article.ok}")
    print("-" * 100)
    for paragraph in article.paragraphs:
        print(paragraph[:300] + ("…" if len(paragraph) > 300 else ""))
        print()
    for r in article.removals:
        print(f"  removed [{r.reason}] {r.text[:70]!r}")
    for f in article.findings:
        print(f"  finding {f.code} [{f.severity}] {f.message}")


def main() -> int:
    pipeline = newsclean.default_pipeline()
    summary = Counts()
    paths = sorted(
        str(p)
        for p in CORPUS.iterdir()
        if p.suffix in (".txt", ".jsonl") and p.name != "expected.jsonl"  # expectations, not input
    )
    for outcome in clean_items(pipeline, read_items(paths)):
        if outcome.article is not None:
            show(outcome.article)
            summary.add(outcome.article)
        elif outcome.reject is not None:
            summary.add(outcome.reject)
            print(
                f"rejected {outcome.reject.source}:{outcome.reject.line}: {outcome.reject.reason}"
            )
    print("=" * 100)
    print(summary.render())
    return 0


if __name__ == "__main__":
    sys.exit(main())
