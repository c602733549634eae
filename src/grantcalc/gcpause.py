"""Pausing Python's cyclic garbage collector while a stage builds many small objects.

Loading, computing and checking a budget allocate a few objects per value and
per cell (dicts, ``Fraction``, ``Decimal``, cells and formula steps) and keep
nearly all of them; none forms a reference cycle. The collector, which runs
every few hundred allocations, would scan the same growing heap again and
again: for a budget of 10 000 lines × 10 years that is 0.9 s of its 2.2 s
compute (``benchmarks/run.py``, section Scaling). Reference counting still frees
everything as usual; the collector is switched back on afterwards (and left
alone if the caller had switched it off), and its next run looks at what the
stage kept once. The command line runs each whole command paused (imports,
load, compute, check and report), since the process ends right after it.
"""

from __future__ import annotations

import functools
import gc
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import ParamSpec, TypeVar

__all__ = ["paused", "gc_paused"]

P = ParamSpec("P")
R = TypeVar("R")


@contextmanager
def paused() -> Iterator[None]:
    """The block runs without cyclic garbage collection."""
    if not gc.isenabled():  # switched off by the caller (or an enclosing pause): leave it so
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def gc_paused(fn: Callable[P, R]) -> Callable[P, R]:
    """``fn`` runs inside :func:`paused`."""
    @functools.wraps(fn)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        with paused():
            return fn(*args, **kwargs)
    return wrapper
