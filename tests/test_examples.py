"""Acceptance: the three reference applications, every stated figure to the krona.

The figures below are copied from ../shared/reference/*.md (the documents'
own tables); the examples declare the budgets as rules (salary × factor ×
FTE × months, places at a price, …) and must reproduce them through
``load → compute → to_frame``.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

import grantcalc
from tests.conftest import EXAMPLES

# line name → {budget year: stated amount}; None = stated without an amount (in kind)
OKA = {
    "Processledare/samordnare": {2024: 210479, 2025: 721644, 2026: 746352, 2027: 577656},
    "EVI-coacher": {2024: 283290, 2025: 1004508, 2026: 1037736, 2027: 801306},
    "Övriga personalkostnader": {2024: 4368, 2025: 15000, 2026: 15000, 2027: 11250},
    "Resor": {2024: 9331, 2025: 32000, 2026: 32000, 2027: 24000},
    "Dator, IT, telefon": {2024: 7000, 2025: 24000, 2026: 24000, 2027: 18000},
    "Engångskostnad telefoner och datorer": {2024: 35000},
    "Deltagarna": {2024: 17500, 2025: 60000, 2026: 60000, 2027: 45000},
    "Övriga uppstartskostnader": {2024: 10000},
}
OKA_YEARS = {2024: 576968, 2025: 1857152, 2026: 1915088, 2027: 1477212}
OKA_TOTAL = 5826420

LJUSDAL = {
    "Finsam-coacher": {2022: 943403, 2023: 970966, 2024: 249839},
    "Utbildning SE/IPS": {2022: 55000, 2023: 0, 2024: 0},
    "AME Ljusdal": {2022: 48000, 2023: 48000, 2024: 12000},
    "Material": {2022: 25000, 2023: 17000, 2024: 5000},
    "Resor": {2022: 30000, 2023: 30000, 2024: 5000},
    "Avslutskonferens": {2022: 0, 2023: 0, 2024: 5000},
    "Handledning": {2022: 10000, 2023: 20000, 2024: 6000},
}
LJUSDAL_LINE_TOTALS = {"Finsam-coacher": 2164208, "Utbildning SE/IPS": 55000, "AME Ljusdal": 108000,
                       "Material": 47000, "Resor": 65000, "Avslutskonferens": 5000, "Handledning": 36000}
LJUSDAL_YEARS = {2022: 1111403, 2023: 1085966, 2024: 282839}
LJUSDAL_TOTAL = 2480208

_MUNICIPALITIES = ["Bromölla kommun", "Hässleholms kommun", "Kristianstads kommun", "Osby kommun",
                   "Östra Göinge kommun"]
GEMENSAM = {
    "Bromölla kommun 15 platser": {2023: 490000, 2024: 650000, 2025: 650000, 2026: 165000},
    "Hässleholms kommun 40 platser": {2023: 1305000, 2024: 1735000, 2025: 1735000, 2026: 435000},
    "Kristianstads kommun 40 platser": {2023: 1305000, 2024: 1735000, 2025: 1735000, 2026: 435000},
    "Osby kommun 15 platser": {2023: 490000, 2024: 650000, 2025: 650000, 2026: 165000},
    "Östra Göinge 15 platser": {2023: 490000, 2024: 650000, 2025: 650000, 2026: 165000},
    **{f"Projektledning {m}": {2023: 130500, 2024: 87600, 2025: 87600, 2026: 21900} for m in _MUNICIPALITIES},
    "Kompetensutveckling BIP": {2023: 375000, 2024: 100000, 2025: 50000, 2026: 50000},
    "Utvärdering": {2024: 30000, 2025: 30000, 2026: 30000},
}
GEMENSAM_YEARS = {2023: 5107500, 2024: 5988000, 2025: 5938000, 2026: 1554500}
GEMENSAM_TOTAL = 18588000

CASES = {
    "oka-innanforskapet": (OKA, OKA_YEARS, OKA_TOTAL),
    "ljusdal-hallbart-arbetsliv": (LJUSDAL, LJUSDAL_YEARS, LJUSDAL_TOTAL),
    "gemensam-kraft": (GEMENSAM, GEMENSAM_YEARS, GEMENSAM_TOTAL),
}


@pytest.fixture(scope="module", params=sorted(CASES))
def case(request):
    budget = grantcalc.load(EXAMPLES / f"{request.param}.yaml")
    return request.param, budget, budget.compute()


def test_every_stated_line_amount(case):
    name, _budget, computation = case
    lines, _, _ = CASES[name]
    frame = computation.to_frame()
    for line, per_year in lines.items():
        for year in computation.years:
            expected = Decimal(per_year.get(year.key, 0))
            row = frame[(frame.line == line) & (frame.year == year.key)]
            assert len(row) == 1, (line, year.key)
            assert row.amount.iloc[0] == expected, (line, year.key)
            assert computation.amount(line, year.key) == expected


def test_every_year_total_and_the_grand_total(case):
    name, _budget, computation = case
    _, years, total = CASES[name]
    frame = computation.to_frame()
    assert ({y.key: computation.year_total(y.key) for y in computation.years}
            == {k: Decimal(v) for k, v in years.items()})
    by_year = frame.groupby("year")["amount"].sum()
    assert {int(k): v for k, v in by_year.items()} == {k: Decimal(v) for k, v in years.items()}
    assert computation.total == Decimal(total)
    assert sum(frame.amount, Decimal(0)) == Decimal(total)


def test_every_line_of_the_document_is_declared(case):
    """No line of the example is missing from the document's table, and none is extra
    (Öka's in-kind rent is stated without an amount)."""
    name, budget, _ = case
    lines, _, _ = CASES[name]
    declared = {ln.name for ln in budget.lines if ln.has_amount}
    assert declared == set(lines)


def test_ljusdal_line_totals_and_wide_form():
    computation = grantcalc.load(EXAMPLES / "ljusdal-hallbart-arbetsliv.yaml").compute()
    wide = computation.to_frame("wide")
    assert list(wide.columns) == ["category", "2022", "2023", "2024", "Totalt"]
    for line, total in LJUSDAL_LINE_TOTALS.items():
        assert wide.loc[line, "Totalt"] == Decimal(total)
    assert wide.loc["Summa", "Totalt"] == Decimal(LJUSDAL_TOTAL)
    assert [wide.loc["Summa", y] for y in ("2022", "2023", "2024")] == [Decimal(v) for v in LJUSDAL_YEARS.values()]


def test_oka_formulas_read_like_the_application():
    c = grantcalc.load(EXAMPLES / "oka-innanforskapet.yaml").compute()
    nb = "\u00a0"
    assert c.cell("Processledare/samordnare", 2024).formula_text() == \
        f"42{nb}350{nb}kr × 1,42 × 3,5{nb}mån = 210{nb}479{nb}kr"
    assert c.cell("EVI-coacher", 2024).formula_text() == \
        f"38{nb}000{nb}kr × 1,42 × 150{nb}% × 3,5{nb}mån = 283{nb}290{nb}kr"
    assert c.cell("Övriga personalkostnader", 2024).formula_text() == \
        f"416{nb}kr/mån × 3{nb}pers × 3,5{nb}mån = 4{nb}368{nb}kr"
    assert c.cell("EVI-coacher", 2027).formula_text("en") == \
        f"SEK{nb}41,800 × 1.42 × 150% × 9{nb}months = SEK{nb}801,306"


def test_oka_truncates_like_the_application():
    """42 350 × 1,42 × 3,5 = 210 479,50: the document writes 210 479 (rounding: down)."""
    c = grantcalc.load(EXAMPLES / "oka-innanforskapet.yaml").compute()
    cell = c.cell("Processledare/samordnare", 2024)
    assert cell.exact * 2 == 420959
    assert cell.amount == Decimal(210479)


def test_gemensam_rounds_the_year_then_the_part_year_up_to_5000():
    c = grantcalc.load(EXAMPLES / "gemensam-kraft.yaml").compute()
    cell = c.cell("Hässleholms kommun 40 platser", 2023)
    assert cell.exact == 1301250  # 1 735 000 × 9/12, after the yearly amount was rounded up
    nb = "\u00a0"
    assert cell.formula_text() == (
        f"650{nb}000{nb}kr/år × 40/15{nb}platser = 1{nb}733{nb}333,33{nb}kr/år, avrundat uppåt till "
        f"1{nb}735{nb}000{nb}kr/år; 1{nb}735{nb}000{nb}kr/år × 9/12 = 1{nb}301{nb}250{nb}kr, "
        f"avrundat uppåt till 1{nb}305{nb}000{nb}kr")


def test_amounts_in_frames_are_exact_decimals(case):
    _, _, computation = case
    frame = computation.to_frame()
    assert all(type(a) is Decimal for a in frame.amount)
    wide = computation.to_frame("wide")
    assert all(type(a) is Decimal for a in wide.drop(columns="category").to_numpy().ravel())
