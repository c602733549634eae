"""The user's own .docx template, filled in through docxtpl (Jinja2 on python-docx).

docxtpl joins ``{{ placeholders }}`` that Word split across runs and repeats
table rows (``{%tr for row in costs.rows %}``); we render with autoescaping on,
so ``&`` and ``<`` in a project's name stay text, and with an *undefined* that
stops at the first field that does not exist and names the ones that do.
Every top-level name the template uses is checked before rendering, so a
template with several misspelt names reports them all at once.

A template is untrusted input, so it is filled in by the sandbox of
:mod:`grantcalc.render.sandbox`.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

from grantcalc.errors import Problem, SourceError
from grantcalc.render import chart, forms, word
from grantcalc.render.fields import Node, build_fields
from grantcalc.render.sandbox import (
    TOP,
    Limits,
    TemplateRefused,
    UnknownField,
    environments,
    line_text,
    phrase,
    tag_text,
)

if TYPE_CHECKING:
    from grantcalc.compute.computation import Computation

__all__ = ["render_user_template"]

def _unknown_field(err: Any, top: Node) -> Problem:
    parent, name = err.parent, err.name
    if parent is None:
        return Problem("render.unknown_field", params={"field": name, "where": TOP, "known": ", ".join(top.keys())})
    if isinstance(parent, Node):
        where = phrase("render.where.in", path=parent.path) if parent.path else TOP
        field = f"{parent.path}.{name}" if parent.path else name
        return Problem("render.unknown_field", params={"field": field, "where": where,
                                                      "known": ", ".join(parent.keys())})
    if isinstance(parent, list) and isinstance(name, int):
        return Problem("render.index", params={"index": str(name), "count": str(len(parent))})
    if isinstance(parent, list):
        return Problem("render.not_a_group", params={"field": name, "parent": "…", "kind": phrase("render.kind.list"),
                                                    "advice": phrase("render.advice.loop")})
    return Problem("render.not_a_group", params={"field": name, "parent": repr(str(parent))[:60],
                                                "kind": phrase("render.kind.plain_text"), "advice": ""})


def _open(path: Path):
    from docxtpl import DocxTemplate

    from grantcalc.package import read_template

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
    from docxtpl import DocxTemplate, InlineImage
    from jinja2 import TemplateError, TemplateSyntaxError
    from jinja2.exceptions import SecurityError
    from lxml.etree import XMLSyntaxError

    env, properties_env, limits = environments()
    template = _open(path)
    plain = build_fields(computation, lang, today=today)
    try:
        used = template.get_undeclared_template_variables(env)
    except TemplateSyntaxError as err:
        raise SourceError(_syntax(err, path)) from None
    except RecursionError:  # brackets or blocks inside each other thousands deep: Jinja's parser recurses
        raise SourceError(Problem("render.template_nesting", file=str(path), params={"where": ""})) from None
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
    context = {key: fields[key] for key in fields.keys()}  # noqa: SIM118 - a Node has keys() but no __iter__

    template.render_properties = lambda ctx, jinja_env=None: DocxTemplate.render_properties(template, ctx,
                                                                                          properties_env)
    limits.start()
    try:
        template.render(context, jinja_env=env, autoescape=True)
    except UnknownField as err:
        problem = _unknown_field(err, fields)
        raise SourceError(Problem(problem.code, file=str(path), params=problem.params)) from None
    except _ChartMissing as err:
        raise SourceError(Problem("render.chart_missing", file=str(path),
                                  params={"field": f"charts.{err.args[0]}", "install": chart.INSTALL_HINT})) from None
    except TemplateRefused as err:
        raise SourceError(err.problem(path)) from None
    except TemplateSyntaxError as err:
        raise SourceError(_syntax(err, path)) from None
    except SecurityError as err:  # Jinja's own sandbox, should a check of ours have let something through
        refused = TemplateRefused("render.template_unsafe", str(err)[:120], context=_error_line(err, limits) or "")
        raise SourceError(refused.problem(path)) from None
    except TemplateError as err:
        raise SourceError(Problem("render.template_error", file=str(path), params={"reason": str(err)})) from None
    except XMLSyntaxError as err:  # e.g. {{ '<w:p>'|safe }} in a header: what Jinja wrote is no XML
        raise SourceError(Problem("render.template_error", file=str(path), params={"reason": f"XML: {err}"})) from None
    except RecursionError as err:  # nested too deep for Jinja's compiler, or for Python
        line = _error_line(err, limits)
        where = phrase("render.limit.near", context=line) if line else ""
        raise SourceError(Problem("render.template_nesting", file=str(path), params={"where": where})) from None
    except Exception as err:
        line = _error_line(err, limits)
        if line is None:  # not raised by the template's code: a bug, reported as one
            raise
        said = f"{type(err).__name__}: {err}" if str(err) else type(err).__name__
        reason = phrase("render.reason_near", reason=said, context=line) if line else said
        raise SourceError(Problem("render.template_error", file=str(path), params={"reason": reason})) from None
    # a new document, not the template: its own properties (a title the template gives is kept);
    # the rendered document itself: get_docx() would read the template again
    document = template.docx
    project = computation.budget.project
    word.set_properties(document, title=None if document.core_properties.title else project.name,
                        author=project.applicant or "", lang=lang)
    return template


def _error_line(err: BaseException, limits: Limits) -> str | None:
    """The placeholder an error was raised at, from the traceback Jinja rewrites to point into the
    template; None when the error was not raised while the template's code ran."""
    lineno = None
    tb = err.__traceback__
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == "<template>":
            lineno = tb.tb_lineno
        tb = tb.tb_next
    return None if lineno is None else line_text(limits.source, lineno)


def _syntax(err: Any, path: Path) -> Problem:
    context = " ".join(tag_text(x) for x in getattr(err, "docx_context", []) or [] if tag_text(x))
    if not context and err.source:
        lines = err.source.splitlines()
        index = max((err.lineno or 1) - 1, 0)
        context = tag_text("\n".join(lines[max(index - 1, 0): index + 2]))
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
