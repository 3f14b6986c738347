"""The bundled examples: clean articles must come out untouched, article lines must survive."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import newsclean

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def load(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


CLEAN = load(EXAMPLES / "clean" / "articles.jsonl")
CORPUS = {r["id"]: r for r in load(EXAMPLES / "corpus" / "articles.jsonl")}
CORPUS["seed-nato"] = {
    "id": "seed-nato",
    "text": (EXAMPLES / "corpus" / "seed-nato.txt").read_text(),
}
EXPECTED = load(EXAMPLES / "corpus" / "expected.jsonl")


@pytest.mark.parametrize("preset", ["extracted", "page"])
@pytest.mark.parametrize("record", CLEAN, ids=[r["id"] for r in CLEAN])
def test_clean_articles_are_left_alone(record: dict[str, Any], preset: str) -> None:
    article = newsclean.clean(record, preset=preset)
    assert [(r.reason, r.text) for r in article.removals] == []
    assert [(f.code, f.message) for f in article.findings] == []


@pytest.mark.parametrize("expected", EXPECTED, ids=[e["id"] for e in EXPECTED])
def test_article_lines_survive(expected: dict[str, Any]) -> None:
    article = newsclean.clean(CORPUS[expected["id"]])
    body = article.text
    lost = [line for line in expected["keep"] if line not in body and line != article.title]
    assert lost == []
