"""Synthetic budgets for the benchmarks: N lines over Y budget years, as YAML text.

The lines cycle through every kind a real application uses — salaries with a
yearly raise and a stated salary for one year, places, recurring rent,
per-person costs, one-off costs with their stated row, explicit yearly
amounts and in-kind contributions — plus two percentage lines (overheads on
the staff costs and on everything), as applications have a fixed few of them
whatever their size. The financing is a municipality paying 20 % in cash, the
in-kind party carrying its lines, and the förbund covering the rest, so every
budget balances and the check has real work (stated rows, rates, balance).

``variant`` changes the figures, so a portfolio of budgets is not 1 000 copies
of one file.
"""

from __future__ import annotations

CATEGORIES = ["Lönekostnader", "Platser", "Lokalkostnader", "Deltagarkostnader", "Kompetensutveckling",
              "Externa tjänster", "Övriga kostnader", "Indirekta kostnader"]


def _line(i: int, first: int, years: int, variant: int) -> str:
    kind = i % 7
    name = f"Rad {i + 1}"
    v = variant % 97
    if kind == 0:
        salary = 30000 + (i * 37 + v * 100) % 15000
        fte = 25 * (1 + (i // 7) % 4)
        return (f"  - name: {name}\n    kind: salary\n    category: Lönekostnader\n"
                f"    monthly_salary: {salary}\n    on_cost: 1,42\n    fte: {fte} %\n"
                f"    annual_raise: {{rate: \"3,3 %\", effective: \"04-01\", rounding: {{step: 100}}}}\n"
                f"    by_year:\n      {first + 1}: {{monthly_salary: {salary + 1000}}}\n")
    if kind == 1:
        return (f"  - name: {name}\n    kind: places\n    category: Platser\n"
                f"    places: {1 + i % 5}\n    price: {120000 + v * 500}\n")
    if kind == 2:
        return (f"  - name: {name}\n    kind: recurring\n    category: Lokalkostnader\n"
                f"    amount: {3000 + (i % 20) * 250}\n    per: month\n")
    if kind == 3:
        return (f"  - name: {name}\n    kind: per_unit\n    category: Deltagarkostnader\n"
                f"    unit_cost: {500 + v * 10}\n    count: {1 + i % 12}\n    unit: pers\n    per: year\n")
    if kind == 4:
        year, amount = first + i % years, 10000 + (i % 50) * 1000
        stated = ", ".join(f"{y}: {amount if y == year else 0}" for y in range(first, first + years))
        return (f"  - name: {name}\n    kind: one_off\n    category: Kompetensutveckling\n"
                f"    amount: {amount}\n    year: {year}\n    stated: {{{stated}, total: {amount}}}\n")
    if kind == 5:
        amounts = ", ".join(f"{y}: {20000 + ((i + y + v) % 9) * 1500}" for y in range(first, first + years))
        return f"  - name: {name}\n    kind: explicit\n    category: Externa tjänster\n    amounts: {{{amounts}}}\n"
    return (f"  - name: {name}\n    kind: in_kind\n    category: Övriga kostnader\n    party: Arbetsförmedlingen\n"
            f"    amount: {2000 + (i % 10) * 100}\n    per: month\n")


def budget_yaml(lines: int, years: int = 10, variant: int = 0, first: int = 2025) -> str:
    """A valid, balanced budget of ``lines`` lines (two of them percentages) over ``years`` years."""
    last = first + years - 1
    head = (f"project:\n  name: Syntetisk budget {lines} rader, variant {variant}\n"
            f"  applicant: Exempelkommunen\n  funder: Samordningsförbundet\n"
            f"period:\n  start: {first}-01-01\n  end: {last}-12-31\n"
            f"categories: [{', '.join(CATEGORIES)}]\n"
            f"lines:\n")
    body = [_line(i, first, years, variant) for i in range(max(lines - 2, 1))]
    if lines >= 3:
        body.append("  - name: Overhead lön\n    kind: percentage\n    category: Indirekta kostnader\n"
                    "    rate: 15 %\n    of: {categories: [Lönekostnader]}\n")
        body.append("  - name: Administration\n    kind: percentage\n    category: Indirekta kostnader\n"
                    "    rate: 3 %\n")
    financing = ("financing:\n"
                 "  - name: Kommunen\n    share: 20 %\n"
                 "  - name: Samordningsförbundet\n    rest: true\n")
    return head + "".join(body) + financing
