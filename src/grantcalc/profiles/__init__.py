"""Funder profiles: the line kinds and rules a funder budgets by, as data
(``grantcalc/profiles/data/<profile>.yaml``): ``esf-plus``, ``arvsfonden``, ``samordningsforbund``,
``amif``.

A budget names its profile (``project.profile: esf-plus``; ``none`` for none), or the profile is the
one whose ``match`` words the funder's name contains (``project.funder``, else the funder applied
to). The call's own figures — ESF+'s exact co-financing share, a shorter duration, the granted
amount — are the budget's ``project.call``. The rules are judged by
:mod:`grantcalc.check.profile`, each broken rule a finding with a code.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from grantcalc.budget.categories import normalise
from grantcalc.budget.model import PROFILES

if TYPE_CHECKING:
    from grantcalc.budget.model import Budget

__all__ = ["Rules", "Profile", "profiles", "profile", "profile_of", "PROFILES"]


@dataclass(frozen=True)
class Rules:
    """What a profile holds a budget to (each rule off unless its profile sets it)."""

    staff_hourly: bool = False  # salary lines as hours × hourly rate
    hours_per_year: str | None = None  # the rate of hours a year the hourly rate is counted on
    flat_rates: tuple[str, ...] = ()  # the flat rates (rates) a percentage line may be
    all_other_costs: str | None = None  # the flat rate that covers every cost but staff
    co_financing: str | None = None  # "required": the call's exact co-financing share
    max_months: int | None = None
    budget_years: str | None = None  # calendar, project, fiscal
    max_years: int | None = None
    revision: str | None = None  # grantcalc diff's profile of the funder's revision rules
    balance_per_year: bool = False
    ceiling: bool = False  # the call's granted amount is a ceiling


@dataclass(frozen=True)
class Profile:
    match: tuple[str, ...] = ()  # words a funder's name contains
    rules: Rules = field(default_factory=Rules)


def _built(data: dict[str, Any], name: str) -> Profile:
    """A shipped profile from its file's data; ``ValueError`` for a key no rule has (the shipped files are
    tested)."""
    known = {f.name for f in fields(Rules)}
    rules = dict(data.get("rules") or {})
    unknown = (set(data) - {"match", "rules"}) | (set(rules) - known)
    if unknown:
        raise ValueError(f"{name}: unknown keys {sorted(unknown)}")
    if "flat_rates" in rules:
        rules["flat_rates"] = tuple(rules["flat_rates"])
    return Profile(tuple(data.get("match") or ()), Rules(**rules))


@lru_cache(maxsize=1)
def profiles() -> dict[str, Profile]:
    """The shipped profiles by name, in :data:`PROFILES` order."""
    from pathlib import Path

    from grantcalc.rates.read import yaml_data

    folder = Path(__file__).parent / "data"  # not importlib.resources: its first use costs a check 13 ms
    out = {}
    for name in PROFILES:
        data, _ = yaml_data((folder / f"{name}.yaml").read_bytes(), f"profiles/data/{name}.yaml", positions=False)
        out[name] = _built(data or {}, name)
    return out


def profile(name: str) -> Profile:
    return profiles()[name]


def profile_of(budget: Budget) -> str | None:
    """The profile ``budget`` is checked by: its ``project.profile`` (``none``: None), else the first
    profile whose words the funder's name contains (``project.funder``, else the funder applied to)."""
    named = budget.project.profile
    if named is not None:
        return None if named == "none" else named
    funders = [budget.project.funder] + [f.name for f in budget.financing if f.applies]
    for funder in filter(None, funders):
        name = normalise(funder)
        for key, found in profiles().items():
            if any(normalise(word) in name for word in found.match):
                return key
    return None
