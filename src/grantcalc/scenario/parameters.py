"""Parameters of a budget, named the way a reader names them, and budgets with new values.

A parameter is a path into the budget. It starts with a line's name and goes on
with the line's fields, as they are written in the budget file::

    "EVI-coacher.fte"                          # tjänstgöringsgrad
    "Processledare/samordnare.annual_raise.rate"
    "EVI-coacher.by_year.2026.monthly_salary"  # one budget year's value
    "Hässleholms kommun 40 platser.places"
    "Utvärdering.amounts.2025"
    "*.annual_raise.rate"                      # every line that has one, together

Line names may hold dots and slashes: the longest line name the path starts
with wins. A path that starts with no line's name is a path into the budget
itself (``"rounding.step"``, ``"financing.Region Dalarna.share"``; lists are
entered by a name or by a position). A tuple — ``("EVI-coacher", "fte")`` —
names the same parameter without parsing.

:func:`with_values` gives a new budget, validated like a file; the sweep and
goal seek use :class:`Setter`, which validates only what changes.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ValidationError

from grantcalc.budget.kinds import FIELD_KINDS  # re-exported: what a field holds (scenario.parameters.FIELD_KINDS)
from grantcalc.errors import GrantcalcError, Problem

if TYPE_CHECKING:
    from grantcalc.budget.model import Budget

__all__ = ["Parameter", "ParameterError", "parameter", "with_values", "steps", "Setter", "FIELD_KINDS"]

Key = str | int
Spec = str | tuple  # "EVI-coacher.fte" or ("EVI-coacher", "fte")

# fields of a line a sweep may change without validating the whole budget again:
# numbers that no other part of the budget refers to
_LINE_NUMBERS = frozenset(FIELD_KINDS) - {"share", "max_share", "total", "per_year"}


class ParameterError(GrantcalcError):
    """A parameter that names nothing in the budget, or a value it cannot take."""


@dataclass(frozen=True)
class Parameter:
    """A place in the budget that a scenario can give another value.

    ``lines`` are the positions of the lines it sets (several for ``*.``), with
    ``path`` inside each line; for a parameter outside the lines, ``lines`` is
    empty and ``path`` starts at the budget.
    """

    name: str  # as the user wrote it: the column name in a sweep
    lines: tuple[int, ...]
    path: tuple[Key, ...]

    @property
    def field(self) -> str:
        """The name of the field set: the last name in the path (``fte``, ``rate``, ``amounts``)."""
        names = [p for p in self.path if isinstance(p, str)]
        return names[-1] if names else ""

    @property
    def kind(self) -> str:
        """How a value is shown: percent, factor, money or number."""
        return FIELD_KINDS.get(self.field, ("number",))[0]

    @property
    def fast(self) -> bool:
        """Whether changing it leaves every other part of the budget valid (a number in lines)."""
        return bool(self.lines) and self.field in _LINE_NUMBERS

    def current(self, budget: Budget) -> Any:
        """The value the budget has now (of the first line, for ``*.``)."""
        start: Any = budget.lines[self.lines[0]] if self.lines else budget
        return _get(start, self.path)

    def format(self, value: Any, lang: str = "sv") -> str:
        """``value`` as a reader writes it: ``155 %``, ``1,42``, ``43 800 kr``, ``41``."""
        from grantcalc import formatting as fmt

        if not isinstance(value, (Decimal, int)) or isinstance(value, bool):
            return str(value)
        return {"percent": fmt.percent, "factor": fmt.factor, "money": fmt.money}.get(self.kind, fmt.number)(
            value, lang)


def parameter(budget: Budget, spec: Spec | Parameter) -> Parameter:
    """Find what ``spec`` names in ``budget`` (raises :class:`ParameterError`)."""
    if isinstance(spec, Parameter):
        return spec
    if isinstance(spec, tuple):
        name = ".".join(str(p) for p in spec)
        head, rest = (spec[0], tuple(spec[1:])) if spec else ("", ())
    elif isinstance(spec, str):
        name = spec.strip()
        head, rest = _split_head(budget, name)
    else:
        raise ParameterError(Problem("scenario.parameter_type", params={"value": repr(spec)}))
    if not rest and isinstance(head, str) and head != "*":
        raise ParameterError(Problem("scenario.parameter_unknown", params={"name": name, **_suggest(budget, name)}))
    if head == "*":
        path = tuple(_key(p) for p in rest)
        lines = tuple(i for i, line in enumerate(budget.lines) if _settable(line, path))
        if not lines:
            raise ParameterError(Problem("scenario.parameter_nowhere", params={"name": name}))
        return Parameter(name, lines, path)
    names = [line.name for line in budget.lines]
    if head in names:
        i = names.index(head)
        path = tuple(_key(p) for p in rest)
        _check_path(budget.lines[i], path, name)
        return Parameter(name, (i,), path)
    if head not in type(budget).model_fields:
        raise ParameterError(Problem("scenario.parameter_unknown", params={"name": name, **_suggest(budget, head)}))
    path = _budget_path(budget, (head, *rest), name)
    _check_path(budget, path, name)
    return Parameter(name, (), path)


def with_values(budget: Budget, values: Mapping[Spec, Any]) -> Budget:
    """A new budget with ``values`` set, validated as a whole like a file.

    ``budget.with_values({"EVI-coacher.fte": "175 %"})``. Values are written as
    in a budget file: ``1.75``, ``"175 %"``, ``Decimal("41800")``, or a whole
    part such as ``{"rate": "4 %"}`` for ``"EVI-coacher.annual_raise"``.
    """
    from grantcalc.budget.model import Budget as BudgetModel

    data = budget.model_dump()
    params = [(parameter(budget, spec), value) for spec, value in values.items()]
    for param, value in params:
        for target in _targets(data, param):
            _set(target, param.path, value)
    try:
        new = BudgetModel.model_validate(data)
    except (ValidationError, GrantcalcError) as err:
        raise _value_error(params, err) from None
    return new.located(budget.source)  # findings still point into the file the budget came from


def steps(start: Any, stop: Any, step: Any) -> list[Decimal]:
    """Exact values from ``start`` to ``stop`` (both included) in ``step`` s:
    ``steps("1", "2", "0.25")`` → 1, 1.25, 1.5, 1.75, 2. Numbers as in a budget file."""
    from grantcalc.money import to_rate

    first, last, size = (to_rate(v) for v in (start, stop, step))
    if size <= 0:
        raise ValueError("step must be greater than 0")
    count = int((last - first) / size)
    return [first + size * k for k in range(count + 1)]


class Setter:
    """Budgets with new values for a fixed set of parameters, built fast.

    Numbers in lines (``fast`` parameters) are set by validating only the
    changed line — with everything a file's line gets except the figures the
    document states, which do not change — and the budget is copied around
    it, so the rest of the budget is not validated again. Anything else is
    set through :func:`with_values`.
    """

    def __init__(self, budget: Budget, parameters: Iterable[Spec | Parameter]):
        self.budget = budget
        self.parameters = [parameter(budget, p) for p in parameters]
        self.fast = all(p.fast for p in self.parameters)
        self._dumps: dict[int, dict] = {}
        self._lines: dict[tuple, Any] = {}
        self._years = {y.key for y in budget.years}

    def changed_lines(self) -> set[str]:
        return {self.budget.lines[i].name for p in self.parameters for i in p.lines}

    def budget_with(self, values: tuple) -> Budget:
        """The budget with ``values`` (one per parameter, in order)."""
        if not self.fast:
            return with_values(self.budget, dict(zip([p.name for p in self.parameters], values)))
        per_line: dict[int, list[tuple[Parameter, Any]]] = {}
        for param, value in zip(self.parameters, values):
            for i in param.lines:
                per_line.setdefault(i, []).append((param, value))
        lines = list(self.budget.lines)
        for i, settings in per_line.items():
            lines[i] = self._line(i, settings)
        return self.budget.model_copy(update={"lines": lines})

    def _line(self, i: int, settings: list[tuple[Parameter, Any]]):
        key = (i, tuple((p.path, _hashable(v)) for p, v in settings))
        line = self._lines.get(key)
        if line is not None:
            return line
        original = self.budget.lines[i]
        dump = self._dumps.get(i)
        if dump is None:
            dump = self._dumps[i] = original.model_dump(exclude={"stated"})
        data = _copy(dump)
        for param, value in settings:
            _set(data, param.path, value)
            for part in param.path:  # a new by_year or amounts key must be a budget year
                if isinstance(part, int) and part not in self._years:
                    raise _value_error(settings, None, year=part)
        try:
            line = type(original).model_validate(data).model_copy(update={"stated": original.stated})
        except ValidationError as err:
            raise _value_error(settings, err) from None
        if len(self._lines) > 100_000:  # a long sweep over many values: keep memory bounded
            self._lines.clear()
        self._lines[key] = line
        return line


# --- paths -----------------------------------------------------------------------
def _split_head(budget: Budget, spec: str) -> tuple[str, tuple[str, ...]]:
    """``"Processledare/samordnare.fte"`` → ("Processledare/samordnare", ("fte",)): the longest line name."""
    if spec.startswith("*."):
        return "*", tuple(spec[2:].split("."))
    best = None
    for line in budget.lines:
        if spec.startswith(line.name + ".") and (best is None or len(line.name) > len(best)):
            best = line.name
    if best is not None:
        return best, tuple(spec[len(best) + 1:].split("."))
    if spec in {line.name for line in budget.lines}:
        return spec, ()
    head, _, rest = spec.partition(".")
    return head, tuple(rest.split(".")) if rest else ()


def _key(part: Any) -> Key:
    if isinstance(part, int):
        return part
    text = str(part).strip()
    return int(text) if text.isascii() and text.isdigit() else text


def _budget_path(budget: Budget, parts: tuple, name: str) -> tuple[Key, ...]:
    """A path from the budget: names of list items (funders, activities…) become positions."""
    path: list[Key] = []
    node: Any = budget
    parts = tuple(_key(p) for p in parts)
    i = 0
    while i < len(parts):
        part = parts[i]
        if isinstance(node, list):
            index: int | None
            if isinstance(part, int):
                index = part
            else:  # a name, possibly with dots: the longest that matches
                names = [getattr(item, "name", None) for item in node]
                index, used = None, 0
                for j in range(len(parts), i, -1):
                    candidate = ".".join(str(p) for p in parts[i:j])
                    if candidate in names:
                        index, used = names.index(candidate), j - i
                        break
                if index is None:
                    raise ParameterError(Problem("scenario.item_unknown", params={
                        "name": name, "item": str(part), **_suggest_from(str(part), [n for n in names if n])}))
                i += used - 1
            assert index is not None  # found, or refused above
            if not 0 <= index < len(node):
                raise ParameterError(Problem("scenario.item_unknown", params={
                    "name": name, "item": str(index), "known": f"0–{len(node) - 1}" if node else "–"}))
            path.append(index)
            node = node[index]
        else:
            path.append(part)
            node = _child(node, part, name)
        i += 1
    return tuple(path)


def _child(node: Any, part: Key, name: str) -> Any:
    if isinstance(node, BaseModel):
        fields = type(node).model_fields
        if part not in fields:
            raise ParameterError(Problem("scenario.field_unknown", params={
                "name": name, "field": str(part), **_suggest_from(str(part), list(fields))}))
        return getattr(node, part)
    if isinstance(node, dict):
        return node.get(part)
    if node is None:
        return None
    raise ParameterError(Problem("scenario.parameter_path", params={"name": name}))


def _check_path(start: Any, path: tuple[Key, ...], name: str) -> None:
    """Every name in ``path`` must be a field; a part that is not set yet must be a number's place
    (``by_year.2026.fte``), not a whole part left out (``annual_raise.rate`` on a line with no raise)."""
    node = start
    model_type = type(start)
    for depth, part in enumerate(path):
        if node is None:
            parent = ".".join(str(p) for p in path[:depth])
            raise ParameterError(Problem("scenario.parameter_unset", params={"name": name, "part": parent}))
        if isinstance(node, BaseModel):
            model_type = type(node)
            if part not in model_type.model_fields:
                raise ParameterError(Problem("scenario.field_unknown", params={
                    "name": name, "field": str(part), **_suggest_from(str(part), list(model_type.model_fields))}))
            node = getattr(node, part)
        elif isinstance(node, dict):
            if not isinstance(part, int):
                raise ParameterError(Problem("scenario.parameter_year", params={"name": name, "part": str(part)}))
            if part not in node:
                # a budget year not set yet: by_year.<year>.<field> of the line's own year model
                rest = path[depth + 1:]
                annotation = _dict_value_model(model_type, path[depth - 1] if depth else None)
                if rest and (annotation is None or rest[0] not in annotation.model_fields or len(rest) > 1):
                    raise ParameterError(Problem("scenario.parameter_path", params={"name": name}))
                return
            node = node[part]
        else:
            raise ParameterError(Problem("scenario.parameter_path", params={"name": name}))


def _dict_value_model(model_type: type, field: Key | None):
    """The model of a dict field's values (``by_year`` → ``SalaryYear``), if it is one."""
    import typing

    if not isinstance(field, str) or field not in getattr(model_type, "model_fields", {}):
        return None
    annotation = getattr(model_type, "model_fields")[field].annotation  # noqa: B009 - any model class
    for arg in typing.get_args(annotation)[1:] or ():
        if isinstance(arg, type) and issubclass(arg, BaseModel):
            return arg
    return None


def _settable(line: Any, path: tuple[Key, ...]) -> bool:
    try:
        _check_path(line, path, "")
    except ParameterError:
        return False
    return True


def _get(node: Any, path: tuple[Key, ...]) -> Any:
    for part in path:
        if node is None:
            return None
        if isinstance(node, dict):
            node = node.get(part)
        elif isinstance(node, list):
            node = node[int(part)]
        else:
            node = getattr(node, str(part))
    return node


def _targets(data: dict, param: Parameter) -> list[dict]:
    return [data["lines"][i] for i in param.lines] if param.lines else [data]


def _set(data: Any, path: tuple[Key, ...], value: Any) -> None:
    node = data
    for part in path[:-1]:
        child = node[int(part)] if isinstance(node, list) else node.get(part)
        if child is None:
            child = node[part] = {}
        node = child
    node[path[-1]] = value


def _copy(data: Any) -> Any:
    if isinstance(data, dict):
        return {k: _copy(v) for k, v in data.items()}
    if isinstance(data, list):
        return [_copy(v) for v in data]
    return data


def _hashable(value: Any) -> Any:
    if isinstance(value, dict):
        return tuple(sorted((k, _hashable(v)) for k, v in value.items()))
    if isinstance(value, list):
        return tuple(_hashable(v) for v in value)
    if isinstance(value, float):
        return ("float", str(value))
    return value


def _suggest(budget: Budget, name: str) -> dict[str, str | None]:
    return _suggest_from(name, [line.name for line in budget.lines])


def _suggest_from(word: str, candidates: list[str]) -> dict[str, str | None]:
    from grantcalc.budget.validate import did_you_mean

    return {"did_you_mean": did_you_mean(word, candidates), "known": ", ".join(candidates)}


def _value_error(settings, err, year: int | None = None) -> ParameterError:
    """The parameters and values that made an invalid budget, and why."""
    from grantcalc.loader import problems_from_validation

    shown = ", ".join(f"{p.name} = {v!r}" for p, v in settings)
    if year is not None:
        return ParameterError(Problem("scenario.value_year", params={"setting": shown, "year": year}))
    if isinstance(err, ValidationError):
        reasons = [p.format("sv") for p in problems_from_validation(err)]
        reasons_en = [p.format("en") for p in problems_from_validation(err)]
    else:
        reasons = [p.format("sv") for p in err.problems]
        reasons_en = [p.format("en") for p in err.problems]
    return ParameterError(Problem("scenario.value_invalid", params={
        "setting": shown, "reason": ("; ".join(reasons), "; ".join(reasons_en))}))
