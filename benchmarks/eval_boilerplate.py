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

What is scored: the clean record's title and subtitle lines followed by its body. The headline is article
content; ``detect_title`` only moves it from the body into the ``title`` field.

The record's fields are scored against ``record-dev.jsonl`` (metadata read from each page's HTML):

- ``title right``: the record's title matches the page's title (after case folding: near-equal, or
  one holds the other and the shorter is at least 60% of the longer), over all pages with a title;
  for ``extracted_text`` also over the pages whose text holds the title as a line;
- ``wrong title``: a title is set and does not match, over all pages with a title; also the part
  of it where the text holds the page's title as a line (another line was taken: clearly wrong;
  the rest are pages whose text shows another headline than the HTML's title);
- ``authors``: one of the record's authors matches a listed author, over the pages where a listed
  author's name occurs in the input text; ``wrong authors``: authors are set and none matches, over
  the same pages;
- ``published``: the record's ``published`` date is the page's date, over the pages where that
  date is written in the input text.

The record's figures and the snippet scores (keep recall, drop removal, F1, as ``score.py`` counts
them) are also given for each half of the pages (even and odd places in the file). The record's
figures are then given a second time with each page's URL passed to the pipeline (``url`` of the
record), as a caller that has the URL would pass it; the snippet scores are those without it.

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

from rapidfuzz import fuzz

import newsclean
from newsclean.filters.facts.dates import find_dates

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
    """The title and subtitle lines plus the body, as the evaluation reads a clean record."""
    head = [t for t in (article.title, article.subtitle) if t]
    return "\n\n".join([*head, article.text]) if head else article.text


def _fold(text: str) -> str:
    return " ".join(text.casefold().split())


def same_title(a: str | None, b: str | None) -> bool:
    """The fuzzy comparison of ``record-dev.jsonl``'s README."""
    if not a or not b:
        return False
    a, b = _fold(a), _fold(b)
    if fuzz.ratio(a, b) >= 90:
        return True
    short, long = sorted((a, b), key=len)
    return short in long and len(short) >= 0.6 * len(long)


def listed_authors(value: str | None) -> list[str]:
    """The names in a metadata author field ("A; B", "A and B", "A, B")."""
    if not value:
        return []
    out = []
    for part in value.replace(" and ", ";").replace("&", ";").replace(",", ";").split(";"):
        name = part.strip()
        if len(name) >= 3:
            out.append(name)
    return out


def text_dates(text: str) -> set[str]:
    """ISO forms of the full dates written in ``text``."""
    found = set()
    for d in find_dates(text, timeout=5.0):
        date = d.date()
        if date is not None:
            found.add(date.isoformat())
    return found


def record_scores(
    records: list[dict[str, Any]],
    field: str,
    articles: list[newsclean.Article],
    meta: dict[str, dict[str, Any]],
) -> dict[str, Any]:
    """Title, author and date figures of one run (see the module docstring)."""
    n = right = wrong = right_line = n_line = wrong_line = 0
    n_auth = right_auth = wrong_auth = n_date = right_date = 0
    for rec, art in zip(records, articles, strict=True):
        silver = meta.get(rec["id"])
        if silver is None:
            continue
        text = rec[field] or ""
        if silver.get("title"):
            n += 1
            ok = same_title(art.title, silver["title"])
            right += ok
            wrong += art.title is not None and not ok
            if any(same_title(line.strip(), silver["title"]) for line in text.split("\n")):
                n_line += 1
                right_line += ok
                wrong_line += art.title is not None and not ok
        folded = text.casefold()
        names = [a for a in listed_authors(silver.get("author")) if a.casefold() in folded]
        if names:
            n_auth += 1
            authors = list(getattr(art, "authors", ()) or ())
            ok_auth = any(same_title(a, b) for a in authors for b in names)
            right_auth += ok_auth
            wrong_auth += bool(authors) and not ok_auth
        date = silver.get("date")
        if date and date in text_dates(text):
            n_date += 1
            right_date += (getattr(art, "published", None) or "")[:10] == date
    return {
        "pages": n,
        "title_right": right / n if n else 0.0,
        "wrong_title": wrong / n if n else 0.0,
        # a wrong title where the text holds the page's title as a line (another line was taken);
        # the rest are pages whose text shows a headline other than the HTML's title (often the
        # visible headline, without the site's name or reworded)
        "wrong_title_where_line": wrong_line / n if n else 0.0,
        "title_line_pages": n_line,
        "title_right_where_line": right_line / n_line if n_line else 0.0,
        "author_pages": n_auth,
        "authors_right": right_auth / n_auth if n_auth else 0.0,
        "authors_wrong": wrong_auth / n_auth if n_auth else 0.0,
        "date_pages": n_date,
        "published_right": right_date / n_date if n_date else 0.0,
    }


def print_record_scores(scores: dict[str, Any]) -> None:
    print(
        f"record: title right {scores['title_right']:.3f} of {scores['pages']} "
        f"({scores['title_right_where_line']:.3f} of the {scores['title_line_pages']} "
        f"with the title as a line), wrong title {scores['wrong_title']:.3f} "
        f"({scores['wrong_title_where_line']:.3f} where the text holds the title as a line); "
        f"authors {scores['authors_right']:.3f} of {scores['author_pages']} "
        f"(wrong {scores['authors_wrong']:.3f}); "
        f"published {scores['published_right']:.3f} of {scores['date_pages']}"
    )


def report_records(
    results: dict[str, Any],
    records: list[dict[str, Any]],
    field: str,
    articles: list[newsclean.Article],
    meta: dict[str, dict[str, Any]],
    key: str,
    quiet: bool,
) -> None:
    """The record's figures over all pages and over each half, into ``results`` under
    ``record-<key>`` (``-half0``, ``-half1``), printed unless ``quiet``."""
    scores = record_scores(records, field, articles, meta)
    results[f"record-{key}"] = scores
    if not quiet:
        print_record_scores(scores)
    # the pages in two halves (even and odd places in the file): a rule that holds on one half
    # only was fitted to its pages
    for half in (0, 1):
        scores = record_scores(records[half::2], field, articles[half::2], meta)
        results[f"record-{key}-half{half}"] = scores
        if not quiet:
            print(f"  half {half}: ", end="")
            print_record_scores(scores)


def _norm(text: str) -> str:
    return " ".join(text.split())


def snippet_scores(records: list[dict[str, Any]], texts: list[str]) -> dict[str, float]:
    """Keep recall, drop removal and F1 of the snippets, counted as ``score.py`` counts them."""
    tp = fn = fp = tn = 0
    for rec, text in zip(records, texts, strict=True):
        out = _norm(text)
        for snippet in rec.get("keep") or ():
            found = _norm(snippet) in out
            tp += found
            fn += not found
        for snippet in rec.get("drop") or ():
            found = _norm(snippet) in out
            fp += found
            tn += not found
    return {
        "keep_recall": tp / (tp + fn) if tp + fn else 0.0,
        "drop_removal": tn / (tn + fp) if tn + fp else 0.0,
        "f1": 2 * tp / (2 * tp + fp + fn) if tp else 0.0,
    }


def read_meta(shared: Path) -> dict[str, dict[str, Any]]:
    path = shared / "data" / "record-dev.jsonl"
    if not path.is_file():
        return {}
    return {r["id"]: r for r in read_corpus(path, None)}


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
        articles = [pipeline({"text": r[field]}) for r in records]
        cleaned = [(r["id"], scored_text(a)) for r, a in zip(records, articles, strict=True)]
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
        meta = read_meta(shared)
        if meta:
            report_records(results, records, field, articles, meta, f"{preset}-{field}", quiet)
            # the same pages with their URL given, as a caller that has it passes it
            with_url = [pipeline({"text": r[field], "url": r.get("url")}) for r in records]
            if not quiet:
                print("with the page URL given:")
            report_records(results, records, field, with_url, meta, f"{preset}-{field}-url", quiet)
        for half in (0, 1):
            snip = snippet_scores(records[half::2], [t for _, t in cleaned[half::2]])
            results[f"snippets-{preset}-{field}-half{half}"] = snip
            if not quiet:
                print(
                    f"  half {half}: snippets keep recall {snip['keep_recall']:.3f}, "
                    f"drop removal {snip['drop_removal']:.3f}, F1 {snip['f1']:.3f}"
                )
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
