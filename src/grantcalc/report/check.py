"""Reports of a check: text for people, JSON for programs, annotations for GitHub.

Collecting findings (:mod:`grantcalc.check`), reporting them (here) and the
exit status (:mod:`grantcalc.cli`) are three separate things.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from grantcalc import catalogue
from grantcalc import formatting as fmt
from grantcalc.errors import Findings, Problem, Severity, format_path
from grantcalc.report.text import Row, cost_table, render_table, terminal_width, word, wrap_lines, wrap_text

if TYPE_CHECKING:
    from collections.abc import Sequence

    from grantcalc.check.result import CheckResult
    from grantcalc.compute.financing import Financing

__all__ = ["report_word", "text_report", "financing_table", "funders_table", "findings_text", "summary",
           "json_report", "github_report", "github_annotation", "escape_data", "escape_property"]

def report_word(key: str, lang: str) -> str:
    """A word of the check report, ``report.<key>`` in the catalogue."""
    return catalogue.text(f"report.{key}", lang)


def _applied(financing: Financing, lang: str, width: int) -> list[str]:
    """The line with the amount applied for, when there is one."""
    if financing.applied_amount is None:
        return []
    assert financing.applicant_row is not None  # an amount applied for is the applicant row's
    return [wrap_lines(f"{report_word('applied', lang)} ({financing.applicant_row.name}): "
                       f"{fmt.money(financing.applied_amount, lang)}", width)]


def financing_text(financing: Financing, lang: str = "sv", width: int | None = None) -> str:
    """The financing table as text, with the amount applied for (``financing.table()``),
    laid out for ``width`` columns (default: the terminal's, :func:`~grantcalc.report.text.terminal_width`)."""
    width = terminal_width(width)
    return "\n".join([funders_table(financing, lang, width), *_applied(financing, lang, width)])


def financing_table(result: CheckResult, lang: str = "sv", width: int | None = None) -> str:
    """Funders × budget years with Totalt and a Summa row; – for an amount not stated."""
    return funders_table(result.computation.financing, lang, width)


def funders_table(fin: Financing, lang: str = "sv", width: int | None = None) -> str:
    """:func:`financing_table` of a :class:`~grantcalc.compute.financing.Financing`, laid out for
    ``width`` columns (default: the terminal's): funder names wrap, amounts never."""
    width = terminal_width(width)
    years = fin.years
    header = [report_word("funder", lang)] + [y.label(lang) for y in years] + [word("total", lang)]
    rows: list[Row] = []
    for row in fin.rows:
        name = f"{row.name} ({word('in_kind', lang)})" if row.in_kind else row.name
        cells = [fmt.amount(v, lang) if v is not None else "–" for v in (row.amounts.get(y.key) for y in years)]
        rows.append([name, *cells, fmt.amount(row.total, lang) if row.stated else "–"])
    rows.append([word("sum", lang)] + [fmt.amount(fin.year_total(y.key), lang) for y in years]
                + [fmt.amount(fin.total, lang)])
    return render_table(header, rows, "l" + "r" * (len(years) + 1), width=width)


FINDING_HANG = 4  # a finding's continuation lines are indented by this much


def findings_text(findings: list[Problem], lang: str = "sv", width: int | None = None) -> str:
    """One finding a line (``file:line: field: severity: message``); with ``width``, each wrapped to
    it at words, its continuation lines indented by four (``None``: one line each, however long)."""
    if width is None:
        return "\n".join(p.format(lang) for p in findings)
    return "\n".join(line for p in findings for line in wrap_text(p.format(lang), width, FINDING_HANG))


def summary(result: Findings, lang: str = "sv") -> str:
    """``0 fel, 1 varning, 5 info`` / ``0 errors, 1 warning, 5 infos``."""
    counts = {"errors": len(result.errors), "warnings": len(result.warnings), "infos": len(result.infos)}
    said = {kind: report_word(f"{kind}.{'one' if n == 1 else 'other'}", lang).format(n=n) for kind, n in counts.items()}
    return report_word("summary", lang).format(**said)


def text_report(result: CheckResult, lang: str = "sv", width: int | None = None) -> str:
    """The check report for a person: the cost and financing tables, whether they balance, and
    the findings, laid out for ``width`` columns (default: the terminal's,
    :func:`~grantcalc.report.text.terminal_width`): tables and messages wrap at words, never
    inside a number; a finding's continuation lines are indented."""
    width = terminal_width(width)
    c = result.computation
    fin = c.financing
    out = [cost_table(c, lang, heading=report_word("costs", lang), width=width), "",
           wrap_lines(report_word("financing", lang), width), "", financing_table(result, lang, width),
           *_applied(fin, lang, width)]
    out += ["", wrap_lines(report_word("balanced" if result.balanced else "unbalanced", lang), width)]
    compared = result.stated_compared
    if compared:
        differing = len([p for p in result.errors if p.code.startswith("stated.") or p.code == "applied.differs"])
        out.append(wrap_lines(report_word("stated", lang).format(compared=compared, differing=differing), width))
    out.append("")
    out += findings_block(result, lang, width, report_word("none", lang))
    return "\n".join(out)


def findings_block(result: Findings, lang: str, width: int, none: str) -> list[str]:
    """The findings of a check, follow-up or diff under their count (``Anmärkningar (0 fel, 1 varning,
    0 info):``), wrapped to ``width``; ``none`` when there are none."""
    if not result.findings:
        return [wrap_lines(none, width)]
    return [wrap_lines(f"{report_word('findings', lang)} ({summary(result, lang)}):", width),
            findings_text(result.findings, lang, width)]


def json_report(items: list[dict]) -> str:
    """One object for one budget, a list for several (as the README documents)."""
    data = items[0] if len(items) == 1 else items
    return json.dumps(data, ensure_ascii=False, indent=2)


# --- GitHub Actions workflow commands ---------------------------------------------
# https://github.com/actions/toolkit/blob/main/packages/core/src/command.ts

def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


_COMMAND = {Severity.error: "error", Severity.warning: "warning", Severity.info: "notice"}


def github_annotation(problem: Problem, lang: str = "sv", file: str | None = None) -> str:
    props = []
    name = problem.file or file
    if name and name != "<stdin>":  # GitHub can only point into files of the repository
        props.append(f"file={escape_property(name)}")
    if problem.line:
        props.append(f"line={problem.line}")
    title = f"grantcalc {problem.code}"
    path = format_path(problem.path)
    props.append(f"title={escape_property(title)}")
    message = f"{path}: {problem.message(lang)}" if path else problem.message(lang)
    return f"::{_COMMAND[problem.severity]} {','.join(props)}::{escape_data(message)}"


def github_report(problems: Sequence[Problem], lang: str = "sv", file: str | None = None) -> str:
    return "\n".join(github_annotation(p, lang, file) for p in problems)
