"""Stage 2, second half: the financing budget, computed from the cost cells.

Each funder gets an amount per budget year — stated, a share of the costs,
the cost lines it carries, or the rest — in this order, so that the rest
funder sees every other amount. Shares are rounded once by the budget's
rounding rule; the rest is exact (costs less the others), so when there is a
rest funder the budget balances by construction.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING

from grantcalc.budget.financing import Funder, carries_in_kind
from grantcalc.budget.lines import Base
from grantcalc.rounding import round_value

if TYPE_CHECKING:
    import pandas as pd

    from grantcalc.compute.computation import Computation

__all__ = ["FunderRow", "Financing", "finance", "share_base"]

ZERO = Decimal(0)
DEFAULT_FUNDER = ("Sökt belopp", "Applied for")


@dataclass(frozen=True)
class FunderRow:
    """One funder's amounts per budget-year key. ``None``: the amount is not stated
    (an in-kind contribution the document does not value)."""

    name: str
    in_kind: bool
    amounts: dict[int, Decimal | None]
    source: str  # amounts, share, lines, rest, none, party (in-kind lines of a party), default
    index: int | None = None  # position in budget.financing; None for a row grantcalc added
    applies: bool = False
    lines: tuple[str, ...] = ()

    @property
    def stated(self) -> bool:
        """False when no amount of this row is known."""
        return any(v is not None for v in self.amounts.values())

    @property
    def total(self) -> Decimal:
        return sum((v for v in self.amounts.values() if v is not None), start=ZERO)

    def amount(self, key: int) -> Decimal:
        return self.amounts.get(key) or ZERO


@dataclass
class Financing:
    """The financing budget: rows per funder, totals per year, the amount applied for."""

    computation: Computation
    rows: list[FunderRow] = field(default_factory=list)

    @property
    def years(self):
        return self.computation.years

    def row(self, name: str) -> FunderRow:
        for row in self.rows:
            if row.name == name:
                return row
        raise KeyError(name)

    def year_total(self, key: int, *, in_kind: bool | None = None) -> Decimal:
        return sum((r.amount(key) for r in self.rows if in_kind is None or r.in_kind == in_kind), start=ZERO)

    @property
    def year_totals(self) -> dict[int, Decimal]:
        return {y.key: self.year_total(y.key) for y in self.years}

    @property
    def total(self) -> Decimal:
        return sum(self.year_totals.values(), start=ZERO)

    @property
    def applicant_row(self) -> FunderRow | None:
        """The funder applied to (*den som ansökan riktas till*)."""
        return next((r for r in self.rows if r.applies), None)

    @property
    def applied_amount(self) -> Decimal | None:
        """*Sökt belopp*: the applying funder's cash amount over the period."""
        row = self.applicant_row
        if row is None:
            return None
        return ZERO if row.in_kind else row.total

    def differences(self) -> dict[int, Decimal]:
        """Per budget year: financing − costs (0 when balanced)."""
        return {y.key: self.year_total(y.key) - self.computation.year_total(y.key) for y in self.years}

    @property
    def balanced(self) -> bool:
        return not any(self.differences().values())

    # --- frames and display: installed by grantcalc.facade ------------------------
    # to_frame (report.frames), table and the repr (report.check), _repr_html_
    # (report.html): declared here for type checkers only.
    if TYPE_CHECKING:
        def to_frame(self, *, lang: str | None = None, totals: bool = True) -> pd.DataFrame: ...
        def table(self, lang: str | None = None) -> str: ...
        def _repr_html_(self) -> str: ...


def share_base(computation: Computation, of: Base | None, key: int) -> Decimal:
    """The costs a share is a share of in budget year ``key``.

    Without ``of``: all costs, contributions in kind included (the project's total cost),
    less any ``exclude_*``. With ``of.categories`` / ``of.lines``, lines are chosen as a
    percentage line chooses them: by category (in-kind lines left out), or by name (taken
    whatever they are), less the exclusions.
    """
    if of is None or not (of.categories or of.lines or of.exclude_categories or of.exclude_lines):
        return computation.year_total(key)
    return _ShareBases.of(computation).sum(of, key)


class _ShareBases:
    """The lines of each ``of`` of a computation's funders, chosen once (not once per budget year and
    funder, each time scanning every line): linear in the budget however many funders it has."""

    def __init__(self, computation: Computation):
        budget = computation.budget
        self.computation = computation
        self.lines = budget.lines
        self.category = [budget.category(line.category).key for line in budget.lines]
        self.position: dict[str, int] = {}
        self.cash: dict[str, list[int]] = {}  # category key → its lines not in kind
        for i, line in enumerate(budget.lines):
            self.position.setdefault(line.name, i)
            if not line.in_kind:
                self.cash.setdefault(self.category[i], []).append(i)
        self._chosen: dict[tuple, tuple[tuple[str, ...] | None, tuple[str, ...], frozenset[str]]] = {}
        self._category_sums: dict[int, dict[str, Decimal]] = {}
        self._sums: dict[tuple[int, int], Decimal] = {}  # (id of a choice, year) → its sum

    @classmethod
    def of(cls, computation: Computation) -> _ShareBases:
        found = computation.__dict__.get("_share_bases")
        if found is None:
            found = computation.__dict__["_share_bases"] = cls(computation)
        return found

    def _choose(self, of: Base) -> tuple[tuple[str, ...] | None, tuple[str, ...], frozenset[str]]:
        """The lines ``of`` chooses, in the budget's order; None for all lines less exclusions, which
        are then given: the lines left out by name (outside the categories left out) and the categories
        left out. Funders with the same ``of`` share the choice."""
        budget = self.computation.budget
        left_categories = frozenset(budget.category(c).key for c in of.exclude_categories)
        included = frozenset(budget.category(c).key for c in of.categories)
        left, named = frozenset(of.exclude_lines), frozenset(of.lines)
        spec = (included, named, left_categories, left)
        known = self._chosen.get(spec)
        if known is not None:
            return known
        chosen: tuple[str, ...] | None = None
        left_out: tuple[str, ...] = ()
        if included or named:
            picked = {j for c in included for j in self.cash.get(c, ())}
            picked.update(self.position[n] for n in named if n in self.position)
            chosen = tuple(self.lines[j].name for j in sorted(picked)
                           if self.category[j] not in left_categories and self.lines[j].name not in left)
        else:
            left_out = tuple(n for n in sorted(left, key=lambda n: self.position.get(n, -1))
                             if n in self.position and self.category[self.position[n]] not in left_categories)
        found = self._chosen[spec] = (chosen, left_out, left_categories)
        return found

    def sum(self, of: Base, key: int) -> Decimal:
        chosen, left_out, left_categories = self._choose(of)
        c = self.computation
        if chosen is not None:
            known = self._sums.get((id(chosen), key))
            if known is None:
                known = self._sums[(id(chosen), key)] = sum((c.amount(n, key) for n in chosen), start=ZERO)
            return known
        sums = self._category_sums.get(key)
        if sums is None:
            sums = self._category_sums[key] = {}
            for i, line in enumerate(self.lines):
                sums[self.category[i]] = sums.get(self.category[i], ZERO) + c.amount(line.name, key)
        total = c.year_total(key) - sum((sums.get(k, ZERO) for k in left_categories), start=ZERO)
        return total - sum((c.amount(n, key) for n in left_out), start=ZERO)


def finance(computation: Computation) -> Financing:
    """The financing rows of ``computation``'s budget, in the budget's order."""
    budget = computation.budget
    keys = [y.key for y in computation.years]
    rule = budget.rounding.rule()
    funders = list(budget.financing)
    if not funders:  # no financing declared: the funder applied to covers the rest
        name = budget.project.funder or DEFAULT_FUNDER[0 if budget.language == "sv" else 1]
        funders = [Funder(name=name, rest=True, applies=True)]
        implicit = True
    else:
        implicit = False

    # in-kind lines no funder lists are carried by their party: by the funder of that
    # name when it has no amounts of its own, else by a row of the party's own
    listed = {n for f in funders for n in f.lines}
    by_party: dict[str, list[str]] = {}
    for line in budget.lines:
        if line.in_kind and line.name not in listed:
            by_party.setdefault(line.party, []).append(line.name)
    own_row = {f.name for f in funders if f.source == "none" and f.in_kind is not False}
    suffix = "i natura" if budget.language == "sv" else "in kind"
    takes_party_lines: dict[str, str] = {}  # funder name → the party whose lines it carries
    for party in by_party:
        for candidate in (party, f"{party} (i natura)", f"{party} (in kind)"):
            if candidate in own_row:
                takes_party_lines[candidate] = party
                break

    def line_sum(line_names, key) -> Decimal | None:
        lines = [budget.line(n) for n in line_names]
        if not any(ln.has_amount for ln in lines):
            return None
        return sum((computation.amount(n, key) for n in line_names), start=ZERO)

    names = {f.name for f in funders}
    applying = next((f.name for f in funders if f.applies), None)
    if applying is None and budget.project.funder in names:
        applying = budget.project.funder
    if applying is None:
        applying = next((f.name for f in funders if f.rest), None)

    rows: dict[str, FunderRow] = {}
    rest: tuple[int, Funder] | None = None
    for i, funder in enumerate(funders):
        index = None if implicit else i
        party = takes_party_lines.get(funder.name)
        own_lines = tuple(funder.lines) or tuple(by_party[party] if party else ())
        in_kind = carries_in_kind(budget, funder)
        amounts: dict[int, Decimal | None]
        if funder.source == "rest":
            rest = (i, funder)
            continue
        if funder.source == "amounts":
            amounts = {k: funder.amounts.get(k, ZERO) for k in keys}
        elif funder.source == "share":
            amounts = {k: round_value(Fraction(funder.share) * Fraction(share_base(computation, funder.of, k)), rule)
                       for k in keys}
        elif funder.source == "lines":
            amounts = {k: line_sum(funder.lines, k) for k in keys}
        elif party is not None:  # a funder named as the party (or "party (i natura)") carries its in-kind lines
            amounts = {k: line_sum(by_party[party], k) for k in keys}
            in_kind = True
        else:
            amounts = {k: ZERO for k in keys}
        rows[funder.name] = FunderRow(funder.name, in_kind, amounts, funder.source, index,
                                      funder.name == applying, own_lines)
    carried_parties = set(takes_party_lines.values())
    for party, line_names in by_party.items():
        if party not in carried_parties:
            name = party
            n = 1
            while name in names or name in rows:  # never replace a declared funder's row
                name = f"{party} ({suffix})" if n == 1 else f"{party} ({suffix} {n})"
                n += 1
            rows[name] = FunderRow(name, True, {k: line_sum(line_names, k) for k in keys}, "party",
                                   lines=tuple(line_names))
    if rest is not None:
        i, funder = rest
        others = {k: sum((r.amount(k) for r in rows.values()), start=ZERO) for k in keys}
        amounts = {k: computation.year_total(k) - others[k] for k in keys}
        rows[funder.name] = FunderRow(funder.name, bool(funder.in_kind), amounts, "default" if implicit else "rest",
                                      None if implicit else i, funder.name == applying)
    order = {f.name: i for i, f in enumerate(funders)}
    ordered = sorted(rows.values(), key=lambda r: order.get(r.name, len(order)))
    return Financing(computation, ordered)

