"""DataFrames for reading: exact ``Decimal`` columns shown the Swedish way.

grantcalc's frames hold amounts as ``Decimal`` (object columns), which pandas
shows as ``5826420``. :func:`styled` gives a pandas ``Styler`` that shows them
as a reader writes them — ``5 826 420``, ``155 %``, ``1,42`` — without
changing the frame: the values stay exact for further work.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any

from grantcalc import formatting as fmt

if TYPE_CHECKING:
    import pandas as pd
    from pandas.io.formats.style import Styler

__all__ = ["styled"]


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
