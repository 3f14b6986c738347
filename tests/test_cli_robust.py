"""Broken records and failures in the ``clean`` command: every input is accounted for, and a run
that fails leaves no half-written file behind."""

from __future__ import annotations

import gzip
import json
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from newsclean.cli import main
from newsclean.io import Item, read_items
from newsclean.pipeline import EMPTY, Draft, Pipeline, Proposal, Stage
from newsclean.runs import clean_one

GOOD = {"text": "Headline Of The Day Here\n\nThe body has a sentence that ends here."}


def jl(*rows: Any) -> bytes:
    """JSONL bytes: dicts are dumped, bytes and str go in as they are."""
    out = []
    for row in rows:
        if isinstance(row, bytes):
            out.append(row)
        elif isinstance(row, str):
            out.append(row.encode("utf-8", "surrogatepass"))
        else:
            out.append(json.dumps(row).encode())
    return b"\n".join(out) + b"\n"


def run_clean(tmp_path: Path, *inputs: str, extra: tuple[str, ...] = ()) -> dict[str, Any]:
    out, rejects, summary = tmp_path / "out.jsonl", tmp_path / "rejects.jsonl", tmp_path / "s.json"
    code = main(
        [
            "clean",
            *inputs,
            "-o",
            str(out),
            "--rejects",
            str(rejects),
            "--summary-json",
            str(summary),
            "-q",
            *extra,
        ]
    )
    result: dict[str, Any] = {"code": code}
    if summary.exists():
        result["summary"] = json.loads(summary.read_text(encoding="utf-8"))
        result["records"] = [json.loads(x) for x in out.read_text("utf-8").split("\n")[:-1]]
        result["rejects"] = [json.loads(x) for x in rejects.read_text("utf-8").split("\n")[:-1]]
        s = result["summary"]
        assert s["read"] == s["cleaned"] + s["rejected"]
        assert len(result["records"]) == s["cleaned"]
        assert len(result["rejects"]) == s["rejected"]
    return result


BROKEN_LINES = [
    ("invalid_json", b'{"text": "unterminated', "invalid JSON"),
    ("not_an_object", b"[1, 2, 3]", "must be a JSON object, not list"),
    ("a_string", b'"just text"', "must be a JSON object, not str"),
    ("null", b"null", "must be a JSON object, not NoneType"),
    ("text_is_number", b'{"text": 42}', "must be a string, not int"),
    ("text_is_list", b'{"text": ["a"]}', "must be a string, not list"),
    ("text_is_object", b'{"text": {"a": 1}}', "must be a string, not dict"),
    ("missing_text", b'{"title": "no text"}', "missing text field 'text'"),
    ("empty_text", b'{"text": ""}', "empty text field"),
    ("blank_text", b'{"text": " \\n\\t "}', "empty text field"),
    ("invalid_utf8", b'{"text": "caf\xe9"}', "invalid UTF-8 at byte 13"),
    ("title_is_list", b'{"text": "Body text.", "title": ["x"]}', "field 'title' must be a string"),
    ("id_is_object", b'{"text": "Body text.", "id": {"a": 1}}', "field 'id' must be a string"),
    ("deep_nesting", b'{"text": ' + b"[" * 100_000 + b"]" * 100_000 + b"}", "invalid JSON"),
    ("nan", b'{"text": NaN}', "NaN is not a JSON value"),
]


@pytest.mark.parametrize(
    ("label", "line", "reason"), BROKEN_LINES, ids=[b[0] for b in BROKEN_LINES]
)
def test_broken_line_is_rejected_with_line_number_reason_and_excerpt(
    tmp_path: Path, label: str, line: bytes, reason: str
) -> None:
    src = tmp_path / "in.jsonl"
    src.write_bytes(jl(GOOD, line, GOOD))
    r = run_clean(tmp_path, str(src))
    assert r["code"] == 0
    assert r["summary"]["read"] == 3
    assert r["summary"]["cleaned"] == 2
    [reject] = r["rejects"]
    assert reject["line"] == 2
    assert reject["source"] == str(src)
    assert reason in reject["reason"]
    if label != "deep_nesting":
        assert reject["excerpt"]
    assert len(reject["excerpt"]) <= 121


def test_bom_and_crlf_are_read(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    src.write_bytes(b"\xef\xbb\xbf" + jl(GOOD, GOOD).replace(b"\n", b"\r\n"))
    r = run_clean(tmp_path, str(src))
    assert r["summary"] == {**r["summary"], "read": 2, "cleaned": 2, "rejected": 0}
    assert r["records"][0]["text"] == "The body has a sentence that ends here."


def test_bom_in_a_text_file_is_dropped(tmp_path: Path) -> None:
    src = tmp_path / "doc.txt"
    src.write_bytes(
        b"\xef\xbb\xbfHeadline Of The Day Here\r\n\r\nThe body has a sentence that ends here."
    )
    r = run_clean(tmp_path, str(src))
    assert r["records"][0]["title"] == "Headline Of The Day Here"
    assert not r["records"][0]["original"].startswith("\ufeff")


def test_invalid_and_empty_text_files_are_rejected(tmp_path: Path) -> None:
    (tmp_path / "bad.txt").write_bytes(b"caf\xe9 au lait")
    (tmp_path / "empty.txt").write_bytes(b"  \n")
    r = run_clean(tmp_path, str(tmp_path / "bad.txt"), str(tmp_path / "empty.txt"))
    assert [x["reason"] for x in r["rejects"]] == ["invalid UTF-8 at byte 3", "empty file"]


def test_blank_lines_are_not_records(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    src.write_bytes(b"\n\n" + jl(GOOD) + b"   \n\r\n")
    r = run_clean(tmp_path, str(src))
    assert (r["summary"]["read"], r["summary"]["cleaned"]) == (1, 1)
    assert r["records"][0]["id"] == "in.jsonl:3"


def test_truncated_gzip_is_a_reject_after_the_good_lines(tmp_path: Path) -> None:
    data = gzip.compress(jl(*[GOOD] * 200))
    src = tmp_path / "in.jsonl.gz"
    src.write_bytes(data[: len(data) // 2])
    r = run_clean(tmp_path, str(src))
    assert r["code"] == 2  # an input not readable to its end is an I/O error of the run
    assert r["summary"]["rejected"] == 1
    assert r["summary"]["read"] == r["summary"]["cleaned"] + 1
    assert "unreadable input after line" in r["rejects"][0]["reason"]


def test_not_gzip_at_all(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl.gz"
    src.write_bytes(jl(GOOD))
    r = run_clean(tmp_path, str(src))
    assert r["summary"]["rejected"] == 1
    assert r["rejects"][0]["line"] == 1


def test_empty_file(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    src.write_bytes(b"")
    r = run_clean(tmp_path, str(src))
    assert r["code"] == 3  # a run that read nothing is not a success
    assert r["summary"]["read"] == 0
    assert r["records"] == []


def test_nonexistent_file_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = tmp_path / "good.jsonl"
    good.write_bytes(jl(GOOD))
    r = run_clean(tmp_path, str(good), str(tmp_path / "missing.jsonl"))
    assert r["code"] == 2
    assert "no such file" in capsys.readouterr().err
    assert not (tmp_path / "out.jsonl").exists()
    assert [p.name for p in tmp_path.iterdir()] == ["good.jsonl"]


def test_directory_stands_for_its_files(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.jsonl").write_bytes(jl(GOOD, b"oops"))
    (folder / "sub" / "b.txt").write_text("Some text of a document.", encoding="utf-8")
    (folder / "ignored.bin").write_bytes(b"\x00\x01")
    r = run_clean(tmp_path, str(folder))
    assert (r["summary"]["read"], r["summary"]["cleaned"], r["summary"]["rejected"]) == (3, 2, 1)


def test_empty_directory(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    r = run_clean(tmp_path, str(tmp_path / "empty"))
    assert r["code"] == 3
    assert r["summary"]["read"] == 0


def test_lone_surrogates_are_written_as_escapes(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    src.write_bytes(jl(b'{"text": "A body \\ud800 with a lone surrogate.", "x": "\\udfff"}', GOOD))
    r = run_clean(tmp_path, str(src))
    assert r["summary"]["cleaned"] == 2
    assert r["records"][0]["original"] == "A body \ud800 with a lone surrogate."
    assert r["records"][0]["meta"]["x"] == "\udfff"
    (tmp_path / "out.jsonl").read_bytes().decode("utf-8")  # valid UTF-8 throughout


def test_text_field_option(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    src.write_bytes(jl({"body": "Text in another field.", "text": "kept as input_text"}, GOOD))
    r = run_clean(tmp_path, str(src), extra=("--text-field", "body"))
    assert r["records"][0]["text"] == "Text in another field."
    assert r["records"][0]["meta"]["input_text"] == "kept as input_text"
    assert "missing text field 'body'" in r["rejects"][0]["reason"]


def test_stdin(tmp_path: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "newsclean.cli", "clean"],
        input=jl(GOOD, b"{bad", {"text": 1}),
        capture_output=True,
        check=False,
        timeout=60,
    )
    assert proc.returncode == 3  # two of three rejected: more than --max-reject-rate 0.5
    assert len(proc.stdout.splitlines()) == 1
    assert b"rejected -:2" in proc.stderr
    assert b"rejected -:3" in proc.stderr
    assert b"newsclean: error: 2 of 3 records rejected (67%)" in proc.stderr


# ---------------------------------------------------------------------------------------------
# a filter that fails on one record


class Explodes:
    name = "explodes"
    stage = Stage.STRIP

    def apply(self, draft: Draft, /) -> Proposal:
        if "boom" in draft.text:
            raise RuntimeError("boom in a filter")
        return EMPTY


def test_a_failing_filter_rejects_that_record_only() -> None:
    pipeline = Pipeline([Explodes()])
    items = [Item("x", 1, record={"text": "fine"}), Item("x", 2, record={"text": "boom \ud800"})]
    outcomes = [clean_one(pipeline, item) for item in items]
    assert outcomes[0].article is not None
    assert outcomes[1].reject is not None
    assert outcomes[1].reject.reason == "RuntimeError: boom in a filter"
    assert outcomes[1].reject.line == 2


def test_read_items_accounts_for_every_line(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    rows = [GOOD, b"{", {"text": ""}, b"\xff", GOOD]
    src.write_bytes(jl(*rows))
    items = list(read_items([str(src)]))
    assert [i.line for i in items] == [1, 2, 3, 4, 5]
    assert [i.reject is None for i in items] == [True, False, False, False, True]


# ---------------------------------------------------------------------------------------------
# atomic output: a failure or Ctrl-C leaves nothing under the final name and no temporary file

_INTERRUPTED = """
import sys
from newsclean.cli import main
from newsclean.pipeline import Pipeline
calls = 0
real = Pipeline.run
def run(self, draft):
    global calls
    calls += 1
    if calls == 3:
        raise {exc}
    return real(self, draft)
Pipeline.run = run
sys.exit(main(["clean", sys.argv[1], "-o", sys.argv[2], "--rejects", sys.argv[3], "-q"]))
"""


@pytest.mark.parametrize(
    ("exc", "code"),
    [
        ("KeyboardInterrupt", 130),
        ("SystemExit(3)", 3),
        ("type('Fatal', (BaseException,), {})()", 4),  # an internal error
    ],
)
def test_failure_mid_run_leaves_no_partial_output(tmp_path: Path, exc: str, code: int) -> None:
    src = tmp_path / "in.jsonl"
    src.write_bytes(jl(*[GOOD] * 10))
    out = tmp_path / "out.jsonl"
    out.write_text("previous output\n", encoding="utf-8")
    proc = subprocess.run(
        [
            sys.executable,
            "-c",
            _INTERRUPTED.format(exc=exc),
            str(src),
            str(out),
            str(tmp_path / "r"),
        ],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert proc.returncode == code, proc.stderr
    assert out.read_text(encoding="utf-8") == "previous output\n"  # untouched
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.jsonl", "out.jsonl"]


def test_sigint_mid_run_leaves_no_partial_output(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    body = " ".join(["A sentence of the article body goes on here."] * 40)
    src.write_bytes(jl(*[{"text": f"Headline Number {i} Here\n\n{body}"} for i in range(20_000)]))
    out = tmp_path / "out.jsonl"
    proc = subprocess.Popen(
        [sys.executable, "-m", "newsclean.cli", "clean", str(src), "-o", str(out), "-q"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 60
        while not list(tmp_path.glob(".out.jsonl.*.tmp")) and time.monotonic() < deadline:
            time.sleep(0.05)
        time.sleep(0.5)  # some records written to the temporary file
        assert proc.poll() is None, "the run ended before it could be interrupted"
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode == 130
    assert b"interrupted" in err
    assert not out.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.jsonl"]


@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
def test_an_interrupt_swallowed_by_a_finalizer_still_stops_the_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import os

    import newsclean.commands.clean as clean_command

    class InterruptedWhileFinalized:
        def __del__(self) -> None:
            os.kill(os.getpid(), signal.SIGINT)
            for _ in range(10_000):  # the handler runs here, inside the finalizer
                pass

    calls = 0
    render = clean_command.render_one

    def render_then_interrupt(*args: Any, **kwargs: Any) -> Any:
        nonlocal calls
        calls += 1
        if calls == 3:
            InterruptedWhileFinalized()  # dropped at once: Python prints the exception, goes on
        return render(*args, **kwargs)

    monkeypatch.setattr(clean_command, "render_one", render_then_interrupt)
    src = tmp_path / "in.jsonl"
    src.write_bytes(jl(*[GOOD] * 50))
    out = tmp_path / "out.jsonl"
    assert main(["clean", str(src), "-o", str(out), "-q"]) == 130
    assert calls < 50
    assert "interrupted" in capsys.readouterr().err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.jsonl"]
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler


def test_output_into_a_missing_folder_is_a_clear_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src = tmp_path / "in.jsonl"
    src.write_bytes(jl(GOOD))
    assert main(["clean", str(src), "-o", str(tmp_path / "nope" / "out.jsonl"), "-q"]) == 2
    assert "No such file or directory" in capsys.readouterr().err


def test_output_onto_a_folder_leaves_no_temporary_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src = tmp_path / "in.jsonl"
    src.write_bytes(jl(GOOD))
    (tmp_path / "out").mkdir()
    assert main(["clean", str(src), "-o", str(tmp_path / "out"), "-q"]) == 2
    assert "newsclean: error:" in capsys.readouterr().err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.jsonl", "out"]
