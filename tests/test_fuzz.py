"""Fuzzing: random and mutated budgets through load, compute, check, render and the CLI.

The only acceptable outcomes are a result, or grantcalc's own error
(:class:`grantcalc.GrantcalcError`) whose every problem says where: the file,
and a line or a field. Any other exception is a bug. Through the CLI: exit
0, 1 or 2, and never a traceback.

Invariants under hypothesis: year totals add up to the total; every amount
of a rendered document is the computed one; a budget saved as YAML and loaded
again computes the same; a balanced budget stays balanced when every amount
is scaled by the same whole number.

The default run tries a few hundred cases. The long campaign runs the same
tests with more examples each (see the README's Reliability section)::

    GRANTCALC_FUZZ_EXAMPLES=25000 python -m pytest tests/test_fuzz.py -m fuzz -q
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from docx import Document
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

import grantcalc
from grantcalc import GrantcalcError
from grantcalc.render import render
from tests.conftest import EXAMPLES
from tests.test_properties import budgets
from tests.test_render import amount, rows, table_with

pytestmark = pytest.mark.fuzz

EXAMPLES_PER_TEST = int(os.environ.get("GRANTCALC_FUZZ_EXAMPLES", "0")) or None
CAMPAIGN = EXAMPLES_PER_TEST is not None


def fuzz_settings(default: int, **extra):
    """``default`` examples in the ordinary run; the campaign's number when it runs."""
    return settings(max_examples=EXAMPLES_PER_TEST or default, deadline=None, derandomize=not CAMPAIGN,
                    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                                           HealthCheck.data_too_large, HealthCheck.filter_too_much], **extra)


SOURCES = {p.stem + p.suffix: p.read_text(encoding="utf-8")
           for p in sorted(EXAMPLES.glob("*")) if p.suffix in (".yaml", ".toml")}


# --- what counts as an acceptable outcome -----------------------------------------------------
def assert_located(err: GrantcalcError, name: str) -> None:
    """Every problem names the file, and a line or a field when it is about a place in it."""
    assert err.problems, "an error without problems"
    for problem in err.problems:
        assert problem.file == name, problem
        file_level = problem.code.startswith(("file.", "syntax.not_mapping")) or problem.code == "syntax.encoding"
        assert file_level or problem.line or problem.path, problem
        message = problem.message("sv")
        assert message and message != problem.code, problem  # a catalogued message, not a bare code
        assert "Traceback" not in message


def run_pipeline(text: str | bytes, fmt: str, name: str, *, render_to: Path | None = None):
    """load → compute → check (→ render): a result, or a located GrantcalcError."""
    try:
        budget = grantcalc.loads(text, fmt, name=name)
    except GrantcalcError as err:
        assert_located(err, name)
        return None
    computation = budget.compute()
    assert sum(computation.year_totals.values(), Decimal(0)) == computation.total
    result = budget.check()
    assert all(p.code for p in result.findings)
    if render_to is not None:
        render(computation, render_to, charts=False, force=True)
    return result


# --- random documents ---------------------------------------------------------------------------
scalars = st.one_of(
    st.none(), st.booleans(), st.integers(-10**31, 10**31), st.text(max_size=12),
    st.sampled_from(["3,3 %", "150 %", "1.42", "42 350 kr", "-0", ".nan", ".inf", "1e400", "2025-02-30",
                     "2024-01-01", "01-01", "month", "year", "total", "up", "down", "calendar", "", " ",
                     "\u202eevil", "\x07", "1.111.403", "42.350 kr × 1,42 × 3,5 = 210.479 kr"]),
    st.dates(date(1990, 1, 1), date(2040, 12, 31)),
)
KEYS = ["project", "period", "lines", "financing", "plan", "stated", "categories", "rounding", "name", "kind",
        "category", "start", "end", "amount", "amounts", "per", "monthly_salary", "on_cost", "fte", "places",
        "price", "rate", "of", "party", "by_year", "months", "share", "rest", "lines", "applies", "in_kind",
        "budget_years", "proration", 2024, 2025, "total"]
documents = st.recursive(
    scalars,
    lambda children: st.one_of(st.lists(children, max_size=4),
                               st.dictionaries(st.one_of(st.sampled_from(KEYS), st.text(max_size=6)), children,
                                               max_size=5)),
    max_leaves=25)


def to_yaml_text(data) -> str:
    import io

    from ruamel.yaml import YAML

    yaml = YAML(typ="safe", pure=True)
    out = io.StringIO()
    yaml.dump(data, out)
    return out.getvalue()


@fuzz_settings(300)
@given(data=documents)
def test_any_document_is_a_result_or_a_located_error(data):
    try:
        text = to_yaml_text(data)
    except Exception:
        assume(False)
    run_pipeline(text, "yaml", "fuzz.yaml")
    try:
        text = json.dumps(data, default=str)
    except ValueError:
        assume(False)
    run_pipeline(text, "json", "fuzz.json")


@fuzz_settings(300)
@given(data=st.binary(max_size=400))
def test_any_bytes_are_a_result_or_a_located_error(data):
    for fmt in ("yaml", "toml", "json"):
        run_pipeline(data, fmt, f"fuzz.{fmt}")


# --- mutations of the reference budgets -----------------------------------------------------------
@st.composite
def text_mutations(draw):
    name = draw(st.sampled_from(sorted(SOURCES)))
    text = SOURCES[name]
    lines = text.splitlines(keepends=True)
    for _ in range(draw(st.integers(1, 4))):
        op = draw(st.sampled_from(["delete_char", "insert_char", "delete_line", "duplicate_line", "swap_lines",
                                   "truncate", "replace_number", "indent"]))
        if not lines:
            break
        i = draw(st.integers(0, len(lines) - 1))
        line = lines[i]
        if op == "delete_char" and line:
            j = draw(st.integers(0, len(line) - 1))
            lines[i] = line[:j] + line[j + 1:]
        elif op == "insert_char":
            j = draw(st.integers(0, len(line)))
            lines[i] = line[:j] + draw(st.sampled_from(list(":-[]{}&*!|>'\"#%@`,? \t0.9\u00a0\u202e"))) + line[j:]
        elif op == "delete_line":
            del lines[i]
        elif op == "duplicate_line":
            lines.insert(i, line)
        elif op == "swap_lines":
            k = draw(st.integers(0, len(lines) - 1))
            lines[i], lines[k] = lines[k], lines[i]
        elif op == "truncate":
            lines = lines[:i]
        elif op == "replace_number":
            import re

            numbers = list(re.finditer(r"\d+([.,]\d+)?", line))
            if numbers:
                m = draw(st.sampled_from(numbers))
                new = draw(st.sampled_from(["0", "-1", "1e30", "142", "0.0001", "99999999999999999999", ".nan",
                                            "2024-13-01", "3,3 %", "x"]))
                lines[i] = line[:m.start()] + new + line[m.end():]
        elif op == "indent":
            lines[i] = draw(st.sampled_from(["  ", "\t", ""])) + line.lstrip()
    fmt = "toml" if name.endswith(".toml") else "yaml"
    return "".join(lines), fmt, name


@fuzz_settings(300)
@given(case=text_mutations())
def test_a_mutated_reference_budget_is_a_result_or_a_located_error(case):
    text, fmt, name = case
    run_pipeline(text, fmt, name)


def _paths(node, path=()):
    yield path
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _paths(value, path + (key,))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _paths(value, path + (i,))


@st.composite
def data_mutations(draw):
    """A reference budget as data with a node replaced, removed or added."""
    from ruamel.yaml import YAML

    name = draw(st.sampled_from([n for n in sorted(SOURCES) if n.endswith(".yaml")]))
    data = YAML(typ="safe", pure=True).load(SOURCES[name])
    for _ in range(draw(st.integers(1, 3))):
        paths = [p for p in _paths(data) if p]
        path = draw(st.sampled_from(paths))
        parent = data
        for part in path[:-1]:
            parent = parent[part]
        op = draw(st.sampled_from(["replace", "delete", "add_key"]))
        if op == "replace":
            parent[path[-1]] = draw(scalars | st.lists(scalars, max_size=2) | st.dictionaries(st.text(max_size=4),
                                                                                             scalars, max_size=2))
        elif op == "delete":
            del parent[path[-1]]
        elif isinstance(parent, dict):
            parent[draw(st.sampled_from(KEYS + ["typo", "monthly_salry"]))] = draw(scalars)
    return data, name


@fuzz_settings(200)
@given(case=data_mutations())
def test_a_reference_budget_with_a_wrong_value_is_a_result_or_a_located_error(case):
    data, name = case
    try:
        text = to_yaml_text(data)
    except Exception:
        assume(False)
    run_pipeline(text, "yaml", name)


# --- rendering ---------------------------------------------------------------------------------------
@fuzz_settings(25)
@given(budget=budgets())
def test_every_amount_of_a_rendered_random_budget_is_the_computed_one(budget, tmp_path):
    computation = budget.compute()
    path = render(computation, tmp_path / "fuzz.docx", charts=False, force=True).path
    document = Document(str(path))
    [table] = table_with(document, "Kostnadsslag")
    _header, *body, summa = rows(table)
    years = computation.years
    for line, row in zip(budget.lines, body):
        if not line.has_amount:
            continue
        assert [amount(c) for c in row[2:-1]] == [computation.amount(line.name, y.key) for y in years]
        assert amount(row[-1]) == computation.line_total(line.name)
    assert [amount(c) for c in summa[2:-1]] == [computation.year_total(y.key) for y in years]
    assert amount(summa[-1]) == computation.total


@fuzz_settings(15)
@given(case=text_mutations())
def test_a_mutated_reference_budget_renders_or_says_why(case, tmp_path):
    text, fmt, name = case
    run_pipeline(text, fmt, name, render_to=tmp_path / "out.docx")


# --- invariants ----------------------------------------------------------------------------------------
@fuzz_settings(150)
@given(budget=budgets())
def test_a_budget_saved_as_yaml_and_loaded_again_computes_the_same(budget):
    again = grantcalc.loads(budget.to_yaml(), "yaml", name="saved.yaml")
    assert again.model_dump() == budget.model_dump()
    first, second = budget.compute(), again.compute()
    assert [c.amount for c in first.cells()] == [c.amount for c in second.cells()]
    assert [c.formula_text() for c in first.cells()] == [c.formula_text() for c in second.cells()]


def test_the_reference_budgets_saved_as_yaml_load_as_they_were():
    for name, text in SOURCES.items():
        budget = grantcalc.loads(text, "toml" if name.endswith(".toml") else "yaml", name=name)
        again = grantcalc.loads(budget.to_yaml(), "yaml", name="saved.yaml")
        assert again.model_dump() == budget.model_dump()
        assert again.compute().total == budget.compute().total
        assert [p.code for p in again.check().findings] == [p.code for p in budget.check().findings]


@st.composite
def balanced_budgets(draw):
    """Budgets whose every cell is a whole krona before rounding (full calendar years, whole-krona
    rates), financed by two funders with stated amounts that add up to the costs each year."""
    first = draw(st.integers(2022, 2026))
    years = list(range(first, first + draw(st.integers(1, 4))))
    lines = []
    for i in range(draw(st.integers(1, 6))):
        kind = draw(st.sampled_from(["salary", "recurring", "one_off", "explicit", "per_unit", "percentage"]))
        line = {"name": f"L{i}", "category": "Övriga kostnader", "kind": kind}
        if kind == "salary":  # 4 × k kr × 1,25 or 1,5 × 50 % or 100 %: whole kronor every month
            line.update(monthly_salary=4 * draw(st.integers(2000, 15000)),
                        on_cost=draw(st.sampled_from(["1.25", "1.5"])),
                        fte=draw(st.sampled_from(["50 %", "100 %"])))
        elif kind == "recurring":
            line.update(amount=draw(st.integers(0, 50000)), per="month")
        elif kind == "one_off":
            line.update(amount=draw(st.integers(0, 500000)), year=draw(st.sampled_from(years)))
        elif kind == "explicit":
            line.update(amounts={y: draw(st.integers(0, 900000)) for y in years})
        elif kind == "per_unit":
            line.update(unit_cost=draw(st.integers(0, 9000)), count=draw(st.integers(1, 10)), per="year")
        else:  # 10 % of lines whose amounts are multiples of 10
            if not lines:
                continue
            line.update(rate="10 %", of={"lines": [lines[0]["name"]]})
            if not lines[0].get("tens"):  # once, however many percentage lines take it as their base
                lines[0] = {**lines[0], **_tens(lines[0]), "tens": True}
        lines.append(line)
    if not lines:
        lines.append({"name": "Hyra", "category": "Lokalkostnader", "kind": "recurring", "amount": 4000,
                      "per": "month"})
    lines = [{k: v for k, v in ln.items() if k != "tens"} for ln in lines]
    data = {"project": {"name": "Balans", "funder": "Förbundet"},
            "period": {"start": date(first, 1, 1), "end": date(years[-1], 12, 31)}, "lines": lines}
    costs = grantcalc.Budget.model_validate(data).compute()
    split = draw(st.integers(0, 100))
    a = {y: costs.year_total(y) * split // 100 for y in years}
    data["financing"] = [{"name": "Förbundet", "amounts": a, "applies": True},
                         {"name": "Kommunen", "amounts": {y: costs.year_total(y) - a[y] for y in years}}]
    return data


def _tens(line: dict) -> dict:
    """The same line with amounts that are multiples of 10."""
    out = {}
    for key in ("monthly_salary", "amount", "unit_cost"):
        if key in line:
            out[key] = line[key] * 10
    if "amounts" in line:
        out["amounts"] = {k: v * 10 for k, v in line["amounts"].items()}
    return out


def _scaled(data: dict, k: int) -> dict:
    def scale(line: dict) -> dict:
        line = dict(line)
        for key in ("monthly_salary", "amount", "unit_cost"):
            if key in line:
                line[key] = line[key] * k
        if "amounts" in line:
            line["amounts"] = {y: v * k for y, v in line["amounts"].items()}
        return line

    return {**data, "lines": [scale(ln) for ln in data["lines"]], "financing": [scale(f) for f in data["financing"]]}


@fuzz_settings(150)
@given(data=balanced_budgets(), k=st.integers(2, 1000))
def test_a_balanced_budget_stays_balanced_when_every_amount_is_scaled(data, k):
    budget = grantcalc.Budget.model_validate(data)
    assert budget.check().balanced
    scaled = grantcalc.Budget.model_validate(_scaled(data, k))
    result = scaled.check()
    assert result.balanced, result.report()
    assert scaled.compute().total == k * budget.compute().total
    assert scaled.compute().applied_amount == k * budget.compute().applied_amount


# --- the CLI in a subprocess ----------------------------------------------------------------------
def _cli(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "grantcalc", *args], capture_output=True, text=True, cwd=cwd,
                          env={**os.environ, "PYTHONIOENCODING": "utf-8"}, timeout=120)


@fuzz_settings(6)
@given(cases=st.lists(text_mutations(), min_size=1, max_size=4))
def test_the_cli_answers_mutated_files_with_0_1_or_2_and_never_a_traceback(cases, tmp_path):
    files = []
    for i, (text, fmt, _) in enumerate(cases):
        path = tmp_path / f"case{i}.{fmt}"
        path.write_text(text, encoding="utf-8")
        files.append(str(path))
    done = _cli("check", "--format", "json", *files, cwd=tmp_path)
    assert done.returncode in (0, 1, 2), done.stderr
    assert "Traceback" not in done.stderr and "internt fel" not in done.stderr, done.stderr
    json.loads(done.stdout)  # machine-readable whatever the input
    rendered = _cli("render", files[0], "-o", str(tmp_path / "out.docx"), "--force", "--no-charts", cwd=tmp_path)
    assert rendered.returncode in (0, 2), rendered.stderr
    assert "Traceback" not in rendered.stderr and "internt fel" not in rendered.stderr, rendered.stderr
    exported = _cli("export", files[0], "-o", str(tmp_path / "out.xlsx"), "--force", cwd=tmp_path)
    assert exported.returncode in (0, 2), exported.stderr
    assert "Traceback" not in exported.stderr and "internt fel" not in exported.stderr, exported.stderr


@fuzz_settings(4)
@given(data=st.binary(min_size=1, max_size=200))
def test_the_cli_answers_any_bytes_with_0_1_or_2_and_never_a_traceback(data, tmp_path):
    path = tmp_path / "case.yaml"
    path.write_bytes(data)
    done = _cli("check", str(path), cwd=tmp_path)
    assert done.returncode in (0, 1, 2) and "Traceback" not in done.stderr and "internt fel" not in done.stderr

