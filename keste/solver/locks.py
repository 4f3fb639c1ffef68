"""Locked lessons: the scheduler pins a class's subject to a day and period."""

from __future__ import annotations

from keste.models.problems import Problems
from keste.solver.context import ModelContext
from keste.solver.demand import Meeting


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


def add(ctx: ModelContext, problems: Problems) -> None:
    for lock in ctx.school.locks:
        if lock.day not in ctx.days:
            continue
        day = ctx.days.index(lock.day)
        candidates = [ctx.lesson(m, day, lock.period) for m in meetings_for_lock(ctx, lock)]
        candidates = [v for v in candidates if v is not None]
        if not candidates:
            problems.error(
                f"{lock.class_name} {lock.subject} cannot be on {lock.day} period {lock.period}: "
                "its teacher is unavailable then, or the class's day is not that long",
                **problems.at(lock.source, "period"),
                value=lock.period,
            )
            ctx.model.add_bool_or([])  # the lock cannot hold
            continue
        key = f"{lock.class_name} {lock.subject} {lock.day} {lock.period}"
        ctx.hold(ctx.model.add(sum(candidates) >= 1), ctx.guard("lock", key))
