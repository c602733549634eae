"""grantcalc import: the reference applications as text copied out of their documents, imported
into budgets whose check reproduces every stated figure and the hand-written examples' findings;
grantcalc's own output read back; the command line as a user calls it."""

from __future__ import annotations

import os
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

import grantcalc
from grantcalc.importer import import_text, read_application

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "tests" / "examples" / "import"


def _codes(result) -> list[tuple[str, str]]:
    return sorted((p.code, p.severity.value) for p in result.findings)


@pytest.mark.parametrize(("sample", "example", "factors", "explicit"), [
    ("oka-innanforskapet.txt", "oka-innanforskapet.yaml", 8, 0),
    ("ljusdal-hallbart-arbetsliv.txt", "ljusdal-hallbart-arbetsliv.yaml", 3, 4),
    ("ljusdal-hallbart-arbetsliv.md", "ljusdal-hallbart-arbetsliv.yaml", 3, 4),
    ("gemensam-kraft.txt", "gemensam-kraft.yaml", 5, 7),
])
def test_reference_text_imports_into_the_hand_written_budget(sample, example, factors, explicit):
    imported = read_application(SAMPLES / sample)
    original = grantcalc.load(ROOT / "examples" / example)
    mine, theirs = imported.budget.compute(), original.compute()
    assert mine.year_totals == theirs.year_totals
    assert mine.total == theirs.total
    assert mine.financing.total == theirs.financing.total
    result = imported.budget.check()
    assert not result.errors  # every stated figure reproduced
    assert _codes(result) == _codes(original.check())
    assert (imported.factor_lines, imported.explicit_lines) == (factors, explicit)


def test_oka_findings_are_the_documents_own_mistakes():
    result = read_application(SAMPLES / "oka-innanforskapet.txt").budget.check()
    text = " ".join(result.report("sv", width=400).replace("\xa0", " ").split())
    assert "36,5 månader" in text  # 2027 budgeted as 9 months of a period of 36
    assert "2.666 kr x 12 = 32.000 kr" in text and "31 992 kr" in text  # the false product
    raises = [p for p in result.findings if p.code.startswith("raise") or "monthly_salary" in str(p.path)]
    assert {(p.path[1], p.path[3]) for p in raises} == {(0, 2025), (1, 2027)}  # the unraised salaries
    budget = read_application(SAMPLES / "oka-innanforskapet.txt").budget
    assert budget.period.start.isoformat() == "2024-09-15" and budget.period.end.isoformat() == "2027-09-14"
    assert budget.stated.applied_amount.amount == Decimal("5826420")
    assert budget.lines[0].kind == "salary" and budget.lines[0].monthly_salary == Decimal("42350")
    assert str(budget.lines[0].stated[2024]) == "42.350 kr*1,42*3,5 mån= 210.479kr"


def test_ljusdal_metadata_plan_and_financing():
    budget = read_application(SAMPLES / "ljusdal-hallbart-arbetsliv.txt").budget
    assert budget.project.name == "Ett hållbart arbetsliv i Ljusdal"
    assert budget.project.applicant == "Ljusdals kommun"
    assert budget.project.funder == "Samordningsförbund Gävleborg"
    assert [p.name for p in budget.project.parties][:4] == [
        "Ljusdals kommun", "Region Gävleborg", "Arbetsförmedlingen", "Försäkringskassan"]
    assert [a.lines for a in budget.plan] == [["Externa tjänster"], ["Externa tjänster"], ["Handledning"],
                                              ["Övriga kostnader"]]
    assert budget.stated.plan.amount == Decimal("115000")
    assert next(f.name for f in budget.financing) == "Samordningsförbund Gävleborg"
    assert budget.lines[2].kind == "recurring" and budget.lines[2].amount == Decimal(4000)  # 48 000 / 12


def test_places_at_a_price_with_their_rounding():
    budget = read_application(SAMPLES / "gemensam-kraft.txt").budget
    places = [line for line in budget.lines if line.kind == "places"]
    assert len(places) == 5 and {p.price for p in places} == {Decimal(650000)}
    c = budget.compute()
    assert c.amount("Hässleholms kommun 40 platser", 2023) == Decimal(1305000)
    assert c.total == Decimal(18588000)


def test_the_yaml_is_commented_and_loads_the_same():
    imported = read_application(SAMPLES / "oka-innanforskapet.txt")
    assert imported.yaml.startswith("# ")
    assert "# rad 19: lön 42 350 kr/mån × 1,42 × 100 %; egna värden för 2025, 2026, 2027" in imported.yaml
    assert "# 2027 räknar dokumentet med 9 månader" in imported.yaml  # the choices, where they are made
    again = grantcalc.loads(imported.yaml)
    assert again.compute().total == Decimal(5826420)


def test_show_formulas_reads_back(tmp_path):
    """grantcalc's own `show --formulas` text imports into a budget with the same figures."""
    for name in ("oka-innanforskapet", "ljusdal-hallbart-arbetsliv"):
        original = grantcalc.load(ROOT / "examples" / f"{name}.yaml")
        text = original.compute().table("sv", formulas=True, width=250)
        imported = import_text(text, name=f"{name}.txt")
        assert imported.budget.compute().year_totals == original.compute().year_totals
        assert not imported.budget.check().errors


def test_no_budget_is_a_clear_message():
    with pytest.raises(grantcalc.SourceError) as err:
        import_text("Hej!\nDetta är ett brev utan budget.\n")
    assert "ingen kostnadsbudget hittades" in err.value.format("sv")


def test_cli_import_then_check(tmp_path, capsys, monkeypatch):
    from tests.helpers import cli

    source = tmp_path / "ansokan.txt"
    source.write_bytes((SAMPLES / "oka-innanforskapet.txt").read_bytes())
    monkeypatch.chdir(tmp_path)
    status, out, err = cli(capsys, "import", "ansokan.txt")
    assert status == 0, err
    assert "Importerat från ansokan.txt (text): 9 kostnadsrader, 8 med faktorer" in out
    assert "Skrev ansokan.yaml. Granska den och kör: grantcalc check ansokan.yaml" in out
    target = tmp_path / "ansokan.yaml"
    first = target.read_bytes()
    status, out, _ = cli(capsys, "check", "ansokan.yaml")
    assert status == 0 and "Angivna belopp jämförda med beräkningen: 32, varav 0 avviker." in out
    status, out, err = cli(capsys, "import", "ansokan.txt")  # never over a file without --force
    assert status == 2 and target.read_bytes() == first and out == ""
    assert "ansokan.yaml" in err and "--force" in err
    assert cli(capsys, "import", "ansokan.txt", "--force")[0] == 0
    status, out, _ = cli(capsys, "import", "ansokan.txt", "-o", "en.yaml", "--lang", "en")
    assert status == 0 and "Imported from ansokan.txt (text): 9 cost lines, 8 with factors" in out
    original = source.read_bytes()
    status, out, err = cli(capsys, "import", "ansokan.txt", "-o", "ansokan.txt", "--force")  # never over itself
    assert status == 2 and source.read_bytes() == original
    assert "skriva över ansökan den läses från" in err


def test_cli_import_to_standard_output(tmp_path, capsys):
    from tests.helpers import cli

    status, out, err = cli(capsys, "import", SAMPLES / "gemensam-kraft.txt", "-o", "-")
    assert status == 0
    assert grantcalc.loads(out).compute().total == Decimal(18588000)
    assert "Importerat från" in err  # the report beside the YAML, not in it


@pytest.mark.slow
def test_cli_in_a_subprocess_reads_standard_input(tmp_path):
    """As a user pipes text in: `grantcalc import - < ansokan.txt`."""
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    done = subprocess.run([sys.executable, "-m", "grantcalc", "import", "-"], cwd=tmp_path, capture_output=True,
                          input=(SAMPLES / "ljusdal-hallbart-arbetsliv.txt").read_bytes(), env=env, timeout=120,
                          check=False)
    assert done.returncode == 0, done.stderr
    budget = grantcalc.loads(done.stdout.decode("utf-8"))
    assert budget.compute().total == Decimal(2480208)
    assert "Importerat från <stdin>" in done.stderr.decode("utf-8")


def _expected():
    return sorted(SAMPLES.glob("*.expected.yaml"))


@pytest.mark.parametrize("expected", _expected(), ids=lambda p: p.name.split(".")[0])
def test_held_out_applications_import_without_hand_editing(expected):
    """Made-up applications from other förbund, pasted as text: the budget's cost and financing
    years are the document's Summa rows, and a Summa row that does not add up is an error of check."""
    import yaml

    want = yaml.safe_load(expected.read_text(encoding="utf-8"))
    imported = read_application(SAMPLES / want["file"])
    budget = imported.budget
    c = budget.compute()
    assert budget.period.start.isoformat() == str(want["period"]["start"])
    assert budget.period.end.isoformat() == str(want["period"]["end"])
    name = want["project"]["name"]
    assert name in budget.project.name or budget.project.name in name
    assert budget.project.funder == want["project"]["funder"]
    assert budget.stated.applied_amount.amount == Decimal(want["applied_amount"]["amount"])
    assert len(budget.lines) == want["costs"]["line_count"]
    years = [y.key for y in c.years]
    assert len(years) == len(want["years"])
    wrong = {(e["table"], e["row"], str(e["column"])): e for e in want.get("errors", [])}
    summa = want["costs"]["summa"]
    for key, label in zip(years, want["years"], strict=True):
        printed = Decimal(summa["amounts"][str(label)])
        error = wrong.get(("costs", "Summa", str(label)))
        assert c.year_totals[key] == printed - (Decimal(error["difference"]) if error else 0)
    financing = want.get("financing", {}).get("summa")
    if financing:
        for key, label in zip(years, want["years"], strict=True):
            assert c.financing.year_total(key) == Decimal(financing["amounts"][str(label)])
    result = budget.check()
    codes = {p.code for p in result.findings}
    for error in want.get("errors", []):
        assert ("stated.costs_year" if error["kind"] == "sum_row" else "stated.formula") in codes
    if not want.get("errors"):
        assert not [p for p in result.errors if p.code.startswith(("stated.", "balance."))]


@pytest.mark.parametrize("kind", ["docx", "xlsx"])
def test_held_out_word_and_excel(kind, tmp_path):
    """The held-out Steget före as the Word document and the workbook an officer receives: the same
    budget as from its text, with nothing to correct by hand."""
    import yaml

    from tests.import_samples import held_out_docx, held_out_xlsx

    path = (held_out_docx if kind == "docx" else held_out_xlsx)(tmp_path / f"steget.{kind}")
    imported = read_application(path)
    want = yaml.safe_load((SAMPLES / "steget-fore.expected.yaml").read_text(encoding="utf-8"))
    c = imported.budget.compute()
    assert [c.year_totals[k] for k in (1, 2, 3)] == [Decimal(want["costs"]["summa"]["amounts"][y])
                                                      for y in want["years"]]
    assert c.financing.total == Decimal(want["financing"]["summa"]["total"])
    assert imported.budget.period.budget_years.value == "project"
    assert not imported.budget.check().findings
    assert [line.kind for line in imported.budget.lines if line.in_kind] == ["in_kind", "in_kind"]


def test_applied_amount_per_year_and_a_stated_share():
    """A financing table with a "Sökt belopp" row per year, and "Administration ca 4 %" printed as a fixed
    amount: the applied amount is stated per year, the share is checked against the other costs."""
    text = "\n".join([
        "Projektets namn: Vägen ut",
        "Projektperiod: 2025-01-01 – 2026-12-31",
        "Kostnadsslag\t2025\t2026\tTotalt",
        "Lönekostnader\t600 000\t620 000\t1 220 000",
        "Resor\t20 000\t20 000\t40 000",
        "Administration ca 4 %\t25 000\t26 000\t51 000",
        "Summa\t645 000\t666 000\t1 311 000",
        "",
        "Finansiär\t2025\t2026\tTotalt",
        "Samordningsförbundet Centrala Östergötland\t645 000\t666 000\t1 311 000",
        "Summa\t645 000\t666 000\t1 311 000",
        "Sökt belopp\t645 000\t660 000\t1 305 000",
    ])
    imported = import_text(text)
    budget = imported.budget
    assert budget.lines[2].stated_rate is not None
    result = budget.check()
    codes = {p.code for p in result.findings}
    assert "stated.applied_year" in codes  # 2026: 660 000 stated, the förbund's row gives 666 000
    assert "stated.rate" not in codes  # 51 000 of 1 260 000 is 4,0 %
    assert budget.project.funder == "Samordningsförbundet Centrala Östergötland"


@pytest.mark.slow  # a thousand Word tables: seconds
def test_a_readers_note_is_reported_once_in_words(tmp_path):
    """A Word document of more tables than are read: the report says where reading stopped, in words."""
    import docx

    document = docx.Document()
    document.add_paragraph("Projektperiod: 2024-01-01 – 2024-12-31")
    for i in range(1002):
        table = document.add_table(rows=2, cols=3)
        for j, text in enumerate(("Kostnadsslag", "2024", "Totalt")):
            table.cell(0, j).text = text
        for j, text in enumerate((f"Material {i}", "1 000", "1 000")):
            table.cell(1, j).text = text
    path = tmp_path / "many.docx"
    document.save(path)
    imported = read_application(path)
    report = imported.report("sv").replace("\u00a0", " ")
    assert "Place(" not in report
    assert "bara de första 1 000 lästes och läsningen slutade vid tabell 1 001" in report
    assert len(imported.budget.lines) == 1000


def test_a_price_each_is_a_factor_of_the_stated_formula():
    """"40 deltagare à 1 200 kr = 48 000 kr": à multiplies, in a stated figure as in the import."""
    from grantcalc.budget.stated import parse_stated

    figure = parse_stated("40 deltagare à 1 200 kr = 48 000 kr")
    assert figure.factors == (Decimal(40), Decimal(1200)) and figure.product == figure.amount == Decimal(48000)
    imported = import_text("Projektperiod: 2025-01-01 – 2025-12-31\n2025\nDeltagarkostnader 40 deltagare à 1 200 kr"
                           " = 48 000 kr\n")
    assert str(imported.budget.lines[0].stated[2025]) == "40 deltagare à 1 200 kr = 48 000 kr"


def test_the_report_speaks_the_readers_language():
    """Places and recognised factors in the report's language, not the one the import ran in."""
    imported = read_application(SAMPLES / "oka-innanforskapet.txt")
    english = imported.report("en").replace("\u00a0", " ")
    assert "line 19: Processledare: salary 42,350 kr/month × 1.42 × 100 %; own values for 2025, 2026, 2027" in english
    assert "rad " not in english and "lön " not in english
    swedish = imported.report("sv").replace("\u00a0", " ")
    assert "rad 19: Processledare: lön 42 350 kr/mån × 1,42 × 100 %; egna värden för 2025, 2026, 2027" in swedish
