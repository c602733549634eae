"""The house rules that keep the code base in shape, checked as tests.

- The layers import downward only: the import contract in ``pyproject.toml``
  (``[tool.importlinter]``), imports inside functions included, checked with
  import-linter (which ``.ci/run`` also runs as ``lint-imports``).
- The data classes hold data: no module of the model, the computation or the
  check result imports a stage above it at run time, and the conveniences a
  user calls on them (``budget.compute()``…) come from :mod:`grantcalc.facade`.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def test_the_import_contract_holds():
    pytest.importorskip("importlinter")
    done = subprocess.run([sys.executable, "-c", "from importlinter.cli import lint_imports; "
                           "raise SystemExit(lint_imports(config_filename='pyproject.toml', no_cache=True))"],
                          cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    assert "1 kept, 0 broken" in done.stdout


def test_the_contract_would_catch_an_upward_import_inside_a_function(tmp_path):
    """The contract is not vacuous: a copy of the package with one function-level import of
    the report stage inside the model breaks it."""
    pytest.importorskip("importlinter")
    import shutil

    copy = tmp_path / "src"
    shutil.copytree(ROOT / "src", copy, ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
    model = copy / "grantcalc" / "budget" / "categories.py"
    model.write_text(model.read_text(encoding="utf-8") + "\n\ndef _probe():\n    from grantcalc.report import text\n",
                     encoding="utf-8")
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    done = subprocess.run([sys.executable, "-c", "import sys; sys.path.insert(0, 'src'); "
                           "from importlinter.cli import lint_imports; "
                           "raise SystemExit(lint_imports(config_filename='pyproject.toml', no_cache=True))"],
                          cwd=tmp_path, capture_output=True, text=True, timeout=300,
                          env={"PYTHONPATH": str(copy), "PATH": "/usr/bin:/bin"})
    assert done.returncode != 0
    assert "grantcalc.budget is not allowed to import grantcalc.report" in done.stdout


def test_the_conveniences_are_installed_on_the_data_classes():
    import grantcalc
    from grantcalc.facade import METHODS

    budget = grantcalc.load(ROOT / "examples" / "oka-innanforskapet.yaml")
    assert repr(budget) == "Budget('Öka innanförskapet – fler i arbete', 9 lines, 2024-09-15 – 2027-09-14)"
    computation = budget.compute()
    assert computation.total == 5826420
    for cls, methods in METHODS.items():
        for name in methods:
            assert getattr(cls, name).__qualname__ == f"{cls.__name__}.{name}"
    assert budget.report().splitlines()[0] == "Öka innanförskapet – fler i arbete"
