"""YAML, TOML and JSON: the same budget computes the same, cell by cell."""

from __future__ import annotations

import datetime as dt
import json
import re
from decimal import Decimal

import pytest

import grantcalc
from grantcalc.loader.source import read_source
from tests.conftest import EXAMPLES


def cells(budget) -> dict:
    c = budget.compute()
    return {(cell.line, cell.year): (cell.amount, cell.exact, cell.formula_text()) for cell in c.cells()}


def to_json_text(data) -> str:
    """Plain data → JSON with Decimals as JSON numbers (never through float)."""
    def encode(value):
        if isinstance(value, dict):
            return {str(k): encode(v) for k, v in value.items()}
        if isinstance(value, list):
            return [encode(v) for v in value]
        if isinstance(value, Decimal):
            return f"\x00{value}\x00"
        if isinstance(value, dt.date):
            return value.isoformat()
        return value
    text = json.dumps(encode(data), ensure_ascii=False, indent=1)
    return re.sub(r'"\\u0000(.*?)\\u0000"', r"\1", text)


def test_the_toml_example_computes_like_the_yaml_one():
    yaml_budget = grantcalc.load(EXAMPLES / "ljusdal-hallbart-arbetsliv.yaml")
    toml_budget = grantcalc.load(EXAMPLES / "ljusdal-hallbart-arbetsliv.toml")
    assert cells(toml_budget) == cells(yaml_budget)
    assert toml_budget.compute().total == Decimal(2480208)
    assert toml_budget.project == yaml_budget.project


@pytest.mark.parametrize("name", ["oka-innanforskapet", "ljusdal-hallbart-arbetsliv", "gemensam-kraft"])
def test_each_example_as_json_computes_like_the_yaml_one(name, tmp_path):
    data = read_source(EXAMPLES / f"{name}.yaml").data
    text = to_json_text(data)
    assert re.search(r'"on_cost": 1\.42|"places": 40|"amount": 4000', text)  # numbers stay numbers
    path = tmp_path / f"{name}.json"
    path.write_text(text, encoding="utf-8")
    assert cells(grantcalc.load(path)) == cells(grantcalc.load(EXAMPLES / f"{name}.yaml"))


def test_a_json_problem_names_its_line(tmp_path):
    data = read_source(EXAMPLES / "ljusdal-hallbart-arbetsliv.yaml").data
    data["lines"][2]["amount"] = Decimal(-4000)
    text = to_json_text(data)
    path = tmp_path / "budget.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(grantcalc.BudgetError) as caught:
        grantcalc.load(path)
    [problem] = caught.value.problems
    expected_line = text.splitlines().index(next(ln for ln in text.splitlines() if '"amount": -4000' in ln)) + 1
    assert (problem.path, problem.line) == (("lines", 2, "amount"), expected_line)


def findings(budget) -> list:
    return sorted((p.code, p.path, p.params.get("difference")) for p in budget.check(implied=True).findings)


def test_the_toml_example_checks_like_the_yaml_one():
    yaml_budget = grantcalc.load(EXAMPLES / "ljusdal-hallbart-arbetsliv.yaml")
    toml_budget = grantcalc.load(EXAMPLES / "ljusdal-hallbart-arbetsliv.toml")
    assert toml_budget.financing == yaml_budget.financing
    assert toml_budget.plan == yaml_budget.plan and toml_budget.stated == yaml_budget.stated
    assert [ln.stated for ln in toml_budget.lines] == [ln.stated for ln in yaml_budget.lines]
    assert findings(toml_budget) == findings(yaml_budget)
    plan = next(p for p in toml_budget.check().findings if p.code == "plan.costs")
    text = (EXAMPLES / "ljusdal-hallbart-arbetsliv.toml").read_text(encoding="utf-8").splitlines()
    assert text[plan.line - 1] == "cost = 55000"  # the third [[plan]] table's cost


@pytest.mark.parametrize("name", ["oka-innanforskapet", "ljusdal-hallbart-arbetsliv", "gemensam-kraft"])
def test_each_example_as_json_checks_like_the_yaml_one(name, tmp_path):
    path = tmp_path / f"{name}.json"
    path.write_text(to_json_text(read_source(EXAMPLES / f"{name}.yaml").data), encoding="utf-8")
    assert findings(grantcalc.load(path)) == findings(grantcalc.load(EXAMPLES / f"{name}.yaml"))
