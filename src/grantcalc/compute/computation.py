"""The result of a computation: cells, totals and tables.

Every total is a sum of rounded cells, so every table adds up. Amounts are
``Decimal``; in DataFrames they stay ``Decimal`` (object columns): ``sum()``
and ``groupby().sum()`` remain exact, but pandas' ``mean()`` returns float.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING

from grantcalc.compute.formula import Formula
from grantcalc.periods import BudgetYear

if TYPE_CHECKING:
    import pandas as pd

    from grantcalc.budget.model import Budget
    from grantcalc.compute.financing import Financing

__all__ = ["Cell", "Computation"]

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
        return sum((self._cells[(ln.name, year)].amount for ln in self.budget.lines
                    if in_kind is None or ln.in_kind == in_kind), start=ZERO)

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

    # --- frames -----------------------------------------------------------------
    def to_frame(self, form: str = "long", *, lang: str | None = None, totals: bool = True) -> pd.DataFrame:
        """The computation as a pandas DataFrame.

        ``long`` (tidy): one row per line and budget year with columns
        ``line``, ``category``, ``year`` (the budget-year key: 2024, or 1 for
        "År 1"), ``year_label``, ``amount`` (exact ``Decimal``), ``months``,
        ``formula``, ``kind`` and ``in_kind``.

        ``wide``: lines × budget years plus a total column, as applications
        print it, with a ``Summa`` row when ``totals``.
        """
        import pandas as pd

        lang = lang or self.budget.language
        budget = self.budget
        if form == "long":
            rows = []
            for line in budget.lines:
                category = budget.category(line.category).name(lang)
                for y in self.years:
                    c = self._cells[(line.name, y.key)]
                    rows.append({
                        "line": line.name, "category": category, "year": y.key, "year_label": y.label(lang),
                        "amount": c.amount, "months": _months(c.months), "formula": c.formula_text(lang),
                        "kind": line.kind, "in_kind": line.in_kind,
                    })
            return pd.DataFrame(rows, columns=["line", "category", "year", "year_label", "amount", "months",
                                               "formula", "kind", "in_kind"])
        if form == "wide":
            total_word = "Totalt" if lang == "sv" else "Total"
            labels = [y.label(lang) for y in self.years]
            rows, index = [], []
            for line in budget.lines:
                row = {"category": budget.category(line.category).name(lang)}
                for y, label in zip(self.years, labels):
                    row[label] = self._cells[(line.name, y.key)].amount
                row[total_word] = self.line_total(line.name)
                rows.append(row)
                index.append(line.name)
            if totals:
                row = {"category": ""}
                for y, label in zip(self.years, labels):
                    row[label] = self.year_total(y.key)
                row[total_word] = self.total
                rows.append(row)
                index.append("Summa" if lang == "sv" else "Total")
            frame = pd.DataFrame(rows, index=pd.Index(index, name="line"),
                                 columns=["category", *labels, total_word])
            return frame
        raise ValueError(f"form must be 'long' or 'wide', not {form!r}")

    def to_docx(self, path, *, template=None, lang: str | None = None, force: bool = False,
                charts: bool = True):
        """Write the application as a Word document: see :func:`grantcalc.render.render`."""
        from grantcalc.render import render

        return render(self, path, template=template, lang=lang, force=force, charts=charts).path

    # --- display ----------------------------------------------------------------
    def table(self, lang: str | None = None, by: str = "line", formulas: bool = False) -> str:
        """The cost table as text: ``by`` line or category; ``formulas`` lists each cell's formula."""
        from grantcalc.report.text import category_table, cost_table, formula_listing

        lang = lang or self.budget.language
        if formulas:
            return formula_listing(self, lang)
        return category_table(self, lang) if by == "category" else cost_table(self, lang)

    def __repr__(self) -> str:
        return self.table()


def _months(value: Fraction) -> Decimal:
    """Months for a frame column: exact when finite, else to 4 decimals (display only)."""
    d = Decimal(value.numerator) / Decimal(value.denominator)
    return d if Fraction(d) == value else d.quantize(Decimal("0.0001"))
