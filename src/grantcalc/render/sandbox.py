"""The sandbox a user's .docx template is filled in by.

A template is untrusted input (it arrives by e-mail), so it is filled in by a
sandbox, :class:`Sandbox`, Jinja's immutable sandbox narrowed to what a
document needs:

- a template reaches grantcalc's fields (:class:`~grantcalc.render.fields.Node`)
  and, on the texts, lists and numbers it holds, the harmless methods of a
  text (``upper``, ``split``, ``replace``…) and a list (``index``, ``count``),
  and ``loop.index`` and the like; nothing else, no name starting with ``_``,
  no attribute of a function, class, module or any other object. Of Jinja's
  globals only a bounded ``range``, ``dict``, ``cycler`` and ``joiner`` remain;
- everything a template computes is bounded before it is computed (the
  ``MAX_`` constants below): a text or list (``*``, ``+``, ``~``, ``%``,
  ``format``, the filters that take a size), a number (``**``), a range, the
  document written, the depth of macros calling macros, the number of steps
  and the wall-clock time. Every loop round, call, operator, look-up and filter
  is a step and looks at the clock: no signal and no thread is needed, and a
  template that goes past a limit stops with a message naming the limit and the
  placeholder, never a hang.
"""

from __future__ import annotations

import functools
import html
import operator
import re
import sys
import time
import types
from collections.abc import Callable, Iterable, Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

from jinja2 import StrictUndefined, Template, UndefinedError, nodes
from jinja2.filters import make_attrgetter
from jinja2.runtime import LoopContext, Macro, TemplateReference, Undefined, markup_join, str_join
from jinja2.sandbox import ImmutableSandboxedEnvironment, SandboxedEscapeFormatter, SandboxedFormatter
from jinja2.utils import Cycler, Joiner, missing
from jinja2.visitor import NodeTransformer
from markupsafe import Markup, escape

from grantcalc.errors import Problem
from grantcalc.messages import Bilingual, phrase
from grantcalc.render.fields import Node

__all__ = ["Sandbox", "Limits", "environments", "TemplateRefused", "UnknownField", "TOP", "phrase", "line_text",
           "tag_text", "MAX_RANGE", "MAX_VALUE_SIZE", "MAX_NUMBER", "MAX_EXPONENT", "MAX_OUTPUT", "MAX_SECONDS",
           "MAX_OPERATIONS", "MAX_CALL_DEPTH"]

# --- what a template may compute; past any of these it stops with render.template_limit
MAX_RANGE = 10_000  # numbers in one range(…)
MAX_VALUE_SIZE = 100_000  # characters of a text, or items of a list (counted through nested lists), a template builds
MAX_NUMBER = 10**100  # the largest number a template computes
MAX_EXPONENT = 1_000  # the largest exponent of **
MAX_OUTPUT = 20_000_000  # characters of document XML written, all parts of the document together
MAX_SECONDS = 30.0  # wall-clock time to fill in the template
MAX_OPERATIONS = 1_000_000  # steps: look-ups, calls, operators, filters, output and loop rounds
MAX_CALL_DEPTH = 50  # macros calling macros (or a recursive loop calling itself)

TOP = phrase("render.where.top")  # where a field of the top level was looked for


class UnknownField(UndefinedError):
    """A field that does not exist was used: where it was looked for (``parent``) and its name."""

    def __init__(self, parent: Any, name: Any):
        super().__init__(str(name))
        self.parent, self.name = parent, name


class Unknown(StrictUndefined):
    """An undefined that fails on any use, saying where it was looked for."""

    def _fail(self, *args: Any, **kwargs: Any):
        parent = None if self._undefined_obj is missing else self._undefined_obj
        raise UnknownField(parent, self._undefined_name or "")

    __str__ = __iter__ = __len__ = __bool__ = __eq__ = __ne__ = __hash__ = __contains__ = _fail
    __getitem__ = __call__ = __add__ = __radd__ = __int__ = __float__ = _fail
    _fail_with_undefined_error = _fail

    def __getattr__(self, name: str):
        if name[:2] == "__":  # protocol probes (markupsafe's __html__, copy…) must see a plain miss
            raise AttributeError(name)
        self._fail()


# --- refusals: the parts of their messages are phrase()s of the catalogue (render.limit.*, render.kind.*)
def _count(n: int) -> Any:
    """A count for a message, grouped for the language; a count too long to read as ``minst 10^40``."""
    return phrase("render.limit.at_least", n=str(len(str(n)) - 1)) if n >= 10**15 else n


def _limit_text(kind: str) -> Any:
    """The limit a refusal of ``kind`` names."""
    limits = {"range": MAX_RANGE, "text": MAX_VALUE_SIZE, "list": MAX_VALUE_SIZE, "exponent": MAX_EXPONENT,
              "operations": MAX_OPERATIONS, "depth": MAX_CALL_DEPTH}
    if kind in limits:
        return limits[kind]  # a number: the message groups it for its language
    if kind == "output":
        return phrase("render.limit.xml", n=MAX_OUTPUT)
    if kind == "time":
        return phrase("render.limit.seconds", n=Decimal(str(MAX_SECONDS)))
    return f"10^{len(str(MAX_NUMBER)) - 1}"


def _kind_of(obj: Any) -> Bilingual:
    """What ``obj`` is, for a message about reaching past it."""
    if isinstance(obj, Node):
        return phrase("render.kind.field", path=obj.path) if obj.path else phrase("render.kind.fields")
    if isinstance(obj, str):
        return phrase("render.kind.text")
    if isinstance(obj, bool) or obj is None:
        return phrase("render.kind.value")
    if isinstance(obj, (int, float)):
        return phrase("render.kind.number")
    if isinstance(obj, (list, tuple)):
        return phrase("render.kind.list")
    if isinstance(obj, dict):
        return phrase("render.kind.mapping")
    if isinstance(obj, (type, types.FunctionType, types.BuiltinFunctionType, types.MethodType)):
        named: dict[object, str] = {Cycler: "cycler", Joiner: "joiner"}
        name = named.get(obj) or getattr(obj, "__name__", "")
        return phrase("render.kind.function", name=name)
    if isinstance(obj, functools.partial):
        return phrase("render.kind.partial")
    if isinstance(obj, LoopContext):
        return phrase("render.kind.loop")
    if isinstance(obj, TemplateReference):
        return phrase("render.kind.self")
    if isinstance(obj, Undefined):
        return phrase("render.kind.undefined")
    if isinstance(obj, Macro):
        return phrase("render.kind.macro")
    return phrase("render.kind.object", type=type(obj).__name__)


def tag_text(xml: str) -> str:
    """Text of a piece of WordprocessingML, for quoting a template in a message."""
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", xml)).strip()


def line_text(source: str, lineno: int | None) -> str:
    """The text of line ``lineno`` of a part's XML (docxtpl puts each paragraph on a line of its own)."""
    if not source or not lineno:
        return ""
    lines = source.splitlines()
    if not 1 <= lineno <= len(lines):
        return ""
    text = html.unescape(tag_text(lines[lineno - 1]))
    if len(text) > 120:
        start = min((i for i in (text.find("{{"), text.find("{%")) if i >= 0), default=0)
        text = text[start:start + 119] + "…"
    return text


def _template_line() -> str:
    """The placeholder being filled in: the line of the innermost template code on the stack."""
    frame: types.FrameType | None = sys._getframe(1)
    while frame is not None:
        template = frame.f_globals.get("__jinja_template__")
        if template is not None:
            return line_text(getattr(template, "grantcalc_source", ""),
                              template.get_corresponding_lineno(frame.f_lineno))
        frame = frame.f_back
    return ""


class TemplateRefused(Exception):
    """A template went past a limit (``render.template_limit``) or reached outside its fields
    (``render.template_unsafe``); where in the template is found when it is raised."""

    def __init__(self, code: str, what: Any, limit: Any = None, context: str | None = None):
        super().__init__(code)
        self.code, self.what, self.ceiling = code, what, limit
        self.context: str = _template_line() if context is None else context

    @classmethod
    def limit(cls, kind: str, n: int | str | None = None, context: str | None = None) -> TemplateRefused:
        """Past the limit of ``kind`` (``render.limit.KIND``: ``range``, ``text``, ``list``…), by ``n``."""
        what = phrase(f"render.limit.{kind}", n=_count(n) if isinstance(n, int) else n)
        return cls("render.template_limit", what, _limit_text(kind), context)

    @classmethod
    def unsafe(cls, obj: Any, name: Any) -> TemplateRefused:
        """``name`` looked up on ``obj``, which a template may not."""
        return cls("render.template_unsafe", phrase("render.unsafe.what", name=str(name)[:60], kind=_kind_of(obj)))

    def problem(self, path: Path) -> Problem:
        """The refusal as a :class:`~grantcalc.errors.Problem` on the template file ``path``: what
        went past the limit or reached outside its fields, the limit, and the placeholder it was near."""
        where = phrase("render.limit.near", context=self.context) if self.context else ""
        params = {"what": self.what, "where": where}
        if self.ceiling is not None:
            params["limit"] = self.ceiling
        return Problem(self.code, file=str(path), params=params)


# --- sizes ---------------------------------------------------------------------------------------
_CONTAINERS = (list, tuple, dict, set, frozenset)


def _size(value: Any, cap: int = MAX_OUTPUT) -> int:
    """Characters and items in ``value``: a text counts its characters, a list (tuple, dict) the
    sizes of its items, each at least 1, however many times the same item is in it. Counting stops
    once past ``cap``."""
    if isinstance(value, str):
        return len(value)
    if not isinstance(value, _CONTAINERS):
        return 1
    total, visited, stack = 0, 0, [value]
    while stack:
        current = stack.pop()
        visited += 1
        items: Iterable[Any] = (x for pair in current.items() for x in pair) if isinstance(current, dict) else current
        for item in items:
            if isinstance(item, str):
                total += len(item) or 1
            elif isinstance(item, _CONTAINERS) and item:
                stack.append(item)
            else:
                total += 1
            if total > cap:
                return total
        if visited > cap:
            return cap + 1
    return total


def _allowance(*values: Any) -> int:
    """How large a value built from ``values`` may be: the limit, or, past it, the largest of them
    and an item more for each of them (a filter or an operator may pass a long text on, and put a
    key beside it, but not make anything longer)."""
    return max(MAX_VALUE_SIZE, max((_size(v) for v in values), default=0) + len(values))


def _check_size(result_size: int, allowance: int, kind: str) -> None:
    if result_size > allowance:
        raise TemplateRefused.limit(kind, result_size)


def _check_built(value: Any, inputs: Iterable[Any]) -> None:
    """A text or list the template built may be no larger than :func:`_allowance` of its inputs."""
    if isinstance(value, (str, *_CONTAINERS)):
        size = _size(value, MAX_VALUE_SIZE)
        if size > MAX_VALUE_SIZE:
            allowance = _allowance(*inputs)
            _check_size(_size(value, allowance), allowance, "text" if isinstance(value, str) else "list")
    elif isinstance(value, int) and not isinstance(value, bool):
        _check_number(value)


def _check_number(value: Any) -> None:
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) > MAX_NUMBER:
        raise TemplateRefused.limit("number", len(str(abs(value))))


def _whole(value: Any) -> int:
    """An integer argument, or 0 when it is none (the real call then says what is wrong)."""
    try:
        return operator.index(value)
    except TypeError:
        return 0


def _text(value: Any) -> str:
    return value if isinstance(value, str) else str(value)


_LINE_BREAKS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"  # what str.splitlines splits at


def _lines(text: str) -> int:
    return sum(text.count(c) for c in _LINE_BREAKS) + 1


def _repeat_size(left: Any, right: Any) -> tuple[int, Any] | None:
    """The size of ``left * right`` when it repeats a text or list, and what is repeated."""
    for seq, times in ((left, right), (right, left)):
        if isinstance(times, int) and isinstance(seq, (str, list, tuple)):
            return max(times, 0) * _size(seq), seq
    return None


def _check_power(base: Any, exponent: Any) -> None:
    """Refuse ``base ** exponent`` before it is computed when it would be too large."""
    numbers = (int, float)
    if not isinstance(base, numbers) or not isinstance(exponent, numbers):
        return
    if abs(exponent) > MAX_EXPONENT:
        raise TemplateRefused.limit("exponent", exponent if isinstance(exponent, int) else str(exponent))
    if isinstance(base, int) and isinstance(exponent, int) and exponent > 0 and abs(base) > 1 \
            and (abs(base).bit_length() - 1) * exponent > MAX_NUMBER.bit_length():
        raise TemplateRefused.limit("power", f"{base} ** {exponent}")


_DIGITS = "0123456789"


def _percent_size(template: str, args: Any, allowance: int) -> int:
    """The length of ``template % args`` (printf-style formatting), worked out one conversion at
    a time, each bounded, so the whole is never built when it is too large. Where Python would
    refuse the format the count stops short and Python's own error follows."""
    mapping = args if not isinstance(args, (tuple, str)) and hasattr(type(args), "__getitem__") else None
    positional = args if isinstance(args, tuple) else (args,)
    total, at, index, n = 0, 0, 0, len(template)
    while True:
        start = template.find("%", at)
        if start < 0:
            return total + n - at
        total += start - at
        i, key = start + 1, None
        if i < n and template[i] == "(":
            depth, i = 1, i + 1
            begin = i
            while i < n and depth:
                depth += {"(": 1, ")": -1}.get(template[i], 0)
                i += 1
            if depth:
                return total
            key = template[begin:i - 1]
        spec, numbers = "%", []
        while i < n and template[i] in "#0- +":
            spec, i = spec + template[i], i + 1
        for part in ("width", "precision"):
            if part == "precision":
                if i < n and template[i] == ".":
                    spec, i = spec + ".", i + 1
                else:
                    break
            if i < n and template[i] == "*":
                if index >= len(positional) or not isinstance(positional[index], int):
                    return total
                numbers.append(positional[index])
                spec, i, index = spec + str(positional[index]), i + 1, index + 1
                continue
            begin = i
            while i < n and template[i] in _DIGITS:
                i += 1
            if i - begin > 9:
                raise TemplateRefused.limit("text", int(template[begin:begin + 10]))
            if i > begin:
                numbers.append(int(template[begin:i]))
                spec += template[begin:i]
        while i < n and template[i] in "hlL":
            i += 1
        if i >= n:
            return total
        conversion, at = template[i], i + 1
        if conversion == "%":
            total += 1
            continue
        for number in numbers:
            _check_size(abs(number), MAX_VALUE_SIZE, "text")
        try:
            value = (mapping[key] if mapping is not None else None) if key is not None else positional[index]
        except (LookupError, TypeError):
            return total
        if key is None:
            index += 1
        try:
            piece = (spec + conversion) % (value,)
        except (TypeError, ValueError, OverflowError):
            return total
        total += len(piece)
        if total > allowance:
            return total


def _format_spec_check(format_spec: str) -> None:
    """A ``str.format`` spec may not ask for a width or precision past the limit."""
    for digits in re.findall(r"\d+", format_spec):
        _check_size(int(digits[:10]), MAX_VALUE_SIZE, "text")


class _Counting:
    """A ``str.format`` formatter that counts what it writes and stops past the allowance."""

    limits: Limits
    allowance: int
    written: int

    def format_field(self, value: Any, format_spec: str) -> Any:
        self.limits.tick()
        _format_spec_check(format_spec)
        text = super().format_field(value, format_spec)  # type: ignore[misc]
        self.written += len(text)
        _check_size(self.written, self.allowance, "text")
        return text


class _TextFormatter(_Counting, SandboxedFormatter):
    pass


class _MarkupFormatter(_Counting, SandboxedEscapeFormatter):
    pass


# --- text methods that can make a text longer: each bounded before it runs
def _estimate_pad(text: str, width: Any = 0, fillchar: Any = " ") -> int:
    return max(len(text), _whole(width))


def _estimate_replace(text: str, old: Any = "", new: Any = "", count: Any = -1) -> int:
    if not isinstance(old, str) or not isinstance(new, str):
        return 0
    matches = text.count(old) if old else len(text) + 1
    count = _whole(count)
    if count >= 0:
        matches = min(matches, count)
    return len(text) + matches * max(len(new) - len(old), 0)


_TEXT_ESTIMATES: dict[str, Callable[..., int]] = {
    "center": _estimate_pad, "ljust": _estimate_pad, "rjust": _estimate_pad, "zfill": _estimate_pad,
    "replace": _estimate_replace,
}
_SAFE_TEXT_METHODS = frozenset({
    "capitalize", "casefold", "count", "endswith", "find", "index", "isalnum", "isalpha", "isascii", "isdecimal",
    "isdigit", "isidentifier", "islower", "isnumeric", "isprintable", "isspace", "istitle", "isupper", "lower",
    "lstrip", "partition", "removeprefix", "removesuffix", "rfind", "rindex", "rpartition", "rsplit", "rstrip",
    "split", "splitlines", "startswith", "strip", "swapcase", "title", "upper"})
_TEXT_ATTRIBUTES = _SAFE_TEXT_METHODS | set(_TEXT_ESTIMATES) | {"join", "format", "format_map"}
_MARKUP_ATTRIBUTES = _TEXT_ATTRIBUTES | {"striptags", "unescape"}
_LIST_ATTRIBUTES = frozenset({"index", "count"})
_DICT_ATTRIBUTES = frozenset({"keys", "values", "items", "get"})
_LOOP_ATTRIBUTES = frozenset({"index", "index0", "revindex", "revindex0", "first", "last", "length", "depth",
                              "depth0", "previtem", "nextitem", "changed", "cycle"})
_CYCLER_ATTRIBUTES = frozenset({"next", "reset", "current"})


def _attributes_of(obj: Any) -> frozenset[str] | None:
    """The attributes a template may read on ``obj``; None for an object it may read nothing of."""
    kind = type(obj)
    if kind is str:
        return _TEXT_ATTRIBUTES
    if kind is Markup:
        return _MARKUP_ATTRIBUTES
    if kind in (list, tuple):
        return _LIST_ATTRIBUTES
    if isinstance(obj, tuple) and isinstance(getattr(kind, "_fields", None), tuple):  # groupby's (grouper, list)
        return _LIST_ATTRIBUTES | frozenset(kind._fields)
    if kind is dict:
        return _DICT_ATTRIBUTES
    if kind in (int, float, bool, type(None)):
        return frozenset()
    if kind is LoopContext:
        return _LOOP_ATTRIBUTES
    if kind is Cycler:
        return _CYCLER_ATTRIBUTES
    return None


_PLAIN = (str, int, float, list, tuple, dict, type(None))


# --- filters that take a size: each bounded before it runs
def _estimate_center(value: Any, width: Any = 80) -> int:
    return max(len(_text(value)), _whole(width))


def _estimate_indent(value: Any, width: Any = 4, first: Any = False, blank: Any = False) -> int:
    text = _text(value)
    return len(text) + _lines(text) * (len(width) if isinstance(width, str) else _whole(width))


def _estimate_wordwrap(value: Any, width: Any = 79, break_long_words: Any = True, wrapstring: Any = None,
                       break_on_hyphens: Any = True) -> int:
    text = _text(value)
    wrap = len(wrapstring) if isinstance(wrapstring, str) else 1
    return len(text) + (2 * len(text) // max(_whole(width), 1) + _lines(text) + 1) * wrap


def _estimate_filter_replace(value: Any, old: Any = "", new: Any = "", count: Any = None) -> int:
    return _estimate_replace(_text(value), _text(old), _text(new), -1 if count is None else count)


def _estimate_format(value: Any, *args: Any, **kwargs: Any) -> int:
    if args and kwargs:
        return 0
    return _percent_size(_text(value), kwargs or args, _allowance(value, *args, *kwargs.values()))


def _estimate_batch(value: Any, linecount: Any = 0, fill_with: Any = None) -> int:
    return _whole(linecount) * (1 if fill_with is None else max(_size(fill_with), 1))


def _estimate_slice(value: Any, slices: Any = 0, fill_with: Any = None) -> int:
    return _whole(slices) * (1 if fill_with is None else max(_size(fill_with), 1))


_FILTER_ESTIMATES: dict[str, tuple[Callable[..., int], str]] = {
    "center": (_estimate_center, "text"), "indent": (_estimate_indent, "text"),
    "wordwrap": (_estimate_wordwrap, "text"), "replace": (_estimate_filter_replace, "text"),
    "format": (_estimate_format, "text"), "batch": (_estimate_batch, "list"), "slice": (_estimate_slice, "list"),
}
# what a text longer than MAX_VALUE_SIZE (what a macro or a {% filter %} block wrote) may still go through:
# filters that read it once and do not make it longer; every other filter and every method refuses it
_LONG_TEXT_FILTERS = frozenset({"safe", "string", "e", "escape", "trim", "upper", "lower", "length", "count",
                                "default", "d", "wordcount"})
_REMOVED_FILTERS = frozenset({"urlize"})  # adds HTML links, per link as long as its arguments: no use in Word


class Limits:
    """What one render has used so far, shared by the environments of the body and of the properties."""

    def __init__(self) -> None:
        self.deadline = time.monotonic() + MAX_SECONDS
        self.operations = 0
        self.printed = 0  # characters of {{ … }} output
        self.written = 0  # characters of parts filled in
        self.depth = 0
        self.source = ""  # the XML of the part being filled in

    def start(self) -> None:
        """Start the clock (:data:`MAX_SECONDS` from now) and the count of steps afresh, as the template
        starts to be filled in; the characters printed and written so far are kept."""
        self.deadline = time.monotonic() + MAX_SECONDS
        self.operations = 0

    def tick(self) -> None:
        """Count one step; :class:`TemplateRefused` past :data:`MAX_OPERATIONS` steps or past the
        deadline."""
        self.operations += 1
        if self.operations > MAX_OPERATIONS:
            raise TemplateRefused.limit("operations")
        if time.monotonic() > self.deadline:
            raise TemplateRefused.limit("time")

    def print(self, length: int) -> None:
        """Count ``length`` characters of ``{{ … }}`` output; :class:`TemplateRefused` once all of it
        together is past :data:`MAX_OUTPUT`."""
        self.printed += length
        if self.printed > MAX_OUTPUT:
            raise TemplateRefused.limit("output")


class _Template(Template):
    """A part of the document; what all parts write together is bounded."""

    def render(self, *args: Any, **kwargs: Any) -> str:
        text = super().render(*args, **kwargs)
        limits = self.environment.limits  # type: ignore[attr-defined]
        limits.written += len(text)
        if limits.written > MAX_OUTPUT:
            raise TemplateRefused.limit("output", context="")
        return text


def _internal(name: str, args: list[Any], lineno: int) -> Any:
    """A call of one of the sandbox's own functions, in place of a node of the parsed template."""
    call = nodes.Call(nodes.EnvironmentAttribute(name), args, [], None, None)
    return call.set_lineno(lineno)


class _Guards(NodeTransformer):
    """Routes every loop, ``~`` and list, tuple and dict written in a template through the sandbox,
    which Jinja has no hook for: a loop round is a step, and what ``~`` and a literal build is bounded."""

    def visit_For(self, node: nodes.For) -> nodes.Node:
        self.generic_visit(node)
        node.iter = _internal("grantcalc_loop", [node.iter], node.lineno)
        return node

    def visit_Concat(self, node: nodes.Concat) -> nodes.Node:
        self.generic_visit(node)
        return _internal("grantcalc_concat", [nodes.ContextReference(), *node.nodes], node.lineno)

    def _built(self, node: nodes.Expr) -> nodes.Node:
        self.generic_visit(node)
        return _internal("grantcalc_built", [node], node.lineno)

    visit_List = visit_Dict = _built

    def visit_Tuple(self, node: nodes.Tuple) -> nodes.Node:
        return self._built(node) if node.ctx == "load" else self.generic_visit(node)


def _bounded_range(*args: Any) -> range:
    numbers = range(*args)
    try:
        count = len(numbers)
    except OverflowError:
        count = abs(numbers.stop - numbers.start) // abs(numbers.step)
    if count > MAX_RANGE:
        raise TemplateRefused.limit("range", count)
    return numbers


_bounded_range.__name__ = "range"


def _make_dict(*args: Any, **kwargs: Any) -> dict:
    return dict(*args, **kwargs)


_make_dict.__name__ = "dict"


class Sandbox(ImmutableSandboxedEnvironment):
    """The environment a user's template is filled in by (see the module's description)."""

    intercepted_binops = frozenset({"+", "-", "*", "/", "//", "%", "**"})

    def __init__(self, limits: Limits, *, autoescape: bool, finalize: Callable[[Any], Any]):
        super().__init__(autoescape=autoescape, undefined=Unknown, finalize=finalize)
        self.limits = limits
        self.template_class = _Template
        self.globals = {"range": _bounded_range, "dict": _make_dict, "cycler": Cycler, "joiner": Joiner}
        self.filters = {name: self._guarded_filter(name, func) for name, func in self.filters.items()
                        if name not in _REMOVED_FILTERS}
        self.grantcalc_loop = functools.partial(_loop, self)
        self.grantcalc_concat = functools.partial(_concat_values, self)
        self.grantcalc_built = functools.partial(_built, self)
        self._internal = (self.grantcalc_loop, self.grantcalc_concat, self.grantcalc_built)
        self.concat = self._concat  # type: ignore[method-assign]  # joins every buffer of output: the generated code's `concat`

    # --- parsing and compiling
    def _parse(self, source: str, name: str | None, filename: str | None) -> nodes.Template:
        tree = _Guards().visit(super()._parse(source, name, filename))
        tree.set_environment(self)
        return tree

    def from_string(self, source: Any, globals: Any = None, template_class: Any = None) -> Template:
        """Jinja's ``from_string``, the template keeping its source text (and, as the part being
        filled in, :attr:`Limits.source`) so that a refusal can quote the placeholder."""
        template = super().from_string(source, globals, template_class)
        if isinstance(source, str):
            template.grantcalc_source = self.limits.source = source  # type: ignore[attr-defined]
        return template

    # --- look-ups
    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        """True when a template may read ``attr`` on ``obj``: a field of a :class:`~grantcalc.render.fields.Node`
        (or its ``keys``), or an allowed attribute of a text, list, dict, ``loop`` or cycler; never a name
        starting with ``_``."""
        if not isinstance(attr, str) or attr.startswith("_"):
            return False
        if isinstance(obj, Node):
            return attr in obj or attr == "keys"
        allowed = _attributes_of(obj)
        return allowed is not None and attr in allowed

    def unsafe_undefined(self, obj: Any, attribute: str) -> Undefined:
        """Never returns: an attribute a template may not read raises :class:`TemplateRefused`
        (``render.template_unsafe``) instead of Jinja's undefined."""
        raise TemplateRefused.unsafe(obj, attribute)

    def _field(self, node: Node, name: Any) -> Any:
        if isinstance(name, str) and name.startswith("_"):
            raise TemplateRefused.unsafe(node, name)
        if isinstance(name, str) and name in node:
            return node[name]
        if name == "keys":
            return node.keys
        return self.undefined(obj=node, name=name)

    def getattr(self, obj: Any, attribute: str) -> Any:
        """``obj.attribute`` for a template, counted as a step: a field of a node (an unknown one fails
        naming it), a plain dict's item (``{'a': 1}.a``) or an allowed attribute, a text's methods bounded;
        :class:`TemplateRefused` for a name starting with ``_``, any other attribute or a text too long."""
        self.limits.tick()
        if isinstance(obj, Node):
            return self._field(obj, attribute)
        if attribute.startswith("_"):
            raise TemplateRefused.unsafe(obj, attribute)
        if isinstance(obj, Undefined):
            return getattr(obj, attribute)  # an unknown field: fails naming it
        if isinstance(obj, TemplateReference):
            return self.getitem(obj, attribute)  # self.blockname
        if not self.is_safe_attribute(obj, attribute, None):
            if not isinstance(obj, _PLAIN) or hasattr(type(obj), attribute):
                raise TemplateRefused.unsafe(obj, attribute)
            try:
                return obj[attribute]  # type: ignore[index,call-overload]  # {'a': 1}.a, as Jinja reads it
            except (TypeError, LookupError):
                return self.undefined(obj=obj, name=attribute)
        if isinstance(obj, str) and len(obj) > MAX_VALUE_SIZE:
            raise TemplateRefused.limit("text", len(obj))  # what a macro wrote: output, not a text to work on
        value = getattr(obj, attribute)
        if isinstance(obj, str):
            guarded = self.wrap_str_format(value) or self._text_method(obj, attribute)
            if guarded is not None:
                return guarded
        return value

    def getitem(self, obj: Any, argument: Any) -> Any:
        """``obj[argument]`` for a template, counted as a step: a field of a node, an item of a text,
        list, dict…, else the attribute named ``argument``, else undefined; :class:`TemplateRefused` for a
        name starting with ``_`` or an object a template may read nothing of."""
        self.limits.tick()
        if isinstance(obj, Node):
            return self._field(obj, argument)
        if isinstance(argument, str) and argument.startswith("_"):
            raise TemplateRefused.unsafe(obj, argument)
        if isinstance(obj, Undefined):
            return obj[argument]  # an unknown field: fails naming it
        if _attributes_of(obj) is None and not isinstance(obj, TemplateReference):
            raise TemplateRefused.unsafe(obj, argument)
        try:
            return obj[argument]
        except (TypeError, LookupError):
            pass
        if isinstance(argument, str) and not isinstance(obj, TemplateReference):
            return self.getattr(obj, argument)  # 'abc'['upper'], as Jinja reads it
        return self.undefined(obj=obj, name=argument)

    def _text_method(self, text: str, name: str) -> Callable[..., Any] | None:
        if name == "join":
            return functools.partial(_text_join, self, text)
        estimate = _TEXT_ESTIMATES.get(name)
        if estimate is None:
            return None
        method = getattr(text, name)

        def guarded(*args: Any, **kwargs: Any) -> Any:
            try:
                size = estimate(text, *args, **kwargs)
            except TypeError:
                size = 0  # the method itself says what is wrong with its arguments
            _check_size(size, max(MAX_VALUE_SIZE, len(text)), "text")
            return method(*args, **kwargs)

        guarded.__name__ = name
        return guarded

    def wrap_str_format(self, value: Any) -> Callable[..., str] | None:
        """``str.format`` and ``format_map``, sandboxed as Jinja does and bounded in what they write."""
        if not isinstance(value, (types.MethodType, types.BuiltinMethodType)) \
                or value.__name__ not in ("format", "format_map") or not isinstance(value.__self__, str):
            return None
        template: str = value.__self__
        is_map = value.__name__ == "format_map"
        limits = self.limits

        def wrapper(*args: Any, **kwargs: Any) -> str:
            if is_map:
                if kwargs or len(args) != 1:
                    raise TypeError("format_map() takes exactly one argument")
                mapping = args[0]
                args, kwargs = (), mapping
            formatter: _Counting
            if isinstance(template, Markup):
                formatter = _MarkupFormatter(self, escape=template.escape)
            else:
                formatter = _TextFormatter(self)
            formatter.limits, formatter.written = limits, len(template)
            formatter.allowance = _allowance(template, *args, *(kwargs.values() if isinstance(kwargs, dict) else ()))
            return type(template)(formatter.vformat(template, args, kwargs))

        return functools.update_wrapper(wrapper, value)

    # --- operators, calls, filters
    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        """``left operator right`` for a template, counted as a step, its size checked before it is
        computed (``**``, ``*``, ``+``, ``%``); the result, or :class:`TemplateRefused` when it would be too
        large a text, list or number (or overflows)."""
        self.limits.tick()
        if operator == "**":
            _check_power(left, right)
        elif operator == "*":
            repeated = _repeat_size(left, right)
            if repeated is not None:
                size, seq = repeated
                _check_size(size, _allowance(seq), "text" if isinstance(seq, str) else "list")
        elif operator == "+" and isinstance(left, (str, list, tuple)) and isinstance(right, (str, list, tuple)):
            _check_size(_size(left) + _size(right), _allowance(left, right),
                        "text" if isinstance(left, str) else "list")
        elif operator == "%" and isinstance(left, str):
            allowance = _allowance(left, right)
            _check_size(_percent_size(left, right, allowance), allowance, "text")
        try:
            result = self.binop_table[operator](left, right)
        except OverflowError:
            raise TemplateRefused.limit("overflow", f"{left!r} {operator} {right!r}"[:60]) from None
        _check_number(result)
        return result

    def call(self, context: Any, obj: Any, /, *args: Any, **kwargs: Any) -> Any:
        """``obj(*args, **kwargs)`` for a template, counted as a step, and its result;
        :class:`TemplateRefused` for an object a template may not call, arguments or a result too large, or
        calls nested deeper than :data:`MAX_CALL_DEPTH`."""
        limits = self.limits
        limits.tick()
        if not self.is_safe_callable(obj):
            raise TemplateRefused.unsafe(obj, "()")
        if any(obj is internal for internal in self._internal):
            return context.call(obj, *args, **kwargs)
        values = [*args, *(v for k, v in kwargs.items() if k not in ("_loop_vars", "_block_vars"))]
        _check_size(sum(_size(v) for v in values), _allowance(*values), "list")
        if isinstance(obj, LoopContext) and args:  # loop(children) in a recursive loop: its rounds are steps too
            args = (_loop(self, args[0]), *args[1:])
        limits.depth += 1
        try:
            if limits.depth > MAX_CALL_DEPTH:
                raise TemplateRefused.limit("depth")
            result = context.call(obj, *args, **kwargs)
        finally:
            limits.depth -= 1
        if not isinstance(result, str):  # what a macro writes is output, bounded as output
            _check_built(result, values)
        return result

    def _guarded_filter(self, name: str, func: Callable[..., Any]) -> Callable[..., Any]:
        passes = hasattr(func, "jinja_pass_arg")  # the filter takes the context or environment first
        estimate, kind = _FILTER_ESTIMATES.get(name, (None, ""))
        limits = self.limits

        @functools.wraps(func)
        def guarded(*args: Any, **kwargs: Any) -> Any:
            limits.tick()
            first, rest = (args[:1], args[1:]) if passes else ((), args)
            if not rest:
                return func(*args, **kwargs)
            if isinstance(rest[0], str) and len(rest[0]) > MAX_VALUE_SIZE and name not in _LONG_TEXT_FILTERS:
                raise TemplateRefused.limit("text", len(rest[0]))
            if name == "join":
                return _filter_join(self, func, first, *rest, **kwargs)
            if estimate is not None:
                try:
                    size = estimate(*rest, **kwargs)
                except TypeError:
                    size = 0  # the filter itself says what is wrong with its arguments
                _check_size(size, _allowance(*rest, *kwargs.values()), kind)
            result = func(*args, **kwargs)
            if isinstance(result, Iterator) and not isinstance(result, (str, *_CONTAINERS)):
                return _counted(self, result, (*rest, *kwargs.values()))
            _check_built(result, (*rest, *kwargs.values()))
            return result

        return guarded

    # --- output
    def _concat(self, pieces: Iterable[str]) -> str:
        kept, total, room = [], 0, MAX_OUTPUT - self.limits.written
        for piece in pieces:
            total += len(piece)
            if total > room:
                raise TemplateRefused.limit("output")
            kept.append(piece)
        return "".join(kept)


def _loop(env: Sandbox, iterable: Any) -> Iterator[Any]:
    """The rounds of a loop, each a step."""
    limits = env.limits
    for item in iterable:
        limits.tick()
        yield item


def _counted(env: Sandbox, iterator: Iterator[Any], inputs: tuple[Any, ...]) -> Iterator[Any]:
    """The items of a filter that yields them one at a time (map, select, batch…), bounded together."""
    limits, total, allowance, widened = env.limits, 0, MAX_VALUE_SIZE, False
    for item in iterator:
        limits.tick()
        total += max(_size(item), 1)
        if total > allowance and not widened:
            allowance, widened = _allowance(*inputs), True
        _check_size(total, allowance, "list")
        yield item


def _concat_values(env: Sandbox, context: Any, *pieces: Any) -> str:
    """``a ~ b``: bounded before the pieces are joined."""
    texts, total, largest = [], 0, 0
    for piece in pieces:
        if isinstance(piece, _CONTAINERS):
            _check_size(_size(piece), MAX_OUTPUT, "list")
        text = piece if isinstance(piece, str) else str(piece)
        total, largest = total + len(text), max(largest, len(text))
        _check_size(total, max(MAX_VALUE_SIZE, largest), "text")
        texts.append(text)
    return markup_join(texts) if context.eval_ctx.autoescape else str_join(texts)


def _built(env: Sandbox, value: Any) -> Any:
    """A list, tuple or dict written in the template."""
    items = [x for pair in value.items() for x in pair] if isinstance(value, dict) else list(value)
    _check_built(value, items)
    return value


def _join_size(items: list[Any], separator: str) -> int:
    total = len(separator) * max(len(items) - 1, 0)
    for item in items:
        total += len(item) if isinstance(item, str) else len(str(item))
        if total > MAX_OUTPUT:
            break
    return total


def _text_join(env: Sandbox, separator: str, iterable: Any) -> str:
    """``sep.join(items)``, bounded before it is built."""
    items = list(iterable)
    _check_size(_join_size(items, separator), _allowance(separator, items), "text")
    return separator.join(items)


def _filter_join(env: Sandbox, func: Callable[..., Any], first: tuple[Any, ...], value: Any, d: Any = "",
                 attribute: Any = None) -> Any:
    """``|join``, bounded before it is built."""
    items = list(value)
    if attribute is not None:
        getter = make_attrgetter(env, attribute)
        items = [getter(item) for item in items]
    _check_size(_join_size(items, _text(d)), _allowance(d, items), "text")
    return func(*first, items, d)


def _finalize_body(limits: Limits) -> Callable[[Any], Any]:
    def finalize(value: Any) -> Any:
        """Escape a value, and keep docxtpl's own escapes ({_{ … }_}) in it from being undone:
        docxtpl turns them into braces in the whole rendered XML afterwards."""
        limits.tick()
        if isinstance(value, _CONTAINERS):
            _check_size(_size(value), MAX_OUTPUT, "list")
        if isinstance(value, (*_CONTAINERS, int, float)) and not isinstance(value, str):
            value = str(value)
        if isinstance(value, str) and not hasattr(value, "__html__"):
            text = str(escape(value))
            for sequence in ("{_", "}_}", "%_}"):
                text = text.replace(sequence, sequence.replace("_", "&#95;"))
            value = Markup(text)  # noqa: S704 - escaped just above
        if isinstance(value, str):
            limits.print(len(value))
        return value

    return finalize


def _finalize_properties(limits: Limits) -> Callable[[Any], Any]:
    def finalize(value: Any) -> Any:
        limits.tick()
        if isinstance(value, _CONTAINERS):
            _check_size(_size(value), MAX_OUTPUT, "list")
        if isinstance(value, str):
            limits.print(len(value))
        return value

    return finalize


def environments() -> tuple[Sandbox, Sandbox, Limits]:
    """The environments of a template's body (headers, footers, footnotes) and of its document
    properties (title, subject…; plain text that python-docx escapes itself), sharing their limits."""
    limits = Limits()
    body = Sandbox(limits, autoescape=True, finalize=_finalize_body(limits))
    properties = Sandbox(limits, autoescape=False, finalize=_finalize_properties(limits))
    return body, properties, limits


