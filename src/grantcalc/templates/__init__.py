"""Bundled templates: the starter budget for ``grantcalc new`` (Word forms come later)."""
