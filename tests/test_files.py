"""Every command that writes a file writes it safely (:mod:`grantcalc.write`).

``render`` (.docx), ``export`` (.xlsx and .csv), ``new`` and ``schema -o``,
each through the command line and, where there is one, the Python call:

- the file appears only by a rename of a temporary file in the same folder;
- an existing file is never replaced without ``--force`` (exit 2, a message,
  the same bytes), and is replaced with it;
- a failure halfway through writing (a full disk, an interrupt) leaves the
  earlier file as it was and no temporary file (``.NAME.*.tmp``) behind;
- an output in a missing folder, or that is a folder, or in a folder one may
  not write to, is a message and exit 2, never a traceback.

What one command's own tests cover already (test_render, test_export,
test_new, test_cli) is asked here of every command at once.
"""

from __future__ import annotations

import csv
import errno
import json
import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import openpyxl
import pytest
from docx import Document

import grantcalc
from grantcalc.cli import main
from grantcalc.errors import SourceError
from grantcalc.render import render
from grantcalc.report.excel import export
from grantcalc.write import write_atomic, write_text_atomic

from .conftest import EXAMPLES

LJUSDAL = EXAMPLES / "ljusdal-hallbart-arbetsliv.yaml"
EARLIER = b"earlier work, not to be lost\n"
FULL = "disken är full"  # ENOSPC, in the user's words


def _partial_then(error: BaseException):
    """A stand-in writer: half of something reaches the file, then ``error``."""
    def write(path) -> None:
        Path(path).write_bytes(b"PK\x03\x04 half written")
        raise error
    return write


def _break_docx(monkeypatch, error):
    from docx.document import Document as DocumentClass

    writer = _partial_then(error)
    monkeypatch.setattr(DocumentClass, "save", lambda self, path: writer(path))


def _break_xlsx(monkeypatch, error):
    import xlsxwriter

    writer = _partial_then(error)
    monkeypatch.setattr(xlsxwriter.Workbook, "close", lambda self: writer(self.filename))


def _break_csv(monkeypatch, error):
    class Writer:
        def __init__(self, stream, **dialect):
            self.stream = stream

        def writerow(self, row):
            self.stream.write(",".join(map(str, row)) + "\n")
            self.stream.flush()
            raise error

        writerows = writerow

    monkeypatch.setattr(csv, "writer", Writer)


def _break_text(monkeypatch, error):
    def write_text(self, text, encoding=None, errors=None, newline=None):
        with open(self, "w", encoding=encoding) as stream:
            stream.write(text[: len(text) // 2])
        raise error

    monkeypatch.setattr(Path, "write_text", write_text)


def _docx(path: Path) -> None:
    assert Document(str(path)).paragraphs


def _xlsx(path: Path) -> None:
    assert openpyxl.load_workbook(path).sheetnames[0] == "Kostnader"


def _csv(path: Path) -> None:
    assert path.read_text(encoding="utf-8-sig").startswith('"Kostnadsrad";')  # the Swedish dialect


def _yaml(path: Path) -> None:
    assert grantcalc.load(path).project.name


def _json(path: Path) -> None:
    assert "$defs" in json.loads(path.read_text(encoding="utf-8"))


@dataclass
class Command:
    name: str
    suffix: str
    args: Callable[[Path], list]
    valid: Callable[[Path], None]
    break_writer: Callable

    def run(self, capsys, out: Path, *extra: str) -> tuple[int, str]:
        status = main([str(a) for a in [*self.args(out), *extra]])
        captured = capsys.readouterr()
        assert "Traceback" not in captured.err and "internt fel" not in captured.err, captured.err
        assert captured.out == ""
        return status, captured.err


COMMANDS = [
    # the render: the same writer as the others, and a document to lay out (most of a second each time)
    pytest.param(Command("render", ".docx", lambda out: ["render", LJUSDAL, "-o", out, "--no-charts"], _docx,
                         _break_docx), marks=pytest.mark.slow, id="render"),
    Command("export-xlsx", ".xlsx", lambda out: ["export", LJUSDAL, "-o", out], _xlsx, _break_xlsx),
    Command("export-csv", ".csv", lambda out: ["export", LJUSDAL, "-o", out], _csv, _break_csv),
    Command("new", ".yaml", lambda out: ["new", out], _yaml, _break_text),
    Command("schema", ".json", lambda out: ["schema", "-o", out], _json, _break_text),
]
each_command = pytest.mark.parametrize("command", COMMANDS, ids=[getattr(c, "name", None) for c in COMMANDS])


def listing(folder: Path) -> list[str]:
    """Every name in ``folder``, hidden ones (a temporary ``.NAME.xxxx.tmp``) too."""
    return sorted(p.name for p in folder.iterdir())


# --- the command line --------------------------------------------------------------------------
@each_command
def test_the_file_appears_only_by_linking_a_finished_temporary_file_beside_it(tmp_path, capsys, monkeypatch, command):
    """A new file gets its name by os.link of the finished temporary file (which fails if the
    name was taken meanwhile), never by writing under the final name."""
    out = tmp_path / f"ut{command.suffix}"
    placed = []
    link, replace = os.link, os.replace

    def spy_link(source, target, **kwargs):
        placed.append(("link", Path(source), Path(target), os.path.lexists(target), Path(source).stat().st_size))
        return link(source, target, **kwargs)

    def spy_replace(source, target):
        placed.append(("replace", Path(source), Path(target), os.path.lexists(target), Path(source).stat().st_size))
        return replace(source, target)

    monkeypatch.setattr(os, "link", spy_link)
    monkeypatch.setattr(os, "replace", spy_replace)
    status, _ = command.run(capsys, out)
    assert status == 0
    [(how, source, target, existed, size)] = placed
    assert how == "link" and target == out and not existed and size > 0
    assert source.parent == tmp_path
    assert re.fullmatch(rf"\.ut{re.escape(command.suffix)}\.grantcalc-.+\.tmp", source.name)
    command.valid(out)
    assert listing(tmp_path) == [out.name]


@each_command
def test_an_existing_file_is_kept_without_force_and_replaced_with_it(tmp_path, capsys, command):
    out = tmp_path / f"ut{command.suffix}"
    out.write_bytes(EARLIER)
    status, stderr = command.run(capsys, out)
    assert status == 2
    assert stderr == f"{out} finns redan: välj ett annat namn eller lägg till --force för att skriva över\n"
    assert out.read_bytes() == EARLIER and listing(tmp_path) == [out.name]

    status, _ = command.run(capsys, out, "--force")
    assert status == 0
    command.valid(out)
    assert listing(tmp_path) == [out.name]


@each_command
@pytest.mark.parametrize("earlier", [True, False], ids=["over-a-file", "new-file"])
def test_a_failure_halfway_keeps_the_earlier_file_and_leaves_no_temporary_file(tmp_path, capsys, monkeypatch,
                                                                               command, earlier):
    out = tmp_path / f"ut{command.suffix}"
    if earlier:
        out.write_bytes(EARLIER)
    command.break_writer(monkeypatch, OSError(errno.ENOSPC, FULL))
    status, stderr = command.run(capsys, out, "--force")
    assert status == 2
    assert stderr.endswith(f"{out} kan inte skrivas: {FULL}\n")  # a message, not "internal error"
    if earlier:
        assert out.read_bytes() == EARLIER and listing(tmp_path) == [out.name]
    else:
        assert listing(tmp_path) == []


@each_command
def test_an_interrupt_halfway_keeps_the_earlier_file_and_leaves_no_temporary_file(tmp_path, capsys, monkeypatch,
                                                                                  command):
    out = tmp_path / f"ut{command.suffix}"
    out.write_bytes(EARLIER)
    command.break_writer(monkeypatch, KeyboardInterrupt())
    status, _ = command.run(capsys, out, "--force")
    assert status == 130
    assert out.read_bytes() == EARLIER and listing(tmp_path) == [out.name]


@each_command
def test_an_output_in_a_missing_folder(tmp_path, capsys, command):
    out = tmp_path / "saknas" / f"ut{command.suffix}"
    status, stderr = command.run(capsys, out)
    assert status == 2
    assert stderr.endswith(f"mappen {tmp_path / 'saknas'} finns inte\n")
    assert listing(tmp_path) == []


@each_command
@pytest.mark.parametrize("force", [False, True], ids=["plain", "force"])
def test_an_output_that_is_a_folder(tmp_path, capsys, command, force):
    """Not "exists already: add --force", which could not help."""
    out = tmp_path / f"ut{command.suffix}"
    out.mkdir()
    (out / "inuti.txt").write_bytes(EARLIER)
    status, stderr = command.run(capsys, out, *(["--force"] if force else []))
    assert status == 2
    assert stderr == f"{out}: är en mapp, inte en fil\n"
    assert listing(out) == ["inuti.txt"] and listing(tmp_path) == [out.name]


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root writes anywhere")
@each_command
def test_an_output_in_a_folder_one_may_not_write_to(tmp_path, capsys, command):
    folder = tmp_path / "skrivskyddad"
    folder.mkdir()
    folder.chmod(0o555)
    out = folder / f"ut{command.suffix}"
    try:
        status, stderr = command.run(capsys, out)
    finally:
        folder.chmod(0o755)
    assert status == 2
    assert stderr.startswith(f"{out} kan inte skrivas: ")
    assert listing(folder) == []


@each_command
def test_a_folder_refusing_the_temporary_file(tmp_path, capsys, monkeypatch, command):
    """The same as above, where root may write anywhere: the temporary file cannot be made."""
    import tempfile

    def refuse(*args, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    out = tmp_path / f"ut{command.suffix}"
    status, stderr = command.run(capsys, out)
    assert status == 2
    assert stderr.endswith(f"{out} kan inte skrivas: behörighet saknas (du får inte läsa eller skriva här)\n")
    assert listing(tmp_path) == []


# --- the Python calls ----------------------------------------------------------------------------
@pytest.fixture(scope="module")
def computation():
    return grantcalc.load(LJUSDAL).compute()


WRITERS = {
    ".docx": lambda source, out, **kw: render(source, out, charts=False, **kw),
    ".xlsx": export,
    ".csv": export,
    ".txt": lambda source, out, **kw: write_text_atomic(out, "text\n", **kw),
}
each_writer = pytest.mark.parametrize("suffix", sorted(WRITERS))


@each_writer
def test_the_python_calls_refuse_an_existing_file_and_a_folder(tmp_path, computation, suffix):
    out = tmp_path / f"ut{suffix}"
    out.write_bytes(EARLIER)
    with pytest.raises(SourceError) as err:
        WRITERS[suffix](computation, out)
    assert [p.code for p in err.value.problems] == ["output.exists"]
    assert out.read_bytes() == EARLIER
    WRITERS[suffix](computation, out, force=True)
    assert out.read_bytes() != EARLIER and listing(tmp_path) == [out.name]

    folder = tmp_path / f"mapp{suffix}"
    folder.mkdir()
    for force in (False, True):
        with pytest.raises(SourceError) as err:
            WRITERS[suffix](computation, folder, force=force)
        assert [p.code for p in err.value.problems] == ["file.is_directory"]
    with pytest.raises(SourceError) as err:
        WRITERS[suffix](computation, tmp_path / "saknas" / f"ut{suffix}")
    assert [p.code for p in err.value.problems] == ["output.no_folder"]
    assert listing(tmp_path) == [folder.name, out.name] and listing(folder) == []


def test_write_atomic_turns_an_os_error_into_a_message_and_cleans_up(tmp_path):
    out = tmp_path / "ut.bin"
    out.write_bytes(EARLIER)
    with pytest.raises(SourceError) as err:
        write_atomic(out, _partial_then(OSError(errno.ENOSPC, FULL)), force=True)
    [problem] = err.value.problems
    assert problem.code == "output.unwritable"
    assert problem.params == {"path": str(out), "reason": (FULL, "the disk is full")}
    assert problem.message("sv") == f"{out} kan inte skrivas: {FULL}"
    assert problem.message("en") == f"cannot write {out}: the disk is full"
    assert out.read_bytes() == EARLIER and listing(tmp_path) == [out.name]


def test_write_atomic_lets_a_bug_through_but_still_cleans_up(tmp_path):
    """Only an OSError is the user's to fix; anything else is a bug and keeps its traceback."""
    out = tmp_path / "ut.bin"
    out.write_bytes(EARLIER)
    with pytest.raises(ZeroDivisionError):
        write_atomic(out, _partial_then(ZeroDivisionError()), force=True)
    assert out.read_bytes() == EARLIER and listing(tmp_path) == [out.name]
