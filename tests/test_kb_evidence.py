"""Every ``title.*`` finding names the ``as_of`` of the rows it relied on; the corpus report names
the knowledge-base files and their ``as_of`` range."""

from __future__ import annotations

import json
from pathlib import Path

import newsclean
from newsclean.cli import main
from newsclean.filters.facts.kb import kb_files
from newsclean.report import CorpusReport, corpus_report

SEED = Path(__file__).parent.parent / "examples" / "corpus" / "seed-nato.txt"


def _title_findings(text: str, published: str | None = None) -> list[newsclean.Finding]:
    article = newsclean.clean(text, published=published)
    return [f for f in article.findings if f.code.startswith("title.")]


def test_anachronism_and_former_carry_as_of() -> None:
    findings = _title_findings(SEED.read_text(encoding="utf-8"), published="2022-11-30")
    codes = {f.code for f in findings}
    assert {"title.anachronism", "title.former_but_incumbent"} <= codes
    for f in findings:
        ev = f.evidence
        if f.code == "title.anachronism":
            assert all(c["as_of"] for c in ev["claims"])
            assert len(ev["kb_as_of"]) == 2
        else:
            assert ev["as_of"]
            assert ev["position_as_of"]


def test_never_held_carries_as_of() -> None:
    text = "Secretary of State Lloyd Austin met reporters on Tuesday in Washington."
    (finding,) = [f for f in _title_findings(text) if f.code == "title.never_held"]
    assert finding.evidence["as_of"] >= "2025-01-01"
    assert finding.evidence["kb_as_of"]


def test_kb_files_and_report(tmp_path: Path) -> None:
    files = kb_files()
    names = [f["file"] for f in files]
    assert names[0].startswith("newsclean/data/officeholders/")
    assert all(f["rows"] > 0 and f["as_of"][0] <= f["as_of"][1] for f in files)
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text(json.dumps({"text": SEED.read_text(encoding="utf-8")}) + "\n", "utf-8")
    report = corpus_report([corpus])
    assert report.to_dict()["knowledge_base"] == files
    assert "Knowledge base" in report.to_html()
    merged = CorpusReport().merge(report)
    assert merged.knowledge_base == files
    out, data = tmp_path / "report.html", tmp_path / "report.json"
    assert main(["report", str(corpus), "-o", str(out), "--json", str(data), "-q"]) == 0
    assert json.loads(data.read_text("utf-8"))["knowledge_base"] == files
