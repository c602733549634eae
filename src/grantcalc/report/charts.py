"""Charts: costs per budget year by category, financing by funder, a sweep's total against its parameter.

Each function returns a matplotlib ``Figure`` made without pyplot (no global
state; in Jupyter it shows after ``%matplotlib inline``); the Word render
saves the same figures as PNG. matplotlib is an optional extra
(``pip install "grantcalc[chart]"``): without it the functions raise
:class:`ChartsUnavailable`, a :class:`~grantcalc.errors.GrantcalcError` that
says how to install it.

Bar heights and line points are the only place an amount becomes a float —
pixels. Every number a reader sees (axis, totals, parameter values) is
formatted from the exact ``Decimal`` by :mod:`grantcalc.formatting`.
"""

from __future__ import annotations

import os
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from grantcalc import catalogue
from grantcalc import formatting as fmt
from grantcalc.errors import GrantcalcError, Problem

if TYPE_CHECKING:
    import pandas as pd
    from matplotlib.figure import Figure

    from grantcalc.compute.computation import Computation

__all__ = ["available", "costs_figure", "financing_figure", "sweep_figure", "ChartsUnavailable", "INSTALL_HINT",
           "PALETTE"]

INSTALL_HINT = 'pip install "grantcalc[chart]"'
# the documents' body font (Calibri), else its metric twin Carlito, else matplotlib's own
FONTS = ("Calibri", "Carlito", "DejaVu Sans")
# colour-blind safe (Okabe–Ito), in the order series appear
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#999999", "#000000"]


class ChartsUnavailable(GrantcalcError):
    """matplotlib is not installed."""


def available() -> bool:
    """Whether matplotlib is installed (looked up, not imported: importing it is slow)."""
    from importlib.util import find_spec

    return find_spec("matplotlib") is not None


def _private_config_dir() -> str:
    """A folder of this user's own for matplotlib's font cache, in the system's temporary
    folder: drawing a chart writes nothing under ``$HOME`` and does not warn when ``$HOME``
    is read-only. A folder there that is a symlink, or not this user's, is not used."""
    import stat
    import tempfile

    uid = os.getuid() if hasattr(os, "getuid") else 0
    folder = os.path.join(tempfile.gettempdir(), f"grantcalc-matplotlib-{uid}")
    try:
        os.mkdir(folder, 0o700)
    except FileExistsError:
        pass
    except OSError:
        return tempfile.mkdtemp(prefix="grantcalc-matplotlib-")
    info = os.lstat(folder)
    if not stat.S_ISDIR(info.st_mode) or (hasattr(os, "getuid") and info.st_uid != uid) or info.st_mode & 0o022:
        return tempfile.mkdtemp(prefix="grantcalc-matplotlib-")
    return folder


def _own_config_dir() -> bool:
    """Whether this user already has a writable matplotlib folder (then it is used as it is)."""
    home = os.path.expanduser("~")
    config = os.environ.get("XDG_CONFIG_HOME") or os.path.join(home, ".config")
    return any(os.path.isdir(d) and os.access(d, os.W_OK)
               for d in (os.path.join(config, "matplotlib"), os.path.join(home, ".matplotlib")))


def _import_matplotlib() -> None:
    """Import matplotlib the first time with settings of grantcalc's own: its cache in
    :func:`_private_config_dir` (unless ``MPLCONFIGDIR`` says where, or the user has a
    matplotlib folder already), and no
    ``matplotlibrc`` from the current folder — a budget folder someone sent could carry
    one (``text.usetex: true`` runs LaTeX on the document's texts)."""
    import sys

    if "matplotlib" in sys.modules:  # a notebook's own matplotlib, with its own settings
        return
    if not os.environ.get("MPLCONFIGDIR") and not _own_config_dir():
        os.environ["MPLCONFIGDIR"] = _private_config_dir()
    folder = os.environ["MPLCONFIGDIR"] if os.path.isdir(os.environ.get("MPLCONFIGDIR", "")) else _private_config_dir()
    here = os.getcwd()
    os.chdir(folder)  # matplotlib reads ./matplotlibrc first, at import
    try:
        import matplotlib  # noqa: F401
    finally:
        os.chdir(here)


def _figure(size: tuple[float, float]) -> Figure:
    if not available():
        raise ChartsUnavailable(Problem("chart.unavailable", params={"install": INSTALL_HINT}))
    _import_matplotlib()
    from matplotlib.figure import Figure

    return Figure(figsize=size, dpi=200)


def _font() -> str:
    """The first of :data:`FONTS` on this system (looked up once: a name matplotlib lacks would be
    logged as a warning on each chart). matplotlib's font list is a cache made when it first ran:
    a Calibri or Carlito installed since is looked for among the system's fonts and added."""
    global _FONT
    if _FONT is None:
        from matplotlib import font_manager

        manager = font_manager.fontManager
        wanted = FONTS[:-1]
        if not {entry.name for entry in manager.ttflist}.intersection(wanted):
            for path in font_manager.findSystemFonts():
                if os.path.basename(path).lower().startswith(tuple(name.lower() for name in wanted)):
                    try:
                        manager.addfont(path)
                    except (OSError, RuntimeError, ValueError):  # a file FreeType cannot read: not this one
                        continue
        installed = {entry.name for entry in manager.ttflist}
        _FONT = next((name for name in FONTS if name in installed), FONTS[-1])
    return _FONT


_FONT: str | None = None


def _in_body_font(figure: Figure) -> None:
    """Every text of ``figure`` (titles, labels, totals, legend, ticks to come) in :func:`_font`,
    as the document around the chart; called before the layout is computed, which measures them."""
    from matplotlib.text import Text

    family = _font()
    for text in figure.findobj(Text):
        text.set_fontfamily(family)
    for axes in figure.axes:
        axes.tick_params(labelfontfamily=family)


def _pixels(value: Decimal | None) -> float:  # float-ok: drawing positions only
    return float(value or 0)  # float-ok: a drawing position only; see the module's docstring


def _money_axis(axis, lang: str) -> None:
    from matplotlib.ticker import FuncFormatter

    axis.set_major_formatter(FuncFormatter(lambda y, _: fmt.amount(Decimal(round(y)), lang)))


def _stacked(labels: list[str], series: list[tuple[str, list[Decimal]]], totals: list[Decimal],
             title: str, lang: str) -> Figure:
    figure = _figure((6.3, 3.2))
    axes = figure.add_subplot()
    bottoms = [0.0] * len(labels)
    for index, (name, values) in enumerate(series):
        heights = [_pixels(v) for v in values]
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
    _money_axis(axes.yaxis, lang)
    axes.tick_params(labelsize=7)
    axes.set_title(title, fontsize=9)
    axes.spines[["top", "right"]].set_visible(False)
    handles, names = axes.get_legend_handles_labels()  # top of the legend = top of the stack
    axes.legend(handles[::-1], names[::-1], fontsize=6.5, frameon=False, loc="upper left", bbox_to_anchor=(1.01, 1.0))
    _in_body_font(figure)
    figure.tight_layout()
    return figure


def costs_figure(computation: Computation, lang: str | None = None) -> Figure:
    """Costs per budget year, stacked by category (*kostnadsslag*)."""
    lang = lang or computation.budget.language
    budget = computation.budget
    years = computation.years
    series = [(budget.category(key).name(lang), [per_year[y.key] for y in years])
              for key, per_year in computation.category_totals().items()
              if any(per_year.values())]
    title = catalogue.text("chart.costs", lang)
    return _stacked([y.label(lang) for y in years], series, [computation.year_total(y.key) for y in years],
                    title, lang)


def financing_figure(computation: Computation, lang: str | None = None) -> Figure:
    """Financing per budget year, stacked by funder (rows without amounts left out)."""
    lang = lang or computation.budget.language
    financing = computation.financing
    years = computation.years
    series = [(row.name, [row.amount(y.key) for y in years]) for row in financing.rows
              if any(row.amount(y.key) for y in years)]
    title = catalogue.text("chart.financing", lang)
    return _stacked([y.label(lang) for y in years], series, [financing.year_total(y.key) for y in years],
                    title, lang)


def sweep_figure(frame: pd.DataFrame, x: str | None = None, y: str | None = None, *, cap: Any = None,
                 lang: str | None = None) -> Figure:
    """A sweep's figure ``y`` (the total by default) against parameter ``x`` (the first one).

    With two parameters, one line per value of the other. The budget as it
    stands is marked, and ``cap`` (a ceiling, e.g. 6 000 000) is drawn across.
    """
    from grantcalc.budget.kinds import FIELD_KINDS
    from grantcalc.money import to_decimal

    attrs = frame.attrs
    parameters = attrs.get("parameters") or [frame.columns[0]]
    lang = lang or attrs.get("lang", "sv")
    x = x or parameters[0]
    y = y or attrs.get("total") or frame.columns[-1]
    for column in (x, y):
        if column not in frame.columns:
            raise KeyError(f"{column!r} is not a column of the sweep: {', '.join(map(str, frame.columns))}")
    kinds = attrs.get("kinds", {})
    show_x = _formatter(kinds.get(x) or FIELD_KINDS.get(str(x).rsplit(".", 1)[-1], ("number",))[0], lang)
    others = [p for p in parameters if p != x]
    figure = _figure((6.3, 3.4))
    axes = figure.add_subplot()
    groups = [(None, frame)] if not others else list(frame.groupby(others[0], sort=True))
    many = len(groups) > len(PALETTE)
    for index, (value, part) in enumerate(groups):
        part = part.sort_values(x)
        label = None if value is None else f"{others[0]} = {_formatter(kinds.get(others[0], 'number'), lang)(value)}"
        axes.plot([_pixels(v) for v in part[x]], [_pixels(v) for v in part[y]], marker="" if len(part) > 40 else "o",
                  markersize=3, linewidth=1.4, label=label, color=PALETTE[index % len(PALETTE)] if not many else None)
    base = attrs.get("base") or {}
    if x in base and y in base and all(base.get(p) is not None for p in parameters):
        axes.plot([_pixels(base[x])], [_pixels(base[y])], marker="D", markersize=6, color="#D55E00", linestyle="",
                  label=catalogue.text("chart.budget", lang), zorder=5)
    if cap is not None:
        limit = to_decimal(cap)
        axes.axhline(_pixels(limit), color="#999999", linestyle="--", linewidth=1,
                     label=catalogue.text("chart.cap", lang).format(amount=fmt.money(limit, lang)))
    from matplotlib.ticker import FuncFormatter

    axes.xaxis.set_major_formatter(FuncFormatter(lambda v, _: show_x(Decimal(str(v)))))
    _money_axis(axes.yaxis, lang)
    axes.tick_params(labelsize=7)
    axes.set_xlabel(str(x), fontsize=8)
    axes.set_ylabel(f"{y} ({catalogue.text('chart.currency', lang)})", fontsize=8)
    project = attrs.get("project")
    axes.set_title(f"{project}: {y} per {x}" if project else f"{y} per {x}", fontsize=9)
    axes.spines[["top", "right"]].set_visible(False)
    axes.grid(axis="y", linewidth=0.4, alpha=0.5)
    if axes.get_legend_handles_labels()[0]:
        axes.legend(fontsize=6.5, frameon=False)
    _in_body_font(figure)
    figure.tight_layout()
    return figure


def _formatter(kind: str, lang: str):
    """How a parameter's value reads on an axis: ``155 %``, ``1,42``, ``43 800``, ``40``."""
    def show(value: Any) -> str:
        value = value if isinstance(value, Decimal) else Decimal(str(value))
        if kind == "percent":
            return fmt.percent(value, lang)
        if kind == "factor":
            return fmt.factor(value, lang)
        if kind == "money":
            return fmt.amount(value.quantize(Decimal(1)), lang)
        return fmt.number(value, lang)

    return show


# --- the helpers figures of other stages are made with (grantcalc.followup's chart) ---------------
new_figure = _figure  # a Figure of this size, matplotlib imported safely (ChartsUnavailable without it)
money_axis = _money_axis  # an axis whose ticks read 1 000 000
in_body_font = _in_body_font  # every text of a figure in the documents' body font
pixels = _pixels  # an amount as a drawing position (the only float an amount becomes)
