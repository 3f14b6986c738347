"""Calendar dates in text: weekday checks, impossible dates, and the article's own date.

Month and weekday names come from the language packs (``data/lang/<xx>/months.txt`` and
``weekdays.txt``), the words between a date's parts from their ``facts.txt``; the "Month D, YYYY"
form is read with the English months. Forms: "Weekday, D Month YYYY", "Weekday,
Month D, YYYY", "Weekday (Month D)" (year from the publication date), "D.M.YYYY" and ISO dates.
"""

from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
import functools
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from newsclean._patterns import (
    DEFAULT_TIMEOUT,
    alternation,
    compile_pattern,
    finditer,
    is_plain,
    literal_pattern,
    literal_within,
    search,
)
from newsclean.errors import PatternDataError
from newsclean.filters.facts import lexicon as lex
from newsclean.filters.facts.scan import lowered, scan
from newsclean.lang import all_entries


def _numbered(name: str, langs: tuple[str, ...] | None, first: int, last: int) -> dict[str, int]:
    """``name<TAB>number`` entries of the packs, lower case, the first number a name has."""
    table: dict[str, int] = {}
    for entry in all_entries(name, langs):
        if not entry.tag.isdigit() or not first <= int(entry.tag) <= last:
            msg = f"{entry.where}: expected 'name<TAB>number' with a number {first}-{last}"
            raise PatternDataError(msg)
        table.setdefault(entry.text.casefold(), int(entry.tag))
    return table


def month_names(langs: tuple[str, ...] | None = None) -> dict[str, int]:
    """Month names of the packs of ``langs`` (all when None) -> month number (1 = January)."""
    return _numbered("months.txt", langs, 1, 12)


def weekday_names(langs: tuple[str, ...] | None = None) -> dict[str, int]:
    """Weekday names of the packs of ``langs`` (all when None) -> weekday (0 = Monday)."""
    return {name: day - 1 for name, day in _numbered("weekdays.txt", langs, 1, 7).items()}


#: month names of every language pack (``months.txt``) -> month number
MONTHS: dict[str, int] = month_names()
#: weekday names of every language pack (``weekdays.txt``) -> weekday (0 = Monday)
WEEKDAYS: dict[str, int] = weekday_names()
#: the weekdays as messages name them
ENGLISH_WEEKDAY = tuple(
    next(name for name, day in weekday_names(("en",)).items() if day == n).capitalize()
    for n in range(7)
)
#: the months of the "Month D, YYYY" form
ENGLISH_MONTHS = frozenset(month_names(("en",)))


def _ahead(names: list[str]) -> str:
    """A cheap lookahead for the first three letters of one of ``names`` (case ignored), put in
    front of a costly case-ignoring name list so that most positions skip it."""
    return "(?=(?i:" + alternation(sorted({name[:3] for name in names})) + "))"


_WEEKDAY_AHEAD = _ahead(list(WEEKDAYS))
_MONTH_AHEAD = _ahead(list(MONTHS))
_EMONTH_AHEAD = _ahead(sorted(ENGLISH_MONTHS))
#: a weekday, and an article before its date ("Sunday the 5th": ``[weekday_articles]``)
_WD = r"(?:(?P<wd>(?i:\L<weekdays>))\.?,?\s+(?:(?i:\L<wdarticles>)\s+)?)"
#: a day, and an ordinal ending ("5th", "1er", "1º": ``[ordinals]``)
_DAY = r"(?P<day>[0-3]?\d)(?:\L<ordinals>)?"
#: a year, which a second date may follow unspaced: a page's published and updated dates glued
#: ("1. November 20161. November 2016")
_YEAR = (
    r"(?P<year>(?:1[89]|20)\d\d)"
    r"(?:(?!\d)|(?=[0-3]?\d\.?\s+(?:(?i:\L<dayof>)\s+)?(?i:\L<months>)(?![\p{L}])))"
)
#: day, month and year, with the words between them ("5th of May", "5 de mayo de 2023":
#: ``[day_of]``, ``[year_of]``)
_DMY = (
    rf"(?<![\d.]){_DAY}\.?\s+(?:(?i:\L<dayof>)\s+)?{_MONTH_AHEAD}(?P<month>(?i:\L<months>))"
    rf"(?![\p{{L}}])\.?"
    rf"(?:,?\s+(?:(?i:\L<yearof>)\s+)?{_YEAR})?"
)
#: an English month and day ("May 5th, 2023"), with the English ordinal endings
_MDY = (
    r"(?P<month2>(?=\p{Lu})(?i:\L<emonths>))(?![\p{L}])\.?\s+(?P<day2>[0-3]?\d)(?:\L<eordinals>)?(?![\d:])"
    r"(?:,?\s+(?P<year2>(?:1[89]|20)\d\d)(?!\d))?"
)
_NUM = r"(?<![\d.])(?P<day3>[0-3]?\d)\.(?P<mon3>[01]?\d)\.(?P<year3>(?:1[89]|20)\d\d)(?![\d.]\d)"
_ISO = r"(?<![\d-])(?P<year4>(?:1[89]|20)\d\d)-(?P<mon4>[01]\d)-(?P<day4>[0-3]\d)(?![\d])"
#: a day, a month's name and a year joined by dots, no space ("14.jan.2025"); its groups are
#: those of a day-month-year date (the ``regex`` module lets alternatives share a name)
_DOTTED = (
    r"(?<![\d.])(?P<day>[0-3]?\d)\.(?P<month>(?i:\L<months>))\.(?P<year>(?:1[89]|20)\d\d)(?!\d)"
)
_PAREN = r"(?P<wd5>(?i:\L<weekdays>))\s+\((?P<month5>(?i:\L<emonths>))\.?\s+(?P<day5>[0-3]?\d)\)"

#: every date starts with a digit, a weekday or an English month: a cheap first test at each
#: position, before the name lists (costly to try with case ignored) are tried
_START = (
    r"(?=\d|(?i:" + alternation(sorted({name[:3] for name in [*WEEKDAYS, *ENGLISH_MONTHS]})) + "))"
)
DATE_RE = compile_pattern(
    rf"{_START}(?:(?<![\p{{L}}]){_WEEKDAY_AHEAD}{_PAREN}|(?<![\p{{L}}])(?:{_WEEKDAY_AHEAD}{_WD})?"
    rf"(?:{_DMY}|{_EMONTH_AHEAD}{_MDY}|{_NUM})|{_DOTTED}|{_ISO})",
    weekdays=sorted(WEEKDAYS),
    months=sorted(MONTHS),
    emonths=sorted(ENGLISH_MONTHS),
    wdarticles=lex.listed("weekday_articles"),
    ordinals=lex.listed("ordinals"),
    eordinals=lex.listed("ordinals", ("en",)),
    dayof=lex.listed("day_of"),
    yearof=lex.listed("year_of"),
)
#: every date is d.m.yyyy or ISO (and holds this) or names a month
NUMERIC_DATE_RE = compile_pattern(r"\d\.\d{1,2}\.(?:1[89]|20)\d\d|(?:1[89]|20)\d\d-[01]\d-[0-3]\d")
DIGITS_RE = compile_pattern(r"\d+")
#: dates looked at per document: bounds the work on hostile or table-like text
MAX_ANCHORS = 1000
_PUNCT = str.maketrans(dict.fromkeys(".,;:()[]/\"'’«»„“”-–—", " "))


def date_anchors(text: str, timeout: float | None) -> list[tuple[int, int]]:
    """Digit runs that may belong to a date: next to a month name, or in d.m.yyyy / ISO form.

    Cheaper than running the date pattern near every number.
    """
    out = []
    # a month name among the words around a number is a month name in the lowercased text
    # there: most numbers have none, found with one search (lowercasing keeps the length of
    # nearly all text; where it does not, every number gets the full look)
    low = lowered(text)
    months = literal_pattern(frozenset(MONTHS)) if len(low) == len(text) else None
    # ``literal_within``, called directly: this loop runs once per number of the text
    months_search = months.search if months is not None else None
    for m in finditer(DIGITS_RE, text, timeout=timeout):
        s, e = m.span()
        if e - s > 4:
            continue
        if text[e : e + 1] in ("-", ".") and text[e + 1 : e + 2].isdigit():
            out.append((s, e))
            continue
        if months_search is not None and months_search(low, max(0, s - 16), e + 16) is None:
            continue
        around = text[max(0, s - 16) : e + 16].lower().translate(_PUNCT)
        if any(w in MONTHS for w in around.split()):
            out.append((s, e))
            if len(out) >= MAX_ANCHORS:
                break
    return out


PUBLISHED_RE = compile_pattern(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})")

MAX_DAYS = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


@dataclass(frozen=True, slots=True)
class DateMention:
    span: tuple[int, int]
    text: str
    day: int
    month: int
    year: int | None
    weekday: int | None
    year_from: str  # "text", "published" or ""

    def date(self) -> dt.date | None:
        if self.year is None:
            return None
        try:
            return dt.date(self.year, self.month, self.day)
        except ValueError:
            return None

    @property
    def valid(self) -> bool:
        if not 1 <= self.month <= 12 or not 1 <= self.day <= 31:
            return False
        if self.year is None:
            return self.day <= MAX_DAYS[self.month - 1]
        return self.date() is not None


def _key(word: str) -> str:
    return word.casefold().rstrip(".")


def nearest_year(day: int, month: int, published: dt.date) -> int | None:
    """The year that puts day/month closest to the publication date.

    >>> nearest_year(30, 12, dt.date(2023, 1, 2))
    2022
    """
    best: tuple[int, int] | None = None
    for year in (published.year - 1, published.year, published.year + 1):
        try:
            distance = abs((dt.date(year, month, day) - published).days)
        except ValueError:
            continue
        if best is None or distance < best[0]:
            best = (distance, year)
    return best[1] if best else None


def find_dates(
    text: str,
    *,
    offset: int = 0,
    published: dt.date | None = None,
    timeout: float | None = 1.0,
    within: Sequence[tuple[int, int]] | None = None,
) -> Iterator[DateMention]:
    """Dates in ``text``. A date with a weekday but no year takes the year that puts it
    closest to ``published`` (when given).

    ``within``: sorted, disjoint spans of ``text``; when given, only the dates that lie inside
    one of them are sure to be found (the caller drops the others), so the rest of the text is
    not scanned. Those dates are the ones a scan of the whole text finds.
    """
    for d in _find_dates(text, offset=offset, timeout=timeout, within=within):
        if d.year is None and d.weekday is not None and published is not None and d.valid:
            year = nearest_year(d.day, d.month, published)
            if year is not None:
                d = dataclasses.replace(d, year=year, year_from="published")
        yield d


def _both(
    first: Callable[[int, int], bool], second: Callable[[int, int], bool]
) -> Callable[[int, int], bool]:
    """A window test that is true where both are (the cheaper one first)."""
    return lambda a, b: first(a, b) and second(a, b)


def _may_hold_date(text: str, timeout: float | None) -> Callable[[int, int], bool]:
    """A cheap test for windows of ``text`` that DATE_RE may match (see :func:`scan`).

    DATE_RE matches month names ignoring case and as whole words, so where the case-folded text
    has them with no letter on either side; when folding changes the length of the text (a rare
    "ß" or ligature) every window may.
    """
    months = literal_pattern(frozenset(MONTHS), after_lowercase=False, before_lowercase=False)
    # folded at the first window asked about: when no window is, the text is never folded
    folded: list[str] = []

    def may_match(start: int, end: int) -> bool:
        if not folded:
            folded.append(lowered(text) if text.isascii() else text.casefold())  # same for ASCII
        if len(folded[0]) != len(text):
            return True
        return literal_within(months, folded[0], start, end) or (
            search(NUMERIC_DATE_RE, text[start:end], timeout=timeout) is not None
        )

    return may_match


def overlaps_any(spans: Sequence[tuple[int, int]]) -> Callable[[int, int], bool]:
    """A test for whether ``text[a:b]`` shares a character with one of the sorted, disjoint
    ``spans``."""
    starts = [s for s, _ in spans]
    ends = [e for _, e in spans]

    def overlaps(a: int, b: int) -> bool:
        # the last span starting before ``b``; the ends are sorted as the starts are
        i = bisect.bisect_left(starts, b) - 1
        return i >= 0 and ends[i] > a

    return overlaps


def _find_dates(
    text: str,
    *,
    offset: int,
    timeout: float | None,
    within: Sequence[tuple[int, int]] | None = None,
) -> Iterator[DateMention]:
    seen: set[tuple[int, int]] = set()
    if within is not None and not within:
        return  # no date is wanted anywhere
    anchors = date_anchors(text, timeout)
    if not anchors:
        return  # every date holds an anchor: nothing to scan
    # the plain path scans every window
    may_hold = None if is_plain() else _may_hold_date(text, timeout)
    may_match: Callable[[int, int], bool] | None = may_hold
    if within is not None:
        # windows are disjoint, and a date lies inside its window: a window that misses every
        # wanted span holds no wanted date, and skipping it changes no other window's matches
        overlaps = overlaps_any(within)
        may_match = overlaps if may_hold is None else _both(overlaps, may_hold)
    for m, at in scan(
        DATE_RE, anchors, text, before=40, after=30, timeout=timeout, may_match=may_match
    ):
        span = (m.start() + at + offset, m.end() + at + offset)
        if span in seen:
            continue
        seen.add(span)
        wd_word = m.group("wd") or m.group("wd5")
        weekday = WEEKDAYS.get(_key(wd_word)) if wd_word else None
        if m.group("day5"):
            yield DateMention(
                span,
                m.group(),
                int(m.group("day5")),
                MONTHS[_key(m.group("month5"))],
                None,
                weekday,
                "",
            )
        elif m.group("day"):
            y = m.group("year")
            yield DateMention(
                span,
                m.group(),
                int(m.group("day")),
                MONTHS[_key(m.group("month"))],
                int(y) if y else None,
                weekday,
                "text" if y else "",
            )
        elif m.group("day2"):
            y = m.group("year2")
            yield DateMention(
                span,
                m.group(),
                int(m.group("day2")),
                MONTHS[_key(m.group("month2"))],
                int(y) if y else None,
                weekday,
                "text" if y else "",
            )
        elif m.group("day3"):
            yield DateMention(
                span,
                m.group(),
                int(m.group("day3")),
                int(m.group("mon3")),
                int(m.group("year3")),
                weekday,
                "text",
            )
        elif m.group("day4"):
            yield DateMention(
                span,
                m.group(),
                int(m.group("day4")),
                int(m.group("mon4")),
                int(m.group("year4")),
                None,
                "text",
            )


def parse_published(
    value: str | None, *, timeout: float | None = DEFAULT_TIMEOUT
) -> dt.date | None:
    """The publication date from an ISO-like ``published`` field, or from a date in it.

    >>> parse_published("2022-11-30T08:00:00Z")
    datetime.date(2022, 11, 30)
    >>> parse_published("Tuesday, 29 November 2022")
    datetime.date(2022, 11, 29)
    """
    if not value:
        return None
    m = search(PUBLISHED_RE, value, timeout=timeout)
    if m:
        try:
            return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            return None
    for d in find_dates(value, timeout=timeout):
        date = d.date()
        if date is not None:
            return date
    return None


# ---------------------------------------------------------------------------------------------
# dates in numbers with "/" or "-" ("19/06/2024", "03-10-2024"): the order of day and month is the
# language's (``dates.txt``)

#: two numbers and a four-digit year, the same "/" or "-" between them; bounded repeats only
SLASHED_RE = compile_pattern(
    r"(?<![\d/.-])(?P<a>[0-3]?\d)(?P<sep>[/-])(?P<b>[0-3]?\d)(?P=sep)"
    r"(?P<y>(?:1[89]|20)\d\d)(?![\d/-]|\.\d)"
)
#: a form of ``dates.txt``: "d/m/y" (day, month, year with "/" between)
_FORM_RE = compile_pattern(r"^([dm])([/-])([dm])\2y$")


@dataclass(frozen=True, slots=True)
class NumericForms:
    """How a text's languages order a date in numbers, by separator: ``{"/": {"dm", "md"}}``."""

    orders: dict[str, frozenset[str]]

    def read(self, a: int, sep: str, b: int, year: int) -> dt.date | None:
        """The date ``a<sep>b<sep>year`` is, when the forms give it one reading: a date the
        languages write both ways ("05/03/2024" with "m/d/y" and "d/m/y") is left unread."""
        found: set[dt.date] = set()
        for order in self.orders.get(sep, frozenset()):
            day, month = (a, b) if order == "dm" else (b, a)
            try:
                found.add(dt.date(year, month, day))
            except ValueError:
                continue
        return found.pop() if len(found) == 1 else None


def numeric_forms(langs: tuple[str, ...] | None = None) -> NumericForms:
    """The numeric date forms of the packs of ``langs`` (all when None)."""
    return _numeric_forms(langs)


@functools.lru_cache(maxsize=64)
def _numeric_forms(langs: tuple[str, ...] | None) -> NumericForms:
    orders: dict[str, set[str]] = {}
    for entry in all_entries("dates.txt", langs):
        m = _FORM_RE.match(entry.text)
        if m is None or m.group(1) == m.group(3) or entry.tag:
            msg = f"{entry.where}: expected a form such as 'd/m/y' or 'm-d-y'"
            raise PatternDataError(msg)
        orders.setdefault(m.group(2), set()).add(m.group(1) + m.group(3))
    return NumericForms({sep: frozenset(v) for sep, v in orders.items()})


def find_numeric_dates(
    text: str, forms: NumericForms, *, timeout: float | None = DEFAULT_TIMEOUT
) -> Iterator[tuple[dt.date, tuple[int, int]]]:
    """Dates written in numbers with "/" or "-" in ``text`` that ``forms`` read one way only,
    with their spans."""
    if not is_plain() and "/" not in text and "-" not in text:
        return  # every such date holds one (the plain path scans anyway)
    for m in finditer(SLASHED_RE, text, timeout=timeout):
        date = forms.read(int(m.group("a")), m.group("sep"), int(m.group("b")), int(m.group("y")))
        if date is not None:
            yield date, m.span()
