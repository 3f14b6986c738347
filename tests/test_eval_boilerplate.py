from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def load_eval() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "eval_boilerplate", ROOT / "benchmarks" / "eval_boilerplate.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["eval_boilerplate"] = module
    spec.loader.exec_module(module)
    return module


def test_c4_line_rules() -> None:
    ev = load_eval()
    text = "Home\nThis line ends a sentence.\nWe use cookies to improve this site.\nTwo words."
    assert ev.c4_lines(text) == "This line ends a sentence."


def test_eval_skips_without_shared(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ev = load_eval()
    assert ev.main(["--shared", str(tmp_path / "nowhere"), "--out", str(tmp_path)]) == 0
    assert "not found" in capsys.readouterr().out


@pytest.mark.shared
@pytest.mark.skipif(
    not (SHARED / "data" / "boilerplate-dev.jsonl").is_file(), reason="needs ../shared"
)
def test_eval_on_a_sample(tmp_path: Path) -> None:
    ev = load_eval()
    results = ev.run(SHARED, tmp_path, limit=60, quiet=True)
    snip = {
        name: r["trafilatura-eval"]["snippets"]
        for name, r in results.items()
        if not name.startswith(("record-", "snippets-"))
    }
    assert snip["newsclean-extracted-extracted_text"]["f1"] >= 0.90
    assert snip["newsclean-extracted-extracted_text"]["keep_recall"] >= 0.90
    assert snip["newsclean-page-page_text"]["f1"] >= 0.80
    assert snip["newsclean-page-page_text"]["f1"] > snip["c4-page_text"]["f1"]
    record = results["record-page-page_text"]
    assert record["pages"] == 60
    assert results["record-page-page_text-url"]["pages"] == 60
    assert "record-extracted-extracted_text-url-half1" in results
    assert 0.0 <= record["wrong_title"] <= record["wrong_title"] + record["title_right"] <= 1.0


def test_same_title_is_the_fuzzy_comparison() -> None:
    ev = load_eval()
    assert ev.same_title("Rain Expected Tomorrow", "rain expected tomorrow")
    assert ev.same_title("Rain expected tomorrow", "Rain expected tomorrow | The Daily")
    assert not ev.same_title("Rain", "Rain expected tomorrow | The Daily Paper")
    assert not ev.same_title(None, "Rain")
    assert ev.listed_authors("Jane Roe; John Doe and Ann Lee") == [
        "Jane Roe",
        "John Doe",
        "Ann Lee",
    ]
