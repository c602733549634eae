"""Stated figures as documents write them: year keys with their word ("År 1"), approximate
figures ("ca 4 %", "± 5 000"), a stated rate on any line, the applied amount per year and
sub-total rows. Through the public API (load, compute, check), the CLI and the schema."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

import grantcalc
from grantcalc.budget.stated import parse_stated, parse_stated_rate
from grantcalc.budget.types import year_key
from grantcalc.errors import BudgetError, Problem
from grantcalc.messages import CATALOG

from .helpers import cli

D = Decimal
NB = "\u00a0"


def plain(text: str) -> str:
    """A message with its no-break spaces as spaces."""
    return text.replace(NB, " ")


def errors(text: str) -> list[Problem]:
    """The problems of a budget text that must not load; each has a catalogue text in both languages."""
    with pytest.raises(BudgetError) as caught:
        grantcalc.loads(text, name="budget.yaml")
    found = caught.value.problems
    for p in found:
        assert p.code in CATALOG, p.code
        for lang in ("sv", "en"):
            assert "{" not in p.message(lang) and p.message(lang) != p.code, p.message(lang)
    return found


def only(found: list[Problem]) -> Problem:
    assert len(found) == 1, [p.format("en") for p in found]
    return found[0]


def by_code(result, code: str) -> list[Problem]:
    return [p for p in result.findings if p.code == code]


# --- a budget of calendar years with every new kind of statement ----------------------------------
# Coacher 50 000 × 1,42 × 200 % × 12 = 1 704 000 a year; Handledare 96 000; Resor 40 000; Lokal 100 000 in
# kind; Administration 70 000: 2 010 000 a year, 4 020 000 in all, of which the förbund (the rest)
# 1 910 000 a year. Administration's default base: Coacher + Handledare + Resor = 3 680 000 (3,804 %).

LINES = """\
project:
  name: Prov
  funder: Förbundet
period:
  start: 2024-01-01
  end: 2025-12-31
lines:
  - name: Coacher
    kind: salary
    category: Lönekostnader
    monthly_salary: 50000
    on_cost: 1.42
    fte: 200 %
    stated:
      2024: {coach_2024}
      2025: "50 000 kr × 1,42 × 200 % × 12 = ca 1 700 000 kr"
  - name: Handledare
    kind: explicit
    category: Lönekostnader
    amounts: {{2024: 96000, 2025: 96000}}
  - name: Resor
    kind: recurring
    category: Resekostnader
    amount: 40000
    per: year
  - name: Lokal
    kind: in_kind
    category: Lokalkostnader
    party: Kommunen
    amount: 100000
    per: year
  - name: Administration
    kind: explicit
    category: Övriga kostnader
    amounts: {{2024: 70000, 2025: 70000}}
    stated_rate: {rate}
financing:
  - name: Förbundet
    rest: true
  - name: Kommunen
    in_kind: true
stated:
  costs: {{2024: ca 2 000 000, total: 4 020 000}}
  applied_amount: {applied}
  subtotals:
    - name: Summa personal
      categories: [Lönekostnader]
      lines: [Coacher]
      stated: {subtotal}
"""

GOOD = {"coach_2024": "ca 1 700 000 kr/år", "rate": '"ca 4 %"',
        "applied": "{2024: 1 910 000, 2025: 1 910 000, total: 3 820 000}",
        "subtotal": "{2024: 1 800 000, 2025: 1 800 000, total: 3 600 000}"}


def budget_text(**changes: str) -> str:
    return LINES.format(**{**GOOD, **changes})


def load(**changes: str):
    return grantcalc.loads(budget_text(**changes), name="budget.yaml")


def line_of(text: str, needle: str) -> int:
    """The 1-based number of the first line of ``text`` holding ``needle``."""
    return next(i for i, line in enumerate(text.splitlines(), start=1) if needle in line)


def test_every_statement_that_agrees_passes_and_is_counted():
    result = load().check()
    assert result.findings == [] and result.ok(strict=True)
    c = result.computation
    assert (c.total, c.financing.applied_amount) == (D(4020000), D(3820000))
    # 2 line figures, the rate, 2 of the costs row, 3 of the applied row, 3 of the sub-total
    assert result.stated_compared == 11


def test_the_cli_checks_the_budget(tmp_path, capsys):
    path = tmp_path / "budget.yaml"
    path.write_text(budget_text(), encoding="utf-8")
    status, out, err = cli(capsys, "check", path)
    assert (status, err) == (0, "")
    assert "Angivna belopp jämförda med beräkningen: 11, varav 0 avviker." in out
    assert "Inga anmärkningar." in out


# --- 1. year keys as documents write them ------------------------------------------------------------

@pytest.mark.parametrize(("written", "key"), [
    ("År 1", 1), ("år 2", 2), ("ÅR 3", 3), ("Year 1", 1), ("year 2", 2), ("YEAR 4", 4), ("År1", 1),
    ("  år  2 ", 2), ("År 2022", 2022), ("år 2024/25", 2024), ("År\u00a01", 1), ("2024/2025", 2024), ("1", 1),
])
def test_a_year_key_may_carry_its_word(written, key):
    assert year_key(written) == key


@pytest.mark.parametrize("written", ["År", "år x", "Årtal 1", "years 2", "År -1", "Ar 1", "år 1,5", "Y 1"])
def test_a_year_key_with_another_word_is_no_year(written):
    from pydantic_core import PydanticCustomError

    with pytest.raises(PydanticCustomError) as caught:
        year_key(written)
    assert caught.value.type == "year_key"


PROJECT = """\
project:
  name: Projektår
  funder: Stiftelsen Prov
period:
  start: 2024-09-01
  end: 2026-08-31
  budget_years: project
  months: {{År 1: 12, år 2: 12}}
lines:
  - name: Projektledare
    kind: salary
    category: Lönekostnader
    monthly_salary: 40000
    on_cost: 1.42
    by_year:
      år 2: {{monthly_salary: 41000}}
    stated:
      År 1: "40 000 kr × 1,42 × 12 = 681 600 kr"
      år 2: {second}
      Totalt: 1 380 240
  - name: Resor
    kind: explicit
    category: Resekostnader
    amounts: {{År 1: 30000, ÅR 2: 35000}}
  - name: Dator
    kind: one_off
    category: Utrustning
    amount: 20000
    year: Year 1
financing:
  - name: Stiftelsen Prov
    amounts: {{År 1: 731600, År 2: 733640}}
    stated: {{År 1: 731 600, År 2: 733 640, total: 1 465 240}}
participants:
  planned:
    År 1: {{people: 10}}
    år 2: {{people: 12}}
stated:
  costs: {{År 1: 731 600, år 2: 733 640, total: 1 465 240}}
  applied_amount: {{År 1: 731 600, År 2: 733 640}}
"""


def test_a_budget_of_project_years_keyed_as_the_document_writes_them():
    budget = grantcalc.loads(PROJECT.format(second='"41 000 kr × 1,42 × 12 = 698 640 kr"'))
    assert [y.label() for y in budget.years] == ["År 1", "År 2"]
    assert set(budget.lines[0].stated) == {1, 2, "total"} and budget.lines[1].amounts == {1: 30000, 2: 35000}
    assert budget.lines[2].year == 1 and budget.period.months == {1: 12, 2: 12}
    assert set(budget.participants.planned) == {1, 2}
    c = budget.compute()
    assert [c.amount("Projektledare", k) for k in (1, 2)] == [D(681600), D(698640)]
    assert [c.year_total(k) for k in (1, 2)] == [D(731600), D(733640)] and c.total == D(1465240)
    result = budget.check()
    assert result.findings == [] and result.stated_compared == 11


def test_a_project_year_figure_that_differs_names_the_year_as_the_document_does():
    result = grantcalc.loads(PROJECT.format(second="698 000")).check()
    [p] = by_code(result, "stated.line_year")
    assert p.path == ("lines", 0, "stated", 2) and p.params["year"] == ("År 2", "Year 2")
    assert plain(p.message()) == "Projektledare, År 2: ansökan anger 698 000 kr, beräknat 698 640 kr (skillnad −640 kr)"
    assert "Year 2" in p.message("en")
    assert result.codes == ["stated.line_year"]  # the total 1 380 240 is the computed one


def test_a_project_year_outside_the_period_is_located_and_lists_the_years():
    text = PROJECT.format(second="698 640").replace("      Totalt: 1 380 240\n", "      År 9: 5000\n")
    p = only(errors(text))
    assert (p.code, p.path, p.file) == ("budget.unknown_year", ("lines", 0, "stated", 9), "budget.yaml")
    assert p.line == line_of(text, "    stated:")  # the row; its key is written "År 9", the model's 9
    assert plain(p.message()) == "9 är inget budgetår i perioden (År 1, År 2)"
    assert plain(p.message("en")) == "9 is not a budget year of the period (Year 1, Year 2)"


def test_the_cli_refuses_a_project_year_outside_the_period(tmp_path, capsys):
    path = tmp_path / "projekt.yaml"
    path.write_text(PROJECT.format(second="698 640").replace("      Totalt: 1 380 240\n", "      År 9: 5000\n"),
                    encoding="utf-8")
    status, out, err = cli(capsys, "check", path)
    assert status == 2 and out == ""
    assert plain(err.strip()).endswith("lines[0].stated[9]: 9 är inget budgetår i perioden (År 1, År 2)")
    path.write_text(PROJECT.format(second="698 640"), encoding="utf-8")
    status, out, err = cli(capsys, "check", path)
    assert (status, err) == (0, "") and "År 1" in out and "Inga anmärkningar." in out


def test_the_schema_accepts_year_keys_with_their_word():
    jsonschema = pytest.importorskip("jsonschema")
    from grantcalc.schema import budget_schema

    schema = budget_schema()
    validator = jsonschema.validators.validator_for(schema)(schema)
    data = _plain_json(grantcalc.loads(PROJECT.format(second="698 640")).source.data)
    assert [e.message for e in validator.iter_errors(data)] == []
    data["lines"][2]["year"] = "Årtal 1"
    assert [list(e.absolute_path) for e in validator.iter_errors(data)] == [["lines", 2]]
    for good in ("År 1", "year 2", "ÅR 2024/25", "2024", "1"):
        data["lines"][2]["year"] = good
        assert list(validator.iter_errors(data)) == [], good


def _plain_json(value):
    """Loader data as an editor validates it: text keys, ISO dates (numbers stay Decimal)."""
    if isinstance(value, dict):
        return {str(k): _plain_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain_json(v) for v in value]
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


def test_the_schema_describes_the_new_statements():
    jsonschema = pytest.importorskip("jsonschema")
    from grantcalc.schema import budget_schema

    schema = budget_schema()
    validator = jsonschema.validators.validator_for(schema)(schema)
    data = _plain_json(load().source.data)
    assert [e.message for e in validator.iter_errors(data)] == []
    data["lines"][4]["stated_rate"] = {"rate": "ca 4 %", "base": {"categories": ["Lönekostnader"]}}
    assert list(validator.iter_errors(data)) == []
    data["stated"]["subtotals"][0]["lines_"] = ["Coacher"]
    assert list(validator.iter_errors(data)), "a misspelt key of a sub-total fails the schema"


def test_an_outcome_booked_on_a_project_year_written_with_its_word():
    from grantcalc.budget.actuals import parse_period

    assert parse_period("År 1") == parse_period("år 1") == parse_period(1) == 1
    assert parse_period("år 2024/25") == "2024/25"
    text = PROJECT.format(second="698 640") + (
        "actuals:\n  - {line: Resor, period: År 1, amount: 31000}\n  - {line: Resor, period: år 2, amount: 30000}\n")
    followup = grantcalc.loads(text).followup()
    assert [a.period for a in followup.budget.actuals] == [1, 2]
    [over] = followup.findings  # År 1: 31 000 booked on Resor's 30 000
    assert (over.code, over.path) == ("followup.line_over", ("actuals", 0))
    rows = {(r["line"], r["year"]): r for r in followup.to_dict()["lines"]}
    assert rows[("Resor", "År 1")]["actual"] == "31000" and rows[("Resor", "År 2")]["difference"] == "-5000"


# --- 2. approximate figures ---------------------------------------------------------------------

@pytest.mark.parametrize(("written", "amount", "tolerance"), [
    ("ca 4 %", D("0.04"), D("0.01")),
    ("ca 4,5 %", D("0.045"), D("0.001")),
    ("ca. 1 770 000 kr/år", D(1770000), D(10000)),
    ("ca 1.770.000 kr", D(1770000), D(10000)),
    ("cirka 70 000 kr", D(70000), D(10000)),
    ("Ca 210 479 kr/mån", D(210479), D(1)),
    ("~ 5 000", D(5000), D(1000)),
    ("≈ 12 000", D(12000), D(1000)),
    ("omkring 50 000", D(50000), D(10000)),
    ("c:a 3 500 kr", D(3500), D(100)),
    ("ca 1 770 000 kr ± 5 000", D(1770000), D(5000)),
    ("ca 1 770 000 kr +/- 5 000 kr", D(1770000), D(5000)),
    ("1 770 000 ± 5 000", D(1770000), D(5000)),
    ("ca 1 770 000 kr ±5 %", D(1770000), D(88500)),
    ("70 000 kr/år", D(70000), None),
    ("70.000 kr", D(70000), None),
])
def test_an_approximate_figure_and_its_tolerance(written, amount, tolerance):
    figure = parse_stated(written)
    assert (figure.amount, figure.tolerance) == (amount, tolerance)
    assert figure.approximate == (tolerance is not None)
    if tolerance is not None:
        assert figure.text == written  # kept as written, for the file written back
        assert figure.accepts(amount + tolerance) and figure.accepts(amount - tolerance)
        assert not figure.accepts(amount + tolerance + D("0.01"))
    else:
        assert figure.accepts(amount) and not figure.accepts(amount + 1)


def test_a_formula_may_give_an_approximate_result():
    figure = parse_stated("42.350 kr × 1,42 × 3,5 mån = ca 210 000 kr")
    assert (figure.factors, figure.amount, figure.tolerance) == ((D(42350), D("1.42"), D("3.5")), D(210000),
                                                                  D(10000))
    relation = parse_stated("42 350 × 1,42 × 3,5 ≈ 210 479")
    assert (relation.product, relation.amount, relation.tolerance) == (D("210479.500"), D(210479), D(1))


def test_an_approximate_figure_within_its_tolerance_passes_and_outside_names_it():
    result = load(coach_2024="ca 1 770 000 kr/år").check()
    [p] = result.findings
    assert (p.code, p.path, p.line) == ("stated.line_year", ("lines", 0, "stated", 2024),
                                        line_of(budget_text(), "2024: ca 1 700 000"))
    assert (p.params["tolerance"], p.params["computed"], p.params["difference"]) == (D(10000), D(1704000),
                                                                                     D(66000))
    assert plain(p.message()) == ("Coacher, 2024: ansökan anger ca 1 770 000 kr (±10 000 kr), beräknat "
                                  "1 704 000 kr (skillnad +66 000 kr)")
    assert plain(p.message("en")) == ("Coacher, 2024: the document states about SEK 1,770,000 (±SEK 10,000), "
                                      "computed SEK 1,704,000 (difference SEK +66,000)")
    # a declared tolerance overrides the one of the last digit
    assert load(coach_2024='"ca 1 770 000 kr ± 70 000"').check().findings == []
    assert load(coach_2024='"ca 1 770 000 kr ± 5 %"').check().findings == []  # ± 88 500
    [tight] = load(coach_2024='"ca 1 704 100 kr +/- 50"').check().findings
    assert tight.params["tolerance"] == D(50) and "(±50 kr)" in plain(tight.message())


def test_an_approximate_summa_row_and_plan():
    text = budget_text().replace("costs: {2024: ca 2 000 000, total: 4 020 000}",
                                 "costs: {2024: ca 2 200 000, total: ~ 4 000 000}\n  plan: ca 40 000")
    text += "plan:\n  - {name: Resa, start: 2024-03-01, end: 2024-03-31, cost: 25000, lines: [Resor]}\n"
    result = grantcalc.loads(text).check()
    [costs] = by_code(result, "stated.costs_year")  # 2 010 000 is 190 000 from ca 2 200 000: more than 100 000
    assert (costs.path, costs.params["tolerance"]) == (("stated", "costs", 2024), D(100000))
    assert by_code(result, "stated.costs_total") == []  # 4 020 000 is within 1 000 000 of ~ 4 000 000
    [plan] = by_code(result, "stated.plan_total")
    assert (plan.params["tolerance"], plan.params["difference"]) == (D(10000), D(15000))
    assert plain(plan.message()) == ("tids- och aktivitetsplanens summa: ansökan anger ca 40 000 kr (±10 000 kr), "
                                     "aktiviteterna ger 25 000 kr (skillnad +15 000 kr)")
    assert not result.ok()
    within = grantcalc.loads(text.replace("plan: ca 40 000", "plan: ca 30 000")).check()
    assert by_code(within, "stated.plan_total") == []  # 25 000 is within 10 000 of ca 30 000


def test_a_formula_with_an_approximate_result_is_checked_within_its_tolerance():
    budget = load()
    assert budget.check().findings == []  # 50 000 × 1,42 × 200 % × 12 = 1 704 000: within 100 000 of ca 1 700 000
    result = load(coach_2024='"50 000 kr × 1,42 × 200 % × 12 = ca 1 750 000 kr"').check()
    assert sorted(p.code for p in result.findings) == ["stated.formula", "stated.line_year"]
    [formula] = by_code(result, "stated.formula")
    assert formula.params["product"] == D(1704000) and formula.params["result"] == D(1750000)


def test_approximate_figures_are_written_back_as_written():
    budget = load(coach_2024='"ca 1 770 000 kr ± 5 000"')
    text = budget.to_yaml()
    assert "2024: ca 1 770 000 kr ± 5 000\n" in text and "2024: ca 2 000 000\n" in text
    again = grantcalc.loads(text)
    assert again.model_dump() == budget.model_dump()
    assert again.lines[0].stated == budget.lines[0].stated
    assert again.lines[0].stated[2024].tolerance == D(5000)


@pytest.mark.parametrize(("figure", "code", "quoted"), [
    ('"ca"', "invalid.stated_approximate", "'ca'"),
    ('"ca kr"', "invalid.stated_approximate", "'ca kr'"),
    ('"~"', "invalid.stated_approximate", "'~'"),
    ('"ca 1 770 000 kr ± fem tusen"', "invalid.stated_tolerance", "'fem tusen'"),
    ('"ca 1 770 000 kr ± -5 000"', "invalid.stated_tolerance", "'-5 000'"),
    ('"ca 1 770 000 kr ±"', "invalid.stated_tolerance", "''"),
    ('"ca 1 770 000 kronor i månaden"', "invalid.stated_figure", "'ca 1 770 000 kronor i månaden'"),
])
def test_a_bad_approximate_figure_is_located(figure, code, quoted):
    text = budget_text(coach_2024=figure)
    p = only(errors(text))
    assert (p.code, p.path, p.file, p.line) == (code, ("lines", 0, "stated", 2024), "budget.yaml",
                                                line_of(text, "      2024: "))
    assert quoted in p.message() and quoted in p.message("en")


def test_the_cli_refuses_a_tolerance_that_is_not_a_number(tmp_path, capsys):
    path = tmp_path / "budget.yaml"
    path.write_text(budget_text(coach_2024='"ca 1 770 000 kr ± x"'), encoding="utf-8")
    status, out, err = cli(capsys, "check", path)
    assert status == 2 and out == ""
    line = line_of(budget_text(), "      2024: ")
    assert plain(err.strip()) == (
        f"{path}:{line}: lines[0].stated[2024]: 'ca 1 770 000 kr ± x': toleransen efter ± ('x') är inget tal från "
        "0 och uppåt: skriv t.ex. ”ca 1 770 000 kr ± 5 000” eller ”ca 1 770 000 kr ± 5 %”")


def test_the_cli_refuses_ca_without_a_number(tmp_path, capsys):
    path = tmp_path / "budget.yaml"
    path.write_text(budget_text(coach_2024="ca"), encoding="utf-8")
    status, out, err = cli(capsys, "check", path)
    assert status == 2 and out == ""
    assert "lines[0].stated[2024]: 'ca': ett ungefärligt belopp behöver ett tal efter ”ca”" in plain(err)


# --- 3. a stated rate on any line ------------------------------------------------------------------

@pytest.mark.parametrize(("written", "rate", "tolerance", "precision"), [
    ("4 %", D("0.04"), None, D("0.01")),
    ("10 %", D("0.1"), None, D("0.01")),
    ("4,5 %", D("0.045"), None, D("0.001")),
    ("ca 4 %", D("0.04"), D("0.01"), D("0.01")),
    ("ca 4,5 %", D("0.045"), D("0.001"), D("0.001")),
    ("ca 4 % ± 0,5 %", D("0.04"), D("0.005"), D("0.01")),
    (0.04, D("0.04"), None, D("0.01")),
])
def test_a_stated_rate_as_printed(written, rate, tolerance, precision):
    figure = parse_stated_rate(written)
    assert (figure.amount, figure.tolerance, figure.precision) == (rate, tolerance, precision)


def _rate_problem(rate: str) -> Problem:
    [p] = load(rate=rate).check().findings
    assert (p.code, p.path) == ("stated.rate", ("lines", 4, "stated_rate"))
    return p


def test_a_stated_rate_is_checked_on_the_lines_total_against_its_base():
    assert load(rate='"ca 4 %"').check().findings == []  # 140 000 of 3 680 000 is 3,804 %: within 1 point
    assert load(rate='"4 %"').check().findings == []  # 3,804 % rounds to 4 %
    assert load(rate='"3,8 %"').check().findings == []  # and to 3,8 %
    p = _rate_problem('"ca 6 %"')
    assert (p.params["amount"], p.params["base"], p.params["tolerance"]) == (D(140000), D(3680000), D("0.01"))
    assert plain(p.message()) == ("Administration: ansökan anger ca 6 % (±1 procentenhet), men radens 140 000 kr "
                                  "är 3,8 % av underlaget 3 680 000 kr")
    assert plain(p.message("en")) == ("Administration: the document states about 6% (±1 percentage point), but "
                                      "the line's SEK 140,000 is 3.8% of its base SEK 3,680,000")


def test_an_exact_stated_rate_is_compared_at_its_printed_precision():
    p = _rate_problem('"3,9 %"')  # 3,804 % is 3,8 % to one decimal
    assert plain(p.message()) == ("Administration: ansökan anger 3,9 %, men radens 140 000 kr är 3,8 % av "
                                  "underlaget 3 680 000 kr")
    assert "tolerance" not in p.params
    q = _rate_problem('"5 %"')
    assert "är 3,8 % av" in plain(q.message())
    r = _rate_problem('"3,81 %"')  # two decimals: 3,80 %, shown with three
    assert "är 3,804 % av" in plain(r.message())


def test_a_stated_rate_with_a_declared_tolerance_in_points():
    assert load(rate='"ca 4,5 % ± 1 %"').check().findings == []
    p = _rate_problem('"ca 4,5 % ± 0,5 %"')
    assert "ca 4,5 % (±0,5 procentenheter)" in plain(p.message())


def test_a_stated_rate_of_chosen_categories_or_lines():
    # of Lönekostnader: 140 000 of 3 600 000 = 3,89 %
    p = _rate_problem('{rate: "5 %", base: {categories: [Lönekostnader]}}')
    assert p.params["base"] == D(3600000) and "är 3,9 % av underlaget 3 600 000 kr" in plain(p.message())
    # of Resor and the in-kind Lokal (named lines are taken whatever they are): 140 000 of 280 000 = 50 %
    assert load(rate='{rate: "50 %", base: {lines: [Resor, Lokal]}}').check().findings == []
    # the default base less Resor: 140 000 of 3 600 000
    q = _rate_problem('{rate: "ca 5 %", base: {exclude_lines: [Resor]}}')
    assert q.params["base"] == D(3600000)


def test_a_stated_rate_of_an_empty_base():
    [p] = load(rate='{rate: "4 %", base: {categories: [Utrustning]}}').check().findings
    assert (p.code, p.params["base"]) == ("stated.rate_no_base", D(0))
    assert plain(p.message()) == ("Administration: ansökan anger 4 %, men underlaget är 0 kr, så radens "
                                  "140 000 kr är ingen andel av det")


def test_a_stated_rate_on_a_percentage_line_and_a_salary_line():
    text = budget_text().replace(
        "    stated_rate: \"ca 4 %\"\n",
        "    stated_rate: \"ca 4 %\"\n  - name: OH\n    kind: percentage\n    category: Övriga kostnader\n"
        "    rate: 2 %\n    stated_rate: \"ca 2 %\"\n")
    budget = grantcalc.loads(text)
    c = budget.compute()
    assert c.line_total("OH") == D(76400)  # 2 % of every cash line that is no percentage line: 3 820 000
    result = budget.check()
    assert by_code(result, "stated.rate") == []  # 2 % of its own base; Administration's base leaves OH out
    salary = budget_text().replace("    fte: 200 %\n", "    fte: 200 %\n    stated_rate: {rate: 90 %, base: "
                                                          "{categories: [Lönekostnader]}}\n")
    [p] = [f for f in grantcalc.loads(salary).check().findings if f.code == "stated.rate"]
    # the coaches' 3 408 000 of Lönekostnader less themselves (Handledare 192 000): 1 775 %
    assert (p.path, p.params["amount"], p.params["base"]) == (("lines", 0, "stated_rate"), D(3408000), D(192000))


@pytest.mark.parametrize(("rate", "code", "path"), [
    ('{rate: "4 %", base: {lines: [Resr]}}', "budget.unknown_line", ("lines", 4, "stated_rate", "base", "lines", 0)),
    ('{rate: "4 %", base: {categories: [Personal]}}', "budget.unknown_category",
     ("lines", 4, "stated_rate", "base", "categories", 0)),
    ('{rate: "4 %", base: {lines: [Administration]}}', "budget.stated_rate_self",
     ("lines", 4, "stated_rate", "base", "lines", 0)),
    ('"fyra procent"', "invalid.stated_rate", ("lines", 4, "stated_rate")),
    ('"4"', "invalid.stated_rate", ("lines", 4, "stated_rate")),
    ('"ca %"', "invalid.stated_approximate", ("lines", 4, "stated_rate")),
    ('"ca 4 % ± mycket"', "invalid.stated_tolerance", ("lines", 4, "stated_rate")),
    ("1.5", "invalid.rate_too_high", ("lines", 4, "stated_rate")),
    ('{rate: "4 %", bas: {}}', "invalid.extra_forbidden", ("lines", 4, "stated_rate", "bas")),
])
def test_a_bad_stated_rate_is_located(rate, code, path):
    text = budget_text(rate=rate)
    p = only(errors(text))
    assert (p.code, p.path, p.file) == (code, path, "budget.yaml")
    assert p.line == line_of(text, "stated_rate:")
    if code == "budget.unknown_line":
        assert "Resor" in p.message()  # did you mean
    if code == "budget.unknown_category":
        assert "Lönekostnader" in p.message()  # the known categories


def test_a_stated_rate_is_written_back_as_written():
    for rate, written in [('"ca 4 %"', "  stated_rate: ca 4 %\n"), ("0.04", "  stated_rate: 0.04\n")]:
        budget = load(rate=rate)
        text = budget.to_yaml()
        assert written in text
        assert grantcalc.loads(text).model_dump() == budget.model_dump()
    budget = load(rate='{rate: "ca 5 %", base: {categories: [Lönekostnader]}}')
    again = grantcalc.loads(budget.to_yaml())
    assert again.lines[4].stated_rate == budget.lines[4].stated_rate
    assert again.lines[4].stated_rate.base.categories == ["Lönekostnader"]


def test_a_scenario_keeps_the_stated_rate():
    budget = load()
    changed = budget.with_values({"Administration.amounts.2024": 200000})
    assert changed.lines[4].stated_rate == budget.lines[4].stated_rate
    [p] = by_code(changed.check(), "stated.rate")  # 270 000 of 3 680 000 is 7,3 %: not ca 4 %
    assert p.params["amount"] == D(270000) and "är 7,3 % av" in plain(p.message())


# --- 4. the applied amount per year ----------------------------------------------------------------

def test_the_applied_amount_per_year_is_checked_year_by_year_and_in_all():
    result = load(applied="{2024: 1 910 000, 2025: 1 900 000, total: 3 800 000}").check()
    [year] = by_code(result, "stated.applied_year")
    assert (year.path, year.params["year"], year.params["computed"], year.params["difference"]) == (
        ("stated", "applied_amount", 2025), ("2025", "2025"), D(1910000), D(-10000))
    assert plain(year.message()) == ("sökt belopp 2025: ansökan anger 1 900 000 kr, men finansieringen från "
                                     "Förbundet är 1 910 000 kr (skillnad −10 000 kr)")
    [total] = by_code(result, "applied.differs")
    assert total.path == ("stated", "applied_amount", "total") and total.params["difference"] == D(-20000)
    assert result.stated_compared == 11


def test_an_approximate_applied_amount_per_year():
    assert load(applied="{2024: ca 1 900 000, 2025: ca 1 900 000, total: ca 3 800 000}").check().findings == []
    assert load(applied="{2024: ca 2 000 000}").check().findings == []  # within 1 000 000
    [p] = load(applied="{2024: ca 2 000 000 ± 50 000}").check().findings
    assert (p.code, p.params["tolerance"], p.params["difference"]) == ("stated.applied_year", D(50000), D(90000))
    assert "ca 2 000 000 kr (±50 000 kr)" in plain(p.message())


def test_an_applied_row_without_a_total_is_the_sum_of_its_years():
    budget = load(applied="{2024: 1 910 000, 2025: 1 910 000}")
    assert budget.stated.applied_total == D(3820000)
    assert budget.check().findings == []
    single = load(applied="3 820 000 kr")
    assert single.stated.applied_total == D(3820000) and single.stated.applied_amount.amount == D(3820000)
    [p] = load(applied="3 800 000").check().findings
    assert (p.code, p.path) == ("applied.differs", ("stated", "applied_amount"))  # one figure: as before


def test_an_applied_row_with_no_funder_applied_to():
    text = budget_text(applied="{2024: 1 910 000, 2025: 1 910 000}").replace("  funder: Förbundet\n", "")
    text = text.replace("    rest: true\n", "")
    [p] = [f for f in grantcalc.loads(text).check().findings if f.code.startswith("applied")]
    assert (p.code, p.params) == ("applied.no_funder", {"stated": D(3820000)})


def test_the_applied_row_reaches_every_reader_of_the_applied_amount(tmp_path, capsys):
    path = tmp_path / "budget.yaml"
    path.write_text(budget_text(), encoding="utf-8")
    status, out, _ = cli(capsys, "check", path, "--format", "json")
    assert status == 0 and json.loads(out)["ok"] is True
    status, out, _ = cli(capsys, "portfolio", path, "--format", "json")
    [insats] = json.loads(out)["insatser"]
    assert status == 0 and insats["ok"] is True
    assert insats["applied"] == {"2024": "1910000", "2025": "1910000", "total": "3820000"}
    from grantcalc.render.fields import build_fields

    assert build_fields(load().compute()).applied_amount == f"3{NB}820{NB}000{NB}kr"
    budget = load(applied="{2024: 1 910 000, 2025: 1 910 000}")
    again = grantcalc.loads(budget.to_yaml())
    assert again.stated == budget.stated and again.stated.applied_total == D(3820000)


@pytest.mark.parametrize(("applied", "code", "path"), [
    ("{2024: 1 910 000, 2030: 5}", "budget.unknown_year", ("stated", "applied_amount", 2030)),
    ("{2024: mycket}", "invalid.stated_figure", ("stated", "applied_amount", 2024)),
    ("{år 2024: ca}", "invalid.stated_approximate", ("stated", "applied_amount", "år 2024")),
    ("{Årtal 2024: 5}", "invalid.year_key", ("stated", "applied_amount", "Årtal 2024")),
])
def test_a_bad_applied_row_is_located(applied, code, path):
    text = budget_text(applied=applied)
    p = only(errors(text))
    assert (p.code, p.path) == (code, path)
    assert p.line == line_of(text, "applied_amount:")


# --- 5. sub-total rows -------------------------------------------------------------------------------

def test_a_subtotal_sums_its_lines_and_categories_once():
    from grantcalc.check.stated import subtotal_lines

    budget = load()
    assert subtotal_lines(budget, budget.stated.subtotals[0]) == ["Coacher", "Handledare"]
    result = load(subtotal="{2024: 1 800 000, 2025: 1 704 000, total: 3 700 000}").check()
    [year] = by_code(result, "stated.subtotal_year")
    [total] = by_code(result, "stated.subtotal_total")
    assert (year.path, year.params["stated"], year.params["computed"]) == (
        ("stated", "subtotals", 0, "stated", 2025), D(1704000), D(1800000))
    assert plain(year.message()) == ("Summa personal, 2025: ansökan anger 1 704 000 kr, raderna ger 1 800 000 kr "
                                     "(skillnad −96 000 kr)")
    assert plain(total.message("en")) == ("Summa personal, total: the document states SEK 3,700,000, its lines "
                                          "give SEK 3,600,000 (difference SEK +100,000)")
    assert result.ok() is False and "stated.subtotal_year" in CATALOG


def test_a_subtotal_of_a_category_takes_its_in_kind_lines_too():
    text = budget_text().replace("      categories: [Lönekostnader]\n      lines: [Coacher]\n",
                                 "      categories: [lokalkostnader]\n      lines: [Resor]\n")
    text = text.replace("      stated: {2024: 1 800 000, 2025: 1 800 000, total: 3 600 000}",
                        "      stated: {2024: 140 000, total: ca 280 000}")
    assert grantcalc.loads(text).check().findings == []


def test_the_check_report_counts_the_subtotal_findings(tmp_path, capsys):
    path = tmp_path / "budget.yaml"
    path.write_text(budget_text(subtotal="{2024: 1 800 001}"), encoding="utf-8")
    status, out, _ = cli(capsys, "check", path)
    assert status == 1
    assert "Angivna belopp jämförda med beräkningen: 9, varav 1 avviker." in out
    assert "stated.subtotals[0].stated[2024]: Summa personal, 2024: ansökan anger" in plain(out).replace("\n    ", " ")


def test_an_unknown_line_in_a_subtotal_lists_the_lines():
    text = budget_text().replace("      lines: [Coacher]\n", "      lines: [Coacherna]\n")
    p = only(errors(text))
    assert (p.code, p.path, p.line) == ("budget.unknown_subtotal_line", ("stated", "subtotals", 0, "lines", 0),
                                        line_of(text, "lines: [Coacherna]"))
    assert plain(p.message()) == ("delsumman 'Summa personal': okänd rad 'Coacherna' (menade du 'Coacher'?); "
                                  "budgetens 5 rader: Coacher, Handledare, Resor, Lokal, Administration")
    assert "the budget's 5 lines: Coacher, Handledare" in p.message("en")


def test_the_cli_refuses_an_unknown_line_in_a_subtotal(tmp_path, capsys):
    path = tmp_path / "budget.yaml"
    text = budget_text().replace("      lines: [Coacher]\n", "      lines: [Chefer]\n")
    path.write_text(text, encoding="utf-8")
    status, out, err = cli(capsys, "check", path)
    assert status == 2 and out == ""
    assert err.startswith(f"{path}:{line_of(text, 'lines: [Chefer]')}: stated.subtotals[0].lines[0]: delsumman")


SUBTOTAL = """\
    - name: Summa personal
      categories: [Lönekostnader]
      lines: [Coacher]
      stated: {2024: 1 800 000, 2025: 1 800 000, total: 3 600 000}
"""


@pytest.mark.parametrize(("subtotal", "code", "path"), [
    ("    - name: Summa personal\n      categories: [Personalen]\n      stated: {2024: 1}\n",
     "budget.unknown_category", ("stated", "subtotals", 0, "categories", 0)),
    ("    - name: Summa personal\n      stated: {2024: 1}\n", "invalid.one_of", ("stated", "subtotals", 0)),
    ("    - name: Summa personal\n      lines: []\n      categories: []\n", "invalid.one_of",
     ("stated", "subtotals", 0)),
    ("    - lines: [Coacher]\n      stated: {2024: 1}\n", "invalid.missing", ("stated", "subtotals", 0, "name")),
    ("    - name: Summa personal\n      lines: [Coacher]\n      stated: {2024: ca}\n",
     "invalid.stated_approximate", ("stated", "subtotals", 0, "stated", 2024)),
    ("    - name: Summa personal\n      lines: [Coacher]\n      stated: {År 3: 1}\n",
     "budget.unknown_year", ("stated", "subtotals", 0, "stated", 3)),
])
def test_a_bad_subtotal_is_located(subtotal, code, path):
    text = budget_text().replace(SUBTOTAL, subtotal)
    assert text != budget_text()
    p = only(errors(text))
    assert (p.code, p.path) == (code, path)
    assert p.line is not None and p.line >= line_of(text, "  subtotals:")
    if code == "budget.unknown_category":
        assert "Lönekostnader" in p.message() and p.line == line_of(text, "[Personalen]")


def test_subtotals_are_written_back():
    budget = load()
    again = grantcalc.loads(budget.to_yaml())
    assert again.stated.subtotals == budget.stated.subtotals
    assert again.model_dump() == budget.model_dump()


def test_the_new_codes_are_catalogued_in_both_languages():
    from grantcalc.check.stated import CODES

    for code in ("stated.subtotal_year", "stated.subtotal_total", "stated.rate", "stated.rate_no_base",
                 "stated.applied_year", "invalid.stated_approximate", "invalid.stated_tolerance",
                 "invalid.stated_rate", "budget.unknown_subtotal_line", "budget.stated_rate_self"):
        sv, en = CATALOG[code][:2]
        assert sv != en
    assert {"stated.subtotal_year", "stated.rate", "stated.applied_year"} <= set(CODES)


def test_the_reference_examples_keep_their_figures():
    examples = Path(__file__).resolve().parent.parent / "examples"
    totals = {"ljusdal-hallbart-arbetsliv": D(2480208), "oka-innanforskapet": D(5826420)}
    for name, total in totals.items():
        budget = grantcalc.load(examples / f"{name}.yaml")
        assert budget.compute().total == total and budget.stated.applied_total == total
        assert budget.check().ok()
