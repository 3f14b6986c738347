"""Normalization: every change recorded, and the ftfy fast path changes nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from newsclean import Pipeline, make_filter
from newsclean._offsets import TextEdit, apply_edits
from newsclean.filters.normalize import ftfy_config, ftfy_line

NORMALIZE = Pipeline(
    [
        make_filter("fix_line_breaks"),
        make_filter("fix_encoding"),
        make_filter("strip_invisible"),
        make_filter("normalize_whitespace"),
    ]
)


def normalized(text: str) -> str:
    article = NORMALIZE(text)
    edits = [TextEdit(e.span[0], e.span[1], e.replacement, e.code) for e in article.edits]
    return apply_edits(text, edits)


@pytest.mark.parametrize(
    ("raw", "clean", "code"),
    [
        ("cafÃ© au lait", "café au lait", "normalize.encoding"),
        ("Tom &amp; Jerry", "Tom & Jerry", "normalize.html_entity"),
        ("zero\u200bwidth", "zerowidth", "normalize.invisible"),
        ("soft\u00adhyphen", "softhyphen", "normalize.soft_hyphen"),
        ("a\u00a0b   c ", "a b c", "normalize.whitespace"),
        ("one\r\ntwo", "one\ntwo", "normalize.line_break"),
        ("bell\x07 char", "bell char", "normalize.control"),
        ("e\u0301t\u00e9", "\u00e9t\u00e9", "normalize.unicode_form"),
    ],
)
def test_each_change_is_an_edit_with_its_code(raw: str, clean: str, code: str) -> None:
    article = NORMALIZE(raw)
    assert normalized(raw) == clean
    assert code in {e.code for e in article.edits}


def test_typography_is_kept() -> None:
    text = "“Curly” quotes, ‘single’ ones, Ｆｕｌｌ width, ½ and x² stay."
    assert normalized(text) == text
    assert NORMALIZE(text).edits == ()


def test_zwj_and_zwnj_are_kept() -> None:
    text = "family 👨\u200d👩\u200d👧 and می\u200cخواهم"
    assert normalized(text) == text


def reference(text: str) -> str:
    """ftfy on every line, with the project's settings: what the fast path must equal.

    A line break that ftfy decodes inside a line (an entity, or the mojibake of U+2028) becomes a
    space, as ``fix_encoding`` does: a repair never splits a line.
    """
    config = ftfy_config()
    return "\n".join(ftfy_line(line, config).replace("\n", " ") for line in text.split("\n"))


def fix_encoding_only(text: str) -> str:
    article = Pipeline([make_filter("fix_line_breaks"), make_filter("fix_encoding")])(text)
    edits = [TextEdit(e.span[0], e.span[1], e.replacement, e.code) for e in article.edits]
    return apply_edits(text, edits)


PRINTABLE = st.characters(min_codepoint=0x20, max_codepoint=0x2FF, blacklist_categories=("Cs",))


@settings(max_examples=80)
@given(st.text(alphabet=st.one_of(PRINTABLE, st.sampled_from("\n&<;#\t")), max_size=80))
def test_fast_path_equals_ftfy_on_every_line(text: str) -> None:
    assert fix_encoding_only(text) == reference(text)


@settings(max_examples=60)
@given(st.text(max_size=40).map(lambda s: s.encode("utf-8").decode("latin-1")))
@example("â\x80¨")  # the mojibake of U+2028: a line break decoded inside a line
def test_mojibake_is_fixed_like_ftfy(text: str) -> None:
    text = text.replace("\r", "").replace("\x0b", "").replace("\x0c", "")
    text = text.replace("\u2028", "").replace("\u2029", "")
    assert fix_encoding_only(text) == reference(text)


@pytest.mark.shared
def test_fast_path_equals_ftfy_on_dev_pages(shared_dir: Path) -> None:
    path = shared_dir / "data" / "boilerplate-dev.jsonl"
    with path.open(encoding="utf-8") as fh:
        for i, line in enumerate(fh):
            if i >= 120:
                break
            rec = json.loads(line)
            for field in ("extracted_text", "page_text"):
                text = (rec.get(field) or "").replace("\r", "")
                assert fix_encoding_only(text) == reference(text), rec["id"]
