"""Teacher gaps (soft, teacher_gaps): idle periods between a teacher's first and last lesson of a
day. Periods of the teacher's bell schedules are taken in clock order, overlapping ones merged
(timegrid.time_buckets), so the 40 minutes between two shifts are not a gap but an idle period of
either shift is. A school break (a period during which every class of the school is away, as FET's
break times are imported) is no step of anyone's day: waiting through it is not idle.

Per teacher and day: gaps = (last busy position - first busy position + 1) - busy positions, with
first and last as exact maxima of the busy flags (0 on a free day). Three integers a teacher-day,
where a chain of "busy before / busy after" Booleans needs three per position."""

from __future__ import annotations

from keste.models.availability import blocks_slot
from keste.models.timegrid import time_buckets
from keste.solver.timetable.context import ModelContext


def add(ctx: ModelContext) -> None:
    breaks = school_breaks(ctx)
    for teacher, meetings in ctx.meetings_of_teacher.items():
        buckets = time_buckets(ctx.schedules, {m.bells for m in meetings})
        if len(buckets) < 3:
            continue
        for day in range(len(ctx.days)):
            busy = [
                _busy(ctx, meetings, day, bucket, f"{teacher}_d{day}_b{i}")
                for i, bucket in enumerate(buckets)
                if not all((day, *key) in breaks for key in bucket)
            ]
            gaps = idle_between(ctx, busy, f"{teacher}_d{day}")
            if gaps is not None:
                ctx.penalise("teacher_gaps", gaps)
                ctx.teacher_gaps[(teacher, day)] = gaps


def school_breaks(ctx: ModelContext) -> set[tuple[int, str, int]]:
    """(day, bells, period) of the classes' bell schedules during which every class of the school
    is away: unavailable in each of its own periods that overlap it in clock time."""
    school = ctx.school
    used = sorted({school.bells_of(c) for c in school.classes})
    return {
        (day, bells, period)
        for bells in used
        for day, day_name in enumerate(ctx.days)
        for period in ctx.periods(bells)
        if all(_away(ctx, c, day_name, ctx.clock(bells, period)) for c in school.classes)
    }


def _away(ctx: ModelContext, school_class, day: str, clock: tuple[int, int]) -> bool:
    """Is the class unavailable in every period of its bells that overlaps a clock interval?"""
    bells = ctx.school.bells_of(school_class)
    own = {period: ctx.clock(bells, period) for period in ctx.periods(bells)}
    return all(
        any(blocks_slot(b, day, period, (start, end)) for b in school_class.unavailable)
        for period, (start, end) in own.items()
        if start < clock[1] and clock[0] < end
    )


def _busy(ctx: ModelContext, meetings, day: int, bucket, name: str):
    members = set(bucket)
    lessons = [
        v for m in meetings for p, v in ctx.day_lessons(m, day).items() if (m.bells, p) in members
    ]
    if not lessons:
        return 0
    if len(bucket) == 1:
        return sum(lessons)  # one period: at most one lesson (no clash)
    return ctx.any_of(lessons, f"busy_{name}")


def idle_between(ctx: ModelContext, busy: list, name: str):
    """The idle positions between the first and the last busy one (busy: 0/1 expressions in time
    order), as an exact integer variable; None when fewer than two positions can be busy."""
    if sum(1 for b in busy if not isinstance(b, int)) < 2:
        return None
    count = len(busy)
    model = ctx.model
    last = model.new_int_var(0, count, f"last_{name}")  # 1 + the last busy position
    model.add_max_equality(last, [(k + 1) * b for k, b in enumerate(busy)])
    first = model.new_int_var(0, count, f"first_{name}")  # count - the first busy position
    model.add_max_equality(first, [(count - k) * b for k, b in enumerate(busy)])
    gaps = model.new_int_var(0, count - 2, f"gaps_{name}")
    model.add_max_equality(gaps, [0, last + first - count - sum(busy)])
    return gaps
