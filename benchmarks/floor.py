"""The floor for computing a budget: the same figures by hand-written Decimal arithmetic.

What a programmer would write to get a budget's cells and nothing else: one
Decimal product per line and year, rounded with ``quantize``; no formulas, no
exact fractions, no cells, no validation. The months each line counts per year
and the lines a percentage is taken of are calendar and lookup work that is
the same either way; :func:`prepare` does it beforehand, outside the timing,
so the floor is the arithmetic alone.

It covers what the three reference budgets use (salaries with stated yearly
salaries and raises on 1 January, places with an annual rounding, recurring,
per-unit, one-off, explicit, in-kind and percentage lines). ``compute.py``
asserts that it gives grantcalc's figures for each reference to the krona —
a floor that computed something else would prove nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_DOWN, ROUND_HALF_EVEN, ROUND_HALF_UP, ROUND_UP, Decimal

from grantcalc.budget.validate import base_lines, percentage_order
from grantcalc.compute.engine import line_slices

TWELVE = Decimal(12)
ONE = Decimal(1)
# grantcalc's modes; like them, Decimal's DOWN and UP are symmetric around zero
_MODES = {"half_up": ROUND_HALF_UP, "half_even": ROUND_HALF_EVEN, "down": ROUND_DOWN, "up": ROUND_UP}


@dataclass
class Prepared:
    """A budget's lines with their months per year and percentage bases, found beforehand."""

    budget: object
    keys: list[int]
    months: dict[str, list[Decimal]]
    bases: dict[str, list[str]]
    order: list[str]
    rule: tuple[str, Decimal]


def prepare(budget) -> Prepared:
    keys = [y.key for y in budget.years]
    months = {ln.name: [Decimal(sl.months.numerator) / Decimal(sl.months.denominator)
                        for sl in line_slices(budget, ln)] for ln in budget.lines}
    order = percentage_order(budget)
    bases = {name: base_lines(budget, budget.line(name)) for name in order}
    return Prepared(budget, keys, months, bases, order, (budget.rounding.mode, budget.rounding.step))


def _round(value: Decimal, rule: tuple[str, Decimal]) -> Decimal:
    mode, step = rule
    return (value / step).quantize(ONE, rounding=_MODES[str(mode)]) * step


def _rule(line, default):
    return (line.rounding.mode, line.rounding.step) if line.rounding else default


def compute_floor(p: Prepared) -> dict[tuple[str, int], Decimal]:
    """Every cell of the budget, rounded by its line's rule."""
    cells: dict[tuple[str, int], Decimal] = {}
    keys = p.keys
    for line in p.budget.lines:
        kind = line.kind
        if kind == "percentage":
            continue
        rule = _rule(line, p.rule)
        months = p.months[line.name]
        if kind == "salary":
            wage = line.monthly_salary
            raise_ = line.annual_raise
            for i, key in enumerate(keys):
                by_year = line.by_year.get(key)
                if by_year is not None and by_year.monthly_salary is not None:
                    wage = by_year.monthly_salary
                elif i and raise_ is not None:  # a raise on 1 January
                    wage = wage * (1 + raise_.rate)
                    if raise_.rounding:
                        wage = _round(wage, (raise_.rounding.mode, raise_.rounding.step))
                fte = line.value("fte", key)
                amount = wage * line.value("on_cost", key) * (ONE if fte is None else fte) * months[i]
                cells[(line.name, key)] = _round(amount, rule)
        elif kind == "places":
            annual_rule = (line.annual_rounding.mode, line.annual_rounding.step) if line.annual_rounding else None
            for i, key in enumerate(keys):
                annual = line.value("price", key) * line.value("places", key) / line.per_places
                if annual_rule:
                    annual = _round(annual, annual_rule)
                cells[(line.name, key)] = _round(annual * months[i] / TWELVE, rule) if months[i] else Decimal(0)
        elif kind in ("recurring", "in_kind") and getattr(line, "amount", None) is not None:
            for i, key in enumerate(keys):
                amount = line.value("amount", key)
                per_month = line.value("per", key) == "month"
                cells[(line.name, key)] = _round(amount * months[i] if per_month else amount * months[i] / TWELVE,
                                                 rule)
        elif kind == "per_unit":
            for i, key in enumerate(keys):
                unit = line.value("unit_cost", key) * line.value("count", key) * line.value("frequency", key)
                per_month = line.value("per", key) == "month"
                cells[(line.name, key)] = _round(unit * months[i] if per_month else unit * months[i] / TWELVE, rule)
        elif kind == "one_off":
            year = line.year if line.year is not None else next(y.key for y in p.budget.years
                                                                 if y.contains(line.date))
            for key in keys:
                cells[(line.name, key)] = _round(line.amount, rule) if key == year else Decimal(0)
        else:  # explicit, or in kind with amounts per year (or none)
            amounts = getattr(line, "amounts", None) or {}
            for key in keys:
                cells[(line.name, key)] = _round(amounts.get(key, Decimal(0)), rule)
    for name in p.order:
        line = p.budget.line(name)
        rule = _rule(line, p.rule)
        for i, key in enumerate(keys):
            base = sum((cells[(b, key)] for b in p.bases[name]), Decimal(0))
            cells[(name, key)] = _round(line.rate * base, rule) if p.months[name][i] else Decimal(0)
    return cells
