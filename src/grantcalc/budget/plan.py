"""The time and activity plan (*tids- och aktivitetsplan samt kostnad*).

Funders' forms ask for the project's activities with dates and a cost
(Gävleborg's section 5.5). An activity may name the cost ``lines`` its cost is
part of; ``grantcalc check`` then compares the plan's costs with those lines in
the budget years the activities cover.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from grantcalc.budget.stated import Stated
from grantcalc.budget.types import Date, Text

__all__ = ["Activity"]


class Activity(BaseModel):
    """One activity of the plan (*aktivitet*)."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True, defer_build=True)

    name: Text = Field(description="aktivitet")
    start: Date | None = Field(None, description="startdatum")
    end: Date | None = Field(None, description="slutdatum")
    cost: Stated | None = Field(None, description="kostnad, as the plan states it")
    lines: list[Text] = Field(default_factory=list, description="the cost lines this activity's cost is part of")
