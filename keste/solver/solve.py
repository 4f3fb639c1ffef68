"""The main job: a school in, a checked timetable out.

school --demand--> meetings --CP-SAT--> placements --rooms--> timetable --validate--> report
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from keste.models.problems import Problems
from keste.models.school import LoadRow, School
from keste.models.timetable import Timetable
from keste.models.values import format_number
from keste.solver.allocate import Allocation, allocate
from keste.solver.cores import minimal_core
from keste.solver.demand import Demand, expand
from keste.solver.load_items import candidates, load_items
from keste.solver.rooms import build_timetable
from keste.solver.timetable import Progress, SolveOptions, TimetableSolver, build_model
from keste.solver.validate import ValidationReport, validate


@dataclass
class SolveResult:
    problems: Problems
    timetable: Timetable | None = None
    report: ValidationReport | None = None
    demand: Demand | None = None
    school: School | None = None  # the school as solved: with the allocated load
    allocation: Allocation | None = None
    notes: list[str] = field(default_factory=list)

    @property
    def solved(self) -> bool:
        return self.timetable is not None and bool(self.timetable.lessons)


REALLOCATION_ROUNDS = 3


def solve_school(
    school: School,
    options: SolveOptions,
    on_progress: Callable[[Progress], None] | None = None,
    on_solver: Callable[[TimetableSolver], None] | None = None,
    previous: list[LoadRow] | None = None,
) -> SolveResult:
    """Allocate what the Load sheet leaves open, then build and solve the timetable. When the
    timetable is impossible because of teachers keste gave load to, move load off them and try
    again (saying what moved).

    on_solver receives the running solver so a caller can stop() it.
    """
    started = time.perf_counter()
    reserved: dict[str, float] = {}
    result = SolveResult(Problems(), school=school)
    for _ in range(REALLOCATION_ROUNDS + 1):
        remaining = options.time_limit - (time.perf_counter() - started)
        attempt = replace(options, time_limit=max(remaining, 1.0))
        retry = _solve_once(
            school, attempt, on_progress, on_solver, previous, reserved, result.notes
        )
        if reserved and retry.allocation is not None and not retry.allocation.ok:
            result.notes.append(
                "moving that load elsewhere leaves no allocation: the timetable stays impossible"
            )
            return result
        result = retry
        moved = _teachers_to_relieve(result, attempt)
        if not moved:
            return result
        for teacher, hours in moved.items():
            reserved[teacher] = reserved.get(teacher, 0) + hours
            result.notes.append(
                f"the timetable was impossible with teacher {teacher}'s allocated load; "
                f"re-allocating {format_number(hours)} hours of it to other teachers"
            )
    return result


def _solve_once(
    school: School,
    options: SolveOptions,
    on_progress,
    on_solver,
    previous: list[LoadRow] | None,
    reserved: dict[str, float],
    notes: list[str],
) -> SolveResult:
    problems = Problems()
    result = SolveResult(problems, school=school, notes=notes)
    if any(item.open for item in load_items(school)):
        allocation = allocate(
            school,
            time_limit=min(30.0, options.time_limit / 4),
            workers=options.workers,
            seed=options.seed,
            previous=previous,
            reserved=reserved,
        )
        result.allocation = allocation
        if not allocation.ok:
            return result
        school = allocation.apply(school)
        result.school = school
        notes.append(
            f"allocated {len(allocation.allocated())} load items in {allocation.wall_time:.1f} s"
        )
    demand = expand(school, problems)
    result.demand = demand
    if problems.has_errors():
        return result
    ctx = build_model(school, demand, problems)
    if problems.has_errors():
        return result
    solver = TimetableSolver(ctx, options, on_progress)
    if on_solver:
        on_solver(solver)
    solution = solver.solve()
    if not solution.placements:
        result.timetable = Timetable(info=solution.info)
        return result
    timetable = build_timetable(school, demand, solution)
    result.timetable = timetable
    result.report = validate(school, timetable)
    return result


def _teachers_to_relieve(result: SolveResult, options: SolveOptions) -> dict[str, float]:
    """Teachers whose allocated load makes the timetable impossible, and hours to move off each.

    Only when the timetable is proven impossible and some of the conflict's teachers have load
    keste allocated that another qualified teacher could take (a fixed Load row is the school's
    decision and stays).
    """
    allocation = result.allocation
    info = result.timetable.info if result.timetable else None
    if allocation is None or info is None or info.status != "INFEASIBLE" or info.interrupted:
        return {}
    ctx = build_model(result.school, result.demand, Problems(), diagnose=True)
    core = minimal_core(
        ctx.model, list(ctx.guards.values()), min(60.0, options.time_limit), options.workers
    )
    names = {literal.index: key for key, literal in ctx.guards.items()}
    teachers = {
        key
        for family, key in (names[c.index] for c in core)
        if family in ("teacher_clash", "unavailable")
    }
    school = result.school
    moved = {}
    for teacher in sorted(teachers):
        movable = [
            item.hours
            for item in allocation.allocated()
            if teacher in allocation.teachers_of[item.index]
            and teacher not in item.fixed
            and any(t.code != teacher for t in candidates(school, item))
        ]
        if movable:
            moved[teacher] = min(movable)
    return moved
