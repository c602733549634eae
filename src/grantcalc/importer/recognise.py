"""From a read :class:`~grantcalc.importer.document.Document` to a :class:`Draft`: what the
application states, in the budget's terms, before any line is fitted to a kind.

The document is walked as rows of cells in reading order: a table's rows, and each paragraph
(a pasted line) split into cells at tabs and runs of spaces. Two shapes of budget are read:

- **year columns** (Gävleborg's 8.1, a spreadsheet, Gemensam kraft's table): a header row
  names the budget years ("År 2022", "2023", "År 1") and perhaps *Totalt*; each row below is a
  cost line (category and specification in its first cells), a group heading (a label alone:
  the category of the rows under it), or a *Summa* row. A header with *Finansiär* or
  *Intäkter* starts a financing table; one with *Aktivitet* the time and activity plan.
- **year sections** (Öka's 2.9): a heading that is a budget year ("2024, 15 SEPT–31 DEC"),
  then one row per line, "label formula = amount", and "Summa kostnader …". The same line in
  several sections is matched by its name's first words.

Metadata (name, period, applicant, funder, applied amount) is read from label–value pairs
("Insatsens namn<TAB>…", "Sökt belopp: 1.420.000 kr") and, failing them, from sentences.
Nothing here invents a figure: what is not read is left out, with a note.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from grantcalc.errors import Problem, Severity
from grantcalc.importer import text as tx
from grantcalc.importer.document import Document, Paragraph, Place, Table
from grantcalc.importer.read.common import where
from grantcalc.messages import Bilingual

__all__ = ["Cell", "Row", "FunderRow", "PlanRow", "Draft", "recognise", "at", "said"]

MAX_ROWS = 20_000  # rows of all tables and lines looked at: a budget has dozens
MAX_LINES = 5_000  # cost lines recognised: the largest real budgets have a few hundred


@dataclass(slots=True)
class Cell:
    """One printed figure: its amount, whether written approximately ("ca"), the text as printed
    (a formula when there is one), the formula read from it, and where it stands."""

    amount: Decimal
    text: str
    place: Place
    approx: bool = False
    formula: tx.Formula | None = None


@dataclass(slots=True)
class Row:
    """A cost line as the document prints it, across its years."""

    label: str
    place: Place
    category: str | None = None
    spec: str | None = None
    years: dict[int, Cell] = field(default_factory=dict)
    total: Cell | None = None
    labels: list[str] = field(default_factory=list)  # its label in every year section
    in_kind: str | None = None  # the party carrying it, when it is paid in kind
    group_note: str | None = None  # the group heading's own words ("år 2023 20 % därefter 10 %")


@dataclass(slots=True)
class FunderRow:
    name: str
    place: Place
    years: dict[int, Cell] = field(default_factory=dict)
    total: Cell | None = None
    in_kind: bool = False


@dataclass(slots=True)
class PlanRow:
    name: str
    place: Place
    start: date | None = None
    end: date | None = None
    cost: Cell | None = None


@dataclass(slots=True)
class Subtotal:
    name: str
    place: Place
    rows: list[int]
    years: dict[int, Cell] = field(default_factory=dict)
    total: Cell | None = None


@dataclass(slots=True)
class Draft:
    """What was read: metadata, budget years, cost rows, financing, plan, totals and notes."""

    name: str | None = None
    applicant: str | None = None
    funder: str | None = None
    parties: list[str] = field(default_factory=list)
    period: tuple[date, date] | None = None
    period_place: Place | None = None
    period_labelled: bool = False  # read beside a label ("Projektperiod"), not only found in a sentence
    project_years: bool = False
    years: list[tx.YearLabel] = field(default_factory=list)
    rows: list[Row] = field(default_factory=list)
    costs: dict[int | str, Cell] = field(default_factory=dict)
    costs_rows: list[int] = field(default_factory=list)  # the rows the cost total adds
    subtotals: list[Subtotal] = field(default_factory=list)
    funders: list[FunderRow] = field(default_factory=list)
    financing: dict[int | str, Cell] = field(default_factory=dict)
    applied: Cell | None = None
    applied_row: dict[int | str, Cell] = field(default_factory=dict)  # the applied amount per year, when printed
    plan: list[PlanRow] = field(default_factory=list)
    plan_total: Cell | None = None
    price_rules: list[tuple[Decimal, Decimal, Place]] = field(default_factory=list)  # (per places, price/year)
    raises: list[tuple[Decimal, Place]] = field(default_factory=list)
    notes: list[Problem] = field(default_factory=list)
    applicant_pending: bool = False
    full: bool = False  # MAX_LINES cost lines read: the rest is left out
    scale: Decimal = Decimal(1)  # what a table's figure is in kronor (1000 under "belopp i tkr")
    section_rows: dict[int, list[int]] = field(default_factory=dict)  # per year section: its rows, in order
    section_mark: dict[int, int] = field(default_factory=dict)  # per year section: rows before the last sub-total

    def note(self, code: str, place: Place | None, severity: Severity = Severity.info, **params: object) -> None:
        self.notes.append(Problem(code, severity, (), {**params, **at(place)}))

    def year_keys(self) -> list[int]:
        return [y.key for y in self.years]


def at(place: Place | None) -> dict[str, object]:
    """A note's place as its params carry it: ``at``, in the words of the language it is read in
    (``rad 19`` / ``line 19``); nothing for a note of the whole document."""
    return {} if place is None else {"at": where(place)}


def said(note: Problem, lang: str, word: str = "") -> str:
    """A note as the report and the YAML's comments say it: its place, ``word`` (its severity), then its
    message (a reader's own note names its place in its message)."""
    place = note.params.get("at")
    text = place.text(lang) if isinstance(place, Bilingual) else ""
    return f"{text}: {word}{note.message(lang)}" if text else f"{word}{note.message(lang)}"


# ---------------------------------------------------------------- rows of cells

@dataclass(slots=True)
class _Line:
    cells: list[str]
    place: Place
    numbers: list[Decimal | None] | None = None  # typed values of a sheet's cells
    heading: bool = False
    table: bool = False
    heads: list[str] | None = None  # each cell's first line: a name above its specification


def _split(text: str) -> list[str]:
    """A pasted line's cells: at tabs, else at runs of two or more spaces."""
    text = text[:tx.MAX_TEXT]
    if "\t" in text:
        return [c.strip() for c in text.split("\t")]
    return [c.strip() for c in re.split(r" {2,}|\u00a0{2,}", text.strip())]


def _lines(document: Document, draft: Draft) -> list[_Line]:
    out: list[_Line] = []
    for block in document.blocks:
        if isinstance(block, Paragraph):
            for k, part in enumerate(block.text.split("\n")):
                if part.strip():
                    place = block.place if k == 0 or block.place.line is None else \
                        Place(page=block.place.page, line=block.place.line + k)
                    out.append(_Line(_split(part), place, heading=block.heading is not None))
        elif isinstance(block, Table):
            for i, row in enumerate(block.rows):
                cells = [tx.clean(c) for c in row]
                numbers = list(block.numbers[i]) if block.numbers is not None else None
                if any(cells):
                    # a Word cell's paragraphs are the writer's own (a name, then its specification); a
                    # PDF cell's lines are where the text wrapped, and mean nothing
                    heads = [tx.clean(c.strip().split("\n")[0]) for c in row] if document.kind == "docx" else None
                    out.append(_Line(cells, block.row_places[i], numbers, table=True, heads=heads))
            out.append(_Line([], block.place, table=True))  # a table ends: an empty line
        if len(out) > MAX_ROWS:
            draft.note("import.too_many_rows", out[-1].place, Severity.warning, n=MAX_ROWS)
            break
    return out


# ---------------------------------------------------------------- metadata

_LABELS = {
    "name": ("insatsens namn", "projektets namn", "projektnamn", "projektansökan", "namn på insatsen",
             "namn på projektet",
             "projektets titel", "insatsens titel", "projekttitel", "namn"),
    "period": ("planerad insatstid", "projektperiod", "projekttid", "insatstid", "tidsperiod", "period",
               "genomförandetid", "projektets period"),
    "applied": ("ansökta medel", "sökt belopp", "sökta medel", "ansökt belopp", "belopp som söks",
                "sökt bidrag", "ansökan avser belopp", "totalt sökt belopp"),
    "applicant": ("sökande organisation", "sökande", "projektägare", "ansvarig för genomförandet",
                  "huvudman", "ansvarig organisation"),
    "party": ("organisationens namn", "organisation", "förbundsmedlem"),
    "parties": ("parter", "samverkansparter", "projektets parter", "medverkande parter", "samverkanspartner"),
    "funder": ("finansiär", "mottagare", "till"),
}
_FUNDER = re.compile(
    r"\b((?:Samordningsförbund(?:et)?|Finsamförbund(?:et)?)(?:\s+i)?(?:\s+[A-ZÅÄÖ][\wåäöÅÄÖéü-]*){1,3}(?:\s+län)?"
    r"|(?:[A-ZÅÄÖ][\wåäöéü-]*\s+){1,2}[Ss]amordningsförbund(?:et)?|Allmänna arvsfonden|Arvsfonden"
    r"|Svenska ESF-rådet|ESF-rådet)")
_APPLIED_SENTENCE = re.compile(r"(?i)(?:ansöker om|söker|ansöks om)\s+(?:[^\W\d]+\s+){0,2}"
                               r"((?:ca\.?\s*)?[\d][\d .,\u00a0]*\s*(?:kr|kronor|sek))")
_PRICE = re.compile(r"(?i)för\s+(\d+)\s+platser[^.\d]{0,60}?([\d][\d .\u00a0]*\d)\s*(?:kr|kronor)\s*(?:per|/|om)\s*år")
_RAISE = re.compile(r"(?i)löne(?:ökn(?:ing)?|uppräkning|revision)\.?[^%\d]{0,30}(\d+(?:,\d+)?)\s*%|"
                    r"(\d+(?:,\d+)?)\s*%\s*(?:årlig\s+)?löneökn")


def _label_value(cells: list[str], labels: tuple[str, ...]) -> str | None:
    """The value after a label: in the next cell, or after a colon/the label in the same cell."""
    first = cells[0] if cells else ""
    low = first.casefold().rstrip(" :")
    for label in labels:
        if low == label or re.fullmatch(re.escape(label) + r"\s*(\(.*\))?", low):
            rest = [c for c in cells[1:] if c]
            return rest[0] if rest else ""
        if low.startswith(label) and len(first) > len(label) and first[len(label)] in " :\t(":
            others = [c for c in cells[1:] if c]
            if others and not re.search(r"\d", first[len(label):]):
                return others[0]  # "Ansökta medel från Samordningsförbund Gävleborg<TAB>2 480 208 kr"
            tail = re.sub(r"^\s*(\([^)]*\))?\s*[:–-]?\s*", "", first[len(label):])
            if tail:
                return tail
    return None


def _metadata(lines: list[_Line], draft: Draft) -> None:
    pending: str | None = None  # a label on a line of its own: its value is the next line
    for line in lines:
        cells = [c for c in line.cells if c] if not line.table else line.cells
        if not cells or not any(cells):
            continue
        joined = tx.clean(" ".join(c for c in cells if c))
        if pending is not None:
            if pending == "party" and line.table is False and len(cells) >= 1:
                joined = cells[0]
            _take(draft, pending, joined, line.place)
            pending = None
            continue
        if re.match(r"(?i)^\d*\.?\s*(ansvarig för genomförandet|sökande organisation|projektägare|sökande)\b",
                    joined):
            draft.applicant_pending = True
        elif re.match(r"^\d+\.\s", joined):
            draft.applicant_pending = False
        if re.match(r"(?i)^organisationens namn\b", cells[0]) and len(cells) >= 2 and _is_label(cells[1]):
            pending = "party"  # "Organisationens namn<TAB>Organisationsnummer": the values are on the next line
            continue
        for what, labels in _LABELS.items():
            value = _label_value(cells, labels)
            if value is None:
                continue
            if value == "" and not line.table and what != "party":
                pending = what
            elif value:
                _take(draft, what, value, line.place)
            break
        if draft.applicant is None:
            m = re.search(r"^(?:(?:[Aa]nsökan|[Ss]ökande)\s+)?([A-ZÅÄÖ][^.]{2,90}?),?\s+ansöker\s+(?:hos|om|härmed)",
                          joined)
            if m:
                draft.applicant = m.group(1).strip(" ,")
        if draft.applied is None:
            m = _APPLIED_SENTENCE.search(joined)
            if m:
                found = tx.amount_of(m.group(1))
                if found:
                    draft.applied = Cell(found[0], m.group(1).strip(), line.place, found[1])
        if not draft.period_labelled:
            span = tx.date_range(joined) or tx.month_range(joined)
            # unlabelled, the widest period stated is the project's (a justification prints each
            # year's own dates too: "2024  (2024-09-15 – 2024-12-31)")
            if span and (draft.period is None or span[1] - span[0] > draft.period[1] - draft.period[0]):
                draft.period, draft.period_place = span, line.place
        if draft.funder is None:
            m = _FUNDER.search(joined)
            if m:
                draft.funder = m.group(1).strip()
        for m in _PRICE.finditer(joined):
            price = tx.amount_of(m.group(2))
            if price:
                draft.price_rules.append((Decimal(m.group(1)), price[0], line.place))
    if draft.name is None:
        for line in lines:
            text = tx.clean(" ".join(line.cells))
            titled = re.match(r"(?i)^#*\s*(ansökan|ansökningsblankett|blankett|bilaga)\b.*?\s[–—-]\s(.{3,100})$", text)
            if titled:  # "Ansökan till Samordningsförbundet X – Prova på-verkstan i Habo"
                draft.name = titled.group(2).strip()
                draft.note("import.name_from_first_line", line.place)
                break
            if re.match(r"(?i)^#*\s*(ansökan|ansökningsblankett|blankett|bilaga|hej|hejsan|hallå)\b", text):
                continue  # "Ansökan om medel från …": the form's title, not the project's
            if text and not tx.year_label(text) and not re.match(r"^\d", text) and len(text) < 120:
                draft.name = re.sub(r"^#+\s*", "", text)
                draft.note("import.name_from_first_line", line.place)
                break


def _is_label(text: str) -> bool:
    """A form's own label where a value was expected ("Organisationsnummer", "av insatsen")."""
    low = text.casefold()
    return low.endswith(("nummer", "namn", "adress", "insatsen", "projektet")) or low.startswith(("av ", "för "))


def _take(draft: Draft, what: str, value: str, place: Place) -> None:
    value = tx.clean(value)
    if not value:
        return
    if what == "parties":
        text = re.sub(r"(?i)^(projektets|insatsens)?\s*(parter|samverkansparter)\s+(är|:)\s*", "", value).rstrip(".")
        for name in re.split(r",\s*|\s+och\s+", text):
            name = name.strip()
            if name and len(name) < 80 and name not in draft.parties:
                draft.parties.append(name)
        return
    if what == "party":
        if _is_label(value):
            return
        if draft.applicant_pending and draft.applicant is None:
            draft.applicant = value
        if not any(value == p or value.startswith(p + ",") for p in draft.parties):
            draft.parties.append(value)
        return
    if what == "applicant" and _is_label(value):
        return
    if what == "name" and draft.name is None:
        draft.name = value
    elif what == "applicant" and draft.applicant is None:
        draft.applicant = value
    elif what == "funder" and draft.funder is None and not tx.amount_of(value):
        draft.funder = re.split(r",\s|\s\(", value, maxsplit=1)[0]  # "Svenska ESF-rådet, Europeiska socialfonden+"
    elif what == "period":
        span = tx.date_range(value) or tx.month_range(value)
        if span and not draft.period_labelled:
            draft.period, draft.period_place, draft.period_labelled = span, place, True
    elif what == "applied" and draft.applied is None:
        found = tx.amount_of(value) or tx.amount_of(value.split("(")[0])
        if found is None:
            m = re.search(r"(?:ca\.?\s*)?\d[\d .,\u00a0]*", value)
            found = tx.amount_of(m.group(0)) if m else None
        if found:
            draft.applied = Cell(found[0], value, place, found[1])


# ---------------------------------------------------------------- tables

_FINANCING_WORDS = ("finansiär", "finansiärer", "intäkter", "finansiering", "medfinansiering", "finansieringsbudget")
_PLAN_WORDS = ("aktivitet", "aktiviteter")
_COST_WORDS = ("kostnadsslag", "kostnader", "kostnadsbudget", "kostnad", "budget")
_IN_KIND = re.compile(r"(?i)\b(?:genom|i form av|i natura|in kind|natura)\b")
_PAID_BY = re.compile(r"(?i)(?:(?:finansieras|bekostas|betalas|står)\s+(?:av|för)\s+|i natura:\s*)(.+?)\s*(?:\(.*)?$")
_SECTION = re.compile(r"^\s*(?:#+\s*)?\d+(?:\.\d+)*\.?\s+[A-ZÅÄÖ]")


@dataclass(slots=True)
class _Header:
    kind: str  # costs, financing, plan
    years: list[tx.YearLabel]
    columns: list[int | str | None]  # per cell: a year key, "total", "label", or None (an unused column)
    label_cells: int  # cells before the first figure column
    place: Place
    text_header: bool  # a pasted line, not a real table row: cells may not line up
    names: tuple[str, ...] = ()  # the header's own cell texts
    closed: bool = False  # a financing table's Summa is read: the rows under it are no funders


def _header(line: _Line, context: str | None) -> _Header | None:
    cells = line.cells
    if not cells:
        return None
    labels = [tx.year_label(c) for c in cells]
    years = [y for y in labels if y]
    text_header = False
    if not years and len([c for c in cells if c]) <= 2:
        # a pasted header in one run: "Kostnadsslag Kostnadsspecifikation År 2022 År 2023 År 2024 År Totalt"
        joined = " ".join(cells)
        found = re.findall(r"(?i)(?:(?:projekt)?år\s*)?\b(?:20\d{2}|19\d{2})\b|(?i:(?:projekt)?år)\s*\d{1,2}\b", joined)
        without = re.sub(r"(?i)(?:(?:projekt)?år\s*)?\b(?:20\d{2}|19\d{2})\b|(?:projekt)?år\s*\d{1,2}\b", "", joined)
        if len(found) >= 2 and not re.search(r"\d", without):
            pieces = [p.strip() for p in found]
            rest = without.split()
            label_words = [w for w in rest if w.casefold() not in ("år", "totalt", "total", "summa")]
            cells = ([" ".join(label_words)] if label_words else []) + pieces + \
                [w for w in rest if w.casefold() in ("totalt", "total", "summa")]
            labels = [tx.year_label(c) for c in cells]
            years = [y for y in labels if y]
            text_header = True
    if not years or len([c for c in cells if c]) < 2:
        return None
    totals = [c for c in cells if c.casefold() in ("totalt", "total", "summa", "totalt kr", "summa kr")]
    if len(years) < 2 and not totals:
        return None  # "extern utvärdering, slutrapport  år 3": a text that names a year, no header
    first_year = next(i for i, y in enumerate(labels) if y)
    if any(tx.amount_of(c) for c in cells[:first_year]) or any(
            re.search(r"\d", c) and not tx.year_label(c) for c in cells[first_year:] if c):
        return None  # figures beside the years: a row, not a header
    low = " ".join(cells).casefold()
    kind = "costs"
    if any(w in low for w in _FINANCING_WORDS) or (context == "financing" and not any(w in low for w in _COST_WORDS)):
        kind = "financing"
    if any(w in low for w in _PLAN_WORDS):
        kind = "plan"
    columns: list[int | str | None] = []
    first_figure = None
    for i, (c, y) in enumerate(zip(cells, labels, strict=True)):
        if y:
            columns.append(y.key)
            first_figure = i if first_figure is None else first_figure
        elif c.casefold() in ("totalt", "total", "summa", "totalt kr", "summa kr", "total kr"):
            columns.append("total")
        elif first_figure is not None:
            columns.append(None)  # "År" with no year, or an unnamed column after the years: unused
        else:
            columns.append("label")
    return _Header(kind, years, columns, first_figure or 0, line.place, text_header or not line.table,
                   tuple(c.casefold() for c in cells))


def _long_header(line: _Line) -> dict[str, int] | None:
    """A table of one row per line and year: Kostnadsrad | Kostnadsslag | År | Belopp | … | Formel."""
    low = [c.casefold() for c in line.cells]
    out: dict[str, int] = {}
    for i, c in enumerate(low):
        if c in ("kostnadsrad", "rad", "post", "budgetpost"):
            out["name"] = i
        elif c in ("år", "budgetår", "year"):
            out["year"] = i
        elif c in ("belopp", "kostnad", "amount"):
            out["amount"] = i
        elif c in ("formel", "beräkning", "formula"):
            out["formula"] = i
        elif c in ("kostnadsslag", "category"):
            out["category"] = i
        elif c in ("specifikation", "kostnadsspecifikation"):
            out["spec"] = i
    return out if {"name", "year", "amount"} <= out.keys() else None


def _long_row(line: _Line, columns: dict[str, int], draft: Draft) -> bool:
    """One line-year of a long table: its formula joins the line's figure of that year."""
    cells = line.cells

    def at(key: str) -> str:
        i = columns.get(key)
        return cells[i] if i is not None and i < len(cells) else ""

    year = tx.year_label(at("year"))
    name = at("name")
    if year is None or not name:
        return False
    number = None
    if line.numbers is not None and columns["amount"] < len(line.numbers):
        number = line.numbers[columns["amount"]]
    cell = _cell(at("amount"), line.place, number, draft.scale)
    if cell is None:
        return True
    formula = tx.parse_formula(at("formula")) if "=" in at("formula") else None
    if formula is not None and formula.result == cell.amount:
        cell = Cell(cell.amount, formula.text, line.place, formula.approx, formula)
    row = next((r for r in draft.rows if r.label.casefold() == name.casefold()), None)
    if row is None:
        row = Row(name, line.place, category=at("category") or None, spec=at("spec") or None, labels=[name])
        draft.rows.append(row)
    if at("spec") and at("spec") not in row.labels:
        row.labels.append(at("spec"))
    old = row.years.get(year.key)
    if old is None or old.amount == cell.amount:
        row.years[year.key] = cell if cell.formula is not None or old is None else old
    if year.key not in [y.key for y in draft.years]:
        draft.years.append(year)
    return True


def _plan_header(line: _Line) -> dict[str, int] | None:
    low = [c.casefold() for c in line.cells]
    if not any(c.startswith("aktivitet") for c in low):
        return None
    out: dict[str, int] = {}
    for i, c in enumerate(low):
        if c.startswith("aktivitet"):
            out["name"] = i
        elif c.startswith("start"):
            out["start"] = i
        elif c.startswith(("slut", "till")):
            out["end"] = i
        elif c.startswith(("kostnad", "belopp")):
            out["cost"] = i
    return out if "cost" in out or "start" in out else None


def _cell(text: str, place: Place, number: Decimal | None = None, scale: Decimal = Decimal(1)) -> Cell | None:
    got = _cell_at(text, place, number)
    if got is not None and scale != 1:
        got = Cell(got.amount * scale, format(got.amount * scale, "f"), place, got.approx)  # tkr → kr
    return got


def _cell_at(text: str, place: Place, number: Decimal | None = None) -> Cell | None:
    if number is not None:
        return Cell(number, text, place)
    found = tx.amount_of(text)
    if found is None:
        formula = tx.parse_formula(text)
        if formula is not None and formula.result is not None and not formula.label:
            return Cell(formula.result, formula.text, place, formula.approx, formula)
        return None
    return Cell(found[0], text, place, found[1])


def _row_values(line: _Line, header: _Header, draft: Draft) -> tuple[list[str], dict[int | str, Cell]] | None:
    """A row under a year-column header: its label cells and its figure per column key."""
    figure_columns = [k for k in header.columns if k not in ("label",)]
    used = [k for k in figure_columns if k is not None]
    if (not header.text_header and len(line.cells) >= len(header.columns) - 1 and line.table) or \
            (not header.text_header and len(line.cells) == len(header.columns)):
        labels = [c for c, k in zip(line.cells, header.columns, strict=False) if k == "label"]
        values: dict[int | str, Cell] = {}
        for j, key in enumerate(header.columns):
            if key in ("label", None) or j >= len(line.cells):
                continue
            number = line.numbers[j] if line.numbers is not None and j < len(line.numbers) else None
            cell = _cell(line.cells[j], line.place, number, draft.scale)
            if cell is None and re.fullmatch(r"[\d ,.\u00a0]+\s*%", line.cells[j]):
                return labels, {}  # "Förbundets andel  40,9%  42,9%": shares, not amounts
            if cell is None and line.cells[j] and line.cells[j] not in ("-", "–", "—"):
                draft.note("import.cell_unread", line.place, Severity.warning, text=line.cells[j])
            if cell is not None:
                values[key] = cell
        return labels, values
    # a pasted line: the label, then a run of figures (cells kept apart by two spaces, as pasted)
    text = "  ".join(" ".join(c.split()) for c in line.cells if c.strip())[:tx.MAX_TEXT]
    m = re.search(r"(?:(?<=\s)|^)((?:(?:[–\-—]|ca\.?\s*)?\d[\d .,\u00a0]*(?:\s*kr)?|[–\-—])"
                  r"(?:\s+(?:[–\-—]|\d[\d .,\u00a0]*(?:\s*kr)?))*)\s*$", text)
    if not m:
        return [tx.clean(text)], {}
    label = tx.clean(text[:m.start()]).strip(" :")
    run = m.group(1)
    if re.search(r"\d\s*%\s*$", label + " ") and not label:
        return [text], {}
    total_column = "total" in used
    pieces = [p for p in re.split(r"\s{2,}|\t", run.replace("kr", " ").strip()) if p]
    dashes = [p in ("-", "–", "—") for p in pieces]
    if any(dashes) and len(pieces) == len(used) and all(d or tx.amount_of(p) for p, d in zip(pieces, dashes,
                                                                                               strict=True)):
        # "Utvärdering   -   -   22.000   22.000": a dash holds its column's place
        values = {}
        for key, piece, dash in zip(used, pieces, dashes, strict=True):
            found = None if dash else tx.amount_of(piece)
            values[key] = Cell(found[0] if found else Decimal(0), piece, line.place, bool(found and found[1]))
        return [label], values
    parsed = [tx.amount_of(p) for p in pieces]
    if all(parsed) and len(pieces) <= len(used) + (0 if total_column else 1) and len(pieces) > 1:
        readings = [[p[0] for p in parsed if p]]  # cells parted by runs of spaces, each one amount
    else:
        readings = tx.split_amounts(run.replace("kr", " "), len(used) + (0 if total_column else 1))
    picked = tx.choose(readings, len(used), total_column)
    if picked is None or (not total_column and len(picked[0]) > len(used)):
        extra = [r for r in readings if len(r) == len(used) + 1 and sum(r[:-1]) == r[-1]]
        if not total_column and extra:  # a total no header names: the years and their sum
            amounts = extra[0]
            keys = [k for k in used if k != "total"] + ["total"]
            return [label], {k: Cell(a, _format_plain(a), line.place) for k, a in zip(keys, amounts, strict=True)}
    if picked is None:
        draft.note("import.row_ambiguous", line.place, Severity.warning, text=text)
        return [label], {}
    amounts, proven = picked
    if len(amounts) == 1 and abs(amounts[0]) < 100 and "kr" not in run:
        return [tx.clean(text)], {}  # "extern utvärdering, slutrapport  år 3": a figure of the label
    keys = _placement(amounts, used, total_column, proven)
    values = {k: Cell(a * draft.scale, _format_plain(a * draft.scale), line.place)
              for k, a in zip(keys, amounts, strict=True)}
    # a label that ends in a figure of the row ("Bromölla kommun 15 platser"): the run starts after it
    return [label], values


def _format_plain(value: Decimal) -> str:
    return format(value, "f")


def _placement(amounts: list[Decimal], used: list[int | str], total_column: bool, proven: bool) -> list[int | str]:
    years = [k for k in used if k != "total"]
    if total_column and (proven or len(amounts) == len(used)) and len(amounts) >= 2:
        head = years[:len(amounts) - 1] if len(amounts) - 1 == len(years) else years[-(len(amounts) - 1):]
        return [*head, "total"]
    if len(amounts) == len(years):
        return years
    if total_column and len(amounts) == 1:
        return ["total"]
    return years[-len(amounts):]  # fewer figures than years: the later years (a line that starts later)


def _walk(lines: list[_Line], draft: Draft) -> None:
    header: _Header | None = None
    plan: dict[str, int] | None = None
    context: str | None = None  # "financing" / "plan" / "costs" from the section heading above
    group: str | None = None
    group_note: str | None = None
    section_year: tx.YearLabel | None = None
    table_rows: list[int] = []  # the cost rows of the table being read
    sections = _Names()
    seen_years: dict[int, tx.YearLabel] = {}

    just_closed: _Header | None = None  # a Summa line right after a table belongs to it
    scale = Decimal(1)  # "belopp i tkr": the tables' figures are thousands of kronor
    long_form: dict[str, int] | None = None  # a table of one row per line and year (grantcalc's "Beräkning")

    def close_table() -> None:
        nonlocal header, group, group_note, table_rows, just_closed
        just_closed = header
        header, group, group_note, table_rows = None, None, None, []

    for line in lines:
        if not line.cells:
            if plan is not None:
                plan = None
            if line.table:
                close_table()
            continue
        nonempty = [c for c in line.cells if c]
        joined = tx.clean(" ".join(nonempty))
        low = joined.casefold()
        closed, just_closed = just_closed, None
        unit = re.search(r"(?i)\b(tkr|tusental kronor|mnkr|mkr|miljoner kronor)\b", joined)
        if unit and len(joined) < 160:
            factor = Decimal(1000) if unit.group(1).casefold() in ("tkr", "tusental kronor") else Decimal(1000000)
            if factor != scale:
                draft.note("import.unit", line.place, unit=unit.group(1), factor=factor)
            scale = factor
            draft.scale = scale
        if header is None and closed is not None and tx.is_total_label(joined) and section_year is None:
            _table_row(line, closed, draft, None, None, table_rows)
            continue
        if _SECTION.match(joined) and not tx.year_label(joined):
            close_table()
            plan = None
            section_year = None
            if any(w in low for w in ("finansier", "intäkt")):
                context = "financing"
            elif "aktivitet" in low:
                context = "plan"
            elif any(w in low for w in ("kostnad", "ekonomi", "budget")):
                context = "costs"
            else:
                context = None
        lh = _long_header(line)
        if lh is not None:
            close_table()
            long_form = lh
            continue
        if long_form is not None:
            if line.table and _long_row(line, long_form, draft):
                continue
            long_form = None
        ph = _plan_header(line)
        if ph is not None:
            close_table()
            plan = ph
            continue
        if plan is not None:
            _plan_row(line, plan, draft)
            continue
        found = _header(line, context)
        if found is not None:
            close_table()
            header = found
            section_year = None
            for y in found.years:
                seen_years.setdefault(y.key, y)
            continue
        year = tx.year_label(joined) if len(nonempty) <= 2 else None
        if year is not None and header is None and (line.heading or not line.table or len(nonempty) == 1):
            section_year = year
            seen_years.setdefault(year.key, year)
            if seen_years[year.key].start is None and year.start is not None:
                seen_years[year.key] = year
            continue
        if header is not None:
            done = _table_row(line, header, draft, group, group_note, table_rows)
            if done == "group":
                group, group_note = _group(joined)
            elif done == "end":
                close_table()
            continue
        if section_year is not None and line.heading and not line.table:
            section_year = None  # "Ansökan om medel": a heading that is no year ends the year sections
        if section_year is not None:
            _section_row(line, joined, section_year.key, draft, sections)
            if re.match(r"(?i)^(totala|totalt)\b", joined) and "total" in draft.costs:
                section_year = None  # "Totala kostnader för 3 år": the sections end with the whole
            continue
        _loose_total(joined, line.place, draft)
    for y in draft.years:
        seen_years.setdefault(y.key, y)
    draft.years = [seen_years[k] for k in sorted(seen_years)]
    draft.project_years = any(y.project for y in draft.years)


def _is_specification(text: str) -> bool:
    """A text row under a cost row that says what the line is, not a group heading."""
    if ":" in text and len(text.split(":")[0].split()) <= 3:
        return False  # "Projektledning: år 2023 20 % därefter 10 %"
    return text[:1].islower() or text[:1].isdigit() or "," in text or bool(_IN_KIND.search(text)) or \
        len(text.split()) > 4


def _group(text: str) -> tuple[str, str | None]:
    """A group heading "Projektledning: år 2023 20 % därefter 10 %" → (Projektledning, its note)."""
    name, _, note = text.partition(":")
    name = name.strip(" *_")
    return name, (note.strip() or None)


def _table_row(line: _Line, header: _Header, draft: Draft, group: str | None, group_note: str | None,
               table_rows: list[int]) -> str | None:
    got = _row_values(line, header, draft)
    if got is None:
        return None
    labels, values = got
    label_text = tx.clean(" ".join(c for c in labels if c))
    natura = [j for j, n in enumerate(header.names) if n in ("i natura", "in kind", "natura")]
    flag = False
    if natura and line.table:
        j = natura[0]
        flag = j < len(line.cells) and line.cells[j].casefold() in ("ja", "yes", "x", "✓", "true")
        labels = [c for k, c in enumerate(labels) if k != natura[0]]  # the flag is no part of the name
        label_text = tx.clean(" ".join(c for c in labels if c))
    if not values:
        if header.kind == "financing" and label_text and (len(label_text) > 60 or label_text[:1].islower()
                                                          or label_text.endswith(".")):
            return "end"  # a sentence under the table, not a funder
        if header.kind == "financing" and label_text:
            draft.funders.append(FunderRow(label_text, line.place, in_kind=flag or bool(_IN_KIND.search(label_text))))
            return None
        if label_text and table_rows and _is_specification(label_text) and draft.rows:
            row = draft.rows[table_rows[-1]]  # "inkl. PO och semestertillägg …" under its line
            row.spec = f"{row.spec}, {label_text}" if row.spec and row.spec != row.label else label_text
            row.labels.append(label_text)
            return None
        if label_text and len(label_text) <= 80:
            return "group"
        return "end" if len(label_text) > 120 else None
    if re.match(r"(?i)^(?:sökt|ansökt|sökta|ansökta)\s+(?:belopp|medel)\b", label_text) and values:
        draft.applied_row = dict(values)  # "Sökt belopp | 1 200 000 | 1 250 000 | …": the applied amount per year
        return None
    if header.kind == "financing" and header.closed:
        return None  # "Kostnader", "Skillnad (finansiering − kostnader)" under the Summa: no funders
    if not label_text or tx.is_total_label(label_text):
        if header.kind == "financing":
            draft.financing.update(values)
            header.closed = True
            return None
        name = label_text or "Summa"
        if re.match(r"(?i)^(summa|totalt?|total|s:a)\s*(kostnader|budget)?\s*$", name) or not label_text:
            # the table's total (the last one wins: a "Summa" before more rows was a sub-total)
            if draft.costs and table_rows:
                _as_subtotal(draft, table_rows)
            draft.costs.update(values)
            draft.costs_rows = list(table_rows)
        else:
            draft.subtotals.append(Subtotal(name, line.place, list(table_rows), _years(values), values.get("total")))
        return None
    if header.kind == "financing":
        own = re.sub(r"\s*\((?:i natura|in kind)\)\s*$", "", label_text)  # grantcalc's own "(i natura)"
        funder = FunderRow(own, line.place, in_kind=flag or own != label_text or bool(_IN_KIND.search(label_text)))
        funder.years = _years(values)
        funder.total = values.get("total")
        draft.funders.append(funder)
        return None
    category, label, spec = _label_roles(labels, header, group)
    if not label:
        label = label_text
    heads = {c: h for c, h in zip(line.cells, line.heads or [], strict=False) if h and h != c}
    if label in heads and not header.text_header:
        # "Projektledare 50%" above "inkl. PO och semestertillägg, …" in one cell: the name, then what it is
        full = label
        label = heads[full]
        rest = full[len(label):].strip()
        spec = f"{rest}, {spec}" if spec and spec != full else rest
    if len(draft.rows) >= MAX_LINES:
        _too_many(draft, line.place)
        return None
    row = Row(label, line.place, category=category, spec=spec, labels=[label], group_note=group_note)
    row.years = _years(values)
    row.total = values.get("total")
    draft.rows.append(row)
    table_rows.append(len(draft.rows) - 1)
    return None


def _label_roles(labels: list[str], header: _Header, group: str | None) -> tuple[str | None, str, str | None]:
    """A cost row's category, name and specification from its label cells, by what the header calls
    them (Kostnadsslag | Kostnadsrad | Specifikation); without names, two cells are a category and
    a specification (Gävleborg's 8.1), one is the name."""
    named = [n for n, k in zip(header.names, header.columns, strict=False) if k == "label"]
    roles = []
    for n in named:
        if "slag" in n or "kategori" in n or n in ("category",):
            roles.append("category")
        elif "spec" in n or "beskriv" in n or "innehåll" in n:
            roles.append("spec")
        elif "rad" in n or "post" in n or "namn" in n or n in ("line", "kostnad"):
            roles.append("name")
        else:
            roles.append("")
    if roles == ["category"] and len(labels) == 1 and labels[0]:
        return labels[0], labels[0], None  # "Kostnadsslag | 2024 | …": the category is the line
    if len(roles) == len(labels) and "name" in roles:
        got = {r: c for r, c in zip(roles, labels, strict=True) if r and c}
        return got.get("category", group), got.get("name", ""), got.get("spec")
    cells = [c for c in labels if c]
    if len(cells) >= 2:
        return cells[0], _name_of(cells[1]), " ".join(cells[1:])
    return group, cells[0] if cells else "", None


def _too_many(draft: Draft, place: Place) -> None:
    if not draft.full:
        draft.full = True
        draft.note("import.too_many_lines", place, Severity.warning, n=MAX_LINES)


def _years(values: dict[int | str, Cell]) -> dict[int, Cell]:
    return {k: v for k, v in values.items() if isinstance(k, int)}


def _as_subtotal(draft: Draft, table_rows: list[int]) -> None:
    previous = dict(draft.costs)
    draft.subtotals.append(Subtotal("Summa", Place(), list(draft.costs_rows), _years(previous), previous.get("total")))


_FOOTER = re.compile(r"(?i)^(?:sida|page|s\.)\s*\d+\s*(?:\(|av|of|/)?\s*\d*\)?$|^[-–]\s*\d+\s*[-–]$|^\d+$")


def _section_row(line: _Line, joined: str, year: int, draft: Draft, sections: _Names) -> None:
    """One row of a year section: "label formula = amount", "label amount", a Summa, or a line paid in kind."""
    if _FOOTER.match(joined):
        return  # a page's footer ("Sida 9 av 14") in text copied out of a PDF
    if tx.is_total_label(joined) or re.match(r"(?i)^totala\b", joined):
        amount = _last_amount(joined)
        sub = re.match(r"(?i)^(?:summa|s:a|totalt)\s+(?!kostnader\b|budget\b|\d|för\b|hela\b|totalt?\b)([^\W\d_]+)",
                       joined)
        if amount is not None and sub is not None:
            # "Summa personal 609 180 kr": the lines of this year above it, since the last sub-total
            name = joined[:sub.end()]
            rows = draft.section_rows.get(year, [])
            sub_row = next((s for s in draft.subtotals if s.name.casefold() == name.casefold()), None)
            if sub_row is None:
                sub_row = Subtotal(name, line.place, [])
                draft.subtotals.append(sub_row)
            for i in rows[draft.section_mark.get(year, 0):]:
                if i not in sub_row.rows:
                    sub_row.rows.append(i)
            draft.section_mark[year] = len(rows)
            sub_row.years[year] = Cell(amount[0], joined, line.place, amount[1])
            return
        if amount is not None:
            whole = re.search(r"(?i)(för\s+(\d+|hela|tre|två|fyra)\s+år|hela\s+(perioden|projekt)|totala|^totalt)",
                              joined)
            key: int | str = "total" if whole else year
            draft.costs[key] = Cell(amount[0], joined, line.place, amount[1])
        return
    cells = [c for c in line.cells if c]
    if len(cells) >= 3 and line.table and tx.amount_of(cells[-1]):
        # a justification's row: Kostnad | the formula as computed | Belopp ("… = 487 500 kr, avrundat
        # uppåt till 490 000 kr | 490 000 kr"): the amount is the last cell; the formula counts when it
        # gives it, else its words stay beside the line (its rate, its places)
        final = tx.amount_of(cells[-1])
        assert final is not None
        middle = " ".join(cells[1:-1])
        if middle.rstrip().endswith("="):
            middle = f"{middle} {cells[-1]}"  # "42 350 kr × 1,42 × 3,5 mån = | 210 479 kr"
        computed = tx.parse_formula(middle) if "=" in middle else None
        given = Cell(final[0], cells[-1], line.place, final[1])
        if computed is not None and computed.result == final[0]:
            given = Cell(final[0], computed.text, line.place, computed.approx, computed)
        extra = middle if given.formula is None else ""
        name = cells[0]
        if line.heads and line.heads[0] and line.heads[0] != cells[0]:
            name = line.heads[0]  # "Processledare/samordnare" above "Processledare 100 % /samordnare (…)"
            extra = f"{cells[0][len(name):].strip()} {extra}".strip()
        _add_section_cell(draft, sections, line, name, given, year, _PAID_BY.search(joined), extra)
        return
    if len(cells) >= 2 and not line.table and tx.amount_of(cells[0]) is None and (
            not re.search(r"\d", cells[0]) or tx.amount_of(cells[1]) is not None):
        # a laid-out row ("Resor  32 000 kr  32 000 kr/år × 9/12 = 24 000 kr", grantcalc's own show):
        # the label, the amount, then the formula or the rate
        shown = tx.amount_of(cells[1])
        laid = tx.parse_formula(" ".join(cells[2:])) if len(cells) > 2 else None
        found: Cell | None = None
        if laid is not None and laid.result is not None and (shown is None or laid.result == shown[0]):
            found = Cell(laid.result, laid.text, line.place, laid.approx, laid)
        elif shown is not None:
            found = Cell(shown[0], cells[1], line.place, shown[1])
        extra = " ".join(cells[2:]) if len(cells) > 2 and (found is None or found.formula is None) else ""
        _add_section_cell(draft, sections, line, cells[0], found, year, _PAID_BY.search(joined), extra)
        return
    formula = tx.parse_formula(joined)
    cell: Cell | None = None
    label = joined
    if formula is not None and formula.result is not None:
        label = formula.label or joined
        cell = Cell(formula.result, formula.text, line.place, formula.approx, formula)
    else:
        last = _last_amount(joined)
        if last is not None:
            label = joined[:last[2]].strip(" :=")
            cell = Cell(last[0], joined[last[2]:].strip(), line.place, last[1])
    _add_section_cell(draft, sections, line, label, cell, year, _PAID_BY.search(joined), "", joined)


def _add_section_cell(draft: Draft, sections: _Names, line: _Line, label: str,
                      cell: Cell | None, year: int, paid: re.Match[str] | None, extra: str,
                      joined: str | None = None) -> None:
    joined = joined or label
    if cell is None and paid is None:
        if len(joined) < 100 and re.search(r"[^\W\d_]", joined):
            draft.note("import.line_unread", line.place, Severity.warning, text=joined)
        return
    if not label:
        draft.note("import.line_unread", line.place, Severity.warning, text=joined)
        return
    key = tx.stem(label)
    index = _match(key, sections, lambda i: year not in draft.rows[i].years or cell is None)
    if index is None:
        if len(draft.rows) >= MAX_LINES:
            _too_many(draft, line.place)
            return
        row = Row(_name_of(label), line.place, spec=label, labels=[label])
        if paid is not None and cell is None:
            row.in_kind = paid.group(1).strip(" .")
            row.spec = label
            head = label[:paid.start()].strip() if paid.start() < len(label) else label
            row.label = _name_of(head) or row.label
        draft.rows.append(row)
        index = len(draft.rows) - 1
        sections.add(key, index)
    row = draft.rows[index]
    if label not in row.labels:
        row.labels.append(label)
    if extra and (tx.money_rates(extra) or re.search(r"(?i)löneökn|%", extra)) and extra not in row.labels:
        row.labels.append(extra)  # "32 000 kr/år", "(årlig löneökn. 3,3 % …)": what the line states of itself
    if cell is not None:
        if year in row.years:
            draft.note("import.line_twice", line.place, Severity.warning, line=row.label, year=year)
        row.years[year] = cell
        draft.section_rows.setdefault(year, []).append(index)


class _Names(dict[tuple[str, ...], int]):
    """The lines of the year sections by their names' first words (:func:`text.stem`), and by every
    beginning of them, so a row finds its line among thousands without a scan."""

    def __init__(self) -> None:
        super().__init__()
        self.begins: dict[tuple[str, ...], list[int]] = {}  # a proper beginning of names → their lines (a few)

    def add(self, key: tuple[str, ...], index: int) -> None:
        self[key] = index
        for n in range(1, len(key)):
            found = self.begins.setdefault(key[:n], [])
            if len(found) < 8:  # enough to tell one from many
                found.append(index)


def _match(key: tuple[str, ...], sections: _Names, free) -> int | None:
    """The line of an earlier year section this row is (by its name's first words), if it has no
    figure for this year yet: the same name exactly, else the one name that begins like it."""
    if key in sections:
        return sections[key] if free(sections[key]) else None
    if not key:
        return None
    longer = [i for i in sections.begins.get(key, []) if free(i)]  # "Processledare" for "Processledare samordnare"
    shorter = [sections[key[:n]] for n in range(1, len(key)) if key[:n] in sections and free(sections[key[:n]])]
    candidates = list(dict.fromkeys(longer + shorter))
    return candidates[0] if len(candidates) == 1 else None


def _name_of(label: str) -> str:
    """A line's name from its printed label: the words before its figures and brackets
    ("Processledare 100 % /samordnare (…)" → Processledare), else the label."""
    # up to the first figure that is a measure ("100 %", "9 mån", "42.350 kr"), a bracket or a colon; a
    # number that names ("Coach 2", "Bromölla kommun 15 platser") stays
    head = re.split(r"\s+\d+(?:[.,]\d+)*\s*(?:%|mån|kr|st\b|pers|tim|h\b|dag|år|x\b|×|\*)|\(|:|\s+\d[\d.]*\s*$",
                    label, maxsplit=1)[0].strip(" ,/–-")
    head = re.sub(r"(?i)\s+(ca\.?|cirka|à|á|a)$", "", head)
    return head if len(head) >= 3 else label


def _last_amount(text: str) -> tuple[Decimal, bool, int] | None:
    """The amount a line ends with (its start, for the label before it)."""
    m = re.search(r"((?:ca\.?\s*)?[+\-\u2212]?\d[\d .,\u00a0]*\d|\d)\s*(?:kr|kronor|sek|:-)?\.?\s*$", text,
                  re.IGNORECASE)
    if not m:
        return None
    run = m.group(1)
    approx = bool(re.match(r"(?i)ca", run))
    digits = re.sub(r"(?i)^ca\.?\s*", "", run)
    offset = m.start() + (len(run) - len(digits))
    # the run may begin with figures of the label ("Summa kostnader 2025 1.857.152 kr", "… 15 platser
    # 490 000"): the longest tail of it that is one amount is the amount
    for start in [0] + [k + 1 for k, ch in enumerate(digits) if ch == " "]:
        found = tx.amount_of(digits[start:])
        if found is not None:
            return found[0], approx or found[1], offset + start
    return None


def _loose_total(joined: str, place: Place, draft: Draft) -> None:
    if re.match(r"(?i)^(totala\s+kostnader|total\s+budget|totalt|summa\s+kostnader)", joined):
        amount = _last_amount(joined)
        if amount is not None and "total" not in draft.costs:
            draft.costs["total"] = Cell(amount[0], joined, place, amount[1])


def _plan_row(line: _Line, columns: dict[str, int], draft: Draft) -> None:
    cells = line.cells
    if len(cells) == 1 and not line.table:
        cells = _split(cells[0])
    name = cells[columns["name"]] if columns.get("name", 0) < len(cells) else ""
    if not name and not any(cells):
        return
    if tx.is_total_label(name) or not name:
        cost_text = cells[columns["cost"]] if "cost" in columns and columns["cost"] < len(cells) else cells[-1]
        cell = _cell(cost_text, line.place)
        if cell is not None:
            draft.plan_total = cell
        return
    row = PlanRow(name, line.place)
    for key in ("start", "end"):
        if key in columns and columns[key] < len(cells):
            row.__setattr__(key, tx.single_date(cells[columns[key]]))
    if "cost" in columns and columns["cost"] < len(cells):
        number = line.numbers[columns["cost"]] if line.numbers is not None else None
        row.cost = _cell(cells[columns["cost"]], line.place, number)
    draft.plan.append(row)


def recognise(document: Document) -> Draft:
    """What ``document`` states, as a :class:`Draft` (with the reader's own notes)."""
    draft = Draft()
    draft.notes.extend(document.notes)
    lines = _lines(document, draft)
    _metadata(lines, draft)
    _walk(lines, draft)
    names = [f.name for f in draft.funders if not f.in_kind and (f.years or (f.total and f.total.amount))]
    if names and (draft.funder is None or draft.funder.casefold() not in {n.casefold() for n in names}):
        # the funder applied to is the one of the financing table that is a förbund (or the ESF, Arvsfonden)
        found = next((n for n in names if _FUNDER.search(n) or re.search(r"(?i)förbund|esf|arvsfond", n)), None)
        if found is not None:
            draft.funder = found
    for line in lines:
        joined = " ".join(line.cells)
        for m in _RAISE.finditer(joined):
            rate = m.group(1) or m.group(2)
            draft.raises.append((Decimal(rate.replace(",", ".")) / 100, line.place))
    return draft
