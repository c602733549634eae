"""Excel and CSV export: the computation as a workbook with live formulas, and as CSV.

The workbook has four sheets (named in the budget's language, Swedish by
default): the cost budget (*Kostnader*), the financing budget
(*Finansiering*), every cell of the computation (*Beräkning*) and the check's
findings (*Granskning*). Amounts are numbers in kronor; every Totalt and Summa
is a ``=SUM(…)`` formula, and the financing sheet compares its Summa with the
cost sheet's by formula, so the workbook still adds up after a user edits an
amount. An in-kind amount the document does not state stays an empty cell.

Amounts are written exactly as their ``Decimal`` text: openpyxl would format
a ``Decimal`` through a float (``"%.16g"``), which turns 882 681 877,44 into
882681877.4400001.

The CSV form is the *Beräkning* sheet: one row per line and budget year, UTF-8,
comma-separated, amounts as exact decimal strings (``1111403``, ``210479.50``).

openpyxl is imported on first use: commands that write no workbook start fast.
"""

from __future__ import annotations

import csv
import os
from collections.abc import Iterable
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from grantcalc import catalogue
from grantcalc import formatting as fmt
from grantcalc.budget.lines import InKindLine
from grantcalc.errors import Problem, SourceError
from grantcalc.report.frames import long_rows

if TYPE_CHECKING:
    from grantcalc.budget.model import Budget
    from grantcalc.compute.computation import Computation

__all__ = ["write_excel", "write_csv", "export", "FORMATS", "SHEETS"]

FORMATS = (".xlsx", ".csv")

# the sheets, in order; their names are sheet.<key> in the catalogue (Kostnader, Finansiering, …)
SHEETS = ("costs", "financing", "computation", "findings")

TABLE_HEADER_ROW = 4  # Kostnader and Finansiering: title, facts, a blank row, then the table
MAX_WIDTH = 60


def word(key: str, lang: str) -> str:
    """A word of the workbook, ``excel.<key>`` in the catalogue."""
    return catalogue.text(f"excel.{key}", lang)


def sheet_name(key: str, lang: str) -> str:
    """A sheet's name, ``sheet.<key>`` in the catalogue: ``Kostnader`` / ``Costs``."""
    return catalogue.text(f"sheet.{key}", lang)


# --- the long form: one row per line and budget year (report.frames.long_rows) ----------------
LONG_COLUMNS = ("line", "category", "year", "amount", "months", "formula", "funder")


# --- writing -----------------------------------------------------------------------------------
def _computation(source: Budget | Computation) -> Computation:
    from grantcalc.compute.computation import Computation

    return source if isinstance(source, Computation) else source.compute()


def _language(computation: Computation, lang: str | None) -> str:
    lang = lang or computation.budget.language
    fmt.locale_of(lang)  # ValueError for a language grantcalc does not write
    return lang


# a spreadsheet reads a cell that starts with one of these as a formula ("CSV injection")
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")


def csv_text(value: str) -> str:
    """A text cell of the CSV export that no spreadsheet runs as a formula.

    As OWASP recommends, a text that starts with ``=``, ``+``, ``-``, ``@``, a tab or a
    carriage return (or their full-width forms, which some spreadsheets also read) is
    written with a leading apostrophe: ``=1+2`` becomes ``'=1+2``, which Excel and
    LibreOffice show as the text ``=1+2``. Amounts are written as numbers and are not
    text cells, so a negative amount stays ``-2300``.
    """
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def _write(target: str | Path, produce, force: bool) -> Path:
    from grantcalc.write import write_atomic

    return write_atomic(target, produce, force=force)


def write_csv(source: Budget | Computation, path: str | Path, *, lang: str | None = None,
              force: bool = False) -> Path:
    """Write the long form as CSV: one row per line and budget year, with a header row.

    UTF-8, comma-separated; amounts and months are exact decimal strings with
    a point (``format(value, "f")``); an in-kind amount the document does not
    state is empty. Headers in ``lang`` (default: the budget's language).
    Written atomically; an existing file is replaced only with ``force``.
    Raises :class:`~grantcalc.errors.SourceError` for a problem the user can fix.
    """
    from grantcalc.write import check_output

    check_output(path, force=force)  # before the work, not only when the file is written
    computation = _computation(source)
    lang = _language(computation, lang)
    header = [word(key, lang) for key in ("line", "category", "year", "amount", "months", "formula", "funder")]
    rows = [[csv_text(r.line), csv_text(r.category), r.year, "" if r.amount is None else format(r.amount, "f"),
             format(r.months, "f"), csv_text(r.formula), csv_text(r.funder or "")]
            for r in long_rows(computation, lang)]

    def produce(tmp: Path) -> None:
        with open(tmp, "w", encoding="utf-8", newline="") as stream:
            writer = csv.writer(stream)
            writer.writerow(header)
            writer.writerows(rows)

    return _write(path, produce, force)


def write_excel(source: Budget | Computation, path: str | Path, *, lang: str | None = None,
                force: bool = False, findings: Iterable[Problem] | None = None) -> Path:
    """Write the computation as an Excel workbook (.xlsx) with live formulas.

    Sheets: Kostnader, Finansiering, Beräkning, Granskning (Costs, Financing,
    Computation, Findings with ``lang="en"``). ``findings`` are the problems
    to list (default: those of :func:`grantcalc.check.check`). Written
    atomically; an existing file is replaced only with ``force``.
    Raises :class:`~grantcalc.errors.SourceError` for a problem the user can fix.
    """
    computation = _computation(source)
    lang = _language(computation, lang)
    from grantcalc.write import check_output

    target = check_output(path, force=force)  # before the work, not only when the file is written
    if target.suffix.lower() != ".xlsx":
        raise SourceError(Problem("export.excel_suffix", params={"path": str(target)}))
    if findings is None:
        from grantcalc.check import check

        findings = check(computation.budget, computation).findings
    workbook = build_workbook(computation, lang, list(findings))
    return _write(target, lambda tmp: workbook.save(str(tmp)), force)


def export(source: Budget | Computation, path: str | Path, *, lang: str | None = None,
           force: bool = False) -> Path:
    """Write an Excel workbook or a CSV file, chosen by ``path``'s suffix (.xlsx or .csv)."""
    if not os.fspath(path):
        from grantcalc.write import check_output

        check_output(path, force=force)  # output.empty_name, not "unknown format ''"
    suffix = Path(path).suffix.lower()
    if suffix == ".xlsx":
        return write_excel(source, path, lang=lang, force=force)
    if suffix == ".csv":
        return write_csv(source, path, lang=lang, force=force)
    raise SourceError(Problem("export.format", params={"path": str(path)}))


# --- the workbook -------------------------------------------------------------------------------
class _Sheet:
    """A worksheet with the widths its columns need."""

    def __init__(self, worksheet, money_format: str):
        self.ws = worksheet
        self.money_format = money_format
        self.widths: dict[int, int] = {}

    def _fit(self, column: int, text: str) -> None:
        self.widths[column] = max(self.widths.get(column, 0), len(text))

    def text(self, row: int, column: int, value: str | None, *, bold: bool = False, fit: bool = True):
        cell = self.ws.cell(row=row, column=column)
        if value:
            cell.value = value
            cell.data_type = "s"  # a name beginning with "=" is text, never a formula
            if fit:
                self._fit(column, value)
        if bold:
            cell.font = _font(bold=True)
        return cell

    def number(self, row: int, column: int, value: Decimal | None, *, money: bool = True, bold: bool = False):
        cell = self.ws.cell(row=row, column=column)
        if value is not None:
            _put_number(cell, value)
            self._fit(column, _shown(value, money))
        if money:
            cell.number_format = self.money_format
        if bold:
            cell.font = _font(bold=True)
        return cell

    def formula(self, row: int, column: int, formula: str, value: Decimal, *, bold: bool = False,
                number_format: str | None = None):
        """A formula cell; ``value`` is what it computes to (for the column's width only)."""
        cell = self.ws.cell(row=row, column=column)
        cell.value = formula
        cell.number_format = number_format or self.money_format
        self._fit(column, _shown(value, True))
        if bold:
            cell.font = _font(bold=True)
        return cell

    def header(self, row: int, values: list[str]) -> None:
        for column, value in enumerate(values, start=1):
            self.text(row, column, value, bold=True)

    def finish(self) -> None:
        from openpyxl.utils import get_column_letter

        for column, width in self.widths.items():
            self.ws.column_dimensions[get_column_letter(column)].width = min(width + 3, MAX_WIDTH)


def _font(bold: bool = False, size: int | None = None):
    from openpyxl.styles import Font

    return Font(bold=bold, size=size) if size else Font(bold=bold)


def _put_number(cell, value: Decimal) -> None:
    """Store ``value`` as a number, in its exact decimal text (never through a float)."""
    # openpyxl writes a Decimal through "%.16g" (a float), so the cell holds the exact decimal
    # text and is typed as a number: it is written as <v>…</v> verbatim (public attributes only)
    cell.value = format(value, "f")
    cell.data_type = "n"


def _shown(value: Decimal, money: bool) -> str:
    text = fmt.amount(value, "sv") if money else format(value, "f")
    return f"{text} kr" if money else text


def _has_ore(computation: Computation) -> bool:
    values = [c.amount for c in computation.cells()]
    values += [v for row in computation.financing.rows for v in row.amounts.values() if v is not None]
    return any(v != v.to_integral_value() for v in values)


def money_format(lang: str, ore: bool) -> str:
    """The kronor format of every amount: ``#,##0 "kr"`` (``#,##0.00 "kr"`` when some amount has öre)."""
    digits = "#,##0.00" if ore else "#,##0"
    return catalogue.text("format.excel_money", lang).format(digits=digits)


def _not_stated_format(money: str) -> str:
    """For the Totalt of a row without stated amounts: a dash where the sum is 0, never a made-up 0 kr."""
    return f'{money};-{money};"\u2013"'


def _title(sheet: _Sheet, computation: Computation, lang: str) -> None:
    budget = computation.budget
    period = budget.period
    facts = [f"{fmt.format_date(period.start, lang)} \u2013 {fmt.format_date(period.end, lang)}",
             word("amounts_in", lang)]
    if budget.project.funder:
        facts.insert(0, budget.project.funder)
    cell = sheet.text(1, 1, budget.project.name, fit=False)
    cell.font = _font(bold=True, size=14)
    sheet.text(2, 1, " · ".join(facts), fit=False)


def build_workbook(computation: Computation, lang: str, findings: list[Problem]) -> Any:
    """The openpyxl ``Workbook`` that :func:`write_excel` saves."""
    from openpyxl import Workbook

    budget = computation.budget
    workbook = Workbook()
    props = workbook.properties
    props.title = budget.project.name
    props.subject = budget.project.funder
    props.creator = "grantcalc"
    props.language = fmt.locale_of(lang).replace("_", "-")
    period = budget.period
    props.description = f"{fmt.format_date(period.start, lang)} \u2013 {fmt.format_date(period.end, lang)}"

    money = money_format(lang, _has_ore(computation))
    costs = _Sheet(workbook.active, money)
    costs.ws.title = sheet_name("costs", lang)
    summa_row = _costs_sheet(costs, computation, lang)
    financing = _Sheet(workbook.create_sheet(sheet_name("financing", lang)), money)
    _financing_sheet(financing, computation, lang, costs.ws.title, summa_row)
    _computation_sheet(_Sheet(workbook.create_sheet(sheet_name("computation", lang)), money), computation, lang)
    _findings_sheet(_Sheet(workbook.create_sheet(sheet_name("findings", lang)), money), findings, lang)
    return workbook


def _letter(column: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(column)


def _costs_sheet(sheet: _Sheet, computation: Computation, lang: str) -> int:
    """Kostnader: category | line | one column per budget year | Totalt; a Summa row. Returns its row."""
    budget = computation.budget
    years = computation.years
    _title(sheet, computation, lang)
    top = TABLE_HEADER_ROW
    first_year, total_col = 3, 3 + len(years)
    sheet.header(top, [word("category", lang), word("line", lang), *[y.label(lang) for y in years],
                       word("total", lang)])
    row = top
    for line in budget.lines:
        row += 1
        name = line.name
        if isinstance(line, InKindLine):
            name = f"{name} ({word('in_kind', lang)}: {line.party})"
        sheet.text(row, 1, budget.category(line.category).name(lang))
        sheet.text(row, 2, name)
        for i, y in enumerate(years):
            sheet.number(row, first_year + i, computation.amount(line.name, y.key) if line.has_amount else None)
        sheet.formula(row, total_col, f"=SUM({_letter(first_year)}{row}:{_letter(total_col - 1)}{row})",
                      computation.line_total(line.name),
                      number_format=None if line.has_amount else _not_stated_format(sheet.money_format))
    last = row
    summa = last + 1
    sheet.text(summa, 1, word("sum", lang), bold=True)
    for i, y in enumerate(years):
        col = _letter(first_year + i)
        sheet.formula(summa, first_year + i, f"=SUM({col}{top + 1}:{col}{last})", computation.year_total(y.key),
                      bold=True)
    col = _letter(total_col)
    sheet.formula(summa, total_col, f"=SUM({col}{top + 1}:{col}{last})", computation.total, bold=True)
    sheet.ws.freeze_panes = f"C{top + 1}"
    sheet.ws.auto_filter.ref = f"A{top}:{_letter(total_col)}{last}"
    sheet.finish()
    return summa


def _financing_sheet(sheet: _Sheet, computation: Computation, lang: str, costs_title: str, costs_summa: int) -> None:
    """Finansiering: funder | in kind | years | Totalt; Summa; the costs (from Kostnader); the difference."""
    from openpyxl.utils import quote_sheetname

    financing = computation.financing
    years = computation.years
    _title(sheet, computation, lang)
    top = TABLE_HEADER_ROW
    first_year, total_col = 3, 3 + len(years)
    columns = range(first_year, total_col + 1)
    sheet.header(top, [word("funder", lang), word("in_kind", lang), *[y.label(lang) for y in years],
                       word("total", lang)])
    row = top
    for funder in financing.rows:
        row += 1
        sheet.text(row, 1, funder.name)
        sheet.text(row, 2, word("yes", lang) if funder.in_kind else None)
        for i, y in enumerate(years):
            sheet.number(row, first_year + i, funder.amounts.get(y.key))
        sheet.formula(row, total_col, f"=SUM({_letter(first_year)}{row}:{_letter(total_col - 1)}{row})",
                      funder.total, number_format=None if funder.stated else _not_stated_format(sheet.money_format))
    last = row
    summa, costs_row, difference_row = last + 1, last + 2, last + 3
    sheet.text(summa, 1, word("sum", lang), bold=True)
    sheet.text(costs_row, 1, word("costs", lang))
    sheet.text(difference_row, 1, word("difference", lang), bold=True)
    costs_ref = quote_sheetname(costs_title)
    financing_values = [*[financing.year_total(y.key) for y in years], financing.total]
    cost_values = [*[computation.year_total(y.key) for y in years], computation.total]
    for column, fin_value, cost_value in zip(columns, financing_values, cost_values):
        col = _letter(column)
        sheet.formula(summa, column, f"=SUM({col}{top + 1}:{col}{last})", fin_value, bold=True)
        sheet.formula(costs_row, column, f"={costs_ref}!{col}{costs_summa}", cost_value)
        sheet.formula(difference_row, column, f"={col}{summa}-{col}{costs_row}", fin_value - cost_value, bold=True)
    sheet.ws.freeze_panes = f"B{top + 1}"
    sheet.finish()


def _computation_sheet(sheet: _Sheet, computation: Computation, lang: str) -> None:
    """Beräkning: the long form, one row per line and budget year."""
    sheet.header(1, [word(key, lang) for key in LONG_COLUMNS])
    row = 1
    for r in long_rows(computation, lang):
        row += 1
        sheet.text(row, 1, r.line)
        sheet.text(row, 2, r.category)
        sheet.text(row, 3, r.year)
        sheet.number(row, 4, r.amount)
        sheet.number(row, 5, r.months, money=False)
        sheet.text(row, 6, r.formula)
        sheet.text(row, 7, r.funder)
    sheet.ws.freeze_panes = "A2"
    sheet.ws.auto_filter.ref = f"A1:{_letter(len(LONG_COLUMNS))}{row}"
    sheet.finish()


def _findings_sheet(sheet: _Sheet, findings: list[Problem], lang: str) -> None:
    """Granskning: severity | code | file:line | field | message; a row saying so when there is none."""
    from grantcalc.errors import format_path
    from grantcalc.messages import severity_word

    sheet.header(1, [word(key, lang) for key in ("severity", "code", "place", "field", "message")])
    row = 1
    for problem in findings:
        row += 1
        sheet.text(row, 1, severity_word(problem.severity, lang))
        sheet.text(row, 2, problem.code)
        sheet.text(row, 3, problem.where())
        sheet.text(row, 4, format_path(problem.path))
        sheet.text(row, 5, problem.message(lang))
    if not findings:
        sheet.text(2, 1, word("no_findings", lang))
    else:
        sheet.ws.auto_filter.ref = f"A1:E{row}"
    sheet.ws.freeze_panes = "A2"
    sheet.finish()
