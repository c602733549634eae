"""The result of a computation: cells, totals and tables.

Every total is a sum of rounded cells, so every table adds up. Amounts are
``Decimal``; in DataFrames they stay ``Decimal`` (object columns): ``sum()``
and ``groupby().sum()`` remain exact, but pandas' ``mean()`` returns float.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from functools import cached_property
from typing import TYPE_CHECKING, Any

from grantcalc.budget.lines import InKindLine
from grantcalc.compute.formula import Formula
from grantcalc.periods import BudgetYear

if TYPE_CHECKING:
    from pathlib import Path

    import pandas as pd
    from matplotlib.figure import Figure

    from grantcalc.budget.model import Budget
    from grantcalc.compute.financing import Financing
    from grantcalc.followup import FollowUp

__all__ = ["Cell", "Computation", "months_value"]

ZERO = Decimal(0)


@dataclass(frozen=True, slots=True)
class Cell:
    """One line in one budget year."""

    line: str
    year: int  # the budget year's key
    amount: Decimal  # rounded once, by the line's rule
    exact: Fraction  # before rounding
    formula: Formula | None  # None: nothing budgeted this year
    months: Fraction  # months the line counts this year

    def formula_text(self, lang: str = "sv") -> str:
        return self.formula.text(lang) if self.formula else ""


class Computation:
    """Cells per line and budget year, with totals per year, per category and in all."""

    def __init__(self, budget: Budget, cells: dict[tuple[str, int], Cell]):
        self.budget = budget
        self._cells = cells
        self.years: tuple[BudgetYear, ...] = budget.years

    # --- cells and totals ------------------------------------------------------
    @property
    def cell_map(self) -> Mapping[tuple[str, int], Cell]:
        """Every cell by (line name, budget-year key) (read, do not change)."""
        return self._cells

    def cell(self, line: str, year: int) -> Cell:
        return self._cells[(line, year)]

    def cells(self) -> Iterator[Cell]:
        """All cells, line by line in the budget's order, years in order."""
        for line in self.budget.lines:
            for year in self.years:
                yield self._cells[(line.name, year.key)]

    def amount(self, line: str, year: int) -> Decimal:
        return self._cells[(line, year)].amount

    def line_total(self, line: str) -> Decimal:
        return sum((self._cells[(line, y.key)].amount for y in self.years), start=ZERO)

    def year_total(self, year: int, *, in_kind: bool | None = None) -> Decimal:
        """Sum of a year's cells; ``in_kind=False`` leaves in-kind lines out, ``True`` keeps only them."""
        cash, kind = self._year_sums[year]
        return cash + kind if in_kind is None else kind if in_kind else cash

    @cached_property
    def _year_sums(self) -> dict[int, tuple[Decimal, Decimal]]:
        """Per budget year: the sum of its cash lines and of its in-kind lines, in one pass
        (the checks and the financing ask for year totals many times)."""
        sums: dict[int, tuple[Decimal, Decimal]] = {}
        cells = self._cells
        for year in self.years:
            key = year.key
            cash = kind = ZERO
            for line in self.budget.lines:
                if isinstance(line, InKindLine):
                    kind += cells[(line.name, key)].amount
                else:
                    cash += cells[(line.name, key)].amount
            sums[key] = (cash, kind)
        return sums

    def budget_months(self, year: int) -> Fraction:
        """Months of budget year ``year``: as stated in the period, else counted from its dates."""
        from grantcalc.periods import months_between

        period = self.budget.period
        if year in period.months:
            return Fraction(period.months[year])
        y = self.budget.year(year)
        return months_between(y.start, y.end, period.proration)

    @property
    def year_totals(self) -> dict[int, Decimal]:
        return {y.key: self.year_total(y.key) for y in self.years}

    @property
    def total(self) -> Decimal:
        return sum(self.year_totals.values(), start=ZERO)

    @property
    def cash_total(self) -> Decimal:
        """The total less lines carried in kind: what has to be paid in money."""
        return self.total - self.in_kind_total

    @property
    def in_kind_total(self) -> Decimal:
        return sum((self.year_total(y.key, in_kind=True) for y in self.years), start=ZERO)

    def category_totals(self) -> dict[str, dict[int, Decimal]]:
        """Category key → budget-year key → amount, categories in order of first use."""
        out: dict[str, dict[int, Decimal]] = {}
        for line in self.budget.lines:
            key = self.budget.category(line.category).key
            row = out.setdefault(key, {y.key: ZERO for y in self.years})
            for y in self.years:
                row[y.key] += self._cells[(line.name, y.key)].amount
        return out

    @cached_property
    def financing(self) -> Financing:
        """The financing budget: who pays what per budget year, and the amount applied for."""
        from grantcalc.compute.financing import finance

        return finance(self)

    @property
    def applied_amount(self):
        """*Sökt belopp*: the cash amount of the funder applied to (None if there is none)."""
        return self.financing.applied_amount

    # --- frames, files and display: installed by grantcalc.facade ----------------
    # to_frame (report.frames), to_docx (render), to_excel / to_csv (report.excel), plot
    # (report.charts), table and the repr (report.text), _repr_html_ (report.html): the
    # computation imports no stage above it; declared here for type checkers only.
    if TYPE_CHECKING:
        def to_frame(self, form: str = "long", *, lang: str | None = None, totals: bool = True) -> pd.DataFrame: ...
        def to_docx(self, path: str | Path, *, template: str | Path | None = None,
                    lang: str | None = None, force: bool = False, charts: bool = True) -> Path: ...
        def to_excel(self, path: str | Path, *, lang: str | None = None, force: bool = False) -> Path: ...
        def to_csv(self, path: str | Path, *, lang: str | None = None, force: bool = False,
                   dialect: str = "swedish") -> Path: ...
        def plot(self, kind: str = "costs", *, lang: str | None = None) -> Figure: ...
        def table(self, lang: str | None = None, by: str = "line", formulas: bool = False,
                  width: int | None = None) -> str: ...
        def _repr_html_(self) -> str: ...
        def followup(self, actuals: Any = None, *, as_of: Any = None) -> FollowUp: ...
        def participants_frame(self, lang: str | None = None) -> pd.DataFrame: ...


def months_value(value: Fraction) -> Decimal:
    """Months for a frame column: exact when finite, else to 4 decimals (display only)."""
    d = Decimal(value.numerator) / Decimal(value.denominator)
    return d if Fraction(d) == value else d.quantize(Decimal("0.0001"))
