"""Scenarios: other values for a budget's parameters, sweeps, goal seek and comparisons.

Analysis beside the pipeline: each scenario is a budget validated like a file
and computed by the same engine, so a scenario's figures are the ones the
document would print.

* :func:`~grantcalc.scenario.parameters.with_values` — a budget with new values;
* :func:`~grantcalc.scenario.sweep.sweep` — totals for a list or grid of values;
* :func:`~grantcalc.scenario.seek.seek` — the value that meets a target or stays within a cap;
* :func:`~grantcalc.scenario.compare.compare` — variants side by side.
"""

from grantcalc.scenario.compare import compare
from grantcalc.scenario.parameters import Parameter, ParameterError, parameter, steps, with_values
from grantcalc.scenario.seek import Seek, seek
from grantcalc.scenario.sweep import sweep

__all__ = ["Parameter", "ParameterError", "parameter", "with_values", "steps", "sweep", "seek", "Seek", "compare"]
