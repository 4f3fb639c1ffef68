"""A pool's courses and their rules: hours, lessons, group sizes, how many groups can meet at once,
and the sets of subjects that compete for teachers (Hall's condition)."""

from __future__ import annotations

import itertools
from collections import defaultdict
from dataclasses import dataclass

from keste.models.curriculum import course_row, lessons_for_hours
from keste.models.grouping import Course
from keste.models.school import Choice, School, SchoolClass

HALL_SUBJECTS = 6  # subjects sharing teachers: every subset is checked up to this many


@dataclass
class CourseRules:
    hours: float
    lessons: int
    least: int
    most: int
    at_once: int  # groups that can meet at the same time (teachers, rooms)
    room_type: str | None


def course_of(choice: Choice) -> Course:
    return Course(choice.subject, "higher" if choice.level == "higher" else None)


def leveled_subjects(choices: list[Choice]) -> set[str]:
    """The subjects chosen at more than one level, or at the higher one."""
    levels: dict[str, set[str]] = defaultdict(set)
    for choice in choices:
        levels[choice.subject].add(choice.level or "standard")
    return {subject for subject, found in levels.items() if len(found) > 1 or "higher" in found}


def per_group(school: School, subject: str) -> int:
    """Teachers in each group of the subject: two when it is co-taught."""
    known = school.subject_by_code.get(subject)
    return 2 if known and known.co_taught else 1


def course_rules(
    school: School, classes: list[SchoolClass], course: Course, teachers: set[str]
) -> CourseRules | None:
    """The course's hours (validation makes them the same in every class of the pool),
    group sizes, and how many of its groups can meet at once (teachers: its qualified ones)."""
    row = next(
        (found for c in classes if (found := course_row(school, c, course.subject, course.level))),
        None,
    )
    if row is None:
        return None
    subject = school.subject_by_code[course.subject]
    least, most = school.group_limits(course.subject)
    at_once = len(teachers) // per_group(school, course.subject)
    rooms = sum(1 for r in school.rooms if subject.room_type and r.type == subject.room_type)
    if rooms:
        at_once = min(at_once, rooms)
    lessons = int(lessons_for_hours(school, row.hours))
    return CourseRules(row.hours, lessons, least, most, at_once, subject.room_type)


def teacher_sharing_sets(teachers: dict[str, set[str]]) -> list[tuple[str, ...]]:
    """The sets of subjects whose groups compete for teachers: every subset of each group of
    subjects linked by shared teachers (only the single subjects and the whole group when it is
    larger than HALL_SUBJECTS)."""
    linked: list[set[str]] = []
    for subject in sorted(teachers):
        joined = [group for group in linked if any(teachers[s] & teachers[subject] for s in group)]
        merged = {subject}.union(*joined)
        linked = [group for group in linked if group not in joined] + [merged]
    sets: list[tuple[str, ...]] = []
    for group in linked:
        ordered = sorted(group)
        if len(ordered) <= HALL_SUBJECTS:
            sizes = range(1, len(ordered) + 1)
            sets += [c for size in sizes for c in itertools.combinations(ordered, size)]
        else:
            sets += [(s,) for s in ordered] + [tuple(ordered)]
    return sets
