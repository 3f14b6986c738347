"""The Spark recipe of docs/scale.md, run for real on local[2]: its clean records and its rejects
equal those of `newsclean clean` on the same files.

A real Spark run takes a minute, so it runs with `make spark` (marker `spark`), not in
`make test`; it is skipped, saying why, without pyspark or Java.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from newsclean.cli import main

pytestmark = pytest.mark.spark

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "examples" / "corpus" / "seed-nato.txt"


def recipe() -> str:
    doc = (ROOT / "docs" / "scale.md").read_text(encoding="utf-8")
    section = doc[doc.index("## Spark\n") : doc.index("## datatrove\n")]
    blocks = re.findall(r"```python\n(.*?)```", section, re.S)
    assert len(blocks) == 1
    return str(blocks[0])


def test_spark_recipe_equals_the_command(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip(
        "pyspark", reason="pyspark is not installed: pip install 'newsclean[spark]'"
    )
    if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
        pytest.skip("Spark needs Java (17 or later), and there is none on PATH or in JAVA_HOME")
    seed = SEED.read_text(encoding="utf-8")
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    first = [
        json.dumps({"id": "seed", "text": seed, "url": "https://example.org/a"}),
        json.dumps({"id": "b", "text": "Stocks rose on Monday.\nShare this article"}),
        "{not json",
        json.dumps({"id": "n", "text": 42}),
        json.dumps({"id": "e", "text": "  "}),
        "",
        json.dumps({"text": "No id here.\nSubscribe to our newsletter"}),
    ]
    (corpus / "a.jsonl").write_text("\n".join(first) + "\n", encoding="utf-8")
    (corpus / "b.jsonl").write_text(
        "\n".join(
            json.dumps({"id": f"r{i}", "text": f"Story {i} went on.\n{{NAME}}"}) for i in range(30)
        )
        + "\n",
        encoding="utf-8",
    )
    script = tmp_path / "recipe.py"
    script.write_text(recipe(), encoding="utf-8")
    env = {**os.environ, "PYSPARK_PYTHON": sys.executable}
    done = subprocess.run(
        [sys.executable, str(script)],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-4000:]

    def lines(folder: str) -> list[str]:
        parts = sorted((tmp_path / folder).glob("part-*"))
        return [x for p in parts for x in p.read_text(encoding="utf-8").splitlines()]

    monkeypatch.chdir(tmp_path)
    argv = [
        "clean",
        "corpus/a.jsonl",
        "corpus/b.jsonl",
        "-o",
        "cli.jsonl",
        "--rejects",
        "rej.jsonl",
    ]
    assert main([*argv, "-q"]) == 0
    cli = Path("cli.jsonl").read_text(encoding="utf-8").splitlines()
    cli_rejects = Path("rej.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(x) for x in lines("clean")] == [json.loads(x) for x in cli]
    assert [json.loads(x) for x in lines("rejects")] == [json.loads(x) for x in cli_rejects]
    reasons = [(r["line"], r["reason"]) for r in map(json.loads, cli_rejects)]
    assert [line for line, _ in reasons] == [3, 4, 5]
    assert json.loads(cli_rejects[0])["excerpt"] == "{not json"
