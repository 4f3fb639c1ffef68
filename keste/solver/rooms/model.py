"""Exact room assignment: a small CP-SAT model over the placed timetable.

Each lesson that needs a room takes exactly one of its candidate rooms; a room holds at most one
lesson at any moment (lessons of weeks A and B share); among the assignments that exist it keeps
the approved timetable's rooms, then as few room changes for teachers as possible, then the
smallest rooms that seat each group. The timetable model already keeps Hall's condition on room
types, seats and home rooms at every clock time, so an assignment exists unless overlapping bell
schedules make a lesson change rooms mid-way.
"""

from __future__ import annotations

import itertools
from collections import defaultdict

from ortools.sat.python import cp_model

from keste.models.school import Room
from keste.solver.rooms.needs import NeedKey, PlacedNeed, moments
from keste.solver.sat.solver import new_solver

APPROVED_WEIGHT = 300  # a room other than the approved timetable's
CHANGE_WEIGHT = 100  # a teacher moving to another room between two lessons of a day
SIZE_WEIGHT = 1  # per step up from the smallest room that seats the group
MAX_SIZE_STEPS = 3

INFEASIBLE = "infeasible"


def exact_rooms(
    needs: list[PlacedNeed],
    candidates: dict[NeedKey, list[Room]],
    hint: dict[NeedKey, str | None],
    time_limit: float,
    workers: int = 1,
) -> dict[NeedKey, str] | str | None:
    """Rooms for every need; INFEASIBLE when none exist; None when the time ran out first."""
    model = cp_model.CpModel()
    chosen = {
        (n.key, room.name): model.new_bool_var(f"r{i}_{room.name}")
        for i, n in enumerate(needs)
        for room in candidates[n.key]
    }
    rooms_of = {n.key: [r.name for r in candidates[n.key]] for n in needs}
    for need in needs:
        model.add_exactly_one(chosen[(need.key, r)] for r in rooms_of[need.key])
    _one_lesson_at_a_time(model, needs, rooms_of, chosen)
    model.minimize(
        sum(_approved_terms(needs, rooms_of, chosen))
        + sum(_size_terms(needs, candidates, chosen))
        + CHANGE_WEIGHT * sum(_change_terms(model, needs, rooms_of, chosen, hint))
    )
    for (key, room), variable in chosen.items():
        model.add_hint(variable, hint.get(key) == room)
    solver = new_solver(time_limit, workers)
    status = solver.solve(model)
    if status == cp_model.INFEASIBLE:
        return INFEASIBLE
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return None
    return {
        n.key: next(r for r in rooms_of[n.key] if solver.value(chosen[(n.key, r)])) for n in needs
    }


def _one_lesson_at_a_time(model, needs, rooms_of, chosen) -> None:
    """Per room: of the lessons running at any one moment, at most one is in it."""
    users: dict[str, set[NeedKey]] = defaultdict(set)
    for need in needs:
        for room in rooms_of[need.key]:
            users[room].add(need.key)
    together = {frozenset(n.key for n in running) for _, _, running in moments(needs)}
    for moment in (m for m in together if len(m) > 1):
        for room, using in users.items():
            running = moment & using
            if len(running) > 1:
                model.add_at_most_one(chosen[(key, room)] for key in running)


def _approved_terms(needs, rooms_of, chosen):
    for need in needs:
        kept = [chosen[(need.key, r)] for r in rooms_of[need.key] if r in need.approved]
        if need.approved:
            yield APPROVED_WEIGHT * (1 - sum(kept))


def _size_terms(needs, candidates, chosen):
    for need in needs:
        by_size = sorted(candidates[need.key], key=lambda r: r.capacity or 10_000)
        for step, room in enumerate(by_size):
            if step:
                yield SIZE_WEIGHT * min(step, MAX_SIZE_STEPS) * chosen[(need.key, room.name)]


def _change_terms(model, needs, rooms_of, chosen, hint):
    """For each teacher's two lessons in a row on a day: 1 when they are in different rooms."""
    by_teacher_day: dict[tuple[str, int], list[PlacedNeed]] = defaultdict(list)
    for need in needs:
        for teacher in need.teachers:
            by_teacher_day[(teacher, need.day)].append(need)
    for lessons in by_teacher_day.values():
        lessons.sort(key=lambda n: (n.start, n.week or ""))
        for first, second in itertools.pairwise(lessons):
            common = set(rooms_of[first.key]) & set(rooms_of[second.key])
            if not common:
                yield 1
                continue
            same = []
            for room in sorted(common):
                both = model.new_bool_var("")
                model.add_implication(both, chosen[(first.key, room)])
                model.add_implication(both, chosen[(second.key, room)])
                model.add_hint(both, hint.get(first.key) == room == hint.get(second.key))
                same.append(both)
            yield 1 - sum(same)
