"""Date windows: which document dates each office claim allows, and whether they can all hold.

A window is a sorted tuple of disjoint day intervals ``(first, last, verified)``; ``verified``
is False for the part of an open-ended tenure after the row's ``as_of`` (the knowledge base does
not vouch for it: a date there is *unverifiable*, not wrong). Bounds are inclusive, handovers get
one day either side, and month or year precision has already widened the rows' dates.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from newsclean.filters.facts.kb import INF, Tenure, iso

Interval = tuple[int, int, bool]
Window = tuple[Interval, ...]

#: how long before taking office someone is called "-elect", "incoming" or "designate"
ELECT_DAYS = 183
SLACK = 1  # days of tolerance at handovers


@dataclass(frozen=True, slots=True)
class Claim:
    """What one mention says about the document date."""

    index: int  # the mention it comes from
    text: str
    span: tuple[int, int]
    person: str
    display: str
    position: str  # canonical label of the office (the first, if several)
    modifier: str | None
    rows: tuple[Tenure, ...]
    window: Window
    historic: bool = False  # the text around it names a year inside the window

    @property
    def offices(self) -> frozenset[str]:
        return frozenset(t.position_id for t in self.rows)

    @property
    def anchored(self) -> bool:
        """Whether the claim speaks from the document's own date ("former", "current", "-elect").

        A plain title may describe a past event ("President Reagan signed ..."); it conflicts
        only with an anchored claim.
        """
        return self.modifier in ("former", "current", "elect")

    def describe(self) -> str:
        return describe(self.window)


def _tenure(t: Tenure) -> list[Interval]:
    lo = t.start - SLACK
    if t.open:
        if t.as_of < lo:
            return [(lo, INF, False)]
        return [(lo, t.as_of, True), (t.as_of + 1, INF, False)]
    return [(lo, t.end + SLACK, True)]


def normalise(intervals: Iterable[Interval]) -> Window:
    """Sort and merge touching intervals of the same verification state."""
    out: list[Interval] = []
    for lo, hi, ok in sorted(intervals):
        if lo > hi:
            continue
        if out and lo <= out[-1][1] + 1 and ok == out[-1][2]:
            plo, phi, _ = out[-1]
            out[-1] = (plo, max(phi, hi), ok)
        else:
            out.append((lo, hi, ok))
    return tuple(out)


def window_for(rows: Sequence[Tenure], modifier: str | None) -> Window:
    """The dates a claim "MODIFIER TITLE PERSON" allows, given the person's rows in the office."""
    rows = sorted(rows, key=lambda t: t.start)
    if not rows:
        return ()
    if modifier == "acting" and any(t.acting for t in rows):
        rows = [t for t in rows if t.acting]
    if modifier in (None, "current", "acting"):
        return normalise(i for t in rows for i in _tenure(t))
    if modifier == "then" or modifier == "late":
        return ((rows[0].start - SLACK, INF, True),)
    if modifier == "elect":
        return normalise((t.start - ELECT_DAYS, t.start + SLACK, True) for t in rows)
    # former: after the end of a tenure and not inside the next one
    out: list[Interval] = []
    for i, t in enumerate(rows):
        if t.open:
            if t.as_of + 1 < INF:
                out.append((t.as_of + 1, INF, False))
            break
        nxt = rows[i + 1].start + SLACK if i + 1 < len(rows) else INF
        out.append((t.end_first - SLACK, nxt, True))
    return normalise(out)


def intersect(a: Window, b: Window) -> Window:
    out: list[Interval] = []
    for alo, ahi, aok in a:
        for blo, bhi, bok in b:
            lo, hi = max(alo, blo), min(ahi, bhi)
            if lo <= hi:
                out.append((lo, hi, aok and bok))
    return normalise(out)


def status(window: Window, date: int) -> str:
    """``"ok"``, ``"unverified"`` (only the part after as_of allows it) or ``"outside"``."""
    found = "outside"
    for lo, hi, ok in window:
        if lo <= date <= hi:
            if ok:
                return "ok"
            found = "unverified"
    return found


def describe(window: Window) -> str:
    """A window in words, without the handover slack: ``2014-10-01..2024-10-01``,
    ``from 2025-01-20``."""
    if not window:
        return "no date"
    parts = []
    merged = normalise((lo, hi, True) for lo, hi, _ in window)
    for lo, hi, _ in merged:
        if hi >= INF:
            parts.append(f"from {iso(lo + SLACK)}")
        else:
            parts.append(f"{iso(lo + SLACK)}..{iso(hi - SLACK)}")
    return " or ".join(parts)


def as_data(window: Window) -> list[list[str | bool]]:
    return [[iso(lo), iso(hi), ok] for lo, hi, ok in window]


def _days(window: Window) -> int:
    return sum(min(hi, INF - 1) - lo + 1 for lo, hi, _ in window)


def in_conflict(a: Claim, b: Claim) -> bool:
    """Whether two claims cannot both hold.

    Windows that do not intersect conflict when one claim is anchored to the document's date, or
    when both are about the same person (two offices never held at once) or the same office
    (two holders). Two plain titles for the same office by different people conflict even when
    they meet only at the handover (three days or less).
    """
    common = intersect(a.window, b.window)
    same_person = a.person == b.person
    same_office = bool(a.offices & b.offices)
    if not common:
        return a.anchored or b.anchored or same_person or same_office
    both_plain = a.modifier is None and b.modifier is None
    return same_office and not same_person and both_plain and _days(common) <= 2 * SLACK + 1


def conflicts(claims: Sequence[Claim], limit: int = 3) -> list[tuple[Claim, ...]]:
    """Minimal sets of claims whose windows do not intersect: pairs first, then larger sets.

    Each claim appears in at most one reported conflict.
    """
    out: list[tuple[Claim, ...]] = []
    used: set[int] = set()
    claims = [c for c in claims if not c.historic]
    for j, b in enumerate(claims):
        for a in claims[:j]:
            if a.index in used or b.index in used:
                continue
            if in_conflict(a, b):
                out.append((a, b))
                used.update((a.index, b.index))
                if len(out) >= limit:
                    return out
    if out:
        return out
    # no pair conflicts: look for a larger minimal set, greedily
    acc: Window | None = None
    chosen: list[Claim] = []
    for c in claims:
        nxt = c.window if acc is None else intersect(acc, c.window)
        chosen.append(c)
        if not nxt:
            # shrink from the front while the rest still conflicts
            core = list(chosen)
            for x in list(core[:-1]):
                trial = [y for y in core if y is not x]
                w = trial[0].window
                for y in trial[1:]:
                    w = intersect(w, y.window)
                if not w:
                    core = trial
            return [tuple(core)] if any(c.anchored for c in core) else []
        acc = nxt
    return []


def years_inside(window: Window, years: Iterable[int]) -> bool:
    """Whether any of the calendar years overlaps the window."""
    for year in years:
        lo = dt.date(year, 1, 1).toordinal()
        hi = dt.date(year, 12, 31).toordinal()
        if any(a <= hi and lo <= b for a, b, _ in window):
            return True
    return False


def feasible(claims: Sequence[Claim]) -> Window | None:
    """The dates every claim allows (None when there are no claims)."""
    if not claims:
        return None
    acc = claims[0].window
    for c in claims[1:]:
        acc = intersect(acc, c.window)
    return acc
