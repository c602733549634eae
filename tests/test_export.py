"""Excel and CSV export, read back: every amount is the computed one, every total a live formula.

The workbooks are read with openpyxl, which stores formulas and does not
compute them; a small evaluator below computes ``=SUM(…)`` over ranges and
``+``/``−`` of cell references (across sheets too), so the tests see what a
spreadsheet shows, also after an amount is edited. Where LibreOffice Calc is
installed, one test lets it recalculate the workbook.
"""

from __future__ import annotations

import csv
import errno
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
import pytest

import grantcalc
from grantcalc.cli import main
from grantcalc.errors import SourceError
from grantcalc.report.excel import export, write_csv, write_excel

from .conftest import EXAMPLES, ROOT

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


def amount(cell) -> Decimal | None:
    if cell.value is None:
        return None
    assert isinstance(cell.value, (int, float)) and not isinstance(cell.value, bool), (cell.coordinate, cell.value)
    return Decimal(str(cell.value))


@pytest.fixture(scope="module")
def written(tmp_path_factory):
    folder = tmp_path_factory.mktemp("xlsx")
    out = {}
    for name in NAMES:
        computation = grantcalc.load(EXAMPLES / f"{name}.yaml").compute()
        path = write_excel(computation, folder / f"{name}.xlsx")
        out[name] = (computation, path, openpyxl.load_workbook(path))
    return out


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
    assert header == ["Kostnadsslag", "Kostnadsrad", *[y.label() for y in years], "Totalt"]
    assert len(body) == len(computation.budget.lines)
    for line, row in zip(computation.budget.lines, body):
        assert ws.cell(row=row, column=1).value == computation.budget.category(line.category).name("sv")
        assert ws.cell(row=row, column=2).value.startswith(line.name)
        cells = [amount(ws.cell(row=row, column=3 + i)) for i in range(len(years))]
        if line.has_amount:
            assert cells == [computation.amount(line.name, y.key) for y in years], line.name
        else:  # in kind, no value stated: empty, never a made-up 0
            assert cells == [None] * len(years)


@pytest.mark.parametrize("name", NAMES)
def test_totals_and_summa_are_live_sums_giving_the_computed_totals(written, name):
    computation, _, wb = written[name]
    ws = wb["Kostnader"]
    _, _, body, summa = table(ws, "Kostnadsslag")
    years = computation.years
    total_col = 3 + len(years)
    for line, row in zip(computation.budget.lines, body):
        formula = ws.cell(row=row, column=total_col).value
        assert formula.startswith("=SUM(")
        assert evaluate(wb, "Kostnader", formula) == computation.line_total(line.name)
    for i, y in enumerate(years):
        cell = ws.cell(row=summa, column=3 + i)
        assert cell.value.startswith("=SUM(")
        assert value_of(wb, "Kostnader", cell.coordinate) == computation.year_total(y.key)
    total = ws.cell(row=summa, column=total_col)
    assert total.value.startswith("=SUM(")
    assert value_of(wb, "Kostnader", total.coordinate) == TOTALS[name] == computation.total


def test_ljusdal_2022_summa(written):
    _, _, wb = written["ljusdal-hallbart-arbetsliv"]
    _, header, _, summa = table(wb["Kostnader"], "Kostnadsslag")
    column = header.index("2022") + 1
    assert value_of(wb, "Kostnader", wb["Kostnader"].cell(row=summa, column=column).coordinate) == Decimal(1111403)


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
        column = 3 + i
        fin = ws.cell(row=summa, column=column)
        cost = ws.cell(row=costs_row, column=column)
        diff = ws.cell(row=difference_row, column=column)
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
    _, _, body, summa = table(costs, "Kostnadsslag")
    first = body[0]  # Finsam-coacher, 2022 in column C
    assert amount(costs.cell(row=first, column=3)) == Decimal(943403)
    costs.cell(row=first, column=3).value = 943403 + 1000
    assert value_of(wb, "Kostnader", f"F{first}") == computation.line_total("Finsam-coacher") + 1000
    assert value_of(wb, "Kostnader", f"C{summa}") == Decimal(1111403 + 1000)
    assert value_of(wb, "Kostnader", f"F{summa}") == Decimal(2480208 + 1000)
    fin = wb["Finansiering"]
    _, _, _, fin_summa = table(fin, "Finansiär")
    assert value_of(wb, "Finansiering", f"C{fin_summa + 1}") == Decimal(1111403 + 1000)
    assert value_of(wb, "Finansiering", f"C{fin_summa + 2}") == Decimal(-1000)  # no longer balances
    assert value_of(wb, "Finansiering", f"F{fin_summa + 2}") == Decimal(-1000)


def test_amounts_have_a_kronor_format_and_headers_are_bold_and_frozen(written):
    computation, _, wb = written["oka-innanforskapet"]
    ws = wb["Kostnader"]
    header_row, _, body, summa = table(ws, "Kostnadsslag")
    for row in [*body, summa]:
        for column in range(3, 3 + len(computation.years) + 1):
            assert ws.cell(row=row, column=column).number_format.startswith(MONEY_SV)
    assert ws.cell(row=body[0], column=3).number_format == MONEY_SV
    assert all(cell.font.b for cell in ws[header_row])
    assert ws.freeze_panes == f"C{header_row + 1}"
    longest = max(len(ws.cell(row=r, column=2).value) for r in body)
    assert ws.column_dimensions["B"].width >= longest
    assert wb["Finansiering"]["C5"].number_format == MONEY_SV
    assert wb["Beräkning"]["D2"].number_format == MONEY_SV
    assert wb["Beräkning"].freeze_panes == "A2"


def test_english_workbook(written, tmp_path):
    computation, _, _ = written["oka-innanforskapet"]
    wb = openpyxl.load_workbook(write_excel(computation, tmp_path / "en.xlsx", lang="en"))
    _, header, body, summa = table(wb["Costs"], "Category")
    assert header == ["Category", "Line", "2024", "2025", "2026", "2027", "Total"]
    assert wb["Costs"].cell(row=summa, column=1).value == "Sum"
    assert wb["Costs"].cell(row=body[0], column=3).number_format == '"SEK "#,##0'
    assert value_of(wb, "Costs", f"G{summa}") == TOTALS["oka-innanforskapet"]
    _, fin_header, _, fin_summa = table(wb["Financing"], "Funder")
    assert fin_header[:2] == ["Funder", "in kind"]
    assert wb["Financing"].cell(row=fin_summa + 2, column=1).value == "Difference (financing \u2212 costs)"
    assert value_of(wb, "Financing", f"G{fin_summa + 2}") == 0
    assert [c.value for c in wb["Computation"][1]] == ["Line", "Category", "Year", "Amount", "Months", "Formula",
                                                       "Funder"]
    findings = wb["Findings"]
    assert [c.value for c in findings[1]] == ["Severity", "Code", "Location", "Field", "Message"]
    assert findings["A2"].value == "warning"
    assert "budgeteras" not in findings["E2"].value and "is budgeted with 9 months" in findings["E2"].value


def test_title_and_workbook_properties(written):
    _computation, _, wb = written["oka-innanforskapet"]
    ws = wb["Kostnader"]
    assert ws["A1"].value == "Öka innanförskapet – fler i arbete"
    assert "Västerbergslagens samordningsförbund" in ws["A2"].value and "2024-09-15 – 2027-09-14" in ws["A2"].value
    assert wb["Finansiering"]["A1"].value == ws["A1"].value
    assert wb.properties.title == "Öka innanförskapet – fler i arbete"
    assert wb.properties.subject == "Västerbergslagens samordningsförbund"
    assert wb.properties.language == "sv-SE"


def test_an_in_kind_amount_not_stated_stays_empty(written):
    _computation, _, wb = written["oka-innanforskapet"]
    costs = wb["Kostnader"]
    _, _, body, _ = table(costs, "Kostnadsslag")
    row = next(r for r in body if costs.cell(row=r, column=2).value.startswith("Lokalhyra"))
    assert costs.cell(row=row, column=2).value == "Lokalhyra (i natura: Smedjebackens kommun)"
    assert [costs.cell(row=row, column=c).value for c in range(3, 7)] == [None] * 4
    total = costs.cell(row=row, column=7)
    assert total.value == f"=SUM(C{row}:F{row})"  # still live: a value typed in is counted
    assert total.number_format.endswith(';"\u2013"')  # shown as a dash while nothing is stated
    fin = wb["Finansiering"]
    _, _, body, _ = table(fin, "Finansiär")
    row = next(r for r in body if fin.cell(row=r, column=1).value == "Smedjebackens kommun")
    assert [fin.cell(row=r, column=c).value for r in [row] for c in range(3, 7)] == [None] * 4
    calc = wb["Beräkning"]
    lokal = [r for r in calc.iter_rows(min_row=2, values_only=True) if r[0] == "Lokalhyra"]
    assert len(lokal) == 4 and all(r[3] is None and r[6] == "Smedjebackens kommun" for r in lokal)


@pytest.mark.parametrize("name", NAMES)
def test_the_computation_sheet_is_the_long_form(written, name):
    computation, _, wb = written[name]
    ws = wb["Beräkning"]
    assert [c.value for c in ws[1]] == ["Kostnadsrad", "Kostnadsslag", "År", "Belopp", "Månader", "Formel",
                                        "Finansiär"]
    rows = list(ws.iter_rows(min_row=2, values_only=False))
    cells = list(computation.cells())
    assert len(rows) == len(cells) == len(computation.budget.lines) * len(computation.years)
    labels = {y.key: y.label() for y in computation.years}
    for row, cell in zip(rows, cells):
        line = computation.budget.line(cell.line)
        assert row[0].value == cell.line and row[2].value == labels[cell.year]
        assert amount(row[3]) == (cell.amount if line.has_amount else None)
        assert (row[5].value or "") == cell.formula_text("sv")
    assert sum((amount(r[3]) or Decimal(0) for r in rows), Decimal(0)) == TOTALS[name]


def test_findings_sheet(written):
    oka = written["oka-innanforskapet"][2]["Granskning"]
    assert [c.value for c in oka[1]] == ["Typ", "Kod", "Plats", "Fält", "Meddelande"]
    rows = list(oka.iter_rows(min_row=2, values_only=True))
    assert Counter(r[1] for r in rows) == Counter({"period.months": 1, "raise.salary": 2, "rate.conversion": 2,
                                                   "stated.formula": 1})
    assert {r[0] for r in rows} == {"varning"}
    assert all(re.fullmatch(r".*oka-innanforskapet\.yaml:\d+", r[2]) for r in rows)
    months = next(r for r in rows if r[1] == "period.months")
    assert months[3] == "period.months[2027]" and months[4].startswith("2027 budgeteras med 9 månader")

    ljusdal = list(written["ljusdal-hallbart-arbetsliv"][2]["Granskning"].iter_rows(min_row=2, values_only=True))
    assert [r[1] for r in ljusdal] == ["plan.costs"]
    assert ljusdal[0][4].startswith("tids- och aktivitetsplanen:")

    gemensam = list(written["gemensam-kraft"][2]["Granskning"].iter_rows(min_row=2, values_only=True))
    assert gemensam == [("Inga anmärkningar", None, None, None, None)]


def test_findings_can_be_given(tmp_path):
    from grantcalc.errors import Problem, Severity

    computation = grantcalc.load(EXAMPLES / "oka-innanforskapet.yaml").compute()
    given = [Problem("plan.costs", Severity.error, ("plan",), {"activities": "A", "plan": Decimal(10),
                                                               "lines": "L", "cost": Decimal(12), "years": "2024",
                                                               "difference": Decimal(-2)}, "b.yaml", 3)]
    wb = openpyxl.load_workbook(write_excel(computation, tmp_path / "a.xlsx", findings=given))
    assert list(wb["Granskning"].iter_rows(min_row=2, values_only=True)) == [
        ("fel", "plan.costs", "b.yaml:3", "plan", given[0].message("sv"))]
    wb = openpyxl.load_workbook(write_excel(computation, tmp_path / "b.xlsx", findings=[]))
    assert wb["Granskning"]["A2"].value == "Inga anmärkningar"


# --- öre, exactness, names that look like formulas ---------------------------------------------
def test_ore_are_written_exactly_and_shown_with_decimals(tmp_path):
    computation = grantcalc.loads(ORE).compute()
    assert computation.amount("Stor", 2024) == Decimal("882681877.44")
    path = write_excel(computation, tmp_path / "ore.xlsx")
    with zipfile.ZipFile(path) as archive:
        xml = archive.read("xl/worksheets/sheet1.xml").decode("utf-8")
    assert "<v>882681877.44</v>" in xml and "882681877.4400001" not in xml  # never through a float
    wb = openpyxl.load_workbook(path)
    ws = wb["Kostnader"]
    _, _, body, summa = table(ws, "Kostnadsslag")
    assert ws.cell(row=body[0], column=3).number_format == '#,##0.00 "kr"'
    assert amount(ws.cell(row=body[1], column=3)) == computation.amount("Coach", 2024) == Decimal("298519.26")
    assert value_of(wb, "Kostnader", f"E{summa}") == computation.total == Decimal("883280915.96")
    fin = wb["Finansiering"]
    _, _, _, fin_summa = table(fin, "Finansiär")
    assert value_of(wb, "Finansiering", f"E{fin_summa + 2}") == 0


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
    wb = openpyxl.load_workbook(write_excel(computation, tmp_path / "f.xlsx"))
    _, _, body, _ = table(wb["Kostnader"], "Kostnadsslag")
    cell = wb["Kostnader"].cell(row=body[0], column=2)
    assert cell.value == "=1+1" and cell.data_type == "s"


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
@pytest.mark.parametrize("name", NAMES)
def test_csv_is_the_long_form_with_exact_amounts(tmp_path, name):
    computation = grantcalc.load(EXAMPLES / f"{name}.yaml").compute()
    path = computation.to_csv(tmp_path / f"{name}.csv")
    assert path == tmp_path / f"{name}.csv"
    with open(path, encoding="utf-8", newline="") as stream:
        rows = list(csv.DictReader(stream))
    assert list(rows[0]) == ["Kostnadsrad", "Kostnadsslag", "År", "Belopp", "Månader", "Formel", "Finansiär"]
    assert len(rows) == len(computation.budget.lines) * len(computation.years)
    amounts = [Decimal(r["Belopp"]) for r in rows if r["Belopp"]]
    assert sum(amounts, Decimal(0)) == TOTALS[name]
    for row, cell in zip(rows, computation.cells()):
        assert row["Kostnadsrad"] == cell.line
        if row["Belopp"]:
            assert Decimal(row["Belopp"]) == cell.amount


def test_csv_in_english_with_ore(tmp_path):
    path = write_csv(grantcalc.loads(ORE), tmp_path / "ore.csv", lang="en")
    text = path.read_text(encoding="utf-8")
    assert text.splitlines()[0] == "Line,Category,Year,Amount,Months,Formula,Funder"
    assert "Stor,Other costs,2024,882681877.44,12," in text
    with open(path, encoding="utf-8", newline="") as stream:
        rows = list(csv.DictReader(stream))
    assert sum((Decimal(r["Amount"]) for r in rows), Decimal(0)) == Decimal("883280915.96")
    assert {r["Funder"] for r in rows if r["Line"] == "Coach"} == {"Region"}


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
    assert export(computation, tmp_path / "b.CSV").read_text(encoding="utf-8").startswith("Kostnadsrad,")
    assert list(tmp_path.iterdir()) == [tmp_path / "b.CSV"]


# --- the command line ----------------------------------------------------------------------------
def run(capsys, *argv) -> tuple[int, str]:
    code = main(["export", *argv])
    out, err = capsys.readouterr()
    assert out == ""
    assert "Traceback" not in err and "internt fel" not in err, err
    return code, err


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
    assert target.read_text(encoding="utf-8").startswith("Line,Category,Year,Amount,")


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

    def broken_save(self, filename):
        Path(filename).write_bytes(b"PK\x03\x04 half a workbook")
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(openpyxl.Workbook, "save", broken_save)
    code, err = run(capsys, str(EXAMPLES / "oka-innanforskapet.yaml"), "-o", str(target), "--force")
    assert code == 2
    assert err == f"{target} kan inte skrivas: disken är full\n"
    assert target.read_bytes() == b"the earlier workbook"
    assert list(tmp_path.iterdir()) == [target]


def test_cli_in_a_subprocess_and_openpyxl_only_when_exporting(tmp_path):
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    env.pop("GRANTCALC_DEBUG", None)
    result = subprocess.run([sys.executable, "-m", "grantcalc", "export", str(EXAMPLES / "gemensam-kraft.yaml")],
                            cwd=tmp_path, capture_output=True, text=True, encoding="utf-8", env=env, timeout=60)
    assert result.returncode == 0 and result.stderr == "Skrev gemensam-kraft.xlsx\n", result.stderr
    probe = ("import sys; from grantcalc.cli import main; main(['show', sys.argv[1]]); "
             "sys.exit('openpyxl' in sys.modules)")
    result = subprocess.run([sys.executable, "-c", probe, str(EXAMPLES / "gemensam-kraft.yaml")], cwd=ROOT,
                            capture_output=True, text=True, encoding="utf-8", env=env, timeout=60)
    assert result.returncode == 0, "grantcalc show imported openpyxl"


# --- LibreOffice computes the same totals --------------------------------------------------------
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


@pytest.mark.slow  # LibreOffice: with the long campaigns (pytest -m slow)
@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice is not installed: the workbook was not recalculated")
def test_libreoffice_recalculates_the_same_totals(tmp_path):
    path = write_excel(grantcalc.load(EXAMPLES / "ljusdal-hallbart-arbetsliv.yaml"), tmp_path / "ljusdal.xlsx")
    profile = (tmp_path / "lo-profile").as_uri()  # a profile of its own: no clash with a running LibreOffice
    out = tmp_path / "csv"
    # UTF-8, values not as shown, every sheet to a file of its own (LibreOffice 7.2+)
    csv_filter = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1"
    result = subprocess.run([SOFFICE, f"-env:UserInstallation={profile}", "--headless", "--convert-to", csv_filter,
                             "--outdir", str(out), str(path)], capture_output=True, text=True, timeout=240)
    produced = sorted(out.glob("*.csv")) if out.exists() else []
    if not produced:
        probe = tmp_path / "probe.csv"
        probe.write_text("1\n", encoding="utf-8")
        check = subprocess.run([SOFFICE, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "xlsx",
                                "--outdir", str(tmp_path / "probe"), str(probe)], capture_output=True, timeout=240)
        if not (tmp_path / "probe" / "probe.xlsx").exists():
            pytest.skip(f"LibreOffice Calc is not installed ({check.stderr.decode(errors='replace').strip()})")
        pytest.fail(f"LibreOffice could not read the workbook: {result.stdout} {result.stderr}")

    def rows(sheet: str) -> list[list[str]]:
        file = out / f"ljusdal-{sheet}.csv"
        with open(file, encoding="utf-8", newline="") as stream:
            return list(csv.reader(stream))

    summa = next(r for r in rows("Kostnader") if r[0] == "Summa")
    assert [Decimal(v) for v in summa[2:]] == [Decimal(1111403), Decimal(1085966), Decimal(282839),
                                               Decimal(2480208)]
    difference = next(r for r in rows("Finansiering") if r[0].startswith("Skillnad"))
    assert [Decimal(v) for v in difference[2:]] == [Decimal(0)] * 4
