"""Benchmark: rendering the default form, against python-docx writing the same tables directly.

    python benchmarks/render.py            # Ljusdal and a 1 000-line budget
    python benchmarks/render.py --quick    # Ljusdal and a 200-line budget, fewer runs

Two budgets: the Ljusdal reference application and a synthetic budget of
1 000 lines over 3 budget years (``budget_yaml(1000, years=3)``). For each:

* ``render``  — ``grantcalc.render.render(computation, path, charts=False)``: the
  default template (``samordningsforbund``) written to a .docx as the CLI does
  it, from a computation made beforehand (the CLI's load and compute are not
  rendering). The CLI's default also draws two charts with matplotlib; that
  time is shown on its own (``with charts``), it is not python-docx's;
* ``floor``   — a hand-written function on python-docx that writes the same
  tables (same rows, columns and cell texts, amounts formatted inside it from
  the computation) row by row with ``table.add_row()`` and ``row.cells``,
  ``cell.text = …``, with the form's headings and paragraphs, and saves the file.

The floor sets no borders, widths, shading, fonts, bold or alignment: it is the
least python-docx can do to write those texts, so render/floor is what all of
grantcalc's layout costs on top. Before timing, both documents are read back
and their tables compared (count, rows, columns and every cell's text).

Times are the best of a few runs; the ratios are what carry across machines.
Not a test: nothing here asserts a time.
"""

from __future__ import annotations

import cProfile
import pstats
import sys
import tempfile
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import grantcalc
from common import REFERENCES, Table, best, ms, ratio, section_main
from grantcalc import formatting as fmt
from grantcalc.render import DEFAULT_TEMPLATE, chart, render
from grantcalc.render.chart import funders_with_amounts
from grantcalc.render.fields import DASH, OWNER_ROLES, year_heading
from grantcalc.render.forms import CONTACT_ROLES, builtin_forms, w
from synthetic import budget_yaml

LANG = "sv"


# --- the floor ----------------------------------------------------------------------------------
def _table(document, rows: list[list[str]]) -> None:
    """``rows`` as a table, row by row through ``row.cells`` (never ``table.cell``)."""
    table = document.add_table(rows=0, cols=len(rows[0]))
    for values in rows:
        for cell, value in zip(table.add_row().cells, values):
            cell.text = value


def _project_tables(budget, lang: str) -> dict[str, list[list[str]]]:
    """The small tables of the form (parties, owner, contacts), from the budget as it is."""
    project = budget.project

    def text(value) -> str:
        return value or ""

    def contact(party, field: str) -> str:  # of the party's first contact
        return text(getattr(party.contacts[0], field)) if party.contacts else ""

    parties = [[p.name, text(p.unit), contact(p, "name"), contact(p, "phone"), contact(p, "email")]
               for p in project.parties] or [[""] * 5] * 2
    owner = next((p for p in project.parties if p.role and p.role.strip().lower() in OWNER_ROLES), None)
    applicant = project.applicant or ""
    if owner is None:
        owner = next((p for p in project.parties
                      if applicant and (p.name == applicant or applicant.startswith(p.name))), None)
    owner_row = ([owner.name, text(owner.organisation_number), text(owner.unit), contact(owner, "name")]
                 if owner else [applicant, "", "", ""])
    contacts = [(c, p.name) for p in project.parties for c in p.contacts]
    contact_rows = []
    for sv, en in CONTACT_ROLES:
        label = sv.capitalize() if lang == "sv" else en.capitalize()
        found = [(c, party) for c, party in contacts if c.role.strip().lower() in (sv, en)]
        for c, party in found or [(None, "")]:
            contact_rows.append([label, text(c.name), party, text(c.phone), text(c.email)] if c else
                                [label, "", "", "", ""])
            if c:
                contacts.remove((c, party))
    contact_rows += [[c.role, text(c.name), party, text(c.phone), text(c.email)] for c, party in contacts]
    labels = [w(k, lang) for k in ("organisation", "organisation_number", "unit", "contact")]
    return {
        "parties": [[w(k, lang) for k in ("organisation", "unit", "contact", "phone", "email")], *parties],
        "owner": [list(pair) for pair in zip(labels, owner_row)],
        "contacts": [[w(k, lang) for k in ("role", "person", "organisation", "phone", "email")], *contact_rows],
    }


def floor(computation, form, path: Path, lang: str = LANG) -> None:
    """The default form's content written with python-docx's plain API: every table of
    ``render`` with the same cell texts, the headings and the paragraphs; no layout."""
    from docx import Document

    budget, years, financing = computation.budget, computation.years, computation.financing
    amount = lambda value: fmt.amount(value, lang)  # noqa: E731
    date = lambda value: fmt.format_date(value, lang)  # noqa: E731
    period = f"{date(budget.period.start)} – {date(budget.period.end)}"
    headings = [year_heading(y.label(lang), y.scheme, lang) for y in years] + [w("total", lang)]
    in_kind = w("in_kind_short", lang)

    def costs() -> list[list[str]]:
        rows = [[w("category", lang), w("specification", lang), *headings]]
        for line in budget.lines:
            specification = line.specification or line.name
            party = getattr(line, "party", None)
            if party:
                specification += f" ({in_kind if party in specification else f'{party}, {in_kind}'})"
            category = budget.category(line.category).name(lang)
            if line.has_amount:
                rows.append([category, specification, *(amount(computation.amount(line.name, y.key)) for y in years),
                             amount(computation.line_total(line.name))])
            else:
                rows.append([category, specification, *[DASH] * len(years), DASH])
        totals = computation.year_totals
        return [*rows, [w("sum", lang), "", *(amount(totals[y.key]) for y in years), amount(computation.total)]]

    def funders() -> list[list[str]]:
        rows = [[w("funder_column", lang), *headings]]
        for row in financing.rows:
            name = f"{row.name} ({in_kind})" if row.in_kind and in_kind not in row.name else row.name
            rows.append([name, *(amount(row.amounts[y.key]) if row.amounts.get(y.key) is not None else DASH
                                 for y in years), amount(row.total) if row.stated else DASH])
        totals = financing.year_totals
        return [*rows, [w("sum", lang), *(amount(totals[y.key]) for y in years), amount(financing.total)]]

    def plan() -> list[list[str]]:
        rows, total = [], Decimal(0)
        for a in budget.plan:
            cost = a.cost.amount if a.cost is not None else None
            total += cost or 0
            rows.append([a.name, date(a.start) if a.start else "", date(a.end) if a.end else "",
                         amount(cost) if cost is not None else ""])
        head = [w(k, lang) for k in ("activity", "start", "end", "cost")]
        return [head, *(rows or [[""] * 4] * 3), [w("sum", lang), "", "", amount(total) if rows else ""]]

    applied = computation.applied_amount
    small = _project_tables(budget, lang)
    signature = [[w(k, lang), ""] for k in ("place_date", "signature", "clarification", "position")]
    document = Document()
    document.add_heading(form.title(lang), level=0)
    document.add_paragraph(budget.project.name)
    document.add_paragraph(" · ".join(filter(None, [budget.project.funder, period])))
    for section in form.sections:
        document.add_heading(section.title(lang), level=min(section.level, 3))
        if section.guidance:
            document.add_paragraph(section.guidance(lang))
        block = section.block
        if block == "general":
            _table(document, [[w("name", lang), budget.project.name], [w("period", lang), period],
                              [w("applied", lang), fmt.money(applied, lang) if applied is not None else ""]])
        elif block in small:
            _table(document, small[block])
        elif block == "description":
            for paragraph in filter(None, (p.strip() for p in (budget.project.description or "").split("\n\n"))):
                document.add_paragraph(paragraph)
        elif block == "plan":
            if not budget.plan:
                document.add_paragraph(w("no_plan", lang))
            _table(document, plan())
        elif block in ("costs", "financing"):
            document.add_paragraph(w("amounts_in", lang))
            _table(document, costs() if block == "costs" else funders())
        elif block == "signatures":
            for name in [p.name for p in budget.project.parties] or [budget.project.applicant or ""]:
                document.add_paragraph(w("for_party", lang, party=name) if name else "")
                _table(document, signature)
                document.add_paragraph()
        elif block is not None:
            raise ValueError(f"the floor does not write the block {block!r} of the default form")
        if section.note:
            document.add_paragraph(section.note(lang))
    document.save(str(path))


# --- comparing the two documents -----------------------------------------------------------------
def _tables(path: Path) -> list[list[list[str]]]:
    from docx import Document

    return [[[cell.text for cell in row.cells] for row in table.rows] for table in Document(str(path)).tables]


def compare(rendered: Path, floored: Path) -> tuple[int, int, int]:
    """(tables, rows, cells) of the rendered document, after checking that the floor wrote
    tables of the same shapes and the same cell texts."""
    ours, theirs = _tables(rendered), _tables(floored)
    shapes = [[len(r) for r in t] for t in ours]
    if shapes != [[len(r) for r in t] for t in theirs]:
        raise AssertionError(f"the floor's tables are not render's: {len(theirs)} tables, not {len(ours)}, "
                             "or other rows or columns")
    differ = [(a, b) for t, u in zip(ours, theirs) for r, s in zip(t, u) for a, b in zip(r, s) if a != b]
    if differ:
        raise AssertionError(f"{len(differ)} cells differ, e.g. render {differ[0][0]!r}, floor {differ[0][1]!r}")
    return len(ours), sum(len(t) for t in ours), sum(len(r) for t in ours for r in t)


# --- where render's time goes --------------------------------------------------------------------
PARTS = [  # (what, module path ending, function): cumulative times, each part inside render
    ("resolve the template (load the built-in forms)", "render/__init__.py", "_resolve"),
    ("build_fields (every formatted value)", "render/fields.py", "build_fields"),
    ("landscape check (amount tables laid out once more)", "render/forms.py", "needs_landscape"),
    ("tables (word.add_table)", "render/word.py", "add_table"),
    ("form tables (word.add_form_table)", "render/word.py", "add_form_table"),
    ("save (XML serialised, zipped, renamed)", "grantcalc/write.py", "write_atomic"),
]


def profile(computation, path: Path, top: int = 8) -> tuple[list[list[object]], list[str]]:
    """Rows (part, share of render's profiled time) and the functions that take most time themselves."""
    profiler = cProfile.Profile()
    profiler.enable()
    render(computation, path, force=True, charts=False)
    profiler.disable()
    stats = pstats.Stats(profiler).stats  # (file, line, name) -> (calls, primitive, own, cumulative, callers)
    total = next(v[3] for k, v in stats.items() if k[0].endswith("render/__init__.py") and k[2] == "render")
    rows = []
    for what, module, name in PARTS:
        cumulative = sum(v[3] for k, v in stats.items() if k[0].endswith(module) and k[2] == name)
        rows.append([what, f"{cumulative / total * 100:.0f} %"])
    own = sorted(stats.items(), key=lambda item: -item[1][2])[:top]
    heavy = [f"{k[2] if k[0] == '~' else f'{Path(k[0]).parent.name}/{Path(k[0]).name}:{k[2]}'} "
             f"{v[2] / total * 100:.0f} % ({v[0]} calls)" for k, v in own]
    return rows, heavy


# --- the section ------------------------------------------------------------------------------------
def cases(quick: bool) -> dict[str, object]:
    lines = 200 if quick else 1000
    return {
        "Ljusdal": grantcalc.load(REFERENCES["Ljusdal"]).compute(),
        f"{lines} lines × 3 years": grantcalc.loads(budget_yaml(lines, years=3)).compute(),
    }


def _measure(name: str, computation, form, folder: Path, repeat: int, timing: Table, where: Table) -> str:
    """One budget's row in ``timing`` and column in ``where``; the note on its heaviest functions."""
    ours, theirs = folder / "render.docx", folder / "floor.docx"
    render(computation, ours, force=True, charts=False)
    floor(computation, form, theirs)
    tables, rows, cells = compare(ours, theirs)
    t_render = best(lambda: render(computation, ours, force=True, charts=False), repeat)
    t_floor = best(lambda: floor(computation, form, theirs), repeat)
    t_charts = best(lambda: render(computation, ours, force=True), max(2, repeat - 2))  # the 1st imports matplotlib
    pictures = 1 + (funders_with_amounts(computation) > 1) if chart.available() else 0
    timing.rows.append([name, tables, rows, cells, ms(t_render), ms(t_floor), ratio(t_render, t_floor),
                        f"{ms(t_charts)} ({pictures})"])
    parts, heavy = profile(computation, ours)
    where.headers.append(name)
    if not where.rows:
        where.rows = [[part] for part, _ in parts]
    for row, (_, share) in zip(where.rows, parts):
        row.append(share)
    return f"{name}, most time in the function itself: " + "; ".join(heavy)


def run(quick: bool = False) -> list[Table]:
    repeat = 2 if quick else 5
    form = builtin_forms()[DEFAULT_TEMPLATE]
    timing = Table("Rendering: the default form (samordningsforbund) against python-docx directly",
                   ["budget", "tables", "rows", "cells", "render", "floor", "render/floor", "with charts"])
    where = Table("Rendering: where render's time goes (cProfile, share of render)", ["part"])
    heavy_notes = []
    with tempfile.TemporaryDirectory(prefix="grantcalc-bench-render-") as folder:
        for name, computation in cases(quick).items():
            heavy_notes.append(_measure(name, computation, form, Path(folder), repeat, timing, where))
    timing.notes += [
        f"Best of {repeat} runs; render and floor start from the same computation (made beforehand).",
        f"The synthetic budget is benchmarks/synthetic.py budget_yaml({200 if quick else 1000}, years=3).",
        "render: grantcalc.render.render(computation, path, charts=False) — the default template, as "
        "`grantcalc render BUDGET -o X.docx --no-charts` does it (load and compute excluded). "
        "with charts: the same with the CLI's default charts=True; in brackets the number of charts matplotlib "
        "drew (a financing chart only when more than one funder pays something). Not compared with the floor.",
        "floor: python-docx's public API only — Document(), add_heading/add_paragraph for the form's "
        "headings, guidance and notes, add_table(rows=0) + add_row() + row.cells + cell.text per cell, save(). "
        "Amounts and dates are formatted inside it from the computation with grantcalc.formatting. "
        "It sets no widths, borders, shading, fonts, bold, alignment or no-break hyphens, and does no "
        "landscape check: render does all of that.",
        "tables/rows/cells: of render's document; the floor's document was read back and has the same tables, "
        "rows, columns and cell texts (checked before timing).",
    ]
    where.notes += heavy_notes
    where.notes.append("Parts overlap nowhere; the rest is headings, paragraphs, set-up and Document().")
    return [timing, where]


if __name__ == "__main__":
    sys.exit(section_main(run, __doc__, "a 200-line budget and fewer runs"))
