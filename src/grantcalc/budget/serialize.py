"""A budget as a budget file again: model → data → YAML.

``budget.to_yaml()`` writes what the budget declares, in the keys and forms of
a budget file, so that :func:`grantcalc.loads` of the text gives the same
budget (a property the tests check under hypothesis). Amounts are written as
exact numbers (``42350``, ``0.033``, never through a float), dates as
``2025-01-01``, a raise's day as ``"01-01"``, stated figures as the document
printed them. Values left at their defaults are left out, as a person would
write the file. Comments of the original file are not kept.
"""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal
from enum import Enum
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel

if TYPE_CHECKING:
    from grantcalc.budget.model import Budget

__all__ = ["to_data", "to_yaml", "percent_text"]


def to_data(budget: Budget) -> dict[str, Any]:
    """The budget as plain data (dicts, lists, Decimal, date, str, int, bool), defaults left out."""
    return _plain(budget)


def to_yaml(budget: Budget) -> str:
    """The budget as the text of a YAML budget file."""
    from ruamel.yaml import YAML

    yaml = YAML(typ="safe", pure=True)
    yaml.default_flow_style = False
    yaml.allow_unicode = True
    # ruamel.yaml sets this in YAML.__init__ to None (its default: sort), so that is the type it declares
    yaml.sort_base_mapping_type_on_output = False  # type: ignore[assignment]
    yaml.width = 4096  # a long specification stays on one line
    yaml.representer.add_representer(Decimal, _represent_decimal)
    out = io.StringIO()
    yaml.dump(to_data(budget), out)
    return out.getvalue()


def _represent_decimal(representer, value: Decimal):
    if value == value.to_integral_value():
        return representer.represent_scalar("tag:yaml.org,2002:int", format(value.quantize(Decimal(1)), "f"))
    return representer.represent_scalar("tag:yaml.org,2002:float", format(value.normalize(), "f"))


def _plain(value: Any) -> Any:
    if isinstance(value, BaseModel):
        out: dict[str, Any] = {}
        fields = type(value).model_fields
        first = [n for n in ("name", "kind") if n in fields]  # a line reads "name, kind, category, …"
        for name in first + [n for n in fields if n not in first]:
            info = fields[name]
            item = getattr(value, name)
            if name != "kind" and _is_default(item, info):
                continue  # as a person writes the file; a line's kind always stays
            out[name] = _plain_field(name, item, value)
        return out
    if isinstance(value, dict):
        return {_plain(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, (Decimal, dt.date, str, int, bool)) or value is None:
        return value
    from grantcalc.budget.stated import StatedFigure

    if isinstance(value, StatedFigure):
        return value.text if value.text is not None else value.amount
    raise TypeError(f"cannot write {type(value).__name__} to a budget file")  # pragma: no cover


_PERCENT_FIELDS = frozenset({"rate", "fte", "share", "max_share", "women", "men"})


def _plain_field(name: str, item: Any, owner: BaseModel) -> Any:
    if name == "effective" and isinstance(item, tuple):  # MonthDay: (4, 1) → "04-01"
        return f"{item[0]:02d}-{item[1]:02d}"
    if name == "stated_rate" and isinstance(item, BaseModel):  # of the default base: the rate as printed alone
        from grantcalc.budget.lines import Base, StatedRate

        if isinstance(item, StatedRate) and item.base == Base():
            return _plain(item.rate)
    if name in _PERCENT_FIELDS and isinstance(item, Decimal):  # as the file writes them: "3,3 %", "150 %"
        return percent_text(item)
    return _plain(item)


def percent_text(rate: Decimal) -> str:
    """``Decimal("0.033")`` → ``"3,3 %"``: exact, with a decimal comma."""
    text = format((rate * 100).normalize(), "f")
    return text.replace(".", ",") + " %"


def _is_default(item: Any, info) -> bool:
    if info.is_required():
        return False
    default = info.get_default(call_default_factory=True)
    return item == default
