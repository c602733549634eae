"""A portfolio as ``grantcalc portfolio`` writes it: text (the default), JSON, HTML or an Excel workbook.

Every table is the same rows: per insats its amounts per calendar year and in total, then the sum, the
frame and what is left. Amounts are exact: JSON strings (``"1111403"``), workbook numbers written from
their decimal text, text and HTML formatted for the language (``1 111 403``).
"""

from __future__ import annotations

import html
import json
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

from grantcalc import catalogue
from grantcalc import formatting as fmt
from grantcalc.errors import Severity
from grantcalc.portfolio import Insats, Portfolio

__all__ = ["text", "to_json", "to_html", "write_xlsx", "FORMATS"]

FORMATS = ("text", "json", "html", "xlsx")
ZERO = Decimal(0)


def _say(key: str, lang: str, **params: Any) -> str:
    return catalogue.text(key, lang).format(**params)


def _insats_name(insats: Insats, lang: str) -> str:
    return insats.name or insats.file


# --- the rows every format shows ------------------------------------------------------------------

def _rows(p: Portfolio, lang: str, row: Callable[[Insats], dict[int, Decimal]], sums: bool) -> list[list[Any]]:
    """[name, amount per year…, total] per insats; then, when ``sums``, the sum, the frame and what is left."""
    years = p.years
    out: list[list[Any]] = []
    for insats in p.insatser:
        if not insats.readable:
            continue
        values = row(insats)
        out.append([_insats_name(insats, lang), *[values.get(y, ZERO) for y in years], insats.total(values)])
    if sums:
        out.append([_say("portfolio.sum", lang), *[p.total(y) for y in years], p.grand_total])
        if p.frame:
            out.append([_say("portfolio.frame", lang), *[p.frame.get(y) for y in years],
                        sum(p.frame.values(), start=ZERO)])
            lefts = [p.left(y) for y in years]
            out.append([_say("portfolio.left", lang), *lefts, sum((v for v in lefts if v is not None), start=ZERO)])
    return out


def _member_rows(p: Portfolio, lang: str) -> list[list[Any]]:
    years = sorted({y for m in p.members for y in m.amounts})
    out: list[list[Any]] = []
    for member in p.members:
        out.append([member.name, _say(f"portfolio.group.{member.group}", lang), member.share,
                    *[member.amounts.get(y, ZERO) for y in years], sum(member.amounts.values(), start=ZERO)])
    totals = [sum((m.amounts.get(y, ZERO) for m in p.members), start=ZERO) for y in years]
    out.append([_say("portfolio.sum", lang), "", sum((m.share for m in p.members), start=0), *totals,
                sum(totals, start=ZERO)])
    return out


def _member_years(p: Portfolio) -> list[int]:
    return sorted({y for m in p.members for y in m.amounts})


def _member_head(p: Portfolio, lang: str) -> list[str]:
    return [_say("portfolio.member", lang), _say("portfolio.group", lang), _say("portfolio.share", lang),
            *[str(y) for y in _member_years(p)], _say("portfolio.total", lang)]


def _member_heading(p: Portfolio, lang: str) -> str:
    return _say("portfolio.members_heading", lang, basis=_say(f"portfolio.basis.{p.basis}", lang))


def _participant_rows(p: Portfolio, lang: str) -> list[list[Any]]:
    years = p.years
    out = []
    for insats in p.insatser:
        if insats.participants or insats.participants_total is not None:
            total = insats.participants_total if insats.participants_total is not None else \
                sum(insats.participants.values())
            out.append([_insats_name(insats, lang), *[insats.participants.get(y) for y in years], total])
    return out


def _summary(insats: Insats, lang: str) -> str:
    if not insats.readable:
        return _say("portfolio.unreadable", lang, file=insats.file)
    codes = sorted({p.code for p in insats.findings})
    line = _say("portfolio.findings_line", lang, name=_insats_name(insats, lang), file=insats.file,
              errors=insats.count(Severity.error), warnings=insats.count(Severity.warning),
              infos=insats.count(Severity.info))
    return f"{line}{': ' + ', '.join(codes) if codes else ''}"


# --- text -----------------------------------------------------------------------------------------

def _cell(value: Any, lang: str) -> str:
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return fmt.amount(value, lang)
    if isinstance(value, int):
        return fmt.number(value, lang)
    return str(value)


def _table(head: list[str], rows: list[list[Any]], lang: str, shares: int | None = None) -> list[str]:
    shown = [[fmt.percent(v, lang) if shares is not None and i == shares and not isinstance(v, str) else
              _cell(v, lang) for i, v in enumerate(row)] for row in rows]
    widths = [max(len(r[i]) for r in [head, *shown]) for i in range(len(head))]
    numeric = [i > 0 and any(not isinstance(row[i], str) for row in rows) for i in range(len(head))]

    def line(cells: list[str]) -> str:
        return "  ".join(c.rjust(w) if numeric[i] else c.ljust(w) for i, (c, w) in enumerate(zip(cells, widths)))

    out = [line(head).rstrip(), "  ".join("─" * w for w in widths)]
    out += [line(r).rstrip() for r in shown]
    return out


def text(p: Portfolio, lang: str) -> str:
    """The portfolio as ``grantcalc portfolio`` prints it."""
    years = [str(y) for y in p.years]
    readable = [i for i in p.insatser if i.readable]
    out = [_say("portfolio.title", lang, count=len(p.insatser)), ""]
    head = [_say("portfolio.insats", lang), *years, _say("portfolio.total", lang)]
    out += [_say("portfolio.applied_heading", lang), ""]
    out += _table(head, _rows(p, lang, lambda i: i.applied, True), lang)
    if readable:
        out += ["", _say("portfolio.cost_heading", lang), ""]
        out += _table(head, _rows(p, lang, lambda i: i.cost, False), lang)
        out += ["", _say("portfolio.cofinancing_heading", lang), ""]
        out += _table(head, _rows(p, lang, lambda i: i.cofinancing, False), lang)
    participants = _participant_rows(p, lang)
    if participants:
        out += ["", _say("portfolio.participants_heading", lang), ""]
        out += _table(head, participants, lang)
    if p.members:
        out += ["", _member_heading(p, lang), ""]
        out += _table(_member_head(p, lang), _member_rows(p, lang), lang, shares=2)
    out += ["", _say("portfolio.findings_heading", lang), ""]
    out += [_summary(i, lang) for i in p.insatser]
    out += [f.format(lang) for f in p.findings]
    return "\n".join(out)


# --- JSON -----------------------------------------------------------------------------------------

def _amount(value: Decimal) -> str:
    return format(value, "f")


def _by_year(p: Portfolio, values: dict[int, Decimal], years: list[int] | None = None) -> dict[str, str]:
    years = p.years if years is None else years
    return {**{str(y): _amount(values.get(y, ZERO)) for y in years},
            "total": _amount(sum((values.get(y, ZERO) for y in years), start=ZERO))}


def to_json(p: Portfolio, lang: str, strict: bool = False) -> str:
    """``{"years", "insatser", "total", "frame", "left", "members", "findings", "ok"}`` (see the README)."""
    from grantcalc.check.result import finding_dict

    insatser = []
    for i in p.insatser:
        participants: dict[str, int | None] = {str(y): n for y, n in sorted(i.participants.items())}
        participants["total"] = i.participants_total if i.participants_total is not None else (
            sum(i.participants.values()) if i.participants else None)
        insatser.append({
            "file": i.file, "name": i.name, "funder": i.funder, "profile": i.profile, "ok": i.ok and i.readable,
            "applied": _by_year(p, i.applied) if i.readable else None,
            "cost": _by_year(p, i.cost) if i.readable else None,
            "cofinancing": _by_year(p, i.cofinancing) if i.readable else None,
            "participants": participants,
            "findings": {"error": i.count(Severity.error), "warning": i.count(Severity.warning),
                         "info": i.count(Severity.info)}})
    totals = {y: p.total(y) for y in p.years}
    frame_years = sorted(p.frame)
    data = {
        "years": [str(y) for y in p.years],
        "insatser": insatser,
        "total": _by_year(p, totals),
        "frame": _by_year(p, p.frame, frame_years) if p.frame else None,
        "left": {**{str(y): _amount(p.left(y) or ZERO) for y in frame_years},
                 "total": _amount(sum((p.left(y) or ZERO for y in frame_years), start=ZERO))} if p.frame else None,
        "members": [{"name": m.name, "group": m.group, "share": _amount(Decimal(m.share.numerator) /
                                                                          Decimal(m.share.denominator)),
                     "basis": p.basis, "amounts": _by_year(p, m.amounts, sorted(m.amounts))} for m in p.members],
        "findings": [finding_dict(f, lang) for f in p.all_findings()],
        "ok": p.ok(strict),
    }
    return json.dumps(data, ensure_ascii=False, indent=2)


# --- HTML -----------------------------------------------------------------------------------------

_STYLE = ("body{font-family:sans-serif;margin:2em}table{border-collapse:collapse;margin:0 0 1.5em}"
          "th,td{border-bottom:1px solid #ccc;padding:.2em .6em}td.n,th.n{text-align:right;"
          "font-variant-numeric:tabular-nums;white-space:nowrap}tr.sum td{font-weight:bold;border-top:2px solid #000}")


def _html_table(head: list[str], rows: list[list[Any]], lang: str, sums_from: int | None = None,
                shares: int | None = None) -> str:
    e = html.escape
    out = ["<table>", "<tr>" + "".join(f'<th class="{"n" if i else ""}">{e(h)}</th>' for i, h in enumerate(head))
           + "</tr>"]
    for r, row in enumerate(rows):
        css = ' class="sum"' if sums_from is not None and r >= sums_from else ""
        cells = []
        for i, v in enumerate(row):
            shown = fmt.percent(v, lang) if shares is not None and i == shares and not isinstance(v, str) else \
                _cell(v, lang)
            numeric = (i and isinstance(v, (Decimal, int))) or i == shares
            cells.append(f'<td class="{"n" if numeric else ""}">'
                         f"{e(shown)}</td>")
        out.append(f"<tr{css}>" + "".join(cells) + "</tr>")
    out.append("</table>")
    return "\n".join(out)


def to_html(p: Portfolio, lang: str) -> str:
    """A page of its own (``<!DOCTYPE html>``), every text escaped."""
    e = html.escape
    years = [str(y) for y in p.years]
    head = [_say("portfolio.insats", lang), *years, _say("portfolio.total", lang)]
    applied = _rows(p, lang, lambda i: i.applied, True)
    readable = sum(1 for i in p.insatser if i.readable)
    body = [f"<h1>{e(_say('portfolio.title', lang, count=len(p.insatser)))}</h1>",
            f"<h2>{e(_say('portfolio.applied_heading', lang))}</h2>", _html_table(head, applied, lang, readable),
            f"<h2>{e(_say('portfolio.cost_heading', lang))}</h2>",
            _html_table(head, _rows(p, lang, lambda i: i.cost, False), lang),
            f"<h2>{e(_say('portfolio.cofinancing_heading', lang))}</h2>",
            _html_table(head, _rows(p, lang, lambda i: i.cofinancing, False), lang)]
    participants = _participant_rows(p, lang)
    if participants:
        body += [f"<h2>{e(_say('portfolio.participants_heading', lang))}</h2>", _html_table(head, participants, lang)]
    if p.members:
        rows = _member_rows(p, lang)
        body += [f"<h2>{e(_member_heading(p, lang))}</h2>",
                 _html_table(_member_head(p, lang), rows, lang, len(rows) - 1, shares=2)]
    body += [f"<h2>{e(_say('portfolio.findings_heading', lang))}</h2>", "<ul>"]
    body += [f"<li>{e(_summary(i, lang))}</li>" for i in p.insatser]
    body += [f"<li>{e(f.format(lang))}</li>" for f in p.findings]
    body.append("</ul>")
    title = e(_say("portfolio.html_title", lang))
    return (f'<!DOCTYPE html>\n<html lang="{e(catalogue.tag_of(lang))}">\n<head>\n<meta charset="utf-8">\n'
            f"<title>{title}</title>\n<style>{_STYLE}</style>\n</head>\n<body>\n" + "\n".join(body) +
            "\n</body>\n</html>\n")


# --- Excel ----------------------------------------------------------------------------------------

class _Exact(Decimal):
    """A ``Decimal`` XlsxWriter writes as its exact decimal text (XlsxWriter formats a number with
    ``{:.16G}``; this answers every format with the plain decimal text, never through a float)."""

    __slots__ = ()

    def __format__(self, spec: str, context: Any = None, /) -> str:
        return Decimal.__format__(self, "f")

    def __str__(self) -> str:
        return Decimal.__format__(self, "f")


def _sheet_rows(ws: Any, start: int, head: list[str], rows: list[list[Any]], formats: dict[str, Any],
                shares: int | None = None) -> int:
    ws.write_row(start, 0, head, formats["head"])
    for r, row in enumerate(rows, start=start + 1):
        for c, value in enumerate(row):
            if value is None:
                ws.write_blank(r, c, None)
            elif isinstance(value, Decimal):
                ws.write_number(r, c, _Exact(value), formats["money"])
            elif shares is not None and c == shares and not isinstance(value, str):
                share = Decimal(value.numerator) / Decimal(value.denominator)
                ws.write_number(r, c, _Exact(share), formats["share"])
            elif isinstance(value, int):
                ws.write_number(r, c, _Exact(Decimal(value)))
            else:
                ws.write_string(r, c, str(value))
    return start + len(rows) + 2


def write_xlsx(p: Portfolio, path: Path, lang: str) -> None:
    """The workbook: the portfolio sheet (applied, cost, co-financing, participants), the members'
    contributions and the findings; every amount an exact number."""
    import xlsxwriter

    workbook = xlsxwriter.Workbook(str(path), {"strings_to_numbers": False, "strings_to_formulas": False,
                                               "strings_to_urls": False})
    money = catalogue.text("portfolio.excel_money", lang)
    formats = {"head": workbook.add_format({"bold": True}), "money": workbook.add_format({"num_format": money}),
               "share": workbook.add_format({"num_format": "0.00%"}),
               "title": workbook.add_format({"bold": True, "font_size": 14})}
    years = [str(y) for y in p.years]
    head = [_say("portfolio.insats", lang), *years, _say("portfolio.total", lang)]
    ws = workbook.add_worksheet(_say("portfolio.sheet.portfolio", lang))
    ws.write_string(0, 0, _say("portfolio.title", lang, count=len(p.insatser)), formats["title"])
    row = 2
    for heading, values, sums in (("portfolio.applied_heading", lambda i: i.applied, True),
                                  ("portfolio.cost_heading", lambda i: i.cost, False),
                                  ("portfolio.cofinancing_heading", lambda i: i.cofinancing, False)):
        ws.write_string(row, 0, _say(heading, lang), formats["head"])
        row = _sheet_rows(ws, row + 1, head, _rows(p, lang, values, sums), formats)
    participants = _participant_rows(p, lang)
    if participants:
        ws.write_string(row, 0, _say("portfolio.participants_heading", lang), formats["head"])
        row = _sheet_rows(ws, row + 1, head, participants, formats)
    ws.set_column(0, 0, 40)
    ws.set_column(1, len(head), 12)
    if p.members:
        ms = workbook.add_worksheet(_say("portfolio.sheet.members", lang))
        ms.write_string(0, 0, _member_heading(p, lang), formats["title"])
        member_head = _member_head(p, lang)
        _sheet_rows(ms, 2, member_head, _member_rows(p, lang), formats, shares=2)
        ms.set_column(0, 0, 40)
        ms.set_column(1, len(member_head), 12)
    fs = workbook.add_worksheet(_say("portfolio.sheet.findings", lang))
    fs.write_row(0, 0, [_say("portfolio.findings_heading", lang)], formats["title"])
    for r, insats in enumerate(p.insatser, start=2):
        fs.write_string(r, 0, _summary(insats, lang))
    for r, finding in enumerate(p.findings, start=len(p.insatser) + 2):
        fs.write_string(r, 0, finding.format(lang))
    fs.set_column(0, 0, 100)
    workbook.close()
