"""HTML for notebooks: the cost table, the financing table and the findings.

Each function returns a self-contained fragment (no external CSS or JavaScript)
that Jupyter (``_repr_html_``) and VS Code show as it is. Styles are inline, so
they survive a notebook's HTML sanitizer, and they never fix a text or
background colour: text inherits the theme's colour, rules are ``currentColor``
or translucent grey, and highlights are translucent tints, so a table reads
the same in light and dark themes.

Figures are formatted by :mod:`grantcalc.formatting` (Swedish by default, with
babel's no-break spaces) and every text that comes from a budget file is
escaped. Each amount cell of the cost table carries its formula as a tooltip.
"""

from __future__ import annotations

from decimal import Decimal
from html import escape
from typing import TYPE_CHECKING

from grantcalc import formatting as fmt
from grantcalc.budget.lines import InKindLine
from grantcalc.errors import Problem, Severity, format_path
from grantcalc.messages import severity_word
from grantcalc.report.check import report_word, summary
from grantcalc.report.text import word

if TYPE_CHECKING:
    from grantcalc.budget.model import Budget
    from grantcalc.check.result import CheckResult
    from grantcalc.compute.computation import Computation
    from grantcalc.compute.financing import Financing

__all__ = ["budget_html", "computation_html", "check_html", "financing_html", "cost_table_html",
           "financing_table_html", "findings_html", "header_html"]

# --- styles: inline, theme-neutral ------------------------------------------------
_WRAP = "color:inherit;background:transparent;line-height:1.4;margin:0.2em 0"
_TITLE = "font-weight:bold;font-size:1.1em"
_FACTS = "opacity:0.8"
_HEADING = "font-weight:600;margin:0.8em 0 0.2em 0"
_NOTE = "opacity:0.8;margin:0.1em 0"
_TABLE = ("border-collapse:collapse;border:none;margin:0.2em 0 0.4em 0;table-layout:auto;width:auto;"
          "color:inherit;background:transparent;font-variant-numeric:tabular-nums")
_CELL = "padding:0.2em 0.7em;vertical-align:top;border:none"
_RULE = "border-bottom:1px solid rgba(128,128,128,0.35)"
_TEXT = f"{_CELL};text-align:left;{_RULE}"
_NUM = f"{_CELL};text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums;{_RULE}"
_HEAD_TEXT = f"{_CELL};text-align:left;font-weight:600;border-bottom:1px solid currentColor"
_HEAD_NUM = f"{_CELL};text-align:right;font-weight:600;white-space:nowrap;border-bottom:1px solid currentColor"
_SUM_ROW = "font-weight:bold"
_SUM_TEXT = f"{_CELL};text-align:left;font-weight:bold;border-top:1px solid currentColor"
_SUM_NUM = (f"{_CELL};text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums;font-weight:bold;"
            "border-top:1px solid currentColor")
_ALERT = "background:rgba(220,50,47,0.18)"
_HELP = "cursor:help"
_LIST = "margin:0.2em 0;padding-left:1.4em"
_ITEM = "margin:0.25em 0"
_CODE = "font-family:monospace;font-size:0.95em;background:transparent;color:inherit"
_WHERE = "opacity:0.75"
_BADGE = "display:inline-block;padding:0 0.4em;border-radius:0.3em;font-size:0.9em;font-weight:600;"
_TINT = {Severity.error: "background:rgba(220,50,47,0.25)",
         Severity.warning: "background:rgba(230,160,0,0.3)",
         Severity.info: "background:rgba(38,139,210,0.25)"}
_DASH = "–"


def _e(text: object) -> str:
    return escape(str(text), quote=True)


def _td(text: str, style: str, title: str | None = None) -> str:
    tip = f' title="{_e(title)}" style="{style};{_HELP}"' if title else f' style="{style}"'
    return f"<td{tip}>{_e(text)}</td>"


def _row(cells: list[str], style: str = "") -> str:
    opening = f'<tr style="{style}">' if style else "<tr>"
    return opening + "".join(cells) + "</tr>"


def _head(texts: list[str], numeric_from: int) -> str:
    cells = [f'<th style="{_HEAD_NUM if i >= numeric_from else _HEAD_TEXT}">{_e(t)}</th>'
             for i, t in enumerate(texts)]
    return "<thead><tr>" + "".join(cells) + "</tr></thead>"


def _table(kind: str, head: str, body: list[str]) -> str:
    return f'<table class="grantcalc-{kind}" style="{_TABLE}">{head}<tbody>{"".join(body)}</tbody></table>'


def _wrap(parts: list[str], lang: str) -> str:
    return f'<div class="grantcalc" lang="{_e(lang)}" style="{_WRAP}">' + "".join(parts) + "</div>"


def _lang(budget: Budget, lang: str | None) -> str:
    lang = lang or budget.language
    fmt.locale_of(lang)  # an unknown language is refused here
    return lang


def _signed(value: Decimal, lang: str) -> str:
    return ("+" if value > 0 else "") + fmt.amount(value, lang)


# --- pieces -----------------------------------------------------------------------
def header_html(budget: Budget, lang: str = "sv") -> str:
    """Project name; funder · period · belopp i kr."""
    p = budget.period
    facts = [f"{fmt.format_date(p.start, lang)} – {fmt.format_date(p.end, lang)}", word("amounts_in", lang)]
    if budget.project.funder:
        facts.insert(0, budget.project.funder)
    return (f'<div style="{_TITLE}">{_e(budget.project.name)}</div>'
            f'<div style="{_FACTS}">{_e(" · ".join(facts))}</div>')


def _tooltip(computation: Computation, line, key: int, lang: str) -> str | None:
    if not line.has_amount:
        return f"{word('in_kind', lang)}: {line.party} ({word('not_stated', lang)})"
    cell = computation.cell(line.name, key)
    if cell.formula is None:
        return None
    text = cell.formula_text(lang)
    if cell.formula.stated:
        text = f"{text} ({word('stated', lang)})"
    if line.in_kind:
        text = f"{text} ({word('in_kind', lang)}: {line.party})"
    return text


def cost_table_html(computation: Computation, lang: str = "sv") -> str:
    """The cost budget as an HTML table: Kostnadsslag, Kostnadsrad, one column per budget
    year, Totalt, and a bold Summa row; each amount's formula is its tooltip."""
    budget = computation.budget
    years = computation.years
    head = _head([word("category", lang), word("line", lang), *(y.label(lang) for y in years),
                  word("total", lang)], numeric_from=2)
    body = []
    for line in budget.lines:
        name = f"{line.name} ({word('in_kind', lang)}: {line.party})" if isinstance(line, InKindLine) else line.name
        cells = [_td(budget.category(line.category).name(lang), _TEXT), _td(name, _TEXT)]
        for y in years:
            text = fmt.amount(computation.amount(line.name, y.key), lang) if line.has_amount else _DASH
            cells.append(_td(text, _NUM, _tooltip(computation, line, y.key, lang)))
        total = fmt.amount(computation.line_total(line.name), lang) if line.has_amount else _DASH
        cells.append(_td(total, _NUM))
        body.append(_row(cells))
    body.append(_row([_td(word("sum", lang), _SUM_TEXT), _td("", _SUM_TEXT),
                      *(_td(fmt.amount(computation.year_total(y.key), lang), _SUM_NUM) for y in years),
                      _td(fmt.amount(computation.total, lang), _SUM_NUM)], _SUM_ROW))
    return _table("costs", head, body)


def financing_table_html(financing: Financing, lang: str = "sv") -> str:
    """Funders × budget years with Totalt and a bold Summa row (– for an amount not
    stated); when costs and financing do not balance, a highlighted row of differences."""
    c = financing.computation
    years = c.years
    head = _head([report_word("funder", lang), *(y.label(lang) for y in years), word("total", lang)], numeric_from=1)
    body = []
    for row in financing.rows:
        name = f"{row.name} ({word('in_kind', lang)})" if row.in_kind else row.name
        cells = [_td(name, _TEXT)]
        for y in years:
            value = row.amounts.get(y.key)
            cells.append(_td(fmt.amount(value, lang) if value is not None else _DASH, _NUM))
        cells.append(_td(fmt.amount(row.total, lang) if row.stated else _DASH, _NUM))
        body.append(_row(cells))
    body.append(_row([_td(word("sum", lang), _SUM_TEXT),
                      *(_td(fmt.amount(financing.year_total(y.key), lang), _SUM_NUM) for y in years),
                      _td(fmt.amount(financing.total, lang), _SUM_NUM)], _SUM_ROW))
    if not financing.balanced:
        differences = financing.differences()
        total = sum(differences.values(), start=Decimal(0))
        body.append(_row([_td(report_word("difference", lang), _TEXT),
                          *(_td(_signed(differences[y.key], lang), _NUM) for y in years),
                          _td(_signed(total, lang), _NUM)], f"{_ALERT};font-weight:bold"))
    return _table("financing", head, body)


def _applied(financing: Financing, lang: str) -> str:
    if financing.applied_amount is None:
        return ""
    assert financing.applicant_row is not None  # an amount applied for is the applicant row's
    applied = fmt.money(financing.applied_amount, lang)
    text = f"{report_word('applied', lang)} ({financing.applicant_row.name}): {applied}"
    return f'<div style="{_NOTE}">{_e(text)}</div>'


def _where(problem: Problem, lang: str) -> str:
    place = problem.where() or (report_word("line_no", lang).format(line=problem.line) if problem.line else "")
    parts = [p for p in (place, format_path(problem.path)) if p]
    return " · ".join(parts)


def _finding(problem: Problem, lang: str) -> str:
    badge = f'<span style="{_BADGE}{_TINT[problem.severity]}">{_e(severity_word(problem.severity, lang))}</span>'
    code = f'<code style="{_CODE}">{_e(problem.code)}</code>'
    where = _where(problem, lang)
    where = f' <span style="{_WHERE}">{_e(where)}</span>' if where else ""
    return (f'<li class="grantcalc-finding" data-severity="{_e(problem.severity)}" data-code="{_e(problem.code)}"'
            f' style="{_ITEM}">{badge} {code}{where}<br>{_e(problem.message(lang))}</li>')


def findings_html(result: CheckResult, lang: str = "sv") -> str:
    """The heading ``Anmärkningar (0 fel, 6 varningar, 0 info)`` and one list item per
    finding, or ``Inga anmärkningar.``"""
    if not result.findings:
        return f'<div class="grantcalc-findings" style="{_HEADING}">{_e(report_word("none", lang))}</div>'
    items = "".join(_finding(p, lang) for p in result.findings)
    return (f'<div style="{_HEADING}">{_e(report_word("findings", lang))} ({_e(summary(result, lang))})</div>'
            f'<ul class="grantcalc-findings" style="{_LIST}">{items}</ul>')


def _costs_section(computation: Computation, lang: str) -> list[str]:
    out = [f'<div style="{_HEADING}">{_e(report_word("costs", lang))}</div>', cost_table_html(computation, lang)]
    if computation.in_kind_total:
        text = f"{word('of_which_in_kind', lang)}: {fmt.money(computation.in_kind_total, lang)}"
        out.append(f'<div style="{_NOTE}">{_e(text)}</div>')
    return out


def _financing_section(financing: Financing, lang: str) -> list[str]:
    return [f'<div style="{_HEADING}">{_e(report_word("financing", lang))}</div>',
            financing_table_html(financing, lang), _applied(financing, lang)]


# --- whole displays ---------------------------------------------------------------
def check_html(result: CheckResult, lang: str | None = None) -> str:
    """The check report as HTML: header, cost and financing tables, balance, findings."""
    lang = _lang(result.budget, lang)
    c = result.computation
    parts = [header_html(result.budget, lang), *_costs_section(c, lang), *_financing_section(c.financing, lang)]
    notes = [report_word("balanced" if result.balanced else "unbalanced", lang)]
    compared = result.stated_compared
    if compared:
        differing = len([p for p in result.errors if p.code.startswith("stated.") or p.code == "applied.differs"])
        notes.append(report_word("stated", lang).format(compared=compared, differing=differing))
    parts += [f'<div style="{_NOTE}">{_e(n)}</div>' for n in notes]
    parts.append(findings_html(result, lang))
    return _wrap(parts, lang)


def computation_html(computation: Computation, lang: str | None = None, findings: bool = True) -> str:
    """The computation as HTML: header, cost table, financing table and, when
    ``findings``, what :meth:`Budget.check` finds (the computation is reused)."""
    if findings:
        from grantcalc.check import check

        return check_html(check(computation.budget, computation), lang)
    lang = _lang(computation.budget, lang)
    return _wrap([header_html(computation.budget, lang), *_costs_section(computation, lang),
                  *_financing_section(computation.financing, lang)], lang)


def financing_html(financing: Financing, lang: str | None = None) -> str:
    """The financing table alone (with the amount applied for)."""
    lang = _lang(financing.computation.budget, lang)
    return _wrap(_financing_section(financing, lang), lang)


def budget_html(budget: Budget, lang: str | None = None) -> str:
    """Compute and check ``budget``, and show it as :func:`check_html` does."""
    return check_html(budget.check(), lang)
