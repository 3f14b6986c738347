"""``newsclean clean --jobs N``: same bytes as one process, same accounting; the progress bar."""

from __future__ import annotations

import fcntl
import json
import multiprocessing
import os
import pty
import struct
import subprocess
import sys
import termios
import threading
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

import pytest

from newsclean import default_pipeline
from newsclean.cli import main
from newsclean.io import Item, Reject
from newsclean.parallel import chunked, pool_map, resolve_jobs
from newsclean.pipeline import Draft, Pipeline, Proposal, Stage
from newsclean.progress import Progress, count_records, wanted
from newsclean.runs import Counts
from newsclean.runs import render_one as render

SEED = Path(__file__).resolve().parents[1] / "examples" / "corpus" / "seed-nato.txt"


def _corpus(path: Path, n: int = 120) -> Path:
    seed = SEED.read_text(encoding="utf-8")
    lines = []
    for i in range(n):
        text = (
            seed if i % 3 else f"Headline {i}\n\nShare this article\nBody {i} with {{{{name}}}}.\n"
        )
        if i % 7 == 0:
            text = text.replace("e", "Ã©", 3)  # some mojibake
        lines.append(json.dumps({"id": f"r{i}", "text": text, "site": f"s{i % 4}"}))
        if i % 40 == 5:
            lines.append("{not json")
            lines.append(json.dumps({"id": f"e{i}", "text": "   "}))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _clean(tmp: Path, src: Path, jobs: int) -> tuple[bytes, bytes, dict[str, object]]:
    out, rej, summ = tmp / f"out{jobs}.jsonl", tmp / f"rej{jobs}.jsonl", tmp / f"s{jobs}.json"
    code = main(
        [
            "clean",
            str(src),
            "-o",
            str(out),
            "--rejects",
            str(rej),
            "--summary-json",
            str(summ),
            "-q",
            "--jobs",
            str(jobs),
        ]
    )
    assert code == 0
    return out.read_bytes(), rej.read_bytes(), json.loads(summ.read_text())


def test_jobs_output_is_byte_identical(tmp_path: Path) -> None:
    src = _corpus(tmp_path / "in.jsonl")
    one = _clean(tmp_path, src, 1)
    two = _clean(tmp_path, src, 2)
    assert one == two
    summary = one[2]
    assert summary["read"] == summary["cleaned"] + summary["rejected"]  # type: ignore[operator]
    assert summary["rejected"] == 6
    assert summary["cleaned"] == 120


def test_pool_map_keeps_order_with_tiny_chunks() -> None:
    pipeline = default_pipeline()
    items = [
        Item("-", i, {"text": f"Title {i}\n\nParagraph {i}.", "id": str(i)}) for i in range(40)
    ]
    got = list(pool_map(render, pipeline, items, 2, max_items=1))
    assert got == [render(pipeline, item) for item in items]


@dataclass(frozen=True)
class PreparedWhere:
    """Notes the process that prepared it; a document's output is that process id."""

    name: ClassVar[str] = "prepared_where"
    stage: ClassVar[Stage] = Stage.FLAG

    def prepare(self) -> None:
        PREPARED_IN.append(os.getpid())

    def apply(self, draft: Draft, /) -> Proposal:
        return Proposal()


PREPARED_IN: list[int] = []


def _preparers(pipeline: Pipeline, item: int) -> tuple[int, list[int]]:
    pipeline("text")  # a worker that was not prepared prepares now
    return os.getpid(), list(PREPARED_IN)


#: run in a new interpreter, where no thread of the test run can be running
FORK_SCRIPT = """
import json, os, sys
sys.path.insert(0, sys.argv[1])
import test_parallel as t
from newsclean.parallel import pool_map
from newsclean.pipeline import Pipeline
out = list(pool_map(t._preparers, Pipeline([t.PreparedWhere()]), range(8), 2, max_items=1))
print(json.dumps({"parent": os.getpid(), "prepared_in": t.PREPARED_IN, "out": out}))
"""


@pytest.mark.skipif(
    "fork" not in multiprocessing.get_all_start_methods(), reason="needs the fork start method"
)
def test_workers_share_what_this_process_prepared() -> None:
    proc = subprocess.run(
        [sys.executable, "-c", FORK_SCRIPT, str(Path(__file__).parent)],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    got = json.loads(proc.stdout)
    parent = got["parent"]
    assert got["prepared_in"] == [parent]  # prepared once, in the parent, before the fork
    assert {pid for pid, _ in got["out"]} - {parent}  # cleaned by worker processes
    assert all(prepared == [parent] for _, prepared in got["out"])  # none prepared again


def test_workers_prepare_themselves_when_another_thread_runs() -> None:
    PREPARED_IN.clear()
    stop = threading.Event()
    other = threading.Thread(target=stop.wait, daemon=True)
    other.start()
    try:
        out = list(pool_map(_preparers, Pipeline([PreparedWhere()]), range(8), 2, max_items=1))
    finally:
        stop.set()
        other.join()
    assert PREPARED_IN == []  # no fork of a process with threads: nothing prepared here
    workers = {pid for pid, _ in out}
    assert os.getpid() not in workers
    assert all(prepared == [pid] for pid, prepared in out)  # each worker prepared itself


def test_chunks_bounded_by_size() -> None:
    chunks = list(chunked(["x" * 10] * 10, max_items=100, max_chars=25))
    assert [len(c) for c in chunks] == [3, 3, 3, 1]


def test_resolve_jobs() -> None:
    assert resolve_jobs(0) >= 1
    assert resolve_jobs(3) == 3
    with pytest.raises(ValueError, match="jobs"):
        resolve_jobs(-1)


def test_counts_add_up() -> None:
    article = default_pipeline()(SEED.read_text(encoding="utf-8"))
    reject = Reject("x", 1, "bad")
    a = Counts()
    a.add(article)
    a.add(reject)
    a.add(article)
    b = Counts.of(article) + Counts.of(reject)
    b += Counts.of(article)
    assert a == b
    assert (a.read, a.cleaned, a.rejected) == (3, 2, 1)
    assert a.findings == Counter({code: 2 * n for code, n in Counts.of(article).findings.items()})
    assert a.worst == max(f.severity for f in article.findings)


def test_no_bar_when_not_a_terminal_or_quiet(tmp_path: Path) -> None:
    with (tmp_path / "f.txt").open("w") as fh:
        assert not wanted(quiet=False, stream=fh)
    assert not wanted(quiet=True, stream=sys.stderr)
    with Progress(enabled=False) as bar:
        assert list(bar.wrap([1, 2])) == [1, 2]


def test_count_records(tmp_path: Path) -> None:
    src = _corpus(tmp_path / "in.jsonl", n=10)
    (tmp_path / "a.txt").write_text("x")
    assert count_records([str(src), str(tmp_path / "a.txt")]) == 10 + 2 + 1
    assert count_records(["-"]) is None


def test_bar_on_a_terminal(tmp_path: Path) -> None:
    pytest.importorskip("tqdm")
    src = _corpus(tmp_path / "in.jsonl", n=30)
    primary, secondary = pty.openpty()
    fcntl.ioctl(secondary, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 120, 0, 0))
    try:
        proc = subprocess.run(
            [sys.executable, "-m", "newsclean.cli", "clean", str(src), "-o", os.devnull],
            stderr=secondary,
            stdout=subprocess.DEVNULL,
            timeout=60,
            check=True,
        )
        assert proc.returncode == 0
        os.close(secondary)
        secondary = -1
        screen = b""
        while True:
            try:
                data = os.read(primary, 65536)
            except OSError:
                break
            if not data:
                break
            screen += data
    finally:
        os.close(primary)
        if secondary != -1:
            os.close(secondary)
    text = screen.decode("utf-8", "replace")
    assert "docs/s" in text  # rate
    assert "32/32" in text  # the total is known: 30 records, a bad line, an empty text
    assert "read 32, cleaned 30, rejected 2" in text
