from __future__ import annotations

from pathlib import Path

import newsclean

SEED = Path(__file__).parent.parent / "examples" / "corpus" / "seed-nato.txt"


def test_seed_title_body_and_removals() -> None:
    original = SEED.read_text(encoding="utf-8")
    article = newsclean.clean(original)
    assert article.title == "NATO to Deepen Ties With Ukraine and Expand Regional Security Efforts"
    assert len(article.paragraphs) == 5
    assert article.paragraphs[0].startswith("The North Atlantic Alliance member states")
    assert article.paragraphs[-1].endswith("rather than hasty deadlines.")
    # every other non-empty line is removed, with a reason
    kept = set(article.paragraphs)
    other = [ln.strip() for ln in original.splitlines() if ln.strip() and ln.strip() not in kept]
    removed = [r.text.strip() for r in article.removals]
    assert sorted(removed) == sorted(other)
    assert all(r.reason for r in article.removals)
    assert "template.token" in article.codes
