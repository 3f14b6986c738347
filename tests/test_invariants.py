"""Record invariants for any text: spans valid, nothing lost outside removals, idempotence."""

from __future__ import annotations

import itertools

from hypothesis import given
from hypothesis import strategies as st

import newsclean
from newsclean import Article
from newsclean._offsets import TextEdit, apply_edits

CHROME = ["Share this article", "Next Article", "Previous Article", "No time to read?", "{TITLE}"]
LINES = st.one_of(
    st.text(max_size=60),
    st.sampled_from(CHROME),
    st.sampled_from(["A Short Headline Line", "A sentence of body text that ends well.", ""]),
)
TEXTS = st.one_of(st.text(max_size=200), st.lists(LINES, max_size=12).map("\n".join))


def check_invariants(article: Article) -> None:
    original = article.original
    spans = sorted(r.span for r in article.removals)
    for r in article.removals:
        assert 0 <= r.span[0] <= r.span[1] <= len(original)
        assert original[r.span[0] : r.span[1]] == r.text
        assert r.reason
    assert all(a[1] <= b[0] for a, b in itertools.pairwise(spans)), "removals overlap"
    for f in article.findings:
        assert 0 <= f.span[0] <= f.span[1] <= len(original)
    for s in article.paragraph_spans:
        assert 0 <= s[0] <= s[1] <= len(original)
    # the normalized input is the original with the recorded edits applied
    normalized = apply_edits(
        original, [TextEdit(e.span[0], e.span[1], e.replacement, e.code) for e in article.edits]
    )
    # every non-blank normalized line is a kept line or a removed one: nothing else is lost
    kept_lines = [ln.strip() for p in article.paragraphs for ln in p.split("\n")]
    removed = {r.span for r in article.removals}
    kept_iter = iter(kept_lines)
    pending = next(kept_iter, None)
    removed_count = 0
    for line in normalized.split("\n"):
        if not line.strip():
            continue
        if pending is not None and line.strip() == pending:
            pending = next(kept_iter, None)
        else:
            removed_count += 1
    assert pending is None, "a kept line is not in the normalized input"
    assert removed_count == len(removed)
    assert article.text == "\n\n".join(article.paragraphs)


@given(TEXTS)
def test_invariants_hold_for_any_text(text: str) -> None:
    check_invariants(newsclean.clean(text))


@given(TEXTS)
def test_invariants_hold_for_page_preset(text: str) -> None:
    check_invariants(newsclean.clean(text, preset="page"))


@given(TEXTS)
def test_cleaning_is_idempotent(text: str) -> None:
    once = newsclean.clean(text).text
    assert newsclean.clean(once).text == once
