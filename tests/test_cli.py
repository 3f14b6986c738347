from __future__ import annotations

import gzip
import json
from pathlib import Path
from typing import TYPE_CHECKING

from newsclean.cli import main

if TYPE_CHECKING:
    import pytest

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "examples" / "corpus" / "seed-nato.txt"


def read_jsonl(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_clean_text_file_to_output(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out.jsonl"
    assert main(["clean", str(SEED), "-o", str(out)]) == 0
    (record,) = read_jsonl(out)
    assert (
        record["title"] == "NATO to Deepen Ties With Ukraine and Expand Regional Security Efforts"
    )
    assert len(record["paragraphs"]) == 5  # type: ignore[arg-type]
    err = capsys.readouterr().err
    assert "read 1, cleaned 1, rejected 0" in err
    assert "template.token" in err


def test_jsonl_fields_rejects_and_accounting(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl.gz"
    lines = [
        json.dumps({"body": "First article sentence here.", "headline": "H", "key": "a"}),
        "not json",
        json.dumps({"body": 5}),
        "",
        json.dumps({"other": "no body"}),
        json.dumps({"body": "   "}),
        json.dumps(["a list"]),
        json.dumps({"body": "Second article sentence.", "key": "b"}),
    ]
    with gzip.open(src, "wt", encoding="utf-8") as fh:
        fh.write("\n".join(lines) + "\n")
    out, rejects, summary = tmp_path / "o.jsonl", tmp_path / "r.jsonl", tmp_path / "s.json"
    args = [
        "clean",
        str(src),
        "-o",
        str(out),
        "--rejects",
        str(rejects),
        "--summary-json",
        str(summary),
    ]
    args += ["--text-field", "body", "--id-field", "key", "--title-field", "headline", "-q"]
    args += ["--max-reject-rate", "1"]  # a file of mostly broken records, on purpose
    assert main(args) == 0
    records = read_jsonl(out)
    assert [r["id"] for r in records] == ["a", "b"]
    assert records[0]["title"] == "H"
    bad = read_jsonl(rejects)
    assert [r["line"] for r in bad] == [2, 3, 5, 6, 7]
    assert "invalid JSON" in str(bad[0]["reason"])
    assert "must be a string" in str(bad[1]["reason"])
    counts = json.loads(summary.read_text(encoding="utf-8"))
    assert counts["read"] == counts["cleaned"] + counts["rejected"] == 7


def test_fail_on_and_exit_codes(tmp_path: Path) -> None:
    out = tmp_path / "o.jsonl"
    # the seed's unfilled token sits in a navigation line the pipeline removes: info, not error
    assert main(["clean", str(SEED), "-o", str(out), "-q", "--fail-on", "error"]) == 0
    assert main(["clean", str(SEED), "-o", str(out), "-q", "--fail-on", "info"]) == 1
    assert main(["clean", str(SEED), "-o", str(out), "-q", "--fail-on", "never"]) == 0
    assert main(["clean", str(tmp_path / "missing.jsonl"), "-q"]) == 2
    assert main(["clean", "--preset", "nope"]) == 2
    assert main(["frobnicate"]) == 2


def test_invalid_utf8_and_bom(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    src.write_bytes(b'\xef\xbb\xbf{"text": "BOM first line is fine."}\n{"text": "bad \xff byte"}\n')
    out, rejects = tmp_path / "o.jsonl", tmp_path / "r.jsonl"
    assert main(["clean", str(src), "-o", str(out), "--rejects", str(rejects), "-q"]) == 0
    assert len(read_jsonl(out)) == 1
    (bad,) = read_jsonl(rejects)
    assert bad["line"] == 2
    assert "UTF-8" in str(bad["reason"])


def test_clean_records_with_empty_bodies_are_read_back(tmp_path: Path) -> None:
    from newsclean.io import read_items

    src = tmp_path / "clean.jsonl"
    src.write_text(
        json.dumps({"id": "a", "text": "", "findings": [], "original": "Share"})
        + "\n"
        + json.dumps({"id": "b", "text": ""})
        + "\n",
        encoding="utf-8",
    )
    items = list(read_items([str(src)]))
    assert items[0].record is not None
    assert items[0].record["id"] == "a"
    assert items[1].reject is not None
    assert "empty text" in items[1].reject.reason


def test_output_files_get_the_usual_mode(tmp_path: Path) -> None:
    import os

    out = tmp_path / "o.jsonl"
    assert main(["clean", str(SEED), "-o", str(out), "-q"]) == 0
    umask = os.umask(0)
    os.umask(umask)
    assert out.stat().st_mode & 0o777 == 0o666 & ~umask
