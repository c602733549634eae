"""examples/notebook.ipynb runs top to bottom in a fresh kernel, so it never rots."""

from __future__ import annotations

import shutil

import nbformat
import pytest
from nbclient import NotebookClient

from tests.conftest import EXAMPLES

NOTEBOOK = EXAMPLES / "notebook.ipynb"


def _plain(text: str) -> str:
    return text.replace("\u00a0", " ")


def test_the_notebook_is_kept_without_outputs():
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    nbformat.validate(notebook)
    code = [cell for cell in notebook.cells if cell.cell_type == "code"]
    assert code, "the notebook has code"
    assert all(cell.outputs == [] and cell.execution_count is None for cell in code), \
        "strip the outputs before committing: jupyter nbconvert --clear-output --inplace examples/notebook.ipynb"
    assert notebook.metadata.kernelspec.name == "python3"


@pytest.fixture(scope="module")
def executed(tmp_path_factory):
    folder = tmp_path_factory.mktemp("notebook")
    shutil.copy(NOTEBOOK, folder)
    shutil.copy(EXAMPLES / "oka-innanforskapet.yaml", folder)
    notebook = nbformat.read(folder / NOTEBOOK.name, as_version=4)
    # raises CellExecutionError, with the cell and its traceback, if any cell fails
    NotebookClient(notebook, timeout=300, kernel_name="python3",
                   resources={"metadata": {"path": str(folder)}}).execute()
    return folder, notebook


def _outputs(notebook, marker: str) -> list[dict]:
    """The outputs of the code cell whose source contains ``marker``."""
    cells = [cell for cell in notebook.cells if cell.cell_type == "code" and marker in cell.source]
    assert len(cells) == 1, marker
    return cells[0].outputs


def _text(outputs) -> str:
    return _plain("".join(o.get("text", "") or o.get("data", {}).get("text/plain", "") for o in outputs))


@pytest.mark.slow  # a fresh kernel runs the notebook: with the long campaigns
def test_the_notebook_runs_clean_top_to_bottom(executed):
    _, notebook = executed
    for cell in notebook.cells:
        if cell.cell_type == "code":
            assert not [o for o in cell.outputs if o.output_type == "error"]
            assert not [o for o in cell.outputs if o.get("name") == "stderr"], cell.source


@pytest.mark.slow  # a fresh kernel runs the notebook: with the long campaigns
def test_the_budget_shows_as_html_tables_with_the_application_figures(executed):
    _, notebook = executed
    html = _plain(_outputs(notebook, 'budget = grantcalc.load("oka-innanforskapet.yaml")')[0]["data"]["text/html"])
    assert "5 826 420" in html and "576 968" in html and "Finansieringsbudget" in html
    assert "raise.salary" in html  # the findings below the tables


@pytest.mark.slow  # a fresh kernel runs the notebook: with the long campaigns
def test_the_goal_seeks_give_the_answers_of_the_closing_note(executed):
    _, notebook = executed
    fte = _text(_outputs(notebook, 'budget.seek("EVI-coacher.fte", cap=6_000_000)'))
    assert "EVI-coacher.fte = 155 % håller kostnaderna inom 6 000 000 kr: 5 930 647 kr" in fte
    raise_ = _text(_outputs(notebook, "modelled.seek("))
    assert "Med 3,3 % löneökning: 5 891 385 kr" in raise_
    assert "*.annual_raise.rate = 2,5 % håller sökt belopp inom 5 826 420 kr: 5 823 012 kr" in raise_


@pytest.mark.slow  # a fresh kernel runs the notebook: with the long campaigns
def test_the_sweep_and_the_comparison_are_formatted_the_swedish_way(executed):
    _, notebook = executed
    sweep = _plain(_outputs(notebook, "sweep = budget.sweep(")[-1]["data"]["text/html"])
    assert "150 %" in sweep and "5 826 420" in sweep
    compare = _plain(_outputs(notebook, 'grantcalc.compare({"Ansökan": budget, "Coacher 175 %": coacher_175}))')[0]
                     ["data"]["text/html"])
    assert "6 347 560" in compare and "521 140" in compare


@pytest.mark.slow  # a fresh kernel runs the notebook: with the long campaigns
def test_the_charts_are_pictures(executed):
    _, notebook = executed
    for marker in ('computation.plot("costs")', 'computation.plot("financing")', "sweep_figure(sweep"):
        assert any("image/png" in o.get("data", {}) for o in _outputs(notebook, marker)), marker


@pytest.mark.slow  # a fresh kernel runs the notebook: with the long campaigns
def test_the_notebook_writes_the_excel_sheet_the_csv_and_the_word_drafts(executed):
    folder, _ = executed
    for name in ("oka-innanforskapet.xlsx", "oka-innanforskapet.csv", "oka-innanforskapet.docx",
                 "oka-innanforskapet-155.docx"):
        assert (folder / name).stat().st_size > 1000, name
