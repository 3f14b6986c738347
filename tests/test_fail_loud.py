"""Runs that fail loudly: nothing cleaned, or mostly rejects, never passes as a success."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsclean.cli import main
from newsclean.errors import UnknownOptionError
from newsclean.io import Reject
from newsclean.runs import Counts, output_fields, shape_record

PAGES = [
    {
        "id": f"p{i}",
        "url": "u",
        "page_text": "Stocks rose on Monday.\nShare this article",
        "extracted_text": "x",
    }
    for i in range(12)
]
NAMES = "fields seen: page_text, extracted_text"


def write(path: Path, records: list[dict[str, object]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


@pytest.fixture
def pages(tmp_path: Path) -> Path:
    return write(tmp_path / "pages.jsonl", PAGES)


def test_clean_of_the_wrong_field_exits_3_and_names_it(
    pages: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out.jsonl"
    assert main(["clean", str(pages), "-o", str(out)]) == 3
    err = capsys.readouterr().err
    assert f"newsclean: error: no record has 'text'; {NAMES}; try --text-field page_text" in err
    # five rejects told one by one, then the reason once, with its count and first place
    assert err.count("newsclean: rejected ") == 5
    assert f"     12  missing text field 'text'  ({pages}:1)" in err
    assert main(["clean", str(pages), "-o", str(out), "--text-field", "page_text"]) == 0


def test_report_learn_and_check_fail_the_same_way(
    pages: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for argv in (
        ["report", str(pages), "-o", str(tmp_path / "r.html")],
        ["learn", str(pages), "-o", str(tmp_path / "p.json")],
        ["check", str(pages), "--max-rate", "template.*=0"],
    ):
        assert main(argv) == 3, argv
        assert "try --text-field page_text" in capsys.readouterr().err
        assert main([*argv, "--text-field", "page_text"]) == 0, argv


def test_max_reject_rate(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    records = [{"text": "Stocks rose."}] * 3 + [{"text": 42}]
    src = write(tmp_path / "in.jsonl", records)
    out = str(tmp_path / "o.jsonl")
    assert main(["clean", str(src), "-o", out, "-q"]) == 0
    assert main(["clean", str(src), "-o", out, "-q", "--max-reject-rate", "10%"]) == 3
    assert "1 of 4 records rejected (25%), more than the 10% allowed" in capsys.readouterr().err
    assert main(["clean", str(src), "-o", out, "--max-reject-rate", "2"]) == 2


def test_an_unknown_input_format_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src = write(tmp_path / "pages.csv", PAGES)
    out = tmp_path / "o.jsonl"
    assert main(["clean", str(src), "-o", str(out)]) == 2
    assert "unknown input format '.csv'" in capsys.readouterr().err
    assert not out.exists()


def test_counts_add_up_reject_reasons() -> None:
    a = Counts.of(Reject("a.jsonl", 3, "invalid JSON: Expecting value (column 4)"))
    b = Counts.of(Reject("b.jsonl", 9, "invalid JSON: Expecting value (column 17)"))
    total = a + b
    assert total.reject_reasons == {"invalid JSON: Expecting value (column N)": 2}
    assert total.first_reject == {"invalid JSON: Expecting value (column N)": "a.jsonl:3"}
    assert total.verdict() == (
        "no record was cleaned: 2 rejected (2x invalid JSON: Expecting value (column N))"
    )
    assert Counts().verdict() == "no records were read: the input is empty"


# -- lean output ------------------------------------------------------------------------------


def test_fields_and_removals_shape_the_output(pages: Path, tmp_path: Path) -> None:
    out = tmp_path / "o.jsonl"
    argv = ["clean", str(pages), "-o", str(out), "--text-field", "page_text", "-q"]
    assert main([*argv, "--fields", "id,title,text,findings,removals,meta.extracted_text",
                 "--removals", "codes"]) == 0  # fmt: skip
    first = json.loads(out.read_text(encoding="utf-8").splitlines()[0])
    assert first == {
        "id": "p0",
        "title": None,
        "text": "Stocks rose on Monday.",
        "findings": [],
        "removals": ["boilerplate.share"],
        "meta.extracted_text": "x",
    }
    assert main([*argv, "--removals", "none"]) == 0
    assert "removals" not in json.loads(out.read_text(encoding="utf-8").splitlines()[0])
    # what the lean form leaves is still a record the report and check read
    assert main([*argv, "--removals", "codes", "--drop-original"]) == 0
    assert main(["check", str(out), "--max-rate", "template.*=0"]) == 0


def test_an_unknown_output_field_suggests_the_nearest(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["clean", "--fields", "id,titel"]) == 2
    assert "Did you mean 'title'?" in capsys.readouterr().err
    with pytest.raises(UnknownOptionError):
        output_fields("")
    with pytest.raises(UnknownOptionError, match="removals must be one of"):
        shape_record({}, removals="some")
