"""The conveniences of the data classes, installed from the top of the package.

A user calls ``budget.compute()``, ``budget.check()``, ``computation.to_excel(...)``
or sees a computation as HTML in Jupyter. Those are stages above the data
classes (compute, check, report, render, scenario), and the data classes must
not import them: a layer imports only the layers below it (the import contract
in ``pyproject.toml``, checked in CI).

So the methods are *registered by the upper layer*, the way pandas registers
accessors: this module, at the top beside the command line, adds them to
:class:`~grantcalc.budget.model.Budget`,
:class:`~grantcalc.compute.computation.Computation`,
:class:`~grantcalc.compute.financing.Financing` and
:class:`~grantcalc.check.result.CheckResult` when :mod:`grantcalc` is imported
(which importing any of its modules does first). Each method imports the stage
it calls when first used, so ``grantcalc check`` loads no pandas, python-docx
or matplotlib. The data classes declare the methods for type checkers only.

We chose registration over a façade of free functions because the methods are
the documented API (README, notebook) and users' code calls them; the data
classes stay plain data with their invariants, and everything here is thin.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from grantcalc.budget.model import Budget
from grantcalc.check.result import CheckResult
from grantcalc.compute.computation import Computation
from grantcalc.compute.financing import Financing

if TYPE_CHECKING:
    from pathlib import Path

    import pandas as pd
    from matplotlib.figure import Figure

    from grantcalc.followup import Diff, FollowUp
    from grantcalc.scenario import Seek

__all__ = ["install"]

# --- Budget ------------------------------------------------------------------------------------
def budget_compute(self: Budget) -> Computation:
    """Compute every line per budget year (see :mod:`grantcalc.compute`)."""
    from grantcalc.compute import compute

    return compute(self)


def budget_check(self: Budget, *, implied: bool = False) -> CheckResult:
    """Compute and audit the budget (see :mod:`grantcalc.check`); ``implied`` adds what
    explicit amounts imply (info)."""
    from grantcalc.check import check

    return check(self, implied=implied)


def budget_report(self: Budget, lang: str | None = None, *, implied: bool = False, width: int | None = None) -> str:
    """The check report as text: the cost and financing tables, then the findings, laid out for
    ``width`` columns (default: the terminal's)."""
    return budget_check(self, implied=implied).report(lang, width=width)


def budget_to_docx(self: Budget, path: str | Path, *, template: str | Path | None = None,
                   lang: str | None = None, force: bool = False, charts: bool = True) -> Path:
    """Write the application as a Word document (see :func:`grantcalc.render.render`);
    returns the path written."""
    from grantcalc.render import render

    return render(self, path, template=template, lang=lang, force=force, charts=charts).path


def budget_with_values(self: Budget, values: dict[Any, Any]) -> Budget:
    """A new budget with other values: ``budget.with_values({"EVI-coacher.fte": "175 %"})``."""
    from grantcalc.scenario import with_values

    return with_values(self, values)


def budget_sweep(self: Budget, parameters: dict[Any, Any], *, grid: bool = True, lang: str | None = None,
                 applied: bool = True) -> pd.DataFrame:
    """Totals per scenario as a DataFrame: ``budget.sweep({"EVI-coacher.fte": ["150 %", "175 %"]})``."""
    from grantcalc.scenario import sweep

    return sweep(self, parameters, grid=grid, lang=lang, applied=applied)


def budget_seek(self: Budget, parameter: Any, *, cap: Any = None, target: Any = None, metric: Any = "total",
                year: Any = None, step: Any = None, lo: Any = None, hi: Any = None) -> Seek:
    """Goal seek: the value of ``parameter`` within ``cap`` or closest to ``target``
    (see :func:`grantcalc.scenario.seek`)."""
    from grantcalc.scenario import seek

    return seek(self, parameter, cap=cap, target=target, metric=metric, year=year, step=step, lo=lo, hi=hi)


def budget_repr_html(self: Budget) -> str | None:
    """Jupyter: computed and checked, as HTML; None (the text repr) if that fails."""
    from grantcalc.report.html import budget_html

    try:
        return budget_html(self)
    except Exception:  # noqa: BLE001 - a display never raises; the plain repr shows instead
        return None


# --- Computation ---------------------------------------------------------------------------------
def computation_to_frame(self: Computation, form: str = "long", *, lang: str | None = None,
                         totals: bool = True) -> pd.DataFrame:
    """The computation as a DataFrame: ``long``, ``wide``, ``category`` or ``funder``
    (see :func:`grantcalc.report.frames.computation_frame`)."""
    from grantcalc.report.frames import computation_frame

    return computation_frame(self, form, lang=lang, totals=totals)


def computation_to_docx(self: Computation, path: str | Path, *,
                        template: str | Path | None = None, lang: str | None = None,
                        force: bool = False, charts: bool = True) -> Path:
    """Write the application as a Word document (see :func:`grantcalc.render.render`)."""
    from grantcalc.render import render

    return render(self, path, template=template, lang=lang, force=force, charts=charts).path


def computation_to_excel(self: Computation, path: str | Path, *, lang: str | None = None,
                         force: bool = False) -> Path:
    """Write an Excel workbook (.xlsx) with live formulas (see :func:`grantcalc.report.excel.write_excel`)."""
    from grantcalc.report.excel import write_excel

    return write_excel(self, path, lang=lang, force=force)


def computation_to_csv(self: Computation, path: str | Path, *, lang: str | None = None,
                       force: bool = False, dialect: str = "swedish") -> Path:
    """Write the long form as CSV, ``dialect`` ``"swedish"`` (``;``, decimal comma, UTF-8 with BOM) or
    ``"machine"`` (``,``, decimal point, UTF-8) (see :func:`grantcalc.report.csv.write_csv`)."""
    from grantcalc.report.csv import write_csv

    return write_csv(self, path, lang=lang, force=force, dialect=dialect)


def computation_plot(self: Computation, kind: str = "costs", *, lang: str | None = None) -> Figure:
    """A matplotlib ``Figure``: ``costs`` per budget year by category, or ``financing`` by
    funder (needs the ``chart`` extra; see :mod:`grantcalc.report.charts`)."""
    from grantcalc.report import charts

    if kind == "costs":
        return charts.costs_figure(self, lang)
    if kind == "financing":
        return charts.financing_figure(self, lang)
    raise ValueError(f"kind must be 'costs' or 'financing', not {kind!r}")


def computation_table(self: Computation, lang: str | None = None, by: str = "line", formulas: bool = False,
                      width: int | None = None) -> str:
    """The cost table as text: ``by`` line or category; ``formulas`` lists each cell's formula.
    Laid out for ``width`` columns (default: ``COLUMNS`` or the terminal's width, else 80)."""
    from grantcalc.report.text import category_table, cost_table, formula_listing

    lang = lang or self.budget.language
    if formulas:
        return formula_listing(self, lang, width)
    return category_table(self, lang, width) if by == "category" else cost_table(self, lang, width=width)


def computation_repr(self: Computation) -> str:
    return computation_table(self)


def computation_repr_html(self: Computation) -> str:
    """Jupyter: the cost and financing tables and the findings, as HTML."""
    from grantcalc.report.html import computation_html

    return computation_html(self)


def computation_followup(self: Computation, actuals: Any = None, *, as_of: Any = None) -> FollowUp:
    """The outcome against the budget: ``actuals`` None (the budget file's ``actuals:``), a ledger
    CSV's path or a list of entries; ``as_of`` the day it runs to (see :func:`grantcalc.followup.follow_up`)."""
    from grantcalc.followup import follow_up

    return follow_up(self, actuals, as_of=as_of)


def computation_participants_frame(self: Computation, lang: str | None = None) -> pd.DataFrame:
    """Per budget year the participants and places planned, the cost, the cost per participant
    and per place (see :func:`grantcalc.followup.participants_frame`)."""
    from grantcalc.followup import participants_frame

    return participants_frame(self, lang)


def budget_followup(self: Budget, actuals: Any = None, *, as_of: Any = None) -> FollowUp:
    """Compute the budget and follow it up (:meth:`Computation.followup`)."""
    return computation_followup(budget_compute(self), actuals, as_of=as_of)


def budget_diff(self: Budget, other: Budget, *, profile: str | None = None) -> Diff:
    """What changed from this budget (the granted one) to ``other`` (a revision), and its effect
    (see :func:`grantcalc.followup.diff`)."""
    from grantcalc.followup import diff

    return diff(self, other, profile=profile)


# --- Financing -----------------------------------------------------------------------------------
def financing_to_frame(self: Financing, *, lang: str | None = None, totals: bool = True) -> pd.DataFrame:
    """Funders × budget years (+ Totalt), with a Summa row (see
    :func:`grantcalc.report.frames.financing_frame`)."""
    from grantcalc.report.frames import financing_frame

    return financing_frame(self, lang=lang, totals=totals)


def financing_table(self: Financing, lang: str | None = None, width: int | None = None) -> str:
    """The financing table as text, with the amount applied for (``width``: as ``Computation.table``)."""
    from grantcalc.report.check import financing_text

    return financing_text(self, lang or self.computation.budget.language, width)


def financing_repr(self: Financing) -> str:
    return financing_table(self)


def financing_repr_html(self: Financing) -> str:
    """Jupyter: the financing table as HTML."""
    from grantcalc.report.html import financing_html

    return financing_html(self)


# --- CheckResult ---------------------------------------------------------------------------------
def result_report(self: CheckResult, lang: str | None = None, width: int | None = None) -> str:
    """The text report: cost and financing tables, then the findings (``width``: as ``Computation.table``)."""
    from grantcalc.report.check import text_report

    return text_report(self, lang or self.budget.language, width)


def result_repr(self: CheckResult) -> str:
    return result_report(self)


def result_repr_html(self: CheckResult) -> str:
    """Jupyter: the report as HTML tables and a list of findings."""
    from grantcalc.report.html import check_html

    return check_html(self)


METHODS: dict[type, dict[str, Any]] = {
    Budget: {"compute": budget_compute, "check": budget_check, "report": budget_report, "to_docx": budget_to_docx,
             "with_values": budget_with_values, "sweep": budget_sweep, "seek": budget_seek,
             "followup": budget_followup, "diff": budget_diff, "_repr_html_": budget_repr_html},
    Computation: {"to_frame": computation_to_frame, "to_docx": computation_to_docx,
                  "to_excel": computation_to_excel, "to_csv": computation_to_csv, "plot": computation_plot,
                  "table": computation_table, "__repr__": computation_repr, "_repr_html_": computation_repr_html,
                  "followup": computation_followup, "participants_frame": computation_participants_frame},
    Financing: {"to_frame": financing_to_frame, "table": financing_table, "__repr__": financing_repr,
                "_repr_html_": financing_repr_html},
    CheckResult: {"report": result_report, "__repr__": result_repr, "_repr_html_": result_repr_html},
}


def install() -> None:
    """Add the methods above to the data classes (idempotent; :mod:`grantcalc` calls it)."""
    for cls, methods in METHODS.items():
        for name, function in methods.items():
            function.__name__, function.__qualname__ = name, f"{cls.__name__}.{name}"  # as help() shows it
            setattr(cls, name, function)
