"""DataFrames for reading: exact ``Decimal`` columns shown the Swedish way.

grantcalc's frames hold amounts as ``Decimal`` (object columns), which pandas
shows as ``5826420``. :func:`styled` gives a pandas ``Styler`` that shows them
as a reader writes them — ``5 826 420``, ``155 %``, ``1,42`` — without
changing the frame: the values stay exact for further work.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from grantcalc import catalogue
from grantcalc import formatting as fmt
from grantcalc.compute.computation import months_value

if TYPE_CHECKING:
    from collections.abc import Iterator

    import pandas as pd
    from pandas.io.formats.style import Styler

    from grantcalc.budget.lines import Line
    from grantcalc.compute.computation import Computation
    from grantcalc.compute.financing import Financing

__all__ = ["styled", "computation_frame", "financing_frame", "long_rows", "iter_long_rows", "LongRow",
           "specification"]

ZERO = Decimal(0)


@dataclass(frozen=True, slots=True)
class LongRow:
    """One line in one budget year, as the long frame, the Beräkning sheet and the CSV show it."""

    line: str
    category: str  # named in the language shown
    year_key: int  # 2024, or 1 for "År 1"
    year: str  # the budget year's label
    computed: Decimal  # the cell's amount
    amount: Decimal | None  # the same, None for an in-kind amount the document does not state
    months: Decimal
    formula: str
    kind: str
    in_kind: bool
    funder: str | None  # the financing row that carries the line alone, if one does


def specification(line: Line) -> str | None:
    """The line's specification where it says more than the line's name, else None (the
    Kostnader and Beräkning sheets and the Swedish CSV show it beside the name).

    A specification that only repeats the name (``Resor`` for the line ``Resor``) adds
    nothing to read and is left out."""
    text = (line.specification or "").strip()
    if not text or text.casefold() == line.name.strip().casefold():
        return None
    return text


def long_rows(computation: Computation, lang: str) -> list[LongRow]:
    """Every line in every budget year, in the budget's order (the long form)."""
    return list(iter_long_rows(computation, lang))


def iter_long_rows(computation: Computation, lang: str) -> Iterator[LongRow]:
    """:func:`long_rows` one row at a time: the Beräkning sheet and the CSV of a 50 000-line budget
    are written without holding every row (and its formula text) at once."""
    budget = computation.budget
    carried_by = {name: row.name for row in computation.financing.rows for name in row.lines}
    labels = [(y, y.label(lang)) for y in computation.years]
    for line in budget.lines:
        category = budget.category(line.category).name(lang)
        for y, label in labels:
            cell = computation.cell(line.name, y.key)
            yield LongRow(line.name, category, y.key, label, cell.amount,
                          cell.amount if line.has_amount else None, months_value(cell.months),
                          cell.formula_text(lang), line.kind, line.in_kind, carried_by.get(line.name))


def computation_frame(computation: Computation, form: str = "long", *, lang: str | None = None,
                      totals: bool = True) -> pd.DataFrame:
    """The computation as a pandas DataFrame, in one of four forms.

    ``long`` (tidy): one row per line and budget year with columns
    ``line``, ``category``, ``year`` (the budget-year key: 2024, or 1 for
    "År 1"), ``year_label``, ``amount``, ``months``, ``formula``, ``kind``,
    ``in_kind`` and ``funder``: the financing row that carries the line (a
    funder with ``lines:``, or the party of an in-kind line), ``None`` for
    a line the cash funders finance together.

    ``wide``: lines × budget years plus a total column, as applications
    print it, with a ``Summa`` row when ``totals``.

    ``category``: categories (named in ``lang``) × budget years plus a total
    column, with a ``Summa`` row when ``totals``.

    ``funder``: the financing budget, funders × budget years; the same as
    ``computation.financing.to_frame()``.

    Amounts are exact ``Decimal`` values in object columns: ``sum()`` and
    ``groupby(...).sum()`` stay exact, but pandas' ``mean()`` of Decimals
    returns a float, so divide a Decimal sum by the count instead.
    Raises ``ValueError`` for any other ``form``.
    """
    import pandas as pd

    lang = lang or computation.budget.language
    budget = computation.budget
    total_word = catalogue.text("frame.total", lang)
    sum_word = catalogue.text("frame.sum", lang)
    labels = [y.label(lang) for y in computation.years]
    if form == "long":
        rows: list[dict[str, object]] = [
            {"line": r.line, "category": r.category, "year": r.year_key, "year_label": r.year, "amount": r.computed,
             "months": r.months, "formula": r.formula, "kind": r.kind, "in_kind": r.in_kind, "funder": r.funder}
            for r in long_rows(computation, lang)]
        frame = pd.DataFrame(rows, columns=["line", "category", "year", "year_label", "amount", "months",
                                            "formula", "kind", "in_kind", "funder"])
        # object, not pandas' string dtype: a line no single funder carries is None, never NaN
        frame["funder"] = pd.Series([r["funder"] for r in rows], index=frame.index, dtype=object)
        return frame
    if form == "wide":
        rows, index = [], []
        for line in budget.lines:
            row: dict[str, object] = {"category": budget.category(line.category).name(lang)}
            for y, label in zip(computation.years, labels):
                row[label] = computation.cell(line.name, y.key).amount
            row[total_word] = computation.line_total(line.name)
            rows.append(row)
            index.append(line.name)
        if totals:
            row = {"category": ""}
            for y, label in zip(computation.years, labels):
                row[label] = computation.year_total(y.key)
            row[total_word] = computation.total
            rows.append(row)
            index.append(sum_word)
        frame = pd.DataFrame(rows, index=pd.Index(index, name="line"),
                             columns=["category", *labels, total_word])
        return frame
    if form == "category":
        rows, index = [], []
        for key, per_year in computation.category_totals().items():
            row = {label: per_year[y.key] for y, label in zip(computation.years, labels)}
            row[total_word] = sum(per_year.values(), start=ZERO)
            rows.append(row)
            index.append(budget.category(key).name(lang))
        if totals:
            row = {label: computation.year_total(y.key) for y, label in zip(computation.years, labels)}
            row[total_word] = computation.total
            rows.append(row)
            index.append(sum_word)
        return pd.DataFrame(rows, index=pd.Index(index, name="category"), columns=[*labels, total_word])
    if form == "funder":
        return financing_frame(computation.financing, lang=lang, totals=totals)
    raise ValueError(f"form must be 'long', 'wide', 'category' or 'funder', not {form!r}")


def financing_frame(financing: Financing, *, lang: str | None = None, totals: bool = True) -> pd.DataFrame:
    """Funders × budget years (+ Totalt), with a Summa row; amounts exact ``Decimal``
    (``None`` where the document states no amount)."""
    import pandas as pd

    lang = lang or financing.computation.budget.language
    total_word = catalogue.text("frame.total", lang)
    labels = [y.label(lang) for y in financing.years]
    rows, index = [], []
    for row in financing.rows:
        values = {label: row.amounts.get(y.key) for y, label in zip(financing.years, labels)}
        rows.append({"in_kind": row.in_kind, **values, total_word: row.total if row.stated else None})
        index.append(row.name)
    if totals:
        years = {label: financing.year_total(y.key) for y, label in zip(financing.years, labels)}
        rows.append({"in_kind": None, **years, total_word: financing.total})
        index.append(catalogue.text("frame.sum", lang))
    return pd.DataFrame(rows, index=pd.Index(index, name="funder"), columns=["in_kind", *labels, total_word])


def styled(frame: pd.DataFrame, lang: str | None = None, kinds: dict[str, str] | None = None) -> Styler:
    """``frame`` with its numbers formatted for ``lang`` (the frame's own, else Swedish).

    Amounts (any Decimal column) read ``1 111 403``; columns named in ``kinds``
    (a sweep's parameters are, by themselves) read as ``percent``, ``factor``,
    ``money`` or ``number``. Text, booleans and missing values are left as they are.
    """
    lang = lang or frame.attrs.get("lang", "sv")
    kinds = {**frame.attrs.get("kinds", {}), **(kinds or {})}

    def formatter(kind: str):
        def show(value: Any) -> Any:
            if value is None or isinstance(value, bool) or not isinstance(value, (Decimal, int)):
                return "–" if value is None else value
            if kind == "percent":
                return fmt.percent(value, lang)
            if kind == "factor":
                return fmt.factor(value, lang)
            if kind == "number":
                return fmt.number(value, lang)
            return fmt.amount(value, lang)
        return show

    styler = frame.style
    numeric = ["text-align: right", "white-space: nowrap", "font-variant-numeric: tabular-nums"]
    for column in frame.columns:
        values = [v for v in frame[column] if v is not None]
        if values and all(isinstance(v, (Decimal, int)) and not isinstance(v, bool) for v in values):
            styler = styler.format(formatter(kinds.get(column, "amount")), subset=[column])
            styler = styler.set_properties(subset=[column], **{p.split(":")[0]: p.split(": ")[1] for p in numeric})
    return styler
