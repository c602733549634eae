"""The rules a funder sets on revised budgets, as data: profiles in ``rules.yaml`` (or a file of
your own of the same form), each a set of switches :func:`grantcalc.followup.diff.diff` judges a
revision by (see ``rules.yaml`` for what each means)."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, ValidationError

from grantcalc.budget.categories import normalise
from grantcalc.budget.types import Portion
from grantcalc.errors import BudgetError, Problem, SourceError
from grantcalc.inputs import read_bounded

__all__ = ["Profile", "builtin_profiles", "read_profiles", "profile_for", "MAX_BYTES"]

MAX_BYTES = 1024 * 1024


class Profile(BaseModel):
    """One funder's rules on revisions."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    match: list[str] = Field(default_factory=list, description="words a funder's name contains")
    total_may_not_grow: bool = False
    within_year_only: bool = False
    no_earlier_years: bool = False
    category_max_change: Portion | None = None


def _parse(text: str | bytes, name: str) -> dict[str, Profile]:
    from grantcalc.budget.validate import did_you_mean
    from grantcalc.loader import problems_from_validation
    from grantcalc.loader.source import parse_source

    source = parse_source(text, name, "yaml")
    try:
        return TypeAdapter(dict[str, Profile]).validate_python(source.data)
    except ValidationError as err:
        problems = []
        for p in problems_from_validation(err, source):
            if p.code == "invalid.extra_forbidden" and p.path:
                p = Problem(p.code, p.severity, p.path, {**p.params, "did_you_mean": did_you_mean(
                    str(p.path[-1]), list(Profile.model_fields))}, p.file, p.line, p.fallback)
            problems.append(source.locate(p))
        raise BudgetError(problems) from None


def builtin_profiles() -> dict[str, Profile]:
    """The profiles grantcalc ships (``grantcalc/followup/rules.yaml``)."""
    text = files("grantcalc.followup").joinpath("rules.yaml").read_text(encoding="utf-8")
    return _parse(text, "rules.yaml")


def read_profiles(path: str | Path) -> dict[str, Profile]:
    """The profiles of a rules file of your own; :class:`SourceError` / :class:`BudgetError` located."""
    return _parse(read_bounded(path, MAX_BYTES, name=str(path)), str(path))


def profile_for(funder: str | None, profiles: dict[str, Profile]) -> str | None:
    """The profile whose ``match`` words the funder's name contains (the first such), else None."""
    if not funder:
        return None
    name = normalise(funder)
    for key, profile in profiles.items():
        if any(normalise(word) in name for word in profile.match):
            return key
    return None


def unknown_profile(name: str, profiles: dict[str, Profile]) -> SourceError:
    from grantcalc.budget.validate import did_you_mean

    return SourceError(Problem("diff.unknown_profile", params={
        "name": name, "did_you_mean": did_you_mean(name, list(profiles)), "known": ", ".join([*profiles, "none"])}))
