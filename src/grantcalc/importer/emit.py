"""The imported budget as a YAML file commented like a hand-written one.

The writer knows the few shapes a budget has (mappings, lists, scalars), so it writes them
itself, in the order the budget file documents, with a comment above each line saying where
in the source it was read and what it was recognised as. Every scalar that YAML would read
as something else (a name with ": ", a yes/no, a figure as text) is double-quoted.
"""

from __future__ import annotations

import json
import re
from datetime import date
from decimal import Decimal
from typing import Any

__all__ = ["to_yaml"]

_PLAIN = re.compile(r"^[^\W\d_][\w .,/()&–+'’-]*$", re.UNICODE)
_KEYWORDS = frozenset({"yes", "no", "true", "false", "on", "off", "null", "y", "n", "~"})


def _scalar(value: Any, flow: bool = False) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Decimal):
        text = format(value.normalize(), "f") if value == value.to_integral_value() else format(value, "f")
        return text
    if isinstance(value, int):
        return str(value)
    if isinstance(value, date):
        return value.isoformat()
    text = str(value)
    if (_PLAIN.match(text) and text.casefold() not in _KEYWORDS and not text.endswith((" ", ":"))
            and ": " not in text and " #" not in text and not (flow and re.search(r"[,\[\]{}]", text))):
        return text
    return json.dumps(text, ensure_ascii=False)


def _key(key: Any) -> str:
    return str(key) if isinstance(key, int) else _scalar(key)


def _comment(text: str, indent: str) -> list[str]:
    text = text.replace("\u00a0", " ").replace("\u202f", " ")  # plain spaces in an editor
    return [f"{indent}# {part}" for part in text.splitlines() if part.strip()]


def _inline(value: Any) -> str | None:
    """A small mapping of scalars on one line: ``{2024: 35000, total: 35000}``."""
    if isinstance(value, dict) and value and all(not isinstance(v, (dict, list)) for v in value.values()) and \
            len(value) <= 8:
        text = "{" + ", ".join(f"{_key(k)}: {_scalar(v, flow=True)}" for k, v in value.items()) + "}"
        if len(text) <= 100:
            return text
    if isinstance(value, list) and value and all(isinstance(v, str) for v in value):
        text = "[" + ", ".join(_scalar(v, flow=True) for v in value) + "]"
        if len(text) <= 100:
            return text
    return None


def _emit(value: Any, indent: str, out: list[str], comments: dict[str, str], path: str) -> None:
    if isinstance(value, dict):
        for key, item in value.items():
            here = f"{path}.{key}" if path else str(key)
            if here in comments:
                out.extend(_comment(comments[here], indent))
            if isinstance(item, (dict, list)) and item:
                inline = _inline(item)
                if inline is not None:
                    out.append(f"{indent}{_key(key)}: {inline}")
                else:
                    out.append(f"{indent}{_key(key)}:")
                    _emit(item, indent + "  ", out, comments, here)
            elif isinstance(item, dict):
                out.append(f"{indent}{_key(key)}: {{}}")
            elif isinstance(item, list):
                out.append(f"{indent}{_key(key)}: []")
            else:
                out.append(f"{indent}{_key(key)}: {_scalar(item)}")
    elif isinstance(value, list):
        for i, item in enumerate(value):
            here = f"{path}.{i}"
            if here in comments:
                out.extend(_comment(comments[here], indent))
            if isinstance(item, dict) and item:
                sub: list[str] = []
                _emit(item, indent + "  ", sub, comments, here)
                first = sub[0]
                out.append(f"{indent}- {first[len(indent) + 2:]}")
                out.extend(sub[1:])
            else:
                out.append(f"{indent}- {_scalar(item)}")


def to_yaml(data: dict[str, Any], comments: dict[str, str], header: str) -> str:
    """``data`` as YAML, ``header`` as the file's opening comment, ``comments`` above their keys
    (``"lines.3"``: the fourth line)."""
    out = _comment(header, "")
    for key in ("project", "period", "rounding", "categories", "lines", "financing", "plan", "stated"):
        if key not in data:
            continue
        out.append("")
        _emit({key: data[key]}, "", out, comments, "")
    return "\n".join(out) + "\n"
