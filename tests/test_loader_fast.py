"""The libyaml fast path reads every document it accepts exactly as ruamel does.

``grantcalc.loader.libyaml`` builds the data and the key lines from libyaml's
events and gives up (→ ruamel) on whatever it does not read the same way. The
property here: whenever it gives a result, that result — every value with its
type, and every position — is ruamel's; and whenever ruamel refuses a text, the
fast path gave up on it, so every error still comes from one place.
"""

from __future__ import annotations

import datetime as dt
import sys
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from grantcalc import GrantcalcError
from grantcalc.loader import libyaml
from grantcalc.loader import source as load_source
from tests.conftest import EXAMPLES
from tests.test_fuzz import documents, text_mutations, to_yaml_text

pytestmark = pytest.mark.skipif(not libyaml.AVAILABLE, reason="PyYAML without libyaml: ruamel reads everything")

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
from synthetic import budget_yaml  # noqa: E402

YAML_FILES = sorted(EXAMPLES.glob("*.yaml")) + sorted((ROOT / "tests" / "examples" / "bad").glob("*/budget.yaml"))


def strict(value):
    """A value with the type of every part spelt out: 1, True, 1.0 and "1" all differ."""
    if isinstance(value, dict):
        return ("dict", tuple((strict(k), strict(v)) for k, v in value.items()))
    if isinstance(value, list):
        return ("list", tuple(strict(v) for v in value))
    if isinstance(value, tuple):
        return ("tuple", tuple(strict(v) for v in value))
    return (type(value).__name__, str(value))


def fast(text: str):
    return libyaml.parse(text, max_nodes=load_source.MAX_NODES, deep=load_source.DEEP)


def assert_same_as_ruamel(text: str, *, must_be_fast: bool = False):
    """The fast path's result is ruamel's; ruamel's refusals are never read by the fast path.
    Nesting past the limit is refused by the fast path itself (ruamel takes seconds to say so)."""
    try:
        got = fast(text)
    except libyaml.TooDeep as deep:
        with pytest.raises(GrantcalcError) as refused:
            load_source._parse_yaml(text, "x.yaml")
        assert [p.code for p in refused.value.problems] == ["syntax.too_deep"]
        assert refused.value.problems[0].line == deep.line
        return
    if must_be_fast:
        assert got is not None, "the fast path gave up on a plain budget"
    try:
        reference = load_source._parse_yaml_ruamel(text, "x.yaml")
    except GrantcalcError:
        assert got is None, "the fast path read a text ruamel refuses"
        return
    if got is not None:
        data, positions = got
        assert strict(data) == strict(reference.data)
        assert strict(sorted(positions.items(), key=repr)) == strict(sorted(reference.positions.items(), key=repr))


@pytest.mark.parametrize("path", YAML_FILES, ids=lambda p: p.parent.name if p.name == "budget.yaml" else p.name)
def test_every_example_and_corpus_file_reads_as_ruamel_reads_it(path):
    text = path.read_bytes().decode("utf-8", errors="replace")
    assert_same_as_ruamel(text, must_be_fast=path.parent == EXAMPLES)


@pytest.mark.parametrize("path", sorted(EXAMPLES.glob("*.yaml")), ids=lambda p: p.name)
def test_windows_line_ends_and_a_byte_order_mark_read_the_same(path):
    text = path.read_text(encoding="utf-8")
    assert_same_as_ruamel(text.replace("\n", "\r\n"), must_be_fast=True)
    assert_same_as_ruamel("\ufeff" + text, must_be_fast=True)


@pytest.mark.parametrize("lines", [10, 100, pytest.param(1000, marks=pytest.mark.slow)])
def test_synthetic_budgets_take_the_fast_path(lines):
    assert_same_as_ruamel(budget_yaml(lines), must_be_fast=True)


# Scalars on which YAML versions and parsers differ: what the fast path must read as ruamel, or leave.
TRICKY = ["0", "-0", "+5", "007", "010", "08", "0x1F", "0o17", "0b101", "1_000", "1e3", "1.5e3", "1.", ".5",
          "-.5", "+1.25", ".inf", "-.Inf", ".nan", "NaN", "3,3 %", "150 %", "1,42", "yes", "no", "on", "off", "y",
          "n", "Yes", "true", "False", "TRUE", "~", "null", "Null", "", "2024-01-01", "2024-02-30", "2024-1-1",
          "2024-01-01 10:00:00", "2024-01-01T10:00:00Z", "12:30", "1:20:30", "<<", "=", "2024", "2024.5",
          "99999999999999999999999", "-", "a: b", "'q'", '"x\\ty"', "#", "x # c", "é", "\u00a0", "!!str 2024",
          "!!int 3", "!!float 1", "! 2024", "!custom x", "&a 5", "*a", "[1, 2]", "{a: 1}", "|\n  block\n",
          ">\n  folded\n"]


@st.composite
def tricky_documents(draw):
    """Block and flow YAML built from the scalars above, as keys and values, with anchors and aliases."""
    lines = []
    for i in range(draw(st.integers(1, 6))):
        key = draw(st.sampled_from(TRICKY[:60] + ["name", "amount", 2024]))
        value = draw(st.sampled_from(TRICKY))
        style = draw(st.sampled_from(["block", "flow", "list", "nested"]))
        if style == "block":
            lines.append(f"{key}: {value}")
        elif style == "flow":
            other = draw(st.sampled_from(TRICKY[:60]))
            lines.append(f"k{i}: {{{key}: {other}, z: [{other}, {key}]}}")
        elif style == "list":
            lines.append(f"k{i}:\n  - {value}\n  - {key}")
        else:
            lines.append(f"k{i}:\n  {key}:\n    {draw(st.sampled_from(['x', 'y']))}: {value}")
    return "\n".join(lines) + draw(st.sampled_from(["\n", "", "\n...\n", "\n---\nb: 1\n", "\n# end\n"]))


SETTINGS = settings(max_examples=300, deadline=None, derandomize=True,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])


@pytest.mark.slow  # seconds of subprocesses or examples: with the long campaigns
@SETTINGS
@given(text=tricky_documents())
def test_tricky_scalars_read_as_ruamel_reads_them(text):
    assert_same_as_ruamel(text)


@pytest.mark.fuzz  # differential fuzzing: with the long campaigns (pytest -m fuzz)
@SETTINGS
@given(case=text_mutations())
def test_mutated_reference_budgets_read_as_ruamel_reads_them(case):
    text, fmt, _ = case
    assume(fmt == "yaml")
    assert_same_as_ruamel(text)


@pytest.mark.fuzz  # differential fuzzing: with the long campaigns (pytest -m fuzz)
@SETTINGS
@given(data=documents)
def test_random_documents_read_as_ruamel_reads_them(data):
    try:
        text = to_yaml_text(data)
    except Exception:
        assume(False)
    assert_same_as_ruamel(text)


def test_the_fast_path_reads_numbers_dates_and_lines_exactly():
    data, positions = fast("a: 1.10\nb: [2024-09-15, '007', -3, 2024-02-30]\nc:\n  - x: true\n    y: ''\n    z:\n")
    assert strict(data) == strict({"a": Decimal("1.10"), "b": [dt.date(2024, 9, 15), "007", -3, "2024-02-30"],
                                   "c": [{"x": True, "y": "", "z": None}]})
    assert positions[("c", 0)] == 4 and positions[("c", 0, "y")] == 5 and positions[("b",)] == 2


def test_what_the_fast_path_leaves_to_ruamel():
    for text in ("a: 0x1F\n", "a: 007\n", "a: 2024-01-01 10:30:00\n", "a: !!str 5\n", "%YAML 1.1\n---\na: 1\n",
                 "a: 1\na: 2\n", "a: 1\n---\nb: 2\n",
                 "? [x]\n: 1\n", "a: 1e3\n", "b: &x [1]\nc: *x\nd: *y\n", "a: b\u2028c\n", "a: x\ty\n", "a: [1\n"):
        assert fast(text) is None, text


_BLOCK_NESTING = "a:\n" + "".join("  " * (i + 1) + f"k{i}:\n" for i in range(150)) + "  " * 151 + "x\n"


@pytest.mark.parametrize("text", ["[" * 150 + "]" * 150 + "\n", "a: " + "[" * 5000 + "]" * 5000 + "\n", _BLOCK_NESTING])
def test_nesting_past_the_limit_is_refused_by_the_fast_path_at_its_line(text):
    """Lists and mappings nested past the limit (100) are refused where libyaml reads them, at
    the line where the limit is passed; ruamel would recurse for seconds (5 000 levels: 8 s)."""
    with pytest.raises(libyaml.TooDeep) as deep:
        fast(text)
    expected = 1 if text.startswith(("[", "a: [")) else 1 + load_source.DEEP
    assert deep.value.line == expected
    with pytest.raises(GrantcalcError) as refused:
        load_source._parse_yaml(text, "x.yaml")
    assert refused.value.problems[0].code == "syntax.too_deep" and refused.value.problems[0].line == expected


def test_an_alias_bomb_is_left_to_ruamel_which_refuses_it():
    levels = ["a: &a [x, x, x, x, x, x, x, x, x, x]"]
    for i in range(1, 5):
        levels.append(f"{'abcdefgh'[i]}: &{'abcdefgh'[i]} [{', '.join(['*' + 'abcdefgh'[i - 1]] * 10)}]")
    text = "\n".join(levels) + "\n"
    assert libyaml.parse(text, max_nodes=1000, deep=100) is None
    assert libyaml.parse(text, max_nodes=200_000, deep=100) is not None  # within the limit: read, aliases shared


# --- JSON: the line of every key from one pass over the tokens -------------------------------------
# keys of printable characters within the BMP: YAML reads "\\ud800\\udc00" as two code units where
# JSON joins them, and folds U+0085 into a space, which is YAML's reading, not a position; the
# scanner decodes keys as json.loads does (the last assertion)
_PRINTABLE = st.characters(max_codepoint=0xFFFF, categories=("L", "N", "P", "S", "Zs"))
_JSON_KEYS = st.text(_PRINTABLE, max_size=8) | st.sampled_from(
    ['a"b', "a\\b", "x\ny", "\u00e5\u00e4\u00f6", "{", "[", ",", ":", "}", "]", "2024"])
_JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.sampled_from(["1.5", "-0.25e3"]).map(Decimal) | _JSON_KEYS,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(_JSON_KEYS, inner, max_size=4), max_leaves=20)


@settings(max_examples=100, deadline=None, derandomize=True)
@given(data=st.dictionaries(_JSON_KEYS, _JSON_VALUES, max_size=5), indent=st.sampled_from([None, 0, 1, 2, 4]),
       ascii_only=st.booleans())
@pytest.mark.slow  # seconds of subprocesses or examples: with the long campaigns
def test_json_positions_are_the_lines_yaml_gives(data, indent, ascii_only):
    """The JSON scanner gives every key and item the line the YAML parser gives it (the way
    positions were found before), for any nesting, escapes and unicode, in any layout."""
    import json

    text = json.dumps(data, indent=indent, ensure_ascii=ascii_only, default=str)
    try:
        yaml_lines = load_source._parse_yaml(text, "x.json").positions  # JSON is YAML: the old way
    except GrantcalcError:
        assume(False)  # YAML 1.2 reads some JSON texts differently: not the question here
    positions = load_source._json_positions(text)
    assert positions == yaml_lines
    assert all((key,) in positions for key in data)  # every key of what json.loads read has its line


def test_json_positions_of_many_keys_take_one_pass():
    import json

    text = json.dumps({"project": {"name": "x", **{f"k{i}": 1 for i in range(100_000)}}}, indent=1)
    positions = load_source._json_positions(text)
    assert positions[("project", "k99999")] == 100_003
    assert len(positions) == 100_003
