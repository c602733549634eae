"""Budget lines: one pydantic model per kind of cost (*kostnadsrad*).

Every line has a unique ``name``, a ``category`` (*kostnadsslag*), an optional
free-text ``specification`` (*kostnadsspecifikation*), optional ``start`` and
``end`` dates inside the project period, an optional ``rounding`` that
overrides the budget's, and ``by_year``: per budget year, values that replace
the line's own for that year only — e.g. the salaries a document states, or
``months`` where a document budgets other months than the dates give.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date as _date
from decimal import Decimal
from typing import TYPE_CHECKING, Annotated, Any, ClassVar, Literal

from pydantic import BaseModel, ConfigDict, Discriminator, Field, Tag, WrapValidator, model_validator
from pydantic_core import PydanticCustomError

from grantcalc.budget.stated import StatedRateFigure, StatedRow
from grantcalc.budget.types import (
    Date,
    Factor,
    Money,
    MonthDay,
    Months,
    Number,
    PositiveMoney,
    PositiveNumber,
    Rate,
    Share,
    Text,
    YearKey,
    errors_at_the_field,
)
from grantcalc.rounding import RoundingMode, RoundingRule

if TYPE_CHECKING:
    from datetime import date

    from grantcalc.periods import BudgetYear
    from grantcalc.rates import RateTable, RateUse

__all__ = [
    "Rounding", "Raise", "Base", "Basis", "RatePreset", "OnCost", "StatedRate",
    "SalaryLine", "PlacesLine", "RecurringLine", "PerUnitLine", "OneOffLine", "ExplicitLine",
    "PercentageLine", "InKindLine", "Line", "LINE_KINDS", "KIND_NAMES_SV", "HOURS_PER_YEAR", "active_window",
]

HOURS_PER_YEAR = Decimal(1720)

Per = Literal["month", "year"]


class _Model(BaseModel):
    # defer_build: a model builds its validator when first used, not on import (start-up time)
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True, defer_build=True)


class Rounding(_Model):
    """A rounding rule: mode and step (``{mode: up, step: 5000}``)."""

    mode: RoundingMode = Field(RoundingMode.half_up, description="half_up, half_even, down (truncate) or up (ceiling)")
    step: PositiveMoney = Field(Decimal(1), description="round to a multiple of this many kronor: 1, 100, 1000, 5000…")

    def rule(self) -> RoundingRule:
        return RoundingRule(self.mode, self.step)


class Raise(_Model):
    """A yearly raise (*årlig löneökning*)."""

    rate: Rate = Field(description="e.g. \"3,3 %\"")
    effective: MonthDay = Field((1, 1), description="the day each year the raise takes effect, \"01-01\" or \"04-01\"")
    rounding: Rounding | None = Field(None, description="rounding of the raised monthly salary, e.g. {step: 100}")


class _YearValues(_Model):
    months: Months | None = Field(None, description="months budgeted this year, when the document states them")


class RatePreset(_Model):
    """An on-cost factor named by a rate of :mod:`grantcalc.rates` (*en sats med källa*):
    ``{rate: arbetsgivaravgift, year: 2026}`` is 1 + 31,42 %; without ``year`` each budget year takes
    its own year's value; ``plus`` adds what the rate leaves out (``"10,5 %"``: pensions, insurances).

    The factor is resolved exactly per budget year (:meth:`use`) in the rates the budget is bound to
    (the shipped ones, or with ``project.rates`` laid over them). Compared with a number (the
    plausibility rules compare factors), a preset stands for the factor the shipped rates give it.
    """

    rate: Text = Field(description="the rate's name, as grantcalc rates lists it: arbetsgivaravgift")
    year: Annotated[int, Field(ge=1900, le=2200)] | None = Field(
        None, description="the year whose value is taken; left out: each budget year's own")
    plus: Rate = Field(Decimal(0), description="added to the rate: \"10,5 %\" for what it leaves out")

    def table(self) -> RateTable:
        """The rates this preset is resolved in (the shipped ones unless the budget bound others)."""
        from grantcalc.rates import shipped

        table = self.__dict__.get("_table")
        if table is _UNBOUND:
            from grantcalc.errors import BudgetError, Problem

            raise BudgetError(Problem("rates.unbound", params={"name": self.rate}))
        return table if table is not None else shipped()

    def bind(self, table: RateTable | object | None) -> None:
        """Resolve this preset in ``table`` from now on (kept beside the fields: not part of the value)."""
        self.__dict__["_table"] = table
        self.__dict__.pop("_factors", None)

    def use(self, year: BudgetYear) -> RateUse:
        """The rate's value for budget ``year`` (or for the preset's own ``year``), exactly."""
        if self.year is not None:
            start, end = _date(self.year, 1, 1), _date(self.year, 12, 31)
        else:
            start, end = year.start, year.end
        table = self.table()
        try:
            use = table.use(self.rate, start, end, self.plus)
        except LookupError:  # a preset not validated with its budget (built alone): told, not a traceback
            from grantcalc import rates
            from grantcalc.errors import BudgetError

            raise BudgetError(rates.reference_problems([((), self.rate, self.year or start.year)], table)) from None
        self.__dict__.setdefault("_factors", {})[year.key] = use.factor
        return use

    def factor(self, key: int) -> Decimal:
        """The factor budget year ``key`` was computed with (:meth:`use`), else :meth:`approximate`."""
        found = self.__dict__.get("_factors", {}).get(key)
        return found if found is not None else self.approximate()

    def approximate(self) -> Decimal:
        """The factor the shipped rates give this preset: its year's value, else the latest; 1 + ``plus``
        for a rate only a budget's own file has (or one that is no on-cost)."""
        from grantcalc.rates import ON_COST_KINDS, shipped

        table = self.__dict__.get("_table")
        rate = (table if table is not None and table is not _UNBOUND else shipped()).rates.get(self.rate)
        if rate is None or rate.kind not in ON_COST_KINDS:  # no factor (an error the budget's validation reports)
            return 1 + self.plus
        value = rate.for_year(_date(self.year, 1, 1), _date(self.year, 12, 31)) if self.year is not None else None
        return 1 + (value or rate.latest).value + self.plus

    # a preset compared with a number is compared as its factor (the plausibility rules: "above 3?")
    def __lt__(self, other: Any) -> bool:
        return self.approximate() < other

    def __le__(self, other: Any) -> bool:
        return self.approximate() <= other

    def __gt__(self, other: Any) -> bool:
        return self.approximate() > other

    def __ge__(self, other: Any) -> bool:
        return self.approximate() >= other


_UNBOUND = object()  # a preset of a budget with project.rates, before the budget's rate file is read


def _preset_or_factor(value: Any) -> str:
    return "preset" if isinstance(value, (dict, RatePreset)) else "factor"


OnCost = Annotated[
    Annotated[Factor, Tag("factor")] | Annotated[RatePreset, Tag("preset")],
    Discriminator(_preset_or_factor), WrapValidator(errors_at_the_field("factor", "preset"))]
"""An on-cost factor: a number (``1.42``, ``"42 %"``) or a rate by name (:class:`RatePreset`)."""


class Base(_Model):
    """What a percentage line is a percentage of (and a stated rate a share of).

    Empty: every other cost line except percentage and in-kind lines.
    ``categories`` chooses lines by category (in-kind lines left out: a cash
    overhead is not charged on a contribution in kind); ``lines`` names lines,
    which are taken whatever they are. ``exclude_*`` remove from the choice.
    """

    categories: list[Text] = Field(default_factory=list)
    lines: list[Text] = Field(default_factory=list)
    exclude_categories: list[Text] = Field(default_factory=list)
    exclude_lines: list[Text] = Field(default_factory=list)


class StatedRate(_Model):
    """The rate a document states for a line printed as an amount (*Administration ca 4 %* beside a
    fixed 70 000 kr a year): ``grantcalc check`` compares the line's total with that share of its base's
    total. A text alone (``"ca 4 %"``) is the rate of the default base."""

    rate: StatedRateFigure = Field(
        description="the rate as printed: \"4 %\" (exact to its precision), \"ca 4 %\" (within its last "
                    "digit), \"ca 4 % ± 0,5 %\" (within 0,5 percentage points)")
    base: Base = Field(default_factory=Base, description="what the rate is a share of, as a percentage line's of: "
                       "{categories: […]} or {lines: […]}; empty: every other cost line except percentage and "
                       "in-kind lines")

    @model_validator(mode="before")
    @classmethod
    def _from_rate(cls, value: Any) -> Any:
        return value if isinstance(value, (Mapping, StatedRate)) else {"rate": value}


# a stated rate written alone (``stated_rate: "ca 4 %"``): its errors at ``stated_rate``, where it is written,
# not at the ``rate`` it stands for
_rate_alone = errors_at_the_field("rate", unless=lambda value: isinstance(value, (Mapping, StatedRate)))


class _Line(_Model):
    name: Text = Field(description="unique name of the line")
    category: Text = Field(description="kostnadsslag: a built-in key or name, or one declared under categories")
    specification: str | None = Field(None, description="kostnadsspecifikation: free text")
    start: Date | None = Field(None, description="first day of the line, inside the project period")
    end: Date | None = Field(None, description="last day of the line, inside the project period")
    rounding: Rounding | None = Field(None, description="overrides the budget's rounding for this line")
    # a Mapping, read-only: each kind narrows it to its own year values (a dict is validated into a dict)
    by_year: Mapping[YearKey, _YearValues] = Field(default_factory=dict)
    stated: StatedRow = Field(
        default_factory=dict, description="the line's figures as the document states them: {2024: …, total: …}")
    stated_rate: Annotated[StatedRate, WrapValidator(_rate_alone)] | None = Field(
        None, description="the rate the document states for the line: \"ca 4 %\", or {rate: \"ca 4 %\", base: "
                          "{categories: [Lönekostnader]}}; checked on the line's total against its base's total")

    in_kind: ClassVar[bool] = False  # True for InKindLine

    @property
    def has_amount(self) -> bool:
        """False only for a contribution in kind whose amount the document does not state."""
        return True

    def value(self, field: str, key: int):
        """The line's ``field`` for budget year ``key``, with ``by_year`` applied."""
        override = self.by_year.get(key)
        if override is not None:
            v = getattr(override, field, None)
            if v is not None:
                return v
        return getattr(self, field)


class SalaryYear(_YearValues):
    monthly_salary: PositiveMoney | None = Field(None, description="the salary stated for this year")
    fte: Share | None = None
    on_cost: OnCost | None = None
    hours: PositiveNumber | None = Field(None, description="hours in this budget year (not prorated)")


class SalaryLine(_Line):
    """Salary: monthly salary × on-cost factor × FTE × months, with yearly raises.

    Or, in the hourly form, hours × hourly rate × on-cost factor, the hourly
    rate being ``monthly_salary × 12 / 1 720`` unless ``hourly_rate`` is given.
    """

    kind: Literal["salary"] = "salary"
    monthly_salary: PositiveMoney | None = Field(None, description="månadslön at 100 %, kr")
    on_cost: OnCost = Field(description="personalomkostnadspålägg: 1.42, \"42 %\" or a rate: {rate: arbetsgivaravgift}")
    fte: Share | None = Field(None, description="tjänstgöringsgrad: 1.5 or \"150 %\" (default 1)")
    people: Annotated[int, Field(ge=1)] | None = Field(None, description="how many people share the FTE")
    annual_raise: Raise | None = None
    hours: PositiveNumber | None = Field(None, description="hourly form: hours per full year (prorated by months)")
    hourly_rate: PositiveMoney | None = Field(None, description="hourly form: kr per hour before on-costs")
    hours_per_year: PositiveNumber = Field(HOURS_PER_YEAR, description="working hours a year for the hourly rate")
    by_year: dict[YearKey, SalaryYear] = Field(default_factory=dict)

    @model_validator(mode="after")
    def _forms(self) -> SalaryLine:
        if self.monthly_salary is None and self.hourly_rate is None:
            raise PydanticCustomError("one_of", "give monthly_salary or hourly_rate",
                                      {"options": "monthly_salary eller hourly_rate"})
        if self.hours is None and self.hourly_rate is not None:
            raise PydanticCustomError("one_of", "hourly_rate needs hours", {"options": "hours"})
        if self.hourly_rate is not None and any(v.monthly_salary is not None for v in self.by_year.values()):
            raise PydanticCustomError("only_one_of", "hourly_rate and by_year monthly_salary",
                                      {"options": "hourly_rate, by_year.monthly_salary"})
        if self.hours is not None and self.fte is not None:
            raise PydanticCustomError("only_one_of", "give only one of fte and hours", {"options": "fte, hours"})
        return self

    @property
    def hourly(self) -> bool:
        return self.hours is not None

    def value(self, field: str, key: int):
        """As :meth:`_Line.value`; a rate named as the on-cost factor gives the factor it resolved to for
        the year (:meth:`RatePreset.factor`)."""
        found = super().value(field, key)
        return found.factor(key) if isinstance(found, RatePreset) else found

    def on_cost_of(self, year: BudgetYear) -> tuple[Decimal, RateUse | None]:
        """The on-cost factor of budget ``year`` and, for a rate named, how it was resolved."""
        found = super().value("on_cost", year.key)
        if isinstance(found, RatePreset):
            use = found.use(year)
            return use.factor, use
        return found, None

    def presets(self) -> list[tuple[tuple, RatePreset]]:
        """The rates this line names, each with its path under the line: ``("on_cost",)`` and
        ``("by_year", 2026, "on_cost")``."""
        out: list[tuple[tuple, RatePreset]] = []
        if isinstance(self.on_cost, RatePreset):
            out.append((("on_cost",), self.on_cost))
        out += [(("by_year", k, "on_cost"), v.on_cost) for k, v in self.by_year.items()
                if isinstance(v.on_cost, RatePreset)]
        return out


class PlacesYear(_YearValues):
    places: PositiveNumber | None = None
    price: Money | None = None


class PlacesLine(_Line):
    """Places (*platser*): price per block of places per year × places, prorated by months.

    ``price: 650000, per_places: 15, places: 40`` reads "650 000 kr per 15
    places a year, 40 places". ``annual_rounding`` rounds the full-year amount
    before it is prorated (Gemensam kraft rounds it up to 5 000 kr).
    """

    kind: Literal["places"] = "places"
    places: PositiveNumber
    price: Money = Field(description="kr per year for per_places places")
    per_places: Annotated[int, Field(ge=1)] = 1
    annual_rounding: Rounding | None = None
    by_year: dict[YearKey, PlacesYear] = Field(default_factory=dict)


class RecurringYear(_YearValues):
    amount: Money | None = None
    per: Per | None = None


class RecurringLine(_Line):
    """A recurring amount per month or per year (rent, IT, travel), prorated by months."""

    kind: Literal["recurring"] = "recurring"
    amount: Money
    per: Per
    by_year: dict[YearKey, RecurringYear] = Field(default_factory=dict)


class PerUnitYear(_YearValues):
    unit_cost: Money | None = None
    count: PositiveNumber | None = None
    frequency: PositiveNumber | None = None
    per: Per | None = None


class PerUnitLine(_Line):
    """Unit cost × count × frequency per month or year (5 000 kr per person a year × 3)."""

    kind: Literal["per_unit"] = "per_unit"
    unit_cost: Money
    count: PositiveNumber
    frequency: PositiveNumber = Decimal(1)
    per: Per = "year"
    unit: str | None = Field(None, description="what is counted, e.g. \"pers\", \"datorer\"")
    by_year: dict[YearKey, PerUnitYear] = Field(default_factory=dict)


class OneOffLine(_Line):
    """A one-off amount in one budget year (start-up costs, equipment)."""

    kind: Literal["one_off"] = "one_off"
    amount: Money
    year: YearKey | None = Field(None, description="the budget year; or give date")
    date: Date | None = Field(None, description="the date of the cost; its budget year is used")

    @model_validator(mode="after")
    def _when(self) -> OneOffLine:
        if (self.year is None) == (self.date is None):
            raise PydanticCustomError("one_of", "give year or date", {"options": "year eller date"})
        return self


class Basis(_Model):
    """What a document states beside a lump sum, e.g. "150 %, 35 000 kr/mån".

    Given any two of monthly salary, FTE and on-cost factor, ``grantcalc check
    --implied`` tells what the amounts imply for the third.
    """

    monthly_salary: PositiveMoney | None = None
    fte: Share | None = None
    on_cost: Factor | None = None


class ExplicitLine(_Line):
    """Amounts per budget year as a document states them (years left out are 0)."""

    kind: Literal["explicit"] = "explicit"
    amounts: dict[YearKey, Number]
    basis: Basis | None = Field(None, description="what the document states beside the amounts (salary, FTE)")


class PercentageLine(_Line):
    """Rate × the sum of chosen lines or categories in the same year (overheads)."""

    kind: Literal["percentage"] = "percentage"
    rate: Rate
    of: Base = Field(default_factory=Base)


class InKindLine(_Line):
    """A cost a party carries in kind (*i form av lokal/personal*): in the budget,
    not in the amount applied for. The amount may be left out when the document
    gives none."""

    kind: Literal["in_kind"] = "in_kind"
    party: Text = Field(description="who carries the cost")
    amount: Money | None = None
    per: Per | None = None
    amounts: dict[YearKey, Money] | None = None
    by_year: dict[YearKey, RecurringYear] = Field(default_factory=dict)
    in_kind: ClassVar[bool] = True

    @model_validator(mode="after")
    def _forms(self) -> InKindLine:
        if self.amounts is not None and self.amount is not None:
            raise PydanticCustomError("only_one_of", "give amount or amounts", {"options": "amount, amounts"})
        if (self.amount is None) != (self.per is None):
            raise PydanticCustomError("one_of", "amount needs per", {"options": "amount och per"})
        return self

    @property
    def has_amount(self) -> bool:
        return self.amount is not None or self.amounts is not None


Line = Annotated[
    SalaryLine | PlacesLine | RecurringLine | PerUnitLine | OneOffLine | ExplicitLine | PercentageLine | InKindLine,
    Field(discriminator="kind"),
]


def active_window(line: Line, year: BudgetYear) -> tuple[date, date]:
    """The days of budget ``year`` that ``line`` runs: its own ``start`` and ``end`` clipped to the year's
    (the line is not active that year when the first day comes after the last)."""
    start = max(year.start, line.start) if line.start else year.start
    end = min(year.end, line.end) if line.end else year.end
    return start, end

KIND_NAMES_SV = {
    "salary": "lön", "places": "platser", "recurring": "återkommande belopp", "per_unit": "per enhet",
    "one_off": "engångsbelopp", "explicit": "angivna belopp", "percentage": "procent av andra rader",
    "in_kind": "i natura",
}

LINE_KINDS = {
    "salary": SalaryLine, "places": PlacesLine, "recurring": RecurringLine, "per_unit": PerUnitLine,
    "one_off": OneOffLine, "explicit": ExplicitLine, "percentage": PercentageLine, "in_kind": InKindLine,
}
