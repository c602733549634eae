"""Reports of a check: text for people, JSON for programs, annotations for GitHub.

Collecting findings (:mod:`grantcalc.check`), reporting them (here) and the
exit status (:mod:`grantcalc.cli`) are three separate things.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from grantcalc import catalogue
from grantcalc import formatting as fmt
from grantcalc.errors import Problem, Severity, format_path
from grantcalc.report.text import cost_table, render_table, word

if TYPE_CHECKING:
    from collections.abc import Sequence

    from grantcalc.check.result import CheckResult
    from grantcalc.compute.financing import Financing

__all__ = ["report_word", "text_report", "financing_table", "funders_table", "findings_text", "summary",
           "json_report", "github_report", "github_annotation", "escape_data", "escape_property"]

def report_word(key: str, lang: str) -> str:
    """A word of the check report, ``report.<key>`` in the catalogue."""
    return catalogue.text(f"report.{key}", lang)


def financing_text(financing: Financing, lang: str = "sv") -> str:
    """The financing table as text, with the amount applied for (``financing.table()``)."""
    out = funders_table(financing, lang)
    if financing.applied_amount is not None:
        assert financing.applicant_row is not None  # an amount applied for is the applicant row's
        out += (f"\n{report_word('applied', lang)} ({financing.applicant_row.name}): "
                f"{fmt.money(financing.applied_amount, lang)}")
    return out


def financing_table(result: CheckResult, lang: str = "sv") -> str:
    """Funders × budget years with Totalt and a Summa row; – for an amount not stated."""
    return funders_table(result.computation.financing, lang)


def funders_table(fin: Financing, lang: str = "sv") -> str:
    """:func:`financing_table` of a :class:`~grantcalc.compute.financing.Financing`."""
    years = fin.years
    header = [report_word("funder", lang)] + [y.label(lang) for y in years] + [word("total", lang)]
    rows = []
    for row in fin.rows:
        name = f"{row.name} ({word('in_kind', lang)})" if row.in_kind else row.name
        cells = [fmt.amount(v, lang) if v is not None else "–" for v in (row.amounts.get(y.key) for y in years)]
        rows.append([name, *cells, fmt.amount(row.total, lang) if row.stated else "–"])
    rows.append([word("sum", lang)] + [fmt.amount(fin.year_total(y.key), lang) for y in years]
                + [fmt.amount(fin.total, lang)])
    return render_table(header, rows, "l" + "r" * (len(years) + 1))


def findings_text(findings: list[Problem], lang: str = "sv") -> str:
    return "\n".join(p.format(lang) for p in findings)


def summary(result: CheckResult, lang: str = "sv") -> str:
    """``0 fel, 1 varning, 5 info`` / ``0 errors, 1 warning, 5 infos``."""
    counts = {"errors": len(result.errors), "warnings": len(result.warnings), "infos": len(result.infos)}
    said = {kind: report_word(f"{kind}.{'one' if n == 1 else 'other'}", lang).format(n=n) for kind, n in counts.items()}
    return report_word("summary", lang).format(**said)


def text_report(result: CheckResult, lang: str = "sv") -> str:
    c = result.computation
    fin = c.financing
    out = [cost_table(c, lang, heading=report_word("costs", lang)), "", report_word("financing", lang), "",
           financing_table(result, lang)]
    if fin.applied_amount is not None:
        assert fin.applicant_row is not None  # an amount applied for is the applicant row's
        out.append(f"{report_word('applied', lang)} ({fin.applicant_row.name}): {fmt.money(fin.applied_amount, lang)}")
    out += ["", report_word("balanced" if result.balanced else "unbalanced", lang)]
    compared = result.stated_compared
    if compared:
        differing = len([p for p in result.errors if p.code.startswith("stated.") or p.code == "applied.differs"])
        out.append(report_word("stated", lang).format(compared=compared, differing=differing))
    out.append("")
    if result.findings:
        out += [f"{report_word('findings', lang)} ({summary(result, lang)}):", findings_text(result.findings, lang)]
    else:
        out.append(report_word("none", lang))
    return "\n".join(out)


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
