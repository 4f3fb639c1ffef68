"""Counting rooms: rooms of a type against the lessons that need them, and seats."""

from __future__ import annotations

import math
from collections import defaultdict

from keste.models.findings import Finding
from keste.solver.demand import Meeting
from keste.solver.diagnosis.counting.weeks import disjoint_count, who_meets
from keste.solver.timetable.constraints.availability import allowed_slots
from keste.solver.timetable.context import ModelContext


def room_types(ctx: ModelContext) -> list[Finding]:
    if not ctx.school.rooms:
        return []
    demand: dict[tuple[str, str], list[tuple[Meeting, int]]] = defaultdict(list)
    for meeting in ctx.meetings:
        for key, count in meeting.room_needs().items():
            demand[key].append((meeting, count))
    findings = []
    for (kind, name), users in sorted(demand.items()):
        rooms = 1 if kind == "home" else sum(1 for r in ctx.school.rooms if r.type == name)
        needed = sum(m.lessons * count for m, count in users)
        periods = _room_periods(ctx, [m for m, _ in users])
        if needed <= rooms * periods:
            continue
        findings.append(
            Finding(
                "room_type",
                {
                    "type": name,
                    "needed": needed,
                    "rooms": rooms,
                    "periods": periods,
                    "capacity": rooms * periods,
                },
                (name,),
                suggestion=Finding(
                    "suggest_rooms",
                    {"type": name, "want": math.ceil((needed - rooms * periods) / max(1, periods))},
                ),
            )
        )
    return findings


def _room_periods(ctx: ModelContext, meetings: list[Meeting]) -> int:
    """Lessons one room can hold in a week: per day, the most clock-disjoint periods the
    meetings' classes can use."""
    by_day: dict[int, set[tuple[int, int]]] = defaultdict(set)
    for meeting in meetings:
        for (day, period), _ in allowed_slots(ctx, meeting):
            by_day[day].add(ctx.clock(meeting.bells, period))
    return sum(disjoint_count(intervals) for intervals in by_day.values())


def room_seats(ctx: ModelContext) -> list[Finding]:
    findings = []
    reported = set()
    for meeting in ctx.meetings:
        for need in meeting.rooms():
            rooms = [r for r in ctx.school.rooms if r.type == need.room_type]
            if not rooms or any(r.capacity is None for r in rooms):
                continue
            largest = max(r.capacity for r in rooms)
            group = meeting.sections[need.sections[0]].group if len(need.sections) == 1 else None
            who = who_meets(meeting) + (f" group {group}" if group else "")
            if need.students > largest and (who, need.room_type) not in reported:
                reported.add((who, need.room_type))
                params = {"who": who, "students": need.students, "type": need.room_type}
                findings.append(
                    Finding(
                        "room_seats",
                        {**params, "largest": largest},
                        (*meeting.classes, need.room_type),
                        suggestion=Finding("suggest_seats", params),
                    )
                )
    return findings
