"""Reading budget files: YAML (primary), TOML and JSON, to plain data and positions.

Numbers never pass through float: YAML floats are built from their text,
JSON and TOML are parsed with ``parse_float=Decimal``. YAML is read from
libyaml's events when the document allows (:mod:`.libyaml`), else with
ruamel.yaml; either way every key and list item keeps its line, and a
:class:`Source` maps a field path such as ``("lines", 2, "fte")`` to that line.
YAML tags that would construct objects are refused, and so is a document whose
aliases expand beyond a sane size.
"""

from __future__ import annotations

import contextlib
import json
import re
import warnings
from dataclasses import dataclass, field, replace
from decimal import Decimal
from pathlib import Path
from typing import Any

from grantcalc.errors import Problem, SourceError
from grantcalc.inputs import is_folder, read_bounded, read_stdin

__all__ = ["Source", "read_source", "parse_source", "FORMATS", "MAX_BYTES"]

FORMATS = {".yaml": "yaml", ".yml": "yaml", ".json": "json", ".toml": "toml"}
MAX_BYTES = 20 * 1024 * 1024  # 20 MiB: a budget of 10 000 lines is about 2 MiB
MAX_NODES = 1_000_000  # values YAML aliases may expand to ("billion laughs" guard)

PathT = tuple[str | int, ...]


@dataclass
class Source:
    """A parsed budget file: its name, format, plain data and key positions."""

    name: str
    format: str
    data: Any
    positions: dict[PathT, int] = field(default_factory=dict)
    _digit_positions: dict[PathT, int] | None = field(default=None, init=False, repr=False, compare=False)

    def clean_path(self, loc: tuple) -> PathT:
        """A validation error's location as a path through the data.

        Drops the tag component of discriminated unions (``lines.2.salary.fte``
        → ``lines.2.fte``) and pydantic's ``[key]`` markers.
        """
        node: Any = self.data
        out: list[str | int] = []
        for part in loc:
            if part == "[key]":
                continue
            if isinstance(node, dict):
                if part in node:
                    node = node[part]
                    out.append(part)
                    continue
                if isinstance(part, str) and node.get("kind") == part:
                    continue  # discriminator tag
                str_keys = {**{repr(k): k for k in node}, **{str(k): k for k in node}}  # pydantic: Decimal('2024.5')
                if str(part) in str_keys:
                    key = str_keys[str(part)]
                    node = node[key]
                    out.append(key)
                    continue
            elif isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
                node = node[part]
                out.append(part)
                continue
            node = None
            out.append(part)
        return tuple(out)

    def line_of(self, path: PathT) -> int | None:
        """The line of the deepest part of ``path`` that exists in the file.

        Year keys are written ``2024`` in YAML but ``"2024"`` in JSON and TOML;
        both spellings find the same line.
        """
        positions = self.positions
        for end in range(len(path), -1, -1):
            prefix = tuple(path[:end])
            line = positions.get(prefix)
            if line is None:
                if self._digit_positions is None:
                    self._digit_positions = {}
                    for key, value in positions.items():
                        self._digit_positions.setdefault(_digits_as_int(key), value)
                line = self._digit_positions.get(_digits_as_int(prefix))
            if line is not None:
                return line
        return None

    def locate(self, problem: Problem) -> Problem:
        """A copy of ``problem`` located in this file: its ``file`` the source's name, its ``line`` that
        of its path (:meth:`line_of`; None when the path is not in the file)."""
        return replace(problem, file=self.name, line=self.line_of(problem.path))


def _digits_as_int(path: PathT) -> PathT:
    # a year key as text ("2024" in JSON and TOML); a key of thousands of digits is no year and stays text
    return tuple(int(p) if isinstance(p, str) and p.isascii() and p.isdigit() and len(p) <= 18 else p for p in path)


def _fail(code: str, name: str, line: int | None = None, **params: Any) -> SourceError:
    return SourceError(Problem(code, params=params, file=name, line=line))


def read_source(path: str | Path, fmt: str | None = None) -> Source:
    """Read and parse a budget file; ``"-"`` reads standard input (YAML or JSON)."""
    name = str(path)
    if name == "-":
        name = "<stdin>"
        raw = read_stdin(MAX_BYTES, name)
    else:
        p = Path(path)
        suffix = p.suffix.lower()
        if fmt is None and suffix not in FORMATS:
            if is_folder(p):
                raise _fail("file.is_directory", name)
            raise _fail("file.format", name, suffix=suffix or p.name)
        fmt = fmt or FORMATS[suffix]
        raw = read_bounded(p, MAX_BYTES, name=name)  # a device, FIFO or folder is refused, reads are bounded
    if len(raw) > MAX_BYTES:
        raise _fail("file.too_large", name, size=len(raw), limit=MAX_BYTES)
    return parse_source(raw, name, fmt)


def parse_source(content: bytes | str, name: str = "<string>", fmt: str | None = None) -> Source:
    """Parse text or bytes as a budget document of format ``fmt`` (default: sniffed)."""
    if isinstance(content, bytes):
        try:
            text = content.decode("utf-8-sig")
        except UnicodeDecodeError as err:
            line = content[: err.start].count(b"\n") + 1
            raise _fail("file.encoding", name, line, byte=f"0x{content[err.start]:02x}", offset=err.start) from None
    else:
        text = content
    if fmt is None:
        fmt = "json" if text.lstrip().startswith("{") else "yaml"
    if not text.strip():
        raise _fail("file.empty", name)
    parser = {"yaml": _parse_yaml, "json": _parse_json, "toml": _parse_toml}[fmt]
    source = parser(text, name)
    if source.data is None:
        raise _fail("file.empty", name)
    if not isinstance(source.data, dict):
        raise _fail("syntax.not_mapping", name, 1)
    return source


# --- YAML --------------------------------------------------------------------

def _yaml():
    from ruamel.yaml import YAML
    from ruamel.yaml.constructor import RoundTripConstructor

    class _Constructor(RoundTripConstructor):
        """Round-trip constructor whose floats are exact Decimals built from their text."""

    def construct_decimal(self, node):
        text = node.value.replace("_", "")
        lowered = text.lower()
        if lowered in (".nan", "+.nan", "-.nan"):
            return Decimal("NaN")
        if lowered in (".inf", "+.inf", "-.inf"):
            return Decimal("-Infinity" if lowered.startswith("-") else "Infinity")
        try:
            return Decimal(text)
        except ArithmeticError:  # `!!float abc`: the text, which the model reports at its line
            return str(node.value)

    def as_text_if_invalid(construct):
        """`!!int abc`, `!!bool abc`, an integer of 5 000 digits: the text, reported by the model
        at its line ("not a number", "too large") instead of failing the whole file."""
        def guarded(self, node):
            try:
                return construct(self, node)
            except (ValueError, LookupError, TypeError):
                return str(node.value)
        return guarded

    def construct_timestamp(self, node, values=None):
        try:
            return RoundTripConstructor.construct_yaml_timestamp(self, node, values)
        except ValueError:  # an impossible date such as 2024-13-01: the model reports it at its line
            return str(node.value)

    _Constructor.add_constructor("tag:yaml.org,2002:float", construct_decimal)
    _Constructor.add_constructor("tag:yaml.org,2002:timestamp", construct_timestamp)
    for tag in ("int", "bool"):
        tag = f"tag:yaml.org,2002:{tag}"
        _Constructor.add_constructor(tag, as_text_if_invalid(RoundTripConstructor.yaml_constructors[tag]))
    yaml = YAML(typ="rt")
    yaml.Constructor = _Constructor
    yaml.allow_duplicate_keys = False
    return yaml


def _without_comments(text: str) -> str:
    """``text`` with every ``# comment`` blanked out (same lines and columns, so positions hold).

    The comments are found by ruamel's own scanner, so a ``#`` inside a quoted string stays.
    """
    from ruamel.yaml import YAML

    lines = text.split("\n")

    def blank(comment) -> None:
        value = getattr(comment, "value", "")
        if not value.startswith("#"):
            return
        line, column = comment.start_mark.line, comment.start_mark.column
        if 0 <= line < len(lines):
            end = column + len(value.split("\n", 1)[0])
            lines[line] = lines[line][:column] + " " * (end - column) + lines[line][end:]

    def walk(item) -> None:
        if isinstance(item, list):
            for part in item:
                walk(part)
        elif item is not None:
            blank(item)

    for token in YAML(typ="rt").scan(text):
        walk(getattr(token, "_comment", None))
    return "\n".join(lines)


def _complex_key_line(text: str) -> int | None:
    """The line of the first mapping key that is a list or a mapping, if the text has one."""
    from ruamel.yaml import YAML
    from ruamel.yaml.nodes import MappingNode, ScalarNode, SequenceNode

    try:
        root = YAML(typ="safe", pure=True).compose(text)
    except Exception:  # noqa: BLE001 - not composable either: the caller reports the first error
        return None
    todo, seen = [root], set()
    while todo:
        node = todo.pop()
        if node is None or id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, MappingNode):
            for key, value in node.value:
                if not isinstance(key, ScalarNode):
                    return key.start_mark.line + 1
                todo.append(value)
        elif isinstance(node, SequenceNode):
            todo.extend(node.value)
    return None


_STANDARD_TAGS = re.compile(r"^tag:yaml\.org,2002:(str|int|float|bool|null|map|seq|timestamp|omap|set)$")


def _parse_yaml(text: str, name: str) -> Source:
    from grantcalc.loader import libyaml

    try:
        fast = libyaml.parse(text, max_nodes=MAX_NODES, deep=DEEP)
    except libyaml.TooDeep as deep:
        raise _fail("syntax.too_deep", name, deep.line, limit=DEEP) from None
    if fast is not None:
        return Source(name, "yaml", *fast)
    return _parse_yaml_ruamel(text, name)  # what the fast path does not read, and every error's words


def _parse_yaml_ruamel(text: str, name: str) -> Source:
    from ruamel.yaml.error import MarkedYAMLError, YAMLError
    from ruamel.yaml.reader import ReaderError

    try:
        with warnings.catch_warnings():  # e.g. a reused anchor: legal YAML, not the user's concern
            warnings.simplefilter("ignore")
            try:
                doc = _yaml().load(text)
            except NotImplementedError:  # ruamel cannot attach a comment ("overlap in comment"): read without them
                doc = _yaml().load(_without_comments(text))
    except ReaderError as err:  # a character YAML does not allow (NUL, other control characters)
        position = err.position if isinstance(err.position, int) else 0
        line: int | None = text.count("\n", 0, position) + 1
        char = err.character if isinstance(err.character, int) else ord(str(err.character)[:1] or "?")
        raise _fail("syntax.character", name, line, character=f"U+{char:04X}") from None
    except MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        reason = (err.problem or err.context or str(err)).strip()
        if err.context_mark is not None and ("end of stream" in reason or "<stream end>" in reason):
            # an unclosed quote or bracket fails at the end of the file: point at where it opens
            mark, reason = err.context_mark, f"{(err.context or '').strip()}: {reason}".lstrip(": ")
        at = mark.line + 1 if mark is not None else None
        dup = re.search(r'duplicate key "(.*?)"', str(err))
        if dup:
            raise _fail("syntax.duplicate_key", name, at, key=dup.group(1)) from None
        raise _fail("syntax.yaml", name, at, reason=reason) from None
    except RecursionError:
        raise _fail("syntax.too_deep", name, _deepest_yaml_line(text), limit=DEEP) from None
    except (YAMLError, ValueError, TypeError, LookupError, ArithmeticError) as err:
        line = _complex_key_line(text)
        if line is not None:  # "? " made a list or a mapping into a key: no budget has one
            raise _fail("syntax.complex_key", name, line) from None
        raise _fail("syntax.yaml", name, None, reason=str(err).strip() or type(err).__name__) from None
    positions: dict[PathT, int] = {(): 1}
    try:
        data = _plain_doc(doc, name, positions)
    except RecursionError:
        raise _fail("syntax.too_deep", name, _deepest_yaml_line(text), limit=DEEP) from None
    return Source(name, "yaml", data, positions)


DEEP = 100  # levels of lists and mappings: a budget needs about 6


def _deepest_yaml_line(text: str) -> int | None:
    """The first line where a YAML text nests deeper than :data:`DEEP` (or, if it never does,
    deepest), from its tokens: the scanner does not recurse, and stopping there keeps it linear
    (its look-ahead costs a step per open level)."""
    from ruamel.yaml import YAML
    from ruamel.yaml.tokens import (
        BlockEndToken,
        BlockMappingStartToken,
        BlockSequenceStartToken,
        FlowMappingEndToken,
        FlowMappingStartToken,
        FlowSequenceEndToken,
        FlowSequenceStartToken,
    )

    opening = (BlockMappingStartToken, BlockSequenceStartToken, FlowMappingStartToken, FlowSequenceStartToken)
    closing = (BlockEndToken, FlowMappingEndToken, FlowSequenceEndToken)
    depth = deepest = 0
    line = None
    try:
        for token in YAML(typ="rt").scan(text):
            if isinstance(token, opening):
                depth += 1
                if depth > deepest:
                    deepest, line = depth, token.start_mark.line + 1
                if depth > DEEP:
                    break
            elif isinstance(token, closing):
                depth -= 1
    except Exception:  # noqa: BLE001, S110 - a syntax error further on: the deepest line so far is the answer
        pass
    return line


def _deepest_bracket_line(text: str, comment: str | None = None) -> int | None:
    """The first line where brackets nest deeper than :data:`DEEP` (or deepest) in a JSON or TOML text
    (strings and comments skipped)."""
    depth = deepest = 0
    line, number, quote, escaped, in_comment = None, 1, "", False, False
    for char in text:
        if char == "\n":
            number, in_comment = number + 1, False
        if in_comment:
            continue
        if quote:
            if escaped:
                escaped = False
            elif char == "\\" and quote == '"':
                escaped = True
            elif char == quote:
                quote = ""
        elif char in "\"'" and (char == '"' or comment):
            quote = char
        elif char == comment:
            in_comment = True
        elif char in "[{":
            depth += 1
            if depth > deepest:
                deepest, line = depth, number
            if depth > DEEP:
                break
        elif char in "]}":
            depth -= 1
    return line


def _tag_of(node: Any) -> str | None:
    tag = getattr(node, "tag", None)
    value = getattr(tag, "value", tag) if tag is not None else None
    if value and not _STANDARD_TAGS.match(str(value)):
        return str(value)
    return None


class _Walk:
    """State of one conversion: memo of containers already converted (YAML anchors)
    and how many values their aliases stand for."""

    def __init__(self, name: str, positions: dict[PathT, int]):
        self.name, self.positions = name, positions
        self.memo: dict[int, tuple[Any, int]] = {}
        self.expanded = 0


def _plain_doc(doc: Any, name: str, positions: dict[PathT, int]) -> Any:
    return _plain(doc, (), _Walk(name, positions), 1)[0]


def _plain(node: Any, path: PathT, walk: _Walk, line: int) -> tuple[Any, int]:
    """ruamel's round-trip objects → plain dicts, lists and scalars, recording lines.

    Returns the value and how many values it holds. An alias is not walked
    again: its converted value is shared, and what it would expand to is
    counted, so an alias bomb ("billion laughs") is refused at once.
    """
    from ruamel.yaml.comments import CommentedMap, CommentedSeq, TaggedScalar

    tag = _tag_of(node)
    if isinstance(node, bytes):  # !!binary
        tag = "tag:yaml.org,2002:binary"
    if isinstance(node, TaggedScalar) or tag:
        raise _fail("syntax.tag", walk.name, line, tag=_short_tag(tag or str(getattr(node, "tag", "?"))))
    if not isinstance(node, (dict, list)):
        return _scalar(node), 1
    seen = walk.memo.get(id(node))
    if seen is not None:
        walk.expanded += seen[1]
        if walk.expanded > MAX_NODES:
            raise _fail("file.too_many_values", walk.name, line, limit=MAX_NODES)
        return seen
    size = 1
    if isinstance(node, dict):
        out: dict[Any, Any] = {}
        for key, value in node.items():
            try:
                key_line = node.lc.key(key)[0] + 1 if isinstance(node, CommentedMap) else line
            except (KeyError, TypeError, AttributeError):
                key_line = line
            if isinstance(key, (dict, list)) or not isinstance(key, (str, int, Decimal)):
                raise _fail("syntax.key_type", walk.name, key_line, key=str(key))
            plain_key = _scalar(key)
            walk.positions[path + (plain_key,)] = key_line
            out[plain_key], n = _plain(value, path + (plain_key,), walk, key_line)
            size += n
        result: Any = out
    else:
        items = []
        for i, value in enumerate(node):
            try:
                item_line = node.lc.item(i)[0] + 1 if isinstance(node, CommentedSeq) else line
            except (KeyError, TypeError, AttributeError):
                item_line = line
            walk.positions[path + (i,)] = item_line
            item, n = _plain(value, path + (i,), walk, item_line)
            items.append(item)
            size += n
        result = items
    walk.memo[id(node)] = (result, size)
    return result, size


def _short_tag(tag: str) -> str:
    """``tag:yaml.org,2002:python/object:os.system`` → ``!!python/object:os.system``, as written."""
    return "!!" + tag[len("tag:yaml.org,2002:"):] if tag.startswith("tag:yaml.org,2002:") else tag


def _scalar(value: Any) -> Any:
    """Strip ruamel's scalar subclasses (ScalarInt, ScalarString, …)."""
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, int):
        return int(value)
    if isinstance(value, str):
        return str(value)
    return value


# --- JSON --------------------------------------------------------------------

def _parse_json(text: str, name: str) -> Source:
    def no_constant(token: str) -> Any:
        raise _Constant(token)

    def integer(digits: str) -> int | Decimal:
        # beyond Python's 4 300 digits for int(): a Decimal, which the model refuses as too large, at its line
        return int(digits) if len(digits) <= 1000 else Decimal(digits)

    try:
        try:  # integers parsed in C; one of over 4 300 digits (Python's limit for int()) goes to the hook
            data = json.loads(text, parse_float=Decimal, parse_constant=no_constant)
        except ValueError as err:
            if isinstance(err, json.JSONDecodeError) or "digits" not in str(err):
                raise
            data = json.loads(text, parse_float=Decimal, parse_int=integer, parse_constant=no_constant)
        positions = _json_positions(text)  # also finds a key an object has twice, which json.loads lets pass
    except json.JSONDecodeError as err:
        raise _fail("syntax.json", name, err.lineno, reason=err.msg) from None
    except _DuplicateKey as dup:
        raise _fail("syntax.duplicate_key", name, dup.line, key=dup.key) from None
    except _Constant as constant:  # NaN, Infinity, -Infinity: not JSON, and not a number a budget can hold
        found = re.search(rf'(?<![\w"]){re.escape(constant.token)}(?![\w"])', text)
        line = text.count("\n", 0, found.start()) + 1 if found else None
        raise _fail("syntax.json", name, line, reason=f"{constant.token} is not a number") from None
    except RecursionError:
        raise _fail("syntax.too_deep", name, _deepest_bracket_line(text), limit=DEEP) from None
    except ValueError as err:
        raise _fail("syntax.json", name, None, reason=str(err)) from None
    return Source(name, "json", data, positions)


class _DuplicateKey(Exception):
    def __init__(self, key: str, line: int | None = None):
        self.key, self.line = key, line


class _Constant(Exception):
    def __init__(self, token: str):
        self.token = token


_JSON_STRING = r'"[^"\\\n]*(?:\\.[^"\\\n]*)*"'  # escapes included, unrolled so that nothing backtracks
# a JSON text's tokens, as (key, other): an object's key with the colon and, when it is a string,
# number or literal, its value (group 1: the key); or a string, a bracket or brace, a newline, or
# the start of a number or literal (group 2)
_JSON_TOKEN = re.compile(rf'({_JSON_STRING})[ \t\r]*:[ \t\r]*(?:{_JSON_STRING}|[-0-9tfn][^\s,\]}}]*)?'
                         rf'|({_JSON_STRING}|[{{}}\[\]\n]|[-0-9tfn][^\s,\]}}]*)')


def _json_positions(text: str) -> dict[PathT, int]:
    """The line of every key and list item of a JSON text that :func:`json.loads` accepted,
    found in one pass over its tokens (linear in the text: a file of 10⁶ keys takes about a
    second). A key that an object has twice raises :class:`_DuplicateKey` with its line."""
    positions: dict[PathT, int] = {(): 1}
    line = 1
    # the open object or list: its path, whether it is an object, its items so far, its last key;
    # the ones around it wait on the stack
    stack: list[tuple[PathT, bool, int, Any]] = []
    prefix: PathT = ()
    is_object, items, last = False, 0, None
    depth = 0
    for raw_key, token in map(re.Match.groups, _JSON_TOKEN.finditer(text)):  # one token at a time: no list of all
        if raw_key:  # an object's key (its value, if a scalar, went with it)
            key: Any = raw_key[1:-1]
            if "\\" in key:  # an escape: decoded as json.loads decodes it
                with contextlib.suppress(ValueError):
                    key = json.loads(raw_key)
            last = key
            path = (*prefix, key)
            if path in positions:
                raise _DuplicateKey(key, line)
            positions[path] = line
            continue
        first = token[0]
        if first == "\n":
            line += 1
        elif first == "}" or first == "]":
            if stack:
                prefix, is_object, items, last = stack.pop()
            depth -= 1
        else:  # a value: a container, or a scalar in a list or at the top
            if depth == 0:
                path = ()
            elif is_object:
                path = (*prefix, last)
            else:
                path = (*prefix, items)
                positions[path] = line
                items += 1
            if first == "{" or first == "[":
                if depth:
                    stack.append((prefix, is_object, items, last))
                prefix, is_object, items, last = path, first == "{", 0, None
                depth += 1
    return positions


def _line_of_text(text: str, needle: str) -> int | None:
    index = text.rfind(needle)
    return text.count("\n", 0, index) + 1 if index >= 0 else None


# --- TOML --------------------------------------------------------------------

_TOML_LINE = re.compile(r"\(at line (\d+), column \d+\)")


def _parse_toml(text: str, name: str) -> Source:
    import tomllib

    try:
        data = tomllib.loads(text, parse_float=Decimal)
    except tomllib.TOMLDecodeError as err:
        match = _TOML_LINE.search(str(err))
        reason = _TOML_LINE.sub("", str(err)).strip()
        line = int(match.group(1)) if match else None
        if line is None and "end of document" in str(err):  # the last line: where the file stops short
            line = max(1, text.count("\n") + (0 if text.endswith("\n") else 1))
            reason = reason.replace("(at end of document)", "").strip()
        key = _toml_duplicate(reason, text, line)
        if key:
            raise _fail("syntax.duplicate_key", name, line, key=key) from None
        raise _fail("syntax.toml", name, line, reason=reason) from None
    except RecursionError:
        raise _fail("syntax.too_deep", name, _deepest_bracket_line(text, "#"), limit=DEEP) from None
    except ValueError as err:  # an integer of more than 4 300 digits, which int() refuses
        from grantcalc.budget.types import LIMIT, shown_value

        found = re.search(r"\d{1000,}", text)
        if not found:
            raise _fail("syntax.toml", name, None, reason=str(err)) from None
        raise _fail("invalid.too_large", name, text.count("\n", 0, found.start()) + 1,
                    value=shown_value(found.group()), limit=LIMIT) from None
    return Source(name, "toml", data, _toml_positions(text))


_TOML_TABLE_TWICE = re.compile(r"^Cannot declare (\(.*\)) twice$")
_TOML_ASSIGNED = re.compile(r"^\s*([^=#\[\]]+?)\s*=")


def _toml_duplicate(reason: str, text: str, line: int | None) -> str | None:
    """The key of tomllib's "Cannot overwrite a value" / "Cannot declare (…) twice", if that is the error."""
    import ast

    table = _TOML_TABLE_TWICE.match(reason)
    if table:
        try:
            return ".".join(str(part) for part in ast.literal_eval(table.group(1)))
        except (ValueError, SyntaxError):
            return None
    if reason == "Cannot overwrite a value" and line:
        lines = text.splitlines()
        key = _TOML_ASSIGNED.match(lines[line - 1]) if line <= len(lines) else None
        if key:
            return key.group(1).strip().strip("\"'")
    return None


_TOML_HEADER = re.compile(r"^\s*(\[\[?)\s*([A-Za-z0-9_.\-\"' ]+?)\s*\]\]?\s*(#.*)?$")
_TOML_KEY = re.compile(r"^\s*([A-Za-z0-9_\-]+|\"[^\"]*\")\s*=")


def _toml_positions(text: str) -> dict[PathT, int]:
    """Lines of tables, array-of-tables items and keys in a TOML text.

    Covers the layout budgets use (``[project]``, ``[[lines]]`` with ``key =
    value`` lines); inline tables are attributed to their key's line.
    """
    positions: dict[PathT, int] = {(): 1}
    counters: dict[PathT, int] = {}  # array of tables (path with item indexes) → its last index
    current: PathT = ()

    def resolve(parts: tuple[str, ...]) -> PathT:
        """``lines.by_year.2024`` → ``("lines", 0, "by_year", 2024)``: a table inside
        an array of tables belongs to the array's last item."""
        out: list[str | int] = []
        for part in parts:
            out.append(int(part) if part.isascii() and part.isdigit() else part)
            if tuple(out) in counters:
                out.append(counters[tuple(out)])
        return tuple(out)

    for number, raw in enumerate(text.splitlines(), start=1):
        header = _TOML_HEADER.match(raw)
        if header:
            parts = tuple(p.strip().strip("\"'") for p in header.group(2).split("."))
            if header.group(1) == "[[":
                array = resolve(parts[:-1]) + (parts[-1],)
                index = counters.get(array, -1) + 1
                counters[array] = index
                current = array + (index,)
                positions.setdefault(array, number)
            else:
                current = resolve(parts)
            positions.setdefault(current, number)
            continue
        key = _TOML_KEY.match(raw)
        if key:
            k: str | int = key.group(1).strip('"')
            if isinstance(k, str) and k.isascii() and k.isdigit():
                k = int(k)
            positions.setdefault(current + (k,), number)
    return positions
