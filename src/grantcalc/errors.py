"""Problems and errors.

A :class:`Problem` is a value: a stable code, a severity, where it points to
(file, line, field path) and the parameters of its message. Messages are looked
up in :mod:`grantcalc.messages` in Swedish (default) or English when printed,
so the same problem can be shown in either language.

Exceptions carry problems: :class:`BudgetError` for an invalid budget (all
problems found in one run), :class:`SourceError` for a file that cannot be read.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

__all__ = ["Severity", "Problem", "Findings", "GrantcalcError", "BudgetError", "SourceError", "format_path"]

Path = tuple[str | int, ...]


class Severity(StrEnum):
    """How serious a finding is: ``error`` (*fel*: the budget does not pass), ``warning``
    (*varning*) or ``info``."""

    error = "error"
    warning = "warning"
    info = "info"


def format_path(path: Path) -> str:
    """``("lines", 2, "fte")`` → ``lines[2].fte``."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out


@dataclass(frozen=True)
class Problem:
    """One problem found: its stable ``code``, ``severity``, field ``path`` (``("lines", 2, "fte")``) and
    the ``params`` of its message; ``file`` and ``line`` once located, ``fallback`` the text shown
    when the catalogue has none."""

    code: str
    severity: Severity = Severity.error
    path: Path = ()
    params: dict[str, Any] = field(default_factory=dict)
    file: str | None = None
    line: int | None = None
    fallback: str | None = None  # text from a library when no catalog entry exists

    def message(self, lang: str = "sv") -> str:
        """The message in ``lang`` (``"sv"``, ``"en"``), its parameters formatted for the language;
        the ``fallback`` text, else the code, when the catalogue has no text for the code."""
        from grantcalc.messages import render

        return render(self.code, self.params, lang, self.fallback)

    def where(self) -> str:
        """Where it points to: ``budget.yaml:14``, the file alone when the line is unknown, ``""`` when
        unlocated."""
        if self.file and self.line:
            return f"{self.file}:{self.line}"
        return self.file or ""

    def format(self, lang: str = "sv") -> str:
        """``budget.yaml:14: lines[2].fte: måste vara större än 0``."""
        from grantcalc.messages import severity_word

        parts = [p for p in (self.where(), format_path(self.path)) if p]
        prefix = "".join(f"{p}: " for p in parts)
        word = "" if self.severity is Severity.error else f"{severity_word(self.severity, lang)}: "
        return f"{prefix}{word}{self.message(lang)}"

    def __str__(self) -> str:
        return self.format("en")


class Findings:
    """What a result with ``findings`` (a list of :class:`Problem`) says of them, by severity:
    the check's result and the follow-up's share it."""

    findings: list[Problem]

    def of(self, severity: Severity | str) -> list[Problem]:
        """The findings of ``severity`` (``Severity.warning`` or ``"warning"``), in order."""
        return [p for p in self.findings if p.severity == severity]

    @property
    def errors(self) -> list[Problem]:
        """The findings that are errors (*fel*): any one makes the budget fail."""
        return self.of(Severity.error)

    @property
    def warnings(self) -> list[Problem]:
        """The findings that are warnings (*varningar*): they fail only a strict run."""
        return self.of(Severity.warning)

    @property
    def infos(self) -> list[Problem]:
        """The findings for information only, such as those ``check --implied`` adds."""
        return self.of(Severity.info)

    @property
    def codes(self) -> list[str]:
        """The code of every finding, in order: ``["balance.year", "stated.line_year"]``."""
        return [p.code for p in self.findings]


class GrantcalcError(Exception):
    """Base of every error grantcalc raises on purpose."""

    def __init__(self, problems: list[Problem] | Problem):
        self.problems = [problems] if isinstance(problems, Problem) else list(problems)
        super().__init__("\n".join(p.format("en") for p in self.problems))

    def format(self, lang: str = "sv") -> str:
        """Every problem formatted in ``lang`` (:meth:`Problem.format`), one per line."""
        return "\n".join(p.format(lang) for p in self.problems)


class BudgetError(GrantcalcError):
    """The budget is invalid: every problem found, each with its place."""


class SourceError(GrantcalcError):
    """A budget file that cannot be read or parsed."""
