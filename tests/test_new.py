"""`grantcalc new`: the starter budget a non-programmer begins from."""

from __future__ import annotations

import subprocess
import sys
from decimal import Decimal

import pytest

import grantcalc


def run(*args, cwd):
    return subprocess.run([sys.executable, "-m", "grantcalc", *args], cwd=cwd, capture_output=True, text=True)


@pytest.mark.slow  # child processes: a second each
def test_new_writes_a_budget_that_loads_and_computes(tmp_path):
    result = run("new", "budget.yaml", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "grantcalc show budget.yaml" in result.stderr
    budget = grantcalc.load(tmp_path / "budget.yaml")
    assert budget.warnings == []
    c = budget.compute()
    # Coach: 35 000 × 1,42 × 3 mån + 36 100 × 1,42 × 9 mån (3 % from 1 April, rounded to 100 kr)
    assert c.amount("Coach", 2026) == Decimal(35000 * 3 * 142 // 100 + 36100 * 9 * 142 // 100)
    # Administration: 4 % of the other lines' rounded amounts
    others = sum(c.amount(n, 2026) for n in ("Coach", "Lokalhyra", "Utbildning", "Deltagaraktiviteter"))
    assert c.amount("Administration", 2026) == (others * Decimal("0.04")).quantize(Decimal(1))
    assert c.total == sum(c.year_totals.values())
    # financing: the municipality carries its premises in kind, the förbund the rest (the applied amount)
    fin = c.financing
    assert fin.row("Kommunen").in_kind and fin.row("Kommunen").total == 2000 * 24
    assert fin.applied_amount == c.total - 2000 * 24 == c.cash_total
    result = budget.check()
    assert result.ok(strict=True) and result.findings == []
    assert run("check", "budget.yaml", cwd=tmp_path).returncode == 0


@pytest.mark.slow  # child processes: a second each
def test_new_never_overwrites_without_force(tmp_path):
    target = tmp_path / "budget.yaml"
    target.write_text("min egen budget\n", encoding="utf-8")
    result = run("new", "budget.yaml", cwd=tmp_path)
    assert result.returncode == 2
    assert "finns redan" in result.stderr and "--force" in result.stderr
    assert "Traceback" not in result.stderr
    assert target.read_text(encoding="utf-8") == "min egen budget\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["budget.yaml"]  # no temporary file left
    assert run("new", "budget.yaml", "--force", cwd=tmp_path).returncode == 0
    assert grantcalc.load(target).project.name == "Insatsens namn"


def test_new_into_a_missing_folder_is_a_clear_error(tmp_path):
    result = run("new", "saknas/budget.yaml", cwd=tmp_path)
    assert result.returncode == 2
    assert "mappen saknas finns inte" in result.stderr


def test_the_starter_budget_validates_against_the_schema():
    """An editor using `grantcalc schema` must not flag the file `grantcalc new` writes."""
    import datetime as dt
    from importlib.resources import files

    import jsonschema

    from grantcalc.loader.source import parse_source
    from grantcalc.schema import budget_schema

    def as_json(value):
        if isinstance(value, dict):
            return {str(k): as_json(v) for k, v in value.items()}
        if isinstance(value, list):
            return [as_json(v) for v in value]
        return value.isoformat() if isinstance(value, dt.date) else value

    text = files("grantcalc.templates").joinpath("budget.yaml").read_text(encoding="utf-8")
    data = as_json(parse_source(text).data)
    validator = jsonschema.Draft202012Validator(budget_schema())
    assert [e.message for e in validator.iter_errors(data)] == []
    data["lines"][0]["montly_salary"] = 35000
    assert any("montly_salary" in e.message for e in validator.iter_errors(data))
