"""grantcalc.rounding: each mode × step on halves, non-halves and negatives."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest

from grantcalc.rounding import WHOLE_KRONOR, RoundingMode, RoundingRule, round_value, to_fraction

HALF_UP, HALF_EVEN, DOWN, UP = (RoundingMode.half_up, RoundingMode.half_even, RoundingMode.down, RoundingMode.up)


def rule(mode: RoundingMode, step: str = "1") -> RoundingRule:
    return RoundingRule(mode, Decimal(step))


# (value, step, {mode: expected}); values are exact (Fraction/Decimal/int)
CASES = [
    # step 1 -------------------------------------------------------------------
    (Fraction(5, 2), "1", {HALF_UP: "3", HALF_EVEN: "2", DOWN: "2", UP: "3"}),         # 2.5: exact half
    (Fraction(7, 2), "1", {HALF_UP: "4", HALF_EVEN: "4", DOWN: "3", UP: "4"}),         # 3.5: half, 4 is even
    (Decimal("2.7"), "1", {HALF_UP: "3", HALF_EVEN: "3", DOWN: "2", UP: "3"}),
    (Decimal("2.3"), "1", {HALF_UP: "2", HALF_EVEN: "2", DOWN: "2", UP: "3"}),
    (Fraction(-5, 2), "1", {HALF_UP: "-3", HALF_EVEN: "-2", DOWN: "-2", UP: "-3"}),    # mirrored
    (Decimal("-2.7"), "1", {HALF_UP: "-3", HALF_EVEN: "-3", DOWN: "-2", UP: "-3"}),
    (Decimal("-3.5"), "1", {HALF_UP: "-4", HALF_EVEN: "-4", DOWN: "-3", UP: "-4"}),
    (Fraction(420959, 2), "1", {HALF_UP: "210480", HALF_EVEN: "210480", DOWN: "210479", UP: "210480"}),
    (Fraction(1, 3), "1", {HALF_UP: "0", HALF_EVEN: "0", DOWN: "0", UP: "1"}),
    (42, "1", {HALF_UP: "42", HALF_EVEN: "42", DOWN: "42", UP: "42"}),                 # already a multiple
    (0, "1", {HALF_UP: "0", HALF_EVEN: "0", DOWN: "0", UP: "0"}),
    # step 100 -----------------------------------------------------------------
    (150, "100", {HALF_UP: "200", HALF_EVEN: "200", DOWN: "100", UP: "200"}),          # 1.5 steps
    (250, "100", {HALF_UP: "300", HALF_EVEN: "200", DOWN: "200", UP: "300"}),          # 2.5 steps
    (Decimal("41320"), "100", {HALF_UP: "41300", HALF_EVEN: "41300", DOWN: "41300", UP: "41400"}),
    (Decimal("42662.9"), "100", {HALF_UP: "42700", HALF_EVEN: "42700", DOWN: "42600", UP: "42700"}),
    (Decimal("51650"), "100", {HALF_UP: "51700", HALF_EVEN: "51600", DOWN: "51600", UP: "51700"}),
    (-250, "100", {HALF_UP: "-300", HALF_EVEN: "-200", DOWN: "-200", UP: "-300"}),
    (Decimal("2.5"), "100", {HALF_UP: "0", HALF_EVEN: "0", DOWN: "0", UP: "100"}),
    # step 5000 ----------------------------------------------------------------
    (12500, "5000", {HALF_UP: "15000", HALF_EVEN: "10000", DOWN: "10000", UP: "15000"}),   # 2.5 steps
    (7500, "5000", {HALF_UP: "10000", HALF_EVEN: "10000", DOWN: "5000", UP: "10000"}),     # 1.5 steps
    (Fraction(5200000, 3), "5000", {HALF_UP: "1735000", HALF_EVEN: "1735000", DOWN: "1730000", UP: "1735000"}),
    (1301250, "5000", {HALF_UP: "1300000", HALF_EVEN: "1300000", DOWN: "1300000", UP: "1305000"}),
    (-12500, "5000", {HALF_UP: "-15000", HALF_EVEN: "-10000", DOWN: "-10000", UP: "-15000"}),
    (1, "5000", {HALF_UP: "0", HALF_EVEN: "0", DOWN: "0", UP: "5000"}),
    # step 0.01 (öre) ----------------------------------------------------------
    (Decimal("0.005"), "0.01", {HALF_UP: "0.01", HALF_EVEN: "0", DOWN: "0", UP: "0.01"}),
    (Decimal("0.015"), "0.01", {HALF_UP: "0.02", HALF_EVEN: "0.02", DOWN: "0.01", UP: "0.02"}),
    (Fraction(1, 3), "0.01", {HALF_UP: "0.33", HALF_EVEN: "0.33", DOWN: "0.33", UP: "0.34"}),
    (Decimal("14666.685"), "0.01", {HALF_UP: "14666.69", HALF_EVEN: "14666.68", DOWN: "14666.68", UP: "14666.69"}),
    (Decimal("-0.005"), "0.01", {HALF_UP: "-0.01", HALF_EVEN: "0", DOWN: "0", UP: "-0.01"}),
]


@pytest.mark.parametrize(("value", "step", "expected"), CASES)
@pytest.mark.parametrize("mode", list(RoundingMode))
def test_round_value(value, step, expected, mode):
    result = round_value(value, rule(mode, step))
    assert type(result) is Decimal
    assert result == Decimal(expected[mode])
    # no exponent: 5000 not 5E+3, 200 not 2E+2
    assert "E" not in str(result)
    assert result.as_tuple().exponent <= 0


def test_default_rule_is_half_up_to_whole_kronor():
    assert RoundingRule(RoundingMode.half_up, Decimal(1)) == WHOLE_KRONOR
    assert round_value(Fraction(5, 2)) == Decimal(3)
    assert round_value(Fraction(-5, 2)) == Decimal(-3)
    assert round_value(Decimal("210479.4")) == Decimal(210479)


@pytest.mark.parametrize(("value", "step", "text"), [
    (12500, "5000", "15000"),          # 3 × 5000 = 1.5E+4 in Decimal arithmetic
    (Decimal("200"), "100", "200"),
    (Decimal("1E+3"), "1", "1000"),
    (Decimal("7.00"), "1", "7"),      # trailing zeros dropped
    (Decimal("2.50"), "0.01", "2.5"),  # öre: normalised, no exponent
    (Decimal("3"), "0.01", "3"),
    (Decimal("0.00"), "1", "0"),
    (Decimal("-0.4"), "1", "0"),       # no negative zero
    (12500, "5E+3", "15000"),         # a step written with an exponent
])
def test_results_are_printed_without_exponent(value, step, text):
    result = round_value(value, RoundingRule(RoundingMode.half_up, Decimal(step)))
    assert str(result) == text


def test_mode_may_be_given_as_text():
    assert round_value(Decimal("2.7"), RoundingRule("down")) == Decimal(2)


def test_rounding_is_exact_for_huge_values():
    # 10**30 + 1 has 31 digits, more than the default decimal context (28)
    assert round_value(10**30 + 1) == Decimal("1000000000000000000000000000001")
    # 1.5e27 + 0.5 rounded to öre: 1500000000000000000000000000.5 exactly
    assert round_value(Fraction(3 * 10**27 + 1, 2), rule(HALF_UP, "0.01")) == \
        Decimal("1500000000000000000000000000.5")


@pytest.mark.parametrize("step", [Decimal(0), Decimal(-1), Decimal("NaN"), Decimal("Infinity"), 1, "1"])
def test_step_must_be_a_positive_finite_decimal(step):
    with pytest.raises(ValueError):
        RoundingRule(RoundingMode.half_up, step)


@pytest.mark.parametrize("value", [1.5, True, "3", None])
def test_round_value_refuses_inexact_input(value):
    with pytest.raises(TypeError):
        round_value(value)


def test_to_fraction():
    assert to_fraction(Decimal("0.1")) == Fraction(1, 10)
    assert to_fraction(3) == Fraction(3)
    f = Fraction(1, 3)
    assert to_fraction(f) is f
    with pytest.raises(TypeError):
        to_fraction(0.1)
    with pytest.raises(TypeError):
        to_fraction(False)
