"""Large-neighbourhood search driven from keste: from the best timetable so far, free the lessons
of a neighbourhood (neighbourhoods.py), keep every other lesson where it is, and let CP-SAT find
a better arrangement of the freed ones in a fraction of a second. A step is kept only when it
lowers the objective, so the timetable never gets worse.

Each step solves only the part of the model its freed lessons reach (submodel.py), everything else
fixed, so a step on an 88-class school costs a fraction of a second.
"""

from __future__ import annotations

import functools
import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass

from ortools.sat.python import cp_model

from keste.solver.sat.solver import new_solver
from keste.solver.timetable.context import ModelContext
from keste.solver.timetable.neighbourhoods import Neighbourhood, NeighbourhoodPicker
from keste.solver.timetable.submodel import SubModel

# Nearly every step finds its gain early and none is solved whole, so short steps win once a step's
# model holds only what its neighbourhood reaches (submodel.py). Measured on a generated 55-class
# school, 30 s, medians of 3 seeds: steps of 0.5 / 0.35 / 0.25 / 0.18 s reached 2248 / 2146 / 2102
# / 1981; with CP-SAT's own neighbourhood search on both workers of a step (below), an 88-class
# school at 60 s, seeds 0-1: steps of 0.25 / 0.18 / 0.12 / 0.08 s reached 3098 / 2938 / 2870 / 3066.
STEP_SECONDS = 0.12
MIN_STEP_SECONDS = 0.1  # a step needs at least this much of the time left
# A step's model is small once presolve has removed the fixed lessons; symmetry detection and
# probing cost a third of a step's presolve and gained nothing measurable (an 88-class school: 15%
# lower objective after 60 s without them). A step's second worker proving a bound with the LP
# found almost none of the step's gains: both workers on CP-SAT's neighbourhoods inside the step
# gave a 6% lower objective and 15% fewer teacher gaps (88 classes, 60 s, seeds 0-1). Tried and
# dropped (same school and figures): two steps side by side on one worker each, kept when they
# changed disjoint parts of the model (3669 / 3315 against 2986 / 2891); neighbourhoods growing
# after each gain (4043 / 3880). A step's model with only its loose variables, first built with
# Python loops (190 ms a step: 3831 / 3654), is now built in about 23 ms (submodel.py).
STEP_PARAMETERS: dict[str, object] = {
    "symmetry_level": 0,
    "cp_model_probing_level": 0,
    "use_lns_only": True,
}
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
        # (class, day) -> its decisions: lessons and meals
        self.decisions: dict[tuple[str, int], list[int]] = defaultdict(list)
        for (meeting, day, _), variable in ctx.x.items():
            for class_name in ctx.meetings[meeting].classes:
                self.decisions[(class_name, day)].append(variable.index)
        for (class_name, day, _), variable in ctx.meal.items():
            self.decisions[(class_name, day)].append(variable.index)
        self.sub = SubModel(ctx.model, self.decisions)
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
        freed = [
            (class_name, day)
            for class_name in sorted(neighbourhood.classes)
            for day in sorted(neighbourhood.days)
            if (class_name, day) in self.decisions
        ]
        step_model = self.sub.step_model(freed, values)
        self.solver = new_solver(limit, self.workers, self.seed + step, STEP_PARAMETERS)
        status = self.solver.solve(step_model.model)
        if status not in FOUND:
            return status, None
        return status, step_model.solution(values, self.solver.response_proto.solution)

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
