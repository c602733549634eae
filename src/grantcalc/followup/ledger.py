"""The outcome as a ledger exports it: a CSV file of ``line;period;amount`` rows, read exactly.

Two dialects, told apart by the first line:

* **Swedish** (what a Swedish Excel, LibreOffice or accounting system writes): fields separated
  by ``;`` (or a tab), a decimal comma, spaces or dots between thousands (``1 234,50``,
  ``1.234.567``, ``−2 300``), UTF-8 with or without a byte-order mark;
* **machine**: fields separated by ``,``, a decimal point and no thousands separator
  (``1234.50``, ``-2300``).

A first row whose amount is no number is a header: its names choose the columns when they are
known words (``rad;period;belopp``, ``line,period,amount``, in any order, with an optional note
column), else the columns are line, period, amount[, note] in that order. The line column names a
cost line, a category or a funder (money received), in any case.

A file that is not UTF-8 is read as Windows-1252 (what Excel on Windows saves as "CSV"), or as
Latin-1 where Windows-1252 has no character, or as UTF-16 when it starts with that byte-order
mark, and says so (``followup.ledger_encoding``, a warning). A row that cannot be read — too few
columns, a period or an amount that is none — is an error naming its file and line; every such row
is reported in one run, and nothing is followed up from a file with one.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from pathlib import Path
from typing import Any

from grantcalc import catalogue
from grantcalc.budget.actuals import parse_period
from grantcalc.budget.types import LIMIT, shown_value
from grantcalc.errors import Problem, Severity, SourceError
from grantcalc.inputs import read_bounded

__all__ = ["Booking", "Ledger", "read_ledger", "parse_ledger", "bookings_from", "tidy", "MAX_BYTES", "parse_amount"]

MAX_BYTES = 50 * 1024 * 1024  # 50 MiB: a ledger of a million rows
MAX_AMOUNT_TEXT = 40
COLUMNS = ("line", "period", "amount", "note")


@dataclass(frozen=True, slots=True)
class Booking:
    """One outcome entry as read, before the budget is asked what it names: the ``target`` as
    written (a line, a category, a funder), whether it was given as a ``funder``, the canonical
    ``period``, the exact ``amount``, a ``note``, and where it is (``file``, ``line``, ``path``)."""

    target: str
    period: int | str | date
    amount: Decimal
    note: str | None = None
    funder: bool = False
    file: str | None = None
    line: int | None = None
    path: tuple[str | int, ...] = ()


@dataclass(frozen=True)
class Ledger:
    """A ledger file read: its ``bookings`` in file order, the ``dialect`` (``swedish`` or
    ``machine``), the ``encoding`` it was read in and ``notes`` (warnings) about how it was read."""

    name: str
    bookings: list[Booking]
    dialect: str
    encoding: str
    notes: list[Problem]


def read_ledger(path: str | Path, *, name: str | None = None) -> Ledger:
    """Read the ledger CSV at ``path`` (bounded: :func:`grantcalc.inputs.read_bounded`);
    :class:`SourceError` with every unreadable row, or the file's own problem."""
    shown = name or str(path)
    return parse_ledger(read_bounded(path, MAX_BYTES, name=shown), shown)


def _decode(raw: bytes, name: str) -> tuple[str, str, list[Problem]]:
    """The text of ``raw``, the encoding it was read in, and a note when it was not UTF-8."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return raw.decode("utf-16"), "UTF-16", [_note(name, "UTF-16")]
        except UnicodeDecodeError:
            pass
    try:
        return raw.decode("utf-8-sig"), "UTF-8", []
    except UnicodeDecodeError:
        pass
    try:
        return raw.decode("cp1252"), "Windows-1252", [_note(name, "Windows-1252")]
    except UnicodeDecodeError:
        return raw.decode("latin-1"), "Latin-1", [_note(name, "Latin-1")]


def _note(name: str, encoding: str) -> Problem:
    return Problem("followup.ledger_encoding", Severity.warning, file=name, params={"encoding": encoding})


def _delimiter(text: str) -> str:
    first = next((line for line in text.splitlines() if line.strip()), "")
    for candidate in (";", "\t"):
        if candidate in first:
            return candidate
    return ","


def parse_ledger(raw: bytes | str, name: str = "<ledger>") -> Ledger:
    """A ledger's bytes (or text) as :class:`Ledger`; see the module's description."""
    if isinstance(raw, bytes):
        text, encoding, notes = _decode(raw, name)
    else:
        text, encoding, notes = raw.removeprefix("\ufeff"), "UTF-8", []
    if not text.strip():
        raise SourceError(Problem("followup.ledger_empty", file=name))
    delimiter = _delimiter(text)
    swedish = delimiter != ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    columns: dict[str, int] = {c: i for i, c in enumerate(COLUMNS)}
    bookings: list[Booking] = []
    problems: list[Problem] = []
    first = True
    try:
        for row in reader:
            at = reader.line_num
            cells = [c.strip() for c in row]
            if not any(cells):
                continue
            if first:
                first = False
                header = _header(cells, swedish)
                if header is not None:
                    columns = header
                    continue
            booking = _booking(cells, columns, swedish, name, at, problems)
            if booking is not None:
                bookings.append(booking)
    except csv.Error as err:
        problems.append(Problem("followup.csv_syntax", file=name, line=reader.line_num, params={"reason": str(err)}))
    if problems:
        raise SourceError(problems)
    if not bookings:
        raise SourceError(Problem("followup.ledger_empty", file=name))
    return Ledger(name, bookings, "swedish" if swedish else "machine", encoding, notes)


def _words(key: str) -> set[str]:
    """The column names a header may use for ``key``, in every language of the catalogue."""
    return {w.strip().casefold() for text in catalogue.texts(f"followup.csv.{key}") for w in text.split(",")}


def _header(cells: list[str], swedish: bool) -> dict[str, int] | None:
    """The columns a first row names, when it is a header (its amount is no number); None otherwise."""
    if len(cells) >= 3 and _amount_or_none(cells[2], swedish) is not None:
        return None
    named: dict[str, int] = {}
    for index, cell in enumerate(cells):
        word = cell.casefold()
        for key in COLUMNS:
            if key not in named and word in _words(key):
                named[key] = index
                break
    if all(key in named for key in COLUMNS[:3]):
        return named
    return {c: i for i, c in enumerate(COLUMNS)}  # a header of other words: the columns in their order


def _booking(cells: list[str], columns: dict[str, int], swedish: bool, name: str, at: int,
             problems: list[Problem]) -> Booking | None:
    needed = max(columns["line"], columns["period"], columns["amount"]) + 1
    if len(cells) < needed:
        problems.append(Problem("followup.csv_columns", file=name, line=at,
                                params={"found": len(cells), "needed": needed,
                                        "separator": ";" if swedish else ","}))
        return None
    target = cells[columns["line"]]
    if not target:
        problems.append(Problem("followup.csv_line", file=name, line=at))
        return None
    try:
        period = _period(cells[columns["period"]])
    except ValueError:  # PydanticCustomError is a ValueError
        problems.append(Problem("followup.csv_period", file=name, line=at,
                                params={"value": shown_value(cells[columns["period"]])}))
        return None
    after = columns["amount"] + 1
    if not swedish and after < len(cells) and (("note" not in columns and len(cells) > len(COLUMNS) - 1)
                                               or _DECIMALS.match(cells[after])):
        # "1234,50" in a file separated by commas: the öre became a column of their own
        problems.append(Problem("followup.csv_decimal_comma", file=name, line=at,
                                params={"value": f"{cells[columns['amount']]},{cells[after]}"}))
        return None
    amount = _amount_or_none(cells[columns["amount"]], swedish)
    if amount is None:
        key = "followup.csv_amount_swedish" if swedish else "followup.csv_amount_machine"
        problems.append(Problem(key, file=name, line=at, params={"value": shown_value(cells[columns["amount"]])}))
        return None
    if amount.copy_abs() > LIMIT:
        problems.append(Problem("followup.csv_too_large", file=name, line=at,
                                params={"value": shown_value(cells[columns["amount"]]), "limit": LIMIT}))
        return None
    index = columns.get("note")
    note = cells[index] if index is not None and index < len(cells) and cells[index] else None
    return Booking(target, period, tidy(amount), note, file=name, line=at)


def tidy(amount: Decimal) -> Decimal:
    """A whole amount without its zero öre (``240000.00`` → ``240000``); others as written."""
    return amount.quantize(Decimal(1)) if amount == amount.to_integral_value() else amount


@lru_cache(maxsize=4096)  # a ledger books many amounts in each period
def _period(text: str) -> int | str | date:
    return parse_period(text)


_SPACES = re.compile(r"[\s\u00a0\u202f\u2009']")
_SWEDISH_COMMA = re.compile(r"^[+-]?(\d{1,3}(\.\d{3})+|\d+)(,\d+)?$")  # 1.234.567,50 · 1234,5 · 1234
_SWEDISH_POINT = re.compile(r"^[+-]?\d+\.(\d{1,2}|\d{4,})$")  # 1234.5, 1234.50: a point no thousands can be
_MACHINE = re.compile(r"^[+-]?\d+(\.\d+)?$")
_DECIMALS = re.compile(r"^\d{1,2}$")  # what is left of an amount a decimal comma split: 1234,5 or 1234,50


def parse_amount(text: str, swedish: bool) -> Decimal:
    """An amount as a ledger writes it, exact: ``ValueError`` when it is none (see the module's
    description for the two dialects)."""
    amount = _amount_or_none(text, swedish)
    if amount is None:
        raise ValueError(text)
    return amount


def _amount_or_none(text: str, swedish: bool) -> Decimal | None:
    if not text or len(text) > MAX_AMOUNT_TEXT:
        return None
    plain = text.replace("\u2212", "-")
    if swedish:
        plain = _SPACES.sub("", plain)
        lowered = plain.casefold()
        for unit in ("kronor", "kr", "sek"):
            if lowered.endswith(unit):
                plain = plain[: -len(unit)]
                break
        if _SWEDISH_COMMA.match(plain):
            plain = plain.replace(".", "").replace(",", ".")
        elif not _SWEDISH_POINT.match(plain):
            return None
    elif not _MACHINE.match(plain):
        return None
    try:
        return Decimal(plain)
    except InvalidOperation:  # pragma: no cover - the patterns admit only numbers
        return None


def bookings_from(entries: Any, name: str | None = None) -> list[Booking]:
    """Outcome entries given in Python — a list of mappings ``{"line", "period", "amount"}`` (or
    ``funder``) or :class:`~grantcalc.budget.actuals.Actual` — validated as the budget file's
    ``actuals:`` are; :class:`~grantcalc.errors.BudgetError` with every problem."""
    from pydantic import TypeAdapter, ValidationError

    from grantcalc.budget.actuals import Actual
    from grantcalc.errors import BudgetError
    from grantcalc.loader import problems_from_validation

    try:
        actuals = TypeAdapter(list[Actual]).validate_python(list(entries))
    except ValidationError as err:
        raise BudgetError([Problem(p.code, p.severity, ("actuals", *p.path), p.params, name, None, p.fallback)
                           for p in problems_from_validation(err)]) from None
    return [Booking(a.funder or a.line or "", a.period, tidy(a.amount), a.note, funder=a.funder is not None, file=name,
                    path=("actuals", i)) for i, a in enumerate(actuals)]
