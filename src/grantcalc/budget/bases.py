"""Bases: which lines an ``of`` selects — the one rule for every stage that sums chosen lines.

A percentage line is a percentage of the lines its ``of`` chooses, and a funder's ``share`` or
``max_share`` is a share of them; the validation, the computation and the financing all ask the
same question of ``of: {categories, lines, exclude_categories, exclude_lines}``, and
:meth:`LineIndex.select` is where it is answered:

* ``categories`` choose the *cash* lines of those categories (in-kind lines left out: a cash
  overhead is not charged on a contribution in kind); ``lines`` name lines, which are taken
  whatever they are; a percentage line is never in its own base;
* ``exclude_categories`` and ``exclude_lines`` remove lines from the choice;
* an ``of`` that names neither lines nor categories is of a *default pool* (for a percentage line
  every cash line that is not a percentage line, for a funder every line), less the exclusions.
  Its selection is kept as what it leaves out, not as a list of the pool: a thousand overheads on
  all costs do not hold a thousand lists of every line.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from grantcalc.budget.lines import Base, InKindLine, Line, PercentageLine

if TYPE_CHECKING:
    from grantcalc.budget.model import Budget

__all__ = ["Selection", "LineIndex", "in_default_base", "PercentageBase", "PercentageBases", "percentage_bases",
           "base_lines", "percentage_order", "Cycle"]


@dataclass(frozen=True, slots=True)
class Selection:
    """The lines an ``of`` selects. ``lines``: their names in the budget's order; None for an ``of``
    naming neither lines nor categories, which is the whole default pool less the lines of
    ``left_out_categories`` and less ``left_out`` (the pool's lines it excludes by name, outside
    those categories, in the budget's order)."""

    lines: tuple[str, ...] | None
    left_out_categories: frozenset[str] = frozenset()
    left_out: tuple[str, ...] = ()


def in_default_base(line: Line) -> bool:
    """Whether ``line`` is in the default base of a percentage line: a cash line that is not a percentage line."""
    return not isinstance(line, (InKindLine, PercentageLine))


class LineIndex:
    """A budget's lines indexed for :meth:`select`: each line's category key (a category is normalised
    once per spelling), the position of each name and the cash lines of each category, so choosing a
    base is linear in what it chooses, not in the budget (a base used to be chosen by scanning every
    line: 5 000 percentage lines in a chain took minutes). ``pool``: which lines an ``of`` naming
    neither lines nor categories is of. Selections of the same ``of`` are one object."""

    def __init__(self, budget: Budget, pool: Callable[[Line], bool]):
        self.budget = budget
        self.lines = budget.lines
        self.pool = pool
        self._keys: dict[str, str] = {}  # a category as written → its key
        self.category = [self.key(line.category) for line in self.lines]  # by position
        self.position: dict[str, int] = {}
        self.cash: dict[str, list[int]] = {}  # category key → the positions of its cash lines
        for i, line in enumerate(self.lines):
            self.position.setdefault(line.name, i)
            if not isinstance(line, InKindLine):
                self.cash.setdefault(self.category[i], []).append(i)
        self._selections: dict[tuple, Selection] = {}

    def key(self, category: str) -> str:
        """The key of the category written ``category`` (``KeyError`` if there is none)."""
        found = self._keys.get(category)
        if found is None:
            found = self._keys[category] = self.budget.category(category).key
        return found

    def select(self, of: Base, itself: int | None = None) -> Selection:
        """The lines ``of`` selects; ``itself``: the position of the line whose base it is, never in it."""
        left_categories = frozenset(self.key(c) for c in of.exclude_categories)
        left = frozenset(of.exclude_lines)
        if not (of.categories or of.lines):
            spec: tuple = (left_categories, left)
            found = self._selections.get(spec)
            if found is None:
                found = self._selections[spec] = Selection(None, left_categories, self._left_out(left, left_categories))
            return found
        included = frozenset(self.key(c) for c in of.categories)
        named = frozenset(of.lines)
        own = itself is not None and (self.lines[itself].name in named or self.category[itself] in included)
        spec = (included, named, left_categories, left, itself if own else None)
        found = self._selections.get(spec)
        if found is None:
            found = self._selections[spec] = Selection(self._chosen(included, of.lines, left_categories, left, itself),
                                                       left_categories)
        return found

    def _chosen(self, included: frozenset[str], named: list[str], left_categories: frozenset[str],
                left: frozenset[str], itself: int | None) -> tuple[str, ...]:
        """The cash lines of ``included`` and the lines ``named``, in the budget's order, less those left out."""
        chosen = {j for c in included for j in self.cash.get(c, ())}
        chosen.update(self.position[n] for n in named if n in self.position)
        category, lines = self.category, self.lines
        return tuple(lines[j].name for j in sorted(chosen)
                     if j != itself and category[j] not in left_categories and lines[j].name not in left)

    def _left_out(self, left: frozenset[str], left_categories: frozenset[str]) -> tuple[str, ...]:
        """The lines of the pool named in ``left``, outside ``left_categories``, in the budget's order."""
        position = self.position
        return tuple(n for n in sorted(left, key=lambda n: position.get(n, -1))
                     if n in position and self.pool(self.lines[position[n]])
                     and self.category[position[n]] not in left_categories)


# --- the bases of percentage lines ------------------------------------------------------------


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

    Linear in the size of the budget (:class:`LineIndex`), and percentage lines with the same ``of``
    share one base. Kept with the list of lines it was resolved for, so it is resolved once per budget.
    """
    cached = budget.__dict__.get("_percentage_bases")
    if cached is not None and cached[0] is budget.lines:
        return cached[1]
    bases = _resolve_bases(budget)
    budget.__dict__["_percentage_bases"] = (budget.lines, bases)
    return bases


def _resolve_bases(budget: Budget) -> PercentageBases:
    lines = budget.lines
    index = LineIndex(budget, in_default_base)
    category = index.category
    default = [i for i, line in enumerate(lines) if in_default_base(line)]
    default_count: dict[str, int] = {}  # category key → how many lines of the default base it has
    for i in default:
        default_count[category[i]] = default_count.get(category[i], 0) + 1
    shared: dict[int, PercentageBase] = {}  # id of a selection (kept by the index) → its base
    out: dict[str, PercentageBase] = {}
    for i, line in enumerate(lines):
        if isinstance(line, PercentageLine):
            chosen = index.select(line.of, itself=i)
            base = shared.get(id(chosen))
            if base is None:
                base = shared[id(chosen)] = _percentage_base(chosen, index, len(default), default_count)
            out[line.name] = base
    names = tuple(lines[j].name for j in default)
    return PercentageBases(out, names, {line.name: category[i] for i, line in enumerate(lines)}, frozenset(names))


def _percentage_base(chosen: Selection, index: LineIndex, default_size: int,
                     default_count: dict[str, int]) -> PercentageBase:
    if chosen.lines is not None:
        percentages = tuple(n for n in chosen.lines if isinstance(index.lines[index.position[n]], PercentageLine))
        return PercentageBase(chosen.lines, percentages, size=len(chosen.lines))
    size = (default_size - sum(default_count.get(c, 0) for c in chosen.left_out_categories)
            - len(chosen.left_out))
    return PercentageBase(None, (), chosen.left_out_categories, chosen.left_out, size)


def base_lines(budget: Budget, line: PercentageLine) -> list[str]:
    """Names of the lines whose amounts make the base of percentage ``line``, in the budget's order."""
    bases = percentage_bases(budget)
    base = bases.of[line.name]
    if base.lines is not None:
        return list(base.lines)
    left = set(base.left_out)
    return [n for n in bases.default if n not in left and bases.category[n] not in base.left_out_categories]


class Cycle(Exception):
    """Percentage lines whose bases reach back to themselves: ``names`` from the first to itself again,
    ``index`` the position of the first."""

    def __init__(self, index: int, names: list[str]):
        super().__init__(" → ".join(names))
        self.index, self.names = index, names


def percentage_order(budget: Budget) -> list[str]:
    """Percentage lines in an order where every base is computed first.

    A depth-first walk with a stack of its own (a chain of 5 000 percentage lines is no
    ``RecursionError``); raises :class:`Cycle` with the first cycle met."""
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
                    raise Cycle(index[cycle[0]], cycle)
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
