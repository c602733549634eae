"""Form boxes: the parts of a funder's form that are not tables of amounts.

A Swedish application form is a grid of boxes, each with its label printed small at the
top and room below for the answer (*Organisationens namn*, *Kontaktperson | Telefonnummer*),
a box to write a longer answer in, and a two-column layout with the label to the left
(Kalmar län's form). These are laid out here on python-docx, with the borders and fonts
of :mod:`grantcalc.render.word`, so they look the same in every form.
"""

from __future__ import annotations

from collections.abc import Sequence

from docx.enum.table import WD_ROW_HEIGHT_RULE, WD_TABLE_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from grantcalc.render import word

__all__ = ["add_boxes", "add_answer", "add_label_table", "trim_first", "add_signature_grid"]

GRID = 6  # a row of one, two or three boxes: each spans 6, 3 or 2 grid columns
LABEL_PT = 8
VALUE_PT = word.BODY_PT


def _table(container, cols: int, widths: Sequence[int]):
    table = container.add_table(rows=0, cols=cols)
    table.alignment = WD_TABLE_ALIGNMENT.LEFT
    table.autofit = False
    word._borders(table)
    for column, w in zip(table.columns, widths):
        column.width = w
    return table


def _keep(row, *, split: bool = False, keep_with_next: bool = False) -> None:
    tr_pr = row._tr.get_or_add_trPr()
    if not split:
        tr_pr.append(OxmlElement("w:cantSplit"))
    if keep_with_next:
        for cell in row.cells:
            for paragraph in cell.paragraphs:
                paragraph.paragraph_format.keep_with_next = True


def _label_and_value(cell, label: str, value: str, *, tall: bool) -> None:
    """A box: its label small and bold at the top, the value (or room for it) below."""
    first = cell.paragraphs[0]
    first.paragraph_format.space_after = Pt(0)
    if label:
        run = first.add_run()
        word.add_text(run, label)
        run.bold = True
        run.font.size = Pt(LABEL_PT)
        run.font.color.rgb = word.GUIDANCE_GREY
    answer = cell.add_paragraph()
    answer.paragraph_format.space_after = Pt(2)
    answer.paragraph_format.space_before = Pt(1)
    if value:
        run = answer.add_run()
        word.add_text(run, value)
        run.font.size = Pt(VALUE_PT)
    if tall:
        answer.paragraph_format.space_before = Pt(18)


def add_boxes(container, rows: Sequence[Sequence[tuple[str, str]]], *, width: int,
              tall: Sequence[int] = (), keep_together: bool = True):
    """A grid of boxes, one row of the grid per item of ``rows``, each row a list of
    (label, value) boxes of equal width. Rows numbered in ``tall`` leave room to write by
    hand (a signature). ``keep_together`` keeps the grid on one page."""
    widths = [width // GRID] * GRID
    table = _table(container, GRID, widths)
    for index, boxes in enumerate(rows):
        row = table.add_row()
        span = GRID // max(len(boxes), 1)
        cells = row.cells
        for number, (label, value) in enumerate(boxes):
            start = number * span
            end = GRID - 1 if number == len(boxes) - 1 else start + span - 1
            cell = cells[start].merge(cells[end]) if end > start else cells[start]
            _label_and_value(cell, label, value, tall=index in tall)
        if index in tall:
            row.height, row.height_rule = Cm(1.4), WD_ROW_HEIGHT_RULE.AT_LEAST
        _keep(row, keep_with_next=keep_together and index < len(rows) - 1)
    return table


def add_answer(container, paragraphs: Sequence[str], *, width: int, lines: int = 3):
    """A box for the applicant's answer: the given ``paragraphs`` (what the budget says), or
    ``lines`` empty lines to write in. The box may break across pages."""
    table = _table(container, 1, [width])
    row = table.add_row()
    cell = row.cells[0]
    texts = [p for p in paragraphs if p]
    if not texts:  # an empty box is kept whole on one page; a long answer may run on
        texts = [""] * lines
        _keep(row)
    for index, text in enumerate(texts):
        paragraph = cell.paragraphs[0] if index == 0 else cell.add_paragraph()
        paragraph.paragraph_format.space_after = Pt(3)
        if text:
            word.add_text(paragraph.add_run(), text)
    return table


def trim_first(cell) -> None:
    """Remove a cell's first paragraph when it is empty and more follows (python-docx starts
    every cell with one, and a table added to a cell is followed by another)."""
    paragraphs = cell.paragraphs
    if len(paragraphs) > 1 and not paragraphs[0].text and not paragraphs[0]._p.findall(qn("w:r")):
        paragraphs[0]._p.getparent().remove(paragraphs[0]._p)


def room(cell, height: float = 1.0) -> None:  # float-ok: centimetres of a row, not an amount
    """Room to write in a label table's empty cell: its row at least ``height`` cm high."""
    row = cell._tc.getparent()
    tr_pr = row.get_or_add_trPr()
    element = OxmlElement("w:trHeight")
    element.set(qn("w:val"), str(int(Cm(height).twips)))
    element.set(qn("w:hRule"), "atLeast")
    tr_pr.append(element)


LABEL_SHARE = 0.24  # of the page's width: the label column of a labelled form


def add_label_table(container, *, width: int, label_share: word.Weight = LABEL_SHARE):
    """The two-column layout of a form that puts each field's label to the left of its text
    (the Kalmar län form). Rows are added with :func:`label_row`; a row may break across pages."""
    widths = [int(width * label_share), width - int(width * label_share)]
    return _table(container, 2, widths), widths


def label_row(table, label: str, widths: Sequence[int]):
    """A row of a label table: the label (bold, shaded) and its cell for the text, returned."""
    row = table.add_row()
    label_cell, text_cell = row.cells
    label_cell.width, text_cell.width = widths
    paragraph = label_cell.paragraphs[0]
    run = paragraph.add_run()
    word.add_text(run, label)
    run.bold = True
    word._shade(label_cell, word.HEADER_FILL)
    return text_cell


def add_signature_grid(container, parties: Sequence[str], *, width: int, signature: str, date: str,
                       columns: int = 2):
    """A grid of signature fields, one per party: its name, room to sign, and the words under
    the line (*Underskrift*, *Datum*)."""
    widths = [width // columns] * columns
    table = _table(container, columns, widths)
    for start in range(0, max(len(parties), 1), columns):
        row = table.add_row()
        row.height, row.height_rule = Cm(2.6), WD_ROW_HEIGHT_RULE.AT_LEAST
        for cell, party in zip(row.cells, list(parties[start:start + columns]) or [""]):
            title = cell.paragraphs[0]
            if party:
                run = title.add_run()
                word.add_text(run, party)
                run.bold = True
            room = cell.add_paragraph()
            _top_rule(room)  # before the spacing: w:pBdr comes first in w:pPr
            room.paragraph_format.space_before = Pt(30)
            for text in (signature, date):
                label = cell.add_paragraph()
                label.paragraph_format.space_after = Pt(0)
                run = label.add_run()
                word.add_text(run, text)
                run.font.size = Pt(LABEL_PT)
                run.font.color.rgb = word.GUIDANCE_GREY
        _keep(row)
    return table


def _top_rule(paragraph) -> None:
    """A line to sign on: the bottom border of the paragraph that leaves room for the signature."""
    p_pr = paragraph._p.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("w:val", "single"), ("w:sz", "4"), ("w:space", "1"), ("w:color", "808080")):
        bottom.set(qn(key), value)
    borders.append(bottom)
    p_pr.append(borders)
