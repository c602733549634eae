"""Check the import samples in this folder (run it: ``python tests/examples/import/verify_samples.py``).

1. Every ``.txt`` and ``.md`` here is UTF-8 (a byte order mark allowed) without stray control characters.
2. The reference excerpts keep every figure: each line of the budget sections of
   ``/work/shared/reference/NAME.md`` (table rows, headings, totals, the 2.10 text) has a line in
   ``NAME.txt`` (and for Ljusdal also in ``NAME.md``) holding the same numbers, digit for digit in the
   document's own style, in the same order; and the front-page facts (name, funder, period as written,
   applied amount as written) are there verbatim.
3. Every held-out ``NAME.expected.yaml`` is re-added in Decimal: each row's total, each table's Summa
   row per year and in total, the sub-totals, each formula's product, the financing against the costs,
   the applied amount against the applying funder's row. The differences found must be exactly the
   deliberate errors the file lists (kind, row, column, printed, computed, difference), no more, no less.
4. Every figure and every ``as_written`` text of an expected file is in its ``.txt`` in the document's
   number style, and every table row's figures stand on one line of the ``.txt`` in the expected order.
5. ``tests/import_samples.py`` holds the figures of ``steget-fore.expected.yaml``, and the Word document
   and the workbook it writes carry them (read back with python-docx and openpyxl).

Exit status 0 when everything holds; otherwise each failure is printed and the status is 1.
"""

from __future__ import annotations

import datetime
import importlib.util
import re
import sys
import tempfile
from collections.abc import Iterable, Iterator
from decimal import ROUND_FLOOR, ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

import yaml

HERE = Path(__file__).resolve().parent
REFERENCE = Path("/work/shared/reference")
REFERENCE_NAMES = ("oka-innanforskapet", "ljusdal-hallbart-arbetsliv", "gemensam-kraft")

# The front-page facts each reference excerpt must hold verbatim, as the document writes them.
FRONT_PAGE = {
    "oka-innanforskapet": ["Öka innanförskapet – fler i arbete", "Västerbergslagens samordningsförbund",
                           "Arbetsmarknads- och integrationsenheten (AMI), Smedjebackens kommun",
                           "240915–270914", "5.826.420 kr", "Totala kostnader för 3 år: 5.826.420 kr",
                           "Region Dalarna", "Ludvika kommun", "Försäkringskassan", "Arbetsförmedlingen"],
    "ljusdal-hallbart-arbetsliv": ["Ett hållbart arbetsliv i Ljusdal", "Samordningsförbund Gävleborg",
                                   "Ljusdals kommun", "2022-01-01 – 2024-03-31", "2 480 208",
                                   "Region Gävleborg", "Arbetsförmedlingen", "Försäkringskassan",
                                   "Summan ska balansera mot finansieringsbudgeten"],
    "gemensam-kraft": ["Gemensam kraft Skåne Nordost", "Samordningsförbundet Skåne Nordost", "230401–260331",
                       "Utgångspunkten är att för 15 platser finansierar förbundet 650 000 kronor per år.",
                       "Bromölla", "Hässleholm", "Kristianstad", "Osby", "Östra Göinge", "Försäkringskassan",
                       "Arbetsförmedlingen", "Projektledning: år 2023 20 % därefter 10 %"],
}

# A figure as a reference table prints it: a date, a number with thousands separators (space or
# point, optional decimals), a section number (2.10), or a plain number with optional decimal comma.
FIGURE = re.compile(r"\d{4}-\d{2}-\d{2}|\d{1,3}(?:[ .]\d{3})+(?:,\d+)?|\d{1,2}\.\d{1,2}(?!\d)|\d+(?:,\d+)?")
SPACES = str.maketrans({"\u00a0": " ", "\u202f": " ", "\ufeff": ""})

failures: list[str] = []


def fail(message: str) -> None:
    failures.append(message)


def read_text(path: Path) -> str:
    """The file's text with no-break spaces as spaces and without a byte order mark."""
    return path.read_text(encoding="utf-8-sig").translate(SPACES).replace("\r\n", "\n")


def collapse(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def figure_pattern(figure: str) -> re.Pattern[str]:
    """``figure`` standing on its own: not inside a longer number such as 3,5 or 3.000 or 1234."""
    return re.compile(r"(?<!\d)(?<!\d[,.])" + re.escape(figure) + r"(?!\d|[,.]\d)")


def in_order(line: str, figures: list[str]) -> bool:
    position = 0
    for figure in figures:
        found = figure_pattern(figure).search(line, position)
        if found is None:
            return False
        position = found.end()
    return True


# --- 1. encodings -----------------------------------------------------------------------------


def check_encodings() -> None:
    for path in sorted([*HERE.glob("*.txt"), *HERE.glob("*.md")]):
        raw = path.read_bytes()
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            fail(f"{path.name}: not UTF-8 ({error})")
            continue
        if "\ufffd" in text:
            fail(f"{path.name}: holds U+FFFD")
        stray = {c for c in text if ord(c) < 32 and c not in "\t\r\n"}
        if stray:
            fail(f"{path.name}: control characters {sorted(map(ord, stray))}")


# --- 2. reference excerpts --------------------------------------------------------------------


def reference_lines(name: str) -> Iterator[tuple[str, str, list[str]]]:
    """Each line of the reference's budget sections (from its first "## " heading) that holds a figure:
    the line, its label (a table row's first cell, without markdown emphasis; "" for other lines) and the
    figures after the label in order (a table row's figures cell by cell)."""
    started = False
    for line in (REFERENCE / f"{name}.md").read_text(encoding="utf-8").splitlines():
        if line.startswith("## "):
            started = True
        if not started or re.fullmatch(r"\|[-:| ]+\|", line.strip()):
            continue
        if line.startswith("|"):
            first, *cells = line.strip().strip("|").split("|")
            label = first.replace("*", "").strip()
        else:
            label, cells = "", [line]
        figures = [f for cell in cells for f in FIGURE.findall(cell)]
        if figures or FIGURE.search(label):
            yield line, label, figures


def holds_row(line: str, label: str, figures: list[str], markdown: bool) -> bool:
    """``line`` has ``label`` (spacing aside, and markdown emphasis in a markdown copy) followed by
    ``figures`` in order."""
    flat = collapse(line.replace("*", "") if markdown else line)
    if not label:
        return in_order(flat, figures)
    start = flat.find(collapse(label))
    return start >= 0 and in_order(flat[start + len(collapse(label)):], figures)


def check_reference(name: str, copy: Path) -> None:
    if not copy.exists():
        fail(f"{copy.name}: missing")
        return
    lines = read_text(copy).splitlines()
    checked = 0
    for source, label, figures in reference_lines(name):
        checked += 1
        if not any(holds_row(line, label, figures, copy.suffix == ".md") for line in lines):
            fail(f"{copy.name}: no line holds {label!r} then {figures} (reference: {source.strip()[:90]})")
    if checked < 10:
        fail(f"{name}.md: only {checked} budget lines found; is the reference file's layout still the same?")
    text = collapse(read_text(copy))
    for fact in FRONT_PAGE[name]:
        if collapse(fact) not in text:
            fail(f"{copy.name}: the front-page fact {fact!r} is missing")


def check_references() -> None:
    if not REFERENCE.is_dir():
        fail(f"{REFERENCE} not found: the reference check cannot run")
        return
    for name in REFERENCE_NAMES:
        check_reference(name, HERE / f"{name}.txt")
    check_reference("ljusdal-hallbart-arbetsliv", HERE / "ljusdal-hallbart-arbetsliv.md")
    lines = read_text(HERE / "ljusdal-hallbart-arbetsliv.txt").splitlines()
    for row in ("Summa\t\t1 111 403\t1 085 966\t282 839\t\t2 480 208",
                "Kommun genom lokal hyra\t\t\t\t\t", "Region Gävleborg\t\t\t\t\t0"):
        if row not in lines:
            fail(f"ljusdal-hallbart-arbetsliv.txt: the Word row {row!r} (TAB between cells) is missing")


# --- 3. held-out arithmetic -------------------------------------------------------------------

Finding = tuple[str, str, str, str, int, int]  # kind, table, row, column, printed, computed


def money(value: Any) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"an amount must be an integer number of kronor, not {value!r}")
    return Decimal(value)


def amounts_of(row: dict[str, Any], years: list[str]) -> dict[str, Decimal]:
    amounts = row.get("amounts") or {}
    unknown = set(amounts) - set(years)
    if unknown:
        raise ValueError(f"{row.get('name') or row.get('label')}: years {sorted(unknown)} are not {years}")
    return {year: money(amounts.get(year, 0)) for year in years}


def re_add(table_name: str, table: dict[str, Any], years: list[str]) -> list[Finding]:
    """Every difference between the table's printed sums and its own figures."""
    found: list[Finding] = []
    rows = table.get("lines") or table.get("rows") or []
    with_amounts = [row for row in rows if "amounts" in row]
    for row in with_amounts:
        amounts = amounts_of(row, years)
        if "total" in row and money(row["total"]) != sum(amounts.values()):
            found.append(("row_total", table_name, row["name"], "Totalt", row["total"], int(sum(amounts.values()))))
        for year, formula in (row.get("formulas") or {}).items():
            product = Decimal(1)
            for factor in formula["factors"]:
                product *= Decimal(factor)
            printed = amounts[year]
            if printed not in (product.quantize(Decimal(1), ROUND_HALF_UP), product.quantize(Decimal(1), ROUND_FLOOR)):
                found.append(("formula", table_name, row["name"], year, int(printed),
                              int(product.quantize(Decimal(1), ROUND_HALF_UP))))
        rate = re.search(r"ca (\d+) %", row["name"])
        if rate:
            others = [other for other in with_amounts if other is not row]
            for year in years:
                base = sum(amounts_of(other, years)[year] for other in others)
                if base and abs(amounts[year] / base * 100 - Decimal(rate.group(1))) > Decimal("0.5"):
                    found.append(("approximate_rate", table_name, row["name"], year, int(amounts[year]),
                                  int(base * Decimal(rate.group(1)) / 100)))
    for subtotal in table.get("subtotals") or []:
        group = [row for row in with_amounts if row.get("group") == subtotal["group"]]
        for year, printed in amounts_of(subtotal, years).items():
            computed = sum(amounts_of(row, years)[year] for row in group)
            if printed != computed:
                found.append(("subtotal", table_name, subtotal["label"], year, int(printed), int(computed)))
    summa = table.get("summa")
    if summa and with_amounts:
        printed_years = amounts_of(summa, years)
        for year, printed in printed_years.items():
            computed = sum(amounts_of(row, years)[year] for row in with_amounts)
            if printed != computed:
                found.append(("sum_row", table_name, summa["label"], year, int(printed), int(computed)))
        if "total" in summa:
            printed_total = money(summa["total"])
            if all("total" in row for row in with_amounts):
                down = sum(money(row["total"]) for row in with_amounts)
            else:
                down = sum(sum(amounts_of(row, years).values()) for row in with_amounts)
            if printed_total != down:
                found.append(("sum_row", table_name, summa["label"], "Totalt", int(printed_total), int(down)))
            across = sum(printed_years.values())
            if printed_total != across:
                found.append(("row_total", table_name, summa["label"], "Totalt", int(printed_total), int(across)))
    return found


def arithmetic(expected: dict[str, Any]) -> list[Finding]:
    years = [str(year) for year in expected["years"]]
    found = re_add("costs", expected["costs"], years)
    financing = expected.get("financing") or {}
    found += re_add("financing", financing, years)
    costs_summa, financing_summa = expected["costs"].get("summa"), financing.get("summa")
    if costs_summa and financing_summa:
        for year in years:
            cost, income = amounts_of(costs_summa, years)[year], amounts_of(financing_summa, years)[year]
            if cost != income:
                found.append(("balance", "financing", financing_summa["label"], year, int(income), int(cost)))
    applied = expected["applied_amount"]
    applying = [row for row in financing.get("rows") or [] if row.get("applies")]
    if len(applying) != 1:
        fail(f"{expected['file']}: {len(applying)} funder rows marked applies: true, not 1")
    elif not applied.get("approximate") and money(applying[0]["total"]) != money(applied["amount"]):
        found.append(("applied", "financing", applying[0]["name"], "Totalt", applied["amount"], applying[0]["total"]))
    return found


def listed_errors(expected: dict[str, Any]) -> list[Finding]:
    listed: list[Finding] = []
    for error in expected.get("errors") or []:
        if error["printed"] - error["computed"] != error["difference"]:
            fail(f"{expected['file']}: error {error['row']} {error['column']}: difference is not printed - computed")
        listed.append((error["kind"], error["table"], error["row"], str(error["column"]), error["printed"],
                       error["computed"]))
    return listed


# --- 4. the expected figures are in the text --------------------------------------------------


def renderings(amount: int, unit: str) -> list[str]:
    """How the document may print ``amount`` (kronor): thousands by space, point or nothing; in tkr with
    one decimal."""
    if unit == "tkr":
        thousands = Decimal(amount) / 1000
        whole, _, decimals = f"{thousands:.1f}".partition(".")
        groups = f"{int(whole):,}"
        return [groups.replace(",", sep) + "," + decimals for sep in (" ", ".", "")]
    groups = f"{amount:,}"
    return [groups.replace(",", sep) for sep in (" ", ".", "")]


def figures_of(expected: dict[str, Any]) -> Iterator[tuple[str, int]]:
    yield "applied_amount", expected["applied_amount"]["amount"]
    for table_name in ("costs", "financing"):
        table = expected.get(table_name) or {}
        rows = [*(table.get("lines") or table.get("rows") or []), *(table.get("subtotals") or [])]
        if table.get("summa"):
            rows.append(table["summa"])
        for row in rows:
            label = row.get("name") or row.get("label")
            for year, amount in (row.get("amounts") or {}).items():
                yield f"{table_name} {label} {year}", amount
            if "total" in row:
                yield f"{table_name} {label} total", row["total"]


def as_written(node: Any) -> Iterator[str]:
    if isinstance(node, dict):
        for key, value in node.items():
            if key in ("as_written", "share_as_written") and isinstance(value, str):
                yield value
            elif key == "as_written" and isinstance(value, dict):
                yield from (str(v) for v in value.values())
            else:
                yield from as_written(value)
    elif isinstance(node, list):
        for item in node:
            yield from as_written(item)


def table_rows(expected: dict[str, Any]) -> Iterator[tuple[str, list[int]]]:
    """The rows that the document prints as one line: name, then the year amounts and the total."""
    years = [str(year) for year in expected["years"]]
    for table_name in ("costs", "financing"):
        table = expected.get(table_name) or {}
        if table.get("layout", "table") != "table":
            continue
        rows = [*(table.get("lines") or table.get("rows") or []), *([table["summa"]] if table.get("summa") else [])]
        for row in rows:
            if "amounts" not in row:
                continue
            values = [row["amounts"].get(year, 0) for year in years]
            if "total" in row:
                values.append(row["total"])
            yield row.get("name") or row["label"], values


def check_text_holds(expected: dict[str, Any], text: str) -> None:
    name, unit = expected["file"], expected.get("unit", "kr")
    flat = collapse(text)
    for where, amount in figures_of(expected):
        if amount == 0:
            continue
        if not any(figure_pattern(r).search(text) for r in renderings(amount, unit)):
            fail(f"{name}: {where} = {amount} is not in the text")
    for written in as_written(expected):
        if collapse(written) not in flat:
            fail(f"{name}: {written!r} (as_written) is not in the text")
    project = expected["project"]
    for fact in [project["name"], project["funder"], *project.get("parties", [])]:
        if collapse(fact) not in flat:
            fail(f"{name}: {fact!r} is not in the text")
    lines = [collapse(line) for line in text.splitlines()]
    for label, values in table_rows(expected):
        wanted = [collapse(label)]
        candidates = [line for line in lines if line.startswith(wanted[0])]
        ok = False
        for line in candidates:
            rest = line[len(wanted[0]):]
            if all_in_order(rest, values, unit):
                ok = True
                break
        if not ok:
            fail(f"{name}: no line starts with {label!r} and holds {values} in order")


def all_in_order(line: str, values: list[int], unit: str) -> bool:
    position = 0
    for value in values:
        options = renderings(value, unit) if value else ["0", "-", "0,0"]
        best = None
        for option in options:
            found = figure_pattern(option).search(line, position) if value else re.compile(
                r"(?<![\d,])" + re.escape(option) + r"(?![\d,])").search(line, position)
            if found and (best is None or found.start() < best.start()):
                best = found
        if best is None:
            if value == 0:  # a year the document leaves empty
                continue
            return False
        position = best.end()
    return True


def check_period(expected: dict[str, Any]) -> None:
    period = expected["period"]
    if not (isinstance(period["start"], datetime.date) and isinstance(period["end"], datetime.date)):
        fail(f"{expected['file']}: period start/end must be ISO dates")
    elif period["start"] >= period["end"]:
        fail(f"{expected['file']}: the period ends before it starts")
    months = period.get("months")
    if months:
        start, end = period["start"], period["end"]
        count = (end.year - start.year) * 12 + end.month - start.month + 1
        if sum(months.values()) != count:
            fail(f"{expected['file']}: months {months} do not add up to the period's {count}")


def check_held_out(path: Path) -> dict[str, Any]:
    expected = yaml.safe_load(path.read_text(encoding="utf-8"))
    text_path = HERE / expected["file"]
    text = read_text(text_path)
    costs = expected["costs"]
    if costs["line_count"] != len(costs["lines"]):
        fail(f"{path.name}: line_count {costs['line_count']} but {len(costs['lines'])} lines listed")
    check_period(expected)
    found, listed = arithmetic(expected), listed_errors(expected)
    for finding in sorted(set(found) - set(listed)):
        fail(f"{path.name}: an error not listed: {finding}")
    for finding in sorted(set(listed) - set(found)):
        fail(f"{path.name}: a listed error that is not there: {finding}")
    check_text_holds(expected, text)
    print(f"  {expected['file']}: {len(costs['lines'])} cost lines, costs {costs['summa']['total']}, "
          f"{len(found)} deliberate error(s) {[(f[2], f[3]) for f in found]}")
    return expected


# --- 5. tests/import_samples.py -----------------------------------------------------------------


def load_import_samples() -> Any:
    spec = importlib.util.spec_from_file_location("import_samples", HERE.parent.parent / "import_samples.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def check_import_samples(expected: dict[str, Any]) -> None:
    samples = load_import_samples()
    years = [str(year) for year in expected["years"]]

    def rows_of(table: Iterable[dict[str, Any]]) -> list[tuple[str, tuple[int, ...]]]:
        return [(row["name"], tuple(row["amounts"][year] for year in years)) for row in table]

    if rows_of(expected["costs"]["lines"]) != [(row.name, row.amounts) for row in samples.COSTS]:
        fail("import_samples.COSTS differs from steget-fore.expected.yaml")
    if rows_of(expected["financing"]["rows"]) != [(row.name, row.amounts) for row in samples.INCOME]:
        fail("import_samples.INCOME differs from steget-fore.expected.yaml")
    applied, name = samples.APPLIED, samples.NAME
    if applied != expected["applied_amount"]["amount"] or name != expected["project"]["name"]:
        fail("import_samples: the applied amount or the name differs from steget-fore.expected.yaml")
    cost_summa = [expected["costs"]["summa"]["amounts"][year] for year in years] + [expected["costs"]["summa"]["total"]]
    income_summa = [expected["financing"]["summa"]["amounts"][year] for year in years]
    income_summa.append(expected["financing"]["summa"]["total"])

    with tempfile.TemporaryDirectory() as folder:
        import docx
        import openpyxl

        document = docx.Document(str(samples.held_out_docx(Path(folder))))
        costs, income = document.tables
        header = [cell.text for cell in costs.rows[0].cells]
        if header[1:4] != ["Projektår"] * 3 or len({id(cell._tc) for cell in costs.rows[0].cells}) != 3:
            fail(f"steget-fore.docx: the merged header cell is not there ({header})")
        for table, summa in ((costs, cost_summa), (income, income_summa)):
            last = [cell.text for cell in table.rows[-1].cells]
            if last != ["Summa", *(samples.form_amount(v) for v in summa)]:
                fail(f"steget-fore.docx: Summa row {last} is not {summa}")
        first_line = costs.rows[2].cells[0]
        if [p.text for p in first_line.paragraphs] != [samples.COSTS[0].name, samples.COSTS[0].specification]:
            fail("steget-fore.docx: the first cost line's name and specification paragraphs are wrong")

        workbook = openpyxl.load_workbook(samples.held_out_xlsx(Path(folder)), data_only=True)
        formulas = openpyxl.load_workbook(Path(folder) / "steget-fore.xlsx")
        sheet, raw = workbook["Budget"], formulas["Budget"]
        summa_rows = [row for row in sheet.iter_rows() if row[0].value == "Summa"]
        for row, summa in zip(summa_rows, (cost_summa, income_summa)):
            if [cell.value for cell in row[2:6]] != summa:
                fail(f"steget-fore.xlsx: Summa row {[c.value for c in row[2:6]]} is not {summa}")
            if not all(str(raw.cell(row[2].row, c).value).startswith("=SUM(") for c in range(3, 7)):
                fail("steget-fore.xlsx: the Summa row is not SUM formulas")
        if sheet["B5"].value != samples.APPLIED or not str(raw["B5"].value).startswith("="):
            fail("steget-fore.xlsx: Sökt belopp is not a formula with the applied amount as its value")
        if sheet["B6"].number_format != "0%":
            fail("steget-fore.xlsx: the yearly raise is not a percentage cell")
        amounts = [cell.value for row in sheet.iter_rows(min_row=9) for cell in row[2:6]
                   if isinstance(cell.value, (int, float)) and not isinstance(cell.value, bool)]
        if any(not float(value).is_integer() for value in amounts):  # float-ok: openpyxl reads numbers as floats
            fail("steget-fore.xlsx: an amount is not a whole number of kronor")


def main(references: bool = True) -> int:
    """Run every check (the reference check only if ``references``); 0 when all hold, else 1."""
    failures.clear()
    print("encodings")
    check_encodings()
    if references:
        print("reference excerpts")
        check_references()
    print("held-out applications")
    held_out = {}
    for path in sorted(HERE.glob("*.expected.yaml")):
        try:
            held_out[path.name] = check_held_out(path)
        except (KeyError, TypeError, ValueError) as error:
            fail(f"{path.name}: {type(error).__name__}: {error}")
    if len(held_out) < 3:
        fail(f"only {len(held_out)} held-out applications")
    print("tests/import_samples.py")
    if "steget-fore.expected.yaml" in held_out:
        check_import_samples(held_out["steget-fore.expected.yaml"])
    for failure in failures:
        print("FAIL", failure)
    print("ok" if not failures else f"{len(failures)} failure(s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
