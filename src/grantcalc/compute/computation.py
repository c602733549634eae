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
                if line.in_kind:
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

    # --- frames -----------------------------------------------------------------
    def to_frame(self, form: str = "long", *, lang: str | None = None, totals: bool = True) -> pd.DataFrame:
        """The computation as a pandas DataFrame, in one of four forms.

        ``long`` (tidy): one row per line and budget year with columns
        ``line``, ``category``, ``year`` (the budget-year key: 2024, or 1 for
        "År 1"), ``year_label``, ``amount``, ``months``, ``formula``, ``kind``,
        ``in_kind`` and ``funder``: the financing row that carries the line (a
        funder with ``lines:``, or the party of an in-kind line), ``None`` for
        a line the cash funders finance together.

        ``wide``: lines × budget years plus a total column, as applications
        print it, with a ``Summa`` row when ``totals``.

        ``category``: categories (named in ``lang``) × budget years plus a total
        column, with a ``Summa`` row when ``totals``.

        ``funder``: the financing budget, funders × budget years; the same as
        ``computation.financing.to_frame()``.

        Amounts are exact ``Decimal`` values in object columns: ``sum()`` and
        ``groupby(...).sum()`` stay exact, but pandas' ``mean()`` of Decimals
        returns a float, so divide a Decimal sum by the count instead.
        Raises ``ValueError`` for any other ``form``.
        """
        import pandas as pd

        lang = lang or self.budget.language
        budget = self.budget
        total_word = "Totalt" if lang == "sv" else "Total"
        sum_word = "Summa" if lang == "sv" else "Total"
        labels = [y.label(lang) for y in self.years]
        if form == "long":
            carried_by = {name: row.name for row in self.financing.rows for name in row.lines}
            rows = []
            for line in budget.lines:
                category = budget.category(line.category).name(lang)
                for y in self.years:
                    c = self._cells[(line.name, y.key)]
                    rows.append({
                        "line": line.name, "category": category, "year": y.key, "year_label": y.label(lang),
                        "amount": c.amount, "months": _months(c.months), "formula": c.formula_text(lang),
                        "kind": line.kind, "in_kind": line.in_kind, "funder": carried_by.get(line.name),
                    })
            frame = pd.DataFrame(rows, columns=["line", "category", "year", "year_label", "amount", "months",
                                                "formula", "kind", "in_kind", "funder"])
            # object, not pandas' string dtype: a line no single funder carries is None, never NaN
            frame["funder"] = pd.Series([r["funder"] for r in rows], index=frame.index, dtype=object)
            return frame
        if form == "wide":
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
                index.append(sum_word)
            frame = pd.DataFrame(rows, index=pd.Index(index, name="line"),
                                 columns=["category", *labels, total_word])
            return frame
        if form == "category":
            rows, index = [], []
            for key, per_year in self.category_totals().items():
                row = {label: per_year[y.key] for y, label in zip(self.years, labels)}
                row[total_word] = sum(per_year.values(), start=ZERO)
                rows.append(row)
                index.append(budget.category(key).name(lang))
            if totals:
                row = {label: self.year_total(y.key) for y, label in zip(self.years, labels)}
                row[total_word] = self.total
                rows.append(row)
                index.append(sum_word)
            return pd.DataFrame(rows, index=pd.Index(index, name="category"), columns=[*labels, total_word])
        if form == "funder":
            return self.financing.to_frame(lang=lang, totals=totals)
        raise ValueError(f"form must be 'long', 'wide', 'category' or 'funder', not {form!r}")

    def to_docx(self, path, *, template=None, lang: str | None = None, force: bool = False,
                charts: bool = True):
        """Write the application as a Word document: see :func:`grantcalc.render.render`."""
        from grantcalc.render import render

        return render(self, path, template=template, lang=lang, force=force, charts=charts).path

    def to_excel(self, path, *, lang: str | None = None, force: bool = False):
        """Write an Excel workbook (.xlsx) with live formulas: see :func:`grantcalc.report.excel.write_excel`."""
        from grantcalc.report.excel import write_excel

        return write_excel(self, path, lang=lang, force=force)

    def to_csv(self, path, *, lang: str | None = None, force: bool = False):
        """Write the long form as CSV: see :func:`grantcalc.report.excel.write_csv`."""
        from grantcalc.report.excel import write_csv

        return write_csv(self, path, lang=lang, force=force)

    # --- display ----------------------------------------------------------------
    def plot(self, kind: str = "costs", *, lang: str | None = None):
        """A matplotlib ``Figure``: ``costs`` per budget year by category, or ``financing`` by funder
        (needs the ``chart`` extra; see :mod:`grantcalc.report.charts`)."""
        from grantcalc.report import charts

        if kind == "costs":
            return charts.costs_figure(self, lang)
        if kind == "financing":
            return charts.financing_figure(self, lang)
        raise ValueError(f"kind must be 'costs' or 'financing', not {kind!r}")

    def table(self, lang: str | None = None, by: str = "line", formulas: bool = False) -> str:
        """The cost table as text: ``by`` line or category; ``formulas`` lists each cell's formula."""
        from grantcalc.report.text import category_table, cost_table, formula_listing

        lang = lang or self.budget.language
        if formulas:
            return formula_listing(self, lang)
        return category_table(self, lang) if by == "category" else cost_table(self, lang)

    def __repr__(self) -> str:
        return self.table()

    def _repr_html_(self) -> str:
        """Jupyter: the cost and financing tables and the findings, as HTML."""
        from grantcalc.report.html import computation_html

        return computation_html(self)


def _months(value: Fraction) -> Decimal:
    """Months for a frame column: exact when finite, else to 4 decimals (display only)."""
    d = Decimal(value.numerator) / Decimal(value.denominator)
    return d if Fraction(d) == value else d.quantize(Decimal("0.0001"))
