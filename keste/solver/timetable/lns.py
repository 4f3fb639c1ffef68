"""Large-neighbourhood search driven from keste: from the best timetable so far, free the lessons
of a neighbourhood (neighbourhoods.py), keep every other lesson where it is, and let CP-SAT find
the best arrangement of the freed ones in a few seconds. A step is kept only when it lowers the
objective, so the timetable never gets worse.

Each step solves a copy of the whole model whose other lesson variables are fixed: presolve removes
them at once, so a step on an 88-class school costs a fraction of a full solve.
"""

from __future__ import annotations

import functools
import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass

from ortools.sat.python import cp_model

from keste.solver.sat.solver import hint_all, new_solver
from keste.solver.timetable.context import ModelContext
from keste.solver.timetable.neighbourhoods import Neighbourhood, NeighbourhoodPicker

# Measured on a generated 88-class school (25 s of search after the first timetable): steps of
# 3 / 1 / 0.5 / 0.25 / 0.12 s reached objectives 5669 / 5117 / 4772 / 5006 / 5207. Short steps
# that each keep a small improvement beat long ones that try to prove the neighbourhood optimal.
STEP_SECONDS = 0.5
MIN_STEP_SECONDS = 0.2  # a step needs at least this much of the time left
# A step's model is small once presolve has removed the fixed lessons; symmetry detection and
# probing cost a third of a step's presolve and gained nothing measurable (an 88-class school: 15%
# lower objective after 60 s without them).
STEP_PARAMETERS: dict[str, object] = {"symmetry_level": 0, "cp_model_probing_level": 0}
FOUND = (cp_model.OPTIMAL, cp_model.FEASIBLE)


@dataclass
class LnsOutcome:
    values: list[int]
    objective: int
    steps: int = 0
    improvements: int = 0


class NeighbourhoodSearch:
    """The search loop; stop() ends it after the running step (Ctrl-C)."""

    def __init__(self, ctx: ModelContext, workers: int, seed: int):
        self.ctx = ctx
        self.workers = workers
        self.seed = seed
        self.sub = ctx.model.clone()
        self.lessons: dict[tuple[str, int], list[int]] = defaultdict(list)  # (class, day) -> vars
        for (meeting, day, _), variable in ctx.x.items():
            for class_name in ctx.meetings[meeting].classes:
                self.lessons[(class_name, day)].append(variable.index)
        self.free = {variable.index for variable in ctx.x.values()}  # the clone fixes none
        self.picker = NeighbourhoodPicker(ctx, seed)
        self.solver: cp_model.CpSolver | None = None
        self.stopped = False

    def stop(self) -> None:
        self.stopped = True
        if self.solver is not None:
            self.solver.stop_search()

    def run(
        self, values: list[int], deadline: float, on_better: Callable[[int], None]
    ) -> LnsOutcome:
        outcome = LnsOutcome(values, self.ctx.objective_value(values))
        while not self.stopped and deadline - time.perf_counter() >= MIN_STEP_SECONDS:
            taught_on = functools.partial(self._taught_on, outcome.values)
            neighbourhood = self.picker.pick(self._idle_teachers(outcome.values), taught_on)
            limit = min(STEP_SECONDS, deadline - time.perf_counter())
            status, found = self._step(outcome.values, neighbourhood, limit, outcome.steps)
            outcome.steps += 1
            objective = None if found is None else self.ctx.objective_value(found)
            better = objective is not None and objective < outcome.objective
            if status == cp_model.OPTIMAL:
                self.picker.succeeded()  # solved whole in time: larger neighbourhoods
            elif not better:
                self.picker.timed_out()  # nothing gained in time: smaller ones
            if better:
                outcome.values, outcome.objective = found, objective
                outcome.improvements += 1
                on_better(outcome.objective)
        return outcome

    def _step(
        self, values: list[int], neighbourhood: Neighbourhood, limit: float, step: int
    ) -> tuple[int, list[int] | None]:
        self._free_only(neighbourhood, values)
        hint_all(self.sub, values)
        self.solver = new_solver(limit, self.workers, self.seed + step, STEP_PARAMETERS)
        status = self.solver.solve(self.sub)
        if status not in FOUND:
            return status, None
        return status, list(self.solver.response_proto.solution)

    def _free_only(self, neighbourhood: Neighbourhood, values: list[int]) -> None:
        """Free the neighbourhood's lesson variables and fix every other one to its value. Only
        the variables freed by this step or the last one change (the rest are fixed already)."""
        free = {
            index
            for class_name in neighbourhood.classes
            for day in neighbourhood.days
            for index in self.lessons.get((class_name, day), ())
        }
        variables = self.sub.proto.variables
        for index in free:
            domain = variables[index].domain
            domain[0], domain[1] = 0, 1
        for index in self.free - free:
            domain = variables[index].domain
            domain[0] = domain[1] = values[index]
        self.free = free

    def _taught_on(self, values: list[int], teacher: str, day: int) -> set[str]:
        """The classes a teacher teaches on a day of a timetable."""
        return {
            class_name
            for meeting in self.ctx.meetings_of_teacher[teacher]
            if any(values[v.index] for v in self.ctx.day_lessons(meeting, day).values())
            for class_name in meeting.classes
        }

    def _idle_teachers(self, values: list[int]) -> list[tuple[str, int]]:
        """The teacher-days with gaps in a timetable."""
        return [key for key, gaps in self.ctx.teacher_gaps.items() if values[gaps.index]]
