"""Assertions for corpus-quality tests, with failure messages that show the offending lines.

They work in any test runner (they raise :class:`AssertionError`); pytest is not needed to import
this module.

>>> from newsclean.testing import assert_clean, assert_findings, assert_removed
>>> article = assert_clean("A Headline For The Story\\n\\nShare this article\\n\\nThe body is fine.")
>>> _ = assert_removed(article, "Share this article", reason="boilerplate.*")
>>> _ = assert_findings(article, set())
>>> assert_clean("A Headline For The Story\\n\\nDear {FIRST_NAME}, the body is fine.")
Traceback (most recent call last):
AssertionError: record is not clean: 1 finding(s)
  template.token [error] unresolved template placeholder '{FIRST_NAME}'
    line 3: Dear {FIRST_NAME}, the body is fine.
                 ^^^^^^^^^^^^
"""

from __future__ import annotations

import fnmatch
from collections.abc import Collection, Iterable, Mapping
from typing import Any

from newsclean.record import Article, Finding, Removal

__all__ = ["assert_clean", "assert_findings", "assert_removed", "describe_findings"]


def _article(text_or_article: str | Mapping[str, Any] | Article, **meta: Any) -> Article:
    if isinstance(text_or_article, Article):
        return text_or_article
    import newsclean

    return newsclean.clean(text_or_article, **meta)


def _matches(code: str, patterns: Iterable[str]) -> bool:
    return any(fnmatch.fnmatchcase(code, p) for p in patterns)


def _line_at(original: str, span: tuple[int, int]) -> tuple[int, str]:
    """The 1-based line number and the whole line(s) where ``span`` starts."""
    start = max(0, min(len(original), span[0]))
    end = max(start, min(len(original), span[1]))
    line_start = original.rfind("\n", 0, start) + 1
    line_end = original.find("\n", end)
    if line_end < 0:
        line_end = len(original)
    return original.count("\n", 0, start) + 1, original[line_start:line_end]


def _show_finding(article: Article, f: Finding) -> str:
    lineno, line = _line_at(article.original, f.span)
    start, end = f.span
    col = start - (article.original.rfind("\n", 0, start) + 1)
    width = max(1, min(end, start + len(line) - col) - start)
    prefix = f"    line {lineno}: "
    caret = " " * (len(prefix) + col) + "^" * width if col < 200 else ""
    return f"  {f.code} [{f.severity}] {f.message}\n{prefix}{line[:200]}\n{caret}".rstrip()


def describe_findings(article: Article, findings: Iterable[Finding] | None = None) -> str:
    """Findings of a record, each with its code, message and the line it points at."""
    chosen = list(article.findings if findings is None else findings)
    if not chosen:
        return "  (no findings)"
    return "\n".join(_show_finding(article, f) for f in chosen)


def _label(article: Article) -> str:
    return f"record {article.id!r}" if article.id else "record"


def assert_clean(
    text_or_article: str | Mapping[str, Any] | Article,
    *,
    allow: Collection[str] = (),
    **meta: Any,
) -> Article:
    """Clean the text (or take a clean record) and fail if it has any finding not in ``allow``.

    ``allow`` holds codes or shell-style patterns (``"title.*"``). Returns the record, so a test
    can go on checking it.
    """
    article = _article(text_or_article, **meta)
    bad = [f for f in article.findings if not _matches(f.code, allow)]
    if bad:
        allowed = f" (allowed: {', '.join(sorted(allow))})" if allow else ""
        msg = (
            f"{_label(article)} is not clean: {len(bad)} finding(s){allowed}\n"
            f"{describe_findings(article, bad)}"
        )
        raise AssertionError(msg)
    return article


def assert_findings(
    article: str | Mapping[str, Any] | Article,
    expected: Collection[str] | Mapping[str, int],
    *,
    exact: bool = True,
) -> Article:
    """Check the record's finding codes.

    ``expected`` is a set of codes or patterns, or a mapping of code to how many times it occurs.
    With ``exact`` (the default) no other code may occur; with ``exact=False`` the expected codes
    must be there and others are allowed.
    """
    art = _article(article)
    codes = [f.code for f in art.findings]
    problems: list[str] = []
    if isinstance(expected, Mapping):
        for code, n in sorted(expected.items()):
            got = sum(fnmatch.fnmatchcase(c, code) for c in codes)
            if got != n:
                problems.append(f"expected {n} × {code}, found {got}")
        patterns: Collection[str] = list(expected)
    else:
        patterns = expected
        for code in sorted(expected):
            if not any(fnmatch.fnmatchcase(c, code) for c in codes):
                problems.append(f"expected {code}, not found")
    unexpected = [f for f in art.findings if not _matches(f.code, patterns)]
    if exact and unexpected:
        problems += [f"unexpected {c}" for c in sorted({f.code for f in unexpected})]
    if problems:
        msg = (
            f"{_label(art)}: findings differ from what was expected\n"
            + "".join(f"  - {p}\n" for p in problems)
            + "findings:\n"
            + describe_findings(art)
        )
        raise AssertionError(msg)
    return art


def _show_removal(r: Removal) -> str:
    text = r.text.strip().replace("\n", " ⏎ ")
    return f"  [{r.reason}] {text[:120]!r}"


def assert_removed(
    article: str | Mapping[str, Any] | Article,
    *lines: str,
    reason: str | None = None,
) -> Article:
    """Check that each of ``lines`` was removed (compared after stripping whitespace), and with
    ``reason`` (a code or pattern) when given. Without lines, check that something was removed
    (for ``reason``, if given)."""
    art = _article(article)
    removals = [r for r in art.removals if reason is None or fnmatch.fnmatchcase(r.reason, reason)]
    problems: list[str] = []
    if not lines and not removals:
        problems.append(f"nothing was removed{f' for {reason}' if reason else ''}")
    for line in lines:
        want = line.strip()
        hit = [r for r in removals if want in r.text.strip().splitlines() or r.text.strip() == want]
        if hit:
            continue
        elsewhere = [r for r in art.removals if r not in removals and r.text.strip() == want]
        if elsewhere:
            problems.append(f"{want!r} was removed as {elsewhere[0].reason}, not {reason}")
        elif any(want in p for p in art.paragraphs) or (art.title or "") == want:
            where = "title" if (art.title or "") == want else "body"
            problems.append(f"{want!r} was kept (in the {where})")
        else:
            problems.append(f"{want!r} is not in the record")
    if problems:
        kept = "\n".join(f"  {p[:120]!r}" for p in art.paragraphs) or "  (nothing)"
        removed = "\n".join(_show_removal(r) for r in art.removals) or "  (nothing)"
        msg = (
            f"{_label(art)}: lines not removed as expected\n"
            + "".join(f"  - {p}\n" for p in problems)
            + f"removed:\n{removed}\nkept:\n{kept}"
        )
        raise AssertionError(msg)
    return art
