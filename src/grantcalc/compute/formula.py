"""Formulas: how each amount was produced, in the words an application uses.

A :class:`Formula` is data — steps of products of :class:`Term` values — so it
can be written in Swedish or English and checked by tests:
``42 350 kr × 1,42 × 3,5 mån = 210 479 kr``.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from functools import lru_cache

from grantcalc import formatting as fmt
from grantcalc.catalogue import text as _text
from grantcalc.rounding import RoundingMode, RoundingRule

__all__ = ["Term", "Step", "Formula"]

Value = Fraction | Decimal | int


@dataclass(frozen=True, slots=True)
class Term:
    """One factor of a product. ``unit`` says how it reads:

    kr, kr/month, kr/year, kr/hour (money); factor; percent;
    months; year_share (months/12, a share of a year: ``9/12``); count (with ``label``); hours; places.
    ``divide`` makes it a divisor (``÷ 15 platser``).
    """

    value: Value
    unit: str
    label: str | None = None
    divide: bool = False
    places: int = 2  # decimals an exact value is shown with (as a prefix of its expansion)

    def text(self, lang: str) -> str:
        """The term as it reads in ``lang``: ``42 350 kr``, ``1,42``, ``150 %``, ``3,5 mån``, ``9/12``."""
        return _term_text(self, lang)

    def _text(self, lang: str) -> str:
        v, u = self.value, self.unit
        exact = self.places != 2
        if u == "kr":
            return fmt.money(v, lang, max_decimals=self.places, truncate=exact)
        if u.startswith("kr/"):  # kr/month, kr/year, kr/hour: "4 000 kr/mån"
            per = _text(_PER[u[3:]], lang)
            return f"{fmt.money(v, lang, max_decimals=self.places, truncate=exact)}/{per}"
        if u == "factor":
            if self.label:  # a factor named by a rate: "1,3142 (arbetsgivaravgift 2026: 31,42 %, SFS …)"
                from grantcalc.rates import note

                return f"{fmt.factor(v, lang)} {note(self.label, lang)}"
            return fmt.factor(v, lang)
        if u == "percent":
            return fmt.percent(v, lang)
        if u in _UNITS:  # "3,5 mån", "6/12", "40 tim", "3 ggr"
            return _text(_UNITS[u], lang).format(n=fmt.number(v, lang))
        if u == "places":  # label: the block size, "40/15 platser"
            block = f"/{self.label}" if self.label else ""
            return _text("formula.places", lang).format(n=fmt.number(v, lang), block=block)
        if u == "count":
            return fmt.number(v, lang) + (f"\u00a0{self.label}" if self.label else "")
        return fmt.number(v, lang)


@lru_cache(maxsize=1 << 16)
def _term_text(term: Term, lang: str) -> str:
    """:meth:`Term.text`, once per term and language: a budget's salaries, factors and months repeat
    in every line and year (a term's text depends only on its numeric value, unit, label and places)."""
    return term._text(lang)


# the catalogue's words: a unit after its number, the unit of an amount per time, a rounding
_UNITS = {"months": "formula.months", "year_share": "formula.year_share", "hours": "formula.hours",
          "times": "formula.times"}
_PER = {"month": "formula.per.month", "year": "formula.per.year", "hour": "formula.per.hour"}
_ROUNDED = {
    RoundingMode.half_up: "formula.rounded",
    RoundingMode.half_even: "formula.rounded",
    RoundingMode.down: "formula.rounded_down",
    RoundingMode.up: "formula.rounded_up",
}


@dataclass(frozen=True, slots=True)
class Step:
    """A sum of products and its result; ``rounded`` when this step rounds."""

    products: tuple[tuple[Term, ...], ...]
    exact: Fraction
    rounded: Decimal | None = None
    rule: RoundingRule | None = None
    per_year: bool = False  # the result is kr/år (an annual amount)

    def text(self, lang: str, with_result: bool = True) -> str:
        """The step as it reads; ``with_result`` False ends it at the equals sign (the
        amount then stands in a column of its own, as applications print it)."""
        parts = []
        for product in self.products:
            text = ""
            for i, term in enumerate(product):
                if i:
                    text += " ÷ " if term.divide else " × "
                text += term.text(lang)
            parts.append(text)
        expression = " + ".join(parts)
        unit = "kr/year" if self.per_year else "kr"
        result = self.rounded if self.rounded is not None else self.exact
        single = len(self.products) == 1 and len(self.products[0]) == 1
        if single and self.products[0][0].value == result:  # a stated amount: nothing to compute
            informative = self.products[0][0].unit != "kr"  # "32 000 kr/år" says more than its result
            return expression if with_result or informative else ""
        if self.rounded is None or self.rule is None or Fraction(self.rounded) == self.exact:
            return f"{expression} = {Term(self.exact, unit).text(lang)}" if with_result else f"{expression} ="
        rounded = Term(self.rounded, unit).text(lang)
        if self.rule.step == 1 and not single:  # to whole kronor: the exact öre are not worth a sentence
            return f"{expression} = {rounded}" if with_result else f"{expression} ="
        # the exact value, shown as a prefix of its expansion two decimals finer than the step
        exponent = self.rule.step.as_tuple().exponent
        assert isinstance(exponent, int)  # a step is a finite number (not NaN or Infinity: "n", "N", "F")
        places = max(2, 2 - exponent)
        # "avrundat till", "avrundat nedåt till": a rounding is said whole, with the figure it gives,
        # also where the amount stands in a column of its own ("= 487 500 kr, avrundat uppåt till 490 000 kr")
        words = _text(_ROUNDED[self.rule.mode], lang)
        exact = Term(self.exact, unit, places=places).text(lang)
        return f"{exact}, {words} {rounded}" if single else f"{expression} = {exact}, {words} {rounded}"


@dataclass(frozen=True, slots=True)
class Formula:
    steps: tuple[Step, ...]

    @property
    def stated(self) -> bool:
        """True when the amount is stated as it is (explicit, one-off): nothing was computed."""
        if len(self.steps) != 1 or len(self.steps[0].products) != 1 or len(self.steps[0].products[0]) != 1:
            return False
        step, term = self.steps[0], self.steps[0].products[0][0]
        return term.unit == "kr" and step.rounded is not None and Fraction(term.value) == Fraction(step.rounded)

    def text(self, lang: str = "sv") -> str:
        return "; ".join(step.text(lang) for step in self.steps)

    def calculation(self, lang: str = "sv") -> str:
        """The formula up to its last equals sign, for a document whose amount stands
        in its own column: ``42 350 kr × 1,42 × 3,5 mån =``; empty for a stated amount.
        A step that rounds is said whole, the rounded figure included:
        ``650 000 kr/år × 9/12 = 487 500 kr, avrundat uppåt till 490 000 kr``."""
        *first, last = self.steps
        return "; ".join([step.text(lang) for step in first] + [last.text(lang, with_result=False)]).strip("; ")

    def __str__(self) -> str:
        return self.text()
