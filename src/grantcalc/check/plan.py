"""The time and activity plan against the cost lines its activities belong to.

Activities that name cost lines are grouped: two activities sharing a line are
in one group (two trainings paid from one training line). For each group, the
sum of the activities' costs is compared with the lines' amounts in the
budget years the activities cover (every year when they give no dates).
"""

from __future__ import annotations

from decimal import Decimal

from grantcalc.compute.computation import Computation
from grantcalc.errors import Problem, Severity

__all__ = ["check", "groups"]


def groups(activities) -> list[tuple[list[int], list[str]]]:
    """Activity indexes grouped by shared cost lines, with the group's lines (in first-use order)."""
    parent = list(range(len(activities)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    owner: dict[str, int] = {}
    for i, activity in enumerate(activities):
        for name in activity.lines:
            if name in owner:
                parent[find(i)] = find(owner[name])
            else:
                owner[name] = i
    out: dict[int, tuple[list[int], list[str]]] = {}
    for i, activity in enumerate(activities):
        if not activity.lines:
            continue
        members, lines = out.setdefault(find(i), ([], []))
        members.append(i)
        lines.extend(n for n in activity.lines if n not in lines)
    return list(out.values())


def check(c: Computation) -> list[Problem]:
    budget = c.budget
    plan = budget.plan
    out: list[Problem] = []
    for members, lines in groups(plan):
        activities = [plan[i] for i in members]
        if any(a.cost is None for a in activities):
            continue
        # every activity has a cost (see above): the filter only narrows the type
        planned = sum((a.cost.amount for a in activities if a.cost is not None), start=Decimal(0))
        years = [y for y in c.years if any(_overlaps(a, y) for a in activities)]
        cost = sum((c.amount(n, y.key) for n in lines for y in years), start=Decimal(0))
        if planned != cost:
            out.append(Problem("plan.costs", Severity.warning, ("plan", members[0], "cost"), {
                "activities": " + ".join(a.name for a in activities), "plan": planned,
                "lines": ", ".join(lines), "cost": cost, "years": _span(years),
                "difference": planned - cost}))
    return out


def _span(years) -> tuple[str, ...]:
    """"2022–2024" (or "År 1–År 3" / "Year 1–Year 3"); one year alone: its label."""
    if not years:
        return "", ""
    first, last = years[0].labels(), years[-1].labels()
    return tuple("–".join(dict.fromkeys((a, b))) for a, b in zip(first, last))


def _overlaps(activity, year) -> bool:
    start = activity.start or year.start
    end = activity.end or year.end
    return start <= year.end and end >= year.start
