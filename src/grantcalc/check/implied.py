"""What explicit amounts imply (info, on request: ``grantcalc check --implied``).

An explicit line may record what the document states beside its amounts
(``basis``: monthly salary, FTE, on-cost factor). Given two of the three, each
year's amount implies the third: "943 403 kr is 35 000 kr × 150 % × 12 months
× 1,4975". The change in the cost per month from year to year is given too —
a steady change is a raise the document did not declare.
"""

from __future__ import annotations

from fractions import Fraction

from grantcalc.budget.lines import ExplicitLine
from grantcalc.compute.computation import Computation
from grantcalc.compute.engine import line_slices
from grantcalc.errors import Problem, Severity
from grantcalc.messages import Bilingual

__all__ = ["check"]

INFO = Severity.info


def check(c: Computation) -> list[Problem]:
    """Info findings for the explicit lines of ``c`` with a ``basis``: per year, what its amount implies
    of monthly salary, FTE or on-cost factor when the other two are given (``implied.*``), and the
    change in the cost per month from the year before (``implied.change``)."""
    out: list[Problem] = []
    for i, line in enumerate(c.budget.lines):
        if not isinstance(line, ExplicitLine) or line.basis is None:
            continue
        basis = line.basis
        previous = None
        for sl in line_slices(c.budget, line):
            amount = c.amount(line.name, sl.year.key)
            if not amount or not sl.months:
                continue
            a, months = Fraction(amount), sl.months
            params = {"line": line.name, "year": sl.year.labels(), "amount": amount, "months": months}
            path = ("lines", i, "amounts", sl.year.key)
            salary, fte, on_cost = basis.monthly_salary, basis.fte, basis.on_cost
            if salary is not None and fte is not None:
                out.append(Problem("implied.on_cost", INFO, path, {
                    **params, "salary": salary, "fte": fte,
                    "value": _four(a / (Fraction(salary) * Fraction(fte) * months))}))
            elif on_cost is not None and fte is not None:
                out.append(Problem("implied.monthly_salary", INFO, path, {
                    **params, "on_cost": on_cost, "fte": fte,
                    "value": _money(a / (Fraction(on_cost) * Fraction(fte) * months))}))
            elif salary is not None and on_cost is not None:
                out.append(Problem("implied.fte", INFO, path, {
                    **params, "salary": salary, "on_cost": on_cost,
                    "value": _percent(a / (Fraction(salary) * Fraction(on_cost) * months))}))
            monthly = a / months
            if previous is not None and previous[1]:
                change = monthly / previous[1] - 1
                out.append(Problem("implied.change", INFO, path, {
                    "line": line.name, "year": sl.year.labels(), "previous_year": previous[0],
                    "value": _percent(change, signed=True), "monthly": monthly, "previous_monthly": previous[1]}))
            previous = (sl.year.labels(), monthly)
    return out


def _four(value: Fraction) -> Bilingual:
    from grantcalc import formatting as fmt

    return Bilingual(lambda lang: fmt.factor(value, lang))


def _money(value: Fraction) -> Bilingual:
    from grantcalc import formatting as fmt

    return Bilingual(lambda lang: fmt.money(value, lang))


def _percent(value: Fraction, signed: bool = False) -> Bilingual:
    from grantcalc import formatting as fmt

    sign = "+" if signed and value > 0 else ""
    return Bilingual(lambda lang: sign + fmt.percent(value, lang))
