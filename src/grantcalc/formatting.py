"""Formatting for readers: one helper per kind of figure, bound to a language.

Swedish (``sv`` → babel ``sv_SE``) is the default: ``1 111 403 kr``, ``1,42``,
``150 %``, dates ``2024-09-15``. English (``en``): ``SEK 1,111,403``, ``1.42``,
``150%``. Grouping uses the locale's character (a no-break space in Swedish).

Values are quantized here with half-up before babel sees them (babel itself
rounds half-even); amounts reaching this module are already rounded by
:mod:`grantcalc.rounding`, so display never changes a figure.
Negative numbers use the locale's minus sign (U+2212 in Swedish).

babel is imported on first use so that commands which print nothing
formatted start fast.
"""

from __future__ import annotations

import re
from datetime import date
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal, localcontext
from fractions import Fraction
from functools import cache, lru_cache

from grantcalc import catalogue
from grantcalc.catalogue import LANGS

__all__ = ["LANGS", "locale_of", "money", "number", "percent", "factor", "format_date", "to_display_decimal",
           "no_break"]


def locale_of(lang: str) -> str:
    """The babel locale of ``lang`` (its language file's ``LOCALE``); ``ValueError`` for an unknown one."""
    return catalogue.locale_of(lang)


def _wide(function):
    """Format inside a decimal context with room for any number a message may quote (a typed 10^30),
    not only the amounts grantcalc computes; formatting never rounds an amount."""
    from functools import wraps

    @wraps(function)
    def formatted(*args, **kwargs):
        with localcontext() as ctx:
            ctx.prec = 80
            return function(*args, **kwargs)

    return formatted



def to_display_decimal(value: Decimal | Fraction | int, places: int, truncate: bool = False) -> Decimal:
    """An exact value as a Decimal with at most ``places`` decimals (display only).

    Half-up by default; ``truncate`` keeps a true prefix of the decimal
    expansion (so 14 666,685 shown to öre is 14 666,68, never 14 666,69).
    """
    mode = ROUND_DOWN if truncate else ROUND_HALF_UP
    with localcontext() as ctx:
        ctx.prec = 80  # room for any value a message may quote (a typed 10^30), not only budget amounts
        if isinstance(value, Fraction):
            q = Decimal(value.numerator) / Decimal(value.denominator)
        else:
            q = Decimal(value)
        if not q.is_finite() or q.adjusted() > 60:
            return q  # shown as it is; never an amount grantcalc computed
        return q.quantize(Decimal(1).scaleb(-places), rounding=mode)


@cache
def _minus(lang: str) -> str:
    from babel.numbers import get_minus_sign_symbol

    return get_minus_sign_symbol(locale_of(lang))


@cache
def _locale(lang: str):
    from babel import Locale

    return Locale.parse(locale_of(lang))


@lru_cache(maxsize=64)
def _pattern(pattern: str):
    from babel.numbers import parse_pattern

    return parse_pattern(pattern)


def _babel_decimal(value: Decimal, pattern: str, lang: str) -> str:
    """babel's ``format_decimal``, with the locale and pattern parsed once."""
    if not value.is_finite():
        return str(value)
    with localcontext() as ctx:
        ctx.prec = 80  # babel quantizes in the current context: room for a typed 10^30
        text = _pattern(pattern).apply(abs(value), _locale(lang), decimal_quantization=False)
    return (_minus(lang) + text) if value < 0 else text


def _places(d: Decimal) -> int:
    """The decimals ``d`` is written with: 2 for ``1.50``, 0 for ``12`` and ``1E+2``."""
    exponent = d.as_tuple().exponent
    assert isinstance(exponent, int)  # d is finite: an amount (to_decimal admits no NaN or Infinity)
    return -exponent if exponent < 0 else 0


@_wide
def number(value: Decimal | Fraction | int, lang: str = "sv", max_decimals: int = 2) -> str:
    """``1.42`` → ``1,42``; ``3.5`` → ``3,5``; ``12`` → ``12``; trailing zeros dropped."""
    d = to_display_decimal(value, max_decimals).normalize()
    if d.is_finite() and d == d.to_integral_value():
        with localcontext() as ctx:
            ctx.prec = 80
            d = d.quantize(Decimal(1))
    return _babel_decimal(d, "#,##0." + "#" * max_decimals if max_decimals else "#,##0", lang)


@_wide
def money(amount: Decimal | Fraction | int, lang: str = "sv", decimals: int | None = None,
          max_decimals: int = 2, truncate: bool = False, signed: bool = False) -> str:
    """``1111403`` → ``1 111 403 kr`` (sv) / ``SEK 1,111,403`` (en).

    ``decimals`` None shows öre only when the amount has them (up to
    ``max_decimals``, at least 2 when there are any); ``truncate`` shows a
    true prefix of an exact value instead of rounding it half-up; ``signed``
    puts a plus sign before a positive amount (a difference): ``+1 kr`` / ``SEK +1``.
    """
    d = to_display_decimal(amount, max_decimals if decimals is None else decimals, truncate)
    if decimals is None:
        if d == d.to_integral_value():
            d = d.quantize(Decimal(1))
        else:
            d = d.normalize()
            if _places(d) < 2:
                d = d.quantize(Decimal("0.01"))
    places = _places(d)
    text = _babel_decimal(d, "#,##0" + ("." + "0" * places if places else ""), lang)
    return currency(f"+{text}" if signed and amount > 0 else text, lang)


def currency(amount: str, lang: str = "sv") -> str:
    """A formatted number as an amount of money, the currency where the language puts it:
    ``1 111 403`` → ``1 111 403 kr`` (sv), ``1,111,403`` → ``SEK 1,111,403`` (en): ``format.money``."""
    return catalogue.text("format.money", lang).format(amount=amount)


@_wide
def amount(value: Decimal | int, lang: str = "sv") -> str:
    """An amount in a table column, without the currency: ``1 111 403``."""
    d = Decimal(value)
    places = _places(d)
    return _babel_decimal(d, "#,##0" + ("." + "0" * places if places else ""), lang)


_MAX_SMALL_PLACES = 110  # decimals a tiny percentage is shown with at most (input has at most 100)


@_wide
def percent(rate: Decimal | Fraction, lang: str = "sv", max_decimals: int = 2) -> str:
    """``1.5`` → ``150 %`` (sv) / ``150%`` (en); ``0.033`` → ``3,3 %``.

    A percentage too small for ``max_decimals`` is not shown as ``0 %``: it gets two
    significant digits (an FTE of 0.0000001 is ``0,00001 %``)."""
    scaled = Fraction(rate) * 100 if isinstance(rate, Fraction) else Decimal(rate) * 100
    if scaled and not to_display_decimal(scaled, max_decimals):  # not zero, yet it would read as 0 %
        exact = Decimal(scaled.numerator) / Decimal(scaled.denominator) if isinstance(scaled, Fraction) else scaled
        max_decimals = min(max(max_decimals, 1 - exact.adjusted()), _MAX_SMALL_PLACES)
    value = number(scaled, lang, max_decimals)
    return catalogue.text("format.percent", lang).format(value=value)


@_wide
def factor(value: Decimal | Fraction, lang: str = "sv") -> str:
    """An on-cost factor: ``1.42`` → ``1,42``; up to 4 decimals (``1,4015``)."""
    return number(value, lang, max_decimals=4)


def format_date(day: date, lang: str = "sv") -> str:
    """Dates are ISO in both languages (åååå-mm-dd), as Swedish forms ask."""
    return day.isoformat()


# A space a line must not break at: inside a number ("5 000", "1 111 403"), between a number and
# the unit, per cent sign or currency after it ("5 000 kr/mån", "3,3 %", "42.350 kr", "9 mån") and
# between a currency and the number after it ("SEK 5,000"). Units are whole words, in any case.
_UNITS_AFTER = (
    "kr", "kronor", "krona", "tkr", "mkr", "sek", "msek", "tsek", "öre", "mån", "månad", "månader", "år", "tim",
    "timmar", "h", "pers", "personer", "person", "st", "stycken", "plats", "platser", "ggr", "gång", "gånger",
    "dag", "dagar", "v", "vecka", "veckor", "procent", "heltid", "month", "months", "year", "years", "hour",
    "hours", "people", "persons", "place", "places", "time", "times", "day", "days", "week", "weeks",
    "percent", "per cent", "fte",
)
_NO_BREAK = re.compile(
    r"(?<=\d) (?=\d)"                                  # 5 000, 1 111 403
    r"|(?<=\d) (?=[%‰])"                               # 150 %, 3,3 %
    r"|(?<=\d) (?=(?:" + "|".join(sorted(map(re.escape, set(_UNITS_AFTER)), key=len, reverse=True)) +
    r")(?![^\W_]))"                                     # 5 000 kr/mån, 9 mån, 3 pers (a whole word)
    r"|(?<=SEK)(?<![^\W_]SEK) (?=[−+-]?\d)",             # SEK 5,000
    re.IGNORECASE)


def no_break(text: str) -> str:
    """``text`` with a no-break space (U+00A0) for each plain space that must not end a line:
    inside a number and between a number and its unit, per cent sign or currency
    (``"5 000 kr/mån, 3,3 %"`` → ``"5\u00a0000\u00a0kr/mån, 3,3\u00a0%"``). Other spaces stay;
    a text without a space is returned as it is. For every text a document shows, the
    user's own free text included."""
    if " " not in text:
        return text
    return _NO_BREAK.sub("\u00a0", text)
