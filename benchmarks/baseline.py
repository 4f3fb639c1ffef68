"""The plain reference model keste's search is measured against.

What a competent engineer writes in a day with CP-SAT: keste's hard rules (one Boolean per lesson
and slot: keste's own hard model, so both solve the same problem), an objective of teacher gaps
only, and CP-SAT's default search in one solve. Its timetable gets keste's rooms and is scored by
keste's independent validator, exactly like keste's own.

    python benchmarks/baseline.py school.xlsx SEED TIME_LIMIT [WORKERS]  # one JSON line
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from ortools.sat.python import cp_model

from keste.models.io.reading import load_school
from keste.models.problems import Problems
from keste.solver.allocation.allocate import allocate
from keste.solver.allocation.items import load_items
from keste.solver.demand import expand
from keste.solver.grouping import choice_pools, form_groups
from keste.solver.rooms.assign import build_timetable
from keste.solver.sat.solver import new_solver
from keste.solver.timetable.build import build_model
from keste.solver.timetable.objectives import gaps
from keste.solver.timetable.search import solution_of
from keste.solver.verify import validate


def solve(path: Path, seed: int, time_limit: float, workers: int) -> dict:
    started = time.perf_counter()
    school = load_school(path)
    if choice_pools(school):
        school = form_groups(school, min(20.0, time_limit / 6), workers, seed).apply(school)
    if any(item.open for item in load_items(school)):
        allocation = allocate(
            school, time_limit=min(30.0, time_limit / 4), workers=workers, seed=seed
        )
        school = allocation.apply(school)
    demand = expand(school, Problems())
    ctx = build_model(school, demand)
    gaps.add(ctx)  # teacher gaps exactly as keste counts them, and nothing else
    ctx.model.minimize(sum(ctx.penalties["teacher_gaps"].terms))
    solver = new_solver(max(1.0, time_limit - (time.perf_counter() - started)), workers, seed)
    first: list[float] = []

    class FirstSolution(cp_model.CpSolverSolutionCallback):
        def on_solution_callback(self) -> None:
            if not first:
                first.append(time.perf_counter() - started)

    status = solver.solve(ctx.model, FirstSolution())
    figures = {"school": path.stem, "classes": len(school.classes), "seed": seed}
    figures |= {"time_limit": time_limit, "status": solver.status_name(status)}
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return figures | {"valid": False, "wall_s": round(time.perf_counter() - started, 2)}
    solution = solution_of(ctx, list(solver.response_proto.solution))
    report = validate(school, build_timetable(school, demand, solution))
    return figures | {
        "first_s": round(first[0], 2) if first else None,
        "wall_s": round(time.perf_counter() - started, 2),
        "objective": report.objective,
        "bound": solver.best_objective_bound,
        "teacher_gaps": report.penalties.get("teacher_gaps"),
        "room_changes": report.penalties.get("room_changes"),
        "teaching": len({t for m in demand.meetings for t in m.teachers}),
        "valid": report.ok,
        "violations": len(report.violations),
    }


if __name__ == "__main__":
    path, seed, limit, workers = Path(sys.argv[1]), int(sys.argv[2]), float(sys.argv[3]), 0
    if len(sys.argv) > 4:
        workers = int(sys.argv[4])
    print(json.dumps(solve(path, seed, limit, workers)))
