"""Records and findings as pandas DataFrames (the optional ``pandas`` extra).

pandas is imported only when one of these functions is called; without it they raise
:class:`ImportError` saying how to install it.
"""

from __future__ import annotations

import importlib
import json
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from newsclean.errors import InputError
from newsclean.record import NO_SITE, Article, removed_share, site_of, text_field_hint

if TYPE_CHECKING:
    import pandas as pd

    from newsclean.pipeline import Pipeline

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


def as_article(record: Article | Mapping[str, Any]) -> Article:
    """An :class:`Article`, or its dict (``to_dict()``, a line ``newsclean clean`` wrote) read back.

    ``original`` may be missing (``--drop-original``); the clean text stands in for it.
    """
    if isinstance(record, Article):
        return record
    if isinstance(record, Mapping):
        if "findings" not in record or "text" not in record:
            msg = (
                "expected a clean record (an Article or its dict, with 'text' and 'findings'); "
                f"got a mapping with {', '.join(map(str, record)) or 'no keys'}: "
                "clean raw records first, e.g. [newsclean.clean(r) for r in records]"
            )
            raise InputError(msg)
        data = dict(record)
        data.setdefault("original", data["text"])
        try:
            return Article.from_dict(data)
        except (KeyError, TypeError, ValueError) as exc:
            msg = f"not a clean record: {type(exc).__name__}: {exc}"
            raise InputError(msg) from exc
    msg = f"expected an Article or its dict, not {type(record).__name__}"
    raise InputError(msg)


def to_pandas(records: Iterable[Article | Mapping[str, Any]]) -> pd.DataFrame:
    """One row per record: metadata, ``ok``, the clean text, counts, codes and removed share.

    Takes :class:`Article` s or their dicts (what ``newsclean clean`` writes, one per line).

    >>> frame = to_pandas([Article(text="Body.", original="Body.", id="a")])
    >>> frame.loc[0, "id"], int(frame.loc[0, "findings"])
    ('a', 0)
    >>> to_pandas([{"id": "b", "text": "Body.", "findings": []}]).loc[0, "id"]
    'b'
    """
    pandas = require_pandas()
    articles = (as_article(a) for a in records)
    rows = [
        {
            "id": a.id,
            "title": a.title,
            "subtitle": a.subtitle,
            "authors": list(a.authors),
            "agency": a.agency,
            "site": site_of(a.site, a.url) or NO_SITE,
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


def findings_frame(records: Iterable[Article | Mapping[str, Any]]) -> pd.DataFrame:
    """One row per finding: record id and site, code, severity, span, the text it covers, message."""
    pandas = require_pandas()
    articles = [as_article(a) for a in records]
    rows = [
        {
            "id": a.id,
            "site": site_of(a.site, a.url) or NO_SITE,
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


#: the columns :func:`clean_frame` adds (after its ``prefix``) and their pandas dtypes
CLEAN_COLUMNS = {
    "title": "string",
    "text": "string",
    "ok": "bool",
    "codes": "string",
    "findings": "string",
    "removals": "string",
}


def clean_frame(
    frame: pd.DataFrame,
    pipeline: Pipeline | None = None,
    *,
    text_field: str = "text",
    prefix: str = "clean_",
) -> pd.DataFrame:
    """A pandas frame with the input columns plus ``clean_title``, ``clean_text``, ``clean_ok``,
    ``clean_codes`` (finding codes, comma-separated), ``clean_findings`` and ``clean_removals``
    (JSON lists of the finding and removal dicts).

    Columns named like record fields (``id``, ``title``, ``url``, ``site``, ``published``,
    ``lang``) are passed to the pipeline; ``text_field`` names the column holding the text. The
    added columns have declared dtypes (``string``, ``bool``), so Parquet writers know them even
    for an empty frame.

    >>> import pandas as pd
    >>> out = clean_frame(pd.DataFrame({"page_text": ["Stocks rose.\\nShare this article"]}), text_field="page_text")
    >>> out.loc[0, "clean_text"], bool(out.loc[0, "clean_ok"])
    ('Stocks rose.', True)
    """
    from newsclean.pipeline import RECORD_FIELDS, default_pipeline
    from newsclean.runs import clean_record

    pandas = require_pandas()
    if text_field not in frame.columns:
        raise InputError(text_field_hint({str(c): "" for c in frame.columns}, text_field))
    pipeline = pipeline if pipeline is not None else default_pipeline()
    fields = [c for c in RECORD_FIELDS[1:] if c in frame.columns and c != text_field]
    columns: dict[str, list[Any]] = {name: [] for name in CLEAN_COLUMNS}
    texts = frame[text_field].tolist()
    extra = {c: frame[c].tolist() for c in fields}
    for i, text in enumerate(texts):
        record: dict[str, Any] = {"text": text}
        for c in fields:
            value = extra[c][i]
            record[c] = None if value is None or pandas.isna(value) else value
        article = clean_record(pipeline, record, line=i + 1, strict=True)
        columns["title"].append(article.title)
        columns["text"].append(article.text)
        columns["ok"].append(article.ok)
        columns["codes"].append(",".join(sorted(article.codes)))
        columns["findings"].append(
            json.dumps([f.to_dict() for f in article.findings], ensure_ascii=False)
        )
        columns["removals"].append(
            json.dumps([r.to_dict() for r in article.removals], ensure_ascii=False)
        )
    out = frame.copy()
    for name, dtype in CLEAN_COLUMNS.items():
        out[prefix + name] = pandas.Series(columns[name], index=frame.index, dtype=dtype)
    return out
