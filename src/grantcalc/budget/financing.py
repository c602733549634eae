"""The financing budget (*finansieringsbudget*): who pays what, per budget year.

``financing`` in a budget file is a list of funders (*finansiärer*). A funder's
amount per budget year comes from exactly one of

* ``amounts`` – stated per year, as the document's financing table has them;
* ``share``   – a share of the costs, or of chosen lines or categories (``of``);
* ``lines``   – the cost lines it carries, e.g. "Kommun genom lokal hyra"
  carries the rent line in kind;
* ``rest``    – what the others leave: costs − the other funders (the
  balancing line; at most one funder);

or none of them: a funder the form lists with nothing (0). ``in_kind`` marks
a contribution in kind (*i form av lokal/personal*): it finances costs but is
not paid out, so it is not part of the amount applied for. Rules the funder
sets are checked, not used to compute: ``cap`` (a ceiling per year and in
total, *tak*), ``max_share`` (at most this share of the costs), and ``share``
together with ``amounts`` (the stated amounts must be that share).

The amount applied for (*sökt belopp*) is the cash amount of the applying
funder: the one marked ``applies: true``, else the one named as the project's
``funder``, else the ``rest`` funder.

In-kind cost lines (``kind: in_kind``) are financed in kind by their ``party``:
by the funder of that name, or by a row of their own when no funder carries them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ConfigDict, Field, model_validator
from pydantic_core import PydanticCustomError

from grantcalc.budget.lines import Base, InKindLine
from grantcalc.budget.stated import StatedRow
from grantcalc.budget.types import Money, Portion, Text, YearKey

if TYPE_CHECKING:
    from grantcalc.budget.model import Budget

__all__ = ["Funder", "Cap", "carries_in_kind"]


class _Model(BaseModel):
    # defer_build: a model builds its validator when first used, not on import (start-up time)
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True, defer_build=True)


class Cap(_Model):
    """A funder's ceiling (*tak*): in total and/or per budget year."""

    total: Money | None = Field(None, description="at most this much over the whole period")
    per_year: Money | dict[YearKey, Money] | None = Field(
        None, description="at most this much in each budget year, or per year: {2024: 500000, …}")

    @model_validator(mode="before")
    @classmethod
    def _from_number(cls, value: Any) -> Any:
        return value if isinstance(value, dict) else {"total": value}

    def for_year(self, key: int):
        if isinstance(self.per_year, dict):
            return self.per_year.get(key)
        return self.per_year


class Funder(_Model):
    """A funder (*finansiär*) and how its amount per budget year is found. A plain string is its name."""

    name: Text
    in_kind: bool | None = Field(
        None, description="a contribution in kind (i natura); default: true when it carries only in-kind lines")
    amounts: dict[YearKey, Money] | None = Field(None, description="the amount per budget year, as stated")
    share: Portion | None = Field(None, description="a share of the costs (or of `of`): \"50 %\"")
    of: Base | None = Field(None, description="what share and max_share are shares of (default: all costs)")
    lines: list[Text] = Field(default_factory=list, description="cost lines this funder carries")
    rest: bool = Field(False, description="covers what the other funders leave (the balancing line)")
    applies: bool = Field(False, description="this is the funder applied to: its cash amount is the applied amount")
    cap: Cap | None = Field(None, description="a ceiling: {total: …, per_year: …} (a number is a total)")
    max_share: Portion | None = Field(None, description="at most this share of the costs (or of `of`)")
    stated: StatedRow = Field(default_factory=dict, description="the funder's row as the document states it")

    @model_validator(mode="before")
    @classmethod
    def _from_name(cls, value: Any) -> Any:
        return {"name": value} if isinstance(value, str) else value

    @model_validator(mode="after")
    def _one_source(self) -> Funder:
        given = [k for k, on in (("lines", bool(self.lines)), ("rest", self.rest),
                                 ("amounts", self.amounts is not None)) if on]
        if len(given) > 1:
            raise PydanticCustomError("only_one_of", "give only one of amounts, lines and rest",
                                      {"options": ", ".join(given)})
        if self.share is not None and (self.lines or self.rest):
            raise PydanticCustomError("only_one_of", "share with lines or rest",
                                      {"options": "share, " + ("lines" if self.lines else "rest")})
        return self

    @property
    def source(self) -> str:
        """How the amount is found: amounts, share, lines, rest or none."""
        if self.amounts is not None:
            return "amounts"
        if self.share is not None:
            return "share"
        if self.lines:
            return "lines"
        return "rest" if self.rest else "none"


def carries_in_kind(budget: Budget, funder: Funder) -> bool:
    """A funder's contribution is in kind when it says so, or when every line it carries is in kind."""
    if funder.in_kind is not None:
        return funder.in_kind
    known = budget.lines_by_name  # built once per budget: this is asked for each funder
    lines = [known[n] for n in funder.lines if n in known]
    return bool(lines) and all(isinstance(line, InKindLine) for line in lines)
