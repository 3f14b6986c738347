"""Factual consistency: office-holder titles, names, calendar dates and headlines. Flags only.

Three flag-stage filters:

``check_facts``
    Title + person mentions against the office-holder knowledge base: ``title.never_held``,
    ``title.anachronism``, ``title.not_incumbent``, ``title.former_but_incumbent``,
    ``title.unverifiable``, ``name.variant``, ``name.inconsistent``.
``check_dates``
    ``date.weekday_mismatch`` and ``date.invalid``.
``check_headline``
    ``headline.mismatch`` and ``headline.leak``.
"""

from newsclean.filters.facts.filters import CheckDates, CheckFacts, CheckHeadline

__all__ = ["CheckDates", "CheckFacts", "CheckHeadline"]
