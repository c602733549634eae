"""A user's .docx template is untrusted input (:mod:`grantcalc.package`).

Every hostile template is built inside its test, from a plain template that
python-docx writes, by rewriting zip entries: macros, zip bombs (a huge
promised size, a lying central directory, too many parts), XML with a
DOCTYPE (an external entity pointing at a secret file, "billion laughs"),
files that are not a zip at all. Each is refused with a catalogued message
through the public API and the command line (exit 2, no traceback, nothing
written), and quickly: the bombs are refused before they are unpacked.
"""

from __future__ import annotations

import os
import time
import tracemalloc
import zipfile
from pathlib import Path

import pytest
from docx import Document

import grantcalc
from grantcalc import package
from grantcalc.errors import SourceError
from grantcalc.render import render

from .helpers import LJUSDAL, refused, refused_everywhere
from .import_files import append_zeros, declare_size, rezip

SECRET = "HEMLIGT-4711-sekret"  # noqa: S105 - a marker to find leaked file contents by, not a password
MACRO_MAIN = "application/vnd.ms-word.document.macroEnabled.main+xml"
PLAIN_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"


# --- helpers -----------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def budget() -> grantcalc.Budget:
    return grantcalc.load(LJUSDAL)


@pytest.fixture(scope="module")
def plain(tmp_path_factory) -> Path:
    """A harmless template with a field in the body and in the header."""
    path = tmp_path_factory.mktemp("plain") / "mall.docx"
    document = Document()
    document.add_paragraph("{{ project.name }} MARK")
    document.sections[0].header.paragraphs[0].text = "Sidhuvud {{ project.name }}"
    document.save(str(path))
    return path


def with_doctype(doctype: str, text_from: str = " MARK<", text_to: str = " MARK<"):
    """A change that puts ``doctype`` after the XML declaration (and ``text_to`` in the text)."""
    def change(data: bytes) -> bytes:
        text = data.decode("utf-8")
        end = text.index("?>") + 2
        return (text[:end] + doctype + text[end:]).replace(text_from, text_to).encode("utf-8")
    return change


def test_the_plain_template_renders(tmp_path, budget, plain):
    """The checks let an ordinary template through (the hostile ones below are made from it)."""
    render(budget, tmp_path / "ut.docx", template=plain)
    document = Document(str(tmp_path / "ut.docx"))
    assert document.paragraphs[0].text == "Ett hållbart arbetsliv i Ljusdal MARK"
    assert document.sections[0].header.paragraphs[0].text == "Sidhuvud Ett hållbart arbetsliv i Ljusdal"


# --- macros ------------------------------------------------------------------------------------
def test_a_docm_is_refused_by_its_name(tmp_path, capsys, budget, plain):
    docm = tmp_path / "mall.docm"
    docm.write_bytes(plain.read_bytes())
    stderr = refused_everywhere(capsys, budget, docm, tmp_path / "ut.docx", "render.template_macros")
    assert "mall.docm:" in stderr and "makro" in stderr and ".docx" in stderr and "Spara som" in stderr


def test_a_macro_enabled_document_named_docx_is_refused(tmp_path, capsys, budget, plain):
    """A .docm renamed .docx: python-docx would say only "not a Word file"."""
    template = rezip(plain, tmp_path / "mall.docx",
                     change={"[Content_Types].xml":
                             lambda data: data.replace(PLAIN_MAIN.encode(), MACRO_MAIN.encode())})
    refused_everywhere(capsys, budget, template, tmp_path / "ut.docx", "render.template_macros")


def test_a_document_carrying_a_vba_project_is_refused(tmp_path, capsys, budget, plain):
    template = rezip(plain, tmp_path / "mall.docx", add={"word/vbaProject.bin": b"\xd0\xcf\x11\xe0 macros"})
    stderr = refused_everywhere(capsys, budget, template, tmp_path / "ut.docx", "render.template_macros")
    assert "vanligt Word-dokument (.docx)" in stderr


# --- XML with a DOCTYPE: external entities, entity expansion -------------------------------------
BILLION_LAUGHS = ('<!DOCTYPE w:document [<!ENTITY lol "lol">'
                  + "".join(f'<!ENTITY lol{i} "{(f"&lol{i - 1};" if i > 1 else "&lol;") * 10}">'
                            for i in range(1, 10))
                  + "]>")


def _xxe(secret: Path) -> str:
    return f'<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "{secret.as_uri()}">]>'


def _utf16(change):
    def utf16(data: bytes) -> bytes:
        text = change(data).decode("utf-8").replace("encoding='UTF-8'", "encoding='UTF-16'")
        return text.encode("utf-16")
    return utf16


HOSTILE = {  # name → (the part to change, the change given the secret file)
    "external-entity": ("word/document.xml", lambda s: with_doctype(_xxe(s), " MARK<", " &xxe;<")),
    "external-entity-utf16": ("word/document.xml", lambda s: _utf16(with_doctype(_xxe(s), " MARK<", " &xxe;<"))),
    "external-dtd": ("word/document.xml",
                     lambda s: with_doctype(f'<!DOCTYPE w:document SYSTEM "{s.as_uri()}">')),
    "billion-laughs": ("word/document.xml", lambda s: with_doctype(BILLION_LAUGHS, " MARK<", " &lol9;<")),
    "in-the-header": ("word/header1.xml", lambda s: with_doctype(_xxe(s).replace("w:document", "w:hdr"),
                                                                "Sidhuvud", "&xxe;")),
    "in-content-types": ("[Content_Types].xml", lambda s: with_doctype(_xxe(s).replace("w:document", "Types"))),
    "in-relationships": ("word/_rels/document.xml.rels",
                         lambda s: with_doctype(_xxe(s).replace("w:document", "Relationships"))),
}


@pytest.fixture
def secret(tmp_path) -> Path:
    path = tmp_path / "hemlig.txt"
    path.write_text(SECRET, encoding="utf-8")
    return path


def _all_text(path: Path) -> bytes:
    with zipfile.ZipFile(path) as archive:
        return b"".join(archive.read(name) for name in archive.namelist())


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_a_doctype_in_any_xml_part_is_refused(tmp_path, capsys, budget, plain, secret, case):
    part, make = HOSTILE[case]
    with zipfile.ZipFile(plain) as archive:
        assert part in archive.namelist()
    template = rezip(plain, tmp_path / "mall.docx", change={part: make(secret)})
    started = time.perf_counter()
    stderr = refused_everywhere(capsys, budget, template, tmp_path / "ut.docx", "render.template_doctype")
    assert time.perf_counter() - started < 5
    assert part in stderr and "<!DOCTYPE" in stderr
    assert SECRET not in stderr


@pytest.mark.parametrize("case", ["external-entity", "external-dtd", "billion-laughs", "in-the-header"])
def test_without_the_refusal_nothing_is_resolved_or_expanded(tmp_path, monkeypatch, budget, plain, secret, case):
    """The second wall: python-docx parses with resolve_entities=False and docxtpl re-parses only the
    serialized body, so even a template the check let through never brings the secret file's content
    into the document, nor expands an entity (the document stays small)."""
    part, make = HOSTILE[case]
    template = rezip(plain, tmp_path / "mall.docx", change={part: make(secret)})
    monkeypatch.setattr(package, "_has_doctype", lambda blob: False)
    out = tmp_path / "ut.docx"
    try:
        render(budget, out, template=template)
    except SourceError as err:  # refusing is fine too, if it says so without the secret
        assert SECRET not in err.format("sv") and SECRET not in err.format("en")
        return
    assert SECRET.encode() not in _all_text(out)
    with zipfile.ZipFile(out) as archive:
        document = archive.read("word/document.xml")
    assert b"lollollol" not in document and len(document) < 50_000


def test_an_svg_picture_may_carry_a_doctype(tmp_path, budget, plain):
    """Pictures are kept as bytes, never parsed: an SVG from Illustrator or Inkscape often has a DOCTYPE."""
    svg = (b'<?xml version="1.0"?><!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" '
           b'"http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd"><svg xmlns="http://www.w3.org/2000/svg"/>')
    template = rezip(plain, tmp_path / "mall.docx", add={"word/media/image1.svg": svg})
    render(budget, tmp_path / "ut.docx", template=template)
    assert Document(str(tmp_path / "ut.docx")).paragraphs[0].text.endswith("MARK")


# --- zip bombs and sizes -----------------------------------------------------------------------
@pytest.fixture(scope="module")
def bomb(tmp_path_factory, plain) -> Path:
    """The plain template plus 200 MB of zeros, about 200 kB compressed (written by streaming),
    a picture of the document: python-docx alone would unpack it all into memory."""
    path = tmp_path_factory.mktemp("bomb") / "mall.docx"
    picture = (b'<Relationship Id="rId99" Target="media/zeros.bin" '
               b'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image"/></Relationships>')
    rezip(plain, path, change={
        "word/_rels/document.xml.rels": lambda data: data.replace(b"</Relationships>", picture),
        "[Content_Types].xml": lambda data: data.replace(
            b"</Types>", b'<Default Extension="bin" ContentType="application/octet-stream"/></Types>')})
    append_zeros(path, "word/media/zeros.bin", 200)
    assert path.stat().st_size < 1_000_000
    return path


def _refused_quickly_in_little_memory(budget, template: Path, out: Path) -> list:
    tracemalloc.start()
    started = time.perf_counter()
    try:
        problems = refused(budget, template, out)
    finally:
        elapsed = time.perf_counter() - started
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    assert elapsed < 3, elapsed
    assert peak < 30_000_000, peak  # not the 200 MB it unpacks to
    return problems


@pytest.mark.slow  # the bomb is built first: a second
def test_a_zip_bomb_is_refused_from_its_directory_before_unpacking(tmp_path, capsys, budget, bomb):
    [problem] = _refused_quickly_in_little_memory(budget, bomb, tmp_path / "ut.docx")
    assert problem.code == "render.template_unpacked"
    assert problem.params["size"] > 200 * 1024 * 1024 and problem.params["limit"] == package.MAX_UNPACKED_BYTES
    stderr = refused_everywhere(capsys, budget, bomb, tmp_path / "ut.docx", "render.template_unpacked")
    assert "packas upp till" in stderr


def test_a_part_that_unpacks_to_more_than_its_directory_says_is_refused(tmp_path, capsys, budget, plain):
    """A lying central directory: 50 MB of zeros declared as 1 000 bytes. zipfile alone would
    decompress all of it (up to 2 GiB) before cutting it to the promised size."""
    path = append_zeros(rezip(plain, tmp_path / "mall.docx"), "word/media/big.bin", 50)
    declare_size(path, "word/media/big.bin", 1000)

    [problem] = _refused_quickly_in_little_memory(budget, path, tmp_path / "ut.docx")
    assert problem.code == "render.template_invalid"
    assert "word/media/big.bin" in problem.message("sv") and "mer än zip-filen anger" in problem.message("sv")
    refused_everywhere(capsys, budget, path, tmp_path / "ut.docx", "render.template_invalid")


def test_a_package_of_too_many_parts_is_refused(tmp_path, capsys, monkeypatch, budget, plain):
    path = rezip(plain, tmp_path / "mall.docx")
    with zipfile.ZipFile(path, "a", zipfile.ZIP_STORED) as archive:
        for number in range(package.MAX_ENTRIES):
            archive.writestr(f"customXml/item{number}.bin", b"")
    [problem] = _refused_quickly_in_little_memory(budget, path, tmp_path / "ut.docx")
    assert problem.code == "render.template_parts"
    assert problem.params["count"] > package.MAX_ENTRIES
    refused_everywhere(capsys, budget, path, tmp_path / "ut.docx", "render.template_parts")
    # the quick look at the end record is a speed-up only: the directory zipfile reads says the same
    monkeypatch.setattr(package, "_directory_size", lambda data, path: None)
    assert [p.code for p in refused(budget, path, tmp_path / "ut.docx")] == ["render.template_parts"]


def test_a_template_file_over_the_size_limit_is_refused_unread(tmp_path, capsys, budget):
    path = tmp_path / "mall.docx"
    with open(path, "wb") as stream:  # sparse: no 20 MB written
        stream.truncate(package.MAX_TEMPLATE_BYTES + 1)
    stderr = refused_everywhere(capsys, budget, path, tmp_path / "ut.docx", "file.too_large")
    assert "för stor" in stderr


def test_a_part_compressed_in_a_way_word_never_writes_is_refused(tmp_path, capsys, budget, plain):
    path = rezip(plain, tmp_path / "mall.docx")
    with zipfile.ZipFile(path, "a", zipfile.ZIP_BZIP2) as archive:
        archive.writestr("word/media/packed.bin", bytes(1000))
    stderr = refused_everywhere(capsys, budget, path, tmp_path / "ut.docx", "render.template_invalid")
    assert "word/media/packed.bin" in stderr and "metod 12" in stderr


# --- not a Word document at all ------------------------------------------------------------------
def _empty(folder: Path, plain: Path) -> Path:
    (folder / "mall.docx").write_bytes(b"")
    return folder / "mall.docx"


def _text(folder: Path, plain: Path) -> Path:
    (folder / "mall.docx").write_text("Projektnamn: {{ project.name }}\n", encoding="utf-8")
    return folder / "mall.docx"


def _truncated(folder: Path, plain: Path) -> Path:
    data = plain.read_bytes()
    (folder / "mall.docx").write_bytes(data[: len(data) // 2])
    return folder / "mall.docx"


def _damaged(folder: Path, plain: Path) -> Path:
    """document.xml's compressed bytes overwritten in the middle: a CRC or inflate error."""
    path = rezip(plain, folder / "mall.docx")
    info = zipfile.ZipFile(path).getinfo("word/document.xml")
    data = bytearray(path.read_bytes())
    start = info.header_offset + 30 + len(info.filename) + len(info.extra) + info.compress_size // 2
    data[start: start + 16] = b"\xff" * 16
    path.write_bytes(bytes(data))
    return path


def _no_content_types(folder: Path, plain: Path) -> Path:
    path = folder / "mall.docx"
    with zipfile.ZipFile(plain) as old, zipfile.ZipFile(path, "w") as new:
        for info in old.infolist():
            if info.filename != "[Content_Types].xml":
                new.writestr(info.filename, old.read(info.filename))
    return path


def _a_workbook(folder: Path, plain: Path) -> Path:
    """A zip, but an Excel workbook renamed .docx."""
    import openpyxl

    path = folder / "mall.docx"
    openpyxl.Workbook().save(path)
    return path


def _a_word_template(folder: Path, plain: Path) -> Path:
    """A .dotx renamed .docx."""
    dotx = PLAIN_MAIN.replace(".document.main", ".template.main").encode()
    return rezip(plain, folder / "mall.docx",
                 change={"[Content_Types].xml": lambda data: data.replace(PLAIN_MAIN.encode(), dotx)})


@pytest.mark.parametrize("make, words", [
    (_empty, ["filen är tom"]),
    (_text, ["ingen zip-fil"]),
    (_truncated, ["trasig eller avkortad"]),
    (_damaged, ["word/document.xml"]),
    (_no_content_types, ["[Content_Types].xml saknas"]),
    (_a_workbook, ["ingen huvuddel för ett Word-dokument"]),
    (_a_word_template, ["Word-mall (.dotx)"]),
], ids=["empty", "text", "truncated", "damaged", "no-content-types", "workbook", "dotx"])
def test_a_file_that_is_no_word_document_is_a_clear_message(tmp_path, capsys, budget, plain, make, words):
    template = make(tmp_path, plain)
    stderr = refused_everywhere(capsys, budget, template, tmp_path / "ut.docx", "render.template_invalid")
    assert stderr.startswith(f"{template}: mallen är inget läsbart Word-dokument")
    for word in words:
        assert word in stderr


def test_raw_xml_that_breaks_a_header_is_a_message_not_a_crash(tmp_path, capsys, budget):
    """``|safe`` lets a template write raw XML; in a header docxtpl re-reads it as XML."""
    path = tmp_path / "mall.docx"
    document = Document()
    document.add_paragraph("{{ project.name }}")
    document.sections[0].header.paragraphs[0].text = "{{ '<w:p>'|safe }}"
    document.save(str(path))
    stderr = refused_everywhere(capsys, budget, path, tmp_path / "ut.docx", "render.template_error")
    assert "mallen kunde inte fyllas i: XML:" in stderr


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root reads any file")
def test_a_template_one_may_not_read(tmp_path, capsys, budget, plain):
    template = tmp_path / "mall.docx"
    template.write_bytes(plain.read_bytes())
    template.chmod(0)
    try:
        refused_everywhere(capsys, budget, template, tmp_path / "ut.docx", "file.unreadable")
    finally:
        template.chmod(0o644)


def refuse_to_open(monkeypatch, refused: Path) -> None:
    """``os.open`` of ``refused`` fails as it does for a file one may not read (every input is
    opened through grantcalc.inputs.read_bounded); every other file opens as usual."""
    real = os.open

    def open_(path, *args, **kwargs):
        if Path(path) == Path(refused):
            raise PermissionError(13, "Permission denied")
        return real(path, *args, **kwargs)

    monkeypatch.setattr(os, "open", open_)


def test_a_template_that_cannot_be_read(tmp_path, capsys, monkeypatch, budget, plain):
    """The same as above, where root reads anything."""
    refuse_to_open(monkeypatch, plain)
    stderr = refused_everywhere(capsys, budget, plain, tmp_path / "ut.docx", "file.unreadable")
    assert stderr == f"{plain}: filen kan inte läsas: behörighet saknas (du får inte läsa eller skriva här)\n"


# --- a form description of one's own (.yaml) -----------------------------------------------------
FORM = """\
name: egen
title: {sv: Egen, en: Own}
description: {sv: En egen blankett, en: A form of one's own}
sections:
  - {number: "1", heading: {sv: Kostnader, en: Costs}, block: costs}
"""


def test_a_form_description_over_the_size_limit_is_refused(tmp_path, capsys, budget):
    from grantcalc.loader.source import MAX_BYTES

    path = tmp_path / "form.yaml"
    path.write_text(FORM + "#" * MAX_BYTES + "\n", encoding="utf-8")
    started = time.perf_counter()
    stderr = refused_everywhere(capsys, budget, path, tmp_path / "ut.docx", "file.too_large")
    assert time.perf_counter() - started < 5
    assert "form.yaml: filen är för stor" in stderr


def test_a_form_description_with_an_alias_bomb_is_refused_quickly(tmp_path, capsys, budget):
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]" for i in range(1, 10)]
    path = tmp_path / "form.yaml"
    path.write_text("\n".join(lines) + "\n" + FORM.replace("name: egen", "name: *a9"), encoding="utf-8")
    started = time.perf_counter()
    stderr = refused_everywhere(capsys, budget, path, tmp_path / "ut.docx", "render.form_invalid")
    assert time.perf_counter() - started < 5
    assert "form.yaml: formulärbeskrivningen är ogiltig" in stderr


def test_a_form_description_that_cannot_be_read(tmp_path, capsys, monkeypatch, budget):
    path = tmp_path / "form.yaml"
    path.write_text(FORM, encoding="utf-8")
    refuse_to_open(monkeypatch, path)
    stderr = refused_everywhere(capsys, budget, path, tmp_path / "ut.docx", "file.unreadable")
    assert stderr == f"{path}: filen kan inte läsas: behörighet saknas (du får inte läsa eller skriva här)\n"


def test_a_form_description_of_ones_own_still_renders(tmp_path, budget):
    path = tmp_path / "form.yaml"
    path.write_text(FORM, encoding="utf-8")
    assert render(budget, tmp_path / "ut.docx", template=path, charts=False).template == "form.yaml"


@pytest.mark.parametrize("comment", [b"", b"PK\x05\x06 a signature inside the comment", b"x" * 65535])
def test_the_directory_size_is_read_from_the_zip_end_record_itself(comment):
    """The count of parts comes from the package's end record, read by grantcalc (not zipfile's
    private helpers), and a signature inside the archive comment does not fool it."""
    import io

    from grantcalc.package import directory_entries

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for index in range(37):
            archive.writestr(f"part{index}.xml", "<x/>")
        archive.comment = comment
    assert directory_entries(buffer.getvalue()) == 37
    assert directory_entries(b"not a zip at all") is None
