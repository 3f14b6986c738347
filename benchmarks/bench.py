"""Throughput, memory and scaling of newsclean against named baselines, in one run.

    python benchmarks/bench.py --shared ../shared          # what `make bench` runs
    python benchmarks/bench.py --quick                     # a short run to check the script

Documents: the `extracted_text` and `page_text` fields of ../shared/data/boilerplate-dev.jsonl, or,
when that file is absent, the bundled example corpus replicated. Every single-process figure is
CPU time of this process (per core, and robust against other load on the machine); the scaling
figures (--jobs, Dask) are wall-clock time, as they must be.

Baselines, on the same documents in the same run:
- ftfy.fix_text alone (ftfy's default settings);
- datatrove's C4QualityFilter + GopherQualityFilter + FineWebQualityFilter (`pip install -e
  '.[bench]'`; they need spaCy for word splitting): skipped with a message when not installed;
- a floor: one compiled `regex` pass over the text.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

import ftfy
import regex

import newsclean
from newsclean import default_pipeline
from newsclean.pipeline import Draft, Pipeline, Proposal, Stage
from newsclean.scanner import scanner_name

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples" / "corpus"
FLOOR_RE = regex.compile(r"(?m)^[^\S\n]*\S[^\n]*$")

#: the --jobs and Dask runs: rounds of (1, 2) processes; the records of the start-up run
JOBS_ROUNDS = 3
JOBS_SMALL_DOCS = 8

#: "vs ftfy" is the extracted preset on `extracted_text`; the page preset on `page_text` has its own
TARGETS = {
    "vs ftfy": 2.0,
    "page vs ftfy": 1.5,
    "vs datatrove trio": 20.0,
    "10 MB doc / 5 KB docs, time per MB": 2.0,
    "--jobs 2 / --jobs 1 throughput": 1.8,
}


# ---------------------------------------------------------------------------------------------
# documents


def load_corpora(shared: Path, quick: bool) -> tuple[dict[str, list[str]], str]:
    path = shared / "data" / "boilerplate-dev.jsonl"
    if path.is_file():
        extracted: list[str] = []
        page: list[str] = []
        with path.open(encoding="utf-8") as fh:
            for line in fh:
                rec = json.loads(line)
                if rec.get("extracted_text"):
                    extracted.append(rec["extracted_text"])
                if rec.get("page_text"):
                    page.append(rec["page_text"])
        source = f"{path} ({len(extracted)} + {len(page)} documents)"
    else:
        texts = [
            json.loads(x)["text"] for x in (EXAMPLES / "articles.jsonl").open(encoding="utf-8")
        ]
        texts.append((EXAMPLES / "seed-nato.txt").read_text(encoding="utf-8"))
        extracted = texts * 30
        page = texts * 30
        source = f"bundled examples replicated ({len(texts)} x 30), ../shared not found"
    if quick:
        extracted, page = extracted[::8], page[::8]
        source += ", every 8th document (--quick)"
    return {"extracted_text": extracted, "page_text": page}, source


def megabytes(texts: Sequence[str]) -> float:
    return sum(len(t.encode("utf-8")) for t in texts) / 1e6


# ---------------------------------------------------------------------------------------------
# timing


def cpu_time(func: Callable[[], object], repeat: int = 1) -> float:
    """Best CPU time of ``repeat`` runs (this process only)."""
    best = float("inf")
    for _ in range(repeat):
        gc.collect()
        start = time.process_time()
        func()
        best = min(best, time.process_time() - start)
    return best


@dataclass
class Row:
    system: str
    docs: int
    mb: float
    seconds: float

    @property
    def docs_per_s(self) -> float:
        return self.docs / self.seconds

    @property
    def mb_per_s(self) -> float:
        return self.mb / self.seconds


def run_pipeline(pipeline: Pipeline, texts: Sequence[str]) -> None:
    for t in texts:
        pipeline(t)


def run_ftfy(texts: Sequence[str]) -> None:
    for t in texts:
        ftfy.fix_text(t)


def run_floor(texts: Sequence[str]) -> None:
    for t in texts:
        for _ in FLOOR_RE.finditer(t):
            pass


def datatrove_trio() -> Callable[[Sequence[str]], None] | str:
    """The three datatrove quality filters, or the reason they cannot run here."""
    try:
        from datatrove.data import Document
        from datatrove.pipeline.filters import (
            C4QualityFilter,
            FineWebQualityFilter,
            GopherQualityFilter,
        )

        filters = [C4QualityFilter(), GopherQualityFilter(), FineWebQualityFilter()]
        warm = Document(text="A warm-up sentence. Another one here.", id="0")
        for f in filters:
            f.filter(warm)  # loads the word tokenizer (spaCy)
    except Exception as exc:
        return f"datatrove trio skipped: {type(exc).__name__}: {exc} (pip install -e '.[bench]')"

    def run(texts: Sequence[str]) -> None:
        for i, t in enumerate(texts):
            doc = Document(text=t, id=str(i))
            for f in filters:
                f.filter(doc)

    return run


# ---------------------------------------------------------------------------------------------
# per-stage profile: a timing shim around each filter (in the benchmark, not the library)


class Timed:
    """Wraps a filter and adds its CPU time to ``totals[name]``."""

    def __init__(self, inner: Any, totals: dict[str, float]) -> None:
        self.inner = inner
        self.name: str = inner.name
        self.stage: Stage = inner.stage
        self.totals = totals

    def apply(self, draft: Draft, /) -> Proposal:
        start = time.process_time()
        try:
            return self.inner.apply(draft)  # type: ignore[no-any-return]
        finally:
            self.totals[self.name] += time.process_time() - start


def stage_profile(pipeline: Pipeline, texts: Sequence[str]) -> tuple[dict[str, float], float]:
    totals: dict[str, float] = defaultdict(float)
    pipeline.prepare()  # one-time loading (knowledge base, catalogues) is not a filter's cost
    timed = Pipeline(
        [Timed(f, totals) for f in pipeline],  # type: ignore[misc]
        regex_timeout=pipeline.regex_timeout,
        budget=pipeline.budget,
        plain=pipeline.plain,
    )
    total = cpu_time(lambda: run_pipeline(timed, texts))
    return dict(totals), total


# ---------------------------------------------------------------------------------------------
# the command line as a subprocess: peak RSS and wall time


def write_jsonl(path: Path, texts: Sequence[str], target_mb: float, *, once: bool = False) -> int:
    """``texts`` as JSONL records, repeated up to ``target_mb`` (or each once, if smaller)."""
    n = 0
    size = 0
    with path.open("w", encoding="utf-8") as fh:
        while size < target_mb * 1e6:
            for t in texts:
                line = json.dumps({"id": f"d{n}", "text": t}, ensure_ascii=False) + "\n"
                fh.write(line)
                size += len(line.encode("utf-8"))
                n += 1
                if size >= target_mb * 1e6:
                    break
            if once:
                break
    return n


#: runs a command and reports its wall time and peak RSS, from a small process of its own: a child
#: forked from this (large) benchmark process would count our pages in its peak RSS
MEASURE = """
import json, resource, subprocess, sys, time
start = time.perf_counter()
proc = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
wall = time.perf_counter() - start
rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(json.dumps({"code": proc.returncode, "wall": wall, "rss_kb": rss, "err": proc.stderr.decode()[-2000:]}))
"""


def run_cli(args: Sequence[str]) -> tuple[float, float]:
    """Wall seconds and peak RSS (MB, Linux getrusage of the child) of ``newsclean ARGS``."""
    cmd = [sys.executable, "-c", MEASURE, sys.executable, "-m", "newsclean.cli", *args]
    out = json.loads(subprocess.run(cmd, capture_output=True, check=True, text=True).stdout)
    if out["code"] != 0:
        raise SystemExit(f"newsclean {' '.join(args)} failed ({out['code']}): {out['err']}")
    return out["wall"], out["rss_kb"] / 1024


# ---------------------------------------------------------------------------------------------
# report


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    mem = ""
    with contextlib.suppress(OSError, ValueError, IndexError):
        kb = int(Path("/proc/meminfo").read_text().split()[1])
        mem = f", {kb / 1024 / 1024:.0f} GB RAM"
    return (
        f"{cpu}, {cores} cores{mem}; Linux {platform.release()}; Python {platform.python_version()}; "
        f"newsclean {newsclean.__version__}, ftfy {ftfy.__version__}, regex {regex.__version__}"
    )


def table(rows: list[list[str]], header: list[str]) -> str:
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]
    line = "| " + " | ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)) + " |"
    sep = "|" + "|".join("-" * (w + 2) for w in widths) + "|"
    body = [
        "| " + " | ".join(str(c).ljust(w) for c, w in zip(r, widths, strict=True)) + " |"
        for r in rows
    ]
    return "\n".join([line, sep, *body])


def verdict(name: str, value: float) -> str:
    target = TARGETS[name]
    ok = value <= target if "10 MB" in name else value >= target
    sign = "≤" if "10 MB" in name else "≥"
    return f"{value:.2f}x (target {sign} {target:g}x: {'met' if ok else 'NOT met'})"


def section(title: str) -> None:
    print(f"\n## {title}\n", flush=True)


# ---------------------------------------------------------------------------------------------
# the parts


def throughput(
    corpora: dict[str, list[str]], trio_sample: int, results: dict[str, Any]
) -> dict[str, float]:
    section("Throughput per core (CPU time, one process)")
    trio = datatrove_trio()
    if isinstance(trio, str):
        print(trio)
    ratios: dict[str, float] = {}
    pipelines = {p: default_pipeline(p) for p in ("extracted", "page")}
    rows: list[list[str]] = []
    for field, texts in corpora.items():
        mb = megabytes(texts)
        measured: dict[str, Row] = {}
        for preset, pipeline in pipelines.items():
            # each preset on its fast path and on its plain twin (every gate bypassed)
            for name, chosen in (
                (f"newsclean {preset}", pipeline),
                (f"newsclean {preset} (plain)", Pipeline(pipeline, plain=True)),
            ):
                run_pipeline(chosen, texts[:3])  # warm up lazy loading
                measured[name] = Row(
                    name, len(texts), mb, cpu_time(partial(run_pipeline, chosen, texts))
                )
        measured["ftfy.fix_text"] = Row(
            "ftfy.fix_text", len(texts), mb, cpu_time(partial(run_ftfy, texts))
        )
        measured["regex floor"] = Row(
            "regex floor", len(texts), mb, cpu_time(partial(run_floor, texts), 3)
        )
        own = measured["newsclean extracted" if field == "extracted_text" else "newsclean page"]
        if not isinstance(trio, str):
            sample = texts[::trio_sample]
            smb = megabytes(sample)
            t_trio = cpu_time(partial(trio, sample))
            measured["datatrove trio"] = Row("datatrove trio", len(sample), smb, t_trio)
            same = own.system.split()[-1]
            t_own = cpu_time(partial(run_pipeline, pipelines[same], sample))
            ratios[f"{field}: vs datatrove trio"] = t_trio / t_own
        ratios[f"{field}: vs ftfy"] = measured["ftfy.fix_text"].seconds / own.seconds
        for r in measured.values():
            rel = own.seconds / r.seconds * (r.mb / own.mb)  # speed relative to own preset
            rows.append(
                [
                    field,
                    r.system,
                    f"{r.docs}",
                    f"{r.mb:.2f}",
                    f"{r.docs_per_s:,.0f}",
                    f"{r.mb_per_s:.2f}",
                    f"{rel:.2f}",
                ]
            )
            results.setdefault("throughput", []).append(
                {
                    "field": field,
                    "system": r.system,
                    "docs": r.docs,
                    "mb": r.mb,
                    "seconds": r.seconds,
                }
            )
    print(table(rows, ["text", "system", "docs", "MB", "docs/s", "MB/s", "speed vs newsclean"]))
    if not isinstance(trio, str):
        print(f"\n(datatrove trio measured on one document in {trio_sample}; its ratio compares")
        print(" newsclean on exactly that sample)")
    print()
    for name, value in ratios.items():
        if name.endswith("vs ftfy"):
            key = "page vs ftfy" if name.startswith("page_text") else "vs ftfy"
        else:
            key = "vs datatrove trio"
        print(f"- newsclean {name}: {verdict(key, value)}")
    return ratios


def profile(corpora: dict[str, list[str]], results: dict[str, Any]) -> None:
    section("Per-stage profile (CPU time per filter): the scanner path and the plain path")
    print(f"scanner path: {scanner_name()}; plain path: every gate bypassed\n")
    for field, preset in (("extracted_text", "extracted"), ("page_text", "page")):
        texts = corpora[field]
        mb = megabytes(texts)
        measured: dict[bool, tuple[dict[str, float], float]] = {}
        for plain in (False, True):
            pipeline = Pipeline(default_pipeline(preset), plain=plain)
            measured[plain] = stage_profile(pipeline, texts)
            key = f"{preset} (plain)" if plain else preset
            totals, total = measured[plain]
            results.setdefault("profile", {})[key] = {"total": total, "filters": totals}
        fast, fast_total = measured[False]
        slow, slow_total = measured[True]
        rows: list[list[str]] = []
        for name in fast:
            rows.append(_profile_row(name, fast[name], slow.get(name, 0.0), mb, fast_total))
        rows.append(
            _profile_row(
                "(segmenting, offsets, records)",
                fast_total - sum(fast.values()),
                slow_total - sum(slow.values()),
                mb,
                fast_total,
            )
        )
        rows.append(_profile_row("total", fast_total, slow_total, mb, fast_total))
        print(f"{preset} preset on {field} ({mb:.2f} MB):\n")
        print(
            table(
                rows,
                ["filter", "scanner ms/MB", "share", "plain ms/MB", "plain / scanner"],
            )
        )
        print()


def _profile_row(name: str, fast: float, slow: float, mb: float, total: float) -> list[str]:
    ratio = f"{slow / fast:.1f}x" if fast > 0 else "-"
    return [
        name,
        f"{fast / mb * 1000:.0f}",
        f"{100 * fast / total:.1f}%",
        f"{slow / mb * 1000:.0f}",
        ratio,
    ]


def memory(corpora: dict[str, list[str]], results: dict[str, Any]) -> None:
    section("Memory")
    texts = corpora["page_text"]
    pipeline = default_pipeline("page")
    biggest = max(texts, key=len)
    tracemalloc.start()
    pipeline(biggest)
    _, peak_one = tracemalloc.get_traced_memory()
    tracemalloc.reset_peak()
    for _ in pipeline.pipe(texts):
        pass
    _, peak_stream = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"- largest document ({len(biggest.encode()) / 1e3:.0f} KB): peak Python allocations {peak_one / 1e6:.1f} MB"
    )
    print(
        f"- streaming all {len(texts)} page texts through pipe(): peak {peak_stream / 1e6:.1f} MB"
    )
    print(f"- this benchmark process so far: peak RSS {rss:.0f} MB")
    results["memory"] = {
        "peak_one_mb": peak_one / 1e6,
        "peak_stream_mb": peak_stream / 1e6,
        "bench_rss_mb": rss,
    }


def doc_size(corpora: dict[str, list[str]], big_mb: float, results: dict[str, Any]) -> float:
    section(f"One {big_mb:g} MB document vs 5 KB documents (same text)")
    pool = "\n\n".join(corpora["page_text"])
    while len(pool.encode()) < big_mb * 1e6:
        pool = pool + "\n\n" + pool
    big = pool.encode()[: int(big_mb * 1e6)].decode("utf-8", "ignore")
    big = big[: big.rfind("\n")]
    small: list[str] = []
    start = 0
    while start < len(big):
        end = big.find("\n", start + 5000)
        end = len(big) if end == -1 else end
        small.append(big[start:end])
        start = end + 1
    # no time budget: the point is how cost grows with size, not where a budget cuts it
    pipeline = default_pipeline("extracted", budget=None)
    t_small = cpu_time(lambda: run_pipeline(pipeline, small))
    article: list[newsclean.Article] = []
    t_big = cpu_time(lambda: article.append(pipeline(big)))
    mb = len(big.encode()) / 1e6
    ratio = (t_big / mb) / (t_small / mb)
    timeouts = [f.code for f in article[0].findings if f.code.startswith("pipeline.")]
    print(f"- {len(small)} documents of ~5 KB: {t_small / mb * 1000:.0f} ms per MB")
    print(f"- one document of {mb:.1f} MB: {t_big / mb * 1000:.0f} ms per MB")
    print(f"- ratio: {verdict('10 MB doc / 5 KB docs, time per MB', ratio)}")
    if timeouts:
        print(f"  (the large document raised {sorted(set(timeouts))}: some work was cut short)")
    results["doc_size"] = {
        "mb": mb,
        "small_s": t_small,
        "big_s": t_big,
        "ratio": ratio,
        "pipeline_findings": timeouts,
    }
    return ratio


def cli_runs(
    corpora: dict[str, list[str]], sizes: Sequence[float], jobs_mb: float, results: dict[str, Any]
) -> float:
    section("newsclean clean: streaming memory and --jobs (subprocesses, wall time)")
    texts = corpora["page_text"]
    rows = []
    with tempfile.TemporaryDirectory(prefix="newsclean-bench-") as tmp:
        for mb in sizes:
            path = Path(tmp) / f"in-{mb:g}.jsonl"
            n = write_jsonl(path, texts, mb)
            wall, rss = run_cli(["clean", str(path), "-o", os.devnull, "-q"])
            rows.append([f"{mb:g} MB", f"{n}", f"{wall:.1f}", f"{mb / wall:.2f}", f"{rss:.0f}"])
            results.setdefault("cli_rss", []).append(
                {"mb": mb, "docs": n, "wall": wall, "rss_mb": rss}
            )
        print(table(rows, ["input JSONL", "records", "wall s", "MB/s", "peak RSS MB"]))
        path = Path(tmp) / "jobs.jsonl"
        n_big = write_jsonl(path, texts, jobs_mb)
        # the same start-up on a few records: what a run costs before its first record is done
        small = Path(tmp) / "jobs-small.jsonl"
        n_small = write_jsonl(small, texts[:JOBS_SMALL_DOCS], jobs_mb, once=True)
        walls: dict[tuple[int, str], list[float]] = defaultdict(list)
        for _ in range(JOBS_ROUNDS):  # alternating, so a slow spell of the host hits both
            for jobs in (1, 2):
                for name, file in (("big", path), ("small", small)):
                    wall, _ = run_cli(
                        ["clean", str(file), "-o", os.devnull, "-q", "--jobs", str(jobs)]
                    )
                    walls[jobs, name].append(wall)
    med = {key: statistics.median(values) for key, values in walls.items()}
    whole = statistics.median(a / b for a, b in zip(walls[1, "big"], walls[2, "big"], strict=True))
    rate = {j: (n_big - n_small) / max(1e-9, med[j, "big"] - med[j, "small"]) for j in (1, 2)}
    speedup = rate[2] / rate[1]
    print(
        f"\n--jobs on {jobs_mb:g} MB ({n_big} records), median of {JOBS_ROUNDS} alternating rounds:"
        f" 1 job {med[1, 'big']:.1f} s, 2 jobs {med[2, 'big']:.1f} s wall; start-up (the first"
        f" {n_small} records) {med[1, 'small']:.1f} s and {med[2, 'small']:.1f} s"
    )
    print(
        f"- throughput after start-up: 1 job {rate[1]:.0f} docs/s, 2 jobs {rate[2]:.0f} docs/s: "
        f"{verdict('--jobs 2 / --jobs 1 throughput', speedup)}"
    )
    print(f"- whole runs, start-up included: {whole:.2f}x")
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"- load average during the run: {load:.1f} on {os.cpu_count()} cores")
    results["jobs"] = {
        "mb": jobs_mb,
        "walls": {f"{jobs}-{name}": values for (jobs, name), values in walls.items()},
        "docs_per_s": rate,
        "speedup": speedup,
        "whole_run_speedup": whole,
        "load": load,
    }
    return speedup


def dask_runs(corpora: dict[str, list[str]], n_docs: int, results: dict[str, Any]) -> None:
    section("Dask: 2 workers vs 1 (LocalCluster, processes, wall time)")
    try:
        import dask.bag as db
        from distributed import Client, LocalCluster

        from newsclean.integrations.dask import clean_bag
    except ImportError as exc:
        print(f"Dask skipped: {exc} (pip install -e '.[dask]')")
        return
    texts = (corpora["page_text"] * (1 + n_docs // max(1, len(corpora["page_text"]))))[:n_docs]
    walls: dict[int, list[float]] = defaultdict(list)
    for _ in range(JOBS_ROUNDS):  # alternating, each on a new cluster, so caches start empty
        for workers in (1, 2):
            with (
                LocalCluster(
                    n_workers=workers, processes=True, threads_per_worker=1, dashboard_address=None
                ) as cluster,
                Client(cluster) as client,
            ):
                client.run(lambda: default_pipeline().prepare() and None)  # every worker ready
                bag = db.from_sequence(texts, npartitions=8 * workers)
                start = time.perf_counter()
                clean_bag(bag, drop_original=True).count().compute()
                walls[workers].append(time.perf_counter() - start)
    med = {workers: statistics.median(values) for workers, values in walls.items()}
    speedup = med[1] / med[2]
    print(
        f"- {n_docs} documents ({megabytes(texts):.1f} MB), median of {JOBS_ROUNDS} alternating"
        f" rounds: 1 worker {med[1]:.1f} s, 2 workers {med[2]:.1f} s: {speedup:.2f}x"
    )
    results["dask"] = {"docs": n_docs, "walls": walls, "speedup": speedup}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--shared", type=Path, default=ROOT.parent / "shared", help="the shared folder"
    )
    parser.add_argument("--quick", action="store_true", help="small sizes, to check the script")
    parser.add_argument("--json", type=Path, help="also write the measurements as JSON")
    parser.add_argument(
        "--skip",
        nargs="*",
        default=[],
        choices=["throughput", "profile", "memory", "size", "cli", "dask"],
    )
    args = parser.parse_args(argv)
    corpora, source = load_corpora(args.shared, args.quick)
    results: dict[str, Any] = {
        "machine": machine(),
        "source": source,
        "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
    }
    print("# newsclean benchmark\n")
    print(f"- machine: {results['machine']}")
    print(f"- documents: {source}")
    print(f"- date: {results['date']}")
    print(f"- scanner: {scanner_name()}")
    results["scanner"] = scanner_name()
    if "throughput" not in args.skip:
        throughput(corpora, 16 if args.quick else 2, results)
    if "profile" not in args.skip:
        profile(corpora, results)
    if "memory" not in args.skip:
        memory(corpora, results)
    if "size" not in args.skip:
        doc_size(corpora, 2 if args.quick else 10, results)
    if "cli" not in args.skip:
        cli_runs(corpora, (2, 8) if args.quick else (10, 40), 2 if args.quick else 10, results)
    if "dask" not in args.skip:
        dask_runs(corpora, 60 if args.quick else 600, results)
    if args.json:
        args.json.write_text(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
