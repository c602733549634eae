"""Goal seek (*målsökning*): the value of one parameter that meets a target or stays within a cap.

``budget.seek("EVI-coacher.fte", cap=6_000_000)`` finds the largest FTE whose
total stays within 6 000 000 kr; ``target=`` finds the value whose figure
comes closest to a target. The answer lies on the parameter's grid —
``lo + k × step``: whole places, 0.05 FTE, 0.1 % of raise by default (see
:data:`~grantcalc.scenario.parameters.FIELD_KINDS`) — and says how close it came
and what the next step would give.

What is measured (``metric``): ``"total"`` (all costs, the default),
``"cash"`` (costs less contributions in kind), ``"applied"`` (the amount
applied for), a funder's name (its financing row), or a function of the
computation. ``year`` chooses one budget year; ``year="each"`` asks the cap
to hold in every budget year (a funder's yearly frame).

The search is a bisection on the grid, so a figure must move one way as the
parameter grows — costs never fall when an FTE, a salary, a rate or a number
of places grows. When the bounds are not given, the search starts at the
field's lowest sensible value and doubles its way up to the first value that
breaks the cap, or that the field does not accept.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import ROUND_CEILING, Decimal
from typing import TYPE_CHECKING, Any

from grantcalc.errors import Problem
from grantcalc.scenario.parameters import FIELD_KINDS, Parameter, ParameterError, Spec
from grantcalc.scenario.sweep import Evaluator

if TYPE_CHECKING:
    from grantcalc.budget.model import Budget
    from grantcalc.compute.computation import Computation

__all__ = ["Seek", "seek"]

Metric = str | Callable[["Computation"], Decimal]
_MAX_DOUBLINGS = 60


@dataclass(frozen=True)
class Seek:
    """The answer of a goal seek.

    ``value`` is the parameter's value found, ``achieved`` the figure it gives
    (per year when ``year="each"``: the year closest to its cap), ``limit`` the
    cap or target, ``gap`` how far from it (``limit − achieved`` for a cap: what
    is left; ``achieved − target`` for a target). ``next_value`` and
    ``next_achieved`` are the next step on the grid, which breaks the cap (or
    lies on the other side of the target); None at the end of the range.
    """

    parameter: Parameter
    mode: str  # "cap" or "target"
    value: Decimal
    achieved: Decimal
    limit: Decimal
    gap: Decimal
    step: Decimal
    next_value: Decimal | None
    next_achieved: Decimal | None
    evaluations: int
    budget: Budget
    metric: str
    year: int | str | None
    original: Any

    @property
    def computation(self) -> Computation:
        return self.budget.compute()

    def describe(self, lang: str = "sv") -> str:
        """The answer in a sentence."""
        from grantcalc import formatting as fmt
        from grantcalc.catalogue import text

        p = self.parameter
        value, limit = p.format(self.value, lang), fmt.money(self.limit, lang)
        achieved, gap = fmt.money(self.achieved, lang), fmt.money(abs(self.gap), lang)
        what = _metric_words(self.metric, self.year, lang)
        said = {"name": p.name, "value": value, "what": what, "limit": limit, "achieved": achieved}
        if self.mode == "cap":
            head = text("seek.says.cap", lang).format(**said, gap=gap)
        else:
            side = text("seek.says.above" if self.gap > 0 else "seek.says.below", lang)
            head = text("seek.says.target", lang).format(**said) + (
                text("seek.says.off", lang).format(gap=gap, side=side) if self.gap else text("seek.says.exact", lang))
        if self.next_value is not None and self.next_achieved is not None:
            head += text("seek.says.next", lang).format(value=p.format(self.next_value, lang),
                                                         amount=fmt.money(self.next_achieved, lang))
        was = p.format(self.original, lang) if self.original is not None else "–"
        head += text("seek.says.now", lang).format(was=was, step=p.format(self.step, lang),
                                                    evaluations=self.evaluations)
        return head

    def __str__(self) -> str:
        return self.describe(self.budget.language)

    def __repr__(self) -> str:
        return f"Seek({self.describe('en')})"

    def _repr_html_(self) -> str:
        import html

        return f"<p>{html.escape(self.describe(self.budget.language))}</p>"


def seek(budget: Budget, parameter: Spec | Parameter, *, cap: Any = None, target: Any = None,
         metric: Metric = "total", year: int | str | None = None, step: Any = None,
         lo: Any = None, hi: Any = None) -> Seek:
    """Find the value of ``parameter`` that stays within ``cap`` or comes closest to ``target``."""
    from grantcalc.money import to_decimal, to_rate

    if (cap is None) == (target is None):
        raise ParameterError(Problem("seek.cap_or_target"))
    evaluator = Evaluator(budget, [parameter])
    param = evaluator.parameters[0]
    kind_step, kind_low = FIELD_KINDS.get(param.field, ("number", Decimal(1), Decimal(0)))[1:]
    step = to_rate(step) if step is not None else kind_step
    if step <= 0:
        raise ParameterError(Problem("seek.step", params={"name": param.name}))
    # the grid is the multiples of the step from the field's lowest sensible value up, unless lo is given
    lo = to_rate(lo) if lo is not None else (kind_low / step).to_integral_value(ROUND_CEILING) * step
    limit = to_decimal(cap if cap is not None else target)
    mode = "cap" if cap is not None else "target"
    if year == "each" and mode == "target":
        raise ParameterError(Problem("seek.each_target"))
    measure = _measure(evaluator.base, metric, year)
    metric_name = metric if isinstance(metric, str) else getattr(metric, "__name__", "metric")

    cache: dict[Decimal, Decimal | None] = {}

    def f(k: int) -> Decimal | None:
        """The figure at grid point ``k``, or None where the field does not accept the value."""
        x = lo + step * k
        if x not in cache:
            try:
                cache[x] = measure(evaluator.computation((x,)))
            except ParameterError:
                cache[x] = None
        return cache[x]

    low_value = f(0)
    if low_value is None:
        raise ParameterError(Problem("seek.low_invalid", params={"name": param.name, "low": param.format(lo)}))
    if hi is not None:
        top = int((to_rate(hi) - lo) / step)
        if top < 0 or f(top) is None:
            raise ParameterError(Problem("seek.high_invalid", params={"name": param.name, "high": str(hi)}))
    else:
        top = _upper_bound(f, limit, lo, step, param.current(budget))
    top_value = f(top)
    assert top_value is not None  # the field accepts top: checked above for hi, and _upper_bound returns such a point
    increasing = top_value >= low_value

    def g(j: int) -> Decimal:
        """The figure at step ``j`` along the grid, in the direction in which the figure grows."""
        value = f(j) if increasing else f(top - j)
        # the field accepts both ends, 0 and top, and what a field accepts is a range: every point between too
        assert value is not None
        return value

    if g(0) > limit:
        if mode == "cap":
            raise ParameterError(Problem("seek.no_solution", params={
                "name": param.name, "value": param.format(lo + step * (0 if increasing else top)),
                "amount": g(0), "cap": limit}))
        best = 0
    else:
        best = _last_within(g, limit, top)
    if mode == "target" and best < top and abs(g(best + 1) - limit) < abs(g(best) - limit):
        best += 1  # the step past the target comes closer
    index = best if increasing else top - best
    value = lo + step * index
    achieved = g(best)
    nxt = best + 1 if mode == "cap" or g(best) <= limit else best - 1
    next_index = (nxt if increasing else top - nxt) if 0 <= nxt <= top else None
    next_value = lo + step * next_index if next_index is not None else None
    return Seek(
        parameter=param, mode=mode, value=value, achieved=achieved, limit=limit,
        gap=(limit - achieved) if mode == "cap" else (achieved - limit), step=step,
        next_value=next_value, next_achieved=g(nxt) if next_index is not None else None,
        evaluations=evaluator.evaluations, budget=evaluator.budget_with((value,)),
        metric=metric_name, year=year, original=param.current(budget))


def _upper_bound(f, limit: Decimal, lo: Decimal, step: Decimal, current: Any) -> int:
    """The first grid point past the limit (or the last the field accepts), by doubling."""
    start = 1
    if isinstance(current, Decimal) and current > lo:
        start = max(1, int((current - lo) / step))
    last_valid = 0
    k = start
    for _ in range(_MAX_DOUBLINGS):
        value = f(k)
        if value is None:  # beyond what the field accepts: search below it
            high = k
            while high - last_valid > 1:  # the last value the field accepts
                mid = (last_valid + high) // 2
                if f(mid) is None:
                    high = mid
                else:
                    last_valid = mid
            return last_valid
        last_valid = k
        if value > limit:
            return k
        k *= 2
    return last_valid


def _last_within(g, limit: Decimal, top: int) -> int:
    """The largest j in [0, top] with g(j) ≤ limit, given g(0) ≤ limit and g not decreasing."""
    if g(top) <= limit:
        return top
    low, high = 0, top  # g(low) <= limit < g(high)
    while high - low > 1:
        mid = (low + high) // 2
        if g(mid) <= limit:
            low = mid
        else:
            high = mid
    return low


def _measure(base: Computation, metric: Metric, year: int | str | None) -> Callable[[Computation], Decimal]:
    """The figure a goal seek looks at, from a computation (``base``: the budget's own)."""
    keys = [y.key for y in base.years]
    if year not in (None, "each") and year not in keys:
        raise ParameterError(Problem("seek.year", params={"year": str(year), "years": ", ".join(map(str, keys))}))

    if callable(metric):
        per_year = None
        whole = metric
    elif metric in ("total", "cash"):
        in_kind = None if metric == "total" else False

        def per_year(c, k):
            return c.year_total(k, in_kind=in_kind)

        whole = None
    elif metric == "applied":
        def per_year(c, k):
            row = c.financing.applicant_row
            return Decimal(0) if row is None or row.in_kind else row.amount(k)

        whole = None
    else:
        names = [r.name for r in base.financing.rows]
        if metric not in names:
            from grantcalc.budget.validate import did_you_mean

            raise ParameterError(Problem("seek.metric", params={
                "metric": str(metric), "did_you_mean": did_you_mean(str(metric), names), "known": ", ".join(names)}))

        def per_year(c, k):
            return c.financing.row(metric).amount(k)

        whole = None
    if whole is not None:
        if year is not None:
            raise ParameterError(Problem("seek.callable_year"))
        return whole
    if year == "each":
        return lambda c: max(per_year(c, k) for k in keys)
    if year is not None:
        return lambda c: per_year(c, year)
    return lambda c: sum((per_year(c, k) for k in keys), start=Decimal(0))


_METRIC_WORDS = {"total": "seek.metric.total", "cash": "seek.metric.cash", "applied": "seek.metric.applied"}


def _metric_words(metric: str, year: int | str | None, lang: str) -> str:
    from grantcalc.catalogue import text

    words = text(_METRIC_WORDS[metric], lang) if metric in _METRIC_WORDS else metric
    if year == "each":
        return text("seek.metric.each", lang).format(what=words)
    if year is not None:
        return text("seek.metric.year", lang).format(what=words, year=year)
    return words
