"""The budget model: what a budget file declares (see :mod:`grantcalc.budget.model`)."""

from grantcalc.budget.categories import BUILTIN as BUILTIN_CATEGORIES
from grantcalc.budget.categories import Category
from grantcalc.budget.lines import (
    LINE_KINDS,
    Base,
    ExplicitLine,
    InKindLine,
    Line,
    OneOffLine,
    PercentageLine,
    PerUnitLine,
    PlacesLine,
    Raise,
    RecurringLine,
    Rounding,
    SalaryLine,
)
from grantcalc.budget.model import Budget, CategorySpec, Contact, Party, Period, Project

__all__ = [
    "Budget", "Project", "Party", "Contact", "Period", "CategorySpec", "Category", "BUILTIN_CATEGORIES",
    "Rounding", "Raise", "Base", "Line", "LINE_KINDS",
    "SalaryLine", "PlacesLine", "RecurringLine", "PerUnitLine", "OneOffLine", "ExplicitLine",
    "PercentageLine", "InKindLine",
]
