"""grantcalc's benchmarks, every section in one run on one machine, as ratios against the floor.

    python benchmarks/run.py                   # everything (a few minutes)
    python benchmarks/run.py --quick           # every section small, to see that it runs (CI)
    python benchmarks/run.py --only scaling,render
    python benchmarks/run.py --output benchmarks/RESULTS.md

Sections, in the order of the performance issue:

1. ``startup``   — cold start of ``grantcalc check`` against ``python -c "import pydantic"``;
2. ``compute``   — ``compute()`` of each reference against hand-written Decimal arithmetic;
3. ``scaling``   — load, compute and check 10 … 10 000 lines × 10 years, growth exponents;
4. ``render``    — the default Word form against python-docx writing the same tables;
5. ``scenarios`` — 10 000 scenarios through the scenario API against 10 000 ``compute()``;
6. ``portfolio`` — 1 000 budget files in one process: time and peak memory.
7. ``export``    — the workbook and the CSV of 1 000 … 50 000 lines: time and peak memory.

Absolute times on a shared machine are noisy; the ratios within one run are the
figures to compare. Nothing here is a test and nothing asserts a time, but each
section asserts that the ways it compares give the same results.
"""

from __future__ import annotations

import argparse
import importlib
import sys
import time
import traceback
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import machine

SECTIONS = {  # name → module
    "startup": "startup",
    "compute": "compute",
    "scaling": "scaling",
    "render": "render",
    "scenarios": "sweep",
    "portfolio": "portfolio",
    "export": "export",
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="every section small: to see that it runs")
    parser.add_argument("--only", help=f"comma-separated sections: {', '.join(SECTIONS)}")
    parser.add_argument("--output", type=Path, help="also write the report (Markdown) to this file")
    args = parser.parse_args(argv)
    chosen = list(SECTIONS) if not args.only else [s.strip() for s in args.only.split(",") if s.strip()]
    unknown = [s for s in chosen if s not in SECTIONS]
    if unknown:
        parser.error(f"unknown section(s) {', '.join(unknown)}; choose from {', '.join(SECTIONS)}")
    header = f"# grantcalc benchmarks{' (quick)' if args.quick else ''}\n\n{machine()}\n"
    print(header, flush=True)
    parts, failed = [header], []
    for name in chosen:
        start = time.perf_counter()
        try:
            tables = importlib.import_module(SECTIONS[name]).run(args.quick)
        except Exception:
            failed.append(name)
            text = f"## {name}: FAILED\n\n```\n{traceback.format_exc()}```\n"
        else:
            text = "\n".join(t.text() for t in tables) + f"\n_({name}: {time.perf_counter() - start:.0f} s)_\n"
        print(text, flush=True)
        parts.append(text)
    if args.output:
        args.output.write_text("\n".join(parts), encoding="utf-8")
    if failed:
        print(f"failed: {', '.join(failed)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
