"""Scenarios: the budget's totals for many values of its parameters.

``budget.sweep({"EVI-coacher.fte": steps("1", "2", "0.05")})`` gives one row
per scenario: the parameters' values, the total per budget year, the total and
the amount applied for — all exact ``Decimal``. A sweep over several
parameters takes every combination (``grid=True``) or goes through the lists
side by side (``grid=False``).

The work per scenario is what changes: the lines a parameter sets are built
and computed again, the other cells are taken from the budget's own
computation (see :class:`Evaluator`).
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from grantcalc.errors import Problem
from grantcalc.scenario.parameters import Parameter, ParameterError, Setter, Spec

if TYPE_CHECKING:
    import pandas as pd

    from grantcalc.budget.model import Budget
    from grantcalc.compute.computation import Computation

__all__ = ["Evaluator", "sweep", "metric_names"]


class Evaluator:
    """Computations of ``budget`` with new values of ``parameters``."""

    def __init__(self, budget: Budget, parameters: Iterable[Spec | Parameter]):
        self.budget = budget
        self.setter = Setter(budget, parameters)
        self.parameters = self.setter.parameters
        self.base = budget.compute()
        self._changed = self.setter.changed_lines()
        self.evaluations = 0

    def budget_with(self, values: tuple) -> Budget:
        return self.setter.budget_with(values)

    def computation(self, values: tuple) -> Computation:
        """The computation with ``values``, one per parameter."""
        from grantcalc.compute.engine import recompute

        budget = self.setter.budget_with(values)
        self.evaluations += 1
        if self.setter.fast:
            return recompute(budget, self.base, self._changed)
        return budget.compute()


def metric_names(lang: str) -> tuple[str, str]:
    """The column names of the total and of the amount applied for."""
    from grantcalc import catalogue

    return catalogue.text("sweep.total", lang), catalogue.text("sweep.applied", lang)


def sweep(budget: Budget, parameters: Mapping[Spec, Iterable[Any]], *, grid: bool = True,
          lang: str | None = None, applied: bool = True) -> pd.DataFrame:
    """One row per scenario: the parameters' values, the total per budget year, the total
    and (``applied``) the amount applied for (*sökt belopp*).

    ``parameters`` maps a parameter (see :mod:`grantcalc.scenario.parameters`)
    to its values, written as in a budget file. Values in the frame are the
    ones the budget holds after validation (``"150 %"`` → ``Decimal("1.5")``).
    ``frame.attrs`` keeps the parameters, the base budget's row and the
    language, for :func:`grantcalc.report.charts.sweep_figure`.
    """
    import pandas as pd

    lang = lang or budget.language
    if not parameters:
        raise ParameterError(Problem("scenario.no_parameters"))
    evaluator = Evaluator(budget, parameters)
    lists = [list(values) for values in parameters.values()]
    for param, values in zip(evaluator.parameters, lists):
        if not values:
            raise ParameterError(Problem("scenario.no_values", params={"name": param.name}))
    if grid:
        combos: Iterable[tuple] = itertools.product(*lists)
    else:
        if len({len(values) for values in lists}) > 1:
            raise ParameterError(Problem("scenario.lengths", params={
                "lengths": ", ".join(f"{p.name}: {len(v)}" for p, v in zip(evaluator.parameters, lists))}))
        combos = zip(*lists)
    years = [y.key for y in budget.years]
    labels = [y.label(lang) for y in budget.years]
    total_word, applied_word = metric_names(lang)
    names = [p.name for p in evaluator.parameters]
    rows = []
    for combo in combos:
        computation = evaluator.computation(combo)
        row = [p.current(computation.budget) for p in evaluator.parameters]
        year_totals = [computation.year_total(key) for key in years]
        row += year_totals
        row.append(sum(year_totals))
        if applied:
            row.append(computation.financing.applied_amount)
        rows.append(row)
    columns = [*names, *labels, total_word] + ([applied_word] if applied else [])
    frame = pd.DataFrame(rows, columns=columns)
    base = evaluator.base
    frame.attrs.update({
        "parameters": names,
        "kinds": {p.name: p.kind for p in evaluator.parameters},
        "base": {**{p.name: p.current(budget) for p in evaluator.parameters},
                 **{label: base.year_total(key) for label, key in zip(labels, years)}, total_word: base.total,
                 **({applied_word: base.financing.applied_amount} if applied else {})},
        "years": labels, "total": total_word, "applied": applied_word if applied else None, "lang": lang,
        "project": budget.project.name,
    })
    return frame
