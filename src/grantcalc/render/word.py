"""Building blocks of a Word document, on python-docx.

Tables carry their own borders and fonts instead of naming styles, so they
look the same in a built-in form and inside a user's template (whose styles
we do not know: python-docx raises ``KeyError`` for a style a document lacks).
Every table repeats its header row on each page, keeps rows whole, has fixed
column widths inside the text width and right-aligns its amounts. Each kind of
row is laid out once through ``row.cells`` (``table.cell(r, c)`` is quadratic)
and copied for the other rows of its kind (:class:`_Stamps`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from copy import deepcopy
from functools import lru_cache
from weakref import WeakKeyDictionary

from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_ROW_HEIGHT_RULE, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from grantcalc.catalogue import tag_of

__all__ = [
    "set_up", "add_table", "add_form_table", "add_guidance", "add_heading", "add_paragraph",
    "text_width", "table_fits", "new_section", "Column",
]

Points = float  # float-ok: a font size in typographic points, never an amount
Weight = float  # float-ok: a share of a table's width, never an amount

FONT = "Calibri"
BODY_PT = 10.5
TABLE_PT = 9
GUIDANCE_GREY = RGBColor(0x59, 0x59, 0x59)
HEADER_FILL = "E7ECF2"
SUM_FILL = "F2F2F2"
PAGE_A4 = (Cm(21), Cm(29.7))
MARGIN = Cm(2.2)


class Column:
    """A table column: its heading, relative width and alignment (``l`` or ``r``).

    A ``fit`` column (amounts, dates) is as wide as its longest text, so that a
    figure never wraps; the other columns share what is left by ``weight``.
    """

    __slots__ = ("align", "fit", "heading", "weight")

    def __init__(self, heading: str, weight: Weight = 1.0, align: str = "l", fit: bool | None = None):
        self.heading, self.weight, self.align = heading, weight, align
        self.fit = align == "r" if fit is None else fit


EMU_PER_PT = 12700
CELL_PADDING = 2 * 108 * 635 + 2 * EMU_PER_PT  # Word's default cell margins (0.19 cm each side), a little air
NARROW = frozenset(" \u00a0.,:;'()|!il1")  # about 0.23–0.3 em in Calibri/Carlito


@lru_cache(maxsize=8192)  # a table's amounts repeat, and each is measured for the landscape check and the widths
def text_span(text: str, size: Points, bold: bool = False) -> int:
    """The width ``text`` needs on one line at ``size`` points, in EMU: an estimate
    from Calibri's metrics (digits 0.51 em, spaces 0.23 em) with 6 % to spare."""
    ems = sum(0.3 if ch in NARROW else (0.62 if ch.isupper() else 0.52) for ch in text)
    return int(ems * size * 1.06 * (1.03 if bold else 1.0) * EMU_PER_PT) + CELL_PADDING


def _needs(columns: Sequence[Column], rows: Sequence[Sequence[str]], size: Points) -> tuple[dict[int, int], int]:
    """What the fit columns need (by index) and the least the other columns can have."""
    need = {i: max([text_span(c.heading, size, bold=True)] + [text_span(r[i], size, bold=True) for r in rows])
            for i, c in enumerate(columns) if c.fit}
    floor = sum(max(int(2.2 * 360000), text_span(c.heading, size, bold=True))
                for c in columns if not c.fit)
    return need, floor


def table_fits(columns: Sequence[Column], rows: Sequence[Sequence[str]], width: int, size: Points) -> bool:
    """Whether every figure fits on one line in ``width``."""
    need, floor = _needs(columns, rows, size)
    return sum(need.values()) + floor <= width


def column_widths(columns: Sequence[Column], rows: Sequence[Sequence[str]], width: int, size: Points) -> list[int]:
    """Widths that fill ``width``: fit columns get what their longest text needs (at most
    a quarter of the width each), the others share the rest by weight, each at least
    as wide as its heading (and 2,2 cm); when that does not fit, fit columns shrink alike."""
    need, floor = _needs(columns, rows, size)
    need = {i: min(n, width // 4) for i, n in need.items()}
    flexible = [i for i, c in enumerate(columns) if not c.fit]
    rest = width - sum(need.values())
    if rest < floor and need:  # too many fit columns: shrink them alike
        scale = max(width - floor, 0) / sum(need.values())
        need = {i: int(n * scale) for i, n in need.items()}
        rest = width - sum(need.values())
    weights = sum(columns[i].weight for i in flexible)
    if not flexible:  # only fit columns: spread what is left evenly
        extra = rest // len(columns)
        return [need[i] + extra for i in range(len(columns))]
    return [need[i] if i in need else int(rest * columns[i].weight / weights) for i in range(len(columns))]


def _set_lang(rpr, tag: str) -> None:
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    for attr in ("w:val", "w:eastAsia", "w:bidi"):
        lang.set(qn(attr), tag)


def set_up(document, lang: str, title: str) -> None:
    """A4 with margins, the language of every run (spell-checking, hyphenation),
    the default font, and the title in the document's properties."""
    tag = tag_of(lang)  # the language's locale as a tag: sv-SE, en-GB
    for section in document.sections:
        section.page_width, section.page_height = PAGE_A4
        for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
            setattr(section, side, MARGIN)
    styles = document.styles
    defaults = styles.element.find(qn("w:docDefaults"))
    rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    _set_lang(rpr, tag)
    normal = styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(BODY_PT)
    normal.paragraph_format.space_after = Pt(4)
    for name, size in (("Title", HEADING_PT[0]), ("Heading 1", HEADING_PT[1]), ("Heading 2", HEADING_PT[2]),
                       ("Heading 3", HEADING_PT[3])):
        style = styles[name]
        style.font.name = FONT
        style.font.size = Pt(size)
        style.font.color.rgb = RGBColor(0x1F, 0x3A, 0x5F)
        style.paragraph_format.keep_with_next = True
    props = document.core_properties
    props.language = tag
    props.title = title
    props.author = "grantcalc"
    props.comments = ""


def text_width(document) -> int:
    """The width between the margins of the last section, in EMU."""
    section = document.sections[-1]
    return section.page_width - section.left_margin - section.right_margin


def new_section(document, *, landscape: bool) -> None:
    """Start a new page in landscape (for a table with many budget years) or back in portrait."""
    from docx.enum.section import WD_SECTION

    section = document.add_section(WD_SECTION.NEW_PAGE)
    wide = section.page_width > section.page_height
    if wide != landscape:
        section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = section.page_height, section.page_width


HEADING_PT = {0: 20, 1: 14, 2: 12, 3: 11}


# a document's part -> {level: (style id,) or None when the document lacks the style}
_HEADING_STYLES: WeakKeyDictionary = WeakKeyDictionary()


def add_heading(container, text: str, level: int):
    """A heading in the document's heading style; in a template without that style
    (python-docx raises ``KeyError``), a bold paragraph of the heading's size.

    What python-docx's ``add_heading`` does, with the style looked up once per document
    (python-docx reads every style of the document for each heading)."""
    part = container.part
    styles = _HEADING_STYLES.setdefault(part, {})
    if 0 <= level <= 9 and level not in styles:
        try:
            styles[level] = (part.get_style_id("Title" if level == 0 else f"Heading {level}",
                                               WD_STYLE_TYPE.PARAGRAPH),)
        except KeyError:
            styles[level] = None
    style = styles.get(level)
    if style is None:
        if not 0 <= level <= 9:  # python-docx's own ValueError
            return container.add_heading(text, level=level)
        # the document lacks the style (python-docx's add_heading would leave a plain paragraph behind first)
        return add_paragraph(container, text, bold=True, size=HEADING_PT.get(level, 11), keep_with_next=True)
    paragraph = container.add_paragraph(text)
    paragraph._p.style = style[0]
    return paragraph


def add_paragraph(container, text: str = "", *, bold: bool = False, italic: bool = False, size: Points | None = None,
                  align: str = "l", keep_with_next: bool = False):
    """A new paragraph at the end of ``container`` (a document, cell or subdocument), returned:
    ``text`` as one run (:func:`add_text`: newlines break the line), optionally bold, italic, of ``size``
    points, right-aligned (``align="r"``) and kept on the page of the next one (``keep_with_next``)."""
    paragraph = container.add_paragraph()
    if text:
        run = paragraph.add_run()
        add_text(run, text)
        run.bold = bold or None
        run.italic = italic or None
        if size:
            run.font.size = Pt(size)
    if align == "r":
        paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    if keep_with_next:
        paragraph.paragraph_format.keep_with_next = True
    return paragraph


def add_guidance(container, text: str):
    """Guidance for the applicant, set apart (grey italic) to be replaced by their own text."""
    paragraph = container.add_paragraph()
    run = paragraph.add_run(text)
    run.italic = True
    run.font.color.rgb = GUIDANCE_GREY
    return paragraph


def _borders(table) -> None:
    tbl_pr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:val"), "single")
        element.set(qn("w:sz"), "4")
        element.set(qn("w:space"), "0")
        element.set(qn("w:color"), "808080")
        borders.append(element)
    tbl_pr.append(borders)
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    tbl_pr.append(layout)


def _shade(cell, fill: str) -> None:
    tc_pr = cell._tc.get_or_add_tcPr()
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)
    tc_pr.append(shading)


def _row_flags(row, *, header: bool = False) -> None:
    tr_pr = row._tr.get_or_add_trPr()
    cant_split = OxmlElement("w:cantSplit")
    tr_pr.append(cant_split)
    if header:
        repeat = OxmlElement("w:tblHeader")
        tr_pr.append(repeat)


_DATE_HYPHEN = re.compile(r"(?<=\d)-(?=\d)")


def add_text(run, text: str) -> None:
    """Set ``text`` on ``run``: a newline is a line break, and the hyphens of dates are
    no-break hyphens, so that 2024-03-31 never wraps at a hyphen (python-docx reads
    them back as ``-``)."""
    _append_text(run._r, text)


def _append_text(r, text: str) -> None:
    """:func:`add_text` on a ``w:r`` element."""
    for number, line in enumerate(text.split("\n")):
        if number:
            r.append(OxmlElement("w:br"))
        for index, piece in enumerate(_DATE_HYPHEN.split(line)):
            if index:
                r.append(OxmlElement("w:noBreakHyphen"))
            if piece:
                t = OxmlElement("w:t")
                t.set(qn("xml:space"), "preserve")
                t.text = piece
                r.append(t)


_TC, _P, _R, _T = qn("w:tc"), qn("w:p"), qn("w:r"), qn("w:t")
_PLACEHOLDER = "0"  # a text add_text writes as one w:t


class _Stamps:
    """Rows laid out once through python-docx and copied for each row laid out alike.

    python-docx sets each property of a cell by looking up and inserting elements in
    the schema's order, which costs about as much per cell as the rest of rendering.
    Here each kind of row (header, body, sum…) is laid out once by ``lay_out(row, texts,
    kind)`` with placeholder texts; every row of that kind is a copy of it with its own
    texts, which is the same XML as laying the row out itself: a text that is one
    ``w:t`` replaces the placeholder's, another one is written by :func:`add_text`, and
    an empty cell loses its run (``_fill`` adds no run for an empty text).
    """

    def __init__(self, table, lay_out):
        self.table, self.lay_out, self.rows = table, lay_out, {}
        self.cells = len(table._tbl.tblGrid.gridCol_lst)

    def add(self, kind, values: Sequence[str]) -> None:
        """A row of ``kind`` with ``values``, after the table's last row."""
        if len(values) < self.cells:  # a short row leaves its last cells as add_row made them
            self.lay_out(self.table.add_row(), values, kind)
            return
        tbl = self.table._tbl
        proto = self.rows.get(kind)
        if proto is None:
            row = self.table.add_row()
            self.lay_out(row, [_PLACEHOLDER] * self.cells, kind)
            proto = self.rows[kind] = row._tr
            tbl.remove(proto)
        tr = deepcopy(proto)
        tbl.append(tr)
        for tc, value in zip(tr.iterchildren(_TC), values):
            p = tc.find(_P)
            r = p.find(_R)
            if not value:
                p.remove(r)
            elif "\n" in value or _DATE_HYPHEN.search(value):
                r.remove(r.find(_T))
                _append_text(r, value)
            else:
                r.find(_T).text = value


def _mark_size(paragraph, size: Points) -> None:
    """The size of the paragraph mark, which sets the height of an empty line."""
    p_pr = paragraph._p.get_or_add_pPr()
    r_pr = p_pr.find(qn("w:rPr"))
    if r_pr is None:
        r_pr = OxmlElement("w:rPr")
        p_pr.append(r_pr)
    for tag in ("w:sz", "w:szCs"):
        element = OxmlElement(tag)
        element.set(qn("w:val"), str(int(size * 2)))
        r_pr.append(element)


def _fill(cell, text: str, *, align: str, bold: bool, size: Points, italic: bool = False) -> None:
    paragraph = cell.paragraphs[0]
    paragraph.paragraph_format.space_after = Pt(0)
    paragraph.paragraph_format.space_before = Pt(0)
    if align == "r":
        paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    _mark_size(paragraph, size)  # an empty cell is as high as a filled one
    if text:
        run = paragraph.add_run()
        add_text(run, text)
        run.font.size = Pt(size)
        run.bold = bold or None
        run.italic = italic or None


def add_table(container, columns: Sequence[Column], rows: Sequence[Sequence[str]], *, width: int,
              sum_rows: int = 0, size: Points = TABLE_PT, header: bool = True):
    """A table with ``columns`` filling ``width`` (EMU); the last ``sum_rows`` rows
    are set in bold as totals. Amount cells hold text already formatted."""
    count = len(columns)
    table = container.add_table(rows=0, cols=count)
    table.alignment = WD_TABLE_ALIGNMENT.LEFT
    table.autofit = False
    _borders(table)
    widths = column_widths(columns, rows, width, size)
    for column, w in zip(table.columns, widths):
        column.width = w
    all_rows = ([[c.heading for c in columns]] if header else []) + [list(r) for r in rows]

    def lay_out(row, values: Sequence[str], kind: tuple[bool, bool]) -> None:
        is_header, is_sum = kind
        _row_flags(row, header=is_header)
        for cell, value, column, w in zip(row.cells, values, columns, widths):
            cell.width = w
            _fill(cell, value, align=column.align, bold=is_header or is_sum, size=size)
            if is_header:
                _shade(cell, HEADER_FILL)
            elif is_sum:
                _shade(cell, SUM_FILL)

    stamps = _Stamps(table, lay_out)
    for index, values in enumerate(all_rows):
        stamps.add((header and index == 0, index >= len(all_rows) - sum_rows), values)
    return table


def add_form_table(container, pairs: Sequence[tuple[str, str]], *, width: int, label_share: Weight = 0.38,
                   tall: Sequence[int] = (), keep_together: bool = False):
    """A form's label–value table (*Insatsens namn | …*); empty values are left for the applicant.
    Rows numbered in ``tall`` leave room to write by hand (a signature); ``keep_together``
    keeps the table on one page."""
    columns = [Column("", label_share), Column("", 1 - label_share)]
    table = container.add_table(rows=0, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.LEFT
    table.autofit = False
    _borders(table)
    widths = [int(width * c.weight) for c in columns]
    for column, w in zip(table.columns, widths):
        column.width = w

    def lay_out(row, values: Sequence[str], kind: tuple[bool, bool]) -> None:
        is_tall, keep_with_next = kind
        _row_flags(row)
        if is_tall:
            row.height, row.height_rule = Cm(1.3), WD_ROW_HEIGHT_RULE.AT_LEAST
        label_cell, value_cell = row.cells
        label_cell.width, value_cell.width = widths
        _fill(label_cell, values[0], align="l", bold=True, size=BODY_PT - 0.5)
        _shade(label_cell, HEADER_FILL)
        _fill(value_cell, values[1], align="l", bold=False, size=BODY_PT)
        if keep_with_next:
            for cell in row.cells:
                cell.paragraphs[0].paragraph_format.keep_with_next = True

    stamps = _Stamps(table, lay_out)
    for index, (label, value) in enumerate(pairs):
        stamps.add((index in tall, keep_together and index < len(pairs) - 1), (label, value))
    return table
