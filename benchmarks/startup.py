"""Section 1 — start-up: cold start of a command, against the floor of any pydantic tool.

    python benchmarks/startup.py            # best of 15 fresh processes each
    python benchmarks/startup.py --quick    # best of 3, to see that it runs

The floor is ``python -c "import pydantic"``: a tool built on pydantic cannot
start faster than that. The ladder between it and ``grantcalc check`` shows
where the rest goes: importing ``BaseModel`` (pydantic's lazy ``__init__``
pulls in its schema machinery), defining one model (pydantic builds a core
schema and a validator when the class is created), importing grantcalc, and
the command itself. A second table lists the heavy libraries each command
loads; ``check`` and ``show`` should load none of them.

Not a test: nothing here asserts a time (tests/test_startup.py asserts the
imports).
"""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import ROOT, Table, best_process, ms, ratio, section_main

BUDGET = "examples/oka-innanforskapet.yaml"
PY = sys.executable

# heavy libraries, and the module whose presence in sys.modules shows each was loaded
HEAVY = {
    "pandas": "pandas", "numpy": "numpy", "python-docx": "docx", "docxtpl": "docxtpl",
    "matplotlib": "matplotlib", "openpyxl": "openpyxl", "XlsxWriter": "xlsxwriter", "jinja2": "jinja2",
    "ruamel.yaml": "ruamel.yaml",
    "PyYAML": "yaml", "babel": "babel", "babel.numbers": "babel.numbers",
}

# run a command in-process and report what it loaded; babel keeps the locale
# data it has read from disk in babel.localedata._cache
_PROBE = """
import contextlib, io, json, sys
from grantcalc.cli import main
with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
    main(sys.argv[1:])
data = sys.modules.get("babel.localedata")
print(json.dumps({"modules": sorted(sys.modules), "locales": sorted(getattr(data, "_cache", {}))}))
"""


# where `grantcalc check` spends its start-up, one step after the other in one fresh process
_PHASES = """
import json, sys, time
marks = []
def mark(name):
    marks.append((name, time.perf_counter()))
mark("start")
import pydantic; mark("import pydantic")
from pydantic import BaseModel; mark("from pydantic import BaseModel: pydantic.main, schema machinery")
import pydantic.fields; mark("pydantic.fields, pydantic.types, annotated_types (any Field)")
import grantcalc; mark("import grantcalc: its modules, 31 model classes (deferred)")
import grantcalc.cli, grantcalc.report.check; mark("grantcalc.cli, argparse, report")
import grantcalc.loader.libyaml; mark("PyYAML (libyaml's parser; yaml imports all of PyYAML)")
import importlib.metadata; mark("importlib.metadata (pydantic's plugin loader, on the first validator)")
from pydantic.plugin._loader import get_plugins; list(get_plugins()); mark("entry-point scan for pydantic plugins")
from grantcalc.budget import Budget
Budget.model_rebuild(); mark("Budget: core schema and validator (all 31 models)")
budget = grantcalc.load(sys.argv[1]); mark("load: read, parse, validate")
result = budget.check(); mark("compute and check")
result.report("sv"); mark("report (text, Swedish figures)")
print(json.dumps([(name, t - marks[0][1]) for name, t in marks[1:]]))
"""


def _phases(quick: bool, floor: float) -> Table:
    runs = []
    for _ in range(3 if quick else 15):
        done = subprocess.run([PY, "-c", _PHASES, BUDGET], cwd=ROOT, capture_output=True, text=True, check=True)
        runs.append(json.loads(done.stdout.strip().splitlines()[-1]))
    names = [name for name, _ in runs[0]]
    steps = [[t - (run[i - 1][1] if i else 0.0) for i, (_, t) in enumerate(run)] for run in runs]
    table = Table("Where `grantcalc check` spends its start-up (steps in one process)",
                  ["step", "best", "× import pydantic"])
    for i, name in enumerate(names):
        best = min(step[i] for step in steps)
        table.rows.append([name, ms(best), ratio(best, floor)])
    table.notes += [
        "each step's best over the runs, timed after interpreter start (about 8 ms, `python -c pass`); "
        "the ratio is to the wall time of `import pydantic` in the table above",
        "everything up to the Budget validator but grantcalc's own modules and PyYAML is what any "
        "pydantic tool that validates one model pays",
    ]
    return table


def _grantcalc() -> list[str]:
    script = Path(sys.executable).parent / "grantcalc"
    return [str(script)] if script.exists() else [sys.executable, "-m", "grantcalc"]


def _ladder(quick: bool) -> tuple[Table, float]:
    repeat = 3 if quick else 15
    out = Path(tempfile.mkdtemp(prefix="grantcalc-startup-"))
    rungs = [
        ("python -c pass", [PY, "-c", "pass"]),
        ('python -c "import pydantic"  (the floor)', [PY, "-c", "import pydantic"]),
        ('python -c "from pydantic import BaseModel"', [PY, "-c", "from pydantic import BaseModel"]),
        ("  + one model with one field", [PY, "-c", "from pydantic import BaseModel\n"
                                                     "class M(BaseModel):\n    x: int\n"]),
        ("  + one model, defer_build=True", [PY, "-c", "from pydantic import BaseModel, ConfigDict\n"
                                                        "class M(BaseModel):\n"
                                                        "    model_config = ConfigDict(defer_build=True)\n"
                                                        "    x: int\n"]),
        ('python -c "import grantcalc"', [PY, "-c", "import grantcalc"]),
        ("grantcalc --version", _grantcalc() + ["--version"]),
        (f"grantcalc check {BUDGET}", _grantcalc() + ["check", BUDGET]),
        (f"grantcalc show {BUDGET}", _grantcalc() + ["show", BUDGET]),
        (f"grantcalc export {BUDGET} -o x.xlsx", _grantcalc() + ["export", str(ROOT / BUDGET), "-o",
                                                                  str(out / "x.xlsx"), "--force"]),
        (f"grantcalc render {BUDGET} --no-charts", _grantcalc() + ["render", str(ROOT / BUDGET), "-o",
                                                                    str(out / "x.docx"), "--force",
                                                                    "--no-charts"]),
    ]
    times = [(name, best_process(argv, repeat=repeat if "export" not in name and "render" not in name
                                 else max(2, repeat // 5))) for name, argv in rungs]
    floor = times[1][1]
    table = Table("Cold start: wall time of a fresh process, against `import pydantic`",
                  ["command", "best", "× import pydantic"])
    for name, seconds in times:
        table.rows.append([name, ms(seconds), ratio(seconds, floor)])
    table.notes += [
        f"best of {repeat} runs each (export and render: {max(2, repeat // 5)}), bytecode cached; {PY}",
        "the floor is `import pydantic`; the goal is `grantcalc check` at most 1.5× of it",
        "`from pydantic import BaseModel` and one model already cost more than the floor: "
        "pydantic loads its schema machinery on first use of BaseModel and builds a validator per model",
    ]
    return table, floor


def _imports() -> Table:
    out = Path(tempfile.mkdtemp(prefix="grantcalc-startup-"))
    commands = {
        "check": ["check", BUDGET],
        "show": ["show", BUDGET],
        "export": ["export", BUDGET, "-o", str(out / "x.xlsx"), "--force"],
        "render": ["render", BUDGET, "-o", str(out / "x.docx"), "--force"],
    }
    table = Table("Heavy libraries each command imports", ["library"] + list(commands))
    loaded = {}
    for name, argv in commands.items():
        done = subprocess.run([PY, "-c", _PROBE, *argv], cwd=ROOT, capture_output=True, text=True, check=True)
        loaded[name] = json.loads(done.stdout.strip().splitlines()[-1])
    for library, module in HEAVY.items():
        table.rows.append([library] + ["yes" if module in loaded[c]["modules"] else "–" for c in commands])
    table.rows.append(["babel locale data"] + [", ".join(loaded[c]["locales"]) or "–" for c in commands])
    table.notes.append("\"babel locale data\": the locales babel.localedata.load read from disk")
    return table


@contextlib.contextmanager
def _bytecode_cached():
    """Python's bytecode cache on, in a directory of its own: an installed grantcalc has its .pyc
    files, and a run with PYTHONDONTWRITEBYTECODE would time compiling its sources instead."""
    saved = {k: os.environ.get(k) for k in ("PYTHONDONTWRITEBYTECODE", "PYTHONPYCACHEPREFIX")}
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    os.environ["PYTHONPYCACHEPREFIX"] = str(Path(tempfile.gettempdir()) / "grantcalc-startup-pycache")
    try:
        yield
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def run(quick: bool) -> list[Table]:
    with _bytecode_cached():
        ladder, floor = _ladder(quick)
        return [ladder, _phases(quick, floor), _imports()]


if __name__ == "__main__":
    sys.exit(section_main(run, __doc__, "best of 3 runs instead of 15"))
