"""Import an existing application (Word, Excel, PDF or pasted text) into a budget file
(*importera en ansökan*).

>>> imported = read_application("ansokan.docx")       # doctest: +SKIP
>>> imported.budget.check().ok()                     # doctest: +SKIP
>>> print(imported.report())                         # doctest: +SKIP

Three steps, each its own module: :mod:`~grantcalc.importer.read` turns the file into a
:class:`~grantcalc.importer.document.Document` (paragraphs and tables with their places);
:mod:`~grantcalc.importer.recognise` finds what the application states (metadata, budget
years, cost and financing tables, formulas, totals); :mod:`~grantcalc.importer.fit` makes
each printed line the kind of line it is, when grantcalc's computation gives every amount
printed for it, and keeps every printed figure as a ``stated`` figure, so ``grantcalc
check`` audits the document against its own factors. :mod:`~grantcalc.importer.emit`
writes the YAML, commented like a hand-written one.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from grantcalc.errors import Problem, Severity, SourceError

if TYPE_CHECKING:
    from grantcalc.budget.model import Budget
    from grantcalc.importer.document import Document

__all__ = ["Imported", "read_application", "import_text", "import_document"]


@dataclass(slots=True)
class Imported:
    """An imported application: the budget file's text (``yaml``), the budget it loads as,
    what was read (``document``), and the report's ``notes`` (what was recognised as what,
    what stayed explicit and why, what could not be read, and the choices made)."""

    yaml: str
    budget: Budget
    document: Document
    notes: list[Problem] = field(default_factory=list)
    factor_lines: int = 0
    explicit_lines: int = 0
    figures: int = 0

    def report(self, lang: str = "sv") -> str:
        """The import report as text, in ``lang``."""
        from grantcalc.importer.report import text_report

        return text_report(self, lang)

    @property
    def warnings(self) -> list[Problem]:
        return [n for n in self.notes if n.severity is not Severity.info]


def import_document(document: Document, *, name: str | None = None) -> Imported:
    """Recognise, fit and write ``document`` as a budget; :class:`SourceError` when it holds no budget."""
    from grantcalc.importer.emit import to_yaml
    from grantcalc.importer.fit import fit
    from grantcalc.importer.recognise import recognise
    from grantcalc.loader import loads
    from grantcalc.messages import render

    draft = recognise(document)
    if not draft.rows:
        raise SourceError(Problem("import.no_budget", file=document.name))
    fitted = fit(draft)
    header = render("import.yaml.header", {"source": document.name})
    text = to_yaml(fitted.data, fitted.comments, header)
    budget = loads(text, name=name or document.name)
    figures = _count_figures(fitted.data)
    return Imported(text, budget, document, fitted.notes, fitted.factor_lines, fitted.explicit_lines, figures)


def _count_figures(data: dict) -> int:
    """How many printed figures the budget states (every ``stated`` value, every explicit amount)."""
    count = 0

    def walk(value: object, stated: bool) -> None:
        nonlocal count
        if isinstance(value, dict):
            for key, item in value.items():
                walk(item, stated or (key in ("stated", "amounts", "cost", "applied_amount", "plan", "costs",
                                             "financing") and key != "lines"))
        elif isinstance(value, list):
            for item in value:
                walk(item, stated)
        elif (stated and not isinstance(value, bool) and value is not None and not isinstance(value, str)) or \
                (stated and isinstance(value, str) and any(ch.isdigit() for ch in value)):
            count += 1

    walk(data.get("stated", {}), True)
    for line in data.get("lines", []):
        walk(line.get("stated", {}), True)
    for funder in data.get("financing", []):
        walk(funder.get("stated", {}), True)
        walk(funder.get("amounts", {}), True)
    return count


def read_application(path: str | Path, *, name: str | None = None) -> Imported:
    """Import the application at ``path`` (.docx, .xlsx, .pdf, .txt/.md; ``"-"`` standard input)."""
    from grantcalc.importer.read import read_document

    document = read_document(path)
    return import_document(document, name=name)


def import_text(text: str, *, name: str = "<text>") -> Imported:
    """Import an application pasted as text."""
    from grantcalc.importer.read import read_text

    return import_document(read_text(text, name=name), name=name)
