"""The clean article record and the facts attached to it: findings, removals and edits.

Every span is a half-open ``(start, end)`` range of code points in :attr:`Article.original`, the
text exactly as it came in, so any claim the record makes can be checked against the input.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from newsclean.codes import Severity

Span = tuple[int, int]


def _span(value: Any) -> Span:
    start, end = value
    return (int(start), int(end))


@dataclass(frozen=True, slots=True)
class Finding:
    """A problem in the text, reported and left in place.

    Args:
        code: a slug from :mod:`newsclean.codes`, e.g. ``"template.token"``.
        severity: how bad it is.
        span: where, in the original text.
        message: what is wrong, in words a person can act on.
        evidence: what backs the claim (the matched token, knowledge-base rows, a date window).
        filter: the name of the filter that raised it.
    """

    code: str
    severity: Severity
    span: Span
    message: str
    evidence: Mapping[str, Any] = field(default_factory=dict)
    filter: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "severity": str(self.severity),
            "span": list(self.span),
            "message": self.message,
            "evidence": dict(self.evidence),
            "filter": self.filter,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Finding:
        return cls(
            code=data["code"],
            severity=Severity.parse(data["severity"]),
            span=_span(data["span"]),
            message=data["message"],
            evidence=dict(data.get("evidence") or {}),
            filter=data.get("filter", ""),
        )


@dataclass(frozen=True, slots=True)
class Removal:
    """A block taken out of the body: where it was, what it said, and why.

    ``text`` is ``original[span[0]:span[1]]``.
    """

    span: Span
    text: str
    reason: str
    filter: str = ""
    rule: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "span": list(self.span),
            "text": self.text,
            "reason": self.reason,
            "filter": self.filter,
            "rule": self.rule,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any] | str) -> Removal:
        """Read a removal back; a bare code (``--removals codes``) has no span and no text."""
        if isinstance(data, str):
            return cls(span=(0, 0), text="", reason=data)
        return cls(
            span=_span(data["span"]),
            text=data["text"],
            reason=data["reason"],
            filter=data.get("filter", ""),
            rule=data.get("rule", ""),
        )


@dataclass(frozen=True, slots=True)
class Edit:
    """A normalization change: ``original[span]`` was replaced by ``replacement``."""

    span: Span
    replacement: str
    code: str
    filter: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "span": list(self.span),
            "replacement": self.replacement,
            "code": self.code,
            "filter": self.filter,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Edit:
        return cls(
            span=_span(data["span"]),
            replacement=data["replacement"],
            code=data["code"],
            filter=data.get("filter", ""),
        )


@dataclass(frozen=True, slots=True)
class Source:
    """Where a record field came from: ``rule="given"`` (no span) when the input record carried
    it, else the span of the original it was read from and the rule that read it."""

    rule: str
    span: Span | None = None
    filter: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "rule": self.rule,
            "span": list(self.span) if self.span is not None else None,
            "filter": self.filter,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Source:
        span = data.get("span")
        return cls(
            rule=data["rule"],
            span=_span(span) if span is not None else None,
            filter=data.get("filter", ""),
        )


#: the record fields read from the text besides the title, in output order
TEXT_FIELDS = ("subtitle", "authors", "agency", "updated", "dateline", "section")


@dataclass(frozen=True, slots=True)
class Article:
    """A clean article record. Immutable; derive changed copies with :func:`dataclasses.replace`.

    ``text`` is the body: ``paragraphs`` joined by blank lines. ``paragraph_spans`` says where each
    paragraph came from in ``original``. ``ok`` is false when any finding is at error severity.
    """

    text: str
    original: str
    title: str | None = None
    paragraphs: tuple[str, ...] = ()
    paragraph_spans: tuple[Span, ...] = ()
    id: str | None = None
    url: str | None = None
    site: str | None = None
    published: str | None = None
    lang: str | None = None
    findings: tuple[Finding, ...] = ()
    removals: tuple[Removal, ...] = ()
    edits: tuple[Edit, ...] = ()
    meta: Mapping[str, Any] = field(default_factory=dict)
    subtitle: str | None = None
    authors: tuple[str, ...] = ()
    agency: str | None = None
    updated: str | None = None
    dateline: str | None = None
    section: str | None = None
    #: field name -> where its value came from (``title``, ``published``, ``authors``, ...)
    sources: Mapping[str, Source] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        """True when no finding is at error severity."""
        return all(f.severity < Severity.ERROR for f in self.findings)

    @property
    def codes(self) -> frozenset[str]:
        """The distinct finding codes of this record."""
        return frozenset(f.code for f in self.findings)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict; :meth:`from_dict` reads it back to an equal record."""
        return {
            "id": self.id,
            "title": self.title,
            "text": self.text,
            "paragraphs": list(self.paragraphs),
            "paragraph_spans": [list(s) for s in self.paragraph_spans],
            "url": self.url,
            "site": self.site,
            "subtitle": self.subtitle,
            "authors": list(self.authors),
            "agency": self.agency,
            "published": self.published,
            "updated": self.updated,
            "dateline": self.dateline,
            "section": self.section,
            "sources": {k: v.to_dict() for k, v in self.sources.items()},
            "lang": self.lang,
            "ok": self.ok,
            "findings": [f.to_dict() for f in self.findings],
            "removals": [r.to_dict() for r in self.removals],
            "edits": [e.to_dict() for e in self.edits],
            "original": self.original,
            "meta": dict(self.meta),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Article:
        return cls(
            text=data["text"],
            original=data["original"],
            title=data.get("title"),
            paragraphs=tuple(data.get("paragraphs") or ()),
            paragraph_spans=tuple(_span(s) for s in data.get("paragraph_spans") or ()),
            id=data.get("id"),
            url=data.get("url"),
            site=data.get("site"),
            published=data.get("published"),
            lang=data.get("lang"),
            findings=tuple(Finding.from_dict(f) for f in data.get("findings") or ()),
            removals=tuple(Removal.from_dict(r) for r in data.get("removals") or ()),
            edits=tuple(Edit.from_dict(e) for e in data.get("edits") or ()),
            meta=dict(data.get("meta") or {}),
            subtitle=data.get("subtitle"),
            authors=tuple(data.get("authors") or ()),
            agency=data.get("agency"),
            updated=data.get("updated"),
            dateline=data.get("dateline"),
            section=data.get("section"),
            sources={k: Source.from_dict(v) for k, v in (data.get("sources") or {}).items()},
        )

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False)

    @classmethod
    def from_json(cls, line: str) -> Article:
        return cls.from_dict(json.loads(line))

    def _repr_html_(self) -> str:
        from newsclean.display import article_html

        return article_html(self)

    def __repr__(self) -> str:
        title = self.title if self.title is None else self.title[:60]
        return (
            f"<Article id={self.id!r} title={title!r} paragraphs={len(self.paragraphs)} "
            f"removals={len(self.removals)} findings={len(self.findings)} ok={self.ok}>"
        )


#: the site of a record that has neither a site nor a URL, where a name is needed (reports, frames)
NO_SITE = "(no site)"
#: removal reasons that move text rather than drop it; they do not count as text removed
NOT_REMOVED = frozenset(
    {
        "structure.title",
        "structure.subtitle",
        "structure.byline",
        "structure.date",
        "structure.section",
    }
)


def site_of(site: object, url: object = None) -> str | None:
    """A record's site: its ``site`` field, else the host of its ``url``; a leading ``www.``
    is dropped either way. The one rule for grouping by site (reports, learned profiles).

    >>> site_of(None, "https://www.example.org/a/b")
    'example.org'
    >>> site_of("Example News", "https://other.org/")
    'Example News'
    >>> site_of(None, None) is None
    True
    """
    name = ""
    if isinstance(site, str) and site.strip():
        name = site.strip()
    elif isinstance(url, str) and url.strip():
        try:
            name = urlsplit(url.strip()).hostname or ""
        except ValueError:  # not a URL ("http://[x"): no host to tell
            name = ""
    if name[:4].casefold() == "www.":
        name = name[4:]
    return name or None


def removed_share(article: Article) -> float:
    """The share of the original text (in code points) taken out of the body, 0.0 to 1.0.

    Lines moved into the record (the title, subtitle, byline, date and section lines) do not
    count.
    """
    if not article.original:
        return 0.0
    removed = sum(r.span[1] - r.span[0] for r in article.removals if r.reason not in NOT_REMOVED)
    return min(1.0, removed / len(article.original))


#: record fields that hold metadata, never the text
METADATA_FIELDS = ("title", "id", "url", "site", "published", "lang")


def text_candidates(record: Mapping[str, Any]) -> list[str]:
    """The fields that could hold the text: strings that are not metadata, longest first.

    >>> text_candidates({"id": "a", "page_text": "A long page.", "source": "x", "n": 3})
    ['page_text', 'source']
    """
    strings = [
        (-len(v), str(k))
        for k, v in record.items()
        if isinstance(v, str) and v.strip() and k not in METADATA_FIELDS
    ]
    return [name for _, name in sorted(strings)]


def likely_text_field(record: Mapping[str, Any]) -> str | None:
    """The field that most likely holds the text: the longest string that is not metadata.

    >>> likely_text_field({"title": "A much longer title than the text", "body": "Text."})
    'body'
    """
    found = text_candidates(record)
    return found[0] if found else None


def text_field_hint(record: Mapping[str, Any], text_field: str = "text") -> str:
    """What to say when ``record`` has no ``text_field``: its fields, and the likeliest text.

    >>> text_field_hint({"page_text": "A long page.", "url": "u"})
    "the record has no 'text' field; fields: page_text, url; try text_field='page_text'"
    """
    names = [str(k) for k in record]
    best = likely_text_field(record)
    hint = f"; try text_field={best!r}" if best is not None else ""
    return f"the record has no {text_field!r} field; fields: {', '.join(names) or '(none)'}{hint}"
