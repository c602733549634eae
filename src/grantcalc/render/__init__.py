"""Stage 4, render: the application written as a Word document from the computation.

``render(budget, "ansokan.docx")`` fills in a template and writes it safely:

- a **built-in form** by name (:func:`templates`): a funder's own form, word for word
  (``samordningsforbund-gavleborg``, ``samordningsforbund-kalmar``), chosen from the
  budget's ``project.funder`` by default; ``samordningsforbund``, a generic
  samordningsförbund form for the others; or ``projektets-ekonomi``, the budget
  justification year by year;
- a **form description** of one's own (``.yaml``, the format of the built-in ones);
- the user's **own .docx** with ``{{ fields }}`` (:mod:`grantcalc.render.user`).

Every figure comes from :mod:`grantcalc.render.fields`, formatted once. The
file is written to a temporary name and renamed, so a failure never leaves a
half-written document, and an existing file is kept unless ``force``.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from grantcalc.errors import Problem, Severity, SourceError
from grantcalc.inputs import is_folder

if TYPE_CHECKING:
    import datetime as dt

    from grantcalc.budget.model import Budget
    from grantcalc.compute.computation import Computation

__all__ = ["render", "templates", "template_funders", "template_for", "DEFAULT_TEMPLATE", "Rendered",
           "field_listing"]

DEFAULT_TEMPLATE = "samordningsforbund"


@dataclass
class Rendered:
    """What :func:`render` wrote, and what the user should know about it."""

    path: Path
    template: str
    notes: list[Problem] = field(default_factory=list)  # warnings: charts left out, an unbalanced budget


def templates(lang: str = "sv") -> dict[str, str]:
    """The built-in templates: name → what it holds, the default first."""
    from grantcalc.render.forms import builtin_forms

    return {name: form.description(lang) for name, form in builtin_forms().items()}


def template_funders() -> dict[str, str]:
    """The built-in forms that are a funder's own: name → the funder (its first name)."""
    from grantcalc.render.forms import builtin_forms

    return {name: form.funders[0] for name, form in builtin_forms().items() if form.funders}


def template_for(funder: str | None) -> str:
    """The built-in form a budget for ``funder`` gets without ``--template``: the funder's own form
    when one is shipped, else the generic samordningsförbund form."""
    from grantcalc.render.forms import form_for

    return form_for(funder)


def _resolve(template: str | Path | None, funder: str | None = None):
    """A built-in form, a form description file, or a user's .docx; without ``template`` the
    form of ``funder``."""
    from grantcalc.render.forms import builtin_forms, load_form

    forms = builtin_forms()
    name = str(template) if template is not None else template_for(funder)
    if name in forms:
        return "form", forms[name], name
    path = Path(name)
    if not _exists(path):
        if path.suffix or "/" in name or "\\" in name:
            raise SourceError(Problem("file.missing", file=name))
        raise SourceError(Problem("render.template_unknown", params={"name": name, "names": ", ".join(forms)}))
    if is_folder(path):
        raise SourceError(Problem("file.is_directory", file=name))
    suffix = path.suffix.lower()
    if suffix == ".docx":  # python-docx opens documents only: a .dotx/.docm is saved as .docx first
        return "docx", path, path.name
    if suffix in (".docm", ".dotm"):
        raise SourceError(Problem("render.template_macros", file=name))
    if suffix in (".yaml", ".yml"):
        from pydantic import ValidationError
        from ruamel.yaml import YAMLError

        from grantcalc.inputs import read_bounded
        from grantcalc.loader.source import MAX_BYTES

        raw = read_bounded(path, MAX_BYTES, name=name)  # capped like a budget file: a form is a few kilobytes
        try:
            return "form", load_form(raw.decode("utf-8-sig")), path.name
        except (ValidationError, YAMLError, UnicodeDecodeError, TypeError) as err:
            reason = str(err).splitlines()[0] if not isinstance(err, ValidationError) else "; ".join(
                f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in err.errors()[:5])
            raise SourceError(Problem("render.form_invalid", file=name, params={"reason": reason})) from None
    raise SourceError(Problem("render.template_format", file=name, params={"suffix": suffix or name}))


def _exists(path: Path) -> bool:
    """Whether anything is at ``path``; a name that cannot be looked up (too long, a folder
    one may not enter) counts as there, so reading it says why."""
    try:
        return os.path.lexists(path) or path.exists()
    except (OSError, ValueError):
        return True


def render(source: Budget | Computation, path: str | Path, *, template: str | Path | None = None,
           lang: str | None = None, force: bool = False, charts: bool = True,
           today: dt.date | None = None) -> Rendered:
    """Write the application for ``source`` to ``path`` (.docx).

    ``template``: a built-in name (default: the form of the budget's funder when one is
    shipped, else ``samordningsforbund``), a ``.yaml`` form description or a ``.docx`` of
    one's own. ``lang``: ``sv`` (default: the budget's) or ``en``. ``charts`` False leaves the pictures out.
    Raises :class:`~grantcalc.errors.SourceError` for a problem the user can fix.
    """
    from grantcalc.compute.computation import Computation
    from grantcalc.write import check_output, write_atomic

    computation = source if isinstance(source, Computation) else source.compute()
    lang = lang or computation.budget.language
    target = check_output(path, force=force)  # before the work, not only when the file is written
    if target.suffix.lower() != ".docx":
        raise SourceError(Problem("output.suffix", params={"path": str(target)}))
    kind, spec, name = _resolve(template, computation.budget.project.funder)
    notes: list[Problem] = []
    financing = computation.financing
    if not financing.balanced:
        notes.append(Problem("render.unbalanced", Severity.warning,
                             params={"costs": computation.total, "financing": financing.total}))
    if kind == "docx":
        from grantcalc.render.user import render_user_template

        document = render_user_template(spec, computation, lang, today=today)
    else:
        from grantcalc.render import chart
        from grantcalc.render.fields import build_fields
        from grantcalc.render.forms import build_document

        pictures = None
        if charts and spec.charts:  # a form without a chart needs no matplotlib
            if chart.available():
                pictures = {"costs": chart.costs_chart(computation, lang)}
                if chart.funders_with_amounts(computation) > 1:  # one funder: the costs chart says it all
                    pictures["financing"] = chart.financing_chart(computation, lang)
            else:
                notes.append(Problem("render.charts_left_out", Severity.warning,
                                     params={"install": chart.INSTALL_HINT}))
        fields = build_fields(computation, lang, today=today)
        document = build_document(spec, fields, computation, lang, pictures)
    write_atomic(target, lambda tmp: document.save(str(tmp)), force=force)
    return Rendered(target, name, notes)


def field_listing(lang: str = "sv", values: Computation | None = None) -> str:
    """Every field a template can use, with what it holds (and its value for ``values``)."""
    from grantcalc import catalogue
    from grantcalc.render.fields import FIELDS, build_fields, walk

    shown: dict[str, object] = {}
    if values is not None:
        for key, value in walk(build_fields(values, lang)):
            shown.setdefault(key, value)
    width = max(len(path) for path, *_ in FIELDS)
    out = [catalogue.text("field.intro", lang).format(), ""]
    for path, *descriptions in FIELDS:
        line = f"{path.ljust(width)}  {catalogue.pick(descriptions, lang)}"
        value = shown.get(path)
        if isinstance(value, str) and value:
            line += f"  [{value if len(value) <= 60 else value[:59] + '…'}]"
        elif isinstance(value, list) and value and isinstance(value[0], str):
            line += f"  [{', '.join(value)}]"
        out.append(line)
    return "\n".join(out)
