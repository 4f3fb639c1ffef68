"""The rooms a placed timetable needs: one per room need of each placed lesson, with when it runs,
who teaches it and which rooms could take it."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass

from keste.models.bells import schedules
from keste.models.school import Room, School
from keste.models.timetable import Timetable
from keste.solver.demand import Demand, RoomNeed
from keste.solver.timetable.search import Solution

# (meeting, room need of the meeting, day, period)
NeedKey = tuple[int, int, int, int]


@dataclass(frozen=True)
class PlacedNeed:
    key: NeedKey
    need: RoomNeed
    start: int
    end: int
    teachers: tuple[str, ...]
    label: str  # who and what, for messages: "7A chemistry g2"
    approved: frozenset[str]  # the room(s) it had in the approved timetable

    @property
    def day(self) -> int:
        return self.key[2]

    @property
    def week(self) -> str | None:
        return self.need.week

    def meets(self, other: PlacedNeed) -> bool:
        """Both run at some same moment (weeks A and B never meet)."""
        weeks_meet = self.week is None or other.week is None or self.week == other.week
        return (
            weeks_meet
            and self.day == other.day
            and self.start < other.end
            and other.start < self.end
        )


def placed_needs(
    school: School, demand: Demand, solution: Solution, approved: Timetable | None = None
) -> list[PlacedNeed]:
    bells = schedules(school)
    day_names = school.settings.days
    old_rooms: dict[tuple, set[str]] = {}
    for row in approved.lessons if approved else []:
        if row.room:
            key = (row.class_name, row.group, row.subject, row.day, row.period)
            old_rooms.setdefault(key, set()).add(row.room)
    needs = []
    for placement in solution.placements:
        meeting = demand.meetings[placement.meeting]
        period = bells[meeting.bells].period(placement.period)
        assert period is not None
        for index, need in enumerate(meeting.rooms()):
            sections = [meeting.sections[i] for i in need.sections]
            before = {
                room
                for s in sections
                for c in s.classes
                for room in old_rooms.get(
                    (c, s.group, s.subject, day_names[placement.day], placement.period), ()
                )
            }
            needs.append(
                PlacedNeed(
                    (placement.meeting, index, placement.day, placement.period),
                    need,
                    period.start,
                    period.end,
                    tuple(sorted({t for s in sections for t in s.teachers})),
                    _label(sections),
                    frozenset(before),
                )
            )
    return needs


def _label(sections) -> str:
    first = sections[0]
    classes = ",".join(dict.fromkeys(c for s in sections for c in s.classes))
    group = f" g{first.group}" if first.group and len(sections) == 1 else ""
    return f"{classes} {first.subject}{group}"


def candidate_rooms(school: School, need: RoomNeed) -> list[Room]:
    """The class's own room; else the rooms of the type that seat the group (all of the type
    when none does: the validator will say the room is too small)."""
    if need.home_room:
        return (
            [school.room_by_name[need.home_room]] if need.home_room in school.room_by_name else []
        )
    of_type = [room for room in school.rooms if room.type == need.room_type]
    seated = [r for r in of_type if r.capacity is None or r.capacity >= need.students]
    return seated or of_type


def moments(needs: list[PlacedNeed]) -> Iterator[tuple[int, int, list[PlacedNeed]]]:
    """(day, clock time, the lessons running then), at each lesson's start, weeks A and B apart,
    in time order: the moments a room could be wanted twice (the set running only grows at a
    start)."""
    by_day: dict[int, list[PlacedNeed]] = defaultdict(list)
    for need in needs:
        by_day[need.day].append(need)
    for day in sorted(by_day):
        day_needs = by_day[day]
        starts = {(n.start, w) for n in day_needs for w in ("A", "B") if n.week in (None, w)}
        for start, week in sorted(starts):
            running = [n for n in day_needs if n.start <= start < n.end and n.week in (None, week)]
            yield day, start, running
