"""Per-kind calculation of a line's exact amount in each budget year.

Every calculator returns, per budget-year key, the exact (unrounded) amount as
a ``Fraction`` and the formula steps that produced it; the engine rounds once.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from fractions import Fraction
from functools import lru_cache

from grantcalc.budget.lines import (
    ExplicitLine,
    InKindLine,
    OneOffLine,
    PerUnitLine,
    PlacesLine,
    RecurringLine,
    SalaryLine,
)
from grantcalc.compute.formula import Step, Term
from grantcalc.periods import BudgetYear, Proration, months_between
from grantcalc.rounding import RoundingRule, round_value, to_fraction

__all__ = ["Slice", "Result", "RaiseChain", "raise_dates", "raise_rule", "salary", "places", "recurring", "per_unit",
           "one_off", "explicit", "in_kind"]

ONE = Fraction(1)
TWELVE = Fraction(12)
TWELFTH = Fraction(1, 12)


@dataclass(frozen=True, slots=True)
class Slice:
    """The part of a budget year a line is active in, and the months it counts."""

    year: BudgetYear
    start: date | None  # None: inactive this year
    end: date | None
    months: Fraction
    stated: bool  # months stated in the file rather than counted from dates


@dataclass(frozen=True, slots=True)
class Result:
    exact: Fraction
    steps: tuple[Step, ...] = ()


ZERO = Result(Fraction(0))


# --- salary ------------------------------------------------------------------

def raise_dates(line: SalaryLine, since: date, until: date) -> list[date]:
    if line.annual_raise is None:
        return []
    month, day = line.annual_raise.effective
    out = []
    for year in range(since.year, until.year + 1):
        try:
            d = date(year, month, day)
        except ValueError:  # 29 Feb in a common year
            d = date(year, 3, 1)
        if since < d <= until:
            out.append(d)
    return out


@lru_cache(maxsize=1024)  # the lines of a budget share their slices and raise dates: split each once
def _pieces(sl: Slice, cuts: tuple[date, ...], proration: Proration) -> tuple[Fraction, ...]:
    """Months of each piece of a slice split at raise dates.

    Each piece gets the months of the span up to its end minus those before
    it, so the pieces always add up to the slice's months — also when a raise
    on the 16th cuts a month that whole- or half-month proration rounds.
    Stated months are allocated to the pieces in order.
    """
    assert sl.start is not None and sl.end is not None
    inner = [d for d in cuts if sl.start < d <= sl.end]
    total = sl.months if sl.stated else months_between(sl.start, sl.end, proration)
    before = [min(months_between(sl.start, d - timedelta(days=1), proration), total) for d in inner]
    bounds = [Fraction(0)] + before + [total]
    return tuple(bounds[i + 1] - bounds[i] for i in range(len(bounds) - 1))


def raise_rule(line: SalaryLine) -> RoundingRule | None:
    """The rounding of a raised salary: the raise's own (``rounding: {step: 100}``), else none (exact)."""
    raise_ = line.annual_raise
    return raise_.rounding.rule() if raise_ is not None and raise_.rounding is not None else None


class RaiseChain:
    """The wage of a salary line over time — its monthly salary, or its hourly rate — the one rule of raises
    for every stage: raised by the line's ``annual_raise`` on each effective day after ``since`` up to
    ``until`` (:func:`raise_dates`), each raise on the wage in force before it, rounded by ``rule``; a
    salary stated for a budget year holds for that whole year and later raises start from it
    (:meth:`restart`).

    ``wage``: the wage in force; ``pending``: the raise days still to come, in order.
    """

    def __init__(self, line: SalaryLine, since: date, until: date, rule: RoundingRule | None):
        raise_ = line.annual_raise
        wage = line.hourly_rate if line.hourly_rate is not None else line.monthly_salary
        assert wage is not None  # a salary line gives monthly_salary or hourly_rate
        self.wage = to_fraction(wage)
        self.pending = deque(raise_dates(line, since, until))
        self.factor = 1 + to_fraction(raise_.rate) if raise_ is not None else ONE
        self.rule = rule

    def raised(self, wage: Fraction) -> Fraction:
        """``wage`` raised once: by the rate, rounded by the rule."""
        wage = wage * self.factor
        return to_fraction(round_value(wage, self.rule)) if self.rule is not None else wage

    def next_raise(self) -> None:
        """The next pending raise takes effect."""
        self.wage = self.raised(self.wage)
        self.pending.popleft()

    def raise_through(self, day: date) -> None:
        """Every pending raise up to and including ``day`` takes effect."""
        while self.pending and self.pending[0] <= day:
            self.next_raise()

    def due(self, day: date) -> int:
        """How many pending raises take effect up to and including ``day``."""
        return next((i for i, d in enumerate(self.pending) if d > day), len(self.pending))

    def restart(self, wage: Fraction, through: date) -> None:
        """A stated ``wage`` holds up to ``through`` (the end of its budget year): the raises up to then are
        dropped, and the next one raises it."""
        while self.pending and self.pending[0] <= through:
            self.pending.popleft()
        self.wage = wage


def salary(line: SalaryLine, slices: list[Slice], period_start: date, proration: Proration) -> dict[int, Result]:
    """Monthly (or hourly) wage × on-cost × FTE × months, raised on each effective date.

    The wage runs as a chain across the years (:class:`RaiseChain`): a raise applies to the wage
    in force before it (rounded to the raise's step, if any) and a raise inside a budget year
    splits that year. A salary stated for a year (``by_year.monthly_salary``) holds for that whole
    year; later raises start from it.
    """
    ref = line.start or period_start
    until = max((s.year.end for s in slices), default=ref)
    chain = RaiseChain(line, ref, until, raise_rule(line))
    results: dict[int, Result] = {}
    for sl in slices:
        key, year = sl.year.key, sl.year
        override = line.by_year.get(key)
        stated = override.monthly_salary if override is not None and line.hourly_rate is None else None
        if stated is not None:
            chain.restart(to_fraction(stated), year.end)
        else:
            chain.raise_through(sl.start or year.start)
        factor, preset = line.on_cost_of(year)  # a rate named: resolved for the year, with its source
        on_cost = to_fraction(factor)
        label = preset.label if preset is not None else None
        fte = to_fraction(line.value("fte", key) or 1) if not line.hourly else ONE  # FTE defaults to full time
        products, exact = [], Fraction(0)
        for i, months in enumerate(_salary_pieces(sl, chain, stated is not None, proration)):
            if i:
                chain.next_raise()
            if months == 0:
                continue
            terms, amount = _salary_terms(line, key, chain.wage, on_cost, fte, months, sl.months, label)
            products.append(terms)
            exact += amount
        chain.raise_through(year.end)
        results[key] = Result(exact, (Step(tuple(products), exact),)) if products else ZERO
    return results


def _salary_pieces(sl: Slice, chain: RaiseChain, stated: bool, proration: Proration) -> tuple[Fraction, ...]:
    """The months of a slice between the raises inside it: one piece for a stated salary (it holds the
    whole year) or a year the line is not active in, none for a year of no months."""
    if sl.months == 0:
        return ()
    if stated or sl.start is None or sl.end is None:
        return (sl.months,)
    end = sl.end
    return _pieces(sl, tuple(d for d in chain.pending if d <= end), proration)


def _salary_terms(line: SalaryLine, key: int, wage: Fraction, on_cost: Fraction, fte: Fraction,
                  months: Fraction, year_months: Fraction,
                  label: str | None = None) -> tuple[tuple[Term, ...], Fraction]:
    """The terms of one piece of a salary year; ``label``: the rate an on-cost factor was named by
    (:attr:`grantcalc.rates.RateUse.label`), which the formula cites with the factor."""
    if line.hours is not None:  # the hourly form
        override = line.by_year.get(key)
        if override and override.hours is not None:
            hours = to_fraction(override.hours) * (months / year_months if year_months else 0)
        else:
            hours = to_fraction(line.hours) * months / TWELVE
        hourly = wage if line.hourly_rate is not None else wage * TWELVE / to_fraction(line.hours_per_year)
        terms = [Term(hours, "hours"), Term(hourly, "kr/hour")]
        if on_cost != 1 or label:
            terms.append(Term(on_cost, "factor", label=label))
        return tuple(terms), hours * hourly * on_cost
    terms = [Term(wage, "kr")]
    if on_cost != 1 or label:
        terms.append(Term(on_cost, "factor", label=label))
    if fte != 1:
        terms.append(Term(fte, "percent"))
    terms.append(Term(months, "months"))
    return tuple(terms), _times(wage, on_cost, fte, months)


# --- places, recurring, per unit -----------------------------------------------

def _share_terms(months: Fraction) -> tuple[Term, ...]:
    return () if months == TWELVE else (Term(months, "year_share"),)


def places(line: PlacesLine, slices: list[Slice]) -> dict[int, Result]:
    """Price per ``per_places`` places a year × places, prorated by months.

    With ``annual_rounding`` the full-year amount is rounded first (step 1),
    then prorated (step 2): ``650 000 kr/år × 40/15 platser = 1 733 333,33
    kr/år, avrundat uppåt till 1 735 000 kr/år; 1 735 000 kr/år × 9/12``.
    """
    out: dict[int, Result] = {}
    for sl in slices:
        if sl.months == 0:
            out[sl.year.key] = ZERO
            continue
        key = sl.year.key
        price, count = to_fraction(line.value("price", key)), to_fraction(line.value("places", key))
        per = line.per_places
        annual_exact = price * count / per
        terms: tuple[Term, ...] = (Term(price, "kr/year"),)
        if count != per:
            terms += (Term(count, "places", label=str(per) if per != 1 else None),)
        rule = line.annual_rounding.rule() if line.annual_rounding else None
        annual_rounded = round_value(annual_exact, rule) if rule else None
        annual = to_fraction(annual_rounded) if annual_rounded is not None else annual_exact
        first = Step((terms,), annual_exact, annual_rounded, rule, per_year=True)
        if sl.months == TWELVE:
            out[key] = Result(annual, (first,))
            continue
        exact = _times(annual, sl.months, TWELFTH)
        shown_first = len(terms) > 1 or annual != annual_exact
        second_terms = ((Term(annual, "kr/year"),) if shown_first else terms) + _share_terms(sl.months)
        steps = ((first,) if shown_first else ()) + (Step((second_terms,), exact),)
        out[key] = Result(exact, steps)
    return out


def _periodic(amount: Fraction, per: str, months: Fraction, extra: tuple[Term, ...] = ()) -> Result:
    if per == "month":
        exact = _times(amount, months, *(to_fraction(t.value) for t in extra))
        terms = (Term(amount, "kr/month"),) + extra + (Term(months, "months"),)
    else:
        exact = _times(amount, months, TWELFTH, *(to_fraction(t.value) for t in extra))
        terms = (Term(amount, "kr/year"),) + extra + _share_terms(months)
    return Result(exact, (Step((terms,), exact),))


def _times(*factors: Fraction) -> Fraction:
    """The exact product of ``factors``, reduced once (``a * b * c`` would reduce after each step;
    this is the hot path of every computation)."""
    numerator = denominator = 1
    for f in factors:
        numerator *= f.numerator
        denominator *= f.denominator
    return Fraction(numerator, denominator)


def recurring(line: RecurringLine | InKindLine, slices: list[Slice]) -> dict[int, Result]:
    out: dict[int, Result] = {}
    for sl in slices:
        key = sl.year.key
        if sl.months == 0:
            out[key] = ZERO
            continue
        out[key] = _periodic(to_fraction(line.value("amount", key)), line.value("per", key), sl.months)
    return out


def per_unit(line: PerUnitLine, slices: list[Slice]) -> dict[int, Result]:
    out: dict[int, Result] = {}
    for sl in slices:
        key = sl.year.key
        if sl.months == 0:
            out[key] = ZERO
            continue
        extra: tuple[Term, ...] = (Term(to_fraction(line.value("count", key)), "count", line.unit),)
        frequency = to_fraction(line.value("frequency", key))
        if frequency != 1:
            extra += (Term(frequency, "times"),)
        out[key] = _periodic(to_fraction(line.value("unit_cost", key)), line.value("per", key), sl.months, extra)
    return out


# --- stated amounts -------------------------------------------------------------

def _stated(amount: Decimal) -> Result:
    exact = to_fraction(amount)
    return Result(exact, (Step(((Term(amount, "kr"),),), exact),))


def one_off(line: OneOffLine, slices: list[Slice]) -> dict[int, Result]:
    out = {}
    for sl in slices:
        if line.year is not None:
            hit = line.year == sl.year.key
        else:
            assert line.date is not None  # a one-off line gives year or date
            hit = sl.year.contains(line.date)
        out[sl.year.key] = _stated(line.amount) if hit else ZERO
    return out


def _amounts(amounts: dict[int, Decimal], slices: list[Slice]) -> dict[int, Result]:
    """Amounts stated per budget year; years left out are 0."""
    return {sl.year.key: _stated(amounts[sl.year.key]) if sl.year.key in amounts else ZERO for sl in slices}


def explicit(line: ExplicitLine, slices: list[Slice]) -> dict[int, Result]:
    return _amounts(line.amounts, slices)


def in_kind(line: InKindLine, slices: list[Slice]) -> dict[int, Result]:
    if line.amounts is not None:
        return _amounts(line.amounts, slices)
    if line.amount is not None:
        return recurring(line, slices)
    return {sl.year.key: ZERO for sl in slices}
