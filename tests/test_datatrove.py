"""The datatrove adapter, run by a real datatrove LocalPipelineExecutor."""

from __future__ import annotations

import gzip
import json
import pickle
from pathlib import Path

import pytest

from newsclean import default_pipeline

pytest.importorskip("datatrove")

from datatrove.data import Document
from datatrove.executor import LocalPipelineExecutor
from datatrove.pipeline.writers import JsonlWriter

from newsclean.integrations.datatrove import NewscleanFilter

SEED = Path(__file__).resolve().parents[1] / "examples" / "corpus" / "seed-nato.txt"


def docs() -> list[Document]:
    seed = SEED.read_text(encoding="utf-8")
    return [
        Document(text=seed, id="seed", metadata={"url": "https://example.org/a"}),
        Document(text="Body of a story.\nShare this article", id="plain", metadata={}),
        Document(text="Share this article\nSubscribe to our newsletter", id="chrome", metadata={}),
        Document(text="Dear {{first_name}}, the story goes on.", id="tmpl", metadata={}),
    ]


def test_filter_cleans_text_and_records_findings() -> None:
    step = NewscleanFilter(drop_not_ok=False)
    doc = docs()[1]
    assert step.filter(doc) is True
    assert doc.text == "Body of a story."
    info = doc.metadata["newsclean"]
    assert [r["reason"] for r in info["removals"]] == ["boilerplate.share"]
    assert info["ok"] is True
    assert "original" not in info


def test_step_pickles_by_reference() -> None:
    step = NewscleanFilter(default_pipeline("page"))
    again = pickle.loads(pickle.dumps(step))
    assert type(again) is type(step)
    assert again.pipeline == default_pipeline("page")


def test_local_executor(tmp_path: Path) -> None:
    expected = {d.id: default_pipeline()({"text": d.text, "id": d.id}) for d in docs()}
    executor = LocalPipelineExecutor(
        pipeline=[
            docs(),
            NewscleanFilter(drop_not_ok=True),
            JsonlWriter(str(tmp_path / "out"), output_filename="clean.jsonl.gz"),
        ],
        tasks=1,
        logging_dir=str(tmp_path / "logs"),
    )
    executor.run()
    with gzip.open(tmp_path / "out" / "clean.jsonl.gz", "rt", encoding="utf-8") as fh:
        out = {r["id"]: r for r in map(json.loads, fh)}
    dropped = {i for i, a in expected.items() if not a.ok or not a.text}
    assert set(out) == set(expected) - dropped
    for i, rec in out.items():
        assert rec["text"] == expected[i].text
        assert rec["metadata"]["newsclean"]["findings"] == [
            f.to_dict() for f in expected[i].findings
        ]
    stats = json.loads((tmp_path / "logs" / "stats.json").read_text())
    step_stats = next(s for s in stats if "newsclean" in s["name"])["stats"]
    assert step_stats["total"] == len(expected)
    assert step_stats.get("dropped", 0) == len(dropped)
    assert step_stats["dropped_empty"] == 1  # the all-chrome document
    assert step_stats["removal_boilerplate.share"] >= 2


def test_text_field_from_the_metadata() -> None:
    step = NewscleanFilter(text_field="page_text")
    doc = Document(
        text="extracted", id="p", metadata={"page_text": "Body of a story.\nShare this article"}
    )
    assert step.filter(doc) is True
    assert doc.text == "Body of a story."
    assert "page_text" not in doc.metadata
    same = Document(text="Body of a story.\nShare this article", id="q", metadata={})
    assert step.filter(same) is True  # a reader given text_key="page_text" put it in doc.text
    assert same.text == "Body of a story."
