"""The built-in Word documents, read back with python-docx.

Every amount in every table (and every formula in the budget justification)
is compared with the computation; the figures the reference applications
print are asserted as they stand in the documents. The funders' own forms are
compared word for word with their references in tests/test_forms.py.
"""

from __future__ import annotations

import re
from decimal import ROUND_DOWN, Decimal
from pathlib import Path

import pytest
from docx import Document
from docx.shared import Cm

import grantcalc
from grantcalc import formatting as fmt
from grantcalc.budget.stated import parse_stated
from grantcalc.cli import main
from grantcalc.errors import SourceError
from grantcalc.render import render, templates
from grantcalc.render.fields import name_and_detail
from grantcalc.render.forms import builtin_forms

from .conftest import EXAMPLES

NAMES = ["oka-innanforskapet", "ljusdal-hallbart-arbetsliv", "gemensam-kraft"]
KALMAR = "kalmar-vagen-vidare"
FORMS = list(builtin_forms())
# the form each example gets without --template: its funder's own, else the generic one
DEFAULT_FORM = {"ljusdal-hallbart-arbetsliv": "samordningsforbund-gavleborg",
                "oka-innanforskapet": "samordningsforbund", "gemensam-kraft": "samordningsforbund",
                KALMAR: "samordningsforbund-kalmar"}


def amount(text: str) -> Decimal:
    """A table amount as the document prints it: ``1 111 403`` or ``210 479 kr`` → Decimal."""
    cleaned = text.replace("\u00a0", "").replace(" ", "").replace("kr", "").replace("\u2212", "-").replace(",", ".")
    return Decimal(cleaned)


def rows(table) -> list[list[str]]:
    return [[cell.text for cell in row.cells] for row in table.rows]


def every_table(document):
    """Every table of the document, those inside table cells too (the Kalmar form's)."""
    found = []

    def visit(tables):
        for table in tables:
            found.append(table)
            for row in table.rows:
                for cell in row.cells:
                    visit(cell.tables)
    visit(document.tables)
    return found


def table_with(document, first_heading: str):
    found = [t for t in every_table(document) if t.rows[0].cells[0].text == first_heading]
    assert found, f"no table headed {first_heading!r}"
    return found


def headings(document) -> list[str]:
    return [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]


def boxes(document) -> list[tuple[str, str]]:
    """The form's boxes in order: (label, value), a merged box once."""
    found = []
    for table in document.tables:
        for row in table.rows:
            seen = []
            for cell in row.cells:
                if any(cell._tc is s for s in seen):
                    continue
                seen.append(cell._tc)
                texts = [p.text for p in cell.paragraphs]
                if len(texts) == 2:
                    found.append((texts[0], texts[1]))
    return found


class Rendered(dict):
    """(example, form) → (computation, document read back), rendered without charts (one test
    draws them) the first time a test asks for it; ``"default"`` is the form the example gets
    without a template."""

    def __init__(self, folder: Path):
        super().__init__()
        self.folder = folder

    def __missing__(self, key: tuple[str, str]):
        name, form = key
        computation = grantcalc.load(EXAMPLES / f"{name}.yaml").compute()
        result = render(computation, self.folder / f"{name}-{form}.docx", charts=False,
                        template=None if form == "default" else form)
        if form == "default":
            assert result.template == DEFAULT_FORM[name]
        self[key] = (computation, Document(str(result.path)))
        return self[key]


@pytest.fixture(scope="module")
def rendered(tmp_path_factory):
    return Rendered(tmp_path_factory.mktemp("docs"))


def described(line, category: str | None) -> str:
    """A line as a form's one column prints it: name and specification, no line break inside a figure."""
    title, detail = name_and_detail(line, category)
    return fmt.no_break(f"{title}\n{detail}" if detail else title)


# --- the samordningsförbund forms ----------------------------------------------------------------
COST_FORMS = ["samordningsforbund", "samordningsforbund-gavleborg"]


@pytest.mark.parametrize("form", COST_FORMS)
@pytest.mark.parametrize("name", NAMES)
def test_every_amount_of_the_cost_budget_is_the_computed_one(rendered, name, form):
    computation, document = rendered[(name, form)]
    [table] = table_with(document, "Kostnadsslag")
    header, *body, summa = rows(table)
    years = computation.years
    spare = 4 - len(years) if form == "samordningsforbund-gavleborg" and len(years) < 4 else 0  # the form's "År"
    assert header == ["Kostnadsslag", "Kostnadsspecifikation", *[f"År {y.label()}" for y in years], *["År"] * spare,
                      "Totalt"]
    assert len(body) == len(computation.budget.lines)
    n = len(years)
    for line, row in zip(computation.budget.lines, body):
        category = computation.budget.category(line.category).name("sv")
        assert row[0] == category
        assert row[1].startswith(described(line, category))
        assert row[2 + n:2 + n + spare] == [""] * spare
        if not line.has_amount:  # in kind, no value stated: a dash, never a made-up 0
            assert row[2:2 + n] + row[-1:] == ["–"] * (n + 1)
            continue
        assert [amount(c) for c in row[2:2 + n]] == [computation.amount(line.name, y.key) for y in years]
        assert amount(row[-1]) == computation.line_total(line.name)
    assert summa[0] == "Summa"
    assert [amount(c) for c in summa[2:2 + n]] == [computation.year_total(y.key) for y in years]
    assert amount(summa[-1]) == computation.total
    # the printed table adds up, down and across
    for column in [*range(2, 2 + n), len(header) - 1]:
        assert sum((amount(r[column]) for r in body if r[column] != "–"), Decimal(0)) == amount(summa[column])


@pytest.mark.parametrize("form", COST_FORMS)
@pytest.mark.parametrize("name", NAMES)
def test_every_amount_of_the_financing_budget_is_the_computed_one(rendered, name, form):
    computation, document = rendered[(name, form)]
    [table] = table_with(document, "Finansiär")
    _header, *body, summa = rows(table)
    financing = computation.financing
    n = len(computation.years)
    printed = {row[0].removesuffix(" (i natura)"): row for row in body if row[0]}
    assert set(printed) >= {f.name for f in financing.rows}
    preprinted = _preprinted(form)
    for funder in financing.rows:
        row = printed[funder.name]
        # in kind is said after the name, except in a row the form prints itself
        assert row[0].endswith("(i natura)") == (funder.in_kind and funder.name not in preprinted)
        for cell, y in zip(row[1:1 + n], computation.years):
            value = funder.amounts.get(y.key)
            # a funder the budget names without an amount prints a dash, as an in-kind line does
            assert cell == ("–" if value is None or funder.source == "none" else fmt.amount(value))
    assert [amount(c) for c in summa[1:1 + n]] == [financing.year_total(y.key) for y in computation.years]
    assert amount(summa[-1]) == financing.total == computation.total  # all three examples balance


def _preprinted(form: str) -> set[str]:
    """The funders a form prints in its financing table before the budget's own."""
    found: set[str] = set()

    def visit(sections):
        for section in sections:
            found.update(section.rows)
            visit(section.items)
    visit(builtin_forms()[form].sections)
    return found


def test_ljusdal_form_prints_the_application_figures(rendered):
    """The figures of sections 1, 5.5, 8.1 and 9.1 as the Gävleborg application prints them."""
    _, document = rendered[("ljusdal-hallbart-arbetsliv", "default")]
    found = boxes(document)
    assert found[3:6] == [
        ("Insatsens namn", "Ett hållbart arbetsliv i Ljusdal"),
        ("Planerad insatstid – åååå-mm-dd", "2022-01-01 – 2024-03-31"),
        ("Ansökta medel från Samordningsförbund Gävleborg", "2\u00a0480\u00a0208\u00a0kr"),
    ]
    [costs] = table_with(document, "Kostnadsslag")
    assert rows(costs)[1] == ["Lönekostnader", "Finsam coacher 150\u00a0%, 35\u00a0000\u00a0kr/mån",
                              "943\u00a0403", "970\u00a0966", "249\u00a0839", "", "2\u00a0164\u00a0208"]
    assert rows(costs)[4][1] == "Inventarier som telefon, skrivare, leasing dator, mötesfika m.m."  # line Material
    assert rows(costs)[5][1] == "Resor\nStudiebesök, uppsökande"  # the name says more than the category
    assert rows(costs)[-1][2:] == ["1\u00a0111\u00a0403", "1\u00a0085\u00a0966", "282\u00a0839", "",
                                   "2\u00a0480\u00a0208"]
    [plan] = table_with(document, "Aktiviteter")
    assert rows(plan)[0] == ["Aktiviteter", "Startdatum ÅÅÅÅ-MM-DD", "Slutdatum ÅÅÅÅ-MM-DD", "Kostnad"]
    assert rows(plan)[1] == ["Grundutbildning IPS, 2×2\u00a0dagar – Finsam-coacher (2\u00a0pers.)", "2022-01-01",
                             "2022-05-30", "40\u00a0000"]
    assert [r[3] for r in rows(plan)[1:]] == ["40\u00a0000", "15\u00a0000", "55\u00a0000", "5\u00a0000", "115\u00a0000"]
    [financing] = table_with(document, "Finansiär")
    assert [r[0] for r in rows(financing)] == [
        "Finansiär", "Samordningsförbund Gävleborg", "Region Gävleborg", "Arbetsförmedlingen", "Försäkringskassan",
        "Kommun genom lokal hyra", "Kommun genom tolk/språkstöd", "", "", "Summa"]  # the form's own rows
    assert rows(financing)[1] == ["Samordningsförbund Gävleborg", "1\u00a0111\u00a0403", "1\u00a0085\u00a0966",
                                  "282\u00a0839", "", "2\u00a0480\u00a0208"]
    assert rows(financing)[2] == ["Region Gävleborg", "–", "–", "–", "", "–"]


def test_the_generic_form_has_sections_1_to_12_and_no_förbund_s_own_rules(rendered):
    _, document = rendered[("oka-innanforskapet", "default")]
    found = headings(document)
    numbers = [h.split(" ")[0].rstrip(".") for h in found if re.match(r"^\d", h)]
    assert list(dict.fromkeys(n for n in numbers if "." not in n)) == [str(i) for i in range(1, 13)]
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Gävleborg" not in text and "ett tak" not in text and "maxbelopp" not in text
    assert document.paragraphs[0].text == "Ansökan om medel från samordningsförbund"


def test_one_signature_block_per_party_the_owner_first(rendered):
    computation, document = rendered[("ljusdal-hallbart-arbetsliv", "default")]
    parties = [p.name for p in computation.budget.project.parties]
    found = boxes(document)
    roles = [(label, value) for label, value in found if label.startswith("Organisation –")]
    assert roles == [("Organisation – Insatsägare", "Ljusdals kommun")] + \
        [("Organisation – Samverkanspart", p) for p in parties[1:]]
    assert headings(document).count("12. Underskrift") == len(parties)
    members = [value for label, value in found if label == "Organisationens namn"]
    assert members == [*parties, "Ljusdals kommun"]  # 2.1–2.4, then 3.1 (the one responsible)
    assert ("Arbetsställets namn", "Arbetsmarknadsenheten (AME)") in found


def test_tables_repeat_their_header_and_stay_within_the_page(rendered):
    every_form = [("ljusdal-hallbart-arbetsliv", form) for form in FORMS] + [(KALMAR, "default"),
                                                                             ("gemensam-kraft", "samordningsforbund")]
    for name, form in every_form:
        _computation, document = rendered[(name, form)]
        section = document.sections[0]
        assert abs(section.page_width - Cm(21)) < Cm(0.01) and abs(section.page_height - Cm(29.7)) < Cm(0.01)  # A4
        width = section.page_width - section.left_margin - section.right_margin
        for table in document.tables:
            grid = table._tbl.tblGrid.findall("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}gridCol")
            assert sum(int(col.get("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}w")) * 635
                       for col in grid) <= width + 635 * len(grid), (name, form)
            if table.rows[0].cells[0].text in ("Kostnadsslag", "Finansiär", "Kostnad", "Aktiviteter"):
                assert table.rows[0]._tr.trPr.find(
                    "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}tblHeader") is not None


def test_amounts_are_right_aligned(rendered):
    _, document = rendered[("oka-innanforskapet", "samordningsforbund")]
    [costs] = table_with(document, "Kostnadsslag")
    for row in costs.rows:
        assert row.cells[-1].paragraphs[0].alignment == 2  # WD_ALIGN_PARAGRAPH.RIGHT
        assert row.cells[1].paragraphs[0].alignment is None


def test_the_document_language_is_set(rendered):
    _, document = rendered[("gemensam-kraft", "samordningsforbund")]
    assert document.core_properties.language == "sv-SE"
    assert 'w:val="sv-SE"' in document.styles.element.xml


# --- Projektets ekonomi ----------------------------------------------------------------------
OKA_STATED = {  # section 2.9 of the Öka application: per year, every amount and the year's sum
    2024: (["210\u00a0479", "283\u00a0290", "4\u00a0368", "9\u00a0331", "7\u00a0000", "35\u00a0000", "", "17\u00a0500",
            "10\u00a0000"], "576\u00a0968"),
    2025: (["721\u00a0644", "1\u00a0004\u00a0508", "15\u00a0000", "32\u00a0000", "24\u00a0000", "", "60\u00a0000"],
           "1\u00a0857\u00a0152"),
    2026: (["746\u00a0352", "1\u00a0037\u00a0736", "15\u00a0000", "32\u00a0000", "24\u00a0000", "", "60\u00a0000"],
           "1\u00a0915\u00a0088"),
    2027: (["577\u00a0656", "801\u00a0306", "11\u00a0250", "24\u00a0000", "18\u00a0000", "", "45\u00a0000"],
           "1\u00a0477\u00a0212"),
}


def test_oka_justification_prints_section_2_9_figure_by_figure(rendered):
    _, document = rendered[("oka-innanforskapet", "projektets-ekonomi")]
    tables = table_with(document, "Kostnad")
    assert len(tables) == 4
    for table, (year, (amounts, year_sum)) in zip(tables, OKA_STATED.items()):
        _header, *body, summa = rows(table)
        assert [r[2].removesuffix("\u00a0kr") for r in body] == amounts
        assert summa == [f"Summa kostnader {year}", "", f"{year_sum}\u00a0kr"]
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Totala kostnader 2024-09-15 – 2027-09-14 (36,5\u00a0mån): 5\u00a0826\u00a0420\u00a0kr" in text
    assert ("ansöker om 5\u00a0826\u00a0420\u00a0kr från Västerbergslagens samordningsförbund för projektet "
            "”Öka innanförskapet – fler i arbete” under perioden 2024-09-15 – 2027-09-14") in text
    assert "Medfinansiering i natura: Lokalhyra (Smedjebackens kommun)." in text


@pytest.mark.parametrize("name", NAMES)
def test_every_formula_in_the_justification_gives_its_amount(rendered, name):
    """Each row: the amount is the computed cell, the calculation is the cell's formula,
    and the formula's own factors multiply to the amount (to the krona)."""
    computation, document = rendered[(name, "projektets-ekonomi")]
    tables = table_with(document, "Kostnad")
    assert len(tables) == len(computation.years)
    checked = 0
    for table, year in zip(tables, computation.years):
        header, *body, summa = rows(table)
        assert header == ["Kostnad", "Beräkning", "Belopp"]
        lines = [ln for ln in computation.budget.lines
                 if not ln.has_amount or computation.cell(ln.name, year.key).formula is not None]
        assert len(body) == len(lines)
        for line, (label, calculation, printed) in zip(lines, body):
            assert label == described(line, None)
            if not line.has_amount:
                assert printed == "" and "belopp ej angivet" in calculation
                continue
            cell = computation.cell(line.name, year.key)
            assert amount(printed) == cell.amount
            assert calculation.startswith(cell.formula.calculation("sv"))
            if calculation.endswith("=") and "/12" not in calculation and ";" not in calculation:
                figure = parse_stated(f"{calculation} {printed}")
                assert abs(figure.product - figure.amount) < 1, (calculation, printed)
                checked += 1
        assert amount(summa[2]) == computation.year_total(year.key)
        assert sum((amount(r[2]) for r in body if r[2]), Decimal(0)) == amount(summa[2])
    if name == "oka-innanforskapet":
        assert checked >= 16


def test_oka_formulas_read_as_the_application_writes_them(rendered):
    _, document = rendered[("oka-innanforskapet", "projektets-ekonomi")]
    first = rows(table_with(document, "Kostnad")[0])
    assert first[1][1:] == ["42\u00a0350\u00a0kr × 1,42 × 3,5\u00a0mån =", "210\u00a0479\u00a0kr"]
    assert first[2][1:] == ["38\u00a0000\u00a0kr × 1,42 × 150\u00a0% × 3,5\u00a0mån =", "283\u00a0290\u00a0kr"]
    figure = parse_stated("42\u00a0350\u00a0kr × 1,42 × 3,5\u00a0mån = 210\u00a0479\u00a0kr")
    assert figure.product.quantize(Decimal(1), ROUND_DOWN) == figure.amount  # the application truncates öre


# --- the command, charts, languages, safety -----------------------------------------------------
def test_render_command_writes_the_default_form(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    code = main(["render", str(EXAMPLES / "ljusdal-hallbart-arbetsliv.yaml"), "--no-charts"])
    assert code == 0
    out = tmp_path / "ljusdal-hallbart-arbetsliv.docx"
    assert "Skrev ljusdal-hallbart-arbetsliv.docx (mall: samordningsforbund-gavleborg)" in capsys.readouterr().err
    document = Document(str(out))  # the funder's own form: Samordningsförbund Gävleborg's
    assert document.paragraphs[0].text == "Ansökan\nSamverkansmedel inom Samordningsförbund Gävleborg"


def test_charts_are_pictures_in_the_document(tmp_path):
    pytest.importorskip("matplotlib")
    budget = grantcalc.load(EXAMPLES / "oka-innanforskapet.yaml")
    result = render(budget, tmp_path / "a.docx")
    assert result.notes == []
    document = Document(str(result.path))
    # costs by category after 8.1; one funder finances in cash, so no financing chart after 9.1
    assert len(document.inline_shapes) == 1
    captions = [p.text for p in document.paragraphs if p.text.startswith("Figur")]
    assert captions == ["Figur: kostnader per budgetår och kostnadsslag."]


@pytest.mark.slow  # seconds of subprocesses or charts: with the long campaigns
def test_financing_chart_when_two_funders_pay(tmp_path):
    pytest.importorskip("matplotlib")
    text = (EXAMPLES / "ljusdal-hallbart-arbetsliv.yaml").read_text(encoding="utf-8")
    budget = grantcalc.loads(text.replace("  - name: Region Gävleborg\n",
                                          "  - name: Region Gävleborg\n    share: 10 %\n"), format="yaml")
    assert budget.compute().financing.row("Region Gävleborg").total > 0
    document = Document(str(render(budget, tmp_path / "b.docx", template="samordningsforbund").path))
    assert len(document.inline_shapes) == 2
    assert [p.text for p in document.paragraphs if p.text.startswith("Figur")][-1] == \
        "Figur: finansiering per budgetår och finansiär."


def test_english_document(tmp_path):
    budget = grantcalc.load(EXAMPLES / "ljusdal-hallbart-arbetsliv.yaml")
    document = Document(str(budget.to_docx(tmp_path / "en.docx", lang="en", charts=False)))
    assert document.core_properties.language == "en-GB"
    assert "8.1 Cost budget" in headings(document)
    assert ("Funds applied for from Samordningsförbund Gävleborg", "SEK\u00a02,480,208") in boxes(document)
    [costs] = table_with(document, "Type of cost")
    assert rows(costs)[-1][-1] == "2,480,208"


def test_templates_are_listed_with_the_default_first():
    assert list(templates()) == ["samordningsforbund", "samordningsforbund-gavleborg", "samordningsforbund-kalmar",
                                 "projektets-ekonomi"]


def test_existing_file_is_kept_without_force(tmp_path):
    budget = grantcalc.load(EXAMPLES / "gemensam-kraft.yaml")
    target = tmp_path / "a.docx"
    target.write_bytes(b"mine")
    with pytest.raises(SourceError) as err:
        render(budget, target, charts=False)
    assert err.value.problems[0].code == "output.exists"
    assert target.read_bytes() == b"mine"
    render(budget, target, charts=False, force=True)
    assert Document(str(target)).paragraphs[0].text.startswith("Ansökan")
    assert [p.name for p in tmp_path.iterdir()] == ["a.docx"]  # no temporary file left behind


def test_output_must_be_docx(tmp_path):
    budget = grantcalc.load(EXAMPLES / "gemensam-kraft.yaml")
    with pytest.raises(SourceError) as err:
        render(budget, tmp_path / "a.doc", charts=False)
    assert err.value.problems[0].code == "output.suffix"
    assert not (tmp_path / "a.doc").exists()


def test_a_failure_while_writing_leaves_no_file(tmp_path, monkeypatch):
    budget = grantcalc.load(EXAMPLES / "gemensam-kraft.yaml")
    from docx.document import Document as DocumentClass

    def broken_save(self, path):
        Path(path).write_bytes(b"half a document")
        raise OSError("disk full")

    monkeypatch.setattr(DocumentClass, "save", broken_save)
    with pytest.raises(SourceError) as err:  # the user's to fix (a full disk), not a bug
        render(budget, tmp_path / "a.docx", charts=False)
    assert err.value.problems[0].code == "output.unwritable"
    assert list(tmp_path.iterdir()) == []


def test_unbalanced_budget_renders_with_a_warning(tmp_path):
    text = (EXAMPLES / "ljusdal-hallbart-arbetsliv.yaml").read_text(encoding="utf-8")
    text = text.replace("amounts: {2022: 1111403, 2023: 1085966, 2024: 282839}",
                        "amounts: {2022: 1111403, 2023: 1085966, 2024: 282840}")
    assert "282840" in text
    budget = grantcalc.loads(text, format="yaml")
    result = render(budget, tmp_path / "u.docx", charts=False)
    assert [n.code for n in result.notes] == ["render.unbalanced"]
    assert "balanserar inte" in result.notes[0].message("sv")


def test_a_form_description_of_ones_own(tmp_path):
    form = tmp_path / "mitt.yaml"
    form.write_text("name: mitt\ntitle: {sv: Min blankett, en: My form}\n"
                    "description: {sv: två avsnitt, en: two sections}\nsections:\n"
                    "  - {number: '1', heading: {sv: Kostnader, en: Costs}, block: categories}\n"
                    "  - {number: '2', heading: {sv: Finansiering, en: Financing}, block: financing}\n",
                    encoding="utf-8")
    budget = grantcalc.load(EXAMPLES / "oka-innanforskapet.yaml")
    document = Document(str(budget.to_docx(tmp_path / "m.docx", template=form, charts=False)))
    assert headings(document) == ["1. Kostnader", "2. Finansiering"]
    [categories] = table_with(document, "Kostnadsslag")
    assert rows(categories)[-1][-1] == "5\u00a0826\u00a0420"
    form.write_text("name: x\nsections: []\n", encoding="utf-8")
    with pytest.raises(SourceError) as err:
        budget.to_docx(tmp_path / "n.docx", template=form)
    assert err.value.problems[0].code == "render.form_invalid"


def test_ten_budget_years_turn_the_amount_tables_landscape(tmp_path):
    from docx.enum.section import WD_ORIENT

    budget = grantcalc.loads("""
project: {name: Tio år, funder: Förbundet, parties: [Kommunen, Regionen]}
period: {start: 2024-03-01, end: 2033-12-31}
lines:
  - {name: Coach, kind: salary, category: staff, monthly_salary: 38000, on_cost: 1.42, fte: 150 %,
     annual_raise: {rate: 3 %}}
  - {name: Lokal, kind: recurring, category: premises, amount: 12000, per: month}
financing:
  - {name: Förbundet, rest: true}
  - {name: Regionen, share: 25 %}
""", format="yaml")
    document = Document(str(render(budget, tmp_path / "t.docx", charts=False).path))
    orientations = [s.orientation for s in document.sections]
    assert orientations == [WD_ORIENT.PORTRAIT, WD_ORIENT.LANDSCAPE, WD_ORIENT.PORTRAIT]
    wide = document.sections[1]
    [costs] = table_with(document, "Kostnadsslag")
    assert len(costs.columns) == 2 + 10 + 1
    assert sum(col.width for col in costs.columns) <= wide.page_width - wide.left_margin - wide.right_margin
    # 8 and 9 start the landscape part with their tables; 10 is back in portrait
    body = document.element.body
    breaks = [i for i, el in enumerate(body) if el.find(".//{*}sectPr") is not None]
    texts = [el.xpath("string(.)") for el in body]
    assert texts.index("8. Kostnadsbudget") > breaks[0] and texts.index("9. Finansieringsbudget") < breaks[1]
    assert texts.index("10. Uppföljning och resultat") > breaks[1]
