"""The soft rules on teachers' weeks: teacher_gaps (idle steps between a day's lessons, by clock
time), teacher_wishes (free days and times they asked for) and room changes between lessons."""

from __future__ import annotations

import itertools
from collections import defaultdict

from keste.models.school import Teacher
from keste.models.values import TimeBlock
from keste.solver.verify.rows import covers, probe
from keste.solver.verify.week import Week


def teacher_gaps(week: Week) -> int:
    total = 0
    breaks = _school_breaks(week)
    for _, days in week.teacher_days.items():
        names = {bells for lessons in days.values() for _, _, bells, _ in lessons}
        periods = [(n, p) for n in names for p in week.bells[n].periods]
        buckets = _buckets([(p.start, p.end) for _, p in periods])
        inside = [  # each step's periods, as (bells, number)
            [(n, p.number) for n, p in periods if start <= p.start < end] for start, end in buckets
        ]
        for day, lessons in days.items():
            busy = {_bucket_of(buckets, start) for start, _, _, _ in lessons}
            if not busy:
                continue
            for step in range(min(busy) + 1, max(busy)):
                if step not in busy and not all((day, *key) in breaks for key in inside[step]):
                    total += 1
    return total


def _school_breaks(week: Week) -> set[tuple[str, str, int]]:
    """(day, bells, period) of the classes' bell schedules during which no class of the school
    may be taught (each is unavailable in its own periods then): a break of the whole school
    (FET's break times), which is no step of a teacher's day."""
    classes = week.school.classes
    used = sorted({week.school.bells_of(c) for c in classes} & set(week.bells))
    return {
        (day, bells, period.number)
        for bells in used
        for day in week.days
        for period in week.bells[bells].periods
        if all(_away(week, c, day, period.start, period.end) for c in classes)
    }


def _away(week: Week, school_class, day: str, start: int, end: int) -> bool:
    own = week.bells.get(week.school.bells_of(school_class))
    return all(
        any(
            covers(block, probe(day, p.number, p.start, p.end))
            for block in school_class.unavailable
        )
        for p in (own.periods if own else ())
        if p.start < end and start < p.end
    )


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
