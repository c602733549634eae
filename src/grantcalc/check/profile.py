"""The funder's rules (:mod:`grantcalc.profiles`): ESF+, Allmänna arvsfonden, a samordningsförbund, AMIF.

Each rule of the budget's profile is a small function; each broken rule is a finding with a code:

* ``profile.max_months`` — the project is longer than the profile (or the call) allows (ESF+: 36);
* ``profile.not_hourly``, ``profile.hours_per_year``, ``profile.hourly_rate`` — ESF+ staff as hours ×
  a unit cost from the monthly salary, monthly × 12 / 1 720 (the rate ``eu-timmar``);
* ``profile.flat_rate``, ``profile.flat_rate_base``, ``profile.flat_rate_other_costs``,
  ``profile.flat_rates_combined`` — the flat rates as percentage lines of the staff costs: 15 % for the
  indirect costs, 40 % for all other costs (then no other cost line beside the staff);
* ``profile.co_financing``, ``profile.co_financing_missing`` — the call's co-financing share, which may
  be neither exceeded nor undercut;
* ``profile.project_years``, ``profile.max_years`` — Arvsfonden: project years, at most three;
* ``profile.ceiling``, ``profile.ceiling_year`` — the granted amount (``project.call.ceiling``) as a
  ceiling of the amount applied for.

A samordningsförbund's cost = financing per year is ``balance.year``, checked for every budget.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING

from grantcalc.budget.bases import LineIndex, in_default_base
from grantcalc.budget.lines import InKindLine, PercentageLine, SalaryLine
from grantcalc.compute.computation import Computation
from grantcalc.errors import Problem, Severity
from grantcalc.messages import Bilingual, phrase
from grantcalc.periods import Proration, YearScheme, months_between
from grantcalc.profiles import Rules, profile, profile_of

if TYPE_CHECKING:
    from grantcalc.rates import RateValue

__all__ = ["check", "RULES"]

ERROR, WARNING = Severity.error, Severity.warning
Rule = Callable[[Computation, str, Rules], list[Problem]]


def check(c: Computation) -> list[Problem]:
    name = profile_of(c.budget)
    if name is None:
        return []
    rules = profile(name).rules
    out: list[Problem] = []
    for rule in RULES:
        out += rule(c, name, rules)
    return out


def _profile(name: str) -> Bilingual:
    from grantcalc import catalogue

    return Bilingual(lambda lang: catalogue.text(f"profile.name.{name}", lang))


def _rate(name: str, day: date) -> RateValue:
    """The shipped rate ``name``'s value on ``day`` (its first if it starts later, its latest past it)."""
    from grantcalc import rates

    rate = rates.shipped().get(name)
    return rate.value_on(day) or (rate.first if day < rate.first.start else rate.latest)


def _title(name: str, lang: str) -> str:
    from grantcalc import rates

    return rates.title(name, None, lang)


def _percent(value: Decimal | Fraction) -> Bilingual:
    from grantcalc import formatting as fmt

    return Bilingual(lambda lang: fmt.percent(value, lang))


# --- the rules ----------------------------------------------------------------------------------

def max_months(c: Computation, name: str, rules: Rules) -> list[Problem]:
    budget = c.budget
    call = budget.project.call
    limit = call.max_months if call is not None and call.max_months is not None else rules.max_months
    if limit is None:
        return []
    period = budget.period
    months = months_between(period.start, period.end, Proration.days)
    if months <= limit:
        return []
    source = phrase("profile.source.call") if call is not None and call.max_months is not None else \
        phrase(f"profile.source.{name}.max_months")
    return [Problem("profile.max_months", ERROR, ("period", "end"), {
        "profile": _profile(name), "months": months, "max": limit, "source": source})]


def staff_hours(c: Computation, name: str, rules: Rules) -> list[Problem]:
    """ESF+: staff as hours × a unit cost from the monthly salary, on the rate's hours a year."""
    if not rules.staff_hourly:
        return []
    out = []
    hours = _rate(rules.hours_per_year, c.budget.period.start) if rules.hours_per_year else None
    for i, line in enumerate(c.budget.lines):
        if not isinstance(line, SalaryLine):
            continue
        if not line.hourly:
            out.append(Problem("profile.not_hourly", ERROR, ("lines", i), {"profile": _profile(name),
                                                                          "line": line.name}))
            continue
        if line.hourly_rate is not None:
            out.append(Problem("profile.hourly_rate", WARNING, ("lines", i, "hourly_rate"), {
                "profile": _profile(name), "line": line.name}))
        elif hours is not None and line.hours_per_year != hours.value:
            out.append(Problem("profile.hours_per_year", ERROR, ("lines", i, "hours_per_year"), {
                "line": line.name, "value": line.hours_per_year, "hours": hours.value,
                "source": hours.source.short()}))
    return out


def flat_rates(c: Computation, name: str, rules: Rules) -> list[Problem]:
    """The flat rates as percentage lines of the staff costs; with the one for all other costs, no
    other cost line beside the staff, and no other flat rate."""
    if not rules.flat_rates:
        return []
    budget = c.budget
    day = budget.period.start
    allowed = {n: _rate(n, day) for n in rules.flat_rates}
    other_costs = allowed.get(rules.all_other_costs) if rules.all_other_costs else None
    index = LineIndex(budget, in_default_base)
    staff = {line.name for line in budget.lines
             if budget.category(line.category).key == "staff" and not isinstance(line, InKindLine)}
    out: list[Problem] = []
    covering = None  # the line of the flat rate for all other costs
    for i, line in enumerate(budget.lines):
        if not isinstance(line, PercentageLine):
            continue
        matched = next((n for n, v in allowed.items() if v.value == line.rate), None)
        if matched is None:
            out.append(Problem("profile.flat_rate", ERROR, ("lines", i, "rate"), {
                "profile": _profile(name), "line": line.name, "rate": line.rate,
                "allowed": Bilingual(lambda lang: ", ".join(
                    f"{_title(n, lang)} {_percent(v.value).text(lang)} ({v.source.short()})"
                    for n, v in allowed.items()))}))
            continue
        selection = index.select(line.of, i)
        chosen = set(selection.lines) if selection.lines is not None else None
        if chosen != staff:
            out.append(Problem("profile.flat_rate_base", ERROR, ("lines", i, "of"), {
                "profile": _profile(name), "line": line.name}))
        if other_costs is not None and matched == rules.all_other_costs:
            covering = (i, line)
    if covering is not None and other_costs is not None:
        at, flat = covering
        for j, line in enumerate(budget.lines):
            if j == at or line.name in staff or isinstance(line, InKindLine):
                continue
            if isinstance(line, PercentageLine):
                out.append(Problem("profile.flat_rates_combined", ERROR, ("lines", j), {
                    "line": line.name, "flat": flat.name, "rate": other_costs.value}))
            else:
                out.append(Problem("profile.flat_rate_other_costs", ERROR, ("lines", j), {
                    "line": line.name, "flat": flat.name, "rate": other_costs.value,
                    "source": other_costs.source.short()}))
    return out


def co_financing(c: Computation, name: str, rules: Rules) -> list[Problem]:
    """The co-financing — what others than the funder applied to finance, in cash or in kind — is the
    call's share of the costs: exactly, to within the budget's rounding (half a step per budget year,
    each year rounded once), or the call's own tolerance."""
    if rules.co_financing is None:
        return []
    budget = c.budget
    call = budget.project.call
    if call is None or call.co_financing is None:
        return [Problem("profile.co_financing_missing", WARNING, ("project",), {"profile": _profile(name)})]
    fin = c.financing
    row = fin.applicant_row
    costs = c.total
    if row is None or not costs:
        return []
    others = fin.total - row.total
    share = Fraction(call.co_financing)
    expected = Fraction(costs) * share
    if call.co_financing_tolerance is not None:
        ok = abs(Fraction(others) / Fraction(costs) - share) <= Fraction(call.co_financing_tolerance)
    else:
        ok = abs(Fraction(others) - expected) <= Fraction(budget.rounding.step) * len(c.years) / 2
    if ok:
        return []
    path = next((("financing", i) for i, f in enumerate(budget.financing) if i != row.index),
                ("project", "call", "co_financing"))
    return [Problem("profile.co_financing", ERROR, path, {
        "profile": _profile(name), "actual": _percent(Fraction(others) / Fraction(costs)), "others": others,
        "costs": costs, "required": _percent(share), "expected": expected})]


def project_years(c: Computation, name: str, rules: Rules) -> list[Problem]:
    period = c.budget.period
    out = []
    if rules.budget_years == "project" and period.budget_years is not YearScheme.project:
        out.append(Problem("profile.project_years", ERROR, ("period", "budget_years") if
                           "budget_years" in period.model_fields_set else ("period",), {"profile": _profile(name)}))
    if rules.max_years is not None and len(c.years) > rules.max_years:
        out.append(Problem("profile.max_years", ERROR, ("period", "end"), {
            "profile": _profile(name), "years": len(c.years), "max": rules.max_years,
            "source": phrase(f"profile.source.{name}.max_years")}))
    return out


def ceiling(c: Computation, name: str, rules: Rules) -> list[Problem]:
    call = c.budget.project.call
    if not rules.ceiling or call is None:
        return []
    fin = c.financing
    row = fin.applicant_row
    if row is None:
        return []
    out = []
    applied = fin.applied_amount or Decimal(0)
    if call.ceiling is not None and applied > call.ceiling:
        out.append(Problem("profile.ceiling", ERROR, ("project", "call", "ceiling"), {
            "profile": _profile(name), "amount": applied, "cap": call.ceiling, "excess": applied - call.ceiling}))
    if call.ceiling_per_year is not None:
        for y in c.years:
            amount = row.amount(y.key)
            if amount > call.ceiling_per_year:
                out.append(Problem("profile.ceiling_year", ERROR, ("project", "call", "ceiling_per_year"), {
                    "profile": _profile(name), "year": y.labels(), "amount": amount, "cap": call.ceiling_per_year,
                    "excess": amount - call.ceiling_per_year}))
    return out


RULES: list[Rule] = [max_months, project_years, staff_hours, flat_rates, co_financing, ceiling]
