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
  the share of documents with a matching finding is above the limit. A pattern that matches no
  code is a usage error.
- A configured corpus is itself a test, ``newsclean-corpus``: it fails when the corpus yields no
  document or more than ``max_reject_rate`` (default 0.5) of its records are rejected, naming the
  reasons (``text_field = "page_text"`` or ``--newsclean-text-field`` says where the text is).
  The rate tests and fixtures fail the same way, so a corpus that was never read cannot pass.
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
    text_field: str = "text"
    max_reject_rate: float = 0.5
    pyproject: Path | None = None


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
    group.addoption(
        "--newsclean-text-field",
        default=None,
        metavar="NAME",
        help="field of raw corpus records holding the text (default: text)",
    )


_SETTINGS_KEYS = ("corpus", "expect", "preset", "text_field", "max_reject_rate")


def _find_pyproject(config: pytest.Config) -> Path | None:
    """The ``pyproject.toml`` with the settings: the rootdir's, else the nearest one above the
    directory pytest was started in that has a ``[tool.newsclean]`` table."""
    candidates = [Path(config.rootpath) / "pyproject.toml"]
    here = Path(config.invocation_params.dir).resolve()
    candidates += [d / "pyproject.toml" for d in (here, *here.parents)]
    first = None
    for path in candidates:
        if path.is_file():
            first = first or path
            if b"[tool.newsclean" in path.read_bytes():
                return path
    return first


def _read_settings(config: pytest.Config) -> Settings:
    from newsclean._suggest import did_you_mean
    from newsclean.codes import matching
    from newsclean.errors import ConfigError

    table: dict[str, Any] = {}
    pyproject = _find_pyproject(config)
    if pyproject is not None:
        with pyproject.open("rb") as fh:
            table = tomllib.load(fh).get("tool", {}).get("newsclean", {})
    for key in table:
        if key not in _SETTINGS_KEYS:
            msg = (
                f"[tool.newsclean] has no setting {key!r}.{did_you_mean(key, _SETTINGS_KEYS)} "
                f"Settings: {', '.join(_SETTINGS_KEYS)}"
            )
            raise pytest.UsageError(msg)
    base = pyproject.parent if pyproject is not None else Path(config.rootpath)
    paths: list[str] = list(config.getoption("newsclean_corpus") or [])
    source = "--newsclean-corpus"
    if not paths:
        configured = table.get("corpus", [])
        configured = [configured] if isinstance(configured, str) else list(configured)
        paths = [str(base / p) for p in configured]
        source = f"[tool.newsclean] corpus in {pyproject}"
    expect: list[tuple[str, float]] = []
    for pattern, limit in (table.get("expect") or {}).items():
        if isinstance(limit, bool) or not isinstance(limit, int | float) or not 0 <= limit <= 1:
            msg = f"[tool.newsclean.expect] {pattern!r}: the limit must be a rate from 0 to 1, not {limit!r}"
            raise pytest.UsageError(msg)
        try:
            matching(str(pattern))
        except ConfigError as exc:
            msg = f"[tool.newsclean.expect] {exc}"
            raise pytest.UsageError(msg) from None
        expect.append((str(pattern), float(limit)))
    preset = config.getoption("newsclean_preset") or table.get("preset")
    text_field = config.getoption("newsclean_text_field") or table.get("text_field", "text")
    max_rejects = table.get("max_reject_rate", 0.5)
    if isinstance(max_rejects, bool) or not isinstance(max_rejects, int | float):
        msg = f"[tool.newsclean] max_reject_rate must be a rate from 0 to 1, not {max_rejects!r}"
        raise pytest.UsageError(msg)
    if not isinstance(text_field, str) or not text_field:
        msg = f"[tool.newsclean] text_field must be a field name, not {text_field!r}"
        raise pytest.UsageError(msg)
    return Settings(
        tuple(paths), preset, tuple(expect), source, text_field, float(max_rejects), pyproject
    )


@pytest.hookimpl(tryfirst=True)
def pytest_load_initial_conftests(
    early_config: pytest.Config, parser: pytest.Parser, args: list[str]
) -> None:
    """Undo what ``--newsclean-corpus PATH`` (with a space) did to the rootdir.

    pytest chooses its rootdir and ini file before it loads plugins, when it takes ``PATH`` for a
    test path; a corpus outside the project then moves the rootdir there and the project's
    settings are lost. Here the option is known, so the choice is made again without it.
    """
    values = {args[i + 1] for i, a in enumerate(args[:-1]) if a == "--newsclean-corpus"}
    if not values:
        return
    try:
        _redetermine_rootdir(early_config, args)
    except Exception as exc:  # pytest internals differ between releases: say what to do
        msg = (
            f"could not choose pytest's rootdir again after --newsclean-corpus {sorted(values)[0]} "
            f"({type(exc).__name__}: {exc}); write --newsclean-corpus=PATH instead"
        )
        raise pytest.UsageError(msg) from exc


def _redetermine_rootdir(config: pytest.Config, args: list[str]) -> None:
    import inspect

    from _pytest.config.findpaths import determine_setup

    ns = config.known_args_namespace
    wanted: dict[str, Any] = {
        "inifile": ns.inifilename,
        "override_ini": getattr(ns, "override_ini", None),
        "args": list(ns.file_or_dir),
        "rootdir_cmd_arg": ns.rootdir or None,
        "invocation_dir": config.invocation_params.dir,
    }
    accepted = inspect.signature(determine_setup).parameters
    found = determine_setup(**{k: v for k, v in wanted.items() if k in accepted})
    rootpath, inipath, inicfg = found[0], found[1], found[2]
    if (rootpath, inipath) == (config.rootpath, config.inipath):
        return
    config._rootpath = rootpath
    config._inipath = inipath
    config._inicfg = inicfg
    config._inicache.clear()
    config._parser.extra_info["rootdir"] = str(rootpath)
    config._parser.extra_info["inifile"] = str(inipath)
    ns.confcutdir = str(inipath.parent if inipath is not None else rootpath)
    # the ini file's addopts were read from the wrong file: add the right ones
    args[:] = [*config.getini("addopts"), *args]


def pytest_configure(config: pytest.Config) -> None:
    config.stash[_SETTINGS_KEY] = _read_settings(config)


def _settings(config: pytest.Config) -> Settings:
    return config.stash[_SETTINGS_KEY]


def _pipeline(settings: Settings) -> Pipeline:
    from newsclean.pipeline import default_pipeline

    return default_pipeline(settings.preset or "extracted")


def corpus_problem(report: CorpusReport, settings: Settings) -> str | None:
    """Why a corpus cannot stand behind any test: no document, or mostly rejects."""
    counts = report.counts
    problem = counts.verdict(
        max_reject_rate=settings.max_reject_rate,
        text_field=settings.text_field,
        option="--newsclean-text-field",
    )
    if problem is None:
        return None
    lines = [
        f"newsclean corpus ({settings.source}): {problem}",
        f"  {counts.cleaned} documents cleaned, {counts.rejected} of {counts.read} records "
        f"rejected (max_reject_rate = {settings.max_reject_rate:g})",
    ]
    lines += [
        f"  {n}x {reason} (first at {counts.first_reject.get(reason, '?')})"
        for reason, n in counts.reject_reasons.most_common(3)
    ]
    if counts.text_guesses:
        guess = counts.text_guesses.most_common(1)[0][0]
        lines.append(f'  or set text_field = "{guess}" under [tool.newsclean]')
    return "\n".join(lines)


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
            list(settings.paths),
            pipeline=_pipeline(settings),
            text_field=settings.text_field,
            examples_per_code=20,
        )
    report = config.stash[_REPORT_KEY]
    problem = corpus_problem(report, _settings(config))
    if problem:
        raise CorpusError(problem)
    return report


class CorpusError(AssertionError):
    """The corpus yields no documents, or mostly rejects: no test on it can pass."""


class Corpus:
    """The clean records of the corpus; each iteration reads (and, if needed, cleans) them anew."""

    def __init__(
        self, paths: tuple[str, ...], pipeline: Pipeline, text_field: str = "text"
    ) -> None:
        self.paths = paths
        self.pipeline = pipeline
        self.text_field = text_field

    def __iter__(self) -> Iterator[Article]:
        from newsclean.io import FieldMap, Reject
        from newsclean.report import iter_corpus

        fields = FieldMap(text=self.text_field)
        for record in iter_corpus(list(self.paths), pipeline=self.pipeline, fields=fields):
            if not isinstance(record, Reject):
                yield record

    def __repr__(self) -> str:
        return f"<newsclean corpus {', '.join(self.paths)}>"


@pytest.fixture(scope="session")
def newsclean_corpus(pytestconfig: pytest.Config) -> Corpus:
    """The corpus records (clean); skips the test when no corpus is configured."""
    settings = _settings(pytestconfig)
    _report(pytestconfig)  # fails when the corpus yields nothing usable
    return Corpus(settings.paths, _pipeline(settings), settings.text_field)


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
        if isinstance(excinfo.value, RateLimitError | CorpusError):
            return str(excinfo.value)
        return str(super().repr_failure(excinfo))

    def reportinfo(self) -> tuple[Path, int | None, str]:
        return self.path, None, f"newsclean rate {self.pattern} <= {self.limit:g}"


class CorpusItem(pytest.Item):
    """The corpus itself: it must yield documents, and not mostly rejects."""

    def runtest(self) -> None:
        _report(self.config)

    def repr_failure(
        self,
        excinfo: pytest.ExceptionInfo[BaseException],
        style: Any = None,
    ) -> str:
        if isinstance(excinfo.value, CorpusError):
            return str(excinfo.value)
        return str(super().repr_failure(excinfo))

    def reportinfo(self) -> tuple[Path, int | None, str]:
        return self.path, None, "newsclean corpus"


class ExpectCollector(pytest.Collector):
    """Collects the corpus check and one :class:`RateItem` per line of ``[tool.newsclean.expect]``."""

    def collect(self) -> list[pytest.Item | pytest.Collector]:
        settings = _settings(self.config)
        items: list[pytest.Item | pytest.Collector] = []
        if settings.paths:
            items.append(CorpusItem.from_parent(self, name="newsclean-corpus"))
        items += [
            RateItem.from_parent(
                self, name=f"newsclean-rate[{pattern}]", pattern=pattern, limit=limit
            )
            for pattern, limit in settings.expect
        ]
        return items


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(
    session: pytest.Session, config: pytest.Config, items: list[pytest.Item]
) -> None:
    settings = _settings(config)
    if not settings.expect and not settings.paths:
        return
    path = settings.pyproject or Path(config.rootpath) / "pyproject.toml"
    collector = ExpectCollector.from_parent(session, name="pyproject.toml", path=path)
    # report the collection like any other, so the limits are counted and errors shown
    report = collector.ihook.pytest_make_collect_report(collector=collector)
    config.hook.pytest_collectreport(report=report)
    if report.passed:
        items += [node for node in report.result if isinstance(node, pytest.Item)]
