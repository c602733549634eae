"""Checks between fields of a budget, run when a :class:`Budget` is built.

The checks are rules: small named functions that each yield the
:class:`~grantcalc.errors.Problem` values they find, with a field path (the
loader turns paths into file lines), run in order by :func:`validate_budget`
from the lists :data:`PERIOD_RULES`, :data:`RULES` (with :data:`LINE_RULES`
for each line, :data:`SALARY_RULES` for each salary line and
:data:`FUNDER_RULES` for each funder) and :data:`BASE_RULES`. Errors make the
budget invalid (all of them are reported at once); warnings are kept on
``budget.warnings``.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Collection, Iterable, Iterator
from datetime import date
from decimal import Decimal
from functools import cached_property
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel

from grantcalc.budget.actuals import participants_rules
from grantcalc.budget.bases import (
    Cycle,
    PercentageBase,
    PercentageBases,
    base_lines,
    percentage_bases,
    percentage_order,
)
from grantcalc.budget.categories import normalise
from grantcalc.budget.financing import Funder, carries_in_kind
from grantcalc.budget.lines import (
    Base,
    ExplicitLine,
    InKindLine,
    Line,
    OneOffLine,
    PercentageLine,
    SalaryLine,
)
from grantcalc.budget.stated import TOTAL
from grantcalc.errors import Path, Problem, Severity
from grantcalc.periods import YearScheme

if TYPE_CHECKING:
    from grantcalc.budget.model import Budget

# the bases of percentage lines live in grantcalc.budget.bases; they are named here too, where they were
__all__ = ["validate_budget", "Context", "RULES", "PERIOD_RULES", "BASE_RULES", "LINE_RULES", "SALARY_RULES",
           "FUNDER_RULES", "percentage_order", "percentage_bases", "base_lines", "PercentageBase", "PercentageBases",
           "did_you_mean"]

ON_COST_LIMIT = Decimal(3)
FTE_LIMIT = Decimal(20)  # full-time equivalents on one line: more reads as a percentage (142 for 142 %)
MAX_PERIOD_YEARS = 50
LOW_SALARY = Decimal(1000)


def did_you_mean(word: str, candidates: Iterable[str]) -> str | None:
    """The closest candidate to a misspelt ``word``, if any is close."""
    close = difflib.get_close_matches(word, list(candidates), n=1, cutoff=0.6)
    return close[0] if close else None


MAX_HINT_COMPARISONS = 100_000  # names a validation compares misspellings with, for its "did you mean"s


class _Hints:
    """:func:`did_you_mean` within a budget of comparisons: each misspelling is compared with every
    name, so 5 000 misspelt references to 5 000 lines would compare 25 million pairs (minutes). Past
    the budget a misspelling is still reported, without a hint."""

    def __init__(self, comparisons: int = MAX_HINT_COMPARISONS):
        self.left = comparisons

    def __call__(self, word: str, candidates: Collection[str]) -> str | None:
        self.left -= len(candidates)
        return did_you_mean(word, candidates) if self.left >= 0 else None


# characters XML 1.0 (and so Word) cannot hold; tab, line feed and carriage return are fine
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
# invisible controls of writing direction: U+202E shows "Coach\u202etxt.exe" as "Coachexe.txt", so a name
# can read as another one ("Trojan Source"); left-to-right and right-to-left marks (U+200E, U+200F) are fine
BIDI = re.compile("[\u202a-\u202e\u2066-\u2069]")


def control_characters(value: Any, path: tuple = ()) -> Iterator[Problem]:
    """A problem for every text in ``value`` (a model, list, mapping or string) holding
    a control character, which no document can show."""
    found: list[Problem] = []
    _scan_texts(value, path, found)
    return iter(found)


_EITHER = re.compile(f"{CONTROL.pattern}|{BIDI.pattern}")


def _scan_texts(value: Any, path: tuple, found: list[Problem]) -> None:
    """:func:`control_characters` as one plain recursion (a budget of 10 000 lines has some
    200 000 values: nested generators took a third of its validation)."""
    kind = type(value)
    if kind is str:
        if _EITHER.search(value):  # one search for the common case, a clean text
            if hit := CONTROL.search(value):
                found.append(Problem("text.control_character", path=path,
                                     params={"char": f"U+{ord(hit.group()):04X}"}))
            if hit := BIDI.search(value):
                found.append(Problem("text.bidi_control", Severity.warning, path=path,
                                     params={"char": f"U+{ord(hit.group()):04X}"}))
    elif kind in _SCALARS:
        return
    elif isinstance(value, BaseModel):
        for name in kind.model_fields:
            _scan_texts(getattr(value, name), (*path, name), found)
    elif isinstance(value, (list, tuple)):
        for index, item in enumerate(value):
            _scan_texts(item, (*path, index), found)
    elif isinstance(value, dict):
        for key, item in value.items():
            _scan_texts(item, (*path, key), found)
    elif isinstance(value, str):  # a str subclass
        _scan_texts(str(value), path, found)


_SCALARS = frozenset((int, float, bool, Decimal, type(None), date))


Rule = Callable[["Budget", "Context"], Iterable[Problem]]
"""A rule of the whole budget: the problems it finds, in the order they are reported."""


def validate_budget(budget: Budget) -> list[Problem]:
    """Every problem of ``budget``: the texts first, then the rules of :data:`PERIOD_RULES` (each needs
    the period the ones before it found sound: the first to find a problem ends the validation), of
    :data:`RULES` and — once every reference is known — of :data:`BASE_RULES`, in order."""
    problems: list[Problem] = list(control_characters(budget))
    for period_rule in PERIOD_RULES:
        found = list(period_rule(budget))
        if found:
            return problems + found
    context = Context(budget)
    for rule in RULES:
        problems.extend(rule(budget, context))
    if not any(p.severity is Severity.error for p in problems):
        for rule in BASE_RULES:
            problems.extend(rule(budget, context))
    return problems


# --- the period: everything else needs one ---------------------------------------------------------

def _period_params(budget: Budget) -> dict[str, Any]:
    return {"start": budget.period.start.isoformat(), "end": budget.period.end.isoformat()}


def period_order(budget: Budget) -> Iterator[Problem]:
    """The period ends after it starts."""
    if budget.period.end < budget.period.start:
        yield Problem("budget.period_order", path=("period", "end"), params=_period_params(budget))


def period_length(budget: Budget) -> Iterator[Problem]:
    """At most :data:`MAX_PERIOD_YEARS` years (0024 for 2024 would be thousands of budget years)."""
    period = budget.period
    if period.end.year - period.start.year >= MAX_PERIOD_YEARS:
        yield Problem("budget.period_too_long", path=("period", "end"), params={
            **_period_params(budget), "count": period.end.year - period.start.year + 1, "limit": MAX_PERIOD_YEARS})


def fiscal_year(budget: Budget) -> Iterator[Problem]:
    """Fiscal years have a first month, other budget years none."""
    period = budget.period
    if period.budget_years is YearScheme.fiscal and period.fiscal_year_start is None:
        yield Problem("invalid.missing", path=("period", "fiscal_year_start"))
    if period.budget_years is not YearScheme.fiscal and period.fiscal_year_start is not None:
        yield Problem("budget.fiscal_month", path=("period", "fiscal_year_start"))


def period_years(budget: Budget) -> Iterator[Problem]:
    """Every budget year lies within the calendar (a year that would start before year 1 or after 9999)."""
    try:
        budget.years  # noqa: B018 - made here, where its failure is a problem
    except (ValueError, OverflowError):
        yield Problem("budget.period_range", path=("period", "end"), params=_period_params(budget))


PERIOD_RULES: list[Callable[[Budget], Iterable[Problem]]] = [period_order, period_length, fiscal_year, period_years]


class Context:
    """What the rules share: the budget years, the lines by name, the categories, the "did you mean"s'
    budget of comparisons (:class:`_Hints`, spent in the order of the rules), and the checks of a year
    key, a date and a reference."""

    def __init__(self, budget: Budget):
        self.budget = budget
        self.start, self.end = budget.period.start, budget.period.end
        self.years = frozenset(y.key for y in budget.years)
        self.year_list = tuple(", ".join(y.label(lang) for y in budget.years) for lang in ("sv", "en"))
        self.names: dict[str, int] = {}  # line name → its first position
        for i, line in enumerate(budget.lines):
            self.names.setdefault(line.name, i)
        self.categories = budget.category_index
        self.known_categories = sorted({c.sv for c in self.categories.values()})
        self.known_text = ", ".join(self.known_categories)
        self.hint = _Hints()

    @cached_property
    def funders(self) -> _Funders:
        return _Funders(self.budget.financing)

    def year(self, key: int | str, path: Path) -> Iterator[Problem]:
        if key not in self.years:
            yield Problem("budget.unknown_year", path=path, params={"year": key, "years": self.year_list})

    def year_keys(self, keys: Iterable[int | str], at: Path) -> Iterator[Problem]:
        """:meth:`year` for every key of a row (a stated row's ``total`` is no year)."""
        for key in keys:
            if key != TOTAL:
                yield from self.year(key, (*at, key))

    def date(self, day: date | None, path: Path) -> Iterator[Problem]:
        """A warning: the computation keeps what lies inside the period."""
        if day is not None and not (self.start <= day <= self.end):
            yield Problem("budget.date_outside", Severity.warning, path=path, params={
                "date": day.isoformat(), "start": self.start.isoformat(), "end": self.end.isoformat()})

    def line_ref(self, ref: str, path: Path) -> Iterator[Problem]:
        if ref not in self.names:
            yield Problem("budget.unknown_line", path=path,
                          params={"name": ref, "did_you_mean": self.hint(ref, self.names)})

    def category_ref(self, ref: str, path: Path) -> Iterator[Problem]:
        if normalise(ref) not in self.categories:
            yield Problem("budget.unknown_category", path=path, params={
                "name": ref, "did_you_mean": self.hint(ref, self.known_categories), "known": self.known_text})

    def base_refs(self, base: Base, at: Path) -> Iterator[Problem]:
        """The lines and categories an ``of`` names, and those it leaves out, exist."""
        for field in ("lines", "exclude_lines"):
            for j, ref in enumerate(getattr(base, field)):
                yield from self.line_ref(ref, (*at, field, j))
        for field in ("categories", "exclude_categories"):
            for j, ref in enumerate(getattr(base, field)):
                yield from self.category_ref(ref, (*at, field, j))


def _date_order(start: date | None, end: date | None, at: Path) -> Iterator[Problem]:
    if start and end and end < start:
        yield Problem("budget.line_dates", path=(*at, "end"),
                      params={"start": start.isoformat(), "end": end.isoformat()})


# --- the budget's rules ------------------------------------------------------------------------

def period_months(budget: Budget, context: Context) -> Iterator[Problem]:
    """The months stated per budget year are of budget years."""
    for key in budget.period.months:
        yield from context.year(key, ("period", "months", key))


def unique_categories(budget: Budget, context: Context) -> Iterator[Problem]:
    """No two categories of the budget's own share a key or name."""
    seen: dict[str, int] = {}
    for i, spec in enumerate(budget.categories):
        for alias in {normalise(spec.key), normalise(spec.name)}:
            if alias in seen and seen[alias] != i:
                yield Problem("budget.duplicate_category", path=("categories", i), params={"name": spec.name})
            seen[alias] = i


def each_line(budget: Budget, context: Context) -> Iterator[Problem]:
    """The rules of :data:`LINE_RULES`, line by line."""
    for i, line in enumerate(budget.lines):
        for rule in LINE_RULES:
            yield from rule(line, i, context)


def percentage_refs(budget: Budget, context: Context) -> Iterator[Problem]:
    """A percentage line's base names known lines and categories, and not the line itself (a cycle of
    one line, which the base would leave out silently); longer cycles: :func:`percentage_cycles`."""
    for i, line in enumerate(budget.lines):
        if isinstance(line, PercentageLine):
            at: Path = ("lines", i, "of")
            yield from context.base_refs(line.of, at)
            for j, ref in enumerate(line.of.lines):
                if ref == line.name:
                    yield Problem("budget.percentage_self", path=(*at, "lines", j), params={"name": line.name})


def each_funder(budget: Budget, context: Context) -> Iterator[Problem]:
    """The rules of :data:`FUNDER_RULES`, funder by funder."""
    for i, funder in enumerate(budget.financing):
        for rule in FUNDER_RULES:
            yield from rule(funder, i, context)


def applied_funder_known(budget: Budget, context: Context) -> Iterator[Problem]:
    """The project's ``funder``, when no funder ``applies``, is one of the funders (misspelt?)."""
    named, seen = budget.project.funder, context.funders.first
    if seen and named and context.funders.applies is None and named not in seen:
        yield Problem("budget.unknown_funder", Severity.warning, path=("project", "funder"), params={
            "name": named, "did_you_mean": did_you_mean(named, seen), "known": ", ".join(seen)})


def stated_years(budget: Budget, context: Context) -> Iterator[Problem]:
    """The budget's stated Summa rows, the applied amount's row and the sub-totals' rows are of budget years."""
    yield from context.year_keys(budget.stated.costs, ("stated", "costs"))
    yield from context.year_keys(budget.stated.financing, ("stated", "financing"))
    if isinstance(budget.stated.applied_amount, dict):
        yield from context.year_keys(budget.stated.applied_amount, ("stated", "applied_amount"))
    for i, subtotal in enumerate(budget.stated.subtotals):
        yield from context.year_keys(subtotal.stated, ("stated", "subtotals", i, "stated"))


MAX_KNOWN_SHOWN = 20  # names a message lists of the lines a reference could have meant


def subtotal_refs(budget: Budget, context: Context) -> Iterator[Problem]:
    """A sub-total's lines and categories exist (the lines it could have meant listed)."""
    for i, subtotal in enumerate(budget.stated.subtotals):
        at: Path = ("stated", "subtotals", i)
        for j, ref in enumerate(subtotal.lines):
            if ref not in context.names:
                names = list(context.names)
                shown = ", ".join(names[:MAX_KNOWN_SHOWN]) + (", …" if len(names) > MAX_KNOWN_SHOWN else "")
                yield Problem("budget.unknown_subtotal_line", path=(*at, "lines", j), params={
                    "subtotal": subtotal.name, "name": ref, "did_you_mean": context.hint(ref, context.names),
                    "known": shown, "count": len(names)})
        for j, ref in enumerate(subtotal.categories):
            yield from context.category_ref(ref, (*at, "categories", j))


def plan_activities(budget: Budget, context: Context) -> Iterator[Problem]:
    """The activities of the plan: dates inside the period and in order, known lines."""
    for i, activity in enumerate(budget.plan):
        at: Path = ("plan", i)
        yield from context.date(activity.start, (*at, "start"))
        yield from context.date(activity.end, (*at, "end"))
        yield from _date_order(activity.start, activity.end, at)
        for j, ref in enumerate(activity.lines):
            yield from context.line_ref(ref, (*at, "lines", j))


def percentage_cycles(budget: Budget, context: Context) -> Iterator[Problem]:
    """No percentage line's base reaches back to itself."""
    try:
        percentage_order(budget)
    except Cycle as cycle:
        yield Problem("budget.percentage_cycle", path=("lines", cycle.index, "of"),
                      params={"cycle": " → ".join(cycle.names)})


def empty_bases(budget: Budget, context: Context) -> Iterator[Problem]:
    """A warning for a percentage line whose base has no line."""
    bases = percentage_bases(budget).of
    for i, line in enumerate(budget.lines):
        if isinstance(line, PercentageLine) and not bases[line.name].size:
            yield Problem("budget.empty_base", Severity.warning, path=("lines", i, "of"))


RULES: list[Rule] = [period_months, unique_categories, each_line, percentage_refs, each_funder,
                     applied_funder_known, stated_years, subtotal_refs, plan_activities, participants_rules]
BASE_RULES: list[Rule] = [percentage_cycles, empty_bases]  # on a budget whose every reference is known


# --- the rules of one line ------------------------------------------------------------------------

LineRule = Callable[[Line, int, Context], Iterable[Problem]]


def line_name_unique(line: Line, i: int, context: Context) -> Iterator[Problem]:
    first = context.names[line.name]
    if first != i:
        yield Problem("budget.duplicate_line", path=("lines", i, "name"),
                      params={"name": line.name, "first": first, "number": first + 1})


def line_category_known(line: Line, i: int, context: Context) -> Iterator[Problem]:
    yield from context.category_ref(line.category, ("lines", i, "category"))


def line_dates(line: Line, i: int, context: Context) -> Iterator[Problem]:
    if line.start is None and line.end is None:  # most lines: the whole period
        return
    at: Path = ("lines", i)
    yield from context.date(line.start, (*at, "start"))
    yield from context.date(line.end, (*at, "end"))
    yield from _date_order(line.start, line.end, at)


def line_years(line: Line, i: int, context: Context) -> Iterator[Problem]:
    """``by_year`` and stated ``amounts`` are of budget years."""
    if line.by_year:
        yield from context.year_keys(line.by_year, ("lines", i, "by_year"))
    if isinstance(line, (ExplicitLine, InKindLine)) and line.amounts:
        yield from context.year_keys(line.amounts, ("lines", i, "amounts"))


def one_off_when(line: Line, i: int, context: Context) -> Iterator[Problem]:
    """A one-off amount's year is a budget year, its date inside the period."""
    if isinstance(line, OneOffLine):
        if line.year is not None:
            yield from context.year(line.year, ("lines", i, "year"))
        yield from context.date(line.date, ("lines", i, "date"))


def line_stated_years(line: Line, i: int, context: Context) -> Iterator[Problem]:
    if line.stated:
        yield from context.year_keys(line.stated, ("lines", i, "stated"))


def line_stated_rate(line: Line, i: int, context: Context) -> Iterator[Problem]:
    """A stated rate's base names known lines and categories, and not the line itself (a line of a
    category its base names is left out of the base)."""
    if line.stated_rate is None:
        return
    at: Path = ("lines", i, "stated_rate", "base")
    base = line.stated_rate.base
    yield from context.base_refs(base, at)
    for j, ref in enumerate(base.lines):
        if ref == line.name:
            yield Problem("budget.stated_rate_self", path=(*at, "lines", j), params={"name": line.name})


def salary_plausibility(line: Line, i: int, context: Context) -> Iterator[Problem]:
    """The rules of :data:`SALARY_RULES` (warnings) for a salary line."""
    if isinstance(line, SalaryLine):
        for rule in SALARY_RULES:
            yield from rule(line, ("lines", i))


LINE_RULES: list[LineRule] = [line_name_unique, line_category_known, line_dates, line_years, one_off_when,
                              line_stated_years, line_stated_rate, salary_plausibility]


def _with_years(line: SalaryLine, field: str, at: Path) -> list[tuple[Any, Path]]:
    """A salary line's ``field`` and where it is: its own (None too), then per budget year where given."""
    return [(getattr(line, field), (*at, field))] + [
        (getattr(v, field), (*at, "by_year", k, field)) for k, v in line.by_year.items()
        if getattr(v, field) is not None]


def on_cost_high(line: SalaryLine, at: Path) -> Iterator[Problem]:
    """An on-cost factor above :data:`ON_COST_LIMIT` reads as a percentage (142 for 42 %)."""
    for value, path in _with_years(line, "on_cost", at):
        if value > ON_COST_LIMIT:
            suggestion = (value / 100 if value >= 100 else 1 + value / 100).normalize()
            yield Problem("plausibility.on_cost_high", Severity.warning, path=path, params={
                "value": value, "suggestion": str(suggestion),  # as it is written in the file: 1.42
                "percent": ((suggestion - 1) * 100).normalize()})


def salary_low(line: SalaryLine, at: Path) -> Iterator[Problem]:
    """A monthly salary below :data:`LOW_SALARY` reads as thousands (42 for 42 000)."""
    if line.hourly:
        return
    for value, path in _with_years(line, "monthly_salary", at):
        if value is not None and value < LOW_SALARY:
            yield Problem("plausibility.salary_low", Severity.warning, path=path,
                          params={"value": value, "suggestion": (value * 1000).normalize()})


def fte_high(line: SalaryLine, at: Path) -> Iterator[Problem]:
    """More than :data:`FTE_LIMIT` full-time equivalents reads as a percentage (with ``people``: :func:`fte_people`)."""
    if line.people is not None:
        return
    for value, path in _with_years(line, "fte", at):
        if value is not None and value > FTE_LIMIT:
            yield Problem("plausibility.fte_high", Severity.warning, path=path, params={
                "value": value, "fte": value / 100, "suggestion": str((value / 100).normalize())})


def fte_people(line: SalaryLine, at: Path) -> Iterator[Problem]:
    """No more full-time equivalents than the people who share them."""
    if line.people is None:
        return
    for value, path in _with_years(line, "fte", at):
        if value is not None and value > line.people:
            yield Problem("plausibility.fte_people", Severity.warning, path=path,
                          params={"fte": value, "people": line.people})


SALARY_RULES: list[Callable[[SalaryLine, Path], Iterable[Problem]]] = [on_cost_high, salary_low, fte_high, fte_people]


# --- the rules of one funder ----------------------------------------------------------------------

class _Funders:
    """The funders, as the rules of one funder compare it with the others: the first of each name,
    the first ``rest`` and ``applies`` funders (position and name), and where each line is first carried
    (funder's position, line's position in its ``lines``, funder's name)."""

    def __init__(self, funders: list[Funder]):
        self.first: dict[str, int] = {}
        self.carrier: dict[str, tuple[int, int, str]] = {}
        for i, funder in enumerate(funders):
            self.first.setdefault(funder.name, i)
            for j, ref in enumerate(funder.lines):
                self.carrier.setdefault(ref, (i, j, funder.name))
        self.rest = next(((i, f.name) for i, f in enumerate(funders) if f.rest), None)
        self.applies = next(((i, f.name) for i, f in enumerate(funders) if f.applies), None)


FunderRule = Callable[[Funder, int, Context], Iterable[Problem]]


def funder_unique(funder: Funder, i: int, context: Context) -> Iterator[Problem]:
    first = context.funders.first[funder.name]
    if first != i:
        yield Problem("financing.duplicate_funder", path=("financing", i, "name"),
                      params={"name": funder.name, "number": first + 1})


def one_rest(funder: Funder, i: int, context: Context) -> Iterator[Problem]:
    """At most one funder covers the rest."""
    first = context.funders.rest
    if funder.rest and first is not None and first[0] < i:
        yield Problem("financing.two_rests", path=("financing", i, "rest"), params={"name": first[1]})


def one_applicant(funder: Funder, i: int, context: Context) -> Iterator[Problem]:
    """At most one funder is the one applied to."""
    first = context.funders.applies
    if funder.applies and first is not None and first[0] < i:
        yield Problem("financing.two_applicants", path=("financing", i, "applies"), params={"name": first[1]})


def funder_lines(funder: Funder, i: int, context: Context) -> Iterator[Problem]:
    """The lines a funder carries exist, are carried by no one else (nor twice by it), and an in-kind
    line is carried in kind."""
    budget = context.budget
    carrier = context.funders.carrier
    in_kind: bool | None = None  # whether the funder carries in kind: asked once, if at all
    for j, ref in enumerate(funder.lines):
        at: Path = ("financing", i, "lines", j)
        yield from context.line_ref(ref, at)
        first = carrier[ref]
        if first[:2] != (i, j):
            yield Problem("financing.line_twice", path=at, params={"line": ref, "name": first[2]})
        if ref in context.names and isinstance(budget.line(ref), InKindLine):
            if in_kind is None:
                in_kind = carries_in_kind(budget, funder)
            if not in_kind:
                yield Problem("financing.in_kind_line_cash", path=at, params={"line": ref})


def funder_base_refs(funder: Funder, i: int, context: Context) -> Iterator[Problem]:
    if funder.of is not None:
        yield from context.base_refs(funder.of, ("financing", i, "of"))


def funder_years(funder: Funder, i: int, context: Context) -> Iterator[Problem]:
    """A funder's amounts, stated row and yearly caps are of budget years."""
    at: Path = ("financing", i)
    yield from context.year_keys(funder.amounts or {}, (*at, "amounts"))
    yield from context.year_keys(funder.stated, (*at, "stated"))
    if funder.cap is not None and isinstance(funder.cap.per_year, dict):
        yield from context.year_keys(funder.cap.per_year, (*at, "cap", "per_year"))


FUNDER_RULES: list[FunderRule] = [funder_unique, one_rest, one_applicant, funder_lines, funder_base_refs,
                                  funder_years]
