"""Start-up: ``grantcalc check`` and ``show`` load none of the heavy libraries.

pandas, python-docx, matplotlib, openpyxl, XlsxWriter, docxtpl and numpy are imported only by
the commands that write documents, workbooks and charts. No time is asserted
here: benchmarks/startup.py measures it.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from tests.conftest import EXAMPLES, ROOT

HEAVY = ["pandas", "docx", "matplotlib", "openpyxl", "xlsxwriter", "docxtpl", "numpy"]

PROBE = """
import contextlib, io, json, sys
from grantcalc.cli import main
with contextlib.redirect_stdout(io.StringIO()):
    status = main(sys.argv[1:])
print(json.dumps({"status": status, "modules": sorted({m.split(".")[0] for m in sys.modules})}))
"""


def loaded(*args: str) -> tuple[int, set[str]]:
    """The exit status of ``grantcalc ARGS`` run in a fresh interpreter, and the top-level packages it imported."""
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    env.pop("GRANTCALC_DEBUG", None)
    done = subprocess.run([sys.executable, "-c", PROBE, *args], cwd=ROOT, capture_output=True, text=True,
                          encoding="utf-8", env=env, timeout=60)
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout.strip().splitlines()[-1])
    return result["status"], set(result["modules"])


@pytest.mark.parametrize("args", [
    ["check", "examples/oka-innanforskapet.yaml"],
    ["check", "--lang", "en", "--implied", "--format", "json", *sorted(str(p.relative_to(ROOT))
                                                                     for p in EXAMPLES.glob("*.yaml"))],
    ["show", "examples/oka-innanforskapet.yaml"],
    ["show", "--formulas", "--lang", "en", "examples/gemensam-kraft.yaml"],
], ids=["check", "check-all-en-json", "show", "show-formulas-en"])
def test_check_and_show_import_no_heavy_library(args):
    status, modules = loaded(*args)
    assert status in (0, 1)
    assert "grantcalc" in modules
    assert sorted(modules & set(HEAVY)) == []
