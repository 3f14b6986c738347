"""The plain path: ``Pipeline(plain=True)`` and ``NEWSCLEAN_PLAIN=1`` give every line every check,
with no gate or fast path choosing lines, and the records come out byte for byte the same.

The development pages (``../shared``) are compared on a sample here; ``make plain-check`` compares
all of them (``NEWSCLEAN_PLAIN_FULL=1``).
"""

from __future__ import annotations

import json
import os
import pickle
from collections.abc import Iterator
from pathlib import Path
from typing import Any, ClassVar

import pytest
from hypothesis import given
from tests import strategies as strat

import newsclean
from newsclean import Pipeline, default_pipeline
from newsclean.pipeline import PLAIN_ENV, Draft, Proposal, Stage

ROOT = Path(__file__).resolve().parents[1]
PRESETS = sorted(newsclean.PRESETS)
#: no time budget: the plain path is slower, and a budget cut must not tell the two apart
FAST = {p: default_pipeline(p, budget=None, plain=False) for p in PRESETS}
PLAIN = {p: default_pipeline(p, budget=None, plain=True) for p in PRESETS}
#: one development page in this many is compared in ``make test``
DEV_SAMPLE_EVERY = 8


def _record(pipeline: Pipeline, record: str | dict[str, Any]) -> str:
    return json.dumps(pipeline(record).to_dict(), ensure_ascii=False, sort_keys=True)


def _assert_same(preset: str, record: str | dict[str, Any]) -> None:
    assert _record(PLAIN[preset], record) == _record(FAST[preset], record)


# -- the switch --------------------------------------------------------------------------------


class _SeesPlain:
    """A filter that remembers whether the drafts it saw were plain."""

    name: ClassVar[str] = "sees_plain"
    stage: ClassVar[Stage] = Stage.FLAG
    seen: ClassVar[list[bool]] = []

    def apply(self, draft: Draft, /) -> Proposal:
        self.seen.append(draft.plain)
        return Proposal()


@pytest.fixture
def sees_plain() -> Iterator[list[bool]]:
    _SeesPlain.seen.clear()
    yield _SeesPlain.seen
    _SeesPlain.seen.clear()


def test_the_pipeline_option_reaches_the_draft(sees_plain: list[bool]) -> None:
    Pipeline([_SeesPlain()], plain=True)("text")
    Pipeline([_SeesPlain()], plain=False)("text")
    assert sees_plain == [True, False]


def test_the_environment_variable_reaches_the_draft(
    sees_plain: list[bool], monkeypatch: pytest.MonkeyPatch
) -> None:
    pipeline = Pipeline([_SeesPlain()])
    monkeypatch.delenv(PLAIN_ENV, raising=False)
    pipeline("text")
    monkeypatch.setenv(PLAIN_ENV, "1")
    pipeline("text")
    assert Draft("text").plain
    assert Draft.of("text").plain
    # an explicit choice wins over the environment
    Pipeline([_SeesPlain()], plain=False)("text")
    monkeypatch.setenv(PLAIN_ENV, "0")
    pipeline("text")
    assert sees_plain == [False, True, False, False]


def test_the_option_survives_configuration_copies_and_pickling() -> None:
    pipeline = default_pipeline("page", plain=True)
    assert pipeline.plain is True
    assert pipeline.to_config()["pipeline"]["plain"] is True
    assert Pipeline.from_config(pipeline.to_config()).plain is True
    assert pipeline.without("flag_templates").plain is True
    assert pickle.loads(pickle.dumps(pipeline)).plain is True
    assert "plain" not in default_pipeline().to_config()["pipeline"]


def test_a_bad_value_is_a_configuration_error() -> None:
    with pytest.raises(newsclean.ConfigError, match="plain"):
        Pipeline([], plain="yes")  # type: ignore[arg-type]


def test_the_toml_option(tmp_path: Path) -> None:
    path = tmp_path / "p.toml"
    path.write_text('[pipeline]\npreset = "page"\nplain = true\n', encoding="utf-8")
    assert Pipeline.from_toml(path).plain is True


# -- plain and fast give the same records ------------------------------------------------------


@pytest.mark.parametrize("preset", PRESETS)
@given(text=strat.any_text)
def test_plain_and_fast_records_are_the_same(preset: str, text: str) -> None:
    _assert_same(preset, text)


@pytest.mark.parametrize("preset", PRESETS)
@given(text=strat.news_text())
def test_plain_and_fast_records_of_news_like_text_are_the_same(preset: str, text: str) -> None:
    _assert_same(preset, text)


def _jsonl(path: Path) -> list[dict[str, Any]]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


EXAMPLES = [
    ROOT / "examples" / "clean" / "articles.jsonl",
    ROOT / "examples" / "corpus" / "articles.jsonl",
]


@pytest.mark.parametrize("preset", PRESETS)
@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.parent.name)
def test_plain_and_fast_records_of_the_examples_are_the_same(preset: str, path: Path) -> None:
    records = _jsonl(path)
    assert records
    plain = [_record(PLAIN[preset], r) for r in records]
    fast = [_record(FAST[preset], r) for r in records]
    assert plain == fast


#: the development pages' text fields, by preset
DEV_FIELDS = {"extracted": "extracted_text", "page": "page_text"}


@pytest.mark.shared
@pytest.mark.parametrize("preset", PRESETS)
def test_plain_and_fast_records_of_the_development_pages_are_the_same(
    preset: str, shared_dir: Path
) -> None:
    path = shared_dir / "data" / "boilerplate-dev.jsonl"
    if not path.is_file():
        pytest.skip("no development pages")
    every = 1 if os.environ.get("NEWSCLEAN_PLAIN_FULL") == "1" else DEV_SAMPLE_EVERY
    field = DEV_FIELDS[preset]
    differ = []
    for n, row in enumerate(_jsonl(path)):
        if n % every or not isinstance(row.get(field), str):
            continue
        record = {k: v for k, v in row.items() if k not in DEV_FIELDS.values()}
        record["text"] = row[field]
        if _record(PLAIN[preset], record) != _record(FAST[preset], record):
            differ.append(row.get("id"))
    assert differ == []
