"""The message catalog: every text a user reads about a problem, in sv and en.

Codes are stable (they appear in machine-readable output); texts may improve.
Templates use ``str.format`` with the problem's parameters; numbers in
parameters are formatted for the language before substitution.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

__all__ = ["render", "severity_word", "CATALOG"]

# code: (Swedish, English)
CATALOG: dict[str, tuple[str, str]] = {
    # --- reading files
    "file.missing": ("filen finns inte", "file not found"),
    "file.unreadable": ("filen kan inte läsas: {reason}", "cannot read the file: {reason}"),
    "file.is_directory": ("är en mapp, inte en fil", "is a directory, not a file"),
    "file.empty": ("filen är tom: skriv en budget (se exemplen i examples/)",
                   "the file is empty: write a budget (see examples/)"),
    "file.encoding": ("filen är inte sparad som UTF-8 (ett tecken på raden går inte att läsa); spara den som UTF-8",
                      "the file is not saved as UTF-8 (a character on the line cannot be read); save it as UTF-8"),
    "file.format": ("okänt filformat {suffix!r}: använd .yaml, .yml, .toml eller .json",
                    "unknown file format {suffix!r}: use .yaml, .yml, .toml or .json"),
    "file.too_large": ("filen är för stor ({size} byte; högst {limit})",
                       "the file is too large ({size} bytes; at most {limit})"),
    "file.too_many_values": ("filen blir för stor när dess alias (*namn) har ersatts: mer än {limit} värden",
                             "the file grows too large once its aliases (*name) are expanded: more than {limit} values"),
    "syntax.yaml": ("YAML-fel: {reason}", "YAML syntax error: {reason}"),
    "syntax.json": ("JSON-fel: {reason}", "JSON syntax error: {reason}"),
    "syntax.toml": ("TOML-fel: {reason}", "TOML syntax error: {reason}"),
    "syntax.duplicate_key": ("nyckeln {key!r} förekommer två gånger", "the key {key!r} occurs twice"),
    "syntax.tag": ("YAML-taggen {tag} är inte tillåten i en budget", "the YAML tag {tag} is not allowed in a budget"),
    "syntax.not_mapping": ("en budget ska bestå av nycklar med värden och börja med project:, period: och lines:",
                           "a budget must be a mapping with the keys project, period and lines"),
    "syntax.key_type": ("nyckeln {key!r} ska vara text", "the key {key!r} must be text"),
    "output.exists": ("{path} finns redan: välj ett annat namn eller lägg till --force för att skriva över",
                      "{path} exists already: choose another name or add --force to overwrite it"),
    "output.no_folder": ("mappen {folder} finns inte", "the folder {folder} does not exist"),
    # --- values (pydantic error types and our own)
    "invalid.missing": ("saknas", "is missing"),
    "invalid.extra_forbidden": ("okänd nyckel{hint}", "unknown key{hint}"),
    "invalid.greater_than": ("måste vara större än {gt}", "must be greater than {gt}"),
    "invalid.greater_than_equal": ("måste vara minst {ge}", "must be at least {ge}"),
    "invalid.less_than": ("måste vara mindre än {lt}", "must be less than {lt}"),
    "invalid.less_than_equal": ("får vara högst {le}", "must be at most {le}"),
    "invalid.not_a_number": ("{value!r} är inte ett tal", "{value!r} is not a number"),
    "invalid.too_large": ("{value!r} är orimligt stort (högst {limit})", "{value!r} is unreasonably large (at most {limit})"),
    "invalid.not_finite": ("måste vara ett ändligt tal", "must be a finite number"),
    "invalid.percent_not_allowed": ("{value!r}: procent går inte här, skriv ett tal",
                                    "{value!r}: a percentage is not allowed here, write a number"),
    "invalid.decimal_parsing": ("är inte ett tal", "is not a number"),
    "invalid.decimal_type": ("ska vara ett tal", "must be a number"),
    "invalid.int_parsing": ("ska vara ett heltal", "must be a whole number"),
    "invalid.int_type": ("ska vara ett heltal", "must be a whole number"),
    "invalid.int_from_float": ("ska vara ett heltal", "must be a whole number"),
    "invalid.string_type": ("ska vara text", "must be text"),
    "invalid.string_too_short": ("får inte vara tom", "must not be empty"),
    "invalid.bool_type": ("ska vara true eller false", "must be true or false"),
    "invalid.dict_type": ("ska vara nycklar med värden (nyckel: värde)", "must be a mapping (key: value)"),
    "invalid.model_type": ("ska vara nycklar med värden (nyckel: värde)", "must be a mapping (key: value)"),
    "invalid.model_attributes_type": ("ska vara nycklar med värden (nyckel: värde)", "must be a mapping (key: value)"),
    "invalid.list_type": ("ska vara en lista", "must be a list"),
    "invalid.too_short": ("ska ha minst {min_length} element", "must have at least {min_length} items"),
    "invalid.date_type": ("ska vara ett datum åååå-mm-dd", "must be a date yyyy-mm-dd"),
    "invalid.date_parsing": ("ska vara ett datum åååå-mm-dd", "must be a date yyyy-mm-dd"),
    "invalid.date_from_datetime_parsing": ("ska vara ett datum åååå-mm-dd", "must be a date yyyy-mm-dd"),
    "invalid.date_from_datetime_inexact": ("ska vara ett datum utan klockslag", "must be a date without a time"),
    "invalid.literal_error": ("ska vara {expected}", "must be {expected}"),
    "invalid.enum": ("ska vara {expected}", "must be {expected}"),
    "invalid.union_tag_invalid": ("okänd radtyp {tag!r}{hint}; kända: {expected_tags_sv}",
                                  "unknown line kind {tag!r}{hint}; known: {expected_tags}"),
    "invalid.union_tag_not_found": ("saknar kind (radtyp: {expected_tags_sv})",
                                    "has no kind (line kind: {expected})"),
    "invalid.on_cost_below_one": (
        "påslaget {value} är under 1: skriv 1.42 (eller \"42 %\") för 42 % personalomkostnader",
        "the on-cost factor {value} is below 1: write 1.42 (or \"42 %\") for 42 % on-costs"),
    "invalid.rate_too_high": ("{value} är orimligt hög som andel: skriv \"3,3 %\" eller 0.033",
                              "{value} is too high for a rate: write \"3.3 %\" or 0.033"),
    "invalid.month_day": ("ska vara månad-dag, t.ex. \"01-01\" eller \"04-01\"",
                          "must be month-day, e.g. \"01-01\" or \"04-01\""),
    "invalid.year_key": ("{value!r} är inte ett budgetår", "{value!r} is not a budget year"),
    "invalid.one_of": ("ange {options}", "give {options}"),
    "invalid.only_one_of": ("ange bara en av {options}", "give only one of {options}"),
    # --- the budget as a whole
    "budget.period_order": ("perioden slutar {end} före starten {start}",
                            "the period ends ({end}) before it starts ({start})"),
    "budget.duplicate_line": ("radnamnet {name!r} används redan av kostnadsrad nr {number}",
                              "the line name {name!r} is already used by line no. {number}"),
    "budget.unknown_category": ("okänt kostnadsslag {name!r}{hint}; deklarera det under categories eller välj bland: {known}",
                                "unknown category {name!r}{hint}; declare it under categories or choose from: {known}"),
    "budget.unknown_year": ("{year} är inget budgetår i perioden ({years})",
                            "{year} is not a budget year of the period ({years})"),
    "budget.date_outside": ("datumet {date} ligger utanför perioden {start} – {end}",
                            "the date {date} lies outside the period {start} – {end}"),
    "budget.line_dates": ("raden slutar {end} före sin start {start}", "the line ends ({end}) before it starts ({start})"),
    "budget.unknown_line": ("okänd rad {name!r}{hint}", "unknown line {name!r}{hint}"),
    "budget.percentage_cycle": ("procentraderna bildar en cirkel: {cycle}",
                                "the percentage lines form a cycle: {cycle}"),
    "budget.empty_base": ("underlaget för procentsatsen är tomt", "the base of the percentage is empty"),
    "budget.fiscal_month": ("fiscal_year_start gäller bara budget_years: fiscal",
                            "fiscal_year_start applies only to budget_years: fiscal"),
    "budget.duplicate_category": ("kostnadsslaget {name!r} är deklarerat två gånger",
                                  "the category {name!r} is declared twice"),
    # --- plausibility (warnings)
    "plausibility.on_cost_high": (
        "påslaget {value} är över 3 – menade du {suggestion}? (påslaget {suggestion} betyder {percent} % personalomkostnader)",
        "the on-cost factor {value} is above 3 – did you mean {suggestion}? ({suggestion} means {percent} % on-costs)"),
    "plausibility.salary_low": (
        "månadslönen {value} kr är ovanligt låg – menade du {suggestion} kr? (42.350 läses som 42,35)",
        "the monthly salary {value} kr is unusually low – did you mean {suggestion} kr? (42.350 reads as 42.35)"),
    "plausibility.fte_people": ("{fte} tjänst är mer än {people} personer kan bära",
                                "{fte} FTE is more than {people} people can carry"),
}

_SEVERITY = {"error": ("fel", "error"), "warning": ("varning", "warning"), "info": ("info", "info")}


def severity_word(severity: str, lang: str = "sv") -> str:
    sv, en = _SEVERITY[str(severity)]
    return sv if lang == "sv" else en


# parameters that are years or list indexes: never grouped ("2025", not "2 025")
_VERBATIM = frozenset({"year", "first", "number"})


def _fmt(value: Any, lang: str) -> Any:
    if isinstance(value, Decimal) or (isinstance(value, int) and not isinstance(value, bool)):
        from grantcalc.formatting import number

        return number(value, lang)
    return value


def render(code: str, params: dict[str, Any], lang: str = "sv", fallback: str | None = None) -> str:
    entry = CATALOG.get(code)
    if entry is None:
        return fallback or code
    template = entry[0] if lang == "sv" else entry[1]
    values = {k: v if k in _VERBATIM else _fmt(v, lang) for k, v in params.items()}
    suggestion = params.get("did_you_mean")
    values["hint"] = (f" (menade du {suggestion!r}?)" if lang == "sv" else f" (did you mean {suggestion!r}?)") \
        if suggestion else ""
    try:
        return template.format(**values)
    except (KeyError, IndexError, ValueError):
        return fallback or template
