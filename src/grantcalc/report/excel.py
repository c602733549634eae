"""Excel export: the computation as a workbook whose live formulas show their figures everywhere.

The workbook has four sheets (named in the budget's language, Swedish by
default): the cost budget (*Kostnader*), the financing budget
(*Finansiering*), every cell of the computation (*Beräkning*) and the check's
findings (*Granskning*). Amounts are numbers in kronor; every Totalt and Summa
is a ``=SUM(…)`` formula, and the financing sheet compares its Summa with the
cost sheet's by formula, so the workbook still adds up after a user edits an
amount. An in-kind amount the document does not state stays an empty cell.

Every formula carries its computed value (the cached result a spreadsheet
shows before it recalculates): a preview, a PDF converter, ``pandas.read_excel``
or a mail client that shows the file without computing it shows every Totalt
and Summa, not 0. That is why the workbook is written with XlsxWriter, which
writes a formula with its result; openpyxl writes formulas without one. Amounts,
and the cached results, are written as the exact text of their ``Decimal``
(:class:`ExactNumber`), never through a float: 882 681 877,44 stays
``882681877.44``.

Each sheet prints on A4 (landscape when it is wider than a portrait page), as
wide as one page, its table header repeated on every page, the project and the
page number in the footer. One font (Calibri, the Excel default) everywhere;
headers of number columns are right-aligned over their numbers; the years of
the Beräkning sheet are numbers (``2024``; a project year ``1`` reads ``År 1``).

The workbook is written in XlsxWriter's constant-memory mode: a row goes to
disk once the next one is started, so a 50 000-line budget's Beräkning sheet
never sits in memory. The CSV form is :mod:`grantcalc.report.csv`.

XlsxWriter is imported on first use: commands that write no workbook start fast.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from grantcalc import catalogue
from grantcalc import formatting as fmt
from grantcalc.budget.lines import InKindLine
from grantcalc.errors import Problem, SourceError
from grantcalc.report.csv import DEFAULT_DIALECT, csv_text, write_csv
from grantcalc.report.frames import iter_long_rows, specification

if TYPE_CHECKING:
    from grantcalc.budget.lines import Line
    from grantcalc.budget.model import Budget
    from grantcalc.compute.computation import Computation

__all__ = ["write_excel", "write_csv", "export", "csv_text", "FORMATS", "SHEETS", "ExactNumber", "specification"]

FORMATS = (".xlsx", ".csv")

# the sheets, in order; their names are sheet.<key> in the catalogue (Kostnader, Finansiering, …)
SHEETS = ("costs", "financing", "computation", "findings")

TABLE_HEADER_ROW = 3  # Kostnader and Finansiering (0-based): title, facts, a blank row, then the table
FONT = "Calibri"  # the Excel default; LibreOffice shows it as the metric-compatible Carlito
FONT_SIZE = 11
TITLE_SIZE = 14
MAX_WIDTH = 60  # a column no wider than this
ROW_HEIGHT = 15  # points: one line of 11-point Calibri
DIGIT = 7  # pixels: a column width's unit, the width of a digit in 11-point Calibri
PADDING = 0  # pixels a cell's text has less than its column's width times DIGIT (5 added, 5 of margins)
PORTRAIT_WIDTH = 95  # characters an A4 portrait page holds at 100 % between 0,5" margins (landscape: ~140)
A4 = 9  # Excel's paper code
EXCEL_ROWS = 1_048_576  # the rows a sheet holds

# the long form's columns on the Beräkning sheet; Specifikation follows when a line has one
LONG_COLUMNS = ("line", "category", "year", "amount", "months", "formula", "funder")
# the widest a text column of the Beräkning and Granskning sheets grows before its text wraps
WRAP_AT = {"line": 32, "category": 24, "formula": 52, "funder": 24, "specification": 36, "message": 80,
           "place": 28}


def word(key: str, lang: str) -> str:
    """A word of the workbook, ``excel.<key>`` in the catalogue."""
    return catalogue.text(f"excel.{key}", lang)


def sheet_name(key: str, lang: str) -> str:
    """A sheet's name, ``sheet.<key>`` in the catalogue: ``Kostnader`` / ``Costs``."""
    return catalogue.text(f"sheet.{key}", lang)


class ExactNumber(Decimal):
    """A ``Decimal`` that XlsxWriter writes as its exact decimal text.

    XlsxWriter writes a number with ``f"{number:.16G}"`` and a formula's cached
    result with ``f"{value}"``; for a float that is the float's text, which may
    not be the amount (882681877.44 as a float is 882681877.4400001). This
    subclass answers every format with the plain decimal text (``"f"``), so
    the workbook holds ``<v>882681877.44</v>``: what the Decimal is, whatever
    XlsxWriter's format. It is a number to XlsxWriter (not a ``str``), so a
    cached result is typed as a number, not as text."""

    __slots__ = ()

    def __format__(self, spec: str, context: Any = None, /) -> str:
        return Decimal.__format__(self, "f")

    def __str__(self) -> str:
        return Decimal.__format__(self, "f")


# --- writing -----------------------------------------------------------------------------------
def _computation(source: Budget | Computation) -> Computation:
    from grantcalc.compute.computation import Computation

    return source if isinstance(source, Computation) else source.compute()


def _language(computation: Computation, lang: str | None) -> str:
    lang = lang or computation.budget.language
    fmt.locale_of(lang)  # ValueError for a language grantcalc does not write
    return lang


def write_excel(source: Budget | Computation, path: str | Path, *, lang: str | None = None,
                force: bool = False, findings: Iterable[Problem] | None = None) -> Path:
    """Write the computation as an Excel workbook (.xlsx) with live formulas and their values.

    Sheets: Kostnader, Finansiering, Beräkning, Granskning (Costs, Financing,
    Computation, Findings with ``lang="en"``). ``findings`` are the problems
    to list (default: those of :func:`grantcalc.check.check`). Written
    atomically; an existing file is replaced only with ``force``.
    Raises :class:`~grantcalc.errors.SourceError` for a problem the user can fix.
    """
    computation = _computation(source)
    lang = _language(computation, lang)
    from grantcalc.write import check_output, write_atomic

    target = check_output(path, force=force)  # before the work, not only when the file is written
    if target.suffix.lower() != ".xlsx":
        raise SourceError(Problem("export.excel_suffix", params={"path": str(target)}))
    rows = len(computation.budget.lines) * len(computation.years) + 1  # the Beräkning sheet, with its header
    if rows > EXCEL_ROWS:  # XlsxWriter would leave out the rows past the last silently
        raise SourceError(Problem("export.too_many_rows", params={"path": str(target), "rows": rows,
                                                                  "limit": EXCEL_ROWS}))
    if findings is None:
        from grantcalc.check import check

        findings = check(computation.budget, computation).findings
    listed = list(findings)
    return write_atomic(target, lambda tmp: write_workbook(computation, tmp, lang, listed), force=force)


def export(source: Budget | Computation, path: str | Path, *, lang: str | None = None,
           force: bool = False, csv_dialect: str = DEFAULT_DIALECT) -> Path:
    """Write an Excel workbook or a CSV file, chosen by ``path``'s suffix (.xlsx or .csv).

    ``csv_dialect`` is the CSV's form (:data:`grantcalc.report.csv.DIALECTS`): ``swedish``
    (the default: ``;``, decimal comma, UTF-8 with BOM) or ``machine``."""
    if not os.fspath(path):
        from grantcalc.write import check_output

        check_output(path, force=force)  # output.empty_name, not "unknown format ''"
    suffix = Path(path).suffix.lower()
    if suffix == ".xlsx":
        return write_excel(source, path, lang=lang, force=force)
    if suffix == ".csv":
        return write_csv(source, path, lang=lang, force=force, dialect=csv_dialect)
    raise SourceError(Problem("export.format", params={"path": str(path)}))


# --- formats --------------------------------------------------------------------------------------
class _Formats:
    """The workbook's cell formats, made once each: one font, kronor, borders, wrapping."""

    def __init__(self, workbook: Any, money: str):
        self.workbook = workbook
        self.money = money
        self._made: dict[tuple, Any] = {}

    def get(self, *, bold: bool = False, size: int = FONT_SIZE, number: str | None = None, align: str | None = None,
            wrap: bool = False, top: bool = False, bottom: bool = False) -> Any:
        key = (bold, size, number, align, wrap, top, bottom)
        made = self._made.get(key)
        if made is None:
            properties: dict[str, Any] = {"font_name": FONT, "font_size": size, "valign": "top"}
            if bold:
                properties["bold"] = True
            if number is not None:
                properties["num_format"] = number
            if align:
                properties["align"] = align
            if wrap:
                properties["text_wrap"] = True
            if top:
                properties["top"] = 1
            if bottom:
                properties["bottom"] = 1
            made = self._made[key] = self.workbook.add_format(properties)
        return made


def money_format(lang: str, ore: bool) -> str:
    """The kronor format of every amount: ``#,##0 "kr"`` (``#,##0.00 "kr"`` when some amount has öre)."""
    digits = "#,##0.00" if ore else "#,##0"
    return catalogue.text("format.excel_money", lang).format(digits=digits)


def _not_stated_format(money: str) -> str:
    """For the Totalt of a row without stated amounts: a dash where the sum is 0, never a made-up 0 kr."""
    return f'{money};-{money};"\u2013"'


def year_format(label: str, key: int) -> str:
    """The number format that shows a budget year's key as its label: ``0`` for 2024,
    ``"År "0`` for project year 1, ``0"/25"`` for the fiscal year 2024/25."""
    before, _, after = label.partition(str(key))
    return "".join([f'"{before}"' if before else "", "0", f'"{after}"' if after else ""])


def _has_ore(computation: Computation) -> bool:
    values = [c.amount for c in computation.cells()]
    values += [v for row in computation.financing.rows for v in row.amounts.values() if v is not None]
    return any(v != v.to_integral_value() for v in values)


class _Widths(dict):
    """A letter's width in 11-point Calibri, in pixels: XlsxWriter's table of Excel's widths for
    ASCII; å, é as their base letter (a, e); any other as a wide one (8). Filled on first use."""

    def __missing__(self, char: str) -> int:
        import unicodedata

        base = unicodedata.normalize("NFKD", char)[:1]
        width = self[char] = self.get(base, 8) if base != char else 8
        return width


_WIDTHS = _Widths()


def _pixels(text: str) -> int:
    """The width of ``text`` in 11-point Calibri, in pixels."""
    if not _WIDTHS:
        from xlsxwriter.utility import CHAR_WIDTHS

        _WIDTHS.update(CHAR_WIDTHS)
    return sum(map(_WIDTHS.__getitem__, text))


@lru_cache(maxsize=1 << 14)  # a line's name, category and specification repeat in every budget year
def _lines(text: str, room: int) -> int:
    """The lines ``text`` takes, wrapped at spaces as a spreadsheet wraps it, in ``room`` pixels."""
    if len(text) * 13 <= room or _pixels(text) <= room:  # 13: the widest letter
        return 1
    space = 3
    lines, used = 1, 0
    for part in text.split("\n"):
        if used:
            lines, used = lines + 1, 0
        for token in part.split(" "):
            width = _pixels(token)
            if used and used + space + width > room:
                lines, used = lines + 1, 0
            if width > room:  # a word wider than the column is broken inside it
                lines += width // room
                width %= room
            used += (space if used else 0) + width
    return lines


def _amount_width(value: Decimal | int) -> int:
    """The characters an amount's cell shows, for its column's width, counted rather than formatted
    (a 50 000-line budget has half a million): ``1 111 403 kr`` is 12 (its digits, a space per
    group, a minus, ``,dd`` for öre, and room for ``kr`` or ``SEK``)."""
    digits = len(str(abs(int(value))))
    width = digits + (digits - 1) // 3 + 4
    if value < 0:
        width += 1
    if isinstance(value, Decimal) and value != value.to_integral_value():
        width += 3
    return width


# --- the sheets -----------------------------------------------------------------------------------
class _Sheet:
    """A worksheet written top to bottom (constant memory), with the widths its columns need.

    A column of numbers or short texts is as wide as its widest cell. A column of long texts
    (names, specifications, formulas, messages) is declared with :meth:`wrap` before its
    rows: its width is fixed then, its texts wrap, and each row is made as high as its
    most wrapped cell needs (a spreadsheet does not grow a row written without a height,
    and LibreOffice prints such a row one line high, the lines over each other)."""

    def __init__(self, workbook: Any, name: str, formats: _Formats):
        self.ws = workbook.add_worksheet(name)
        self.formats = formats
        self.name = name
        self.widths: dict[int, int] = {}
        self.wrapped: dict[int, int] = {}  # column → its fixed width, for a column whose texts wrap
        self.last_column = 0
        self._row = -1  # the row being written, and the lines its wrapped cells take
        self._lines = 1

    def wrap(self, column: int, texts: Iterable[str | None], cap: int) -> None:
        """Declare ``column`` a column of wrapped texts: as wide as the widest of ``texts`` (its
        header too) when that is at most 15 % more than ``cap`` characters, else ``cap``."""
        widest = max((_pixels(t) for t in texts if t), default=0)
        needed = -(-(widest + PADDING) // DIGIT)
        # a text a little longer than the cap widens the column rather than wrapping for a word or two
        self.wrapped[column] = max(needed if needed * 20 <= cap * 23 else cap, 6)

    def _at(self, row: int) -> None:
        """Start ``row``: the row before gets the height its wrapped cells need."""
        if row != self._row:
            self._height()
            self._row, self._lines = row, 1

    def _height(self) -> None:
        if self._row >= 0 and self._lines > 1:
            self.ws.set_row(self._row, ROW_HEIGHT * self._lines)

    def _fit(self, column: int, text: str) -> None:
        self.last_column = max(self.last_column, column)
        width = self.wrapped.get(column)
        if width is not None:
            lines = _lines(text, width * DIGIT - PADDING)
            if lines > self._lines:
                self._lines = lines
            return
        self._widen(column, len(text))

    def _widen(self, column: int, width: int) -> None:
        self.last_column = max(self.last_column, column)
        if width > self.widths.get(column, 0):
            self.widths[column] = width

    def text(self, row: int, column: int, value: str | None, cell_format: Any = None, *, fit: bool = True) -> None:
        """A text cell (never a formula or a link, whatever it starts with); nothing when empty."""
        if value:
            self._at(row)
            self.ws.write_string(row, column, value, cell_format)
            if fit:
                self._fit(column, value)

    def blank(self, row: int, column: int, cell_format: Any) -> None:
        """An empty cell with a format (a rule, a kronor format for an amount typed in later)."""
        self._at(row)
        self.ws.write_blank(row, column, None, cell_format)
        self.last_column = max(self.last_column, column)

    def number(self, row: int, column: int, value: Decimal | int | None, cell_format: Any, *,
               shown: str | None = None) -> None:
        """A number, written as its exact decimal text; ``shown`` is what the cell shows (for the
        column's width), by default the amount in kronor."""
        if value is None:
            self.blank(row, column, cell_format)
            return
        self._at(row)
        self.ws.write_number(row, column, ExactNumber(value), cell_format)
        self._widen(column, _amount_width(value) if shown is None else len(shown))

    def formula(self, row: int, column: int, formula: str, value: Decimal, cell_format: Any) -> None:
        """A formula cell with ``value``, what it computes to, as its cached result."""
        self._at(row)
        self.ws.write_formula(row, column, formula, cell_format, ExactNumber(value))
        self._widen(column, _amount_width(value))

    def header(self, row: int, values: list[str], right_from: int | None = None,
               right: Iterable[int] = (), center: Iterable[int] = ()) -> None:
        """The table's header row: bold, a rule below; right-aligned over numbers."""
        right_columns, centered = set(right), set(center)
        for column, value in enumerate(values):
            aligned = "center" if column in centered else \
                "right" if column in right_columns or (right_from is not None and column >= right_from) else None
            self.text(row, column, value, self.formats.get(bold=True, bottom=True, align=aligned,
                                                           wrap=column in self.wrapped))

    def finish(self, header_row: int, lang: str, project: str) -> None:
        """Column widths, and the print set-up: A4, one page wide, the header row on every page."""
        self._height()
        total = 0
        for column in range(self.last_column + 1):
            width = self.wrapped.get(column) or min(self.widths.get(column, 4) + 3, MAX_WIDTH)
            self.ws.set_column(column, column, width)
            total += width
        ws = self.ws
        ws.set_paper(A4)
        if total > PORTRAIT_WIDTH:
            ws.set_landscape()
        else:
            ws.set_portrait()
        ws.fit_to_pages(1, 0)  # as wide as one page, as many pages down as it needs
        ws.repeat_rows(header_row)
        ws.set_margins(left=0.5, right=0.5, top=0.6, bottom=0.7)  # float-ok: inches
        name = project.replace("&", "&&")[:100]
        ws.set_footer(f"&L&\"{FONT},Regular\"&9{name}&R&\"{FONT},Regular\"&9{word('page', lang)}")


def write_workbook(computation: Computation, path: str | Path, lang: str, findings: list[Problem]) -> None:
    """Write the workbook to ``path`` (the temporary file :func:`write_excel` then names)."""
    import xlsxwriter
    from xlsxwriter.exceptions import FileCreateError

    budget = computation.budget
    workbook = xlsxwriter.Workbook(str(path), {
        "constant_memory": True,  # each row to disk when the next begins: a 50 000-line budget in little memory
        "strings_to_formulas": False, "strings_to_urls": False, "strings_to_numbers": False,
        "default_format_properties": {"font_name": FONT, "font_size": FONT_SIZE},
    })
    period = budget.period
    workbook.set_properties({
        "title": budget.project.name, "subject": budget.project.funder or "", "author": "grantcalc",
        "comments": f"{fmt.format_date(period.start, lang)} \u2013 {fmt.format_date(period.end, lang)}",
    })
    formats = _Formats(workbook, money_format(lang, _has_ore(computation)))
    costs = _Sheet(workbook, sheet_name("costs", lang), formats)
    summa_row, first_year = _costs_sheet(costs, computation, lang)
    _financing_sheet(_Sheet(workbook, sheet_name("financing", lang), formats), computation, lang, costs.name,
                     summa_row, first_year)
    _computation_sheet(_Sheet(workbook, sheet_name("computation", lang), formats), computation, lang)
    _findings_sheet(_Sheet(workbook, sheet_name("findings", lang), formats), computation, findings, lang)
    try:
        workbook.close()
    except FileCreateError as err:  # XlsxWriter's wrapper of the OSError (a full disk): told as that
        cause = err.args[0] if err.args and isinstance(err.args[0], OSError) else None
        if cause is not None:
            raise cause from None
        raise


def _title(sheet: _Sheet, computation: Computation, lang: str) -> None:
    budget = computation.budget
    period = budget.period
    facts = [f"{fmt.format_date(period.start, lang)} \u2013 {fmt.format_date(period.end, lang)}",
             word("amounts_in", lang)]
    if budget.project.funder:
        facts.insert(0, budget.project.funder)
    sheet.text(0, 0, budget.project.name, sheet.formats.get(bold=True, size=TITLE_SIZE), fit=False)
    sheet.text(1, 0, " · ".join(facts), sheet.formats.get(), fit=False)


def _shown_name(line: Line, lang: str) -> str:
    """A line's name on the cost sheet; a contribution in kind says by whom."""
    if isinstance(line, InKindLine):
        return f"{line.name} ({word('in_kind', lang)}: {line.party})"
    return line.name


def _col(column: int) -> str:
    from xlsxwriter.utility import xl_col_to_name

    return xl_col_to_name(column)


def _costs_sheet(sheet: _Sheet, computation: Computation, lang: str) -> tuple[int, int]:
    """Kostnader: category | line | [specification] | one column per budget year | Totalt; a Summa row.

    Returns the Summa row and the first year's column (0-based)."""
    budget = computation.budget
    years = computation.years
    specs = {line.name: specification(line) for line in budget.lines}
    with_spec = any(specs.values())
    first_year = 3 if with_spec else 2
    total_col = first_year + len(years)
    f = sheet.formats
    money, bold_money = f.get(number=f.money), f.get(number=f.money, bold=True, top=True)
    not_stated = f.get(number=_not_stated_format(f.money))
    plain, wrapped = f.get(), f.get(wrap=True)
    names = {line.name: _shown_name(line, lang) for line in budget.lines}
    header = [word("category", lang), word("line", lang), *([word("specification", lang)] if with_spec else []),
              *[y.label(lang) for y in years], word("total", lang)]
    sheet.wrap(1, [header[1], *names.values()], WRAP_AT["line"])
    if with_spec:
        sheet.wrap(2, [header[2], *specs.values()], WRAP_AT["specification"])
    _title(sheet, computation, lang)
    top = TABLE_HEADER_ROW
    sheet.header(top, header, right_from=first_year)
    row = top
    first_letter, last_letter = _col(first_year), _col(total_col - 1)
    for line in budget.lines:
        row += 1
        sheet.text(row, 0, budget.category(line.category).name(lang), plain)
        sheet.text(row, 1, names[line.name], wrapped)
        if with_spec:
            sheet.text(row, 2, specs[line.name], wrapped)
        for i, y in enumerate(years):
            sheet.number(row, first_year + i, computation.amount(line.name, y.key) if line.has_amount else None,
                         money)
        sheet.formula(row, total_col, f"=SUM({first_letter}{row + 1}:{last_letter}{row + 1})",
                      computation.line_total(line.name), money if line.has_amount else not_stated)
    last = row
    summa = last + 1
    rule = f.get(bold=True, top=True)
    sheet.text(summa, 0, word("sum", lang), rule)
    for column in range(1, first_year):
        sheet.blank(summa, column, rule)
    for i, y in enumerate(years):
        col = _col(first_year + i)
        sheet.formula(summa, first_year + i, f"=SUM({col}{top + 2}:{col}{last + 1})", computation.year_total(y.key),
                      bold_money)
    col = _col(total_col)
    sheet.formula(summa, total_col, f"=SUM({col}{top + 2}:{col}{last + 1})", computation.total, bold_money)
    sheet.ws.freeze_panes(top + 1, 2)
    sheet.ws.autofilter(top, 0, last, total_col)
    sheet.finish(top, lang, budget.project.name)
    return summa, first_year


def _financing_sheet(sheet: _Sheet, computation: Computation, lang: str, costs_title: str, costs_summa: int,
                     costs_first_year: int) -> None:
    """Finansiering: funder | in kind | years | Totalt; Summa; the costs (from Kostnader); the difference."""
    from xlsxwriter.utility import quote_sheetname

    financing = computation.financing
    years = computation.years
    f = sheet.formats
    money, bold_money = f.get(number=f.money), f.get(number=f.money, bold=True, top=True)
    not_stated = f.get(number=_not_stated_format(f.money))
    plain = f.get()
    _title(sheet, computation, lang)
    top = TABLE_HEADER_ROW
    first_year, total_col = 2, 2 + len(years)
    sheet.wrap(0, [word("funder", lang), word("sum", lang), word("costs", lang),
                   *[funder.name for funder in financing.rows]], WRAP_AT["line"])
    sheet.header(top, [word("funder", lang), word("in_kind", lang), *[y.label(lang) for y in years],
                       word("total", lang)], right_from=first_year)
    row = top
    first_letter, last_letter = _col(first_year), _col(total_col - 1)
    for funder in financing.rows:
        row += 1
        sheet.text(row, 0, funder.name, f.get(wrap=True))
        sheet.text(row, 1, word("yes", lang) if funder.in_kind else None, plain)
        for i, y in enumerate(years):
            sheet.number(row, first_year + i, funder.amounts.get(y.key), money)
        sheet.formula(row, total_col, f"=SUM({first_letter}{row + 1}:{last_letter}{row + 1})", funder.total,
                      money if funder.stated else not_stated)
    last = row
    summa, costs_row, difference_row = last + 1, last + 2, last + 3
    costs_ref = quote_sheetname(costs_title)
    financing_values = [*[financing.year_total(y.key) for y in years], financing.total]
    cost_values = [*[computation.year_total(y.key) for y in years], computation.total]
    rule = f.get(bold=True, top=True)
    sheet.text(summa, 0, word("sum", lang), rule)
    sheet.blank(summa, 1, rule)
    for i, value in enumerate(financing_values):
        col = _col(first_year + i)
        sheet.formula(summa, first_year + i, f"=SUM({col}{top + 2}:{col}{last + 1})", value, bold_money)
    sheet.text(costs_row, 0, word("costs", lang), plain)
    for i, value in enumerate(cost_values):
        costs_col = _col(costs_first_year + i)  # the cost sheet's columns may start further right
        sheet.formula(costs_row, first_year + i, f"={costs_ref}!{costs_col}{costs_summa + 1}", value, money)
    sheet.text(difference_row, 0, word("difference", lang), f.get(bold=True, wrap=True))
    for i, (fin_value, cost_value) in enumerate(zip(financing_values, cost_values)):
        col = _col(first_year + i)
        sheet.formula(difference_row, first_year + i, f"={col}{summa + 1}-{col}{costs_row + 1}",
                      fin_value - cost_value, f.get(number=f.money, bold=True))
    sheet.ws.freeze_panes(top + 1, 1)
    sheet.finish(top, lang, computation.budget.project.name)


def _computation_sheet(sheet: _Sheet, computation: Computation, lang: str) -> None:
    """Beräkning: the long form, one row per line and budget year; years as numbers."""
    budget = computation.budget
    specs = {line.name: specification(line) for line in budget.lines}
    with_spec = any(specs.values())
    keys = [*LONG_COLUMNS, *(["specification"] if with_spec else [])]
    header = [word(key, lang) for key in keys]
    known: dict[str, list[str | None]] = {
        "line": [line.name for line in budget.lines],
        "category": [budget.category(line.category).name(lang) for line in budget.lines],
        "funder": [row.name for row in computation.financing.rows if row.lines],  # the funders a line names
        "specification": list(specs.values())}
    for column, key in enumerate(keys):
        if key == "formula":  # its texts are made row by row: as wide as a long formula, whatever they are
            sheet.wrapped[column] = WRAP_AT[key]
        elif key in known:
            sheet.wrap(column, [header[column], *known[key]], WRAP_AT[key])
    f = sheet.formats
    # the months centred: a right-aligned figure would touch the formula's text beside it
    sheet.header(0, header, right=(2, 3), center=(4,))
    wrapped = f.get(wrap=True)
    money, months = f.get(number=f.money), f.get(number="0.0#", align="center")
    year_formats = {y.key: f.get(number=year_format(y.label(lang), y.key)) for y in computation.years}
    year_shown = {y.key: y.label(lang) for y in computation.years}
    whole = f.get(number="0", align="center")
    row = 0
    for r in iter_long_rows(computation, lang):
        row += 1
        sheet.text(row, 0, r.line, wrapped)
        sheet.text(row, 1, r.category, wrapped)
        sheet.number(row, 2, r.year_key, year_formats[r.year_key], shown=year_shown[r.year_key])
        sheet.number(row, 3, r.amount, money)
        sheet.number(row, 4, r.months, whole if r.months == r.months.to_integral_value() else months,
                     shown=format(r.months, "f")[:5])
        sheet.text(row, 5, r.formula, wrapped)
        sheet.text(row, 6, r.funder, wrapped)
        if with_spec:
            sheet.text(row, 7, specs[r.line], wrapped)
    sheet.ws.freeze_panes(1, 1)
    sheet.ws.autofilter(0, 0, max(row, 1), len(keys) - 1)
    sheet.finish(0, lang, budget.project.name)


def place(problem: Problem, budget_file: str | None, lang: str) -> str:
    """Where a finding points, for a reader: ``rad 42``; ``annan.yaml, rad 3`` in another file;
    the file alone when the line is unknown; ``""`` when nothing is known."""
    other = problem.file if problem.file and problem.file != budget_file else None
    if problem.line:
        if other:
            return word("place_file_line", lang).format(file=other, line=problem.line)
        return word("place_line", lang).format(line=problem.line)
    return other or ""


def _findings_sheet(sheet: _Sheet, computation: Computation, findings: list[Problem], lang: str) -> None:
    """Granskning: severity | place (``rad 42``) | message | code; a row saying so when there is none."""
    from grantcalc.messages import severity_word

    source = computation.budget.source
    budget_file = source.name if source is not None else None
    keys = ("severity", "place", "message", "code")
    header = [word(key, lang) for key in keys]
    places = [place(problem, budget_file, lang) for problem in findings]
    messages = [problem.message(lang) for problem in findings]
    sheet.wrap(1, [header[1], *places], WRAP_AT["place"])
    sheet.wrap(2, [header[2], *messages], WRAP_AT["message"])
    sheet.header(0, header)
    f = sheet.formats
    plain, wrapped = f.get(), f.get(wrap=True)
    row = 0
    for problem, where, message in zip(findings, places, messages):
        row += 1
        sheet.text(row, 0, severity_word(problem.severity, lang), plain)
        sheet.text(row, 1, where, wrapped)
        sheet.text(row, 2, message, wrapped)
        sheet.text(row, 3, problem.code, plain)
    if not findings:
        sheet.text(1, 0, word("no_findings", lang), plain, fit=False)
    else:
        sheet.ws.autofilter(0, 0, row, len(keys) - 1)
    sheet.ws.freeze_panes(1, 0)
    sheet.finish(0, lang, computation.budget.project.name)
