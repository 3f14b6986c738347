"""Time-aware verdicts: claims dated after an office's ``as_of``."""

from __future__ import annotations

from typing import Any

import pytest

from newsclean.filters.facts import CheckDates, CheckFacts
from newsclean.pipeline import Pipeline
from newsclean.record import Article


def check(text: str, published: str | None = None, **options: Any) -> Article:
    record: dict[str, Any] = {"text": text}
    if published:
        record["published"] = published
    return Pipeline([CheckFacts(**options), CheckDates()])(record)


def found(text: str, published: str | None = None, **options: Any) -> list[tuple[str, str]]:
    article = check(text, published, **options)
    return sorted((f.code, str(f.severity)) for f in article.findings)


STOLTENBERG = "NATO Secretary General Jens Stoltenberg said the allies agreed."


def test_left_before_as_of_with_an_open_successor_warns() -> None:
    article = check(STOLTENBERG, "2026-03-01")
    (f,) = article.findings
    assert (f.code, str(f.severity)) == ("title.not_incumbent", "warning")
    assert "as of 2025-06-30" in f.message
    assert f.evidence["as_of"] == "2025-06-30"
    assert f.evidence["successor"] == "Mark Rutte"


def test_left_before_as_of_turns_info_after_the_window() -> None:
    assert found(STOLTENBERG, "2027-03-01") == [("title.not_incumbent", "info")]
    # the window is an option
    assert found(STOLTENBERG, "2027-03-01", stale_window_months=24) == [
        ("title.not_incumbent", "warning")
    ]
    assert found(STOLTENBERG, "2026-03-01", stale_window_months=0) == [
        ("title.not_incumbent", "info")
    ]


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # the open holder after as_of: cannot be checked
        (
            "NATO Secretary General Mark Rutte said so.",
            "2026-03-01",
            [("title.unverifiable", "info")],
        ),
        # a former holder after as_of: right
        ("Former NATO Secretary General Jens Stoltenberg said so.", "2026-03-01", []),
        ("Then-NATO Secretary General Jens Stoltenberg said so.", "2026-03-01", []),
        # the German chancellor: Scholz left before as_of, Merz's row is open
        (
            "Chancellor Olaf Scholz spoke in Berlin.",
            "2026-02-10",
            [("title.not_incumbent", "warning")],
        ),
        (
            "Chancellor Friedrich Merz spoke in Berlin.",
            "2026-02-10",
            [("title.unverifiable", "info")],
        ),
        # a past event with its year is left alone
        ("In 2023, Chancellor Olaf Scholz spoke in Berlin.", "2026-02-10", []),
        # before as_of nothing changes
        ("Chancellor Olaf Scholz spoke in Berlin.", "2023-02-10", []),
    ],
)
def test_after_as_of(text: str, published: str, expected: list[tuple[str, str]]) -> None:
    assert found(text, published) == expected


def test_never_held_needs_a_date_within_as_of() -> None:
    text = "Secretary of State Lloyd Austin met reporters in Brussels."
    assert found(text, "2024-03-01") == [("title.never_held", "warning")]
    # later than the office's as_of: he might have taken the office since
    article = check(text, "2026-03-01")
    (f,) = article.findings
    assert (f.code, str(f.severity)) == ("title.unverifiable", "info")
    assert f.evidence["as_of"] == "2025-06-30"
    assert "as of 2025-06-30" in f.message
    # without a date the claim is checked against what the knowledge base knows
    assert found(text) == [("title.never_held", "warning")]
