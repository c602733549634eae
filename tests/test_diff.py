"""grantcalc diff: each reference example against a revision (one FTE raised, one line moved a year, one
line removed, tests/examples/followup/*-reviderad.yaml) lists exactly those changes and their effect per
year; the funder's rules on revisions; renames; different periods; two git revisions of one file."""

from __future__ import annotations

import json
import shutil
import subprocess
from decimal import Decimal
from pathlib import Path

import pytest

import grantcalc
from grantcalc.followup import diff
from tests.conftest import EXAMPLES, ROOT
from tests.helpers import cli

DATA = ROOT / "tests" / "examples" / "followup"
LJUSDAL, OKA, GK = (EXAMPLES / f"{n}.yaml" for n in ("ljusdal-hallbart-arbetsliv", "oka-innanforskapet",
                                                      "gemensam-kraft"))
REVISIONS = {OKA: DATA / "oka-reviderad.yaml", LJUSDAL: DATA / "ljusdal-reviderad.yaml",
             GK: DATA / "gemensam-kraft-reviderad.yaml"}


def run_json(capsys, *args) -> tuple[int, dict]:
    status, out, err = cli(capsys, "diff", *args, "--format", "json")
    assert err == ""
    return status, json.loads(out)


def changes(data: dict) -> list[tuple]:
    return [(c["line"], c["field"], c["old"], c["new"]) for c in data["changes"]]


def effects(data: dict) -> dict[tuple[str, str], str]:
    return {(e["line"], e["year"]): e["difference"] for e in data["lines"]}


@pytest.mark.parametrize("example", list(REVISIONS), ids=lambda p: p.stem)
def test_each_revision_is_the_example_with_three_changes_only(example):
    """The revisions stay in step with the examples: the same file but for the changes they describe."""
    import difflib

    ours = REVISIONS[example].read_text(encoding="utf-8").splitlines()
    theirs = example.read_text(encoding="utf-8").splitlines()
    changed = [line for line in difflib.unified_diff(theirs, ours, lineterm="", n=0)
               if line[:1] in "+-" and not line.startswith(("+++", "---", "+#"))]
    assert 3 <= len(changed) <= 30


def test_oka_revision(capsys):
    status, data = run_json(capsys, OKA, REVISIONS[OKA])
    assert status == 1 and data["profile"] == "samordningsforbund" and data["ok"] is False
    assert changes(data) == [
        ("EVI-coacher", "fte", "1.5", "1.75"),
        ("Engångskostnad telefoner och datorer", "year", 2024, 2025),
        ("Övriga uppstartskostnader", "line", "Övriga uppstartskostnader", None)]
    assert effects(data) == {
        ("EVI-coacher", "2024"): "47215", ("EVI-coacher", "2025"): "167418", ("EVI-coacher", "2026"): "172956",
        ("EVI-coacher", "2027"): "133551",
        ("Engångskostnad telefoner och datorer", "2024"): "-35000",
        ("Engångskostnad telefoner och datorer", "2025"): "35000",
        ("Övriga uppstartskostnader", "2024"): "-10000"}
    evi = next(e for e in data["lines"] if e["line"] == "EVI-coacher" and e["year"] == "2025")
    assert evi == {"line": "EVI-coacher", "year": "2025", "old": "1004508", "new": "1171926", "difference": "167418"}
    assert data["totals"] == {
        "old": {"2024": "576968", "2025": "1857152", "2026": "1915088", "2027": "1477212", "total": "5826420"},
        "new": {"2024": "579183", "2025": "2059570", "2026": "2088044", "2027": "1610763", "total": "6337560"},
        "difference": {"2024": "2215", "2025": "202418", "2026": "172956", "2027": "133551", "total": "511140"}}
    assert data["financing"][0] == {"funder": "Västerbergslagens samordningsförbund", "year": "2024", "old": "576968",
                                    "new": "579183", "difference": "2215"}
    assert [(f["code"], f["severity"]) for f in data["findings"]] == [
        ("diff.total_grows", "error"), ("diff.category_moved", "error")]
    assert data["findings"][0]["message"] == (
        "totalen växer från 5\u00a0826\u00a0420\u00a0kr till 6\u00a0337\u00a0560\u00a0kr (med 511\u00a0140\u00a0kr); "
        "enligt reglerna för samordningsforbund får den beviljade totalen inte överskridas")


def test_ljusdal_revision(capsys):
    status, data = run_json(capsys, LJUSDAL, REVISIONS[LJUSDAL])
    assert status == 1
    assert changes(data) == [
        ("Finsam-coacher", "amounts.2022", "943403", "1100637"),
        ("Finsam-coacher", "amounts.2023", "970966", "1132794"),
        ("Finsam-coacher", "amounts.2024", "249839", "291479"),
        ("Finsam-coacher", "basis.fte", "1.5", "1.75"),
        ("Avslutskonferens", "year", 2024, 2023),
        ("Material", "line", "Material", None)]
    assert effects(data) == {
        ("Finsam-coacher", "2022"): "157234", ("Finsam-coacher", "2023"): "161828", ("Finsam-coacher", "2024"): "41640",
        ("Avslutskonferens", "2023"): "5000", ("Avslutskonferens", "2024"): "-5000",
        ("Material", "2022"): "-25000", ("Material", "2023"): "-17000", ("Material", "2024"): "-5000"}
    assert data["totals"]["difference"] == {"2022": "132234", "2023": "149828", "2024": "31640", "total": "313702"}
    assert data["financing"] == []  # the förbund's amounts are stated: the revision no longer balances
    assert [(f["code"], f["severity"]) for f in data["findings"]] == [
        ("diff.total_grows", "error"), ("diff.category_moved", "error"), ("diff.unbalanced", "warning")]


def test_gemensam_kraft_revision_keeps_the_rules(capsys):
    status, data = run_json(capsys, GK, REVISIONS[GK])
    assert status == 0 and data["findings"] == []
    assert changes(data) == [
        ("Projektledning Osby kommun", "fte", "0.1", "0.2"),
        ("Utvärdering", "amounts.2024", "30000", None),
        ("Utvärdering", "amounts.2026", "30000", "60000"),
        ("Östra Göinge 15 platser", "line", "Östra Göinge 15 platser", None)]
    assert effects(data) == {
        ("Projektledning Osby kommun", "2024"): "87600", ("Projektledning Osby kommun", "2025"): "87600",
        ("Projektledning Osby kommun", "2026"): "21900",
        ("Utvärdering", "2024"): "-30000", ("Utvärdering", "2026"): "30000",
        ("Östra Göinge 15 platser", "2023"): "-490000", ("Östra Göinge 15 platser", "2024"): "-650000",
        ("Östra Göinge 15 platser", "2025"): "-650000", ("Östra Göinge 15 platser", "2026"): "-165000"}
    assert data["totals"]["difference"] == {"2023": "-490000", "2024": "-592400", "2025": "-562400",
                                            "2026": "-113100", "total": "-1757900"}
    assert [(c["category"], c["year"], c["difference"]) for c in data["categories"]] == [
        ("Platser", "2023", "-490000"), ("Platser", "2024", "-650000"), ("Platser", "2025", "-650000"),
        ("Platser", "2026", "-165000"), ("Projektledning", "2024", "87600"), ("Projektledning", "2025", "87600"),
        ("Projektledning", "2026", "21900"), ("Övrigt", "2024", "-30000"), ("Övrigt", "2026", "30000")]


def test_the_text_shows_old_and_new_values_as_a_reader_writes_them(capsys):
    status, out, _ = cli(capsys, "diff", OKA, REVISIONS[OKA])
    lines = out.splitlines()
    assert status == 1 and lines[0] == "Öka innanförskapet – fler i arbete"
    assert "EVI-coacher                           fte                150\u00a0%  175\u00a0%" in lines
    assert "Övriga uppstartskostnader             (raden borttagen)  –      –" in lines
    assert ("EVI-coacher                      +47\u00a0215  +167\u00a0418  +172\u00a0956  +133\u00a0551  +521\u00a0140"
            in lines)
    status, out, _ = cli(capsys, "diff", OKA, REVISIONS[OKA], "--lang", "en")
    assert "EVI-coacher                           fte             150%    175%" in out.splitlines()


def test_arvsfonden_never_moves_money_to_an_earlier_year(capsys):
    status, data = run_json(capsys, LJUSDAL, REVISIONS[LJUSDAL], "--profile", "arvsfonden")
    assert status == 1 and data["profile"] == "arvsfonden"
    moved = [f for f in data["findings"] if f["code"] == "diff.line_moved_earlier"]
    assert [(f["message"], f["path"]) for f in moved] == [
        ("Avslutskonferens: 2023 ökar med 5\u00a0000\u00a0kr medan det senare 2024 minskar med 5\u00a0000\u00a0kr: "
         "pengar flyttas till ett tidigare år, vilket reglerna för arvsfonden inte tillåter", "lines[4]")]
    assert moved[0]["line"] is not None
    # Öka moves its equipment to a later year: allowed
    status, data = run_json(capsys, OKA, REVISIONS[OKA], "--profile", "arvsfonden")
    assert "diff.line_moved_earlier" not in [f["code"] for f in data["findings"]]


def test_rules_of_your_own_and_no_rules(tmp_path, capsys):
    rules = tmp_path / "regler.yaml"
    rules.write_text("mitt_forbund:\n  match: [västerbergslagen]\n  within_year_only: true\n", encoding="utf-8")
    status, data = run_json(capsys, OKA, REVISIONS[OKA], "--rules", rules)
    assert status == 1 and data["profile"] == "mitt_forbund"
    assert [f["code"] for f in data["findings"]] == ["diff.between_years"] * 4
    status, data = run_json(capsys, OKA, REVISIONS[OKA], "--profile", "none")
    assert status == 0 and data["profile"] is None and data["findings"] == []
    rules.write_text("mitt:\n  total_may_not_gro: true\n", encoding="utf-8")
    status, _, err = cli(capsys, "diff", OKA, REVISIONS[OKA], "--rules", rules)
    assert status == 2
    assert err.strip() == f"{rules}:2: mitt.total_may_not_gro: okänd nyckel (menade du 'total_may_not_grow'?)"
    status, _, err = cli(capsys, "diff", OKA, REVISIONS[OKA], "--profile", "arvsfond")
    assert status == 2 and err.strip() == ("okänd regelprofil 'arvsfond' (menade du 'arvsfonden'?); kända: "
                                           "samordningsforbund, arvsfonden, none")


def test_a_renamed_line_is_a_rename_with_no_effect(tmp_path):
    text = OKA.read_text(encoding="utf-8").replace("  - name: Resor\n", "  - name: Resor och milersättning\n")
    renamed = grantcalc.loads(text, name="renamed.yaml")
    result = grantcalc.load(OKA).diff(renamed)
    assert [(c.line, c.field, c.old, c.new, c.kind) for c in result.changes] == [
        ("Resor och milersättning", "name", "Resor", "Resor och milersättning", "renamed")]
    assert result.effects == [] and result.ok()


def test_an_added_line_and_a_changed_raise(tmp_path):
    text = OKA.read_text(encoding="utf-8")
    text = text.replace("      rate: 3,3 %\n", "      rate: 4 %\n", 1).replace(
        "financing:\n", "  - {name: Utvärdering, kind: one_off, category: Utvärdering, amount: 40000, year: 2027}\n\n"
        "financing:\n", 1)
    result = diff(grantcalc.load(OKA), grantcalc.loads(text, name="new.yaml"), profile="none")
    shown = result.report(width=120)
    assert [(c.line, c.field, c.kind) for c in result.changes] == [
        ("Processledare/samordnare", "annual_raise.rate", "changed"), ("Utvärdering", "line", "added")]
    assert "Processledare/samordnare  annual_raise.rate  3,3\u00a0%  4\u00a0%" in shown
    assert "Utvärdering               (ny rad)           –      one_off, Utvärdering" in shown
    assert shown.splitlines()[-1] == "Inga anmärkningar; revisionen har inte prövats mot någon finansiärs regler."
    # the raise changes no amount (the salaries are stated per year); the new line adds 40 000 in 2027
    assert [(e.line, e.year, e.difference) for e in result.effects] == [("Utvärdering", 2027, Decimal(40000))]


def test_two_revisions_with_different_periods(tmp_path, capsys):
    longer = tmp_path / "longer.yaml"
    longer.write_text(OKA.read_text(encoding="utf-8").replace("  end: 2027-09-14", "  end: 2028-03-14"),
                      encoding="utf-8")
    status, data = run_json(capsys, OKA, longer, "--profile", "none")
    assert status == 0 and data["years"] == ["2024", "2025", "2026", "2027", "2028"]
    [finding] = data["findings"]
    assert finding["code"] == "diff.period_changed" and finding["severity"] == "warning" and finding["line"] == 17
    assert finding["message"] == ("perioden har ändrats, 2024-09-15 – 2027-09-14 → 2024-09-15 – 2028-03-14: "
                                  "budgetåren jämförs år för år")
    assert ("period.end", "2027-09-14", "2028-03-14") in [(c[1], c[2], c[3]) for c in changes(data)]
    # 2028: 46 700 kr (45 200 kr + 3,3 %, to hundreds) × 1,42 × 2,5 mån (1 January – 14 March), rounded down
    assert effects(data)[("Processledare/samordnare", "2028")] == "165785"


# --- two git revisions of one file ----------------------------------------------------------------------

def _git(folder: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=folder, check=True, capture_output=True, timeout=60,
                   env={"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "t",
                        "GIT_COMMITTER_EMAIL": "t@example.org", "HOME": str(folder), "PATH": "/usr/bin:/bin"})


@pytest.fixture
def repository(tmp_path) -> Path:
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    folder = tmp_path / "repo"
    folder.mkdir()
    _git(folder, "init", "-q")
    budget = folder / "budget.yaml"
    shutil.copy(OKA, budget)
    _git(folder, "add", "budget.yaml")
    _git(folder, "commit", "-q", "-m", "granted")
    shutil.copy(REVISIONS[OKA], budget)
    return budget


def test_a_file_against_its_git_revision(repository, capsys, monkeypatch):
    status, data = run_json(capsys, repository, "--rev", "HEAD")
    assert status == 1
    assert data["old"] == f"{repository}@HEAD" and data["new"] == str(repository)
    assert changes(data)[0] == ("EVI-coacher", "fte", "1.5", "1.75") and len(data["changes"]) == 3
    monkeypatch.chdir(repository.parent)  # a relative name, from inside the repository
    status, data = run_json(capsys, "budget.yaml", "--rev", "HEAD")
    assert status == 1 and data["old"] == "budget.yaml@HEAD"


@pytest.mark.parametrize(("rev", "message"), [
    ("HEAD~5", "revisionen 'HEAD~5' finns inte i git-förrådet"),
    ("-x", "revisionen '-x' finns inte i git-förrådet"),
    ("HEAD:budget.yaml", "revisionen 'HEAD:budget.yaml' finns inte i git-förrådet"),
])
def test_a_revision_that_does_not_exist(repository, capsys, rev, message):
    status, out, err = cli(capsys, "diff", repository, f"--rev={rev}")
    assert status == 2 and out == "" and err.strip() == f"{repository}: {message}"


def test_a_file_the_revision_does_not_have_and_a_folder_outside_git(repository, tmp_path, capsys):
    other = repository.parent / "other.yaml"
    shutil.copy(OKA, other)
    status, _, err = cli(capsys, "diff", other, "--rev", "HEAD")
    assert status == 2 and err.strip() == f"{other}: filen finns inte i revisionen HEAD"
    outside = tmp_path / "outside"
    outside.mkdir()
    lonely = outside / "budget.yaml"
    shutil.copy(OKA, lonely)
    status, _, err = cli(capsys, "diff", lonely, "--rev", "HEAD~1")
    assert status == 2 and err.strip() == (
        f"{lonely}: filen ligger inte i ett git-förråd, så --rev HEAD~1 går inte; jämför två filer: "
        "grantcalc diff GAMMAL NY")


def test_usage(capsys):
    status, _, err = cli(capsys, "diff", OKA)
    assert status == 2 and "ange två budgetfiler att jämföra" in err
    status, _, err = cli(capsys, "diff", OKA, REVISIONS[OKA], "--rev", "HEAD")
    assert status == 2 and "inte båda" in err
    status, _, err = cli(capsys, "diff", OKA, DATA / "missing.yaml")
    assert status == 2 and err.strip() == f"{DATA / 'missing.yaml'}: filen finns inte"


def test_the_api_from_a_budget():
    result = grantcalc.load(GK).diff(grantcalc.load(REVISIONS[GK]))
    assert result.new.total - result.old.total == Decimal(-1757900)
    assert result.to_dict("en")["totals"]["difference"]["total"] == "-1757900"
    assert repr(result).splitlines()[0] == "Gemensam kraft Skåne Nordost"
