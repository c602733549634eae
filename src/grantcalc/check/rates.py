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
    """Each stated salary against the one the raise chain gives (:class:`~grantcalc.compute.lines.RaiseChain`,
    as the computation runs it), each raise rounded to the raise's step (whole kronor without one)."""
    raise_ = line.annual_raise
    if raise_ is None or line.hourly_rate is not None or not raise_.rate:
        return []
    budget = c.budget
    step = raise_.rounding.step if raise_.rounding else Decimal(1)
    rule = calc.raise_rule(line) or RoundingRule(RoundingMode.half_up, step)
    slices = line_slices(budget, line)
    ref = line.start or budget.period.start
    chain = calc.RaiseChain(line, ref, max((s.year.end for s in slices), default=ref), rule)
    out = []
    for sl in slices:
        values = line.by_year.get(sl.year.key)
        stated = values.monthly_salary if values is not None else None
        due = chain.due(sl.start or sl.year.start)  # raises since the previous year, up to this one's first day
        for _ in range(due - 1):
            chain.next_raise()
        if stated is not None and due and sl.months:
            problem = _raised_salary(index, line, sl, stated, chain, step)
            if problem is not None:
                out.append(problem)
        if stated is not None:
            chain.restart(Fraction(stated), sl.year.end)
        else:
            chain.raise_through(sl.year.end)  # raises inside the year carry on to the next
    return out


def _raised_salary(index: int, line: SalaryLine, sl: calc.Slice, stated: Decimal, chain: calc.RaiseChain,
                   step: Decimal) -> Problem | None:
    """A stated salary that is not the previous one raised by the rate and rounded to ``step``, up or down."""
    assert line.annual_raise is not None and chain.rule is not None
    previous = chain.wage
    exact = previous * chain.factor
    low = round_value(exact, RoundingRule(RoundingMode.down, step))
    high = round_value(exact, RoundingRule(RoundingMode.up, step))
    if stated in (low, high):
        return None
    expected = round_value(exact, chain.rule)
    on_cost = Fraction(line.value("on_cost", sl.year.key))
    fte = Fraction(line.value("fte", sl.year.key) or 1)
    impact = (Fraction(expected) - Fraction(stated)) * on_cost * fte * sl.months
    return Problem("raise.salary", Severity.warning, ("lines", index, "by_year", sl.year.key, "monthly_salary"), {
        "line": line.name, "year": sl.year.labels(), "stated": stated, "rate": line.annual_raise.rate,
        "previous": previous, "factor": chain.factor, "exact": exact, "expected": expected, "impact": abs(impact),
        "more_or_less": ("högre", "more") if impact > 0 else ("lägre", "less")})


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
