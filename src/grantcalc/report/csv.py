"""CSV export: the long form, one row per line and budget year, in two dialects.

``swedish`` (the default) is what a spreadsheet set to Swedish (Excel, LibreOffice
Calc) opens in columns with a double click: fields separated by ``;`` (a Swedish
spreadsheet's list separator, since the comma is its decimal sign), UTF-8 with
a byte-order mark (without one, Excel reads the file as the Windows code page:
``Lönekostnader`` turns into ``LÃ¶nekostnader``), amounts and months with a
decimal comma and no thousands separator (``210479``, ``298519,26``, ``3,5``), so
that the spreadsheet reads them as numbers, and every field in double quotes (a
spreadsheet told to split at commas as well as semicolons, as LibreOffice's import
dialog is by default, keeps ``"3,5"`` and ``"Dator, IT, telefon"`` whole; a quoted
number is still a number to Excel and Calc). Its columns are the *Beräkning*
sheet's: line, category, year, amount, months, formula, funder, and the
specification when a line has one that says more than its name.

``machine`` is the form for programs, as grantcalc always wrote it: ``,``
separated, UTF-8 without a byte-order mark, amounts and months as exact
decimal strings with a point (``210479``, ``298519.26``, ``3.5``), and the seven
columns line … funder, whatever the lines' specifications.

In both, an in-kind amount the document does not state is empty, every
amount is the exact ``Decimal`` (never through a float), lines end in CRLF
(RFC 4180) and a text cell that a spreadsheet would run as a formula is
written with a leading apostrophe (:func:`csv_text`).
"""

from __future__ import annotations

import csv
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

from grantcalc import catalogue
from grantcalc import formatting as fmt

if TYPE_CHECKING:
    from collections.abc import Iterator

    from grantcalc.budget.model import Budget
    from grantcalc.compute.computation import Computation

__all__ = ["write_csv", "csv_text", "csv_rows", "DIALECTS", "DEFAULT_DIALECT", "FORMULA_STARTS"]

DIALECTS = ("swedish", "machine")
DEFAULT_DIALECT = "swedish"

COLUMNS = ("line", "category", "year", "amount", "months", "formula", "funder")

# a spreadsheet reads a cell that starts with one of these as a formula ("CSV injection")
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")


def csv_text(value: str) -> str:
    """A text cell of the CSV export that no spreadsheet runs as a formula.

    As OWASP recommends, a text that starts with ``=``, ``+``, ``-``, ``@``, a tab or a
    carriage return (or their full-width forms, which some spreadsheets also read) is
    written with a leading apostrophe: ``=1+2`` becomes ``'=1+2``, which Excel and
    LibreOffice show as the text ``=1+2``. Amounts are written as numbers and are not
    text cells, so a negative amount stays ``-2300``.
    """
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def _number(value: Decimal | None, decimal_comma: bool) -> str:
    """An exact decimal string: ``298519.26``, or ``298519,26`` with a decimal comma; empty for None."""
    if value is None:
        return ""
    text = format(value, "f")
    return text.replace(".", ",") if decimal_comma else text


def _check_dialect(dialect: str) -> None:
    if dialect not in DIALECTS:
        raise ValueError(f"dialect must be one of {', '.join(map(repr, DIALECTS))}, not {dialect!r}")


def csv_rows(computation: Computation, lang: str, dialect: str = DEFAULT_DIALECT) -> Iterator[list[str]]:
    """The CSV's rows, the header first, one at a time (a 50 000-line budget is never held whole)."""
    from grantcalc.report.frames import iter_long_rows, specification

    _check_dialect(dialect)
    swedish = dialect == "swedish"
    specs = {line.name: specification(line) for line in computation.budget.lines} if swedish else {}
    with_spec = any(specs.values())
    keys = [*COLUMNS, *(["specification"] if with_spec else [])]
    yield [catalogue.text(f"excel.{key}", lang) for key in keys]
    for r in iter_long_rows(computation, lang):
        row = [csv_text(r.line), csv_text(r.category), r.year, _number(r.amount, swedish),
               _number(r.months, swedish), csv_text(r.formula), csv_text(r.funder or "")]
        if with_spec:
            row.append(csv_text(specs[r.line] or ""))
        yield row


def write_csv(source: Budget | Computation, path: str | Path, *, lang: str | None = None,
              force: bool = False, dialect: str = DEFAULT_DIALECT) -> Path:
    """Write the long form as CSV: one row per line and budget year, with a header row.

    ``dialect`` ``"swedish"`` (default): ``;``-separated, UTF-8 with BOM, decimal comma,
    the Beräkning sheet's columns (a Swedish Excel or LibreOffice opens it in columns);
    ``"machine"``: ``,``-separated, UTF-8, decimal point, seven columns (for programs).
    Amounts are exact; an in-kind amount the document does not state is empty.
    Headers in ``lang`` (default: the budget's language). Written atomically; an
    existing file is replaced only with ``force``. Raises ``ValueError`` for an unknown
    dialect and :class:`~grantcalc.errors.SourceError` for a problem the user can fix.
    """
    from grantcalc.compute.computation import Computation
    from grantcalc.write import check_output, write_atomic

    _check_dialect(dialect)
    check_output(path, force=force)  # before the work, not only when the file is written
    computation = source if isinstance(source, Computation) else source.compute()
    lang = lang or computation.budget.language
    fmt.locale_of(lang)  # ValueError for a language grantcalc does not write
    swedish = dialect == "swedish"

    def produce(tmp: Path) -> None:
        with open(tmp, "w", encoding="utf-8-sig" if swedish else "utf-8", newline="") as stream:
            # Swedish: every field in quotes, so that a spreadsheet that also splits at commas (LibreOffice's
            # import dialog has both , and ; ticked unless told otherwise) keeps 3,5 and "Dator, IT" whole;
            # a quoted number is still read as a number (Excel, LibreOffice)
            writer = csv.writer(stream, delimiter=";", quoting=csv.QUOTE_ALL) if swedish else csv.writer(stream)
            writer.writerows(csv_rows(computation, lang, dialect))

    return write_atomic(path, produce, force=force)
