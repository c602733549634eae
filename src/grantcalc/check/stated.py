"""What a document states against what its own figures give.

Every stated amount is compared exactly with the computed one (an error when
they differ); an approximate one (``ca 70 000 kr``, ``± 5 000``) passes within its
tolerance, and its finding names the tolerance (the ``stated`` parameter reads
"ca 70 000 kr (±10 000 kr)", with ``tolerance`` beside it). A figure stated with its
formula ("2.666 kr × 12 = 32.000 kr") is also checked against its own arithmetic:
the product must round to the stated result by the line's rounding step, in either
direction, or lie within an approximate result's tolerance (a warning when it does
not: the document's formula is wrong even if its amount is right).

Sub-total rows (``stated.subtotals``) are compared with the sum of their lines, and a
line's stated rate (``stated_rate``) with its total's share of its base's total.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from math import floor
from typing import Any

from grantcalc import formatting as fmt
from grantcalc.budget.bases import LineIndex, in_default_base
from grantcalc.budget.categories import normalise
from grantcalc.budget.model import Budget, Subtotal
from grantcalc.budget.stated import TOTAL, StatedFigure
from grantcalc.catalogue import text
from grantcalc.compute.computation import Computation
from grantcalc.errors import Problem, Severity
from grantcalc.messages import Bilingual, phrase

__all__ = ["check", "formula_problem", "stated_value", "rate_value", "subtotal_lines", "CODES"]

ERROR = Severity.error
CODES = (  # the findings of this module (the row codes are built as <row>_year / <row>_total)
    "stated.line_year", "stated.line_total", "stated.costs_year", "stated.costs_total",
    "stated.funder_year", "stated.funder_total", "stated.financing_year", "stated.financing_total",
    "stated.plan_total", "stated.formula", "stated.subtotal_year", "stated.subtotal_total",
    "stated.rate", "stated.rate_no_base",
    "stated.applied_year",  # found in check/balance.py, beside the applied total (applied.differs)
)


def stated_value(figure: StatedFigure) -> Decimal | Bilingual:
    """A stated figure as a message's ``stated`` parameter: the amount of an exact figure; of an
    approximate one, the amount with its tolerance ("ca 70 000 kr (±10 000 kr)")."""
    if figure.tolerance is None:
        return figure.amount
    amount, tolerance = figure.amount, figure.tolerance
    return Bilingual(lambda lang: text("format.approximately", lang).format(
        amount=fmt.money(amount, lang), tolerance=fmt.money(tolerance, lang)))


def _within(figure: StatedFigure) -> dict[str, Any]:
    """The parameters a finding on ``figure`` adds: the tolerance of an approximate figure."""
    return {} if figure.tolerance is None else {"tolerance": figure.tolerance}


def formula_problem(figure: StatedFigure, step: Decimal, path: tuple, subject: str, year: object) -> Problem | None:
    """A warning when ``figure``'s formula does not give its own result (to within ``step``, or within
    an approximate result's tolerance); ``year`` is the budget year's label in every language
    (``BudgetYear.labels()``), or the word for a total."""
    if not figure.factors:
        return None
    product = figure.product
    if abs(product - figure.amount) < step or (figure.tolerance is not None and
                                               abs(product - figure.amount) <= figure.tolerance):
        return None
    return Problem("stated.formula", Severity.warning, path, {
        "line": subject, "year": year, "text": figure.text, "product": product, "result": figure.amount,
        "difference": figure.amount - product})


def _row(out: list, stated: dict, path: tuple, code: str | tuple[str, str], labels: dict, year_amount,
         total: Decimal, **params) -> None:
    """Compare a stated row (budget year or ``total`` → figure) with the computed one:
    ``<code>_year`` / ``<code>_total`` findings (or the two ``code`` gives), both figures and the
    difference, and an approximate figure's tolerance."""
    year_code, total_code = code if isinstance(code, tuple) else (f"{code}_year", f"{code}_total")
    for key, figure in stated.items():
        computed = total if key == TOTAL else year_amount(key)
        if figure.accepts(computed):
            continue
        where = {} if key == TOTAL else {"year": labels[key]}
        out.append(Problem(total_code if key == TOTAL else year_code, ERROR, path + (key,), {
            **params, **where, "stated": stated_value(figure), "computed": computed,
            "difference": figure.amount - computed, **_within(figure)}))


def subtotal_lines(budget: Budget, subtotal: Subtotal) -> list[str]:
    """The lines a sub-total sums, each once, in the budget's order: those it names and every line of
    the categories it names (in kind too)."""
    keys = _category_keys(budget, subtotal)
    named = set(subtotal.lines)
    index = LineIndex(budget, in_default_base)
    return [line.name for i, line in enumerate(budget.lines) if line.name in named or index.category[i] in keys]


def _category_keys(budget: Budget, subtotal: Subtotal) -> set[str]:
    """The keys of the categories a sub-total names (an unknown one is a validation error: none)."""
    index = budget.category_index
    return {found.key for name in subtotal.categories if (found := index.get(normalise(name))) is not None}


def _subtotals(out: list, c: Computation, labels: dict) -> None:
    """Each sub-total's row against the sum of its categories' totals and of the lines it names outside
    them (the categories' totals are summed once: a sub-total costs what it names, not the budget)."""
    budget = c.budget
    subtotals = [(i, s) for i, s in enumerate(budget.stated.subtotals) if s.stated]
    if not subtotals:
        return
    categories = c.category_totals() if any(s.categories for _, s in subtotals) else {}
    line_category = dict(zip((line.name for line in budget.lines), LineIndex(budget, in_default_base).category))
    for i, subtotal in subtotals:
        keys = _category_keys(budget, subtotal)
        named = [n for n in dict.fromkeys(subtotal.lines) if n in line_category and line_category[n] not in keys]
        sums = {y.key: sum((categories[k][y.key] for k in keys if k in categories), start=Decimal(0))
                + sum((c.amount(n, y.key) for n in named), start=Decimal(0)) for y in c.years}
        _row(out, subtotal.stated, ("stated", "subtotals", i, "stated"), ("stated.subtotal_year",
             "stated.subtotal_total"), labels, sums.__getitem__, sum(sums.values(), start=Decimal(0)),
             subtotal=subtotal.name)


def rate_value(figure: StatedFigure) -> Bilingual:
    """A stated rate as a message quotes it: "4 %", or with its tolerance "ca 4 % (±1 procentenhet)"."""
    rate, tolerance = figure.amount, figure.tolerance

    def make(lang: str) -> str:
        shown = fmt.percent(rate, lang, max_decimals=_decimals(figure.precision))
        if tolerance is None:
            return shown
        points = tolerance * 100
        words = text("format.points_one" if points == 1 else "format.points", lang).format(
            points=fmt.number(points, lang, max_decimals=4))
        return text("format.approximately", lang).format(amount=shown, tolerance=words)

    return Bilingual(make)


def _decimals(precision: Decimal | None) -> int:
    """The decimals of a percentage printed to ``precision`` (0.01 → 0, 0.001 → 1)."""
    if precision is None:
        return 2
    exponent = (precision * 100).normalize().as_tuple().exponent
    assert isinstance(exponent, int)
    return max(0, -exponent)


def _half_up(value: Fraction, unit: Fraction) -> Fraction:
    """``value`` rounded half away from zero to a multiple of ``unit``."""
    steps = value / unit
    rounded = floor(steps + Fraction(1, 2)) if steps >= 0 else -floor(-steps + Fraction(1, 2))
    return rounded * unit


def _rates(out: list, c: Computation) -> None:
    """Each line's stated rate against its total's share of its base's total."""
    budget = c.budget
    stated = [(i, line) for i, line in enumerate(budget.lines) if line.stated_rate is not None]
    if not stated:
        return
    index = LineIndex(budget, in_default_base)
    totals = {line.name: c.line_total(line.name) for line in budget.lines}
    pool_total = Decimal(0)
    pool_by_category: dict[str, Decimal] = {}
    for j, line in enumerate(budget.lines):
        if in_default_base(line):
            pool_total += totals[line.name]
            key = index.category[j]
            pool_by_category[key] = pool_by_category.get(key, Decimal(0)) + totals[line.name]
    for i, line in stated:
        assert line.stated_rate is not None  # chosen above
        chosen = index.select(line.stated_rate.base, itself=i)
        if chosen.lines is not None:
            base = sum((totals[n] for n in chosen.lines), start=Decimal(0))
        else:  # the default base: every other cash line that is not a percentage line, less the exclusions
            base = pool_total - sum((pool_by_category.get(k, Decimal(0)) for k in chosen.left_out_categories),
                                    start=Decimal(0)) - sum((totals[n] for n in chosen.left_out), start=Decimal(0))
            if in_default_base(line) and index.category[i] not in chosen.left_out_categories \
                    and line.name not in chosen.left_out:
                base -= totals[line.name]
        _rate(out, ("lines", i, "stated_rate"), line.name, line.stated_rate.rate, totals[line.name], base)


def _rate(out: list, path: tuple, name: str, figure: StatedFigure, amount: Decimal, base: Decimal) -> None:
    params: dict[str, Any] = {"line": name, "rate": rate_value(figure), "stated_rate": figure.amount,
                              "amount": amount, "base": base, **_within(figure)}
    if not base:
        out.append(Problem("stated.rate_no_base", ERROR, path, params))
        return
    share = Fraction(amount) / Fraction(base)
    if figure.tolerance is not None:
        ok = abs(share - Fraction(figure.amount)) <= Fraction(figure.tolerance)
    elif figure.precision:
        ok = _half_up(share, Fraction(figure.precision)) == Fraction(figure.amount)
    else:
        ok = share == Fraction(figure.amount)
    if ok:
        return
    places = _decimals(figure.precision) + 1
    params["share"] = Bilingual(lambda lang: fmt.percent(share, lang, max_decimals=places))
    params["actual"] = Decimal(share.numerator) / Decimal(share.denominator)
    out.append(Problem("stated.rate", ERROR, path, params))


def check(c: Computation) -> list[Problem]:
    budget, fin = c.budget, c.financing
    out: list[Problem] = []
    labels: dict[int | str, object] = {y.key: y.labels() for y in c.years}
    total_word = phrase("word.total_lower")  # the "year" of a total: totalt / total
    default_step = budget.rounding.step

    for i, line in enumerate(budget.lines):
        _row(out, line.stated, ("lines", i, "stated"), "stated.line", labels,
             lambda key, name=line.name: c.amount(name, key), c.line_total(line.name), line=line.name)
        step = line.rounding.step if line.rounding else default_step
        for key, figure in line.stated.items():
            found = formula_problem(figure, step, ("lines", i, "stated", key), line.name, labels.get(key, total_word))
            if found:
                out.append(found)
    _rates(out, c)
    _row(out, budget.stated.costs, ("stated", "costs"), "stated.costs", labels, c.year_total, c.total)
    _subtotals(out, c, labels)
    _row(out, budget.stated.financing, ("stated", "financing"), "stated.financing", labels, fin.year_total, fin.total)
    for row in fin.rows:
        if row.index is not None:
            _row(out, budget.financing[row.index].stated, ("financing", row.index, "stated"), "stated.funder", labels,
                 row.amount, row.total, funder=row.name)

    costs = [a.cost for a in budget.plan]
    plan = budget.stated.plan
    if plan is not None and costs and all(x is not None for x in costs):
        # every activity has a cost (see above): the filter only narrows the type
        computed = sum((x.amount for x in costs if x is not None), start=Decimal(0))
        if not plan.accepts(computed):
            out.append(Problem("stated.plan_total", ERROR, ("stated", "plan"), {
                "stated": stated_value(plan), "computed": computed, "difference": plan.amount - computed,
                **_within(plan)}))
    for j, activity in enumerate(budget.plan):
        if activity.cost is not None:
            found = formula_problem(activity.cost, default_step, ("plan", j, "cost"), activity.name, total_word)
            if found:
                out.append(found)
    return out
