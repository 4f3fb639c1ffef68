"""The kind of room an ordinary lesson needs: the class's home room, else a generic classroom."""

from __future__ import annotations

from keste.models.school import School, SchoolClass

GENERIC_ROOM = "classroom"  # the room type of ordinary lessons away from the home room


def ordinary_room(
    school: School, school_class: SchoolClass, may_use_home: bool
) -> tuple[str | None, str | None]:
    """(room type, home room) for a lesson that needs no special room: the class's home room,
    else any classroom; nothing when the school lists no classrooms."""
    if may_use_home and school_class.home_room and school.rooms:
        return None, school_class.home_room
    if any(room.type == GENERIC_ROOM for room in school.rooms):
        return GENERIC_ROOM, None
    return None, None
