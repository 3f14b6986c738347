"""The code in README's "At scale" section and the Spark recipe in docs/scale.md runs."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from newsclean import default_pipeline

ROOT = Path(__file__).resolve().parents[1]


def python_blocks(text: str) -> list[str]:
    return re.findall(r"```python\n(.*?)```", text, flags=re.DOTALL)


def section(text: str, title: str) -> str:
    start = text.index(f"## {title}\n")
    end = text.find("\n## ", start + 1)
    return text[start : end if end != -1 else len(text)]


def test_readme_at_scale_blocks_run() -> None:
    pytest.importorskip("dask.bag")
    pytest.importorskip("datatrove")
    blocks = python_blocks(section((ROOT / "README.md").read_text(encoding="utf-8"), "At scale"))
    assert len(blocks) >= 2
    for block in blocks:
        exec(compile(block, "README.md", "exec"), {})


def test_clean_lines_and_rows_without_spark() -> None:
    from newsclean.integrations import clean_lines, clean_partition

    pipeline = default_pipeline("extracted")
    lines = [
        (json.dumps({"id": "1", "page_text": "Stocks rose.\nShare this article"}), 1),
        ("{bad", 2),
        (json.dumps({"id": "3", "page_text": None}), 3),
        ("", 4),
    ]
    out = list(clean_lines(lines, pipeline, source="in.jsonl", text_field="page_text"))
    assert [ok for ok, _ in out] == [True, False, False]
    assert out[0][1]["text"] == "Stocks rose."
    assert (out[1][1]["line"], out[1][1]["excerpt"]) == (2, "{bad")
    assert out[2][1]["reason"] == "missing text field 'page_text'"
    rows = [{"id": "1", "page_text": "Markets fell."}, {"id": "2", "page_text": 7}]
    got = list(clean_partition(rows, pipeline, errors="reject", text_field="page_text"))
    assert got[0]["text"] == "Markets fell."
    assert got[1]["id"] == "2"
    assert "must be a string" in got[1]["rejected"]
