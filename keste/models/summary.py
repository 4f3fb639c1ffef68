"""What `keste check` shows about a usable school: its size and load at a glance."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from keste.models.bells import schedules
from keste.models.curriculum import class_curriculum, is_split, weekly_hours
from keste.models.school import School


@dataclass
class GradeLine:
    grade: int
    classes: list[str]
    students: int
    hours: list[float]  # weekly academic hours of each class


@dataclass
class TeacherLine:
    code: str
    name: str
    subjects: str
    hours: float
    max_hours: float | None


@dataclass
class SchoolSummary:
    name: str
    days: tuple[str, ...]
    bells: list[tuple[str, int, int, int]]  # name, periods, first start, last end (minutes)
    grades: list[GradeLine]
    teachers: list[TeacherLine]
    unassigned_hours: float
    rooms: dict[str, int] = field(default_factory=dict)
    electives: int = 0
    locks: int = 0
    meals: int = 0
    choosing: int = 0  # students with choices (the Choices sheet)


def summarise(school: School) -> SchoolSummary:
    by_grade: dict[int, list] = defaultdict(list)
    for school_class in school.classes:
        by_grade[school_class.grade].append(school_class)
    grades = [
        GradeLine(
            grade,
            [c.name for c in classes],
            sum(c.students for c in classes),
            [weekly_hours(school, c) for c in classes],
        )
        for grade, classes in sorted(by_grade.items())
    ]
    teacher_hours, unassigned = _teacher_hours(school)
    teachers = [
        TeacherLine(
            t.code, t.label, ",".join(t.subjects), teacher_hours.get(t.code, 0), t.max_hours
        )
        for t in school.teachers
    ]
    bells = [
        (s.name, len(s.periods), s.periods[0].start, s.periods[-1].end)
        for s in schedules(school).values()
        if s.periods
    ]
    return SchoolSummary(
        school.settings.name,
        school.settings.days,
        bells,
        grades,
        teachers,
        unassigned,
        dict(Counter(room.type for room in school.rooms)),
        len({group.block for group in school.electives}),
        len(school.locks),
        len(school.meals),
        len({choice.student for choice in school.choices}),
    )


def _teacher_hours(school: School) -> tuple[dict[str, float], float]:
    """Weekly hours per teacher from the Load sheet, and the curriculum hours nobody has yet."""
    hours: dict[str, float] = defaultdict(float)
    assigned: set[tuple[str, str, int | None]] = set()
    for row in school.load:
        school_class = school.class_by_name.get(row.class_name)
        plan = class_curriculum(school, school_class) if school_class else {}
        if row.subject not in plan:
            continue
        for teacher in filter(None, (row.teacher, row.co_teacher)):
            hours[teacher] += plan[row.subject].hours
        assigned.add((row.class_name, row.subject, row.group))
    for group in school.electives:
        for teacher in filter(None, (group.teacher, group.co_teacher)):
            hours[teacher] += group.hours
    unassigned = 0.0
    for school_class in school.classes:
        for subject, row in class_curriculum(school, school_class).items():
            groups = (1, 2) if is_split(school, school_class, row) else (None,)
            for group in groups:
                if (school_class.name, subject, group) not in assigned:
                    unassigned += row.hours
    return dict(hours), unassigned
