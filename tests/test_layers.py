"""The package's shape: declared codes, the registry, the README's module table."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

import pytest

import newsclean
from newsclean import codes
from newsclean.codes import Kind
from newsclean.draft import BlockRemoval, Draft, Flag, Proposal, Stage
from newsclean.errors import ConfigError
from newsclean.filters._builtin import BUILTIN_FILTERS
from newsclean.pipeline import Pipeline, raised_by
from newsclean.registry import FILTERS

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "newsclean"

#: what each stage may propose, by kind of code
STAGE_KINDS = {
    Stage.NORMALIZE: {Kind.EDIT, Kind.FINDING},
    Stage.STRIP: {Kind.REMOVAL, Kind.FINDING},
    Stage.FLAG: {Kind.FINDING},
}


@pytest.mark.parametrize("cls", BUILTIN_FILTERS, ids=lambda c: c.name)
def test_every_builtin_filter_declares_codes_it_may_use(cls: type) -> None:
    assert FILTERS.get(cls.name) is cls
    declared = cls().codes
    assert isinstance(declared, tuple)
    assert declared
    assert len(set(declared)) == len(declared)
    for code in declared:
        assert codes.get(code).kind in STAGE_KINDS[cls.stage], (cls.name, code)


def test_every_code_is_raised_by_someone() -> None:
    assert set(codes.BUILTIN) - set(raised_by()) == set()  # not codes tests add
    assert raised_by()["boilerplate.chrome"] == ["classify_blocks"]
    assert raised_by()["pipeline.regex_timeout"] == ["pipeline"]


@dataclass(frozen=True)
class Declares:
    name: ClassVar[str] = "declares"
    stage: ClassVar[Stage] = Stage.STRIP
    codes: ClassVar[tuple[str, ...]] = ("boilerplate.share",)
    reason: str = "boilerplate.share"
    flag: str | None = None

    def apply(self, draft: Draft, /) -> Proposal:
        flags = (Flag(self.flag, (0, 1), "x"),) if self.flag else ()
        return Proposal(removals=(BlockRemoval(0, self.reason),), flags=flags)


def test_a_declared_code_is_accepted() -> None:
    article = Pipeline([Declares()])("Share this\nBody text.")
    assert [r.reason for r in article.removals] == ["boilerplate.share"]


@pytest.mark.parametrize(
    "f",
    [Declares(reason="boilerplate.ad"), Declares(flag="template.token")],
    ids=["removal", "finding"],
)
def test_an_undeclared_code_is_a_programmer_error(f: Declares) -> None:
    with pytest.raises(ConfigError, match="not among the codes it declares"):
        Pipeline([f])("Share this\nBody text.")


def test_a_filter_without_declared_codes_is_not_checked() -> None:
    @dataclass(frozen=True)
    class Undeclared:
        name: ClassVar[str] = "undeclared"
        stage: ClassVar[Stage] = Stage.STRIP

        def apply(self, draft: Draft, /) -> Proposal:
            return Proposal(removals=(BlockRemoval(0, "boilerplate.ad"),))

    assert Pipeline([Undeclared()])("Ad\nBody text.").removals[0].reason == "boilerplate.ad"


def test_user_patterns_declare_their_reason() -> None:
    f = newsclean.make_filter("strip_lines_matching", patterns=["^menu$"], reason="boilerplate.ad")
    assert f.codes == ("boilerplate.ad",)  # type: ignore[attr-defined]
    assert Pipeline([f])("Menu\nBody text.").removals[0].reason == "boilerplate.ad"


def test_the_registry_is_a_leaf() -> None:
    source = (PACKAGE / "registry.py").read_text(encoding="utf-8")
    assert re.findall(r"^\s*(?:from|import) newsclean\.(\w+)", source, re.M) == ["errors"]


def test_readme_module_table_names_every_module() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    table = readme[readme.index("| module | what it holds |") :]
    table = table[: table.index("\n\n")]
    named = set(re.findall(r"`([\w/]+(?:\.py)?)`", table))
    expected = {p.name for p in PACKAGE.glob("*.py") if p.name != "__init__.py"}
    expected |= {f"{p.name}/" for p in PACKAGE.iterdir() if (p / "__init__.py").exists()}
    expected |= {p.name for p in (PACKAGE / "filters").glob("*.py") if p.name != "__init__.py"}
    expected |= {
        f"{p.name}/"
        for p in (PACKAGE / "filters").iterdir()
        if p.is_dir() and (p / "__init__.py").exists()
    }
    missing = sorted(expected - named)
    assert not missing, f"README's module table misses {missing}"
