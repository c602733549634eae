"""The benchmarks run, in their quick mode, so they cannot rot. No time is asserted here.

``benchmarks/run.py --quick`` runs every section small; each section asserts for
itself that the ways it compares give the same figures (the floor's cells are
grantcalc's, a sweep's rows are the loop's, the portfolio's reports are all
there), so a benchmark that measured the wrong thing fails here too.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.slow  # the benchmark smoke: .ci/run's second step, not the default run

SECTION_TITLES = ["## Cold start", "## Compute", "## Where compute() spends its time", "## Scaling",
                  "## Growth exponent", "## Render", "## Scenarios", "## Portfolio", "## Export"]


def test_every_benchmark_section_runs_in_quick_mode(tmp_path):
    report = tmp_path / "report.md"
    done = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "run.py"), "--quick", "--output", str(report)],
                          cwd=tmp_path, capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    text = report.read_text(encoding="utf-8")
    assert "FAILED" not in text
    for title in SECTION_TITLES:
        assert title in text, f"{title!r} missing from the report"
    assert "Python 3." in text.splitlines()[2]  # the machine line: date, CPU, cores, Python, libraries


def test_an_unknown_section_is_refused_with_the_choices():
    done = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "run.py"), "--only", "nosuch"],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 2
    assert "nosuch" in done.stderr and "scaling" in done.stderr
