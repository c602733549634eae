"""Whatever text a user pastes, `grantcalc import` ends in a budget or a clear message: never another
exception, never a budget that does not load, never a figure the text does not hold."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import grantcalc
from grantcalc.importer import import_text

WORDS = ["Lönekostnader", "Resor", "Summa", "Totalt", "År 1", "År 2", "2024", "2025", "kr", "×", "x", "*", "=",
         "mån", "%", "1,42", "42.350", "3,5", "ca", "Finansiär", "Sökt belopp:", "Projektperiod:", "–", "\t", "  ",
         "\n", "Kostnadsslag", "i form av personal", "finansieras av Kommunen", "platser", "tkr", "|", "Aktivitet"]
NUMBERS = st.integers(min_value=0, max_value=9_999_999).map(lambda n: f"{n:,}".replace(",", " "))
pieces = st.one_of(st.sampled_from(WORDS), NUMBERS, st.text(max_size=6))
documents = st.lists(pieces, max_size=80).map(" ".join)


def _imports(text: str) -> None:
    try:
        imported = import_text(text)
    except grantcalc.GrantcalcError as err:
        assert err.problems and all(p.message("sv") for p in err.problems)
        return
    again = grantcalc.loads(imported.yaml)  # what is written loads as it is
    assert again.compute().total == imported.budget.compute().total
    assert imported.report("sv") and imported.report("en")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents)
def test_any_pasted_text_imports_or_is_refused_clearly(text):
    _imports(text)


@pytest.mark.fuzz
@settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents)
def test_any_pasted_text_imports_or_is_refused_clearly_long(text):
    _imports(text)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["Material", "Resor", "Lokal", "Utbildning", "Handledning"]),
                          st.lists(st.integers(min_value=0, max_value=2_000_000), min_size=3, max_size=3)),
                min_size=1, max_size=8, unique_by=lambda r: r[0]),
       st.sampled_from(["\t", "  ", " | "]))
def test_a_year_table_imports_to_its_own_sums(rows, sep):
    """A cost table pasted with tabs, runs of spaces or pipes: the budget's years are its columns' sums,
    and every line's figures are the table's (explicit or fitted, never other figures)."""
    def fmt(n: int) -> str:
        return f"{n:,}".replace(",", " ")

    head = sep.join(["Kostnadsslag", "2024", "2025", "2026", "Totalt"])
    body = [sep.join([name, *(fmt(v) for v in values), fmt(sum(values))]) for name, values in rows]
    sums = [sum(v[i] for _, v in rows) for i in range(3)]
    text = "\n".join(["Projektperiod: 2024-01-01 – 2026-12-31", head, *body,
                      sep.join(["Summa", *(fmt(s) for s in sums), fmt(sum(sums))])])
    if sep == " | ":  # a Markdown table
        first, *table = text.splitlines()
        text = "\n".join([first, *(f"| {line} |" for line in table)])
    imported = import_text(text)
    c = imported.budget.compute()
    assert [c.year_totals[y] for y in (2024, 2025, 2026)] == [Decimal(s) for s in sums]
    for name, values in rows:
        assert [c.amount(name, y) for y in (2024, 2025, 2026)] == [Decimal(v) for v in values]
    assert not imported.budget.check().errors


@pytest.mark.slow
def test_a_document_of_thousands_of_lines_is_read_in_part_with_a_note():
    """7 000 formula lines a year for three years: 5 000 lines are read (each fitted, the rest left out
    and said), never a hang; the budget holds exactly the figures of the lines it read."""
    out = ["Projektnamn: Stort", "Projektperiod: 2024-01-01 – 2026-12-31", ""]
    for year in (2024, 2025, 2026):
        out.append(str(year))
        out.extend(f"Post {i} material {100 + i % 50} kr × 12 = {(100 + i % 50) * 12} kr" for i in range(7000))
    imported = import_text("\n".join(out))
    assert len(imported.budget.lines) == 5000
    assert "import.too_many_lines" in {n.code for n in imported.notes}
    c = imported.budget.compute()
    assert c.year_totals[2025] == sum(Decimal((100 + i % 50) * 12) for i in range(5000))
