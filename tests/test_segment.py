from __future__ import annotations

import subprocess
import sys

import newsclean
from newsclean import Draft
from newsclean.filters._shared import looks_like_headline, looks_like_prose
from newsclean.filters.structure import DetectTitle

BODY = "The council approved the budget on Tuesday after a long debate about school funding."


def test_headline_moves_to_title() -> None:
    article = newsclean.clean(f"Council Approves Budget After Long Debate\n\n{BODY}")
    assert article.title == "Council Approves Budget After Long Debate"
    assert article.text == BODY
    assert [r.reason for r in article.removals] == ["structure.title"]


def test_no_headline_when_the_next_line_is_not_prose() -> None:
    text = "Council Approves Budget\n\nSchools\n\nParks"
    article = newsclean.clean(text)
    assert article.title is None
    assert article.removals == ()


def test_given_title_wins_and_duplicate_headline_is_removed() -> None:
    article = newsclean.clean(
        {
            "text": f"Council approves budget after long debate\n\n{BODY}",
            "title": "Council Approves Budget After Long Debate",
        }
    )
    assert article.title == "Council Approves Budget After Long Debate"
    assert article.text == BODY
    assert article.findings == ()


def test_given_title_that_disagrees_is_a_finding() -> None:
    article = newsclean.clean(
        {
            "text": f"Mayor Resigns Over Housing Scandal\n\n{BODY}",
            "title": "Council Approves Budget",
        }
    )
    assert article.title == "Council Approves Budget"
    assert [f.code for f in article.findings] == ["headline.conflict"]
    assert article.findings[0].evidence["in_text"] == "Mayor Resigns Over Housing Scandal"


def test_filter_alone_on_a_draft() -> None:
    # a first line with no other evidence reads as the headline from five words on
    proposal = DetectTitle().apply(Draft.of(f"Short Headline Goes Here Today\n{BODY}"))
    assert proposal.title == "Short Headline Goes Here Today"
    assert DetectTitle().apply(Draft.of(f"Short Headline Goes Here\n{BODY}")).title is None
    assert [r.index for r in proposal.removals] == [0]


def test_shape_predicates() -> None:
    assert looks_like_headline("NATO to Deepen Ties With Ukraine")
    assert not looks_like_headline("It ended.")
    assert not looks_like_headline("lowercase start of a line here")
    assert looks_like_prose(BODY)
    assert not looks_like_prose("Next Article")


def test_cli_reads_stdin() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "newsclean.cli", "clean", "-q", "--drop-original"],
        input='{"text": "Headline Of The Story Today\\n\\n' + BODY + '"}\n',
        capture_output=True,
        text=True,
        check=True,
    )
    assert '"title": "Headline Of The Story Today"' in proc.stdout
