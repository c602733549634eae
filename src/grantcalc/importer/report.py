"""The import report: what was recognised as what, what stayed explicit and why, what could
not be read (with its place in the source), and the choices made."""

from __future__ import annotations

from typing import TYPE_CHECKING

from grantcalc.importer.recognise import said
from grantcalc.messages import render, severity_word

if TYPE_CHECKING:
    from grantcalc.importer import Imported

__all__ = ["text_report"]


def text_report(imported: Imported, lang: str = "sv") -> str:
    document = imported.document
    lines = [render("import.report.summary", {
        "source": document.name, "kind": render(f"import.kind.{document.kind}", {}, lang),
        "lines": len(imported.budget.lines), "factors": imported.factor_lines, "explicit": imported.explicit_lines,
        "figures": imported.figures}, lang)]
    for note in imported.notes:
        word = "" if note.severity.value == "info" else f"{severity_word(note.severity.value, lang)}: "
        lines.append(f"  {said(note, lang, word)}")
    return "\n".join(lines)
