"""Formulas: how each amount was produced, in the words an application uses.

A :class:`Formula` is data — steps of products of :class:`Term` values — so it
can be written in Swedish or English and checked by tests:
``42 350 kr × 1,42 × 3,5 mån = 210 479 kr``.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from grantcalc import formatting as fmt
from grantcalc.rounding import RoundingMode, RoundingRule

__all__ = ["Term", "Step", "Formula"]

Value = Fraction | Decimal | int


@dataclass(frozen=True, slots=True)
class Term:
    """One factor of a product. ``unit`` says how it reads:

    kr, kr/month, kr/year, kr/hour, kr/place (money); factor; percent;
    months; year_share (months/12); count (with ``label``); hours; places.
    ``divide`` makes it a divisor (``÷ 15 platser``).
    """

    value: Value
    unit: str
    label: str | None = None
    divide: bool = False

    def text(self, lang: str) -> str:
        v, u = self.value, self.unit
        sv = lang == "sv"
        if u == "kr":
            return fmt.money(v, lang)
        if u.startswith("kr/"):
            per = {"month": ("mån", "month"), "year": ("år", "year"), "hour": ("tim", "hour"),
                   "place": ("plats", "place")}[u[3:]]
            return f"{fmt.money(v, lang)}/{per[0] if sv else per[1]}"
        if u == "factor":
            return fmt.factor(v, lang)
        if u == "percent":
            return fmt.percent(v, lang)
        if u == "months":
            return f"{fmt.number(v, lang)}\u00a0{'mån' if sv else 'months'}"
        if u == "year_share":
            return f"{fmt.number(v, lang)}/12\u00a0{'mån' if sv else 'months'}"
        if u == "hours":
            return f"{fmt.number(v, lang)}\u00a0{'tim' if sv else 'h'}"
        if u == "places":  # label: the block size, "40/15 platser"
            block = f"/{self.label}" if self.label else ""
            return f"{fmt.number(v, lang)}{block}\u00a0{'platser' if sv else 'places'}"
        if u == "times":
            return f"{fmt.number(v, lang)}\u00a0{'ggr' if sv else 'times'}"
        if u == "count":
            return fmt.number(v, lang) + (f"\u00a0{self.label}" if self.label else "")
        return fmt.number(v, lang)


_MODE_WORDS = {
    RoundingMode.half_up: ("avrundat", "rounded"),
    RoundingMode.half_even: ("avrundat", "rounded"),
    RoundingMode.down: ("avrundat nedåt", "rounded down"),
    RoundingMode.up: ("avrundat uppåt", "rounded up"),
}


@dataclass(frozen=True, slots=True)
class Step:
    """A sum of products and its result; ``rounded`` when this step rounds."""

    products: tuple[tuple[Term, ...], ...]
    exact: Fraction
    rounded: Decimal | None = None
    rule: RoundingRule | None = None
    per_year: bool = False  # the result is kr/år (an annual amount)

    def text(self, lang: str) -> str:
        sv = lang == "sv"
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
        if len(self.products) == 1 and len(self.products[0]) == 1 and self.products[0][0].value == result:
            return expression  # a stated amount: nothing to compute
        shown_exact = Term(self.exact, unit).text(lang)
        if self.rounded is None or self.rule is None or Fraction(self.rounded) == self.exact:
            return f"{expression} = {shown_exact}"
        if self.rule.step == 1:
            return f"{expression} = {Term(self.rounded, unit).text(lang)}"
        words = _MODE_WORDS[self.rule.mode][0 if sv else 1]
        return f"{expression} = {shown_exact}, {words} {'till' if sv else 'to'} {Term(self.rounded, unit).text(lang)}"


@dataclass(frozen=True, slots=True)
class Formula:
    steps: tuple[Step, ...]

    def text(self, lang: str = "sv") -> str:
        return "; ".join(step.text(lang) for step in self.steps)

    def __str__(self) -> str:
        return self.text()
