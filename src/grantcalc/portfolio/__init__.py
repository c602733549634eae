"""A förbund's portfolio (*insatsportfölj*): every insats per calendar year — what it applies for, what
it costs, what others co-finance, the participants it plans — the sum against the förbund's yearly
frame and what is left, the members' contributions, and each insats's findings.

:func:`portfolio` builds it from budget files; :mod:`grantcalc.portfolio.output` writes it as text,
JSON, HTML or an Excel workbook (``grantcalc portfolio``).

**Years.** The portfolio counts calendar years. A budget of calendar years adds its years as they are;
a budget of project or fiscal years adds each year's amounts to the calendar year that budget year
starts in (exact when its years start on 1 January; otherwise the insats gets the finding
``portfolio.year_moved``, an info). The per-year table therefore adds up to the sum of the insatser.

**Members.** A samordningsförbund is financed by its members: the state half, the region a quarter,
the kommuner a quarter shared by a key the members file gives (population, say) — the shares are the
shipped rates ``finsam-staten``, ``finsam-region``, ``finsam-kommuner`` unless the file gives its own.
Each year's contributions are of the frame (else of what the insatser apply for), in whole kronor, the
remainders given to the largest fractions so they add up to it exactly.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from grantcalc.budget.types import Portion
from grantcalc.errors import BudgetError, GrantcalcError, Problem, Severity, SourceError
from grantcalc.periods import YearScheme

__all__ = ["Insats", "Member", "Portfolio", "portfolio", "read_members", "parse_frame", "Members"]

ZERO = Decimal(0)


@dataclass
class Insats:
    """One budget of the portfolio, per calendar year."""

    file: str
    name: str | None = None
    funder: str | None = None
    profile: str | None = None
    applied: dict[int, Decimal] = field(default_factory=dict)
    cost: dict[int, Decimal] = field(default_factory=dict)
    cofinancing: dict[int, Decimal] = field(default_factory=dict)
    participants: dict[int, int] = field(default_factory=dict)
    participants_total: int | None = None
    findings: list[Problem] = field(default_factory=list)
    ok: bool = True
    readable: bool = True

    def count(self, severity: Severity) -> int:
        return sum(1 for p in self.findings if p.severity is severity)

    def total(self, row: dict[int, Decimal]) -> Decimal:
        return sum(row.values(), start=ZERO)


@dataclass
class Member:
    """A member of the förbund and what it contributes per calendar year."""

    name: str
    group: str  # state, region, kommun
    share: Fraction  # of each year's basis
    amounts: dict[int, Decimal] = field(default_factory=dict)


@dataclass
class Portfolio:
    insatser: list[Insats]
    frame: dict[int, Decimal] = field(default_factory=dict)
    members: list[Member] = field(default_factory=list)
    basis: str = "frame"  # what the members' contributions are of: frame, applied
    findings: list[Problem] = field(default_factory=list)  # the portfolio's own (over the frame)

    @property
    def years(self) -> list[int]:
        """Every calendar year from the first an insats or the frame has to the last, gaps included."""
        found: set[int] = set(self.frame)
        for insats in self.insatser:
            found.update(insats.applied, insats.cost)
        return list(range(min(found), max(found) + 1)) if found else []

    def total(self, year: int) -> Decimal:
        """What the insatser apply for in ``year``."""
        return sum((i.applied.get(year, ZERO) for i in self.insatser), start=ZERO)

    @property
    def grand_total(self) -> Decimal:
        return sum((self.total(y) for y in self.years), start=ZERO)

    def left(self, year: int) -> Decimal | None:
        """The frame less what is applied for, in a year the frame is given for."""
        return self.frame[year] - self.total(year) if year in self.frame else None

    def all_findings(self) -> list[Problem]:
        return [p for i in self.insatser for p in i.findings] + self.findings

    def ok(self, strict: bool = False) -> bool:
        bad = {Severity.error, Severity.warning} if strict else {Severity.error}
        return all(i.ok and i.readable for i in self.insatser) and not any(
            p.severity in bad for p in self.all_findings())


# --- the frame and the members file ---------------------------------------------------------------

def parse_frame(values: Iterable[str]) -> dict[int, Decimal]:
    """``["2025=4000000", "2026=4 100 000"]`` → ``{2025: Decimal(4000000), …}``; also ``2025=…,2026=…``.
    :class:`SourceError` (``portfolio.frame_value``) for what is not YEAR=AMOUNT."""
    from grantcalc.money import NumberError, to_decimal

    out: dict[int, Decimal] = {}
    for given in values:
        for part in filter(None, (p.strip() for p in given.split(","))):
            year, sep, amount = part.partition("=")
            try:
                if not sep or not year.strip().isdigit() or len(year.strip()) != 4:
                    raise ValueError(part)
                value = to_decimal(amount)
                if value < 0:
                    raise ValueError(part)
            except (ValueError, NumberError):
                raise SourceError(Problem("portfolio.frame_value", params={"value": part})) from None
            out[int(year)] = value
    return out


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class _Named(_Model):
    name: str = Field(min_length=1)


class _Kommun(BaseModel):
    model_config = ConfigDict(extra="allow", frozen=True, str_strip_whitespace=True)

    name: str = Field(min_length=1)


class _Kommuner(_Model):
    key: str = Field(min_length=1, description="the number each kommun's share is counted by: population")
    members: list[_Kommun] = Field(min_length=1)


class _Shares(_Model):
    state: Portion | None = None
    region: Portion | None = None
    kommuner: Portion | None = None


class Members(_Model):
    """A members file: the state, the region and the kommuner with the key they share their part by."""

    name: str | None = Field(None, description="the förbund")
    state: _Named
    region: _Named
    kommuner: _Kommuner
    shares: _Shares = Field(default_factory=_Shares)

    @field_validator("kommuner")
    @classmethod
    def _keyed(cls, kommuner: _Kommuner) -> _Kommuner:
        from pydantic_core import PydanticCustomError

        from grantcalc.money import NumberError, to_decimal

        for member in kommuner.members:
            value = (member.model_extra or {}).get(kommuner.key)
            try:
                number = to_decimal(value) if value is not None else None
            except NumberError:
                number = None
            if number is None or number <= 0:
                raise PydanticCustomError("members_key", "{name} has no {key}", {"name": member.name,
                                                                                   "key": kommuner.key})
        return kommuner


def read_members(path: str | Path) -> Members:
    """The members file at ``path``; :class:`SourceError` / :class:`BudgetError`, located."""
    from grantcalc.inputs import read_bounded
    from grantcalc.rates.read import validation_problems, yaml_data

    name = str(path)
    data, lines = yaml_data(read_bounded(path, 1024 * 1024, name=name), name)
    try:
        return Members.model_validate(data if data is not None else {})
    except ValidationError as err:
        raise BudgetError(validation_problems(err, name, lines)) from None


def _shares(members: Members, first_day) -> tuple[Fraction, Fraction, Fraction]:
    from grantcalc import rates

    table = rates.shipped()

    def share(given: Decimal | None, name: str) -> Fraction:
        if given is not None:
            return Fraction(given)
        rate = table.get(name)
        value = rate.value_on(first_day) or rate.latest
        return Fraction(value.value)

    s = members.shares
    return (share(s.state, "finsam-staten"), share(s.region, "finsam-region"), share(s.kommuner, "finsam-kommuner"))


def _apportion(total: Decimal, weights: Sequence[Fraction]) -> list[Decimal]:
    """``total`` shared by ``weights`` (which add up to 1) in whole kronor (öre when ``total`` has them),
    the remainders to the largest fractions first, so the parts add up to ``total`` exactly."""
    unit = Decimal(1) if total == total.to_integral_value() else Decimal("0.01")
    units = int(Fraction(total) / Fraction(unit))
    exact = [Fraction(units) * w for w in weights]
    floors = [int(e) for e in exact]
    left = units - sum(floors)
    order = sorted(range(len(exact)), key=lambda i: (-(exact[i] - floors[i]), i))
    for i in order[:left]:
        floors[i] += 1
    return [Decimal(n) * unit for n in floors]


def _members(members: Members, basis: dict[int, Decimal]) -> list[Member]:
    from datetime import date

    first = date(min(basis), 1, 1) if basis else date.today()
    state, region, kommuner = _shares(members, first)
    if state + region + kommuner != 1:
        raise BudgetError(Problem("portfolio.members_shares", path=("shares",), params={
            "sum": state + region + kommuner}))
    key = members.kommuner.key
    weights = [Fraction(Decimal(str((m.model_extra or {})[key]))) for m in members.kommuner.members]
    whole = sum(weights)
    out = [Member(members.state.name, "state", state), Member(members.region.name, "region", region)]
    out += [Member(m.name, "kommun", kommuner * w / whole) for m, w in zip(members.kommuner.members, weights)]
    for year, amount in basis.items():
        for member, part in zip(out, _apportion(amount, [m.share for m in out])):
            member.amounts[year] = part
    return out


# --- the portfolio --------------------------------------------------------------------------------

def _calendar(budget, key: int) -> int:
    return budget.year(key).start.year


def _moved(budget) -> bool:
    """Whether a budget's years are not calendar years: each is counted in the year it starts."""
    period = budget.period
    if period.budget_years is YearScheme.calendar:
        return False
    if period.budget_years is YearScheme.fiscal:
        return (period.fiscal_year_start or 1) != 1
    return (period.start.month, period.start.day) != (1, 1)


def _insats(name: str, strict: bool) -> Insats:
    from grantcalc.loader import load

    shown = "<stdin>" if name == "-" else name
    try:
        budget = load(name)
        result = budget.check()
    except GrantcalcError as err:
        return Insats(shown, findings=list(err.problems), ok=False, readable=False)
    c = result.computation
    fin = c.financing
    row = fin.applicant_row
    insats = Insats(shown, budget.project.name, row.name if row is not None else budget.project.funder,
                    findings=list(result.findings), ok=result.ok(strict))
    from grantcalc.profiles import profile_of

    insats.profile = profile_of(budget)
    for y in c.years:
        year = _calendar(budget, y.key)
        cost = c.year_total(y.key)
        applied = row.amount(y.key) if row is not None and not row.in_kind else ZERO
        insats.cost[year] = insats.cost.get(year, ZERO) + cost
        insats.applied[year] = insats.applied.get(year, ZERO) + applied
        insats.cofinancing[year] = insats.cofinancing.get(year, ZERO) + fin.year_total(y.key) - applied
    people = budget.participants
    if people is not None:
        for key, planned in people.planned.items():
            if planned.people is not None:
                year = _calendar(budget, key)
                insats.participants[year] = insats.participants.get(year, 0) + int(planned.people)
        if people.total is not None and people.total.people is not None:
            insats.participants_total = int(people.total.people)
    if _moved(budget):
        from grantcalc.messages import phrase

        moved = Problem("portfolio.year_moved", Severity.info, ("period", "budget_years"), {
            "name": budget.project.name, "scheme": phrase(f"portfolio.scheme.{budget.period.budget_years}")})
        insats.findings.append(budget.source.locate(moved) if budget.source is not None else moved)
    return insats


def portfolio(budgets: Sequence[str | Path], frame: dict[int, Decimal] | None = None,
              members: Members | None = None, *, strict: bool = False) -> Portfolio:
    """The portfolio of the budget files ``budgets`` (each read, computed and checked), against
    ``frame`` (calendar year → the förbund's frame), with ``members``' contributions."""
    result = Portfolio([_insats(str(b), strict) for b in budgets], dict(frame or {}))
    for year in result.years:
        left = result.left(year)
        if left is not None and left < 0:
            result.findings.append(Problem("portfolio.over_frame", Severity.error, (), {
                "year": str(year), "amount": result.total(year), "cap": result.frame[year], "difference": left}))
    if members is not None:
        if result.frame:
            basis = {y: result.frame[y] for y in sorted(result.frame)}
            result.basis = "frame"
        else:
            basis = {y: result.total(y) for y in result.years}
            result.basis = "applied"
        result.members = _members(members, basis)
    return result
