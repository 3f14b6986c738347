"""Page records on development pages written for these tests (``tests/data/pages_dev_<x>.jsonl``).

Each page is the visible text of an invented news page in one of the eight catalogue languages —
menus, breadcrumbs, cookie and share lines, captions, related titles around an article — with
what a reader would call its headline, standfirst, authors, agency, date and dateline, and lines
that must stay in the body or leave it. The sets were written from the description of a news
page alone, then measured before and after the record's rules; the floors below are the figures
the rules reached (docs/record.md). A wrong title counts against the rules even where the page
has no headline.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, NamedTuple

import pytest
from rapidfuzz import fuzz

import newsclean

DATA = Path(__file__).parent / "data"


class Floors(NamedTuple):
    titles_right: int
    wrong_titles: int  # at most
    authors_right: int
    published_right: int
    keep_recall: float
    drop_removed: float


SETS = {
    # headline scoring by topic with a margin over rival headlines: fewer wrong titles; a caption
    # that a wrong title used to take out of the body now stays in it (drop removal of a and d)
    # a paragraph alone among chrome above the head (a notice, a welcome) is read past: a and b
    # titles 47 -> 48 and 41 -> 45, e 48 -> 51, wrong unchanged; their authors and dates with them;
    # lists, quotes and code lines inside the article stay: b keep 0.905 -> 0.961
    # a headline standing out at the end of a menu, and a dek below a byline and a date line:
    # b titles 45 -> 49 and wrong 4 -> 2, c 49 -> 53 (a date 54 -> 55), d 48 -> 52 and wrong
    # 3 -> 1, e 51 -> 53, f 43 -> 45
    "a": Floors(48, 1, 36, 49, 0.92, 0.945),
    "b": Floors(49, 2, 35, 50, 0.95, 0.95),
    "c": Floors(53, 2, 41, 55, 0.95, 0.95),
    # measured before the rules of the last two rounds saw it, and not worked on since
    # a tight head (a byline right below, the body after): titles 52 -> 53
    "d": Floors(53, 1, 38, 53, 0.96, 0.905),
    # measured before and after the topic-and-rivals rules (titles 47 -> 48, wrong 4 -> 1), then
    # 48 -> 51 under the notice rule; not worked on
    # 53 -> 54 under the tight head and the glued kicker
    "e": Floors(55, 0, 37, 53, 0.99, 0.955),
    # measured before and after the notice rule and the in-article lists (titles 42 -> 43 of 57,
    # wrong 2 of 60, authors 29 -> 30 of 37, dates 46 -> 47 of 54); not worked on. Wrong 2 -> 3
    # under the menu's-end rule: a subscription offer after the menu ("Weekend offer: 12 weeks
    # for £1") above a kicker and a byline, where the headline below them is written in capitals
    # and is no candidate (it is counted as a drop line kept too: drop 0.957 -> 0.955, floor
    # 0.955 -> 0.954); the set's other titles rose 43 -> 45
    "f": Floors(45, 3, 30, 47, 0.955, 0.954),
    # measured before and after the menu-end and breadcrumb rules (titles 45 -> 48 of 55, wrong 4
    # of 60 both times, authors 29 of 41, dates 49 of 53, keep 0.950 -> 0.952); not worked on
    # 48 -> 49 under the tight head and the glued kicker
    "g": Floors(49, 4, 29, 49, 0.952, 0.942),
    # measured before and after the tight head and the lead below the menu (titles 45 -> 46 of
    # 56, wrong 1 of 60, authors 28 of 41, dates 42 of 51, keep 0.919, drop 0.932 both times);
    # not worked on; 46 -> 47 once "… a 9.5 por ciento" no longer reads as a byline
    "h": Floors(47, 1, 28, 42, 0.918, 0.932),
}


def same_title(a: str, b: str) -> bool:
    a, b = a.casefold().strip(), b.casefold().strip()
    if fuzz.ratio(a, b) >= 90:
        return True
    short, long_ = sorted((a, b), key=len)
    return short in long_ and len(short) >= 0.6 * len(long_)


def load(name: str) -> list[dict[str, Any]]:
    path = DATA / f"pages_dev_{name}.jsonl"
    return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]


@pytest.mark.parametrize("name", sorted(SETS))
def test_page_records_reach_their_floors(name: str) -> None:
    floors = SETS[name]
    pipeline = newsclean.default_pipeline("page")
    right = wrong = authors = published = 0
    keep = keep_ok = drop = drop_ok = 0
    for page in load(name):
        record = {"text": page["page_text"]}
        if page.get("url"):
            record["url"] = page["url"]
        article = pipeline(record)
        if article.title is not None:
            if page["title"] is not None and same_title(article.title, page["title"]):
                right += 1
            else:
                wrong += 1
        if page["authors"]:
            got = sorted(a.casefold() for a in article.authors)
            authors += got == sorted(a.casefold() for a in page["authors"])
        if page["published"]:
            published += (article.published or "")[:10] == page["published"]
        out = (article.title or "") + "\n" + article.text
        keep += len(page["keep"])
        keep_ok += sum(line in out for line in page["keep"])
        lines = set(out.split("\n"))
        drop += len(page["drop"])
        drop_ok += sum(line not in lines for line in page["drop"])
    assert right >= floors.titles_right
    assert wrong <= floors.wrong_titles
    assert authors >= floors.authors_right
    assert published >= floors.published_right
    assert keep_ok / keep >= floors.keep_recall
    assert drop_ok / drop >= floors.drop_removed


#: pages whose body changes when cleaned again: the first pass removes most of a list ending the
#: article and keeps its tail, which the second pass then takes for a chrome cluster at the edge
#: (pg004); a one-word desk credit between the headline and the date line stays in the body and
#: is then its first line, which the classifier of the second pass takes for chrome (pg034); a
#: menu item read as the kicker above the headline stays in the body (a kept kicker does), with a
#: category label under the byline, and the second pass takes both for chrome at the top (pf046)
NOT_IDEMPOTENT = {"pg004", "pg034", "pf046"}


@pytest.mark.parametrize(
    "page",
    [
        pytest.param(
            page,
            id=page["id"],
            marks=[pytest.mark.xfail(strict=True, reason="the body changes when cleaned again")]
            if page["id"] in NOT_IDEMPOTENT
            else [],
        )
        for name in sorted(SETS)
        for page in load(name)
    ],
)
def test_a_page_cleaned_again_keeps_its_body(page: dict[str, Any]) -> None:
    pipeline = newsclean.default_pipeline("page")
    article = pipeline({"text": page["page_text"]})
    assert pipeline({"text": article.text}).text == article.text
