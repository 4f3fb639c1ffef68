"""A class's curriculum and load become its meetings: whole-class lessons, split halves at the
same time, doubles, half hours paired into weeks A and B."""

from __future__ import annotations

from dataclasses import dataclass

from keste.models.curriculum import (
    class_curriculum,
    is_split,
    lessons_for_hours,
    subject_difficulty,
)
from keste.models.problems import Problems
from keste.models.school import LoadRow, School, SchoolClass
from keste.models.values import format_number
from keste.solver.demand.meetings import Meeting, Section
from keste.solver.demand.rooms import ordinary_room


@dataclass
class _Item:
    """A (class, subject) need before it is turned into meetings."""

    school_class: SchoolClass
    subject: str
    lessons: float
    sections: list[Section]
    doubles: tuple[int, int]
    max_per_day: int


def teacher_index(load: list[LoadRow]) -> dict[tuple[str, str, int | None], tuple[str, ...]]:
    index = {}
    for row in load:
        index[(row.class_name, row.subject, row.group)] = tuple(
            t for t in (row.teacher, row.co_teacher) if t
        )
    return index


def class_items(
    school: School,
    school_class: SchoolClass,
    teachers: dict[tuple[str, str, int | None], tuple[str, ...]],
    problems: Problems,
) -> list[_Item]:
    items = []
    for subject_code, row in class_curriculum(school, school_class).items():
        subject = school.subject_by_code.get(subject_code)
        if subject is None:
            continue
        lessons = lessons_for_hours(school, row.hours)
        exact = row.hours * school.settings.hour_minutes / school.settings.lesson_minutes
        if abs(exact - lessons) > 1e-9:
            problems.warning(
                f"{format_number(row.hours)} hours of {school.settings.hour_minutes} minutes make "
                f"{exact:.2f} lessons of {school.settings.lesson_minutes} minutes; keste plans "
                f"{format_number(lessons)}",
                **problems.at(row.source, "hours"),
                value=format_number(row.hours),
            )
        groups: tuple[int | None, ...] = (1, 2) if is_split(school, school_class, row) else (None,)
        sections = []
        for group in groups:
            who = teachers.get((school_class.name, subject_code, group))
            if not who:
                problems.error(
                    f"nobody teaches {subject_code} in {school_class.name}"
                    + (f" group {group}" if group else "")
                    + ": add a Load row (or let keste allocate it)",
                    sheet="Load",
                    value=f"{school_class.name} {subject_code}",
                )
                who = ()
            sections.append(_section(school, school_class, subject_code, group, who))
        items.append(
            _Item(
                school_class,
                subject_code,
                lessons,
                sections,
                _doubles(school, school_class, row.doubles, subject.double, lessons),
                subject.max_per_day,
            )
        )
    return items


def _section(
    school: School,
    school_class: SchoolClass,
    subject_code: str,
    group: int | None,
    teachers: tuple[str, ...],
) -> Section:
    subject = school.subject_by_code[subject_code]
    students = school_class.students
    if group is not None:
        students = (students + (1 if group == 1 else 0)) // 2
    room_type, home_room = subject.room_type, None
    if room_type is None:
        room_type, home_room = ordinary_room(school, school_class, group in (None, 1))
    return Section(
        subject_code,
        (school_class.name,),
        None if group is None else str(group),
        teachers,
        room_type,
        home_room,
        students,
        difficulty=subject_difficulty(school, subject_code),
    )


def _doubles(
    school: School, school_class: SchoolClass, planned: int | None, mode: str, lessons: float
) -> tuple[int, int]:
    whole = int(lessons)
    if school.is_primary(school_class.grade):
        return (0, 0)  # ДСМ-76: no double lessons in primary grades
    if planned is not None:
        return (min(planned, whole // 2),) * 2
    if mode == "required":
        return (whole // 2, whole // 2)
    if mode == "allowed":
        return (0, whole // 2)
    return (0, 0)


def class_meetings(school: School, school_class: SchoolClass, items: list[_Item]) -> list[Meeting]:
    """Weekly meetings for the whole lessons, A/B meetings for the half lessons."""
    bells = school.bells_of(school_class)
    meetings = []
    halves = []
    for item in items:
        whole = int(item.lessons)
        if item.lessons - whole:
            apart = _sync_groups(item.sections)
            if len(apart) == 1:
                halves.append(item)
            else:  # one teacher for both halves: each half alone, at the end of its day
                meetings += [_lone_half(school_class, bells, unit) for unit in apart]
        if whole == 0:
            continue
        for sections in _sync_groups(item.sections):
            meetings.append(
                Meeting(
                    0,
                    tuple(sections),
                    (school_class.name,),
                    bells,
                    whole,
                    *item.doubles,
                    item.max_per_day,
                )
            )
    for first, second in _pairs(halves):
        sections = [_in_week(s, "A") for s in first.sections]
        if second is not None:
            sections += [_in_week(s, "B") for s in second.sections]
        meetings.append(
            Meeting(0, tuple(sections), (school_class.name,), bells, 1, last_of_day=second is None)
        )
    return meetings


def _lone_half(school_class: SchoolClass, bells: str, sections: list[Section]) -> Meeting:
    """A half-hour lesson every other week that ends its students' day."""
    in_a = tuple(_in_week(s, "A") for s in sections)
    return Meeting(0, in_a, (school_class.name,), bells, 1, last_of_day=True)


def _sync_groups(sections: list[Section]) -> list[list[Section]]:
    """Both halves meet at once (two teachers); with one teacher for both, they meet apart."""
    if len(sections) == 2 and set(sections[0].teachers) & set(sections[1].teachers):
        return [[sections[0]], [sections[1]]]
    return [sections]


def _pairs(halves: list[_Item]) -> list[tuple[_Item, _Item | None]]:
    ordered = sorted(halves, key=lambda item: item.subject)
    pairs: list[tuple[_Item, _Item | None]] = []
    for index in range(0, len(ordered), 2):
        second = ordered[index + 1] if index + 1 < len(ordered) else None
        pairs.append((ordered[index], second))
    return pairs


def _in_week(section: Section, week: str) -> Section:
    return Section(
        section.subject,
        section.classes,
        section.group,
        section.teachers,
        section.room_type,
        section.home_room,
        section.students,
        week,
        section.difficulty,
    )
