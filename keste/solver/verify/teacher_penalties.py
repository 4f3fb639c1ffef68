"""The soft rules on teachers' weeks: teacher_gaps (idle steps between a day's lessons, by clock
time), teacher_wishes (free days and times they asked for) and room changes between lessons."""

from __future__ import annotations

import itertools
from collections import defaultdict

from keste.models.school import Teacher
from keste.models.values import TimeBlock
from keste.solver.verify.rows import covers
from keste.solver.verify.week import Week


def teacher_gaps(week: Week) -> int:
    total = 0
    for _, days in week.teacher_days.items():
        names = {bells for lessons in days.values() for _, _, bells, _ in lessons}
        buckets = _buckets([(p.start, p.end) for n in names for p in week.bells[n].periods])
        for lessons in days.values():
            busy = sorted({_bucket_of(buckets, start) for start, _, _, _ in lessons})
            if busy:
                total += (busy[-1] - busy[0] + 1) - len(busy)
    return total


def _buckets(intervals: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Periods in clock order with overlapping ones merged: the steps of a teacher's day."""
    merged: list[list[int]] = []
    for start, end in sorted(set(intervals)):
        if merged and start < merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return [(s, e) for s, e in merged]


def _bucket_of(buckets: list[tuple[int, int]], start: int) -> int:
    return next(i for i, (s, e) in enumerate(buckets) if s <= start < e)


def teacher_wishes(week: Week) -> int:
    total = 0
    for teacher in week.school.teachers:
        days = week.teacher_days.get(teacher.code, {})
        for wish in teacher.wishes:
            if wish.kind == "free_day" and wish.block is None:
                worked = {d for d, lessons in days.items() if lessons}
                total += int(len(worked) == len(week.days))
            elif wish.kind == "free_day":
                total += len(days.get(wish.block.day, ()))
            else:
                total += _avoided(week, teacher, wish.block)
    return total


def _avoided(week: Week, teacher: Teacher, block: TimeBlock) -> int:
    """The teacher's lessons (each once) in a time they asked to keep free."""
    seen = {
        (r.day, r.start, r.end)
        for r in week.lessons
        if teacher.code in r.teachers and covers(block, r)
    }
    return len(seen)


def room_changes(week: Week) -> int:
    changes = 0
    by_teacher = defaultdict(list)
    for row in week.lessons:
        for teacher in row.teachers:
            if row.room:
                by_teacher[(teacher, row.day)].append((row.start, row.room))
    for lessons in by_teacher.values():
        rooms = [room for _, room in sorted(set(lessons))]
        changes += sum(1 for a, b in itertools.pairwise(rooms) if a != b)
    return changes
