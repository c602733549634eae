"""Section 3 — scaling: load, compute and check budgets of 10 … 10 000 lines over 10 budget years.

The budgets come from :mod:`synthetic` (every kind of line, two percentage
lines, a balanced financing), written to a file and read as a user's would be.
The growth exponent between two sizes is ``log(t2 / t1) / log(n2 / n1)``: 1 is
linear, 2 quadratic.

    python benchmarks/scaling.py [--quick]
"""

from __future__ import annotations

import itertools
import math
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import grantcalc
from common import Table, best, ms, section_main
from grantcalc.check import check
from synthetic import budget_yaml

YEARS = 10


def measure(lines: int, repeat: int, folder: Path) -> dict[str, float]:
    path = folder / f"budget-{lines}.yaml"
    path.write_text(budget_yaml(lines, years=YEARS), encoding="utf-8")
    budget = grantcalc.load(path)
    computation = budget.compute()
    result = check(budget, computation)
    if not result.ok(strict=True):
        raise AssertionError(f"the synthetic budget of {lines} lines does not pass: {result.findings[:3]}")
    times = {
        "load": best(lambda: grantcalc.load(path), repeat),
        "compute": best(budget.compute, repeat),
        "check": best(lambda: check(budget, computation), repeat),
    }
    times["all"] = best(lambda: check(loaded := grantcalc.load(path), loaded.compute()), repeat)
    times["bytes"] = path.stat().st_size
    times["cells"] = len(computation._cells)
    return times


def exponent(n1: int, t1: float, n2: int, t2: float) -> float:
    return math.log(t2 / t1) / math.log(n2 / n1)


def run(quick: bool = False) -> list[Table]:
    sizes = [10, 100, 1000] if quick else [10, 100, 1000, 10_000]
    results: dict[int, dict[str, float]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for n in sizes:
            results[n] = measure(n, 1 if quick or n >= 10_000 else 3, Path(tmp))
    table = Table(f"Scaling: load, compute and check, {YEARS} budget years",
                  ["Lines", "File", "Cells", "Load", "Compute", "Check", "All three"])
    for n in sizes:
        r = results[n]
        table.rows.append([f"{n:,}".replace(",", " "), f"{r['bytes'] / 1e6:.2f} MB",
                           f"{int(r['cells']):,}".replace(",", " "),
                           ms(r["load"]), ms(r["compute"]), ms(r["check"]), ms(r["all"])])
    growth = Table("Growth exponent (1 = linear)", ["From → to", "Load", "Compute", "Check", "All three"])
    for a, b in itertools.pairwise(sizes[1:]):
        growth.rows.append([f"{a} → {b}"] + [f"{exponent(a, results[a][k], b, results[b][k]):.2f}"
                                            for k in ("load", "compute", "check", "all")])
    largest = sizes[-1]
    table.notes = [
        "Load = read the file, parse the YAML (libyaml, with every key's line) and validate; "
        "check = reconcile and audit an existing computation; all three = a fresh load, compute and check.",
        f"The goal: {largest:,} lines × {YEARS} years in under 2 s — here {ms(results[largest]['all'])}."
        .replace(",", " ") if largest >= 10_000 else "Quick mode: up to 1 000 lines.",
        "Best of 3 runs (1 for 10 000 lines).",
    ]
    growth.notes = ["From 10 lines the fixed costs (the percentage bases, the financing) still weigh in, so the "
                    "exponents start at 100 lines."]
    return [table, growth]


if __name__ == "__main__":
    raise SystemExit(section_main(run, __doc__, "up to 1 000 lines, one run each"))
