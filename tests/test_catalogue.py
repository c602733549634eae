"""The catalogue: one home for every word a user reads, one file per language.

- No module outside ``grantcalc/catalogue/`` branches on a language code: every word,
  and every format that differs between languages, is looked up in the catalogue.
- Every language file has the keys of ``sv.py``, and the same ``{placeholders}`` in each text.
- Adding a language is adding one file: a copy of the package with ``xx.py`` speaks xx,
  down to ``grantcalc check --lang xx``.
- Every key the code names exists.
"""

from __future__ import annotations

import ast
import os
import re
import shutil
import string
import subprocess
import sys
import types
from decimal import Decimal
from pathlib import Path

import pytest

from grantcalc import catalogue
from tests.conftest import EXAMPLES, ROOT

SRC = ROOT / "src" / "grantcalc"
CATALOGUE = SRC / "catalogue"
CODES = ("sv", "en")

# files other engineers are changing right now, with the language branches they still hold;
# the count may only fall
STILL_BRANCHING: dict[str, int] = {}


def _modules() -> list[Path]:
    return sorted(p for p in SRC.rglob("*.py") if CATALOGUE not in p.parents)


def _relative(path: Path) -> str:
    return path.relative_to(SRC).as_posix()


# --- (a) no module outside the catalogue compares a language code -----------------------------------
BRANCH = re.compile(r"""(==|!=)\s*["'](sv|en)["']"""  # lang == "sv"
                    r"""|["'](sv|en)["']\s*(==|!=)"""  # "sv" == lang
                    r"""|["'](sv|en)["']\s+if\b"""  # "sv" if … else "en"
                    r"""|\bif\s+(not\s+)?(self\.)?lang\b(?!\s+is\b)""")  # if lang …: (`if lang is None` is none)


def _is_code(node: ast.AST) -> bool:
    return isinstance(node, ast.Constant) and node.value in CODES


def _ast_branches(tree: ast.AST) -> list[int]:
    """Lines that compare with a language code (``lang == "sv"``, ``lang in ("sv", …)``,
    ``case "sv":``) or hold a table keyed by language codes (``{"sv": …, "en": …}``)."""
    lines = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Compare):
            operands = [node.left, *node.comparators]
            if any(_is_code(o) for o in operands) or any(
                    isinstance(o, (ast.Tuple, ast.List, ast.Set)) and any(_is_code(e) for e in o.elts)
                    for o in operands):
                lines.append(node.lineno)
        elif (isinstance(node, ast.MatchValue) and _is_code(node.value)) or \
                (isinstance(node, ast.Dict) and sum(1 for k in node.keys if k is not None and _is_code(k)) >= 2):
            lines.append(node.lineno)
    return lines


def _branches(path: Path) -> set[int]:
    source = path.read_text(encoding="utf-8")
    found = {source.count("\n", 0, m.start()) + 1 for m in BRANCH.finditer(source)}
    return found | set(_ast_branches(ast.parse(source, str(path))))


def test_no_module_outside_the_catalogue_branches_on_a_language():
    found = {_relative(p): sorted(lines) for p in _modules() if (lines := _branches(p))}
    allowed = {name: lines for name, lines in found.items() if len(lines) <= STILL_BRANCHING.get(name, 0)}
    assert {name: lines for name, lines in found.items() if name not in allowed} == {}, \
        "look the word up in grantcalc.catalogue (catalogue.text(key, lang)) instead of branching on the language"


def test_the_branch_finder_is_not_vacuous(tmp_path):
    probe = tmp_path / "probe.py"
    probe.write_text('def f(lang):\n    a = "kr" if lang == "sv" else "SEK"\n    b = {"sv": 1, "en": 2}[lang]\n'
                     '    if lang in ("en",):\n        pass\n    match lang:\n        case "sv":\n            pass\n'
                     '    if lang is None:\n        pass\n    return "sv" if a else b\n', encoding="utf-8")
    assert sorted(_branches(probe)) == [2, 3, 4, 7, 11]


def test_the_catalogue_imports_nothing_else_from_grantcalc():
    for path in CATALOGUE.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom):
                assert node.level == 0 and not (node.module or "").startswith("grantcalc"), path.name
            elif isinstance(node, ast.Import):
                assert not any(a.name.startswith("grantcalc") for a in node.names), path.name


# --- (b) every language has the same keys and placeholders -------------------------------------------
def placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name is not None}


# parameters the loader gives in one language only (the line kinds with their Swedish names)
LANGUAGE_SPECIFIC = {"invalid.union_tag_invalid", "invalid.union_tag_not_found"}


def test_the_languages_are_the_files_of_the_package_the_default_first():
    files = sorted(p.stem for p in CATALOGUE.glob("*.py") if not p.stem.startswith("_"))
    assert catalogue.LANGS[0] == catalogue.DEFAULT == "sv"
    assert sorted(catalogue.LANGS) == files and {"sv", "en"} <= set(files)
    assert [catalogue.locale_of(lang) for lang in ("sv", "en")] == ["sv_SE", "en_GB"]
    assert catalogue.tag_of("sv") == "sv-SE" and catalogue.name_of("sv") == "svenska"


@pytest.mark.parametrize("lang", catalogue.LANGS)
def test_every_language_has_the_keys_and_placeholders_of_swedish(lang):
    from babel import Locale

    module = catalogue.language(lang)
    default = catalogue.language(catalogue.DEFAULT).TEXTS
    assert isinstance(module.NAME, str) and module.NAME
    assert Locale.parse(module.LOCALE)  # a locale babel formats figures in
    assert sorted(set(default) - set(module.TEXTS)) == [], "keys missing"
    assert sorted(set(module.TEXTS) - set(default)) == [], "keys sv.py does not have"
    every = {key: set().union(*(placeholders(catalogue.text(key, other)) for other in catalogue.LANGS))
             for key in LANGUAGE_SPECIFIC}
    for key, template in module.TEXTS.items():
        assert isinstance(template, str) and template.strip(), key
        if key in LANGUAGE_SPECIFIC:
            assert placeholders(template) <= every[key], key
        else:
            assert placeholders(template) == placeholders(default[key]), key


def test_unknown_keys_and_languages_are_refused_clearly():
    with pytest.raises(KeyError, match=r"no text 'word\.nothing'"):
        catalogue.text("word.nothing", "sv")
    with pytest.raises(ValueError, match="unknown language 'de': use one of sv, en"):
        catalogue.text("word.total", "de")
    assert catalogue.texts("word.total") == ("Totalt", "Total")
    assert catalogue.pick(("Totalt", "Total"), "en") == "Total"


def test_messages_catalog_is_a_read_only_view_of_the_catalogue():
    from grantcalc.messages import CATALOG

    assert CATALOG["file.missing"] == (catalogue.text("file.missing", "sv"), catalogue.text("file.missing", "en"))
    assert "file.missing" in CATALOG and "no.such_code" not in CATALOG and CATALOG.get("no.such_code") is None
    assert set(CATALOG) == set(catalogue.keys())
    with pytest.raises(TypeError):
        CATALOG["file.missing"] = ("x", "y")  # type: ignore[index]


def test_a_swedish_check_loads_no_other_language():
    probe = ("import contextlib, io, sys\nfrom grantcalc.cli import main\n"
             "with contextlib.redirect_stdout(io.StringIO()):\n    main(['check', sys.argv[1]])\n"
             "print(sorted(m for m in sys.modules if m.startswith('grantcalc.catalogue.')))")
    done = subprocess.run([sys.executable, "-c", probe, str(EXAMPLES / "oka-innanforskapet.yaml")], cwd=ROOT,
                          capture_output=True, text=True, encoding="utf-8", timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().splitlines()[-1] == "['grantcalc.catalogue.sv']"


# --- (c) adding a language is adding one file -------------------------------------------------------
def _xx_texts() -> dict[str, str]:
    texts = dict(catalogue.language("en").TEXTS)
    texts["file.missing"] = "xx: no such file"
    texts["word.category"] = "Xategory"
    texts["severity.warning"] = "xwarning"
    return texts


@pytest.fixture
def xx(monkeypatch):
    """A third language, xx (English words, a few marked), as if xx.py were in the package."""
    module = types.ModuleType("grantcalc.catalogue.xx")
    module.LOCALE, module.NAME, module.TEXTS = "en_GB", "Xx", _xx_texts()  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "grantcalc.catalogue.xx", module)
    monkeypatch.setattr(catalogue, "LANGS", (*catalogue.LANGS, "xx"))
    yield "xx"
    catalogue._LOADED.pop("xx", None)


def test_a_third_language_renders_texts_messages_and_reports(xx):
    import grantcalc
    from grantcalc import formatting as fmt
    from grantcalc.errors import Problem, Severity
    from grantcalc.messages import render

    assert catalogue.text("file.missing", xx) == "xx: no such file"
    assert catalogue.texts("word.total") == ("Totalt", "Total", "Total")
    assert render("file.missing", {}, xx) == "xx: no such file"
    assert fmt.money(Decimal(1000), xx) == "SEK\u00a01,000" and fmt.percent(Decimal("1.5"), xx) == "150%"
    warning = Problem("plausibility.fte_people", Severity.warning, ("lines", 0, "fte"),
                      {"fte": Decimal("2.5"), "people": 2}, "b.yaml", 9)
    assert warning.format(xx) == "b.yaml:9: lines[0].fte: xwarning: 250% FTE is more than 2 people can carry"
    # a parameter given as a (Swedish, English) pair, made before xx existed, reads in English
    assert render("budget.unknown_year", {"year": 3, "years": ("År 1, År 2", "Year 1, Year 2")}, xx) == \
        "3 is not a budget year of the period (Year 1, Year 2)"
    budget = grantcalc.load(EXAMPLES / "oka-innanforskapet.yaml")
    result = budget.check()
    wide = 1000  # one line a finding: "xwarning" is a letter longer than "warning" and would wrap elsewhere
    shown = result.report(xx, width=wide).replace("Xategory", "Category").replace("xwarning", "warning")
    assert "Xategory" in result.report(xx) and shown == \
        result.report("en", width=wide)
    assert budget.years[0].labels() == ("2024", "2024", "2024")


@pytest.mark.slow  # seconds of subprocesses or examples: with the long campaigns
def test_a_copy_of_the_package_with_one_more_file_speaks_that_language(tmp_path):
    copy = tmp_path / "grantcalc"
    shutil.copytree(SRC, copy, ignore=shutil.ignore_patterns("__pycache__"))
    english = (copy / "catalogue" / "en.py").read_text(encoding="utf-8")
    xx = english.replace('LOCALE = "en_GB"', 'LOCALE = "en_GB"').replace('NAME = "English"', 'NAME = "Xx"')
    xx = xx.replace('"word.category": "Category"', '"word.category": "Xategory"')
    assert xx.count("Xategory") == 1
    (copy / "catalogue" / "xx.py").write_text(xx, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(tmp_path), "PYTHONIOENCODING": "utf-8"}
    env.pop("GRANTCALC_DEBUG", None)

    def grantcalc(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "grantcalc", *args], cwd=ROOT, env=env, capture_output=True,
                              text=True, encoding="utf-8", timeout=120)

    done = grantcalc("check", "--lang", "xx", str(EXAMPLES / "oka-innanforskapet.yaml"))
    assert done.returncode in (0, 1), done.stderr
    assert "Xategory" in done.stdout and "SEK\u00a0" in done.stdout and "Traceback" not in done.stderr
    assert "{sv,en,xx}" in grantcalc("check", "--help").stdout
    missing = grantcalc("check", "--lang", "xx", str(tmp_path / "nothere.yaml"))
    assert missing.returncode == 2 and "file not found" in missing.stderr


# --- (d) every key the code names exists --------------------------------------------------------------
KEY = re.compile(r"^[a-z_]+(\.[A-Za-z0-9_\[\]]+)+$")
# functions whose string arguments are keys of the catalogue (a Problem's code is its message's key)
LOOKUPS = {"text", "texts", "has", "phrase", "_text", "_invalid", "Problem", "_fail", "_compare"}
# helpers that add a namespace to the key they are given: (file or None for any, name) → prefix
HELPERS = {("report/excel.py", "word"): "excel.", (None, "word"): "word.", (None, "_w"): "report.",
           ("render/forms.py", "w"): "form.", ("render/forms.py", "label"): "form.", (None, "sheet_name"): "sheet."}
# namespaces that only the catalogue's words use: any string in the code under them is a key
NAMESPACES = ("word.", "report.", "sheet.", "excel.", "frame.", "sweep.", "chart.", "form.", "format.", "formula.",
              "year.", "seek.says.", "seek.metric.", "severity.", "message.", "cli.", "argparse.", "oserror.",
              "render.kind.", "render.where.", "render.invalid.", "render.advice.", "file.kind.")


def _name(func: ast.expr) -> str:
    return func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""


def _used_keys() -> tuple[set[tuple[str, str]], set[tuple[str, str]]]:
    """(file, key) of every key named in the code, and (file, prefix) of every key built with an f-string."""
    keys: set[tuple[str, str]] = set()
    prefixes: set[tuple[str, str]] = set()
    for path in _modules():
        name = _relative(path)
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and KEY.match(node.value) and \
                    node.value.startswith(NAMESPACES):
                keys.add((name, node.value))
            if not isinstance(node, ast.Call):
                continue
            func = _name(node.func)
            prefix = HELPERS.get((name, func), HELPERS.get((None, func)))
            if func in LOOKUPS or prefix is not None:
                for arg in node.args:
                    if isinstance(arg, ast.Constant) and isinstance(arg.value, str) and \
                            (prefix is not None or KEY.match(arg.value)):
                        keys.add((name, (prefix or "") + arg.value))
                    elif isinstance(arg, ast.JoinedStr) and arg.values and isinstance(arg.values[0], ast.Constant):
                        prefixes.add((name, (prefix or "") + str(arg.values[0].value)))
    return keys, prefixes


def test_every_key_the_code_names_exists():
    keys, prefixes = _used_keys()
    known = set(catalogue.keys())
    assert len(keys) > 300 and {"word.total", "excel.total", "form.total", "sheet.costs", "format.money",
                                "cli.wrote", "render.invalid.empty", "formula.months", "file.missing",
                                "balance.year"} <= {k for _, k in keys}
    assert sorted((f, k) for f, k in keys if k not in known) == []
    assert sorted((f, p) for f, p in prefixes if not any(k.startswith(p) for k in known)) == []
