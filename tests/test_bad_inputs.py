"""Bad input never crashes: the corpus in tests/examples/bad, through ``grantcalc check``.

Each folder of ``tests/examples/bad`` holds one budget file (``budget.yaml``,
``.toml``, ``.json`` or ``.txt``) and ``expected.json``::

    {"description": "…", "exit": 2, "codes": ["invalid.greater_than"],
     "lines": [13],                      # optional: the file line of each finding, in order
     "command": ["check", "--strict"],   # optional: default ["check"]
     "messages": ["menade du 1.42?"]}    # optional: text some finding's message must hold

Every case runs through the CLI as a user runs it (``--format json``): the exit
status and the finding codes must be the expected ones, every error finding
names its file and (except for a problem of the whole file) its line, each code
has a catalog text, and nothing on standard error is a traceback or an internal
error. Adding a case is adding a folder.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from grantcalc.cli import main
from grantcalc.messages import CATALOG

BAD = Path(__file__).resolve().parent / "examples" / "bad"
CASES = sorted(p for p in BAD.iterdir() if p.is_dir()) if BAD.is_dir() else []
REQUIRED = {"description": str, "exit": int, "codes": list}
OPTIONAL = {"lines": list, "command": list, "messages": list}
# problems of the file as a whole: there is no line to point at
WHOLE_FILE = {"file.empty", "file.format", "file.too_large", "file.missing", "file.unreadable", "file.is_directory"}
CRASH_SIGNS = ("Traceback", "internt fel", "internal error", "<unicode string>")


def expected(case: Path) -> dict:
    return json.loads((case / "expected.json").read_text(encoding="utf-8"))


def budget_file(case: Path) -> Path:
    files = [p for p in case.iterdir() if p.name.startswith("budget.")]
    assert len(files) == 1, f"{case.name}: one budget.* file, not {[p.name for p in files]}"
    return files[0]


def run_check(capsys, command: list[str], path: Path) -> tuple[int, dict, str]:
    status = main([*command, str(path), "--format", "json"])
    out, err = capsys.readouterr()
    return status, json.loads(out), err


def assert_located(findings: list[dict], path: Path, need_lines: bool) -> None:
    for f in findings:
        assert f["code"] in CATALOG, f"{f['code']} has no catalog text: {f['message']}"
        assert not any(sign in f["message"] for sign in CRASH_SIGNS), f["message"]
        if f["severity"] != "error":
            continue
        assert f["file"] == str(path), f
        if need_lines or f["code"] not in WHOLE_FILE:
            assert isinstance(f["line"], int) and f["line"] >= 1, f"an error without a line: {f}"


def test_the_corpus_has_at_least_45_cases_each_with_its_expectation():
    assert len(CASES) >= 45, f"{len(CASES)} cases in {BAD}"
    for case in CASES:
        budget_file(case)
        want = expected(case)
        for key, kind in REQUIRED.items():
            assert isinstance(want.get(key), kind), f"{case.name}: expected.json needs {key!r} ({kind.__name__})"
        assert set(want) <= set(REQUIRED) | set(OPTIONAL), f"{case.name}: unknown keys {set(want) - set(REQUIRED)}"
        for key, kind in OPTIONAL.items():
            assert key not in want or isinstance(want[key], kind), f"{case.name}: {key!r} must be a {kind.__name__}"
        assert want["exit"] in (0, 1, 2) and want["description"].strip()
        assert all(isinstance(code, str) for code in want["codes"])
        if "lines" in want:
            assert len(want["lines"]) == len(want["codes"]), f"{case.name}: a line for each code"
        assert want.get("command", ["check"])[0] == "check"


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_a_bad_input_gives_its_exit_status_and_located_findings(case, capsys):
    want = expected(case)
    path = budget_file(case)
    status, report, err = run_check(capsys, want.get("command", ["check"]), path)
    assert not any(sign in err for sign in CRASH_SIGNS), err
    findings = report["findings"]
    codes = [f["code"] for f in findings]
    summary = [(f["code"], f["line"], f["message"]) for f in findings]
    assert status == want["exit"], summary
    assert report["file"] == str(path)
    assert report["ok"] is (status == 0)
    if "lines" in want:
        assert list(zip(codes, [f["line"] for f in findings])) == list(zip(want["codes"], want["lines"])), summary
    else:
        assert Counter(codes) == Counter(want["codes"]), summary
    assert_located(findings, path, "lines" in want)
    for text in want.get("messages", []):
        assert any(text in f["message"] for f in findings), (text, summary)


@pytest.mark.slow  # seconds of subprocesses or examples: with the long campaigns
def test_every_case_in_one_check_call(tmp_path):
    """All the corpus in one ``grantcalc check``: one JSON list, a report per file in order,
    the exit status the worst of theirs, and no traceback."""
    paths = [budget_file(case) for case in CASES]
    result = subprocess.run([sys.executable, "-m", "grantcalc", "check", "--format", "json", *map(str, paths)],
                            capture_output=True, text=True, encoding="utf-8", timeout=600, cwd=tmp_path,
                            env={**os.environ, "GITHUB_ACTIONS": "", "GRANTCALC_DEBUG": ""})
    assert "Traceback" not in result.stderr and "internt fel" not in result.stderr, result.stderr[-3000:]
    plain = [expected(case) for case in CASES if expected(case).get("command", ["check"]) == ["check"]]
    assert result.returncode == max(want["exit"] for want in plain)
    reports = json.loads(result.stdout)
    assert isinstance(reports, list) and [r["file"] for r in reports] == [str(p) for p in paths]
    for case, path, report in zip(CASES, paths, reports):
        want = expected(case)
        if want.get("command", ["check"]) != ["check"]:
            continue  # its expectation is for other options (--strict)
        assert Counter(f["code"] for f in report["findings"]) == Counter(want["codes"]), case.name
        assert report["ok"] is (want["exit"] == 0), case.name
        assert_located(report["findings"], path, "lines" in want)


def test_a_file_of_50_mb_is_refused_before_it_is_read(tmp_path, capsys):
    """A valid-looking budget padded with a comment to 50 MB: file.too_large, exit 2
    (generated here: it is not part of the corpus)."""
    from grantcalc.loader.source import MAX_BYTES

    path = tmp_path / "budget.yaml"
    head = (BAD / "date-outside-period" / "budget.yaml").read_bytes()
    size = 50 * 1024 * 1024
    assert size > MAX_BYTES
    with path.open("wb") as out:
        out.write(head)
        out.write(b"# " + b"x" * (size - len(head) - 3) + b"\n")
    assert path.stat().st_size == size
    status, report, err = run_check(capsys, ["check"], path)
    assert status == 2 and not err
    assert ([(f["code"], f["severity"], f["file"]) for f in report["findings"]]
            == [("file.too_large", "error", str(path))])
    assert f"{size:,}".replace(",", "\u00a0") in report["findings"][0]["message"]
