"""A quick first assignment of rooms, in start-time order: the exact model starts from it (and
falls back on it if it finds nothing in its time)."""

from __future__ import annotations

from collections import defaultdict

from keste.models.school import Room
from keste.solver.rooms.needs import NeedKey, PlacedNeed


def greedy_rooms(
    needs: list[PlacedNeed], candidates: dict[NeedKey, list[Room]]
) -> dict[NeedKey, str | None]:
    """Home rooms first; then each lesson, earliest first and bigger groups first, takes a free
    room: the approved timetable's, then the one its teacher was just in, then the smallest."""
    taken: dict[str, list[PlacedNeed]] = defaultdict(list)
    chosen: dict[NeedKey, str | None] = {}
    fixed = [n for n in needs if n.need.home_room]
    for need in fixed:
        room = candidates[need.key][0].name if candidates[need.key] else None
        chosen[need.key] = room
        if room:
            taken[room].append(need)
    last_room: dict[tuple[str, int], str] = {}
    ordered = sorted(
        (n for n in needs if not n.need.home_room),
        key=lambda n: (n.day, n.start, -n.need.students),
    )
    for need in ordered:
        free = [r for r in candidates[need.key] if not any(need.meets(o) for o in taken[r.name])]
        previous = {last_room.get((t, need.day)) for t in need.teachers}
        room = min(
            free,
            key=lambda r: (
                r.name not in need.approved,
                r.name not in previous,
                r.capacity or 10_000,
                r.name,
            ),
            default=None,
        )
        chosen[need.key] = room.name if room else None
        if room:
            taken[room.name].append(need)
            for teacher in need.teachers:
                last_room[(teacher, need.day)] = room.name
    return chosen
