"""Dask: a real two-process LocalCluster gives the same records as one process."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from newsclean import default_pipeline
from newsclean.errors import ConfigError, InputError
from newsclean.integrations import clean_partition, with_profile
from newsclean.pipeline import Pipeline

dask = pytest.importorskip("dask")
db = pytest.importorskip("dask.bag")
dd = pytest.importorskip("dask.dataframe")
pd = pytest.importorskip("pandas")
distributed = pytest.importorskip("distributed")

from newsclean.cli import main  # noqa: E402
from newsclean.integrations.dask import (  # noqa: E402
    clean_bag,
    clean_dataframe,
    clean_files,
    clean_frame,
)

try:
    from newsclean.corpus.profile import learn_profile
except ImportError:  # learned site profiles are not in this build
    learn_profile = None  # type: ignore[assignment]

SEED = Path(__file__).resolve().parents[1] / "examples" / "corpus" / "seed-nato.txt"


def records(n: int = 48) -> list[Any]:
    seed = SEED.read_text(encoding="utf-8")
    out: list[Any] = []
    for i in range(n):
        text = (
            seed
            if i % 2
            else f"Headline {i}\n\nShare this article\nBody {i}, sch\u00c3\u00b6n {{{{x}}}}.\n"
        )
        out.append(text if i % 5 == 0 else {"id": f"r{i}", "text": text, "site": f"s{i % 3}"})
    return out


def test_partition_function_without_an_engine() -> None:
    recs = records(6)
    pipeline = default_pipeline()
    got = list(clean_partition(recs, pipeline))
    assert got == [pipeline(r).to_dict() for r in recs]
    assert "original" not in next(clean_partition(recs[:1], drop_original=True))
    paged = [{"id": "p", "page_text": "Stocks rose.\nShare this article", "text": "other"}]
    got_paged = list(clean_partition(paged, text_field="page_text"))
    assert got_paged[0]["text"] == "Stocks rose."
    assert got_paged[0]["meta"] == {"input_text": "other"}
    bag_paged = clean_bag(db.from_sequence(paged), text_field="page_text").compute()
    assert bag_paged == got_paged
    bad = list(clean_partition([{"id": "x"}, "fine"], errors="reject"))
    assert bad[0]["id"] == "x"
    assert "text" in bad[0]["rejected"]
    assert bad[1]["text"] == "fine"
    with pytest.raises(InputError, match="text"):
        list(clean_partition([{"id": "x"}]))


def test_pipeline_is_one_graph_node() -> None:
    bag = clean_bag(db.from_sequence(records(8), npartitions=4))
    graph = dict(bag.__dask_graph__())
    nodes = [k for k in graph if str(k).startswith("newsclean-pipeline-")]
    assert len(nodes) == 1
    held = [v for v in graph.values() if isinstance(getattr(v, "value", v), Pipeline)]
    assert len(held) == 1


def test_profile_needs_a_filter_that_takes_it() -> None:
    with pytest.raises(ConfigError, match="profile"):
        with_profile(default_pipeline()[:2], object())


@pytest.mark.timeout(60)
def test_local_cluster_matches_one_process(tmp_path: Path) -> None:
    recs = records()
    single = list(clean_partition(recs))
    frame = pd.DataFrame(
        {
            "id": [f"d{i}" for i in range(len(recs))],
            "text": [r if isinstance(r, str) else r["text"] for r in recs],
        }
    )
    expected_frame = clean_frame(frame)
    with (
        distributed.LocalCluster(
            n_workers=2, processes=True, threads_per_worker=1, dashboard_address=":0"
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        bag = db.from_sequence(recs, npartitions=6)
        got = clean_bag(bag).compute()
        assert json.dumps(got) == json.dumps(single)
        ddf = dd.from_pandas(frame, npartitions=3)
        got_frame = clean_dataframe(ddf).compute()
        pd.testing.assert_frame_equal(
            got_frame.reset_index(drop=True).astype(object),
            expected_frame.reset_index(drop=True).astype(object),
        )
        assert len(client.scheduler_info()["workers"]) == 2
        # whole files, streamed one record at a time: the records and rejects of `newsclean clean`
        pages = tmp_path / "pages-1.jsonl"
        lines = [json.dumps({"id": f"p{i}", "page_text": r if isinstance(r, str) else r["text"]})
                 for i, r in enumerate(recs[:12])]  # fmt: skip
        pages.write_text("\n".join([*lines, "{bad", '{"page_text": 5}']) + "\n", encoding="utf-8")
        counts = clean_files([pages], tmp_path / "out", text_field="page_text")
        assert (counts.read, counts.cleaned, counts.rejected) == (14, 12, 2)
        cli_out, cli_rej = tmp_path / "cli.jsonl", tmp_path / "cli-rejects.jsonl"
        argv = ["clean", str(pages), "-o", str(cli_out), "--rejects", str(cli_rej), "-q"]
        assert main([*argv, "--text-field", "page_text"]) == 0
        assert (tmp_path / "out" / "pages-1.jsonl").read_bytes() == cli_out.read_bytes()
        assert (tmp_path / "out" / "pages-1.rejects.jsonl").read_bytes() == cli_rej.read_bytes()
        if learn_profile is not None:  # a learned site profile travels with the pipeline
            sited = [r for r in recs if isinstance(r, dict)]
            for r in sited:
                r["text"] += "\n© 2024 Example Media, all rights reserved"
            profile = learn_profile(sited, min_docs=3, min_count=2)
            expected = list(clean_partition(sited, default_pipeline(profile=profile)))
            assert any(r["removals"] for r in expected)
            got = clean_bag(db.from_sequence(sited, npartitions=4), profile=profile).compute()
            assert json.dumps(got) == json.dumps(expected)


# dask 2026.8's parquet writer calls set_index(inplace=...), which pandas 3.1 deprecates
@pytest.mark.filterwarnings("ignore:The inplace keyword")
def test_clean_dataframe_writes_parquet_with_a_text_field(tmp_path: Path) -> None:
    pytest.importorskip("pyarrow")
    frame = pd.DataFrame(
        {"id": ["a", "b"], "page_text": ["Stocks rose.\nShare this article", "Markets fell."]}
    )
    ddf = dd.from_pandas(frame, npartitions=2)
    out = clean_dataframe(ddf, text_field="page_text")
    out.to_parquet(tmp_path / "clean", engine="pyarrow")  # declared dtypes: a schema to write
    back = pd.read_parquet(tmp_path / "clean").sort_values("id").reset_index(drop=True)
    assert back["clean_text"].tolist() == ["Stocks rose.", "Markets fell."]
    assert back["clean_ok"].tolist() == [True, True]
