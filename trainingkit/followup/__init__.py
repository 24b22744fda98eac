"""Follow-up after the course: rounds and statuses, reminders, action plans item by item,
level 3 and 4 figures, and cohorts compared. Thin CLI in ``trainingkit.cli``; store I/O in
:mod:`.records`, :mod:`.plans` and :mod:`.compare`; the figures are pure (:mod:`.status`,
:mod:`.progress`)."""
from .compare import Comparison, compare
from .figures import followup_figures
from .plans import current_plans, import_plans
from .records import followup_status, withdraw
from .reminders import reminders
from .schedule import Round, cohort_rounds
from .status import FollowupStatus, RoundRate, TraineeRound

__all__ = ["Comparison", "FollowupStatus", "Round", "RoundRate", "TraineeRound", "cohort_rounds", "compare",
           "current_plans", "followup_figures", "followup_status", "import_plans", "reminders", "withdraw"]
