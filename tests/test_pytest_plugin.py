from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

# loaded here, so the in-process runs below reuse these modules rather than import them anew
import newsclean.filters
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
    result.assert_outcomes(passed=5, failed=1)
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
    result.assert_outcomes(passed=1, deselected=3)
    result.stdout.fnmatch_lines(["collected 4 items / 3 deselected / 1 selected"])


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


PAGES = [
    {"id": f"p{i}", "page_text": "Stocks rose on Monday.\nShare this article"} for i in range(4)
]


def _pages(pytester: pytest.Pytester, settings: str) -> None:
    lines = "".join(json.dumps(r) + "\n" for r in PAGES)
    pytester.path.joinpath("pages.jsonl").write_text(lines, encoding="utf-8")
    pytester.makepyprojecttoml(
        '[tool.newsclean]\ncorpus = "pages.jsonl"\n' + settings + "\n"
        '[tool.newsclean.expect]\n"template.*" = 0\n'
    )
    pytester.makepyfile(test_corpus=USER_TESTS.replace("== 7", ">= 1").replace("== 1", ">= 0"))


def test_an_all_rejected_corpus_fails(pytester: pytest.Pytester) -> None:
    _pages(pytester, "")
    result = pytester.runpytest("-p", "no:cacheprovider")
    assert result.ret == pytest.ExitCode.TESTS_FAILED
    result.assert_outcomes(failed=2, errors=2)
    result.stdout.fnmatch_lines(
        [
            "*no record has 'text'; fields seen: page_text; try --newsclean-text-field page_text",
            "*0 documents cleaned, 4 of 4 records rejected (max_reject_rate = 0.5)",
            "*4x missing text field 'text' (first at *pages.jsonl:1)",
            '*or set text_field = "page_text" under ?tool.newsclean?',
        ]
    )


def test_text_field_in_pyproject(pytester: pytest.Pytester) -> None:
    _pages(pytester, 'text_field = "page_text"')
    result = pytester.runpytest("-p", "no:cacheprovider")
    result.assert_outcomes(passed=3, failed=1)  # the user test expects ids d1..d7


def test_an_unknown_setting_or_pattern_is_a_usage_error(pytester: pytest.Pytester) -> None:
    _pages(pytester, 'text_feild = "page_text"')
    result = pytester.runpytest()
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines(["*no setting 'text_feild'. Did you mean 'text_field'?*"])
    _project(pytester, {"templates.*": 0}, "corpus.jsonl")
    result = pytester.runpytest()
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines(["*'templates.*' matches no finding code; nearest: template.*"])


def test_corpus_path_after_a_space_keeps_the_rootdir(
    pytester: pytest.Pytester, tmp_path_factory: pytest.TempPathFactory
) -> None:
    _project(pytester, {"template.*": 0.5}, None)
    elsewhere = tmp_path_factory.mktemp("elsewhere") / "corpus.jsonl"
    shutil.copy(CORPUS, elsewhere)
    result = pytester.runpytest("--newsclean-corpus", str(elsewhere), "-v")
    result.stdout.fnmatch_lines([f"rootdir: {pytester.path}*"])
    result.assert_outcomes(passed=4)
