"""Students' days (the School sheet's students_day): compact, lessons (and the meal) filling
periods 1, 2, 3... with no window; no_windows, one unbroken run that may start later; or free. At
most the class's lessons a day, and a lone every-other-week lesson is the day's last, whichever.

With occupancy o(p) in {0, 1}, a day is compact from the first period exactly when o(p+1) <= o(p)
for every p: the occupied periods form a prefix of the day. It is one run exactly when at most one
period starts a run (o(p) = 1 after o(p-1) = 0). Periods when the class is unavailable (Classes
sheet) are left out of that order: the day starts at its first available period, and the class
being elsewhere is no window.
"""

from __future__ import annotations

import itertools

from keste.models.availability import blocks_slot
from keste.solver.timetable.context import ModelContext


def add(ctx: ModelContext) -> None:
    school = ctx.school
    rule = school.settings.students_day
    for class_name, sets in ctx.demand.sets_of_class.items():
        limit = school.max_lessons_per_day(school.class_by_name[class_name])
        compact = ctx.guard("compact", class_name)
        per_day = ctx.guard("lessons_per_day", class_name)
        school_class = school.class_by_name[class_name]
        for student_set in sets:
            bells = ctx.bells_of_set[student_set]
            for day, day_name in enumerate(ctx.days):
                periods = [
                    p
                    for p in ctx.periods(bells)
                    if not any(
                        blocks_slot(b, day_name, p, ctx.clock(bells, p))
                        for b in school_class.unavailable
                    )
                ]
                if rule == "compact":
                    _prefix(ctx, student_set, day, periods, compact)
                elif rule == "no_windows":
                    _one_run(ctx, student_set, day, periods, compact)
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


def _one_run(ctx: ModelContext, student_set: str, day: int, periods: list[int], guard) -> None:
    starts = []
    before: list = []
    for period in periods:
        now = ctx.occupied(student_set, day, period)
        if now:
            start = ctx.model.new_bool_var(f"run_start_{student_set}_d{day}_p{period}")
            ctx.model.add(start >= sum(now) - sum(before))
            starts.append(start)
        before = now
    if len(starts) > 1:
        ctx.hold(ctx.model.add(sum(starts) <= 1), guard)


def _lone_lessons_last(ctx: ModelContext) -> None:
    """Meetings that end their students' day: a lone half-hour lesson (in week B its slot is
    empty, so it must end the day to leave no window) or an activity asked to be last. Nothing
    but the meeting itself may follow it in any later period (a day may have windows, or skip a
    period the class is away)."""
    for meeting in ctx.meetings:
        if not meeting.last_of_day:
            continue
        for day in range(len(ctx.days)):
            own = {v.index for v in ctx.day_lessons(meeting, day).values()}
            for period, variable in ctx.day_lessons(meeting, day).items():
                for student_set in meeting.sets:
                    guard = ctx.guard("compact", ctx.class_of_set[student_set])
                    for later in ctx.periods(ctx.bells_of_set[student_set]):
                        if later <= period:
                            continue
                        after = [
                            v for v in ctx.occupied(student_set, day, later) if v.index not in own
                        ]
                        if after:
                            ctx.hold(ctx.model.add(sum(after) <= 1 - variable), guard)
