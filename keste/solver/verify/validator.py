"""The independent validator: re-checks every hard rule and recomputes every soft penalty from the
placed lessons (the Lessons and Meals sheets) and the school alone.

It shares no code with the CP-SAT model: it reads what the school says (models/) and what the
timetable shows, and derives everything else itself, so a timetable edited by hand is checked the
same way as one keste made. Its penalties use the same definitions as the model's soft rules, so
its weighted total equals the solver's objective. Each family of rules is a module of this
package; this one runs them in order over one indexed week.
"""

from __future__ import annotations

from keste.models.bells import schedules
from keste.models.school import School
from keste.models.timetable import Timetable
from keste.models.verification import MODEL_RULES, ValidationReport
from keste.solver.verify import (
    activities,
    availability,
    blocks,
    clashes,
    days,
    hours,
    meals,
    rooms,
    students,
    teachers,
)
from keste.solver.verify.penalties import penalties
from keste.solver.verify.references import known_lessons
from keste.solver.verify.week import Week

# the hard rules' checks, in the order their violations are listed
HARD_CHECKS = (
    hours.check_hours,
    clashes.class_clashes,
    clashes.teacher_clashes,
    teachers.check_teachers,
    clashes.room_clashes,
    rooms.check_rooms,
    days.compact_days,
    days.subject_days,
    availability.unavailable,
    availability.locks,
    meals.check_meals,
    blocks.check_blocks,
    activities.check_activities,
    availability.teacher_days,
    students.check_students,
)


def validate(
    school: School, timetable: Timetable, previous: Timetable | None = None
) -> ValidationReport:
    """Every hard rule and soft penalty; with `previous` (the timetable this one replaces), also
    the lessons that moved."""
    report = ValidationReport(
        weights={r: school.settings.weight(r) for r in (*MODEL_RULES, "room_changes")}
    )
    bells = schedules(school)
    lessons, broken = known_lessons(school, timetable.lessons, bells)
    report.violations += broken
    week = Week(school, lessons, timetable.meals, bells)
    for check in HARD_CHECKS:
        report.violations += check(week)
    report.unmet_choices += students.unmet_choices(week)
    report.penalties.update(penalties(week, previous))
    return report
