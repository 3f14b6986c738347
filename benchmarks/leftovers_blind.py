"""Leftovers and placeholders injected into real article bodies: trial recall and alarm rates.

    python benchmarks/leftovers_blind.py ITEMS.jsonl [--shared ../shared] [--bodies 3] [-v]

ITEMS.jsonl holds one item a line::

    {"id": "...", "kind": "positive" | "near_miss", "lang": "en", "category": "opener",
     "line": "Here's the reworked article for you:", "fragment": null | "part of line",
     "placements": ["first_line", "last_line", "own_line", "inline"]}

Each item is injected into ``--bodies`` dev bodies (``extracted_text`` of
``data/boilerplate-dev.jsonl``, chosen per item with a fixed seed) at each of its placements,
and the text is cleaned with the default pipeline. The injected span is the fragment, or the
whole line when the fragment is null.

- a positive trial is *caught* when a ``template.*`` finding (any severity) or a removal
  overlaps the injected span (also printed: caught by ``template.*`` alone);
- a near-miss trial *alarms* when a ``template.*`` finding at warning or worse, or a
  ``template.*`` removal, overlaps the injected span;
- the real-body alarm rate is the share of all dev bodies with a ``template.*`` finding at
  warning or worse.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

import newsclean
from newsclean.codes import Severity
from newsclean.record import Article

PLACEMENTS = ("first_line", "last_line", "own_line", "inline")


def inject(body: str, line: str, placement: str) -> tuple[str, int]:
    """``body`` with ``line`` put at ``placement``, and where the line starts."""
    body = body.strip("\n")
    if placement == "first_line":
        return line + "\n" + body, 0
    if placement == "last_line":
        return body + "\n" + line, len(body) + 1
    lines = body.split("\n")
    if placement == "own_line":
        if "\n\n" in body:  # paragraphs: a paragraph of its own near the middle
            paras = body.split("\n\n")
            head = "\n\n".join(paras[: max(1, len(paras) // 2)])
            rest = body[len(head) :]
            return head + "\n\n" + line + rest, len(head) + 2
        head = "\n".join(lines[: max(1, len(lines) // 2)])
        rest = body[len(head) :]
        return head + "\n" + line + rest, len(head) + 1
    # inline: after the first sentence of a line near the middle with two sentences or more
    order = sorted(range(len(lines)), key=lambda i: abs(i - len(lines) // 2))
    offsets = [0]
    for ln in lines:
        offsets.append(offsets[-1] + len(ln) + 1)
    for i in order:
        at = lines[i].find(". ")
        if 0 < at < len(lines[i]) - 3:
            pos = offsets[i] + at + 2
            return body[:pos] + line + " " + body[pos:], pos
    i = order[0]
    pos = offsets[i] + len(lines[i])
    return body[:pos] + " " + line + body[pos:], pos + 1


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def judge(article: Article, span: tuple[int, int]) -> dict[str, bool]:
    templ = [f for f in article.findings if f.code.startswith("template.")]
    return {
        "finding": any(overlaps(f.span, span) for f in templ),
        "removal": any(overlaps(r.span, span) for r in article.removals),
        "alarm": any(overlaps(f.span, span) and f.severity >= Severity.WARNING for f in templ)
        or any(
            overlaps(r.span, span) and r.reason.startswith("template.") for r in article.removals
        ),
        "elsewhere": any(
            not overlaps(f.span, span) and f.severity >= Severity.WARNING for f in templ
        ),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("items", help="JSONL of items to inject")
    parser.add_argument("--shared", default="../shared", help="the shared folder")
    parser.add_argument("--bodies", type=int, default=3, help="bodies per item (default 3)")
    parser.add_argument("--seed", default="leftovers", help="seed of the body choice")
    parser.add_argument("--preset", default="extracted")
    parser.add_argument("-v", "--verbose", action="store_true", help="print misses and alarms")
    args = parser.parse_args(argv)
    path = Path(args.shared) / "data" / "boilerplate-dev.jsonl"
    if not path.exists():
        print(f"{path} not found; nothing to do", file=sys.stderr)
        return 0
    pipeline = newsclean.default_pipeline(args.preset)
    bodies: list[str] = []
    real_alarms = real_docs = 0
    with path.open(encoding="utf-8") as fh:
        for raw in fh:
            text = json.loads(raw).get("extracted_text") or ""
            real_docs += 1
            article = pipeline(text)
            alarm = any(
                f.code.startswith("template.") and f.severity >= Severity.WARNING
                for f in article.findings
            )
            real_alarms += alarm
            lines = [ln for ln in text.split("\n") if ln.strip()]
            if not alarm and len(lines) >= 5 and len(text) >= 1000:
                bodies.append(text)
    items: list[dict[str, Any]] = [
        json.loads(ln) for ln in Path(args.items).read_text(encoding="utf-8").splitlines() if ln
    ]
    tally: dict[str, Counter[str]] = defaultdict(Counter)
    for item in items:
        rng = random.Random(f"{args.seed}:{item['id']}")
        chosen = rng.sample(bodies, min(args.bodies, len(bodies)))
        line = item["line"]
        fragment = item.get("fragment")
        at = line.find(fragment) if fragment else 0
        if at < 0:
            print(f"{item['id']}: fragment not in line", file=sys.stderr)
            return 2
        length = len(fragment) if fragment else len(line)
        for placement in item.get("placements") or PLACEMENTS:
            for body in chosen:
                text, start = inject(body, line, placement)
                span = (start + at, start + at + length)
                article = pipeline(text)
                got = judge(article, span)
                key = f"{item['kind']}/{item['category']}"
                for group in (key, item["kind"], f"{item['kind']}@{placement}"):
                    tally[group]["trials"] += 1
                    tally[group]["caught"] += got["finding"] or got["removal"]
                    tally[group]["caught_by_template"] += got["finding"]
                    tally[group]["alarm"] += got["alarm"]
                    tally[group]["elsewhere"] += got["elsewhere"]
                bad = (item["kind"] == "positive" and not (got["finding"] or got["removal"])) or (
                    item["kind"] == "near_miss" and got["alarm"]
                )
                if args.verbose and bad:
                    what = "MISS " if item["kind"] == "positive" else "ALARM"
                    print(f"{what} {item['id']:28} {placement:10} {line[:90]!r}")

    def rate(group: str, field: str) -> str:
        t = tally[group]
        return f"{t[field] / t['trials']:.3f} ({t[field]}/{t['trials']})" if t["trials"] else "-"

    print(f"\nitems: {len(items)}; bodies to inject into: {len(bodies)}; per item: {args.bodies}")
    print(f"trial recall (finding or removal): {rate('positive', 'caught')}")
    print(f"trial recall (template.* finding): {rate('positive', 'caught_by_template')}")
    print(f"near-miss alarm rate:              {rate('near_miss', 'alarm')}")
    print(
        f"real-body alarm rate (dev extracted_text): {real_alarms / real_docs:.3f} "
        f"({real_alarms}/{real_docs})"
    )
    print("\nby group:")
    for group in sorted(tally):
        if "/" in group or "@" in group:
            field = "caught" if group.startswith("positive") else "alarm"
            print(f"  {group:34} {field:6} {rate(group, field)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
