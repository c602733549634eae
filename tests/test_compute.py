"""grantcalc.compute: one test per line kind and option, figures computed by hand.

Budgets are built through the public API (``Budget.model_validate`` and
``grantcalc.loads``); every expected amount has its hand computation beside it.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest

import grantcalc
from grantcalc import Budget

NB = "\u00a0"
YEAR_2024 = {"start": "2024-01-01", "end": "2024-12-31"}


def budget(*lines: dict, period: dict | None = None, **extra) -> Budget:
    return Budget.model_validate({
        "project": {"name": "Test"},
        "period": period or {"start": "2024-01-01", "end": "2026-12-31"},
        "lines": list(lines),
        **extra,
    })


def amounts(computation, line: str) -> dict[int, Decimal]:
    return {y.key: computation.amount(line, y.key) for y in computation.years}


def salary(**fields) -> dict:
    return {"name": "S", "kind": "salary", "category": "staff", **fields}


# --- salary --------------------------------------------------------------------

def test_salary_with_fte_and_on_cost_as_percent():
    c = budget(salary(monthly_salary=40000, on_cost="42 %", fte="50 %"), period=YEAR_2024).compute()
    # 40 000 × 1,42 × 0,5 × 12 = 340 800
    assert c.amount("S", 2024) == Decimal(340800)
    cell = c.cell("S", 2024)
    assert cell.exact == 340800 and cell.months == 12
    assert cell.formula_text() == f"40{NB}000{NB}kr × 1,42 × 50{NB}% × 12{NB}mån = 340{NB}800{NB}kr"
    assert cell.formula_text("en") == f"SEK{NB}40,000 × 1.42 × 50% × 12{NB}months = SEK{NB}340,800"


def test_salary_defaults_to_full_time_and_shows_no_factor_of_one():
    c = budget(salary(monthly_salary=30000, on_cost=1), period=YEAR_2024).compute()
    # 30 000 × 1 × 1 × 12 = 360 000
    assert c.amount("S", 2024) == Decimal(360000)
    assert c.cell("S", 2024).formula_text() == f"30{NB}000{NB}kr × 12{NB}mån = 360{NB}000{NB}kr"


def test_salary_fte_above_one():
    c = budget(salary(monthly_salary=38000, on_cost="1,42", fte="150 %"), period=YEAR_2024).compute()
    # 38 000 × 1,42 × 1,5 × 12 = 971 280
    assert c.amount("S", 2024) == Decimal(971280)


def test_yearly_raise_effective_1_april_splits_a_calendar_year():
    c = budget(salary(monthly_salary=40000, on_cost="42 %", fte="50 %",
                      annual_raise={"rate": "3 %", "effective": "04-01"}),
               period={"start": "2024-01-01", "end": "2025-12-31"}).compute()
    # 2024: 40 000 × 1,42 × 0,5 × 3 = 85 200 (Jan–Mar)
    #     + 41 200 × 1,42 × 0,5 × 9 = 263 268 (Apr–Dec; 40 000 × 1,03 = 41 200)  → 348 468
    assert c.amount("S", 2024) == Decimal(348468)
    text = c.cell("S", 2024).formula_text()
    products = text.split(" = ")[0].split(" + ")
    assert products == [f"40{NB}000{NB}kr × 1,42 × 50{NB}% × 3{NB}mån",
                        f"41{NB}200{NB}kr × 1,42 × 50{NB}% × 9{NB}mån"]
    assert text.endswith(f"= 348{NB}468{NB}kr")
    # 2025: 41 200 × 0,71 × 3 = 87 756 + 42 436 × 0,71 × 9 = 271 166,04 → 358 922,04 → 358 922
    assert c.amount("S", 2025) == Decimal(358922)
    assert c.cell("S", 2025).exact == Fraction("358922.04")


def test_raise_rounded_to_100_chains_across_years():
    c = budget(salary(monthly_salary=40000, on_cost=1,
                      annual_raise={"rate": "3,3 %", "rounding": {"step": 100}})).compute()
    # raise on 1 January each year (the default), applied to the rounded wage before it:
    # 2024: 40 000 × 12                                  = 480 000
    # 2025: 40 000 × 1,033 = 41 320   → 41 300; × 12     = 495 600
    # 2026: 41 300 × 1,033 = 42 662,9 → 42 700; × 12     = 512 400
    assert amounts(c, "S") == {2024: Decimal(480000), 2025: Decimal(495600), 2026: Decimal(512400)}
    assert c.cell("S", 2026).formula_text() == f"42{NB}700{NB}kr × 12{NB}mån = 512{NB}400{NB}kr"


def test_raise_rounding_is_half_up_by_default():
    c = budget(salary(monthly_salary=50000, on_cost=1,
                      annual_raise={"rate": "3,3 %", "rounding": {"step": 100}}),
               period={"start": "2024-01-01", "end": "2025-12-31"}).compute()
    # 50 000 × 1,033 = 51 650: exactly half-way → half up to 51 700 (half even would give 51 600)
    assert c.amount("S", 2025) == Decimal(51700 * 12)  # 620 400


def test_raise_without_rounding_keeps_the_exact_wage():
    c = budget(salary(monthly_salary=40000, on_cost=1, annual_raise={"rate": "3,3 %"}),
               period={"start": "2024-01-01", "end": "2025-12-31"}).compute()
    # 40 000 × 1,033 × 12 = 495 840 (41 320 a month, unrounded)
    assert c.amount("S", 2025) == Decimal(495840)


def test_by_year_monthly_salary_holds_the_year_and_raises_continue_from_it():
    c = budget(salary(monthly_salary=40000, on_cost=1,
                      annual_raise={"rate": "3,3 %", "effective": "04-01", "rounding": {"step": 100}},
                      by_year={2025: {"monthly_salary": 50000}})).compute()
    # 2024: 40 000 × 3 + 41 300 × 9 (40 000 × 1,033 = 41 320 → 41 300)  = 120 000 + 371 700 = 491 700
    # 2025: stated 50 000 for the whole year, no split                    = 600 000
    # 2026: 50 000 × 3 + 51 700 × 9 (50 000 × 1,033 = 51 650 → 51 700)  = 150 000 + 465 300 = 615 300
    assert amounts(c, "S") == {2024: Decimal(491700), 2025: Decimal(600000), 2026: Decimal(615300)}
    assert " + " not in c.cell("S", 2025).formula_text()


def test_by_year_fte_and_on_cost():
    c = budget(salary(monthly_salary=72500, on_cost=1, fte="10 %",
                      by_year={2024: {"fte": "20 %"}, 2025: {"on_cost": "50 %"}})).compute()
    # 2024: 72 500 × 0,2 × 12 = 174 000; 2025: 72 500 × 1,5 × 0,1 × 12 = 130 500; 2026: 72 500 × 0,1 × 12 = 87 000
    assert amounts(c, "S") == {2024: Decimal(174000), 2025: Decimal(130500), 2026: Decimal(87000)}


def test_hourly_form_from_monthly_salary_prorates_hours():
    c = budget(salary(monthly_salary=43000, on_cost="1.42", hours=860),
               period={"start": "2024-07-01", "end": "2025-12-31"}).compute()
    # hourly rate = 43 000 × 12 / 1 720 = 300 kr/h
    # 2024 (6 months): 860 × 6/12 = 430 h; 430 × 300 × 1,42 = 183 180
    # 2025: 860 × 300 × 1,42 = 366 360
    assert amounts(c, "S") == {2024: Decimal(183180), 2025: Decimal(366360)}
    assert c.cell("S", 2024).formula_text() == f"430{NB}tim × 300{NB}kr/tim × 1,42 = 183{NB}180{NB}kr"


def test_hourly_form_with_own_hours_per_year():
    c = budget(salary(monthly_salary=32000, on_cost=1, hours=100, hours_per_year=1600), period=YEAR_2024).compute()
    # 32 000 × 12 / 1 600 = 240 kr/h; 100 h × 240 = 24 000
    assert c.amount("S", 2024) == Decimal(24000)


def test_hourly_form_with_given_hourly_rate_and_hours_by_year():
    c = budget(salary(hourly_rate=250, on_cost=1, hours=100, by_year={2025: {"hours": 40}}),
               period={"start": "2024-07-01", "end": "2025-12-31"}).compute()
    # 2024: 100 × 6/12 = 50 h × 250 = 12 500; 2025: the 40 hours stated for the year × 250 = 10 000
    assert amounts(c, "S") == {2024: Decimal(12500), 2025: Decimal(10000)}
    assert c.cell("S", 2024).formula_text() == f"50{NB}tim × 250{NB}kr/tim = 12{NB}500{NB}kr"


def test_hourly_rate_is_raised_like_a_monthly_salary():
    c = budget(salary(hourly_rate=250, on_cost=1, hours=100, annual_raise={"rate": "2 %", "effective": "07-01"}),
               period={"start": "2024-07-01", "end": "2025-12-31"}).compute()
    # 2024: 50 h × 250 = 12 500; 2025: 50 h × 250 (Jan–Jun) + 50 h × 255 (Jul–Dec) = 25 250
    assert amounts(c, "S") == {2024: Decimal(12500), 2025: Decimal(25250)}


def test_salary_line_dates_limit_the_months():
    c = budget(salary(monthly_salary=30000, on_cost=1, start="2024-03-01", end="2025-08-31"),
               period={"start": "2024-01-01", "end": "2025-12-31"}).compute()
    # 2024: Mar–Dec = 10 months × 30 000 = 300 000; 2025: Jan–Aug = 8 × 30 000 = 240 000
    assert amounts(c, "S") == {2024: Decimal(300000), 2025: Decimal(240000)}


def test_raises_count_from_the_line_start():
    c = budget(salary(monthly_salary=30000, on_cost=1, start="2025-06-01", annual_raise={"rate": "10 %"})).compute()
    # no raise before the line starts: 2025 Jun–Dec 7 × 30 000 = 210 000; 2026: 33 000 × 12 = 396 000
    assert amounts(c, "S") == {2024: Decimal(0), 2025: Decimal(210000), 2026: Decimal(396000)}
    assert c.cell("S", 2024).formula is None


# --- places --------------------------------------------------------------------

def test_places_per_block_of_places_prorated():
    c = budget({"name": "P", "kind": "places", "category": "places", "places": 40, "price": 650000, "per_places": 15},
               period={"start": "2024-04-01", "end": "2025-12-31"}).compute()
    # a year: 650 000 × 40 / 15 = 1 733 333,33…
    # 2024 (Apr–Dec, 9 months): 5 200 000/3 × 9/12 = 1 300 000 exactly
    # 2025: 1 733 333,33… → 1 733 333
    assert amounts(c, "P") == {2024: Decimal(1300000), 2025: Decimal(1733333)}
    assert c.cell("P", 2025).exact == Fraction(5200000, 3)


def test_places_with_annual_rounding_round_the_year_first():
    c = budget({"name": "P", "kind": "places", "category": "places", "places": 40, "price": 650000, "per_places": 15,
                "annual_rounding": {"mode": "up", "step": 5000}},
               period={"start": "2024-04-01", "end": "2025-12-31"}).compute()
    # year: 1 733 333,33 → up to 5 000 → 1 735 000; 2024: 1 735 000 × 9/12 = 1 301 250
    assert amounts(c, "P") == {2024: Decimal(1301250), 2025: Decimal(1735000)}
    assert c.cell("P", 2024).formula_text() == (
        f"650{NB}000{NB}kr/år × 40/15{NB}platser = 1{NB}733{NB}333,33{NB}kr/år, avrundat uppåt till "
        f"1{NB}735{NB}000{NB}kr/år; 1{NB}735{NB}000{NB}kr/år × 9/12 = 1{NB}301{NB}250{NB}kr")


def test_places_by_year_places_and_price():
    c = budget({"name": "P", "kind": "places", "category": "places", "places": 3, "price": 10000,
                "by_year": {2025: {"places": 5}, 2026: {"price": 12000}}}).compute()
    # 2024: 10 000 × 3 = 30 000; 2025: 10 000 × 5 = 50 000; 2026: 12 000 × 3 = 36 000
    assert amounts(c, "P") == {2024: Decimal(30000), 2025: Decimal(50000), 2026: Decimal(36000)}


# --- recurring and per unit ----------------------------------------------------

def test_recurring_per_month_and_per_year_prorated_by_days():
    c = budget({"name": "M", "kind": "recurring", "category": "premises", "amount": 4000, "per": "month"},
               {"name": "Y", "kind": "recurring", "category": "travel", "amount": 32000, "per": "year"},
               period={"start": "2024-09-15", "end": "2025-12-31"}).compute()
    # 2024: 16/30 + 3 = 53/15 months
    # M: 4 000 × 53/15 = 14 133,33 → 14 133;  Y: 32 000 × 53/15 / 12 = 9 422,22 → 9 422
    assert amounts(c, "M") == {2024: Decimal(14133), 2025: Decimal(48000)}
    assert amounts(c, "Y") == {2024: Decimal(9422), 2025: Decimal(32000)}
    assert c.cell("M", 2024).months == Fraction(53, 15)
    assert c.cell("Y", 2025).formula_text() == f"32{NB}000{NB}kr/år"


def test_recurring_by_year_amount_and_per():
    c = budget({"name": "R", "kind": "recurring", "category": "travel", "amount": 32000, "per": "year",
                "by_year": {2024: {"amount": 2666, "per": "month"}}},
               period={"start": "2024-09-15", "end": "2025-12-31", "proration": "half_months"}).compute()
    # 2024: 2 666 × 3,5 = 9 331 (Öka's "Resor"); 2025: 32 000
    assert amounts(c, "R") == {2024: Decimal(9331), 2025: Decimal(32000)}


def test_per_unit_per_year_and_per_month_with_frequency():
    c = budget({"name": "Y", "kind": "per_unit", "category": "participants", "unit_cost": 5000, "count": 3,
                "unit": "pers"},
               {"name": "M", "kind": "per_unit", "category": "participants", "unit_cost": 500, "count": 3,
                "frequency": 2, "per": "month"},
               period={"start": "2024-04-01", "end": "2024-12-31"}).compute()
    # Y: 5 000 × 3 × 9/12 = 11 250;  M: 500 × 3 × 2 × 9 = 27 000
    assert c.amount("Y", 2024) == Decimal(11250)
    assert c.amount("M", 2024) == Decimal(27000)
    assert c.cell("Y", 2024).formula_text() == f"5{NB}000{NB}kr/år × 3{NB}pers × 9/12 = 11{NB}250{NB}kr"
    assert c.cell("M", 2024).formula_text() == f"500{NB}kr/mån × 3 × 2{NB}ggr × 9{NB}mån = 27{NB}000{NB}kr"


# --- stated amounts --------------------------------------------------------------

def test_one_off_by_year_and_by_date():
    c = budget({"name": "Y", "kind": "one_off", "category": "equipment", "amount": 35000, "year": 2025},
               {"name": "D", "kind": "one_off", "category": "equipment", "amount": "12 500", "date": "2024-06-15"},
               period={"start": "2024-04-01", "end": "2025-12-31"}).compute()
    assert amounts(c, "Y") == {2024: Decimal(0), 2025: Decimal(35000)}
    assert amounts(c, "D") == {2024: Decimal(12500), 2025: Decimal(0)}
    assert c.cell("D", 2024).formula_text() == f"12{NB}500{NB}kr"
    assert c.cell("D", 2025).formula_text() == ""


def test_explicit_amounts_years_left_out_are_zero_and_rounded_once():
    c = budget({"name": "E", "kind": "explicit", "category": "other",
                "amounts": {2024: "1 000", 2025: "2 000,5", 2026: "-1 000,5"}},
               {"name": "F", "kind": "explicit", "category": "other", "amounts": {2025: 7}}).compute()
    # 2 000,5 → 2 001 (half up); −1 000,5 → −1 001 (mirrored)
    assert amounts(c, "E") == {2024: Decimal(1000), 2025: Decimal(2001), 2026: Decimal(-1001)}
    assert amounts(c, "F") == {2024: Decimal(0), 2025: Decimal(7), 2026: Decimal(0)}
    assert c.cell("E", 2025).formula_text() == f"2{NB}000,50{NB}kr, avrundat till 2{NB}001{NB}kr"


# --- percentage lines ------------------------------------------------------------

def _overhead_budget(**percentage) -> Budget:
    return budget(
        {"name": "Rent", "kind": "recurring", "category": "premises", "amount": "1000,5", "per": "month"},
        {"name": "Travel", "kind": "recurring", "category": "travel", "amount": 1001, "per": "year"},
        {"name": "Rent in kind", "kind": "in_kind", "category": "premises", "party": "Kommunen",
         "amount": 2000, "per": "month"},
        {"name": "Other overhead", "kind": "percentage", "category": "administration", "rate": "1 %"},
        {"name": "Overhead", "kind": "percentage", "category": "indirect", **percentage},
        period=YEAR_2024)


def test_percentage_default_base_is_every_non_percentage_non_in_kind_line():
    c = _overhead_budget(rate="15 %").compute()
    # base: Rent 1 000,5 × 12 = 12 006 + Travel 1 001 = 13 007 (not the in-kind rent, not the other overhead)
    # 15 % × 13 007 = 1 951,05 → 1 951
    assert c.amount("Overhead", 2024) == Decimal(1951)
    assert c.cell("Overhead", 2024).formula_text() == f"15{NB}% × 13{NB}007{NB}kr = 1{NB}951{NB}kr"
    # 1 % × 13 007 = 130,07 → 130
    assert c.amount("Other overhead", 2024) == Decimal(130)


def test_percentage_of_categories_excluding_lines():
    c = _overhead_budget(rate="50 %", of={"categories": ["premises", "Resekostnader"],
                                          "exclude_lines": ["Rent in kind"]}).compute()
    # premises without the in-kind rent: 12 006; travel (named in Swedish): 1 001 → 50 % × 13 007 = 6 503,5 → 6 504
    assert c.amount("Overhead", 2024) == Decimal(6504)


def test_percentage_of_named_lines():
    c = _overhead_budget(rate="10 %", of={"lines": ["Travel"]}).compute()
    # 10 % × 1 001 = 100,1 → 100
    assert c.amount("Overhead", 2024) == Decimal(100)


def test_percentage_of_a_percentage_line_in_dependency_order():
    c = budget(
        {"name": "On overhead", "kind": "percentage", "category": "administration", "rate": "10 %",
         "of": {"lines": ["Overhead"]}},   # listed before the line it depends on
        {"name": "Rent", "kind": "recurring", "category": "premises", "amount": "1000,5", "per": "month"},
        {"name": "Overhead", "kind": "percentage", "category": "indirect", "rate": "15 %"},
        period=YEAR_2024).compute()
    # Overhead: 15 % × 12 006 = 1 800,9 → 1 801;  On overhead: 10 % × 1 801 = 180,1 → 180
    assert c.amount("Overhead", 2024) == Decimal(1801)
    assert c.amount("On overhead", 2024) == Decimal(180)
    assert c.cell("On overhead", 2024).formula_text() == f"10{NB}% × 1{NB}801{NB}kr = 180{NB}kr"


def test_percentage_base_is_the_sum_of_rounded_cells():
    c = budget(*[{"name": n, "kind": "explicit", "category": "other", "amounts": {2024: "100,5"}} for n in "ABC"],
               {"name": "P", "kind": "percentage", "category": "indirect", "rate": "50 %"},
               period=YEAR_2024).compute()
    # each 100,5 → 101; base 3 × 101 = 303 (the exact sum would be 301,5)
    # 50 % × 303 = 151,5 → 152 (on the exact base: 150,75 → 151)
    assert c.amount("P", 2024) == Decimal(152)
    assert c.cell("P", 2024).exact == Fraction(303, 2)
    assert c.cell("P", 2024).formula_text() == f"50{NB}% × 303{NB}kr = 152{NB}kr"


def test_percentage_line_is_zero_outside_its_dates():
    c = budget({"name": "R", "kind": "recurring", "category": "premises", "amount": 1000, "per": "month"},
               {"name": "P", "kind": "percentage", "category": "indirect", "rate": "10 %", "start": "2025-01-01"},
               period={"start": "2024-01-01", "end": "2025-12-31"}).compute()
    # 2024: inactive → 0; 2025: 10 % × 12 000 = 1 200
    assert amounts(c, "P") == {2024: Decimal(0), 2025: Decimal(1200)}


# --- in kind -----------------------------------------------------------------------

def test_in_kind_lines_and_in_kind_total():
    c = budget({"name": "Cash", "kind": "recurring", "category": "travel", "amount": 1000, "per": "month"},
               {"name": "Rent", "kind": "in_kind", "category": "premises", "party": "Kommunen",
                "amount": 2000, "per": "month"},
               {"name": "Staff", "kind": "in_kind", "category": "staff", "party": "Regionen",
                "amounts": {2024: 7000}},
               {"name": "Room", "kind": "in_kind", "category": "premises", "party": "Kommunen"},
               period=YEAR_2024).compute()
    # Rent: 2 000 × 12 = 24 000; Staff: 7 000 as stated; Room: stated without amount → 0
    assert c.amount("Rent", 2024) == Decimal(24000)
    assert c.amount("Staff", 2024) == Decimal(7000)
    assert c.amount("Room", 2024) == Decimal(0)
    assert c.cell("Room", 2024).formula is None
    assert c.in_kind_total == Decimal(31000)                     # 24 000 + 7 000
    assert c.year_total(2024, in_kind=True) == Decimal(31000)
    assert c.year_total(2024, in_kind=False) == Decimal(12000)   # only the cash line
    assert c.total == Decimal(43000)                              # the whole budget, in kind included
    frame = c.to_frame("long")
    assert list(frame[frame.in_kind].line) == ["Rent", "Staff", "Room"]


# --- months: dates, period months, by_year months ------------------------------------

def test_line_dates_limit_months_by_days():
    c = budget({"name": "R", "kind": "recurring", "category": "premises", "amount": 1000, "per": "month",
                "start": "2025-03-10", "end": "2026-02-14"}).compute()
    # 2025: 10–31 Mar = 22/31, Apr–Dec = 9 → 1 000 × (9 + 22/31) = 9 709,68 → 9 710
    # 2026: Jan = 1, 1–14 Feb = 14/28 → 1 000 × 1,5 = 1 500
    assert amounts(c, "R") == {2024: Decimal(0), 2025: Decimal(9710), 2026: Decimal(1500)}
    assert c.cell("R", 2025).months == 9 + Fraction(22, 31)


def test_line_dates_limit_months_by_half_months():
    c = budget({"name": "R", "kind": "recurring", "category": "premises", "amount": 1000, "per": "month",
                "start": "2025-03-10", "end": "2026-02-14"},
               period={"start": "2024-01-01", "end": "2026-12-31", "proration": "half_months"}).compute()
    # 2025: 22/31 of March = 0,71 → 0,5; + 9 = 9,5 → 9 500;  2026: 1 + 0,5 → 1 500
    assert amounts(c, "R") == {2024: Decimal(0), 2025: Decimal(9500), 2026: Decimal(1500)}


def test_period_months_override_for_lines_without_dates_of_their_own():
    period = {"start": "2024-09-15", "end": "2026-06-30", "proration": "half_months", "months": {2026: 5}}
    c = budget({"name": "R", "kind": "recurring", "category": "premises", "amount": 1000, "per": "month"},
               {"name": "D", "kind": "recurring", "category": "premises", "amount": 1000, "per": "month",
                "end": "2026-04-30"},
               {"name": "E", "kind": "recurring", "category": "premises", "amount": 1000, "per": "month",
                "end": "2026-06-30"},
               {"name": "Y", "kind": "recurring", "category": "premises", "amount": 1000, "per": "month",
                "by_year": {2025: {"months": 6}}},
               period=period).compute()
    # R: 3,5 / 12 / 5 (stated) months; D's own dates cut 2026 → it counts Jan–Apr = 4;
    # E's dates cover the whole budget year 2026 → the stated 5 months apply
    # Y: by_year months 6 for 2025 wins over the 12 the dates give
    assert amounts(c, "R") == {2024: Decimal(3500), 2025: Decimal(12000), 2026: Decimal(5000)}
    assert amounts(c, "D") == {2024: Decimal(3500), 2025: Decimal(12000), 2026: Decimal(4000)}
    assert amounts(c, "E") == {2024: Decimal(3500), 2025: Decimal(12000), 2026: Decimal(5000)}
    assert amounts(c, "Y") == {2024: Decimal(3500), 2025: Decimal(6000), 2026: Decimal(5000)}
    assert c.cell("Y", 2025).months == 6


def test_stated_months_are_allocated_in_order_over_a_raise():
    period = {"start": "2026-01-01", "end": "2026-06-30", "months": {2026: 5}}
    c = budget(salary(monthly_salary=30000, on_cost=1, annual_raise={"rate": "10 %", "effective": "03-01"}),
               period=period).compute()
    # pieces Jan–Feb (2 months) and Mar–Jun (4 months), 5 stated: 2 at 30 000 + 3 at 33 000 = 159 000
    assert c.amount("S", 2026) == Decimal(159000)


# --- rounding ---------------------------------------------------------------------

def test_budget_level_rounding_down():
    c = budget(salary(monthly_salary=42350, on_cost=1.42),
               period={"start": "2024-09-15", "end": "2024-12-31", "proration": "half_months"},
               rounding={"mode": "down"}).compute()
    # 42 350 × 1,42 × 3,5 = 210 479,50 → down → 210 479 (Öka's figure)
    assert c.amount("S", 2024) == Decimal(210479)
    assert c.cell("S", 2024).exact == Fraction(420959, 2)


def test_line_rounding_overrides_the_budget_rule():
    c = budget(salary(monthly_salary=42350, on_cost=1.42),
               {"name": "T", "kind": "salary", "category": "staff", "monthly_salary": 42350, "on_cost": 1.42,
                "rounding": {"mode": "half_up"}},
               {"name": "U", "kind": "recurring", "category": "other", "amount": "1000,55", "per": "month",
                "rounding": {"mode": "up", "step": 1000}},
               {"name": "V", "kind": "recurring", "category": "other", "amount": "1000,55", "per": "month",
                "rounding": {"step": "0,01"}},
               period={"start": "2024-09-15", "end": "2024-12-31", "proration": "half_months"},
               rounding={"mode": "down"}).compute()
    # S (budget rule, down): 210 479,5 → 210 479;  T (half up): 210 480
    # U: 1 000,55 × 3,5 = 3 501,925 → up to 1 000 → 4 000;  V: to öre, half up → 3 501,93
    assert c.amount("S", 2024) == Decimal(210479)
    assert c.amount("T", 2024) == Decimal(210480)
    assert c.amount("U", 2024) == Decimal(4000)
    assert c.amount("V", 2024) == Decimal("3501.93")
    assert c.cell("U", 2024).formula_text() == (
        f"1{NB}000,55{NB}kr/mån × 3,5{NB}mån = 3{NB}501,93{NB}kr, avrundat uppåt till 4{NB}000{NB}kr")
    assert c.total == Decimal("428460.93")  # 210 479 + 210 480 + 4 000 + 3 501,93


def test_budget_rounding_to_100_applies_to_every_cell():
    c = budget({"name": "R", "kind": "recurring", "category": "other", "amount": 1234, "per": "month"},
               {"name": "P", "kind": "percentage", "category": "indirect", "rate": "10 %"},
               period=YEAR_2024, rounding={"step": 100}).compute()
    # R: 1 234 × 12 = 14 808 → 14 800;  P: 10 % × 14 800 = 1 480 → 1 500
    assert c.amount("R", 2024) == Decimal(14800)
    assert c.amount("P", 2024) == Decimal(1500)
    assert str(c.amount("P", 2024)) == "1500"


# --- budget years end to end ----------------------------------------------------------

FISCAL_YAML = """
project: {name: Fiscal}
period:
  start: 2024-09-15
  end: 2026-09-14
  budget_years: fiscal
  fiscal_year_start: 7
lines:
  - {name: Coach, kind: salary, category: staff, monthly_salary: 30000, on_cost: 1,
     annual_raise: {rate: 10 %, effective: "01-01"}}
  - {name: Travel, kind: recurring, category: travel, amount: "1 200", per: year,
     by_year: {"2026/27": {amount: 2400}}}
  - {name: Stated, kind: explicit, category: other, amounts: {"2024/25": 1000, 2025/26: 2000}}
  - {name: Kit, kind: one_off, category: equipment, amount: 500, date: 2025-07-01}
"""


def test_fiscal_budget_years_end_to_end():
    c = grantcalc.loads(FISCAL_YAML).compute()
    assert [y.label() for y in c.years] == ["2024/25", "2025/26", "2026/27"]
    # 2024/25 = 15 Sep 2024 – 30 Jun 2025: 16/30 + 3 = 53/15 months in 2024, 6 in 2025 (143/15 in all)
    # Coach: 30 000 × 53/15 = 106 000 + 33 000 × 6 = 198 000 → 304 000
    # 2025/26: 33 000 × 6 + 36 300 × 6 = 415 800;  2026/27 (1 Jul – 14 Sep 2026, 37/15): 36 300 × 37/15 = 89 540
    assert amounts(c, "Coach") == {2024: Decimal(304000), 2025: Decimal(415800), 2026: Decimal(89540)}
    # Travel: 1 200 × 143/15 / 12 = 953,33 → 953; 1 200; 2 400 × 37/15 / 12 = 493,33 → 493
    assert amounts(c, "Travel") == {2024: Decimal(953), 2025: Decimal(1200), 2026: Decimal(493)}
    assert amounts(c, "Stated") == {2024: Decimal(1000), 2025: Decimal(2000), 2026: Decimal(0)}
    assert amounts(c, "Kit") == {2024: Decimal(0), 2025: Decimal(500), 2026: Decimal(0)}
    wide = c.to_frame("wide")
    assert list(wide.columns) == ["category", "2024/25", "2025/26", "2026/27", "Totalt"]
    assert wide.loc["Summa", "2024/25"] == Decimal(304000 + 953 + 1000)
    assert c.total == Decimal(304000 + 415800 + 89540 + 953 + 1200 + 493 + 3000 + 500)


PROJECT_YAML = """
project: {name: Project years}
period: {start: 2024-09-15, end: 2026-09-14, budget_years: project, months: {2: 11}}
lines:
  - name: Coach
    kind: salary
    category: staff
    monthly_salary: 30000
    on_cost: 1
    annual_raise: {rate: 10 %}
    start: 2024-09-15
  - {name: Travel, kind: recurring, category: travel, amount: 1200, per: year}
  - {name: Start, kind: one_off, category: equipment, amount: 9000, year: 1}
"""


def test_project_budget_years_end_to_end():
    c = grantcalc.loads(PROJECT_YAML).compute()
    assert [y.label() for y in c.years] == ["År 1", "År 2"]
    assert [y.label("en") for y in c.years] == ["Year 1", "Year 2"]
    # År 1 (15 Sep 2024 – 14 Sep 2025) split by the raise on 1 Jan 2025:
    #   30 000 × (16/30 + 3) = 106 000 + 33 000 × (8 + 14/30) = 279 400 → 385 400
    # År 2 (15 Sep 2025 – 14 Sep 2026): the line's start lies before it, so it covers the whole
    # budget year and the 11 stated months apply, allocated in order over the raise on 1 Jan 2026:
    #   33 000 × 53/15 = 116 600 + 36 300 × (11 − 53/15 = 112/15) = 271 040 → 387 640
    assert amounts(c, "Coach") == {1: Decimal(385400), 2: Decimal(387640)}
    # Travel has no dates: År 2 counts the 11 stated months → 1 200 × 11/12 = 1 100
    assert amounts(c, "Travel") == {1: Decimal(1200), 2: Decimal(1100)}
    assert amounts(c, "Start") == {1: Decimal(9000), 2: Decimal(0)}
    assert list(c.to_frame("wide").columns) == ["category", "År 1", "År 2", "Totalt"]
    assert list(c.to_frame("wide", lang="en").columns) == ["category", "Year 1", "Year 2", "Total"]


# --- computation object ----------------------------------------------------------------

def test_totals_and_frames():
    c = budget({"name": "A", "kind": "recurring", "category": "travel", "amount": 1000, "per": "month"},
               {"name": "B", "kind": "explicit", "category": "other", "amounts": {2024: "0,5", 2025: 3}},
               period={"start": "2024-07-01", "end": "2025-06-30"}).compute()
    # A: 6 000 / 6 000; B: 0,5 → 1 (half up) / 3
    assert c.year_totals == {2024: Decimal(6001), 2025: Decimal(6003)}
    assert c.line_total("A") == Decimal(12000)
    assert c.total == Decimal(12004)
    long = c.to_frame("long")
    assert list(long.columns) == ["line", "category", "year", "year_label", "amount", "months", "formula",
                                  "kind", "in_kind", "funder"]
    assert len(long) == 4
    assert all(type(a) is Decimal for a in long.amount)
    assert sum(long.amount, Decimal(0)) == c.total
    assert list(long.months) == [Decimal(6), Decimal(6), Decimal(6), Decimal(6)]
    wide = c.to_frame("wide")
    assert list(wide.index) == ["A", "B", "Summa"]
    assert wide.loc["B", "Totalt"] == Decimal(4)
    assert list(c.to_frame("wide", totals=False).index) == ["A", "B"]
    with pytest.raises(ValueError):
        c.to_frame("tall")


def test_months_column_is_exact_or_four_decimals():
    c = budget({"name": "A", "kind": "recurring", "category": "travel", "amount": 1000, "per": "month"},
               period={"start": "2024-09-15", "end": "2024-12-31"}).compute()
    # 16/30 + 3 = 3,5333… → shown to 4 decimals
    assert c.to_frame("long").months.iloc[0] == Decimal("3.5333")


# --- regressions: bugs found by the test campaign, fixed ---------------------------------

def test_mid_month_raise_under_whole_months_counts_twelve_months():
    c = budget(salary(monthly_salary=10000, on_cost=1, annual_raise={"rate": "10 %", "effective": "04-16"}),
               period={"start": "2023-01-01", "end": "2023-12-31", "proration": "whole_months"}).compute()
    # The pieces are differences of months counted up to each cut, so they add up to 12:
    # Jan 1 – Apr 15 = 3 + 15/30 of April (→ 1 whole month) = 4; the rest 12 − 4 = 8
    # 10 000 × 4 + 11 000 × 8 = 128 000  (was 10 000 × 4 + 11 000 × 9 = 139 000: 13 months)
    assert c.amount("S", 2023) == Decimal(128000)
    assert sum(Fraction(t.value) for p in c.cell("S", 2023).formula.steps[0].products
               for t in p if t.unit == "months") == 12


def test_mid_month_raise_under_half_months_counts_twelve_months():
    c = budget(salary(monthly_salary=10000, on_cost=1, annual_raise={"rate": "10 %", "effective": "02-08"}),
               period={"start": "2023-01-01", "end": "2023-12-31", "proration": "half_months"}).compute()
    # Jan 1 – Feb 7 = 1 + 7/28 (→ 0,5) = 1,5; the rest 12 − 1,5 = 10,5
    # 10 000 × 1,5 + 11 000 × 10,5 = 130 500  (was … × 11 = 136 000: 12,5 months)
    assert c.amount("S", 2023) == Decimal(130500)


def test_full_year_places_formula_shows_the_annual_rounding():
    c = budget({"name": "P", "kind": "places", "category": "places", "places": 40, "price": 650000,
                "per_places": 15, "annual_rounding": {"mode": "up", "step": 5000}}, period=YEAR_2024).compute()
    assert c.amount("P", 2024) == Decimal(1735000)
    assert c.cell("P", 2024).formula_text() == (
        f"650{NB}000{NB}kr/år × 40/15{NB}platser = 1{NB}733{NB}333,33{NB}kr/år, avrundat uppåt till "
        f"1{NB}735{NB}000{NB}kr/år")


def test_formula_does_not_round_the_exact_value_the_other_way():
    c = budget({"name": "R", "kind": "recurring", "category": "travel", "amount": "2666,67", "per": "month",
                "rounding": {"mode": "down", "step": "0.01"}},
               period={"start": "2024-01-01", "end": "2024-06-15", "proration": "half_months"}).compute()
    # 2 666,67 × 5,5 = 14 666,685 → down to öre → 14 666,68
    assert c.amount("R", 2024) == Decimal("14666.68")
    assert c.cell("R", 2024).formula_text() == (
        f"2{NB}666,67{NB}kr/mån × 5,5{NB}mån = 14{NB}666,685{NB}kr, avrundat nedåt till 14{NB}666,68{NB}kr")


def test_places_formula_without_a_block_size():
    c = budget({"name": "P", "kind": "places", "category": "places", "places": 3, "price": 10000},
               period=YEAR_2024).compute()
    assert c.amount("P", 2024) == Decimal(30000)
    assert "3/1" not in c.cell("P", 2024).formula_text()


def test_a_category_base_leaves_in_kind_lines_out_unless_named():
    c = budget({"name": "Lön", "kind": "recurring", "category": "staff", "amount": 10000, "per": "month"},
               {"name": "Hyra", "kind": "in_kind", "category": "premises", "party": "Kommunen", "amount": 5000,
                "per": "month"},
               {"name": "Adm", "kind": "percentage", "category": "administration", "rate": "10 %",
                "of": {"categories": ["staff", "premises"]}},
               {"name": "Adm2", "kind": "percentage", "category": "administration", "rate": "10 %",
                "of": {"lines": ["Hyra"]}},
               period=YEAR_2024).compute()
    # Adm: 10 % × 120 000 (the in-kind rent of its categories is not charged) = 12 000
    # Adm2: 10 % × 60 000 — a line named explicitly is taken even when in kind
    assert c.amount("Adm", 2024) == Decimal(12000)
    assert c.amount("Adm2", 2024) == Decimal(6000)
    # the total holds every cost; the cash total leaves the in-kind rent out
    assert c.total == Decimal(120000 + 60000 + 12000 + 6000)
    assert c.in_kind_total == Decimal(60000)
    assert c.cash_total == Decimal(138000)
