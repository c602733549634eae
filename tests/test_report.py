"""The printed tables add up: read `grantcalc show` back as a reader would and add it up."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest

import grantcalc
from grantcalc.report.text import category_table, cost_table, formula_listing
from tests.conftest import EXAMPLES

NAMES = ["oka-innanforskapet", "ljusdal-hallbart-arbetsliv", "gemensam-kraft"]
FIGURE = re.compile(r"−?\d{1,3}(?:\u00a0\d{3})*")


def figures(row: str) -> list[Decimal]:
    """The amounts in a printed row, right to left columns as printed ('–' counts as 0)."""
    cells = [c for c in re.split(r"\s{2,}", row.strip()) if c]
    out = []
    for cell in cells:
        if cell == "–":
            out.append(Decimal(0))
        elif FIGURE.fullmatch(cell):
            out.append(Decimal(cell.replace("\u00a0", "").replace("−", "-")))
    return out


def table_rows(text: str) -> tuple[list[list[Decimal]], list[Decimal]]:
    lines = text.splitlines()
    rules = [i for i, ln in enumerate(lines) if ln.startswith("─")]
    # a row's amounts stand on its first line; a category's heading and a wrapped name's
    # continuation lines (a table laid out for 80 columns) have none
    body = [row for row in (figures(ln) for ln in lines[rules[0] + 1: rules[1]]) if row]
    summa = figures(lines[rules[1] + 1])
    return body, summa


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("lang", ["sv", "en"])
def test_cost_table_rows_and_columns_add_up(name, lang):
    c = grantcalc.load(EXAMPLES / f"{name}.yaml").compute()
    text = cost_table(c, lang)
    if lang == "en":  # English groups with commas; read it the same way
        text = re.sub(r"(?<=\d),(?=\d{3})", "\u00a0", text)
    body, summa = table_rows(text)
    years = len(c.years)
    assert len(body) == len(c.budget.lines)
    for row in body:
        assert len(row) == years + 1
        assert sum(row[:-1]) == row[-1]  # a line's years add up to its Totalt
    for col in range(years + 1):
        assert sum(r[col] for r in body) == summa[col]  # each column adds up to Summa
    assert summa[-1] == c.total


@pytest.mark.parametrize("name", NAMES)
def test_category_table_adds_up_to_the_same_total(name):
    c = grantcalc.load(EXAMPLES / f"{name}.yaml").compute()
    body, summa = table_rows(category_table(c))
    for col in range(len(summa)):
        assert sum(r[col] for r in body) == summa[col]
    assert summa == [c.year_total(y.key) for y in c.years] + [c.total]


@pytest.mark.parametrize("name", NAMES)
def test_formula_listing_amounts_add_up_to_each_year(name):
    c = grantcalc.load(EXAMPLES / f"{name}.yaml").compute()
    blocks = formula_listing(c).split("\n\n")[1:-1]  # title … year blocks … total
    assert len(blocks) == len(c.years)
    for year, block in zip(c.years, blocks):
        lines = block.splitlines()
        amounts = [Decimal(m.group(1).replace("\u00a0", "")) for ln in lines[1:-2]
                   if (m := re.search(r"\s(\d{1,3}(?:\u00a0\d{3})*)\u00a0kr\s{2}", ln))]  # the amount column
        summa = re.search(r"(\d{1,3}(?:\u00a0\d{3})*)\u00a0kr", lines[-1])
        assert sum(amounts) == Decimal(summa.group(1).replace("\u00a0", "")) == c.year_total(year.key)
