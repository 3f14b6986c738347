"""The newsclean pytest plugin: corpus fixtures and rate limits as tests.

Installed with newsclean (entry point ``pytest11``), so it is active in any project that has
newsclean installed. It does nothing until it is given a corpus or limits:

- ``--newsclean-corpus PATH`` (repeatable) or ``corpus = "PATH"`` (or a list) under
  ``[tool.newsclean]`` in the rootdir's ``pyproject.toml``: JSONL or ``.txt`` files, raw (cleaned with
  the default pipeline, or ``--newsclean-preset``) or the output of ``newsclean clean``.
- Fixtures: ``newsclean_corpus`` (an iterable of the clean records, streamed on each iteration)
  and ``newsclean_report`` (the :class:`~newsclean.report.CorpusReport`, built once per session).
- ``[tool.newsclean.expect]``: ``"code pattern" = max rate``, e.g. ``"template.*" = 0`` and
  ``"title.*" = 0.01``. Each line becomes one test, ``newsclean-rate[template.*]``, that fails when
  the share of documents with a matching finding is above the limit.
"""

from __future__ import annotations

import fnmatch
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from newsclean.pipeline import Pipeline
    from newsclean.record import Article
    from newsclean.report import CorpusReport

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib  # type: ignore[import-not-found,unused-ignore]

_REPORT_KEY = pytest.StashKey["CorpusReport"]()
_SETTINGS_KEY = pytest.StashKey["Settings"]()


@dataclass(frozen=True)
class Settings:
    paths: tuple[str, ...]
    preset: str | None
    expect: tuple[tuple[str, float], ...]
    source: str


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("newsclean", "newsclean corpus checks")
    group.addoption(
        "--newsclean-corpus",
        action="append",
        default=[],
        metavar="PATH",
        help="corpus file(s) for the newsclean fixtures and [tool.newsclean.expect] limits",
    )
    group.addoption(
        "--newsclean-preset",
        default=None,
        metavar="NAME",
        help="pipeline preset for raw corpus records (default: extracted)",
    )


def _read_settings(config: pytest.Config) -> Settings:
    table: dict[str, Any] = {}
    pyproject = Path(config.rootpath) / "pyproject.toml"
    if pyproject.is_file():
        with pyproject.open("rb") as fh:
            table = tomllib.load(fh).get("tool", {}).get("newsclean", {})
    paths: list[str] = list(config.getoption("newsclean_corpus") or [])
    source = "--newsclean-corpus"
    if not paths:
        configured = table.get("corpus", [])
        configured = [configured] if isinstance(configured, str) else list(configured)
        paths = [str(Path(config.rootpath) / p) for p in configured]
        source = f"[tool.newsclean] corpus in {pyproject}"
    expect: list[tuple[str, float]] = []
    for pattern, limit in (table.get("expect") or {}).items():
        if isinstance(limit, bool) or not isinstance(limit, int | float) or not 0 <= limit <= 1:
            msg = f"[tool.newsclean.expect] {pattern!r}: the limit must be a rate from 0 to 1, not {limit!r}"
            raise pytest.UsageError(msg)
        expect.append((str(pattern), float(limit)))
    preset = config.getoption("newsclean_preset") or table.get("preset")
    return Settings(tuple(paths), preset, tuple(expect), source)


def pytest_configure(config: pytest.Config) -> None:
    config.stash[_SETTINGS_KEY] = _read_settings(config)


def _settings(config: pytest.Config) -> Settings:
    return config.stash[_SETTINGS_KEY]


def _pipeline(settings: Settings) -> Pipeline:
    from newsclean.pipeline import default_pipeline

    return default_pipeline(settings.preset or "extracted")


def _require_corpus(settings: Settings) -> None:
    if not settings.paths:
        pytest.skip(
            "no newsclean corpus: pass --newsclean-corpus PATH or set corpus under [tool.newsclean]"
        )


def _report(config: pytest.Config) -> CorpusReport:
    from newsclean.report import corpus_report

    if _REPORT_KEY not in config.stash:
        settings = _settings(config)
        _require_corpus(settings)
        config.stash[_REPORT_KEY] = corpus_report(
            list(settings.paths), pipeline=_pipeline(settings)
        )
    return config.stash[_REPORT_KEY]


class Corpus:
    """The clean records of the corpus; each iteration reads (and, if needed, cleans) them anew."""

    def __init__(self, paths: tuple[str, ...], pipeline: Pipeline) -> None:
        self.paths = paths
        self.pipeline = pipeline

    def __iter__(self) -> Iterator[Article]:
        from newsclean.io import Reject
        from newsclean.report import iter_corpus

        for record in iter_corpus(list(self.paths), pipeline=self.pipeline):
            if not isinstance(record, Reject):
                yield record

    def __repr__(self) -> str:
        return f"<newsclean corpus {', '.join(self.paths)}>"


@pytest.fixture(scope="session")
def newsclean_corpus(pytestconfig: pytest.Config) -> Corpus:
    """The corpus records (clean); skips the test when no corpus is configured."""
    settings = _settings(pytestconfig)
    _require_corpus(settings)
    return Corpus(settings.paths, _pipeline(settings))


@pytest.fixture(scope="session")
def newsclean_report(pytestconfig: pytest.Config) -> CorpusReport:
    """The corpus report, built once per session; skips when no corpus is configured."""
    return _report(pytestconfig)


class RateLimitError(AssertionError):
    """A finding rate above its configured limit."""


class RateItem(pytest.Item):
    """One ``[tool.newsclean.expect]`` limit, checked against the corpus."""

    def __init__(self, *, pattern: str, limit: float, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.pattern = pattern
        self.limit = limit

    def runtest(self) -> None:
        report = _report(self.config)
        rate = report.finding_rate(self.pattern)
        if rate > self.limit:
            docs = report.documents_matching(self.pattern)
            lines = [
                f"{self.pattern}: {docs} of {report.documents} documents ({rate:.2%}) have a "
                f"matching finding; the limit is {self.limit:.2%}"
            ]
            for code, examples in sorted(report.examples.items()):
                if code in report.findings and fnmatch.fnmatchcase(code, self.pattern):
                    for e in examples:
                        lines.append(f"  {code} in {e.id or '(no id)'}: {e.message}")
                        lines.append(
                            f"    {e.before[-40:]}[{e.match}]{e.after[:40]}".replace("\n", " ")
                        )
            raise RateLimitError("\n".join(lines))

    def repr_failure(
        self,
        excinfo: pytest.ExceptionInfo[BaseException],
        style: Any = None,
    ) -> str:
        if isinstance(excinfo.value, RateLimitError):
            return str(excinfo.value)
        return str(super().repr_failure(excinfo))

    def reportinfo(self) -> tuple[Path, int | None, str]:
        return self.path, None, f"newsclean rate {self.pattern} <= {self.limit:g}"


class ExpectCollector(pytest.Collector):
    """Collects one :class:`RateItem` per line of ``[tool.newsclean.expect]``."""

    def collect(self) -> list[pytest.Item | pytest.Collector]:
        return [
            RateItem.from_parent(
                self, name=f"newsclean-rate[{pattern}]", pattern=pattern, limit=limit
            )
            for pattern, limit in _settings(self.config).expect
        ]


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(
    session: pytest.Session, config: pytest.Config, items: list[pytest.Item]
) -> None:
    settings = _settings(config)
    if not settings.expect:
        return
    collector = ExpectCollector.from_parent(
        session, name="pyproject.toml", path=Path(config.rootpath) / "pyproject.toml"
    )
    # report the collection like any other, so the limits are counted and errors shown
    report = collector.ihook.pytest_make_collect_report(collector=collector)
    config.hook.pytest_collectreport(report=report)
    if report.passed:
        items += [node for node in report.result if isinstance(node, pytest.Item)]
