"""The pipeline contract: validation, sequence protocol, pickling, configuration."""

from __future__ import annotations

import pickle
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

import pytest

import newsclean
from newsclean import (
    BlockRemoval,
    ConfigError,
    Draft,
    Flag,
    InputError,
    Pipeline,
    Proposal,
    Stage,
    UnknownFilterError,
    default_pipeline,
    make_filter,
    make_pipeline,
)


@dataclass(frozen=True)
class DropShort:
    name: ClassVar[str] = "drop_short"
    stage: ClassVar[Stage] = Stage.STRIP
    max_chars: int = 3

    def apply(self, draft: Draft, /) -> Proposal:
        return Proposal(
            removals=tuple(
                BlockRemoval(b.index, "structure.empty", "short")
                for b in draft.kept()
                if len(b.text.strip()) <= self.max_chars
            )
        )


@dataclass(frozen=True)
class FlagWord:
    name: ClassVar[str] = "flag_word"
    stage: ClassVar[Stage] = Stage.FLAG
    word: str = "lorem"

    def apply(self, draft: Draft, /) -> Proposal:
        flags = []
        for b in draft.kept():
            i = b.text.find(self.word)
            if i >= 0:
                span = (b.span[0] + i, b.span[0] + i + len(self.word))
                flags.append(Flag("template.filler", span, f"found {self.word!r}"))
        return Proposal(flags=tuple(flags))


def test_empty_pipeline_keeps_every_line() -> None:
    article = Pipeline()("one\ntwo\n\nthree")
    assert article.paragraphs == ("one\ntwo", "three")
    assert Pipeline()("one\ntwo").paragraphs == ("one", "two")
    assert article.removals == ()
    assert article.findings == ()


def test_custom_filters_compose_and_map_spans_to_the_original() -> None:
    original = "  Hi\r\nlorem\u00a0ipsum text\r\nok"
    pipe = make_pipeline(
        make_filter("fix_line_breaks"), make_filter("normalize_whitespace"), DropShort(), FlagWord()
    )
    article = pipe(original)
    assert [r.text for r in article.removals] == ["  Hi", "ok"]
    (finding,) = article.findings
    assert original[finding.span[0] : finding.span[1]] == "lorem"
    assert finding.filter == "flag_word"
    assert article.text == "lorem ipsum text"


def test_validation_rejects_duplicates_and_stage_order() -> None:
    with pytest.raises(ConfigError, match="twice"):
        Pipeline([DropShort(), DropShort()])
    with pytest.raises(ConfigError, match="stage order"):
        Pipeline([FlagWord(), DropShort()])
    with pytest.raises(ConfigError, match="not a filter"):
        Pipeline([object()])  # type: ignore[list-item]
    with pytest.raises(ConfigError, match="regex_timeout"):
        Pipeline([], regex_timeout=-1)


def test_filter_may_only_do_what_its_stage_allows() -> None:
    @dataclass(frozen=True)
    class BadFlagger:
        name: ClassVar[str] = "bad"
        stage: ClassVar[Stage] = Stage.FLAG

        def apply(self, draft: Draft, /) -> Proposal:
            return Proposal(removals=(BlockRemoval(0, "structure.empty"),))

    with pytest.raises(ConfigError, match="strip-stage"):
        Pipeline([BadFlagger()])("text")


def test_sequence_protocol_and_without() -> None:
    pipe = default_pipeline()
    assert pipe[0].name == "fix_line_breaks"
    assert pipe["strip_boilerplate"].name == "strip_boilerplate"
    assert isinstance(pipe[1:], Pipeline)
    assert pipe[1:].names == pipe.names[1:]
    smaller = pipe.without("strip_duplicates")
    assert "strip_duplicates" not in smaller.names
    assert len(smaller) == len(pipe) - 1
    with pytest.raises(KeyError, match="no filter named"):
        pipe["nope"]
    with pytest.raises(ConfigError, match="not in this pipeline"):
        pipe.without("nope")
    changed = pipe.replace("strip_duplicates", min_chars=5)
    assert changed["strip_duplicates"].min_chars == 5  # type: ignore[attr-defined]


def test_pipeline_pickles_and_compares_by_config() -> None:
    pipe = default_pipeline("page", budget=2.0)
    clone = pickle.loads(pickle.dumps(pipe))
    assert clone == pipe
    assert clone.budget == 2.0
    text = "Headline About Things Here\n\nShare this article\n\nA body sentence that is long enough to count."
    assert clone(text) == pipe(text)


def test_registry_errors_suggest_names() -> None:
    with pytest.raises(UnknownFilterError, match="Did you mean 'strip_boilerplate'"):
        make_filter("strip_boilerplat")
    with pytest.raises(ConfigError, match="valid options"):
        make_filter("strip_duplicates", bogus=1)


def test_default_pipeline_routes_options_by_name() -> None:
    pipe = default_pipeline(min_chars=4, regex_timeout=0.5)
    assert pipe["strip_duplicates"].min_chars == 4  # type: ignore[attr-defined]
    assert pipe.regex_timeout == 0.5
    with pytest.raises(ConfigError, match="takes 'nonsense'"):
        default_pipeline(nonsense=True)
    with pytest.raises(ConfigError, match="unknown preset"):
        default_pipeline("html")


def test_config_round_trip_and_toml(tmp_path: Path) -> None:
    pipe = default_pipeline(budget=3.0)
    assert Pipeline.from_config(pipe.to_config()) == pipe
    path = tmp_path / "p.toml"
    path.write_text(
        '[pipeline]\npreset = "extracted"\nwithout = ["strip_duplicates"]\nregex_timeout = 0.25\n'
        "[options.detect_title]\nmax_words = 12\n",
        encoding="utf-8",
    )
    loaded = Pipeline.from_toml(path)
    assert "strip_duplicates" not in loaded.names
    assert loaded.regex_timeout == 0.25
    assert loaded["detect_title"].max_words == 12  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("text", "match"),
    [
        ("[pipline]\n", "unknown key"),
        ("[pipeline]\nprest = 'page'\n", "unknown key"),
        ("[pipeline]\nwithout = ['zzz']\n", "not in the preset"),
        ("[options.zzz]\nx = 1\n", "names no filter"),
        ("[options.detect_title]\nmax_word = 1\n", "valid options"),
        ("[[filter]]\nname = 'fix_encoding'\n[pipeline]\npreset = 'page'\n", "not both"),
        ("[[filter]]\nnme = 'x'\n", "has no 'name'"),
        ("not toml at all [", "not valid TOML"),
    ],
)
def test_bad_config_files_say_what_is_valid(tmp_path: Path, text: str, match: str) -> None:
    path = tmp_path / "bad.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError, match=match):
        Pipeline.from_toml(path)


def test_records_and_bad_inputs() -> None:
    article = newsclean.clean(
        {"text": "Body sentence here.", "url": "https://ex.org/a", "section": "world"},
        published="2022-11-30",
        id=7,
    )
    assert article.url == "https://ex.org/a"
    assert article.published == "2022-11-30"
    assert article.id == "7"
    assert article.meta == {"section": "world"}
    with pytest.raises(InputError, match="bytes"):
        newsclean.clean(b"bytes")  # type: ignore[arg-type]
    with pytest.raises(InputError, match="no 'text'"):
        newsclean.clean({"title": "x"})
    with pytest.raises(InputError, match="must be a string"):
        newsclean.clean({"text": 5})
    with pytest.raises(InputError, match="'url' must be a string"):
        newsclean.clean({"text": "x", "url": ["a"]})


def test_pipe_is_lazy() -> None:
    seen = []

    def records() -> object:
        for i in range(3):
            seen.append(i)
            yield f"line {i}."

    stream = default_pipeline().pipe(records())  # type: ignore[arg-type]
    assert seen == []
    first = next(stream)
    assert first.text == "line 0."
    assert seen == [0]


def test_regex_timeout_becomes_a_finding() -> None:
    import regex

    slow = regex.compile(r"(a|aa)+$")

    @dataclass(frozen=True)
    class Catastrophic:
        name: ClassVar[str] = "catastrophic"
        stage: ClassVar[Stage] = Stage.FLAG

        def apply(self, draft: Draft, /) -> Proposal:
            slow.search(draft.text, timeout=draft.regex_timeout)
            return Proposal()

    article = Pipeline([Catastrophic()], regex_timeout=0.05)("a" * 60 + "b")
    assert [f.code for f in article.findings] == ["pipeline.regex_timeout"]
    assert article.text == "a" * 60 + "b"


PREPARE_CALLS: list[int] = []


@dataclass(frozen=True)
class SlowToLoad:
    name: ClassVar[str] = "slow_to_load"
    stage: ClassVar[Stage] = Stage.FLAG

    def prepare(self) -> None:
        import time

        PREPARE_CALLS.append(1)
        time.sleep(0.3)

    def apply(self, draft: Draft, /) -> Proposal:
        return Proposal()


def test_one_time_setup_runs_once_and_outside_the_budget() -> None:
    PREPARE_CALLS.clear()
    pipe = Pipeline([SlowToLoad()], budget=0.1)
    assert pipe("one document.").findings == ()
    assert pipe("another one.").findings == ()
    assert PREPARE_CALLS == [1]
    clone = pickle.loads(pickle.dumps(pipe))  # a new process prepares again
    clone("text")
    assert PREPARE_CALLS == [1, 1]
