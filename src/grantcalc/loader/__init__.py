"""Stage 1 of the pipeline: read a budget file and validate it into a :class:`Budget`.

``load(path)`` raises :class:`~grantcalc.errors.BudgetError` /
:class:`~grantcalc.errors.SourceError` with every problem located at its file
and line; ``read(path)`` returns ``(budget_or_None, problems)`` instead and
never raises for a user's mistake.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import ValidationError

from grantcalc.budget.model import Budget
from grantcalc.errors import BudgetError, GrantcalcError, Problem
from grantcalc.gcpause import gc_paused
from grantcalc.loader.source import Source, parse_source, read_source

__all__ = ["load", "loads", "read", "from_source", "problems_from_validation"]


@gc_paused
def load(path: str | Path, format: str | None = None) -> Budget:
    """Read and validate the budget file at ``path`` (``.yaml``, ``.toml``, ``.json``; ``-`` is stdin)."""
    return from_source(read_source(path, format))


@gc_paused
def loads(text: str | bytes, format: str = "yaml", name: str = "<string>") -> Budget:
    """Validate a budget given as text."""
    return from_source(parse_source(text, name, format))


def read(path: str | Path, format: str | None = None) -> tuple[Budget | None, list[Problem]]:
    """Like :func:`load` but returns ``(budget, problems)``: problems are errors when
    the budget is None, otherwise its warnings."""
    try:
        budget = load(path, format)
    except GrantcalcError as err:
        return None, err.problems
    return budget, budget.warnings


def from_source(source: Source) -> Budget:
    try:
        budget = Budget.model_validate(source.data)
    except ValidationError as err:
        problems = problems_from_validation(err, source) + _problems_beside_structural_errors(source.data)
        raise BudgetError(_in_file_order([source.locate(p) for p in problems])) from None
    except BudgetError as err:
        raise BudgetError(_in_file_order([source.locate(p) for p in err.problems])) from None
    budget._source = source
    return budget


def _in_file_order(problems: list[Problem]) -> list[Problem]:
    return sorted(problems, key=lambda p: p.line or 0)


def _problems_beside_structural_errors(data: dict) -> list[Problem]:
    """Cross-field problems and warnings of a budget some of whose parts are malformed.

    The budget cannot be built, but the rest can still be checked, so one run
    reports every problem: each malformed line, funder or plan activity is
    replaced by a stand-in that keeps what of its name (and, for a line, its
    category and dates) is valid — so its dates are checked and others can
    still refer to it by name — and the budget is validated again. Stand-ins
    keep their index, so paths need no mapping.
    """
    from grantcalc.budget.financing import Funder
    from grantcalc.budget.plan import Activity

    patched = dict(data)
    replaced = False
    for key, model, make in (("lines", None, _line_stand_in), ("financing", Funder, _named_stand_in("funder")),
                             ("plan", Activity, _named_stand_in("activity"))):
        items = data.get(key)
        if not isinstance(items, list):
            continue
        validate = _line_adapter().validate_python if model is None else model.model_validate
        out = []
        for i, raw in enumerate(items):
            try:
                validate(raw)
                out.append(raw)
            except ValidationError:
                replaced = True
                out.append(make(i, raw))
        patched[key] = out
    if not replaced:
        return []
    try:
        found = Budget.model_validate(patched)._warnings
    except BudgetError as err:
        found = err.problems
    except ValidationError:
        return []  # project, period or another part malformed too: already reported
    stand_in_names = {(key, i, "name") for key in ("lines", "financing", "plan") if isinstance(patched.get(key), list)
                      for i, item in enumerate(patched[key])
                      if isinstance(item, dict) and str(item.get("name", "")).startswith("\x00")}
    # a stand-in's own name ("\x00line 2") is not the user's control character
    return [p for p in found if not (p.code == "text.control_character" and p.path in stand_in_names)]


def _line_adapter():
    from pydantic import TypeAdapter

    from grantcalc.budget.lines import Line

    return TypeAdapter(Line)


def _line_stand_in(i: int, raw) -> dict:
    """An empty explicit line with what of the line's name, category and dates is valid."""
    from grantcalc.budget.lines import ExplicitLine

    header_fields = ("name", "category", "start", "end")
    header = {k: raw[k] for k in header_fields if isinstance(raw, dict) and k in raw}
    placeholder = {"name": f"\x00line {i}", "category": "other"}
    for field in header_fields:  # keep each header field only if it is valid on its own
        if field in header:
            try:
                ExplicitLine.model_validate({**placeholder, field: header[field], "amounts": {}})
            except ValidationError:
                del header[field]
    return {**placeholder, **header, "kind": "explicit", "amounts": {}}


def _named_stand_in(what: str):
    """A funder or activity with only its name (when the name is text), so references to it hold."""
    def make(i: int, raw) -> dict:
        name = raw.get("name") if isinstance(raw, dict) else raw if isinstance(raw, str) else None
        return {"name": name.strip() if isinstance(name, str) and name.strip() else f"\x00{what} {i}"}
    return make


def _field_names() -> set[str]:
    from grantcalc.budget import lines, model

    names: set[str] = set()
    for module in (lines, model):
        for obj in vars(module).values():
            if isinstance(obj, type) and hasattr(obj, "model_fields"):
                names.update(obj.model_fields)
    return names


def _fields_at(loc: tuple) -> set[str] | None:
    """The keys allowed beside the last part of a pydantic location, so a misspelt key is
    matched against its neighbours (``budget_lines`` at the top is not ``period.budget_years``)."""
    import types
    from typing import Annotated, Union, get_args, get_origin

    from pydantic import BaseModel

    from grantcalc.budget.lines import LINE_KINDS

    def unwrap(t: Any) -> Any:
        while True:
            if get_origin(t) is Annotated:
                t = get_args(t)[0]
            elif get_origin(t) in (Union, types.UnionType) and type(None) in get_args(t):
                rest = [a for a in get_args(t) if a is not type(None)]
                t = rest[0] if len(rest) == 1 else Union[tuple(rest)]
            else:
                return t

    current: Any = Budget
    for part in loc[:-1]:
        current = unwrap(current)
        if isinstance(current, type) and issubclass(current, BaseModel):
            field = current.model_fields.get(part) if isinstance(part, str) else None
            if field is None:
                return None
            current = field.annotation
        elif get_origin(current) is list and isinstance(part, int):
            current = get_args(current)[0]
        elif get_origin(current) is dict:
            current = get_args(current)[1]
        elif get_origin(current) in (Union, types.UnionType) and part in LINE_KINDS:
            current = LINE_KINDS[part]
        else:
            return None
    current = unwrap(current)
    return set(current.model_fields) if isinstance(current, type) and issubclass(current, BaseModel) else None


def problems_from_validation(err: ValidationError, source: Source | None = None) -> list[Problem]:
    """pydantic's errors as problems with codes from the message catalog."""
    from grantcalc.budget.lines import KIND_NAMES_SV, LINE_KINDS
    from grantcalc.budget.validate import did_you_mean

    problems = []
    for e in err.errors(include_url=False):
        kind = e["type"]
        loc = tuple(e["loc"])
        path = source.clean_path(loc) if source else tuple(p for p in loc if p != "[key]")
        params: dict[str, Any] = dict(e.get("ctx") or {})
        value = e.get("input")
        if isinstance(value, (str, int)) and "value" not in params:
            params["value"] = value
        if kind == "extra_forbidden" and path:
            params["did_you_mean"] = did_you_mean(str(path[-1]), _fields_at(loc) or _field_names())
        if kind in ("union_tag_invalid", "union_tag_not_found"):
            params["expected"] = params["expected_tags"] = ", ".join(LINE_KINDS)
            params["expected_tags_sv"] = ", ".join(f"{k} ({KIND_NAMES_SV[k]})" for k in LINE_KINDS)
            if kind == "union_tag_invalid":
                params["did_you_mean"] = did_you_mean(str(params.get("tag", "")), LINE_KINDS)
                path = path + ("kind",)  # point at the misspelt kind, not at the line's first key
        if kind in ("literal_error", "enum"):
            params["expected"] = str(params.get("expected", "")).replace("'", "")
        problems.append(Problem("invalid." + kind, path=path, params=params, fallback=e["msg"]))
    return problems
