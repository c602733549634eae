"""Stage 1 of the pipeline: read a budget file and validate it into a :class:`Budget`.

``load(path)`` raises :class:`~grantcalc.errors.BudgetError` /
:class:`~grantcalc.errors.SourceError` with every problem located at its file
and line; ``read(path)`` returns ``(budget_or_None, problems)`` instead and
never raises for a user's mistake.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any, get_args

from pydantic import ValidationError

from grantcalc.budget.model import Budget
from grantcalc.errors import BudgetError, GrantcalcError, Problem
from grantcalc.gcpause import gc_paused
from grantcalc.loader.source import Source, parse_source, read_source

__all__ = ["load", "loads", "read", "from_source", "problems_from_validation"]

MAX_UNKNOWN_KEYS_PER_PLACE = 10  # unknown keys of one mapping listed one by one; the rest are counted
MAX_UNKNOWN_KEYS = 100  # unknown keys listed in all; the rest of the file's are counted


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
    """Validate a parsed :class:`~grantcalc.loader.source.Source` into a :class:`Budget` that keeps
    its source; :class:`~grantcalc.errors.BudgetError` with every problem, located at its file and
    line, in file order."""
    data, excess = _without_excess_unknown_keys(source.data)
    try:
        budget = Budget.model_validate(data)
    except ValidationError as err:
        problems = problems_from_validation(err, source) + excess + _problems_beside_structural_errors(data)
        raise BudgetError(_in_file_order([source.locate(p) for p in problems])) from None
    except BudgetError as err:
        raise BudgetError(_in_file_order([source.locate(p) for p in excess + err.problems])) from None
    if excess:  # pragma: no cover - the unknown keys listed fail the validation
        raise BudgetError(_in_file_order([source.locate(p) for p in excess]))
    budget.located(source)
    return budget


def _without_excess_unknown_keys(data: Any) -> tuple[Any, list[Problem]]:
    """``data`` without the unknown keys beyond those listed one by one, and a problem counting them.

    Of a mapping's unknown keys the first :data:`MAX_UNKNOWN_KEYS_PER_PLACE` are left for pydantic to
    report (each with its line and a "did you mean"), and at most :data:`MAX_UNKNOWN_KEYS` in the file;
    the others are taken out and counted in one problem at the first of them, so a file with a million
    unknown keys is validated in a second and reports a dozen problems, not a million. The walk follows
    the model's fields (a misspelt key is unknown only where the model has no such field) and copies
    only the mappings it changes; ``data`` itself is left as it is.
    """
    counts = _UnknownKeys()
    plan = _plan(Budget)
    assert plan is not None
    pruned = _prune(data, plan, (), counts)
    problems = counts.problems()
    return (data if pruned is None else pruned), problems


class _UnknownKeys:
    """The unknown keys met so far: how many are left to be listed, and those taken out."""

    def __init__(self) -> None:
        self.listed = 0
        self.places: list[tuple[tuple, int]] = []  # per mapping: the path of its first key taken out, how many
        self.rest_at: tuple | None = None  # the first key taken out once MAX_UNKNOWN_KEYS are listed
        self.rest_fields: set[str] = set()  # the fields beside it (its "did you mean")
        self.rest = 0

    def problems(self) -> list[Problem]:
        from grantcalc.budget.validate import did_you_mean

        out = [Problem("invalid.extra_forbidden_more", path=path, params={"more": count - 1, "count": count})
               for path, count in self.places]
        if self.rest == 1 and self.rest_at is not None:  # just one: as if it were listed
            out.append(Problem("invalid.extra_forbidden", path=self.rest_at, params={
                "did_you_mean": did_you_mean(str(self.rest_at[-1]), self.rest_fields)}))
        elif self.rest_at is not None:
            out.append(Problem("invalid.extra_forbidden_rest", path=self.rest_at,
                               params={"more": self.rest - 1, "count": self.rest, "listed": self.listed}))
        return out


@dataclasses.dataclass(frozen=True, slots=True)
class _Plan:
    """How to walk the data of one type for unknown keys: a model's fields (each with the plan of its
    value, None for a value with no mapping inside), a list's or a mapping's items, or a choice — a line's
    model by its ``kind``, or by the shape of the data (``per_year: 500000`` or ``{2024: …}``)."""

    form: str  # model, list, dict, kind, shape
    fields: dict[str, _Plan | None] = dataclasses.field(default_factory=dict)
    item: _Plan | None = None
    choices: dict[str, _Plan] = dataclasses.field(default_factory=dict)  # kind: a line's kind → plan; shape: list/dict


_MODEL_PLANS: dict[type, _Plan] = {}


def _plan(annotation: Any) -> _Plan | None:
    """The plan for data of type ``annotation``; None when nothing in it can have an unknown key."""
    import types
    from typing import Union, get_origin

    from pydantic import BaseModel

    from grantcalc.budget.lines import LINE_KINDS

    kind = _unwrap(annotation)
    origin = get_origin(kind)
    if isinstance(kind, type) and issubclass(kind, BaseModel):
        plan = _MODEL_PLANS.get(kind)
        if plan is None:
            fields = {name: _plan(f.annotation) for name, f in kind.model_fields.items()}
            plan = _MODEL_PLANS[kind] = _Plan("model", fields)
        return plan
    if origin is list or origin is dict:
        item = _plan(get_args(kind)[0 if origin is list else 1])
        return None if item is None else _Plan("list" if origin is list else "dict", item=item)
    if origin in (Union, types.UnionType):
        options = [_unwrap(a) for a in get_args(kind)]
        lines = {tag: model for tag, model in LINE_KINDS.items() if model in options}
        if lines and len(lines) == len(options):
            return _Plan("kind", choices={tag: p for tag, model in lines.items() if (p := _plan(model)) is not None})
        shapes: dict[str, list[_Plan | None]] = {"list": [], "dict": []}
        for option in options:
            plan = _plan(option)
            shape = "list" if get_origin(option) is list else "dict" if plan is not None else None
            if shape:
                shapes[shape].append(plan)
        choices = {shape: found[0] for shape, found in shapes.items() if len(found) == 1 and found[0] is not None}
        return _Plan("shape", choices=choices) if choices else None
    return None


def _prune(node: Any, plan: _Plan, path: tuple, counts: _UnknownKeys) -> Any:
    """``node`` (data walked by ``plan``) with excess unknown keys taken out, or None when nothing
    in it changes."""
    if plan.form == "kind":
        tag = node.get("kind") if isinstance(node, dict) else None
        line = plan.choices.get(tag) if isinstance(tag, str) else None
        return None if line is None else _prune(node, line, path, counts)
    if plan.form == "shape":
        shaped = plan.choices.get("list" if isinstance(node, list) else "dict" if isinstance(node, dict) else "")
        return None if shaped is None else _prune(node, shaped, path, counts)
    if plan.form == "list":
        if not isinstance(node, list) or plan.item is None:
            return None
        items = plan.item
        changed = {i: new for i, value in enumerate(node)
                   if (new := _prune(value, items, (*path, i), counts)) is not None}
        return [changed.get(i, value) for i, value in enumerate(node)] if changed else None
    if not isinstance(node, dict):
        return None
    if plan.form == "dict":
        values = plan.item
        assert values is not None
        changed = {k: new for k, value in node.items()
                   if (new := _prune(value, values, (*path, k), counts)) is not None}
        return {k: changed.get(k, value) for k, value in node.items()} if changed else None
    fields = plan.fields
    out: dict | None = None
    for key in [k for k in node if k in fields]:  # the known keys, in the file's order
        sub = fields[key]
        if sub is not None and (new := _prune(node[key], sub, (*path, key), counts)) is not None:
            out = dict(node) if out is None else out
            out[key] = new
    # the unknown ones (pydantic reports a key that is no text, a number, otherwise), in the file's order
    unknown = [k for k in node if k not in fields and isinstance(k, str)]
    listed_here = max(0, min(len(unknown), MAX_UNKNOWN_KEYS_PER_PLACE, MAX_UNKNOWN_KEYS - counts.listed))
    counts.listed += listed_here
    taken = unknown[listed_here:]
    if not taken:
        return out
    if listed_here == MAX_UNKNOWN_KEYS_PER_PLACE:  # this mapping listed enough
        if len(taken) == 1:  # one more is listed rather than counted
            counts.listed += 1
            return out
        counts.places.append(((*path, taken[0]), len(taken)))
    else:  # the file listed enough
        if counts.rest_at is None:
            counts.rest_at, counts.rest_fields = (*path, taken[0]), set(fields)
        counts.rest += len(taken)
    # what stays: every key but the counted ones (a handful), in the file's order
    kept = set(unknown[:listed_here]).union(k for k in fields if k in node)
    if len(kept) + len(taken) < len(node):  # keys that are no text, which pydantic reports itself
        kept.update(k for k in node if not isinstance(k, str))
    source = node if out is None else out
    return {k: source[k] for k in node if k in kept}


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


def _unwrap(t: Any) -> Any:
    """A field's type without ``Annotated`` and without ``None`` as an option."""
    import types
    from typing import Annotated, Union, get_args, get_origin

    while True:
        if get_origin(t) is Annotated:
            t = get_args(t)[0]
        elif get_origin(t) in (Union, types.UnionType) and type(None) in get_args(t):
            rest = [a for a in get_args(t) if a is not type(None)]
            t = rest[0] if len(rest) == 1 else Union[tuple(rest)]  # noqa: UP007 - built from a runtime tuple
        else:
            return t


def _fields_at(loc: tuple) -> set[str] | None:
    """The keys allowed beside the last part of a pydantic location, so a misspelt key is
    matched against its neighbours (``budget_lines`` at the top is not ``period.budget_years``)."""
    import types
    from typing import Union, get_args, get_origin

    from pydantic import BaseModel

    from grantcalc.budget.lines import LINE_KINDS

    unwrap = _unwrap

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
