"""After the grant: the outcome against the budget, revised budgets and their difference, and the
participants with the cost per participant.

* :func:`follow_up` (``computation.followup(...)``, ``grantcalc followup``): the outcome
  (*utfall*) per line and year against the budget, time against money, the forecast at the current
  rate, financing received, participants reached, and findings (:mod:`.followup`); the outcome
  from the budget file's ``actuals:`` or a ledger CSV (:mod:`.ledger`);
* :func:`diff` (``budget.diff(revised)``, ``grantcalc diff``): what changed between two versions
  and its effect, judged by the funder's rules on revisions (:mod:`.diff`, :mod:`.rules`);
  two git revisions of one file through :func:`~grantcalc.followup.git.git_show`;
* :func:`participant_rows` / :func:`participants_frame`: per budget year the people and places
  planned, and the cost per participant and per place (:mod:`.participants`).

This stage reads the computation and the check below it and uses the report stage's tables
(:mod:`grantcalc.report.text`) and chart helpers; the command line and the façade are above it.
"""

from grantcalc.followup.diff import Change, Diff, Effect, diff
from grantcalc.followup.followup import FollowUp, Forecast, Row, follow_up
from grantcalc.followup.ledger import Booking, Ledger, parse_ledger, read_ledger
from grantcalc.followup.participants import ParticipantRow, participant_rows, participants_frame
from grantcalc.followup.report import UtfallRow, utfall_rows

__all__ = ["follow_up", "FollowUp", "Forecast", "Row", "diff", "Diff", "Change", "Effect", "read_ledger",
           "parse_ledger", "Ledger", "Booking", "participant_rows", "participants_frame", "ParticipantRow",
           "utfall_rows", "UtfallRow"]
