"""Checks of the participants a budget plans (``participants:``): do its people and places agree?

Warnings, per budget year of ``participants.planned``:

* ``participants.places_people`` — the places and the people do not fit: fewer people than places
  (places stand empty even if every participant stays the whole year), or more people than the
  places can hold on their basis (a place on a half-yearly basis holds two participants in a
  year; over a budget year of fewer months, in proportion, but at least one);
* ``participants.places_lines`` — the places the participants state are not the places the
  budget's places lines (``kind: places``) pay for that year;

and for the whole period ``participants.total_people`` — the different people in all
(``participants.total.people``) are fewer than the most of any one year, or more than all the
years' people together.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING

from grantcalc.budget.lines import PlacesLine, active_window
from grantcalc.errors import Problem, Severity
from grantcalc.messages import phrase
from grantcalc.periods import months_between

if TYPE_CHECKING:
    from grantcalc.compute.computation import Computation

__all__ = ["check", "capacity"]


def capacity(places: Decimal, basis_months: int, year_months: Fraction) -> Fraction:
    """The most participants ``places`` hold over a budget year of ``year_months`` months when each
    participant holds a place for ``basis_months``: at least one each."""
    return Fraction(places) * max(Fraction(1), year_months / basis_months)


def _places_lines(computation: Computation, key: int) -> Decimal | None:
    """The places the budget's places lines pay for in budget year ``key`` (None: it has none)."""
    budget = computation.budget
    year = budget.year(key)
    found = None
    for line in budget.lines:
        if isinstance(line, PlacesLine):
            start, end = active_window(line, year)
            if start <= end:
                found = (found or Decimal(0)) + line.value("places", key)
    return found


def check(computation: Computation) -> list[Problem]:
    budget = computation.budget
    participants = budget.participants
    if participants is None:
        return []
    out = []
    basis = participants.basis_months
    for key, planned in participants.planned.items():
        if key not in {y.key for y in budget.years}:
            continue  # refused when the budget was read
        year = budget.year(key)
        path = ("participants", "planned", key)
        if planned.places is not None and planned.people is not None:
            months = months_between(year.start, year.end, budget.period.proration)
            most = capacity(planned.places, basis, months)
            if planned.people < planned.places or planned.people > most:
                out.append(Problem("participants.places_people", Severity.warning, path=(*path, "people"), params={
                    "year": year.labels(), "people": planned.people, "places": planned.places,
                    "most": int(most), "basis": phrase(f"participants.basis.{participants.basis}")}))
        if planned.places is not None:
            paid = _places_lines(computation, key)
            if paid is not None and paid != planned.places:
                out.append(Problem("participants.places_lines", Severity.warning, path=(*path, "places"), params={
                    "year": year.labels(), "places": planned.places, "paid": paid}))
    total = participants.total
    yearly = [p.people for p in participants.planned.values() if p.people is not None]
    if total is not None and total.people is not None and yearly and \
            not max(yearly) <= total.people <= sum(yearly):
        out.append(Problem("participants.total_people", Severity.warning, path=("participants", "total", "people"),
                           params={"people": total.people, "most": max(yearly), "sum": sum(yearly)}))
    return out
