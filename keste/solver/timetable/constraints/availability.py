"""When each lesson may happen at all: teacher unavailability, the length of a class's day and an
activity's times.

These rules shrink each meeting's domain before any variable exists, so a slot a teacher cannot
teach never becomes a variable.
"""

from __future__ import annotations

from keste.models.availability import blocks_slot, longest_day, teacher_free
from keste.solver.demand import Meeting
from keste.solver.timetable.context import ModelContext, Slot


def allowed_slots(
    ctx: ModelContext, meeting: Meeting, full_days: bool = False
) -> list[tuple[Slot, list[str]]]:
    """Each slot the class's day can reach (every period of its bells with full_days) and its
    classes are available, with the teachers who are unavailable then."""
    reach = min(longest_day(ctx.school, c) for c in meeting.classes)
    if full_days:
        reach = len(ctx.periods(meeting.bells))
    teachers = [
        ctx.school.teacher_by_code[t] for t in meeting.teachers if t in ctx.school.teacher_by_code
    ]
    closed = [b for c in meeting.classes for b in ctx.school.class_by_name[c].unavailable]
    slots = []
    for day_index, day in enumerate(ctx.days):
        for period in ctx.periods(meeting.bells):
            clock = ctx.clock(meeting.bells, period)
            if period > reach or any(blocks_slot(b, day, period, clock) for b in closed):
                continue
            if meeting.times and not any(blocks_slot(b, day, period, clock) for b in meeting.times):
                continue
            busy = [t.code for t in teachers if not teacher_free(t, day, period, clock)]
            slots.append(((day_index, period), busy))
    return slots


def create_lesson_variables(ctx: ModelContext) -> None:
    """A variable per allowed slot. Outside diagnosis a teacher's unavailable slots get none; in
    diagnosis they get one, held at 0 under the teacher's 'unavailable' guard, so the explanation
    can name the unavailability."""
    for meeting in ctx.meetings:
        ctx.slots_of[meeting.index] = []
        for (day, period), busy in allowed_slots(ctx, meeting):
            if busy and not ctx.diagnose:
                continue
            variable = ctx.model.new_bool_var(f"m{meeting.index}_d{day}_p{period}")
            ctx.x[(meeting.index, day, period)] = variable
            ctx.slots_of[meeting.index].append((day, period))
            for teacher in busy:
                ctx.hold(ctx.model.add(variable == 0), ctx.guard("unavailable", teacher))
    ctx.index_variables()
