"""The catalogue: every text a user reads, in every language, one file per language.

Each module of this package is a language, named by its code: ``sv.py`` (Swedish, the
default) and ``en.py`` (English). A language file defines

- ``LOCALE``: the babel locale its figures are formatted in (``"sv_SE"``, ``"en_GB"``);
- ``NAME``: the language's own name (``"svenska"``, ``"English"``);
- ``TEXTS``: ``dict[str, str]``, every text by its key.

Keys are namespaced: a problem's message under its stable code (``file.missing``,
``balance.year``, ``oserror.ENOSPC``), and the words of the outputs by where they are
shown: ``word.*`` (the tables), ``report.*`` (the check report), ``sheet.*`` and
``excel.*`` (workbooks), ``frame.*``, ``sweep.*``, ``seek.says.*`` (scenarios),
``chart.*``, ``form.*`` and ``field.*`` (documents), ``formula.*``, ``format.*``
(patterns such as the currency: ``"{amount}\\u00a0kr"``), ``cli.*`` and ``argparse.*``.
Every text is a ``str.format`` template: a literal brace is written twice.

Adding a language is adding one file: copy ``en.py`` to ``de.py``, set its ``LOCALE``
and ``NAME`` and translate ``TEXTS`` (keeping the keys and the ``{placeholders}``);
``tests/test_catalogue.py`` checks that every language has the keys and placeholders
of ``sv.py``. The languages are found from the package's modules (:data:`LANGS`), and a
language's file is imported the first time one of its texts is asked for, so a Swedish
report never loads the English texts.

This is the lowest layer of grantcalc: it imports nothing else from it.
"""

from __future__ import annotations

import importlib
import os
from collections.abc import KeysView, Sequence
from types import ModuleType

__all__ = ["LANGS", "DEFAULT", "FALLBACK", "UnknownText", "text", "texts", "has", "keys", "pick", "locale_of",
           "tag_of", "name_of", "language"]

DEFAULT = "sv"  # the language of a budget that names none, and of the command line
FALLBACK = "en"  # what a text given in fewer languages than there are (a (sv, en) pair) shows in the others


def _discover() -> tuple[str, ...]:
    """The languages: the modules of this package (not imported here), the default first.

    The package's folder is listed directly (``pkgutil`` costs a few milliseconds of every
    start-up); a package that is no folder (inside a zip) is asked through ``pkgutil``."""
    found: set[str] = set()
    try:
        for folder in __path__:
            with os.scandir(folder) as entries:
                found.update(entry.name[:-3] for entry in entries
                             if entry.name.endswith(".py") and not entry.name.startswith("_"))
    except OSError:
        import pkgutil

        found = {m.name for m in pkgutil.iter_modules(__path__) if not m.ispkg and not m.name.startswith("_")}
    return tuple(sorted(found, key=lambda name: (name != DEFAULT, name)))


LANGS: tuple[str, ...] = _discover()

_LOADED: dict[str, ModuleType] = {}


class UnknownText(KeyError):
    """A key that no text in the catalogue has."""

    def __init__(self, key: str, lang: str):
        super().__init__(key)
        self.key, self.lang = key, lang

    def __str__(self) -> str:
        return f"the catalogue has no text {self.key!r} (language {self.lang!r})"


def language(lang: str) -> ModuleType:
    """The language file of ``lang``, imported on first use; ``ValueError`` for an unknown language."""
    module = _LOADED.get(lang)
    if module is None:
        if lang not in LANGS:
            raise ValueError(f"unknown language {lang!r}: use one of {', '.join(LANGS)}")
        module = _LOADED[lang] = importlib.import_module(f"{__name__}.{lang}")
    return module


def text(key: str, lang: str) -> str:
    """The text ``key`` in ``lang`` (a ``str.format`` template): :class:`UnknownText`
    (a ``KeyError``) for an unknown key, ``ValueError`` for an unknown language."""
    try:
        return language(lang).TEXTS[key]
    except KeyError:
        raise UnknownText(key, lang) from None


def texts(key: str) -> tuple[str, ...]:
    """The text ``key`` in every language, in the order of :data:`LANGS`: a message
    parameter given in every language, or the words a user may write in any of them."""
    return tuple(text(key, lang) for lang in LANGS)


def has(key: str, lang: str = DEFAULT) -> bool:
    """True when ``lang`` (default Swedish) has a text ``key``; ``ValueError`` for an unknown language."""
    return key in language(lang).TEXTS


def keys(lang: str = DEFAULT) -> KeysView[str]:
    """Every key of ``lang`` (every language has the same ones)."""
    return language(lang).TEXTS.keys()


def pick(values: Sequence[str], lang: str) -> str:
    """The value for ``lang`` of texts given in the order of :data:`LANGS` (``texts(key)``,
    or a (Swedish, English) pair made before a language was added: that one shows its
    :data:`FALLBACK` text, else the last)."""
    if lang not in LANGS:
        raise ValueError(f"unknown language {lang!r}: use one of {', '.join(LANGS)}")
    index = LANGS.index(lang)
    if index >= len(values):
        index = LANGS.index(FALLBACK) if FALLBACK in LANGS else len(values) - 1
        index = index if index < len(values) else len(values) - 1
    return values[index]


def locale_of(lang: str) -> str:
    """The babel locale figures are formatted in: ``sv_SE``, ``en_GB``."""
    return str(language(lang).LOCALE)


def tag_of(lang: str) -> str:
    """The language tag of a document (BCP 47): ``sv-SE``, ``en-GB``."""
    return locale_of(lang).replace("_", "-")


def name_of(lang: str) -> str:
    """The language's own name: ``svenska``, ``English``."""
    return str(language(lang).NAME)
