"""`grantcalc show` and `check` fit the terminal: no line longer than its width, no number split.

The width is COLUMNS (or the terminal's, else 80; never under 40). Text columns and messages
wrap at words onto indented continuation lines; amounts never wrap; a cost table too narrow
for a category column names each category once, above its lines; amounts too wide for the
width come in bands of years; a formula listing too narrow for three columns puts each
formula under its line. JSON and GitHub annotations never wrap.

What is checked at each width: every line fits; the numbers printed are the numbers of the
unwrapped output (a number split over two lines would be two other numbers); at 80 and 100
columns the words are the unwrapped output's words (nothing broken inside a word); and the
tables still add up to the examples' totals.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys

import pytest

import grantcalc
from grantcalc import formatting as fmt
from grantcalc.cli import main
from grantcalc.report.text import MIN_WIDTH, terminal_width, wrap_text

from .conftest import EXAMPLES, ROOT
from .helpers import cli

NAMES = ["oka-innanforskapet", "ljusdal-hallbart-arbetsliv", "gemensam-kraft"]
TOTALS = {"oka-innanforskapet": "5 826 420", "ljusdal-hallbart-arbetsliv": "2 480 208",
          "gemensam-kraft": "18 588 000"}
WIDTHS = [80, 100, 40]
WIDE = 10_000  # wide enough that nothing wraps: the reference every width is compared with
NB = "\u00a0"
SHOWS = {"table": [], "formulas": ["--formulas"], "categories": ["--by", "category"]}

# a number as printed: digits, groups after a (no-break or plain) space, decimals after a comma
NUMBER = re.compile(r"[−-]?\d(?:[\d.,]|[ \u00a0](?=\d))*")


def numbers(text: str) -> set[str]:
    return {n.replace(NB, " ") for n in NUMBER.findall(text)}


def words(text: str) -> set[str]:
    """The words, as a reader sees them: the rules (───) and the "/" of a combined header left out."""
    return {w for w in text.replace("\n", " ").split(" ") if w and w != "/" and set(w) != {"─"}}


def run(capsys, monkeypatch, columns: int | str, *args: str) -> str:
    monkeypatch.setenv("COLUMNS", str(columns))
    status = main(list(args))
    captured = capsys.readouterr()
    assert status in (0, 1), captured.err
    assert "Traceback" not in captured.err and "internt fel" not in captured.err
    return captured.out


def assert_fits(text: str, width: int, reference: str, *, whole_words: bool) -> None:
    """``text`` laid out for ``width``, against ``reference``, the same output unwrapped."""
    long = [line for line in text.splitlines() if len(line) > width]
    assert not long, f"{len(long)} lines longer than {width}: {long[:3]}"
    assert numbers(text) == numbers(reference), (numbers(text) ^ numbers(reference))
    if whole_words:
        assert words(text) == words(reference), (words(text) ^ words(reference))


# --- the command line, COLUMNS --------------------------------------------------------------------
@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("show", SHOWS)
@pytest.mark.parametrize("name", NAMES)
def test_show_fits_the_terminal(capsys, monkeypatch, name, show, width):
    path = str(EXAMPLES / f"{name}.yaml")
    text = run(capsys, monkeypatch, width, "show", path, *SHOWS[show])
    reference = run(capsys, monkeypatch, WIDE, "show", path, *SHOWS[show])
    assert_fits(text, width, reference, whole_words=width >= 80)
    if show != "categories":
        assert text.rstrip().endswith(f"Totalt: {TOTALS[name].replace(' ', NB)}{NB}kr")
    if show != "formulas":
        summa = [line for line in text.splitlines() if line.startswith("Summa")]
        assert summa and summa[-1].endswith(TOTALS[name].replace(" ", NB))


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("name", NAMES)
def test_check_fits_the_terminal(capsys, monkeypatch, name, width):
    monkeypatch.chdir(ROOT)  # the findings start with the path as given: a relative one, as a user types it
    path = f"examples/{name}.yaml"
    text = run(capsys, monkeypatch, width, "check", path)
    reference = run(capsys, monkeypatch, WIDE, "check", path)
    assert_fits(text, width, reference, whole_words=width >= 80)
    assert "Kostnader och finansiering balanserar varje år." in " ".join(text.split())
    findings = [line for line in reference.splitlines() if line.startswith(path)]
    lines = text.splitlines()
    first = [i for i, line in enumerate(lines) if line.startswith("examples/")]  # (a path longer than the
    assert len(first) == len(findings)  # width is broken after a slash or hyphen: its start is the line's)
    if findings:  # a finding's continuation lines are indented, to the end of the report
        assert all(line.startswith("    ") for i, line in enumerate(lines[first[0]:], first[0]) if i not in first)


def test_a_finding_wraps_with_a_hanging_indent(capsys, monkeypatch):
    monkeypatch.chdir(ROOT)
    path = "examples/oka-innanforskapet.yaml"
    text = run(capsys, monkeypatch, 80, "check", path)
    block = text.split("Anmärkningar (0 fel, 6 varningar, 0 info):\n", 1)[1].splitlines()
    assert block[0] == f"{path}:22: period.months[2027]: varning: 2027"
    assert block[1].startswith("    budgeteras med 9 månader")
    # the en dash of a date range ends a line, never starts one
    assert not any(line.lstrip().startswith("–") for line in text.splitlines())


def test_check_of_many_files_reads_well(capsys, monkeypatch):
    paths = [str(EXAMPLES / f"{name}.yaml") for name in NAMES]
    text = run(capsys, monkeypatch, 80, "check", *paths)
    reference = run(capsys, monkeypatch, WIDE, "check", *paths)
    assert_fits(text, 80, reference, whole_words=True)
    reports = text.split("\n\n=== ")
    assert [r.split(" ===", 1)[0].removeprefix("=== ") for r in reports] == paths
    assert all("Finansieringsbudget" in r and "balanserar" in r for r in reports)


def test_json_and_github_never_wrap(capsys, monkeypatch):
    path = str(EXAMPLES / "oka-innanforskapet.yaml")
    narrow = run(capsys, monkeypatch, 40, "check", "--format", "json", path)
    assert narrow == run(capsys, monkeypatch, WIDE, "check", "--format", "json", path)
    assert json.loads(narrow)["ok"] is True
    github = run(capsys, monkeypatch, 40, "check", "--format", "github", path)
    assert github == run(capsys, monkeypatch, WIDE, "check", "--format", "github", path)
    annotations = [line for line in github.splitlines() if line.startswith("::")]
    assert len(annotations) == 6 and all(len(line) > 40 for line in annotations)  # one line each


@pytest.mark.parametrize("columns", ["20", "0", "-3", "bred", "", "1e3"])
def test_a_narrow_or_garbage_width_does_not_crash(capsys, monkeypatch, columns):
    """COLUMNS=20 is laid out at the narrowest width (40); 0, negative or not a number is no width
    at all (not a terminal here: 80)."""
    path = str(EXAMPLES / "oka-innanforskapet.yaml")
    expected = 40 if columns == "20" else 80
    for args in (["show", path], ["show", path, "--formulas"], ["show", path, "--by", "category"], ["check", path]):
        text = run(capsys, monkeypatch, columns, *args)
        assert max(map(len, text.splitlines())) <= expected, args
        assert f"5{NB}826{NB}420" in text


@pytest.mark.slow  # a child process: seconds
def test_in_a_subprocess_at_80_columns(capsys, monkeypatch):
    """The issue's test: `COLUMNS=80 grantcalc show … --formulas` and `check`: no line over 80."""
    env = {**os.environ, "PYTHONIOENCODING": "utf-8", "COLUMNS": "80"}
    env.pop("GRANTCALC_DEBUG", None)
    oka = "examples/oka-innanforskapet.yaml"
    monkeypatch.chdir(ROOT)
    monkeypatch.setenv("COLUMNS", str(WIDE))
    for args in (["show", oka, "--formulas"], ["show", oka], ["check", oka]):
        done = subprocess.run([sys.executable, "-m", "grantcalc", *args], cwd=ROOT, env=env, capture_output=True,
                              text=True, encoding="utf-8", timeout=60)
        assert done.returncode == 0, done.stderr
        wide = cli(capsys, *args)[1]  # the same, unwrapped, in this process
        assert max(map(len, wide.splitlines())) > 80  # unwrapped, the output is wider than 80
        assert_fits(done.stdout, 80, wide, whole_words=True)


def test_a_pipe_without_columns_gets_80(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "GRANTCALC_DEBUG")}
    env["PYTHONIOENCODING"] = "utf-8"
    done = subprocess.run([sys.executable, "-m", "grantcalc", "show", "examples/oka-innanforskapet.yaml"], cwd=ROOT,
                          env=env, capture_output=True, text=True, encoding="utf-8", timeout=60)
    assert done.returncode == 0
    lines = done.stdout.splitlines()
    assert max(map(len, lines)) <= 80 and "Kostnadsslag / Kostnadsrad" in done.stdout


# --- what the tables look like at 80 columns ----------------------------------------------------------
OKA_AT_80 = """\
Öka innanförskapet – fler i arbete
Västerbergslagens samordningsförbund · 2024-09-15 – 2027-09-14 · belopp i kr

Kostnadsslag / Kostnadsrad      2024       2025       2026       2027     Totalt
───────────────────────────  ───────  ─────────  ─────────  ─────────  ─────────
Lönekostnader
  Processledare/samordnare   210 479    721 644    746 352    577 656  2 256 131
  EVI-coacher                283 290  1 004 508  1 037 736    801 306  3 126 840
  Övriga personalkostnader     4 368     15 000     15 000     11 250     45 618
Resekostnader
  Resor                        9 331     32 000     32 000     24 000     97 331
Material
  Dator, IT, telefon           7 000     24 000     24 000     18 000     73 000
Utrustning
  Engångskostnad telefoner    35 000          0          0          0     35 000
    och datorer
Lokalkostnader
  Lokalhyra (i natura:             –          –          –          –          –
    Smedjebackens kommun)
Deltagarkostnader
  Deltagarna                  17 500     60 000     60 000     45 000    182 500
Övriga kostnader
  Övriga uppstartskostnader   10 000          0          0          0     10 000
───────────────────────────  ───────  ─────────  ─────────  ─────────  ─────────
Summa                        576 968  1 857 152  1 915 088  1 477 212  5 826 420
Totalt: 5 826 420 kr"""


def test_oka_at_80_columns_names_each_category_above_its_lines():
    computation = grantcalc.load(EXAMPLES / "oka-innanforskapet.yaml").compute()
    assert computation.table(width=80).replace(NB, " ") == OKA_AT_80
    wide = computation.table(width=120).splitlines()  # room enough: the category in a column of its own
    assert wide[3].split() == ["Kostnadsslag", "Kostnadsrad", "2024", "2025", "2026", "2027", "Totalt"]
    assert max(map(len, wide)) <= 120


def test_at_40_columns_the_years_come_in_bands_and_formulas_under_their_lines():
    computation = grantcalc.load(EXAMPLES / "oka-innanforskapet.yaml").compute()
    table = computation.table(width=40)
    assert table.count("Kostnadsslag / Kostnadsrad") == 5  # 2024, 2025, 2026, 2027, Totalt: one band each
    assert table.count("Summa") == 5
    formulas = computation.table(formulas=True, width=40).replace(NB, " ")
    assert "Processledare/samordnare      210 479 kr\n    42 350 kr × 1,42 × 3,5 mån =\n      210 479 kr" in formulas


# --- the Python functions with an explicit width ------------------------------------------------------
@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("name", NAMES)
def test_the_python_calls_take_a_width(name, width):
    budget = grantcalc.load(EXAMPLES / f"{name}.yaml")
    computation = budget.compute()
    result = budget.check()
    for make in (lambda w: computation.table(width=w), lambda w: computation.table(formulas=True, width=w),
                 lambda w: computation.table(by="category", width=w), lambda w: result.report(width=w),
                 lambda w: computation.financing.table(width=w), lambda w: budget.report(width=w),
                 lambda w: computation.table("en", width=w)):
        assert_fits(make(width), width, make(WIDE), whole_words=width >= 80)


def test_a_width_below_the_minimum_is_the_minimum():
    computation = grantcalc.load(EXAMPLES / "gemensam-kraft.yaml").compute()
    assert computation.table(width=10) == computation.table(width=MIN_WIDTH)
    assert max(map(len, computation.table(width=1, formulas=True).splitlines())) <= MIN_WIDTH


def test_terminal_width(monkeypatch):
    monkeypatch.setenv("COLUMNS", "132")
    assert terminal_width() == 132
    assert terminal_width(90) == 90  # a width given wins over COLUMNS
    assert terminal_width(12) == MIN_WIDTH
    monkeypatch.setenv("COLUMNS", "12")
    assert terminal_width() == MIN_WIDTH
    for garbage in ("0", "-1", "x", ""):
        monkeypatch.setenv("COLUMNS", garbage)
        assert terminal_width() == 80  # no terminal behind pytest's captured standard output
    monkeypatch.delenv("COLUMNS")
    assert terminal_width() == 80


# --- wrapping ------------------------------------------------------------------------------------------
def test_wrap_keeps_numbers_and_their_units_whole():
    text = f"räknar med 2{NB}666 kr/mån i stället för radens 32 000 kr/år (= 2{NB}666,67 kr/mån); 3,3 % av 150 %"
    for width in range(24, 90):  # 24: the longest part that must stay whole, "(= 2 666,67 kr/mån);", and the indent
        lines = wrap_text(text, width, 4)
        assert all(len(line) <= width for line in lines), (width, lines)
        joined = " ".join(line.strip() for line in lines)
        assert joined == text
        for number in ("2\u00a0666 kr/mån", "32 000 kr/år", "2\u00a0666,67 kr/mån", "3,3 %", "150 %"):
            assert any(number in line for line in lines), (width, number, lines)
        assert all(line.startswith("    ") for line in lines[1:])  # the hanging indent


def test_wrap_breaks_a_word_longer_than_the_line_after_a_slash():
    assert wrap_text("Processledare/samordnare", 16) == ["Processledare/", "  samordnare"]
    assert wrap_text("x" * 50, 20) == ["x" * 20, "  " + "x" * 18, "  " + "x" * 12]  # no slash: cut
    assert wrap_text("kort", 20) == ["kort"]
    assert wrap_text("  indragen rad som fortsätter", 16, 2) == ["  indragen rad", "    som", "    fortsätter"]


def test_a_long_name_wraps_and_a_long_word_does_not_crash():
    long_name = "Insatser för unga vuxna i kommunens arbetsmarknadsenhet och Arbetsförmedlingens lokala kontor"
    word = "Arbetsmarknadsutbildningsfinansieringsavtalsförhandlingsgrupp"
    yaml = f"""\
project: {{name: Lång}}
period: {{start: 2025-01-01, end: 2026-12-31}}
lines:
  - {{name: "{long_name}", kind: recurring, category: Övriga kostnader, amount: 12345678, per: year}}
  - {{name: {word}, kind: one_off, category: Övriga kostnader, amount: 5, year: 2025}}
"""
    computation = grantcalc.loads(yaml).compute()
    for width in (40, 60, 80):
        for text in (computation.table(width=width), computation.table(formulas=True, width=width),
                     computation.table(by="category", width=width)):
            assert max(map(len, text.splitlines())) <= width, (width, text)
            assert fmt.amount(computation.total) in text
    table = computation.table(width=80)
    assert set(long_name.split()) <= words(table)  # every word of the name, whole, on its lines
    assert any(line.startswith("  Insatser för unga vuxna") for line in table.splitlines())
