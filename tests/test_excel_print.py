"""The workbook on paper and on screen: A4, each sheet one page wide, the table header on every
page, one font, numbers' headers over their numbers, and what LibreOffice prints of it.

The set-up is read back with openpyxl; where LibreOffice and poppler (pdfinfo, pdftotext) are
installed, slow tests print the workbooks to PDF and look at every page's text: each sheet's
columns, the first year to Totalt, stand on one page.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

import grantcalc
from grantcalc.report.excel import write_excel

from .conftest import ROOT
from .helpers import workbooks as exported

NAMES = ["oka-innanforskapet", "ljusdal-hallbart-arbetsliv", "gemensam-kraft"]
HEADER_ROW = {"Kostnader": 4, "Finansiering": 4, "Beräkning": 1, "Granskning": 1}
A4 = 9

NARROW = """\
project: {name: Smal, funder: Förbundet}
period: {start: 2024-01-01, end: 2025-12-31}
lines:
  - {name: Hyra, kind: recurring, category: Lokalkostnader, amount: 4000, per: month}
financing:
  - {name: Förbundet, rest: true}
"""


@pytest.fixture(scope="module")
def workbooks(tmp_path_factory):
    return exported(tmp_path_factory.mktemp("print"))


@pytest.mark.parametrize("name", NAMES)
def test_every_sheet_prints_on_a4_one_page_wide_with_its_header_on_every_page(workbooks, name):
    _, _, wb = workbooks[name]
    for ws in wb.worksheets:
        setup = ws.page_setup
        assert int(setup.paperSize) == A4, ws.title
        assert ws.sheet_properties.pageSetUpPr.fitToPage, ws.title
        assert setup.fitToWidth in (None, 1) and setup.fitToHeight == 0, ws.title  # one page wide, any pages down
        row = HEADER_ROW[ws.title]
        assert ws.print_title_rows == f"${row}:${row}", ws.title
        assert "&P" in ws.oddFooter.right.text and "&N" in ws.oddFooter.right.text  # Sida 1 av 4
        assert ws.oddFooter.left.text == wb["Kostnader"]["A1"].value  # the project
    assert wb["Kostnader"].page_setup.orientation == "landscape"  # a cost table wider than a portrait page


def test_a_narrow_sheet_prints_in_portrait(tmp_path):
    wb = openpyxl.load_workbook(write_excel(grantcalc.loads(NARROW), tmp_path / "smal.xlsx"))
    assert wb["Kostnader"].page_setup.orientation == "portrait"
    assert wb["Finansiering"].page_setup.orientation == "portrait"


@pytest.mark.parametrize("name", NAMES)
def test_one_font_everywhere(workbooks, name):
    """Every cell, bold or not, is in the one font: a bold cell without a font name is shown in a
    serif by LibreOffice."""
    _, _, wb = workbooks[name]
    fonts = {(cell.font.name, cell.font.sz) for ws in wb.worksheets for row in ws.iter_rows() for cell in row
             if cell.value is not None}
    assert {font for font, _ in fonts} == {"Calibri"}
    assert {size for _, size in fonts} <= {11, 14}  # 14: the title
    assert wb["Kostnader"]["A1"].font.b and wb["Kostnader"]["A1"].font.sz == 14


@pytest.mark.parametrize("name", NAMES)
def test_headers_of_numbers_are_right_aligned_over_them(workbooks, name):
    computation, _, wb = workbooks[name]
    for title in ("Kostnader", "Finansiering"):
        ws = wb[title]
        header = list(ws[HEADER_ROW[title]])
        labels = [y.label() for y in computation.years] + ["Totalt"]
        for cell in header:
            if cell.value in labels:
                assert cell.alignment.horizontal == "right", (title, cell.value)
            else:
                assert cell.alignment.horizontal in (None, "general", "left"), (title, cell.value)
        assert all(cell.font.b for cell in header if cell.value)
    calc = wb["Beräkning"][1]
    assert [c.alignment.horizontal for c in calc[:5]] == [None, None, "right", "right", "center"]


def test_wrapped_rows_are_as_high_as_their_lines(workbooks):
    """A spreadsheet does not grow a row for its wrapped text when it opens a file (LibreOffice
    prints the lines over each other): each row is written with the height its text needs."""
    _, _, wb = workbooks["oka-innanforskapet"]
    ws = wb["Granskning"]
    for row in range(2, ws.max_row + 1):
        message = ws.cell(row=row, column=3).value
        width = ws.column_dimensions["C"].width
        height = ws.row_dimensions[row].height or 15
        assert height >= 15 * -(-len(message) // int(width * 1.3)), (row, message)
    calc = wb["Beräkning"]
    plain = [r for r in range(2, calc.max_row + 1) if calc.cell(row=r, column=8).value is None]
    assert plain and all(calc.row_dimensions[r].height is None for r in plain)  # one line: the default


# --- printed by LibreOffice -------------------------------------------------------------------------
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
POPPLER = shutil.which("pdftotext") and shutil.which("pdfinfo")


def needs_printing(test):
    """A slow test (LibreOffice: with the long campaigns), skipped without LibreOffice or poppler."""
    test = pytest.mark.skipif(not POPPLER, reason="poppler (pdftotext, pdfinfo) is not installed")(test)
    test = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice is not installed")(test)
    return pytest.mark.slow(test)


def printed(tmp_path: Path, workbook: Path) -> list[str]:
    """The text of every page LibreOffice prints of ``workbook`` (as a PDF), page by page."""
    profile = (tmp_path / "lo-profile").as_uri()
    out = tmp_path / "pdf"
    subprocess.run([SOFFICE, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf", "--outdir",
                    str(out), str(workbook)], capture_output=True, timeout=240)
    pdf = out / f"{workbook.stem}.pdf"
    if not pdf.exists():
        pytest.skip("LibreOffice Calc could not print the workbook (is Calc installed?)")
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    pages = int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))
    assert re.search(r"^Page size:\s+841\.\d+ x 595\.\d+ pts \(A4\)", info, re.M) or \
        re.search(r"^Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)", info, re.M), info
    return [subprocess.run(["pdftotext", "-layout", "-f", str(n), "-l", str(n), str(pdf), "-"], capture_output=True,
                           text=True, check=True).stdout for n in range(1, pages + 1)]


def _pages_with(pages: list[str], text: str) -> list[int]:
    return [i for i, page in enumerate(pages) if text in page]


@needs_printing
@pytest.mark.parametrize("name", NAMES)
def test_libreoffice_prints_each_sheet_one_page_wide(tmp_path, workbooks, name):
    computation, path, _ = workbooks[name]
    pages = printed(tmp_path, path)
    first, last = computation.years[0].label(), computation.years[-1].label()
    # Kostnader, the first page: the whole header, the first year to Totalt, and the Summa row
    assert all(word in pages[0] for word in ("Kostnadsslag", first, last, "Totalt", "Kostnadsrad", "Summa")), \
        pages[0]
    [financing] = _pages_with(pages, "Skillnad")
    assert all(w in pages[financing] for w in ("Finansiär", first, last, "Totalt")), pages[financing]
    # Beräkning: its header on every page it takes, each page with its last column
    calc = _pages_with(pages, "Formel")
    assert calc
    for page in calc:
        assert "Kostnadsrad" in pages[page] and "Finansiär" in pages[page]
        if any(line.specification for line in computation.budget.lines):
            assert "Specifikation" in pages[page]
    findings = _pages_with(pages, "Meddelande")
    assert findings == [len(pages) - 1] and "Kod" in pages[-1] and "Typ" in pages[-1]
    # no page is a right-hand part of a sheet: every page starts with a sheet's first column
    for page in pages:
        assert any(head in page for head in ("Kostnadsslag", "Finansiär", "Kostnadsrad", "Typ")), page


@needs_printing
def test_libreoffice_prints_ten_budget_years_on_one_page_width(tmp_path):
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        from synthetic import budget_yaml
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))
    path = write_excel(grantcalc.loads(budget_yaml(40, years=10)), tmp_path / "tio.xlsx")
    pages = printed(tmp_path, path)
    assert all(year in pages[0] for year in ("Kostnadsslag", "2025", "2034", "Totalt")), pages[0]
    [financing] = _pages_with(pages, "Skillnad")
    assert all(year in pages[financing] for year in ("2025", "2034", "Totalt")), pages[financing]
