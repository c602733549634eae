"""Excel and CSV export, read back: every amount is the computed one, every total a live formula
that carries its computed value.

The workbooks are read with openpyxl, which stores formulas and does not
compute them; a small evaluator below computes ``=SUM(…)`` over ranges and
``+``/``−`` of cell references (across sheets too), so the tests see what a
spreadsheet shows, also after an amount is edited. What a program that does not
compute sees (the cached values) is read with ``pandas.read_excel`` and from the
XML itself. Where LibreOffice Calc is installed, one test lets it recalculate the
workbook. The print set-up is tested in tests/test_excel_print.py.
"""

from __future__ import annotations

import codecs
import csv
import errno
import io
import os
import re
import shutil
import subprocess
import sys
import zipfile
from collections import Counter
from decimal import Decimal
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
import xlsxwriter
import xlsxwriter.exceptions

import grantcalc
from grantcalc.cli import main
from grantcalc.compute.computation import months_value
from grantcalc.errors import SourceError
from grantcalc.report.csv import write_csv
from grantcalc.report.excel import export, write_excel

from .conftest import EXAMPLES, ROOT
from .helpers import workbooks

NAMES = ["oka-innanforskapet", "ljusdal-hallbart-arbetsliv", "gemensam-kraft"]
TOTALS = {"oka-innanforskapet": Decimal(5826420), "ljusdal-hallbart-arbetsliv": Decimal(2480208),
          "gemensam-kraft": Decimal(18588000)}
SHEETS_SV = ["Kostnader", "Finansiering", "Beräkning", "Granskning"]
SHEETS_EN = ["Costs", "Financing", "Computation", "Findings"]
MONEY_SV = '#,##0 "kr"'

# a budget with öre, one of them an amount that "%.16g" of a float turns into 882681877.4400001;
# Region carries the Coach line in cash, the municipality the room in kind
ORE = """\
project: {name: Öre och rader, funder: Förbundet}
period: {start: 2024-01-01, end: 2025-12-31}
rounding: {mode: half_up, step: 0.01}
lines:
  - {name: Stor, kind: one_off, category: Övriga kostnader, amount: 882681877.44, year: 2024}
  - {name: Coach, kind: salary, category: Lönekostnader, monthly_salary: 35000.5, on_cost: 1.4215, fte: 0.5}
  - {name: Rum, kind: in_kind, category: Lokalkostnader, party: Kommunen, amount: 1000, per: year}
financing:
  - {name: Förbundet, rest: true}
  - {name: Region, lines: [Coach]}
"""


# --- a tiny spreadsheet evaluator: SUM over ranges, + and − of references and numbers -----------
_REF = r"(?:(?:'(?P<quoted>[^']+)'|(?P<sheet>[^\W\d]\w*))!)?\$?(?P<col>[A-Z]{1,3})\$?(?P<row>\d+)"
_TERM = re.compile(rf"SUM\((?P<args>[^()]*)\)|{_REF}|(?P<number>\d+(?:\.\d+)?)")


def value_of(workbook, sheet: str, coordinate: str) -> Decimal:
    """What a spreadsheet shows in ``sheet!coordinate``, as an exact Decimal (empty: 0)."""
    value = workbook[sheet][coordinate].value
    if isinstance(value, str) and value.startswith("="):
        return evaluate(workbook, sheet, value)
    if value is None:
        return Decimal(0)
    assert isinstance(value, (int, float)) and not isinstance(value, bool), (sheet, coordinate, value)
    return Decimal(str(value))


def _range_sum(workbook, sheet: str, arg: str) -> Decimal:
    if ":" not in arg:
        match = re.fullmatch(_REF, arg)
        return value_of(workbook, match["quoted"] or match["sheet"] or sheet, f"{match['col']}{match['row']}")
    start, end = arg.split(":")
    match = re.fullmatch(_REF, start)
    target = match["quoted"] or match["sheet"] or sheet
    total = Decimal(0)
    for row in workbook[target][f"{match['col']}{match['row']}:{end.replace('$', '')}"]:
        for cell in row:
            if isinstance(cell.value, str) and not cell.value.startswith("="):
                continue  # SUM leaves text out
            total += value_of(workbook, target, cell.coordinate)
    return total


def evaluate(workbook, sheet: str, formula: str) -> Decimal:
    text = formula[1:]
    total, position, sign = Decimal(0), 0, 1
    while True:
        match = _TERM.match(text, position)
        assert match, f"cannot evaluate {formula!r} at {text[position:]!r}"
        if match["args"] is not None:
            term = sum((_range_sum(workbook, sheet, arg) for arg in match["args"].split(",")), Decimal(0))
        elif match["number"] is not None:
            term = Decimal(match["number"])
        else:
            term = value_of(workbook, match["quoted"] or match["sheet"] or sheet, f"{match['col']}{match['row']}")
        total += sign * term
        position = match.end()
        if position == len(text):
            return total
        assert text[position] in "+-", f"unexpected {text[position]!r} in {formula!r}"
        sign = 1 if text[position] == "+" else -1
        position += 1


def test_the_evaluator_itself():
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "A"
    other = wb.create_sheet("B b")
    ws["A1"], ws["A2"], ws["A3"], ws["B1"] = 5, 7, "text", "=SUM(A1:A3)"
    other["C3"] = "=A!B1-A!A1+'B b'!C4"
    other["C4"] = 100
    assert value_of(wb, "A", "B1") == 12
    assert value_of(wb, "B b", "C3") == 107


# --- reading a workbook back --------------------------------------------------------------------
def table(ws, heading: str) -> tuple[int, list, list[int], int]:
    """(header row, header, body rows, Summa row) of the table whose first header cell is ``heading``."""
    header_row = next(cell.row for cell in ws["A"] if cell.value == heading)
    header = [cell.value for cell in ws[header_row]]
    body, row = [], header_row + 1
    while ws.cell(row=row, column=1).value not in ("Summa", "Sum"):
        body.append(row)
        row += 1
        assert row < 1000, "no Summa row"
    return header_row, header, body, row


def column(header: list, label: str) -> int:
    """The (1-based) column of ``label`` in a header row."""
    return header.index(label) + 1


def amount(cell) -> Decimal | None:
    if cell.value is None:
        return None
    assert isinstance(cell.value, (int, float)) and not isinstance(cell.value, bool), (cell.coordinate, cell.value)
    return Decimal(str(cell.value))


def sheet_xml(path: Path, index: int) -> str:
    with zipfile.ZipFile(path) as archive:
        return archive.read(f"xl/worksheets/sheet{index}.xml").decode("utf-8")


@pytest.fixture(scope="module")
def written(tmp_path_factory):
    return workbooks(tmp_path_factory.mktemp("xlsx"))


# --- the sheets -----------------------------------------------------------------------------------
def test_sheet_names_in_swedish_and_english(written, tmp_path):
    computation, _, wb = written["oka-innanforskapet"]
    assert wb.sheetnames == SHEETS_SV
    english = openpyxl.load_workbook(write_excel(computation, tmp_path / "en.xlsx", lang="en"))
    assert english.sheetnames == SHEETS_EN


@pytest.mark.parametrize("name", NAMES)
def test_every_cost_amount_is_the_computed_one(written, name):
    computation, _, wb = written[name]
    ws = wb["Kostnader"]
    _, header, body, _ = table(ws, "Kostnadsslag")
    years = computation.years
    with_spec = any(line.specification for line in computation.budget.lines)
    assert header == ["Kostnadsslag", "Kostnadsrad", *(["Specifikation"] if with_spec else []),
                      *[y.label() for y in years], "Totalt"]
    first = column(header, years[0].label())
    assert len(body) == len(computation.budget.lines)
    for line, row in zip(computation.budget.lines, body):
        assert ws.cell(row=row, column=1).value == computation.budget.category(line.category).name("sv")
        assert ws.cell(row=row, column=2).value.startswith(line.name)
        cells = [amount(ws.cell(row=row, column=first + i)) for i in range(len(years))]
        if line.has_amount:
            assert cells == [computation.amount(line.name, y.key) for y in years], line.name
        else:  # in kind, no value stated: empty, never a made-up 0
            assert cells == [None] * len(years)


def test_the_specification_stands_beside_the_name_where_it_says_more(written, tmp_path):
    """An officer reads the line's name (the key the Beräkning sheet and the budget file use) and,
    in a column of its own, the document's specification; a specification that repeats the
    name is not repeated, and a budget without any has no such column."""
    _, _, wb = written["oka-innanforskapet"]
    ws = wb["Kostnader"]
    _, header, body, _ = table(ws, "Kostnadsslag")
    spec = column(header, "Specifikation")
    shown = {ws.cell(row=r, column=2).value: ws.cell(row=r, column=spec).value for r in body}
    assert shown["Resor"] == "Resor (inkl. milersättning), 32 000 kr/år"
    assert shown["EVI-coacher"] == "EVI-coacher 150 % (två coacher, årlig löneökn. 3,3 % enl. avtal)"
    assert shown["Dator, IT, telefon"] is None  # no specification
    assert ws.cell(row=body[0], column=spec).alignment.wrap_text
    calc = wb["Beräkning"]
    assert calc["H1"].value == "Specifikation"
    resor = [r for r in calc.iter_rows(min_row=2, values_only=True) if r[0] == "Resor"]
    assert {r[7] for r in resor} == {"Resor (inkl. milersättning), 32 000 kr/år"}
    _, gemensam_header, _, _ = table(written["gemensam-kraft"][2]["Kostnader"], "Kostnadsslag")
    assert "Specifikation" not in gemensam_header  # no line has one
    repeated = grantcalc.loads(ORE.replace("name: Stor,", "name: Stor, specification: \" stor \",")).compute()
    same = openpyxl.load_workbook(write_excel(repeated, tmp_path / "same.xlsx"))
    assert "Specifikation" not in table(same["Kostnader"], "Kostnadsslag")[1]


@pytest.mark.parametrize("name", NAMES)
def test_totals_and_summa_are_live_sums_giving_the_computed_totals(written, name):
    computation, _, wb = written[name]
    ws = wb["Kostnader"]
    _, header, body, summa = table(ws, "Kostnadsslag")
    years = computation.years
    first, total_col = column(header, years[0].label()), column(header, "Totalt")
    for line, row in zip(computation.budget.lines, body):
        formula = ws.cell(row=row, column=total_col).value
        assert formula.startswith("=SUM(")
        assert evaluate(wb, "Kostnader", formula) == computation.line_total(line.name)
    for i, y in enumerate(years):
        cell = ws.cell(row=summa, column=first + i)
        assert cell.value.startswith("=SUM(")
        assert value_of(wb, "Kostnader", cell.coordinate) == computation.year_total(y.key)
    total = ws.cell(row=summa, column=total_col)
    assert total.value.startswith("=SUM(")
    assert value_of(wb, "Kostnader", total.coordinate) == TOTALS[name] == computation.total


def test_ljusdal_2022_summa(written):
    _, _, wb = written["ljusdal-hallbart-arbetsliv"]
    _, header, _, summa = table(wb["Kostnader"], "Kostnadsslag")
    coordinate = wb["Kostnader"].cell(row=summa, column=column(header, "2022")).coordinate
    assert value_of(wb, "Kostnader", coordinate) == Decimal(1111403)


@pytest.mark.parametrize("name", NAMES)
def test_financing_sheet_reconciles_with_the_costs_by_formula(written, name):
    computation, _, wb = written[name]
    ws = wb["Finansiering"]
    financing = computation.financing
    _, header, body, summa = table(ws, "Finansiär")
    years = computation.years
    assert header == ["Finansiär", "i natura", *[y.label() for y in years], "Totalt"]
    assert [ws.cell(row=r, column=1).value for r in body] == [f.name for f in financing.rows]
    for funder, row in zip(financing.rows, body):
        assert ws.cell(row=row, column=2).value == ("ja" if funder.in_kind else None)
        assert [amount(ws.cell(row=row, column=3 + i)) for i in range(len(years))] == \
            [funder.amounts.get(y.key) for y in years]
        assert ws.cell(row=row, column=3 + len(years)).value.startswith("=SUM(")
    costs_row, difference_row = summa + 1, summa + 2
    assert ws.cell(row=costs_row, column=1).value == "Kostnader"
    assert ws.cell(row=difference_row, column=1).value == "Skillnad (finansiering \u2212 kostnader)"
    for i, key in enumerate([*[y.key for y in years], None]):
        col = 3 + i
        fin = ws.cell(row=summa, column=col)
        cost = ws.cell(row=costs_row, column=col)
        diff = ws.cell(row=difference_row, column=col)
        assert fin.value.startswith("=SUM(")
        assert "Kostnader" in cost.value and "!" in cost.value  # a reference to the cost sheet
        assert value_of(wb, "Finansiering", fin.coordinate) == \
            (financing.total if key is None else financing.year_total(key))
        assert value_of(wb, "Finansiering", cost.coordinate) == \
            (computation.total if key is None else computation.year_total(key))
        assert value_of(wb, "Finansiering", diff.coordinate) == 0  # the three examples balance


def test_editing_an_amount_changes_every_total(written):
    computation, path, _ = written["ljusdal-hallbart-arbetsliv"]
    wb = openpyxl.load_workbook(path)
    costs = wb["Kostnader"]
    _, header, body, summa = table(costs, "Kostnadsslag")
    first = body[0]  # Finsam-coacher, 2022
    c2022, total = openpyxl.utils.get_column_letter(column(header, "2022")), \
        openpyxl.utils.get_column_letter(column(header, "Totalt"))
    assert amount(costs[f"{c2022}{first}"]) == Decimal(943403)
    costs[f"{c2022}{first}"].value = 943403 + 1000
    assert value_of(wb, "Kostnader", f"{total}{first}") == computation.line_total("Finsam-coacher") + 1000
    assert value_of(wb, "Kostnader", f"{c2022}{summa}") == Decimal(1111403 + 1000)
    assert value_of(wb, "Kostnader", f"{total}{summa}") == Decimal(2480208 + 1000)
    fin = wb["Finansiering"]
    _, _, _, fin_summa = table(fin, "Finansiär")
    assert value_of(wb, "Finansiering", f"C{fin_summa + 1}") == Decimal(1111403 + 1000)
    assert value_of(wb, "Finansiering", f"C{fin_summa + 2}") == Decimal(-1000)  # no longer balances
    assert value_of(wb, "Finansiering", f"F{fin_summa + 2}") == Decimal(-1000)


def test_amounts_have_a_kronor_format_and_headers_are_bold_and_frozen(written):
    computation, _, wb = written["oka-innanforskapet"]
    ws = wb["Kostnader"]
    header_row, header, body, summa = table(ws, "Kostnadsslag")
    first = column(header, "2024")
    for row in [*body, summa]:
        for col in range(first, first + len(computation.years) + 1):
            assert ws.cell(row=row, column=col).number_format.startswith(MONEY_SV)
    assert ws.cell(row=body[0], column=first).number_format == MONEY_SV
    assert all(cell.font.b for cell in ws[header_row])
    assert ws.freeze_panes == f"C{header_row + 1}"
    # the names' column: as wide as its names up to a limit, the longer names wrap onto more lines
    names = [ws.cell(row=r, column=2).value for r in body]
    assert ws.column_dimensions["B"].width >= max(len(n) for n in names if len(n) <= 30)
    assert ws.column_dimensions["B"].width <= 40
    rent = next(r for r in body if ws.cell(row=r, column=2).value.startswith("Lokalhyra"))
    assert ws.cell(row=rent, column=2).alignment.wrap_text and ws.row_dimensions[rent].height >= 30
    assert wb["Finansiering"]["C5"].number_format == MONEY_SV
    assert wb["Beräkning"]["D2"].number_format == MONEY_SV
    assert wb["Beräkning"].freeze_panes == "B2"


def test_english_workbook(written, tmp_path):
    computation, _, _ = written["oka-innanforskapet"]
    wb = openpyxl.load_workbook(write_excel(computation, tmp_path / "en.xlsx", lang="en"))
    _, header, body, summa = table(wb["Costs"], "Category")
    assert header == ["Category", "Line", "Specification", "2024", "2025", "2026", "2027", "Total"]
    assert wb["Costs"].cell(row=summa, column=1).value == "Sum"
    assert wb["Costs"].cell(row=body[0], column=4).number_format == '"SEK "#,##0'
    assert value_of(wb, "Costs", f"H{summa}") == TOTALS["oka-innanforskapet"]
    _, fin_header, _, fin_summa = table(wb["Financing"], "Funder")
    assert fin_header[:2] == ["Funder", "in kind"]
    assert wb["Financing"].cell(row=fin_summa + 2, column=1).value == "Difference (financing \u2212 costs)"
    assert value_of(wb, "Financing", f"G{fin_summa + 2}") == 0
    assert [c.value for c in wb["Computation"][1]] == ["Line", "Category", "Year", "Amount", "Months", "Formula",
                                                       "Funder", "Specification"]
    findings = wb["Findings"]
    assert [c.value for c in findings[1]] == ["Severity", "Location", "Message", "Code"]
    assert findings["A2"].value == "warning" and findings["B2"].value == "line 22"
    assert "budgeteras" not in findings["C2"].value and "is budgeted with 9 months" in findings["C2"].value


def test_title_and_workbook_properties(written):
    _computation, _, wb = written["oka-innanforskapet"]
    ws = wb["Kostnader"]
    assert ws["A1"].value == "Öka innanförskapet – fler i arbete"
    assert "Västerbergslagens samordningsförbund" in ws["A2"].value and "2024-09-15 – 2027-09-14" in ws["A2"].value
    assert wb["Finansiering"]["A1"].value == ws["A1"].value
    assert wb.properties.title == "Öka innanförskapet – fler i arbete"
    assert wb.properties.subject == "Västerbergslagens samordningsförbund"
    assert wb.properties.creator == "grantcalc"
    assert wb.properties.description == "2024-09-15 – 2027-09-14"


def test_an_in_kind_amount_not_stated_stays_empty(written):
    _computation, _, wb = written["oka-innanforskapet"]
    costs = wb["Kostnader"]
    _, _, body, _ = table(costs, "Kostnadsslag")
    row = next(r for r in body if costs.cell(row=r, column=2).value.startswith("Lokalhyra"))
    assert costs.cell(row=row, column=2).value == "Lokalhyra (i natura: Smedjebackens kommun)"
    assert [costs.cell(row=row, column=c).value for c in range(4, 8)] == [None] * 4  # D…G: 2024–2027
    assert costs.cell(row=row, column=4).number_format == MONEY_SV  # an amount typed in shows as kronor
    total = costs.cell(row=row, column=8)
    assert total.value == f"=SUM(D{row}:G{row})"  # still live: a value typed in is counted
    assert total.number_format.endswith(';"\u2013"')  # shown as a dash while nothing is stated
    fin = wb["Finansiering"]
    _, _, body, _ = table(fin, "Finansiär")
    row = next(r for r in body if fin.cell(row=r, column=1).value == "Smedjebackens kommun")
    assert [fin.cell(row=r, column=c).value for r in [row] for c in range(3, 7)] == [None] * 4
    calc = wb["Beräkning"]
    lokal = [r for r in calc.iter_rows(min_row=2, values_only=True) if r[0] == "Lokalhyra"]
    assert len(lokal) == 4 and all(r[3] is None and r[6] == "Smedjebackens kommun" for r in lokal)


@pytest.mark.parametrize("name", NAMES)
def test_the_computation_sheet_is_the_long_form_with_years_as_numbers(written, name):
    computation, _, wb = written[name]
    ws = wb["Beräkning"]
    with_spec = any(line.specification for line in computation.budget.lines)
    assert [c.value for c in ws[1]] == ["Kostnadsrad", "Kostnadsslag", "År", "Belopp", "Månader", "Formel",
                                        "Finansiär", *(["Specifikation"] if with_spec else [])]
    rows = list(ws.iter_rows(min_row=2, values_only=False))
    cells = list(computation.cells())
    assert len(rows) == len(cells) == len(computation.budget.lines) * len(computation.years)
    for row, cell in zip(rows, cells):
        line = computation.budget.line(cell.line)
        assert row[0].value == cell.line
        assert row[2].value == cell.year and row[2].data_type == "n" and row[2].number_format == "0"
        assert amount(row[3]) == (cell.amount if line.has_amount else None)
        assert (row[5].value or "") == cell.formula_text("sv")
    assert sum((amount(r[3]) or Decimal(0) for r in rows), Decimal(0)) == TOTALS[name]
    assert all(c.alignment.horizontal == "right" for c in ws[1][2:4])  # År and Belopp over their numbers


def test_project_years_are_numbers_that_read_as_their_label(tmp_path):
    project = ORE.replace("period: {start: 2024-01-01, end: 2025-12-31}",
                          "period: {start: 2024-01-01, end: 2025-12-31, budget_years: project}").replace(
                          "year: 2024}", "year: 1}")
    wb = openpyxl.load_workbook(write_excel(grantcalc.loads(project), tmp_path / "p.xlsx"))
    years = [r[2] for r in wb["Beräkning"].iter_rows(min_row=2)]
    assert [c.value for c in years[:2]] == [1, 2]
    assert {c.number_format for c in years} == {'"År "0'}  # 1 reads "År 1" and sorts as a number
    assert table(wb["Kostnader"], "Kostnadsslag")[1][2:4] == ["År 1", "År 2"]


def test_year_format():
    from grantcalc.report.excel import year_format

    assert year_format("2024", 2024) == "0"
    assert year_format("År 1", 1) == '"År "0'
    assert year_format("Year 12", 12) == '"Year "0'
    assert year_format("2024/25", 2024) == '0"/25"'


def test_findings_sheet_is_for_a_reader(written):
    """Severity, the place as "rad 42", the message, the code last; no YAML paths."""
    oka = written["oka-innanforskapet"][2]["Granskning"]
    assert [c.value for c in oka[1]] == ["Typ", "Plats", "Meddelande", "Kod"]
    rows = list(oka.iter_rows(min_row=2, values_only=True))
    assert Counter(r[3] for r in rows) == Counter({"period.months": 1, "raise.salary": 2, "rate.conversion": 2,
                                                   "stated.formula": 1})
    assert {r[0] for r in rows} == {"varning"}
    assert [r[1] for r in rows] == ["rad 22", "rad 42", "rad 66", "rad 82", "rad 96", "rad 99"]
    months = next(r for r in rows if r[3] == "period.months")
    assert months[2].startswith("2027 budgeteras med 9 månader")
    for row in rows:  # nothing of the budget file's inner paths (period.months[2027], lines[0].by_year…)
        assert not any(re.search(r"\w\[\d+\]|\.yaml", str(value)) for value in row), row
    assert oka["C2"].alignment.wrap_text

    ljusdal = list(written["ljusdal-hallbart-arbetsliv"][2]["Granskning"].iter_rows(min_row=2, values_only=True))
    assert [r[3] for r in ljusdal] == ["plan.costs"]
    assert ljusdal[0][1] == "rad 106" and ljusdal[0][2].startswith("tids- och aktivitetsplanen:")

    gemensam = list(written["gemensam-kraft"][2]["Granskning"].iter_rows(min_row=2, values_only=True))
    assert gemensam == [("Inga anmärkningar", None, None, None)]


def test_findings_can_be_given(tmp_path):
    from grantcalc.errors import Problem, Severity

    computation = grantcalc.load(EXAMPLES / "oka-innanforskapet.yaml").compute()
    params = {"activities": "A", "plan": Decimal(10), "lines": "L", "cost": Decimal(12), "years": "2024",
              "difference": Decimal(-2)}
    given = [Problem("plan.costs", Severity.error, ("plan",), params, "b.yaml", 3),
             Problem("plan.costs", Severity.error, ("plan",), params, str(EXAMPLES / "oka-innanforskapet.yaml"), 7),
             Problem("plan.costs", Severity.info, (), params)]
    message = given[0].message("sv")
    wb = openpyxl.load_workbook(write_excel(computation, tmp_path / "a.xlsx", findings=given))
    assert list(wb["Granskning"].iter_rows(min_row=2, values_only=True)) == [
        ("fel", "b.yaml, rad 3", message, "plan.costs"),  # another file: named
        ("fel", "rad 7", message, "plan.costs"),  # the budget's own file: the line alone
        ("info", None, message, "plan.costs")]  # nowhere known: empty
    wb = openpyxl.load_workbook(write_excel(computation, tmp_path / "b.xlsx", findings=[]))
    assert wb["Granskning"]["A2"].value == "Inga anmärkningar"


# --- what a program that does not compute sees: the cached values ---------------------------------
@pytest.mark.parametrize("name", NAMES)
def test_pandas_read_excel_shows_every_totalt_and_summa(written, name):
    """pandas reads the cached values (it computes nothing): every Totalt and Summa, in the cost
    and the financing sheet, is the computation's figure, not 0 or empty."""
    computation, path, _ = written[name]
    years = computation.years
    labels = [y.label() for y in years]
    costs = pd.read_excel(path, sheet_name="Kostnader", header=3, dtype=object)
    costs.columns = [str(c) for c in costs.columns]
    by_line = costs.set_index("Kostnadsrad")
    for line in computation.budget.lines:
        name_shown = next(n for n in by_line.index if isinstance(n, str) and n.startswith(line.name))
        assert Decimal(str(by_line.loc[name_shown, "Totalt"])) == computation.line_total(line.name), line.name
    summa = costs[costs["Kostnadsslag"] == "Summa"].iloc[0]
    assert [Decimal(str(summa[label])) for label in labels] == [computation.year_total(y.key) for y in years]
    assert Decimal(str(summa["Totalt"])) == TOTALS[name]

    financing = pd.read_excel(path, sheet_name="Finansiering", header=3, dtype=object).set_index("Finansiär")
    financing.columns = [str(c) for c in financing.columns]
    for row in computation.financing.rows:
        assert Decimal(str(financing.loc[row.name, "Totalt"])) == row.total, row.name
    fin = computation.financing
    assert [Decimal(str(financing.loc["Summa", label])) for label in [*labels, "Totalt"]] == \
        [*[fin.year_total(y.key) for y in years], fin.total]
    assert [Decimal(str(financing.loc["Kostnader", label])) for label in [*labels, "Totalt"]] == \
        [*[computation.year_total(y.key) for y in years], computation.total]
    assert {Decimal(str(v)) for v in financing.loc["Skillnad (finansiering \u2212 kostnader)", [*labels, "Totalt"]]} \
        == {Decimal(0)}


@pytest.mark.parametrize("name", NAMES)
def test_every_formula_carries_its_value_as_a_number(written, name):
    _, path, _ = written[name]
    for index in (1, 2):
        xml = sheet_xml(path, index)
        formulas = re.findall(r"<c [^>]*><f>[^<]*</f>(?:<v>[^<]*</v>)?</c>", xml)
        assert formulas
        for cell in formulas:
            assert re.search(r"<v>-?\d+(\.\d+)?</v>", cell), cell  # a value, a plain number
            assert ' t="str"' not in cell  # typed as a number, not as a text


# --- öre, exactness, names that look like formulas ---------------------------------------------
def test_ore_are_written_exactly_and_shown_with_decimals(tmp_path):
    computation = grantcalc.loads(ORE).compute()
    assert computation.amount("Stor", 2024) == Decimal("882681877.44")
    path = write_excel(computation, tmp_path / "ore.xlsx")
    xml = sheet_xml(path, 1)
    assert "<v>882681877.44</v>" in xml and "882681877.4400001" not in xml  # never through a float
    # the cached values of the formulas are the exact sums too: Stor's Totalt, and the Summa of all
    assert re.search(r"<f>SUM\(C5:D5\)</f><v>882681877.44</v>", xml)
    assert "<v>883280915.96</v>" in xml
    financing = sheet_xml(path, 2)
    assert "<v>883280915.96</v>" in financing and "e+" not in financing.lower()
    wb = openpyxl.load_workbook(path)
    ws = wb["Kostnader"]
    _, _, body, summa = table(ws, "Kostnadsslag")
    assert ws.cell(row=body[0], column=3).number_format == '#,##0.00 "kr"'
    assert amount(ws.cell(row=body[1], column=3)) == computation.amount("Coach", 2024) == Decimal("298519.26")
    assert value_of(wb, "Kostnader", f"E{summa}") == computation.total == Decimal("883280915.96")
    fin = wb["Finansiering"]
    _, _, _, fin_summa = table(fin, "Finansiär")
    assert value_of(wb, "Finansiering", f"E{fin_summa + 2}") == 0


def test_exact_number_is_the_decimal_text_whatever_the_format():
    from grantcalc.report.excel import ExactNumber

    value = ExactNumber(Decimal("882681877.44"))
    assert f"{value:.16G}" == f"{value}" == str(value) == "882681877.44"
    assert f"{ExactNumber(Decimal('1E+3')):.16G}" == "1000" and str(ExactNumber(Decimal("-0.50"))) == "-0.50"
    assert value == Decimal("882681877.44") and isinstance(value, Decimal)


def test_funder_column_names_the_row_that_carries_a_line():
    computation = grantcalc.loads(ORE).compute()
    frame = computation.to_frame()
    carriers = dict(zip(frame.line, frame.funder))
    assert carriers == {"Stor": None, "Coach": "Region", "Rum": "Kommunen"}
    oka = grantcalc.load(EXAMPLES / "oka-innanforskapet.yaml").compute()
    assert [r.lines for r in oka.financing.rows] == [(), ("Lokalhyra",)]  # what the financing says
    frame = oka.to_frame("long")
    assert list(frame.columns) == ["line", "category", "year", "year_label", "amount", "months", "formula",
                                   "kind", "in_kind", "funder"]
    assert set(frame[frame.line == "Lokalhyra"].funder) == {"Smedjebackens kommun"}
    assert all(f is None for f in frame[frame.line != "Lokalhyra"].funder)


def test_a_line_named_like_a_formula_stays_text(tmp_path):
    computation = grantcalc.loads(ORE.replace("name: Stor", "name: \"=1+1\"")).compute()
    path = write_excel(computation, tmp_path / "f.xlsx")
    wb = openpyxl.load_workbook(path)
    _, _, body, _ = table(wb["Kostnader"], "Kostnadsslag")
    cell = wb["Kostnader"].cell(row=body[0], column=2)
    assert cell.value == "=1+1" and cell.data_type == "s"
    assert "<f>1+1</f>" not in sheet_xml(path, 1)


# --- the frames --------------------------------------------------------------------------------
def test_category_and_funder_frames():
    computation = grantcalc.load(EXAMPLES / "oka-innanforskapet.yaml").compute()
    frame = computation.to_frame("category")
    assert list(frame.columns) == ["2024", "2025", "2026", "2027", "Totalt"]
    assert frame.index.name == "category"
    assert next(iter(frame.index)) == "Lönekostnader" and list(frame.index)[-1] == "Summa"
    assert frame.loc["Lönekostnader", "Totalt"] == Decimal(5428589)
    assert frame.loc["Summa", "Totalt"] == Decimal(5826420)
    assert sum(frame.drop(index="Summa")["Totalt"], Decimal(0)) == Decimal(5826420)
    assert all(type(v) is Decimal for v in frame["2024"])
    english = computation.to_frame("category", lang="en", totals=False)
    assert "Staff costs" in english.index and "Summa" not in english.index and "Total" in english.columns
    funders = computation.to_frame("funder")
    assert funders.equals(computation.financing.to_frame())
    assert funders.loc["Västerbergslagens samordningsförbund", "Totalt"] == Decimal(5826420)
    with pytest.raises(ValueError, match="'long', 'wide', 'category' or 'funder'"):
        computation.to_frame("tall")


# --- CSV ---------------------------------------------------------------------------------------
def read_swedish(path: Path) -> list[dict[str, str]]:
    """The Swedish dialect read as a Swedish spreadsheet reads it: the BOM says UTF-8, `;` separates."""
    raw = path.read_bytes()
    assert raw.startswith(codecs.BOM_UTF8)
    text = raw.decode("utf-8-sig")
    assert csv.Sniffer().sniff(text.splitlines()[0] + "\n" + text.splitlines()[1]).delimiter == ";"
    return list(csv.DictReader(io.StringIO(text, newline=""), delimiter=";"))


def swedish_number(text: str) -> Decimal:
    """A number as a Swedish spreadsheet reads it: a decimal comma, no thousands separator."""
    assert re.fullmatch(r"-?\d+(,\d+)?", text), text
    return Decimal(text.replace(",", "."))


@pytest.mark.parametrize("name", NAMES)
def test_csv_is_for_a_swedish_spreadsheet_by_default(tmp_path, name):
    computation = grantcalc.load(EXAMPLES / f"{name}.yaml").compute()
    path = computation.to_csv(tmp_path / f"{name}.csv")
    assert path == tmp_path / f"{name}.csv"
    rows = read_swedish(path)
    with_spec = any(line.specification for line in computation.budget.lines)
    assert list(rows[0]) == ["Kostnadsrad", "Kostnadsslag", "År", "Belopp", "Månader", "Formel", "Finansiär",
                             *(["Specifikation"] if with_spec else [])]
    assert len(rows) == len(computation.budget.lines) * len(computation.years)
    amounts = [swedish_number(r["Belopp"]) for r in rows if r["Belopp"]]
    assert sum(amounts, Decimal(0)) == TOTALS[name]
    for row, cell in zip(rows, computation.cells()):
        assert row["Kostnadsrad"] == cell.line and row["År"] == str(cell.year)
        assert swedish_number(row["Månader"]) == months_value(cell.months)
        if row["Belopp"]:
            assert swedish_number(row["Belopp"]) == cell.amount
    assert path.read_bytes().count(b"\r\n") == len(rows) + 1  # CRLF, as Excel writes CSV


def test_csv_swedish_decimal_commas_are_exact(tmp_path):
    path = write_csv(grantcalc.loads(ORE), tmp_path / "ore.csv")
    text = path.read_text(encoding="utf-8-sig")
    assert text.splitlines()[0] == '"Kostnadsrad";"Kostnadsslag";"År";"Belopp";"Månader";"Formel";"Finansiär"'
    assert '"Stor";"Övriga kostnader";"2024";"882681877,44";"12";' in text  # exact, decimal comma, no grouping
    assert ';"298519,26";' in text
    rows = read_swedish(path)
    assert sum((swedish_number(r["Belopp"]) for r in rows), Decimal(0)) == Decimal("883280915.96")


def test_csv_machine_dialect_is_the_form_for_programs(tmp_path):
    """`dialect="machine"`: commas, decimal points, UTF-8 without BOM, the seven columns, as before."""
    path = write_csv(grantcalc.loads(ORE), tmp_path / "ore.csv", lang="en", dialect="machine")
    raw = path.read_bytes()
    assert not raw.startswith(codecs.BOM_UTF8)
    text = raw.decode("utf-8")
    assert text.splitlines()[0] == "Line,Category,Year,Amount,Months,Formula,Funder"
    assert "Stor,Other costs,2024,882681877.44,12," in text
    with open(path, encoding="utf-8", newline="") as stream:
        rows = list(csv.DictReader(stream))
    assert sum((Decimal(r["Amount"]) for r in rows), Decimal(0)) == Decimal("883280915.96")
    assert {r["Funder"] for r in rows if r["Line"] == "Coach"} == {"Region"}
    oka = grantcalc.load(EXAMPLES / "oka-innanforskapet.yaml").compute()
    with open(oka.to_csv(tmp_path / "oka.csv", dialect="machine"), encoding="utf-8", newline="") as stream:
        machine = list(csv.reader(stream))
    assert machine[0] == ["Kostnadsrad", "Kostnadsslag", "År", "Belopp", "Månader", "Formel", "Finansiär"]
    assert machine[1][:5] == ["Processledare/samordnare", "Lönekostnader", "2024", "210479", "3.5"]


def test_csv_dialect_is_checked():
    with pytest.raises(ValueError, match="'swedish', 'machine'"):
        write_csv(grantcalc.loads(ORE), "never.csv", dialect="excel")
    assert not Path("never.csv").exists()


# --- the Python calls and their errors -----------------------------------------------------------
def test_to_excel_refuses_an_existing_file_without_force(tmp_path):
    computation = grantcalc.load(EXAMPLES / "gemensam-kraft.yaml").compute()
    path = computation.to_excel(tmp_path / "budget.xlsx")
    assert path == tmp_path / "budget.xlsx"
    path.write_bytes(b"mine")
    with pytest.raises(SourceError) as err:
        computation.to_excel(path)
    assert err.value.problems[0].code == "output.exists"
    assert path.read_bytes() == b"mine"
    computation.to_excel(path, force=True)
    assert openpyxl.load_workbook(path).sheetnames == SHEETS_SV


def test_suffixes_are_checked(tmp_path):
    computation = grantcalc.load(EXAMPLES / "gemensam-kraft.yaml").compute()
    with pytest.raises(SourceError) as err:
        write_excel(computation, tmp_path / "budget.csv")
    assert err.value.problems[0].code == "export.excel_suffix"
    with pytest.raises(SourceError) as err:
        export(computation, tmp_path / "budget.ods")
    assert err.value.problems[0].code == "export.format"
    assert ".xlsx" in err.value.problems[0].message("sv") and ".csv" in err.value.problems[0].message("sv")
    assert export(computation, tmp_path / "b.CSV").read_text(encoding="utf-8-sig").startswith('"Kostnadsrad";')
    assert export(computation, tmp_path / "m.csv", csv_dialect="machine").read_text(
        encoding="utf-8").startswith("Kostnadsrad,")
    assert sorted(tmp_path.iterdir()) == [tmp_path / "b.CSV", tmp_path / "m.csv"]


# --- the command line ----------------------------------------------------------------------------
def run(capsys, *argv) -> tuple[int, str]:
    code = main(["export", *argv])
    out, err = capsys.readouterr()
    assert out == ""
    assert "Traceback" not in err and "internt fel" not in err, err
    return code, err


def test_more_rows_than_an_excel_sheet_holds_is_refused_not_cut(tmp_path, monkeypatch, capsys):
    """Excel's sheets hold 1 048 576 rows; XlsxWriter would drop the rest without a word. A budget
    whose Beräkning sheet would be longer is refused with a message that points to CSV."""
    import grantcalc.report.excel as excel

    monkeypatch.setattr(excel, "EXCEL_ROWS", 40)  # Gemensam kraft: 12 lines × 4 years + a header = 49 rows
    computation = grantcalc.load(EXAMPLES / "gemensam-kraft.yaml").compute()
    with pytest.raises(SourceError) as err:
        write_excel(computation, tmp_path / "stor.xlsx")
    [problem] = err.value.problems
    assert problem.code == "export.too_many_rows"
    assert problem.message("sv") == (f"{tmp_path / 'stor.xlsx'}: fliken Beräkning skulle få 49 rader (en per "
                                     "kostnadsrad och budgetår), men en flik i Excel rymmer högst 40; skriv "
                                     "budgeten som CSV i stället, t.ex. -o budget.csv")
    code, stderr = run(capsys, str(EXAMPLES / "gemensam-kraft.yaml"), "-o", str(tmp_path / "stor.xlsx"))
    assert code == 2 and "skriv budgeten som CSV i stället" in stderr
    assert list(tmp_path.iterdir()) == []
    assert export(computation, tmp_path / "stor.csv").exists()  # the CSV has no such limit


def test_cli_writes_the_budget_name_with_xlsx_in_the_current_folder(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    code, err = run(capsys, str(EXAMPLES / "oka-innanforskapet.yaml"))
    assert code == 0
    assert err == "Skrev oka-innanforskapet.xlsx\n"
    wb = openpyxl.load_workbook(tmp_path / "oka-innanforskapet.xlsx")
    assert wb.sheetnames == SHEETS_SV
    assert sorted(p.name for p in tmp_path.iterdir()) == ["oka-innanforskapet.xlsx"]


def test_cli_csv_and_english(tmp_path, capsys):
    target = tmp_path / "ut.csv"
    code, err = run(capsys, str(EXAMPLES / "ljusdal-hallbart-arbetsliv.yaml"), "-o", str(target), "--lang", "en")
    assert code == 0
    assert err == f"Wrote {target}\n"
    assert target.read_text(encoding="utf-8-sig").startswith('"Line";"Category";"Year";"Amount";')


def test_cli_csv_dialects(tmp_path, capsys):
    target = tmp_path / "ut.csv"
    code, _ = run(capsys, str(EXAMPLES / "oka-innanforskapet.yaml"), "-o", str(target), "--csv-dialect", "machine")
    assert code == 0
    assert target.read_bytes().startswith(b"Kostnadsrad,Kostnadsslag,")
    assert b"\n2024," not in target.read_bytes() and ",3.5," in target.read_text(encoding="utf-8")
    code, _ = run(capsys, str(EXAMPLES / "oka-innanforskapet.yaml"), "-o", str(target), "--csv-dialect", "swedish",
                  "--force")
    assert code == 0
    assert target.read_bytes().startswith(codecs.BOM_UTF8 + b'"Kostnadsrad";"Kostnadsslag"')
    assert ';"3,5";' in target.read_text(encoding="utf-8-sig")
    with pytest.raises(SystemExit) as exit_:
        main(["export", str(EXAMPLES / "oka-innanforskapet.yaml"), "-o", str(target), "--csv-dialect", "excel"])
    assert exit_.value.code == 2
    assert "ogiltigt val: 'excel'" in capsys.readouterr().err


def test_cli_refuses_an_existing_file_and_overwrites_with_force(tmp_path, capsys):
    target = tmp_path / "budget.xlsx"
    target.write_bytes(b"my own workbook")
    code, err = run(capsys, str(EXAMPLES / "gemensam-kraft.yaml"), "-o", str(target))
    assert code == 2
    assert err == f"{target} finns redan: välj ett annat namn eller lägg till --force för att skriva över\n"
    assert target.read_bytes() == b"my own workbook"
    assert list(tmp_path.iterdir()) == [target]

    code, err = run(capsys, str(EXAMPLES / "gemensam-kraft.yaml"), "-o", str(target), "--force")
    assert code == 0 and err.startswith("Skrev ")
    assert openpyxl.load_workbook(target).sheetnames == SHEETS_SV
    assert list(tmp_path.iterdir()) == [target]


def test_cli_bad_suffix(tmp_path, capsys):
    code, err = run(capsys, str(EXAMPLES / "gemensam-kraft.yaml"), "-o", str(tmp_path / "budget.ods"))
    assert code == 2
    assert "budget.ods: filändelsen väljer formatet, .xlsx (Excel-arbetsbok) eller .csv" in err
    assert list(tmp_path.iterdir()) == []


def test_cli_standard_input_needs_a_name(capsys):
    code, err = run(capsys, "-")
    assert code == 2
    assert err == "ange utfilen med -o, t.ex. -o budget.xlsx eller -o budget.csv\n"


def test_cli_missing_budget(tmp_path, capsys):
    code, err = run(capsys, str(tmp_path / "finns-inte.yaml"), "-o", str(tmp_path / "x.xlsx"))
    assert code == 2
    assert err.endswith("finns-inte.yaml: filen finns inte\n")
    assert list(tmp_path.iterdir()) == []


def test_a_failure_halfway_leaves_the_earlier_file_and_no_temporary_file(tmp_path, monkeypatch, capsys):
    target = tmp_path / "budget.xlsx"
    target.write_bytes(b"the earlier workbook")

    def broken_close(self):
        Path(self.filename).write_bytes(b"PK\x03\x04 half a workbook")
        raise xlsxwriter.exceptions.FileCreateError(OSError(errno.ENOSPC, "No space left on device"))

    monkeypatch.setattr(xlsxwriter.Workbook, "close", broken_close)
    code, err = run(capsys, str(EXAMPLES / "oka-innanforskapet.yaml"), "-o", str(target), "--force")
    assert code == 2
    assert err == f"{target} kan inte skrivas: disken är full\n"
    assert target.read_bytes() == b"the earlier workbook"
    assert list(tmp_path.iterdir()) == [target]


@pytest.mark.slow  # seconds of subprocesses or examples: with the long campaigns
def test_cli_in_a_subprocess_and_xlsxwriter_only_when_exporting(tmp_path):
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    env.pop("GRANTCALC_DEBUG", None)
    result = subprocess.run([sys.executable, "-m", "grantcalc", "export", str(EXAMPLES / "gemensam-kraft.yaml")],
                            cwd=tmp_path, capture_output=True, text=True, encoding="utf-8", env=env, timeout=60)
    assert result.returncode == 0 and result.stderr == "Skrev gemensam-kraft.xlsx\n", result.stderr
    probe = ("import sys; from grantcalc.cli import main; main(['show', sys.argv[1]]); "
             "sys.exit('xlsxwriter' in sys.modules or 'openpyxl' in sys.modules)")
    result = subprocess.run([sys.executable, "-c", probe, str(EXAMPLES / "gemensam-kraft.yaml")], cwd=ROOT,
                            capture_output=True, text=True, encoding="utf-8", env=env, timeout=60)
    assert result.returncode == 0, "grantcalc show imported a workbook library"


# --- LibreOffice computes the same totals, and reads the Swedish CSV in columns ---------------------
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


def libreoffice(tmp_path: Path, source: Path, target: str, out: Path, infilter: str | None = None) -> list[Path]:
    """Convert ``source`` with LibreOffice (a profile of its own); the files it wrote, or a skip
    when LibreOffice Calc is not there."""
    profile = (tmp_path / "lo-profile").as_uri()  # no clash with a running LibreOffice
    command = [SOFFICE, f"-env:UserInstallation={profile}", "--headless"]
    if infilter:
        command.append(f"--infilter={infilter}")
    result = subprocess.run([*command, "--convert-to", target, "--outdir", str(out), str(source)],
                            capture_output=True, text=True, timeout=240)
    produced = sorted(out.iterdir()) if out.exists() else []
    if not produced:
        probe = tmp_path / "probe.csv"
        probe.write_text("1\n", encoding="utf-8")
        check = subprocess.run([SOFFICE, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "xlsx",
                                "--outdir", str(tmp_path / "probe"), str(probe)], capture_output=True, timeout=240)
        if not (tmp_path / "probe" / "probe.xlsx").exists():
            pytest.skip(f"LibreOffice Calc is not installed ({check.stderr.decode(errors='replace').strip()})")
        pytest.fail(f"LibreOffice could not convert {source.name}: {result.stdout} {result.stderr}")
    return produced


@pytest.mark.slow  # LibreOffice: with the long campaigns (pytest -m slow)
@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice is not installed: the workbook was not recalculated")
def test_libreoffice_recalculates_the_same_totals(tmp_path):
    path = write_excel(grantcalc.load(EXAMPLES / "ljusdal-hallbart-arbetsliv.yaml"), tmp_path / "ljusdal.xlsx")
    out = tmp_path / "csv"
    # UTF-8, values not as shown, every sheet to a file of its own (LibreOffice 7.2+)
    libreoffice(tmp_path, path, "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1", out)

    def rows(sheet: str) -> list[list[str]]:
        with open(out / f"ljusdal-{sheet}.csv", encoding="utf-8", newline="") as stream:
            return list(csv.reader(stream))

    costs = rows("Kostnader")
    header = next(r for r in costs if r[:1] == ["Kostnadsslag"])
    summa = next(r for r in costs if r[:1] == ["Summa"])
    first = header.index("2022")
    assert [Decimal(v) for v in summa[first:]] == [Decimal(1111403), Decimal(1085966), Decimal(282839),
                                                   Decimal(2480208)]
    difference = next(r for r in rows("Finansiering") if r[0].startswith("Skillnad"))
    assert [Decimal(v) for v in difference[2:]] == [Decimal(0)] * 4


@pytest.mark.slow
@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice is not installed")
def test_libreoffice_in_swedish_reads_the_csv_in_columns_with_numbers(tmp_path):
    """LibreOffice set to Swedish (language 1053, sv-SE) reads the default CSV as a Swedish user's
    spreadsheet does: one column per field, amounts and months as numbers (the decimal comma
    is the locale's), öre exact."""
    path = write_csv(grantcalc.loads(ORE), tmp_path / "ore.csv")
    oka = write_csv(grantcalc.load(EXAMPLES / "oka-innanforskapet.yaml"), tmp_path / "oka.csv")
    # the CSV filter's options: the separators, quote " (34), UTF-8 (76), from row 1, column formats
    # standard, language sv-SE (1053), the decimal sign of a Swedish Calc. Separators: ; (59), as a
    # Swedish Excel splits; and tab, comma and semicolon (9/44/59), what LibreOffice's import dialog
    # has ticked when it was never told otherwise
    for separators in ("59", "9/44/59"):
        out = tmp_path / f"xlsx-{separators.replace('/', '-')}"
        for source in (path, oka):
            libreoffice(tmp_path, source, "xlsx", out, infilter=f"CSV:{separators},34,76,1,,1053")
        _read_back_in_columns(out)


def _read_back_in_columns(out: Path) -> None:
    ore = openpyxl.load_workbook(out / "ore.xlsx").active
    header = [c.value for c in ore[1]]
    assert header == ["Kostnadsrad", "Kostnadsslag", "År", "Belopp", "Månader", "Formel", "Finansiär"]
    stor = [c.value for c in ore[2]]
    assert stor[0] == "Stor" and stor[2] == 2024 and stor[4] == 12
    assert isinstance(stor[3], float) and Decimal(str(stor[3])) == Decimal("882681877.44")
    coach = [c.value for c in ore[4]]
    assert coach[0] == "Coach" and Decimal(str(coach[3])) == Decimal("298519.26")
    ws = openpyxl.load_workbook(out / "oka.xlsx").active
    first = [c.value for c in ws[2]]
    assert first[:5] == ["Processledare/samordnare", "Lönekostnader", 2024, 210479, 3.5]
    assert first[5] == grantcalc.load(EXAMPLES / "oka-innanforskapet.yaml").compute().cell(
        "Processledare/samordnare", 2024).formula_text("sv")
    total = sum((Decimal(str(r[3].value)) for r in ws.iter_rows(min_row=2) if r[3].value is not None), Decimal(0))
    assert total == TOTALS["oka-innanforskapet"]
    assert ws.max_column == 8  # no field split at a comma
    assert "Dator, IT, telefon" in [r[0].value for r in ws.iter_rows(min_row=2)]
