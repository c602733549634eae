"""An Excel workbook (.xlsx) as a document: one table per sheet, every number a ``Decimal``.

The package's XML is read here, with lxml (no entities, no DTD, no network; a sheet a row at
a time), not through openpyxl, which turns every number into a float: money is ``Decimal``
from the file on. Read are

- ``xl/workbook.xml``: the sheets' names and order (hidden sheets too), each sheet's part
  through the workbook's relationships; ``date1904``;
- ``xl/sharedStrings.xml``: the texts cells refer to (``t="s"``);
- ``xl/styles.xml``: each cell format's number format, so a number in a percent format
  (built-in 9 and 10, or a format with ``%``) reads ``"150 %"`` for 1.5, and one in a date
  format ``"2024-03-31"``;
- each worksheet's cells ``<c r="B7" t=…><v>…</v></c>``: a shared string, a text (``str``,
  ``inlineStr``), a boolean (``TRUE``/``FALSE``), an error (``#DIV/0!``), or a number: the
  ``<v>`` text, which for a formula is the value it computed when the file was saved.

A sheet's table runs from its first to its last column that holds anything (``columns``
names them), its rows padded to that width; empty rows are left out, each row's place keeps
its true row number (and :meth:`Table.place_of` a cell's reference). ``numbers`` holds each
numeric cell's exact value: ``Decimal`` of the stored text, rounded to Excel's 15 significant
digits when it has more (Excel stores 8.3 as ``8.3000000000000007``, and shows 8.3).
Part and element names are compared without their namespace, so a Strict Open XML workbook
reads too.
"""

from __future__ import annotations

import datetime
import io
import posixpath
import re
from decimal import Decimal, localcontext
from typing import Any

from grantcalc.importer.document import Document, Place
from grantcalc.importer.read.common import Rows, Stop, Tally, fail
from grantcalc.messages import phrase
from grantcalc.package import SHEET_MAIN, Package, safe_parser

__all__ = ["read_xlsx", "column_letters", "excel_number"]

_NUMBER = re.compile(r"^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$")
_REF = re.compile(r"^\$?([A-Za-z]{1,3})\$?(\d+)$")
_PERCENT_IDS = frozenset((9, 10))
_DATE_IDS = frozenset((*range(14, 18), 22, *range(27, 37), *range(50, 59)))
_DATETIME_IDS = frozenset((22,))
_LITERALS = re.compile(r'"[^"]*"|\\.|\[[^\]]*\]|_.|\*.')  # quoted text, escapes, [Red]/[$-41D], padding
_EXCEL_DIGITS = 15
_LAST_SERIAL = 2_958_465  # 9999-12-31
_MAX_COLUMN = 16_384  # XFD


def read_xlsx(package: Package, document: Document) -> None:
    """The sheets of the workbook in ``package`` (checked) appended to ``document`` as tables."""
    from lxml import etree

    tally = Tally(document)
    reader = _Workbook(package, document, tally)
    try:
        reader.read()
    except Stop:
        pass
    except etree.XMLSyntaxError as err:
        raise _unreadable(document, "import.xlsx.xml", part=reader.part, error=str(err)) from None


def _unreadable(document: Document, reason: str, **params: Any):
    return fail("import.xlsx_unreadable", document.name, reason=phrase(reason, **params))


def _local(tag: Any) -> str:
    return tag.rpartition("}")[2] if isinstance(tag, str) else ""


def _attribute(element: Any, name: str) -> str | None:
    """An attribute by its local name, in whatever namespace (``r:id``, Strict's own)."""
    for key, value in element.attrib.items():
        if key == name or key.endswith("}" + name):
            return value
    return None


class _Workbook:
    def __init__(self, package: Package, document: Document, tally: Tally):
        self.package = package
        self.document = document
        self.tally = tally
        self.part = ""
        self.strings: list[str] = []
        self.formats: list[str | None] = []
        self.date1904 = False

    def xml(self, part: str) -> Any | None:
        from lxml import etree

        self.part = part
        blob = self.package.read(part)
        return None if blob is None else etree.fromstring(blob, safe_parser())

    def relations(self, part: str) -> dict[str, tuple[str, str]]:
        """Relationship id → (its type's last word, the target part) of ``part``."""
        folder, name = posixpath.split(part)
        root = self.xml(posixpath.join(folder, "_rels", name + ".rels"))
        found: dict[str, tuple[str, str]] = {}
        for relation in root if root is not None else ():
            target = relation.get("Target") or ""
            if relation.get("TargetMode") == "External" or not target:
                continue
            target = target.lstrip("/") if target.startswith("/") else \
                posixpath.normpath(posixpath.join(folder, target))
            found[relation.get("Id") or ""] = ((relation.get("Type") or "").rsplit("/", 1)[-1], target)
        return found

    def read(self) -> None:
        types = self.package.types or {}
        main = next((name for name, kind in types.items() if kind == SHEET_MAIN and not name.startswith("*.")),
                    "xl/workbook.xml")
        workbook = self.xml(main)
        if workbook is None:
            raise _unreadable(self.document, "import.xlsx.no_workbook", part=main)
        relations = self.relations(main)
        for element in workbook.iter():
            if _local(element.tag) == "workbookPr":
                self.date1904 = (element.get("date1904") or "").lower() in ("1", "true")
        for kind, target in relations.values():
            if kind == "sharedStrings":
                self.strings = self.shared_strings(target)
            elif kind == "styles":
                self.formats = self.styles(target)
        for element in workbook.iter():
            if _local(element.tag) != "sheet":
                continue
            name = element.get("name") or ""
            kind, target = relations.get(_attribute(element, "id") or "", ("", ""))
            if kind != "worksheet":
                continue  # a chart sheet, a dialog sheet: no cells
            if target not in self.package.names:
                self.tally.note("import.sheet_missing", Place(sheet=name))
                continue
            self.sheet(name, target)

    def shared_strings(self, part: str) -> list[str]:
        from lxml import etree

        self.part = part
        blob = self.package.read(part)
        if blob is None:
            return []
        strings: list[str] = []
        for _, item in etree.iterparse(io.BytesIO(blob), events=("end",), tag="{*}si", resolve_entities=False,
                                       no_network=True, load_dtd=False, huge_tree=False):
            strings.append(_string(item))
            item.clear()
        return strings

    def styles(self, part: str) -> list[str | None]:
        """Each cell format's kind of number: ``percent``, ``date``, ``datetime`` or None."""
        root = self.xml(part)
        if root is None:
            return []
        custom: dict[int, str] = {}
        kinds: list[str | None] = []
        for element in root:
            if _local(element.tag) == "numFmts":
                for number_format in element:
                    identifier = _int(number_format.get("numFmtId"))
                    if identifier is not None:
                        custom[identifier] = number_format.get("formatCode") or ""
            elif _local(element.tag) == "cellXfs":
                for xf in element:
                    identifier = _int(xf.get("numFmtId")) or 0
                    kinds.append(_format_kind(custom[identifier]) if identifier in custom else
                                 "percent" if identifier in _PERCENT_IDS else
                                 "datetime" if identifier in _DATETIME_IDS else
                                 "date" if identifier in _DATE_IDS else None)
        return kinds

    def sheet(self, name: str, part: str) -> None:
        from lxml import etree

        self.part = part
        blob = self.package.read(part)
        assert blob is not None  # the part is in the package
        place = Place(table=self.tally.counts["tables"] + 1, sheet=name)
        self.tally.take("tables", place)
        room = self.tally.limits["cells"] - self.tally.counts["cells"]
        read: list[tuple[int, dict[int, tuple[str, Decimal | None]]]] = []
        cut: Place | None = None
        number, count = 0, 0
        for _, row in etree.iterparse(io.BytesIO(blob), events=("end",), tag="{*}row", resolve_entities=False,
                                      no_network=True, load_dtd=False, huge_tree=False):
            number = _int(row.get("r")) or number + 1
            cells = self.cells(row)
            row.clear()
            while row.getprevious() is not None:
                del row.getparent()[0]
            if cells:
                count += len(cells)
                if count > room:
                    cut = place.with_row(number)
                    break
                read.append((number, cells))
        self.table(read, place)
        if cut is not None:
            self.tally.stop("cells", cut)

    def cells(self, row: Any) -> dict[int, tuple[str, Decimal | None]]:
        """Column number (1 for A) → (text, number) of every cell of ``row`` that holds anything."""
        found: dict[int, tuple[str, Decimal | None]] = {}
        column = 0
        for cell in row:
            if _local(cell.tag) != "c":
                continue
            reference = _REF.match(cell.get("r") or "")
            column = _column_number(reference.group(1)) if reference else column + 1
            if not 1 <= column <= _MAX_COLUMN:
                continue
            value = self.value(cell)
            if value[0]:
                found[column] = value
        return found

    def value(self, cell: Any) -> tuple[str, Decimal | None]:
        kind = cell.get("t") or "n"
        stored: str | None = None
        inline = None
        for child in cell:
            local = _local(child.tag)
            if local == "v":
                stored = child.text or ""
            elif local == "is":
                inline = child
        if kind == "inlineStr":
            return (_string(inline).strip() if inline is not None else "", None)
        if stored is None:
            return ("", None)
        if kind == "s":
            index = _int(stored)
            return (self.strings[index].strip() if index is not None and 0 <= index < len(self.strings) else "", None)
        if kind == "b":
            return ("TRUE" if stored.strip() in ("1", "true") else "FALSE", None)
        if kind != "n" or not _NUMBER.match(stored.strip()):
            return (stored.strip(), None)  # str, e (an error such as #DIV/0!), d (an ISO date), or not a number
        number = excel_number(stored.strip())
        style = _int(cell.get("s")) or 0
        shown = self.formats[style] if 0 <= style < len(self.formats) else None
        return (self.display(stored.strip(), number, shown), number)

    def display(self, stored: str, number: Decimal, kind: str | None) -> str:
        if kind == "percent":
            return _plain(number * 100).replace(".", ",") + " %"
        if kind in ("date", "datetime") and (day := self.day(number, with_time=kind == "datetime")):
            return day
        return stored if number == Decimal(stored) else _plain(number)

    def day(self, serial: Decimal, *, with_time: bool) -> str | None:
        """The date (and time) of an Excel serial number, ISO-written; None outside Excel's dates."""
        if not 0 < serial <= _LAST_SERIAL or (not self.date1904 and 60 <= serial < 61):
            return None  # 0 is "1900-01-00", 60 Excel's 1900-02-29, a day that never was
        days = int(serial)
        if self.date1904:
            day = datetime.date(1904, 1, 1) + datetime.timedelta(days=days)
        else:
            day = datetime.date(1899, 12, 31 if days < 60 else 30) + datetime.timedelta(days=days)
        seconds = int(((serial - days) * 86400).to_integral_value())
        if not with_time or not seconds:
            return day.isoformat()
        return f"{day.isoformat()} {seconds // 3600:02d}:{seconds // 60 % 60:02d}"

    def table(self, read: list[tuple[int, dict[int, tuple[str, Decimal | None]]]], place: Place) -> None:
        if not read:
            return
        first = min(min(cells) for _, cells in read)
        last = max(max(cells) for _, cells in read)
        width = last - first + 1
        rows = Rows(self.tally, numbers=True, width=width)
        columns = tuple(column_letters(column) for column in range(first, last + 1))
        try:
            for number, cells in read:
                texts = [""] * width
                numbers: list[Decimal | None] = [None] * width
                for column, (text, value) in cells.items():
                    texts[column - first], numbers[column - first] = text, value
                rows.add(texts, place.with_row(number), numbers)
        finally:
            if (table := rows.table(place, columns)) is not None:
                self.document.blocks.append(table)


def _string(item: Any) -> str:
    """The text of a shared string or an inline string: its ``t``, or its runs' ``t``; not the
    phonetic guide (``rPh``)."""
    parts: list[str] = []
    for child in item:
        local = _local(child.tag)
        if local == "t":
            parts.append(child.text or "")
        elif local == "r":
            parts.extend(grandchild.text or "" for grandchild in child if _local(grandchild.tag) == "t")
    return "".join(parts)


def _int(text: str | None) -> int | None:
    try:
        return int(text) if text is not None else None
    except ValueError:
        return None


def _format_kind(code: str) -> str | None:
    """What a number format shows: ``percent`` (a ``%`` outside quotes), ``date``/``datetime``
    (a year or day, and an hour), else None (the number's digits)."""
    section = _LITERALS.sub("", code).split(";", 1)[0].lower()
    if "%" in section:
        return "percent"
    if "y" in section or "d" in section:
        return "datetime" if "h" in section else "date"
    return None


def _column_number(letters: str) -> int:
    number = 0
    for letter in letters.upper():
        number = number * 26 + ord(letter) - ord("A") + 1
    return number


def column_letters(number: int) -> str:
    """A column's letters: 1 → ``A``, 28 → ``AB``."""
    letters = ""
    while number > 0:
        number, rest = divmod(number - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def excel_number(text: str) -> Decimal:
    """The value of a number cell's stored text: exact, or rounded to Excel's 15 significant digits
    when it has more (the trace of a binary float: ``8.3000000000000007`` is 8.3)."""
    value = Decimal(text)
    if len(value.as_tuple().digits) <= _EXCEL_DIGITS:
        return value
    with localcontext() as context:
        context.prec = _EXCEL_DIGITS
        rounded = +value
        return value if rounded == value else rounded.normalize()


def _plain(value: Decimal) -> str:
    """A number's plain decimal text, without trailing zeros: 150, 12.5."""
    with localcontext() as context:
        context.prec = 60
        return format(value.normalize(), "f")
