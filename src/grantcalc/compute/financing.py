"""Stage 2, second half: the financing budget, computed from the cost cells.

Each funder gets an amount per budget year — stated, a share of the costs,
the cost lines it carries, or the rest — in this order, so that the rest
funder sees every other amount. Shares are rounded once by the budget's
rounding rule; the rest is exact (costs less the others), so when there is a
rest funder the budget balances by construction.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING

from grantcalc.budget.bases import LineIndex
from grantcalc.budget.financing import Funder, carries_in_kind
from grantcalc.budget.lines import Base, InKindLine, Line
from grantcalc.catalogue import text, texts
from grantcalc.rounding import round_value

if TYPE_CHECKING:
    import pandas as pd

    from grantcalc.budget.model import Budget
    from grantcalc.compute.computation import Computation

__all__ = ["FunderRow", "Financing", "finance", "share_base", "SOURCES", "stated_amounts", "share_of_costs",
           "lines_carried", "nothing_or_party", "party_rows", "rest"]

ZERO = Decimal(0)


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
        def table(self, lang: str | None = None, width: int | None = None) -> str: ...
        def _repr_html_(self) -> str: ...


def share_base(computation: Computation, of: Base | None, key: int) -> Decimal:
    """The costs a share is a share of in budget year ``key``.

    Without ``of``: all costs, contributions in kind included (the project's total cost),
    less any ``exclude_*``. With ``of.categories`` / ``of.lines``, lines are chosen as a
    percentage line chooses them (:meth:`grantcalc.budget.bases.LineIndex.select`): by category
    (in-kind lines left out), or by name (taken whatever they are), less the exclusions.
    """
    if of is None or not (of.categories or of.lines or of.exclude_categories or of.exclude_lines):
        return computation.year_total(key)
    return _ShareBases.of(computation).sum(of, key)


def _every_line(line: Line) -> bool:
    return True


class _ShareBases:
    """The sums of each ``of`` of a computation's funders, per budget year: the lines are chosen once
    (:class:`LineIndex`, whose default pool is every line), not once per budget year and funder, so the
    financing is linear in the budget however many funders it has."""

    def __init__(self, computation: Computation):
        self.computation = computation
        self.index = LineIndex(computation.budget, _every_line)
        self._category_sums: dict[int, dict[str, Decimal]] = {}
        self._sums: dict[tuple[int, int], Decimal] = {}  # (id of a selection, year) → its sum

    @classmethod
    def of(cls, computation: Computation) -> _ShareBases:
        found = computation.__dict__.get("_share_bases")
        if found is None:
            found = computation.__dict__["_share_bases"] = cls(computation)
        return found

    def sum(self, of: Base, key: int) -> Decimal:
        chosen = self.index.select(of)
        c = self.computation
        if chosen.lines is not None:
            known = self._sums.get((id(chosen), key))
            if known is None:
                known = self._sums[(id(chosen), key)] = sum((c.amount(n, key) for n in chosen.lines), start=ZERO)
            return known
        sums = self._category_sums.get(key)
        if sums is None:
            sums = self._category_sums[key] = {}
            for i, line in enumerate(self.index.lines):
                category = self.index.category[i]
                sums[category] = sums.get(category, ZERO) + c.amount(line.name, key)
        total = c.year_total(key) - sum((sums.get(k, ZERO) for k in chosen.left_out_categories), start=ZERO)
        return total - sum((c.amount(n, key) for n in chosen.left_out), start=ZERO)


# --- the financing rows: one function per kind of source -------------------------------------------

class _Context:
    """What the sources of a computation's funders share: the budget years, the rounding, the funders
    (the funder applied to, covering the rest, when the budget declares none), the in-kind lines no funder
    lists by their party, the funder that carries each party's lines, and the funder applied to."""

    def __init__(self, computation: Computation):
        budget = computation.budget
        self.computation, self.budget = computation, budget
        self.keys = [y.key for y in computation.years]
        self.rule = budget.rounding.rule()
        self.implicit = not budget.financing  # the funders are the default one, made here
        self.funders = list(budget.financing) or [
            Funder(name=budget.project.funder or text("funder.default", budget.language), rest=True, applies=True)]
        self.names = {f.name for f in self.funders}
        self.by_party = _party_lines(budget, self.funders)
        self.takes_party_lines = _party_carriers(self.funders, self.by_party)
        self.applying = _applying(budget, self.funders)

    def line_sums(self, names: list[str] | tuple[str, ...]) -> dict[int, Decimal | None]:
        """The sums of the lines ``names`` per budget year; None when none of them has an amount
        (contributions in kind the document does not value)."""
        lines = [self.budget.line(n) for n in names]
        if not any(ln.has_amount for ln in lines):
            return dict.fromkeys(self.keys)
        c = self.computation
        return {k: sum((c.amount(n, k) for n in names), start=ZERO) for k in self.keys}

    def row(self, index: int, funder: Funder, amounts: dict[int, Decimal | None], *, in_kind: bool | None = None,
            lines: tuple[str, ...] | None = None) -> FunderRow:
        """The row of the declared ``funder`` at ``index``: in kind when it carries in kind, its own lines."""
        return FunderRow(funder.name, carries_in_kind(self.budget, funder) if in_kind is None else in_kind, amounts,
                         funder.source, None if self.implicit else index, funder.name == self.applying,
                         tuple(funder.lines) if lines is None else lines)


def _party_lines(budget: Budget, funders: list[Funder]) -> dict[str, list[str]]:
    """The in-kind lines no funder lists, by the party that carries them, in the budget's order."""
    listed = {n for f in funders for n in f.lines}
    by_party: dict[str, list[str]] = {}
    for line in budget.lines:
        if isinstance(line, InKindLine) and line.name not in listed:
            by_party.setdefault(line.party, []).append(line.name)
    return by_party


def _party_carriers(funders: list[Funder], by_party: dict[str, list[str]]) -> dict[str, str]:
    """Funder name → the party whose in-kind lines it carries: a funder with no amounts of its own named
    as the party, or as the party's own row ("Kommun (i natura)", in any language)."""
    own_row = {f.name for f in funders if f.source == "none" and f.in_kind is not False}
    takes: dict[str, str] = {}
    for party in by_party:
        found = _party_row(party, own_row)
        if found is not None:
            takes[found] = party
    return takes


def _party_row(party: str, names: set[str]) -> str | None:
    """The one of ``names`` that is ``party``'s: its own name, else "party (i natura)" in any language
    (whose texts are read only when a name holds the party's: a Swedish budget reads no other language)."""
    if party in names:
        return party
    if not any(party in name for name in names):
        return None
    return next((row for row in (t.format(party=party) for t in texts("funder.in_kind")) if row in names), None)


def _applying(budget: Budget, funders: list[Funder]) -> str | None:
    """The funder applied to: the one marked ``applies``, else the project's ``funder``, else the rest."""
    applying = next((f.name for f in funders if f.applies), None)
    if applying is None and budget.project.funder in {f.name for f in funders}:
        applying = budget.project.funder
    if applying is None:
        applying = next((f.name for f in funders if f.rest), None)
    return applying


Source = Callable[[_Context, int, Funder], FunderRow]


def stated_amounts(context: _Context, index: int, funder: Funder) -> FunderRow:
    """``amounts``: as stated per budget year (a year left out is 0)."""
    amounts = funder.amounts or {}
    return context.row(index, funder, {k: amounts.get(k, ZERO) for k in context.keys})


def share_of_costs(context: _Context, index: int, funder: Funder) -> FunderRow:
    """``share``: of all costs or of ``of`` (:func:`share_base`), rounded once by the budget's rule."""
    assert funder.share is not None  # the source is "share"
    share = Fraction(funder.share)
    c, rule = context.computation, context.rule
    return context.row(index, funder, {k: round_value(share * Fraction(share_base(c, funder.of, k)), rule)
                                       for k in context.keys})


def lines_carried(context: _Context, index: int, funder: Funder) -> FunderRow:
    """``lines``: the sum of the cost lines the funder carries."""
    return context.row(index, funder, context.line_sums(funder.lines))


def nothing_or_party(context: _Context, index: int, funder: Funder) -> FunderRow:
    """No source: no amount stated (``None`` each year: it counts as 0 in every sum, and prints as ``–``,
    as an in-kind line without a value does) — unless the funder is named as a party (or "party
    (i natura)") whose in-kind lines no funder lists: then it carries them, in kind."""
    party = context.takes_party_lines.get(funder.name)
    if party is None:
        return context.row(index, funder, dict.fromkeys(context.keys))
    lines = context.by_party[party]
    return context.row(index, funder, context.line_sums(lines), in_kind=True, lines=tuple(lines))


SOURCES: dict[str, Source] = {"amounts": stated_amounts, "share": share_of_costs, "lines": lines_carried,
                              "none": nothing_or_party}
"""The row of a funder by its ``source``; the ``rest`` comes last, on all the others (:func:`rest`)."""


def party_rows(context: _Context, rows: dict[str, FunderRow]) -> None:
    """Rows of their own for the parties whose in-kind lines no funder carries, named as the party — or,
    beside a declared funder or row of that name, "party (i natura)", "party (i natura 2)"…"""
    carried = set(context.takes_party_lines.values())
    lang = context.budget.language
    for party, line_names in context.by_party.items():
        if party in carried:
            continue
        name, n = party, 1
        while name in context.names or name in rows:  # never replace a declared funder's row
            name = text("funder.in_kind" if n == 1 else "funder.in_kind_n", lang).format(party=party, number=n)
            n += 1
        rows[name] = FunderRow(name, True, context.line_sums(line_names), "party", lines=tuple(line_names))


def rest(context: _Context, index: int, funder: Funder, rows: dict[str, FunderRow]) -> FunderRow:
    """``rest``: what the other rows leave of the costs, exactly (the balancing line)."""
    c = context.computation
    others = {k: sum((r.amount(k) for r in rows.values()), start=ZERO) for k in context.keys}
    amounts: dict[int, Decimal | None] = {k: c.year_total(k) - others[k] for k in context.keys}
    return FunderRow(funder.name, bool(funder.in_kind), amounts, "default" if context.implicit else "rest",
                     None if context.implicit else index, funder.name == context.applying)


def finance(computation: Computation) -> Financing:
    """The financing rows of ``computation``'s budget, in the budget's order: each funder's by its source
    (:data:`SOURCES`), the parties' own rows (:func:`party_rows`), and the rest on all of them."""
    context = _Context(computation)
    rows: dict[str, FunderRow] = {}
    balancing: tuple[int, Funder] | None = None
    for i, funder in enumerate(context.funders):
        if funder.source == "rest":
            balancing = (i, funder)
        else:
            rows[funder.name] = SOURCES[funder.source](context, i, funder)
    party_rows(context, rows)
    if balancing is not None:
        rows[balancing[1].name] = rest(context, *balancing, rows)
    order = {f.name: i for i, f in enumerate(context.funders)}
    return Financing(computation, sorted(rows.values(), key=lambda r: order.get(r.name, len(order))))
