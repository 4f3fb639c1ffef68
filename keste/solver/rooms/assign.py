"""Concrete rooms for placed lessons, and the Lessons rows of the timetable.

Rooms are handed out exactly by a small CP-SAT model (model.py), starting from a quick greedy
assignment; every row of a lesson (an activity's classes sit together) gets its room. When no
assignment exists, shortage.py says at which moment and for which rooms.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from keste.models.bells import schedules
from keste.models.school import School
from keste.models.timetable import LessonRow, MealRow, Timetable
from keste.solver.demand import Demand
from keste.solver.rooms.greedy import greedy_rooms
from keste.solver.rooms.model import INFEASIBLE, exact_rooms
from keste.solver.rooms.needs import NeedKey, candidate_rooms, placed_needs
from keste.solver.rooms.shortage import room_shortage
from keste.solver.timetable.search import Solution

ROOM_SECONDS = (2.0, 10.0)  # the least and most of a solve's time that rooms take
ROOM_SHARE = 0.05  # of the time limit


def room_seconds(time_limit: float) -> float:
    """The part of a solve's time limit kept for handing out rooms."""
    least, most = ROOM_SECONDS
    return min(most, max(least, time_limit * ROOM_SHARE))


@dataclass
class RoomAssignment:
    rooms: dict[NeedKey, str | None] = field(default_factory=dict)
    shortage: str | None = None  # why some lesson has no room, when one has none


def build_timetable(
    school: School,
    demand: Demand,
    solution: Solution,
    approved: Timetable | None = None,
    rooms: RoomAssignment | None = None,
) -> Timetable:
    """The Lessons and Meals rows; rooms as in the approved timetable where they are free."""
    if rooms is None:
        rooms = assign_rooms(school, demand, solution, approved)
    bells = schedules(school)
    days = school.settings.days
    lessons = []
    for placement in solution.placements:
        meeting = demand.meetings[placement.meeting]
        period = bells[meeting.bells].period(placement.period)
        assert period is not None
        room_of_section = {
            section: rooms.rooms.get((placement.meeting, index, placement.day, placement.period))
            for index, need in enumerate(meeting.rooms())
            for section in need.sections
        }
        for index, section in enumerate(meeting.sections):
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
                        room_of_section.get(index),
                        meeting.block or meeting.activity,
                        section.week,
                    )
                )
    lessons.sort(key=lambda r: (days.index(r.day), r.start, r.class_name, r.group or ""))
    return Timetable(lessons, _meal_rows(school, solution), solution.info)


def _meal_rows(school: School, solution: Solution) -> list[MealRow]:
    bells = schedules(school)
    days = school.settings.days
    rows = []
    for class_name, day, period_number, meal in solution.meals:
        school_class = school.class_by_name[class_name]
        period = bells[school.bells_of(school_class)].period(period_number)
        assert period is not None
        rows.append(MealRow(days[day], period_number, period.start, period.end, class_name, meal))
    return rows


def assign_rooms(
    school: School,
    demand: Demand,
    solution: Solution,
    approved: Timetable | None = None,
    time_limit: float = ROOM_SECONDS[0],
    workers: int = 1,
) -> RoomAssignment:
    """A room for every lesson that needs one, or the moment when there are too few."""
    if not school.rooms:
        return RoomAssignment()
    needs = placed_needs(school, demand, solution, approved)
    candidates = {n.key: candidate_rooms(school, n.need) for n in needs}
    first = greedy_rooms(needs, candidates)
    exact = exact_rooms(needs, candidates, first, time_limit, workers)
    if isinstance(exact, dict):
        return RoomAssignment(dict(exact))
    if exact == INFEASIBLE:
        return RoomAssignment(first, room_shortage(needs, candidates, school.settings.days))
    if None in first.values():
        return RoomAssignment(first, f"no room for every lesson found in {time_limit:.0f} s")
    return RoomAssignment(first)
