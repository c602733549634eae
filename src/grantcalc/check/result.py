"""The result of a check: findings, totals, and whether the budget passes."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from grantcalc.errors import Findings, Problem, Severity, format_path

if TYPE_CHECKING:
    from grantcalc.budget.model import Budget
    from grantcalc.compute.computation import Computation

__all__ = ["CheckResult"]

_ORDER = {Severity.error: 0, Severity.warning: 1, Severity.info: 2}


@dataclass
class CheckResult(Findings):
    """The result of a check: the ``budget``, its ``computation`` and the ``findings``, sorted
    errors first, then warnings, then infos, each in file order."""

    budget: Budget
    computation: Computation
    findings: list[Problem] = field(default_factory=list)

    def __post_init__(self) -> None:
        # errors first, then warnings, then infos; within each, in file order
        self.findings = sorted(self.findings, key=lambda p: (_ORDER[p.severity], p.line or 0))

    @property
    def file(self) -> str | None:
        """The name of the budget's file (``"<string>"`` for text); None for a budget not read from one."""
        source = self.budget.source
        return source.name if source is not None else None

    @property
    def balanced(self) -> bool:
        """Costs equal financing in every budget year."""
        return self.computation.financing.balanced

    def ok(self, strict: bool = False) -> bool:
        """Balanced with no error finding; ``strict``: no warning either."""
        return self.balanced and not self.errors and not (strict and self.warnings)

    @property
    def stated_compared(self) -> int:
        """How many figures the document states (and the check compared): line cells and
        totals, lines' stated rates, Summa rows, sub-total rows, funders' rows, the applied amount
        (one figure, or its row's) and the plan's Summa."""
        budget = self.budget
        count = sum(len(line.stated) + (line.stated_rate is not None) for line in budget.lines)
        count += sum(len(f.stated) for f in budget.financing)
        count += len(budget.stated.costs) + len(budget.stated.financing)
        count += sum(len(s.stated) for s in budget.stated.subtotals)
        count += len(budget.stated.applied_row) + (budget.stated.plan is not None)
        return count

    def to_dict(self, lang: str = "sv", strict: bool = False) -> dict[str, Any]:
        """The JSON form (see the README): amounts as exact decimal strings."""
        c = self.computation
        fin = c.financing
        labels = [y.label(lang) for y in c.years]
        return {
            "file": self.file,
            "ok": self.ok(strict),
            "years": labels,
            "costs": {**{lab: _amount(c.year_total(y.key)) for lab, y in zip(labels, c.years)},
                      "total": _amount(c.total)},
            "financing": {**{lab: _amount(fin.year_total(y.key)) for lab, y in zip(labels, c.years)},
                          "total": _amount(fin.total)},
            "findings": [finding_dict(p, lang) for p in self.findings],
        }

    # --- display: installed by grantcalc.facade --------------------------------------
    # report and the repr (report.check), _repr_html_ (report.html): declared here for
    # type checkers only; the result imports no stage above it.
    if TYPE_CHECKING:
        def report(self, lang: str | None = None, width: int | None = None) -> str: ...
        def _repr_html_(self) -> str: ...


def finding_dict(problem: Problem, lang: str = "sv") -> dict[str, Any]:
    return {"code": problem.code, "severity": str(problem.severity), "message": problem.message(lang),
            "file": problem.file, "line": problem.line, "path": format_path(problem.path)}


def _amount(value: Decimal) -> str:
    return format(value, "f")  # exact, never in exponent form
