"""Rates a document declares and then does not follow.

* **Raises.** A salary line with a yearly raise and salaries stated per year
  (``by_year.monthly_salary``): each stated salary must be the previous year's
  salary raised by the rate — rounded to the raise's step, up or down (a
  document rounding 43 747,55 to 43 800 follows a 3,3 % raise to whole
  hundreds; one writing 41 800 for 41 939,80 does not). The finding gives the
  salary the declared rule gives and what the year would cost with it.
* **Conversions.** A year that restates a line's rate in other units
  (``5 000 kr/år`` as ``416 kr/mån``) and loses on the way: the year's amount
  is compared with what the line's own rate gives. Only near-equal rates are
  taken as conversions (within 1 %); a larger change is a change, not a slip.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

from grantcalc.budget.lines import InKindLine, PerUnitLine, RecurringLine, SalaryLine
from grantcalc.compute import lines as calc
from grantcalc.compute.computation import Computation
from grantcalc.compute.engine import line_slices
from grantcalc.errors import Problem, Severity
from grantcalc.messages import Bilingual
from grantcalc.rounding import RoundingMode, RoundingRule, round_value

__all__ = ["check"]

CONVERSION_TOLERANCE = Fraction(1, 100)
_PER = {"month": ("mån", "month"), "year": ("år", "year")}


def check(c: Computation) -> list[Problem]:
    out: list[Problem] = []
    for i, line in enumerate(c.budget.lines):
        if isinstance(line, SalaryLine):
            out += _raises(c, i, line)
        elif isinstance(line, (RecurringLine, PerUnitLine, InKindLine)):
            out += _conversions(c, i, line)
    return out


def _raises(c: Computation, index: int, line: SalaryLine) -> list[Problem]:
    raise_ = line.annual_raise
    if raise_ is None or line.hourly_rate is not None or not raise_.rate:
        return []
    budget = c.budget
    step = raise_.rounding.step if raise_.rounding else Decimal(1)
    rule = raise_.rounding.rule() if raise_.rounding else RoundingRule(RoundingMode.half_up, step)
    factor = 1 + Fraction(raise_.rate)
    slices = line_slices(budget, line)
    wage = Fraction(line.monthly_salary)
    out = []
    last_end = None
    for sl in slices:
        if not sl.months:
            continue
        start = sl.start or sl.year.start
        end = sl.end or sl.year.end
        # raises between the previous active year and this one's first day
        before = calc.raise_dates(line, last_end, start) if last_end is not None else []
        stated = line.by_year.get(sl.year.key)
        stated_wage = stated.monthly_salary if stated is not None else None
        previous = wage
        for _ in before[:-1]:
            previous = Fraction(round_value(previous * factor, rule))
        if stated_wage is not None and before:
            exact = previous * factor
            low = round_value(exact, RoundingRule(RoundingMode.down, step))
            high = round_value(exact, RoundingRule(RoundingMode.up, step))
            if stated_wage not in (low, high):
                expected = round_value(exact, rule)
                months = sl.months
                on_cost = Fraction(line.value("on_cost", sl.year.key))
                fte = Fraction(line.value("fte", sl.year.key) or 1)
                impact = (Fraction(expected) - Fraction(stated_wage)) * on_cost * fte * months
                out.append(Problem("raise.salary", Severity.warning,
                                   ("lines", index, "by_year", sl.year.key, "monthly_salary"), {
                                       "line": line.name, "year": sl.year.labels(), "stated": stated_wage,
                                       "rate": raise_.rate, "previous": previous, "factor": factor, "exact": exact,
                                       "expected": expected, "impact": abs(impact),
                                       "more_or_less": ("högre", "more") if impact > 0 else ("lägre", "less")}))
        if stated_wage is not None:
            wage = Fraction(stated_wage)
        else:
            for _ in before:
                wage = Fraction(round_value(wage * factor, rule))
        for _ in calc.raise_dates(line, start, end):  # raises inside the year carry on to the next
            wage = Fraction(round_value(wage * factor, rule))
        last_end = end
    return out


def _annual(amount: Decimal, per: str) -> Fraction:
    return Fraction(amount) * (12 if per == "month" else 1)


def _rate_text(amount, per: str) -> Bilingual:
    from grantcalc import formatting as fmt

    return Bilingual(lambda lang: f"{fmt.currency(fmt.number(amount, lang), lang)}/{Bilingual.pick(_PER[per], lang)}")


def _conversions(c: Computation, index: int, line) -> list[Problem]:
    field = "unit_cost" if isinstance(line, PerUnitLine) else "amount"
    own, own_per = getattr(line, field), line.per
    if own is None or own_per is None or not own:
        return []
    budget = c.budget
    out = []
    for key, values in line.by_year.items():
        amount, per = getattr(values, field, None), getattr(values, "per", None)
        if amount is None or per is None or per == own_per:
            continue
        gap = abs(_annual(amount, per) - _annual(own, own_per)) / _annual(own, own_per)
        if gap == 0 or gap > CONVERSION_TOLERANCE:
            continue
        plain = line.model_copy(update={"by_year": {k: v for k, v in line.by_year.items() if k != key}})
        slices = [s for s in line_slices(budget, plain) if s.year.key == key]
        result = (calc.per_unit(plain, slices) if isinstance(line, PerUnitLine) else calc.recurring(plain, slices))[key]
        rule = line.rounding.rule() if line.rounding else budget.rounding.rule()
        expected = round_value(result.exact, rule)
        stated = c.amount(line.name, key)
        if expected == stated:
            continue
        converted = _annual(own, own_per) / (12 if per == "month" else 1)
        out.append(Problem("rate.conversion", Severity.warning, ("lines", index, "by_year", key), {
            "line": line.name, "year": budget.year(key).labels(), "year_rate": _rate_text(amount, per),
            "line_rate": _rate_text(own, own_per), "converted": _rate_text(converted, per),
            "stated": stated, "expected": expected, "difference": stated - expected}))
    return out
