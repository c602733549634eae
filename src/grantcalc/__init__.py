"""grantcalc — compute, check and write the budget of a grant application.

The pipeline: :func:`load` a budget file (stage 1) → :meth:`Budget.compute`
(stage 2) → :meth:`Budget.check` (stage 3: reconciliation and audit) → report
and render. Money is ``Decimal``
throughout; see :mod:`grantcalc.money` for how input becomes exact.

>>> import grantcalc
>>> budget = grantcalc.load("examples/oka-innanforskapet.yaml")
>>> computation = budget.compute()
>>> computation.total
Decimal('5826420')
"""

from grantcalc.budget import (
    Base,
    Budget,
    ExplicitLine,
    InKindLine,
    OneOffLine,
    PercentageLine,
    PerUnitLine,
    PlacesLine,
    Raise,
    RecurringLine,
    Rounding,
    SalaryLine,
)
from grantcalc.budget.financing import Cap, Funder
from grantcalc.budget.plan import Activity
from grantcalc.check.result import CheckResult
from grantcalc.compute import Cell, Computation, compute
from grantcalc.errors import BudgetError, GrantcalcError, Problem, Severity, SourceError
from grantcalc.facade import install as _install_facade
from grantcalc.loader import load, loads, read

_install_facade()  # budget.compute(), computation.to_excel(), … (see grantcalc/facade.py)

__version__ = "0.1.0"

# analysis helpers, imported when first used: `grantcalc check` never needs them
_LAZY = {"compare": "grantcalc.scenario", "steps": "grantcalc.scenario", "Seek": "grantcalc.scenario",
         "styled": "grantcalc.report.frames"}


def __getattr__(name: str):
    if name in _LAZY:
        from importlib import import_module

        value = getattr(import_module(_LAZY[name]), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'grantcalc' has no attribute {name!r}")

__all__ = [
    "load", "loads", "read", "compute", "compare", "steps", "styled", "Seek",
    "Budget", "Computation", "Cell", "CheckResult", "Funder", "Cap", "Activity",
    "SalaryLine", "PlacesLine", "RecurringLine", "PerUnitLine", "OneOffLine", "ExplicitLine",
    "PercentageLine", "InKindLine", "Rounding", "Raise", "Base",
    "GrantcalcError", "BudgetError", "SourceError", "Problem", "Severity",
]
