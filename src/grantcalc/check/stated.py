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
from grantcalc.messages import phrase

__all__ = ["check", "formula_problem", "CODES"]

ERROR = Severity.error
CODES = (  # the findings of this module (the row codes are built as <row>_year / <row>_total)
    "stated.line_year", "stated.line_total", "stated.costs_year", "stated.costs_total",
    "stated.funder_year", "stated.funder_total", "stated.financing_year", "stated.financing_total",
    "stated.plan_total", "stated.formula",
)


def formula_problem(figure: StatedFigure, step: Decimal, path: tuple, subject: str, year: object) -> Problem | None:
    """A warning when ``figure``'s formula does not give its own result (to within ``step``); ``year``
    is the budget year's label in every language (``BudgetYear.labels()``), or the word for a total."""
    if not figure.factors:
        return None
    product = figure.product
    if abs(product - figure.amount) < step:
        return None
    return Problem("stated.formula", Severity.warning, path, {
        "line": subject, "year": year, "text": figure.text, "product": product, "result": figure.amount,
        "difference": figure.amount - product})


def _row(out: list, stated: dict, path: tuple, code: str, labels: dict, year_amount, total: Decimal,
         **params) -> None:
    """Compare a stated row (budget year or ``total`` → figure) with the computed one:
    ``<code>_year`` / ``<code>_total`` findings, both figures and the difference."""
    for key, figure in stated.items():
        computed = total if key == TOTAL else year_amount(key)
        if figure.amount == computed:
            continue
        where = {} if key == TOTAL else {"year": labels[key]}
        out.append(Problem(f"{code}_{'total' if key == TOTAL else 'year'}", ERROR, path + (key,), {
            **params, **where, "stated": figure.amount, "computed": computed, "difference": figure.amount - computed}))


def check(c: Computation) -> list[Problem]:
    budget, fin = c.budget, c.financing
    out: list[Problem] = []
    labels: dict[int | str, object] = {y.key: y.labels() for y in c.years}
    total_word = phrase("word.total_lower")  # the "year" of a total: totalt / total
    default_step = budget.rounding.step

    for i, line in enumerate(budget.lines):
        _row(out, line.stated, ("lines", i, "stated"), "stated.line", labels,
             lambda key, name=line.name: c.amount(name, key), c.line_total(line.name), line=line.name)
        step = line.rounding.step if line.rounding else default_step
        for key, figure in line.stated.items():
            found = formula_problem(figure, step, ("lines", i, "stated", key), line.name, labels.get(key, total_word))
            if found:
                out.append(found)
    _row(out, budget.stated.costs, ("stated", "costs"), "stated.costs", labels, c.year_total, c.total)
    _row(out, budget.stated.financing, ("stated", "financing"), "stated.financing", labels, fin.year_total, fin.total)
    for row in fin.rows:
        if row.index is not None:
            _row(out, budget.financing[row.index].stated, ("financing", row.index, "stated"), "stated.funder", labels,
                 row.amount, row.total, funder=row.name)

    costs = [a.cost for a in budget.plan]
    plan = budget.stated.plan
    if plan is not None and costs and all(x is not None for x in costs):
        # every activity has a cost (see above): the filter only narrows the type
        computed = sum((x.amount for x in costs if x is not None), start=Decimal(0))
        if plan.amount != computed:
            out.append(Problem("stated.plan_total", ERROR, ("stated", "plan"), {
                "stated": plan.amount, "computed": computed, "difference": plan.amount - computed}))
    for j, activity in enumerate(budget.plan):
        if activity.cost is not None:
            found = formula_problem(activity.cost, default_step, ("plan", j, "cost"), activity.name, total_word)
            if found:
                out.append(found)
    return out
