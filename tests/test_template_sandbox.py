"""A user's .docx template is filled in by a sandbox (:mod:`grantcalc.render.user`).

Every template is built inside its test with python-docx. Field codes that try to reach Python
(``cycler.__init__.__globals__.os``, ``''.__class__.__mro__[1].__subclasses__()``,
``self._TemplateReference__context``, the objects behind ``tables`` and ``charts``…) are refused
with ``render.template_unsafe`` through the public API and the command line (exit status 2, the
template and the placeholder named, nothing written), and each hides a command that would create
a file: the file is never there. Field codes that compute too much (``range(10**9)``,
``9**(9**9)``, ``'a' * 10**9``, filters with a huge size…) are refused with
``render.template_limit``; they run in a child process with a timeout, so a limit that does not
hold fails the tests instead of hanging them. Ordinary templates, with loops, macros, filters and
formatting, still fill in as before.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import jinja2
import pytest
from docx import Document

import grantcalc
from grantcalc.render import render, sandbox

from .conftest import ROOT
from .helpers import LJUSDAL, leftovers, refused, refused_everywhere

UNSAFE = "mallen försöker nå något utanför fälten grantcalc ger ("
LIMIT = "mallen räknar för mycket: "


# --- helpers -----------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def budget() -> grantcalc.Budget:
    return grantcalc.load(LJUSDAL)


def template(path: Path, text: str, where: str = "body") -> Path:
    """A .docx at ``path`` with ``text`` in its body, its header or its title (a document property)."""
    document = Document()
    if where == "body":
        document.add_paragraph(text)
    else:
        document.add_paragraph("{{ project.name }}")
        if where == "header":
            document.sections[0].header.paragraphs[0].text = text
        else:
            document.core_properties.title = text
    document.save(str(path))
    return path


# --- reaching past the fields ------------------------------------------------------------------
# (id, field codes, where, expected code, a snippet of the message); {S} is the sentinel file that
# the command in the field codes would create
ESCAPES = [
    ("cycler-popen", "{{ cycler.__init__.__globals__.os.popen('touch {S}').read() }}", "body", "unsafe",
     "__init__ hos funktionen cycler"),
    ("cycler-system", "{{ cycler.__init__.__globals__.os.system('touch {S}') }}", "body", "unsafe",
     "__init__ hos funktionen cycler"),
    ("joiner", "{{ joiner.__init__.__globals__.os.system('touch {S}') }}", "body", "unsafe",
     "__init__ hos funktionen joiner"),
    ("lipsum", "{{ lipsum.__globals__.os.system('touch {S}') }}", "body", "unknown", "mallen använder lipsum"),
    ("namespace", "{{ namespace.__init__.__globals__.os.system('touch {S}') }}", "body", "unknown",
     "mallen använder namespace"),
    ("subclasses", "{% for c in ''.__class__.__mro__[1].__subclasses__() %}{% if c.__name__ == 'Popen' %}"
     "{{ c(['touch', '{S}']).wait() }}{% endif %}{% endfor %}", "body", "unsafe", "__class__ hos en text"),
    ("self-context", "{{ self._TemplateReference__context.cycler.__init__.__globals__.os.system('touch {S}') }}",
     "body", "unsafe", "_TemplateReference__context hos self"),
    ("self-init", "{{ self.__init__.__globals__.__builtins__.__import__('os').system('touch {S}') }}", "body",
     "unsafe", "__init__ hos self"),
    ("range-globals", "{{ range.__globals__.sys.modules.os.system('touch {S}') }}", "body", "unsafe",
     "__globals__ hos funktionen range"),
    ("range-self", "{{ range.__self__ }}", "body", "unsafe", "__self__ hos funktionen range"),
    ("dict-globals", "{{ dict.__globals__.sys.modules.os.system('touch {S}') }}", "body", "unsafe",
     "__globals__ hos funktionen dict"),
    ("format-globals", "{{ ''.format.__globals__.sys.modules.os.system('touch {S}') }}", "body", "unsafe",
     "__globals__ hos funktionen format"),
    ("format-field", "{{ '{0.__class__.__mro__}'.format('') }}", "body", "unsafe", "__class__ hos en text"),
    ("join-function", "{{ ''.join.func.__globals__.sys.modules.os.system('touch {S}') }}", "body", "unsafe",
     "func hos en funktion"),
    ("field-class", "{{ project.__class__.__init__.__globals__.sys.modules.os.system('touch {S}') }}", "body",
     "unsafe", "__class__ hos fältet project"),
    ("field-internals", "{{ project._values }}", "body", "unsafe", "_values hos fältet project"),
    ("field-method", "{{ project.keys.__func__.__globals__.sys.modules.os.system('touch {S}') }}", "body",
     "unsafe", "__func__ hos funktionen keys"),
    ("text-mro", "{{ project.name.__class__.__mro__ }}", "body", "unsafe", "__class__ hos en text"),
    ("number-class", "{{ (1).__class__.__base__.__subclasses__() }}", "body", "unsafe", "__class__ hos ett tal"),
    ("set-list-class", "{% set x = [].__class__ %}{{ x.__base__.__subclasses__() }}", "body", "unsafe",
     "__class__ hos en lista"),
    ("attr-filter", "{{ ''|attr('__class__')|attr('__mro__') }}", "body", "unsafe", "__class__ hos en text"),
    ("item", "{{ ''['__class__']['__mro__'][1]['__subclasses__']() }}", "body", "unsafe", "__class__ hos en text"),
    ("map-attribute", "{{ costs.rows|map(attribute='__class__')|list }}", "body", "unsafe",
     "__class__ hos fältet costs.rows[]"),
    ("loop", "{% for r in costs.rows %}{{ loop.__class__.__init__.__globals__.os.system('touch {S}') }}"
     "{% endfor %}", "body", "unsafe", "__class__ hos loop"),
    ("macro", "{% macro f() %}{% endmacro %}{{ f._func.__globals__.environment }}", "body", "unsafe",
     "_func hos ett makro"),
    ("text-method", "{{ project.name.encode('utf-8') }}", "body", "unsafe", "encode hos en text"),
    ("table-object", "{{ tables.costs.subdocx.save('{S}') }}", "body", "unsafe", "subdocx hos"),
    ("chart-object", "{{ charts.costs.template.save('{S}') }}", "body", "unsafe", "template hos"),
    ("unknown-name", "{{ fields.__class__ }}", "body", "unknown", "mallen använder fields"),
    ("unknown-field", "{{ project.nam.__class__ }}", "body", "unsafe", "__class__ hos ett fält som inte finns"),
    ("header", "{{ cycler.__init__.__globals__.os.system('touch {S}') }}", "header", "unsafe",
     "__init__ hos funktionen cycler"),
    ("title", "{{ cycler.__init__.__globals__.os.system('touch {S}') }}", "title", "unsafe",
     "__init__ hos funktionen cycler"),
]
CODES = {"unsafe": "render.template_unsafe", "unknown": "render.unknown_field"}


@pytest.mark.parametrize("text, where, code, snippet", [case[1:] for case in ESCAPES],
                         ids=[case[0] for case in ESCAPES])
def test_a_template_cannot_reach_past_its_fields(tmp_path, capsys, budget, text, where, code, snippet):
    sentinel = tmp_path / "SENTINEL"
    text = text.replace("{S}", str(sentinel))
    path = template(tmp_path / "mall.docx", text, where)
    stderr = refused_everywhere(capsys, budget, path, tmp_path / "ut.docx", CODES[code])
    if code == "unsafe":
        assert stderr.startswith(f"{path}: {UNSAFE}")
        assert "grantcalc render --fields" in stderr
        assert f"nära ”{text[:40]}" in stderr  # the placeholder, as the template has it
    assert snippet in stderr
    assert not sentinel.exists()  # nothing ran


@pytest.mark.parametrize("text", [
    "{{ cycler.__init__.__globals__.os.system('touch {S}') }}",
    "{{ joiner.__init__.__globals__.os.popen('touch {S}').read() }}",
    "{{ lipsum.__globals__.os.system('touch {S}') }}",
    "{{ namespace.__init__.__globals__.os.system('touch {S}') }}",
    "{{ self._TemplateReference__context.cycler.__init__.__globals__.os.system('touch {S}') }}",
], ids=["cycler", "joiner", "lipsum", "namespace", "self"])
def test_the_sentinel_would_be_written_without_the_sandbox(tmp_path, text):
    """The control: the same field codes in a plain Jinja environment do run the command, so the
    sentinel's absence above means the sandbox stopped them."""
    sentinel = tmp_path / "SENTINEL"
    jinja2.Environment().from_string(text.replace("{S}", str(sentinel))).render()  # noqa: S701 - the point
    assert sentinel.exists()


# --- computing too much: each in a child process, so a limit that does not hold cannot hang ----
# (id, field codes, where, a snippet of the message)
LIMITS = [
    ("range", "{% for i in range(10**9) %}{% endfor %}", "body", "range(…) med 1 000 000 000 tal (högst 10 000)"),
    ("power", "{{ 9**(9**9) }}", "body", "exponenten 387 420 489 i en potens (**) (högst 1 000)"),
    ("power-result", "{{ 10**200 }}", "body", "potensen 10 ** 200 (högst 10^100)"),
    ("product", "{{ (10**99) * (10**99) }}", "body", "ett tal med 199 siffror (högst 10^100)"),
    ("repeat-text", "{{ 'a' * 10**9 }}", "body", "en text på 1 000 000 000 tecken (högst 100 000)"),
    ("repeat-list", "{{ [0] * 10**9 }}", "body", "en lista med 1 000 000 000 element (högst 100 000)"),
    ("concatenate", "{% set s = 'x' * 100000 %}{% set s = s ~ s %}{% set s = s ~ s %}", "body",
     "en text på 200 000 tecken"),
    ("add", "{% set s = 'x' * 100000 %}{% set s = s + s %}", "body", "en text på 200 000 tecken"),
    ("nested-lists", "{% set s = 'x' * 100000 %}{% set s = [s, s] %}{% set s = [s, s] %}{{ s }}", "body",
     "en lista med 200 000 element"),
    ("macro-arguments", "{% set s = 'x' * 100000 %}{% macro f(n) %}{% if n %}{{ f(n - 1, varargs, varargs) }}"
     "{% endif %}{% endmacro %}{{ f(30, s) }}", "body", "en lista med 200 001 element"),
    ("percent", "{{ '%999999999s' % 'a' }}", "body", "en text på 999 999 999 tecken"),
    ("percent-star", "{{ '%*s' % (999999999, 'a') }}", "body", "en text på 999 999 999 tecken"),
    ("percent-repeated", "{% set s = 'x' * 50000 %}{{ ('%(a)s' * 1000) % {'a': s} }}", "body",
     "en text på 150 000 tecken"),
    ("format", "{{ '{:>999999999}'.format('a') }}", "body", "en text på 999 999 999 tecken"),
    ("format-nested", "{{ '{:{}}'.format('a', 999999999) }}", "body", "en text på 999 999 999 tecken"),
    ("format-repeated", "{% set s = 'x' * 100000 %}{{ ('{0}' * 1000).format(s) }}", "body", "en text på"),
    ("format-filter", "{{ '%999999999s'|format('a') }}", "body", "en text på 999 999 999 tecken"),
    ("center", "{{ 'a'|center(10**9) }}", "body", "en text på 1 000 000 000 tecken"),
    ("indent", "{{ ('a\\n' * 1000)|indent(10**6, true) }}", "body", "en text på 1 001 002 000 tecken"),
    ("wordwrap", "{{ ('a ' * 50000)|wordwrap(1, wrapstring='x' * 1000) }}", "body", "en text på"),
    ("replace", "{{ ('a' * 100000)|replace('a', 'b' * 1000) }}", "body", "en text på 100 000 000 tecken"),
    ("replace-empty", "{{ ('a' * 100000)|replace('', 'b' * 100000) }}", "body", "en text på"),
    ("batch", "{{ [1, 2]|batch(10**9, 'x')|list }}", "body", "en lista med 1 000 000 000 element"),
    ("slice", "{{ [1, 2]|slice(10**9)|list }}", "body", "en lista med 1 000 000 000 element"),
    ("join", "{% set s = 'x' * 100000 %}{{ range(10000)|join(s) }}", "body", "en text på 999 900 001 tecken"),
    ("text-join", "{% set s = 'x' * 100000 %}{{ s.join(range(10000)|map('string')) }}", "body",
     "en text på 999 900 001 tecken"),
    ("text-center", "{{ 'a'.center(10**9) }}", "body", "en text på 1 000 000 000 tecken"),
    ("text-replace", "{{ ('a' * 100000).replace('a', 'b' * 100000) }}", "body", "en text på"),
    ("map", "{{ range(10000)|map('center', 1000)|list }}", "body", "en lista med"),
    ("loops", "{% for a in range(10000) %}{% for b in range(10000) %}{% endfor %}{% endfor %}", "body",
     "för många steg (uppslag, anrop, räknesätt, filter, utskrifter och varv i loopar) (högst 1 000 000)"),
    ("recursion", "{% macro f() %}{{ f() }}{% endmacro %}{{ f() }}", "body",
     "makron som anropar makron i för många led (högst 50)"),
    ("recursive-loop", "{% for x in [1] recursive %}{{ loop([1]) }}{% endfor %}", "body",
     "makron som anropar makron i för många led (högst 50)"),
    ("output", "{% set s = 'x' * 100000 %}{% for i in range(10000) %}{{ s }}{% endfor %}", "body",
     "det ifyllda dokumentet blir för stort (högst 20 000 000 tecken XML)"),
    ("output-in-macro", "{% set s = 'x' * 100000 %}{% macro f() %}{% for i in range(10000) %}{{ s }}{% endfor %}"
     "{% endmacro %}{% set t = f() %}", "body", "det ifyllda dokumentet blir för stort"),
    ("output-in-block", "{% set s = 'x' * 100000 %}{% set t %}{% for i in range(10000) %}{{ s }}{% endfor %}"
     "{% endset %}", "body", "det ifyllda dokumentet blir för stort"),
    ("header", "{{ 'a' * 10**9 }}", "header", "en text på 1 000 000 000 tecken"),
    ("title", "{% for i in range(10**9) %}{% endfor %}", "title", "range(…) med 1 000 000 000 tal"),
]

CHILD = """
import contextlib, io, json, sys
from grantcalc.cli import main
for case, budget, template, out in json.loads(sys.argv[1]):
    stdout, stderr = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
        status = main(["render", budget, "-o", out, "-t", template])
    print(json.dumps({"case": case, "status": status, "stdout": stdout.getvalue(), "stderr": stderr.getvalue()}),
          flush=True)
"""


@pytest.fixture(scope="module")
def limited(tmp_path_factory, worker_id) -> dict[str, Any]:
    """``grantcalc render`` with each template of :data:`LIMITS`, in one child process: what it said.

    Run once for the whole test run: with several pytest-xdist workers, the first one runs it
    under a lock in their shared folder and the others read its results."""
    if worker_id == "master":
        return _run_limits(tmp_path_factory.mktemp("limits"))
    import fcntl

    shared = tmp_path_factory.getbasetemp().parent
    results = shared / "sandbox-limits.json"
    with open(shared / "sandbox-limits.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not results.exists():
            found = _run_limits(shared / "sandbox-limits")
            results.write_text(json.dumps({**found, "folder": str(found["folder"])}), encoding="utf-8")
    found = json.loads(results.read_text(encoding="utf-8"))
    return {**found, "folder": Path(found["folder"])}


def _run_limits(folder: Path) -> dict[str, Any]:
    folder.mkdir(parents=True, exist_ok=True)
    cases = []
    for case, text, where, _ in LIMITS:
        path = template(folder / f"{case}.docx", text, where)
        cases.append([case, str(LJUSDAL), str(path), str(folder / f"{case}-ut.docx")])
    try:
        done = subprocess.run([sys.executable, "-c", CHILD, json.dumps(cases)], cwd=ROOT, capture_output=True,
                              text=True, encoding="utf-8", timeout=20 * 10)
    except subprocess.TimeoutExpired as err:
        finished = [json.loads(line)["case"] for line in (err.stdout or b"").decode().splitlines() if line]
        pytest.fail(f"a template ran on past every limit; finished: {finished}")
    assert done.returncode == 0, done.stderr
    return {result["case"]: result for result in map(json.loads, done.stdout.splitlines())} | {"folder": folder}


@pytest.mark.slow  # one child process runs every limit to its end: seconds
@pytest.mark.parametrize("case, text, where, snippet", LIMITS, ids=[case[0] for case in LIMITS])
def test_a_template_that_computes_too_much_stops_with_a_message(limited, case, text, where, snippet):
    result, folder = limited[case], limited["folder"]
    assert result["status"] == 2 and result["stdout"] == ""
    stderr = result["stderr"]
    assert "Traceback" not in stderr and "internt fel" not in stderr, stderr
    assert stderr.startswith(f"{folder / f'{case}.docx'}: {LIMIT}"), stderr
    assert snippet in stderr.replace("\u00a0", " "), stderr  # numbers are grouped with no-break spaces
    if case not in ("output", "loops") and where == "body":
        assert f"nära ”{text[:30]}" in stderr, stderr  # the placeholder, as the template has it
    assert not (folder / f"{case}-ut.docx").exists() and leftovers(folder) == []


@pytest.mark.parametrize("text", [
    "{{ " + "(" * 5000 + "1" + ")" * 5000 + " }}",
    "{{ " + "-" * 3000 + "1 }}",
    "{% if true %}" * 1000 + "x" + "{% endif %}" * 1000,
], ids=["brackets", "signs", "blocks"])
def test_field_codes_nested_thousands_deep_are_a_message(tmp_path, capsys, budget, text):
    """Jinja's parser and compiler recurse once per level: far too deep is a message, not a crash."""
    path = template(tmp_path / "mall.docx", text)
    stderr = refused_everywhere(capsys, budget, path, tmp_path / "ut.docx", "render.template_nesting")
    assert stderr.startswith(f"{path}: mallens fältkoder ligger inuti varandra i för många nivåer")


# --- the limits themselves, at their edges (quick without any limit, so run in this process) --
@pytest.mark.parametrize("allowed, refused_text", [
    ("{{ range(MAX_RANGE)|list|length }}", "{{ range(MAX_RANGE + 1)|list|length }}"),
    ("{{ ('a' * MAX_VALUE_SIZE)|length }}", "{{ ('a' * (MAX_VALUE_SIZE + 1))|length }}"),
    ("{{ ([0] * MAX_VALUE_SIZE)|length }}", "{{ ([0] * (MAX_VALUE_SIZE + 1))|length }}"),
    ("{{ (10 ** 100)|string|length }}", "{{ (10 ** 101)|string|length }}"),
    ("{{ ('%' ~ MAX_VALUE_SIZE ~ 's') % 'a' }}", "{{ ('%' ~ (MAX_VALUE_SIZE + 1) ~ 's') % 'a' }}"),
    ("{{ 'a'|center(MAX_VALUE_SIZE) }}", "{{ 'a'|center(MAX_VALUE_SIZE + 1) }}"),
], ids=["range", "text", "list", "number", "percent", "center"])
def test_a_limit_lets_its_own_size_through(tmp_path, budget, allowed, refused_text):
    constants = {"MAX_RANGE": sandbox.MAX_RANGE, "MAX_VALUE_SIZE": sandbox.MAX_VALUE_SIZE}

    def filled(text: str) -> str:
        for name, value in constants.items():
            text = text.replace(name, str(value))
        return text

    render(budget, tmp_path / "ut.docx", template=template(tmp_path / "ja.docx", filled(allowed)))
    assert Document(str(tmp_path / "ut.docx")).paragraphs[0].text.strip()
    [problem] = refused(budget, template(tmp_path / "nej.docx", filled(refused_text)), tmp_path / "ut2.docx")
    assert problem.code == "render.template_limit"
    assert problem.message("en").startswith("the template computes too much: ")


def test_a_template_that_runs_too_long_stops_at_the_clock(tmp_path, monkeypatch, budget):
    """Rounds that each take a while, few enough to stay under the step limit: only the clock stops
    them (here set to half a second; the template would run for many seconds)."""
    monkeypatch.setattr(sandbox, "MAX_SECONDS", 0.5)
    text = ("{% set s = 'x' * 100000 %}{% for i in range(10000) %}{% for j in range(10) %}"
            "{{ s|replace('x', 'y')|length }}{% endfor %}{% endfor %}")
    [problem] = refused(budget, template(tmp_path / "mall.docx", text), tmp_path / "ut.docx")
    assert problem.code == "render.template_limit"
    assert problem.format("sv").startswith(f"{tmp_path / 'mall.docx'}: {LIMIT}ifyllningen tar för lång tid "
                                           "(högst 0,5 sekunder), nära ”{% set s")


# --- what a template may do still works ---------------------------------------------------------
def test_an_ordinary_template_fills_in_as_before(tmp_path, budget):
    """Loops, macros, filters, ``~``, ``%`` and ``.format``, literals, ``cycler`` and ``joiner``: one
    paragraph each, and what it gives."""
    expected = {
        "{{ project.name|upper }} · {{ project.name|lower|title }} · {{ project.name|length }}":
            "ETT HÅLLBART ARBETSLIV I LJUSDAL · Ett Hållbart Arbetsliv I Ljusdal · 32",
        "{% for y in years %}{{ loop.index }}:{{ y.label }}{{ ', ' if not loop.last }}{% endfor %}":
            "1:2022, 2:2023, 3:2024",
        "{{ costs.rows[:3]|map(attribute='name')|join(', ') }}": "Finsam-coacher, Utbildning SE/IPS, AME Ljusdal",
        "{{ costs.rows|selectattr('name', 'equalto', 'Material')|map(attribute='total')|first }}": "47\u00a0000",
        "{% macro cell(v) %}[{{ v }}]{% endmacro %}{% for r in costs.rows[:2] %}{{ cell(r.total) }}{% endfor %}":
            "[2\u00a0164\u00a0208][55\u00a0000]",
        "{{ project.name ~ ' – ' ~ applied_amount }} {{ '%s/%s' % (lang, years|length) }} {{ '%05.1f' % 2.5 }}":
            "Ett hållbart arbetsliv i Ljusdal – 2\u00a0480\u00a0208\u00a0kr sv/3 002.5",
        "{{ '{} / {}'.format(years[0].label, years[-1].label) }} {{ '{name}'.format_map(project) }}":
            "2022 / 2024 Ett hållbart arbetsliv i Ljusdal",
        "{{ 'a,b'.split(',')|join('+') }} {{ '  x  '.strip() }} {{ 'x'.center(5) }}| {{ 'ab'.replace('a', 'c') }}":
            "a+b x   x  | cb",
        "{% set labels = {'sv': 'Kostnader', 'en': 'Costs'} %}{{ labels[lang] }} {{ [3, 1, 2]|sort|join }}":
            "Kostnader 123",
        "{% set c = cycler('a', 'b') %}{{ c.next() }}{{ c.next() }}{{ c.next() }} {{ range(3)|list }}":
            "aba [0, 1, 2]",
        "{% set sep = joiner(' | ') %}{% for y in years %}{{ sep() }}{{ y.label }}{% endfor %}": "2022 | 2023 | 2024",
        "{% for b in costs.rows|groupby('category')|batch(4) %}{{ b|length }}{% endfor %} {{ 2 ** 10 }} {{ 7 // 2 }}":
            "43 1024 3",
        "{{ 'ett två tre fyra'|truncate(9) }}|{{ project.name|wordwrap(12) }}|{{ dict(a=1).a }}|"
        "{{ 'a'|indent(2, true) }}":
            "ett...|Ett hållbart\narbetsliv i\nLjusdal|1|  a",
        "{{ lang|e }} {{ 'name' in project }} {{ project.nope is defined }} {{ (1, 2)[1] }} {{ -3 + 1.5 }}":
            "sv True False 2 -1.5",
    }
    document = Document()
    for text in expected:
        document.add_paragraph(text)
    document.save(str(tmp_path / "mall.docx"))
    render(budget, tmp_path / "ut.docx", template=tmp_path / "mall.docx")
    assert [p.text for p in Document(str(tmp_path / "ut.docx")).paragraphs] == list(expected.values())
