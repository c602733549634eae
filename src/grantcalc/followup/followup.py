"""The follow-up (*uppföljning*): the outcome against the granted budget, line by line and year by year.

:func:`follow_up` takes a computed budget and its outcome — the budget file's ``actuals:``, a
ledger CSV (:mod:`.ledger`) or entries given in Python — and returns a :class:`FollowUp`:

* per line (or per category, where the outcome is booked on the category as a whole) and budget
  year: the budget, the outcome, the difference (outcome − budget) and the share used;
* per year and in all: the same sums;
* the time elapsed by the as-of date against the money used, and the forecast at the current rate
  to the end of the period;
* financing received against the financing budgeted;
* the participants reached against those planned, and the cost per participant;
* findings with codes, each located at the outcome entry (the budget file's line, or the CSV's).

The granted amount is a ceiling paid against actual costs: a year (or the whole period) whose
outcome passes its budget is an error; a line or category past its own budget a warning (money may
be moved between lines within the funder's rules); money used faster than time a warning; an entry
on a line that does not exist, or in a period outside the project, an error, and it is not counted.
A negative amount is a credit: counted, and marked (info).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from fractions import Fraction
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from grantcalc.budget.actuals import Span, period_span
from grantcalc.budget.categories import normalise
from grantcalc.budget.lines import Line
from grantcalc.budget.validate import did_you_mean
from grantcalc.errors import Findings, Problem, Severity
from grantcalc.followup.ledger import Booking, Ledger, bookings_from, read_ledger, tidy
from grantcalc.followup.words import money, percent
from grantcalc.periods import Proration, months_between
from grantcalc.rounding import round_value

if TYPE_CHECKING:
    import pandas as pd
    from matplotlib.figure import Figure

    from grantcalc.budget.model import Budget
    from grantcalc.compute.computation import Computation

__all__ = ["follow_up", "FollowUp", "Row", "Entry", "Forecast", "ZERO"]

ZERO = Decimal(0)
_ORDER = {Severity.error: 0, Severity.warning: 1, Severity.info: 2}


@dataclass(frozen=True, slots=True)
class Entry:
    """An outcome entry the budget knows: the :class:`~grantcalc.followup.ledger.Booking` as read,
    what it names (a ``line``, a whole ``category`` (its key) or a ``funder``), its days and its
    budget ``year`` (key)."""

    booking: Booking
    span: Span
    year: int
    line: str | None = None
    category: str | None = None
    funder: str | None = None

    @property
    def amount(self) -> Decimal:
        return self.booking.amount


@dataclass(frozen=True, slots=True)
class Row:
    """One line (or a category booked as a whole: ``line`` None) in one budget year: ``budget``
    (None for a contribution in kind the document does not value), ``actual`` (the outcome)."""

    line: str | None
    category: str  # the category's key
    year: int
    budget: Decimal | None
    actual: Decimal

    @property
    def difference(self) -> Decimal | None:
        """Outcome − budget: positive is over budget."""
        return None if self.budget is None else self.actual - self.budget

    @property
    def used(self) -> Fraction | None:
        """The share of the budget used (None when there is no budget to use)."""
        return None if not self.budget else Fraction(self.actual) / Fraction(self.budget)


@dataclass(frozen=True)
class Forecast:
    """Time against money by ``as_of``: months elapsed of the period's, the outcome against the
    budget so far (each year's budget × the share of its months elapsed), and the outcome at the
    current rate to the period's end (outcome × months / months elapsed, whole kronor)."""

    as_of: date
    elapsed: Fraction
    months: Fraction
    budget_total: Decimal
    budget_to_date: Decimal
    actual_to_date: Decimal
    at_rate: Decimal | None  # None before any time has passed

    @property
    def time_share(self) -> Fraction:
        return self.elapsed / self.months if self.months else Fraction(0)

    @property
    def used_share(self) -> Fraction | None:
        return Fraction(self.actual_to_date) / Fraction(self.budget_total) if self.budget_total else None

    @property
    def at_rate_difference(self) -> Decimal | None:
        return None if self.at_rate is None else self.at_rate - self.budget_total


@dataclass
class FollowUp(Findings):
    """The outcome of a computed budget against it (see the module's description)."""

    computation: Computation
    as_of: date
    source: str | None  # where the outcome came from: a ledger's name, the budget file, None (Python)
    entries: list[Entry]
    rows: list[Row]
    findings: list[Problem] = field(default_factory=list)
    received: dict[str, dict[int, Decimal]] = field(default_factory=dict)  # funder → year → received

    def __post_init__(self) -> None:
        self.findings = sorted(self.findings, key=lambda p: (_ORDER[p.severity], p.file or "", p.line or 0))

    # --- the budget and its years --------------------------------------------------------------
    @property
    def budget(self) -> Budget:
        return self.computation.budget

    @property
    def years(self):
        return self.computation.years

    @property
    def file(self) -> str | None:
        """The budget's file name."""
        source = self.budget.source
        return source.name if source is not None else None

    # --- sums ----------------------------------------------------------------------------------
    def year_budget(self, key: int) -> Decimal:
        return self.computation.year_total(key)

    def year_actual(self, key: int) -> Decimal:
        return tidy(sum((r.actual for r in self.rows if r.year == key), start=ZERO))

    @property
    def budget_total(self) -> Decimal:
        return self.computation.total

    @property
    def actual_total(self) -> Decimal:
        return tidy(sum((r.actual for r in self.rows), start=ZERO))

    def row(self, line: str | None, year: int, category: str | None = None) -> Row:
        """The row of ``line`` (or of ``category`` booked as a whole, ``line`` None) in ``year``."""
        for r in self.rows:
            if r.year == year and r.line == line and (line is not None or r.category == category):
                return r
        raise KeyError((line or category, year))

    @property
    def units(self) -> list[tuple[str | None, str]]:
        """The rows' (line, category key) in table order: each line, or a category booked as a whole."""
        seen: dict[tuple[str | None, str], None] = {}
        for r in self.rows:
            seen.setdefault((r.line, r.category), None)
        return list(seen)

    @cached_property
    def forecast(self) -> Forecast:
        budget = self.budget
        period = budget.period
        end = min(self.as_of, period.end)
        elapsed = months_between(period.start, end, Proration.days) if end >= period.start else Fraction(0)
        months = months_between(period.start, period.end, Proration.days)
        to_date = Fraction(0)
        for y in self.years:
            year_months = months_between(y.start, y.end, Proration.days)
            done = months_between(y.start, min(end, y.end), Proration.days) if end >= y.start else Fraction(0)
            if year_months:
                to_date += Fraction(self.year_budget(y.key)) * done / year_months
        actual = self.actual_total
        at_rate = round_value(Fraction(actual) * months / elapsed) if elapsed else None
        return Forecast(self.as_of, elapsed, months, self.budget_total, round_value(to_date), actual, at_rate)

    # --- the outcome by funder and the participants ----------------------------------------------
    def received_total(self, funder: str) -> Decimal:
        return tidy(sum(self.received.get(funder, {}).values(), start=ZERO))

    @property
    def participants(self):
        """Per budget year the participants planned and reached with the cost per participant
        (:func:`grantcalc.followup.participants.participant_rows` with the outcome)."""
        from grantcalc.followup.participants import participant_rows

        return participant_rows(self.computation, self)

    # --- findings ------------------------------------------------------------------------------
    def ok(self, strict: bool = False) -> bool:
        """No error finding (``strict``: no warning either): exit status 0 of ``grantcalc followup``."""
        return not self.errors and not (strict and self.warnings)

    # --- outputs -------------------------------------------------------------------------------
    def to_dict(self, lang: str | None = None) -> dict[str, Any]:
        """The JSON form of ``grantcalc followup --format json`` (amounts as exact decimal strings)."""
        from grantcalc.followup.report import followup_dict

        return followup_dict(self, lang or self.budget.language)

    def report(self, lang: str | None = None, width: int | None = None) -> str:
        """The follow-up as text: the tables per year, time against money, financing, findings."""
        from grantcalc.followup.report import followup_text

        return followup_text(self, lang or self.budget.language, width)

    def to_frame(self, form: str = "lines", *, lang: str | None = None) -> pd.DataFrame:
        """``lines`` (a row per line and year: budget, actual, difference, used), ``years``, or
        ``participants`` (planned and reached, cost per participant and per place)."""
        from grantcalc.followup.report import followup_frame

        return followup_frame(self, form, lang or self.budget.language)

    def plot(self, *, lang: str | None = None) -> Figure:
        """Budget against outcome per year, and both cumulated over the period (matplotlib)."""
        from grantcalc.followup.chart import followup_figure

        return followup_figure(self, lang or self.budget.language)

    def _repr_html_(self) -> str:
        from grantcalc.followup.report import followup_html

        return followup_html(self, self.budget.language)

    def __repr__(self) -> str:
        return self.report()


# --- the computation ---------------------------------------------------------------------------

def follow_up(computation: Computation, actuals: Any = None, *, as_of: date | str | None = None) -> FollowUp:
    """The follow-up of ``computation`` with ``actuals``: None (the budget file's ``actuals:``),
    a ledger CSV's path, a :class:`~grantcalc.followup.ledger.Ledger`, or a list of entries
    (mappings with ``line``/``funder``, ``period`` and ``amount``). ``as_of`` (a date or
    ``"2025-06-30"``): the day the outcome runs to; default the last day of the latest period
    booked (today when nothing is). Raises :class:`~grantcalc.errors.SourceError` for a ledger
    that cannot be read and :class:`~grantcalc.errors.BudgetError` for entries that are invalid."""
    budget = computation.budget
    notes: list[Problem] = []
    if actuals is None:
        bookings, source = _from_budget(budget)
    elif isinstance(actuals, Ledger):
        bookings, source, notes = actuals.bookings, actuals.name, list(actuals.notes)
    elif isinstance(actuals, (str, Path)):
        ledger = read_ledger(actuals)
        bookings, source, notes = ledger.bookings, ledger.name, list(ledger.notes)
    else:
        bookings, source = bookings_from(actuals), None
    return _FollowUpBuilder(computation, bookings, source, _as_of(as_of), notes).build()


def _from_budget(budget: Budget) -> tuple[list[Booking], str | None]:
    source = budget.source
    name = source.name if source is not None else None
    out = []
    for i, a in enumerate(budget.actuals):
        path: tuple[str | int, ...] = ("actuals", i)
        out.append(Booking(a.funder or a.line or "", a.period, tidy(a.amount), a.note, funder=a.funder is not None,
                           file=name, line=source.line_of(path) if source is not None else None, path=path))
    return out, name


def _as_of(value: date | str | None) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value).strip())


class _FollowUpBuilder:
    """One follow-up being made: the bookings resolved against the budget, then summed and judged."""

    def __init__(self, computation: Computation, bookings: list[Booking], source: str | None, as_of: date | None,
                 notes: list[Problem]):
        self.computation = computation
        self.budget = computation.budget
        self.bookings = bookings
        self.source = source
        self.findings: list[Problem] = list(notes)
        self.places: dict[int | str | date, tuple[Span, date, date, list[int]]] = {}
        self.as_of = as_of if as_of is not None else self._default_as_of()
        budget = self.budget
        self.lines = {normalise(line.name): line for line in budget.lines}
        self.funders = {normalise(row.name): row.name for row in computation.financing.rows}
        self.hints: dict[str, str | None] = {}

    def _hint(self, target: str) -> str | None:
        """The line an unknown name is closest to, asked once per name (a ledger repeats its names)."""
        if target not in self.hints:
            self.hints[target] = did_you_mean(target, [line.name for line in self.budget.lines])
        return self.hints[target]

    def _placed(self, period: int | str | date) -> tuple[Span, date, date, list[int]]:
        """A period's days, the part inside the project and the budget years that part touches (asked
        once per period: a ledger books many amounts in each)."""
        placed = self.places.get(period)
        if placed is None:
            span = period_span(period, self.budget)
            first, last = max(span.start, self.budget.period.start), min(span.end, self.budget.period.end)
            keys = [y.key for y in self.budget.years if y.start <= last and first <= y.end] if first <= last else []
            placed = self.places[period] = (span, first, last, keys)
        return placed

    def _default_as_of(self) -> date:
        """The last day of the latest period booked inside the project (today when nothing is)."""
        period = self.budget.period
        ends = []
        for booking in self.bookings:
            _, _, last, keys = self._placed(booking.period)
            if len(keys) == 1:
                ends.append(last)  # a period the follow-up counts (inside the project, in one budget year)
        if ends:
            return max(ends)
        return min(max(date.today(), period.start - timedelta(days=1)), period.end)

    # --- resolving ---------------------------------------------------------------------------
    def _problem(self, code: str, booking: Booking, severity: Severity = Severity.error, **params: Any) -> Problem:
        return Problem(code, severity, path=booking.path, params=params, file=booking.file, line=booking.line)

    def _resolve(self, booking: Booking) -> Entry | None:
        budget = self.budget
        key = normalise(booking.target)
        line = category = funder = None
        if booking.funder:
            funder = self.funders.get(key)
            if funder is None:
                self.findings.append(self._problem(
                    "followup.unknown_funder", booking, name=booking.target,
                    did_you_mean=did_you_mean(booking.target, list(self.funders.values())),
                    known=", ".join(self.funders.values())))
                return None
        elif key in self.lines:
            line = self.lines[key].name
        elif key in budget.category_index:
            category = budget.category_index[key].key
        elif key in self.funders:
            funder = self.funders[key]
        else:
            self.findings.append(self._problem("followup.unknown_line", booking, name=booking.target,
                                               did_you_mean=self._hint(booking.target)))
            return None
        span, first, _, years = self._placed(booking.period)
        period = budget.period
        if not years:
            self.findings.append(self._problem("followup.outside_period", booking, period=span.text,
                                               start=period.start.isoformat(), end=period.end.isoformat()))
            return None
        if len(years) != 1:
            labels = [budget.year(key).labels() for key in years]
            self.findings.append(self._problem("followup.period_spans_years", booking, period=span.text,
                                               years=tuple(", ".join(parts) for parts in zip(*labels))))
            return None
        if first > self.as_of:
            self.findings.append(self._problem("followup.after_as_of", booking, Severity.info, period=span.text,
                                               amount=money(booking.amount), as_of=self.as_of.isoformat()))
            return None
        if booking.amount < 0:
            self.findings.append(self._problem("followup.credit", booking, Severity.info, period=span.text,
                                               amount=money(booking.amount), name=booking.target))
        return Entry(booking, span, years[0], line, category, funder)

    # --- summing and judging ------------------------------------------------------------------
    def build(self) -> FollowUp:
        entries = [e for e in (self._resolve(b) for b in self.bookings) if e is not None]
        if not self.bookings:
            self.findings.append(Problem("followup.no_actuals", Severity.warning, file=self._budget_file()))
        costs = [e for e in entries if e.funder is None]
        rows, tipping = self._rows(costs)
        received: dict[str, dict[int, Decimal]] = {}
        for e in entries:
            if e.funder is not None:
                per_year = received.setdefault(e.funder, {})
                per_year[e.year] = tidy(per_year.get(e.year, ZERO) + e.amount)
        result = FollowUp(self.computation, self.as_of, self.source, entries, rows, [], received)
        self.findings += self._over(result, tipping, costs)
        self.findings += self._time(result, costs)
        self.findings += self._financing(result, entries)
        self.findings += self._participants(result)
        result.findings = self.findings
        result.__post_init__()
        return result

    def _budget_file(self) -> str | None:
        source = self.budget.source
        return source.name if source is not None else None

    def _rows(self, costs: list[Entry]) -> tuple[list[Row], dict[tuple[str | None, str, int], list[Entry]]]:
        """The rows in the budget's order: a category booked as a whole takes the place of its lines."""
        budget, c = self.budget, self.computation
        whole = {e.category for e in costs if e.category is not None}
        units: list[tuple[str | None, str, list[Line]]] = []
        placed: set[str] = set()
        for line in budget.lines:
            key = budget.category(line.category).key
            if key in whole:
                if key not in placed:
                    placed.add(key)
                    units.append((None, key, [ln for ln in budget.lines if budget.category(ln.category).key == key]))
            else:
                units.append((line.name, key, [line]))
        for key in sorted(whole - placed):  # a category no line has: its outcome has no budget
            units.append((None, key, []))
        booked: dict[tuple[str | None, str, int], list[Entry]] = {}
        for e in costs:
            line_category = budget.category(budget.line(e.line).category).key if e.line is not None else e.category
            assert line_category is not None
            unit = (None if line_category in whole else e.line, line_category, e.year)
            booked.setdefault(unit, []).append(e)
        rows = []
        for name, key, lines in units:
            for y in budget.years:
                valued = [ln for ln in lines if ln.has_amount]
                amount = sum((c.amount(ln.name, y.key) for ln in valued), start=ZERO) if valued else None
                actual = tidy(sum((e.amount for e in booked.get((name, key, y.key), [])), start=ZERO))
                rows.append(Row(name, key, y.key, amount, actual))
        return rows, booked

    def _tipping(self, entries: Iterable[Entry], limit: Decimal) -> Entry | None:
        """The entry with which the running sum first passes ``limit`` (in file order), else the last."""
        running = ZERO
        last = None
        for e in entries:
            running += e.amount
            last = e
            if running > limit:
                return e
        return last

    def _located(self, code: str, entry: Entry | None, severity: Severity, **params: Any) -> Problem:
        if entry is None:
            return Problem(code, severity, params=params, file=self.source or self._budget_file())
        return self._problem(code, entry.booking, severity, **params)

    def _over(self, result: FollowUp, booked: dict[tuple[str | None, str, int], list[Entry]],
              costs: list[Entry]) -> list[Problem]:
        budget = self.budget
        out = []
        for r in result.rows:
            if r.budget is None or r.actual <= r.budget:
                continue
            entries = booked.get((r.line, r.category, r.year), [])
            year = budget.year(r.year)
            if r.line is not None:
                out.append(self._located("followup.line_over", self._tipping(entries, r.budget), Severity.warning,
                                         line=r.line, year=year.labels(), actual=money(r.actual),
                                         budget=money(r.budget), excess=money(r.actual - r.budget)))
            else:
                out.append(self._located("followup.category_over", self._tipping(entries, r.budget),
                                         Severity.warning, category=_category_name(budget, r.category),
                                         year=year.labels(), actual=money(r.actual), budget=money(r.budget),
                                         excess=money(r.actual - r.budget)))
        for y in budget.years:
            actual, limit = result.year_actual(y.key), result.year_budget(y.key)
            if actual > limit:
                in_year = [e for e in costs if e.year == y.key]
                out.append(self._located("followup.year_over_ceiling", self._tipping(in_year, limit), Severity.error,
                                         year=y.labels(), actual=money(actual), budget=money(limit),
                                         excess=money(actual - limit)))
        if result.actual_total > result.budget_total:
            out.append(self._located("followup.total_over", self._tipping(costs, result.budget_total),
                                     Severity.error, actual=money(result.actual_total),
                                     budget=money(result.budget_total),
                                     excess=money(result.actual_total - result.budget_total)))
        return out

    def _time(self, result: FollowUp, costs: list[Entry]) -> list[Problem]:
        f = result.forecast
        used = f.used_share
        if not costs or f.at_rate is None or used is None or self.as_of >= self.budget.period.end:
            return []
        if used <= f.time_share:
            return []
        return [self._located("followup.faster_than_time", None, Severity.warning, as_of=self.as_of.isoformat(),
                              time=percent(f.time_share), used=percent(used), actual=money(f.actual_to_date),
                              budget=money(f.budget_total), forecast=money(f.at_rate),
                              excess=money(f.at_rate - f.budget_total))]

    def _financing(self, result: FollowUp, entries: list[Entry]) -> list[Problem]:
        out = []
        financing = self.computation.financing
        by_funder: dict[str, list[Entry]] = {}
        for e in entries:
            if e.funder is not None:
                by_funder.setdefault(e.funder, []).append(e)
        for name, booked in by_funder.items():
            row = financing.row(name)
            received = result.received_total(name)
            out.append(self._located("followup.financing_received", booked[-1], Severity.info, funder=name,
                                     received=money(received), as_of=self.as_of.isoformat(),
                                     budget=money(row.total), share=percent(Fraction(received) / Fraction(row.total))
                                     if row.total else "–"))
            for y in self.budget.years:
                got = result.received.get(name, {}).get(y.key, ZERO)
                if got > row.amount(y.key):
                    in_year = [e for e in booked if e.year == y.key]
                    out.append(self._located("followup.financing_over", self._tipping(in_year, row.amount(y.key)),
                                             Severity.warning, funder=name, year=y.labels(), received=money(got),
                                             budget=money(row.amount(y.key)),
                                             excess=money(got - row.amount(y.key))))
        cash = {row.name for row in financing.rows if not row.in_kind}
        received_cash = sum((result.received_total(n) for n in by_funder if n in cash), start=ZERO)
        if by_funder and received_cash > result.actual_total:
            out.append(self._located("followup.received_over_costs", None, Severity.warning,
                                     received=money(received_cash), actual=money(result.actual_total),
                                     as_of=self.as_of.isoformat(), excess=money(received_cash - result.actual_total)))
        return out

    def _participants(self, result: FollowUp) -> list[Problem]:
        participants = self.budget.participants
        if participants is None:
            return []
        out = []
        source = self.budget.source
        for y in self.budget.years:
            planned = participants.planned.get(y.key)
            reached = participants.actual.get(y.key)
            if planned is None or planned.people is None or y.end > self.as_of:
                continue
            people = reached.people if reached is not None and reached.people is not None else None
            if people is None or people >= planned.people:
                continue
            path: tuple[str | int, ...] = ("participants", "actual", y.key)
            out.append(Problem("followup.participants_below", Severity.warning, path=path,
                               file=source.name if source is not None else None,
                               line=source.line_of(path) if source is not None else None,
                               params={"year": y.labels(), "people": people, "planned": planned.people}))
        return out


def _category_name(budget: Budget, key: str) -> Any:
    from grantcalc.messages import Bilingual

    category = budget.category(key)
    return Bilingual(lambda lang: category.name(lang))
