"""Helpers the test files share: running a render that must be refused, through the API and
the command line, and looking for left-over temporary files."""

from __future__ import annotations

import subprocess
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


def run_cli(args: list[str], *, cwd: Path | None = None, stdin: str | None = None,
            env: dict[str, str | None] | None = None) -> subprocess.CompletedProcess:
    """``grantcalc ARGS`` by the command line's ``main`` in this process, as a child process would run
    it: standard input ``stdin``, the folder ``cwd``, the environment changed by ``env`` (a value of
    None removes the variable), and standard output and error caught. A child process costs most of
    a second of start-up; this costs what the command does."""
    import contextlib
    import io
    import os
    import sys

    out, err = io.StringIO(), io.StringIO()
    given = io.TextIOWrapper(io.BytesIO((stdin or "").encode("utf-8")), encoding="utf-8")
    here, saved_stdin = os.getcwd(), sys.stdin
    saved_env = {k: os.environ.get(k) for k in (env or {})}
    for key, value in (env or {}).items():
        if value is None:
            os.environ.pop(key, None)
        else:
            os.environ[key] = value
    if cwd is not None:
        os.chdir(cwd)
    sys.stdin = given
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                code = main([str(a) for a in args])
            except SystemExit as exit_:  # argparse's --help and usage errors
                code = exit_.code if isinstance(exit_.code, int) else 2
    finally:
        sys.stdin = saved_stdin
        os.chdir(here)
        for key, value in saved_env.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
    return subprocess.CompletedProcess(args, code, out.getvalue(), err.getvalue())
