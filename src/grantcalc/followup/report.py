"""Reports of a follow-up: text for people, JSON for programs, HTML for notebooks, frames, and the
rows of the Excel workbook's Utfall sheet.

The text and HTML show, per budget year that has begun by the as-of date, each line's budget,
outcome, difference (outcome − budget) and the share used as a bar; then the years and the total;
time against money and the forecast at the current rate; financing received; participants and the
cost per participant; and the findings, located. Figures are formatted by
:mod:`grantcalc.formatting`; every word comes from the catalogue (``followup.word.*``).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from html import escape
from typing import TYPE_CHECKING, Any

from grantcalc import formatting as fmt
from grantcalc.check.result import finding_dict
from grantcalc.compute.computation import months_value
from grantcalc.errors import Problem, Severity
from grantcalc.followup.words import say, share_text
from grantcalc.report.check import findings_block, github_report, summary
from grantcalc.report.html import header_html
from grantcalc.report.text import Row as TableRow
from grantcalc.report.text import render_table, terminal_width, wrap_lines

if TYPE_CHECKING:
    import pandas as pd

    from grantcalc.followup.followup import FollowUp, Row
    from grantcalc.periods import BudgetYear

__all__ = ["followup_text", "followup_dict", "followup_json", "followup_html", "followup_github", "followup_frame",
           "utfall_rows", "UtfallRow", "UTFALL_COLUMNS", "bar", "summary"]

DASH = "–"
BAR_CELLS = 10  # a bar of 100 % is ten cells wide


def _amount(value: Decimal | None, lang: str) -> str:
    return DASH if value is None else fmt.amount(value, lang)


def _signed(value: Decimal | None, lang: str) -> str:
    if value is None:
        return DASH
    return ("+" if value > 0 else "") + fmt.amount(value, lang)


def bar(share: Fraction | None) -> str:
    """The share used as a bar of :data:`BAR_CELLS` cells (``█`` a tenth, ``▌`` a twentieth); past
    100 % the full bar and ``▶``; empty for no share or a negative one."""
    if share is None or share <= 0:
        return ""
    halves = int(min(share, Fraction(1)) * 2 * BAR_CELLS + Fraction(1, 2))
    text = "█" * (halves // 2) + ("▌" if halves % 2 else "")
    return text + ("▶" if share > 1 else "")


def _name(result: FollowUp, row_line: str | None, category: str, lang: str) -> str:
    if row_line is not None:
        return row_line
    return f"{result.budget.category(category).name(lang)} ({say('whole_category', lang)})"


def _started(result: FollowUp) -> list[BudgetYear]:
    """The budget years begun by the as-of date (the others have no outcome to show)."""
    return [y for y in result.years if y.start <= result.as_of]


def _title(result: FollowUp, lang: str, width: int) -> str:
    budget = result.budget
    p = budget.period
    facts = [f"{fmt.format_date(p.start, lang)} – {fmt.format_date(p.end, lang)}", say("amounts_in", lang)]
    if budget.project.funder:
        facts.insert(0, budget.project.funder)
    source = result.source or say("source_python", lang)
    lines = [budget.project.name, " · ".join(facts),
             say("as_of_line", lang).format(as_of=fmt.format_date(result.as_of, lang), source=source)]
    return wrap_lines("\n".join(lines), width)


def _row_cells(result: FollowUp, row: Row, lang: str) -> list[str]:
    return [_name(result, row.line, row.category, lang), _amount(row.budget, lang), fmt.amount(row.actual, lang),
            _signed(row.difference, lang), share_text(row.used, lang)]


def _shown(row: Row) -> bool:
    """A row worth a reader's eye: it has a budget or an outcome that year (the JSON has every row)."""
    return bool(row.budget) or bool(row.actual)


def _table(header: list[str], rows: list[TableRow], width: int, shares: list[Fraction | None]) -> str:
    """A table of amounts with the share used as its last column, and a bar after it when any row has one."""
    if any(bar(share) for share in shares):
        return render_table([*header, ""], [[*row, bar(share)] for row, share in zip(rows, shares)],
                            "l" + "r" * (len(header) - 1) + "l", width=width)
    return render_table(header, rows, "l" + "r" * (len(header) - 1), width=width)


def _year_table(result: FollowUp, year: BudgetYear, lang: str, width: int) -> str:
    header = [say("line", lang), say("budget", lang), say("actual", lang), say("difference", lang), say("used", lang)]
    shown = [r for r in result.rows if r.year == year.key and _shown(r)]
    rows: list[TableRow] = [_row_cells(result, r, lang) for r in shown]
    shares = [r.used for r in shown]
    budget, actual = result.year_budget(year.key), result.year_actual(year.key)
    used = Fraction(actual) / Fraction(budget) if budget else None
    rows.append([f"{say('sum', lang)} {year.label(lang)}", fmt.amount(budget, lang), fmt.amount(actual, lang),
                 _signed(actual - budget, lang), share_text(used, lang)])
    return _table(header, rows, width, [*shares, used])


def _years_table(result: FollowUp, lang: str, width: int) -> str:
    header = [say("year", lang), say("budget", lang), say("actual", lang), say("difference", lang), say("used", lang)]
    rows: list[TableRow] = []
    shares: list[Fraction | None] = []
    for y in result.years:
        budget, actual = result.year_budget(y.key), result.year_actual(y.key)
        used = Fraction(actual) / Fraction(budget) if budget else None
        rows.append([y.label(lang), fmt.amount(budget, lang), fmt.amount(actual, lang), _signed(actual - budget, lang),
                     share_text(used, lang)])
        shares.append(used)
    total, actual = result.budget_total, result.actual_total
    used = Fraction(actual) / Fraction(total) if total else None
    rows.append([say("total", lang), fmt.amount(total, lang), fmt.amount(actual, lang), _signed(actual - total, lang),
                 share_text(used, lang)])
    return _table(header, rows, width, [*shares, used])


def _time_text(result: FollowUp, lang: str) -> list[str]:
    f = result.forecast
    out = [say("time_money", lang).format(
        as_of=fmt.format_date(f.as_of, lang), elapsed=fmt.number(f.elapsed, lang, 1),
        months=fmt.number(f.months, lang, 1),
        time=share_text(f.time_share, lang), actual=fmt.money(f.actual_to_date, lang),
        budget=fmt.money(f.budget_total, lang), used=share_text(f.used_share, lang)),
        say("to_date", lang).format(as_of=fmt.format_date(f.as_of, lang), budget=fmt.money(f.budget_to_date, lang),
                                     difference=fmt.money(f.actual_to_date - f.budget_to_date, lang, signed=True))]
    if f.at_rate is not None and f.at_rate_difference is not None:
        out.append(say("at_rate", lang).format(forecast=fmt.money(f.at_rate, lang),
                                                difference=fmt.money(f.at_rate_difference, lang, signed=True)))
    return out


def _financing_rows(result: FollowUp, lang: str) -> tuple[list[str], list[TableRow]]:
    financing = result.computation.financing
    years = _started(result)
    header = [say("funder", lang), *(y.label(lang) for y in years), say("received", lang), say("budget", lang)]
    rows: list[TableRow] = []
    for name in result.received:
        row = financing.row(name)
        got = result.received_total(name)
        rows.append([name, *(fmt.amount(result.received[name].get(y.key, Decimal(0)), lang) for y in years),
                     fmt.amount(got, lang), fmt.amount(row.total, lang)])
    return header, rows


def _participants_rows(result: FollowUp, lang: str) -> tuple[list[str], list[TableRow]]:
    header = [say("year", lang), say("people", lang), say("places", lang), say("per_participant", lang),
              say("per_place", lang), say("people_reached", lang), say("actual_per_participant", lang)]
    labels = {y.key: y.label(lang) for y in result.years}
    rows: list[TableRow] = []
    for r in result.participants:
        rows.append([labels[r.year] if r.year is not None else say("total", lang),
                     DASH if r.people is None else fmt.number(r.people, lang),
                     DASH if r.places is None else fmt.number(r.places, lang),
                     _amount(r.cost_per_participant, lang), _amount(r.cost_per_place, lang),
                     DASH if r.actual_people is None else fmt.number(r.actual_people, lang),
                     _amount(r.actual_per_participant, lang)])
    return header, rows


def followup_text(result: FollowUp, lang: str = "sv", width: int | None = None) -> str:
    """The follow-up for a person, laid out for ``width`` columns (default: the terminal's)."""
    width = terminal_width(width)
    out = [_title(result, lang, width)]
    for y in _started(result):
        heading = f"{y.label(lang)}  ({fmt.format_date(y.start, lang)} – {fmt.format_date(y.end, lang)})"
        out += ["", wrap_lines(heading, width), _year_table(result, y, lang, width)]
    out += ["", wrap_lines(say("per_year", lang), width), _years_table(result, lang, width), ""]
    out += [wrap_lines(line, width) for line in _time_text(result, lang)]
    if result.received:
        header, rows = _financing_rows(result, lang)
        out += ["", wrap_lines(say("financing_received", lang), width),
                render_table(header, rows, "l" + "r" * (len(header) - 1), rule_before_last=False, width=width)]
    if result.participants:
        header, rows = _participants_rows(result, lang)
        out += ["", wrap_lines(say("participants", lang), width),
                render_table(header, rows, "l" + "r" * (len(header) - 1), width=width)]
    out.append("")
    out += findings_block(result, lang, width, say("no_findings", lang))
    return "\n".join(out)


# --- JSON -------------------------------------------------------------------------------------
def _exact(value: Decimal | None) -> str | None:
    return None if value is None else format(value, "f")


def _share(value: Fraction | None) -> str | None:
    """A share as a decimal string to four places (``0.2639``): a fraction has no exact decimal."""
    if value is None:
        return None
    exact = Decimal(value.numerator) / Decimal(value.denominator)
    return format(exact.quantize(Decimal("0.0001"), rounding=ROUND_HALF_UP), "f")


def followup_dict(result: FollowUp, lang: str = "sv") -> dict[str, Any]:
    """The JSON form (see the README): amounts as exact decimal strings, years by their labels."""
    budget = result.budget
    labels = {y.key: y.label(lang) for y in result.years}

    def by_year(values: dict[int, Decimal], total: Decimal) -> dict[str, str | None]:
        return {**{labels[k]: _exact(v) for k, v in values.items()}, "total": _exact(total)}

    budgets = {y.key: result.year_budget(y.key) for y in result.years}
    actuals = {y.key: result.year_actual(y.key) for y in result.years}
    f = result.forecast
    financing = result.computation.financing
    return {
        "file": result.file,
        "as_of": result.as_of.isoformat(),
        "actuals": result.source,
        "ok": result.ok(),
        "years": [labels[y.key] for y in result.years],
        "lines": [{"line": r.line, "category": budget.category(r.category).name(lang), "year": labels[r.year],
                   "budget": _exact(r.budget), "actual": _exact(r.actual), "difference": _exact(r.difference)}
                  for r in result.rows],
        "totals": {"budget": by_year(budgets, result.budget_total),
                   "actual": by_year(actuals, result.actual_total),
                   "difference": by_year({k: actuals[k] - budgets[k] for k in budgets},
                                         result.actual_total - result.budget_total)},
        "forecast": {"as_of": f.as_of.isoformat(), "months_elapsed": _exact(months_value(f.elapsed)),
                     "months": _exact(months_value(f.months)), "time_share": _share(f.time_share),
                     "used_share": _share(f.used_share), "budget_to_date": _exact(f.budget_to_date),
                     "actual_to_date": _exact(f.actual_to_date), "at_rate": _exact(f.at_rate),
                     "at_rate_difference": _exact(f.at_rate_difference)},
        "financing": [{"funder": name, "year": labels[k], "budget": _exact(financing.row(name).amount(k)),
                       "received": _exact(v), "difference": _exact(v - financing.row(name).amount(k))}
                      for name, per_year in result.received.items() for k, v in sorted(per_year.items())],
        "participants": [{"year": labels[r.year] if r.year is not None else "total", "people": r.people,
                          "places": _exact(r.places), "cost": _exact(r.cost),
                          "cost_per_participant": _exact(r.cost_per_participant),
                          "cost_per_place": _exact(r.cost_per_place), "actual_people": r.actual_people,
                          "actual_cost": _exact(r.actual_cost),
                          "actual_per_participant": _exact(r.actual_per_participant)}
                         for r in result.participants],
        "findings": [finding_dict(p, lang) for p in result.findings],
    }


def followup_json(result: FollowUp, lang: str = "sv") -> str:
    return json.dumps(followup_dict(result, lang), ensure_ascii=False, indent=2)


def followup_github(result: FollowUp, lang: str = "sv") -> str:
    """GitHub Actions annotations for the findings, then a summary line."""
    name = result.source or result.file
    return "\n".join(filter(None, [github_report(result.findings, lang, name),
                                   f"{result.file}: {summary(result, lang)}"]))


# --- frames and the Excel sheet ----------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class UtfallRow:
    """A row of the workbook's Utfall sheet: ``category`` and ``line`` (named in the language
    shown; the line empty for a category booked as a whole), the budget ``year`` label, the
    ``budget`` (None: an in-kind line without a value) and the ``actual``. The sheet writes the
    difference (``=actual − budget``) and the share used (``=actual / budget``) as live formulas;
    ``difference`` and ``used`` are their values, for the cells' cached results."""

    category: str
    line: str
    year: str
    budget: Decimal | None
    actual: Decimal
    difference: Decimal | None
    used: Decimal | None


UTFALL_COLUMNS = ("category", "line", "year", "budget", "actual", "difference", "used")


def utfall_rows(result: FollowUp, lang: str | None = None) -> list[UtfallRow]:
    """The Utfall sheet's rows, one per line (or category) and budget year in table order, for the
    Excel writer (:mod:`grantcalc.report.excel`). Headings: ``followup.word.<column>``."""
    lang = lang or result.budget.language
    budget = result.budget
    labels = {y.key: y.label(lang) for y in result.years}
    out = []
    for r in result.rows:
        used = r.used
        out.append(UtfallRow(budget.category(r.category).name(lang), r.line or "", labels[r.year], r.budget, r.actual,
                             r.difference,
                             None if used is None else Decimal(used.numerator) / Decimal(used.denominator)))
    return out


def followup_frame(result: FollowUp, form: str = "lines", lang: str = "sv") -> pd.DataFrame:
    """``lines``: ``line``, ``category``, ``year``, ``year_label``, ``budget``, ``actual``,
    ``difference``, ``used`` (a Decimal to 4 places); ``years``: per budget year and Totalt;
    ``participants``: :func:`grantcalc.followup.participants.participants_frame` with the outcome."""
    import pandas as pd

    labels = {y.key: y.label(lang) for y in result.years}
    budget = result.budget
    if form == "lines":
        return pd.DataFrame.from_records([
            {"line": r.line, "category": budget.category(r.category).name(lang), "year": r.year,
             "year_label": labels[r.year], "budget": r.budget, "actual": r.actual, "difference": r.difference,
             "used": _decimal_share(r.used)} for r in result.rows])
    if form == "years":
        records: list[dict[str, object]] = []
        for y in result.years:
            b, a = result.year_budget(y.key), result.year_actual(y.key)
            records.append({"year": y.key, "year_label": y.label(lang), "budget": b, "actual": a, "difference": a - b,
                            "used": _decimal_share(Fraction(a) / Fraction(b) if b else None)})
        b, a = result.budget_total, result.actual_total
        records.append({"year": None, "year_label": say("total", lang), "budget": b, "actual": a,
                        "difference": a - b, "used": _decimal_share(Fraction(a) / Fraction(b) if b else None)})
        return pd.DataFrame.from_records(records)
    if form == "participants":
        from grantcalc.followup.participants import participants_frame

        return participants_frame(result.computation, lang, result)
    raise ValueError(f"form must be 'lines', 'years' or 'participants', not {form!r}")


def _decimal_share(value: Fraction | None) -> Decimal | None:
    text = _share(value)
    return None if text is None else Decimal(text)


# --- HTML ---------------------------------------------------------------------------------------
_WRAP = "color:inherit;background:transparent;line-height:1.4;margin:0.2em 0"
_HEADING = "font-weight:600;margin:0.8em 0 0.2em 0"
_NOTE = "opacity:0.8;margin:0.1em 0"
_TABLE = ("border-collapse:collapse;border:none;margin:0.2em 0 0.4em 0;width:auto;color:inherit;"
          "background:transparent;font-variant-numeric:tabular-nums")
_CELL = "padding:0.2em 0.7em;vertical-align:middle;border:none;border-bottom:1px solid rgba(128,128,128,0.35)"
_TEXT = f"{_CELL};text-align:left"
_NUM = f"{_CELL};text-align:right;white-space:nowrap"
_HEAD = "padding:0.2em 0.7em;font-weight:600;border-bottom:1px solid currentColor;white-space:nowrap"
_SUM = "font-weight:bold;border-top:1px solid currentColor"
_FILL = "color:#0072B2;white-space:nowrap;letter-spacing:-0.05em"  # the charts' blue (Okabe–Ito)
_OVER = "color:#D55E00;white-space:nowrap;letter-spacing:-0.05em"  # and their vermilion, past 100 %
_TINT = {Severity.error: "rgba(220,50,47,0.25)", Severity.warning: "rgba(230,160,0,0.3)",
         Severity.info: "rgba(38,139,210,0.25)"}


def _e(text: object) -> str:
    return escape(str(text), quote=True)


def _bar_html(share: Fraction | None) -> str:
    """The share used as the text report's bar (:func:`bar`), tinted: blocks of text rather than boxes
    drawn by CSS, so that every viewer shows it (a notebook, a browser, an office suite's import)."""
    text = bar(share)
    if not text:
        return ""
    over = share is not None and share > 1
    return f'<span style="{_OVER if over else _FILL}">{_e(text)}</span>'


def _html_table(kind: str, header: list[str], rows: list[list[tuple[str, bool]]], bars: list[Fraction | None],
                last_is_sum: bool = True) -> str:
    """A table of text cells (``(text, numeric)``) with a bar column when ``bars`` has one per row."""
    head = "".join(f'<th style="{_HEAD};text-align:{"right" if i else "left"}">{_e(h)}</th>'
                   for i, h in enumerate(header))
    if bars:
        head += f'<th style="{_HEAD}"></th>'
    body = []
    for index, cells in enumerate(rows):
        is_sum = last_is_sum and index == len(rows) - 1
        tds = "".join(f'<td style="{_NUM if numeric else _TEXT}{";" + _SUM if is_sum else ""}">{_e(text)}</td>'
                      for text, numeric in cells)
        if bars:
            tds += f'<td style="{_TEXT}{";" + _SUM if is_sum else ""}">{_bar_html(bars[index])}</td>'
        body.append(f"<tr>{tds}</tr>")
    return (f'<table class="grantcalc-followup-{kind}" style="{_TABLE}"><thead><tr>{head}</tr></thead>'
            f'<tbody>{"".join(body)}</tbody></table>')


def _finding_html(problem: Problem, lang: str) -> str:
    from grantcalc.messages import severity_word

    where = problem.where()
    badge = (f'<span style="display:inline-block;padding:0 0.4em;border-radius:0.3em;font-weight:600;'
             f'background:{_TINT[problem.severity]}">{_e(severity_word(problem.severity, lang))}</span>')
    place = f' <span style="opacity:0.75">{_e(where)}</span>' if where else ""
    return (f'<li data-code="{_e(problem.code)}" style="margin:0.25em 0">{badge} <code>{_e(problem.code)}</code>'
            f'{place}<br>{_e(problem.message(lang))}</li>')


def followup_html(result: FollowUp, lang: str = "sv") -> str:
    """The follow-up as HTML (the notebook display): the same tables as the text, the share used as a bar."""
    parts = [header_html(result.budget, lang),
             f'<div style="{_NOTE}">{_e(_title(result, lang, 10_000).splitlines()[-1])}</div>']
    header = [say("line", lang), say("budget", lang), say("actual", lang), say("difference", lang),
              say("used", lang)]
    for y in _started(result):
        rows, bars = [], []
        for r in (r for r in result.rows if r.year == y.key and _shown(r)):
            rows.append([(_name(result, r.line, r.category, lang), False), (_amount(r.budget, lang), True),
                         (fmt.amount(r.actual, lang), True), (_signed(r.difference, lang), True),
                         (share_text(r.used, lang), True)])
            bars.append(r.used)
        b, a = result.year_budget(y.key), result.year_actual(y.key)
        used = Fraction(a) / Fraction(b) if b else None
        rows.append([(f"{say('sum', lang)} {y.label(lang)}", False), (fmt.amount(b, lang), True),
                     (fmt.amount(a, lang), True), (_signed(a - b, lang), True), (share_text(used, lang), True)])
        bars.append(used)
        parts += [f'<div style="{_HEADING}">{_e(y.label(lang))} ({_e(fmt.format_date(y.start, lang))} – '
                  f'{_e(fmt.format_date(y.end, lang))})</div>', _html_table("year", header, rows, bars)]
    rows, bars = [], []
    for y in result.years:
        b, a = result.year_budget(y.key), result.year_actual(y.key)
        used = Fraction(a) / Fraction(b) if b else None
        rows.append([(y.label(lang), False), (fmt.amount(b, lang), True), (fmt.amount(a, lang), True),
                     (_signed(a - b, lang), True), (share_text(used, lang), True)])
        bars.append(used)
    b, a = result.budget_total, result.actual_total
    used = Fraction(a) / Fraction(b) if b else None
    rows.append([(say("total", lang), False), (fmt.amount(b, lang), True), (fmt.amount(a, lang), True),
                 (_signed(a - b, lang), True), (share_text(used, lang), True)])
    bars.append(used)
    parts += [f'<div style="{_HEADING}">{_e(say("per_year", lang))}</div>',
              _html_table("years", [say("year", lang), *header[1:]], rows, bars)]
    parts += [f'<div style="{_NOTE}">{_e(line)}</div>' for line in _time_text(result, lang)]
    if result.received:
        fheader, frows = _financing_rows(result, lang)
        parts += [f'<div style="{_HEADING}">{_e(say("financing_received", lang))}</div>',
                  _html_table("financing", fheader, [[(c, i > 0) for i, c in enumerate(r)] for r in frows
                                                     if not isinstance(r, str)], [], last_is_sum=False)]
    if result.participants:
        pheader, prows = _participants_rows(result, lang)
        parts += [f'<div style="{_HEADING}">{_e(say("participants", lang))}</div>',
                  _html_table("participants", pheader, [[(c, i > 0) for i, c in enumerate(r)] for r in prows
                                                        if not isinstance(r, str)], [])]
    if result.findings:
        from grantcalc.report.check import report_word

        items = "".join(_finding_html(p, lang) for p in result.findings)
        parts += [f'<div style="{_HEADING}">{_e(report_word("findings", lang))} ({_e(summary(result, lang))})</div>',
                  f'<ul style="margin:0.2em 0;padding-left:1.4em">{items}</ul>']
    else:
        parts.append(f'<div style="{_HEADING}">{_e(say("no_findings", lang))}</div>')
    return f'<div class="grantcalc grantcalc-followup" lang="{_e(lang)}" style="{_WRAP}">' + "".join(parts) + "</div>"
