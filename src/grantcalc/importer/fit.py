"""From a :class:`~grantcalc.importer.recognise.Draft` to budget data: each printed line
fitted to the kind of line it is.

A line becomes a factor line (salary, recurring, per unit, one-off, places) only when
grantcalc's own computation of it gives every amount the document prints for it, to the
krona; otherwise its amounts stay as stated (``kind: explicit``) and the report says why.
The choices that make the printed figures come out are made once, for the whole budget,
and reported: the budget years (calendar or project), how a part year is counted
(``proration``) and a year's months where the document counts differently (``months``),
and the rounding when every printed figure truncates its formula.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from fractions import Fraction
from typing import Any

from pydantic import ValidationError

from grantcalc.budget.categories import BUILTIN
from grantcalc.budget.serialize import percent_text
from grantcalc.budget.stated import parse_stated
from grantcalc.catalogue import DEFAULT
from grantcalc.errors import GrantcalcError, Problem, Severity
from grantcalc.importer import text as tx
from grantcalc.importer.read.common import where
from grantcalc.importer.recognise import Cell, Draft, Row, at, said
from grantcalc.messages import Bilingual, render
from grantcalc.periods import Proration, YearScheme, budget_years, months_between
from grantcalc.rounding import RoundingMode, RoundingRule, round_value

__all__ = ["Fitted", "fit"]

MAX_EVALUATIONS = 20_000  # one-line budgets computed while fitting (about 1 ms each): a document's worth
_STEPS = (Decimal(1), Decimal(10), Decimal(100), Decimal(500), Decimal(1000), Decimal(5000), Decimal(10000))
_MODES = (RoundingMode.up, RoundingMode.half_up, RoundingMode.down)
_KEYWORDS = (  # a category from the line's words, when the document prints none
    ("staff", ("lön", "ledare", "coach", "personal", "samordnare", "handläggare", "tjänst", "anställ",
               "medarbetare", "arvode")),
    ("travel", ("resor", "resa", "resekostn", "milersättning", "reseers")),
    ("premises", ("lokal", "hyra")),
    ("participants", ("deltagar",)),
    ("equipment", ("dator", "telefon", "utrustning", "inventarier")),
    ("material", ("material", "förbrukning", "it ")),
    ("training", ("utbildning", "kompetensutveckling", "kurs")),
    ("supervision", ("handledning",)),
    ("evaluation", ("utvärdering", "följeforskning")),
    ("administration", ("administration", "overhead", "ekonomi")),
    ("external_services", ("konsult", "tjänster", "köpta")),
)


@dataclass(slots=True)
class Fitted:
    """The budget as data (what the YAML holds), a comment per line, and the report's notes."""

    data: dict[str, Any]
    comments: dict[str, str] = field(default_factory=dict)  # "lines.3" → the comment above it
    notes: list[Problem] = field(default_factory=list)
    factor_lines: int = 0
    explicit_lines: int = 0
    figures: int = 0


class _Context:
    def __init__(self, draft: Draft, fitted: Fitted) -> None:
        self.draft, self.fitted = draft, fitted
        self.period: dict[str, Any] = {}
        self.rounding: dict[str, Any] | None = None
        self.keys: list[int] = []
        self.guessed: dict[str, list[str]] = {}  # Resekostnader → [Resor]: categories chosen from the lines' words
        self.evaluations = 0  # lines computed to fit them: bounded by MAX_EVALUATIONS
        self.months: dict[int, Decimal] | None = None  # each budget year's months, once the period is chosen

    def note(self, code: str, place: Any = None, severity: Severity = Severity.info, **params: object) -> None:
        self.fitted.notes.append(Problem(code, severity, (), {**params, **at(place)}))


def fit(draft: Draft) -> Fitted:
    fitted = Fitted({})
    fitted.notes.extend(draft.notes)
    ctx = _Context(draft, fitted)
    _period(ctx)
    _rounding(ctx)
    lines = []
    names: set[str] = set()
    per_category = Counter(r.category for r in draft.rows if r.category and r.spec)
    for row in draft.rows:
        if row.category and row.spec and per_category[row.category] == 1 and row.label != row.category:
            row.label = row.category  # the category's only line: its name; what it is stays its specification
        line, comment = _line(ctx, row)
        name = line["name"]
        if name.casefold() in names:
            better = f"{line['category']} {name}" if line.get("category") else name
            n = 2
            while better.casefold() in names:
                better, n = f"{name} ({n})", n + 1
            line["name"] = better
        names.add(line["name"].casefold())
        lines.append(line)
        place = where(row.place).text(DEFAULT)
        if comment:
            fitted.comments[f"lines.{len(lines) - 1}"] = f"{place}: {comment}" if place else comment
    if ctx.guessed:
        guessed = dict(ctx.guessed)

        def chosen(lang: str) -> str:
            return "; ".join(f"{category} ({', '.join(names[:6])}"
                             f"{render('import.and_more', {'n': len(names) - 6}, lang) if len(names) > 6 else ''})"
                             for category, names in guessed.items())

        ctx.note("import.category_guessed", None, lines=Bilingual(chosen))
    data: dict[str, Any] = {"project": _project(ctx), "period": ctx.period}
    if ctx.rounding:
        data["rounding"] = ctx.rounding
    categories = []
    for line in lines:
        if line.get("category") and line["category"] not in categories:
            categories.append(line["category"])
    if categories and any(r.category for r in draft.rows):
        data["categories"] = categories
    data["lines"] = lines
    financing = _financing(ctx, lines)
    if financing:
        data["financing"] = financing
    plan = _plan(ctx, lines)
    if plan:
        data["plan"] = plan
    stated = _statement(ctx, lines)
    if stated:
        data["stated"] = stated
    fitted.data = data
    return fitted


# ---------------------------------------------------------------- period, years, rounding

def _period(ctx: _Context) -> None:
    draft = ctx.draft
    keys = draft.year_keys()
    if not keys:
        keys = sorted({k for row in draft.rows for k in row.years})
    ctx.keys = keys
    scheme = YearScheme.project if draft.project_years else YearScheme.calendar
    start_end = draft.period
    if start_end is None and keys and scheme is YearScheme.calendar:
        first, last = draft.years[0] if draft.years else None, draft.years[-1] if draft.years else None
        start = date(keys[0], *(first.start if first and first.start else (1, 1)))
        end = date(keys[-1], *(last.end if last and last.end else (12, 31)))
        start_end = (start, end)
        ctx.note("import.period_from_years", None, Severity.warning, start=start.isoformat(), end=end.isoformat())
    read = start_end is not None and draft.period is not None
    if start_end is None:
        today = date.today()
        start = date(today.year, 1, 1)
        years = max(len(keys), 1)
        end = date(today.year + years, 1, 1) - timedelta(days=1)
        start_end = (start, end)
        ctx.note("import.period_missing", None, Severity.warning, start=start.isoformat(), end=end.isoformat())
    if read:
        ctx.note("import.period", draft.period_place, start=start_end[0].isoformat(), end=start_end[1].isoformat())
    ctx.fitted.comments["period"] = _comment(ctx.fitted.notes[-1])
    period: dict[str, Any] = {"start": start_end[0], "end": start_end[1]}
    if scheme is YearScheme.project:
        period["budget_years"] = "project"
        ctx.note("import.project_years", None)
    ctx.period = period
    # the months the document's formulas count per year, against what the dates give
    counted: dict[int, Counter[Decimal]] = {}
    for row in draft.rows:
        for key, cell in row.years.items():
            months = _formula_months(cell)
            if months is not None:
                counted.setdefault(key, Counter())[months] += 1
    if not counted:
        return
    spans = {y.key: y for y in budget_years(start_end[0], start_end[1], scheme)}
    best: tuple[int, Proration] | None = None
    for rule in (Proration.days, Proration.half_months, Proration.whole_months):
        hits = sum(1 for k, c in counted.items() if k in spans and
                   Fraction(c.most_common(1)[0][0]) == months_between(spans[k].start, spans[k].end, rule))
        if best is None or hits > best[0]:
            best = (hits, rule)
    assert best is not None
    rule = best[1]
    if rule is not Proration.days:
        period["proration"] = rule.value
        ctx.note("import.proration", None, rule=rule.value)
    overrides = {}
    for key, c in sorted(counted.items()):
        months = c.most_common(1)[0][0]
        if key in spans and Fraction(months) != months_between(spans[key].start, spans[key].end, rule):
            overrides[key] = months
            ctx.note("import.months", None, year=_year_text(ctx, key), months=months)
    if overrides:
        period["months"] = overrides
    ctx.fitted.comments["period"] = "\n".join(
        _comment(n) for n in ctx.fitted.notes if n.code in ("import.period", "import.period_from_years",
                                                         "import.period_missing", "import.proration", "import.months"))


def _formula_months(cell: Cell) -> Decimal | None:
    f = cell.formula
    if f is None:
        return None
    for factor in f.factors:
        if factor.kind == "months":
            return factor.value
    money = [x for x in f.factors if x.kind == "money"]
    if money and money[0].per in ("year", "unit_year"):
        return None
    plain = [x for x in f.factors if x.kind == "plain"]
    if plain and len(f.factors) >= 2 and plain[-1] is f.factors[-1] and plain[-1].value <= 12 and \
            (plain[-1].value * 2) == int(plain[-1].value * 2):
        return plain[-1].value
    return None


def _year_text(ctx: _Context, key: int) -> str:
    return f"År {key}" if ctx.draft.project_years else str(key)


def _rounding(ctx: _Context) -> None:
    """Truncation when every formula whose product has öre prints it cut down (and at least one
    would round otherwise); rounding up likewise; else grantcalc's default, half up."""
    nearest = down = up = 0
    cases = 0
    for row in ctx.draft.rows:
        for cell in row.years.values():
            f = cell.formula
            if f is None or f.result is None:
                continue
            product = f.product
            if product == product.to_integral_value():
                continue
            cases += 1
            floor = product.to_integral_value(rounding="ROUND_FLOOR")
            nearest += f.result == round_value(product)
            down += f.result == floor
            up += f.result == floor + 1
    if not cases or nearest == cases:
        return
    if down == cases:
        ctx.rounding = {"mode": "down", "step": 1}
        ctx.note("import.rounding_down", None, n=down)
    elif up == cases:
        ctx.rounding = {"mode": "up", "step": 1}
        ctx.note("import.rounding_up", None, n=up)
    else:
        return
    ctx.fitted.comments["rounding"] = _comment(ctx.fitted.notes[-1])


def _comment(note: Problem) -> str:
    """A note as the YAML file's comment says it, in the catalogue's default language."""
    return said(note, DEFAULT)


# ---------------------------------------------------------------- one line

def _category(ctx: _Context, row: Row) -> str:
    if row.category:
        return row.category
    words = " ".join(row.labels + [row.label]).casefold() + " "
    name = next((next(c.sv for c in BUILTIN if c.key == key) for key, needles in _KEYWORDS
                 if any(n in words for n in needles)), "Övriga kostnader")
    ctx.guessed.setdefault(name, []).append(row.label)
    return name


def _evaluate(ctx: _Context, line: dict[str, Any]) -> dict[int, Decimal] | None:
    """What grantcalc computes for ``line`` in this budget's period, per year; None if invalid."""
    from grantcalc.budget.model import Budget
    from grantcalc.compute import compute

    if ctx.evaluations >= MAX_EVALUATIONS:
        if ctx.evaluations == MAX_EVALUATIONS:
            ctx.note("import.fit_bound", None, Severity.warning, n=MAX_EVALUATIONS, line=line["name"])
            ctx.evaluations += 1
        return None  # past the bound, lines keep their amounts as printed
    ctx.evaluations += 1
    data: dict[str, Any] = {"project": {"name": "x"}, "period": ctx.period, "lines": [line]}
    if ctx.rounding:
        data["rounding"] = ctx.rounding
    try:
        budget = Budget.model_validate(data)
        c = compute(budget)
        return {y.key: c.amount(line["name"], y.key) for y in c.years}
    except (ValidationError, GrantcalcError, ValueError, ArithmeticError, KeyError):
        return None


def _printed(row: Row, keys: list[int]) -> dict[int, Decimal]:
    return {k: row.years[k].amount for k in keys if k in row.years}


def _matches(computed: dict[int, Decimal] | None, printed: dict[int, Decimal]) -> bool:
    if computed is None:
        return False
    return all(computed.get(k, Decimal(0)) == v for k, v in printed.items()) and \
        all(v == 0 for k, v in computed.items() if k not in printed)


def _spec_from_formula(f: tx.Formula, label: str) -> dict[str, Any] | None:
    """The kind and factors a printed formula states: salary (with an on-cost factor 1,xx),
    per unit (a count), recurring per month or year."""
    factors = list(f.factors)
    money = next((x for x in factors if x.kind == "money"), None)
    if money is None:
        first = factors[0]
        if first.kind not in ("plain", "count"):
            return None
        money = first
    rest = [x for x in factors if x is not money]
    months = next((x for x in rest if x.kind == "months"), None)
    share = next((x for x in rest if x.kind == "share"), None)
    rates = [x for x in rest if x.kind == "rate"]
    plain = [x for x in rest if x.kind in ("plain", "count")]
    on_cost = next((x for x in plain if Decimal(1) < x.value < Decimal(2) and x.value != x.value.to_integral_value()),
                   None)
    if on_cost is not None:
        plain.remove(on_cost)
    if months is None and plain and money.per not in ("year", "unit_year") and plain[-1].value <= 12:
        months = plain.pop()
    if on_cost is not None or (rates and money.value >= 10000 and months is not None):
        fte = Decimal(1)
        for r in rates:
            fte *= r.value
        for p in plain:
            fte *= p.value
        if not rates and not plain:
            named = tx.rate_in(label)
            if named is not None:
                fte = named
        spec: dict[str, Any] = {"kind": "salary", "monthly_salary": money.value,
                                "on_cost": on_cost.value if on_cost else Decimal(1), "fte": fte}
        return spec
    if rates:
        return None
    if plain:
        count = Decimal(1)
        for p in plain:
            count *= p.value
        unit = next((p.unit for p in plain if p.unit), None) or money.unit
        per = "month" if money.per in ("month", "unit_month") or months is not None else "year"
        spec = {"kind": "per_unit", "unit_cost": money.value, "count": count, "per": per}
        if unit:
            spec["unit"] = unit
        return spec
    per = "month" if money.per in ("month", "unit_month") or months is not None else "year"
    if share is not None and per == "month":
        return None
    return {"kind": "recurring", "amount": money.value, "per": per}


_YEAR_FIELDS = {
    "salary": ("monthly_salary", "on_cost", "fte"),
    "recurring": ("amount", "per"),
    "per_unit": ("unit_cost", "count", "per"),
}


def _with_years(base: dict[str, Any], specs: dict[int, dict[str, Any]], raise_rate: Decimal | None,
                first_key: int, only: set[int] | None = None) -> dict[str, Any] | None:
    """``base`` with the years whose own formula differs from it as ``by_year`` values (of the
    years in ``only``, when given: those the base alone does not give)."""
    kind = base["kind"]
    line = dict(base)
    by_year: dict[int, dict[str, Any]] = {}
    for key, spec in specs.items():
        if only is not None and key not in only and not (kind == "salary" and raise_rate is not None):
            continue
        if spec["kind"] != kind:
            if only is not None:
                return None
            continue
        values = {f: spec[f] for f in _YEAR_FIELDS[kind] if f in spec and spec[f] != base.get(f)}
        if kind == "salary" and raise_rate is not None and key != first_key:
            values["monthly_salary"] = spec["monthly_salary"]  # the salary as stated, not as raised
        if "unit" in spec and spec.get("unit") != base.get("unit"):
            pass
        if values:
            by_year[key] = values
    if by_year:
        line["by_year"] = by_year
    return line


def _label_specs(row: Row) -> list[dict[str, Any]]:
    """Rates a line's label states in words ("32.000 kr/år", "5.000 kr/pers/år", "5 000 kr/mån")."""
    out = []
    for text in row.labels:
        for f in tx.money_rates(text):
            if f.per in ("year", "month"):
                out.append({"kind": "recurring", "amount": f.value, "per": f.per})
            elif f.per in ("unit_year", "unit_month", "unit"):
                out.append({"kind": "per_unit", "unit_cost": f.value, "per": "month" if f.per == "unit_month"
                            else "year", "unit": f.unit})
    return out


def _line(ctx: _Context, row: Row) -> tuple[dict[str, Any], str | None]:
    keys = ctx.keys
    name = row.label
    spec_text = row.spec if row.spec and row.spec != name else row.group_note  # the group's own words
    line: dict[str, Any] = {"name": name, "category": _category(ctx, row)}
    if spec_text:
        line["specification"] = spec_text
    printed = _printed(row, keys)
    party = row.in_kind or _in_kind_party(row)
    if party and printed:
        line["kind"] = "in_kind"
        line["party"] = party
        line["amounts"] = dict(printed)
        if row.total is not None:
            line["stated"] = {"total": _stated_value(row.total)}
        ctx.fitted.explicit_lines += 1
        ctx.note("import.line_in_kind", row.place, line=name, party=party)
        return line, _in_kind_comment(party)
    if row.in_kind and not printed:
        line["kind"] = "in_kind"
        line["party"] = row.in_kind
        ctx.note("import.line_in_kind", row.place, line=name, party=row.in_kind)
        return line, _in_kind_comment(row.in_kind)
    if not printed and row.total is None:
        line["kind"] = "explicit"
        line["amounts"] = {}
        ctx.note("import.line_no_amounts", row.place, Severity.warning, line=name)
        return line, None
    found = _fit_factors(ctx, row, printed, line)
    if found is not None:
        body, how = found
        line.update(body)
        line["stated"] = _stated_row(row, keys, explicit=False)
        ctx.fitted.factor_lines += 1
        ctx.note("import.line_factors", row.place, line=name, how=how)
        return line, how.text(DEFAULT)
    # the amounts as printed
    line["kind"] = "explicit"
    line["amounts"] = dict(printed.items())
    rate = re.search(r"(?i)(?:^|\s)((?:ca\.?|cirka)\s*)?(\d+(?:,\d+)?)\s*%", " ".join(row.labels))
    if rate and re.search(r"(?i)administration|overhead|indirekt|\bOH\b|schablon|omkostnad", " ".join(row.labels)):
        line["stated_rate"] = f"{'ca ' if rate.group(1) else ''}{rate.group(2)} %"  # "Administration ca 4 %"
        ctx.note("import.stated_rate", row.place, line=name, rate=line["stated_rate"])
    basis = _basis(row)
    if basis:
        line["basis"] = basis
    stated = _stated_row(row, keys, explicit=True)
    if stated:
        line["stated"] = stated
    ctx.fitted.explicit_lines += 1
    reason = "import.explicit_formula" if any(c.formula for c in row.years.values()) else "import.explicit_amounts"
    ctx.note(reason, row.place, line=name)

    return line, render(f"{reason}.short", {})


def _in_kind_comment(party: str) -> str:

    return render("import.line_in_kind", {"line": "", "party": party}).lstrip(": ")


def _in_kind_party(row: Row) -> str | None:
    """The party a line says carries it in kind: "Köpings kommun, medfinansiering i form av personal"."""
    for text in [row.spec or "", *row.labels]:
        m = re.search(r"(?i)^(.+?),?\s+(?:medfinansiering\s+)?(?:i form av|i natura)\b", text)
        if m and re.search(r"[A-ZÅÄÖ]", m.group(1)[:1]) and len(m.group(1)) < 80:
            head = m.group(1).split(",")[0].strip()
            if head and head != row.label:
                return head
    return None


def _basis(row: Row) -> dict[str, Any] | None:
    text = " ".join([*row.labels, row.spec or ""])
    fte = tx.rate_in(text)
    rates = [f for f in tx.money_rates(text) if f.per == "month"]
    if fte is not None and rates and rates[0].value >= 10000:
        return {"monthly_salary": rates[0].value, "fte": percent_text(fte)}
    return None


def _stated_row(row: Row, keys: list[int], explicit: bool) -> dict[Any, Any]:
    out: dict[Any, Any] = {}
    if not explicit:
        for key in keys:
            cell = row.years.get(key)
            if cell is not None:
                out[key] = _stated_value(cell)
    else:
        for key in keys:
            cell = row.years.get(key)
            if cell is not None and cell.formula is not None:
                out[key] = _stated_value(cell)
    if row.total is not None:
        out["total"] = _stated_value(row.total)
    return out


def _stated_value(cell: Cell) -> Any:
    """The figure as the document prints it, when grantcalc reads it back the same; else its amount."""
    text = cell.text
    if cell.formula is not None and cell.formula.result is not None:
        text = cell.formula.text
    if cell.approx and not text.casefold().startswith(("ca", "cirka", "~", "≈")):
        text = f"ca {text}"
    try:
        figure = parse_stated(text)
    except (ValueError, ArithmeticError):
        return cell.amount
    if figure.amount != cell.amount:
        return cell.amount
    if figure.factors or getattr(figure, "tolerance", None) is not None:
        return text
    return cell.amount


def _fit_factors(ctx: _Context, row: Row, printed: dict[int, Decimal],
                 line: dict[str, Any]) -> tuple[dict[str, Any], Bilingual] | None:
    name = line["name"]
    formulas = {k: c.formula for k, c in row.years.items() if c.formula is not None and k in printed}
    specs: dict[int, dict[str, Any]] = {}
    for key, f in formulas.items():
        spec = _spec_from_formula(f, " ".join(row.labels))
        if spec is not None:
            specs[key] = spec
    raise_rate = _raise_of(ctx, row)
    candidates: list[dict[str, Any]] = []
    for key in sorted(specs):
        if specs[key] not in candidates:  # each year's formula once: most years repeat the same factors
            candidates.append(specs[key])
    counts = [s.get("count") for s in specs.values() if s["kind"] == "per_unit"]
    for spec in _label_specs(row):
        if spec["kind"] == "per_unit" and "count" not in spec:
            if not counts:
                continue
            spec["count"] = counts[0]
        candidates.append(spec)
    first_key = min(specs) if specs else (min(printed) if printed else 0)
    tried = 0
    best: tuple[int, dict[str, Any]] | None = None
    for base in candidates:
        body = _with_years({**base, "name": name, "category": line["category"]}, specs, raise_rate, first_key)
        if body is None:
            continue
        if body["kind"] == "salary" and raise_rate is not None:
            body["annual_raise"] = _raise_spec(raise_rate, specs)
        tried += 1
        if tried > 12:
            break
        plain = {**base, "name": name, "category": line["category"]}
        alone = _evaluate(ctx, plain) if body["kind"] != "salary" or raise_rate is None else None
        if alone is not None:  # the years the base alone does not give take their own formula's values
            wrong = {k for k, v in printed.items() if alone.get(k, Decimal(0)) != v}
            body = _with_years(plain, specs, raise_rate, first_key, wrong) if wrong else plain
            if body is None:
                continue
        if (alone is not None and body is plain and _matches(alone, printed)) or _matches(_evaluate(ctx, body),
                                                                                          printed):
            size = len(body.get("by_year", {}))
            if best is None or size < best[0]:
                best = (size, body)
    if best is not None:
        body = _tidy({k: v for k, v in best[1].items() if k not in ("name", "category")})
        return body, _how(body)
    if formulas:
        return None
    return _fit_amounts(ctx, row, printed, line)


def _raise_spec(rate: Decimal, specs: dict[int, dict[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {"rate": percent_text(rate)}
    salaries = [specs[k]["monthly_salary"] for k in sorted(specs) if specs[k]["kind"] == "salary"]
    raised = [b for a, b in itertools.pairwise(salaries) if b != a]
    if raised and all(s % 100 == 0 for s in raised):  # the raised salaries are printed in whole hundreds
        out["rounding"] = {"step": 100}
    return out


def _raise_of(ctx: _Context, row: Row) -> Decimal | None:
    """The yearly raise a line states ("årlig löneökn. 3,3 % enl. avtal"), else the one raise the
    document states for all its salaries ("löneökning 3 % per år")."""
    for text in row.labels:
        for m in re.finditer(r"(?i)löne(?:ökn(?:ing)?|uppräkning)\.?[^%\d]{0,30}(\d+(?:,\d+)?)\s*%|"
                             r"(\d+(?:,\d+)?)\s*%\s*(?:årlig\s+)?löneökn", text):
            rate = m.group(1) or m.group(2)
            return Decimal(rate.replace(",", ".")) / 100
    rates = {r for r, _ in ctx.draft.raises}
    return next(iter(rates)) if len(rates) == 1 else None


def _tidy(body: dict[str, Any]) -> dict[str, Any]:
    out = dict(body)
    if out.get("kind") == "salary":
        out["fte"] = percent_text(out["fte"])
        for values in out.get("by_year", {}).values():
            if "fte" in values:
                values["fte"] = percent_text(values["fte"])
    return out


def _how(body: dict[str, Any]) -> Bilingual:
    """The kind and factors in a few words, for the report and the YAML's comment, in either language."""

    kind = body["kind"]
    params = {k: body.get(k, "") for k in ("monthly_salary", "on_cost", "fte", "amount", "per", "unit_cost", "count",
                                            "unit", "year", "places", "price", "per_places")
              if isinstance(body.get(k, ""), (Decimal, int, str))}
    years = ", ".join(str(k) for k in body.get("by_year", {}))

    def text(lang: str) -> str:
        words = {**params, "per": render(f"import.per.{params['per']}", {}, lang)} if params.get("per") else params
        out = render(f"import.how.{kind}", words, lang)
        return out + render("import.how.by_year", {"years": years}, lang) if years else out

    return Bilingual(text)


def _fit_amounts(ctx: _Context, row: Row, printed: dict[int, Decimal],
                 line: dict[str, Any]) -> tuple[dict[str, Any], Bilingual] | None:
    """A line printed as amounts only: one-off, a monthly rate, places at a price, a yearly amount."""
    name, category = line["name"], line["category"]
    nonzero = {k: v for k, v in printed.items() if v != 0}
    if not nonzero:
        return None
    candidates: list[dict[str, Any]] = []
    if len(nonzero) == 1:
        key, value = next(iter(nonzero.items()))
        candidates.append({"kind": "one_off", "amount": value, "year": key})
    months = _months_per_year(ctx)
    rates = {k: v / months[k] for k, v in nonzero.items() if months.get(k)}
    if len(nonzero) >= 2 and len(set(rates.values())) == 1 and len(rates) == len(nonzero):
        rate = next(iter(rates.values()))
        if rate == rate.to_integral_value():
            candidates.append({"kind": "recurring", "amount": rate, "per": "month"})
    places = re.search(r"(\d+)\s*platser", row.label) or re.search(r"(\d+)\s*platser", " ".join(row.labels))
    if places:
        count = Decimal(places.group(1))
        rules = [(per, price) for per, price, _ in ctx.draft.price_rules]
        for text in row.labels:  # "650 000 kr/år × 40/15 platser": the price per block of places
            for m in re.finditer(r"(\d[\d \u00a0.]*\d)\s*kr/år(?:\s*[×x*]\s*(\d+)\s*/\s*(\d+)\s*platser)?", text):
                stated = tx.amount_of(m.group(1))
                if stated:
                    rules.append((Decimal(m.group(3)) if m.group(3) else count, stated[0]))
        for per, price in rules[:4]:
            found = _fit_places(ctx, count, price, per, printed, name, category)
            if found:
                candidates.append(found)
                break
    for body in candidates:
        full = {**body, "name": name, "category": category}
        if _matches(_evaluate(ctx, full), printed):
            return body, _how(body)
    return None


def _months_per_year(ctx: _Context) -> dict[int, Decimal]:
    """The months of each budget year by the period the import chose (worked out once)."""
    if ctx.months is None:
        ctx.months = _months_of(ctx.period)
    return ctx.months


def _months_of(data: dict[str, Any]) -> dict[int, Decimal]:
    from grantcalc.budget.model import Period

    try:
        period = Period.model_validate(data)
    except ValidationError:
        return {}
    out = {}
    for y in budget_years(period.start, period.end, period.budget_years):
        if y.key in period.months:
            out[y.key] = Decimal(period.months[y.key])
        else:
            m = months_between(y.start, y.end, period.proration)
            out[y.key] = Decimal(m.numerator) / Decimal(m.denominator)
    return out


def _fit_places(ctx: _Context, places: Decimal, price: Decimal, per: Decimal, printed: dict[int, Decimal],
                name: str, category: str) -> dict[str, Any] | None:
    """Places at a price per block of places a year ("för 15 platser … 650 000 kronor per år"),
    with the rounding (of the year's amount, then of a part year's) that gives the printed figures."""
    months = _months_per_year(ctx)
    annual_exact = Fraction(price) * Fraction(places) / Fraction(per)
    rules = [RoundingRule(m, s) for m in _MODES for s in _STEPS]
    for annual_rule in [None, *rules]:
        annual = Fraction(round_value(annual_exact, annual_rule)) if annual_rule else annual_exact
        for rule in rules:
            ok = True
            for key, value in printed.items():
                m = months.get(key)
                if m is None:
                    ok = False
                    break
                exact = annual * Fraction(m) / 12
                if round_value(exact, rule) != value:
                    ok = False
                    break
            if ok:
                body: dict[str, Any] = {"kind": "places", "places": places, "price": price, "per_places": int(per)}
                if annual_rule:
                    body["annual_rounding"] = {"mode": annual_rule.mode.value, "step": annual_rule.step}
                body["rounding"] = {"mode": rule.mode.value, "step": rule.step}
                full = {**body, "name": name, "category": category}
                if _matches(_evaluate(ctx, full), printed):
                    return body
    return None


# ---------------------------------------------------------------- financing, plan, statement

def _financing(ctx: _Context, lines: list[dict[str, Any]]) -> list[dict[str, Any]]:
    draft = ctx.draft
    out = []
    parties = {line["party"].casefold(): line["party"] for line in lines if line.get("kind") == "in_kind"}
    for row in draft.funders:
        funder: dict[str, Any] = {"name": row.name}
        amounts = {k: c.amount for k, c in row.years.items()}
        head = re.split(r"\s*[(,]", row.name, maxsplit=1)[0].strip()
        if row.in_kind and head.casefold() in parties:
            # "Köpings kommun (i form av personal)": the party of in-kind cost lines, which finance
            # themselves; the row's figures are what the document states for it
            funder = {"name": parties[head.casefold()], "in_kind": True}
            own: dict[Any, Any] = {k: _stated_value(c) for k, c in row.years.items()}
            if row.total is not None:
                own["total"] = _stated_value(row.total)
            if own:
                funder["stated"] = own
            out.append(funder)
            continue
        if row.in_kind:
            funder["in_kind"] = True
        if amounts:
            funder["amounts"] = amounts
        stated: dict[Any, Any] = {}
        if row.total is not None:
            stated["total"] = _stated_value(row.total)
        if stated:
            funder["stated"] = stated
        out.append(funder)
    if out:
        ctx.note("import.financing", None, n=len(out))
    elif draft.funders == [] and lines:
        ctx.note("import.financing_none", None)
    return out


def _plan(ctx: _Context, lines: list[dict[str, Any]]) -> list[dict[str, Any]]:
    from difflib import SequenceMatcher

    out = []
    for act in ctx.draft.plan:
        item: dict[str, Any] = {"name": act.name}
        if act.start:
            item["start"] = act.start
        if act.end:
            item["end"] = act.end
        if act.cost is not None:
            item["cost"] = _stated_value(act.cost)
        scored = []
        head = set(tx.words(re.split(r"\s[–—-]\s|,", act.name, maxsplit=1)[0]))
        mine = {w for w in tx.words(act.name) if len(w) >= 3}
        for line in lines:
            text = " ".join(str(line.get(k, "")) for k in ("name", "specification"))
            theirs = {w for w in tx.words(text) if len(w) >= 3}
            score = 0
            for w in mine:
                hit = w in theirs or any(len(t) >= 6 and (t in w or w in t) for t in theirs) or any(
                    len(w) > 5 and len(t) > 5 and SequenceMatcher(None, w, t).ratio() >= 0.85  # float-ok: similarity
                    for t in theirs)
                if hit:
                    score += 2 if w in head else 1
            scored.append((score, line["name"]))
        scored.sort(key=lambda x: -x[0])
        if scored and scored[0][0] > 0 and (len(scored) == 1 or scored[1][0] < scored[0][0]):
            item["lines"] = [scored[0][1]]
            ctx.note("import.plan_line", act.place, activity=act.name, line=scored[0][1])
        out.append(item)
    return out


def _statement(ctx: _Context, lines: list[dict[str, Any]]) -> dict[str, Any]:
    draft = ctx.draft
    out: dict[str, Any] = {}
    costs = {k: _stated_value(c) for k, c in draft.costs.items()}
    if costs:
        out["costs"] = costs
    financing = {k: _stated_value(c) for k, c in draft.financing.items()}
    if financing:
        out["financing"] = financing
    if draft.applied_row:
        applied = {k: _stated_value(c) for k, c in draft.applied_row.items()}
        if "total" not in applied and draft.applied is not None:
            applied["total"] = _stated_value(draft.applied)
        out["applied_amount"] = applied
    elif draft.applied is not None:
        out["applied_amount"] = _stated_value(draft.applied)
    if draft.plan_total is not None:
        out["plan"] = _stated_value(draft.plan_total)
    subtotals = []
    for sub in draft.subtotals:
        names = [lines[i]["name"] for i in sub.rows if i < len(lines)]
        if not names:
            continue
        row: dict[Any, Any] = {k: _stated_value(c) for k, c in sub.years.items()}
        if sub.total is not None:
            row["total"] = _stated_value(sub.total)
        subtotals.append({"name": sub.name, "lines": names, "stated": row})
    if subtotals:
        out["subtotals"] = subtotals
    return out


def _project(ctx: _Context) -> dict[str, Any]:
    draft = ctx.draft
    project: dict[str, Any] = {"name": draft.name or "Ansökan"}
    if draft.name is None:
        ctx.note("import.name_missing", None, Severity.warning)
    if draft.applicant:
        project["applicant"] = draft.applicant
    if draft.funder:
        project["funder"] = draft.funder
    if draft.parties:
        project["parties"] = draft.parties
    return project
