"""Searching the timetable model: any timetable first (the hard rules only), then a better one
from there (every soft rule), with progress reports; the best solution becomes placements.

Hard rules (clashes, availability, lessons, compactness, meals, locks) are constraints; soft rules
(difficulty, spread, gaps, wishes) add named, weighted penalty terms to one objective (build.py).
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ortools.sat.python import cp_model

from keste.models.timetable import SolveInfo
from keste.solver.sat.solver import hint_all, hint_variables, new_solver
from keste.solver.timetable.bound import class_local_bound
from keste.solver.timetable.build import add_soft_rules
from keste.solver.timetable.context import ModelContext
from keste.solver.timetable.lns import NeighbourhoodSearch
from keste.solver.timetable.objectives import moves

STATUS = {
    cp_model.OPTIMAL: "OPTIMAL",
    cp_model.FEASIBLE: "FEASIBLE",
    cp_model.INFEASIBLE: "INFEASIBLE",
    cp_model.MODEL_INVALID: "MODEL_INVALID",
    cp_model.UNKNOWN: "UNKNOWN",
}


# Measured on the samples (benchmarks/BENCHMARKS.md): without the LP, the first timetable comes
# sooner; with every worker on neighbourhood search, the timetable after 60-180 s is 12-25% better
# than with CP-SAT's default portfolio, which spends a worker on proving a bound.
FIRST_PARAMETERS: dict[str, object] = {"linearization_level": 0}
# Presolve takes most of the time to a first timetable of a large school (88 classes: 4.7 s of
# which 3 s presolve) and the search finds one without it; harder schools, and proofs that none
# exists, need presolve: keste tries without it for a few seconds, then with it.
QUICK_FIRST_PARAMETERS: dict[str, object] = {"linearization_level": 0, "cp_model_presolve": False}
QUICK_FIRST_SECONDS = 10.0  # at most; a tenth of the time limit when that is less
IMPROVE_PARAMETERS: dict[str, object] = {"use_lns_only": True}
PROVE_BELOW_VARIABLES = 5_000  # small models: the default portfolio proves optimality quickly
# Larger schools asked for a bound keep keste's neighbourhood search (a worker proving a bound made
# their timetables worse) and spend this share of the time on the class-local bound (bound.py).
CLASS_BOUND_SHARE = 0.1
CLOSEST_SHARE = 0.5  # of the time limit, re-solving: the timetable closest to the approved one
COMPLETE_SECONDS = 60  # to extend a first timetable to the soft rules' variables


@dataclass
class SolveOptions:
    time_limit: float = 120.0
    workers: int = 0  # 0: every core
    seed: int = 0
    log_path: Path | None = None
    stop_after_first: bool = False
    bound: bool | None = None  # prove a bound (None: only for small models)
    parameters: dict[str, object] | None = None  # CP-SAT parameters for phase 2 (experiments)
    first_parameters: dict[str, object] | None = None  # and for phase 1
    search: str = "lns"  # phase 2 on larger schools: "lns" (keste's neighbourhoods) or "cpsat"
    started: float | None = None  # perf_counter() when the command started: progress counts from it


@dataclass
class Progress:
    elapsed: float
    objective: float | None
    bound: float | None
    solutions: int
    stage: str | None = None  # a step before the search, e.g. allocating the load


@dataclass
class Placement:
    meeting: int
    day: int
    period: int


@dataclass
class Solution:
    placements: list[Placement] = field(default_factory=list)
    meals: list[tuple[str, int, int, str]] = field(default_factory=list)  # class, day, period, meal
    info: SolveInfo = field(default_factory=SolveInfo)


class _Reporter(cp_model.CpSolverSolutionCallback):
    def __init__(
        self, started: float, on_progress: Callable[[Progress], None] | None, stop_after_first: bool
    ):
        super().__init__()
        self.started = started
        self.on_progress = on_progress
        self.stop_after_first = stop_after_first
        self.solutions = 0
        self.has_objective = False  # phase 1 solves without one
        self.shows_bound = False  # only a search that proves bounds has one worth showing
        self.first_time: float | None = None
        self.bound: float | None = None
        self.lock = threading.Lock()

    def on_solution_callback(self) -> None:
        with self.lock:
            self.solutions += 1
            elapsed = time.perf_counter() - self.started
            if self.first_time is None:
                self.first_time = elapsed
            self.bound = self.best_objective_bound if self.shows_bound else None
            self._report(elapsed, self.objective_value if self.has_objective else None)
        if self.stop_after_first:
            self.stop_search()

    def on_bound(self, bound: float) -> None:
        if not self.shows_bound:
            return
        with self.lock:
            self.bound = bound
            self._report(time.perf_counter() - self.started, None)

    def improved(self, objective: float) -> None:
        """A better timetable found outside CP-SAT's callbacks (keste's neighbourhood search)."""
        with self.lock:
            self.solutions += 1
            self._report(time.perf_counter() - self.started, objective)

    def _report(self, elapsed: float, objective: float | None) -> None:
        if self.on_progress:
            self.on_progress(Progress(elapsed, objective, self.bound, self.solutions))


class TimetableSolver:
    """Solves a built model in two phases: any timetable first (feasibility, fast), then a better
    one from there (the objective, with the first timetable as a complete hint).

    stop() (from Ctrl-C) ends the search and keeps the best timetable found so far.
    """

    def __init__(
        self,
        ctx: ModelContext,
        options: SolveOptions,
        on_progress: Callable[[Progress], None] | None = None,
    ):
        self.ctx = ctx
        self.options = options
        self.on_progress = on_progress
        self.solver = cp_model.CpSolver()
        self.interrupted = False
        self.lns: NeighbourhoodSearch | None = None
        self.log: list[str] = []
        self.hard_variables = len(ctx.model.proto.variables)
        self.class_bound: int | None = None

    def stop(self) -> None:
        self.interrupted = True
        self.solver.stop_search()
        if self.lns is not None:
            self.lns.stop()

    def solve(self) -> Solution:
        started = time.perf_counter()
        reporter = _Reporter(self.options.started or started, self.on_progress, False)
        first = self.options.first_parameters
        time_limit = self.options.time_limit
        if self.ctx.approved is not None:  # first the timetable closest to the approved one
            moves.add(self.ctx)
            moved = self.ctx.penalties.get("moved_lessons")
            if moved is not None:
                self.ctx.model.minimize(sum(moved.terms))
                time_limit *= CLOSEST_SHARE
        status = self._first(reporter, time_limit, first, started)
        values = list(self.solver.response_proto.solution) if _found(status) else None
        add_soft_rules(self.ctx)
        if values is not None:
            values = self._complete(values)
        if values is not None and self.ctx.objective is not None:
            status = cp_model.FEASIBLE  # feasible; not yet shown optimal
            if not self._out_of_time(started):
                status, values = self._improve(values, reporter, started, status)
        if self.options.log_path:
            Path(self.options.log_path).write_text("\n".join(self.log) + "\n", encoding="utf-8")
        info = self._info(status, started, reporter, values)
        if values is None:
            return Solution(info=info)
        return solution_of(self.ctx, values, info)

    def _first(
        self,
        reporter: _Reporter,
        time_limit: float,
        parameters: dict[str, object] | None,
        started: float,
    ) -> int:
        """Phase 1: any timetable of the hard rules (the closest to the approved one when
        re-solving), first quickly without presolve, then with it."""
        model = self.ctx.model
        if parameters is not None or self.ctx.approved is not None:
            chosen = FIRST_PARAMETERS if parameters is None else parameters
            return self._run(model, reporter, time_limit, chosen)
        quick = min(QUICK_FIRST_SECONDS, time_limit / 10)
        status = self._run(model, reporter, quick, QUICK_FIRST_PARAMETERS)
        if status != cp_model.UNKNOWN or self.interrupted:
            return status
        remaining = time_limit - (time.perf_counter() - started)
        return self._run(model, reporter, remaining, FIRST_PARAMETERS)

    def _complete(self, values: list[int]) -> list[int] | None:
        """Extend a timetable of the hard model to every variable of the full model: the soft
        rules' variables are functions of the lessons and meals, so fixing those settles them."""
        model = self.ctx.model
        hint_variables(model, self.ctx.decisions(), values)
        solver = new_solver(COMPLETE_SECONDS, workers=1)
        solver.parameters.fix_variables_to_their_hinted_value = True
        status = solver.solve(model)
        model.clear_hints()
        return list(solver.response_proto.solution) if _found(status) else None

    def _improve(
        self, values: list[int], reporter: _Reporter, started: float, status: int
    ) -> tuple[int, list[int]]:
        """Phase 2: minimise the penalties, starting from the first timetable."""
        model = self.ctx.model
        model.minimize(self.ctx.objective)
        hint_all(model, values)
        reporter.has_objective = True
        reporter.shows_bound = self.proves_bound
        remaining = self.options.time_limit - (time.perf_counter() - started)
        parameters = self.options.parameters
        if parameters is None and self.options.search == "lns" and not self.small:
            if self.proves_bound:
                self._class_bound(reporter, started)
            return self._neighbourhoods(values, reporter, started)
        if parameters is None:
            parameters = {} if self.proves_bound else IMPROVE_PARAMETERS
        improved = self._run(model, reporter, remaining, parameters)
        if _found(improved):
            return improved, list(self.solver.response_proto.solution)
        return status, values

    def _neighbourhoods(
        self, values: list[int], reporter: _Reporter, started: float
    ) -> tuple[int, list[int]]:
        search = NeighbourhoodSearch(self.ctx, self.options.workers, self.options.seed)
        self.lns = search
        if self.interrupted:
            return cp_model.FEASIBLE, values
        outcome = search.run(values, started + self.options.time_limit, reporter.improved)
        self.log.append(
            f"neighbourhood search: {outcome.steps} steps, {outcome.improvements} improvements"
        )
        return cp_model.FEASIBLE, outcome.values

    def _class_bound(self, reporter: _Reporter, started: float) -> None:
        remaining = started + self.options.time_limit - time.perf_counter()
        deadline = time.perf_counter() + CLASS_BOUND_SHARE * remaining
        found = class_local_bound(self.ctx, deadline, self.options.workers)
        self.log.append(f"class-local bound: {found}")
        if found is not None:
            self.class_bound = found.value
            reporter.on_bound(found.value)

    @property
    def small(self) -> bool:
        return self.hard_variables < PROVE_BELOW_VARIABLES

    @property
    def proves_bound(self) -> bool:
        if self.options.bound is not None:
            return self.options.bound
        return self.small

    def _out_of_time(self, started: float) -> bool:
        return (
            self.interrupted
            or self.options.stop_after_first
            or time.perf_counter() - started >= self.options.time_limit
        )

    def _run(
        self,
        model: cp_model.CpModel,
        reporter: _Reporter,
        time_limit: float,
        parameters: dict[str, object] | None = None,
    ) -> int:
        self.solver = new_solver(time_limit, self.options.workers, self.options.seed, parameters)
        params = self.solver.parameters
        if self.options.log_path:
            params.log_search_progress = True
            params.log_to_stdout = False
            self.solver.log_callback = self.log.append
        self.solver.best_bound_callback = reporter.on_bound
        if self.interrupted:
            return cp_model.UNKNOWN
        return self.solver.solve(model, reporter)

    def _info(
        self, status: int, started: float, reporter: _Reporter, values: list[int] | None
    ) -> SolveInfo:
        proto = self.ctx.model.proto
        info = SolveInfo(
            status=STATUS.get(status, str(status)),
            wall_time=time.perf_counter() - started,
            first_solution_time=reporter.first_time,
            solutions=reporter.solutions,
            interrupted=self.interrupted,
            workers=self.options.workers or os.cpu_count() or 1,
            seed=self.options.seed,
            time_limit=self.options.time_limit,
            variables=len(proto.variables),
            constraints=len(proto.constraints),
        )
        if values is None:
            return info
        info.penalties = self.ctx.penalty_counts(values)
        info.objective = sum(count * weight for count, weight in info.penalties.values())
        if status == cp_model.OPTIMAL or self.ctx.objective is None:
            info.bound = info.objective
        elif self.class_bound is not None:
            info.bound = min(info.objective, self.class_bound)
        elif self.proves_bound:
            info.bound = min(info.objective, max(0, self.solver.best_objective_bound))
        else:
            info.notes.append(
                "no bound was computed: all the time went to improving the timetable "
                "(keste solve --bound spends a tenth of it on proving one)"
            )
        return info


def solution_of(ctx: ModelContext, values: list[int], info: SolveInfo | None = None) -> Solution:
    """The lessons and meals a full assignment of the model's variables places."""
    solution = Solution(info=info or SolveInfo())
    for (meeting, day, period), variable in ctx.x.items():
        if values[variable.index]:
            solution.placements.append(Placement(meeting, day, period))
    for rule, eaters in ctx.meal_rules:
        for class_name, _, day, period, variable in eaters:
            if values[variable.index]:
                solution.meals.append((class_name, day, period, rule.meal))
    return solution


def _found(status: int) -> bool:
    return status in (cp_model.OPTIMAL, cp_model.FEASIBLE)
