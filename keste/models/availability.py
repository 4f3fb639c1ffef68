"""When a class or teacher can have lessons at all: unavailable times (by period in the lesson's own
bell schedule, or by clock time) and how far a class's day can reach."""

from __future__ import annotations

from keste.models.school import School, Teacher, select_classes
from keste.models.values import TimeBlock


def blocks_slot(block: TimeBlock, day: str, period: int, clock: tuple[int, int]) -> bool:
    """Does an unavailable block cover a period? Periods are numbered in the lesson's own bells."""
    if block.day != day:
        return False
    if block.clock:
        return clock[0] < block.clock[1] and block.clock[0] < clock[1]
    return not block.periods or period in block.periods


def teacher_free(teacher: Teacher, day: str, period: int, clock: tuple[int, int]) -> bool:
    return not any(blocks_slot(b, day, period, clock) for b in teacher.unavailable)


def longest_day(school: School, class_name: str) -> int:
    """Periods a class's day can reach: its lessons a day, plus a meal period if it eats."""
    school_class = school.class_by_name[class_name]
    meals = sum(
        1 for rule in school.meals if school_class in select_classes(rule.classes, school.classes)
    )
    return school.max_lessons_per_day(school_class) + meals
