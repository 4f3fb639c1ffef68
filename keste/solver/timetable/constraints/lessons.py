"""Each meeting's lessons: every hour placed, at most max_per_day a day, double lessons as planned.

A double lesson is two adjacent periods of one meeting on one day. A start variable marks it; two
adjacent periods of a meeting always form a declared double (no hidden doubles), and a day holds at
most max_per_day separate lessons, a double counting as one. An activity whose lessons last
`length` periods is placed by start variables too: each period is covered by exactly one start.
"""

from __future__ import annotations

from collections import defaultdict

from keste.solver.demand import Meeting
from keste.solver.timetable.context import ModelContext


def add(ctx: ModelContext) -> None:
    for meeting in ctx.meetings:
        lessons = [ctx.x[(meeting.index, d, p)] for d, p in ctx.slots_of[meeting.index]]
        hours = ctx.guard("hours", owner(meeting))
        ctx.hold(ctx.model.add(sum(lessons) == meeting.lessons), hours)
        per_day = ctx.guard("subject_per_day", meeting.subjects[0])
        if meeting.length > 1:
            _long_lessons(ctx, meeting, per_day)
            continue
        starts = []
        for day in range(len(ctx.days)):
            starts += _day_rules(ctx, meeting, day, per_day)
        if meeting.max_doubles:
            ctx.hold(
                ctx.model.add_linear_constraint(
                    sum(starts), meeting.min_doubles, meeting.max_doubles
                ),
                per_day,
            )
    _block_groups(ctx)


def _block_groups(ctx: ModelContext) -> None:
    """A group in several parts of one block (demand._block_parts): its lessons over all of them
    at most its subject's max_per_day a day, never two in a row (blocks have no doubles)."""
    parts: dict[tuple[str, str | None], list[Meeting]] = defaultdict(list)
    for meeting in ctx.meetings:
        if meeting.block:
            for section in meeting.sections:
                parts[(meeting.block, section.group)].append(meeting)
    for (_, group), meetings in parts.items():
        if len(meetings) < 2:
            continue
        subject = next(s.subject for s in meetings[0].sections if s.group == group)
        cap = ctx.school.subject_max_per_day(subject)
        guard = ctx.guard("subject_per_day", subject)
        for day in range(len(ctx.days)):
            by_period: dict[int, list] = defaultdict(list)
            for meeting in meetings:
                for period, variable in ctx.day_lessons(meeting, day).items():
                    by_period[period].append(variable)
            ctx.hold(ctx.model.add(sum(v for vs in by_period.values() for v in vs) <= cap), guard)
            for period, now in by_period.items():
                if period + 1 in by_period:
                    ctx.hold(ctx.model.add(sum(now) + sum(by_period[period + 1]) <= 1), guard)


def owner(meeting: Meeting) -> str:
    """Whose hours a meeting carries: a class (or classes), an elective block or an activity."""
    if meeting.block:
        return f"block {meeting.block}"
    if meeting.activity:
        return f"activity {meeting.activity}"
    return ",".join(meeting.classes)


def _long_lessons(ctx: ModelContext, meeting: Meeting, guard) -> None:
    """Lessons of `length` periods in a row: a start variable per possible first period; every
    period of the meeting is covered by exactly one start; at most max_per_day starts a day."""
    length = meeting.length
    for day in range(len(ctx.days)):
        grid = ctx.day_lessons(meeting, day)
        starts = {}
        for period in grid:
            if all(period + k in grid for k in range(length)):
                starts[period] = ctx.model.new_bool_var(f"start_m{meeting.index}_d{day}_p{period}")
            if period + 1 in grid:  # one lesson across both periods: not two hard subjects
                ctx.double_starts[(meeting.index, day, period)] = ctx.both(
                    grid[period], grid[period + 1], f"both_m{meeting.index}_d{day}_p{period}"
                )
        for period, variable in grid.items():
            covering = [starts[p] for p in range(period - length + 1, period + 1) if p in starts]
            ctx.model.add(variable == sum(covering))
        if starts:
            ctx.hold(ctx.model.add(sum(starts.values()) <= meeting.max_per_day), guard)


def _day_rules(ctx: ModelContext, meeting: Meeting, day: int, guard) -> list:
    grid = ctx.day_lessons(meeting, day)
    if not grid:
        return []
    adjacent = [(p, grid[p], grid[p + 1]) for p in grid if p + 1 in grid]
    if not meeting.max_doubles:
        if meeting.max_per_day > 1 and not meeting.activity:  # an activity states its length
            for _, first, second in adjacent:
                ctx.hold(ctx.model.add(first + second <= 1), guard)
        ctx.hold(ctx.model.add(sum(grid.values()) <= meeting.max_per_day), guard)
        return []
    starts = {}
    for period, first, second in adjacent:
        start = ctx.model.new_bool_var(f"double_m{meeting.index}_d{day}_p{period}")
        ctx.model.add_implication(start, first)
        ctx.model.add_implication(start, second)
        # two adjacent periods are a declared double
        ctx.hold(ctx.model.add_bool_or([first.Not(), second.Not(), start]), guard)
        ctx.double_starts[(meeting.index, day, period)] = start
        starts[period] = start
    for period, start in starts.items():
        if period + 1 in starts:
            ctx.hold(ctx.model.add(start + starts[period + 1] <= 1), guard)  # no triples
    ctx.hold(ctx.model.add(sum(grid.values()) - sum(starts.values()) <= meeting.max_per_day), guard)
    return list(starts.values())
