"""Text (a .txt or .md file, standard input, pasted text) as a document.

Each non-empty line is a :class:`Paragraph` at its line number (a markdown heading,
``## 8.1 Kostnadsbudget``, has its level). Two kinds of runs of lines are tables:

- markdown pipe tables, two or more lines starting with ``|`` (``| Kostnad | 2024 |``); the
  separator row (``|---|--:|``) is dropped, ``\\|`` is a ``|`` inside a cell;
- two or more consecutive lines holding a tab: the text Word puts on the clipboard when a
  table is copied, one line per row, its cells separated by tabs.

Lines whose cells are separated by runs of spaces (copied out of a PDF) stay paragraphs:
telling their columns apart is the recognisers' work. Rows are padded to the same width.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Callable

from grantcalc.importer.document import Document, Paragraph, Place
from grantcalc.importer.read.common import Rows, Stop, Tally, fail

__all__ = ["decode", "read_lines"]

_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_HEADING = re.compile(r"^(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$")
_PIPE_SPLIT = re.compile(r"(?<!\\)\|")
_SEPARATOR = re.compile(r"^:?-+:?$")


def decode(data: bytes, document: Document) -> str:
    """The text of ``data``: UTF-8 (with or without a BOM), UTF-16 or UTF-32 with a BOM, else
    Windows-1252 with a note. A file with NUL characters is not text: refused."""
    text: str | None = None
    for bom, encoding in ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe\x00\x00", "utf-32-le"),
                          (b"\x00\x00\xfe\xff", "utf-32-be"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")):
        if data.startswith(bom):
            try:
                text = data[len(bom):].decode(encoding)
            except UnicodeDecodeError:
                raise fail("import.not_text", document.name) from None
            break
    if text is None:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = data.decode("cp1252", errors="replace")  # the five bytes cp1252 leaves out are shown as �
            Tally(document).note("import.cp1252")
    if "\x00" in text:
        raise fail("import.not_text", document.name)
    return text


def read_lines(text: str, document: Document) -> None:
    """The paragraphs and tables of ``text`` appended to ``document`` (stopping at a cap, noted)."""
    lines = _LINE_BREAK.split(text)
    tally = Tally(document)
    with contextlib.suppress(Stop):  # a cap was reached: its note says where the document was cut
        _read(lines, document, tally)


def _is_pipe(line: str) -> bool:
    return line.lstrip().startswith("|")


def _has_tab(line: str) -> bool:
    return "\t" in line and bool(line.strip())


def _read(lines: list[str], document: Document, tally: Tally) -> None:
    index, count = 0, len(lines)
    while index < count:
        line = lines[index]
        for belongs, cells in ((_is_pipe, _pipe_cells), (_has_tab, _tab_cells)):
            if belongs(line) and index + 1 < count and belongs(lines[index + 1]):
                end = index
                while end < count and belongs(lines[end]):
                    end += 1
                _table(lines, index, end, cells, document, tally)
                index = end
                break
        else:
            stripped = line.strip()
            if stripped:
                place = Place(line=index + 1)
                tally.take("paragraphs", place)
                heading = _HEADING.match(stripped)
                if heading and heading.group(2):
                    document.blocks.append(Paragraph(heading.group(2), place, heading=len(heading.group(1))))
                else:
                    document.blocks.append(Paragraph(stripped, place))
            index += 1


def _pipe_cells(line: str) -> list[str] | None:
    """A markdown row's cells; None for the separator row (``|---|:--:|``)."""
    inner = line.strip()[1:]
    if inner.endswith("|") and not inner.endswith("\\|"):
        inner = inner[:-1]
    cells = [cell.strip().replace("\\|", "|") for cell in _PIPE_SPLIT.split(inner)]
    if all(_SEPARATOR.match(cell.replace(" ", "")) for cell in cells):
        return None
    return cells


def _tab_cells(line: str) -> list[str] | None:
    return [cell.strip() for cell in line.split("\t")]


def _table(lines: list[str], start: int, end: int, cells_of: Callable[[str], list[str] | None],
           document: Document, tally: Tally) -> None:
    rows = Rows(tally)
    place = Place(table=tally.counts["tables"] + 1, line=start + 1)
    try:
        for index in range(start, end):
            cells = cells_of(lines[index])
            if cells is None:
                continue
            if not rows.rows:
                tally.take("tables", place)
            rows.add(cells, place.with_row(len(rows.rows) + 1, line=index + 1))
    finally:
        if (table := rows.table(place)) is not None:
            document.blocks.append(table)
