"""pandas: records as frames from Articles or their dicts, and a plain-pandas clean_frame."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import newsclean
from newsclean.errors import InputError
from newsclean.report import corpus_report

pd = pytest.importorskip("pandas")

PAGE = {"id": "p1", "page_text": "Stocks rose on Monday.\nShare this article", "url": "u"}


def test_to_pandas_takes_articles_or_their_dicts() -> None:
    article = newsclean.clean("Stocks rose on Monday.\nShare this article", id="a")
    as_dicts = [json.loads(json.dumps(article.to_dict()))]
    lean = dict(as_dicts[0])
    del lean["original"]  # what --drop-original writes
    for rows in ([article], as_dicts, [lean]):
        frame = newsclean.to_pandas(rows)
        assert frame.loc[0, "id"] == "a"
        assert frame.loc[0, "text"] == "Stocks rose on Monday."
    assert len(newsclean.findings_frame(as_dicts)) == len(article.findings)
    with pytest.raises(InputError, match="clean raw records first"):
        newsclean.to_pandas([{"id": "x", "text": "raw"}])


def test_clean_frame_on_plain_pandas_with_a_text_field() -> None:
    frame = pd.DataFrame([PAGE, {**PAGE, "id": "p2"}])
    out = newsclean.clean_frame(frame, text_field="page_text")
    assert out["clean_text"].tolist() == ["Stocks rose on Monday."] * 2
    assert out["id"].tolist() == ["p1", "p2"]
    assert str(out["clean_ok"].dtype) == "bool"
    assert str(out["clean_text"].dtype).startswith("string")
    with pytest.raises(InputError, match=r"no 'text' field; fields: id, page_text, url"):
        newsclean.clean_frame(frame)


def test_clean_frame_of_an_empty_frame_keeps_declared_dtypes() -> None:
    out = newsclean.clean_frame(pd.DataFrame({"text": pd.Series([], dtype="string")}))
    assert str(out["clean_ok"].dtype) == "bool"
    assert str(out["clean_findings"].dtype).startswith("string")


def test_corpus_report_takes_a_text_field(tmp_path: Path) -> None:
    path = tmp_path / "pages.jsonl"
    path.write_text(json.dumps(PAGE) + "\n", encoding="utf-8")
    report = corpus_report([path], text_field="page_text")
    assert (report.documents, report.rejected) == (1, 0)
    assert report.removal_rate("boilerplate.share") == 1.0
    assert corpus_report([path]).rejected == 1
