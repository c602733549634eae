"""What every reader shares: the caps on what one read takes, the notes it leaves, its errors.

The caps are read from this module when a read starts (:class:`Tally`), so a test may lower them
here (``monkeypatch.setattr(common, "MAX_PAGES", 3)``)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from grantcalc.errors import Problem, Severity, SourceError
from grantcalc.importer.document import Document, Place, Table
from grantcalc.messages import Bilingual, phrase

__all__ = ["MAX_DOCUMENT_BYTES", "MAX_TABLES", "MAX_CELLS", "MAX_PAGES", "MAX_PARAGRAPHS", "Tally", "Rows", "Stop",
           "fail", "where"]

MAX_DOCUMENT_BYTES = 50 * 1024 * 1024  # an application with pictures is a few MB; a 50 MB one is a scan
MAX_TABLES = 1_000  # a form has a few dozen tables
MAX_CELLS = 200_000  # a budget workbook's computation sheet of 5 000 lines × 8 years × 5 columns
MAX_PAGES = 300  # an application is 5-40 pages
MAX_PARAGRAPHS = 100_000  # paragraphs of a Word document, lines of a text or of a PDF's pages

_WHERE = ("sheet", "page", "table", "row", "paragraph", "line", "cell")


def fail(code: str, name: str, **params: Any) -> SourceError:
    """The error ``code`` (``import.*``) for the document shown as ``name``."""
    return SourceError(Problem(code, file=name, params=params))


def where(place: Place) -> Bilingual:
    """A place as the user reads it: ``blad Kostnader, rad 7`` / ``sheet Kostnader, row 7``; a line of a
    text (or of a PDF's page) by its line alone, not by the table the reader made of it too."""
    keys = ("page", "line") if place.line is not None and place.sheet is None else _WHERE
    parts = [phrase(f"import.place.{key}", value=getattr(place, key))
             for key in keys if getattr(place, key) is not None]
    return Bilingual(lambda lang: ", ".join(part.text(lang) for part in parts))


class Stop(Exception):  # not an error: a cap was reached and noted, the reader stops there
    """A cap on what one read takes was reached; its note is in the document."""


class Tally:
    """What one read has taken so far (tables, cells, paragraphs, pages), against the caps: the
    read that would go past one notes it in the document (a warning saying where it stopped) and
    raises :class:`Stop`, which the reader catches, keeping what it read before."""

    def __init__(self, document: Document):
        self.document = document
        self.limits = {"tables": MAX_TABLES, "cells": MAX_CELLS, "paragraphs": MAX_PARAGRAPHS, "pages": MAX_PAGES}
        self.counts = dict.fromkeys(self.limits, 0)

    def take(self, what: str, place: Place, count: int = 1) -> int:
        """Count ``count`` more of ``what`` (``"tables"``, ``"cells"``, ``"paragraphs"``, ``"pages"``),
        read at ``place``; the new count (a table's number) unless that goes past the cap."""
        total = self.counts[what] + count
        if total > self.limits[what]:
            self.stop(what, place)
        self.counts[what] = total
        return total

    def stop(self, what: str, place: Place) -> None:
        self.note(f"import.limit.{what}", place, limit=self.limits[what])
        raise Stop(what)

    def note(self, code: str, place: Place | None = None, **params: Any) -> None:
        """A warning note in the document: ``code`` with ``params``, its ``place`` (and ``where``)."""
        if place is not None:
            params = {**params, "place": place, "where": where(place)}
        self.document.notes.append(Problem(code, Severity.warning, params=params, file=self.document.name))


class Rows:
    """A table's rows as a reader collects them, padded to the widest: every cell counted against
    the cap, the padding included (a row of 10 000 cells makes every other row that wide)."""

    def __init__(self, tally: Tally, *, numbers: bool = False, width: int = 0):
        self.tally = tally
        self.rows: list[list[str]] = []
        self.places: list[Place] = []
        self.numbers: list[list[Decimal | None]] | None = [] if numbers else None
        self.width = width  # at least this wide (a Word table's grid)

    def add(self, cells: list[str], place: Place, numbers: list[Decimal | None] | None = None) -> None:
        width = max(self.width, len(cells))
        self.tally.take("cells", place, (width - self.width) * len(self.rows) + width)
        self.width = width
        self.rows.append(cells)
        self.places.append(place)
        if self.numbers is not None:
            self.numbers.append(numbers if numbers is not None else [None] * len(cells))

    def table(self, place: Place, columns: tuple[str, ...] | None = None) -> Table | None:
        """The table of the rows added (None when there are none)."""
        if not self.rows:
            return None
        width = self.width
        rows = tuple(tuple(row) + ("",) * (width - len(row)) for row in self.rows)
        numbers = None if self.numbers is None else \
            tuple(tuple(row) + (None,) * (width - len(row)) for row in self.numbers)
        return Table(rows, place, tuple(self.places), numbers, columns)
