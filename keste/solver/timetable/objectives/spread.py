"""A subject spread over the week (soft, subject_spread): a meeting with fewer separate lessons than
school days should not use two days in a row. Penalty: pairs of consecutive days that both have a
lesson of the meeting beyond the unavoidable ones, counted for each student set in it.

n lessons on n of D days in a row form at most D - n + 1 runs, so at least 2n - D - 1 pairs of
consecutive days are unavoidable (4 lessons in 5 days: 2); only pairs beyond that are penalised."""

from __future__ import annotations

from keste.solver.timetable.context import ModelContext


def add(ctx: ModelContext) -> None:
    days = len(ctx.days)
    for meeting in ctx.meetings:
        separate = meeting.lessons // meeting.length - meeting.max_doubles
        if (
            meeting.lessons // meeting.length < 2
            or separate >= days
            or any(s.week for s in meeting.sections)
        ):
            continue
        used = [_day_used(ctx, meeting, day) for day in range(days)]
        pairs = []
        for day in range(days - 1):
            if used[day] is None or used[day + 1] is None:
                continue
            pairs.append(ctx.both(used[day], used[day + 1], f"spread_m{meeting.index}_d{day}"))
        unavoidable = unavoidable_pairs(separate, days)
        for student_set in meeting.sets:
            owner = ctx.class_of_set[student_set]
            ctx.penalise("subject_spread", *pairs, -unavoidable, owner=owner)


def unavoidable_pairs(lessons: int, days: int) -> int:
    return max(0, 2 * lessons - days - 1)


def _day_used(ctx: ModelContext, meeting, day: int):
    lessons = list(ctx.day_lessons(meeting, day).values())
    if not lessons:
        return None
    if meeting.max_per_day == 1 and not meeting.max_doubles and meeting.length == 1:
        return sum(lessons)  # already 0 or 1
    return ctx.any_of(lessons, f"used_m{meeting.index}_d{day}")
