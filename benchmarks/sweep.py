"""Benchmark: a sweep of 10 000 scenarios of a reference budget, against the plain ways to get them.

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
machines. Not a test: nothing here asserts a time.
"""

from __future__ import annotations

import argparse
import datetime as dt
import platform
import sys
import time
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

import grantcalc  # noqa: E402

BUDGET = ROOT / "examples" / "oka-innanforskapet.yaml"
PARAMETER = "EVI-coacher.fte"


def best(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="500 scenarios instead of 10 000")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each way; the best counts")
    args = parser.parse_args(argv)
    count = 500 if args.quick else 10_000
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
            c.financing.applied_amount

    frame = sweep()  # warm up, and check that the ways agree
    rows = naive()
    assert [list(r)[1:] for r in frame.itertuples(index=False)] == rows, "the sweep and the naive loop disagree"
    t_sweep = best(sweep, args.repeat)
    t_naive = best(naive, max(1, args.repeat - 2))
    t_compute = best(compute, args.repeat)
    print(f"grantcalc {grantcalc.__version__} · Python {platform.python_version()} · {platform.machine()} · "
          f"{platform.processor() or platform.system()} · {dt.date.today().isoformat()}")
    print(f"{count} scenarios of {BUDGET.name}, parameter {PARAMETER}")
    print(f"  sweep    {t_sweep:7.2f} s  {t_sweep / count * 1e6:7.0f} µs/scenario  "
          f"{t_sweep / t_compute:5.2f}× compute")
    print(f"  naive    {t_naive:7.2f} s  {t_naive / count * 1e6:7.0f} µs/scenario  "
          f"{t_naive / t_compute:5.2f}× compute  ({t_naive / t_sweep:.1f}× the sweep)")
    print(f"  compute  {t_compute:7.2f} s  {t_compute / count * 1e6:7.0f} µs/scenario  1.00× (reference)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
