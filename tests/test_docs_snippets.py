"""Every Python block of README.md and docs/*.md runs as written, as a script of its own.

Each block runs in a fresh interpreter (``python block.py``), not with ``exec`` under pytest, so
what a user would hit shows here: a missing import, a fragment that needs context, or a missing
``if __name__ == "__main__":`` guard where Dask or multiprocessing start new processes.

A block preceded by ``<!-- continued -->`` runs together with the block before it. A block whose
imports are not installed (pyspark) is skipped, saying which.
"""

from __future__ import annotations

import ast
import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
BLOCK = re.compile(r"^(<!-- continued -->\n)?```python\n(.*?)^```", re.S | re.M)


def snippets() -> list[tuple[str, str]]:
    """``(file:line, code)`` for each runnable unit, continued blocks joined."""
    out: list[tuple[str, str]] = []
    for path in DOCS:
        text = path.read_text(encoding="utf-8")
        for m in BLOCK.finditer(text):
            line = text.count("\n", 0, m.start()) + 1
            if m.group(1) and out:
                where, code = out.pop()
                out.append((where, code + "\n" + m.group(2)))
            else:
                out.append((f"{path.relative_to(ROOT)}:{line}", m.group(2)))
    return out


def missing_modules(code: str) -> list[str]:
    names = set()
    for node in ast.walk(ast.parse(code)):
        if isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names.add(node.module)
    missing = []
    for name in sorted(names):
        try:
            found = importlib.util.find_spec(name.split(".")[0]) is not None
        except (ImportError, ValueError):
            found = False
        if not found:
            missing.append(name)
    return missing


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The files the examples name: the example corpus, a JSONL corpus, a knowledge-base file."""
    work = tmp_path_factory.mktemp("docs")
    shutil.copytree(ROOT / "examples", work / "examples")
    corpus = ROOT / "tests" / "data" / "corpus.jsonl"
    shutil.copy(corpus, work / "corpus.jsonl")
    shutil.copy(corpus, work / "corpus-1.jsonl")
    (work / "raw").mkdir()
    shutil.copy(corpus, work / "raw" / "part-1.jsonl")
    (work / "corpus").mkdir()
    shutil.copy(corpus, work / "corpus" / "part-1.jsonl")
    kb = ROOT / "src" / "newsclean" / "data" / "officeholders" / "seed.jsonl"
    row = json.loads(kb.read_text(encoding="utf-8").splitlines()[0])
    (work / "mine.jsonl").write_text(json.dumps(row) + "\n", encoding="utf-8")
    return work


SNIPPETS = snippets()
# a real Spark run takes a minute: `make spark` runs it
PARAMS = [
    pytest.param(where, code, id=where, marks=[pytest.mark.spark] if "pyspark" in code else [])
    for where, code in SNIPPETS
]


def test_every_doc_has_its_blocks_found() -> None:
    assert len(SNIPPETS) >= 15
    assert any(where.startswith("README.md") for where, _ in SNIPPETS)


@pytest.mark.parametrize(("where", "code"), PARAMS)
def test_snippet_runs_as_a_script(where: str, code: str, workdir: Path, tmp_path: Path) -> None:
    missing = missing_modules(code)
    if missing:
        pytest.skip(f"{where} needs {', '.join(missing)}, which is not installed")
    script = tmp_path / "snippet.py"
    script.write_text(code, encoding="utf-8")
    # Spark starts its Python workers with `python3` from PATH unless told otherwise
    env = {**os.environ, "PYSPARK_PYTHON": sys.executable}
    done = subprocess.run(
        [sys.executable, str(script)],
        cwd=workdir,
        env=env,
        capture_output=True,
        text=True,
        timeout=240,
        check=False,
    )
    assert done.returncode == 0, f"{where} failed as a script:\n{done.stderr[-3000:]}"


def test_custom_filter_example_runs(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, str(ROOT / "examples" / "custom_filter.py")],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=240,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    assert "removed [acme.signoff] 'Editing by John Doe; graphics by Ann Lee'" in done.stdout
    assert "finding [acme.bare_amount] '12 million' names no currency" in done.stdout
