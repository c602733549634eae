"""On-cost factors against the rates of :mod:`grantcalc.rates`.

* **A rate used past its last verified year** (``rates.beyond_verified``, a warning): a line names a
  rate (``on_cost: {rate: arbetsgivaravgift}``) for a year no shipped value is known for — the latest
  value is used, and the finding says which and from when.
* **A literal factor far from its year's rates** (``rates.on_cost_differs``, a warning): a factor
  written as a number (``on_cost: 1.30``) is compared with the rates *of the same kind* in force that
  budget year — the complete on-costs (``kind: on_cost``, SKR's PO-pålägg for kommuner and regioner),
  never with the employer's fee alone, which is only a part of an on-cost — and the finding comes when
  it is further than the rates' tolerance from every one of them. Years with no such rate, and a factor
  of exactly 1 (an amount that is already a full cost), are not judged.
"""

from __future__ import annotations

from decimal import Decimal

from grantcalc import rates
from grantcalc.budget.lines import RatePreset, SalaryLine
from grantcalc.compute.computation import Computation
from grantcalc.errors import Problem, Severity
from grantcalc.messages import Bilingual

__all__ = ["check"]

DEFAULT_TOLERANCE = Decimal("0.02")  # a rate of kind on_cost without its own tolerance: 2 percentage points


def check(c: Computation) -> list[Problem]:
    budget = c.budget
    if not any(isinstance(line, SalaryLine) for line in budget.lines):
        return []
    lines = [line for line in budget.lines if isinstance(line, SalaryLine)]
    if budget.project.rates is not None or any(line.presets() for line in lines):
        complete = rates.table_for(budget).of_kind("on_cost")
    else:  # literal factors only: the shipped complete on-costs are all this check reads
        complete = rates.shipped_of_kind("on_cost")
    out: list[Problem] = []
    for i, line in enumerate(budget.lines):
        if not isinstance(line, SalaryLine):
            continue
        for year in budget.years:
            if not c.cell(line.name, year.key).months:
                continue  # the line is not active this year
            override = line.by_year.get(year.key)
            path: tuple
            if override is not None and override.on_cost is not None:
                value, path = override.on_cost, ("lines", i, "by_year", year.key, "on_cost")
            else:
                value, path = line.on_cost, ("lines", i, "on_cost")
            if isinstance(value, RatePreset):
                use = value.use(year)
                if use.beyond:
                    out.append(_beyond(line.name, year, use, path))
            elif complete and value != 1:
                problem = _differs(line.name, year, value, complete, path)
                if problem is not None:
                    out.append(problem)
    return out


def _beyond(line: str, year, use: rates.RateUse, path: tuple) -> Problem:
    from grantcalc import formatting as fmt

    name, value = use.name, use.value
    return Problem("rates.beyond_verified", Severity.warning, path, {
        "line": line, "year": year.labels(), "name": name,
        "title": Bilingual(lambda lang: rates.title(name, use.rate, lang)), "asked": str(use.year),
        "last": str(value.last_year), "value": Bilingual(lambda lang: fmt.percent(value.value, lang)),
        "start": value.start.isoformat()})


def _differs(line: str, year, factor: Decimal, complete: dict[str, rates.Rate], path: tuple) -> Problem | None:
    from grantcalc import formatting as fmt

    found: list[tuple[str, rates.Rate, rates.RateValue]] = []
    for name, rate in complete.items():
        value = rate.for_year(year.start, year.end)
        if value is not None:
            found.append((name, rate, value))
    if not found:
        return None
    tolerance = max(rate.tolerance if rate.tolerance is not None else DEFAULT_TOLERANCE for _, rate, _ in found)
    if any(abs(factor - 1 - value.value) <= tolerance for _, _, value in found):
        return None
    compared = Bilingual(lambda lang: "; ".join(
        f"{rates.title(name, rate, lang)} {fmt.percent(value.value, lang)} ({value.source.title})"
        for name, rate, value in found))
    return Problem("rates.on_cost_differs", Severity.warning, path, {
        "line": line, "year": year.labels(), "factor": factor, "points": tolerance * 100,
        "compared": compared})
