"""Funder profiles (grantcalc.profiles) and their rules in ``grantcalc check``: ESF+, Allmänna arvsfonden,
a samordningsförbund (Finsam) and AMIF. Each profile's example passes ``check --strict``; a variant that
breaks a rule gets that rule's finding, through the command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import grantcalc
from grantcalc.errors import BudgetError
from grantcalc.profiles import PROFILES, profile, profile_of, profiles

from .conftest import EXAMPLES
from .helpers import cli

NB = "\u00a0"
ESF = EXAMPLES / "esf-plus.yaml"
ARVSFONDEN = EXAMPLES / "arvsfonden.yaml"


def variant(tmp_path: Path, example: Path, old: str, new: str) -> Path:
    text = example.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path = tmp_path / example.name
    path.write_text(text.replace(old, new), encoding="utf-8")
    return path


def checked(capsys, path: Path, *options: str) -> tuple[int, list[dict]]:
    status, out, _ = cli(capsys, "check", path, "--format", "json", *options)
    return status, json.loads(out)["findings"]


# --- the shipped profiles ---------------------------------------------------------------------------

def test_every_profile_is_shipped_as_data():
    assert list(profiles()) == list(PROFILES) == ["esf-plus", "arvsfonden", "samordningsforbund", "amif"]
    esf = profile("esf-plus").rules
    assert (esf.staff_hourly, esf.hours_per_year, esf.flat_rates, esf.all_other_costs, esf.max_months) == (
        True, "eu-timmar", ("eu-schablon-indirekta", "eu-schablon-ovriga"), "eu-schablon-ovriga", 36)
    arvsfonden = profile("arvsfonden").rules
    assert (arvsfonden.budget_years, arvsfonden.max_years, arvsfonden.revision) == ("project", 3, "arvsfonden")
    assert profile("amif").rules.flat_rates == ("eu-schablon-ovriga",)
    assert profile("samordningsforbund").rules.ceiling


def test_a_profile_key_no_rule_has_is_refused():
    from grantcalc.profiles import _built

    with pytest.raises(ValueError, match="unknown keys"):
        _built({"match": ["x"], "rules": {"max_month": 36}}, "x")


def test_every_flat_rate_and_hours_a_profile_names_is_a_shipped_rate():
    from grantcalc import rates

    for found in profiles().values():
        for name in (*found.rules.flat_rates, found.rules.hours_per_year, found.rules.all_other_costs):
            assert name is None or name in rates.shipped()


@pytest.mark.parametrize(("funder", "expected"), [
    ("Svenska ESF-rådet", "esf-plus"),
    ("Europeiska socialfonden+", "esf-plus"),
    ("Allmänna arvsfonden", "arvsfonden"),
    ("Samordningsförbund Gävleborg", "samordningsforbund"),
    ("Migrationsverket (AMIF)", "amif"),
    ("Kulturrådet", None),
])
def test_the_profile_follows_the_funders_name(funder, expected):
    budget = grantcalc.loads(f"""
project: {{name: T, funder: "{funder}"}}
period: {{start: 2026-01-01, end: 2026-12-31}}
lines: [{{name: A, kind: one_off, category: other, amount: 1, year: 2026}}]
""")
    assert profile_of(budget) == expected


def test_the_reference_examples_are_samordningsforbund_budgets_and_keep_their_findings():
    for name in ("ljusdal-hallbart-arbetsliv", "oka-innanforskapet", "gemensam-kraft"):
        budget = grantcalc.load(EXAMPLES / f"{name}.yaml")
        assert profile_of(budget) == "samordningsforbund"
        assert not [p for p in budget.check().findings if p.code.startswith("profile.")]


def test_profile_none_turns_the_rules_off_and_an_unknown_profile_is_an_error(tmp_path):
    path = variant(tmp_path, ESF, "profile: esf-plus", "profile: none")
    assert profile_of(grantcalc.load(path)) is None
    path = variant(tmp_path, ESF, "profile: esf-plus", "profile: esf")
    with pytest.raises(BudgetError) as info:
        grantcalc.load(path)
    assert [(p.code, p.path) for p in info.value.problems] == [("invalid.literal_error", ("project", "profile"))]


# --- each profile's example passes check --strict -------------------------------------------------------

@pytest.mark.parametrize("example", [ESF, ARVSFONDEN])
def test_each_profiles_example_passes_check_strict(capsys, example):
    status, findings = checked(capsys, example, "--strict")
    assert (status, findings) == (0, [])


def test_the_esf_example_meets_the_calls_co_financing_exactly():
    c = grantcalc.load(ESF).compute()
    fin = c.financing
    assert (c.total, fin.applied_amount) == (6724500, 3631230)
    assert fin.total - fin.applied_amount == 3093270 == c.total * 46 / 100


# --- a variant that breaks each rule ----------------------------------------------------------------------

def test_co_financing_of_45_percent_where_46_is_required(capsys, tmp_path):
    path = variant(tmp_path, ESF, "    share: 46 %", "    share: 45 %")
    status, findings = checked(capsys, path)
    assert status == 1
    assert [(f["code"], f["severity"], f["path"], f["line"]) for f in findings] == [
        ("profile.co_financing", "error", "financing[0]", 56)]
    assert findings[0]["message"] == (
        f"ESF+ (Svenska ESF-rådet): medfinansieringen är 45{NB}% av kostnaderna (3{NB}026{NB}025{NB}kr av "
        f"6{NB}724{NB}500{NB}kr); utlysningen kräver 46{NB}% (3{NB}093{NB}270{NB}kr), som varken får överstigas "
        "eller understigas")


def test_co_financing_above_the_share_is_as_wrong_as_below_it(capsys, tmp_path):
    path = variant(tmp_path, ESF, "    share: 46 %", "    share: 47 %")
    status, findings = checked(capsys, path)
    assert status == 1 and [f["code"] for f in findings] == ["profile.co_financing"]


def test_a_calls_tolerance_lets_a_share_near_the_required_one_pass(capsys, tmp_path):
    path = variant(tmp_path, ESF, "    co_financing: 46 %", "    co_financing: 46 %\n    co_financing_tolerance: 1 %")
    text = path.read_text(encoding="utf-8").replace("    share: 46 %", "    share: 45,5 %")
    path.write_text(text, encoding="utf-8")
    assert checked(capsys, path, "--strict") == (0, [])


def test_an_esf_budget_without_the_calls_share_is_told_to_give_it(capsys, tmp_path):
    path = variant(tmp_path, ESF, "    co_financing: 46 %\n", "")
    status, findings = checked(capsys, path, "--strict")
    assert status == 1 and [(f["code"], f["severity"]) for f in findings] == [
        ("profile.co_financing_missing", "warning")]


def test_37_months_where_36_are_allowed(capsys, tmp_path):
    path = variant(tmp_path, ESF, "  end: 2029-12-31", "  end: 2030-01-31")
    status, findings = checked(capsys, path)
    assert status == 1
    assert [(f["code"], f["path"], f["line"]) for f in findings] == [("profile.max_months", "period.end", 23)]
    assert findings[0]["message"].startswith("ESF+ (Svenska ESF-rådet): projektet är 37 månader; högst 36 får det vara")


def test_a_call_may_set_a_shorter_duration(capsys, tmp_path):
    path = variant(tmp_path, ESF, "    co_financing: 46 %", "    co_financing: 46 %\n    max_months: 24")
    status, findings = checked(capsys, path)
    assert status == 1 and findings[0]["message"] == (
        "ESF+ (Svenska ESF-rådet): projektet är 36 månader; högst 24 får det vara (utlysningens längsta tid, "
        "project.call.max_months)")


def test_four_arvsfonden_years(capsys, tmp_path):
    path = variant(tmp_path, ARVSFONDEN, "  end: 2029-12-31", "  end: 2030-12-31")
    status, findings = checked(capsys, path)
    assert status == 1
    assert [(f["code"], f["path"], f["line"]) for f in findings] == [("profile.max_years", "period.end", 20)]
    assert findings[0]["message"] == (
        "Allmänna arvsfonden: projektet har 4 projektår; stöd ges i högst 3 år (Kammarkollegiet: ett projekt kan få "
        "stöd från Arvsfonden under högst tre år)")


def test_arvsfonden_budgets_per_project_year(capsys, tmp_path):
    path = tmp_path / "b.yaml"
    path.write_text("project: {name: T, funder: Allmänna arvsfonden}\nperiod: {start: 2027-01-01, end: 2028-12-31}\n"
                    "lines: [{name: A, kind: recurring, category: other, amount: 1000, per: month}]\n",
                    encoding="utf-8")
    status, findings = checked(capsys, path)
    assert status == 1 and [(f["code"], f["path"]) for f in findings] == [("profile.project_years", "period")]


ESF_BUDGET = """\
project:
  name: T
  funder: Svenska ESF-rådet
  call: {{co_financing: 0 %}}
period: {{start: 2027-01-01, end: 2027-12-31}}
lines:
  - {{name: Coach, kind: salary, category: staff, monthly_salary: 30000, on_cost: 1.3142, {staff}}}
{lines}
"""


@pytest.mark.parametrize(("staff", "lines", "codes"), [
    ("hours: 1720", "", []),
    ("fte: 100 %", "", [("profile.not_hourly", "lines[0]")]),
    ("hours: 1800, hours_per_year: 1800", "", [("profile.hours_per_year", "lines[0].hours_per_year")]),
    ("hours: 1720, hourly_rate: 200", "", [("profile.hourly_rate", "lines[0].hourly_rate")]),
    ("hours: 1720", "  - {name: Indirekt, kind: percentage, category: indirect, rate: 20 %, of: {categories: [staff]}}",
     [("profile.flat_rate", "lines[1].rate")]),
    ("hours: 1720", "  - {name: Indirekt, kind: percentage, category: indirect, rate: 15 %}\n"
                    "  - {name: Resor, kind: recurring, category: travel, amount: 1000, per: month}",
     [("profile.flat_rate_base", "lines[1].of")]),
    ("hours: 1720", "  - {name: Övrigt, kind: percentage, category: other, rate: 40 %, of: {categories: [staff]}}\n"
                    "  - {name: Resor, kind: recurring, category: travel, amount: 1000, per: month}",
     [("profile.flat_rate_other_costs", "lines[2]")]),
    ("hours: 1720", "  - {name: Övrigt, kind: percentage, category: other, rate: 40 %, of: {categories: [staff]}}\n"
                    "  - {name: Indirekt, kind: percentage, category: indirect, rate: 15 %, of: {categories: [staff]}}",
     [("profile.flat_rates_combined", "lines[2]")]),
    ("hours: 1720", "  - {name: Övrigt, kind: percentage, category: other, rate: 40 %, of: {categories: [staff]}}",
     []),
])
def test_the_esf_rules_of_staff_and_flat_rates(capsys, tmp_path, staff, lines, codes):
    path = tmp_path / "esf.yaml"
    path.write_text(ESF_BUDGET.format(staff=staff, lines=lines), encoding="utf-8")
    _, findings = checked(capsys, path)
    assert [(f["code"], f["path"]) for f in findings] == codes


def test_the_esf_flat_rate_for_other_costs_explains_itself(capsys, tmp_path):
    path = tmp_path / "esf.yaml"
    path.write_text(ESF_BUDGET.format(staff="hours: 1720", lines=(
        "  - {name: Övrigt, kind: percentage, category: other, rate: 40 %, of: {categories: [staff]}}\n"
        "  - {name: Resor, kind: recurring, category: travel, amount: 1000, per: month}")), encoding="utf-8")
    [finding] = checked(capsys, path)[1]
    assert finding["message"] == (
        f"Resor: med schablonen Övrigt (40{NB}% av personalkostnaderna, (EU) 2021/1060 art. 56) täcks alla andra "
        "kostnader än personalen: ta bort raden")


def test_amif_allows_staff_and_40_percent_for_everything_else(capsys, tmp_path):
    text = ESF_BUDGET.format(staff="fte: 100 %", lines=(
        "  - {name: Övrigt, kind: percentage, category: other, rate: 40 %, of: {categories: [staff]}}")).replace(
        "Svenska ESF-rådet", "Migrationsverket, AMIF").replace("  call: {co_financing: 0 %}\n", "")
    path = tmp_path / "amif.yaml"
    path.write_text(text, encoding="utf-8")
    assert checked(capsys, path, "--strict") == (0, [])
    path.write_text(text.replace("rate: 40 %", "rate: 15 %"), encoding="utf-8")
    assert [f["code"] for f in checked(capsys, path)[1]] == ["profile.flat_rate"]
    path.write_text(text + "  - {name: Resor, kind: recurring, category: travel, amount: 1000, per: month}\n",
                    encoding="utf-8")
    assert [f["code"] for f in checked(capsys, path)[1]] == ["profile.flat_rate_other_costs"]


def test_a_samordningsforbunds_granted_amount_is_a_ceiling(capsys, tmp_path):
    ljusdal = EXAMPLES / "ljusdal-hallbart-arbetsliv.yaml"
    path = variant(tmp_path, ljusdal, "  funder: Samordningsförbund Gävleborg\n",
                   "  funder: Samordningsförbund Gävleborg\n  call: {ceiling: 2400000, ceiling_per_year: 1100000}\n")
    status, findings = checked(capsys, path)
    assert status == 1
    codes = [(f["code"], f["message"]) for f in findings if f["code"].startswith("profile.")]
    assert codes == [
        ("profile.ceiling", f"samordningsförbund (Finsam): sökt belopp 2{NB}480{NB}208{NB}kr är 80{NB}208{NB}kr mer "
                            f"än det beviljade 2{NB}400{NB}000{NB}kr"),
        ("profile.ceiling_year", f"samordningsförbund (Finsam): 2022 söks 1{NB}111{NB}403{NB}kr, 11{NB}403{NB}kr mer "
                                 f"än det beviljade per år 1{NB}100{NB}000{NB}kr")]
