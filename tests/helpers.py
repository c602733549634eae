"""Helpers the test files share: running a render that must be refused, through the API and
the command line, and looking for left-over temporary files."""

from __future__ import annotations

from pathlib import Path

import pytest

from grantcalc.cli import main
from grantcalc.errors import SourceError
from grantcalc.render import render

from .conftest import EXAMPLES

LJUSDAL = EXAMPLES / "ljusdal-hallbart-arbetsliv.yaml"


def leftovers(folder: Path) -> list[Path]:
    """The temporary files in ``folder`` (``.NAME.grantcalc-XXXXXXXX.tmp`` and any other ``.*.tmp``)."""
    return sorted(folder.glob(".*.tmp"))


def refused(budget, template: Path | str, out: Path) -> list:
    """The problems ``render`` raises for ``template``; nothing may be written."""
    with pytest.raises(SourceError) as info:
        render(budget, out, template=template)
    assert not out.exists() and leftovers(out.parent) == []
    return info.value.problems


def cli(capsys, *args) -> tuple[int, str, str]:
    """``grantcalc ARGS`` in this process: (exit status, stdout, stderr), never a traceback."""
    status = main([str(a) for a in args])
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err and "internt fel" not in captured.err, captured.err
    return status, captured.out, captured.err


def refused_everywhere(capsys, budget, template: Path, out: Path, code: str) -> str:
    """Refused with ``code`` by ``render`` and by ``grantcalc render`` (exit 2, the same message on
    standard error, naming the template, nothing written); the Swedish message is returned."""
    [problem] = refused(budget, template, out)
    assert problem.code == code, problem
    assert problem.file == str(template)
    status, stdout, stderr = cli(capsys, "render", LJUSDAL, "-o", out, "-t", template)
    assert status == 2 and stdout == ""
    assert stderr.strip() == problem.format("sv")
    assert stderr.startswith(f"{template}:")
    assert problem.message("en") and problem.message("en") != problem.message("sv")
    assert not out.exists() and leftovers(out.parent) == []
    return stderr


REFERENCE_NAMES = ["oka-innanforskapet", "ljusdal-hallbart-arbetsliv", "gemensam-kraft"]


def workbooks(folder: Path) -> dict[str, tuple]:
    """Each reference example exported to ``folder``: name → (computation, path, openpyxl workbook)."""
    import openpyxl

    import grantcalc
    from grantcalc.report.excel import write_excel

    out = {}
    for name in REFERENCE_NAMES:
        computation = grantcalc.load(EXAMPLES / f"{name}.yaml").compute()
        path = write_excel(computation, folder / f"{name}.xlsx")
        out[name] = (computation, path, openpyxl.load_workbook(path))
    return out
