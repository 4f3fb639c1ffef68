"""Nobody in two places: a student set, a teacher (by clock time, across bell schedules) or more
rooms of a type than the school has.

Student sets follow one bell schedule, so their clash is per (day, period). Teachers and rooms are
shared across bell schedules (shifts), so their clashes are over groups of periods whose clock times
overlap.
"""

from __future__ import annotations

from collections import defaultdict

from keste.models.timegrid import overlap_cliques
from keste.solver.demand import Meeting
from keste.solver.timetable.context import ModelContext


def add(ctx: ModelContext) -> None:
    for (student_set, _, _), occupancy in ctx.occupancy.items():
        if len(occupancy) > 1:
            guard = ctx.guard("class_clash", ctx.class_of_set[student_set])
            ctx.hold(ctx.model.add(sum(occupancy) <= 1), guard)
    for teacher, meetings in ctx.meetings_of_teacher.items():
        _at_most(
            ctx, meetings, {m.index: 1 for m in meetings}, 1, ctx.guard("teacher_clash", teacher)
        )
    _rooms(ctx)


def _at_most(
    ctx: ModelContext,
    meetings: list[Meeting],
    weight: dict[int, int],
    limit: int,
    guard=None,
) -> None:
    """Over every group of clock-overlapping periods on a day: weighted lessons <= limit."""
    if sum(m.lessons * weight[m.index] for m in meetings) <= limit:
        return
    keys = [((m.bells, p), *ctx.clock(m.bells, p)) for m in meetings for p in ctx.periods(m.bells)]
    for clique in overlap_cliques(keys):
        members = set(clique)
        for day in range(len(ctx.days)):
            terms = [
                (weight[m.index], variable)
                for m in meetings
                for period, variable in ctx.day_lessons(m, day).items()
                if (m.bells, period) in members
            ]
            if sum(w for w, _ in terms) > limit:
                ctx.hold(ctx.model.add(sum(w * v for w, v in terms) <= limit), guard)


def _rooms(ctx: ModelContext) -> None:
    """Rooms of a type are interchangeable; at any time the lessons needing them fit the count.

    A home room is a room of its own type that its class uses for ordinary lessons; two classes
    sharing one home room cannot both be in it. Seats: lessons of more students than some rooms
    hold may only use the bigger ones (Hall's condition on nested room sets).
    """
    school = ctx.school
    if not school.rooms:
        return
    type_of_room = {room.name: room.type for room in school.rooms}
    users: dict[tuple[str, str], dict[int, int]] = defaultdict(dict)
    for meeting in ctx.meetings:
        for (kind, key), count in meeting.room_needs().items():
            users[(kind, key)][meeting.index] = count
            if kind == "home" and key in type_of_room:
                type_key = ("type", type_of_room[key])
                users[type_key][meeting.index] = users[type_key].get(meeting.index, 0) + count
    by_index = {m.index: m for m in ctx.meetings}
    for (kind, key), weights in users.items():
        meetings = [by_index[i] for i in weights]
        guard = ctx.guard("home_room" if kind == "home" else "rooms", key)
        if kind == "home":
            _at_most(ctx, meetings, weights, 1, guard)
            continue
        rooms = [room for room in school.rooms if room.type == key]
        _at_most(ctx, meetings, weights, len(rooms), guard)
        _seats(ctx, key, rooms, meetings, guard)


def _seats(
    ctx: ModelContext, room_type: str, rooms: list, meetings: list[Meeting], guard=None
) -> None:
    """For each group size: the lessons at least that big, and the home-room lessons in rooms
    that big, fit the rooms of the type that seat it (Hall's condition, so rooms can always
    be handed out)."""
    needs_of = {m.index: m.rooms() for m in meetings}
    sizes = sorted({n.students for ns in needs_of.values() for n in ns if n.room_type == room_type})
    for size in sizes:
        big_enough = {r.name for r in rooms if r.capacity is None or r.capacity >= size}
        if len(big_enough) == len(rooms) or not size:
            continue
        weights = {
            m.index: _busiest_week(
                n
                for n in needs_of[m.index]
                if (n.room_type == room_type and not n.home_room and n.students >= size)
                or n.home_room in big_enough
            )
            for m in meetings
        }
        heavy = [m for m in meetings if weights[m.index]]
        if heavy:
            _at_most(ctx, heavy, weights, len(big_enough), guard)


def _busiest_week(needs) -> int:
    """Rooms taken at once: week A's and week B's lessons share a slot."""
    needs = list(needs)
    return max(sum(1 for n in needs if n.week in (None, week)) for week in ("A", "B"))
