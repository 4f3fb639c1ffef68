"""A lower bound on the objective that keste proves itself: the sum of class-local optima.

The class rules (difficulty profile, hard subjects' positions, hardest subjects back to back,
subject spread) of one class depend on that class's lessons alone. For each class, a model with only
the meetings its students attend (and every hard rule among them: their teachers' other classes
left out) is a relaxation of the whole school's, so its optimum for that class's terms is at most
what the best timetable pays for them. Summed over classes, with the teachers' rules (gaps, wishes)
counted as zero, it bounds the best timetable's objective from below. Each class's model is small;
one not solved to optimality in its time contributes the bound CP-SAT proved for it.
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass, replace

from ortools.sat.python import cp_model

from keste.solver.demand import Demand
from keste.solver.sat.solver import new_solver
from keste.solver.timetable.build import add_soft_rules, build_model
from keste.solver.timetable.context import ModelContext


@dataclass
class ClassBound:
    value: int  # at most the best objective
    classes: int  # classes whose part was solved
    optimal: int  # of them, solved to optimality


def class_local_bound(ctx: ModelContext, deadline: float, workers: int = 1) -> ClassBound | None:
    """The sum of class-local optima, each class's model solved within an equal share of the time
    left before the deadline; None when time runs out before every class is counted."""
    classes = list(ctx.demand.sets_of_class)
    bound = ClassBound(0, 0, 0)
    for position, class_name in enumerate(classes):
        share = (deadline - time.perf_counter()) / (len(classes) - position)
        if share <= 0:
            return None
        value, optimal = _class_optimum(ctx, class_name, share, workers)
        bound.value += value
        bound.classes += 1
        bound.optimal += optimal
    return bound


def class_demand(demand: Demand, class_name: str) -> Demand:
    """The meetings a class's students attend, re-numbered, seen from that class alone: other
    classes' students in a shared meeting are left out, which only removes constraints."""
    own = set(demand.sets_of_class[class_name])
    meetings = []
    for meeting in demand.meetings:
        sets = tuple(s for s in meeting.sets if s in own)
        if sets:
            difficulty = {s: d for s, d in meeting.set_difficulty.items() if s in own}
            meetings.append(
                replace(meeting, index=len(meetings), sets=sets, set_difficulty=difficulty)
            )
    return replace(demand, meetings=meetings, sets_of_class={class_name: tuple(sorted(own))})


def _class_optimum(
    ctx: ModelContext, class_name: str, limit: float, workers: int
) -> tuple[int, bool]:
    local = build_model(ctx.school, class_demand(ctx.demand, class_name))
    add_soft_rules(local)
    terms = local.weighted_terms(of_class=class_name)
    if not terms:
        return 0, True
    local.model.minimize(cp_model.LinearExpr.sum(terms))
    solver = new_solver(limit, workers)
    status = solver.solve(local.model)
    if status == cp_model.OPTIMAL:
        return round(solver.objective_value), True
    if status == cp_model.FEASIBLE:
        return math.ceil(solver.best_objective_bound - 1e-6), False
    return 0, False  # no timetable of the class in time: every term is at least 0
