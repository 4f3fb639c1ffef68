"""The main job: a school in, a checked timetable out.

school --demand--> meetings --CP-SAT--> placements --rooms--> timetable --validate--> report
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from keste.models.problems import Problems
from keste.models.school import School
from keste.models.timetable import Timetable
from keste.solver.demand import Demand, expand
from keste.solver.rooms import build_timetable
from keste.solver.timetable import Progress, SolveOptions, TimetableSolver, build_model
from keste.solver.validate import ValidationReport, validate


@dataclass
class SolveResult:
    problems: Problems
    timetable: Timetable | None = None
    report: ValidationReport | None = None
    demand: Demand | None = None
    notes: list[str] = field(default_factory=list)

    @property
    def solved(self) -> bool:
        return self.timetable is not None and bool(self.timetable.lessons)


def solve_school(
    school: School,
    options: SolveOptions,
    on_progress: Callable[[Progress], None] | None = None,
    on_solver: Callable[[TimetableSolver], None] | None = None,
) -> SolveResult:
    """Build and solve; on_solver receives the running solver so a caller can stop() it."""
    problems = Problems()
    demand = expand(school, problems)
    result = SolveResult(problems, demand=demand)
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
