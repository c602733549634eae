"""Checks between fields of a budget, run when a :class:`Budget` is built.

Each check appends :class:`~grantcalc.errors.Problem` values with a field path;
the loader turns paths into file lines. Errors make the budget invalid (all of
them are reported at once); warnings are kept on ``budget.warnings``.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel

from grantcalc.budget.categories import normalise
from grantcalc.budget.financing import carries_in_kind
from grantcalc.budget.stated import TOTAL
from grantcalc.budget.lines import (
    ExplicitLine, InKindLine, OneOffLine, PercentageLine, SalaryLine,
)
from grantcalc.errors import Problem, Severity
from grantcalc.periods import YearScheme

if TYPE_CHECKING:
    from grantcalc.budget.model import Budget

__all__ = ["validate_budget", "percentage_order", "percentage_bases", "base_lines", "PercentageBase",
           "PercentageBases", "did_you_mean"]

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


def validate_budget(budget: Budget) -> list[Problem]:
    problems: list[Problem] = list(control_characters(budget))
    add = problems.append
    period = budget.period

    if period.end < period.start:
        add(Problem("budget.period_order", path=("period", "end"),
                    params={"start": period.start.isoformat(), "end": period.end.isoformat()}))
        return problems  # everything below needs a period
    if period.end.year - period.start.year >= MAX_PERIOD_YEARS:  # 0024 for 2024: thousands of budget years
        add(Problem("budget.period_too_long", path=("period", "end"), params={
            "start": period.start.isoformat(), "end": period.end.isoformat(),
            "count": period.end.year - period.start.year + 1, "limit": MAX_PERIOD_YEARS}))
        return problems
    if period.budget_years is YearScheme.fiscal and period.fiscal_year_start is None:
        add(Problem("invalid.missing", path=("period", "fiscal_year_start")))
    if period.budget_years is not YearScheme.fiscal and period.fiscal_year_start is not None:
        add(Problem("budget.fiscal_month", path=("period", "fiscal_year_start")))
    if any(p.code not in ("text.control_character", "text.bidi_control") for p in problems):
        return problems

    try:
        years = {y.key: y for y in budget.years}
    except (ValueError, OverflowError):  # a budget year that would start before year 1 or after 9999
        add(Problem("budget.period_range", path=("period", "end"),
                    params={"start": period.start.isoformat(), "end": period.end.isoformat()}))
        return problems
    year_list = tuple(", ".join(y.label(lang) for y in budget.years) for lang in ("sv", "en"))

    def check_year(key: int, path: tuple) -> None:
        if key not in years:
            add(Problem("budget.unknown_year", path=path, params={"year": key, "years": year_list}))

    def check_date(day, path: tuple) -> None:
        # a warning: the computation keeps what lies inside the period
        if day is not None and not (period.start <= day <= period.end):
            add(Problem("budget.date_outside", Severity.warning, path=path, params={
                "date": day.isoformat(), "start": period.start.isoformat(), "end": period.end.isoformat()}))

    for key in period.months:
        check_year(key, ("period", "months", key))

    seen_categories: dict[str, int] = {}
    for i, spec in enumerate(budget.categories):
        for alias in {normalise(spec.key), normalise(spec.name)}:
            if alias in seen_categories and seen_categories[alias] != i:
                add(Problem("budget.duplicate_category", path=("categories", i), params={"name": spec.name}))
            seen_categories[alias] = i

    index = budget.category_index
    known_categories = sorted({c.sv for c in index.values()})
    known_text = ", ".join(known_categories)
    hint = _Hints()
    names: dict[str, int] = {}
    for i, line in enumerate(budget.lines):
        at = ("lines", i)
        if line.name in names:
            add(Problem("budget.duplicate_line", path=at + ("name",), params={"name": line.name, "first": names[line.name], "number": names[line.name] + 1}))
        else:
            names[line.name] = i
        if normalise(line.category) not in index:
            add(Problem("budget.unknown_category", path=at + ("category",), params={
                "name": line.category, "did_you_mean": hint(line.category, known_categories),
                "known": known_text}))
        check_date(line.start, at + ("start",))
        check_date(line.end, at + ("end",))
        if line.start and line.end and line.end < line.start:
            add(Problem("budget.line_dates", path=at + ("end",),
                        params={"start": line.start.isoformat(), "end": line.end.isoformat()}))
        for key in line.by_year:
            check_year(key, at + ("by_year", key))
        if isinstance(line, ExplicitLine):
            for key in line.amounts:
                check_year(key, at + ("amounts", key))
        if isinstance(line, InKindLine) and line.amounts:
            for key in line.amounts:
                check_year(key, at + ("amounts", key))
        if isinstance(line, OneOffLine):
            if line.year is not None:
                check_year(line.year, at + ("year",))
            check_date(line.date, at + ("date",))
        for key in line.stated:
            if key != TOTAL:
                check_year(key, at + ("stated", key))
        if isinstance(line, SalaryLine):
            _salary_plausibility(line, at, add)

    def check_line_ref(ref: str, path: tuple) -> None:
        if ref not in names:
            add(Problem("budget.unknown_line", path=path, params={"name": ref, "did_you_mean": hint(ref, names)}))

    def check_category_ref(ref: str, path: tuple) -> None:
        if normalise(ref) not in index:
            add(Problem("budget.unknown_category", path=path, params={
                "name": ref, "did_you_mean": hint(ref, known_categories), "known": known_text}))

    # percentage lines: references (cycles below, once every reference is known)
    for i, line in enumerate(budget.lines):
        if isinstance(line, PercentageLine):
            _check_base_refs(line.of, ("lines", i, "of"), check_line_ref, check_category_ref)
            for j, ref in enumerate(line.of.lines):
                if ref == line.name:  # a cycle of one line (base_lines would leave it out silently)
                    add(Problem("budget.percentage_self", path=("lines", i, "of", "lines", j),
                                params={"name": line.name}))

    _validate_financing(budget, add, check_year, check_line_ref, check_category_ref)
    for key in budget.stated.costs:
        if key != TOTAL:
            check_year(key, ("stated", "costs", key))
    for key in budget.stated.financing:
        if key != TOTAL:
            check_year(key, ("stated", "financing", key))
    for i, activity in enumerate(budget.plan):
        at = ("plan", i)
        check_date(activity.start, at + ("start",))
        check_date(activity.end, at + ("end",))
        if activity.start and activity.end and activity.end < activity.start:
            add(Problem("budget.line_dates", path=at + ("end",),
                        params={"start": activity.start.isoformat(), "end": activity.end.isoformat()}))
        for j, ref in enumerate(activity.lines):
            check_line_ref(ref, at + ("lines", j))

    if not any(p.severity is Severity.error for p in problems):
        try:
            percentage_order(budget)
        except _Cycle as cycle:
            add(Problem("budget.percentage_cycle", path=("lines", cycle.index, "of"),
                        params={"cycle": " → ".join(cycle.names)}))
        bases = percentage_bases(budget).of
        for i, line in enumerate(budget.lines):
            if isinstance(line, PercentageLine) and not bases[line.name].size:
                add(Problem("budget.empty_base", Severity.warning, path=("lines", i, "of")))
    return problems


def _check_base_refs(base, at: tuple, check_line_ref, check_category_ref) -> None:
    for field in ("lines", "exclude_lines"):
        for j, ref in enumerate(getattr(base, field)):
            check_line_ref(ref, at + (field, j))
    for field in ("categories", "exclude_categories"):
        for j, ref in enumerate(getattr(base, field)):
            check_category_ref(ref, at + (field, j))


def _validate_financing(budget: Budget, add, check_year, check_line_ref, check_category_ref) -> None:
    """Funders: unique names, one rest and one applying funder, known lines, categories and years,
    and no cost line carried twice."""
    seen: dict[str, int] = {}
    carried: dict[str, str] = {}
    rest = applies = None
    names_of_lines = {line.name for line in budget.lines}
    for i, funder in enumerate(budget.financing):
        at = ("financing", i)
        in_kind: bool | None = None  # whether the funder carries in kind: asked once, if at all
        if funder.name in seen:
            add(Problem("financing.duplicate_funder", path=at + ("name",),
                        params={"name": funder.name, "number": seen[funder.name] + 1}))
        seen.setdefault(funder.name, i)
        if funder.rest:
            if rest is not None:
                add(Problem("financing.two_rests", path=at + ("rest",), params={"name": rest}))
            rest = rest or funder.name
        if funder.applies:
            if applies is not None:
                add(Problem("financing.two_applicants", path=at + ("applies",), params={"name": applies}))
            applies = applies or funder.name
        for j, ref in enumerate(funder.lines):
            check_line_ref(ref, at + ("lines", j))
            if ref in carried:
                add(Problem("financing.line_twice", path=at + ("lines", j), params={"line": ref, "name": carried[ref]}))
            carried.setdefault(ref, funder.name)
            if ref in names_of_lines and budget.line(ref).in_kind:
                if in_kind is None:
                    in_kind = carries_in_kind(budget, funder)
                if not in_kind:
                    add(Problem("financing.in_kind_line_cash", path=at + ("lines", j), params={"line": ref}))
        if funder.of is not None:
            _check_base_refs(funder.of, at + ("of",), check_line_ref, check_category_ref)
        for key in funder.amounts or {}:
            check_year(key, at + ("amounts", key))
        for key in funder.stated:
            if key != TOTAL:
                check_year(key, at + ("stated", key))
        if funder.cap is not None and isinstance(funder.cap.per_year, dict):
            for key in funder.cap.per_year:
                check_year(key, at + ("cap", "per_year", key))
    named = budget.project.funder
    if seen and named and applies is None and named not in seen:  # the applied-for funder, misspelt?
        add(Problem("budget.unknown_funder", Severity.warning, path=("project", "funder"), params={
            "name": named, "did_you_mean": did_you_mean(named, seen), "known": ", ".join(seen)}))


def _salary_plausibility(line: SalaryLine, at: tuple, add) -> None:
    factors = [(line.on_cost, at + ("on_cost",))] + [
        (v.on_cost, at + ("by_year", k, "on_cost")) for k, v in line.by_year.items() if v.on_cost is not None]
    for value, path in factors:
        if value > ON_COST_LIMIT:
            suggestion = (value / 100 if value >= 100 else 1 + value / 100).normalize()
            add(Problem("plausibility.on_cost_high", Severity.warning, path=path, params={
                "value": value, "suggestion": str(suggestion),  # as it is written in the file: 1.42
                "percent": ((suggestion - 1) * 100).normalize()}))
    salaries = [(line.monthly_salary, at + ("monthly_salary",))] + [
        (v.monthly_salary, at + ("by_year", k, "monthly_salary"))
        for k, v in line.by_year.items() if v.monthly_salary is not None]
    for value, path in salaries:
        if value is not None and value < LOW_SALARY and not line.hourly:
            add(Problem("plausibility.salary_low", Severity.warning, path=path,
                        params={"value": value, "suggestion": (value * 1000).normalize()}))
    for value, path in [(line.fte, at + ("fte",))] + [(v.fte, at + ("by_year", k, "fte"))
                                                      for k, v in line.by_year.items()]:
        if value is not None and value > FTE_LIMIT and line.people is None:  # with people: fte_people
            add(Problem("plausibility.fte_high", Severity.warning, path=path, params={
                "value": value, "fte": value / 100, "suggestion": str((value / 100).normalize())}))
    if line.people is not None:
        ftes = [(line.fte, at + ("fte",))] + [(v.fte, at + ("by_year", k, "fte")) for k, v in line.by_year.items()]
        for value, path in ftes:
            if value is not None and value > line.people:
                add(Problem("plausibility.fte_people", Severity.warning, path=path,
                            params={"fte": value, "people": line.people}))


class _Cycle(Exception):
    def __init__(self, index: int, names: list[str]):
        self.index, self.names = index, names


@dataclass(frozen=True, slots=True)
class PercentageBase:
    """The base of one percentage line, resolved against the budget's lines.

    ``lines``: the lines the base names or whose categories it names, in the budget's order
    (percentage lines among them are computed first). The default base — ``of`` names neither
    lines nor categories: every cash line that is not a percentage line — is ``lines`` None and
    kept as what it leaves out (``left_out_categories`` and ``left_out``, lines of the default base
    in other categories), so a thousand overheads on all costs do not hold a thousand lists of
    every line: its sum is that of the whole default base less what is left out.
    """

    lines: tuple[str, ...] | None
    percentages: tuple[str, ...] = ()  # the percentage lines among ``lines``: what the line waits for
    left_out_categories: frozenset[str] = frozenset()
    left_out: tuple[str, ...] = ()
    size: int = 0  # how many lines the base has


@dataclass(frozen=True, slots=True)
class PercentageBases:
    """Every percentage line's base (by name, in the budget's order) and the default base they refer to."""

    of: dict[str, PercentageBase]
    default: tuple[str, ...]  # the default base before anything is left out, in the budget's order
    category: dict[str, str]  # line name → its category's key
    in_default: frozenset[str] = frozenset()  # the names of ``default``

    def contains(self, base: PercentageBase, name: str) -> bool:
        """Whether the line ``name`` is in ``base``."""
        if base.lines is not None:
            return name in base.lines
        return (name in self.in_default and self.category[name] not in base.left_out_categories
                and name not in base.left_out)


def percentage_bases(budget: Budget) -> PercentageBases:
    """The bases of all percentage lines, resolved in one pass over the lines and each line's ``of``.

    Linear in the size of the budget: each line's category is looked up once, lines are found by
    name and category through indexes, and percentage lines with the same ``of`` share one base
    (a base used to be chosen by scanning every line for every percentage line: 5 000 lines in a chain
    took minutes). Kept with the list of lines it was resolved for, so it is resolved once per budget.
    """
    cached = budget.__dict__.get("_percentage_bases")
    if cached is not None and cached[0] is budget.lines:
        return cached[1]
    bases = _resolve_bases(budget)
    budget.__dict__["_percentage_bases"] = (budget.lines, bases)
    return bases


def _resolve_bases(budget: Budget) -> PercentageBases:
    lines = budget.lines
    key_of: dict[str, str] = {}  # a category as written → its key (normalised once per spelling)

    def key(name: str) -> str:
        found = key_of.get(name)
        if found is None:
            found = key_of[name] = budget.category(name).key
        return found

    category = [key(line.category) for line in lines]
    position: dict[str, int] = {}
    for i, line in enumerate(lines):
        position.setdefault(line.name, i)
    cash: dict[str, list[int]] = {}  # category key → its cash lines (percentage lines too)
    default: list[int] = []  # cash lines that are not percentage lines
    default_count: dict[str, int] = {}  # category key → how many lines of the default base it has
    for i, line in enumerate(lines):
        if not line.in_kind:
            cash.setdefault(category[i], []).append(i)
            if not isinstance(line, PercentageLine):
                default.append(i)
                default_count[category[i]] = default_count.get(category[i], 0) + 1
    shared: dict[tuple, PercentageBase] = {}
    out: dict[str, PercentageBase] = {}
    for i, line in enumerate(lines):
        if not isinstance(line, PercentageLine):
            continue
        of = line.of
        left_categories = frozenset(key(c) for c in of.exclude_categories)
        left = frozenset(of.exclude_lines)
        if of.categories or of.lines:
            included = frozenset(key(c) for c in of.categories)
            own = line.name in of.lines or category[i] in included  # the line would be in its own base
            spec: tuple = (included, frozenset(of.lines), left_categories, left, line.name if own else None)
            base = shared.get(spec)
            if base is None:
                chosen = {j for c in included for j in cash.get(c, ())}
                chosen.update(position[n] for n in of.lines if n in position)
                picked = tuple(lines[j].name for j in sorted(chosen)
                               if j != i and category[j] not in left_categories and lines[j].name not in left)
                percentages = tuple(n for n in picked if isinstance(lines[position[n]], PercentageLine))
                base = shared[spec] = PercentageBase(picked, percentages, size=len(picked))
        else:
            spec = (left_categories, left)
            base = shared.get(spec)
            if base is None:
                left_out = tuple(n for n in sorted(left, key=lambda n: position.get(n, -1)) if n in position
                                 and _in_default(lines[position[n]]) and category[position[n]] not in left_categories)
                size = len(default) - sum(default_count.get(c, 0) for c in left_categories) - len(left_out)
                base = shared[spec] = PercentageBase(None, (), left_categories, left_out, size)
        out[line.name] = base
    names = tuple(lines[j].name for j in default)
    return PercentageBases(out, names, {line.name: category[i] for i, line in enumerate(lines)}, frozenset(names))


def _in_default(line: Any) -> bool:
    return not line.in_kind and not isinstance(line, PercentageLine)


def base_lines(budget: Budget, line: PercentageLine) -> list[str]:
    """Names of the lines whose amounts make the base of percentage ``line``, in the budget's order."""
    bases = percentage_bases(budget)
    base = bases.of[line.name]
    if base.lines is not None:
        return list(base.lines)
    left = set(base.left_out)
    return [n for n in bases.default if n not in left and bases.category[n] not in base.left_out_categories]


def percentage_order(budget: Budget) -> list[str]:
    """Percentage lines in an order where every base is computed first.

    A depth-first walk with a stack of its own (a chain of 5 000 percentage lines is no
    ``RecursionError``); raises :class:`_Cycle` with the first cycle met."""
    bases = percentage_bases(budget).of
    index = {ln.name: i for i, ln in enumerate(budget.lines) if isinstance(ln, PercentageLine)}
    order: list[str] = []
    state: dict[str, int] = {}  # 1 = on the walk's path, 2 = done
    for root in bases:
        if root in state:
            continue
        state[root] = 1
        trail = [root]
        stack = [iter(bases[root].percentages)]
        while stack:
            for dep in stack[-1]:
                seen = state.get(dep)
                if seen == 2:
                    continue
                if seen == 1:
                    cycle = trail[trail.index(dep):] + [dep]
                    raise _Cycle(index[cycle[0]], cycle)
                state[dep] = 1
                trail.append(dep)
                stack.append(iter(bases[dep].percentages))
                break
            else:
                stack.pop()
                done = trail.pop()
                state[done] = 2
                order.append(done)
    return order
