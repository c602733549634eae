"""Reading a rate file: YAML whose numbers are ``Decimal`` (never a float), validated into a
:class:`~grantcalc.rates.table.RateFile`, every problem located at its file and line."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError

from grantcalc.errors import BudgetError, Problem, SourceError
from grantcalc.inputs import read_bounded

if TYPE_CHECKING:
    from grantcalc.rates.table import RateFile

__all__ = ["parse_rates", "read_rates", "trusted_rates", "yaml_data", "validation_problems", "MAX_BYTES"]

MAX_BYTES = 1024 * 1024  # a rate file is a page of values, not megabytes


@lru_cache(maxsize=1)
def _loader():
    import yaml

    class Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
        """YAML's safe loader (libyaml's, when PyYAML has it), its floats read as ``Decimal`` from their text."""

    def decimal(loader: Any, node: Any) -> Decimal:
        text = str(loader.construct_scalar(node)).replace("_", "")
        try:
            return Decimal(text)
        except InvalidOperation:  # .inf, .nan: validated as numbers, refused there
            return Decimal("NaN")

    Loader.add_constructor("tag:yaml.org,2002:float", decimal)
    return Loader


def _lines(node: Any, path: tuple, out: dict[tuple, int]) -> None:
    """The line of every key and item under ``node`` (a YAML node), by its path."""
    import yaml

    out[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            sub = (*path, key.value)
            out[sub] = key.start_mark.line + 1
            _lines(value, sub, out)
            out[sub] = key.start_mark.line + 1
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            _lines(item, (*path, i), out)


def yaml_data(text: str | bytes, name: str, positions: bool = True) -> tuple[Any, dict[tuple, int]]:
    """The data of the YAML ``text`` (floats as ``Decimal``) and, with ``positions``, the line of every key
    by its path; :class:`SourceError` for text that is not UTF-8 or not YAML."""
    import yaml

    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise SourceError(Problem("file.encoding", file=name)) from None
    loader = _loader()(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        raise SourceError(Problem("syntax.yaml", file=name, line=mark.line + 1 if mark else None,
                                  params={"reason": getattr(err, "problem", None) or str(err)})) from None
    finally:
        loader.dispose()
    lines: dict[tuple, int] = {}
    if node is not None and positions:
        _lines(node, (), lines)
    return data, lines


def validation_problems(err: ValidationError, name: str, lines: dict[tuple, int]) -> list[Problem]:
    """pydantic's errors as problems with the codes of the budget file's (``invalid.*``), located."""
    problems = []
    for e in err.errors(include_url=False):
        loc = tuple(p for p in e["loc"] if p != "[key]")
        params: dict[str, Any] = dict(e.get("ctx") or {})
        value = e.get("input")
        if isinstance(value, (str, int)) and "value" not in params:
            params["value"] = value
        line = next((lines[loc[:n]] for n in range(len(loc), -1, -1) if loc[:n] in lines), None)
        problems.append(Problem("invalid." + e["type"], path=loc, params=params, file=name, line=line,
                                fallback=e["msg"]))
    return problems


def parse_rates(text: str | bytes, name: str) -> RateFile:
    """The rate file in ``text`` (named ``name`` in messages); :class:`SourceError` for text that is not
    YAML, :class:`BudgetError` for values that are not a rate file, each located."""
    from grantcalc.rates.schema import RateFileModel

    data, lines = yaml_data(text, name)
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise SourceError(Problem("rates.not_mapping", file=name, line=1))
    try:
        return RateFileModel.model_validate(data).data()
    except ValidationError as err:
        raise BudgetError(validation_problems(err, name, lines)) from None


def trusted_rates(text: str | bytes, name: str) -> RateFile:
    """A rate file grantcalc ships, read into the same data as :func:`parse_rates` reads it, without
    building the schema's validators (a check's start-up would pay for them): the values are parsed by
    the same rules, and the test suite validates every shipped file in full. Not for a user's file."""
    from grantcalc.rates.table import Missing, Rate, RateFile, RateSource, RateValue, parse_value

    data, _ = yaml_data(text, name, positions=False)

    def source(d: dict) -> RateSource:
        return RateSource(d["title"], d.get("reference"), d.get("url"))

    def value(d: dict) -> RateValue:
        return RateValue(parse_value(d["value"]), d["from"], d.get("to"), source(d["source"]), d.get("verified"),
                         d.get("given"), tuple(d.get("seen") or ()))

    rates = {key: Rate(r["kind"], tuple(sorted((value(v) for v in r["values"]), key=lambda v: v.start)),
                       r.get("title"), parse_value(r["tolerance"]) if "tolerance" in r else None)
             for key, r in (data.get("rates") or {}).items()}
    missing = {key: Missing(m["years"], source(m["where"])) for key, m in (data.get("missing") or {}).items()}
    return RateFile(rates, missing)


def read_rates(path: str | Path) -> RateFile:
    """The rate file at ``path``, read with a bound (:func:`grantcalc.inputs.read_bounded`)."""
    return parse_rates(read_bounded(path, MAX_BYTES, name=str(path)), str(path))
