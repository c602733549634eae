"""Files for the importer's reader tests, built in the test: PDFs written by hand (text, ruled
tables, a picture, an /Encrypt dictionary), Word documents with XML of our own, zips rewritten."""

from __future__ import annotations

import zipfile
from pathlib import Path

from docx import Document

PAGE_HEIGHT = 842  # A4 in points


def text_at(x: int, y: int, text: str, size: int = 11) -> bytes:
    """A content stream's text at (x, y) from the page's bottom left, in Helvetica (WinAnsi: å, ä, ö)."""
    escaped = text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)").encode("cp1252")
    return b"BT /F1 %d Tf %d %d Td (" % (size, x, y) + escaped + b") Tj ET\n"


def ruled_table(x: int, top: int, widths: list[int], rows: list[list[str]], height: int = 20) -> bytes:
    """A table drawn with lines, each cell's text inside it: what pdfplumber finds as a table."""
    out = b"0.5 w\n"
    right = x + sum(widths)
    bottom = top - height * len(rows)
    for index in range(len(rows) + 1):
        y = top - height * index
        out += b"%d %d m %d %d l S\n" % (x, y, right, y)
    edge = x
    for width in [0, *widths]:
        edge += width
        out += b"%d %d m %d %d l S\n" % (edge, top, edge, bottom)
    for number, row in enumerate(rows):
        left = x
        for width, cell in zip(widths, row, strict=True):
            if cell:
                out += text_at(left + 4, top - height * number - 14, cell, 10)
            left += width
    return out


def pdf(pages: list[bytes], *, image_pages: frozenset[int] = frozenset(), encrypt: bool = False) -> bytes:
    """A PDF whose pages have the content streams ``pages``; pages in ``image_pages`` (0-based) also
    hold a 1×1 picture (``/Im1``); ``encrypt``: an /Encrypt dictionary whose user password is not
    empty (a PDF that asks for a password)."""
    objects: dict[int, bytes] = {}
    count = len(pages)
    kids = b" ".join(b"%d 0 R" % (4 + 2 * index) for index in range(count))
    objects[1] = b"<< /Type /Catalog /Pages 2 0 R >>"
    objects[2] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, count)
    objects[3] = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
    image = 4 + 2 * count
    objects[image] = (b"<< /Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceGray "
                      b"/BitsPerComponent 8 /Length 1 >>\nstream\n\x80\nendstream")
    for index, content in enumerate(pages):
        page, stream = 4 + 2 * index, 5 + 2 * index
        resources = b"/Font << /F1 3 0 R >>"
        if index in image_pages:
            resources += b" /XObject << /Im1 %d 0 R >>" % image
            content = b"q 200 0 0 200 72 400 cm /Im1 Do Q\n" + content
        objects[page] = (b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 %d] /Resources << %s >> /Contents %d 0 R >>"
                         % (PAGE_HEIGHT, resources, stream))
        objects[stream] = b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream"
    trailer_extra = b""
    if encrypt:
        number = image + 1
        objects[number] = (b"<< /Filter /Standard /V 1 /R 2 /Length 40 /P -44 /O <" + b"ab" * 32 + b"> /U <"
                           + b"cd" * 32 + b"> >>")
        trailer_extra = b" /Encrypt %d 0 R /ID [<%s> <%s>]" % (number, b"01" * 16, b"01" * 16)
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = {}
    for number in sorted(objects):
        offsets[number] = len(out)
        out += b"%d 0 obj\n" % number + objects[number] + b"\nendobj\n"
    xref = len(out)
    size = max(objects) + 1
    out += b"xref\n0 %d\n0000000000 65535 f \n" % size
    for number in range(1, size):
        out += b"%010d 00000 n \n" % offsets[number] if number in offsets else b"0000000000 65535 f \n"
    out += b"trailer\n<< /Size %d /Root 1 0 R%s >>\nstartxref\n%d\n%%%%EOF\n" % (size, trailer_extra, xref)
    return bytes(out)


def rezip(source: Path, target: Path, *, change: dict | None = None, add: dict | None = None,
          drop: tuple[str, ...] = ()) -> Path:
    """``source`` copied to ``target``, entries rewritten by ``change`` (name → function of the
    bytes), ``add`` (name → bytes) put at the end, ``drop`` left out."""
    change, add = change or {}, add or {}
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for info in old.infolist():
            if info.filename in drop:
                continue
            data = old.read(info.filename)
            new.writestr(info.filename, change[info.filename](data) if info.filename in change else data)
        for name, data in add.items():
            new.writestr(name, data)
    return target


def append_zeros(path: Path, member: str, megabytes: int) -> Path:
    """``member`` of ``megabytes`` MB of zeros added to the zip package at ``path``, written by streaming
    (a kilobyte or so a megabyte once compressed)."""
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as archive, archive.open(member, "w") as out:
        chunk = bytes(1 << 20)
        for _ in range(megabytes):
            out.write(chunk)
    return path


def declare_size(path: Path, member: str, size: int) -> Path:
    """The package at ``path`` with a lying central directory: its last entry, ``member``, declared to
    unpack to ``size`` bytes."""
    data = bytearray(path.read_bytes())
    entry = data.rindex(b"PK\x01\x02")  # the last central directory entry
    assert data[entry + 46: entry + 46 + len(member)] == member.encode()
    data[entry + 24: entry + 28] = size.to_bytes(4, "little")  # its uncompressed size
    path.write_bytes(bytes(data))
    assert zipfile.ZipFile(path).getinfo(member).file_size == size
    return path


def plain_docx(path: Path, text: str = "Kostnadsbudget") -> Path:
    """A Word document of one paragraph, written by python-docx."""
    document = Document()
    document.add_paragraph(text)
    document.save(str(path))
    return path


def body_docx(path: Path, body: str) -> Path:
    """A Word document whose body is the XML ``body`` (w: elements), in python-docx's package."""
    plain = plain_docx(path.with_name(path.stem + "-plain.docx"))

    def replace(data: bytes) -> bytes:
        start = data.index(b"<w:body>") + len(b"<w:body>")
        end = data.index(b"<w:sectPr")
        return data[:start] + body.encode("utf-8") + data[end:]

    return rezip(plain, path, change={"word/document.xml": replace})
