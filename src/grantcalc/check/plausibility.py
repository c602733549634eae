"""Implausible results: a line or a year whose total is negative.

(Implausible inputs — an on-cost factor above 3, a salary that reads like
42,35 kr, more FTE than the line's people can carry — are found when the
budget is validated and come with ``budget.warnings``.)"""

from __future__ import annotations

from grantcalc.compute.computation import Computation
from grantcalc.errors import Problem, Severity

__all__ = ["check"]


def check(c: Computation) -> list[Problem]:
    """Warnings for each line of ``c`` whose total is negative (``plausibility.negative_line``) and
    each budget year whose costs total below zero (``plausibility.negative_year``)."""
    out: list[Problem] = []
    for i, line in enumerate(c.budget.lines):
        total = c.line_total(line.name)
        if total < 0:
            out.append(Problem("plausibility.negative_line", Severity.warning, ("lines", i),
                               {"line": line.name, "amount": total}))
    for y in c.years:
        total = c.year_total(y.key)
        if total < 0:
            out.append(Problem("plausibility.negative_year", Severity.warning, ("lines",),
                               {"year": y.labels(), "amount": total}))
    return out
