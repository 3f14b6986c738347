from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

# loaded here, so the in-process runs below reuse these modules rather than import them anew
import newsclean.presets
import newsclean.report  # noqa: F401

pytest_plugins = ["pytester"]

CORPUS = Path(__file__).parent / "data" / "corpus.jsonl"

USER_TESTS = """
from newsclean.testing import assert_clean


def test_records_without_errors_are_clean(newsclean_corpus):
    ids = []
    for article in newsclean_corpus:
        if article.ok:
            assert_clean(article)
        ids.append(article.id)
    assert ids == ["d1", "d2", "d3", "d4", "d5", "d6", "d7"]


def test_report(newsclean_report):
    assert newsclean_report.documents == 7
    assert newsclean_report.rejected == 1
"""


def _project(pytester: pytest.Pytester, expect: dict[str, float], corpus: str | None) -> None:
    shutil.copy(CORPUS, pytester.path / "corpus.jsonl")
    lines = ["[tool.newsclean]"]
    if corpus:
        lines.append(f"corpus = {json.dumps(corpus)}")
    lines.append("[tool.newsclean.expect]")
    lines += [f"{json.dumps(k)} = {v}" for k, v in expect.items()]
    pytester.makepyprojecttoml("\n".join(lines) + "\n")
    pytester.makepyfile(test_corpus=USER_TESTS)


def test_expect_table_becomes_one_test_per_limit(pytester: pytest.Pytester) -> None:
    _project(pytester, {"template.*": 0, "title.*": 0.01, "template.token": 0.5}, "corpus.jsonl")
    result = pytester.runpytest("-v", "-p", "no:cacheprovider")
    result.assert_outcomes(passed=4, failed=1)
    result.stdout.fnmatch_lines(
        [
            "*newsclean-rate?template.?? FAILED*",
            "*newsclean-rate?title.?? PASSED*",
            "*newsclean-rate?template.token? PASSED*",
        ]
    )
    result.stdout.fnmatch_lines(
        [
            "*template.*: 2 of 7 documents (28.57%) have a matching finding; the limit is 0.00%*",
            "*template.token in d2: unresolved template placeholder '{MAYOR_NAME}'*",
        ]
    )


def test_command_line_corpus_and_keyword_selection(pytester: pytest.Pytester) -> None:
    _project(pytester, {"template.*": 0.5}, None)
    result = pytester.runpytest("--newsclean-corpus", "corpus.jsonl", "-k", "rate")
    result.assert_outcomes(passed=1, deselected=2)
    result.stdout.fnmatch_lines(["collected 3 items / 2 deselected / 1 selected"])


def test_without_a_corpus_the_fixtures_and_limits_skip(pytester: pytest.Pytester) -> None:
    _project(pytester, {"template.*": 0}, None)
    result = pytester.runpytest("-rs")
    result.assert_outcomes(skipped=3)
    result.stdout.fnmatch_lines(["*no newsclean corpus: pass --newsclean-corpus PATH*"])


def test_a_bad_limit_is_a_usage_error(pytester: pytest.Pytester) -> None:
    _project(pytester, {"template.*": 5}, "corpus.jsonl")
    result = pytester.runpytest()
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines(["*the limit must be a rate from 0 to 1*"])


def test_plugin_is_quiet_without_configuration(pytester: pytest.Pytester) -> None:
    pytester.makepyfile("def test_ok():\n    pass\n")
    result = pytester.runpytest("--help")
    result.stdout.fnmatch_lines(["*--newsclean-corpus=PATH*"])
    pytester.runpytest().assert_outcomes(passed=1)
