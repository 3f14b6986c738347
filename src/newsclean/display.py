"""Views of one record: the original text cut into segments, and its HTML card for notebooks.

A record's removals and findings are spans into its original text, and they may overlap (a finding
inside a removed line). :func:`segments` cuts the original at every span boundary, so each piece
carries the removal and the findings that cover it; the HTML card and ``newsclean explain`` both
render from it.

>>> from newsclean.record import Article, Finding, Removal
>>> from newsclean.codes import Severity
>>> a = Article(text="Hi {X}", original="Menu\\nHi {X}",
...             removals=(Removal((0, 4), "Menu", "boilerplate.navigation"),),
...             findings=(Finding("template.token", Severity.ERROR, (8, 11), "token"),))
>>> [(s.text, s.removal is not None, len(s.findings)) for s in segments(a)]
[('Menu', True, 0), ('\\nHi ', False, 0), ('{X}', False, 1)]
"""

from __future__ import annotations

import html
import itertools
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from newsclean.record import Article, Finding, Removal


def escape(text: str) -> str:
    """``text`` safe inside HTML, attribute values in quotes included.

    >>> escape("<b title='x'>")
    '&lt;b title=&#x27;x&#x27;&gt;'
    """
    return html.escape(text, quote=True)


@dataclass(frozen=True, slots=True)
class Segment:
    """A piece of the original text, with the removal and findings that cover all of it."""

    start: int
    end: int
    text: str
    removal: Removal | None
    findings: tuple[Finding, ...]


def segments(article: Article) -> list[Segment]:
    """The original text, cut wherever a removal or finding starts or ends."""
    original = article.original
    n = len(original)

    def clip(span: tuple[int, int]) -> tuple[int, int]:
        start = max(0, min(n, span[0]))
        return start, max(start, min(n, span[1]))

    removals = [(clip(r.span), r) for r in article.removals]
    findings = [(clip(f.span), f) for f in article.findings if f.span[0] < f.span[1]]
    # a zero-width finding still deserves a mark, where it points
    empty: dict[int, list[Finding]] = {}
    for f in article.findings:
        if f.span[0] >= f.span[1]:
            empty.setdefault(clip(f.span)[0], []).append(f)
    cuts = {0, n, *empty}
    for (start, end), _ in (*removals, *findings):
        cuts.update((start, end))
    points = sorted(cuts)
    out: list[Segment] = []
    for start, end in itertools.pairwise([*points, n]):
        if start in empty:
            removal = next((r for (s, e), r in removals if s < start < e), None)
            out.append(Segment(start, start, "", removal, tuple(empty.pop(start))))
        if start == end:
            continue
        removal = next((r for (s, e), r in removals if s <= start and end <= e), None)
        covering = tuple(f for (s, e), f in findings if s <= start and end <= e)
        if out and out[-1].removal is removal and out[-1].findings == covering:
            prev = out.pop()
            out.append(Segment(prev.start, end, original[prev.start : end], removal, covering))
        else:
            out.append(Segment(start, end, original[start:end], removal, covering))
    return out


_CSS = """
.newsclean-article{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;max-width:52em;
  border:1px solid #d0d7de;border-radius:6px;padding:.6em 1em;margin:.4em 0;color:#1f2328;
  background:#fff;line-height:1.45}
.newsclean-article h3{margin:.2em 0 .3em;font-size:1.15em}
.newsclean-article .nc-meta{color:#57606a;font-size:.85em;margin-bottom:.5em}
.newsclean-article .nc-ok{color:#1a7f37;font-weight:600}
.newsclean-article .nc-bad{color:#cf222e;font-weight:600}
.newsclean-article .nc-body{white-space:pre-wrap;font-size:.95em}
.newsclean-article del{color:#8c959f;text-decoration:line-through;background:#f6f8fa;cursor:help}
.newsclean-article mark{background:#fff8c5;border-bottom:2px solid #d4a72c;cursor:help}
.newsclean-article mark.nc-error{background:#ffebe9;border-bottom-color:#cf222e}
.newsclean-article mark.nc-info{background:#ddf4ff;border-bottom-color:#0969da}
.newsclean-article .nc-tag{font:.7em ui-monospace,monospace;color:#57606a;vertical-align:super}
.newsclean-article ul{margin:.4em 0;padding-left:1.3em;font-size:.85em}
.newsclean-article code{font-size:.95em}
.newsclean-article details{font-size:.85em;color:#57606a}
"""


def _severity_class(findings: tuple[Finding, ...]) -> str:
    worst = max(int(f.severity) for f in findings)
    return {10: "nc-info", 20: "nc-warning", 30: "nc-error"}.get(worst, "nc-warning")


def grouped(article: Article) -> list[tuple[Removal | None, list[Segment]]]:
    """:func:`segments`, with consecutive pieces of the same removal (or of kept text) together."""
    groups: list[tuple[Removal | None, list[Segment]]] = []
    for seg in segments(article):
        if groups and groups[-1][0] is seg.removal:
            groups[-1][1].append(seg)
        else:
            groups.append((seg.removal, [seg]))
    return groups


def _finding_html(seg: Segment) -> str:
    piece = escape(seg.text)
    if not seg.findings:
        return piece
    tip = "\n".join(f"{f.code} [{f.severity}]: {f.message}" for f in seg.findings)
    codes = " ".join(sorted({f.code for f in seg.findings}))
    tag = f"<span class='nc-tag'>{escape(codes)}</span>" if not seg.text else ""
    return (
        f"<mark class='{_severity_class(seg.findings)}' title='{escape(tip)}' "
        f"data-codes='{escape(codes)}'>{piece}{tag}</mark>"
    )


def body_html(article: Article) -> str:
    """The original text as HTML: removed pieces struck through (reason on hover), findings marked
    (message on hover). Everything is escaped."""
    parts: list[str] = []
    for removal, segs in grouped(article):
        inner = "".join(_finding_html(seg) for seg in segs)
        if removal is not None:
            tip = removal.reason + (f" ({removal.filter}: {removal.rule})" if removal.rule else "")
            inner = (
                f"<del title='{escape(tip)}' data-reason='{escape(removal.reason)}'>{inner}</del>"
            )
        parts.append(inner)
    return "".join(parts)


def article_html(article: Article) -> str:
    """A self-contained HTML card: title, body with removals and findings in place, findings list."""
    status = "<span class='nc-ok'>ok</span>" if article.ok else "<span class='nc-bad'>not ok</span>"
    meta = [status]
    published = article.published
    if (
        published
        and "published" in article.sources
        and article.sources["published"].rule != "given"
    ):
        published = f"{published} (from the text)"
    fields = (
        ("id", article.id),
        ("site", article.site),
        ("date", published),
        ("updated", article.updated),
        ("by", ", ".join(article.authors) or None),
        ("agency", article.agency),
        ("dateline", article.dateline),
        ("section", article.section),
    )
    for label, value in fields:
        if value:
            meta.append(f"{label} <code>{escape(value)}</code>")
    meta.append(f"{len(article.removals)} removed, {len(article.findings)} findings")
    body = body_html(article) if article.original else escape(article.text)
    parts = [
        f"<div class='newsclean-article'><style>{_CSS}</style>",
        f"<h3>{escape(article.title or '(no title)')}</h3>",
        *(
            [f"<p class='nc-subtitle'><i>{escape(article.subtitle)}</i></p>"]
            if article.subtitle
            else []
        ),
        f"<div class='nc-meta'>{' · '.join(meta)}</div>",
        f"<div class='nc-body'>{body}</div>",
    ]
    if article.edits:
        parts.append(
            f"<details class='nc-edits'><summary>{len(article.edits)} normalization edits"
            "</summary><ul>"
        )
        parts += [
            f"<li><code>{escape(e.code)}</code> {escape(repr(article.original[e.span[0] : e.span[1]]))}"
            f" → {escape(repr(e.replacement))}</li>"
            for e in article.edits
        ]
        parts.append("</ul></details>")
    if article.findings:
        parts.append("<ul class='nc-findings'>")
        parts += [
            f"<li><code>{escape(f.code)}</code> [{f.severity}] {escape(f.message)}</li>"
            for f in article.findings
        ]
        parts.append("</ul>")
    parts.append("</div>")
    return "".join(parts)
