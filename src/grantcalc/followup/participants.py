"""Participants and the cost per participant (*kostnad per deltagare*) and per place.

The förbund judges an insats by the people it reaches and what each costs: per budget year the
planned people and places (``participants.planned``) beside the year's costs, and — in a follow-up —
the people reached (``participants.actual``) beside the outcome. Each cost per participant is the
year's cost divided by its people, rounded half-up to whole kronor; over the whole period it is the
total cost divided by ``participants.total.people`` (the different people, when some stay more than a
year) or else by the sum of the years' people.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING

from grantcalc.rounding import round_value

if TYPE_CHECKING:
    import pandas as pd

    from grantcalc.compute.computation import Computation
    from grantcalc.followup.followup import FollowUp

__all__ = ["ParticipantRow", "participant_rows", "participants_frame", "per_person"]

ZERO = Decimal(0)


def per_person(cost: Decimal | None, count: Decimal | int | None) -> Decimal | None:
    """``cost`` / ``count`` to whole kronor (half-up); None without a count (or a cost)."""
    if cost is None or not count:
        return None
    return round_value(Fraction(cost) / Fraction(count))


@dataclass(frozen=True, slots=True)
class ParticipantRow:
    """One budget year (``year`` None: the whole period) of participants and costs."""

    year: int | None
    people: int | None  # planned
    places: Decimal | None
    women: Decimal | None  # planned shares
    men: Decimal | None
    cost: Decimal  # the budget's costs
    actual_people: int | None = None
    actual_women: Decimal | None = None
    actual_men: Decimal | None = None
    actual_cost: Decimal | None = None  # the outcome (in a follow-up)

    @property
    def cost_per_participant(self) -> Decimal | None:
        return per_person(self.cost, self.people)

    @property
    def cost_per_place(self) -> Decimal | None:
        return per_person(self.cost, self.places)

    @property
    def actual_per_participant(self) -> Decimal | None:
        return per_person(self.actual_cost, self.actual_people)


def participant_rows(computation: Computation, followup: FollowUp | None = None) -> list[ParticipantRow]:
    """A row per budget year the budget plans or reports participants for, and a total row; none
    when the budget declares no ``participants``."""
    participants = computation.budget.participants
    if participants is None:
        return []
    rows = []
    people_sum = actual_sum = 0
    places: list[Decimal] = []
    for y in computation.years:
        planned = participants.planned.get(y.key)
        reached = participants.actual.get(y.key)
        if planned is None and reached is None:
            continue
        actual_cost = followup.year_actual(y.key) if followup is not None else None
        row = ParticipantRow(
            y.key, planned.people if planned else None, planned.places if planned else None,
            planned.women if planned else None, planned.men if planned else None, computation.year_total(y.key),
            reached.people if reached else None, reached.women if reached else None,
            reached.men if reached else None, actual_cost)
        rows.append(row)
        people_sum += row.people or 0
        actual_sum += row.actual_people or 0
        if row.places is not None:
            places.append(row.places)
    total = participants.total
    rows.append(ParticipantRow(
        None, total.people if total and total.people is not None else (people_sum or None),
        total.places if total and total.places is not None else None,
        total.women if total else None, total.men if total else None, computation.total,
        actual_sum or None, None, None, followup.actual_total if followup is not None else None))
    return rows


def participants_frame(computation: Computation, lang: str | None = None,
                       followup: FollowUp | None = None) -> pd.DataFrame:
    """The participants per budget year as a DataFrame (exact ``Decimal`` amounts): ``year``,
    ``year_label``, ``people``, ``places``, ``women``, ``men``, ``cost``, ``cost_per_participant``,
    ``cost_per_place``, and with a follow-up ``actual_people``, ``actual_cost``,
    ``actual_per_participant``. The last row is the whole period (``year`` None, labelled Totalt)."""
    import pandas as pd

    from grantcalc import catalogue

    lang = lang or computation.budget.language
    labels = {y.key: y.label(lang) for y in computation.years}
    records = []
    for r in participant_rows(computation, followup):
        record: dict[str, object] = {
            "year": r.year, "year_label": labels[r.year] if r.year is not None else catalogue.text("frame.total", lang),
            "people": r.people, "places": r.places, "women": r.women, "men": r.men, "cost": r.cost,
            "cost_per_participant": r.cost_per_participant, "cost_per_place": r.cost_per_place}
        if followup is not None:
            record.update({"actual_people": r.actual_people, "actual_cost": r.actual_cost,
                           "actual_per_participant": r.actual_per_participant})
        records.append(record)
    columns = ["year", "year_label", "people", "places", "women", "men", "cost", "cost_per_participant",
               "cost_per_place", *(["actual_people", "actual_cost", "actual_per_participant"] if followup else [])]
    return pd.DataFrame.from_records(records, columns=columns)
