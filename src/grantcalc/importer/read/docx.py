"""A Word document (.docx) as a document: its body's paragraphs and tables, in order.

python-docx opens the package (checked before, :mod:`grantcalc.package`); the body's XML is
then walked directly, child by child, so paragraphs and tables keep their order, content
controls (``w:sdt``) and custom XML are looked into, and nothing is read twice:

- a paragraph's text is its runs' text (tabs as ``\\t``, line breaks as ``\\n``), without
  deleted text (tracked changes), field codes or the text of text boxes, which follow their
  paragraph as paragraphs of their own; its heading level comes from its style (*Heading N*,
  *Rubrik N*, a style based on one, an outline level; *Title*/*Rubrik* is 0);
- a table's rows have each grid column once: a cell spanning columns (``gridSpan``) is given
  once, then ``""`` for the columns it covers; a cell merged with the one above (``vMerge``)
  is ``""``; a row that starts or ends beside the grid (``gridBefore``/``gridAfter``) is padded.
  A cell's text is its paragraphs joined with ``\\n``. Tables inside a cell follow their outer
  table as tables of their own (the Kalmar form nests its cost table in a cell), numbered in
  that order. A table's place is its number in the document, a row's its row number.
"""

from __future__ import annotations

import contextlib
import io
import re
import zipfile
from typing import Any

from grantcalc.importer.document import Document, Paragraph, Place
from grantcalc.importer.read.common import Rows, Stop, Tally, fail
from grantcalc.package import WORD_MAIN, Package

__all__ = ["read_docx", "check_body", "MAX_BODY_BYTES"]

MAX_BODY_BYTES = 20 * 1024 * 1024  # word/document.xml: 300 pages of text are 3-5 MB; 50 MB take 8 s and 600 MB

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
P, TBL, TR, TC, SDT, SDT_CONTENT, CUSTOM_XML = (_W + tag for tag in ("p", "tbl", "tr", "tc", "sdt", "sdtContent",
                                                                  "customXml"))
_T, _TAB, _BR, _CR, _NB_HYPHEN, _TXBX = (_W + tag for tag in ("t", "tab", "br", "cr", "noBreakHyphen",
                                                              "txbxContent"))
_VAL = _W + "val"
# not read as a paragraph's text: deleted or moved-away text, properties, field codes, the fallback
# copy of a drawing (its text box is read once, from the drawing itself)
_SKIPPED = frozenset((_W + "del", _W + "moveFrom", _W + "pPr", _W + "rPr", _W + "instrText", _W + "delText",
                      _MC + "Fallback"))
_WRAPPERS = frozenset((SDT, CUSTOM_XML))  # content controls and custom XML: their content is read
_MAX_SPAN = 1_000  # a gridSpan or gridBefore past this is not a table Word made
_HEADING = re.compile(r"^(?:heading|rubrik)\s*([1-9])$")  # Word's own name, or the Swedish one
_TITLE = frozenset(("title", "rubrik"))
_STREAM = re.compile(r"\s*'?<_io\.BytesIO object at 0x[0-9a-fA-F]+>'?")


def check_body(package: Package, name: str) -> None:
    """Refuse a body larger than :data:`MAX_BODY_BYTES` (as the zip directory says: a part that
    unpacks to more is refused by the package's check): python-docx parses the body whole."""
    for part, kind in (package.types or {}).items():
        if kind == WORD_MAIN and part in package.names and \
                (size := package.archive.getinfo(part).file_size) > MAX_BODY_BYTES:
            raise fail("import.docx_too_large", name, size=size, limit=MAX_BODY_BYTES)


def read_docx(data: bytes, document: Document) -> None:
    """The blocks of the Word document ``data`` (its package checked) appended to ``document``."""
    from docx import Document as open_docx
    from docx.opc.exceptions import OpcError
    from lxml import etree

    try:
        word = open_docx(io.BytesIO(data))
        body = word.element.body
        styles = word.styles.element
    except (OpcError, KeyError, ValueError, zipfile.BadZipFile, etree.XMLSyntaxError, AttributeError) as err:
        said = _STREAM.sub("", f"{type(err).__name__}: {err}")  # python-docx names the stream it was given
        raise fail("import.docx_unreadable", document.name, reason=said) from None
    reader = _Reader(document, _heading_levels(styles))
    with contextlib.suppress(Stop):  # a cap was reached: its note says where the document was cut
        reader.blocks(body)


class _Reader:
    def __init__(self, document: Document, levels: dict[str, int]):
        self.document = document
        self.levels = levels
        self.tally = Tally(document)
        self.paragraphs = 0

    def blocks(self, parent: Any) -> None:
        for child in parent:
            tag = child.tag
            if tag == P:
                self.paragraph(child)
            elif tag == TBL:
                self.table(child)
            elif tag in _WRAPPERS:
                self.blocks(_content(child))

    def paragraph(self, element: Any) -> None:
        self.paragraphs += 1
        place = Place(paragraph=self.paragraphs)
        boxes: list[Any] = []
        text = _text(element, boxes).strip()
        if text:
            self.tally.take("paragraphs", place)
            self.document.blocks.append(Paragraph(text, place, heading=self.level(element)))
        for box in boxes:  # a text box's paragraphs, after the one it is anchored in
            for child in box.iter(P):
                if (text := _text(child, []).strip()):
                    self.tally.take("paragraphs", place)
                    self.document.blocks.append(Paragraph(text, place))

    def level(self, paragraph: Any) -> int | None:
        properties = paragraph.find(_W + "pPr")
        if properties is None:
            return None
        style = properties.find(_W + "pStyle")
        if style is not None and style.get(_VAL) in self.levels:
            return self.levels[style.get(_VAL)]
        return _outline(properties)

    def table(self, element: Any) -> None:
        place = Place(table=self.tally.counts["tables"] + 1)
        self.tally.take("tables", place)
        rows = Rows(self.tally, width=len(element.findall(f"{_W}tblGrid/{_W}gridCol")))
        nested: list[Any] = []
        try:
            for number, row in enumerate(_children(element, TR), 1):
                rows.add(self.cells(row, nested), place.with_row(number))
        finally:
            if (table := rows.table(place)) is not None:
                self.document.blocks.append(table)
        for inner in nested:
            self.table(inner)

    def cells(self, row: Any, nested: list[Any]) -> list[str]:
        cells = [""] * _count(row, "trPr", "gridBefore")
        for cell in _children(row, TC):
            properties = cell.find(_W + "tcPr")
            span = _count(cell, "tcPr", "gridSpan", default=1)
            merge = properties.find(_W + "vMerge") if properties is not None else None
            if merge is not None and merge.get(_VAL, "continue") != "restart":
                text = ""  # merged with the cell above, whose text it shows
            else:
                text = "\n".join(_text(paragraph, []).strip() for paragraph in _children(cell, P)).strip()
            cells.append(text)
            cells.extend([""] * (span - 1))
            nested.extend(_children(cell, TBL))
        cells.extend([""] * _count(row, "trPr", "gridAfter"))
        return cells


def _content(wrapper: Any) -> Any:
    """What a content control (``w:sdt``: its ``w:sdtContent``) or custom XML element holds."""
    if wrapper.tag == SDT:
        content = wrapper.find(SDT_CONTENT)
        return content if content is not None else ()
    return wrapper


def _children(parent: Any, tag: str) -> list[Any]:
    """The children of ``parent`` with ``tag``, those inside content controls included."""
    found = []
    for child in parent:
        if child.tag == tag:
            found.append(child)
        elif child.tag in _WRAPPERS:
            found.extend(_children(_content(child), tag))
    return found


def _count(element: Any, properties: str, name: str, default: int = 0) -> int:
    """An integer property (``w:gridSpan``, ``w:gridBefore``…), bounded; ``default`` when absent."""
    holder = element.find(_W + properties)
    value = holder.find(_W + name) if holder is not None else None
    if value is None:
        return default
    try:
        return max(default, min(int(value.get(_VAL, default)), _MAX_SPAN))
    except ValueError:
        return default


def _text(paragraph: Any, boxes: list[Any]) -> str:
    """The text of a paragraph; its text boxes' contents are put in ``boxes``."""
    parts: list[str] = []

    def walk(element: Any) -> None:
        for child in element:
            tag = child.tag
            if tag == _T:
                parts.append(child.text or "")
            elif tag == _TAB:
                parts.append("\t")
            elif tag in (_BR, _CR):
                parts.append("\n")
            elif tag == _NB_HYPHEN:
                parts.append("-")
            elif tag == _TXBX:
                boxes.append(child)
            elif tag not in _SKIPPED and isinstance(tag, str):
                walk(child)

    walk(paragraph)
    return "".join(parts)


def _outline(properties: Any) -> int | None:
    outline = properties.find(_W + "outlineLvl")
    if outline is None:
        return None
    try:
        level = int(outline.get(_VAL, ""))
    except ValueError:
        return None
    return level + 1 if 0 <= level <= 8 else None


def _heading_levels(styles: Any) -> dict[str, int]:
    """Paragraph style id → heading level: by its name or id (``heading 1``, ``Rubrik1``; ``Title``
    is 0), else its outline level, else the style it is based on."""
    found: dict[str, tuple[str, str | None, int | None]] = {}
    for style in styles.iter(_W + "style"):
        if style.get(_W + "type", "paragraph") != "paragraph" or not style.get(_W + "styleId"):
            continue
        name = style.find(_W + "name")
        based = style.find(_W + "basedOn")
        properties = style.find(_W + "pPr")
        found[style.get(_W + "styleId")] = (
            (name.get(_VAL, "") if name is not None else ""), based.get(_VAL) if based is not None else None,
            _outline(properties) if properties is not None else None)

    def level(style_id: str, depth: int = 0) -> int | None:
        name, based, outline = found[style_id]
        for said in (name.lower().strip(), style_id.lower()):
            if (heading := _HEADING.match(said)) is not None:
                return int(heading.group(1))
            if said in _TITLE:
                return 0
        if outline is not None:
            return outline
        if based in found and depth < 10:
            return level(based, depth + 1)
        return None

    return {style_id: value for style_id in found if (value := level(style_id)) is not None}
