"""Scenarios: parameters, with_values, sweeps, goal seek and comparisons — on the reference budgets."""

from __future__ import annotations

import textwrap
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import grantcalc
from grantcalc.scenario import ParameterError, compare, parameter, seek, steps, sweep, with_values

FAST = {"deadline": None, "max_examples": 40,
        "suppress_health_check": [HealthCheck.function_scoped_fixture, HealthCheck.too_slow]}


@pytest.fixture(scope="module")
def oka():
    return grantcalc.load("examples/oka-innanforskapet.yaml")


@pytest.fixture(scope="module")
def gemensam():
    return grantcalc.load("examples/gemensam-kraft.yaml")


@pytest.fixture(scope="module")
def ljusdal():
    return grantcalc.load("examples/ljusdal-hallbart-arbetsliv.yaml")


def totals(budget) -> list[Decimal]:
    c = budget.compute()
    return [c.year_total(y.key) for y in c.years] + [c.total, c.financing.applied_amount]


# --- parameters ------------------------------------------------------------------
def test_a_parameter_is_the_longest_line_name_then_the_fields(oka):
    p = parameter(oka, "Processledare/samordnare.annual_raise.rate")
    assert p.lines == (0,) and p.path == ("annual_raise", "rate") and p.kind == "percent" and p.fast
    assert p.current(oka) == Decimal("0.033")
    dotted = grantcalc.loads(textwrap.dedent("""
        project: {name: P}
        period: {start: 2025-01-01, end: 2025-12-31}
        lines:
          - {name: "Lön 1.0", kind: recurring, category: Övriga kostnader, amount: 1000, per: month}
          - {name: "Lön 1.0.2", kind: recurring, category: Övriga kostnader, amount: 2000, per: month}
    """))
    assert parameter(dotted, "Lön 1.0.2.amount").lines == (1,)
    assert parameter(dotted, "Lön 1.0.amount").lines == (0,)
    assert parameter(dotted, ("Lön 1.0", "amount")).lines == (0,)


def test_a_star_sets_every_line_that_has_the_field(oka):
    p = parameter(oka, "*.annual_raise.rate")
    assert [oka.lines[i].name for i in p.lines] == ["Processledare/samordnare", "EVI-coacher"]


@pytest.mark.parametrize("spec, code", [
    ("EVI-coachr.fte", "scenario.parameter_unknown"),
    ("EVI-coacher.ftee", "scenario.field_unknown"),
    ("Resor.annual_raise.rate", "scenario.field_unknown"),
    ("EVI-coacher.by_year.abc.fte", "scenario.parameter_year"),
    ("*.places", "scenario.parameter_nowhere"),
    ("financing.Region Dalarna.share", "scenario.item_unknown"),
    ("EVI-coacher", "scenario.parameter_unknown"),
])
def test_a_parameter_that_names_nothing_is_a_located_message(oka, spec, code):
    with pytest.raises(ParameterError) as caught:
        parameter(oka, spec)
    problem = caught.value.problems[0]
    assert problem.code == code
    assert spec.split(".")[0] in problem.message("sv") or spec in problem.message("sv")
    assert problem.message("en") != problem.message("sv")


def test_a_misspelt_field_is_answered_with_the_right_one(oka):
    with pytest.raises(ParameterError) as caught:
        parameter(oka, "EVI-coacher.ftee")
    assert "menade du 'fte'?" in caught.value.problems[0].message("sv")


def test_a_part_the_line_does_not_have_says_how_to_give_it(gemensam):
    with pytest.raises(ParameterError) as caught:
        parameter(gemensam, "Projektledning Bromölla kommun.annual_raise.rate")
    assert caught.value.problems[0].code == "scenario.parameter_unset"


# --- with_values ---------------------------------------------------------------------
def test_with_values_makes_a_validated_budget_and_keeps_the_original(oka):
    more = with_values(oka, {"EVI-coacher.fte": "175 %"})
    assert more == oka.with_values({"EVI-coacher.fte": "175 %"})
    assert more.line("EVI-coacher").fte == Decimal("1.75")
    assert oka.line("EVI-coacher").fte == Decimal("1.5")
    # 2024: 38 000 × 1,42 × 175 % × 3,5 = 330 505 (truncated, as the budget rounds)
    assert more.compute().amount("EVI-coacher", 2024) == Decimal("330505")
    assert more.compute().total == Decimal("6347560")
    assert more.source is oka.source  # findings still point into the file


def test_with_values_reports_an_invalid_value_with_the_reason(oka):
    with pytest.raises(ParameterError) as caught:
        oka.with_values({"EVI-coacher.fte": "-5 %"})
    problem = caught.value.problems[0]
    assert problem.code == "scenario.value_invalid"
    assert "EVI-coacher.fte" in problem.message("sv") and "större än 0" in problem.message("sv")


def test_with_values_of_a_period_revalidates_the_whole_budget(oka):
    with pytest.raises(ParameterError) as caught:
        oka.with_values({"period.end": "2020-01-01"})
    assert "före starten" in caught.value.problems[0].message("sv")


def test_steps_are_exact():
    assert steps("1", "2", "0.25") == [Decimal("1"), Decimal("1.25"), Decimal("1.5"), Decimal("1.75"), Decimal("2")]
    assert steps("3 %", "4 %", "0,5 %") == [Decimal("0.03"), Decimal("0.035"), Decimal("0.04")]
    assert len(steps("0.05", "500", "0.05")) == 10_000
    with pytest.raises(ValueError):
        steps(1, 2, 0)


# --- sweeps --------------------------------------------------------------------------
def test_a_sweep_passes_through_the_budget_as_it_stands(oka):
    frame = oka.sweep({"EVI-coacher.fte": steps("1", "2", "0.25")})
    assert list(frame.columns) == ["EVI-coacher.fte", "2024", "2025", "2026", "2027", "Totalt", "Sökt belopp"]
    as_is = frame[frame["EVI-coacher.fte"] == Decimal("1.5")].iloc[0]
    # the application's own figures, section 2.9
    assert [as_is[c] for c in ["2024", "2025", "2026", "2027", "Totalt"]] == [
        Decimal(576968), Decimal(1857152), Decimal(1915088), Decimal(1477212), Decimal(5826420)]
    assert list(frame["Totalt"]) == [Decimal(4784140), Decimal(5305280), Decimal(5826420), Decimal(6347560),
                                     Decimal(6868700)]
    assert all(isinstance(v, Decimal) for v in frame["Totalt"])
    assert frame.attrs["base"]["Totalt"] == Decimal(5826420)


def test_a_grid_takes_every_combination_and_a_list_goes_side_by_side(oka):
    grid = oka.sweep({"EVI-coacher.fte": ["1", "1.5"], "Processledare/samordnare.on_cost": ["1.40", "1.42", "1.45"]})
    assert len(grid) == 6
    side = oka.sweep({"EVI-coacher.fte": ["1", "1.5"], "Processledare/samordnare.on_cost": ["1.40", "1.42"]},
                     grid=False)
    assert len(side) == 2
    assert side.iloc[1]["Totalt"] == Decimal(5826420)
    with pytest.raises(ParameterError) as caught:
        oka.sweep({"EVI-coacher.fte": ["1", "1.5"], "Resor.amount": [1]}, grid=False)
    assert caught.value.problems[0].code == "scenario.lengths"


def test_a_sweep_in_english_names_its_columns_in_english(oka):
    frame = sweep(oka, {"Resor.amount": [32000]}, lang="en")  # the function behind budget.sweep
    assert list(frame.columns)[-2:] == ["Total", "Applied for"]


def test_an_invalid_value_in_a_sweep_names_the_parameter_and_the_value(oka):
    with pytest.raises(ParameterError) as caught:
        oka.sweep({"EVI-coacher.fte": ["1", "0"]})
    assert "EVI-coacher.fte = '0'" in caught.value.problems[0].message("sv")


PARAMETERS = {
    "oka": [("EVI-coacher.fte", st.sampled_from(steps("0.05", "3", "0.05"))),
            ("Processledare/samordnare.on_cost", st.sampled_from(steps("1", "1.6", "0.01"))),
            ("Processledare/samordnare.by_year.2026.monthly_salary", st.integers(20_000, 80_000)),
            ("*.annual_raise.rate", st.sampled_from(steps("0", "0.08", "0.001"))),
            ("Resor.amount", st.integers(0, 100_000)),
            ("Övriga personalkostnader.count", st.integers(1, 20))],
    "gemensam": [("Hässleholms kommun 40 platser.places", st.integers(1, 80)),
                 ("Osby kommun 15 platser.price", st.integers(0, 2_000_000)),
                 ("Projektledning Osby kommun.fte", st.sampled_from(steps("0.05", "1", "0.05"))),
                 ("Utvärdering.amounts.2025", st.integers(0, 100_000))],
    "ljusdal": [("Finsam-coacher.amounts.2023", st.integers(0, 2_000_000)),
                ("AME Ljusdal.amount", st.integers(0, 10_000))],
}


@pytest.mark.parametrize("name", PARAMETERS)
@settings(**FAST)
@given(data=st.data())
def test_a_sweep_gives_what_the_whole_budget_gives(name, data, oka, gemensam, ljusdal):
    """The sweep builds and computes only what a parameter changes; it must give the very
    figures of a budget validated and computed from scratch."""
    budget = {"oka": oka, "gemensam": gemensam, "ljusdal": ljusdal}[name]
    chosen = data.draw(st.lists(st.sampled_from(PARAMETERS[name]), min_size=1, max_size=3, unique_by=lambda p: p[0]))
    values = {spec: data.draw(strategy) for spec, strategy in chosen}
    row = budget.sweep({spec: [value] for spec, value in values.items()}).iloc[0]
    assert list(row.iloc[len(values):]) == totals(budget.with_values(values))


def test_a_sweep_recomputes_the_percentage_lines_on_what_changed():
    budget = grantcalc.loads(textwrap.dedent("""
        project: {name: Overhead}
        period: {start: 2025-01-01, end: 2026-12-31}
        lines:
          - {name: Lön, kind: salary, category: Lönekostnader, monthly_salary: 40000, on_cost: 1.42, fte: 1}
          - {name: Hyra, kind: recurring, category: Lokalkostnader, amount: 5000, per: month}
          - {name: OH lön, kind: percentage, category: Indirekta kostnader, rate: 10 %, of: {lines: [Lön]}}
          - {name: OH allt, kind: percentage, category: Indirekta kostnader, rate: 5 %, of: {lines: [OH lön, Hyra]}}
    """))
    for fte in ["0.5", "1.25"]:
        row = budget.sweep({"Lön.fte": [fte]}).iloc[0]
        whole = budget.with_values({"Lön.fte": fte}).compute()
        assert row["Totalt"] == whole.total
        assert whole.line_total("OH allt") != budget.compute().line_total("OH allt")
    row = budget.sweep({"OH lön.rate": ["20 %"]}).iloc[0]
    assert row["Totalt"] == budget.with_values({"OH lön.rate": "20 %"}).compute().total


# --- goal seek -------------------------------------------------------------------------
def test_the_largest_fte_within_six_million(oka):
    answer = oka.seek("EVI-coacher.fte", cap=6_000_000)
    assert answer.value == Decimal("1.55")
    assert answer.achieved == Decimal(5930647) and answer.gap == Decimal(69353)
    assert answer.next_value == Decimal("1.60") and answer.next_achieved == Decimal(6034875)
    assert answer.budget.compute().total == answer.achieved
    assert str(answer).replace("\u00a0", " ").startswith(
        "EVI-coacher.fte = 155 % håller kostnaderna inom 6 000 000 kr: 5 930 647 kr")


def test_the_places_that_fit_a_yearly_frame(gemensam):
    answer = gemensam.seek("Hässleholms kommun 40 platser.places", cap=6_100_000, year="each")
    assert answer.value == 42  # whole places
    # 2024 is the dearest year: 42 places cost 6 073 000 kr, 43 would cost 6 118 000 kr
    assert answer.achieved == Decimal(6073000) and answer.next_achieved == Decimal(6118000)
    every_year = answer.budget.compute().year_totals.values()
    assert max(every_year) <= 6_100_000
    over = gemensam.with_values({"Hässleholms kommun 40 platser.places": 43}).compute()
    assert max(over.year_totals.values()) > 6_100_000


def test_the_raise_a_fixed_grant_can_absorb(oka):
    # salaries that follow the declared raise instead of the figures the application states
    modelled = oka.with_values({"Processledare/samordnare.by_year": {}, "EVI-coacher.by_year": {}})
    assert modelled.compute().total == Decimal(5891385)
    answer = modelled.seek("*.annual_raise.rate", cap=5_826_420, metric="applied")
    assert answer.value == Decimal("0.025") and answer.achieved == Decimal(5823012)
    assert answer.next_value == Decimal("0.026") and answer.next_achieved > Decimal(5826420)


def test_a_target_is_met_by_the_closest_step(oka):
    answer = oka.seek("EVI-coacher.fte", target=6_000_000)
    assert answer.value == Decimal("1.60") and answer.gap == Decimal(34875)  # 155 % would be 69 353 below
    money = oka.seek("Deltagarna.amount", target=6_000_000)
    assert money.value == Decimal(9756) and money.achieved == Decimal(6000014)
    assert abs(money.gap) <= abs(money.next_achieved - 6_000_000)


@settings(**FAST)
@given(cap=st.integers(3_300_000, 9_000_000), step=st.sampled_from(["0.05", "0.1", "0.25"]))  # 25 %: 3 220 720
def test_a_capped_answer_is_on_the_grid_within_the_cap_and_the_next_step_is_not(oka, cap, step):
    answer = seek(oka, "EVI-coacher.fte", cap=cap, step=step)
    assert (answer.value / Decimal(step)) % 1 == 0  # lo is one step: the grid is the multiples of the step
    assert answer.achieved <= cap
    assert oka.with_values({"EVI-coacher.fte": answer.value}).compute().total == answer.achieved
    if answer.next_value is not None:
        assert answer.next_value == answer.value + Decimal(step) and answer.next_achieved > cap


def test_goal_seek_says_when_no_value_fits(oka):
    with pytest.raises(ParameterError) as caught:
        oka.seek("EVI-coacher.fte", cap=1_000_000)
    message = caught.value.problems[0].message("sv").replace("\u00a0", " ")
    assert caught.value.problems[0].code == "seek.no_solution"
    assert "1 000 000 kr" in message and "5 %" in message


@pytest.mark.parametrize("kwargs, code", [
    ({}, "seek.cap_or_target"),
    ({"cap": 1, "target": 2}, "seek.cap_or_target"),
    ({"cap": 6_000_000, "metric": "Region"}, "seek.metric"),
    ({"cap": 6_000_000, "year": 2031}, "seek.year"),
    ({"target": 6_000_000, "year": "each"}, "seek.each_target"),
    ({"cap": 6_000_000, "step": 0}, "seek.step"),
])
def test_goal_seek_errors_are_messages(oka, kwargs, code):
    with pytest.raises(ParameterError) as caught:
        oka.seek("EVI-coacher.fte", **kwargs)
    assert caught.value.problems[0].code == code


def test_goal_seek_on_a_funder_and_with_bounds(ljusdal):
    answer = ljusdal.seek("AME Ljusdal.amount", cap=2_500_000, lo=0, hi=20_000, step=500)
    # the rent is 4 000 kr a month for 27 months: each 500 kr adds 13 500 kr; 19 792 kr of room
    assert answer.value == Decimal(4500) and answer.achieved == Decimal(2493708)
    # the förbund's amounts are stated per year, so the amount applied for does not move with the rent
    stated = ljusdal.seek("AME Ljusdal.amount", cap=2_500_000, metric="applied", lo=0, hi=20_000, step=500)
    assert stated.value == Decimal(20000) and stated.achieved == Decimal(2480208) and stated.next_value is None


# --- compare ---------------------------------------------------------------------------
def test_variants_side_by_side(oka):
    more = oka.with_values({"EVI-coacher.fte": "175 %"})
    frame = compare({"Ansökan": oka, "175 %": more})
    assert list(frame.columns) == ["Ansökan", "175 %", "Δ 175 %"]
    assert frame.loc["Totalt", "Ansökan"] == Decimal(5826420)
    assert frame.loc["Totalt", "Δ 175 %"] == Decimal(521140)
    assert frame.loc["2024", "Δ 175 %"] == Decimal(47215)
    by_line = compare({"Ansökan": oka, "175 %": more.compute()}, by="line")
    assert by_line.loc["EVI-coacher", "Δ 175 %"] == Decimal(521140)
    assert by_line.loc["Resor", "Δ 175 %"] == 0
    assert sum(by_line["Ansökan"].iloc[:-1]) == by_line.loc["Summa", "Ansökan"]
    by_category = compare({"Ansökan": oka, "175 %": more}, by="category", lang="en")
    assert by_category.loc["Total", "175 %"] == Decimal(6347560)


# --- charts ----------------------------------------------------------------------------
def test_a_sweep_chart_shows_the_parameter_as_a_reader_writes_it(oka):
    pytest.importorskip("matplotlib")
    from grantcalc.report.charts import sweep_figure

    frame = oka.sweep({"EVI-coacher.fte": steps("1", "2", "0.25")})
    figure = sweep_figure(frame, cap=6_000_000)
    axes = figure.axes[0]
    figure.canvas.draw() if hasattr(figure.canvas, "draw") else None
    labels = [t.get_text().replace("\u00a0", " ") for t in axes.get_xticklabels()]
    assert "100 %" in labels and all(label.endswith(" %") for label in labels if label)
    legend = [t.get_text() for t in axes.get_legend().get_texts()]
    assert "tak 6 000 000 kr" in [t.replace("\u00a0", " ") for t in legend] and "budgeten" in legend
    grid = oka.sweep({"EVI-coacher.fte": ["1", "1.5", "2"], "Resor.amount": [0, 32000]})
    assert len(sweep_figure(grid).axes[0].get_lines()) == 3  # two values of Resor.amount, and the budget


def test_a_computation_plots_costs_and_financing(oka):
    pytest.importorskip("matplotlib")
    c = oka.compute()
    costs = c.plot()
    assert costs.axes[0].get_title() == "Kostnader per budgetår och kostnadsslag"
    assert c.plot("financing", lang="en").axes[0].get_title() == "Financing per budget year by funder"
    with pytest.raises(ValueError):
        c.plot("pie")


def test_styled_shows_a_sweep_the_swedish_way_and_keeps_its_values(oka):
    frame = oka.sweep({"EVI-coacher.fte": ["1.5"], "Processledare/samordnare.on_cost": ["1.42"]})
    html = grantcalc.styled(frame).to_html().replace("\u00a0", " ")
    assert ">150 %<" in html and ">1,42<" in html and ">5 826 420<" in html
    assert frame.iloc[0]["Totalt"] == Decimal(5826420)  # the frame itself is untouched
    english = grantcalc.styled(oka.compute().to_frame("wide"), lang="en").to_html()
    assert ">5,826,420<" in english
