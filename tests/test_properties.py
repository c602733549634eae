"""Property tests (hypothesis): totals add up, amounts are multiples of their step,
proration is additive, floats never reach an amount, rounding stays within a step."""

from __future__ import annotations

import decimal
from datetime import date, timedelta
from decimal import Decimal
from fractions import Fraction

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from grantcalc import Budget
from grantcalc.periods import Proration, YearScheme, budget_years, months_between
from grantcalc.rounding import RoundingMode, RoundingRule, round_value

# the autouse fixture that traps FloatOperation is function-scoped on purpose: it must wrap every example
FAST = {"deadline": None, "suppress_health_check": [HealthCheck.function_scoped_fixture, HealthCheck.too_slow]}

STEPS = [Decimal("1"), Decimal("100"), Decimal("1000"), Decimal("5000"), Decimal("0.01")]


def money(lo: int | str, hi: int | str, places: int = 2) -> st.SearchStrategy[Decimal]:
    return st.decimals(min_value=Decimal(lo), max_value=Decimal(hi), places=places,
                       allow_nan=False, allow_infinity=False)


rounding_specs = st.builds(lambda mode, step: {"mode": mode.value, "step": step},
                           st.sampled_from(list(RoundingMode)), st.sampled_from(STEPS))


@st.composite
def periods(draw) -> dict:
    start = draw(st.dates(date(2022, 1, 1), date(2026, 12, 31)))
    end = start + timedelta(days=draw(st.integers(0, 1200)))
    scheme = draw(st.sampled_from(list(YearScheme)))
    period = {"start": start, "end": end, "budget_years": scheme.value,
              "proration": draw(st.sampled_from(list(Proration))).value}
    if scheme is YearScheme.fiscal:
        period["fiscal_year_start"] = draw(st.integers(1, 12))
    keys = [y.key for y in budget_years(start, end, scheme, period.get("fiscal_year_start") or 1)]
    if draw(st.booleans()):
        period["months"] = {draw(st.sampled_from(keys)): draw(money(0, 12, 1))}
    return period


@st.composite
def line_dates(draw, period: dict) -> dict:
    if not draw(st.booleans()):
        return {}
    span = (period["end"] - period["start"]).days
    a, b = sorted(draw(st.lists(st.integers(0, span), min_size=2, max_size=2)))
    out = {}
    if draw(st.booleans()):
        out["start"] = period["start"] + timedelta(days=a)
    if draw(st.booleans()):
        out["end"] = period["start"] + timedelta(days=b)
    return out


@st.composite
def lines(draw, period: dict, keys: list[int], i: int) -> dict:
    kind = draw(st.sampled_from(["salary", "hourly", "places", "recurring", "per_unit", "one_off", "explicit",
                                 "percentage", "in_kind"]))
    line: dict = {"name": f"L{i}", "category": "other"}
    if kind in ("salary", "hourly"):
        line.update(kind="salary", monthly_salary=draw(money(1000, 90000)), on_cost=draw(money(1, "1.6", 4)))
        if kind == "hourly":
            line["hours"] = draw(money(1, 1720, 1))
            if draw(st.booleans()):
                line["hourly_rate"] = draw(money(100, 900))
        else:
            line["fte"] = draw(money("0.05", "1.5"))
        if draw(st.booleans()):
            line["annual_raise"] = {
                "rate": draw(money(0, "0.1", 3)),
                "effective": f"{draw(st.integers(1, 12)):02d}-01",
                **({"rounding": {"step": draw(st.sampled_from(["1", "100"]))}} if draw(st.booleans()) else {}),
            }
        line.update(draw(line_dates(period)))
    elif kind == "places":
        line.update(kind="places", places=draw(st.integers(1, 50)), price=draw(money(0, 1000000, 0)),
                    per_places=draw(st.integers(1, 20)))
        if draw(st.booleans()):
            line["annual_rounding"] = draw(rounding_specs)
    elif kind == "recurring":
        line.update(kind="recurring", amount=draw(money(0, 100000)), per=draw(st.sampled_from(["month", "year"])))
        line.update(draw(line_dates(period)))
    elif kind == "per_unit":
        line.update(kind="per_unit", unit_cost=draw(money(0, 10000)), count=draw(money(1, 20, 0)),
                    frequency=draw(money(1, 12, 0)), per=draw(st.sampled_from(["month", "year"])))
    elif kind == "one_off":
        line.update(kind="one_off", amount=draw(money(0, 500000)))
        if draw(st.booleans()):
            line["year"] = draw(st.sampled_from(keys))
        else:
            line["date"] = period["start"] + timedelta(
                days=draw(st.integers(0, (period["end"] - period["start"]).days)))
    elif kind == "explicit":
        chosen = draw(st.lists(st.sampled_from(keys), unique=True))
        line.update(kind="explicit", amounts={k: draw(money(-100000, 1000000)) for k in chosen})
    elif kind == "percentage":
        line.update(kind="percentage", rate=draw(money(0, "0.99", 3)))
    else:
        line.update(kind="in_kind", party="Kommunen")
        form = draw(st.sampled_from(["amount", "amounts", "none"]))
        if form == "amount":
            line.update(amount=draw(money(0, 50000)), per=draw(st.sampled_from(["month", "year"])))
        elif form == "amounts":
            line["amounts"] = {k: draw(money(0, 50000)) for k in draw(st.lists(st.sampled_from(keys), unique=True))}
    if draw(st.integers(0, 3)) == 0:
        line["rounding"] = draw(rounding_specs)
    return line


@st.composite
def budgets(draw) -> Budget:
    period = draw(periods())
    keys = [y.key for y in budget_years(period["start"], period["end"], YearScheme(period["budget_years"]),
                                        period.get("fiscal_year_start") or 1)]
    n = draw(st.integers(1, 5))
    data = {"project": {"name": "Property"}, "period": period,
            "lines": [draw(lines(period, keys, i)) for i in range(n)]}
    if draw(st.booleans()):
        data["rounding"] = draw(rounding_specs)
    return Budget.model_validate(data)


# (1) -------------------------------------------------------------------------------

@settings(max_examples=60, **FAST)
@given(budgets())
def test_totals_add_up_and_amounts_are_multiples_of_their_step(budget):
    c = budget.compute()
    default_step = budget.rounding.step
    for line in budget.lines:
        step = Fraction(line.rounding.step if line.rounding else default_step)
        for y in c.years:
            cell = c.cell(line.name, y.key)
            assert type(cell.amount) is Decimal
            assert (Fraction(cell.amount) / step).denominator == 1, (line.name, y.key, cell.amount, step)
            assert abs(Fraction(cell.amount) - cell.exact) <= step
            assert "E" not in str(cell.amount)
    assert sum(c.year_totals.values(), Decimal(0)) == c.total
    assert sum((c.line_total(ln.name) for ln in budget.lines), Decimal(0)) == c.total
    assert c.year_total(c.years[0].key) == \
        c.year_total(c.years[0].key, in_kind=False) + c.year_total(c.years[0].key, in_kind=True)
    assert type(c.total) is Decimal


# (2) -------------------------------------------------------------------------------

@settings(max_examples=40, **FAST)
@given(period=periods(), salary=money(1000, 90000), on_cost=money(1, "1.6", 4),
       fte=st.integers(2, 300).map(lambda n: Decimal(n) / 100),
       raise_=st.one_of(st.none(), st.fixed_dictionaries({
           "rate": money(0, "0.1", 3),
           "effective": st.sampled_from(["01-01", "04-01", "07-01", "09-15"]),
           "rounding": st.sampled_from([None, {"step": 100}])})))
def test_splitting_a_salary_in_two_half_fte_lines_moves_no_cell_more_than_one_krona(
        period, salary, on_cost, fte, raise_):
    def line(name: str, share: Decimal) -> dict:
        out = {"name": name, "kind": "salary", "category": "staff", "monthly_salary": salary,
               "on_cost": on_cost, "fte": share}
        if raise_:
            out["annual_raise"] = {k: v for k, v in raise_.items() if v is not None}
        return out

    def build(*ls):
        return Budget.model_validate({"project": {"name": "P"}, "period": period, "lines": list(ls)}).compute()

    whole = build(line("Whole", fte))
    half = fte / 2  # exact: fte has two decimals
    split = build(line("A", half), line("B", half))
    for y in whole.years:
        together = split.amount("A", y.key) + split.amount("B", y.key)
        assert abs(together - whole.amount("Whole", y.key)) <= 1
        # before rounding the two halves are exactly the whole
        assert split.cell("A", y.key).exact + split.cell("B", y.key).exact == whole.cell("Whole", y.key).exact


# (3) -------------------------------------------------------------------------------

days_in_range = st.dates(date(2020, 1, 1), date(2030, 12, 31))


@settings(max_examples=200, **FAST)
@given(a=days_in_range, length=st.integers(1, 2000), cut=st.integers(1, 2000))
def test_months_add_up_over_any_split_under_days(a, length, cut):
    c = a + timedelta(days=length)
    b = a + timedelta(days=min(cut, length))  # a < b <= c
    left = months_between(a, b - timedelta(days=1), Proration.days)
    right = months_between(b, c, Proration.days)
    assert months_between(a, c, Proration.days) == left + right


@settings(max_examples=200, **FAST)
@given(a=days_in_range, length=st.integers(1, 2000), cut=st.integers(1, 2000),
       rule=st.sampled_from([Proration.half_months, Proration.whole_months, Proration.days]))
def test_months_add_up_over_a_split_on_the_first_of_a_month(a, length, cut, rule):
    c = a + timedelta(days=length)
    b = (a + timedelta(days=min(cut, length))).replace(day=1)
    assume(a < b <= c)
    assert months_between(a, c, rule) == months_between(a, b - timedelta(days=1), rule) + months_between(b, c, rule)


@settings(max_examples=100, **FAST)
@given(a=days_in_range, length=st.integers(0, 2000), rule=st.sampled_from(list(Proration)))
def test_months_are_bounded_by_the_calendar(a, length, rule):
    c = a + timedelta(days=length)
    m = months_between(a, c, rule)
    # never more months than calendar months touched, never negative, in halves under half_months
    touched = (c.year - a.year) * 12 + c.month - a.month + 1
    assert 0 <= m <= touched
    if rule is Proration.half_months:
        assert (m * 2).denominator == 1
    if rule is Proration.whole_months:
        assert m.denominator == 1


# (4) -------------------------------------------------------------------------------

def _floats(lo: int, hi: int, scale: int) -> st.SearchStrategy[float]:
    """Floats as a user types them (n / scale), built without any Decimal."""
    return st.integers(lo, hi).map(lambda n: n / scale)


@settings(max_examples=50, **FAST)
@given(salary=_floats(100000, 9000000, 100), on_cost=_floats(100, 160, 100), fte=_floats(5, 150, 100),
       rate=_floats(0, 100, 1000), amount=_floats(0, 10000000, 100), count=_floats(1, 40, 2),
       step=st.sampled_from([1.0, 100.0, 0.01, 5000.0]), months=_floats(0, 24, 2),
       period=periods())
def test_float_inputs_compute_like_their_decimal_text(salary, on_cost, fte, rate, amount, count, step, months, period):
    def data(convert) -> dict:
        keys = [y.key for y in budget_years(period["start"], period["end"], YearScheme(period["budget_years"]),
                                            period.get("fiscal_year_start") or 1)]
        return {
            "project": {"name": "Floats"},
            "period": period,
            "rounding": {"step": convert(step)},
            "lines": [
                {"name": "S", "kind": "salary", "category": "staff", "monthly_salary": convert(salary),
                 "on_cost": convert(on_cost), "fte": convert(fte),
                 "annual_raise": {"rate": convert(rate), "rounding": {"step": convert(step)}},
                 "by_year": {keys[-1]: {"months": convert(months)}}},
                {"name": "R", "kind": "recurring", "category": "travel", "amount": convert(amount), "per": "month"},
                {"name": "U", "kind": "per_unit", "category": "other", "unit_cost": convert(amount),
                 "count": convert(count), "frequency": convert(count)},
                {"name": "E", "kind": "explicit", "category": "other", "amounts": {keys[0]: convert(amount)}},
                {"name": "P", "kind": "percentage", "category": "indirect", "rate": convert(rate)},
            ],
        }

    assert decimal.getcontext().traps[decimal.FloatOperation]  # a float meeting a Decimal would raise
    from_floats = Budget.model_validate(data(lambda v: v)).compute()
    from_text = Budget.model_validate(data(str)).compute()                    # "1.42"
    from_decimals = Budget.model_validate(data(lambda v: Decimal(str(v)))).compute()
    assert from_floats.budget.lines[0].on_cost == Decimal(str(on_cost))
    for c in (from_text, from_decimals):
        for a, b in zip(from_floats.cells(), c.cells(), strict=True):
            assert (a.line, a.year) == (b.line, b.year)
            assert type(a.amount) is Decimal
            assert a.amount == b.amount and str(a.amount) == str(b.amount)
            assert a.exact == b.exact
            assert a.formula_text() == b.formula_text()
        assert from_floats.total == c.total


def test_a_float_never_becomes_its_binary_value():
    # 0.1 as a binary float is 0.1000000000000000055511151231257827…; through str() it is 0.1
    b = Budget.model_validate({"project": {"name": "F"}, "period": {"start": "2024-01-01", "end": "2024-12-31"},
                               "lines": [{"name": "R", "kind": "recurring", "category": "other",
                                          "amount": 0.1, "per": "month", "rounding": {"step": 0.01}}]})
    cell = b.compute().cell("R", 2024)
    assert cell.exact == Fraction(12, 10)   # 0,1 × 12 exactly
    assert cell.amount == Decimal("1.2")


# (5) -------------------------------------------------------------------------------

exact_values = st.one_of(
    st.fractions(min_value=-10**9, max_value=10**9, max_denominator=10**6),
    st.decimals(min_value=-10**9, max_value=10**9, places=4, allow_nan=False, allow_infinity=False),
    st.integers(-10**9, 10**9),
)
steps = st.one_of(st.sampled_from([Decimal("1"), Decimal("100"), Decimal("5000"), Decimal("0.01"),
                                   Decimal("0.5"), Decimal("2.5"), Decimal("5E+3")]),
                  st.decimals(min_value=Decimal("0.001"), max_value=Decimal(10000), places=3))


@settings(max_examples=300, **FAST)
@given(x=exact_values, step=steps, mode=st.sampled_from(list(RoundingMode)))
def test_rounding_is_a_multiple_of_the_step_within_one_step(x, step, mode):
    assume(step > 0)
    r = round_value(x, RoundingRule(mode, step))
    fx, fr, fs = Fraction(x), Fraction(r), Fraction(step)
    assert type(r) is Decimal
    assert (fr / fs).denominator == 1                 # a multiple of the step
    assert abs(fr - fx) < fs                          # within one step
    if mode in (RoundingMode.half_up, RoundingMode.half_even):
        assert abs(fr - fx) <= fs / 2                 # the nearest multiple
    if mode is RoundingMode.down:
        assert abs(fr) <= abs(fx)                     # towards zero
    if mode is RoundingMode.up:
        assert abs(fr) >= abs(fx)                     # away from zero
    assert round_value(-x, RoundingRule(mode, step)) == -r   # negatives are mirrored


@settings(max_examples=200, **FAST)
@given(x=st.one_of(st.fractions(min_value=0, max_value=10**9, max_denominator=10**6),
                   st.decimals(min_value=0, max_value=10**9, places=4, allow_nan=False, allow_infinity=False)),
       step=steps)
def test_down_is_at_most_x_and_up_at_least_x(x, step):
    assume(step > 0)
    down = round_value(x, RoundingRule(RoundingMode.down, step))
    up = round_value(x, RoundingRule(RoundingMode.up, step))
    half_up = round_value(x, RoundingRule(RoundingMode.half_up, step))
    half_even = round_value(x, RoundingRule(RoundingMode.half_even, step))
    assert Fraction(down) <= Fraction(x) <= Fraction(up)
    assert Fraction(up) - Fraction(down) in (0, Fraction(step))
    assert down <= half_even <= half_up <= up


@settings(max_examples=100, **FAST)
@given(n=st.integers(-10**12, 10**12), step=st.sampled_from(STEPS), mode=st.sampled_from(list(RoundingMode)))
def test_multiples_of_the_step_are_left_alone(n, step, mode):
    value = Decimal(n) * step
    assert round_value(value, RoundingRule(mode, step)) == value
