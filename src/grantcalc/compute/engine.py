"""Stage 2 of the pipeline: compute every line in every budget year.

For each line the engine finds the months it is active in each budget year,
lets the line's kind compute an exact amount with its formula, and rounds it
once by the line's (or the budget's) rounding rule. Percentage lines come last,
in dependency order, on the rounded amounts of their base lines, so the base a
formula shows is the sum a reader can add up in the table.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

from grantcalc.budget.bases import PercentageBase, PercentageBases, percentage_bases, percentage_order
from grantcalc.budget.lines import (
    ExplicitLine,
    InKindLine,
    Line,
    OneOffLine,
    PercentageLine,
    PerUnitLine,
    PlacesLine,
    RecurringLine,
    SalaryLine,
    active_window,
)
from grantcalc.budget.model import Budget
from grantcalc.compute import lines as calc
from grantcalc.compute.computation import Cell, Computation
from grantcalc.compute.formula import Formula, Step, Term
from grantcalc.gcpause import gc_paused
from grantcalc.periods import months_between
from grantcalc.rounding import RoundingRule, round_value, to_fraction

__all__ = ["compute", "recompute", "line_slices"]


def line_slices(budget: Budget, line: Line) -> list[calc.Slice]:
    """Per budget year: the dates a line is active and the months it counts.

    Months come, in order of precedence, from the line's ``by_year.months``,
    from the period's stated ``months`` (for a line active the whole budget
    year), or from the dates by the period's proration rule. The dates are the line's
    :func:`~grantcalc.budget.lines.active_window` in the year.
    """
    period = budget.period
    out = []
    for year in budget.years:
        start, end = active_window(line, year)
        active = start <= end
        override = line.by_year.get(year.key)
        if override is not None and override.months is not None:
            months, stated = to_fraction(override.months), True
        elif not active:
            months, stated = Fraction(0), False
        elif year.key in period.months and (start, end) == (year.start, year.end):
            months, stated = to_fraction(period.months[year.key]), True
        else:
            months, stated = months_between(start, end, period.proration), False
        out.append(calc.Slice(year, start if active else None, end if active else None, months, stated))
    return out


def _results(budget: Budget, line: Line, slices: list[calc.Slice]) -> dict[int, calc.Result]:
    if isinstance(line, SalaryLine):
        return calc.salary(line, slices, budget.period.start, budget.period.proration)
    if isinstance(line, PlacesLine):
        return calc.places(line, slices)
    if isinstance(line, RecurringLine):
        return calc.recurring(line, slices)
    if isinstance(line, PerUnitLine):
        return calc.per_unit(line, slices)
    if isinstance(line, OneOffLine):
        return calc.one_off(line, slices)
    if isinstance(line, ExplicitLine):
        return calc.explicit(line, slices)
    if isinstance(line, InKindLine):
        return calc.in_kind(line, slices)
    raise TypeError(f"no calculator for {type(line).__name__}")  # pragma: no cover


def compute(budget: Budget) -> Computation:
    """Compute ``budget``: one rounded :class:`Cell` per line and budget year."""
    return Computation(budget, _cells(budget))


def recompute(budget: Budget, previous: Computation, changed: set[str]) -> Computation:
    """Compute ``budget`` again after the lines named ``changed`` were replaced.

    ``previous`` is the computation of a budget with the same lines in the same
    order, period, categories and rounding; only the changed lines and the
    percentage lines whose base they reach are computed again (scenarios).
    """
    return Computation(budget, _cells(budget, dict(previous.cell_map), changed))


@gc_paused
def _cells(budget: Budget, cells: dict[tuple[str, int], Cell] | None = None,
           changed: set[str] | None = None) -> dict[tuple[str, int], Cell]:
    default_rule = budget.rounding.rule()
    if cells is None:
        cells = {}

    def add(line: Line, rule: RoundingRule, key: int, months: Fraction, result: calc.Result) -> None:
        amount = round_value(result.exact, rule)
        formula = None
        steps = result.steps
        if steps:
            last = steps[-1]
            if last.rounded is None:  # the cell's rounding completes the last step
                steps = steps[:-1] + (Step(last.products, last.exact, amount, rule, last.per_year),)
            else:  # the calculator rounded already (an annual amount): add the cell's rounding if it acts
                if to_fraction(amount) != result.exact:
                    steps += (Step(((Term(result.exact, "kr"),),), result.exact, amount, rule),)
            formula = Formula(steps)
        cells[(line.name, key)] = Cell(line.name, key, amount, result.exact, formula, months)

    whole_period: list[calc.Slice] | None = None  # the slices of every line without dates or stated months
    for line in budget.lines:
        if isinstance(line, PercentageLine) or (changed is not None and line.name not in changed):
            continue
        if line.start is None and line.end is None and all(v.months is None for v in line.by_year.values()):
            if whole_period is None:
                whole_period = line_slices(budget, line)
            slices = whole_period
        else:
            slices = line_slices(budget, line)
        results = _results(budget, line, slices)
        rule = line.rounding.rule() if line.rounding else default_rule
        for sl in slices:
            add(line, rule, sl.year.key, sl.months, results[sl.year.key])

    dirty = set(changed) if changed is not None else None
    bases = percentage_bases(budget)
    order = percentage_order(budget)
    default = _DefaultBase(bases.default, bases.category, cells)  # its sums are made on first use
    shared: dict[tuple[int, int], Decimal | int] = {}  # (id of a base percentage lines share, year) → its sum
    for name in order:
        line = budget.line(name)
        assert isinstance(line, PercentageLine)
        base = bases.of[name]
        if dirty is not None:
            if name not in dirty and not _touches(base, dirty, bases):
                continue
            dirty.add(name)  # percentage lines on this one follow
        rate = to_fraction(line.rate)
        rule = line.rounding.rule() if line.rounding else default_rule
        for sl in line_slices(budget, line):
            key = sl.year.key
            if sl.months == 0:
                add(line, rule, key, sl.months, calc.ZERO)
                continue
            if base.lines is None:
                base_sum = default.sum(base, key)
            elif (id(base), key) in shared:  # the same base is the same sum: its lines are all computed by now
                base_sum = shared[(id(base), key)]
            else:
                base_sum = shared[(id(base), key)] = sum((cells[(b, key)].amount for b in base.lines), start=0)
            exact = rate * Fraction(base_sum)
            terms = (Term(line.rate, "percent"), Term(base_sum, "kr"))
            add(line, rule, key, sl.months, calc.Result(exact, (Step((terms,), exact),)))
    return cells


def _touches(base: PercentageBase, dirty: set[str], bases: PercentageBases) -> bool:
    """Whether a line named in ``dirty`` is in ``base``."""
    if base.lines is not None:
        return not dirty.isdisjoint(base.lines)
    return any(bases.contains(base, n) for n in dirty)


class _DefaultBase:
    """Sums of the default base (every cash line that is not a percentage line) per budget year and
    category, so each percentage line on it costs only what it leaves out."""

    def __init__(self, names: tuple[str, ...], category: dict[str, str], cells: dict[tuple[str, int], Cell]):
        self.names, self.category, self.cells = names, category, cells
        self._sums: dict[int, tuple[Decimal | int, dict[str, Decimal | int]]] = {}

    def sum(self, base: PercentageBase, key: int) -> Decimal | int:
        sums = self._sums.get(key)
        if sums is None:
            total: Decimal | int = 0
            by_category: dict[str, Decimal | int] = {}
            for n in self.names:
                amount = self.cells[(n, key)].amount
                total += amount  # in the budget's order, from 0: the very sum of the base's lines
                c = self.category[n]
                by_category[c] = by_category.get(c, 0) + amount
            sums = self._sums[key] = (total, by_category)
        total, by_category = sums
        if not base.left_out_categories and not base.left_out:
            return total
        out = total - sum((by_category.get(c, 0) for c in base.left_out_categories), start=0)
        return out - sum((self.cells[(n, key)].amount for n in base.left_out), start=0)
