"""What every benchmark section shares: timing, tables and the machine they ran on.

A section is a module with ``run(quick: bool) -> list[Table]``; ``benchmarks/run.py``
runs them in one process, one after the other, and prints the tables. Times are
the best of a few runs (the least disturbed by the machine's noise); what a
table is about is its ratios, which carry across machines.
"""

from __future__ import annotations

import datetime as dt
import os
import platform
import re
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
REFERENCES = {  # the three reference applications, by the name the README uses
    "Öka innanförskapet": EXAMPLES / "oka-innanforskapet.yaml",
    "Gemensam kraft": EXAMPLES / "gemensam-kraft.yaml",
    "Ljusdal": EXAMPLES / "ljusdal-hallbart-arbetsliv.yaml",
}

if str(ROOT / "src") not in sys.path:  # the working tree's grantcalc, also without an install
    sys.path.insert(0, str(ROOT / "src"))


def best(fn: Callable[[], object], repeat: int = 3) -> float:
    """The shortest of ``repeat`` runs of ``fn``, in seconds."""
    times = []
    for _ in range(max(repeat, 1)):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def best_process(argv: list[str], repeat: int = 5, cwd: Path = ROOT) -> float:
    """The shortest wall time of ``repeat`` runs of a command (a fresh interpreter each time)."""
    times = []
    for _ in range(max(repeat, 1)):
        start = time.perf_counter()
        done = subprocess.run(argv, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        times.append(time.perf_counter() - start)
        if done.returncode not in (0, 1):  # 1: the budget has findings, which is a result
            raise RuntimeError(f"{' '.join(argv)} failed ({done.returncode}): {done.stderr.decode()[-500:]}")
    return min(times)


@dataclass
class Table:
    title: str
    headers: list[str]
    rows: list[list[object]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def text(self) -> str:
        cells = [[_shown(c) for c in row] for row in self.rows]
        widths = [max([len(h)] + [len(r[i]) for r in cells]) for i, h in enumerate(self.headers)]
        lines = [f"## {self.title}", ""]
        lines.append("  ".join(h.ljust(w) for h, w in zip(self.headers, widths)).rstrip())
        lines.append("  ".join("-" * w for w in widths))
        for r in cells:
            lines.append("  ".join(c.rjust(w) if _numeric(c) else c.ljust(w) for c, w in zip(r, widths)).rstrip())
        lines += [""] + [f"* {n}" for n in self.notes]
        return "\n".join(lines).rstrip() + "\n"


def _shown(value: object) -> str:
    if isinstance(value, float):
        return f"{value:.3g}" if value < 10 else f"{value:.1f}"
    return str(value)


_NUMBER = re.compile(r"^[-+]?[\d\s.,]+(?:×| ?(?:%|ms|s|µs|MB|KB|kr))?$")


def _numeric(text: str) -> bool:
    """Right-align what reads as a figure: ``1 000``, ``1.92 s``, ``8.65×``, ``16 %``."""
    return bool(_NUMBER.match(text))


def section_main(run: Callable[[bool], list[Table]], doc: str | None,
                 quick_help: str = "a smaller run, to see that it works") -> int:
    """The command line of one section: ``python benchmarks/SECTION.py [--quick]``."""
    import argparse

    parser = argparse.ArgumentParser(description=(doc or "").splitlines()[0] if doc else None)
    parser.add_argument("--quick", action="store_true", help=quick_help)
    args = parser.parse_args()
    print(machine(), end="\n\n")
    for table in run(args.quick):
        print(table.text())
    return 0


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms" if seconds < 1 else f"{seconds:.2f} s"


def ratio(a: float, b: float) -> str:
    return f"{a / b:.2f}×" if b else "–"


def machine() -> str:
    """One line: date, CPU, cores, Python and the main libraries' versions."""
    from importlib.metadata import version

    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    libs = ", ".join(f"{p} {version(p)}" for p in ("pydantic", "python-docx", "PyYAML", "ruamel.yaml"))
    return (f"{dt.date.today().isoformat()} · {cpu} · {os.cpu_count()} cores · "
            f"Python {platform.python_version()} · {platform.system()} · {libs}")
