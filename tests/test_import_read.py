"""The importer's readers (:mod:`grantcalc.importer.read`): a file in any of its formats becomes
the same format-free :class:`~grantcalc.importer.document.Document`.

Every input is built in the test: Word documents with python-docx (and XML of our own), workbooks
with grantcalc's own ``export`` and with XlsxWriter, PDFs written by hand (and, in the slow
campaign, converted by LibreOffice), text in every encoding. Blocks, texts, places and numbers
are asserted exactly. Every file that cannot be read is refused with an ``import.*`` message
that says what the file is and what to do, through :func:`read_document`, through
:func:`grantcalc.importer.read_application` and through ``grantcalc import`` (exit 2, no traceback).
"""

from __future__ import annotations

import datetime
import io
import os
import shutil
import subprocess
import sys
import zipfile
from decimal import Decimal
from pathlib import Path

import pytest
from docx import Document as WordDocument
from docx.enum.style import WD_STYLE_TYPE

import grantcalc
from grantcalc.errors import Severity, SourceError
from grantcalc.importer.document import Document, Paragraph, Place, Table
from grantcalc.importer.read import MAX_DOCUMENT_BYTES, read_document, read_text
from grantcalc.importer.read.xlsx import column_letters, excel_number
from grantcalc.render import render
from grantcalc.report.excel import ExactNumber, write_excel

from .helpers import LJUSDAL, cli
from .import_files import body_docx, pdf, plain_docx, rezip, ruled_table, text_at


def blocks(document: Document) -> list[tuple]:
    """The blocks as plain values: ("P", text, heading, place) and ("T", rows, place)."""
    return [("P", b.text, b.heading, b.place) if isinstance(b, Paragraph) else ("T", b.rows, b.place)
            for b in document.blocks]


def tables(document: Document) -> list[Table]:
    return [b for b in document.blocks if isinstance(b, Table)]


def P(**where) -> Place:
    return Place(**where)


# --- Word ---------------------------------------------------------------------------------------
def test_a_word_document_reads_its_paragraphs_and_tables_in_order(tmp_path):
    word = WordDocument()
    word.add_heading("Ansökan om samverkansmedel", 0)
    word.add_heading("8. Kostnadsbudget", 1)
    word.add_paragraph("")
    text = word.add_paragraph("Belopp\ti kr")
    text.add_run().add_break()
    text.add_run("per år ")
    table = word.add_table(rows=4, cols=4)
    for row, values in zip(table.rows, [["Kostnadsslag", "År 2024", "År 2025", "Totalt"],
                                        ["Lönekostnader", "943 403", "970 966", "1 914 369"],
                                        ["", "10 000", "20 000", "30 000"],
                                        ["Summa", "953 403", "990 966", "1 944 369"]]):
        for cell, value in zip(row.cells, values):
            cell.text = value
    table.cell(0, 1).merge(table.cell(0, 2)).text = "År 2024–2025"  # across two columns
    table.cell(1, 0).merge(table.cell(2, 0))  # down two rows
    table.cell(3, 3).add_paragraph("kr")  # a cell of two paragraphs
    inner = table.cell(3, 0).add_table(rows=2, cols=2)  # a table inside a cell
    for cell, value in zip(inner._cells, ["Personal", "1", "Lokaler", "2"]):
        cell.text = value
    word.styles.add_style("Rubrik 2", WD_STYLE_TYPE.PARAGRAPH)
    word.add_paragraph("8.1 Specifikation", style="Rubrik 2")
    word.add_paragraph("Summan ska balansera mot finansieringsbudgeten")
    path = tmp_path / "ansokan.docx"
    word.save(str(path))

    document = read_document(path)
    assert document.kind == "docx" and document.name == str(path) and document.notes == []
    assert blocks(document) == [
        ("P", "Ansökan om samverkansmedel", 0, P(paragraph=1)),
        ("P", "8. Kostnadsbudget", 1, P(paragraph=2)),
        ("P", "Belopp\ti kr\nper år", None, P(paragraph=4)),  # paragraph 3 is empty
        ("T", (("Kostnadsslag", "År 2024–2025", "", "Totalt"),
               ("Lönekostnader", "943 403", "970 966", "1 914 369"),  # merged down: its own text first
               ("", "10 000", "20 000", "30 000"),  # …then "" where the merged cell covers
               ("Summa", "953 403", "990 966", "1 944 369\nkr")), P(table=1)),
        ("T", (("Personal", "1"), ("Lokaler", "2")), P(table=2)),  # the nested table, after its outer table
        ("P", "8.1 Specifikation", 2, P(paragraph=5)),
        ("P", "Summan ska balansera mot finansieringsbudgeten", None, P(paragraph=6)),
    ]
    assert [tables(document)[0].row_places] == [tuple(P(table=1, row=row) for row in (1, 2, 3, 4))]


W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def test_word_markup_a_reader_must_look_through(tmp_path):
    """Content controls, tracked changes, field codes, text boxes and rows that start beside the grid."""
    body = (
        "<w:sdt><w:sdtContent><w:p><w:r><w:t>Insatsens namn</w:t></w:r></w:p></w:sdtContent></w:sdt>"
        "<w:p><w:r><w:t xml:space=\"preserve\">Budget </w:t></w:r><w:del><w:r><w:delText>2023</w:delText></w:r></w:del>"
        "<w:ins><w:r><w:t>2024</w:t></w:r></w:ins></w:p>"
        "<w:p><w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r>"
        "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>7</w:t></w:r>"
        "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r></w:p>"
        "<w:p><w:pPr><w:outlineLvl w:val=\"2\"/></w:pPr><w:r><w:t>Kostnader</w:t></w:r>"
        "<w:r><w:pict><v:shape xmlns:v=\"urn:schemas-microsoft-com:vml\"><v:textbox><w:txbxContent>"
        "<w:p><w:r><w:t>I rutan</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict></w:r></w:p>"
        "<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>"
        "<w:tr><w:tc><w:p><w:r><w:t>A</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>B</w:t></w:r></w:p></w:tc>"
        "<w:tc><w:p><w:r><w:t>C</w:t></w:r></w:p></w:tc></w:tr>"
        "<w:tr><w:trPr><w:gridBefore w:val=\"1\"/></w:trPr><w:tc><w:p><w:r><w:t>b</w:t></w:r></w:p></w:tc></w:tr>"
        "<w:sdt><w:sdtContent><w:tr><w:tc><w:tcPr><w:gridSpan w:val=\"3\"/></w:tcPr><w:p><w:r><w:t>Summa</w:t></w:r>"
        "</w:p></w:tc></w:tr></w:sdtContent></w:sdt></w:tbl>")
    document = read_document(body_docx(tmp_path / "markup.docx", body))
    assert blocks(document) == [
        ("P", "Insatsens namn", None, P(paragraph=1)),
        ("P", "Budget 2024", None, P(paragraph=2)),
        ("P", "7", None, P(paragraph=3)),
        ("P", "Kostnader", 3, P(paragraph=4)),
        ("P", "I rutan", None, P(paragraph=4)),  # the text box, after the paragraph it is anchored in
        ("T", (("A", "B", "C"), ("", "b", ""), ("Summa", "", "")), P(table=1)),
    ]


@pytest.fixture(scope="module")
def ljusdal_docx(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("ljusdal") / "ljusdal.docx"
    render(grantcalc.load(LJUSDAL), path)
    return path


COSTS_81 = (
    ("Kostnadsslag", "Kostnadsspecifikation", "År 2022", "År 2023", "År 2024", "År", "Totalt"),
    ("Lönekostnader", "Finsam coacher 150\xa0%, 35\xa0000\xa0kr/mån", "943\xa0403", "970\xa0966", "249\xa0839", "",
     "2\xa0164\xa0208"),
    ("Externa tjänster", "Utbildning SE/IPS medarbetare / Chefer", "55\xa0000", "0", "0", "", "55\xa0000"),
    ("Lokalkostnader", "AME Ljusdal", "48\xa0000", "48\xa0000", "12\xa0000", "", "108\xa0000"),
    ("Material", "Inventarier som telefon, skrivare, leasing dator, mötesfika m.m.", "25\xa0000", "17\xa0000",
     "5\xa0000", "", "47\xa0000"),
    ("Resekostnader", "Resor\nStudiebesök, uppsökande", "30\xa0000", "30\xa0000", "5\xa0000", "", "65\xa0000"),
    ("Övriga kostnader", "Avslutskonferens", "0", "0", "5\xa0000", "", "5\xa0000"),
    ("Handledning", "Metod/Processhandledning, coacher", "10\xa0000", "20\xa0000", "6\xa0000", "", "36\xa0000"),
    ("Summa", "", "1\xa0111\xa0403", "1\xa0085\xa0966", "282\xa0839", "", "2\xa0480\xa0208"),
)


def test_the_form_grantcalc_renders_reads_back_with_its_cost_table(ljusdal_docx):
    document = read_document(ljusdal_docx)
    assert document.notes == []
    title = document.blocks[0]
    assert isinstance(title, Paragraph) and title.heading == 0
    assert title.text == "Ansökan\nSamverkansmedel inom Samordningsförbund Gävleborg"
    headings = [(b.text, b.heading) for b in document.blocks if isinstance(b, Paragraph) and b.heading]
    assert headings[:3] == [("1. Allmänna uppgifter", 1), ("2. Förbundsmedlemmar som ansöker om medel", 1),
                            ("2.1", 2)]
    [costs] = [t for t in tables(document) if t.rows[0][0] == "Kostnadsslag"]
    assert costs.rows == COSTS_81  # the figures as the form prints them, no-break spaces and all
    assert costs.place == P(table=18) and costs.row_places == tuple(P(table=18, row=n) for n in range(1, 10))
    heading = next(i for i, b in enumerate(document.blocks)
                   if isinstance(b, Paragraph) and b.text == "8.1 Kostnadsbudget")
    assert document.blocks.index(costs) > heading
    assert [t.place.table for t in tables(document)] == list(range(1, 28))


def test_the_kalmar_form_nests_its_tables_in_a_cell_and_they_follow_it(tmp_path):
    path = tmp_path / "kalmar.docx"
    render(grantcalc.load(LJUSDAL), path, template="samordningsforbund-kalmar")
    document = read_document(path)
    found = tables(document)
    assert [t.place.table for t in found] == [1, 2, 3, 4]
    assert found[0].rows[0] == ("Namn", "Ett hållbart arbetsliv i Ljusdal")
    assert found[1].rows[1][:2] == ("Finsam coacher 150\xa0%, 35\xa0000\xa0kr/mån", "943\xa0403")
    assert found[1].rows[-1][:2] == ("Summa", "1\xa0111\xa0403")  # the cost table, nested in table 1
    assert found[2].rows[0][:2] == ("Intäkter", "År 2022")  # the financing, nested too
    assert document.blocks.index(found[1]) == document.blocks.index(found[0]) + 1


# --- Excel ----------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def ljusdal_xlsx(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("ljusdal") / "ljusdal.xlsx"
    write_excel(grantcalc.load(LJUSDAL).compute(), path)
    return path


def test_a_workbook_grantcalc_exports_reads_back_exactly(ljusdal_xlsx):
    document = read_document(ljusdal_xlsx)
    assert document.kind == "xlsx" and document.notes == []
    found = tables(document)
    assert [t.place for t in found] == [P(table=1, sheet="Kostnader"), P(table=2, sheet="Finansiering"),
                                        P(table=3, sheet="Beräkning"), P(table=4, sheet="Granskning")]
    costs = found[0]
    assert costs.columns == ("A", "B", "C", "D", "E", "F", "G")
    assert [p.row for p in costs.row_places] == [1, 2, 4, 5, 6, 7, 8, 9, 10, 11, 12]  # row 3 is empty
    assert costs.rows[2] == ("Kostnadsslag", "Kostnadsrad", "Specifikation", "2022", "2023", "2024", "Totalt")
    assert costs.rows[3] == ("Lönekostnader", "Finsam-coacher", "Finsam coacher 150 %, 35 000 kr/mån", "943403",
                             "970966", "249839", "2164208")
    assert costs.numbers is not None
    assert costs.numbers[3] == (None, None, None, Decimal(943403), Decimal(970966), Decimal(249839),
                                Decimal(2164208))  # G5 is =SUM(D5:F5): its value as the file was saved
    assert costs.place_of(3, 6) == P(table=1, sheet="Kostnader", row=5, cell="G5")
    summa = costs.rows[-1]
    assert summa[0] == "Summa" and costs.numbers[-1][3:] == (Decimal(1111403), Decimal(1085966), Decimal(282839),
                                                            Decimal(2480208))
    numbers = [n for t in found for row in t.numbers or () for n in row if n is not None]
    assert numbers and all(type(n) is Decimal for n in numbers)
    financing = found[1]
    assert financing.rows[3][0] == "Samordningsförbund Gävleborg" and financing.numbers[3][-1] == Decimal(2480208)


def test_a_hand_made_workbook_with_formats_strings_formulas_and_a_hidden_sheet(tmp_path):
    import xlsxwriter

    path = tmp_path / "budget.xlsx"
    workbook = xlsxwriter.Workbook(str(path))
    sheet = workbook.add_worksheet("Budget")
    percent = workbook.add_format({"num_format": "0%"})
    tenths = workbook.add_format({"num_format": "0.0%"})
    day = workbook.add_format({"num_format": "yyyy-mm-dd"})
    money = workbook.add_format({"num_format": '# ##0 "kr"'})
    bold = workbook.add_format({"bold": True})
    sheet.write_string("B2", "Lönekostnader")
    sheet.write_number("C2", ExactNumber("943403.5"), money)
    sheet.write_number("D2", ExactNumber("1.5"), percent)
    sheet.write_number("E2", ExactNumber("0.125"), tenths)
    sheet.write_datetime("F2", datetime.date(2024, 3, 31), day)
    sheet.write_boolean("B5", True)
    sheet.write_formula("C5", "=1/0", None, "#DIV/0!")
    sheet.write_formula("D5", '="ab"&"c"', None, "abc")
    sheet.write_formula("E5", "=C2*2", money, ExactNumber("1886807"))
    sheet.merge_range("B7:D7", "Sammanslaget", None)
    sheet.write_rich_string("E7", bold, "Fet", " och vanlig")
    hidden = workbook.add_worksheet("Dold")
    hidden.write_string("A1", "gömd")
    hidden.hide()
    workbook.close()

    document = read_document(path)
    budget, secret = tables(document)
    assert budget.place == P(table=1, sheet="Budget") and secret.place == P(table=2, sheet="Dold")
    assert budget.columns == ("B", "C", "D", "E", "F")
    assert budget.rows == (("Lönekostnader", "943403.5", "150 %", "12,5 %", "2024-03-31"),
                           ("TRUE", "#DIV/0!", "abc", "1886807", ""),
                           ("Sammanslaget", "", "", "Fet och vanlig", ""))
    assert budget.numbers == ((None, Decimal("943403.5"), Decimal("1.5"), Decimal("0.125"), Decimal(45382)),
                              (None, None, None, Decimal(1886807), None),
                              (None, None, None, None, None))
    assert [p.row for p in budget.row_places] == [2, 5, 7]
    assert budget.place_of(1, 3) == P(table=1, sheet="Budget", row=5, cell="E5")
    assert secret.rows == (("gömd",),) and secret.columns == ("A",)


def test_a_number_excel_stored_as_a_binary_float_reads_as_excel_shows_it(tmp_path):
    import xlsxwriter

    path = tmp_path / "flyttal.xlsx"
    workbook = xlsxwriter.Workbook(str(path))
    sheet = workbook.add_worksheet("Blad1")
    sheet.write_number("A1", 7)
    sheet.write_number("B1", 9)
    workbook.close()
    fixed = rezip(path, tmp_path / "excel.xlsx", change={
        "xl/worksheets/sheet1.xml": lambda data: data.replace(b"<v>7</v>", b"<v>8.3000000000000007</v>")
        .replace(b"<v>9</v>", b"<v>1234567890.1234567</v>")})
    [table] = tables(read_document(fixed))
    assert table.rows == (("8.3", "1234567890.12346"),)
    assert table.numbers == ((Decimal("8.3"), Decimal("1234567890.12346")),)
    assert excel_number("882681877.44") == Decimal("882681877.44")  # 11 digits: exact as stored
    assert excel_number("0.30000000000000004") == Decimal("0.3")
    assert str(excel_number("12345678901234567890")) == "1.23456789012346E+19"
    assert [column_letters(n) for n in (1, 26, 27, 16384)] == ["A", "Z", "AA", "XFD"]


def test_a_strict_open_xml_workbook_reads_too(tmp_path):
    """Strict Open XML (Excel's "Strict Open XML Spreadsheet") has namespaces of its own."""
    import xlsxwriter

    path = tmp_path / "vanlig.xlsx"
    workbook = xlsxwriter.Workbook(str(path))
    workbook.add_worksheet("Blad").write_row("A1", ["Resor", 30000])
    workbook.close()
    moved = {b"http://schemas.openxmlformats.org/spreadsheetml/2006/main": b"http://purl.oclc.org/ooxml/spreadsheetml/main",
             b"http://schemas.openxmlformats.org/officeDocument/2006/relationships":
                 b"http://purl.oclc.org/ooxml/officeDocument/relationships"}

    def strict(data: bytes) -> bytes:
        for old, new in moved.items():
            data = data.replace(old, new)
        return data

    with zipfile.ZipFile(path) as archive:
        parts = [n for n in archive.namelist() if n.endswith((".xml", ".rels")) and n != "[Content_Types].xml"]
    [table] = tables(read_document(rezip(path, tmp_path / "strikt.xlsx", change=dict.fromkeys(parts, strict))))
    assert table.rows == (("Resor", "30000"),) and table.numbers == ((None, Decimal(30000)),)


# --- PDF --------------------------------------------------------------------------------------------
def test_a_pdf_reads_its_lines_and_ruled_tables_page_by_page(tmp_path):
    first = (text_at(72, 780, "8.1 Kostnadsbudget", 14) + text_at(72, 760, "Summan ska balansera")
             + ruled_table(72, 740, [150, 80, 80], [["Kostnadsslag", "År 2024", "År 2025"],
                                                   ["Lönekostnader", "943 403", "970 966"], ["Summa", "943 403", ""]])
             + text_at(72, 600, "Resor") + text_at(250, 600, "30 000") + text_at(350, 600, "5 000"))
    path = tmp_path / "ansokan.pdf"
    path.write_bytes(pdf([first, text_at(72, 780, "9. Finansieringsbudget")]))
    document = read_document(path)
    assert document.kind == "pdf" and document.notes == []
    assert blocks(document) == [
        ("P", "8.1 Kostnadsbudget", None, P(page=1, line=1)),
        ("P", "Summan ska balansera", None, P(page=1, line=2)),
        ("T", (("Kostnadsslag", "År 2024", "År 2025"), ("Lönekostnader", "943 403", "970 966"),
               ("Summa", "943 403", "")), P(page=1, table=1)),
        # a row without rules: its columns apart by runs of spaces, for the recognisers to split
        ("P", "Resor" + " " * 48 + "30 000" + " " * 22 + "5 000", None, P(page=1, line=3)),
        ("P", "9. Finansieringsbudget", None, P(page=2, line=1)),
    ]
    assert tables(document)[0].row_places == tuple(P(page=1, table=1, row=row) for row in (1, 2, 3))


def test_a_pdf_with_a_picture_and_text_reads_its_text(tmp_path):
    path = tmp_path / "logga.pdf"
    path.write_bytes(pdf([b"", text_at(72, 780, "Sida två har text")], image_pages=frozenset({0})))
    assert blocks(read_document(path)) == [("P", "Sida två har text", None, P(page=2, line=1))]


# --- text --------------------------------------------------------------------------------------------
PASTED = ("Ansökan\n"
          "\n"
          "## 8.1 Kostnadsbudget\n"
          "| Kostnadsslag | År 2024 | År 2025 |\n"
          "|:---|---:|--:|\n"
          "| Lönekostnader | 943 403 | 970 966 |\n"
          "| a \\| b | 1 |\n"
          "Kostnadsslag\tÅr 2024\tÅr 2025\n"
          "Resor\t30 000\t5 000\n"
          "\t10\t\n"
          "1.\tInledning\n"
          "Lokaler        48 000        12 000\n")


def expected_pasted(name: str) -> list[tuple]:
    return [
        ("P", "Ansökan", None, P(line=1)),
        ("P", "8.1 Kostnadsbudget", 2, P(line=3)),
        ("T", (("Kostnadsslag", "År 2024", "År 2025"), ("Lönekostnader", "943 403", "970 966"), ("a | b", "1", "")),
         P(table=1, line=4)),
        ("T", (("Kostnadsslag", "År 2024", "År 2025"), ("Resor", "30 000", "5 000"), ("", "10", ""),
               ("1.", "Inledning", "")), P(table=2, line=8)),
        ("P", "Lokaler        48 000        12 000", None, P(line=12)),  # a PDF's columns stay one paragraph
    ]


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-be-bom", "utf-32"])
def test_text_in_every_unicode_encoding_reads_the_same(tmp_path, encoding):
    data = b"\xfe\xff" + PASTED.encode("utf-16-be") if encoding == "utf-16-be-bom" else PASTED.encode(encoding)
    path = tmp_path / "ansokan.txt"
    path.write_bytes(data.replace(b"\n", b"\r\n") if encoding == "utf-8" else data)
    document = read_document(path)
    assert document.kind == "text" and document.notes == []
    assert blocks(document) == expected_pasted(str(path))
    assert tables(document)[0].row_places == (P(table=1, row=1, line=4), P(table=1, row=2, line=6),
                                              P(table=1, row=3, line=7))


def test_text_that_is_not_utf8_reads_as_windows_1252_with_a_note(tmp_path):
    path = tmp_path / "ansokan.md"
    path.write_bytes("Lönekostnader – 943 403 kr\n".encode("cp1252"))
    document = read_document(path)
    assert blocks(document) == [("P", "Lönekostnader – 943 403 kr", None, P(line=1))]
    [note] = document.notes
    assert note.code == "import.cp1252" and note.severity is Severity.warning and note.file == str(path)
    assert "Windows-1252" in note.message("sv") and "UTF-8" in note.message("en")


def test_pasted_text_and_standard_input(monkeypatch):
    document = read_text(PASTED, name="inklistrat")
    assert document.name == "inklistrat" and document.kind == "text"
    assert blocks(document) == expected_pasted("inklistrat")
    assert read_text("").blocks == [] and read_text("").name == "<text>"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(PASTED.encode())))
    piped = read_document("-")
    assert piped.name == "<stdin>" and blocks(piped) == expected_pasted("<stdin>")


def test_standard_input_and_a_file_without_extension_are_read_as_what_they_are(tmp_path, monkeypatch,
                                                                                ljusdal_xlsx):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(ljusdal_xlsx.read_bytes())))
    assert read_document("-", name="budget").kind == "xlsx"
    bare = tmp_path / "ansokan"
    bare.write_bytes(pdf([text_at(72, 780, "Utan filändelse")]))
    assert blocks(read_document(bare)) == [("P", "Utan filändelse", None, P(page=1, line=1))]


# --- what cannot be read: a message saying what the file is and what to do ---------------------------------
def _ole(*streams: str) -> bytes:
    """The start of an OLE compound file (a .doc, .xls or encrypted Office file) naming ``streams``."""
    return b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504) + b"".join(s.encode("utf-16-le") + bytes(8)
                                                                        for s in streams)


def _odf(kind: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", f"application/vnd.oasis.opendocument.{kind}")
        archive.writestr("content.xml", "<office:document-content/>")
    return buffer.getvalue()


def _docx_bytes(tmp: Path) -> bytes:
    return plain_docx(tmp / "riktig.docx").read_bytes()


def _xlsx_bytes(tmp: Path) -> bytes:
    import xlsxwriter

    workbook = xlsxwriter.Workbook(str(tmp / "riktig.xlsx"))
    workbook.add_worksheet().write("A1", "x")
    workbook.close()
    return (tmp / "riktig.xlsx").read_bytes()


def _retyped(tmp: Path, main: bytes) -> bytes:
    """The plain Word document with another main content type (a template, a presentation)."""
    word = b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
    return rezip(tmp / "riktig.docx" if (tmp / "riktig.docx").exists() else plain_docx(tmp / "riktig.docx"),
                 tmp / "omtypad.docx", change={"[Content_Types].xml": lambda data: data.replace(word, main)}
                 ).read_bytes()


PNG = b"\x89PNG\r\n\x1a\n" + bytes(100)
# (file name, its bytes made in a folder, code, words the Swedish message must hold)
BAD = [
    ("ansokan.docx", lambda tmp: pdf([text_at(72, 780, "PDF")]), "import.wrong_kind", ["är en PDF", ".pdf"]),
    ("budget.xlsx", _docx_bytes, "import.wrong_kind", ["heter .xlsx", "Word-dokument", ".docx"]),
    ("ansokan.docx", _xlsx_bytes, "import.wrong_kind", ["Excel-arbetsbok", ".xlsx"]),
    ("ansokan.txt", lambda tmp: pdf([text_at(72, 780, "PDF")]), "import.wrong_kind", ["heter .txt", ".pdf"]),
    ("ansokan.pdf", lambda tmp: b"Bara text\n", "import.wrong_kind", ["textfil", ".txt"]),
    ("ansokan.docx", lambda tmp: b"Kostnadsbudget\n", "import.wrong_kind", ["textfil", ".txt"]),
    ("ansokan.doc", _docx_bytes, "import.wrong_kind", ["heter .doc", ".docx"]),
    ("ansokan.doc", lambda tmp: _ole("WordDocument", "1Table"), "import.old_format",
     ["Word 97–2003", "spara den som .docx"]),
    ("budget.xls", lambda tmp: _ole("Workbook"), "import.old_format", ["Excel 97–2003", "spara den som .xlsx"]),
    ("ansokan.docx", lambda tmp: _ole("EncryptionInfo", "EncryptedPackage"), "import.password",
     ["lösenordsskyddat", "ta bort det"]),
    ("budget.xlsx", lambda tmp: _ole("EncryptedPackage"), "import.password", ["lösenordsskyddat"]),
    ("ansokan.docx", lambda tmp: bytes(range(256)) * 4, "import.package_invalid", ["ingen zip-fil", "spara den"]),
    ("ansokan.pdf", lambda tmp: b"\x00\x01garbage" * 10, "import.pdf_damaged", ["börjar inte som en PDF"]),
    ("ansokan.txt", lambda tmp: b"text\x00med\x00nollor", "import.not_text", ["ingen text", "UTF-8"]),
    ("ansokan.docx", lambda tmp: b"", "import.empty", ["tom"]),
    ("ansokan.odt", lambda tmp: _odf("text"), "import.save_as", ["OpenDocument", "spara den som .docx"]),
    ("budget.ods", lambda tmp: _odf("spreadsheet"), "import.save_as", ["kalkylblad", ".xlsx"]),
    ("ansokan.rtf", lambda tmp: b"{\\rtf1\\ansi Kostnadsbudget}", "import.save_as", ["RTF", ".docx"]),
    ("ansokan.dotx", lambda tmp: _retyped(
        tmp, b"application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"),
     "import.save_as", ["Word-mall", ".docx"]),
    ("ansokan.pptx", lambda tmp: _retyped(
        tmp, b"application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"),
     "import.save_as", ["PowerPoint", ".pdf"]),
    ("ansokan.pdf", lambda tmp: PNG, "import.image", ["bild", "OCR"]),
    ("scannad.pdf", lambda tmp: pdf([b""], image_pages=frozenset({0})), "import.pdf_scanned",
     ["PDF:en har inget textlager; kör OCR först"]),
    ("lasta.pdf", lambda tmp: pdf([text_at(72, 780, "Hemligt")], encrypt=True), "import.pdf_password",
     ["lösenordsskyddad", "utan lösenord"]),
    ("avkortad.pdf", lambda tmp: pdf([text_at(72, 780, "Avkortad")])[:300], "import.pdf_damaged",
     ["trasig eller avkortad"]),
    ("ansokan.csv", lambda tmp: b"a;b\n", "import.unknown_format", [".csv-filer", ".docx", ".xlsx", ".pdf", ".txt"]),
    ("bild.png", lambda tmp: PNG, "import.unknown_format", [".png-filer"]),
]


@pytest.mark.parametrize(("name", "make", "code", "words"), BAD,
                         ids=[f"{name}-{code.split('.')[1]}" for name, _, code, _ in BAD])
def test_a_file_that_cannot_be_read_says_what_it_is_and_what_to_do(tmp_path, capsys, name, make, code, words):
    path = tmp_path / name
    path.write_bytes(make(tmp_path))
    with pytest.raises(SourceError) as info:
        read_document(path)
    [problem] = info.value.problems
    assert problem.code == code and problem.file == str(path)
    swedish = problem.message("sv")
    assert all(word in swedish for word in words), swedish
    assert "Traceback" not in swedish and problem.message("en") not in ("", swedish, code)
    assert "försök igen" in swedish or code in ("import.image", "import.pdf_scanned", "import.empty")
    with pytest.raises(SourceError) as again:  # the importer's own entry point, without the command line
        from grantcalc.importer import read_application

        read_application(path)
    assert [p.code for p in again.value.problems] == [code]
    status, stdout, stderr = cli(capsys, "import", path, "-o", tmp_path / "budget.yaml")
    assert status == 2 and stdout == ""
    assert stderr.strip() == problem.format("sv") and not (tmp_path / "budget.yaml").exists()


def test_a_file_that_is_missing_a_folder_or_a_fifo_is_refused_by_the_bounded_read(tmp_path):
    codes = {}
    fifo = tmp_path / "ror.txt"
    os.mkfifo(fifo)
    (tmp_path / "mapp.docx").mkdir()
    for path in (tmp_path / "saknas.docx", tmp_path / "mapp.docx", fifo):
        with pytest.raises(SourceError) as info:
            read_document(path)
        codes[path.name] = info.value.problems[0].code
    assert codes == {"saknas.docx": "file.missing", "mapp.docx": "file.is_directory", "ror.txt": "file.not_regular"}


def test_a_file_over_the_size_limit_is_refused_unread(tmp_path, monkeypatch):
    path = tmp_path / "stor.docx"
    with open(path, "wb") as stream:  # sparse: nothing written
        stream.truncate(MAX_DOCUMENT_BYTES + 1)
    with pytest.raises(SourceError) as info:
        read_document(path)
    [problem] = info.value.problems
    assert problem.code == "import.too_large" and problem.params["limit"] == MAX_DOCUMENT_BYTES
    assert "för stor" in problem.message("sv") and "52\xa0428\xa0800" in problem.message("sv")
    import grantcalc.importer.read as read

    monkeypatch.setattr(read, "MAX_DOCUMENT_BYTES", 10)
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"elva tecken")))
    with pytest.raises(SourceError) as piped:
        read_document("-")
    assert [p.code for p in piped.value.problems] == ["import.too_large"]


def test_every_reason_a_package_is_refused_for_is_in_the_catalogue():
    from grantcalc import catalogue

    for reason in ("not_zip", "damaged", "encrypted", "method", "no_content_types", "content_types", "no_main",
                   "unpacks_more", "unpack", "shorter"):
        assert catalogue.has(f"import.invalid.{reason}") and catalogue.has(f"render.invalid.{reason}")
    from grantcalc.importer.read import _OLD, _RIGHT_SUFFIX, _SAVE_AS

    for kind in [*_SAVE_AS, *_OLD, *_RIGHT_SUFFIX]:
        assert catalogue.has(f"import.what.{kind}"), kind


# --- LibreOffice: PDFs as Word exports them ------------------------------------------------------------
def _soffice(source: Path, folder: Path, export: str = "pdf") -> Path:
    soffice = shutil.which("soffice")
    if soffice is None:
        pytest.skip("LibreOffice is not installed")
    profile = folder / "profile"
    subprocess.run([soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", export,
                    "--outdir", str(folder), str(source)], check=True, capture_output=True, timeout=180)
    return folder / (source.stem + ".pdf")


@pytest.mark.slow
def test_the_rendered_form_as_a_pdf_reads_its_cost_table(tmp_path, ljusdal_docx):
    document = read_document(_soffice(ljusdal_docx, tmp_path))
    assert document.kind == "pdf" and document.notes == []
    costs = [t for t in tables(document) if t.rows[0][0] == "Kostnadsslag"]
    rows = [row for table in costs for row in table.rows if row[0] != "Kostnadsslag"]
    plain = tuple(tuple(cell.replace("\xa0", " ").replace("\n", " ") for cell in row) for row in COSTS_81[1:])
    assert tuple(tuple(cell.replace("\n", " ") for cell in row) for row in rows) == plain
    assert all(t.place.page is not None and t.place.table for t in costs)
    texts = [b.text for b in document.blocks if isinstance(b, Paragraph)]
    assert "8.1 Kostnadsbudget" in texts and "Summan ska balansera mot finansieringsbudgeten" in texts


@pytest.mark.slow
@pytest.mark.parametrize("protection", ["open", "permissions"])
def test_a_password_protected_pdf_is_refused_and_a_restricted_one_read(tmp_path, protection):
    source = plain_docx(tmp_path / "skyddad.docx", "Kostnadsbudget 2024")
    options = '"EncryptFile":{"type":"boolean","value":"true"},"DocumentOpenPassword":{"type":"string","value":"x"}' \
        if protection == "open" else \
        '"RestrictPermissions":{"type":"boolean","value":"true"},"PermissionPassword":{"type":"string","value":"x"}'
    path = _soffice(source, tmp_path, "pdf:writer_pdf_Export:{" + options + "}")
    assert b"/Encrypt" in path.read_bytes()
    if protection == "open":
        with pytest.raises(SourceError) as info:
            read_document(path)
        assert [p.code for p in info.value.problems] == ["import.pdf_password"]
    else:
        assert [b.text for b in read_document(path).blocks] == ["Kostnadsbudget 2024"]
