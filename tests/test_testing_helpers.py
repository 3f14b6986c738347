from __future__ import annotations

import subprocess
import sys

import pytest

import newsclean
from newsclean.testing import assert_clean, assert_findings, assert_removed

DIRTY = (
    "A Headline For The Story\n\nShare this article\n\n"
    "Dear {FIRST_NAME}, the body is fine.\n\nAnd this line {CITY} too."
)


def test_assert_clean_shows_the_offending_lines() -> None:
    with pytest.raises(AssertionError) as err:
        assert_clean(DIRTY)
    msg = str(err.value)
    assert "2 finding(s)" in msg
    assert "line 5: Dear {FIRST_NAME}, the body is fine." in msg
    assert "line 7: And this line {CITY} too." in msg
    assert "^^^^^^^^^^^^" in msg


def test_assert_clean_allow_and_return() -> None:
    article = assert_clean(DIRTY, allow=["template.*"])
    assert assert_clean(article, allow={"template.token"}) is article


def test_assert_findings_sets_counts_and_exact() -> None:
    a = newsclean.clean(DIRTY)
    assert_findings(a, {"template.token"})
    assert_findings(a, {"template.*": 2})
    assert_findings(a, set(), exact=False)
    with pytest.raises(AssertionError, match=r"expected 1 × template.token, found 2"):
        assert_findings(a, {"template.token": 1})
    with pytest.raises(AssertionError, match=r"unexpected template.token") as err:
        assert_findings(a, set())
    assert "line 5: Dear {FIRST_NAME}" in str(err.value)
    with pytest.raises(AssertionError, match=r"expected title.never_held, not found"):
        assert_findings(a, {"title.never_held"}, exact=False)


def test_assert_removed_explains_where_the_line_went() -> None:
    a = newsclean.clean(DIRTY)
    assert_removed(a, "Share this article")
    assert_removed(a, "  Share this article ", reason="boilerplate.share")
    assert_removed(a, reason="boilerplate.*")
    with pytest.raises(AssertionError) as err:
        assert_removed(a, "Share this article", reason="boilerplate.cookie")
    assert "was removed as boilerplate.share, not boilerplate.cookie" in str(err.value)
    with pytest.raises(AssertionError) as err:
        assert_removed(a, "And this line {CITY} too.", "Not there at all")
    msg = str(err.value)
    assert "'And this line {CITY} too.' was kept (in the body)" in msg
    assert "'Not there at all' is not in the record" in msg
    assert "[boilerplate.share] 'Share this article'" in msg
    with pytest.raises(AssertionError, match=r"nothing was removed for boilerplate\.cookie"):
        assert_removed(a, reason="boilerplate.cookie")


def test_importing_testing_does_not_import_pytest() -> None:
    code = "import sys, newsclean.testing; print('pytest' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
