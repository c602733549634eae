"""Rich display: HTML for notebooks (``_repr_html_``) and the text reprs.

The HTML is read back with the standard library's parser, as a browser would
see it: tables as rows of cell texts (with each cell's tooltip), findings as
list items. Figures are compared after babel's no-break spaces are made
ordinary spaces, and added up as exact ``Decimal`` values.
"""

from __future__ import annotations

import re
from decimal import Decimal
from html.parser import HTMLParser

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import grantcalc
from grantcalc import Budget
from grantcalc.check.result import CheckResult
from grantcalc.compute.financing import Financing
from grantcalc.report.html import check_html, computation_html, financing_html
from tests.conftest import EXAMPLES

NAMES = ["oka-innanforskapet", "ljusdal-hallbart-arbetsliv", "gemensam-kraft"]
HOSTILE = '<script>alert(1)</script> & "x"'
D = Decimal


# --- reading HTML back --------------------------------------------------------------------

class Cell:
    def __init__(self, attrs: dict[str, str | None], header: bool):
        self.attrs = attrs
        self.header = header
        self.parts: list[str] = []

    @property
    def text(self) -> str:
        return plain("".join(self.parts)).strip()

    @property
    def title(self) -> str | None:
        title = self.attrs.get("title")
        return plain(title) if title is not None else None

    def __repr__(self) -> str:
        return repr(self.text)


class Page(HTMLParser):
    """Tables (rows of cells, with the row's attributes) and list items of an HTML fragment."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.tables: list[dict] = []
        self.items: list[dict] = []
        self.texts: list[str] = []
        self._cell: Cell | None = None
        self._item: dict | None = None
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "table":
            self.tables.append({"attrs": attrs, "rows": []})
        elif tag == "tr":
            self.tables[-1]["rows"].append({"attrs": attrs, "cells": []})
        elif tag in ("td", "th"):
            self._cell = Cell(attrs, tag == "th")
            self.tables[-1]["rows"][-1]["cells"].append(self._cell)
        elif tag == "li":
            self._item = {"attrs": attrs, "parts": []}
            self.items.append(self._item)

    def handle_endtag(self, tag):
        if tag in ("td", "th"):
            self._cell = None
        elif tag == "li":
            self._item = None

    def handle_data(self, data):
        self.texts.append(data)
        if self._cell is not None:
            self._cell.parts.append(data)
        if self._item is not None:
            self._item["parts"].append(data)

    @property
    def text(self) -> str:
        return plain("".join(self.texts))

    def table(self, kind: str) -> list[list[Cell]]:
        """The rows of the table of class ``grantcalc-<kind>``, header row first."""
        found = [t for t in self.tables if t["attrs"].get("class") == f"grantcalc-{kind}"]
        assert len(found) == 1, [t["attrs"] for t in self.tables]
        return [row["cells"] for row in found[0]["rows"]]

    def row_attrs(self, kind: str) -> list[dict]:
        found = [t for t in self.tables if t["attrs"].get("class") == f"grantcalc-{kind}"]
        return [row["attrs"] for row in found[0]["rows"]]

    def item_texts(self) -> list[str]:
        return [plain("".join(i["parts"])) for i in self.items]


def plain(text: str) -> str:
    """No-break and thin spaces as ordinary spaces, the minus sign as hyphen-minus."""
    return text.replace("\u00a0", " ").replace("\u202f", " ").replace("\u2212", "-")


def number(text: str, lang: str = "sv") -> Decimal | None:
    """A table figure as Decimal: ``1 111 403`` / ``1,111,403``; ``–`` is None."""
    if text == "–":
        return None
    text = text.replace(" ", "")
    text = text.replace(",", "") if lang == "en" else text.replace(",", ".")
    assert re.fullmatch(r"[+-]?\d+(\.\d+)?", text), text
    return Decimal(text)


def by_name(rows: list[list[Cell]], column: int = 1) -> dict[str, list[Cell]]:
    return {row[column].text: row for row in rows[1:]}


def load(name: str) -> Budget:
    return grantcalc.load(EXAMPLES / f"{name}.yaml")


@pytest.fixture(scope="module")
def oka() -> Page:
    return Page(load("oka-innanforskapet")._repr_html_())


# --- the reference budgets ------------------------------------------------------------------

def test_oka_cost_table_header_cells_and_summa(oka):
    rows = oka.table("costs")
    assert [c.text for c in rows[0]] == ["Kostnadsslag", "Kostnadsrad", "2024", "2025", "2026", "2027", "Totalt"]
    assert all(c.header for c in rows[0])
    lines = by_name(rows)
    leader = lines["Processledare/samordnare"]
    assert leader[0].text == "Lönekostnader"
    assert [c.text for c in leader[2:]] == ["210 479", "721 644", "746 352", "577 656", "2 256 131"]
    summa = rows[-1]
    assert summa[0].text == "Summa"
    assert [c.text for c in summa[2:]] == ["576 968", "1 857 152", "1 915 088", "1 477 212", "5 826 420"]
    assert "bold" in oka.row_attrs("costs")[-1]["style"]
    # the amounts are right-aligned, in tabular figures; names left-aligned
    assert "text-align:right" in leader[2].attrs["style"] and "tabular-nums" in leader[2].attrs["style"]
    assert "text-align:left" in leader[1].attrs["style"]


def test_oka_in_kind_line_without_amount_shows_a_dash(oka):
    rent = by_name(oka.table("costs"))["Lokalhyra (i natura: Smedjebackens kommun)"]
    assert [c.text for c in rent[2:]] == ["–"] * 5
    assert rent[2].title == "i natura: Smedjebackens kommun (belopp ej angivet)"


def test_oka_cell_tooltip_is_its_formula(oka):
    lines = by_name(oka.table("costs"))
    assert lines["Processledare/samordnare"][2].title == "42 350 kr × 1,42 × 3,5 mån = 210 479 kr"
    assert lines["EVI-coacher"][3].title == "39 300 kr × 1,42 × 150 % × 12 mån = 1 004 508 kr"
    one_off = lines["Engångskostnad telefoner och datorer"]
    assert one_off[2].title == "35 000 kr (angivet belopp)"
    assert one_off[3].text == "0" and one_off[3].title is None  # nothing budgeted that year
    assert lines["Processledare/samordnare"][-1].title is None  # Totalt has no formula of its own


def test_oka_header_and_financing(oka):
    assert "Öka innanförskapet – fler i arbete" in oka.text
    assert "Västerbergslagens samordningsförbund · 2024-09-15 – 2027-09-14 · belopp i kr" in oka.text
    rows = oka.table("financing")
    assert [c.text for c in rows[0]] == ["Finansiär", "2024", "2025", "2026", "2027", "Totalt"]
    funders = by_name(rows, column=0)
    assert [c.text for c in funders["Smedjebackens kommun (i natura)"][1:]] == ["–"] * 5
    assert funders["Summa"][-1].text == "5 826 420"
    assert "Sökt belopp (Västerbergslagens samordningsförbund): 5 826 420 kr" in oka.text
    assert "Kostnader och finansiering balanserar varje år." in oka.text
    assert "Skillnad" not in oka.text


def test_oka_findings_are_six_warnings(oka):
    items = oka.items
    assert len(items) == 6
    assert {i["attrs"]["data-severity"] for i in items} == {"warning"}
    codes = [i["attrs"]["data-code"] for i in items]
    assert sorted(codes) == sorted(["period.months", "raise.salary", "raise.salary", "rate.conversion",
                                    "rate.conversion", "stated.formula"])
    first = oka.item_texts()[0]
    assert first.startswith("varning period.months ")
    assert "oka-innanforskapet.yaml:22" in first and "period.months[2027]" in first
    assert "2027 budgeteras med 9 månader" in first
    assert "Anmärkningar (0 fel, 6 varningar, 0 info)" in oka.text


def test_ljusdal_summa_row():
    page = Page(load("ljusdal-hallbart-arbetsliv")._repr_html_())
    summa = page.table("costs")[-1]
    header = [c.text for c in page.table("costs")[0]]
    assert summa[header.index("2022")].text == "1 111 403"
    assert summa[-1].text == "2 480 208"
    assert len(page.items) == 1 and page.items[0]["attrs"]["data-code"] == "plan.costs"


def test_gemensam_kraft_has_no_findings():
    budget = load("gemensam-kraft")
    page = Page(budget._repr_html_())
    assert page.items == []
    assert "Inga anmärkningar" in page.text
    assert "No findings" in Page(check_html(budget.check(), lang="en")).text


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("lang", ["sv", "en"])
def test_every_table_adds_up(name, lang):
    c = load(name).compute()
    page = Page(computation_html(c, lang=lang))
    for kind in ("costs", "financing"):
        rows = page.table(kind)
        first = 2 if kind == "costs" else 1
        body, summa = rows[1:-1], rows[-1]
        assert summa[0].text == ("Summa" if lang == "sv" else "Sum")
        figures = [[number(cell.text, lang) for cell in row[first:]] for row in body]
        sums = [number(cell.text, lang) for cell in summa[first:]]
        for row in figures:
            if row[-1] is not None:
                assert sum(v or D(0) for v in row[:-1]) == row[-1]  # a row's years add up to its Totalt
        for col, total in enumerate(sums):
            assert sum(row[col] or D(0) for row in figures) == total  # a column adds up to Summa
        assert sum(sums[:-1]) == sums[-1]
    costs_summa = [number(cell.text, lang) for cell in page.table("costs")[-1][2:]]
    assert costs_summa == [c.year_total(y.key) for y in c.years] + [c.total]


def test_english():
    budget = load("oka-innanforskapet")
    page = Page(check_html(budget.check(), lang="en"))
    rows = page.table("costs")
    assert [c.text for c in rows[0]][:2] == ["Category", "Line"] and rows[0][-1].text == "Total"
    assert [c.text for c in rows[-1][2:]] == ["576,968", "1,857,152", "1,915,088", "1,477,212", "5,826,420"]
    assert rows[-1][0].text == "Sum"
    lines = by_name(rows)
    assert lines["Processledare/samordnare"][2].title == "SEK 42,350 × 1.42 × 3.5 months = SEK 210,479"
    assert "Lokalhyra (in kind: Smedjebackens kommun)" in lines
    assert page.table("financing")[0][0].text == "Funder"
    assert "Applied amount (Västerbergslagens samordningsförbund): SEK 5,826,420" in page.text
    assert "amounts in SEK" in page.text
    assert page.item_texts()[0].startswith("warning period.months ")
    assert "Findings (0 errors, 6 warnings, 0 infos)" in page.text
    for word in ("Summa", "Totalt", "Kostnadsslag", "varning", "belopp i kr"):
        assert word not in page.text
    assert 'lang="en"' in check_html(budget.check(), lang="en")


def test_unknown_language_is_refused():
    with pytest.raises(ValueError):
        computation_html(load("gemensam-kraft").compute(), lang="de")


# --- built in Python ----------------------------------------------------------------------

PERIOD = {"start": "2024-01-01", "end": "2025-12-31"}


def small(*lines: dict, **extra) -> Budget:
    return Budget.model_validate({"project": {"name": "P"}, "period": PERIOD, "lines": list(lines), **extra})


def test_hostile_names_are_escaped():
    budget = Budget.model_validate({
        "project": {"name": HOSTILE, "funder": HOSTILE + " förbund"},
        "period": PERIOD,
        "categories": [HOSTILE + " slag"],
        "lines": [
            {"name": HOSTILE, "kind": "recurring", "category": HOSTILE + " slag", "amount": 1000, "per": "month",
             "stated": {2024: 11000}},  # differs: a finding names the line
            {"name": "Lokal", "kind": "in_kind", "category": "premises", "party": HOSTILE + " kommun"},
        ],
        "financing": [{"name": HOSTILE + " förbund", "amounts": {2024: 10000}}],
    })
    html = budget._repr_html_()
    assert "<script" not in html and "alert(1)</" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot;" in html
    page = Page(html)
    assert {t["attrs"]["class"] for t in page.tables} == {"grantcalc-costs", "grantcalc-financing"}
    lines = by_name(page.table("costs"))
    assert lines[HOSTILE][0].text == HOSTILE + " slag"
    assert lines[HOSTILE][2].text == "12 000"
    assert f"Lokal (i natura: {HOSTILE} kommun)" in lines
    assert lines[f"Lokal (i natura: {HOSTILE} kommun)"][2].title == f"i natura: {HOSTILE} kommun (belopp ej angivet)"
    funders = by_name(page.table("financing"), column=0)
    assert HOSTILE + " förbund" in funders
    assert page.text.startswith(HOSTILE)
    assert any(text.startswith("fel stated.line_year lines[0].stated[2024]" + HOSTILE + ", 2024: ")
               for text in page.item_texts())


def test_unbalanced_budget_shows_the_difference_highlighted():
    budget = small({"name": "Hyra", "kind": "recurring", "category": "premises", "amount": 5000, "per": "month"},
                   financing=[{"name": "Förbundet", "amounts": {2024: 50000, 2025: 60000}}])
    page = Page(budget._repr_html_())
    rows = page.table("financing")
    difference = rows[-1]
    assert difference[0].text == "Skillnad (finansiering − kostnader)".replace("\u2212", "-")
    assert [number(c.text) for c in difference[1:]] == [D(-10000), D(0), D(-10000)]
    assert "background" in page.row_attrs("financing")[-1]["style"]
    assert [c.text for c in rows[-2][1:]] == ["50 000", "60 000", "110 000"]  # Summa stays above it
    assert "Kostnader och finansiering balanserar inte." in page.text
    assert {i["attrs"]["data-severity"] for i in page.items} == {"error"}
    assert page.item_texts()[0].startswith("fel balance.")
    assert "financing[0].amounts[2024]" in page.item_texts()[0]
    # a surplus is signed
    over = small({"name": "Hyra", "kind": "recurring", "category": "premises", "amount": 5000, "per": "month"},
                 financing=[{"name": "Förbundet", "amounts": {2024: 60001, 2025: 60000}}])
    assert [c.text for c in Page(over._repr_html_()).table("financing")[-1][1:]] == ["+1", "0", "+1"]


def test_balanced_budget_has_no_difference_row():
    budget = small({"name": "Hyra", "kind": "recurring", "category": "premises", "amount": 5000, "per": "month"})
    page = Page(budget._repr_html_())
    assert page.table("financing")[-1][0].text == "Summa"
    assert "Skillnad" not in page.text


def test_computation_without_findings():
    c = load("oka-innanforskapet").compute()
    page = Page(computation_html(c, findings=False))
    assert page.items == [] and "Anmärkningar" not in page.text
    assert len(page.tables) == 2
    assert Page(c._repr_html_()).items  # the notebook display includes them


def test_financing_display(monkeypatch):
    monkeypatch.setenv("COLUMNS", "200")  # the text repr as wide as its rows (at 80 the funders' names wrap)
    fin = load("oka-innanforskapet").compute().financing
    page = Page(fin._repr_html_())
    assert [t["attrs"]["class"] for t in page.tables] == ["grantcalc-financing"]
    assert page.table("financing")[-1][-1].text == "5 826 420"
    assert fin._repr_html_() == financing_html(fin)
    text = plain(repr(fin))
    assert text.splitlines()[0].split()[0] == "Finansiär"
    assert re.search(r"^Summa\s+576 968\s+1 857 152\s+1 915 088\s+1 477 212\s+5 826 420$", text, re.M)
    assert "Smedjebackens kommun (i natura)" in text
    assert text.endswith("Sökt belopp (Västerbergslagens samordningsförbund): 5 826 420 kr")
    assert "computation=" not in text  # not the dataclass repr
    assert plain(fin.table("en")).startswith("Funder")


def test_check_result_display():
    result = load("oka-innanforskapet").check()
    assert isinstance(result, CheckResult)
    assert result._repr_html_() == check_html(result)


# --- text reprs ----------------------------------------------------------------------------

def test_budget_repr_is_plain_and_the_report_is_budget_report(monkeypatch):
    """repr(budget) computes nothing (a log line or a debugger must not run the pipeline);
    the check report is budget.report()."""
    budget = load("oka-innanforskapet")

    def fails(self, **kwargs):
        raise AssertionError("repr ran the check")

    with monkeypatch.context() as patched:
        patched.setattr(Budget, "check", fails)
        assert repr(budget) == "Budget('Öka innanförskapet – fler i arbete', 9 lines, 2024-09-15 – 2027-09-14)"
    text = plain(budget.report())
    assert text == plain(budget.check().report())
    assert re.search(r"^Summa\s+576 968\s+1 857 152\s+1 915 088\s+1 477 212\s+5 826 420$", text, re.M)
    assert "Anmärkningar (0 fel, 6 varningar, 0 info):" in text


def test_computation_repr_is_the_text_table():
    c = load("ljusdal-hallbart-arbetsliv").compute()
    assert repr(c) == c.table()
    assert re.search(r"^Summa\s+1 111 403\s+1 085 966\s+282 839\s+2 480 208$", plain(repr(c)), re.M)


def test_budget_repr_never_raises(monkeypatch):
    budget = load("oka-innanforskapet")

    def broken(self, **kwargs):
        raise ZeroDivisionError("boom")

    monkeypatch.setattr(Budget, "check", broken)
    assert repr(budget) == "Budget('Öka innanförskapet – fler i arbete', 9 lines, 2024-09-15 – 2027-09-14)"
    assert budget._repr_html_() is None  # the notebook falls back to the text repr


def test_financing_repr_is_not_the_dataclass_repr():
    assert Financing.__repr__ is not object.__repr__
    assert "rows=" not in repr(load("gemensam-kraft").compute().financing)


# --- property ----------------------------------------------------------------------------

FAST = {"deadline": None, "suppress_health_check": [HealthCheck.too_slow]}

recurring = st.fixed_dictionaries({
    "kind": st.just("recurring"),
    "category": st.sampled_from(["premises", "travel", "other", "material"]),
    "amount": st.integers(1, 2_000_000),
    "per": st.sampled_from(["month", "year"]),
})
one_off = st.fixed_dictionaries({
    "kind": st.just("one_off"),
    "category": st.sampled_from(["equipment", "other"]),
    "amount": st.integers(1, 5_000_000),
    "year": st.sampled_from([2024, 2025, 2026]),
})


@settings(max_examples=40, **FAST)
@given(lines=st.lists(st.one_of(recurring, one_off), min_size=1, max_size=5),
       start_month=st.integers(1, 12), lang=st.sampled_from(["sv", "en"]))
def test_property_every_rendered_amount_is_the_computed_decimal(lines, start_month, lang):
    lines = [{"name": f"Rad {i}", **line} for i, line in enumerate(lines)]
    budget = Budget.model_validate({"project": {"name": "P"},
                                    "period": {"start": f"2024-{start_month:02d}-01", "end": "2026-06-30"},
                                    "lines": lines})
    c = budget.compute()
    rows = Page(computation_html(c, lang=lang, findings=False)).table("costs")
    assert [cell.text for cell in rows[0][2:-1]] == [y.label(lang) for y in c.years]
    body = by_name(rows)
    for line in budget.lines:
        row = body[line.name]
        for y, cell in zip(c.years, row[2:]):
            assert number(cell.text, lang) == c.amount(line.name, y.key)
        assert number(row[-1].text, lang) == c.line_total(line.name)
    assert [number(cell.text, lang) for cell in rows[-1][2:]] == [c.year_total(y.key) for y in c.years] + [c.total]
