"""Rounding: the one place where an exact value becomes a rounded ``Decimal``.

A :class:`RoundingRule` has a *mode* and a *step* (1 kr, 100 kr, 5 000 kr…).
Budgets declare one rule budget-wide (default: half-up to whole kronor) and may
override it per line. Each line-year cell is rounded exactly once; totals are
sums of rounded cells, so every printed table adds up.

Modes, for a positive value (negative values are mirrored, i.e. rounded
symmetrically around zero like ``decimal.ROUND_HALF_UP``):

* ``half_up``   – to the nearest step, halves away from zero (*avrundning*)
* ``half_even`` – to the nearest step, halves to the even multiple (banker's)
* ``down``      – towards zero, i.e. truncate (*avrundat nedåt*)
* ``up``        – away from zero, i.e. ceiling (*avrundat uppåt*)
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from fractions import Fraction
from functools import lru_cache

__all__ = ["RoundingMode", "RoundingRule", "round_value", "to_fraction"]


class RoundingMode(StrEnum):
    """How a value is rounded to a multiple of the step: ``half_up`` (*avrundning*), ``half_even``,
    ``down`` (*avrundat nedåt*) or ``up`` (*avrundat uppåt*); see the module's description."""

    half_up = "half_up"
    half_even = "half_even"
    down = "down"
    up = "up"


@dataclass(frozen=True, slots=True)
class RoundingRule:
    """A rounding rule: a ``mode`` and a ``step`` (default: half-up to whole kronor); ``ValueError``
    unless ``step`` is a positive, finite ``Decimal``. With ``step=Decimal(100)``: ``1150`` → ``1200``."""

    mode: RoundingMode = RoundingMode.half_up
    step: Decimal = Decimal(1)

    def __post_init__(self) -> None:
        if not isinstance(self.step, Decimal) or not self.step.is_finite() or self.step <= 0:
            raise ValueError(f"rounding step must be a positive Decimal, got {self.step!r}")


WHOLE_KRONOR = RoundingRule()


def to_fraction(value: Fraction | Decimal | int) -> Fraction:
    """An exact value as a ``Fraction`` (the figures of a budget repeat: conversions are cached)."""
    if type(value) is Fraction or isinstance(value, Fraction):
        return value
    if isinstance(value, (Decimal, int)) and not isinstance(value, bool):
        return _fraction_of(value)
    raise TypeError(f"exact values only (Fraction, Decimal, int), got {type(value).__name__}")


@lru_cache(maxsize=8192)
def _fraction_of(value: Decimal | int) -> Fraction:
    return Fraction(value)


def _round_ratio(num: int, den: int, mode: RoundingMode) -> int:
    """Round the non-negative rational ``num / den`` (``den > 0``) to a whole number by ``mode``,
    in integers: the hot path of every computation."""
    floor, rest = divmod(num, den)
    if rest == 0 or mode == RoundingMode.down:
        return floor
    if mode == RoundingMode.up:
        return floor + 1
    twice = 2 * rest
    if twice != den:
        return floor + 1 if twice > den else floor
    if mode == RoundingMode.half_up:
        return floor + 1
    return floor + (floor % 2)  # half_even


@lru_cache(maxsize=64)
def _step(step: Decimal) -> tuple[int, int, int, int]:
    """A rounding step as the integer ratio ``numerator / denominator``, and as ``digits × 10**exponent``."""
    numerator, denominator = step.as_integer_ratio()
    _sign, digits, exponent = step.as_tuple()
    return numerator, denominator, int("".join(map(str, digits))), int(exponent)


def round_value(value: Fraction | Decimal | int, rule: RoundingRule = WHOLE_KRONOR) -> Decimal:
    """Round an exact value to a multiple of ``rule.step`` by ``rule.mode``.

    In integers throughout, so the result is exact whatever the decimal context:
    a whole number of kronor has no exponent (``5000``, not ``5E+3``), a
    fraction of a krona no trailing zeros (``0.5``).
    """
    x = to_fraction(value)
    step_num, step_den, step_digits, step_exponent = _step(rule.step)
    num, den = x.numerator * step_den, x.denominator * step_num  # x / step
    negative = num < 0
    units = _round_ratio(-num if negative else num, den, rule.mode)
    if step_exponent >= 0:  # a step of 1, 100, 5E+3 …: whole kronor
        amount = units * step_digits * 10 ** step_exponent
        return Decimal(-amount if negative else amount)
    digits, exponent = units * step_digits, step_exponent
    while exponent < 0 and digits % 10 == 0:
        digits //= 10
        exponent += 1
    if exponent == 0:
        return Decimal(-digits if negative else digits)
    return Decimal((1 if negative and digits else 0, tuple(int(d) for d in str(digits)), exponent))
