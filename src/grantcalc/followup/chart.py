"""The follow-up chart: budget against outcome per budget year, and both cumulated over the period.

Made like the report stage's charts (:mod:`grantcalc.report.charts`, whose figure, axis and font
helpers it uses): a matplotlib ``Figure`` without pyplot, the optional ``chart`` extra, amounts
formatted from the exact ``Decimal`` and a float only as a bar's height.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING

from grantcalc import formatting as fmt
from grantcalc.followup.words import say, share_text
from grantcalc.report import charts

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from grantcalc.followup.followup import FollowUp

__all__ = ["followup_figure"]


def followup_figure(result: FollowUp, lang: str = "sv") -> Figure:
    """Two panels: per budget year the budget and the outcome side by side (the share used over
    each outcome bar), and the cumulative budget and outcome, the as-of year marked."""
    figure = charts.new_figure((6.3, 3.4))
    years = result.years
    labels = [y.label(lang) for y in years]
    budgets = [result.year_budget(y.key) for y in years]
    actuals = [result.year_actual(y.key) for y in years]
    bars, line = figure.subplots(1, 2, gridspec_kw={"width_ratios": [3, 2]})
    positions = list(range(len(years)))
    width = 0.38  # float-ok: a bar's width in axis units
    bars.bar([p - width / 2 for p in positions], [charts.pixels(v) for v in budgets], width=width,
             color=charts.PALETTE[7], label=say("budget", lang))
    bars.bar([p + width / 2 for p in positions], [charts.pixels(v) for v in actuals], width=width,
             color=charts.PALETTE[0], label=say("actual", lang))
    for p, budget, actual in zip(positions, budgets, actuals):
        if budget and actual:
            bars.annotate(share_text(Fraction(actual) / Fraction(budget), lang), (p + width / 2, charts.pixels(actual)),
                          xytext=(0, 2), textcoords="offset points", ha="center", va="bottom", fontsize=6)
    bars.set_xticks(positions, labels)
    bars.set_title(say("chart_years", lang), fontsize=8)
    charts.money_axis(bars.yaxis, lang)
    bars.legend(fontsize=6.5, frameon=False)
    running_budget, running_actual = Decimal(0), Decimal(0)
    cumulative_budget, cumulative_actual = [], []
    for budget, actual in zip(budgets, actuals):
        running_budget += budget
        running_actual += actual
        cumulative_budget.append(running_budget)
        cumulative_actual.append(running_actual)
    started = [y for y in years if y.start <= result.as_of]
    line.plot(positions, [charts.pixels(v) for v in cumulative_budget], marker="o", markersize=3,
              color=charts.PALETTE[7], label=say("budget", lang))
    shown = len(started)
    line.plot(positions[:shown], [charts.pixels(v) for v in cumulative_actual[:shown]], marker="o", markersize=3,
              color=charts.PALETTE[0], label=say("actual", lang))
    if shown:
        line.annotate(fmt.money(cumulative_actual[shown - 1], lang),
                      (positions[shown - 1], charts.pixels(cumulative_actual[shown - 1])), xytext=(4, -10),
                      textcoords="offset points", fontsize=6)
    line.set_ylim(bottom=0)
    line.set_xticks(positions, labels)
    line.set_title(say("chart_cumulative", lang).format(as_of=fmt.format_date(result.as_of, lang)), fontsize=8)
    charts.money_axis(line.yaxis, lang)
    line.legend(fontsize=6.5, frameon=False)
    for axes in (bars, line):
        axes.tick_params(labelsize=6.5)
        axes.spines[["top", "right"]].set_visible(False)
        axes.grid(axis="y", linewidth=0.4, alpha=0.5)
    figure.suptitle(result.budget.project.name, fontsize=9)
    charts.in_body_font(figure)
    figure.tight_layout()
    return figure
