"""Stated figures: what a document says, recorded beside what the budget declares.

A budget file may record the figures an existing application prints — per line
and budget year, line totals, the Summa row, the financing table, the amount
applied for — so ``grantcalc check`` can audit the document against its own
factors. A stated figure is written either as an amount (``210479``,
``"210.479 kr"``) or as the formula the document prints
(``"42.350 kr × 1,42 × 3,5 mån = 210.479 kr"``): then its result is the stated
amount, and the check also verifies the formula's own arithmetic.

Numbers in stated figures are read as a Swedish document prints them
(:func:`grantcalc.money.document_number`): ``42.350`` is 42 350, not 42,35.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Annotated, Any

from pydantic import BeforeValidator, PlainSerializer, WithJsonSchema
from pydantic_core import PydanticCustomError

from grantcalc.budget.types import LIMIT, number_error, year_key
from grantcalc.money import NumberError, document_number, to_decimal

__all__ = ["StatedFigure", "Stated", "StatedRow", "TOTAL", "parse_stated", "MAX_FORMULA_TEXT"]

# characters of a formula as printed: "5.000 kr/pers/år × 3 pers × 2 ggr/år × 3,5 mån = 105.000 kr" is 62;
# each of its numbers has at most MAX_NUMBER_TEXT characters (grantcalc.money)
MAX_FORMULA_TEXT = 300

TOTAL = "total"  # the key of a row's total column (*Totalt*)
_TOTAL_WORDS = frozenset({"total", "totalt", "summa", "sum"})

# multiplication signs: ×, *, ·, or an x that is not part of a word ("5 x 3", "5x3", "kr x6";
# never the x of "taxiresor"). No \s* around it: the parts are stripped anyway, and a leading \s* was
# retried from every position of a run of spaces (quadratic).
_TIMES = re.compile(r"[×*·]|(?<![^\W\d_])[xX](?![^\W\d_])")
_FACTOR = re.compile(r"[+\-\u2212]?\d[\d\s\u00a0.,]*(\s*%)?")


@dataclass(frozen=True, slots=True)
class StatedFigure:
    """An amount a document states; with ``factors`` when it prints the formula too."""

    amount: Decimal
    text: str | None = None  # the formula as written
    factors: tuple[Decimal, ...] = ()

    @property
    def product(self) -> Decimal:
        """What the formula's factors multiply to (exact)."""
        out = Decimal(1)
        for f in self.factors:
            out *= f
        return out

    def __str__(self) -> str:
        return self.text or str(self.amount)


def _factor(text: str) -> Decimal:
    """One factor: its one number (units around it are words: "5.000 kr/pers/år", "3,5 mån").
    A factor with two numbers is refused rather than half read."""
    numbers = [m.group(0).strip() for m in _FACTOR.finditer(text)]
    if len(numbers) != 1:
        raise NumberError("not_a_number", text)
    return document_number(numbers[0])


def parse_stated(value: Any) -> StatedFigure:
    """An amount, or a formula ``a × b × c = d`` as printed (units after numbers are ignored)."""
    if isinstance(value, StatedFigure):
        return value
    try:
        if isinstance(value, str) and "=" in value:
            if len(value) > MAX_FORMULA_TEXT:
                raise NumberError("formula_too_long", value)
            left, _, right = value.rpartition("=")
            factors = tuple(_factor(part) for part in _TIMES.split(left.strip()) if part.strip())
            if not factors:
                raise NumberError("not_a_number", value)
            amount = document_number(right.strip())
            figure = StatedFigure(amount, value.strip(), factors)
        elif isinstance(value, str):
            figure = StatedFigure(document_number(value))
        else:
            figure = StatedFigure(to_decimal(value))
    except NumberError as err:
        if err.kind == "formula_too_long":
            raise number_error(err, MAX_FORMULA_TEXT) from None
        if err.kind == "number_too_long":  # the number itself: a whole figure, or one factor of a formula
            raise number_error(err) from None
        if err.kind in ("too_large", "too_precise"):  # a number, but beyond what can be computed
            raise number_error(NumberError(err.kind, value)) from None
        raise PydanticCustomError(
            "stated_figure", "{value} is neither an amount nor a formula such as 42.350 kr × 1,42 × 3,5 = 210.479 kr",
            {"value": str(value)}) from None
    if figure.amount.copy_abs() > LIMIT or any(f.copy_abs() > LIMIT for f in figure.factors):
        raise PydanticCustomError("too_large", "{value} is unreasonably large", {"value": str(value), "limit": LIMIT})
    return figure


def _serialize(figure: StatedFigure) -> str | Decimal:
    return figure.text if figure.text is not None else figure.amount


Stated = Annotated[
    StatedFigure, BeforeValidator(parse_stated), PlainSerializer(_serialize),
    WithJsonSchema({"anyOf": [{"type": "number"}, {"type": "string", "maxLength": MAX_FORMULA_TEXT}],
                    "description": "an amount, or the formula as printed: "
                                   "\"42.350 kr × 1,42 × 3,5 mån = 210.479 kr\""}),
]


def _row_key(value: Any) -> int | str:
    """A budget-year key, or ``total`` (also ``totalt``, ``summa``) for the total column."""
    if isinstance(value, str) and value.strip().lower() in _TOTAL_WORDS:
        return TOTAL
    return year_key(value)


RowKey = Annotated[int | str, BeforeValidator(_row_key), WithJsonSchema(
    {"anyOf": [{"type": "integer"}, {"type": "string", "pattern": r"^(\d{4}(/\d{2,4})?|total|totalt|summa)$"}]})]

StatedRow = dict[RowKey, Stated]
"""A row of a document's table: budget year (or ``total``) → stated figure."""
