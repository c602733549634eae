"""Stage 2: computation of a budget (see :mod:`grantcalc.compute.engine`)."""

from grantcalc.compute.computation import Cell, Computation
from grantcalc.compute.engine import compute
from grantcalc.compute.formula import Formula, Step, Term

__all__ = ["compute", "Computation", "Cell", "Formula", "Step", "Term"]
