"""Plain-text tables for the terminal: the cost table and the formula listing.

Figures are formatted by :mod:`grantcalc.formatting` (Swedish by default);
columns are right-aligned and every Summa row is the sum of the rows above it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from grantcalc import catalogue
from grantcalc import formatting as fmt
from grantcalc.budget.lines import InKindLine

if TYPE_CHECKING:
    from grantcalc.compute.computation import Computation

__all__ = ["cost_table", "category_table", "formula_listing", "render_table", "word"]

NAME_WIDTH = 44


def word(key: str, lang: str) -> str:
    """A word of the tables, ``word.<key>`` in the catalogue: ``word("total", "sv")`` → ``Totalt``."""
    return catalogue.text(f"word.{key}", lang)


def _clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def render_table(header: list[str], rows: list[list[str]], align: str, rule_before_last: bool = True) -> str:
    """A monospace table; ``align`` has one letter per column, ``l`` or ``r``."""
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]

    def line(cells: list[str]) -> str:
        out = [c.ljust(w) if a == "l" else c.rjust(w) for c, w, a in zip(cells, widths, align)]
        return "  ".join(out).rstrip()

    lines = [line(header), "  ".join("─" * w for w in widths)]
    body = [line(r) for r in rows]
    if rule_before_last and len(body) > 1:
        body.insert(len(body) - 1, "  ".join("─" * w for w in widths))
    return "\n".join(lines + body)


def _title(computation: Computation, lang: str) -> str:
    budget = computation.budget
    p = budget.period
    facts = [f"{fmt.format_date(p.start, lang)} – {fmt.format_date(p.end, lang)}"]
    if budget.project.funder:
        facts.insert(0, budget.project.funder)
    facts.append(word("amounts_in", lang))
    return f"{budget.project.name}\n{' · '.join(facts)}"


def cost_table(computation: Computation, lang: str = "sv", heading: str | None = None) -> str:
    """The cost budget: one row per line, one column per budget year, Totalt, Summa.
    ``heading`` goes between the title and the table."""
    budget = computation.budget
    years = computation.years
    header = [word("category", lang), word("line", lang)] + [y.label(lang) for y in years] + [word("total", lang)]
    rows = []
    for line in budget.lines:
        name = line.name
        if isinstance(line, InKindLine):
            name = f"{name} ({word('in_kind', lang)}: {line.party})"
        cells = [fmt.amount(computation.amount(line.name, y.key), lang) if line.has_amount else "–" for y in years]
        total = fmt.amount(computation.line_total(line.name), lang) if line.has_amount else "–"
        rows.append([_clip(budget.category(line.category).name(lang), 24), _clip(name, NAME_WIDTH), *cells, total])
    rows.append([word("sum", lang), ""] + [fmt.amount(computation.year_total(y.key), lang) for y in years]
                + [fmt.amount(computation.total, lang)])
    out = [_title(computation, lang), ""] + ([heading, ""] if heading else []) + \
        [render_table(header, rows, "ll" + "r" * (len(years) + 1))]
    if computation.in_kind_total:
        out.append(f"{word('of_which_in_kind', lang)}: {fmt.money(computation.in_kind_total, lang)}")
    out.append(f"{word('total', lang)}: {fmt.money(computation.total, lang)}")
    return "\n".join(out)


def category_table(computation: Computation, lang: str = "sv") -> str:
    """Totals per category (*kostnadsslag*) and budget year."""
    budget = computation.budget
    years = computation.years
    header = [word("category", lang)] + [y.label(lang) for y in years] + [word("total", lang)]
    with_amounts = {budget.category(ln.category).key for ln in budget.lines if ln.has_amount}
    rows = []
    for key, per_year in computation.category_totals().items():
        name = budget.category(key).name(lang)
        if key not in with_amounts:  # only contributions whose amounts the document does not state
            rows.append([name] + ["–"] * (len(years) + 1))
            continue
        rows.append([name] + [fmt.amount(per_year[y.key], lang) for y in years]
                    + [fmt.amount(sum(per_year.values()), lang)])
    rows.append([word("sum", lang)] + [fmt.amount(computation.year_total(y.key), lang) for y in years]
                + [fmt.amount(computation.total, lang)])
    return "\n".join([_title(computation, lang), "", render_table(header, rows, "l" + "r" * (len(years) + 1))])


def formula_listing(computation: Computation, lang: str = "sv") -> str:
    """Per budget year, every line with its formula and amount, then the year's sum."""
    budget = computation.budget
    out = [_title(computation, lang)]
    for y in computation.years:
        months = fmt.number(computation.budget_months(y.key), lang)
        out += ["", f"{y.label(lang)}  ({fmt.format_date(y.start, lang)} – {fmt.format_date(y.end, lang)}, "
                    f"{months} {word('months', lang)})"]
        rows = []
        for line in budget.lines:
            cell = computation.cell(line.name, y.key)
            if not line.has_amount:
                assert isinstance(line, InKindLine)  # only a contribution in kind may leave out its amount
                text = f"{word('in_kind', lang)}: {line.party} ({word('not_stated', lang)})"
                rows.append([_clip(line.name, NAME_WIDTH), "", text])
                continue
            if cell.formula is None:
                continue
            text = word("stated", lang) if cell.formula.stated else cell.formula_text(lang)
            if isinstance(line, InKindLine):
                text += f" ({word('in_kind', lang)}: {line.party})"
            rows.append([_clip(line.name, NAME_WIDTH), fmt.money(cell.amount, lang), text])
        rows.append([f"{word('sum', lang)} {y.label(lang)}", fmt.money(computation.year_total(y.key), lang), ""])
        out.append(render_table(["", "", ""], rows, "lrl").split("\n", 2)[2])
    out += ["", f"{word('total', lang)}: {fmt.money(computation.total, lang)}"]
    return "\n".join(out)
