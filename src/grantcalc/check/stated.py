"""What a document states against what its own figures give.

Every stated amount is compared exactly with the computed one (an error when
they differ). A figure stated with its formula ("2.666 kr × 12 = 32.000 kr")
is also checked against its own arithmetic: the product must round to the
stated result by the line's rounding step, in either direction (a warning
when it does not: the document's formula is wrong even if its amount is right).
"""

from __future__ import annotations

from decimal import Decimal

from grantcalc.budget.stated import TOTAL, StatedFigure
from grantcalc.compute.computation import Computation
from grantcalc.errors import Problem, Severity

__all__ = ["check", "formula_problem"]

ERROR = Severity.error


def formula_problem(figure: StatedFigure, step: Decimal, path: tuple, subject: str, year: str) -> Problem | None:
    """A warning when ``figure``'s formula does not give its own result (to within ``step``)."""
    if not figure.factors:
        return None
    product = figure.product
    if abs(product - figure.amount) < step:
        return None
    return Problem("stated.formula", Severity.warning, path, {
        "line": subject, "year": year, "text": figure.text, "product": product, "result": figure.amount,
        "difference": figure.amount - product})


def _compare(out: list, code: str, path: tuple, stated: StatedFigure, computed: Decimal, **params) -> None:
    if stated.amount != computed:
        out.append(Problem(code, ERROR, path, {**params, "stated": stated.amount, "computed": computed,
                                                "difference": stated.amount - computed}))


def check(c: Computation) -> list[Problem]:
    budget, fin = c.budget, c.financing
    out: list[Problem] = []
    labels = {y.key: y.labels() for y in c.years}
    total_word = ("totalt", "total")
    default_step = budget.rounding.step

    for i, line in enumerate(budget.lines):
        step = line.rounding.step if line.rounding else default_step
        for key, figure in line.stated.items():
            path = ("lines", i, "stated", key)
            if key == TOTAL:
                _compare(out, "stated.line_total", path, figure, c.line_total(line.name), line=line.name)
            else:
                _compare(out, "stated.line_year", path, figure, c.amount(line.name, key), line=line.name,
                         year=labels[key])
            found = formula_problem(figure, step, path, line.name, labels.get(key, total_word))
            if found:
                out.append(found)

    for key, figure in budget.stated.costs.items():
        path = ("stated", "costs", key)
        if key == TOTAL:
            _compare(out, "stated.costs_total", path, figure, c.total)
        else:
            _compare(out, "stated.costs_year", path, figure, c.year_total(key), year=labels[key])
    for key, figure in budget.stated.financing.items():
        path = ("stated", "financing", key)
        if key == TOTAL:
            _compare(out, "stated.financing_total", path, figure, fin.total)
        else:
            _compare(out, "stated.financing_year", path, figure, fin.year_total(key), year=labels[key])

    for row in fin.rows:
        if row.index is None:
            continue
        for key, figure in budget.financing[row.index].stated.items():
            path = ("financing", row.index, "stated", key)
            if key == TOTAL:
                _compare(out, "stated.funder_total", path, figure, row.total, funder=row.name)
            else:
                _compare(out, "stated.funder_year", path, figure, row.amount(key), funder=row.name,
                         year=labels[key])

    costs = [a.cost for a in budget.plan]
    if budget.stated.plan is not None and costs and all(x is not None for x in costs):
        _compare(out, "stated.plan_total", ("stated", "plan"), budget.stated.plan,
                 sum((x.amount for x in costs), start=Decimal(0)))
    for j, activity in enumerate(budget.plan):
        if activity.cost is not None:
            found = formula_problem(activity.cost, default_step, ("plan", j, "cost"), activity.name, total_word)
            if found:
                out.append(found)
    return out
