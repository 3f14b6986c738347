"""The example notebook is executed for real, so it never rots."""

from __future__ import annotations

from pathlib import Path

import pytest

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")
pytest.importorskip("ipykernel")

TOUR = Path(__file__).resolve().parents[1] / "examples" / "tour.ipynb"


def test_tour_notebook_runs_and_shows_html() -> None:
    nb = nbformat.read(TOUR, as_version=4)
    client = nbclient.NotebookClient(
        nb,
        timeout=120,
        kernel_name="python3",
        resources={"metadata": {"path": str(TOUR.parent)}},
    )
    client.execute()
    outputs = [o for cell in nb.cells if cell.cell_type == "code" for o in cell.get("outputs", [])]
    assert not [o for o in outputs if o.output_type == "error"]
    html = [o["data"]["text/html"] for o in outputs if "text/html" in o.get("data", {})]
    assert any("newsclean-article" in h and "<del" in h and "<mark" in h for h in html)
    assert any("newsclean-report" in h and "<svg" in h for h in html)
    assert sum("<table" in h and "dataframe" in h for h in html) >= 3  # pandas frames
    text = "".join(o.get("text", "") for o in outputs if o.output_type == "stream")
    assert "checks passed" in text
