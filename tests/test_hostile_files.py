"""Hostile paths, pipes, signals and races: what a file system or a caller can do to a command.

Each test builds its case (a device behind a symlink, a FIFO, a name too long, a
closed pipe, a signal during a write, 20 writers racing for one name) and runs it
through the command line as a user would. Nothing here asserts a time: a case
that hung would hang the test (the subprocess cases have a timeout, so they fail
instead).
"""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import signal
import stat
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from grantcalc.cli import main
from grantcalc.errors import SourceError
from grantcalc.write import STALE_AFTER, TMP_MARK, remove_stale, write_atomic, write_text_atomic

from .conftest import EXAMPLES

LJUSDAL = EXAMPLES / "ljusdal-hallbart-arbetsliv.yaml"
LONG = "a" * 300  # past NAME_MAX (255): ENAMETOOLONG
GRANTCALC = [sys.executable, "-m", "grantcalc"]


def run(*args: str, timeout: float = 60, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run([*GRANTCALC, *args], capture_output=True, text=True, timeout=timeout, **kwargs)


def no_crash(stderr: str) -> None:
    assert "Traceback" not in stderr and "internt fel" not in stderr, stderr


@pytest.fixture
def unbalanced(tmp_path) -> Path:
    text = LJUSDAL.read_text(encoding="utf-8").replace("amounts: {2022: 1111403", "amounts: {2022: 1111400", 1)
    assert "1111400" in text
    path = tmp_path / "obalanserad.yaml"
    path.write_text(text, encoding="utf-8")
    return path


# --- 2. every read is bounded and refuses what is not a regular file ------------------------------
@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom", "/dev/null"])
def test_a_budget_that_is_a_symlink_to_a_device_is_refused_without_reading_it(tmp_path, capsys, device):
    if not os.path.exists(device):
        pytest.skip(f"{device} does not exist here")
    link = tmp_path / "budget.yaml"
    link.symlink_to(device)
    assert main(["check", str(link)]) == 2
    err = capsys.readouterr().err
    assert err == f"{link}: är en enhet (device), inte en vanlig fil: ange en fil\n"


def test_a_budget_that_is_a_fifo_is_refused_at_once(tmp_path):
    fifo = tmp_path / "budget.yaml"
    os.mkfifo(fifo)
    done = run("check", str(fifo), timeout=30)  # blocked forever before: nobody writes to it
    assert done.returncode == 2
    assert done.stderr == f"{fifo}: är en namngiven rörledning (FIFO), inte en vanlig fil: ange en fil\n"


@pytest.mark.slow  # seconds of subprocesses or examples: with the long campaigns
def test_a_template_that_is_a_fifo_or_a_device_is_refused_at_once(tmp_path):
    fifo = tmp_path / "mall.docx"
    os.mkfifo(fifo)
    done = run("render", str(LJUSDAL), "--template", str(fifo), "-o", str(tmp_path / "ut.docx"), timeout=30)
    assert done.returncode == 2 and "namngiven rörledning (FIFO)" in done.stderr
    zero = tmp_path / "noll.docx"
    zero.symlink_to("/dev/zero")
    done = run("render", str(LJUSDAL), "--template", str(zero), "-o", str(tmp_path / "ut.docx"), timeout=30)
    assert done.returncode == 2 and f"{zero}: är en enhet (device)" in done.stderr
    form = tmp_path / "form.yaml"
    form.symlink_to("/dev/zero")
    done = run("render", str(LJUSDAL), "--template", str(form), "-o", str(tmp_path / "ut.docx"), timeout=30)
    assert done.returncode == 2 and f"{form}: är en enhet (device)" in done.stderr
    assert not (tmp_path / "ut.docx").exists()


def test_a_file_in_proc_whose_size_says_zero_is_read_with_the_bound(tmp_path, capsys, monkeypatch):
    import grantcalc.loader.source as source

    status = Path("/proc/self/status")
    if not status.exists():
        pytest.skip("no /proc here")
    assert status.stat().st_size == 0
    link = tmp_path / "budget.yaml"
    link.symlink_to(status)
    monkeypatch.setattr(source, "MAX_BYTES", 64)  # /proc/self/status is ~1 kB, its size says 0
    assert main(["check", str(link)]) == 2
    assert capsys.readouterr().err == f"{link}: filen är för stor (> 64 byte; högst 64)\n"


def test_a_closed_standard_input_is_a_message(tmp_path):
    done = subprocess.run([*GRANTCALC, "check", "-"], capture_output=True, text=True, timeout=60,
                          stdin=subprocess.DEVNULL, preexec_fn=lambda: os.close(0))
    assert done.returncode == 2
    assert done.stderr == "<stdin>: filen kan inte läsas: strömmen är stängd\n"


# --- 4. the exit status tells the truth through a closed pipe -------------------------------------
@pytest.mark.slow  # seconds of subprocesses or charts: with the long campaigns
@pytest.mark.skipif(shutil.which("bash") is None or shutil.which("head") is None, reason="needs bash and head")
@pytest.mark.parametrize("fmt", ["text", "json", "github"])
def test_an_unbalanced_budget_fails_through_a_pipe_that_closes_early(unbalanced, fmt):
    command = " ".join([*map(str, GRANTCALC), "check", "--format", fmt, str(unbalanced)])
    done = subprocess.run(["bash", "-c", f"set -o pipefail; {command} | head -c 1"], capture_output=True, text=True,
                          timeout=60)
    assert done.returncode == 1  # was 0: the BrokenPipe handler returned success
    assert done.stderr == ""  # nothing more is said when the reader has gone
    ok = " ".join([*map(str, GRANTCALC), "check", str(LJUSDAL)])
    done = subprocess.run(["bash", "-c", f"set -o pipefail; {ok} | head -c 1"], capture_output=True, text=True,
                          timeout=60)
    assert done.returncode == 0 and done.stderr == ""


# --- 5. an OSError on any path is a located message; the other files are still reported ------------
def test_a_name_too_long_is_a_message_in_every_command(tmp_path, capsys):
    long_budget = tmp_path / f"{LONG}.yaml"
    assert main(["check", str(long_budget)]) == 2
    assert capsys.readouterr().err == f"{long_budget}: filen kan inte läsas: filnamnet är för långt\n"
    for command in (["render", str(LJUSDAL), "--no-charts", "-o", str(tmp_path / f"{LONG}.docx")],
                    ["export", str(LJUSDAL), "-o", str(tmp_path / f"{LONG}.xlsx")],
                    ["export", str(LJUSDAL), "-o", str(tmp_path / f"{LONG}.csv")],
                    ["new", str(tmp_path / f"{LONG}.yaml")],
                    ["schema", "-o", str(tmp_path / f"{LONG}.json")]):
        assert main(command) == 2, command
        err = capsys.readouterr().err
        assert err.endswith(f"{LONG}{Path(command[-1]).suffix} kan inte skrivas: filnamnet är för långt\n"), err
    template = tmp_path / f"{LONG}.docx"
    assert main(["render", str(LJUSDAL), "--template", str(template), "-o", str(tmp_path / "ut.docx")]) == 2
    assert capsys.readouterr().err == f"{template}: filen kan inte läsas: filnamnet är för långt\n"
    assert os.listdir(tmp_path) == []


@pytest.mark.skipif(os.geteuid() == 0, reason="root enters any folder")
def test_a_folder_one_may_not_enter_is_a_message(tmp_path, capsys):  # pragma: no cover - not run as root
    closed = tmp_path / "stängd"
    closed.mkdir()
    shutil.copy(LJUSDAL, closed / "budget.yaml")
    closed.chmod(0)
    try:
        assert main(["check", str(closed / "budget.yaml")]) == 2
        assert "behörighet saknas" in capsys.readouterr().err
        assert main(["render", str(LJUSDAL), "-o", str(closed / "ut.docx")]) == 2
        assert "behörighet saknas" in capsys.readouterr().err
    finally:
        closed.chmod(0o755)


def test_check_reports_every_readable_file_when_one_cannot_be_read(tmp_path, capsys):
    long_budget = str(tmp_path / f"{LONG}.yaml")
    assert main(["check", "--format", "json", str(LJUSDAL), long_budget, str(LJUSDAL)]) == 2
    out, err = capsys.readouterr()
    report = json.loads(out)
    assert [item["file"] for item in report] == [str(LJUSDAL), long_budget, str(LJUSDAL)]
    assert [item["ok"] for item in report] == [True, False, True]
    assert report[0]["costs"]["total"] == "2480208" and report[2]["costs"]["total"] == "2480208"
    assert [f["code"] for f in report[1]["findings"]] == ["file.unreadable"]
    assert err == ""


def test_a_bug_on_one_file_does_not_lose_the_others(tmp_path, capsys, monkeypatch):
    """The last guard is per file: an internal error on one budget is that file's finding."""
    import grantcalc.budget.model as model

    real = model.Budget.check
    calls = []

    def check(self, *args, **kwargs):
        calls.append(self.project.name)
        if len(calls) == 2:
            raise ZeroDivisionError("a bug")
        return real(self, *args, **kwargs)

    monkeypatch.setattr(model.Budget, "check", check)
    assert main(["check", "--format", "json", str(LJUSDAL), str(LJUSDAL), str(LJUSDAL)]) == 2
    report = json.loads(capsys.readouterr().out)
    assert [item["ok"] for item in report] == [True, False, True]
    [finding] = report[1]["findings"]
    assert finding["code"] == "internal.error" and "ZeroDivisionError: a bug" in finding["message"]


# --- 6. CSV cells a spreadsheet reads as text ------------------------------------------------------
@pytest.mark.parametrize("name", ["=1+2", "+SUM(A1:A2)", "-2+3", "@SUM(A1)", "=HYPERLINK(\"x\")", "＝1+2"])
def test_a_csv_cell_that_would_be_a_formula_is_written_as_text(tmp_path, capsys, name):
    budget = tmp_path / "budget.json"
    budget.write_text(json.dumps({
        "project": {"name": "P"}, "period": {"start": "2025-01-01", "end": "2025-12-31"},
        "lines": [{"name": name, "kind": "one_off", "category": "other", "amount": 2300, "year": 2025},
                  {"name": "Resor", "kind": "one_off", "category": "travel", "amount": 5000, "year": 2025}],
    }), encoding="utf-8")
    out = tmp_path / "ut.csv"
    assert main(["export", str(budget), "-o", str(out)]) == 0
    rows = list(csv.reader(io.StringIO(out.read_text(encoding="utf-8-sig"), newline=""), delimiter=";"))
    line, *_ = rows[1]
    assert line == "'" + name  # OWASP: a leading apostrophe
    assert rows[1][3] == "2300"  # an amount is a number, not a text cell
    assert rows[2][0] == "Resor"
    assert main(["export", str(budget), "-o", str(out), "--csv-dialect", "machine", "--force"]) == 0
    rows = list(csv.reader(io.StringIO(out.read_text(encoding="utf-8"), newline="")))
    assert rows[1][0] == "'" + name and rows[1][3] == "2300"


@pytest.mark.parametrize("text", ["\tx", "\rx", "=", "+", "-", "@", "－1", "＠x"])
def test_csv_text_neutralises_every_formula_start(text):
    from grantcalc.report.excel import csv_text

    assert csv_text(text) == "'" + text
    assert csv_text("Resor " + text) == "Resor " + text  # only the start of a cell matters


# --- 7. never replaced without --force, even by a concurrent run ------------------------------------
def _race(out: str, start: float, text: str, said: str) -> None:
    """One of the writers: waits for the common instant, then writes; exits 0, or 2 after
    writing the problem's code to ``said``."""
    while time.time() < start:  # all twenty reach the write at the same moment
        time.sleep(0.001)
    try:
        write_text_atomic(out, text)
    except SourceError as err:
        Path(said).write_text(err.problems[0].code, encoding="utf-8")
        os._exit(2)
    os._exit(0)


@pytest.mark.slow  # twenty forked writers: a second
@pytest.mark.skipif(not hasattr(os, "fork"), reason="the writers are forked processes")
def test_twenty_concurrent_writers_of_one_new_path_one_wins(tmp_path):
    """The exclusive name at the heart of every command's write, raced by 20 processes (forked,
    so they start at once) that write at the same instant; the whole command line raced is the
    next test, with the long campaigns."""
    import multiprocessing

    fork = multiprocessing.get_context("fork")
    out, said = tmp_path / "ut" / "ut.txt", tmp_path / "sade"
    out.parent.mkdir()
    said.mkdir()
    start = time.time() + 0.5
    writers = [fork.Process(target=_race, args=(str(out), start, f"skribent {i}", str(said / str(i))))
               for i in range(20)]
    for writer in writers:
        writer.start()
    for writer in writers:
        writer.join(timeout=120)
    codes = [writer.exitcode for writer in writers]
    assert sorted(codes) == [0] + [2] * 19, codes
    winner = codes.index(0)
    assert out.read_text(encoding="utf-8") == f"skribent {winner}"
    assert os.listdir(out.parent) == ["ut.txt"]  # no temporary file left by any of them
    assert sorted(int(p.name) for p in said.iterdir()) == [i for i in range(20) if i != winner]
    assert {p.read_text(encoding="utf-8") for p in said.iterdir()} == {"output.exists"}


@pytest.mark.slow  # 20 full renders at once: about 15 s of both cores, with the long campaigns
def test_twenty_concurrent_renders_to_one_new_path_one_wins(tmp_path):
    budget = tmp_path / "budget.yaml"
    budget.write_text(textwrap.dedent("""\
        project: {name: Kapplöpning}
        period: {start: 2025-01-01, end: 2025-12-31}
        lines:
          - {name: Resor, kind: one_off, category: travel, amount: 5000, year: 2025}
        """), encoding="utf-8")
    out = tmp_path / "ut.docx"
    runs = [subprocess.Popen([*GRANTCALC, "render", str(budget), "--no-charts", "-o", str(out)],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(20)]
    results = [(p.wait(timeout=120), p.stderr.read()) for p in runs]
    for p in runs:
        p.stdout.close()
        p.stderr.close()
    won = [err for status, err in results if status == 0]
    lost = [err for status, err in results if status != 0]
    assert len(won) == 1 and won[0].startswith(f"Skrev {out}")
    assert len(lost) == 19
    assert all(status == 2 for status, _ in results if status != 0)
    assert all(err == f"{out} finns redan: välj ett annat namn eller lägg till --force för att skriva över\n"
               for err in lost)
    assert sorted(os.listdir(tmp_path)) == ["budget.yaml", "ut.docx"]


def test_the_name_taken_between_the_check_and_the_write_is_not_replaced(tmp_path):
    out = tmp_path / "ut.txt"

    def produce(tmp: Path) -> None:
        tmp.write_text("mitt", encoding="utf-8")
        out.write_text("någon annans", encoding="utf-8")  # another run took the name meanwhile

    with pytest.raises(SourceError) as caught:
        write_atomic(out, produce)
    assert [p.code for p in caught.value.problems] == ["output.exists"]
    assert out.read_text(encoding="utf-8") == "någon annans"
    assert os.listdir(tmp_path) == ["ut.txt"]


@pytest.mark.parametrize("kind", ["dangling", "loop"])
def test_a_symlink_at_the_output_path_counts_as_existing(tmp_path, capsys, kind):
    out = tmp_path / "ut.docx"
    out.symlink_to(tmp_path / "ingenstans.docx" if kind == "dangling" else out)
    assert main(["render", str(LJUSDAL), "--no-charts", "-o", str(out)]) == 2
    assert capsys.readouterr().err == (f"{out} finns redan: välj ett annat namn eller lägg till --force "
                                       "för att skriva över\n")
    assert out.is_symlink() and not (tmp_path / "ingenstans.docx").exists()


def test_force_keeps_the_old_files_permissions(tmp_path, capsys):
    out = tmp_path / "ut.yaml"
    out.write_text("gammal\n", encoding="utf-8")
    out.chmod(0o600)
    assert main(["new", str(out), "--force"]) == 0
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert "project:" in out.read_text(encoding="utf-8")
    out.chmod(0o640)
    assert main(["schema", "-o", str(out), "--force"]) == 0
    assert stat.S_IMODE(out.stat().st_mode) == 0o640


def test_a_new_file_follows_the_umask(tmp_path, capsys):
    old = os.umask(0o027)
    try:
        assert main(["new", str(tmp_path / "ny.yaml")]) == 0
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "ny.yaml").stat().st_mode) == 0o640


# --- 8. no temporary file is left behind -----------------------------------------------------------
WRITER = """\
import signal, sys, time
from pathlib import Path
from grantcalc.write import write_atomic
from grantcalc.cli import main

# a writer run from a terminal: a suite started under nohup or in the background would otherwise
# hand it SIGHUP and SIGINT ignored, and it would (rightly) keep ignoring them
for signum in (signal.SIGHUP, signal.SIGINT):
    signal.signal(signum, signal.SIG_DFL if signum == signal.SIGHUP else signal.default_int_handler)

def produce(tmp):
    tmp.write_text("halvvägs", encoding="utf-8")
    Path(sys.argv[2]).touch()          # the test's sign that the temporary file exists
    time.sleep(60)

try:
    write_atomic(sys.argv[1], produce)
except KeyboardInterrupt as err:
    sys.exit(128 + getattr(err, "signum", 2))
"""


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP, signal.SIGINT])
def test_a_signal_during_a_write_leaves_no_temporary_file(tmp_path, signum):
    out, ready = tmp_path / "ut.docx", tmp_path / "klar"
    script = tmp_path / "skriv.py"
    script.write_text(WRITER, encoding="utf-8")
    folder = tmp_path / "ut"
    folder.mkdir()
    out = folder / "ut.docx"
    writer = subprocess.Popen([sys.executable, str(script), str(out), str(ready)], stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 60
    while not ready.exists():
        assert writer.poll() is None, writer.stderr.read()
        assert time.monotonic() < deadline, "the writer never started"
        time.sleep(0.02)
    assert [n for n in os.listdir(folder) if TMP_MARK in n]  # the temporary file is there now
    writer.send_signal(signum)
    status = writer.wait(timeout=60)
    writer.stderr.close()
    assert status == 128 + signum
    assert os.listdir(folder) == []


def test_the_command_line_exits_with_128_plus_the_signal_and_says_so(tmp_path, monkeypatch, capsys):
    from grantcalc.write import Interrupted

    def interrupted(*args, **kwargs):
        raise Interrupted(signal.SIGTERM)

    monkeypatch.setattr("grantcalc.cli._new", interrupted)
    assert main(["new", str(tmp_path / "ny.yaml")]) == 128 + signal.SIGTERM
    assert capsys.readouterr().err == (f"avbröts (signal {int(signal.SIGTERM)}) innan filen var skriven; "
                                       "ingen fil ändrades\n")


def test_stale_temporary_files_of_a_killed_run_are_removed_by_the_next_write(tmp_path):
    stale = tmp_path / f".ut.docx{TMP_MARK}abcd1234.tmp"
    fresh = tmp_path / f".annan.docx{TMP_MARK}efgh5678.tmp"  # a write going on right now
    other = tmp_path / ".ut.docx.abcd1234.tmp"  # not of grantcalc's naming: never touched
    for path in (stale, fresh, other):
        path.write_text("x", encoding="utf-8")
    hour_ago = time.time() - STALE_AFTER - 60
    os.utime(stale, (hour_ago, hour_ago))
    os.utime(other, (hour_ago, hour_ago))
    write_text_atomic(tmp_path / "ny.txt", "hej")
    assert sorted(os.listdir(tmp_path)) == sorted([fresh.name, other.name, "ny.txt"])
    assert remove_stale(tmp_path, now=time.time() + 2 * STALE_AFTER) == [fresh]


def test_a_killed_writer_leaves_a_file_the_next_run_removes(tmp_path):
    ready = tmp_path / "klar"
    script = tmp_path / "skriv.py"
    script.write_text(WRITER, encoding="utf-8")
    folder = tmp_path / "ut"
    folder.mkdir()
    writer = subprocess.Popen([sys.executable, str(script), str(folder / "ut.docx"), str(ready)])
    deadline = time.monotonic() + 60
    while not ready.exists():
        assert writer.poll() is None and time.monotonic() < deadline
        time.sleep(0.02)
    writer.kill()
    writer.wait(timeout=60)
    [left] = os.listdir(folder)
    assert TMP_MARK in left
    hour_ago = time.time() - STALE_AFTER - 1
    os.utime(folder / left, (hour_ago, hour_ago))
    write_text_atomic(folder / "nästa.txt", "hej")
    assert os.listdir(folder) == ["nästa.txt"]


# --- 10. terminals that are not UTF-8 ---------------------------------------------------------------
@pytest.mark.slow  # a child process each: with the long campaigns
@pytest.mark.parametrize("env", [{"LC_ALL": "C", "PYTHONUTF8": "0", "PYTHONCOERCECLOCALE": "0"},
                                 {"PYTHONIOENCODING": "ascii"}])
def test_a_terminal_that_is_not_utf8_gets_plain_letters_not_question_marks(env):
    done = run("check", str(LJUSDAL), env={**os.environ, **env, "PYTHONIOENCODING": env.get("PYTHONIOENCODING", ""),
                                           "COLUMNS": "1000"})  # the finding on one line
    assert done.returncode == 0, done.stderr
    assert "?" not in done.stdout.replace("?)", "")  # the report has no question marks of its own here
    assert "Angivna belopp jamforda med berakningen: 31, varav 0 avviker." in done.stdout
    assert "Summa                                   1 111 403  1 085 966  282 839  2 480 208" in done.stdout
    assert "manader" not in done.stderr and "?" not in done.stderr.replace("?)", "")
    assert "hor till (Handledning) har 36 000 kr for 2022-2024" in done.stdout


@pytest.mark.slow  # a child process: with the long campaigns
def test_a_latin1_terminal_keeps_the_swedish_letters():
    done = subprocess.run([*GRANTCALC, "check", str(LJUSDAL)], capture_output=True, encoding="latin-1", timeout=60,
                          env={**os.environ, "PYTHONIOENCODING": "latin-1"})
    assert done.returncode == 0
    assert "Angivna belopp jämförda med beräkningen" in done.stdout


# --- 11. smaller --------------------------------------------------------------------------------------
def test_an_empty_output_name_is_refused_not_replaced_by_the_default(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    for command in (["render", str(LJUSDAL), "--no-charts", "-o", ""], ["export", str(LJUSDAL), "-o", ""],
                    ["new", ""], ["schema", "-o", ""]):
        status = main(command)
        err = capsys.readouterr().err
        assert status == 2, command
        assert err.startswith("utfilens namn är tomt"), (command, err)
    assert os.listdir(tmp_path) == []


@pytest.mark.parametrize("command", ["render", "export", "new", "schema"])
def test_an_output_name_ending_in_a_slash_is_refused(tmp_path, capsys, command):
    target = str(tmp_path / "x.docx") + "/"
    args = {"render": ["render", str(LJUSDAL), "--no-charts", "-o", target],
            "export": ["export", str(LJUSDAL), "-o", str(tmp_path / "x.xlsx") + "/"],
            "new": ["new", str(tmp_path / "x.yaml") + "/"],
            "schema": ["schema", "-o", str(tmp_path / "x.json") + "/"]}[command]
    assert main(args) == 2
    assert "slutar på / och är inget filnamn" in capsys.readouterr().err
    assert os.listdir(tmp_path) == []


@pytest.mark.slow  # seconds of subprocesses or examples: with the long campaigns
def test_charts_write_nothing_under_home_and_do_not_warn(tmp_path):
    pytest.importorskip("matplotlib")
    home = tmp_path / "hem"
    home.mkdir()
    (tmp_path / "matplotlibrc").write_text("text.usetex: True\n", encoding="utf-8")  # a hostile folder's rc
    env = {k: v for k, v in os.environ.items() if k not in ("MPLCONFIGDIR", "XDG_CONFIG_HOME")}
    env["HOME"] = str(home)
    home.chmod(0o555)
    try:
        done = run("render", str(LJUSDAL), "-o", str(tmp_path / "ut.docx"), cwd=tmp_path, env=env, timeout=120)
    finally:
        home.chmod(0o755)
    assert done.returncode == 0, done.stderr
    assert done.stderr.startswith("Skrev") and "Matplotlib" not in done.stderr and "warn" not in done.stderr.lower()
    assert os.listdir(home) == []
