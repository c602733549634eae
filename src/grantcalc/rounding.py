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
from decimal import Decimal, localcontext
from enum import StrEnum
from fractions import Fraction

__all__ = ["RoundingMode", "RoundingRule", "round_value", "to_fraction"]


class RoundingMode(StrEnum):
    half_up = "half_up"
    half_even = "half_even"
    down = "down"
    up = "up"


@dataclass(frozen=True, slots=True)
class RoundingRule:
    mode: RoundingMode = RoundingMode.half_up
    step: Decimal = Decimal(1)

    def __post_init__(self) -> None:
        if not isinstance(self.step, Decimal) or not self.step.is_finite() or self.step <= 0:
            raise ValueError(f"rounding step must be a positive Decimal, got {self.step!r}")


WHOLE_KRONOR = RoundingRule()


def to_fraction(value: Fraction | Decimal | int) -> Fraction:
    if isinstance(value, Fraction):
        return value
    if isinstance(value, (Decimal, int)) and not isinstance(value, bool):
        return Fraction(value)
    raise TypeError(f"exact values only (Fraction, Decimal, int), got {type(value).__name__}")


def _round_units(q: Fraction, mode: RoundingMode) -> int:
    """Round a non-negative rational to a whole number by ``mode``."""
    floor = q.numerator // q.denominator
    rest = q - floor
    if rest == 0:
        return floor
    if mode is RoundingMode.down:
        return floor
    if mode is RoundingMode.up:
        return floor + 1
    if rest > Fraction(1, 2):
        return floor + 1
    if rest < Fraction(1, 2):
        return floor
    if mode is RoundingMode.half_up:
        return floor + 1
    return floor + (floor % 2)  # half_even


def round_value(value: Fraction | Decimal | int, rule: RoundingRule = WHOLE_KRONOR) -> Decimal:
    """Round an exact value to a multiple of ``rule.step`` by ``rule.mode``."""
    x = to_fraction(value)
    step = Fraction(rule.step)
    sign = -1 if x < 0 else 1
    units = _round_units(abs(x) / step, RoundingMode(rule.mode))
    with localcontext() as ctx:  # exact: enough digits for units × step, whatever the context
        digits, exponent = len(rule.step.as_tuple().digits), rule.step.as_tuple().exponent
        ctx.prec = max(ctx.prec, len(str(units)) + digits + max(exponent, 0) + 2)
        result = Decimal(sign * units) * rule.step
        # present whole-krona results without an exponent or trailing zeros (5E+3 -> 5000)
        if result == result.to_integral_value():
            return result.quantize(Decimal(1))
        return result.normalize()

