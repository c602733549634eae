"""A document to import is untrusted input: hostile files are refused, or read in part, quickly.

Each hostile file is built inside its test: a Word document of 10 000 tables, files of 100 MB,
zip bombs (a huge promised size, a lying central directory, too many parts), XML with a DOCTYPE
(an external entity pointing at a secret file, "billion laughs"), a macro-enabled document
renamed .docx, a workbook whose cells would pad to billions, a PDF whose streams unpack to
gigabytes. A refusal is a SourceError with an ``import.*`` code; a document past a cap comes back
in part, with a warning note saying where reading stopped (no test here times itself: the times
are measured with /usr/bin/time and reported).
"""

from __future__ import annotations

import tracemalloc
import zipfile
import zlib
from pathlib import Path

import pytest

from grantcalc.errors import Severity, SourceError
from grantcalc.importer.document import Paragraph, Place, Table
from grantcalc.importer.read import MAX_DOCUMENT_BYTES, MAX_TABLES, read_document
from grantcalc.importer.read.pdf import MAX_INFLATED_BYTES
from grantcalc.package import MAX_ENTRIES, MAX_UNPACKED_BYTES

from .import_files import append_zeros, body_docx, declare_size, pdf, plain_docx, rezip, text_at

SECRET = "HEMLIGT-4711-sekret"  # noqa: S105 - a marker to find leaked file contents by, not a password
SHEET = b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'


def refused(path: Path) -> list:
    with pytest.raises(SourceError) as info:
        read_document(path)
    return info.value.problems


def in_little_memory(path: Path) -> list:
    """The problems reading ``path`` raises, in less memory than what it unpacks to."""
    tracemalloc.start()
    try:
        problems = refused(path)
    finally:
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    assert peak < 30_000_000, peak
    return problems


@pytest.fixture(scope="module")
def plain(tmp_path_factory) -> Path:
    return plain_docx(tmp_path_factory.mktemp("plain") / "ansokan.docx")


@pytest.fixture(scope="module")
def workbook(tmp_path_factory) -> Path:
    import xlsxwriter

    path = tmp_path_factory.mktemp("workbook") / "budget.xlsx"
    book = xlsxwriter.Workbook(str(path))
    book.add_worksheet("Kostnader").write_string("A1", "Lönekostnader")
    book.close()
    return path


@pytest.fixture(scope="module")
def secret(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("secret") / "hemligt.txt"
    path.write_text(SECRET, encoding="utf-8")
    return path


# --- caps: a partial document and a note, never a hang ------------------------------------------------------
def test_a_word_document_of_ten_thousand_tables_is_read_up_to_the_cap(tmp_path):
    table = ("<w:tbl><w:tblGrid><w:gridCol/></w:tblGrid><w:tr><w:tc><w:p><w:r><w:t>{}</w:t></w:r></w:p></w:tc></w:tr>"
             "</w:tbl>")
    path = body_docx(tmp_path / "tabeller.docx", "".join(table.format(n) for n in range(1, 10_001)))
    document = read_document(path)
    found = [b for b in document.blocks if isinstance(b, Table)]
    assert len(found) == MAX_TABLES == 1000
    assert found[-1].rows == (("1000",),) and found[-1].place == Place(table=1000)
    [note] = document.notes
    assert note.code == "import.limit.tables" and note.severity is Severity.warning
    assert note.params["place"] == Place(table=1001)
    assert note.message("sv") == ("dokumentet har fler än 1\xa0000 tabeller; bara de första 1\xa0000 lästes och "
                                  "läsningen slutade vid tabell 1\xa0001")


def test_a_text_of_more_lines_than_the_cap_is_read_up_to_it(tmp_path, monkeypatch):
    from grantcalc.importer.read import common

    monkeypatch.setattr(common, "MAX_PARAGRAPHS", 50)
    path = tmp_path / "rader.txt"
    path.write_text("".join(f"rad {n}\n" for n in range(1, 1001)), encoding="utf-8")
    document = read_document(path)
    assert [b.text for b in document.blocks] == [f"rad {n}" for n in range(1, 51)]
    [note] = document.notes
    assert note.code == "import.limit.paragraphs" and note.params["place"] == Place(line=51)


def test_a_pdf_of_more_pages_than_the_cap_is_read_up_to_it(tmp_path, monkeypatch):
    from grantcalc.importer.read import common

    monkeypatch.setattr(common, "MAX_PAGES", 3)
    path = tmp_path / "sidor.pdf"
    path.write_bytes(pdf([text_at(72, 780, f"Sida {n}") for n in range(1, 6)]))
    document = read_document(path)
    assert [(b.text, b.place.page) for b in document.blocks if isinstance(b, Paragraph)] == \
        [("Sida 1", 1), ("Sida 2", 2), ("Sida 3", 3)]
    [note] = document.notes
    assert note.code == "import.limit.pages" and note.params["place"] == Place(page=4)
    assert note.message("sv").endswith("läsningen slutade vid sida 4")


def _sheet(rows: str) -> bytes:
    return (SHEET + b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
            + rows.encode() + b"</sheetData></worksheet>")


@pytest.mark.parametrize("limit", [20_000, pytest.param(200_000, marks=pytest.mark.slow)])
def test_a_sheet_of_more_cells_than_the_cap_is_read_up_to_it(tmp_path, monkeypatch, workbook, limit):
    from grantcalc.importer.read import common

    monkeypatch.setattr(common, "MAX_CELLS", limit)
    rows = "".join(f'<row r="{r}">' + "".join(f'<c r="{c}{r}"><v>{r}</v></c>' for c in "ABCDEFGHIJ") + "</row>"
                   for r in range(1, limit // 8))  # 25 % more cells than the cap
    path = rezip(workbook, tmp_path / "celler.xlsx", change={"xl/worksheets/sheet1.xml": lambda data: _sheet(rows)})
    document = read_document(path)
    [table] = document.blocks
    assert isinstance(table, Table) and len(table.rows) == limit // 10 and table.rows[-1][0] == str(limit // 10)
    [note] = document.notes
    assert note.code == "import.limit.cells"
    assert note.params["place"] == Place(table=1, sheet="Kostnader", row=limit // 10 + 1)


def test_a_sheet_whose_cells_would_pad_to_billions_stops_at_the_cap(tmp_path, workbook):
    """A diagonal of 20 000 cells, A1 to ADNX20000: 400 million cells once every row is as wide as the widest."""
    from grantcalc.importer.read.xlsx import column_letters

    rows = "".join(f'<row r="{n}"><c r="{column_letters(n % 16_384 + 1)}{n}" t="inlineStr"><is><t>x</t></is></c></row>'
                   for n in range(1, 20_001))
    path = rezip(workbook, tmp_path / "diagonal.xlsx", change={"xl/worksheets/sheet1.xml": lambda data: _sheet(rows)})
    document = read_document(path)
    [table] = document.blocks
    assert isinstance(table, Table) and len(table.rows) * len(table.rows[0]) <= 200_000
    assert [note.code for note in document.notes] == ["import.limit.cells"]


def test_a_word_table_cell_spanning_a_billion_columns_is_bounded(tmp_path):
    row = ('<w:tr><w:tc><w:tcPr><w:gridSpan w:val="999999999"/></w:tcPr><w:p><w:r><w:t>bred</w:t></w:r></w:p></w:tc>'
           "</w:tr>")
    body = "<w:tbl><w:tblGrid><w:gridCol/></w:tblGrid>" + row * 300 + "</w:tbl>"
    document = read_document(body_docx(tmp_path / "bred.docx", body))
    [table] = document.blocks
    assert isinstance(table, Table) and len(table.rows) == 200 and len(table.rows[0]) == 1000
    assert [note.code for note in document.notes] == ["import.limit.cells"]


def test_tables_nested_past_what_the_xml_parser_reads_are_refused(tmp_path):
    nested = "<w:tbl><w:tr><w:tc>" * 120 + "<w:p/>" + "</w:tc></w:tr></w:tbl>" * 120
    [problem] = refused(body_docx(tmp_path / "djup.docx", nested))
    assert problem.code == "import.docx_unreadable" and "spara det igen som .docx" in problem.message("sv")


# --- sizes ----------------------------------------------------------------------------------------------
@pytest.mark.parametrize("name", ["stor.docx", "stor.xlsx", "stor.pdf", "stor.txt", "stor"])
def test_a_file_of_100_mb_is_refused_unread(tmp_path, name):
    path = tmp_path / name
    with open(path, "wb") as stream:  # sparse: nothing is written, nor read
        stream.truncate(100 * 1024 * 1024)
    [problem] = refused(path)
    assert problem.code == "import.too_large"
    assert problem.params == {"size": 100 * 1024 * 1024, "limit": MAX_DOCUMENT_BYTES}
    assert "för stor för att importeras" in problem.message("sv") and "försök igen" in problem.message("sv")


@pytest.fixture(scope="module")
def bomb(tmp_path_factory, plain) -> Path:
    """The plain document plus 200 MB of zeros, about 200 kB compressed (written by streaming)."""
    path = append_zeros(rezip(plain, tmp_path_factory.mktemp("bomb") / "ansokan.docx"), "word/media/zeros.bin", 200)
    assert path.stat().st_size < 1_000_000
    return path


@pytest.mark.slow  # the bomb is built first: a second
def test_a_zip_bomb_is_refused_from_its_directory_before_unpacking(bomb):
    [problem] = in_little_memory(bomb)
    assert problem.code == "import.package_unpacked"
    assert problem.params["size"] > 200 * 1024 * 1024 and problem.params["limit"] == MAX_UNPACKED_BYTES
    assert "packas upp till" in problem.message("sv")


def test_a_part_that_unpacks_to_more_than_its_directory_says_is_refused(tmp_path, plain):
    """A lying central directory: 50 MB of zeros declared as 1 000 bytes."""
    path = append_zeros(rezip(plain, tmp_path / "ansokan.docx"), "word/media/big.bin", 50)
    declare_size(path, "word/media/big.bin", 1000)
    [problem] = in_little_memory(path)
    assert problem.code == "import.package_invalid"
    assert "word/media/big.bin" in problem.message("sv") and "mer än zip-filen anger" in problem.message("sv")


def test_a_package_of_too_many_parts_is_refused(tmp_path, workbook):
    path = rezip(workbook, tmp_path / "budget.xlsx")
    with zipfile.ZipFile(path, "a", zipfile.ZIP_STORED) as archive:
        for number in range(MAX_ENTRIES):
            archive.writestr(f"customXml/item{number}.bin", b"")
    [problem] = refused(path)
    assert problem.code == "import.package_parts" and problem.params["count"] > MAX_ENTRIES


def test_a_part_compressed_in_a_way_office_never_writes_is_refused(tmp_path, workbook):
    path = rezip(workbook, tmp_path / "budget.xlsx")
    with zipfile.ZipFile(path, "a", zipfile.ZIP_BZIP2) as archive:
        archive.writestr("xl/media/packed.bin", bytes(1000))
    [problem] = refused(path)
    assert problem.code == "import.package_invalid" and "metod 12" in problem.message("sv")


# --- macros and DOCTYPEs ----------------------------------------------------------------------------------
MACRO_WORD = b"application/vnd.ms-word.document.macroEnabled.main+xml"
WORD = b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"


def test_a_macro_enabled_document_renamed_docx_is_refused(tmp_path, plain):
    path = rezip(plain, tmp_path / "ansokan.docx",
                 change={"[Content_Types].xml": lambda data: data.replace(WORD, MACRO_WORD)})
    [problem] = refused(path)
    assert problem.code == "import.macros" and "spara den som vanligt Word-dokument (.docx)" in problem.message("sv")


def test_a_workbook_carrying_a_vba_project_is_refused(tmp_path, workbook):
    path = rezip(workbook, tmp_path / "budget.xlsx", add={"xl/vbaProject.bin": b"\x00" * 64})
    assert [p.code for p in refused(path)] == ["import.macros"]


def _external(secret: Path) -> bytes:
    return (f'<?xml version="1.0"?><!DOCTYPE w [<!ENTITY s SYSTEM "file://{secret}">]>'
            '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r>'
            "<w:t>&s;</w:t></w:r></w:p></w:body></w:document>").encode()


def _laughs_sheet() -> bytes:
    entities = '<!ENTITY a "lollollollol">' + "".join(f'<!ENTITY {chr(98 + n)} "{("&" + chr(97 + n) + ";") * 10}">'
                                                      for n in range(8))
    return (f'<?xml version="1.0"?><!DOCTYPE worksheet [{entities}]>'
            '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1">'
            '<c r="A1" t="inlineStr"><is><t>&i;</t></is></c></row></sheetData></worksheet>').encode()


def test_xml_with_a_doctype_is_refused(tmp_path, plain, workbook, secret):
    word = rezip(plain, tmp_path / "ansokan.docx", change={"word/document.xml": lambda data: _external(secret)})
    [problem] = refused(word)
    assert problem.code == "import.doctype" and problem.params["part"] == "word/document.xml"
    assert "<!DOCTYPE" in problem.message("sv") and SECRET not in problem.message("sv")
    sheet = rezip(workbook, tmp_path / "budget.xlsx", change={"xl/worksheets/sheet1.xml": lambda data: _laughs_sheet()})
    assert [(p.code, p.params["part"]) for p in refused(sheet)] == [("import.doctype", "xl/worksheets/sheet1.xml")]


def test_without_the_doctype_refusal_nothing_is_resolved_or_expanded(tmp_path, monkeypatch, plain, workbook, secret):
    """The second wall: every parser has resolve_entities=False, so a file the check let through
    never brings the secret file's content into the document, nor expands an entity."""
    from grantcalc import package

    monkeypatch.setattr(package, "_has_doctype", lambda blob: False)
    word = rezip(plain, tmp_path / "ansokan.docx", change={"word/document.xml": lambda data: _external(secret)})
    try:
        document = read_document(word)
    except SourceError as err:  # refusing is fine too, if it says so without the secret
        assert SECRET not in err.format("sv")
    else:
        assert all(SECRET not in getattr(block, "text", "") for block in document.blocks)
    sheet = rezip(workbook, tmp_path / "budget.xlsx", change={"xl/worksheets/sheet1.xml": lambda data: _laughs_sheet()})
    try:
        document = read_document(sheet)
    except SourceError as err:
        assert "lollollol" not in err.format("sv")
    else:
        texts = [cell for block in document.blocks if isinstance(block, Table) for row in block.rows for cell in row]
        assert all("lollollol" not in text for text in texts)


# --- PDF ---------------------------------------------------------------------------------------------------
@pytest.mark.slow  # compressing the 300 MB takes seconds
def test_a_pdf_whose_streams_unpack_to_gigabytes_is_refused_before_pdfminer_sees_it(tmp_path):
    """A content stream of 300 MB of spaces, 300 kB compressed: pdfminer would unpack it whole."""
    packer = zlib.compressobj(9)
    chunk = b" " * (1 << 20)
    bomb = b"".join(packer.compress(chunk) for _ in range(300)) + packer.flush()
    data = pdf([text_at(72, 780, "Liten")])
    marker = b"<< /Length "
    start = data.index(marker, data.index(b"5 0 obj"))
    end = data.index(b"endstream", start) + len(b"endstream")
    path = tmp_path / "bomb.pdf"
    stream = b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(bomb) + bomb + b"\nendstream"
    path.write_bytes(data[:start] + stream + data[end:])  # the offsets are wrong now: pdfminer would repair them
    [problem] = in_little_memory(path)
    assert problem.code == "import.pdf_unpacked" and problem.params["limit"] == MAX_INFLATED_BYTES


def test_a_pdf_picture_is_not_counted_as_unpacked_text(tmp_path, monkeypatch):
    """A scan's pictures are large once unpacked, but pdfminer never unpacks them: the scan is
    refused for what it is (no text layer), not as a bomb (here a 9 MB picture, the limit 1 MB)."""
    from grantcalc.importer.read import pdf as reader

    monkeypatch.setattr(reader, "MAX_INFLATED_BYTES", 1 << 20)
    picture = zlib.compress(bytes(3000 * 3000))
    data = pdf([b""], image_pages=frozenset({0}))
    data = data.replace(b"/Length 1 >>\nstream\n\x80\nendstream",
                        b"/Length %d /Filter /FlateDecode >>\nstream\n" % len(picture) + picture + b"\nendstream")
    path = tmp_path / "scan.pdf"
    path.write_bytes(data)
    assert [p.code for p in refused(path)] == ["import.pdf_scanned"]
    # the same limit bites a content stream of 2 MB: the picture was left out, not the check
    packed = zlib.compress(b"BT /F1 11 Tf 72 780 Td (Text) Tj ET\n" + b" " * (2 << 20))
    path.write_bytes(pdf([b""]).replace(b"<< /Length 0 >>\nstream\n\nendstream",
                                        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(packed) + packed
                                        + b"\nendstream"))
    assert [p.code for p in refused(path)] == ["import.pdf_unpacked"]


def test_a_pdf_page_that_draws_more_than_its_budget_is_left_out_with_a_note(tmp_path, monkeypatch):
    """pdfplumber's layout of a page grows faster than its characters (70 000 took 7 minutes): a
    page drawing more than MAX_PAGE_OBJECTS characters, lines and pictures is not laid out."""
    from grantcalc.importer.read import pdf as reader

    monkeypatch.setattr(reader, "MAX_PAGE_OBJECTS", 40)
    busy = b"".join(text_at(20 + 10 * (n % 50), 800 - 10 * (n // 50), "ab") for n in range(100))
    path = tmp_path / "tät.pdf"
    path.write_bytes(pdf([busy, text_at(72, 780, "Sida två")]))
    document = read_document(path)
    assert [(b.text, b.place) for b in document.blocks] == [("Sida två", Place(page=2, line=1))]
    [note] = document.notes
    assert note.code == "import.pdf_page_busy" and note.params["place"] == Place(page=1)
    assert note.message("sv").startswith("sida 1 har fler än 40 tecken")
    monkeypatch.setattr(reader, "MAX_PAGE_OBJECTS", 1000)
    monkeypatch.setattr(reader, "MAX_PDF_OBJECTS", 150)  # in all: page 1 draws 200 characters
    document = read_document(path)
    assert [n.code for n in document.notes] == ["import.limit.objects"]
    assert {b.place.page for b in document.blocks} == {1} and document.notes[0].params["place"] == Place(page=2)


def test_a_pdf_page_of_a_dense_grid_is_read_as_text(tmp_path):
    """A 60 × 60 grid crosses 3 600 times; pdfplumber compares every crossing with every other."""
    grid = b"0.5 w\n" + b"".join(b"%d 100 m %d 700 l S\n" % (50 + 8 * n, 50 + 8 * n) for n in range(60)) + \
        b"".join(b"50 %d m 522 %d l S\n" % (100 + 10 * n, 100 + 10 * n) for n in range(60))
    path = tmp_path / "rutnat.pdf"
    path.write_bytes(pdf([text_at(72, 780, "Rutnät") + grid]))
    document = read_document(path)
    assert [(b.text, b.place) for b in document.blocks] == [("Rutnät", Place(page=1, line=1))]
    assert [(n.code, n.params["place"]) for n in document.notes] == [("import.pdf_page_lines", Place(page=1))]


def test_a_word_body_larger_than_python_docx_should_parse_is_refused_unparsed(tmp_path, monkeypatch):
    """python-docx parses the body whole (50 MB of it take 8 s and 600 MB): its size is read first."""
    from grantcalc.importer.read import docx as reader

    monkeypatch.setattr(reader, "MAX_BODY_BYTES", 10_000)
    path = body_docx(tmp_path / "lang.docx", "<w:p><w:r><w:t>Rad</w:t></w:r></w:p>" * 1000)
    [problem] = refused(path)
    assert problem.code == "import.docx_too_large" and problem.params["limit"] == 10_000
    assert "spara bara ansökans budgetdel" in problem.message("sv")
