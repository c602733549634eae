"""The acceptance data of ``grantcalc import`` (tests/examples/import/) is itself right: the held-out
applications add up except where they say they do not, the reference excerpts keep the reference
documents' figures, and ``tests/import_samples.py`` builds its Word document and workbook."""

from __future__ import annotations

import importlib.util

import docx
import openpyxl

from .import_samples import COSTS, INCOME, SAMPLES, column_sums, held_out_docx, held_out_xlsx


def _verify():
    spec = importlib.util.spec_from_file_location("verify_samples", SAMPLES / "verify_samples.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_samples_verify(capsys):
    verify = _verify()
    status = verify.main(references=verify.REFERENCE.is_dir())
    out = capsys.readouterr().out
    assert status == 0, out
    assert "prova-pa-verkstan.txt: 4 cost lines, costs 732000, 2 deliberate error(s)" in out
    assert "jobbsparet.txt: 8 cost lines, costs 6653935, 1 deliberate error(s)" in out


def test_the_held_out_word_document_and_workbook_build_into_a_folder(tmp_path):
    document = docx.Document(str(held_out_docx(tmp_path)))
    costs, income = document.tables
    assert [cell.text for cell in costs.rows[0].cells] == ["", "Projektår", "Projektår", "Projektår", ""]
    assert [cell.text for cell in costs.rows[-1].cells] == ["Summa", "1.636.000", "1.672.000", "1.729.000",
                                                            "5.037.000"]
    assert income.rows[1].cells[4].text == "1.420.000"

    path = held_out_xlsx(tmp_path / "budget.xlsx")
    sheet = openpyxl.load_workbook(path, data_only=True)["Budget"]
    formulas = openpyxl.load_workbook(path)["Budget"]
    summa = [row for row in sheet.iter_rows() if row[0].value == "Summa"]
    assert [[cell.value for cell in row[2:6]] for row in summa] == [
        [*column_sums(COSTS), 5037000], [*column_sums(INCOME), 5037000]]
    assert formulas.cell(summa[0][2].row, 3).value == f"=SUM(C9:C{8 + len(COSTS)})"
    assert sheet["B5"].value == 1420000 and formulas["B5"].value == "=F20"
    assert sheet["B6"].number_format == "0%"
