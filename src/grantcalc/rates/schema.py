"""The rate file's validation: pydantic models of a rate file (:mod:`grantcalc.rates.table` documents the
form), which a user's file (``project.rates``, ``grantcalc rates --rates``) is validated by and turned
into the plain data of :mod:`grantcalc.rates.table`. Built only when such a file is read; the shipped
files are validated by the same models in the test suite."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from itertools import pairwise
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, field_validator, model_validator
from pydantic_core import PydanticCustomError

from grantcalc.money import NumberError
from grantcalc.rates.table import Kind, Missing, Rate, RateFile, RateSource, RateValue, parse_value

__all__ = ["RateFileModel"]


def _number(value: Any) -> Decimal:
    try:
        return parse_value(value)
    except NumberError as err:
        raise PydanticCustomError(err.kind, "{value} is not a usable number", {"value": str(value)}) from None
    except ValueError:
        raise PydanticCustomError("greater_than_equal", "must be at least 0", {"ge": 0}) from None


Value = Annotated[Decimal, BeforeValidator(_number)]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True, populate_by_name=True)


class _Source(_Model):
    title: str = Field(min_length=1)
    reference: str | None = None
    url: str | None = None

    def data(self) -> RateSource:
        return RateSource(self.title, self.reference, self.url)


class _Value(_Model):
    value: Value
    start: date = Field(alias="from")
    end: date | None = Field(None, alias="to")
    source: _Source
    verified: date | None = Field(None, description="the day the value was last read in its source")
    given: str | None = Field(None, description="who gave a value that was not found in a source")
    seen: list[str] = Field(default_factory=list, description="where else the figure was read")

    @model_validator(mode="after")
    def _dated(self) -> _Value:
        if self.end is not None and self.end < self.start:
            raise PydanticCustomError("rates_range", "to before from", {"start": str(self.start),
                                                                        "end": str(self.end)})
        if self.verified is None and self.given is None:
            raise PydanticCustomError("rates_unsourced", "verified or given", {})
        return self

    def data(self) -> RateValue:
        return RateValue(self.value, self.start, self.end, self.source.data(), self.verified, self.given,
                         tuple(self.seen))


class _Rate(_Model):
    kind: Kind
    title: str | None = None
    values: list[_Value] = Field(min_length=1)
    tolerance: Value | None = None

    @field_validator("values")
    @classmethod
    def _ordered(cls, values: list[_Value]) -> list[_Value]:
        ordered = sorted(values, key=lambda v: v.start)
        for before, after in pairwise(ordered):
            if before.end is None or before.end >= after.start:
                raise PydanticCustomError("rates_overlap", "values overlap", {"start": str(after.start)})
        return ordered

    def data(self) -> Rate:
        return Rate(self.kind, tuple(v.data() for v in self.values), self.title, self.tolerance)


class _Missing(_Model):
    years: str = Field(min_length=1)
    where: _Source

    def data(self) -> Missing:
        return Missing(self.years, self.where.data())


class RateFileModel(_Model):
    """A rate file as a user writes it."""

    rates: dict[Annotated[str, Field(min_length=1)], _Rate] = Field(default_factory=dict)
    missing: dict[Annotated[str, Field(min_length=1)], _Missing] = Field(default_factory=dict)

    def data(self) -> RateFile:
        return RateFile({k: r.data() for k, r in self.rates.items()},
                        {k: m.data() for k, m in self.missing.items()})
