"""Locked lessons: the scheduler pins a class's subject to a day and period."""

from __future__ import annotations

from keste.models.school import Lock
from keste.solver.demand import Meeting
from keste.solver.timetable.context import ModelContext


def meetings_for_lock(ctx: ModelContext, lock) -> list[Meeting]:
    group = None if lock.group is None else str(lock.group)
    return [
        m
        for m in ctx.meetings
        if lock.class_name in m.classes
        and any(
            s.subject == lock.subject and (group is None or s.group in (None, group))
            for s in m.sections
        )
    ]


def add(ctx: ModelContext) -> None:
    """A lock on a slot with no variable (its teacher unavailable, the day not that long) cannot
    hold; checks.py says why before any solving."""
    for lock in ctx.school.locks:
        if lock.day not in ctx.days:
            continue
        day = ctx.days.index(lock.day)
        candidates = [ctx.lesson(m, day, lock.period) for m in meetings_for_lock(ctx, lock)]
        candidates = [v for v in candidates if v is not None]
        ctx.hold(ctx.model.add_bool_or(candidates), ctx.guard("lock", lock_text(lock)))


def lock_label(lock: Lock) -> str:
    group = f" group {lock.group}" if lock.group else ""
    return f"{lock.class_name}{group} {lock.subject}"


def lock_text(lock: Lock) -> str:
    return f"{lock_label(lock)} {lock.day} {lock.period}"
