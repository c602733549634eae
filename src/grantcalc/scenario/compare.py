"""Variants side by side: the totals of several budgets, and how each differs from the first.

``grantcalc.compare({"Ansökan": budget, "175 %": budget.with_values({...})})``
gives a frame with one column per variant and one difference column per
variant after the first (``Δ 175 %``), by budget year (the default), by line
or by category. Amounts are exact ``Decimal``.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import TYPE_CHECKING, Any, cast

if TYPE_CHECKING:
    import pandas as pd

    from grantcalc.budget.model import Budget
    from grantcalc.compute.computation import Computation

__all__ = ["compare"]

ZERO = Decimal(0)


def compare(variants: Mapping[str, Budget | Computation], *, by: str = "year", lang: str | None = None,
            differences: bool = True) -> pd.DataFrame:
    """Totals of each variant ``by`` year, line or category; ``differences`` adds ``Δ name`` columns
    (the variant less the first). The year view ends with the total and the amount applied for."""
    import pandas as pd

    from grantcalc.compute.computation import Computation
    from grantcalc.scenario.sweep import metric_names

    if not variants:
        raise ValueError("compare needs at least one variant")
    computations = {name: v if isinstance(v, Computation) else v.compute() for name, v in variants.items()}
    first = next(iter(computations.values()))
    lang = lang or first.budget.language
    columns: dict[str, dict[str, Decimal | None]] = {}
    for name, c in computations.items():
        columns[name] = _totals(c, by, lang)
    index: list[str] = []
    for totals in columns.values():  # rows in order of first appearance over the variants
        index += [key for key in totals if key not in index]
    frame = pd.DataFrame({name: [totals.get(key, ZERO) for key in index] for name, totals in columns.items()},
                         index=pd.Index(index, name={"year": "", "line": "line", "category": "category"}[by]))
    if differences:
        base = next(iter(columns))
        for name in list(columns)[1:]:
            delta = [_minus(a, b) for a, b in zip(frame[name], frame[base])]
            # cast: pandas-stubs leave Decimal out of the values a column is set to (an object column holds them)
            frame[f"Δ {name}"] = cast("list[Any]", delta)
    frame.attrs.update({"by": by, "lang": lang, "variants": list(columns), "total": metric_names(lang)[0]})
    return frame


def _totals(c: Computation, by: str, lang: str) -> dict[str, Decimal | None]:
    from grantcalc import catalogue
    from grantcalc.scenario.sweep import metric_names

    total_word, applied_word = metric_names(lang)
    sum_word = catalogue.text("frame.sum", lang)
    if by == "year":
        out: dict[str, Decimal | None] = {y.label(lang): c.year_total(y.key) for y in c.years}
        out[total_word] = c.total
        out[applied_word] = c.financing.applied_amount
        return out
    if by == "line":
        out = {line.name: c.line_total(line.name) for line in c.budget.lines}
    elif by == "category":
        budget = c.budget
        out = {budget.category(key).name(lang): sum(per_year.values(), start=ZERO)
               for key, per_year in c.category_totals().items()}
    else:
        raise ValueError(f"by must be 'year', 'line' or 'category', not {by!r}")
    out[sum_word] = c.total
    return out


def _minus(a: Decimal | None, b: Decimal | None) -> Decimal | None:
    return None if a is None or b is None else a - b
