"""Pools: the classes of a grade that choose together, their students' choices, courses and rules,
and the periods a week their class lessons leave for elective blocks."""

from __future__ import annotations

import math
import time
from collections import defaultdict

from keste.models.availability import blocks_slot, longest_day
from keste.models.bells import schedules
from keste.models.curriculum import class_curriculum, lessons_for_hours
from keste.models.findings import Finding
from keste.models.grouping import Course, Grouping, Unmet
from keste.models.school import School, SchoolClass, select_classes
from keste.solver.grouping.courses import course_of, course_rules, leveled_subjects, per_group


def choice_pools(school: School) -> list[list[SchoolClass]]:
    """The classes of each grade (and bell schedule: a block meets at one time) whose students
    choose, unless the Electives sheet already has groups with members for them."""
    fixed = {
        c.name
        for group in school.electives
        if group.members
        for c in select_classes(group.classes, school.classes)
    }
    pools: dict[tuple[int, str], list[SchoolClass]] = defaultdict(list)
    for school_class in school.classes:
        if school_class.name in school.chosen_subjects:
            pools[(school_class.grade, school.bells_of(school_class))].append(school_class)
    return [
        classes for _, classes in sorted(pools.items()) if not any(c.name in fixed for c in classes)
    ]


class Pool:
    """The students of one grade choose together: a pool is the grade's classes with choices, and
    all of them are busy while one of their blocks runs (a student with no group in it has a study
    period). A course is a subject at a level (mathematics at 7 or at 10 hours); its lessons a week
    come from the Curriculum row of that level."""

    def __init__(
        self,
        school: School,
        classes: list[SchoolClass],
        time_limit: float,
        workers: int,
        seed: int,
    ):
        self.school = school
        self.classes = classes
        self.grade = classes[0].grade
        self.time_limit = time_limit
        self.deadline = time.perf_counter() + time_limit
        self.workers = workers
        self.seed = seed
        names = {c.name for c in classes}
        self.choices = [c for c in school.choices if c.class_name in names]
        self.class_of = {c.student: c.class_name for c in self.choices}
        self.order = {c.name: i for i, c in enumerate(classes)}
        self.leveled = leveled_subjects(self.choices)
        self.teachers = {
            subject: {t.code for t in school.teachers if t.can_teach(subject, self.grade)}
            for subject in {c.subject for c in self.choices}
        }
        courses = list(dict.fromkeys(course_of(c) for c in self.choices))
        self.rules = {
            course: course_rules(school, classes, course, self.teachers[course.subject])
            for course in courses
        }
        self.free = min(week_periods(school, c) - class_lessons(school, c) for c in classes)

    def seconds_left(self) -> float:
        return self.deadline - time.perf_counter()

    def per_group(self, subject: str) -> int:
        return per_group(self.school, subject)

    def label(self, course: Course) -> str:
        return course.label(self.leveled)

    def unmet(self, grouping: Grouping, student: str, course: Course, reason: Finding) -> None:
        grouping.unmet.append(Unmet(student, self.class_of[student], course, reason))


# ------------------------------------------------------------------ the week a pool leaves


def week_periods(school: School, school_class: SchoolClass) -> int:
    """Lessons a week the class can have: each day its limit, within the periods it is there
    (its bell schedule, less unavailable times and a meal period)."""
    schedule = schedules(school)[school.bells_of(school_class)]
    meals = longest_day(school, school_class.name) - school.max_lessons_per_day(school_class)
    total = 0
    for day in school.settings.days:
        open_periods = sum(
            1
            for p in schedule.periods
            if not any(
                blocks_slot(b, day, p.number, (p.start, p.end)) for b in school_class.unavailable
            )
        )
        total += max(0, min(school.max_lessons_per_day(school_class), open_periods - meals))
    return total


def class_lessons(school: School, school_class: SchoolClass) -> int:
    """Periods a week the class's own lessons take: its curriculum (a split class's halves at
    once; half hours in pairs), its whole-class activities and the Electives sheet's blocks."""
    rows = class_curriculum(school, school_class).values()
    lessons = [lessons_for_hours(school, r.hours) for r in rows]
    whole = sum(int(n) for n in lessons)
    halves = sum(1 for n in lessons if n % 1)
    activities = sum(
        a.lessons * a.length for a in school.activities if (school_class.name, None) in a.parts()
    )
    blocks: dict[str, int] = {}
    for group in school.electives:
        if school_class in select_classes(group.classes, school.classes):
            lessons_of = int(lessons_for_hours(school, group.hours))
            blocks[group.block] = max(blocks.get(group.block, 0), lessons_of)
    return whole + math.ceil(halves / 2) + activities + sum(blocks.values())
