"""Stated figures: what a document says, recorded beside what the budget declares.

A budget file may record the figures an existing application prints — per line
and budget year, line totals, the Summa row, the financing table, the amount
applied for — so ``grantcalc check`` can audit the document against its own
factors. A stated figure is written either as an amount (``210479``,
``"210.479 kr"``) or as the formula the document prints
(``"42.350 kr × 1,42 × 3,5 mån = 210.479 kr"``): then its result is the stated
amount, and the check also verifies the formula's own arithmetic.

Numbers in stated figures are read as a Swedish document prints them
(:func:`grantcalc.money.document_number`): ``42.350`` is 42 350, not 42,35. Units after
a number are words: ``"70 000 kr/år"`` is 70 000.

A figure may be **approximate**, as documents round what they only estimate: ``"ca 4 %"``,
``"ca. 1 770 000 kr/år"``, ``"cirka 70 000 kr"``, ``"~ 5 000"``, ``"≈ 12 000"``, ``"omkring
50 000"`` (also ``c:a``, ``ungefär``). Its ``tolerance`` is one unit of its last non-zero digit
as printed (``ca 1 770 000`` → 10 000, ``ca 4,5 %`` → 0,1 percentage point), unless the text
declares one: ``"ca 1 770 000 kr ± 5 000"`` (also ``+/-``), ``"± 5 %"`` (5 % of the figure; of a
stated rate, 5 percentage points). A formula's result may be approximate too
(``"… = ca 210 000 kr"``, or ``"… ≈ 210 000 kr"``). A figure is checked exactly unless it is
approximate; then it passes within its tolerance.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Annotated, Any

from pydantic import BeforeValidator, Discriminator, PlainSerializer, Tag, WithJsonSchema, WrapValidator
from pydantic_core import PydanticCustomError

from grantcalc.budget.types import LIMIT, YEAR_KEY_TEXT, errors_at_the_field, number_error, year_key
from grantcalc.money import MAX_NUMBER_TEXT, NumberError, document_number, to_decimal

__all__ = ["StatedFigure", "Stated", "StatedRow", "StatedRateFigure", "AppliedAmount", "TOTAL", "parse_stated",
           "parse_stated_rate", "row_total", "MAX_FORMULA_TEXT"]

# characters of a formula as printed: "5.000 kr/pers/år × 3 pers × 2 ggr/år × 3,5 mån = 105.000 kr" is 62;
# each of its numbers has at most MAX_NUMBER_TEXT characters (grantcalc.money)
MAX_FORMULA_TEXT = 300

TOTAL = "total"  # the key of a row's total column (*Totalt*)
_TOTAL_WORDS = frozenset({"total", "totalt", "summa", "sum"})

# multiplication signs: ×, *, ·, à ("40 deltagare à 1 200 kr"), or an x that is not part of a word ("5 x 3",
# "5x3", "kr x6"; never the x of "taxiresor"). No \s* around it: the parts are stripped anyway, and a leading \s* was
# retried from every position of a run of spaces (quadratic).
TIMES = re.compile(r"[×*·]|(?<![^\W\d_])[xX](?![^\W\d_])|(?<=\s)à(?=\s)|(?<=\d)à|à(?=\d)")
_FACTOR = re.compile(r"[+\-\u2212]?\d[\d\s\u00a0.,]*(\s*%)?")


# an approximate figure's word before its number: ca, ca., c:a, cirka, omkring, ungefär, ~, ≈ (a word
# ends where a letter does not follow: "ca4" is approximate, "cat" is no word of ours)
_APPROX = re.compile(r"^\s*(?:(?:ca|cirka|omkring|ungefär)(?![^\W\d_])\.?|c:a|[~≈∼])\s*", re.IGNORECASE)
# a declared tolerance: ± 5 000, +/- 5 000, +- 5 %
_PLUS_MINUS = re.compile("±|\\+\\s*/\\s*[-\u2212]|\\+[-\u2212]")
# what may follow a number as its unit: kr, kronor, SEK, :-, then /år, /mån, /pers, per år … (words)
_UNITS = re.compile(r"\s*(?:kr|kronor|sek|:-)?\.?(?:\s*(?:/|per(?=\s))\s*[^\W\d_]+\.?)*\s*", re.IGNORECASE)
_LAST_DIGIT = re.compile(r"[0-9%][^0-9%]*$")  # the last digit or percent sign: units follow it


@dataclass(frozen=True, slots=True)
class StatedFigure:
    """An amount a document states; with ``factors`` when it prints the formula too.

    ``text``: the figure as written when it is more than a plain amount (a formula, an approximate
    figure, a percentage), kept so the budget file is written back as it was. ``tolerance``: None for
    an exact figure; for an approximate one, how far the computed figure may be from it
    (``|stated − computed| ≤ tolerance`` passes). ``precision``: one unit of the last digit the
    document prints (``4 %`` → 0.01, ``4,5 %`` → 0.001, ``70 000`` → 1), where it is known."""

    amount: Decimal
    text: str | None = None
    factors: tuple[Decimal, ...] = ()
    tolerance: Decimal | None = None
    precision: Decimal | None = None

    @property
    def approximate(self) -> bool:
        """Whether the document states the figure as an approximation (*ca*, *±*)."""
        return self.tolerance is not None

    def accepts(self, computed: Decimal) -> bool:
        """Whether ``computed`` agrees with the figure: equal to it, or within its tolerance."""
        if self.tolerance is None:
            return self.amount == computed
        return abs(self.amount - computed) <= self.tolerance

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


def _unit_of(number: Decimal, nonzero: bool) -> Decimal:
    """One unit of ``number``'s last digit as written (``nonzero``: of its last non-zero digit):
    ``1770000`` → 1 (10 000), ``4.50`` → 0.01 (0.1); a zero has only its last digit."""
    exponent = (number.normalize() if nonzero and number else number).as_tuple().exponent
    assert isinstance(exponent, int)  # a finite number: document_number admits nothing else
    return Decimal(10) ** exponent if exponent < 0 else Decimal(10 ** exponent)


@dataclass(frozen=True, slots=True)
class _Read:
    """One number as printed: its value, one unit of its last digit and of its last non-zero digit
    (both in the value's terms: a percentage's divided by 100), and whether it was a percentage."""

    value: Decimal
    precision: Decimal
    unit: Decimal
    percent: bool


def _read(text: str) -> _Read:
    """The one number of ``text`` (≤ :data:`MAX_NUMBER_TEXT` characters) as a document prints it, the
    units after it ignored (``"1 770 000 kr/år"``, ``"4,5 %"``); :class:`NumberError` otherwise."""
    found = _LAST_DIGIT.search(text)
    if found is None or not _UNITS.fullmatch(text, found.start() + 1):
        raise NumberError("not_a_number", text)
    head = text[:found.start() + 1].strip()
    percents = 0
    while head.endswith("%"):  # at most MAX_NUMBER_TEXT of them: a loop, as document_number's
        head = head[:-1].rstrip()
        percents += 1
    number = document_number(head)
    scale = Decimal(100) ** percents
    return _Read(number / scale, _unit_of(number, False) / scale, _unit_of(number, True) / scale, percents > 0)


def _tolerance(text: str, figure: _Read, rate: bool) -> Decimal:
    """A declared tolerance (the text after ``±``): an amount; a percentage is relative to the figure,
    but of a stated rate (``rate``) percentage points. ``stated_tolerance`` for anything else."""
    try:
        read = _read(text)
    except NumberError:
        read = None
    if read is None or read.value < 0:
        raise PydanticCustomError("stated_tolerance", "{tolerance} is not a tolerance", {"tolerance": text.strip()})
    if rate:
        return read.value if read.percent else read.value / 100
    return abs(figure.value) * read.value if read.percent else read.value


def _approximate(text: str, rate: bool = False, whole: str | None = None) -> tuple[_Read, Decimal | None]:
    """A figure that may be approximate (``ca 4 %``, ``~ 5 000``, ``70 000 ± 5 000``): the number and
    its tolerance (None: exact). ``stated_approximate`` for an approximation with no number (``whole``:
    the text the figure is part of, as the message quotes it)."""
    marker = _APPROX.match(text)
    body = text[marker.end():] if marker else text
    declared = _PLUS_MINUS.search(body)
    main = body[:declared.start()] if declared else body
    try:
        read = _read(main)
    except NumberError:
        if marker and not any(ch.isdigit() for ch in main):
            raise PydanticCustomError("stated_approximate", "{value} has no number",
                                      {"value": (whole or text).strip()}) from None
        raise
    if declared:
        return read, _tolerance(body[declared.end():], read, rate)
    return read, read.unit if marker else None


def _is_relation(text: str, at: int) -> bool:
    """Whether the ``≈`` at ``at`` is a formula's equals sign (a product before it), not the word *ca*."""
    return at >= 0 and any(ch.isdigit() for ch in text[:at])


def parse_stated(value: Any) -> StatedFigure:
    """An amount, or a formula ``a × b × c = d`` as printed (units after numbers are ignored); either
    may be approximate (``ca 70 000 kr``, ``… = ca 210 000 kr``, ``… ≈ 210 000``, ``± 5 000``)."""
    if isinstance(value, StatedFigure):
        return value
    try:
        if isinstance(value, str) and ("=" in value or _is_relation(value, value.rfind("≈"))):
            if len(value) > MAX_FORMULA_TEXT:
                raise NumberError("formula_too_long", value)
            sign = "=" if "=" in value else "≈"
            left, _, right = value.rpartition(sign)
            factors = tuple(_factor(part) for part in TIMES.split(left.strip()) if part.strip())
            if not factors:
                raise NumberError("not_a_number", value)
            plain = _plain_amount(right) if sign == "=" else None
            if plain is not None:  # the common case: an exact result ("= 210.479 kr")
                figure = StatedFigure(plain.amount, value.strip(), factors)
            else:
                read, tolerance = _approximate(right if sign == "=" else "≈" + right, whole=value)
                figure = StatedFigure(read.value, value.strip(), factors, tolerance, read.precision)
        elif isinstance(value, str):
            if len(value) > MAX_NUMBER_TEXT:
                document_number(value)  # raises: too long (or far too large) to be read as a number
            figure = _plain_amount(value) or _figure(value)
        else:
            figure = StatedFigure(to_decimal(value))
    except NumberError as err:
        raise _figure_error(err, value) from None
    if figure.amount.copy_abs() > LIMIT or any(f.copy_abs() > LIMIT for f in figure.factors) or (
            figure.tolerance is not None and figure.tolerance > LIMIT):
        raise PydanticCustomError("too_large", "{value} is unreasonably large", {"value": str(value), "limit": LIMIT})
    return figure


def _plain_amount(text: str) -> StatedFigure | None:
    """The common case, read as fast as before: an exact amount such as ``"70 000 kr"`` (written back as
    a number); None for anything else (a unit, an approximation, a percentage)."""
    if "%" in text or _APPROX.match(text) or _PLUS_MINUS.search(text):
        return None
    try:
        return StatedFigure(document_number(text))
    except NumberError as err:
        if err.kind != "not_a_number":
            raise
        return None


def _figure(text: str) -> StatedFigure:
    """A figure that is not a plain amount: units after it, approximate, or a percentage (kept as written)."""
    read, tolerance = _approximate(text)
    if tolerance is None and not read.percent:  # an amount with its unit ("70 000 kr/år"): written as a number
        return StatedFigure(read.value)
    return StatedFigure(read.value, text.strip(), (), tolerance, read.precision)


def _figure_error(err: NumberError, value: Any) -> PydanticCustomError:
    if err.kind == "formula_too_long":
        return number_error(err, MAX_FORMULA_TEXT)
    if err.kind == "number_too_long":  # the number itself: a whole figure, or one factor of a formula
        return number_error(err)
    if err.kind in ("too_large", "too_precise"):  # a number, but beyond what can be computed
        return number_error(NumberError(err.kind, value))
    return PydanticCustomError(
        "stated_figure", "{value} is neither an amount nor a formula such as 42.350 kr × 1,42 × 3,5 = 210.479 kr",
        {"value": str(value)})


def parse_stated_rate(value: Any) -> StatedFigure:
    """A rate as a document states it: ``"4 %"`` (exact to its printed precision), ``"ca 4 %"``,
    ``"ca 4,5 % ± 0,5 %"`` (a tolerance in percentage points), or a share such as ``0.04``."""
    if isinstance(value, StatedFigure):
        return value
    try:
        if isinstance(value, str):
            if len(value) > MAX_NUMBER_TEXT:
                document_number(value)  # raises: too long to be a rate
            if "=" in value:
                raise NumberError("not_a_number", value)
            read, tolerance = _approximate(value, rate=True)
            if not read.percent:
                raise NumberError("not_a_number", value)
            figure = StatedFigure(read.value, value.strip(), (), tolerance, read.precision)
        elif isinstance(value, (int, Decimal, float)) and not isinstance(value, bool):
            share = to_decimal(value)
            figure = StatedFigure(share, None, (), None, _unit_of(share, False))
        else:
            raise NumberError("not_a_number", value)
    except NumberError as err:
        if err.kind in ("number_too_long", "too_large", "too_precise"):
            raise number_error(err) from None
        raise PydanticCustomError("stated_rate", "{value} is not a rate such as \"ca 4 %\"",
                                  {"value": str(value)}) from None
    if figure.amount < 0:
        raise PydanticCustomError("stated_rate", "{value} is not a rate such as \"ca 4 %\"", {"value": str(value)})
    if figure.amount > LIMIT or (figure.text is None and figure.amount >= 1):  # 1.5 is no share; "150 %" is
        raise PydanticCustomError("rate_too_high", "{value} is too high for a rate", {"value": str(value)})
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
    {"anyOf": [{"type": "integer"}, {"type": "string", "pattern": (
        f"^(?:{YEAR_KEY_TEXT}|\\s*(?:[Tt][Oo][Tt][Aa][Ll][Tt]?|[Ss][Uu][Mm](?:[Mm][Aa])?)\\s*)$")}]})]

StatedRow = dict[RowKey, Stated]
"""A row of a document's table: budget year (or ``total``) → stated figure."""


def row_total(row: Mapping[int | str, StatedFigure]) -> Decimal | None:
    """What a stated row says in all: its ``total``, else the sum of its years (None for an empty row)."""
    if TOTAL in row:
        return row[TOTAL].amount
    if not row:
        return None
    return sum((figure.amount for figure in row.values()), start=Decimal(0))


StatedRateFigure = Annotated[
    StatedFigure, BeforeValidator(parse_stated_rate), PlainSerializer(_serialize),
    WithJsonSchema({"anyOf": [{"type": "number", "minimum": 0, "exclusiveMaximum": 1},
                              {"type": "string", "maxLength": MAX_NUMBER_TEXT}],
                    "description": "a rate as printed: \"4 %\", \"ca 4 %\", \"ca 4 % ± 0,5 %\" (points)"})]
"""A rate a document states: exact to its printed precision, or approximate (:func:`parse_stated_rate`)."""


def _figure_or_row(value: Any) -> str:
    return "row" if isinstance(value, Mapping) else "figure"


AppliedAmount = Annotated[
    Annotated[Stated, Tag("figure")] | Annotated[StatedRow, Tag("row")],
    Discriminator(_figure_or_row), WrapValidator(errors_at_the_field("figure", "row"))]
"""The amount applied for as a document states it: one figure, or a row per budget year and ``total``."""
