"""The budget: project metadata, period, rounding, categories and lines.

Build it from a file with :func:`grantcalc.load` or in Python::

    from grantcalc import Budget
    budget = Budget.model_validate({"project": {...}, "period": {...}, "lines": [...]})

Structural problems raise pydantic's ``ValidationError``; problems between
fields (duplicate names, unknown categories, dates outside the period…) raise
:class:`grantcalc.errors.BudgetError` listing all of them.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from functools import cached_property
from typing import TYPE_CHECKING, Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, model_validator
from pydantic_core import PydanticCustomError

from grantcalc.budget.actuals import Actual, Participants
from grantcalc.budget.categories import BUILTIN, Category, normalise
from grantcalc.budget.financing import Funder
from grantcalc.budget.lines import Line, Rounding
from grantcalc.budget.plan import Activity
from grantcalc.budget.stated import TOTAL, AppliedAmount, Stated, StatedFigure, StatedRow, row_total
from grantcalc.budget.types import Date, Money, Months, Portion, Text, YearKey
from grantcalc.errors import BudgetError, GrantcalcError, Problem, Severity
from grantcalc.periods import BudgetYear, Proration, YearScheme, budget_years

if TYPE_CHECKING:
    from pathlib import Path

    import pandas as pd

    from grantcalc.check import CheckResult
    from grantcalc.compute import Computation
    from grantcalc.followup import Diff, FollowUp
    from grantcalc.loader.source import Source
    from grantcalc.scenario import Seek

__all__ = ["Budget", "Project", "Party", "Contact", "Signatory", "Period", "CategorySpec", "Statement", "Subtotal",
           "Call", "PROFILES"]


class _Model(BaseModel):
    # defer_build: a model builds its validator when first used, not on import (start-up time)
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True, defer_build=True)


class Contact(_Model):
    role: Text = Field(description="e.g. insatsledare, kontaktperson, ekonomiansvarig")
    name: str | None = None
    phone: str | None = None
    mobile: str | None = Field(None, description="mobiltelefonnummer")
    email: str | None = None


class Signatory(_Model):
    """The person who signs for a party (*firmatecknare*, the one who may represent it). A plain
    string is the name."""

    name: Text
    position: str | None = Field(None, description="befattning")
    email: str | None = None

    @model_validator(mode="before")
    @classmethod
    def _from_name(cls, value: Any) -> Any:
        return {"name": value} if isinstance(value, str) else value


class Party(_Model):
    """A party to the project (*part*, *förbundsmedlem*). A plain string is its name."""

    name: Text
    role: str | None = Field(None, description="e.g. insatsägare, medsökande, förbundsmedlem")
    organisation_number: str | None = None
    unit: str | None = Field(None, description="arbetsställe")
    contacts: list[Contact] = Field(default_factory=list)
    signatory: Signatory | None = Field(None, description="the person who signs the application for the party")

    @model_validator(mode="before")
    @classmethod
    def _from_name(cls, value: Any) -> Any:
        return {"name": value} if isinstance(value, str) else value


PROFILES = ("esf-plus", "arvsfonden", "samordningsforbund", "amif")  # grantcalc/profiles/data/<name>.yaml


class Call(_Model):
    """What the call (*utlysningen*) or the funder's decision sets, which the funder's profile checks
    the budget against (``grantcalc check``): ESF+'s exact co-financing share, a shorter maximum
    duration, the granted amount (*beviljat belopp*, *ram*) as a ceiling."""

    name: str | None = Field(None, description="the call, e.g. its name and diary number")
    co_financing: Portion | None = Field(
        None, description="the share of the costs others than the funder finance, exactly: \"46 %\"")
    co_financing_tolerance: Portion | None = Field(
        None, description="how far the co-financing may be from the share (\"0,5 %\"); left out: exactly")
    max_months: Annotated[int, Field(ge=1, le=600)] | None = Field(
        None, description="the longest project the call allows, in months (the profile's otherwise)")
    ceiling: Money | None = Field(None, description="the granted amount: the amount applied for at most this")
    ceiling_per_year: Money | None = Field(None, description="the granted amount per budget year, at most")


class Project(_Model):
    name: Text = Field(description="insatsens/projektets namn")
    applicant: str | None = Field(None, description="sökande / insatsägare")
    funder: str | None = Field(None, description="finansiär, e.g. the samordningsförbund")
    funder_address: str | None = Field(None, description="the funder's postal address, as its form prints it")
    funder_contacts: str | None = Field(None, description="the funder's contacts (kontaktuppgifter till förbundet)")
    parties: list[Party] = Field(default_factory=list)
    description: str | None = None
    currency: Literal["SEK"] = "SEK"
    language: Literal["sv", "en"] = "sv"
    profile: Literal["esf-plus", "arvsfonden", "samordningsforbund", "amif", "none"] | None = Field(
        None, description="the funder's rules checked (grantcalc check); left out: from the funder's name")
    call: Call | None = Field(None, description="what the call or the decision sets (co-financing, ceiling)")
    rates: str | None = Field(
        None, description="a rate file of the budget's own, beside the budget file: rates over the shipped ones")


class Period(_Model):
    start: Date
    end: Date
    budget_years: YearScheme = Field(YearScheme.calendar, description="calendar, project (År 1, År 2…) or fiscal")
    fiscal_year_start: int | None = Field(None, ge=1, le=12, description="month a fiscal year starts (fiscal only)")
    proration: Proration = Field(Proration.days, description="days (exact), half_months or whole_months")
    months: dict[YearKey, Months] = Field(
        default_factory=dict, description="months per budget year as the document states them, overriding the dates")


class CategorySpec(_Model):
    """A category of the budget's own. A plain string is its name (and key)."""

    key: Text
    name: Text
    name_en: str | None = None

    @model_validator(mode="before")
    @classmethod
    def _from_name(cls, value: Any) -> Any:
        if isinstance(value, str):
            return {"key": value, "name": value}
        if isinstance(value, dict) and "key" not in value and "name" in value:
            return {**value, "key": value["name"]}
        return value


class Subtotal(_Model):
    """A sub-total row a document prints (*Summa personal*): the sum of some lines and categories per
    budget year and in total, which ``grantcalc check`` compares with the lines' amounts."""

    name: Text = Field(description="the row's name as the document prints it: \"Summa personal\"")
    lines: list[Text] = Field(default_factory=list, description="the cost lines it sums, by name")
    categories: list[Text] = Field(
        default_factory=list, description="the categories it sums (kostnadsslag): every line of each, in kind too")
    stated: StatedRow = Field(
        default_factory=dict, description="the row as the document states it: {2024: …, total: …}")

    @model_validator(mode="after")
    def _sums_something(self) -> Subtotal:
        if not (self.lines or self.categories):
            raise PydanticCustomError("one_of", "give lines or categories", {"options": "lines eller categories"})
        return self


class Statement(_Model):
    """What a document states about the budget as a whole (*vad ansökan anger*)."""

    costs: StatedRow = Field(default_factory=dict, description="the cost budget's Summa row: per year and total")
    financing: StatedRow = Field(default_factory=dict, description="the financing budget's Summa row")
    applied_amount: AppliedAmount | None = Field(
        None, description="sökt belopp, as the document states it: one figure, or per budget year and total "
                          "({2024: …, 2025: …, total: …})")
    plan: Stated | None = Field(None, description="the time and activity plan's Summa")
    subtotals: list[Subtotal] = Field(
        default_factory=list, description="sub-total rows of the cost budget: {name: Summa personal, lines: […], "
                                          "categories: […], stated: {2024: …, total: …}}")

    @property
    def applied_row(self) -> dict[int | str, StatedFigure]:
        """The applied amount as a row: per budget year and ``total`` (one figure is the total)."""
        applied = self.applied_amount
        if applied is None:
            return {}
        return {TOTAL: applied} if isinstance(applied, StatedFigure) else dict(applied)

    @property
    def applied_total(self) -> Decimal | None:
        """The applied amount stated in all: the one figure, the row's total, or the sum of its years."""
        return row_total(self.applied_row)


class Budget(_Model):
    """A grant application's budget (*kostnadsbudget*) and its financing (*finansieringsbudget*)."""

    project: Project
    period: Period
    rounding: Rounding = Field(default_factory=Rounding, description="budget-wide rounding of every line-year cell")
    categories: list[CategorySpec] = Field(default_factory=list)
    lines: list[Line] = Field(min_length=1)
    financing: list[Funder] = Field(
        default_factory=list,
        description="finansiärer; left out: the project's funder covers the costs and in-kind lines their parties")
    plan: list[Activity] = Field(default_factory=list, description="tids- och aktivitetsplan")
    stated: Statement = Field(default_factory=Statement, description="figures as the document states them")
    actuals: list[Actual] = Field(
        default_factory=list, description="utfall: what was spent per line or category and period (or received)")
    participants: Participants | None = Field(None, description="deltagare: planned and reached, per budget year")

    _source: Source | None = PrivateAttr(None)  # set by the loader when read from a file
    _warnings: list[Problem] = PrivateAttr(default_factory=list)

    @model_validator(mode="after")
    def _semantics(self) -> Budget:
        from grantcalc.budget.validate import validate_budget

        problems = validate_budget(self)
        errors = [p for p in problems if p.severity is Severity.error]
        if errors:  # every problem in one run: the warnings too
            raise BudgetError(problems)
        self._warnings = [p for p in problems if p.severity is not Severity.error]
        return self

    @model_validator(mode="after")
    def _presets(self) -> Budget:
        """The rates the lines name (``on_cost: {rate: …}``) exist, in the shipped rates; with
        ``project.rates`` they are judged when the rate file is read (:meth:`located`)."""
        from grantcalc.budget.lines import _UNBOUND

        named = self._rate_presets()
        if not named:
            return self
        if self.project.rates is not None:
            for _, preset in named:
                preset.bind(_UNBOUND)  # until the budget's own rate file is read
            return self
        from grantcalc import rates

        problems = rates.reference_problems([(path, p.rate, p.year) for path, p in named], rates.shipped())
        if problems:
            raise BudgetError(self._warnings + problems)
        return self

    def _rate_presets(self) -> list[tuple[tuple, Any]]:
        from grantcalc.budget.lines import SalaryLine

        return [(("lines", i, *path), preset) for i, line in enumerate(self.lines) if isinstance(line, SalaryLine)
                for path, preset in line.presets()]

    # --- derived facts -------------------------------------------------------
    @cached_property
    def years(self) -> tuple[BudgetYear, ...]:
        """The budget years of the period, in order."""
        p = self.period
        return tuple(budget_years(p.start, p.end, p.budget_years, p.fiscal_year_start or 1))

    @cached_property
    def category_index(self) -> dict[str, Category]:
        """Every name a category can be called by (normalised) → the category."""
        index: dict[str, Category] = {}
        for spec in self.categories:
            cat = Category(spec.key, spec.name, spec.name_en or spec.name)
            for alias in (spec.key, spec.name, spec.name_en):
                if alias:
                    index[normalise(alias)] = cat
        for cat in BUILTIN:
            for alias in (cat.key, cat.sv, cat.en):
                index.setdefault(normalise(alias), cat)
        return index

    def category(self, name: str) -> Category:
        """The category a line's ``category`` names (raises ``KeyError`` if unknown)."""
        return self.category_index[normalise(name)]

    @property
    def lines_by_name(self) -> Mapping[str, Line]:
        """The lines by name (read, do not change), built once per list of lines. Not a
        ``cached_property``: ``model_copy`` (a scenario's new lines) copies the instance's dict,
        and with it a stale index."""
        cached = self.__dict__.get("_lines_index")
        if cached is None or cached[0] is not self.lines:
            cached = (self.lines, {line.name: line for line in self.lines})
            self.__dict__["_lines_index"] = cached
        return cached[1]

    @cached_property
    def _years_by_key(self) -> dict[int, BudgetYear]:
        return {year.key: year for year in self.years}

    def line(self, name: str) -> Line:
        """The line named ``name`` (raises ``KeyError`` if there is none)."""
        return self.lines_by_name[name]

    def year(self, key: int) -> BudgetYear:
        """The budget year with key ``key`` (raises ``KeyError`` if there is none)."""
        return self._years_by_key[key]

    @property
    def warnings(self) -> list[Problem]:
        """Plausibility warnings found while validating (e.g. an on-cost factor above 3)."""
        source = self._source
        if source is None:
            return list(self._warnings)
        return [source.locate(p) for p in self._warnings]

    @property
    def source(self) -> Source | None:
        """Where the budget was read from (file name and positions), or None."""
        return self._source

    def located(self, source: Source | None) -> Budget:
        """This budget, its findings from now on located in ``source`` (the file it was read
        from: the loader sets it; a scenario's budget keeps its base's); returns the budget.

        A budget with a rate file of its own (``project.rates``, beside the budget file) reads it
        here and binds the rates its lines name to it: :class:`BudgetError` (located) for a file
        that is missing or invalid, or a rate it does not have."""
        self._source = source
        if self.project.rates is not None and (named := self._rate_presets()):
            from grantcalc import rates

            try:
                table = rates.table_for(self)
                problems = rates.reference_problems([(path, p.rate, p.year) for path, p in named], table)
            except GrantcalcError as err:
                problems = err.problems
            if problems:
                located = [source.locate(p) if source is not None and p.file is None else p for p in problems]
                raise BudgetError(located)
            for _, preset in named:
                preset.bind(table)
        return self

    @property
    def language(self) -> str:
        return self.project.language

    def funder(self, name: str) -> Funder:
        for funder in self.financing:
            if funder.name == name:
                return funder
        raise KeyError(name)

    # --- as a file again ----------------------------------------------------------
    def to_yaml(self) -> str:
        """The budget as the text of a YAML budget file (see :mod:`grantcalc.budget.serialize`)."""
        from grantcalc.budget.serialize import to_yaml

        return to_yaml(self)

    def save(self, path, *, force: bool = False):
        """Write the budget as a YAML file, atomically; an existing file only with ``force``."""
        from grantcalc.write import write_text_atomic

        return write_text_atomic(path, self.to_yaml(), force=force)

    # --- the pipeline, scenarios and display: installed by grantcalc.facade -------
    # The model imports no stage above it. The conveniences a user calls on a budget
    # (budget.compute(), .check(), .to_docx(), .sweep(), …) are added to the class by the
    # façade at the top of the package (grantcalc/facade.py), which `import grantcalc`
    # always runs; they are declared here for type checkers only.
    if TYPE_CHECKING:
        def compute(self) -> Computation: ...
        def check(self, *, implied: bool = False) -> CheckResult: ...
        def report(self, lang: str | None = None, *, implied: bool = False, width: int | None = None) -> str: ...
        def to_docx(self, path: str | Path, *, template: str | Path | None = None,
                    lang: str | None = None, force: bool = False, charts: bool = True) -> Path: ...
        def with_values(self, values: dict[Any, Any]) -> Budget: ...
        def sweep(self, parameters: dict[Any, Any], *, grid: bool = True, lang: str | None = None,
                  applied: bool = True) -> pd.DataFrame: ...
        def seek(self, parameter: Any, *, cap: Any = None, target: Any = None, metric: Any = "total",
                 year: Any = None, step: Any = None, lo: Any = None, hi: Any = None) -> Seek: ...
        def followup(self, actuals: Any = None, *, as_of: Any = None) -> FollowUp: ...
        def diff(self, other: Budget, *, profile: str | None = None) -> Diff: ...
        def _repr_html_(self) -> str | None: ...

    def __repr__(self) -> str:
        """``Budget('name', 9 lines, 2024-09-15 – 2027-09-14)``: computes nothing (the report
        is ``budget.report()``, and a notebook shows it as HTML)."""
        try:
            p = self.period
            return f"Budget({self.project.name!r}, {len(self.lines)} lines, {p.start} – {p.end})"
        except Exception:  # noqa: BLE001 - a repr never raises, even on a half-built object
            return object.__repr__(self)
