"""The command line as a user calls it: ``grantcalc …`` with its arguments, standard input and folder.

Most calls run the command line's ``main`` in this process, with its own standard streams (a
child process costs most of a second of start-up each); the ones marked ``subprocess=True`` run
``python -m grantcalc`` as a child process, as a terminal does.

Every call checks the exit status, what went to standard output and standard
error, and that no traceback is ever shown. Swedish is the default; amounts
are grouped with a no-break space (U+00A0).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess as subprocess_
import sys
import textwrap
from decimal import Decimal
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES, ROOT

NB = "\u00a0"
EXAMPLE_TOTALS = {
    "oka-innanforskapet": f"5{NB}826{NB}420",
    "ljusdal-hallbart-arbetsliv": f"2{NB}480{NB}208",
    "gemensam-kraft": f"18{NB}588{NB}000",
}
LINE_KINDS = {"salary", "places", "recurring", "per_unit", "one_off", "explicit", "percentage", "in_kind"}

VALID = """\
project:
  name: Test
period:
  start: 2024-01-01
  end: 2024-12-31
lines:
  - name: Coach
    kind: salary
    category: Lönekostnader
    monthly_salary: 35000
    on_cost: 1.42
    fte: 1
"""


def grantcalc(*args: str, cwd: Path = ROOT, stdin: str | None = None,
              subprocess: bool = False) -> subprocess_.CompletedProcess:
    if subprocess:
        env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
        env.pop("GRANTCALC_DEBUG", None)
        result = subprocess_.run([sys.executable, "-m", "grantcalc", *args], cwd=cwd, input=stdin,
                                 capture_output=True, text=True, encoding="utf-8", env=env, timeout=60)
    else:
        result = _in_process(list(args), cwd, stdin)
    assert "Traceback" not in result.stderr, result.stderr
    assert "internt fel" not in result.stderr, result.stderr
    return result


def _in_process(args: list[str], cwd: Path, stdin: str | None) -> subprocess_.CompletedProcess:
    from tests.helpers import run_cli

    return run_cli(args, cwd=cwd, stdin=stdin, env={"GRANTCALC_DEBUG": None})


def write(folder: Path, text: str, name: str = "budget.yaml") -> Path:
    path = folder / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


# --- show -------------------------------------------------------------------------------

@pytest.mark.parametrize("name", sorted(EXAMPLE_TOTALS))
def test_show_each_example_in_swedish(name):
    result = grantcalc("show", f"examples/{name}.yaml")
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    total = EXAMPLE_TOTALS[name]
    assert f"Totalt: {total}{NB}kr" in result.stdout
    summa = next(line for line in result.stdout.splitlines() if line.startswith("Summa"))
    assert summa.endswith(total)
    assert "Kostnadsslag" in result.stdout and "Kostnadsrad" in result.stdout


def test_show_in_english():
    result = grantcalc("show", "examples/oka-innanforskapet.yaml", "--lang", "en")
    assert result.returncode == 0, result.stderr
    assert f"Total: SEK{NB}5,826,420" in result.stdout
    assert "Staff costs" in result.stdout and "Category" in result.stdout
    assert f"5{NB}826{NB}420" not in result.stdout and "Totalt" not in result.stdout


def test_show_by_category():
    result = grantcalc("show", "examples/oka-innanforskapet.yaml", "--by", "category")
    assert result.returncode == 0, result.stderr
    rows = {line.split("  ")[0]: line for line in result.stdout.splitlines()}
    assert rows["Lönekostnader"].endswith(f"5{NB}428{NB}589")  # three salary-like lines in one row
    assert rows["Summa"].endswith(f"5{NB}826{NB}420")
    assert "EVI-coacher" not in result.stdout and "Kostnadsrad" not in result.stdout


def test_show_formulas(monkeypatch):
    monkeypatch.setenv("COLUMNS", "200")  # each formula on one line (tests/test_terminal.py: at 80 they wrap)
    result = grantcalc("show", "examples/oka-innanforskapet.yaml", "--formulas")
    assert result.returncode == 0, result.stderr
    assert f"42{NB}350{NB}kr × 1,42 × 3,5{NB}mån = 210{NB}479{NB}kr" in result.stdout
    assert "2024  (2024-09-15 – 2024-12-31, 3,5 mån)" in result.stdout
    assert result.stdout.rstrip().endswith(f"Totalt: 5{NB}826{NB}420{NB}kr")


INVALID = """\
project:
  name: Test
period:
  start: 2024-01-01
  end: 2024-12-31
lines:
  - {name: Hyra, kind: recurring, category: Lokalkostnader, amount: 5000, per: month}
  - {name: Resor, kind: recurring, category: Resekostnadr, amount: 2000, per: month}
  - name: Coach
    kind: salary
    category: Lönekostnader
    montly_salary: 35000
    on_cost: 1.42
    fte: 0
  - name: Handledare
    kind: salry
    category: Handledning
"""


def test_show_invalid_budget_lists_every_problem_in_swedish(tmp_path):
    write(tmp_path, INVALID)
    result = grantcalc("show", "budget.yaml", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert "budget.yaml:14: lines[2].fte: måste vara större än 0" in lines
    assert "budget.yaml:12: lines[2].montly_salary: okänd nyckel (menade du 'monthly_salary'?)" in lines
    assert any(line.startswith("budget.yaml:16: lines[3].kind: okänd radtyp 'salry' (menade du 'salary'?)")
               for line in lines)
    assert any(line.startswith("budget.yaml:8: lines[1].category: okänt kostnadsslag 'Resekostnadr' "
                               "(menade du 'Resekostnader'?)") for line in lines)
    assert len(lines) == 4


def test_show_invalid_budget_in_english(tmp_path):
    write(tmp_path, INVALID)
    result = grantcalc("show", "budget.yaml", "--lang", "en", cwd=tmp_path)
    assert result.returncode == 2
    assert "budget.yaml:14: lines[2].fte: must be greater than 0" in result.stderr.splitlines()
    assert "unknown key (did you mean 'monthly_salary'?)" in result.stderr
    assert "måste" not in result.stderr


def test_show_prints_a_warning_and_still_succeeds(tmp_path):
    write(tmp_path, VALID.replace("on_cost: 1.42", "on_cost: 142"))
    result = grantcalc("show", "budget.yaml", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stderr.splitlines() == [
        "budget.yaml:11: lines[0].on_cost: varning: påslaget 142 är över 3 – menade du 1.42? "
        "(påslaget 1.42 betyder 42 % personalomkostnader)"]
    assert f"Totalt: 59{NB}640{NB}000{NB}kr" in result.stdout  # 35 000 × 142 × 12, computed as written


def test_show_yaml_syntax_error(tmp_path):
    write(tmp_path, VALID.replace("  - name: Coach", "  - name: [Coach"))
    result = grantcalc("show", "budget.yaml", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.startswith("budget.yaml:8: YAML-fel: ")
    assert len(result.stderr.splitlines()) == 1


def test_show_missing_file(tmp_path):
    result = grantcalc("show", "budgte.yaml", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr == "budgte.yaml: filen finns inte\n"


def test_show_reads_standard_input():
    result = grantcalc("show", "-", stdin=VALID, subprocess=True)  # a real pipe into a child process
    assert result.returncode == 0, result.stderr
    assert f"Totalt: 596{NB}400{NB}kr" in result.stdout  # 35 000 × 1,42 × 12


# --- usage errors -------------------------------------------------------------------------

def test_no_command_prints_help_and_fails():
    result = grantcalc(subprocess=True)  # `python -m grantcalc` itself
    assert result.returncode == 2
    assert result.stdout == ""
    assert "användning: grantcalc" in result.stderr and "show" in result.stderr and "schema" in result.stderr


def test_unknown_option_fails():
    result = grantcalc("show", "examples/oka-innanforskapet.yaml", "--bogus")
    assert result.returncode == 2
    assert result.stdout == ""
    assert "grantcalc: fel: okända argument: --bogus" in result.stderr


# --- schema -------------------------------------------------------------------------------

def _discriminator_mappings(node) -> list[dict]:
    found = []
    if isinstance(node, dict):
        disc = node.get("discriminator")
        if isinstance(disc, dict) and disc.get("propertyName") == "kind":
            found.append(disc.get("mapping", {}))
        for value in node.values():
            found += _discriminator_mappings(value)
    elif isinstance(node, list):
        for value in node:
            found += _discriminator_mappings(value)
    return found


def test_schema_on_standard_output():
    result = grantcalc("schema")
    assert result.returncode == 0, result.stderr
    schema = json.loads(result.stdout)
    assert schema["$schema"].startswith("https://json-schema.org/")
    assert {"project", "period", "lines"} <= set(schema["required"])
    mappings = _discriminator_mappings(schema)
    assert mappings and set(mappings[0]) == LINE_KINDS
    for ref in mappings[0].values():
        assert ref.split("/")[-1] in schema["$defs"]


@pytest.mark.slow  # seconds of subprocesses or charts: with the long campaigns
def test_schema_to_a_file_never_overwrites_without_force(tmp_path):
    target = tmp_path / "budget.schema.json"
    first = grantcalc("schema", "-o", target.name, cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    assert first.stdout == ""
    assert json.loads(target.read_text(encoding="utf-8"))["$schema"]

    target.write_text("mitt eget innehåll\n", encoding="utf-8")
    refused = grantcalc("schema", "-o", target.name, cwd=tmp_path)
    assert refused.returncode == 2
    assert target.name in refused.stderr and "--force" in refused.stderr
    assert refused.stderr.startswith("budget.schema.json finns redan")
    assert target.read_text(encoding="utf-8") == "mitt eget innehåll\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == [target.name]  # no .budget.schema.json.*.tmp left

    forced = grantcalc("schema", "-o", target.name, "--force", cwd=tmp_path)
    assert forced.returncode == 0, forced.stderr
    assert "$defs" in json.loads(target.read_text(encoding="utf-8"))
    assert sorted(p.name for p in tmp_path.iterdir()) == [target.name]


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
def test_schema_file_gets_the_usual_permissions(tmp_path):
    from grantcalc.cli import main

    umask = os.umask(0o022)
    os.umask(umask)
    target = tmp_path / "budget.schema.json"
    assert main(["schema", "-o", str(target)]) == 0
    assert target.stat().st_mode & 0o777 == 0o666 & ~umask


def _as_json_data(value):
    """Loader data → what a JSON/YAML editor validates: ISO dates, text keys (numbers stay Decimal)."""
    if isinstance(value, dict):
        return {str(k): _as_json_data(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_as_json_data(v) for v in value]
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value


def _schema_validator():
    jsonschema = pytest.importorskip("jsonschema", reason="jsonschema is not installed (optional; not a dependency)")
    from grantcalc.schema import budget_schema

    schema = budget_schema()
    validator_class = jsonschema.validators.validator_for(schema)
    validator_class.check_schema(schema)
    return validator_class(schema)


def _schema_errors(validator, data) -> list[str]:
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(_as_json_data(data))]


def test_schema_accepts_a_valid_budget_and_flags_a_misspelt_key():
    from grantcalc.loader import source as load_source

    validator = _schema_validator()
    data = load_source.parse_source(VALID + "    by_year:\n      2024: {monthly_salary: 36000}\n").data
    assert _schema_errors(validator, data) == []
    data["lines"][0]["montly_salary"] = Decimal(35000)
    assert _schema_errors(validator, data), "a misspelt key must fail the schema too"


@pytest.mark.parametrize("name", sorted(EXAMPLE_TOTALS))
def test_examples_validate_against_the_schema(name):
    from grantcalc.loader import source as load_source

    validator = _schema_validator()
    data = load_source.read_source(EXAMPLES / f"{name}.yaml").data
    assert _schema_errors(validator, data) == []
