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
from collections import defaultdict
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import grantcalc
from common import REFERENCES, Table, best, ms, ratio, section_main
from grantcalc import formatting as fmt
from grantcalc.render import DEFAULT_TEMPLATE, chart, render
from grantcalc.render.chart import funders_with_amounts
from grantcalc.render.fields import DASH, build_fields, name_and_detail, year_heading
from grantcalc.render.forms import builtin_forms, w
from synthetic import budget_yaml

LANG = "sv"


# --- the floor ----------------------------------------------------------------------------------
def _table(document, rows: list[list[str]]) -> None:
    """``rows`` as a table, row by row through ``row.cells`` (never ``table.cell``)."""
    table = document.add_table(rows=0, cols=len(rows[0]))
    for values in rows:
        for cell, value in zip(table.add_row().cells, values):
            cell.text = value


def floor(computation, form, path: Path, lang: str = LANG) -> None:
    """The default form's content written with python-docx's plain API: every table of
    ``render`` with the same cell texts, the headings and the paragraphs; no layout."""
    from docx import Document

    budget, years, financing = computation.budget, computation.years, computation.financing
    amount = lambda value: fmt.amount(value, lang)  # noqa: E731
    date = lambda value: fmt.format_date(value, lang)  # noqa: E731
    headings = [year_heading(y.label(lang), y.scheme, lang) for y in years] + [w("total", lang)]
    in_kind = w("in_kind_short", lang)
    fields = build_fields(computation, lang)  # the boxes' values (a few dozen); the big tables are made below

    def costs() -> list[list[str]]:
        rows = [[w("category", lang), w("specification", lang), *headings]]
        for line in budget.lines:
            category = budget.category(line.category).name(lang)
            title, detail = name_and_detail(line, category)
            specification = f"{title}\n{detail}" if detail else title
            party = getattr(line, "party", None)
            if party:
                specification += f" ({in_kind if party in specification else f'{party}, {in_kind}'})"
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
            declared = row.stated and row.source != "none"
            rows.append([name, *(amount(row.amounts[y.key]) if declared and row.amounts.get(y.key) is not None
                                 else DASH for y in years), amount(row.total) if declared else DASH])
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

    document = Document()

    def table(rows: list[list[str]]) -> None:
        _table(document, [[fmt.no_break(text) for text in row] for row in rows])

    def value(path: str, item) -> str:
        if item is not None and "." not in path:
            return str(item[path])
        node = fields
        for part in path.split("."):
            node = node[part]
        return str(node)

    def boxes(rows, item, first: bool) -> None:
        grid = document.add_table(rows=0, cols=6)
        for boxes_row in rows:
            cells = grid.add_row().cells
            span = 6 // len(boxes_row)
            for n, box in enumerate(boxes_row):
                end = 5 if n == len(boxes_row) - 1 else n * span + span - 1
                cell = cells[n * span].merge(cells[end]) if end > n * span else cells[n * span]
                label = (box.first if first and box.first else box.label)(lang)
                cell.text = fmt.no_break(f"{label}\n{value(box.value, item) if box.value else ''}")

    def section_of(section, item, first: bool) -> None:
        # without parties the form still has one group of empty boxes to fill in
        found = (list(fields.project[section.each]) or [defaultdict(str)]) if section.each else [item]
        for n, each in enumerate(found, start=1):
            is_first = n == 1 if section.each else first
            title = section.title(lang, n)
            if title:
                document.add_heading(fmt.no_break(title), level=min(section.level_of, 3))
            if section.guidance:
                document.add_paragraph(fmt.no_break(section.guidance(lang)))
            for text in section.text:
                document.add_paragraph(fmt.no_break(text(lang)))
            if section.boxes:
                boxes(section.boxes, each, is_first)
            block = section.block
            if block == "description":
                paragraphs = [p.strip() for p in (budget.project.description or "").split("\n\n") if p.strip()]
                table([["\n".join(paragraphs) if paragraphs else "\n" * ((section.answer or 4) - 1)]])
            elif block == "plan":
                table(plan())
            elif block in ("costs", "financing"):
                document.add_paragraph(w("amounts_in", lang))
                table(costs() if block == "costs" else funders())
            elif block is not None:
                raise ValueError(f"the floor does not write the block {block!r} of the default form")
            if section.answer and block != "description":
                table([["\n" * (section.answer - 1)]])  # an empty box of so many lines
            if section.note:
                document.add_paragraph(section.note(lang))
            for inner in section.items:
                section_of(inner, each, is_first)

    document.add_heading(form.title(lang), level=0)
    document.add_paragraph(budget.project.name)
    document.add_paragraph(" · ".join(filter(None, [budget.project.funder, fields.project.period])))
    for section in form.sections:
        section_of(section, None, True)
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
    ("form boxes and answer boxes (boxes.add_boxes, add_answer)", "render/boxes.py", "add_boxes|add_answer"),
    ("save (XML serialised, zipped, renamed)", "grantcalc/write.py", "write_atomic"),
]


def profile(computation, path: Path, top: int = 8) -> tuple[list[list[object]], list[str]]:
    """Rows (part, share of render's profiled time) and the functions that take most time themselves."""
    profiler = cProfile.Profile()
    profiler.enable()
    render(computation, path, force=True, charts=False, template=DEFAULT_TEMPLATE)
    profiler.disable()
    stats = pstats.Stats(profiler).stats  # (file, line, name) -> (calls, primitive, own, cumulative, callers)
    total = next(v[3] for k, v in stats.items() if k[0].endswith("render/__init__.py") and k[2] == "render")
    rows = []
    for what, module, name in PARTS:
        cumulative = sum(v[3] for k, v in stats.items() if k[0].endswith(module) and k[2] in name.split("|"))
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
    render(computation, ours, force=True, charts=False, template=DEFAULT_TEMPLATE)
    floor(computation, form, theirs)
    tables, rows, cells = compare(ours, theirs)
    t_render = best(lambda: render(computation, ours, force=True, charts=False, template=DEFAULT_TEMPLATE), repeat)
    t_floor = best(lambda: floor(computation, form, theirs), repeat)
    t_charts = best(lambda: render(computation, ours, force=True, template=DEFAULT_TEMPLATE),
                    max(2, repeat - 2))  # the 1st imports matplotlib
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
        "headings, guidance and notes, add_table(rows=0) + add_row() + row.cells + cell.text per cell "
        "(a box row's cells merged as the form's), save(). "
        "The big tables' amounts and dates are formatted inside it from the computation with grantcalc.formatting; "
        "the boxes' few values come from build_fields. "
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
