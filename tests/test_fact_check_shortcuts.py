"""The fact checks' shortcuts that skip text find what the plain computations find."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from newsclean._patterns import Match, Pattern
from newsclean.filters.facts import dates
from newsclean.filters.facts import filters as ff
from newsclean.filters.facts import mentions as mn
from newsclean.filters.facts.headline import coverage, coverage_in_text, tokens
from newsclean.filters.facts.kb import fold, load_kb
from newsclean.filters.facts.scan import REACH, find_words, scan_starts, windows, word_starts
from newsclean.pipeline import split_blocks

TRIGGERS = list(mn.gazetteer(load_kb()).triggers)

PIECES = st.sampled_from(
    [" ", "  ", ", ", ".", "-", "\n", "\n\n", "x", "ß", "İ", "2022", "12", "3.", "(", ")", "1.5."]
)
DATE_WORDS = [*dates.WEEKDAYS, *dates.MONTHS, "the", "de", "of", "Sept.", "2019-05-30"]


def _texts(words: list[str]) -> st.SearchStrategy[str]:
    cased = st.sampled_from(words).flatmap(
        lambda w: st.sampled_from([w, w.upper(), w.title(), "ab" + w, w[:-1]])
    )
    return st.lists(st.one_of(cased, PIECES), max_size=30).map("".join)


def _inside(span: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    return any(a <= span[0] and span[1] <= b for a, b in spans)


@given(_texts(DATE_WORDS), st.data())
def test_dates_within_spans_are_those_of_the_whole_text(text: str, data: st.DataObject) -> None:
    """Skipping the windows that miss every wanted line loses no date inside those lines."""
    blocks = split_blocks(text)
    wanted = [b.span for b in blocks if data.draw(st.booleans())]
    every = [d for d in dates.find_dates(text, timeout=None) if _inside(d.span, wanted)]
    found = dates.find_dates(text, timeout=None, within=wanted)
    assert [d for d in found if _inside(d.span, wanted)] == every


@given(_texts(DATE_WORDS))
def test_dates_within_the_whole_text_are_all_dates(text: str) -> None:
    whole = [(0, len(text))]
    assert list(dates.find_dates(text, timeout=None, within=whole)) == list(
        dates.find_dates(text, timeout=None)
    )


@given(
    st.lists(st.tuples(st.integers(0, 40), st.integers(1, 6)), max_size=6),
    st.integers(0, 50),
    st.integers(0, 10),
)
def test_overlap_test_is_the_plain_one(
    pieces: list[tuple[int, int]], start: int, length: int
) -> None:
    spans: list[tuple[int, int]] = []
    at = 0
    for gap, size in pieces:
        spans.append((at + gap, at + gap + size))
        at += gap + size
    end = start + length
    plain = any(a < end and start < b for a, b in spans)
    assert dates.overlaps_any(spans)(start, end) == plain


@given(_texts([*TRIGGERS, "Mr", "the"]), st.data(), st.integers(0, 12))
def test_title_words_within_lines_are_those_of_the_whole_text(
    text: str, data: st.DataObject, gap: int
) -> None:
    """Title words found in the kept lines alone (close lines scanned as one span) are the
    whole text's title words that start in those lines."""
    wanted = [b.span for b in split_blocks(text) if data.draw(st.booleans())]
    every = [h for h in find_words(TRIGGERS, text) if _inside((h[0], h[0]), wanted)]
    found = find_words(TRIGGERS, text, ff._line_runs(wanted, gap))
    assert [h for h in found if _inside((h[0], h[0]), wanted)] == every
    assert set(found) <= set(find_words(TRIGGERS, text))


HEADLINE_WORDS = [
    "Straße",
    "strasse",
    "Maß",
    "maße",
    "İstanbul",
    "ﬁnance",
    "finance",
    "Kiew",
    "über",
]


@given(
    st.lists(st.one_of(st.sampled_from(HEADLINE_WORDS), PIECES), max_size=30).map("".join),
    st.lists(st.sampled_from([w.casefold() for w in HEADLINE_WORDS]), max_size=5, unique=True),
)
def test_terms_found_in_the_text_are_those_among_its_words(text: str, terms: list[str]) -> None:
    """Looking up the words near wide characters once for all terms finds what tokenising
    the whole text finds."""
    found = coverage_in_text(terms, text, timeout=None)
    if found is not None:
        words = {w.casefold() for w in tokens(text, timeout=None)}
        assert found == coverage(terms, words)


@given(st.sampled_from([*mn.gazetteer(load_kb()).starters, "frühere", "Ex", "ß", "x", ""]))
def test_remembered_title_starts_are_the_plain_test(word: str) -> None:
    starters = mn.gazetteer(load_kb()).starters
    plain = word in starters or fold(word) in starters
    assert mn._starts_title(starters, word) == plain
    assert mn._starts_title(starters, word) == plain  # a second time, from memory


def _plain_windows(
    anchors: list[tuple[int, int]], text: str, before: int, after: int
) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for start, end in anchors:
        a, b = max(0, start - before), min(len(text), end + after)
        while a > 0 and not text[a - 1].isspace():
            a -= 1
        while b < len(text) and not text[b].isspace():
            b += 1
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


@given(
    st.text(alphabet="ab \n\u2003", max_size=60),
    st.lists(st.tuples(st.integers(0, 60), st.integers(0, 5)), max_size=8),
    st.integers(0, 12),
    st.integers(0, 12),
)
def test_windows_merged_before_widening_are_the_plain_ones(
    text: str, spans: list[tuple[int, int]], before: int, after: int
) -> None:
    """A window whose start falls inside the last one is merged without widening its start."""
    anchors = sorted((min(s, len(text)), min(s + k, len(text))) for s, k in spans)
    assert windows(anchors, text, before=before, after=after) == _plain_windows(
        anchors, text, before, after
    )


def _plain_scan_starts(
    pattern: Pattern, anchors: list[tuple[int, int]], text: str, before: int
) -> list[tuple[Match, int]]:
    """``scan_starts`` trying every word start before every anchor."""
    out = []
    reach = -1
    for start, _ in anchors:
        if start < reach:
            continue
        for pos in word_starts(text, max(reach, start - before), start):
            base = max(0, pos - 40)
            m = pattern.match(text[base : pos + REACH], pos - base)
            if m is not None and m.end() + base > start:
                reach = m.end() + base
                out.append((m, base))
                break
    return out


#: title words close together, most of them in no mention: many anchors try the same positions
MENTION_PIECES = st.sampled_from(
    [
        "President ",
        "Foreign ",
        "Minister ",
        "Prime ",
        "Secretary of State ",
        "the ",
        "former ",
        "said ",
        "Joe Biden",
        "Antony Blinken",
        "Rishi Sunak",
        ", ",
        "\n",
        "x ",
    ]
)


@given(st.lists(MENTION_PIECES, max_size=40).map("".join))
def test_positions_tried_once_give_the_plain_matches(text: str) -> None:
    """Positions tried for an earlier anchor are not tried again: the matches stay the same."""
    gaz = mn.gazetteer(load_kb())
    anchors = find_words(TRIGGERS, text)
    for pattern, before in ((gaz.title_first, 70), (gaz.name_first, 130)):
        found = [
            (m.span(), m.string, at)
            for m, at in scan_starts(pattern, anchors, text, before=before, timeout=None)
        ]
        plain = [
            (m.span(), m.string, at) for m, at in _plain_scan_starts(pattern, anchors, text, before)
        ]
        assert found == plain


NAME_WORDS = [
    "Jens",
    "Stoltenberg",
    "Stoltenbreg",
    "Emmanuel",
    "Macorn",
    "Ursula",
    "von",
    "der",
    "Layen",
    "Mark",
    "Market",
    "Anthony",
    "Blinken",
    "said",
    "the",
]


@given(st.lists(st.one_of(st.sampled_from(NAME_WORDS), PIECES), max_size=25).map("".join))
def test_bare_names_through_given_names_are_those_of_every_capital(text: str) -> None:
    """Reading names only where a known given name starts finds what reading one at every
    capitalised word start finds."""
    from newsclean.filters.facts import names as nm
    from newsclean.pipeline import Draft

    kb = load_kb()
    draft = Draft.of(text)
    given = find_words(nm.given_names(kb).words, text, whole=True, cased=True)
    gated = ff._bare_names(kb, draft, given, [])
    every = [
        (i, i + 1)
        for i in word_starts(text, 0, len(text))
        if text[i].isupper() and text[i - 1 : i] != "-"
    ]
    plain = ff._bare_names(kb, draft, every, [])
    assert [(b.span, b.match.person) for b in gated] == [(b.span, b.match.person) for b in plain]
