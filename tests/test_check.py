"""grantcalc check on the three reference applications, and the command as CI calls it.

Per example, the findings are exactly those a careful auditor makes about the
document's own figures (see the closing note of the financing issue and the
comments in each example): every real inconsistency, and nothing else.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

import grantcalc
from grantcalc.errors import Severity
from grantcalc.messages import CATALOG
from grantcalc.report.check import escape_data, escape_property, github_annotation

from .conftest import EXAMPLES

OKA = EXAMPLES / "oka-innanforskapet.yaml"
LJUSDAL = EXAMPLES / "ljusdal-hallbart-arbetsliv.yaml"
GEMENSAM = EXAMPLES / "gemensam-kraft.yaml"
NB = "\u00a0"


def findings(path: Path, implied: bool = False):
    return grantcalc.load(path).check(implied=implied).findings


def summary(found):
    return sorted((p.code, str(p.severity), p.path) for p in found)


# --- Öka innanförskapet ---------------------------------------------------------------

OKA_FINDINGS = sorted([
    # 2027 is budgeted "JAN–SEP", 9 months, but the period ends 2027-09-14: 8,5 months
    ("period.months", "warning", ("period", "months", 2027)),
    # "årlig löneökn. 3,3 %": the process leader's 2025 salary is 2024's, unraised
    ("raise.salary", "warning", ("lines", 0, "by_year", 2025, "monthly_salary")),
    # the coaches' 2027 salary 41 800 is 2,96 % above 40 600, not 3,3 %
    ("raise.salary", "warning", ("lines", 1, "by_year", 2027, "monthly_salary")),
    # 5 000 kr/pers/år counted as 416 kr/mån in 2024 (5 000 / 12 truncated): 7 kr lost
    ("rate.conversion", "warning", ("lines", 2, "by_year", 2024)),
    # 32 000 kr/år counted as 2 666 kr/mån in 2024: 2 kr lost
    ("rate.conversion", "warning", ("lines", 3, "by_year", 2024)),
    # "2.666 kr × 12 = 32.000 kr": 2 666 × 12 is 31 992
    ("stated.formula", "warning", ("lines", 3, "stated", 2025)),
])


def test_oka_findings_are_exactly_the_documents_inconsistencies():
    result = grantcalc.load(OKA).check()
    assert summary(result.findings) == OKA_FINDINGS
    assert result.ok() and not result.ok(strict=True)
    assert result.balanced


def test_oka_findings_carry_the_figures_an_auditor_needs():
    by_path = {p.path: p for p in findings(OKA)}
    months = by_path[("period", "months", 2027)].message()
    assert "9 månader" in months and "8,5 månader" in months and "2027-09-14" in months
    assert "36,5 månader för en period på 36" in months

    pl = by_path[("lines", 0, "by_year", 2025, "monthly_salary")]
    assert pl.params["expected"] == Decimal(43700) and pl.params["stated"] == Decimal(42350)
    assert pl.params["impact"] == 23004  # (43 700 − 42 350) × 1,42 × 12
    assert f"43{NB}747,55{NB}kr, alltså 43{NB}700{NB}kr" in pl.message()
    assert f"23{NB}004{NB}kr högre" in pl.message()

    evi = by_path[("lines", 1, "by_year", 2027, "monthly_salary")]
    assert (evi.params["stated"], evi.params["expected"], evi.params["impact"]) == (41800, 41900, 1917)
    assert f"40{NB}600{NB}kr × 1,033 = 41{NB}939,80{NB}kr" in evi.message()

    staff = by_path[("lines", 2, "by_year", 2024)]
    assert (staff.params["stated"], staff.params["expected"], staff.params["difference"]) == (4368, 4375, -7)
    travel = by_path[("lines", 3, "by_year", 2024)]
    assert (travel.params["stated"], travel.params["expected"], travel.params["difference"]) == (9331, 9333, -2)

    formula = by_path[("lines", 3, "stated", 2025)]
    assert (formula.params["product"], formula.params["result"]) == (31992, 32000)
    assert "ger 31\u00a0992\u00a0kr, inte 32\u00a0000\u00a0kr" in formula.message()


def test_oka_salaries_that_follow_the_raise_rounded_to_hundreds_are_not_findings():
    # 39 300 = 38 000 × 1,033 (39 254) to the hundred; 43 800 = 42 350 × 1,033 (43 747,55) rounded up;
    # 45 200 = 43 800 × 1,033 (45 245,40) rounded down: all follow a 3,3 % raise to whole hundreds
    paths = {p.path for p in findings(OKA)}
    for line, year in [(1, 2025), (1, 2026), (0, 2026), (0, 2027)]:
        assert ("lines", line, "by_year", year, "monthly_salary") not in paths


def test_oka_every_stated_figure_equals_the_computation():
    budget = grantcalc.load(OKA)
    c = budget.compute()
    stated = [(ln.name, key, fig) for ln in budget.lines for key, fig in ln.stated.items()]
    assert len(stated) == 26  # every amount of section 2.9: 8 lines in 2024, 6 in each later year
    for name, key, figure in stated:
        assert c.amount(name, key) == figure.amount, (name, key)
    assert budget.stated.applied_amount.amount == c.applied_amount == Decimal(5826420)


# --- Ett hållbart arbetsliv i Ljusdal -------------------------------------------------

def test_ljusdal_finding_is_the_time_plan_against_the_supervision_line():
    result = grantcalc.load(LJUSDAL).check()
    assert summary(result.findings) == [("plan.costs", "warning", ("plan", 2, "cost"))]
    plan = result.findings[0]
    assert (plan.params["plan"], plan.params["cost"], plan.params["difference"]) == (55000, 36000, 19000)
    assert plan.line == 106
    assert "Metod/Processhandledning" in plan.message() and "Handledning" in plan.message()
    assert result.ok()


def test_ljusdal_financing_is_the_forms_table_and_balances():
    c = grantcalc.load(LJUSDAL).compute()
    fin = c.financing
    assert [r.name for r in fin.rows] == [
        "Samordningsförbund Gävleborg", "Region Gävleborg", "Arbetsförmedlingen", "Försäkringskassan",
        "Kommun genom lokal hyra", "Kommun genom tolk/språkstöd"]
    assert [fin.year_total(k) for k in (2022, 2023, 2024)] == [1111403, 1085966, 282839]
    assert fin.total == c.total == 2480208
    assert fin.applied_amount == 2480208 and fin.balanced


def test_ljusdal_implied_on_cost_factors_on_request():
    infos = [p for p in findings(LJUSDAL, implied=True) if p.severity is Severity.info]
    on_cost = {p.params["year"][0]: p for p in infos if p.code == "implied.on_cost"}
    # 943 403 / (35 000 × 150 % × 12) = 1,4975; 970 966 / 630 000 = 1,5412; 249 839 / 157 500 = 1,5863
    assert {y: p.params["value"][0] for y, p in on_cost.items()} == {
        "2022": "1,4975", "2023": "1,5412", "2024": "1,5863"}
    assert f"943{NB}403{NB}kr motsvarar påslaget 1,4975 på 35{NB}000{NB}kr × 150{NB}% × 12 mån" in \
        on_cost["2022"].message()
    changes = [p.params["value"][0] for p in infos if p.code == "implied.change"]
    assert changes == ["+2,92\u00a0%", "+2,92\u00a0%"]  # a steady, undeclared raise
    assert not [p for p in findings(LJUSDAL) if p.severity is Severity.info]  # only on request


# --- Gemensam kraft -------------------------------------------------------------------

def test_gemensam_kraft_has_no_findings():
    # every place amount is 650 000 × places/15 a year, rounded up to 5 000, prorated and
    # rounded up again; project management 20 % × 9 months then 10 %; the Summa row adds up
    result = grantcalc.load(GEMENSAM).check(implied=True)
    assert result.findings == [] and result.ok(strict=True)
    assert result.computation.applied_amount == 18588000


@pytest.mark.parametrize("path", [OKA, LJUSDAL, GEMENSAM], ids=lambda p: p.stem)
def test_examples_have_no_error_findings_and_every_code_has_text(path):
    result = grantcalc.load(path).check(implied=True)
    assert not result.errors
    for p in result.findings:
        assert p.code in CATALOG and p.file == str(path) and p.line
        assert "{" not in p.message("sv") and "{" not in p.message("en")


# --- the command ------------------------------------------------------------------------

def run(*args: str, stdin: str | None = None, env: dict | None = None) -> subprocess.CompletedProcess:
    """``grantcalc ARGS`` as a user runs it (in this process: see tests.helpers.run_cli), outside GitHub
    Actions unless ``env`` says otherwise."""
    from tests.helpers import run_cli

    return run_cli(list(args), stdin=stdin, env={"GITHUB_ACTIONS": None, "COLUMNS": None, **(env or {})})


def test_check_examples_exits_0_and_prints_tables_and_findings():
    done = run("check", str(OKA), str(LJUSDAL), str(GEMENSAM))
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert out.count("Finansieringsbudget") == 3 and out.count("Kostnader och finansiering balanserar varje år.") == 3
    assert "Anmärkningar (0 fel, 6 varningar, 0 info):" in out
    assert "Anmärkningar (0 fel, 1 varning, 0 info):" in out
    assert "Inga anmärkningar." in out
    for compared in (32, 31, 45):  # Öka, Ljusdal, Gemensam kraft: every figure recorded from the documents
        assert f"Angivna belopp jämförda med beräkningen: {compared}, varav 0 avviker." in out
    assert f"Sökt belopp (Västerbergslagens samordningsförbund): 5{NB}826{NB}420{NB}kr" in out
    assert "Traceback" not in done.stderr


@pytest.mark.slow  # seconds of subprocesses or charts: with the long campaigns
def test_strict_makes_warnings_fail():
    assert run("check", "--strict", str(OKA)).returncode == 1
    assert run("check", "--strict", str(GEMENSAM)).returncode == 0


def raised_by_one_krona(tmp_path: Path) -> Path:
    text = LJUSDAL.read_text(encoding="utf-8")
    old = "amounts: {2022: 1111403, 2023: 1085966, 2024: 282839}"
    assert text.count(old) == 1
    path = tmp_path / "ljusdal.yaml"
    path.write_text(text.replace(old, old.replace("1085966", "1085967")), encoding="utf-8")
    return path


@pytest.mark.slow  # seconds of subprocesses or charts: with the long campaigns
def test_one_krona_more_financing_fails_naming_the_year_and_the_krona(tmp_path):
    path = raised_by_one_krona(tmp_path)
    done = run("check", str(path), env={"COLUMNS": "500"})  # each finding on one line
    assert done.returncode == 1
    # the funder's Totalt, the financing Summa for 2023 and in all, and the applied amount now differ
    assert "Angivna belopp jämförda med beräkningen: 31, varav 4 avviker." in done.stdout
    balance = [ln for ln in done.stdout.splitlines() if "2023: kostnaderna" in ln]
    assert balance == [f"{path}:117: financing[0].amounts[2023]: 2023: kostnaderna 1{NB}085{NB}966{NB}kr och "
                       f"finansieringen 1{NB}085{NB}967{NB}kr balanserar inte (finansiering − kostnader = +1{NB}kr)"]
    data = json.loads(run("check", "--format", "json", str(path)).stdout)
    assert data["ok"] is False
    assert data["costs"]["2023"] == "1085966" and data["financing"]["2023"] == "1085967"
    codes = {f["code"] for f in data["findings"] if f["severity"] == "error"}
    assert {"balance.year", "balance.total", "applied.differs"} <= codes
    year = next(f for f in data["findings"] if f["code"] == "balance.year")
    assert (year["line"], year["path"], year["file"]) == (117, "financing[0].amounts[2023]", str(path))


def test_a_broken_file_exits_2_with_file_and_line(tmp_path):
    path = tmp_path / "broken.yaml"
    path.write_text("project:\n  name: Test\nperiod: [\n", encoding="utf-8")
    done = run("check", str(path), str(GEMENSAM))
    assert done.returncode == 2
    assert done.stderr.startswith(f"{path}:4: ")
    assert "Traceback" not in done.stderr + done.stdout
    assert "Inga anmärkningar." in done.stdout  # the other budget is still checked


@pytest.mark.slow  # seconds of subprocesses or charts: with the long campaigns
def test_json_is_one_object_for_one_file_and_a_list_for_several():
    one = json.loads(run("check", "--format", "json", str(OKA)).stdout)
    assert set(one) == {"file", "ok", "years", "costs", "financing", "findings"}
    assert one["years"] == ["2024", "2025", "2026", "2027"]
    assert one["costs"] == {"2024": "576968", "2025": "1857152", "2026": "1915088", "2027": "1477212",
                            "total": "5826420"}
    assert one["financing"] == one["costs"]
    assert one["ok"] is True and len(one["findings"]) == 6
    assert set(one["findings"][0]) == {"code", "severity", "message", "file", "line", "path"}
    several = json.loads(run("check", "--format", "json", str(OKA), str(GEMENSAM)).stdout)
    assert [d["file"] for d in several] == [str(OKA), str(GEMENSAM)]


def test_json_for_an_invalid_file_keeps_the_shape(tmp_path):
    path = tmp_path / "bad.yaml"
    path.write_text("project: {name: X}\nperiod: {start: 2024-01-01, end: 2024-12-31}\nlines: []\n", encoding="utf-8")
    done = run("check", "--format", "json", str(path))
    assert done.returncode == 2
    data = json.loads(done.stdout)
    assert data["ok"] is False and data["costs"] is None and data["findings"][0]["line"] == 3


def test_english_report():
    done = run("check", "--lang", "en", str(LJUSDAL))
    assert "Financing budget" in done.stdout and "Findings (0 errors, 1 warning, 0 infos):" in done.stdout
    assert "time and activity plan" in done.stdout


def test_standard_input():
    done = run("check", "-", "--format", "json", stdin=GEMENSAM.read_text(encoding="utf-8"))
    assert done.returncode == 0 and json.loads(done.stdout)["file"] == "<stdin>"


@pytest.mark.slow  # seconds of subprocesses or examples: with the long campaigns
def test_github_format_is_chosen_under_github_actions():
    done = run("check", str(LJUSDAL), env={"GITHUB_ACTIONS": "true"})
    lines = done.stdout.splitlines()
    assert lines[0].startswith(f"::warning file={LJUSDAL},line=106,title=grantcalc plan.costs::plan[2].cost: ")
    assert lines[-1] == f"{LJUSDAL}: 0 fel, 1 varning, 0 info"
    assert run("check", "--format", "text", str(LJUSDAL), env={"GITHUB_ACTIONS": "true"}).stdout.startswith(
        "Ett hållbart arbetsliv i Ljusdal")


def test_github_escaping_follows_the_actions_toolkit():
    assert escape_data("3,3 % ok\r\nnext") == "3,3 %25 ok%0D%0Anext"
    assert escape_property("a:b,c%") == "a%3Ab%2Cc%25"
    from grantcalc.errors import Problem

    p = Problem("stated.formula", Severity.warning, ("lines", 0), {
        "line": "Resor, bil: 50 %", "year": "2025", "text": "a\nb", "product": Decimal(1), "result": Decimal(2),
        "difference": Decimal(1)}, file="dir,1/b:x.yaml", line=7)
    text = github_annotation(p)
    assert text.startswith("::warning file=dir%2C1/b%3Ax.yaml,line=7,title=grantcalc stated.formula::")
    assert "\n" not in text and "50 %25" in text and "a%0Ab" in text


def test_the_pre_commit_hook_checks_budget_files():
    from ruamel.yaml import YAML

    hooks = YAML(typ="safe").load((EXAMPLES.parent / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    [hook] = hooks
    assert hook["id"] == "grantcalc-check" and hook["entry"] == "grantcalc check"
    assert hook["language"] == "python" and hook["pass_filenames"] is True
    files = re.compile(hook["files"])
    for name in ["budgets/2025.yaml", "ansokan/budget.yml", "projekt-budget.toml", "budget.json"]:
        assert files.search(name), name
    for name in ["pyproject.toml", ".pre-commit-hooks.yaml", "examples/notes.md", "budgets/old/x.yaml"]:
        assert not files.search(name), name
    # what pre-commit runs: the entry with the staged file names
    assert run(*hook["entry"].split()[1:], str(GEMENSAM), str(LJUSDAL)).returncode == 0


def test_the_readme_documents_the_check_command_and_ci():
    readme = (EXAMPLES.parent / "README.md").read_text(encoding="utf-8")
    for text in ["## Use in CI", "grantcalc check BUDGET… [--format text|json|github] [--strict]",
                 "id: grantcalc-check", '"ok": true', "::error file=…,line=…"]:
        assert text in readme, text
    prefixes = "balance|applied|financing|stated|period|raise|rates|rate|plan|implied|participants|profile"
    documented = set(re.findall(rf"`((?:{prefixes})\.[a-z_]+)`", readme))
    used = set()
    for module in (EXAMPLES.parent / "src" / "grantcalc" / "check").glob("*.py"):
        used |= set(re.findall(r'Problem\("([a-z_]+\.[a-z_]+)"', module.read_text(encoding="utf-8")))
    assert used - {"plausibility.negative_line", "plausibility.negative_year"} <= documented


def test_the_readme_shows_what_check_prints():
    readme = (EXAMPLES.parent / "README.md").read_text(encoding="utf-8")
    block = re.search(r"```text\n\$ grantcalc check examples/ljusdal-hallbart-arbetsliv.yaml\n…[^\n]*\n\n(.*?)```",
                      readme, re.S).group(1)
    done = subprocess.run([sys.executable, "-m", "grantcalc", "check", "examples/ljusdal-hallbart-arbetsliv.yaml"],
                          capture_output=True, text=True, cwd=EXAMPLES.parent)
    printed = done.stdout.replace(NB, " ")
    assert block.strip() in printed
