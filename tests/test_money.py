"""grantcalc.money: how input becomes an exact Decimal (and what is refused)."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from grantcalc.money import MAX_NUMBER_TEXT, NumberError, document_number, is_percent_text, to_decimal, to_rate


@pytest.mark.parametrize(("value", "expected"), [
    (42, Decimal("42")),
    (-7, Decimal("-7")),
    (0, Decimal("0")),
    (Decimal("1.5"), Decimal("1.5")),
    ("42", Decimal("42")),
    ("42 350", Decimal("42350")),               # space as thousands separator
    ("42\u00a0350", Decimal("42350")),          # no-break space, as Word writes it
    ("42\u202f350", Decimal("42350")),          # narrow no-break space
    ("1,42", Decimal("1.42")),                  # decimal comma
    ("1.42", Decimal("1.42")),                  # decimal point
    ("1.111.403", Decimal("1111403")),          # dots as thousands separators (2+ groups)
    ("42 350 kr", Decimal("42350")),            # trailing currency
    ("42 350 kr.", Decimal("42350")),
    ("5 kronor", Decimal("5")),
    ("12 SEK", Decimal("12")),
    ("\u22125 000", Decimal("-5000")),          # typographic minus U+2212
    ("-5 000", Decimal("-5000")),
    ("+5", Decimal("5")),
    ("  7  ", Decimal("7")),
    ("1 000,5", Decimal("1000.5")),
    ("1_000", Decimal("1000")),
    (".5", Decimal("0.5")),
    ("1e3", Decimal("1000")),
])
def test_to_decimal_accepts(value, expected):
    result = to_decimal(value)
    assert type(result) is Decimal
    assert result == expected


def test_to_decimal_keeps_the_decimal_it_is_given():
    d = Decimal("1.50")
    assert to_decimal(d) is d


def test_to_decimal_of_int_is_exact_even_when_huge():
    assert to_decimal(10**30 + 1) == Decimal("1000000000000000000000000000001")


@pytest.mark.parametrize(("value", "text"), [
    (0.1, "0.1"),          # not 0.1000000000000000055511151231257827…
    (1.42, "1.42"),        # not 1.4199999999999999289457264239899814…
    (0.5, "0.5"),
    (42350.0, "42350.0"),
    (-2.5, "-2.5"),
    (0.033, "0.033"),
])
def test_float_goes_through_str(value, text):
    result = to_decimal(value)
    assert type(result) is Decimal
    assert result == Decimal(text)
    assert str(result) == text  # the digits typed, nothing more


def test_float_rule_is_shortest_repr_not_binary_value():
    # 0.1 + 0.2 is the float 0.30000000000000004: str() shows exactly that, and so does the Decimal
    assert to_decimal(0.1 + 0.2) == Decimal("0.30000000000000004")


@pytest.mark.parametrize(("value", "kind"), [
    (True, "not_a_number"),          # bool is an int in Python, but never a number here
    (False, "not_a_number"),
    (float("nan"), "not_finite"),
    (float("inf"), "not_finite"),
    (float("-inf"), "not_finite"),
    (Decimal("NaN"), "not_finite"),
    (Decimal("Infinity"), "not_finite"),
    ("abc", "not_a_number"),
    ("1,2,3", "not_a_number"),       # two commas: neither a decimal comma nor allowed grouping
    ("1,000.50", "not_a_number"),    # English grouping with a point: ambiguous, refused
    ("1.111.403,50", "not_a_number"),
    ("NaN", "not_a_number"),
    ("Infinity", "not_a_number"),
    ("", "not_a_number"),
    ("--5", "not_a_number"),
    ("42 %", "percent_not_allowed"),  # a percentage where a plain number is wanted
    (Fraction(1, 2), "not_a_number"),
    (None, "not_a_number"),
    ([1], "not_a_number"),
])
def test_to_decimal_rejects(value, kind):
    with pytest.raises(NumberError) as info:
        to_decimal(value)
    assert info.value.kind == kind
    assert isinstance(info.value, ValueError)  # NumberError is a ValueError


def test_number_error_keeps_the_value_given():
    with pytest.raises(NumberError) as info:
        to_decimal("1,2,3")
    assert info.value.value == "1,2,3"
    assert "1,2,3" in str(info.value)


@pytest.mark.parametrize(("value", "expected"), [
    ("3,3 %", Decimal("0.033")),      # 3.3 / 100
    ("3.3%", Decimal("0.033")),
    ("42 %", Decimal("0.42")),
    ("150 %", Decimal("1.5")),
    ("100%", Decimal("1")),
    ("0 %", Decimal("0")),
    ("12,5\u00a0%", Decimal("0.125")),
    (Decimal("0.033"), Decimal("0.033")),  # a plain number is taken as it is
    (0.033, Decimal("0.033")),             # a float through str()
    ("0,5", Decimal("0.5")),
    (1, Decimal("1")),
])
def test_to_rate(value, expected):
    result = to_rate(value)
    assert type(result) is Decimal
    assert result == expected


@pytest.mark.parametrize("value", ["abc %", "%", "1,2,3 %"])
def test_to_rate_rejects_and_reports_the_text_given(value):
    with pytest.raises(NumberError) as info:
        to_rate(value)
    assert info.value.kind == "not_a_number"
    assert info.value.value == value


def test_to_rate_rejects_bool_and_nan():
    with pytest.raises(NumberError):
        to_rate(True)
    with pytest.raises(NumberError) as info:
        to_rate(float("nan"))
    assert info.value.kind == "not_finite"


@pytest.mark.parametrize(("value", "expected"), [
    ("42 %", True), (" 42% ", True), ("42", False), (42, False), (Decimal("0.42"), False),
])
def test_is_percent_text(value, expected):
    assert is_percent_text(value) is expected



# --- text of any length: read in linear time, too long refused -------------------------------------

@pytest.mark.parametrize(("value", "expected"), [
    ("5KR", Decimal("5")),
    ("5 Kronor.", Decimal("5")),
    ("5sek", Decimal("5")),
    ("5 SEK. ", Decimal("5")),
    ("42 350 kr\t", Decimal("42350")),
    ("1" + " " * (MAX_NUMBER_TEXT - 1), Decimal("1")),  # at the limit: still a number
])
def test_a_currency_word_in_any_case_is_left_out(value, expected):
    assert to_decimal(value) == expected


@pytest.mark.parametrize("value", ["kr", "5 kr kr", "5 skr", "5 kr .", "kr 5"])
def test_only_one_trailing_currency_word_is_left_out(value):
    with pytest.raises(NumberError) as info:
        to_decimal(value)
    assert info.value.kind == "not_a_number"


@pytest.mark.parametrize(("value", "kind"), [
    ("1" + " " * 40_000 + "x", "number_too_long"),  # the currency regex backtracked on it for minutes
    ("1" + " " * MAX_NUMBER_TEXT, "number_too_long"),  # one character over the limit
    ("1" * 5001, "too_large"),  # digits only: a number, far too large (as YAML passes a huge integer on)
    ("-" + "9" * 200, "too_large"),
    ("0" * 200 + "1", "number_too_long"),  # leading zeros: not large, just long
    ("1," + "0" * 200, "number_too_long"),
    ("42" + " " * 200 + "%", "number_too_long"),  # through to_decimal: too long before a percentage
])
def test_a_number_as_text_has_at_most_max_number_text_characters(value, kind):
    with pytest.raises(NumberError) as info:
        to_decimal(value)
    assert info.value.kind == kind
    assert info.value.value == value


def test_a_rate_as_text_is_capped_too():
    with pytest.raises(NumberError) as info:
        to_rate("3,3" + " " * 1_000_000 + "%")
    assert info.value.kind == "number_too_long"
    assert to_rate("3,3" + " " * 90 + "%") == Decimal("0.033")


@pytest.mark.parametrize(("text", "expected"), [
    ("42.350 kr", Decimal("42350")),
    ("1,42", Decimal("1.42")),
    ("150 %", Decimal("1.5")),
    ("150 % kr", Decimal("1.5")),
    ("5 %%", Decimal("0.0005")),  # each % divides by 100, as before
    ("5 % %", Decimal("0.0005")),
    ("\u22125 %", Decimal("-0.05")),
])
def test_document_number(text, expected):
    assert document_number(text) == expected


@pytest.mark.parametrize(("text", "kind"), [
    ("5" + "%" * 3000, "number_too_long"),  # was a RecursionError: one recursion per %
    ("5" + "%" * (MAX_NUMBER_TEXT - 1), "too_precise"),  # 99 of them: within the limit, 10^-198 is too precise
    ("1" + " " * 40_000 + "x", "number_too_long"),
    ("%", "not_a_number"),
    ("", "not_a_number"),
])
def test_document_number_refuses_without_recursion(text, kind):
    with pytest.raises(NumberError) as info:
        document_number(text)
    assert info.value.kind == kind
    assert info.value.value == text


# characters number parsing treats specially, and a few it does not
_NUMBER_CHARS = st.sampled_from(list("0123456789 ,.%+-eEkKrRoOnNsSx_'\t\n\u00a0\u202f\u2212\u212a\u017fé"))
_LONG_TEXT = st.builds(lambda head, chunk, times, tail: head + chunk * times + tail,
                       st.text(_NUMBER_CHARS, max_size=8), st.text(_NUMBER_CHARS, min_size=1, max_size=4),
                       st.integers(0, 30_000), st.text(_NUMBER_CHARS, max_size=8))
_FAST = {"deadline": None, "suppress_health_check": [HealthCheck.too_slow]}


@settings(max_examples=300, **_FAST)
@given(st.one_of(st.text(max_size=40), st.text(_NUMBER_CHARS, max_size=40), _LONG_TEXT))
def test_any_text_is_a_decimal_or_a_number_error(text):
    """Whatever the text — short, or a chunk repeated tens of thousands of times — the three readers
    return a Decimal or raise NumberError: no RecursionError, no InvalidOperation, no hang (each pass is
    linear in the text, so 30 000 repetitions read in a moment)."""
    for read in (to_decimal, to_rate, document_number):
        try:
            result = read(text)
        except NumberError as err:
            assert err.kind in ("not_a_number", "percent_not_allowed", "too_large", "too_precise", "not_finite",
                                "number_too_long")
            if len(text) > MAX_NUMBER_TEXT:
                assert err.kind in ("number_too_long", "too_large")
        else:
            assert type(result) is Decimal and result.is_finite()
            assert len(text) <= MAX_NUMBER_TEXT
