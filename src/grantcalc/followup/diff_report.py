"""Reports of a diff: text for people, JSON for programs (``grantcalc diff --format text|json``)."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from grantcalc import catalogue
from grantcalc import formatting as fmt
from grantcalc.check.result import finding_dict
from grantcalc.followup.diff import ADDED, REMOVED, RENAMED, Change, plain, value_kind
from grantcalc.followup.words import say
from grantcalc.report.check import findings_block
from grantcalc.report.text import Row, render_table, terminal_width, wrap_lines

if TYPE_CHECKING:
    from grantcalc.followup.diff import Diff

__all__ = ["diff_text", "diff_dict", "diff_json", "shown_value"]

DASH = "–"
ZERO = Decimal(0)


def shown_value(value: Any, field: str, lang: str, diff: Diff | None = None) -> str:
    """A changed value as a reader reads it: ``150 %``, ``1,42``, ``42 350 kr``, ``2024-09-15``."""
    if value is None:
        return DASH
    if field == "category" and diff is not None and isinstance(value, str):
        return diff.category_name(value, lang)
    if isinstance(value, bool):
        return catalogue.text("word.yes" if value else "word.no", lang)
    if isinstance(value, Decimal):
        kind = value_kind(field)
        if kind == "percent":
            return fmt.percent(value, lang)
        if kind == "factor":
            return fmt.factor(value, lang)
        if kind == "money":
            return fmt.money(value, lang)
        return fmt.number(value, lang, max_decimals=4)
    shown = plain(value)
    if isinstance(shown, list):
        return ", ".join(str(v) for v in shown) or DASH
    return str(shown)


def _signed(value: Decimal, lang: str) -> str:
    return ("+" if value > 0 else "") + fmt.amount(value, lang)


def _change_cells(change: Change, diff: Diff, lang: str) -> list[str]:
    line = change.line or ""
    if change.kind == ADDED:
        if change.line is None:
            return [str(change.new), say("funder_added", lang), DASH, DASH]
        added = diff.new.budget.line(change.line)
        what = f"{added.kind}, {diff.new.budget.category(added.category).name(lang)}"
        return [line, say("line_added", lang), DASH, what]
    if change.kind == REMOVED:
        if change.line is None:
            return [str(change.old), say("funder_removed", lang), DASH, DASH]
        return [line, say("line_removed", lang), DASH, DASH]
    if change.kind == RENAMED:
        return [line, say("renamed", lang), str(change.old), str(change.new)]
    return [line, change.field, shown_value(change.old, change.field, lang, diff),
            shown_value(change.new, change.field, lang, diff)]


def diff_text(diff: Diff, lang: str = "sv", width: int | None = None) -> str:
    """The diff for a person: the changes, their effect per line and year, per category, in all,
    the financing's change and the findings; laid out for ``width`` columns."""
    width = terminal_width(width)
    new = diff.new.budget
    years = diff.years
    labels = [y.label(lang) for _, y in years]
    head = [new.project.name,
            say("diff_line", lang).format(old=diff.old_name or say("old", lang), new=diff.new_name or say("new", lang),
                                           profile=diff.profile or say("no_profile", lang))]
    out = [wrap_lines("\n".join(head), width), ""]
    out.append(wrap_lines(say("changes", lang), width))
    if diff.changes:
        rows: list[Row] = [_change_cells(c, diff, lang) for c in diff.changes]
        out.append(render_table([say("line", lang), say("field", lang), say("before", lang), say("after", lang)],
                                rows, "llll", rule_before_last=False, width=width))
    else:
        out.append(wrap_lines(say("no_changes", lang), width))
    out += ["", wrap_lines(say("effect", lang), width)]
    by_line: dict[str, dict[int, Decimal]] = {}
    for e in diff.effects:
        by_line.setdefault(e.line, {})[e.year] = e.difference
    header = [say("line", lang), *labels, say("total", lang)]
    rows = [[name, *(_signed(per_year.get(k, ZERO), lang) for k, _ in years),
             _signed(sum(per_year.values(), start=ZERO), lang)] for name, per_year in by_line.items()]
    totals = diff.totals
    change = totals["difference"]
    rows.append([say("sum", lang), *(_signed(change[k], lang) for k, _ in years),
                 _signed(sum(change.values(), start=ZERO), lang)])
    out.append(render_table(header, rows, "l" + "r" * (len(labels) + 1), width=width))
    category_rows: list[Row] = []
    for key, before, after in diff.categories():
        if before != after:
            category_rows.append([diff.category_name(key, lang),
                                  *(_signed(after[k] - before[k], lang) for k, _ in years),
                                  _signed(sum(after.values(), start=ZERO) - sum(before.values(), start=ZERO), lang)])
    if category_rows:
        out += ["", wrap_lines(say("per_category", lang), width),
                render_table([say("category", lang), *labels, say("total", lang)], category_rows,
                             "l" + "r" * (len(labels) + 1), rule_before_last=False, width=width)]
    out += ["", wrap_lines(say("totals", lang), width)]
    total_rows: list[Row] = [
        [say("before", lang), *(fmt.amount(totals["old"][k], lang) for k, _ in years),
         fmt.amount(diff.old.total, lang)],
        [say("after", lang), *(fmt.amount(totals["new"][k], lang) for k, _ in years),
         fmt.amount(diff.new.total, lang)],
        [say("change", lang), *(_signed(change[k], lang) for k, _ in years),
         _signed(diff.new.total - diff.old.total, lang)]]
    out.append(render_table(["", *labels, say("total", lang)], total_rows, "l" + "r" * (len(labels) + 1),
                            width=width))
    funder_rows: list[Row] = []
    for name, before, after in diff.financing():
        if before != after:
            funder_rows.append([name, *(_signed(after[k] - before[k], lang) for k, _ in years),
                                _signed(sum(after.values(), start=ZERO) - sum(before.values(), start=ZERO), lang)])
    if funder_rows:
        out += ["", wrap_lines(say("financing_change", lang), width),
                render_table([say("funder", lang), *labels, say("total", lang)], funder_rows,
                             "l" + "r" * (len(labels) + 1), rule_before_last=False, width=width)]
    out.append("")
    kept = say("no_rules", lang) if diff.profile is None else say("rules_kept", lang).format(profile=diff.profile)
    out += findings_block(diff, lang, width, kept)
    return "\n".join(out)


def _exact(value: Decimal) -> str:
    return format(value, "f")


def diff_dict(diff: Diff, lang: str = "sv") -> dict[str, Any]:
    """The JSON form: ``old``, ``new``, ``changes``, ``lines``, ``totals`` (and the categories,
    the financing and the findings), amounts as exact decimal strings."""
    years = diff.years
    label = {k: y.label(lang) for k, y in years}
    totals = diff.totals

    def row(values: dict[int, Decimal], total: Decimal) -> dict[str, str]:
        return {**{label[k]: _exact(v) for k, v in values.items()}, "total": _exact(total)}

    def changed(rows: list[tuple[str, dict[int, Decimal], dict[int, Decimal]]], key: str,
                name=lambda n: n) -> list[dict[str, Any]]:
        out = []
        for item, before, after in rows:
            for k, _ in years:
                if before[k] != after[k]:
                    out.append({key: name(item), "year": label[k], "old": _exact(before[k]), "new": _exact(after[k]),
                                "difference": _exact(after[k] - before[k])})
        return out

    return {
        "old": diff.old_name,
        "new": diff.new_name,
        "profile": diff.profile,
        "ok": diff.ok(),
        "years": [label[k] for k, _ in years],
        "changes": [{"line": c.line, "field": c.field, "old": plain(c.old), "new": plain(c.new)} for c in diff.changes],
        "lines": [{"line": e.line, "year": label[e.year], "old": _exact(e.old), "new": _exact(e.new),
                   "difference": _exact(e.difference)} for e in diff.effects],
        "totals": {"old": row(totals["old"], diff.old.total), "new": row(totals["new"], diff.new.total),
                   "difference": row(totals["difference"], diff.new.total - diff.old.total)},
        "categories": changed(diff.categories(), "category", lambda k: diff.category_name(k, lang)),
        "financing": changed(diff.financing(), "funder"),
        "findings": [finding_dict(p, lang) for p in diff.findings],
    }


def diff_json(diff: Diff, lang: str = "sv") -> str:
    return json.dumps(diff_dict(diff, lang), ensure_ascii=False, indent=2)
