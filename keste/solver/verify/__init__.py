"""The independent validator, one module per family of rules: `validate` re-checks a timetable's
hard rules and recomputes its soft penalties from the school and the placed lessons alone."""

from keste.models.verification import HARD_RULES, MODEL_RULES, ValidationReport, Violation
from keste.solver.verify.validator import validate

__all__ = ["HARD_RULES", "MODEL_RULES", "ValidationReport", "Violation", "validate"]
