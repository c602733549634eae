"""The fast path for YAML: plain data and key lines from libyaml's event stream.

ruamel.yaml (pure Python) reads a budget of 10 000 lines in about 10 s;
libyaml, through PyYAML's C parser, gives the same document's events in a
tenth of a second. This module builds the plain data and the line of every key
and list item straight from those events, with an explicit stack (no
recursion, no node objects), for the documents budgets are made of.

It gives up — returns ``None`` and the caller reads the text with ruamel, whose
result and error messages are the reference — on anything it does not handle
exactly as ruamel's YAML 1.2 reading does:

* any error of libyaml's (syntax, a character YAML does not allow);
* explicit tags, directives (``%YAML 1.1``), more than one document;
* plain scalars that YAML 1.2 resolves to something other than a string, a
  decimal integer, a decimal number with a point, a date, a boolean or null
  (``0x1F``, ``1_000``, ``1e3``, ``.inf``, ``<<`` merge keys, timestamps with
  a time of day, integers with leading zeros or of more than 100 digits);
* keys that are not text or numbers, duplicate keys, unknown aliases, aliases
  that expand beyond ``max_nodes`` values, nesting deeper than ``deep`` levels (the loader's
  limits: ruamel reads such a document again and the loader reports it);
* the line breaks YAML 1.1 and 1.2 count differently (U+0085, U+2028, U+2029), and tabs
  (libyaml takes ``p<TAB>eriod`` for a key, ruamel refuses it).

``tests/test_loader_fast.py`` checks that whenever this path gives a result it
is ruamel's, on the examples, the bad-input corpus and fuzzed documents.
"""

from __future__ import annotations

import datetime as _dt
import re
from decimal import Decimal
from typing import Any

CParser: Any
try:  # PyYAML built with libyaml (the wheels on PyPI are); without it, ruamel reads everything
    from yaml import YAMLError
    from yaml.cyaml import CParser  # type: ignore[attr-defined]  # the C parser: not in the stubs
    from yaml.events import (
        AliasEvent,
        DocumentStartEvent,
        MappingEndEvent,
        MappingStartEvent,
        ScalarEvent,
        SequenceEndEvent,
        SequenceStartEvent,
        StreamEndEvent,
    )
except ImportError:  # pragma: no cover - depends on the installation
    CParser = None

__all__ = ["parse", "AVAILABLE", "TooDeep"]

AVAILABLE = CParser is not None

# Every plain scalar YAML 1.2 (ruamel's resolver) reads as something other than a string.
_NOT_TEXT = re.compile(r"""^(?:
     [-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+]?[0-9]+)?
    |[-+]?(?:[0-9][0-9_]*)(?:[eE][-+]?[0-9]+)
    |[-+]?\.[0-9_]+(?:[eE][-+][0-9]+)?
    |[-+]?\.(?:inf|Inf|INF)
    |\.(?:nan|NaN|NAN)
    |[-+]?0b[0-1_]+
    |[-+]?0o?[0-7_]+
    |[-+]?[0-9_]+
    |[-+]?0x[0-9a-fA-F_]+
    |<<
    |=
    |[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]
    |[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?
     (?:[Tt]|[ \t]+)[0-9][0-9]?
     :[0-9][0-9]:[0-9][0-9](?:\.[0-9]*)?
     (?:[ \t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?
    )$""", re.X)
_FIRST = frozenset("-+0123456789.<=")  # the first characters _NOT_TEXT can match
_INTEGER = re.compile(r"[-+]?(?:0|[1-9][0-9]{0,99})\Z")
_DECIMAL = re.compile(r"[-+]?[0-9]{1,100}\.[0-9]{1,100}\Z")
_DATE = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})\Z")
_NULL = frozenset(("", "~", "null", "Null", "NULL"))
_BOOL = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_RUAMEL_ONLY = re.compile("[\t\x85\u2028\u2029]")


class _GiveUp(Exception):
    """Not a document this path reads exactly as ruamel does."""


class TooDeep(Exception):
    """Lists and mappings nested deeper than ``deep`` levels, from ``line`` on: refused here,
    where libyaml reads it in C, rather than in ruamel, which recurses for seconds first."""

    def __init__(self, line: int):
        super().__init__(line)
        self.line = line


def parse(text: str, *, max_nodes: int, deep: int) -> tuple[Any, dict[tuple, int]] | None:
    """``(data, positions)`` of a YAML text, or ``None`` when ruamel has to read it; raises
    :class:`TooDeep` for nesting past ``deep`` levels."""
    if CParser is None or _RUAMEL_ONLY.search(text):
        return None
    try:
        return _build(text, max_nodes, deep)
    except YAMLError as err:
        if "maximum nesting depth" in str(getattr(err, "problem", "")):  # libyaml's own limit (1 000), read ahead
            mark = getattr(err, "problem_mark", None)
            raise TooDeep(mark.line + 1 if mark is not None else 1) from None
        return None
    except (_GiveUp, ValueError, TypeError, ArithmeticError, RecursionError, MemoryError):
        return None


def _scalar(event) -> Any:
    tag = event.tag
    if tag is not None and tag != "!":
        raise _GiveUp
    value = event.value
    if event.style:  # quoted or block: text ('' is PyYAML's plain style)
        if tag == "!":  # `! 2024`: the non-specific tag
            raise _GiveUp
        return value
    if value in _NULL:
        return None
    flag = _BOOL.get(value)
    if flag is not None:
        return flag
    if value[:1] not in _FIRST or not _NOT_TEXT.match(value):
        return value
    if _INTEGER.match(value):
        return int(value)
    if _DECIMAL.match(value):
        return Decimal(value)
    date = _DATE.match(value)
    if date:
        try:
            return _dt.date(int(date[1]), int(date[2]), int(date[3]))
        except ValueError:  # 2024-02-30: the text, which the model reports at its line
            return value
    raise _GiveUp


_NO_KEY = object()


def _build(text: str, max_nodes: int, deep: int) -> tuple[Any, dict[tuple, int]]:
    get = CParser(text).get_event
    positions: dict[tuple, int] = {(): 1}
    anchors: dict[str, tuple[Any, int]] = {}
    # one frame per open mapping or list: [container, path, pending key, key's line, is mapping, size, anchor]
    stack: list[list] = []
    root: Any = None
    expanded = documents = 0
    while True:
        event: Any = get()  # compared by exact type below (the hot loop), which a type checker cannot follow
        kind = type(event)
        if kind is ScalarEvent or kind is MappingStartEvent or kind is SequenceStartEvent or kind is AliasEvent:
            line = event.start_mark.line + 1
            path: tuple = ()
            if stack:
                top = stack[-1]
                if top[4]:
                    if top[2] is _NO_KEY:  # a mapping's key
                        if kind is not ScalarEvent or event.anchor is not None:
                            raise _GiveUp
                        key = _scalar(event)
                        if isinstance(key, bool) or not isinstance(key, (str, int, Decimal)) or key in top[0]:
                            raise _GiveUp
                        top[2], top[3] = key, line
                        continue
                    path = top[1] + (top[2],)
                    positions[path] = top[3]
                else:
                    path = top[1] + (len(top[0]),)
                    positions[path] = line
            if kind is ScalarEvent:
                value, size = _scalar(event), 1
                if event.anchor is not None:
                    anchors[event.anchor] = (value, size)
            elif kind is AliasEvent:
                if event.anchor not in anchors:
                    raise _GiveUp
                value, size = anchors[event.anchor]
                expanded += size
                if expanded > max_nodes:
                    raise _GiveUp
            else:
                if event.tag is not None and event.tag != "!":
                    raise _GiveUp
                if len(stack) >= deep:
                    raise TooDeep(line)
                mapping = kind is MappingStartEvent
                stack.append([{} if mapping else [], path, _NO_KEY, line, mapping, 1, event.anchor])
                continue
        elif kind is MappingEndEvent or kind is SequenceEndEvent:
            frame = stack.pop()
            value, size = frame[0], frame[5]
            if frame[6] is not None:
                anchors[frame[6]] = (value, size)
        elif kind is DocumentStartEvent:
            documents += 1
            if documents > 1 or event.version is not None or event.tags:
                raise _GiveUp
            continue
        elif kind is StreamEndEvent:
            return root, positions
        else:  # stream start, document end
            continue
        if stack:
            top = stack[-1]
            if top[4]:
                top[0][top[2]] = value
                top[2] = _NO_KEY
            else:
                top[0].append(value)
            top[5] += size
        else:
            root = value
