"""The difference between two versions of a budget: the granted one and a revision (*omdisponering*).

:func:`diff` compares two budgets and returns a :class:`Diff`:

* the **changes** in the declaration: a line added, removed or renamed (a line whose name differs
  but whose every other field is the same), each parameter that differs with its old and new value
  (``EVI-coacher.fte``: 150 % → 175 %; ``annual_raise.rate``: 3,3 % → 4 %), the period, the rounding
  and the financing;
* the **effect**: per line and budget year (the lines whose amounts differ), per category, per
  year and in all, and the financing's change per funder;
* the **findings**: the rules the funder sets on revisions (a profile of :mod:`.rules`, chosen from
  the granted budget's funder) that the revision breaks, and a different period, which is
  compared year by year with a warning that says so.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from enum import Enum
from fractions import Fraction
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel

from grantcalc.budget.kinds import FIELD_KINDS
from grantcalc.errors import Findings, Problem, Severity
from grantcalc.followup.rules import Profile, builtin_profiles, profile_for, unknown_profile
from grantcalc.followup.words import money, percent
from grantcalc.messages import Bilingual

if TYPE_CHECKING:
    from grantcalc.budget.model import Budget
    from grantcalc.compute.computation import Computation
    from grantcalc.periods import BudgetYear

__all__ = ["diff", "Diff", "Change", "Effect", "ADDED", "REMOVED", "RENAMED", "CHANGED"]

ZERO = Decimal(0)
ADDED, REMOVED, RENAMED, CHANGED = "added", "removed", "renamed", "changed"
_SKIP = frozenset({"name", "stated"})  # a line's name is its identity; stated figures are the document's, not the plan
_ORDER = {Severity.error: 0, Severity.warning: 1, Severity.info: 2}


@dataclass(frozen=True, slots=True)
class Change:
    """One change of the declaration: on ``line`` (None: the period, the rounding or the financing),
    ``field`` (``fte``, ``by_year.2026.monthly_salary``; ``line`` for a line added or removed,
    ``name`` for one renamed), the ``old`` and ``new`` values (None: not given) and its ``kind``."""

    line: str | None
    field: str
    old: Any
    new: Any
    kind: str = CHANGED


@dataclass(frozen=True, slots=True)
class Effect:
    """A line's amount in one budget year, before and after (0 where the line or year is not)."""

    line: str
    year: int
    old: Decimal
    new: Decimal

    @property
    def difference(self) -> Decimal:
        return self.new - self.old


@dataclass
class Diff(Findings):
    """Two versions of a budget compared (see the module's description)."""

    old: Computation
    new: Computation
    changes: list[Change]
    effects: list[Effect]
    profile: str | None
    findings: list[Problem] = field(default_factory=list)
    renamed: dict[str, str] = field(default_factory=dict)  # new name → old name

    def __post_init__(self) -> None:
        self.findings = sorted(self.findings, key=lambda p: (_ORDER[p.severity], p.line or 0))

    @property
    def old_name(self) -> str | None:
        source = self.old.budget.source
        return source.name if source is not None else None

    @property
    def new_name(self) -> str | None:
        source = self.new.budget.source
        return source.name if source is not None else None

    @property
    def years(self) -> list[tuple[int, BudgetYear]]:
        """Every budget-year key of either version, in order, with the year as the new one has it
        (else the old)."""
        known: dict[int, BudgetYear] = {y.key: y for y in self.old.years}
        known.update({y.key: y for y in self.new.years})
        return sorted(known.items())

    def year_total(self, which: Computation, key: int) -> Decimal:
        return which.year_total(key) if key in {y.key for y in which.years} else ZERO

    @property
    def totals(self) -> dict[str, dict[int, Decimal]]:
        """``old``, ``new`` and ``difference`` per budget-year key."""
        old = {k: self.year_total(self.old, k) for k, _ in self.years}
        new = {k: self.year_total(self.new, k) for k, _ in self.years}
        return {"old": old, "new": new, "difference": {k: new[k] - old[k] for k in old}}

    def categories(self) -> list[tuple[str, dict[int, Decimal], dict[int, Decimal]]]:
        """Per category key (the new budget's order, then the old's): old and new amounts per year."""
        old, new = self.old.category_totals(), self.new.category_totals()
        keys = list(dict.fromkeys([*new, *old]))
        years = [k for k, _ in self.years]
        return [(key, {y: old.get(key, {}).get(y, ZERO) for y in years},
                 {y: new.get(key, {}).get(y, ZERO) for y in years}) for key in keys]

    def financing(self) -> list[tuple[str, dict[int, Decimal], dict[int, Decimal]]]:
        """Per funder row (the new financing's order, then the old's): old and new amounts per year."""
        old = {r.name: r for r in self.old.financing.rows}
        new = {r.name: r for r in self.new.financing.rows}
        names = list(dict.fromkeys([*new, *old]))
        years = [k for k, _ in self.years]
        return [(name, {y: old[name].amount(y) if name in old else ZERO for y in years},
                 {y: new[name].amount(y) if name in new else ZERO for y in years}) for name in names]

    def category_name(self, key: str, lang: str) -> str:
        for budget in (self.new.budget, self.old.budget):
            try:
                return budget.category(key).name(lang)
            except KeyError:
                continue
        return key  # pragma: no cover - every key comes from one of the two budgets

    # --- findings (errors, warnings, codes: errors.Findings) and outputs ------------------------
    def ok(self, strict: bool = False) -> bool:
        """No rule broken (``strict``: no warning either): exit status 0 of ``grantcalc diff``."""
        return not self.errors and not (strict and self.warnings)

    def to_dict(self, lang: str | None = None) -> dict[str, Any]:
        from grantcalc.followup.diff_report import diff_dict

        return diff_dict(self, lang or self.new.budget.language)

    def report(self, lang: str | None = None, width: int | None = None) -> str:
        from grantcalc.followup.diff_report import diff_text

        return diff_text(self, lang or self.new.budget.language, width)

    def __repr__(self) -> str:
        return self.report()


# --- comparing declarations ----------------------------------------------------------------------

def _leaves(value: Any, path: str, out: dict[str, Any]) -> None:
    """The values of ``value`` by dotted path; None (not given) is left out, a list of texts is one value."""
    if value is None:
        return
    if isinstance(value, BaseModel):
        for name in type(value).model_fields:
            if not path and name in _SKIP:
                continue
            _leaves(getattr(value, name), f"{path}.{name}" if path else name, out)
    elif isinstance(value, dict):
        for key, item in value.items():
            _leaves(item, f"{path}.{key}", out)
    elif isinstance(value, (list, tuple)) and value and all(isinstance(v, BaseModel) for v in value):
        for index, item in enumerate(value):
            _leaves(item, f"{path}[{index}]", out)
    elif isinstance(value, list):
        out[path] = tuple(value)
    else:
        out[path] = value


def declaration(model: BaseModel, budget: Budget | None = None) -> dict[str, Any]:
    """A line's (or any part's) declaration as ``{path: value}``, its name and stated figures left
    out; a line's category as its key, so ``staff`` and ``Lönekostnader`` are the same."""
    out: dict[str, Any] = {}
    _leaves(model, "", out)
    if budget is not None and "category" in out:
        with contextlib.suppress(KeyError):  # a line's category is known once the budget is valid
            out["category"] = budget.category(out["category"]).key
    return out


def _compare(line: str | None, old: dict[str, Any], new: dict[str, Any], prefix: str = "") -> Iterator[Change]:
    for path in dict.fromkeys([*old, *new]):
        a, b = old.get(path), new.get(path)
        if a != b:
            yield Change(line, f"{prefix}{path}", a, b)


def _line_changes(old: Budget, new: Budget) -> tuple[list[Change], dict[str, str]]:
    old_lines = {line.name: line for line in old.lines}
    new_lines = {line.name: line for line in new.lines}
    gone = [name for name in old_lines if name not in new_lines]
    came = [name for name in new_lines if name not in old_lines]
    renamed: dict[str, str] = {}
    for name in came:
        mine = declaration(new_lines[name], new)
        match = next((o for o in gone if o not in renamed.values() and declaration(old_lines[o], old) == mine), None)
        if match is not None:
            renamed[name] = match
    changes: list[Change] = []
    for line in new.lines:
        name = line.name
        if name in old_lines:
            changes += _compare(name, declaration(old_lines[name], old), declaration(line, new))
        elif name in renamed:
            changes.append(Change(name, "name", renamed[name], name, RENAMED))
        else:
            changes.append(Change(name, "line", None, name, ADDED))
    for name in gone:
        if name not in renamed.values():
            changes.append(Change(name, "line", name, None, REMOVED))
    return changes, renamed


def _other_changes(old: Budget, new: Budget) -> list[Change]:
    changes = list(_compare(None, declaration(old.period), declaration(new.period), "period."))
    changes += _compare(None, declaration(old.rounding), declaration(new.rounding), "rounding.")
    old_funders = {f.name: f for f in old.financing}
    new_funders = {f.name: f for f in new.financing}
    for name, funder in new_funders.items():
        if name in old_funders:
            changes += _compare(None, declaration(old_funders[name]), declaration(funder), f"financing.{name}.")
        else:
            changes.append(Change(None, "financing", None, name, ADDED))
    changes += [Change(None, "financing", name, None, REMOVED) for name in old_funders if name not in new_funders]
    return changes


def _effects(diff_old: Computation, diff_new: Computation, renamed: dict[str, str],
             years: list[int]) -> list[Effect]:
    old_names = {line.name for line in diff_old.budget.lines}
    new_names = [line.name for line in diff_new.budget.lines]
    old_years = {y.key for y in diff_old.years}
    new_years = {y.key for y in diff_new.years}
    was = {name: renamed.get(name, name) for name in new_names}
    effects = []

    def amount(c: Computation, name: str | None, key: int, known: set[int], names: set[str]) -> Decimal:
        return c.amount(name, key) if name is not None and name in names and key in known else ZERO

    new_set = set(new_names)
    for name in new_names:
        for key in years:
            old = amount(diff_old, was[name], key, old_years, old_names)
            new = amount(diff_new, name, key, new_years, new_set)
            if old != new:
                effects.append(Effect(name, key, old, new))
    kept = set(was.values())
    for line in diff_old.budget.lines:
        if line.name not in kept:
            for key in years:
                old = amount(diff_old, line.name, key, old_years, old_names)
                if old:
                    effects.append(Effect(line.name, key, old, ZERO))
    return effects


# --- the funder's rules -----------------------------------------------------------------------

def _rule_findings(result: Diff, profile: Profile | None) -> list[Problem]:
    out: list[Problem] = []
    new, old = result.new.budget, result.old.budget
    source = new.source
    name = source.name if source is not None else None

    def at(code: str, severity: Severity = Severity.error, path: tuple[str | int, ...] = (), **params: Any) -> Problem:
        return Problem(code, severity, path=path, params=params, file=name,
                       line=source.line_of(path) if source is not None and path else None)

    if (old.period.start, old.period.end, old.period.budget_years) != \
            (new.period.start, new.period.end, new.period.budget_years):
        out.append(at("diff.period_changed", Severity.warning, ("period",),
                      old=f"{old.period.start.isoformat()} – {old.period.end.isoformat()}",
                      new=f"{new.period.start.isoformat()} – {new.period.end.isoformat()}"))
    financing = result.new.financing
    if not financing.balanced and result.old.financing.balanced:
        differences = financing.differences()
        out.append(at("diff.unbalanced", Severity.warning, costs=money(result.new.total),
                      financing=money(financing.total),
                      difference=money(sum(differences.values(), start=ZERO), signed=True)))
    if profile is None:
        return out
    totals = result.totals
    old_total, new_total = result.old.total, result.new.total
    if profile.total_may_not_grow and new_total > old_total:
        out.append(at("diff.total_grows", old=money(old_total), new=money(new_total),
                      excess=money(new_total - old_total), profile=result.profile))
    years = result.years
    labels = {k: y.labels() for k, y in years}
    change = totals["difference"]
    if profile.within_year_only:
        for key, _ in years:
            if change[key]:
                out.append(at("diff.between_years", year=labels[key], old=money(totals["old"][key]),
                              new=money(totals["new"][key]), difference=money(change[key], signed=True),
                              profile=result.profile))
    if profile.no_earlier_years:
        keys = [k for k, _ in years]
        by_line: dict[str, dict[int, Decimal]] = {}
        for e in result.effects:
            by_line.setdefault(e.line, {})[e.year] = e.difference
        moved = False
        for line, per_year in by_line.items():  # a line whose money moves from a later year to an earlier one
            pair = _earlier(keys, per_year)
            if pair is not None:
                moved = True
                index = next((i for i, ln in enumerate(new.lines) if ln.name == line), None)
                out.append(at("diff.line_moved_earlier", path=("lines", index) if index is not None else (),
                              line=line, to=labels[pair[0]], increase=money(per_year[pair[0]]),
                              source=labels[pair[1]], decrease=money(-per_year[pair[1]]), profile=result.profile))
        pair = _earlier(keys, change)
        if not moved and pair is not None and new_total <= old_total:  # between lines: seen in the years' totals
            out.append(at("diff.moved_earlier", to=labels[pair[0]], increase=money(change[pair[0]]),
                          source=labels[pair[1]], decrease=money(-change[pair[1]]), profile=result.profile))
    if profile.category_max_change is not None:
        limit = profile.category_max_change
        for category_key, before, after in result.categories():
            old_sum, new_sum = sum(before.values(), start=ZERO), sum(after.values(), start=ZERO)
            if old_sum == new_sum:
                continue
            share = Fraction(abs(new_sum - old_sum)) / Fraction(old_sum) if old_sum else None
            if share is None or share > limit:
                index = next((i for i, ln in enumerate(new.lines) if new.category(ln.category).key == category_key),
                             None)
                path: tuple[str | int, ...] = ("lines", index, "category") if index is not None else ()
                out.append(at("diff.category_moved", path=path, category=_category(result, category_key),
                              old=money(old_sum),
                              new=money(new_sum), difference=money(new_sum - old_sum, signed=True),
                              share=percent(share) if share is not None else "∞", limit=percent(limit),
                              profile=result.profile))
    return out


def _category(result: Diff, key: str) -> Bilingual:
    """A category's name as a message parameter, in the language the message is shown in."""
    return Bilingual(lambda lang: result.category_name(key, lang))


def _earlier(keys: list[int], change: dict[int, Decimal]) -> tuple[int, int] | None:
    """The first budget year that grows while a later one shrinks: (earlier, later), else None."""
    for i, key in enumerate(keys):
        if change.get(key, ZERO) > 0:
            later = next((k for k in keys[i + 1:] if change.get(k, ZERO) < 0), None)
            if later is not None:
                return key, later
    return None


def diff(old: Budget | Computation, new: Budget | Computation, *, profile: str | None = None,
         profiles: dict[str, Profile] | None = None) -> Diff:
    """Compare ``old`` (the granted budget) with ``new`` (the revision). ``profile``: the rules to
    judge the revision by (a key of ``profiles``, default the built-in ones of ``rules.yaml``;
    ``"none"`` for none); default: the one the old budget's ``project.funder`` matches.
    :class:`~grantcalc.errors.SourceError` for a profile that does not exist."""
    from grantcalc.compute.computation import Computation

    old_c = old if isinstance(old, Computation) else old.compute()
    new_c = new if isinstance(new, Computation) else new.compute()
    profiles = builtin_profiles() if profiles is None else profiles
    if profile is None:
        chosen = profile_for(old_c.budget.project.funder, profiles)
    elif profile == "none":
        chosen = None
    elif profile in profiles:
        chosen = profile
    else:
        raise unknown_profile(profile, profiles)
    line_changes, renamed = _line_changes(old_c.budget, new_c.budget)
    changes = line_changes + _other_changes(old_c.budget, new_c.budget)
    result = Diff(old_c, new_c, changes, [], chosen, renamed=renamed)
    result.effects = _effects(old_c, new_c, renamed, [k for k, _ in result.years])
    result.findings = _rule_findings(result, profiles[chosen] if chosen is not None else None)
    result.__post_init__()
    return result


def value_kind(field_path: str) -> str:
    """How a changed field's values read: ``percent``, ``factor``, ``money``, ``number`` or ``text``."""
    last = field_path.rsplit(".", 1)[-1]
    if last.isdigit():  # amounts.2025, by_year.2026 …: the field before the year
        last = field_path.rsplit(".", 2)[-2]
    if last in ("women", "men"):
        return "percent"
    return FIELD_KINDS.get(last, ("text",))[0]


def plain(value: Any) -> Any:
    """A changed value for JSON: exact decimal strings, ISO dates, ``"04-01"`` for a day of the year."""
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, tuple) and len(value) == 2 and all(isinstance(v, int) for v in value):
        return f"{value[0]:02d}-{value[1]:02d}"
    if isinstance(value, tuple):
        return [plain(v) for v in value]
    return value
