"""Hostile budget files are read in time linear in their size: large generated inputs.

Each test builds a file of the size that used to take minutes, hours or all the memory — a number
field of 40 000 (or a million) spaces, 3 000 ``%`` signs in a stated figure, a chain of 5 000
percentage lines, a million unknown keys — and asserts what comes out: the finding's code, place and
message, or the amounts computed exactly. No time is asserted; a return to quadratic time shows as a
suite that does not finish. The small cases of each are files in ``tests/examples/bad``.
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic_core import PydanticCustomError

import grantcalc
from grantcalc import BudgetError, Problem
from grantcalc import formatting as fmt
from grantcalc.budget.stated import MAX_FORMULA_TEXT, StatedFigure, parse_stated
from grantcalc.budget.validate import base_lines, percentage_order
from grantcalc.loader import MAX_UNKNOWN_KEYS, MAX_UNKNOWN_KEYS_PER_PLACE
from grantcalc.messages import CATALOG
from grantcalc.money import MAX_NUMBER_TEXT

NB = "\u00a0"

HEAD = """\
project:
  name: Test
  funder: Förbundet
period:
  start: 2024-01-01
  end: 2025-12-31
lines:
"""
COACH = """\
  - name: Coach
    kind: salary
    category: Lönekostnader
    monthly_salary: {salary}
    on_cost: {on_cost}
    fte: {fte}
"""
RESOR = """\
  - name: Resor
    kind: recurring
    category: travel
    amount: 1000
    per: month
"""


def coach(salary: str = "35000", on_cost: str = "1.42", fte: str = "1", extra: str = "") -> str:
    return COACH.format(salary=salary, on_cost=on_cost, fte=fte) + extra


def errors(text: str, fmt_: str = "yaml", tmp_path: Path | None = None) -> list[Problem]:
    """The problems of a budget that must not load, each with a catalog text."""
    with pytest.raises(BudgetError) as caught:
        if tmp_path is None:
            grantcalc.loads(text, format=fmt_)
        else:
            path = tmp_path / f"budget.{fmt_}"
            path.write_text(text, encoding="utf-8")
            grantcalc.load(path)
    found = caught.value.problems
    for p in found:
        assert p.code in CATALOG, p.code
        assert "{" not in p.message("sv") and "{" not in p.message("en"), p.message("en")
    return found


def only(found: list[Problem]) -> Problem:
    assert len(found) == 1, [p.format("en") for p in found]
    return found[0]


# --- 1. a number field of a run of spaces -------------------------------------------------------------

def test_a_number_field_of_40_000_spaces_is_refused_as_too_long():
    """Was over a minute: the currency-suffix regex backtracked at every position of the run."""
    text = HEAD + coach(salary='"1' + " " * 40_000 + 'x"') + RESOR
    p = only(errors(text))
    assert (p.code, p.path, p.line) == ("invalid.number_too_long", ("lines", 0, "monthly_salary"), 11)
    sv, en = p.message("sv"), p.message("en")
    assert f"40{NB}002 tecken" in sv and f"högst {MAX_NUMBER_TEXT} tecken" in sv
    assert "40,002 characters" in en and f"at most {MAX_NUMBER_TEXT}" in en
    assert "'1" in sv and "…" in sv  # the value quoted, cut short


@pytest.mark.parametrize(("field", "value", "path", "code"), [
    ("salary", '"1' + " " * 1_000_000 + 'kr"', ("lines", 0, "monthly_salary"), "invalid.number_too_long"),
    ("on_cost", '"42' + " " * 1_000_000 + '%"', ("lines", 0, "on_cost"), "invalid.number_too_long"),
    ("fte", '"1' + "0" * 1_000_000 + '"', ("lines", 0, "fte"), "invalid.too_large"),  # digits only: a number
    ("stated", '"35.000 kr' + " " * 1_000_000 + '× 12 = 420.000 kr"', ("lines", 0, "stated", 2024),
     "invalid.formula_too_long"),
    ("stated", '"420' + " " * 1_000_000 + '000 kr"', ("lines", 0, "stated", 2024), "invalid.number_too_long"),
])
def test_a_megabyte_in_one_number_field_is_one_clear_finding(field, value, path, code):
    """1 MB would have taken hours: every way a number is read is capped before it is parsed."""
    if field == "stated":
        text = HEAD + coach(extra=f"    stated: {{2024: {value}}}\n") + RESOR
    else:
        text = HEAD + coach(**{field: value}) + RESOR
    p = only(errors(text))
    assert (p.code, p.path) == (code, path)
    assert p.line is not None
    if code == "invalid.formula_too_long":
        assert f"högst {MAX_FORMULA_TEXT} tecken" in p.message("sv")


# --- 2. 3 000 % signs ---------------------------------------------------------------------------------

def test_3000_percent_signs_in_a_stated_figure_are_a_message_not_a_recursion_error(tmp_path):
    text = HEAD + coach(extra='    stated: {2024: "5' + "%" * 3000 + '"}\n') + RESOR
    p = only(errors(text, tmp_path=tmp_path))
    assert (p.code, p.path, p.line, p.file) == ("invalid.number_too_long", ("lines", 0, "stated", 2024), 14,
                                                str(tmp_path / "budget.yaml"))
    assert f"3{NB}001 tecken" in p.message("sv")


def test_percent_signs_within_the_limit_still_divide_by_100_each():
    text = HEAD + coach(extra='    stated: {2024: "5 %%", 2025: "150 %"}\n') + RESOR
    budget = grantcalc.loads(text)
    assert budget.lines[0].stated[2024].amount == Decimal("0.0005")
    assert budget.lines[0].stated[2025].amount == Decimal("1.5")


_FORMULA_CHARS = st.sampled_from(list("0123456789 ,.%=×*·xXkrmånpers/\u00a0\u2212-+\t"))


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.builds(lambda head, chunk, times, tail: head + chunk * times + tail,
                 st.text(_FORMULA_CHARS, max_size=20), st.text(_FORMULA_CHARS, min_size=1, max_size=5),
                 st.integers(0, 20_000), st.text(_FORMULA_CHARS, max_size=20)))
def test_a_stated_figure_of_any_text_is_a_figure_or_a_validation_message(text):
    """The stated-formula parser: a figure, or pydantic's error with a catalogued type — never a
    RecursionError or another exception, whatever the text and its length."""
    try:
        figure = parse_stated(text)
    except PydanticCustomError as err:
        assert f"invalid.{err.type}" in CATALOG
    else:
        assert isinstance(figure, StatedFigure)
        assert len(text) <= MAX_FORMULA_TEXT


# --- 3. a chain of 5 000 percentage lines ----------------------------------------------------------------

def chain(n: int, *, reverse: bool = False, rate: str = "100 %", close: bool = False) -> str:
    """Resor and ``n`` percentage lines P0…P{n-1}, each a percentage of the one before (P0 of Resor);
    ``close``: P0 of the last one instead, a cycle through all of them."""
    out = []
    for i in range(n):
        of = f"P{n - 1}" if close and i == 0 else "Resor" if i == 0 else f"P{i - 1}"
        out.append(f"  - {{name: P{i}, kind: percentage, category: other, rate: \"{rate}\", of: {{lines: [{of}]}}}}\n")
    if reverse:
        out.reverse()
    return HEAD + RESOR + "".join(out)


@pytest.mark.slow  # 5 000 lines computed twice: with the long campaigns
@pytest.mark.parametrize("reverse", [False, True], ids=["in-order", "reversed"])
def test_a_chain_of_5000_percentage_lines_computes_exactly(reverse):
    """Was 98 s (every base chose its lines by scanning every line); reversed, the dependency walk
    recursed 5 000 deep (a RecursionError)."""
    budget = grantcalc.loads(chain(5000, reverse=reverse))
    assert percentage_order(budget) == [f"P{i}" for i in range(5000)]
    assert base_lines(budget, budget.line("P4999")) == ["P4998"]
    computation = budget.compute()
    for year in (2024, 2025):
        assert computation.amount("P4999", year) == Decimal(12000)
        assert computation.cell("P4999", year).formula_text("sv") == f"100{NB}% × 12{NB}000{NB}kr = 12{NB}000{NB}kr"
    assert computation.total == Decimal(24000) * 5001


def test_a_chain_of_halvings_is_exact_at_its_end():
    """Each line half the one before, rounded to whole kronor on the rounded one before it."""
    budget = grantcalc.loads(chain(5000, rate="50 %"))
    computation = budget.compute()
    expected = Decimal(12000)
    for _ in range(5000):
        expected = (expected / 2).quantize(Decimal(1), rounding="ROUND_HALF_UP")
    assert computation.amount("P4999", 2024) == expected == 1  # 50 % of 1 kr is 0,50, rounded up to 1
    assert [computation.amount(f"P{i}", 2024) for i in range(6)] == [6000, 3000, 1500, 750, 375, 188]


def test_a_cycle_through_5000_percentage_lines_is_one_finding():
    p = only(errors(chain(5000, close=True)))
    assert (p.code, p.path) == ("budget.percentage_cycle", ("lines", 1, "of"))
    cycle = p.params["cycle"].split(" → ")
    assert len(cycle) == 5001 and cycle[0] == cycle[-1] == "P0" and cycle[1] == "P4999"


def test_percentage_lines_on_the_default_base_each_leaving_out_another_line():
    """2 000 overheads on every cost but one (a different one each): each base is the total less one
    line, computed without listing the 1 999 others 2 000 times."""
    n = 2000
    costs = "".join(f"  - {{name: R{i}, kind: explicit, category: other, amounts: {{2024: {i + 1}, 2025: 1}}}}\n"
                    for i in range(n))
    overheads = "".join(f"  - {{name: O{i}, kind: percentage, category: indirect, rate: \"10 %\", "
                        f"of: {{exclude_lines: [R{i}]}}}}\n" for i in range(n))
    everything = "  - {name: All, kind: percentage, category: indirect, rate: \"1 %\"}\n"
    salaries = ("  - {name: S, kind: percentage, category: indirect, rate: \"100 %\", "
                "of: {exclude_categories: [other]}}\n")
    budget = grantcalc.loads(HEAD + costs + overheads + everything + salaries)
    computation = budget.compute()
    total = sum(range(1, n + 1))
    for i in (0, 1, 999, n - 1):
        base = Decimal(total - (i + 1))
        assert computation.amount(f"O{i}", 2024) == (base / 10).quantize(Decimal(1), rounding="ROUND_HALF_UP")
        assert computation.amount(f"O{i}", 2025) == 200  # 10 % of 1 999: 199,9
    assert computation.amount("All", 2024) == (Decimal(total) / 100).quantize(Decimal(1), rounding="ROUND_HALF_UP")
    assert computation.amount("S", 2024) == 0  # the base less its only category: empty
    assert base_lines(budget, budget.line("O7")) == [f"R{i}" for i in range(n) if i != 7]
    assert [w.code for w in budget.warnings] == ["budget.empty_base"]


def test_percentage_lines_with_the_same_category_base_share_it():
    n = 2000
    costs = "".join(f"  - {{name: R{i}, kind: explicit, category: Lönekostnader, amounts: {{2024: 100}}}}\n"
                    for i in range(n))
    overheads = "".join(f"  - {{name: O{i}, kind: percentage, category: indirect, rate: \"1 %\", "
                        f"of: {{categories: [Lönekostnader]}}}}\n" for i in range(n))
    computation = grantcalc.loads(HEAD + costs + overheads).compute()
    assert {computation.amount(f"O{i}", 2024) for i in range(n)} == {Decimal(2000)}
    assert {computation.amount(f"O{i}", 2025) for i in range(n)} == {0}


def test_funders_with_shares_of_different_bases():
    """1 000 funders each with a share of the costs less one line: each base chosen once."""
    n = 1000
    costs = "".join(f"  - {{name: R{i}, kind: explicit, category: other, amounts: {{2024: 1000}}}}\n"
                    for i in range(n))
    funders = "".join(f"  - {{name: F{i}, share: \"0,1 %\", of: {{exclude_lines: [R{i}]}}}}\n" for i in range(n))
    text = HEAD + costs + "financing:\n" + funders + "  - {name: Förbundet, rest: true, applies: true}\n"
    financing = grantcalc.loads(text).compute().financing
    assert financing.row("F0").amount(2024) == Decimal(999)  # 0,1 % of 999 000
    assert financing.row("F999").amount(2024) == Decimal(999)
    assert financing.row("Förbundet").amount(2024) == Decimal(1_000_000 - 999 * n)
    assert financing.balanced


@pytest.mark.slow  # seconds of work at scale: with the long campaigns
def test_thousands_of_misspelt_line_references_are_all_reported():
    """Each misspelt reference used to be compared with every line name for its "did you mean";
    past a budget of comparisons the finding comes without a hint."""
    n = 3000
    costs = "".join(f"  - {{name: R{i}, kind: explicit, category: other, amounts: {{2024: 1}}}}\n" for i in range(n))
    overheads = "".join(f"  - {{name: O{i}, kind: percentage, category: indirect, rate: \"1 %\", "
                        f"of: {{lines: [R{i}x]}}}}\n" for i in range(n))
    found = errors(HEAD + costs + overheads)
    assert [p.code for p in found] == ["budget.unknown_line"] * n
    assert [p.path for p in found[:2]] == [("lines", n, "of", "lines", 0), ("lines", n + 1, "of", "lines", 0)]
    assert found[0].params["did_you_mean"] == "R0"  # the first ones still get their hint
    assert found[-1].params["did_you_mean"] is None
    assert all(p.line is not None for p in found)


# --- 3b. a million unknown keys ----------------------------------------------------------------------------

@pytest.mark.parametrize("count", [100_000, pytest.param(1_000_000, marks=pytest.mark.slow)])
def test_a_million_unknown_keys_are_ten_findings_and_a_count(tmp_path, count):
    """Was 106 s, 1.8 GB and 10^6 messages: pydantic reported every key, and each became a problem
    with a "did you mean" and two rendered messages. (The default run has 10^5 keys; the million,
    which takes about 15 s here, runs with the long campaigns: pytest -m slow.)"""
    project: dict[str, object] = {"name": "x"}
    project.update({f"k{i}": 1 for i in range(count)})
    data = {"project": project, "period": {"start": "2024-01-01", "end": "2025-12-31"},
            "lines": [{"name": "Resor", "kind": "recurring", "category": "travel", "amount": 1000, "per": "month"}]}
    found = errors(json.dumps(data, indent=1), "json", tmp_path)
    listed = MAX_UNKNOWN_KEYS_PER_PLACE
    assert [(p.code, p.path, p.line) for p in found] == (
        [("invalid.extra_forbidden", ("project", f"k{i}"), 4 + i) for i in range(listed)]
        + [("invalid.extra_forbidden_more", ("project", f"k{listed}"), 4 + listed)])
    assert all(p.file == str(tmp_path / "budget.json") for p in found)
    more = count - listed - 1
    assert f"{more:,}".replace(",", NB) in found[-1].message("sv")
    assert f"{more:,} more unknown keys" in found[-1].message("en")


def test_unknown_keys_across_the_file_are_listed_up_to_a_limit():
    """One place with 30 unknown keys, then 300 lines with one each: 10 listed and 20 counted in the
    first place, then lines up to the file's limit, and one count for all the rest."""
    lines = "".join(f"  - {{name: R{i}, kind: recurring, category: travel, amount: 1, per: month, note{i}: x}}\n"
                    for i in range(300))
    project = "project:\n  name: Test\n" + "".join(f"  k{i}: 1\n" for i in range(30))
    text = project + "period: {start: 2024-01-01, end: 2025-12-31}\nlines:\n" + lines
    found = errors(text)
    codes = [p.code for p in found]
    first_lines = MAX_UNKNOWN_KEYS - MAX_UNKNOWN_KEYS_PER_PLACE
    assert codes == (["invalid.extra_forbidden"] * MAX_UNKNOWN_KEYS_PER_PLACE + ["invalid.extra_forbidden_more"]
                     + ["invalid.extra_forbidden"] * first_lines + ["invalid.extra_forbidden_rest"])
    assert found[MAX_UNKNOWN_KEYS_PER_PLACE].params["more"] == 30 - MAX_UNKNOWN_KEYS_PER_PLACE - 1
    rest = found[-1]
    assert rest.path == ("lines", first_lines, f"note{first_lines}")
    assert rest.params["count"] == 300 - first_lines
    assert f"{300 - first_lines - 1} till" in rest.message("sv") and rest.line == 35 + first_lines


def test_a_mapping_with_one_unknown_key_past_the_limit_lists_it():
    project = "project:\n  name: Test\n" + "".join(f"  k{i}: 1\n" for i in range(MAX_UNKNOWN_KEYS_PER_PLACE + 1))
    found = errors(project + "period: {start: 2024-01-01, end: 2025-12-31}\nlines:\n" + RESOR)
    assert [p.code for p in found] == ["invalid.extra_forbidden"] * (MAX_UNKNOWN_KEYS_PER_PLACE + 1)


# --- 4. a percentage too small for its decimals -----------------------------------------------------------

def test_a_tiny_fte_does_not_read_as_zero_percent():
    computation = grantcalc.loads(HEAD + coach(fte="0.0000001") + RESOR).compute()
    cell = computation.cell("Coach", 2024)
    assert cell.formula_text("sv") == f"35{NB}000{NB}kr × 1,42 × 0,00001{NB}% × 12{NB}mån = 0{NB}kr"
    assert cell.formula_text("en") == f"SEK{NB}35,000 × 1.42 × 0.00001% × 12{NB}months = SEK{NB}0"


@pytest.mark.parametrize(("rate", "sv", "en"), [
    (Decimal("0.0000001"), f"0,00001{NB}%", "0.00001%"),
    (Decimal("-0.0000001"), f"\u22120,00001{NB}%", "-0.00001%"),
    (Decimal("0.00004"), f"0,004{NB}%", "0.004%"),  # two significant digits at most
    (Decimal("0.0000123456"), f"0,0012{NB}%", "0.0012%"),
    (Decimal("0.00005"), f"0,01{NB}%", "0.01%"),  # rounds to 0,01: shown as before
    (Decimal("1.5"), f"150{NB}%", "150%"),
    (Decimal("0.033"), f"3,3{NB}%", "3.3%"),
    (Decimal("0"), f"0{NB}%", "0%"),
])
def test_a_percentage_has_the_digits_it_needs(rate, sv, en):
    assert (fmt.percent(rate, "sv"), fmt.percent(rate, "en")) == (sv, en)
    assert fmt.factor(Decimal("1.42"), "sv") == "1,42"
