from __future__ import annotations

import re
from html.parser import HTMLParser

from hypothesis import given
from hypothesis import strategies as st

import newsclean
from newsclean.codes import Severity
from newsclean.display import segments
from newsclean.record import Article, Finding, Removal

HOSTILE = "Title <b>Bold</b> Here\n\n<script>alert(1)</script>\n\nHi {NAME} & 'you' \"there\"."


class _Collect(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self.stack: list[str] = []
        self.inside: dict[str, list[str]] = {"del": [], "mark": []}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag in ("del", "mark"):
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in ("del", "mark") and self.stack:
            self.stack.pop()

    def handle_data(self, data: str) -> None:
        self.text.append(data)
        for tag in set(self.stack):
            self.inside[tag].append(data)


def test_segments_cover_the_original_once() -> None:
    a = newsclean.clean(HOSTILE)
    segs = [s for s in segments(a) if s.text]
    assert "".join(s.text for s in segs) == a.original
    for r in a.removals:
        assert "".join(s.text for s in segs if s.removal is r) == r.text


def test_overlapping_spans_and_empty_finding() -> None:
    f1 = Finding("template.token", Severity.ERROR, (2, 6), "one")
    f2 = Finding("template.filler", Severity.WARNING, (4, 8), "two")
    f3 = Finding("template.leftover", Severity.INFO, (9, 9), "zero width")
    a = Article(
        text="",
        original="0123456789",
        removals=(Removal((0, 5), "01234", "boilerplate.ad"),),
        findings=(f1, f2, f3),
    )
    got = [(s.text, s.removal is not None, {f.code for f in s.findings}) for s in segments(a)]
    assert got == [
        ("01", True, set()),
        ("23", True, {"template.token"}),
        ("4", True, {"template.token", "template.filler"}),
        ("5", False, {"template.token", "template.filler"}),
        ("67", False, {"template.filler"}),
        ("8", False, set()),
        ("", False, {"template.leftover"}),
        ("9", False, set()),
    ]


def test_article_html_strikes_removals_marks_findings_and_escapes() -> None:
    a = newsclean.clean(HOSTILE)
    html = a._repr_html_()
    assert "<script>" not in html
    assert "<b>" not in html
    parser = _Collect()
    parser.feed(html)
    text = "".join(parser.text)
    assert "<script>alert(1)</script>" in text  # shown, as text
    dels = [attrs for tag, attrs in parser.tags if tag == "del"]
    assert {d["data-reason"] for d in dels} >= {r.reason for r in a.removals}
    assert all(d["title"] for d in dels)  # the reason on hover
    marks = [attrs for tag, attrs in parser.tags if tag == "mark"]
    assert marks
    assert "template.token" in (marks[0]["title"] or "")
    assert "{NAME}" in "".join(parser.inside["mark"])
    removed = "".join(parser.inside["del"])
    for r in a.removals:
        assert r.text in removed
    assert "<style>" in html
    assert "http" not in html


def test_article_html_without_original() -> None:
    a = Article(text="Only <text>.", original="", title="T")
    assert "Only &lt;text&gt;." in a._repr_html_()


@st.composite
def _records(draw: st.DrawFn) -> Article:
    original = draw(st.text(alphabet="ab<>&'\"\n {}é", max_size=40))
    n = len(original)
    span = st.tuples(st.integers(0, n), st.integers(0, n)).map(lambda t: (min(t), max(t)))
    removals = tuple(
        Removal(s, original[s[0] : s[1]], "boilerplate.ad")
        for s in draw(st.lists(span, max_size=3))
    )
    findings = tuple(
        Finding("template.token", Severity.ERROR, s, "m<&>")
        for s in draw(st.lists(span, max_size=3))
    )
    return Article(text="", original=original, removals=removals, findings=findings)


@given(_records())
def test_segments_partition_and_html_shows_exactly_the_original(article: Article) -> None:
    segs = segments(article)
    assert "".join(s.text for s in segs) == article.original
    assert [s.start for s in segs] == sorted(s.start for s in segs)
    for s in segs:
        for f in s.findings:
            assert f.span[0] <= s.start
            assert s.end <= f.span[1]
    parser = _Collect()
    html = article._repr_html_()
    body = html[html.index("<div class='nc-body'>") :]
    body = re.sub(r"<span class='nc-tag'>[^<]*</span>", "", body)  # labels of zero-width marks
    parser.feed(body[: body.index("</div>") + 6])
    assert "".join(parser.text) == article.original


def test_article_html_lists_normalization_edits() -> None:
    a = newsclean.clean(
        "Caf\u00c3\u00a9 Opens Its Doors Today\n\nThe new caf\u00c3\u00a9 opened on Monday."
    )
    assert a.edits
    html = a._repr_html_()
    assert f"{len(a.edits)} normalization edits" in html
    assert "normalize.encoding" in html
