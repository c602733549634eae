"""Rates as dated data: a rate (*sats*) is a name, a kind and its values, each value in force from one
day to another, with the source it was read from and the day it was last verified there.

A rate file (the shipped ones in ``grantcalc/rates/data/``, or a user's own, ``project.rates``)::

    rates:
      arbetsgivaravgift:
        kind: employer_fee          # employer_fee, on_cost, flat_rate, hours, raise, member_share
        values:
          - value: 31,42 %
            from: 2026-01-01
            to: 2026-12-31          # left out: in force until changed
            source: {title: "Skatteverket: Arbetsgivaravgifter", reference: "SFS 2000:980 2 kap. 26 §",
                     url: "https://www.skatteverket.se/…"}
            verified: 2026-12-01    # the day the value was last read in its source
            seen: ["…"]             # where else the figure was read (optional)
    missing:                        # rates grantcalc does not ship: where to find them
      po-palagg-kommun-2022:
        years: "2022–"
        where: {title: "SKR: Arbetsgivaravgifter och PO-pålägg", url: "https://skr.se/…"}

A value that could not be found in a source says who gave it instead (``given: "…"``) and has no
``verified`` day. Amounts and shares are exact ``Decimal`` (``"31,42 %"`` is ``0.3142``).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any, Literal

from grantcalc.money import to_decimal, to_rate

__all__ = ["Kind", "RateSource", "RateValue", "Rate", "Missing", "RateFile", "RateTable", "RateUse", "KINDS",
           "PERCENT_KINDS", "parse_value"]

# Plain data classes (the rate file's validation is grantcalc.rates.schema's, built only when a user's
# file is read): a check that compares factors with the shipped rates does not build validators.

Kind = Literal["employer_fee", "on_cost", "flat_rate", "hours", "raise", "member_share"]
KINDS: tuple[str, ...] = ("employer_fee", "on_cost", "flat_rate", "hours", "raise", "member_share")
PERCENT_KINDS = frozenset({"employer_fee", "on_cost", "flat_rate", "raise", "member_share"})


def parse_value(value: Any) -> Decimal:
    """A rate's value: ``"31,42 %"`` → ``0.3142``; ``1720`` (hours) as it is; never through a float
    (rate files are read with their numbers as ``Decimal``). :class:`NumberError`, or ``ValueError``
    for a negative value."""
    result = to_rate(value) if isinstance(value, str) else to_decimal(value)
    if result < 0:
        raise ValueError(value)
    return result


@dataclass(frozen=True)
class RateSource:
    """Where a value is written: the title of the page or statute, a reference (``SFS 2000:980 2 kap.
    26 §``) and its address."""

    title: str
    reference: str | None = None
    url: str | None = None

    def short(self) -> str:
        """The source as a formula cites it: the reference, else the title."""
        return self.reference or self.title


@dataclass(frozen=True)
class RateValue:
    """One value of a rate and the days it is in force (``end`` None: until changed); ``verified``: the
    day it was last read in its source; ``given``: who gave a value no source was found for; ``seen``:
    where else the figure was read."""

    value: Decimal
    start: date
    end: date | None
    source: RateSource
    verified: date | None = None
    given: str | None = None
    seen: tuple[str, ...] = ()

    def in_force(self, day: date) -> bool:
        return self.start <= day and (self.end is None or day <= self.end)

    @property
    def last_year(self) -> int:
        """The last calendar year the value is known to hold: the year of its ``end``, or, in force until
        changed, the year it was last verified (a value only given: the year it starts)."""
        if self.end is not None:
            return self.end.year
        return (self.verified or self.start).year


@dataclass(frozen=True)
class Rate:
    """A rate: its kind, its values (in order, none overlapping), and for a user's own rate its title."""

    kind: str
    values: tuple[RateValue, ...]
    title: str | None = None
    tolerance: Decimal | None = None  # on_cost: how far a literal factor may be from it

    def value_on(self, day: date) -> RateValue | None:
        """The value in force on ``day``, or None."""
        return next((v for v in self.values if v.in_force(day)), None)

    def for_year(self, start: date, end: date) -> RateValue | None:
        """The value of the year ``start``–``end``: the one in force on its first day, else the first that
        comes into force during it; None when none is in force in the year."""
        found = self.value_on(start)
        if found is not None:
            return found
        return next((v for v in self.values if start <= v.start <= end), None)

    @property
    def latest(self) -> RateValue:
        return self.values[-1]

    @property
    def first(self) -> RateValue:
        return self.values[0]


@dataclass(frozen=True)
class Missing:
    """A rate grantcalc does not ship (no source was found): where a budget's author finds it."""

    years: str
    where: RateSource


@dataclass(frozen=True)
class RateFile:
    """A rate file: rates by name, and rates not shipped with where to find them."""

    rates: dict[str, Rate] = field(default_factory=dict)
    missing: dict[str, Missing] = field(default_factory=dict)


@dataclass(frozen=True)
class RateUse:
    """A rate as one budget year uses it: the value taken, for which year, and whether the year lies
    past the value's last verified year (the latest value is then used). ``label``: the compact,
    language-free text a formula term carries (:func:`grantcalc.rates.note` reads it)."""

    name: str
    rate: Rate
    value: RateValue
    year: int  # the calendar year the value was asked for
    beyond: bool  # the year is past the last year the value is known to hold
    plus: Decimal = Decimal(0)

    @property
    def factor(self) -> Decimal:
        """The on-cost factor: 1 + the rate + what the budget adds (``plus``), exactly."""
        return 1 + self.value.value + self.plus

    @property
    def label(self) -> str:
        year = self.value.last_year if self.beyond else self.year  # past its years: the value's own year
        return json.dumps({"name": self.name, "title": self.rate.title, "year": year,
                           "value": format(self.value.value, "f"), "plus": format(self.plus, "f"),
                           "source": self.value.source.short()}, ensure_ascii=False, sort_keys=True)


class RateTable:
    """Rates by name, and the rates not shipped. :meth:`merged` lays a user's file over another table:
    a rate of the same name keeps its values where the user's do not reach and takes the user's where
    they do (a user's value replaces every value it overlaps)."""

    def __init__(self, rates: dict[str, Rate], missing: dict[str, Missing] | None = None,
                 origin: dict[str, str] | None = None):
        self.rates = dict(rates)
        self.missing = dict(missing or {})
        self.origin = dict(origin or {})  # rate name → the file its values (or the user's) come from

    def __contains__(self, name: object) -> bool:
        return name in self.rates

    def get(self, name: str) -> Rate:
        return self.rates[name]

    def names(self) -> list[str]:
        return list(self.rates)

    def of_kind(self, kind: str) -> dict[str, Rate]:
        return {name: rate for name, rate in self.rates.items() if rate.kind == kind}

    def merged(self, other: RateFile, origin: str) -> RateTable:
        """This table with ``other`` (a user's file) laid over it; ``ValueError(name)`` for a rate of
        another kind than the one it overrides."""
        rates = dict(self.rates)
        origins = dict(self.origin)
        for name, rate in other.rates.items():
            base = rates.get(name)
            if base is not None and base.kind != rate.kind:
                raise ValueError(name)
            if base is not None:
                kept = [v for v in base.values if not any(_overlap(v, mine) for mine in rate.values)]
                values = tuple(sorted(kept + list(rate.values), key=lambda v: v.start))
                rate = Rate(kind=rate.kind, title=rate.title or base.title, values=values,
                            tolerance=rate.tolerance if rate.tolerance is not None else base.tolerance)
            rates[name] = rate
            origins[name] = origin
        missing = {k: v for k, v in self.missing.items() if k not in other.rates}
        missing.update(other.missing)
        return RateTable(rates, missing, origins)

    def use(self, name: str, start: date, end: date, plus: Decimal = Decimal(0)) -> RateUse:
        """Rate ``name`` for the year ``start``–``end``: the value of that year, else (the year past every
        value) the latest, marked ``beyond``; ``KeyError`` for an unknown name, ``LookupError`` for a
        year before the rate's first value."""
        rate = self.rates[name]
        value = rate.for_year(start, end)
        beyond = False
        if value is None:
            if end < rate.first.start:
                raise LookupError(name)
            value, beyond = rate.latest, True
        elif value.end is None and start.year > value.last_year:
            beyond = True  # in force until changed, but not verified for this year
        return RateUse(name, rate, value, start.year, beyond, plus)


def _overlap(a: RateValue, b: RateValue) -> bool:
    a_end = a.end or date.max
    b_end = b.end or date.max
    return a.start <= b_end and b.start <= a_end
