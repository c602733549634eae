"""grantcalc.formatting: Swedish and English figures as an application prints them."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from fractions import Fraction

import pytest

from grantcalc import formatting as fmt

NB = "\u00a0"      # no-break space: Swedish grouping and unit separator
MINUS = "\u2212"   # Swedish minus sign


@pytest.mark.parametrize(("value", "lang", "expected"), [
    (Decimal("1111403"), "sv", f"1{NB}111{NB}403{NB}kr"),
    (1111403, "sv", f"1{NB}111{NB}403{NB}kr"),
    (Decimal("1111403"), "en", f"SEK{NB}1,111,403"),
    (Decimal("-5000"), "sv", f"{MINUS}5{NB}000{NB}kr"),
    (Decimal("0"), "sv", f"0{NB}kr"),
    (Decimal("1E+3"), "sv", f"1{NB}000{NB}kr"),          # exponent form prints as a plain number
    (Decimal("42350"), "sv", f"42{NB}350{NB}kr"),
    (Decimal("2.5"), "sv", f"2,50{NB}kr"),                # öre are shown with two digits
    (Decimal("2.5"), "en", f"SEK{NB}2.50"),
    (Decimal("12.50"), "sv", f"12,50{NB}kr"),
    (Decimal("-0.4"), "sv", f"{MINUS}0,40{NB}kr"),
    (Fraction(5200000, 3), "sv", f"1{NB}733{NB}333,33{NB}kr"),   # 1 733 333.333… to öre
    (Fraction(1, 3), "sv", f"0,33{NB}kr"),
    (Decimal("0.005"), "sv", f"0,01{NB}kr"),              # display rounds half up (babel alone: half even)
    (Decimal("-0.004"), "sv", f"0{NB}kr"),                # no "−0 kr"
])
def test_money(value, lang, expected):
    assert fmt.money(value, lang) == expected


def test_money_with_fixed_decimals():
    assert fmt.money(Decimal("1234.5"), "sv", decimals=0) == f"1{NB}235{NB}kr"   # half up
    assert fmt.money(Decimal("1234.5"), "sv", decimals=2) == f"1{NB}234,50{NB}kr"
    assert fmt.money(Decimal("1234"), "sv", decimals=2) == f"1{NB}234,00{NB}kr"


@pytest.mark.parametrize(("value", "lang", "expected"), [
    (Decimal("1.42"), "sv", "1,42"),
    (Decimal("1.42"), "en", "1.42"),
    (Fraction(7, 2), "sv", "3,5"),
    (12, "sv", "12"),
    (Decimal("12.000"), "sv", "12"),            # trailing zeros dropped
    (Decimal("-1.5"), "sv", f"{MINUS}1,5"),
    (Fraction(2, 3), "sv", "0,67"),
    (Decimal("1234567.891"), "sv", f"1{NB}234{NB}567,89"),
    (Decimal("1234567.891"), "en", "1,234,567.89"),
    (Decimal("2.675"), "sv", "2,68"),            # half up (2.675 is exact here, not a float)
    (Decimal("0.015"), "sv", "0,02"),
    (Decimal("-0.001"), "sv", "0"),              # no negative zero
])
def test_number(value, lang, expected):
    assert fmt.number(value, lang) == expected


def test_number_with_max_decimals():
    assert fmt.number(Fraction(53, 15), "sv", max_decimals=0) == "4"       # 3.53 → 4
    assert fmt.number(Fraction(1, 3), "sv", max_decimals=4) == "0,3333"


@pytest.mark.parametrize(("rate", "lang", "expected"), [
    (Decimal("1.5"), "sv", f"150{NB}%"),
    (Decimal("1.5"), "en", "150%"),
    (Decimal("0.033"), "sv", f"3,3{NB}%"),
    (Decimal("0.033"), "en", "3.3%"),
    (Decimal("1"), "sv", f"100{NB}%"),
    (Decimal("0.15"), "sv", f"15{NB}%"),
    (Fraction(1, 3), "sv", f"33,33{NB}%"),
    (Decimal("-0.05"), "sv", f"{MINUS}5{NB}%"),
])
def test_percent(rate, lang, expected):
    assert fmt.percent(rate, lang) == expected


def test_factor_shows_up_to_four_decimals():
    assert fmt.factor(Decimal("1.42")) == "1,42"
    assert fmt.factor(Decimal("1.42"), "en") == "1.42"
    assert fmt.factor(Decimal("1.4015")) == "1,4015"
    assert fmt.factor(Fraction(4, 3)) == "1,3333"
    assert fmt.factor(Decimal("1")) == "1"


def test_amount_has_no_currency():
    assert fmt.amount(Decimal("1111403")) == f"1{NB}111{NB}403"
    assert fmt.amount(Decimal("1111403"), "en") == "1,111,403"
    assert fmt.amount(Decimal("-1111403")) == f"{MINUS}1{NB}111{NB}403"
    assert fmt.amount(Decimal("9422.23")) == f"9{NB}422,23"
    assert fmt.amount(Decimal("5E+3")) == f"5{NB}000"


def test_dates_are_iso_in_both_languages():
    assert fmt.format_date(date(2024, 9, 15)) == "2024-09-15"
    assert fmt.format_date(date(2024, 9, 15), "en") == "2024-09-15"


def test_unknown_language_is_refused():
    with pytest.raises(ValueError, match="de"):
        fmt.money(Decimal(1), "de")
    with pytest.raises(ValueError):
        fmt.locale_of("fr")
    assert fmt.locale_of("sv") == "sv_SE"


def test_to_display_decimal_rounds_half_up_for_display_only():
    assert fmt.to_display_decimal(Fraction(1, 3), 2) == Decimal("0.33")
    assert fmt.to_display_decimal(Decimal("2.675"), 2) == Decimal("2.68")
    assert fmt.to_display_decimal(Fraction(-5, 2), 0) == Decimal("-3")   # mirrored
    assert str(fmt.to_display_decimal(Decimal("7"), 2)) == "7.00"
