"""The README's Python examples run as written and say what they claim."""

from __future__ import annotations

import re
from decimal import Decimal

from tests.conftest import ROOT


def test_readme_python_examples_run(monkeypatch, capsys, tmp_path):
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```python\n(.*?)```", text, re.S)
    assert len(blocks) >= 2
    (tmp_path / "examples").symlink_to(ROOT / "examples")  # paths as in a clone; files it writes go here
    (tmp_path / "tests").symlink_to(ROOT / "tests")
    monkeypatch.chdir(tmp_path)
    namespace: dict = {}
    for block in blocks:
        exec(compile(block, "README.md", "exec"), namespace)  # noqa: S102 - our own documentation
    c = namespace["c"]
    assert c.total == Decimal(5826420)  # as the README's comment says
    assert c.cell("EVI-coacher", 2025).formula_text() == \
        "39\u00a0300\u00a0kr × 1,42 × 150\u00a0% × 12\u00a0mån = 1\u00a0004\u00a0508\u00a0kr"
    assert namespace["budget"].compute().total > 0
    assert (tmp_path / "ekonomi.docx").stat().st_size > 0


def test_readme_commands_are_the_ones_ci_runs():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    commands = re.findall(r"```sh\n(.*?)\n```", readme, re.S)
    assert "&& grantcalc check examples/ljusdal-hallbart-arbetsliv.yaml &&" in commands[0]
    assert commands[0].endswith("grantcalc render examples/ljusdal-hallbart-arbetsliv.yaml -o ansokan.docx --force")
    assert commands[1] in ci.splitlines()
