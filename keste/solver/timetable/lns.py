"""Large-neighbourhood search driven from keste: from the best timetable so far, free the lessons
of a neighbourhood (neighbourhoods.py), keep every other lesson where it is, and let CP-SAT find
the best arrangement of the freed ones in a few seconds. A step is kept only when it lowers the
objective, so the timetable never gets worse.

Each step solves a copy of the whole model whose other lesson variables are fixed: presolve removes
them at once, so a step on an 88-class school costs a fraction of a full solve.
"""

from __future__ import annotations

import time
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
        self.lessons = [  # (variable index, meeting, day) of every lesson variable
            (variable.index, meeting, day) for (meeting, day, _), variable in ctx.x.items()
        ]
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
            neighbourhood = self.picker.pick(self._idle_teachers(outcome.values))
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
        proto = self.sub.proto
        meetings = self.ctx.meetings
        for index, meeting, day in self.lessons:
            free = day in neighbourhood.days and not neighbourhood.classes.isdisjoint(
                meetings[meeting].classes
            )
            domain = proto.variables[index].domain
            domain[0], domain[1] = (0, 1) if free else (values[index], values[index])
        hint_all(self.sub, values)
        self.solver = new_solver(limit, self.workers, self.seed + step)
        status = self.solver.solve(self.sub)
        if status not in FOUND:
            return status, None
        return status, list(self.solver.response_proto.solution)

    def _idle_teachers(self, values: list[int]) -> list[str]:
        return [
            teacher
            for teacher, gaps in self.ctx.teacher_gaps.items()
            if any(values[g.index] for g in gaps)
        ]
