"""Plain-text tables for the terminal: the cost table and the formula listing.

Figures are formatted by :mod:`grantcalc.formatting` (Swedish by default);
columns are right-aligned and every Summa row is the sum of the rows above it.

Everything is laid out for a width (:func:`terminal_width`: the ``COLUMNS``
variable, else the terminal's own width, else 80; never under
:data:`MIN_WIDTH`). A table keeps its natural width when it fits; otherwise its
text columns wrap at spaces onto continuation lines (indented by two), never
inside a number or between a number and its unit (:func:`formatting.no_break`),
and its amount columns never wrap. Where even that does not fit, the cost
table names each category once, as a heading over its lines, instead of in a
column of its own; and where the amounts themselves are wider than the width,
they are shown in bands of years, each band under the same text columns.
"""

from __future__ import annotations

import os
import re
import sys
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from grantcalc import catalogue
from grantcalc import formatting as fmt
from grantcalc.budget.lines import InKindLine

if TYPE_CHECKING:
    from collections.abc import Sequence

    from grantcalc.compute.computation import Computation

__all__ = ["cost_table", "category_table", "formula_listing", "render_table", "word", "terminal_width",
           "wrap_text", "wrap_lines", "MIN_WIDTH", "DEFAULT_WIDTH"]

MIN_WIDTH = 40  # the narrowest layout: a narrower terminal (COLUMNS=20) gets lines of this width
DEFAULT_WIDTH = 80  # when neither COLUMNS nor a terminal tells (a pipe, a file)
GAP = 2  # spaces between two columns
HANG = 2  # a wrapped cell's continuation lines are indented by this much
FORMULA_INDENT = 4  # a narrow formula listing: each formula on its own lines, indented under its line

Row = list[str] | str  # a table row: its cells, or a heading line across the whole table


def word(key: str, lang: str) -> str:
    """A word of the tables, ``word.<key>`` in the catalogue: ``word("total", "sv")`` → ``Totalt``."""
    return catalogue.text(f"word.{key}", lang)


# --- the width -------------------------------------------------------------------------------------
def terminal_width(width: int | None = None, stream: Any = None) -> int:
    """The width to lay text out in: ``width`` if given, else ``COLUMNS`` (a positive number),
    else the width of the terminal ``stream`` (default: standard output) writes to, else
    :data:`DEFAULT_WIDTH` (a pipe or a file); never less than :data:`MIN_WIDTH`. ``COLUMNS=0``,
    a negative or a garbage value is not a width and is passed over."""
    if width is None:
        width = _columns(sys.stdout if stream is None else stream)
    return max(width, MIN_WIDTH)


def _columns(stream: Any) -> int:
    try:
        columns = int(os.environ.get("COLUMNS", ""))
    except ValueError:
        columns = 0
    if columns > 0:
        return columns
    try:
        columns = os.get_terminal_size(stream.fileno()).columns
    except (AttributeError, ValueError, OSError):  # not a terminal: a pipe, a file, a captured stream
        columns = 0
    return columns if columns > 0 else DEFAULT_WIDTH


# --- wrapping --------------------------------------------------------------------------------------
_WORD = re.compile(r"[^ ]+")
_SOFT = re.compile(r"[^ /\-]*[/\-]|[^ /\-]+")  # a word in parts, each ending after a slash or a hyphen


_KEEP = re.compile(r" (?=[–—=](?: |$))|(?<=\(=) ")  # a dash or "=" ends a line, never starts one


def _protected(text: str) -> str:
    """``text`` with a no-break space wherever a line must not end: inside a number, between a
    number and its unit (:func:`formatting.no_break`), and before a dash (``2027-01-01 –``, not
    ``– 2027-09-14`` on the next line); the same length, so its positions are the text's."""
    protected = _KEEP.sub("\u00a0", fmt.no_break(text))
    return protected if len(protected) == len(text) else text


def _words(text: str) -> list[str]:
    """The words of ``text`` a line may end between (numbers with their units are one word)."""
    return [text[m.start():m.end()] for m in _WORD.finditer(_protected(text))]


@lru_cache(maxsize=1 << 16)  # a table is laid out more than once (to see what fits); its cells are the same
def _least(text: str, soft: bool = False) -> int:
    """The narrowest a column can be and hold ``text`` wrapped without breaking a word: its first
    word after its leading spaces, any other after the continuation indent. With ``soft``, a word
    may end a line after a slash or hyphen (``Processledare/`` of ``Processledare/samordnare``)."""
    words = _words(text)
    if soft:
        words = [part for w in words for part in _SOFT.findall(w)]
    if not words:
        return len(text)
    lead = len(text) - len(text.lstrip(" "))
    return max(lead + len(words[0]), max((lead + HANG + len(w) for w in words[1:]), default=0))


_PARTS = re.compile(r"[/\-]|\u00a0(?=\D)")  # a slash or hyphen, or the space between a number and its unit


def _cut(word: str, room: int) -> int:
    """Where to break a word longer than the line (``room`` characters): after its last slash or
    hyphen, or before the unit of a number (``1 004 508`` / ``kr``), that fits; else at ``room``
    (a word wider than the whole line)."""
    ends = [m.end() for m in _PARTS.finditer(word, 0, room) if m.end() <= room]
    return ends[-1] if ends else max(room, 1)


def wrap_text(text: str, width: int, hang: int = HANG) -> list[str]:
    """``text`` in lines of at most ``width`` characters, broken at spaces, never inside a number
    or between a number and its unit; continuation lines indented ``hang`` more than the first
    (which keeps its own leading spaces). A word longer than a line is broken after a slash or a
    hyphen, and only where it has none, inside it."""
    if len(text) <= width:
        return [text]
    lead = len(text) - len(text.lstrip(" "))
    continuation = " " * min(lead + hang, width // 2)
    lines: list[str] = []
    line, empty = " " * lead, True
    for part in _words(text):
        if len(line) + (0 if empty else 1) + len(part) <= width:
            line, empty = (line + part) if empty else f"{line} {part}", False
            continue
        if not empty:
            lines.append(line)
            line, empty = continuation, True
        while len(line) + len(part) > width:  # alone on a line and still too long
            cut = _cut(part, width - len(line))
            lines.append(line + part[:cut])
            line, part = continuation, part[cut:]
        line, empty = line + part, False
    lines.append(line)
    return [one.rstrip() for one in lines]


def wrap_lines(text: str, width: int, hang: int = HANG) -> str:
    """Every line of ``text`` wrapped to ``width`` (:func:`wrap_text`)."""
    return "\n".join(out for line in text.split("\n") for out in wrap_text(line, width, hang))


# --- tables --------------------------------------------------------------------------------------
def _cells(header: list[str], rows: Sequence[Row]) -> list[list[str]]:
    return [header, *[r for r in rows if not isinstance(r, str)]]


def _layout(header: list[str], rows: Sequence[Row], align: str, width: int | None,
            soft: bool = False) -> list[int] | None:
    """The columns' widths for a table at most ``width`` wide, or None when it cannot be.

    Amount columns (``r``) keep their natural width; text columns (``l``) wrap, each at least
    as wide as its longest word (with its continuation indent). The room left is shared out
    so that the table takes the fewest lines: of the ways tried (the smaller wants met in
    full first; or one column given all it wants, the others the rest), the shortest."""
    cells = _cells(header, rows)
    count = len(header)
    natural = [max(len(r[i]) for r in cells) for i in range(count)]
    gaps = GAP * (count - 1)
    if width is None or sum(natural) + gaps <= width:
        return natural
    texts = [i for i in range(count) if align[i] == "l"]
    least = list(natural)
    for i in texts:
        least[i] = min(natural[i], max(max((_least(r[i], soft) for r in cells), default=0), 1))
    spare = width - sum(least) - gaps
    if spare < 0:
        return None
    ways = [_shared(least, natural, texts, spare)]
    if len(texts) > 1 and len(cells) * len(texts) <= LAYOUT_TRIES:
        for first in texts:  # one column as wide as it wants (or can be), the others share the rest
            widths, given = list(least), min(natural[first] - least[first], spare)
            widths[first] += given
            ways.append(_shared(widths, natural, [i for i in texts if i != first], spare - given))
        return min(ways, key=lambda widths: _height(cells, texts, widths))  # the first of the shortest
    return ways[0]


LAYOUT_TRIES = 4000  # text cells up to which a table's ways of sharing its width are compared


def _shared(widths: list[int], natural: list[int], columns: list[int], spare: int) -> list[int]:
    """``widths`` with ``spare`` shared among ``columns``, max-min fair: the smaller wants met in full."""
    widths = list(widths)
    wanting = sorted(columns, key=lambda i: natural[i] - widths[i])
    for n, i in enumerate(wanting):
        give = min(natural[i] - widths[i], spare // (len(wanting) - n))
        widths[i] += give
        spare -= give
    return widths


def _height(cells: list[list[str]], texts: list[int], widths: list[int]) -> int:
    """The lines a table's rows take with its text columns at ``widths``."""
    return sum(max((len(wrap_text(row[i], widths[i])) for i in texts), default=1) for row in cells)


def _render(header: list[str] | None, rows: Sequence[Row], align: str, widths: list[int],
            rule_before_last: bool, width: int | None = None) -> list[str]:
    total = sum(widths) + GAP * (len(widths) - 1)
    across = max(width or 0, total)  # a heading line may use the whole width, not only the table's

    def lines_of(cells: list[str]) -> list[str]:
        wrapped = [wrap_text(c, w) if a == "l" else [c] for c, w, a in zip(cells, widths, align)]
        height = max(map(len, wrapped))
        out = []
        for k in range(height):
            parts = [(lines[k] if k < len(lines) else "") for lines in wrapped]
            out.append("  ".join(p.ljust(w) if a == "l" else p.rjust(w)
                                 for p, w, a in zip(parts, widths, align)).rstrip())
        return out

    rule = "  ".join("─" * w for w in widths)
    out = [*lines_of(header), rule] if header is not None else []
    body = []
    for row in rows:
        body.append(wrap_text(row, across) if isinstance(row, str) else lines_of(row))
    if rule_before_last and len(body) > 1:
        body.insert(len(body) - 1, [rule])
    return out + [line for block in body for line in block]


def table_fits(header: list[str], rows: Sequence[Row], align: str, width: int | None) -> bool:
    """Whether the table fits ``width`` with its text columns wrapped at whole words."""
    return _layout(header, rows, align, width) is not None


def render_table(header: list[str], rows: Sequence[Row], align: str, rule_before_last: bool = True,
                 width: int | None = None, show_header: bool = True) -> str:
    """A monospace table; ``align`` has one letter per column, ``l`` (text) or ``r`` (amounts).

    A row is a list of cells, or a string: a heading line across the table. With ``width``
    the table is at most that wide: text columns wrap at words (never inside a number),
    amounts never wrap, and when the amounts alone are too wide for it, the columns after
    the text columns are shown in bands, each under the same text columns. ``width`` None:
    every column as wide as its widest cell."""
    shown = header if show_header else None
    for soft in (False, True):
        widths = _layout(header, rows, align, width, soft)
        if widths is not None:
            return "\n".join(_render(shown, rows, align, widths, rule_before_last, width))
    assert width is not None  # without a width every table fits
    lead = len(align) - len(align.lstrip("l"))  # the text columns every band repeats
    if lead and lead < len(align):
        bands = _bands(header, rows, align, width, lead)
        if len(bands) > 1:
            return "\n\n".join(render_table(_picked(header, band), [_pick(r, band) for r in rows],
                                            "".join(align[i] for i in band), rule_before_last, width, show_header)
                               for band in bands)
    widths = _squeezed(header, rows, align, width)
    return "\n".join(_render(shown, rows, align, widths, rule_before_last, width))


def _pick(row: Row, columns: list[int]) -> Row:
    return row if isinstance(row, str) else [row[i] for i in columns]


def _picked(cells: list[str], columns: list[int]) -> list[str]:
    return [cells[i] for i in columns]


def _bands(header: list[str], rows: Sequence[Row], align: str, width: int, lead: int) -> list[list[int]]:
    """The columns after the first ``lead`` (text) ones, in groups that fit ``width`` beside them."""
    text = list(range(lead))
    bands: list[list[int]] = []
    current: list[int] = []
    for column in range(lead, len(align)):
        trial = [*text, *current, column]
        sub = [_pick(r, trial) for r in rows]
        fits = any(_layout(_picked(header, trial), sub, "".join(align[i] for i in trial), width, soft) is not None
                   for soft in (False, True))
        if fits or not current:
            current.append(column)
        else:
            bands.append([*text, *current])
            current = [column]
    bands.append([*text, *current])
    return bands


def _squeezed(header: list[str], rows: Sequence[Row], align: str, width: int) -> list[int]:
    """Widths for a table that fits no other way: amounts whole, the text columns share what is
    left (at least 4 each), their words broken where they must be."""
    cells = _cells(header, rows)
    natural = [max(len(r[i]) for r in cells) for i in range(len(header))]
    texts = [i for i, a in enumerate(align) if a == "l"]
    room = width - GAP * (len(header) - 1) - sum(w for i, w in enumerate(natural) if i not in texts)
    widths = list(natural)
    for n, i in enumerate(sorted(texts, key=lambda i: natural[i])):
        widths[i] = max(4, min(natural[i], room // (len(texts) - n)))
        room -= widths[i]
    return widths


# --- the budget's tables ---------------------------------------------------------------------------
def _title(computation: Computation, lang: str, width: int) -> str:
    budget = computation.budget
    p = budget.period
    facts = [f"{fmt.format_date(p.start, lang)} – {fmt.format_date(p.end, lang)}"]
    if budget.project.funder:
        facts.insert(0, budget.project.funder)
    facts.append(word("amounts_in", lang))
    return wrap_lines(f"{budget.project.name}\n{' · '.join(facts)}", width)


def _line_name(line: Any, lang: str) -> str:
    if isinstance(line, InKindLine):
        return f"{line.name} ({word('in_kind', lang)}: {line.party})"
    return line.name


def cost_table(computation: Computation, lang: str = "sv", heading: str | None = None,
               width: int | None = None) -> str:
    """The cost budget: one row per line, one column per budget year, Totalt, Summa.
    ``heading`` goes between the title and the table. Laid out for ``width`` columns
    (default: :func:`terminal_width`); where the category column does not fit beside the
    amounts, each category is a heading over its lines."""
    width = terminal_width(width)
    budget = computation.budget
    years = computation.years
    amounts = []
    for line in budget.lines:
        cells = [fmt.amount(computation.amount(line.name, y.key), lang) if line.has_amount else "–" for y in years]
        total = fmt.amount(computation.line_total(line.name), lang) if line.has_amount else "–"
        amounts.append([*cells, total])
    sums = [fmt.amount(computation.year_total(y.key), lang) for y in years] + [fmt.amount(computation.total, lang)]
    labels = [y.label(lang) for y in years] + [word("total", lang)]
    numbers = "r" * (len(years) + 1)
    header = [word("category", lang), word("line", lang), *labels]
    rows: list[Row] = [[budget.category(line.category).name(lang), _line_name(line, lang), *cells]
                       for line, cells in zip(budget.lines, amounts)]
    rows.append([word("sum", lang), "", *sums])
    align = "ll" + numbers
    if not table_fits(header, rows, align, width):  # the categories as headings over their lines
        header = [f"{word('category', lang)} / {word('line', lang)}", *labels]
        rows, shown = [], None
        for line, cells in zip(budget.lines, amounts):
            category = budget.category(line.category).name(lang)
            if category != shown:
                rows.append(category)
                shown = category
            rows.append([" " * HANG + _line_name(line, lang), *cells])
        rows.append([word("sum", lang), *sums])
        align = "l" + numbers
    out = [_title(computation, lang, width), ""] + ([wrap_lines(heading, width), ""] if heading else []) + \
        [render_table(header, rows, align, width=width)]
    if computation.in_kind_total:
        out.append(wrap_lines(f"{word('of_which_in_kind', lang)}: {fmt.money(computation.in_kind_total, lang)}",
                              width))
    out.append(f"{word('total', lang)}: {fmt.money(computation.total, lang)}")
    return "\n".join(out)


def category_table(computation: Computation, lang: str = "sv", width: int | None = None) -> str:
    """Totals per category (*kostnadsslag*) and budget year, laid out for ``width`` columns."""
    width = terminal_width(width)
    budget = computation.budget
    years = computation.years
    header = [word("category", lang)] + [y.label(lang) for y in years] + [word("total", lang)]
    with_amounts = {budget.category(ln.category).key for ln in budget.lines if ln.has_amount}
    rows: list[Row] = []
    for key, per_year in computation.category_totals().items():
        name = budget.category(key).name(lang)
        if key not in with_amounts:  # only contributions whose amounts the document does not state
            rows.append([name] + ["–"] * (len(years) + 1))
            continue
        rows.append([name] + [fmt.amount(per_year[y.key], lang) for y in years]
                    + [fmt.amount(sum(per_year.values()), lang)])
    rows.append([word("sum", lang)] + [fmt.amount(computation.year_total(y.key), lang) for y in years]
                + [fmt.amount(computation.total, lang)])
    return "\n".join([_title(computation, lang, width), "",
                      render_table(header, rows, "l" + "r" * (len(years) + 1), width=width)])


def formula_listing(computation: Computation, lang: str = "sv", width: int | None = None) -> str:
    """Per budget year, every line with its formula and amount, then the year's sum;
    laid out for ``width`` columns (names and formulas wrap, amounts never)."""
    width = terminal_width(width)
    budget = computation.budget
    out = [_title(computation, lang, width)]
    for y in computation.years:
        months = fmt.number(computation.budget_months(y.key), lang)
        out += ["", wrap_lines(f"{y.label(lang)}  ({fmt.format_date(y.start, lang)} – "
                               f"{fmt.format_date(y.end, lang)}, {months} {word('months', lang)})", width)]
        rows: list[list[str]] = []
        for line in budget.lines:
            cell = computation.cell(line.name, y.key)
            if not line.has_amount:
                assert isinstance(line, InKindLine)  # only a contribution in kind may leave out its amount
                text = f"{word('in_kind', lang)}: {line.party} ({word('not_stated', lang)})"
                rows.append([line.name, "", text])
                continue
            if cell.formula is None:
                continue
            text = word("stated", lang) if cell.formula.stated else cell.formula_text(lang)
            if isinstance(line, InKindLine):
                text += f" ({word('in_kind', lang)}: {line.party})"
            rows.append([line.name, fmt.money(cell.amount, lang), text])
        rows.append([f"{word('sum', lang)} {y.label(lang)}", fmt.money(computation.year_total(y.key), lang), ""])
        if table_fits(["", "", ""], rows, "lrl", width):
            out.append(render_table(["", "", ""], rows, "lrl", width=width, show_header=False))
            continue
        # too narrow for three columns: each formula on lines of its own, under its line and amount
        stacked: list[Row] = []
        for name, amount, text in rows:
            stacked.append([name, amount])
            if text:
                stacked.append(" " * FORMULA_INDENT + text)
        out.append(render_table(["", ""], stacked, "lr", width=width, show_header=False))
    out += ["", f"{word('total', lang)}: {fmt.money(computation.total, lang)}"]
    return "\n".join(out)
