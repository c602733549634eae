"""Cost categories (*kostnadsslag*).

The usual categories of Finsam, ESF and Arvsfonden budgets are built in and can
be named by key (``staff``) or by their Swedish or English name
(``Lönekostnader``, ``Staff costs``), case-insensitively. A budget may declare
its own under ``categories``; declared ones also fix the order of tables.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Category", "BUILTIN", "normalise"]


@dataclass(frozen=True, slots=True)
class Category:
    key: str
    sv: str
    en: str

    def name(self, lang: str = "sv") -> str:
        return getattr(self, lang, self.en)  # the name in lang's field (sv, en); English in another language


BUILTIN: tuple[Category, ...] = (
    Category("staff", "Lönekostnader", "Staff costs"),
    Category("project_management", "Projektledning", "Project management"),
    Category("external_services", "Externa tjänster", "External services"),
    Category("places", "Platser", "Places"),
    Category("premises", "Lokalkostnader", "Premises"),
    Category("material", "Material", "Materials"),
    Category("equipment", "Utrustning", "Equipment"),
    Category("travel", "Resekostnader", "Travel"),
    Category("participants", "Deltagarkostnader", "Participant costs"),
    Category("training", "Kompetensutveckling", "Training"),
    Category("supervision", "Handledning", "Supervision"),
    Category("evaluation", "Utvärdering", "Evaluation"),
    Category("administration", "Administration", "Administration"),
    Category("indirect", "Indirekta kostnader", "Indirect costs"),
    Category("other", "Övriga kostnader", "Other costs"),
)


def normalise(text: str) -> str:
    return " ".join(text.casefold().split())
