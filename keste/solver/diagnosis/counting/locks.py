"""Locks that cannot hold: beyond a class's day, on a teacher's unavailable time, or clashing."""

from __future__ import annotations

from collections import defaultdict
from itertools import combinations

from keste.models.availability import longest_day
from keste.models.findings import Finding
from keste.models.school import Lock
from keste.solver.demand import Meeting
from keste.solver.timetable.constraints.availability import allowed_slots
from keste.solver.timetable.constraints.locks import lock_label, lock_text, meetings_for_lock
from keste.solver.timetable.context import ModelContext


def locks(ctx: ModelContext) -> list[Finding]:
    findings = []
    placed: list[tuple[Lock, Meeting]] = []
    slots: dict[int, dict[tuple[str, int], Lock]] = defaultdict(dict)
    for lock in ctx.school.locks:
        if lock.day not in ctx.days:
            continue
        meetings = meetings_for_lock(ctx, lock)
        finding = _lock_slot(ctx, lock, meetings)
        if finding:
            findings.append(finding)
        elif len(meetings) == 1:
            placed.append((lock, meetings[0]))
            slots[meetings[0].index][(lock.day, lock.period)] = lock
    for index, by_slot in slots.items():
        lessons, locks = ctx.meetings[index].lessons, list(by_slot.values())
        if len(locks) > lessons:
            findings.append(
                Finding(
                    "lock_too_many",
                    {"lesson": lock_label(locks[0]), "locks": len(locks), "lessons": lessons},
                    (locks[0].class_name,),
                    suggestion=Finding("suggest_lock", {"lock": lock_text(locks[-1])}),
                )
            )
    findings += _lock_pairs(ctx, placed)
    return findings


def _lock_slot(ctx: ModelContext, lock: Lock, meetings: list[Meeting]) -> Finding | None:
    """A lock on a period the class's day never reaches, or when its teacher is unavailable."""
    day = ctx.days.index(lock.day)
    free, busy_teachers = False, []
    for meeting in meetings:
        for (slot_day, period), busy in allowed_slots(ctx, meeting):
            if (slot_day, period) == (day, lock.period):
                free = free or not busy
                busy_teachers += busy
    if free or not meetings:
        return None
    params = {"lesson": lock_label(lock), "day": lock.day, "period": lock.period}
    suggestion = Finding("suggest_lock", {"lock": lock_text(lock)})
    if busy_teachers:
        teacher = busy_teachers[0]
        return Finding(
            "lock_unavailable",
            {**params, "teacher": teacher},
            (lock.class_name, teacher),
            suggestion=suggestion,
        )
    reach = longest_day(ctx.school, lock.class_name)
    return Finding(
        "lock_beyond_day",
        {**params, "cls": lock.class_name, "reach": reach},
        (lock.class_name,),
        suggestion=suggestion,
    )


def _lock_pairs(ctx: ModelContext, placed: list[tuple[Lock, Meeting]]) -> list[Finding]:
    """Two locks that put one student set, or one teacher, in two lessons at once."""
    findings = []
    for (first, one), (second, other) in combinations(placed, 2):
        if one.index == other.index or first.day != second.day:
            continue
        start, end = ctx.clock(one.bells, first.period)
        other_start, other_end = ctx.clock(other.bells, second.period)
        if not (start < other_end and other_start < end):
            continue
        params = {"day": first.day, "first": lock_text(first), "second": lock_text(second)}
        suggestion = Finding("suggest_lock", {"lock": lock_text(second)})
        shared_sets = set(one.sets) & set(other.sets)
        shared_teachers = set(one.teachers) & set(other.teachers)
        if shared_sets:
            labels = {"first": lock_label(first), "second": lock_label(second)}
            findings.append(
                Finding(
                    "lock_clash",
                    {**params, **labels, "cls": first.class_name, "period": first.period},
                    (first.class_name,),
                    suggestion=suggestion,
                )
            )
        elif shared_teachers:
            teacher = sorted(shared_teachers)[0]
            findings.append(
                Finding(
                    "lock_teacher_clash",
                    {**params, "teacher": teacher},
                    (teacher, first.class_name, second.class_name),
                    suggestion=suggestion,
                )
            )
    return findings
