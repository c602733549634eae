"""The user's own .docx template (:mod:`grantcalc.render.user`), read back with python-docx.

Every template is built inside its test with python-docx (no binary files in
the repository): :func:`template` takes paragraphs, paragraphs split into
runs, and tables. Each behaviour is tested through the public API
(``render(...)``) and, where the user meets it, through the command line
(``grantcalc.cli.main``): exit status 0 or 2, the text on standard error, and
that a failed render leaves no file (and no temporary file) behind.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path

import pytest
from docx import Document
from hypothesis import given, settings
from hypothesis import strategies as st

import grantcalc
from grantcalc import formatting as fmt
from grantcalc.cli import main
from grantcalc.errors import BudgetError, SourceError
from grantcalc.render import chart, render
from grantcalc.render.fields import DASH, FIELDS

from .conftest import EXAMPLES

NB = "\u00a0"
LJUSDAL = EXAMPLES / "ljusdal-hallbart-arbetsliv.yaml"
EXAMPLE_NAMES = ["ljusdal-hallbart-arbetsliv", "oka-innanforskapet", "gemensam-kraft"]
MINIMAL_YAML = """\
project:
  name: {name}
period:
  start: 2024-01-01
  end: 2024-12-31
lines:
  - name: x
    kind: one_off
    category: material
    amount: 5
    year: 2024
"""


# --- helpers -----------------------------------------------------------------------------------
class Runs:
    """One paragraph written as several runs, the way Word often splits a placeholder."""

    def __init__(self, *parts: str):
        self.parts = parts


@dataclass
class Table:
    """A table: a list of rows, each a list of cell texts."""

    rows: list[list[str]]


def template(path: Path, *blocks: str | Runs | Table) -> Path:
    """A .docx at ``path`` holding ``blocks`` in order: a str is a paragraph."""
    document = Document()
    for block in blocks:
        if isinstance(block, str):
            document.add_paragraph(block)
        elif isinstance(block, Runs):
            paragraph = document.add_paragraph()
            for part in block.parts:
                paragraph.add_run(part)
        else:
            table = document.add_table(rows=len(block.rows), cols=max(map(len, block.rows)))
            for cells, row in zip(block.rows, table.rows):
                for text, cell in zip(cells, row.cells):
                    cell.text = text
    document.save(str(path))
    return path


def paragraphs(path: Path) -> list[str]:
    return [p.text for p in Document(str(path)).paragraphs]


def rows(table) -> list[list[str]]:
    return [[cell.text for cell in row.cells] for row in table.rows]


def minimal_budget(name: str) -> grantcalc.Budget:
    return grantcalc.Budget.model_validate({
        "project": {"name": name},
        "period": {"start": "2024-01-01", "end": "2024-12-31"},
        "lines": [{"name": "x", "kind": "one_off", "category": "material", "amount": 5, "year": 2024}],
    })


def failure(source, out: Path, **kwargs) -> list:
    """The problems ``render`` raises; it must raise, and leave nothing behind."""
    with pytest.raises(SourceError) as info:
        render(source, out, **kwargs)
    assert not out.exists()
    assert leftovers(out.parent) == []
    return info.value.problems


def leftovers(folder: Path) -> list[Path]:
    """Temporary files of an interrupted write (``.NAME.xxxx.tmp``)."""
    return sorted(folder.glob(".*.tmp"))


def cli(capsys, *args) -> tuple[int, str, str]:
    """``grantcalc ARGS`` in-process: exit status, standard output, standard error."""
    status = main([str(a) for a in args])
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err and "internt fel" not in captured.err, captured.err
    return status, captured.out, captured.err


@pytest.fixture(scope="module")
def ljusdal() -> grantcalc.Budget:
    return grantcalc.load(LJUSDAL)


@pytest.fixture(scope="module")
def name_template(tmp_path_factory) -> Path:
    """``{{ project.name }}`` alone: module-scoped, so the property test can use it."""
    return template(tmp_path_factory.mktemp("name") / "name.docx", "{{ project.name }}")


# --- fields are filled ------------------------------------------------------------------------
def test_placeholders_are_filled_with_the_budget_s_values(tmp_path, ljusdal):
    path = template(tmp_path / "mall.docx",
                    "Projekt: {{ project.name }}", "Sökt: {{ applied_amount }}", "Tid: {{ project.period }}")
    result = render(ljusdal, tmp_path / "ut.docx", template=path)
    assert result.template == "mall.docx" and result.notes == []
    assert paragraphs(result.path) == [
        "Projekt: Ett hållbart arbetsliv i Ljusdal",
        f"Sökt: 2{NB}480{NB}208{NB}kr",
        "Tid: 2022-01-01 – 2024-03-31",
    ]


def test_a_placeholder_split_across_runs_still_renders(tmp_path, ljusdal):
    path = template(tmp_path / "mall.docx", Runs("{{ proj", "ect.na", "me }}"))
    render(ljusdal, tmp_path / "ut.docx", template=path)
    assert paragraphs(tmp_path / "ut.docx") == ["Ett hållbart arbetsliv i Ljusdal"]


def test_english_amounts_in_a_template(tmp_path, ljusdal):
    path = template(tmp_path / "mall.docx", "{{ applied_amount }}")
    render(ljusdal, tmp_path / "ut.docx", template=path, lang="en")
    assert paragraphs(tmp_path / "ut.docx") == [f"SEK{NB}2,480,208"]


def test_the_command_line_renders_a_template_of_ones_own(tmp_path, capsys):
    path = template(tmp_path / "mall.docx", "{{ project.name }}")
    out = tmp_path / "ut.docx"
    status, _stdout, stderr = cli(capsys, "render", LJUSDAL, "-o", out, "--template", path)
    assert status == 0
    assert f"Skrev {out} (mall: mall.docx)" in stderr
    assert paragraphs(out) == ["Ett hållbart arbetsliv i Ljusdal"]


# --- row loops ---------------------------------------------------------------------------------
@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_cost_rows_repeat_once_per_line_with_the_computed_amounts(tmp_path, name):
    computation = grantcalc.load(EXAMPLES / f"{name}.yaml").compute()
    path = template(tmp_path / "mall.docx", Table([
        ["Rad", "Per år", "Totalt"],
        ["{%tr for row in costs.rows %}", "", ""],
        ["{{ row.name }}", "{% for a in row.amounts %}{{ a }};{% endfor %}", "{{ row.total }}"],
        ["{%tr endfor %}", "", ""],
        ["Summa", "{% for a in costs.sum.amounts %}{{ a }};{% endfor %}", "{{ costs.sum.total }}"],
    ]))
    render(computation, tmp_path / "ut.docx", template=path)
    [table] = Document(str(tmp_path / "ut.docx")).tables
    header, *body, summa = rows(table)
    years = computation.years
    assert header == ["Rad", "Per år", "Totalt"]
    assert len(body) == len(computation.budget.lines)
    for line, (row_name, per_year, total) in zip(computation.budget.lines, body):
        assert row_name == line.name
        if line.has_amount:
            assert total == fmt.amount(computation.line_total(line.name))
            assert per_year.split(";")[:-1] == [fmt.amount(computation.amount(line.name, y.key)) for y in years]
        else:  # an in-kind line without a value: a dash, never a made-up 0
            assert total == DASH
    assert summa == ["Summa", "".join(f"{fmt.amount(computation.year_total(y.key))};" for y in years),
                     fmt.amount(computation.total)]


def test_ljusdal_cost_rows_print_the_application_s_figures(tmp_path, ljusdal):
    path = template(tmp_path / "mall.docx", Table([
        ["{%tr for row in costs.rows %}", ""],
        ["{{ row.name }}", "{{ row.total }}"],
        ["{%tr endfor %}", ""],
        ["Summa", "{{ costs.sum.total }}"],
    ]))
    render(ljusdal, tmp_path / "ut.docx", template=path)
    [table] = Document(str(tmp_path / "ut.docx")).tables
    assert rows(table)[0] == ["Finsam-coacher", f"2{NB}164{NB}208"]
    assert rows(table)[-1] == ["Summa", f"2{NB}480{NB}208"]


def test_financing_rows_repeat_once_per_funder(tmp_path, ljusdal):
    computation = ljusdal.compute()
    path = template(tmp_path / "mall.docx", Table([
        ["{%tr for row in financing.rows %}", "", ""],
        ["{{ row.name }}", "{{ row.kind }}", "{{ row.total }}"],
        ["{%tr endfor %}", "", ""],
        ["Summa", "", "{{ financing.sum.total }}"],
    ]))
    render(computation, tmp_path / "ut.docx", template=path)
    [table] = Document(str(tmp_path / "ut.docx")).tables
    *body, summa = rows(table)
    funders = computation.financing.rows
    assert [row[0] for row in body] == [f.name for f in funders]
    assert [row[1] for row in body] == ["i natura" if f.in_kind else "kontant" for f in funders]
    # a funder named without an amount prints a dash, as an in-kind line without a value does
    assert [row[2] for row in body] == [fmt.amount(f.total) if f.stated and f.source != "none" else DASH
                                        for f in funders]
    assert body[0] == ["Samordningsförbund Gävleborg", "kontant", f"2{NB}480{NB}208"]
    assert summa == ["Summa", "", fmt.amount(computation.financing.total)]


def test_a_loop_over_the_years_shows_each_year_s_costs(tmp_path, ljusdal):
    computation = ljusdal.compute()
    path = template(tmp_path / "mall.docx", Table([
        ["{%tr for y in years %}", ""],
        ["{{ y.label }}", "{{ y.costs }}"],
        ["{%tr endfor %}", ""],
    ]))
    render(computation, tmp_path / "ut.docx", template=path)
    [table] = Document(str(tmp_path / "ut.docx")).tables
    assert rows(table) == [[y.label("sv"), fmt.money(computation.year_total(y.key), "sv")] for y in computation.years]
    assert rows(table)[0] == ["2022", f"1{NB}111{NB}403{NB}kr"]


# --- ready tables ------------------------------------------------------------------------------
def test_the_ready_cost_table_holds_the_computed_amounts(tmp_path, ljusdal):
    computation = ljusdal.compute()
    path = template(tmp_path / "mall.docx", "Före", "{{p tables.costs }}", "Efter")
    render(computation, tmp_path / "ut.docx", template=path)
    document = Document(str(tmp_path / "ut.docx"))
    [table] = document.tables
    body = list(document.element.body)
    before, after = (next(p._p for p in document.paragraphs if p.text == text) for text in ("Före", "Efter"))
    assert body.index(before) < body.index(table._tbl) < body.index(after)  # where the placeholder stood

    header, *lines, summa = rows(table)
    years = computation.years
    assert header == ["Kostnadsslag", "Kostnadsspecifikation", *[f"År {y.label('sv')}" for y in years], "Totalt"]
    assert len(lines) == len(ljusdal.lines)
    for line, row in zip(ljusdal.lines, lines):
        assert row[0] == ljusdal.category(line.category).name("sv")
        assert row[2:-1] == [fmt.amount(computation.amount(line.name, y.key)) for y in years]
        assert row[-1] == fmt.amount(computation.line_total(line.name))
    assert summa[0] == "Summa"
    assert summa[2:-1] == [fmt.amount(computation.year_total(y.key)) for y in years]
    assert summa[-1] == fmt.amount(computation.total) == f"2{NB}480{NB}208"


# --- text stays text ---------------------------------------------------------------------------
def test_markup_characters_in_a_name_stay_text(tmp_path):
    budget_file = tmp_path / "budget.yaml"
    budget_file.write_text(MINIMAL_YAML.format(name="'Kött & Bröd <AB> \"Citat\" ''x'''"), encoding="utf-8")
    budget = grantcalc.load(budget_file)
    assert budget.project.name == "Kött & Bröd <AB> \"Citat\" 'x'"
    path = template(tmp_path / "mall.docx", "{{ project.name }}", Table([["{{ project.name }}"]]))
    render(budget, tmp_path / "ut.docx", template=path)
    document = Document(str(tmp_path / "ut.docx"))  # opens: the XML is well formed
    assert [p.text for p in document.paragraphs] == [budget.project.name]
    assert rows(document.tables[0]) == [[budget.project.name]]


def test_a_very_long_name_reads_back_intact(tmp_path):
    name = ("Kött & bröd i Ljusdal " * 250)[:5000].strip()
    budget = minimal_budget(name)
    assert len(budget.project.name) == 5000
    render(budget, tmp_path / "ut.docx", template=template(tmp_path / "mall.docx", "{{ project.name }}"))
    assert paragraphs(tmp_path / "ut.docx") == [name]


def test_markup_characters_in_the_document_title_are_escaped_once(tmp_path):
    document = Document()
    document.add_paragraph("{{ project.name }}")
    document.core_properties.title = "{{ project.name }}"
    document.save(str(tmp_path / "mall.docx"))
    render(minimal_budget("Kött & Bröd <AB>"), tmp_path / "ut.docx", template=tmp_path / "mall.docx")
    assert Document(str(tmp_path / "ut.docx")).core_properties.title == "Kött & Bröd <AB>"


def test_docxtpl_escape_sequences_in_a_value_are_kept(tmp_path):
    name = "Mall {_{ x }_} och {_% y %_}"
    render(minimal_budget(name), tmp_path / "ut.docx", template=template(tmp_path / "mall.docx", "{{ project.name }}"))
    assert paragraphs(tmp_path / "ut.docx") == [name]


def test_a_control_character_is_refused_when_the_budget_is_loaded(tmp_path):
    budget_file = tmp_path / "budget.yaml"
    budget_file.write_text(MINIMAL_YAML.format(name='"A\\aB"'), encoding="utf-8")
    with pytest.raises(BudgetError) as info:
        grantcalc.load(budget_file)
    [problem] = info.value.problems
    assert problem.code == "text.control_character"
    assert problem.path == ("project", "name")
    assert (problem.file, problem.line) == (str(budget_file), 2)


def test_the_command_line_names_the_control_character_and_its_line(tmp_path, capsys):
    budget_file = tmp_path / "budget.yaml"
    budget_file.write_text(MINIMAL_YAML.format(name='"A\\aB"'), encoding="utf-8")
    path = template(tmp_path / "mall.docx", "{{ project.name }}")
    out = tmp_path / "ut.docx"
    status, _, stderr = cli(capsys, "render", budget_file, "-o", out, "-t", path)
    assert status == 2
    assert f"{budget_file}:2: project.name:" in stderr
    assert "styrtecken" in stderr and "U+0007" in stderr
    assert not out.exists()


@settings(max_examples=30, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc"),
                                      blacklist_characters="\ufffe\uffff"),  # Cn, but refused like Cc (not XML)
               min_size=1, max_size=80)
       .filter(lambda s: s.strip())
)
@pytest.mark.slow  # seconds of subprocesses or examples: with the long campaigns
def test_any_name_reads_back_as_the_budget_stores_it(name_template, name):
    budget = minimal_budget(name)
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "ut.docx"
        render(budget, out, template=name_template)
        assert paragraphs(out) == [budget.project.name]


# --- a field that does not exist --------------------------------------------------------------
def test_a_misspelt_field_names_the_fields_that_exist(tmp_path, ljusdal):
    path = template(tmp_path / "mall.docx", "{{ project.nam }}")
    [problem] = failure(ljusdal, tmp_path / "ut.docx", template=path)
    assert problem.code == "render.unknown_field"
    assert problem.file == str(path)
    assert problem.params["field"] == "project.nam"
    message = problem.format("sv")
    assert "project.nam" in message
    assert "name" in problem.params["known"] and "applicant" in problem.params["known"]
    assert "name, applicant" in message


def test_several_unknown_names_are_reported_in_one_error(tmp_path, ljusdal):
    path = template(tmp_path / "mall.docx", "{{ foo }} {{ bar }}", "{{ project.name }}")
    problems = failure(ljusdal, tmp_path / "ut.docx", template=path)
    assert {p.code for p in problems} == {"render.unknown_field"}
    assert sorted(p.params["field"] for p in problems) == ["bar", "foo"]


def test_an_unknown_field_inside_a_loop_names_the_list(tmp_path, ljusdal):
    path = template(tmp_path / "mall.docx", "{% for r in costs.rows %}{{ r.nope }}{% endfor %}")
    [problem] = failure(ljusdal, tmp_path / "ut.docx", template=path)
    assert problem.code == "render.unknown_field"
    assert problem.params["field"] == "costs.rows[].nope"
    assert "costs.rows[]" in problem.format("sv")
    assert "total" in problem.params["known"]


def test_a_field_of_a_text_is_not_a_group(tmp_path, ljusdal):
    path = template(tmp_path / "mall.docx", "{{ project.name.first }}")
    [problem] = failure(ljusdal, tmp_path / "ut.docx", template=path)
    assert problem.code == "render.not_a_group"
    assert "Ett hållbart arbetsliv i Ljusdal" in problem.format("sv")


@pytest.mark.parametrize("text, expected", [
    ("{{ project.nam }}", ["project.nam", "applicant"]),
    ("{{ foo }} {{ bar }}", ["mallen använder foo", "mallen använder bar"]),
    ("{% for r in costs.rows %}{{ r.nope }}{% endfor %}", ["costs.rows[].nope"]),
], ids=["misspelt", "two-unknown", "in-loop"])
def test_the_command_line_prints_unknown_fields_and_writes_nothing(tmp_path, capsys, ljusdal, text, expected):
    path = template(tmp_path / "mall.docx", text)
    out = tmp_path / "ut.docx"
    problems = failure(ljusdal, out, template=path)
    status, stdout, stderr = cli(capsys, "render", LJUSDAL, "-o", out, "-t", path)
    assert status == 2
    assert stdout == ""
    assert stderr.splitlines() == [p.format("sv") for p in problems]
    assert all(line.startswith(f"{path}: ") for line in stderr.splitlines())
    for snippet in expected:
        assert snippet in stderr
    assert not out.exists() and leftovers(tmp_path) == []


# --- templates that cannot be used -------------------------------------------------------------
def test_a_syntax_error_in_the_template(tmp_path, capsys, ljusdal):
    path = template(tmp_path / "mall.docx", "Projekt: {{ project.name ")
    out = tmp_path / "ut.docx"
    [problem] = failure(ljusdal, out, template=path)
    assert problem.code == "render.template_syntax"
    assert "{{ project.name" in problem.params["context"]
    status, _, stderr = cli(capsys, "render", LJUSDAL, "-o", out, "-t", path)
    assert status == 2
    assert stderr.strip() == problem.format("sv")
    assert not out.exists() and leftovers(tmp_path) == []


def _not_a_docx(folder: Path) -> str:
    (folder / "x.docx").write_text("inte ett Word-dokument", encoding="utf-8")
    return str(folder / "x.docx")


def _text_file(folder: Path) -> str:
    (folder / "mall.txt").write_text("{{ project.name }}", encoding="utf-8")
    return str(folder / "mall.txt")


@pytest.mark.parametrize("make, code, words", [
    (_not_a_docx, "render.template_invalid", ["x.docx:", "Word-dokument"]),
    (lambda folder: str(folder / "saknas.docx"), "file.missing", ["saknas.docx: filen finns inte"]),
    (lambda folder: "samordningsforbundet", "render.template_unknown", ["samordningsforbund", "projektets-ekonomi"]),
    (_text_file, "render.template_format", ["mall.txt:", ".txt"]),
], ids=["not-a-docx", "missing", "unknown-name", "txt"])
def test_a_template_that_cannot_be_used(tmp_path, capsys, ljusdal, make, code, words):
    name = make(tmp_path)
    out = tmp_path / "ut.docx"
    [problem] = failure(ljusdal, out, template=name)
    assert problem.code == code
    status, _, stderr = cli(capsys, "render", LJUSDAL, "-o", out, "-t", name)
    assert status == 2
    assert stderr.strip() == problem.format("sv")
    for word in words:
        assert word in stderr
    assert not out.exists()


# --- an existing document ----------------------------------------------------------------------
def test_an_existing_document_is_kept_without_force(tmp_path, capsys, ljusdal):
    path = template(tmp_path / "mall.docx", "{{ project.name }}")
    out = tmp_path / "ut.docx"
    out.write_bytes(b"earlier work")
    with pytest.raises(SourceError) as info:
        render(ljusdal, out, template=path)
    assert [p.code for p in info.value.problems] == ["output.exists"]
    status, _, stderr = cli(capsys, "render", LJUSDAL, "-o", out, "-t", path)
    assert status == 2
    assert "finns redan" in stderr and "--force" in stderr
    assert out.read_bytes() == b"earlier work"
    assert leftovers(tmp_path) == []


def test_force_overwrites_an_existing_document(tmp_path, capsys, ljusdal):
    path = template(tmp_path / "mall.docx", "{{ project.name }}")
    out = tmp_path / "ut.docx"
    out.write_bytes(b"earlier work")
    render(ljusdal, out, template=path, force=True)
    assert paragraphs(out) == ["Ett hållbart arbetsliv i Ljusdal"]
    out.write_bytes(b"earlier work")
    status, _, _ = cli(capsys, "render", LJUSDAL, "-o", out, "-t", path, "--force")
    assert status == 0
    assert paragraphs(out) == ["Ett hållbart arbetsliv i Ljusdal"]
    assert leftovers(tmp_path) == []


def test_a_failed_render_with_force_keeps_the_existing_document(tmp_path, capsys, ljusdal):
    path = template(tmp_path / "mall.docx", "{{ project.nam }}")
    out = tmp_path / "ut.docx"
    out.write_bytes(b"earlier work")
    with pytest.raises(SourceError):
        render(ljusdal, out, template=path, force=True)
    status, _, stderr = cli(capsys, "render", LJUSDAL, "-o", out, "-t", path, "--force")
    assert status == 2 and "project.nam" in stderr
    assert out.read_bytes() == b"earlier work"
    assert leftovers(tmp_path) == []


# --- charts ------------------------------------------------------------------------------------
@pytest.mark.slow  # seconds of subprocesses or charts: with the long campaigns
@pytest.mark.skipif(not chart.available(), reason="matplotlib is not installed")
def test_a_chart_field_is_an_inline_picture(tmp_path, ljusdal):
    path = template(tmp_path / "mall.docx", "{{ charts.costs }}")
    render(ljusdal, tmp_path / "ut.docx", template=path)
    document = Document(str(tmp_path / "ut.docx"))
    assert len(document.inline_shapes) == 1
    assert any(part.content_type == "image/png" for part in document.part.package.parts)


def test_a_chart_field_without_matplotlib_asks_for_it(tmp_path, capsys, monkeypatch, ljusdal):
    monkeypatch.setattr(chart, "available", lambda: False)
    path = template(tmp_path / "mall.docx", "{{ project.name }}", "{{ charts.costs }}")
    out = tmp_path / "ut.docx"
    [problem] = failure(ljusdal, out, template=path)
    assert problem.code == "render.chart_missing"
    assert problem.params["field"] == "charts.costs"
    assert 'pip install "grantcalc[chart]"' in problem.format("sv")
    status, _, stderr = cli(capsys, "render", LJUSDAL, "-o", out, "-t", path)
    assert status == 2
    assert 'pip install "grantcalc[chart]"' in stderr
    assert not out.exists()


@pytest.mark.slow  # a child process without matplotlib: a second
def test_a_built_in_template_without_matplotlib_leaves_the_charts_out(tmp_path, capsys, monkeypatch, ljusdal):
    monkeypatch.setattr(chart, "available", lambda: False)
    result = render(ljusdal, tmp_path / "ut.docx", template="samordningsforbund")
    assert result.template == "samordningsforbund"
    assert [p.code for p in result.notes] == ["render.charts_left_out"]
    assert len(Document(str(result.path)).inline_shapes) == 0
    # Gävleborg's own form has no chart: nothing is left out, nothing to warn about
    assert render(ljusdal, tmp_path / "own.docx").notes == []
    status, _, stderr = cli(capsys, "render", LJUSDAL, "-o", tmp_path / "cli.docx", "-t", "samordningsforbund")
    assert status == 0
    assert "varning:" in stderr and 'pip install "grantcalc[chart]"' in stderr
    assert (tmp_path / "cli.docx").exists()


# --- listing fields and templates --------------------------------------------------------------
def _listed_paths(listing: str) -> list[str]:
    return [line.split()[0] for line in listing.splitlines()[2:]]


def test_the_field_listing_shows_every_field_with_the_budget_s_values(capsys):
    status, stdout, _ = cli(capsys, "render", LJUSDAL, "--fields")
    assert status == 0
    assert _listed_paths(stdout) == [path for path, _, _ in FIELDS]
    assert "[Ett hållbart arbetsliv i Ljusdal]" in stdout
    assert f"[2{NB}480{NB}208{NB}kr]" in stdout


def test_the_field_listing_needs_no_budget(capsys):
    status, stdout, _ = cli(capsys, "render", "--fields")
    assert status == 0
    assert _listed_paths(stdout) == [path for path, _, _ in FIELDS]


def test_the_built_in_templates_are_listed(capsys):
    status, stdout, _ = cli(capsys, "render", "--list-templates")
    assert status == 0
    listed = {line.split()[0]: line for line in stdout.splitlines()}
    assert list(listed) == ["samordningsforbund", "samordningsforbund-gavleborg", "samordningsforbund-kalmar",
                            "projektets-ekonomi"]
    assert listed["samordningsforbund"].endswith("(standard för finansiärer utan egen blankett)")
    assert listed["samordningsforbund-gavleborg"].endswith("– för Samordningsförbund Gävleborg")
    assert "(standard" not in listed["projektets-ekonomi"]


def test_an_index_past_the_end_of_a_list_says_how_long_the_list_is(tmp_path):
    budget = grantcalc.load(LJUSDAL)
    with pytest.raises(SourceError) as err:
        render(budget, tmp_path / "ut.docx", template=template(tmp_path / "mall.docx", "{{ years[7].label }}"))
    [problem] = err.value.problems
    assert problem.code == "render.index"
    assert problem.message("sv").startswith("mallen använder element 7 i en lista med 3 element")
    assert not (tmp_path / "ut.docx").exists()


def test_ready_tables_need_no_styles_from_the_template(tmp_path):
    """A user's template may lack every heading and table style (python-docx: KeyError);
    the ready tables carry their own borders and fonts, and headings fall back to bold text."""
    document = Document()
    document.add_paragraph("{{p tables.justification }}")
    styles = document.styles.element
    for style in list(styles):
        name = style.find("{*}name")
        if name is not None and (name.get("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}val")
                                 .lower().startswith(("heading", "table grid", "title"))):
            styles.remove(style)
    path = tmp_path / "utan-stilar.docx"
    document.save(str(path))
    budget = grantcalc.load(EXAMPLES / "oka-innanforskapet.yaml")
    out = render(budget, tmp_path / "ut.docx", template=path).path
    result = Document(str(out))
    assert "2024 (2024-09-15 – 2024-12-31, 3,5\u00a0mån)" in [p.text for p in result.paragraphs]
    assert len(result.tables) == 4
    assert result.tables[0].rows[-1].cells[-1].text == "576\u00a0968\u00a0kr"
