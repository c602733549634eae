"""Exact numbers: the one place where input becomes ``Decimal``.

Rules (documented in the README):

* Numbers in budget files are read from their text and become ``Decimal``
  without ever being a float (see :mod:`grantcalc.loader.source`).
* A Python ``float`` given to the API is converted through ``str()`` — its
  shortest representation, i.e. what was typed: ``1.42`` becomes
  ``Decimal("1.42")``. NaN and infinities are rejected.
* Strings may use Swedish notation: ``"42 350"``, ``"1,42"``, ``"1.111.403"``,
  an optional trailing ``kr``; percentages are written ``"42 %"`` or ``"3,3 %"``.
  A number written as text has at most :data:`MAX_NUMBER_TEXT` characters, and
  reading it takes time linear in its length (no backtracking regex, no recursion).
* Inside a calculation, values are exact rationals (:class:`fractions.Fraction`)
  so that ``650 000 / 15 × 40`` or ``32 000 × 3,5 / 12`` lose nothing; a value
  becomes a ``Decimal`` again only when it is rounded, in :mod:`grantcalc.rounding`.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

__all__ = ["to_decimal", "to_rate", "is_percent_text", "document_number", "NumberError", "MAX_NUMBER_TEXT"]


class NumberError(ValueError):
    """A value that cannot be read as a number; ``kind`` names why."""

    def __init__(self, kind: str, value: object):
        super().__init__(f"{kind}: {value!r}")
        self.kind = kind
        self.value = value


_SPACES = re.compile(r"[\s\u00a0\u202f\u2009_']")
_DOT_THOUSANDS = re.compile(r"^[+-]?\d{1,3}(\.\d{3}){2,}$")
_PLAIN = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")
_CURRENCY_WORDS = ("kr", "kronor", "sek")
_DIGITS = frozenset("0123456789")

MAX_NUMBER_TEXT = 100  # characters: "−1 111 403,50 kronor" is 20; 40 000 spaces in a field are no number


def _without_currency(text: str) -> str:
    """``text`` without one trailing currency word (``kr``, ``kronor`` or ``sek`` in any case, with an
    optional dot) and the whitespace before and after it.

    Plain string operations, in time linear in the length: the regex ``\\s*(kr|kronor|sek)\\.?\\s*$``
    this replaces retried its ``\\s*`` from every position of a run of spaces (minutes for 40 000)."""
    s = text.rstrip()
    body = s[:-1] if s.endswith(".") else s
    for word in _CURRENCY_WORDS:
        if body[-len(word):].casefold() == word:
            return body[:-len(word)].rstrip()
    return s


def _check_length(text: str, value: object) -> None:
    """Refuse a number written in more than :data:`MAX_NUMBER_TEXT` characters, before any parsing.

    An integer of more digits than :data:`MAX_EXPONENT` allows (5 000 digits, as YAML passes a huge
    integer on) is a number, just far too large: ``too_large``, as before the cap; anything else
    is ``number_too_long``."""
    if len(text) <= MAX_NUMBER_TEXT:
        return
    digits = text.strip()
    if digits[:1] in ("+", "-", "\u2212"):
        digits = digits[1:]
    if len(digits) > MAX_EXPONENT + 1 and digits[0] != "0" and _DIGITS.issuperset(digits):
        raise NumberError("too_large", value)
    raise NumberError("number_too_long", value)


def _parse_text(text: str) -> Decimal:
    s = _without_currency(text.strip())
    s = s.replace("\u2212", "-")  # typographic minus
    s = _SPACES.sub("", s)
    if _DOT_THOUSANDS.match(s):  # 1.111.403 — dots as thousands separators
        s = s.replace(".", "")
    elif "," in s:
        if s.count(",") == 1 and "." not in s:  # decimal comma: 1,42
            s = s.replace(",", ".")
        else:
            raise NumberError("not_a_number", text)
    if not _PLAIN.match(s):
        raise NumberError("not_a_number", text)
    return _in_range(Decimal(s), text)


MAX_EXPONENT = 100  # 1e100: far above any amount (the budget caps them at 1e12), far below Decimal's Emax
MAX_DECIMALS = 100  # places after the point: far beyond any rate, far short of a 10**1e9 a Fraction would need


def _in_range(result: Decimal, value: object) -> Decimal:
    """``result``, unless its exponent is beyond what arithmetic on it can take: 1e999999999
    overflows ``Decimal``'s context, and 1e-999999999 would make an exact ``Fraction`` with a
    denominator of a billion digits (a hang)."""
    if result.is_finite() and result:
        if result.adjusted() > MAX_EXPONENT:
            raise NumberError("too_large", value)
        exponent = result.as_tuple().exponent
        assert isinstance(exponent, int)  # finite: only NaN, sNaN and Infinity have 'n', 'N', 'F'
        if exponent < -MAX_DECIMALS:
            raise NumberError("too_precise", value)
    return result


def to_decimal(value: object) -> Decimal:
    """Return ``value`` as a finite ``Decimal`` by the documented rules."""
    if isinstance(value, bool):
        raise NumberError("not_a_number", value)
    if isinstance(value, Decimal):
        result = value
    elif isinstance(value, int):
        result = Decimal(value)
    elif isinstance(value, float):
        result = Decimal(str(value))  # the documented float rule: through str()
    elif isinstance(value, str):
        _check_length(value, value)
        if is_percent_text(value):
            raise NumberError("percent_not_allowed", value)
        result = _parse_text(value)
    else:  # Fraction, None, containers…: not a number a user gives
        raise NumberError("not_a_number", value)
    if not result.is_finite():
        raise NumberError("not_finite", value)
    return _in_range(result, value)


def is_percent_text(value: object) -> bool:
    return isinstance(value, str) and value.strip().endswith("%")


def to_rate(value: object) -> Decimal:
    """A rate: ``"3,3 %"`` → ``0.033``; a plain number is taken as it is."""
    if is_percent_text(value):
        _check_length(str(value), value)
        text = str(value).strip()[:-1]
        try:
            return _parse_text(text) / 100
        except NumberError as err:  # report what was given: "abc %", not "abc "
            raise NumberError(err.kind, value) from None
        except InvalidOperation as err:  # pragma: no cover - _parse_text guards
            raise NumberError("not_a_number", value) from err
    return to_decimal(value)


_DOCUMENT_DOTS = re.compile(r"^[+-]?\d{1,3}(\.\d{3})+(,\d+)?$")
_PASSED_ON = ("too_large", "too_precise", "number_too_long")  # kinds document_number reports as they are


def document_number(text: str) -> Decimal:
    """A number as a Swedish document prints it: ``42.350`` is 42 350 (a dot before
    exactly three digits groups thousands), ``1,42`` has a decimal comma,
    ``"150 %"`` is 1.5. Used for figures transcribed from a document
    (stated amounts and formulas as written), where ``42.350 kr`` never means 42,35.

    Each trailing ``%`` divides by 100 (a loop, not a recursion: 3 000 of them were a
    ``RecursionError``); the text has at most :data:`MAX_NUMBER_TEXT` characters.
    """
    raw = text
    _check_length(text, raw)
    s = text.strip()
    percents = 0
    while True:
        s = _SPACES.sub("", _without_currency(s).replace("\u2212", "-"))
        if not s.endswith("%"):
            break
        s = s[:-1]
        percents += 1
    if _DOCUMENT_DOTS.match(s):
        s = s.replace(".", "")
    try:
        result = to_decimal(s) if s else _fail(raw)
    except NumberError as err:
        raise NumberError(err.kind if err.kind in _PASSED_ON else "not_a_number", raw) from None
    for _ in range(percents):
        result /= 100
    return _in_range(result, raw)


def _fail(value: str) -> Decimal:
    raise NumberError("not_a_number", value)
