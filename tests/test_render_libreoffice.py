"""The rendered examples open in LibreOffice and survive conversion to PDF.

Runs only where LibreOffice (``soffice``) is installed — it is skipped, saying
so, elsewhere. To look at the pages as a reader would::

    soffice --headless --convert-to pdf ansokan.docx && pdftoppm -r 80 -png ansokan.pdf sida
"""

from __future__ import annotations

import shutil
import subprocess

import pytest

import grantcalc
from grantcalc.render import render

from .conftest import EXAMPLES

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
pytestmark = [pytest.mark.skipif(
    SOFFICE is None, reason="LibreOffice is not installed (apt-get install libreoffice-writer): "
                            "the documents were not converted to PDF"),
    pytest.mark.slow]  # LibreOffice takes seconds a document: with the long campaigns (pytest -m slow)

EXPECTED = {  # a figure of each example that must reach the PDF as the reader sees it
    "oka-innanforskapet": "5 826 420 kr",
    "ljusdal-hallbart-arbetsliv": "2 480 208 kr",
    "gemensam-kraft": "Summa",
}


def test_examples_convert_to_pdf_with_their_figures(tmp_path):
    docs = []
    for name in EXPECTED:
        budget = grantcalc.load(EXAMPLES / f"{name}.yaml")
        for template in ("samordningsforbund", "projektets-ekonomi"):
            docs.append((name, render(budget, tmp_path / f"{name}-{template}.docx", template=template).path))
    profile = (tmp_path / "lo-profile").as_uri()  # a profile of its own: no clash with a running LibreOffice
    subprocess.run([SOFFICE, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
                    "--outdir", str(tmp_path / "pdf"), *(str(path) for _, path in docs)],
                   check=True, capture_output=True, timeout=240)
    for name, doc in docs:
        pdf = tmp_path / "pdf" / doc.with_suffix(".pdf").name
        assert pdf.exists() and pdf.stat().st_size > 10_000, pdf.name
        if shutil.which("pdftotext"):
            text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                                  check=True).stdout.replace("\u00a0", " ")
            assert EXPECTED[name] in text, (pdf.name, EXPECTED[name])
