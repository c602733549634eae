"""The user's own .docx template, filled in through docxtpl (Jinja2 on python-docx).

docxtpl joins ``{{ placeholders }}`` that Word split across runs and repeats
table rows (``{%tr for row in costs.rows %}``); we render with autoescaping on,
so ``&`` and ``<`` in a project's name stay text, and with an *undefined* that
stops at the first field that does not exist and names the ones that do.
Every top-level name the template uses is checked before rendering, so a
template with several misspelt names reports them all at once.
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

from grantcalc.errors import Problem, SourceError
from grantcalc.render import chart, forms, word
from grantcalc.render.fields import Node, build_fields

if TYPE_CHECKING:
    from grantcalc.compute.computation import Computation

__all__ = ["render_user_template"]

TOP = ("på översta nivån", "at the top level")


def _jinja():
    from jinja2 import Environment, StrictUndefined, UndefinedError

    class UnknownField(UndefinedError):
        def __init__(self, parent: Any, name: str):
            super().__init__(name)
            self.parent, self.name = parent, name

    class Unknown(StrictUndefined):
        """An undefined that fails on any use, saying where it was looked for."""

        def _fail(self, *args: Any, **kwargs: Any):
            from jinja2.utils import missing

            parent = None if self._undefined_obj is missing else self._undefined_obj
            raise UnknownField(parent, self._undefined_name or "")

        __str__ = __iter__ = __len__ = __bool__ = __eq__ = __ne__ = __hash__ = __contains__ = _fail
        __getitem__ = __call__ = __add__ = __radd__ = __int__ = __float__ = _fail
        _fail_with_undefined_error = _fail

        def __getattr__(self, name: str):
            if name[:2] == "__":  # protocol probes (markupsafe's __html__, copy…) must see a plain miss
                raise AttributeError(name)
            self._fail()

    from markupsafe import Markup, escape

    def finalize(value: Any) -> Any:
        """Escape a value, and keep docxtpl's own escapes ({_{ … }_}) in it from being undone:
        docxtpl turns them into braces in the whole rendered XML afterwards."""
        if isinstance(value, str) and not hasattr(value, "__html__"):
            text = str(escape(value))
            for sequence in ("{_", "}_}", "%_}"):
                text = text.replace(sequence, sequence.replace("_", "&#95;"))
            return Markup(text)
        return value

    body = Environment(autoescape=True, undefined=Unknown, finalize=finalize)
    # the document's properties (title, subject…) are plain text that python-docx escapes itself
    properties = Environment(autoescape=False, undefined=Unknown)
    return body, properties, UnknownField


def _unknown_field(err: Any, top: Node) -> Problem:
    parent, name = err.parent, err.name
    if parent is None:
        return Problem("render.unknown_field", params={"field": name, "where": TOP, "known": ", ".join(top.keys())})
    if isinstance(parent, Node):
        where = (f"i {parent.path}", f"in {parent.path}") if parent.path else TOP
        field = f"{parent.path}.{name}" if parent.path else name
        return Problem("render.unknown_field", params={"field": field, "where": where,
                                                      "known": ", ".join(parent.keys())})
    if isinstance(parent, list) and isinstance(name, int):
        return Problem("render.index", params={"index": str(name), "count": str(len(parent))})
    if isinstance(parent, list):
        advice = (": gå igenom listan med {%tr for row in … %}", ": loop over the list with {%tr for row in … %}")
        return Problem("render.not_a_group", params={"field": name, "parent": "…", "kind": ("en lista", "a list"),
                                                    "advice": advice})
    return Problem("render.not_a_group", params={"field": name, "parent": repr(str(parent))[:60],
                                                "kind": ("text", "text"), "advice": ""})


def _tag_text(xml: str) -> str:
    """Text of a piece of WordprocessingML, for quoting a template in a message."""
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", xml)).strip()


def _open(path: Path):
    from docxtpl import DocxTemplate

    from grantcalc.render.package import read_template

    data = read_template(path)  # size, zip bomb, macros and DOCTYPE checked before python-docx sees it
    stream = io.BytesIO(data)
    try:
        template = DocxTemplate(stream)
        template.get_docx()  # opens the package: a broken file fails here, not halfway
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as err:
        said = str(err).replace(str(stream), path.name)  # python-docx names the file it was given
        raise SourceError(Problem("render.template_invalid", file=str(path),
                                  params={"reason": type(err).__name__ + (f": {said}" if said else "")})) from None
    except Exception as err:  # noqa: BLE001 - python-docx raises its own PackageNotFoundError and others
        raise SourceError(Problem("render.template_invalid", file=str(path),
                                  params={"reason": f"{type(err).__name__}: {err}"})) from None
    return template


def render_user_template(path: Path, computation: Computation, lang: str, *, today=None):
    """The template at ``path`` filled in: a rendered ``DocxTemplate`` ready to ``save``."""
    from docx.shared import Cm
    from docxtpl import InlineImage
    from jinja2 import TemplateError, TemplateSyntaxError
    from lxml.etree import XMLSyntaxError

    env, properties_env, UnknownField = _jinja()
    template = _open(path)
    plain = build_fields(computation, lang, today=today)
    try:
        used = template.get_undeclared_template_variables(env)
    except TemplateSyntaxError as err:
        raise SourceError(_syntax(err, path)) from None
    except XMLSyntaxError as err:  # docxtpl re-reads headers and footers
        raise SourceError(Problem("render.template_error", file=str(path), params={"reason": f"XML: {err}"})) from None
    unknown = sorted(used - set(plain.keys()))
    if unknown:
        raise SourceError([Problem("render.unknown_field", file=str(path),
                                   params={"field": name, "where": TOP, "known": ", ".join(plain.keys())})
                            for name in unknown])

    tables = charts = None
    if "tables" in used:
        width = word.text_width(template.get_docx())
        built = {}
        for key in ("costs", "categories", "financing", "plan", "justification"):
            subdoc = template.new_subdoc()
            forms.BLOCKS[key](forms.Layout(subdoc, plain, computation, lang, None, width=width))
            built[key] = subdoc
        tables = Node("tables", built)
    if "charts" in used:
        pictures = {}
        for key, make in (("costs", chart.costs_chart), ("financing", chart.financing_chart)):
            pictures[key] = _ChartField(template, key, make, computation, lang, InlineImage, Cm(16))
        charts = Node("charts", pictures)
    fields = plain.replaced(**{k: v for k, v in (("tables", tables), ("charts", charts)) if v is not None})
    context = {key: fields[key] for key in fields.keys()}
    from docxtpl import DocxTemplate

    template.render_properties = lambda ctx, jinja_env=None: DocxTemplate.render_properties(template, ctx,
                                                                                          properties_env)
    try:
        template.render(context, jinja_env=env, autoescape=True)
    except UnknownField as err:
        problem = _unknown_field(err, fields)
        raise SourceError(Problem(problem.code, file=str(path), params=problem.params)) from None
    except _ChartMissing as err:
        raise SourceError(Problem("render.chart_missing", file=str(path),
                                  params={"field": f"charts.{err.args[0]}", "install": chart.INSTALL_HINT})) from None
    except TemplateSyntaxError as err:
        raise SourceError(_syntax(err, path)) from None
    except TemplateError as err:
        raise SourceError(Problem("render.template_error", file=str(path), params={"reason": str(err)})) from None
    except XMLSyntaxError as err:  # e.g. {{ '<w:p>'|safe }} in a header: what Jinja wrote is no XML
        raise SourceError(Problem("render.template_error", file=str(path), params={"reason": f"XML: {err}"})) from None
    return template


def _syntax(err: Any, path: Path) -> Problem:
    context = " ".join(_tag_text(x) for x in getattr(err, "docx_context", []) or [] if _tag_text(x))
    if not context and err.source:
        lines = err.source.splitlines()
        index = max((err.lineno or 1) - 1, 0)
        context = _tag_text("\n".join(lines[max(index - 1, 0): index + 2]))
    return Problem("render.template_syntax", file=str(path),
                   params={"reason": err.message or type(err).__name__, "context": context[:120]})


class _ChartMissing(Exception):
    pass


class _ChartField:
    """A chart, drawn only when the template shows it (a chart takes a few tenths of a second)."""

    def __init__(self, template, key, make, computation, lang, inline_image, width):
        self.template, self.key, self.make = template, key, make
        self.computation, self.lang = computation, lang
        self.inline_image, self.width = inline_image, width

    def __html__(self) -> str:
        if not chart.available():
            raise _ChartMissing(self.key)
        png = self.make(self.computation, self.lang)
        return self.inline_image(self.template, io.BytesIO(png), width=self.width).__html__()

    __str__ = __html__
