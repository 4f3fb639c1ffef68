"""room_type, room_seats: every lesson in a room of the type it needs, and the room seats the
class, half, group or elective group that sits in it."""

from __future__ import annotations

from collections.abc import Iterator

from keste.models.timetable import LessonRow
from keste.models.verification import Violation
from keste.solver.verify.week import Week


def check_rooms(week: Week) -> Iterator[Violation]:
    school = week.school
    if not school.rooms:
        return
    yield from _split_activities(week)
    block_type = {(g.block, g.group): g.room_type for g in school.electives}
    for row in week.lessons:
        subject = school.subject_by_code[row.subject]
        activity = week.activities.get(row.block)
        needed = (
            block_type.get((row.block, row.group))
            or (activity.room_type if activity else None)
            or subject.room_type
        )
        where = f"{row.class_name} {row.subject} {row.day} period {row.period}"
        if row.room is None:
            if needed:
                yield Violation("room_type", f"{where}: no room (needs a {needed})")
            continue
        room = school.room_by_name[row.room]
        if needed and room.type != needed:
            yield Violation(
                "room_type",
                f"{where}: room {row.room} is a {room.type}, the lesson needs a {needed}",
            )
        size = _group_size(week, row)
        if room.capacity is not None and size > room.capacity:
            yield Violation(
                "room_seats",
                f"{where}: {size} students in room {row.room} of {room.capacity} seats",
            )


def _split_activities(week: Week) -> Iterator[Violation]:
    """An activity's classes sit together: every row of one of its lessons in one room."""
    rooms: dict[tuple, set] = {}
    for row in week.lessons:
        if row.block in week.activities:
            rooms.setdefault((row.block, row.day, row.period), set()).add(row.room)
    for (activity, day, period), used in rooms.items():
        if len(used) > 1:
            names = ", ".join(sorted(r or "none" for r in used))
            yield Violation(
                "room_type", f"activity {activity} {day} period {period}: in rooms {names} at once"
            )


def _group_size(week: Week, row: LessonRow) -> int:
    """How many students sit in the lesson."""
    school = week.school
    activity = week.activities.get(row.block)
    if activity is not None:  # all its classes and groups sit in its one room
        return sum(_part_size(week, c, g) for c, g in activity.parts() if c in school.class_by_name)
    if row.block is None and row.group not in ("1", "2"):
        return _part_size(week, row.class_name, row.group)
    if row.block is not None:
        sizes = [
            len(g.members) or g.students or 0
            for g in school.electives
            if g.block == row.block and g.group == row.group
        ]
        return max(sizes, default=0)
    students = school.class_by_name[row.class_name].students
    if row.group in ("1", "2"):
        return (students + (1 if row.group == "1" else 0)) // 2
    return students


def _part_size(week: Week, class_name: str, group: str | None) -> int:
    """A class, or a named group of it from the Groups sheet."""
    school = week.school
    for row in school.groups:
        if (row.class_name, row.group) == (class_name, group) and row.students:
            return row.students
    return school.class_by_name[class_name].students
