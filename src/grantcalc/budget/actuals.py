"""After the grant: the outcome (*utfall*) and the participants, as a budget file declares them.

``actuals:`` lists what was spent (and what was received) per line or category and period::

    actuals:
      - {line: EVI-coacher, period: 2024Q4, amount: 290000}
      - {line: Lönekostnader, period: 2025-01, amount: 61250, note: "ver. 1041"}
      - {line: Resor, period: 2025, amount: -2300}                 # a credit: allowed, and marked
      - {funder: Västerbergslagens samordningsförbund, period: 2024, amount: 500000}   # received

``line`` names a cost line or a category (*kostnadsslag*), in any case; ``funder`` a funder of the
financing budget (money received). ``period`` is a year (``2024``), a quarter (``2024Q3``), a
month (``2024-09``), a day (``2024-09-30``), a fiscal year (``2024/25``) or, in a budget of
project years, the year's number (``1`` for År 1). Amounts are exact; a negative one is a credit.

What the entries *mean* — a line that does not exist, a period outside the project — is judged
by the follow-up (:mod:`grantcalc.followup`), with the same codes as the rows of a ledger CSV,
so a budget with stale actuals still loads, computes and checks.

``participants:`` plans the people a project reaches per budget year (and records those it
reached), as the förbund's forms ask::

    participants:
      basis: half_year           # places counted on a yearly (year) or half-yearly (half_year) basis
      planned:
        2024: {people: 15, places: 10, women: 60 %, men: 40 %}
        2025: {people: 30, places: 15}
      total: {people: 40}        # different people over the whole period (some stay several years)
      actual:
        2024: {people: 11, women: 55 %, men: 45 %}
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import TYPE_CHECKING, Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, WithJsonSchema, model_validator
from pydantic_core import PydanticCustomError

from grantcalc.budget.types import (
    YEAR_KEY_TEXT,
    Number,
    Portion,
    PositiveNumber,
    Text,
    YearKey,
    shown_value,
    without_year_word,
)
from grantcalc.errors import Path, Problem
from grantcalc.messages import Bilingual
from grantcalc.periods import YearScheme, add_months

if TYPE_CHECKING:
    from grantcalc.budget.model import Budget
    from grantcalc.budget.validate import Context

__all__ = ["Actual", "ActualPeriod", "Participants", "ParticipantsYear", "Span", "parse_period", "period_span",
           "BASIS_MONTHS", "participants_rules"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True, defer_build=True)


# --- periods ------------------------------------------------------------------------------------
_QUARTER = re.compile(r"^(\d{4})\s*-?\s*[Qq]([1-4])$|^[Qq]([1-4])\s*[-\s]?\s*(\d{4})$")
_MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")
_DAY = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_FISCAL = re.compile(r"^(\d{4})\s*/\s*(\d{2}|\d{4})$")
_YEAR = re.compile(r"^\d{1,4}$")
_MAX_PERIOD_TEXT = 40


def parse_period(value: Any) -> int | str | date:
    """A booking period as written, in its one canonical form: ``2024`` (a year, or a project
    year's number), ``"2024Q3"``, ``"2024-09"``, ``date(2024, 9, 30)`` or ``"2024/25"``.
    :class:`PydanticCustomError` ``period`` for anything else."""
    if isinstance(value, bool):
        raise _not_a_period(value)
    if isinstance(value, date):
        return value
    if isinstance(value, int):
        if 1 <= value <= 9999:
            return value
        raise _not_a_period(value)
    if isinstance(value, Decimal) and value == value.to_integral_value() and 1 <= value <= 9999:
        return int(value)
    if not isinstance(value, str) or len(value) > _MAX_PERIOD_TEXT:
        raise _not_a_period(value)
    text = without_year_word(value)  # "År 1", "år 2024": as a document writes a year
    if _YEAR.match(text) and 1 <= int(text) <= 9999:
        return int(text)
    if m := _QUARTER.match(text):
        year, quarter = (m.group(1), m.group(2)) if m.group(1) else (m.group(4), m.group(3))
        return f"{year}Q{quarter}"
    if m := _MONTH.match(text):
        if 1 <= int(m.group(2)) <= 12:
            return f"{m.group(1)}-{int(m.group(2)):02d}"
    elif m := _DAY.match(text):
        try:
            return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            pass
    elif m := _FISCAL.match(text):
        first, second = int(m.group(1)), int(m.group(2))
        if second in ((first + 1) % 100, first + 1):
            return f"{first}/{(first + 1) % 100:02d}"
    raise _not_a_period(value)


def _not_a_period(value: Any) -> PydanticCustomError:
    return PydanticCustomError("period", "{value} is not a period", {"value": shown_value(value)})


ActualPeriod = Annotated[int | str | date, BeforeValidator(parse_period), WithJsonSchema(
    {"anyOf": [{"type": "integer"}, {"type": "string", "pattern": (
        r"^(\d{4}([Qq][1-4]|-\d{2}(-\d{2})?|/\d{2})?|" + YEAR_KEY_TEXT + ")$")}],
     "description": "2024, 2024Q3, 2024-09, 2024-09-30 or 2024/25 (a project year: its number)"})]


@dataclass(frozen=True, slots=True)
class Span:
    """The days a booking period covers (inclusive), and how it was written."""

    start: date
    end: date
    text: str


def period_span(period: int | str | date, budget: Budget) -> Span:
    """The days of a canonical ``period`` (:func:`parse_period`) in ``budget``'s terms: in a budget
    of project years a number below 1000 is that project year (a number no year has: no days, a
    span after every period), a fiscal year ``2024/25`` starts in the budget's fiscal month."""
    text = period.isoformat() if isinstance(period, date) else str(period)
    if isinstance(period, date):
        return Span(period, period, text)
    scheme = budget.period.budget_years
    if isinstance(period, int):
        if scheme is YearScheme.project and period < 1000:
            known = {y.key: y for y in budget.years}
            if period in known:
                return Span(known[period].start, known[period].end, text)
            return Span(date.max, date.max, text)
        return Span(date(period, 1, 1), date(period, 12, 31), text)
    if "Q" in period:
        year, quarter = period.split("Q")
        start = date(int(year), 3 * int(quarter) - 2, 1)
        return Span(start, add_months(start, 3) - timedelta(days=1), text)
    if "/" in period:  # a fiscal year: from the budget's fiscal month, in a budget of other years from July
        first_month = (budget.period.fiscal_year_start or 1) if scheme is YearScheme.fiscal else 7
        start = date(int(period.split("/")[0]), first_month, 1)
        return Span(start, add_months(start, 12) - timedelta(days=1), text)
    year, month = period.split("-")
    start = date(int(year), int(month), 1)
    return Span(start, add_months(start, 1) - timedelta(days=1), text)


# --- actuals ------------------------------------------------------------------------------------
class Actual(_Model):
    """One outcome entry (*utfall*): an amount booked on a line or category in a period, or
    received from a funder."""

    line: Text | None = Field(None, description="a cost line's name or a category (kostnadsslag), in any case")
    funder: Text | None = Field(None, description="a funder: money received (utbetalt) from it")
    period: ActualPeriod = Field(description="2024, 2024Q3, 2024-09, 2024-09-30 or 2024/25")
    amount: Number = Field(description="kronor; negative for a credit")
    note: str | None = Field(None, description="free text, e.g. the voucher (verifikation)")

    @model_validator(mode="after")
    def _one_target(self) -> Actual:
        if (self.line is None) == (self.funder is None):
            raise PydanticCustomError("one_of", "give line or funder", {"options": "line eller funder"})
        return self


# --- participants -------------------------------------------------------------------------------
BASIS_MONTHS = {"year": 12, "half_year": 6}  # how long one participant holds a place, on each basis

Count = Annotated[int, Field(ge=0)]


class ParticipantsYear(_Model):
    """The participants of one budget year (planned or reached)."""

    people: Count | None = Field(None, description="deltagare: different people during the year")
    places: PositiveNumber | None = Field(None, description="platser: places held at a time")
    women: Portion | None = Field(None, description="andel kvinnor: \"60 %\"")
    men: Portion | None = Field(None, description="andel män: \"40 %\"")


class Participants(_Model):
    """Participants per budget year: ``planned``, the period's ``total`` and those reached (``actual``)."""

    basis: Literal["year", "half_year"] = Field("year", description="places on a yearly or half-yearly basis")
    planned: dict[YearKey, ParticipantsYear] = Field(default_factory=dict)
    total: ParticipantsYear | None = Field(None, description="the whole period: different people in all")
    actual: dict[YearKey, ParticipantsYear] = Field(default_factory=dict, description="participants reached")

    @property
    def basis_months(self) -> int:
        return BASIS_MONTHS[self.basis]


def participants_rules(budget: Budget, context: Context) -> Iterator[Problem]:
    """The participants' years are budget years; women and men are at most 100 % of them."""
    participants = budget.participants
    if participants is None:
        return
    at: Path = ("participants",)
    for part in ("planned", "actual"):
        rows: dict[int, ParticipantsYear] = getattr(participants, part)
        yield from context.year_keys(rows, (*at, part))
        for key, row in rows.items():
            yield from _shares(row, (*at, part, key))
    if participants.total is not None:
        yield from _shares(participants.total, (*at, "total"))


def _shares(row: ParticipantsYear, at: Path) -> Iterator[Problem]:
    if row.women is not None and row.men is not None and row.women + row.men > 1:
        yield Problem("participants.gender_share", path=(*at, "men"),
                      params={"women": percent(row.women), "men": percent(row.men),
                              "sum": percent(row.women + row.men)})


def percent(value: Decimal) -> Bilingual:
    """A share as a message parameter, ``60 %`` / ``60%`` in the language it is shown in."""
    from grantcalc import formatting as fmt

    return Bilingual(lambda lang: fmt.percent(value, lang))
