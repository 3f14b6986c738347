"""The code in the README's "In notebooks" and "In tests and CI" sections runs as shown."""

from __future__ import annotations

import json
import re
import shlex
import shutil
import sys
from pathlib import Path

import pytest

# loaded here, so the in-process pytest run below reuses these modules rather than import them anew
import newsclean.presets
import newsclean.report  # noqa: F401
from newsclean.cli import main

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

pytest_plugins = ["pytester"]

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "data" / "corpus.jsonl"


def section_blocks(title: str) -> list[tuple[str, str]]:
    """``(language, code)`` of each fenced block in the README section ``## title``."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    match = re.search(rf"^## {re.escape(title)}\n(.*?)(?=^## |\Z)", text, re.S | re.M)
    assert match, f"README has no section {title!r}"
    return re.findall(r"^```(\w+)\n(.*?)^```", match.group(1), re.S | re.M)


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "examples").mkdir()
    shutil.copytree(ROOT / "examples" / "corpus", tmp_path / "examples" / "corpus")
    shutil.copy(CORPUS, tmp_path / "corpus.jsonl")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_in_notebooks_python_runs(workdir: Path) -> None:
    pytest.importorskip("pandas")
    blocks = [code for lang, code in section_blocks("In notebooks") if lang == "python"]
    assert blocks
    for code in blocks:
        namespace: dict[str, object] = {}
        exec(compile(code, "README.md", "exec"), namespace)
        assert "newsclean-article" in namespace["article"]._repr_html_()  # type: ignore[attr-defined]
        assert namespace["report"].documents == 14  # type: ignore[attr-defined]


def test_in_tests_and_ci_helpers_run(workdir: Path) -> None:
    blocks = [code for lang, code in section_blocks("In tests and CI") if lang == "python"]
    helpers = blocks[0]
    namespace: dict[str, object] = {}
    exec(compile(helpers, "README.md", "exec"), namespace)
    tests = [f for name, f in namespace.items() if name.startswith("test_") and callable(f)]
    assert len(tests) == 2
    for test in tests:
        test()


def test_in_tests_and_ci_plugin_config_runs(pytester: pytest.Pytester) -> None:
    blocks = section_blocks("In tests and CI")
    toml = next(code for lang, code in blocks if lang == "toml")
    fixtures = [code for lang, code in blocks if lang == "python"][1]
    settings = tomllib.loads(toml)["tool"]["newsclean"]
    sample = pytester.path / settings["corpus"]
    sample.parent.mkdir(parents=True)
    with CORPUS.open(encoding="utf-8") as src, sample.open("w", encoding="utf-8") as dst:
        for line in src:
            record = json.loads(line)
            if "{" not in record["text"] and record["text"]:  # a sample without placeholders
                dst.write(line)
    pytester.makepyprojecttoml(toml)
    pytester.makepyfile(test_sample=fixtures)
    result = pytester.runpytest("-p", "no:cacheprovider")
    result.assert_outcomes(passed=5)  # the two tests, two limits and the corpus itself


def test_in_tests_and_ci_command_runs(workdir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    commands = [
        line
        for lang, code in section_blocks("In tests and CI")
        if lang == "sh"
        for line in code.splitlines()
        if line.startswith("newsclean ")
    ]
    assert commands
    for line in commands:
        assert main(shlex.split(line)[1:]) == 1  # the sample corpus has placeholders
        assert "FAIL" in capsys.readouterr().out
    assert (workdir / "newsclean.xml").is_file()
