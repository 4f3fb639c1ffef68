"""Teachers' working days: a teacher with max_days (Teachers sheet) teaches on at most that many
days a week (a day counts when the teacher has any lesson on it), and with max_lessons_per_day at
most that many lessons a day (a teacher is in one lesson at a time, so lessons are periods)."""

from __future__ import annotations

from keste.solver.timetable.context import ModelContext


def add(ctx: ModelContext) -> None:
    _days(ctx)
    _lessons_a_day(ctx)


def _lessons_a_day(ctx: ModelContext) -> None:
    for teacher in ctx.school.teachers:
        limit = teacher.max_lessons_per_day
        meetings = ctx.meetings_of_teacher.get(teacher.code, [])
        if limit is None or not meetings:
            continue
        guard = ctx.guard("teacher_lessons", teacher.code)
        for day in range(len(ctx.days)):
            lessons = [v for m in meetings for v in ctx.day_lessons(m, day).values()]
            if len(lessons) > limit:
                ctx.hold(ctx.model.add(sum(lessons) <= limit), guard)


def _days(ctx: ModelContext) -> None:
    for teacher in ctx.school.teachers:
        meetings = ctx.meetings_of_teacher.get(teacher.code, [])
        if teacher.max_days is None or not meetings:
            continue
        working = []
        for day in range(len(ctx.days)):
            lessons = [v for m in meetings for v in ctx.day_lessons(m, day).values()]
            if not lessons:
                continue
            working.append(ctx.any_of(lessons, f"works_{teacher.code}_d{day}"))
        if len(working) > teacher.max_days:
            limit = ctx.model.add(sum(working) <= teacher.max_days)
            ctx.hold(limit, ctx.guard("teacher_days", teacher.code))
