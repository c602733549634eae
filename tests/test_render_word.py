"""The tables of :mod:`grantcalc.render.word`: a row copied from its kind's first row
is the same XML as the row laid out cell by cell through python-docx."""

from __future__ import annotations

from docx import Document
from docx.enum.table import WD_ROW_HEIGHT_RULE
from docx.shared import Cm
from lxml import etree

from grantcalc.render import word
from grantcalc.render.word import Column

TEXTS = ["Lönekostnader", "", "1\u00a0111\u00a0403", "2024-03-31", "två\nrader", " ", "–", "Summa 2022-01-01 – x"]


def xml(table) -> bytes:
    return etree.tostring(table._tbl)


def laid_out_table(document, columns, rows, *, width, sum_rows, size, header):
    """:func:`word.add_table` as it was written before the copying: every row laid out."""
    table = document.add_table(rows=0, cols=len(columns))
    table.alignment = word.WD_TABLE_ALIGNMENT.LEFT
    table.autofit = False
    word._borders(table)
    widths = word.column_widths(columns, rows, width, size)
    for column, w in zip(table.columns, widths):
        column.width = w
    all_rows = ([[c.heading for c in columns]] if header else []) + [list(r) for r in rows]
    for index, values in enumerate(all_rows):
        row = table.add_row()
        is_header = header and index == 0
        is_sum = index >= len(all_rows) - sum_rows
        word._row_flags(row, header=is_header)
        for cell, value, column, w in zip(row.cells, values, columns, widths):
            cell.width = w
            word._fill(cell, value, align=column.align, bold=is_header or is_sum, size=size)
            if is_header:
                word._shade(cell, word.HEADER_FILL)
            elif is_sum:
                word._shade(cell, word.SUM_FILL)
    return table


def test_copied_rows_are_the_rows_laid_out_cell_by_cell():
    columns = [Column("Kostnadsslag", fit=True), Column("Specifikation"), Column("År 2022", align="r"),
               Column("Totalt", 1.05, "r")]
    rows = [[TEXTS[(i + j) % len(TEXTS)] for j in range(4)] for i in range(len(TEXTS) * 2)]
    rows.append(["Summa", "", "1", "2"])
    document = Document()
    width = word.text_width(document)
    for header, sum_rows, size in ((True, 1, word.TABLE_PT), (False, 0, 8), (True, 3, word.TABLE_PT)):
        ours = word.add_table(document, columns, rows, width=width, sum_rows=sum_rows, size=size, header=header)
        theirs = laid_out_table(document, columns, rows, width=width, sum_rows=sum_rows, size=size, header=header)
        assert xml(ours) == xml(theirs)


def test_copied_form_rows_are_the_rows_laid_out_cell_by_cell():
    pairs = [(label, value) for label in TEXTS[:4] for value in TEXTS]
    document = Document()
    width = word.text_width(document)
    for tall, keep_together in (((), False), ((1, 5), True)):
        ours = word.add_form_table(document, pairs, width=width, tall=tall, keep_together=keep_together)
        theirs = document.add_table(rows=0, cols=2)
        theirs.alignment = word.WD_TABLE_ALIGNMENT.LEFT
        theirs.autofit = False
        word._borders(theirs)
        widths = [int(width * 0.38), int(width * (1 - 0.38))]
        for column, w in zip(theirs.columns, widths):
            column.width = w
        for index, (label, value) in enumerate(pairs):
            row = theirs.add_row()
            word._row_flags(row)
            if index in tall:
                row.height, row.height_rule = Cm(1.3), WD_ROW_HEIGHT_RULE.AT_LEAST
            label_cell, value_cell = row.cells
            label_cell.width, value_cell.width = widths
            word._fill(label_cell, label, align="l", bold=True, size=word.BODY_PT - 0.5)
            word._shade(label_cell, word.HEADER_FILL)
            word._fill(value_cell, value, align="l", bold=False, size=word.BODY_PT)
            if keep_together and index < len(pairs) - 1:
                for cell in row.cells:
                    cell.paragraphs[0].paragraph_format.keep_with_next = True
        assert xml(ours) == xml(theirs)


def test_headings_use_the_document_s_styles_and_fall_back_to_bold_text():
    document = Document()
    for level in (0, 1, 2, 3, 1):
        word.add_heading(document, f"Rubrik {level}", level)
    assert [(p.style.name, p.text) for p in document.paragraphs] == [
        ("Title", "Rubrik 0"), ("Heading 1", "Rubrik 1"), ("Heading 2", "Rubrik 2"), ("Heading 3", "Rubrik 3"),
        ("Heading 1", "Rubrik 1")]
    other = Document()  # the styles are looked up per document: this one lacks Heading 2
    name = word.qn("w:name")
    other.styles.element.remove(next(s for s in other.styles.element
                                     if s.find(name) is not None and s.find(name).get(word.qn("w:val")) == "heading 2"))
    word.add_heading(other, "Utan stil", 2)
    word.add_heading(document, "Rubrik 2", 2)
    assert document.paragraphs[-1].style.name == "Heading 2"
    assert other.paragraphs[-1].runs[0].bold
    assert [p.text for p in other.paragraphs] == ["Utan stil"]  # once: no plain paragraph left behind
