"""grantcalc.periods: budget years (calendar, project, fiscal) and months by proration rule."""

from __future__ import annotations

from datetime import date
from fractions import Fraction
from itertools import pairwise

import pytest

from grantcalc.periods import (
    BudgetYear,
    Proration,
    YearScheme,
    add_months,
    budget_years,
    month_starts,
    months_between,
)

DAYS, HALF, WHOLE = Proration.days, Proration.half_months, Proration.whole_months


def spans(years: list[BudgetYear]) -> list[tuple[int, str, date, date]]:
    return [(y.key, y.label(), y.start, y.end) for y in years]


# --- budget years -------------------------------------------------------------

def test_calendar_years_are_clipped_to_the_period():
    years = budget_years(date(2024, 9, 15), date(2027, 9, 14))
    assert spans(years) == [
        (2024, "2024", date(2024, 9, 15), date(2024, 12, 31)),
        (2025, "2025", date(2025, 1, 1), date(2025, 12, 31)),
        (2026, "2026", date(2026, 1, 1), date(2026, 12, 31)),
        (2027, "2027", date(2027, 1, 1), date(2027, 9, 14)),
    ]
    assert all(y.scheme is YearScheme.calendar for y in years)
    assert years[0].label("en") == "2024"
    assert str(years[0]) == "2024"


def test_a_one_day_period_is_one_budget_year():
    assert spans(budget_years(date(2024, 3, 15), date(2024, 3, 15))) == [
        (2024, "2024", date(2024, 3, 15), date(2024, 3, 15))]


def test_period_ending_before_it_starts_is_refused():
    with pytest.raises(ValueError):
        budget_years(date(2024, 1, 2), date(2024, 1, 1))


def test_project_years_are_twelve_month_blocks_from_the_start():
    years = budget_years(date(2024, 9, 15), date(2027, 9, 14), YearScheme.project)
    assert spans(years) == [
        (1, "År 1", date(2024, 9, 15), date(2025, 9, 14)),
        (2, "År 2", date(2025, 9, 15), date(2026, 9, 14)),
        (3, "År 3", date(2026, 9, 15), date(2027, 9, 14)),
    ]
    assert [y.label("en") for y in years] == ["Year 1", "Year 2", "Year 3"]


def test_project_years_from_31_january_do_not_drift():
    # blocks are counted from the start date each time (31 Jan + 12k months − 1 day),
    # not from the previous block, so February's 28/29 days do not shift later years
    years = budget_years(date(2023, 1, 31), date(2025, 3, 30), YearScheme.project)
    assert spans(years) == [
        (1, "År 1", date(2023, 1, 31), date(2024, 1, 30)),
        (2, "År 2", date(2024, 1, 31), date(2025, 1, 30)),
        (3, "År 3", date(2025, 1, 31), date(2025, 3, 30)),   # clipped to the period
    ]
    # a project year from 31 Jan counts 12 months exactly: 1/31 (Jan) + 11 + 30/31 (Jan)
    assert months_between(years[0].start, years[0].end) == 12
    assert months_between(years[1].start, years[1].end) == 12   # spans the leap day 2024-02-29


@pytest.mark.parametrize("start", [date(2024, 2, 29), date(2024, 1, 31), date(2023, 8, 31), date(2024, 9, 15)])
@pytest.mark.parametrize("scheme", list(YearScheme))
def test_budget_years_are_contiguous_and_cover_the_period(start, scheme):
    end = date(2027, 3, 30)
    years = budget_years(start, end, scheme, 7 if scheme is YearScheme.fiscal else 1)
    assert years[0].start == start and years[-1].end == end
    for before, after in pairwise(years):
        assert (after.start - before.end).days == 1
        assert after.key == before.key + 1
    assert all(y.start <= y.end for y in years)


def test_fiscal_years_are_labelled_2024_25_and_keyed_by_their_first_year():
    years = budget_years(date(2024, 9, 15), date(2026, 9, 14), YearScheme.fiscal, 7)
    assert spans(years) == [
        (2024, "2024/25", date(2024, 9, 15), date(2025, 6, 30)),
        (2025, "2025/26", date(2025, 7, 1), date(2026, 6, 30)),
        (2026, "2026/27", date(2026, 7, 1), date(2026, 9, 14)),
    ]


def test_fiscal_year_of_a_start_before_the_fiscal_month_is_the_previous_one():
    years = budget_years(date(2024, 3, 15), date(2024, 12, 31), YearScheme.fiscal, 7)
    assert spans(years) == [
        (2023, "2023/24", date(2024, 3, 15), date(2024, 6, 30)),
        (2024, "2024/25", date(2024, 7, 1), date(2024, 12, 31)),
    ]


def test_fiscal_label_at_the_turn_of_the_century():
    (year,) = budget_years(date(2099, 7, 1), date(2100, 6, 30), YearScheme.fiscal, 7)
    assert year.label() == "2099/00"


def test_fiscal_year_starting_in_january_is_labelled_like_a_calendar_year():
    years = budget_years(date(2024, 3, 1), date(2025, 2, 28), YearScheme.fiscal, 1)
    assert [y.label() for y in years] == ["2024", "2025"]


def test_contains():
    year = budget_years(date(2024, 9, 15), date(2025, 12, 31))[0]
    assert year.contains(date(2024, 9, 15)) and year.contains(date(2024, 12, 31))
    assert not year.contains(date(2024, 9, 14)) and not year.contains(date(2025, 1, 1))


# --- months_between -------------------------------------------------------------

def test_15_sep_to_31_dec_2024_by_days():
    # September: 16 of 30 days (15–30 Sep); October–December: 3 whole months
    assert months_between(date(2024, 9, 15), date(2024, 12, 31), DAYS) == Fraction(16, 30) + 3


def test_15_sep_to_31_dec_2024_by_half_months():
    # 16/30 = 0.53 of September → nearest half = 0.5; + 3 = 3.5 (Öka's "3,5 månader")
    assert months_between(date(2024, 9, 15), date(2024, 12, 31), HALF) == Fraction(7, 2)


def test_15_sep_to_31_dec_2024_by_whole_months():
    # 16/30 ≥ 1/2 → September counts 1; + 3 = 4
    assert months_between(date(2024, 9, 15), date(2024, 12, 31), WHOLE) == 4


def test_1_to_14_sep_2027():
    # 14/30 = 0.47: nearest half is 0.5; nearest whole is 0; exactly 14/30 = 7/15 by days
    assert months_between(date(2027, 9, 1), date(2027, 9, 14), HALF) == Fraction(1, 2)
    assert months_between(date(2027, 9, 1), date(2027, 9, 14), WHOLE) == 0
    assert months_between(date(2027, 9, 1), date(2027, 9, 14), DAYS) == Fraction(7, 15)


def test_a_full_year_is_twelve_months_under_every_rule():
    for rule in Proration:
        assert months_between(date(2024, 1, 1), date(2024, 12, 31), rule) == 12
        assert months_between(date(2023, 1, 1), date(2023, 12, 31), rule) == 12


def test_february_in_a_leap_year_has_29_days():
    assert months_between(date(2024, 2, 1), date(2024, 2, 29)) == 1
    assert months_between(date(2024, 2, 1), date(2024, 2, 14)) == Fraction(14, 29)
    assert months_between(date(2023, 2, 1), date(2023, 2, 14)) == Fraction(1, 2)   # 14/28


def test_halves_round_up_under_half_and_whole_months():
    # 1–14 Feb 2023 is exactly half of February (14/28)
    assert months_between(date(2023, 2, 1), date(2023, 2, 14), HALF) == Fraction(1, 2)
    assert months_between(date(2023, 2, 1), date(2023, 2, 14), WHOLE) == 1
    # 7/28 = 1/4 of a month: a quarter rounds up to a half
    assert months_between(date(2023, 2, 1), date(2023, 2, 7), HALF) == Fraction(1, 2)
    # 6/28 < 1/4 rounds to nothing
    assert months_between(date(2023, 2, 1), date(2023, 2, 6), HALF) == 0


def test_months_are_counted_per_calendar_month():
    # 20 Jan – 10 Feb 2024: 12/31 of January + 10/29 of February (not 22 days / some average month)
    assert months_between(date(2024, 1, 20), date(2024, 2, 10)) == Fraction(12, 31) + Fraction(10, 29)


def test_a_single_day():
    assert months_between(date(2024, 3, 5), date(2024, 3, 5)) == Fraction(1, 31)
    assert months_between(date(2024, 3, 5), date(2024, 3, 5), HALF) == 0


def test_end_before_start_counts_nothing():
    assert months_between(date(2024, 5, 1), date(2024, 4, 30)) == 0


def test_months_between_returns_fractions():
    assert type(months_between(date(2024, 1, 1), date(2024, 6, 30))) is Fraction


# --- helpers ------------------------------------------------------------------

@pytest.mark.parametrize(("day", "months", "expected"), [
    (date(2024, 1, 31), 1, date(2024, 2, 29)),    # clamped, leap year
    (date(2023, 1, 31), 1, date(2023, 2, 28)),
    (date(2024, 1, 31), 13, date(2025, 2, 28)),
    (date(2024, 2, 29), 12, date(2025, 2, 28)),
    (date(2024, 1, 31), -2, date(2023, 11, 30)),
    (date(2024, 9, 15), 36, date(2027, 9, 15)),
])
def test_add_months(day, months, expected):
    assert add_months(day, months) == expected


def test_month_starts():
    assert list(month_starts(date(2024, 11, 30), date(2025, 2, 1))) == [
        date(2024, 11, 1), date(2024, 12, 1), date(2025, 1, 1), date(2025, 2, 1)]


def test_project_years_from_29_february_end_the_day_before_1_march():
    years = budget_years(date(2024, 2, 29), date(2026, 12, 31), YearScheme.project)
    assert [(y.start, y.end) for y in years] == [
        (date(2024, 2, 29), date(2025, 2, 28)),
        (date(2025, 3, 1), date(2026, 2, 28)),
        (date(2026, 3, 1), date(2026, 12, 31)),
    ]
