"""A PDF with a text layer as a document, page by page, through pdfplumber.

On each page, the ruled tables pdfplumber finds (``find_tables``) are :class:`Table` blocks
(``place.page`` and ``place.table``, the table's number in the document; a row's place its
row number); the text outside the tables is one :class:`Paragraph` per line (``place.page``
and ``place.line``, the line's number on the page, tables left out), its words apart by one
space and the columns of a table without rules by a run of spaces (the recognisers split them). Blocks follow each other
from the top of the page down. A cell's lines are joined with ``\\n``; a cell covered by a
merged one is ``""``.

A PDF without text on any page (a scan) is refused: it needs OCR first. So are a PDF that
asks for a password to be opened (one that only restricts printing or copying opens without
one and is read), and a damaged or truncated one. Before pdfminer sees the file, its
Flate-compressed streams (not its pictures) are unpacked once in bounded steps, and a file
that would unpack to more than :data:`MAX_INFLATED_BYTES` is refused: pdfminer unpacks a
stream whole, in memory. A page pdfminer cannot read is left out with a note.
"""

from __future__ import annotations

import functools
import io
import logging
import re
import struct
import warnings
import zlib
from typing import Any

from grantcalc.importer.document import Document, Paragraph, Place
from grantcalc.importer.read.common import Rows, Stop, Tally, fail

__all__ = ["read_pdf", "MAX_INFLATED_BYTES", "MAX_PAGE_OBJECTS", "MAX_PDF_OBJECTS"]

MAX_INFLATED_BYTES = 256 * 1024 * 1024  # a 40-page application's text and fonts are a few MB unpacked
MAX_PAGE_OBJECTS = 20_000  # characters, lines, pictures and forms on one page: a full page of text is 3 000-5 000
MAX_PDF_OBJECTS = 1_000_000  # in all: 300 pages of dense text
_CHUNK = 1024 * 1024
_STREAM = re.compile(rb"(?<![A-Za-z])stream\r?\n")
# gaps between characters, in parts of the font size: a word's (no space character between), a column's
_WORD_GAP = 0.15  # float-ok
_COLUMN_GAP = 0.9  # float-ok: a space is 0.28 of the size, a justified line's up to about 0.6
_SPACE_WIDTH = 0.28  # float-ok
_MAX_EDGE_PAIRS = 250_000  # vertical × horizontal lines compared to find their crossings
_MAX_CROSSINGS = 2_500  # a table of 25 rows and 10 columns crosses 286 times
_DICTIONARY_WINDOW = 4096  # how far before ``stream`` its dictionary (``/Subtype /Image``) is looked for


for _name in ("pdfminer", "pdfplumber"):  # their warnings are not the user's: no "last resort" printing
    logging.getLogger(_name).addHandler(logging.NullHandler())


def _errors() -> tuple[type[BaseException], ...]:
    """What pdfminer (and pdfplumber on it) raises on a damaged or hostile file: its own
    exceptions, and the built-in ones its parser lets through on malformed objects (a missing
    key, a wrong type, a short buffer, an endless chain of references)."""
    from pdfminer.pdfexceptions import PDFException
    from pdfminer.psexceptions import PSException
    from pdfplumber.utils.exceptions import MalformedPDFException, PdfminerException

    return (PdfminerException, MalformedPDFException, PSException, PDFException, KeyError, ValueError, TypeError,
            IndexError, AttributeError, AssertionError, RecursionError, struct.error, zlib.error, OverflowError,
            ZeroDivisionError, UnicodeError, EOFError, NotImplementedError)


def read_pdf(data: bytes, document: Document) -> None:
    """The pages of the PDF ``data`` appended to ``document``."""
    _check_inflated(data, document)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        _read(data, document)


def _read(data: bytes, document: Document) -> None:
    import pdfplumber
    from pdfminer.pdfdocument import PDFEncryptionError
    from pdfplumber.utils.exceptions import PdfminerException

    tally = Tally(document)
    errors = _errors()
    try:
        pdf = pdfplumber.open(io.BytesIO(data), pages=[])  # the pages are made here, one at a time
    except errors as err:
        cause = err.args[0] if isinstance(err, PdfminerException) and err.args else err
        if isinstance(cause, PDFEncryptionError):
            raise fail("import.pdf_password", document.name) from None
        raise fail("import.pdf_damaged", document.name, reason=_reason(cause)) from None
    text_found = False
    read = drawn = busy = 0
    broken: list[str] = []
    try:  # pdfplumber's PDF is not closed: its close() would walk every page of the file
        for page in _pages(pdf, document):
            read += 1
            place = Place(page=page.page_number)
            tally.take("pages", place)
            try:
                text_found = _page(page, document, tally) or text_found
            except _Busy as past:
                busy += 1
                tally.note("import.pdf_page_busy", place, limit=past.limit)
            except errors as err:
                broken.append(_reason(err))
                tally.note("import.pdf_page", place, reason=broken[-1])
            finally:
                drawn += page_objects(page)
                page.close()
            if drawn > MAX_PDF_OBJECTS:
                tally.note("import.limit.objects", Place(page=page.page_number + 1), limit=MAX_PDF_OBJECTS)
                break
    except Stop:
        pass
    if not read:
        raise fail("import.pdf_no_pages", document.name)
    if not text_found and not busy:  # (pages too busy to read may have had text: their notes say so)
        if len(broken) == read:
            raise fail("import.pdf_damaged", document.name, reason=broken[0])
        raise fail("import.pdf_scanned", document.name)


def _pages(pdf: Any, document: Document) -> Any:
    """The pages of ``pdf``, made one at a time as they are read (pdfplumber would make all of
    them first), each laying itself out with a budget (:func:`_page_class`)."""
    from pdfminer.pdfpage import PDFPage

    pages = PDFPage.create_pages(pdf.doc)
    top = 0
    number = 0
    while True:
        try:
            made = next(pages)
        except StopIteration:
            return
        except _errors() as err:
            if number == 0:
                raise fail("import.pdf_damaged", document.name, reason=_reason(err)) from None
            Tally(document).note("import.pdf_page", Place(page=number + 1), reason=_reason(err))
            return
        number += 1
        page = _page_class()(pdf, made, page_number=number, initial_doctop=top)
        top += page.height
        yield page


class _Busy(Exception):  # a page past its budget, noted and left out
    def __init__(self, limit: int):
        super().__init__(limit)
        self.limit = limit


def page_objects(page: Any) -> int:
    """How many characters, lines and pictures laying out ``page`` cost (0 before it was laid out)."""
    return int(getattr(page, "_objects_drawn", 0))


@functools.cache
def _page_class() -> type:
    """pdfplumber's page whose layout is made by a device that counts what it draws: past
    :data:`MAX_PAGE_OBJECTS` characters, lines, pictures and forms, the page is given up
    (:class:`_Busy`) instead of laid out for minutes (pdfplumber's layout grows faster than the
    page's characters)."""
    from pdfminer.pdfinterp import PDFPageInterpreter
    from pdfplumber.page import Page, PDFPageAggregatorWithMarkedContent

    class Budgeted(PDFPageAggregatorWithMarkedContent):
        drawn = 0

        def spend(self) -> None:
            self.drawn += 1
            if self.drawn > MAX_PAGE_OBJECTS:
                raise _Busy(MAX_PAGE_OBJECTS)

        def render_char(self, *args: Any, **kwargs: Any) -> Any:
            self.spend()
            return super().render_char(*args, **kwargs)

        def paint_path(self, *args: Any, **kwargs: Any) -> None:
            self.spend()
            super().paint_path(*args, **kwargs)

        def render_image(self, *args: Any, **kwargs: Any) -> None:
            self.spend()
            super().render_image(*args, **kwargs)

        def begin_figure(self, *args: Any, **kwargs: Any) -> None:
            self.spend()
            super().begin_figure(*args, **kwargs)

    class BudgetedPage(Page):
        @property
        def layout(self) -> Any:
            if hasattr(self, "_layout"):
                return self._layout
            device = Budgeted(self.pdf.rsrcmgr, pageno=self.page_number, laparams=self.pdf.laparams)
            try:
                PDFPageInterpreter(self.pdf.rsrcmgr, device).process_page(self.page_obj)
            finally:
                self._objects_drawn = device.drawn
            self._layout = device.get_result()
            return self._layout

    return BudgetedPage


def _reason(err: BaseException) -> str:
    said = str(err)
    return f"{type(err).__name__}: {said[:200]}" if said else type(err).__name__


def _page(page: Any, document: Document, tally: Tally) -> bool:
    """The blocks of one page, appended; whether the page has any text."""
    if not any(char.get("text", "").strip() for char in page.chars):
        return False
    tables = page.find_tables() if _few_crossings(page) else []
    if not tables and page.edges and not _few_crossings(page):
        tally.note("import.pdf_page_lines", Place(page=page.page_number))
    boxes = [table.bbox for table in tables]
    outside = page.filter(lambda item: not _inside(item, boxes)) if boxes else page
    lines = [(line["top"], _spaced(line["chars"])) for line in outside.extract_text_lines(return_chars=True)]
    items: list[tuple[Any, int, Any]] = [(top, 1, text) for top, text in lines if text]
    items += [(table.bbox[1], 0, table) for table in tables]
    items.sort(key=lambda item: (item[0], item[1]))
    number = 0
    for _, is_line, item in items:
        if is_line:
            number += 1
            place = Place(page=page.page_number, line=number)
            tally.take("paragraphs", place)
            document.blocks.append(Paragraph(item, place))
        else:
            _table(item, page.page_number, document, tally)
    return True


def _few_crossings(page: Any) -> bool:
    """Whether the page's lines cross few enough times for pdfplumber to look for tables in them:
    it compares every crossing with every other (a 110 × 110 grid takes 20 seconds)."""
    if "few_crossings" in page.__dict__:
        return bool(page.__dict__["few_crossings"])
    from pdfplumber.table import edges_to_intersections

    edges = page.edges
    vertical = sum(1 for edge in edges if edge["orientation"] == "v")
    few = vertical * (len(edges) - vertical) <= _MAX_EDGE_PAIRS and \
        len(edges_to_intersections(edges, 3, 3)) <= _MAX_CROSSINGS
    page.__dict__["few_crossings"] = few
    return few


def _spaced(chars: list[dict]) -> str:
    """A line's text from its characters: words apart by one space, and a gap wider than a
    character (the next column of a table without rules) by a run of spaces, about as wide as
    the gap, as a copy of the PDF's text shows it."""
    parts: list[str] = []
    previous: dict | None = None
    spaced = False
    for char in chars:
        if char is previous:  # a ligature's character is listed once for each of its letters
            continue
        text = char.get("text", "")
        if not text.strip():
            spaced = True
            continue
        if previous is not None:
            gap = char["x0"] - previous["x1"]  # float-ok: page coordinates, not amounts
            size = max(previous.get("size") or 1, char.get("size") or 1)  # float-ok
            if gap > size * _COLUMN_GAP:
                parts.append(" " * max(2, round(gap / (size * _SPACE_WIDTH))))
            elif spaced or gap > size * _WORD_GAP:
                parts.append(" ")
        parts.append(text)
        previous, spaced = char, False
    return "".join(parts).strip()


def _inside(item: dict, boxes: list[tuple[Any, Any, Any, Any]]) -> bool:
    """Whether an object's middle lies in one of the tables' boxes (x0, top, x1, bottom)."""
    if "x0" not in item or "top" not in item:
        return False
    x = (item["x0"] + item["x1"]) / 2  # float-ok: page coordinates, not amounts
    y = (item["top"] + item["bottom"]) / 2  # float-ok
    return any(x0 <= x <= x1 and top <= y <= bottom for x0, top, x1, bottom in boxes)


def _table(table: Any, page: int, document: Document, tally: Tally) -> None:
    extracted = table.extract()
    place = Place(page=page, table=tally.counts["tables"] + 1)
    tally.take("tables", place)
    rows = Rows(tally)
    try:
        for number, row in enumerate(extracted, 1):
            rows.add([(cell or "").strip() for cell in row], place.with_row(number))
    finally:
        if (made := rows.table(place)) is not None:
            document.blocks.append(made)


def _check_inflated(data: bytes, document: Document) -> None:
    """Refuse a PDF whose Flate-compressed streams unpack to more than :data:`MAX_INFLATED_BYTES`
    in all (pictures left out: pdfminer does not unpack them to read text)."""
    total = 0
    position = 0
    while (found := _STREAM.search(data, position)) is not None:
        start = found.end()
        end = data.find(b"endstream", start)
        end = len(data) if end < 0 else end
        position = end
        if b"/Image" in data[max(0, found.start() - _DICTIONARY_WINDOW):found.start()].rsplit(b"obj", 1)[-1]:
            continue
        total += _inflated(data[start:end], MAX_INFLATED_BYTES - total)
        if total > MAX_INFLATED_BYTES:
            raise fail("import.pdf_unpacked", document.name, limit=MAX_INFLATED_BYTES)


def _inflated(stream: bytes, room: int) -> int:
    """How many bytes ``stream`` unpacks to, counted up to ``room + 1`` (0 when it is not Flate)."""
    inflater = zlib.decompressobj()
    total = 0
    pending = stream
    try:
        while pending and total <= room:
            total += len(inflater.decompress(pending, min(_CHUNK, room - total + 1)))
            pending = inflater.unconsumed_tail
    except zlib.error:
        return total
    return total

