"""A user's .docx template, checked before python-docx and docxtpl open it.

A template comes from anywhere (a colleague, an e-mail, the web), so it is
read as untrusted input. A .docx is a zip package of XML parts; before any
part is handed on, :func:`read_template`:

- refuses a file larger than :data:`MAX_TEMPLATE_BYTES`, and one that is
  empty, not a zip, truncated or damaged;
- refuses a package whose central directory promises more than
  :data:`MAX_UNPACKED_BYTES` unpacked, or more than :data:`MAX_ENTRIES` parts,
  before anything is decompressed (a "zip bomb"), and then decompresses each
  part in bounded steps, so a part that unpacks to more than its directory
  entry says (a lying directory) is refused as soon as it does;
- refuses compression methods Word never writes (only stored and deflated);
- refuses a macro-enabled document (a .docm saved under the name .docx, or
  any package holding ``vbaProject.bin``): grantcalc does not run or carry
  macros;
- refuses an XML part with a document type declaration (``<!DOCTYPE …>``).
  Word never writes one; it is what external entities (``<!ENTITY x SYSTEM
  "file:///…">``) and entity expansion ("billion laughs") need. python-docx
  parses with ``resolve_entities=False`` and docxtpl re-parses only the
  serialized body, which has no declaration, so nothing would be resolved
  anyway: the refusal is a second wall, with a clear message.

The bytes are read once and returned, so what was checked is what is rendered.
"""

from __future__ import annotations

import copy
import zipfile
from pathlib import Path

from grantcalc.errors import Problem, SourceError
from grantcalc.messages import phrase

__all__ = ["read_template", "MAX_TEMPLATE_BYTES", "MAX_UNPACKED_BYTES", "MAX_ENTRIES"]

MAX_TEMPLATE_BYTES = 20 * 1024 * 1024  # a form with a few pictures is well under 1 MiB
MAX_UNPACKED_BYTES = 100 * 1024 * 1024
MAX_ENTRIES = 10_000  # a Word document has a few dozen parts, a few hundred with many pictures
_CHUNK = 1024 * 1024

_DOCTYPE = tuple("<!DOCTYPE".encode(encoding) for encoding in
                 ("utf-8", "utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"))
_MACRO_TYPES = ("macroenabled", "vbaproject")  # in a content type, lower case
_WORD_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
_WORD_TEMPLATE = "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"


def _fail(code: str, path: Path, **params) -> SourceError:
    return SourceError(Problem(code, file=str(path), params=params))


def _invalid(path: Path, reason: str, **params: str) -> SourceError:
    """render.template_invalid, its {reason} the catalogue's text ``reason`` (``render.invalid.*``) with ``params``."""
    return _fail("render.template_invalid", path, reason=phrase(reason, **params))


def read_template(path: Path) -> bytes:
    """The bytes of the .docx at ``path``, once they have passed every check above."""
    from grantcalc.inputs import read_bounded

    data = read_bounded(path, MAX_TEMPLATE_BYTES)  # a FIFO or device is refused, never read without a bound
    if not data:
        raise _invalid(path, "render.invalid.empty")
    check_package(data, path)
    return data


def check_package(data: bytes, path: Path) -> None:
    """Raise :class:`SourceError` unless ``data`` is a plain, reasonably sized .docx package."""
    import io

    _directory_size(data, path)
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError) as err:
        if not data.startswith(b"PK"):
            raise _invalid(path, "render.invalid.not_zip") from None
        raise _invalid(path, "render.invalid.damaged", error=str(err)) from None
    with archive:
        infos = archive.infolist()
        if len(infos) > MAX_ENTRIES:
            raise _fail("render.template_parts", path, count=len(infos), limit=MAX_ENTRIES)
        declared = sum(info.file_size for info in infos)
        if declared > MAX_UNPACKED_BYTES:
            raise _fail("render.template_unpacked", path, size=declared, limit=MAX_UNPACKED_BYTES)
        for info in infos:
            if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED) or info.flag_bits & 0x1:
                if info.flag_bits & 0x1:
                    raise _invalid(path, "render.invalid.encrypted", part=info.filename)
                raise _invalid(path, "render.invalid.method", part=info.filename, method=str(info.compress_type))
            if info.filename.replace("\\", "/").rsplit("/", 1)[-1].lower() == "vbaproject.bin":
                raise _fail("render.template_macros", path)
        try:
            listed = archive.getinfo("[Content_Types].xml")
        except KeyError:
            raise _invalid(path, "render.invalid.no_content_types") from None
        types = _content_types(_unpack(archive, listed, path), path)
        if any(marker in kind.lower() for kind in types.values() for marker in _MACRO_TYPES):
            raise _fail("render.template_macros", path)
        if _WORD_MAIN not in types.values():  # what python-docx requires: say so in words
            if _WORD_TEMPLATE in types.values():
                raise _invalid(path, "render.invalid.dotx")
            raise _invalid(path, "render.invalid.no_main")
        for info in infos:  # one part at a time: its size verified, its XML without a DOCTYPE
            blob = _unpack(archive, info, path)
            if _is_xml(info.filename, types) and _has_doctype(blob):
                raise _fail("render.template_doctype", path, part=info.filename)


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


def _directory_size(data: bytes, path: Path) -> None:
    """Refuse too many entries from the end record alone, before zipfile reads them all
    (the directory of a 20 MB file can list 400 000 entries). zipfile itself says what is
    wrong with a package that has no readable end record, a moment later."""
    entries = directory_entries(data)
    if entries is not None and entries > MAX_ENTRIES:
        raise _fail("render.template_parts", path, count=entries, limit=MAX_ENTRIES)


def _unpack(archive: zipfile.ZipFile, info: zipfile.ZipInfo, path: Path) -> bytes:
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
                    raise _invalid(path, "render.invalid.unpacks_more", part=info.filename, size=str(info.file_size))
                chunks.append(chunk)
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError, NotImplementedError, RuntimeError) as err:
        raise _invalid(path, "render.invalid.unpack", part=info.filename, error=str(err)) from None
    if total != info.file_size:
        raise _invalid(path, "render.invalid.shorter", part=info.filename)
    return b"".join(chunks)


def _safe_parser():
    from lxml import etree

    return etree.XMLParser(resolve_entities=False, load_dtd=False, no_network=True, huge_tree=False)


def _content_types(blob: bytes, path: Path) -> dict[str, str]:
    """Part name (as in the zip) → content type, from ``[Content_Types].xml``; keys ``"*.ext"``
    hold the defaults by extension."""
    from lxml import etree

    if _has_doctype(blob):
        raise _fail("render.template_doctype", path, part="[Content_Types].xml")
    try:
        root = etree.fromstring(blob, _safe_parser())
    except etree.XMLSyntaxError as err:
        raise _invalid(path, "render.invalid.content_types", error=str(err)) from None
    types: dict[str, str] = {}
    for element in root:
        kind = element.get("ContentType") or ""
        if element.get("PartName"):
            types[element.get("PartName").lstrip("/")] = kind
        elif element.get("Extension"):
            types["*." + element.get("Extension").lower()] = kind
    return types


def _is_xml(name: str, types: dict[str, str]) -> bool:
    """Whether python-docx or docxtpl may parse the part as XML: by its name, or by its content
    type (pictures such as SVG are left alone: Word keeps their bytes as they are)."""
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
