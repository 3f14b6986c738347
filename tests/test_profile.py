from __future__ import annotations

import json
from pathlib import Path

import pytest

import newsclean
from newsclean import ConfigError
from newsclean.cli import main
from newsclean.corpus import Profile, learn_profile, line_signature
from newsclean.filters.site import StripSiteRepeated
from newsclean.pipeline import Draft
from newsclean.record import site_of

TOPICS = ["rain", "floods", "wind", "snow", "heat", "drought", "fog", "hail"]


def corpus(n: int = 8, host: str = "https://www.example.com") -> list[dict[str, str]]:
    return [
        {
            "id": str(i),
            "url": f"{host}/story/{i}",
            "text": (
                f"The {TOPICS[i % len(TOPICS)]} closed {i + 2} roads in the region on Monday, "
                "officials said.\n"
                "Subscribe to Example Weekly\n"
                f"© {2020 + i % 3} Example News\n"
                f"Example Radio, episode {i + 1}"
            ),
        }
        for i in range(n)
    ]


def letters(n: int) -> str:
    out = ""
    while True:
        n, r = divmod(n, 26)
        out += chr(97 + r)
        if not n:
            return out


def test_signature_masks_numbers() -> None:
    assert line_signature("© 2024 Example News") == line_signature("©  2025 EXAMPLE news")
    assert line_signature("Updated 12.03.2024, 10:15") == "updated #, #"


def test_site_of() -> None:
    assert site_of(None, "https://www.example.com/a") == "example.com"
    assert site_of("Example", "https://other.org") == "Example"
    assert site_of("www.Example.org") == "Example.org"
    assert site_of(None, "http://[not a url") is None
    assert site_of(None, None) is None


def test_site_field_with_www_finds_its_profile() -> None:
    records = [
        {"site": "www.Example.org", "text": f"Body {i}.\nShared footer line"} for i in range(4)
    ]
    profile = learn_profile(records, min_docs=2)
    assert profile.lines_for("www.example.org") == profile.lines_for("example.org")
    assert profile.lines_for("example.org")


def test_learns_repeated_lines_grouping_near_duplicates() -> None:
    profile = learn_profile(corpus())
    lines = profile.lines_for("example.com")
    assert lines == {
        "subscribe to example weekly": 8,
        "example radio, episode #": 8,
        "© # example news": 8,
    }
    assert profile.documents == {"example.com": 8}
    assert profile.lines_for("www.example.com") == lines


def test_small_sites_and_rare_lines_are_left_out() -> None:
    assert len(learn_profile(corpus(3))) == 0
    assert len(learn_profile(corpus(8), min_share=1.0, min_docs=9)) == 0


def test_deterministic() -> None:
    records = corpus(8) + corpus(6, "https://news.example.org")
    a = learn_profile(records).to_json()
    b = learn_profile(list(records)).to_json()
    assert a == b


def test_memory_cap_holds_and_keeps_frequent_lines() -> None:
    records = []
    for i in range(200):
        unique = "\n".join(f"Unique line {letters(i * 30 + j)} here" for j in range(30))
        records.append({"site": "big", "text": unique + "\nSite Footer Line\n"})
    profile = learn_profile(records, max_entries=200)
    assert profile.params["prunes"] > 0
    assert "site footer line" in profile.lines_for("big")
    # the table never held more than the cap
    from newsclean.corpus.profile import _Counter

    counter = _Counter(200)
    for rec in records:
        counter.add("big", {line_signature(x) for x in rec["text"].split("\n") if x})
        assert len(counter.counts) <= 200


def test_json_round_trip(tmp_path: Path) -> None:
    profile = learn_profile(corpus())
    path = tmp_path / "profile.json"
    profile.save(path)
    again = Profile.load(path)
    assert again.to_dict() == profile.to_dict()
    assert json.loads(path.read_text(encoding="utf-8"))["format"] == "newsclean-site-profile"


def test_bad_profile_files(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("{}", encoding="utf-8")
    with pytest.raises(ConfigError, match="not a newsclean site profile"):
        Profile.load(bad)
    bad.write_text("not json", encoding="utf-8")
    with pytest.raises(ConfigError, match="not JSON"):
        Profile.load(bad)
    with pytest.raises(ConfigError, match="min_share"):
        learn_profile([], min_share=0)


def test_filter_removes_site_lines_only_for_that_site() -> None:
    profile = learn_profile(corpus())
    text = (
        "A new story about the harbour opened on Friday, the mayor said.\nExample Radio, episode 31"
    )
    f = StripSiteRepeated(profile=profile)
    draft = Draft.of(text)
    draft.url = "https://example.com/new"
    assert [(r.index, r.reason, r.rule) for r in f.apply(draft).removals] == [
        (1, "boilerplate.site_repeated", "site_profile")
    ]
    draft.url = "https://elsewhere.net/new"
    assert f.apply(draft).removals == ()
    assert StripSiteRepeated().apply(draft).removals == ()


def test_cli_learn_then_clean_with_profile(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src = tmp_path / "corpus.jsonl"
    src.write_text("".join(json.dumps(r) + "\n" for r in corpus()), encoding="utf-8")
    prof = tmp_path / "profile.json"
    assert main(["learn", str(src), "-o", str(prof), "-q"]) == 0
    assert Profile.load(prof).lines_for("example.com")
    out = tmp_path / "clean.jsonl"
    assert main(["clean", str(src), "--profile", str(prof), "-o", str(out), "-q"]) == 0
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    reasons = {r["reason"] for rec in records for r in rec["removals"]}
    assert "boilerplate.site_repeated" in reasons
    assert all(rec["text"].startswith("The ") for rec in records)


def test_profile_option_by_path(tmp_path: Path) -> None:
    prof = tmp_path / "p.json"
    learn_profile(corpus()).save(prof)
    pipe = newsclean.default_pipeline("page", profile=str(prof))
    article = pipe(
        {
            "text": "Story text that is long enough, said the mayor.\nExample Radio, episode 9",
            "site": "example.com",
        }
    )
    assert article.removals[-1].reason == "boilerplate.site_repeated"
