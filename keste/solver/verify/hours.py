"""hours: every curriculum hour placed, for each class or half of it, and every elective group's
lessons in each class of its block."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from keste.models.values import format_number
from keste.models.verification import Violation
from keste.solver.verify.curriculum import splits, taught, weekly_lessons
from keste.solver.verify.rows import set_name
from keste.solver.verify.week import Week


def check_hours(week: Week) -> Iterator[Violation]:
    placed: Counter = Counter()
    for row in week.lessons:
        if row.block is None:
            placed[(row.class_name, row.subject, row.group)] += 0.5 if row.week else 1
    expected = _curriculum_lessons(week)
    for key in sorted(set(expected) | set(placed), key=str):
        want, have = expected.get(key, 0), placed.get(key, 0)
        if want != have:
            class_name, subject, group = key
            yield Violation(
                "hours",
                f"{set_name(class_name, group)} {subject}: {format_number(have)} lessons a week "
                f"placed, {format_number(want)} in the curriculum",
            )
    yield from _block_hours(week)


def _curriculum_lessons(week: Week) -> dict[tuple, float]:
    """(class, subject, half or None) -> the lessons a week the curriculum asks."""
    school = week.school
    expected: dict[tuple, float] = {}
    for school_class in school.classes:
        for subject, row in taught(school, school_class).items():
            lessons = weekly_lessons(school, row.hours)
            groups = ("1", "2") if splits(school, school_class, row) else (None,)
            for group in groups:
                expected[(school_class.name, subject, group)] = lessons
    return expected


def _block_hours(week: Week) -> Iterator[Violation]:
    placed: Counter = Counter()
    for row in week.lessons:
        if row.block is not None:
            placed[(row.block, row.group, row.class_name)] += 1
    for block, groups in week.elective_blocks.items():
        for group in groups:
            want = int(weekly_lessons(week.school, group.hours))
            for school_class in week.block_classes(groups):
                have = placed.get((block, group.group, school_class.name), 0)
                if have != want:
                    yield Violation(
                        "hours",
                        f"block {block} group {group.group} in "
                        f"{school_class.name}: {have} lessons placed, {want} "
                        "planned",
                    )
