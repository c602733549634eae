"""Messages: a problem's code and parameters rendered as the text a user reads.

The texts themselves live in :mod:`grantcalc.catalogue`, one file per language
(``catalogue/sv.py``, ``catalogue/en.py``), under the problem's code. Codes are
stable (they appear in machine-readable output); texts may improve. Templates
use ``str.format`` with the problem's parameters; numbers in parameters are
formatted for the language before substitution. :data:`CATALOG` is a read-only
view of the catalogue: code → its texts in every language.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from decimal import Decimal
from typing import Any

from grantcalc import catalogue

__all__ = ["render", "severity_word", "CATALOG", "Bilingual", "phrase"]


class Bilingual:
    """A message parameter that reads differently in each language (a figure formatted by
    each language's rules, a text of the catalogue), made only when a message is rendered in
    that language: a Swedish report never loads English locale data."""

    __slots__ = ("_make",)

    def __init__(self, make: Callable[[str], str]):
        self._make = make  # lang -> str

    def text(self, lang: str) -> str:
        """The parameter as it reads in ``lang`` (``"sv"``, ``"en"``), made now."""
        return self._make(lang)

    def _both(self) -> tuple[str, ...]:
        return tuple(self._make(lang) for lang in catalogue.LANGS)

    @staticmethod
    def pick(values: tuple[str, ...], lang: str) -> str:
        """The text for ``lang`` of a tuple given in every language (``catalogue.pick``)."""
        return catalogue.pick(values, lang)

    # read like the (Swedish, English) pair such parameters were: value[0], tuple(value), ==
    def __getitem__(self, index: int) -> str:
        return self._both()[index]

    def __iter__(self) -> Iterator[str]:
        return iter(self._both())

    def __len__(self) -> int:
        return len(catalogue.LANGS)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, tuple):
            return self._both() == other
        return isinstance(other, Bilingual) and self._both() == other._both()

    def __hash__(self) -> int:
        return hash(self._both())

    def __repr__(self) -> str:
        return f"Bilingual{self._both()!r}"


class _Catalog(Mapping[str, tuple[str, ...]]):
    """Every text of :mod:`grantcalc.catalogue` by key (a problem's code): its texts in
    every language, in the order of ``catalogue.LANGS`` (Swedish, English). Read-only: the
    texts live in the language files, ``grantcalc/catalogue/<lang>.py``."""

    def __getitem__(self, code: str) -> tuple[str, ...]:
        if not catalogue.has(code):
            raise KeyError(code)
        return catalogue.texts(code)

    def __contains__(self, code: object) -> bool:
        return isinstance(code, str) and catalogue.has(code)

    def __iter__(self) -> Iterator[str]:
        return iter(catalogue.keys())

    def __len__(self) -> int:
        return len(catalogue.keys())

    def __repr__(self) -> str:
        return f"<the catalogue: {len(self)} texts in {', '.join(catalogue.LANGS)}>"


CATALOG: Mapping[str, tuple[str, ...]] = _Catalog()


def phrase(key: str, **params: Any) -> Bilingual:
    """A text of the catalogue as a message parameter (a part of a message, ``render.limit.*``,
    ``render.kind.*``…), rendered with ``params`` in the language the message is shown in."""
    return Bilingual(lambda lang: render(key, params, lang))


def severity_word(severity: str, lang: str = "sv") -> str:
    """The word for ``severity`` in ``lang``: ``"warning"`` → ``varning`` (sv) / ``warning`` (en);
    :class:`~grantcalc.catalogue.UnknownText` for an unknown severity."""
    return catalogue.text(f"severity.{severity}", lang)


# parameters that are years or list indexes: never grouped ("2025", not "2 025")
_VERBATIM = frozenset({"year", "first", "number", "previous_year"})
# parameters that are amounts of money: "1 085 966 kr"; differences carry their sign: "+1 kr"
_MONEY = frozenset({"costs", "financing", "stated", "computed", "difference", "expected", "product", "result",
                    "cap", "plan", "cost", "impact", "previous", "exact", "amount", "others", "base", "salary",
                    "monthly", "previous_monthly", "excess"})
_SIGNED = frozenset({"difference"})
_PERCENT = frozenset({"rate", "share", "fte"})


def _fmt(value: Any, lang: str, key: str = "") -> Any:
    from fractions import Fraction

    if isinstance(value, Bilingual):
        return value.text(lang)
    if _in_every_language(value):
        return catalogue.pick(value, lang)
    if isinstance(value, (Decimal, Fraction)) or (isinstance(value, int) and not isinstance(value, bool)):
        from grantcalc import formatting as fmt

        if key in _MONEY:
            return fmt.money(value, lang, signed=key in _SIGNED)  # differences carry a sign: "+1 kr" / "SEK +1"
        if key in _PERCENT:
            return fmt.percent(value, lang)
        if key in ("factor", "on_cost"):
            return fmt.factor(value, lang)
        return fmt.number(value, lang)
    return value


def _in_every_language(value: Any) -> bool:
    """A text given in every language: a tuple of strings in the order of ``catalogue.LANGS``
    (the (Swedish, English) pairs of budget years' labels)."""
    return isinstance(value, tuple) and 2 <= len(value) <= max(2, len(catalogue.LANGS)) and \
        all(isinstance(v, str) for v in value)


def render(code: str, params: dict[str, Any], lang: str = "sv", fallback: str | None = None) -> str:
    """The message ``code`` in ``lang``, ``params`` formatted for the language (``costs=1085966`` →
    ``1 085 966 kr``; years as they are) and ``did_you_mean`` as its ``{hint}``; ``fallback``, else the
    code, when the catalogue has no such text, and ``fallback``, else the bare template, when ``params``
    do not fit it. ``ValueError`` for an unknown language."""
    if not catalogue.has(code, lang):
        return fallback or code
    template = catalogue.text(code, lang)
    values = {k: v if k in _VERBATIM and not isinstance(v, (tuple, Bilingual)) else _fmt(v, lang, k)
              for k, v in params.items()}
    suggestion = params.get("did_you_mean")
    values["hint"] = catalogue.text("message.did_you_mean", lang).format(suggestion=suggestion) if suggestion else ""
    try:
        return template.format(**values)
    except (KeyError, IndexError, ValueError):
        return fallback or template
