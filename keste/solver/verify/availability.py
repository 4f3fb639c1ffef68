"""When people may be taught: class_unavailable and teacher_unavailable (no lesson in a time
they are away), teacher_days (no teacher works more days than their max_days, nor more lessons a
day than their max_lessons_per_day), and locks (locked lessons where the scheduler put them)."""

from __future__ import annotations

from collections.abc import Iterator

from keste.models.verification import Violation
from keste.solver.verify.rows import covers
from keste.solver.verify.week import Week


def unavailable(week: Week) -> Iterator[Violation]:
    for row in week.lessons:
        school_class = week.school_class(row.class_name)
        if any(covers(block, row) for block in school_class.unavailable):
            yield Violation(
                "class_unavailable",
                f"{row.class_name} has {row.subject} on {row.day} period {row.period} but "
                "is unavailable then",
            )
        for code in row.teachers:
            teacher = week.school.teacher_by_code[code]
            if any(covers(block, row) for block in teacher.unavailable):
                yield Violation(
                    "teacher_unavailable",
                    f"{code} teaches {row.class_name} "
                    f"{row.subject} on {row.day} period "
                    f"{row.period} but is unavailable then",
                )


def locks(week: Week) -> Iterator[Violation]:
    for lock in week.school.locks:
        group = None if lock.group is None else str(lock.group)
        if not any(
            r.class_name == lock.class_name
            and r.subject == lock.subject
            and r.day == lock.day
            and r.period == lock.period
            and (group is None or r.group in (None, group))
            for r in week.lessons
        ):
            yield Violation(
                "locks",
                f"{lock.class_name} {lock.subject} is not on {lock.day} "
                f"period {lock.period} where it is locked",
            )


def teacher_days(week: Week) -> Iterator[Violation]:
    for teacher in week.school.teachers:
        days = week.teacher_days.get(teacher.code, {})
        worked = sum(1 for lessons in days.values() if lessons)
        if teacher.max_days is not None and worked > teacher.max_days:
            yield Violation(
                "teacher_days",
                f"{teacher.code} works {worked} days; at most {teacher.max_days}",
            )
        limit = teacher.max_lessons_per_day
        for day, lessons in days.items() if limit is not None else ():
            taught = len({(start, end) for start, end, _, _ in lessons})
            if taught > limit:
                yield Violation(
                    "teacher_days",
                    f"{teacher.code} teaches {taught} lessons on {day}; at most {limit}",
                )
