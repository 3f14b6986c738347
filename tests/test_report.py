from __future__ import annotations

import dataclasses
import json
import sys
from pathlib import Path

import pytest

import newsclean
from newsclean.io import Reject
from newsclean.record import Article, removed_share, site_of
from newsclean.report import CorpusReport, corpus_report, iter_corpus
from newsclean.runs import Counts

CORPUS = Path(__file__).parent / "data" / "corpus.jsonl"


@pytest.fixture(scope="module")
def records() -> list[Article | Reject]:
    return list(iter_corpus([CORPUS]))


def test_report_counts_match_the_clean_summary(records: list[Article | Reject]) -> None:
    summary = Counts()
    for r in records:
        summary.add(r)
    report = CorpusReport.from_articles(records)
    assert report.summary() == summary.to_dict()
    assert report.documents == 7
    assert report.rejected == 1
    assert report.read == 8


def test_rates_by_pattern_code_and_site(records: list[Article | Reject]) -> None:
    report = CorpusReport.from_articles(records)
    assert report.documents_matching("template.*") == 2
    assert report.finding_rate("template.*") == pytest.approx(2 / 7)
    assert report.finding_rate("template.token") == pytest.approx(2 / 7)
    assert report.finding_rate("title.*") == 0.0
    assert report.removal_rate("boilerplate.share") == pytest.approx(2 / 7)
    sites = {row["site"]: row for row in report.site_rows()}
    assert sites["news.example.com"]["documents"] == 3
    assert sites["news.example.com"]["with_finding"] == 1
    assert sites["news.example.com"]["findings"] == {"template.token": 1}
    # d5: "Here is the rewritten article:", lorem ipsum and {COST}
    assert sites["daily.example.org"]["findings"] == {
        "template.leftover": 1,
        "template.filler": 1,
        "template.token": 1,
    }
    assert sites["museum.example.net"]["documents"] == 1  # from the URL
    rows = {r["code"]: r for r in report.code_rows()}
    assert rows["template.token"]["kind"] == "finding"
    assert rows["boilerplate.share"]["kind"] == "removal"
    assert sum(report.share_bins) == report.documents


def test_examples_are_bounded_and_point_at_the_text() -> None:
    docs = [
        newsclean.clean(f"Headline Number {i} Today\n\nHello {{NAME}}, body {i}.")
        for i in range(20)
    ]
    report = CorpusReport.from_articles(docs, examples_per_code=2)
    assert report.documents == 20
    assert len(report.examples["template.token"]) == 2
    assert report.examples["template.token"][0].match == "{NAME}"
    # memory: one combination of codes, not one entry per document
    assert len(report.finding_combos) == 1


def test_sites_are_bounded() -> None:
    docs = [Article(text="x", original="x", site=f"s{i}.example") for i in range(10)]
    report = CorpusReport.from_articles(docs, max_sites=3)
    assert len(report.sites) == 4
    assert report.sites["(other sites)"] == 7


def test_to_dict_is_json_and_html_escapes(records: list[Article | Reject]) -> None:
    report = CorpusReport.from_articles(records)
    data = json.loads(json.dumps(report.to_dict()))
    assert data["summary"]["cleaned"] == 7
    assert data["removed_share"]["counts"] == report.share_bins
    html = report._repr_html_()
    assert "<svg" in html
    assert "template.token" in html
    assert "<script>alert" not in html  # record text is escaped
    page = report.to_html(standalone=True)
    assert page.startswith("<!DOCTYPE html>")
    assert "http://" not in page.replace("http://www.w3.org/2000/svg", "")
    assert "https://" not in page.replace("https://museum.example.net", "")


def test_reads_clean_records_as_they_are(tmp_path: Path) -> None:
    clean = tmp_path / "clean.jsonl"
    with clean.open("w") as fh:
        for r in iter_corpus([CORPUS]):
            if isinstance(r, Article):
                fh.write(r.to_json() + "\n")
    again = corpus_report([clean])
    assert again.summary()["findings"] == corpus_report([CORPUS]).summary()["findings"]


def test_removed_share_and_site() -> None:
    a = newsclean.clean("A Headline For This Story\n\nShare this article\n\nThe body is here.")
    assert 0 < removed_share(a) < 1
    assert site_of(a.site, a.url) is None
    report = CorpusReport.from_articles(
        [a, dataclasses.replace(a, url="https://www.example.org/x")]
    )
    assert [row["site"] for row in report.site_rows()] == ["(no site)", "example.org"]


def test_pandas_frames(records: list[Article | Reject]) -> None:
    pytest.importorskip("pandas")
    articles = [r for r in records if isinstance(r, Article)]
    frame = newsclean.to_pandas(articles)
    assert list(frame["id"]) == [a.id for a in articles]
    assert frame["findings"].sum() == 4  # d2: one token; d5: a leftover, lorem ipsum, a token
    findings = newsclean.findings_frame(articles)
    tokens = findings[findings["code"] == "template.token"]
    assert set(tokens["text"]) == {"{MAYOR_NAME}", "{COST}"}
    rates = CorpusReport.from_articles(articles).to_pandas()
    assert rates.set_index("code").loc["template.token", "documents"] == 2


def test_pandas_missing_gives_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(ImportError, match=r"pip install 'newsclean\[pandas\]'"):
        newsclean.to_pandas([])


@pytest.mark.parametrize("suffix", [".jsonl", ".jsonl.gz"])
def test_clean_records_with_nothing_left_are_counted(tmp_path: Path, suffix: str) -> None:
    from newsclean.cli import main

    raw = tmp_path / "raw.jsonl"
    raw.write_text(
        json.dumps({"id": "e", "text": "Share this article\n\nSubscribe to our newsletter"})
        + "\n\n"
        + json.dumps({"id": "f", "text": "Real Headline About Things\n\nA body sentence here."})
        + "\n",
        encoding="utf-8",
    )
    out, summary = tmp_path / f"clean{suffix}", tmp_path / "summary.json"
    assert main(["clean", str(raw), "-o", str(out), "-q", "--summary-json", str(summary)]) == 0
    report = corpus_report([out, out])
    assert report.rejected == 0
    assert report.documents == 4
    once = corpus_report([out]).summary()
    assert once == json.loads(summary.read_text())
    assert once["cleaned"] == 2


def test_report_command_writes_html_and_json(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from newsclean.cli import main

    data = tmp_path / "report.json"
    assert main(["report", str(CORPUS), "--json", str(data), "--examples", "1", "-q"]) == 0
    page = capsys.readouterr().out
    assert page.startswith("<!DOCTYPE html>")
    assert page.rstrip().endswith("</html>")
    numbers = json.loads(data.read_text(encoding="utf-8"))
    assert numbers["summary"]["cleaned"] == 7
    assert all(len(v) == 1 for v in numbers["examples"].values())


def test_merged_partitions_equal_one_pass(records: list[Article | Reject]) -> None:
    whole = CorpusReport.from_articles(records)
    parts = [CorpusReport.from_articles(records[i : i + 3]) for i in range(0, len(records), 3)]
    merged = CorpusReport()
    for part in parts:
        merged.merge(part)
    assert merged.summary() == whole.summary()
    assert merged.code_rows() == whole.code_rows()
    assert merged.site_rows() == whole.site_rows()
    assert merged.share_bins == whole.share_bins
    assert merged.finding_rate("template.*") == whole.finding_rate("template.*")
    assert merged.mean_removed_share == pytest.approx(whole.mean_removed_share)


def test_report_pickles(records: list[Article | Reject]) -> None:
    import pickle

    report = CorpusReport.from_articles(records)
    again = pickle.loads(pickle.dumps(report))
    assert again.to_dict() == report.to_dict()
