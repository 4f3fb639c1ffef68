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
    sets: tuple[str, ...] = ()  # atomic student sets it occupies (filled in by expand)
    set_difficulty: dict[str, int] = field(default_factory=dict)

    @property
    def teachers(self) -> tuple[str, ...]:
        return tuple(sorted({t for s in self.sections for t in s.teachers}))

    @property
    def subjects(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(s.subject for s in self.sections))

    def room_needs(self) -> dict[tuple[str, str], int]:
        """Rooms taken while the meeting runs: ('type', T) or ('home', room) -> how many.

        Sections of week A and week B share a slot, so the busier week counts.
        """
        needs: dict[tuple[str, str], int] = {}
        for week in ("A", "B"):
            counted: dict[tuple[str, str], int] = defaultdict(int)
            for section in self.sections:
                if section.week not in (None, week):
                    continue
                if section.home_room:
                    counted[("home", section.home_room)] += 1
                elif section.room_type:
                    counted[("type", section.room_type)] += 1
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
