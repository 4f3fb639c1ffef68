"""Why rooms cannot be handed out: a moment when some lessons, together, can use fewer rooms
than there are of them (Hall's condition fails), found by matching lessons to rooms."""

from __future__ import annotations

from keste.models.school import Room
from keste.models.values import format_time
from keste.solver.rooms.needs import NeedKey, PlacedNeed, moments


def room_shortage(
    needs: list[PlacedNeed], candidates: dict[NeedKey, list[Room]], days: tuple[str, ...]
) -> str:
    """The first moment whose lessons cannot all have a room, in words; or, when every moment
    alone can, that lessons would have to change rooms part-way (overlapping bell schedules)."""
    for day, start, running in moments(needs):
        short = _hall_violator(running, candidates)
        if short:
            lessons, rooms = short
            return (
                f"{days[day]} {format_time(start)}: {len(lessons)} lessons "
                f"({', '.join(sorted(lessons))}) can only use the {len(rooms)} rooms "
                f"{', '.join(sorted(rooms)) or '(none)'}"
            )
    return (
        "every moment has rooms enough, but overlapping bell schedules would make some lesson "
        "change rooms part-way"
    )


def _hall_violator(
    running: list[PlacedNeed], candidates: dict[NeedKey, list[Room]]
) -> tuple[list[str], set[str]] | None:
    """Lessons that together can use fewer rooms than they are, or None when all fit."""
    rooms_of = {n.key: [r.name for r in candidates[n.key]] for n in running}
    holder: dict[str, NeedKey] = {}
    for need in running:
        if not _augment(need.key, rooms_of, holder, set()):
            reached = _alternating_reach(need.key, rooms_of, holder)
            label = {n.key: n.label for n in running}
            keys = {need.key} | {holder[r] for r in reached if r in holder}
            return [label[k] for k in keys], reached
    return None


def _augment(key: NeedKey, rooms_of, holder: dict[str, NeedKey], seen: set[str]) -> bool:
    """Kuhn's augmenting path: give the lesson a room, moving others along if need be."""
    for room in rooms_of[key]:
        if room in seen:
            continue
        seen.add(room)
        if room not in holder or _augment(holder[room], rooms_of, holder, seen):
            holder[room] = key
            return True
    return False


def _alternating_reach(key: NeedKey, rooms_of, holder: dict[str, NeedKey]) -> set[str]:
    """The rooms reachable from an unmatched lesson by alternating paths: all held, and fewer
    than the lessons that reach them."""
    rooms: set[str] = set()
    stack = [key]
    while stack:
        for room in rooms_of[stack.pop()]:
            if room not in rooms:
                rooms.add(room)
                if room in holder:
                    stack.append(holder[room])
    return rooms
