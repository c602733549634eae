"""The follow-up (grantcalc followup, computation.followup): the outcome of each reference example from a
made-up ledger (tests/examples/followup/), to the krona, with the findings where the ledger breaks a rule;
the ledger's dialects and encodings; the budget file's own actuals; participants and the cost per
participant; bad input through the command line."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import pytest

import grantcalc
from grantcalc import catalogue
from grantcalc.errors import BudgetError, SourceError
from grantcalc.followup import follow_up, parse_ledger, utfall_rows
from tests.conftest import EXAMPLES, ROOT
from tests.helpers import cli

DATA = ROOT / "tests" / "examples" / "followup"
LJUSDAL, OKA, GK = (EXAMPLES / f"{n}.yaml" for n in ("ljusdal-hallbart-arbetsliv", "oka-innanforskapet",
                                                      "gemensam-kraft"))
LJUSDAL_LEDGER = DATA / "ljusdal-huvudbok.csv"
OKA_LEDGER = DATA / "oka-ledger.csv"
GK_LEDGER = DATA / "gemensam-kraft-ekonomi.csv"


def run_json(capsys, *args) -> tuple[int, dict]:
    status, out, _ = cli(capsys, "followup", *args, "--format", "json")
    return status, json.loads(out)


def differences(data: dict) -> dict[tuple[str | None, str], str | None]:
    return {(row["line"] or row["category"], row["year"]): row["difference"] for row in data["lines"]}


def located(data: dict) -> list[tuple[str, str, str | None, int | None]]:
    return [(f["code"], f["severity"], Path(f["file"]).name if f["file"] else None, f["line"])
            for f in data["findings"]]


# --- the three references, each with a made-up ledger ----------------------------------------------

def test_ljusdal_with_a_swedish_ledger_to_the_krona(capsys):
    status, data = run_json(capsys, LJUSDAL, "--actuals", LJUSDAL_LEDGER)
    assert status == 1 and data["ok"] is False  # 2023 is over the amount granted: an error
    assert data["file"] == str(LJUSDAL) and data["as_of"] == "2024-03-31"  # the last period booked
    assert data["years"] == ["2022", "2023", "2024"]
    assert data["totals"] == {
        "budget": {"2022": "1111403", "2023": "1085966", "2024": "282839", "total": "2480208"},
        "actual": {"2022": "1103650.75", "2023": "1093200", "2024": "276289", "total": "2473139.75"},
        "difference": {"2022": "-7752.25", "2023": "7234", "2024": "-6550", "total": "-7068.25"}}
    assert differences(data) == {
        ("Finsam-coacher", "2022"): "-1903", ("Finsam-coacher", "2023"): "1034", ("Finsam-coacher", "2024"): "0",
        ("Utbildning SE/IPS", "2022"): "0", ("Utbildning SE/IPS", "2023"): "0", ("Utbildning SE/IPS", "2024"): "0",
        ("AME Ljusdal", "2022"): "0", ("AME Ljusdal", "2023"): "0", ("AME Ljusdal", "2024"): "0",
        ("Material", "2022"): "-3649.25", ("Material", "2023"): "0", ("Material", "2024"): "-900",
        ("Resor", "2022"): "-2200", ("Resor", "2023"): "6200", ("Resor", "2024"): "-5650",
        ("Avslutskonferens", "2022"): "0", ("Avslutskonferens", "2023"): "0", ("Avslutskonferens", "2024"): "0",
        ("Handledning", "2022"): "0", ("Handledning", "2023"): "0", ("Handledning", "2024"): "0"}
    first = data["lines"][0]
    assert first == {"line": "Finsam-coacher", "category": "Lönekostnader", "year": "2022", "budget": "943403",
                     "actual": "941500", "difference": "-1903"}
    ledger = LJUSDAL_LEDGER.name
    assert located(data) == [
        ("followup.year_over_ceiling", "error", ledger, 19),  # Handledning's 20 000 takes 2023 over 1 085 966
        ("followup.received_over_costs", "warning", ledger, None),
        ("followup.line_over", "warning", ledger, 15),  # the fourth quarter takes the coaches over
        ("followup.line_over", "warning", ledger, 18),
        ("followup.credit", "info", ledger, 23),  # −650 kr: a refunded train ticket
        ("followup.financing_received", "info", ledger, 28)]
    messages = [f["message"] for f in data["findings"]]
    assert messages[0] == ("2023: årets utfall 1\u00a0093\u00a0200\u00a0kr är över det beviljade 1\u00a0085\u00a0966"
                           "\u00a0kr (med 7\u00a0234\u00a0kr); beviljade medel är ett maxbelopp, och ersättning ges "
                           "för faktiska kostnader inom det")
    assert messages[1] == ("utbetalt 2\u00a0480\u00a0208\u00a0kr till och med 2024-03-31, men utfallet är "
                           "2\u00a0473\u00a0139,75\u00a0kr: 7\u00a0068,25\u00a0kr är inte använt och kan behöva "
                           "betalas tillbaka")
    assert data["financing"] == [
        {"funder": "Samordningsförbund Gävleborg", "year": y, "budget": b, "received": b, "difference": "0"}
        for y, b in (("2022", "1111403"), ("2023", "1085966"), ("2024", "282839"))]
    assert data["forecast"]["time_share"] == "1.0000" and data["forecast"]["at_rate"] == "2473140"


def test_oka_with_a_machine_ledger_to_the_krona(capsys):
    status, data = run_json(capsys, OKA, "--actuals", OKA_LEDGER, "--as-of", "2025-06-30")
    assert status == 1 and data["as_of"] == "2025-06-30"
    assert data["totals"]["actual"] == {"2024": "582468", "2025": "969422", "2026": "0", "2027": "0",
                                        "total": "1551890"}
    assert data["totals"]["difference"] == {"2024": "5500", "2025": "-887730", "2026": "-1915088",
                                            "2027": "-1477212", "total": "-4274530"}
    d = differences(data)
    # "deltagarkostnader" books the category as a whole: one row for it, in its line's place
    assert [row["line"] or row["category"] for row in data["lines"][::4]] == [
        "Processledare/samordnare", "EVI-coacher", "Övriga personalkostnader", "Resor", "Dator, IT, telefon",
        "Engångskostnad telefoner och datorer", "Lokalhyra", "Deltagarkostnader", "Övriga uppstartskostnader"]
    assert {k: v for k, v in d.items() if k[1] == "2024"} == {
        ("Processledare/samordnare", "2024"): "0", ("EVI-coacher", "2024"): "0",
        ("Övriga personalkostnader", "2024"): "0", ("Resor", "2024"): "0", ("Dator, IT, telefon", "2024"): "0",
        ("Engångskostnad telefoner och datorer", "2024"): "6200", ("Lokalhyra", "2024"): None,
        ("Deltagarkostnader", "2024"): "-700", ("Övriga uppstartskostnader", "2024"): "0"}
    assert {k: v for k, v in d.items() if k[1] == "2025"} == {
        ("Processledare/samordnare", "2025"): "-360822", ("EVI-coacher", "2025"): "-461508",
        ("Övriga personalkostnader", "2025"): "0", ("Resor", "2025"): "-23700",
        ("Dator, IT, telefon", "2025"): "-12000",
        ("Engångskostnad telefoner och datorer", "2025"): "0", ("Lokalhyra", "2025"): None,
        ("Deltagarkostnader", "2025"): "-29700", ("Övriga uppstartskostnader", "2025"): "0"}
    row = next(r for r in data["lines"] if r["category"] == "Deltagarkostnader" and r["year"] == "2025")
    assert row == {"line": None, "category": "Deltagarkostnader", "year": "2025", "budget": "60000",
                   "actual": "30300", "difference": "-29700"}
    ledger = OKA_LEDGER.name
    assert located(data) == [
        ("followup.year_over_ceiling", "error", ledger, 11),
        ("followup.unknown_line", "error", ledger, 23),  # Konsulter: no such line, category or funder
        ("followup.outside_period", "error", ledger, 24),  # August 2024, before 15 September
        ("followup.faster_than_time", "warning", ledger, None),
        ("followup.line_over", "warning", ledger, 9),
        ("followup.credit", "info", ledger, 18),
        ("followup.after_as_of", "info", ledger, 25),
        ("followup.financing_received", "info", ledger, 27)]
    assert data["forecast"] == {
        "as_of": "2025-06-30", "months_elapsed": "9.5333", "months": "36", "time_share": "0.2648",
        "used_share": "0.2664", "budget_to_date": "1505544", "actual_to_date": "1551890", "at_rate": "5860284",
        "at_rate_difference": "33864"}
    faster = next(f for f in data["findings"] if f["code"] == "followup.faster_than_time")
    assert faster["message"] == (
        "till och med 2025-06-30 har 26\u00a0% av tiden gått men 27\u00a0% av pengarna använts (1\u00a0551\u00a0890"
        "\u00a0kr av 5\u00a0826\u00a0420\u00a0kr); i den takten kostar projektet 5\u00a0860\u00a0284\u00a0kr, "
        "33\u00a0864\u00a0kr över budgeten")


def test_gemensam_kraft_with_a_windows_ledger_to_the_krona(capsys):
    status, data = run_json(capsys, GK, "--actuals", GK_LEDGER)
    assert status == 1 and data["as_of"] == "2024-12-31"
    assert data["totals"]["actual"] == {"2023": "5105000", "2024": "5949250.50", "2025": "0", "2026": "0",
                                        "total": "11054250.50"}
    assert data["totals"]["difference"]["2023"] == "-2500" and data["totals"]["difference"]["2024"] == "-38749.50"
    d = differences(data)
    assert {k: v for k, v in d.items() if k[1] == "2023"} == {
        ("Bromölla kommun 15 platser", "2023"): "0", ("Hässleholms kommun 40 platser", "2023"): "0",
        ("Kristianstads kommun 40 platser", "2023"): "-15000", ("Osby kommun 15 platser", "2023"): "0",
        ("Östra Göinge 15 platser", "2023"): "-14500",  # read right from Windows-1252
        ("Projektledning", "2023"): "0", ("Kompetensutveckling BIP", "2023"): "27000", ("Utvärdering", "2023"): "0"}
    assert d[("Kompetensutveckling BIP", "2024")] == "-38749.50" and d[("Projektledning", "2024")] == "0"
    ledger = GK_LEDGER.name
    assert located(data) == [
        ("followup.period_spans_years", "error", ledger, 17),  # 2023/24 in a budget of calendar years
        ("followup.ledger_encoding", "warning", ledger, None),
        ("followup.faster_than_time", "warning", ledger, None),
        ("followup.line_over", "warning", ledger, 8)]
    encoding = next(f for f in data["findings"] if f["code"] == "followup.ledger_encoding")
    assert "lästes som Windows-1252" in encoding["message"]


def test_the_text_report_shows_each_year_the_totals_and_the_findings(capsys):
    status, out, err = cli(capsys, "followup", LJUSDAL, "--actuals", LJUSDAL_LEDGER)
    assert status == 1 and err == ""
    lines = out.splitlines()
    assert lines[:3] == ["Ett hållbart arbetsliv i Ljusdal",
                         "Samordningsförbund Gävleborg · 2022-01-01 – 2024-03-31 · belopp i kr",
                         "Uppföljning till och med 2024-03-31 · utfall:"]
    assert "Resor              30\u00a0000     36\u00a0200     +6\u00a0200      121\u00a0%  ██████████▶" in lines
    assert "Totalt    2\u00a0480\u00a0208  2\u00a0473\u00a0139,75  −7\u00a0068,25      100\u00a0%  ██████████" in lines
    assert "Anmärkningar (1 fel, 3 varningar, 2 info):" in lines


def test_the_english_report(capsys):
    status, out, _ = cli(capsys, "followup", OKA, "--actuals", OKA_LEDGER, "--as-of", "2025-06-30", "--lang", "en")
    assert status == 1
    assert "Follow-up to 2025-06-30 · outcome:" in out
    assert "Findings (3 errors, 2 warnings, 3 infos):" in out
    assert "outcome on 'Konsulter', which is neither a cost line, a category nor a funder" in " ".join(out.split())


def test_github_annotations(capsys):
    status, out, _ = cli(capsys, "followup", LJUSDAL, "--actuals", LJUSDAL_LEDGER, "--format", "github")
    assert status == 1
    first = out.splitlines()[0]
    assert first.startswith(f"::error file={str(LJUSDAL_LEDGER).replace(':', '%3A')},line=19,"
                            "title=grantcalc followup.year_over_ceiling::2023: årets utfall")
    assert out.splitlines()[-1] == f"{LJUSDAL}: 1 fel, 3 varningar, 2 info"


# --- the Python API ----------------------------------------------------------------------------------

def test_computation_followup_and_its_frames():
    c = grantcalc.load(LJUSDAL).compute()
    result = c.followup(LJUSDAL_LEDGER)
    assert result.actual_total == Decimal("2473139.75") and result.budget_total == Decimal(2480208)
    assert result.row("Resor", 2023).difference == Decimal(6200)
    assert result.row("Resor", 2023).used == Fraction(36200, 30000)
    frame = result.to_frame()
    assert list(frame.columns) == ["line", "category", "year", "year_label", "budget", "actual", "difference", "used"]
    assert frame["actual"].sum() == Decimal("2473139.75")  # exact: Decimal all the way
    assert frame.loc[(frame.line == "Resor") & (frame.year == 2023), "used"].item() == Decimal("1.2067")
    years = result.to_frame("years")
    assert years["difference"].tolist() == [Decimal("-7752.25"), Decimal(7234), Decimal(-6550), Decimal("-7068.25")]
    assert result.ok() is False and result.codes[0] == "followup.year_over_ceiling"
    assert result.forecast.as_of == date(2024, 3, 31)


def test_entries_given_in_python_and_an_as_of_date():
    c = grantcalc.load(OKA).compute()
    result = c.followup([{"line": "EVI-coacher", "period": "2024Q4", "amount": 300000},
                         {"line": "Lönekostnader", "period": "2025-01", "amount": "61 250"}], as_of="2025-01-31")
    assert result.as_of == date(2025, 1, 31) and result.source is None
    assert result.row(None, 2024, "staff").actual == Decimal(300000)  # the category is booked as a whole
    assert result.row(None, 2024, "staff").budget == Decimal(210479 + 283290 + 4368)
    with pytest.raises(BudgetError) as info:
        c.followup([{"line": "EVI-coacher", "period": "2024Q7", "amount": 1}])
    [problem] = info.value.problems
    assert problem.code == "invalid.period" and problem.path == ("actuals", 0, "period")
    assert problem.message("sv").startswith("'2024Q7' är ingen period")


def test_the_budget_files_own_actuals_are_located_in_it(tmp_path, capsys):
    text = LJUSDAL.read_text(encoding="utf-8") + (
        "\nactuals:\n"
        "  - {line: Finsam-coacher, period: 2022, amount: 943403}\n"
        "  - {line: resor, period: 2022-06, amount: 31000}\n"
        "  - {line: Resorr, period: 2022, amount: 100}\n"
        "  - {line: Material, period: 2025, amount: 100}\n"
        "  - {line: Handledning, period: 2022Q2, amount: -500, note: kreditfaktura}\n"
        "  - {funder: Samordningsförbund Gävleborg, period: 2022, amount: 1000000}\n"
        "  - {funder: Arvsfonden, period: 2022, amount: 5}\n")
    budget_file = tmp_path / "ljusdal.yaml"
    budget_file.write_text(text, encoding="utf-8")
    first = text.splitlines().index("actuals:") + 2  # the line of the first entry
    status, data = run_json(capsys, budget_file)
    assert status == 1 and data["actuals"] == str(budget_file) and data["as_of"] == "2022-12-31"
    assert located(data) == [
        ("followup.unknown_line", "error", "ljusdal.yaml", first + 2),
        ("followup.outside_period", "error", "ljusdal.yaml", first + 3),
        ("followup.unknown_funder", "error", "ljusdal.yaml", first + 6),
        ("followup.received_over_costs", "warning", "ljusdal.yaml", None),  # 1 000 000 kr paid, 973 903 kr spent
        ("followup.line_over", "warning", "ljusdal.yaml", first + 1),
        ("followup.credit", "info", "ljusdal.yaml", first + 4),
        ("followup.financing_received", "info", "ljusdal.yaml", first + 5)]
    unknown = data["findings"][0]
    assert unknown["path"] == "actuals[2]"
    assert unknown["message"] == ("utfall på 'Resorr', som varken är en kostnadsrad, ett kostnadsslag eller en "
                                  "finansiär i budgeten (menade du 'Resor'?); beloppet räknas inte")
    assert differences(data)[("Resor", "2022")] == "1000"
    # the budget with actuals still shows and checks as before
    assert grantcalc.load(budget_file).compute().total == Decimal(2480208)
    status, _, _ = cli(capsys, "check", budget_file)
    assert status == 0


def test_a_ledger_replaces_the_budget_files_actuals(tmp_path):
    text = LJUSDAL.read_text(encoding="utf-8") + "\nactuals:\n  - {line: Resor, period: 2022, amount: 1}\n"
    budget = grantcalc.loads(text, name="ljusdal.yaml")
    assert budget.followup().actual_total == Decimal(1)
    assert budget.followup(LJUSDAL_LEDGER).actual_total == Decimal("2473139.75")


def test_html_display_chart_and_the_excel_rows(tmp_path):
    result = grantcalc.load(LJUSDAL).followup(LJUSDAL_LEDGER)
    html = result._repr_html_()
    assert html.startswith('<div class="grantcalc grantcalc-followup" lang="sv"')
    assert "Ett hållbart arbetsliv i Ljusdal" in html and "36\u00a0200" in html
    assert '<span style="color:#D55E00;white-space:nowrap;letter-spacing:-0.05em">██████████▶</span>' in html
    assert 'data-code="followup.year_over_ceiling"' in html
    assert "<script" not in html
    rows = utfall_rows(result)
    assert len(rows) == 7 * 3
    resor = next(r for r in rows if r.line == "Resor" and r.year == "2023")
    assert (resor.category, resor.budget, resor.actual, resor.difference) == \
        ("Resekostnader", Decimal(30000), Decimal(36200), Decimal(6200))
    assert resor.used == Decimal(36200) / Decimal(30000)
    pytest.importorskip("matplotlib")
    figure = result.plot()
    assert len(figure.axes) == 2
    assert [t.get_text() for t in figure.axes[0].get_xticklabels()] == ["2022", "2023", "2024"]
    figure.savefig(tmp_path / "followup.png")
    assert (tmp_path / "followup.png").stat().st_size > 10_000


# --- ledgers: dialects and encodings --------------------------------------------------------------------

@pytest.mark.parametrize(("raw", "expected"), [
    ("rad;period;belopp\nResor;2022;1 234,50\n", Decimal("1234.50")),
    ("rad;period;belopp\nResor;2022;1.234.567\n", Decimal(1234567)),
    ("rad;period;belopp\nResor;2022;−2\u00a0300 kr\n", Decimal(-2300)),
    ("rad\tperiod\tbelopp\nResor\t2022\t99,5\n", Decimal("99.5")),
    ("line,period,amount\nResor,2022,1234.50\n", Decimal("1234.50")),
    ("line,period,amount\nResor,2022,-12\n", Decimal(-12)),
    ("Resor;2022;10\n", Decimal(10)),  # no header
    ("belopp;period;rad\n10,5;2022;Resor\n", Decimal("10.5")),  # a header in another order
])
def test_amounts_in_both_dialects_are_exact(raw, expected):
    ledger = parse_ledger(raw.encode("utf-8"), "x.csv")
    [booking] = ledger.bookings
    assert booking.amount == expected and booking.target == "Resor" and booking.period == 2022


def test_encodings_are_read_and_told():
    text = "rad;period;belopp\nÖvriga personalkostnader;2024;5 000\n"
    for encoding, told in (("utf-8-sig", None), ("cp1252", "Windows-1252"), ("utf-16", "UTF-16")):
        ledger = parse_ledger(text.encode(encoding), "x.csv")
        assert ledger.bookings[0].target == "Övriga personalkostnader"
        assert [p.params.get("encoding") for p in ledger.notes] == ([] if told is None else [told])
    latin = parse_ledger("rad;period;belopp\nÖvriga\x81;2024;5\n".encode("latin-1"), "x.csv")
    assert latin.encoding == "Latin-1" and latin.bookings[0].target == "Övriga\x81"


def test_periods_of_every_form():
    c = grantcalc.load(OKA).compute()
    result = c.followup([{"line": "Resor", "period": p, "amount": 1} for p in
                         (2025, "2025Q3", "2025-q4", "Q1 2026", "2025-09", "2025-09-30", date(2025, 10, 1))])
    assert [e.year for e in result.entries] == [2025, 2025, 2025, 2026, 2025, 2025, 2025]
    assert [e.span.text for e in result.entries] == ["2025", "2025Q3", "2025Q4", "2026Q1", "2025-09", "2025-09-30",
                                                     "2025-10-01"]


# --- bad input through the command line ------------------------------------------------------------------

def test_unreadable_rows_are_all_located_and_nothing_is_followed_up(tmp_path, capsys):
    bad = tmp_path / "bad.csv"
    bad.write_text("rad;period;belopp\nMaterial;2022Q5;100\nResor;2022;12.3.4\nHandledning\n;2022;5\n"
                   "Resor;2022;10000000000000\n", encoding="utf-8")
    status, out, err = cli(capsys, "followup", LJUSDAL, "--actuals", bad)
    assert status == 2 and out == ""
    assert err.splitlines() == [
        f"{bad}:2: '2022Q5' är ingen period: skriv ett år (2024), ett kvartal (2024Q3), en månad (2024-09) eller "
        "en dag (2024-09-30)",
        f"{bad}:3: '12.3.4' är inget belopp; i en fil med semikolon skrivs decimaler med komma, t.ex. 1 234,50",
        f"{bad}:4: raden har 1 av de 3 kolumner som behövs: kostnadsrad;period;belopp",
        f"{bad}:5: raden saknar kostnadsrad (första kolumnen)",
        f"{bad}:6: '10000000000000' är orimligt stort (högst 1\u00a0000\u00a0000\u00a0000\u00a0000)"]


def test_a_decimal_comma_in_a_comma_separated_file_is_refused(tmp_path, capsys):
    bad = tmp_path / "machine.csv"
    bad.write_text("line,period,amount\nMaterial,2022,21350,75\n", encoding="utf-8")
    status, out, err = cli(capsys, "followup", LJUSDAL, "--actuals", bad, "--lang", "en")
    assert status == 2 and out == ""
    assert err.strip() == (f"{bad}:2: the amount '21350,75' has a decimal comma in a file whose fields are separated "
                           "by commas, so the öre became a column of their own: write 1234.50, or separate the fields "
                           "with semicolons")


def test_json_of_an_unreadable_ledger(tmp_path, capsys):
    status, out, _ = cli(capsys, "followup", LJUSDAL, "--actuals", tmp_path / "none.csv", "--format", "json")
    data = json.loads(out)
    assert status == 2 and data["ok"] is False and data["lines"] == []
    assert [(f["code"], f["message"]) for f in data["findings"]] == [("file.missing", "filen finns inte")]


@pytest.mark.parametrize(("args", "message"), [
    (("--as-of", "2024-13-01"), "--as-of '2024-13-01' är inget datum: skriv åååå-mm-dd, t.ex. 2025-06-30"),
    (("--actuals", str(DATA)), f"{DATA}: är en mapp, inte en fil"),
])
def test_usage_errors(capsys, args, message):
    status, out, err = cli(capsys, "followup", LJUSDAL, *args)
    assert status == 2 and out == "" and err.strip() == message


def test_an_empty_ledger_and_no_actuals(tmp_path, capsys):
    empty = tmp_path / "empty.csv"
    empty.write_text("rad;period;belopp\n", encoding="utf-8")
    status, _, err = cli(capsys, "followup", LJUSDAL, "--actuals", empty)
    assert status == 2 and "filen har inga utfallsrader" in err
    result = grantcalc.load(LJUSDAL).followup()
    assert result.codes == ["followup.no_actuals"] and result.ok()


def test_a_negative_outcome_is_counted_and_marked(capsys):
    result = grantcalc.load(LJUSDAL).followup(LJUSDAL_LEDGER)
    assert result.row("Resor", 2024).actual == Decimal(-650)
    [credit] = [p for p in result.findings if p.code == "followup.credit"]
    assert credit.format("sv") == (f"{LJUSDAL_LEDGER}:23: info: Resor, 2024-03: −650\u00a0kr är en kreditering "
                                   "(negativt utfall) och dras av")


def test_strict_makes_warnings_fail(tmp_path, capsys):
    ledger = tmp_path / "l.csv"
    ledger.write_text("rad;period;belopp\nResor;2022;31 000\n", encoding="utf-8")
    assert cli(capsys, "followup", LJUSDAL, "--actuals", ledger)[0] == 0  # a line over: a warning
    assert cli(capsys, "followup", LJUSDAL, "--actuals", ledger, "--strict")[0] == 1


# --- participants and the cost per participant --------------------------------------------------------

PARTICIPANTS = """
participants:
  basis: half_year
  planned:
    2023: {people: 100, places: 120, women: 55 %, men: 45 %}
    2024: {people: 250, places: 125}
  total: {people: 300}
  actual:
    2023: {people: 96}
    2024: {people: 230, women: 52 %, men: 48 %}
"""


@pytest.fixture
def with_participants(tmp_path) -> Path:
    path = tmp_path / "gemensam-kraft.yaml"
    path.write_text(GK.read_text(encoding="utf-8") + PARTICIPANTS, encoding="utf-8")
    return path


def test_cost_per_participant_and_per_place(with_participants):
    c = grantcalc.load(with_participants).compute()
    frame = c.participants_frame()
    assert frame["year_label"].tolist() == ["2023", "2024", "Totalt"]
    assert frame["cost_per_participant"].tolist() == [Decimal(51075), Decimal(23952), Decimal(61960)]
    assert frame["cost_per_place"].tolist()[:2] == [Decimal(42563), Decimal(47904)]  # 5 107 500 / 120 → 42 562,5
    result = c.followup(GK_LEDGER)
    rows = result.participants
    assert [(r.actual_people, r.actual_cost, r.actual_per_participant) for r in rows] == [
        (96, Decimal(5105000), Decimal(53177)), (230, Decimal("5949250.50"), Decimal(25866)),
        (326, Decimal("11054250.50"), Decimal(33909))]
    assert result.to_frame("participants")["actual_per_participant"].tolist() == [
        Decimal(53177), Decimal(25866), Decimal(33909)]
    [below, _] = [p for p in result.findings if p.code == "followup.participants_below"]
    assert below.message("sv") == "2023: 96 deltagare nåddes av 100 planerade" and below.line is not None
    data = result.to_dict()
    assert data["participants"][1] == {
        "year": "2024", "people": 250, "places": "125", "cost": "5988000", "cost_per_participant": "23952",
        "cost_per_place": "47904", "actual_people": 230, "actual_cost": "5949250.50", "actual_per_participant": "25866"}
    text = result.report()
    assert "Deltagare och kostnad per deltagare" in text


def test_check_warns_when_participants_and_places_disagree(with_participants, capsys):
    result = grantcalc.load(with_participants).check()
    found = [(p.code, p.path, p.message("sv")) for p in result.findings if p.code.startswith("participants.")]
    assert found == [
        ("participants.places_people", ("participants", "planned", 2023, "people"),
         "2023: 100 deltagare och 120 platser på halvårsbasis går inte ihop: platserna rymmer från 120 deltagare "
         "(var och en hela året) till 180 under året; färre lämnar platser tomma"),  # 9 months: 1,5 stays a place
        ("participants.places_lines", ("participants", "planned", 2023, "places"),
         "2023: deltagarna anger 120 platser, men budgetens platsrader betalar för 125")]
    assert all(p.line is not None for p in result.findings if p.code.startswith("participants."))
    status, out, _ = cli(capsys, "check", with_participants)
    assert status == 0
    assert "participants.planned[2023].places: varning: 2023: deltagarna anger 120 platser" in " ".join(out.split())


def test_participants_that_cannot_be_are_refused_located(tmp_path, capsys):
    path = tmp_path / "b.yaml"
    path.write_text(GK.read_text(encoding="utf-8") + "participants:\n  planned:\n    2030: {people: 3}\n"
                    "    2024: {people: 3, women: 70 %, men: 40 %}\n", encoding="utf-8")
    status, _, err = cli(capsys, "followup", path)
    lines = err.splitlines()
    assert status == 2 and len(lines) == 2
    assert lines[0].endswith("participants.planned[2030]: 2030 är inget budgetår i perioden (2023, 2024, 2025, 2026)")
    assert lines[1].endswith("participants.planned[2024].men: andelarna kvinnor (70\u00a0%) och män (40\u00a0%) är "
                             "tillsammans 110\u00a0%, mer än 100\u00a0%")


def test_the_budget_file_round_trips_with_actuals_and_participants(with_participants):
    budget = grantcalc.load(with_participants)
    again = grantcalc.loads(budget.to_yaml())
    assert again.participants == budget.participants


# --- the words ------------------------------------------------------------------------------------------

def test_every_followup_word_the_code_names_exists():
    import re

    source = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "src/grantcalc/followup").glob("*.py"))
    used = set(re.findall(r"""say\(["']([a-z_]+)["']""", source))
    assert len(used) > 40
    assert sorted(k for k in used if not catalogue.has(f"followup.word.{k}")) == []


def test_source_error_of_a_missing_ledger():
    with pytest.raises(SourceError) as info:
        follow_up(grantcalc.load(LJUSDAL).compute(), "no/such.csv")
    assert info.value.problems[0].code == "file.missing"


def test_the_schema_describes_actuals_and_participants(with_participants, tmp_path):
    import jsonschema

    from grantcalc.loader.source import read_source
    from grantcalc.schema import budget_schema

    text = with_participants.read_text(encoding="utf-8") + (
        "actuals:\n  - {line: Utvärdering, period: 2024Q3, amount: 15000}\n"
        "  - {funder: Samordningsförbundet Skåne Nordost, period: 2024-09-30, amount: 1000}\n")
    path = tmp_path / "b.yaml"
    path.write_text(text, encoding="utf-8")
    from tests.test_cli import _schema_errors, _schema_validator

    schema = budget_schema()
    assert {"actuals", "participants"} <= set(schema["properties"])
    data = read_source(path).data
    assert _schema_errors(_schema_validator(), data) == []
    data["actuals"][0]["periodd"] = 2024
    assert _schema_errors(_schema_validator(), data), "a misspelt key must fail the schema too"
    assert jsonschema is not None


def test_a_budget_of_project_years_is_followed_up_by_the_years_numbers():
    budget = grantcalc.loads("project: {name: P}\nperiod: {start: 2024-03-01, end: 2026-02-28, budget_years: project}\n"
                             "lines: [{name: A, kind: recurring, category: staff, amount: 1000, per: month}]\n")
    result = budget.followup([{"line": "A", "period": 1, "amount": 12000},
                              {"line": "A", "period": "2025-03", "amount": 1500},
                              {"line": "A", "period": 3, "amount": 1}, {"line": "A", "period": 2025, "amount": 1}])
    assert [(r.year, r.actual) for r in result.rows] == [(1, Decimal(12000)), (2, Decimal(1500))]
    assert result.as_of == date(2025, 3, 31)  # the last period counted: the periods refused do not move it
    # 13 of 24 months and 13 500 of 24 000 kr (56 %): faster than time
    assert result.codes == ["followup.outside_period", "followup.period_spans_years", "followup.faster_than_time"]
    assert result.to_dict("en")["years"] == ["Year 1", "Year 2"]
