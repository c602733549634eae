"""Stage 3 of the pipeline: audit a computed budget.

:func:`check` runs every check on a :class:`~grantcalc.compute.Computation`
and returns a :class:`CheckResult`: the findings (problems with a stable code,
a severity and the place in the file they point to), the cost and financing
totals, and whether the budget passes. Each module holds one family of checks,
each a function ``(computation) -> list[Problem]``:

* :mod:`.balance` — costs against financing, the applied amount, caps and shares;
* :mod:`.stated`  — what the document states against what its figures give;
* :mod:`.period`  — months beyond the project period;
* :mod:`.rates`   — salaries off the declared raise, rates converted with a loss;
* :mod:`.plan`    — the time and activity plan against the cost lines;
* :mod:`.plausibility` — negative totals (and the validation warnings);
* :mod:`.participants` — planned people against places (and the places lines);
* :mod:`.presets` — on-cost factors against the rates of :mod:`grantcalc.rates` (a rate past its
  last verified year, a literal factor far from its year's PO-pålägg);
* :mod:`.profile` — the funder's rules (:mod:`grantcalc.profiles`: ESF+, Arvsfonden, Finsam, AMIF);
* :mod:`.implied` — on request: what explicit amounts imply (info).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from grantcalc.check.result import CheckResult
from grantcalc.gcpause import gc_paused

if TYPE_CHECKING:
    from grantcalc.budget.model import Budget
    from grantcalc.compute.computation import Computation

__all__ = ["check", "CheckResult", "CHECKS"]


CHECKS = ("balance", "stated", "period", "rates", "plan", "plausibility", "participants",
          "presets", "profile")  # in order; then implied


def _checks():
    from importlib import import_module

    return [import_module(f"grantcalc.check.{name}").check for name in CHECKS]


@gc_paused
def check(budget: Budget, computation: Computation | None = None, *, implied: bool = False) -> CheckResult:
    """Compute ``budget`` (unless ``computation`` is given) and audit it."""
    from grantcalc.check import implied as implied_checks

    computation = computation or budget.compute()
    findings = list(budget.warnings)  # validation warnings are located already
    found = []
    for run in _checks():
        found += run(computation)
    if implied:
        found += implied_checks.check(computation)
    source = budget.source
    if source is not None:
        found = [source.locate(p) for p in found]
    findings += found
    return CheckResult(budget, computation, findings)
