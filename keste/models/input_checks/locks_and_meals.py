"""Checks of the Locks and Meals sheets."""

from __future__ import annotations

from keste.models.bells import schedules
from keste.models.curriculum import (
    class_curriculum,
)
from keste.models.input_checks.school_sheets import check_reference
from keste.models.problems import Problems
from keste.models.school import School, select_classes
from keste.models.values import format_int_ranges


def check_locks(school: School, problems: Problems) -> None:
    bells = schedules(school)
    for lock in school.locks:
        at = problems.at
        if not check_reference(school, problems, lock.source, "class", lock.class_name, "class"):
            continue
        if not check_reference(school, problems, lock.source, "subject", lock.subject, "subject"):
            continue
        school_class = school.class_by_name[lock.class_name]
        in_activities = any(
            a.subject == lock.subject and lock.class_name in (c for c, _ in a.parts())
            for a in school.activities
        )
        if lock.subject not in class_curriculum(school, school_class) and not in_activities:
            problems.error(
                f"class {lock.class_name} has no hours of {lock.subject}",
                **at(lock.source, "subject"),
                value=lock.subject,
            )
        if lock.day not in school.settings.days:
            problems.error(
                f"expected a school day ({','.join(school.settings.days)})",
                **at(lock.source, "day"),
                value=lock.day,
            )
        schedule = bells.get(school.bells_of(school_class))
        if schedule and schedule.period(lock.period) is None:
            problems.error(
                f"expected a period of the class's bell schedule '{schedule.name}' "
                f"(1-{len(schedule.periods)})",
                **at(lock.source, "period"),
                value=lock.period,
            )


def check_meals(school: School, problems: Problems) -> None:
    bells = schedules(school)
    for meal in school.meals:
        classes = select_classes(meal.classes, school.classes)
        if not classes:
            problems.error(
                "expected classes that exist (grades such as 1-4, or class names)",
                **problems.at(meal.source, "classes"),
                value=",".join(meal.classes),
            )
        for school_class in classes:
            schedule = bells.get(school.bells_of(school_class))
            if schedule and max(meal.window) > len(schedule.periods):
                problems.error(
                    f"the window reaches period {max(meal.window)} but class {school_class.name}'s "
                    f"bell schedule '{schedule.name}' has {len(schedule.periods)} periods",
                    **problems.at(meal.source, "window"),
                    value=format_int_ranges(meal.window),
                )
                break
