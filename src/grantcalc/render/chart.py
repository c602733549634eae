"""Charts in documents: the report stage's figures (:mod:`grantcalc.report.charts`) as PNG.

Without matplotlib :func:`available` is False and a document is written
without pictures.
"""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

from grantcalc.report.charts import INSTALL_HINT, available, costs_figure, financing_figure

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from grantcalc.compute.computation import Computation

__all__ = ["available", "costs_chart", "financing_chart", "funders_with_amounts", "INSTALL_HINT", "png"]


def png(figure: Figure) -> bytes:
    """The figure as a PNG (no time stamp or software name, so the same chart gives the same bytes)."""
    out = io.BytesIO()
    figure.savefig(out, format="png", facecolor="white", metadata={"Software": None})
    return out.getvalue()


def costs_chart(computation: Computation, lang: str = "sv") -> bytes:
    """A PNG: costs per budget year, stacked by category (*kostnadsslag*)."""
    return png(costs_figure(computation, lang))


def financing_chart(computation: Computation, lang: str = "sv") -> bytes:
    """A PNG: financing per budget year, stacked by funder."""
    return png(financing_figure(computation, lang))


def funders_with_amounts(computation: Computation) -> int:
    """How many funders finance something (a stacked chart of one funder says nothing new)."""
    years = computation.years
    return sum(1 for row in computation.financing.rows if any(row.amount(y.key) for y in years))
