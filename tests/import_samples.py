"""A held-out application for ``grantcalc import`` as the files an officer receives.

``held_out_docx(path)`` writes the made-up application "Steget före" (Samordningsförbundet Västra
Mälardalen, budget per project year, År 1–År 3) as a Word document and ``held_out_xlsx(path)`` as an
Excel workbook, so a test can build them into ``tmp_path``. They are the same application as the
OCR text ``tests/examples/import/steget-fore.txt``; what a careful reader takes from it, and so what
an import of either file must find, is ``tests/examples/import/steget-fore.expected.yaml``
(:data:`EXPECTED`).

- The Word document: headings, paragraphs, the cost and the income table as real Word tables. The
  cost table's first row has one header cell, "Projektår", merged across the three year columns
  (python-docx's ``row.cells`` then returns that cell three times). Each cost line's specification
  is a second, smaller paragraph in the line's first cell. Amounts are written as the form prints
  them, a point as thousands separator and no "kr" ("1.020.000"); a zero as "-" (Utvärdering) or
  "0" (Kompetensutveckling), as in the OCR text.
- The Excel workbook: one sheet, "Budget", the project's facts on top, then the cost table and the
  income table with year columns. Money is integers; each row's Summa and each table's Summa row
  are SUM formulas written with their computed values (so a reader that takes cached values, as
  ``openpyxl.load_workbook(data_only=True)``, sees the figures); "Sökt belopp" is a formula pointing
  at the förbund's Summa cell. One cell, the yearly raise, is a percentage (3 %, number format 0%).
  The zeros of Utvärdering are the number 0 shown as "-".
"""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

SAMPLES = Path(__file__).resolve().parent / "examples" / "import"
TEXT = SAMPLES / "steget-fore.txt"
EXPECTED = SAMPLES / "steget-fore.expected.yaml"

TITLE = "ANSÖKAN OM PROJEKTMEDEL FRÅN SAMORDNINGSFÖRBUNDET VÄSTRA MÄLARDALEN"
NAME = "Steget före – arbetsinriktad rehabilitering i Köping"
APPLICANT = "Köpings kommun, Arbetsmarknadsenheten"
FUNDER = "Samordningsförbundet Västra Mälardalen"
PARTIES = ("Köpings kommun", "Region Västmanland", "Arbetsförmedlingen", "Försäkringskassan")
PERIOD = "1 februari 2025 — 31 januari 2028"
APPLIED = 1420000
YEARS = ("År 1", "År 2", "År 3")
RAISE_PERCENT = 3  # "uppräkning 3 % per år"


class Row(NamedTuple):
    """One row of a budget table: its name, the specification under it ("" for none), the yearly amounts."""

    name: str
    specification: str
    amounts: tuple[int, int, int]
    zero: str = "-"  # how the form prints a zero in this row

    @property
    def total(self) -> int:
        return sum(self.amounts)


COSTS = (
    Row("Projektledare 50%", "inkl. PO och semestertillägg, uppräkning 3 % per år", (370000, 381000, 392000)),
    Row("Arbetsspecialister 2,0 tjänster", "Köpings kommun, medfinansiering i form av personal",
        (1020000, 1050000, 1082000)),
    Row("Rehabkoordinator 20 %", "Region Västmanland, i form av personal", (150000, 155000, 160000)),
    Row("Lokalkostnader", "3.000kr/mån", (36000, 36000, 36000)),
    Row("Resor", "", (15000, 15000, 12000)),
    Row("Deltagaraktiviteter", "studiebesök, friskvård och material", (25000, 30000, 25000)),
    Row("Kompetensutveckling", "", (20000, 5000, 0), zero="0"),
    Row("Utvärdering", "extern utvärdering, slutrapport år 3", (0, 0, 22000)),
)

INCOME = (
    Row(FUNDER, "", (466000, 467000, 487000)),
    Row("Köpings kommun (i form av personal)", "", (1020000, 1050000, 1082000)),
    Row("Region Västmanland (i form av personal)", "", (150000, 155000, 160000)),
)

PROSE = (
    ("Parter", f"Projektets parter är {', '.join(PARTIES[:-1])} och {PARTIES[-1]}."),
    ("Ansökan", f"{APPLICANT}, ansöker om projektmedel för gemensam verksamhet under 3 års tid perioden "
                f"{PERIOD}. Sökta projektmedel omfattar ca. 473.000 kr/år."),
    ("Målgrupp", "Personer 20–64 år som är aktuella hos minst två av parterna. Projektet tar emot ca 60 "
                 "deltagare under projekttiden, varav ca 25 per år samtidigt."),
    ("Ansvarsfördelning och resurser", "Köpings kommun: projektledare 50 % (lön 42 350 kr/mån), 2,0 "
                                       "arbetsspecialister i form av personal. Region Västmanland: "
                                       "rehabkoordinator 20 % i form av personal. Arbetsförmedlingen och "
                                       "Försäkringskassan: handläggare i myndighetens egna ärenden, "
                                       "representant i styrgruppen."),
)
CLOSING = ("Medfinansieringen från Köpings kommun och Region Västmanland sker i form av personal och betalas "
           "inte ut av förbundet.")


def column_sums(rows: tuple[Row, ...]) -> tuple[int, int, int]:
    """The Summa row of ``rows``: each year's sum."""
    first, second, third = (sum(row.amounts[i] for row in rows) for i in range(3))
    return first, second, third


def form_amount(amount: int, zero: str = "-") -> str:
    """An amount as the form prints it: a point between thousands, no "kr", a zero as ``zero``."""
    return f"{amount:,}".replace(",", ".") if amount else zero


def _target(path: Path, suffix: str) -> Path:
    path = Path(path)
    return path / f"steget-fore{suffix}" if path.is_dir() else path


def held_out_docx(path: Path) -> Path:
    """Write the application as a Word document at ``path`` (or ``path/steget-fore.docx`` if a folder)."""
    from docx import Document
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Mm, Pt

    target = _target(path, ".docx")
    document = Document()
    document.add_heading(TITLE, level=1)
    document.add_heading("Namn", level=2)
    document.add_paragraph(NAME)
    for heading, text in PROSE:
        document.add_heading(heading, level=2)
        document.add_paragraph(text)
    document.add_paragraph(f"Sökt belopp: {form_amount(APPLIED)} kr")

    document.add_heading("Finansiering och kostnader", level=2)

    def number_cell(cell, text: str) -> None:
        cell.text = text
        cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT

    def widths(table) -> None:
        table.autofit = False
        for i, column in enumerate(table.columns):
            column.width = Mm(66) if i == 0 else Mm(25)
        for row in table.rows:
            for i, cell in enumerate(row.cells):
                cell.width = Mm(66) if i == 0 else Mm(25)

    def fill(table, first: int, rows: tuple[Row, ...]) -> None:
        for offset, row in enumerate(rows):
            cells = table.rows[first + offset].cells
            cells[0].text = row.name
            if row.specification:
                small = cells[0].add_paragraph().add_run(row.specification)
                small.font.size = Pt(8)
            for i, amount in enumerate(row.amounts):
                number_cell(cells[1 + i], form_amount(amount, row.zero))
            number_cell(cells[4], form_amount(row.total))
        summa = table.rows[first + len(rows)].cells
        summa[0].text = "Summa"
        summa[0].paragraphs[0].runs[0].bold = True
        sums = column_sums(rows)
        for i, amount in enumerate(sums):
            number_cell(summa[1 + i], form_amount(amount))
        number_cell(summa[4], form_amount(sum(sums)))

    costs = document.add_table(rows=2 + len(COSTS) + 1, cols=5)
    costs.style = "Table Grid"
    costs.alignment = WD_TABLE_ALIGNMENT.CENTER
    merged = costs.cell(0, 1).merge(costs.cell(0, 3))
    merged.text = "Projektår"
    merged.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
    header = costs.rows[1].cells
    header[0].text = f"Perioden {PERIOD}"
    for i, year in enumerate(YEARS):
        number_cell(header[1 + i], year)
    number_cell(header[4], "Summa")
    fill(costs, 2, COSTS)
    widths(costs)

    document.add_paragraph()
    income = document.add_table(rows=1 + len(INCOME) + 1, cols=5)
    income.style = "Table Grid"
    head = income.rows[0].cells
    head[0].text = "Intäkter"
    for i, year in enumerate(YEARS):
        number_cell(head[1 + i], year)
    number_cell(head[4], "Summa")
    fill(income, 1, INCOME)
    widths(income)

    document.add_paragraph(CLOSING)
    document.save(str(target))
    return target


def held_out_xlsx(path: Path) -> Path:
    """Write the application's budget as an Excel workbook at ``path`` (or ``path/steget-fore.xlsx``)."""
    import xlsxwriter
    from xlsxwriter.utility import xl_rowcol_to_cell

    target = _target(path, ".xlsx")
    workbook = xlsxwriter.Workbook(str(target))
    try:
        sheet = workbook.add_worksheet("Budget")
        title = workbook.add_format({"bold": True, "font_size": 14})
        bold = workbook.add_format({"bold": True})
        money = workbook.add_format({"num_format": "#,##0;-#,##0;\"-\""})
        money_bold = workbook.add_format({"num_format": "#,##0;-#,##0;\"-\"", "bold": True, "top": 1})
        header = workbook.add_format({"bold": True, "bottom": 1, "align": "right"})
        header_left = workbook.add_format({"bold": True, "bottom": 1})
        percent = workbook.add_format({"num_format": "0%"})
        wrap = workbook.add_format({"text_wrap": True, "font_size": 9, "italic": True})

        sheet.set_landscape()
        sheet.fit_to_pages(1, 0)
        sheet.set_column(0, 0, 44)
        sheet.set_column(1, 1, 46)
        sheet.set_column(2, 5, 13)
        sheet.merge_range(0, 0, 0, 5, NAME, title)
        sheet.write_string(1, 0, "Sökande", bold)
        sheet.write_string(1, 1, APPLICANT)
        sheet.write_string(2, 0, "Finansiär", bold)
        sheet.write_string(2, 1, FUNDER)
        sheet.write_string(3, 0, "Projektperiod", bold)
        sheet.write_string(3, 1, PERIOD)
        sheet.write_string(4, 0, "Sökt belopp", bold)
        # row 5 is filled in once the income table's förbund row is known
        sheet.write_string(5, 0, "Årlig uppräkning lön", bold)
        sheet.write_number(5, 1, RAISE_PERCENT / 100, percent)  # float-ok: a rate, not an amount

        def table(first: int, label: str, with_specification: bool, rows: tuple[Row, ...]) -> tuple[int, int]:
            """Write one table from row ``first``; return (the förbund row's index, the Summa row's index)."""
            sheet.write_string(first, 0, label, header_left)
            sheet.write_string(first, 1, "Specifikation" if with_specification else "", header_left)
            for i, year in enumerate(YEARS):
                sheet.write_string(first, 2 + i, year, header)
            sheet.write_string(first, 5, "Summa", header)
            for offset, row in enumerate(rows, start=1):
                r = first + offset
                sheet.write_string(r, 0, row.name)
                if row.specification:
                    sheet.write_string(r, 1, row.specification, wrap)
                for i, amount in enumerate(row.amounts):
                    sheet.write_number(r, 2 + i, amount, money)
                span = f"{xl_rowcol_to_cell(r, 2)}:{xl_rowcol_to_cell(r, 4)}"
                sheet.write_formula(r, 5, f"=SUM({span})", money, row.total)
            last = first + len(rows)
            summa = last + 1
            sheet.write_string(summa, 0, "Summa", bold)
            sums = column_sums(rows)
            for i, amount in enumerate((*sums, sum(sums))):
                col = 2 + i
                span = f"{xl_rowcol_to_cell(first + 1, col)}:{xl_rowcol_to_cell(last, col)}"
                sheet.write_formula(summa, col, f"=SUM({span})", money_bold, amount)
            return first + 1, summa

        _, cost_summa = table(7, "Kostnader", True, COSTS)
        forbund, _ = table(cost_summa + 2, "Intäkter", False, INCOME)
        sheet.write_formula(4, 1, f"={xl_rowcol_to_cell(forbund, 5)}", money, INCOME[0].total)
    finally:
        workbook.close()
    return target
