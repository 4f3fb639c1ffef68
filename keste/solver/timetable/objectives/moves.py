"""Re-solving with few changes: the approved timetable as a hint, and a soft rule per moved lesson.

A lesson is a row of the Lessons sheet (a class, or one group of it, in one period). Every old row
whose class, group and subject still meet is hinted at its old time; `moved_lessons` counts the
old rows that are not at their old time in the new timetable, less those that had to go because
the subject now has fewer lessons a week (those are removed, not moved).
"""

from __future__ import annotations

from collections import defaultdict

from keste.models.school import LoadRow
from keste.models.timetable import Timetable
from keste.solver.timetable.context import ModelContext

Key = tuple[str, str, str | None]  # class, subject, group


def old_slots(timetable: Timetable, days: tuple[str, ...]) -> dict[Key, set[tuple[int, int]]]:
    """(class, subject, group) -> the (day index, period) of its old lessons; a day the school no
    longer has is index -1 (such a lesson has to move)."""
    slots: dict[Key, set[tuple[int, int]]] = defaultdict(set)
    for row in timetable.lessons:
        day = days.index(row.day) if row.day in days else -1
        slots[(row.class_name, row.subject, row.group)].add((day, row.period))
    return dict(slots)


def meeting_keys(meeting) -> list[Key]:
    return [(c, s.subject, s.group) for s in meeting.sections for c in s.classes]


def hint(ctx: ModelContext) -> None:
    """Every lesson variable hinted: 1 where the meeting was, 0 elsewhere."""
    if ctx.approved is None:
        return
    slots = old_slots(ctx.approved, ctx.days)
    for meeting in ctx.meetings:
        before = set().union(*(slots.get(key, set()) for key in meeting_keys(meeting)))
        for day, period in ctx.slots_of[meeting.index]:
            ctx.model.add_hint(ctx.x[(meeting.index, day, period)], (day, period) in before)


def add(ctx: ModelContext) -> None:
    """moved_lessons: per old row, 1 when its class, group and subject are not there any more."""
    if ctx.approved is None or "moved_lessons" in ctx.penalties:
        return
    slots = old_slots(ctx.approved, ctx.days)
    for meeting in ctx.meetings:
        for key in meeting_keys(meeting):
            before = slots.get(key)
            if not before:
                continue
            kept = [
                ctx.x[(meeting.index, *slot)] for slot in before if (meeting.index, *slot) in ctx.x
            ]
            removed = max(0, len(before) - meeting.lessons)
            moved = ctx.model.new_int_var(0, len(before), f"moved_{meeting.index}_{key}")
            ctx.model.add(moved == len(before) - removed - sum(kept))
            ctx.penalise("moved_lessons", moved)


def approved_load(timetable: Timetable) -> list[LoadRow]:
    """Who teaches what in the approved timetable, as Load rows (for allocation continuity)."""
    rows = {}
    for row in timetable.lessons:
        if row.teachers and not row.block and row.group in (None, "1", "2"):
            group = int(row.group) if row.group else None
            co_teacher = row.teachers[1] if len(row.teachers) > 1 else None
            rows[(row.class_name, row.subject, group)] = LoadRow(
                row.class_name, row.subject, row.teachers[0], group, co_teacher
            )
    return list(rows.values())
