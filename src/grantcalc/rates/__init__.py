"""Rates and their sources, as dated data: employer's social fees, PO-pålägg, the EU flat rates and
hours, raises, the Finsam members' shares.

The shipped rates are YAML files per family in ``grantcalc/rates/data/`` (``arbetsgivaravgifter.yaml``,
``po-palagg.yaml``, ``esf-plus.yaml``, ``loneokning.yaml``, ``finsam.yaml``), each value with the days it
is in force, its source and the day it was last verified there (:mod:`grantcalc.rates.table`). **A rate
no source was found for is not shipped**: it is listed under ``missing`` with where to find it, and a
budget gives it itself.

A budget refers to a rate by name, on a salary line's on-cost factor::

    on_cost: {rate: arbetsgivaravgift, year: 2026}        # 1 + 31,42 %
    on_cost: {rate: arbetsgivaravgift, plus: "10,5 %"}    # each budget year's own value, + 10,5 %

and a rate file of the budget's own (``project.rates: rates.yaml``, next to the budget file) adds
rates or lays values over the shipped ones (:meth:`RateTable.merged`). A formula names the rate, the
year and the source (:func:`note`); ``grantcalc rates`` lists them.

This layer sits below the budget model: it reads files through :mod:`grantcalc.inputs` and knows
nothing of budgets but what :func:`table_for` asks of one.
"""

from __future__ import annotations

import json
import os
from datetime import date
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from grantcalc.errors import BudgetError, Problem, SourceError
from grantcalc.rates.table import KINDS, Missing, Rate, RateFile, RateSource, RateTable, RateUse, RateValue

if TYPE_CHECKING:
    from grantcalc.budget.model import Budget

__all__ = ["Rate", "RateValue", "RateSource", "Missing", "RateFile", "RateTable", "RateUse", "KINDS", "FAMILIES",
           "shipped", "shipped_of_kind", "family_of", "read_table", "table_for", "note", "title", "condition",
           "ON_COST_KINDS", "suggest"]

FAMILIES = ("arbetsgivaravgifter", "po-palagg", "esf-plus", "loneokning", "finsam")
ON_COST_KINDS = frozenset({"employer_fee", "on_cost"})  # what an on-cost factor can name


# the kinds of rate each shipped family holds: a check that compares factors reads only the files it needs
FAMILY_KINDS = {"arbetsgivaravgifter": {"employer_fee"}, "po-palagg": {"on_cost"},
                "esf-plus": {"hours", "flat_rate"}, "loneokning": {"raise"}, "finsam": {"member_share"}}


@lru_cache(maxsize=len(FAMILIES))
def _family(family: str) -> RateFile:
    """A shipped rate file. It is read without building the schema's validators (a check's start-up would
    pay for them): the test suite validates every shipped file in full and holds the two readings equal
    (``tests/test_rates.py``)."""
    from grantcalc.rates.read import trusted_rates

    path = Path(__file__).parent / "data" / f"{family}.yaml"  # not importlib.resources: its first use is slow
    return trusted_rates(path.read_bytes(), f"rates/data/{family}.yaml")


def _families() -> dict[str, RateFile]:
    return {family: _family(family) for family in FAMILIES}


def _table(families: tuple[str, ...]) -> RateTable:
    rates: dict[str, Rate] = {}
    missing: dict[str, Missing] = {}
    origin: dict[str, str] = {}
    for family in families:
        content = _family(family)
        for name, rate in content.rates.items():
            assert name not in rates, name  # the shipped files name each rate once
            assert rate.kind in FAMILY_KINDS[family], name
            rates[name] = rate
            origin[name] = family
        missing.update(content.missing)
    return RateTable(rates, missing, origin)


@lru_cache(maxsize=1)
def shipped() -> RateTable:
    """The rates grantcalc ships, every family in one table (a name is unique across families)."""
    return _table(FAMILIES)


@lru_cache(maxsize=len(KINDS))
def shipped_of_kind(kind: str) -> dict[str, Rate]:
    """The shipped rates of one ``kind``, reading only the files that hold that kind."""
    return _table(tuple(f for f in FAMILIES if kind in FAMILY_KINDS[f])).of_kind(kind)


def family_of(name: str) -> str | None:
    """The shipped family (file) a rate or a missing rate belongs to."""
    for family, content in _families().items():
        if name in content.rates or name in content.missing:
            return family
    return None


def read_table(path: str | Path, shown: str | None = None) -> RateTable:
    """The shipped rates with the rate file at ``path`` laid over them; problems located in that file."""
    shown = shown or str(path)
    try:
        stat = os.stat(path)
        key: tuple = (str(Path(path).resolve()), stat.st_mtime_ns, stat.st_size)
    except OSError:
        key = (str(path), 0, 0)
    return _read_table(key, str(path), shown)


@lru_cache(maxsize=32)
def _read_table(key: tuple, path: str, shown: str) -> RateTable:
    """The table of the file at ``path`` as it was when ``key`` (its resolved path, time and size) was
    taken: a portfolio of budgets sharing one rate file reads it once."""
    from grantcalc.rates.read import read_rates

    content = read_rates(path)
    try:
        return shipped().merged(content, shown)
    except ValueError as err:
        name = str(err.args[0])
        raise BudgetError(Problem("rates.kind_changed", path=("rates", name, "kind"), file=shown, params={
            "name": name, "kind": content.rates[name].kind, "shipped": shipped().get(name).kind})) from None


def table_for(budget: Budget) -> RateTable:
    """The rates a budget's references are resolved in: the shipped ones, with ``project.rates`` (a path
    relative to the budget file's folder; for a budget not read from a file, to the current folder)
    laid over them. A missing rate file is a problem at ``project.rates``."""
    given = budget.project.rates
    if given is None:
        return shipped()
    source = budget.source
    named = source.name if source is not None else None
    folder = Path(named).parent if named and not named.startswith("<") else Path()
    path = Path(given) if Path(given).is_absolute() else folder / given
    try:
        return read_table(path, str(path))
    except SourceError as err:
        if any(p.code == "file.missing" for p in err.problems):
            raise BudgetError(Problem("rates.file_missing", path=("project", "rates"),
                                      params={"path": str(path)})) from None
        raise


def suggest(word: str, candidates: list[str]) -> str | None:
    import difflib

    close = difflib.get_close_matches(word, candidates, n=1, cutoff=0.6)
    return close[0] if close else None


# --- words ---------------------------------------------------------------------------------------

def title(name: str, rate: Rate | None, lang: str) -> str:
    """A rate's name as a reader reads it: the catalogue's for a shipped rate, a user's own title, or
    the name."""
    from grantcalc import catalogue

    key = f"rates.title.{name}"
    if catalogue.has(key, lang):
        return catalogue.text(key, lang)
    if rate is not None and rate.title:
        return rate.title
    return name


def condition(name: str, lang: str) -> str | None:
    """The condition a shipped rate applies under (``för den som vid årets ingång fyllt 18 men inte 23
    år …``), or None."""
    from grantcalc import catalogue

    key = f"rates.condition.{name}"
    return catalogue.text(key, lang) if catalogue.has(key, lang) else None


def shown_value(value: Decimal, kind: str, lang: str) -> str:
    """A rate's value as a table shows it: ``31,42 %``, ``1 720 tim``."""
    from grantcalc import catalogue
    from grantcalc import formatting as fmt

    if kind == "hours":
        return catalogue.text("formula.hours", lang).format(n=fmt.number(value, lang))
    return fmt.percent(value, lang)


@lru_cache(maxsize=4096)
def note(label: str, lang: str) -> str:
    """The words a formula puts after a rate's factor, from a :attr:`RateUse.label`:
    ``(arbetsgivaravgift 2026: 31,42 %, SFS 2000:980 2 kap. 26 §)``; with a budget's own addition
    ``(arbetsgivaravgift 2026: 31,42 % + 10,5 %, …)``."""
    from grantcalc import catalogue
    from grantcalc import formatting as fmt

    data = json.loads(label)
    name = str(data["name"])
    shown_title = title(name, None, lang) if catalogue.has(f"rates.title.{name}", lang) else data.get("title") or name
    rate = fmt.percent(Decimal(data["value"]), lang)
    plus = Decimal(data.get("plus") or 0)
    if plus:
        rate = catalogue.text("rates.note.plus", lang).format(rate=rate, plus=fmt.percent(plus, lang))
    return catalogue.text("rates.note", lang).format(title=shown_title, year=data["year"], rate=rate,
                                                     source=data["source"])


# --- a budget's references ------------------------------------------------------------------------

def reference_problems(references: list[tuple[tuple, str, int | None]], table: RateTable) -> list[Problem]:
    """What is wrong with a budget's references (path, rate name, year or None) to ``table``: an unknown
    name (with the closest known), a rate that is no on-cost (``flat_rate``, ``hours``…), a year before
    the rate's first value."""
    out = []
    names = table.names()
    for path, name, year in references:
        rate = table.rates.get(name)
        if rate is None:
            out.append(Problem("rates.unknown", path=(*path, "rate"), params={
                "name": name, "did_you_mean": suggest(name, names),
                "known": ", ".join(n for n, r in table.rates.items() if r.kind in ON_COST_KINDS)}))
        elif rate.kind not in ON_COST_KINDS:
            out.append(Problem("rates.not_on_cost", path=(*path, "rate"), params={"name": name, "kind": rate.kind}))
        elif year is not None and date(year, 12, 31) < rate.first.start:
            out.append(Problem("rates.before_first", path=(*path, "year"), params={
                "name": name, "year": year, "first": rate.first.start.isoformat()}))
    return out
