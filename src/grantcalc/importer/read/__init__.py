"""Reading an application into a :class:`~grantcalc.importer.document.Document`, whatever its format.

:func:`read_document` reads a file (``"-"``: standard input) and :func:`read_text` pasted
text. The format comes from the file's extension and is verified by its content:

- ``.docx``: a Word document (:mod:`.docx`, through python-docx);
- ``.xlsx``: an Excel workbook (:mod:`.xlsx`, its XML read directly: every number a ``Decimal``);
- ``.pdf``: a PDF with a text layer (:mod:`.pdf`, through pdfplumber);
- ``.txt``, ``.md``, ``.text``: text (:mod:`.text`); a file without an extension and standard
  input are read as what their content is (a PDF, a Word document…, else text).

A file that is not what its name says (a PDF named .docx, a workbook named .docx), an old
binary Office file (.doc, .xls), a password-protected Office file, a macro-enabled one, an
OpenDocument or RTF file, a picture or a scanned PDF is refused with a message (an
``import.*`` code of the catalogue) saying what it is and what to do. Every read is bounded:
at most :data:`MAX_DOCUMENT_BYTES` are read (through :func:`grantcalc.inputs.read_bounded`,
which refuses a FIFO or a device), a zip package is checked before anything parses it
(:mod:`grantcalc.package`: zip bombs, lying directories, macros, DOCTYPEs), and a reader
stops at :data:`MAX_TABLES` tables, :data:`MAX_CELLS` table cells, :data:`MAX_PARAGRAPHS`
paragraphs or lines and :data:`MAX_PAGES` PDF pages, with a warning note in the document
saying where: a partial document, never a hang.
"""

from __future__ import annotations

import re
from pathlib import Path

from grantcalc.errors import SourceError
from grantcalc.importer.document import Document
from grantcalc.importer.read.common import (
    MAX_CELLS,
    MAX_DOCUMENT_BYTES,
    MAX_PAGES,
    MAX_PARAGRAPHS,
    MAX_TABLES,
    fail,
)
from grantcalc.messages import Bilingual, phrase
from grantcalc.package import Package, Rules

__all__ = ["read_document", "read_text", "READ_SUFFIXES", "MAX_DOCUMENT_BYTES", "MAX_TABLES", "MAX_CELLS",
           "MAX_PAGES", "MAX_PARAGRAPHS", "PACKAGE_RULES"]

# the extensions read, and what each says the file is
READ_SUFFIXES = {".docx": "docx", ".xlsx": "xlsx", ".pdf": "pdf", ".txt": "text", ".md": "text", ".text": "text"}
# extensions of files that are read only to say what they are and how to save them so they can be read
_EXPLAINED = frozenset((".doc", ".docm", ".dot", ".dotx", ".dotm", ".xls", ".xlsm", ".xlsb", ".xlt", ".xltx",
                        ".xltm", ".odt", ".ods", ".odp", ".rtf", ".ppt", ".pptx", ".pptm"))
_RIGHT_SUFFIX = {"docx": ".docx", "xlsx": ".xlsx", "pdf": ".pdf", "text": ".txt"}
# what a file that is not read should be saved as: kind -> the format to save it in
_SAVE_AS = {"dotx": ".docx", "xltx": ".xlsx", "xlsb": ".xlsx", "pptx": ".pdf", "odt": ".docx", "ods": ".xlsx",
            "odp": ".pdf", "odf": ".docx / .xlsx", "rtf": ".docx"}
_OLD = {"doc": ".docx", "xls": ".xlsx", "ppt": ".pdf", "ole": ".docx / .xlsx"}

PACKAGE_RULES = Rules(invalid="import.package_invalid", reasons="import.invalid.", parts="import.package_parts",
                      unpacked="import.package_unpacked", macros="import.macros", doctype="import.doctype")

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_IMAGES = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"GIF87a", b"GIF89a", b"II*\x00", b"MM\x00*")
_BOMS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")
_PDF_HEADER = re.compile(rb"%PDF-\d\.\d")


def read_document(path: str | Path, *, name: str | None = None) -> Document:
    """The document in the file at ``path`` (``"-"``: standard input), ``name`` what messages
    call it (by default the path as given, ``<stdin>`` for standard input).

    Raises :class:`~grantcalc.errors.SourceError` (an ``import.*`` or ``file.*`` code) for a file
    that cannot be read; what was left out of a document read in part is in its ``notes``."""
    if str(path) == "-":
        from grantcalc.inputs import read_stdin

        shown = name or "<stdin>"
        data = read_stdin(MAX_DOCUMENT_BYTES, shown)
        if len(data) > MAX_DOCUMENT_BYTES:
            raise fail("import.too_large", shown, size=f"> {MAX_DOCUMENT_BYTES}", limit=MAX_DOCUMENT_BYTES)
        return _read(data, shown, None, "")
    shown = name or str(path)
    suffix = Path(path).suffix.lower()
    if suffix and suffix not in READ_SUFFIXES and suffix not in _EXPLAINED:
        raise fail("import.unknown_format", shown, suffix=suffix)
    data = _read_file(path, shown)
    # no extension: whatever the content is
    return _read(data, shown, READ_SUFFIXES.get(suffix) if suffix else None, suffix)


def read_text(text: str, *, name: str = "<text>") -> Document:
    """The document of pasted ``text``: a paragraph per line, its tables (markdown ``| a | b |``,
    tab-separated lines) as tables."""
    from grantcalc.importer.read.text import read_lines

    document = Document(name=name, kind="text")
    read_lines(text, document)
    return document


def _read_file(path: str | Path, shown: str) -> bytes:
    from grantcalc.inputs import read_bounded

    try:
        return read_bounded(path, MAX_DOCUMENT_BYTES, name=shown)
    except SourceError as err:
        [problem] = err.problems
        if problem.code == "file.too_large":
            raise fail("import.too_large", shown, **problem.params) from None
        raise


def _read(data: bytes, name: str, claimed: str | None, suffix: str) -> Document:
    """``data`` read as what it is; ``claimed`` what its extension says it is (None: nothing)."""
    if not data:
        raise fail("import.empty", name)
    found = _sniff(data)
    if found == "zip":
        return _read_package(data, name, claimed, suffix)
    if found == "ole":
        raise _ole(data, name)
    if found in ("rtf", "image"):
        if found == "image":
            raise fail("import.image", name)
        raise _save_as(name, "rtf")
    if claimed is None and suffix in _EXPLAINED:  # a .doc that is a PDF or text: say what it is
        raise fail("import.wrong_kind", name, suffix=suffix, what=_kind(found), right=_RIGHT_SUFFIX[found])
    if claimed is not None and claimed != found:
        if found == "text" and claimed in ("docx", "xlsx") and _binary(data):
            raise PACKAGE_RULES.invalid_because(name, "not_zip")
        if found == "text" and claimed == "pdf" and _binary(data):
            raise fail("import.pdf_damaged", name, reason=phrase("import.pdf.not_pdf"))
        raise fail("import.wrong_kind", name, suffix=suffix, what=_kind(found), right=_RIGHT_SUFFIX[found])
    document = Document(name=name, kind=found)
    if found == "pdf":
        from grantcalc.importer.read.pdf import read_pdf

        read_pdf(data, document)
    else:
        from grantcalc.importer.read.text import decode, read_lines

        text = decode(data, document)
        read_lines(text, document)
    return document


def _sniff(data: bytes) -> str:
    """What the bytes are, from their first bytes: ``zip``, ``pdf``, ``ole`` (an old binary Office
    file, or an encrypted new one), ``rtf``, ``image`` or ``text`` (anything else)."""
    head = data[:1024]
    if data.startswith((b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")):
        return "zip"
    if _PDF_HEADER.search(head) and not head.startswith(_BOMS):  # the header may follow up to 1 KiB of junk
        return "pdf"
    if data.startswith(_OLE):
        return "ole"
    if data.lstrip(b"\xef\xbb\xbf").startswith(b"{\\rtf"):
        return "rtf"
    if data.startswith(_IMAGES):
        return "image"
    return "text"


def _binary(data: bytes) -> bool:
    """Whether ``data`` holds NUL bytes, as no text does (but UTF-16 and UTF-32 with a BOM)."""
    return not data.startswith((b"\xff\xfe", b"\xfe\xff")) and b"\x00" in data[:65536]


def _kind(kind: str) -> Bilingual:
    return phrase(f"import.what.{kind}")


def _save_as(name: str, kind: str) -> SourceError:
    return fail("import.save_as", name, what=_kind(kind), format=_SAVE_AS[kind])


def _ole(data: bytes, name: str) -> SourceError:
    """An OLE compound file: an Office file encrypted with a password (its ``EncryptedPackage``
    stream), or a Word, Excel or PowerPoint 97-2003 file, told by its streams' names."""
    def holds(stream: str) -> bool:
        return stream.encode("utf-16-le") in data

    if holds("EncryptedPackage") or holds("EncryptionInfo"):
        return fail("import.password", name)
    kind = "doc" if holds("WordDocument") else "xls" if holds("Workbook") or holds("Book\x00") else \
        "ppt" if holds("PowerPoint Document") else "ole"
    return fail("import.old_format", name, what=_kind(kind), format=_OLD[kind])


def _read_package(data: bytes, name: str, claimed: str | None, suffix: str) -> Document:
    from grantcalc.package import open_package

    package = open_package(data, name, PACKAGE_RULES)  # size, parts, methods, macros: refused before unpacking
    try:
        kind = _package_kind(package, name)
        if kind in _SAVE_AS:
            raise _save_as(name, kind)
        if (claimed is not None and claimed != kind) or (claimed is None and suffix in _EXPLAINED):
            raise fail("import.wrong_kind", name, suffix=suffix, what=_kind(kind), right=_RIGHT_SUFFIX[kind])
        if kind == "docx":
            from grantcalc.importer.read.docx import check_body

            check_body(package, name)
        package.check_parts()  # each part unpacked in bounded steps: a lying directory, a DOCTYPE
        document = Document(name=name, kind=kind)
        if kind == "docx":
            from grantcalc.importer.read.docx import read_docx

            read_docx(data, document)
        else:
            from grantcalc.importer.read.xlsx import read_xlsx

            read_xlsx(package, document)
        return document
    finally:
        package.close()


def _package_kind(package: Package, name: str) -> str:
    """What the package is, from its content types (``docx``, ``xlsx``, ``dotx``, ``pptx``…) or,
    without ``[Content_Types].xml``, its OpenDocument ``mimetype`` (``odt``, ``ods``…)."""
    from grantcalc.package import SHEET_MAIN, SHEET_TEMPLATE, SLIDES_MAIN, WORD_MAIN, WORD_TEMPLATE, XLSB_MAIN

    if package.types is None:
        mimetype = package.read("mimetype") if "mimetype" in package.names else None
        if mimetype is not None and mimetype.startswith(b"application/vnd.oasis.opendocument."):
            said = mimetype[len(b"application/vnd.oasis.opendocument."):]
            return "odt" if said == b"text" else "ods" if said == b"spreadsheet" else \
                "odp" if said == b"presentation" else "odf"
        raise PACKAGE_RULES.invalid_because(name, "no_content_types")
    types = package.main_types
    for kind, main in (("docx", WORD_MAIN), ("xlsx", SHEET_MAIN), ("dotx", WORD_TEMPLATE), ("xltx", SHEET_TEMPLATE),
                       ("pptx", SLIDES_MAIN), ("xlsb", XLSB_MAIN)):
        if main in types:
            return kind
    if any("presentationml" in kind for kind in types):
        return "pptx"
    raise PACKAGE_RULES.invalid_because(name, "no_main")

