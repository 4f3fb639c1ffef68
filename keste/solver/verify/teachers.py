"""teachers: every lesson taught by whom the workbook says: the Load sheet's teacher (and
co-teacher) of the class, subject and half; an elective group's teachers on the Electives sheet;
an activity's teachers on its row. Where the workbook leaves the teacher to keste, a teacher who
may teach the subject in that grade."""

from __future__ import annotations

from collections.abc import Iterator

from keste.models.timetable import LessonRow
from keste.models.verification import Violation
from keste.solver.verify.week import Week


def check_teachers(week: Week) -> Iterator[Violation]:
    load: dict[tuple[str, str, str | None], set[str]] = {}
    for row in week.school.load:
        group = None if row.group is None else str(row.group)
        load[(row.class_name, row.subject, group)] = {row.teacher} | (
            {row.co_teacher} if row.co_teacher else set()
        )
    electives = {
        (g.block, g.group): {t for t in (g.teacher, g.co_teacher) if t}
        for g in week.school.electives
    }
    for row in week.lessons:
        wanted: set[str] | None  # None: left to keste
        if row.block in week.activities:
            wanted = set(week.activities[row.block].teachers)  # an activity may have none
        elif row.block is not None:
            wanted = electives.get((row.block, row.group)) or None
        else:
            wanted = load.get((row.class_name, row.subject, row.group))
        problem = _wrong_teachers(week, row, wanted)
        if problem:
            where = f"{row.class_name} {row.subject} {row.day} period {row.period}"
            yield Violation("teachers", f"{where}: {problem}")


def _wrong_teachers(week: Week, row: LessonRow, wanted: set[str] | None) -> str | None:
    given = set(row.teachers)
    if wanted is not None:
        if given == wanted:
            return None
        return f"taught by {_names(given)}; the workbook gives {_names(wanted)}"
    grade = week.school_class(row.class_name).grade
    unqualified = {
        code
        for code in given
        if not week.school.teacher_by_code[code].can_teach(row.subject, grade)
    }
    if not given or unqualified:
        return f"taught by {_names(unqualified or given)}, who may not teach it in grade {grade}"
    return None


def _names(codes: set[str]) -> str:
    return ", ".join(sorted(codes)) or "nobody"
