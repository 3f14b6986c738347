"""A short, bounded fuzz run of both targets (``make fuzz`` runs them for long).

With atheris installed each target runs under libFuzzer for a few seconds in a subprocess; without
it, hypothesis drives the same target functions over arbitrary bytes.
"""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parent.parent
FUZZ = ROOT / "fuzz"
sys.path.insert(0, str(FUZZ))

from targets import clean_target, jsonl_target  # noqa: E402

HAVE_ATHERIS = importlib.util.find_spec("atheris") is not None
SEEDS = {name: sorted((FUZZ / "corpus" / name).iterdir()) for name in ("clean", "jsonl")}


@pytest.mark.parametrize("path", SEEDS["clean"], ids=lambda p: p.name)
def test_clean_target_on_seeds(path: Path) -> None:
    clean_target(path.read_bytes())


@pytest.mark.parametrize("path", SEEDS["jsonl"], ids=lambda p: p.name)
def test_jsonl_target_on_seeds(path: Path) -> None:
    jsonl_target(path.read_bytes())


@pytest.mark.skipif(not HAVE_ATHERIS, reason="atheris is not installed (pip install -e '.[fuzz]')")
def test_atheris_smoke_run(tmp_path: Path) -> None:
    report = tmp_path / "fuzz.json"
    proc = subprocess.run(
        [
            sys.executable,
            str(FUZZ / "run.py"),
            "--seconds",
            "16",
            "--json",
            str(report),
            "--crashes",
            str(tmp_path / "crashes"),
        ],
        capture_output=True,
        text=True,
        check=False,
        timeout=240,
        cwd=ROOT,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr[-4000:]
    results = json.loads(report.read_text(encoding="utf-8"))
    assert [r["target"] for r in results] == ["clean", "jsonl"]
    assert all(r["executions"] > 0 for r in results)


@pytest.mark.skipif(HAVE_ATHERIS, reason="atheris runs the smoke test")
@settings(max_examples=150)
@given(data=st.binary(max_size=512))
def test_clean_target_without_atheris(data: bytes) -> None:
    clean_target(data)


@pytest.mark.skipif(HAVE_ATHERIS, reason="atheris runs the smoke test")
@settings(max_examples=100)
@given(
    data=st.lists(
        st.one_of(
            st.binary(max_size=40),
            st.builds(
                lambda t: json.dumps({"text": t}, ensure_ascii=False).encode(
                    "utf-8", "surrogatepass"
                ),
                st.text(max_size=40),
            ),
            st.sampled_from(
                [b'{"text": 1}', b"{}", b"[]", b'{"text": ""}', b"\xef\xbb\xbf", b"\r"]
            ),
        ),
        max_size=6,
    ).map(b"\n".join)
)
def test_jsonl_target_without_atheris(data: bytes) -> None:
    jsonl_target(data)


def test_mutation_loop_engine(tmp_path: Path) -> None:
    """The engine used where atheris is missing runs and reports too."""
    report = tmp_path / "fuzz.json"
    proc = subprocess.run(
        [
            sys.executable,
            str(FUZZ / "run.py"),
            "--engine",
            "loop",
            "--seconds",
            "3",
            "--json",
            str(report),
            "--crashes",
            str(tmp_path / "crashes"),
        ],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
        cwd=ROOT,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr[-4000:]
    results = json.loads(report.read_text(encoding="utf-8"))
    assert all(r["engine"] == "mutation-loop" and r["executions"] > 0 for r in results)
