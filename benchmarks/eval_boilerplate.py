"""Score the boilerplate presets on the shared development set, beside two baselines.

    python benchmarks/eval_boilerplate.py --shared ../shared [--limit N] [--out out]

Two inputs per page of ``boilerplate-dev.jsonl``: ``extracted_text`` (an HTML extractor's output,
cleaned with the ``extracted`` preset) and ``page_text`` (all visible text, cleaned with the
``page`` preset). Each is written to ``out/<name>.jsonl`` as ``{"id", "text"}`` lines and scored
with ``<shared>/eval/score.py`` beside

- ``unchanged``: the input as it is;
- ``c4``: the line rules of the C4 corpus filter, implemented here (keep a line only when it ends
  in terminal punctuation and has at least 3 words; drop lines mentioning javascript, cookie or
  privacy policies, terms of use, and lorem ipsum). C4's page-level rules (too few sentences,
  curly braces, bad words) discard whole pages and are left out.

What is scored: the clean record's title line followed by its body. The headline is article
content; ``detect_title`` only moves it from the body into the ``title`` field.

Without ``<shared>`` the script says so and exits 0.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import newsclean

ROOT = Path(__file__).resolve().parents[1]
RUNS = (("extracted", "extracted_text"), ("page", "page_text"))

C4_END = (".", "!", "?", '"', "”", "’", "'", "»", ")", "…", "。", "！", "？")
C4_POLICY = (
    "javascript",
    "terms of use",
    "privacy policy",
    "cookie policy",
    "uses cookies",
    "use of cookies",
    "use cookies",
    "lorem ipsum",
)


def c4_lines(text: str) -> str:
    """C4's line rules (Raffel et al. 2020, as in datatrove's C4QualityFilter)."""
    kept = []
    for line in text.split("\n"):
        line = line.strip()
        if not line or not line.endswith(C4_END) or len(line.split()) < 3:
            continue
        low = line.lower()
        if any(p in low for p in C4_POLICY):
            continue
        kept.append(line)
    return "\n".join(kept)


def scored_text(article: newsclean.Article) -> str:
    """The title line plus the body, as the evaluation reads a clean record."""
    return f"{article.title}\n\n{article.text}" if article.title else article.text


def read_corpus(path: Path, limit: int | None) -> list[dict[str, Any]]:
    records = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                records.append(json.loads(line))
    if limit is not None and limit < len(records):
        step = len(records) / limit
        records = [records[int(i * step)] for i in range(limit)]
    return records


def write_jsonl(path: Path, rows: Iterator[tuple[str, str]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as fh:
        for rid, text in rows:
            fh.write(json.dumps({"id": rid, "text": text}, ensure_ascii=False) + "\n")


def run(
    shared: Path,
    out: Path,
    limit: int | None = None,
    quiet: bool = False,
    presets: tuple[str, ...] = ("extracted", "page"),
) -> dict[str, Any]:
    """Clean, write and score; returns score.py's numbers by run name."""
    corpus_path = shared / "data" / "boilerplate-dev.jsonl"
    score_py = shared / "eval" / "score.py"
    records = read_corpus(corpus_path, limit)
    sample = out / "corpus.jsonl"
    if limit is not None:
        out.mkdir(parents=True, exist_ok=True)
        with sample.open("w", encoding="utf-8") as fh:
            for rec in records:
                fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
        corpus_path = sample
    results: dict[str, Any] = {}
    for preset, field in RUNS:
        if preset not in presets:
            continue
        pipeline = newsclean.default_pipeline(preset)
        started = time.perf_counter()
        cleaned = [(r["id"], scored_text(pipeline({"text": r[field]}))) for r in records]
        seconds = time.perf_counter() - started
        files = {
            f"unchanged-{field}": [(r["id"], r[field]) for r in records],
            f"c4-{field}": [(r["id"], c4_lines(r[field])) for r in records],
            f"newsclean-{preset}-{field}": cleaned,
        }
        paths = []
        for name, rows in files.items():
            path = out / f"{name}.jsonl"
            write_jsonl(path, iter(rows))
            paths.append(str(path))
        numbers = out / f"scores-{preset}.json"
        cmd = [sys.executable, str(score_py), str(corpus_path), *paths, "--bootstrap", "0"]
        cmd += ["--json", str(numbers)]
        proc = subprocess.run(cmd, capture_output=True, text=True, check=True)
        if not quiet:
            print(f"\n## preset {preset!r} on {field} ({len(records)} pages, {seconds:.1f}s)")
            print(proc.stdout)
        results.update(json.loads(numbers.read_text(encoding="utf-8")))
    return results


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"), help="the shared folder")
    ap.add_argument("--out", default=str(ROOT / "out"), help="where to write outputs")
    ap.add_argument("--limit", type=int, default=None, help="score an even sample of N pages")
    ap.add_argument(
        "--preset", action="append", choices=[p for p, _ in RUNS], help="only this preset"
    )
    args = ap.parse_args(argv)
    shared = Path(args.shared)
    if not (shared / "data" / "boilerplate-dev.jsonl").is_file():
        print(f"eval: {shared}/data/boilerplate-dev.jsonl not found; nothing to score (skipped)")
        return 0
    run(shared, Path(args.out), args.limit, presets=tuple(args.preset or [p for p, _ in RUNS]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
