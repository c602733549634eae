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
import re
from collections.abc import Callable
from functools import lru_cache
from importlib.resources import files
from typing import TYPE_CHECKING, Any, Literal

from docx import Document
from docx.shared import Cm, Pt
from pydantic import BaseModel, ConfigDict, Field, model_validator

from grantcalc import catalogue
from grantcalc.render import boxes, word
from grantcalc.render.fields import PATHS, Node, name_and_detail
from grantcalc.render.word import Column

if TYPE_CHECKING:
    from grantcalc.compute.computation import Computation

__all__ = ["Form", "Section", "Box", "builtin_forms", "load_form", "form_for", "build_document", "BLOCKS", "BUILTIN"]


class Words(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    sv: str
    en: str

    def __call__(self, lang: str) -> str:
        """The form's text in ``lang``; a language the form is not written in reads the English."""
        return str(self.__dict__.get(lang, self.en))


Block = Literal["general", "parties", "owner", "contacts", "description", "plan", "costs", "categories", "financing",
                "signatures", "justification", "closing", "applies", "signature_grid"]

# what a section repeats over (``each``), and the fields of one item, which its boxes name
ITEMS = {
    "parties": ("name", "role", "organisation_number", "unit", "contact", "phone", "mobile", "email", "signatory",
                "signatory_position", "signatory_email"),
    "signatories": ("party", "owner", "name", "position", "email"),
}
_CONTACT = ("role", "name", "phone", "mobile", "email", "party")
# the fields a box or a {placeholder} of a form may name: every single value of the field tree
VALUES = frozenset(
    [p for p in PATHS if "[]" not in p and p not in ("project.owner", "project.leader", "project.contact_person",
                                                       "project.finance_contact")]
    + [f"project.owner.{k}" for k in ITEMS["parties"]]
    + [f"project.{who}.{k}" for who in ("leader", "contact_person", "finance_contact") for k in _CONTACT])
_PLACEHOLDER = re.compile(r"\{([^{}]*)\}")


class Box(BaseModel):
    """A box of a form: its ``label`` and the field that fills it (``value``, a path of the field
    tree, or of the repeated item: ``name``, ``phone``), empty for the applicant to fill in.
    ``first`` labels the box of the first item differently (*Organisation – Insatsägare*);
    ``tall`` leaves room to write by hand (a signature)."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    label: Words
    value: str | None = None
    first: Words | None = None
    tall: bool = False


class Section(BaseModel):
    """A section of a form: its ``number`` (``"2"``, ``"2.1"``; ``{n}`` counts the items it repeats
    over), ``heading``, the form's own ``guidance`` (its question to the applicant) and fixed ``text``,
    ``boxes`` to fill in, the ``block`` grantcalc fills in from the budget, an ``answer`` box, the
    form's ``note`` and a ``chart`` after them, and ``items``: sections inside it.

    ``each`` repeats the section for every party or signatory. The amount tables take the form's
    ``labels`` (their headings), ``year_columns`` (a fixed number of year columns, the unused ones
    headed by the ``year`` label alone), pre-printed ``rows`` (funders) and ``blank_rows``."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    number: str | None = None
    heading: Words | None = None
    level: int | None = Field(None, ge=1, le=3)
    guidance: Words | None = None
    text: list[Words] = Field(default_factory=list, description="the form's fixed text, paragraph by paragraph")
    each: Literal["parties", "signatories"] | None = None
    boxes: list[list[Box]] = Field(default_factory=list)
    block: Block | None = None
    answer: int = Field(0, ge=0, le=40, description="lines of an empty box for the applicant's answer")
    parts: list[Words] = Field(default_factory=list, description="sub-headings inside the answer")
    labels: dict[str, Words] = Field(default_factory=dict)
    columns: Literal["category", "line"] = "category"
    total_column: bool = True
    year_columns: int | None = Field(None, ge=1, le=20)
    rows: list[str] = Field(default_factory=list)
    blank_rows: int = Field(0, ge=0, le=20)
    full_width: bool = Field(False, description="in a labelled form: outside the label column")
    note: Words | None = Field(None, description="the form's own text, kept as it is")
    chart: Literal["costs", "financing"] | None = Field(None, description="a chart after the block and note")
    items: list[Section] = Field(default_factory=list)

    @property
    def level_of(self) -> int:
        """The heading level: given, else from the number's depth (``"2"`` → 1, ``"2.1"`` → 2; 1 without)."""
        return self.level or 1 + (self.number or "").count(".")

    def title(self, lang: str, n: int | None = None) -> str:
        """The heading in ``lang`` with its number: ``2. Budget``, ``2.1 Kostnader``, ``2.1``; without
        a number the heading alone."""
        number = (self.number or "").replace("{n}", str(n or 1))
        heading = self.heading(lang) if self.heading else ""
        if not number:
            return heading
        if "." not in number:
            number += "."
        return f"{number} {heading}".rstrip()

    def uses(self) -> list[tuple[str, bool]]:
        """Every field this section and the sections inside it name: (path, inside an item)."""
        return _uses(self, False)


def _uses(section: Section, inside: bool) -> list[tuple[str, bool]]:
    inside = inside or section.each is not None
    found = [(box.value, inside) for row in section.boxes for box in row if box.value]
    for words in [section.guidance, *section.text, section.note, *section.labels.values()]:
        if words is not None:
            found += [(m, inside) for lang in ("sv", "en") for m in _PLACEHOLDER.findall(words(lang))]
    for item in section.items:
        found += _uses(item, inside)
    return found


class Funder(BaseModel):
    """The funder's own details a form prints (*kontaktuppgifter till förbundet*, its address);
    a budget's ``project.funder_contacts`` and ``project.funder_address`` take their place."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    contacts: str = ""
    address: str = ""


class Form(BaseModel):
    """A built-in form: its ``name``, ``title`` and ``description`` in Swedish and English, the
    ``funders`` it is the form of (by name: a budget whose ``project.funder`` is one of them gets
    it), the funder's details, the ``intro`` under the title, the ``office`` box the funder fills in,
    the ``layout`` (numbered sections, or a label column) and its ``sections`` (at least one)."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    name: str
    title: Words
    description: Words
    funders: list[str] = Field(default_factory=list)
    funder: Funder = Field(default_factory=Funder)
    intro: list[Words] = Field(default_factory=list)
    office: list[Words] = Field(default_factory=list)
    layout: Literal["sections", "labelled"] = "sections"
    subtitle: bool = Field(False, description="the project's name, funder and period under the title")
    sections: list[Section] = Field(min_length=1)

    @model_validator(mode="after")
    def _known_fields(self) -> Form:
        used = [(m, False) for words in self.intro for lang in ("sv", "en") for m in _PLACEHOLDER.findall(words(lang))]
        for section in self.sections:
            used += section.uses()
        every_item = {k for keys in ITEMS.values() for k in keys}
        for path, inside in used:
            if path not in VALUES and not (inside and path in every_item):
                raise ValueError(f"unknown field {{{path}}}; a form may name: {', '.join(sorted(VALUES))}")
        return self

    @property
    def charts(self) -> set[str]:
        """The charts the form shows (``costs``, ``financing``): none in a funder's own form."""
        found: set[str] = set()

        def visit(sections: list[Section]) -> None:
            for section in sections:
                if section.chart:
                    found.add(section.chart)
                visit(section.items)
        visit(self.sections)
        return found

    def serves(self, funder: str | None) -> bool:
        """Whether this is the form of ``funder`` (names compared without case, spaces or punctuation)."""
        return bool(funder) and _key(funder or "") in {_key(name) for name in self.funders}


def _key(name: str) -> str:
    return " ".join("".join(ch if ch.isalnum() else " " for ch in name.casefold()).split())


def builtin_forms() -> dict[str, Form]:
    """The forms shipped in ``grantcalc/templates``, by name, the default first."""
    return dict(_builtin_forms())


# the shipped forms: the generic one first (the default for a funder no form names)
BUILTIN = ("samordningsforbund", "samordningsforbund-gavleborg", "samordningsforbund-kalmar", "projektets-ekonomi")


@lru_cache(maxsize=1)
def _builtin_forms() -> tuple[tuple[str, Form], ...]:
    """The shipped forms, read once per process (reading them is a third of rendering a small budget)."""
    folder = files("grantcalc.templates")
    return tuple((name, load_form(folder.joinpath(f"{name}.yaml").read_text(encoding="utf-8"))) for name in BUILTIN)


def form_for(funder: str | None) -> str:
    """The name of the built-in form of ``funder``; the generic form when none names it."""
    for name, form in _builtin_forms():
        if form.serves(funder):
            return name
    return BUILTIN[0]


def load_form(text: str) -> Form:
    """A :class:`Form` from the text of its YAML file; pydantic's ``ValidationError`` when the data
    does not describe a form (ruamel's error when the text is not YAML)."""
    from ruamel.yaml import YAML

    return Form.model_validate(YAML(typ="safe", pure=True).load(text))


# --- words the blocks print: form.<key> in the catalogue -------------------------------------
def w(key: str, lang: str, **params: str) -> str:
    """A word of the forms, ``form.<key>`` in the catalogue, with its ``{placeholders}`` filled in."""
    return catalogue.text(f"form.{key}", lang).format(**params)


DEFAULT_SECTION = Section()


class Layout:
    """What the blocks share: the document (or the cell they write in), its fields, the
    computation, the language, the form and the section being laid out."""

    def __init__(self, document, fields: Node, computation: Computation, lang: str,
                 charts: dict[str, bytes] | None, width: int | None = None, form: Form | None = None):
        self.document = document
        self.fields = fields
        self.computation = computation
        self.lang = lang
        self.charts = charts or {}
        self._width = width
        self.form = form
        self.section = DEFAULT_SECTION
        self.item: Node | None = None
        self.first = True  # the item is the first of those a section repeats over

    @property
    def width(self) -> int:
        return self._width or word.text_width(self.document)

    def label(self, key: str, **params: str) -> str:
        """A heading of a block: the form's own word for it (the section's ``labels``), else the catalogue's."""
        words = self.section.labels.get(key)
        return self.fill(words(self.lang)) if words is not None else w(key, self.lang, **params)

    def value(self, path: str) -> str:
        """The value of a field path (of the repeated item first); the form's own funder details
        stand where the budget gives none."""
        if self.item is not None and "." not in path and path in self.item:
            return str(self.item[path])
        node: Any = self.fields
        for part in path.split("."):
            node = node[part]
        if not node and self.form is not None and path in ("project.funder_contacts", "project.funder_address"):
            return self.form.funder.contacts if path.endswith("contacts") else self.form.funder.address
        return str(node)

    def fill(self, text: str) -> str:
        """A form's text with its ``{field}`` placeholders filled in (the form was checked to name
        only fields that exist)."""
        return _PLACEHOLDER.sub(lambda m: self.value(m.group(1)), text) if "{" in text else text

    def amount_columns(self) -> list[Column]:
        columns = [Column(heading, 1.0, "r") for heading in self.year_headings()]
        return columns + ([Column(self.label("total"), 1.05, "r")] if self.section.total_column else [])

    def year_headings(self) -> list[str]:
        headings = [y.heading for y in self.fields.years]
        if self.section.year_columns:  # a form with a fixed number of year columns: the unused ones say "År"
            headings += [self.label("year")] * (self.section.year_columns - len(headings))
        return headings

    def amounts(self, amounts: list[str], total: str) -> list[str]:
        """A row's amounts in the form's columns: the unused year columns empty, the total if printed."""
        padded = list(amounts) + [""] * (len(self.year_headings()) - len(amounts))
        return padded + ([total] if self.section.total_column else [])

    def picture(self, key: str, caption: str) -> None:
        png = self.charts.get(key)
        if not png:
            return
        paragraph = self.document.add_paragraph()
        paragraph.paragraph_format.keep_with_next = True
        paragraph.paragraph_format.space_before = Pt(8)  # clear of the table above it
        paragraph.add_run().add_picture(io.BytesIO(png), width=min(self.width, Cm(16)))
        word.add_paragraph(self.document, caption, italic=True, size=8.5)


# --- blocks -----------------------------------------------------------------------------------
def _general(layout: Layout) -> None:
    f = layout.fields
    word.add_form_table(layout.document, [
        (layout.label("name"), f.project.name),
        (layout.label("period"), f.project.period),
        (layout.label("applied"), f.applied_amount),
    ], width=layout.width)


def _parties(layout: Layout) -> None:
    f = layout.fields
    columns = [Column(layout.label(k), wt) for k, wt in
               (("organisation", 1.5), ("unit", 1.4), ("contact", 1.2), ("phone", 0.9), ("email", 1.3))]
    rows = [[p.name, p.unit, p.contact, p.phone, p.email] for p in f.project.parties] or [[""] * 5] * 2
    word.add_table(layout.document, columns, rows, width=layout.width)


def _owner(layout: Layout) -> None:
    owner = layout.fields.project.owner
    word.add_form_table(layout.document, [
        (layout.label("organisation"), owner.name),
        (layout.label("organisation_number"), owner.organisation_number),
        (layout.label("unit"), owner.unit),
        (layout.label("contact"), owner.contact),
    ], width=layout.width)


def _contacts(layout: Layout) -> None:
    f, lang = layout.fields, layout.lang
    columns = [Column(layout.label("role"), fit=True)] + [Column(layout.label(k), wt) for k, wt in
                                                          (("person", 1.3), ("organisation", 1.3), ("phone", 0.9),
                                                           ("email", 1.4))]
    rows, shown = [], []
    for field, key in (("leader", "leader"), ("contact_person", "contact"), ("finance_contact", "finance")):
        c = f.project[field]
        rows.append([w(f"role.{key}", lang).capitalize(), c.name, c.party, c.phone, c.email])
        shown.append((c.role, c.name, c.party))
    rows += [[c.role, c.name, c.party, c.phone, c.email] for c in f.project.contacts
             if (c.role, c.name, c.party) not in shown]  # the other roles, after the form's three
    word.add_table(layout.document, columns, rows, width=layout.width)


def _description(layout: Layout) -> None:
    paragraphs = [p.strip() for p in layout.fields.project.description.split("\n\n")]
    if layout.form is not None and layout.form.layout == "labelled":  # the label table's cell is the box
        for paragraph in filter(None, paragraphs):
            word.add_paragraph(layout.document, paragraph)
        return
    boxes.add_answer(layout.document, paragraphs, width=layout.width, lines=layout.section.answer or 4)


def _plan(layout: Layout) -> None:
    f = layout.fields
    columns = [Column(layout.label("activity")), Column(layout.label("start"), fit=True),
               Column(layout.label("end"), fit=True), Column(layout.label("cost"), align="r")]
    rows = [[a.name, a.start, a.end, a.cost] for a in f.plan.rows] or [[""] * 4] * 3  # left for the applicant
    word.add_table(layout.document, columns, [*rows, [layout.label("sum"), "", "", f.plan.sum]], width=layout.width,
                   sum_rows=1)


def _by_whom(specification: str, party: str, lang: str) -> str:
    """An in-kind line's note: "i natura", with the party unless the specification names it."""
    in_kind = w("in_kind_short", lang)
    return in_kind if party in specification else f"{party}, {in_kind}"


def _described(layout: Layout, line, category: str | None) -> str:
    """A line as a form's one column shows it: the name, and under it the specification when
    that adds something; an in-kind line says who bears it."""
    title, detail = name_and_detail(line, category)
    text = f"{title}\n{detail}" if detail else title
    party = getattr(line, "party", None)
    if party:
        text += f" ({_by_whom(text, party, layout.lang)})"
    return text


def _cost_rows(layout: Layout) -> list[list[str]]:
    rows = []
    budget = layout.computation.budget
    for row, line in zip(layout.fields.costs.rows, budget.lines):
        if layout.section.columns == "line":
            rows.append([_described(layout, line, None), *layout.amounts(row.amounts, row.total)])
        else:
            rows.append([row.category, _described(layout, line, row.category), *layout.amounts(row.amounts, row.total)])
    return rows


def _table_size(layout: Layout) -> word.Points:
    return word.TABLE_PT if len(layout.year_headings()) <= 4 else 8


def _cost_table(layout: Layout) -> tuple[list[Column], list[list[str]]]:
    f = layout.fields
    total = layout.amounts(f.costs.sum.amounts, f.costs.sum.total)
    if layout.section.columns == "line":
        columns = [Column(layout.label("period_column")), *layout.amount_columns()]
        return columns, [*_cost_rows(layout), [layout.label("sum"), *total]]
    columns = [Column(layout.label("category"), fit=True), Column(layout.label("specification")),
               *layout.amount_columns()]
    return columns, [*_cost_rows(layout), [layout.label("sum"), "", *total]]


def _category_table(layout: Layout) -> tuple[list[Column], list[list[str]]]:
    f = layout.fields
    columns = [Column(layout.label("category")), *layout.amount_columns()]
    rows = [[r.name, *layout.amounts(r.amounts, r.total)] for r in f.categories.rows]
    return columns, [*rows, [layout.label("sum"), *layout.amounts(f.categories.sum.amounts, f.categories.sum.total)]]


def _funder_name(row, lang: str) -> str:
    in_kind = w("in_kind_short", lang)
    return f"{row.name} ({in_kind})" if row.kind == catalogue.text("word.in_kind", lang) and in_kind not in row.name \
        else row.name


def _financing_table(layout: Layout) -> tuple[list[Column], list[list[str]]]:
    f, lang = layout.fields, layout.lang
    columns = [Column(layout.label("funder_column")), *layout.amount_columns()]
    left = list(f.financing.rows)
    rows = []
    for name in layout.section.rows:  # the form's pre-printed funders, filled in where the budget has them
        match = next((r for r in left if _key(r.name) == _key(name)), None)
        if match is None:
            rows.append([name, *layout.amounts([""] * len(f.years), "")])
        else:
            left.remove(match)
            rows.append([name, *layout.amounts(match.amounts, match.total)])  # the form's words for the row
    rows += [[_funder_name(r, lang), *layout.amounts(r.amounts, r.total)] for r in left]  # others below them
    rows += [["", *layout.amounts([""] * len(f.years), "")] for _ in range(layout.section.blank_rows)]
    return columns, [*rows, [layout.label("sum"), *layout.amounts(f.financing.sum.amounts, f.financing.sum.total)]]


# the tables with a column per budget year: too many years for a portrait page turn it landscape
AMOUNT_TABLES = {"costs": _cost_table, "categories": _category_table, "financing": _financing_table}


def _amount_block(key: str) -> Callable[[Layout], None]:
    def block(layout: Layout) -> None:
        columns, rows = AMOUNT_TABLES[key](layout)
        if layout.section.labels.get("amounts_in") is None or layout.label("amounts_in"):
            word.add_paragraph(layout.document, layout.label("amounts_in"), size=8.5, align="r", keep_with_next=True)
        word.add_table(layout.document, columns, rows, width=layout.width, sum_rows=1, size=_table_size(layout))
    return block


def needs_landscape(section: Section, layout: Layout) -> bool:
    """True when the section's table does not fit the width of a portrait page."""
    if section.block not in AMOUNT_TABLES:
        return False
    layout.section = section
    columns, rows = AMOUNT_TABLES[section.block](layout)
    return not word.table_fits(columns, rows, layout.width, _table_size(layout))


def _signatures(layout: Layout) -> None:
    f, lang = layout.fields, layout.lang
    names = [s.party for s in f.project.signatories] or [""]
    for name in names:
        word.add_paragraph(layout.document, w("for_party", lang, party=name) if name else "", bold=True,
                           keep_with_next=True)
        word.add_form_table(layout.document, [(w(k, lang), "") for k in
                                              ("place_date", "signature", "clarification", "position")],
                            width=layout.width, label_share=0.3, tall=(1,), keep_together=True)
        word.add_paragraph(layout.document)


def _signature_grid(layout: Layout) -> None:
    project = layout.fields.project
    parties = [p.name for p in project.parties]
    applicant = project.applicant
    if applicant and not any(applicant == p or applicant.startswith(f"{p},") for p in parties):
        parties.insert(0, applicant)  # the one applying signs first, unless it is one of the parties
    boxes.add_signature_grid(layout.document, parties, width=layout.width, signature=layout.label("signature"),
                             date=layout.label("date"))


def _justification_rows(layout: Layout, year: Node) -> list[list[str]]:
    lang = layout.lang
    rows = []
    lines = {line.name: line for line in layout.computation.budget.lines}
    for entry in year.lines:
        calculation = entry.calculation
        if entry.party:
            by_whom = _by_whom(entry.label, entry.party, lang)
            calculation = f"{calculation} ({by_whom})" if calculation else by_whom
            if not entry.amount:
                calculation += f", {w('not_stated', lang)}"
        title, detail = name_and_detail(lines[entry.name])
        rows.append([f"{title}\n{detail}" if detail else title, calculation, entry.amount])
    rows.append([w("year_sum", lang, label=year.label), "", year.costs])
    return rows


def _justification(layout: Layout) -> None:
    f, lang = layout.fields, layout.lang
    columns = [Column(layout.label("line"), 3.0), Column(layout.label("calculation"), 3.6),
               Column(layout.label("amount"), 1.15, "r")]
    tables = [(year, _justification_rows(layout, year)) for year in f.years]
    # the same columns in every year's table: measured on all of them
    widths = word.column_widths(columns, [row for _, rows in tables for row in rows], layout.width, word.TABLE_PT)
    for year, rows in tables:
        word.add_heading(layout.document, f"{year.label} ({year.start} – {year.end}, {year.months} "
                         f"{catalogue.text('word.months', lang)})", level=2)
        word.add_table(layout.document, columns, rows, width=layout.width, sum_rows=1, widths=widths)
    word.add_paragraph(layout.document)
    word.add_paragraph(layout.document, w("period_total", lang, period=f.project.period, months=f.project.months,
                                          total=f.costs.total), bold=True)


def _applies_sentence(layout: Layout) -> str:
    f, lang = layout.fields, layout.lang
    applicant = f.project.applicant or f.project.owner.name or w("applicant", lang)
    funder = f.project.funder or w("funder", lang)
    return w("applies", lang, applicant=applicant, amount=f.applied_amount, funder=funder, project=f.project.name,
             period=f.project.period)


def _closing(layout: Layout) -> None:
    f, lang = layout.fields, layout.lang
    if f.applied_amount:
        word.add_paragraph(layout.document, _applies_sentence(layout))
    in_kind = [f"{line.name} ({line.party})" for line in f.lines if line.party]
    if in_kind:
        word.add_paragraph(layout.document, w("in_kind", lang, items="; ".join(in_kind)))


def _applies(layout: Layout) -> None:
    """Who applies, for what period and how much: the Kalmar form's *Ansökan*."""
    f, lang = layout.fields, layout.lang
    if not f.applied_amount:
        return
    applicant = f.project.applicant or f.project.owner.name or f.project.party_names or w("applicant", lang)
    funder = f.project.funder or w("funder", lang)
    row = layout.computation.financing.applicant_row
    years = ""
    if row is not None and len(f.years) > 1:
        from grantcalc import formatting as fmt

        years = " (" + ", ".join(f"{y.label}: {fmt.money(row.amount(key), lang)}" for y, key in
                                 zip(f.years, [y.key for y in layout.computation.years])) + ")"
    word.add_paragraph(layout.document, w("applies_period", lang, applicant=applicant, funder=funder,
                                          period=f.project.period_long, amount=f.applied_amount, years=years))


BLOCKS: dict[str, Callable[[Layout], None]] = {
    "general": _general, "parties": _parties, "owner": _owner, "contacts": _contacts,
    "description": _description, "plan": _plan, "costs": _amount_block("costs"),
    "categories": _amount_block("categories"), "financing": _amount_block("financing"),
    "signatures": _signatures, "justification": _justification, "closing": _closing, "applies": _applies,
    "signature_grid": _signature_grid,
}


# --- a form, section by section ----------------------------------------------------------------
def _items(layout: Layout, section: Section) -> list[Node | None]:
    if section.each is None:
        return [layout.item]
    found = list(layout.fields.project[section.each])
    return found or [Node(f"project.{section.each}[]", dict.fromkeys(ITEMS[section.each], ""))]


def _boxes(layout: Layout, section: Section) -> None:
    rows = [[(layout.fill((box.first if layout.first and box.first else box.label)(layout.lang)),
              layout.value(box.value) if box.value else "") for box in row] for row in section.boxes]
    tall = [i for i, row in enumerate(section.boxes) if any(box.tall for box in row)]
    boxes.add_boxes(layout.document, rows, width=layout.width, tall=tall)


def _content(layout: Layout, section: Section) -> None:
    """What a section holds under its heading, in the form's order."""
    lang, document = layout.lang, layout.document
    layout.section = section
    if section.guidance:  # the form's question stays with the room for its answer
        guidance = word.add_guidance(document, layout.fill(section.guidance(lang)))
        guidance.paragraph_format.keep_with_next = True
    follows = bool(section.boxes or section.block or section.items)
    for text in section.text:  # a fixed text stays on the page of what it introduces (a signature block)
        word.add_paragraph(document, layout.fill(text(lang)), keep_with_next=follows)
    if section.boxes:
        _boxes(layout, section)
    if section.block:
        BLOCKS[section.block](layout)
    for part in section.parts:
        word.add_paragraph(document, layout.fill(part(lang)), bold=True, keep_with_next=True)
        word.add_paragraph(document)
    if section.answer and section.block != "description":
        boxes.add_answer(document, [], width=layout.width, lines=section.answer)
    if section.note:
        note = word.add_paragraph(document, layout.fill(section.note(lang)), italic=True, size=9)
        note.paragraph_format.space_before = Pt(4)
    if section.chart:
        layout.picture(section.chart, w(f"chart_{section.chart}", lang))


def _section(layout: Layout, section: Section) -> None:
    outer, first = layout.item, layout.first
    for n, item in enumerate(_items(layout, section), start=1):
        layout.item = item
        if section.each == "signatories":  # Insatsägare only for the one responsible, not merely the first
            layout.first = item is not None and item["owner"] == catalogue.text("word.yes", layout.lang)
        elif section.each is not None:
            layout.first = n == 1
        title = section.title(layout.lang, n)
        if title:
            word.add_heading(layout.document, layout.fill(title), level=min(section.level_of, 3))
        _content(layout, section)
        for inner in section.items:
            _section(layout, inner)
    layout.item, layout.first = outer, first


def _labelled(layout: Layout, sections: list[Section]) -> None:
    """The Kalmar layout: one two-column table down the pages, the label to the left."""
    document, width = layout.document, layout.width
    table = widths = None
    for section in sections:
        if section.full_width:
            if table is not None:
                word.add_paragraph(document)  # two tables one after the other would be read as one
            table = None
            if section.heading:
                word.add_heading(document, layout.fill(section.title(layout.lang)), level=min(section.level_of, 3))
            _content(layout, section)
            continue
        if section.block in AMOUNT_TABLES and not _fits_column(layout, section, width):
            # too many years for the text column: the label, then its tables across the page
            if table is not None:
                word.add_paragraph(document)
            table = None
            word.add_paragraph(document, layout.fill(section.title(layout.lang)), bold=True, keep_with_next=True)
            _content(layout, section)
            for inner in section.items:
                word.add_paragraph(document)  # two tables one after the other would be read as one
                _content(layout, inner)
            word.add_paragraph(document)
            continue
        if table is None:
            table, widths = boxes.add_label_table(document, width=width)
        assert widths is not None
        cell = boxes.label_row(table, layout.fill(section.title(layout.lang)), widths)
        layout.document, layout._width = cell, widths[1] - word.CELL_PADDING
        try:
            _content(layout, section)
            for inner in section.items:  # more of the same field: the Intäkter table under the costs
                _content(layout, inner)
            if not (section.block or section.boxes or section.text or section.parts or section.answer):
                boxes.room(cell)  # room to write in
        finally:
            layout.document, layout._width = document, None
        boxes.trim_first(cell)


def _fits_column(layout: Layout, section: Section, width: int) -> bool:
    """Whether a section's amount tables fit the text column of a label table ``width`` wide."""
    # with room to spare: a table inside a cell is laid out tighter than the estimate (LibreOffice
    # broke the figures of a four-year table that the estimate let through)
    column = (width - int(width * boxes.LABEL_SHARE) - word.CELL_PADDING) * 3 // 4
    for part in [section, *section.items]:
        if part.block in AMOUNT_TABLES:
            layout.section = part
            columns, rows = AMOUNT_TABLES[part.block](layout)
            size = _table_size(layout)
            columns[0] = Column("", columns[0].weight)  # its heading (Perioden …) wraps; the figures may not
            if not word.table_fits(columns, rows, column, size):
                return False
            widths = word.column_widths(columns, rows, column, size)
            for index, (heading, width_of) in enumerate(zip(columns, widths)):
                texts = [heading.heading, *(row[index] for row in rows)]
                if heading.fit and width_of < max(word.text_span(t, size, bold=True) for t in texts):
                    return False  # a figure would break across lines
    return True


def build_document(form: Form, fields: Node, computation: Computation, lang: str,
                   charts: dict[str, bytes] | None = None):
    """The form filled in from ``fields``: a python-docx ``Document``."""
    document = Document()
    title = form.title(lang).replace("\n", " ")
    # the running header names the project and the form; the author is the applicant
    word.set_up(document, lang, f"{title} – {fields.project.name}", author=computation.budget.project.applicant or "",
                header=f"{title} – {fields.project.name}")
    layout = Layout(document, fields, computation, lang, charts, form=form)
    word.add_heading(document, form.title(lang), level=0)
    if form.subtitle:
        word.add_paragraph(document, fields.project.name, bold=True, size=13)
        word.add_paragraph(document, " · ".join(filter(None, [fields.project.funder, fields.project.period])),
                           italic=True)
    for text in form.intro:
        filled = layout.fill(text(lang))
        if filled.strip():
            word.add_paragraph(document, filled)
    if form.office:
        boxes.add_boxes(document, [[(words(lang), "") for words in form.office]], width=layout.width)
        word.add_paragraph(document)
    if form.layout == "labelled":
        _labelled(layout, form.sections)
        return document
    wide = [needs_landscape(section, layout) for section in form.sections]
    for index in range(len(wide) - 2, -1, -1):  # a bare heading goes with the wide section it introduces
        section = form.sections[index]
        if wide[index + 1] and not (section.block or section.guidance or section.note or section.chart
                                    or section.boxes or section.text or section.items):
            wide[index] = True
    landscape = False
    for index, section in enumerate(form.sections):
        if wide[index] != landscape:
            word.new_section(document, landscape=wide[index])
            landscape = wide[index]
        _section(layout, section)
    return document
