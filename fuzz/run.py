"""Run the fuzz targets for a bounded time and report executions and crashes.

    python fuzz/run.py --seconds 600            # both targets, 300 s each (``make fuzz``)
    python fuzz/run.py --seconds 20 --json out.json
    python fuzz/run.py --target clean --seconds 60

With atheris installed (``pip install -e ".[fuzz]"``) each target runs under libFuzzer, coverage
guided, starting from the seeds in ``fuzz/corpus/<target>/``; new inputs go to a temporary folder,
so the committed seeds stay small. A crash is written to ``fuzz/crashes/<target>-crash-*`` and the
run exits 1: turn it into a regression test. Without atheris a plain mutation loop over the same
seeds and target functions runs instead. Exit codes: 0 no crash, 1 crash, 2 usage error.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import random
import re
import subprocess
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
TARGETS = ("clean", "jsonl")
MAX_LEN = 4096


def have_atheris() -> bool:
    return importlib.util.find_spec("atheris") is not None


def run_atheris(name: str, seconds: int, crashes: Path) -> dict[str, object]:
    crashes.mkdir(exist_ok=True)
    with (
        tempfile.TemporaryDirectory(prefix=f"newsclean-fuzz-{name}-") as work,
        tempfile.TemporaryDirectory(prefix="newsclean-fuzz-tmp-") as scratch,
    ):
        cmd = [
            sys.executable,
            str(HERE / f"fuzz_{name}.py"),
            work,
            str(HERE / "corpus" / name),
            f"-max_total_time={seconds}",
            f"-max_len={MAX_LEN}",
            "-timeout=30",
            "-rss_limit_mb=3072",
            f"-artifact_prefix={crashes}/{name}-",
            "-print_final_stats=1",
        ]
        started = time.monotonic()
        proc = subprocess.run(
            cmd,
            capture_output=True,
            text=True,
            errors="replace",
            check=False,
            cwd=ROOT,
            env={**os.environ, "TMPDIR": scratch},  # libFuzzer exits without cleaning up
        )
        elapsed = time.monotonic() - started
        new_inputs = sum(1 for _ in Path(work).iterdir())
    log = proc.stderr
    m = re.search(r"stat::number_of_executed_units:\s*(\d+)", log) or re.search(
        r"Done (\d+) runs", log
    )
    executions = int(m.group(1)) if m else 0
    crashed = proc.returncode != 0
    if crashed:
        sys.stderr.write(log[-6000:])
    return {
        "target": name,
        "engine": "atheris",
        "seconds": round(elapsed, 1),
        "executions": executions,
        "new_corpus_inputs": new_inputs,
        "crashed": crashed,
    }


def _mutate(rng: random.Random, data: bytes, seeds: list[bytes]) -> bytes:
    buf = bytearray(data)
    for _ in range(rng.randint(1, 8)):
        op = rng.randrange(6)
        pos = rng.randint(0, len(buf))
        if op == 0 and buf:
            buf[min(pos, len(buf) - 1)] = rng.randrange(256)
        elif op == 1:
            buf[pos:pos] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 8)))
        elif op == 2 and buf:
            del buf[pos : pos + rng.randint(1, 16)]
        elif op == 3:
            piece = rng.choice(
                [b"\r", b"\r\n", b"\x0b", b"\x1c", b"\xc2\x85", b"\xe2\x80\xa8", b"\xed\xa0\x80",
                 b"\\ud800", b'"', b"{", b"}", b"\n", b"\xef\xbb\xbf", b"\x00", b"Read more\n",
                 b'{"text": "', b"{CITY}", b"\xcc\x81", b"\xe2\x80\x8d", b"\xc3\x83\xc2\xa9"]
            )  # fmt: skip
            buf[pos:pos] = piece
        elif op == 4 and seeds:
            other = rng.choice(seeds)
            a = rng.randint(0, len(other))
            buf[pos:pos] = other[a : a + rng.randint(1, 64)]
        elif op == 5 and buf:
            a = rng.randint(0, len(buf) - 1)
            buf[pos:pos] = buf[a : a + rng.randint(1, 32)]
    return bytes(buf[:MAX_LEN])


def run_fallback(name: str, seconds: float, crashes: Path, seed: int = 0) -> dict[str, object]:
    """A plain mutation loop (no coverage feedback) for machines without atheris."""
    sys.path[:0] = [str(ROOT), str(HERE)]
    from targets import clean_target, jsonl_target

    target: Callable[[bytes], None] = {"clean": clean_target, "jsonl": jsonl_target}[name]
    seeds = [p.read_bytes() for p in sorted((HERE / "corpus" / name).iterdir()) if p.is_file()]
    rng = random.Random(seed)
    deadline = time.monotonic() + seconds
    executions = 0
    started = time.monotonic()
    crashed = False
    while time.monotonic() < deadline:
        data = _mutate(rng, rng.choice(seeds) if seeds else b"", seeds)
        executions += 1
        try:
            target(data)
        except Exception:
            crashes.mkdir(exist_ok=True)
            path = crashes / f"{name}-crash-{executions}"
            path.write_bytes(data)
            sys.stderr.write(f"crash, input written to {path}\n{traceback.format_exc()}")
            crashed = True
            break
    return {
        "target": name,
        "engine": "mutation-loop",
        "seconds": round(time.monotonic() - started, 1),
        "executions": executions,
        "new_corpus_inputs": 0,
        "crashed": crashed,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=60, help="total time, split over targets")
    parser.add_argument("--target", choices=TARGETS, action="append", help="default: all")
    parser.add_argument("--engine", choices=["auto", "atheris", "loop"], default="auto")
    parser.add_argument("--json", metavar="FILE", help="write the figures here as JSON")
    parser.add_argument("--crashes", default=str(HERE / "crashes"), help="where crashes go")
    args = parser.parse_args(argv)
    targets = args.target or list(TARGETS)
    engine = args.engine
    if engine == "auto":
        engine = "atheris" if have_atheris() else "loop"
    if engine == "atheris" and not have_atheris():
        print("atheris is not installed: pip install -e '.[fuzz]'", file=sys.stderr)
        return 2
    per_target = max(1.0, args.seconds / len(targets))
    crashes = Path(args.crashes)
    results = []
    for name in targets:
        if engine == "atheris":
            result = run_atheris(name, max(1, round(per_target)), crashes)
        else:
            result = run_fallback(name, per_target, crashes)
        results.append(result)
        print(
            f"{name}: {result['executions']} executions in {result['seconds']} s "
            f"({result['engine']}){' CRASH' if result['crashed'] else ''}",
            flush=True,
        )
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 1 if any(r["crashed"] for r in results) else 0


if __name__ == "__main__":
    sys.exit(main())
