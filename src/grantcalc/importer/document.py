"""What a document holds, as the importer reads it: paragraphs and tables in reading order.

Every reader (:mod:`grantcalc.importer.read`: .docx, .xlsx, .pdf, text) turns its
file into one :class:`Document`, so the recognisers (:mod:`grantcalc.importer.recognise`)
never see a file format. Each block carries its :class:`Place` in the source, so the
import report can say where a figure came from, or what it could not read.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from grantcalc.errors import Problem

__all__ = ["Place", "Paragraph", "Table", "Block", "Document"]


@dataclass(frozen=True, slots=True)
class Place:
    """Where in the source a block (or a row of it) is: any of page, table, row, text line, sheet, cell
    (all 1-based; ``cell`` as a spreadsheet writes it, ``"B7"``), and ``paragraph``: a Word
    paragraph's number among the body's paragraphs, empty ones counted (a text box's paragraphs
    have the number of the paragraph they are anchored in).

    ``row`` is a table's row number (a sheet's own row number in a workbook, where empty rows
    are left out); ``line`` a line of text (of the file, or of a PDF page)."""

    page: int | None = None
    table: int | None = None
    row: int | None = None
    line: int | None = None
    sheet: str | None = None
    cell: str | None = None
    paragraph: int | None = None

    def with_row(self, row: int, **more: object) -> Place:
        """The same place, at ``row`` of its table (and ``line``/``cell`` when given)."""
        values = {k: getattr(self, k) for k in ("page", "table", "line", "sheet", "cell", "paragraph")}
        values.update(more)
        return Place(row=row, **values)


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A paragraph (or one line of pasted text): its text, stripped; ``heading`` its level, if a heading
    (``1`` for Heading 1/Rubrik 1 …, ``0`` for the document's title: Title/Rubrik; test ``is not None``)."""

    text: str
    place: Place
    heading: int | None = None


@dataclass(frozen=True, slots=True)
class Table:
    """A table: its rows of cell texts (stripped), with each row's place: ``rows[i]`` is at
    ``row_places[i]``. A cell that spans several columns is given once, followed by empty texts
    for the columns it covers, so every row lines up with the header.

    ``numbers`` is set by readers whose cells hold typed numbers (a spreadsheet): ``numbers[i][j]``
    is the exact value of ``rows[i][j]`` (``Decimal`` from the number's stored text, never a float)
    or ``None`` for a text cell. The cell's text is then the number as the sheet displays it
    (``"150 %"`` for 1.5 in a percent format, ``"2024-03-31"`` in a date format, else the stored
    digits ``"210479.5"``).

    ``columns`` is set by a spreadsheet's reader: the sheet's column letter of each column
    (``("A", "B", …)``; the first is the sheet's first column that holds anything), so
    :meth:`place_of` can name a cell."""

    rows: tuple[tuple[str, ...], ...]
    place: Place
    row_places: tuple[Place, ...]
    numbers: tuple[tuple[Decimal | None, ...], ...] | None = None
    columns: tuple[str, ...] | None = None

    def place_of(self, row: int, column: int) -> Place:
        """The place of cell ``rows[row][column]`` (0-based indexes): its row's place, with the
        cell's reference (``"D5"``) when the table is a sheet's."""
        place = self.row_places[row]
        if self.columns is None or place.row is None:
            return place
        return place.with_row(place.row, cell=f"{self.columns[column]}{place.row}")


Block = Paragraph | Table


@dataclass(slots=True)
class Document:
    """A read document: its ``blocks`` in reading order, what it is (``kind``: docx, xlsx, pdf, text),
    its ``name`` as the user gave it, and ``notes``: what the reader skipped or could not read
    (warnings with a code from the catalogue, each with its place in ``params``)."""

    name: str
    kind: str
    blocks: list[Block] = field(default_factory=list)
    notes: list[Problem] = field(default_factory=list)
