"""Periods: budget years and the months a stretch of days counts for.

Budget years (*budgetår*) are one of

* ``calendar`` – calendar years (default), keyed and labelled by the year: ``2024``;
* ``project``  – 12-month blocks from the project start, keyed 1, 2, … and
  labelled "År 1", "År 2", …;
* ``fiscal``   – fiscal years starting in a declared month, keyed by the
  calendar year they start in and labelled "2024/25".

Every budget year is clipped to the project period. Months are counted per
calendar month by a proration rule (*proratering*):

* ``days``         – exact: covered days / days in the month (default);
* ``half_months``  – each month's share rounded to the nearest half (halves up);
* ``whole_months`` – each month's share rounded to 0 or 1 (halves up).

Because the rule is applied month by month, months add up over any split at a
month boundary (a year split by a raise on 1 April counts 3 + 9 months), and
under ``days`` over any split at all.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from fractions import Fraction
from functools import lru_cache

from grantcalc import catalogue

__all__ = [
    "YearScheme",
    "Proration",
    "BudgetYear",
    "budget_years",
    "months_between",
    "add_months",
    "month_starts",
]


class YearScheme(StrEnum):
    """How a project is cut into budget years (*budgetår*): ``calendar``, ``project`` (12-month
    blocks from the start) or ``fiscal`` (from a declared month); see the module's description."""

    calendar = "calendar"
    project = "project"
    fiscal = "fiscal"


class Proration(StrEnum):
    """How a partly covered month counts (*proratering*): ``days`` (covered days / days in the
    month), ``half_months`` or ``whole_months`` (that share rounded, halves up)."""

    days = "days"
    half_months = "half_months"
    whole_months = "whole_months"


@dataclass(frozen=True, slots=True)
class BudgetYear:
    """One budget year of a project, clipped to the project period."""

    key: int
    scheme: YearScheme
    start: date  # first day inside the period
    end: date  # last day inside the period (inclusive)
    first_month: int = 1  # the month a fiscal year starts in


    def label(self, lang: str = "sv") -> str:
        """The year's label in ``lang``: ``2024`` (calendar), ``År 1`` / ``Year 1`` (project),
        ``2024/25`` (a fiscal year not starting in January)."""
        if self.scheme is YearScheme.project:
            return catalogue.text("year.project", lang).format(number=self.key)
        if self.scheme is YearScheme.fiscal and self.first_month != 1:
            return f"{self.key}/{(self.key + 1) % 100:02d}"
        return str(self.key)

    def labels(self) -> tuple[str, ...]:
        """The label in every language ("År 1", "Year 1"), for messages rendered later."""
        return tuple(self.label(lang) for lang in catalogue.LANGS)

    def contains(self, day: date) -> bool:
        """True when ``day`` falls in the year as clipped to the project period (``start``–``end``,
        inclusive)."""
        return self.start <= day <= self.end

    def __str__(self) -> str:
        return self.label()


def add_months(day: date, months: int) -> date:
    """``day`` moved by whole months, the day clamped to the month's length."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


def _anniversary(start: date, years: int) -> date:
    """The same day ``years`` later; 29 February falls on 1 March in a common year."""
    try:
        return start.replace(year=start.year + years)
    except ValueError:
        return date(start.year + years, 3, 1)


def budget_years(start: date, end: date, scheme: YearScheme = YearScheme.calendar,
                 fiscal_start_month: int = 1) -> list[BudgetYear]:
    """The budget years of the period ``start``–``end`` (inclusive)."""
    if end < start:
        raise ValueError("the period ends before it starts")
    years: list[BudgetYear] = []
    if scheme is YearScheme.project:
        k, block_start = 1, start
        while block_start <= end:
            block_end = _anniversary(start, k) - timedelta(days=1)
            years.append(BudgetYear(k, scheme, block_start, min(block_end, end)))
            k, block_start = k + 1, block_end + timedelta(days=1)
        return years
    month = 1 if scheme is YearScheme.calendar else fiscal_start_month
    first = start.year if start.month >= month else start.year - 1
    key = first
    while True:
        ys = date(key, month, 1)
        if ys > end:
            break
        ye = add_months(ys, 12) - timedelta(days=1)
        years.append(BudgetYear(key, scheme, max(ys, start), min(ye, end), month))
        key += 1
    return years


def month_starts(start: date, end: date) -> Iterator[date]:
    """The first day of each calendar month that ``start``–``end`` touches."""
    current = start.replace(day=1)
    while current <= end:
        yield current
        current = add_months(current, 1)


def _share(covered: int, length: int, rule: Proration) -> Fraction:
    share = Fraction(covered, length)
    if rule is Proration.days:
        return share
    if rule is Proration.half_months:
        return Fraction(int(share * 2 + Fraction(1, 2)), 2)
    return Fraction(int(share + Fraction(1, 2)))


@lru_cache(maxsize=4096)  # a budget's lines share a few spans (its budget years): counted once each
def months_between(start: date, end: date, rule: Proration = Proration.days) -> Fraction:
    """Months from ``start`` to ``end`` inclusive, counted month by month by ``rule``."""
    if end < start:
        return Fraction(0)
    total = Fraction(0)
    for first in month_starts(start, end):
        length = calendar.monthrange(first.year, first.month)[1]
        last = first.replace(day=length)
        covered = (min(end, last) - max(start, first)).days + 1
        total += _share(covered, length, rule)
    return total
