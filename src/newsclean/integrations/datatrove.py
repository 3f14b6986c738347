"""newsclean as a datatrove pipeline step (``pip install 'newsclean[datatrove]'``).

:class:`NewscleanFilter` is a datatrove ``BaseFilter`` (so a ``PipelineStep``): it replaces each
document's text with the clean text, stores what newsclean found in ``doc.metadata["newsclean"]``
(title, ok, findings, removals, edits), and counts finding codes and removal reasons in the step's
stats. With ``drop_not_ok=True`` it drops documents with an error-severity finding, and with
``drop_empty=True`` documents with no text left; datatrove counts each drop under its reason
(``dropped_<code>``) and hands it to the ``exclusion_writer`` if one is given::

    from datatrove.executor import LocalPipelineExecutor
    from datatrove.pipeline.readers import JsonlReader
    from datatrove.pipeline.writers import JsonlWriter
    from newsclean.integrations.datatrove import NewscleanFilter

    LocalPipelineExecutor(
        pipeline=[
            JsonlReader("raw/"),
            NewscleanFilter(preset="extracted", drop_not_ok=True),
            JsonlWriter("clean/"),
        ],
        tasks=4,
    ).run()

The class is built on first use, so importing this module does not need datatrove.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from newsclean.pipeline import Pipeline, default_pipeline
from newsclean.runs import clean_record

if TYPE_CHECKING:
    from datatrove.data import Document

__all__ = ["NewscleanFilter"]  # noqa: F822 (built on first access, see __getattr__)

#: document metadata keys passed to the pipeline as record fields
METADATA_FIELDS = {"url": "url", "title": "title", "language": "lang", "site": "site"}

_CLASS: Any = None


def _build() -> Any:
    from datatrove.pipeline.filters.base_filter import BaseFilter

    class NewscleanFilter(BaseFilter):  # type: ignore[misc]
        """Clean each document's text with a newsclean pipeline; optionally drop bad ones.

        Args:
            pipeline: the pipeline (default: ``default_pipeline(preset)``).
            preset: ``"extracted"`` or ``"page"`` when no pipeline is given.
            drop_not_ok: drop documents with an error-severity finding (reason: its code).
            drop_empty: drop documents whose clean text is empty (reason: ``empty``).
            metadata_key: where in ``doc.metadata`` the findings and removals go.
            keep_original: also store the original text there.
            exclusion_writer: a datatrove writer for the dropped documents.
            text_field: the record field holding the text. A reader given ``text_key=`` the
                same name has put it in ``doc.text``; a reader that kept it in the metadata
                leaves it there, and it is taken from there (and the metadata entry dropped).
        """

        name = "📰 newsclean"

        def __init__(
            self,
            pipeline: Pipeline | None = None,
            *,
            preset: str = "extracted",
            drop_not_ok: bool = False,
            drop_empty: bool = True,
            metadata_key: str = "newsclean",
            keep_original: bool = False,
            exclusion_writer: Any = None,
            text_field: str = "text",
        ) -> None:
            super().__init__(exclusion_writer=exclusion_writer)
            self.text_field = text_field
            self.pipeline = pipeline if pipeline is not None else default_pipeline(preset)
            self.drop_not_ok = drop_not_ok
            self.drop_empty = drop_empty
            self.metadata_key = metadata_key
            self.keep_original = keep_original

        def filter(self, doc: Document) -> bool | tuple[bool, str]:
            text = doc.text
            if self.text_field != "text" and self.text_field in doc.metadata:
                text = doc.metadata.pop(self.text_field)
            record: dict[str, Any] = {"text": text, "id": str(doc.id)}
            for key, field in METADATA_FIELDS.items():
                value = doc.metadata.get(key)
                if isinstance(value, str) and value.strip():
                    record[field] = value
            article = clean_record(self.pipeline, record, strict=True)
            info = article.to_dict()
            for key in ("id", "text", "paragraphs", "url", "site", "lang", "meta"):
                info.pop(key, None)
            if not self.keep_original:
                info.pop("original", None)
            doc.metadata[self.metadata_key] = info
            doc.text = article.text
            for finding in article.findings:
                self.stat_update(f"finding_{finding.code}")
            for removal in article.removals:
                self.stat_update(f"removal_{removal.reason}")
            if self.drop_not_ok and not article.ok:
                worst = max(article.findings, key=lambda f: f.severity)
                return False, worst.code
            if self.drop_empty and not article.text:
                return False, "empty"
            return True

    NewscleanFilter.__module__ = __name__
    NewscleanFilter.__qualname__ = "NewscleanFilter"
    return NewscleanFilter


def __getattr__(name: str) -> Any:
    global _CLASS
    if name == "NewscleanFilter":
        if _CLASS is None:
            _CLASS = _build()
        return _CLASS
    msg = f"module {__name__!r} has no attribute {name!r}"
    raise AttributeError(msg)
