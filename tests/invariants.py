"""A reference checker of the record invariants, from an :class:`Article` alone.

It shares no code with the pipeline's offset arithmetic except :func:`apply_edits` (which has its
own doctest and property test). Every check raises ``AssertionError`` with the details.

The invariants:

1. every span (findings, removals, edits, paragraph spans) lies inside ``original``;
2. ``removal.text == original[removal.span]``; removals do not overlap, nor do edits;
3. applying ``edits`` to ``original`` gives the normalized text;
4. every non-blank line of the normalized text is either removed -- exactly one removal covers
   it, and normalizing that removal's text gives exactly the line -- or kept, and the kept lines,
   in order, are the lines of ``paragraphs``; every removal is the removal of one line;
5. ``text`` is the paragraphs joined by blank lines; each kept line lies inside its paragraph's span.
"""

from __future__ import annotations

import bisect
import itertools
from dataclasses import dataclass

from newsclean import Article, Edit
from newsclean._offsets import TextEdit, apply_edits

Span = tuple[int, int]


def _in_bounds(span: Span, length: int, what: str) -> None:
    start, end = span
    assert isinstance(start, int), f"{what}: span {span} not ints"
    assert isinstance(end, int), f"{what}: span {span} not ints"
    assert 0 <= start <= end <= length, f"{what}: span {span} outside 0..{length}"


def _apart(spans: list[Span], what: str) -> None:
    ordered = sorted(spans)
    for (a0, a1), (b0, b1) in itertools.pairwise(ordered):
        assert a1 <= b0, f"{what} overlap: {(a0, a1)} and {(b0, b1)}"
        if a0 == a1 == b0 == b1:
            raise AssertionError(f"{what}: two empty spans at {a0}")


@dataclass(frozen=True)
class Line:
    text: str
    core: Span  # original span of the line's own characters
    para: int


def normalized_text(article: Article) -> str:
    """The text after normalization, rebuilt from ``original`` and ``edits``."""
    return apply_edits(
        article.original,
        [TextEdit(e.span[0], e.span[1], e.replacement, e.code) for e in article.edits],
    )


def _attribution(article: Article) -> tuple[str, list[Span]]:
    """The normalized text and, per character of it, the original span that produced it."""
    edits = sorted(article.edits, key=lambda e: e.span)
    original = article.original
    out: list[str] = []
    attr: list[Span] = []
    pos = 0
    for e in edits:
        start, end = e.span
        out.append(original[pos:start])
        attr += [(i, i + 1) for i in range(pos, start)]
        out.append(e.replacement)
        attr += [(start, end)] * len(e.replacement)
        pos = end
    out.append(original[pos:])
    attr += [(i, i + 1) for i in range(pos, len(original))]
    return "".join(out), attr


def _lines(text: str, attr: list[Span]) -> list[Line]:
    lines: list[Line] = []
    pos, para, blank = 0, 0, False
    for raw in text.split("\n"):
        end = pos + len(raw)
        if raw.strip():
            if blank and lines:
                para += 1
            lines.append(Line(raw, (attr[pos][0], attr[end - 1][1]), para))
            blank = False
        else:
            blank = True
        pos = end + 1
    return lines


def _normalize_span(article: Article, span: Span, edits: list[Edit], starts: list[int]) -> str:
    """``original[span]`` with the edits inside it applied; no edit may straddle its edges.

    ``edits`` are the article's edits sorted by span, ``starts`` their start offsets.
    """
    start, end = span
    inside = []
    # edits are apart, so only the one before the first starting at ``start`` can straddle it
    for e in edits[max(0, bisect.bisect_left(starts, start) - 1) :]:
        e0, e1 = e.span
        if e0 > end:
            break
        if e1 <= start or e0 >= end:
            if e0 == e1 and start < e0 < end:
                inside.append(TextEdit(e0 - start, e1 - start, e.replacement, e.code))
            continue
        assert start <= e0 <= e1 <= end, (
            f"edit {e.span}->{e.replacement!r} straddles the edge of span {span}"
        )
        inside.append(TextEdit(e0 - start, e1 - start, e.replacement, e.code))
    return apply_edits(article.original[start:end], inside)


def check_article(article: Article) -> None:
    """Raise ``AssertionError`` unless ``article`` keeps every record invariant."""
    original = article.original
    n = len(original)

    # 1, 2: bounds, texts, overlaps
    for f in article.findings:
        _in_bounds(f.span, n, f"finding {f.code}")
    for r in article.removals:
        _in_bounds(r.span, n, f"removal {r.reason}")
        assert r.text == original[r.span[0] : r.span[1]], (
            f"removal text {r.text!r} != original{list(r.span)} {original[r.span[0] : r.span[1]]!r}"
        )
        assert r.text.strip(), f"removal {r.span} {r.reason} removes only blank text {r.text!r}"
    for e in article.edits:
        _in_bounds(e.span, n, f"edit {e.code}")
    _apart([r.span for r in article.removals], "removals")
    _apart([e.span for e in article.edits], "edits")
    assert len(article.paragraph_spans) == len(article.paragraphs), "one span per paragraph"
    for s in article.paragraph_spans:
        _in_bounds(s, n, "paragraph span")
    _apart(list(article.paragraph_spans), "paragraph spans")

    # 3: edits reproduce the normalized text
    normalized, attr = _attribution(article)
    assert normalized == normalized_text(article), "apply_edits disagrees with the reference"

    # 4: every non-blank line is removed or kept
    lines = _lines(normalized, attr)
    removals = sorted(range(len(article.removals)), key=lambda j: article.removals[j].span)
    r_ends = [article.removals[j].span[1] for j in removals]
    edits = sorted(article.edits, key=lambda e: e.span)
    e_starts = [e.span[0] for e in edits]
    removal_of: dict[int, int] = {}  # line index -> removal index
    for i, line in enumerate(lines):
        c0, c1 = line.core
        covering = []  # removals that overlap the line's characters
        for k in range(bisect.bisect_right(r_ends, c0), len(removals)):
            r = article.removals[removals[k]]
            if r.span[0] >= c1:
                break
            covering.append(removals[k])
        assert len(covering) <= 1, f"line {line.text!r} is covered by removals {covering}"
        if covering:
            r = article.removals[covering[0]]
            assert r.span[0] <= c0 <= c1 <= r.span[1], (
                f"removal {r.span} {r.text!r} covers only part of line {line.text!r} {line.core}"
            )
            got = _normalize_span(article, r.span, edits, e_starts)
            assert got == line.text, (
                f"removal {r.span} {r.text!r} normalizes to {got!r}, not to the line {line.text!r}"
            )
            removal_of[i] = covering[0]
    assert len(set(removal_of.values())) == len(removal_of) == len(article.removals), (
        f"removals that remove no line: "
        f"{[r for j, r in enumerate(article.removals) if j not in set(removal_of.values())]}"
    )
    kept = [line for i, line in enumerate(lines) if i not in removal_of]
    para_lines = [pl for p in article.paragraphs for pl in p.split("\n")]
    assert [k.text.strip() for k in kept] == para_lines, (
        f"kept lines {[k.text for k in kept]} != paragraph lines {para_lines}"
    )

    # 5: text and paragraph spans
    assert article.text == "\n\n".join(article.paragraphs), "text is the paragraphs joined"
    k = 0
    for p, (s0, s1) in zip(article.paragraphs, article.paragraph_spans, strict=False):
        for _ in p.split("\n"):
            c0, c1 = kept[k].core
            assert s0 <= c0 <= c1 <= s1, f"kept line {kept[k].text!r} outside its span {(s0, s1)}"
            k += 1
    for p in article.paragraphs:
        assert p.strip(), f"empty paragraph in {article.paragraphs}"


def check_idempotent(article: Article, again: Article) -> None:
    """Cleaning the clean text changes nothing more."""
    assert again.text == article.text, f"not idempotent: {article.text!r} -> {again.text!r}"
