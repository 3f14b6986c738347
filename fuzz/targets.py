"""The fuzz targets as plain functions, shared by the atheris scripts and the smoke test.

Each takes arbitrary bytes and raises only when newsclean breaks one of its promises.
"""

from __future__ import annotations

import atexit
import json
import shutil
import tempfile
from pathlib import Path

import newsclean
from newsclean.cli import main as cli_main


def _texts(data: bytes) -> list[str]:
    return [
        data.decode("utf-8", "surrogateescape"),
        data.decode("utf-8", "replace"),
        data.decode("latin-1"),
    ]


def clean_target(data: bytes) -> None:
    """``clean()`` on arbitrary text: never raises, keeps its invariants, is deterministic."""
    from tests.invariants import check_article

    for text in _texts(data):
        for preset in ("extracted", "page"):
            article = newsclean.clean(text, preset=preset)
            check_article(article)
            back = newsclean.Article.from_dict(
                json.loads(json.dumps(article.to_dict(), ensure_ascii=True))
            )
            assert back == article


_WORKDIR: Path | None = None


def _workdir() -> Path:
    global _WORKDIR
    if _WORKDIR is None:
        _WORKDIR = Path(tempfile.mkdtemp(prefix="newsclean-fuzz-"))
        atexit.register(shutil.rmtree, _WORKDIR, ignore_errors=True)
    return _WORKDIR


def jsonl_target(data: bytes) -> None:
    """The JSONL reader and the ``clean`` command on arbitrary bytes: every line is accounted for."""
    work = _workdir()
    gz = data[:2] == b"\x1f\x8b"
    src = work / ("in.jsonl.gz" if gz else "in.jsonl")
    src.write_bytes(data)
    out, rejects, summary = work / "out.jsonl", work / "rejects.jsonl", work / "summary.json"
    code = cli_main(
        [
            "clean",
            str(src),
            "-o",
            str(out),
            "--rejects",
            str(rejects),
            "--summary-json",
            str(summary),
            "-q",
            "--max-reject-rate",
            "1",
        ]
    )
    counts = json.loads(summary.read_text(encoding="utf-8"))
    # an input not readable to its end (a broken .gz) is an I/O error; a run that cleaned
    # nothing must not pass as a success; any other run here does
    expected = 2 if counts["input_errors"] else 3 if counts["cleaned"] == 0 else 0
    assert code == expected, f"exit code {code}, {counts}"
    assert counts["read"] == counts["cleaned"] + counts["rejected"], counts
    records = out.read_text(encoding="utf-8").split("\n")[:-1]
    rejected = rejects.read_text(encoding="utf-8").split("\n")[:-1]
    assert len(records) == counts["cleaned"], (len(records), counts)
    assert len(rejected) == counts["rejected"], (len(rejected), counts)
    for line in rejected:
        reject = json.loads(line)
        assert reject["reason"]
        assert reject["line"] >= 0
    for line in records:
        json.loads(line)
    if not gz:
        expected = 0
        for i, raw in enumerate(data.split(b"\n")):
            if i == 0 and raw.startswith(b"\xef\xbb\xbf"):
                raw = raw[3:]
            expected += bool(raw.strip())
        assert counts["read"] == expected, (counts, expected)
