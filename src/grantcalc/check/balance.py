"""Costs against financing: per year and in all, the applied amount, caps and shares."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

from grantcalc.budget.stated import TOTAL
from grantcalc.check.stated import stated_value
from grantcalc.compute.computation import Computation
from grantcalc.compute.financing import share_base
from grantcalc.errors import Problem, Severity
from grantcalc.rounding import round_value

__all__ = ["check"]

ERROR = Severity.error


def _funder_path(budget, row, key: int | None = None) -> tuple:
    if row is None or row.index is None:
        return ("financing",) if budget.financing else ()
    funder = budget.financing[row.index]
    if key is not None and funder.amounts is not None and key in funder.amounts:
        return ("financing", row.index, "amounts", key)
    return ("financing", row.index)


def _year_path(budget, key: int) -> tuple:
    """Where a year's imbalance is written: the first funder stating an amount that year."""
    for i, funder in enumerate(budget.financing):
        if funder.amounts and key in funder.amounts:
            return ("financing", i, "amounts", key)
    return ("financing",) if budget.financing else ()


def _applied(c: Computation) -> list[Problem]:
    """The applied amount as stated (one figure, or a row per budget year and total) against the applying
    funder's cash amount: ``applied.differs`` for the total, ``stated.applied_year`` for a year."""
    budget, fin = c.budget, c.financing
    stated = budget.stated.applied_row
    if not stated:
        return []
    at: tuple = ("stated", "applied_amount")
    row = fin.applicant_row
    if row is None:
        return [Problem("applied.no_funder", Severity.warning, at, {"stated": budget.stated.applied_total})]
    out: list[Problem] = []
    single = not isinstance(budget.stated.applied_amount, dict)
    labels = {y.key: y.labels() for y in c.years}
    for key, figure in stated.items():
        if isinstance(key, int):
            applied = Decimal(0) if row.in_kind else row.amount(key)
        else:  # the total
            applied = fin.applied_amount if fin.applied_amount is not None else Decimal(0)  # a row: an amount
        if figure.accepts(applied):
            continue
        params = {"stated": stated_value(figure), "funder": row.name, "computed": applied,
                  "difference": figure.amount - applied,
                  **({} if figure.tolerance is None else {"tolerance": figure.tolerance})}
        if isinstance(key, int):
            out.append(Problem("stated.applied_year", ERROR, (*at, key), {"year": labels[key], **params}))
        else:
            out.append(Problem("applied.differs", ERROR, at if single else (*at, TOTAL), params))
    return out


def check(c: Computation) -> list[Problem]:
    """Costs against financing in ``c``: a year or the total unbalanced (``balance.*``), the applied
    amount (*sökt belopp*) differing from the stated one (``applied.*``), a rest funder below zero, and
    a funder over its cap, off its share or over its maximum share (``financing.*``). Errors, but a
    stated applied amount with no funder applied to is a warning."""
    budget, fin = c.budget, c.financing
    out: list[Problem] = []
    for y in c.years:
        costs, financing = c.year_total(y.key), fin.year_total(y.key)
        if costs != financing:
            out.append(Problem("balance.year", ERROR, _year_path(budget, y.key), {
                "year": y.labels(), "costs": costs, "financing": financing, "difference": financing - costs}))
    if c.total != fin.total:
        out.append(Problem("balance.total", ERROR, ("financing",) if budget.financing else (), {
            "costs": c.total, "financing": fin.total, "difference": fin.total - c.total}))

    out += _applied(c)

    for row in fin.rows:
        if row.index is None and row.source != "default":
            continue
        funder = budget.financing[row.index] if row.index is not None else None
        if row.source in ("rest", "default"):
            for y in c.years:
                amount = row.amount(y.key)
                if amount < 0:
                    out.append(Problem("financing.rest_negative", ERROR, _funder_path(budget, row), {
                        "year": y.labels(), "others": c.year_total(y.key) - amount, "costs": c.year_total(y.key),
                        "funder": row.name, "amount": amount}))
        if funder is None:
            continue
        at = _funder_path(budget, row)
        if funder.cap is not None:
            for y in c.years:
                cap = funder.cap.for_year(y.key)
                amount = row.amount(y.key)
                if cap is not None and amount > cap:
                    out.append(Problem("financing.cap_year", ERROR, at + ("cap",), {
                        "year": y.labels(), "funder": row.name, "amount": amount, "cap": cap,
                        "excess": amount - cap}))
            if funder.cap.total is not None and row.total > funder.cap.total:
                out.append(Problem("financing.cap_total", ERROR, at + ("cap",), {
                    "funder": row.name, "amount": row.total, "cap": funder.cap.total,
                    "excess": row.total - funder.cap.total}))
        if funder.share is not None and funder.source == "amounts":
            rule = budget.rounding.rule()
            for y in c.years:
                base = share_base(c, funder.of, y.key)
                expected = round_value(Fraction(funder.share) * Fraction(base), rule)
                amount = row.amount(y.key)
                if amount != expected:
                    out.append(Problem("financing.share", ERROR, _funder_path(budget, row, y.key), {
                        "year": y.labels(), "funder": row.name, "amount": amount, "share": funder.share,
                        "base": base, "expected": expected, "difference": amount - expected}))
        if funder.max_share is not None:
            base = sum((share_base(c, funder.of, y.key) for y in c.years), start=Decimal(0))
            limit = Fraction(funder.max_share) * Fraction(base)
            if Fraction(row.total) > limit:
                out.append(Problem("financing.max_share", ERROR, at + ("max_share",), {
                    "funder": row.name, "amount": row.total, "share": funder.max_share, "base": base,
                    "expected": limit, "excess": Fraction(row.total) - limit}))
    return out
