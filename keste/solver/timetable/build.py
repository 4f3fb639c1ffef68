"""The timetable model: every hard rule family (constraints/), then the soft rules (objectives/) as
named, weighted penalties summed into one objective."""

from __future__ import annotations

from ortools.sat.python import cp_model

from keste.models.school import School
from keste.models.timetable import Timetable
from keste.solver.demand import Demand
from keste.solver.timetable.constraints import (
    availability,
    clashes,
    compactness,
    lessons,
    locks,
    meals,
    teacher_days,
)
from keste.solver.timetable.context import ModelContext
from keste.solver.timetable.objectives import difficulty, gaps, moves, spread, wishes


def build_model(
    school: School, demand: Demand, diagnose: bool = False, approved: Timetable | None = None
) -> ModelContext:
    """The hard rules only: any solution of this model is a valid timetable. With diagnose,
    every rule is guarded by an assumption literal (see cores.py)."""
    ctx = ModelContext(school, demand, diagnose=diagnose, approved=approved)
    availability.create_lesson_variables(ctx)
    moves.hint(ctx)
    meals.create_meal_variables(ctx)
    ctx.build_occupancy()
    lessons.add(ctx)
    clashes.add(ctx)
    compactness.add(ctx)
    meals.add(ctx)
    locks.add(ctx)
    teacher_days.add(ctx)
    return ctx


def add_soft_rules(ctx: ModelContext) -> None:
    """The soft rules as exactly defined penalty variables, and their weighted sum."""
    difficulty.add(ctx)
    spread.add(ctx)
    gaps.add(ctx)
    wishes.add(ctx)
    moves.add(ctx)
    objective = ctx.weighted_terms()
    ctx.objective = cp_model.LinearExpr.sum(objective) if objective else None
