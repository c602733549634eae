"""The funders' own forms, word for word: each rendered form is read back and its headings,
guidance, labels and fixed texts are compared, in order, with the form's reference
(../shared/reference/forms/*.md, the forms as the funders print them; a copy is kept in
tests/examples/forms/ so the suite runs without the shared folder). Which form a budget
gets, and that no document says a word about the tool or its files.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
from docx import Document

import grantcalc
from grantcalc.render import render
from grantcalc.render.forms import builtin_forms, form_for, load_form

from .conftest import EXAMPLES, ROOT
from .helpers import cli

REFERENCES = ROOT / "tests" / "examples" / "forms"
GAVLEBORG = REFERENCES / "gavleborg-samverkansmedel.md"
KALMAR = REFERENCES / "kalmar-projektmedel.md"
SHARED = ROOT.parent / "shared" / "reference" / "forms"


def _quoted(text: str) -> list[str]:
    return re.findall(r"\u201c([^\u201d]*)\u201d|\"([^\"]*)\"", text)


def _first_quoted(text: str) -> str:
    return next(a or b for a, b in _quoted(text))


def logical_lines(path: Path) -> list[str]:
    """The reference's lines, stripped, a bullet's continuation lines joined to it."""
    out: list[str] = []
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        indented = raw.startswith("    ") and not line.startswith(("- ", "**"))
        if indented and out and line:
            out[-1] += " " + line
        else:
            out.append(line)
    return out


def gavleborg_expected() -> list[str]:
    """Every heading, guidance sentence, label and fixed text of the Gävleborg form, in order,
    read from its reference."""
    expected: list[str] = []
    last_row: list[str] = []  # a table's "last row Summa", after its pre-printed rows
    for line in logical_lines(GAVLEBORG):
        if last_row and not line.startswith("- Pre-printed"):
            expected += last_row
            last_row = []
        if line.startswith("**") and "|" in line:  # the office box: **Diarienummer** | **Signatur** | …
            expected += [part.strip() for part in line.split("|")]
            continue
        if line.startswith("- Table:"):
            columns, _, last = line[len("- Table:"):].partition(";")
            expected += [c.strip() for c in columns.split("|") if "…" not in c]
            last_row = re.findall(r"last row (\w+)", last)
            continue
        if line.startswith("- Pre-printed rows:"):  # "…; Kommun genom tolk/språkstöd; then empty rows …"
            rows = line[len("- Pre-printed rows:"):].split(";")
            expected += [r.strip() for r in rows if not r.strip().startswith("then")]
            continue
        if line.startswith("## "):
            title = line[3:]
            if re.match(r"^\d+\. ", title):
                expected.append(title.split(" (")[0])  # "12. Underskrift (one block per …)"
            continue
        if not line.startswith("- ") or line.startswith(("- Table", "- (", "- Pre-printed", "- Below")):
            if line.startswith("- Below the table"):
                expected.append(_first_quoted(line))
            elif re.fullmatch(r"\d+\.\d+", line):
                expected.append(line)
            continue
        item = line[2:]
        if item.startswith("Title:"):
            expected += re.findall(r"\*\*([^*]+)\*\*", item)
        elif item.startswith("Text:"):
            expected.append(_first_quoted(item).removesuffix(" …").removesuffix("…").strip())
        elif item.startswith("A box for"):
            continue  # its labels follow on the next line
        elif item.startswith("**") and "—" in item:  # a fixed condition: bold heading — "text"
            expected += [re.match(r"\*\*([^*]+)\*\*", item).group(1), _first_quoted(item)]
        elif item.startswith("12.1"):
            expected += ["12.1 Underskrift", _first_quoted(item)]
        elif item.startswith("Organisation – Insatsägare"):
            expected.append("Organisation – Insatsägare")
        elif "|" in item or "—" in item:
            expected += [part.strip() for part in re.split(r"\s[|—]\s", item)]
        else:
            expected.append(item)
    # the office box is written as "**Diarienummer** | **Signatur** | **Ankomstdatum**"
    return [re.sub(r"\*\*", "", text) for text in expected]


def paragraph_text(p) -> str:
    """A paragraph's text as it prints: no-break spaces as spaces, a no-break hyphen as ``-``,
    a line break as a new line."""
    parts = []
    for element in p.iter("{*}t", "{*}noBreakHyphen", "{*}br", "{*}tab"):
        tag = element.tag.rsplit("}", 1)[-1]
        parts.append({"t": (element.text or ""), "noBreakHyphen": "-", "br": "\n", "tab": "\t"}[tag])
    return "".join(parts).replace("\u00a0", " ")


def stream(document) -> list[str]:
    """The document's texts in reading order: paragraphs and every table cell (a merged box
    once), each paragraph of a cell on its own."""
    body = document.element.body
    out: list[str] = []

    def visit(element):
        tag = element.tag.rsplit("}", 1)[-1]
        if tag == "p":
            text = paragraph_text(element)
            if text.strip():
                out.extend(part for part in text.split("\n") if part)
        elif tag == "tbl":
            for row in element.iterchildren("{*}tr"):
                for cell in row.iterchildren("{*}tc"):
                    for child in cell.iterchildren():
                        visit(child)
    for element in body.iterchildren():
        visit(element)
    return out


def texts_of(path: Path) -> list[str]:
    """Paragraph texts with their line breaks, as a reader sees them."""
    document = Document(str(path))
    out = []
    for text in stream(document):
        out.append(text)
    return out


def assert_in_order(expected: list[str], found: list[str]) -> None:
    """Each expected text is a paragraph (or a heading with its guidance) of ``found``, in order."""
    joined = " ".join(found)
    position = 0
    for text in expected:
        index = joined.find(text.replace("\u00a0", " "), position)
        if index < 0:
            index_any = joined.find(text)
            raise AssertionError(f"{text!r} not found after position {position}"
                                 + (f" (it is earlier, at {index_any})" if index_any >= 0 else " (nowhere)"))
        position = index + len(text)


def test_the_reference_copies_are_the_shared_ones():
    if not SHARED.exists():
        pytest.skip("../shared is not here")
    for name in ("gavleborg-samverkansmedel.md", "kalmar-projektmedel.md"):
        assert (REFERENCES / name).read_text(encoding="utf-8") == (SHARED / name).read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def ljusdal(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("forms")
    return render(grantcalc.load(EXAMPLES / "ljusdal-hallbart-arbetsliv.yaml"), folder / "ljusdal.docx",
                  charts=False).path


def test_ljusdal_gets_the_gavleborg_form_word_for_word_in_its_order(ljusdal):
    expected = gavleborg_expected()
    assert len(expected) > 90  # the parser read the whole reference
    assert_in_order(expected, texts_of(ljusdal))


def test_the_gavleborg_form_s_headings_are_its_own_in_its_order(ljusdal):
    document = Document(str(ljusdal))
    numbered = [p.text for p in document.paragraphs if p.style.name.startswith("Heading") and re.match(r"\d", p.text)]
    first = list(dict.fromkeys(numbered))
    assert first[:8] == ["1. Allmänna uppgifter", "2. Förbundsmedlemmar som ansöker om medel", "2.1", "2.2", "2.3",
                         "2.4", "3. Ansvarig för genomförandet av insatsen", "3.1"]
    assert [h for h in first if re.match(r"5\.\d", h)] == [
        "5.1 Syfte och bakgrund till insatsen.", "5.2 Insatsens mål.", "5.3 Målgrupp för insatsen.",
        "5.4 Målgruppens delaktighet vid insatsen.", "5.5 Tids- och aktivitetsplan samt kostnad för insatsen",
        "5.6 Arbetssätt och verksamhetsbeskrivning för insatsen.",
        "5.7 Insatsens koppling till andra projekt och insatser."]
    assert [h for h in first if re.match(r"10\.\d", h)] == ["10.1 Utvärderingsplan.", "10.2 Effekter på sikt.",
                                                         "10.3 Övriga resultat ."]
    conditions = [p.text for p in document.paragraphs if p.style.name == "Heading 3"]
    assert conditions == ["Lagar och förordningar", "Information från insatsen", "Kostnader", "Underskrifter",
                          "Information om publicering av personuppgifter", "Avtal"]
    # each signing party's block starts with its own "12. Underskrift" and carries the declaration
    parties = len(grantcalc.load(EXAMPLES / "ljusdal-hallbart-arbetsliv.yaml").project.parties)
    assert numbered.count("12. Underskrift") == numbered.count("12.1 Underskrift") == parties
    declarations = [p.text for p in document.paragraphs if p.text.startswith("Undertecknad försäkrar")]
    assert len(declarations) == parties


def test_the_gavleborg_cost_table_has_the_form_s_four_year_columns(ljusdal):
    document = Document(str(ljusdal))
    [costs] = [t for t in document.tables if t.rows[0].cells[0].text == "Kostnadsslag"]
    assert [c.text for c in costs.rows[0].cells] == ["Kostnadsslag", "Kostnadsspecifikation", "År 2022", "År 2023",
                                                     "År 2024", "År", "Totalt"]


def kalmar_labels() -> list[str]:
    labels, on = [], False
    for line in KALMAR.read_text(encoding="utf-8").splitlines():
        if line.startswith("## Label"):
            on = True
        elif line.startswith("## "):
            on = False
        elif on and line.startswith("- "):
            labels.append(line[2:].split(" — ")[0].strip())
    return labels


@pytest.fixture(scope="module")
def kalmar(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("kalmar")
    return render(grantcalc.load(EXAMPLES / "kalmar-vagen-vidare.yaml"), folder / "kalmar.docx", charts=False).path


def test_a_kalmar_budget_gets_the_kalmar_form_with_its_label_column(kalmar):
    document = Document(str(kalmar))
    title = KALMAR.read_text(encoding="utf-8").split("## Title\n")[1].split("**")[1]
    assert document.paragraphs[0].text == title
    labels = kalmar_labels()
    assert labels[:3] == ["Namn", "Parter", "Ansökan"] and labels[-1] == "Finansiering och kostnader"
    table = document.tables[0]
    assert [row.cells[0].text for row in table.rows] == labels
    values = {row.cells[0].text: row.cells[1] for row in table.rows}
    assert values["Namn"].text == "Vägen vidare – lokal samverkan i norra Kalmar län"
    assert values["Parter"].text.startswith("Västerviks kommun, Arbetsförmedlingen")
    assert "Lokala samverkansgruppen i norra Kalmar län ansöker om projektmedel" in values["Ansökan"].text
    assert "perioden 1 februari 2017 – 31 januari 2020" in values["Ansökan"].text
    assert [p.text for p in values["Organisation"].paragraphs if p.text] == ["Styrgrupp",
                                                                             "Operativ handläggningsgrupp (OH)"]
    costs, income = values["Finansiering och kostnader"].tables
    assert [c.text for c in costs.rows[0].cells] == ["Perioden 1 februari 2017 – 31 januari 2020", "År 1", "År 2",
                                                     "År 3"]
    # the line's name with its specification under it; project years; Summa
    assert costs.rows[1].cells[0].text == ("Lönekostnader 2,0 projektledare/vägledare\n"
                                           "inkl. PO och semestertillägg, exkl. vikariekostnad")
    assert [c.text for c in costs.rows[-1].cells] == ["Summa", "1\u00a0402\u00a0835", "1\u00a0383\u00a0400",
                                                      "1\u00a0405\u00a0564"]
    assert [[c.text for c in r.cells] for r in income.rows] == [
        ["Intäkter", "År 1", "År 2", "År 3"],
        ["Samordningsförbundet i Kalmar län", "1\u00a0402\u00a0835", "1\u00a0383\u00a0400", "1\u00a0405\u00a0564"],
        ["Summa", "1\u00a0402\u00a0835", "1\u00a0383\u00a0400", "1\u00a0405\u00a0564"]]


def test_the_kalmar_signature_grid_has_one_field_per_party_with_datum(kalmar):
    document = Document(str(kalmar))
    grid = document.tables[-1]
    cells = [c for row in grid.rows for c in row.cells]
    names = [c.paragraphs[0].text for c in cells]
    budget = grantcalc.load(EXAMPLES / "kalmar-vagen-vidare.yaml")
    assert names == [budget.project.applicant, *[p.name for p in budget.project.parties]]
    assert all([p.text for p in c.paragraphs][-2:] == ["Underskrift", "Datum"] for c in cells)


@pytest.mark.parametrize(("funder", "form"), [
    ("Samordningsförbund Gävleborg", "samordningsforbund-gavleborg"),
    ("samordningsförbundet i Gävleborg", "samordningsforbund-gavleborg"),
    ("Samordningsförbundet i Kalmar län", "samordningsforbund-kalmar"),
    ("SAMORDNINGSFÖRBUNDET I KALMAR LÄN.", "samordningsforbund-kalmar"),
    ("Västerbergslagens samordningsförbund", "samordningsforbund"),
    ("Samordningsförbundet Skåne Nordost", "samordningsforbund"),
    (None, "samordningsforbund"),
    ("", "samordningsforbund"),
])
def test_the_form_is_chosen_from_the_funder(funder, form):
    assert form_for(funder) == form


def test_template_overrides_the_funder_s_form_and_the_list_says_whose_forms_are_whose(tmp_path, capsys):
    code, _, err = cli(capsys, "render", EXAMPLES / "ljusdal-hallbart-arbetsliv.yaml", "-o", tmp_path / "g.docx",
                       "-t", "samordningsforbund", "--no-charts")
    assert code == 0 and "(mall: samordningsforbund)" in err
    assert Document(str(tmp_path / "g.docx")).paragraphs[0].text == "Ansökan om medel från samordningsförbund"
    listing = cli(capsys, "render", "--list-templates")[1].splitlines()
    assert any(line.startswith("samordningsforbund-gavleborg") and line.endswith("för Samordningsförbund Gävleborg")
               for line in listing)
    assert any(line.startswith("samordningsforbund-kalmar") and "för Samordningsförbundet i Kalmar län" in line
               for line in listing)
    assert any(line.startswith("samordningsforbund ") and "(standard" in line for line in listing)


TOOL_WORDS = re.compile(r"budgetfil|grantcalc|\bplan:|\bstated\b|\blines:|\bfinancing:|\bproject\.", re.IGNORECASE)


@pytest.mark.parametrize(("example", "forms"), [
    ("ljusdal-hallbart-arbetsliv", list(builtin_forms())),  # every form once
    ("oka-innanforskapet", [None]), ("gemensam-kraft", [None]), ("kalmar-vagen-vidare", [None])])  # their own form
def test_no_document_names_the_tool_or_its_files(tmp_path, example, forms):
    budget = grantcalc.load(EXAMPLES / f"{example}.yaml")
    budget = budget.model_copy(update={"plan": []})  # no plan: the form's own table stands, empty
    for form in forms:
        path = render(budget, tmp_path / f"{form or 'own'}.docx", template=form, charts=False).path
        with zipfile.ZipFile(path) as archive:
            for name in archive.namelist():
                if name == "docProps/app.xml" or not name.endswith(".xml"):
                    continue  # the generator field is the one place the tool may be named
                text = re.sub(r"<[^>]+>", "", archive.read(name).decode("utf-8"))
                assert not TOOL_WORDS.search(text), (example, form, name, TOOL_WORDS.search(text))


def test_a_funder_ships_its_own_form_as_yaml_without_code(tmp_path):
    form = tmp_path / "mitt-forbund.yaml"
    form.write_text("""
name: mitt-forbund
title: {sv: Ansökan till Mitt förbund, en: Application to My förbund}
description: {sv: förbundets blankett, en: the förbund's form}
funders: [Mitt förbund]
funder: {contacts: "Anna Andersson, 010-123 45 67", address: "Box 1, 123 45 Orten"}
intro:
  - {sv: "Kontakt: {project.funder_contacts}", en: "Contact: {project.funder_contacts}"}
  - {sv: "{project.funder_address}", en: "{project.funder_address}"}
sections:
  - number: "1"
    heading: {sv: Uppgifter, en: Details}
    boxes:
      - [{label: {sv: Insatsens namn, en: Name}, value: project.name},
         {label: {sv: Belopp, en: Amount}, value: applied_amount}]
  - number: "2"
    heading: {sv: Budget, en: Budget}
    block: costs
    year_columns: 5
    labels: {year: {sv: År, en: Year}, amounts_in: {sv: "", en: ""}}
""", encoding="utf-8")
    budget = grantcalc.load(EXAMPLES / "oka-innanforskapet.yaml")
    document = Document(str(render(budget, tmp_path / "m.docx", template=form, charts=False).path))
    texts = stream(document)
    assert texts[:3] == ["Ansökan till Mitt förbund", "Kontakt: Anna Andersson, 010-123 45 67",
                         "Box 1, 123 45 Orten"]
    assert "Öka innanförskapet – fler i arbete" in texts and "5 826 420 kr" in texts
    [costs] = [t for t in document.tables if t.rows[0].cells[0].text == "Kostnadsslag"]
    assert [c.text for c in costs.rows[0].cells][2:] == ["År 2024", "År 2025", "År 2026", "År 2027", "År", "Totalt"]


def test_a_form_naming_a_field_that_does_not_exist_is_refused_with_the_fields_that_do():
    with pytest.raises(ValueError, match=r"unknown field \{project\.telefon\}.*project\.name"):
        load_form("""
name: x
title: {sv: X, en: X}
description: {sv: x, en: x}
sections: [{heading: {sv: A, en: A}, boxes: [[{label: {sv: T, en: T}, value: project.telefon}]]}]
""")


def test_a_budget_can_give_phones_mobiles_emails_and_who_signs(tmp_path):
    text = (EXAMPLES / "ljusdal-hallbart-arbetsliv.yaml").read_text(encoding="utf-8")
    text = text.replace("""        - role: insatsledare
""", """        - role: insatsledare
          name: Kim Berg
          phone: 0651-180 00
          mobile: 070-123 45 67
          email: kim.berg@example.se
""").replace("""        - role: ekonomiansvarig
""", """        - role: ekonomiansvarig
      signatory: {name: Eva Ek, position: enhetschef, email: eva.ek@example.se}
""")
    budget = grantcalc.loads(text, format="yaml")
    document = Document(str(render(budget, tmp_path / "k.docx", charts=False).path))
    texts = stream(document)
    i = texts.index("4.1 Insatsledare")
    assert texts[i:i + 6] == ["4.1 Insatsledare", "Kim Berg", "Telefonnummer", "0651-180 00", "Mobiltelefonnummer",
                              "070-123 45 67"]
    j = texts.index("Organisation – Insatsägare")
    assert texts[j:j + 6] == ["Organisation – Insatsägare", "Ljusdals kommun", "Underskrift", "Namnförtydligande",
                              "Eva Ek", "E-post"]
    assert texts[j + 6] == "eva.ek@example.se"


def test_every_amount_of_the_kalmar_tables_is_the_computed_one(kalmar):
    computation = grantcalc.load(EXAMPLES / "kalmar-vagen-vidare.yaml").compute()
    document = Document(str(kalmar))
    [table] = document.tables[:1]
    cell = next(row.cells[1] for row in table.rows if row.cells[0].text == "Finansiering och kostnader")
    costs, income = cell.tables

    def amounts(row) -> list[int]:
        return [int(c.text.replace("\u00a0", "")) for c in row.cells[1:]]

    years = [y.key for y in computation.years]
    for row, line in zip(costs.rows[1:-1], computation.budget.lines, strict=True):
        assert row.cells[0].text.split("\n")[0].replace("\u00a0", " ") == line.name
        assert amounts(row) == [computation.amount(line.name, key) for key in years]
    assert amounts(costs.rows[-1]) == [computation.year_total(key) for key in years]
    funder = computation.financing.rows[0]
    assert amounts(income.rows[1]) == [funder.amounts[key] for key in years]
    assert amounts(income.rows[-1]) == [computation.financing.year_total(key) for key in years]


def test_four_budget_years_put_the_kalmar_tables_across_the_page(tmp_path):
    """Too many years for the text column: the label, then the tables at the page's width, so no
    figure breaks across lines; the label column keeps the other fields."""
    computation = grantcalc.load(EXAMPLES / "oka-innanforskapet.yaml").compute()
    document = Document(str(render(computation, tmp_path / "k.docx", template="samordningsforbund-kalmar",
                                   charts=False).path))
    labels, costs, income, _signatures = document.tables
    assert [row.cells[0].text for row in labels.rows] == kalmar_labels()[:-1]
    assert "Finansiering och kostnader" in [p.text for p in document.paragraphs]
    assert [c.text for c in costs.rows[0].cells][1:] == ["År 2024", "År 2025", "År 2026", "År 2027"]
    assert [c.text for c in costs.rows[-1].cells][1:] == ["576\u00a0968", "1\u00a0857\u00a0152", "1\u00a0915\u00a0088",
                                                          "1\u00a0477\u00a0212"]
    assert income.rows[0].cells[0].text == "Intäkter"
