"""The rules as small functions, each in one place, tested directly with the examples' figures.

- the validation's rules (:mod:`grantcalc.budget.validate`: ``PERIOD_RULES``, ``RULES``, ``LINE_RULES``,
  ``SALARY_RULES``, ``FUNDER_RULES``, ``BASE_RULES``), each a function yielding its problems;
- which lines an ``of`` selects (:class:`grantcalc.budget.bases.LineIndex`), for percentage lines and
  funders' shares alike;
- the salary-raise chain (:class:`grantcalc.compute.lines.RaiseChain`), for the computation and the check;
- a line's active window (:func:`grantcalc.budget.lines.active_window`), for the computation and the check;
- the financing's sources (:data:`grantcalc.compute.financing.SOURCES`), one function per kind of funder.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from fractions import Fraction

import pytest

import grantcalc
from grantcalc.budget import validate
from grantcalc.budget.bases import LineIndex, Selection, base_lines, in_default_base, percentage_bases
from grantcalc.budget.financing import Funder
from grantcalc.budget.lines import Base, PercentageLine, SalaryLine, active_window
from grantcalc.budget.model import Budget
from grantcalc.budget.serialize import to_data
from grantcalc.compute import financing
from grantcalc.compute import lines as calc
from grantcalc.compute.engine import line_slices
from tests.conftest import EXAMPLES

STAFF = ["Processledare/samordnare", "EVI-coacher", "Övriga personalkostnader"]  # Öka's Lönekostnader


@pytest.fixture(scope="module")
def oka() -> Budget:
    return grantcalc.load(EXAMPLES / "oka-innanforskapet.yaml")


@pytest.fixture(scope="module")
def oka_with_bases(oka) -> Budget:
    """Öka with two overheads and the municipality paying 10 % of the costs but the rent and the travel."""
    data = to_data(oka)
    data["lines"] += [
        {"name": "OH personal", "kind": "percentage", "category": "Indirekta kostnader", "rate": "10 %",
         "of": {"categories": ["Lönekostnader"]}},
        {"name": "OH övrigt", "kind": "percentage", "category": "Indirekta kostnader", "rate": "5 %",
         "of": {"exclude_categories": ["Lönekostnader"], "exclude_lines": ["Resor", "Lokalhyra"]}}]
    data["financing"][1] = {"name": "Smedjebackens kommun", "share": "10 %",
                            "of": {"exclude_lines": ["Lokalhyra", "Resor"]}}
    return Budget.model_validate(data)


def _coach(oka: Budget) -> SalaryLine:
    line = oka.line("EVI-coacher")
    assert isinstance(line, SalaryLine)
    return line


# --- the salary-raise chain ------------------------------------------------------------------------

def test_the_raise_chain_gives_the_oka_coachs_raised_salaries(oka):
    coach = _coach(oka)  # 38 000 kr, 3,3 % each 1 January, rounded to whole hundreds
    chain = calc.RaiseChain(coach, oka.period.start, oka.period.end, calc.raise_rule(coach))
    assert chain.wage == 38000 and chain.factor == Fraction(1033, 1000)
    assert list(chain.pending) == [date(2025, 1, 1), date(2026, 1, 1), date(2027, 1, 1)]
    assert chain.due(date(2024, 12, 31)) == 0 and chain.due(date(2026, 1, 1)) == 2
    chain.raise_through(date(2025, 1, 1))
    assert chain.wage == 39300  # 38 000 × 1,033 = 39 254, to whole hundreds
    chain.next_raise()
    assert chain.wage == 40600  # 39 300 × 1,033 = 40 596,90
    assert chain.raised(chain.wage) == 41900  # 40 600 × 1,033 = 41 939,80: the application writes 41 800
    # a stated salary holds its whole year and restarts the chain
    chain.restart(Fraction(40000), date(2027, 12, 31))
    assert chain.wage == 40000 and not chain.pending


def test_without_a_rounding_the_raise_is_exact(oka):
    raise_ = _coach(oka).annual_raise
    assert raise_ is not None
    coach = _coach(oka).model_copy(update={"annual_raise": raise_.model_copy(update={"rounding": None})})
    assert calc.raise_rule(coach) is None
    chain = calc.RaiseChain(coach, oka.period.start, oka.period.end, None)
    chain.next_raise()
    assert chain.wage == Fraction(39254)
    chain.next_raise()
    assert chain.wage == Fraction(39254) * Fraction(1033, 1000) == Fraction("40549.382")


def test_the_computation_and_the_check_run_the_same_chain(oka):
    coach = _coach(oka)
    plain = coach.model_copy(update={"by_year": {}})  # no stated salaries: the chain alone
    results = calc.salary(plain, line_slices(oka, plain), oka.period.start, oka.period.proration)
    wages = {key: result.steps[0].products[0][0].value for key, result in results.items()}
    assert wages == {2024: 38000, 2025: 39300, 2026: 40600, 2027: 41900}
    assert {key: result.exact for key, result in results.items()} == {
        2024: 283290, 2025: 1004508, 2026: 1037736, 2027: 803223}  # as the application states 2024–2026
    # the check compares the stated 41 800 of 2027 with the same chain's 41 900
    found = [p for p in oka.check().findings if p.code == "raise.salary" and p.path[1] == 1]
    assert [(p.path, p.params["previous"], p.params["expected"], p.params["stated"], p.params["impact"])
            for p in found] == [(("lines", 1, "by_year", 2027, "monthly_salary"), 40600, Decimal(41900),
                                 Decimal(41800), 1917)]  # 100 kr × 1,42 × 150 % × 9 months


# --- a line's active window ------------------------------------------------------------------------

def test_a_lines_active_window_is_its_dates_clipped_to_the_year(oka):
    line = oka.line("Resor").model_copy(update={"start": date(2024, 10, 1), "end": date(2026, 5, 31)})
    windows = {y.key: active_window(line, y) for y in oka.years}
    assert windows == {2024: (date(2024, 10, 1), date(2024, 12, 31)), 2025: (date(2025, 1, 1), date(2025, 12, 31)),
                       2026: (date(2026, 1, 1), date(2026, 5, 31)), 2027: (date(2027, 1, 1), date(2026, 5, 31))}
    slices = {sl.year.key: (sl.start, sl.end, sl.months) for sl in line_slices(oka, line)}
    assert slices[2024] == (date(2024, 10, 1), date(2024, 12, 31), 3)
    assert slices[2026] == (date(2026, 1, 1), date(2026, 5, 31), 5)
    assert slices[2027] == (None, None, 0)  # its window is empty: not active
    whole = oka.line("Deltagarna")  # no dates: the budget year, clipped to the period
    assert active_window(whole, oka.years[0]) == (date(2024, 9, 15), date(2024, 12, 31))


def test_the_period_check_counts_months_in_the_same_window(oka):
    data = to_data(oka)
    resor = next(ln for ln in data["lines"] if ln["name"] == "Resor")
    resor.update(start=date(2024, 10, 1), end=date(2026, 5, 31), by_year={2026: {"months": 12}})
    found = [p for p in Budget.model_validate(data).check().findings if p.code == "period.line_months"]
    assert [(p.params["budgeted"], p.params["counted"]) for p in found] == [(12, 5)]  # January–May


# --- which lines an `of` selects --------------------------------------------------------------------

def test_a_percentage_base_selects_by_category_and_leaves_out(oka_with_bases):
    b = oka_with_bases
    personal, other = b.line("OH personal"), b.line("OH övrigt")
    assert isinstance(personal, PercentageLine) and isinstance(other, PercentageLine)
    assert base_lines(b, personal) == STAFF
    # the default base less a category and two lines: the rent is in kind (never in it), the travel is
    assert base_lines(b, other) == [
        "Dator, IT, telefon", "Engångskostnad telefoner och datorer", "Deltagarna", "Övriga uppstartskostnader"]
    bases = percentage_bases(b).of
    assert bases["OH övrigt"].lines is None and bases["OH övrigt"].left_out == ("Resor",)
    assert bases["OH övrigt"].size == 4 and bases["OH personal"].size == 3
    c = b.compute()
    assert [c.amount("OH personal", k) for k in (2024, 2025)] == [49813, 174115]  # 10 % of 498 137, 1 741 152
    assert [c.amount("OH övrigt", k) for k in (2024, 2025)] == [3475, 4200]  # 5 % of 69 500, 84 000


def test_one_rule_selects_for_percentage_lines_and_funders(oka):
    percentage, every = LineIndex(oka, in_default_base), LineIndex(oka, lambda line: True)
    of = Base(exclude_lines=["Lokalhyra", "Resor"])
    # the default pool of a percentage line holds no in-kind line; a funder's is every line
    assert percentage.select(of) == Selection(None, frozenset(), ("Resor",))
    assert every.select(of) == Selection(None, frozenset(), ("Resor", "Lokalhyra"))
    assert percentage.select(Base(categories=["Lönekostnader"])).lines == tuple(STAFF)
    assert percentage.select(Base(categories=["Lokalkostnader"])).lines == ()  # in kind: not chosen by category
    assert percentage.select(Base(lines=["Lokalhyra"])).lines == ("Lokalhyra",)  # named: taken whatever it is
    assert percentage.select(Base(categories=["Lönekostnader"]), itself=1).lines == (STAFF[0], STAFF[2])
    assert percentage.select(of) is percentage.select(Base(exclude_lines=["Resor", "Lokalhyra"]))  # one selection


def test_a_funders_share_is_of_the_lines_its_of_selects(oka_with_bases):
    c = oka_with_bases.compute()
    of = oka_with_bases.funder("Smedjebackens kommun").of
    # 2024: costs 630 256 (576 968 and the overheads 49 813 and 3 475) less the travel, 9 331
    assert financing.share_base(c, of, 2024) == 620925
    assert c.financing.row("Smedjebackens kommun").amounts[2024] == 62092  # 10 %, rounded down


# --- the financing's sources -----------------------------------------------------------------------

def test_each_source_is_a_function(oka, oka_with_bases):
    sources = {"amounts": financing.stated_amounts, "share": financing.share_of_costs,
               "lines": financing.lines_carried, "none": financing.nothing_or_party}
    assert sources == financing.SOURCES
    rows = oka.compute().financing.rows
    assert [(r.name, r.source, r.in_kind, r.lines) for r in rows] == [
        ("Västerbergslagens samordningsförbund", "rest", False, ()),
        ("Smedjebackens kommun", "none", True, ("Lokalhyra",))]  # named as the party: carries the rent in kind
    assert rows[0].amounts == {2024: 576968, 2025: 1857152, 2026: 1915088, 2027: 1477212}
    assert rows[1].amounts == dict.fromkeys((2024, 2025, 2026, 2027))  # the rent is not valued
    # with a share of its own, the municipality's rent goes to a row of the party's own
    named = [(r.name, r.source) for r in oka_with_bases.compute().financing.rows]
    assert named == [("Västerbergslagens samordningsförbund", "rest"), ("Smedjebackens kommun", "share"),
                     ("Smedjebackens kommun (i natura)", "party")]


@pytest.mark.parametrize(("lang", "default", "row"), [("sv", "Sökt belopp", "Kommunen (i natura)"),
                                                      ("en", "Applied for", "Kommunen (in kind)")])
def test_the_rows_grantcalc_names_are_in_the_budgets_language(lang, default, row):
    data = {"project": {"name": "P", "language": lang}, "period": {"start": "2025-01-01", "end": "2025-12-31"},
            "lines": [{"name": "Hyra", "kind": "recurring", "category": "Lokalkostnader", "amount": 1000,
                       "per": "month"},
                      {"name": "Lokal", "kind": "in_kind", "category": "Lokalkostnader", "party": "Kommunen",
                       "amount": 500, "per": "month"}]}
    assert [r.name for r in Budget.model_validate(data).compute().financing.rows] == [default, "Kommunen"]
    data["financing"] = [{"name": "Förbundet", "rest": True}, {"name": "Kommunen", "amounts": {2025: 100}}]
    rows = Budget.model_validate(data).compute().financing.rows
    assert [(r.name, r.total) for r in rows] == [("Förbundet", 11900), ("Kommunen", 100), (row, 6000)]


# --- the validation's rules --------------------------------------------------------------------------

def test_the_rules_run_in_their_order():
    assert [r.__name__ for r in validate.PERIOD_RULES] == ["period_order", "period_length", "fiscal_year",
                                                           "period_years"]
    assert [r.__name__ for r in validate.RULES] == [
        "period_months", "unique_categories", "each_line", "percentage_refs", "each_funder", "applied_funder_known",
        "stated_years", "subtotal_refs", "plan_activities", "participants_rules"]
    assert [r.__name__ for r in validate.LINE_RULES] == [
        "line_name_unique", "line_category_known", "line_dates", "line_years", "one_off_when", "line_stated_years",
        "line_stated_rate", "salary_plausibility"]
    assert [r.__name__ for r in validate.FUNDER_RULES] == [
        "funder_unique", "one_rest", "one_applicant", "funder_lines", "funder_base_refs", "funder_years"]
    assert [r.__name__ for r in validate.BASE_RULES] == ["percentage_cycles", "empty_bases"]


def test_a_funders_lines_rule(oka):
    funder = Funder(name="Kommunen", lines=["Lokalhyra", "Resor", "Resor", "Resa"])
    budget = oka.model_copy(update={"financing": [funder]})  # not validated: the rule alone says what is wrong
    found = list(validate.funder_lines(funder, 0, validate.Context(budget)))
    assert [(p.code, p.path, p.params) for p in found] == [
        ("financing.in_kind_line_cash", ("financing", 0, "lines", 0), {"line": "Lokalhyra"}),
        ("financing.line_twice", ("financing", 0, "lines", 2), {"line": "Resor", "name": "Kommunen"}),
        ("budget.unknown_line", ("financing", 0, "lines", 3), {"name": "Resa", "did_you_mean": "Resor"})]


def test_the_salary_rules(oka):
    coach = _coach(oka).model_copy(update={"on_cost": Decimal(142), "fte": Decimal(3)})  # people: 2
    at = ("lines", 1)
    assert [(p.code, p.params) for p in validate.on_cost_high(coach, at)] == [
        ("plausibility.on_cost_high", {"value": 142, "suggestion": "1.42", "percent": 42})]
    assert [(p.code, p.path) for p in validate.fte_people(coach, at)] == [("plausibility.fte_people", (*at, "fte"))]
    assert list(validate.fte_high(coach, at)) == []  # with people, many FTE are plausible
    assert list(validate.salary_low(coach, at)) == []  # 38 000 kr, and 39 300… by year


def test_the_period_rules_stop_at_the_first_problem(oka):
    reversed_ = oka.model_copy(update={"period": oka.period.model_copy(
        update={"start": date(2027, 9, 14), "end": date(2024, 9, 15)})})
    assert [p.code for p in validate.validate_budget(reversed_)] == ["budget.period_order"]
    assert validate.validate_budget(oka) == []
