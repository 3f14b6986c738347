"""Calendar dates in text: weekday checks, impossible dates, and the article's own date.

Month and weekday names in English, German, French, Spanish, Italian, Portuguese, Dutch and Polish
(Polish months in the nominative and the genitive). Forms: "Weekday, D Month YYYY", "Weekday,
Month D, YYYY", "Weekday (Month D)" (year from the publication date), "D.M.YYYY" and ISO dates.
"""

from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from newsclean._patterns import (
    alternation,
    compile_pattern,
    finditer,
    is_plain,
    literal_pattern,
    literal_within,
    search,
)
from newsclean.filters.facts.scan import lowered, scan

# fmt: off
MONTHS: dict[str, int] = {}
for _names in (
    # en
    "january february march april may june july august september october november december",
    "jan feb mar apr may jun jul aug sep oct nov dec",
    # de
    "januar februar märz april mai juni juli august september oktober november dezember",
    "jänner feb mär apr mai jun jul aug sept okt nov dez",
    # fr
    "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
    "janv févr mars avr mai juin juil août sept oct nov déc",
    # es
    "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre",
    "ene feb mar abr may jun jul ago setiembre oct nov dic",
    # it
    "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre",
    # pt
    "janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro",
    # nl
    "januari februari maart april mei juni juli augustus september oktober november december",
    # pl (genitive, nominative)
    "stycznia lutego marca kwietnia maja czerwca lipca sierpnia września października listopada grudnia",
    "styczeń luty marzec kwiecień maj czerwiec lipiec sierpień wrzesień październik listopad grudzień",
):
    for _i, _name in enumerate(_names.split(), 1):
        MONTHS.setdefault(_name, _i)
MONTHS["sept"] = 9

WEEKDAYS: dict[str, int] = {}
for _names in (
    "monday tuesday wednesday thursday friday saturday sunday",
    "_ tue _ thu fri",
    "montag dienstag mittwoch donnerstag freitag samstag sonntag",
    "lundi mardi mercredi jeudi vendredi samedi dimanche",
    "lunes martes miércoles jueves viernes sábado domingo",
    "lunedì martedì mercoledì giovedì venerdì sabato domenica",
    "segunda-feira terça-feira quarta-feira quinta-feira sexta-feira sábado domingo",
    "maandag dinsdag woensdag donderdag vrijdag zaterdag zondag",
    "poniedziałek wtorek środa czwartek piątek sobota niedziela",
):
    for _i, _name in enumerate(_names.split()):
        if _name != "_":
            WEEKDAYS.setdefault(_name, _i)
WEEKDAYS.update({"tues": 1, "thur": 3, "thurs": 3, "sonnabend": 5, "mercoledi": 2, "lunedi": 0,
                 "martedi": 1, "giovedi": 3, "venerdi": 4, "miercoles": 2, "sabado": 5})
# fmt: on

ENGLISH_WEEKDAY = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
ENGLISH_MONTHS = frozenset(
    [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
    ]
)


def _ahead(names: list[str]) -> str:
    """A cheap lookahead for the first three letters of one of ``names`` (case ignored), put in
    front of a costly case-ignoring name list so that most positions skip it."""
    return "(?=(?i:" + alternation(sorted({name[:3] for name in names})) + "))"


_WEEKDAY_AHEAD = _ahead(list(WEEKDAYS))
_MONTH_AHEAD = _ahead(list(MONTHS))
_EMONTH_AHEAD = _ahead(sorted(ENGLISH_MONTHS))
_WD = r"(?:(?P<wd>(?i:\L<weekdays>))\.?,?\s+(?:(?i:the|dem|den|der|le|el|il|o|de)\s+)?)"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th|er|º|°)?"
_YEAR = r"(?P<year>(?:1[89]|20)\d\d)(?!\d)"
_DMY = (
    rf"(?<![\d.]){_DAY}\.?\s+(?:(?i:de|of)\s+)?{_MONTH_AHEAD}(?P<month>(?i:\L<months>))"
    rf"(?![\p{{L}}])\.?"
    rf"(?:,?\s+(?:(?i:de|del)\s+)?{_YEAR})?"
)
_MDY = (
    r"(?P<month2>(?=\p{Lu})(?i:\L<emonths>))(?![\p{L}])\.?\s+(?P<day2>[0-3]?\d)(?:st|nd|rd|th)?(?![\d:])"
    r"(?:,?\s+(?P<year2>(?:1[89]|20)\d\d)(?!\d))?"
)
_NUM = r"(?<![\d.])(?P<day3>[0-3]?\d)\.(?P<mon3>[01]?\d)\.(?P<year3>(?:1[89]|20)\d\d)(?![\d.]\d)"
_ISO = r"(?<![\d-])(?P<year4>(?:1[89]|20)\d\d)-(?P<mon4>[01]\d)-(?P<day4>[0-3]\d)(?![\d])"
_PAREN = r"(?P<wd5>(?i:\L<weekdays>))\s+\((?P<month5>(?i:\L<emonths>))\.?\s+(?P<day5>[0-3]?\d)\)"

#: every date starts with a digit, a weekday or an English month: a cheap first test at each
#: position, before the name lists (costly to try with case ignored) are tried
_START = (
    r"(?=\d|(?i:" + alternation(sorted({name[:3] for name in [*WEEKDAYS, *ENGLISH_MONTHS]})) + "))"
)
DATE_RE = compile_pattern(
    rf"{_START}(?:(?<![\p{{L}}]){_WEEKDAY_AHEAD}{_PAREN}|(?<![\p{{L}}])(?:{_WEEKDAY_AHEAD}{_WD})?"
    rf"(?:{_DMY}|{_EMONTH_AHEAD}{_MDY}|{_NUM})|{_ISO})",
    weekdays=sorted(WEEKDAYS),
    months=sorted(MONTHS),
    emonths=sorted(ENGLISH_MONTHS),
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


def parse_published(value: str | None) -> dt.date | None:
    """The publication date from an ISO-like ``published`` field, or from a date in it.

    >>> parse_published("2022-11-30T08:00:00Z")
    datetime.date(2022, 11, 30)
    >>> parse_published("Tuesday, 29 November 2022")
    datetime.date(2022, 11, 29)
    """
    if not value:
        return None
    m = search(PUBLISHED_RE, value)
    if m:
        try:
            return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            return None
    for d in find_dates(value):
        date = d.date()
        if date is not None:
            return date
    return None
