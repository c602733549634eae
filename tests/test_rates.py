"""Rates as dated data (grantcalc.rates): the shipped values with their sources, ``grantcalc rates``, an
on-cost factor named by a rate (resolved exactly, cited in the formula), a budget's own rate file, and
what ``check`` says about rates (past their verified year; a literal factor far from its year's PO)."""

from __future__ import annotations

import json
import textwrap
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

import grantcalc
from grantcalc import rates
from grantcalc.budget.lines import RatePreset, SalaryLine
from grantcalc.errors import BudgetError, GrantcalcError

from .conftest import EXAMPLES
from .helpers import cli

NB = "\u00a0"
ARVSFONDEN = EXAMPLES / "arvsfonden.yaml"
ESF = EXAMPLES / "esf-plus.yaml"
SOURCE = "SFS 2000:980 2 kap. 26 §; SFS 1994:1920 3 §"


def budget_text(start: str, end: str, on_cost: str, *, project: str = "", extra_lines: str = "") -> str:
    """A one-line budget (its on_cost on line 13); ``project``: a line under project (line 4)."""
    return (f"project:\n  name: Test\n  funder: Samordningsförbund Test\n{project or '  applicant: Test'}\n"
            f"period:\n  start: {start}\n  end: {end}\nlines:\n"
            f"  - name: Coach\n    kind: salary\n    category: staff\n    monthly_salary: 35000\n"
            f"    on_cost: {on_cost}\n{extra_lines}")


def write(tmp_path: Path, text: str, name: str = "budget.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


# --- the shipped rates ------------------------------------------------------------------------------

def test_every_shipped_value_has_a_source_and_days_and_is_verified_or_said_to_be_given():
    table = rates.shipped()
    assert table.names() == [
        "arbetsgivaravgift", "arbetsgivaravgift-aldre", "arbetsgivaravgift-unga", "po-palagg-kommun",
        "po-palagg-region", "eu-timmar", "eu-schablon-indirekta", "eu-schablon-ovriga",
        "tillvaxtverket-upprakning", "avtalsvarde-industrin", "finsam-staten", "finsam-region", "finsam-kommuner"]
    given = set()
    for name, rate in table.rates.items():
        for value in rate.values:
            assert value.source.title and value.start
            if value.verified is None:
                given.add(name)
                assert value.given
            else:
                assert value.verified == date(2026, 12, 1)
    assert given == {"eu-schablon-ovriga"}  # 40 %: the article's own text with the figure was not found


@pytest.mark.parametrize("family", rates.FAMILIES)
def test_every_shipped_file_is_valid_and_read_at_start_up_as_the_schema_reads_it(family):
    from grantcalc.rates.read import parse_rates, trusted_rates

    text = (Path(rates.__file__).parent / "data" / f"{family}.yaml").read_bytes()
    assert trusted_rates(text, family) == parse_rates(text, family)


@pytest.mark.parametrize(("name", "day", "value"), [
    ("arbetsgivaravgift", date(2024, 6, 1), "0.3142"),
    ("arbetsgivaravgift", date(2025, 6, 1), "0.3142"),
    ("arbetsgivaravgift", date(2026, 6, 1), "0.3142"),
    ("arbetsgivaravgift-aldre", date(2026, 1, 1), "0.1021"),
    ("arbetsgivaravgift-unga", date(2026, 4, 1), "0.2081"),
    ("arbetsgivaravgift-unga", date(2027, 9, 30), "0.2081"),
    ("po-palagg-kommun", date(2021, 1, 1), "0.4015"),
    ("po-palagg-region", date(2019, 1, 1), "0.4645"),
    ("eu-timmar", date(2027, 1, 1), "1720"),
    ("eu-schablon-indirekta", date(2027, 1, 1), "0.15"),
    ("eu-schablon-ovriga", date(2027, 1, 1), "0.40"),
    ("tillvaxtverket-upprakning", date(2026, 1, 1), "0.024"),
    ("avtalsvarde-industrin", date(2025, 4, 1), "0.034"),
    ("avtalsvarde-industrin", date(2026, 4, 1), "0.030"),
    ("finsam-staten", date(2026, 1, 1), "0.5"),
])
def test_shipped_values_are_exact(name, day, value):
    found = rates.shipped().get(name).value_on(day)
    assert found is not None and found.value == Decimal(value)


def test_no_value_outside_its_days():
    table = rates.shipped()
    assert table.get("arbetsgivaravgift-unga").value_on(date(2026, 3, 31)) is None
    assert table.get("arbetsgivaravgift-unga").value_on(date(2027, 10, 1)) is None
    assert table.get("po-palagg-kommun").value_on(date(2023, 6, 1)) is None  # not found: not shipped


def test_grantcalc_rates_lists_every_rate_with_its_source_and_dates(capsys):
    status, out, err = cli(capsys, "rates")
    assert (status, err) == (0, "")
    for name, rate in rates.shipped().rates.items():
        assert f"\n{name} – " in out
        for value in rate.values:
            assert value.source.title in out
            assert value.start.isoformat() in out
    assert f"31,42{NB}%  2026-01-01 – 2026-12-31  kontrollerad 2026-12-01" in out
    assert f"20,81{NB}%  2026-04-01 – 2027-09-30  kontrollerad 2026-12-01" in out
    assert "1\u00a0720\u00a0tim  2021-07-01 – " in out
    assert f"40{NB}%  2021-07-01 –   uppgiven av svenska projekthandböcker för EU-projekt" in out
    # what is not shipped, and where to find it
    tail = out[out.index("Finns inte med"):]
    assert "po-palagg-kommun – PO-pålägg, kommuner: 2016–2018, 2020, 2022 och senare" in tail
    assert "https://skr.se/skr/ekonomijuridik/ekonomi/budgetochplanering/arbetsgivaravgifterochpopalagg.1290.html" \
        in tail
    assert "lonekostnadspalagg-staten – statens lönekostnadspålägg (LKP)" in tail


def test_grantcalc_rates_one_rate_in_english_with_where_else_it_was_read(capsys):
    status, out, _ = cli(capsys, "rates", "arbetsgivaravgift-unga", "--lang", "en")
    assert status == 0
    assert out.splitlines()[2] == (
        "arbetsgivaravgift-unga – employer's social fees, young employees (those who at the start of the year "
        "are 18 but not 23, on pay up to SEK 25,000 a calendar month)")
    assert "20.81%  2026-04-01 – 2027-09-30  checked 2026-12-01" in out
    assert "also read: SFS 2026:100 2 §" in out


def test_grantcalc_rates_for_a_year_says_what_a_budget_would_take(capsys):
    status, out, _ = cli(capsys, "rates", "arbetsgivaravgift", "--year", "2027")
    assert status == 0
    assert "inget värde känt för 2027 (senast för 2026); en budget tar det senaste:" in out
    assert f"31,42{NB}%  2026-01-01 – 2026-12-31" in out
    status, out, _ = cli(capsys, "rates", "arbetsgivaravgift", "--year", "2025")
    assert f"31,42{NB}%  2025-01-01 – 2025-12-31" in out and "2024-01-01" not in out


def test_grantcalc_rates_json_is_exact(capsys):
    status, out, _ = cli(capsys, "rates", "arbetsgivaravgift", "--format", "json")
    assert status == 0
    data = json.loads(out)
    [rate] = data["rates"]
    assert rate["name"] == "arbetsgivaravgift" and rate["kind"] == "employer_fee"
    assert [(v["value"], v["from"], v["to"], v["verified"]) for v in rate["values"]] == [
        ("0.3142", "2024-01-01", "2024-12-31", "2026-12-01"), ("0.3142", "2025-01-01", "2025-12-31", "2026-12-01"),
        ("0.3142", "2026-01-01", "2026-12-31", "2026-12-01")]
    assert data["missing"] == []


def test_an_unknown_rate_name_suggests_the_closest(capsys):
    status, out, err = cli(capsys, "rates", "arbetsgivaravgif")
    assert (status, out) == (2, "")
    assert "ingen sats heter 'arbetsgivaravgif' (menade du 'arbetsgivaravgift'?)" in err


# --- a factor named by a rate -------------------------------------------------------------------------

def test_a_preset_factor_resolves_exactly_and_the_formula_cites_rate_and_source(tmp_path):
    path = write(tmp_path, budget_text("2026-01-01", "2026-12-31", "{rate: arbetsgivaravgift, year: 2026}"))
    budget = grantcalc.load(path)
    line = budget.lines[0]
    assert isinstance(line, SalaryLine) and isinstance(line.on_cost, RatePreset)
    factor, use = line.on_cost_of(budget.years[0])
    assert factor == Decimal("1.3142") and use is not None and use.value.verified == date(2026, 12, 1)
    c = budget.compute()
    cell = c.cell("Coach", 2026)
    assert cell.amount == Decimal(551964) and cell.exact == 551964  # 35 000 × 1,3142 × 12, exactly
    assert cell.formula_text() == (
        f"35{NB}000{NB}kr × 1,3142 (arbetsgivaravgift 2026: 31,42{NB}%, {SOURCE}) × 12{NB}mån = 551{NB}964{NB}kr")
    assert cell.formula_text("en") == (
        f"SEK{NB}35,000 × 1.3142 (employer's social fees 2026: 31.42%, {SOURCE}) × 12{NB}months = SEK{NB}551,964")
    assert budget.check().findings == []


def test_the_arvsfonden_example_uses_presets_with_the_associations_own_addition():
    c = grantcalc.load(ARVSFONDEN).compute()
    assert c.total == Decimal(3133345)
    assert [c.year_total(k) for k in (1, 2, 3)] == [Decimal(997761), Decimal(1024184), Decimal(1111400)]
    assert c.cell("Projektledare", 1).formula_text() == (
        f"38{NB}000{NB}kr × 1,3592 (arbetsgivaravgift 2026: 31,42{NB}% + 4,5{NB}%, {SOURCE}) × 12{NB}mån = "
        f"619{NB}795{NB}kr")


def test_the_esf_example_computes_hours_times_the_unit_cost_with_the_fee():
    c = grantcalc.load(ESF).compute()
    assert c.cell("Projektledare", 2027).amount == Decimal(662357)  # 1 720 h × 42 000 × 12 / 1 720 × 1,3142
    assert c.cell("Projektledare", 2027).formula_text().startswith(
        f"1{NB}720{NB}tim × 293,02{NB}kr/tim × 1,3142 (arbetsgivaravgift 2026: 31,42{NB}%, ")
    assert c.total == Decimal(6724500)


def test_without_a_year_each_budget_year_takes_its_own_and_a_year_past_the_verified_ones_warns(tmp_path):
    path = write(tmp_path, budget_text("2026-01-01", "2027-12-31", "{rate: arbetsgivaravgift}"))
    result = grantcalc.load(path).check()
    [finding] = result.findings
    assert (finding.code, finding.path, finding.line) == ("rates.beyond_verified", ("lines", 0, "on_cost"), 13)
    assert finding.message() == (
        f"Coach, 2027: arbetsgivaravgift har inget känt värde för 2027 (senast för 2026); det senaste, 31,42{NB}% "
        "från 2026-01-01, används. Ange värdet för året i en egen satsfil (project.rates) eller ett år med känt "
        "värde (year:)")
    # the formula says which year's value it took
    assert "(arbetsgivaravgift 2026: 31,42" in result.computation.cell("Coach", 2027).formula_text()
    assert not result.ok(strict=True) and result.ok()


def test_the_young_rate_holds_from_april_2026_to_september_2027(tmp_path):
    path = write(tmp_path, budget_text("2026-01-01", "2028-12-31", "{rate: arbetsgivaravgift-unga}"))
    result = grantcalc.load(path).check()
    c = result.computation
    assert [c.cell("Coach", y).amount for y in (2026, 2027, 2028)] == [Decimal(507402)] * 3  # 35 000 × 1,2081 × 12
    assert [(p.code, p.params["asked"]) for p in result.findings] == [("rates.beyond_verified", "2028")]


def test_a_preset_with_plus_adds_exactly(tmp_path):
    path = write(tmp_path, budget_text("2026-01-01", "2026-12-31", '{rate: arbetsgivaravgift, plus: "10,73 %"}'))
    c = grantcalc.load(path).compute()
    assert c.cell("Coach", 2026).exact == Decimal(35000) * Decimal("1.4215") * 12


@pytest.mark.parametrize(("on_cost", "code", "path", "message"), [
    ("{rate: arbetsgivaravgif}", "rates.unknown", ("lines", 0, "on_cost", "rate"),
     "okänd sats 'arbetsgivaravgif' (menade du 'arbetsgivaravgift'?); påslag som finns: arbetsgivaravgift, "
     "arbetsgivaravgift-aldre, arbetsgivaravgift-unga, po-palagg-kommun, po-palagg-region"),
    ("{rate: eu-timmar}", "rates.not_on_cost", ("lines", 0, "on_cost", "rate"),
     "satsen 'eu-timmar' är av slaget hours och kan inte vara ett påslag på lönen: använd en arbetsgivaravgift "
     "eller ett PO-pålägg (grantcalc rates)"),
    ("{rate: arbetsgivaravgift-unga, year: 2025}", "rates.before_first", ("lines", 0, "on_cost", "year"),
     "satsen 'arbetsgivaravgift-unga' har inget värde för 2025: det första gäller från 2026-04-01"),
    ("{rate: arbetsgivaravgift, yr: 2026}", "invalid.extra_forbidden", ("lines", 0, "on_cost", "yr"),
     "okänd nyckel (menade du 'year'?)"),
])
def test_a_reference_that_cannot_be_resolved_is_a_located_error(tmp_path, on_cost, code, path, message):
    file = write(tmp_path, budget_text("2026-01-01", "2026-12-31", on_cost))
    with pytest.raises(BudgetError) as info:
        grantcalc.load(file)
    [problem] = info.value.problems
    assert (problem.code, problem.path, problem.line, problem.file) == (code, path, 13, str(file))
    assert problem.message() == message


def test_a_literal_factor_keeps_its_path_in_errors(tmp_path):
    file = write(tmp_path, budget_text("2026-01-01", "2026-12-31", "0.5"))
    with pytest.raises(BudgetError) as info:
        grantcalc.load(file)
    assert [(p.code, p.path) for p in info.value.problems] == [("invalid.on_cost_below_one", ("lines", 0, "on_cost"))]


def test_a_budget_with_presets_is_written_back_with_them(tmp_path):
    preset = '{rate: arbetsgivaravgift, year: 2026, plus: "5 %"}'
    file = write(tmp_path, budget_text("2026-01-01", "2026-12-31", preset))
    budget = grantcalc.load(file)
    text = budget.to_yaml()
    assert "on_cost:\n    rate: arbetsgivaravgift\n    year: 2026\n    plus: 0.05\n" in text
    again = grantcalc.loads(text)
    assert again.model_dump() == budget.model_dump()
    assert again.compute().total == budget.compute().total == Decimal(572964)


def test_a_preset_built_alone_with_an_unknown_name_is_told_not_a_traceback():
    from grantcalc.periods import BudgetYear, YearScheme

    year = BudgetYear(2026, YearScheme.calendar, date(2026, 1, 1), date(2026, 12, 31))
    with pytest.raises(BudgetError) as info:
        RatePreset(rate="finns-inte").use(year)
    assert [p.code for p in info.value.problems] == ["rates.unknown"]


def test_a_preset_compares_as_its_factor_for_the_plausibility_rules(tmp_path):
    preset = RatePreset(rate="arbetsgivaravgift", year=2026)
    assert preset < 3 and not preset > 3 and preset.approximate() == Decimal("1.3142")


# --- a literal factor against its year's rates of the same kind -----------------------------------------

@pytest.mark.parametrize(("on_cost", "year", "codes"), [
    ("1.30", 2021, ["rates.on_cost_differs"]),  # 30 %: far from 40,15 % and 46,15 %
    ("1.42", 2021, []),  # 42 %: within 2 points of the kommuner's 40,15 %
    ("1.48", 2021, []),  # within 2 points of the regioner's 46,15 %
    ("1.49", 2021, ["rates.on_cost_differs"]),
    ("1", 2021, []),  # a full cost already: not judged
    ("1.30", 2023, []),  # no PO-pålägg shipped for 2023: nothing to compare with
    ("1.3142", 2026, []),  # the employer's fee alone is no complete on-cost: never compared with it
])
def test_a_literal_factor_is_compared_with_the_complete_on_costs_of_its_year(tmp_path, on_cost, year, codes):
    file = write(tmp_path, budget_text(f"{year}-01-01", f"{year}-12-31", on_cost))
    assert [p.code for p in grantcalc.load(file).check().findings] == codes


def test_the_literal_factor_finding_says_what_it_was_compared_with(tmp_path):
    file = write(tmp_path, budget_text("2021-01-01", "2021-12-31", "1.30"))
    [finding] = grantcalc.load(file).check().findings
    assert finding.path == ("lines", 0, "on_cost") and finding.line == 13
    assert finding.message() == (
        f"Coach, 2021: påslaget 1,3 ligger mer än 2 procentenheter från årets PO-pålägg – PO-pålägg, kommuner "
        f"40,15{NB}% (SKR: Arbetsgivaravgifter och PO-pålägg (PO-pålägg för 2021), publicerad 29 mars 2021); "
        f"PO-pålägg, regioner 46,15{NB}% (SKR: Arbetsgivaravgifter och PO-pålägg (PO-pålägg för 2021), publicerad "
        "29 mars 2021). Jämfört med satser av samma slag (hela påslag: avgifter, försäkringar och pension), inte "
        "med arbetsgivaravgiften ensam")


def test_the_reference_examples_keep_exactly_their_findings():
    found = {name: [p.code for p in grantcalc.load(EXAMPLES / f"{name}.yaml").check().findings]
             for name in ("ljusdal-hallbart-arbetsliv", "oka-innanforskapet", "gemensam-kraft")}
    assert found == {
        "ljusdal-hallbart-arbetsliv": ["plan.costs"],
        "oka-innanforskapet": ["period.months", "raise.salary", "raise.salary", "rate.conversion",
                               "rate.conversion", "stated.formula"],
        "gemensam-kraft": []}


# --- a rate file of the budget's own ---------------------------------------------------------------------

OWN = textwrap.dedent("""\
    rates:
      arbetsgivaravgift:
        kind: employer_fee
        values:
          - value: 31,42 %
            from: 2027-01-01
            to: 2027-12-31
            source: {title: "Budgetpropositionen för 2027"}
            given: ekonomiavdelningen
      po-kommunen:
        kind: on_cost
        title: Kommunens PO-pålägg
        values:
          - value: 44,95 %
            from: 2026-01-01
            to: 2027-12-31
            source: {title: "Kommunens budgetanvisningar 2027"}
            verified: 2026-11-20
    """)


def test_a_budgets_own_rate_file_extends_and_overrides_the_shipped_ones(tmp_path, monkeypatch):
    folder = tmp_path / "insats"
    folder.mkdir()
    (folder / "satser.yaml").write_text(OWN, encoding="utf-8")
    extra = ("  - name: Handläggare\n    kind: salary\n    category: staff\n    monthly_salary: 30000\n"
             "    on_cost: {rate: po-kommunen}\n")
    file = write(folder, budget_text("2027-01-01", "2027-12-31", "{rate: arbetsgivaravgift}",
                                     project="  rates: satser.yaml", extra_lines=extra))
    monkeypatch.chdir(tmp_path)  # the rate file is found beside the budget, not in the current folder
    result = grantcalc.load(file).check()
    c = result.computation
    assert c.cell("Coach", 2027).amount == Decimal(551964)
    assert c.cell("Handläggare", 2027).amount == Decimal(521820)  # 30 000 × 1,4495 × 12
    assert "(Kommunens PO-pålägg 2027: 44,95" in c.cell("Handläggare", 2027).formula_text()
    assert "Budgetpropositionen för 2027" in c.cell("Coach", 2027).formula_text()
    assert result.findings == []  # 2027's fee is the budget's own now: not past a verified year


def test_grantcalc_rates_with_a_file_of_your_own(tmp_path, capsys):
    own = write(tmp_path, OWN, "satser.yaml")
    status, out, _ = cli(capsys, "rates", "po-kommunen", "--rates", own)
    assert status == 0
    assert f"44,95{NB}%  2026-01-01 – 2027-12-31  kontrollerad 2026-11-20" in out and f"ur {own}" in out


def test_a_missing_rate_file_is_an_error_at_project_rates(tmp_path):
    file = write(tmp_path, budget_text("2026-01-01", "2026-12-31", "{rate: arbetsgivaravgift}",
                                       project="  rates: finns-inte.yaml"))
    with pytest.raises(GrantcalcError) as info:
        grantcalc.load(file)
    [problem] = info.value.problems
    assert (problem.code, problem.path, problem.file, problem.line) == (
        "rates.file_missing", ("project", "rates"), str(file), 4)


@pytest.mark.parametrize(("text", "code", "line"), [
    ("rates:\n  x:\n    kind: on_cost\n    values:\n      - {value: 40 %, from: 2026-01-01, source: {title: a}}\n",
     "invalid.rates_unsourced", 5),
    ("rates:\n  x:\n    kind: on_cost\n    values:\n"
     "      - {value: 40 %, from: 2026-01-01, source: {title: a}, verified: 2026-01-01}\n"
     "      - {value: 41 %, from: 2026-06-01, source: {title: a}, verified: 2026-01-01}\n",
     "invalid.rates_overlap", 4),
    ("rates:\n  arbetsgivaravgift:\n    kind: on_cost\n    values:\n"
     "      - {value: 40 %, from: 2030-01-01, source: {title: a}, verified: 2026-01-01}\n",
     "rates.kind_changed", None),
    ("rates: [1, 2\n", "syntax.yaml", 2),
])
def test_an_invalid_rate_file_is_located_in_it(tmp_path, text, code, line):
    own = write(tmp_path, text, "satser.yaml")
    with pytest.raises(GrantcalcError) as info:
        rates.read_table(own)
    [problem] = info.value.problems
    assert (problem.code, problem.file) == (code, str(own))
    if line is not None:
        assert problem.line == line


def test_a_rate_value_is_never_a_float(tmp_path):
    own = write(tmp_path, "rates:\n  x:\n    kind: on_cost\n    values:\n"
                          "      - {value: 0.4015, from: 2026-01-01, source: {title: a}, verified: 2026-01-01}\n",
                "satser.yaml")
    value = rates.read_table(own).get("x").first.value
    assert type(value) is Decimal and value == Decimal("0.4015")
