"""The fields of a document: every figure and text a template can show.

One tree of formatted values is built from a :class:`Computation`; the
built-in forms and the user's own .docx templates read the same tree, so a
figure can only ever be formatted one way. Values are strings formatted for
the document's language (``2 480 208 kr``, ``1,42``, ``2022-01-01``): amounts
in table rows without the currency (``1 111 403``, as forms print them),
amounts standing alone with it.

In a template a field is reached by its path: ``{{ project.name }}``,
``{{ applied_amount }}``, ``{% for row in costs.rows %}``. A path that does
not exist is an error naming the fields that do (see :class:`Node`).
:data:`FIELDS` describes every path; ``grantcalc render --fields`` prints it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from decimal import Decimal
from functools import partial
from typing import TYPE_CHECKING, Any

from grantcalc import catalogue
from grantcalc import formatting as fmt
from grantcalc.periods import YearScheme

if TYPE_CHECKING:
    from grantcalc.compute.computation import Computation

__all__ = ["Node", "FIELDS", "build_fields", "walk", "year_heading", "DASH"]

DASH = "–"  # an amount the document does not state (an in-kind line without a value)

# Every path of the tree, in the order --fields prints them; "[]" marks a list: its elements
# have the fields listed under "path[].field". A test checks the tree has exactly these paths.
PATHS = (
    "lang", "today", "project.name", "project.applicant", "project.funder", "project.funder_address",
    "project.funder_contacts", "project.description", "project.period", "project.period_long", "project.start",
    "project.end", "project.months", "project.party_names", "project.owner", "project.parties[]",
    "project.parties[].name", "project.parties[].role", "project.parties[].organisation_number",
    "project.parties[].unit", "project.parties[].contact", "project.parties[].phone", "project.parties[].mobile",
    "project.parties[].email", "project.parties[].signatory", "project.parties[].signatory_position",
    "project.parties[].signatory_email", "project.parties[].contacts[]", "project.contacts[]", "project.leader",
    "project.contact_person", "project.finance_contact", "project.signatories[]", "project.signatories[].party",
    "project.signatories[].owner", "project.signatories[].name", "project.signatories[].position",
    "project.signatories[].email", "years[]", "years[].label", "years[].heading",
    "years[].start", "years[].end", "years[].months", "years[].costs", "years[].financing", "years[].lines[]",
    "years[].lines[].name", "years[].lines[].specification", "years[].lines[].label", "years[].lines[].category",
    "years[].lines[].calculation", "years[].lines[].formula", "years[].lines[].amount", "years[].lines[].note",
    "years[].lines[].party", "lines[]", "lines[].name", "lines[].category", "lines[].specification",
    "lines[].label", "lines[].detail", "lines[].amounts", "lines[].total", "lines[].party", "costs.rows[]",
    "costs.sum.amounts", "costs.sum.total", "costs.total", "costs.in_kind", "costs.cash", "categories.rows[]",
    "categories.sum.amounts", "categories.sum.total", "financing.rows[]", "financing.sum.amounts",
    "financing.sum.total", "financing.total", "financing.balanced", "plan.rows[]", "plan.sum", "applied_amount",
    "total", "tables.costs", "tables.categories", "tables.financing", "tables.plan", "tables.justification",
    "charts.costs", "charts.financing",
)
# (path, its description in each language of catalogue.LANGS: Swedish, English); the
# descriptions are field.<path> in the catalogue
FIELDS: list[tuple[str, ...]] = [(path, *(t.format() for t in catalogue.texts(f"field.{path}"))) for path in PATHS]


class _Later:
    """A field's value made the first time it is read: the justification's formulas,
    which only some templates show, cost more than the rest of the fields together."""

    __slots__ = ("_make", "_value")
    _make: Callable[[], Any] | None  # None once the value is made
    _value: Any

    def __init__(self, make: Callable[[], Any]):
        self._make, self._value = make, None

    def value(self) -> Any:
        if self._make is not None:
            self._value, self._make = self._make(), None
        return self._value


class Node:
    """A group of fields. Templates reach its fields as attributes or items; one that
    does not exist is an ``AttributeError`` (``KeyError`` as an item), which the template
    sandbox turns into its undefined, :class:`grantcalc.render.sandbox.UnknownField`,
    naming the fields that do exist."""

    __slots__ = ("_path", "_values")

    def __init__(self, path: str, values: dict[str, Any]):
        object.__setattr__(self, "_path", path)
        object.__setattr__(self, "_values", values)

    def __getattr__(self, name: str) -> Any:
        try:
            return self[name]
        except KeyError:
            raise AttributeError(name) from None

    def __getitem__(self, name: str) -> Any:
        value = self._values[name]
        if type(value) is _Later:
            value = self._values[name] = value.value()
        return value

    def __contains__(self, name: object) -> bool:
        return name in self._values

    def keys(self) -> list[str]:
        return list(self._values)

    @property
    def path(self) -> str:
        return self._path

    def replaced(self, **values: Any) -> Node:
        """The same group with some fields replaced (the ready tables and charts of a user template)."""
        return Node(self._path, {**self._values, **values})

    def __repr__(self) -> str:
        return f"Node({self._path!r}, {sorted(self._values)})"


def _n(path: str, **values: Any) -> Node:
    return Node(path, values)


def walk(value: Any, path: str = "") -> Iterator[tuple[str, Any]]:
    """Every leaf of a field tree with its path (``project.parties[].name``)."""
    if isinstance(value, Node):
        for key in value.keys():  # noqa: SIM118 - a Node is no dict: it has keys() but no __iter__
            yield from walk(value[key], f"{path}.{key}" if path else key)
    elif isinstance(value, list) and (not value or isinstance(value[0], Node)):
        yield path + "[]", value
        for item in value:
            yield from walk(item, path + "[]")
    else:
        yield path, value


def year_heading(label: str, scheme: YearScheme, lang: str) -> str:
    """A year column as the form heads it: ``År 2022`` (a project year is already ``År 1``)."""
    if scheme is YearScheme.project:
        return label
    return catalogue.text("field.year_heading", lang).format(label=label)


def _yes(value: bool, lang: str) -> str:
    return catalogue.text("word.yes" if value else "word.no", lang)


def _text(value: str | None) -> str:
    return value or ""


def _contact(path: str, contact, party: str) -> Node:
    return _n(path, role=contact.role if contact else "", name=_text(contact.name if contact else None),
              phone=_text(contact.phone if contact else None), mobile=_text(contact.mobile if contact else None),
              email=_text(contact.email if contact else None), party=party)


def _party(budget_party, lang: str) -> Node:
    contacts = [_contact("project.parties[].contacts[]", c, budget_party.name) for c in budget_party.contacts]
    first = budget_party.contacts[0] if budget_party.contacts else None
    signatory = budget_party.signatory
    return _n("project.parties[]", name=budget_party.name, role=_text(budget_party.role),
              organisation_number=_text(budget_party.organisation_number), unit=_text(budget_party.unit),
              contact=_text(first.name if first else None), phone=_text(first.phone if first else None),
              mobile=_text(first.mobile if first else None), email=_text(first.email if first else None),
              signatory=_text(signatory.name if signatory else None),
              signatory_position=_text(signatory.position if signatory else None),
              signatory_email=_text(signatory.email if signatory else None), contacts=contacts)


# the roles that make a party the one responsible, as a budget writes them in any language
OWNER_ROLES = tuple(role for roles in catalogue.texts("field.owner_roles") for role in roles.split(", "))


def _owner(budget, parties: list[Node]) -> Node:
    """The party responsible (*ansvarig för genomförandet*): the one with an owner's role,
    else the one named as applicant, else a party of the applicant's name alone."""
    for node, party in zip(parties, budget.project.parties):
        if party.role and party.role.strip().lower() in OWNER_ROLES:
            return node
    applicant = budget.project.applicant or ""
    for node in parties:
        if applicant and (node.name == applicant or applicant.startswith(node.name)):
            return node
    return _n("project.parties[]", name=applicant, role="", organisation_number="", unit="", contact="",
              phone="", mobile="", email="", signatory="", signatory_position="", signatory_email="", contacts=[])


def line_label(line) -> str:
    return line.specification or line.name


def _words(text: str) -> str:
    """A text reduced to its words, to compare a line's name with its specification."""
    return " ".join("".join(ch if ch.isalnum() else " " for ch in text.casefold()).split())


def name_and_detail(line, category: str | None = None) -> tuple[str, str]:
    """A cost line as a form's one column shows it: its name, and under it the specification
    when that adds something (*Kompetenshöjande medel* / *5 000 kr/pers/år*).

    A specification that repeats the name (``Finsam coacher 150 %, 35 000 kr/mån`` for the line
    ``Finsam-coacher``) stands alone, and so does one whose line is named after the ``category``
    the table prints beside it (``Material``: *Inventarier som telefon, …*)."""
    name, specification = line.name, line.specification or ""
    words, detail = _words(name), _words(specification)
    if not detail or detail == words:
        return name, ""
    if words in detail or (category is not None and words == _words(category)):
        return specification, ""
    return name, specification


def joined(title: str, detail: str) -> str:
    """Name and specification on one line, for a field of a user's template."""
    return f"{title} – {detail}" if detail else title


def in_kind_note(line, lang: str) -> str:
    if not line.in_kind:
        return ""
    return catalogue.text("field.in_kind_note", lang).format(party=line.party)


def long_date(day: dt.date, lang: str) -> str:
    """A date written out, as a letter or the Kalmar form writes a period: ``1 februari 2017``."""
    from babel.dates import format_date

    return format_date(day, "d MMMM y", locale=fmt.locale_of(lang))


# the roles of the contacts a form asks for by name, as a budget writes them in any language
CONTACT_ROLES = {"leader": "form.role.leader", "contact_person": "form.role.contact",
                 "finance_contact": "form.role.finance"}


def _contacts_by_role(budget) -> dict[str, Node]:
    """``project.leader``, ``project.contact_person``, ``project.finance_contact``: the first contact
    of each role (*insatsledare*, *kontaktperson*, *ekonomiansvarig*), empty fields when none has it."""
    found: dict[str, Node] = {}
    for field, key in CONTACT_ROLES.items():
        names = {name.casefold() for name in catalogue.texts(key)}
        match = next(((c, p.name) for p in budget.project.parties for c in p.contacts
                      if c.role.strip().casefold() in names), (None, ""))
        found[field] = _contact(f"project.{field}", match[0], match[1])
    return found


def _signatories(parties: list[Node], owner: Node, lang: str) -> list[Node]:
    """One signing party per block, the one responsible (*insatsägaren*) first, then the other
    parties in the budget's order; without parties, the applicant."""
    ordered = [owner] + [p for p in parties if p is not owner] if owner in parties else \
        ([owner] if owner["name"] else []) + parties
    return [_n("project.signatories[]", party=p["name"], owner=_yes(index == 0, lang),
               name=p["signatory"], position=p["signatory_position"], email=p["signatory_email"])
            for index, p in enumerate(ordered)]


def build_fields(computation: Computation, lang: str = "sv", *, today: dt.date | None = None) -> Node:
    """The field tree of ``computation`` in ``lang``.

    ``tables`` and ``charts`` are empty text here; the renderer of user templates
    puts in the ready-made tables and pictures a template uses (:meth:`Node.replaced`).
    """
    budget = computation.budget
    project = budget.project
    period = budget.period
    years = computation.years
    financing = computation.financing
    amount = lambda value: fmt.amount(value, lang)  # noqa: E731 - a table cell
    money = lambda value: fmt.money(value, lang)  # noqa: E731 - an amount standing alone

    parties = [_party(p, lang) for p in project.parties]
    contacts = [_contact("project.contacts[]", c, p.name) for p in project.parties for c in p.contacts]
    months_total = sum((computation.budget_months(y.key) for y in years), start=0)
    owner = _owner(budget, parties)
    project_node = _n(
        "project", name=project.name, applicant=_text(project.applicant), funder=_text(project.funder),
        funder_address=_text(project.funder_address), funder_contacts=_text(project.funder_contacts),
        description=_text(project.description),
        period=f"{fmt.format_date(period.start, lang)} – {fmt.format_date(period.end, lang)}",
        period_long=f"{long_date(period.start, lang)} – {long_date(period.end, lang)}",
        start=fmt.format_date(period.start, lang), end=fmt.format_date(period.end, lang),
        months=fmt.number(months_total, lang), party_names=", ".join(p.name for p in project.parties),
        owner=owner, parties=parties, contacts=contacts,
        **_contacts_by_role(budget), signatories=_signatories(parties, owner, lang))
    def line_amounts(line) -> tuple[list[str], str]:
        if not line.has_amount:
            return [DASH] * len(years), DASH
        return ([amount(computation.amount(line.name, y.key)) for y in years],
                amount(computation.line_total(line.name)))

    line_nodes, cost_rows = [], []
    for line in budget.lines:
        amounts, total = line_amounts(line)
        category = budget.category(line.category).name(lang)
        title, detail = name_and_detail(line)
        line_nodes.append(_n("lines[]", name=line.name, category=category, specification=line_label(line),
                             label=joined(title, detail), detail=detail, amounts=amounts, total=total,
                             party=_text(getattr(line, "party", None))))
        cost_rows.append(_n("costs.rows[]", category=category, specification=line_label(line), name=line.name,
                            amounts=amounts, total=total))

    def year_lines(key) -> list[Node]:
        entries = []
        for line in budget.lines:
            cell = computation.cell(line.name, key)
            if line.has_amount and cell.formula is None:
                continue  # nothing budgeted on this line this year
            calculation = ""
            if line.has_amount:
                assert cell.formula is not None  # a line with an amount has a formula this year, or is skipped above
                calculation = cell.formula.calculation(lang)
            entries.append(_n(
                "years[].lines[]", name=line.name, specification=line_label(line), label=joined(*name_and_detail(line)),
                category=budget.category(line.category).name(lang), calculation=calculation,
                formula=cell.formula_text(lang) if line.has_amount else "",
                amount=money(cell.amount) if line.has_amount else "",
                note=in_kind_note(line, lang), party=_text(getattr(line, "party", None))))
        return entries

    year_nodes = []
    for y in years:
        year_nodes.append(_n(
            "years[]", label=y.label(lang), heading=year_heading(y.label(lang), y.scheme, lang),
            start=fmt.format_date(y.start, lang), end=fmt.format_date(y.end, lang),
            months=fmt.number(computation.budget_months(y.key), lang),
            costs=money(computation.year_total(y.key)), financing=money(financing.year_total(y.key)),
            lines=_Later(partial(year_lines, y.key))))

    def sum_node(path: str, per_year: dict[int, Decimal], total: Decimal) -> Node:
        return _n(path, amounts=[amount(per_year[y.key]) for y in years], total=amount(total))

    category_rows = []
    for key, per_year in computation.category_totals().items():
        stated = any(ln.has_amount for ln in budget.lines if budget.category(ln.category).key == key)
        category_rows.append(_n(
            "categories.rows[]", name=budget.category(key).name(lang),
            amounts=[amount(per_year[y.key]) if stated else DASH for y in years],
            total=amount(sum(per_year.values(), start=Decimal(0))) if stated else DASH))

    funder_rows = []
    for row in financing.rows:
        name = row.name
        declared = row.stated and row.source != "none"  # a funder the budget names without an amount: a dash
        funder_rows.append(_n(
            "financing.rows[]", name=name,
            amounts=[amount(row.amounts[y.key]) if declared and row.amounts.get(y.key) is not None else DASH
                     for y in years],
            total=amount(row.total) if declared else DASH,
            kind=catalogue.text("word.in_kind" if row.in_kind else "word.cash", lang)))

    plan_rows = []
    plan_sum = Decimal(0)
    for activity in budget.plan:
        cost = activity.cost.amount if activity.cost is not None else None
        plan_sum += cost or 0
        plan_rows.append(_n("plan.rows[]", name=activity.name,
                            start=fmt.format_date(activity.start, lang) if activity.start else "",
                            end=fmt.format_date(activity.end, lang) if activity.end else "",
                            cost=amount(cost) if cost is not None else ""))

    applied = computation.applied_amount
    return _n(
        "", lang=lang, today=fmt.format_date(today or dt.date.today(), lang), project=project_node,
        years=year_nodes, lines=line_nodes,
        costs=_n("costs", rows=cost_rows, sum=sum_node("costs.sum", computation.year_totals, computation.total),
                 total=money(computation.total), in_kind=money(computation.in_kind_total),
                 cash=money(computation.cash_total)),
        categories=_n("categories", rows=category_rows,
                      sum=sum_node("categories.sum", computation.year_totals, computation.total)),
        financing=_n("financing", rows=funder_rows,
                     sum=sum_node("financing.sum", financing.year_totals, financing.total),
                     total=money(financing.total), balanced=_yes(financing.balanced, lang)),
        plan=_n("plan", rows=plan_rows, sum=amount(plan_sum) if plan_rows else ""),
        applied_amount=money(applied) if applied is not None else "",
        total=money(computation.total),
        tables=_n("tables", costs="", categories="", financing="", plan="", justification=""),
        charts=_n("charts", costs="", financing=""),
    )
