"""The code in README's "At scale" section and the Spark recipe in docs/scale.md runs."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

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


class Row:
    """What a Spark Row offers the recipe: asDict()."""

    def __init__(self, **fields: Any) -> None:
        self._fields = fields

    def asDict(self) -> dict[str, Any]:
        return dict(self._fields)


class Broadcast:
    def __init__(self, value: Any) -> None:
        self.value = value


def test_spark_partition_function() -> None:
    doc = (ROOT / "docs" / "scale.md").read_text(encoding="utf-8")
    marker = doc.index("<!-- the test suite runs this block")
    recipe = python_blocks(doc[marker:])[0]
    namespace: dict[str, Any] = {}
    exec(compile(recipe, "docs/scale.md", "exec"), namespace)
    pipeline = Broadcast(default_pipeline("extracted"))
    rows = [
        Row(id="1", text="Stocks rose.\nShare this article", url=None, site="example.org"),
        Row(id="2", text=None, url=None, site=None),
        Row(id="3", text="Markets fell.", url="https://example.org/x", site=None),
    ]
    out = list(namespace["clean_rows"](iter(rows), pipeline.value))
    assert [r["id"] for r in out] == ["1", "2", "3"]
    assert out[0]["text"] == "Stocks rose."
    assert "original" not in out[0]
    assert "rejected" in out[1]
    assert out[2]["url"] == "https://example.org/x"
    json.dumps(out)  # what saveAsTextFile writes
