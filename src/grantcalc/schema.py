"""The JSON Schema of a budget file, for editors (autocomplete, typos flagged).

Use it in VS Code (YAML extension) with a first line
``# yaml-language-server: $schema=grantcalc-budget.schema.json``.
"""

from __future__ import annotations

from typing import Any

__all__ = ["budget_schema", "SCHEMA_ID"]

SCHEMA_ID = "https://grantcalc.invalid/schema/budget-1.json"


def budget_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12, ``$id`` :data:`SCHEMA_ID`) of a budget file as a dict, made
    from the budget model; a party and a category may also be written as a plain name, a line's stated
    rate as the rate alone."""
    from grantcalc.budget.model import Budget

    schema = Budget.model_json_schema(mode="validation")
    defs = schema.get("$defs", {})
    name_alone = {"type": "string", "minLength": 1}
    alone = {"Party": name_alone, "CategorySpec": name_alone}  # both also accept a plain name
    if "StatedRate" in defs:  # a line's stated rate may be the rate alone: "ca 4 %"
        alone["StatedRate"] = defs["StatedRate"]["properties"]["rate"]
    for name, plain in alone.items():
        if name in defs:
            defs[name] = {"anyOf": [defs[name], plain], "description": defs[name].get("description", "")}
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": SCHEMA_ID,
            "title": "grantcalc budget", **{k: v for k, v in schema.items() if k != "title"}}
