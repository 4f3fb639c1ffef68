"""Capacity checks: conflicts found by counting, before any solving, each with its numbers.

Every check is a necessary condition of a timetable (it never flags a school that has one): a
class's lessons against its days, a teacher's lessons against the periods they can teach, a
subject's lessons against its days, rooms of a type against the lessons that need them, locks that
cannot hold, and meals the canteen cannot serve."""

from __future__ import annotations

from keste.models.findings import Finding
from keste.models.school import School
from keste.solver.demand import Demand
from keste.solver.diagnosis.counting.locks import locks
from keste.solver.diagnosis.counting.meals import meals
from keste.solver.diagnosis.counting.rooms import room_seats, room_types
from keste.solver.diagnosis.counting.weeks import class_weeks, subject_days, teacher_weeks
from keste.solver.timetable.context import ModelContext


def capacity_checks(school: School, demand: Demand) -> list[Finding]:
    ctx = ModelContext(school, demand)
    return [
        *class_weeks(ctx),
        *(teachers := teacher_weeks(ctx)),
        *subject_days(ctx, {f.params["teacher"] for f in teachers}),
        *room_types(ctx),
        *room_seats(ctx),
        *locks(ctx),
        *meals(ctx),
    ]
