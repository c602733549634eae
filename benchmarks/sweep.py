"""Section 5 — scenarios: a sweep of 10 000 scenarios of a reference budget, against the plain ways to get them.

    python benchmarks/sweep.py            # 10 000 scenarios (about a minute in all)
    python benchmarks/sweep.py --quick    # 500 scenarios, to see that it runs

Three ways to get the totals per year, the total and the amount applied for of
Öka innanförskapet with the coaches' FTE at 5 %, 10 % … 500 %:

* ``sweep``     — ``budget.sweep({"EVI-coacher.fte": …})``: only the changed line
  is validated and computed again;
* ``naive``     — ``budget.with_values({...}).compute()`` per scenario: a whole
  budget validated and computed, what a loop in a notebook would do;
* ``compute``   — ``budget.compute()`` of the unchanged budget as many times:
  the engine alone on every line, no new budget at all (the reference: a
  sweep that recomputed everything could not beat it; this one recomputes
  only the changed line, so it does).

Times are the best of ``--repeat`` runs; the ratios are what to compare across
machines. Not a test: nothing here asserts a time (but it does assert that the
sweep and the naive loop give the same rows).
"""

from __future__ import annotations

import argparse
import sys
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import grantcalc
from common import EXAMPLES, Table, best, ratio

BUDGET = EXAMPLES / "oka-innanforskapet.yaml"
PARAMETER = "EVI-coacher.fte"


def run(quick: bool = False, repeat: int | None = None) -> list[Table]:
    count = 500 if quick else 10_000
    repeat = repeat or (1 if quick else 3)
    values = [Decimal("0.05") * k for k in range(1, count + 1)]  # 5 %, 10 % …
    budget = grantcalc.load(BUDGET)

    def sweep():
        return budget.sweep({PARAMETER: values})

    def naive():
        rows = []
        for value in values:
            c = budget.with_values({PARAMETER: value}).compute()
            rows.append([c.year_total(y.key) for y in c.years] + [c.total, c.financing.applied_amount])
        return rows

    def compute():
        for _ in values:
            c = budget.compute()
            _ = c.financing.applied_amount

    frame = sweep()  # warm up, and check that the ways agree
    rows = naive()
    assert [list(r)[1:] for r in frame.itertuples(index=False)] == rows, "the sweep and the naive loop disagree"
    t_sweep = best(sweep, repeat)
    t_naive = best(naive, max(1, repeat - 2))
    t_compute = best(compute, repeat)
    table = Table(f"Scenarios: {count:,} values of {PARAMETER} in {BUDGET.name}".replace(",", " "),
                  ["Way", "Time", "Per scenario", "Against compute()"])
    for name, t in (("budget.sweep({…})", t_sweep), ("with_values(…).compute() in a loop", t_naive),
                    (f"{count:,} × budget.compute()".replace(",", " "), t_compute)):
        table.rows.append([name, f"{t:.2f} s", f"{t / count * 1e6:.0f} µs", ratio(t, t_compute)])
    table.notes = [
        "sweep validates and computes only the changed line (and the percentages on it); the loop validates "
        "and computes a whole new budget per scenario; compute() recomputes the unchanged budget — every line.",
        "Each sweep row equals the loop's (asserted on every run).",
        f"Best of {repeat} runs ({max(1, repeat - 2)} for the loop).",
    ]
    return [table]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="500 scenarios instead of 10 000")
    parser.add_argument("--repeat", type=int, default=None, help="runs of each way; the best counts")
    args = parser.parse_args(argv)
    for table in run(args.quick, args.repeat):
        print(table.text())
    return 0


if __name__ == "__main__":
    sys.exit(main())
