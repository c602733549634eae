"""Section 6 — portfolio: load, compute and check 1 000 budget files in one process.

A funder's officer checks every application of a year at once. The portfolio
is 1 000 files: synthetic applications of 6 to 40 lines over 2 to 4 budget
years (each with its own figures), and every 50th a copy of one of the three
reference applications with their real mistakes. Two ways, each in a fresh
process whose peak memory (RSS) the system reports:

* the Python API: ``grantcalc.load(path).check()`` per file, keeping only a
  summary (the total and the findings' codes) — what an officer's script does;
* the command line: ``grantcalc check --format json`` with the 1 000 paths (its
  ``main`` in a fresh interpreter, as the console script runs it).

    python benchmarks/portfolio.py [--quick]
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import REFERENCES, ROOT, Table
from synthetic import budget_yaml


def write_portfolio(folder: Path, count: int) -> list[Path]:
    references = list(REFERENCES.values())
    paths = []
    for i in range(count):
        path = folder / f"ansokan-{i + 1:04d}.yaml"
        if i % 50 == 0:
            text = references[(i // 50) % len(references)].read_text(encoding="utf-8")
        else:
            text = budget_yaml(6 + (i * 7) % 35, years=2 + i % 3, variant=i, first=2024 + i % 3)
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def peak_kb() -> int:
    """This process's peak resident set size in KB. On Linux VmHWM: ``ru_maxrss`` would start
    from the parent's peak, which a child inherits across fork and exec."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        pass
    usage = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return usage // 1024 if sys.platform == "darwin" else usage  # macOS counts bytes


def _child(folder: str) -> None:
    """Runs in a fresh process: check every file through the API and print a JSON summary."""
    import grantcalc

    baseline = peak_kb()
    paths = sorted(Path(folder).glob("*.yaml"))
    start = time.perf_counter()
    summary = []
    for path in paths:
        budget = grantcalc.load(path)
        result = budget.check()
        summary.append((path.name, str(result.computation.total), sorted({f.code for f in result.findings})))
    seconds = time.perf_counter() - start
    print(json.dumps({"seconds": seconds, "files": len(paths), "baseline_kb": baseline, "peak_kb": peak_kb(),
                      "with_findings": sum(1 for _, _, codes in summary if codes)}))


def _cli_child(paths: list[str]) -> int:
    """Runs in a fresh process: ``grantcalc check --format json PATHS`` as the console script runs it,
    then its peak memory on standard error."""
    from grantcalc.cli import main as grantcalc_main

    try:
        return grantcalc_main(["check", "--format", "json", *paths])
    finally:
        sys.stdout.flush()
        print(json.dumps({"peak_kb": peak_kb()}), file=sys.stderr)


def _measured(argv: list[str]) -> tuple[float, bytes, bytes]:
    """Wall time, standard output and standard error of a command (exit status 0 or 1: findings are a result)."""
    start = time.perf_counter()
    done = subprocess.run(argv, cwd=ROOT, capture_output=True)
    seconds = time.perf_counter() - start
    if done.returncode not in (0, 1):
        raise RuntimeError(f"{' '.join(argv[:4])} … failed ({done.returncode}): {done.stderr.decode()[-800:]}")
    return seconds, done.stdout, done.stderr


def run(quick: bool = False) -> list[Table]:
    count = 50 if quick else 1000
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        paths = write_portfolio(folder, count)
        size = sum(p.stat().st_size for p in paths)
        api_wall, out, _ = _measured([sys.executable, __file__, "--child", tmp])
        api = json.loads(out)
        cli_wall, cli_out, cli_err = _measured([sys.executable, __file__, "--cli-child"] + [str(p) for p in paths])
        reports = json.loads(cli_out)
        cli_peak = json.loads(cli_err.decode().strip().splitlines()[-1])["peak_kb"]
    if len(reports) != count:
        raise AssertionError(f"grantcalc check reported {len(reports)} of {count} files")
    table = Table(f"Portfolio: {count:,} budget files checked in one process".replace(",", " "),
                  ["Way", "Time", "Per file", "Peak memory (RSS)"])
    table.rows.append(["Python API: load(path).check() per file", f"{api['seconds']:.2f} s",
                       f"{api['seconds'] / count * 1000:.1f} ms",
                       f"{api['peak_kb'] / 1024:.0f} MB (after imports: {api['baseline_kb'] / 1024:.0f} MB)"])
    table.rows.append(["grantcalc check --format json FILE …", f"{cli_wall:.2f} s",
                       f"{cli_wall / count * 1000:.1f} ms", f"{cli_peak / 1024:.0f} MB"])
    table.notes = [
        f"{count} files, {size / 1e6:.1f} MB: synthetic applications of 6–40 lines over 2–4 years and, every "
        f"50th, one of the three reference applications; findings in {api['with_findings']} of them.",
        "API time: the loop alone (imports excluded); command line: the whole process, start-up and JSON output "
        f"included (the API's whole process: {api_wall:.2f} s).",
        "Peak memory: the process's peak resident set size (Linux VmHWM), interpreter and imports included.",
    ]
    return [table]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="50 files instead of 1 000")
    parser.add_argument("--child", metavar="FOLDER", help=argparse.SUPPRESS)
    parser.add_argument("--cli-child", nargs="+", metavar="PATH", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        _child(args.child)
        return 0
    if args.cli_child:
        return _cli_child(args.cli_child)
    for table in run(args.quick):
        print(table.text())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
