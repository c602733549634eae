"""What each numeric field of a budget holds: how it is shown, and the steps a search takes.

Used by the scenarios (a goal seek's default step and lowest value) and by the
report (how a sweep's parameter reads on a chart's axis: ``150 %``, ``1,42``,
``42 350 kr``). It describes the budget's own fields, so it lives with the model.
"""

from __future__ import annotations

from decimal import Decimal

__all__ = ["FIELD_KINDS"]

# what a field holds: how its values are shown, the step a goal seek takes by
# default and the lowest value the search starts from
FIELD_KINDS: dict[str, tuple[str, Decimal, Decimal]] = {
    "fte": ("percent", Decimal("0.05"), Decimal("0.05")),
    "rate": ("percent", Decimal("0.001"), Decimal(0)),
    "share": ("percent", Decimal("0.01"), Decimal(0)),
    "max_share": ("percent", Decimal("0.01"), Decimal(0)),
    "on_cost": ("factor", Decimal("0.01"), Decimal(1)),
    "monthly_salary": ("money", Decimal(100), Decimal(100)),
    "hourly_rate": ("money", Decimal(1), Decimal(1)),
    "price": ("money", Decimal(1000), Decimal(0)),
    "amount": ("money", Decimal(1), Decimal(0)),
    "amounts": ("money", Decimal(1), Decimal(0)),
    "unit_cost": ("money", Decimal(1), Decimal(0)),
    "step": ("money", Decimal(1), Decimal(1)),
    "total": ("money", Decimal(1), Decimal(0)),
    "per_year": ("money", Decimal(1), Decimal(0)),
    "places": ("number", Decimal(1), Decimal(1)),
    "per_places": ("number", Decimal(1), Decimal(1)),
    "people": ("number", Decimal(1), Decimal(1)),
    "count": ("number", Decimal(1), Decimal(1)),
    "frequency": ("number", Decimal(1), Decimal(1)),
    "hours": ("number", Decimal(1), Decimal(1)),
    "hours_per_year": ("number", Decimal(1), Decimal(1)),
    "months": ("number", Decimal("0.5"), Decimal(0)),
}
