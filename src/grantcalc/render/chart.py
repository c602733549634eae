"""Charts for documents: costs per budget year stacked by category, financing by funder.

matplotlib is an optional extra (``pip install "grantcalc[chart]"``); without
it :func:`available` is False and the document is written without pictures.
Bar heights are pixels, the only place an amount becomes a float: every
number a reader sees on the chart (axis, totals) is formatted from the exact
``Decimal`` by :mod:`grantcalc.formatting`.
"""

from __future__ import annotations

import io
from decimal import Decimal
from typing import TYPE_CHECKING

from grantcalc import formatting as fmt

if TYPE_CHECKING:
    from grantcalc.compute.computation import Computation

__all__ = ["available", "costs_chart", "financing_chart", "funders_with_amounts", "INSTALL_HINT"]

INSTALL_HINT = 'pip install "grantcalc[chart]"'
# colour-blind safe (Okabe–Ito), in the order series appear
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#999999", "#000000"]


def available() -> bool:
    """Whether matplotlib is installed (looked up, not imported: importing it is slow)."""
    from importlib.util import find_spec

    return find_spec("matplotlib") is not None


def _stacked(labels: list[str], series: list[tuple[str, list[Decimal]]], totals: list[Decimal],
             title: str, lang: str) -> bytes:
    import matplotlib

    matplotlib.use("Agg")  # no display: files only
    from matplotlib.figure import Figure
    from matplotlib.ticker import FuncFormatter

    figure = Figure(figsize=(6.3, 3.2), dpi=200)
    axes = figure.add_subplot()
    bottoms = [0.0] * len(labels)
    for index, (name, values) in enumerate(series):
        heights = [float(v) for v in values]  # float-ok: pixels only; see the module's docstring
        axes.bar(labels, heights, bottom=bottoms, label=name, color=PALETTE[index % len(PALETTE)], width=0.6)
        bottoms = [b + h for b, h in zip(bottoms, heights)]
    top = max(bottoms) if bottoms else 0.0
    many = len(labels) > 5  # totals turn upright and the axis labels slant so that nothing overlaps
    for x, (total, height) in enumerate(zip(totals, bottoms)):
        axes.annotate(fmt.money(total, lang), (x, height), xytext=(0, 3), textcoords="offset points",
                      ha="center", va="bottom", fontsize=6 if many else 7, rotation=90 if many else 0)
    axes.set_ylim(0, top * (1.3 if many else 1.15) if top > 0 else 1)
    if many:
        axes.tick_params(axis="x", labelrotation=45)
    axes.yaxis.set_major_formatter(FuncFormatter(lambda y, _: fmt.amount(Decimal(round(y)), lang)))
    axes.tick_params(labelsize=7)
    axes.set_title(title, fontsize=9)
    axes.spines[["top", "right"]].set_visible(False)
    handles, names = axes.get_legend_handles_labels()  # top of the legend = top of the stack
    axes.legend(handles[::-1], names[::-1], fontsize=6.5, frameon=False, loc="upper left", bbox_to_anchor=(1.01, 1.0))
    figure.tight_layout()
    out = io.BytesIO()
    figure.savefig(out, format="png", facecolor="white", metadata={"Software": None})
    return out.getvalue()


def costs_chart(computation: Computation, lang: str = "sv") -> bytes:
    """A PNG: costs per budget year, stacked by category (*kostnadsslag*)."""
    budget = computation.budget
    years = computation.years
    series = [(budget.category(key).name(lang), [per_year[y.key] for y in years])
              for key, per_year in computation.category_totals().items()
              if any(per_year.values())]
    title = "Kostnader per budgetår och kostnadsslag" if lang == "sv" else "Costs per budget year by category"
    return _stacked([y.label(lang) for y in years], series, [computation.year_total(y.key) for y in years],
                    title, lang)


def funders_with_amounts(computation: Computation) -> int:
    """How many funders finance something (a stacked chart of one funder says nothing new)."""
    years = computation.years
    return sum(1 for row in computation.financing.rows if any(row.amount(y.key) for y in years))


def financing_chart(computation: Computation, lang: str = "sv") -> bytes:
    """A PNG: financing per budget year, stacked by funder (rows without amounts left out)."""
    financing = computation.financing
    years = computation.years
    series = [(row.name, [row.amount(y.key) for y in years]) for row in financing.rows
              if any(row.amount(y.key) for y in years)]
    title = "Finansiering per budgetår och finansiär" if lang == "sv" else "Financing per budget year by funder"
    return _stacked([y.label(lang) for y in years], series, [financing.year_total(y.key) for y in years],
                    title, lang)
