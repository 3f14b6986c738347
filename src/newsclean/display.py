"""HTML views of records for notebooks."""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsclean.record import escape

if TYPE_CHECKING:
    from newsclean.record import Article


def article_html(article: Article) -> str:
    """A compact HTML card: title, body, removals struck through, findings listed."""
    parts = [f"<div class='newsclean-article'><h3>{escape(article.title or '(no title)')}</h3>"]
    parts += [f"<p>{escape(p)}</p>" for p in article.paragraphs]
    if article.removals:
        parts.append("<details><summary>removed</summary><ul>")
        parts += [
            f"<li><s title='{escape(r.reason)}'>{escape(r.text)}</s> <code>{escape(r.reason)}</code></li>"
            for r in article.removals
        ]
        parts.append("</ul></details>")
    if article.findings:
        parts.append("<ul>")
        parts += [
            f"<li><code>{escape(f.code)}</code> [{f.severity}] {escape(f.message)}</li>"
            for f in article.findings
        ]
        parts.append("</ul>")
    parts.append("</div>")
    return "".join(parts)
