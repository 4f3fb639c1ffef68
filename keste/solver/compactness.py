"""Students' days are compact: lessons (and the meal) fill periods 1, 2, 3... with no window, at
most the class's lessons a day, and a lone every-other-week lesson is the day's last.

With occupancy o(p) in {0, 1}, a day is compact from the first period exactly when o(p+1) <= o(p)
for every p: the occupied periods form a prefix of the day.
"""

from __future__ import annotations

import itertools

from keste.solver.context import ModelContext


def add(ctx: ModelContext) -> None:
    school = ctx.school
    for class_name, sets in ctx.demand.sets_of_class.items():
        limit = school.max_lessons_per_day(school.class_by_name[class_name])
        compact = ctx.guard("compact", class_name)
        per_day = ctx.guard("lessons_per_day", class_name)
        for student_set in sets:
            periods = ctx.periods(ctx.bells_of_set[student_set])
            for day in range(len(ctx.days)):
                _prefix(ctx, student_set, day, periods, compact)
                lessons = [
                    ctx.x[(m.index, day, p)]
                    for m in ctx.meetings_of_set[student_set]
                    for p in ctx.day_lessons(m, day)
                ]
                if len(lessons) > limit:
                    ctx.hold(ctx.model.add(sum(lessons) <= limit), per_day)
    _lone_lessons_last(ctx)


def _prefix(ctx: ModelContext, student_set: str, day: int, periods: list[int], guard) -> None:
    for period, following in itertools.pairwise(periods):
        after = ctx.occupied(student_set, day, following)
        if after:
            now = ctx.occupied(student_set, day, period)
            ctx.hold(ctx.model.add(sum(after) <= sum(now)), guard)


def _lone_lessons_last(ctx: ModelContext) -> None:
    """In week B a lone half-hour lesson's slot is empty: it must end the day to leave no window."""
    for meeting in ctx.meetings:
        if not meeting.last_of_day:
            continue
        for day in range(len(ctx.days)):
            for period, variable in ctx.day_lessons(meeting, day).items():
                for student_set in meeting.sets:
                    after = ctx.occupied(student_set, day, period + 1)
                    if after:
                        guard = ctx.guard("compact", student_set.split("/")[0])
                        ctx.hold(ctx.model.add(sum(after) <= 1 - variable), guard)
