"""Months beyond the project period: a year, or a line, budgeted with more months
than the dates hold. (Dates outside the period are found when the budget is
validated: ``budget.date_outside``.)"""

from __future__ import annotations

from fractions import Fraction

from grantcalc.budget.lines import active_window
from grantcalc.compute.computation import Computation
from grantcalc.errors import Problem, Severity
from grantcalc.periods import months_between

__all__ = ["check"]


def check(c: Computation) -> list[Problem]:
    budget = c.budget
    period = budget.period
    out: list[Problem] = []
    counted = {y.key: months_between(y.start, y.end, period.proration) for y in c.years}
    period_months = sum(counted.values(), start=Fraction(0))
    budget_months = sum((c.budget_months(y.key) for y in c.years), start=Fraction(0))
    for y in c.years:
        stated = period.months.get(y.key)
        if stated is not None and Fraction(stated) > counted[y.key]:
            out.append(Problem("period.months", Severity.warning, ("period", "months", y.key), {
                "year": y.labels(), "budgeted": stated, "counted": counted[y.key], "start": y.start.isoformat(),
                "end": y.end.isoformat(), "budget_months": budget_months, "period_months": period_months}))
    for i, line in enumerate(budget.lines):
        for key, values in line.by_year.items():
            if values.months is None:
                continue
            y = budget.year(key)
            runs = months_between(*active_window(line, y), period.proration)
            if Fraction(values.months) > runs:
                out.append(Problem("period.line_months", Severity.warning, ("lines", i, "by_year", key, "months"), {
                    "line": line.name, "year": y.labels(), "budgeted": values.months, "counted": runs}))
    return out
