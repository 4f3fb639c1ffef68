"""Concrete rooms for placed lessons, and the Lessons rows of the timetable.

The CP-SAT model already keeps the lessons needing each room type within the number of rooms at
every clock time, so rooms of one type can be handed out in start-time order (interval colouring):
a class's ordinary lessons go to its home room; other lessons take a free room of the right type,
preferring the room the teacher was just in (fewer room changes) and the smallest that seats the
group.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from keste.models.bells import schedules
from keste.models.school import Room, School
from keste.models.timetable import LessonRow, MealRow, Timetable
from keste.solver.demand import Demand, Section
from keste.solver.timetable.search import Solution


@dataclass
class _Need:
    meeting: int
    section: int
    day: int
    start: int
    end: int
    section_data: Section


class RoomBook:
    """Which rooms are taken when; weeks A and B can share a room at one time."""

    def __init__(self) -> None:
        self.taken: dict[str, list[tuple[int, int, int, str | None]]] = defaultdict(list)

    def free(self, room: str, day: int, start: int, end: int, week: str | None) -> bool:
        return not any(
            d == day and s < end and start < e and (w is None or week is None or w == week)
            for d, s, e, w in self.taken[room]
        )

    def take(self, room: str, day: int, start: int, end: int, week: str | None) -> None:
        self.taken[room].append((day, start, end, week))


def build_timetable(
    school: School, demand: Demand, solution: Solution, approved: Timetable | None = None
) -> Timetable:
    """The Lessons and Meals rows; rooms as in the approved timetable where they are free."""
    rooms = assign_rooms(school, demand, solution, approved)
    bells = schedules(school)
    days = school.settings.days
    lessons = []
    for placement, meeting, period, section_index, section in _placed_sections(
        school, demand, solution
    ):
        room = rooms.get((placement.meeting, section_index, placement.day, placement.period))
        for class_name in section.classes:
            lessons.append(
                LessonRow(
                    days[placement.day],
                    placement.period,
                    period.start,
                    period.end,
                    class_name,
                    section.subject,
                    section.teachers,
                    section.group,
                    room,
                    meeting.block or meeting.activity,
                    section.week,
                )
            )
    lessons.sort(key=lambda r: (days.index(r.day), r.start, r.class_name, r.group or ""))
    meal_rows = []
    for class_name, day, period_number, meal in solution.meals:
        school_class = school.class_by_name[class_name]
        period = bells[school.bells_of(school_class)].period(period_number)
        assert period is not None
        meal_rows.append(
            MealRow(days[day], period_number, period.start, period.end, class_name, meal)
        )
    return Timetable(lessons, meal_rows, solution.info)


def _placed_sections(school: School, demand: Demand, solution: Solution):
    """Each section of each placed lesson: (placement, meeting, period, section index, section)."""
    bells = schedules(school)
    for placement in solution.placements:
        meeting = demand.meetings[placement.meeting]
        period = bells[meeting.bells].period(placement.period)
        assert period is not None
        for index, section in enumerate(meeting.sections):
            yield placement, meeting, period, index, section


def assign_rooms(
    school: School, demand: Demand, solution: Solution, approved: Timetable | None = None
) -> dict[tuple[int, int, int, int], str | None]:
    if not school.rooms:
        return {}
    days = school.settings.days
    old_rooms = {
        (row.class_name, row.group, row.subject, row.day, row.period): row.room
        for row in (approved.lessons if approved else [])
        if row.room
    }
    book = RoomBook()
    chosen: dict[tuple[int, int, int, int], str | None] = {}
    needs = []
    for placement, _, period, index, section in _placed_sections(school, demand, solution):
        need = _Need(placement.meeting, index, placement.day, period.start, period.end, section)
        key = (placement.meeting, index, placement.day, placement.period)
        if section.home_room:
            chosen[key] = section.home_room
            book.take(section.home_room, need.day, need.start, need.end, section.week)
        elif section.room_type:
            needs.append((key, need))
    by_type: dict[str, list[Room]] = defaultdict(list)
    for room in school.rooms:
        by_type[room.type].append(room)
    last_room: dict[tuple[str, int], str] = {}
    needs.sort(key=lambda item: (item[1].day, item[1].start, -item[1].section_data.students))
    for key, need in needs:
        section = need.section_data
        before = {
            old_rooms.get((c, section.group, section.subject, days[need.day], key[3]))
            for c in section.classes
        }
        room = _pick(need, by_type[section.room_type], book, last_room, before)
        chosen[key] = room
        if room is not None:
            book.take(room, need.day, need.start, need.end, need.section_data.week)
            for teacher in need.section_data.teachers:
                last_room[(teacher, need.day)] = room
    return chosen


def _pick(
    need: _Need,
    rooms: list[Room],
    book: RoomBook,
    last_room: dict[tuple[str, int], str],
    approved: set[str | None],
) -> str | None:
    """A free room that seats the group: the approved timetable's, then the teacher's last one,
    then the smallest."""
    section = need.section_data
    free = [r for r in rooms if book.free(r.name, need.day, need.start, need.end, section.week)]
    if not free:
        return None
    seated = [r for r in free if r.capacity is None or r.capacity >= section.students] or free
    previous = {last_room.get((t, need.day)) for t in section.teachers}
    return min(
        seated,
        key=lambda r: (
            r.name not in approved,
            r.name not in previous,
            r.capacity or 10_000,
            r.name,
        ),
    ).name
