"""Every message of the catalog renders in Swedish and English."""

from __future__ import annotations

import re
import string
from decimal import Decimal

import pytest

from grantcalc.errors import Problem, Severity
from grantcalc.messages import CATALOG, render


def placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


@pytest.mark.parametrize("code", sorted(CATALOG))
def test_both_languages_render(code):
    sv, en = CATALOG[code]
    params = {name: "X" for name in placeholders(sv) | placeholders(en) if name != "hint"}
    for lang, _template in (("sv", sv), ("en", en)):
        text = render(code, params, lang, fallback="FALLBACK")
        # no placeholder left unfilled ({{ field }} in a message about templates is literal text)
        assert text != "FALLBACK" and not re.search(r"(?<!\{)\{\w+(![rs])?\}", text) and text.strip(), \
            (code, lang, text)


def test_numbers_in_messages_are_formatted_for_the_language_but_years_are_not():
    assert render("invalid.greater_than", {"gt": Decimal(1000)}, "sv") == "måste vara större än 1\u00a0000"
    assert render("invalid.greater_than", {"gt": Decimal(1000)}, "en") == "must be greater than 1,000"
    assert render("budget.unknown_year", {"year": 2028, "years": "2024, 2025"}, "sv") == \
        "2028 är inget budgetår i perioden (2024, 2025)"


def test_an_unknown_code_falls_back_to_the_library_text():
    assert render("invalid.some_new_pydantic_type", {}, "sv", fallback="Input should be …") == "Input should be …"


def test_a_problem_formats_with_place_and_severity():
    p = Problem("invalid.greater_than", path=("lines", 2, "fte"), params={"gt": 0}, file="budget.yaml", line=14)
    assert p.format() == "budget.yaml:14: lines[2].fte: måste vara större än 0"
    assert p.format("en") == "budget.yaml:14: lines[2].fte: must be greater than 0"
    w = Problem("plausibility.fte_people", Severity.warning, ("lines", 0, "fte"), {"fte": Decimal("2.5"), "people": 2},
                "b.yaml", 9)
    assert w.format() == "b.yaml:9: lines[0].fte: varning: 250\u00a0% tjänst är mer än 2 personer kan bära"
