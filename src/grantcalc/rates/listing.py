"""``grantcalc rates``: every rate with its values, the days each is in force, its source and the day it
was last verified; and the rates grantcalc does not ship, with where to find them."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from grantcalc import catalogue
from grantcalc import formatting as fmt
from grantcalc.rates import condition, shown_value, title
from grantcalc.rates.table import Rate, RateTable, RateValue

__all__ = ["listing", "listing_json"]

_INDENT = "    "


def _say(key: str, lang: str, **params: Any) -> str:
    return catalogue.text(key, lang).format(**params)


def _span(value: RateValue, lang: str) -> str:
    end = fmt.format_date(value.end, lang) if value.end is not None else ""
    return _say("rates.span", lang, start=fmt.format_date(value.start, lang), end=end)


def _status(value: RateValue, lang: str) -> str:
    if value.verified is not None:
        return _say("rates.verified", lang, day=fmt.format_date(value.verified, lang))
    return _say("rates.given", lang, given=value.given or "")


def _in_year(rate: Rate, year: int) -> list[RateValue]:
    start, end = date(year, 1, 1), date(year, 12, 31)
    return [v for v in rate.values if v.start <= end and (v.end is None or v.end >= start)]


def listing(table: RateTable, lang: str, name: str | None = None, year: int | None = None) -> str:
    """The rates of ``table`` as ``grantcalc rates`` prints them; ``name``: that rate only (with where
    else each figure was read); ``year``: the values in force that year (a rate with none says which
    value a budget year would take, and that it is past its last verified year)."""
    out = [_say("rates.heading", lang) if year is None else _say("rates.heading_year", lang, year=year), ""]
    names = [name] if name is not None else table.names()
    for key in names:
        rate = table.get(key)
        head = f"{key} – {title(key, rate, lang)}"
        cond = condition(key, lang)
        out.append(f"{head} ({cond})" if cond else head)
        values = rate.values if year is None else _in_year(rate, year)
        if year is not None and not values:
            use = table.use(key, date(year, 1, 1), date(year, 12, 31)) if year >= rate.first.start.year else None
            if use is None:
                out.append(_INDENT + _say("rates.none_yet", lang, year=year, first=fmt.format_date(rate.first.start,
                                                                                                      lang)))
                out.append("")
                continue
            out.append(_INDENT + _say("rates.beyond", lang, year=year, last=use.value.last_year))
            values = [use.value]
        for value in values:
            shown = shown_value(value.value, rate.kind, lang)
            out.append(f"{_INDENT}{shown}  {_span(value, lang)}  {_status(value, lang)}")
            source = value.source
            cited = f"{source.title} ({source.reference})" if source.reference else source.title
            out.append(f"{_INDENT}{_INDENT}{cited}")
            if source.url:
                out.append(f"{_INDENT}{_INDENT}{source.url}")
            if name is not None:
                out += [f"{_INDENT}{_INDENT}{_say('rates.seen', lang, text=seen)}" for seen in value.seen]
        if table.origin.get(key) and table.origin[key] not in _families_shipped():
            out.append(_INDENT + _say("rates.own_file", lang, path=table.origin[key]))
        out.append("")
    missing = {k: v for k, v in table.missing.items() if name is None or k == name}
    if missing:
        out.append(_say("rates.missing_heading", lang))
        for key, entry in missing.items():
            out.append(f"{_INDENT}{key} – {title(key, None, lang)}: {entry.years}")
            out.append(f"{_INDENT}{_INDENT}{_say('rates.where', lang, where=entry.where.title)}")
            if entry.where.url:
                out.append(f"{_INDENT}{_INDENT}{entry.where.url}")
    return "\n".join(out).rstrip("\n")


def _families_shipped() -> set[str]:
    from grantcalc.rates import FAMILIES

    return set(FAMILIES)


def _value_dict(value: RateValue) -> dict[str, Any]:
    return {"value": format(value.value, "f"), "from": value.start.isoformat(),
            "to": value.end.isoformat() if value.end else None,
            "source": {"title": value.source.title, "reference": value.source.reference, "url": value.source.url},
            "verified": value.verified.isoformat() if value.verified else None, "given": value.given,
            "seen": list(value.seen)}


def listing_json(table: RateTable, lang: str, name: str | None = None, year: int | None = None) -> str:
    """The same as JSON: ``{"rates": [{"name", "title", "kind", "family", "values": [...]}], "missing":
    [...]}``; values as exact decimal strings (``"0.3142"``)."""
    rates = []
    for key in [name] if name is not None else table.names():
        rate = table.get(key)
        values = rate.values if year is None else _in_year(rate, year)
        rates.append({"name": key, "title": title(key, rate, lang), "condition": condition(key, lang),
                      "kind": rate.kind, "family": table.origin.get(key),
                      "values": [_value_dict(v) for v in values]})
    missing = [{"name": key, "title": title(key, None, lang), "years": entry.years,
                "where": {"title": entry.where.title, "url": entry.where.url}}
               for key, entry in table.missing.items() if name is None or key == name]
    return json.dumps({"rates": rates, "missing": missing}, ensure_ascii=False, indent=2)
