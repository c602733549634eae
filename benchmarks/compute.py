"""Section 2 — compute: ``budget.compute()`` of each reference budget against the floor.

The floor (:mod:`floor`) is hand-written Decimal arithmetic giving the same
cells, with the months counted beforehand. grantcalc does more for each cell —
exact fractions instead of Decimal division, the formula that explains it, a
cell object, the months from the dates — and the profile below shows what
that costs.

    python benchmarks/compute.py [--quick]
"""

from __future__ import annotations

import cProfile
import pstats
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import grantcalc
from common import REFERENCES, Table, best, ratio, section_main
from floor import compute_floor, prepare


def _per_call(fn, calls: int, repeat: int) -> float:
    def loop():
        for _ in range(calls):
            fn()
    return best(loop, repeat) / calls


def run(quick: bool = False) -> list[Table]:
    calls, repeat = (20, 2) if quick else (300, 5)
    table = Table("Compute: budget.compute() against hand-written Decimal arithmetic (the floor)",
                  ["Budget", "Cells", "compute()", "Floor", "Ratio", "compute() + check"])
    for name, path in REFERENCES.items():
        budget = grantcalc.load(path)
        computation = budget.compute()
        prepared = prepare(budget)
        floor_cells = compute_floor(prepared)
        differing = [k for k, v in floor_cells.items() if computation.amount(*k) != v]
        if differing or len(floor_cells) != len(computation.cell_map):
            raise AssertionError(f"the floor does not compute {name}'s figures: {differing[:3]}")
        ours = _per_call(budget.compute, calls, repeat)
        theirs = _per_call(lambda prepared=prepared: compute_floor(prepared), calls, repeat)
        both = _per_call(lambda budget=budget: budget.check(), calls, repeat)
        table.rows.append([name, len(floor_cells), f"{ours * 1e6:.0f} µs", f"{theirs * 1e6:.0f} µs",
                           ratio(ours, theirs), f"{both * 1e6:.0f} µs"])
    table.notes = [
        "The floor's cells equal grantcalc's to the krona for each budget (asserted on every run).",
        "Floor: Decimal products rounded with quantize, the months per line and year counted beforehand "
        "(outside the timing); grantcalc counts them, computes in exact fractions and builds each cell's formula.",
        f"Times per call, the best of {repeat} runs of {calls} calls.",
    ]
    return [table, profile(quick)]


# where the time of compute() goes, by what the code does
_GROUPS = [
    ("fractions.py", "Exact arithmetic (Fraction)"),
    ("rounding.py", "Rounding"),
    ("periods.py", "Months from dates"),
    ("compute/lines.py", "Calculators per line kind"),
    ("compute/formula.py", "Formula steps and terms"),
    ("compute/engine.py", "Engine: slices, cells, percentages"),
    ("compute/computation.py", "Computation object"),
    ("<string>", "Creating cells, steps and terms (dataclass __init__)"),
    ("budget/", "Reading the model (by_year values)"),
]


def profile(quick: bool = False) -> Table:
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from synthetic import budget_yaml

    budget = grantcalc.loads(budget_yaml(100 if quick else 1000))
    profiler = cProfile.Profile()
    profiler.enable()
    budget.compute()
    profiler.disable()
    stats = pstats.Stats(profiler).stats  # {(file, line, function): (calls, primitive, tottime, cumtime, callers)}
    grouped: dict[str, float] = defaultdict(float)
    for (filename, _, _function), (_, _, tottime, _, _) in stats.items():
        group = next((label for marker, label in _GROUPS if marker in filename.replace("\\", "/")),
                     "Built-ins (isinstance, sum, dict …)" if filename == "~" else "Other")
        grouped[group] += tottime
    total = sum(grouped.values())
    table = Table(f"Where compute() spends its time ({'100' if quick else '1 000'} synthetic lines × 10 years, "
                  "cProfile, own time)", ["Part", "Share"])
    for group, seconds in sorted(grouped.items(), key=lambda kv: -kv[1]):
        table.rows.append([group, f"{100 * seconds / total:.0f} %"])
    table.notes = ["cProfile slows small functions down more than large ones: the shares, not the times, are "
                   "what it tells."]
    return table


if __name__ == "__main__":
    raise SystemExit(section_main(run, __doc__, "fewer calls and a 100-line profile"))
