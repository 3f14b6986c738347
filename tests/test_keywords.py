"""Nothing swallowed: keywords nobody understands, code patterns that match nothing, and
extending the pipeline with filters and codes of one's own."""

from __future__ import annotations

import pickle
import subprocess
import sys
from dataclasses import dataclass
from typing import ClassVar

import pytest

import newsclean
from newsclean import (
    Article,
    ConfigError,
    Draft,
    InputError,
    Pipeline,
    Proposal,
    Stage,
    UnknownOptionError,
    clean,
    default_pipeline,
    make_filter,
)
from newsclean.codes import CODES, Kind, matching, register_code
from newsclean.pipeline import BlockRemoval
from newsclean.report import CorpusReport


def test_clean_refuses_a_pipeline_option_and_says_where_it_goes() -> None:
    with pytest.raises(UnknownOptionError, match=r"'kb' is a pipeline option.*default_pipeline"):
        clean("Some text.", kb=["mine.jsonl"])


def test_clean_refuses_a_misspelt_field_with_a_suggestion() -> None:
    with pytest.raises(TypeError, match=r"'titel'\. Did you mean 'title'\?"):
        clean("Some text.", titel="x")


def test_a_pipeline_call_refuses_preset() -> None:
    with pytest.raises(UnknownOptionError, match=r"preset is chosen when a pipeline is built"):
        default_pipeline()("Some text.", preset="page")


def test_fields_and_meta_are_taken() -> None:
    article = clean("Body text here.", title="A title", meta={"source": "feed"})
    assert article.title == "A title"
    assert article.meta == {"source": "feed"}
    with pytest.raises(UnknownOptionError, match="meta must be a mapping"):
        clean("Body.", meta="x")  # type: ignore[arg-type]


def test_default_pipeline_takes_preset_by_keyword() -> None:
    assert default_pipeline(preset="page") == default_pipeline("page")
    with pytest.raises(ConfigError, match=r"Did you mean 'page'\?"):
        default_pipeline(preset="pages")


def test_text_field_is_read_and_a_missing_one_is_named() -> None:
    record = {"page_text": "Stocks rose.\nShare this article", "extracted_text": "x", "id": "a"}
    article = clean(record, text_field="page_text")
    assert article.text == "Stocks rose."
    assert article.meta == {"extracted_text": "x"}
    with pytest.raises(
        InputError,
        match=r"no 'text' field; fields: page_text, extracted_text, id; try text_field='page_text'",
    ):
        clean(record)
    with pytest.raises(InputError, match=r"no 'body' field"):
        clean({"text": "x"}, text_field="body")


def test_repr_shows_a_missing_title_as_none() -> None:
    assert "title=None" in repr(Article(text="x", original="x"))


# -- code patterns ----------------------------------------------------------------------------


def test_a_pattern_matching_no_code_names_the_nearest() -> None:
    assert "template.token" in matching("template.*")
    with pytest.raises(
        ConfigError, match=r"'templates\.\*' matches no finding code; nearest: template\.\*"
    ):
        matching("templates.*")
    report = CorpusReport()
    with pytest.raises(ConfigError, match="nearest: template"):
        report.finding_rate("templat.*")
    with pytest.raises(ConfigError, match="matches no removal code"):
        report.removal_rate("boilerplate.shares")


def test_check_refuses_a_limit_that_matches_no_code(tmp_path: pytest.TempPathFactory) -> None:
    from newsclean.cli import main

    corpus = tmp_path / "c.jsonl"  # type: ignore[operator]
    corpus.write_text('{"text": "Body text."}\n')
    assert main(["check", str(corpus), "--max-rate", "templates.*=0"]) == 2


# -- extending --------------------------------------------------------------------------------


@dataclass(frozen=True)
class StripPromo:
    """Remove the site's promo line ("See our promo")."""

    name: ClassVar[str] = "strip_promo"
    stage: ClassVar[Stage] = Stage.STRIP
    codes: ClassVar[tuple[tuple[str, str, str, str], ...]] = (
        ("acme.promo", "removal", "info", "the site's app promo line"),
    )

    def apply(self, draft: Draft) -> Proposal:
        return Proposal(
            removals=tuple(
                BlockRemoval(b.index, "acme.promo", "app promo")
                for b in draft.blocks
                if b.text.strip().lower() == "see our promo"
            )
        )


def test_add_places_a_filter_by_stage_and_keeps_options() -> None:
    base = default_pipeline(budget=3.0, regex_timeout=0.5)
    added = base.add(StripPromo())
    names = added.names
    assert names.index("strip_promo") > names.index("detect_title")
    assert names.index("strip_promo") < names.index("check_facts")
    assert (added.budget, added.regex_timeout) == (3.0, 0.5)
    assert (base + StripPromo()).names == names
    assert (base + [StripPromo()]).names == names  # noqa: RUF005
    first = base.add(StripPromo(), before="strip_boilerplate")
    assert first.names.index("strip_promo") == first.names.index("strip_boilerplate") - 1
    with pytest.raises(ConfigError, match="out of stage order"):
        base.add(StripPromo(), after="check_headline")
    with pytest.raises(ConfigError, match=r"Did you mean 'strip_boilerplate'"):
        base.add(StripPromo(), before="strip_boilerplat")
    article = added("Stocks rose sharply on Monday.\nSee our promo")
    assert [r.reason for r in article.removals] == ["acme.promo"]


def test_rebuilding_from_a_pipeline_keeps_its_options() -> None:
    base = default_pipeline(budget=3.0)
    assert Pipeline(base).budget == 3.0
    assert Pipeline(base, budget=None).budget is None
    assert base[1:].budget == 3.0


def test_out_of_order_says_how_to_place_a_filter() -> None:
    with pytest.raises(ConfigError, match=r"pipeline\.add\(filter\) places a filter"):
        Pipeline([*default_pipeline(), StripPromo()])


def test_registered_codes() -> None:
    code = register_code("acme.teaser", "removal", summary="a teaser line")
    assert CODES["acme.teaser"] is code
    assert register_code("acme.teaser", Kind.REMOVAL, "info", "a teaser line") == code
    with pytest.raises(ConfigError, match="never reused"):
        register_code("acme.teaser", "finding", "error", "other")
    with pytest.raises(ConfigError, match="not a dotted lower-case slug"):
        register_code("Acme Teaser", "removal")
    with pytest.raises(ConfigError, match="kind 'remove' is not one of"):
        register_code("acme.other", "remove")
    assert newsclean.register_code is register_code


def test_an_unknown_code_says_how_to_declare_it() -> None:
    @dataclass(frozen=True)
    class Undeclared:
        name: ClassVar[str] = "undeclared"
        stage: ClassVar[Stage] = Stage.STRIP

        def apply(self, draft: Draft) -> Proposal:
            return Proposal(removals=(BlockRemoval(0, "acme.undeclared"),))

    with pytest.raises(ConfigError, match=r"'codes' class attribute.*register_code"):
        Pipeline([Undeclared()])("Text.")


def test_declared_codes_reach_another_process() -> None:
    pipeline = Pipeline([make_filter("fix_line_breaks"), StripPromo()])
    blob = pickle.dumps(pipeline)
    # a fresh interpreter: only unpickling the pipeline can register the code there
    script = (
        "import pickle, sys\n"
        "sys.path.insert(0, sys.argv[1])\n"
        "p = pickle.loads(sys.stdin.buffer.read())\n"
        "from newsclean.codes import CODES\n"
        "print(CODES['acme.promo'].kind.value)\n"
    )
    import pathlib

    here = str(pathlib.Path(__file__).parent.parent)
    out = subprocess.run(
        [sys.executable, "-c", script, here], input=blob, capture_output=True, check=True
    )
    assert out.stdout.decode().strip() == "removal"
