"""Field types of the budget model: exact numbers, rates, factors and keys.

Every number passes :func:`grantcalc.money.to_decimal` first, so files and the
Python API follow the same documented rules (no float ever becomes an amount
except through ``str()``). Errors carry stable codes for the message catalog.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from typing import Annotated, Any

from pydantic import BeforeValidator, Field, WithJsonSchema
from pydantic_core import InitErrorDetails, PydanticCustomError, ValidationError

from grantcalc.money import MAX_DECIMALS, MAX_NUMBER_TEXT, NumberError, is_percent_text, to_decimal, to_rate

__all__ = [
    "Number", "Money", "PositiveMoney", "PositiveNumber", "Months", "Factor", "Share", "Rate",
    "YearKey", "MonthDay", "Text", "Portion", "Date", "shown_value", "number_error", "year_key",
    "YEAR_KEY_TEXT", "without_year_word",
]

# JSON Schema patterns, for editors. Written so that a backtracking engine (an editor's JavaScript) stays
# linear: no two neighbouring quantifiers can take the same character (``\s*[\d\s]+\s*`` could).
_NUMBER_TEXT = r"^[\s\u00a0]*(?:[+\-\u2212][\s\u00a0]*)?[\d.,_'][\d\s\u00a0.,_']*(?:(?:kr|kronor|SEK)\.?\s*)?$"
_PERCENT_TEXT = r"^[\s\u00a0]*(?:[+\-\u2212][\s\u00a0]*)?[\d.,_'][\d\s\u00a0.,_']*%\s*$"


def shown_value(value: Any) -> str:
    """A value as a message quotes it: a number of 5 000 digits is cut short."""
    text = str(value)
    return text if len(text) <= 40 else f"{text[:20]}…{text[-8:]}"


def number_error(err: NumberError, text_limit: int = MAX_NUMBER_TEXT) -> PydanticCustomError:
    params: dict[str, Any] = {"value": shown_value(err.value)}
    if err.kind == "too_large":
        params["limit"] = LIMIT
    elif err.kind == "too_precise":
        params["places"] = MAX_DECIMALS
    elif err.kind in ("number_too_long", "formula_too_long"):
        params["limit"] = text_limit
        params["length"] = len(str(err.value))
    return PydanticCustomError(err.kind, "{value} is not a usable number", params)


LIMIT = Decimal(10) ** 12  # 1 000 000 000 000: no grant budget comes near; keeps every sum exact


def _capped(number: Decimal, value: Any) -> Decimal:
    if number.copy_abs() > LIMIT:  # copy_abs: no context, so no Overflow whatever the exponent
        raise PydanticCustomError("too_large", "{value} is unreasonably large",
                                  {"value": shown_value(value), "limit": LIMIT})
    return number


def _number(value: Any) -> Decimal:
    try:
        return _capped(to_decimal(value), value)
    except NumberError as err:
        raise number_error(err) from None


def _percent(value: Any) -> Decimal:
    try:
        return _capped(to_rate(value), value)
    except NumberError as err:
        raise number_error(err) from None


def _rate(value: Any) -> Decimal:
    rate = _percent(value)
    if not is_percent_text(value) and rate >= 1:
        raise PydanticCustomError("rate_too_high", "{value} is too high for a rate", {"value": str(value)})
    return rate


def _factor(value: Any) -> Decimal:
    """On-cost: ``1.42`` is a factor, ``"42 %"`` a percentage (→ 1.42)."""
    if is_percent_text(value):
        return 1 + _percent(value)
    factor = _number(value)
    if factor < 1:
        raise PydanticCustomError("on_cost_below_one", "on-cost factor {value} is below 1", {"value": str(value)})
    return factor


def _share(value: Any) -> Decimal:
    """A share of full time: ``1.5`` or ``"150 %"``."""
    return _percent(value) if is_percent_text(value) else _number(value)


_NUMBER_SCHEMA = {"anyOf": [{"type": "number"}, {"type": "string", "pattern": _NUMBER_TEXT,
                                                  "maxLength": MAX_NUMBER_TEXT}]}
_PERCENT_SCHEMA = {"anyOf": [{"type": "number"}, {"type": "string", "pattern": _PERCENT_TEXT,
                                                   "maxLength": MAX_NUMBER_TEXT}]}

Number = Annotated[Decimal, BeforeValidator(_number), WithJsonSchema(_NUMBER_SCHEMA)]
Money = Annotated[Number, Field(ge=0)]
PositiveMoney = Annotated[Number, Field(gt=0)]
PositiveNumber = Annotated[Number, Field(gt=0)]
Months = Annotated[Number, Field(ge=0, le=12)]
Factor = Annotated[Decimal, BeforeValidator(_factor), WithJsonSchema(
    {**_PERCENT_SCHEMA, "description": "A factor such as 1.42, or a percentage such as \"42 %\""})]
Share = Annotated[Decimal, BeforeValidator(_share), Field(gt=0), WithJsonSchema(
    {**_PERCENT_SCHEMA, "description": "1.5 or \"150 %\""})]
Rate = Annotated[Decimal, BeforeValidator(_rate), Field(ge=0), WithJsonSchema(
    {**_PERCENT_SCHEMA, "description": "\"3,3 %\" or 0.033"})]
Portion = Annotated[Decimal, BeforeValidator(_percent), Field(ge=0, le=1), WithJsonSchema(
    {**_PERCENT_SCHEMA, "description": "a share from 0 to 100 %: \"50 %\" or 0.5"})]


_FISCAL_KEY = re.compile(r"^\s*(\d{4})\s*/\s*(\d{2}|\d{4})\s*$")
# the word a document writes before a year: "År 1", "år 2", "ÅR 3", "Year 1", "År 2022", "år 2024/25"
_YEAR_WORD = re.compile(r"^\s*(?:år|year)(?=[\s\d])", re.IGNORECASE)
_MAX_YEAR_TEXT = 40  # characters of a budget-year key: " 2024/2025 " is 11

# a year key as text, for editors (linear for a backtracking engine: each quantifier is followed by
# a character it cannot take): "2024", "1", "2024/25", "År 1", "year 2", "ÅR 2024/25"
YEAR_KEY_TEXT = r"\s*(?:(?:[Åå][Rr]|[Yy][Ee][Aa][Rr])\s*)?\d{1,4}(?:\s*/\s*\d{2,4})?\s*"


def without_year_word(text: str) -> str:
    """``text`` without the word *år* / *year* (any case) a document writes before a year, stripped:
    ``"År 1"`` → ``"1"``, ``"year 2024/25"`` → ``"2024/25"``; other text stripped only."""
    word = _YEAR_WORD.match(text)
    return (text[word.end():] if word else text).strip()


def year_key(value: Any) -> int:
    """A budget-year key: ``2024`` (calendar), ``1`` (project year), ``"2024/25"`` (fiscal), each also
    as a document writes it, after the word *år* or *year* in any case: ``"År 1"``, ``"year 2"``,
    ``"ÅR 2022"``, ``"år 2024/25"`` are 1, 2, 2022 and 2024."""
    if isinstance(value, bool):
        raise PydanticCustomError("year_key", "{value} is not a budget year", {"value": str(value)})
    if isinstance(value, int):
        return value
    if isinstance(value, str) and len(value) <= _MAX_YEAR_TEXT:  # a key of 5 000 digits is no year (nor an int)
        text = without_year_word(value)
        if text.isascii() and text.isdigit():
            return int(text)
        match = _FISCAL_KEY.match(text)
        if match:
            return int(match.group(1))
    raise PydanticCustomError("year_key", "{value} is not a budget year", {"value": shown_value(value)})


YearKey = Annotated[int, BeforeValidator(year_key), WithJsonSchema(
    {"anyOf": [{"type": "integer"}, {"type": "string", "pattern": f"^{YEAR_KEY_TEXT}$"}],
     "description": "a budget year: 2024, 1 (a project year), 2024/25; also \"År 1\", \"year 2\""})]

_MONTH_DAY = re.compile(r"^\s*(?:--)?(\d{1,2})-(\d{1,2})\s*$")


def _month_day(value: Any) -> tuple[int, int]:
    """``"04-01"`` → (4, 1); a month number 4 → (4, 1); a date → its month and day."""
    if isinstance(value, tuple) and len(value) == 2:
        month, day = value
    elif isinstance(value, date):
        month, day = value.month, value.day
    elif isinstance(value, int) and not isinstance(value, bool):
        month, day = value, 1
    elif isinstance(value, str) and (m := _MONTH_DAY.match(value)):
        month, day = int(m.group(1)), int(m.group(2))
    else:
        raise PydanticCustomError("month_day", "must be month-day such as 04-01", {})
    try:
        date(2024, month, day)  # a leap year accepts every real month-day
    except (TypeError, ValueError):
        raise PydanticCustomError("month_day", "must be month-day such as 04-01", {}) from None
    return (month, day)


MonthDay = Annotated[tuple[int, int], BeforeValidator(_month_day), WithJsonSchema(
    {"anyOf": [{"type": "string", "pattern": r"^\d{2}-\d{2}$"}, {"type": "integer", "minimum": 1, "maximum": 12}],
     "description": "month-day of the raise, e.g. \"01-01\" or \"04-01\""})]

Text = Annotated[str, Field(min_length=1)]


def _not_a_number(value: Any) -> Any:
    """pydantic reads a number as seconds since 1970 (``end: 0`` is 1970-01-01, ``20251231`` a time of
    day in August 1970): a date in a budget is written 2025-12-31."""
    if isinstance(value, (int, float, Decimal)) and not isinstance(value, bool):
        raise PydanticCustomError("date_number", "{value} is a number, not a date", {"value": shown_value(value)})
    return value


Date = Annotated[date, BeforeValidator(_not_a_number)]


def errors_at_the_field(*steps: str, unless: Callable[[Any], bool] | None = None) -> Callable[[Any, Any], Any]:
    """A wrap validator (``WrapValidator(errors_at_the_field("factor", "preset"))``) that puts a field's
    errors at the field itself, without the first step of their place when it is one of ``steps``: the
    branch of a tagged union (``on_cost.factor`` → ``on_cost``) or the key a shorthand stands for
    (``stated_rate.rate`` → ``stated_rate``). Values for which ``unless`` holds keep their places."""
    def wrap(value: Any, handler: Any) -> Any:
        try:
            return handler(value)
        except ValidationError as err:
            if unless is not None and unless(value):
                raise
            details = []
            for e in err.errors():
                loc = tuple(e["loc"])
                if loc and loc[0] in steps:
                    loc = loc[1:]
                message = e["msg"].replace("{", "{{").replace("}", "}}")
                details.append(InitErrorDetails(type=PydanticCustomError(e["type"], message, e.get("ctx")), loc=loc,
                                                input=e.get("input")))
            raise ValidationError.from_exception_data(err.title, details) from None
    return wrap
