"""``newsclean kb import`` on the shipped Wikidata fixtures, and ``newsclean kb stale``."""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

import pytest

from newsclean.cli import main
from newsclean.commands.kb import cutoff, stale_offices
from newsclean.errors import ConfigError
from newsclean.filters.facts.kb import check_file

DATA = Path(__file__).parent / "data" / "wikidata"


def _import(tmp_path: Path, source: Path, *extra: str) -> dict[str, dict[str, object]]:
    out = tmp_path / "rows.jsonl"
    assert main(["kb", "import", "--wikidata", str(source), "-o", str(out), *extra]) == 0
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert check_file(out) == []
    by_person = {str(r["person"]): r for r in rows if r["start"] != "2013-01-10"}
    by_person.update(("acting", r) for r in rows if r["start"] == "2013-01-10")
    return by_person


@pytest.mark.parametrize("name", ["entities.jsonl", "query.json"])
def test_import_fixture(tmp_path: Path, name: str) -> None:
    rows = _import(tmp_path, DATA / name, "--as-of", "2026-11-30")
    ana = rows["Ana Testa"]
    assert ana["position_id"] == "xf.prime_minister_of_freedonia"
    assert ana["role"] == "head_of_government"
    assert ana["jurisdiction_code"] == "XF"
    assert (ana["start"], ana["end"]) == ("2010-03-01", "2014-05")
    assert ana["end_precision"] == "month"
    assert ana["person_aliases"] == ["Ana M. Testa"]
    assert "Freedonian Prime Minister" in ana["position_aliases"]  # type: ignore[operator]
    assert "Premierminister von Freedonien" in ana["position_aliases"]  # type: ignore[operator]
    assert ana["position_aliases_generic"] == ["Prime Minister"]
    assert ana["provenance"] == "wikidata"
    assert ana["as_of"] == "2026-11-30"
    assert str(ana["source_ref"]).startswith("wikidata:Q990101")
    assert ana["person_wikidata"] == "Q990101"
    # a year-precision start with no end, closed at the next holder's start
    bruno = rows["Bruno Probe"]
    assert (bruno["start"], bruno["start_precision"]) == ("2014", "year")
    assert bruno["end"] == "2019-06-02"
    assert bruno["confidence"] == "medium"
    # the current holder is open; the deprecated statement (start 2018) is gone
    carla = [r for r in rows.values() if r["person"] == "Carla Versuch"]
    assert [(r["start"], r["end"]) for r in carla] == [("2019-06-02", None)]
    assert carla[0]["confidence"] == "high"
    # two terms of one person, the second acting; the decade-precision statement is dropped
    dmitri = rows["Dmitri Testov"]
    assert dmitri["role"] == "foreign_minister"
    assert dmitri["person_aliases"] == ["Dmitrij Testow"]  # no Cyrillic or Hebrew forms
    assert rows["acting"]["acting"] is True
    assert rows["acting"]["person"] == "Dmitri Testov"
    assert not any(r["start"] == "1990" for r in rows.values())


def test_entities_non_latin_only_label(tmp_path: Path) -> None:
    rows = _import(tmp_path, DATA / "entities.jsonl", "--as-of", "2026-11-30")
    (hanako,) = [r for r in rows.values() if r["person_wikidata"] == "Q990105"]
    assert hanako["person"] == "試験 花子"
    assert hanako["id"] == "xf.minister_of_foreign_affairs_of_freedonia:q990105:2017-04-01"


def test_query_bare_qid_label_dropped(tmp_path: Path) -> None:
    rows = _import(tmp_path, DATA / "query.json", "--as-of", "2026-11-30")
    assert not any(r["person_wikidata"] == "Q990105" for r in rows.values())


def test_entity_dump_layout_and_file_date(tmp_path: Path) -> None:
    lines = (DATA / "entities.jsonl").read_text(encoding="utf-8").splitlines()
    dump = tmp_path / "dump.json"
    dump.write_text("[\n" + ",\n".join(lines) + "\n]\n", encoding="utf-8")
    stamp = dt.datetime(2026, 3, 4, 12, 0).timestamp()
    os.utime(dump, (stamp, stamp))
    rows = _import(tmp_path, dump)
    assert {r["as_of"] for r in rows.values()} == {"2026-03-04"}
    assert len(rows) == 6


def test_import_positional_and_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "rows.jsonl"
    assert (
        main(["kb", "import", str(DATA / "query.json"), "-o", str(out), "--as-of", "2026-01-01"])
        == 0
    )
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "Q1"}\nnot json\n', encoding="utf-8")
    assert main(["kb", "import", "--wikidata", str(bad), "-o", str(out), "--as-of", "2026-01-01"])
    assert "bad.jsonl:2: not a Wikidata entity line" in capsys.readouterr().err
    assert main(["kb", "import", "-o", str(out)])  # no file


def test_cutoff() -> None:
    today = dt.date(2026, 8, 31)
    assert cutoff("6m", today) == dt.date(2026, 2, 28)
    assert cutoff("1y", today) == dt.date(2025, 8, 31)
    assert cutoff("30d", today) == dt.date(2026, 8, 1)
    assert cutoff("2w", today) == dt.date(2026, 8, 17)
    assert cutoff("18m", dt.date(2026, 1, 15)) == dt.date(2024, 7, 15)
    with pytest.raises(ConfigError):
        cutoff("six months", today)


def _overlay(tmp_path: Path) -> Path:
    row = {
        "id": "xf.president:jo-fresh:2026-01-01",
        "person": "Jo Fresh",
        "position": "President of Freedonia",
        "position_id": "xf.president",
        "start": "2026-01-01",
        "as_of": "2026-10-01",
    }
    path = tmp_path / "fresh.jsonl"
    path.write_text(json.dumps(row) + "\n", encoding="utf-8")
    return path


def test_stale(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    overlay = _overlay(tmp_path)
    listed = stale_offices([str(overlay)], "6m", dt.date(2026, 12, 1))
    ids = [p for p, *_ in listed]
    assert "xf.president" not in ids
    assert "un.secretary_general" in ids
    assert listed == sorted(listed, key=lambda r: (r[1], r[0]))
    # nothing is older than a long age
    assert stale_offices([str(overlay)], "100y", dt.date(2026, 12, 1)) == []
    args = ["kb", "stale", str(overlay), "--older-than", "6m", "--today", "2026-12-01"]
    assert main(args) == 0
    out = capsys.readouterr().out
    assert "un.secretary_general\t" in out
    assert "xf.president" not in out
    assert main([*args, "--fail"]) == 1
    assert main(["kb", "stale", "--older-than", "100y", "--today", "2026-12-01", "--fail"]) == 0
    assert main(["kb", "stale", "--today", "yesterday"])
