"""Records and findings as pandas DataFrames (the optional ``pandas`` extra).

pandas is imported only when one of these functions is called; without it they raise
:class:`ImportError` saying how to install it.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from newsclean.record import Article

if TYPE_CHECKING:
    import pandas as pd

RECORD_COLUMNS = (
    "id",
    "title",
    "subtitle",
    "authors",
    "agency",
    "site",
    "url",
    "published",
    "published_source",
    "updated",
    "dateline",
    "section",
    "lang",
    "ok",
    "text",
    "paragraphs",
    "findings",
    "removals",
    "codes",
    "removed_share",
)
FINDING_COLUMNS = (
    "id",
    "site",
    "code",
    "severity",
    "start",
    "end",
    "text",
    "message",
    "filter",
)


def require_pandas() -> Any:
    """The pandas module, or an ImportError that says how to get it."""
    try:
        return importlib.import_module("pandas")
    except ImportError as exc:
        msg = "this needs pandas: pip install 'newsclean[pandas]'"
        raise ImportError(msg) from exc


def to_pandas(articles: Iterable[Article]) -> pd.DataFrame:
    """One row per record: metadata, ``ok``, the clean text, counts, codes and removed share.

    >>> frame = to_pandas([Article(text="Body.", original="Body.", id="a")])
    >>> frame.loc[0, "id"], int(frame.loc[0, "findings"])
    ('a', 0)
    """
    from newsclean.report import removed_share, site_of

    pandas = require_pandas()
    rows = [
        {
            "id": a.id,
            "title": a.title,
            "subtitle": a.subtitle,
            "authors": list(a.authors),
            "agency": a.agency,
            "site": site_of(a),
            "url": a.url,
            "published": a.published,
            "published_source": a.sources["published"].rule if "published" in a.sources else None,
            "updated": a.updated,
            "dateline": a.dateline,
            "section": a.section,
            "lang": a.lang,
            "ok": a.ok,
            "text": a.text,
            "paragraphs": len(a.paragraphs),
            "findings": len(a.findings),
            "removals": len(a.removals),
            "codes": sorted(a.codes),
            "removed_share": removed_share(a),
        }
        for a in articles
    ]
    return pandas.DataFrame(rows, columns=list(RECORD_COLUMNS))


def findings_frame(articles: Iterable[Article]) -> pd.DataFrame:
    """One row per finding: record id and site, code, severity, span, the text it covers, message."""
    from newsclean.report import site_of

    pandas = require_pandas()
    rows = [
        {
            "id": a.id,
            "site": site_of(a),
            "code": f.code,
            "severity": str(f.severity),
            "start": f.span[0],
            "end": f.span[1],
            "text": a.original[f.span[0] : f.span[1]],
            "message": f.message,
            "filter": f.filter,
        }
        for a in articles
        for f in a.findings
    ]
    return pandas.DataFrame(rows, columns=list(FINDING_COLUMNS))
