"""What changed between an approved timetable and its replacement, lesson by lesson.

Lessons are matched by class, group and subject: one still at its old time is kept (its teacher or
room may have changed); the others are paired in time order as moved, and what is left over was
removed (fewer lessons a week, a class gone) or added (more lessons, a new class).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from keste.models.timetable import LessonRow, Timetable

KINDS = ("moved", "teacher", "room", "removed", "added")


@dataclass(frozen=True)
class Change:
    kind: str  # one of KINDS
    class_name: str
    group: str | None
    subject: str
    before: LessonRow | None
    after: LessonRow | None


def timetable_changes(approved: Timetable, new: Timetable, days: tuple[str, ...]) -> list[Change]:
    before = _by_key(approved.lessons)
    after = _by_key(new.lessons)
    changes: list[Change] = []
    for key in sorted(set(before) | set(after), key=lambda k: (k[0], k[1] or "", k[2])):
        old, now = before.get(key, {}), after.get(key, {})
        for slot in sorted(set(old) & set(now), key=lambda s: _order(s, days)):
            if set(old[slot].teachers) != set(now[slot].teachers):
                changes.append(Change("teacher", *key, old[slot], now[slot]))
            if old[slot].room != now[slot].room:
                changes.append(Change("room", *key, old[slot], now[slot]))
        gone = sorted(set(old) - set(now), key=lambda s: _order(s, days))
        came = sorted(set(now) - set(old), key=lambda s: _order(s, days))
        for first, second in zip(gone, came, strict=False):
            changes.append(Change("moved", *key, old[first], now[second]))
        changes += [Change("removed", *key, old[s], None) for s in gone[len(came) :]]
        changes += [Change("added", *key, None, now[s]) for s in came[len(gone) :]]
    return changes


def _by_key(rows: list[LessonRow]) -> dict[tuple, dict[tuple[str, int], LessonRow]]:
    found: dict[tuple, dict[tuple[str, int], LessonRow]] = defaultdict(dict)
    for row in rows:
        found[(row.class_name, row.group, row.subject)][(row.day, row.period)] = row
    return found


def _order(slot: tuple[str, int], days: tuple[str, ...]) -> tuple[int, int]:
    day, period = slot
    return (days.index(day) if day in days else len(days), period)


def count(changes: list[Change], kind: str) -> int:
    return sum(1 for change in changes if change.kind == kind)
