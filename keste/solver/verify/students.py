"""Students whose groups were formed from their choices: group_size (the groups within their
sizes, a student in one group of a subject), student_clash (their class's lessons and their groups
never at once), student_load (their week within the grade's maximum), and the choices no group
meets."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator

from keste.models.school import ElectiveGroup, select_classes
from keste.models.timetable import LessonRow
from keste.models.values import format_number
from keste.models.verification import Violation
from keste.solver.verify.curriculum import student_hours
from keste.solver.verify.week import Week


def check_students(week: Week) -> Iterator[Violation]:
    school = week.school
    formed = _formed(week)
    if not formed:
        return
    member_of = school.member_groups
    for group in formed:
        yield from _formed_size(week, group)
    for student, groups in member_of.items():
        yield from _one_group_per_subject(student, groups)
    pooled = _pooled(week, formed)
    rows_of: dict[str, list[LessonRow]] = defaultdict(list)
    for row in week.lessons:
        if row.class_name in pooled:
            rows_of[row.class_name].append(row)
    manual = {g.block for g in school.electives if not g.members}
    for student, class_name in {c.student: c.class_name for c in school.choices}.items():
        if class_name in pooled:
            groups = member_of.get(student, [])
            yield from _student_week(week, student, class_name, groups, rows_of[class_name], manual)
            yield from _student_load(week, student, class_name)


def unmet_choices(week: Week) -> list[tuple[str, str, str, str | None]]:
    """(student, class, subject, level) of each choice in a pooled class that no group of the
    student's meets."""
    school = week.school
    pooled = _pooled(week, _formed(week))
    member_of = school.member_groups
    return [
        (choice.student, choice.class_name, choice.subject, choice.level)
        for choice in school.choices
        if choice.class_name in pooled
        and not any(
            g.subject == choice.subject and (g.level or "standard") == (choice.level or "standard")
            for g in member_of.get(choice.student, [])
        )
    ]


def _formed(week: Week) -> list[ElectiveGroup]:
    """The elective groups formed from students' choices (they list their members)."""
    return [g for g in week.school.electives if g.members]


def _pooled(week: Week, formed: list[ElectiveGroup]) -> set[str]:
    """The classes whose students' groups were formed from their choices."""
    return {c.name for g in formed for c in select_classes(g.classes, week.school.classes)}


def _formed_size(week: Week, group: ElectiveGroup) -> Iterator[Violation]:
    least, most = week.school.group_limits(group.subject)
    if not least <= len(group.members) <= most:
        yield Violation(
            "group_size",
            f"block {group.block} group {group.group}: {len(group.members)} students; "
            f"expected {least} to {most}",
        )


def _one_group_per_subject(student: str, groups) -> Iterator[Violation]:
    by_subject = Counter(g.subject for g in groups)
    for subject, count in by_subject.items():
        if count > 1:
            yield Violation("group_size", f"student {student} is in {count} groups of {subject}")


def _student_week(
    week: Week, student: str, class_name: str, groups, rows: list[LessonRow], manual: set[str]
) -> Iterator[Violation]:
    """The first time the student has two lessons at once. rows: the class's lessons; manual:
    the blocks whose groups list no members."""
    mine = {(g.block, g.group) for g in groups}
    at: dict[tuple[str, int, str], set[str]] = defaultdict(set)
    for row in rows:
        if row.block is None or row.block in week.activities:
            if row.group is not None:
                continue  # a half or group of the class: not known to be this student's
            what = row.subject
        elif (row.block, row.group) in mine:
            what = f"{row.subject} ({row.group})"
        elif row.block in manual:
            what = f"block {row.block}"
        else:
            continue
        for which in ("A", "B") if row.week is None else (row.week,):
            at[(row.day, row.period, which)].add(what)
    for (day, period, _), lessons in sorted(at.items()):
        if len(lessons) > 1:
            yield Violation(
                "student_clash",
                f"student {student} ({class_name}) on {day} period {period}: "
                f"{' and '.join(sorted(lessons))} at once",
            )
            return


def _student_load(week: Week, student: str, class_name: str) -> Iterator[Violation]:
    school_class = week.school_class(class_name)
    limit = week.school.settings.max_weekly_hours.get(school_class.grade)
    hours = student_hours(week.school, student, school_class)
    if limit is not None and hours > limit:
        yield Violation(
            "student_load",
            f"student {student} ({class_name}): {format_number(hours)} hours a week; at most "
            f"{format_number(limit)} in grade {school_class.grade}",
        )
