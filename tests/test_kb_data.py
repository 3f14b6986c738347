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


@pytest.mark.parametrize(
    ("text", "published", "code"),
    [
        # central banks of Germany, Spain, Italy and Portugal
        ("Bundesbank President Jens Weidmann said inflation would ease.", "2017-03-09", None),
        ("Bundesbank-Präsident Joachim Nagel begrüßte die Zinssenkung.", "2024-06-07", None),
        (
            "Bundesbank-Präsident Jens Weidmann begrüßte die Zinssenkung.",
            "2024-06-07",
            "title.not_incumbent",
        ),
        (
            "Le président de la Bundesbank Jens Weidmann a salué la baisse des taux.",
            "2023-06-07",
            "title.not_incumbent",
        ),
        (
            "El gobernador del Banco de España, José Luis Escrivá, actualizó las previsiones.",
            "2025-06-03",
            None,
        ),
        (
            "El gobernador del Banco de España, Pablo Hernández de Cos, actualizó las previsiones.",
            "2025-06-03",
            "title.not_incumbent",
        ),
        ("Il governatore della Banca d'Italia Fabio Panetta ha parlato.", "2025-05-30", None),
        (
            "Il governatore della Banca d'Italia Ignazio Visco ha parlato.",
            "2025-05-30",
            "title.not_incumbent",
        ),
        ("Il governatore della Banca d'Italia Ignazio Visco ha parlato.", "2019-05-31", None),
        (
            "O governador do Banco de Portugal, Mário Centeno, apresentou o boletim.",
            "2025-06-15",
            None,
        ),
        (
            "O governador do Banco de Portugal, Mário Centeno, apresentou o boletim.",
            "2025-10-15",
            "title.not_incumbent",
        ),
        # Poland's interior minister, Spain's economy minister
        (
            "Minister spraw wewnętrznych Tomasz Siemoniak zapowiedział kontrole.",
            "2025-01-20",
            None,
        ),
        (
            "Minister spraw wewnętrznych Tomasz Siemoniak zapowiedział kontrole.",
            "2025-08-20",
            "title.not_incumbent",
        ),
        ("Polish Interior Minister Marcin Kierwiński visited the border.", "2025-08-20", None),
        ("El ministro de Economía Carlos Cuerpo presentó el cuadro macro.", "2025-03-10", None),
        (
            "El exministro de Economía Carlos Cuerpo presentó el cuadro macro.",
            "2025-03-10",
            "title.former_but_incumbent",
        ),
        ("La ministra de Economía Nadia Calviño presentó la reforma.", "2022-06-18", None),
        # successions since June 2025: Argentina, the Netherlands, France; Canada re-checked
        ("El canciller argentino Pablo Quirno se reunió con Mauro Vieira.", "2025-11-10", None),
        (
            "El canciller argentino Gerardo Werthein se reunió con Mauro Vieira.",
            "2025-11-10",
            "title.not_incumbent",
        ),
        (
            "Minister van Buitenlandse Zaken Caspar Veldkamp sprak in New York.",
            "2025-09-20",
            "title.not_incumbent",
        ),
        (
            "Minister van Buitenlandse Zaken Caspar Veldkamp sprak in New York.",
            "2025-06-20",
            None,
        ),
        ("La ministre des Armées Catherine Vautrin a visité Bergerac.", "2025-12-01", None),
        (
            "Le ministre des Armées Sébastien Lecornu a visité Bergerac.",
            "2025-12-01",
            "title.not_incumbent",
        ),
        (
            "Former Canadian prime minister Mark Carney spoke in Ottawa.",
            "2025-10-20",
            "title.former_but_incumbent",
        ),
        ("Canadian Prime Minister Mark Carney spoke in Ottawa.", "2025-10-20", None),
    ],
)
def test_offices_added_and_rechecked(text: str, published: str, code: str | None) -> None:
    codes = _codes(text, published)
    if code is None:
        assert not codes - {"title.unverifiable"}, codes
    else:
        assert code in codes


def test_added_offices_are_sourced() -> None:
    for t in load_kb().tenures:
        if t.source.startswith("newsclean/data/officeholders/extra-offices.jsonl"):
            assert t.source_ref.count("http") >= 1, t.id
            assert t.confidence == "high" or t.row.get("notes"), t.id
