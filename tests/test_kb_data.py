"""Bundled knowledge-base rows checked against the public record: corrections and new offices."""

from __future__ import annotations

import pytest

import newsclean
from newsclean.filters.facts.kb import load_kb


def _codes(text: str, published: str) -> set[str]:
    article = newsclean.clean(text, published=published)
    return {f.code for f in article.findings if f.code.startswith(("title.", "name."))}


def test_danish_defence_ministers_2013() -> None:
    rows = {t.person: t for t in load_kb().by_position["dk.defence_minister"]}
    assert rows["Nick Hækkerup"].row["end"] == "2013-08-09"
    assert rows["Nicolai Wammen"].row["start"] == "2013-08-09"
    assert rows["Nicolai Wammen"].confidence == "high"
    right = "Danish Defence Minister Nicolai Wammen visited the troops in Helmand on Friday."
    stale = "Danish Defence Minister Nick Hækkerup visited the troops in Helmand on Friday."
    assert _codes(right, "2013-11-15") == set()
    assert "title.not_incumbent" in _codes(stale, "2013-11-15")


@pytest.mark.parametrize(
    ("text", "published", "code"),
    [
        ("WHO Director-General Tedros Adhanom Ghebreyesus spoke in Geneva.", "2022-05-01", None),
        (
            "WHO Director-General Margaret Chan spoke in Geneva.",
            "2020-05-01",
            "title.not_incumbent",
        ),
        ("Israeli Prime Minister Naftali Bennett met the cabinet.", "2021-09-01", None),
        (
            "Israeli Prime Minister Naftali Bennett met the cabinet.",
            "2023-09-01",
            "title.not_incumbent",
        ),
        ("Pope Francis celebrated Mass in St Peter's Square.", "2019-12-25", None),
        ("IMF Managing Director Kristalina Georgieva spoke.", "2023-04-10", None),
        (
            "La directrice générale du FMI Kristalina Georgieva a parlé.",
            "2018-05-02",
            "title.not_incumbent",
        ),
        ("Der Präsident der Weltbank Ajay Banga sprach in Berlin.", "2024-05-02", None),
        ("Swiss President Alain Berset opened the conference.", "2023-06-01", None),
        (
            "Swiss President Alain Berset opened the conference.",
            "2020-06-01",
            "title.not_incumbent",
        ),
        ("Chilean President Gabriel Boric spoke in Santiago.", "2023-01-10", None),
        ("South Korean Prime Minister Han Duck-soo met reporters.", "2023-03-02", None),
        ("South Korean Prime Minister Kim Min-seok met reporters.", "2025-07-03", None),
        (
            "Former Chilean President Sebastián Piñera spoke in Santiago.",
            "2019-01-10",
            "title.former_but_incumbent",
        ),
    ],
)
def test_new_offices(text: str, published: str, code: str | None) -> None:
    codes = _codes(text, published)
    if code is None:
        assert codes == set()
    else:
        assert code in codes


def test_every_new_row_is_sourced() -> None:
    for t in load_kb().tenures:
        if t.source.startswith("newsclean/data/officeholders/extra-world.jsonl"):
            assert t.source_ref
            assert t.row["as_of"] >= "2025-06-30"
            assert t.confidence == "high" or t.row.get("notes"), t.id
