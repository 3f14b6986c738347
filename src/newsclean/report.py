"""Corpus-level counts: finding and removal rates by code and by site, with a few examples each.

A :class:`CorpusReport` is built from a stream of records in one pass and keeps only counters and a
bounded number of short examples, so its memory does not grow with the number of documents:

>>> import newsclean
>>> docs = [newsclean.clean("Title Line Of This Article\\n\\nShare this article\\n\\nHello {NAME}, the body ends.")]
>>> report = CorpusReport.from_articles(docs)
>>> report.documents, report.finding_rate("template.*")
(1, 1.0)
>>> report.removal_rate("boilerplate.share")
1.0
"""

from __future__ import annotations

import fnmatch
import json
import os
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from newsclean import codes
from newsclean.codes import CODES, Kind
from newsclean.io import FieldMap, Item, ReadLimits, Reject, read_items
from newsclean.record import NO_SITE, Article, removed_share, site_of
from newsclean.runs import Counts, clean_one

if TYPE_CHECKING:
    import pandas as pd

    from newsclean.pipeline import Pipeline

#: bins of the histogram of the share of text removed: [0, 10%), [10%, 20%), ... [90%, 100%]
SHARE_BINS = 10
OTHER_SITES = "(other sites)"


#: the record fields counted per document (``published`` and ``title`` also by where they came from)
REPORTED_FIELDS = (
    "title",
    "subtitle",
    "authors",
    "agency",
    "published",
    "updated",
    "dateline",
    "section",
)


def record_fields(article: Article) -> list[str]:
    """The record fields ``article`` has, each also with where it came from when known
    (``"published"``, ``"published:text"``)."""
    out = []
    for name in REPORTED_FIELDS:
        value = getattr(article, name)
        if value is None or value == ():
            continue
        out.append(name)
        source = article.sources.get(name)
        if source is not None:
            out.append(f"{name}:{'given' if source.rule == 'given' else 'text'}")
    return out


def excerpt(text: str, span: tuple[int, int], width: int = 60) -> tuple[str, str, str]:
    """``(before, match, after)`` around ``span`` with up to ``width`` characters of context."""
    start, end = max(0, span[0]), min(len(text), span[1])
    match = text[start:end]
    if len(match) > 3 * width:
        match = match[: 3 * width] + "…"
    before = text[max(0, start - width) : start]
    after = text[end : end + width]
    if start - width > 0:
        before = "…" + before
    if end + width < len(text):
        after = after + "…"
    return before, match, after


@dataclass(frozen=True, slots=True)
class Example:
    """One short example of a code: where it occurred and the text around it."""

    code: str
    id: str | None
    site: str
    title: str | None
    before: str
    match: str
    after: str
    message: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "id": self.id,
            "site": self.site,
            "title": self.title,
            "before": self.before,
            "match": self.match,
            "after": self.after,
            "message": self.message,
        }


@dataclass
class CorpusReport:
    """Counts over a corpus of clean records, built in one streaming pass.

    Memory is bounded: counters by code and by site (at most ``max_sites`` sites are told apart; the
    rest are pooled as ``"(other sites)"``), counts of each distinct combination of finding codes
    (so the rate of any code pattern can be computed afterwards), and at most ``examples_per_code``
    short examples per code.
    """

    examples_per_code: int = 3
    max_sites: int = 1000
    counts: Counts = field(default_factory=Counts)
    finding_combos: Counter[frozenset[str]] = field(default_factory=Counter)
    sites: Counter[str] = field(default_factory=Counter)
    sites_with_finding: Counter[str] = field(default_factory=Counter)
    site_findings: defaultdict[str, Counter[str]] = field(
        default_factory=lambda: defaultdict(Counter)
    )
    site_removals: defaultdict[str, Counter[str]] = field(
        default_factory=lambda: defaultdict(Counter)
    )
    #: documents with each record field set: ``"authors"``, and ``"published:given"`` /
    #: ``"published:text"`` by where the value came from
    fields: Counter[str] = field(default_factory=Counter)
    share_bins: list[int] = field(default_factory=lambda: [0] * SHARE_BINS)
    share_sum: float = 0.0
    examples: dict[str, list[Example]] = field(default_factory=dict)
    reject_examples: list[Reject] = field(default_factory=list)
    #: the knowledge-base files the fact findings relied on, with rows and as_of range each
    knowledge_base: list[dict[str, Any]] = field(default_factory=list)

    # -- building ---------------------------------------------------------------------------

    @classmethod
    def from_articles(cls, records: Iterable[Article | Reject], **options: Any) -> CorpusReport:
        """Build a report from clean records (and rejects, which are counted) in one pass."""
        report = cls(**options)
        report.update(records)
        return report

    def update(self, records: Iterable[Article | Reject]) -> CorpusReport:
        for record in records:
            if isinstance(record, Reject):
                self.add_reject(record)
            else:
                self.add(record)
        return self

    def add(self, article: Article) -> None:
        """Count one clean record."""
        self.counts += Counts.of(article)
        site = site_of(article.site, article.url) or NO_SITE
        if site not in self.sites and len(self.sites) >= self.max_sites:
            site = OTHER_SITES
        self.sites[site] += 1
        self.sites_with_finding[site] += bool(article.findings)
        codes = {f.code for f in article.findings}
        reasons = {r.reason for r in article.removals}
        self.finding_combos[frozenset(codes)] += 1
        self.site_findings[site].update(codes)
        self.site_removals[site].update(reasons)
        self.fields.update(record_fields(article))
        share = removed_share(article)
        self.share_sum += share
        self.share_bins[min(SHARE_BINS - 1, int(share * SHARE_BINS))] += 1
        for f in article.findings:
            self._example(f.code, article, site, f.span, f.message)
        for r in article.removals:
            self._example(r.reason, article, site, r.span, "")

    def add_reject(self, reject: Reject) -> None:
        """Count one input that could not be cleaned."""
        self.counts += Counts.of(reject)
        if len(self.reject_examples) < self.examples_per_code:
            self.reject_examples.append(reject)

    def _example(
        self, code: str, article: Article, site: str, span: tuple[int, int], message: str
    ) -> None:
        bucket = self.examples.setdefault(code, [])
        if len(bucket) >= self.examples_per_code:
            return
        if article.id is not None and any(e.id == article.id for e in bucket):
            return
        before, match, after = excerpt(article.original, span)
        bucket.append(Example(code, article.id, site, article.title, before, match, after, message))

    def merge(self, other: CorpusReport) -> CorpusReport:
        """Add another report's counts to this one (e.g. one report per partition or process);
        examples are kept up to this report's limit."""
        self.counts += other.counts
        self.finding_combos.update(other.finding_combos)
        self.fields.update(other.fields)
        for site, n in other.sites.items():
            target = site
            if site not in self.sites and len(self.sites) >= self.max_sites:
                target = OTHER_SITES
            self.sites[target] += n
            self.sites_with_finding[target] += other.sites_with_finding[site]
            self.site_findings[target].update(other.site_findings[site])
            self.site_removals[target].update(other.site_removals[site])
        self.share_bins = [a + b for a, b in zip(self.share_bins, other.share_bins, strict=True)]
        self.share_sum += other.share_sum
        for code, examples in other.examples.items():
            bucket = self.examples.setdefault(code, [])
            bucket += examples[: max(0, self.examples_per_code - len(bucket))]
        room = max(0, self.examples_per_code - len(self.reject_examples))
        self.reject_examples += other.reject_examples[:room]
        self.knowledge_base = self.knowledge_base or other.knowledge_base
        return self

    # -- reading ----------------------------------------------------------------------------

    @property
    def read(self) -> int:
        return self.counts.read

    @property
    def documents(self) -> int:
        """Clean records counted (rejects are not documents)."""
        return self.counts.cleaned

    @property
    def rejected(self) -> int:
        return self.counts.rejected

    @property
    def not_ok(self) -> int:
        return self.counts.not_ok

    @property
    def findings(self) -> Counter[str]:
        return self.counts.findings

    @property
    def docs_with_finding(self) -> Counter[str]:
        return self.counts.docs_with_finding

    @property
    def removals(self) -> Counter[str]:
        return self.counts.removals

    @property
    def docs_with_removal(self) -> Counter[str]:
        return self.counts.docs_with_removal

    def finding_rate(self, pattern: str) -> float:
        """The share of documents with at least one finding whose code matches ``pattern``.

        ``pattern`` is a code or a shell-style pattern such as ``"template.*"``; one that matches
        no catalogued finding code is a :class:`~newsclean.errors.ConfigError` naming the nearest.
        """
        matched = self.documents_matching(pattern)
        return matched / self.documents if self.documents else 0.0

    def documents_matching(self, pattern: str) -> int:
        """How many documents have a finding whose code matches ``pattern``."""
        codes.matching(pattern)  # a typo would otherwise match nothing and pass
        return sum(
            n
            for combo, n in self.finding_combos.items()
            if any(fnmatch.fnmatchcase(code, pattern) for code in combo)
        )

    def removal_rate(self, reason: str) -> float:
        """The share of documents with at least one removal of ``reason``."""
        codes.matching(reason, Kind.REMOVAL)
        return self.docs_with_removal[reason] / self.documents if self.documents else 0.0

    @property
    def mean_removed_share(self) -> float:
        return self.share_sum / self.documents if self.documents else 0.0

    def code_rows(self) -> list[dict[str, Any]]:
        """One row per code seen: kind, count, documents, rate; findings first, by rate."""
        rows: list[dict[str, Any]] = []
        for kind, counts, docs in (
            ("finding", self.findings, self.docs_with_finding),
            ("removal", self.removals, self.docs_with_removal),
        ):
            part = [
                {
                    "code": code,
                    "kind": kind,
                    "severity": str(CODES[code].severity) if code in CODES else "",
                    "count": counts[code],
                    "documents": docs[code],
                    "rate": docs[code] / self.documents if self.documents else 0.0,
                }
                for code in counts
            ]
            rows += sorted(part, key=lambda r: (-r["rate"], r["code"]))
        return rows

    def site_rows(self) -> list[dict[str, Any]]:
        """One row per site, most documents first: documents, documents with any finding, and
        documents with each finding code and removal reason."""
        rows = []
        for site, n in sorted(self.sites.items(), key=lambda kv: (-kv[1], kv[0])):
            rows.append(
                {
                    "site": site,
                    "documents": n,
                    "with_finding": self.sites_with_finding[site],
                    "findings": dict(sorted(self.site_findings[site].items())),
                    "removals": dict(sorted(self.site_removals[site].items())),
                }
            )
        return rows

    def summary(self) -> dict[str, Any]:
        """The same numbers, in the same shape, as ``newsclean clean --summary-json``."""
        return self.counts.to_dict()

    def field_rate(self, name: str) -> float:
        """The share of documents whose record has the field ``name`` (``"authors"``, or with
        its source, ``"published:text"``).

        >>> report = CorpusReport.from_articles([Article(text="", original="", title="Rain")])
        >>> report.field_rate("title"), report.field_rate("authors")
        (1.0, 0.0)
        """
        return self.fields[name] / self.documents if self.documents else 0.0

    def to_dict(self) -> dict[str, Any]:
        """Everything in the report, JSON-ready."""
        return {
            "summary": self.summary(),
            "codes": self.code_rows(),
            "sites": self.site_rows(),
            "fields": dict(sorted(self.fields.items())),
            "removed_share": {
                "bins": [i / SHARE_BINS for i in range(SHARE_BINS + 1)],
                "counts": list(self.share_bins),
                "mean": self.mean_removed_share,
            },
            "examples": {
                code: [e.to_dict() for e in examples]
                for code, examples in sorted(self.examples.items())
            },
            "rejects": [r.to_dict() for r in self.reject_examples],
            "knowledge_base": self.knowledge_base,
        }

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2)

    def to_pandas(self) -> pd.DataFrame:
        """Rates by code as a pandas DataFrame (needs the ``pandas`` extra)."""
        from newsclean.frames import require_pandas

        pandas = require_pandas()
        columns = ["code", "kind", "severity", "count", "documents", "rate"]
        return pandas.DataFrame(self.code_rows(), columns=columns)

    def to_html(self, *, standalone: bool = False, title: str = "newsclean report") -> str:
        """The report as HTML: a fragment, or with ``standalone=True`` a whole page."""
        from newsclean.report_html import render

        return render(self, standalone=standalone, title=title)

    def _repr_html_(self) -> str:
        return self.to_html()

    def __repr__(self) -> str:
        return (
            f"<CorpusReport documents={self.documents} rejected={self.rejected} "
            f"codes={len(self.findings)} sites={len(self.sites)}>"
        )


# -- reading corpora ------------------------------------------------------------------------


def _record_to_article(record: dict[str, Any]) -> Article:
    data = dict(record)
    data.setdefault("original", data.get("text", ""))
    return Article.from_dict(data)


def record_from_item(item: Item, pipeline: Pipeline) -> Article | Reject:
    """One input as a clean record: read as it is when it already carries ``findings`` (the output
    of ``newsclean clean``), cleaned with ``pipeline`` otherwise; a :class:`Reject` when neither
    works."""
    if item.record is not None and "findings" in item.record:
        try:
            return _record_to_article(item.record)
        except (KeyError, TypeError, ValueError) as exc:
            reason = f"not a clean record: {type(exc).__name__}: {exc}"
            return Reject(item.source, item.line, reason)
    outcome = clean_one(pipeline, item)
    if outcome.article is not None:
        return outcome.article
    assert outcome.reject is not None
    return outcome.reject


def iter_corpus(
    paths: Sequence[str | os.PathLike[str]],
    *,
    pipeline: Pipeline | None = None,
    fields: FieldMap | None = None,
    limits: ReadLimits | None = None,
) -> Iterator[Article | Reject]:
    """Every record of the given files, clean (see :func:`record_from_item`), in order.

    Records without ``findings`` are cleaned with ``pipeline`` (the default pipeline when none is
    given). Inputs that cannot be read or cleaned come back as :class:`~newsclean.io.Reject`.
    ``limits`` bound what one record may hold (:class:`~newsclean.io.ReadLimits`).
    """
    if pipeline is None:
        from newsclean.pipeline import default_pipeline

        pipeline = default_pipeline()
    for item in read_items([os.fspath(p) for p in paths], fields, limits):
        yield record_from_item(item, pipeline)


def corpus_report(
    paths: Sequence[str | os.PathLike[str]],
    *,
    pipeline: Pipeline | None = None,
    text_field: str = "text",
    **options: Any,
) -> CorpusReport:
    """Read (and if needed clean) the given files and build their :class:`CorpusReport`.

    ``text_field`` names the field holding the text of raw records (``"page_text"``, say).
    """
    from newsclean.filters.facts.kb import pipeline_kb_files
    from newsclean.pipeline import default_pipeline

    pipeline = pipeline or default_pipeline()
    fields = FieldMap(text=text_field)
    report = CorpusReport.from_articles(
        iter_corpus(paths, pipeline=pipeline, fields=fields), **options
    )
    report.knowledge_base = pipeline_kb_files(pipeline)
    return report
