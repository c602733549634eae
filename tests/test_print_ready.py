"""A rendered document is ready to print and send: whole rounding sentences in the right units,
numbers that never break across lines, a note kept with its table, page numbers and a running
header in every section, the document's own properties, the chart in the body's font, tables of
a year each with the same columns, and a long table written to the file without being held in
memory (the same file either way). Read back from the .docx (python-docx and the XML itself)."""

from __future__ import annotations

import datetime as dt
import io
import re
import sys
import zipfile
from pathlib import Path

import pytest
from docx import Document
from docx.shared import Cm
from lxml import etree

import grantcalc
from grantcalc import formatting as fmt
from grantcalc.render import render, word
from grantcalc.render.word import Column

from .conftest import EXAMPLES, ROOT

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
NB = "\u00a0"
NAMES = ("ljusdal-hallbart-arbetsliv", "oka-innanforskapet", "gemensam-kraft")
JUSTIFICATION = "projektets-ekonomi"
NOTE = "Summan ska balansera mot finansieringsbudgeten"
# a plain space inside a number or between a number and its unit: a line may break there
BREAKABLE = re.compile(r"\d (?=\d)|\d (?=(?:kr|%|mån)(?![^\W\d_]))")


@pytest.fixture(scope="module")
def documents(tmp_path_factory) -> dict[tuple[str, str], Path]:
    """The three examples rendered with the default form and with the budget justification."""
    folder = tmp_path_factory.mktemp("print-ready")
    out = {}
    for name in NAMES:
        budget = grantcalc.load(EXAMPLES / f"{name}.yaml")
        for template in (None, JUSTIFICATION):
            path = folder / f"{name}-{template or 'form'}.docx"
            render(budget, path, template=template, charts=False)
            out[(name, template or "form")] = path
    return out


def parts(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as package:
        return {name: package.read(name) for name in package.namelist()}


def runs(path: Path):
    """(part, text) of every run of the document's XML parts (body, headers, footers)."""
    for name, data in parts(path).items():
        if name.startswith("word/") and name.endswith(".xml"):
            for r in etree.fromstring(data).iter(f"{W}r"):
                yield name, "".join(t.text or "" for t in r.iter(f"{W}t"))


def justification_rows(document) -> list[list[list[str]]]:
    """The rows of each budget year's table of the justification (Kostnad | Beräkning | Belopp)."""
    tables = [t for t in document.tables if [c.text for c in t.rows[0].cells] == ["Kostnad", "Beräkning", "Belopp"]]
    return [[[c.text for c in row.cells] for row in table.rows] for table in tables]


# --- the calculation sentences ----------------------------------------------------------------------
def test_a_rounding_is_said_whole_with_the_figure_it_gives(documents):
    """Gemensam kraft's places are prorated, then rounded up to 5 000 kr: the sentence ends with
    the rounded amount (it used to stop at "avrundat uppåt till"); nine months of a year are 9/12."""
    years = justification_rows(Document(str(documents[("gemensam-kraft", JUSTIFICATION)])))
    assert ["Bromölla kommun 15\u00a0platser",
            f"650{NB}000{NB}kr/år × 9/12 = 487{NB}500{NB}kr, avrundat uppåt till 490{NB}000{NB}kr",
            f"490{NB}000{NB}kr"] in years[0]
    assert [f"650{NB}000{NB}kr/år × 40/15{NB}platser = 1{NB}733{NB}333,33{NB}kr/år, avrundat uppåt till "
            f"1{NB}735{NB}000{NB}kr/år; 1{NB}735{NB}000{NB}kr/år × 9/12 = 1{NB}301{NB}250{NB}kr, avrundat uppåt till "
            f"1{NB}305{NB}000{NB}kr", f"1{NB}305{NB}000{NB}kr"] in [row[1:] for row in years[0]]
    # the full years have no share of a year; the last year's three months are 3/12
    assert [f"650{NB}000{NB}kr/år", f"650{NB}000{NB}kr"] in [row[1:] for row in years[1]]
    assert [f"650{NB}000{NB}kr/år × 3/12 = 162{NB}500{NB}kr, avrundat uppåt till 165{NB}000{NB}kr",
            f"165{NB}000{NB}kr"] in [row[1:] for row in years[3]]


def test_a_share_of_a_year_has_no_unit_of_months(documents):
    """Öka's 2027 is nine months: a cost per year is × 9/12 (not "× 9/12 mån"), a cost per month × 9 mån."""
    years = justification_rows(Document(str(documents[("oka-innanforskapet", JUSTIFICATION)])))
    last = [row[1:] for row in years[3]]
    assert [f"5{NB}000{NB}kr/år × 3{NB}pers × 9/12 =", f"11{NB}250{NB}kr"] in last
    assert [f"32{NB}000{NB}kr/år × 9/12 =", f"24{NB}000{NB}kr"] in last
    assert [f"2{NB}000{NB}kr/mån × 9{NB}mån =", f"18{NB}000{NB}kr"] in last


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_no_calculation_stops_at_its_rounding_words(lang):
    """Every kind of line, in each rounding mode, as the justification prints it: a sentence that
    rounds names the figure it rounds to; no share of a year carries a unit."""
    budget = _every_kind()
    computation = budget.compute()
    words = ("avrundat till", "avrundat nedåt till", "avrundat uppåt till", "rounded to", "rounded down to",
             "rounded up to")
    seen = set()
    for line in budget.lines:
        for year in computation.years:
            cell = computation.cell(line.name, year.key)
            if cell.formula is None:
                continue
            calculation = cell.formula.calculation(lang)
            assert not calculation.endswith(("till", "to")), calculation
            for said in words:
                if said in calculation:
                    seen.add(said)
                    whole = re.sub(r"/[^\W\d_]+$", "", calculation)  # a yearly amount ends in kr/år
                    assert whole.endswith(fmt.money(cell.amount, lang)), calculation
            assert "/12\u00a0m" not in calculation and "/12 m" not in calculation, calculation
    assert seen == set(words[:3] if lang == "sv" else words[3:])


def _every_kind():
    return grantcalc.loads("""
project: {name: Alla sorter, applicant: Provkommunen, funder: Provförbundet}
period: {start: 2024-09-15, end: 2026-06-30}
lines:
  - {name: Lön, kind: salary, category: staff, monthly_salary: 35000, on_cost: 1.42, fte: 50 %,
     annual_raise: {rate: 3 %, effective: "04-01", rounding: {step: 100}}}
  - {name: Lön uppåt, kind: salary, category: staff, monthly_salary: 41234, on_cost: 1.4015,
     rounding: {mode: up, step: 1000}}
  - {name: Hyra, kind: recurring, category: premises, amount: 4333, per: month, rounding: {mode: down, step: 100}}
  - {name: Licens, kind: recurring, category: material, amount: 32000, per: year,
     rounding: {mode: half_even, step: 1000}}
  - {name: Platser, kind: places, category: places, price: 650000, per_places: 15, places: 40,
     annual_rounding: {mode: up, step: 5000}, rounding: {mode: up, step: 5000}}
  - {name: Deltagare, kind: per_unit, category: participants, unit_cost: 5000, count: 3, unit: pers,
     frequency: 2, per: year}
  - {name: Engång, kind: one_off, category: equipment, amount: 35000, year: 2024}
  - {name: Utvärdering, kind: explicit, category: evaluation, amounts: {2024: 10000, 2025: 20000, 2026: 5000}}
  - {name: Lokal, kind: in_kind, category: premises, party: Kommunen, amount: 3000, per: month}
  - {name: Overhead, kind: percentage, category: indirect, rate: 0.033, rounding: {mode: down, step: 10}}
""")


def test_every_year_s_table_has_the_same_columns(documents):
    for name in NAMES:
        document = Document(str(documents[(name, JUSTIFICATION)]))
        grids = [[int(c.get(f"{W}w")) for c in t._tbl.tblGrid.iterchildren(f"{W}gridCol")]
                 for t in document.tables if t.rows[0].cells[0].text == "Kostnad"]
        assert len(grids) >= 3 and all(grid == grids[0] for grid in grids), (name, grids)


# --- numbers that never break --------------------------------------------------------------------
def test_no_number_breaks_across_lines(documents):
    """No run of any rendered document has a plain space inside a number or between a number and
    kr, % or mån — the user's own specifications included ("5 000 kr/mån", "150 %", "3,3 %")."""
    for path in documents.values():
        for part, text in runs(path):
            assert not BREAKABLE.search(text), (path.name, part, text)
    texts = [text for _, text in runs(documents[("oka-innanforskapet", JUSTIFICATION)])]
    joined = "\n".join(texts)
    for figure in (f"5{NB}000{NB}kr/mån", f"100{NB}%", f"3,3{NB}%", f"32{NB}000{NB}kr/år"):
        assert figure in joined, figure


@pytest.mark.parametrize(("text", "printed"), [
    ("5 000 kr/mån", f"5{NB}000{NB}kr/mån"),
    ("150 %", f"150{NB}%"),
    ("lön 3,3 % enl. avtal", f"lön 3,3{NB}% enl. avtal"),
    ("42.350 kr × 1,42", f"42.350{NB}kr × 1,42"),
    ("9 mån, 3 pers och 40 platser", f"9{NB}mån, 3{NB}pers och 40{NB}platser"),
    ("SEK 5,000 for 3 months", f"SEK{NB}5,000 for 3{NB}months"),
    ("2024 (2024-09-15 – 2024-12-31)", "2024 (2024-09-15 – 2024-12-31)"),
    ("5 krukor och 8.1 Kostnader", "5 krukor och 8.1 Kostnader"),
    ("", ""),
])
def test_no_break_joins_numbers_to_their_units_only(text, printed):
    assert fmt.no_break(text) == printed


# --- a note stays with its table -------------------------------------------------------------------
def _text(element) -> str:
    return "".join(t.text or "" for t in element.iter(f"{W}t"))


def _kept(table) -> list[bool]:
    """Per row of ``table`` (a ``w:tbl``): whether every paragraph in it keeps with the next."""
    return [all(p.find(f"{W}pPr/{W}keepNext") is not None for p in tr.iter(f"{W}p")) for tr in table.findall(f"{W}tr")]


def test_the_cost_table_s_last_rows_keep_with_the_note_under_it(documents):
    """*Summan ska balansera mot finansieringsbudgeten* never starts a page alone: the rows of the
    8.1 table before it (its sum and the row above) keep with the next paragraph; so do the last
    rows of every table a paragraph of text follows, in every document."""
    notes = 0
    for (name, template), path in documents.items():
        body = etree.fromstring(parts(path)["word/document.xml"])
        for table in body.iter(f"{W}tbl"):
            after = table.getnext()
            if after is None or after.tag != f"{W}p" or not _text(after).strip() \
                    or after.find(f"{W}pPr/{W}pStyle") is not None:  # a heading keeps with what follows it
                continue
            kept = _kept(table)
            header = [tr.find(f"{W}trPr/{W}tblHeader") is not None for tr in table.findall(f"{W}tr")]
            body_rows = [k for k, h in zip(kept, header) if not h]
            assert body_rows[-2:] == [True] * len(body_rows[-2:]), (name, template, _text(after)[:40])
            assert not any(body_rows[:-2]), (name, template)  # the rest of the table breaks where it must
            notes += _text(after).startswith(NOTE)
    assert notes >= 1  # Ljusdal's form (Gävleborg's) has the note under 8.1


def test_a_paragraph_after_a_table_holds_its_last_rows():
    document = Document()
    columns = [Column("A"), Column("B", align="r")]
    first = word.add_table(document, columns, [["a", "1"], ["b", "2"], ["Summa", "3"]], width=word.text_width(document))
    word.add_paragraph(document)  # an empty paragraph holds nothing
    second = word.add_table(document, columns, [["a", "1"], ["Summa", "1"]], width=word.text_width(document),
                            keep_with_next=True)

    def kept(table):
        return _kept(table._tbl)

    assert kept(first) == [False, False, False, False] and kept(second) == [False, True, True]
    third = word.add_table(document, columns, [["a", "1"], ["b", "2"], ["Summa", "3"]], width=word.text_width(document))
    word.add_paragraph(document, "Not.", italic=True)
    assert kept(third) == [False, False, True, True]  # the header row repeats on the next page anyway


# --- page numbers, running header, properties --------------------------------------------------------
def test_every_section_has_the_running_header_and_page_numbers(documents):
    for (name, template), path in documents.items():
        document = Document(str(path))
        budget = grantcalc.load(EXAMPLES / f"{name}.yaml")
        assert len(document.sections) >= 1
        for index, section in enumerate(document.sections):
            # the first section has its own; the others, portrait or landscape, show the first's
            assert section.header.is_linked_to_previous == (index > 0)
            assert section.footer.is_linked_to_previous == (index > 0)
            header = " ".join(p.text for p in section.header.paragraphs)
            assert budget.project.name in header, (name, header)
            footer = etree.tostring(section.footer._element, encoding="unicode")
            instructions = [i.strip() for i in re.findall(r"<w:instrText[^>]*>([^<]*)<", footer)]
            assert instructions == ["PAGE", "NUMPAGES"], (name, template, instructions)
            assert "".join(p.text for p in section.footer.paragraphs) == "Sida 1 av 1"  # the fields' shown text


def test_the_page_words_are_the_document_s_language(tmp_path):
    out = render(grantcalc.load(EXAMPLES / "oka-innanforskapet.yaml"), tmp_path / "en.docx", lang="en",
                 charts=False).path
    assert "".join(p.text for p in Document(str(out)).sections[0].footer.paragraphs) == "Page 1 of 1"


def _created(value: dt.datetime) -> dt.datetime:
    return value if value.tzinfo else value.replace(tzinfo=dt.UTC)


def test_the_document_s_properties_are_the_budget_s(documents):
    """Title and author (the applicant) from the budget, created and modified now, revision 1;
    the program is grantcalc in app.xml's Application and nowhere else; no properties left from
    python-docx's template (2013, "Microsoft Macintosh Word", its thumbnail)."""
    now = dt.datetime.now(dt.UTC)
    for (name, _), path in documents.items():
        budget = grantcalc.load(EXAMPLES / f"{name}.yaml")
        props = Document(str(path)).core_properties
        assert budget.project.name in props.title
        assert props.author == (budget.project.applicant or "") and props.last_modified_by == props.author
        assert props.revision == 1 and props.language == "sv-SE"
        for moment in (props.created, props.modified):
            assert dt.timedelta(0) <= now - _created(moment) < dt.timedelta(minutes=5), (name, moment)
        package = parts(path)
        app = etree.fromstring(package["docProps/app.xml"])
        application = app.find("{*}Application")
        assert application is not None and application.text.startswith("grantcalc")
        assert [child.tag.split("}")[1] for child in app] == ["Application", "DocSecurity", "ScaleCrop",
                                                              "LinksUpToDate", "SharedDoc", "HyperlinksChanged"]
        assert not any(n.startswith("docProps/thumbnail") for n in package)
        for member, data in package.items():
            assert b"Macintosh" not in data and b"2013-12-23" not in data, member
            if member != "docProps/app.xml":
                assert b"grantcalc" not in data.lower(), member


def test_set_up_takes_the_author_header_and_time(tmp_path):
    document = Document()
    moment = dt.datetime(2025, 3, 1, 9, 30, tzinfo=dt.UTC)
    word.set_up(document, "en", "Budget – Projekt", author="Smedjebackens kommun", header="Projekt", now=moment)
    word.new_section(document, landscape=True)
    document.save(str(tmp_path / "x.docx"))
    again = Document(str(tmp_path / "x.docx"))
    assert [p.text for p in again.sections[0].header.paragraphs] == ["Projekt"]
    assert again.sections[1].header.is_linked_to_previous and again.sections[1].page_width > Cm(25)
    props = again.core_properties
    assert (props.title, props.author, props.language) == ("Budget – Projekt", "Smedjebackens kommun", "en-GB")
    assert _created(props.created) == moment == _created(props.modified)


def test_a_user_template_gets_the_document_s_properties(tmp_path):
    template = Document()
    template.add_paragraph("{{ project.name }}: {{ applied_amount }}")
    template.core_properties.author = "Den som skrev mallen"
    template.save(str(tmp_path / "mall.docx"))
    budget = grantcalc.load(EXAMPLES / "oka-innanforskapet.yaml")
    out = render(budget, tmp_path / "ut.docx", template=tmp_path / "mall.docx").path
    props = Document(str(out)).core_properties
    assert props.author == budget.project.applicant == "Smedjebackens kommun, Arbetsmarknads- och " \
        "integrationsenheten (AMI)"
    assert props.title == "Öka innanförskapet – fler i arbete"
    assert "Öka innanförskapet" in "".join(p.text for p in Document(str(out)).paragraphs)  # filled in
    assert dt.datetime.now(dt.UTC) - _created(props.created) < dt.timedelta(minutes=5)
    assert b"<Application>grantcalc" in parts(out)["docProps/app.xml"]


# --- the chart's font ---------------------------------------------------------------------------------
def test_the_chart_is_in_the_body_font():
    pytest.importorskip("matplotlib")
    from matplotlib import font_manager
    from matplotlib.text import Text

    from grantcalc.report import charts

    figure = charts.costs_figure(grantcalc.load(EXAMPLES / "oka-innanforskapet.yaml").compute())
    font = charts._font()
    assert font in charts.FONTS
    texts = [t for t in figure.findobj(Text) if t.get_text()]
    texts += [t for axes in figure.axes for t in axes.get_xticklabels() + axes.get_yticklabels()]
    assert texts and {t.get_fontname() for t in texts} == {font}
    installed = [Path(p).name.lower() for p in font_manager.findSystemFonts()]
    if any(name.startswith(("calibri", "carlito")) for name in installed):  # Carlito is Calibri's metric twin
        assert font in ("Calibri", "Carlito")


# --- a long table is written as the document is saved ------------------------------------------------
TRICKY = ["Lönekostnader", "", f"1{NB}111{NB}403", "2024-03-31", "två\nrader", " ", "–", "A & B <c> \"d\" 'e'",
          "5 000 kr/mån", "Örebro 150 %", "x" * 40]


def _long_document(rows: int, monkeypatch, deferred: bool) -> bytes:
    monkeypatch.setattr(word, "DEFERRED_ROWS", 10 if deferred else 10**9)
    document = Document()
    word.set_up(document, "sv", "Lång", now=dt.datetime(2025, 1, 1, tzinfo=dt.UTC))
    columns = [Column("Kostnadsslag", fit=True), Column("Specifikation"), Column("År 2022", align="r"),
               Column("Totalt", 1.05, "r")]
    body = [[TRICKY[(i + j) % len(TRICKY)] for j in range(4)] for i in range(rows)]
    body.insert(rows // 2, ["kort rad"])  # a short row is laid out cell by cell
    body.append(["Summa", "", "1", "2"])
    word.add_table(document, columns, body, width=word.text_width(document), sum_rows=2)
    word.add_paragraph(document, "Not under tabellen.")
    cell = document.add_table(rows=1, cols=1).cell(0, 0)  # a long table inside a cell of the body
    word.add_table(cell, columns[:2], [r[:2] for r in body], width=word.text_width(document) // 2, header=False)
    stream = io.BytesIO()
    document.save(stream)
    with zipfile.ZipFile(stream) as package:
        return package.read("word/document.xml")


def test_a_long_table_written_at_saving_is_the_same_xml(monkeypatch):
    deferred = _long_document(300, monkeypatch, deferred=True)
    assert deferred == _long_document(300, monkeypatch, deferred=False)
    assert b"grantcalc-rows" not in deferred
    tree = etree.fromstring(deferred)
    first, cell_table = [t for t in tree.iter(f"{W}tbl") if t.find(f"{W}tr/{W}tc/{W}tbl") is None][:2]
    assert len(first.findall(f"{W}tr")) == 1 + 302 and len(cell_table.findall(f"{W}tr")) == 302


@pytest.mark.slow  # seconds of work at scale: with the long campaigns
def test_a_synthetic_budget_renders_the_same_with_its_rows_written_at_saving(tmp_path, monkeypatch):
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        from synthetic import budget_yaml
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))
    computation = grantcalc.loads(budget_yaml(700, years=3)).compute()
    render(computation, tmp_path / "deferred.docx", charts=False)
    monkeypatch.setattr(word, "DEFERRED_ROWS", 10**9)
    render(computation, tmp_path / "eager.docx", charts=False)
    deferred, eager = parts(tmp_path / "deferred.docx"), parts(tmp_path / "eager.docx")
    assert deferred.keys() == eager.keys()
    assert deferred["word/document.xml"] == eager["word/document.xml"]
    table = max(Document(str(tmp_path / "deferred.docx")).tables, key=lambda t: len(t.rows))
    assert len(table.rows) == 1 + 700 + 1  # the header, a row per line, the sum
