"""Teachers' wishes (soft, teacher_wishes): a free day (any day, or a given one) and times to avoid.
Penalty: one per unmet free-day wish, one per lesson at an avoided time."""

from __future__ import annotations

from keste.models.availability import blocks_slot
from keste.solver.timetable.context import ModelContext


def add(ctx: ModelContext) -> None:
    for teacher in ctx.school.teachers:
        meetings = ctx.meetings_of_teacher.get(teacher.code, [])
        if not meetings or not teacher.wishes:
            continue
        for wish in teacher.wishes:
            if wish.kind == "free_day":
                _free_day(ctx, teacher.code, meetings, wish.block.day if wish.block else None)
            else:
                for m in meetings:
                    for day, period in ctx.slots_of[m.index]:
                        if blocks_slot(
                            wish.block, ctx.days[day], period, ctx.clock(m.bells, period)
                        ):
                            ctx.penalise("teacher_wishes", ctx.x[(m.index, day, period)])


def _free_day(ctx: ModelContext, code: str, meetings, day_code: str | None) -> None:
    if day_code is not None:
        if day_code in ctx.days:
            day = ctx.days.index(day_code)
            ctx.penalise(
                "teacher_wishes", *[v for m in meetings for v in ctx.day_lessons(m, day).values()]
            )
        return
    works = []
    for day in range(len(ctx.days)):
        lessons = [v for m in meetings for v in ctx.day_lessons(m, day).values()]
        if lessons:
            works.append(ctx.any_of(lessons, f"works_{code}_d{day}"))
    if len(works) == len(ctx.days):
        unmet = ctx.model.new_bool_var(f"no_free_day_{code}")
        ctx.model.add_bool_and(works).only_enforce_if(unmet)
        ctx.model.add(unmet >= sum(works) - (len(ctx.days) - 1))
        ctx.penalise("teacher_wishes", unmet)
