"""One record in, an outcome out; counts that add up (newsclean.runs)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsclean import Article, default_pipeline
from newsclean.cli import main
from newsclean.errors import InputError
from newsclean.integrations import clean_partition
from newsclean.io import Item, Reject
from newsclean.runs import Counts, clean_one, clean_record

BAD = {"id": "r7", "text": "Body text here.", "title": ["not", "a", "string"]}


def test_a_record_that_cannot_be_cleaned_is_a_reject_with_its_id() -> None:
    result = clean_record(default_pipeline(), BAD, source="in.jsonl", line=7)
    assert isinstance(result, Reject)
    assert (result.source, result.line, result.id) == ("in.jsonl", 7, "r7")
    assert result.reason.startswith("InputError: field 'title' must be a string")
    assert result.excerpt == "Body text here."
    assert result.to_dict()["id"] == "r7"


def test_strict_raises_instead() -> None:
    with pytest.raises(InputError):
        clean_record(default_pipeline(), BAD, strict=True)


def test_clean_one_keeps_a_reject_read_from_the_file() -> None:
    reject = Reject("in.jsonl", 3, "invalid JSON")
    outcome = clean_one(default_pipeline(), Item("in.jsonl", 3, reject=reject))
    assert outcome.reject is reject
    assert outcome.result is reject
    assert "id" not in reject.to_dict()


def test_engines_reject_the_same_way() -> None:
    out = list(clean_partition(["Stocks rose.", BAD], errors="reject"))
    assert out[0]["text"] == "Stocks rose."
    assert out[1]["id"] == "r7"
    assert out[1]["rejected"] == clean_record(default_pipeline(), BAD).reason  # type: ignore[union-attr]


def test_counts_add_up_across_parts() -> None:
    pipeline = default_pipeline()
    records = ["Stocks rose.\nShare this article", BAD, "Hello {NAME}, the body ends here.", BAD]
    results = [clean_record(pipeline, r) for r in records]
    whole = Counts()
    for r in results:
        whole.add(r)
    parts = sum((Counts.of(r) for r in results), Counts())
    assert parts == whole
    assert (whole.read, whole.cleaned, whole.rejected, whole.not_ok) == (4, 2, 2, 1)
    assert whole.removals["boilerplate.share"] == 1
    assert whole.findings["template.token"] == 1
    assert whole.worst is not None
    assert [isinstance(r, Article) for r in results] == [True, False, True, False]


def test_the_cli_summary_is_the_counts(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text(
        "\n".join(
            json.dumps(r) for r in [{"id": "a", "text": "Stocks rose.\nShare this article"}, BAD]
        ),
        encoding="utf-8",
    )
    summary, rejects = tmp_path / "summary.json", tmp_path / "rejects.jsonl"
    args = ["clean", str(src), "-o", str(tmp_path / "out.jsonl"), "-q"]
    assert main([*args, "--summary-json", str(summary), "--rejects", str(rejects)]) == 0
    expected = Counts()
    for record in ({"id": "a", "text": "Stocks rose.\nShare this article"}, BAD):
        expected.add(clean_record(default_pipeline(), record))
    assert json.loads(summary.read_text(encoding="utf-8")) == expected.to_dict()
    (reject,) = [json.loads(line) for line in rejects.read_text(encoding="utf-8").splitlines()]
    assert (reject["line"], reject["id"]) == (2, "r7")
