"""Configuration is data: TOML and data files are parsed, never executed; every unknown key is an
error that lists the valid ones; user patterns are checked and bounded."""

from __future__ import annotations

import pickle
import re
import time
from pathlib import Path

import pytest
from tests.invariants import check_article

import newsclean
from newsclean import (
    ConfigError,
    PatternDataError,
    Pipeline,
    Stage,
    UnknownFilterError,
    default_pipeline,
    make_filter,
)
from newsclean.cli import main
from newsclean.config import load_toml
from newsclean.filters.custom import (
    MAX_PATTERN_CHARS,
    StripLinesMatching,
    compile_user_pattern,
    nested_quantifier,
)
from newsclean.pipeline import pipeline_from_config

SRC = Path(newsclean.__file__).parent

# ---------------------------------------------------------------------------------------------
# data only

#: calls that would run code or rebuild objects from a file's contents
UNSAFE = re.compile(
    r"\b(?:eval|exec|compile)\s*\(|\bpickle\.loads?\b|\bmarshal\.loads?\b|\bshelve\b|"
    r"\byaml\.(?:unsafe_)?load\b|\b__import__\s*\(|\bdill\b|\bjsonpickle\b|\bruamel\b"
)


def test_no_loader_executes_or_unpickles_data() -> None:
    offenders = []
    for path in sorted(SRC.rglob("*.py")):
        for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            code = line.split("#", 1)[0]
            if UNSAFE.search(code) and "regex.compile" not in code and "re.compile" not in code:
                offenders.append(f"{path.relative_to(SRC)}:{lineno}: {line.strip()}")
    assert not offenders, "\n".join(offenders)


def test_toml_values_are_only_data(tmp_path: Path) -> None:
    marker = tmp_path / "ran"
    config = tmp_path / "c.toml"
    payload = f"__import__('pathlib').Path({str(marker)!r}).touch()"
    config.write_text(
        f'[[filter]]\nname = "strip_lines_matching"\npatterns = ["{payload}"]\nreason = "boilerplate.ad"\n',
        encoding="utf-8",
    )
    pipeline = Pipeline.from_toml(config)  # the string is a pattern, and only ever matched
    pipeline("__import__ this line\n\nand this one")
    assert not marker.exists()


def test_pipeline_pickles_round_trip() -> None:
    pipeline = pipeline_from_config(
        {"filter": [{"name": "strip_lines_matching", "patterns": ["^follow us"]}]}
    )
    assert pickle.loads(pickle.dumps(pipeline)) == pipeline


# ---------------------------------------------------------------------------------------------
# unknown keys at every level list the valid ones


@pytest.mark.parametrize(
    ("config", "expect"),
    [
        (
            {"pipelin": {}},
            r"unknown key\(s\) 'pipelin' in the configuration\. Did you mean 'pipeline'\? Valid: pipeline, filter, options",
        ),
        (
            {"pipeline": {"presett": "page"}},
            r"'presett' in \[pipeline\]\. Did you mean 'preset'\? Valid: preset, without, regex_timeout, budget",
        ),
        (
            {"options": {"strip_duplicates": {"min_char": 3}}},
            r"has no option 'min_char'\. Did you mean 'min_chars'\? valid options: min_chars",
        ),
        (
            {"options": {"strip_dupes": {}}},
            r"\[options.strip_dupes\] names no filter .* strip_duplicates",
        ),
        (
            {"filter": [{"name": "strip_duplicates", "bogus": 1}]},
            r"no option 'bogus'\. valid options: min_chars",
        ),
        (
            {"filter": [{"name": "strip_lines_matching", "pattern": ["x"]}]},
            r"no option 'pattern'\. Did you mean 'patterns'\? valid options: patterns, reason, ignore_case",
        ),
        ({"filter": [{"nam": "strip_duplicates"}]}, r"\[\[filter\]\] entry 1 has no 'name'"),
        (
            {"pipeline": {"without": ["strip_dupes"]}},
            r"without names filters not in the preset: strip_dupes; it has: fix_line_breaks",
        ),
        (
            {"pipeline": {"preset": "pages"}},
            r"unknown preset 'pages'\. Did you mean 'page'\? Presets: extracted, page",
        ),
        ({"pipeline": {"budget": "fast"}}, r"budget must be a positive, finite number"),
        ({"pipeline": {"regex_timeout": -1}}, r"regex_timeout must be a positive, finite number"),
        ({"pipeline": {"without": "strip_duplicates"}}, r"without must be a list"),
        ({"pipeline": []}, r"\[pipeline\] must be a table"),
        ({"options": {"strip_duplicates": 3}}, r"\[options\] must hold one table"),
        ({"filter": {"name": "x"}}, r"\[\[filter\]\] entries must be tables"),
        ({"pipeline": {"preset": "page"}, "filter": []}, r"not both"),
    ],
)
def test_config_errors_say_what_is_valid(config: dict[str, object], expect: str) -> None:
    with pytest.raises(ConfigError, match=expect):
        pipeline_from_config(config)


def test_unknown_filter_name_lists_the_names() -> None:
    with pytest.raises(
        UnknownFilterError,
        match=r"Did you mean 'strip_duplicates'\?.*Available names: .*strip_lines_matching",
    ):
        pipeline_from_config({"filter": [{"name": "strip_duplicate"}]})


def test_default_pipeline_unknown_option_lists_the_valid_ones() -> None:
    with pytest.raises(
        ConfigError, match=r"takes 'bogus'\. Options: regex_timeout, budget, .*min_chars"
    ):
        default_pipeline(bogus=1)


def test_toml_file_errors_name_the_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text("[pipeline\npreset = 1", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"bad.toml: not valid TOML"):
        load_toml(bad)
    with pytest.raises(ConfigError, match=r"cannot read .*missing.toml"):
        load_toml(tmp_path / "missing.toml")
    unknown = tmp_path / "unknown.toml"
    unknown.write_text("[options.strip_duplicates]\nmin_char = 2\n", encoding="utf-8")
    src = tmp_path / "in.txt"
    src.write_text("Some text.", encoding="utf-8")
    assert main(["clean", str(src), "--config", str(unknown), "-q"]) == 2
    assert "valid options: min_chars" in capsys.readouterr().err


def test_toml_round_trip(tmp_path: Path) -> None:
    config = tmp_path / "c.toml"
    config.write_text(
        "[pipeline]\nregex_timeout = 0.5\nbudget = 3\n\n"
        "[[filter]]\nname = 'fix_encoding'\n\n"
        "[[filter]]\nname = 'strip_lines_matching'\npatterns = ['^follow us on', '^photo:']\n"
        "reason = 'boilerplate.share'\n",
        encoding="utf-8",
    )
    pipeline = Pipeline.from_toml(config)
    assert pipeline.names == ("fix_encoding", "strip_lines_matching")
    assert pipeline.budget == 3
    assert Pipeline.from_config(pipeline.to_config()) == pipeline


# ---------------------------------------------------------------------------------------------
# user patterns


@pytest.mark.parametrize(
    "pattern",
    [r"(a+)+$", r"(a*)*", r"^(\w+\s?)*$", r"(?:x{2,})+", r"(a+){50}", r"((ab)+c)*", r"([a-z]+.)+@"],
)
def test_nested_quantifiers_are_rejected(pattern: str) -> None:
    assert nested_quantifier(pattern) is not None
    with pytest.raises(ConfigError, match="exponential time; use an atomic group"):
        StripLinesMatching(patterns=(pattern,))


@pytest.mark.parametrize(
    "pattern",
    [
        r"^read more$",
        r"^(?>a+)+$",
        r"(a+)++",
        r"\(a+\)+",
        r"[(a+)]+",
        r"^(share|tweet)\b",
        r"(a+){2}",
        r"x{3,}",
    ],
)
def test_safe_patterns_are_accepted(pattern: str) -> None:
    assert nested_quantifier(pattern) is None
    compile_user_pattern(pattern)


def test_pattern_limits() -> None:
    with pytest.raises(ConfigError, match=f"at most {MAX_PATTERN_CHARS}"):
        compile_user_pattern("a" * (MAX_PATTERN_CHARS + 1))
    with pytest.raises(ConfigError, match="does not compile"):
        compile_user_pattern("(unbalanced")
    with pytest.raises(ConfigError, match="non-empty string"):
        compile_user_pattern("")
    with pytest.raises(ConfigError, match="must be a list of strings"):
        make_filter("strip_lines_matching", patterns="^x")
    with pytest.raises(ConfigError, match="at most 200"):
        make_filter("strip_lines_matching", patterns=["x"] * 201)
    with pytest.raises(ConfigError, match=r"not a removal code; removal codes: .*boilerplate.ad"):
        make_filter("strip_lines_matching", patterns=["x"], reason="template.token")
    with pytest.raises(ConfigError, match="unknown code"):
        make_filter("strip_lines_matching", patterns=["x"], reason="nope")


def test_strip_lines_matching_removes_with_reason_and_rule() -> None:
    pipeline = default_pipeline()
    custom = make_filter(
        "strip_lines_matching",
        patterns=[r"^follow us on \w+$", r"^photo:"],
        reason="boilerplate.share",
    )
    n = sum(f.stage is Stage.NORMALIZE for f in pipeline)
    pipeline = Pipeline([*pipeline.filters[:n], custom, *pipeline.filters[n:]])
    text = "Follow us on Mastodon\n\nThe body has a sentence that ends here.\n\nPHOTO: Reuters"
    article = pipeline(text)
    check_article(article)
    assert article.text == "The body has a sentence that ends here."
    assert [(r.reason, r.rule) for r in article.removals] == [
        ("boilerplate.share", r"^follow us on \w+$"),
        ("boilerplate.share", "^photo:"),
    ]


def test_catastrophic_user_pattern_becomes_a_finding_within_the_timeout() -> None:
    # alternation inside a repeat escapes the static check; the timeout bounds it
    custom = make_filter("strip_lines_matching", patterns=[r"^(a|a)*$"])
    pipeline = Pipeline([custom], regex_timeout=0.2)
    text = "a" * 40 + "!\n" + "The body has a sentence that ends here."
    started = time.perf_counter()
    article = pipeline(text)
    elapsed = time.perf_counter() - started
    assert elapsed < 3.0
    assert [f.code for f in article.findings] == ["pipeline.regex_timeout"]
    assert article.findings[0].filter == "strip_lines_matching"
    assert not article.removals
    check_article(article)


def test_user_patterns_share_one_timeout_per_document() -> None:
    # a slow pattern on many lines: the limit is for the whole filter, not per line
    custom = make_filter("strip_lines_matching", patterns=[r"^(a|a)*$"])
    pipeline = Pipeline([custom], regex_timeout=0.3)
    text = ("a" * 24 + "!\n") * 200
    started = time.perf_counter()
    article = pipeline(text)
    assert time.perf_counter() - started < 5.0
    assert "pipeline.regex_timeout" in article.codes


@pytest.mark.parametrize(
    "name", ["../../../etc/hostname", "/etc/hostname", "en/../../x", "c:\\x", "boilerplate//en"]
)
def test_data_file_names_stay_inside_the_data_folder(name: str) -> None:
    from newsclean._patterns import data_text

    with pytest.raises(PatternDataError, match="not a data file name"):
        data_text(f"boilerplate/{name}.txt")
