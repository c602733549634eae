"""An Office package (.docx, .xlsx) from a user, checked before anything parses it.

A package comes from anywhere (a colleague, an e-mail, the web), so it is read
as untrusted input: a user's Word template (``render --template``) and every
document ``grantcalc import`` reads. A package is a zip of XML parts; before any
part is handed on (to python-docx, docxtpl, or the importer's own workbook reader):

- a file larger than its caller's limit is refused unread (:func:`read_template`
  through :func:`grantcalc.inputs.read_bounded`), as is an empty one, one that is
  not a zip, and one that is truncated or damaged;
- a package whose central directory promises more than :data:`MAX_UNPACKED_BYTES`
  unpacked, or more than :data:`MAX_ENTRIES` parts, is refused before anything is
  decompressed (a "zip bomb"); each part is then decompressed in bounded steps, so a
  part that unpacks to more than its directory entry says (a lying directory) is
  refused as soon as it does;
- compression methods Office never writes (only stored and deflated) are refused,
  and so are encrypted zip entries;
- a macro-enabled package (a .docm or .xlsm saved under the name .docx/.xlsx, or any
  package holding ``vbaProject.bin``) is refused: grantcalc does not run or carry macros;
- an XML part with a document type declaration (``<!DOCTYPE …>``) is refused. Office
  never writes one; it is what external entities (``<!ENTITY x SYSTEM "file:///…">``)
  and entity expansion ("billion laughs") need. Every parser grantcalc uses on a part
  has ``resolve_entities=False``, so nothing would be resolved anyway: the refusal is
  a second wall, with a clear message.

Which codes a refusal carries is the caller's :class:`Rules`: :data:`TEMPLATE` (the
``render.template_*`` messages of a Word template) or the importer's. What the
package is (Word, Excel…) is read from its ``[Content_Types].xml``
(:attr:`Package.types`) and left to the caller, except for a template, which must be
a Word document (:func:`check_package`).
"""

from __future__ import annotations

import copy
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from grantcalc.errors import Problem, SourceError
from grantcalc.messages import phrase

__all__ = ["Rules", "Package", "TEMPLATE", "open_package", "check_package", "read_template", "directory_entries",
           "MAX_TEMPLATE_BYTES", "MAX_UNPACKED_BYTES", "MAX_ENTRIES", "WORD_MAIN", "WORD_TEMPLATE",
           "SHEET_MAIN", "SHEET_TEMPLATE", "SLIDES_MAIN", "XLSB_MAIN", "safe_parser"]

MAX_TEMPLATE_BYTES = 20 * 1024 * 1024  # a form with a few pictures is well under 1 MiB
MAX_UNPACKED_BYTES = 100 * 1024 * 1024
MAX_ENTRIES = 10_000  # a Word document has a few dozen parts, a few hundred with many pictures
_CHUNK = 1024 * 1024

_DOCTYPE = tuple("<!DOCTYPE".encode(encoding) for encoding in
                 ("utf-8", "utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"))
_MACRO_TYPES = ("macroenabled", "vbaproject")  # in a content type, lower case
_OFFICE = "application/vnd.openxmlformats-officedocument."
WORD_MAIN = _OFFICE + "wordprocessingml.document.main+xml"
WORD_TEMPLATE = _OFFICE + "wordprocessingml.template.main+xml"
SHEET_MAIN = _OFFICE + "spreadsheetml.sheet.main+xml"
SHEET_TEMPLATE = _OFFICE + "spreadsheetml.template.main+xml"
SLIDES_MAIN = _OFFICE + "presentationml.presentation.main+xml"
# a binary workbook (.xlsb) is typed "macroEnabled" with macros or without: its vbaProject.bin tells
XLSB_MAIN = "application/vnd.ms-excel.sheet.binary.macroEnabled.main"


@dataclass(frozen=True)
class Rules:
    """The codes a refused package's message carries, so each caller speaks of what the file
    is to the user (a template, a document to import).

    ``invalid`` has a ``{reason}``: the catalogue's text ``reasons + <why>`` (``empty``,
    ``not_zip``, ``damaged``, ``encrypted``, ``method``, ``no_content_types``,
    ``content_types``, ``unpacks_more``, ``unpack``, ``shorter``; a template also
    ``dotx`` and ``no_main``). ``parts`` has ``{count}`` and ``{limit}``, ``unpacked``
    ``{size}`` and ``{limit}``, ``doctype`` ``{part}``. ``params`` go into every message
    and reason (``{format}``, the kind of file the user gave)."""

    invalid: str
    reasons: str
    parts: str
    unpacked: str
    macros: str
    doctype: str
    params: dict[str, Any] = field(default_factory=dict)

    def fail(self, code: str, path: Path | str, **params: Any) -> SourceError:
        return SourceError(Problem(code, file=str(path), params={**self.params, **params}))

    def invalid_because(self, path: Path | str, reason: str, **params: Any) -> SourceError:
        """``invalid``, its ``{reason}`` the catalogue's text ``reasons + reason`` with ``params``."""
        return self.fail(self.invalid, path, reason=phrase(self.reasons + reason, **{**self.params, **params}))


TEMPLATE = Rules(invalid="render.template_invalid", reasons="render.invalid.", parts="render.template_parts",
                 unpacked="render.template_unpacked", macros="render.template_macros",
                 doctype="render.template_doctype")


@dataclass
class Package:
    """A package that passed :func:`open_package`: its zip directory, ``types`` (part name →
    content type, ``"*.ext"`` the defaults by extension; ``None`` when it has no
    ``[Content_Types].xml``) and ``names`` (every part's name)."""

    archive: zipfile.ZipFile
    path: Path | str
    rules: Rules
    types: dict[str, str] | None
    names: list[str]

    @property
    def main_types(self) -> set[str]:
        """The content types the package's parts are given by name (its main part's among them)."""
        return set((self.types or {}).values())

    def check_parts(self) -> None:
        """Unpack every part once, in bounded steps, and refuse a lying size or an XML part with
        a DOCTYPE; ``read`` is safe afterwards (every size is what the directory says)."""
        types = self.types or {}
        for info in self.archive.infolist():
            blob = _unpack(self.archive, info, self.path, self.rules)
            if _is_xml(info.filename, types) and _has_doctype(blob):
                raise self.rules.fail(self.rules.doctype, self.path, part=info.filename)

    def read(self, name: str) -> bytes | None:
        """The bytes of part ``name`` (unpacked in bounded steps), ``None`` when there is none."""
        try:
            info = self.archive.getinfo(name)
        except KeyError:
            return None
        return _unpack(self.archive, info, self.path, self.rules)

    def close(self) -> None:
        self.archive.close()


def read_template(path: Path) -> bytes:
    """The bytes of the .docx template at ``path``, once they have passed every check above."""
    from grantcalc.inputs import read_bounded

    data = read_bounded(path, MAX_TEMPLATE_BYTES)  # a FIFO or device is refused, never read without a bound
    if not data:
        raise TEMPLATE.fail(TEMPLATE.invalid, path, reason=phrase("render.invalid.empty"))
    check_package(data, path)
    return data


def check_package(data: bytes, path: Path, rules: Rules = TEMPLATE) -> None:
    """Raise :class:`SourceError` unless ``data`` is a plain, reasonably sized Word package
    (a template: a Word template .dotx is refused with its own reason)."""
    package = open_package(data, path, rules)
    try:
        if package.types is None:
            raise rules.invalid_because(path, "no_content_types")
        if WORD_MAIN not in package.main_types:  # what python-docx requires: say so in words
            if WORD_TEMPLATE in package.main_types:
                raise rules.invalid_because(path, "dotx")
            raise rules.invalid_because(path, "no_main")
        package.check_parts()
    finally:
        package.close()


def open_package(data: bytes, path: Path | str, rules: Rules) -> Package:
    """The zip package ``data`` opened, once its directory passed the checks above (size, parts,
    compression, macros, ``[Content_Types].xml`` without a DOCTYPE); its parts are not unpacked
    yet (:meth:`Package.check_parts`). The caller closes it."""
    import io

    if (entries := _directory_size(data, path)) is not None:
        raise rules.fail(rules.parts, path, count=entries, limit=MAX_ENTRIES)
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError) as err:
        if not data.startswith(b"PK"):
            raise rules.invalid_because(path, "not_zip") from None
        raise rules.invalid_because(path, "damaged", error=str(err)) from None
    try:
        return _opened(archive, path, rules)
    except BaseException:
        archive.close()
        raise


def _opened(archive: zipfile.ZipFile, path: Path | str, rules: Rules) -> Package:
    infos = archive.infolist()
    if len(infos) > MAX_ENTRIES:
        raise rules.fail(rules.parts, path, count=len(infos), limit=MAX_ENTRIES)
    declared = sum(info.file_size for info in infos)
    if declared > MAX_UNPACKED_BYTES:
        raise rules.fail(rules.unpacked, path, size=declared, limit=MAX_UNPACKED_BYTES)
    for info in infos:
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED) or info.flag_bits & 0x1:
            if info.flag_bits & 0x1:
                raise rules.invalid_because(path, "encrypted", part=info.filename)
            raise rules.invalid_because(path, "method", part=info.filename, method=str(info.compress_type))
        if info.filename.replace("\\", "/").rsplit("/", 1)[-1].lower() == "vbaproject.bin":
            raise rules.fail(rules.macros, path)
    names = [info.filename for info in infos]
    try:
        listed = archive.getinfo("[Content_Types].xml")
    except KeyError:
        return Package(archive, path, rules, None, names)
    types = _content_types(_unpack(archive, listed, path, rules), path, rules)
    if any(marker in kind.lower() for kind in types.values() if kind != XLSB_MAIN for marker in _MACRO_TYPES):
        raise rules.fail(rules.macros, path)
    return Package(archive, path, rules, types, names)


_END_RECORD = b"PK\x05\x06"  # the zip format's end of central directory record (APPNOTE 4.3.16)
_END_RECORD_SIZE = 22
_MAX_COMMENT = 0xFFFF


def directory_entries(data: bytes) -> int | None:
    """How many entries the zip package's end record says its directory holds, read from the
    record itself (the last ``PK\\x05\\x06`` within the final 64 KiB + 22 bytes); None when
    there is no such record, or when it defers to a ZIP64 record (0xFFFF)."""
    import struct

    floor = max(0, len(data) - _END_RECORD_SIZE - _MAX_COMMENT)
    end = len(data)
    while (start := data.rfind(_END_RECORD, floor, end)) >= 0:
        # the record is followed by its comment and nothing else: a signature inside a comment is not it
        if len(data) - start >= _END_RECORD_SIZE and \
                struct.unpack_from("<H", data, start + 20)[0] == len(data) - start - _END_RECORD_SIZE:
            total = struct.unpack_from("<H", data, start + 10)[0]  # total number of entries in the directory
            return None if total == 0xFFFF else int(total)
        end = start + len(_END_RECORD) - 1
    return None


def _directory_size(data: bytes, path: Path | str) -> int | None:
    """The entries the end record alone says the package has, when they are too many: refused
    before zipfile reads them all (the directory of a 20 MB file can list 400 000 entries).
    zipfile itself says what is wrong with a package that has no readable end record, a
    moment later. (``path`` is the package's name, for a caller that wants to say it.)"""
    entries = directory_entries(data)
    return entries if entries is not None and entries > MAX_ENTRIES else None


def _unpack(archive: zipfile.ZipFile, info: zipfile.ZipInfo, path: Path | str, rules: Rules) -> bytes:
    """A part's bytes, decompressed a chunk at a time; refused when it unpacks to more than
    its directory entry says (zipfile itself would decompress up to 2 GiB before cutting)."""
    import zlib

    probe = copy.copy(info)
    probe.file_size = MAX_UNPACKED_BYTES + 1  # read to the real end of the data, not the promised one
    chunks: list[bytes] = []
    total = 0
    try:
        with archive.open(probe) as stream:
            while chunk := stream.read(_CHUNK):
                total += len(chunk)
                if total > info.file_size:
                    raise rules.invalid_because(path, "unpacks_more", part=info.filename, size=str(info.file_size))
                chunks.append(chunk)
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError, NotImplementedError, RuntimeError) as err:
        raise rules.invalid_because(path, "unpack", part=info.filename, error=str(err)) from None
    if total != info.file_size:
        raise rules.invalid_because(path, "shorter", part=info.filename)
    return b"".join(chunks)


def safe_parser(**options: Any) -> Any:
    """An lxml parser that resolves no entity, loads no DTD and reaches no network."""
    from lxml import etree

    return etree.XMLParser(resolve_entities=False, load_dtd=False, no_network=True, huge_tree=False, **options)


def _content_types(blob: bytes, path: Path | str, rules: Rules) -> dict[str, str]:
    """Part name (as in the zip) → content type, from ``[Content_Types].xml``; keys ``"*.ext"``
    hold the defaults by extension."""
    from lxml import etree

    if _has_doctype(blob):
        raise rules.fail(rules.doctype, path, part="[Content_Types].xml")
    try:
        root = etree.fromstring(blob, safe_parser())
    except etree.XMLSyntaxError as err:
        raise rules.invalid_because(path, "content_types", error=str(err)) from None
    types: dict[str, str] = {}
    for element in root:
        kind = element.get("ContentType") or ""
        if element.get("PartName"):
            types[element.get("PartName").lstrip("/")] = kind
        elif element.get("Extension"):
            types["*." + element.get("Extension").lower()] = kind
    return types


def _is_xml(name: str, types: dict[str, str]) -> bool:
    """Whether a parser may read the part as XML: by its name, or by its content type
    (pictures such as SVG are left alone: Office keeps their bytes as they are)."""
    lower = name.lower()
    if lower.endswith((".xml", ".rels")):
        return True
    kind = types.get(name) or types.get("*." + lower.rsplit(".", 1)[-1], "")
    return kind.lower().endswith("xml") and not kind.lower().startswith("image/")


def _has_doctype(blob: bytes) -> bool:
    """A document type declaration in an XML part, in any encoding libxml2 reads."""
    if any(pattern in blob for pattern in _DOCTYPE):
        return True
    from lxml import etree

    # another encoding (UTF-7, EBCDIC…): let lxml read the prolog, up to the first element
    parser = etree.XMLPullParser(events=("start",), resolve_entities=False, load_dtd=False, no_network=True)
    try:
        for start in range(0, len(blob), 65536):
            parser.feed(blob[start:start + 65536])
            for _, element in parser.read_events():
                info = element.getroottree().docinfo
                return bool(info.doctype) or info.internalDTD is not None
    except etree.XMLSyntaxError:
        return False  # not XML that anything here could read
    return False
