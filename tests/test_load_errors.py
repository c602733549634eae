"""Stage 1, the user's mistakes: every problem of a budget file, located.

Each test writes a small budget file the way a user would (the snippet reads
like the file; line numbers in the assertions are the snippet's own) and checks
the problem's code, severity, field path, file and line, and its message in
Swedish (the default) and English. Codes are stable; texts may improve, so
texts are checked only for their key words.
"""

from __future__ import annotations

import datetime as dt
import textwrap
from decimal import Decimal
from pathlib import Path

import pytest

import grantcalc
from grantcalc import BudgetError, GrantcalcError, Problem, Severity, SourceError
from grantcalc.loader import source as load_source
from grantcalc.messages import CATALOG


def write(tmp_path: Path, text: str | bytes, name: str = "budget.yaml") -> Path:
    path = tmp_path / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def problems(path: Path, error: type[GrantcalcError] = BudgetError) -> list[Problem]:
    """The problems ``grantcalc.load`` raises for ``path``; ``read`` must agree."""
    with pytest.raises(error) as caught:
        grantcalc.load(path)
    found = caught.value.problems
    assert found, "an error without problems"
    for p in found:
        assert p.code in CATALOG, f"{p.code} has no catalog text: {p.message()}"
    assert any(p.severity is Severity.error for p in found)  # warnings come along, in one run
    budget, read_problems = grantcalc.read(path)
    assert budget is None
    assert [(p.code, p.path, p.line) for p in read_problems] == [(p.code, p.path, p.line) for p in found]
    return found


def only(found: list[Problem]) -> Problem:
    assert len(found) == 1, [p.format("en") for p in found]
    return found[0]


def summary(found: list[Problem]) -> list[tuple[str, tuple, int | None]]:
    return [(p.code, p.path, p.line) for p in found]


NB = "\u00a0"

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


# --- a valid file, for contrast -----------------------------------------------------

def test_minimal_valid_budget_loads_without_problems(tmp_path):
    path = write(tmp_path, VALID)
    budget = grantcalc.load(path)
    assert budget.warnings == []
    read_budget, read_problems = grantcalc.read(path)
    assert read_budget is not None and read_problems == []
    assert budget.compute().total == Decimal(35000) * Decimal("1.42") * 12


def test_utf8_byte_order_mark_is_accepted(tmp_path):
    path = write(tmp_path, "\ufeff".encode() + VALID.encode("utf-8"))
    assert grantcalc.load(path).lines[0].category == "Lönekostnader"


# --- values of one field --------------------------------------------------------------

def test_negative_salary(tmp_path):
    path = write(tmp_path, """\
        project:
          name: Test
        period:
          start: 2024-01-01
          end: 2024-12-31
        lines:
          - name: Coach
            kind: salary
            category: Lönekostnader
            monthly_salary: -35000
            on_cost: 1.42
            fte: 1
        """)
    p = only(problems(path))
    assert (p.code, p.path, p.file, p.line) == ("invalid.greater_than", ("lines", 0, "monthly_salary"), str(path), 10)
    assert p.format() == f"{path}:10: lines[0].monthly_salary: måste vara större än 0"
    assert p.format("en") == f"{path}:10: lines[0].monthly_salary: must be greater than 0"


def test_fte_zero_names_file_line_and_field(tmp_path):
    """The issue's own example: ``budget.yaml:14: lines[2].fte: måste vara större än 0``."""
    path = write(tmp_path, """\
        project:
          name: Test
        period:
          start: 2024-01-01
          end: 2024-12-31
        lines:
          - {name: Hyra, kind: recurring, category: Lokalkostnader, amount: 5000, per: month}
          - {name: Resor, kind: recurring, category: Resekostnader, amount: 2000, per: month}
          - name: Coach
            kind: salary
            category: Lönekostnader
            monthly_salary: 35000
            on_cost: 1.42
            fte: 0
        """)
    p = only(problems(path))
    assert (p.code, p.path, p.line) == ("invalid.greater_than", ("lines", 2, "fte"), 14)
    assert p.message() == "måste vara större än 0"
    assert p.message("en") == "must be greater than 0"
    assert p.format() == f"{path}:14: lines[2].fte: måste vara större än 0"


def test_fte_as_zero_percent_is_also_refused(tmp_path):
    path = write(tmp_path, VALID.replace("fte: 1", 'fte: "0 %"'))
    p = only(problems(path))
    assert (p.code, p.path, p.line) == ("invalid.greater_than", ("lines", 0, "fte"), 12)


def test_line_dated_outside_the_period(tmp_path):
    path = write(tmp_path, """\
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
            start: 2024-03-01
            end: 2025-02-28
        """)
    # a warning, not an error: what lies inside the period is budgeted
    budget = grantcalc.load(path)
    p = only(budget.warnings)
    assert (p.code, p.severity, p.path, p.line) == ("budget.date_outside", Severity.warning, ("lines", 0, "end"), 14)
    assert p.message() == "datumet 2025-02-28 ligger utanför perioden 2024-01-01 – 2024-12-31"
    assert "outside the period" in p.message("en")
    cell = budget.compute().cell("Coach", 2024)
    assert cell.months == 10 and cell.amount == Decimal(35000 * 142 * 10 // 100)


def test_unknown_line_kind_hints_the_closest_kind(tmp_path):
    path = write(tmp_path, """\
        project:
          name: Test
        period:
          start: 2024-01-01
          end: 2024-12-31
        lines:
          - name: Coach
            kind: salry
            category: Lönekostnader
            monthly_salary: 35000
            on_cost: 1.42
        """)
    p = only(problems(path))
    assert (p.code, p.path, p.line) == ("invalid.union_tag_invalid", ("lines", 0, "kind"), 8)
    assert p.message().startswith("okänd radtyp 'salry' (menade du 'salary'?); kända: salary (lön), places (platser),")
    assert "(did you mean 'salary'?)" in p.message("en")
    assert p.format().startswith(f"{path}:8: lines[0].kind: okänd radtyp")


def test_missing_line_kind(tmp_path):
    path = write(tmp_path, VALID.replace("    kind: salary\n", ""))
    p = only(problems(path))
    assert (p.code, p.path, p.line) == ("invalid.union_tag_not_found", ("lines", 0), 7)
    assert p.message().startswith("saknar kind (radtyp: salary (lön), places (platser),")


def test_misspelt_key_hints_the_right_one(tmp_path):
    path = write(tmp_path, """\
        project:
          name: Test
        period:
          start: 2024-01-01
          end: 2024-12-31
        lines:
          - name: Coach
            kind: salary
            category: Lönekostnader
            montly_salary: 35000
            on_cost: 1.42
            fte: 1
        """)
    p = only(problems(path))
    assert (p.code, p.path, p.line) == ("invalid.extra_forbidden", ("lines", 0, "montly_salary"), 10)
    assert p.params["did_you_mean"] == "monthly_salary"
    assert p.format() == f"{path}:10: lines[0].montly_salary: okänd nyckel (menade du 'monthly_salary'?)"
    assert p.message("en") == "unknown key (did you mean 'monthly_salary'?)"


def test_misspelt_top_level_key(tmp_path):
    path = write(tmp_path, VALID.replace("period:", "perod:"))
    found = problems(path)
    assert ("invalid.extra_forbidden", ("perod",), 3) in summary(found)
    assert ("invalid.missing", ("period",), 1) in summary(found)  # the budget lacks it: the file's first line
    unknown = next(p for p in found if p.code == "invalid.extra_forbidden")
    assert "(menade du 'period'?)" in unknown.message()


def test_text_where_a_number_belongs(tmp_path):
    path = write(tmp_path, VALID.replace("monthly_salary: 35000", "monthly_salary: trettiofemtusen"))
    p = only(problems(path))
    assert (p.code, p.path, p.line) == ("invalid.not_a_number", ("lines", 0, "monthly_salary"), 10)
    assert p.message() == "'trettiofemtusen' är inte ett tal"


def test_salary_with_a_thousands_dot_is_a_warning(tmp_path):
    budget = grantcalc.load(write(tmp_path, VALID.replace("monthly_salary: 35000", "monthly_salary: 42.350")))
    p = only(budget.warnings)
    assert (p.code, p.severity, p.path, p.line) == (
        "plausibility.salary_low", Severity.warning, ("lines", 0, "monthly_salary"), 10)
    assert p.params["suggestion"] == 42350


# --- the plausibility warning: on-cost 142 meant as 1.42 -----------------------------

def test_on_cost_142_is_a_warning_not_an_error(tmp_path):
    path = write(tmp_path, VALID.replace("on_cost: 1.42", "on_cost: 142"))
    budget = grantcalc.load(path)  # loads: a warning does not stop the budget
    p = only(budget.warnings)
    assert p.code == "plausibility.on_cost_high"
    assert p.severity is Severity.warning
    assert (p.path, p.file, p.line) == (("lines", 0, "on_cost"), str(path), 11)
    assert p.params["suggestion"] == "1.42"  # as the user must write it in the file
    assert p.format() == (f"{path}:11: lines[0].on_cost: varning: påslaget 142 är över 3 – menade du 1.42? "
                          "(påslaget 1.42 betyder 42 % personalomkostnader)")
    assert p.format("en").startswith(f"{path}:11: lines[0].on_cost: warning: the on-cost factor 142 is above 3")
    read_budget, read_problems = grantcalc.read(path)
    assert read_budget is not None
    assert [q.code for q in read_problems] == ["plausibility.on_cost_high"]
    assert budget.compute().total == Decimal(35000) * 142 * 12  # computed as written


def test_on_cost_42_suggests_1_42(tmp_path):
    budget = grantcalc.load(write(tmp_path, VALID.replace("on_cost: 1.42", "on_cost: 42")))
    p = only(budget.warnings)
    assert p.params["suggestion"] == "1.42"


def test_on_cost_below_one_is_an_error(tmp_path):
    p = only(problems(write(tmp_path, VALID.replace("on_cost: 1.42", "on_cost: 0.42"))))
    assert (p.code, p.path, p.line) == ("invalid.on_cost_below_one", ("lines", 0, "on_cost"), 11)
    assert "skriv 1.42" in p.message()


# --- files that are not a budget ---------------------------------------------------------

@pytest.mark.parametrize("text", ["- Coach\n- Resor\n", "Coach\n", "42\n"], ids=["list", "text", "number"])
def test_file_that_is_not_a_mapping(tmp_path, text):
    p = only(problems(write(tmp_path, text), SourceError))
    assert (p.code, p.file, p.line) == ("syntax.not_mapping", str(tmp_path / "budget.yaml"), 1)
    assert p.message() == "en budget ska bestå av nycklar med värden och börja med project:, period: och lines:"


@pytest.mark.parametrize("text", ["", "\n  \n\n", "# bara en kommentar\n", "---\n"],
                         ids=["empty", "blank", "comment", "empty-document"])
def test_empty_file(tmp_path, text):
    path = write(tmp_path, text)
    p = only(problems(path, SourceError))
    assert (p.code, p.file) == ("file.empty", str(path))
    assert p.format() == f"{path}: filen är tom: skriv en budget (se exemplen i examples/)"


def test_file_that_is_not_utf8(tmp_path):
    path = write(tmp_path, VALID.encode("latin-1"))  # "Lönekostnader" on line 9, ö as byte 0xf6
    p = only(problems(path, SourceError))
    assert (p.code, p.file, p.line) == ("file.encoding", str(path), 9)
    assert p.params["byte"] == "0xf6"
    assert p.message() == "filen är inte sparad som UTF-8 (ett tecken på raden går inte att läsa); spara den som UTF-8"
    assert p.message().endswith("spara den som UTF-8")


def test_missing_file(tmp_path):
    path = tmp_path / "budgt.yaml"
    p = only(problems(path, SourceError))
    assert (p.code, p.file, p.line) == ("file.missing", str(path), None)
    assert p.format() == f"{path}: filen finns inte"
    assert p.format("en") == f"{path}: file not found"


def test_a_folder_is_not_a_budget(tmp_path):
    folder = tmp_path / "budget.yaml"
    folder.mkdir()
    assert only(problems(folder, SourceError)).code == "file.is_directory"
    assert only(problems(tmp_path, SourceError)).code == "file.is_directory"  # not "unknown format ''"


def test_unknown_file_format(tmp_path):
    path = write(tmp_path, VALID, "budget.txt")
    p = only(problems(path, SourceError))
    assert (p.code, p.params["suffix"]) == ("file.format", ".txt")
    assert ".yaml, .yml, .toml eller .json" in p.message()
    assert grantcalc.load(path, format="yaml").project.name == "Test"  # an explicit format reads it


# --- YAML syntax --------------------------------------------------------------------------

def test_yaml_syntax_error_names_the_line(tmp_path):
    path = write(tmp_path, """\
        project:
          name: Test
        period:
          start: 2024-01-01
          end: 2024-12-31
        lines:
          - name: [Coach
            kind: salary
        """)
    p = only(problems(path, SourceError))
    assert (p.code, p.line) == ("syntax.yaml", 8)
    assert p.format().startswith(f"{path}:8: YAML-fel: ")
    assert p.format("en").startswith(f"{path}:8: YAML syntax error: ")


def test_yaml_bad_indentation(tmp_path):
    path = write(tmp_path, VALID.replace("  end: 2024-12-31", " end: 2024-12-31"))
    p = only(problems(path, SourceError))
    assert (p.code, p.line) == ("syntax.yaml", 5)


def test_tab_indentation(tmp_path):
    path = write(tmp_path, VALID.replace("  name: Test", "\tname: Test"))
    p = only(problems(path, SourceError))
    assert p.code == "syntax.yaml" and p.line == 2


def test_duplicate_key(tmp_path):
    path = write(tmp_path, """\
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
            monthly_salary: 36000
            fte: 1
        """)
    p = only(problems(path, SourceError))
    assert (p.code, p.line, p.params["key"]) == ("syntax.duplicate_key", 12, "monthly_salary")
    assert p.format() == f"{path}:12: nyckeln 'monthly_salary' förekommer två gånger"


@pytest.mark.parametrize("tag", [
    "!!python/object/apply:os.system ['touch PWNED']",
    "!!python/object:grantcalc.Budget {}",
    "!!python/name:os.system",
    "!mytag 5",
])
def test_yaml_object_tags_are_refused(tmp_path, monkeypatch, tag):
    monkeypatch.chdir(tmp_path)
    path = write(tmp_path, VALID.replace("fte: 1", f"fte: 1\n    specification: {tag}"))
    p = only(problems(path, SourceError))
    assert (p.code, p.line) == ("syntax.tag", 13)
    assert "är inte tillåten i en budget" in p.message()
    assert not (tmp_path / "PWNED").exists()


def test_yaml_tag_on_the_whole_document_is_refused(tmp_path):
    p = only(problems(write(tmp_path, "!!python/object/apply:os.system ['echo hi']\n"), SourceError))
    assert (p.code, p.line) == ("syntax.tag", 1)


def test_alias_bomb_is_refused(tmp_path, monkeypatch):
    """A "billion laughs" document: aliases that expand beyond the node limit are refused
    (the limit is lowered here so the test stays fast; the real one is 2 000 000 values)."""
    monkeypatch.setattr(load_source, "MAX_NODES", 1000)
    levels = ["a: &a [x, x, x, x, x, x, x, x, x, x]"]
    for i in range(1, 5):
        levels.append(f"{'abcdefgh'[i]}: &{'abcdefgh'[i]} [{', '.join(['*' + 'abcdefgh'[i - 1]] * 10)}]")
    p = only(problems(write(tmp_path, "\n".join(levels) + "\n"), SourceError))
    assert (p.code, p.params["limit"]) == ("file.too_many_values", 1000)
    assert p.message() == f"filen blir för stor när dess alias (*namn) har ersatts: mer än 1{NB}000 värden"


# --- problems between fields --------------------------------------------------------------

def test_duplicate_line_names(tmp_path):
    path = write(tmp_path, """\
        project:
          name: Test
        period:
          start: 2024-01-01
          end: 2024-12-31
        lines:
          - name: Resor
            kind: recurring
            category: Resekostnader
            amount: 2000
            per: month
          - name: Resor
            kind: one_off
            category: Resekostnader
            amount: 5000
            year: 2024
        """)
    p = only(problems(path))
    assert (p.code, p.path, p.line) == ("budget.duplicate_line", ("lines", 1, "name"), 12)
    assert p.message() == "radnamnet 'Resor' används redan av kostnadsrad nr 1"


def test_unknown_category_hints_the_closest(tmp_path):
    path = write(tmp_path, VALID.replace("category: Lönekostnader", "category: Lönekostnadr"))
    p = only(problems(path))
    assert (p.code, p.path, p.line) == ("budget.unknown_category", ("lines", 0, "category"), 9)
    assert p.message().startswith("okänt kostnadsslag 'Lönekostnadr' (menade du 'Lönekostnader'?); "
                                  "deklarera det under categories eller välj bland: Administration,")
    assert "(did you mean 'Lönekostnader'?)" in p.message("en")


def test_category_by_key_or_english_name_is_known(tmp_path):
    for name in ("staff", "Staff costs", "lönekostnader"):
        budget = grantcalc.load(write(tmp_path, VALID.replace("category: Lönekostnader", f"category: {name}")))
        assert budget.category(budget.lines[0].category).key == "staff"


def test_by_year_key_that_is_not_a_budget_year(tmp_path):
    path = write(tmp_path, """\
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
            by_year:
              2025: {monthly_salary: 36000}
        """)
    p = only(problems(path))
    assert (p.code, p.path, p.line) == ("budget.unknown_year", ("lines", 0, "by_year", 2025), 14)
    assert p.message() == "2025 är inget budgetår i perioden (2024)"  # a year, not "2 025"
    assert p.message("en") == "2025 is not a budget year of the period (2024)"


def test_by_year_key_that_is_not_a_year_at_all(tmp_path):
    path = write(tmp_path, VALID + "    by_year:\n      nästa år: {fte: 0.5}\n")
    p = only(problems(path))
    assert (p.code, p.path, p.line) == ("invalid.year_key", ("lines", 0, "by_year", "nästa år"), 14)
    assert p.message() == "'nästa år' är inte ett budgetår"


def test_one_off_in_a_year_outside_the_period(tmp_path):
    path = write(tmp_path,
                 VALID + "  - {name: Dator, kind: one_off, category: Utrustning, amount: 12000, year: 2026}\n")
    p = only(problems(path))
    assert (p.code, p.path, p.line) == ("budget.unknown_year", ("lines", 1, "year"), 13)


def test_period_that_ends_before_it_starts(tmp_path):
    path = write(tmp_path, VALID.replace("end: 2024-12-31", "end: 2023-12-31"))
    p = only(problems(path))
    assert (p.code, p.path, p.line) == ("budget.period_order", ("period", "end"), 5)
    assert p.message() == "perioden slutar 2023-12-31 före starten 2024-01-01"


def test_date_that_is_not_a_date(tmp_path):
    path = write(tmp_path, VALID.replace("start: 2024-01-01", "start: 2024-13-01"))
    p = only(problems(path))
    assert (p.code, p.path, p.line) == ("invalid.date_from_datetime_parsing", ("period", "start"), 4)
    assert p.message() == "'2024-13-01' är inget giltigt datum: skriv åååå-mm-dd, t.ex. 2025-02-28"


def test_percentage_lines_in_a_cycle(tmp_path):
    path = write(tmp_path, """\
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
          - name: OH A
            kind: percentage
            category: Administration
            rate: 5 %
            of: {lines: [Coach, OH B]}
          - name: OH B
            kind: percentage
            category: Administration
            rate: 5 %
            of: {lines: [OH A]}
        """)
    p = only(problems(path))
    assert (p.code, p.path, p.line) == ("budget.percentage_cycle", ("lines", 1, "of"), 17)
    assert p.message() == "procentraderna bildar en cirkel: OH A → OH B → OH A"


def test_percentage_of_an_unknown_line(tmp_path):
    path = write(tmp_path, VALID + """\
  - name: OH
    kind: percentage
    category: Administration
    rate: 5 %
    of:
      lines: [Coach, Coahc]
""")
    p = only(problems(path))
    assert (p.code, p.path, p.line) == ("budget.unknown_line", ("lines", 1, "of", "lines", 1), 18)
    assert p.message() == "okänd rad 'Coahc' (menade du 'Coach'?)"


# --- several problems, one run ---------------------------------------------------------------

SEVERAL = """\
project:
  name: Test
period:
  start: 2024-01-01
  end: 2024-12-31
lines:
  - name: Coach
    kind: salary
    category: Lönekostnader
    monthly_salary: -35000
    on_cost: 1.42
    fte: 0
  - name: Handledare
    kind: salry
    category: Handledning
  - name: Samordnare
    kind: salary
    category: Lönekostnader
    montly_salary: 35000
    on_cost: 1.42
  - name: Resor
    kind: recurring
    category: Resekostnadr
    amount: 2000
    per: month
    start: 2025-01-01
"""
SEVERAL_EXPECTED = [
    ("invalid.greater_than", ("lines", 0, "monthly_salary"), 10),
    ("invalid.greater_than", ("lines", 0, "fte"), 12),
    ("invalid.union_tag_invalid", ("lines", 1, "kind"), 14),
    ("invalid.extra_forbidden", ("lines", 2, "montly_salary"), 19),
    ("budget.unknown_category", ("lines", 3, "category"), 23),  # lines[3] is valid on its own
    ("budget.date_outside", ("lines", 3, "start"), 26),
]


def test_every_problem_is_reported_in_one_run(tmp_path):
    path = write(tmp_path, SEVERAL)
    found = problems(path)
    assert sorted(summary(found)) == sorted(SEVERAL_EXPECTED)
    assert [p.line for p in found] == sorted(p.line for p in found)  # in file order
    assert all(p.file == str(path) for p in found)


def test_three_cross_field_errors_give_three_problems(tmp_path):
    path = write(tmp_path, """\
        project:
          name: Test
        period:
          start: 2024-01-01
          end: 2024-12-31
        lines:
          - name: Coach
            kind: salary
            category: Lönekostnadr
            monthly_salary: 35000
            on_cost: 1.42
            fte: 1
            end: 2025-06-30
          - name: Coach
            kind: one_off
            category: Utrustning
            amount: 12000
            year: 2024
        """)
    assert sorted(summary(problems(path))) == sorted([
        ("budget.unknown_category", ("lines", 0, "category"), 9),
        ("budget.date_outside", ("lines", 0, "end"), 13),
        ("budget.duplicate_line", ("lines", 1, "name"), 14),
    ])


def test_warnings_of_valid_lines_are_kept_when_another_line_is_malformed(tmp_path):
    path = write(tmp_path, VALID.replace("on_cost: 1.42", "on_cost: 142")
                 + "  - {name: Resor, kind: recurring, category: Resekostnader, amount: -5, per: month}\n")
    with pytest.raises(BudgetError) as caught:
        grantcalc.load(path)
    assert sorted((p.code, p.severity, p.line) for p in caught.value.problems) == [
        ("invalid.greater_than_equal", Severity.error, 13),
        ("plausibility.on_cost_high", Severity.warning, 11),
    ]


def test_a_malformed_line_is_still_referable_by_name(tmp_path):
    """A percentage line naming a malformed line must not get a spurious 'unknown line'."""
    path = write(tmp_path, VALID.replace("fte: 1", "fte: 0")
                 + "  - name: Adm\n    kind: percentage\n    category: administration\n    rate: 4 %\n"
                 + "    of: {lines: [Coach]}\n")
    assert summary(problems(path)) == [("invalid.greater_than", ("lines", 0, "fte"), 12)]


def test_a_malformed_line_still_has_its_dates_checked(tmp_path):
    path = write(tmp_path, VALID.replace("fte: 1", "fte: 0\n    start: 2025-01-01"))
    assert sorted(summary(problems(path))) == [
        ("budget.date_outside", ("lines", 0, "start"), 13),
        ("invalid.greater_than", ("lines", 0, "fte"), 12),
    ]


# --- TOML ---------------------------------------------------------------------------------------

TOML_SEVERAL = """\
[project]
name = "Test"

[period]
start = 2024-01-01
end = 2024-12-31

[[lines]]
name = "Coach"
kind = "salary"
category = "Lönekostnader"
monthly_salary = -35000
on_cost = 1.42
fte = 0

[[lines]]
name = "Handledare"
kind = "salry"
category = "Handledning"

[[lines]]
name = "Samordnare"
kind = "salary"
category = "Lönekostnader"
montly_salary = 35000
on_cost = 1.42
"""


def test_toml_every_problem_with_its_line(tmp_path):
    path = write(tmp_path, TOML_SEVERAL, "budget.toml")
    found = problems(path)
    assert sorted(summary(found)) == sorted([
        ("invalid.greater_than", ("lines", 0, "monthly_salary"), 12),
        ("invalid.greater_than", ("lines", 0, "fte"), 14),
        ("invalid.union_tag_invalid", ("lines", 1, "kind"), 18),
        ("invalid.extra_forbidden", ("lines", 2, "montly_salary"), 25),
    ])
    fte = next(p for p in found if p.path == ("lines", 0, "fte"))
    assert fte.format() == f"{path}:14: lines[0].fte: måste vara större än 0"


def test_toml_cross_field_problems_and_sub_tables_of_a_line(tmp_path):
    path = write(tmp_path, """\
        [project]
        name = "Test"

        [period]
        start = 2024-01-01
        end = 2024-12-31

        [[lines]]
        name = "Coach"
        kind = "salary"
        category = "Lönekostnadr"
        monthly_salary = 35000
        on_cost = 1.42
        fte = 1

        [lines.by_year.2026]
        fte = 0.5

        [[lines]]
        name = "Coach"
        kind = "recurring"
        category = "Resekostnader"
        amount = 2000
        per = "month"
        end = 2025-01-31
        """, "budget.toml")
    assert sorted(summary(problems(path))) == sorted([
        ("budget.unknown_category", ("lines", 0, "category"), 11),
        ("budget.unknown_year", ("lines", 0, "by_year", 2026), 16),  # the [lines.by_year.2026] header
        ("budget.duplicate_line", ("lines", 1, "name"), 20),
        ("budget.date_outside", ("lines", 1, "end"), 25),
    ])


def test_toml_error_inside_a_by_year_table(tmp_path):
    path = write(tmp_path, """\
        [project]
        name = "Test"

        [period]
        start = 2024-01-01
        end = 2025-12-31

        [[lines]]
        name = "Coach"
        kind = "salary"
        category = "Lönekostnader"
        monthly_salary = 35000
        on_cost = 1.42

        [lines.by_year.2025]
        fte = 0
        """, "budget.toml")
    p = only(problems(path))
    assert (p.code, p.line) == ("invalid.greater_than", 16)
    assert p.path[:3] == ("lines", 0, "by_year") and str(p.path[3]) == "2025" and p.path[4] == "fte"


def test_toml_on_cost_warning(tmp_path):
    toml = TOML_SEVERAL.split("[[lines]]\nname = \"Handledare\"")[0]
    toml = toml.replace("-35000", "35000").replace("fte = 0", "fte = 1").replace("1.42", "142")
    budget = grantcalc.load(write(tmp_path, toml, "budget.toml"))
    p = only(budget.warnings)
    assert (p.code, p.path, p.line) == ("plausibility.on_cost_high", ("lines", 0, "on_cost"), 13)


def test_toml_syntax_error(tmp_path):
    path = write(tmp_path, '[project]\nname = "Test"\n\n[period]\nstart = 2024-01-01\nend = 31 dec 2024\n',
                 "budget.toml")
    p = only(problems(path, SourceError))
    assert (p.code, p.line) == ("syntax.toml", 6)
    assert p.format().startswith(f"{path}:6: TOML-fel: ")


@pytest.mark.parametrize("text, line, key", [
    ('[project]\nname = "Test"\nname = "Test 2"\n', 3, "name"),
    ('[project]\nname = "Test"\n\n[project]\nfunder = "X"\n', 4, "project"),
], ids=["key", "table"])
def test_toml_duplicate_key(tmp_path, text, line, key):
    p = only(problems(write(tmp_path, text, "budget.toml"), SourceError))
    assert (p.code, p.line, p.params["key"]) == ("syntax.duplicate_key", line, key)
    assert p.message() == f"nyckeln {key!r} förekommer två gånger"


def test_toml_empty_file(tmp_path):
    assert only(problems(write(tmp_path, "\n", "budget.toml"), SourceError)).code == "file.empty"


# --- JSON ---------------------------------------------------------------------------------------

JSON_SEVERAL = """\
{
  "project": {"name": "Test"},
  "period": {"start": "2024-01-01", "end": "2024-12-31"},
  "lines": [
    {
      "name": "Coach",
      "kind": "salary",
      "category": "Lönekostnader",
      "monthly_salary": -35000,
      "on_cost": 1.42,
      "fte": 0
    },
    {
      "name": "Handledare",
      "kind": "salry",
      "category": "Handledning"
    },
    {
      "name": "Resor",
      "kind": "recurring",
      "category": "Resekostnadr",
      "amount": 2000,
      "per": "month",
      "by_year": {"2025": {"amount": 1000}}
    }
  ]
}
"""


def test_json_every_problem_with_its_line(tmp_path):
    path = write(tmp_path, JSON_SEVERAL, "budget.json")
    found = problems(path)
    assert sorted(summary(found), key=str) == sorted([
        ("invalid.greater_than", ("lines", 0, "monthly_salary"), 9),
        ("invalid.greater_than", ("lines", 0, "fte"), 11),
        ("invalid.union_tag_invalid", ("lines", 1, "kind"), 15),
        ("budget.unknown_category", ("lines", 2, "category"), 21),
        ("budget.unknown_year", ("lines", 2, "by_year", 2025), 24),  # "2025" in JSON, 2025 in the model
    ], key=str)


def test_json_on_cost_warning(tmp_path):
    path = write(tmp_path, '{"project": {"name": "Test"},\n "period": {"start": "2024-01-01", "end": "2024-12-31"},\n'
                           ' "lines": [{"name": "Coach", "kind": "salary", "category": "staff",\n'
                           '            "monthly_salary": 35000,\n            "on_cost": 142}]}\n', "budget.json")
    p = only(grantcalc.load(path).warnings)
    assert (p.code, p.path, p.line) == ("plausibility.on_cost_high", ("lines", 0, "on_cost"), 5)


def test_json_syntax_error(tmp_path):
    path = write(tmp_path, '{\n  "project": {"name": "Test"},\n  "period": {"start": "2024-01-01",}\n}\n',
                 "budget.json")
    p = only(problems(path, SourceError))
    assert (p.code, p.line) == ("syntax.json", 3)
    assert p.format().startswith(f"{path}:3: JSON-fel: ")


def test_json_duplicate_key(tmp_path):
    path = write(tmp_path, '{\n  "project": {"name": "Test"},\n  "period": {},\n  "project": {"name": "Igen"}\n}\n',
                 "budget.json")
    p = only(problems(path, SourceError))
    assert (p.code, p.line, p.params["key"]) == ("syntax.duplicate_key", 4, "project")


def test_json_not_a_mapping(tmp_path):
    p = only(problems(write(tmp_path, '[{"name": "Coach"}]\n', "budget.json"), SourceError))
    assert (p.code, p.line) == ("syntax.not_mapping", 1)


def test_json_nan_is_not_a_number(tmp_path):
    p = only(problems(write(tmp_path, '{"project": {"name": "Test"}, "rounding": {"step": NaN}}\n', "budget.json"),
                      SourceError))
    assert p.code == "syntax.json" and "NaN" in p.message()


# --- text and standard input ------------------------------------------------------------------

def test_loads_text_names_the_source(tmp_path):
    with pytest.raises(BudgetError) as caught:
        grantcalc.loads(VALID.replace("fte: 1", "fte: 0"), name="ansökan.yaml")
    p = only(caught.value.problems)
    assert p.format() == "ansökan.yaml:12: lines[0].fte: måste vara större än 0"
    assert caught.value.format("en") == "ansökan.yaml:12: lines[0].fte: must be greater than 0"


def test_loads_sniffs_json_and_reads_bytes():
    budget = grantcalc.loads(b'{"project": {"name": "T"}, "period": {"start": "2024-01-01", "end": "2024-12-31"},'
                             b' "lines": [{"name": "R", "kind": "recurring", "category": "travel",'
                             b' "amount": 1000.50, "per": "month"}]}', format=None)
    assert budget.period.start == dt.date(2024, 1, 1)
    assert budget.lines[0].amount == Decimal("1000.50")
    assert type(budget.lines[0].amount) is Decimal


def test_unreasonably_large_numbers_are_refused(tmp_path):
    """10^30 kr is a typo, not a budget; the cap (10^12) also keeps every sum exact."""
    path = write(tmp_path, VALID.replace("monthly_salary: 35000", "monthly_salary: 1e30"))
    [p] = problems(path)
    assert (p.code, p.path, p.line) == ("invalid.too_large", ("lines", 0, "monthly_salary"), 10)
    assert p.message() == "'1E+30' är orimligt stort (högst 1\u00a0000\u00a0000\u00a0000\u00a0000)"


def test_a_stated_monthly_salary_on_an_hourly_rate_line_is_an_error(tmp_path):
    """It would be silently ignored: the hourly rate is what such a line is paid by."""
    path = write(tmp_path, VALID.replace("monthly_salary: 35000", "hourly_rate: 250\n    hours: 300")
                 .replace("    fte: 1\n", "    by_year:\n      2024: {monthly_salary: 36000}\n"))
    [p] = problems(path)
    assert (p.code, p.path) == ("invalid.only_one_of", ("lines", 0))
    assert "hourly_rate, by_year.monthly_salary" in p.message()


def test_a_malformed_funder_or_activity_does_not_hide_the_others_problems(tmp_path):
    path = write(tmp_path, """\
        project: {name: T}
        period: {start: 2024-01-01, end: 2024-12-31}
        lines:
          - {name: Hyra, kind: recurring, category: premises, amount: 1000, per: month}
        financing:
          - {name: A, rest: true, lines: [Hyra]}
          - {name: C, lines: [Hyr]}
        plan:
          - {name: X, cost: abc, lines: [Hyra]}
          - {name: Y, start: 2025-02-01, lines: [Okänd]}
        """)
    assert summary(problems(path)) == [
        ("invalid.only_one_of", ("financing", 0), 6),
        ("budget.unknown_line", ("financing", 1, "lines", 0), 7),
        ("invalid.stated_figure", ("plan", 0, "cost"), 9),
        ("budget.date_outside", ("plan", 1, "start"), 10),
        ("budget.unknown_line", ("plan", 1, "lines", 0), 10),
    ]
