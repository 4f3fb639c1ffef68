"""references: every lesson's class, subject, teachers, room, day and period exist, and its times
are its period's in the class's bell schedule. A lesson that fails is left out of the other
checks."""

from __future__ import annotations

from keste.models.bells import BellSchedule
from keste.models.school import School
from keste.models.timetable import LessonRow
from keste.models.values import format_time
from keste.models.verification import Violation


def known_lessons(
    school: School, lessons: list[LessonRow], bells: dict[str, BellSchedule]
) -> tuple[list[LessonRow], list[Violation]]:
    """The lessons whose references all exist, and a violation for each broken reference."""
    known, violations = [], []
    for row in lessons:
        where = f"{row.class_name} {row.day} period {row.period}"
        problems = _problems(school, row, bells)
        violations += [Violation("references", f"{where}: {problem}") for problem in problems]
        if not problems:
            known.append(row)
    return known, violations


def _problems(school: School, row: LessonRow, bells: dict[str, BellSchedule]) -> list[str]:
    problems = []
    if row.class_name not in school.class_by_name:
        problems.append(f"class {row.class_name} is not on the Classes sheet")
    if row.subject not in school.subject_by_code:
        problems.append(f"subject {row.subject} is not on the Subjects sheet")
    for teacher in row.teachers:
        if teacher not in school.teacher_by_code:
            problems.append(f"teacher {teacher} is not on the Teachers sheet")
    if row.room and school.rooms and row.room not in school.room_by_name:
        problems.append(f"room {row.room} is not on the Rooms sheet")
    if row.day not in school.settings.days:
        problems.append(f"{row.day} is not a school day")
    if row.class_name in school.class_by_name:
        problems += _period_problems(school, row, bells)
    return problems


def _period_problems(school: School, row: LessonRow, bells: dict[str, BellSchedule]) -> list[str]:
    """The row's period is in its class's bell schedule, at the schedule's times."""
    schedule = bells[school.bells_of(school.class_by_name[row.class_name])]
    period = schedule.period(row.period)
    if period is None:
        return [f"bell schedule '{schedule.name}' has no period {row.period}"]
    if (period.start, period.end) != (row.start, row.end):
        return [
            f"period {row.period} of '{schedule.name}' is {format_time(period.start)}-"
            f"{format_time(period.end)}, not {format_time(row.start)}-"
            f"{format_time(row.end)}"
        ]
    return []
