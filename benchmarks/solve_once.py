"""One measured solve, run in its own process by run.py: prints one JSON line of figures."""

from __future__ import annotations

import json
import sys
import time
from dataclasses import replace
from pathlib import Path

from keste.models.io.reading import load_school
from keste.solver.pipeline import solve_school
from keste.solver.timetable.search import SolveOptions


def measure(
    path: Path,
    seed: int,
    time_limit: float,
    workers: int,
    bound: bool,
    fresh: bool,
    search: str = "lns",
) -> dict:
    started = time.perf_counter()
    school = load_school(path)
    if fresh:  # the Load sheet removed: keste allocates every item first
        school = replace(school, load=[])
    loaded = time.perf_counter() - started
    options = SolveOptions(
        time_limit=time_limit,
        workers=workers,
        seed=seed,
        bound=True if bound else None,
        search=search,
    )
    result = solve_school(school, options)
    info = result.timetable.info if result.timetable else None
    report = result.report
    allocation = result.allocation
    return {
        "school": path.stem,
        "classes": len(school.classes),
        "teachers": len(school.teachers),
        "lessons": len(result.timetable.lessons) if result.solved else 0,
        "seed": seed,
        "time_limit": time_limit,
        "status": info.status if info else _outcome(result),
        "read_s": round(loaded, 2),
        "first_s": None
        if not info or info.first_solution_time is None
        else round(info.first_solution_time, 2),
        "wall_s": round(time.perf_counter() - started, 2),
        "objective": info.objective if info else None,
        "bound": info.bound if info else None,
        "gap": None if not info or info.gap is None else round(info.gap, 3),
        "teacher_gaps": report.penalties.get("teacher_gaps") if report else None,
        "room_changes": report.penalties.get("room_changes") if report else None,
        "teaching": len({t for m in result.demand.meetings for t in m.teachers})
        if result.demand
        else None,
        "valid": bool(report and report.ok),
        "violations": len(report.violations) if report else None,
        "variables": info.variables if info else None,
        **(_allocation_figures(allocation) if allocation else {}),
        **(_grouping_figures(result.grouping) if result.grouping else {}),
    }


def _grouping_figures(grouping) -> dict:
    return {
        "choosing": sum(pool.students for pool in grouping.pools),
        "groups": len(grouping.groups),
        "block_lessons": sum(sum(pool.blocks) for pool in grouping.pools),
        "unmet": len(grouping.unmet),
        "grouping_status": ",".join(pool.status for pool in grouping.pools),
        "grouping_s": round(grouping.wall_time, 2),
    }


def _outcome(result) -> str:
    if result.diagnosis is not None:
        return result.diagnosis.verdict.upper()  # IMPOSSIBLE (explained) or UNDECIDED
    return "BAD_INPUT" if result.problems.has_errors() else "NO_TIMETABLE"


def _allocation_figures(allocation) -> dict:
    return {
        "allocation_status": allocation.status,
        "allocation_first_s": None
        if allocation.first_time is None
        else round(allocation.first_time, 2),
        "allocation_s": round(allocation.wall_time, 2),
        "allocation_objective": sum(c * w for c, w in allocation.penalties.values()),
    }


if __name__ == "__main__":
    path, seed, limit, workers = (
        Path(sys.argv[1]),
        int(sys.argv[2]),
        float(sys.argv[3]),
        int(sys.argv[4]),
    )
    flags = sys.argv[5:]
    search = "cpsat" if "--search-cpsat" in flags else "lns"
    bound, fresh = "--bound" in flags, "--fresh" in flags
    print(json.dumps(measure(path, seed, limit, workers, bound, fresh, search)))
