"""Teacher gaps (soft, teacher_gaps): idle periods between a teacher's first and last lesson of a
day. Periods of the teacher's bell schedules are taken in clock order, overlapping ones merged
(timegrid.time_buckets), so the 40 minutes between two shifts are not a gap but an idle period of
either shift is."""

from __future__ import annotations

from keste.models.timegrid import time_buckets
from keste.solver.timetable.context import ModelContext


def add(ctx: ModelContext) -> None:
    for teacher, meetings in ctx.meetings_of_teacher.items():
        buckets = time_buckets(ctx.schedules, {m.bells for m in meetings})
        if len(buckets) < 3:
            continue
        for day in range(len(ctx.days)):
            busy = [
                _busy(ctx, meetings, day, bucket, f"{teacher}_d{day}_b{i}")
                for i, bucket in enumerate(buckets)
            ]
            _gaps(ctx, f"{teacher}_d{day}", busy)


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


def _gaps(ctx: ModelContext, name: str, busy: list) -> None:
    """gap_k = before_k and after_k and not busy_k, where before_k / after_k say the teacher works
    earlier / later that day. Every variable is defined exactly (not only bounded), so the
    objective of any solution, not just the optimal one, is the timetable's true penalty."""
    count = len(busy)
    if sum(1 for b in busy if not isinstance(b, int)) < 2:
        return
    before = _running_or(ctx, busy[:-1], f"before_{name}")  # before[k] covers busy[0..k]
    after = _running_or(ctx, busy[:0:-1], f"after_{name}")[::-1]  # after[k] covers busy[k+1..]
    for k in range(1, count - 1):
        if isinstance(busy[k], int) and busy[k]:
            continue
        gap = ctx.model.new_bool_var(f"gap_{name}_{k}")
        ctx.model.add(gap >= before[k - 1] + after[k] - 1 - busy[k])
        ctx.model.add(gap <= before[k - 1])
        ctx.model.add(gap <= after[k])
        ctx.model.add(gap <= 1 - busy[k])
        ctx.penalise("teacher_gaps", gap)


def _running_or(ctx: ModelContext, busy: list, name: str) -> list:
    """r[k] = busy[0] or ... or busy[k], as exact Boolean variables."""
    running = []
    for k, value in enumerate(busy):
        current = ctx.model.new_bool_var(f"{name}_{k}")
        previous = running[-1] if running else 0
        ctx.model.add(current >= value)
        ctx.model.add(current >= previous)
        ctx.model.add(current <= previous + value)
        running.append(current)
    return running
