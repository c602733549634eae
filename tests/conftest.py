"""Shared test setup.

Every test runs with ``decimal.FloatOperation`` trapped, so any place where a
float meets a Decimal (an amount touched by a float) fails the test.
"""

from __future__ import annotations

import decimal
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"


@pytest.fixture(autouse=True)
def trap_floats():
    with decimal.localcontext() as ctx:
        ctx.traps[decimal.FloatOperation] = True
        yield


@pytest.fixture
def examples_dir() -> Path:
    return EXAMPLES
