"""meals: every class of a meal rule eats once a day inside the rule's window, and the canteen
never seats more classes at once than it holds."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from keste.models.school import select_classes
from keste.models.timetable import MealRow
from keste.models.values import format_time
from keste.models.verification import Violation
from keste.solver.verify.rows import covers
from keste.solver.verify.week import Week


def check_meals(week: Week) -> Iterator[Violation]:
    eaten = defaultdict(list)
    for meal in week.meals:
        eaten[(meal.meal, meal.class_name, meal.day)].append(meal)
    for rule in week.school.meals:
        for school_class in select_classes(rule.classes, week.school.classes):
            for day in week.days:
                rows = eaten.get((rule.meal, school_class.name, day), [])
                if len(rows) != 1:
                    yield Violation(
                        "meals",
                        f"{school_class.name} has {len(rows)} {rule.meal} "
                        f"periods on {day}; exactly one expected",
                    )
                elif rows[0].period not in rule.window:
                    yield Violation(
                        "meals",
                        f"{school_class.name} eats {rule.meal} at period "
                        f"{rows[0].period} on {day}, outside its window",
                    )
                elif any(covers(block, rows[0]) for block in school_class.unavailable):
                    yield Violation(
                        "meals",
                        f"{school_class.name} eats {rule.meal} at period {rows[0].period} on "
                        f"{day}, when the class is unavailable",
                    )
        if rule.canteen_capacity is not None:
            yield from _canteen(rule, [m for m in week.meals if m.meal == rule.meal])


def _canteen(rule, meals: list[MealRow]) -> Iterator[Violation]:
    """The first time more classes eat together than the canteen seats."""
    for meal in meals:
        together = sum(
            1 for other in meals if other.day == meal.day and other.start <= meal.start < other.end
        )
        if together > rule.canteen_capacity:
            yield Violation(
                "meals",
                f"{together} classes eat {rule.meal} on {meal.day} at "
                f"{format_time(meal.start)}; the canteen seats "
                f"{rule.canteen_capacity}",
            )
            return
