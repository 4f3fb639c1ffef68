"""What demand expansion yields: meetings (one recurring lesson type each), their sections
(who sits together, with which teachers, in what kind of room) and the school's student sets."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Section:
    """Who sits together in one part of a meeting, with whom, and where."""

    subject: str
    classes: tuple[str, ...]
    group: str | None  # None: the whole class; "1"/"2": a half; else an elective group
    teachers: tuple[str, ...]
    room_type: str | None = None  # a room of this type is needed
    home_room: str | None = None  # or this very room (the class's own)
    students: int = 0
    week: str | None = None  # None: every week; "A" or "B": every other week
    difficulty: int = 0


@dataclass(frozen=True)
class RoomNeed:
    """One room a meeting takes while it runs: for the sections listed (an activity's classes
    sit together in one room), of a type or a class's own room, seating them all."""

    sections: tuple[int, ...]
    room_type: str | None
    home_room: str | None
    students: int
    week: str | None


@dataclass
class Meeting:
    index: int
    sections: tuple[Section, ...]
    classes: tuple[str, ...]
    bells: str
    lessons: int  # periods a week
    min_doubles: int = 0
    max_doubles: int = 0
    max_per_day: int = 1
    block: str | None = None  # an elective block: its classes are busy whole
    last_of_day: bool = False  # ends its students' day (a lone every-other-week lesson, or asked)
    activity: str | None = None  # a row of the Activities sheet
    length: int = 1  # periods each lesson lasts (lessons counts periods)
    times: tuple = ()  # TimeBlocks its lessons must lie within (an activity's times; none: any)
    sets: tuple[str, ...] = ()  # atomic student sets it occupies (filled in by expand)
    set_difficulty: dict[str, int] = field(default_factory=dict)

    @property
    def teachers(self) -> tuple[str, ...]:
        return tuple(sorted({t for s in self.sections for t in s.teachers}))

    def teachers_needed_twice(self) -> tuple[str, ...]:
        """Teachers two sections need at the same time (two groups of a block, both halves of
        a split class in one week): no timetable can place such a meeting. An activity's
        teachers teach all of its students together, so they are needed once."""
        if self.activity:
            return ()
        twice: set[str] = set()
        for week in ("A", "B"):
            seen: set[str] = set()
            for section in self.sections:
                if section.week in (None, week):
                    twice |= seen & set(section.teachers)
                    seen |= set(section.teachers)
        return tuple(sorted(twice))

    @property
    def subjects(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(s.subject for s in self.sections))

    def rooms(self) -> list[RoomNeed]:
        """The rooms the meeting takes: one per section that needs a room, or one for a whole
        activity (its first section says which kind)."""
        if self.activity and self.sections:
            first = self.sections[0]
            if not (first.room_type or first.home_room):
                return []
            students = sum(s.students for s in self.sections)
            every = tuple(range(len(self.sections)))
            return [RoomNeed(every, first.room_type, first.home_room, students, first.week)]
        return [
            RoomNeed((index,), s.room_type, s.home_room, s.students, s.week)
            for index, s in enumerate(self.sections)
            if s.room_type or s.home_room
        ]

    def room_needs(self) -> dict[tuple[str, str], int]:
        """Rooms taken while the meeting runs: ('type', T) or ('home', room) -> how many.

        Sections of week A and week B share a slot, so the busier week counts.
        """
        needs: dict[tuple[str, str], int] = {}
        for week in ("A", "B"):
            counted: dict[tuple[str, str], int] = defaultdict(int)
            for need in self.rooms():
                if need.week in (None, week):
                    counted[need_key(need)] += 1
            for key, count in counted.items():
                needs[key] = max(needs.get(key, 0), count)
        return needs

    @property
    def label(self) -> str:
        if self.block:
            return f"block {self.block} ({','.join(self.classes)})"
        if self.activity:
            return f"activity {self.activity} ({','.join(self.classes)})"
        parts = [s.subject + (f" g{s.group}" if s.group else "") for s in self.sections]
        return f"{','.join(self.classes)} {'+'.join(dict.fromkeys(parts))}"


@dataclass
class Demand:
    meetings: list[Meeting]
    sets_of_class: dict[str, tuple[str, ...]]  # class -> its atomic student sets


def need_key(need: RoomNeed) -> tuple[str, str]:
    """('home', room) for a class's own room, else ('type', room type)."""
    if need.home_room:
        return ("home", need.home_room)
    assert need.room_type is not None
    return ("type", need.room_type)
