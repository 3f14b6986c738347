"""The head's rules on their own: the site part of a "Headline | Site" line, author boxes at the
end of an article, widget lines, kickers and numbered list items as would-be headlines."""

from __future__ import annotations

import pytest
from tests.test_structure import view_of

from newsclean.filters.structure import HeadReader


@pytest.mark.parametrize("sep", ["|", "-", "–"])
def test_the_site_part_of_a_title_line_is_not_a_headline_it_repeats(sep: str) -> None:
    headline = "La ciudad inaugura el nuevo hospital tras seis años de obras"
    view = view_of([(f"{headline} {sep} Diario del Sur", None), ("Diario del Sur", None)])
    reader = HeadReader(view)
    assert reader.repeated(1, "Diario del Sur") == 0
    assert reader.repeated(0, headline) == 0  # no other line holds the headline


@pytest.mark.parametrize(
    "other",
    [
        "Rain expected across the region tomorrow | The Daily Example",  # Headline | Site
        "News > Weather > Rain expected across the region tomorrow",  # a breadcrumb ending in it
        "Weather | Rain expected across the region tomorrow",  # a short part before a longer one
    ],
)
def test_a_line_holding_the_headline_as_one_part_is_evidence(other: str) -> None:
    # near misses: the headline is the longer part, or a breadcrumb ends in it
    headline = "Rain expected across the region tomorrow"
    view = view_of([(other, None), (headline, None)])
    assert HeadReader(view).repeated(1, headline) == 2
