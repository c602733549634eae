"""Building blocks of a Word document, on python-docx.

Tables carry their own borders and fonts instead of naming styles, so they
look the same in a built-in form and inside a user's template (whose styles
we do not know: python-docx raises ``KeyError`` for a style a document lacks).
Every table repeats its header row on each page, keeps rows whole, has fixed
column widths inside the text width and right-aligns its amounts. Each kind of
row is laid out once through ``row.cells`` (``table.cell(r, c)`` is quadratic)
and copied for the other rows of its kind (:class:`_Stamps`).

Every text goes through :func:`add_text`, which keeps numbers whole on a line
(:func:`grantcalc.formatting.no_break`) and dates unbroken at their hyphens.

A document made by :func:`set_up` is *print-ready*: A4, a running header and page
numbers in every section, properties from the budget. Its long tables keep only a few
rows as XML elements; the others are written straight into the file when the document
is saved (:class:`_StreamingDocumentPart`): a 50 000-line budget would otherwise hold
millions of XML elements in memory. The file is the same either way.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from collections.abc import Iterable, Iterator, Sequence
from copy import deepcopy
from functools import lru_cache
from typing import cast
from weakref import WeakKeyDictionary

from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_ROW_HEIGHT_RULE, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.parts.document import DocumentPart
from docx.shared import Cm, Pt, RGBColor
from lxml import etree

from grantcalc import catalogue
from grantcalc.catalogue import tag_of
from grantcalc.formatting import no_break

__all__ = [
    "set_up", "set_properties", "add_table", "add_form_table", "add_guidance", "add_heading", "add_paragraph",
    "add_text", "text_width", "table_fits", "column_widths", "new_section", "Column",
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
_WIDEST_EM = 0.62  # the widest character text_span counts (an upper case letter)


def _span_factor(size: Points, bold: bool) -> float:  # float-ok: EMU per em at ``size``
    return size * 1.06 * (1.03 if bold else 1.0) * EMU_PER_PT


@lru_cache(maxsize=8192)  # a table's amounts repeat, and each is measured for the landscape check and the widths
def text_span(text: str, size: Points, bold: bool = False) -> int:
    """The width ``text`` needs on one line at ``size`` points, in EMU: an estimate
    from Calibri's metrics (digits 0.51 em, spaces 0.23 em) with 6 % to spare."""
    ems = sum(0.3 if ch in NARROW else (_WIDEST_EM if ch.isupper() else 0.52) for ch in text)
    return int(ems * _span_factor(size, bold)) + CELL_PADDING


def _widest(texts: Iterable[str], size: Points, bold: bool = True) -> int:
    """The largest :func:`text_span` of ``texts`` (0 for none): measured longest first, until no
    shorter text can be wider (a column of 50 000 amounts measures a handful of them)."""
    factor = _span_factor(size, bold)
    best = 0
    for text in sorted(set(texts), key=len, reverse=True):
        if int(len(text) * _WIDEST_EM * factor) + CELL_PADDING <= best:  # nothing this long can be wider
            break
        best = max(best, text_span(text, size, bold))
    return best


def _needs(columns: Sequence[Column], rows: Sequence[Sequence[str]], size: Points) -> tuple[dict[int, int], int]:
    """What the fit columns need (by index) and the least the other columns can have."""
    need = {i: max(text_span(c.heading, size, bold=True), _widest((r[i] for r in rows if len(r) > i), size))
            for i, c in enumerate(columns) if c.fit}
    floor = sum(max(int(2.2 * 360000), text_span(c.heading, size, bold=True))
                for c in columns if not c.fit)
    return need, floor


def table_fits(columns: Sequence[Column], rows: Sequence[Sequence[str]], width: int, size: Points) -> bool:
    """Whether every figure fits on one line in ``width``."""
    need, floor = _needs(columns, rows, size)
    return sum(need.values()) + floor <= width


def column_widths(columns: Sequence[Column], rows: Sequence[Sequence[str]], width: int,
                  size: Points = TABLE_PT) -> list[int]:
    """Widths that fill ``width``: fit columns get what their longest text needs (at most
    a quarter of the width each), the others share the rest by weight, each at least
    as wide as its heading (and 2,2 cm); when that does not fit, fit columns shrink alike.

    What :func:`add_table` computes for its own rows; for tables that must line up
    (one per budget year), give it the rows of them all and pass the result to each
    table as ``widths``."""
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


def set_up(document, lang: str, title: str, *, author: str = "", header: str | None = None,
           page_numbers: bool = True, now: dt.datetime | None = None) -> None:
    """Make ``document`` (a new python-docx ``Document``) print-ready: A4 with margins, the
    language of every run (spell-checking, hyphenation), the default font and headings,
    a running header (``header``, by default ``title``; ``""`` for none) and page numbers
    (*Sida 1 av 3*, ``page_numbers``) on every page of every section, and the document's
    properties (:func:`set_properties`: ``title``, ``author`` — the applicant —, created
    ``now``). Its long tables are written into the file as it is saved (see the module)."""
    tag = tag_of(lang)  # the language's locale as a tag: sv-SE, en-GB
    for section in document.sections:
        section.page_width, section.page_height = PAGE_A4
        for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
            setattr(section, side, MARGIN)
        section.header_distance = section.footer_distance = Cm(1.1)
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
    _running_header(document, title if header is None else header, lang, page_numbers)
    set_properties(document, title=title, author=author, lang=lang, now=now)
    _stream(document)


# --- the running header and page numbers ---------------------------------------------------------
HEADER_PT = 8


def _field(paragraph, instruction: str, shown: str = "1") -> None:
    """A Word field (``PAGE``, ``NUMPAGES``) at the end of ``paragraph`` in the header's small
    grey, showing ``shown`` until the reader's program updates it (Word and LibreOffice do as
    they lay out the pages)."""
    for kind in ("begin", "instruction", "separate", "result", "end"):
        r = OxmlElement("w:r")
        rpr = OxmlElement("w:rPr")
        for tag, value in (("w:color", str(GUIDANCE_GREY)), ("w:sz", str(HEADER_PT * 2))):
            element = OxmlElement(tag)
            element.set(qn("w:val"), value)
            rpr.append(element)
        r.append(rpr)
        if kind == "instruction":
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = f" {instruction} "
        elif kind == "result":
            element = OxmlElement("w:t")
            element.text = shown
        else:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        r.append(element)
        paragraph._p.append(r)


def _small_run(paragraph, text: str) -> None:
    run = paragraph.add_run()
    add_text(run, text)
    run.font.size = Pt(HEADER_PT)
    run.font.color.rgb = GUIDANCE_GREY


def _running_header(document, text: str, lang: str, page_numbers: bool) -> None:
    """``text`` at the top of every page and *Sida x av y* at the foot, right-aligned, in the
    first section; the others are linked to it (they show the same, portrait or landscape:
    alignment, not tab stops, so a landscape page has them at its own margins)."""
    from string import Formatter

    first, *others = document.sections
    for section in others:
        section.header.is_linked_to_previous = True
        section.footer.is_linked_to_previous = True
    header = first.header
    header.is_linked_to_previous = False
    paragraph = header.paragraphs[0]
    if text:
        _small_run(paragraph, text)
    if not page_numbers:
        return
    footer = first.footer
    footer.is_linked_to_previous = False
    paragraph = footer.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    fields = {"page": "PAGE", "pages": "NUMPAGES"}
    for literal, name, _, _ in Formatter().parse(catalogue.text("form.page_of", lang)):  # "Sida {page} av {pages}"
        if literal:
            _small_run(paragraph, literal)
        if name:
            _field(paragraph, fields[name])


# --- the document's properties -------------------------------------------------------------------
_APP_XML = (
    "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" '
    'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
    "<Application>{application}</Application><DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop>"
    "<LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc><HyperlinksChanged>false</HyperlinksChanged>"
    "</Properties>")
_PROPERTY_MAX = 255  # characters python-docx (and Word's dialog) take in a core property


def _generator() -> str:
    """The program that wrote the document, for app.xml's Application: ``grantcalc 1.2.0``."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return f"grantcalc {version('grantcalc')}"
    except PackageNotFoundError:  # run from a source tree that is not installed
        return "grantcalc"


def set_properties(document, *, lang: str, title: str | None = None, author: str = "",
                   now: dt.datetime | None = None) -> None:
    """The document's properties as of a new document: ``title`` (left as it is when None),
    ``author`` and last modified by (the applicant), created and modified ``now`` (by default
    the current time), revision 1, the language's tag; app.xml names grantcalc as the
    program that wrote it (and nothing else: no word counts, template or company of a
    document it was not), and the thumbnail of another document is dropped. ``lang``: the
    language whose tag (``sv-SE``) the document is marked with."""
    from docx.opc.constants import CONTENT_TYPE as CT
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part

    moment = (now or dt.datetime.now(dt.UTC)).astimezone(dt.UTC).replace(microsecond=0)
    props = document.core_properties
    if title is not None:
        props.title = title[:_PROPERTY_MAX]
    props.author = author[:_PROPERTY_MAX]
    props.last_modified_by = author[:_PROPERTY_MAX]
    props.created = props.modified = moment
    props.revision = 1
    props.comments = ""
    props.language = tag_of(lang)
    package = document.part.package
    app = _APP_XML.format(application=_escape(_generator())).encode("utf-8")
    rels = package.rels
    for rel_id, rel in list(rels.items()):
        if rel.reltype == RT.THUMBNAIL:  # a picture of python-docx's blank page, or of the template
            del rels[rel_id]
        elif rel.reltype == RT.EXTENDED_PROPERTIES and not rel.is_external:
            rel.target_part._blob = app
            app = b""
    if app:
        package.relate_to(Part(PackURI("/docProps/app.xml"), CT.OFC_EXTENDED_PROPERTIES, app, package),
                          RT.EXTENDED_PROPERTIES)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def text_width(document) -> int:
    """The width between the margins of the last section, in EMU."""
    section = document.sections[-1]
    return section.page_width - section.left_margin - section.right_margin


def new_section(document, *, landscape: bool) -> None:
    """Start a new page in landscape (for a table with many budget years) or back in portrait;
    its header and footer are the previous section's."""
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
    (python-docx reads every style of the document for each heading), and the text
    written by :func:`add_text`."""
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
    paragraph = container.add_paragraph()
    if text:
        add_text(paragraph.add_run(), text)
    paragraph._p.style = style[0]
    return paragraph


def add_paragraph(container, text: str = "", *, bold: bool = False, italic: bool = False, size: Points | None = None,
                  align: str = "l", keep_with_next: bool = False):
    """A new paragraph at the end of ``container`` (a document, cell or subdocument), returned:
    ``text`` as one run (:func:`add_text`: newlines break the line), optionally bold, italic, of ``size``
    points, right-aligned (``align="r"``) and kept on the page of the next one (``keep_with_next``).

    A paragraph with text right after a table (the form's note under it: *Summan ska balansera
    mot finansieringsbudgeten.*) is never the first thing on a page: the table's last rows
    keep with it (:func:`keep_table_with_next`)."""
    paragraph = container.add_paragraph()
    if text:
        run = paragraph.add_run()
        add_text(run, text)
        run.bold = bold or None
        run.italic = italic or None
        if size:
            run.font.size = Pt(size)
        _hold_table_before(paragraph)
    if align == "r":
        paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    if keep_with_next:
        paragraph.paragraph_format.keep_with_next = True
    return paragraph


def add_guidance(container, text: str):
    """Guidance for the applicant, set apart (grey italic) to be replaced by their own text."""
    paragraph = container.add_paragraph()
    run = paragraph.add_run()
    add_text(run, text)
    run.italic = True
    run.font.color.rgb = GUIDANCE_GREY
    if text:
        _hold_table_before(paragraph)
    return paragraph


KEEP_ROWS = 2  # the rows of a table that go to the next page with the paragraph after it


def keep_table_with_next(table, rows: int = KEEP_ROWS) -> None:
    """Keep the last ``rows`` rows of ``table`` (a python-docx table or its ``w:tbl``) on the
    page of what follows, so that a note after a table never starts a page alone. Header
    rows (repeated on each page) are left as they are."""
    tbl = getattr(table, "_tbl", table)
    body = [tr for tr in tbl.iterchildren(_TR) if tr.find(_HEADER_ROW) is None]
    for tr in body[-rows:] if rows > 0 else ():
        for p in tr.iter(_P):
            p.get_or_add_pPr().keepNext_val = True


def _hold_table_before(paragraph) -> None:
    previous = paragraph._p.getprevious()
    if previous is not None and previous.tag == _TBL:
        keep_table_with_next(previous)


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
    """Set ``text`` on ``run``: a newline is a line break, the hyphens of dates are
    no-break hyphens, so that 2024-03-31 never wraps at a hyphen (python-docx reads
    them back as ``-``), and a space inside a number or between a number and its unit
    is a no-break space (:func:`grantcalc.formatting.no_break`: ``5 000 kr/mån``,
    ``3,3 %``), the user's own free text included."""
    _append_text(run._r, text)


def _append_text(r, text: str) -> None:
    """:func:`add_text` on a ``w:r`` element."""
    for number, line in enumerate(no_break(text).split("\n")):
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


_TBL, _TR, _TC, _P, _R, _T = qn("w:tbl"), qn("w:tr"), qn("w:tc"), qn("w:p"), qn("w:r"), qn("w:t")
_HEADER_ROW = f"{qn('w:trPr')}/{qn('w:tblHeader')}"
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
        self.table._tbl.append(self.row(kind, values))

    def row(self, kind, values: Sequence[str]):
        """The ``w:tr`` of a row of ``kind`` with ``values``, in no table."""
        if len(values) < self.cells:  # a short row leaves its last cells as add_row made them
            row = self.table.add_row()
            self.lay_out(row, values, kind)
            self.table._tbl.remove(row._tr)
            return row._tr
        proto = self.rows.get(kind)
        if proto is None:
            row = self.table.add_row()
            self.lay_out(row, [_PLACEHOLDER] * self.cells, kind)
            proto = self.rows[kind] = row._tr
            self.table._tbl.remove(proto)
        tr = deepcopy(proto)
        for tc, value in zip(tr.iterchildren(_TC), values):
            p = tc.find(_P)
            r = p.find(_R)
            if not value:
                p.remove(r)
            elif "\n" in value or _DATE_HYPHEN.search(value):
                r.remove(r.find(_T))
                _append_text(r, value)
            else:
                r.find(_T).text = no_break(value)
        return tr


# --- long tables, written into the file as it is saved ---------------------------------------------
DEFERRED_ROWS = 500  # a table with more rows than this keeps only its first and last rows as elements
_TAIL = KEEP_ROWS + 1  # rows at a long table's end kept as elements (keep_table_with_next sets them)
_MARKER = "grantcalc-rows-{}"
_MARKED = re.compile(rb"<!--grantcalc-rows-(\d+)-->")
_CHUNK = 1 << 20  # characters of rows written to the file at a time


class _Deferred:
    """The rows of a table that stand, in the document's XML, as a comment (``<!--grantcalc-rows-N-->``):
    each row is written from its kind's stamp when the document is saved, and let go.

    A row whose texts are each one ``w:t`` (no line break, no date) is its stamp's XML with the
    texts put in (:class:`_RowText`); another one is made as an element by :meth:`_Stamps.row`
    and serialized. Either is the XML the row would have in the document's tree."""

    __slots__ = ("rows", "stamps", "texts")

    def __init__(self, stamps: _Stamps):
        self.stamps = stamps
        self.rows: list[tuple[object, Sequence[str]]] = []
        self.texts: dict[object, _RowText | None] = {}

    def _element_xml(self, kind, values: Sequence[str], namespaces: dict[str, str]) -> str:
        return _fragment(self.stamps.row(kind, values), namespaces)

    def xml(self, namespaces: dict[str, str]) -> Iterator[bytes]:
        """The rows as the document's XML would hold them, in chunks of about a megabyte."""
        chunk: list[str] = []
        size = 0
        cells = self.stamps.cells
        for kind, values in self.rows:
            text = None
            if len(values) >= cells:
                if kind not in self.texts:
                    self.texts[kind] = _RowText.of(self.stamps, kind, namespaces)
                template = self.texts[kind]
                if template is not None:
                    text = template.xml(values)
            if text is None:
                text = self._element_xml(kind, values, namespaces)
            chunk.append(text)
            size += len(text)
            if size >= _CHUNK:
                yield "".join(chunk).encode("utf-8")
                chunk, size = [], 0
        if chunk:
            yield "".join(chunk).encode("utf-8")


_NAMESPACE_DECLARATION = re.compile(r' xmlns:([\w.-]+)="([^"]*)"')
# a text that is not one plain w:t (a line break, a date's hyphen) or that XML escapes beyond & < >
_NOT_PLAIN = re.compile(r"[\n\r\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]|(?<=\d)-(?=\d)")


def _fragment(element, namespaces: dict[str, str]) -> str:
    """``element`` (in no tree) serialized as it reads inside the document, whose root declares
    ``namespaces``: without the declarations lxml gives a lone element of its own."""
    text = etree.tostring(element, encoding="unicode")
    start = text.index(">")
    tag = text[:start]
    if " xmlns:" in tag:
        tag = _NAMESPACE_DECLARATION.sub(lambda m: "" if namespaces.get(m[1]) == m[2] else m[0], tag)
        text = tag + text[start:]
    return text


class _RowText:
    """A stamp's XML cut around its texts: ``statics[i]`` before cell ``i``'s run, the run's start
    (``heads[i]``: ``<w:r><w:rPr>…</w:rPr>``) and end; a cell with a text is static + head +
    ``<w:t xml:space="preserve">text</w:t>`` + end, an empty one loses its run, as in :class:`_Stamps`."""

    __slots__ = ("heads", "statics", "tails")
    _OPEN, _CLOSE = '<w:t xml:space="preserve">', "</w:t>"

    def __init__(self, statics: list[str], heads: list[str], tails: list[str]):
        self.statics, self.heads, self.tails = statics, heads, tails

    @classmethod
    def of(cls, stamps: _Stamps, kind, namespaces: dict[str, str]) -> _RowText | None:
        """The stamp of ``kind`` cut around its texts; None when it is not laid out as expected
        (then its rows are made as elements)."""
        marks = [f"\ue000{i}\ue001" for i in range(stamps.cells)]
        text = _fragment(stamps.row(kind, marks), namespaces)
        statics, heads, tails = [], [], []
        position = 0
        for mark in marks:
            t = cls._OPEN + mark + cls._CLOSE
            at = text.find(t, position)
            run = text.rfind("<w:r>", position, at)
            end = text.find("</w:r>", at)
            if at < 0 or run < 0 or end < 0 or text.count(mark) != 1 or "<w:t" in text[run:at]:
                return None
            statics.append(text[position:run])
            heads.append(text[run:at])
            tails.append(text[at + len(t):end + len("</w:r>")])
            position = end + len("</w:r>")
        statics.append(text[position:])
        return cls(statics, heads, tails)

    def xml(self, values: Sequence[str]) -> str | None:
        """The row with ``values``; None for a text that is not one plain ``w:t``."""
        statics, heads, tails = self.statics, self.heads, self.tails
        parts = [statics[0]]
        for i, value in enumerate(values[:len(heads)]):
            if value:
                if _NOT_PLAIN.search(value):
                    return None
                value = no_break(value)
                if "&" in value or "<" in value or ">" in value:
                    value = value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                parts += (heads[i], self._OPEN, value, self._CLOSE, tails[i])
            parts.append(statics[i + 1])
        return "".join(parts)


def _stream(document) -> None:
    """Let ``document`` keep its long tables' rows out of its XML until it is saved."""
    part = document.part
    if type(part) is DocumentPart:
        part.__class__ = _StreamingDocumentPart
        cast(_StreamingDocumentPart, part).deferred = {}


class _StreamingDocumentPart(DocumentPart):
    """The main part of a document made by :func:`set_up`: saving it writes the rows its long
    tables deferred (:class:`_Deferred`) where their comments stand, straight into the file."""

    deferred: dict[str, _Deferred]

    def defer(self, stamps: _Stamps, tbl) -> _Deferred:
        """Rows to come at the end of ``tbl`` (so far), written when the document is saved."""
        key = str(len(self.deferred))
        tbl.append(etree.Comment(_MARKER.format(key)))
        deferred = self.deferred[key] = _Deferred(stamps)
        return deferred

    def save(self, path_or_stream) -> None:
        """Save the document to ``path_or_stream`` (a path or a binary file), its deferred
        rows written into ``word/document.xml`` in chunks, never held whole in memory."""
        if not self.deferred:
            return super().save(path_or_stream)
        buffer = io.BytesIO()
        super().save(buffer)  # python-docx writes the package, the long tables' rows as comments
        member = self.partname.membername
        namespaces = {k: v for k, v in self.element.nsmap.items() if k}
        with zipfile.ZipFile(buffer) as source, \
                zipfile.ZipFile(path_or_stream, "w", compression=zipfile.ZIP_DEFLATED) as target:
            for info in source.infolist():
                data = source.read(info)
                if info.filename != member:
                    target.writestr(info, data)
                    continue
                entry = zipfile.ZipInfo(info.filename, info.date_time)
                entry.compress_type, entry.external_attr = info.compress_type, info.external_attr
                # a cell is some 300 bytes of XML: past a generous guess of 1 GB, sizes of 2 GB and more
                guess = len(data) + sum(len(d.rows) * d.stamps.cells * 1000 for d in self.deferred.values())
                with target.open(entry, "w", force_zip64=guess > 1 << 30) as out:
                    for index, piece in enumerate(_MARKED.split(data)):
                        if index % 2:
                            for chunk in self.deferred[piece.decode()].xml(namespaces):
                                out.write(chunk)
                        else:
                            out.write(piece)
        return None


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


def _deferring(container, count: int) -> _StreamingDocumentPart | None:
    """The part to defer a table's rows to: a long table in the main text of a document made by
    :func:`set_up` (its body or a cell there; not a header, nor a template's subdocument,
    whose XML is copied elsewhere before the document is saved)."""
    part = getattr(container, "part", None)
    if count <= DEFERRED_ROWS or not isinstance(part, _StreamingDocumentPart):
        return None
    element = getattr(container, "_element", None)
    if element is None or element.getroottree().getroot() is not part.element:
        return None
    return part


def add_table(container, columns: Sequence[Column], rows: Sequence[Sequence[str]], *, width: int,
              sum_rows: int = 0, size: Points = TABLE_PT, header: bool = True,
              widths: Sequence[int] | None = None, keep_with_next: bool = False):
    """A table with ``columns`` filling ``width`` (EMU); the last ``sum_rows`` rows
    are set in bold as totals. Amount cells hold text already formatted.

    ``widths``: each column's width in EMU (by default :func:`column_widths` of these
    rows: give the same to tables that must line up). ``keep_with_next``: the last rows
    stay on the page of what follows (a paragraph of text after the table does that by
    itself: :func:`add_paragraph`).

    In a document made by :func:`set_up`, a table of more than :data:`DEFERRED_ROWS` rows
    holds its header and last rows as elements; the others are written into the file when
    it is saved (``rows`` must not change until then). Read such a table from the saved file."""
    count = len(columns)
    table = container.add_table(rows=0, cols=count)
    table.alignment = WD_TABLE_ALIGNMENT.LEFT
    table.autofit = False
    _borders(table)
    widths = list(widths) if widths is not None else column_widths(columns, rows, width, size)
    if len(widths) != count:
        raise ValueError(f"{len(widths)} widths for {count} columns")
    for column, w in zip(table.columns, widths):
        column.width = w

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
    first = 1 if header else 0
    total = first + len(rows)
    if header:
        stamps.add((True, sum_rows >= total), [c.heading for c in columns])
    part = _deferring(container, len(rows))
    deferred = part.defer(stamps, table._tbl) if part is not None else None
    tail = total - _TAIL  # the rows from here on are elements
    for index, values in enumerate(rows, start=first):
        kind = (False, index >= total - sum_rows)
        if deferred is not None and index < tail:
            deferred.rows.append((kind, values))
        else:
            stamps.add(kind, values)
    if keep_with_next:
        keep_table_with_next(table)
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
