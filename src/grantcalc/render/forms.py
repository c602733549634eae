"""Built-in templates: a form described in YAML, laid out with python-docx.

A form (``src/grantcalc/templates/<name>.yaml``) is a list of sections with a
number, a heading, a *block* grantcalc fills in from the budget, guidance for
the applicant and the form's own note. This module knows how to lay out each
block; the words of each form live in its YAML file, in Swedish and English, and
the words the blocks print (column headings, sums, signatures) in the catalogue
(``form.*`` in :mod:`grantcalc.catalogue`).
"""

from __future__ import annotations

import io
from collections.abc import Callable
from functools import lru_cache
from importlib.resources import files
from typing import TYPE_CHECKING, Literal

from docx import Document
from docx.shared import Cm, Pt
from pydantic import BaseModel, ConfigDict, Field

from grantcalc import catalogue
from grantcalc.render import word
from grantcalc.render.fields import Node
from grantcalc.render.word import Column

if TYPE_CHECKING:
    from grantcalc.compute.computation import Computation

__all__ = ["Form", "Section", "builtin_forms", "load_form", "build_document", "BLOCKS"]


class Words(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    sv: str
    en: str

    def __call__(self, lang: str) -> str:
        """The form's text in ``lang``; a language the form is not written in reads the English."""
        return str(self.__dict__.get(lang, self.en))


Block = Literal["general", "parties", "owner", "contacts", "description", "plan", "costs", "categories", "financing",
                "signatures", "justification", "closing"]


class Section(BaseModel):
    """A section of a form: its ``number`` (``"2"``, ``"2.1"``), ``heading``, the ``block`` grantcalc
    fills in, ``guidance`` for the applicant, the form's own ``note`` and a ``chart`` after them."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    number: str | None = None
    heading: Words
    block: Block | None = None
    guidance: Words | None = None
    note: Words | None = Field(None, description="the form's own text, kept as it is")
    chart: Literal["costs", "financing"] | None = Field(None, description="a chart after the block and note")

    @property
    def level(self) -> int:
        """The heading level, from the number's depth: ``"2"`` → 1, ``"2.1"`` → 2; 1 without a number."""
        return 1 + (self.number or "").count(".")

    def title(self, lang: str) -> str:
        """The heading in ``lang`` with its number: ``2. Budget``, ``2.1 Kostnader``; without a number
        the heading alone."""
        return f"{self.number}. {self.heading(lang)}" if self.number and "." not in self.number else \
            f"{self.number} {self.heading(lang)}" if self.number else self.heading(lang)


class Form(BaseModel):
    """A built-in form: its ``name``, ``title`` and ``description`` in Swedish and English, and its
    ``sections`` (at least one)."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    name: str
    title: Words
    description: Words
    sections: list[Section] = Field(min_length=1)


def builtin_forms() -> dict[str, Form]:
    """The forms shipped in ``grantcalc/templates``, by name, the default first."""
    return dict(_builtin_forms())


@lru_cache(maxsize=1)
def _builtin_forms() -> tuple[tuple[str, Form], ...]:
    """The shipped forms, read once per process (reading them is a third of rendering a small budget)."""
    folder = files("grantcalc.templates")
    return tuple((name, load_form(folder.joinpath(f"{name}.yaml").read_text(encoding="utf-8")))
                 for name in ("samordningsforbund", "projektets-ekonomi"))


def load_form(text: str) -> Form:
    """A :class:`Form` from the text of its YAML file; pydantic's ``ValidationError`` when the data
    does not describe a form (ruamel's error when the text is not YAML)."""
    from ruamel.yaml import YAML

    return Form.model_validate(YAML(typ="safe", pure=True).load(text))


# --- words the blocks print: form.<key> in the catalogue -------------------------------------
# the roles of the contacts the form lists first, as a budget writes them in any language
CONTACT_ROLES = tuple(catalogue.texts(key) for key in ("form.role.leader", "form.role.contact", "form.role.finance"))


def w(key: str, lang: str, **params: str) -> str:
    """A word of the forms, ``form.<key>`` in the catalogue, with its ``{placeholders}`` filled in."""
    return catalogue.text(f"form.{key}", lang).format(**params)


class Layout:
    """What the blocks share: the document, its fields, the computation and the language."""

    def __init__(self, document, fields: Node, computation: Computation, lang: str,
                 charts: dict[str, bytes] | None, width: int | None = None):
        self.document = document
        self.fields = fields
        self.computation = computation
        self.lang = lang
        self.charts = charts or {}
        self._width = width

    @property
    def width(self) -> int:
        return self._width or word.text_width(self.document)

    def amount_columns(self) -> list[Column]:
        return [Column(y.heading, 1.0, "r") for y in self.fields.years] + [Column(w("total", self.lang), 1.05, "r")]

    def picture(self, key: str, caption: str) -> None:
        png = self.charts.get(key)
        if not png:
            return
        paragraph = self.document.add_paragraph()
        paragraph.paragraph_format.keep_with_next = True
        paragraph.add_run().add_picture(io.BytesIO(png), width=min(self.width, Cm(16)))
        word.add_paragraph(self.document, caption, italic=True, size=8.5)


# --- blocks -----------------------------------------------------------------------------------
def _general(layout: Layout) -> None:
    f, lang = layout.fields, layout.lang
    word.add_form_table(layout.document, [
        (w("name", lang), f.project.name),
        (w("period", lang), f.project.period),
        (w("applied", lang), f.applied_amount),
    ], width=layout.width)


def _parties(layout: Layout) -> None:
    f, lang = layout.fields, layout.lang
    columns = [Column(w(k, lang), wt) for k, wt in
               (("organisation", 1.5), ("unit", 1.4), ("contact", 1.2), ("phone", 0.9), ("email", 1.3))]
    rows = [[p.name, p.unit, p.contact, p.phone, p.email] for p in f.project.parties] or [[""] * 5] * 2
    word.add_table(layout.document, columns, rows, width=layout.width)


def _owner(layout: Layout) -> None:
    owner, lang = layout.fields.project.owner, layout.lang
    word.add_form_table(layout.document, [
        (w("organisation", lang), owner.name),
        (w("organisation_number", lang), owner.organisation_number),
        (w("unit", lang), owner.unit),
        (w("contact", lang), owner.contact),
    ], width=layout.width)


def _contacts(layout: Layout) -> None:
    f, lang = layout.fields, layout.lang
    columns = [Column(w("role", lang), fit=True)] + [Column(w(k, lang), wt) for k, wt in
                                                    (("person", 1.3), ("organisation", 1.3), ("phone", 0.9),
                                                     ("email", 1.4))]
    contacts = list(f.project.contacts)
    rows = []
    for names in CONTACT_ROLES:
        found = [c for c in contacts if c.role.strip().lower() in names]
        for c in found or [None]:
            label = catalogue.pick(names, lang).capitalize()
            rows.append([label, c.name, c.party, c.phone, c.email] if c else [label, "", "", "", ""])
            if c:
                contacts.remove(c)
    rows += [[c.role, c.name, c.party, c.phone, c.email] for c in contacts]
    word.add_table(layout.document, columns, rows, width=layout.width)


def _description(layout: Layout) -> None:
    for paragraph in filter(None, (p.strip() for p in layout.fields.project.description.split("\n\n"))):
        word.add_paragraph(layout.document, paragraph)


def _plan(layout: Layout) -> None:
    f, lang = layout.fields, layout.lang
    columns = [Column(w("activity", lang)), Column(w("start", lang), fit=True), Column(w("end", lang), fit=True),
               Column(w("cost", lang), align="r")]
    rows = [[a.name, a.start, a.end, a.cost] for a in f.plan.rows]
    if not rows:
        word.add_guidance(layout.document, w("no_plan", lang))
        rows = [[""] * 4] * 3
    word.add_table(layout.document, columns, [*rows, [w("sum", lang), "", "", f.plan.sum]], width=layout.width,
                   sum_rows=1)


def _by_whom(specification: str, party: str, lang: str) -> str:
    """An in-kind line's note: "i natura", with the party unless the specification names it."""
    in_kind = w("in_kind_short", lang)
    return in_kind if party in specification else f"{party}, {in_kind}"


def _cost_rows(layout: Layout) -> list[list[str]]:
    rows = []
    for row, line in zip(layout.fields.costs.rows, layout.fields.lines):
        specification = row.specification
        if line.party:
            specification += f" ({_by_whom(specification, line.party, layout.lang)})"
        rows.append([row.category, specification, *row.amounts, row.total])
    return rows


def _table_size(layout: Layout) -> word.Points:
    return word.TABLE_PT if len(layout.fields.years) <= 4 else 8


def _cost_table(layout: Layout) -> tuple[list[Column], list[list[str]]]:
    f, lang = layout.fields, layout.lang
    columns = [Column(w("category", lang), fit=True), Column(w("specification", lang)), *layout.amount_columns()]
    return columns, [*_cost_rows(layout), [w("sum", lang), "", *f.costs.sum.amounts, f.costs.sum.total]]


def _category_table(layout: Layout) -> tuple[list[Column], list[list[str]]]:
    f, lang = layout.fields, layout.lang
    columns = [Column(w("category", lang)), *layout.amount_columns()]
    rows = [[r.name, *r.amounts, r.total] for r in f.categories.rows]
    return columns, [*rows, [w("sum", lang), *f.categories.sum.amounts, f.categories.sum.total]]


def _financing_table(layout: Layout) -> tuple[list[Column], list[list[str]]]:
    f, lang = layout.fields, layout.lang
    columns = [Column(w("funder_column", lang)), *layout.amount_columns()]
    in_kind = w("in_kind_short", lang)
    rows = [[f"{r.name} ({in_kind})" if r.kind == in_kind and in_kind not in r.name else r.name, *r.amounts, r.total]
            for r in f.financing.rows]
    return columns, [*rows, [w("sum", lang), *f.financing.sum.amounts, f.financing.sum.total]]


# the tables with a column per budget year: too many years for a portrait page turn it landscape
AMOUNT_TABLES = {"costs": _cost_table, "categories": _category_table, "financing": _financing_table}


def _amount_block(key: str) -> Callable[[Layout], None]:
    def block(layout: Layout) -> None:
        columns, rows = AMOUNT_TABLES[key](layout)
        word.add_paragraph(layout.document, w("amounts_in", layout.lang), size=8.5, align="r", keep_with_next=True)
        word.add_table(layout.document, columns, rows, width=layout.width, sum_rows=1, size=_table_size(layout))
    return block


def needs_landscape(section: Section, layout: Layout) -> bool:
    """True when the section's table does not fit the width of a portrait page."""
    if section.block not in AMOUNT_TABLES:
        return False
    columns, rows = AMOUNT_TABLES[section.block](layout)
    return not word.table_fits(columns, rows, layout.width, _table_size(layout))


def _signatures(layout: Layout) -> None:
    f, lang = layout.fields, layout.lang
    names = [p.name for p in f.project.parties] or [f.project.applicant or ""]
    for name in names:
        word.add_paragraph(layout.document, w("for_party", lang, party=name) if name else "", bold=True,
                           keep_with_next=True)
        word.add_form_table(layout.document, [(w(k, lang), "") for k in
                                              ("place_date", "signature", "clarification", "position")],
                            width=layout.width, label_share=0.3, tall=(1,), keep_together=True)
        word.add_paragraph(layout.document)


def _justification(layout: Layout) -> None:
    f, lang = layout.fields, layout.lang
    columns = [Column(w("line", lang), 3.0), Column(w("calculation", lang), 3.6), Column(w("amount", lang), 1.15, "r")]
    for year in f.years:
        word.add_heading(layout.document, f"{year.label} ({year.start} – {year.end}, {year.months} "
                         f"{catalogue.text('word.months', lang)})", level=2)
        rows = []
        for entry in year.lines:
            calculation = entry.calculation
            if entry.party:
                by_whom = _by_whom(entry.specification, entry.party, lang)
                calculation = f"{calculation} ({by_whom})" if calculation else by_whom
                if not entry.amount:
                    calculation += f", {w('not_stated', lang)}"
            rows.append([entry.specification, calculation, entry.amount])
        rows.append([w("year_sum", lang, label=year.label), "", year.costs])
        word.add_table(layout.document, columns, rows, width=layout.width, sum_rows=1)
    word.add_paragraph(layout.document)
    word.add_paragraph(layout.document, w("period_total", lang, period=f.project.period, months=f.project.months,
                                          total=f.costs.total), bold=True)


def _closing(layout: Layout) -> None:
    f, lang = layout.fields, layout.lang
    applicant = f.project.applicant or f.project.owner.name or w("applicant", lang)
    funder = f.project.funder or w("funder", lang)
    if f.applied_amount:
        word.add_paragraph(layout.document, w("applies", lang, applicant=applicant, amount=f.applied_amount,
                                              funder=funder, project=f.project.name, period=f.project.period))
    in_kind = [f"{line.name} ({line.party})" for line in f.lines if line.party]
    if in_kind:
        word.add_paragraph(layout.document, w("in_kind", lang, items="; ".join(in_kind)))


BLOCKS: dict[str, Callable[[Layout], None]] = {
    "general": _general, "parties": _parties, "owner": _owner, "contacts": _contacts,
    "description": _description, "plan": _plan, "costs": _amount_block("costs"),
    "categories": _amount_block("categories"), "financing": _amount_block("financing"),
    "signatures": _signatures, "justification": _justification, "closing": _closing,
}


def build_document(form: Form, fields: Node, computation: Computation, lang: str,
                   charts: dict[str, bytes] | None = None):
    """The form filled in from ``fields``: a python-docx ``Document``."""
    document = Document()
    word.set_up(document, lang, f"{form.title(lang)} – {fields.project.name}")
    layout = Layout(document, fields, computation, lang, charts)
    word.add_heading(document, form.title(lang), level=0)
    word.add_paragraph(document, fields.project.name, bold=True, size=13)
    word.add_paragraph(document, " · ".join(filter(None, [fields.project.funder, fields.project.period])),
                       italic=True)
    wide = [needs_landscape(section, layout) for section in form.sections]
    for index in range(len(wide) - 2, -1, -1):  # a bare heading goes with the wide section it introduces
        section = form.sections[index]
        if wide[index + 1] and not (section.block or section.guidance or section.note or section.chart):
            wide[index] = True
    landscape = False
    for index, section in enumerate(form.sections):
        if wide[index] != landscape:
            word.new_section(document, landscape=wide[index])
            landscape = wide[index]
        word.add_heading(document, section.title(lang), level=min(section.level, 3))
        if section.guidance:
            word.add_guidance(document, section.guidance(lang))
        if section.block:
            BLOCKS[section.block](layout)
        if section.note:
            note = word.add_paragraph(document, section.note(lang), italic=True, size=9)
            note.paragraph_format.space_before = Pt(4)
        if section.chart:
            layout.picture(section.chart, w(f"chart_{section.chart}", lang))
    return document
