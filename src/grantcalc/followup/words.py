"""The words and figures of the follow-up and the diff, in the language they are shown in.

Message parameters made here (:class:`~grantcalc.messages.Bilingual`) are formatted when a
message is rendered, in its language: ``money(Decimal(1000))`` reads ``1 000 kr`` in Swedish and
``SEK 1,000`` in English.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

from grantcalc import catalogue
from grantcalc import formatting as fmt
from grantcalc.messages import Bilingual

__all__ = ["money", "percent", "say", "share_text"]


def money(value: Decimal, signed: bool = False) -> Bilingual:
    """An amount as a message parameter: ``1 000 kr`` (``+1 000 kr`` when ``signed``)."""
    return Bilingual(lambda lang: fmt.money(value, lang, signed=signed))


def percent(value: Fraction | Decimal) -> Bilingual:
    """A share as a message parameter, to whole per cent (one decimal under 10 %): ``26 %``."""
    return Bilingual(lambda lang: share_text(value, lang))


def share_text(value: Fraction | Decimal | None, lang: str) -> str:
    """A share as a reader reads it: ``97 %``, ``4,5 %``, ``–`` for none."""
    if value is None:
        return "–"
    share = Fraction(value)
    places = 1 if share and abs(share) < Fraction(1, 10) else 0
    return fmt.percent(fmt.to_display_decimal(share * 100, places) / 100, lang, max_decimals=places)


def say(key: str, lang: str) -> str:
    """A word of the follow-up's and the diff's tables, ``followup.word.<key>`` in the catalogue."""
    return catalogue.text(f"followup.word.{key}", lang)
