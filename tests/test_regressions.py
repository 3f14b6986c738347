"""Bugs found by the property tests, each pinned by the input that found it."""

from __future__ import annotations

from tests.invariants import check_article, check_idempotent

import newsclean
from newsclean._offsets import OffsetMap, TextEdit


def clean_twice(text: str) -> newsclean.Article:
    article = newsclean.clean(text)
    check_article(article)
    again = newsclean.clean(article.text)
    check_article(again)
    check_idempotent(article, again)
    return article


def test_touching_edits_stay_separate_regions() -> None:
    text, offsets = OffsetMap().then(
        "Ã©\rÃ©",
        [
            TextEdit(0, 2, "é", "normalize.encoding"),
            TextEdit(2, 3, "\n", "normalize.line_break"),
            TextEdit(3, 5, "é", "normalize.encoding"),
        ],
    )
    assert text == "é\né"
    assert offsets.span((0, 1)) == (0, 2)
    assert offsets.span((2, 3)) == (3, 5)
    article = clean_twice("Ã©\rÃ©")
    assert [(r.span, r.text, r.reason) for r in article.removals] == [
        ((3, 5), "Ã©", "boilerplate.duplicate")
    ]


def test_a_deletion_joins_what_follows_it_not_the_line_break_before() -> None:
    # (a letter after the sign: a line of symbols only now leaves as structure.empty)
    article = clean_twice(" \x80a\r\u200e\x80a")
    assert article.text == "€a"
    assert [r.text for r in article.removals] == ["\u200e\x80a"]


def test_ftfy_runs_on_text_with_converted_line_breaks() -> None:
    article = clean_twice("abc\r\nMoÃ¢â‚¬â„¢s")
    assert article.paragraphs == ("abc", "Mo’s")


def test_mojibake_split_by_a_deleted_character() -> None:
    assert clean_twice("\x80ß\u200e").text == "ۧ"


def test_an_encoded_line_break_does_not_split_a_line() -> None:
    article = clean_twice("a&#10;b and &#13;c")
    assert article.text == "a b and c"


def test_paragraphs_are_grouped_by_blank_lines_between_kept_lines() -> None:
    article = clean_twice("0\r1\r\rNO TIME TO READ\r{A0}")
    assert article.paragraphs == ("0", "1")


def test_the_first_body_line_is_not_a_headline_on_a_second_run() -> None:
    article = clean_twice("0:0:0\r0:0:0:0:0:0:0:0!\r0:0:0:0:0:0:0:0.")
    assert article.title is None


def test_code_context_of_a_weak_token_is_the_lines_still_in_the_text() -> None:
    # "=SUBSCIBE;" looks like code, but the catalogue removes it (a misspelt "Subscribe"): the
    # token next to it is judged as a second cleaning, without that line, judges it
    article = clean_twice("=SUBSCIBE;\r{{A}}")
    assert article.text == ""
    assert [f.code for f in article.findings] == ["template.token"]


def test_a_heading_is_not_kept_for_lines_after_a_comments_heading() -> None:
    # the short first line was kept as the heading of a line that strip_edges then removed as
    # comments; cleaning the result again removed the lone line
    pipeline = newsclean.default_pipeline("page")
    article = pipeline("000000000:0:0\rCOMMENT\r0:A:A:AAAAAA.")
    check_article(article)
    again = pipeline(article.text)
    check_idempotent(article, again)
    assert article.text == again.text == ""


def test_a_line_of_ellipses_from_nel_is_kept_on_every_run() -> None:
    # NEL is normalized to "…": such a line was blank in the input, so no removal may record it,
    # and cleaning the result again (a real "…") must keep it too
    article = clean_twice("\x85\r\x85")
    assert article.text == "…\n\n…"


def test_a_line_without_words_is_not_a_headline() -> None:
    # "0<a>0" made the template check read "{{B}}" as code beside HTML, then became the title;
    # cleaning the body again, without that line, flagged "{{B}}"
    article = clean_twice("0&lt;a&gt;0\r0:0:0:0:0:0:0:0.\r{{B}}")
    assert article.title is None


def test_an_indented_line_of_nothing_but_a_placeholder_goes_on_every_run() -> None:
    # the tab made "{0}" a code line, kept; cleaning the result, which has no tab, removed it
    assert clean_twice("\t{0}").text == ""
    # an indented neighbour counts by what it holds, for the same reason
    assert "{0}" not in clean_twice("\tx = 1\n\t{0}").text


def test_a_closing_brace_alone_is_no_code_cue_for_its_neighbours() -> None:
    # "}" alone on a line read as code beside "{{ city }}" and excused it; the brace line is then
    # removed as symbols only, and cleaning the result again, without it, flagged the token
    text = (
        "The Said Said Said Said Tuesday President Prime Markets Markets\n \n{NAME}\n \n"
        "close menu\n \n{{ city }}\n \n{{ city }\n}\n \nThe the the the the the the the."
    )
    article = clean_twice(text)
    assert "{{ city }}" not in article.text
    # a brace closing a block of code is still code beside it
    code = "if (x) {\n    print(value)\n}\n\nThe council met on Tuesday to discuss the budget."
    assert "print(value)" in newsclean.clean(code).text
