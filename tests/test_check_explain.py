from __future__ import annotations

import os
import pty
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from newsclean.cli import main

CORPUS = Path(__file__).parent / "data" / "corpus.jsonl"


def test_check_passes_and_fails_with_a_table(capsys: pytest.CaptureFixture[str]) -> None:
    assert (
        main(["check", str(CORPUS), "--max-rate", "template.*=0.5", "--max-rate", "title.*=0"]) == 0
    )
    out = capsys.readouterr().out
    header, _rule, *rows = out.splitlines()
    assert header.split() == ["code", "documents", "rate", "limit", "result"]
    assert rows[0].split() == ["template.*", "2/7", "28.57%", "50.00%", "pass"]
    assert rows[1].split() == ["title.*", "0/7", "0.00%", "0.00%", "pass"]
    assert (
        main(["check", str(CORPUS), "--max-rate", "template.*=0", "--max-rate", "title.*=1%"]) == 1
    )
    out = capsys.readouterr().out
    assert "FAIL" in out
    assert "1 of 2 limits met" in out


@pytest.mark.parametrize(
    "bad",
    [["--max-rate", "template.*"], ["--max-rate", "template.*=x"], ["--max-rate", "a=2"], []],
)
def test_check_usage_errors_exit_2(
    bad: list[str],
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["check", str(CORPUS), *bad]) == 2
    assert "error" in capsys.readouterr().err


def test_check_missing_file_exits_2(tmp_path: Path) -> None:
    assert main(["check", str(tmp_path / "nope.jsonl"), "--max-rate", "x=0"]) == 2


def test_check_junit_xml_one_case_per_limit(tmp_path: Path) -> None:
    junit = tmp_path / "out" / "junit.xml"
    junit.parent.mkdir()
    code = main(
        [
            "check",
            str(CORPUS),
            "--max-rate",
            "template.*=0",
            "--max-rate",
            "title.*=0.01",
            "--junit-xml",
            str(junit),
            "-q",
        ]
    )
    assert code == 1
    suite = ET.parse(junit).getroot().find("testsuite")
    assert suite is not None
    assert suite.get("tests") == "2"
    assert suite.get("failures") == "1"
    cases = {c.get("name"): c for c in suite.iter("testcase")}
    assert set(cases) == {"max-rate[template.*]", "max-rate[title.*]"}
    failure = cases["max-rate[template.*]"].find("failure")
    assert failure is not None
    assert "28.57%" in (failure.get("message") or "")
    assert "{MAYOR_NAME}" in (failure.text or "")
    assert cases["max-rate[title.*]"].find("failure") is None


def test_check_reads_clean_output(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    clean = tmp_path / "clean.jsonl"
    assert main(["clean", str(CORPUS), "-o", str(clean), "-q"]) == 0
    assert main(["check", str(clean), "--max-rate", "template.token=0.3"]) == 0
    assert "2/7" in capsys.readouterr().out


def test_explain_plain_markers(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["explain", str(CORPUS), "--id", "d2"]) == 0
    out = capsys.readouterr().out
    assert "\x1b[" not in out
    assert "[-structure.title: Local Election Draws Record Turnout-]" in out
    assert "[-boilerplate.ad: Advertisement-]" in out
    assert "[!template.token: {MAYOR_NAME}!]" in out
    assert "line 3: template.token [error]" in out


def test_explain_names_the_filter_rule_and_data_line_of_each_removal(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from newsclean._patterns import data_text

    assert main(["explain", str(CORPUS), "--id", "d2"]) == 0
    out = capsys.readouterr().out
    removals = out.split("removals:\n", 1)[1].split("-" * 72, 1)[0].splitlines()
    ad = next(line for line in removals if "boilerplate.ad" in line)
    assert " by strip_boilerplate, rule catalogue, source lang/" in ad
    source, lineno = ad.rsplit("source ", 1)[1].rsplit(":", 1)
    assert data_text(source).splitlines()[int(lineno) - 1].startswith("advertisement\t")


def test_explain_index_color_always_and_errors(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["explain", str(CORPUS), "-n", "1", "--color=always"]) == 0
    out = capsys.readouterr().out
    assert "\x1b[2;9mShare this article\x1b[0m" in out
    assert "boilerplate.share" in out
    assert main(["explain", str(CORPUS), "-n", "8"]) == 2  # a rejected record
    assert "empty text field" in capsys.readouterr().err
    assert main(["explain", str(CORPUS), "--id", "nope"]) == 2


def test_explain_colours_a_terminal_only(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "NO_COLOR"}
    cmd = [sys.executable, "-m", "newsclean.cli", "explain", str(CORPUS), "--id", "d5"]
    piped = subprocess.run(cmd, capture_output=True, text=True, env=env, check=True).stdout
    assert "\x1b[" not in piped
    assert "[!template.token: {COST}!]" in piped
    leader, follower = pty.openpty()
    proc = subprocess.Popen(cmd, stdout=follower, stderr=subprocess.DEVNULL, env=env)
    os.close(follower)
    chunks = []
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(leader)
    assert proc.wait(timeout=60) == 0
    shown = b"".join(chunks).decode()
    assert "\x1b[1;97;41m{COST}\x1b[0m" in shown
    assert "[!template.token" not in shown


def test_explain_a_text_file(capsys: pytest.CaptureFixture[str]) -> None:
    seed = Path(__file__).resolve().parents[1] / "examples" / "corpus" / "seed-nato.txt"
    assert main(["explain", str(seed), "--color=never"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("title: NATO to Deepen Ties")
    assert "[-boilerplate.navigation: Previous Article-]" in out
    assert "[!template.token: {REWRITE_TITLE}!]" in out


def test_check_reads_limits_from_pyproject(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pyproject.toml").write_text(
        '[tool.newsclean.expect]\n"template.*" = 0.3\n"title.*" = 0\n', encoding="utf-8"
    )
    assert main(["check", str(CORPUS)]) == 0
    out = capsys.readouterr().out
    assert "template.*" in out
    assert "2 of 2 limits met" in out
    (tmp_path / "pyproject.toml").write_text("[tool.other]\n", encoding="utf-8")
    assert main(["check", str(CORPUS)]) == 2
    assert "no [tool.newsclean.expect] limits" in capsys.readouterr().err
