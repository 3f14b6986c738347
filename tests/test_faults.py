"""Faults a stream must survive, each attack with its promise: the exit code, every record
accounted for (``read = cleaned + rejected``, as many lines out as the summary says), no temporary
file left behind, and devices and pipes left what they were (our own FIFO, and our own character
devices made with ``mknod`` when running as root: never the system's).

The full-size variants (a 60 MB document against its budget, a 200 MB line) run with
``NEWSCLEAN_SLOW=1`` (``make fuzz``).
"""

from __future__ import annotations

import gzip
import json
import os
import signal
import stat
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar

import pytest

from newsclean import default_pipeline
from newsclean.cli import EXIT_CODES, main
from newsclean.io import Item, read_items
from newsclean.parallel import pool_map
from newsclean.pipeline import Draft, Pipeline, Proposal, Stage
from newsclean.runs import item_reject, render_one

SEED = Path(__file__).resolve().parents[1] / "examples" / "corpus" / "seed-nato.txt"
SLOW = os.environ.get("NEWSCLEAN_SLOW") == "1"
slow = pytest.mark.skipif(not SLOW, reason="full-size variant: NEWSCLEAN_SLOW=1 (make fuzz)")
ROOT = hasattr(os, "geteuid") and os.geteuid() == 0
CLI = (sys.executable, "-m", "newsclean.cli")

GOOD = {"text": "Stocks rose on Monday as investors weighed the latest figures."}


def jl(*rows: dict[str, Any] | bytes) -> bytes:
    return b"".join(
        (r if isinstance(r, bytes) else json.dumps(r).encode("utf-8")) + b"\n" for r in rows
    )


def temp_files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.rglob("*.tmp"))


def clean(tmp: Path, *args: str, out: Path | None = None) -> dict[str, Any]:
    """``newsclean clean`` in this process, with its records, rejects and summary read back and
    the accounting checked."""
    out = out or tmp / "out.jsonl"
    rejects, summary = tmp / "rejects.jsonl", tmp / "summary.json"
    options = ["-o", str(out), "--rejects", str(rejects), "--summary-json", str(summary), "-q"]
    code = main(["clean", *args, *options])
    result: dict[str, Any] = {"code": code}
    if summary.exists():
        s = result["summary"] = json.loads(summary.read_text(encoding="utf-8"))
        result["rejects"] = [json.loads(x) for x in rejects.read_text("utf-8").splitlines()]
        assert s["read"] == s["cleaned"] + s["rejected"]
        if out.is_file():  # a pipe was read by whoever listened to it
            result["records"] = [json.loads(x) for x in out.read_text("utf-8").splitlines()]
            assert len(result["records"]) == s["cleaned"]
        assert len(result["rejects"]) == s["rejected"]
    assert temp_files(tmp) == []
    return result


def run_cli(*args: str, timeout: float = 120, **kwargs: Any) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "newsclean.cli", *args],
        capture_output=True,
        text=True,
        check=False,
        timeout=timeout,
        **kwargs,
    )


# ---------------------------------------------------------------------------------------------
# one record never ends a run


@pytest.mark.parametrize(
    ("label", "line", "reason"),
    [
        ("int_4301_digits", b'{"text": "Body.", "n": ' + b"9" * 4301 + b"}", "4300 digits"),
        ("float_1e999", b'{"text": "Body.", "n": 1e999}', "out of range"),
        ("nan", b'{"text": "Body.", "n": NaN}', "NaN is not a JSON value"),
        ("infinity", b'{"text": "Body.", "n": -Infinity}', "-Infinity is not a JSON value"),
        ("nested_5000", b'{"text": "Body.", "m": ' + b"[" * 5000 + b"]" * 5000 + b"}", "deeply"),
    ],
)
def test_a_record_that_cannot_be_read_is_a_reject(
    tmp_path: Path, label: str, line: bytes, reason: str
) -> None:
    src = tmp_path / "in.jsonl"
    src.write_bytes(jl(GOOD, line, GOOD))
    r = clean(tmp_path, str(src))
    assert r["code"] == 0
    assert (r["summary"]["cleaned"], r["summary"]["rejected"]) == (2, 1)
    [reject] = r["rejects"]
    assert reject["line"] == 2
    assert reason in reject["reason"]


def test_report_and_learn_survive_the_record_too(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    huge = b'{"text": "Body.", "site": "x", "n": ' + b"9" * 4301 + b"}"
    src.write_bytes(jl(*[{**GOOD, "site": "x"}] * 3, huge))
    assert main(["report", str(src), "-o", str(tmp_path / "r.html"), "-q"]) == 0
    assert main(["learn", str(src), "-o", str(tmp_path / "p.json"), "-q"]) == 0
    assert temp_files(tmp_path) == []


def test_output_is_strict_json() -> None:
    pipeline = default_pipeline()
    item = Item("x", 7, record={"text": "Body.", "score": float("nan"), "id": "a"})
    reject = render_one(pipeline, item)
    assert not isinstance(reject, tuple)
    assert (reject.line, reject.id) == (7, "a")
    assert "cannot be written as JSON" in reject.reason


def test_a_nested_record_is_the_same_with_jobs(tmp_path: Path) -> None:
    """500 levels of metadata cannot be pickled to a worker: it is cleaned in the parent."""
    src = tmp_path / "in.jsonl"
    deep = b'{"text": "Body of the story.", "m": ' + b"[" * 500 + b"]" * 500 + b"}"
    src.write_bytes(jl(*[GOOD] * 20, deep, *[GOOD] * 20))
    one = run_cli("clean", str(src), "-q")
    two = run_cli("clean", str(src), "-q", "--jobs", "2")
    assert (one.returncode, two.returncode) == (0, 0), two.stderr
    assert one.stdout == two.stdout
    assert len(two.stdout.splitlines()) == 41


# ---------------------------------------------------------------------------------------------
# workers: a failing record, a dead worker, a parent that is gone


@dataclass(frozen=True)
class DiesOnPoison:
    """Kills its own worker process on a record with 'poison' in it (always, or, with
    ``'poison-once'``, only the first time: a marker file remembers it across processes).
    What it needs travels with the pipeline: a worker from a fork server has an older
    environment."""

    name: ClassVar[str] = "dies_on_poison"
    stage: ClassVar[Stage] = Stage.FLAG
    parent: int
    marker: str

    def apply(self, draft: Draft, /) -> Proposal:
        if "poison" in draft.text and os.getpid() != self.parent:
            marker = Path(self.marker)
            if "poison-once" not in draft.text or not marker.exists():
                marker.touch()
                os.kill(os.getpid(), signal.SIGKILL)
        if "raise" in draft.text:
            raise MemoryError("made up")
        return Proposal()


def _items(texts: list[str]) -> list[Item]:
    return [Item("in", i + 1, record={"text": t, "id": str(i)}) for i, t in enumerate(texts)]


def _dies(marker: Path) -> Pipeline:
    return Pipeline([DiesOnPoison(os.getpid(), str(marker))])


@pytest.mark.parametrize("poison", ["poison-once", "poison"])
def test_a_killed_worker_loses_no_record(tmp_path: Path, poison: str) -> None:
    marker = tmp_path / "marker"
    pipeline = _dies(marker)
    texts = [f"Record {i}." for i in range(40)]
    texts[13] = f"Record 13 {poison}."
    items = _items(texts)
    got = list(pool_map(render_one, pipeline, items, 2, max_items=4, on_error=item_reject))
    assert marker.exists()  # a worker was killed
    assert len(got) == 40
    lines = [g for g in got if isinstance(g, tuple)]
    rejects = [g for g in got if not isinstance(g, tuple)]
    if poison == "poison-once":  # run again on a fresh worker: nothing lost
        assert len(lines) == 40
        assert [json.loads(line)["id"] for line, _ in lines] == [str(i) for i in range(40)]
    else:  # it kills every worker it meets: only it is rejected, with the reason
        assert [r.line for r in rejects] == [14]
        assert "worker process" in rejects[0].reason
        assert len(lines) == 39


def test_an_error_in_a_worker_rejects_that_record_only(tmp_path: Path) -> None:
    texts = [f"Record {i}." for i in range(12)]
    texts[5] = "Record 5 raise."
    got = list(
        pool_map(
            render_one, _dies(tmp_path / "marker"), _items(texts), 2, max_items=4,
            on_error=item_reject,
        )
    )  # fmt: skip
    rejects = [g for g in got if not isinstance(g, tuple)]
    assert [r.line for r in rejects] == [6]
    assert "MemoryError: made up" in rejects[0].reason


def _children(pid: int) -> list[int]:
    try:
        text = Path(f"/proc/{pid}/task/{pid}/children").read_text()
    except OSError:
        return []
    return [int(x) for x in text.split()]


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def _big_corpus(path: Path, n: int = 3000) -> Path:
    body = " ".join(["A sentence of the article body goes on here."] * 40)
    path.write_bytes(jl(*[{"text": f"Headline Number {i} Here\n\n{body}"} for i in range(n)]))
    return path


def _wait_for(check: Any, seconds: float = 60) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if check():
            return True
        time.sleep(0.05)
    return False


linux_only = pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="reads /proc")


@linux_only
def test_a_sigkilled_worker_of_the_command_loses_no_record(tmp_path: Path) -> None:
    src = _big_corpus(tmp_path / "in.jsonl", 400)
    out, summary = tmp_path / "out.jsonl", tmp_path / "s.json"
    with subprocess.Popen(
        [*CLI, "clean", str(src), "-o", str(out), "--summary-json", str(summary), "-q", "-j2"],
        stderr=subprocess.PIPE,
    ) as proc:
        try:
            assert _wait_for(
                lambda: len(_children(proc.pid)) >= 2 and list(tmp_path.glob(".*.tmp"))
            )
            os.kill(_children(proc.pid)[0], signal.SIGKILL)
            _, err = proc.communicate(timeout=300)
        finally:
            if proc.poll() is None:
                proc.kill()
    assert proc.returncode == 0, err
    s = json.loads(summary.read_text())
    assert (s["read"], s["cleaned"], s["rejected"]) == (400, 400, 0)
    assert len(out.read_text().splitlines()) == 400
    assert temp_files(tmp_path) == []


@linux_only
@pytest.mark.parametrize(("signum", "jobs"), [(signal.SIGTERM, "2"), (signal.SIGHUP, "1")])
def test_sigterm_and_sighup_clean_up_like_ctrl_c(tmp_path: Path, signum: int, jobs: str) -> None:
    src = _big_corpus(tmp_path / "in.jsonl")
    out = tmp_path / "out.jsonl"
    with subprocess.Popen(
        [
            *CLI,
            "clean",
            str(src),
            "-o",
            str(out),
            "-q",
            "--rejects",
            str(tmp_path / "r"),
            "-j",
            jobs,
        ],
        stderr=subprocess.PIPE,
    ) as proc:
        try:
            assert _wait_for(lambda: list(tmp_path.glob(".out.jsonl.*.tmp")))
            time.sleep(0.5)
            workers = _children(proc.pid)
            assert proc.poll() is None, "the run ended before it could be stopped"
            proc.send_signal(signum)
            _, err = proc.communicate(timeout=60)
        finally:
            if proc.poll() is None:
                proc.kill()
    assert proc.returncode == 128 + signum, err
    assert signal.Signals(signum).name.encode() in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.jsonl"]  # no output, no temp file
    assert _wait_for(lambda: not any(_alive(w) for w in workers), 10)


@linux_only
def test_workers_exit_when_the_parent_dies(tmp_path: Path) -> None:
    src = _big_corpus(tmp_path / "in.jsonl")
    with subprocess.Popen(
        [*CLI, "clean", str(src), "-q", "--jobs", "2"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    ) as proc:
        try:
            assert _wait_for(lambda: len(_children(proc.pid)) >= 2)
            workers = _children(proc.pid)
            proc.kill()  # no handler runs: the workers must notice by themselves
            proc.wait()
            assert _wait_for(lambda: not any(_alive(w) for w in workers), 15)
        finally:
            if proc.poll() is None:
                proc.kill()


def test_jobs_above_the_cores_are_capped_with_a_note(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import newsclean.commands.clean as clean_command

    monkeypatch.setattr(clean_command, "available_cores", lambda: 1)
    src = tmp_path / "in.jsonl"
    src.write_bytes(jl(GOOD))
    assert main(["clean", str(src), "-o", str(tmp_path / "o.jsonl"), "--jobs", "64"]) == 0
    assert "--jobs 64 capped at 1" in capsys.readouterr().err


# ---------------------------------------------------------------------------------------------
# bounded reading


def _high_water_mb(pid: int) -> float | None:
    """The peak resident memory of a live process, from ``/proc`` (``VmHWM``, reset on exec:
    ``ru_maxrss`` of a child would report this process's own peak when it was larger)."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return None


def _peak_mb(args: list[str], timeout: float = 120) -> tuple[int, float, str]:
    """Run the command; its exit code, peak memory in MB and stderr."""
    with subprocess.Popen(
        [*CLI, *args], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
    ) as proc:
        errors: list[str] = []
        stream = proc.stderr
        assert stream is not None
        reader = threading.Thread(target=lambda: errors.append(stream.read()), daemon=True)
        reader.start()
        peak, deadline = 0.0, time.monotonic() + timeout
        while proc.poll() is None and time.monotonic() < deadline:
            peak = max(peak, _high_water_mb(proc.pid) or 0.0)
            time.sleep(0.02)
        if proc.poll() is None:
            proc.kill()
        proc.wait()
        reader.join(10)
    return proc.returncode, peak, "".join(errors)


linux_proc = pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="reads /proc")


def test_an_oversized_line_is_a_reject_between_good_ones(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    big = {"text": "word " * 40_000}
    src.write_bytes(jl(GOOD, big, GOOD, big, GOOD))
    r = clean(tmp_path, str(src), "--max-record-size", "100k")
    assert r["code"] == 0
    assert [x["line"] for x in r["rejects"]] == [2, 4]
    assert "over the limit of 102400" in r["rejects"][0]["reason"]
    assert r["rejects"][0]["excerpt"].startswith('{"text": "word word')
    assert r["summary"]["cleaned"] == 3


def test_an_oversized_text_file_is_a_reject(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("word " * 1000, encoding="utf-8")
    (tmp_path / "b.txt").write_text("Stocks rose on Monday.", encoding="utf-8")
    r = clean(tmp_path, str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), "--max-record-size", "1k")
    assert (r["code"], r["summary"]["cleaned"], r["summary"]["rejected"]) == (0, 1, 1)


@linux_proc
@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_dev_zero_ends_with_a_reject_in_bounded_memory() -> None:
    """Read, never written: a line with no end is skipped for 16 times the record limit, then
    the stream is an I/O error of the run."""
    code, peak, err = _peak_mb(["clean", "/dev/zero", "--max-record-size", "4M"], timeout=60)
    assert code == 2, err
    assert "record of" in err or "no line end" in err
    assert 0 < peak < 200, f"{peak:.0f} MB"


@linux_proc
def test_a_gzip_bomb_stops_at_the_ratio_limit(tmp_path: Path) -> None:
    zeros = b"\0" * (1 << 20)
    bomb = tmp_path / "b.jsonl.gz"
    with gzip.open(bomb, "wb", compresslevel=9) as fh:
        for _ in range(80):  # 80 MB of NUL without a line end, about 80 kB packed
            fh.write(zeros)
    good = tmp_path / "a.jsonl"
    good.write_bytes(jl(GOOD, GOOD))
    code, peak, err = _peak_mb(
        ["clean", str(good), str(bomb), str(good), "--summary-json", str(tmp_path / "s.json")],
        timeout=120,
    )
    assert code == 2, err  # the bomb is an I/O error of the run ...
    assert "times its size" in err
    s = json.loads((tmp_path / "s.json").read_text())
    assert (s["read"], s["cleaned"], s["rejected"]) == (5, 4, 1)  # ... the files around it read
    assert s["input_errors"]
    assert 0 < peak < 250, f"{peak:.0f} MB"


def test_a_gzip_corrupt_in_the_middle_is_an_error_with_what_came_before_counted(
    tmp_path: Path,
) -> None:
    rows = [
        {"text": f"Story number {i} about the markets today.", "id": str(i)} for i in range(3000)
    ]
    data = bytearray(gzip.compress(jl(*rows)))
    data[len(data) // 2] ^= 0xFF
    src = tmp_path / "in.jsonl.gz"
    src.write_bytes(bytes(data))
    r = clean(tmp_path, str(src), "--max-reject-rate", "1")
    assert r["code"] == 2
    assert r["summary"]["input_errors"]
    assert r["rejects"][-1]["reason"].startswith("unreadable input after line")


# ---------------------------------------------------------------------------------------------
# outputs that respect what they write to


def _fifo_reader(path: Path) -> tuple[threading.Thread, list[bytes]]:
    got: list[bytes] = []

    def read() -> None:
        with path.open("rb") as fh:
            got.append(fh.read())

    thread = threading.Thread(target=read, daemon=True)
    thread.start()
    return thread, got


def test_output_into_a_fifo_stays_a_fifo(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    src.write_bytes(jl(GOOD, GOOD, b"{"))
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    thread, got = _fifo_reader(fifo)
    r = clean(tmp_path, str(src), out=fifo)
    thread.join(10)
    assert r["code"] == 0
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    assert len(got[0].splitlines()) == 2
    assert r["summary"]["read"] == 3


def test_input_from_a_fifo_is_read_as_jsonl(tmp_path: Path) -> None:
    fifo = tmp_path / "in"
    os.mkfifo(fifo)

    def write() -> None:
        with fifo.open("wb") as fh:
            fh.write(jl(GOOD, GOOD))

    thread = threading.Thread(target=write, daemon=True)
    thread.start()
    r = clean(tmp_path, str(fifo))
    thread.join(10)
    assert (r["code"], r["summary"]["cleaned"]) == (0, 2)


@pytest.mark.skipif(not ROOT, reason="mknod needs root")
def test_output_onto_our_own_null_device_leaves_it_a_device(tmp_path: Path) -> None:
    null = tmp_path / "null"
    os.mknod(null, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    src = tmp_path / "in.jsonl"
    src.write_bytes(jl(GOOD))
    for option in ("-o", "--rejects", "--summary-json"):
        proc = run_cli("clean", str(src), "-q", option, str(null), timeout=60)
        assert proc.returncode == 0, proc.stderr
        assert stat.S_ISCHR(null.lstat().st_mode)
        assert null.lstat().st_rdev == os.makedev(1, 3)
    assert temp_files(tmp_path) == []


@pytest.mark.skipif(not ROOT, reason="mknod needs root")
def test_output_onto_our_own_full_device_is_an_error(tmp_path: Path) -> None:
    full = tmp_path / "full"
    os.mknod(full, stat.S_IFCHR | 0o666, os.makedev(1, 7))
    src = tmp_path / "in.jsonl"
    src.write_bytes(jl(GOOD))
    proc = run_cli("clean", str(src), "-q", "-o", str(full), timeout=60)
    assert proc.returncode == 2, proc.stderr
    assert "No space left on device" in proc.stderr
    assert stat.S_ISCHR(full.lstat().st_mode)
    assert temp_files(tmp_path) == []


def test_output_through_a_symlink_writes_its_target(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    src.write_bytes(jl(GOOD))
    (tmp_path / "d").mkdir()
    target = tmp_path / "d" / "real.jsonl"
    target.write_text("old\n", encoding="utf-8")
    link = tmp_path / "link.jsonl"
    link.symlink_to(target)
    r = clean(tmp_path, str(src), out=link)
    assert r["code"] == 0
    assert link.is_symlink()
    assert json.loads(target.read_text(encoding="utf-8"))["text"] == GOOD["text"]


def test_an_existing_output_keeps_its_mode(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    src.write_bytes(jl(GOOD))
    out = tmp_path / "o.jsonl"
    out.write_text("old\n", encoding="utf-8")
    out.chmod(0o600)
    assert clean(tmp_path, str(src), out=out)["code"] == 0
    assert out.stat().st_mode & 0o777 == 0o600


@pytest.mark.parametrize(
    ("extra", "what"),
    [
        (("-o", "same.jsonl", "--rejects", "same.jsonl"), "name the same file"),
        (("-o", "same.jsonl", "--summary-json", "same.jsonl"), "name the same file"),
        (("-o", "out.jsonl", "--rejects", "in.jsonl"), "is also an input"),
        (("-o", "in.jsonl"), "is also an input"),
    ],
)
def test_outputs_and_inputs_must_be_distinct(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], extra: tuple[str, ...], what: str
) -> None:
    src = tmp_path / "in.jsonl"
    src.write_bytes(jl(GOOD))
    (tmp_path / "same.jsonl").write_text("keep\n", encoding="utf-8")
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    cwd = Path.cwd()
    os.chdir(tmp_path)
    try:
        assert main(["clean", "in.jsonl", "-q", *extra]) == 2
    finally:
        os.chdir(cwd)
    assert what in capsys.readouterr().err
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == before


# ---------------------------------------------------------------------------------------------
# configuration checked before the first record: exit 2, one line, -q or not


@pytest.mark.parametrize(
    ("make", "expect"),
    [
        (lambda d: ["--profile", str(d / "not-a-profile.json")], "not a newsclean site profile"),
        (lambda d: ["--profile", str(d / "other.json")], "not a newsclean site profile"),
        (lambda d: ["--config", str(d / "lang.toml")], "no language pack for 'xx'"),
        (lambda d: ["--config", str(d / "inf.toml")], "regex_timeout must be a positive, finite"),
        (lambda d: ["--config", str(d / "huge.toml")], "regex_timeout must be a positive, finite"),
        (lambda d: ["--config", str(d / "nan.toml")], "budget must be a positive, finite"),
        (lambda d: ["--config", str(d / "without.toml")], "without must be a list of filter names"),
        (lambda d: ["--config", str(d / "type.toml")], "must be a whole number"),
        (lambda d: ["--kb", str(d / "deep-kb.jsonl")], "nested too deeply"),
        (lambda d: ["--kb", str(d / "missing-kb.jsonl")], "cannot read knowledge-base file"),
    ],
)
@pytest.mark.parametrize("quiet", [True, False])
def test_configuration_errors_exit_2_with_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], make: Any, expect: str, quiet: bool
) -> None:
    (tmp_path / "not-a-profile.json").write_text("root:x:0:0:root:/root:/bin/bash\n")
    (tmp_path / "other.json").write_text('{"format": "something else"}')
    (tmp_path / "lang.toml").write_text('[options.strip_boilerplate]\nlanguages = ["xx"]\n')
    (tmp_path / "inf.toml").write_text("[pipeline]\nregex_timeout = inf\n")
    (tmp_path / "huge.toml").write_text("[pipeline]\nregex_timeout = 1e13\n")
    (tmp_path / "nan.toml").write_text("[pipeline]\nbudget = nan\n")
    (tmp_path / "without.toml").write_text("[pipeline]\nwithout = [5]\n")
    (tmp_path / "type.toml").write_text('[options.strip_duplicates]\nmin_chars = "x"\n')
    (tmp_path / "deep-kb.jsonl").write_text('{"name": ' + "[" * 5000 + "]" * 5000 + "}\n")
    src = tmp_path / "in.jsonl"
    src.write_bytes(jl(GOOD))
    out = tmp_path / "out.jsonl"
    args = ["clean", str(src), "-o", str(out), *make(tmp_path)] + (["-q"] if quiet else [])
    assert main(args) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1, err
    assert err.startswith("newsclean: error: "), err
    assert expect in err
    assert not out.exists()
    assert temp_files(tmp_path) == []


# ---------------------------------------------------------------------------------------------
# a budget that bounds


def test_the_budget_bounds_encoding_repair() -> None:
    text = "\n".join(["a\u0301\u0302\u0303\u0304" * 200] * 3000)  # 3 M characters, none in NFC
    unbounded = default_pipeline(budget=None).prepare()
    started = time.perf_counter()
    full = unbounded(text)
    whole = time.perf_counter() - started
    # a third of what the whole repair takes on this machine under its present load (the budget
    # is wall-clock time, so a fixed one can be spent before the repair starts on a busy machine)
    budget = max(1.0, whole / 3)
    pipeline = default_pipeline(budget=budget).prepare()
    started = time.perf_counter()
    article = pipeline(text)
    took = time.perf_counter() - started
    [finding] = [f for f in article.findings if f.code == "pipeline.budget_exceeded"]
    assert finding.evidence["stopped_in"] == "fix_encoding"
    assert "lines repaired" in finding.evidence["done"]
    assert took < budget + 0.5 * whole, f"{took:.1f}s of {whole:.1f}s"
    assert article.edits  # what was repaired is kept ...
    assert len(article.edits) < len(full.edits)  # ... and only that
    assert article.edits == full.edits[: len(article.edits)]


@slow
@pytest.mark.slow
def test_the_budget_bounds_a_60_mb_document() -> None:
    text = "a\u0301\u0302\u0303\u0304" * 6_666_666  # 60 MB of UTF-8 in one line
    pipeline = default_pipeline().prepare()  # the default budget, 10 s
    started = time.perf_counter()
    article = pipeline(text)
    took = time.perf_counter() - started
    assert "pipeline.budget_exceeded" in article.codes
    assert took < 10 + 5, f"{took:.1f}s"


@slow
@pytest.mark.slow
@linux_proc
def test_a_200_mb_line_is_a_reject_in_bounded_memory(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    with src.open("wb") as fh:
        fh.write(jl(GOOD))
        fh.write(b'{"text": "')
        for _ in range(200):
            fh.write(b"word " * 200_000)
        fh.write(b'"}\n')
        fh.write(jl(GOOD))
    code, peak, err = _peak_mb(
        ["clean", str(src), "--summary-json", str(tmp_path / "s.json")], timeout=300
    )
    s = json.loads((tmp_path / "s.json").read_text())
    assert code == 0, err
    assert (s["read"], s["cleaned"], s["rejected"]) == (3, 2, 1)
    assert 0 < peak < 250, f"{peak:.0f} MB"


# ---------------------------------------------------------------------------------------------
# exit codes that say what happened


def test_exit_codes_are_documented() -> None:
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    for code, _ in EXIT_CODES:
        assert f"| **{code}** |" in readme
    help_text = subprocess.run(
        [sys.executable, "-m", "newsclean.cli", "--help"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "exit codes:" in help_text
    assert "internal error" in help_text


def test_a_crash_is_exit_4_not_findings(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    src.write_bytes(jl(GOOD))
    script = (
        "import sys\n"
        "import newsclean.commands.clean as c\n"
        "from newsclean.cli import main\n"
        "def boom(*a, **k):\n"
        "    raise RuntimeError('a bug')\n"
        "c.pipeline_from_args = boom\n"
        "sys.exit(main(['clean', sys.argv[1], '-q']))\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", script, str(src)], capture_output=True, text=True, check=False
    )
    assert proc.returncode == 4
    assert "internal error: RuntimeError: a bug" in proc.stderr


# ---------------------------------------------------------------------------------------------
# one-time setup, once, however many threads start cold

COLD_THREADS = """
import json, threading
import newsclean
from newsclean.filters.boilerplate import catalogue
from newsclean.filters.facts.kb import load_kb
barrier = threading.Barrier(8)
out = []
def work():
    barrier.wait()
    out.append(newsclean.clean("Stocks rose on Monday.\\nShare this article").text)
threads = [threading.Thread(target=work) for _ in range(8)]
for t in threads: t.start()
for t in threads: t.join()
print(json.dumps({"texts": sorted(set(out)), "n": len(out),
                  "catalogue": catalogue.cache_info().misses, "kb": load_kb.cache_info().misses}))
"""


def test_eight_cold_threads_set_up_once() -> None:
    proc = subprocess.run(
        [sys.executable, "-c", COLD_THREADS],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    got = json.loads(proc.stdout)
    assert got["n"] == 8
    assert got["texts"] == ["Stocks rose on Monday."]
    assert got["catalogue"] == 1
    assert got["kb"] == 1


def test_read_items_counts_every_line_of_a_hostile_file(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    src.write_bytes(jl(GOOD, b"\xff", b'{"text": 1e999}', b"[]", GOOD) + b"x" * 5000 + b"\n")
    from newsclean.io import ReadLimits

    items = list(read_items([str(src)], limits=ReadLimits(max_record_bytes=1000)))
    assert [i.line for i in items] == [1, 2, 3, 4, 5, 6]
    assert [i.reject is None for i in items] == [True, False, False, False, True, False]
